//! What reading municipalities gives: the format, the municipalities with
//! the links a file gives, and the collector that rejects duplicate ids.

use std::collections::HashMap;

use super::error::{InputError, InputErrorKind, Place};
use super::record::Read;
use super::text::decode;
use super::warning::{Filled, InputWarning};
use crate::municipality::Municipality;
use crate::register::register;

/// Input formats for municipalities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputFormat {
    /// Comma- or semicolon-separated values with a header row.
    Csv,
    /// A JSON array of objects, or an object with a `municipalities` array.
    Json,
    /// An Excel workbook (`.xlsx`): the first sheet, laid out like the CSV.
    Xlsx,
}

impl InputFormat {
    /// Guesses the format from the first bytes: a zip archive is `.xlsx`,
    /// otherwise as [`InputFormat::sniff`] on the text.
    pub fn detect(bytes: &[u8]) -> InputFormat {
        if is_zip(bytes) {
            return InputFormat::Xlsx;
        }
        InputFormat::sniff(&decode(bytes))
    }

    /// Guesses the format from the first non-blank character: `[` or `{` is JSON.
    pub fn sniff(text: &str) -> InputFormat {
        match text.trim_start_matches('\u{feff}').trim_start().chars().next() {
            Some('[') | Some('{') => InputFormat::Json,
            _ => InputFormat::Csv,
        }
    }
}

/// Whether the bytes look like a zip archive (as every `.xlsx` is).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Municipalities plus links given in the input file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Input {
    /// The municipalities, in file order.
    pub municipalities: Vec<Municipality>,
    /// Must-link pairs given in the file (JSON only).
    pub must_link: Vec<(String, String)>,
    /// Cannot-link pairs given in the file (JSON only).
    pub cannot_link: Vec<(String, String)>,
    /// Criteria given in the file (JSON only: `"criteria": [...]`, as
    /// [`Criterion`](crate::Criterion) serialises).
    pub criteria: Vec<crate::criterion::Criterion>,
    /// Columns not read and values taken from the register: show them to
    /// the user.
    pub warnings: Vec<InputWarning>,
}

/// Collects municipalities in file order, rejecting duplicate ids, two rows
/// that are the same municipality of the register (`9162000` and
/// `09162000`, or an id row and a name row for München), and every bad row:
/// reading goes on after an error, so that one run names them all.
#[derive(Default)]
pub(crate) struct Collector {
    input: Input,
    first: HashMap<String, Place>,
    /// Register AGS → where it was first seen.
    first_ags: HashMap<&'static str, Place>,
    errors: Vec<InputError>,
    filled: Filled,
}

impl Collector {
    /// Adds the municipality read at `place`, or the reason it could not be
    /// read.
    pub fn add(&mut self, row: Result<Read, InputError>, place: Place) {
        let m = match row {
            Ok(r) => {
                self.filled.note(&r.municipality.name, &r.filled);
                if let Some(found) = r.matched {
                    self.filled.matched(&r.municipality.name, found);
                }
                if let Some((found, larger)) = r.shadowed {
                    self.input.warnings.push(InputWarning::Shadowed {
                        place,
                        given: r.municipality.name.clone(),
                        found,
                        larger,
                    });
                }
                r.municipality
            }
            Err(e) => return self.errors.push(e),
        };
        if let Some(&first) = self.first.get(&m.id) {
            return self.errors.push(
                InputError::new(InputErrorKind::DuplicateId { id: m.id, first })
                    .with_place(place)
                    .with_field("id"),
            );
        }
        if let Some(e) = register().by_id(&m.id) {
            if let Some(&first) = self.first_ags.get(e.id.as_str()) {
                return self.errors.push(
                    InputError::new(InputErrorKind::SameMunicipality {
                        id: m.id,
                        first,
                        register: format!("{} ({})", e.name, e.id),
                    })
                    .with_place(place)
                    .with_field("id"),
                );
            }
            self.first_ags.insert(e.id.as_str(), place);
        }
        self.first.insert(m.id.clone(), place);
        self.input.municipalities.push(m);
    }

    /// Adds errors found before the rows were read (rows the reader could
    /// not split), in file order.
    pub fn reject(&mut self, errors: impl IntoIterator<Item = InputError>) {
        self.errors.extend(errors);
    }

    /// Adds a warning about the file as a whole (a column not read).
    pub fn warn(&mut self, w: InputWarning) {
        self.input.warnings.push(w);
    }

    /// The input, with the given links; every bad row at once
    /// ([`InputError::all`]), or an error if no municipality was read.
    pub fn finish(
        mut self,
        must_link: Vec<(String, String)>,
        cannot_link: Vec<(String, String)>,
    ) -> Result<Input, InputError> {
        self.errors.sort_by_key(|e| match e.place {
            Some(Place::Row(r) | Place::Entry(r)) => r,
            None => 0,
        });
        if let Some(e) = InputError::all(self.errors) {
            return Err(e);
        }
        if self.input.municipalities.is_empty() {
            return Err(InputError::new(InputErrorKind::NoRows));
        }
        crate::municipality::mark_numbers(&mut self.input.municipalities);
        self.input.must_link = must_link;
        self.input.cannot_link = cannot_link;
        self.input.warnings.extend(self.filled.warnings());
        Ok(self.input)
    }
}
