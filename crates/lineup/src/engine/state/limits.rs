//! The state's quota counters: members of each limit per group, and the
//! checks that keep every limit's bounds.

use super::State;
use crate::engine::instance::PairWeights;

impl<W: PairWeights> State<'_, W> {
    /// Number of limits (quotas) of the instance.
    #[inline]
    pub fn limit_count(&self) -> usize {
        self.n_lim
    }

    /// (at least, at most) of limit `l`.
    #[inline]
    pub fn limit_bounds(&self, l: usize) -> (usize, usize) {
        self.lim_bounds[l]
    }

    /// Elements of limit `l` in group `g`.
    #[inline]
    pub fn limit_in(&self, g: usize, l: usize) -> usize {
        self.lim[g * self.n_lim + l] as usize
    }

    /// Whether some group holds fewer of a limit's elements than it must.
    #[inline]
    pub fn limits_short(&self) -> bool {
        self.short > 0
    }

    /// Elements of item `u` counted by limit `l`.
    #[inline]
    pub fn limit_hits(&self, u: usize, l: usize) -> usize {
        self.items.limits[u]
            .iter()
            .find(|x| x.0 as usize == l)
            .map_or(0, |x| x.1 as usize)
    }

    /// Whether group `g` may lose item `out` (gaining `inn`, if any) by the
    /// limits' lower bounds: no count may fall below its bound (a count
    /// already below may not fall further).
    #[inline]
    pub(super) fn leave_ok(&self, out: usize, g: usize, inn: Option<usize>) -> bool {
        if self.n_lim == 0 {
            return true;
        }
        for &(l, c) in &self.items.limits[out] {
            let (least, _) = self.lim_bounds[l as usize];
            let have = self.limit_in(g, l as usize);
            let new = have - c as usize + inn.map_or(0, |v| self.limit_hits(v, l as usize));
            if new < least && new < have {
                return false;
            }
        }
        true
    }

    /// Adds (or subtracts) item `u`'s limit counts to group `g`, keeping
    /// the number of cells below their lower bound.
    pub(super) fn count_limits(&mut self, u: usize, g: usize, add: bool) {
        let items = self.items;
        for &(l, c) in &items.limits[u] {
            let least = self.lim_bounds[l as usize].0;
            let cell = &mut self.lim[g * self.n_lim + l as usize];
            let was = (*cell as usize) < least;
            if add {
                *cell += c;
            } else {
                *cell -= c;
            }
            let is = (*cell as usize) < least;
            match (was, is) {
                (true, false) => self.short -= 1,
                (false, true) => self.short += 1,
                _ => {}
            }
        }
    }
}
