//! The capped search's frontier: per block, the best lineup for every
//! budget of moves, and per total of moves the best split over the blocks;
//! and the lineup that a block search's results make.

use std::time::Instant;

use rayon::prelude::*;

use crate::lineup::{Cluster, Lineup};
use crate::messages::note::Note;
use crate::objective::Lex;
use crate::problem::{Infeasibility, Problem};
use crate::solve::{SolveError, SolveOptions};
use crate::suggestion::Suggestion;

use super::plan::Plan;
use super::search::{self, BlockSearch, Bonus, search_block};

/// The lineup of the blocks' results, in the problem's cluster slots.
pub(crate) fn assemble(problem: &Problem, results: &[BlockSearch]) -> Lineup {
    let mut lineup = Lineup::default();
    for (block, r) in problem.blocks().iter().zip(results) {
        let mut by = vec![Vec::new(); block.clusters];
        for (x, &g) in r.groups.iter().enumerate() {
            by[g].push(block.members[x]);
        }
        lineup.clusters.extend(
            by.into_iter()
                .zip(&block.cluster_ids)
                .map(|(members, id)| Cluster {
                    id: id.clone(),
                    members,
                }),
        );
    }
    lineup
}

/// The lineups per block and per total of moves.
type Frontier = (Vec<Vec<BlockSearch>>, Vec<Option<(Lex, Vec<usize>)>>);

/// Searches every block under a shared cap on moves: each block is solved
/// for every budget from the fewest moves it needs up to what it would use
/// with the whole spare budget, then the budgets are split to maximise the
/// total objective (a small knapsack over the blocks). Returns each block's
/// searches and, per total `u` of moves (`0..=cap`), the best value and the
/// search picked per block.
pub(crate) fn frontier(
    plan: &Plan,
    bonus: Bonus,
    cap: usize,
    options: &SolveOptions,
    deadline: Instant,
) -> Result<Frontier, SolveError> {
    let nb = plan.problem.blocks().len();
    let needs: Vec<usize> = (0..nb).map(|b| search::lower_bound_of(plan, b)).collect();
    let total: usize = needs.iter().sum();
    if total > cap {
        let key = if total == 1 {
            "infeasible.moves.one"
        } else {
            "infeasible.moves"
        };
        let note = Note::new(key, &[("needed", total.to_string()), ("cap", cap.to_string())]);
        return Err(SolveError::Infeasible(Infeasibility::noted(
            note,
            vec![Suggestion::MaxMoves(total), Suggestion::NoMaxMoves],
        )));
    }
    let spare = cap - total;
    // With the whole spare budget, how many moves does each block use?
    let widest: Vec<BlockSearch> = (0..nb)
        .into_par_iter()
        .map(|b| search_block(plan, b, bonus, Some(needs[b] + spare), options, deadline))
        .collect::<Result<_, _>>()?;
    let jobs: Vec<(usize, usize)> = (0..nb)
        .flat_map(|b| (needs[b]..widest[b].moves.max(needs[b])).map(move |c| (b, c)))
        .collect();
    let narrower: Vec<(usize, BlockSearch)> = jobs
        .par_iter()
        .map(|&(b, c)| search_block(plan, b, bonus, Some(c), options, deadline).map(|r| (b, r)))
        .collect::<Result<_, _>>()?;
    let mut options_of: Vec<Vec<BlockSearch>> = (0..nb).map(|_| Vec::new()).collect();
    for (b, r) in narrower {
        options_of[b].push(r);
    }
    for (b, r) in widest.into_iter().enumerate() {
        options_of[b].push(r);
    }
    // best[u] = (value, choice per block) using at most u moves in total.
    let mut best: Vec<Option<(Lex, Vec<usize>)>> = vec![Some((Lex::ZERO, Vec::new())); cap + 1];
    for opts in &options_of {
        let mut next: Vec<Option<(Lex, Vec<usize>)>> = vec![None; cap + 1];
        for u in 0..=cap {
            let Some((v, picks)) = &best[u] else { continue };
            for (i, r) in opts.iter().enumerate() {
                let t = u + r.moves;
                if t > cap {
                    continue;
                }
                let value = *v + r.value;
                if next[t].as_ref().is_none_or(|(nv, _)| value.cmp_tol(nv).is_gt()) {
                    let mut p = picks.clone();
                    p.push(i);
                    next[t] = Some((value, p));
                }
            }
        }
        best = next;
    }
    Ok((options_of, best))
}
