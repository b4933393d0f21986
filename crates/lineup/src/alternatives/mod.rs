//! Candidate lineups: several good lineups that differ from each other in
//! at least a given number of municipalities, best first, so planners can
//! put genuine choices before a committee.
//!
//! * `distance`: the fewest municipalities to move between two lineups
//!   ([`partition_distance`]).
//! * `search`: push away from earlier lineups, then pull back to the best
//!   objective while staying far enough.
//! * `matching`: each alternative's clusters take the ids of lineup 1's
//!   clusters they share most members with, so a committee can compare
//!   them; each lists who is where instead.
//!
//! ```
//! use lineup::{Problem, Settings, SolveOptions, SolverChoice, alternatives};
//! # let csv = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/small-13.csv"))?;
//! let towns = lineup::read_municipalities(csv.as_bytes(), None)?.municipalities;
//! let problem = Problem::new(towns, Settings::default())?;
//! let options = SolveOptions::default().with_solver(SolverChoice::Heuristic);
//! let found = alternatives(&problem, 3, 4, &options)?;
//! assert!(found.lineups.len() >= 2);
//! assert!(found.lineups[1].distances[0] >= 4);
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

mod distance;
mod matching;
mod search;

use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use distance::partition_distance;

use crate::cancel::Stop;
use crate::lineup::Lineup;
use crate::messages::note::Note;
use crate::problem::Problem;
use crate::report::Report;
use crate::solve::block::DENSE_LIMIT;
use crate::solve::{Bound, Gap, Solution, SolveError, SolveOptions, Status, evaluate, solve, to_clusters};
use crate::whatif::Moved;

use search::{BlockView, far_lineup, pull_back};

/// One candidate lineup.
#[derive(Clone, Debug)]
pub struct Alternative {
    /// The lineup, verified, with status and bound (the best lineup's bound:
    /// no lineup can do better).
    pub solution: Solution,
    /// Fewest municipalities to move to turn this lineup into each earlier one.
    pub distances: Vec<usize>,
    /// Gap to the best lineup found (0 for the best).
    pub gap_to_best: Gap,
}

/// Candidate lineups, best first.
#[derive(Clone, Debug)]
pub struct Alternatives {
    /// The lineups found (fewer than asked when no further lineup is far
    /// enough from the earlier ones; see `note`).
    pub lineups: Vec<Alternative>,
    /// The difference asked for.
    pub min_difference: usize,
    /// Why fewer lineups than asked were found, if so (typed: worded by
    /// the catalogue in either language).
    pub note: Option<Note>,
}

/// One candidate in a report: the `solve` report plus its distances.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlternativeReport {
    /// 1 for the best.
    pub rank: usize,
    /// Municipalities to move to reach each earlier lineup.
    pub differs_from_earlier: Vec<usize>,
    /// Relative gap to the best lineup.
    pub gap_to_best: f64,
    /// Who is where instead, compared with lineup 1 (`from`: the cluster in
    /// lineup 1, `to`: the one here; the cluster ids are matched to lineup
    /// 1's, so the same id means the same cluster). Empty for lineup 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved_from_first: Vec<Moved>,
    /// The lineup, as `solve` reports it.
    #[serde(flatten)]
    pub report: Report,
}

/// The JSON form: `{"lineups": [ … ], "min_difference": D, "note": …}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlternativesReport {
    /// The candidates, best first.
    pub lineups: Vec<AlternativeReport>,
    /// The difference asked for.
    pub min_difference: usize,
    /// Why fewer lineups than asked were found, if so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

impl Alternatives {
    /// The serialisable report.
    pub fn report(&self, problem: &Problem) -> AlternativesReport {
        AlternativesReport {
            lineups: self
                .lineups
                .iter()
                .enumerate()
                .map(|(i, a)| AlternativeReport {
                    rank: i + 1,
                    differs_from_earlier: a.distances.clone(),
                    gap_to_best: a.gap_to_best.value,
                    moved_from_first: match self.lineups.first() {
                        Some(first) if i > 0 => {
                            matching::differences(problem, &first.solution.lineup, &a.solution.lineup)
                        }
                        _ => Vec::new(),
                    },
                    report: Report::new(problem, &a.solution),
                })
                .collect(),
            min_difference: self.min_difference,
            note: self.note.clone(),
        }
    }
}

/// The default difference: a tenth of the municipalities, at least 2.
pub fn default_min_difference(n: usize) -> usize {
    n.div_ceil(10).max(2)
}

