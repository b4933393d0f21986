//! Solving a problem: per block, a heuristic lineup first, then exact
//! methods that prove it optimal, improve it, or bound it.
//!
//! * `block`: a block as the solvers see it (weights, rules).
//! * `bounds`: closed-form bounds.
//! * `level1`: the count integer program for same-Land pairs.
//! * `columns`, `colgen`: exact set-partitioning optimisation of small blocks.
//! * [`solution`]: the result types.
//!
//! Every lineup is checked by the independent [`verify`](crate::verify())
//! before it is returned.

pub(crate) mod block;
pub(crate) mod bounds;
pub(crate) mod colgen;
pub(crate) mod columns;
pub mod evaluate;
pub(crate) mod feasible;
pub(crate) mod level1;
pub mod progress;
pub mod solution;

use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::composition::fewest_mixed;
use crate::engine::{self, Outcome, SearchParams};
use crate::error::{Infeasibility, SolveError};
use crate::ilp::Backend;
use crate::lineup::{Cluster, Lineup};
use crate::objective::{Lex, ObjectiveMode};
use crate::problem::{Block, Problem};
use crate::verify::verify;

use block::{BlockModel, DENSE_LIMIT};
use colgen::{Limits, Phase};
use columns::ColumnSpace;
use level1::Level1;
use progress::{Progress, Stage};
use solution::{BlockReport, Bound, Gap, Solution, Status};

/// Which methods to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SolverChoice {
    /// Heuristic first, then exact methods where they reach (default).
    #[default]
    Auto,
    /// Like `auto`, with a shorter heuristic phase.
    Exact,
    /// Heuristic only; bounds from closed forms.
    Heuristic,
}

/// Limits and knobs of a solve.
///
/// ```
/// use std::time::Duration;
/// let o = lineup::SolveOptions::default().time_limit(Duration::from_secs(5)).seed(7);
/// assert_eq!(o.seed, 7);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SolveOptions {
    /// Wall-clock limit for the whole solve.
    pub time_limit: Duration,
    /// Seed of all random choices.
    pub seed: u64,
    /// MILP backend.
    pub backend: Backend,
    /// Which methods to use.
    pub solver: SolverChoice,
    /// Independent heuristic runs per block (results do not depend on the
    /// number of threads).
    pub runs: usize,
    /// Generations per heuristic run (the deterministic search budget).
    pub generations: usize,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            time_limit: Duration::from_secs(10),
            seed: 0,
            backend: Backend::default(),
            solver: SolverChoice::Auto,
            runs: 4,
            generations: 30,
        }
    }
}

impl SolveOptions {
    /// Sets the time limit.
    pub fn time_limit(mut self, t: Duration) -> SolveOptions {
        self.time_limit = t;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> SolveOptions {
        self.seed = seed;
        self
    }

    /// Sets the backend.
    pub fn backend(mut self, b: Backend) -> SolveOptions {
        self.backend = b;
        self
    }

    /// Sets the solver choice.
    pub fn solver(mut self, s: SolverChoice) -> SolveOptions {
        self.solver = s;
        self
    }
}

const TOL: f64 = 1e-6;

struct BlockResult {
    groups: Vec<usize>,
    report: BlockReport,
    cut: bool,
}

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
    let deadline = start + options.time_limit;
    let results: Vec<Result<BlockResult, SolveError>> = problem
        .blocks()
        .par_iter()
        .enumerate()
        .map(|(b, block)| solve_block(problem, block, b, options, start, deadline, progress))
        .collect();
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
        violations: v.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
    })?;
    let mode = problem.settings().weights.mode;
    let (pen, spr) = (verified.score.penalty, verified.score.spread);
    let found_pen: f64 = reports.iter().map(|r| r.penalty).sum();
    let found_second: f64 = reports.iter().map(|r| r.spread).sum();
    let second = if mode == ObjectiveMode::Weighted {
        spr - pen
    } else {
        spr
    };
    if (found_pen - if mode == ObjectiveMode::Weighted { 0.0 } else { pen }).abs() > 1e-6 * pen.abs().max(1.0)
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
    let gap = Gap::between(
        if mode == ObjectiveMode::Weighted { 0.0 } else { pen },
        second,
        &bound,
        mode,
    );
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

fn run_engine(model: &BlockModel, params: &SearchParams) -> Result<Option<Outcome<Lex>>, String> {
    if model.len() <= DENSE_LIMIT {
        engine::solve(&model.dense_instance(), params)
    } else {
        engine::solve(&model.instance(), params)
    }
}

fn clusters_of(groups: &[usize], k: usize) -> Vec<Vec<usize>> {
    let mut by = vec![Vec::new(); k];
    for (x, &g) in groups.iter().enumerate() {
        by[g].push(x);
    }
    by
}

