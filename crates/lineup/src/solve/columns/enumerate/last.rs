//! The last one or two units of a column, exactly: a search node with room
//! for at most two more units is completed by scanning its admissible
//! units and pairs instead of one search node per unit.
//!
//! A pair `j, k` adds `gain_j + gain_k + q_jk`. With the units sorted by
//! gain, the pairs with `j` first are scanned while
//! `gain_j + gain_k + (j's best pair value ahead)` can still reach the
//! threshold, and `j` stops once `gain_j + gain_(j+1) + (best pair value
//! of any)` cannot.

use super::{Bits, Halt, Search, Tally};

/// A unit that may join the node, with the node's tally after it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    /// Its gain with the node's units.
    gain: f64,
    /// Its search position.
    at: usize,
    /// Half its best pair value with the units ahead (the suffix table).
    half_best: f64,
    tally: Tally,
}

impl Search<'_> {
    /// Records every column that completes the node (`chosen`, `tally`,
    /// `value`) by one or two units at search positions `>= next`; the
    /// node's room must take no more than two.
    pub(super) fn last_two(
        &mut self,
        next: usize,
        chosen: Bits,
        tally: Tally,
        value: f64,
        gains: &[f64],
    ) -> Result<(), Halt> {
        let sp = self.space;
        let u = sp.units.len();
        let b = sp.max;
        let mut cands = std::mem::take(&mut self.candidates);
        cands.clear();
        let row = &self.suffix[next * u * b..(next + 1) * u * b];
        // What one or two more units must add, and the largest gain any
        // partner brings: a unit that cannot reach it alone or beside the
        // best partner with its best pair value is no candidate, which is
        // decided before the rules are checked.
        let need = self.threshold - value + self.sigma;
        let top_gain = gains[next..].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        for (x, &gain) in gains.iter().enumerate().skip(next) {
            let unit = self.order[x];
            let half_best = if b > 1 { row[unit * b + 1] } else { 0.0 };
            if gain < need && gain + top_gain + 2.0 * half_best < need {
                continue;
            }
            if sp.unit_cannot[unit] & chosen != 0 {
                continue;
            }
            let Some(with) = sp.admit(&tally, unit) else {
                continue;
            };
            cands.push(Candidate {
                gain,
                at: x,
                half_best,
                tally: with,
            });
        }
        let result = self.scan(chosen, value, &mut cands);
        self.candidates = cands;
        result
    }

    fn scan(&mut self, chosen: Bits, value: f64, cands: &mut [Candidate]) -> Result<(), Halt> {
        let sp = self.space;
        let u = sp.units.len();
        for c in cands.iter() {
            if sp.complete(&c.tally) {
                let unit = self.order[c.at];
                self.record(value + c.gain - self.sigma, chosen | (1 as Bits) << unit)?;
            }
        }
        if cands.len() < 2 {
            return Ok(());
        }
        cands.sort_unstable_by(|a, b| b.gain.total_cmp(&a.gain).then(a.at.cmp(&b.at)));
        let top_pair = cands.iter().map(|c| c.half_best).fold(0.0f64, f64::max) * 2.0;
        for a in 0..cands.len() - 1 {
            let first = cands[a];
            // What a pair must add to the node's value.
            let need = self.threshold - value + self.sigma;
            if first.gain + cands[a + 1].gain + top_pair < need {
                break;
            }
            let best_pair = 2.0 * first.half_best;
            let ua = self.order[first.at];
            let bits_a = chosen | (1 as Bits) << ua;
            for second in &cands[a + 1..] {
                let need = self.threshold - value + self.sigma;
                if first.gain + second.gain + best_pair < need {
                    break;
                }
                let ub = self.order[second.at];
                let q = self.q[ua * u + ub];
                if first.gain + second.gain + q < need || sp.unit_cannot[ub] & bits_a != 0 {
                    continue;
                }
                let Some(t) = sp.admit(&first.tally, ub) else {
                    continue;
                };
                if !sp.complete(&t) {
                    continue;
                }
                // Summed in the search's order, as its nodes would.
                let (lo, hi) = if first.at < second.at {
                    (first.gain, second.gain)
                } else {
                    (second.gain, first.gain)
                };
                self.record(value + lo + (hi + q) - self.sigma, bits_a | (1 as Bits) << ub)?;
            }
        }
        Ok(())
    }
}
