//! The closing step's set partitioning by search, when the reduced values
//! of the candidates are known.
//!
//! At duals `(π, σ, μ)` with dual objective `D = Σπ + K·σ + μ·cap`, every
//! lineup of `K` clusters that covers each member once and keeps the cap
//! has the value `Σ v(S) = D + Σ rc(S) − μ·(cap − Σ pen(S)) ≤ D + Σ rc(S)`,
//! where `rc(S) = v(S) − π(S) − σ − μ·pen(S)` is the cluster's reduced
//! value. With every candidate's `rc ≤ r̄`, a partial lineup whose reduced
//! values plus `r̄` for each cluster still to choose cannot lift `D` above
//! the best value known has no better completion. Near converged duals
//! `r̄ ≈ 0` and the candidates of a better lineup are few and close to
//! zero, so a depth-first exact cover — branching on an uncovered member
//! over its candidates in order of reduced value — settles the
//! partitioning that an integer program over thousands of candidates
//! takes minutes for.

use super::master::{Duals, Phase, tol};
use crate::cancel::Stop;
use crate::solve::columns::{Bits, Column};

/// What the search established.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Cover {
    /// Every lineup of the candidates was considered: the best one better
    /// than the floor (its value and the candidates it takes), or none.
    Finished(Option<(f64, Vec<usize>)>),
    /// Stopped by the clock, a cancel or the node budget; the best lineup
    /// better than the floor found so far.
    Stopped(Option<(f64, Vec<usize>)>),
}

/// A cluster's reduced value at `duals`: `v − π(S) − σ − μ·pen`.
pub(super) fn reduced(col: &Column, phase: Phase, duals: &Duals) -> f64 {
    let mut members = col.members;
    let mut pi = 0.0;
    while members != 0 {
        pi += duals.pis[members.trailing_zeros() as usize];
        members &= members - 1;
    }
    phase.col(col) - pi - duals.sig - duals.m * col.pen
}

/// The search's fixed data and its best lineup so far.
struct Search<'a> {
    cols: &'a [Column],
    rc: Vec<f64>,
    value: Vec<f64>,
    /// Candidates per member, best reduced value first.
    by_member: Vec<Vec<u32>>,
    /// Members in the order they are branched on (fewest candidates first).
    order: Vec<usize>,
    k: usize,
    n: usize,
    cap: Option<f64>,
    d: f64,
    rbar: f64,
    min_size: u32,
    max_size: u32,
    /// Only lineups worth more than this count.
    floor: f64,
    best: Option<(f64, Vec<usize>)>,
    chosen: Vec<usize>,
    nodes: u64,
    budget: u64,
    stop: &'a Stop,
    halted: bool,
}

/// The best lineup of `k` of `cols` (each of the `n` members once, total
/// penalty at most `cap`) worth more than `floor` under `phase`, found by
/// search with the reduced values at `duals` (`duals.d` is `D`). At most
/// `budget` search nodes.
#[allow(clippy::too_many_arguments, reason = "one search with its data")]
pub(super) fn best_cover(
    cols: &[Column],
    n: usize,
    k: usize,
    cap: Option<f64>,
    phase: Phase,
    duals: &Duals,
    floor: f64,
    budget: u64,
    stop: &Stop,
) -> Cover {
    best_cover_counted(cols, n, k, cap, phase, duals, floor, budget, stop).0
}

/// [`best_cover`] with the search nodes it used.
#[allow(clippy::too_many_arguments, reason = "one search with its inputs")]
pub(super) fn best_cover_counted(
    cols: &[Column],
    n: usize,
    k: usize,
    cap: Option<f64>,
    phase: Phase,
    duals: &Duals,
    floor: f64,
    budget: u64,
    stop: &Stop,
) -> (Cover, u64) {
    let rc: Vec<f64> = cols.iter().map(|c| reduced(c, phase, duals)).collect();
    let value: Vec<f64> = cols.iter().map(|c| phase.col(c)).collect();
    let mut by_member: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (j, c) in cols.iter().enumerate() {
        let mut m = c.members;
        while m != 0 {
            by_member[m.trailing_zeros() as usize].push(j as u32);
            m &= m - 1;
        }
    }
    for list in &mut by_member {
        list.sort_by(|&a, &b| rc[b as usize].total_cmp(&rc[a as usize]).then(a.cmp(&b)));
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (by_member[i].len(), i));
    let sizes = cols.iter().map(|c| c.members.count_ones());
    let mut s = Search {
        cols,
        rbar: rc.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        rc,
        value,
        by_member,
        order,
        k,
        n,
        cap,
        d: duals.d,
        min_size: sizes.clone().min().unwrap_or(1),
        max_size: sizes.max().unwrap_or(0),
        floor,
        best: None,
        chosen: Vec::with_capacity(k),
        nodes: 0,
        budget,
        stop,
        halted: false,
    };
    if cols.is_empty() || k == 0 {
        return (Cover::Finished(None), 0);
    }
    s.dfs(0, 0.0, 0.0, 0.0);
    let nodes = s.nodes.min(budget);
    if s.halted {
        (Cover::Stopped(s.best), nodes)
    } else {
        (Cover::Finished(s.best), nodes)
    }
}

