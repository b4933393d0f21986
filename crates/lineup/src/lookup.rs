//! Finding a municipality of a problem by what a planner types: its id, its
//! name, or its name and Land.

use thiserror::Error;

use crate::land::Land;
use crate::municipality::Municipality;
use crate::problem::Problem;

/// Why a key names no single municipality of the problem.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum LookupError {
    /// No id or name matches; `similar` lists names that contain the key.
    #[error("{key:?} is neither an id nor a name in the input{}", hint(similar))]
    NotFound {
        /// The key as given.
        key: String,
        /// Up to five `name (id)` entries whose name contains the key.
        similar: Vec<String>,
    },
    /// Several municipalities carry this name.
    #[error(
        "{key:?} names {} municipalities: {}; give the id, or the name with its Land (e.g. {:?})",
        candidates.len(),
        candidates.join(", "),
        example
    )]
    Ambiguous {
        /// The key as given.
        key: String,
        /// Every match as `name (Land, id)`.
        candidates: Vec<String>,
        /// A key that would pick the first candidate.
        example: String,
    },
}

fn hint(similar: &[String]) -> String {
    if similar.is_empty() {
        "; check the spelling, or use the ids of that file (e.g. the 8-digit AGS)".into()
    } else {
        format!("; did you mean {}?", similar.join(", "))
    }
}

/// The index of the municipality `key` names: an exact id first, else a
/// name (case-insensitive), else a name followed by its Land after a comma
/// or in parentheses: `"Neustadt, BY"`, `"Neustadt (Bayern)"`.
///
/// ```
/// use lineup::{Land, Municipality, Problem, Settings, lookup::find};
///
/// let towns: Vec<Municipality> = (0..6)
///     .map(|i| Municipality::new(format!("id{i}"), format!("Ort {i}"), Land::ALL[i], 50_000, 50.0, 10.0))
///     .collect();
/// let problem = Problem::new(towns, Settings::default())?;
/// assert_eq!(find(&problem, "id2"), Ok(2));
/// assert_eq!(find(&problem, "ort 3"), Ok(3));
/// assert!(find(&problem, "Ort").unwrap_err().to_string().contains("did you mean"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn find(problem: &Problem, key: &str) -> Result<usize, LookupError> {
    match problem.index_of(key) {
        Some(i) => Ok(i),
        None => find_in(problem.municipalities(), key),
    }
}

/// As [`find`], in a list of municipalities (ids compared one by one).
pub fn find_in(ms: &[Municipality], key: &str) -> Result<usize, LookupError> {
    if let Some(i) = ms.iter().position(|m| m.id == key) {
        return Ok(i);
    }
    let named = |name: &str, land: Option<Land>| -> Vec<usize> {
        let name = name.to_lowercase();
        (0..ms.len())
            .filter(|&i| ms[i].name.trim().to_lowercase() == name)
            .filter(|&i| land.is_none_or(|l| ms[i].land == l))
            .collect()
    };
    // The whole key as a name first: "Halle (Saale)" is a name.
    let mut name = key.trim();
    let mut matches = named(name, None);
    if matches.is_empty()
        && let (bare, Some(land)) = split_land(name)
    {
        name = bare;
        matches = named(bare, Some(land));
    }
    match matches.as_slice() {
        [i] => Ok(*i),
        [] => {
            let needle = name.to_lowercase();
            let similar = ms
                .iter()
                .filter(|m| !needle.is_empty() && m.name.to_lowercase().contains(&needle))
                .take(5)
                .map(|m| format!("{} ({})", m.name, m.id))
                .collect();
            Err(LookupError::NotFound {
                key: key.to_string(),
                similar,
            })
        }
        all => Err(LookupError::Ambiguous {
            key: key.to_string(),
            candidates: all
                .iter()
                .map(|&i| format!("{} ({}, {})", ms[i].name, ms[i].land.name(), ms[i].id))
                .collect(),
            example: format!("{}, {}", ms[all[0]].name, ms[all[0]].land.abbr()),
        }),
    }
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
    use crate::Settings;

    fn problem() -> Problem {
        let towns = vec![
            Municipality::new("1", "Neustadt", Land::BY, 30_000, 49.0, 11.0),
            Municipality::new("2", "Neustadt", Land::HE, 30_000, 50.5, 9.0),
            Municipality::new("3", "Gotha", Land::TH, 45_000, 50.9, 10.7),
            Municipality::new("4", "Hameln", Land::NI, 57_000, 52.1, 9.4),
            Municipality::new("5", "Wismar", Land::MV, 43_000, 53.9, 11.5),
            Municipality::new("6", "Halle (Saale)", Land::ST, 52_000, 51.5, 12.0),
        ];
        Problem::new(towns, Settings::default()).unwrap()
    }

    #[test]
    fn ids_win_then_names_then_names_with_land() {
        let p = problem();
        assert_eq!(find(&p, "3"), Ok(2));
        assert_eq!(find(&p, "  hameln "), Ok(3));
        assert_eq!(find(&p, "Neustadt, HE"), Ok(1));
        assert_eq!(find(&p, "Neustadt (Bayern)"), Ok(0));
        assert_eq!(find(&p, "neustadt (09)"), Ok(0));
        assert_eq!(find(&p, "Halle (Saale)"), Ok(5));
    }

    #[test]
    fn ambiguous_names_list_every_candidate_and_the_way_out() {
        let e = find(&problem(), "Neustadt").unwrap_err();
        let text = e.to_string();
        assert!(matches!(e, LookupError::Ambiguous { ref candidates, .. } if candidates.len() == 2));
        assert!(text.contains("Neustadt (Bayern, 1)"), "{text}");
        assert!(text.contains("Neustadt (Hessen, 2)"), "{text}");
        assert!(text.contains("\"Neustadt, BY\""), "{text}");
    }

    #[test]
    fn unknown_keys_suggest_similar_names() {
        let p = problem();
        let e = find(&p, "stadt").unwrap_err().to_string();
        assert!(e.contains("did you mean Neustadt (1), Neustadt (2)?"), "{e}");
        let e = find(&p, "Berlin").unwrap_err().to_string();
        assert!(e.contains("check the spelling"), "{e}");
        assert!(matches!(
            find(&p, "Neustadt, SH"),
            Err(LookupError::NotFound { .. })
        ));
    }
}
