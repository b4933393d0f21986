//! One run of the population search (a memetic algorithm in the spirit of
//! the three-phase search with dynamic population size of Yang et al. 2022).
//!
//! Each generation, every solution of the population
//! 1. takes a random walk of `η = θ·n/m` feasible moves and climbs back
//!    with local search (undirected perturbation),
//! 2. is crossed with a random partner; the child, after local search,
//!    replaces it if it is better, or only slightly worse but different,
//! 3. gives up and regains its weakest members (directed perturbation),
//!    then climbs again.
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
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::construct::{Pick, construct};
use super::crossover::crossover;
use super::instance::PairWeights;
use super::islands::{Ctx, Member, Step, island_ranges, migrate, regrow};
use super::perturb::{directed, undirected};
use super::rng::Rng;
use super::state::State;
use super::value::Value;
use crate::cancel::CancelToken;

/// Knobs of the population search.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// Initial population size.
    pub pop_max: usize,
    /// Final population size.
    pub pop_min: usize,
    /// Initial walk length factor (moves = θ·items/groups).
    pub theta_max: f64,
    /// Final walk length factor.
    pub theta_min: f64,
    /// Rounds of directed perturbation per generation.
    pub eta_max: usize,
    /// Weight of diversity when accepting a slightly worse child.
    pub alpha: f64,
    /// With several runs: every this many generations, each run's best
    /// solution replaces the weakest of the next run's population (the runs
    /// become islands of one search, processed in lockstep so that both
    /// cores work on one search); 0: the runs are independent.
    pub migrate_every: usize,
    /// With a generation budget and a deadline: when the best solution still
    /// improved in the second half of the budget, run the budget again
    /// (the population regrown from perturbed copies of the survivors),
    /// until it stops improving or the clock runs out. The result depends on
    /// the clock only when the clock stops the search (reported as a cut).
    pub extend: bool,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            pop_max: 15,
            pop_min: 2,
            theta_max: 1.2,
            theta_min: 0.1,
            eta_max: 3,
            alpha: 0.05,
            migrate_every: 0,
            extend: false,
        }
    }
}

/// When a run stops.
#[derive(Clone, Debug)]
pub struct Budget {
    /// Generations (the deterministic budget), if any.
    pub generations: Option<usize>,
    /// Wall-clock budget of this run, if any.
    pub time: Option<Duration>,
    /// When the run started.
    pub started: Instant,
    /// Stops the run when cancelled, like the clock.
    pub cancel: Option<CancelToken>,
}

impl Budget {
    /// Fraction of the budget used, in `[0, 1]`: by generations when a
    /// generation budget is set (so the schedule, and with it the result,
    /// never depends on timing), else by the clock.
    pub fn progress(&self, generation: usize) -> f64 {
        match (self.generations, self.time) {
            (Some(g), _) => (generation as f64 / g.max(1) as f64).min(1.0),
            (None, Some(t)) => (self.started.elapsed().as_secs_f64() / t.as_secs_f64().max(1e-9)).min(1.0),
            (None, None) => 0.0,
        }
    }

    /// The wall-clock deadline, if any.
    pub fn deadline(&self) -> Option<Instant> {
        self.time.map(|t| self.started + t)
    }

    /// Whether the clock has run out, or the run was cancelled.
    pub fn timed_out(&self) -> bool {
        self.cancel.as_ref().is_some_and(CancelToken::is_cancelled)
            || self.deadline().is_some_and(|d| Instant::now() >= d)
    }
}

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

/// Fraction of item pairs grouped differently in two assignments, times the
/// number of groups (0 for equal partitions).
///
/// Counted in `O(items + groups²)` from the joint table of the two
/// assignments: pairs together in `a` plus pairs together in `b`, minus
/// twice the pairs together in both.
fn distance(a: &[usize], b: &[usize], m: usize) -> f64 {
    let k = a.len();
    if k < 2 {
        return 0.0;
    }
    let mut joint = vec![0usize; m * m];
    let (mut in_a, mut in_b) = (vec![0usize; m], vec![0usize; m]);
    for (&x, &y) in a.iter().zip(b) {
        joint[x * m + y] += 1;
        in_a[x] += 1;
        in_b[y] += 1;
    }
    let pairs = |c: &usize| c * c.saturating_sub(1) / 2;
    let both: usize = joint.iter().map(pairs).sum();
    let differ = in_a.iter().map(pairs).sum::<usize>() + in_b.iter().map(pairs).sum::<usize>() - 2 * both;
    differ as f64 / (k * (k - 1) / 2) as f64 * m as f64
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_distance_counts_pairs_grouped_differently() {
        let brute = |a: &[usize], b: &[usize], m: usize| {
            let k = a.len();
            let mut differ = 0usize;
            for i in 0..k {
                for j in i + 1..k {
                    if (a[i] == a[j]) != (b[i] == b[j]) {
                        differ += 1;
                    }
                }
            }
            differ as f64 / (k * (k - 1) / 2) as f64 * m as f64
        };
        let mut rng = Rng::new(3, 0);
        for _ in 0..100 {
            let (k, m) = (2 + rng.below(30), 1 + rng.below(5));
            let a: Vec<usize> = (0..k).map(|_| rng.below(m)).collect();
            let b: Vec<usize> = (0..k).map(|_| rng.below(m)).collect();
            assert_eq!(distance(&a, &b, m), brute(&a, &b, m));
            assert_eq!(distance(&a, &a, m), 0.0);
        }
    }

    #[test]
    fn a_generation_budget_alone_drives_the_schedule() {
        // A clock that has long run out must not change the schedule of a
        // generation budget (it only stops the run, reported as cut).
        let b = Budget {
            generations: Some(10),
            time: Some(Duration::from_nanos(1)),
            started: Instant::now(),
            cancel: None,
        };
        std::thread::sleep(Duration::from_millis(1));
        assert_eq!(b.progress(5), 0.5);
        assert!(b.timed_out());
        let clock = Budget {
            generations: None,
            time: Some(Duration::from_nanos(1)),
            started: Instant::now(),
            cancel: None,
        };
        assert_eq!(clock.progress(0), 1.0);
    }
}
