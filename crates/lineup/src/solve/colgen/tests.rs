//! The bounds of column generation against enumeration of every lineup of
//! small blocks: valid (never below the optimum) and tight (each test fails
//! when its bound is scaled down by 10 %).

use std::time::{Duration, Instant};

use super::*;
use crate::cancel::Stop;
use crate::ilp::{Backend, MilpOutcome};
use crate::land::Land;
use crate::municipality::{LatLon, Municipality};
use crate::problem::Problem;
use crate::settings::Settings;
use crate::solve::block::BlockModel;

/// `n` Mittelstädte from five Länder, spread over Germany.
pub(super) fn space(n: usize) -> ColumnSpace {
    let towns = (0..n)
        .map(|i| {
            let at = LatLon {
                lat: 47.5 + (i * 37 % 53) as f64 / 53.0 * 7.0,
                lon: 6.5 + (i * 71 % 59) as f64 / 59.0 * 8.0,
            };
            Municipality::new(format!("m{i}"), format!("Ort {i}"), Land::ALL[i % 5], 50_000, at)
        })
        .collect();
    let problem = Problem::new(towns, Settings::default()).unwrap();
    let model = BlockModel::new(&problem, &problem.blocks()[0]);
    ColumnSpace::new(&model).unwrap()
}

pub(super) fn limits(max_columns: usize) -> Limits {
    Limits {
        deadline: Instant::now() + Duration::from_secs(600),
        backend: Backend::default(),
        max_rounds: 5_000,
        node_budget: 2_000_000_000,
        max_columns,
        cancel: None,
    }
}

/// The best value of `phase` over every split of `n` members into two
/// clusters of 6–7, by enumeration.
pub(super) fn optimum(space: &ColumnSpace, phase: Phase) -> f64 {
    let n = space.n;
    let mut best = f64::NEG_INFINITY;
    for set in 0u32..1 << n {
        let size = set.count_ones() as usize;
        if set & 1 == 0 || !(6..=7).contains(&size) || !(6..=7).contains(&(n - size)) {
            continue;
        }
        let a: Vec<usize> = (0..n).filter(|&i| set >> i & 1 == 1).collect();
        let b: Vec<usize> = (0..n).filter(|&i| set >> i & 1 == 0).collect();
        let (ca, cb) = (
            space.column_of_members(&a).unwrap(),
            space.column_of_members(&b).unwrap(),
        );
        if let Phase::MaxSpread { cap } = phase {
            if ca.pen + cb.pen > cap + 1e-9 {
                continue;
            }
        }
        best = best.max(phase.col(&ca) + phase.col(&cb));
    }
    best
}

/// A poor start: the first seven, the rest.
pub(super) fn start(n: usize) -> Vec<Vec<usize>> {
    vec![(0..7).collect(), (7..n).collect()]
}

/// Asserts `bound >= opt` and that 90 % of the bound is below it.
fn valid_and_tight(bound: f64, opt: f64) {
    assert!(bound >= opt - 1e-6, "bound {bound} below the optimum {opt}");
    assert!(0.9 * bound < opt, "bound {bound} too loose for {opt}");
}

#[test]
fn column_generation_proves_a_small_block_optimal() {
    let sp = space(13);
    let min_pen = -optimum(&sp, Phase::MinPenalty);
    for phase in [Phase::MaxSpread { cap: min_pen }, Phase::Weighted] {
        let opt = optimum(&sp, phase);
        let ex = optimise(&sp, phase, 2, &start(13), limits(20_000));
        assert!(ex.optimal, "{phase:?}: {}", ex.note);
        valid_and_tight(ex.bound, opt);
        assert!((ex.bound - opt).abs() < 1e-6, "{phase:?}: {} vs {opt}", ex.bound);
        let found = ex.improved.expect("the start is not optimal");
        let cols: Vec<Vec<usize>> = (0..2)
            .map(|g| (0..13).filter(|&i| found[i] == g).collect())
            .collect();
        let value: f64 = cols
            .iter()
            .map(|c| phase.col(&sp.column_of_members(c).unwrap()))
            .sum();
        assert!((value - opt).abs() < 1e-6, "{phase:?}: lineup {value} vs {opt}");
    }
}

#[test]
fn the_restricted_set_partitioning_bound_is_valid_and_tight() {
    // Room for 8 candidates only: the set partitioning runs over the best
    // 2, and the bound comes from the reduced value of the last one kept.
    let sp = space(14);
    let phase = Phase::MaxSpread { cap: 1e9 };
    let opt = optimum(&sp, phase);
    // Without the pool's set partitioning, which would find the optimum
    // before the closing step.
    let tuning = Tuning {
        pool_ip_every: 0,
        first_candidates: 0,
        ..Tuning::default()
    };
    let ex = optimise_with(&sp, phase, 2, &start(14), limits(8), tuning);
    valid_and_tight(ex.bound, opt);
    if ex.optimal {
        assert!((ex.bound - opt).abs() < 1e-6, "{}", ex.note);
    }
    assert!(ex.note.key.ends_with("_best"), "{}", ex.note);
}

