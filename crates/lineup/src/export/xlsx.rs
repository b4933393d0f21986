//! An Excel workbook of a lineup: sheet `Lineup` (one row per municipality
//! with its cluster, the same columns as `--format csv`, so it can be read
//! back as input or as a lineup), `Clusters` (one row per cluster with its
//! metrics) and `Summary` (status, objective, bound, settings, sources).

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use thiserror::Error;

use crate::messages::Lang;
use crate::report::{MEMBER_COLUMNS, Report};
use crate::wording::t;

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

fn lineup_sheet(sheet: &mut Worksheet, report: &Report, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(t("sheet.lineup", lang))?;
    let extra = report.attribute_names();
    // German headers are ones the reader knows (Gemeindeschlüssel, Einwohner, …).
    let names: Vec<&str> = MEMBER_COLUMNS
        .iter()
        .map(|c| t(&format!("xlsx.member.{c}"), lang))
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
            // The input's other columns: numeric attributes as numbers,
            // others as text, verbatim (a code such as `007` keeps its zeros).
            for (k, (cell, name)) in m.attribute_cells(&extra).iter().zip(&extra).enumerate() {
                let col = (MEMBER_COLUMNS.len() + k) as u16;
                match m.attributes.number(name) {
                    Some(x) => sheet.write_number(row, col, x)?,
                    None => sheet.write_string(row, col, cell)?,
                };
            }
            row += 1;
        }
    }
    sheet.autofit();
    Ok(())
}

fn clusters_sheet(sheet: &mut Worksheet, report: &Report, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(t("sheet.clusters", lang))?;
    let names: Vec<&str> = [
        "cluster",
        "size_class",
        "members",
        "states",
        "same_land",
        "mixed_class",
        "non_bordering",
        "mean_km",
        "min_km",
        "penalty",
        "spread",
        "names",
    ]
    .iter()
    .map(|k| t(&format!("xlsx.cluster.{k}"), lang))
    .collect();
    header(sheet, &names)?;
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

/// A value of the summary: numbers are stored as numbers.
enum Value {
    Number(f64, &'static str),
    Text(String),
}

fn summary_sheet(sheet: &mut Worksheet, report: &Report, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(t("sheet.summary", lang))?;
    let s = &report.settings;
    let o = &report.objective;
    let status = match lang {
        Lang::En => report.status.to_string(),
        _ => t(&format!("status.{}", report.status.as_str()), lang).to_string(),
    };
    let num = |x: f64, f: &'static str| Value::Number(x, f);
    let rows: Vec<(&str, Value)> = vec![
        ("status", Value::Text(status)),
        ("result", Value::Text(report.status_sentence(lang))),
        ("penalty", num(o.penalty, "")),
        ("spread", num(o.spread, "0.00")),
        ("same_land", num(o.same_state_pairs as f64, "0")),
        ("mixed_class", num(o.mixed_class_pairs as f64, "0")),
        ("non_bordering", num(o.non_bordering_pairs as f64, "0")),
        ("distance", num(o.distance_km, "#,##0")),
        ("bound_penalty", num(report.bound.penalty, "")),
        ("bound_spread", num(report.bound.spread, "0.00")),
        ("gap", num(report.gap * 100.0, "0.00")),
        ("time", num(report.time_s, "0.00")),
        ("clusters", num(s.clusters as f64, "0")),
        ("cluster_size", Value::Text(s.cluster_size.to_string())),
        ("classes", Value::Text(s.classes.clone())),
        ("comparability", Value::Text(s.comparability.to_string())),
        (
            "seed",
            s.seed.map_or(Value::Text(String::new()), |v| num(v as f64, "0")),
        ),
        ("sources", Value::Text(SOURCES[0].to_string())),
        ("", Value::Text(SOURCES[1].to_string())),
    ];
    let bold = Format::new().set_bold();
    for (i, (key, value)) in rows.iter().enumerate() {
        let row = i as u32;
        let label = if key.is_empty() {
            ""
        } else {
            t(&format!("xlsx.summary.{key}"), lang)
        };
        sheet.write_string_with_format(row, 0, label, &bold)?;
        match value {
            Value::Number(x, "") if x.is_finite() => {
                sheet.write_number(row, 1, *x)?;
            }
            Value::Number(x, f) if x.is_finite() => {
                sheet.write_number_with_format(row, 1, *x, &Format::new().set_num_format(*f))?;
            }
            Value::Number(x, _) => {
                sheet.write_string(row, 1, x.to_string())?;
            }
            Value::Text(text) => {
                sheet.write_string(row, 1, text)?;
            }
        }
    }
    sheet.autofit();
    Ok(())
}

/// The workbook as bytes (an `.xlsx` file).
pub fn xlsx(report: &Report) -> Result<Vec<u8>, XlsxError> {
    xlsx_in(report, Lang::En)
}

/// The workbook in a language: sheet names, headers and the summary's
/// labels, status and sentence (German headers read back as input and as
/// a lineup, like the English ones).
pub fn xlsx_in(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    lineup_sheet(book.add_worksheet(), report, lang)?;
    clusters_sheet(book.add_worksheet(), report, lang)?;
    summary_sheet(book.add_worksheet(), report, lang)?;
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
        // In German, the headers are ones the reader knows: it reads back the same.
        let de = crate::io::xlsx_sheet(&xlsx_in(&report, Lang::De).unwrap()).unwrap();
        assert_eq!(de.header[1], "Gemeindeschlüssel");
        assert_eq!(de.assignments().unwrap(), table.assignments().unwrap());
    }
}
