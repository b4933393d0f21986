//! The closing step over the wide list (`colgen/wide.rs`), from the top
//! down. A lineup worth more than a floor `f` takes only clusters of
//! reduced value at least `f − D − (K−1)·r̄`; while the list holds all of
//! them, the exact cover over just those decides the floor: a lineup it
//! finds is the best of all (none above `f` is missed), none proves the
//! bound `f`. The floors are those of `colgen/floors.rs` (`gap/64`, `/16`,
//! `/4` below the top, then the incumbent), each pass over the clusters
//! it needs, so the first lineup found is already proven best.

use super::cover::{Cover, Partitioning};
use super::floors::STEPS;
use super::master::{Duals, tol};
use super::state::{Exact, Run, finish};
use super::wide::Shifted;
use crate::ilp::MilpOutcome;
use crate::messages::note::Note;

/// Search nodes of one pass.
const PASS_NODES: u64 = 20_000_000;

impl Run<'_> {
    /// Closes the gap over the wide list at the duals `best`; `None` when
    /// the list cannot decide (too many candidates, or a floor it does not
    /// reach) and the usual closing step is to follow.
    pub(super) fn close_listed(
        &mut self,
        best: &Duals,
        listed: &Shifted<'_>,
        best_bound: f64,
        rounds: usize,
        exact_rounds: usize,
    ) -> Option<Exact> {
        let (n, k, cap, phase) = (self.space.n, self.k, self.cap, self.phase);
        let stop = self.limits.stop();
        let slack = (k as f64 - 1.0) * best.rc;
        let z_inc = self.z_inc;
        let top = best.d + k as f64 * best.rc;
        let gap = top - z_inc;
        let mut bound = best_bound;
        let floors = STEPS
            .iter()
            .map(|s| top - s * gap)
            .filter(|f| gap > 0.0 && *f > z_inc)
            .chain(std::iter::once(z_inc + tol(z_inc)));
        for floor in floors {
            let t = floor - best.d - slack - tol(floor);
            if listed.outside >= t {
                return None;
            }
            let (cands, left_out) = listed.candidates(t, self.limits.max_columns);
            if left_out.is_some() {
                return None;
            }
            let cols = self.with_incumbent(&cands);
            let p = Partitioning {
                cols: &cols,
                n,
                k,
                cap,
                phase,
                duals: best,
            };
            match p.best(floor, PASS_NODES, &stop) {
                Cover::Finished(None) if floor > z_inc + tol(z_inc) => {
                    // No lineup above this floor.
                    bound = bound.min(floor);
                }
                Cover::Finished(found) => {
                    let (objective, chosen) =
                        found.unwrap_or_else(|| (z_inc, (0..self.inc_cols.len()).collect()));
                    let mut values = vec![0.0; cols.len()];
                    for j in chosen {
                        values[j] = 1.0;
                    }
                    let outcome = MilpOutcome::Optimal { values, objective };
                    return Some(self.settle(outcome, &cols, None, bound, rounds, exact_rounds));
                }
                Cover::Stopped(_) if !stop.now() => return None,
                Cover::Stopped(found) => {
                    let why = Note::new("solver.milp.no_time", &[]);
                    let (z, improved) = match found {
                        Some((v, chosen)) if v > z_inc + tol(z_inc) => {
                            let picked: Vec<_> = chosen.iter().map(|&j| &cols[j]).collect();
                            (v, Some(self.space.assignment(&picked)))
                        }
                        _ => (z_inc, None),
                    };
                    let note = Note::new("solver.partitioning_unfinished", &[("n", cols.len().to_string())])
                        .with("why", why);
                    return Some(finish(bound, z, improved, note));
                }
            }
        }
        None
    }
}