#[test]
fn the_lagrangian_bound_of_a_round_is_valid_before_convergence() {
    // One round only: the bound D + K·(bound on the reduced values) of the
    // first duals is above the optimum.
    let sp = space(13);
    let phase = Phase::MaxSpread { cap: 1e9 };
    let opt = optimum(&sp, phase);
    let mut l = limits(20_000);
    l.max_rounds = 1;
    let ex = optimise(&sp, phase, 2, &start(13), l);
    assert!(ex.bound >= opt - 1e-6, "{} below {opt}", ex.bound);
    assert!(!ex.optimal || (ex.bound - opt).abs() < 1e-6);
}

#[test]
fn the_reduced_value_bound_is_above_every_column_and_exact_when_pairs_are_equal() {
    let sp = space(13);
    let u = sp.unit_count();
    let stop = Stop::default();
    // The best column's reduced value at dual 2.0, by enumeration.
    let best_column = |q: &[f64], c: &[f64]| {
        sp.enumerate(q, c, 2.0, f64::NEG_INFINITY, Some(1), usize::MAX, u64::MAX, &stop)
            .unwrap()[0]
            .0
    };
    // Uneven values: the bound is above the best column.
    // Pair values are symmetric, as the columns' are.
    let q: Vec<f64> = (0..u * u)
        .map(|i| (i / u).min(i % u) * u + (i / u).max(i % u))
        .map(|i| ((i * 7919) % 13) as f64 - 4.0)
        .collect();
    let c: Vec<f64> = (0..u).map(|x| ((x * 31) % 7) as f64 - 3.0).collect();
    let best = best_column(&q, &c);
    let ub = sp.reduced_value_bound(&q, &c, 2.0);
    assert!(ub >= best - 1e-9, "{ub} < {best}");
    // Equal pair values: every pair of a full column counts, the bound is exact.
    let q = vec![1.5; u * u];
    let c = vec![0.25; u];
    let best = best_column(&q, &c);
    let ub = sp.reduced_value_bound(&q, &c, 2.0);
    valid_and_tight(ub, best);
    assert!((ub - best).abs() < 1e-9, "{ub} vs {best}");
}

/// Symmetric pair values and unit constants of `u` units for the pricing
/// tests (integers from -6 to 11, many ties).
pub(super) fn prices(u: usize) -> (Vec<f64>, Vec<f64>) {
    let q = (0..u * u)
        .map(|i| (i / u).min(i % u) * u + (i / u).max(i % u))
        .map(|i| ((i * 7919) % 17) as f64 - 5.0)
        .collect();
    let c = (0..u).map(|x| ((x * 31) % 11) as f64 - 6.0).collect();
    (q, c)
}

/// Every 6- or 7-subset of the `u` units that `keep` accepts, with its
/// reduced value at σ = 1, by enumeration: best first, ties by bits.
fn every_column(u: usize, q: &[f64], c: &[f64], keep: impl Fn(u32) -> bool) -> Vec<(f64, Bits)> {
    let mut all: Vec<(f64, Bits)> = Vec::new();
    for set in 0u32..1 << u {
        if !(6..=7).contains(&set.count_ones()) || !keep(set) {
            continue;
        }
        let list: Vec<usize> = (0..u).filter(|&x| set >> x & 1 == 1).collect();
        let mut v = -1.0;
        for (a, &x) in list.iter().enumerate() {
            v += c[x];
            for &y in &list[a + 1..] {
                v += q[x * u + y];
            }
        }
        all.push((v, set as Bits));
    }
    all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    all
}

#[test]
fn pricing_finds_exactly_the_columns_above_a_threshold() {
    // The search prunes by bounds over the units still ahead in its order:
    // it must return exactly the columns that enumeration of every 6- and
    // 7-subset finds above the threshold, and the best ones first.
    let sp = space(14);
    let u = sp.unit_count();
    let stop = Stop::default();
    let (q, c) = prices(u);
    let all = every_column(u, &q, &c, |_| true);
    for threshold in [all[0].0, all[10].0, all[200].0, 0.0, -10.0] {
        let want: Vec<Bits> = all.iter().filter(|a| a.0 >= threshold).map(|a| a.1).collect();
        let mut got: Vec<Bits> = sp
            .enumerate(&q, &c, 1.0, threshold, None, usize::MAX, u64::MAX, &stop)
            .unwrap()
            .iter()
            .map(|f| f.1)
            .collect();
        let mut want_sorted = want.clone();
        want_sorted.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want_sorted, "threshold {threshold}");
    }
    let best = sp
        .enumerate(
            &q,
            &c,
            1.0,
            f64::NEG_INFINITY,
            Some(5),
            usize::MAX,
            u64::MAX,
            &stop,
        )
        .unwrap();
    for (f, a) in best.iter().zip(&all) {
        assert!((f.0 - a.0).abs() < 1e-9, "{} vs {}", f.0, a.0);
    }
}

