//! The heuristic parts of column generation against enumeration: the
//! local search pricing and the incumbent's neighbours return admissible
//! columns with their true values, the pool's set partitioning a lineup
//! of the pool, and every tuning proves the brute-force optimum.

use std::collections::HashSet;
use std::time::Duration;

use super::tests::{limits, optimum, prices, space, start};
use super::*;
use crate::cancel::Stop;
use crate::ilp::Backend;

/// Every admissible column of `space` with its reduced value under `q`,
/// `c` and σ = 1, by the exact enumeration (tested above) at no threshold.
fn admissible_columns(space: &ColumnSpace, q: &[f64], c: &[f64]) -> Vec<(f64, Bits)> {
    space
        .enumerate(
            q,
            c,
            1.0,
            f64::NEG_INFINITY,
            None,
            usize::MAX,
            u64::MAX,
            &Stop::default(),
        )
        .unwrap()
}

#[test]
fn local_search_pricing_returns_admissible_columns_above_the_threshold() {
    // From poor starts (and one start that breaks the rules, skipped), the
    // local search climbs to columns above the threshold; each is
    // admissible, carries its true reduced value and appears once.
    let sp = space(14);
    let min_pen = -optimum(&sp, Phase::MinPenalty);
    let (even, _) = sp.balanced(2, min_pen).expect("even Länder");
    for space in [&sp, &even] {
        let u = space.unit_count();
        let (q, c) = prices(u);
        let all = admissible_columns(space, &q, &c);
        let value: std::collections::HashMap<Bits, f64> = all.iter().map(|a| (a.1, a.0)).collect();
        let mut starts: Vec<Bits> = all.iter().rev().take(5).map(|a| a.1).collect();
        starts.push((1 << u) - 1);
        for threshold in [all[30].0, all[3].0, 0.0] {
            let got = space.local_columns(&q, &c, 1.0, &starts, threshold);
            assert!(!got.is_empty(), "threshold {threshold}: nothing found");
            let mut bits: Vec<Bits> = got.iter().map(|g| g.1).collect();
            bits.sort_unstable();
            bits.dedup();
            assert_eq!(bits.len(), got.len(), "a column twice");
            for (v, b) in &got {
                let want = value.get(b).expect("an admissible column");
                assert!((v - want).abs() < 1e-9, "{v} vs {want}");
                assert!(*v > threshold, "{v} not above {threshold}");
            }
        }
    }
}

#[test]
fn the_neighbours_of_a_lineup_are_its_admissible_one_unit_exchanges() {
    let sp = space(13);
    let min_pen = -optimum(&sp, Phase::MinPenalty);
    let (even, _) = sp.balanced(2, min_pen + 0.5).expect("even Länder");
    let lineup: Vec<Vec<usize>> = vec![(0..13).step_by(2).collect(), (1..13).step_by(2).collect()];
    for space in [&sp, &even] {
        let u = space.unit_count();
        let (q, c) = prices(u);
        let admissible: HashSet<Bits> = admissible_columns(space, &q, &c).iter().map(|a| a.1).collect();
        let clusters: Vec<Bits> = lineup
            .iter()
            .map(|m| space.column_of_members(m).unwrap().units)
            .collect();
        let (a, b) = (clusters[0], clusters[1]);
        let mut want: Vec<Bits> = Vec::new();
        for x in (0..u).filter(|&x| a >> x & 1 == 1) {
            for y in (0..u).filter(|&y| b >> y & 1 == 1) {
                let (bx, by) = (1 << x, 1 << y);
                want.extend([a & !bx | by, b & !by | bx, a & !bx, b | bx, b & !by, a | by]);
            }
        }
        want.retain(|w| admissible.contains(w) && !clusters.contains(w));
        want.sort_unstable();
        want.dedup();
        assert!(!want.is_empty());
        let mut got = space.neighbours(&clusters);
        got.sort_unstable();
        assert_eq!(got, want);
    }
}

