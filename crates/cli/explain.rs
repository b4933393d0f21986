//! `lineup explain`: why each municipality is where it is.

use std::fmt::Write;

use lineup::{Change, Explanation, MemberPair};

use crate::args::ExplainArgs;
use crate::error::CliError;
use crate::render::{TextFormat, grouped};
use crate::{broken, read_problem_and_lineup, render, say, write_out};
use lineup::messages::{Lang, decimal};

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
            problem.find(key).map_err(|e| {
                CliError::usage(format!(
                    "--municipality: {} ({})",
                    e.text(crate::language::lang()),
                    a.file.display()
                ))
            })
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
            let text = crate::say(
                "cli.explain_clusters_only",
                &[("n", &n.to_string()), ("max", &MAX_ALL.to_string())],
            );
            eprintln!("{}", crate::say("cli.note", &[("text", &text)]));
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
        return say("explain.none", &[]);
    }
    let text = items.take(SHOWN).collect::<Vec<_>>().join(", ");
    if n > SHOWN {
        return say(
            "explain.more",
            &[("list", &text), ("n", &(n - SHOWN).to_string())],
        );
    }
    text
}

/// How many items a list in the table shows (as many as the violations a
/// broken lineup lists).
const SHOWN: usize = lineup::SHOWN_VIOLATIONS;

/// A whole number of km, or decimals, in the language asked for.
fn km(x: f64) -> String {
    decimal(x, 0, crate::lang())
}

fn pairs(list: &[MemberPair]) -> String {
    listed(list.iter().map(|p| {
        format!(
            "{}–{} ({} km)",
            render::shown(&p.a),
            render::shown(&p.b),
            km(p.km)
        )
    }))
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
    let s = format!("{x:+.digits$}");
    if crate::lang() == Lang::De {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A label padded to its column.
fn label(key: &str, width: usize) -> String {
    let l = say(key, &[]);
    format!(
        "{l}{}",
        " ".repeat(width.saturating_sub(l.chars().count()).max(1))
    )
}

fn change(c: &Change) -> String {
    let verdict = if !c.blocked_by.is_empty() {
        let list: Vec<String> = if c.blockers.len() == c.blocked_by.len() {
            c.blockers.iter().map(|b| b.text(crate::lang())).collect()
        } else {
            c.blocked_by.clone()
        };
        say("explain.blocked", &[("list", &list.join("; "))])
    } else if c.improves {
        say("explain.better", &[])
    } else {
        say("explain.not_better", &[])
    };
    say(
        "explain.change",
        &[
            ("penalty", &signed(c.delta_penalty, 0)),
            ("spread", &signed(c.delta_spread, 2)),
            ("verdict", &verdict),
        ],
    )
}

/// A penalty: whole, or with decimals when weights make it so.
fn penalty(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x}")
    } else {
        decimal(x, 2, crate::lang())
    }
}

fn table(e: &Explanation, with_clusters: bool) -> String {
    let lang = crate::lang();
    let mut o = String::new();
    if with_clusters {
        for c in &e.clusters {
            let members = if c.size == 1 {
                "table.members.one"
            } else {
                "table.members.other"
            };
            let head = say(
                "explain.cluster.head",
                &[
                    ("cluster", &c.id),
                    ("class", &c.size_class),
                    ("members", &say(members, &[("n", &c.size.to_string())])),
                    ("min", &grouped(c.population_range.0)),
                    ("max", &grouped(c.population_range.1)),
                ],
            );
            let _ = writeln!(o, "{head}");
            let states: Vec<String> = c
                .states
                .iter()
                .map(|s| format!("{} {}", s.state, s.members))
                .collect();
            let _ = writeln!(o, "  {}{}", label("explain.label.lands", 12), states.join(", "));
            let _ = writeln!(
                o,
                "  {}{}",
                label("explain.label.same_land", 12),
                pairs(&c.same_state_pairs)
            );
            let _ = writeln!(
                o,
                "  {}{}",
                label("explain.label.bordering", 12),
                pairs(&c.bordering_pairs)
            );
            if let (Some(a), Some(b)) = (&c.closest, &c.farthest) {
                let d = say(
                    "explain.distances",
                    &[
                        ("a", &render::shown(&a.a)),
                        ("b", &render::shown(&a.b)),
                        ("km", &km(a.km)),
                        ("c", &render::shown(&b.a)),
                        ("d", &render::shown(&b.b)),
                        ("far", &km(b.km)),
                        ("mean", &km(c.mean_distance_km)),
                    ],
                );
                let _ = writeln!(o, "  {}{d}", label("explain.label.distances", 12));
            }
            let score = say(
                "explain.score",
                &[
                    ("penalty", &penalty(c.penalty)),
                    ("spread", &decimal(c.spread, 2, lang)),
                ],
            );
            let _ = writeln!(o, "  {}{score}\n", label("explain.label.score", 12));
        }
    }
    for m in &e.municipalities {
        let head = say(
            "explain.member.head",
            &[
                ("name", &render::shown(&m.name)),
                ("id", &render::shown(&m.id)),
                ("state", &m.state),
                ("cluster", &m.cluster),
            ],
        );
        let _ = writeln!(o, "{head}");
        let nearest = m.nearest.as_ref().map_or(String::new(), |(n, d)| {
            say("explain.nearest", &[("name", &render::shown(n)), ("km", &km(*d))])
        });
        let share = say(
            "explain.share",
            &[
                ("penalty", &penalty(m.penalty_share)),
                ("spread", &decimal(m.spread_share, 2, lang)),
                ("same", &names(&m.same_state_partners)),
                ("bordering", &names(&m.bordering_partners)),
                ("nearest", &nearest),
            ],
        );
        let _ = writeln!(o, "  {}{share}", label("explain.label.share", 12));
        for mv in &m.moves {
            let _ = writeln!(o, "  {}", say("explain.to", &[("cluster", &mv.to)]));
            let _ = writeln!(o, "    {}{}", label("explain.label.alone", 10), change(&mv.alone));
            if let Some(s) = &mv.best_swap {
                let line = say(
                    "explain.swap_with",
                    &[("name", &render::shown(&s.name)), ("change", &change(&s.change))],
                );
                let _ = writeln!(o, "    {}{line}", label("explain.label.swap", 10));
            }
        }
        if let Some(s) = &m.best_swap {
            let line = say(
                "explain.best_swap_with",
                &[
                    ("name", &render::shown(&s.name)),
                    ("cluster", &s.cluster),
                    ("change", &change(&s.change)),
                ],
            );
            let _ = writeln!(o, "  {}{line}", label("explain.label.best_swap", 12));
        }
        let note = if m.other_classes > 0 {
            Some(say(
                if m.other_classes == 1 {
                    "explain.note.other_classes.one"
                } else {
                    "explain.note.other_classes"
                },
                &[("count", &m.other_classes.to_string())],
            ))
        } else {
            m.note.clone()
        };
        if let Some(n) = note {
            let _ = writeln!(o, "  {}{n}", label("explain.label.note", 12));
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
