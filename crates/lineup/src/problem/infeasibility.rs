//! Why no lineup can exist, in words, with typed suggestions of what to
//! change.

use std::fmt;

use super::conflict::CriteriaConflict;
use crate::messages::Lang;
use crate::suggestion::Suggestion;

/// Why no lineup can exist, in words, with what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Infeasibility {
    /// Why no lineup satisfies the request (English).
    pub reason: String,
    /// Changes that would make it feasible, most promising first.
    pub suggestions: Vec<Suggestion>,
    /// The reason typed, where the catalogue words it (the planner's
    /// criteria); `reason` is its English text.
    pub conflict: Option<Box<CriteriaConflict>>,
}

impl Infeasibility {
    /// An infeasibility with its reason and suggestions.
    pub fn new(reason: impl Into<String>, suggestions: Vec<Suggestion>) -> Infeasibility {
        Infeasibility {
            reason: reason.into(),
            suggestions,
            conflict: None,
        }
    }

    /// An infeasibility of the criteria, typed; its reason is the English text.
    pub fn criteria(conflict: CriteriaConflict, suggestions: Vec<Suggestion>) -> Infeasibility {
        Infeasibility {
            reason: conflict.message(Lang::En),
            suggestions,
            conflict: Some(Box::new(conflict)),
        }
    }

    /// The reason in a language: the catalogue's words for a typed
    /// conflict, else the English `reason`.
    pub fn reason_in(&self, lang: Lang) -> String {
        match &self.conflict {
            Some(c) => c.message(lang),
            None => self.reason.clone(),
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
