//! Tabu search over relocations and swaps: each iteration applies the best
//! admissible move (even a worsening one); items that moved may not move
//! again for a random tenure unless the move gives a new best solution
//! (aspiration). The search ends after `stall` iterations without a new best
//! and returns to the best solution it saw.
//!
//! The best move of every block (pair of groups, see
//! [`local_search`](super::local_search)) is cached: a move between groups
//! `a` and `b` changes the gains of the blocks that contain `a` or `b` only;
//! every other block keeps its cached best move. An iteration therefore
//! rescans about `2·groups` blocks instead of all `groups²/2`. When a tenure
//! ends, the blocks of the item are not rescanned at once (its moves become
//! visible with the next move that touches its group, mostly within a few
//! iterations), which halves the work of an iteration.

use std::time::Instant;

use super::instance::PairWeights;
use super::local_search::{Lists, Move, Scratch, UndoLog, apply, fill_gains, needs_checks, undo};
use super::rng::Rng;
use super::state::State;
use super::value::Value;

/// Knobs of the tabu search.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TabuParams {
    /// Stop after this many iterations without a new best solution.
    pub stall: usize,
    /// Stop after this many iterations in all.
    pub max_iterations: usize,
    /// Tenure: an item that moved stays put for `tenure.0 + rand(0..tenure.1)` iterations.
    pub tenure: (usize, usize),
}

/// The best moves of one block: the best admissible (not tabu) move, whatever
/// its gain, and the best improving tabu move (for aspiration).
#[derive(Clone, Copy, Debug)]
struct BlockBest<V> {
    free: Option<(V, Move)>,
    tabu: Option<(V, Move)>,
}

fn beats<V: Value>(g: V, best: &Option<(V, Move)>) -> bool {
    best.as_ref().is_none_or(|(b, _)| (g - *b).is_gain())
}

/// Evaluates block (a, b) for the tabu search.
#[allow(clippy::too_many_arguments)]
fn eval_block<W: PairWeights>(
    s: &State<'_, W>,
    lists: &Lists<W::V>,
    a: usize,
    b: usize,
    scratch: &mut Scratch<W::V>,
    checks: bool,
    floor: W::V,
    is_tabu: &dyn Fn(usize) -> bool,
) -> BlockBest<W::V> {
    let mut out = BlockBest {
        free: None,
        tabu: None,
    };
    let (la, lb) = (&lists.of[a], &lists.of[b]);
    if la.is_empty() && lb.is_empty() {
        return out;
    }
    fill_gains(s, lists, a, b, scratch);
    let (alpha, beta) = (&scratch.alpha, &scratch.beta);
    let zero = W::V::default();
    let consider = |g: W::V, tabu: bool, mv: Move, out: &mut BlockBest<W::V>| {
        if tabu {
            if g.is_gain() && beats(g, &out.tabu) {
                let ok = match mv {
                    Move::Relocate(u, h) => !checks || s.can_relocate(u, h),
                    Move::Swap(u, v) => !checks || s.can_swap(u, v),
                };
                if ok {
                    out.tabu = Some((g, mv));
                }
            }
        } else if beats(g, &out.free) {
            let ok = match mv {
                Move::Relocate(u, h) => !checks || s.can_relocate(u, h),
                Move::Swap(u, v) => !checks || s.can_swap(u, v),
            };
            if ok {
                out.free = Some((g, mv));
            }
        }
    };
    let (sa, sb) = (s.size[a], s.size[b]);
    let (ba, bb) = (s.bounds[a], s.bounds[b]);
    if sa > ba.0 && sb < bb.1 {
        for (&u, &g) in la.iter().zip(alpha.iter()) {
            let u = u as usize;
            consider(g, is_tabu(u), Move::Relocate(u, b), &mut out);
        }
    }
    if sb > bb.0 && sa < ba.1 {
        for (&v, &g) in lb.iter().zip(beta.iter()) {
            let v = v as usize;
            consider(g, is_tabu(v), Move::Relocate(v, a), &mut out);
        }
    }
    let Some(&b0) = beta.first() else {
        return out;
    };
    let top_beta = beta.iter().fold(b0, |m, &b| m.max_each(b));
    let slack = top_beta - floor - floor;
    // A pair can matter if it beats the free best, or is an improving tabu
    // move that beats the tabu best.
    let threshold = |out: &BlockBest<W::V>| -> Option<W::V> {
        let f = out.free.map(|x| x.0)?;
        let t = out.tabu.map_or(zero, |x| x.0.max_each(zero));
        Some(if (f - t).is_gain() { t } else { f })
    };
    // The most promising row first, so that a threshold exists early.
    let first = alpha.iter().enumerate().fold(
        0,
        |bi, (i, a)| if a.total_cmp(&alpha[bi]).is_gt() { i } else { bi },
    );
    let rows = std::iter::once(first).chain((0..la.len()).filter(|&i| i != first));
    for i in rows {
        let (u, au) = (la[i] as usize, alpha[i]);
        let thr = threshold(&out);
        let row = s.w.row(u);
        if let Some(t) = thr {
            if !(au + slack - t).is_gain() {
                continue;
            }
            // A cheap pass: does any pair of the row beat the threshold?
            if let Some(wu) = row {
                let base = au - t;
                let hit = lb.iter().zip(beta.iter()).fold(false, |hit, (&v, &bv)| {
                    let w = wu[v as usize];
                    hit | (base + bv - w - w).is_gain()
                });
                if !hit {
                    continue;
                }
            }
        }
        let tu = is_tabu(u);
        for (&v, &bv) in lb.iter().zip(beta.iter()) {
            let v = v as usize;
            let w = match row {
                Some(wu) => wu[v],
                None => s.w.weight(u, v),
            };
            let g = au + bv - w - w;
            consider(g, tu || is_tabu(v), Move::Swap(u, v), &mut out);
        }
    }
    out
}

