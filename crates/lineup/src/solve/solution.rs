//! What a solve returns: the verified lineup, its status, bound and gap.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::lineup::Lineup;
use crate::objective::{Lex, ObjectiveMode};
use crate::verify::Verified;

/// How good the answer is known to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Proven optimal (every block).
    Optimal,
    /// An exact method ran but stopped at the time or size limit; bound and gap are given.
    TimeLimit,
    /// Found by the heuristic only; bound and gap are from closed-form bounds.
    Heuristic,
    /// Stopped early on request ([`CancelToken`](crate::CancelToken)): the
    /// best verified lineup found so far, with a valid bound and gap.
    Interrupted,
    /// A lineup made elsewhere, verified and scored (`lineup evaluate`).
    Evaluated,
}

impl Status {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Optimal => "optimal",
            Status::TimeLimit => "time_limit",
            Status::Heuristic => "heuristic",
            Status::Interrupted => "interrupted",
            Status::Evaluated => "evaluated",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Bounds on the best possible lineup.
///
/// In lexicographic mode `penalty` is a lower bound on the least penalty and
/// `spread` an upper bound on the spread of any lineup with at most the
/// found penalty. In weighted mode `penalty` is 0 and `spread` bounds
/// `spread − penalty`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bound {
    /// Lower bound on the penalty.
    pub penalty: f64,
    /// Upper bound on the (level-2) value.
    pub spread: f64,
}

impl Bound {
    /// The bound as a maximised value.
    pub fn value(&self) -> Lex {
        Lex::new(-self.penalty, self.spread)
    }
}

/// Relative gap between a value and its bound, on the first level that is not
/// closed: `(bound − value) / |bound|` for level 2, `(penalty − lower) / penalty`
/// for level 1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// The relative gap (0 when proven optimal).
    pub value: f64,
    /// `penalty` or `spread`.
    pub level: GapLevel,
}

/// Which level a gap refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapLevel {
    /// Level 1: the penalty is not proven minimal.
    Penalty,
    /// Level 2: the spread (or weighted value).
    Spread,
}

impl Gap {
    /// The gap of a lineup's (penalty, level-2 value) against a bound.
    pub fn between(penalty: f64, second: f64, bound: &Bound, mode: ObjectiveMode) -> Gap {
        let tol = 1e-6;
        if mode == ObjectiveMode::Lexicographic && penalty > bound.penalty + tol {
            return Gap {
                value: (penalty - bound.penalty) / penalty.abs().max(tol),
                level: GapLevel::Penalty,
            };
        }
        let diff = (bound.spread - second).max(0.0);
        Gap {
            value: if diff <= tol * bound.spread.abs().max(1.0) {
                0.0
            } else {
                diff / bound.spread.abs().max(tol)
            },
            level: GapLevel::Spread,
        }
    }
}

/// How one block was solved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockReport {
    /// Block name (size class).
    pub name: String,
    /// Members.
    pub members: usize,
    /// Clusters formed.
    pub clusters: usize,
    /// Status of this block.
    pub status: Status,
    /// Penalty found.
    pub penalty: f64,
    /// Level-2 value found.
    pub spread: f64,
    /// Bound for this block.
    pub bound: Bound,
    /// Whether the block's level 1 is proven optimal.
    pub penalty_proven: bool,
    /// What the solvers did, in words.
    pub notes: Vec<String>,
}

/// A solved problem: the lineup (verified), status, bound and gap.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// The lineup.
    pub lineup: Lineup,
    /// Verifier result: score and per-cluster metrics.
    pub verified: Verified,
    /// Overall status (the weakest of the blocks).
    pub status: Status,
    /// Bound over all blocks.
    pub bound: Bound,
    /// Gap to the bound.
    pub gap: Gap,
    /// Per block.
    pub blocks: Vec<BlockReport>,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// Whether the wall-clock limit cut a search short (the result may then
    /// differ between runs with the same seed).
    pub cut_by_time: bool,
}
