//! Rendering a report as a table, JSON, CSV, GeoJSON, an SVG map or an
//! Excel workbook.

use std::fmt::Write;
use std::path::Path;

use lineup::Report;
use lineup::group_digits as grouped;
use lineup::{GapLevel, ObjectiveMode, Status};

use crate::error::CliError;
use lineup_options::FormatArg;

/// The format asked for, else the one the output file's extension names,
/// else the table.
pub fn format_for(format: Option<FormatArg>, output: Option<&Path>) -> FormatArg {
    let by_extension = || {
        let ext = output?.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => FormatArg::Json,
            "csv" => FormatArg::Csv,
            "geojson" => FormatArg::Geojson,
            "svg" => FormatArg::Svg,
            "xlsx" => FormatArg::Xlsx,
            _ => return None,
        })
    };
    format.or_else(by_extension).unwrap_or(FormatArg::Table)
}

/// The report in a format, as bytes to write.
pub fn render(report: &Report, format: FormatArg) -> Result<Vec<u8>, CliError> {
    let cannot = |what: &str, e: &dyn std::fmt::Display| {
        CliError::usage(format!("cannot write {what}: {e}; try another --format"))
    };
    Ok(match format {
        FormatArg::Table => table(report).into_bytes(),
        FormatArg::Json => json(report).map_err(|e| cannot("JSON", &e))?.into_bytes(),
        FormatArg::Csv => csv(report).map_err(|e| cannot("CSV", &e))?.into_bytes(),
        FormatArg::Geojson => {
            let mut s = serde_json::to_string_pretty(&lineup::export::geojson(report))
                .map_err(|e| cannot("GeoJSON", &e))?;
            s.push('\n');
            s.into_bytes()
        }
        FormatArg::Svg => lineup::map::svg(report).into_bytes(),
        FormatArg::Xlsx => xlsx(report)?,
    })
}

#[cfg(feature = "xlsx")]
fn xlsx(report: &Report) -> Result<Vec<u8>, CliError> {
    lineup::export::xlsx(report).map_err(|e| CliError::usage(format!("{e} (--format csv)")))
}

#[cfg(not(feature = "xlsx"))]
fn xlsx(_: &Report) -> Result<Vec<u8>, CliError> {
    Err(CliError::usage(
        "this build cannot write .xlsx (built without the `xlsx` feature): use --format csv",
    ))
}

/// The longest name the table shows; longer ones end in `…` (JSON, CSV and
/// the workbook keep them whole).
pub const MAX_SHOWN_CHARS: usize = 60;

/// Text as it may reach a terminal: control characters (ESC, BEL, NUL, …)
/// shown as visible symbols (␛, ␇, ␀; others as �) instead of acting on the
/// terminal, and cut to [`MAX_SHOWN_CHARS`] characters with `…`.
pub fn shown(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(4 * MAX_SHOWN_CHARS));
    for (i, c) in s.chars().enumerate() {
        if i == MAX_SHOWN_CHARS {
            out.pop();
            out.push('…');
            break;
        }
        out.push(match c {
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        });
    }
    out
}

pub use lineup::export::safe_cell as cell;

/// Writes one CSV record with every cell made safe by [`cell`].
pub fn write_safe<I, S>(w: &mut csv::Writer<Vec<u8>>, record: I) -> Result<(), csv::Error>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let cells: Vec<String> = record
        .into_iter()
        .map(|s| cell(s.as_ref()).into_owned())
        .collect();
    w.write_record(&cells)
}

fn pad(s: &str, width: usize) -> String {
    let len = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(len)))
}