/// What a tabu search did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TabuOutcome {
    /// Whether it ended better than it started.
    pub improved: bool,
    /// Iterations (moves) made.
    pub iterations: usize,
}

/// Runs the tabu search from the current state of `s`; ends in the best
/// solution seen.
pub fn search<W: PairWeights>(
    s: &mut State<'_, W>,
    free: &[usize],
    rng: &mut Rng,
    params: &TabuParams,
    deadline: Option<Instant>,
) -> TabuOutcome {
    let m = s.m;
    if m < 2 || free.len() < 2 {
        return TabuOutcome {
            improved: false,
            iterations: 0,
        };
    }
    let checks = needs_checks(s);
    let floor = s.weight_floor();
    let mut lists = Lists::new(s, free);
    let mut scratch = Scratch::default();
    let nb = m * m;
    let mut cache: Vec<BlockBest<W::V>> = vec![
        BlockBest {
            free: None,
            tabu: None
        };
        nb
    ];
    let mut changed = vec![1u64; m];
    let mut seen = vec![0u64; nb];
    let mut clock = 1u64;
    // tabu_until[u]: first iteration at which `u` may move again.
    let mut tabu_until = vec![0u64; s.k];
    let start_value = s.value;
    let mut best_value = s.value;
    let mut log = UndoLog::new();
    let mut since_best = 0usize;
    let mut iter = 0u64;
    while (iter as usize) < params.max_iterations && since_best < params.stall {
        if iter % 32 == 31 && deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let is_tabu = |u: usize| tabu_until[u] > iter;
        let mut choice: Option<(W::V, Move)> = None;
        for a in 0..m {
            for b in a + 1..m {
                let i = a * m + b;
                if seen[i] < changed[a].max(changed[b]) {
                    cache[i] = eval_block(s, &lists, a, b, &mut scratch, checks, floor, &is_tabu);
                    seen[i] = clock;
                }
                let c = cache[i];
                if let Some((g, mv)) = c.free {
                    if beats(g, &choice) {
                        choice = Some((g, mv));
                    }
                }
                if let Some((g, mv)) = c.tabu {
                    // Tenures end without a rescan of the block: a cached
                    // tabu move whose items are free again counts as free.
                    let still = match mv {
                        Move::Relocate(u, _) => is_tabu(u),
                        Move::Swap(u, v) => is_tabu(u) || is_tabu(v),
                    };
                    if (!still || (s.value + g - best_value).is_gain()) && beats(g, &choice) {
                        choice = Some((g, mv));
                    }
                }
            }
        }
        let Some((_, mv)) = choice else { break };
        let (g, h) = apply(s, &mut lists, mv, &mut Some(&mut log));
        clock += 1;
        changed[g] = clock;
        changed[h] = clock;
        iter += 1;
        let mut set_tabu = |u: usize, rng: &mut Rng| {
            let t = params.tenure.0
                + if params.tenure.1 > 0 {
                    rng.below(params.tenure.1 + 1)
                } else {
                    0
                };
            tabu_until[u] = iter + t as u64;
        };
        match mv {
            Move::Relocate(u, _) => set_tabu(u, rng),
            Move::Swap(u, v) => {
                set_tabu(u, rng);
                set_tabu(v, rng);
            }
        }
        if (s.value - best_value).is_gain() {
            best_value = s.value;
            log.clear();
            since_best = 0;
        } else {
            since_best += 1;
        }
    }
    undo(s, &mut log);
    TabuOutcome {
        improved: (best_value - start_value).is_gain(),
        iterations: iter as usize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::construct::{Pick, construct};
    use crate::engine::instance::{DenseWeights, Instance};
    use crate::engine::items::{ItemWeights, Items};
    use crate::engine::local_search::descend;

    #[test]
    fn tabu_search_ends_in_its_best_solution_with_the_true_value() {
        for case in 0..20u64 {
            let mut rng = Rng::new(case, 7);
            let n = 10 + rng.below(40);
            let m = 2 + rng.below(6);
            let w = DenseWeights::from_fn(n, |i, j| ((i * 31 + j * 17 + case as usize * 5) % 23) as f64);
            let lo = (n / m).saturating_sub(1);
            let hi = n / m + 1 + rng.below(2);
            let mut inst = Instance::new(w, vec![(lo, hi); m]);
            if case % 3 == 1 {
                inst.rules.cannot_link = vec![(0, 1), (2, 3)];
                inst.rules.must_link = vec![(4, 5)];
                inst.rules.pinned = vec![(6, 0)];
            }
            let items = Items::build(&inst).unwrap();
            let iw = ItemWeights::new(&inst, &items);
            let mut s = State::empty(&inst, &items, &iw);
            assert!(construct(&mut s, &mut rng, Pick::Random, None, None));
            let free: Vec<usize> = (0..s.k).filter(|&u| items.pinned[u].is_none()).collect();
            let is_free: Vec<bool> = (0..s.k).map(|u| items.pinned[u].is_none()).collect();
            descend(&mut s, &free, &is_free, None, None);
            let local = s.value;
            let p = TabuParams {
                stall: 200,
                max_iterations: 2_000,
                tenure: (3, 4),
            };
            search(&mut s, &free, &mut rng, &p, None);
            assert!(s.value >= local - 1e-9, "case {case}: tabu search lost value");
            assert_eq!(inst.check(&s.element_groups()), Ok(()), "case {case}");
            let mut fresh = s.clone();
            fresh.load(&s.group);
            assert!((fresh.value - s.value).abs() < 1e-6, "case {case}: value drifted");
        }
    }

    #[test]
    fn tabu_search_finds_the_optimum_of_small_instances() {
        // 12 points on a line in 3 groups of 4: the optimum puts one point of
        // each quarter of the line into every group.
        let w = DenseWeights::from_fn(12, |i, j| (i as f64 - j as f64).abs());
        let inst = Instance::new(w, vec![(4, 4); 3]);
        let items = Items::build(&inst).unwrap();
        let iw = ItemWeights::new(&inst, &items);
        let mut s = State::empty(&inst, &items, &iw);
        s.load(&[0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
        let free: Vec<usize> = (0..12).collect();
        let mut rng = Rng::new(1, 1);
        let p = TabuParams {
            stall: 500,
            max_iterations: 5_000,
            tenure: (2, 3),
        };
        search(&mut s, &free, &mut rng, &p, None);
        // Brute force over all balanced assignments.
        let mut best = 0.0f64;
        let mut g = [0usize; 12];
        for code in 0..3usize.pow(12) {
            let mut c = code;
            let mut size = [0; 3];
            for x in g.iter_mut() {
                *x = c % 3;
                size[*x] += 1;
                c /= 3;
            }
            if size == [4, 4, 4] {
                best = best.max(inst.evaluate(&g));
            }
        }
        assert!((s.value - best).abs() < 1e-9, "{} vs {best}", s.value);
    }
}