impl Search<'_> {
    fn all(&self) -> Bits {
        if self.n >= Bits::BITS as usize {
            !0
        } else {
            ((1 as Bits) << self.n) - 1
        }
    }

    fn dfs(&mut self, covered: Bits, rc_sum: f64, value: f64, pen: f64) {
        if self.halted {
            return;
        }
        self.nodes += 1;
        if self.nodes > self.budget || (self.nodes % 4096 == 0 && self.stop.now()) {
            self.halted = true;
            return;
        }
        let c = self.chosen.len();
        if covered == self.all() {
            if c == self.k && value > self.floor {
                self.floor = value + tol(value) * 1e-3;
                self.best = Some((value, self.chosen.clone()));
            }
            return;
        }
        let slots = (self.k - c) as u32;
        let left = self.n as u32 - covered.count_ones();
        if slots == 0 || left < slots * self.min_size || left > slots * self.max_size {
            return;
        }
        // Every uncovered member's best candidate disjoint from the chosen
        // ones bounds each cluster through it: a cluster's reduced value is
        // at most the mean of its members' bests, so the clusters still to
        // choose add at most Σ share(best) over the uncovered members.
        let mut share = [0.0f64; Bits::BITS as usize];
        let mut rest = 0.0;
        let mut branch: Option<(usize, f64)> = None;
        for &i in &self.order {
            if covered >> i & 1 == 1 {
                continue;
            }
            let Some(&j) = self.by_member[i]
                .iter()
                .find(|&&j| self.cols[j as usize].members & covered == 0)
            else {
                return; // a member no candidate can take any more
            };
            let b = self.rc[j as usize];
            share[i] = if b <= 0.0 {
                b / self.max_size as f64
            } else {
                b / self.min_size as f64
            };
            rest += share[i];
            // Branch on the member whose best candidate is worst.
            if branch.is_none_or(|(_, w)| b < w) {
                branch = Some((i, b));
            }
        }
        let slack = 1e-9 * (1.0 + self.floor.abs());
        if self.d + rc_sum + rest < self.floor - slack {
            return;
        }
        let Some((i, _)) = branch else {
            return;
        };
        // What the other clusters can add at most, for any candidate of `i`.
        let others = (slots - 1) as f64 * self.rbar;
        for at in 0..self.by_member[i].len() {
            let j = self.by_member[i][at] as usize;
            // Sorted by reduced value: no later candidate of `i` does better.
            if self.d + rc_sum + self.rc[j] + others < self.floor - slack {
                break;
            }
            let col = &self.cols[j];
            if col.members & covered != 0 {
                continue;
            }
            let mut after = rest;
            let mut m = col.members;
            while m != 0 {
                after -= share[m.trailing_zeros() as usize];
                m &= m - 1;
            }
            if self.d + rc_sum + self.rc[j] + after < self.floor - slack {
                continue;
            }
            let pen = pen + col.pen;
            if self.cap.is_some_and(|cp| pen > cp + tol(cp)) {
                continue;
            }
            self.chosen.push(j);
            self.dfs(
                covered | col.members,
                rc_sum + self.rc[j],
                value + self.value[j],
                pen,
            );
            self.chosen.pop();
            if self.halted {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::cover_cases::{cases, duals, instance};
    use super::*;
    #[test]
    fn the_search_finds_the_best_partition_brute_force_finds() {
        for case in cases() {
            let (cols, n, k, best) = (&case.cols, case.n, case.k, case.best);
            // From below the optimum: the search finds it.
            match case.run(best_cover, best - 1.0) {
                Cover::Finished(Some((v, chosen))) => {
                    assert!((v - best).abs() < 1e-9, "n {n}, k {k}: {v} vs {best}");
                    assert_eq!(chosen.len(), k);
                    let covered = chosen.iter().fold(0 as Bits, |b, &j| {
                        assert_eq!(b & cols[j].members, 0);
                        b | cols[j].members
                    });
                    assert_eq!(covered, (1 << n) - 1);
                }
                other => panic!("n {n}, k {k}: {other:?}"),
            }
            // At the optimum: nothing better, and the search says so.
            assert_eq!(case.run(best_cover, best + 1e-7), Cover::Finished(None));
        }
    }

    #[test]
    fn a_node_budget_stops_the_search_without_a_claim() {
        let cols = instance(12, 3);
        let phase = Phase::Weighted;
        let du = duals(&cols, 12, 4, phase, 0.0, 0.0);
        let out = best_cover(
            &cols,
            12,
            4,
            None,
            phase,
            &du,
            f64::NEG_INFINITY,
            3,
            &Stop::default(),
        );
        assert!(matches!(out, Cover::Stopped(_)), "{out:?}");
    }

    #[test]
    fn reduced_values_follow_the_duals() {
        let col = Column {
            members: 0b1011,
            units: 0b1011,
            pen: 2.0,
            spr: 10.0,
        };
        let d = Duals {
            pis: vec![1.0, 2.0, 100.0, 3.0],
            sig: 0.5,
            m: 0.25,
            d: 0.0,
            rc: 0.0,
        };
        assert!((reduced(&col, Phase::MaxSpread { cap: 9.0 }, &d) - (10.0 - 6.0 - 0.5 - 0.5)).abs() < 1e-12);
    }
}
