//! Invisible characters in cells (zero-width space, joiners, word joiner, a
//! byte-order mark inside the text): they only hide differences between
//! keys (`0916\u{200b}2000` is `09162000` to the eye), so the municipality
//! readers remove them, and say where, once per column with a count.

use super::error::Place;
use super::text::{is_invisible, normalize};
use super::warning::{InputWarning, PLACES_NAMED};

/// Whether a cell holds an invisible character.
pub(crate) fn has_invisible(text: &str) -> bool {
    text.chars().any(is_invisible)
}

/// The cells cleaned so far, per column.
#[derive(Debug, Default)]
pub(crate) struct Invisible {
    /// `(column, cells, first places)`, in the order first met.
    columns: Vec<(String, usize, Vec<Place>)>,
}

impl Invisible {
    /// The cell without invisible characters (trimmed again: they may have
    /// hidden spaces at its ends); noted under `column` at `place` if it
    /// held any.
    pub fn clean(&mut self, column: &str, place: Place, cell: &str) -> String {
        if !has_invisible(cell) {
            return cell.to_string();
        }
        let i = match self.columns.iter().position(|c| c.0 == column) {
            Some(i) => i,
            None => {
                self.columns.push((column.to_string(), 0, Vec::new()));
                self.columns.len() - 1
            }
        };
        let c = &mut self.columns[i];
        c.1 += 1;
        if c.2.len() < PLACES_NAMED && c.2.last() != Some(&place) {
            c.2.push(place);
        }
        normalize(cell).trim().to_string()
    }

    /// One warning per column that had any.
    pub fn warnings(self) -> impl Iterator<Item = InputWarning> {
        self.columns
            .into_iter()
            .map(|(column, cells, places)| InputWarning::Invisible {
                column,
                cells,
                places,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::super::warning::describe;
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn cells_are_cleaned_and_counted_per_column() {
        let mut inv = Invisible::default();
        assert_eq!(inv.clean("id", Place::Row(2), "09162000"), "09162000");
        assert_eq!(inv.clean("id", Place::Row(3), "0916\u{200b}2000"), "09162000");
        assert_eq!(inv.clean("name", Place::Row(3), "\u{feff} Kiel"), "Kiel");
        for r in 4..12 {
            inv.clean("id", Place::Row(r), "\u{2060}1");
        }
        let w: Vec<String> = inv.warnings().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            [
                "`id`: invisible characters (zero-width space, joiner or byte-order mark) removed from 9 cells: rows 3, 4, 5, 6, 7 and 4 more; check these values",
                "`name`: invisible characters (zero-width space, joiner or byte-order mark) removed from 1 cell: row 3; check this value",
            ]
        );
    }

    #[test]
    fn the_warning_reads_in_german_too() {
        assert_eq!(
            describe("Gemeinde", 2, &[Place::Entry(1), Place::Entry(4)], Lang::De),
            "`Gemeinde`: unsichtbare Zeichen (Leerzeichen ohne Breite, Verbinder oder Byte-Order-Mark) aus 2 Zellen entfernt: Einträge 1, 4; bitte diese Werte prüfen"
        );
    }
}
