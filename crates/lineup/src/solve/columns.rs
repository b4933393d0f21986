//! Columns: admissible clusters of a small block (at most 128 members); their
//! enumeration by depth-first search with bound pruning is in `enumerate`.
//!
//! A column's *reduced value* under prices is
//! `Σ_{pairs} q_uv + Σ_u (c_u) − σ`, where `q` are pair values and `c` the
//! per-unit constants (internal value minus the element prices). The search
//! finds the best columns (pricing) or all columns above a threshold (to
//! close the gap exactly).

mod balance;
mod enumerate;
mod grouped;
mod local;

use std::collections::HashMap;

use petgraph::unionfind::UnionFind;

use super::block::BlockModel;
use crate::engine::Items;
use crate::settings::Comparability;
use crate::size_class::ClassId;

/// A set of members or units, as bits.
pub(crate) type Bits = u128;

/// Largest block the column method handles (members are bits of a [`Bits`]).
pub(crate) const MAX_MEMBERS: usize = 128;

/// Most binding quotas (engine limits) a block may have for the column method.
pub(crate) const MAX_LIMITS: usize = 16;

/// One admissible cluster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Column {
    /// Member bits (local indices).
    pub members: Bits,
    /// Unit bits.
    pub units: Bits,
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
    unit_bits: Vec<Bits>,
    unit_size: Vec<usize>,
    unit_pin: Vec<Option<usize>>,
    unit_cannot: Vec<Bits>,
    unit_lands: Vec<[u8; 16]>,
    /// Per unit, its Land if it has one member, else [`grouped::FREE`].
    unit_group: Vec<u8>,
    /// Most single-member units of each Land a column holds (cap per Land,
    /// evenly spread Länder); the last entry, for the others, is `max`.
    group_most: [usize; grouped::GROUPS],
    /// Fewest single-member units of each Land a column holds (evenly
    /// spread Länder whose members are all single-member units).
    group_least: [usize; grouped::GROUPS],
    unit_class: Vec<(u8, u8)>,
    /// Penalty and spread between units (row-major, `units²`).
    pair: Vec<(f64, f64)>,
    /// Penalty and spread inside each unit.
    internal: Vec<(f64, f64)>,
    pub min: usize,
    pub max: usize,
    cap: Option<usize>,
    comparability: Comparability,
    /// Weight of one same-Land pair in the penalty.
    same_land: f64,
    /// Per limit (at least, at most) members per column.
    limits: Vec<(usize, usize)>,
    /// Per unit, (limit, members it counts).
    unit_limits: Vec<Vec<(u8, u8)>>,
}

/// What the rules need to know of a cluster under construction.
#[derive(Clone, Copy, Debug)]
struct Tally {
    size: usize,
    pin: Option<usize>,
    lands: [u8; 16],
    /// Smallest and largest size class.
    class: (u8, u8),
    /// Members counted per limit.
    limits: [u8; MAX_LIMITS],
}

impl Tally {
    const EMPTY: Tally = Tally {
        size: 0,
        pin: None,
        lands: [0; 16],
        class: (u8::MAX, 0),
        limits: [0; MAX_LIMITS],
    };
}

/// Why an enumeration stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Halt {
    /// The node budget or the deadline ran out, or the search was cancelled.
    Budget,
    /// More columns than allowed passed the threshold.
    TooMany,
}

