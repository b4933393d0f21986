//! Enumeration of admissible columns by depth-first search with bound
//! pruning: the exact pricing of column generation, and all columns above
//! a threshold to close the gap.

mod fill;
mod last;
mod quotas;
mod root;

use std::sync::atomic::{AtomicUsize, Ordering};

use fill::fill;
use quotas::Quotas;
use rayon::slice::ParallelSliceMut;

use super::grouped::{FREE, GROUPS, GroupedTop, pair_table};
use super::{Bits, ColumnSpace, Halt, Tally};
use crate::cancel::Stop;

impl ColumnSpace {
    /// Enumerates admissible columns whose reduced value
    /// `Σ q(pairs) + Σ c(units) − sigma` is at least `threshold`; with
    /// `keep_best = Some(k)` only the `k` best are kept and the threshold
    /// rises as better ones are found. `q` is `units × units`, `c` per unit.
    #[allow(clippy::too_many_arguments, reason = "one search with its knobs")]
    pub fn enumerate(
        &self,
        q: &[f64],
        c: &[f64],
        sigma: f64,
        threshold: f64,
        keep_best: Option<usize>,
        limit: usize,
        node_budget: u64,
        stop: &Stop,
    ) -> Result<Vec<(f64, Bits)>, Halt> {
        let knobs = (keep_best, limit, node_budget);
        self.enumerate_in(q, c, sigma, threshold, knobs, stop, true)
    }

    /// [`enumerate`](ColumnSpace::enumerate), the root's subtrees in
    /// parallel or not (the same answer; the tests compare the two).
    #[allow(clippy::too_many_arguments, reason = "one search with its knobs")]
    pub(crate) fn enumerate_in(
        &self,
        q: &[f64],
        c: &[f64],
        sigma: f64,
        threshold: f64,
        (keep_best, limit, node_budget): (Option<usize>, usize, u64),
        stop: &Stop,
        parallel: bool,
    ) -> Result<Vec<(f64, Bits)>, Halt> {
        let u = self.units.len();
        let b = self.max;
        let topq = self.top_pairs(q);
        // Most promising units first: good columns early raise the threshold.
        let mut order: Vec<usize> = (0..u).collect();
        order.sort_by(|&x, &y| {
            (c[y] + topq[y * b + b - 1])
                .total_cmp(&(c[x] + topq[x * b + b - 1]))
                .then(x.cmp(&y))
        });
        let suffix = pair_table(q, &order, &self.unit_group, &self.group_most, b, true);
        let quotas = Quotas::new(self, &order);
        let gains: Vec<f64> = order.iter().map(|&x| c[x]).collect();
        let search = |threshold: f64| Search {
            shared: None,
            space: self,
            q,
            suffix: &suffix,
            quotas: &quotas,
            largest: self.unit_size.iter().copied().max().unwrap_or(1).max(1),
            scratch: GroupedTop::default(),
            mandatory: vec![0.0; GROUPS * b],
            order: &order,
            sigma,
            threshold,
            keep_best,
            limit,
            nodes: 0,
            node_budget,
            stop,
            found: Vec::new(),
            buffers: Vec::new(),
            candidates: Vec::new(),
        };
        // The parallel subtrees count their columns together against `limit`.
        let counted = AtomicUsize::new(0);
        let counting = || Search {
            shared: keep_best.is_none().then_some(&counted),
            ..search(threshold)
        };
        let mut root = counting();
        let mut found = match root.root_children(&gains).filter(|_| parallel) {
            // Small columns or few units: one search.
            None => {
                root.dfs(0, 0, Tally::EMPTY, 0.0, &gains)?;
                root.found
            }
            Some(children) => {
                let knobs = (keep_best, limit, node_budget);
                root::subtrees(&children, counting, &gains, knobs, root.nodes)?
            }
        };
        // Every column is found once: the order is total, and an unstable
        // sort (in parallel for long lists) gives the same list.
        let best_first = |a: &(f64, Bits), b: &(f64, Bits)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if found.len() > PAR_SORT_FROM {
            found.par_sort_unstable_by(best_first);
        } else {
            found.sort_unstable_by(best_first);
        }
        if let Some(k) = keep_best {
            found.truncate(2 * k.max(1));
        }
        Ok(found)
    }
}

impl ColumnSpace {
    /// An upper bound on the reduced value of every admissible column, in
    /// `O(units² log units)`: a column of `r` units gains at most the `r`
    /// largest of `c_j + ½·(sum of j's r−1 best positive pair values)`
    /// (each pair is counted half from either end), where both selections
    /// take at most as many units of a Land as a column may hold. The root
    /// bound of [`enumerate`](ColumnSpace::enumerate); with it, every round
    /// of column generation gives the Lagrangian bound `D + K·bound`.
    pub fn reduced_value_bound(&self, q: &[f64], c: &[f64], sigma: f64) -> f64 {
        let u = self.units.len();
        let b = self.max;
        let topq = self.top_pairs(q);
        let mut top = GroupedTop::default();
        let mut best = f64::NEG_INFINITY;
        for r in 1..=b.min(u) {
            top.reset(r, &self.group_most);
            for j in 0..u {
                top.push(c[j] + topq[j * b + r - 1], self.unit_group[j]);
            }
            if top.kept.len() == r {
                best = best.max(top.sum(r));
            }
        }
        best - sigma
    }

