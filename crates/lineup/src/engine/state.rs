//! The search state: an assignment of items to groups with the tables that
//! make move evaluation O(1).
//!
//! `table[u·m + g]` holds the sum of weights between item `u` and the items
//! currently in group `g` (excluding `u` itself), so the gain of moving `u`
//! from `g` to `h` is `table[u][h] − table[u][g]`; each applied move updates
//! the table in O(items).

use super::instance::{Instance, PairWeights};

/// Elements merged into items by must-links, with per-item rule data.
#[derive(Clone, Debug)]
pub struct Items {
    /// Elements of each item, ascending; item ids are ordered by smallest element.
    pub members: Vec<Vec<usize>>,
    /// Item of each element.
    pub of: Vec<usize>,
    /// Pinned group of each item.
    pub pinned: Vec<Option<usize>>,
    /// Items that may not share a group with each item.
    pub cannot: Vec<Vec<usize>>,
    /// Attribute counts of each item (for the cap rule).
    pub attrs: Vec<Vec<(u8, u16)>>,
    /// Category counts of each item (for the span rule).
    pub cats: Vec<Vec<(u8, u16)>>,
    /// Whether every item is a single element (item id = element id).
    pub singletons: bool,
}

impl Items {
    /// Builds the items of an instance; `Err` if the rules contradict each other.
    pub fn build<W: PairWeights>(inst: &Instance<W>) -> Result<Items, String> {
        let n = inst.len();
        let r = &inst.rules;
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for &(a, b) in &r.must_link {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        let mut of = vec![usize::MAX; n];
        let mut members: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let root = find(&mut parent, i);
            if of[root] == usize::MAX {
                of[root] = members.len();
                members.push(Vec::new());
            }
            let it = of[root];
            of[i] = it;
            members[it].push(i);
        }
        let k = members.len();
        let mut pinned = vec![None; k];
        for &(i, g) in &r.pinned {
            if g >= inst.groups() {
                return Err(format!("element {i} pinned to missing group {g}"));
            }
            match pinned[of[i]] {
                Some(h) if h != g => return Err(format!("element {i} pinned to groups {h} and {g}")),
                _ => pinned[of[i]] = Some(g),
            }
        }
        let mut cannot = vec![Vec::new(); k];
        for &(a, b) in &r.cannot_link {
            let (x, y) = (of[a], of[b]);
            if x == y {
                return Err(format!("elements {a} and {b} are both linked and kept apart"));
            }
            if !cannot[x].contains(&y) {
                cannot[x].push(y);
                cannot[y].push(x);
            }
        }
        let count = |vals: &[u8], items: &[Vec<usize>]| -> Vec<Vec<(u8, u16)>> {
            items
                .iter()
                .map(|mem| {
                    let mut c: Vec<(u8, u16)> = Vec::new();
                    for &i in mem {
                        match c.iter_mut().find(|x| x.0 == vals[i]) {
                            Some(x) => x.1 += 1,
                            None => c.push((vals[i], 1)),
                        }
                    }
                    c
                })
                .collect()
        };
        let attrs = match &r.cap {
            Some((a, _)) => count(a, &members),
            None => vec![Vec::new(); k],
        };
        let cats = match &r.span {
            Some(c) => count(c, &members),
            None => vec![Vec::new(); k],
        };
        let singletons = k == n;
        Ok(Items {
            members,
            of,
            pinned,
            cannot,
            attrs,
            cats,
            singletons,
        })
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Elements in item `u`.
    pub fn size(&self, u: usize) -> usize {
        self.members[u].len()
    }
}

/// Marker for an unplaced item.
pub const UNPLACED: usize = usize::MAX;

/// Assignment plus incremental tables.
#[derive(Clone, Debug)]
pub struct State<'a, W: PairWeights> {
    /// The instance.
    pub inst: &'a Instance<W>,
    /// Its items.
    pub items: &'a Items,
    /// Number of groups.
    pub m: usize,
    /// Group of each item ([`UNPLACED`] if none).
    pub group: Vec<usize>,
    /// Elements per group.
    pub size: Vec<usize>,
    table: Vec<W::V>,
    attr: Vec<u16>,
    n_attr: usize,
    cat: Vec<u16>,
    n_cat: usize,
    /// Sum of weights of all pairs of different items that share a group.
    pub value: W::V,
}