#[test]
fn a_cap_at_the_fewest_same_land_pairs_keeps_exactly_the_even_columns() {
    // Five Länder with 3, 3, 3, 2, 2 of 13 members in two clusters: at
    // least one pair in each of the first three. At that cap the columns
    // are those with 1–2 members of each of them and one of the others.
    let sp = space(13);
    let min_pen = -optimum(&sp, Phase::MinPenalty);
    let (fewest, members) = sp.fewest_same_land_pairs(2);
    assert_eq!(fewest, 3);
    assert_eq!(min_pen, 3.0);
    assert!(
        sp.balanced(2, min_pen + 1.0).is_none(),
        "one pair more is allowed"
    );
    let (even, redundant) = sp.balanced(2, min_pen + 0.5).expect("even Länder");
    assert!(redundant, "the penalty is same-Land pairs only");
    let u = sp.unit_count();
    let stop = Stop::default();
    // Every column, then (pricing prunes by the units that can still
    // join) the columns above a threshold under uneven values.
    let flat = (vec![0.0; u * u], vec![0.0; u], f64::NEG_INFINITY);
    let uneven = (
        (0..u * u)
            .map(|i| (i / u).min(i % u) * u + (i / u).max(i % u))
            .map(|i| ((i * 7919) % 17) as f64 - 5.0)
            .collect::<Vec<f64>>(),
        (0..u).map(|x| ((x * 31) % 11) as f64 - 6.0).collect::<Vec<f64>>(),
        -4.0,
    );
    for (q, c, threshold) in [flat, uneven] {
        let columns = |space: &ColumnSpace| {
            let mut all: Vec<Bits> = space
                .enumerate(&q, &c, 0.0, threshold, None, usize::MAX, u64::MAX, &stop)
                .unwrap()
                .iter()
                .map(|f| f.1)
                .collect();
            all.sort_unstable();
            all
        };
        let is_even = |units: &Bits| {
            let mut count = [0usize; 5];
            for i in (0..13).filter(|i| units >> i & 1 == 1) {
                count[i % 5] += 1;
            }
            (0..5).all(|l| {
                (members_of(&members, l) / 2..=members_of(&members, l).div_ceil(2)).contains(&count[l])
            })
        };
        let want: Vec<Bits> = columns(&sp).into_iter().filter(is_even).collect();
        assert!(!want.is_empty());
        assert!(want.len() < columns(&sp).len(), "the restriction restricts");
        assert_eq!(columns(&even), want);
    }
}

/// Members of Land `l` of the test blocks (`Land::ALL[i % 5]`).
fn members_of(members: &[usize; 16], l: usize) -> usize {
    members[Land::ALL[l].index()]
}

#[test]
fn column_generation_over_even_columns_proves_the_optimum_at_the_cap() {
    // A poor start within the cap is proven, improved to the brute-force
    // optimum of every lineup (even or not) with at most the fewest pairs.
    let sp = space(14);
    let min_pen = -optimum(&sp, Phase::MinPenalty);
    assert!(sp.balanced(2, min_pen).is_some());
    let phase = Phase::MaxSpread { cap: min_pen };
    let opt = optimum(&sp, phase);
    let ex = optimise(&sp, phase, 2, &start(14), limits(20_000));
    assert!(ex.optimal, "{}", ex.note);
    valid_and_tight(ex.bound, opt);
    assert!((ex.bound - opt).abs() < 1e-6, "{} vs {opt}", ex.bound);
}

