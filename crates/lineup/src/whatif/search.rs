//! The search for one block of a what-if: the grouping engine with every
//! baseline member's cluster as its home, a bonus for staying there (huge
//! for "fewest moves first", the given weight for the soft trade-off) and
//! an optional cap on members away from home.

use std::time::Instant;

use crate::engine::{self, Affinity, Instance, PairWeights, SearchParams};
use crate::messages::note::Note;
use crate::objective::{Lex, ObjectiveMode};
use crate::problem::Infeasibility;
use crate::problem::Problem;
use crate::solve::SolveError;
use crate::solve::SolveOptions;
use crate::solve::block::{BlockModel, DENSE_LIMIT};
use crate::suggestion::Suggestion;

use super::plan::Plan;

/// How staying at home counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Bonus {
    /// Moves first: staying is worth more than any objective difference.
    FewestMoves,
    /// Each member at home is worth this much (soft trade-off).
    Weight(f64),
    /// A hard cap only: staying is worth a hair, so that among equally good
    /// lineups the one with fewer moves wins.
    Tiebreak,
}

/// The result of one block.
#[derive(Clone)]
pub(crate) struct BlockSearch {
    /// Local member → group.
    pub groups: Vec<usize>,
    /// Baseline members of this block not in their baseline cluster.
    pub moves: usize,
    /// Fewest moves any lineup of this block needs (closed form).
    pub lower_bound: usize,
    /// Whether the clock cut the search short.
    pub cut: bool,
    /// The objective value of the block (without any stability bonus).
    pub value: Lex,
}

/// Per member of block `b`: its home group in the block, and whether its
/// baseline cluster continues elsewhere or not at all (a forced move).
fn homes(plan: &Plan, b: usize, members: &[usize]) -> (Vec<Option<usize>>, usize) {
    let mut forced = 0;
    let home = members
        .iter()
        .map(|&i| {
            let c = plan.home[i]?;
            match plan.slot_of(c) {
                Some((bb, g)) if bb == b => Some(g),
                _ => {
                    forced += 1;
                    None
                }
            }
        })
        .collect();
    (home, forced)
}

/// Fewest moves of a block, ignoring every rule but the sizes: members whose
/// cluster is gone elsewhere move; over-full clusters shed members; clusters
/// below the minimum take joiners and shed members first, and further
/// members otherwise.
pub(crate) fn moves_lower_bound(
    home: &[Option<usize>],
    forced: usize,
    k: usize,
    min: usize,
    max: usize,
) -> usize {
    let mut at = vec![0usize; k];
    let mut unhomed = 0;
    for h in home {
        match h {
            Some(g) => at[*g] += 1,
            None => unhomed += 1,
        }
    }
    let excess: usize = at.iter().map(|&h| h.saturating_sub(max)).sum();
    let deficit: usize = at.iter().map(|&h| min.saturating_sub(h)).sum();
    // `unhomed` includes the forced movers.
    forced + excess + deficit.saturating_sub(unhomed + excess)
}

/// The fewest moves block `b` of the plan needs (closed form).
pub(crate) fn lower_bound_of(plan: &Plan, b: usize) -> usize {
    let block = &plan.problem.blocks()[b];
    let (home, forced) = homes(plan, b, &block.members);
    let size = plan.problem.settings().cluster_size();
    moves_lower_bound(&home, forced, block.clusters, size.min, size.max)
}

/// A start that keeps every member at home where sizes allow, then fills
/// the clusters below their minimum, then the ones with most room.
fn start<W: PairWeights>(inst: &Instance<W>, home: &[Option<usize>]) -> Option<Vec<usize>> {
    let k = inst.groups();
    let mut group: Vec<Option<usize>> = vec![None; home.len()];
    let mut size = vec![0usize; k];
    for &(x, g) in &inst.rules.pinned {
        group[x] = Some(g);
        size[g] += 1;
    }
    for (x, h) in home.iter().enumerate() {
        if let (None, Some(g)) = (group[x], h) {
            if size[*g] < inst.bounds[*g].1 {
                group[x] = Some(*g);
                size[*g] += 1;
            }
        }
    }
    for x in 0..home.len() {
        if group[x].is_some() {
            continue;
        }
        let g = (0..k).filter(|&g| size[g] < inst.bounds[g].1).max_by_key(|&g| {
            (
                size[g] < inst.bounds[g].0,
                inst.bounds[g].1 - size[g],
                std::cmp::Reverse(g),
            )
        })?;
        group[x] = Some(g);
        size[g] += 1;
    }
    let groups: Vec<usize> = group.into_iter().collect::<Option<_>>()?;
    inst.check(&groups).is_ok().then_some(groups)
}

