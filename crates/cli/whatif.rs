//! `lineup whatif`: read the current list and the baseline, call the
//! library, render the new lineup and its changes.

use std::fmt::Write;

use lineup::messages::decimal;
use lineup::{Diff, Recovery, StabilityCost, StabilitySetting, WhatIfError};

use crate::args::{MapFormat, WhatifArgs};
use crate::error::CliError;
use crate::{emit, read_input, render, say, write_out};
use lineup::map::MapOptions;
use lineup_options::FormatArg;

/// Runs the command.
pub fn run(a: WhatifArgs) -> Result<(), CliError> {
    let options = lineup_options::options(&a.run)?.with_cancel(crate::signals::token());
    let bytes = crate::read_file(&a.baseline)?;
    // The settings the baseline records, for every flag not given.
    let settings = crate::with_recorded(
        lineup_options::settings(&a.problem)?,
        &crate::recorded(&bytes),
        &a.baseline,
    )?;
    let (municipalities, settings) = read_input(&a.file, settings)?;
    let baseline = lineup::read_baseline(&bytes[..]).map_err(|e| CliError::input(&a.baseline, &e))?;
    let stability = a.stability.stability();
    let w =
        lineup::whatif(municipalities, settings, &baseline, &stability, &options).map_err(|e| match e {
            WhatIfError::Problem(p) => CliError::problem(&a.file, p),
            WhatIfError::Solve(s) => CliError::solve(s),
            WhatIfError::StabilityWeight { weight } => CliError::usage(format!(
                "--stability {weight}: expected a number >= 0 (the cost of one moved member)"
            )),
            other => CliError::infeasible(other.to_string()),
        })?;
    let mut report = w.report();
    lineup_options::record_run(&mut report.report.settings, &options);
    let text = match render::format_for(a.output.format, a.output.output.as_deref()) {
        FormatArg::Table => {
            let mut t = render::table(&report.report);
            t.push('\n');
            t.push_str(&changes(&report.diff));
            t
        }
        FormatArg::Json => render::to_json(&report)?,
        // The map marks who joined and who moved.
        f @ (FormatArg::Svg | FormatArg::Png) => {
            let options = MapOptions {
                lang: crate::lang(),
                ..MapOptions::default()
            }
            .with_changes(&report.diff);
            let format = if f == FormatArg::Png {
                MapFormat::Png
            } else {
                MapFormat::Svg
            };
            return crate::map::write(&report.report, &options, format, a.output.output.as_deref());
        }
        // The other formats show the new lineup.
        _ => return emit(&report.report, &a.output),
    };
    write_out(&text, a.output.output.as_deref())
}

/// A label of the changes, padded to the column.
fn label(key: &str) -> String {
    padded(key, 11)
}

/// A label of an indented line, padded to the column.
fn sub(key: &str) -> String {
    padded(key, 9)
}

fn padded(key: &str, width: usize) -> String {
    let l = say(key, &[]);
    format!(
        "{l}{}",
        " ".repeat(width.saturating_sub(l.chars().count()).max(1))
    )
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        say("whatif.none", &[])
    } else {
        items.join(", ")
    }
}

/// A number with two decimals (none when whole), in the language asked for.
fn two(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        decimal(x, 2, crate::lang())
    }
}

/// A stability setting as the flag that asks for it.
pub fn flag(s: &StabilitySetting) -> String {
    match s {
        StabilitySetting::MaxMoves(n) => format!("--max-moves {n}"),
        StabilitySetting::Weight(w) => format!("--stability {w}"),
        _ => format!("{s:?}"),
    }
}

