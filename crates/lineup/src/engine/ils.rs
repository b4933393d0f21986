//! Iterated local search on a single solution, for instances too large for
//! a population: random walk, climb, keep if not worse, else undo the moves.

use super::construct::{Pick, construct};
use super::instance::PairWeights;
use super::local_search::{UndoLog, descend, undo};
use super::memetic::{Budget, RunResult, Start};
use super::perturb::undirected;
use super::rng::Rng;
use super::state::State;
use super::value::Value;

/// Runs iterated local search; `None` if no feasible start was built.
pub fn run<W: PairWeights>(
    s: &mut State<'_, W>,
    rng: &mut Rng,
    budget: &Budget,
    start: Start<'_>,
) -> Option<RunResult<W::V>> {
    let free: Vec<usize> = (0..s.k).filter(|&u| s.items.pinned[u].is_none()).collect();
    let is_free: Vec<bool> = (0..s.k).map(|u| s.items.pinned[u].is_none()).collect();
    let deadline = budget.deadline();
    match start.initial {
        Some(init) => s.load(init),
        None => {
            s.clear();
            if !construct(s, rng, Pick::Greedy, start.quotas, start.attr) {
                return None;
            }
        }
    }
    let mut stopped = !descend(s, &free, &is_free, None, deadline);
    let mut best_value = s.value;
    let mut best_groups = s.group.clone();
    let mut time_to_best = budget.started.elapsed();
    let max_strength = (free.len() / 8).max(2);
    let mut log = UndoLog::new();
    let mut generation = 0;
    let mut cut = false;
    loop {
        // Generations first: a completed budget is no cut (see `memetic::run`).
        if budget.generations.is_some_and(|g| generation >= g) {
            break;
        }
        if budget.timed_out() {
            cut = true;
            break;
        }
        if budget.progress(generation) >= 1.0 {
            cut = true;
            break;
        }
        generation += 1;
        log.clear();
        let strength = 2 + rng.below(max_strength - 1);
        undirected(s, rng, &free, strength, Some(&mut log));
        stopped |= !descend(s, &free, &is_free, Some(&mut log), deadline);
        match s.value.cmp_tol(&best_value) {
            std::cmp::Ordering::Greater => {
                best_value = s.value;
                best_groups.copy_from_slice(&s.group);
                time_to_best = budget.started.elapsed();
            }
            std::cmp::Ordering::Equal => {}
            std::cmp::Ordering::Less => undo(s, &mut log),
        }
    }
    Some(RunResult {
        groups: best_groups,
        value: best_value,
        cut_by_time: cut || stopped,
        generations: generation,
        time_to_best,
        island: 0,
    })
}
