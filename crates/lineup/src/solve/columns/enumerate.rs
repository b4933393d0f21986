//! Enumeration of admissible columns by depth-first search with bound
//! pruning: the exact pricing of column generation, and all columns above
//! a threshold to close the gap.

use super::{Bits, ColumnSpace, Halt, MAX_LIMITS, Tally};
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
        let u = self.units.len();
        let b = self.max;
        let topq = top_pairs(q, u, b);
        // Most promising units first: good columns early raise the threshold.
        let mut order: Vec<usize> = (0..u).collect();
        order.sort_by(|&x, &y| {
            (c[y] + topq[y * b + b - 1])
                .total_cmp(&(c[x] + topq[x * b + b - 1]))
                .then(x.cmp(&y))
        });
        let suffix = suffix_pairs(q, &order, u, b);
        let quotas = Quotas::new(self, &order);
        let mut search = Search {
            space: self,
            q,
            suffix,
            quotas,
            largest: self.unit_size.iter().copied().max().unwrap_or(1).max(1),
            scratch: Vec::with_capacity(b),
            order: order.clone(),
            sigma,
            threshold,
            keep_best,
            limit,
            nodes: 0,
            node_budget,
            stop,
            found: Vec::new(),
            buffers: Vec::new(),
        };
        let gains: Vec<f64> = order.iter().map(|&x| c[x]).collect();
        search.dfs(0, 0, Tally::EMPTY, 0.0, &gains)?;
        let mut found = search.found;
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(found)
    }
}

impl ColumnSpace {
    /// An upper bound on the reduced value of every admissible column, in
    /// `O(units² log units)`: a column of `r` units gains at most the `r`
    /// largest of `c_j + ½·(sum of j's r−1 best positive pair values)`
    /// (each pair is counted half from either end). The root bound of
    /// [`enumerate`](ColumnSpace::enumerate); with it, every round of column
    /// generation gives the Lagrangian bound `D + K·bound`.
    pub fn reduced_value_bound(&self, q: &[f64], c: &[f64], sigma: f64) -> f64 {
        let u = self.units.len();
        let b = self.max;
        let topq = top_pairs(q, u, b);
        let mut scratch = Vec::with_capacity(u);
        let mut best = f64::NEG_INFINITY;
        for r in 1..=b.min(u) {
            scratch.clear();
            scratch.extend((0..u).map(|j| c[j] + topq[j * b + r - 1]));
            scratch.select_nth_unstable_by(r - 1, |a, b| b.total_cmp(a));
            best = best.max(scratch[..r].iter().sum());
        }
        best - sigma
    }
}

/// `topq[j·b + r]`: half the sum of unit `j`'s `r` largest positive pair
/// values, `r < b`.
fn top_pairs(q: &[f64], u: usize, b: usize) -> Vec<f64> {
    let mut topq = vec![0.0; u * b];
    let mut row = Vec::with_capacity(u);
    for j in 0..u {
        row.clear();
        row.extend(
            (0..u)
                .filter(|&k| k != j)
                .map(|k| q[j * u + k])
                .filter(|v| *v > 0.0),
        );
        row.sort_by(|a, b| b.total_cmp(a));
        for r in 1..b {
            topq[j * b + r] = topq[j * b + r - 1] + 0.5 * row.get(r - 1).copied().unwrap_or(0.0);
        }
    }
    topq
}

/// `suffix[(p·u + j)·b + r]`: half the sum of unit `j`'s `r` largest
/// positive pair values with the units at search positions `>= p`
/// (`order[p..]`), `r < b`; rows `p = 0..=u`. A completion of a search node
/// at position `p` takes its units from there only, so this bounds its
/// pairs more tightly than [`top_pairs`] deep in the search.
fn suffix_pairs(q: &[f64], order: &[usize], u: usize, b: usize) -> Vec<f64> {
    let mut suffix = vec![0.0; (u + 1) * u * b];
    // Per unit, its `b − 1` largest positive pair values so far, descending.
    let mut best = vec![0.0f64; u * b.max(1)];
    let keep = b.saturating_sub(1);
    for p in (0..u).rev() {
        let w = order[p];
        for j in 0..u {
            let v = q[j * u + w];
            if j == w || v <= 0.0 || keep == 0 {
                continue;
            }
            let list = &mut best[j * b..j * b + keep];
            if v <= list[keep - 1] {
                continue;
            }
            let mut at = keep - 1;
            while at > 0 && list[at - 1] < v {
                list[at] = list[at - 1];
                at -= 1;
            }
            list[at] = v;
        }
        let row = &mut suffix[p * u * b..(p + 1) * u * b];
        for j in 0..u {
            let mut sum = 0.0;
            for r in 1..b {
                sum += 0.5 * best[j * b + r - 1];
                row[j * b + r] = sum;
            }
        }
    }
    suffix
}

/// Leaves the `r` largest of `values` in `top`, descending (fewer when
/// there are fewer values).
#[inline]
fn top(values: impl Iterator<Item = f64>, r: usize, top: &mut Vec<f64>) {
    top.clear();
    for v in values {
        if top.len() < r {
            top.push(v);
        } else if v > top[r - 1] {
            top[r - 1] = v;
        } else {
            continue;
        }
        let mut at = top.len() - 1;
        while at > 0 && top[at - 1] < v {
            top[at] = top[at - 1];
            at -= 1;
        }
        top[at] = v;
    }
}

