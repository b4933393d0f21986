//! Why a register look-up found nothing, or more than one municipality.

use std::fmt;

use crate::land::Land;
use crate::messages::{Lang, fill, text, thousands};

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

fn say(key: &str, lang: Lang, args: &[(&str, &str)]) -> String {
    fill(text(key, lang).unwrap_or(key), args)
}

/// The first candidates, then "and N more".
fn list(candidates: &[Candidate], lang: Lang) -> String {
    let mut s: Vec<String> = candidates.iter().take(SHOWN).map(ToString::to_string).collect();
    if candidates.len() > SHOWN {
        s.push(say(
            "lookup.more",
            lang,
            &[("n", &(candidates.len() - SHOWN).to_string())],
        ));
    }
    s.join(", ")
}

/// A failed register look-up. The message ends with what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LookupError {
    /// The name matches more than one municipality.
    Ambiguous {
        /// The name given.
        name: String,
        /// The Land given, if any.
        land: Option<Land>,
        /// All municipalities with this name.
        candidates: Vec<Candidate>,
    },
    /// No municipality has this name.
    UnknownName {
        /// The name given.
        name: String,
        /// The Land given, if any.
        land: Option<Land>,
        /// Names that resemble it, best first.
        similar: Vec<Candidate>,
    },
    /// The name exists, but not in the Land given.
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

impl LookupError {
    /// The error in a language, from the catalogue (`lookup.*`); the
    /// candidates as `name (Land, Kreis, AGS)` in both.
    ///
    /// ```
    /// use lineup::register::{self, LookupError};
    /// use lineup::messages::Lang;
    /// let e = register::register().find("Neunkirchen", None).unwrap_err();
    /// assert!(e.text(Lang::De).starts_with("„Neunkirchen“ passt auf 6 Gemeinden: Neunkirchen (Saarland, 10043114)"));
    /// assert_eq!(e.text(Lang::En), e.to_string());
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        match self {
            LookupError::Ambiguous {
                name,
                land,
                candidates,
            } => {
                let n = candidates.len().to_string();
                let list = list(candidates, lang);
                match land {
                    Some(l) => say(
                        "lookup.ambiguous_in_land",
                        lang,
                        &[
                            ("name", name),
                            ("n", &n),
                            ("land", &l.to_string()),
                            ("list", &list),
                        ],
                    ),
                    None => say(
                        "lookup.ambiguous",
                        lang,
                        &[("name", name), ("n", &n), ("list", &list)],
                    ),
                }
            }
            LookupError::UnknownName { name, land, similar } => {
                let within = land.map_or(String::new(), |l| {
                    say("lookup.in_land", lang, &[("land", &l.to_string())])
                });
                let args = [("name", name.as_str()), ("within", &within)];
                if similar.is_empty() {
                    say("lookup.unknown_name", lang, &args)
                } else {
                    let similar = list(similar, lang);
                    say(
                        "lookup.unknown_name_similar",
                        lang,
                        &[&args[..], &[("similar", similar.as_str())]].concat(),
                    )
                }
            }
            LookupError::OtherLand { name, land, found } => say(
                "lookup.other_land",
                lang,
                &[
                    ("name", name),
                    ("land", &land.to_string()),
                    ("list", &list(found, lang)),
                ],
            ),
            LookupError::UnknownId { id, missing, similar } => {
                let cols = missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let key = match (similar.is_empty(), missing.len() == 1) {
                    (true, false) => "lookup.unknown_id",
                    (true, true) => "lookup.unknown_id.one",
                    (false, false) => "lookup.unknown_id_similar",
                    (false, true) => "lookup.unknown_id_similar.one",
                };
                let similar = list(similar, lang);
                say(
                    key,
                    lang,
                    &[("id", id), ("missing", &cols), ("similar", &similar)],
                )
            }
            LookupError::PopulationMismatch {
                name,
                given,
                found,
                found_population,
                fits,
            } => say(
                "lookup.population_mismatch",
                lang,
                &[
                    ("name", name),
                    ("found", &found.to_string()),
                    ("found_population", &thousands(*found_population, lang)),
                    ("given", &thousands(*given, lang)),
                    ("list", &list(fits, lang)),
                ],
            ),
        }
    }
}

/// English.
impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for LookupError {}
