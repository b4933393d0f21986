//! Exact optimisation of a small block over columns (set partitioning).
//!
//! 1. **Column generation.** The LP relaxation of "choose `K` disjoint
//!    admissible clusters covering every member" is solved as the primal
//!    by Clarabel's interior point (`colgen/primal.rs`; the dual LP with the
//!    MILP backend if that fails), giving element prices `π`, the cluster
//!    price `σ`, and `μ ≥ 0` for a cap on the total penalty; new clusters
//!    are priced exactly by the enumeration in [`columns`](super::columns)
//!    (the root's subtrees in parallel). Every round gives a valid
//!    upper bound `D + K·max(0, best reduced value)`. When the cap on the
//!    penalty is the fewest same-Land pairs the clusters can have, only
//!    clusters that spread every Land evenly take part (`columns/balance.rs`),
//!    and the cap's row is left out when every such column keeps it anyway.
//! 2. **Closing the gap.** A cluster in any lineup better than the incumbent
//!    must have a reduced value of at least `z_inc − D − (K−1)·max(0, r*)`;
//!    all such clusters are enumerated and the set partitioning over them
//!    is solved — by an exact cover search bounded by the reduced values
//!    (`colgen/cover.rs`; over only the best candidates, from the top down,
//!    `colgen/floors.rs`), or with `good_lp` when that search runs out of
//!    nodes. Its optimum is the block's optimum.

use std::collections::HashSet;

mod closing;
mod cover;
mod floors;
mod listed;
mod master;
mod partition;
mod pricing;
mod primal;
mod state;
mod wide;

use super::columns::{Bits, Column, ColumnSpace};
use crate::messages::note::Note;
use master::{Duals, dual_lp, note_bound, purge, tol};
use state::{Run, finish, met, reduced_values};

pub(crate) use master::Phase;
pub(crate) use state::{Exact, Limits, Tuning};

/// Optimises `phase` over the block, starting from the incumbent clusters
/// (each a list of local members).
pub(crate) fn optimise(
    space: &ColumnSpace,
    phase: Phase,
    k: usize,
    incumbent: &[Vec<usize>],
    limits: Limits,
) -> Exact {
    optimise_with(space, phase, k, incumbent, limits, Tuning::default())
}

/// [`optimise`] with the given [`Tuning`].
pub(crate) fn optimise_with(
    space: &ColumnSpace,
    phase: Phase,
    k: usize,
    incumbent: &[Vec<usize>],
    limits: Limits,
    tuning: Tuning,
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
    let mut run = Run {
        space,
        phase,
        k,
        cap,
        limits,
        tuning,
        inc_cols,
        z_inc,
        improved: None,
    };
    let mut ex = run.rounds();
    if ex.improved.is_none() {
        ex.improved = run.improved;
    }
    ex
}

