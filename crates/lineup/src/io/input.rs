//! What reading municipalities gives: the format, the municipalities with
//! the links a file gives, and the collector that rejects duplicate ids.

use std::collections::HashMap;

use super::error::{InputError, InputErrorKind, Place};
use super::text::decode;
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
}

/// Collects municipalities in file order, rejecting duplicate ids and two
/// rows that are the same municipality of the register (`9162000` and
/// `09162000`, or an id row and a name row for München).
#[derive(Default)]
pub(crate) struct Collector {
    input: Input,
    first: HashMap<String, Place>,
    /// Register AGS → where it was first seen.
    first_ags: HashMap<&'static str, Place>,
}

impl Collector {
    /// Adds a municipality read at `place`.
    pub fn push(&mut self, m: Municipality, place: Place) -> Result<(), InputError> {
        if let Some(&first) = self.first.get(&m.id) {
            return Err(InputError::new(InputErrorKind::DuplicateId { id: m.id, first })
                .with_place(place)
                .with_field("id"));
        }
        if let Some(e) = register().by_id(&m.id) {
            if let Some(&first) = self.first_ags.get(e.id.as_str()) {
                return Err(InputError::new(InputErrorKind::SameMunicipality {
                    id: m.id,
                    first,
                    register: format!("{} ({})", e.name, e.id),
                })
                .with_place(place)
                .with_field("id"));
            }
            self.first_ags.insert(e.id.as_str(), place);
        }
        self.first.insert(m.id.clone(), place);
        self.input.municipalities.push(m);
        Ok(())
    }

    /// The input, with the given links; an error if no municipality was read.
    pub fn finish(
        mut self,
        must_link: Vec<(String, String)>,
        cannot_link: Vec<(String, String)>,
    ) -> Result<Input, InputError> {
        if self.input.municipalities.is_empty() {
            return Err(InputError::new(InputErrorKind::NoRows));
        }
        self.input.must_link = must_link;
        self.input.cannot_link = cannot_link;
        Ok(self.input)
    }
}
