//! One wide enumeration for the rest of column generation and the closing
//! step. At the prices `y0` of its round, every column left out of the
//! list has a reduced value below the list's floor `τ`; at other prices
//! `y1`, below `τ + Δ`, where `Δ` bounds what the change of prices adds
//! to any column: the sum of its members' largest price drops and the
//! cluster price's drop. So the LP is converged over the list alone once
//! no listed column prices out and `τ + Δ ≤ 0`, and every candidate of
//! the closing step above `t` is listed once `τ + Δ < t`: one enumeration
//! instead of the last exact pricings and the closing enumerations.

use std::collections::HashSet;

use super::master::{Duals, note_bound, purge, tol};
use super::state::{Exact, Run, met};
use crate::cancel::Stop;
use crate::solve::columns::{Bits, Column, ColumnSpace, Halt};

/// Most listed columns that join the pool per round.
const WIDE_PER_ROUND: usize = 200;

/// The columns of one wide enumeration.
pub(super) struct Wide {
    /// Reduced value at `at` and units, best first.
    cols: Vec<(f64, Bits)>,
    /// The prices of the enumeration.
    at: Duals,
    /// Every column not listed has a reduced value below it at `at`.
    floor: f64,
}

/// The wide list at other prices.
pub(super) struct Shifted<'w> {
    wide: &'w Wide,
    /// Reduced values at the new prices, per listed column.
    rc: Vec<f64>,
    /// Every column not listed has a reduced value below it.
    pub outside: f64,
}

impl Wide {
    /// The largest reduced value at the enumeration's prices (the list
    /// holds every column above its floor, which is below zero).
    pub fn max_reduced(&self) -> f64 {
        self.cols.first().map_or(self.floor, |f| f.0)
    }

    /// The list at the prices `y1` (with the same penalty price; otherwise
    /// nothing is known of the columns left out).
    pub fn at(&self, space: &ColumnSpace, y1: &Duals) -> Shifted<'_> {
        let y0 = &self.at;
        let drop: Vec<f64> = y0.pis.iter().zip(&y1.pis).map(|(a, b)| a - b).collect();
        let dsig = y0.sig - y1.sig;
        let unit: Vec<f64> = space
            .units
            .iter()
            .map(|members| members.iter().map(|&i| drop[i]).sum())
            .collect();
        let rc = self
            .cols
            .iter()
            .map(|&(r, units)| {
                let mut v = r + dsig;
                let mut bits = units;
                while bits != 0 {
                    v += unit[bits.trailing_zeros() as usize];
                    bits &= bits - 1;
                }
                v
            })
            .collect();
        let outside = if y0.m == y1.m {
            // A column holds `min..=max` members: at most the `min` largest
            // drops and the positive ones of the next `max − min`.
            let mut sorted = drop;
            sorted.sort_by(|a, b| b.total_cmp(a));
            let most: f64 = sorted.iter().take(space.min).sum::<f64>()
                + sorted
                    .iter()
                    .skip(space.min)
                    .take(space.max.saturating_sub(space.min))
                    .map(|&x| x.max(0.0))
                    .sum::<f64>();
            self.floor + most + dsig + 1e-9 * (1.0 + self.floor.abs())
        } else {
            f64::INFINITY
        };
        Shifted {
            wide: self,
            rc,
            outside,
        }
    }
}

impl Shifted<'_> {
    /// The largest listed reduced value.
    fn max_listed(&self) -> f64 {
        self.rc.iter().copied().fold(f64::NEG_INFINITY, f64::max)
    }

    /// The listed columns of reduced value at least `t`, best first, at
    /// most `most` (then the best quarter), and the largest reduced value
    /// of a column not among them when they are not every such column.
    pub fn candidates(&self, t: f64, most: usize) -> (Vec<(f64, Bits)>, Option<f64>) {
        let mut c: Vec<(f64, Bits)> = self
            .rc
            .iter()
            .zip(&self.wide.cols)
            .filter(|(r, _)| **r >= t)
            .map(|(&r, &(_, units))| (r, units))
            .collect();
        c.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        if c.len() >= most.max(1) {
            c.truncate((most / 4).max(1));
            let last = c.last().map_or(f64::NEG_INFINITY, |l| l.0);
            return (c, Some(last.max(self.outside)));
        }
        let left_out = (self.outside >= t).then_some(self.outside);
        (c, left_out)
    }
}

