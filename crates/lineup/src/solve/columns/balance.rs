//! Balanced Länder: when the penalty cap of level 2 leaves no room above the
//! fewest same-Land pairs `K` clusters can have, every lineup within the cap
//! spreads each Land evenly, and the columns can be restricted to such
//! clusters.
//!
//! A Land with `m` members has at least `P(m) = r·C(f+1, 2) + (K−r)·C(f, 2)`
//! same-Land pairs in any `K` clusters (`f = ⌊m/K⌋`, `r = m mod K`), and
//! exactly `P(m)` only when every cluster holds `f` or `f + 1` of them
//! (moving a member from a cluster with `a` to one with `b <= a − 2`
//! removes `a − 1 − b >= 1` pairs). If the penalty is at least
//! `same_land × (same-Land pairs)` and the cap is below
//! `same_land × (Σ P + 1)`, a lineup within the cap has `Σ P` pairs, so
//! every Land is spread evenly.

use super::{ColumnSpace, MAX_LIMITS};

/// Pairs among `c` members.
fn pairs(c: usize) -> usize {
    c * c.saturating_sub(1) / 2
}

/// Same-Land pairs between two Land tallies (both the same unit: pass
/// `None` for `b`, pairs inside).
fn same_land_pairs(a: &[u8; 16], b: Option<&[u8; 16]>) -> usize {
    match b {
        Some(b) => a.iter().zip(b).map(|(&x, &y)| x as usize * y as usize).sum(),
        None => a.iter().map(|&x| pairs(x as usize)).sum(),
    }
}

/// Whether `pen` (a penalty of `pairs` same-Land pairs and other terms)
/// is at least `w·pairs`, and whether it is exactly that.
fn at_least(pen: f64, w: f64, pairs: usize) -> (bool, bool) {
    let d = pen - w * pairs as f64;
    let eps = 1e-9 * pen.abs().max(1.0);
    (d >= -eps, d <= eps)
}

impl ColumnSpace {
    /// The fewest same-Land pairs `k` clusters of this block can have
    /// (sizes aside), and the members per Land.
    pub fn fewest_same_land_pairs(&self, k: usize) -> (usize, [usize; 16]) {
        let mut members = [0usize; 16];
        for lands in &self.unit_lands {
            for (m, &c) in members.iter_mut().zip(lands) {
                *m += c as usize;
            }
        }
        let fewest = members
            .iter()
            .map(|&m| {
                let (f, r) = (m / k, m % k);
                r * pairs(f + 1) + (k - r) * pairs(f)
            })
            .sum();
        (fewest, members)
    }

    /// The space of the clusters that hold `⌊m/k⌋` or `⌈m/k⌉` of each
    /// Land's `m` members, when every lineup of `k` clusters with a
    /// penalty of at most `cap` is made of such clusters (see the module
    /// documentation); `None` otherwise, or when the extra quotas do not
    /// fit beside the block's own.
    ///
    /// The flag says whether the penalty is exactly `same_land × pairs`
    /// for every cluster: then every partition of the restricted columns,
    /// fractional ones too, has the fewest pairs' penalty (`C(c, 2)` is
    /// linear between `f` and `f + 1`), and a penalty row is redundant.
    pub fn balanced(&self, k: usize, cap: f64) -> Option<(ColumnSpace, bool)> {
        let w = self.same_land;
        if w.is_nan() || w <= 0.0 || k < 2 {
            return None;
        }
        let (fewest, members) = self.fewest_same_land_pairs(k);
        if cap >= w * (fewest as f64 + 1.0) - 1e-9 * w * (fewest as f64 + 1.0) {
            return None;
        }
        let u = self.units.len();
        let mut exact = true;
        for x in 0..u {
            let (ok, eq) = at_least(self.internal[x].0, w, same_land_pairs(&self.unit_lands[x], None));
            if !ok {
                return None;
            }
            exact &= eq;
            for y in x + 1..u {
                let p = same_land_pairs(&self.unit_lands[x], Some(&self.unit_lands[y]));
                let (ok, eq) = at_least(self.pair(x, y).0, w, p);
                if !ok {
                    return None;
                }
                exact &= eq;
            }
        }
        let mut limits = self.limits.clone();
        let mut unit_limits = self.unit_limits.clone();
        let mut group_most = self.group_most;
        let mut group_least = self.group_least;
        for (land, &m) in members.iter().enumerate() {
            let (least, most) = (m / k, m.div_ceil(k));
            // Nothing to restrict: no Land pair is possible or allowed anyway.
            if least == 0 && most >= m.min(self.max) {
                continue;
            }
            if limits.len() == MAX_LIMITS {
                return None;
            }
            let id = limits.len() as u8;
            limits.push((least, most));
            group_most[land] = group_most[land].min(most);
            // The pricing bound needs `least` of the Land's single-member
            // units only when no larger unit holds one of its members.
            let singles = (0..u).all(|x| self.unit_lands[x][land] == 0 || self.unit_size[x] == 1);
            if singles {
                group_least[land] = least;
            }
            for (x, lands) in self.unit_lands.iter().enumerate() {
                if lands[land] > 0 {
                    unit_limits[x].push((id, lands[land]));
                }
            }
        }
        Some((
            ColumnSpace {
                limits,
                unit_limits,
                group_most,
                group_least,
                ..self.clone()
            },
            exact,
        ))
    }
}
