//! The steps of solving one block, in order: the heuristic (with the
//! feasibility fallback when it finds nothing), level 1 (fewest penalty),
//! level 2 (largest spread). Every step reports a [`Step`] — a bound, whether
//! it proved its level, maybe a better lineup, a note — and [`Levels`]
//! folds them into the block's status and bound: the one place that decides
//! whether what is reported is honest.

use std::time::{Duration, Instant};

use super::block::{BlockModel, DENSE_LIMIT};
use super::bounds;
use super::colgen::{self, Limits, Phase};
use super::columns::{self, ColumnSpace};
use super::error::SolveError;
use super::feasible::{Feasibility, find_feasible};
use super::level1::{Level1, solve_level1};
use super::options::{SolveOptions, SolverChoice};
use super::progress::{Progress, Stage};
use super::solution::{BlockReport, Bound, Status};
use crate::composition::fewest_mixed;
use crate::engine::{self, Outcome, SearchParams};
use crate::messages::note::Note;
use crate::objective::{Lex, ObjectiveMode};
use crate::problem::{Block, Infeasibility, Problem};
use crate::suggestion::Suggestion;

const TOL: f64 = 1e-6;

/// What one step established about its level.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Step {
    /// A valid bound on the level: a lower bound on the penalty (level 1),
    /// an upper bound on the level-2 value (level 2).
    pub bound: Option<f64>,
    /// Whether the step proved the level optimal.
    pub proven: bool,
    /// A lineup better than the current one (local member → cluster).
    pub improved: Option<Vec<usize>>,
    /// Whether an exact method ran (and may have been stopped by the clock).
    pub exact: bool,
    /// What the step did (a catalogue note).
    pub note: Option<Note>,
}

impl Step {
    fn note(note: Note) -> Step {
        Step {
            note: Some(note),
            ..Step::default()
        }
    }
}

/// What the steps established about both levels of a block; decides its
/// status and bound.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Levels {
    /// Lower bound on the penalty (0 in weighted mode).
    pub penalty_bound: f64,
    /// Whether level 1 is proven (always in weighted mode: there is none).
    pub penalty_proven: bool,
    /// Upper bound on the level-2 value.
    pub second_bound: f64,
    /// Whether level 2 is proven.
    pub second_proven: bool,
    /// Whether an exact method ran.
    pub exact_tried: bool,
    /// Whether a cancellation stopped or skipped a step.
    pub interrupted: bool,
}

impl Levels {
    /// The status the block may honestly claim.
    pub fn status(&self) -> Status {
        if self.penalty_proven && self.second_proven {
            Status::Optimal
        } else if self.interrupted {
            Status::Interrupted
        } else if self.exact_tried {
            Status::TimeLimit
        } else {
            Status::Heuristic
        }
    }

    /// The bound, made consistent with the lineup found (`penalty`,
    /// `second`): no bound claims less than what is in hand.
    pub fn bound(&self, penalty: f64, second: f64) -> Bound {
        Bound {
            penalty: self.penalty_bound.min(penalty),
            spread: self.second_bound.max(second),
        }
    }
}

/// A solved block: its local assignment and report.
pub(crate) struct BlockResult {
    pub groups: Vec<usize>,
    pub report: BlockReport,
    pub cut: bool,
}

/// Solves one block: heuristic (or feasibility fallback), level 1, level 2.
/// A block ready for its steps: its model and closed-form bound, the
/// preparation every block needs whatever the clock says.
pub(crate) struct Prepared<'a>(Run<'a>);

/// Prepares a block (see [`Prepared`]).
pub(crate) fn prepare<'a>(
    problem: &'a Problem,
    block: &'a Block,
    index: usize,
    options: &'a SolveOptions,
    start: Instant,
    progress: &'a (dyn Fn(&Progress) + Sync),
) -> Prepared<'a> {
    Prepared(Run::new(problem, block, index, options, start, progress))
}

impl Prepared<'_> {
    /// Runs the steps. The heuristic stops `reserve` before its share of
    /// the time limit, leaving that time to what follows it (the greedy
    /// starts of blocks still waiting for a thread, the bounds, verifying).
    pub fn solve(self, reserve: Duration) -> Result<BlockResult, SolveError> {
        let mut run = self.0;
        run.keep(reserve);
        run.steps()
    }
}

