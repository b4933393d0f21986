//! The restricted master of column generation: its dual LP, the pool of
//! columns (purged of rows far from binding), Wentges smoothing of the duals
//! and the Lagrangian bound of every round; the [`Phase`] whose value the
//! columns carry.

use std::collections::HashSet;
use std::time::Instant;

use crate::ilp::{self, Backend, Milp, MilpOutcome};
use crate::messages::note::Note;
use crate::solve::columns::{Bits, Column};

/// Which value of a column is optimised.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Phase {
    /// Minimise the penalty (maximise `−pen`).
    MinPenalty,
    /// Maximise the spread subject to total penalty `<= cap`.
    MaxSpread { cap: f64 },
    /// Maximise `spr − pen`.
    Weighted,
}

impl Phase {
    pub(crate) fn value(&self, pen: f64, spr: f64) -> f64 {
        match self {
            Phase::MinPenalty => -pen,
            Phase::MaxSpread { .. } => spr,
            Phase::Weighted => spr - pen,
        }
    }

    pub(crate) fn col(&self, c: &Column) -> f64 {
        self.value(c.pen, c.spr)
    }
}

pub(super) fn tol(x: f64) -> f64 {
    1e-6 * x.abs().max(1.0)
}

/// Weight of the previous pricing point in Wentges smoothing.
pub(super) const SMOOTHING: f64 = 0.5;
/// Exact pricing (a bound) at least every this many rounds.
pub(super) const EXACT_EVERY: usize = 10;
/// Pool size above which columns far from binding leave the dual LP.
const PURGE_AT: usize = 2_000;
/// Columns kept by a purge (besides the incumbent's and the binding ones).
const KEEP: usize = 1_000;

/// Duals of the restricted master: element prices `π`, the cluster price
/// `σ`, the penalty price `μ ≥ 0`, the dual objective `D`, and an upper
/// bound `rc ≥ 0` on the largest reduced value of any column under them.
#[derive(Clone, Debug)]
pub(super) struct Duals {
    pub pis: Vec<f64>,
    pub sig: f64,
    pub m: f64,
    pub d: f64,
    pub rc: f64,
}

impl Duals {
    /// The point `a·self + (1−a)·lp` (its `d` and `rc` mean nothing).
    pub fn toward(&self, lp: &Duals, a: f64) -> Duals {
        Duals {
            pis: self
                .pis
                .iter()
                .zip(&lp.pis)
                .map(|(c, x)| a * c + (1.0 - a) * x)
                .collect(),
            sig: a * self.sig + (1.0 - a) * lp.sig,
            m: a * self.m + (1.0 - a) * lp.m,
            d: lp.d,
            rc: f64::INFINITY,
        }
    }

    /// Reduced value of a column under these duals.
    pub fn reduced(&self, col: &Column, phase: Phase) -> f64 {
        let mut v = phase.col(col) - self.m * col.pen - self.sig;
        let mut bits = col.members;
        while bits != 0 {
            v -= self.pis[bits.trailing_zeros() as usize];
            bits &= bits - 1;
        }
        v
    }
}

/// Solves the dual of the restricted master:
/// `min Σπ + Kσ + cap·μ  s.t.  π(S) + σ + μ·pen(S) >= f(S)` for the pool.
#[allow(clippy::too_many_arguments, reason = "one LP with its data")]
pub(super) fn dual_lp(
    pool: &[Column],
    n: usize,
    k: usize,
    cap: Option<f64>,
    phase: Phase,
    big: f64,
    deadline: Instant,
    backend: Backend,
) -> Result<Duals, Note> {
    let mut lp = Milp::new(false);
    let pi: Vec<usize> = (0..n).map(|_| lp.add_var(-big, big, false)).collect();
    let sigma = lp.add_var(-big * n as f64, big * n as f64, false);
    let mu = cap.map(|_| lp.add_var(0.0, big, false));
    for &p in &pi {
        lp.set_objective(p, 1.0);
    }
    lp.set_objective(sigma, k as f64);
    if let (Some(m), Some(c)) = (mu, cap) {
        lp.set_objective(m, c);
    }
    for col in pool {
        let mut row: Vec<(usize, f64)> = (0..n)
            .filter(|&i| col.members >> i & 1 == 1)
            .map(|i| (pi[i], 1.0))
            .collect();
        row.push((sigma, 1.0));
        if let Some(m) = mu {
            row.push((m, col.pen));
        }
        lp.add_row(row, phase.col(col), f64::INFINITY);
    }
    let left = deadline.saturating_duration_since(Instant::now());
    match ilp::solve(&lp, backend, Some(left)) {
        MilpOutcome::Optimal { values, objective } => Ok(Duals {
            pis: pi.iter().map(|&v| values[v]).collect(),
            sig: values[sigma],
            m: mu.map_or(0.0, |v| values[v]),
            d: objective,
            rc: f64::INFINITY,
        }),
        other => Err(other.describe()),
    }
}

/// Keeps the pool small: above [`PURGE_AT`] columns, the incumbent's, the
/// binding ones and the [`KEEP`] best by reduced value stay (in their
/// order); the others may be generated again. Dropping rows that do not
/// bind leaves the LP's optimum where it is.
pub(super) fn purge(
    pool: &mut Vec<Column>,
    seen: &mut HashSet<Bits>,
    fixed: usize,
    lp: &Duals,
    phase: Phase,
) {
    if pool.len() <= PURGE_AT {
        return;
    }
    let rcs: Vec<f64> = pool.iter().map(|c| lp.reduced(c, phase)).collect();
    let mut ranked: Vec<f64> = rcs[fixed..].to_vec();
    ranked.sort_by(|a, b| b.total_cmp(a));
    let cut = ranked.get(KEEP).copied().unwrap_or(f64::NEG_INFINITY).min(-1e-7);
    let mut i = 0;
    pool.retain(|col| {
        let keep = i < fixed || rcs[i] > cut;
        if !keep {
            seen.remove(&col.units);
        }
        i += 1;
        keep
    });
}

/// New columns among `found` (not in the pool) with a positive reduced
/// value under the LP duals, at most `most`.
pub(super) fn fresh(
    found: Vec<(f64, Bits)>,
    seen: &HashSet<Bits>,
    space: &crate::solve::columns::ColumnSpace,
    lp: &Duals,
    phase: Phase,
    most: usize,
) -> Vec<Column> {
    found
        .into_iter()
        .filter(|(_, units)| !seen.contains(units))
        .map(|(_, units)| space.column(units))
        .filter(|col| lp.reduced(col, phase) > 1e-7)
        .take(most)
        .collect()
}

/// Records the Lagrangian bound `D + K·rc` of the LP duals `lp` with `rc`
/// (an upper bound on the largest reduced value, `>= 0`), keeping the duals
/// of the best bound so far (the later on a tie).
pub(super) fn note_bound(best_bound: &mut f64, best: &mut Option<Duals>, lp: &Duals, rc: f64, k: usize) {
    let bound = lp.d + k as f64 * rc;
    if bound <= *best_bound {
        *best_bound = bound;
        *best = Some(Duals { rc, ..lp.clone() });
    }
}
