//! Large-neighbourhood search for instances with many groups (the register
//! scale: thousands of members in hundreds of small clusters).
//!
//! Each round shuffles the groups, cuts them into chunks of a few dozen
//! groups, and re-optimises every chunk as an instance of its own (with the
//! population search, starting from the current assignment, dense weights of
//! the chunk's members only). Chunks are disjoint, so they are solved in
//! parallel and applied together; each chunk's seed derives from the round
//! and chunk index, so the result does not depend on the thread count.
//! Memory stays at O(chunk²) per thread besides the assignment itself.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::instance::{Affinity, DenseWeights, Instance, Limit, PairWeights, Rules};
use super::memetic::{self, Budget, Schedule, Start};
use super::rng::Rng;
use super::value::Value;
use crate::cancel::CancelToken;

/// Groups per chunk.
pub const CHUNK_GROUPS: usize = 16;

/// Knobs of the large-neighbourhood search.
#[derive(Clone, Debug)]
pub struct LnsParams {
    /// Rounds (the deterministic budget); `None`: until the deadline.
    pub rounds: Option<usize>,
    /// Wall-clock stop.
    pub deadline: Option<Instant>,
    /// Generations of the population search per chunk.
    pub chunk_generations: usize,
    /// Seed.
    pub seed: u64,
    /// Stops the search when cancelled, like the deadline.
    pub cancel: Option<CancelToken>,
}

/// Result of the search (element-level assignment).
#[derive(Clone, Debug)]
pub struct LnsResult<V> {
    /// Element → group.
    pub groups: Vec<usize>,
    /// Its value.
    pub value: V,
    /// Rounds completed.
    pub rounds: usize,
    /// Whether the deadline stopped the search.
    pub cut_by_time: bool,
    /// When the last improvement was found.
    pub time_to_best: Duration,
}

/// The sub-instance of the elements in `chunk` groups, numbered locally:
/// (instance, its elements, their local start groups).
fn sub_instance<W: PairWeights>(
    inst: &Instance<W>,
    members_of: &[Vec<usize>],
    chunk: &[usize],
) -> (Instance<DenseWeights<W::V>>, Vec<usize>, Vec<usize>) {
    let mut elems = Vec::new();
    let mut start = Vec::new();
    for (lg, &g) in chunk.iter().enumerate() {
        elems.extend_from_slice(&members_of[g]);
        start.extend(std::iter::repeat_n(lg, members_of[g].len()));
    }
    let local = |i: usize| elems.iter().position(|&e| e == i);
    let local_group = |g: usize| chunk.iter().position(|&c| c == g);
    let weights = DenseWeights::from_fn(elems.len(), |a, b| inst.weights.weight(elems[a], elems[b]));
    let r = &inst.rules;
    let keep = |pairs: &[(usize, usize)]| -> Vec<(usize, usize)> {
        pairs
            .iter()
            .filter_map(|&(a, b)| Some((local(a)?, local(b)?)))
            .collect()
    };
    let rules = Rules {
        must_link: keep(&r.must_link),
        cannot_link: keep(&r.cannot_link),
        pinned: r
            .pinned
            .iter()
            .filter_map(|&(i, g)| Some((local(i)?, local_group(g)?)))
            .collect(),
        cap: r
            .cap
            .as_ref()
            .map(|(a, c)| (elems.iter().map(|&i| a[i]).collect(), *c)),
        span: r.span.as_ref().map(|c| elems.iter().map(|&i| c[i]).collect()),
        quotas: None,
        limits: r
            .limits
            .iter()
            .map(|l| Limit {
                members: elems
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| l.members.binary_search(i).is_ok())
                    .map(|(x, _)| x)
                    .collect(),
                at_least: l.at_least,
                at_most: l.at_most,
            })
            .collect(),
    };
    let bounds = chunk.iter().map(|&g| inst.bounds[g]).collect();
    let affinity = inst.affinity.as_ref().map(|a| Affinity {
        home: elems.iter().map(|&i| a.home[i].and_then(local_group)).collect(),
        bonus: a.bonus,
        // The cap on moves is global: a chunk may not move more than it has
        // moved already.
        max_away: a.max_away.map(|_| {
            elems
                .iter()
                .zip(&start)
                .filter(|(i, lg)| a.home[**i].is_some_and(|h| local_group(h) != Some(**lg)))
                .count()
        }),
    });
    (
        Instance {
            weights,
            bounds,
            rules,
            affinity,
        },
        elems,
        start,
    )
}

