//! Group-inheriting crossover: the child takes whole groups from its two
//! parents — each time the most diverse remaining group of a randomly chosen
//! parent — and the items left over are placed greedily.

use super::instance::PairWeights;
use super::rng::Rng;
use super::state::{State, UNPLACED};
use super::value::Value;

/// The sum of pair weights inside each group of a parent.
fn diversity<W: PairWeights>(p: &State<'_, W>) -> Vec<W::V> {
    let mut div = vec![W::V::default(); p.m];
    for (x, &g) in p.group.iter().enumerate() {
        div[g] += p.own(x).scale(0.5);
    }
    div
}

/// Builds a child of parents `pa` and `pb` (complete assignments of the
/// same items) in `s`; `None` if the leftovers cannot be placed within the
/// rules.
pub fn crossover<W: PairWeights>(
    s: &mut State<'_, W>,
    rng: &mut Rng,
    pa: &State<'_, W>,
    pb: &State<'_, W>,
) -> Option<()> {
    let (k, m) = (s.k, s.m);
    let items = s.items;
    let (a, b) = (&pa.group, &pb.group);
    let mut div_a = diversity(pa);
    let mut div_b = diversity(pb);
    let mut child = vec![UNPLACED; k];
    let mut taken = vec![false; m];
    let mut used_a = vec![false; m];
    let mut used_b = vec![false; m];
    // (from parent a, its group, the child's group).
    let mut inherited: Vec<(bool, usize, usize)> = Vec::with_capacity(m);
    for _ in 0..m {
        let from_a = rng.below(2) == 0;
        let (parent, div, used) = if from_a {
            (a, &div_a, &mut used_a)
        } else {
            (b, &div_b, &mut used_b)
        };
        let Some(src) = (0..m)
            .filter(|&g| !used[g])
            .max_by(|&x, &y| div[x].total_cmp(&div[y]).then(y.cmp(&x)))
        else {
            continue;
        };
        used[src] = true;
        let mut set: Vec<usize> = (0..k)
            .filter(|&x| parent[x] == src && child[x] == UNPLACED)
            .collect();
        // Where the set goes: a pin decides; else the same group, else a random free group.
        let pin = set.iter().find_map(|&x| items.pinned[x]);
        let target = match pin {
            Some(p) if !taken[p] => Some(p),
            Some(_) => None,
            None => {
                let need: usize = set.iter().map(|&x| items.size(x)).sum();
                let free_fit: Vec<usize> = (0..m).filter(|&g| !taken[g] && s.bounds[g].1 >= need).collect();
                if !taken[src] && s.bounds[src].1 >= need && items.pinned.iter().all(|p| *p != Some(src)) {
                    Some(src)
                } else if !free_fit.is_empty() {
                    Some(free_fit[rng.below(free_fit.len())])
                } else {
                    (0..m)
                        .filter(|&g| !taken[g])
                        .max_by_key(|&g| (s.bounds[g].1, std::cmp::Reverse(g)))
                }
            }
        };
        let Some(t) = target else { continue };
        // Pinned items elsewhere stay out; trim to the target's capacity.
        set.retain(|&x| items.pinned[x].is_none_or(|p| p == t));
        rng.shuffle(&mut set);
        let mut load = 0;
        set.retain(|&x| {
            let fits = load + items.size(x) <= s.bounds[t].1;
            if fits {
                load += items.size(x);
            }
            fits
        });
        for &x in &set {
            child[x] = t;
            div_a[a[x]] -= pa.own(x);
            div_b[b[x]] -= pb.own(x);
        }
        taken[t] = true;
        inherited.push((from_a, src, t));
    }
    // The inherited groups, each row built from its parent's row.
    s.clear();
    let (mut members, mut extra) = (Vec::new(), Vec::new());
    for &(from_a, src, t) in &inherited {
        let p = if from_a { pa } else { pb };
        members.clear();
        extra.clear();
        for (x, &g) in p.group.iter().enumerate() {
            if g == src {
                if child[x] == t {
                    members.push(x);
                } else {
                    extra.push(x);
                }
            }
        }
        s.fill(t, &members, p.group_row(src), &extra);
    }
    // Then place the rest.
    let mut left: Vec<usize> = (0..k).filter(|&x| child[x] == UNPLACED).collect();
    for &x in &left {
        if let Some(p) = items.pinned[x] {
            if !s.rules_allow(x, p, None) || s.size[p] + items.size(x) > s.bounds[p].1 {
                return None;
            }
            s.place(x, p);
        }
    }
    left.retain(|&x| items.pinned[x].is_none());
    rng.shuffle(&mut left);
    // Groups below their lower bound take their best-connected leftovers.
    let mut under: Vec<usize> = (0..m).filter(|&g| s.size[g] < s.bounds[g].0).collect();
    rng.shuffle(&mut under);
    for g in under {
        while s.size[g] < s.bounds[g].0 {
            let best = left
                .iter()
                .enumerate()
                .filter(|(_, x)| s.size[g] + items.size(**x) <= s.bounds[g].1 && s.rules_allow(**x, g, None))
                .max_by(|(_, x), (_, y)| s.to_group(**x, g).total_cmp(&s.to_group(**y, g)))
                .map(|(i, _)| i)?;
            let x = left.swap_remove(best);
            s.place(x, g);
        }
    }
    for x in left {
        let g = (0..m)
            .filter(|&g| s.size[g] + items.size(x) <= s.bounds[g].1 && s.rules_allow(x, g, None))
            .max_by(|&g, &h| s.to_group(x, g).total_cmp(&s.to_group(x, h)))?;
        s.place(x, g);
    }
    s.sizes_ok().then_some(())
}
