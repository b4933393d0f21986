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
/// written with a decimal comma in German.
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
}

impl Note {
    /// A note of `key` with its arguments.
    pub fn new(key: &str, args: &[(&str, String)]) -> Note {
        Note {
            key: key.to_string(),
            args: args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
        }
    }

    /// The note in a language (the key itself if the catalogue lacks it).
    pub fn text(&self, lang: Lang) -> String {
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, v)| {
                let v = if k == "block" {
                    block_name(v, lang)
                } else {
                    localised(v, lang)
                };
                (k.as_str(), v)
            })
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
    fn decimals_get_a_comma_in_german_only() {
        assert_eq!(localised("12.50", Lang::De), "12,50");
        assert_eq!(localised("12.50", Lang::En), "12.50");
        assert_eq!(localised("St. Ingbert", Lang::De), "St. Ingbert");
        assert_eq!(localised("01002000", Lang::De), "01002000");
        let n = Note::new("no.such.key", &[]);
        assert_eq!(n.text(Lang::De), "no.such.key");
    }
}
