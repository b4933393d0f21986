//! Columns: admissible clusters of a small block (at most 64 members), and
//! their enumeration by depth-first search with bound pruning.
//!
//! A column's *reduced value* under prices is
//! `Σ_{pairs} q_uv + Σ_u (c_u) − σ`, where `q` are pair values and `c` the
//! per-unit constants (internal value minus the element prices). The search
//! finds the best columns (pricing) or all columns above a threshold (to
//! close the gap exactly).

use std::time::Instant;

use super::block::BlockModel;

/// Largest block the column method handles (members are bits of a `u64`).
pub(crate) const MAX_MEMBERS: usize = 64;

/// One admissible cluster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Column {
    /// Member bits (local indices).
    pub members: u64,
    /// Unit bits.
    pub units: u64,
    /// Weighted penalty of the cluster.
    pub pen: f64,
    /// Weighted spread of the cluster.
    pub spr: f64,
}

/// The units (must-link groups) of a block with everything the search needs.
#[derive(Clone, Debug)]
pub(crate) struct ColumnSpace {
    pub n: usize,
    pub units: Vec<Vec<usize>>,
    unit_bits: Vec<u64>,
    unit_size: Vec<usize>,
    unit_pin: Vec<Option<usize>>,
    unit_cannot: Vec<u64>,
    unit_lands: Vec<[u8; 16]>,
    unit_class: Vec<(u8, u8)>,
    /// Penalty and spread between units (row-major, `units²`).
    pair: Vec<(f64, f64)>,
    /// Penalty and spread inside each unit.
    internal: Vec<(f64, f64)>,
    pub min: usize,
    pub max: usize,
    cap: Option<usize>,
    span: bool,
}

/// Why an enumeration stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The node budget or the deadline ran out.
    Budget,
    /// More columns than allowed passed the threshold.
    TooMany,
}

impl ColumnSpace {
    /// `None` if the block is too large for the column method.
    pub fn new(model: &BlockModel) -> Option<ColumnSpace> {
        let n = model.len();
        if n > MAX_MEMBERS || n == 0 {
            return None;
        }
        let mut unit_of: Vec<usize> = (0..n).collect();
        // Union-find over must-links.
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for &(a, b) in &model.rules.must_link {
            let (ra, rb) = (find(&mut unit_of, a), find(&mut unit_of, b));
            if ra != rb {
                unit_of[ra.max(rb)] = ra.min(rb);
            }
        }
        let mut units: Vec<Vec<usize>> = Vec::new();
        let mut index = vec![usize::MAX; n];
        for i in 0..n {
            let r = find(&mut unit_of, i);
            if index[r] == usize::MAX {
                index[r] = units.len();
                units.push(Vec::new());
            }
            units[index[r]].push(i);
        }
        let unit_index: Vec<usize> = (0..n).map(|i| index[find(&mut unit_of, i)]).collect();
        let u = units.len();
        let w = &model.weights;
        let mut unit_pin = vec![None; u];
        for &(i, g) in &model.rules.pinned {
            unit_pin[unit_index[i]] = Some(g);
        }
        let mut unit_cannot = vec![0u64; u];
        for &(a, b) in &model.rules.cannot_link {
            let (x, y) = (unit_index[a], unit_index[b]);
            unit_cannot[x] |= 1 << y;
            unit_cannot[y] |= 1 << x;
        }
        let mut pair = vec![(0.0, 0.0); u * u];
        let mut internal = vec![(0.0, 0.0); u];
        for x in 0..u {
            for y in x..u {
                let mut t = (0.0, 0.0);
                for &i in &units[x] {
                    for &j in &units[y] {
                        if x != y || i < j {
                            let (p, s) = w.terms(i, j);
                            t.0 += p;
                            t.1 += s;
                        }
                    }
                }
                if x == y {
                    internal[x] = t;
                } else {
                    pair[x * u + y] = t;
                    pair[y * u + x] = t;
                }
            }
        }
        Some(ColumnSpace {
            n,
            unit_bits: units
                .iter()
                .map(|m| m.iter().fold(0u64, |b, &i| b | 1 << i))
                .collect(),
            unit_size: units.iter().map(Vec::len).collect(),
            unit_lands: units
                .iter()
                .map(|m| {
                    let mut c = [0u8; 16];
                    for &i in m {
                        c[w.land[i] as usize] += 1;
                    }
                    c
                })
                .collect(),
            unit_class: units
                .iter()
                .map(|m| {
                    let lo = m.iter().map(|&i| w.class[i]).min().unwrap_or(0);
                    let hi = m.iter().map(|&i| w.class[i]).max().unwrap_or(0);
                    (lo, hi)
                })
                .collect(),
            units,
            unit_pin,
            unit_cannot,
            pair,
            internal,
            min: model.size.min,
            max: model.size.max,
            cap: model.rules.cap.as_ref().map(|c| c.1),
            span: !model.strict,
        })
    }

