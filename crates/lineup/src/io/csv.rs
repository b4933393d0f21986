//! CSV with a header row; `,`, `;` or tab as delimiter (detected from the
//! header); header names case-insensitive, extra columns ignored.

use std::collections::HashMap;

use crate::error::{InputError, InputErrorKind, Place};
use crate::io::columns::Column;
use crate::io::record::to_municipality;
use crate::io::{Collector, Input};

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

/// Parses municipality rows from CSV text.
pub fn parse(text: &str) -> Result<Input, InputError> {
    let delimiter = detect_delimiter(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            InputError::new(InputErrorKind::Malformed {
                message: format!("cannot read the header row: {e}"),
            })
            .with_place(Place::Row(1))
        })?
        .clone();
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(c) = Column::from_header(h) {
            index.entry(c.name()).or_insert(i);
        }
    }
    let found = headers.iter().collect::<Vec<_>>().join(", ");
    let missing = |c: Column| InputError {
        place: Some(Place::Row(1)),
        field: None,
        kind: InputErrorKind::MissingColumn {
            column: c.name().to_string(),
            found: found.clone(),
            accepted: c.aliases().join(", "),
        },
    };
    for c in [
        Column::Id,
        Column::Name,
        Column::Population,
        Column::Lat,
        Column::Lon,
    ] {
        if !index.contains_key(c.name()) {
            return Err(missing(c));
        }
    }
    if !index.contains_key(Column::State.name()) && !index.contains_key(Column::StateCode.name()) {
        return Err(missing(Column::State));
    }
    let mut out = Collector::default();
    for result in reader.records() {
        let record = result.map_err(|e| {
            let row = e.position().map_or(0, |p| p.line());
            let message = match e.kind() {
                ::csv::ErrorKind::UnequalLengths { len, expected_len, .. } => format!(
                    "this row has {len} fields but the header has {expected_len}: check quoting and the delimiter ({:?})",
                    delimiter as char
                ),
                _ => format!("cannot read this row: {e}"),
            };
            InputError::new(InputErrorKind::Malformed { message }).with_place(Place::Row(row))
        })?;
        let row = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        let m = to_municipality(Place::Row(row), |c| {
            index
                .get(c.name())
                .and_then(|&i| record.get(i))
                .map(str::to_string)
        })?;
        out.push(m, Place::Row(row))?;
    }
    out.finish(Vec::new(), Vec::new())
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
    fn missing_column_is_named() {
        let e = parse("id,name,state,lat,lon\n1,a,BY,48,11\n").unwrap_err();
        assert!(e.to_string().contains("missing column `population`"), "{e}");
        assert!(e.to_string().contains("einwohner"), "{e}");
    }

    #[test]
    fn duplicate_id_names_both_rows() {
        let t = format!("{HEAD}\n1,a,BY,5000,48,11\n2,b,BY,5000,48,11\n1,c,BY,5000,48,11\n");
        let e = parse(&t).unwrap_err();
        assert_eq!(e.place, Some(Place::Row(4)));
        assert!(e.to_string().contains("first seen in row 2"), "{e}");
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
            "row 3, field `population`: \"lots\" is not a whole number of inhabitants > 0"
        );
    }
}
