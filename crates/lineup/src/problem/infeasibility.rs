//! Why no lineup can exist, in words, with typed suggestions of what to
//! change.

use std::fmt;

use crate::suggestion::Suggestion;

/// Why no lineup can exist, in words, with what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Infeasibility {
    /// Why no lineup satisfies the request.
    pub reason: String,
    /// Changes that would make it feasible, most promising first.
    pub suggestions: Vec<Suggestion>,
}

impl Infeasibility {
    /// An infeasibility with its reason and suggestions.
    pub fn new(reason: impl Into<String>, suggestions: Vec<Suggestion>) -> Infeasibility {
        Infeasibility {
            reason: reason.into(),
            suggestions,
        }
    }
}

impl fmt::Display for Infeasibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no feasible lineup: {}", self.reason)?;
        if !self.suggestions.is_empty() {
            let s: Vec<String> = self.suggestions.iter().map(ToString::to_string).collect();
            write!(f, "; try {}", s.join(", or "))?;
        }
        Ok(())
    }
}

impl std::error::Error for Infeasibility {}
