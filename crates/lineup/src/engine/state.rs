//! The search state: an assignment of items to groups with the tables that
//! make move evaluation O(1).
//!
//! `table[g·k + x]` (group-major) is the sum of weights between item `x` and
//! the items currently in group `g` (without `x` itself), and `own[x]` is
//! `table[group(x)·k + x]`. The gain of moving `u` to `h` is
//! `table[h][u] − own[u]`; a swap of `u` and `v` gains
//! `table[g_v][u] − own[u] + table[g_u][v] − own[v] − 2·w(u, v)`. An applied
//! move updates two rows of the table, in O(items), as vector loops when the
//! weights are a dense matrix.

use super::instance::{Instance, PairWeights};
use super::items::Items;
use super::value::Value;

mod checks;
mod fill;
mod limits;
mod spare;

pub use spare::Spare;

/// Marker for an unplaced item.
pub const UNPLACED: usize = usize::MAX;

/// Assignment plus incremental tables, over item-level weights `W`.
#[derive(Debug)]
pub struct State<'a, W: PairWeights> {
    /// Item-level weights.
    pub w: &'a W,
    /// The items.
    pub items: &'a Items,
    /// Size bounds per group (elements).
    pub bounds: &'a [(usize, usize)],
    /// Number of groups.
    pub m: usize,
    /// Number of items.
    pub k: usize,
    /// Group of each item ([`UNPLACED`] if none).
    pub group: Vec<usize>,
    /// Elements per group.
    pub size: Vec<usize>,
    table: Vec<W::V>,
    floor: W::V,
    cap: Option<usize>,
    attr: Vec<u16>,
    n_attr: usize,
    cat: Vec<u16>,
    n_cat: usize,
    /// Per group and limit, the elements counted (`g·n_lim + l`).
    lim: Vec<u16>,
    n_lim: usize,
    /// Per limit (at least, at most).
    lim_bounds: Vec<(usize, usize)>,
    /// Cells of `lim` below their limit's lower bound.
    short: usize,
    /// Cells with a lower bound (`short` of an empty state).
    lim_cells: usize,
    /// Whether any item is pinned, linked or capped (rules need checking).
    pub has_rules: bool,
    /// Per item: (home group, members whose home it is).
    home: Vec<Vec<(usize, u32)>>,
    home_total: Vec<u32>,
    bonus: W::V,
    max_away: Option<usize>,
    /// Whether any item has a home group.
    pub has_home: bool,
    /// Elements away from their home group.
    pub away: usize,
    /// Sum of weights of all pairs of different items that share a group,
    /// plus the home bonuses.
    pub value: W::V,
    /// The local search's buffers between descents.
    pub spare: Spare<W::V>,
}

impl<W: PairWeights> Clone for State<'_, W> {
    fn clone(&self) -> Self {
        State {
            w: self.w,
            items: self.items,
            bounds: self.bounds,
            m: self.m,
            k: self.k,
            group: self.group.clone(),
            size: self.size.clone(),
            table: self.table.clone(),
            floor: self.floor,
            cap: self.cap,
            attr: self.attr.clone(),
            n_attr: self.n_attr,
            cat: self.cat.clone(),
            n_cat: self.n_cat,
            lim: self.lim.clone(),
            n_lim: self.n_lim,
            lim_bounds: self.lim_bounds.clone(),
            short: self.short,
            lim_cells: self.lim_cells,
            has_rules: self.has_rules,
            home: self.home.clone(),
            home_total: self.home_total.clone(),
            bonus: self.bonus,
            max_away: self.max_away,
            has_home: self.has_home,
            away: self.away,
            value: self.value,
            spare: Spare::default(),
        }
    }
}

/// The smallest weight of a dense matrix (componentwise), or a very low
/// value when the weights are computed on demand (no pruning then).
fn weight_floor<W: PairWeights>(w: &W, k: usize) -> W::V {
    let mut floor: Option<W::V> = None;
    for u in 0..k {
        let Some(row) = w.row(u) else {
            return W::V::lowest();
        };
        for (x, &v) in row.iter().enumerate() {
            if x != u {
                floor = Some(floor.map_or(v, |f| f.min_each(v)));
            }
        }
    }
    floor.unwrap_or_default()
}