/// Finds up to `k` good lineups, best first, each differing from every
/// earlier one in at least `min_difference` municipalities (the fewest that
/// must move; relabelling clusters is no difference). The clusters of each
/// lineup carry the ids of the clusters of lineup 1 they share most members
/// with, in lineup 1's order.
///
/// The first is [`solve`]'s answer (it gets half the time limit); each further
/// one is the best found among lineups far enough from the earlier ones.
pub fn alternatives(
    problem: &Problem,
    k: usize,
    min_difference: usize,
    options: &SolveOptions,
) -> Result<Alternatives, SolveError> {
    let started = Instant::now();
    let end = started + options.time_limit();
    if let Some(b) = problem.blocks().iter().find(|b| b.members.len() > DENSE_LIMIT) {
        return Err(SolveError::NotFound {
            detail: format!(
                "alternatives are searched for size classes of up to {DENSE_LIMIT} municipalities, and {} has {}; solve a subset or use coarser size classes",
                b.name,
                b.members.len()
            ),
        });
    }
    let first_share = if k > 1 { 0.5 } else { 1.0 };
    let best = solve(
        problem,
        &options
            .clone()
            .with_time_limit(options.time_limit().mul_f64(first_share)),
    )?;
    let n = problem.municipalities().len();
    let weights = problem.settings().weights();
    let mode = weights.mode;
    let levels = |s: &Solution| s.verified.score.levels(&weights);
    // A solution's own value as a bound: the gap of another to it.
    let as_bound = |s: &Solution| {
        let (penalty, spread) = levels(s);
        Bound { penalty, spread }
    };
    let gap_to = |s: &Solution, to: &Bound| {
        let (p, v) = levels(s);
        Gap::between(p, v, to, mode)
    };
    let best_bound = as_bound(&best);
    let mut found = vec![Alternative {
        distances: Vec::new(),
        gap_to_best: gap_to(&best, &best_bound),
        solution: best.clone(),
    }];
    let mut note = None;
    if k > 1 && problem.blocks().iter().all(|b| b.clusters <= 1) {
        note = Some(Note::new("alternatives.note.single", &[]));
    }
    for j in 1..if note.is_some() { 1 } else { k.max(1) } {
        let now = Instant::now();
        if options.is_cancelled() {
            note = Some(Note::new(
                "alternatives.note.interrupted",
                &[("count", j.to_string())],
            ));
            break;
        }
        if now >= end {
            note = Some(Note::new("alternatives.note.time", &[("count", j.to_string())]));
            break;
        }
        let stop = Stop {
            deadline: Some(now + (end - now) / (k - j) as u32),
            cancel: options.cancel_token().cloned(),
        };
        let earlier: Vec<Lineup> = found.iter().map(|a| a.solution.lineup.clone()).collect();
        let views: Vec<BlockView> = (0..problem.blocks().len())
            .map(|b| BlockView::new(problem, b, &earlier))
            .collect();
        let seed = options
            .seed()
            .wrapping_add(j as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let Some(mut groups) = far_lineup(&views, min_difference, options, seed, &stop) else {
            let key = if stop.cancelled() {
                "alternatives.note.none_interrupted"
            } else if stop.now() {
                "alternatives.note.none_time"
            } else {
                "alternatives.note.none"
            };
            note = Some(Note::new(key, &[("d", min_difference.to_string())]));
            break;
        };
        pull_back(&views, &mut groups, min_difference, seed, 40, &stop);
        let mut lineup = Lineup::default();
        for (b, g) in problem.blocks().iter().zip(&groups) {
            lineup.clusters.extend(to_clusters(b, g));
        }
        let mut solution = evaluate(problem, &lineup).map_err(|v| SolveError::Unverified {
            solver: "alternatives search".into(),
            violations: v.to_string(),
        })?;
        let distances: Vec<usize> = earlier
            .iter()
            .map(|e| partition_distance(&lineup, e, n))
            .collect();
        if distances.iter().any(|&d| d < min_difference) {
            return Err(SolveError::Unverified {
                solver: "alternatives search".into(),
                violations: format!("lineup {} is only {distances:?} away from earlier ones", j + 1),
            });
        }
        // The best lineup's bound holds for every lineup.
        solution.bound = best.bound;
        solution.gap = gap_to(&solution, &best.bound);
        let unproven = if stop.cancelled() {
            Status::Interrupted
        } else {
            Status::Heuristic
        };
        solution.status = if best.status == Status::Optimal && solution.gap.value == 0.0 {
            Status::Optimal
        } else {
            unproven
        };
        for r in &mut solution.blocks {
            if r.status != Status::Optimal {
                r.status = unproven;
            }
            r.notes = vec![Note::new(
                "alternatives.block",
                &[("rank", (j + 1).to_string()), ("d", min_difference.to_string())],
            )];
        }
        solution.elapsed = now.elapsed();
        found.push(Alternative {
            gap_to_best: gap_to(&solution, &best_bound),
            distances,
            solution,
        });
    }
    // Best first (the set is pairwise far enough in any order); distances
    // and gaps then refer to the new order.
    found.sort_by(|a, b| {
        let (va, vb) = (
            a.solution.verified.score.value(&weights),
            b.solution.verified.score.value(&weights),
        );
        vb.cmp_tol(&va)
    });
    let top = as_bound(&found[0].solution);
    for j in 0..found.len() {
        let lineup = found[j].solution.lineup.clone();
        found[j].distances = found[..j]
            .iter()
            .map(|e| partition_distance(&lineup, &e.solution.lineup, n))
            .collect();
        found[j].gap_to_best = gap_to(&found[j].solution, &top);
    }
    // Cluster ids matched to lineup 1's.
    if let Some((first, rest)) = found.split_first_mut() {
        for a in rest {
            matching::match_to(problem, &first.solution.lineup, &mut a.solution);
        }
    }
    Ok(Alternatives {
        lineups: found,
        min_difference,
        note,
    })
}