fn lpad(s: &str, width: usize) -> String {
    let len = s.chars().count();
    format!("{}{s}", " ".repeat(width.saturating_sub(len)))
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The human-readable table.
pub fn table(r: &Report) -> String {
    let mut o = String::new();
    let n: usize = r.clusters.iter().map(|c| c.members.len()).sum();
    let s = &r.settings;
    let _ = writeln!(
        o,
        "lineup: {n} municipalities in {} clusters of {} ({} classes, {} comparability)\n",
        r.clusters.len(),
        s.cluster_size,
        s.classes,
        s.comparability
    );
    let name_w = r
        .clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|m| shown(&m.name).chars().count()))
        .max()
        .unwrap_or(4)
        .max(4);
    let state_w = r
        .clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|m| m.state.chars().count()))
        .max()
        .unwrap_or(4)
        .max(4);
    for c in &r.clusters {
        let m = &c.metrics;
        let mut line = format!(
            "{} ({}): {} members, {} Länder, {}",
            c.id,
            c.size_class,
            m.size,
            m.distinct_states,
            plural(m.same_state_pairs, "same-Land pair", "same-Land pairs")
        );
        if m.mixed_class_pairs > 0 {
            let _ = write!(
                line,
                ", {}",
                plural(m.mixed_class_pairs, "mixed-class pair", "mixed-class pairs")
            );
        }
        let _ = write!(line, ", mean distance {:.0} km", m.mean_distance_km);
        let _ = writeln!(o, "{line}");
        // The planner's criteria: value counts and what each costs here.
        for t in &m.criteria {
            let counts: Vec<String> = t.counts.iter().map(|(v, n)| format!("{n} × {v}")).collect();
            let note = if t.hard {
                "rule kept".to_string()
            } else {
                format!("cost {}", t.cost)
            };
            let _ = writeln!(o, "  {}: {} ({note})", t.criterion, counts.join(", "));
        }
        let _ = writeln!(
            o,
            "  {}  {}  {:>10}",
            pad("Name", name_w),
            pad("Land", state_w),
            "Population"
        );
        for mem in &c.members {
            let _ = writeln!(
                o,
                "  {}  {}  {}",
                pad(&shown(&mem.name), name_w),
                pad(&mem.state, state_w),
                lpad(&grouped(mem.population), 10)
            );
        }
        o.push('\n');
    }
    let obj = &r.objective;
    let lex = r.settings.weights.mode == ObjectiveMode::Lexicographic;
    let _ = writeln!(o, "status     {}", r.status);
    let _ = writeln!(
        o,
        "objective  penalty {} ({}, {}); spread {:.2} ({}, {} km)",
        trim_float(obj.penalty),
        plural(obj.same_state_pairs, "same-Land pair", "same-Land pairs"),
        plural(obj.mixed_class_pairs, "mixed-class pair", "mixed-class pairs"),
        obj.spread,
        plural(
            obj.non_bordering_pairs,
            "non-bordering pair",
            "non-bordering pairs"
        ),
        grouped(obj.distance_km.round() as u64)
    );
    if lex {
        let _ = writeln!(
            o,
            "bound      penalty >= {}; spread <= {:.2}",
            trim_float(r.bound.penalty),
            r.bound.spread
        );
    } else {
        let _ = writeln!(
            o,
            "value      spread - penalty = {:.2}; bound <= {:.2}",
            obj.spread - obj.penalty,
            r.bound.spread
        );
    }
    let level = match r.gap_level {
        GapLevel::Penalty => "penalty",
        GapLevel::Spread => "spread",
    };
    let _ = writeln!(o, "gap        {:.2} % ({level})", r.gap * 100.0);
    let _ = writeln!(o, "time       {:.2} s", r.time_s);
    if r.cut_by_time_limit {
        let _ = writeln!(
            o,
            "note       the time limit cut the search short: another run with the same seed may differ; raise --time-limit for a reproducible result"
        );
    }
    if r.status != Status::Optimal {
        for b in &r.blocks {
            let _ = writeln!(o, "block      {}: {} — {}", b.name, b.status, b.notes.join("; "));
        }
    }
    o
}

fn trim_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x:.3}")
    }
}

/// The JSON report.
pub fn json(r: &Report) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(r)?;
    s.push('\n');
    Ok(s)
}

/// One CSV row per municipality: cluster, id, name, state, population, size_class, lat, lon,
/// then the input's other columns (attributes), verbatim.
pub fn csv(r: &Report) -> Result<String, csv::Error> {
    lineup::export::csv(r)
}

/// The formats of commands that print text only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    /// Human-readable.
    Table,
    /// JSON.
    Json,
    /// CSV.
    Csv,
}

/// The format for commands that print text only (table, JSON or CSV).
pub fn text_format(command: &str, out: &crate::args::OutputArgs) -> Result<TextFormat, CliError> {
    match format_for(out.format, out.output.as_deref()) {
        FormatArg::Table => Ok(TextFormat::Table),
        FormatArg::Json => Ok(TextFormat::Json),
        FormatArg::Csv => Ok(TextFormat::Csv),
        other => Err(CliError::usage(format!(
            "lineup {command} writes table, JSON or CSV, not {other:?}: use --format table|json|csv (draw one lineup with `lineup map`)"
        ))),
    }
}

/// Any serialisable report as pretty JSON with a final newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::usage(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// The text a CSV writer has written.
pub fn csv_text(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_comes_from_the_flag_then_the_extension() {
        let p = |s: &str| Some(Path::new(s).to_path_buf());
        assert_eq!(format_for(None, p("a.XLSX").as_deref()), FormatArg::Xlsx);
        assert_eq!(format_for(None, p("a.geojson").as_deref()), FormatArg::Geojson);
        assert_eq!(
            format_for(Some(FormatArg::Json), p("a.svg").as_deref()),
            FormatArg::Json
        );
        assert_eq!(format_for(None, p("a.txt").as_deref()), FormatArg::Table);
        assert_eq!(format_for(None, None), FormatArg::Table);
    }

    #[test]
    fn csv_cells_cannot_run_formulas() {
        for (given, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+49 30", "'+49 30"),
            ("-cmd", "'-cmd"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\r=1", "'\r=1"),
            ("-12.5", "-12.5"),
            ("+3", "+3"),
            ("Görlitz", "Görlitz"),
            ("Bad\u{0}\u{1b}Ort\u{7}", "BadOrt"),
            ("\u{0}=1", "'=1"),
        ] {
            assert_eq!(cell(given), written, "{given:?}");
        }
    }

    #[test]
    fn terminal_text_shows_controls_and_is_cut() {
        assert_eq!(shown("A\u{1b}[2J\u{7}\u{0}"), "A␛[2J␇␀");
        assert_eq!(shown("\u{9b}x\u{7f}"), "\u{fffd}x\u{2421}");
        let long = "x".repeat(1000);
        let s = shown(&long);
        assert_eq!(s.chars().count(), MAX_SHOWN_CHARS);
        assert!(s.ends_with("x…"));
        assert_eq!(shown(&"y".repeat(MAX_SHOWN_CHARS)), "y".repeat(MAX_SHOWN_CHARS));
    }

    #[test]
    fn pads_by_characters() {
        assert_eq!(pad("Görlitz", 9), "Görlitz  ");
        assert_eq!(lpad("7", 3), "  7");
    }
}
