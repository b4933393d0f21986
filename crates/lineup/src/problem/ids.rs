//! Finding a municipality by what a planner types: its id, its name, or its
//! name and Land. Names match as in the register ([`names::fold`]): case,
//! umlaut spelling, spaces, hyphens and punctuation do not matter.

use std::fmt;

use crate::land::Land;
use crate::messages::{Lang, fill, text};
use crate::municipality::Municipality;
use crate::names;

/// Why a key names no single municipality of the problem.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum KeyError {
    /// No id or name matches; `similar` lists names that resemble the key.
    NotFound {
        /// The key as given.
        key: String,
        /// Up to five `name (id)` entries whose name contains or resembles the key.
        similar: Vec<String>,
    },
    /// Several municipalities carry this name.
    Ambiguous {
        /// The key as given.
        key: String,
        /// Every match as `name (Land, id)`.
        candidates: Vec<String>,
        /// A key that would pick the first candidate.
        example: String,
    },
}

impl KeyError {
    /// The error in a language, from the catalogue (`lookup.key_*`).
    ///
    /// ```
    /// use lineup::KeyError;
    /// use lineup::messages::Lang;
    /// let e = KeyError::NotFound { key: "Pasau".into(), similar: vec!["Passau (09262000)".into()] };
    /// assert_eq!(e.text(Lang::De), "„Pasau“ ist weder eine Kennung noch ein Name der Eingabe; meinten Sie Passau (09262000)?");
    /// assert_eq!(e.to_string(), e.text(Lang::En));
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let say = |key: &str, args: &[(&str, &str)]| fill(text(key, lang).unwrap_or(key), args);
        match self {
            KeyError::NotFound { key, similar } if similar.is_empty() => {
                say("lookup.key_not_found", &[("key", key)])
            }
            KeyError::NotFound { key, similar } => say(
                "lookup.key_not_found_similar",
                &[("key", key), ("similar", &similar.join(", "))],
            ),
            KeyError::Ambiguous {
                key,
                candidates,
                example,
            } => say(
                "lookup.key_ambiguous",
                &[
                    ("key", key),
                    ("n", &candidates.len().to_string()),
                    ("list", &candidates.join(", ")),
                    ("example", example),
                ],
            ),
        }
    }
}

/// English.
impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for KeyError {}

/// The index of the municipality `key` names in `ms`: an exact id first,
/// else a name, else a name followed by its Land after a comma or in
/// parentheses: `"Neustadt, BY"`, `"Neustadt (Bayern)"`.
///
/// [`Problem::find`](crate::Problem::find) does the same for a problem's
/// municipalities; this one serves callers that must name a municipality
/// before there is a problem (a pin given by name, for instance).
///
/// ```
/// use lineup::{Land, LatLon, Municipality, find_municipality};
///
/// let ms = vec![
///     Municipality::new("09162000", "München", Land::BY, 1_488_202, LatLon { lat: 48.14, lon: 11.58 }),
///     Municipality::new("09564000", "Nürnberg", Land::BY, 515_543, LatLon { lat: 49.45, lon: 11.08 }),
/// ];
/// assert_eq!(find_municipality(&ms, "Nuernberg"), Ok(1));
/// assert_eq!(find_municipality(&ms, "09162000"), Ok(0));
/// assert!(find_municipality(&ms, "Augsburg").is_err());
/// ```
pub fn find_in(ms: &[Municipality], key: &str) -> Result<usize, KeyError> {
    if let Some(i) = ms.iter().position(|m| m.id == key) {
        return Ok(i);
    }
    // Folded names first, then names as planners write them
    // (`Frankfurt a.M.`, `Hansestadt Rostock`), then a name plus qualifier.
    let named = |name: &str, land: Option<Land>, loose: bool| -> Vec<usize> {
        let in_land = |i: &usize| land.is_none_or(|l| ms[*i].land == l);
        let folded = names::fold(name);
        let exact: Vec<usize> = (0..ms.len())
            .filter(|&i| names::fold(&ms[i].name) == folded)
            .filter(in_land)
            .collect();
        if !exact.is_empty() || !loose {
            return exact;
        }
        let target = names::words(name);
        let pick = |test: fn(&[names::Word], &[names::Word]) -> bool| -> Vec<usize> {
            (0..ms.len())
                .filter(in_land)
                .filter(|&i| test(&target, &names::words(&ms[i].name)))
                .collect()
        };
        let same = pick(names::same_words);
        if !same.is_empty() || land.is_none() {
            return same;
        }
        pick(names::qualifies)
    };
    // The whole key as a name first: "Halle (Saale)" is a name.
    let mut name = key.trim();
    let mut matches = named(name, None, false);
    if matches.is_empty() {
        match split_land(name) {
            (bare, Some(land)) => {
                name = bare;
                matches = named(bare, Some(land), true);
            }
            (whole, None) => matches = named(whole, None, true),
        }
    }
    match matches.as_slice() {
        [i] => Ok(*i),
        [] => Err(KeyError::NotFound {
            key: key.to_string(),
            similar: similar(ms, name),
        }),
        all => Err(KeyError::Ambiguous {
            key: key.to_string(),
            candidates: all
                .iter()
                .map(|&i| format!("{} ({}, {})", ms[i].name, ms[i].land.name(), ms[i].id))
                .collect(),
            example: format!("{}, {}", ms[all[0]].name, ms[all[0]].land.abbr()),
        }),
    }
}

