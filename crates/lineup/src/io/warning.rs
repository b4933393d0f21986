//! What a reader did without being asked: columns it did not read, and
//! values it took from the register. Nothing the user gave is replaced
//! silently; each of these is one line on the user's screen.

use std::fmt;

use super::columns::Column;
use super::error::Place;
use crate::messages::{Lang, fill, text, thousands};
use crate::names::{edit_distance, fold};

/// How many names a [`InputWarning::FromRegister`] message lists.
const NAMED: usize = 5;

/// Something the user should know about how a file was read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputWarning {
    /// A column whose header is none of the accepted names: its values are
    /// not used.
    UnreadColumn {
        /// The header as written.
        header: String,
        /// The column it seems to mean (one the file lacks).
        meant: &'static str,
        /// A header that would make it read (`Einwohner`).
        rename_to: &'static str,
    },
    /// Values of a column taken from the register, because the file does
    /// not give them (no column, or empty cells).
    FromRegister {
        /// The column (`population`, `id`, …).
        column: &'static str,
        /// How many rows.
        rows: usize,
        /// The names of the first few of them.
        names: Vec<String>,
    },
    /// Names written otherwise than in the register (`Frankfurt a.M.`,
    /// `Halle` with Sachsen-Anhalt), and the municipality each was taken
    /// for: check them.
    Matched {
        /// `(name as given, "register name (Land, AGS)")`, the first
        /// `MATCHES_SHOWN` (20) of them.
        pairs: Vec<(String, String)>,
        /// How many in all.
        count: usize,
    },
    /// Invisible characters (zero-width space, joiners, word joiner, a
    /// byte-order mark inside the text) removed from cells of a column:
    /// they hid a difference (`0916\u{200b}2000` is `09162000` to the eye).
    Invisible {
        /// The column (header or JSON key) as written.
        column: String,
        /// How many cells.
        cells: usize,
        /// The first few rows (CSV, sheet) or entries (JSON).
        places: Vec<Place>,
    },
    /// A name without a Land and without a population that matched one
    /// small municipality exactly, while a much larger one (more than
    /// [`SHADOW_FACTOR`] times its inhabitants) begins with that name:
    /// `Weiden` is Weiden in Rheinland-Pfalz (87 inhabitants), but the
    /// planner may mean Weiden i.d.OPf. (42 743).
    Shadowed {
        /// Where.
        place: Place,
        /// The name as given.
        given: String,
        /// The municipality it was taken for.
        found: RegisterTown,
        /// The much larger ones whose name begins with it.
        larger: Vec<RegisterTown>,
    },
}

/// How many times larger a municipality whose name begins with a matched
/// name must be to earn an [`InputWarning::Shadowed`].
pub const SHADOW_FACTOR: u64 = 10;

/// How many matched names [`InputWarning::Matched`] lists.
pub const MATCHES_SHOWN: usize = 20;

/// A municipality of the register, as a warning names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterTown {
    /// Name.
    pub name: String,
    /// AGS.
    pub id: String,
    /// Land.
    pub land: crate::land::Land,
    /// Inhabitants (register).
    pub population: u64,
}

impl RegisterTown {
    fn text(&self, lang: Lang) -> String {
        fill(
            text("input.town", lang).unwrap_or_default(),
            &[
                ("name", &self.name),
                ("land", &self.land.to_string()),
                ("id", &self.id),
                ("population", &thousands(self.population, lang)),
            ],
        )
    }
}

