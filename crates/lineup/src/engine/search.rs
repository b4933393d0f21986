//! Local search (relocate and swap moves, best move per item) and iterated
//! local search with random perturbation and undo.

use std::time::Instant;

use super::instance::PairWeights;
use super::rng::Rng;
use super::state::State;
use super::value::Value;

/// A log of `(item, previous group)` for undoing moves.
pub type UndoLog = Vec<(usize, usize)>;

fn log_relocate<W: PairWeights>(s: &mut State<'_, W>, log: &mut UndoLog, u: usize, h: usize) {
    log.push((u, s.group[u]));
    s.relocate(u, h);
}

fn log_swap<W: PairWeights>(s: &mut State<'_, W>, log: &mut UndoLog, u: usize, v: usize) {
    log.push((u, s.group[u]));
    log.push((v, s.group[v]));
    s.swap(u, v);
}

/// Undoes logged moves, newest first.
pub fn undo<W: PairWeights>(s: &mut State<'_, W>, log: &mut UndoLog) {
    while let Some((u, g)) = log.pop() {
        s.relocate(u, g);
    }
}

/// Improves until no relocate or swap move gains; returns the moves applied.
pub fn descend<W: PairWeights>(s: &mut State<'_, W>, rng: &mut Rng, log: &mut UndoLog) -> usize {
    let k = s.items.len();
    let mut order: Vec<usize> = (0..k).filter(|&u| s.items.pinned[u].is_none()).collect();
    rng.shuffle(&mut order);
    let mut moves = 0;
    loop {
        let mut improved = false;
        for &u in &order {
            let g = s.group[u];
            let mut best: Option<(W::V, usize, bool)> = None;
            for h in 0..s.m {
                if h != g && s.can_relocate(u, h) {
                    let d = s.relocate_gain(u, h);
                    if d.is_gain() && best.is_none_or(|b| d.cmp_tol(&b.0).is_gt()) {
                        best = Some((d, h, false));
                    }
                }
            }
            for &v in &order {
                if s.group[v] != g {
                    let d = s.swap_gain(u, v);
                    if d.is_gain() && best.is_none_or(|b| d.cmp_tol(&b.0).is_gt()) && s.can_swap(u, v) {
                        best = Some((d, v, true));
                    }
                }
            }
            if let Some((_, t, is_swap)) = best {
                if is_swap {
                    log_swap(s, log, u, t);
                } else {
                    log_relocate(s, log, u, t);
                }
                moves += 1;
                improved = true;
            }
        }
        if !improved {
            return moves;
        }
    }
}

/// Applies `strength` random feasible moves (swaps, or relocations where a
/// swap is not possible).
pub fn perturb<W: PairWeights>(s: &mut State<'_, W>, rng: &mut Rng, strength: usize, log: &mut UndoLog) {
    let free: Vec<usize> = (0..s.items.len())
        .filter(|&u| s.items.pinned[u].is_none())
        .collect();
    if free.len() < 2 {
        return;
    }
    let mut done = 0;
    let mut tries = 0;
    while done < strength && tries < strength * 20 {
        tries += 1;
        let u = free[rng.below(free.len())];
        let v = free[rng.below(free.len())];
        if s.group[u] != s.group[v] && s.can_swap(u, v) {
            log_swap(s, log, u, v);
            done += 1;
        } else {
            let h = rng.below(s.m);
            if s.can_relocate(u, h) {
                log_relocate(s, log, u, h);
                done += 1;
            }
        }
    }
}

/// Result of one search run.
#[derive(Clone, Debug)]
pub struct RunResult<V> {
    /// Best element → group assignment found.
    pub groups: Vec<usize>,
    /// Its incremental value (pairs of different items).
    pub value: V,
    /// Whether the deadline stopped the run.
    pub cut_by_time: bool,
    /// Perturbation rounds done.
    pub iterations: usize,
}

/// Iterated local search from the current (feasible) state.
pub fn iterated_local_search<W: PairWeights>(
    s: &mut State<'_, W>,
    rng: &mut Rng,
    iterations: usize,
    deadline: Option<Instant>,
) -> RunResult<W::V> {
    let mut log = UndoLog::new();
    descend(s, rng, &mut log);
    log.clear();
    let free = s.items.pinned.iter().filter(|p| p.is_none()).count();
    let max_strength = (free / 8).max(2);
    let mut best_value = s.value;
    let mut best_groups = s.element_groups();
    let mut cut = false;
    let mut done = 0;
    for _ in 0..iterations {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            cut = true;
            break;
        }
        done += 1;
        let strength = 2 + rng.below(max_strength - 1);
        perturb(s, rng, strength, &mut log);
        descend(s, rng, &mut log);
        match s.value.cmp_tol(&best_value) {
            std::cmp::Ordering::Greater => {
                best_value = s.value;
                best_groups = s.element_groups();
                log.clear();
            }
            std::cmp::Ordering::Equal => log.clear(),
            std::cmp::Ordering::Less => undo(s, &mut log),
        }
    }
    RunResult {
        groups: best_groups,
        value: best_value,
        cut_by_time: cut,
        iterations: done,
    }
}
