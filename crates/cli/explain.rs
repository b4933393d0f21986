//! `lineup explain`: why each municipality is where it is.

use std::fmt::Write;

use lineup::group_digits as grouped;
use lineup::{Change, Explanation, MemberPair};

use crate::args::ExplainArgs;
use crate::error::CliError;
use crate::render::TextFormat;
use crate::{broken, read_problem_and_lineup, render, write_out};

/// The most municipalities whose moves are all explained when none is named.
const MAX_ALL: usize = 2_000;

/// Runs the command.
pub fn run(a: ExplainArgs) -> Result<(), CliError> {
    let (problem, lineup, _) = read_problem_and_lineup(&a.file, &a.lineup, &a.problem)?;
    let which = a
        .which
        .municipality
        .iter()
        .map(|key| {
            problem
                .find(key)
                .map_err(|e| CliError::usage(format!("--municipality: {e} ({})", a.file.display())))
        })
        .collect::<Result<Vec<usize>, _>>()?;
    // Every move of every municipality of a large lineup takes minutes and
    // gigabytes (the register: > 60 s, 700 MB): explain the clusters, and
    // the municipalities the user names.
    let n = problem.municipalities().len();
    let all = which.is_empty() && n <= MAX_ALL;
    if which.is_empty() && !all {
        #[allow(clippy::print_stderr, reason = "the binary reports on stderr")]
        {
            eprintln!(
                "note: {n} municipalities: explaining the clusters only (every municipality's moves are listed up to {MAX_ALL}); name some with --municipality"
            );
        }
    }
    let e = lineup::explain(&problem, &lineup, (!all).then_some(which.as_slice())).map_err(|e| match e {
        lineup::ExplainError::Broken(v) => broken(&a.lineup, &v, &problem),
        other => CliError::usage(other.to_string()),
    })?;
    let text = match render::text_format("explain", &a.output)? {
        TextFormat::Table => table(&e, which.is_empty()),
        TextFormat::Json => render::to_json(&e)?,
        TextFormat::Csv => csv(&e).map_err(|e| CliError::usage(format!("cannot write CSV: {e}")))?,
    };
    write_out(&text, a.output.output.as_deref())
}

/// A list for the table: `none`, or its first [`SHOWN`] items, then
/// "… and N more" (a cluster of hundreds has tens of thousands of pairs).
fn listed(items: impl ExactSizeIterator<Item = String>) -> String {
    let n = items.len();
    if n == 0 {
        return "none".into();
    }
    let mut text = items.take(SHOWN).collect::<Vec<_>>().join(", ");
    if n > SHOWN {
        let _ = write!(text, ", … and {} more", n - SHOWN);
    }
    text
}

/// How many items a list in the table shows (as many as the violations a
/// broken lineup lists).
const SHOWN: usize = lineup::SHOWN_VIOLATIONS;

fn pairs(list: &[MemberPair]) -> String {
    listed(
        list.iter()
            .map(|p| format!("{}–{} ({:.0} km)", render::shown(&p.a), render::shown(&p.b), p.km)),
    )
}

/// Names, made safe for the terminal and cut like every list.
fn names(list: &[String]) -> String {
    listed(list.iter().map(|n| render::shown(n)))
}

fn signed(x: f64, digits: usize) -> String {
    let x = if x.abs() < 0.5 * 10f64.powi(-(digits as i32)) {
        0.0
    } else {
        x
    };
    format!("{x:+.digits$}")
}

fn change(c: &Change) -> String {
    let verdict = if !c.blocked_by.is_empty() {
        format!("blocked ({})", c.blocked_by.join("; "))
    } else if c.improves {
        "allowed, better".into()
    } else {
        "allowed, not better".into()
    };
    format!(
        "penalty {}, spread {}: {verdict}",
        signed(c.delta_penalty, 0),
        signed(c.delta_spread, 2)
    )
}

fn table(e: &Explanation, with_clusters: bool) -> String {
    let mut o = String::new();
    if with_clusters {
        for c in &e.clusters {
            let _ = writeln!(
                o,
                "{} ({}): {} members, population {} – {}",
                c.id,
                c.size_class,
                c.size,
                grouped(c.population_range.0),
                grouped(c.population_range.1)
            );
            let states: Vec<String> = c
                .states
                .iter()
                .map(|s| format!("{} {}", s.state, s.members))
                .collect();
            let _ = writeln!(o, "  Länder      {}", states.join(", "));
            let _ = writeln!(o, "  same Land   {}", pairs(&c.same_state_pairs));
            let _ = writeln!(o, "  bordering   {}", pairs(&c.bordering_pairs));
            if let (Some(a), Some(b)) = (&c.closest, &c.farthest) {
                let _ = writeln!(
                    o,
                    "  distances   closest {}–{} {:.0} km; farthest {}–{} {:.0} km; mean {:.0} km",
                    render::shown(&a.a),
                    render::shown(&a.b),
                    a.km,
                    render::shown(&b.a),
                    render::shown(&b.b),
                    b.km,
                    c.mean_distance_km
                );
            }
            let _ = writeln!(o, "  score       penalty {}, spread {:.2}\n", c.penalty, c.spread);
        }
    }
    for m in &e.municipalities {
        let _ = writeln!(
            o,
            "{} ({}, {}) in {}",
            render::shown(&m.name),
            render::shown(&m.id),
            m.state,
            m.cluster
        );
        let _ = writeln!(
            o,
            "  share       penalty {}, spread {:.2}; same Land: {}; bordering: {}{}",
            m.penalty_share,
            m.spread_share,
            names(&m.same_state_partners),
            names(&m.bordering_partners),
            m.nearest.as_ref().map_or(String::new(), |(n, km)| format!(
                "; nearest: {} {km:.0} km",
                render::shown(n)
            ))
        );
        for mv in &m.moves {
            let _ = writeln!(o, "  to {}", mv.to);
            let _ = writeln!(o, "    alone     {}", change(&mv.alone));
            if let Some(s) = &mv.best_swap {
                let _ = writeln!(
                    o,
                    "    swap      with {}: {}",
                    render::shown(&s.name),
                    change(&s.change)
                );
            }
        }
        if let Some(s) = &m.best_swap {
            let _ = writeln!(
                o,
                "  best swap   with {} ({}): {}",
                render::shown(&s.name),
                s.cluster,
                change(&s.change)
            );
        }
        if let Some(n) = &m.note {
            let _ = writeln!(o, "  note        {n}");
        }
        o.push('\n');
    }
    o
}

/// One row per municipality and target cluster.
fn csv(e: &Explanation) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "name",
        "cluster",
        "to",
        "swap_with",
        "delta_penalty",
        "delta_spread",
        "allowed",
        "blocked_by",
    ])?;
    for m in &e.municipalities {
        for mv in &m.moves {
            let mut rows = vec![("", &mv.alone)];
            if let Some(s) = &mv.best_swap {
                rows.push((s.with.as_str(), &s.change));
            }
            for (with, c) in rows {
                render::write_safe(
                    &mut w,
                    [
                        m.id.as_str(),
                        &m.name,
                        &m.cluster,
                        &mv.to,
                        with,
                        &c.delta_penalty.to_string(),
                        &format!("{:.4}", c.delta_spread),
                        if c.blocked_by.is_empty() { "yes" } else { "no" },
                        &c.blocked_by.join("; "),
                    ],
                )?;
            }
        }
    }
    render::csv_text(w)
}