    /// Number of units.
    pub fn unit_count(&self) -> usize {
        self.units.len()
    }

    /// Penalty/spread between two units.
    pub fn pair(&self, x: usize, y: usize) -> (f64, f64) {
        self.pair[x * self.units.len() + y]
    }

    /// Penalty/spread inside a unit.
    pub fn internal(&self, x: usize) -> (f64, f64) {
        self.internal[x]
    }

    /// The column made of the given units.
    pub fn column(&self, units: u64) -> Column {
        let list: Vec<usize> = (0..self.units.len()).filter(|&x| units >> x & 1 == 1).collect();
        let (mut pen, mut spr) = (0.0, 0.0);
        let mut members = 0u64;
        for (a, &x) in list.iter().enumerate() {
            members |= self.unit_bits[x];
            pen += self.internal[x].0;
            spr += self.internal[x].1;
            for &y in &list[a + 1..] {
                let t = self.pair(x, y);
                pen += t.0;
                spr += t.1;
            }
        }
        Column {
            members,
            units,
            pen,
            spr,
        }
    }

    /// The column holding exactly the given members, if they form whole units.
    pub fn column_of_members(&self, members: &[usize]) -> Option<Column> {
        let bits = members.iter().fold(0u64, |b, &i| b | 1 << i);
        let mut units = 0u64;
        for (x, &ub) in self.unit_bits.iter().enumerate() {
            if ub & bits == ub {
                units |= 1 << x;
            } else if ub & bits != 0 {
                return None;
            }
        }
        Some(self.column(units))
    }

    /// The member → cluster assignment of chosen columns: a column holding a
    /// pinned member gets that pin's cluster index, the others the free
    /// indices in order.
    pub fn assignment(&self, chosen: &[&Column]) -> Vec<usize> {
        let mut groups = vec![0usize; self.n];
        let pinned: Vec<Option<usize>> = chosen
            .iter()
            .map(|c| {
                (0..self.units.len())
                    .filter(|&x| c.units >> x & 1 == 1)
                    .find_map(|x| self.unit_pin[x])
            })
            .collect();
        let mut free = (0..chosen.len()).filter(|g| !pinned.contains(&Some(*g)));
        for (col, pin) in chosen.iter().zip(&pinned) {
            let g = pin.or_else(|| free.next()).unwrap_or(0);
            for (i, slot) in groups.iter_mut().enumerate() {
                if col.members >> i & 1 == 1 {
                    *slot = g;
                }
            }
        }
        groups
    }

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
        deadline: Option<Instant>,
    ) -> Result<Vec<(f64, u64)>, Stop> {
        let u = self.units.len();
        let qmax = q.iter().copied().fold(0.0f64, f64::max);
        let mut search = Search {
            space: self,
            q,
            qmax,
            sigma,
            threshold,
            keep_best,
            limit,
            nodes: 0,
            node_budget,
            deadline,
            found: Vec::new(),
            scratch: Vec::with_capacity(u),
        };
        let gains = c.to_vec();
        search.dfs(0, 0, 0, 0.0, None, [0u8; 16], (u8::MAX, 0), &gains)?;
        let mut found = search.found;
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(found)
    }
}

