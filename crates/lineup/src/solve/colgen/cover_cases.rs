//! Small set-partitioning cases for the cover searches' tests: every
//! column of a few members with values from a formula, the optimum by
//! brute force, and duals that price every column out.

use super::cover::{Cover, Partitioning, reduced};
use super::master::{Duals, Phase};
use crate::cancel::Stop;
use crate::solve::columns::{Bits, Column};

/// Columns over `n` members with pair values from a small formula, and
/// every lineup of `k` of them by brute force.
pub(crate) fn instance(n: usize, size: usize) -> Vec<Column> {
    let value = |i: usize, j: usize| ((i * 7 + j * 13) % 11) as f64 + 0.5 * ((i + j) % 3) as f64;
    let mut cols = Vec::new();
    for mask in 0u32..(1 << n) {
        if mask.count_ones() as usize != size {
            continue;
        }
        let ms: Vec<usize> = (0..n).filter(|&i| mask >> i & 1 == 1).collect();
        let mut spr = 0.0;
        let mut pen = 0.0;
        for (a, &i) in ms.iter().enumerate() {
            for &j in &ms[a + 1..] {
                spr += value(i, j);
                pen += ((i + j) % 4 == 0) as u8 as f64;
            }
        }
        cols.push(Column {
            members: mask as Bits,
            units: mask as Bits,
            pen,
            spr,
        });
    }
    cols
}

pub(crate) fn brute(cols: &[Column], n: usize, k: usize, cap: Option<f64>, phase: Phase) -> f64 {
    #[allow(clippy::too_many_arguments, reason = "a brute-force recursion")]
    fn go(
        cols: &[Column],
        from: usize,
        covered: Bits,
        left: usize,
        acc: (f64, f64),
        all: Bits,
        cap: Option<f64>,
        phase: Phase,
        best: &mut f64,
    ) {
        if left == 0 {
            if covered == all && cap.is_none_or(|c| acc.1 <= c + 1e-9) {
                *best = best.max(acc.0);
            }
            return;
        }
        for j in from..cols.len() {
            if cols[j].members & covered == 0 {
                let v = (acc.0 + phase.col(&cols[j]), acc.1 + cols[j].pen);
                go(
                    cols,
                    j + 1,
                    covered | cols[j].members,
                    left - 1,
                    v,
                    all,
                    cap,
                    phase,
                    best,
                );
            }
        }
    }
    let mut best = f64::NEG_INFINITY;
    go(cols, 0, 0, k, (0.0, 0.0), (1 << n) - 1, cap, phase, &mut best);
    best
}

/// Duals that make every column's reduced value at most zero: each
/// member's price is its share of the best column through it.
pub(crate) fn duals(cols: &[Column], n: usize, k: usize, phase: Phase, m: f64, cap: f64) -> Duals {
    let mut pis = vec![0.0; n];
    for c in cols {
        let share = (phase.col(c) - m * c.pen) / c.members.count_ones() as f64;
        for (i, p) in pis.iter_mut().enumerate() {
            if c.members >> i & 1 == 1 {
                *p = f64::max(*p, share);
            }
        }
    }
    let mut d = Duals {
        pis,
        sig: 0.0,
        m,
        d: 0.0,
        rc: 0.0,
    };
    let rbar = cols
        .iter()
        .map(|c| reduced(c, phase, &d))
        .fold(f64::NEG_INFINITY, f64::max);
    d.sig = rbar;
    d.d = d.pis.iter().sum::<f64>() + k as f64 * d.sig + m * cap;
    d
}

/// A small instance with its optimum by brute force and duals that
/// price every column out.
pub(crate) struct Case {
    pub cols: Vec<Column>,
    pub n: usize,
    pub k: usize,
    pub cap: Option<f64>,
    pub phase: Phase,
    pub best: f64,
    pub duals: Duals,
}

/// A cover search's signature ([`Partitioning::best`] and the passes from
/// the top).
pub(crate) type Searcher = fn(&Partitioning<'_>, f64, u64, &Stop) -> Cover;

impl Case {
    /// The case's set partitioning.
    pub(crate) fn partitioning(&self) -> Partitioning<'_> {
        Partitioning {
            cols: &self.cols,
            n: self.n,
            k: self.k,
            cap: self.cap,
            phase: self.phase,
            duals: &self.duals,
        }
    }

    /// `search` over the case above `floor`, without a node limit.
    pub(crate) fn run(&self, search: Searcher, floor: f64) -> Cover {
        search(&self.partitioning(), floor, u64::MAX, &Stop::default())
    }
}

/// The cases of the cover searches' tests: with and without a cap.
pub(crate) fn cases() -> Vec<Case> {
    [
        (9, 3, None, 0.0),
        (12, 3, None, 0.0),
        (12, 4, Some(4.0), 0.7),
        (10, 5, Some(3.0), 1.3),
    ]
    .into_iter()
    .map(|(n, size, cap, m)| {
        let cols = instance(n, size);
        let k = n / size;
        let phase = match cap {
            Some(c) => Phase::MaxSpread { cap: c },
            None => Phase::Weighted,
        };
        let best = brute(&cols, n, k, cap, phase);
        let duals = duals(&cols, n, k, phase, m, cap.unwrap_or(0.0));
        Case {
            cols,
            n,
            k,
            cap,
            phase,
            best,
            duals,
        }
    })
    .collect()
}
