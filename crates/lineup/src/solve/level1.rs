//! Level 1 (fewest same-Land pairs) of a strict block as an integer program
//! on counts.
//!
//! Same-Land pairs depend only on how many members of each Land a cluster
//! holds, and members without pin or link are interchangeable within their
//! Land. So the model has an integer count `y[g][L]` per cluster and Land for
//! those free members, and binaries `x[i][g]` only for pinned or linked
//! members. `C(c, 2)` is convex in the count `c`; its tangents
//! `t·c − t(t+1)/2` (exact at `c = t, t+1`) linearise it. Unpinned clusters
//! are interchangeable, so their sizes are ordered to break symmetry.

use std::time::Duration;

use super::block::BlockModel;
use crate::ilp::{self, Backend, Milp, MilpOutcome};
use crate::messages::note::Note;

/// What the count model established.
#[derive(Clone, Debug)]
pub(crate) enum Level1 {
    /// Proven minimum of same-Land pairs; with a lineup attaining it if better
    /// than the incumbent (local member → cluster).
    Optimal {
        pairs: usize,
        improved: Option<Vec<usize>>,
    },
    /// No proof within the limit (maybe a better lineup).
    Unproven {
        improved: Option<(usize, Vec<usize>)>,
        note: Note,
    },
    /// No lineup satisfies the rules.
    Infeasible,
}

