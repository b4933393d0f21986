//! Closing the gap after column generation: every cluster of a lineup
//! better than the incumbent has a reduced value of at least
//! `z − D − (K−1)·rc` at the duals of the best Lagrangian bound; such
//! clusters are enumerated (the best few first, whose quick set
//! partitioning may raise `z` and with it the threshold) and the set
//! partitioning over them decides.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::cover::{Cover, Partitioning};
use super::master::{Duals, tol};
use super::partition;
use super::state::{Exact, Run, finish, reduced_values};
use super::wide::Shifted;
use crate::ilp::{self, MilpOutcome};
use crate::messages::note::Note;
use crate::solve::columns::{Bits, Column, ColumnSpace};

/// Search nodes of the closing step's exact cover before the integer
/// program takes over.
const COVER_NODES: u64 = 20_000_000;

impl Run<'_> {
    /// Closes the gap at the duals `best` (converged, or the best of an
    /// unconverged column generation that ran out of rounds).
    pub(super) fn close(
        &mut self,
        best: &Duals,
        best_bound: f64,
        rounds: usize,
        exact_rounds: usize,
        mut listed: Option<&Shifted<'_>>,
    ) -> Exact {
        let (space, phase, k) = (self.space, self.phase, self.k);
        let limits = self.limits.clone();
        let stop = limits.stop();
        let Duals { pis, sig, m, d, rc } = best;
        let (sig, m, d, rc) = (*sig, *m, *d, *rc);
        let z_inc = self.z_inc;
        // Close the gap. The reduced values of a lineup's K clusters add up to
        // at least its value − D, and each is at most `rc`: every cluster of a
        // better lineup has reduced value >= t.
        let slack = (k as f64 - 1.0) * rc;
        let mut t = z_inc - d - slack - tol(z_inc);
        let (q, c) = reduced_values(space, phase, m, pis);
        let budget = limits.node_budget * 4;
        // First the best few candidates: their set partitioning is quick,
        // and a better lineup among them raises the threshold.
        let first = self.tuning.first_candidates;
        if first > 0 {
            if let Ok(mut f) = space.enumerate(&q, &c, sig, t, Some(first), usize::MAX, budget, &stop) {
                let complete = f.len() < first;
                f.truncate(first);
                let outside = (!complete).then(|| {
                    f.last()
                        .map_or(f64::NEG_INFINITY, |l| d + slack + l.0 + tol(z_inc))
                });
                let cols = self.with_incumbent(&f);
                let left = limits.deadline.saturating_duration_since(Instant::now());
                let outcome = self.partition(&cols, best, if complete { left } else { left / 4 }, !complete);
                let proven = match (&outcome, outside) {
                    (MilpOutcome::Optimal { objective, .. }, Some(o)) => o <= objective + tol(*objective),
                    (_, None) => true,
                    _ => false,
                };
                if proven {
                    return self.settle(outcome, &cols, outside, best_bound, rounds, exact_rounds);
                }
                if let MilpOutcome::Optimal { values, objective }
                | MilpOutcome::Feasible { values, objective } = outcome
                {
                    if objective > self.z_inc + tol(self.z_inc) {
                        let chosen: Vec<Column> =
                            partition::chosen(&cols, &values).into_iter().copied().collect();
                        self.improved = Some(space.assignment(&chosen.iter().collect::<Vec<_>>()));
                        self.z_inc = objective;
                        self.inc_cols = chosen;
                        t = objective - d - slack - tol(objective);
                    }
                }
            }
        }
        loop {
            let z_inc = self.z_inc;
            // One enumeration keeping the best `max_columns`: fewer means
            // every candidate. More: the best quarter of them, and a lineup
            // with a cluster outside them has one of reduced value <= t'
            // (the last kept), so its value is at most D + (K−1)·rc + t'.
            let most = limits.max_columns.max(1);
            let from_list = listed.map(|l| l.candidates(t, most));
            let (cands, restricted) = match from_list {
                // The wide list's columns (`colgen/wide.rs`): a column left
                // out has a reduced value below `left_out`.
                Some((f, left_out)) => (f, left_out.map(|l| d + slack + l + tol(z_inc))),
                None => match space.enumerate(&q, &c, sig, t, Some(most), usize::MAX, budget, &stop) {
                    Ok(f) if f.len() < most => (f, None),
                    Ok(mut f) => {
                        f.truncate((most / 4).max(1));
                        let outside = f.last().map(|l| d + slack + l.0 + tol(z_inc));
                        (f, outside)
                    }
                    Err(_) => {
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
                },
            };
            let cols = self.with_incumbent(&cands);
            // Set partitioning over the candidates.
            if stop.cancelled() {
                return finish(
                    best_bound,
                    z_inc,
                    None,
                    Note::new("solver.interrupted_before_partitioning", &[]),
                );
            }
            let left = limits.deadline.saturating_duration_since(Instant::now());
            let outcome = self.partition(&cols, best, left, restricted.is_some());
            let settled = self.settle(
                outcome.clone(),
                &cols,
                restricted,
                best_bound,
                rounds,
                exact_rounds,
            );
            if restricted.is_some() && !settled.optimal && !stop.now() {
                // A better lineup among the best candidates that does not
                // prove itself raises the threshold: enumerate again above it.
                if let MilpOutcome::Optimal { values, objective }
                | MilpOutcome::Feasible { values, objective } = &outcome
                {
                    if *objective > z_inc + tol(z_inc) {
                        let chosen: Vec<Column> =
                            partition::chosen(&cols, values).into_iter().copied().collect();
                        self.improved = Some(space.assignment(&chosen.iter().collect::<Vec<_>>()));
                        self.z_inc = *objective;
                        self.inc_cols = chosen;
                        t = objective - d - slack - tol(*objective);
                        continue;
                    }
                }
                // The wide list could not decide: enumerate.
                if listed.take().is_some() {
                    continue;
                }
            }
            return settled;
        }
    }

    /// The set partitioning over `cols` (the incumbent's first): by search
    /// with the reduced values at `duals` (`cover.rs`); when the search
    /// stops at its node budget, by the integer program within `time`.
    ///
    /// Over the best candidates only (`restricted`), a better lineup the
    /// search stops with is returned as it is: it raises the threshold, and
    /// proving it best among these candidates would prove nothing.
    fn partition(&self, cols: &[Column], duals: &Duals, time: Duration, restricted: bool) -> MilpOutcome {
        let (n, k, cap, phase) = (self.space.n, self.k, self.cap, self.phase);
        let stop = self.limits.stop();
        let floor = self.z_inc + tol(self.z_inc);
        let as_point = |objective: f64, chosen: Vec<usize>| {
            let mut values = vec![0.0; cols.len()];
            for j in chosen {
                values[j] = 1.0;
            }
            (values, objective)
        };
        let p = Partitioning {
            cols,
            n,
            k,
            cap,
            phase,
            duals,
        };
        let res = if restricted {
            p.best_from_top(floor, COVER_NODES, &stop)
        } else {
            p.best(floor, COVER_NODES, &stop)
        };
        match res {
            Cover::Finished(found) => {
                // Nothing better than the incumbent: it is the optimum over `cols`.
                let (objective, chosen) =
                    found.unwrap_or_else(|| (self.z_inc, (0..self.inc_cols.len()).collect()));
                let (values, objective) = as_point(objective, chosen);
                MilpOutcome::Optimal { values, objective }
            }
            Cover::Stopped(found) if stop.now() || (restricted && found.is_some()) => match found {
                Some((objective, chosen)) => {
                    let (values, objective) = as_point(objective, chosen);
                    MilpOutcome::Feasible { values, objective }
                }
                None => MilpOutcome::Failed(Note::new("solver.milp.no_time", &[])),
            },
            Cover::Stopped(_) => {
                let ip = partition::model(cols, n, k, cap, phase, self.inc_cols.len());
                let left = self.limits.deadline.saturating_duration_since(Instant::now());
                ilp::solve(&ip, self.limits.backend, Some(time.min(left)))
            }
        }
    }

    /// The incumbent's columns and the candidates' (distinct).
    pub(super) fn with_incumbent(&self, cands: &[(f64, Bits)]) -> Vec<Column> {
        let mut cols: Vec<Column> = self.inc_cols.clone();
        let mut in_cols: HashSet<Bits> = cols.iter().map(|c| c.units).collect();
        for &(_, units) in cands {
            if in_cols.insert(units) {
                cols.push(self.space.column(units));
            }
        }
        cols
    }

    /// The block's outcome from the set partitioning over `cols`: every
    /// candidate of a better lineup (`restricted: None`), or the best of
    /// them, with `restricted` the most any lineup with a cluster outside
    /// them can reach.
    pub(super) fn settle(
        &self,
        outcome: MilpOutcome,
        cols: &[Column],
        restricted: Option<f64>,
        best_bound: f64,
        rounds: usize,
        exact_rounds: usize,
    ) -> Exact {
        let (space, limits, z_inc) = (self.space, &self.limits, self.z_inc);
        match outcome {
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
                let improved = (objective > z_inc + tol(z_inc))
                    .then(|| space.assignment(&partition::chosen(cols, &values)));
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
            other => unfinished(other, space, cols, best_bound, z_inc),
        }
    }
}

/// The outcome when the set partitioning did not finish: a better lineup
/// it stopped with is kept (the caller checks it) and the bound measured
/// against it; else the incumbent stands.
pub(super) fn unfinished(
    outcome: MilpOutcome,
    space: &ColumnSpace,
    cols: &[Column],
    best_bound: f64,
    z_inc: f64,
) -> Exact {
    let why = outcome.describe();
    let (z, improved) = match outcome {
        MilpOutcome::Feasible { values, objective } if objective > z_inc + tol(z_inc) => (
            objective,
            Some(space.assignment(&partition::chosen(cols, &values))),
        ),
        _ => (z_inc, None),
    };
    finish(
        best_bound,
        z,
        improved,
        Note::new("solver.partitioning_unfinished", &[("n", cols.len().to_string())]).with("why", why),
    )
}