struct Search<'a> {
    space: &'a ColumnSpace,
    q: &'a [f64],
    qmax: f64,
    sigma: f64,
    threshold: f64,
    keep_best: Option<usize>,
    limit: usize,
    nodes: u64,
    node_budget: u64,
    deadline: Option<Instant>,
    found: Vec<(f64, u64)>,
    scratch: Vec<f64>,
}

impl Search<'_> {
    fn record(&mut self, value: f64, units: u64) -> Result<(), Stop> {
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
            None if self.found.len() > self.limit => return Err(Stop::TooMany),
            _ => {}
        }
        Ok(())
    }

    /// Upper bound on the reduced value reachable by adding units `>= next`.
    fn bound(&mut self, value: f64, size: usize, next: usize, gains: &[f64]) -> f64 {
        let sp = self.space;
        let room = sp.max - size;
        let need_more = size < sp.min;
        self.scratch.clear();
        self.scratch.extend_from_slice(&gains[next..]);
        let r_max = room.min(self.scratch.len());
        if r_max == 0 {
            return if need_more {
                f64::NEG_INFINITY
            } else {
                value - self.sigma
            };
        }
        self.scratch
            .select_nth_unstable_by(r_max - 1, |a, b| b.total_cmp(a));
        self.scratch[..r_max].sort_by(|a, b| b.total_cmp(a));
        let mut best = if need_more { f64::NEG_INFINITY } else { value };
        let mut acc = value;
        for r in 1..=r_max {
            acc += self.scratch[r - 1] + (r - 1) as f64 * self.qmax;
            best = best.max(acc);
        }
        best - self.sigma
    }

    #[allow(clippy::too_many_arguments, reason = "recursive search state")]
    fn dfs(
        &mut self,
        next: usize,
        chosen: u64,
        size: usize,
        value: f64,
        pin: Option<usize>,
        lands: [u8; 16],
        class: (u8, u8),
        gains: &[f64],
    ) -> Result<(), Stop> {
        self.nodes += 1;
        if self.nodes > self.node_budget
            || (self.nodes % 65_536 == 0 && self.deadline.is_some_and(|d| Instant::now() >= d))
        {
            return Err(Stop::Budget);
        }
        let sp = self.space;
        if chosen != 0 && size >= sp.min {
            self.record(value - self.sigma, chosen)?;
        }
        if size >= sp.max || next >= sp.units.len() {
            return Ok(());
        }
        if self.bound(value, size, next, gains) < self.threshold {
            return Ok(());
        }
        let u = sp.units.len();
        let mut child = vec![0.0; u];
        for x in next..u {
            if size + sp.unit_size[x] > sp.max || sp.unit_cannot[x] & chosen != 0 {
                continue;
            }
            let p = match (pin, sp.unit_pin[x]) {
                (Some(a), Some(b)) if a != b => continue,
                (a, b) => a.or(b),
            };
            let mut l = lands;
            if let Some(cap) = sp.cap {
                let mut ok = true;
                for (k, &cnt) in sp.unit_lands[x].iter().enumerate() {
                    l[k] += cnt;
                    ok &= (l[k] as usize) <= cap;
                }
                if !ok {
                    continue;
                }
            }
            let cl = (class.0.min(sp.unit_class[x].0), class.1.max(sp.unit_class[x].1));
            if sp.span && cl.1 > cl.0 + 1 {
                continue;
            }
            for y in x + 1..u {
                child[y] = gains[y] + self.q[x * u + y];
            }
            self.dfs(
                x + 1,
                chosen | 1 << x,
                size + sp.unit_size[x],
                value + gains[x],
                p,
                l,
                cl,
                &child,
            )?;
        }
        Ok(())
    }
}
