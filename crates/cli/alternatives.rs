//! `lineup alternatives`: several good, genuinely different lineups.

use std::fmt::Write;

use lineup::AlternativesReport;
use lineup::MEMBER_COLUMNS;
use lineup::Problem;

use crate::args::AlternativesArgs;
use crate::error::CliError;
use crate::render::TextFormat;
use crate::{read_input, render, say, write_out};
use lineup::messages::decimal;

/// Runs the command.
pub fn run(a: AlternativesArgs) -> Result<(), CliError> {
    let options = lineup_options::options(&a.run)?.with_cancel(crate::signals::token());
    let (municipalities, settings) = read_input(&a.file, lineup_options::settings(&a.problem)?)?;
    let n = municipalities.len();
    let problem = Problem::with_backend(municipalities, settings, options.backend())
        .map_err(|e| CliError::problem(&a.file, e))?;
    let (k, d) = lineup_options::alternatives_count(&a.count, n)?;
    let found = lineup::alternatives(&problem, k, d, &options).map_err(CliError::solve)?;
    let mut report = found.report(&problem);
    for l in &mut report.lineups {
        lineup_options::record_run(&mut l.report.settings, &options);
    }
    let text = match render::text_format("alternatives", &a.output)? {
        TextFormat::Table => table(&report, k),
        TextFormat::Json => render::to_json(&report)?,
        TextFormat::Csv => csv(&report).map_err(|e| CliError::usage(format!("cannot write CSV: {e}")))?,
    };
    write_out(&text, a.output.output.as_deref())
}

fn table(r: &AlternativesReport, asked: usize) -> String {
    let lang = crate::lang();
    let mut o = String::new();
    let total = r.lineups.len();
    for l in &r.lineups {
        let differs = if l.differs_from_earlier.is_empty() {
            say("alternatives.best", &[])
        } else {
            let list: Vec<String> = l
                .differs_from_earlier
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    say(
                        "alternatives.from",
                        &[("d", &d.to_string()), ("rank", &(i + 1).to_string())],
                    )
                })
                .collect();
            say(
                "alternatives.differs",
                &[
                    ("list", &list.join(", ")),
                    ("gap", &decimal(l.gap_to_best * 100.0, 2, lang)),
                ],
            )
        };
        let header = say(
            "alternatives.header",
            &[
                ("rank", &l.rank.to_string()),
                ("total", &total.to_string()),
                ("differs", &differs),
            ],
        );
        let _ = writeln!(o, "{header}\n");
        o.push_str(&render::table(&l.report));
        o.push('\n');
        if l.rank > 1 {
            // Cluster ids are matched to lineup 1's: the same id is the same cluster.
            let _ = writeln!(
                o,
                "{}",
                say(
                    "alternatives.where",
                    &[("count", &l.moved_from_first.len().to_string())]
                )
            );
            for m in &l.moved_from_first {
                let line = say(
                    "alternatives.instead",
                    &[
                        ("name", &render::shown(&m.name)),
                        ("id", &render::shown(&m.id)),
                        ("to", &m.to),
                        ("from", &m.from),
                    ],
                );
                let _ = writeln!(o, "  {line}");
            }
            o.push('\n');
        }
    }
    let footer = say(
        "alternatives.footer",
        &[
            ("total", &total.to_string()),
            ("asked", &asked.to_string()),
            ("d", &r.min_difference.to_string()),
        ],
    );
    let _ = writeln!(o, "{footer}");
    if let Some(note) = &r.note {
        let _ = writeln!(o, "{}", say("alternatives.note", &[("note", &note.text(lang))]));
    }
    o
}

/// One row per lineup and municipality: the lineup's rank, then the
/// columns of `--format csv`.
fn csv(r: &AlternativesReport) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(std::iter::once("lineup").chain(MEMBER_COLUMNS))?;
    for l in &r.lineups {
        for c in &l.report.clusters {
            for m in &c.members {
                render::write_safe(&mut w, std::iter::once(l.rank.to_string()).chain(m.row(&c.id)))?;
            }
        }
    }
    render::csv_text(w)
}