/// Improves a feasible element → group assignment by rounds of chunk
/// re-optimisation.
pub fn run<W: PairWeights>(inst: &Instance<W>, start: Vec<usize>, params: &LnsParams) -> LnsResult<W::V> {
    let started = Instant::now();
    let m = inst.groups();
    let mut assign = start;
    let mut value = inst.evaluate(&assign);
    let mut time_to_best = Duration::ZERO;
    let schedule = Schedule {
        pop_max: 4,
        pop_min: 2,
        ..Schedule::default()
    };
    let mut round = 0;
    let mut cut = false;
    loop {
        if params.rounds.is_some_and(|r| round >= r) {
            break;
        }
        if params.deadline.is_some_and(|d| Instant::now() >= d)
            || params.cancel.as_ref().is_some_and(CancelToken::is_cancelled)
        {
            cut = true;
            break;
        }
        let mut rng = Rng::new(params.seed, 1_000_000 + round as u64);
        let mut order: Vec<usize> = (0..m).collect();
        rng.shuffle(&mut order);
        let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); m];
        for (i, &g) in assign.iter().enumerate() {
            members_of[g].push(i);
        }
        let mut chunks: Vec<Vec<usize>> = order.chunks(CHUNK_GROUPS).map(<[usize]>::to_vec).collect();
        if chunks.len() > 1 && chunks.last().is_some_and(|c| c.len() < CHUNK_GROUPS / 2) {
            let last = chunks.pop().unwrap_or_default();
            if let Some(prev) = chunks.last_mut() {
                prev.extend(last);
            }
        }
        let chunk_cut = std::sync::atomic::AtomicBool::new(false);
        let results: Vec<Option<(Vec<usize>, Vec<usize>)>> = chunks
            .par_iter()
            .enumerate()
            .map(|(c, chunk)| {
                let (sub, elems, local_start) = sub_instance(inst, &members_of, chunk);
                let items = super::items::Items::build(&sub).ok()?;
                let iw = super::items::ItemWeights::new(&sub, &items);
                let mut s = super::state::State::empty(&sub, &items, &iw);
                let item_start: Vec<usize> = items.members.iter().map(|mem| local_start[mem[0]]).collect();
                let mut rng = Rng::new(
                    params.seed ^ (round as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                    c as u64,
                );
                let budget = Budget {
                    generations: Some(params.chunk_generations),
                    time: params
                        .deadline
                        .map(|d| d.saturating_duration_since(Instant::now())),
                    started: Instant::now(),
                    cancel: params.cancel.clone(),
                };
                let before = {
                    s.load(&item_start);
                    s.value
                };
                let res = memetic::run(
                    &mut s,
                    &mut rng,
                    &schedule,
                    &budget,
                    Start {
                        quotas: None,
                        attr: None,
                        initial: Some(&item_start),
                    },
                )?;
                // A chunk the clock stopped makes the round depend on timing.
                if res.cut_by_time {
                    chunk_cut.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                if !res.value.cmp_tol(&before).is_gt() {
                    return None;
                }
                let mut local = vec![0usize; elems.len()];
                for (u, mem) in items.members.iter().enumerate() {
                    for &x in mem {
                        local[x] = res.groups[u];
                    }
                }
                Some((elems, local.into_iter().map(|lg| chunk[lg]).collect()))
            })
            .collect();
        cut |= chunk_cut.into_inner();
        let mut improved = false;
        for (elems, groups) in results.into_iter().flatten() {
            for (&i, &g) in elems.iter().zip(&groups) {
                assign[i] = g;
            }
            improved = true;
        }
        round += 1;
        if improved {
            let v = inst.evaluate(&assign);
            if v.cmp_tol(&value).is_gt() {
                time_to_best = started.elapsed();
            }
            value = v;
        }
    }
    LnsResult {
        groups: assign,
        value,
        rounds: round,
        cut_by_time: cut,
        time_to_best,
    }
}