impl Run<'_> {
    /// Moves the heuristic's deadline `reserve` earlier, not before the start.
    fn keep(&mut self, reserve: Duration) {
        if let Some(d) = self.params.deadline {
            self.params.deadline = Some(d.checked_sub(reserve).unwrap_or(self.start).max(self.start));
        }
    }

    fn steps(mut self) -> Result<BlockResult, SolveError> {
        let run = &mut self;
        run.heuristic()?;
        run.report(Stage::Heuristic, None);
        let level1 = run.level1();
        run.report(Stage::Penalty, None);
        let level2 = run.level2(level1.proven);
        Ok(self.finish(level1, level2))
    }
}

/// One block being solved: the model, the current lineup and what was done.
struct Run<'a> {
    block: &'a Block,
    model: BlockModel,
    options: &'a SolveOptions,
    start: Instant,
    deadline: Instant,
    progress: &'a (dyn Fn(&Progress) + Sync),
    params: SearchParams,
    weighted: bool,
    /// Closed-form level-2 bound, computed before the heuristic starts.
    closed_form_second: f64,
    groups: Vec<usize>,
    cut: bool,
    notes: Vec<Note>,
    interrupted: bool,
}

impl<'a> Run<'a> {
    fn new(
        problem: &'a Problem,
        block: &'a Block,
        index: usize,
        options: &'a SolveOptions,
        start: Instant,
        progress: &'a (dyn Fn(&Progress) + Sync),
    ) -> Run<'a> {
        let model = BlockModel::new(problem, block);
        // Blocks beyond the exact level-2 method leave the time to the heuristic.
        let exact_reach = model.len() <= columns::MAX_MEMBERS && model.clusters > 1;
        let share = match (options.solver(), exact_reach) {
            (SolverChoice::Heuristic, _) => 1.0,
            (_, false) => 0.8,
            (SolverChoice::Exact, true) => 0.15,
            (_, true) => 0.25,
        };
        // The closed-form level-2 bound is independent of the lineup: compute
        // it first, so the heuristic's deadline accounts for it.
        let closed_form_second = bounds::second_level_upper_bound(&model);
        let params = SearchParams {
            runs: options.runs(),
            generations: Some(options.generations()),
            seed: options.seed() ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            deadline: Some(start + options.time_limit().mul_f64(share)),
            start: model.deal(),
            schedule: engine::Schedule::default(),
            cancel: options.cancel_token().cloned(),
        };
        Run {
            block,
            weighted: model.weights.weights.mode == ObjectiveMode::Weighted,
            model,
            options,
            start,
            deadline: start + options.time_limit(),
            progress,
            params,
            closed_form_second,
            groups: Vec::new(),
            cut: false,
            notes: Vec::new(),
            interrupted: false,
        }
    }

    /// The current lineup's (penalty, level-2 value): the penalty is 0 and
    /// the level-2 value `spread − penalty` in weighted mode.
    fn levels(&self, groups: &[usize]) -> (f64, f64) {
        let (p, s) = self.model.terms_of(groups);
        let v: Lex = self.model.weights.weights.combine(p, s);
        (-v.first + 0.0, v.second)
    }

    fn report(&self, stage: Stage, bound: Option<Bound>) {
        let (penalty, spread) = self.levels(&self.groups);
        (self.progress)(&Progress {
            block: self.block.name.clone(),
            stage,
            penalty,
            spread,
            bound,
            elapsed: self.start.elapsed(),
        });
    }

    /// Whether the caller asked to stop; remembered for the status.
    fn stop(&mut self) -> bool {
        self.interrupted |= self.options.is_cancelled();
        self.interrupted
    }

    fn exact_allowed(&self) -> bool {
        self.options.solver() != SolverChoice::Heuristic
    }

    fn left(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    fn engine(&self, params: &SearchParams) -> Result<Option<Outcome<Lex>>, engine::RuleConflict> {
        if self.model.len() <= DENSE_LIMIT {
            engine::solve(&self.model.dense_instance(), params)
        } else {
            engine::solve(&self.model.instance(), params)
        }
    }

    /// The heuristic lineup; when the heuristic finds none, an integer
    /// program decides feasibility and gives the heuristic a start.
    fn heuristic(&mut self) -> Result<(), SolveError> {
        let mut outcome = self.engine(&self.params).map_err(|e| {
            SolveError::Infeasible(Infeasibility::noted(
                Note::new(
                    "infeasible.rules_contradict",
                    &[("block", self.block.name.clone()), ("detail", e.to_string())],
                ),
                vec![Suggestion::RemoveLinkOrPin],
            ))
        })?;
        if outcome.is_none() {
            if let Some(start) = self.feasibility_fallback()? {
                self.params.start = Some(start);
                outcome = self.engine(&self.params).ok().flatten();
            }
        }
        let Some(found) = outcome else {
            return Err(SolveError::NotFound {
                detail: format!(
                    "{}: {} members, {} clusters",
                    self.block.name,
                    self.model.len(),
                    self.model.clusters
                ),
            });
        };
        self.cut = found.cut_by_time;
        self.groups = found.groups;
        self.stop();
        Ok(())
    }

    /// A lineup from an integer program when the heuristic found none: the
    /// count model (strict) or the assignment model (adjacent). `Err` when
    /// it proves that none exists.
    fn feasibility_fallback(&mut self) -> Result<Option<Vec<usize>>, SolveError> {
        let left = self.left().max(Duration::from_millis(500));
        let backend = self.options.backend();
        // The count model knows no quotas: with quotas the assignment model decides.
        let (found, proven_none) = if self.model.strict && self.model.rules.limits.is_empty() {
            match solve_level1(&self.model, None, backend, left) {
                Level1::Infeasible => (None, true),
                Level1::Optimal { improved, .. } => (improved, false),
                Level1::Unproven { improved, .. } => (improved.map(|(_, g)| g), false),
            }
        } else {
            match find_feasible(&self.model, backend, left) {
                Feasibility::Found(g) => (Some(g), false),
                Feasibility::Infeasible => (None, true),
                Feasibility::Unknown(_) => (None, false),
            }
        };
        if proven_none {
            let m = &self.model;
            let key = match (m.strict, m.rules.limits.is_empty()) {
                (true, true) => "infeasible.proven.strict",
                (true, false) => "infeasible.proven.strict_quotas",
                (false, true) => "infeasible.proven.adjacent",
                (false, false) => "infeasible.proven.adjacent_quotas",
            };
            let note = Note::new(
                key,
                &[
                    ("n", m.len().to_string()),
                    ("block", self.block.name.clone()),
                    ("clusters", m.clusters.to_string()),
                    ("min", m.size.min.to_string()),
                    ("max", m.size.max.to_string()),
                ],
            );
            return Err(SolveError::Infeasible(Infeasibility::noted(
                note,
                vec![
                    Suggestion::RaiseMaxPerLand,
                    Suggestion::RemoveLinkOrPin,
                    Suggestion::WiderClusterSize,
                ],
            )));
        }
        Ok(found)
    }

    /// Reruns the heuristic from `start` with a quarter of its budget, and
    /// keeps its lineup.
    fn polish(&mut self, start: Vec<usize>) {
        let params = SearchParams {
            start: Some(start),
            generations: self.params.generations.map(|g| (g / 4).max(1)),
            deadline: Some(self.deadline),
            ..self.params.clone()
        };
        if let Ok(Some(o)) = self.engine(&params) {
            self.cut |= o.cut_by_time;
            self.groups = o.groups;
        }
    }

    fn limits(&self) -> Limits {
        Limits {
            deadline: self.deadline,
            backend: self.options.backend(),
            max_rounds: 5_000,
            node_budget: 2_000_000_000,
            // microlp branches slowly; HiGHS handles large set-partitioning models.
            max_columns: match self.options.backend().name() {
                "highs" => 300_000,
                _ => 20_000,
            },
            cancel: self.options.cancel_token().cloned(),
        }
    }

    fn clusters(&self) -> Vec<Vec<usize>> {
        let mut by = vec![Vec::new(); self.model.clusters];
        for (x, &g) in self.groups.iter().enumerate() {
            by[g].push(x);
        }
        by
    }

    /// Level 1: the closed-form bound, and where it does not meet the
    /// lineup, the exact method (count model or columns). A lineup it finds
    /// is polished by the heuristic.
    fn level1(&mut self) -> Step {
        if self.weighted {
            return Step {
                bound: Some(0.0),
                proven: true,
                ..Step::default()
            };
        }
        let closed = self.level1_closed_form();
        if closed.proven || !self.exact_allowed() || self.stop() {
            if closed.proven {
                self.notes.push(Note::new("solver.level1_meets", &[]));
            }
            return closed;
        }
        let exact = self.level1_exact();
        let bound = closed.bound.unwrap_or(0.0).max(exact.bound.unwrap_or(0.0));
        if let Some(note) = &exact.note {
            self.notes.push(note.clone());
        }
        if let Some(g) = exact.improved {
            self.polish(g);
        }
        let (pen, _) = self.levels(&self.groups);
        Step {
            bound: Some(bound),
            proven: exact.proven && pen <= bound + TOL,
            improved: None,
            exact: exact.exact,
            note: None,
        }
    }

    fn level1_closed_form(&self) -> Step {
        let m = &self.model;
        let w = m.weights.weights;
        let bound = if m.strict {
            w.same_land * bounds::same_land_lower_bound(m) as f64 + bounds::criteria_lower_bound(m)
        } else {
            let mut counts = vec![0usize; m.class_count];
            for &c in &m.weights.class {
                counts[c as usize] += 1;
            }
            let fewest = fewest_mixed(&counts, m.size, m.clusters, self.options.backend())
                .ok()
                .flatten()
                .unwrap_or(0);
            bounds::penalty_lower_bound(m, fewest)
        };
        let (pen, _) = self.levels(&self.groups);
        Step {
            bound: Some(bound),
            proven: pen <= bound + TOL || m.clusters == 1,
            ..Step::default()
        }
    }

    fn level1_exact(&self) -> Step {
        let m = &self.model;
        // The count model knows same-Land pairs only; the planner's criteria
        // go to the columns, which price any pair cost.
        if m.strict && !m.has_criteria {
            let w = m.weights.weights;
            return match solve_level1(m, Some(&self.groups), self.options.backend(), self.left()) {
                Level1::Optimal { pairs, improved } => Step {
                    bound: Some(w.same_land * pairs as f64),
                    proven: true,
                    improved,
                    exact: true,
                    note: Some(Note::new("solver.count_proven", &[("pairs", pairs.to_string())])),
                },
                Level1::Unproven { improved, note } => Step {
                    improved: improved.map(|(_, g)| g),
                    exact: true,
                    note: Some(Note::new("solver.level1_unproven", &[]).with("note", note)),
                    ..Step::default()
                },
                Level1::Infeasible => Step {
                    exact: true,
                    note: Some(Note::new("solver.count_infeasible_ignored", &[])),
                    ..Step::default()
                },
            };
        }
        let Some(space) = ColumnSpace::new(m) else {
            // Nothing exact ran: the block's status is `heuristic`, not a
            // `time_limit` that the clock never imposed.
            let key = if m.strict {
                "solver.level1_too_large_criteria"
            } else {
                "solver.level1_too_large_mixed"
            };
            return Step::note(Note::new(key, &[]));
        };
        let ex = colgen::optimise(
            &space,
            Phase::MinPenalty,
            m.clusters,
            &self.clusters(),
            self.limits(),
        );
        Step {
            bound: Some(-ex.bound),
            proven: ex.optimal,
            improved: ex.improved,
            exact: true,
            note: Some(Note::new("solver.level1", &[]).with("note", ex.note)),
        }
    }

    /// Level 2: the closed-form bound, and within the exact method's reach
    /// (and once level 1 is settled) column generation, whose lineup is
    /// taken when it keeps every rule and the penalty.
    fn level2(&mut self, penalty_proven: bool) -> Step {
        let (_, second) = self.levels(&self.groups);
        let closed = self.closed_form_second.max(second);
        if self.model.clusters == 1 {
            self.notes.push(Note::new("solver.forced", &[]));
            return Step {
                bound: Some(second),
                proven: true,
                ..Step::default()
            };
        }
        if !self.exact_allowed() || !penalty_proven || self.stop() {
            return Step {
                bound: Some(closed),
                ..Step::default()
            };
        }
        let m = &self.model;
        let Some(space) = ColumnSpace::new(m) else {
            self.notes.push(Note::new(
                "solver.level2_too_large",
                &[
                    ("n", m.len().to_string()),
                    ("max", columns::MAX_MEMBERS.to_string()),
                ],
            ));
            return Step {
                bound: Some(closed),
                ..Step::default()
            };
        };
        let (raw_p, _) = m.terms_of(&self.groups);
        let phase = if self.weighted {
            Phase::Weighted
        } else {
            Phase::MaxSpread { cap: raw_p }
        };
        let ex = colgen::optimise(&space, phase, m.clusters, &self.clusters(), self.limits());
        self.notes
            .push(Note::new("solver.level2", &[]).with("note", ex.note));
        let mut proven = ex.optimal;
        if let Some(g) = ex.improved {
            let (np, _) = m.terms_of(&g);
            if m.instance().check(&g).is_ok() && (self.weighted || np <= raw_p + TOL) {
                self.groups = g;
            } else {
                proven = false;
                self.notes.push(Note::new("solver.exact_failed_check", &[]));
            }
        }
        Step {
            bound: Some(closed.min(ex.bound.max(second))),
            proven,
            improved: None,
            exact: true,
            note: None,
        }
    }

    fn finish(mut self, level1: Step, level2: Step) -> BlockResult {
        self.stop();
        let levels = Levels {
            penalty_bound: if self.weighted {
                0.0
            } else {
                level1.bound.unwrap_or(0.0)
            },
            penalty_proven: level1.proven,
            second_bound: level2.bound.unwrap_or(f64::INFINITY),
            second_proven: level2.proven,
            exact_tried: level1.exact || level2.exact,
            interrupted: self.interrupted,
        };
        if self.interrupted && levels.status() == Status::Interrupted {
            self.notes.push(Note::new("solver.interrupted", &[]));
        }
        let (penalty, second) = self.levels(&self.groups);
        let bound = levels.bound(penalty, second);
        self.report(Stage::Spread, Some(bound));
        self.report(Stage::Done, Some(bound));
        BlockResult {
            report: BlockReport {
                name: self.block.name.clone(),
                members: self.model.len(),
                clusters: self.model.clusters,
                status: levels.status(),
                penalty,
                spread: second,
                bound,
                penalty_proven: levels.penalty_proven,
                notes: self.notes,
            },
            groups: self.groups,
            cut: self.cut,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::land::Land;
    use crate::municipality::{LatLon, Municipality};
    use crate::settings::Settings;

    /// `n` Mittelstädte from the given Länder (cycled), spread over Germany.
    fn towns(n: usize, lands: &[Land]) -> Vec<Municipality> {
        (0..n)
            .map(|i| {
                let at = LatLon {
                    lat: 47.5 + (i * 37 % 53) as f64 / 53.0 * 7.0,
                    lon: 6.5 + (i * 71 % 59) as f64 / 59.0 * 8.0,
                };
                Municipality::new(
                    format!("m{i}"),
                    format!("Ort {i}"),
                    lands[i % lands.len()],
                    50_000,
                    at,
                )
            })
            .collect()
    }

    fn run_of<'a>(problem: &'a Problem, options: &'a SolveOptions) -> Run<'a> {
        let mut run = Run::new(problem, &problem.blocks()[0], 0, options, Instant::now(), &|_| {});
        run.heuristic().unwrap();
        run
    }

    #[test]
    fn status_and_bound_follow_the_levels() {
        let mut l = Levels {
            penalty_bound: 2.0,
            penalty_proven: true,
            second_bound: 10.0,
            second_proven: true,
            exact_tried: true,
            interrupted: true,
        };
        assert_eq!(l.status(), Status::Optimal, "proof beats interruption");
        l.second_proven = false;
        assert_eq!(l.status(), Status::Interrupted);
        l.interrupted = false;
        assert_eq!(l.status(), Status::TimeLimit);
        l.exact_tried = false;
        assert_eq!(l.status(), Status::Heuristic);
        // A bound never claims less than the lineup in hand.
        assert_eq!(
            l.bound(1.0, 12.0),
            Bound {
                penalty: 1.0,
                spread: 12.0
            }
        );
        assert_eq!(
            l.bound(3.0, 8.0),
            Bound {
                penalty: 2.0,
                spread: 10.0
            }
        );
    }

    #[test]
    fn a_heuristic_lineup_that_meets_the_closed_form_bound_needs_no_exact_method() {
        // Twelve Länder, two clusters: no same-Land pair is needed, and the
        // dealt start has none.
        let p = Problem::new(towns(12, &Land::ALL[..12]), Settings::default()).unwrap();
        let o = SolveOptions::default().with_solver(SolverChoice::Heuristic);
        let mut run = run_of(&p, &o);
        let level1 = run.level1();
        assert_eq!(level1.bound, Some(0.0));
        assert!(level1.proven && !level1.exact, "{level1:?}");
        assert!(
            run.notes.iter().any(|n| n.key == "solver.level1_meets"),
            "{:?}",
            run.notes
        );
        let level2 = run.level2(level1.proven);
        assert!(!level2.exact && !level2.proven, "heuristic only: {level2:?}");
        let result = run.finish(level1, level2);
        assert_eq!(result.report.status, Status::Heuristic);
        assert!(result.report.penalty_proven);
        assert!(result.report.bound.spread >= result.report.spread);
    }

    #[test]
    fn pins_that_force_same_land_pairs_need_the_count_model() {
        // Four from Bayern, three of them pinned together: the closed-form
        // bound (2 pairs for 4 in 2 clusters) is below the true minimum (3).
        let others: Vec<Land> = Land::ALL.into_iter().filter(|&l| l != Land::BY).collect();
        let mut ms = towns(12, &others);
        for (i, m) in ms.iter_mut().enumerate().take(4) {
            m.land = Land::BY;
            if i < 3 {
                m.cluster = Some("A".into());
            }
        }
        let p = Problem::new(ms, Settings::default()).unwrap();
        let o = SolveOptions::default();
        let mut run = run_of(&p, &o);
        assert_eq!(run.level1_closed_form().bound, Some(2.0));
        assert!(!run.level1_closed_form().proven);
        let level1 = run.level1();
        assert!(level1.exact && level1.proven, "{level1:?}");
        assert_eq!(level1.bound, Some(3.0));
        assert!(
            run.notes
                .iter()
                .any(|n| n.to_string().contains("proven minimal (3)")),
            "{:?}",
            run.notes
        );
        let level2 = run.level2(level1.proven);
        let result = run.finish(level1, level2);
        assert_eq!(result.report.status, Status::Optimal, "{:?}", result.report.notes);
        assert_eq!(result.report.penalty, 3.0);
    }

    #[test]
    fn a_block_beyond_the_exact_reach_claims_no_exact_attempt() {
        // 130 towns of one class, mixed-class comparability: the columns'
        // reach (128 members) is exceeded, so no exact method runs and the
        // status may not say the clock stopped one.
        let p = Problem::new(
            towns(130, &Land::ALL[..8]),
            Settings::default().with_comparability(crate::Comparability::Adjacent),
        )
        .unwrap();
        let o = SolveOptions::default().with_time_limit(Duration::from_millis(300));
        let run = run_of(&p, &o);
        let step = run.level1_exact();
        assert!(!step.exact, "{step:?}");
        assert!(step.note.is_some_and(|n| n.to_string().contains("too large")));
    }

    #[test]
    fn a_block_cut_by_the_deadline_reports_time_limit_with_a_valid_bound() {
        let p = Problem::new(towns(20, &Land::ALL[..5]), Settings::default()).unwrap();
        let full = crate::solve::solve(
            &p,
            &SolveOptions::default().with_time_limit(Duration::from_secs(60)),
        )
        .unwrap();
        assert_eq!(full.status, Status::Optimal, "{:?}", full.blocks);
        let cut = crate::solve::solve(
            &p,
            &SolveOptions::default().with_time_limit(Duration::from_millis(1)),
        )
        .unwrap();
        assert_eq!(cut.status, Status::TimeLimit, "{:?}", cut.blocks);
        let (best_pen, best_spread) = full.verified.score.levels(&p.settings().weights());
        assert!(cut.bound.penalty <= best_pen + 1e-9, "{:?}", cut.bound);
        assert!(
            cut.bound.spread >= best_spread - 1e-9,
            "{:?} vs {best_spread}",
            cut.bound
        );
        assert!(cut.gap.value >= 0.0);
    }

    #[test]
    fn a_reserve_ends_the_heuristic_earlier_never_before_the_start() {
        // Without the reserve, the heuristic of a block ran until its share
        // of the limit, and the blocks still waiting for a thread, bounds and
        // verifying came on top (200 000 rows: 7.1 s for a 5 s limit).
        let p = Problem::new(towns(20, &Land::ALL[..5]), Settings::default()).unwrap();
        let options = SolveOptions::default().with_time_limit(Duration::from_secs(10));
        let start = Instant::now();
        let deadline = |reserve: Duration| {
            let Prepared(mut run) = prepare(&p, &p.blocks()[0], 0, &options, start, &|_| {});
            run.keep(reserve);
            run.params.deadline.unwrap()
        };
        let full = deadline(Duration::ZERO);
        assert_eq!(deadline(Duration::from_secs(1)), full - Duration::from_secs(1));
        assert_eq!(deadline(Duration::from_secs(3600)), start);
        // Past its deadline the heuristic still gives a verified lineup.
        let prepared = prepare(&p, &p.blocks()[0], 0, &options, start, &|_| {});
        let res = prepared.solve(Duration::from_secs(3600)).unwrap();
        assert_eq!(res.groups.len(), 20);
    }
}
