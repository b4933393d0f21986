//! `lineup whatif`: read the current list and the baseline, call the
//! library, render the new lineup and its changes.

use std::fmt::Write;

use lineup::{Diff, WhatIfError};

use crate::args::{MapFormat, WhatifArgs};
use crate::error::CliError;
use crate::{emit, open, read_input, render, write_out};
use lineup::map::MapOptions;
use lineup_options::FormatArg;

/// Runs the command.
pub fn run(a: WhatifArgs) -> Result<(), CliError> {
    let options = lineup_options::options(&a.run)?.with_cancel(crate::signals::token());
    let (municipalities, settings) = read_input(&a.file, lineup_options::settings(&a.problem)?)?;
    let baseline = lineup::read_baseline(open(&a.baseline)?).map_err(|e| CliError::input(&a.baseline, &e))?;
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

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

/// The changes, as lines under the lineup table.
pub fn changes(d: &Diff) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "changes    {} joined, {} moved, {} left; opened: {}; closed: {}",
        d.joined.len(),
        d.moved.len(),
        d.left.len(),
        list_or_none(&d.opened),
        list_or_none(&d.closed)
    );
    for j in &d.joined {
        let _ = writeln!(o, "  joined   {} ({}) → {}", j.name, j.id, j.to);
    }
    for m in &d.moved {
        let _ = writeln!(
            o,
            "  moved    {} ({}): {} → {}",
            render::shown(&m.name),
            render::shown(&m.id),
            m.from,
            m.to
        );
    }
    for l in &d.left {
        let name = l.name.as_deref().unwrap_or("?");
        let _ = writeln!(o, "  left     {name} ({}) from {}", l.id, l.from);
    }
    for n in &d.notes {
        let _ = writeln!(o, "  note     {n}");
    }
    let after = &d.objective_after;
    let before = match &d.objective_before {
        Some(b) => format!(
            "penalty {} → {}; spread {:.2} → {:.2}",
            b.penalty, after.penalty, b.spread, after.spread
        ),
        None => format!(
            "penalty {}; spread {:.2} (the baseline lacks the data of members who left, so it cannot be scored: use a baseline written by `solve --format json`)",
            after.penalty, after.spread
        ),
    };
    let _ = writeln!(o, "objective  {before}");
    if let (Some(f), Some(status)) = (&d.objective_free, d.free_status) {
        let _ = writeln!(
            o,
            "free       without stability ({status}): penalty {}; spread {:.2}: stability costs penalty {}, spread {:.2}",
            f.penalty,
            f.spread,
            after.penalty - f.penalty,
            f.spread - after.spread
        );
    }
    let proof = if d.moves_proven_minimal {
        "the fewest possible"
    } else {
        "at least"
    };
    let _ = writeln!(o, "moves      {} ({proof}: {})", d.moves(), d.moves_lower_bound);
    o
}
