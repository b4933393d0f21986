//! Rendering a report as a table, JSON, CSV, GeoJSON, an SVG map or an
//! Excel workbook.

use std::fmt::Write;
use std::path::Path;

use lineup::Report;
use lineup::{GapLevel, ObjectiveMode, Status};

use crate::error::CliError;
use crate::say;
use lineup::messages::{Lang, decimal};
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
            "png" => FormatArg::Png,
            _ => return None,
        })
    };
    format.or_else(by_extension).unwrap_or(FormatArg::Table)
}

/// The report in a format, as bytes to write.
pub fn render(report: &Report, format: FormatArg) -> Result<Vec<u8>, CliError> {
    let cannot = |what: &str, e: &dyn std::fmt::Display| {
        CliError::usage(crate::say(
            "cli.cannot_render",
            &[("what", what), ("reason", &e.to_string())],
        ))
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
        FormatArg::Svg => lineup::map::svg_with(report, &localised_map()).into_bytes(),
        FormatArg::Png => map_png(&lineup::map::svg_with(report, &localised_map()), None)?,
        FormatArg::Xlsx => xlsx(report)?,
    })
}

/// Map options in the language asked for.
fn localised_map() -> lineup::map::MapOptions {
    lineup::map::MapOptions {
        lang: crate::lang(),
        ..lineup::map::MapOptions::default()
    }
}

/// An SVG map as PNG: at the size it was made for, else at twice its own
/// size (sharp on a slide).
#[cfg(feature = "png")]
pub fn map_png(svg: &str, size: Option<lineup::map::MapSize>) -> Result<Vec<u8>, CliError> {
    let zoom = if size.is_some() { 1.0 } else { 2.0 };
    lineup::map::png(svg, zoom).map_err(|e| CliError::usage(e.to_string()))
}

#[cfg(not(feature = "png"))]
pub fn map_png(_: &str, _: Option<lineup::map::MapSize>) -> Result<Vec<u8>, CliError> {
    Err(CliError::usage(
        "this build cannot write PNG (built without the `png` feature): write .svg and convert it, e.g. rsvg-convert -o map.png map.svg",
    ))
}