    /// `topq[j·b + r]`: half the sum of unit `j`'s `r` largest positive
    /// pair values (within the Länder's limits), `r < b`.
    fn top_pairs(&self, q: &[f64]) -> Vec<f64> {
        let order: Vec<usize> = (0..self.units.len()).collect();
        pair_table(q, &order, &self.unit_group, &self.group_most, self.max, false)
    }

    /// Room per group left beside the chosen units, and the units of each
    /// group a column still needs.
    #[inline]
    fn room_and_need(&self, chosen: Bits) -> ([usize; GROUPS], [usize; GROUPS]) {
        let mut room = self.group_most;
        let mut need = self.group_least;
        let mut bits = chosen;
        while bits != 0 {
            let g = self.unit_group[bits.trailing_zeros() as usize] as usize;
            if g != FREE as usize {
                room[g] = room[g].saturating_sub(1);
                need[g] = need[g].saturating_sub(1);
            }
            bits &= bits - 1;
        }
        (room, need)
    }
}

struct Search<'a> {
    /// The columns found by all subtrees of a parallel search without
    /// `keep_best`, counted against `limit`.
    shared: Option<&'a AtomicUsize>,
    space: &'a ColumnSpace,
    q: &'a [f64],
    /// Pair bounds per search position, see [`suffix_pairs`].
    suffix: &'a [f64],
    quotas: &'a Quotas,
    /// Members of the largest unit.
    largest: usize,
    scratch: GroupedTop,
    /// Per group, the best values its quota needs (see [`fill`]).
    mandatory: Vec<f64>,
    /// Search position → unit.
    order: &'a [usize],
    sigma: f64,
    threshold: f64,
    keep_best: Option<usize>,
    limit: usize,
    nodes: u64,
    node_budget: u64,
    stop: &'a Stop,
    found: Vec<(f64, Bits)>,
    /// Child gains per search depth.
    buffers: Vec<Vec<f64>>,
    /// The units that may complete a node (see [`last`]).
    candidates: Vec<last::Candidate>,
}

/// Longest list sorted on one thread.
const PAR_SORT_FROM: usize = 100_000;

