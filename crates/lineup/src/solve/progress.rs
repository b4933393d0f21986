//! Progress events of a running solve, for callers that show progress
//! (the library itself never prints).

use std::time::Duration;

use serde::Serialize;

use super::solution::Bound;

/// Which step a block is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stage {
    /// The heuristic found a lineup.
    Heuristic,
    /// Level 1 (penalty) was settled: proven or bounded.
    Penalty,
    /// Level 2 (spread) was settled: proven or bounded.
    Spread,
    /// The block is finished.
    Done,
}

/// One progress event: the best lineup of a block so far and its bound.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// Block (size class) name.
    pub block: String,
    /// The step just finished.
    pub stage: Stage,
    /// Penalty of the block's best lineup so far.
    pub penalty: f64,
    /// Level-2 value of the block's best lineup so far.
    pub spread: f64,
    /// Bound of the block, when known.
    pub bound: Option<Bound>,
    /// Time since the solve started.
    pub elapsed: Duration,
}
