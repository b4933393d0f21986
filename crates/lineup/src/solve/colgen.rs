//! Exact optimisation of a small block over columns (set partitioning).
//!
//! 1. **Column generation.** The LP relaxation of "choose `K` disjoint
//!    admissible clusters covering every member" is solved through its dual
//!    (element prices `π`, cluster price `σ`, and `μ ≥ 0` for a cap on the
//!    total penalty), with `good_lp`; new clusters are priced exactly by the
//!    enumeration in [`columns`](super::columns). Every round gives a valid
//!    upper bound `D + K·max(0, best reduced value)`. When the cap on the
//!    penalty is the fewest same-Land pairs the clusters can have, only
//!    clusters that spread every Land evenly take part (`columns/balance.rs`),
//!    and the cap's row is left out when every such column keeps it anyway.
//! 2. **Closing the gap.** A cluster in any lineup better than the incumbent
//!    must have a reduced value of at least `z_inc − D − (K−1)·max(0, r*)`;
//!    all such clusters are enumerated and the set-partitioning integer
//!    program over them is solved with `good_lp`. Its optimum is the
//!    block's optimum.

use std::collections::HashSet;
use std::time::Instant;

mod master;

use super::columns::{Bits, Column, ColumnSpace, Halt};
use crate::cancel::{CancelToken, Stop};
use crate::ilp::{self, Backend, Milp, MilpOutcome};
use crate::messages::note::Note;
use master::{Duals, EXACT_EVERY, SMOOTHING, dual_lp, fresh, note_bound, purge, tol};

pub(crate) use master::Phase;

/// Limits of one exact optimisation.
#[derive(Clone, Debug)]
pub(crate) struct Limits {
    pub deadline: Instant,
    pub backend: Backend,
    pub max_rounds: usize,
    pub node_budget: u64,
    pub max_columns: usize,
    /// Stops the optimisation between solver calls and during enumeration.
    pub cancel: Option<CancelToken>,
}

impl Limits {
    fn stop(&self) -> Stop {
        Stop {
            deadline: Some(self.deadline),
            cancel: self.cancel.clone(),
        }
    }
}

/// What the exact optimisation established.
#[derive(Clone, Debug)]
pub(crate) struct Exact {
    /// Valid upper bound on the phase value (maximised).
    pub bound: f64,
    /// Whether the best lineup below is proven optimal.
    pub optimal: bool,
    /// A lineup better than the incumbent, as local member → cluster.
    pub improved: Option<Vec<usize>>,
    /// What was done (a catalogue note, `solver.*`).
    pub note: Note,
}

