//! What-if analysis: municipalities join or leave a lineup whose clusters
//! already meet; find the best new lineup that moves as few existing
//! members as possible, and say what changes.
//!
//! * `baseline`: the existing lineup ([`Baseline`]).
//! * `plan`: how the baseline carries over (cluster counts, ids, slots).
//! * `search`: the engine with each member's baseline cluster as its home.
//! * `diff`: who joined, moved, left; clusters opened and closed ([`Diff`]).
//!
//! ```
//! use lineup::{
//!     Baseline, BaselineCluster, BaselineMember, Land, LatLon, Municipality, Settings, SolveOptions,
//!     Stability, whatif,
//! };
//!
//! let towns = vec![
//!     Municipality::new("01001000", "Flensburg", Land::SH, 90_164, LatLon { lat: 54.783, lon: 9.438 }),
//!     Municipality::new("16055000", "Weimar", Land::TH, 65_228, LatLon { lat: 50.981, lon: 11.330 }),
//!     Municipality::new("13073088", "Stralsund", Land::MV, 59_418, LatLon { lat: 54.314, lon: 13.090 }),
//!     Municipality::new("14626110", "Görlitz", Land::SN, 55_980, LatLon { lat: 51.155, lon: 14.988 }),
//!     Municipality::new("09262000", "Passau", Land::BY, 52_803, LatLon { lat: 48.569, lon: 13.420 }),
//!     Municipality::new("16067029", "Gotha", Land::TH, 45_419, LatLon { lat: 50.948, lon: 10.701 }),
//!     // Joins now:
//!     Municipality::new("03252006", "Hameln", Land::NI, 57_434, LatLon { lat: 52.104, lon: 9.356 }),
//! ];
//! let member = |id: &str| BaselineMember { id: id.into(), municipality: None };
//! let baseline = Baseline {
//!     clusters: vec![BaselineCluster {
//!         id: "Mittelstädte".into(),
//!         members: ["01001000", "16055000", "13073088", "14626110", "09262000", "16067029"]
//!             .into_iter()
//!             .map(member)
//!             .collect(),
//!     }],
//! };
//! let w = whatif(towns, Settings::default(), &baseline, &Stability::default(), &SolveOptions::default())?;
//! assert_eq!(w.diff.moves(), 0);
//! assert_eq!(w.diff.joined[0].to, "Mittelstädte");
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

mod baseline;
mod diff;
mod frontier;
mod plan;
mod price;
mod search;

use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::messages::note::Note;
use crate::municipality::Municipality;
use crate::objective::ObjectiveMode;
use crate::problem::{Problem, ProblemError};
use crate::report::{ObjectiveReport, Report};
use crate::settings::Settings;
use crate::solve::{Gap, Solution, SolveError, SolveOptions, Status, evaluate, solve};

pub use baseline::{Baseline, BaselineCluster, BaselineMember};
pub use diff::{Diff, Joined, Left, Moved};
pub use price::{COSTLY_PENALTY, COSTLY_SHARE, RECOVERS_MOST, Recovery, StabilityCost, StabilitySetting};

use frontier::{assemble, frontier};
use search::{BlockSearch, Bonus, search_block};

/// How much stability counts.
///
/// * default (neither field): fewest moved baseline members first, then the
///   objective;
/// * `max_moves`: at most this many baseline members may move (a hard cap);
///   among those lineups the objective decides;
/// * `weight`: a soft trade-off: each moved member costs `weight` — on the
///   penalty level in lexicographic mode (1 = as bad as one same-Land pair),
///   on the single value in weighted mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stability {
    /// Hard cap on moved baseline members.
    pub max_moves: Option<usize>,
    /// Cost of one moved member (soft).
    pub weight: Option<f64>,
}

/// Why a what-if has no answer.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum WhatIfError {
    /// The current list cannot form a lineup (or an option is invalid).
    #[error("{0}")]
    Problem(#[from] ProblemError),
    /// No lineup within the rules (and the move cap).
    #[error("{0}")]
    Solve(#[from] SolveError),
    /// A stability weight that is not a number >= 0.
    #[error("stability weight {weight}: expected a number >= 0 (the cost of one moved member)")]
    StabilityWeight {
        /// The weight given.
        weight: f64,
    },
}

/// A re-optimised lineup with its changes.
#[derive(Clone, Debug)]
pub struct WhatIf {
    /// The problem solved: the current list, with the cluster counts and ids
    /// carried over from the baseline.
    pub problem: Problem,
    /// The new lineup, verified, with status and bounds (the bounds ignore
    /// stability, so the gap includes the price of stability).
    pub solution: Solution,
    /// What changed.
    pub diff: Diff,
}

/// The JSON form of a what-if: the `solve` report plus a `diff` object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WhatIfReport {
    /// The new lineup, as `solve` reports it.
    #[serde(flatten)]
    pub report: Report,
    /// What changed.
    pub diff: Diff,
}

impl WhatIf {
    /// The serialisable report.
    pub fn report(&self) -> WhatIfReport {
        WhatIfReport {
            report: Report::new(&self.problem, &self.solution),
            diff: self.diff.clone(),
        }
    }
}

