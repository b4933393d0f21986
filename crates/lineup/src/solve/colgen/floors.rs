//! The set partitioning's search from the top down: floors just below the
//! best a lineup of the candidates could reach, lowered step by step to
//! the incumbent's value.
//!
//! The exact cover search ([`Partitioning::best`]) prunes a partial lineup that
//! cannot beat its floor; from a weak incumbent far below the optimum it
//! prunes little. Every lineup of the candidates is worth at most
//! `U = D + K·r̄` (`r̄` the candidates' largest reduced value), so the
//! search first runs with the floor `U − gap/64`, then `gap/16`, `gap/4`
//! below `U`, and last at the incumbent (`gap = U − incumbent`). A pass that
//! finishes with a lineup has found the best one (none above it was
//! pruned); a pass that finishes with none proves that no lineup beats
//! its floor, and the next, lower one follows. The last pass is the
//! search from the incumbent itself, so the answer is the same; only the
//! time to reach it changes.

use super::cover::{Cover, Partitioning};
use crate::cancel::Stop;

/// Fractions of the gap below the top at which the passes before the last
/// set their floors.
pub(super) const STEPS: [f64; 3] = [1.0 / 64.0, 1.0 / 16.0, 1.0 / 4.0];

impl Partitioning<'_> {
    /// [`best`](Partitioning::best) above `floor`, by passes from the top
    /// down, all within `budget` search nodes.
    pub fn best_from_top(&self, floor: f64, budget: u64, stop: &Stop) -> Cover {
        let rbar = self
            .cols
            .iter()
            .map(|c| super::cover::reduced(c, self.phase, self.duals))
            .fold(f64::NEG_INFINITY, f64::max);
        let top = self.duals.d + self.k as f64 * rbar.max(0.0);
        let gap = top - floor;
        let mut left = budget;
        if gap.is_finite() && gap > 0.0 {
            for step in STEPS {
                let f = top - step * gap;
                let (found, used) = self.best_counted(f, left, stop);
                left = left.saturating_sub(used);
                match found {
                    // Nothing above `f`: a lower floor next.
                    Cover::Finished(None) => continue,
                    // The best lineup (above `f`, so above `floor`), or a stop.
                    other => return other,
                }
            }
        }
        self.best_counted(floor, left, stop).0
    }
}

#[cfg(test)]
mod tests {
    use super::super::cover_cases::cases;
    use super::*;

    #[test]
    fn the_passes_from_the_top_find_what_brute_force_finds() {
        for case in cases() {
            let (cols, n, best, phase) = (&case.cols, case.n, case.best, case.phase);
            for below in [1e-3, 0.5, 3.0, 40.0] {
                match case.run(|p, f, b, s| p.best_from_top(f, b, s), best - below) {
                    Cover::Finished(Some((v, chosen))) => {
                        assert!((v - best).abs() < 1e-9, "n {n}: {v} vs {best} from {below} below");
                        let sum: f64 = chosen.iter().map(|&j| phase.col(&cols[j])).sum();
                        assert!((sum - v).abs() < 1e-9);
                    }
                    other => panic!("n {n}, {below} below: {other:?}"),
                }
            }
            // From the optimum itself: nothing better.
            assert_eq!(
                case.run(|p, f, b, s| p.best_from_top(f, b, s), best + 1e-9),
                Cover::Finished(None)
            );
        }
    }

    #[test]
    fn the_passes_share_one_node_budget() {
        let case = &cases()[1];
        match case
            .partitioning()
            .best_from_top(case.best - 40.0, 3, &Stop::default())
        {
            Cover::Stopped(_) => {}
            other => panic!("three nodes cannot settle it: {other:?}"),
        }
    }
}