/// Solves the count model. `incumbent` is a local member → cluster assignment.
pub(crate) fn solve_level1(
    model: &BlockModel,
    incumbent: Option<&[usize]>,
    backend: Backend,
    time_limit: Duration,
) -> Level1 {
    let n = model.len();
    let k = model.clusters;
    let land = &model.weights.land;
    let mut special = vec![false; n];
    let mut pin = vec![None; n];
    for &(i, g) in &model.rules.pinned {
        special[i] = true;
        pin[i] = Some(g);
    }
    for &(a, b) in model.rules.must_link.iter().chain(&model.rules.cannot_link) {
        special[a] = true;
        special[b] = true;
    }
    let mut free = [0usize; 16];
    let mut total = [0usize; 16];
    for i in 0..n {
        total[land[i] as usize] += 1;
        if !special[i] {
            free[land[i] as usize] += 1;
        }
    }
    let lands: Vec<usize> = (0..16).filter(|&l| total[l] > 0).collect();
    let mut m = Milp::new(false);
    // y[g][l] for free members.
    let mut y = vec![vec![usize::MAX; 16]; k];
    for row in y.iter_mut() {
        for &l in &lands {
            if free[l] > 0 {
                row[l] = m.add_var(0.0, free[l] as f64, true);
            }
        }
    }
    let mut x = vec![Vec::new(); n];
    for i in 0..n {
        if special[i] {
            x[i] = (0..k)
                .map(|g| {
                    let fixed = pin[i].map(|p| if p == g { 1.0 } else { 0.0 });
                    m.add_var(fixed.unwrap_or(0.0), fixed.unwrap_or(1.0), true)
                })
                .collect();
            m.add_row(x[i].iter().map(|&v| (v, 1.0)).collect(), 1.0, 1.0);
        }
    }
    for &l in &lands {
        if free[l] > 0 {
            m.add_row(
                (0..k).map(|g| (y[g][l], 1.0)).collect(),
                free[l] as f64,
                free[l] as f64,
            );
        }
    }
    // count[g][l] as a linear expression.
    let count = |g: usize, l: usize| -> Vec<(usize, f64)> {
        let mut e = Vec::new();
        if y[g][l] != usize::MAX {
            e.push((y[g][l], 1.0));
        }
        for i in 0..n {
            if special[i] && land[i] as usize == l {
                e.push((x[i][g], 1.0));
            }
        }
        e
    };
    let (a, b) = (model.size.min as f64, model.size.max as f64);
    let mut size_rows = Vec::new();
    for g in 0..k {
        let mut size = Vec::new();
        for &l in &lands {
            size.extend(count(g, l));
        }
        m.add_row(size.clone(), a, b);
        size_rows.push(size);
    }
    let pinned_groups = model.pins;
    for g in pinned_groups..k.saturating_sub(1) {
        let mut row = size_rows[g].clone();
        row.extend(size_rows[g + 1].iter().map(|&(v, c)| (v, -c)));
        m.add_row(row, 0.0, f64::INFINITY);
    }
    if let Some((_, cap)) = &model.rules.cap {
        for g in 0..k {
            for &l in &lands {
                m.add_row(count(g, l), f64::NEG_INFINITY, *cap as f64);
            }
        }
    }
    model.add_link_rows(&mut m, &x);
    let mut z = vec![vec![usize::MAX; 16]; k];
    for g in 0..k {
        for &l in &lands {
            let top = total[l].min(model.size.max);
            if top < 2 {
                continue;
            }
            let v = m.add_var(0.0, f64::INFINITY, false);
            m.set_objective(v, 1.0);
            for t in 1..top {
                let mut row = vec![(v, 1.0)];
                row.extend(count(g, l).into_iter().map(|(var, c)| (var, -(t as f64) * c)));
                m.add_row(row, -((t * (t + 1) / 2) as f64), f64::INFINITY);
            }
            z[g][l] = v;
        }
    }
    // Warm start from the incumbent, with clusters reordered to respect the
    // symmetry rows.
    if let Some(inc) = incumbent {
        let mut order: Vec<usize> = (0..k).collect();
        let mut sizes = vec![0usize; k];
        for &g in inc {
            sizes[g] += 1;
        }
        order[pinned_groups..].sort_by_key(|&g| std::cmp::Reverse(sizes[g]));
        let mut pos = vec![0usize; k];
        for (new, &old) in order.iter().enumerate() {
            pos[old] = new;
        }
        let mut init = vec![0.0; m.vars.len()];
        let mut cnt = vec![[0usize; 16]; k];
        for i in 0..n {
            let g = pos[inc[i]];
            cnt[g][land[i] as usize] += 1;
            if special[i] {
                init[x[i][g]] = 1.0;
            } else {
                init[y[g][land[i] as usize]] += 1.0;
            }
        }
        for g in 0..k {
            for &l in &lands {
                if z[g][l] != usize::MAX {
                    let c = cnt[g][l];
                    init[z[g][l]] = (c * c.saturating_sub(1) / 2) as f64;
                }
            }
        }
        if m.violation(&init, 1e-9).is_none() {
            m.initial = Some(init);
        }
    }
    let decode = |values: &[f64]| -> Vec<usize> {
        let mut groups = vec![0usize; n];
        let mut left: Vec<[usize; 16]> = (0..k)
            .map(|g| {
                let mut r = [0usize; 16];
                for &l in &lands {
                    if y[g][l] != usize::MAX {
                        r[l] = values[y[g][l]].round() as usize;
                    }
                }
                r
            })
            .collect();
        for i in 0..n {
            if special[i] {
                groups[i] = (0..k).find(|&g| values[x[i][g]] > 0.5).unwrap_or(0);
            } else {
                let l = land[i] as usize;
                let g = (0..k).find(|&g| left[g][l] > 0).unwrap_or(0);
                left[g][l] = left[g][l].saturating_sub(1);
                groups[i] = g;
            }
        }
        groups
    };
    let inc_pairs = incumbent.map(|inc| pairs_of(inc, land, k));
    match ilp::solve(&m, backend, Some(time_limit)) {
        MilpOutcome::Optimal { values, objective } => {
            let pairs = objective.round() as usize;
            let groups = decode(&values);
            if pairs_of(&groups, land, k) != pairs {
                return Level1::Unproven {
                    improved: None,
                    note: Note::new("solver.count_decode", &[]),
                };
            }
            if let Some(ip) = inc_pairs {
                if pairs > ip {
                    return Level1::Unproven {
                        improved: None,
                        note: Note::new("solver.count_untrusted", &[("backend", backend.name().into())]),
                    };
                }
            }
            Level1::Optimal {
                pairs,
                improved: (inc_pairs.is_none_or(|ip| pairs < ip)).then_some(groups),
            }
        }
        MilpOutcome::Feasible { values, .. } => {
            let groups = decode(&values);
            let pairs = pairs_of(&groups, land, k);
            Level1::Unproven {
                improved: inc_pairs.is_none_or(|ip| pairs < ip).then_some((pairs, groups)),
                note: Note::new("solver.count_time", &[]),
            }
        }
        MilpOutcome::Infeasible => Level1::Infeasible,
        MilpOutcome::Failed(why) => Level1::Unproven {
            improved: None,
            note: why,
        },
    }
}

/// Same-Land pairs of a local assignment.
pub(crate) fn pairs_of(groups: &[usize], land: &[u8], k: usize) -> usize {
    let mut c = vec![[0usize; 16]; k];
    for (i, &g) in groups.iter().enumerate() {
        c[g][land[i] as usize] += 1;
    }
    c.iter()
        .flat_map(|r| r.iter())
        .map(|&x| x * x.saturating_sub(1) / 2)
        .sum()
}
