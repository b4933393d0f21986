//! Errors of the command-line tool, each with its exit code.

use std::fmt;
use std::path::Path;

use lineup::{InputError, ProblemError, SolveError};
use lineup_options::Refusal;

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
        CliError::usage(format!("{}: {}", path.display(), e.text(crate::language::lang())))
    }

    /// A problem that cannot be set up: infeasible (exit 1) or invalid (exit 2),
    /// in the language of `--lang` where the catalogue words it.
    pub fn problem(path: &Path, e: ProblemError) -> CliError {
        CliError::refusal(Some(path), Refusal::problem_in(e, crate::language::lang()))
    }

    /// A solve that produced no lineup (exit 1).
    pub fn solve(e: SolveError) -> CliError {
        CliError::refusal(None, Refusal::solve_in(e, crate::language::lang()))
    }

    fn refusal(path: Option<&Path>, r: Refusal) -> CliError {
        let at = |text: String| match path {
            Some(p) => format!("{}: {text}", p.display()),
            None => text,
        };
        match r {
            Refusal::Usage(t) => CliError::usage(at(t)),
            Refusal::Infeasible(t) => CliError::infeasible(at(t)),
        }
    }
}

impl From<lineup_options::OptionError> for CliError {
    fn from(e: lineup_options::OptionError) -> CliError {
        CliError::usage(e.text(crate::language::lang()))
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