/// English.
impl fmt::Display for InputWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl InputWarning {
    /// The warning in a language (from the message catalogue).
    pub fn text(&self, lang: Lang) -> String {
        let t = |key: &str| text(key, lang).unwrap_or_default();
        let more = |list: String, more: usize| {
            if more > 0 {
                fill(t("input.more"), &[("list", &list), ("n", &more.to_string())])
            } else {
                list
            }
        };
        let column = |name: &str| {
            let key = format!("input.column.{}", name.replace(", ", "_"));
            text(&key, lang).unwrap_or(name).to_string()
        };
        match self {
            InputWarning::UnreadColumn {
                header,
                meant,
                rename_to,
            } => fill(
                t("input.unread_column"),
                &[
                    ("header", header),
                    ("meant", &column(meant)),
                    ("source", t(source(meant))),
                    ("rename_to", rename_to),
                ],
            ),
            InputWarning::Matched { pairs, count } => {
                let list: Vec<String> = pairs.iter().map(|(a, b)| format!("{a} → {b}")).collect();
                let key = if *count == 1 {
                    "input.matched.one"
                } else {
                    "input.matched.other"
                };
                fill(
                    t(key),
                    &[
                        ("count", &count.to_string()),
                        ("list", &more(list.join("; "), count.saturating_sub(pairs.len()))),
                    ],
                )
            }
            InputWarning::Invisible {
                column,
                cells,
                places,
            } => describe(column, *cells, places, lang),
            InputWarning::FromRegister {
                column: c,
                rows,
                names,
            } => {
                let key = if *rows == 1 {
                    "input.from_register.one"
                } else {
                    "input.from_register.other"
                };
                fill(
                    t(key),
                    &[
                        ("column", &column(c)),
                        ("rows", &rows.to_string()),
                        ("source", t(source(c))),
                        ("list", &more(names.join(", "), rows.saturating_sub(names.len()))),
                    ],
                )
            }
            InputWarning::Shadowed {
                place,
                given,
                found,
                larger,
            } => {
                let (key, n) = match place {
                    Place::Row(n) => ("input.place.row", n),
                    Place::Entry(n) => ("input.place.entry", n),
                };
                let larger: Vec<String> = larger.iter().map(|x| x.text(lang)).collect();
                fill(
                    t("input.shadowed"),
                    &[
                        ("place", &fill(t(key), &[("n", &n.to_string())])),
                        ("given", given),
                        ("found", &found.text(lang)),
                        ("larger", &larger.join(", ")),
                    ],
                )
            }
        }
    }
}

/// How many places an [`InputWarning::Invisible`] names.
pub(crate) const PLACES_NAMED: usize = 5;

/// The warning's text in a language (from the message catalogue).
pub(crate) fn describe(column: &str, cells: usize, places: &[Place], lang: Lang) -> String {
    let t = |key: &str| text(key, lang).unwrap_or_default();
    let rows = places.iter().all(|p| matches!(p, Place::Row(_)));
    let numbers: Vec<String> = places
        .iter()
        .map(|p| match p {
            Place::Row(n) | Place::Entry(n) => n.to_string(),
        })
        .collect();
    let key = match (rows, places.len() == 1) {
        (true, true) => "input.invisible.row",
        (true, false) => "input.invisible.rows",
        (false, true) => "input.invisible.entry",
        (false, false) => "input.invisible.entries",
    };
    let mut list = fill(t(key), &[("list", &numbers.join(", "))]);
    let more = cells.saturating_sub(places.len());
    if more > 0 && places.len() == PLACES_NAMED {
        list = fill(
            t("input.invisible.more"),
            &[("list", &list), ("n", &more.to_string())],
        );
    }
    let template = if cells == 1 {
        t("input.invisible.one")
    } else {
        t("input.invisible.many")
    };
    fill(
        template,
        &[
            ("column", column),
            ("count", &cells.to_string()),
            ("places", &list),
        ],
    )
}

/// The catalogue key of where the register's values of a column come from.
fn source(column: &str) -> &'static str {
    if column == "population" {
        "input.source.population"
    } else {
        "input.source.other"
    }
}

/// The header a planner would write for a column (German first).
fn german(c: Column) -> &'static str {
    match c {
        Column::Id => "Gemeindeschlüssel",
        Column::Name => "Gemeinde",
        Column::State => "Land",
        Column::StateCode => "Landeskennziffer",
        Column::Population => "Einwohner",
        Column::Lat => "Breite",
        Column::Lon => "Länge",
        Column::SizeClass => "Größenklasse",
        Column::Cluster => "Cluster",
    }
}

/// Whether a header looks like an alias: an abbreviation of it (`EW` for
/// `Einwohner`), a typo (`Einwoner`), or the alias plus more
/// (`Einwohner2019`).
fn resembles(header: &str, alias: &str) -> bool {
    let (h, a) = (fold(header), fold(alias));
    if h.is_empty() || a.is_empty() {
        return false;
    }
    let abbreviates = h.chars().count() <= 4 && h.chars().next() == a.chars().next() && {
        let mut long = a.chars();
        h.chars().all(|c| long.any(|d| d == c))
    };
    abbreviates
        || (h.chars().count() >= 5 && edit_distance(&h, &a) <= 2)
        || (a.chars().count() >= 4 && h.starts_with(&a))
}

