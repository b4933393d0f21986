//! An input error in the planner's language: the place, the field and what
//! is wrong from the message catalogue (`input.*`). Kinds whose text comes
//! from elsewhere (a reader's or parser's message, the register, a Land)
//! keep that text; the place and field around it are still translated.

use super::error::{InputError, InputErrorKind, Place};
use crate::messages::{Lang, fill, text};

fn say(key: &str, lang: Lang, args: &[(&str, &str)]) -> String {
    fill(text(key, lang).unwrap_or(key), args)
}

/// The catalogue's text for one of the library's "expected" phrases, else the phrase.
fn expected(phrase: &str, lang: Lang) -> String {
    crate::messages::all()
        .find(|m| m.key.starts_with("input.expected.") && m.en == phrase)
        .map_or_else(|| phrase.to_string(), |m| m.text(lang).to_string())
}

/// The same phrase denied: "not a whole number", German "keine ganze Zahl"
/// (its `.not` entry; else "not …" / "nicht …").
fn not_expected(phrase: &str, lang: Lang) -> String {
    crate::messages::all()
        .find(|m| m.key.starts_with("input.expected.") && m.en == phrase)
        .and_then(|m| text(&format!("{}.not", m.key), lang))
        .map_or_else(
            || {
                say(
                    "input.expected.not",
                    lang,
                    &[("expected", &expected(phrase, lang))],
                )
            },
            str::to_string,
        )
}

impl Place {
    /// The place in a language: `row 5` / `Zeile 5`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Place::Row(n) => say("input.row", lang, &[("n", &n.to_string())]),
            Place::Entry(n) => say("input.entry", lang, &[("n", &n.to_string())]),
        }
    }
}

impl InputErrorKind {
    /// What is wrong, in a language.
    pub fn text(&self, lang: Lang) -> String {
        let q = |s: &str| format!("{s:?}");
        match self {
            InputErrorKind::Empty => say("input.empty", lang, &[]),
            InputErrorKind::NoRows => say("input.no_rows", lang, &[]),
            InputErrorKind::MissingColumn {
                column,
                found,
                accepted,
            } => say(
                "input.missing_column",
                lang,
                &[("column", column), ("found", found), ("accepted", accepted)],
            ),
            InputErrorKind::EmptyValue { expected: e } => {
                say("input.empty_value", lang, &[("expected", &expected(e, lang))])
            }
            InputErrorKind::BadNumber { value, expected: e } => say(
                "input.bad_number",
                lang,
                &[("value", &q(value)), ("what", &not_expected(e, lang))],
            ),
            InputErrorKind::DuplicateId { id, first } => say(
                "input.duplicate_id",
                lang,
                &[("id", &q(id)), ("first", &first.text(lang))],
            ),
            InputErrorKind::SameMunicipality { id, first, register } => say(
                "input.same_municipality",
                lang,
                &[
                    ("id", &q(id)),
                    ("first", &first.text(lang)),
                    ("register", register),
                ],
            ),
            InputErrorKind::UnknownMember { cluster, id } => say(
                "input.unknown_member",
                lang,
                &[("cluster", &q(cluster)), ("id", &q(id))],
            ),
            InputErrorKind::Rows { errors, more } => {
                let mut out = say("input.rows", lang, &[("n", &(errors.len() + more).to_string())]);
                for e in errors {
                    out.push_str("\n  ");
                    out.push_str(&e.text(lang));
                }
                if *more > 0 {
                    out.push_str("\n  ");
                    out.push_str(&say("input.rows.more", lang, &[("n", &more.to_string())]));
                }
                out
            }
            InputErrorKind::Register(e) => e.text(lang),
            InputErrorKind::UnknownLand(e) => e.text(lang),
            other => other.to_string(),
        }
    }
}

