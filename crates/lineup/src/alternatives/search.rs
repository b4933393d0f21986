//! Finding a good lineup far from earlier ones.
//!
//! 1. *Push away*: the engine maximises the objective minus a price `μ` for
//!    every pair of members that already share a cluster in an earlier
//!    lineup; `μ` doubles until the result is far enough from every earlier
//!    lineup (first on the spread level, then on the penalty level).
//! 2. *Pull back*: local search on the true objective (relocations and
//!    swaps, every rule checked) that only accepts moves keeping the lineup
//!    far enough from every earlier one.

use rayon::prelude::*;

use crate::cancel::Stop;
use crate::engine::{
    self, Instance, ItemWeights, Items, PairWeights, Rng, SearchParams, State, Value, undirected,
};
use crate::lineup::Lineup;
use crate::objective::Lex;
use crate::problem::Problem;
use crate::solve::SolveOptions;
use crate::solve::block::BlockModel;

use super::distance::{Matrix, max_assignment};

/// Pair weights minus a price for pairs that share a cluster in earlier lineups.
struct Penalised<W> {
    base: W,
    /// Per earlier lineup, per member: its cluster there.
    labels: Vec<Vec<u32>>,
    price: Lex,
}

impl<W: PairWeights<V = Lex>> PairWeights for Penalised<W> {
    type V = Lex;
    fn len(&self) -> usize {
        self.base.len()
    }
    #[inline]
    fn weight(&self, i: usize, j: usize) -> Lex {
        let shared = self.labels.iter().filter(|l| l[i] == l[j]).count();
        self.base.weight(i, j) - self.price.scale(shared as f64)
    }
}

/// One block with its members' clusters in the earlier lineups.
pub(crate) struct BlockView {
    pub model: BlockModel,
    /// Per earlier lineup, per local member: cluster index there.
    pub labels: Vec<Vec<u32>>,
}

impl BlockView {
    pub fn new(problem: &Problem, b: usize, earlier: &[Lineup]) -> BlockView {
        let block = &problem.blocks()[b];
        let n = problem.municipalities().len();
        let labels = earlier
            .iter()
            .map(|l| {
                let a = l.assignment(n);
                block
                    .members
                    .iter()
                    .map(|&i| a[i].map_or(u32::MAX, |c| c as u32))
                    .collect()
            })
            .collect();
        BlockView {
            model: BlockModel::new(problem, block),
            labels,
        }
    }

    /// Fewest members of this block to move from `groups` to each earlier lineup.
    pub fn distances(&self, groups: &[usize]) -> Vec<usize> {
        self.labels
            .iter()
            .map(|l| local_distance(groups, l, self.model.clusters))
            .collect()
    }
}

/// Partition distance between a local assignment and labels of an earlier lineup.
fn local_distance(groups: &[usize], labels: &[u32], k: usize) -> usize {
    let mut ids: Vec<u32> = labels.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let size = k.max(ids.len());
    let mut overlap = Matrix::new(size, size, 0i64);
    for (x, &g) in groups.iter().enumerate() {
        if let Ok(j) = ids.binary_search(&labels[x]) {
            overlap[(g, j)] += 1;
        }
    }
    groups.len() - max_assignment(&overlap) as usize
}

/// The prices tried, cheapest first.
fn prices(model: &BlockModel) -> Vec<Lex> {
    let n = model.len();
    let mut sum = 0.0;
    let mut count = 0usize;
    let step = (n / 40).max(1);
    for i in (0..n).step_by(step) {
        for j in (i + 1..n).step_by(step) {
            sum += model.weights.terms(i, j).1.abs();
            count += 1;
        }
    }
    let typical = if count > 0 {
        (sum / count as f64).max(1e-3)
    } else {
        1.0
    };
    let w = model.weights.weights;
    let penalty_unit = (w.same_land + w.mixed_class).max(1.0);
    let factors = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0];
    factors
        .iter()
        .map(|f| Lex::new(0.0, typical * f))
        .chain(factors.iter().map(|f| Lex::new(penalty_unit * f, 0.0)))
        .collect()
}

/// The engine on one block with penalised weights; `None` if it found nothing.
pub(crate) fn push_away(
    view: &BlockView,
    price: Lex,
    options: &SolveOptions,
    seed: u64,
    stop: &Stop,
) -> Option<Vec<usize>> {
    let base = view.model.dense_instance();
    let inst = Instance {
        weights: Penalised {
            base: base.weights,
            labels: view.labels.clone(),
            price,
        },
        bounds: base.bounds,
        rules: base.rules,
        affinity: None,
    };
    let params = SearchParams {
        runs: options.runs(),
        generations: Some(options.generations()),
        seed,
        deadline: stop.deadline,
        start: None,
        schedule: engine::Schedule::default(),
        cancel: stop.cancel.clone(),
    };
    engine::solve(&inst, &params).ok().flatten().map(|o| o.groups)
}

