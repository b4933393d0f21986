//! The knobs of the population search ([`Schedule`]) and when a run stops
//! ([`Budget`]).

use std::time::{Duration, Instant};

use crate::cancel::CancelToken;

/// Knobs of the population search.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// Initial population size.
    pub pop_max: usize,
    /// Final population size.
    pub pop_min: usize,
    /// Initial walk length factor (moves = θ·items/groups).
    pub theta_max: f64,
    /// Final walk length factor.
    pub theta_min: f64,
    /// Rounds of directed perturbation per generation.
    pub eta_max: usize,
    /// Weight of diversity when accepting a slightly worse child.
    pub alpha: f64,
    /// With several runs: every this many generations, each run's best
    /// solution replaces the weakest of the next run's population (the runs
    /// become islands of one search, processed in lockstep so that both
    /// cores work on one search); 0: the runs are independent.
    pub migrate_every: usize,
    /// With a generation budget and a deadline: when the best solution still
    /// improved in the second half of the budget, run the budget again
    /// (the population regrown from perturbed copies of the survivors),
    /// until it stops improving or the clock runs out. The result depends on
    /// the clock only when the clock stops the search (reported as a cut).
    pub extend: bool,
    /// After every generation, the best member of each island also climbs
    /// by three-item cycles between three groups (`engine/cycles.rs`). Off
    /// by default: on for MDGPLIB-style instances (`MdgpOptions`), where it
    /// was measured; the municipality blocks' exact steps were tuned with
    /// the plain search and start from its lineup.
    pub elite_cycles: bool,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            pop_max: 15,
            pop_min: 2,
            theta_max: 1.2,
            theta_min: 0.1,
            eta_max: 3,
            alpha: 0.05,
            migrate_every: 0,
            extend: false,
            elite_cycles: false,
        }
    }
}

/// When a run stops.
#[derive(Clone, Debug)]
pub struct Budget {
    /// Generations (the deterministic budget), if any.
    pub generations: Option<usize>,
    /// Wall-clock budget of this run, if any.
    pub time: Option<Duration>,
    /// When the run started.
    pub started: Instant,
    /// Stops the run when cancelled, like the clock.
    pub cancel: Option<CancelToken>,
}

impl Budget {
    /// Fraction of the budget used, in `[0, 1]`: by generations when a
    /// generation budget is set (so the schedule, and with it the result,
    /// never depends on timing), else by the clock.
    pub fn progress(&self, generation: usize) -> f64 {
        match (self.generations, self.time) {
            (Some(g), _) => (generation as f64 / g.max(1) as f64).min(1.0),
            (None, Some(t)) => (self.started.elapsed().as_secs_f64() / t.as_secs_f64().max(1e-9)).min(1.0),
            (None, None) => 0.0,
        }
    }

    /// The wall-clock deadline, if any.
    pub fn deadline(&self) -> Option<Instant> {
        self.time.map(|t| self.started + t)
    }

    /// Whether the clock has run out, or the run was cancelled.
    pub fn timed_out(&self) -> bool {
        self.cancel.as_ref().is_some_and(CancelToken::is_cancelled)
            || self.deadline().is_some_and(|d| Instant::now() >= d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generation_budget_alone_drives_the_schedule() {
        // A clock that has long run out must not change the schedule of a
        // generation budget (it only stops the run, reported as cut).
        let b = Budget {
            generations: Some(10),
            time: Some(Duration::from_nanos(1)),
            started: Instant::now(),
            cancel: None,
        };
        std::thread::sleep(Duration::from_millis(1));
        assert_eq!(b.progress(5), 0.5);
        assert!(b.timed_out());
        let clock = Budget {
            generations: None,
            time: Some(Duration::from_nanos(1)),
            started: Instant::now(),
            cancel: None,
        };
        assert_eq!(clock.progress(0), 1.0);
    }
}
