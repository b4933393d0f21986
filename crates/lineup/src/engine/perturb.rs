//! Perturbations that push a local optimum out of its basin.
//!
//! * Undirected: random feasible relocations and swaps.
//! * Directed: every group gives up its least connected item; the freed
//!   items are reinserted greedily where their average connection is highest
//!   (groups below their lower bound first).

use super::instance::PairWeights;
use super::local_search::UndoLog;
use super::rng::Rng;
use super::state::{State, UNPLACED};
use super::value::Value;

/// Applies `strength` random feasible moves, chosen like a uniformly random
/// neighbour among relocations and swaps.
pub fn undirected<W: PairWeights>(
    s: &mut State<'_, W>,
    rng: &mut Rng,
    free: &[usize],
    strength: usize,
    mut log: Option<&mut UndoLog>,
) {
    if free.len() < 2 {
        return;
    }
    let n = free.len();
    let relocations = n * s.m;
    let swaps = n * (n - 1) / 2;
    let mut done = 0;
    let mut tries = 0;
    while done < strength && tries < strength * 30 {
        tries += 1;
        if rng.below(relocations + swaps) < relocations {
            let u = free[rng.below(n)];
            let h = rng.below(s.m);
            if s.can_relocate(u, h) {
                if let Some(l) = log.as_deref_mut() {
                    l.push((u, s.group[u]));
                }
                s.relocate(u, h);
                done += 1;
            }
        } else {
            let u = free[rng.below(n)];
            let v = free[rng.below(n)];
            if s.group[u] != s.group[v] && s.can_swap(u, v) {
                if let Some(l) = log.as_deref_mut() {
                    l.push((u, s.group[u]));
                    l.push((v, s.group[v]));
                }
                s.swap(u, v);
                done += 1;
            }
        }
    }
}

/// One round of directed perturbation; returns false (state unchanged) if
/// the freed items could not all be reinserted.
pub fn directed<W: PairWeights>(s: &mut State<'_, W>, rng: &mut Rng) -> bool {
    let before: Vec<usize> = s.group.clone();
    let mut weakest: Vec<Option<usize>> = vec![None; s.m];
    for x in 0..s.k {
        if s.items.pinned[x].is_some() {
            continue;
        }
        let slot = &mut weakest[s.group[x]];
        if slot.is_none_or(|y| s.own(x).total_cmp(&s.own(y)).is_lt()) {
            *slot = Some(x);
        }
    }
    let removed: Vec<(usize, usize)> = weakest
        .iter()
        .enumerate()
        .filter_map(|(g, x)| x.map(|x| (x, g)))
        .collect();
    for &(x, _) in &removed {
        s.unplace(x);
    }
    let mut left: Vec<usize> = removed.iter().map(|r| r.0).collect();
    while !left.is_empty() {
        // Groups below their lower bound, counted without a list (this loop
        // runs once per freed item).
        let is_under = |g: &usize| s.size[*g] < s.bounds[*g].0;
        let under = (0..s.m).filter(is_under).count();
        let mut best: Option<(usize, usize, W::V)> = None;
        let avg =
            |s: &State<'_, W>, u: usize, g: usize| s.to_group(u, g).scale(1.0 / s.size[g].max(1) as f64);
        // A random group below its lower bound (the same draw as before).
        let under_pick = (under > 0)
            .then(|| rng.below(under))
            .and_then(|pick| (0..s.m).filter(is_under).nth(pick));
        if let Some(g) = under_pick {
            // Fill it with its best-connected item.
            for (i, &u) in left.iter().enumerate() {
                if s.size[g] + s.items.size(u) <= s.bounds[g].1 && s.rules_allow(u, g, None) {
                    let a = avg(s, u, g);
                    if best.is_none_or(|b| a.total_cmp(&b.2).is_gt()) {
                        best = Some((i, g, a));
                    }
                }
            }
        } else {
            // Place a random item where its average connection is highest.
            let i = rng.below(left.len());
            let u = left[i];
            for g in 0..s.m {
                if s.size[g] + s.items.size(u) <= s.bounds[g].1 && s.rules_allow(u, g, None) {
                    let a = avg(s, u, g);
                    if best.is_none_or(|b| a.total_cmp(&b.2).is_gt()) {
                        best = Some((i, g, a));
                    }
                }
            }
        }
        match best {
            Some((i, g, _)) => {
                let u = left.swap_remove(i);
                s.place(u, g);
            }
            None => {
                // Undo: put everything back where it was.
                for x in 0..s.k {
                    if s.group[x] != UNPLACED && s.group[x] != before[x] {
                        s.unplace(x);
                    }
                }
                for x in 0..s.k {
                    if s.group[x] == UNPLACED {
                        s.place(x, before[x]);
                    }
                }
                return false;
            }
        }
    }
    true
}
