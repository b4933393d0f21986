//! Elite relinking: the best member of a population and the member most
//! different from it are compared group by group; the groups of the best
//! that the other does not hold as they are (the most different first,
//! topped up with random groups to half of all groups) are re-optimised
//! together as an instance of their own — a small population search that
//! starts from the current grouping and from fresh random groupings — and
//! the result replaces the best member when it gains.
//!
//! A coupled change of many groups at once, which no sequence of improving
//! moves reaches (a deep basin), is found this way when the other member
//! points at the groups that must change together: a fresh search on a part
//! of the instance escapes where the search on the whole does not.
//!
//! Only for plain instances (single-element items, no rules, no home
//! groups: the MDGP); the sub-instance then is just the weights and size
//! bounds of its groups.

use rayon::prelude::*;

use super::instance::{DenseWeights, Instance, PairWeights};
use super::islands::{Ctx, Member};
use super::items::{ItemWeights, Items};
use super::partition_distance::distance;
use super::rng::Rng;
use super::state::State;
use super::value::Value;

/// Share of the groups a relinking step re-optimises at least (topped up at
/// random) and at most (the most different first).
const SHARE: (f64, f64) = (0.5, 0.7);

/// The search run on a sub-instance (the population search, given by its
/// caller so that this module does not depend on it).
pub(super) trait SubSearch: Sync {
    /// Searches `s` (an empty state of the sub-instance) for `generations`,
    /// starting from `initial` (item → group) among fresh starts; returns
    /// the best assignment, its value, and whether the clock cut the search.
    fn search<W: PairWeights>(
        &self,
        s: &mut State<'_, W>,
        rng: &mut Rng,
        initial: Option<&[usize]>,
    ) -> Option<(Vec<usize>, W::V, bool)>;
}

/// The groups of `a` that `b` does not hold exactly, most different first:
/// ordered by the largest share of a group's items that stay together in
/// one group of `b` (ascending), ties by group index.
pub(super) fn differing_groups(a: &[usize], b: &[usize], m: usize) -> Vec<usize> {
    let mut joint = vec![0usize; m * m];
    let (mut in_a, mut in_b) = (vec![0usize; m], vec![0usize; m]);
    for (&x, &y) in a.iter().zip(b) {
        if x < m && y < m {
            joint[x * m + y] += 1;
            in_a[x] += 1;
            in_b[y] += 1;
        }
    }
    let mut differ: Vec<(f64, usize)> = (0..m)
        .filter(|&g| in_a[g] > 0)
        .filter_map(|g| {
            let row = &joint[g * m..(g + 1) * m];
            let (h, &most) = row
                .iter()
                .enumerate()
                .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(&x.0)))?;
            let same = most == in_a[g] && in_b[h] == in_a[g];
            (!same).then(|| (most as f64 / in_a[g] as f64, g))
        })
        .collect();
    differ.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    differ.into_iter().map(|(_, g)| g).collect()
}

/// Whether a state's problem is plain enough for relinking: single-element
/// items, no rules, no home groups.
pub(super) fn applies<W: PairWeights>(s: &State<'_, W>) -> bool {
    !s.has_rules && !s.has_home && s.items.members.iter().all(|m| m.len() == 1)
}

/// What a relinking step found: the improved item → group assignment of
/// `best`, or nothing; and whether the clock cut the sub-search.
pub(super) struct Outcome {
    /// The improved assignment, if the step gained.
    pub(super) groups: Option<Vec<usize>>,
    /// Whether the clock stopped the sub-search.
    pub(super) cut: bool,
}

