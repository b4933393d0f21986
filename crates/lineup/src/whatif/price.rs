//! The price of stability: when keeping baseline members in place makes the
//! objective clearly worse than the lineup without stability, a few other
//! stability settings are solved (measured, not guessed) and the one that
//! recovers most of the loss with the fewest moves is recommended.

use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::lineup::Lineup;
use crate::objective::{EPS, Lex, ObjectiveMode, Weights};
use crate::report::ObjectiveReport;
use crate::solve::{SolveOptions, evaluate};

use super::frontier::{assemble, frontier};
use super::plan::Plan;
use super::search::{BlockSearch, Bonus, search_block};

/// The penalty rise (lexicographic mode) from which stability costs much:
/// two pairs of the same Land or of mixed classes more than without it.
pub const COSTLY_PENALTY: f64 = 2.0;

/// The share of the second level (spread; the single value in weighted
/// mode) whose loss counts as much.
pub const COSTLY_SHARE: f64 = 0.1;

/// The share of the loss a setting must win back to be recommended.
pub const RECOVERS_MOST: f64 = 0.5;

/// Extra moves tried above those of the lineup found.
const EXTRA_MOVES: [usize; 4] = [1, 2, 4, 8];

/// Stability weights tried on the penalty level (lexicographic mode): the
/// number of same-Land pairs one moved member is worth.
const WEIGHTS: [f64; 4] = [2.0, 1.0, 0.5, 0.25];

/// A stability setting.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StabilitySetting {
    /// At most this many baseline members move.
    MaxMoves(usize),
    /// Each moved member costs this much.
    Weight(f64),
}

/// A stability setting tried, and what it gave (solved and verified).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The setting.
    pub setting: StabilitySetting,
    /// Baseline members it moves.
    pub moves: usize,
    /// Its lineup's objective.
    pub objective: ObjectiveReport,
    /// The share of stability's cost it wins back (0 to 1).
    pub recovered: f64,
}

/// What keeping members in place costs, when it costs much.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StabilityCost {
    /// Whether the loss is in the penalty (`true`) or in the second level
    /// (spread, or the single value in weighted mode).
    pub in_penalty: bool,
    /// The settings tried, fewest moves first (of settings that gave the
    /// same numbers, the first: a cap before a weight).
    pub tried: Vec<Recovery>,
    /// The index in `tried` of the recommendation: the fewest moves that
    /// win back at least half of the loss (`None`: no setting tried does).
    pub recommended: Option<usize>,
}

impl StabilityCost {
    /// The recommended setting, if any.
    pub fn recommendation(&self) -> Option<&Recovery> {
        self.recommended.and_then(|i| self.tried.get(i))
    }

    /// The setting tried that wins back most (fewest moves on ties).
    pub fn best_tried(&self) -> Option<&Recovery> {
        self.tried
            .iter()
            .reduce(|a, b| if b.recovered > a.recovered + 1e-9 { b } else { a })
    }
}

/// Whether stability costs much: the level it costs on (`Some(true)`:
/// the penalty), or `None`.
pub(crate) fn costly(after: &ObjectiveReport, free: &ObjectiveReport, w: &Weights) -> Option<bool> {
    let (a, f) = (value(after, w), value(free, w));
    if w.mode == ObjectiveMode::Lexicographic && f.first - a.first >= COSTLY_PENALTY - EPS {
        return Some(true);
    }
    let same_first = (f.first - a.first).abs() <= EPS;
    let loss = f.second - a.second;
    (same_first && loss > EPS && loss > COSTLY_SHARE * f.second.abs()).then_some(false)
}

fn value(o: &ObjectiveReport, w: &Weights) -> Lex {
    w.combine(o.penalty, o.spread)
}

/// The share of the loss from `free` to `after` that `cand` wins back.
fn recovered(
    cand: &ObjectiveReport,
    after: &ObjectiveReport,
    free: &ObjectiveReport,
    w: &Weights,
    in_penalty: bool,
) -> f64 {
    let (c, a, f) = (value(cand, w), value(after, w), value(free, w));
    let share = if in_penalty {
        (c.first - a.first) / (f.first - a.first)
    } else if c.first < a.first - EPS {
        0.0
    } else if c.first > a.first + EPS {
        1.0
    } else {
        (c.second - a.second) / (f.second - a.second)
    };
    share.clamp(0.0, 1.0)
}

