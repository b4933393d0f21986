//! What a solve may use: time, seed, backend, methods, search budget, and
//! a token that stops it early.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::cancel::CancelToken;
use crate::ilp::Backend;

/// The longest time limit a solve takes (10⁶ s, about 11.5 days); longer
/// ones are cut to it, so that deadlines never overflow the clock.
pub const MAX_TIME_LIMIT: Duration = Duration::from_secs(1_000_000);

/// The most independent heuristic runs per block; more are cut to it (each
/// run holds a population in memory, and a run that cannot start before the
/// deadline is skipped anyway).
pub const MAX_RUNS: usize = 1024;

/// Which methods to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SolverChoice {
    /// Heuristic first, then exact methods where they reach (default).
    #[default]
    Auto,
    /// Like `auto`, with a shorter heuristic phase.
    Exact,
    /// Heuristic only; bounds from closed forms.
    Heuristic,
}

/// Limits and knobs of a solve, built with `with_*` setters and read with
/// getters of the same name.
///
/// ```
/// use std::time::Duration;
/// use lineup::{CancelToken, SolveOptions};
/// let stop = CancelToken::new();
/// let o = SolveOptions::default()
///     .with_time_limit(Duration::from_secs(5))
///     .with_seed(7)
///     .with_cancel(stop.clone());
/// assert_eq!(o.seed(), 7);
/// assert_eq!(o.time_limit(), Duration::from_secs(5));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SolveOptions {
    time_limit: Duration,
    seed: u64,
    backend: Backend,
    solver: SolverChoice,
    runs: usize,
    generations: usize,
    #[serde(skip)]
    cancel: Option<CancelToken>,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            time_limit: Duration::from_secs(10),
            seed: 0,
            backend: Backend::default(),
            solver: SolverChoice::Auto,
            runs: 4,
            generations: 30,
            cancel: None,
        }
    }
}

impl SolveOptions {
    /// Sets the wall-clock limit for the whole solve (default 10 s; at most
    /// [`MAX_TIME_LIMIT`], longer limits are cut to it).
    pub fn with_time_limit(mut self, t: Duration) -> SolveOptions {
        self.time_limit = t.min(MAX_TIME_LIMIT);
        self
    }

    /// Sets the seed of all random choices (default 0).
    pub fn with_seed(mut self, seed: u64) -> SolveOptions {
        self.seed = seed;
        self
    }

    /// Sets the MILP backend.
    pub fn with_backend(mut self, b: Backend) -> SolveOptions {
        self.backend = b;
        self
    }

    /// Sets which methods to use (default [`SolverChoice::Auto`]).
    pub fn with_solver(mut self, s: SolverChoice) -> SolveOptions {
        self.solver = s;
        self
    }

    /// Sets the independent heuristic runs per block (default 4; results do
    /// not depend on the number of threads; 1 to [`MAX_RUNS`], other values
    /// are brought into that range).
    pub fn with_runs(mut self, runs: usize) -> SolveOptions {
        self.runs = runs.clamp(1, MAX_RUNS);
        self
    }

    /// Sets the generations per heuristic run, the deterministic search
    /// budget (default 30).
    pub fn with_generations(mut self, generations: usize) -> SolveOptions {
        self.generations = generations;
        self
    }

    /// Lets `token` stop the solve: see [`CancelToken`].
    pub fn with_cancel(mut self, token: CancelToken) -> SolveOptions {
        self.cancel = Some(token);
        self
    }

    /// Wall-clock limit for the whole solve.
    pub fn time_limit(&self) -> Duration {
        // Deserialised options bypass the setter.
        self.time_limit.min(MAX_TIME_LIMIT)
    }

    /// Seed of all random choices.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// MILP backend.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Which methods to use.
    pub fn solver(&self) -> SolverChoice {
        self.solver
    }

    /// Independent heuristic runs per block.
    pub fn runs(&self) -> usize {
        self.runs.clamp(1, MAX_RUNS)
    }

    /// Generations per heuristic run.
    pub fn generations(&self) -> usize {
        self.generations
    }

    /// The token that stops the solve, if any.
    pub fn cancel_token(&self) -> Option<&CancelToken> {
        self.cancel.as_ref()
    }

    /// Whether the solve was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(CancelToken::is_cancelled)
    }
}
