//! Why a register look-up found nothing, or more than one municipality.

use std::fmt;

use thiserror::Error;

use crate::land::Land;

/// How many candidates a message lists before "and N more".
const SHOWN: usize = 10;

/// A municipality offered in an error message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// AGS.
    pub id: String,
    /// Name.
    pub name: String,
    /// Land.
    pub land: Land,
    /// Kreis (district) name.
    pub district: String,
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The district tells apart names that repeat within a Land.
        if self.district.is_empty() || self.district.starts_with(&self.name) {
            write!(f, "{} ({}, {})", self.name, self.land, self.id)
        } else {
            write!(f, "{} ({}, {}, {})", self.name, self.land, self.district, self.id)
        }
    }
}

/// The first candidates, then "and N more".
fn list(candidates: &[Candidate]) -> String {
    let mut s: Vec<String> = candidates.iter().take(SHOWN).map(ToString::to_string).collect();
    if candidates.len() > SHOWN {
        s.push(format!("and {} more", candidates.len() - SHOWN));
    }
    s.join(", ")
}

fn in_land(land: &Option<Land>) -> String {
    land.map(|l| format!(" in {l}")).unwrap_or_default()
}

/// A failed register look-up. The message ends with what to do.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LookupError {
    /// The name matches more than one municipality.
    #[error(
        "{name:?} matches {n} municipalities{within}: {list}; {advice}",
        n = candidates.len(),
        within = in_land(land),
        list = list(candidates),
        advice = if land.is_some() { "give the `id` (AGS) instead" } else { "add a `state` column or give the `id` (AGS)" }
    )]
    Ambiguous {
        /// The name given.
        name: String,
        /// The Land given, if any.
        land: Option<Land>,
        /// All municipalities with this name.
        candidates: Vec<Candidate>,
    },
    /// No municipality has this name.
    #[error(
        "{name:?} is no municipality{within} in the register (Destatis, 31.12.2020){similar}; correct the name, or give the `id` (AGS)",
        within = in_land(land),
        similar = if similar.is_empty() { String::new() } else { format!("; similar names: {}", list(similar)) }
    )]
    UnknownName {
        /// The name given.
        name: String,
        /// The Land given, if any.
        land: Option<Land>,
        /// Names that resemble it, best first.
        similar: Vec<Candidate>,
    },
    /// The name exists, but not in the Land given.
    #[error(
        "{name:?} is no municipality in {land}, but the register has {list}; correct the `state`, or give the `id` (AGS)",
        list = list(found)
    )]
    OtherLand {
        /// The name given.
        name: String,
        /// The Land given.
        land: Land,
        /// Where the name is.
        found: Vec<Candidate>,
    },
    /// The id is no AGS in the register, and values are missing that only
    /// the register could fill in.
    #[error(
        "{id:?} is no AGS in the register (Destatis, 31.12.2020), so {missing} cannot be filled in{similar}; correct the id, or give {these} in the file",
        missing = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", "),
        similar = if similar.is_empty() { String::new() } else { format!(" (similar ids: {})", list(similar)) },
        these = if missing.len() == 1 { "it" } else { "them" }
    )]
    UnknownId {
        /// The id given.
        id: String,
        /// The columns without a value.
        missing: Vec<&'static str>,
        /// Ids one edit away.
        similar: Vec<Candidate>,
    },
    /// The name matched without a Land, but the population the file gives
    /// is far (more than a factor 1.5) from the register's, while
    /// municipalities of a similar name fit it.
    #[error(
        "{name:?} is {found} with {found_population} inhabitants, but the file gives {given}; {list} fits that number: write its full name, add a `state` column, or give the `id` (AGS)",
        found_population = thousands(*found_population),
        given = thousands(*given),
        list = list(fits)
    )]
    PopulationMismatch {
        /// The name given.
        name: String,
        /// The population the file gives.
        given: u64,
        /// The municipality the name matched.
        found: Box<Candidate>,
        /// Its population in the register.
        found_population: u64,
        /// Municipalities of a similar name whose population fits.
        fits: Vec<Candidate>,
    },
}

/// `25900` → `25 900` (a thin space would not survive every terminal).
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
