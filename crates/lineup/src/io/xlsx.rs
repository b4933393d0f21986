//! `.xlsx` workbooks: the first sheet, read like a CSV file (a header row,
//! then one row per municipality). Row numbers in messages are the sheet's.

use std::io::Cursor;

use calamine::{Reader, Xlsx};

use super::columns::Column;
use super::error::{InputError, InputErrorKind};
use super::table::{Row, Table};

fn malformed(message: String) -> InputError {
    InputError::new(InputErrorKind::Malformed { message })
}

/// Reads the first sheet of a workbook into a [`Table`]. The header is the
/// first row with an `id` or `name` header (rows above it, such as a title,
/// are not data), else the first non-blank row; cells are their values
/// (numbers as Excel stores them, e.g. `1484226` and `52.1043`), trimmed.
pub fn table(bytes: &[u8]) -> Result<Table, InputError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        malformed(format!(
            "cannot read the workbook ({e}): save it as an Excel workbook (.xlsx), or as CSV"
        ))
    })?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| {
            malformed("the workbook has no sheet: put the municipalities on the first sheet".into())
        })?
        .map_err(|e| {
            malformed(format!(
                "cannot read the first sheet ({e}): save it again as .xlsx, or as CSV"
            ))
        })?;
    let first = range.start().map_or(0, |(row, _)| u64::from(row));
    let mut rows: Vec<Row> = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: first + i as u64 + 1,
            cells: cells.iter().map(|c| c.to_string().trim().to_string()).collect(),
        })
        .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
        .collect();
    if rows.is_empty() {
        return Err(InputError::new(InputErrorKind::Empty));
    }
    let names_a_row = |r: &Row| {
        r.cells
            .iter()
            .any(|c| matches!(Column::from_header(c), Some(Column::Id | Column::Name)))
    };
    let at = rows.iter().position(names_a_row).unwrap_or(0);
    let mut data = rows.split_off(at);
    let header = data.remove(0);
    Ok(Table {
        header: header.cells,
        header_line: header.line,
        rows: data,
        malformed: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::input::is_zip;
    use super::*;
    use rust_xlsxwriter::Workbook;

    fn book(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
        let mut wb = Workbook::new();
        fill(wb.add_worksheet());
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn reads_the_first_sheet_with_numbers_and_text() {
        let bytes = book(|s| {
            s.write_string(0, 0, "Gemeinden im Fachaustausch, Stand 2024")
                .unwrap();
            s.write_string(2, 1, "Gemeindeschlüssel").unwrap();
            s.write_string(2, 2, "Einwohner").unwrap();
            s.write_string(3, 1, "09162000").unwrap();
            s.write_number(3, 2, 1_484_226.0).unwrap();
            s.write_number(4, 1, 11_000_000.0).unwrap();
            s.write_string(4, 2, " 3.669.491 ").unwrap();
        });
        assert!(is_zip(&bytes));
        let t = table(&bytes).unwrap();
        // The title in A1 is not the header; the sheet's columns start at A.
        assert_eq!(t.header, ["", "Gemeindeschlüssel", "Einwohner"]);
        assert_eq!(t.header_line, 3);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells, ["", "09162000", "1484226"]);
        assert_eq!(t.rows[1].line, 5);
        assert_eq!(t.rows[1].cells, ["", "11000000", "3.669.491"]);
        let input = t.municipalities().unwrap();
        assert_eq!(input.municipalities[1].population, 3_669_491);
    }

    #[test]
    fn empty_and_broken_workbooks_are_errors() {
        assert_eq!(table(&book(|_| {})).unwrap_err().kind, InputErrorKind::Empty);
        let e = table(b"PK\x03\x04 not really").unwrap_err();
        assert!(e.to_string().starts_with("cannot read the workbook"), "{e}");
    }
}