/// What the quotas' lower bounds (`at_least`) still allow below a node:
/// the members each quota still lacks must be among the units not yet
/// passed, and fit the room left.
struct Quotas {
    /// Whether any quota has a lower bound (else nothing to check).
    any: bool,
    /// `suffix[x][l]`: members counted by limit `l` among the units at
    /// search positions `>= x`.
    suffix: Vec<[u16; MAX_LIMITS]>,
    /// Most limit counts one member adds (over all limits).
    rate: f64,
    /// Most members of one unit.
    largest: usize,
}

impl Quotas {
    fn new(space: &ColumnSpace, order: &[usize]) -> Quotas {
        let any = space.limits.iter().any(|&(least, _)| least > 0);
        let mut suffix = vec![[0u16; MAX_LIMITS]; order.len() + 1];
        for x in (0..order.len()).rev() {
            suffix[x] = suffix[x + 1];
            for &(l, c) in &space.unit_limits[order[x]] {
                suffix[x][l as usize] += u16::from(c);
            }
        }
        let rate = (0..space.units.len())
            .map(|x| {
                let counted: usize = space.unit_limits[x].iter().map(|&(_, c)| c as usize).sum();
                counted as f64 / space.unit_size[x].max(1) as f64
            })
            .fold(0.0, f64::max);
        let largest = space.unit_size.iter().copied().max().unwrap_or(1).max(1);
        Quotas {
            any,
            suffix,
            rate,
            largest,
        }
    }

    /// The fewest more units a column below this node needs for its
    /// quotas, or `None` if no completion can meet them (a quota lacks
    /// more members than the units ahead hold, or than the room takes).
    fn units_needed(&self, space: &ColumnSpace, tally: &Tally, next: usize) -> Option<usize> {
        if !self.any {
            return Some(0);
        }
        let mut lacking = 0usize;
        for (l, &(least, _)) in space.limits.iter().enumerate() {
            let short = least.saturating_sub(tally.limits[l] as usize);
            if short > self.suffix[next][l] as usize {
                return None;
            }
            lacking += short;
        }
        if lacking == 0 {
            return Some(0);
        }
        let room = space.max.saturating_sub(tally.size);
        if lacking as f64 > self.rate * room as f64 + 1e-9 {
            return None;
        }
        Some((lacking as f64 / (self.rate * self.largest as f64)).ceil() as usize)
    }
}

struct Search<'a> {
    space: &'a ColumnSpace,
    q: &'a [f64],
    /// Pair bounds per search position, see [`suffix_pairs`].
    suffix: Vec<f64>,
    quotas: Quotas,
    /// Members of the largest unit.
    largest: usize,
    scratch: Vec<f64>,
    /// Search position → unit.
    order: Vec<usize>,
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
}

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
            None if self.found.len() > self.limit => return Err(Halt::TooMany),
            _ => {}
        }
        Ok(())
    }

    /// Upper bound on the reduced value reachable by adding at least one
    /// unit at search positions `>= next`: `r` more units gain at most the
    /// `r` largest of `gain_j + ½·(sum of j's r−1 best pair values with the
    /// units there)`. The looser bound with `room − 1` pairs for every `r`
    /// needs one pass; the exact one (`tight`) one per `r`, and runs only
    /// when the loose one does not prune.
    /// `quota_units`: the fewest more units the quotas need.
    fn bound(
        &mut self,
        value: f64,
        size: usize,
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
        let mut best = std::mem::take(&mut self.scratch);
        let row = &self.suffix[next * u * b..(next + 1) * u * b];
        let order = &self.order;
        let at = |x: usize, r: usize| gains[x] + row[order[x] * b + r - 1];
        top((next..gains.len()).map(|x| at(x, r_max)), r_max, &mut best);
        let mut sum = 0.0;
        let mut loose = f64::NEG_INFINITY;
        for (r, v) in best.iter().enumerate() {
            sum += v;
            if r + 1 >= r_min {
                loose = loose.max(sum);
            }
        }
        if !tight || value + loose - self.sigma < self.threshold {
            self.scratch = best;
            return value + loose - self.sigma;
        }
        // r = r_max is the loose bound's last term.
        let mut exact = if best.len() >= r_min {
            sum
        } else {
            f64::NEG_INFINITY
        };
        for r in r_min..r_max {
            top((next..gains.len()).map(|x| at(x, r)), r, &mut best);
            if best.len() == r {
                exact = exact.max(best.iter().sum());
            }
        }
        self.scratch = best;
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
        if self.bound(value, size, next, gains, true, quota_units) < self.threshold {
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
        for x in next..u {
            // Every child from here on completes within positions >= x.
            if x > next {
                // Quotas only get harder to meet further along the order.
                let Some(quota_units) = self.quotas.units_needed(sp, &tally, x) else {
                    break;
                };
                if self.bound(value, tally.size, x, gains, false, quota_units) < self.threshold {
                    break;
                }
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
