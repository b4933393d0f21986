//! The grouping engine: maximise the sum of pair weights inside groups, with
//! per-group size bounds and hard rules. Municipality lineups are one client
//! (one instance per block), MDGPLIB benchmark instances another.
//!
//! * [`instance`]: elements, weights, groups, rules.
//! * [`items`]: elements merged by must-links.
//! * [`state`]: the assignment with O(1) move evaluation.
//! * [`construct`], [`local_search`], [`perturb`], [`crossover`], [`cycles`]:
//!   the operators.
//! * [`memetic`]: the population search; [`ils`]: single-solution search for
//!   very large instances.
//! * [`rng`]: the portable random number generator.
//!
//! [`solve`] runs independent searches in parallel (rayon), or with
//! [`Schedule::migrate_every`] islands of one search in lockstep, and picks
//! the winner by value, then by run index, so the result never depends on
//! thread count or finishing order.

mod construct;
mod crossover;
mod cycles;
mod exact;
mod ils;
mod instance;
mod islands;
mod items;
mod lns;
mod local_search;
mod memetic;
mod partition_distance;
mod perturb;
#[cfg(test)]
mod properties;
mod rng;
mod schedule;
mod state;
mod value;

use std::time::Instant;

use rayon::prelude::*;

pub use exact::solve as solve_exact;
pub use instance::{Affinity, Broken, DenseWeights, Instance, Limit, PairWeights, Rules, most_pairs};
pub use items::{ItemWeights, Items, RuleConflict};
pub use memetic::Schedule;
pub use perturb::undirected;
pub use rng::Rng;
pub use state::State;
pub use value::Value;

use crate::cancel::CancelToken;

use memetic::{Budget, RunResult, Start};

/// Instances with more items than this are searched with iterated local
/// search instead of a population (unless large-neighbourhood search applies).
pub const POPULATION_LIMIT: usize = 2_500;

/// Instances with more items than this and at least `2 · lns::CHUNK_GROUPS`
/// groups are searched by large-neighbourhood search over chunks of groups.
pub const LNS_LIMIT: usize = 1_000;

/// How long and how widely to search.
#[derive(Clone, Debug)]
pub struct SearchParams {
    /// Independent runs (each with its own random stream).
    pub runs: usize,
    /// Generations per run (the deterministic budget); `None`: until the deadline.
    pub generations: Option<usize>,
    /// Base seed.
    pub seed: u64,
    /// Wall-clock stop. When it cuts a run short, the result depends on timing
    /// (reported as `cut_by_time`).
    pub deadline: Option<Instant>,
    /// Start run 0 from this element → group assignment instead of constructing.
    pub start: Option<Vec<usize>>,
    /// Population schedule.
    pub schedule: Schedule,
    /// Stops every run when cancelled, like the deadline (the result is
    /// then reported as `cut_by_time`).
    pub cancel: Option<CancelToken>,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            runs: 4,
            generations: Some(30),
            seed: 0,
            deadline: None,
            start: None,
            schedule: Schedule::default(),
            cancel: None,
        }
    }
}

/// The best assignment found.
#[derive(Clone, Debug)]
pub struct Outcome<V> {
    /// Element → group.
    pub groups: Vec<usize>,
    /// Objective, evaluated from scratch.
    pub value: V,
    /// Which run found it.
    pub run: usize,
    /// Whether the clock stopped any run.
    pub cut_by_time: bool,
    /// Generations completed, per run.
    pub generations: Vec<usize>,
    /// When the winning run found its best solution.
    pub time_to_best: std::time::Duration,
}