fn solve_block(
    problem: &Problem,
    block: &Block,
    index: usize,
    options: &SolveOptions,
    start: Instant,
    deadline: Instant,
    progress: &(dyn Fn(&Progress) + Sync),
) -> Result<BlockResult, SolveError> {
    let model = BlockModel::new(problem, block);
    let report = |stage: Stage, groups: &[usize], bound: Option<Bound>| {
        let (p, s) = model.terms_of(groups);
        let weighted = problem.settings().weights.mode == ObjectiveMode::Weighted;
        progress(&Progress {
            block: block.name.clone(),
            stage,
            penalty: if weighted { 0.0 } else { p },
            spread: if weighted { s - p } else { s },
            bound,
            elapsed: start.elapsed(),
        });
    };
    let weights = problem.settings().weights;
    let weighted = weights.mode == ObjectiveMode::Weighted;
    let k = model.clusters;
    // Blocks beyond the exact level-2 method leave the time to the heuristic.
    let exact_reach = model.len() <= columns::MAX_MEMBERS && k > 1;
    let share = match (options.solver, exact_reach) {
        (SolverChoice::Heuristic, _) => 1.0,
        (_, false) => 0.8,
        (SolverChoice::Auto, true) => 0.5,
        (SolverChoice::Exact, true) => 0.25,
    };
    let heuristic_deadline = start + options.time_limit.mul_f64(share);
    // The closed-form level-2 bound is independent of the lineup: compute it
    // first, so the heuristic's deadline accounts for it.
    let closed_form_ub = bounds::second_level_upper_bound(&model);
    let mut params = SearchParams {
        runs: options.runs,
        generations: Some(options.generations),
        seed: options.seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        deadline: Some(heuristic_deadline),
        start: model.deal(),
        schedule: engine::Schedule::default(),
    };
    let mut notes = Vec::new();
    let exact_allowed = options.solver != SolverChoice::Heuristic;
    let mut exact_tried = false;
    let mut outcome = run_engine(&model, &params).map_err(|e| {
        SolveError::Infeasible(Infeasibility {
            reason: format!("the rules of {} contradict each other: {e}", block.name),
            suggestions: vec!["removing a pin or link".into()],
        })
    })?;
    if outcome.is_none() && model.strict {
        // No feasible start found: the count model decides feasibility.
        let left = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(500));
        match level1::solve_level1(&model, None, options.backend, left) {
            Level1::Infeasible => {
                return Err(SolveError::Infeasible(Infeasibility {
                    reason: format!(
                        "the pins, links and per-Land caps admit no lineup of the {} {}s in {} clusters of {} (proven by the integer program)",
                        model.len(),
                        block.name,
                        k,
                        model.size
                    ),
                    suggestions: vec![
                        "raising --max-per-land".into(),
                        "removing cannot-links or pins".into(),
                        "--cluster-size with wider bounds".into(),
                    ],
                }));
            }
            Level1::Optimal {
                improved: Some(g), ..
            }
            | Level1::Unproven {
                improved: Some((_, g)),
                ..
            } => {
                params.start = Some(g);
                outcome = run_engine(&model, &params).ok().flatten();
            }
            _ => {}
        }
    }
    if outcome.is_none() && !model.strict {
        let left = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(500));
        match feasible::find_feasible(&model, options.backend, left) {
            feasible::Feasibility::Found(g) => {
                params.start = Some(g);
                outcome = run_engine(&model, &params).ok().flatten();
            }
            feasible::Feasibility::Infeasible => {
                return Err(SolveError::Infeasible(Infeasibility {
                    reason: format!(
                        "the pins, links and per-Land caps admit no lineup of the {} municipalities in {} clusters of {} where only neighbouring size classes mix (proven by the integer program)",
                        model.len(),
                        k,
                        model.size
                    ),
                    suggestions: vec![
                        "raising --max-per-land".into(),
                        "removing cannot-links or pins".into(),
                        "--cluster-size with wider bounds".into(),
                    ],
                }));
            }
            feasible::Feasibility::Unknown(_) => {}
        }
    }
    let Some(found) = outcome else {
        return Err(SolveError::NotFound {
            detail: format!("{}: {} members, {} clusters", block.name, model.len(), k),
        });
    };
    let mut cut = found.cut_by_time;
    let mut groups = found.groups;
    report(Stage::Heuristic, &groups, None);
    let rerun = |start_groups: Vec<usize>, params: &SearchParams| -> Option<Outcome<Lex>> {
        let p = SearchParams {
            start: Some(start_groups),
            generations: params.generations.map(|g| (g / 4).max(1)),
            deadline: Some(deadline),
            ..params.clone()
        };
        run_engine(&model, &p).ok().flatten()
    };

    // Level 1.
    let (mut pen, _) = model.terms_of(&groups);
    let mut pen_lb = 0.0;
    let mut pen_proven = true;
    if !weighted {
        if model.strict {
            pen_lb = weights.same_land * bounds::same_land_lower_bound(&model) as f64;
        } else {
            let counts: Vec<usize> = {
                let mut c = vec![0usize; problem.settings().classes.len()];
                for &x in &model.weights.class {
                    c[x as usize] += 1;
                }
                c
            };
            let qmin = fewest_mixed(&counts, model.size, k, options.backend)
                .ok()
                .flatten()
                .unwrap_or(0);
            pen_lb = bounds::penalty_lower_bound(&model, qmin);
        }
        pen_proven = pen <= pen_lb + TOL || k == 1;
        if !pen_proven && exact_allowed {
            exact_tried = true;
            let left = deadline.saturating_duration_since(Instant::now());
            if model.strict {
                match level1::solve_level1(&model, Some(&groups), options.backend, left) {
                    Level1::Optimal { pairs, improved } => {
                        pen_lb = pen_lb.max(weights.same_land * pairs as f64);
                        pen_proven = true;
                        notes.push(format!(
                            "same-Land pairs proven minimal ({pairs}) by the count model"
                        ));
                        if let Some(g) = improved {
                            if let Some(o) = rerun(g, &params) {
                                cut |= o.cut_by_time;
                                groups = o.groups;
                            }
                        }
                    }
                    Level1::Unproven { improved, note } => {
                        notes.push(format!("level 1 not proven: {note}"));
                        if let Some((_, g)) = improved {
                            if let Some(o) = rerun(g, &params) {
                                cut |= o.cut_by_time;
                                groups = o.groups;
                            }
                        }
                    }
                    Level1::Infeasible => {
                        notes.push("count model reported infeasible although a lineup exists; ignored".into())
                    }
                }
            } else if let Some(space) = ColumnSpace::new(&model) {
                let ex = colgen::optimise(
                    &space,
                    Phase::MinPenalty,
                    k,
                    &clusters_of(&groups, k),
                    limits(options, deadline),
                );
                pen_lb = pen_lb.max(-ex.bound);
                pen_proven = ex.optimal;
                notes.push(format!("level 1: {}", ex.note));
                if let Some(g) = ex.improved {
                    if let Some(o) = rerun(g, &params) {
                        cut |= o.cut_by_time;
                        groups = o.groups;
                    }
                }
            } else {
                notes.push("level 1: block too large for the exact mixed-class method".into());
            }
            pen = model.terms_of(&groups).0;
            pen_proven = pen_proven && pen <= pen_lb + TOL;
        } else if pen_proven {
            notes.push("level 1 meets its closed-form bound".into());
        }
    }

    report(Stage::Penalty, &groups, None);

    // Level 2.
    let (p, s) = model.terms_of(&groups);
    let mut second = if weighted { s - p } else { s };
    let mut ub = closed_form_ub.max(second);
    let mut l2_proven = k == 1;
    if k == 1 {
        ub = second;
        notes.push("one cluster: the lineup is forced".into());
    } else if exact_allowed && (weighted || pen_proven) {
        if let Some(space) = ColumnSpace::new(&model) {
            exact_tried = true;
            let phase = if weighted {
                Phase::Weighted
            } else {
                Phase::MaxSpread { cap: p }
            };
            let ex = colgen::optimise(
                &space,
                phase,
                k,
                &clusters_of(&groups, k),
                limits(options, deadline),
            );
            ub = ub.min(ex.bound.max(second));
            l2_proven = ex.optimal;
            notes.push(format!("level 2: {}", ex.note));
            if let Some(g) = ex.improved {
                let inst = model.instance();
                let (np, ns) = model.terms_of(&g);
                if inst.check(&g).is_ok() && (weighted || np <= p + TOL) {
                    groups = g;
                    second = if weighted { ns - np } else { ns };
                } else {
                    l2_proven = false;
                    notes.push("exact lineup failed the block check; kept the heuristic one".into());
                }
            }
        } else {
            notes.push(format!(
                "level 2: {} members exceed the exact method's reach ({}); bound from closed form",
                model.len(),
                columns::MAX_MEMBERS
            ));
        }
    }
    let (p, _) = model.terms_of(&groups);
    let optimal = (weighted || pen_proven) && l2_proven;
    let status = if optimal {
        Status::Optimal
    } else if exact_tried {
        Status::TimeLimit
    } else {
        Status::Heuristic
    };
    if weighted {
        pen_lb = 0.0;
    }
    let bound = Bound {
        penalty: pen_lb.min(p),
        spread: ub.max(second),
    };
    report(Stage::Spread, &groups, Some(bound));
    report(Stage::Done, &groups, Some(bound));
    Ok(BlockResult {
        report: BlockReport {
            name: block.name.clone(),
            members: model.len(),
            clusters: k,
            status,
            penalty: if weighted { 0.0 } else { p },
            spread: second,
            bound,
            penalty_proven: weighted || pen_proven,
            notes,
        },
        groups,
        cut,
    })
}

fn limits(options: &SolveOptions, deadline: Instant) -> Limits {
    Limits {
        deadline,
        backend: options.backend,
        max_rounds: 300,
        node_budget: 2_000_000_000,
        // microlp branches slowly; HiGHS handles large set-partitioning models.
        max_columns: match options.backend.name() {
            "highs" => 300_000,
            _ => 20_000,
        },
    }
}