/// Finds, per block, a local assignment such that the whole lineup is at
/// least `min_difference` members away from every earlier lineup.
pub(crate) fn far_lineup(
    views: &[BlockView],
    min_difference: usize,
    options: &SolveOptions,
    seed: u64,
    stop: &Stop,
) -> Option<Vec<Vec<usize>>> {
    let schedule: Vec<Vec<Lex>> = views.iter().map(|v| prices(&v.model)).collect();
    let steps = schedule.iter().map(Vec::len).max().unwrap_or(0);
    for step in 0..steps {
        if stop.now() {
            return None;
        }
        let found: Option<Vec<Vec<usize>>> = views
            .par_iter()
            .enumerate()
            .map(|(b, v)| {
                let price = schedule[b][step.min(schedule[b].len() - 1)];
                push_away(v, price, options, seed ^ (b as u64) << 8, stop)
            })
            .collect();
        let Some(groups) = found else { continue };
        if far_enough(views, &groups, min_difference) {
            return Some(groups);
        }
    }
    None
}

fn totals(views: &[BlockView], groups: &[Vec<usize>]) -> Vec<usize> {
    let mut total = vec![0usize; views.first().map_or(0, |v| v.labels.len())];
    for (v, g) in views.iter().zip(groups) {
        for (t, d) in total.iter_mut().zip(v.distances(g)) {
            *t += d;
        }
    }
    total
}

fn far_enough(views: &[BlockView], groups: &[Vec<usize>], min_difference: usize) -> bool {
    totals(views, groups).iter().all(|&d| d >= min_difference)
}

/// Improves the lineup on the true objective with moves that keep it far
/// enough from every earlier lineup: a first-improvement descent, then
/// iterated rounds of random walk and descent that keep a result only if it
/// is better and still far enough (until `rounds` or the stop).
pub(crate) fn pull_back(
    views: &[BlockView],
    groups: &mut [Vec<usize>],
    min_difference: usize,
    seed: u64,
    rounds: usize,
    stop: &Stop,
) {
    for b in 0..views.len() {
        let v = &views[b];
        let inst = v.model.dense_instance();
        let Ok(items) = Items::build(&inst) else { continue };
        let iw = ItemWeights::new(&inst, &items);
        let mut s = State::empty(&inst, &items, &iw);
        let item_groups: Vec<usize> = items.members.iter().map(|m| groups[b][m[0]]).collect();
        s.load(&item_groups);
        // Distances of the other blocks stay fixed while this one changes.
        let mut others = totals(views, groups);
        for (o, d) in others.iter_mut().zip(v.distances(&groups[b])) {
            *o -= d;
        }
        let ok = |g: &[usize]| {
            v.distances(g)
                .iter()
                .zip(&others)
                .all(|(d, o)| d + o >= min_difference)
        };
        let free: Vec<usize> = (0..s.k).filter(|&u| items.pinned[u].is_none()).collect();
        descend_far(&mut s, &free, &ok, stop);
        let mut best = (s.group.clone(), s.value);
        let mut rng = Rng::new(seed, b as u64);
        let strength = (free.len() / 6).max(2);
        for _ in 0..rounds {
            if stop.now() {
                break;
            }
            undirected(&mut s, &mut rng, &free, strength, None);
            descend_far(&mut s, &free, &ok, stop);
            if s.value.cmp_tol(&best.1).is_gt() && ok(&s.element_groups()) {
                best = (s.group.clone(), s.value);
            } else {
                s.load(&best.0);
            }
        }
        s.load(&best.0);
        groups[b] = s.element_groups();
    }
}

/// First-improvement relocations and swaps that keep `ok`.
fn descend_far<W: PairWeights<V = Lex>>(
    s: &mut State<'_, W>,
    free: &[usize],
    ok: &dyn Fn(&[usize]) -> bool,
    stop: &Stop,
) {
    let mut improved = true;
    while improved && !stop.now() {
        improved = false;
        'scan: for (a, &u) in free.iter().enumerate() {
            for h in 0..s.m {
                if h != s.group[u] && s.relocate_gain(u, h).is_gain() && s.can_relocate(u, h) {
                    let g = s.group[u];
                    s.relocate(u, h);
                    if ok(&s.element_groups()) {
                        improved = true;
                        break 'scan;
                    }
                    s.relocate(u, g);
                }
            }
            for &w in &free[a + 1..] {
                if s.group[w] != s.group[u] && s.swap_gain(u, w).is_gain() && s.can_swap(u, w) {
                    s.swap(u, w);
                    if ok(&s.element_groups()) {
                        improved = true;
                        break 'scan;
                    }
                    s.swap(u, w);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_distance_ignores_labels() {
        assert_eq!(local_distance(&[0, 0, 1, 1], &[7, 7, 3, 3], 2), 0);
        assert_eq!(local_distance(&[0, 0, 1, 1], &[7, 3, 7, 3], 2), 2);
        assert_eq!(local_distance(&[0, 0, 0, 1], &[5, 5, 5, 5], 2), 1);
    }
}
