//! An Excel workbook of a lineup: sheet `Lineup` (one row per municipality
//! with its cluster, the same columns as `--format csv`, so it can be read
//! back as input or as a lineup), `Clusters` (one row per cluster with its
//! metrics) and `Summary` (status, objective, bound, settings, sources).

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use thiserror::Error;

use crate::report::{MEMBER_COLUMNS, Report};

/// A workbook that could not be written (an internal limit of the writer).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("cannot write the workbook: {message}; write CSV instead")]
pub struct XlsxError {
    /// The writer's message.
    pub message: String,
}

impl From<rust_xlsxwriter::XlsxError> for XlsxError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        XlsxError {
            message: e.to_string(),
        }
    }
}

const SOURCES: [&str; 2] = [
    "Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Stand 31.12.2020; dl-de/by-2-0 (Daten verändert)",
    "© GeoBasis-DE / BKG 2021 (Daten verändert); dl-de/by-2-0",
];

/// Writes a header row in bold and freezes it.
fn header(sheet: &mut Worksheet, names: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (col, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn lineup_sheet(sheet: &mut Worksheet, report: &Report) -> Result<(), XlsxError> {
    sheet.set_name("Lineup")?;
    let extra = report.attribute_names();
    let names: Vec<&str> = MEMBER_COLUMNS
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
        .collect();
    header(sheet, &names)?;
    let thousands = Format::new().set_num_format("#,##0");
    let mut row = 1;
    for c in &report.clusters {
        for m in &c.members {
            // Ids are text: an AGS keeps its leading zero.
            sheet.write_string(row, 0, &c.id)?;
            sheet.write_string(row, 1, &m.id)?;
            sheet.write_string(row, 2, &m.name)?;
            sheet.write_string(row, 3, &m.state)?;
            sheet.write_number_with_format(row, 4, m.population as f64, &thousands)?;
            sheet.write_string(row, 5, &m.size_class)?;
            sheet.write_number(row, 6, m.lat)?;
            sheet.write_number(row, 7, m.lon)?;
            // The input's other columns, as text: verbatim, as given.
            for (k, cell) in m.attribute_cells(&extra).iter().enumerate() {
                sheet.write_string(row, (MEMBER_COLUMNS.len() + k) as u16, cell)?;
            }
            row += 1;
        }
    }
    sheet.autofit();
    Ok(())
}

fn clusters_sheet(sheet: &mut Worksheet, report: &Report) -> Result<(), XlsxError> {
    sheet.set_name("Clusters")?;
    header(
        sheet,
        &[
            "cluster",
            "size_class",
            "members",
            "Länder",
            "same-Land pairs",
            "mixed-class pairs",
            "non-bordering pairs",
            "mean distance km",
            "min distance km",
            "penalty",
            "spread",
            "member names",
        ],
    )?;
    let one = Format::new().set_num_format("0.0");
    for (i, c) in report.clusters.iter().enumerate() {
        let row = i as u32 + 1;
        let m = &c.metrics;
        sheet.write_string(row, 0, &c.id)?;
        sheet.write_string(row, 1, &c.size_class)?;
        sheet.write_number(row, 2, m.size as f64)?;
        sheet.write_number(row, 3, m.distinct_states as f64)?;
        sheet.write_number(row, 4, m.same_state_pairs as f64)?;
        sheet.write_number(row, 5, m.mixed_class_pairs as f64)?;
        sheet.write_number(row, 6, m.non_bordering_pairs as f64)?;
        sheet.write_number_with_format(row, 7, m.mean_distance_km, &one)?;
        sheet.write_number_with_format(row, 8, m.min_distance_km, &one)?;
        sheet.write_number(row, 9, m.penalty)?;
        sheet.write_number(row, 10, m.spread)?;
        let names: Vec<&str> = c.members.iter().map(|m| m.name.as_str()).collect();
        sheet.write_string(row, 11, names.join(", "))?;
    }
    sheet.autofit();
    Ok(())
}

fn summary_sheet(sheet: &mut Worksheet, report: &Report) -> Result<(), XlsxError> {
    sheet.set_name("Summary")?;
    let s = &report.settings;
    let o = &report.objective;
    let rows: Vec<(&str, String)> = vec![
        ("status", report.status.to_string()),
        ("penalty", o.penalty.to_string()),
        ("spread", format!("{:.2}", o.spread)),
        ("same-Land pairs", o.same_state_pairs.to_string()),
        ("mixed-class pairs", o.mixed_class_pairs.to_string()),
        ("non-bordering pairs", o.non_bordering_pairs.to_string()),
        ("distance km", format!("{:.0}", o.distance_km)),
        ("bound: penalty >=", report.bound.penalty.to_string()),
        ("bound: spread <=", format!("{:.2}", report.bound.spread)),
        ("gap %", format!("{:.2}", report.gap * 100.0)),
        ("time s", format!("{:.2}", report.time_s)),
        ("clusters", s.clusters.to_string()),
        ("cluster size", s.cluster_size.to_string()),
        ("classes", s.classes.clone()),
        ("comparability", s.comparability.to_string()),
        ("seed", s.seed.map_or_else(String::new, |v| v.to_string())),
        ("sources", SOURCES[0].to_string()),
        ("", SOURCES[1].to_string()),
    ];
    let bold = Format::new().set_bold();
    for (i, (key, value)) in rows.iter().enumerate() {
        sheet.write_string_with_format(i as u32, 0, *key, &bold)?;
        sheet.write_string(i as u32, 1, value)?;
    }
    sheet.autofit();
    Ok(())
}

/// The workbook as bytes (an `.xlsx` file).
pub fn xlsx(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    lineup_sheet(book.add_worksheet(), report)?;
    clusters_sheet(book.add_worksheet(), report)?;
    summary_sheet(book.add_worksheet(), report)?;
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Problem, Settings, SolveOptions, register::register, solve};

    #[test]
    fn the_lineup_sheet_reads_back_as_a_table() {
        let towns = ["Flensburg", "Weimar", "Stralsund", "Görlitz", "Passau", "Hameln"]
            .map(|n| register().find(n, None).unwrap().municipality());
        let problem = Problem::new(towns.to_vec(), Settings::default()).unwrap();
        let report = Report::new(&problem, &solve(&problem, &SolveOptions::default()).unwrap());
        let table = crate::io::xlsx_sheet(&xlsx(&report).unwrap()).unwrap();
        assert_eq!(
            table.header,
            [
                "cluster",
                "id",
                "name",
                "state",
                "population",
                "size_class",
                "lat",
                "lon"
            ]
        );
        assert_eq!(table.rows.len(), 6);
        let flensburg = table.rows.iter().find(|r| r.cells[2] == "Flensburg").unwrap();
        assert_eq!(flensburg.cells[1], "01001000", "ids stay text");
        assert_eq!(flensburg.cells[4], "90164");
        assert_eq!(table.assignments().unwrap().len(), 6);
    }
}
