//! Errors of the command-line tool, each with its exit code.

use std::fmt;
use std::path::Path;

use lineup::{InputError, ProblemError, SolveError};

use crate::suggestions;

/// Exit code: no feasible lineup (or a lineup that breaks the rules).
pub const INFEASIBLE: u8 = 1;
/// Exit code: usage or input error.
pub const USAGE: u8 = 2;

/// An error to print, with the exit code to return.
#[derive(Debug)]
pub struct CliError {
    /// Exit code.
    pub code: u8,
    /// What went wrong and what to do.
    pub message: String,
}

impl CliError {
    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            code: USAGE,
            message: message.into(),
        }
    }

    /// No feasible lineup (exit 1).
    pub fn infeasible(message: impl Into<String>) -> CliError {
        CliError {
            code: INFEASIBLE,
            message: message.into(),
        }
    }

    /// An error in an input file (exit 2).
    pub fn input(path: &Path, e: &InputError) -> CliError {
        CliError::usage(format!("{}: {e}", path.display()))
    }

    /// A problem that cannot be set up: infeasible (exit 1) or invalid (exit 2).
    pub fn problem(path: &Path, e: ProblemError) -> CliError {
        let path = path.display();
        let usage = |text: String| CliError::usage(format!("{path}: {text}"));
        match e {
            ProblemError::Infeasible(inf) => {
                CliError::infeasible(format!("{path}: {}", suggestions::infeasibility(&inf)))
            }
            ProblemError::ZeroCapPerLand => usage("--max-per-land 0 allows no member at all: use 1 or more".into()),
            ProblemError::UnknownClass { name, known } => {
                usage(format!("--clusters names class {name:?}, which is not one of {known}"))
            }
            ProblemError::PerClassCountNeedsStrict => usage(
                "--clusters CLASS=N needs strict comparability; with adjacent comparability give a total (--clusters 5)"
                    .into(),
            ),
            other => usage(other.to_string()),
        }
    }

    /// A solve that produced no lineup (exit 1).
    pub fn solve(e: SolveError) -> CliError {
        CliError::infeasible(match e {
            SolveError::Infeasible(inf) => suggestions::infeasibility(&inf),
            SolveError::NotFound { detail } => format!(
                "no feasible lineup found within the time limit ({detail}); infeasibility was not proven: raise --time-limit or relax the constraints"
            ),
            other => other.to_string(),
        })
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
