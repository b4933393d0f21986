//! Progress of a long solve on stderr: one line per block (size class) with
//! the time running, and the last stage reached with its time, best score
//! and bound. Shown only when stderr is
//! a terminal and `--quiet` is not given; never on stdout.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use lineup::{Problem, Progress, Stage};

/// The progress lines, or nothing.
pub struct Lines {
    lines: Option<(MultiProgress, HashMap<String, ProgressBar>)>,
}

impl Lines {
    /// Lines for the problem's blocks, if progress should be shown.
    pub fn new(problem: &Problem, quiet: bool) -> Lines {
        if quiet || !std::io::stderr().is_terminal() {
            return Lines { lines: None };
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let width = problem
            .blocks()
            .iter()
            .map(|b| b.name.chars().count())
            .max()
            .unwrap_or(5);
        let style = ProgressStyle::with_template(&format!(
            "{{spinner}} {{prefix:<{width}}} {{elapsed:>4}}  {{msg}}"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bars = problem
            .blocks()
            .iter()
            .map(|b| {
                let bar = multi.add(ProgressBar::new_spinner());
                bar.set_style(style.clone());
                bar.set_prefix(b.name.clone());
                bar.set_message(format!(
                    "{} municipalities, {} clusters: starting",
                    b.members.len(),
                    b.clusters
                ));
                bar.enable_steady_tick(Duration::from_millis(120));
                (b.name.clone(), bar)
            })
            .collect();
        Lines {
            lines: Some((multi, bars)),
        }
    }

    /// Shows an event.
    pub fn update(&self, p: &Progress) {
        let Some(bar) = self.lines.as_ref().and_then(|(_, bars)| bars.get(&p.block)) else {
            return;
        };
        let stage = match p.stage {
            Stage::Heuristic => "heuristic done",
            Stage::Penalty => "level 1 settled",
            Stage::Spread => "level 2 settled",
            Stage::Done => "done",
            _ => "working",
        };
        let bound = p.bound.map_or_else(
            || "bound pending".to_string(),
            |b| format!("bound penalty >= {}, spread <= {:.2}", trim(b.penalty), b.spread),
        );
        bar.set_message(format!(
            "{stage} at {:.1} s: penalty {}, spread {:.2}; {bound}",
            p.elapsed.as_secs_f64(),
            trim(p.penalty),
            p.spread
        ));
        if p.stage == Stage::Done {
            bar.disable_steady_tick();
            bar.tick();
        }
    }

    /// Removes the lines (the result follows on stdout).
    pub fn finish(self) {
        if let Some((multi, bars)) = self.lines {
            for bar in bars.values() {
                bar.finish_and_clear();
            }
            let _ = multi.clear();
        }
    }
}

fn trim(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}