/// Re-optimises a baseline lineup for the current list of municipalities:
/// those not in the baseline join, baseline members not in the list leave.
///
/// Baseline cluster ids stay; a size class gets as many clusters as in the
/// baseline unless its new size forces clusters to open (too many members)
/// or close (too few; the cluster with fewest remaining members closes).
/// With several size classes and a move cap, the classes take their moves
/// in order (largest class first), each keeping what the later ones need.
pub fn whatif(
    municipalities: Vec<Municipality>,
    settings: Settings,
    baseline: &Baseline,
    stability: &Stability,
    options: &SolveOptions,
) -> Result<WhatIf, WhatIfError> {
    let started = Instant::now();
    // Two fifths of the time for the stable lineup, three tenths for the
    // free reference, the rest for measuring other stability settings; the
    // last twentieth is kept for verifying and writing, so that the whole
    // run honours the limit (a step that finds its share spent gets a
    // fiftieth, enough to stop cleanly).
    let limit = options.time_limit();
    let deadline = started + limit.mul_f64(0.4);
    let until = |share: f64| {
        (started + limit.mul_f64(share))
            .saturating_duration_since(Instant::now())
            .max(limit / 50)
    };
    if let Some(w) = stability.weight {
        if !w.is_finite() || w < 0.0 {
            return Err(WhatIfError::StabilityWeight { weight: w });
        }
    }
    let plan = plan::plan(municipalities, settings, baseline)?;
    let problem = &plan.problem;
    let bonus = match stability.weight {
        Some(w) => Bonus::Weight(w),
        None if stability.max_moves.is_some() => Bonus::Tiebreak,
        None => Bonus::FewestMoves,
    };
    let nb = problem.blocks().len();
    let results: Vec<BlockSearch> = match stability.max_moves {
        None => (0..nb)
            .into_par_iter()
            .map(|b| search_block(&plan, b, bonus, None, options, deadline))
            .collect::<Result<_, _>>()?,
        Some(cap) => capped(&plan, bonus, cap, options, deadline)?,
    };
    let lineup = assemble(problem, &results);
    let mut solution = evaluate(problem, &lineup).map_err(|v| SolveError::Unverified {
        solver: "what-if search".into(),
        violations: v.to_string(),
    })?;
    let moves: usize = results.iter().map(|r| r.moves).sum();
    let lower: usize = results.iter().map(|r| r.lower_bound).sum();
    // The best lineup without stability: its bound holds for every lineup,
    // and its objective is what stability costs.
    let free = solve(problem, &options.clone().with_time_limit(until(0.7)))?;
    let weights = problem.settings().weights();
    let mode = weights.mode;
    let weighted = mode == ObjectiveMode::Weighted;
    let (pen, second) = solution.verified.score.levels(&weights);
    solution.bound = free.bound;
    solution.gap = Gap::between(pen, second, &free.bound, mode);
    // A cancelled search keeps its lineup, verified, with a valid bound.
    let unproven = if options.is_cancelled() {
        Status::Interrupted
    } else {
        Status::Heuristic
    };
    let proven = free.status == Status::Optimal && solution.gap.value == 0.0;
    solution.status = if proven { Status::Optimal } else { unproven };
    for ((report, r), f) in solution.blocks.iter_mut().zip(&results).zip(&free.blocks) {
        report.bound = f.bound;
        report.penalty_proven = f.penalty_proven && (weighted || report.penalty <= f.bound.penalty + 1e-6);
        let gap = Gap::between(report.penalty, report.spread, &f.bound, mode);
        report.status = if f.status == Status::Optimal && gap.value == 0.0 {
            Status::Optimal
        } else {
            unproven
        };
        report.notes = vec![
            Note::new(
                "whatif.block.moves",
                &[
                    ("moves", r.moves.to_string()),
                    ("needed", r.lower_bound.to_string()),
                ],
            ),
            Note::new("whatif.block.bound", &[("status", f.status.to_string())]),
        ];
    }
    solution.cut_by_time = free.cut_by_time || results.iter().any(|r| r.cut);
    solution.elapsed = started.elapsed();
    let mut diff = diff::diff(
        problem.municipalities(),
        problem.settings(),
        baseline,
        &solution.lineup,
        ObjectiveReport::from(&solution.verified.score),
    );
    debug_assert_eq!(diff.moves(), moves);
    diff.moves_lower_bound = lower;
    diff.moves_proven_minimal = diff.moves() == lower;
    let free_objective = ObjectiveReport::from(&free.verified.score);
    if let Some(in_penalty) = price::costly(&diff.objective_after, &free_objective, &weights) {
        let end = Instant::now() + until(0.95);
        diff.stability_cost = Some(price::measure(
            &plan,
            moves,
            &diff.objective_after,
            &free_objective,
            in_penalty,
            options,
            end,
        ));
    }
    diff.objective_free = Some(free_objective);
    diff.free_status = Some(free.status);
    Ok(WhatIf {
        problem: plan.problem,
        solution,
        diff,
    })
}

/// Searches every block under a shared cap on moves (see [`frontier`]) and
/// takes the best split of the cap.
fn capped(
    plan: &plan::Plan,
    bonus: Bonus,
    cap: usize,
    options: &SolveOptions,
    deadline: Instant,
) -> Result<Vec<BlockSearch>, WhatIfError> {
    let (options_of, best) = frontier(plan, bonus, cap, options, deadline)?;
    let picks = best
        .into_iter()
        .flatten()
        .reduce(|a, b| if b.0.cmp_tol(&a.0).is_gt() { b } else { a })
        .map(|x| x.1)
        .ok_or_else(|| SolveError::NotFound {
            detail: format!("no split of {cap} moves over the size classes"),
        })?;
    Ok(options_of
        .into_iter()
        .zip(picks)
        .map(|(mut opts, i)| opts.swap_remove(i))
        .collect())
}
