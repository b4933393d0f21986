//! Why a solve produced no lineup.

use thiserror::Error;

use crate::problem::Infeasibility;

/// Why a solve produced no lineup.
#[derive(Clone, Debug, PartialEq, Error)]
#[non_exhaustive]
pub enum SolveError {
    /// Proven that no lineup exists.
    #[error("{0}")]
    Infeasible(Infeasibility),
    /// No lineup was found within the limits, but none was proven impossible.
    #[error(
        "no feasible lineup found within the time limit ({detail}); infeasibility was not proven: give the solver more time or relax the constraints"
    )]
    NotFound {
        /// What was tried.
        detail: String,
    },
    /// A solver result failed the independent verifier: a bug, reported instead of printed.
    #[error("internal error: the {solver} result failed verification ({violations}); please report this")]
    Unverified {
        /// Which solver produced it.
        solver: String,
        /// The violations found.
        violations: String,
    },
}