/// What stability costs, the setting that wins most of it back, and the
/// settings tried (lines under the changes).
fn cost_lines(o: &mut String, d: &Diff, c: &StabilityCost) {
    let Some(free) = &d.objective_free else { return };
    let after = &d.objective_after;
    let costly = if c.in_penalty {
        say(
            "stability.costly.penalty",
            &[
                ("penalty", &two(after.penalty)),
                ("free_penalty", &two(free.penalty)),
            ],
        )
    } else {
        say(
            "stability.costly.spread",
            &[("spread", &two(after.spread)), ("free_spread", &two(free.spread))],
        )
    };
    let _ = writeln!(o, "{}{costly}", label("whatif.label.warning"));
    let args = |r: &Recovery| {
        [
            ("setting", flag(&r.setting)),
            ("share", decimal(r.recovered * 100.0, 0, crate::lang())),
            ("penalty", two(r.objective.penalty)),
            ("spread", two(r.objective.spread)),
            ("moves", r.moves.to_string()),
        ]
    };
    let said = |key: &str, r: &Recovery| {
        let a = args(r);
        let pairs: Vec<(&str, &str)> = a.iter().map(|(k, v)| (*k, v.as_str())).collect();
        say(key, &pairs)
    };
    let advice = match (c.recommendation(), c.best_tried()) {
        (Some(r), _) => said("stability.recommend", r),
        (None, Some(r)) => said("stability.none_enough", r),
        (None, None) => return,
    };
    let _ = writeln!(o, "{}{advice}", " ".repeat(11));
    for r in &c.tried {
        let _ = writeln!(
            o,
            "  {}{}",
            sub("stability.label.tried"),
            said("stability.tried", r)
        );
    }
}

/// The changes, as lines under the lineup table, in the language asked for.
pub fn changes(d: &Diff) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}{}",
        label("whatif.label.changes"),
        say(
            "whatif.changes",
            &[
                ("joined", &d.joined.len().to_string()),
                ("moved", &d.moved.len().to_string()),
                ("left", &d.left.len().to_string()),
                ("opened", &list_or_none(&d.opened)),
                ("closed", &list_or_none(&d.closed)),
            ]
        )
    );
    for j in &d.joined {
        let line = say(
            "whatif.joined",
            &[("name", &j.name), ("id", &j.id), ("to", &j.to)],
        );
        let _ = writeln!(o, "  {}{line}", sub("whatif.label.joined"));
    }
    for m in &d.moved {
        let line = say(
            "whatif.moved",
            &[
                ("name", &render::shown(&m.name)),
                ("id", &render::shown(&m.id)),
                ("from", &m.from),
                ("to", &m.to),
            ],
        );
        let _ = writeln!(o, "  {}{line}", sub("whatif.label.moved"));
    }
    for l in &d.left {
        let name = l.name.as_deref().unwrap_or("?");
        let line = say("whatif.left", &[("name", name), ("id", &l.id), ("from", &l.from)]);
        let _ = writeln!(o, "  {}{line}", sub("whatif.label.left"));
    }
    for n in &d.notes {
        let _ = writeln!(o, "  {}{}", sub("whatif.label.note"), n.text(crate::lang()));
    }
    let after = &d.objective_after;
    let before = match &d.objective_before {
        Some(b) => say(
            "whatif.objective",
            &[
                ("before_penalty", &two(b.penalty)),
                ("penalty", &two(after.penalty)),
                ("before_spread", &two(b.spread)),
                ("spread", &two(after.spread)),
            ],
        ),
        None => say(
            "whatif.unscored",
            &[("penalty", &two(after.penalty)), ("spread", &two(after.spread))],
        ),
    };
    let _ = writeln!(o, "{}{before}", label("whatif.label.objective"));
    if let (Some(f), Some(status)) = (&d.objective_free, d.free_status) {
        let line = say(
            "whatif.free",
            &[
                ("status", &say(&format!("status.{}", status.as_str()), &[])),
                ("penalty", &two(f.penalty)),
                ("spread", &two(f.spread)),
                ("cost_penalty", &two(after.penalty - f.penalty)),
                ("cost_spread", &two(f.spread - after.spread)),
            ],
        );
        let _ = writeln!(o, "{}{line}", label("whatif.label.free"));
    }
    let key = if d.moves_proven_minimal {
        "whatif.moves.minimal"
    } else {
        "whatif.moves.at_least"
    };
    let moves = say(
        key,
        &[
            ("moves", &d.moves().to_string()),
            ("bound", &d.moves_lower_bound.to_string()),
        ],
    );
    let _ = writeln!(o, "{}{moves}", label("whatif.label.moves"));
    if let Some(c) = &d.stability_cost {
        cost_lines(&mut o, d, c);
    }
    o
}
