//! Scoring a lineup made elsewhere: verification plus the closed-form
//! bounds, so that a hand-made lineup gets the same report as a solved one.

use std::time::Instant;

use super::block::BlockModel;
use super::bounds;
use super::solution::{BlockReport, Bound, Gap, Solution, Status};
use crate::composition::fewest_mixed;
use crate::ilp::Backend;
use crate::lineup::Lineup;
use crate::messages::note::Note;
use crate::objective::ObjectiveMode;
use crate::problem::Problem;
use crate::verify::{Violations, verify};

const TOL: f64 = 1e-6;

/// The key of the note of a block evaluated against closed-form bounds only.
pub(crate) const CLOSED_FORM: &str = "solver.closed_form";

/// Verifies a lineup and reports its score against closed-form bounds.
///
/// The status is [`Status::Optimal`] when the bounds prove it, else
/// [`Status::Evaluated`]. Violations of any rule are returned as `Err`.
pub fn evaluate(problem: &Problem, lineup: &Lineup) -> Result<Solution, Violations> {
    evaluate_with_bounds(problem, lineup, &[], &Note::new(CLOSED_FORM, &[]))
}

/// As [`evaluate`], with bounds proven elsewhere for the same problem: the
/// blocks of a solve of it (a fresh [`solve`](crate::solve) within a time
/// limit, or the [`Report::blocks`](crate::Report::blocks) of a report whose
/// [`fingerprint`](crate::Report::fingerprint) is the problem's). Per block
/// (matched by name) the tighter of those and the closed-form bounds
/// counts; `note` says where the known ones come from.
///
/// In lexicographic mode a solve's spread bound holds for lineups with at
/// most the penalty it found, so it is used only for such lineups.
///
/// ```
/// use lineup::{Land, LatLon, Municipality, Problem, Settings, SolveOptions, Status};
///
/// let towns: Vec<Municipality> = (0..12)
///     .map(|i| {
///         let at = LatLon { lat: 48.0 + i as f64 * 0.5, lon: 7.0 + i as f64 * 0.6 };
///         Municipality::new(format!("id{i}"), format!("Ort {i}"), Land::ALL[i], 50_000, at)
///     })
///     .collect();
/// let problem = Problem::new(towns, Settings::default())?;
/// let solved = lineup::solve(&problem, &SolveOptions::default())?;
/// assert_eq!(solved.status, Status::Optimal);
/// let note = lineup::messages::note::Note::new("bound.solved", &[("seconds", "0.1".into())]);
/// let again = lineup::evaluate_with_bounds(&problem, &solved.lineup, &solved.blocks, &note)?;
/// assert_eq!(again.status, Status::Optimal);
/// assert_eq!(again.gap.value, 0.0);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_with_bounds(
    problem: &Problem,
    lineup: &Lineup,
    known: &[BlockReport],
    note: &Note,
) -> Result<Solution, Violations> {
    let start = Instant::now();
    let verified = verify(problem, lineup)?;
    let weights = problem.settings().weights();
    let weighted = weights.mode == ObjectiveMode::Weighted;
    let mut reports = Vec::new();
    for block in problem.blocks() {
        let model = BlockModel::new(problem, block);
        let (mut pen, mut spr) = (0.0, 0.0);
        for (cl, m) in lineup.clusters.iter().zip(&verified.clusters) {
            if cl
                .members
                .first()
                .is_some_and(|f| block.members.binary_search(f).is_ok())
            {
                pen += m.score.penalty;
                spr += m.score.spread;
            }
        }
        let second = if weighted { spr - pen } else { spr };
        let forced = block.clusters == 1;
        let pen_lb = if weighted {
            0.0
        } else if forced {
            pen
        } else if model.strict {
            weights.same_land * bounds::same_land_lower_bound(&model) as f64
                + bounds::criteria_lower_bound(&model)
        } else {
            let mut counts = vec![0usize; problem.settings().classes().len()];
            for &c in &model.weights.class {
                counts[c as usize] += 1;
            }
            let q = fewest_mixed(&counts, model.size, block.clusters, Backend::default())
                .ok()
                .flatten()
                .unwrap_or(0);
            bounds::penalty_lower_bound(&model, q)
        };
        let mut ub = if forced {
            second
        } else {
            bounds::second_level_upper_bound(&model).max(second)
        };
        let mut pen_lb = pen_lb;
        if let Some(k) = known.iter().find(|k| k.name == block.name) {
            if !weighted {
                pen_lb = pen_lb.max(k.bound.penalty.min(pen));
            }
            // Lexicographic: the solve's spread bound covers lineups with
            // at most the penalty it found.
            if weighted || pen <= k.penalty + TOL {
                ub = ub.min(k.bound.spread).max(second);
            }
        }
        let pen_proven = weighted || pen <= pen_lb + TOL;
        let optimal = pen_proven && ub <= second + TOL * second.abs().max(1.0);
        reports.push(BlockReport {
            name: block.name.clone(),
            members: block.members.len(),
            clusters: block.clusters,
            status: if optimal {
                Status::Optimal
            } else {
                Status::Evaluated
            },
            penalty: if weighted { 0.0 } else { pen },
            spread: second,
            bound: Bound {
                penalty: pen_lb.min(if weighted { 0.0 } else { pen }),
                spread: ub,
            },
            penalty_proven: pen_proven,
            notes: vec![note.clone()],
        });
    }
    let score = verified.score;
    let second = if weighted {
        score.spread - score.penalty
    } else {
        score.spread
    };
    let bound = Bound {
        penalty: reports.iter().map(|r| r.bound.penalty).sum(),
        spread: reports.iter().map(|r| r.bound.spread).sum(),
    };
    let status = if reports.iter().all(|r| r.status == Status::Optimal) {
        Status::Optimal
    } else {
        Status::Evaluated
    };
    Ok(Solution {
        lineup: lineup.clone(),
        gap: Gap::between(
            if weighted { 0.0 } else { score.penalty },
            second,
            &bound,
            weights.mode,
        ),
        verified,
        status,
        bound,
        blocks: reports,
        elapsed: start.elapsed(),
        cut_by_time: false,
    })
}
