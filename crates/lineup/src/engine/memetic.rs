//! One run of the population search (a memetic algorithm in the spirit of
//! the three-phase search with dynamic population size of Yang et al. 2022).
//!
//! Each generation, every solution of the population
//! 1. takes a random walk of `η = θ·n/m` feasible moves and climbs back
//!    with local search (undirected perturbation),
//! 2. is crossed with a random partner; the child, after local search,
//!    replaces it if it is better, or only slightly worse but different,
//! 3. gives up and regains its weakest members (directed perturbation),
//!    then climbs again;
//! 4. and, with [`Schedule::elite_cycles`], the best member of each island
//!    climbs further by three-item cycles (`engine/cycles.rs`), the move
//!    the swap neighbourhood lacks.
//!
//! Over the run the population shrinks linearly from `pop_max` to `pop_min`
//! and the walk length `θ` from `theta_max` to `theta_min`. The schedule
//! follows the generation budget, or the clock when only a time limit is set.
//!
//! Every member owns its random stream, so the members of a generation are
//! processed in parallel (rayon) with a result that does not depend on the
//! number of threads.
//!
//! Several runs can be *islands* of one search ([`Schedule::migrate_every`]):
//! their members are processed together, generation by generation, and each
//! island's best moves to the next island every few generations. With
//! [`Schedule::extend`], a generation budget that ends while the search still
//! improves is run again (the population regrown: `regrow`) until the clock runs out.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rayon::prelude::*;

use super::construct::{Pick, construct};
use super::crossover::crossover;
use super::cycles::descend_with_cycles;
use super::instance::PairWeights;
use super::islands::{Ctx, Member, Step, island_ranges, migrate, regrow};
use super::partition_distance::distance;
use super::perturb::{directed, undirected};
use super::rng::Rng;
use super::state::State;
use super::value::Value;

pub use super::schedule::{Budget, Schedule};

/// Result of one run (item-level assignment).
#[derive(Clone, Debug)]
pub struct RunResult<V> {
    /// Best item → group assignment found.
    pub groups: Vec<usize>,
    /// Its value (pairs of different items).
    pub value: V,
    /// Whether the clock stopped the run before its generation budget.
    pub cut_by_time: bool,
    /// Generations completed.
    pub generations: usize,
    /// When the best solution was found, since the run started.
    pub time_to_best: Duration,
    /// The island whose member found the best solution.
    pub island: usize,
}

/// Construction settings for new solutions.
#[derive(Clone, Copy, Debug)]
pub struct Start<'a> {
    /// Per-group category quotas.
    pub quotas: Option<&'a [Vec<(u8, usize)>]>,
    /// Per-element attribute (for construction order).
    pub attr: Option<&'a [u8]>,
    /// A given first solution (item → group).
    pub initial: Option<&'a [usize]>,
}

/// Runs the population search; `None` if no feasible solution was built.
pub fn run<W: PairWeights>(
    s: &mut State<'_, W>,
    rng: &mut Rng,
    schedule: &Schedule,
    budget: &Budget,
    start: Start<'_>,
) -> Option<RunResult<W::V>> {
    run_islands(s, std::slice::from_mut(rng), schedule, budget, start)
}

