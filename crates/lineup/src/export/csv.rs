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
    w.write_record(MEMBER_COLUMNS)?;
    for c in &report.clusters {
        for m in &c.members {
            w.write_record(m.row(&c.id))?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
