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

use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

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

/// The closing step's set partitioning: `k` of the candidates `cols`
/// covering each of the `n` members once, total penalty at most `cap`,
/// valued by `phase` and bounded by the reduced values at `duals`
/// (`duals.d` is `D`).
#[derive(Clone, Copy)]
pub(super) struct Partitioning<'a> {
    pub cols: &'a [Column],
    pub n: usize,
    pub k: usize,
    pub cap: Option<f64>,
    pub phase: Phase,
    pub duals: &'a Duals,
}

/// Fewest candidates for which the root's branches are searched in
/// parallel.
const PARALLEL_FROM: usize = 500;

/// A search's best lineup, the nodes it took and whether it stopped.
type Part = (Option<(f64, Vec<usize>)>, u64, bool);

impl Partitioning<'_> {
    /// The best lineup worth more than `floor`, in at most `budget` search
    /// nodes.
    pub fn best(&self, floor: f64, budget: u64, stop: &Stop) -> Cover {
        self.best_counted(floor, budget, stop).0
    }

    /// [`best`](Partitioning::best) with the search nodes it used.
    pub fn best_counted(&self, floor: f64, budget: u64, stop: &Stop) -> (Cover, u64) {
        self.best_in(floor, budget, stop, self.cols.len() >= PARALLEL_FROM)
    }

    /// [`best_counted`](Partitioning::best_counted), the root's branches in
    /// parallel or not: each branch starts from `floor`, and the merge in
    /// the branches' order takes a later lineup only when it is better by
    /// more than the search's own margin, so both give the same value.
    pub(super) fn best_in(&self, floor: f64, budget: u64, stop: &Stop, parallel: bool) -> (Cover, u64) {
        if self.cols.is_empty() || self.k == 0 {
            return (Cover::Finished(None), 0);
        }
        let data = Data::new(self, stop);
        let mut root = Search::new(&data, floor, budget);
        let (best, nodes, halted) = if parallel {
            let mut children = Vec::new();
            root.expand(0, 0.0, 0.0, 0.0, Some(&mut children));
            let left = budget.saturating_sub(root.nodes);
            let parts: Vec<Part> = children
                .par_iter()
                .map(|&j| {
                    // A branch checks the clock every 4 096 nodes: after the
                    // deadline the branches not yet started must not each run
                    // that far first.
                    if stop.now() {
                        return (None, 0, true);
                    }
                    let mut s = Search::new(&data, floor, left);
                    s.descend(j, 0, 0.0, 0.0, 0.0);
                    (s.best, s.nodes, s.halted)
                })
                .collect();
            let mut best: Option<(f64, Vec<usize>)> = None;
            let (mut nodes, mut halted) = (root.nodes, root.halted);
            for (found, used, stopped) in parts {
                nodes += used;
                halted |= stopped;
                if let Some((v, chosen)) = found {
                    if best.as_ref().is_none_or(|(b, _)| v > b + tol(*b) * 1e-3) {
                        best = Some((v, chosen));
                    }
                }
            }
            (best, nodes, halted || nodes > budget)
        } else {
            root.dfs(0, 0.0, 0.0, 0.0);
            (root.best, root.nodes, root.halted)
        };
        let nodes = nodes.min(budget);
        if halted {
            (Cover::Stopped(best), nodes)
        } else {
            (Cover::Finished(best), nodes)
        }
    }
}

/// The search's fixed data.
struct Data<'a> {
    cols: &'a [Column],
    rc: Vec<f64>,
    value: Vec<f64>,
    /// Candidates per member, best reduced value first.
    by_member: Vec<Vec<u32>>,
    /// Their members and reduced values, in the same order (scanned
    /// without a jump to the column).
    member_bits: Vec<Vec<Bits>>,
    member_rc: Vec<Vec<f64>>,
    /// Members in the order they are branched on (fewest candidates first).
    order: Vec<usize>,
    k: usize,
    n: usize,
    cap: Option<f64>,
    d: f64,
    rbar: f64,
    min_size: u32,
    max_size: u32,
    stop: &'a Stop,
    /// The best value any branch found so far (f64 bits): every branch
    /// prunes below it, but records its own lineups against its own
    /// floor, so the merge does not depend on which branch ran first.
    found: AtomicU64,
}

impl<'a> Data<'a> {
    /// The best value found by any branch so far.
    fn found(&self) -> f64 {
        f64::from_bits(self.found.load(Ordering::Relaxed))
    }

    /// Publishes a value a branch found.
    fn publish(&self, v: f64) {
        let mut now = self.found.load(Ordering::Relaxed);
        while f64::from_bits(now) < v {
            match self
                .found
                .compare_exchange_weak(now, v.to_bits(), Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return,
                Err(seen) => now = seen,
            }
        }
    }

    fn new(p: &Partitioning<'a>, stop: &'a Stop) -> Data<'a> {
        let cols = p.cols;
        let rc: Vec<f64> = cols.iter().map(|c| reduced(c, p.phase, p.duals)).collect();
        let value: Vec<f64> = cols.iter().map(|c| p.phase.col(c)).collect();
        let mut by_member: Vec<Vec<u32>> = vec![Vec::new(); p.n];
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
        let member_bits = by_member
            .iter()
            .map(|list| list.iter().map(|&j| cols[j as usize].members).collect())
            .collect();
        let member_rc = by_member
            .iter()
            .map(|list| list.iter().map(|&j| rc[j as usize]).collect())
            .collect();
        let mut order: Vec<usize> = (0..p.n).collect();
        order.sort_by_key(|&i| (by_member[i].len(), i));
        let sizes = cols.iter().map(|c| c.members.count_ones());
        Data {
            cols,
            rbar: rc.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            rc,
            value,
            by_member,
            member_bits,
            member_rc,
            order,
            k: p.k,
            n: p.n,
            cap: p.cap,
            d: p.duals.d,
            min_size: sizes.clone().min().unwrap_or(1),
            max_size: sizes.max().unwrap_or(0),
            stop,
            found: AtomicU64::new(f64::NEG_INFINITY.to_bits()),
        }
    }

    fn all(&self) -> Bits {
        if self.n >= Bits::BITS as usize {
            !0
        } else {
            ((1 as Bits) << self.n) - 1
        }
    }
}