/// Solves the candidate settings and picks the recommendation.
pub(crate) fn measure(
    plan: &Plan,
    moves: usize,
    after: &ObjectiveReport,
    free: &ObjectiveReport,
    in_penalty: bool,
    options: &SolveOptions,
    deadline: Instant,
) -> StabilityCost {
    let problem = &plan.problem;
    let w = problem.settings().weights();
    let members: usize = plan.home.iter().filter(|h| h.is_some()).count();
    let mut tried = Vec::new();
    let verified = |results: &[BlockSearch]| -> Option<(usize, ObjectiveReport)> {
        let lineup: Lineup = assemble(problem, results);
        let s = evaluate(problem, &lineup).ok()?;
        Some((
            results.iter().map(|r| r.moves).sum(),
            ObjectiveReport::from(&s.verified.score),
        ))
    };
    // Caps: one frontier up to the widest cap gives every narrower one.
    let widest = (moves + EXTRA_MOVES[EXTRA_MOVES.len() - 1]).min(members);
    if widest > moves {
        if let Ok((opts, best)) = frontier(plan, Bonus::Tiebreak, widest, options, deadline) {
            let mut caps: Vec<usize> = EXTRA_MOVES.iter().map(|d| (moves + d).min(members)).collect();
            caps.dedup();
            for cap in caps {
                let pick = best[..=cap]
                    .iter()
                    .flatten()
                    .reduce(|a, b| if b.0.cmp_tol(&a.0).is_gt() { b } else { a });
                let Some((_, picks)) = pick else { continue };
                let results: Vec<BlockSearch> = opts.iter().zip(picks).map(|(o, &i)| o[i].clone()).collect();
                if let Some((m, objective)) = verified(&results) {
                    tried.push((StabilitySetting::MaxMoves(cap), m, objective));
                }
            }
        }
    }
    // Weights trade moves against the penalty (lexicographic mode) or the
    // single value (weighted mode); a weight on the penalty cannot buy spread.
    let weights: Vec<f64> = match w.mode {
        ObjectiveMode::Lexicographic if in_penalty => WEIGHTS.to_vec(),
        ObjectiveMode::Weighted => {
            let loss = value(free, &w).second - value(after, &w).second;
            [1.0, 2.0, 4.0, 8.0].iter().map(|d| round2(loss / d)).collect()
        }
        _ => Vec::new(),
    };
    let nb = problem.blocks().len();
    let runs: Vec<(f64, Vec<BlockSearch>)> = weights
        .par_iter()
        .filter_map(|&x| {
            let results: Result<Vec<BlockSearch>, _> = (0..nb)
                .map(|b| search_block(plan, b, Bonus::Weight(x), None, options, deadline))
                .collect();
            results.ok().map(|r| (x, r))
        })
        .collect();
    for (x, results) in runs {
        if let Some((m, objective)) = verified(&results) {
            tried.push((StabilitySetting::Weight(x), m, objective));
        }
    }
    let mut tried: Vec<Recovery> = tried
        .into_iter()
        .map(|(setting, moves, objective)| Recovery {
            recovered: recovered(&objective, after, free, &w, in_penalty),
            setting,
            moves,
            objective,
        })
        .collect();
    // Fewest moves first; a cap before a weight of the same moves.
    tried.sort_by(|a, b| {
        a.moves
            .cmp(&b.moves)
            .then(b.recovered.total_cmp(&a.recovered))
            .then(is_weight(a).cmp(&is_weight(b)))
    });
    // Settings that gave the same lineup's numbers: the first (a cap) says it.
    let mut seen: Vec<(usize, u64, u64)> = Vec::new();
    tried.retain(|r| {
        let k = (
            r.moves,
            r.objective.penalty.to_bits(),
            r.objective.spread.to_bits(),
        );
        let new = !seen.contains(&k);
        seen.push(k);
        new
    });
    let recommended = tried.iter().position(|r| r.recovered >= RECOVERS_MOST);
    StabilityCost {
        in_penalty,
        tried,
        recommended,
    }
}

fn is_weight(r: &Recovery) -> bool {
    matches!(r.setting, StabilitySetting::Weight(_))
}

/// A weight to two significant decimals, never 0.
fn round2(x: f64) -> f64 {
    let r = (x * 100.0).round() / 100.0;
    if r > 0.0 { r } else { 0.01 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(penalty: f64, spread: f64) -> ObjectiveReport {
        ObjectiveReport {
            penalty,
            spread,
            same_state_pairs: 0,
            mixed_class_pairs: 0,
            non_bordering_pairs: 0,
            distance_km: 0.0,
            criteria_penalty: 0.0,
        }
    }

    #[test]
    fn much_is_two_pairs_or_a_tenth_of_the_spread() {
        let w = Weights::default();
        assert_eq!(costly(&obj(10.0, 50.0), &obj(1.0, 60.0), &w), Some(true));
        assert_eq!(costly(&obj(2.0, 50.0), &obj(1.0, 60.0), &w), None);
        assert_eq!(costly(&obj(1.0, 50.0), &obj(1.0, 60.0), &w), Some(false));
        assert_eq!(costly(&obj(1.0, 58.0), &obj(1.0, 60.0), &w), None);
        assert_eq!(costly(&obj(1.0, 60.0), &obj(1.0, 60.0), &w), None);
    }

    #[test]
    fn the_share_won_back_is_measured_on_the_level_that_lost() {
        let w = Weights::default();
        let (after, free) = (obj(10.0, 50.0), obj(1.0, 60.0));
        assert!((recovered(&obj(4.0, 0.0), &after, &free, &w, true) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(recovered(&obj(12.0, 99.0), &after, &free, &w, true), 0.0);
        let (after, free) = (obj(1.0, 50.0), obj(1.0, 60.0));
        assert!((recovered(&obj(1.0, 55.0), &after, &free, &w, false) - 0.5).abs() < 1e-9);
        assert_eq!(recovered(&obj(2.0, 60.0), &after, &free, &w, false), 0.0);
    }
}