impl ColumnSpace {
    /// `None` if the block is too large for the column method (or its rules
    /// contradict each other, which the heuristic step reports first).
    ///
    /// The units are the engine's items (members merged by must-links),
    /// with the items pinned to one cluster merged too: clusters are
    /// unlabelled here, so members pinned together must share a column.
    pub fn new(model: &BlockModel) -> Option<ColumnSpace> {
        let n = model.len();
        if n > MAX_MEMBERS || n == 0 || model.rules.limits.len() > MAX_LIMITS {
            return None;
        }
        let items = Items::build(&model.instance()).ok()?;
        let mut same_pin = UnionFind::<usize>::new(items.members.len());
        let mut first_with: HashMap<usize, usize> = HashMap::new();
        for (x, pin) in items.pinned.iter().enumerate() {
            if let Some(g) = pin {
                same_pin.union(x, *first_with.entry(*g).or_insert(x));
            }
        }
        // Units in order of their smallest member (items are in that order).
        let mut unit_of_root: HashMap<usize, usize> = HashMap::new();
        let mut units: Vec<Vec<usize>> = Vec::new();
        let mut unit_pin: Vec<Option<usize>> = Vec::new();
        let mut unit_of_item = vec![0; items.members.len()];
        for (x, members) in items.members.iter().enumerate() {
            let u = *unit_of_root.entry(same_pin.find_mut(x)).or_insert_with(|| {
                units.push(Vec::new());
                unit_pin.push(None);
                units.len() - 1
            });
            unit_of_item[x] = u;
            units[u].extend(members);
            unit_pin[u] = unit_pin[u].or(items.pinned[x]);
        }
        for m in &mut units {
            m.sort_unstable();
        }
        let u = units.len();
        let w = &model.weights;
        let mut unit_cannot: Vec<Bits> = vec![0; u];
        for (x, others) in items.cannot.iter().enumerate() {
            for &y in others {
                unit_cannot[unit_of_item[x]] |= (1 as Bits) << unit_of_item[y];
            }
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
        let unit_limits = units
            .iter()
            .map(|m| {
                let mut c: Vec<(u8, u8)> = Vec::new();
                for (l, limit) in model.rules.limits.iter().enumerate() {
                    let k = m
                        .iter()
                        .filter(|i| limit.members.binary_search(i).is_ok())
                        .count();
                    if k > 0 {
                        c.push((l as u8, k as u8));
                    }
                }
                c
            })
            .collect();
        Some(ColumnSpace {
            n,
            limits: model
                .rules
                .limits
                .iter()
                .map(|l| (l.at_least, l.at_most))
                .collect(),
            unit_limits,
            unit_bits: units
                .iter()
                .map(|m| m.iter().fold(0 as Bits, |b, &i| b | (1 as Bits) << i))
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
            unit_group: units
                .iter()
                .map(|m| match m[..] {
                    [i] => w.land[i],
                    _ => grouped::FREE,
                })
                .collect(),
            group_most: {
                let max = model.size.max;
                let cap = model.rules.cap.as_ref().map_or(max, |c| c.1.min(max));
                let mut most = [cap; grouped::GROUPS];
                most[grouped::FREE as usize] = max;
                most
            },
            group_least: [0; grouped::GROUPS],
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
            comparability: model.comparability,
            same_land: w.weights.same_land,
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
    pub fn column(&self, units: Bits) -> Column {
        let list: Vec<usize> = (0..self.units.len()).filter(|&x| units >> x & 1 == 1).collect();
        let (mut pen, mut spr) = (0.0, 0.0);
        let mut members: Bits = 0;
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
        let bits = members.iter().fold(0 as Bits, |b, &i| b | (1 as Bits) << i);
        let mut units: Bits = 0;
        for (x, &ub) in self.unit_bits.iter().enumerate() {
            if ub & bits == ub {
                units |= (1 as Bits) << x;
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

    /// The tally with unit `x` added, if sizes, pins, the cap per Land and
    /// the comparability of size classes allow it (cannot-links are bits of
    /// the chosen units: the caller checks them).
    #[inline]
    fn admit(&self, t: &Tally, x: usize) -> Option<Tally> {
        let size = t.size + self.unit_size[x];
        if size > self.max {
            return None;
        }
        let pin = match (t.pin, self.unit_pin[x]) {
            (Some(a), Some(b)) if a != b => return None,
            (a, b) => a.or(b),
        };
        let mut lands = t.lands;
        if let Some(cap) = self.cap {
            for (l, &c) in lands.iter_mut().zip(&self.unit_lands[x]) {
                *l += c;
                if *l as usize > cap {
                    return None;
                }
            }
        }
        let class = (
            t.class.0.min(self.unit_class[x].0),
            t.class.1.max(self.unit_class[x].1),
        );
        if !self.comparability.allows_span(ClassId(class.0), ClassId(class.1)) {
            return None;
        }
        let mut limits = t.limits;
        for &(l, c) in &self.unit_limits[x] {
            limits[l as usize] += c;
            if limits[l as usize] as usize > self.limits[l as usize].1 {
                return None;
            }
        }
        Some(Tally {
            size,
            pin,
            lands,
            class,
            limits,
        })
    }

    /// Whether a tally of at least the fewest members meets every quota's
    /// lower bound (a column must; the upper bounds are kept by `admit`).
    #[inline]
    fn complete(&self, t: &Tally) -> bool {
        t.size >= self.min
            && self
                .limits
                .iter()
                .zip(&t.limits)
                .all(|(&(least, _), &have)| have as usize >= least)
    }

    /// The tally and bits of an admissible set of units; `None` if the set
    /// breaks a rule.
    fn tally_of(&self, units: &[usize]) -> Option<(Tally, Bits)> {
        let mut t = Tally::EMPTY;
        let mut bits: Bits = 0;
        for &y in units {
            if self.unit_cannot[y] & bits != 0 {
                return None;
            }
            t = self.admit(&t, y)?;
            bits |= (1 as Bits) << y;
        }
        Some((t, bits))
    }

    /// Whether unit `x` (not in `bits`) may join the units of `tally` and `bits`.
    #[inline]
    fn joins(&self, tally: &Tally, bits: Bits, x: usize) -> bool {
        bits >> x & 1 == 0 && self.unit_cannot[x] & bits == 0 && self.admit(tally, x).is_some()
    }

    /// Heuristic pricing: from every unit, grow a cluster greedily by the best
    /// marginal reduced value, then improve it by exchanging one unit; returns
    /// the distinct columns with reduced value above `threshold`, best first.
    pub fn greedy_columns(&self, q: &[f64], c: &[f64], sigma: f64, threshold: f64) -> Vec<(f64, Bits)> {
        let u = self.units.len();
        let value = |set: &[usize]| -> f64 {
            let mut v = -sigma;
            for (a, &x) in set.iter().enumerate() {
                v += c[x];
                for &y in &set[a + 1..] {
                    v += q[x * u + y];
                }
            }
            v
        };
        let mut out: Vec<(f64, Bits)> = Vec::new();
        let mut push = |set: &[usize], v: f64| {
            if v > threshold {
                let bits = set.iter().fold(0 as Bits, |b, &x| b | (1 as Bits) << x);
                if !out.iter().any(|o| o.1 == bits) {
                    out.push((v, bits));
                }
            }
        };
        for seed in 0..u {
            let mut set = vec![seed];
            // A unit that alone breaks a rule starts no column.
            let Some((mut tally, mut bits)) = self.tally_of(&set) else {
                continue;
            };
            while tally.size < self.max {
                let best = (0..u)
                    .filter(|&x| self.joins(&tally, bits, x))
                    .map(|x| (c[x] + set.iter().map(|&y| q[x * u + y]).sum::<f64>(), x))
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
                match best {
                    Some((g, x)) if g > 0.0 || tally.size < self.min => {
                        set.push(x);
                        bits |= (1 as Bits) << x;
                        tally = self.admit(&tally, x).unwrap_or(tally);
                    }
                    _ => break,
                }
            }
            if !self.complete(&tally) {
                continue;
            }
            // One-exchange improvement.
            let mut v = value(&set);
            let mut improved = true;
            while improved {
                improved = false;
                'swap: for i in 0..set.len() {
                    let out = set[i];
                    let rest: Vec<usize> = set.iter().copied().filter(|&y| y != out).collect();
                    let Some((rest_tally, rest_bits)) = self.tally_of(&rest) else {
                        continue;
                    };
                    // The value without `out`; a swap adds `x`'s share only.
                    let share = |x: usize| c[x] + rest.iter().map(|&y| q[x * u + y]).sum::<f64>();
                    let base = v - share(out);
                    for x in 0..u {
                        if set.contains(&x)
                            || self.unit_size[x] != self.unit_size[out]
                            || !self.joins(&rest_tally, rest_bits, x)
                        {
                            continue;
                        }
                        if base + share(x) <= v + 1e-9 {
                            continue;
                        }
                        // Quotas: the exchanged column must still meet them.
                        let mut cand = rest.clone();
                        cand.push(x);
                        if !self.tally_of(&cand).is_some_and(|(t, _)| self.complete(&t)) {
                            continue;
                        }
                        {
                            set = cand;
                            v = value(&set);
                            improved = true;
                            break 'swap;
                        }
                    }
                }
            }
            push(&set, v);
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        out
    }
}