impl Search<'_> {
    fn record(&mut self, value: f64, units: Bits) -> Result<(), Halt> {
        if value < self.threshold {
            return Ok(());
        }
        self.found.push((value, units));
        match self.keep_best {
            Some(k) if self.found.len() > 2 * k.max(1) => {
                self.found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                self.found.truncate(k.max(1));
                if self.found.len() == k.max(1) {
                    self.threshold = self.threshold.max(self.found[k.max(1) - 1].0);
                }
            }
            None => {
                let over = match self.shared {
                    Some(all) => all.fetch_add(1, Ordering::Relaxed) >= self.limit,
                    None => self.found.len() > self.limit,
                };
                if over {
                    return Err(Halt::TooMany);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Upper bound on the reduced value reachable by adding at least one
    /// unit at search positions `>= next` to `chosen`: `r` more units gain
    /// at most the `r` largest of `gain_j + ½·(sum of j's r−1 best pair
    /// values with the units there)`, at most as many of a Land as the
    /// column has room for. The looser bound with `room − 1` pairs for
    /// every `r` needs one pass; the exact one (`tight`) one per `r`, and
    /// runs only when the loose one does not prune.
    /// `quota_units`: the fewest more units the quotas need.
    #[allow(clippy::too_many_arguments, reason = "one node's state")]
    fn bound(
        &mut self,
        value: f64,
        size: usize,
        chosen: Bits,
        next: usize,
        gains: &[f64],
        tight: bool,
        quota_units: usize,
    ) -> f64 {
        let sp = self.space;
        let b = sp.max;
        let u = sp.units.len();
        let r_max = (b - size).min(gains.len() - next);
        // Units still needed to reach the fewest members.
        let r_min = sp
            .min
            .saturating_sub(size)
            .div_ceil(self.largest)
            .max(quota_units)
            .max(1);
        if r_max < r_min {
            return f64::NEG_INFINITY;
        }
        let (room, need) = sp.room_and_need(chosen);
        let need_total: usize = need.iter().sum();
        if need_total > r_max {
            return f64::NEG_INFINITY;
        }
        let mut rest_room = room;
        for (r, n) in rest_room.iter_mut().zip(&need) {
            *r = r.saturating_sub(*n);
        }
        let mut best = std::mem::take(&mut self.scratch);
        let mut mand = std::mem::take(&mut self.mandatory);
        let row = &self.suffix[next * u * b..(next + 1) * u * b];
        let order = &self.order;
        let groups = &sp.unit_group;
        let at = |x: usize, r: usize| gains[x] + row[order[x] * b + r - 1];
        let values = |r: usize| (next..gains.len()).map(move |x| (at(x, r), groups[order[x]]));
        let mut loose = f64::NEG_INFINITY;
        let must = fill(
            &mut best,
            &mut mand,
            b,
            &need,
            &rest_room,
            r_max - need_total,
            values(r_max),
        );
        let mut sum = must.unwrap_or(f64::NEG_INFINITY);
        if need_total >= r_min {
            loose = sum;
        }
        for (k, v) in best.kept.iter().enumerate() {
            sum += v.0;
            if need_total + k + 1 >= r_min {
                loose = loose.max(sum);
            }
        }
        if !tight || value + loose - self.sigma < self.threshold {
            self.scratch = best;
            self.mandatory = mand;
            return value + loose - self.sigma;
        }
        // r = r_max is the loose bound's last term.
        let mut exact = if best.kept.len() == r_max - need_total {
            sum
        } else {
            f64::NEG_INFINITY
        };
        for r in r_min.max(need_total)..r_max {
            let must = fill(
                &mut best,
                &mut mand,
                b,
                &need,
                &rest_room,
                r - need_total,
                values(r),
            );
            if let (Some(m), true) = (must, best.kept.len() == r - need_total) {
                exact = exact.max(m + best.sum(r - need_total));
            }
        }
        self.scratch = best;
        self.mandatory = mand;
        value + exact - self.sigma
    }

    fn dfs(
        &mut self,
        next: usize,
        chosen: Bits,
        tally: Tally,
        value: f64,
        gains: &[f64],
    ) -> Result<(), Halt> {
        let size = tally.size;
        self.nodes += 1;
        if self.nodes > self.node_budget || (self.nodes % 65_536 == 0 && self.stop.now()) {
            return Err(Halt::Budget);
        }
        let sp = self.space;
        if chosen != 0 && sp.complete(&tally) {
            self.record(value - self.sigma, chosen)?;
        }
        if size >= sp.max || next >= sp.units.len() {
            return Ok(());
        }
        // No completion can meet the quotas: nothing below is a column.
        let Some(quota_units) = self.quotas.units_needed(sp, &tally, next) else {
            return Ok(());
        };
        // Room for one or two more units: complete the node directly.
        if sp.max - size <= 2 {
            return self.last_two(next, chosen, tally, value, gains);
        }
        if self.bound(value, size, chosen, next, gains, true, quota_units) < self.threshold {
            return Ok(());
        }
        let u = sp.units.len();
        // One buffer per depth, reused: no allocation per node.
        let depth = chosen.count_ones() as usize;
        if self.buffers.len() <= depth {
            self.buffers.resize_with(depth + 1, Vec::new);
        }
        let mut child = std::mem::take(&mut self.buffers[depth]);
        child.resize(u, 0.0);
        let result = self.children(next, chosen, tally, value, gains, &mut child);
        self.buffers[depth] = child;
        result
    }

    /// Whether no column with the node's units and more at positions `>= x`
    /// reaches the threshold (by the quotas or the loose bound).
    fn hopeless(&mut self, x: usize, chosen: Bits, tally: &Tally, value: f64, gains: &[f64]) -> bool {
        let Some(quota_units) = self.quotas.units_needed(self.space, tally, x) else {
            return true;
        };
        self.bound(value, tally.size, chosen, x, gains, false, quota_units) < self.threshold
    }

    /// The first position `x > from` from which the node is hopeless (the
    /// number of units if none).
    fn hopeless_from(
        &mut self,
        from: usize,
        chosen: Bits,
        tally: &Tally,
        value: f64,
        gains: &[f64],
    ) -> usize {
        let (mut lo, mut hi) = (from + 1, self.space.units.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.hopeless(mid, chosen, tally, value, gains) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo
    }

    fn children(
        &mut self,
        next: usize,
        chosen: Bits,
        tally: Tally,
        value: f64,
        gains: &[f64],
        child: &mut [f64],
    ) -> Result<(), Halt> {
        let sp = self.space;
        let u = sp.units.len();
        // Children at positions >= `end` cannot reach the threshold; found
        // by bisection (the bound only falls along the order) and again
        // when a better column raises the threshold.
        let mut end = self.hopeless_from(next, chosen, &tally, value, gains);
        let mut at_threshold = self.threshold;
        for x in next..u {
            if self.threshold > at_threshold {
                at_threshold = self.threshold;
                end = end.min(self.hopeless_from(x.max(next + 1) - 1, chosen, &tally, value, gains));
            }
            if x >= end {
                break;
            }
            let unit = self.order[x];
            if sp.unit_cannot[unit] & chosen != 0 {
                continue;
            }
            let Some(with) = sp.admit(&tally, unit) else {
                continue;
            };
            for y in x + 1..u {
                child[y] = gains[y] + self.q[unit * u + self.order[y]];
            }
            self.dfs(x + 1, chosen | (1 as Bits) << unit, with, value + gains[x], child)?;
        }
        Ok(())
    }
}