/// Runs the search. `Ok(None)`: no run found a feasible assignment; `Err`:
/// the rules contradict each other.
pub fn solve<W: PairWeights>(
    inst: &Instance<W>,
    params: &SearchParams,
) -> Result<Option<Outcome<W::V>>, RuleConflict> {
    let items = Items::build(inst)?;
    let iw = ItemWeights::new(inst, &items);
    let start: Option<Vec<usize>> = params
        .start
        .as_ref()
        .filter(|s| inst.check(s).is_ok())
        .map(|s| items.members.iter().map(|m| s[m[0]]).collect());
    let quotas = inst.rules.quotas.as_deref();
    let attr = inst.rules.cap.as_ref().map(|c| c.0.as_slice());
    let started = Instant::now();
    if items.len() > LNS_LIMIT && inst.groups() >= 2 * lns::CHUNK_GROUPS {
        return Ok(solve_large(
            inst,
            params,
            &items,
            &iw,
            start.as_deref(),
            quotas,
            attr,
        ));
    }
    let runs = params.runs.clamp(1, crate::solve::MAX_RUNS);
    // Runs that would start after the deadline are skipped (run 0 always
    // runs, so there is an answer); skipping counts as a cut by the clock.
    let skipped = std::sync::atomic::AtomicBool::new(false);
    let budget = Budget {
        generations: params.generations,
        time: params.deadline.map(|d| d.saturating_duration_since(started)),
        started,
        cancel: params.cancel.clone(),
    };
    let lockstep = runs > 1 && params.schedule.migrate_every > 0 && items.len() <= POPULATION_LIMIT;
    let results: Vec<Option<RunResult<W::V>>> = if lockstep {
        islands(inst, &items, &iw, params, &budget, start.as_deref(), runs)
    } else {
        (0..runs)
            .into_par_iter()
            .map(|r| {
                if r > 0 && budget.timed_out() {
                    skipped.store(true, std::sync::atomic::Ordering::Relaxed);
                    return None;
                }
                let mut rng = Rng::new(params.seed, r as u64);
                let mut s = State::empty(inst, &items, &iw);
                let start = Start {
                    quotas,
                    attr,
                    initial: if r == 0 { start.as_deref() } else { None },
                };
                if items.len() > POPULATION_LIMIT {
                    ils::run(&mut s, &mut rng, &budget, start)
                } else {
                    memetic::run(&mut s, &mut rng, &params.schedule, &budget, start)
                }
            })
            .collect()
    };
    let cut_by_time =
        skipped.load(std::sync::atomic::Ordering::Relaxed) || results.iter().flatten().any(|r| r.cut_by_time);
    // Islands run in lockstep: each completed the winner's generations.
    let together = lockstep.then(|| results.iter().flatten().map(|r| r.generations).max().unwrap_or(0));
    let generations = results
        .iter()
        .map(|r| together.unwrap_or_else(|| r.as_ref().map_or(0, |r| r.generations)))
        .collect();
    let mut best: Option<Outcome<W::V>> = None;
    for (r, res) in results.into_iter().enumerate() {
        let Some(res) = res else { continue };
        let mut groups = vec![0usize; inst.len()];
        for (u, mem) in items.members.iter().enumerate() {
            for &i in mem {
                groups[i] = res.groups[u];
            }
        }
        // Every rule (the cap on elements away from home included) is checked
        // again on the element level before a run can win.
        if inst.check(&groups).is_err() {
            continue;
        }
        let value = inst.evaluate(&groups);
        if best.as_ref().is_none_or(|b| value.cmp_tol(&b.value).is_gt()) {
            best = Some(Outcome {
                groups,
                value,
                run: r,
                cut_by_time,
                generations: Vec::new(),
                time_to_best: res.time_to_best,
            });
        }
    }
    Ok(best.map(|mut b| {
        b.generations = generations;
        b
    }))
}

/// The runs as islands of one population search (see
/// [`Schedule::migrate_every`]): the result stands in the slot of the island
/// that found it, the other slots hold nothing.
fn islands<W: PairWeights>(
    inst: &Instance<W>,
    items: &Items,
    iw: &ItemWeights<'_, W>,
    params: &SearchParams,
    budget: &Budget,
    start: Option<&[usize]>,
    runs: usize,
) -> Vec<Option<RunResult<W::V>>> {
    let mut rngs: Vec<Rng> = (0..runs).map(|r| Rng::new(params.seed, r as u64)).collect();
    let mut s = State::empty(inst, items, iw);
    let start = Start {
        quotas: inst.rules.quotas.as_deref(),
        attr: inst.rules.cap.as_ref().map(|c| c.0.as_slice()),
        initial: start,
    };
    let mut results: Vec<Option<RunResult<W::V>>> = (0..runs).map(|_| None).collect();
    if let Some(res) = memetic::run_islands(&mut s, &mut rngs, &params.schedule, budget, start) {
        let island = res.island;
        results[island] = Some(res);
    }
    results
}

