//! Heuristic pricing of column generation (greedy columns and the local
//! search from them and from the pool), and the pool's set partitioning
//! that takes a better lineup as the incumbent on the way.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::master::{Duals, SMOOTHING, fresh};
use super::partition;
use super::state::{Run, reduced_values};
use crate::solve::columns::{Bits, Column};

/// Most seconds of one set partitioning over the pool.
const POOL_IP_TIME: Duration = Duration::from_secs(2);
/// Starts of the local search pricing from the best greedy columns.
const LOCAL_STARTS: usize = 20;
/// Starts of the local search pricing from the pool's columns nearest to
/// pricing out.
const POOL_STARTS: usize = 200;

impl Run<'_> {
    /// Solves the pool's set partitioning (time-boxed) and takes a better
    /// lineup as the incumbent.
    pub(super) fn pool_lineup(&mut self, pool: &[Column]) {
        let left = self.limits.deadline.saturating_duration_since(Instant::now());
        let time = (left / 10).min(POOL_IP_TIME);
        let n = self.space.n;
        let found = partition::better_in_pool(
            pool,
            &self.inc_cols,
            self.z_inc,
            n,
            self.k,
            self.cap,
            self.phase,
            self.limits.backend,
            time,
        );
        if let Some((z, cols)) = found {
            self.improved = Some(self.space.assignment(&cols.iter().collect::<Vec<_>>()));
            self.z_inc = z;
            self.inc_cols = cols;
        }
    }

    /// Heuristic pricing: greedy columns (at the smoothed point, then at
    /// the LP duals) and the local search from them and from the pool's
    /// columns nearest to pricing out; new columns of positive reduced
    /// value, best first.
    #[allow(clippy::too_many_arguments, reason = "one round's prices")]
    pub(super) fn heuristic_pricing(
        &self,
        pool: &[Column],
        seen: &HashSet<Bits>,
        lp: &Duals,
        q: &[f64],
        c: &[f64],
        centre: &mut Option<Duals>,
    ) -> Vec<Column> {
        let (space, phase, want) = (self.space, self.phase, self.tuning.per_round);
        let mut greedy = Vec::new();
        if let Some(at) = centre.as_ref().map(|ct| ct.toward(lp, SMOOTHING)) {
            let (qs, cs) = reduced_values(space, phase, at.m, &at.pis);
            greedy = fresh(
                space.greedy_columns(&qs, &cs, at.sig, 1e-7),
                seen,
                space,
                lp,
                phase,
                want,
            );
            *centre = (!greedy.is_empty()).then_some(at);
        }
        let mut found = space.greedy_columns(q, c, lp.sig, 1e-7);
        if !self.tuning.local {
            if greedy.is_empty() {
                greedy = fresh(found, seen, space, lp, phase, want);
            }
            if centre.is_none() {
                *centre = Some(lp.clone());
            }
            return greedy;
        }
        // Starts: the best greedy columns and the pool's columns nearest
        // to pricing out.
        let mut starts: Vec<Bits> = found.iter().take(LOCAL_STARTS).map(|f| f.1).collect();
        let mut near: Vec<(f64, Bits)> = pool
            .iter()
            .map(|col| (lp.reduced(col, phase), col.units))
            .collect();
        near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        starts.extend(near.iter().take(POOL_STARTS).map(|x| x.1));
        starts.extend(greedy.iter().map(|col| col.units));
        found.extend(space.local_columns(q, c, lp.sig, &starts, 1e-7));
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut cols = greedy;
        let mut have: HashSet<Bits> = cols.iter().map(|col| col.units).collect();
        found.retain(|f| have.insert(f.1));
        let more = want.saturating_sub(cols.len());
        cols.extend(fresh(found, seen, space, lp, phase, more));
        if centre.is_none() {
            *centre = Some(lp.clone());
        }
        cols
    }
}
