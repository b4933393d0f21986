//! Scoring a lineup made elsewhere: verification plus the closed-form
//! bounds, so that a hand-made lineup gets the same report as a solved one.

use std::time::Instant;

use super::block::BlockModel;
use super::bounds;
use super::solution::{BlockReport, Bound, Gap, Solution, Status};
use crate::composition::fewest_mixed;
use crate::ilp::Backend;
use crate::lineup::Lineup;
use crate::objective::ObjectiveMode;
use crate::problem::Problem;
use crate::verify::{Violations, verify};

const TOL: f64 = 1e-6;

/// Verifies a lineup and reports its score against closed-form bounds.
///
/// The status is [`Status::Optimal`] when the bounds prove it, else
/// [`Status::Evaluated`]. Violations of any rule are returned as `Err`.
pub fn evaluate(problem: &Problem, lineup: &Lineup) -> Result<Solution, Violations> {
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
        let ub = if forced {
            second
        } else {
            bounds::second_level_upper_bound(&model).max(second)
        };
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
            notes: vec!["evaluated against closed-form bounds".into()],
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
