//! The message catalogue: every text a planner reads on the workbench page
//! (and, as the command line adopts it, in its output), in English and
//! German, under stable keys. Pure data: callers look texts up and fill in
//! `{placeholders}`; the library prints nothing.
//!
//! * `page`: the workbench's labels, buttons and hints.
//! * `settings`: each option, its label and a one-sentence explanation.
//! * `invisible`: invisible characters removed from input cells.
//! * `blockers`: why a move is not allowed, the explanation's notes.
//! * `errors`: the kinds of the server's errors, in a sentence each.
//! * `map`: the map's title, legend, what-if marks and criteria.
//! * `rules`: status words, progress stages and broken rules (one template
//!   per [`Violation`](crate::Violation) kind, with its fields as placeholders).
//! * `planner`: the table, status sentences, summaries and named breaches
//!   of the command line (see [`Report::status_sentence`](crate::Report::status_sentence)).
//! * `criteria`: the planner's own criteria: options, broken rules, why a
//!   request is impossible, what blocks a move.
//! * `changes`: what-if and alternatives: the changes, the library's typed
//!   [`Note`](note::Note)s, the price of stability.
//! * `explaining`: `explain`'s sections, labels and verdicts.
//! * `reading`: what the reader did unasked (columns not read, values from
//!   the register, names matched as written otherwise).
//! * `scoreboard`: the status in a few words beside the page's badge.
//! * `usage`: options that do not parse or validate (the command line's
//!   flags and the server's query parameters): which, what was given, what
//!   they take.
//! * `infeasible`: why a request is impossible (the typed notes of
//!   [`Infeasibility`](crate::Infeasibility)), singular keys `KEY.one`.
//! * `lookup`: names that match no municipality, or several (the register,
//!   a problem's own names, Länder).
//! * `cli`: the command line's own words (`error:`, files it cannot open).
//! * `solver`: what the block solver did (a block's typed notes,
//!   [`BlockReport::notes`](crate::BlockReport::notes)).
//! * `workbench`: input errors in the planner's language, the server's own
//!   errors, and singular forms (`KEY.one`) of the page's counts.
//!
//! ```
//! use lineup::messages::{Lang, fill, text};
//!
//! let t = text("rule.cluster_size", Lang::De).unwrap();
//! let s = fill(t, &[("cluster", "Kleinstadt-2"), ("size", "8"), ("min", "6"), ("max", "7")]);
//! assert_eq!(s, "Cluster Kleinstadt-2 hat 8 Mitglieder, erlaubt sind 6 bis 7");
//! assert_eq!(Lang::from_tag("de-DE"), Lang::De);
//! ```

mod blockers;
mod changes;
mod cli;
mod criteria;
mod errors;
mod explaining;
mod infeasible;
mod invisible;
mod lookup;
mod map;
pub mod note;
mod page;
mod planner;
mod reading;
mod rules;
mod scoreboard;
mod settings;
mod solver;
mod usage;
mod workbench;

use serde::{Deserialize, Serialize};

/// A language of the catalogue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// German.
    De,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The language of a tag such as `de`, `de-DE`, `de_DE.UTF-8` or
    /// `en-GB`; English for anything that is not German.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_', '.', ',']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("de") {
            Lang::De
        } else {
            Lang::En
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }
}

/// `n` with its thousands grouped: `1,484,226`, German `1.484.226` (the
/// page's `Intl` formats alike). Every count or population the library and
/// the command line write in a language goes through here.
///
/// ```
/// use lineup::messages::{Lang, thousands};
/// assert_eq!(thousands(1_484_226, Lang::En), "1,484,226");
/// assert_eq!(thousands(25_900, Lang::De), "25.900");
/// assert_eq!(thousands(999, Lang::De), "999");
/// ```
pub fn thousands(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::De => '.',
        _ => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `x` with `places` decimals, with a decimal comma in German.
///
/// ```
/// use lineup::messages::{Lang, decimal};
/// assert_eq!(decimal(681.708, 2, Lang::De), "681,71");
/// assert_eq!(decimal(0.4, 1, Lang::En), "0.4");
/// ```
pub fn decimal(x: f64, places: usize, lang: Lang) -> String {
    let s = format!("{x:.places$}");
    match lang {
        Lang::De => s.replace('.', ","),
        _ => s,
    }
}

/// A gap as a percentage for "at most … % below": rounded **up** (the words
/// never promise less than the gap), one decimal from 1 %, two below, at
/// least 0.01 (a gap that is not zero never reads as 0).
pub fn percent(gap: f64, lang: Lang) -> String {
    let p = gap * 100.0;
    let places = if p >= 1.0 { 1 } else { 2 };
    let scale = 10f64.powi(places as i32);
    // The small allowance keeps 0.12 (12.000000000000002 when scaled) at 0.12.
    let up = ((p * scale - 1e-6).ceil() / scale).max(0.01);
    decimal(up, places, lang)
}

/// One entry: a key and its texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message {
    /// Stable key, dotted (`page.solve`, `rule.cluster_size`).
    pub key: &'static str,
    /// English text.
    pub en: &'static str,
    /// German text.
    pub de: &'static str,
}

