//! A lineup as CSV: one row per member under
//! [`crate::report::MEMBER_COLUMNS`], the form
//! `lineup solve --format csv` writes and `read_lineup` reads back.

use crate::report::{MEMBER_COLUMNS, Report};

/// The CSV text of a report's lineup.
///
/// ```
/// # use lineup::{Problem, Settings, SolveOptions, solve, Report};
/// # let towns = ["Flensburg", "Weimar", "Stralsund", "Görlitz", "Passau", "Hameln"]
/// #     .map(|n| lineup::register::register().find(n, None).unwrap().municipality());
/// # let problem = Problem::new(towns.to_vec(), Settings::default())?;
/// # let report = Report::new(&problem, &solve(&problem, &SolveOptions::default())?);
/// let text = lineup::export::csv(&report)?;
/// assert!(text.starts_with("cluster,id,name,state,population,size_class,lat,lon\n"));
/// assert_eq!(text.lines().count(), 7);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn csv(report: &Report) -> Result<String, ::csv::Error> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let extra = report.attribute_names();
    let header = MEMBER_COLUMNS
        .iter()
        .map(|s| s.to_string())
        .chain(extra.iter().cloned());
    w.write_record(header.map(|h| safe_cell(&h).into_owned()))?;
    for c in &report.clusters {
        for m in &c.members {
            let row = m.row(&c.id).into_iter().chain(m.attribute_cells(&extra));
            w.write_record(row.map(|x| safe_cell(x.as_ref()).into_owned()))?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A CSV cell that is safe to open in a spreadsheet: control characters
/// other than tab and line breaks dropped, and a text starting with `=`,
/// `+`, `-`, `@`, tab or CR (a formula to Excel and LibreOffice) prefixed with
/// `'` unless it is a number (OWASP's advice on CSV injection).
///
/// ```
/// assert_eq!(lineup::export::safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(lineup::export::safe_cell("-3.5"), "-3.5");
/// ```
pub fn safe_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let clean: std::borrow::Cow<'_, str> = if s
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        s.chars()
            .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .into()
    } else {
        s.into()
    };
    let risky = clean.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && clean.trim().parse::<f64>().is_err() {
        format!("'{clean}").into()
    } else {
        clean
    }
}
