//! Filling an empty group with many items at once, its table row built in
//! one pass (for the crossover's child, which inherits whole groups).

use super::{State, UNPLACED};
use crate::engine::instance::PairWeights;
use crate::engine::value::Value;

impl<W: PairWeights> State<'_, W> {
    /// Puts the unplaced `members` into the empty group `g`. Its table row
    /// comes from `base`, the row of a group (of a state over the same
    /// items) that held exactly `members` and `extra`: copied, minus the
    /// weights of `extra`, when `extra` is the shorter list; else it is
    /// summed from the members' weights. Either way the row costs
    /// `min(|members|, |extra| + 1)` passes instead of `|members|`.
    pub fn fill(&mut self, g: usize, members: &[usize], base: &[W::V], extra: &[usize]) {
        debug_assert_eq!(self.size[g], 0, "group {g} is empty");
        debug_assert!(members.iter().all(|&x| self.group[x] == UNPLACED));
        let k = self.k;
        if extra.len() < members.len() {
            self.table[g * k..(g + 1) * k].copy_from_slice(base);
            for &y in extra {
                self.add_row(y, g, false);
            }
        } else {
            for &y in members {
                self.add_row(y, g, true);
            }
        }
        // Each pair inside the group is in the row twice.
        let mut inside = W::V::default();
        for &x in members {
            inside += self.table[g * k + x];
            self.value += self.home_value(x, g);
            self.away += self.away_in(x, g);
            self.group[x] = g;
            self.counters(x, g, true);
        }
        self.value += inside.scale(0.5);
    }
}