impl Message {
    /// The text in a language.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::De => self.de,
        }
    }
}

/// Shorthand for the tables.
pub(crate) const fn m(key: &'static str, en: &'static str, de: &'static str) -> Message {
    Message { key, en, de }
}

/// Every entry of the catalogue.
pub fn all() -> impl Iterator<Item = &'static Message> {
    page::PAGE
        .iter()
        .chain(settings::SETTINGS)
        .chain(rules::RULES)
        .chain(invisible::INVISIBLE)
        .chain(map::MAP)
        .chain(blockers::BLOCKERS)
        .chain(errors::ERRORS)
        .chain(planner::PLANNER)
        .chain(criteria::CRITERIA)
        .chain(changes::CHANGES)
        .chain(reading::READING)
        .chain(explaining::EXPLAINING)
        .chain(workbench::WORKBENCH)
        .chain(usage::USAGE)
        .chain(scoreboard::SCOREBOARD)
        .chain(infeasible::INFEASIBLE)
        .chain(lookup::LOOKUP)
        .chain(cli::CLI)
        .chain(solver::SOLVER)
}

/// The text of a key in a language.
pub fn text(key: &str, lang: Lang) -> Option<&'static str> {
    all().find(|m| m.key == key).map(|m| m.text(lang))
}

/// A template with its `{name}` placeholders replaced; unknown names stay.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut set = BTreeSet::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            set.insert(after[..close].to_string());
            rest = &after[close + 1..];
        }
        set
    }

    #[test]
    fn a_gap_is_worded_rounded_up_never_below_itself() {
        let cases = [
            (0.0681376, "6.9"),
            (0.0538, "5.4"),
            (0.0012, "0.12"),
            (0.00074, "0.08"),
            (0.001, "0.10"),
            (0.00000001, "0.01"),
            (0.22, "22.0"),
        ];
        for (gap, shown) in cases {
            assert_eq!(percent(gap, Lang::En), shown, "{gap}");
        }
        assert_eq!(percent(0.0681376, Lang::De), "6,9");
        for i in 1..2000 {
            let gap = i as f64 * 0.000_037_3;
            let shown: f64 = percent(gap, Lang::En).parse().unwrap();
            assert!(shown >= gap * 100.0 - 1e-9, "{gap} shown as {shown}");
        }
    }

    #[test]
    fn keys_are_unique_and_well_formed() {
        let mut seen = BTreeSet::new();
        for m in all() {
            assert!(seen.insert(m.key), "duplicate key {}", m.key);
            assert!(
                m.key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
                "{}",
                m.key
            );
        }
        assert!(seen.len() > 150, "{} keys", seen.len());
    }

    #[test]
    fn both_languages_have_text_and_the_same_placeholders() {
        for m in all() {
            assert!(!m.en.trim().is_empty() && !m.de.trim().is_empty(), "{}", m.key);
            assert_eq!(placeholders(m.en), placeholders(m.de), "{}", m.key);
        }
    }

    #[test]
    fn every_violation_kind_has_a_template() {
        for rule in [
            "missing",
            "duplicate",
            "unknown_member",
            "duplicate_cluster_id",
            "cluster_size",
            "class_mix",
            "pin",
            "must_link",
            "cannot_link",
            "land_cap",
            "alike",
            "quota",
            "cluster_count",
        ] {
            for lang in Lang::ALL {
                assert!(text(&format!("rule.{rule}"), lang).is_some(), "rule.{rule}");
            }
        }
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("{a} and {b} {c}", &[("a", "x"), ("b", "y")]), "x and y {c}");
        assert_eq!(fill("no {", &[]), "no {");
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_tag("DE"), Lang::De);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }
}
