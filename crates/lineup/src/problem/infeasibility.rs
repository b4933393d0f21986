//! Why no lineup can exist, in words, with typed suggestions of what to
//! change.

use std::fmt;

use super::conflict::CriteriaConflict;
use crate::messages::Lang;
use crate::messages::note::Note;
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
    /// The reason as catalogue notes (`infeasible.*`), joined by `; `;
    /// `reason` is their English text. Empty for a reason given as text.
    pub notes: Vec<Note>,
}

impl Infeasibility {
    /// An infeasibility with its reason and suggestions.
    pub fn new(reason: impl Into<String>, suggestions: Vec<Suggestion>) -> Infeasibility {
        Infeasibility {
            reason: reason.into(),
            suggestions,
            conflict: None,
            notes: Vec::new(),
        }
    }

    /// An infeasibility whose reason is one catalogue note (`infeasible.*`).
    pub fn noted(note: Note, suggestions: Vec<Suggestion>) -> Infeasibility {
        Infeasibility::notes(vec![note], suggestions)
    }

    /// An infeasibility whose reason is several catalogue notes, joined by `; `.
    pub fn notes(notes: Vec<Note>, suggestions: Vec<Suggestion>) -> Infeasibility {
        Infeasibility {
            reason: join(&notes, Lang::En),
            suggestions,
            conflict: None,
            notes,
        }
    }

    /// The same reason with these suggestions.
    pub fn with(mut self, suggestions: Vec<Suggestion>) -> Infeasibility {
        self.suggestions = suggestions;
        self
    }

    /// An infeasibility of the criteria, typed; its reason is the English text.
    pub fn criteria(conflict: CriteriaConflict, suggestions: Vec<Suggestion>) -> Infeasibility {
        Infeasibility {
            reason: conflict.message(Lang::En),
            suggestions,
            conflict: Some(Box::new(conflict)),
            notes: Vec::new(),
        }
    }

    /// The reason in a language: the catalogue's words for a typed
    /// conflict or typed notes, else the English `reason`.
    ///
    /// ```
    /// use lineup::{Infeasibility, Suggestion};
    /// use lineup::messages::{Lang, note::Note};
    ///
    /// let n = Note::new("infeasible.pins_over_clusters", &[("pins", "3".into()), ("clusters", "2".into())]);
    /// let inf = Infeasibility::noted(n, vec![Suggestion::PinFewerClusters]);
    /// assert_eq!(inf.reason, "3 different clusters are pinned, but only 2 clusters are formed");
    /// assert_eq!(inf.reason_in(Lang::De), "3 verschiedene Cluster sind festgelegt, gebildet werden aber nur 2 Cluster");
    /// ```
    pub fn reason_in(&self, lang: Lang) -> String {
        match &self.conflict {
            Some(c) => c.message(lang),
            None if !self.notes.is_empty() => join(&self.notes, lang),
            None => self.reason.clone(),
        }
    }
}

fn join(notes: &[Note], lang: Lang) -> String {
    notes.iter().map(|n| n.text(lang)).collect::<Vec<_>>().join("; ")
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