/// Greedy start (or the given one) on the full instance, then
/// large-neighbourhood search.
fn solve_large<W: PairWeights>(
    inst: &Instance<W>,
    params: &SearchParams,
    items: &Items,
    iw: &ItemWeights<'_, W>,
    start: Option<&[usize]>,
    quotas: Option<&[Vec<(u8, usize)>]>,
    attr: Option<&[u8]>,
) -> Option<Outcome<W::V>> {
    let mut rng = Rng::new(params.seed, 0);
    let item_groups = match start {
        Some(s) => s.to_vec(),
        None => {
            let mut s = State::empty(inst, items, iw);
            if !construct::construct(&mut s, &mut rng, construct::Pick::Greedy, quotas, attr) {
                return None;
            }
            s.group
        }
    };
    let mut groups = vec![0usize; inst.len()];
    for (u, mem) in items.members.iter().enumerate() {
        for &i in mem {
            groups[i] = item_groups[u];
        }
    }
    let res = lns::run(
        inst,
        groups,
        &lns::LnsParams {
            rounds: params.generations,
            deadline: params.deadline,
            chunk_generations: 3,
            seed: params.seed,
            cancel: params.cancel.clone(),
        },
    );
    let value = inst.evaluate(&res.groups);
    debug_assert!(value.cmp_tol(&res.value).is_eq(), "LNS kept its value up to date");
    Some(Outcome {
        value,
        groups: res.groups,
        run: 0,
        cut_by_time: res.cut_by_time,
        generations: vec![res.rounds],
        time_to_best: res.time_to_best,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(n: usize) -> DenseWeights<f64> {
        DenseWeights::from_fn(n, |i, j| (i as f64 - j as f64).abs())
    }

    fn brute(inst: &Instance<DenseWeights<f64>>) -> f64 {
        let n = inst.len();
        let m = inst.groups();
        let mut best = f64::NEG_INFINITY;
        let mut g = vec![0usize; n];
        loop {
            if inst.check(&g).is_ok() {
                best = best.max(inst.evaluate(&g));
            }
            let mut i = 0;
            while i < n {
                g[i] += 1;
                if g[i] < m {
                    break;
                }
                g[i] = 0;
                i += 1;
            }
            if i == n {
                return best;
            }
        }
    }

    #[test]
    fn finds_the_optimum_of_small_instances() {
        let inst = Instance::new(line(8), vec![(4, 4), (4, 4)]);
        let out = solve(&inst, &SearchParams::default()).unwrap().unwrap();
        assert!(inst.check(&out.groups).is_ok());
        assert!((out.value - brute(&inst)).abs() < 1e-9);
    }

    #[test]
    fn respects_rules() {
        let mut inst = Instance::new(line(9), vec![(2, 4), (2, 4), (2, 4)]);
        inst.rules.must_link = vec![(0, 8)];
        inst.rules.cannot_link = vec![(1, 7)];
        inst.rules.pinned = vec![(4, 2)];
        inst.rules.cap = Some((vec![0, 0, 0, 1, 1, 1, 2, 2, 2], 2));
        let out = solve(&inst, &SearchParams::default()).unwrap().unwrap();
        assert_eq!(inst.check(&out.groups), Ok(()));
        assert!((out.value - brute(&inst)).abs() < 1e-9);
    }

    #[test]
    fn same_seed_same_result_any_thread_count() {
        let inst = Instance::new(line(30), vec![(10, 10); 3]);
        let p = SearchParams {
            seed: 42,
            generations: Some(5),
            ..SearchParams::default()
        };
        let a = solve(&inst, &p).unwrap().unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let b = pool.install(|| solve(&inst, &p).unwrap().unwrap());
        assert_eq!(a.groups, b.groups);
        assert_eq!(a.run, b.run);
        assert!(!a.cut_by_time);
    }

    #[test]
    fn islands_are_deterministic_and_keep_rules() {
        let mut inst = Instance::new(line(40), vec![(6, 8); 6]);
        inst.rules.cannot_link = vec![(0, 39)];
        let p = SearchParams {
            runs: 3,
            seed: 7,
            generations: Some(6),
            schedule: Schedule {
                migrate_every: 2,
                ..Schedule::default()
            },
            ..SearchParams::default()
        };
        let a = solve(&inst, &p).unwrap().unwrap();
        assert_eq!(inst.check(&a.groups), Ok(()));
        assert_eq!(a.generations, vec![6; 3], "the islands run in lockstep");
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let b = pool.install(|| solve(&inst, &p).unwrap().unwrap());
        assert_eq!((a.groups, a.run), (b.groups, b.run));
    }

    #[test]
    fn islands_with_cycles_are_deterministic() {
        let w = DenseWeights::from_fn(90, |i, j| ((i * 7919 + j * 104_729 + i * j) % 997) as f64);
        let inst = Instance::new(w, vec![(8, 10); 10]);
        let params = |elite_cycles| SearchParams {
            runs: 2,
            seed: 5,
            generations: Some(3),
            schedule: Schedule {
                migrate_every: 2,
                elite_cycles,
                ..Schedule::default()
            },
            ..SearchParams::default()
        };
        let a = solve(&inst, &params(true)).unwrap().unwrap();
        assert_eq!(inst.check(&a.groups), Ok(()));
        assert!((inst.evaluate(&a.groups) - a.value).abs() < 1e-6);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let b = pool.install(|| solve(&inst, &params(true)).unwrap().unwrap());
        assert_eq!((&a.groups, a.run), (&b.groups, b.run));
        let plain = solve(&inst, &params(false)).unwrap().unwrap();
        // Deterministic, so this checks once and for all that the cycles ran.
        assert_ne!(a.groups, plain.groups, "the cycles changed nothing: are they on?");
    }

    #[test]
    fn an_improving_search_goes_on_past_its_generations_while_the_clock_allows() {
        // Weights without structure: the search still improves late in a
        // short budget, so `extend` runs the budget again; without a
        // deadline, or without `extend`, it stops at the budget.
        let w = DenseWeights::from_fn(90, |i, j| {
            ((i * 7919 + j * 104_729) % 1_000) as f64 + ((i ^ j) % 13) as f64
        });
        let inst = Instance::new(w, vec![(8, 10); 10]);
        let base = SearchParams {
            runs: 1,
            seed: 3,
            generations: Some(4),
            ..SearchParams::default()
        };
        let extend = Schedule {
            extend: true,
            ..Schedule::default()
        };
        let plain = solve(&inst, &base).unwrap().unwrap();
        assert_eq!(plain.generations, vec![4]);
        let no_clock = solve(
            &inst,
            &SearchParams {
                schedule: extend.clone(),
                ..base.clone()
            },
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            no_clock.generations,
            vec![4],
            "without a deadline the budget is the budget"
        );
        let timed = SearchParams {
            schedule: extend,
            deadline: Some(Instant::now() + std::time::Duration::from_secs(120)),
            ..base
        };
        let long = solve(&inst, &timed).unwrap().unwrap();
        assert!(long.generations[0] > 4, "{:?}", long.generations);
        assert_eq!(long.generations[0] % 4, 0, "whole passes over the budget");
        assert!(!long.cut_by_time);
        assert!(long.value.cmp_tol(&plain.value).is_ge());
        let again = solve(&inst, &timed).unwrap().unwrap();
        assert_eq!(
            again.groups, long.groups,
            "the extension depends on the search, not the clock"
        );
    }

    #[test]
    fn a_completed_generation_budget_is_no_cut_even_past_the_deadline() {
        // The clock may run out during the last generation without stopping
        // anything: the result is then the same as on a faster machine, and
        // reporting it as cut made `cut_by_time_limit` flip between runs.
        let inst = Instance::new(line(8), vec![(4, 4), (4, 4)]);
        let past = Instant::now();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let done = SearchParams {
            runs: 1,
            generations: Some(0),
            deadline: Some(past),
            ..SearchParams::default()
        };
        let out = solve(&inst, &done).unwrap().unwrap();
        assert!(!out.cut_by_time, "the budget was complete");
        // Generations left when the clock ran out: a real cut.
        let cut = solve(
            &inst,
            &SearchParams {
                generations: Some(5),
                ..done
            },
        )
        .unwrap()
        .unwrap();
        assert!(cut.cut_by_time);
    }

    #[test]
    fn contradictory_rules_are_an_error() {
        let mut inst = Instance::new(line(4), vec![(2, 2), (2, 2)]);
        inst.rules.must_link = vec![(0, 1)];
        inst.rules.cannot_link = vec![(1, 0)];
        assert!(solve(&inst, &SearchParams::default()).is_err());
    }

    #[test]
    fn impossible_caps_give_no_outcome() {
        let mut inst = Instance::new(line(4), vec![(2, 2), (2, 2)]);
        inst.rules.cap = Some((vec![0, 0, 0, 1], 1));
        assert!(solve(&inst, &SearchParams::default()).unwrap().is_none());
    }

    #[test]
    fn large_neighbourhood_search_improves_and_keeps_rules() {
        // 1 200 points on a line in 200 groups of 6: many groups, small groups.
        let n = 1_200;
        let mut inst = Instance::new(line(n), vec![(6, 6); 200]);
        inst.rules.cap = Some(((0..n).map(|i| (i % 7) as u8).collect(), 2));
        inst.rules.pinned = vec![(5, 0), (6, 0)];
        let p = SearchParams {
            generations: Some(3),
            ..SearchParams::default()
        };
        let out = solve(&inst, &p).unwrap().unwrap();
        assert_eq!(inst.check(&out.groups), Ok(()));
        let again = solve(&inst, &p).unwrap().unwrap();
        assert_eq!(out.groups, again.groups);
    }

    #[test]
    fn must_linked_items_move_together() {
        let mut inst = Instance::new(line(12), vec![(3, 5); 3]);
        inst.rules.must_link = vec![(0, 11), (11, 5)];
        let out = solve(&inst, &SearchParams::default()).unwrap().unwrap();
        assert_eq!(inst.check(&out.groups), Ok(()));
        assert!((out.value - brute(&inst)).abs() < 1e-9);
    }
}