impl InputError {
    /// The error in a language: in English the same text as `to_string()`,
    /// in German from the catalogue (`Zeile 5, Feld `population`: …`).
    ///
    /// ```
    /// use lineup::{InputError, InputErrorKind};
    /// use lineup::messages::Lang;
    ///
    /// let e = InputError::at(5, "population", InputErrorKind::BadNumber {
    ///     value: "abc".into(),
    ///     expected: "a whole number of inhabitants > 0".into(),
    /// });
    /// assert_eq!(e.text(Lang::En), e.to_string());
    /// assert_eq!(
    ///     e.text(Lang::De),
    ///     "Zeile 5, Feld `population`: \"abc\" ist keine ganze Zahl von Einwohnern > 0: bitte den Wert korrigieren"
    /// );
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let what = self.kind.text(lang);
        match (&self.place, &self.field) {
            (Some(p), Some(f)) => say(
                "input.at_field",
                lang,
                &[("place", &p.text(lang)), ("field", f), ("what", &what)],
            ),
            (Some(p), None) => say("input.at", lang, &[("place", &p.text(lang)), ("what", &what)]),
            (None, Some(f)) => say("input.field", lang, &[("field", f), ("what", &what)]),
            (None, None) => what,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<InputError> {
        let bad = InputError::at(
            5,
            "population",
            InputErrorKind::BadNumber {
                value: "abc".into(),
                expected: "a whole number of inhabitants > 0".into(),
            },
        );
        let empty = InputError::at(
            7,
            "id",
            InputErrorKind::EmptyValue {
                expected: "an id (the 8-digit AGS) or a name".into(),
            },
        );
        let dup = InputError::new(InputErrorKind::DuplicateId {
            id: "1".into(),
            first: Place::Entry(2),
        })
        .with_place(Place::Entry(4));
        let missing = InputError::new(InputErrorKind::MissingColumn {
            column: "lat".into(),
            found: "id, name".into(),
            accepted: "lat, latitude".into(),
        });
        let many: Vec<InputError> = (0..25)
            .map(|i| bad.clone().with_place(Place::Row(i + 2)))
            .collect();
        vec![
            bad,
            empty,
            dup,
            missing,
            InputError::new(InputErrorKind::Empty),
            InputError::new(InputErrorKind::NoRows).with_field("x"),
            InputError::new(InputErrorKind::UnknownMember {
                cluster: "A-1".into(),
                id: "9".into(),
            }),
            InputError::all(many).unwrap(),
        ]
    }

    #[test]
    fn english_is_the_display_text() {
        for e in samples() {
            assert_eq!(e.text(Lang::En), e.to_string());
        }
    }

    #[test]
    fn german_names_row_field_and_what_to_do() {
        let texts: Vec<String> = samples().iter().map(|e| e.text(Lang::De)).collect();
        assert!(
            texts[1].starts_with("Zeile 7, Feld `id`: der Wert ist leer: bitte eine Kennung"),
            "{}",
            texts[1]
        );
        assert!(
            texts[2].starts_with("Eintrag 4: Kennung \"1\" doppelt (zuerst in Eintrag 2)"),
            "{}",
            texts[2]
        );
        assert!(
            texts[7].starts_with("25 Zeilen sind nicht verwendbar"),
            "{}",
            texts[7]
        );
        assert!(texts[7].ends_with("und 5 weitere"), "{}", texts[7]);
        // "keine", not "nicht eine"; a phrase the catalogue lacks is denied
        // with "nicht".
        let degrees = InputErrorKind::BadNumber {
            value: "x".into(),
            expected: "a decimal number of degrees (WGS84, e.g. 52.517 or 52,517)".into(),
        };
        assert!(
            degrees
                .text(Lang::De)
                .starts_with("\"x\" ist keine Dezimalzahl in Grad")
        );
        let other = InputErrorKind::BadNumber {
            value: "x".into(),
            expected: "a share".into(),
        };
        assert_eq!(
            other.text(Lang::De),
            "\"x\" ist nicht a share: bitte den Wert korrigieren"
        );
        assert_eq!(other.text(Lang::En), other.to_string());
        for t in &texts {
            assert!(!t.contains("row ") && !t.contains("field `"), "{t}");
        }
    }
}
