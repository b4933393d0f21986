//! Whether a move keeps the rules: the cap per attribute, the span of
//! categories, the quotas' upper limits, cannot-links, pins, size bounds and
//! the cap on elements away from home.

use super::State;
use crate::engine::instance::PairWeights;

impl<W: PairWeights> State<'_, W> {
    /// Whether item `u` may join group `g` when item `out` (if any) leaves it,
    /// by the cap, span and cannot-link rules (sizes are not checked here).
    pub fn rules_allow(&self, u: usize, g: usize, out: Option<usize>) -> bool {
        if !self.has_rules {
            return true;
        }
        let items = self.items;
        if let Some(cap) = self.cap {
            for &(a, c) in &items.attrs[u] {
                let mut have = self.attr[g * self.n_attr + a as usize] as usize + c as usize;
                if let Some(o) = out {
                    if let Some(x) = items.attrs[o].iter().find(|x| x.0 == a) {
                        have -= x.1 as usize;
                    }
                }
                if have > cap {
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
        for &(l, c) in &items.limits[u] {
            let mut have = self.limit_in(g, l as usize) + c as usize;
            if let Some(o) = out {
                have -= self.limit_hits(o, l as usize);
            }
            if have > self.lim_bounds[l as usize].1 {
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
        self.size[g] - s >= self.bounds[g].0
            && self.size[h] + s <= self.bounds[h].1
            && self.rules_allow(u, h, None)
            && self.leave_ok(u, g, None)
            && self.away_ok(self.away_in(u, h), self.away_in(u, g))
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
            let (bg, bh) = (self.bounds[g], self.bounds[h]);
            if gs < bg.0 || gs > bg.1 || hs < bh.0 || hs > bh.1 {
                return false;
            }
        }
        self.rules_allow(u, h, Some(v))
            && self.rules_allow(v, g, Some(u))
            && self.leave_ok(u, g, Some(v))
            && self.leave_ok(v, h, Some(u))
            && self.away_ok(
                self.away_in(u, h) + self.away_in(v, g),
                self.away_in(u, g) + self.away_in(v, h),
            )
    }
}
