//! The grouping engine: maximise the sum of pair weights inside groups, with
//! per-group size bounds and hard rules. Municipality lineups are one client
//! (one instance per block), MDGPLIB benchmark instances another.
//!
//! * [`instance`]: elements, weights, groups, rules.
//! * [`state`]: the assignment with O(1) move evaluation.
//! * [`construct`]: greedy randomised start.
//! * [`search`]: local search and iterated local search.
//! * [`rng`]: the portable random number generator.
//!
//! [`solve`] runs independent searches in parallel (rayon) and picks the
//! winner by value, then by run index, so the result never depends on
//! thread count or finishing order.

pub mod construct;
pub mod instance;
pub mod rng;
pub mod search;
pub mod state;
pub mod value;

use std::time::Instant;

use rayon::prelude::*;

pub use instance::{DenseWeights, Instance, PairWeights, Rules};
pub use state::{Items, State};
pub use value::Value;

use rng::Rng;

/// How long and how widely to search.
#[derive(Clone, Debug)]
pub struct SearchParams {
    /// Independent runs (each with its own random stream).
    pub runs: usize,
    /// Perturbation rounds per run.
    pub iterations: usize,
    /// Base seed.
    pub seed: u64,
    /// Wall-clock stop (results are then timing-dependent; reported).
    pub deadline: Option<Instant>,
    /// Start run 0 from this element → group assignment instead of constructing.
    pub start: Option<Vec<usize>>,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            runs: 8,
            iterations: 300,
            seed: 0,
            deadline: None,
            start: None,
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
    /// Whether any run was stopped by the deadline.
    pub cut_by_time: bool,
    /// Runs that found a feasible start.
    pub feasible_runs: usize,
}

/// Runs the search. `Ok(None)`: no run found a feasible assignment; `Err`:
/// the rules contradict each other.
pub fn solve<W: PairWeights>(
    inst: &Instance<W>,
    params: &SearchParams,
) -> Result<Option<Outcome<W::V>>, String> {
    let items = Items::build(inst)?;
    let runs = params.runs.max(1);
    let results: Vec<Option<search::RunResult<W::V>>> = (0..runs)
        .into_par_iter()
        .map(|r| {
            let mut rng = Rng::new(params.seed, r as u64);
            let mut s = State::empty(inst, &items);
            match (&params.start, r) {
                (Some(start), 0) if inst.check(start).is_ok() => s.load(start),
                _ => {
                    if !construct::construct(&mut s, &mut rng) {
                        return None;
                    }
                }
            }
            Some(search::iterated_local_search(
                &mut s,
                &mut rng,
                params.iterations,
                params.deadline,
            ))
        })
        .collect();
    let cut_by_time = results.iter().flatten().any(|r| r.cut_by_time);
    let feasible_runs = results.iter().flatten().count();
    let mut best: Option<Outcome<W::V>> = None;
    for (r, res) in results.into_iter().enumerate() {
        let Some(res) = res else { continue };
        let value = inst.evaluate(&res.groups);
        if best.as_ref().is_none_or(|b| value.cmp_tol(&b.value).is_gt()) {
            best = Some(Outcome {
                groups: res.groups,
                value,
                run: r,
                cut_by_time,
                feasible_runs,
            });
        }
    }
    Ok(best)
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
            iterations: 50,
            ..SearchParams::default()
        };
        let a = solve(&inst, &p).unwrap().unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let b = pool.install(|| solve(&inst, &p).unwrap().unwrap());
        assert_eq!(a.groups, b.groups);
        assert_eq!(a.run, b.run);
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
}
