//! What the quotas' lower bounds (engine limits with `at_least`) still
//! allow below a search node.

use super::super::{ColumnSpace, MAX_LIMITS, Tally};

/// What the quotas' lower bounds (`at_least`) still allow below a node:
/// the members each quota still lacks must be among the units not yet
/// passed, and fit the room left.
pub(super) struct Quotas {
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
    pub(super) fn new(space: &ColumnSpace, order: &[usize]) -> Quotas {
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
    pub(super) fn units_needed(&self, space: &ColumnSpace, tally: &Tally, next: usize) -> Option<usize> {
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