/// Re-optimises the groups of `best` in which `other` (an assignment of the
/// same items) differs, see the module documentation. `best` must be a
/// complete assignment of a plain problem ([`applies`]).
pub(super) fn relink<W: PairWeights, S: SubSearch>(
    best: &State<'_, W>,
    other: &[usize],
    rng: &mut Rng,
    sub_search: &S,
) -> Outcome {
    let none = Outcome {
        groups: None,
        cut: false,
    };
    let m = best.m;
    let mut chosen = differing_groups(&best.group, other, m);
    if chosen.len() < 2 {
        return none;
    }
    let lo = ((m as f64 * SHARE.0).ceil() as usize).clamp(2, m);
    let hi = ((m as f64 * SHARE.1).ceil() as usize).clamp(lo, m);
    chosen.truncate(hi);
    let mut rest: Vec<usize> = (0..m).filter(|g| !chosen.contains(g)).collect();
    rng.shuffle(&mut rest);
    let top_up = lo.saturating_sub(chosen.len());
    chosen.extend(rest.into_iter().take(top_up));
    // The sub-instance: the items of the chosen groups, numbered locally.
    let mut elems = Vec::new();
    let mut start = Vec::new();
    for (lg, &g) in chosen.iter().enumerate() {
        for (u, &h) in best.group.iter().enumerate() {
            if h == g {
                elems.push(u);
                start.push(lg);
            }
        }
    }
    let weights = DenseWeights::from_fn(elems.len(), |a, b| best.w.weight(elems[a], elems[b]));
    let sub = Instance::new(weights, chosen.iter().map(|&g| best.bounds[g]).collect());
    let Ok(items) = Items::build(&sub) else {
        return none;
    };
    let iw = ItemWeights::new(&sub, &items);
    let mut s = State::empty(&sub, &items, &iw);
    let item_start: Vec<usize> = items.members.iter().map(|mem| start[mem[0]]).collect();
    s.load(&item_start);
    let before = s.value;
    let initial = Some(item_start.as_slice());
    let Some((res_groups, res_value, res_cut)) = sub_search.search(&mut s, rng, initial) else {
        return none;
    };
    if !res_value.cmp_tol(&before).is_gt() {
        return Outcome {
            groups: None,
            cut: res_cut,
        };
    }
    let mut groups = best.group.clone();
    for (u, mem) in items.members.iter().enumerate() {
        for &x in mem {
            groups[elems[x]] = chosen[res_groups[u]];
        }
    }
    Outcome {
        groups: Some(groups),
        cut: res_cut,
    }
}
/// One relinking step per island with at least two members: its best
/// member (the first of its range) against its member most different from
/// it (ties: the first), in parallel; an improvement replaces the best
/// member. Returns the improved (assignment, value, island) triples.
pub(super) fn relink_islands<W: PairWeights, S: SubSearch>(
    pop: &mut [Member<'_, W>],
    ranges: &[std::ops::Range<usize>],
    bases: &[u64],
    generation: usize,
    sub_search: &S,
    ctx: &Ctx<'_>,
) -> Vec<(Vec<usize>, W::V, usize)> {
    let jobs: Vec<(usize, usize, usize)> = ranges
        .iter()
        .enumerate()
        .filter(|(_, r)| r.len() > 1)
        .map(|(island, r)| {
            let b = r.start;
            let far = (b + 1..r.end)
                .map(|j| {
                    (
                        j,
                        distance(&pop[b].state.group, &pop[j].state.group, pop[b].state.m),
                    )
                })
                .fold(
                    (b + 1, f64::NEG_INFINITY),
                    |acc, x| if x.1 > acc.1 { x } else { acc },
                );
            (island, b, far.0)
        })
        .collect();
    let found: Vec<(usize, usize, Outcome)> = {
        let pop = &*pop;
        jobs.into_par_iter()
            .map(|(island, b, j)| {
                let mut rng = Rng::new(bases[island] ^ 0x5EED_0F2E_117C_0D00, generation as u64);
                let out = relink(&pop[b].state, &pop[j].state.group, &mut rng, sub_search);
                (island, b, out)
            })
            .collect()
    };
    let mut better = Vec::new();
    for (island, b, out) in found {
        if out.cut {
            ctx.stopped.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        if let Some(groups) = out.groups {
            pop[b].state.load(&groups);
            better.push((groups, pop[b].state.value, island));
        }
    }
    better
}

#[cfg(test)]
mod tests {
    use super::super::memetic::{Schedule, SubRun};
    use super::*;

    #[test]
    fn identical_groups_do_not_differ_and_the_most_split_come_first() {
        // a: {0,1,2} {3,4,5} {6,7,8}; b keeps group 0, splits group 2 three
        // ways and group 1 two ways.
        let a = [0, 0, 0, 1, 1, 1, 2, 2, 2];
        let b = [1, 1, 1, 0, 0, 2, 0, 2, 3];
        assert_eq!(differing_groups(&a, &b, 4), vec![2, 1]);
        // A relabelled copy differs nowhere.
        let c = [2, 2, 2, 0, 0, 0, 1, 1, 1];
        assert!(differing_groups(&a, &c, 3).is_empty());
        // A group of b that holds a group of a plus more is not the same group.
        let d = [0, 0, 0, 0, 1, 1, 2, 2, 2];
        assert_eq!(differing_groups(&a, &d, 3), vec![1, 0]);
    }

    #[test]
    fn a_relinked_grouping_gains_and_keeps_the_other_groups_and_sizes() {
        // 60 items on a line (diversity: distance), 6 groups of 8–12; a poor
        // start (neighbours together) and another grouping that differs in
        // groups 0–3 only.
        let w = DenseWeights::from_fn(60, |i, j| (i as f64 - j as f64).abs());
        let inst = Instance::new(w, vec![(8, 12); 6]);
        let items = Items::build(&inst).unwrap();
        let iw = ItemWeights::new(&inst, &items);
        let mut s = State::empty(&inst, &items, &iw);
        assert!(applies(&s));
        let start: Vec<usize> = (0..60).map(|u| u / 10).collect();
        s.load(&start);
        let mut other = start.clone();
        for u in 0..40 {
            other[u] = (u % 4 + 1) % 4;
        }
        let limits = SubRun {
            generations: 5,
            deadline: None,
            cancel: None,
        };
        let out = relink(&s, &other, &mut Rng::new(1, 0), &limits);
        let groups = out.groups.expect("the line grouping can gain");
        assert!(!out.cut);
        assert_eq!(inst.check(&groups), Ok(()));
        assert!(inst.evaluate(&groups) > s.value + 1.0);
        // Groups 4 and 5 do not differ and are not needed to reach half of
        // the groups (3), so they stay as they were.
        assert_eq!(&groups[40..], &start[40..]);
        // Identical groupings leave nothing to relink.
        assert!(relink(&s, &start, &mut Rng::new(1, 0), &limits).groups.is_none());
    }

    #[test]
    fn a_search_with_relinking_is_deterministic_and_feasible() {
        let w = DenseWeights::from_fn(70, |i, j| ((i * 7919 + j * 104_729) % 1_000) as f64);
        let inst = Instance::new(w, vec![(6, 8); 10]);
        let p = super::super::SearchParams {
            runs: 2,
            seed: 5,
            generations: Some(12),
            schedule: Schedule {
                relink_every: 3,
                relink_generations: 4,
                ..Schedule::default()
            },
            ..super::super::SearchParams::default()
        };
        let a = super::super::solve(&inst, &p).unwrap().unwrap();
        assert_eq!(inst.check(&a.groups), Ok(()));
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let b = pool.install(|| super::super::solve(&inst, &p).unwrap().unwrap());
        assert_eq!((a.groups, a.run), (b.groups, b.run));
    }
}