impl<'a, W: PairWeights> State<'a, W> {
    /// A state with every item unplaced.
    pub fn empty<E: PairWeights<V = W::V>>(
        inst: &'a Instance<E>,
        items: &'a Items,
        w: &'a W,
    ) -> State<'a, W> {
        let m = inst.groups();
        let k = items.len();
        let n_attr = inst
            .rules
            .cap
            .as_ref()
            .map_or(0, |(a, _)| a.iter().copied().max().map_or(0, |x| x as usize + 1));
        let n_cat = inst
            .rules
            .span
            .as_ref()
            .map_or(0, |c| c.iter().copied().max().map_or(0, |x| x as usize + 1));
        let max_away = inst.affinity.as_ref().and_then(|a| a.max_away);
        let lim_bounds: Vec<(usize, usize)> = inst
            .rules
            .limits
            .iter()
            .map(|l| (l.at_least, l.at_most))
            .collect();
        let n_lim = lim_bounds.len();
        let lim_cells = m * lim_bounds.iter().filter(|b| b.0 > 0).count();
        let has_rules = n_attr > 0
            || n_cat > 0
            || n_lim > 0
            || max_away.is_some()
            || items.pinned.iter().any(Option::is_some)
            || items.cannot.iter().any(|c| !c.is_empty());
        let mut home: Vec<Vec<(usize, u32)>> = vec![Vec::new(); k];
        if let Some(a) = &inst.affinity {
            for (u, mem) in items.members.iter().enumerate() {
                for &i in mem {
                    if let Some(g) = a.home.get(i).copied().flatten() {
                        match home[u].iter_mut().find(|x| x.0 == g) {
                            Some(x) => x.1 += 1,
                            None => home[u].push((g, 1)),
                        }
                    }
                }
            }
        }
        let home_total: Vec<u32> = home.iter().map(|h| h.iter().map(|x| x.1).sum()).collect();
        let has_home = home_total.iter().any(|&t| t > 0);
        State {
            w,
            items,
            bounds: &inst.bounds,
            m,
            k,
            group: vec![UNPLACED; k],
            size: vec![0; m],
            table: vec![W::V::default(); k * m],
            floor: weight_floor(w, k),
            cap: inst.rules.cap.as_ref().map(|c| c.1),
            attr: vec![0; m * n_attr],
            n_attr,
            cat: vec![0; m * n_cat],
            n_cat,
            lim: vec![0; m * n_lim],
            n_lim,
            lim_bounds,
            short: lim_cells,
            lim_cells,
            has_rules,
            home,
            home_total,
            bonus: inst.affinity.as_ref().map_or(W::V::default(), |a| a.bonus),
            max_away,
            has_home,
            away: 0,
            value: W::V::default(),
            spare: Spare::default(),
        }
    }

    /// A lower bound of every pair weight (componentwise; used to skip
    /// swap scans that cannot improve).
    #[inline]
    pub fn weight_floor(&self) -> W::V {
        self.floor
    }

    /// Members of item `u` whose home is group `g`.
    #[inline]
    fn home_count(&self, u: usize, g: usize) -> u32 {
        self.home[u].iter().find(|x| x.0 == g).map_or(0, |x| x.1)
    }

    /// Home bonus of item `u` in group `g`.
    #[inline]
    pub fn home_value(&self, u: usize, g: usize) -> W::V {
        if !self.has_home {
            return W::V::default();
        }
        let c = self.home_count(u, g);
        if c == 0 {
            W::V::default()
        } else {
            self.bonus.scale(c as f64)
        }
    }

    /// Change of the home bonus when `u` goes from `g` to `h`.
    #[inline]
    pub fn home_delta(&self, u: usize, g: usize, h: usize) -> W::V {
        if !self.has_home {
            return W::V::default();
        }
        self.home_value(u, h) - self.home_value(u, g)
    }

    /// Members of `u` away from home in group `g`.
    #[inline]
    fn away_in(&self, u: usize, g: usize) -> usize {
        (self.home_total[u] - self.home_count(u, g)) as usize
    }

    /// Whether the number of elements away from home is capped.
    #[inline]
    pub fn has_away_cap(&self) -> bool {
        self.max_away.is_some()
    }

    /// Whether the away count respects its cap (a construction may exceed
    /// it; such states are never reported as results).
    #[inline]
    pub fn within_cap(&self) -> bool {
        self.max_away.is_none_or(|max| self.away <= max) && self.short == 0
    }

    /// Whether a change of the away count by `+plus − minus` is allowed.
    #[inline]
    fn away_ok(&self, plus: usize, minus: usize) -> bool {
        match self.max_away {
            None => true,
            Some(max) => {
                let new = self.away + plus - minus.min(self.away + plus);
                new <= max || new <= self.away
            }
        }
    }

    /// Sum of weights between item `u` and group `g` (without `u`).
    #[inline]
    pub fn to_group(&self, u: usize, g: usize) -> W::V {
        self.table[g * self.k + u]
    }

    /// `to_group(u, group(u))`: what `u` contributes where it is (`u` placed).
    #[inline]
    pub fn own(&self, u: usize) -> W::V {
        self.table[self.group[u] * self.k + u]
    }

    /// Row `g` of the table.
    #[inline]
    pub fn group_row(&self, g: usize) -> &[W::V] {
        &self.table[g * self.k..(g + 1) * self.k]
    }

    /// Adds (or subtracts) item `u`'s weights to row `g` of the table.
    fn add_row(&mut self, u: usize, g: usize, add: bool) {
        let k = self.k;
        let row = &mut self.table[g * k..(g + 1) * k];
        if let Some(wr) = self.w.row(u) {
            if add {
                for (t, &x) in row.iter_mut().zip(wr) {
                    *t += x;
                }
            } else {
                for (t, &x) in row.iter_mut().zip(wr) {
                    *t -= x;
                }
            }
        } else {
            for (x, t) in row.iter_mut().enumerate() {
                if x != u {
                    let w = self.w.weight(u, x);
                    if add {
                        *t += w;
                    } else {
                        *t -= w;
                    }
                }
            }
        }
    }

    fn counters(&mut self, u: usize, g: usize, add: bool) {
        let items = self.items;
        let s = items.size(u);
        if add {
            self.size[g] += s;
        } else {
            self.size[g] -= s;
        }
        for &(a, c) in &items.attrs[u] {
            let cell = &mut self.attr[g * self.n_attr + a as usize];
            if add {
                *cell += c;
            } else {
                *cell -= c;
            }
        }
        for &(a, c) in &items.cats[u] {
            let cell = &mut self.cat[g * self.n_cat + a as usize];
            if add {
                *cell += c;
            } else {
                *cell -= c;
            }
        }
        self.count_limits(u, g, add);
    }

    /// Puts an unplaced item into group `g` (O(items)).
    pub fn place(&mut self, u: usize, g: usize) {
        debug_assert_eq!(self.group[u], UNPLACED);
        self.value += self.to_group(u, g) + self.home_value(u, g);
        self.away += self.away_in(u, g);
        self.group[u] = g;
        self.add_row(u, g, true);
        self.counters(u, g, true);
    }

    /// Takes a placed item out of its group (O(items)).
    pub fn unplace(&mut self, u: usize) {
        let g = self.group[u];
        debug_assert_ne!(g, UNPLACED);
        self.value -= self.to_group(u, g) + self.home_value(u, g);
        self.away -= self.away_in(u, g);
        self.group[u] = UNPLACED;
        self.add_row(u, g, false);
        self.counters(u, g, false);
    }

    /// Moves item `u` to group `h`.
    pub fn relocate(&mut self, u: usize, h: usize) {
        let g = self.group[u];
        if g == h {
            return;
        }
        self.value += self.relocate_gain(u, h);
        self.away = self.away + self.away_in(u, h) - self.away_in(u, g);
        self.group[u] = h;
        self.add_row(u, g, false);
        self.add_row(u, h, true);
        self.counters(u, g, false);
        self.counters(u, h, true);
    }

    /// Exchanges the groups of items `u` and `v`.
    pub fn swap(&mut self, u: usize, v: usize) {
        let (g, h) = (self.group[u], self.group[v]);
        if g == h {
            return;
        }
        self.value += self.swap_gain(u, v);
        self.away =
            self.away + self.away_in(u, h) + self.away_in(v, g) - self.away_in(u, g) - self.away_in(v, h);
        self.group[u] = h;
        self.group[v] = g;
        self.swap_rows(u, v, g, h);
        // Without counted attributes (whose counters would be indexed by
        // them) a swap of equal sizes leaves every counter as it was.
        if self.n_attr + self.n_cat + self.n_lim == 0 && self.items.size(u) == self.items.size(v) {
            return;
        }
        self.counters(u, g, false);
        self.counters(u, h, true);
        self.counters(v, h, false);
        self.counters(v, g, true);
    }

    /// Table update of a swap (`u` from `g` to `h`, `v` from `h` to `g`):
    /// row `g` gains `w(v, ·) − w(u, ·)`, row `h` the opposite, in one pass.
    fn swap_rows(&mut self, u: usize, v: usize, g: usize, h: usize) {
        let k = self.k;
        let (wu, wv) = match (self.w.row(u), self.w.row(v)) {
            (Some(wu), Some(wv)) => (wu, wv),
            _ => {
                self.add_row(u, g, false);
                self.add_row(u, h, true);
                self.add_row(v, h, false);
                self.add_row(v, g, true);
                return;
            }
        };
        let (lo, hi) = (g.min(h), g.max(h));
        let (first, rest) = self.table.split_at_mut(hi * k);
        let row_lo = &mut first[lo * k..(lo + 1) * k];
        let row_hi = &mut rest[..k];
        // d = w(v, ·) − w(u, ·) goes to g and leaves h.
        let (row_g, row_h) = if g < h { (row_lo, row_hi) } else { (row_hi, row_lo) };
        for (((tg, th), &a), &b) in row_g.iter_mut().zip(row_h.iter_mut()).zip(wv).zip(wu) {
            let d = a - b;
            *tg += d;
            *th -= d;
        }
    }

    /// Gain of moving `u` to `h`.
    #[inline]
    pub fn relocate_gain(&self, u: usize, h: usize) -> W::V {
        self.to_group(u, h) - self.own(u) + self.home_delta(u, self.group[u], h)
    }

    /// Gain of exchanging `u` and `v` (in different groups).
    #[inline]
    pub fn swap_gain(&self, u: usize, v: usize) -> W::V {
        let (g, h) = (self.group[u], self.group[v]);
        let w = self.w.weight(u, v);
        self.to_group(u, h) - self.own(u) + self.to_group(v, g) - self.own(v) - w - w
            + self.home_delta(u, g, h)
            + self.home_delta(v, h, g)
    }

    /// Unplaces every item (O(items × groups)).
    pub fn clear(&mut self) {
        self.group.iter_mut().for_each(|g| *g = UNPLACED);
        self.size.iter_mut().for_each(|s| *s = 0);
        self.attr.iter_mut().for_each(|s| *s = 0);
        self.cat.iter_mut().for_each(|s| *s = 0);
        self.lim.iter_mut().for_each(|s| *s = 0);
        self.short = self.lim_cells;
        self.table.iter_mut().for_each(|t| *t = W::V::default());
        self.value = W::V::default();
        self.away = 0;
    }

    /// Sets every item from an item → group assignment, rebuilding the tables
    /// in O(items²).
    pub fn load(&mut self, groups: &[usize]) {
        debug_assert_eq!(groups.len(), self.k);
        self.group.copy_from_slice(groups);
        self.size.iter_mut().for_each(|s| *s = 0);
        self.attr.iter_mut().for_each(|s| *s = 0);
        self.cat.iter_mut().for_each(|s| *s = 0);
        self.lim.iter_mut().for_each(|s| *s = 0);
        self.short = self.lim_cells;
        self.table.iter_mut().for_each(|t| *t = W::V::default());
        for u in 0..self.k {
            let g = groups[u];
            self.counters(u, g, true);
            self.add_row(u, g, true);
        }
        let mut value = W::V::default();
        let mut home = W::V::default();
        self.away = 0;
        for x in 0..self.k {
            let g = self.group[x];
            value += self.table[g * self.k + x];
            home += self.home_value(x, g);
            self.away += self.away_in(x, g);
        }
        self.value = value.scale(0.5) + home;
    }

    /// The element → group assignment.
    pub fn element_groups(&self) -> Vec<usize> {
        let mut out = vec![UNPLACED; self.items.of.len()];
        for (u, mem) in self.items.members.iter().enumerate() {
            for &i in mem {
                out[i] = self.group[u];
            }
        }
        out
    }

    /// Whether every group is within its size bounds.
    pub fn sizes_ok(&self) -> bool {
        self.size
            .iter()
            .zip(self.bounds)
            .all(|(&s, &(a, b))| a <= s && s <= b)
    }
}
