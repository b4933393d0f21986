//! The set-partitioning integer program over a list of columns: the
//! closing step's model, and the pool's (price-and-branch: solved now and
//! then over the restricted master's columns, time-boxed, so that a better
//! lineup becomes the incumbent early and the closing step's threshold
//! rises).

use std::collections::HashSet;
use std::time::Duration;

use super::master::{Phase, tol};
use crate::ilp::{self, Backend, Milp, MilpOutcome};
use crate::solve::columns::{Bits, Column};

/// Choose `k` of `cols` covering each of the `n` members once, total
/// penalty at most `cap`, maximising the phase value; the first `init`
/// columns (a lineup) are the warm start.
pub(super) fn model(
    cols: &[Column],
    n: usize,
    k: usize,
    cap: Option<f64>,
    phase: Phase,
    init: usize,
) -> Milp {
    let mut ip = Milp::new(true);
    let lam: Vec<usize> = cols.iter().map(|_| ip.add_var(0.0, 1.0, true)).collect();
    for (v, col) in lam.iter().zip(cols) {
        ip.set_objective(*v, phase.col(col));
    }
    for i in 0..n {
        let row: Vec<(usize, f64)> = cols
            .iter()
            .zip(&lam)
            .filter(|(c, _)| c.members >> i & 1 == 1)
            .map(|(_, v)| (*v, 1.0))
            .collect();
        ip.add_row(row, 1.0, 1.0);
    }
    ip.add_row(lam.iter().map(|v| (*v, 1.0)).collect(), k as f64, k as f64);
    if let Some(cp) = cap {
        ip.add_row(
            cols.iter().zip(&lam).map(|(c, v)| (*v, c.pen)).collect(),
            f64::NEG_INFINITY,
            cp + tol(cp),
        );
    }
    let mut start = vec![0.0; cols.len()];
    for x in start.iter_mut().take(init) {
        *x = 1.0;
    }
    ip.initial = Some(start);
    ip
}

/// The columns a set-partitioning point takes.
pub(super) fn chosen<'a>(cols: &'a [Column], values: &[f64]) -> Vec<&'a Column> {
    cols.iter()
        .zip(values)
        .filter(|(_, v)| **v > 0.5)
        .map(|(c, _)| c)
        .collect()
}

/// The best lineup of the pool's columns within `time`, if it is better
/// than the incumbent `inc` (value `z`): its columns and value. The point
/// is checked by the backend wrapper against the model (partition, `k`,
/// cap); the caller checks the lineup against the block's rules.
#[allow(clippy::too_many_arguments, reason = "one model with its data")]
pub(super) fn better_in_pool(
    pool: &[Column],
    inc: &[Column],
    z: f64,
    n: usize,
    k: usize,
    cap: Option<f64>,
    phase: Phase,
    backend: Backend,
    time: Duration,
) -> Option<(f64, Vec<Column>)> {
    let mut cols: Vec<Column> = inc.to_vec();
    let mut seen: HashSet<Bits> = cols.iter().map(|c| c.units).collect();
    cols.extend(pool.iter().filter(|c| seen.insert(c.units)));
    let ip = model(&cols, n, k, cap, phase, inc.len());
    match ilp::solve(&ip, backend, Some(time)) {
        MilpOutcome::Optimal { values, objective } | MilpOutcome::Feasible { values, objective }
            if objective > z + tol(z) =>
        {
            Some((objective, chosen(&cols, &values).into_iter().copied().collect()))
        }
        _ => None,
    }
}