/// Runs one population search per random stream in `rngs` in lockstep
/// (islands; the members of all islands are processed in parallel), with
/// migration between them every `schedule.migrate_every` generations; the
/// best solution of all islands is returned. One stream: a plain run.
pub fn run_islands<W: PairWeights>(
    s: &mut State<'_, W>,
    rngs: &mut [Rng],
    schedule: &Schedule,
    budget: &Budget,
    start: Start<'_>,
) -> Option<RunResult<W::V>> {
    let islands = rngs.len().max(1);
    let free: Vec<usize> = (0..s.k).filter(|&u| s.items.pinned[u].is_none()).collect();
    let is_free: Vec<bool> = (0..s.k).map(|u| s.items.pinned[u].is_none()).collect();
    let ctx = Ctx {
        free: &free,
        is_free: &is_free,
        deadline: budget.deadline(),
        stopped: AtomicBool::new(false),
    };
    let bases: Vec<u64> = rngs.iter_mut().map(Rng::next_u64).collect();
    let size = schedule.pop_max.max(1);
    // Initial population, built in parallel.
    let mut pop: Vec<Member<'_, W>> = (0..islands * size)
        .into_par_iter()
        .filter_map(|x| {
            let (r, i) = (x / size, x % size);
            let mut m = Member {
                island: r,
                state: s.clone(),
                scratch: s.clone(),
                rng: Rng::new(bases[r], i as u64),
            };
            match (r, i, start.initial) {
                (0, 0, Some(init)) => m.state.load(init),
                // Under a cap on elements away from home, random starts would
                // break the cap: perturb the given start instead.
                (_, _, Some(init)) if m.state.has_away_cap() => {
                    m.state.load(init);
                    let eta = (ctx.free.len() / 4).max(1);
                    undirected(&mut m.state, &mut m.rng, ctx.free, eta, None);
                }
                _ => {
                    m.state.clear();
                    let pick = if i == 0 { Pick::Greedy } else { Pick::Random };
                    if !construct(&mut m.state, &mut m.rng, pick, start.quotas, start.attr) {
                        return None;
                    }
                }
            }
            ctx.descend(&mut m.state);
            Some(m)
        })
        .collect();
    if pop.is_empty() {
        return None;
    }
    let mut best: (Vec<usize>, W::V, Duration, usize) = (Vec::new(), W::V::default(), Duration::ZERO, 0);
    let mut have_best = false;
    let improvements = std::cell::Cell::new(0usize);
    let mut keep_best = |g: &[usize], v: W::V, ok: bool, island: usize| {
        if ok && (!have_best || v.cmp_tol(&best.1).is_gt()) {
            best = (g.to_vec(), v, budget.started.elapsed(), island);
            have_best = true;
            improvements.set(improvements.get() + 1);
        }
    };
    for m in &pop {
        keep_best(&m.state.group, m.state.value, m.state.within_cap(), m.island);
    }
    let mut ranges = island_ranges(&pop, islands);
    let items = s.k as f64;
    let groups = s.m as f64;
    let mut generation = 0;
    // Generation at which the current pass over the budget began, and the
    // last generation that improved the best solution.
    let mut epoch = 0;
    let mut last_gain = 0;
    let mut seen = improvements.get();
    let mut cut = false;
    loop {
        let p = budget.progress(generation - epoch);
        // A run that completed its generations is not cut, even when the
        // clock ran out during the last one: its result does not depend on
        // timing unless a descent was stopped (checked after the loop).
        if let Some(g) = budget.generations.filter(|&g| generation - epoch >= g) {
            let late = last_gain > epoch + g / 2;
            if !(schedule.extend && late && budget.time.is_some() && g > 0) || budget.timed_out() {
                break;
            }
            epoch = generation;
            regrow(&mut pop, &ranges, schedule.pop_max, &ctx);
            ranges = island_ranges(&pop, islands);
            for m in &pop {
                keep_best(&m.state.group, m.state.value, m.state.within_cap(), m.island);
            }
            continue;
        }
        if budget.timed_out() {
            cut = true;
            break;
        }
        if p >= 1.0 {
            cut = true;
            break;
        }
        let theta = schedule.theta_max - (schedule.theta_max - schedule.theta_min) * p;
        let eta = ((theta * items / groups).round() as usize).max(1);
        // 1. Undirected perturbation and local search.
        let steps: Vec<Step<W::V>> = pop
            .par_iter_mut()
            .map(|m| {
                undirected(&mut m.state, &mut m.rng, ctx.free, eta, None);
                ctx.descend(&mut m.state);
                Step {
                    best: m
                        .state
                        .within_cap()
                        .then(|| (m.state.group.clone(), m.state.value)),
                }
            })
            .collect();
        for (st, m) in steps.iter().zip(&pop) {
            if let Some(b) = &st.best {
                keep_best(&b.0, b.1, true, m.island);
            }
        }
        // 2. Crossover (with a partner of the same island) and local search,
        // in each member's scratch state.
        if ranges.iter().any(|r| r.len() > 1) {
            // Parents are read in place while each member's scratch state
            // takes its child.
            let (parents, work): (Vec<&State<'_, W>>, Vec<_>) = pop
                .iter_mut()
                .map(|m| {
                    let Member {
                        island,
                        state,
                        scratch,
                        rng,
                    } = m;
                    (&*state, (*island, scratch, rng))
                })
                .unzip();
            let children: Vec<Option<(W::V, bool)>> = work
                .into_par_iter()
                .enumerate()
                .map(|(i, (island, scratch, rng))| {
                    let range = &ranges[island];
                    let beta = range.len();
                    if beta < 2 {
                        return None;
                    }
                    let mut j = range.start + rng.below(beta);
                    if j == i {
                        j = range.start + (j - range.start + 1) % beta;
                    }
                    crossover(scratch, rng, parents[i], parents[j])?;
                    ctx.descend(scratch);
                    Some((scratch.value, scratch.within_cap()))
                })
                .collect();
            for (i, child) in children.into_iter().enumerate() {
                let Some((cv, ok)) = child else { continue };
                let m = &mut pop[i];
                keep_best(&m.scratch.group, cv, ok, m.island);
                if !ok {
                    continue;
                }
                let accept = match cv.cmp_tol(&m.state.value) {
                    std::cmp::Ordering::Less => {
                        let (pf, cf) = (m.state.value.primary(), cv.primary());
                        let (ps, cs) = (m.state.value.secondary(), cv.secondary());
                        (pf - cf).abs() <= 1e-9
                            && ps.abs() > 1e-12
                            && cs / ps + schedule.alpha * distance(&m.scratch.group, &m.state.group, s.m)
                                > 1.0
                    }
                    _ => true,
                };
                if accept {
                    std::mem::swap(&mut m.state, &mut m.scratch);
                }
            }
        }
        // 3. Directed perturbation and local search.
        let steps: Vec<Step<W::V>> = pop
            .par_iter_mut()
            .map(|m| {
                for _ in 0..schedule.eta_max {
                    directed(&mut m.state, &mut m.rng);
                }
                ctx.descend(&mut m.state);
                Step {
                    best: m
                        .state
                        .within_cap()
                        .then(|| (m.state.group.clone(), m.state.value)),
                }
            })
            .collect();
        for (st, m) in steps.iter().zip(&pop) {
            if let Some(b) = &st.best {
                keep_best(&b.0, b.1, true, m.island);
            }
        }
        generation += 1;
        if improvements.get() != seen {
            seen = improvements.get();
            last_gain = generation;
        }
        // Each island sorted best first (a stable sort: ties keep their order).
        pop.sort_by(|a, b| {
            a.island
                .cmp(&b.island)
                .then(b.state.value.total_cmp(&a.state.value))
        });
        let target = schedule.pop_max as f64 - (schedule.pop_max as f64 - schedule.pop_min as f64) * p;
        let target = target.round() as usize;
        let mut kept = 0;
        let mut rank = 0;
        let mut island = usize::MAX;
        pop.retain(|m| {
            if m.island != island {
                island = m.island;
                rank = 0;
                kept = ranges[island].len();
            }
            rank += 1;
            rank <= target.clamp(schedule.pop_min.max(1), kept)
        });
        ranges = island_ranges(&pop, islands);
        // 4. Cycles for the best member of each island.
        if schedule.elite_cycles {
            for i in elite_cycles(&mut pop, &ranges, &ctx) {
                let m = &pop[i];
                keep_best(&m.state.group, m.state.value, true, m.island);
            }
        }
        if islands > 1 && schedule.migrate_every > 0 && generation % schedule.migrate_every == 0 {
            migrate(&mut pop, &ranges);
        }
    }
    if !have_best {
        return None;
    }
    Some(RunResult {
        groups: best.0,
        value: best.1,
        cut_by_time: cut || ctx.stopped.load(Ordering::Relaxed),
        generations: generation,
        time_to_best: best.2,
        island: best.3,
    })
}

/// Step 4: the best member of each island (the first of its range) climbs
/// by cycles, in parallel; returns the members that improved (within the
/// cap).
fn elite_cycles<W: PairWeights>(
    pop: &mut [Member<'_, W>],
    ranges: &[std::ops::Range<usize>],
    ctx: &Ctx<'_>,
) -> Vec<usize> {
    let firsts: Vec<usize> = ranges.iter().filter(|r| !r.is_empty()).map(|r| r.start).collect();
    pop.par_iter_mut()
        .enumerate()
        .filter(|(i, _)| firsts.contains(i))
        .filter_map(|(i, m)| {
            let before = m.state.value;
            if !descend_with_cycles(&mut m.state, ctx.free, ctx.is_free, ctx.deadline) {
                ctx.stopped.store(true, Ordering::Relaxed);
            }
            (m.state.within_cap() && m.state.value.cmp_tol(&before).is_gt()).then_some(i)
        })
        .collect()
}