/// One search: its floor, best lineup so far and nodes.
struct Search<'s, 'a> {
    data: &'s Data<'a>,
    /// Only lineups worth more than this count.
    floor: f64,
    best: Option<(f64, Vec<usize>)>,
    chosen: Vec<usize>,
    /// Per depth and member, the position of the member's first candidate
    /// disjoint from the clusters chosen down to that depth: deeper, with
    /// more members covered, no earlier one is disjoint again.
    first: Vec<u32>,
    nodes: u64,
    budget: u64,
    halted: bool,
}

impl<'s, 'a> Search<'s, 'a> {
    fn new(data: &'s Data<'a>, floor: f64, budget: u64) -> Search<'s, 'a> {
        Search {
            data,
            floor,
            best: None,
            chosen: Vec::with_capacity(data.k),
            first: vec![0; (data.k + 1) * data.n],
            nodes: 0,
            budget,
            halted: false,
        }
    }

    fn dfs(&mut self, covered: Bits, rc_sum: f64, value: f64, pen: f64) {
        self.expand(covered, rc_sum, value, pen, None);
    }

    /// Takes candidate `j` beside the chosen ones and searches on.
    fn descend(&mut self, j: usize, covered: Bits, rc_sum: f64, value: f64, pen: f64) {
        let data = self.data;
        let col = &data.cols[j];
        self.chosen.push(j);
        self.dfs(
            covered | col.members,
            rc_sum + data.rc[j],
            value + data.value[j],
            pen + col.pen,
        );
        self.chosen.pop();
    }

    /// One search node; with `children`, the candidates it would descend
    /// to are collected instead.
    fn expand(
        &mut self,
        covered: Bits,
        rc_sum: f64,
        value: f64,
        pen: f64,
        mut children: Option<&mut Vec<usize>>,
    ) {
        if self.halted {
            return;
        }
        self.nodes += 1;
        let data = self.data;
        if self.nodes > self.budget || (self.nodes % 4096 == 0 && data.stop.now()) {
            self.halted = true;
            return;
        }
        let c = self.chosen.len();
        if covered == data.all() {
            if c == data.k && value > self.floor {
                self.floor = value + tol(value) * 1e-3;
                self.best = Some((value, self.chosen.clone()));
                data.publish(value);
            }
            return;
        }
        let slots = (data.k - c) as u32;
        let left = data.n as u32 - covered.count_ones();
        if slots == 0 || left < slots * data.min_size || left > slots * data.max_size {
            return;
        }
        // Every uncovered member's best candidate disjoint from the chosen
        // ones bounds each cluster through it: a cluster's reduced value is
        // at most the mean of its members' bests, so the clusters still to
        // choose add at most Σ share(best) over the uncovered members.
        let mut share = [0.0f64; Bits::BITS as usize];
        let mut rest = 0.0;
        let mut branch: Option<(usize, f64)> = None;
        let n = data.n;
        for &i in &data.order {
            if covered >> i & 1 == 1 {
                continue;
            }
            let bits = &data.member_bits[i];
            let mut at = if c == 0 {
                0
            } else {
                self.first[(c - 1) * n + i] as usize
            };
            while at < bits.len() && bits[at] & covered != 0 {
                at += 1;
            }
            let Some(&b) = data.member_rc[i].get(at) else {
                return; // a member no candidate can take any more
            };
            self.first[c * n + i] = at as u32;
            share[i] = if b <= 0.0 {
                b / data.max_size as f64
            } else {
                b / data.min_size as f64
            };
            rest += share[i];
            // Branch on the member whose best candidate is worst.
            if branch.is_none_or(|(_, w)| b < w) {
                branch = Some((i, b));
            }
        }
        // Pruned below the own floor or another branch's best value.
        let bar = self.floor.max(data.found());
        let slack = 1e-9 * (1.0 + bar.abs());
        if data.d + rc_sum + rest < bar - slack {
            return;
        }
        let Some((i, _)) = branch else {
            return;
        };
        // What the other clusters can add at most, for any candidate of `i`.
        let others = (slots - 1) as f64 * data.rbar;
        let from = self.first[c * n + i] as usize;
        let (list, bits, rcs) = (&data.by_member[i], &data.member_bits[i], &data.member_rc[i]);
        for at in from..list.len() {
            // Sorted by reduced value: no later candidate of `i` does better.
            if data.d + rc_sum + rcs[at] + others < bar - slack {
                break;
            }
            if bits[at] & covered != 0 {
                continue;
            }
            let j = list[at] as usize;
            let col = &data.cols[j];
            let mut after = rest;
            let mut m = col.members;
            while m != 0 {
                after -= share[m.trailing_zeros() as usize];
                m &= m - 1;
            }
            if data.d + rc_sum + rcs[at] + after < bar - slack {
                continue;
            }
            if data.cap.is_some_and(|cp| pen + col.pen > cp + tol(cp)) {
                continue;
            }
            match children.as_deref_mut() {
                Some(kids) => kids.push(j),
                None => self.descend(j, covered, rc_sum, value, pen),
            }
            if self.halted {
                return;
            }
        }
    }
}