#[test]
fn the_pool_set_partitioning_returns_a_better_lineup_of_the_pool() {
    let sp = space(13);
    let phase = Phase::Weighted;
    let cols_of = |groups: &[Vec<usize>]| -> Vec<Column> {
        groups.iter().map(|g| sp.column_of_members(g).unwrap()).collect()
    };
    let value = |cols: &[Column]| cols.iter().map(|c| phase.col(c)).sum::<f64>();
    let poor = cols_of(&start(13));
    let better = cols_of(&[(0..13).step_by(2).collect(), (1..13).step_by(2).collect()]);
    assert!(value(&better) > value(&poor) + 1.0);
    let units: Vec<Bits> = poor.iter().chain(&better).map(|c| c.units).collect();
    let mut pool: Vec<Column> = sp.neighbours(&units).into_iter().map(|b| sp.column(b)).collect();
    pool.extend(&better);
    let time = Duration::from_secs(60);
    let (z, cols) = partition::better_in_pool(
        &pool,
        &poor,
        value(&poor),
        13,
        2,
        None,
        phase,
        Backend::default(),
        time,
    )
    .expect("the pool holds a better lineup");
    assert!(z >= value(&better) - 1e-6, "{z} below {}", value(&better));
    assert!((z - value(&cols)).abs() < 1e-6);
    // A partition of the block into two clusters of the pool.
    assert_eq!(cols.len(), 2);
    assert_eq!(cols[0].members & cols[1].members, 0);
    assert_eq!(cols[0].members | cols[1].members, (1 << 13) - 1);
    let in_pool: HashSet<Bits> = pool.iter().chain(&poor).map(|c| c.units).collect();
    assert!(cols.iter().all(|c| in_pool.contains(&c.units)));
    // Nothing better than the pool's best.
    assert!(
        partition::better_in_pool(&pool, &cols, z, 13, 2, None, phase, Backend::default(), time).is_none()
    );
}

#[test]
fn every_tuning_of_column_generation_proves_the_optimum() {
    // Neighbours, local search, the exact pricing's schedule, the pool's
    // set partitioning and the closing step's first candidates (3: too few,
    // the restricted bound does not prove, the full closing follows) change
    // the way, not the answer.
    let sp = space(14);
    let min_pen = -optimum(&sp, Phase::MinPenalty);
    let base = Tuning::default();
    let tunings = [
        base,
        Tuning {
            neighbours: false,
            local: false,
            exact_every: 10,
            pool_ip_every: 0,
            first_candidates: 0,
            ..base
        },
        Tuning {
            exact_every: 0,
            per_round: 5,
            ..base
        },
        Tuning {
            pool_ip_every: 1,
            first_candidates: 3,
            ..base
        },
    ];
    for phase in [Phase::MaxSpread { cap: min_pen }, Phase::Weighted] {
        let opt = optimum(&sp, phase);
        for tuning in tunings {
            let ex = optimise_with(&sp, phase, 2, &start(14), limits(20_000), tuning);
            assert!(ex.optimal, "{phase:?} {tuning:?}: {}", ex.note);
            assert!(
                (ex.bound - opt).abs() < 1e-6,
                "{phase:?} {tuning:?}: {} vs {opt}",
                ex.bound
            );
            let found = ex.improved.expect("the start is not optimal");
            let cols: Vec<Vec<usize>> = (0..2)
                .map(|g| (0..14).filter(|&i| found[i] == g).collect())
                .collect();
            let lineup: Vec<Column> = cols.iter().map(|c| sp.column_of_members(c).unwrap()).collect();
            let v: f64 = lineup.iter().map(|c| phase.col(c)).sum();
            assert!(
                (v - opt).abs() < 1e-6,
                "{phase:?} {tuning:?}: lineup {v} vs {opt}"
            );
            if let Phase::MaxSpread { cap } = phase {
                assert!(lineup.iter().map(|c| c.pen).sum::<f64>() <= cap + 1e-6);
            }
        }
    }
}
