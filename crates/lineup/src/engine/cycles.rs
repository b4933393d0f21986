//! Three-item cycles between three groups, for the population's best
//! members ([`super::memetic`]).
//!
//! A cycle moves `i: a → b`, `j: b → c` and `k: c → a` at once, so every
//! group keeps its size. At the size profile with the most pairs (where the
//! best solutions of instances with size ranges lie) relocations lose and a
//! swap-only local optimum can still have improving cycles: the move the
//! swap neighbourhood lacks. Its gain, from the table rows `T`, is
//!
//! `(T_b(i) − T_a(i)) + (T_c(j) − T_b(j)) + (T_a(k) − T_c(k)) − w_ij − w_jk − w_ki`.
//!
//! The scan is `O(groups³ · size³)` at worst, so it is spent on the best
//! member of each island once per generation only. Each group pair's list
//! of relocation gains is sorted (best first) with suffix maxima, so that a
//! partial cycle whose bound (the rest at their best, each missing weight at
//! the smallest weight between its item and the group it pairs with) does
//! not beat the best cycle so far ends its loop instead of being skipped
//! item by item. On Euclidean weights the per-item smallest weights matter:
//! with the instance's smallest weight alone the scan cost 80 % more per
//! generation there, with them 17 % (BENCHMARKS.md).

use std::time::Instant;

use super::instance::PairWeights;
use super::local_search::{descend, needs_checks};
use super::state::State;
use super::value::Value;

/// The relocation gains of the free items of group `x` into group `y`,
/// best first, with the componentwise maximum of every suffix.
struct Gains<V> {
    /// `(gain, item)`, sorted by gain, best first (ties keep item order).
    items: Vec<(V, u32)>,
    /// `top[t]`: componentwise maximum of `items[t..]`'s gains.
    top: Vec<V>,
}

impl<V: Value> Gains<V> {
    fn new<W: PairWeights<V = V>>(s: &State<'_, W>, of_x: &[u32], x: usize, y: usize) -> Gains<V> {
        let (rx, ry) = (s.group_row(x), s.group_row(y));
        let mut items: Vec<(V, u32)> = of_x
            .iter()
            .map(|&u| (ry[u as usize] - rx[u as usize], u))
            .collect();
        items.sort_by(|p, q| q.0.total_cmp(&p.0));
        let mut top = vec![V::lowest(); items.len()];
        let mut acc = V::lowest();
        for t in (0..items.len()).rev() {
            acc = acc.max_each(items[t].0);
            top[t] = acc;
        }
        Gains { items, top }
    }

    /// The componentwise maximum of all gains (minus infinity if none).
    fn best(&self) -> V {
        self.top.first().copied().unwrap_or_else(V::lowest)
    }
}

/// The best improving cycle of three free items of three groups, as
/// `(i, j, k)` with `i` moving to `j`'s group, `j` to `k`'s and `k` to `i`'s.
pub(super) fn best_cycle<W: PairWeights>(s: &State<'_, W>, free: &[usize]) -> Option<(usize, usize, usize)> {
    let m = s.m;
    if m < 3 {
        return None;
    }
    let mut of: Vec<Vec<u32>> = vec![Vec::new(); m];
    for &u in free {
        of[s.group[u]].push(u as u32);
    }
    // gains[x * m + y]: items of x moving to y.
    let gains: Vec<Gains<W::V>> = (0..m * m)
        .map(|xy| {
            let (x, y) = (xy / m, xy % m);
            if x == y {
                Gains {
                    items: Vec::new(),
                    top: Vec::new(),
                }
            } else {
                Gains::new(s, &of[x], x, y)
            }
        })
        .collect();
    let floor = s.weight_floor();
    // near[u * m + g]: the smallest weight between `u` and a free item of
    // group `g` (other than `u`): a lower bound of the weights a cycle
    // through `u` and `g` pays.
    let mut near = vec![W::V::default(); s.k * m];
    for &u in free {
        let row = s.w.row(u);
        for (g, list) in of.iter().enumerate() {
            let mut low = None::<W::V>;
            for &v in list.iter().filter(|&&v| v as usize != u) {
                let w = row.map_or_else(|| s.w.weight(u, v as usize), |r| r[v as usize]);
                low = Some(low.map_or(w, |l| l.min_each(w)));
            }
            near[u * m + g] = low.unwrap_or(floor);
        }
    }
    let mut best = None;
    let mut thr = W::V::default();
    // Each cycle once: `a` is its smallest group, `b` and `c` the others in
    // both orders.
    for a in 0..m {
        for b in a + 1..m {
            for c in a + 1..m {
                if c == b {
                    continue;
                }
                let (ga, gb, gc) = (&gains[a * m + b], &gains[b * m + c], &gains[c * m + a]);
                let (mb, mc) = (gb.best(), gc.best());
                for (ii, &(ai, i)) in ga.items.iter().enumerate() {
                    if !(ga.top[ii] + mb + mc - floor - floor - floor - thr).is_gain() {
                        break;
                    }
                    let i = i as usize;
                    let (near_ib, near_ic) = (near[i * m + b], near[i * m + c]);
                    let ri = s.w.row(i);
                    for (jj, &(bj, j)) in gb.items.iter().enumerate() {
                        if !(ai + gb.top[jj] + mc - near_ib - near_ic - floor - thr).is_gain() {
                            break;
                        }
                        let j = j as usize;
                        let near_jc = near[j * m + c];
                        let p = ai + bj - ri.map_or_else(|| s.w.weight(i, j), |r| r[j]);
                        if !(p + mc - near_ic - near_jc - thr).is_gain() {
                            continue;
                        }
                        let rj = s.w.row(j);
                        for (kk, &(ck, k)) in gc.items.iter().enumerate() {
                            if !(p + gc.top[kk] - near_ic - near_jc - thr).is_gain() {
                                break;
                            }
                            let k = k as usize;
                            let (wjk, wki) = match (rj, ri) {
                                (Some(rj), Some(ri)) => (rj[k], ri[k]),
                                _ => (s.w.weight(j, k), s.w.weight(k, i)),
                            };
                            let g = p + ck - wjk - wki;
                            if (g - thr).is_gain() {
                                best = Some((i, j, k));
                                thr = g;
                            }
                        }
                    }
                }
            }
        }
    }
    best
}