#[cfg(feature = "xlsx")]
fn xlsx(report: &Report) -> Result<Vec<u8>, CliError> {
    lineup::export::xlsx_in(report, crate::lang()).map_err(|e| CliError::usage(format!("{e} (--format csv)")))
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

/// A count with its thousands grouped in the language of `--lang`
/// (`57,671`, German `57.671`).
pub(crate) fn grouped(n: u64) -> String {
    lineup::messages::thousands(n, crate::lang())
}

/// `{n} same-Land pair(s)` and the like: the catalogue's `KEY.one` or `KEY.other`.
fn counted(key: &str, n: u64) -> String {
    let form = if n == 1 { "one" } else { "other" };
    say(&format!("{key}.{form}"), &[("n", &grouped(n))])
}

/// A label of the table's foot, padded to the value column.
fn label(key: &str) -> String {
    pad(&say(key, &[]), 10)
}

/// The human-readable table, in the language asked for (`--lang`).
pub fn table(r: &Report) -> String {
    let lang = crate::lang();
    let mut o = String::new();
    let n: usize = r.clusters.iter().map(|c| c.members.len()).sum();
    let s = &r.settings;
    let _ = writeln!(
        o,
        "{}\n",
        say(
            "table.title",
            &[
                ("count", &n.to_string()),
                ("clusters", &r.clusters.len().to_string()),
                ("min", &s.cluster_size.min.to_string()),
                ("max", &s.cluster_size.max.to_string()),
                ("classes", &s.classes),
                (
                    "comparability",
                    &say(&format!("opt.comparability.{}", s.comparability), &[])
                ),
            ]
        )
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
    let (col_name, col_state, col_pop) = (
        say("table.col.name", &[]),
        say("table.col.state", &[]),
        say("table.col.population", &[]),
    );
    for c in &r.clusters {
        let m = &c.metrics;
        let mut line = format!(
            "{} ({}): {}, {}",
            c.id,
            c.size_class,
            say(
                "table.cluster",
                &[
                    ("size", &counted("table.members", m.size as u64)),
                    ("states", &counted("table.lands", m.distinct_states as u64))
                ]
            ),
            counted("table.same_land", m.same_state_pairs)
        );
        if m.mixed_class_pairs > 0 {
            let _ = write!(line, ", {}", counted("table.mixed_class", m.mixed_class_pairs));
        }
        let km = format!("{:.0}", m.mean_distance_km);
        let _ = write!(line, ", {}", say("table.mean_distance", &[("km", &km)]));
        let _ = writeln!(o, "{line}");
        // The planner's criteria: value counts and what each costs here.
        for t in &m.criteria {
            let counts: Vec<String> = t.counts.iter().map(|(v, n)| format!("{n} × {v}")).collect();
            let cost = if t.hard {
                say("table.rule_kept", &[])
            } else {
                say("table.cost", &[("cost", &t.cost.to_string())])
            };
            let _ = writeln!(o, "  {}: {} ({cost})", t.criterion, counts.join(", "));
        }
        let _ = writeln!(
            o,
            "  {}  {}  {:>10}",
            pad(&col_name, name_w),
            pad(&col_state, state_w),
            col_pop
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
    let status =
        lineup::messages::text(&format!("status.{}", r.status.as_str()), lang).unwrap_or(r.status.as_str());
    // English keeps the report's word (`time_limit`), as JSON has it.
    let status = if lang == Lang::En {
        r.status.as_str()
    } else {
        status
    };
    let _ = writeln!(o, "{} {status}", label("table.status"));
    let _ = writeln!(o, "{} {}", label("table.result"), r.status_sentence(lang));
    let _ = writeln!(
        o,
        "{} {}",
        label("table.objective"),
        say(
            "table.objective.line",
            &[
                ("penalty", &trim_float(obj.penalty, lang)),
                ("same", &counted("table.same_land", obj.same_state_pairs)),
                ("mixed", &counted("table.mixed_class", obj.mixed_class_pairs)),
                ("spread", &decimal(obj.spread, 2, lang)),
                (
                    "non_bordering",
                    &counted("table.non_bordering", obj.non_bordering_pairs)
                ),
                ("km", &grouped(obj.distance_km.round() as u64)),
            ]
        )
    );
    if lex {
        let _ = writeln!(
            o,
            "{} {}",
            label("table.bound"),
            say(
                "table.bound.lexicographic",
                &[
                    ("penalty", &trim_float(r.bound.penalty, lang)),
                    ("spread", &decimal(r.bound.spread, 2, lang))
                ]
            )
        );
    } else {
        let _ = writeln!(
            o,
            "{} {}",
            label("table.value"),
            say(
                "table.value.weighted",
                &[
                    ("value", &decimal(obj.spread - obj.penalty, 2, lang)),
                    ("bound", &decimal(r.bound.spread, 2, lang))
                ]
            )
        );
    }
    let level = match r.gap_level {
        GapLevel::Penalty => say("term.penalty", &[]),
        GapLevel::Spread => say("term.spread", &[]),
    };
    let _ = writeln!(
        o,
        "{} {} % ({level})",
        label("table.gap"),
        decimal(r.gap * 100.0, 2, lang)
    );
    let _ = writeln!(o, "{} {} s", label("table.time"), decimal(r.time_s, 2, lang));
    if r.cut_by_time_limit {
        let _ = writeln!(o, "{} {}", label("table.note"), say("table.cut_by_time", &[]));
    }
    let shows_source = r.status == Status::Evaluated
        || r.blocks.iter().any(|b| {
            b.notes
                .iter()
                .any(|n| ["bound.recorded", "bound.solved", "whatif.block.bound"].contains(&n.key.as_str()))
        });
    if r.status != Status::Optimal || shows_source {
        for b in &r.blocks {
            let _ = writeln!(
                o,
                "{} {}: {} — {}",
                label("table.block"),
                lineup::messages::note::block_name(&b.name, lang),
                status_word(b.status.as_str(), lang),
                b.notes
                    .iter()
                    .map(|n| n.text(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
    }
    o
}

/// A block's status: the report's word in English (as JSON has it), the
/// catalogue's in German.
fn status_word(status: &str, lang: Lang) -> String {
    match lang {
        Lang::En => status.to_string(),
        _ => lineup::messages::text(&format!("status.{status}"), lang)
            .unwrap_or(status)
            .to_string(),
    }
}

/// How a lineup differs from a reference lineup (`evaluate --against`).
pub fn comparison(c: &lineup::Comparison, other: &Path) -> String {
    let lang = crate::lang();
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        say(
            "against.title",
            &[
                ("file", &other.display().to_string()),
                ("moved", &c.moved.len().to_string())
            ]
        )
    );
    for m in &c.moved {
        let _ = writeln!(
            o,
            "  {} {} ({}): {} → {}",
            pad(&say("against.moved", &[]), 12),
            shown(&m.name),
            shown(&m.id),
            m.from,
            m.to
        );
    }
    for t in &c.terms {
        let change = t.after - t.before;
        let sign = if change > 0.0 { "+" } else { "" };
        let places = if t.term == "term.spread" { 2 } else { 0 };
        let _ = writeln!(
            o,
            "  {}",
            say(
                "against.term",
                &[
                    ("term", &say(&t.term, &[])),
                    ("before", &number(t.before, places, lang)),
                    ("after", &number(t.after, places, lang)),
                    ("change", &format!("{sign}{}", number(change, places, lang))),
                ]
            )
        );
    }
    o
}

/// A whole number grouped (`57,671`, German `57.671`), else with `places` decimals.
fn number(x: f64, places: usize, lang: Lang) -> String {
    if places == 0 && x.abs() < 1e15 {
        let n = grouped(x.abs().round() as u64);
        if x.round() < 0.0 { format!("-{n}") } else { n }
    } else if x.fract() == 0.0 {
        trim_float(x, lang)
    } else {
        decimal(x, places, lang)
    }
}

fn trim_float(x: f64, lang: Lang) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        decimal(x, 3, lang)
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
        other => Err(CliError::usage(crate::say(
            "cli.text_format",
            &[("command", command), ("other", &format!("{other:?}"))],
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
