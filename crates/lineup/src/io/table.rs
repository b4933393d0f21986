//! A table of text cells with a header row, as read from CSV or a
//! spreadsheet, and what it holds: municipalities, or a lineup.

use std::collections::HashMap;

use super::columns::Column;
use super::error::{InputError, InputErrorKind, Place};
use super::input::{Collector, Input};
use super::invisible::{Invisible, has_invisible};
use super::record::read_row;
use super::text::normalize;
use super::warning::unread;

/// One data row: its 1-based line (row number in a sheet) and its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The row's number as the user sees it (the header is row 1 in a CSV).
    pub line: u64,
    /// The cells, trimmed; empty cells are empty strings.
    pub cells: Vec<String>,
}

/// A header row and the data rows below it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Header names as written.
    pub header: Vec<String>,
    /// The line of the header row.
    pub header_line: u64,
    /// Data rows, blank rows left out.
    pub rows: Vec<Row>,
    /// Rows that could not be split into cells (reported with the others).
    pub malformed: Vec<InputError>,
}

impl Table {
    /// Which column holds what: the first column whose header names it.
    pub fn columns(&self) -> HashMap<Column, usize> {
        let mut index = HashMap::new();
        for (i, h) in self.header.iter().enumerate() {
            if let Some(c) = Column::from_header(h) {
                index.entry(c).or_insert(i);
            }
        }
        index
    }

    /// The columns lineup has no field for (or a second column of a
    /// field): kept as attributes, named by their header (`column N` when
    /// it is empty).
    fn attribute_columns(&self, index: &HashMap<Column, usize>) -> Vec<(String, usize)> {
        self.header
            .iter()
            .enumerate()
            .filter(|(i, _)| !index.values().any(|x| x == i))
            // A column without a header and without a value holds nothing
            // the user gave (a stray cell far to the right widens the sheet).
            .filter(|(i, h)| {
                !h.trim().is_empty()
                    || self
                        .rows
                        .iter()
                        .any(|r| r.cells.get(*i).is_some_and(|c| !c.trim().is_empty()))
            })
            .map(|(i, h)| {
                let name = h.trim();
                let name = if name.is_empty() {
                    format!("column {}", i + 1)
                } else {
                    name.to_string()
                };
                (name, i)
            })
            .collect()
    }

    fn missing(&self, column: &str, accepted: String) -> InputError {
        InputError::new(InputErrorKind::MissingColumn {
            column: column.to_string(),
            found: self.header.join(", "),
            accepted,
        })
        .with_place(Place::Row(self.header_line))
    }

    /// The municipalities in the table. An `id` or a `name` column is
    /// required; the rest may come from the register. Invisible characters
    /// are removed from every cell, with a warning per column.
    pub fn municipalities(&self) -> Result<Input, InputError> {
        let mut invisible = Invisible::default();
        if !self.header.iter().any(|h| has_invisible(h)) {
            return self.read(invisible);
        }
        let place = Place::Row(self.header_line);
        let header = self
            .header
            .iter()
            .map(|h| invisible.clean("header", place, h))
            .collect();
        Table {
            header,
            ..self.clone()
        }
        .read(invisible)
    }