impl Run<'_> {
    fn rounds(&mut self) -> Exact {
        let (space, phase, k) = (self.space, self.phase, self.k);
        let limits = self.limits.clone();
        let fixed = self.inc_cols.len();
        let mut pool: Vec<Column> = self.inc_cols.clone();
        let mut seen: HashSet<Bits> = pool.iter().map(|c| c.units).collect();
        if self.tuning.neighbours {
            let inc: Vec<Bits> = self.inc_cols.iter().map(|c| c.units).collect();
            pool.extend(space.neighbours(&inc).into_iter().map(|b| space.column(b)));
            seen.extend(pool.iter().map(|c| c.units));
        }
        let mut best_bound = f64::INFINITY;
        // The duals of the best Lagrangian bound so far, with their bound on
        // the largest reduced value.
        let mut best: Option<Duals> = None;
        // Wentges smoothing of the greedy pricing: a point between the last
        // pricing point and the new LP duals damps the duals' oscillation.
        let mut centre: Option<Duals> = None;
        let mut rounds = 0;
        let mut exact_rounds = 0;
        let mut wide_tried = false;
        let mut last_ip = 0;
        let stop = limits.stop();
        let mut converged = false;
        while rounds < limits.max_rounds && !stop.now() {
            rounds += 1;
            // The primal by the interior point (`colgen/primal.rs`); the
            // dual LP with the backend if that fails.
            let lp = match self.lp(&pool) {
                Ok(lp) => lp,
                Err(why) => {
                    return finish(
                        best_bound,
                        self.z_inc,
                        None,
                        Note::new("solver.dual_stopped", &[("round", rounds.to_string())]).with("why", why),
                    );
                }
            };
            purge(&mut pool, &mut seen, fixed, &lp, phase);
            let (q, c) = reduced_values(space, phase, lp.m, &lp.pis);
            // The Lagrangian bound of every round: D + K·(bound on the largest
            // reduced value), valid for any duals.
            let ub = space.reduced_value_bound(&q, &c, lp.sig).max(0.0);
            note_bound(&mut best_bound, &mut best, &lp, ub, k);
            if best_bound <= self.z_inc + tol(self.z_inc) {
                return met(best_bound, self.z_inc, rounds, exact_rounds, pool.len());
            }
            // Price-and-branch: the master above the incumbent may hold a
            // better lineup.
            let every = self.tuning.pool_ip_every;
            // Not while the wide list may still come: its closing step looks
            // for better lineups among far more columns.
            let wide_ahead = !wide_tried && self.wide_now(&lp);
            if every > 0 && !wide_ahead && lp.d > self.z_inc + tol(self.z_inc) && rounds >= last_ip + every {
                last_ip = rounds;
                self.pool_lineup(&pool);
                if best_bound <= self.z_inc + tol(self.z_inc) {
                    return met(best_bound, self.z_inc, rounds, exact_rounds, pool.len());
                }
            }
            // Heuristic pricing first; the exact enumeration when it finds
            // nothing, and every `exact_every`th round.
            let heur = self.heuristic_pricing(&pool, &seen, &lp, &q, &c, &mut centre);
            let every = self.tuning.exact_every;
            if !heur.is_empty() && (every == 0 || rounds % every != 0) {
                for col in heur {
                    seen.insert(col.units);
                    pool.push(col);
                }
                continue;
            }
            exact_rounds += 1;
            // The first exact pricing lists every column down to a floor
            // below zero, for the rest of the rounds and the closing step
            // (`colgen/wide.rs`); too many of them: the usual pricing.
            if self.wide_now(&lp) && !wide_tried {
                wide_tried = true;
                let Ok(wide) = self.wide(&lp, &q, &c, &stop) else {
                    return self.out_of_budget(best_bound, rounds);
                };
                if let Some(w) = wide {
                    note_bound(&mut best_bound, &mut best, &lp, w.max_reduced().max(0.0), k);
                    if best_bound <= self.z_inc + tol(self.z_inc) {
                        return met(best_bound, self.z_inc, rounds, exact_rounds, pool.len());
                    }
                    let state = (&mut best_bound, &mut best);
                    if let Some(ex) =
                        self.over_wide(&w, &mut pool, &mut seen, fixed, state, &mut rounds, exact_rounds)
                    {
                        return ex;
                    }
                    continue;
                }
            }
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
                Err(_) => return self.out_of_budget(best_bound, rounds),
            };
            let max_rc = found.first().map_or(0.0, |f| f.0).max(0.0);
            note_bound(&mut best_bound, &mut best, &lp, max_rc, k);
            if best_bound <= self.z_inc + tol(self.z_inc) {
                return met(best_bound, self.z_inc, rounds, exact_rounds, pool.len());
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
            for col in heur {
                if seen.insert(col.units) {
                    pool.push(col);
                }
            }
        }
        // The last chance for a better lineup before the closing step.
        if self.tuning.pool_ip_every > 0
            && !stop.now()
            && best.as_ref().is_some_and(|b| b.d > self.z_inc + tol(self.z_inc))
        {
            self.pool_lineup(&pool);
        }
        let z_inc = self.z_inc;
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
        if best_bound <= z_inc + tol(z_inc) {
            return met(best_bound, z_inc, rounds, exact_rounds, pool.len());
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
        let duals = Duals { pis, sig, m, d, rc };
        self.close(&duals, best_bound, rounds, exact_rounds, None)
    }

    /// The outcome when an exact pricing stops at its budget or the clock.
    fn out_of_budget(&self, best_bound: f64, rounds: usize) -> Exact {
        let note = Note::new("solver.pricing_budget", &[("round", rounds.to_string())]);
        finish(best_bound, self.z_inc, None, note)
    }

    /// Whether the wide list (`colgen/wide.rs`) is to replace this round's
    /// exact pricing: without a cap on the penalty, and with the LP value
    /// near the incumbent's.
    fn wide_now(&self, lp: &Duals) -> bool {
        let near = |w: &state::WideTuning| lp.d - self.z_inc <= w.gap * self.z_inc.abs().max(1.0);
        self.cap.is_none() && self.tuning.wide.as_ref().is_some_and(near)
    }

    /// The restricted master's duals: the primal by the interior point
    /// (`colgen/primal.rs`), the dual LP with the backend if that fails.
    fn lp(&self, pool: &[Column]) -> Result<Duals, Note> {
        let (space, phase, k, cap) = (self.space, self.phase, self.k, self.cap);
        let limits = &self.limits;
        primal::primal_lp(pool, space.n, k, cap, phase, limits.deadline).or_else(|_| {
            dual_lp(
                pool,
                space.n,
                k,
                cap,
                phase,
                self.big(),
                limits.deadline,
                limits.backend,
            )
        })
    }

    /// A box for the dual variables.
    fn big(&self) -> f64 {
        let (space, phase) = (self.space, self.phase);
        let u = space.unit_count();
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
        (space.max * space.max) as f64 * fmax.max(1.0) * 2.0 + 1.0
    }
}

#[cfg(test)]
use closing::unfinished;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod cover_cases;

#[cfg(test)]
mod cover_tests;

#[cfg(test)]
mod heuristic_tests;

#[cfg(test)]
mod parallel_tests;
