//! Solving a problem: per block, a heuristic lineup first, then exact
//! methods that prove it optimal, improve it, or bound it.
//!
//! * `options`: what a solve may use; `error`: why it found nothing.
//! * `block`: a block as the solvers see it (weights, rules).
//! * `steps`: the steps of one block (heuristic, feasibility fallback,
//!   level 1, level 2) and how their outcomes make status and bound.
//! * `bounds`: closed-form bounds.
//! * `level1`: the count integer program for same-Land pairs.
//! * `feasible`: the assignment integer program that decides feasibility.
//! * `columns`, `colgen`: exact set-partitioning optimisation of small blocks.
//! * `solution`, `progress`: the result types.
//! * `evaluate`: scoring a lineup made elsewhere.
//!
//! Every lineup is checked by the independent [`verify`](crate::verify())
//! before it is returned.

pub(crate) mod block;
pub(crate) mod bounds;
pub(crate) mod colgen;
pub(crate) mod columns;
mod error;
mod evaluate;
pub(crate) mod feasible;
pub(crate) mod level1;
mod options;
mod progress;
mod solution;
mod steps;

use std::time::Instant;

use rayon::prelude::*;

use crate::lineup::{Cluster, Lineup};
use crate::problem::{Block, Problem};
use crate::verify::verify;

pub use error::SolveError;
pub(crate) use evaluate::CLOSED_FORM;
pub use evaluate::{evaluate, evaluate_with_bounds};
pub use options::{MAX_RUNS, MAX_TIME_LIMIT, SolveOptions, SolverChoice};
pub use progress::{Progress, Stage};
pub use solution::{BlockReport, Bound, Gap, GapLevel, Solution, Status};

/// How much longer than the preparation of the blocks the work after the
/// heuristics may take (see [`solve_with_progress`]).
const RESERVE_FACTOR: f64 = 3.0;

/// Solves a problem: returns a verified lineup with status, bound and gap.
///
/// Errors: [`SolveError::Infeasible`] when the rules admit no lineup (with
/// the reason), [`SolveError::NotFound`] when none was found in time.
pub fn solve(problem: &Problem, options: &SolveOptions) -> Result<Solution, SolveError> {
    solve_with_progress(problem, options, &|_| {})
}

/// As [`solve`], calling `progress` as each block advances (from solver
/// threads, so it must be `Sync`).
pub fn solve_with_progress(
    problem: &Problem,
    options: &SolveOptions,
    progress: &(dyn Fn(&Progress) + Sync),
) -> Result<Solution, SolveError> {
    let start = Instant::now();
    // Every block's model and closed-form bound first: with more blocks than
    // threads, the last ones would otherwise start after the deadline and
    // build them then, past the time limit.
    let prepared: Vec<steps::Prepared<'_>> = problem
        .blocks()
        .par_iter()
        .enumerate()
        .map(|(b, block)| steps::prepare(problem, block, b, options, start, progress))
        .collect();
    // What follows the heuristics (greedy starts of blocks that wait for a
    // thread, levels, verifying) is linear in the members like the
    // preparation, and takes up to three times as long on this machine under its
    // present load: the heuristics stop that much earlier (measured, not
    // guessed; milliseconds for planning sizes).
    let reserve = start.elapsed().mul_f64(RESERVE_FACTOR);
    let results: Vec<Result<steps::BlockResult, SolveError>> =
        prepared.into_par_iter().map(|p| p.solve(reserve)).collect();
    let mut lineup = Lineup::default();
    let mut reports = Vec::new();
    let mut cut = false;
    for (block, res) in problem.blocks().iter().zip(results) {
        let res = res?;
        lineup.clusters.extend(to_clusters(block, &res.groups));
        cut |= res.cut;
        reports.push(res.report);
    }
    let verified = verify(problem, &lineup).map_err(|v| SolveError::Unverified {
        solver: "block solver".into(),
        violations: v.to_string(),
    })?;
    // The blocks' own account of the score must match the verifier's.
    let weights = problem.settings().weights();
    let value = verified.score.value(&weights);
    let (pen, second) = (-value.first, value.second);
    // A score that is not a number would make any status a lie.
    if !pen.is_finite() || !second.is_finite() {
        return Err(SolveError::Unverified {
            solver: "block solver".into(),
            violations: format!("the score ({pen}, {second}) is not finite"),
        });
    }
    let found_pen: f64 = reports.iter().map(|r| r.penalty).sum();
    let found_second: f64 = reports.iter().map(|r| r.spread).sum();
    if (found_pen - pen).abs() > 1e-6 * pen.abs().max(1.0)
        || (found_second - second).abs() > 1e-6 * second.abs().max(1.0)
    {
        return Err(SolveError::Unverified {
            solver: "block solver".into(),
            violations: format!(
                "solver score ({found_pen}, {found_second}) differs from the verifier's ({pen}, {second})"
            ),
        });
    }
    let bound = Bound {
        penalty: reports.iter().map(|r| r.bound.penalty).sum(),
        spread: reports.iter().map(|r| r.bound.spread).sum(),
    };
    let status = reports.iter().map(|r| r.status).max().unwrap_or(Status::Optimal);
    let gap = Gap::between(pen, second, &bound, weights.mode);
    Ok(Solution {
        lineup,
        verified,
        status,
        bound,
        gap,
        blocks: reports,
        elapsed: start.elapsed(),
        cut_by_time: cut,
    })
}

/// Clusters of a block from a local assignment, in canonical order: pinned
/// clusters first (named by their pin), then by smallest member.
pub(crate) fn to_clusters(block: &Block, groups: &[usize]) -> Vec<Cluster> {
    let mut by: Vec<Vec<usize>> = vec![Vec::new(); block.clusters];
    for (x, &g) in groups.iter().enumerate() {
        by[g].push(block.members[x]);
    }
    let p = block.pins.len();
    let mut rest: Vec<Vec<usize>> = by.split_off(p);
    rest.sort();
    by.into_iter()
        .chain(rest)
        .zip(&block.cluster_ids)
        .map(|(members, id)| Cluster {
            id: id.clone(),
            members,
        })
        .collect()
}
