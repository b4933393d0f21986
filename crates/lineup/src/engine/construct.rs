//! Randomised construction of a feasible assignment.
//!
//! Pinned items go first; then the remaining items, most constrained first
//! (large items, items whose attribute is most common), each into a group
//! with room — the one that gains most (greedy) or a random one. Groups are
//! filled up to target sizes (or per-category quotas) that sum to the number
//! of elements, so the result respects the size bounds whenever the
//! construction finds room.

use super::instance::PairWeights;
use super::rng::Rng;
use super::state::{State, UNPLACED};
use super::value::Value;

/// Target number of elements per group: lower bounds, then the rest spread
/// round-robin from a random start, up to the upper bounds.
fn targets(bounds: &[(usize, usize)], n: usize, rng: &mut Rng) -> Vec<usize> {
    let m = bounds.len();
    let mut t: Vec<usize> = bounds.iter().map(|b| b.0).collect();
    let mut rest = n.saturating_sub(t.iter().sum());
    let mut g = if m > 0 { rng.below(m) } else { 0 };
    let mut idle = 0;
    while rest > 0 && idle < m {
        if t[g] < bounds[g].1 {
            t[g] += 1;
            rest -= 1;
            idle = 0;
        } else {
            idle += 1;
        }
        g = (g + 1) % m;
    }
    t
}

/// How to pick among groups with room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The group with the largest gain (ties at random).
    Greedy,
    /// A uniformly random group.
    Random,
}

/// Fills an empty state; returns whether every item was placed within bounds.
/// `quotas`: optional per-group (category, count) targets; `attr`: optional
/// per-element attribute used to order items by pressure.
pub fn construct<W: PairWeights>(
    s: &mut State<'_, W>,
    rng: &mut Rng,
    pick: Pick,
    quotas: Option<&[Vec<(u8, usize)>]>,
    attr: Option<&[u8]>,
) -> bool {
    let items = s.items;
    let m = s.m;
    let n = items.of.len();
    let target = targets(s.bounds, n, rng);
    let mut room: Vec<usize> = target;
    let mut quota: Vec<Vec<(u8, usize)>> = quotas
        .filter(|q| q.len() == m)
        .map(<[_]>::to_vec)
        .unwrap_or_default();
    let take = |room: &mut Vec<usize>, quota: &mut Vec<Vec<(u8, usize)>>, u: usize, g: usize| {
        room[g] = room[g].saturating_sub(items.size(u));
        if let Some(q) = quota.get_mut(g) {
            for &(c, k) in &items.cats[u] {
                if let Some(x) = q.iter_mut().find(|x| x.0 == c) {
                    x.1 = x.1.saturating_sub(k as usize);
                }
            }
        }
    };
    for u in 0..items.len() {
        if let Some(g) = items.pinned[u] {
            s.place(u, g);
            take(&mut room, &mut quota, u, g);
        }
    }
    // Lower bounds of limits first: each group gets the elements it must
    // hold (e.g. one experienced member) before the rest are dealt.
    for l in 0..s.limit_count() {
        let least = s.limit_bounds(l).0;
        if least == 0 {
            continue;
        }
        let mut pool: Vec<usize> = (0..items.len())
            .filter(|&u| s.group[u] == UNPLACED && s.limit_hits(u, l) > 0)
            .collect();
        rng.shuffle(&mut pool);
        let start = rng.below(m);
        for off in 0..m {
            let g = (start + off) % m;
            while s.limit_in(g, l) < least {
                let pos = pool.iter().position(|&u| {
                    s.group[u] == UNPLACED && room[g] >= items.size(u) && s.rules_allow(u, g, None)
                });
                let Some(p) = pos else { break };
                let u = pool.swap_remove(p);
                s.place(u, g);
                take(&mut room, &mut quota, u, g);
            }
        }
    }
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&u| items.pinned[u].is_none() && s.group[u] == UNPLACED)
        .collect();
    rng.shuffle(&mut order);
    let mut freq = vec![0usize; 256];
    if let Some(a) = attr {
        for &x in a {
            freq[x as usize] += 1;
        }
    }
    let pressure = |u: usize| -> usize {
        items.attrs[u]
            .iter()
            .map(|&(a, _)| freq[a as usize])
            .max()
            .unwrap_or(0)
    };
    order.sort_by_key(|&u| (std::cmp::Reverse(items.size(u)), std::cmp::Reverse(pressure(u))));
    let mut candidates: Vec<usize> = Vec::with_capacity(m);
    for u in order {
        let fits_quota = |g: usize| -> bool {
            match quota.get(g) {
                None => true,
                Some(q) => items.cats[u]
                    .iter()
                    .all(|&(c, k)| q.iter().any(|x| x.0 == c && x.1 >= k as usize)),
            }
        };
        let start = rng.below(m);
        let mut chosen = None;
        for strict in [true, false] {
            candidates.clear();
            let mut best: Option<(usize, W::V)> = None;
            for off in 0..m {
                let g = (start + off) % m;
                let size_ok = if strict {
                    room[g] >= items.size(u) && fits_quota(g)
                } else {
                    s.size[g] + items.size(u) <= s.bounds[g].1
                };
                if !size_ok || !s.rules_allow(u, g, None) {
                    continue;
                }
                match pick {
                    Pick::Random => candidates.push(g),
                    Pick::Greedy => {
                        let gain = s.to_group(u, g) + s.home_value(u, g);
                        if best.is_none_or(|(_, b)| gain.cmp_tol(&b).is_gt()) {
                            best = Some((g, gain));
                        }
                    }
                }
            }
            chosen = match pick {
                Pick::Greedy => best.map(|b| b.0),
                Pick::Random => (!candidates.is_empty()).then(|| candidates[rng.below(candidates.len())]),
            };
            if chosen.is_some() {
                break;
            }
        }
        let g = match chosen {
            Some(g) => g,
            None => match eject(s, u) {
                Some(g) => g,
                None => return false,
            },
        };
        s.place(u, g);
        take(&mut room, &mut quota, u, g);
    }
    repair_sizes(s) && s.group.iter().all(|&g| g != UNPLACED) && repair_limits(s)
}

