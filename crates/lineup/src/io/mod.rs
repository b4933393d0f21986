//! Reading inputs from any `Read`: municipalities (CSV, JSON or `.xlsx`)
//! and lineups. The library never opens paths; the caller passes readers.
//!
//! Text may be UTF-8 (with or without byte-order mark), UTF-16 with a
//! byte-order mark (Excel's "Unicode text"), or Windows-1252 (Excel's
//! "CSV" on German Windows): bytes that are not UTF-8 are read as
//! Windows-1252, which covers every German letter.
//!
//! * `error`: what is wrong where (row or entry, field).
//! * `text`: bytes to text; `input`: formats, and what a read gives.
//! * `columns`: accepted header names (English and German).
//! * `numbers`: numbers as spreadsheets write them (`1.484.226`, `52,1043`).
//! * `record`: turning one row's text fields into a municipality, filling
//!   gaps from the [register](crate::register).
//! * `table`: a header row and data rows, from CSV or a sheet.
//! * `csv`: CSV with `,`, `;` or tabs; `xlsx`, `workbook`: the first sheet
//!   of an Excel workbook (feature `xlsx`).
//! * `json`: JSON arrays of municipality objects.
//! * `warning`: columns not read, values taken from the register;
//!   `invisible`: invisible characters removed from cells, per column.
//! * `lineup`, `baseline`: lineups (as written by `lineup solve`) to
//!   evaluate, map or re-optimise.

mod baseline;
mod columns;
mod csv;
mod error;
mod error_text;
mod input;
mod invisible;
mod json;
mod json_order;
mod lineup;
mod numbers;
mod record;
mod table;
mod text;
mod warning;
mod workbook;
#[cfg(feature = "xlsx")]
mod xlsx;

use std::io::Read;

pub use baseline::read_baseline;
pub use error::{InputError, InputErrorKind, Place, ReadError};
pub use input::{Input, InputFormat};
pub use lineup::read_lineup;
pub(crate) use numbers::parse_decimal;
pub(crate) use text::read_text;
pub use warning::{InputWarning, RegisterTown, SHADOW_FACTOR};

use text::{decode_nfc, read_bytes};
use workbook::xlsx_table;

/// The first sheet of a workbook as a table (for the export tests).
#[cfg(all(test, feature = "xlsx"))]
pub(crate) use xlsx::table as xlsx_sheet;

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
        // Invisible characters stay until the cells are known, so that the
        // readers can say where they removed them.
        InputFormat::Csv | InputFormat::Json => decode_nfc(&bytes),
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
    use super::text::decode;
    use super::*;

    #[test]
    fn a_failing_reader_keeps_its_io_error_as_source() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk gone"))
            }
        }
        let e = read_municipalities(Broken, None).unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::Read { .. }), "{e:?}");
        assert!(e.to_string().contains("cannot read the input: disk gone"), "{e}");
        let source = std::error::Error::source(&e.kind).expect("the I/O error");
        assert_eq!(source.to_string(), "disk gone");
    }

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
