//! Deciding whether a block has any lineup at all, when the heuristic found
//! none: an assignment integer program with every rule (sizes, pins, links,
//! caps, quotas, mixing of neighbouring classes only) and no objective.

use std::time::Duration;

use super::block::BlockModel;
use crate::ilp::{self, Backend, Milp, MilpOutcome};
use crate::size_class::ClassId;

/// What the feasibility model says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Feasibility {
    /// A lineup (local member → cluster) that satisfies every rule.
    Found(Vec<usize>),
    /// Proven: no lineup exists.
    Infeasible,
    /// Undecided within the limit.
    Unknown(String),
}

/// Solves the feasibility model of a block.
pub(crate) fn find_feasible(model: &BlockModel, backend: Backend, time_limit: Duration) -> Feasibility {
    let n = model.len();
    let k = model.clusters;
    let mut m = Milp::new(false);
    let mut pin = vec![None; n];
    for &(i, g) in &model.rules.pinned {
        pin[i] = Some(g);
    }
    let x: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            (0..k)
                .map(|g| match pin[i] {
                    Some(p) => {
                        let v = if p == g { 1.0 } else { 0.0 };
                        m.add_var(v, v, true)
                    }
                    None => m.add_var(0.0, 1.0, true),
                })
                .collect()
        })
        .collect();
    for row in &x {
        m.add_row(row.iter().map(|&v| (v, 1.0)).collect(), 1.0, 1.0);
    }
    for g in 0..k {
        m.add_row(
            (0..n).map(|i| (x[i][g], 1.0)).collect(),
            model.size.min as f64,
            model.size.max as f64,
        );
    }
    model.add_link_rows(&mut m, &x);
    if let Some((attr, cap)) = &model.rules.cap {
        let mut values: Vec<u8> = attr.clone();
        values.sort_unstable();
        values.dedup();
        for g in 0..k {
            for &a in &values {
                let row: Vec<(usize, f64)> =
                    (0..n).filter(|&i| attr[i] == a).map(|i| (x[i][g], 1.0)).collect();
                if row.len() > *cap {
                    m.add_row(row, f64::NEG_INFINITY, *cap as f64);
                }
            }
        }
    }
    for limit in &model.rules.limits {
        for g in 0..k {
            let row: Vec<(usize, f64)> = limit.members.iter().map(|&i| (x[i][g], 1.0)).collect();
            let hi = if limit.at_most >= row.len() {
                f64::INFINITY
            } else {
                limit.at_most as f64
            };
            m.add_row(row, limit.at_least as f64, hi);
        }
    }
    if let Some(cat) = &model.rules.span {
        let mut classes: Vec<u8> = cat.clone();
        classes.sort_unstable();
        classes.dedup();
        for g in 0..k {
            let u: Vec<usize> = classes.iter().map(|_| m.add_var(0.0, 1.0, true)).collect();
            for i in 0..n {
                let c = classes.iter().position(|&c| c == cat[i]).unwrap_or(0);
                m.add_row(vec![(x[i][g], 1.0), (u[c], -1.0)], f64::NEG_INFINITY, 0.0);
            }
            for a in 0..classes.len() {
                for b in a + 1..classes.len() {
                    let (lo, hi) = (ClassId(classes[a]), ClassId(classes[b]));
                    if !model.comparability.allows_span(lo, hi) {
                        m.add_row(vec![(u[a], 1.0), (u[b], 1.0)], f64::NEG_INFINITY, 1.0);
                    }
                }
            }
        }
    }
    match ilp::solve(&m, backend, Some(time_limit)) {
        MilpOutcome::Optimal { values, .. } | MilpOutcome::Feasible { values, .. } => Feasibility::Found(
            (0..n)
                .map(|i| (0..k).find(|&g| values[x[i][g]] > 0.5).unwrap_or(0))
                .collect(),
        ),
        MilpOutcome::Infeasible => Feasibility::Infeasible,
        MilpOutcome::Failed(why) => Feasibility::Unknown(why.to_string()),
    }
}
