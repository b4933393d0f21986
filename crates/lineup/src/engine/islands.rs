//! The population's members and the islands: several runs searched in
//! lockstep as one population, their members regrown after a pass and the
//! best of each island migrating to the next ([`super::memetic`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use super::instance::PairWeights;
use super::local_search::descend;
use super::perturb::undirected;
use super::rng::Rng;
use super::state::State;
use super::value::Value;

/// One member of the population: its solution, a scratch state for
/// children, and its own random stream.
pub(super) struct Member<'a, W: PairWeights> {
    /// The island (run) the member belongs to.
    pub(super) island: usize,
    pub(super) state: State<'a, W>,
    pub(super) scratch: State<'a, W>,
    pub(super) rng: Rng,
}

/// What one member reports back from a parallel step.
pub(super) struct Step<V> {
    pub(super) best: Option<(Vec<usize>, V)>,
}

/// Shared context of the parallel steps.
pub(super) struct Ctx<'b> {
    pub(super) free: &'b [usize],
    pub(super) is_free: &'b [bool],
    pub(super) deadline: Option<Instant>,
    /// Whether the clock stopped a descent before its local optimum.
    pub(super) stopped: AtomicBool,
}

impl Ctx<'_> {
    /// Local search on `state`, remembering whether the clock stopped it.
    pub(super) fn descend<W: PairWeights>(&self, state: &mut State<'_, W>) {
        if !descend(state, self.free, self.is_free, None, self.deadline) {
            self.stopped.store(true, Ordering::Relaxed);
        }
    }
}

/// The index ranges of the islands in a population sorted by island.
pub(super) fn island_ranges<W: PairWeights>(
    pop: &[Member<'_, W>],
    islands: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut ranges = vec![0..0; islands];
    let mut lo = 0;
    for (r, range) in ranges.iter_mut().enumerate() {
        let hi = lo + pop[lo..].iter().take_while(|m| m.island == r).count();
        *range = lo..hi;
        lo = hi;
    }
    ranges
}

/// Fills every island up to `size` members again with copies of its
/// members (best first, in turn), each taking a random walk of a quarter of
/// the free items before climbing back.
pub(super) fn regrow<W: PairWeights>(
    pop: &mut Vec<Member<'_, W>>,
    ranges: &[std::ops::Range<usize>],
    size: usize,
    ctx: &Ctx<'_>,
) {
    let mut fresh = Vec::new();
    for range in ranges.iter().filter(|r| !r.is_empty()) {
        let members = &pop[range.clone()];
        for x in members.len()..size {
            let src = &members[(x - members.len()) % members.len()];
            let mut stream = src.rng.clone();
            fresh.push(Member {
                island: src.island,
                state: src.state.clone(),
                scratch: src.scratch.clone(),
                rng: Rng::new(stream.next_u64(), x as u64),
            });
        }
    }
    fresh.par_iter_mut().for_each(|m| {
        let eta = (ctx.free.len() / 4).max(1);
        undirected(&mut m.state, &mut m.rng, ctx.free, eta, None);
        ctx.descend(&mut m.state);
    });
    pop.append(&mut fresh);
    // Stable: survivors first within each island, then the new members.
    pop.sort_by_key(|m| m.island);
}

/// Ring migration: the best member of each island (the first of its range)
/// replaces the weakest member of the next island, if it is better than that
/// one and the next island holds no solution of its value yet. Members keep
/// their random streams; the islands are re-sorted.
pub(super) fn migrate<W: PairWeights>(pop: &mut [Member<'_, W>], ranges: &[std::ops::Range<usize>]) {
    let islands = ranges.len();
    let donors: Vec<Option<State<'_, W>>> = ranges
        .iter()
        .map(|r| {
            pop.get(r.start)
                .filter(|_| !r.is_empty())
                .map(|m| m.state.clone())
        })
        .collect();
    for (r, range) in ranges.iter().enumerate() {
        let Some(donor) = &donors[(r + islands - 1) % islands] else {
            continue;
        };
        if range.is_empty() || !donor.within_cap() {
            continue;
        }
        let members = &mut pop[range.clone()];
        if members
            .iter()
            .any(|m| m.state.value.cmp_tol(&donor.value).is_eq())
        {
            continue;
        }
        let Some(last) = members.last_mut() else { continue };
        if donor.value.cmp_tol(&last.state.value).is_gt() {
            last.state.clone_from(donor);
        }
        members.sort_by(|a, b| b.state.value.total_cmp(&a.state.value));
    }
}
