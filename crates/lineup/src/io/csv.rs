//! CSV with a header row; `,`, `;` or tab as delimiter (detected from the
//! header); header names case-insensitive, extra columns ignored.

use super::error::{InputError, InputErrorKind, Place};
use super::input::Input;
use super::table::{Row, Table};

/// The delimiter that splits the header line into the most fields.
pub fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |d: char| {
        let mut in_quotes = false;
        header
            .chars()
            .filter(|&c| {
                if c == '"' {
                    in_quotes = !in_quotes;
                }
                !in_quotes && c == d
            })
            .count()
    };
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d as char), d == b','))
        .unwrap_or(b',')
}

/// The text after an Excel `sep=X` line, and `X`.
fn excel_separator(text: &str) -> Option<(&str, u8)> {
    let (first, body) = text.split_once('\n')?;
    match first.trim_end_matches('\r').strip_prefix("sep=")?.as_bytes() {
        [d] => Some((body, *d)),
        _ => None,
    }
}

/// Line numbers of byte offsets, counted forward: the csv crate puts a
/// record that follows blank lines on the first of them.
struct Lines<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    /// The 1-based line of the first non-blank line at or after `byte`
    /// (offsets must not decrease).
    fn at(&mut self, byte: u64) -> u64 {
        let mut to = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        while self.text.get(to) == Some(&b'\n') {
            to += 1;
        }
        if to >= self.byte {
            self.line += self.text[self.byte..to].iter().filter(|&&b| b == b'\n').count() as u64;
            self.byte = to;
        }
        self.line
    }
}

/// Reads CSV text into a [`Table`] (delimiter detected from the header;
/// cells trimmed; blank rows left out).
///
/// A first line `sep=;` (which Excel writes and reads) sets the delimiter.
pub fn table(text: &str) -> Result<Table, InputError> {
    // The csv crate counts a record that follows "\r\n" as on the line
    // before; with "\n" alone its row numbers are right.
    let unix = text.replace("\r\n", "\n");
    let (text, skipped, delimiter) = match excel_separator(&unix) {
        Some((body, d)) => (body, 1, d),
        None => (unix.as_str(), 0, detect_delimiter(&unix)),
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| {
            InputError::new(InputErrorKind::Malformed {
                message: format!("cannot read the header row: {e}; save the file as CSV"),
            })
            .with_place(Place::Row(1 + skipped))
        })?
        .iter()
        .map(str::to_string)
        .collect();
    let mut rows = Vec::new();
    let mut malformed = Vec::new();
    let mut lines = Lines::new(text);
    for result in reader.records() {
        let record = match result.map_err(|e| {
            let row = e.position().map_or(0, |p| lines.at(p.byte())) + skipped;
            let message = match e.kind() {
                ::csv::ErrorKind::UnequalLengths { len, expected_len, .. } => format!(
                    "this row has {len} fields but the header has {expected_len}: check quoting and the delimiter ({:?})",
                    delimiter as char
                ),
                _ => format!("cannot read this row: {e}; check quoting and the delimiter"),
            };
            InputError::new(InputErrorKind::Malformed { message }).with_place(Place::Row(row))
        }) {
            Ok(record) => record,
            Err(e) => {
                malformed.push(e);
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        rows.push(Row {
            line: record.position().map_or(0, |p| lines.at(p.byte())) + skipped,
            cells: record.iter().map(str::to_string).collect(),
        });
    }
    Ok(Table {
        header,
        header_line: 1 + skipped,
        rows,
        malformed,
    })
}

/// Parses municipality rows from CSV text.
pub fn parse(text: &str) -> Result<Input, InputError> {
    table(text)?.municipalities()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::land::Land;

    const HEAD: &str = "id,name,state,population,lat,lon";

    #[test]
    fn detects_delimiters() {
        assert_eq!(detect_delimiter("a;b;c\n"), b';');
        assert_eq!(detect_delimiter("a,b,c\n"), b',');
        assert_eq!(detect_delimiter("\"a;x\",b,c\n"), b',');
        assert_eq!(detect_delimiter("a\tb\n"), b'\t');
    }

    #[test]
    fn reads_semicolons_and_ignores_extra_columns() {
        let t = "ID;Name;Extra;State;Population;Lat;Lon\n01001000;Flensburg;x;SH;90164;54.78;9.43\n";
        let i = parse(t).unwrap();
        assert_eq!(i.municipalities.len(), 1);
        assert_eq!(i.municipalities[0].land, Land::SH);
    }

    #[test]
    fn excel_separator_line_sets_the_delimiter() {
        let t = table("sep=;\r\nid;name\r\n1;a,b\r\n").unwrap();
        assert_eq!(t.header, ["id", "name"]);
        assert_eq!((t.header_line, t.rows[0].line), (2, 3));
        assert_eq!(t.rows[0].cells, ["1", "a,b"]);
    }

    #[test]
    fn rows_are_the_files_lines_with_crlf_and_blank_lines() {
        let t = table("id;name\r\n1;a\r\n\r\n\r\n2;b\r\n3\r\n4;d\r\n").unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 5, 7]);
        assert_eq!(t.malformed[0].place, Some(Place::Row(6)));
    }

    #[test]
    fn missing_column_is_named() {
        let e = parse("ort_id;titel;state;lat;lon\n1;a;BY;48;11\n").unwrap_err();
        assert!(e.to_string().contains("missing column `id or name`"), "{e}");
        assert!(e.to_string().contains("gemeindeschlüssel"), "{e}");
        // Without a population column, a row that is not in the register
        // cannot be completed.
        let e = parse("id,name,state,lat,lon\n1,a,BY,48,11\n").unwrap_err();
        assert!(e.to_string().contains("\"1\" is no AGS in the register"), "{e}");
        assert!(e.to_string().contains("`population` cannot be filled in"), "{e}");
    }

    #[test]
    fn duplicate_id_names_both_rows() {
        let t = format!("{HEAD}\n1,a,BY,5000,48,11\n2,b,BY,5000,48,11\n1,c,BY,5000,48,11\n");
        let e = parse(&t).unwrap_err();
        assert_eq!(e.place, Some(Place::Row(4)));
        assert!(e.to_string().contains("first seen in row 2"), "{e}");
    }

    #[test]
    fn the_same_municipality_under_two_ids_names_both_rows() {
        // A 7-digit AGS and the padded one, or an id row and a name row: both
        // are München in the register, which must not be placed twice.
        for t in [
            "id\n9162000\n02000000\n09162000\n",
            "id,name\n9162000,\n,Hamburg\n,München\n",
        ] {
            let e = parse(t).unwrap_err();
            assert_eq!(e.place, Some(Place::Row(4)), "{t}");
            let text = e.to_string();
            assert!(
                text.contains("same municipality as row 2: both are München (09162000)"),
                "{text}"
            );
        }
    }

    #[test]
    fn header_only_and_ragged_rows() {
        assert_eq!(
            parse(&format!("{HEAD}\n")).unwrap_err().kind,
            InputErrorKind::NoRows
        );
        let e = parse(&format!("{HEAD}\n1,a,BY,5000,48\n")).unwrap_err();
        assert_eq!(e.place, Some(Place::Row(2)));
        assert!(e.to_string().contains("5 fields but the header has 6"), "{e}");
    }

    #[test]
    fn bad_number_names_row_and_field() {
        let e = parse(&format!("{HEAD}\n1,a,BY,5000,48,11\n2,b,BY,lots,48,11\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "row 3, field `population`: \"lots\" is not a whole number of inhabitants > 0: correct the value"
        );
    }
}