/// Up to five names that contain the key or resemble it
/// ([`names::resemblance`]), closest first, then in input order.
fn similar(ms: &[Municipality], name: &str) -> Vec<String> {
    let needle = names::fold(name);
    if needle.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize)> = ms
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let contains = names::fold(&m.name).contains(&needle).then_some(0);
            names::resemblance(&needle, &m.name).or(contains).map(|r| (r, i))
        })
        .collect();
    scored.sort();
    scored
        .iter()
        .take(5)
        .map(|&(_, i)| format!("{} ({})", ms[i].name, ms[i].id))
        .collect()
}

/// `"Name, BY"` or `"Name (Bayern)"` → the name and the Land; anything else
/// is a name alone.
fn split_land(key: &str) -> (&str, Option<Land>) {
    if let Some(open) = key.rfind('(')
        && let Some(inner) = key[open + 1..].strip_suffix(')')
        && let Ok(land) = inner.trim().parse::<Land>()
    {
        return (key[..open].trim(), Some(land));
    }
    if let Some((name, land)) = key.rsplit_once(',')
        && let Ok(land) = land.trim().parse::<Land>()
    {
        return (name.trim(), Some(land));
    }
    (key, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::municipality::LatLon;

    fn towns() -> Vec<Municipality> {
        let at = LatLon { lat: 50.0, lon: 10.0 };
        vec![
            Municipality::new("1", "Neustadt", Land::BY, 30_000, at),
            Municipality::new("2", "Neustadt", Land::HE, 30_000, at),
            Municipality::new("3", "Gotha", Land::TH, 45_000, at),
            Municipality::new("4", "Hameln", Land::NI, 57_000, at),
            Municipality::new("5", "Wismar", Land::MV, 43_000, at),
            Municipality::new("6", "Halle (Saale)", Land::ST, 52_000, at),
            Municipality::new("7", "München", Land::BY, 1_484_226, at),
        ]
    }

    #[test]
    fn ids_win_then_names_then_names_with_land() {
        let ms = towns();
        assert_eq!(find_in(&ms, "3"), Ok(2));
        assert_eq!(find_in(&ms, "  hameln "), Ok(3));
        assert_eq!(find_in(&ms, "Neustadt, HE"), Ok(1));
        assert_eq!(find_in(&ms, "Neustadt (Bayern)"), Ok(0));
        assert_eq!(find_in(&ms, "neustadt (09)"), Ok(0));
        assert_eq!(find_in(&ms, "Halle (Saale)"), Ok(5));
    }

    #[test]
    fn names_fold_as_in_the_register() {
        let ms = towns();
        for key in [
            "Muenchen",
            "MÜNCHEN",
            "muenchen, BY",
            "Halle Saale",
            "halle/saale",
        ] {
            assert!(find_in(&ms, key).is_ok(), "{key}");
        }
        // As planners write names: designation, qualifier left out.
        assert_eq!(find_in(&ms, "Hansestadt Wismar"), Ok(4));
        assert_eq!(find_in(&ms, "Landeshauptstadt München"), Ok(6));
        assert_eq!(find_in(&ms, "Halle, ST"), Ok(5));
    }

    #[test]
    fn ambiguous_names_list_every_candidate_and_the_way_out() {
        let e = find_in(&towns(), "Neustadt").unwrap_err();
        let text = e.to_string();
        assert!(matches!(e, KeyError::Ambiguous { ref candidates, .. } if candidates.len() == 2));
        assert!(text.contains("Neustadt (Bayern, 1)"), "{text}");
        assert!(text.contains("Neustadt (Hessen, 2)"), "{text}");
        assert!(text.contains("\"Neustadt, BY\""), "{text}");
    }

    #[test]
    fn unknown_keys_suggest_similar_names() {
        let ms = towns();
        let e = find_in(&ms, "stadt").unwrap_err().to_string();
        assert!(e.contains("did you mean Neustadt (1), Neustadt (2)?"), "{e}");
        let e = find_in(&ms, "Berlin").unwrap_err().to_string();
        assert!(e.contains("check the spelling"), "{e}");
        let e = find_in(&ms, "Gohta").unwrap_err().to_string();
        assert!(e.contains("did you mean Gotha (3)?"), "{e}");
        assert!(matches!(
            find_in(&ms, "Neustadt, SH"),
            Err(KeyError::NotFound { .. })
        ));
    }
}