/// Optimises `phase` over the block, starting from the incumbent clusters
/// (each a list of local members).
pub(crate) fn optimise(
    space: &ColumnSpace,
    phase: Phase,
    k: usize,
    incumbent: &[Vec<usize>],
    limits: Limits,
) -> Exact {
    let Some(inc_cols) = incumbent
        .iter()
        .map(|m| space.column_of_members(m))
        .collect::<Option<Vec<Column>>>()
    else {
        return Exact {
            bound: f64::INFINITY,
            optimal: false,
            improved: None,
            note: Note::new("solver.splits_must_link", &[]),
        };
    };
    let z_inc: f64 = inc_cols.iter().map(|c| phase.col(c)).sum();
    if k == 1 {
        return Exact {
            bound: z_inc,
            optimal: true,
            improved: None,
            note: Note::new("solver.forced", &[]),
        };
    }
    let mut cap = match phase {
        Phase::MaxSpread { cap } => Some(cap),
        _ => None,
    };
    // A cap at the fewest same-Land pairs: only clusters that spread every
    // Land evenly can be part of a lineup within it (and the penalty row may
    // be redundant).
    let balanced = cap.and_then(|cp| space.balanced(k, cp));
    let space = match &balanced {
        Some((even, redundant)) => {
            if *redundant {
                cap = None;
            }
            even
        }
        None => space,
    };
    let u = space.unit_count();
    let n = space.n;
    // Pair values and a box for the dual variables.
    let fmax = (0..u)
        .flat_map(|x| (0..u).map(move |y| (x, y)))
        .map(|(x, y)| {
            let (p, s) = space.pair(x, y);
            phase.value(p, s).abs() + p.abs()
        })
        .fold(0.0f64, f64::max)
        .max(
            (0..u)
                .map(|x| phase.value(space.internal(x).0, space.internal(x).1).abs())
                .fold(0.0, f64::max),
        );
    let big = (space.max * space.max) as f64 * fmax.max(1.0) * 2.0 + 1.0;
    let mut pool: Vec<Column> = inc_cols.clone();
    let mut seen: HashSet<Bits> = pool.iter().map(|c| c.units).collect();
    let mut best_bound = f64::INFINITY;
    // The duals of the best Lagrangian bound so far, with their bound on
    // the largest reduced value.
    let mut best: Option<Duals> = None;
    // Wentges smoothing: pricing at a point between the last pricing point
    // and the new LP duals damps the duals' oscillation.
    let mut centre: Option<Duals> = None;
    let mut rounds = 0;
    let mut exact_rounds = 0;
    let stop = limits.stop();
    let mut converged = false;
    while rounds < limits.max_rounds && !stop.now() {
        rounds += 1;
        let lp = match dual_lp(&pool, n, k, cap, phase, big, limits.deadline, limits.backend) {
            Ok(lp) => lp,
            Err(why) => {
                return finish(
                    best_bound,
                    z_inc,
                    None,
                    Note::new("solver.dual_stopped", &[("round", rounds.to_string())]).with("why", why),
                );
            }
        };
        purge(&mut pool, &mut seen, inc_cols.len(), &lp, phase);
        let (q, c) = reduced_values(space, phase, lp.m, &lp.pis);
        // The Lagrangian bound of every round: D + K·(bound on the largest
        // reduced value), valid for any duals.
        let ub = space.reduced_value_bound(&q, &c, lp.sig).max(0.0);
        note_bound(&mut best_bound, &mut best, &lp, ub, k);
        if best_bound <= z_inc + tol(z_inc) {
            return met(best_bound, z_inc, rounds, exact_rounds, pool.len());
        }
        // Cheap greedy pricing first (at the smoothed point, then at the LP
        // duals); the exact enumeration when it finds nothing, and every
        // `EXACT_EVERY`th round.
        let mut greedy = Vec::new();
        if let Some(at) = centre.as_ref().map(|ct| ct.toward(&lp, SMOOTHING)) {
            let (qs, cs) = reduced_values(space, phase, at.m, &at.pis);
            greedy = fresh(
                space.greedy_columns(&qs, &cs, at.sig, 1e-7),
                &seen,
                space,
                &lp,
                phase,
            );
            centre = (!greedy.is_empty()).then_some(at);
        }
        if greedy.is_empty() {
            greedy = fresh(
                space.greedy_columns(&q, &c, lp.sig, 1e-7),
                &seen,
                space,
                &lp,
                phase,
            );
        }
        if centre.is_none() {
            centre = Some(lp.clone());
        }
        if !greedy.is_empty() && rounds % EXACT_EVERY != 0 {
            for col in greedy {
                seen.insert(col.units);
                pool.push(col);
            }
            continue;
        }
        exact_rounds += 1;
        let found = match space.enumerate(
            &q,
            &c,
            lp.sig,
            1e-7,
            Some(40),
            usize::MAX,
            limits.node_budget,
            &stop,
        ) {
            Ok(f) => f,
            Err(_) => {
                return finish(
                    best_bound,
                    z_inc,
                    None,
                    Note::new("solver.pricing_budget", &[("round", rounds.to_string())]),
                );
            }
        };
        let max_rc = found.first().map_or(0.0, |f| f.0).max(0.0);
        note_bound(&mut best_bound, &mut best, &lp, max_rc, k);
        if best_bound <= z_inc + tol(z_inc) {
            return met(best_bound, z_inc, rounds, exact_rounds, pool.len());
        }
        if found.is_empty() {
            converged = true; // the LP bound is D
            break;
        }
        for (_, units) in found {
            if seen.insert(units) {
                pool.push(space.column(units));
            }
        }
        for col in greedy {
            if seen.insert(col.units) {
                pool.push(col);
            }
        }
    }
    let Some(Duals { pis, sig, m, d, rc }) = best else {
        return finish(best_bound, z_inc, None, Note::new("solver.no_time", &[]));
    };
    if stop.cancelled() {
        return finish(
            best_bound,
            z_inc,
            None,
            Note::new("solver.interrupted_rounds", &[("rounds", rounds.to_string())]),
        );
    }
    if !converged && stop.now() {
        return finish(
            best_bound,
            z_inc,
            None,
            Note::new(
                "solver.not_converged",
                &[
                    ("rounds", rounds.to_string()),
                    ("exact", exact_rounds.to_string()),
                    ("columns", pool.len().to_string()),
                ],
            ),
        );
    }
    // Close the gap. The reduced values of a lineup's K clusters add up to
    // at least its value − D, and each is at most `rc`: every cluster of a
    // better lineup has reduced value >= t.
    let slack = (k as f64 - 1.0) * rc;
    let t = z_inc - d - slack - tol(z_inc);
    let (q, c) = reduced_values(space, phase, m, &pis);
    let budget = limits.node_budget * 4;
    let (cands, restricted) = match space.enumerate(&q, &c, sig, t, None, limits.max_columns, budget, &stop) {
        Ok(f) => (f, None),
        Err(Halt::TooMany) => {
            // Too many: keep the best `keep`. A lineup with a cluster outside
            // them has one of reduced value <= t' (the last kept), so its
            // value is at most D + (K−1)·rc + t'.
            let keep = (limits.max_columns / 4).max(1);
            match space.enumerate(&q, &c, sig, t, Some(keep), usize::MAX, budget, &stop) {
                Ok(mut f) => {
                    f.truncate(keep);
                    let outside = (f.len() == keep)
                        .then(|| f.last().map(|l| d + slack + l.0 + tol(z_inc)))
                        .flatten();
                    (f, outside)
                }
                Err(_) => {
                    return finish(
                        best_bound,
                        z_inc,
                        None,
                        Note::new(
                            "solver.too_many_candidates",
                            &[
                                ("max", limits.max_columns.to_string()),
                                ("rounds", rounds.to_string()),
                                ("exact", exact_rounds.to_string()),
                            ],
                        ),
                    );
                }
            }
        }
        Err(Halt::Budget) => {
            return finish(
                best_bound,
                z_inc,
                None,
                Note::new(
                    "solver.enumeration_budget",
                    &[
                        ("rounds", rounds.to_string()),
                        ("exact", exact_rounds.to_string()),
                    ],
                ),
            );
        }
    };
    let mut cols: Vec<Column> = inc_cols.clone();
    let mut in_cols: HashSet<Bits> = cols.iter().map(|c| c.units).collect();
    for (_, units) in cands {
        if in_cols.insert(units) {
            cols.push(space.column(units));
        }
    }
    // Set partitioning over the candidates.
    let mut ip = Milp::new(true);
    let lam: Vec<usize> = cols.iter().map(|_| ip.add_var(0.0, 1.0, true)).collect();
    for (v, col) in lam.iter().zip(&cols) {
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
    let mut init = vec![0.0; cols.len()];
    for x in init.iter_mut().take(inc_cols.len()) {
        *x = 1.0;
    }
    ip.initial = Some(init);
    if stop.cancelled() {
        return finish(
            best_bound,
            z_inc,
            None,
            Note::new("solver.interrupted_before_partitioning", &[]),
        );
    }
    let left = limits.deadline.saturating_duration_since(Instant::now());
    match ilp::solve(&ip, limits.backend, Some(left)) {
        MilpOutcome::Optimal { values, objective } => {
            if objective < z_inc - tol(z_inc) {
                return finish(
                    best_bound,
                    z_inc,
                    None,
                    Note::new(
                        "solver.partitioning_untrusted",
                        &[("backend", limits.backend.name().into())],
                    ),
                );
            }
            let improved =
                (objective > z_inc + tol(z_inc)).then(|| space.assignment(&chosen(&cols, &values)));
            // Restricted to the best candidates, the optimum over them is
            // the block's when no lineup outside them can beat it.
            let outside = restricted.unwrap_or(f64::NEG_INFINITY);
            let optimal = outside <= objective + tol(objective);
            let bound = if optimal {
                objective
            } else {
                outside.min(best_bound).max(objective)
            };
            let key = match (optimal, restricted.is_some()) {
                (true, true) => "solver.proven_best",
                (true, false) => "solver.proven_all",
                (false, true) => "solver.bounded_best",
                (false, false) => "solver.bounded_all",
            };
            Exact {
                bound,
                optimal,
                improved,
                note: Note::new(
                    key,
                    &[
                        ("n", cols.len().to_string()),
                        ("rounds", rounds.to_string()),
                        ("exact", exact_rounds.to_string()),
                    ],
                ),
            }
        }
        other => unfinished(other, space, &cols, best_bound, z_inc),
    }
}

/// The outcome when the set partitioning did not finish: a better lineup
/// it stopped with is kept (the caller checks it) and the bound measured
/// against it; else the incumbent stands.
fn unfinished(
    outcome: MilpOutcome,
    space: &ColumnSpace,
    cols: &[Column],
    best_bound: f64,
    z_inc: f64,
) -> Exact {
    let why = outcome.describe();
    let (z, improved) = match outcome {
        MilpOutcome::Feasible { values, objective } if objective > z_inc + tol(z_inc) => {
            (objective, Some(space.assignment(&chosen(cols, &values))))
        }
        _ => (z_inc, None),
    };
    finish(
        best_bound,
        z,
        improved,
        Note::new("solver.partitioning_unfinished", &[("n", cols.len().to_string())]).with("why", why),
    )
}

/// The columns a set-partitioning point takes.
fn chosen<'a>(cols: &'a [Column], values: &[f64]) -> Vec<&'a Column> {
    cols.iter()
        .zip(values)
        .filter(|(_, v)| **v > 0.5)
        .map(|(c, _)| c)
        .collect()
}