#[test]
fn the_reduced_value_bound_takes_at_most_a_columns_room_of_each_land() {
    // Over evenly spread Länder a column holds at most one member of two
    // of the five Länder and two of the others: the bound counts no more
    // of them, so it stays above the best even column but falls below the
    // bound that ignores the Länder (every value of Land 0 made large).
    let sp = space(13);
    let (even, _) = sp.balanced(2, 3.5).expect("even Länder");
    let u = sp.unit_count();
    let stop = Stop::default();
    let land0: Vec<bool> = (0..u).map(|x| x % 5 == 0).collect();
    let q: Vec<f64> = (0..u * u)
        .map(|i| (i / u, i % u))
        .map(|(x, y)| {
            if land0[x] || land0[y] {
                6.0
            } else {
                1.0 + ((x + y) % 3) as f64
            }
        })
        .collect();
    let c: Vec<f64> = (0..u).map(|x| if land0[x] { 4.0 } else { 0.5 }).collect();
    let best_of = |space: &ColumnSpace| {
        space
            .enumerate(
                &q,
                &c,
                2.0,
                f64::NEG_INFINITY,
                Some(1),
                usize::MAX,
                u64::MAX,
                &stop,
            )
            .unwrap()[0]
            .0
    };
    let (best, best_even) = (best_of(&sp), best_of(&even));
    let (ub, ub_even) = (
        sp.reduced_value_bound(&q, &c, 2.0),
        even.reduced_value_bound(&q, &c, 2.0),
    );
    assert!(ub >= best - 1e-9, "{ub} < {best}");
    valid_and_tight(ub_even, best_even);
    assert!(
        ub_even < best,
        "the Land limits tighten the bound: {ub_even} vs {best}"
    );
}

#[test]
fn pricing_over_even_columns_finds_exactly_the_columns_above_a_threshold() {
    // Over evenly spread Länder the search bounds a node by at most a
    // column's room of each Land and the units a Land's quota still needs:
    // it must return exactly the even columns that enumeration of every
    // 6- and 7-subset finds above the threshold.
    let sp = space(13);
    let (even, _) = sp.balanced(2, 3.5).expect("even Länder");
    let (_, members) = sp.fewest_same_land_pairs(2);
    let u = sp.unit_count();
    let stop = Stop::default();
    let (q, c) = prices(u);
    let all = every_column(u, &q, &c, |set| {
        let mut count = [0usize; 5];
        for i in (0..13).filter(|i| set >> i & 1 == 1) {
            count[i % 5] += 1;
        }
        (0..5).all(|l| {
            let m = members_of(&members, l);
            (m / 2..=m.div_ceil(2)).contains(&count[l])
        })
    });
    assert!(all.len() > 40);
    for threshold in [all[0].0, all[3].0, all[10].0, all[30].0, 0.0] {
        let mut want: Vec<Bits> = all.iter().filter(|a| a.0 >= threshold).map(|a| a.1).collect();
        let mut got: Vec<Bits> = even
            .enumerate(&q, &c, 1.0, threshold, None, usize::MAX, u64::MAX, &stop)
            .unwrap()
            .iter()
            .map(|f| f.1)
            .collect();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want, "threshold {threshold}");
    }
}

#[test]
fn a_better_lineup_from_an_unfinished_partitioning_is_kept() {
    // The set partitioning stopped early (time limit) with a point better
    // than the incumbent: the lineup is returned for the caller to check,
    // and the gap is measured against it. A point no better is dropped.
    let sp = space(13);
    let phase = Phase::Weighted;
    let poor = start(13);
    let cols_of = |groups: &[Vec<usize>]| -> Vec<Column> {
        groups.iter().map(|g| sp.column_of_members(g).unwrap()).collect()
    };
    let value = |cols: &[Column]| cols.iter().map(|c| phase.col(c)).sum::<f64>();
    let z_inc = value(&cols_of(&poor));
    let better: Vec<Vec<usize>> = vec![(0..13).step_by(2).collect(), (1..13).step_by(2).collect()];
    let mut cols = cols_of(&poor);
    cols.extend(cols_of(&better));
    let z = value(&cols[2..]);
    assert!(z > z_inc + 1.0, "the test needs a better split: {z} vs {z_inc}");
    let bound = z + 10.0;
    let stopped = MilpOutcome::Feasible {
        values: vec![0.0, 0.0, 1.0, 1.0],
        objective: z,
    };
    let ex = unfinished(stopped, &sp, &cols, bound, z_inc);
    let g = ex.improved.expect("the better lineup is kept");
    for members in &better {
        assert!(members.iter().all(|&i| g[i] == g[members[0]]), "{g:?}");
    }
    assert_ne!(g[0], g[1]);
    assert!(!ex.optimal);
    assert_eq!(ex.bound, bound);
    assert_eq!(ex.note.key, "solver.partitioning_unfinished");
    // Proven when the bound is the point's value.
    let stopped = MilpOutcome::Feasible {
        values: vec![0.0, 0.0, 1.0, 1.0],
        objective: z,
    };
    assert!(unfinished(stopped, &sp, &cols, z, z_inc).optimal);
    // No better than the incumbent: nothing to keep, the incumbent's gap.
    let same = MilpOutcome::Feasible {
        values: vec![1.0, 1.0, 0.0, 0.0],
        objective: z_inc,
    };
    let ex = unfinished(same, &sp, &cols, bound, z_inc);
    assert!(ex.improved.is_none() && !ex.optimal);
}
