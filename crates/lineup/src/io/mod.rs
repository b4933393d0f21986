//! Reading inputs from any `Read`: municipalities (CSV or JSON) and lineups
//! (JSON). The library never opens paths; the caller passes readers.
//!
//! * [`columns`]: accepted header names.
//! * [`record`]: turning one row's text fields into a [`Municipality`].
//! * [`csv`](mod@csv): CSV with `,` or `;`.
//! * [`json`]: JSON arrays of municipality objects.
//! * [`lineup`](mod@lineup): lineup JSON (as written by `lineup solve --format json`).

pub mod baseline;
pub mod columns;
pub mod csv;
pub mod json;
pub mod lineup;
pub mod record;

use std::io::Read;

use std::collections::HashMap;

use crate::error::{InputError, InputErrorKind, Place};
use crate::municipality::Municipality;

pub use baseline::read_baseline;
pub use lineup::read_lineup;

/// Input formats for municipalities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Comma- or semicolon-separated values with a header row.
    Csv,
    /// A JSON array of objects, or an object with a `municipalities` array.
    Json,
}

impl InputFormat {
    /// Guesses the format from the first non-blank character: `[` or `{` is JSON.
    pub fn sniff(text: &str) -> InputFormat {
        match text.trim_start_matches('\u{feff}').trim_start().chars().next() {
            Some('[') | Some('{') => InputFormat::Json,
            _ => InputFormat::Csv,
        }
    }
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
}

/// Collects municipalities in file order, rejecting duplicate ids.
#[derive(Default)]
pub(crate) struct Collector {
    input: Input,
    first: HashMap<String, Place>,
}

impl Collector {
    /// Adds a municipality read at `place`.
    pub fn push(&mut self, m: Municipality, place: Place) -> Result<(), InputError> {
        if let Some(&first) = self.first.get(&m.id) {
            return Err(InputError::new(InputErrorKind::DuplicateId { id: m.id, first })
                .with_place(place)
                .with_field("id"));
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

/// Reads all bytes and checks they are UTF-8; strips a byte-order mark.
pub(crate) fn read_text(mut reader: impl Read) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| {
        InputError::new(InputErrorKind::Malformed {
            message: format!("cannot read the input: {e}"),
        })
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        InputError::new(InputErrorKind::NotUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })
    })?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// Reads municipalities from CSV or JSON (`format = None`: sniffed).
///
/// ```
/// let csv = "id;name;state;population;lat;lon\n09162000;München;BY;1484226;48.137683;11.575997\n";
/// let input = lineup::read_municipalities(csv.as_bytes(), None)?;
/// assert_eq!(input.municipalities[0].land, lineup::Land::BY);
/// # Ok::<_, lineup::InputError>(())
/// ```
pub fn read_municipalities(reader: impl Read, format: Option<InputFormat>) -> Result<Input, InputError> {
    let text = read_text(reader)?;
    if text.trim().is_empty() {
        return Err(InputError::new(InputErrorKind::Empty));
    }
    match format.unwrap_or_else(|| InputFormat::sniff(&text)) {
        InputFormat::Csv => csv::parse(&text),
        InputFormat::Json => json::parse(&text),
    }
}