/// Local search with relocations and swaps ([`descend`]), then improving
/// cycles ([`best_cycle`], the best first), each followed by a descent,
/// until no cycle improves. Returns `false` when the deadline stopped it
/// (its result then depends on timing). Under rules, caps on elements away
/// from home or multi-element items (whose cycles need the full rule
/// check) it is the descent alone.
pub(super) fn descend_with_cycles<W: PairWeights>(
    s: &mut State<'_, W>,
    free: &[usize],
    is_free: &[bool],
    deadline: Option<Instant>,
) -> bool {
    if !descend(s, free, is_free, None, deadline) {
        return false;
    }
    if needs_checks(s) || s.has_home {
        return true;
    }
    while let Some((i, j, k)) = best_cycle(s, free) {
        let (a, b, c) = (s.group[i], s.group[j], s.group[k]);
        s.relocate(i, b);
        s.relocate(j, c);
        s.relocate(k, a);
        if !descend(s, free, is_free, None, deadline) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::construct::{Pick, construct};
    use crate::engine::instance::{DenseWeights, Instance};
    use crate::engine::items::{ItemWeights, Items};
    use crate::engine::rng::Rng;

    /// Every cycle of three items of three different groups, by brute force:
    /// the largest gain (recomputed from the objective), if any improves.
    fn brute_best<W: PairWeights<V = f64>>(s: &State<'_, W>) -> f64 {
        let mut best = 0.0;
        for i in 0..s.k {
            for j in 0..s.k {
                for k in 0..s.k {
                    let (a, b, c) = (s.group[i], s.group[j], s.group[k]);
                    if a == b || b == c || a == c {
                        continue;
                    }
                    let mut t = s.clone();
                    t.relocate(i, b);
                    t.relocate(j, c);
                    t.relocate(k, a);
                    best = f64::max(best, t.value - s.value);
                }
            }
        }
        best
    }

    #[test]
    fn the_best_cycle_is_the_largest_improving_one() {
        let mut found = 0;
        for case in 0..30u64 {
            let mut rng = Rng::new(case, 7);
            let n = 9 + rng.below(6);
            let m = 3 + rng.below(2);
            let w = DenseWeights::from_fn(n, |i, j| ((i * 31 + j * 17 + i * j + case as usize) % 23) as f64);
            let inst = Instance::new(w, vec![(2, n); m]);
            let items = Items::build(&inst).unwrap();
            let iw = ItemWeights::new(&inst, &items);
            let mut s = State::empty(&inst, &items, &iw);
            let assignment: Vec<usize> = (0..n).map(|u| u % m).collect();
            s.load(&assignment);
            let free: Vec<usize> = (0..n).collect();
            let want = brute_best(&s);
            match best_cycle(&s, &free) {
                None => assert!(want <= 1e-9, "case {case}: missed a cycle of gain {want}"),
                Some((i, j, k)) => {
                    found += 1;
                    let (a, b, c) = (s.group[i], s.group[j], s.group[k]);
                    let mut t = s.clone();
                    t.relocate(i, b);
                    t.relocate(j, c);
                    t.relocate(k, a);
                    assert!((t.value - s.value - want).abs() < 1e-9, "case {case}");
                }
            }
        }
        assert!(found > 10, "too few cases with an improving cycle: {found}");
    }

    #[test]
    fn no_improving_cycle_is_left_and_the_value_is_true() {
        for case in 0..20u64 {
            let mut rng = Rng::new(case, 3);
            let n = 12 + rng.below(10);
            let m = 3 + rng.below(3);
            let w = DenseWeights::from_fn(n, |i, j| {
                ((i * 7 + j * 13 + i * j * 3 + case as usize) % 29) as f64
            });
            let inst = Instance::new(w, vec![(n / m - 1, n / m + 1); m]);
            let items = Items::build(&inst).unwrap();
            let iw = ItemWeights::new(&inst, &items);
            let mut s = State::empty(&inst, &items, &iw);
            let mut r = Rng::new(case, 4);
            assert!(construct(&mut s, &mut r, Pick::Random, None, None));
            let free: Vec<usize> = (0..n).collect();
            let is_free = vec![true; n];
            assert!(descend_with_cycles(&mut s, &free, &is_free, None));
            assert!(brute_best(&s) <= 1e-9, "case {case}: an improving cycle is left");
            let groups = s.element_groups();
            assert_eq!(inst.check(&groups), Ok(()), "case {case}");
            assert!((inst.evaluate(&groups) - s.value).abs() < 1e-9, "case {case}");
        }
    }
}