/// The warning for a header that is not read but seems to mean a column
/// the file lacks (`EW` for `Einwohner`), whose values the register then
/// supplies; `present` are the columns the file has. Other extra columns
/// (contact persons, remarks) travel through untouched: no warning.
pub(crate) fn unread(header: &str, present: &[Column]) -> Option<InputWarning> {
    let bare = header.split(['(', '[']).next().unwrap_or(header);
    let meant = Column::ALL
        .into_iter()
        .filter(|c| !present.contains(c))
        .find(|c| c.aliases().iter().any(|a| resembles(bare, a)))?;
    Some(InputWarning::UnreadColumn {
        header: header.to_string(),
        meant: meant.name(),
        rename_to: german(meant),
    })
}

/// Counts, per column, the rows whose value came from the register.
#[derive(Default)]
pub(crate) struct Filled {
    rows: Vec<(Column, usize, Vec<String>)>,
    matched: Vec<(String, String)>,
    count: usize,
}

impl Filled {
    /// Notes that `columns` of the row for `name` came from the register.
    pub fn note(&mut self, name: &str, columns: &[Column]) {
        for &c in columns {
            let i = match self.rows.iter().position(|r| r.0 == c) {
                Some(i) => i,
                None => {
                    self.rows.push((c, 0, Vec::new()));
                    self.rows.len() - 1
                }
            };
            let r = &mut self.rows[i];
            r.1 += 1;
            if r.2.len() < NAMED {
                r.2.push(name.to_string());
            }
        }
    }

    /// Notes that the name `given` was taken for `found` (`Kiel
    /// (Schleswig-Holstein, 01002000)`).
    pub fn matched(&mut self, given: &str, found: String) {
        self.count += 1;
        if self.matched.len() < MATCHES_SHOWN {
            self.matched.push((given.to_string(), found));
        }
    }

    /// The matched names, then one warning per column, in the order of
    /// [`Column::ALL`].
    pub fn warnings(mut self) -> Vec<InputWarning> {
        self.rows
            .sort_by_key(|r| Column::ALL.iter().position(|c| *c == r.0));
        let matched = (self.count > 0).then_some(InputWarning::Matched {
            pairs: self.matched,
            count: self.count,
        });
        matched
            .into_iter()
            .chain(
                self.rows
                    .into_iter()
                    .map(|(c, rows, names)| InputWarning::FromRegister {
                        column: if c == Column::Lat { "lat, lon" } else { c.name() },
                        rows,
                        names,
                    }),
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unread_headers_name_the_column_they_seem_to_mean() {
        let w = unread("EW", &[Column::Name]).unwrap();
        assert_eq!(
            w.to_string(),
            "column `EW` is not read; population taken from the register (Destatis, population 31.12.2019) — rename it to `Einwohner` to use yours"
        );
        let w = unread("Einwoner", &[Column::Name]).unwrap();
        assert!(
            matches!(
                w,
                InputWarning::UnreadColumn {
                    meant: "population",
                    ..
                }
            ),
            "{w:?}"
        );
        // A column the file already has is not what an unread header means;
        // other extra columns travel through without a warning.
        assert_eq!(unread("EW", &[Column::Name, Column::Population]), None);
        assert_eq!(unread("Ansprechpartner", &[Column::Name]), None);
    }

    #[test]
    fn register_values_are_counted_once_per_column() {
        let mut f = Filled::default();
        for n in ["A", "B", "C", "D", "E", "F", "G"] {
            f.note(n, &[Column::Population, Column::Id]);
        }
        let w = f.warnings();
        assert_eq!(w.len(), 2);
        assert_eq!(
            w[0].to_string(),
            "`id` of 7 rows taken from the register (Destatis, 31.12.2020): A, B, C, D, E and 2 more"
        );
        assert!(
            w[1].to_string().starts_with(
                "`population` of 7 rows taken from the register (Destatis, population 31.12.2019)"
            )
        );
    }
}