impl Run<'_> {
    /// Every column of reduced value at least `depth` times the gap
    /// below zero at the LP duals `lp`; `None` when they are too many.
    pub(super) fn wide(&self, lp: &Duals, q: &[f64], c: &[f64], stop: &Stop) -> Result<Option<Wide>, Halt> {
        let tuning = self.tuning.wide.unwrap_or_default();
        let gap = (lp.d - self.z_inc).max(tol(self.z_inc));
        let floor = -tuning.depth * gap;
        let budget = self.limits.node_budget;
        match self
            .space
            .enumerate(q, c, lp.sig, floor, None, tuning.most, budget, stop)
        {
            Ok(cols) => Ok(Some(Wide {
                cols,
                at: lp.clone(),
                floor,
            })),
            Err(Halt::TooMany) => Ok(None),
            Err(h) => Err(h),
        }
    }

    /// Column generation over the wide list, then the closing step over it
    /// when the list holds everything both need; `None` when the columns
    /// left out may still price out (the caller goes on pricing).
    #[allow(clippy::too_many_arguments, reason = "the column generation's state")]
    pub(super) fn over_wide(
        &mut self,
        wide: &Wide,
        pool: &mut Vec<Column>,
        seen: &mut HashSet<Bits>,
        fixed: usize,
        (best_bound, best): (&mut f64, &mut Option<Duals>),
        rounds: &mut usize,
        exact_rounds: usize,
    ) -> Option<Exact> {
        let (space, phase, k) = (self.space, self.phase, self.k);
        let stop = self.limits.stop();
        loop {
            if stop.now() {
                return None;
            }
            *rounds += 1;
            let lp = self.lp(pool).ok()?;
            purge(pool, seen, fixed, &lp, phase);
            let shifted = wide.at(space, &lp);
            let pool_max = pool.iter().map(|col| lp.reduced(col, phase)).fold(0.0, f64::max);
            let rc = pool_max.max(shifted.max_listed()).max(shifted.outside).max(0.0);
            note_bound(best_bound, best, &lp, rc, k);
            if *best_bound <= self.z_inc + tol(self.z_inc) {
                return Some(met(*best_bound, self.z_inc, *rounds, exact_rounds, pool.len()));
            }
            let mut fresh: Vec<(f64, Bits)> = shifted
                .rc
                .iter()
                .zip(&wide.cols)
                .filter(|(r, (_, units))| **r > 1e-7 && !seen.contains(units))
                .map(|(&r, &(_, units))| (r, units))
                .collect();
            if fresh.is_empty() {
                if shifted.outside > 1e-7 {
                    return None;
                }
                let duals = Duals { rc, ..lp };
                if let Some(ex) = self.close_listed(&duals, &shifted, *best_bound, *rounds, exact_rounds) {
                    return Some(ex);
                }
                return Some(self.close(&duals, *best_bound, *rounds, exact_rounds, Some(&shifted)));
            }
            fresh.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for &(_, units) in fresh.iter().take(WIDE_PER_ROUND) {
                seen.insert(units);
                pool.push(space.column(units));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::optimise_with;
    use super::super::state::{Tuning, WideTuning};
    use super::super::tests::{limits, optimum, space, start};
    use super::*;
    use crate::solve::colgen::Phase;
    use crate::solve::colgen::state::reduced_values;

    #[test]
    fn the_columns_left_out_stay_below_the_shifted_floor_which_fails_at_90_percent() {
        let sp = space(14);
        let phase = Phase::Weighted;
        let stop = Stop::default();
        let pis: Vec<f64> = (0..sp.n).map(|i| 4.0 + (i * 7 % 5) as f64 * 0.7).collect();
        let y0 = Duals {
            pis,
            sig: 1.0,
            m: 0.0,
            d: 0.0,
            rc: 0.0,
        };
        let (q, c) = reduced_values(&sp, phase, y0.m, &y0.pis);
        let all = sp
            .enumerate(
                &q,
                &c,
                y0.sig,
                f64::NEG_INFINITY,
                None,
                usize::MAX,
                u64::MAX,
                &stop,
            )
            .unwrap();
        let floor = all[all.len() / 3].0;
        let listed: Vec<(f64, Bits)> = all.iter().copied().filter(|f| f.0 >= floor).collect();
        let left: Vec<(f64, Bits)> = all.iter().copied().filter(|f| f.0 < floor).collect();
        let wide = Wide {
            cols: listed.clone(),
            at: y0.clone(),
            floor,
        };
        // The best column left out gains most when its members' prices drop.
        let x = sp.column(left[0].1);
        let mut y1 = y0.clone();
        for i in 0..sp.n {
            if x.members >> i & 1 == 1 {
                y1.pis[i] -= 0.3;
            }
        }
        let shifted = wide.at(&sp, &y1);
        for (r, &(_, units)) in shifted.rc.iter().zip(&listed) {
            let exact = y1.reduced(&sp.column(units), phase);
            assert!((r - exact).abs() < 1e-9, "{r} vs {exact}");
        }
        let worst = left
            .iter()
            .map(|&(_, units)| y1.reduced(&sp.column(units), phase))
            .fold(f64::NEG_INFINITY, f64::max);
        assert!(worst < shifted.outside, "{worst} above {}", shifted.outside);
        let scaled = floor + 0.9 * (shifted.outside - floor);
        assert!(worst > scaled, "{worst} below 90 % of the shift ({scaled})");
    }

    #[test]
    fn the_candidates_are_every_listed_column_above_the_threshold_or_say_what_is_left_out() {
        let sp = space(13);
        let stop = Stop::default();
        let y0 = Duals {
            pis: vec![5.0; sp.n],
            sig: 0.0,
            m: 0.0,
            d: 0.0,
            rc: 0.0,
        };
        let (q, c) = reduced_values(&sp, Phase::Weighted, 0.0, &y0.pis);
        let floor = -3.0;
        let cols = sp
            .enumerate(&q, &c, 0.0, floor, None, usize::MAX, u64::MAX, &stop)
            .unwrap();
        let wide = Wide {
            cols,
            at: y0.clone(),
            floor,
        };
        let at = wide.at(&sp, &y0);
        let above = wide.cols.iter().filter(|f| f.0 >= -1.0).count();
        // Below the floor nothing is known; above it, every column is listed.
        let (all, left_out) = at.candidates(-1.0, usize::MAX);
        assert_eq!((all.len(), left_out), (above, None));
        assert!(all.windows(2).all(|w| w[0].0 >= w[1].0));
        let (_, left_out) = at.candidates(floor - 1.0, usize::MAX);
        assert!(left_out.is_some_and(|l| l >= floor - 1.0));
        // Too many: the best quarter, and the last one kept bounds the rest.
        let (some, left_out) = at.candidates(-1.0, 8);
        assert_eq!(some.len(), 2);
        assert_eq!(left_out, Some(some[1].0.max(at.outside)));
    }

    #[test]
    fn column_generation_over_the_wide_list_proves_what_enumeration_proves() {
        let phase = Phase::Weighted;
        for n in [13, 14] {
            let sp = space(n);
            let opt = optimum(&sp, phase);
            // Deep enough to decide, too shallow (the usual pricing and
            // closing follow), and too many columns (the usual pricing).
            for (depth, most) in [(50.0, 4_000_000), (0.0, 4_000_000), (50.0, 5)] {
                let tuning = Tuning {
                    wide: Some(WideTuning {
                        gap: f64::INFINITY,
                        depth,
                        most,
                    }),
                    pool_ip_every: 0,
                    ..Tuning::default()
                };
                let ex = optimise_with(&sp, phase, 2, &start(n), limits(20_000), tuning);
                assert!(ex.optimal, "n {n}, depth {depth}: {}", ex.note);
                assert!(
                    (ex.bound - opt).abs() < 1e-6,
                    "n {n}, depth {depth}: {} vs {opt}",
                    ex.bound
                );
                let found = ex.improved.expect("the start is not optimal");
                let value: f64 = (0..2)
                    .map(|g| (0..n).filter(|&i| found[i] == g).collect::<Vec<_>>())
                    .map(|m| phase.col(&sp.column_of_members(&m).unwrap()))
                    .sum();
                assert!((value - opt).abs() < 1e-6, "n {n}: lineup {value} vs {opt}");
            }
        }
    }
}