impl<'a, W: PairWeights> State<'a, W> {
    /// A state with every item unplaced.
    pub fn empty(inst: &'a Instance<W>, items: &'a Items) -> State<'a, W> {
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
        State {
            inst,
            items,
            m,
            group: vec![UNPLACED; k],
            size: vec![0; m],
            table: vec![W::V::default(); k * m],
            attr: vec![0; m * n_attr],
            n_attr,
            cat: vec![0; m * n_cat],
            n_cat,
            value: W::V::default(),
        }
    }

    /// Weight between two different items.
    #[inline]
    pub fn item_weight(&self, u: usize, v: usize) -> W::V {
        if self.items.singletons {
            return self.inst.weights.weight(u, v);
        }
        let mut s = W::V::default();
        for &i in &self.items.members[u] {
            for &j in &self.items.members[v] {
                s += self.inst.weights.weight(i, j);
            }
        }
        s
    }

    /// Sum of weights between item `u` and group `g` (without `u`).
    #[inline]
    pub fn to_group(&self, u: usize, g: usize) -> W::V {
        self.table[u * self.m + g]
    }

    fn add_to_tables(&mut self, u: usize, g: usize, add: bool) {
        let m = self.m;
        for x in 0..self.items.len() {
            if x != u {
                let w = self.item_weight(x, u);
                let cell = &mut self.table[x * m + g];
                if add {
                    *cell += w;
                } else {
                    *cell -= w;
                }
            }
        }
        let s = self.items.size(u);
        let items = self.items;
        if add {
            self.size[g] += s;
            for &(a, c) in &items.attrs[u] {
                self.attr[g * self.n_attr + a as usize] += c;
            }
            for &(a, c) in &items.cats[u] {
                self.cat[g * self.n_cat + a as usize] += c;
            }
        } else {
            self.size[g] -= s;
            for &(a, c) in &items.attrs[u] {
                self.attr[g * self.n_attr + a as usize] -= c;
            }
            for &(a, c) in &items.cats[u] {
                self.cat[g * self.n_cat + a as usize] -= c;
            }
        }
    }

    /// Puts an unplaced item into group `g`.
    pub fn place(&mut self, u: usize, g: usize) {
        debug_assert_eq!(self.group[u], UNPLACED);
        self.value += self.to_group(u, g);
        self.group[u] = g;
        self.add_to_tables(u, g, true);
    }

    /// Takes a placed item out of its group.
    pub fn unplace(&mut self, u: usize) {
        let g = self.group[u];
        debug_assert_ne!(g, UNPLACED);
        self.value -= self.to_group(u, g);
        self.group[u] = UNPLACED;
        self.add_to_tables(u, g, false);
    }

    /// Moves item `u` to group `h`.
    pub fn relocate(&mut self, u: usize, h: usize) {
        self.unplace(u);
        self.place(u, h);
    }

    /// Exchanges the groups of items `u` and `v`.
    pub fn swap(&mut self, u: usize, v: usize) {
        let (g, h) = (self.group[u], self.group[v]);
        self.unplace(u);
        self.unplace(v);
        self.place(u, h);
        self.place(v, g);
    }

    /// Gain of moving `u` to `h`.
    #[inline]
    pub fn relocate_gain(&self, u: usize, h: usize) -> W::V {
        self.to_group(u, h) - self.to_group(u, self.group[u])
    }

    /// Gain of exchanging `u` and `v` (in different groups).
    #[inline]
    pub fn swap_gain(&self, u: usize, v: usize) -> W::V {
        let (g, h) = (self.group[u], self.group[v]);
        let w = self.item_weight(u, v);
        self.to_group(u, h) - self.to_group(u, g) + self.to_group(v, g) - self.to_group(v, h) - w - w
    }

    /// Whether item `u` may join group `g` when item `out` (if any) leaves it,
    /// by the cap, span and cannot-link rules (sizes are not checked here).
    pub fn rules_allow(&self, u: usize, g: usize, out: Option<usize>) -> bool {
        let items = self.items;
        if let Some((_, cap)) = &self.inst.rules.cap {
            for &(a, c) in &items.attrs[u] {
                let mut have = self.attr[g * self.n_attr + a as usize] as usize + c as usize;
                if let Some(o) = out {
                    if let Some(x) = items.attrs[o].iter().find(|x| x.0 == a) {
                        have -= x.1 as usize;
                    }
                }
                if have > *cap {
                    return false;
                }
            }
        }
        if self.n_cat > 0 {
            let (mut lo, mut hi) = (usize::MAX, 0usize);
            for &(c, _) in &items.cats[u] {
                lo = lo.min(c as usize);
                hi = hi.max(c as usize);
            }
            let base = g * self.n_cat;
            for c in 0..self.n_cat {
                let mut have = self.cat[base + c];
                if let Some(o) = out {
                    if let Some(x) = items.cats[o].iter().find(|x| x.0 as usize == c) {
                        have -= x.1;
                    }
                }
                if have > 0 {
                    lo = lo.min(c);
                    hi = hi.max(c);
                }
            }
            if hi > lo + 1 {
                return false;
            }
        }
        for &p in &items.cannot[u] {
            if Some(p) != out && self.group[p] == g {
                return false;
            }
        }
        true
    }

    /// Whether moving `u` to `h` keeps every rule and size bound.
    pub fn can_relocate(&self, u: usize, h: usize) -> bool {
        let g = self.group[u];
        if g == h || self.items.pinned[u].is_some() {
            return false;
        }
        let s = self.items.size(u);
        self.size[g] - s >= self.inst.bounds[g].0
            && self.size[h] + s <= self.inst.bounds[h].1
            && self.rules_allow(u, h, None)
    }

    /// Whether exchanging `u` and `v` keeps every rule and size bound.
    pub fn can_swap(&self, u: usize, v: usize) -> bool {
        let (g, h) = (self.group[u], self.group[v]);
        if g == h || self.items.pinned[u].is_some() || self.items.pinned[v].is_some() {
            return false;
        }
        let (su, sv) = (self.items.size(u), self.items.size(v));
        if su != sv {
            let (gs, hs) = (self.size[g] + sv - su, self.size[h] + su - sv);
            let (bg, bh) = (self.inst.bounds[g], self.inst.bounds[h]);
            if gs < bg.0 || gs > bg.1 || hs < bh.0 || hs > bh.1 {
                return false;
            }
        }
        self.rules_allow(u, h, Some(v)) && self.rules_allow(v, g, Some(u))
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

    /// Sets all items from an element → group assignment (items must agree).
    pub fn load(&mut self, element_groups: &[usize]) {
        for u in 0..self.items.len() {
            if self.group[u] != UNPLACED {
                self.unplace(u);
            }
        }
        for u in 0..self.items.len() {
            let g = element_groups[self.items.members[u][0]];
            self.place(u, g);
        }
    }

    /// Whether every group is within its size bounds.
    pub fn sizes_ok(&self) -> bool {
        self.size
            .iter()
            .zip(&self.inst.bounds)
            .all(|(&s, &(a, b))| a <= s && s <= b)
    }
}
