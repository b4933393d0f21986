//! Reading inputs from any `Read`: municipalities (CSV, JSON or `.xlsx`)
//! and lineups. The library never opens paths; the caller passes readers.
//!
//! Text may be UTF-8 (with or without byte-order mark), UTF-16 with a
//! byte-order mark (Excel's "Unicode text"), or Windows-1252 (Excel's
//! "CSV" on German Windows): bytes that are not UTF-8 are read as
//! Windows-1252, which covers every German letter.
//!
//! * [`columns`]: accepted header names (English and German).
//! * [`numbers`]: numbers as spreadsheets write them (`1.484.226`, `52,1043`).
//! * [`record`]: turning one row's text fields into a [`Municipality`],
//!   filling gaps from the [register](crate::register).
//! * [`table`]: a header row and data rows, from CSV or a sheet.
//! * [`csv`](mod@csv): CSV with `,`, `;` or tabs.
//! * [`xlsx`]: the first sheet of an Excel workbook (feature `xlsx`).
//! * [`json`]: JSON arrays of municipality objects.
//! * [`lineup`](mod@lineup): lineup JSON (as written by `lineup solve --format json`).

pub mod baseline;
pub mod columns;
pub mod csv;
pub mod json;
pub mod lineup;
pub mod numbers;
pub mod record;
pub mod table;
#[cfg(feature = "xlsx")]
pub mod xlsx;

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
    /// An Excel workbook (`.xlsx`): the first sheet, laid out like the CSV.
    Xlsx,
}

impl InputFormat {
    /// Guesses the format from the first bytes: a zip archive is `.xlsx`,
    /// otherwise as [`InputFormat::sniff`] on the text.
    pub fn detect(bytes: &[u8]) -> InputFormat {
        if bytes.starts_with(b"PK\x03\x04") {
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

/// Reads all bytes.
pub(crate) fn read_bytes(mut reader: impl Read) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| {
        InputError::new(InputErrorKind::Malformed {
            message: format!("cannot read the input: {e}; check that the file is readable"),
        })
    })?;
    Ok(bytes)
}

/// Text from bytes: UTF-8 or UTF-16 after a byte-order mark (which is
/// removed), else UTF-8 if valid, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Reads all bytes as text (see [`decode`]).
pub(crate) fn read_text(reader: impl Read) -> Result<String, InputError> {
    read_bytes(reader).map(|b| decode(&b))
}

/// The table of an `.xlsx` workbook, or an error in a build without them.
pub(crate) fn xlsx_table(bytes: &[u8]) -> Result<table::Table, InputError> {
    #[cfg(feature = "xlsx")]
    return xlsx::table(bytes);
    #[cfg(not(feature = "xlsx"))]
    {
        let _ = bytes;
        Err(InputError::new(InputErrorKind::Malformed {
            message: "this build cannot read .xlsx workbooks (built without the `xlsx` feature): save the sheet as CSV".into(),
        }))
    }
}

/// Reads municipalities from CSV, JSON or `.xlsx` (`format = None`:
/// detected from the content). Values a row lacks are filled from the
/// [register](crate::register) by id or name.
///
/// ```
/// let csv = "id;name;state;population;lat;lon\n09162000;München;BY;1484226;48.137683;11.575997\n";
/// let input = lineup::read_municipalities(csv.as_bytes(), None)?;
/// assert_eq!(input.municipalities[0].land, lineup::Land::BY);
///
/// // German spreadsheet style, with only some columns: the rest comes from the register.
/// let csv = "Gemeinde;Land;Einwohner\nKiel;Schleswig-Holstein;246.794\nNeunkirchen;Saarland;\n";
/// let input = lineup::read_municipalities(csv.as_bytes(), None)?;
/// assert_eq!(input.municipalities[0].id, "01002000");
/// assert_eq!(input.municipalities[1].population, 46_179);
/// # Ok::<_, lineup::InputError>(())
/// ```
pub fn read_municipalities(reader: impl Read, format: Option<InputFormat>) -> Result<Input, InputError> {
    let bytes = read_bytes(reader)?;
    let format = format.unwrap_or_else(|| InputFormat::detect(&bytes));
    let text = match format {
        InputFormat::Xlsx => return xlsx_table(&bytes)?.municipalities(),
        InputFormat::Csv | InputFormat::Json => decode(&bytes),
    };
    if text.trim().is_empty() {
        return Err(InputError::new(InputErrorKind::Empty));
    }
    match format {
        InputFormat::Json => json::parse(&text),
        InputFormat::Csv | InputFormat::Xlsx => csv::parse(&text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_utf16_and_windows_1252() {
        assert_eq!(decode("Görlitz".as_bytes()), "Görlitz");
        assert_eq!(
            decode(b"\xEF\xBB\xBFG\xC3\xB6rlitz"),
            "Görlitz",
            "UTF-8 BOM removed"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Görlitz\tBY".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), "Görlitz\tBY");
        assert_eq!(decode(b"G\xF6rlitz \x80 \xDF"), "Görlitz € ß", "Windows-1252");
    }

    #[test]
    fn detects_formats_from_bytes() {
        assert_eq!(InputFormat::detect(b"PK\x03\x04rest"), InputFormat::Xlsx);
        assert_eq!(InputFormat::detect(b"\xEF\xBB\xBF[{}]"), InputFormat::Json);
        assert_eq!(InputFormat::detect(b"id;name\n"), InputFormat::Csv);
    }

    #[test]
    fn a_utf16_tab_separated_export_reads_like_csv() {
        let text = "Gemeindeschlüssel\tEinwohner\r\n09162000\t1.484.226\r\n";
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let input = read_municipalities(bytes.as_slice(), None).unwrap();
        assert_eq!(input.municipalities[0].name, "München");
        assert_eq!(input.municipalities[0].population, 1_484_226);
    }
}