    fn read(&self, mut invisible: Invisible) -> Result<Input, InputError> {
        let index = self.columns();
        if !index.contains_key(&Column::Id) && !index.contains_key(&Column::Name) {
            return Err(self.missing(
                "id or name",
                format!(
                    "{} (id); {} (name)",
                    Column::Id.aliases().join(", "),
                    Column::Name.aliases().join(", ")
                ),
            ));
        }
        let mut out = Collector::default();
        out.reject(self.malformed.iter().cloned());
        let present: Vec<Column> = index.keys().copied().collect();
        for (i, h) in self.header.iter().enumerate() {
            if !index.values().any(|&j| j == i)
                && let Some(w) = unread(h, &present)
            {
                out.warn(w);
            }
        }
        let extra = self.attribute_columns(&index);
        for row in &self.rows {
            let place = Place::Row(row.line);
            let cleaned: Vec<String>;
            let cells = if row.cells.iter().any(|c| has_invisible(c)) {
                cleaned = row
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let column = self.header.get(i).map_or("", String::as_str);
                        invisible.clean(column, place, c)
                    })
                    .collect();
                &cleaned
            } else {
                &row.cells
            };
            let m = read_row(place, |c| index.get(&c).and_then(|&i| cells.get(i)).cloned()).map(|mut r| {
                for (name, i) in &extra {
                    r.municipality
                        .attributes
                        .insert(name.clone(), cells.get(*i).cloned().unwrap_or_default());
                }
                r
            });
            out.add(m, place);
        }
        for w in invisible.warnings() {
            out.warn(w);
        }
        out.finish(Vec::new(), Vec::new())
    }

    /// `(cluster, id)` per row, for a lineup given as a table with `id` and
    /// `cluster` columns.
    pub fn assignments(&self) -> Result<Vec<(String, String)>, InputError> {
        let index = self.columns();
        let (Some(&id), Some(&cluster)) = (index.get(&Column::Id), index.get(&Column::Cluster)) else {
            return Err(self.missing("id and cluster", "id, cluster".into()));
        };
        self.rows
            .iter()
            .map(|row| {
                // A lineup's ids are matched, not read: invisible characters go silently.
                let cell = |i: usize, c: Column| {
                    row.cells
                        .get(i)
                        .map(|s| {
                            if has_invisible(s) {
                                normalize(s).trim().to_string()
                            } else {
                                s.clone()
                            }
                        })
                        .filter(|s| !s.is_empty())
                        .ok_or_else(|| {
                            InputError::new(InputErrorKind::EmptyValue {
                                expected: format!("the {} of every member", c.name()),
                            })
                            .with_place(Place::Row(row.line))
                            .with_field(c.name())
                        })
                };
                Ok((cell(cluster, Column::Cluster)?, cell(id, Column::Id)?))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            header_line: 1,
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    line: i as u64 + 2,
                    cells: r.iter().map(|s| s.to_string()).collect(),
                })
                .collect(),
            malformed: Vec::new(),
        }
    }

    #[test]
    fn needs_an_id_or_a_name_column() {
        let e = table(&["Einwohner", "Land"], &[&["5000", "BY"]])
            .municipalities()
            .unwrap_err();
        let text = e.to_string();
        assert!(
            text.starts_with("row 1: missing column `id or name` (found: Einwohner, Land)"),
            "{text}"
        );
        let ok = table(&["AGS"], &[&["09162000"], &["11000000"]])
            .municipalities()
            .unwrap();
        assert_eq!(ok.municipalities[1].name, "Berlin");
    }

    #[test]
    fn other_columns_become_attributes_verbatim() {
        let t = table(
            &["AGS", "Träger", "", "Erfahrung_Jahre", "Name", "name"],
            &[
                &["09162000", "Stadt", "x", "3,5", "München", "Munich"],
                &["11000000", "", "", "12"],
            ],
        );
        let ms = t.municipalities().unwrap().municipalities;
        let a: Vec<(&str, &str)> = ms[0].attributes.iter().collect();
        assert_eq!(
            a,
            [
                ("Träger", "Stadt"),
                ("column 3", "x"),
                ("Erfahrung_Jahre", "3,5"),
                ("name", "Munich")
            ]
        );
        assert_eq!(ms[1].attributes.get("Träger"), Some(""));
        assert_eq!(ms[1].attributes.get("erfahrung_jahre"), Some("12"));
    }

    #[test]
    fn assignments_need_both_columns_and_values() {
        let t = table(&["cluster", "id"], &[&["A", "1"], &["B", ""]]);
        let e = t.assignments().unwrap_err();
        assert_eq!(
            e.to_string(),
            "row 3, field `id`: the value is empty: fill in the id of every member"
        );
        let e = table(&["id"], &[&["1"]]).assignments().unwrap_err();
        assert!(e.to_string().contains("missing column `id and cluster`"), "{e}");
    }
}