/// Moves or swaps items into groups below a limit's lower bound, from
/// groups that can spare them; returns whether every lower bound is met.
pub fn repair_limits<W: PairWeights>(s: &mut State<'_, W>) -> bool {
    for _ in 0..s.k.max(1) {
        if !s.limits_short() {
            return true;
        }
        let short = (0..s.m)
            .flat_map(|g| (0..s.limit_count()).map(move |l| (g, l)))
            .find(|&(g, l)| s.limit_in(g, l) < s.limit_bounds(l).0);
        let Some((g, l)) = short else { return true };
        let mut done = false;
        for u in 0..s.k {
            if s.group[u] == g || s.limit_hits(u, l) == 0 {
                continue;
            }
            if s.can_relocate(u, g) {
                s.relocate(u, g);
                done = true;
                break;
            }
            let partner = (0..s.k)
                .find(|&v| s.group[v] == g && s.limit_hits(v, l) < s.limit_hits(u, l) && s.can_swap(u, v));
            if let Some(v) = partner {
                s.swap(u, v);
                done = true;
                break;
            }
        }
        if !done {
            return false;
        }
    }
    !s.limits_short()
}

/// Makes room for `u`: finds a group `h` that `u` may join once one of its
/// items `v` moves to a group with room; moves `v` and returns `h`.
fn eject<W: PairWeights>(s: &mut State<'_, W>, u: usize) -> Option<usize> {
    let su = s.items.size(u);
    for h in 0..s.m {
        for v in 0..s.k {
            if s.group[v] != h || s.items.pinned[v].is_some() || s.items.size(v) < su {
                continue;
            }
            let sv = s.items.size(v);
            if s.size[h] - sv + su > s.bounds[h].1 || !s.rules_allow(u, h, Some(v)) {
                continue;
            }
            let target =
                (0..s.m).find(|&g| g != h && s.size[g] + sv <= s.bounds[g].1 && s.rules_allow(v, g, None));
            if let Some(g) = target {
                s.relocate(v, g);
                return Some(h);
            }
        }
    }
    None
}

/// Moves items from groups above their lower bound into groups below it.
pub fn repair_sizes<W: PairWeights>(s: &mut State<'_, W>) -> bool {
    for _ in 0..s.k {
        let Some(h) = (0..s.m).find(|&g| s.size[g] < s.bounds[g].0) else {
            return s.sizes_ok();
        };
        let mv = (0..s.k).find(|&u| {
            let g = s.group[u];
            g != h
                && g != UNPLACED
                && s.items.pinned[u].is_none()
                && s.size[g] - s.items.size(u) >= s.bounds[g].0
                && s.size[h] + s.items.size(u) <= s.bounds[h].1
                && s.rules_allow(u, h, None)
        });
        match mv {
            Some(u) => s.relocate(u, h),
            None => return false,
        }
    }
    s.sizes_ok()
}
