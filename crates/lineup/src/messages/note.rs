//! A typed note: a catalogue key and its arguments, so that the library
//! says something once and every front end words it in its language (the
//! command line through [`Note::text`], the page through its `t(key, args)`).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Lang, fill, text};

/// A catalogue text with its arguments, not yet worded.
///
/// Arguments are plain text; a number with a decimal point (`12.5`) is
/// written with a decimal comma in German, and a solver's counts
/// ([`COUNTS`] of a `solver.*` note) with the language's thousands separator.
///
/// ```
/// use lineup::messages::Lang;
/// use lineup::messages::note::Note;
///
/// let n = Note::new("whatif.note.closed", &[("cluster", "Kleinstadt-2".into()), ("remaining", "0".into()), ("gone", "6".into()), ("min", "6".into()), ("max", "7".into())]);
/// assert!(n.text(Lang::De).starts_with("Kleinstadt-2"));
/// assert_eq!(n.to_string(), n.text(Lang::En));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The catalogue key (`whatif.note.kept`).
    pub key: String,
    /// The values of its `{placeholders}`.
    #[serde(default)]
    pub args: BTreeMap<String, String>,
    /// Placeholders that hold a note of their own (`level 2: {note}`),
    /// worded in the same language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub nested: BTreeMap<String, Note>,
}

impl Note {
    /// A note of `key` with its arguments.
    pub fn new(key: &str, args: &[(&str, String)]) -> Note {
        Note {
            key: key.to_string(),
            args: args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
            nested: BTreeMap::new(),
        }
    }

    /// A text kept as it was given (`{text}` in every language): a note
    /// read from a report written before notes were typed, or a backend's
    /// own message.
    pub fn verbatim(text: impl Into<String>) -> Note {
        Note::new(VERBATIM, &[("text", text.into())])
    }

    /// This note with `note` in its placeholder `slot`.
    ///
    /// ```
    /// use lineup::messages::Lang;
    /// use lineup::messages::note::Note;
    ///
    /// let inner = Note::new("solver.pricing_budget", &[("round", "7".into())]);
    /// let n = Note::new("solver.level2", &[]).with("note", inner);
    /// assert_eq!(n.text(Lang::En), "level 2: pricing ran out of budget in round 7");
    /// assert!(n.text(Lang::De).starts_with("Stufe 2 (Streuung): "));
    /// ```
    pub fn with(mut self, slot: &str, note: Note) -> Note {
        self.nested.insert(slot.to_string(), note);
        self
    }

    /// Whether this note, or one nested in it, has `key`.
    pub fn mentions(&self, key: &str) -> bool {
        self.key == key || self.nested.values().any(|n| n.mentions(key))
    }

    /// The note in a language (the key itself if the catalogue lacks it).
    pub fn text(&self, lang: Lang) -> String {
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, v)| {
                let v = match k.as_str() {
                    "block" => block_name(v, lang),
                    "status" => text(&format!("status.{v}"), lang).map_or_else(|| v.clone(), str::to_string),
                    k if self.key.starts_with("solver.") && COUNTS.contains(&k) => match v.parse::<u64>() {
                        Ok(n) => super::thousands(n, lang),
                        Err(_) => v.clone(),
                    },
                    _ => localised(v, lang),
                };
                (k.as_str(), v)
            })
            .chain(self.nested.iter().map(|(k, n)| (k.as_str(), n.text(lang))))
            .collect();
        let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(text(&self.key, lang).unwrap_or(&self.key), &pairs)
    }
}

/// English.
impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The arguments of the solver's notes (`solver.*`) that are counts
/// (rounds, columns, candidate clusters), written with thousands separators
/// (the page's `noteText` groups the same).
pub const COUNTS: &[&str] = &["columns", "exact", "max", "n", "pairs", "round", "rounds"];

/// The key of [`Note::verbatim`].
pub const VERBATIM: &str = "note.verbatim";

/// A block's name in a language: a size class as it is, the block of all
/// classes (adjacent comparability) in words.
pub fn block_name(name: &str, lang: Lang) -> String {
    match name {
        "all classes" => text("block.all_classes", lang).unwrap_or(name).to_string(),
        _ => name.to_string(),
    }
}

/// A decimal number with a decimal comma in German; any other text as is.
fn localised(v: &str, lang: Lang) -> String {
    let numeric = v.contains('.')
        && v.parse::<f64>().is_ok()
        && v.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    if numeric && lang == Lang::De {
        v.replace('.', ",")
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_solvers_counts_get_thousands_separators() {
        let n = Note::new(
            "solver.not_converged",
            &[
                ("rounds", "84".into()),
                ("exact", "12".into()),
                ("columns", "12096".into()),
            ],
        );
        assert_eq!(
            n.text(Lang::De),
            "Spaltengenerierung am Zeitlimit nicht konvergiert (84 Runden, 12 mit exaktem Pricing, 12.096 Kandidaten-Cluster)"
        );
        assert!(
            n.text(Lang::En)
                .ends_with("(84 rounds, 12 with exact pricing, 12,096 columns)")
        );
        // Not a count: as given.
        let v = Note::new("whatif.note.closed", &[("cluster", "1234".into())]);
        assert!(v.text(Lang::De).starts_with("1234"));
    }

    #[test]
    fn decimals_get_a_comma_in_german_only() {
        assert_eq!(localised("12.50", Lang::De), "12,50");
        assert_eq!(localised("12.50", Lang::En), "12.50");
        assert_eq!(localised("St. Ingbert", Lang::De), "St. Ingbert");
        assert_eq!(localised("01002000", Lang::De), "01002000");
        let n = Note::new("no.such.key", &[]);
        assert_eq!(n.text(Lang::De), "no.such.key");
    }

    #[test]
    fn nested_notes_and_status_words_are_worded_in_the_language() {
        let inner = Note::new(
            "solver.proven_all",
            &[("n", "120".into()), ("rounds", "4".into()), ("exact", "1".into())],
        );
        let n = Note::new("solver.level2", &[]).with("note", inner);
        assert_eq!(
            n.text(Lang::De),
            "Stufe 2 (Streuung): bewiesen durch Auswahl aus allen 120 Kandidaten-Clustern (Set Partitioning; 4 Runden Spaltengenerierung, 1 mit exaktem Pricing)"
        );
        assert!(n.mentions("solver.proven_all") && !n.mentions("solver.level1"));
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(serde_json::from_str::<Note>(&json).unwrap(), n);
        // Without nested notes the JSON is as before: key and args.
        let flat = serde_json::to_value(Note::new("solver.closed_form", &[])).unwrap();
        assert_eq!(flat, serde_json::json!({"key": "solver.closed_form", "args": {}}));
        let b = Note::new("whatif.block.bound", &[("status", "time_limit".into())]);
        assert_eq!(
            b.text(Lang::De),
            "Schranke aus der Aufstellung ohne Stabilität (Zeitlimit)"
        );
        assert_eq!(Note::verbatim("as it was").text(Lang::De), "as it was");
    }
}