/// Searches block `b` of the plan's problem.
pub(crate) fn search_block(
    plan: &Plan,
    b: usize,
    bonus: Bonus,
    cap: Option<usize>,
    options: &SolveOptions,
    deadline: Instant,
) -> Result<BlockSearch, SolveError> {
    let problem: &Problem = &plan.problem;
    let block = &problem.blocks()[b];
    let model = BlockModel::new(problem, block);
    let (home, forced) = homes(plan, b, &model.members);
    let size = model.size;
    let lower_bound = moves_lower_bound(&home, forced, model.clusters, size.min, size.max);
    if let Some(c) = cap {
        if c < lower_bound {
            let key = if lower_bound == 1 {
                "infeasible.block_moves.one"
            } else {
                "infeasible.block_moves"
            };
            let note = Note::new(
                key,
                &[
                    ("block", block.name.clone()),
                    ("needed", lower_bound.to_string()),
                    ("cap", c.to_string()),
                ],
            );
            return Err(SolveError::Infeasible(Infeasibility::noted(
                note,
                vec![Suggestion::MaxMoves(lower_bound), Suggestion::NoMaxMoves],
            )));
        }
    }
    let w = problem.settings().weights();
    let weighted = w.mode == ObjectiveMode::Weighted;
    let bonus = match bonus {
        Bonus::FewestMoves if weighted => Lex::new(1.0, 0.0),
        Bonus::FewestMoves => {
            // More than the largest possible penalty of the block.
            let pairs = model.len() * size.max.saturating_sub(1) / 2;
            let criteria: f64 = model.weights.criteria.iter().map(|c| c.weight).sum();
            Lex::new(pairs as f64 * (w.same_land + w.mixed_class + criteria) + 1.0, 0.0)
        }
        Bonus::Weight(x) if weighted => Lex::new(0.0, x),
        Bonus::Weight(x) => Lex::new(x, 0.0),
        // Just above the engine's tolerance on the second level.
        Bonus::Tiebreak => Lex::new(0.0, 10.0 * crate::objective::EPS),
    };
    let affinity = Affinity {
        home: home.clone(),
        bonus,
        max_away: cap.map(|c| c - forced),
    };
    let params = SearchParams {
        runs: options.runs(),
        generations: Some(options.generations()),
        seed: options.seed() ^ (b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        deadline: Some(deadline),
        start: None,
        schedule: engine::Schedule::default(),
        cancel: options.cancel_token().cloned(),
    };
    fn run<W: PairWeights<V = Lex>>(
        mut inst: Instance<W>,
        affinity: Affinity<Lex>,
        home: &[Option<usize>],
        mut params: SearchParams,
    ) -> Result<Option<engine::Outcome<Lex>>, engine::RuleConflict> {
        inst.affinity = Some(affinity);
        params.start = start(&inst, home);
        engine::solve(&inst, &params)
    }
    let outcome = if model.len() <= DENSE_LIMIT {
        run(model.dense_instance(), affinity, &home, params)
    } else {
        run(model.instance(), affinity, &home, params)
    }
    .map_err(|e| {
        SolveError::Infeasible(Infeasibility::noted(
            Note::new(
                "infeasible.rules_contradict",
                &[("block", block.name.clone()), ("detail", e.to_string())],
            ),
            vec![Suggestion::RemoveLinkOrPin],
        ))
    })?;
    let Some(found) = outcome else {
        return Err(SolveError::NotFound {
            detail: format!(
                "{}: {} members, {} clusters{}",
                block.name,
                model.len(),
                model.clusters,
                cap.map_or(String::new(), |c| format!(", at most {c} moves"))
            ),
        });
    };
    let moves = forced
        + home
            .iter()
            .zip(&found.groups)
            .filter(|(h, g)| h.is_some_and(|h| h != **g))
            .count();
    let (pen, spr) = model.terms_of(&found.groups);
    Ok(BlockSearch {
        value: w.combine(pen, spr),
        groups: found.groups,
        moves,
        lower_bound,
        cut: found.cut_by_time,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_bound_counts_forced_excess_and_deficit() {
        // Two clusters of 6..7: one kept 6, one fell to 3; no joiners.
        let home = [[Some(0); 6].as_slice(), &[Some(1); 3]].concat();
        assert_eq!(moves_lower_bound(&home, 0, 2, 6, 7), 3);
        // Three joiners fill the gap: no moves.
        let mut with = home.clone();
        with.extend([None; 3]);
        assert_eq!(moves_lower_bound(&with, 0, 2, 6, 7), 0);
        // A forced mover counts and also fills.
        assert_eq!(moves_lower_bound(&[home, vec![None]].concat(), 1, 2, 6, 7), 3);
    }
}
