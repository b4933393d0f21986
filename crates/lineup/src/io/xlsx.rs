//! `.xlsx` workbooks: the first sheet, read like a CSV file (a header row,
//! then one row per municipality). Row numbers in messages are the sheet's.

use std::io::Cursor;

use std::io::Read;

use calamine::{Data, Reader, Xlsx};

use super::columns::Column;
use super::error::{InputError, InputErrorKind};
use super::table::{Row, Table};

fn malformed(message: String) -> InputError {
    InputError::new(InputErrorKind::Malformed { message })
}

/// The most bytes a workbook may inflate to, all its parts together: a
/// sheet of 200 000 municipalities takes well under 100 MB, while a "zip
/// bomb" of a few KB can claim gigabytes.
pub(crate) const MAX_INFLATED_BYTES: u64 = 256 << 20;

/// The most cells the table of a sheet may hold (rows with content × the
/// widest row): the used range a sheet claims is not trusted, only cells
/// actually present count, but a few cells far apart must not make a
/// table of billions of empty ones.
pub(crate) const MAX_TABLE_CELLS: u64 = 8_000_000;

/// Rejects a workbook whose parts inflate to more than
/// [`MAX_INFLATED_BYTES`], by inflating each part into nothing (the sizes a
/// zip file declares can lie).
fn check_inflated_size(bytes: &[u8]) -> Result<(), InputError> {
    let cannot = |e: &dyn std::fmt::Display| {
        malformed(format!(
            "cannot read the workbook ({e}): save it as an Excel workbook (.xlsx), or as CSV"
        ))
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| cannot(&e))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| cannot(&e))?;
        let left = MAX_INFLATED_BYTES - total;
        let n = std::io::copy(&mut part.take(left + 1), &mut std::io::sink()).map_err(|e| cannot(&e))?;
        total += n;
        if total > MAX_INFLATED_BYTES {
            return Err(malformed(format!(
                "the workbook unpacks to more than {} MB (it is compressed {} times or more): save the sheet alone as a new workbook, or as CSV",
                MAX_INFLATED_BYTES >> 20,
                MAX_INFLATED_BYTES / (bytes.len() as u64).max(1)
            )));
        }
    }
    Ok(())
}

/// Reads the first sheet of a workbook into a [`Table`]. The header is the
/// first row with an `id` or `name` header (rows above it, such as a title,
/// are not data), else the first non-blank row; cells are their values
/// (numbers as Excel stores them, e.g. `1484226` and `52.1043`), trimmed.
///
/// Only cells present in the sheet are read (its claimed used range is not
/// trusted); a workbook that inflates beyond [`MAX_INFLATED_BYTES`], or
/// whose cells would span more than [`MAX_TABLE_CELLS`], is an error.
pub fn table(bytes: &[u8]) -> Result<Table, InputError> {
    check_inflated_size(bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        malformed(format!(
            "cannot read the workbook ({e}): save it as an Excel workbook (.xlsx), or as CSV"
        ))
    })?;
    let first_sheet = book.sheet_names().into_iter().next().ok_or_else(|| {
        malformed("the workbook has no sheet: put the municipalities on the first sheet".into())
    })?;
    let cannot_sheet = |e: calamine::XlsxError| {
        malformed(format!(
            "cannot read the first sheet ({e}): save it again as .xlsx, or as CSV"
        ))
    };
    let mut reader = book.worksheet_cells_reader(&first_sheet).map_err(cannot_sheet)?;
    // (row, column, text) of every non-blank cell.
    let mut cells: Vec<(u32, u32, String)> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(cannot_sheet)? {
        let (row, col) = cell.get_position();
        // Invisible characters stay: `Table::municipalities` removes and reports them.
        let text = super::text::nfc(&Data::from(cell.get_value().clone()).to_string())
            .trim()
            .to_string();
        if !text.is_empty() {
            cells.push((row, col, text));
        }
    }
    cells.sort_by_key(|c| (c.0, c.1));
    let first_col = cells.iter().map(|c| c.1).min().unwrap_or(0);
    let width = cells.iter().map(|c| c.1 - first_col + 1).max().unwrap_or(0);
    let mut row_count = 0u64;
    let mut last_row = None;
    for c in &cells {
        if last_row != Some(c.0) {
            row_count += 1;
            last_row = Some(c.0);
        }
    }
    if row_count * u64::from(width) > MAX_TABLE_CELLS {
        return Err(malformed(format!(
            "the first sheet has {row_count} rows with content and spans {width} columns, more than {MAX_TABLE_CELLS} cells: delete stray cells far to the right, or save the table alone as CSV"
        )));
    }
    let mut rows: Vec<Row> = Vec::new();
    for (row, col, text) in cells {
        if rows.last().is_none_or(|r| r.line != u64::from(row) + 1) {
            rows.push(Row {
                line: u64::from(row) + 1,
                cells: vec![String::new(); width as usize],
            });
        }
        if let Some(r) = rows.last_mut() {
            r.cells[(col - first_col) as usize] = text;
        }
    }
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
    fn a_far_cell_does_not_make_a_huge_table() {
        // One cell at XFD1048576: the used range claims 17·10⁹ cells (calamine's
        // range would allocate 512 GiB); only the cells present are read.
        let bytes = book(|s| {
            s.write_string(0, 0, "id").unwrap();
            s.write_string(0, 1, "Einwohner").unwrap();
            s.write_string(1, 0, "09162000").unwrap();
            s.write_string(1_048_575, 16_383, "x").unwrap();
        });
        assert!(bytes.len() < 20_000);
        let t = table(&bytes).unwrap();
        assert_eq!(t.header.len(), 16_384);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].line, 1_048_576);
        assert_eq!(t.rows[1].cells[16_383], "x");
        // Many rows and one far column: the table would be too big.
        let wide = book(|s| {
            for r in 0..600 {
                s.write_string(r, 0, "x").unwrap();
            }
            s.write_string(0, 16_383, "far").unwrap();
        });
        let e = table(&wide).unwrap_err().to_string();
        assert!(e.contains("600 rows with content and spans 16384 columns"), "{e}");
    }

    #[test]
    fn a_zip_bomb_is_rejected_before_it_is_read() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..(MAX_INFLATED_BYTES >> 20) + 1 {
            zip.write_all(&spaces).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 4 << 20, "{}", bytes.len());
        let e = table(&bytes).unwrap_err().to_string();
        assert!(e.contains("unpacks to more than 256 MB"), "{e}");
    }

    #[test]
    fn empty_and_broken_workbooks_are_errors() {
        assert_eq!(table(&book(|_| {})).unwrap_err().kind, InputErrorKind::Empty);
        let e = table(b"PK\x03\x04 not really").unwrap_err();
        assert!(e.to_string().starts_with("cannot read the workbook"), "{e}");
    }
}