/// Pair values `q` (units × units) and unit constants `c` of the reduced
/// value under prices `pis` (per member) and penalty price `m`.
fn reduced_values(space: &ColumnSpace, phase: Phase, m: f64, pis: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let u = space.unit_count();
    let mut q = vec![0.0; u * u];
    for x in 0..u {
        for y in 0..u {
            if x != y {
                let (p, s) = space.pair(x, y);
                q[x * u + y] = phase.value(p, s) - m * p;
            }
        }
    }
    let c = (0..u)
        .map(|x| {
            let (p, s) = space.internal(x);
            phase.value(p, s) - m * p - space.units[x].iter().map(|&i| pis[i]).sum::<f64>()
        })
        .collect();
    (q, c)
}

fn finish(bound: f64, z_inc: f64, improved: Option<Vec<usize>>, note: Note) -> Exact {
    Exact {
        bound: bound.max(z_inc),
        optimal: bound <= z_inc + tol(z_inc),
        improved,
        note,
    }
}

/// The outcome when the Lagrangian bound meets the incumbent.
fn met(bound: f64, z_inc: f64, rounds: usize, exact_rounds: usize, columns: usize) -> Exact {
    finish(
        bound,
        z_inc,
        None,
        Note::new(
            "solver.lp_met",
            &[
                ("rounds", rounds.to_string()),
                ("exact", exact_rounds.to_string()),
                ("columns", columns.to_string()),
            ],
        ),
    )
}

#[cfg(test)]
mod tests;
