//! The Land-composition bound on non-bordering pairs.
//!
//! Whether a pair is non-bordering depends on the two members' Länder only,
//! so a cluster's count is a function of its *composition* `t` (how many
//! members of each Land). A lineup is `k` compositions whose Land counts add
//! up to the block's (`n_L` members of Land `L`). For any multipliers `π_L`,
//! `σ`, `τ`, writing every cluster's count as
//! `nb(t) = Σ_L π_L·t_L + σ + τ·|t| + red(t)`:
//!
//! ```text
//! Σ_C nb(C) = Σ_L π_L·n_L + k·σ + n·τ + Σ_C red(C) ≤ Σ_L π_L·n_L + k·σ + n·τ + k·max(0, max_t red(t))
//! ```
//!
//! The maximum runs over every composition of an allowed size with
//! `t_L ≤ n_L`, found by enumeration ([`Pricing`]): the bound holds for any
//! multipliers, however they were found. Column generation on the dual of
//! the composition LP (`max Σ nb(t)·x_t` over fractional lineups of
//! compositions) finds good ones; at its optimum the bound is that LP's
//! value. Unlike "all pairs but the fewest same-Land ones" it sees that the
//! Länder of a cluster cannot all be apart: on the register's Landgemeinden
//! (most of them in four Länder) it allows 18 734 non-bordering pairs
//! instead of 22 086.

use std::collections::HashSet;

use crate::ilp::{self, Backend, Milp, MilpOutcome};

/// The most compositions one pricing round may enumerate (clusters of up
/// to 7 from all 16 Länder are 245 157).
pub(crate) const MAX_COMPOSITIONS: f64 = 400_000.0;

/// Column-generation rounds at most (a fixed count, not a time, so that the
/// bound is the same on every run).
const ROUNDS: usize = 150;

/// Columns added per round at most.
const PER_ROUND: usize = 12;

/// A cluster composition: members per Land, their count and its
/// non-bordering pairs.
#[derive(Clone, Debug, PartialEq)]
struct Composition {
    counts: [u16; 16],
    size: usize,
    pairs: f64,
}

/// Upper bound on the non-bordering pairs in clusters of any lineup of
/// members from `lands` into `k` clusters of `min..=max` members; `None`
/// when the compositions are too many to enumerate or no lineup exists.
pub(crate) fn non_bordering_bound(
    lands: &[u8],
    non_bordering: &[[bool; 16]; 16],
    min: usize,
    max: usize,
    k: usize,
) -> Option<f64> {
    let n = lands.len();
    if min > max || n < k * min || n > k * max {
        return None;
    }
    if k == 0 {
        return Some(0.0);
    }
    let mut per = [0usize; 16];
    for &l in lands {
        per[l as usize] += 1;
    }
    let key = Key::new(&per, non_bordering, min, max, k);
    if let Some(known) = memo::get(&key) {
        return known;
    }
    let bound = composition_bound(per, non_bordering, min, max, k);
    memo::put(key, bound);
    bound
}

/// What the bound depends on: the members per Land, which Länder are
/// apart, the cluster sizes and their number. A hand edit on the workbench
/// moves members between clusters but keeps all of these, so the bound of
/// the edited lineup is the one already computed ([`memo`]).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    per: [u32; 16],
    apart: [u16; 16],
    min: u32,
    max: u32,
    k: u32,
}

impl Key {
    fn new(per: &[usize; 16], non_bordering: &[[bool; 16]; 16], min: usize, max: usize, k: usize) -> Key {
        let mut apart = [0u16; 16];
        for (row, bits) in non_bordering.iter().zip(&mut apart) {
            for (l, &far) in row.iter().enumerate() {
                if far {
                    *bits |= 1 << l;
                }
            }
        }
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Key {
            per: per.map(narrow),
            apart,
            min: narrow(min),
            max: narrow(max),
            k: narrow(k),
        }
    }
}

/// The bounds computed last in this process, so that scoring many edits of
/// one lineup (the workbench's hand moves) runs the column generation once.
/// The bound is a pure function of its [`Key`], so a remembered value is
/// the value that would be computed: results stay the same bytes.
mod memo {
    use std::sync::Mutex;

    use super::Key;

    /// Bounds remembered at most (each a few dozen bytes).
    const KEEP: usize = 64;

    static KNOWN: Mutex<Vec<(Key, Option<f64>)>> = Mutex::new(Vec::new());

    pub(super) fn get(key: &Key) -> Option<Option<f64>> {
        let known = KNOWN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        known.iter().find(|(k, _)| k == key).map(|&(_, v)| v)
    }

    pub(super) fn put(key: Key, value: Option<f64>) {
        let mut known = KNOWN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if known.iter().any(|(k, _)| *k == key) {
            return;
        }
        if known.len() >= KEEP {
            known.remove(0);
        }
        known.push((key, value));
    }
}

/// [`non_bordering_bound`] computed (not remembered).
fn composition_bound(
    per: [usize; 16],
    non_bordering: &[[bool; 16]; 16],
    min: usize,
    max: usize,
    k: usize,
) -> Option<f64> {
    let n: usize = per.iter().sum();
    let pricing = Pricing::new(per, non_bordering, min, max)?;
    let present: Vec<usize> = (0..16).filter(|&l| per[l] > 0).collect();
    let big = (max * max) as f64 * 4.0;
    let mut pool: Vec<Composition> = Vec::new();
    let mut seen: HashSet<[u16; 16]> = HashSet::new();
    let mut duals = Duals {
        pi: [0.0; 16],
        sigma: 0.0,
        tau: 0.0,
    };
    let mut best = f64::INFINITY;
    for _ in 0..ROUNDS {
        let found = pricing.best(&duals, PER_ROUND);
        let top = found.first().map_or(f64::NEG_INFINITY, |(v, _)| *v);
        let value = duals.objective(&per, k, n) + k as f64 * top.max(0.0);
        best = best.min(value);
        let mut added = false;
        for (v, c) in found {
            if v > 1e-9 && seen.insert(c.counts) {
                pool.push(c);
                added = true;
            }
        }
        if !added {
            break;
        }
        match dual_lp(&pool, &present, &per, k, n, big) {
            Some(d) => duals = d,
            None => break,
        }
    }
    // Rounding in the multipliers: a relative safety margin.
    best.is_finite().then_some(best * (1.0 + 1e-9) + 1e-9)
}

/// The multipliers: `π` per Land, `σ` per cluster, `τ` per member.
struct Duals {
    pi: [f64; 16],
    sigma: f64,
    tau: f64,
}

impl Duals {
    fn objective(&self, per: &[usize; 16], k: usize, n: usize) -> f64 {
        (0..16).map(|l| self.pi[l] * per[l] as f64).sum::<f64>() + k as f64 * self.sigma + n as f64 * self.tau
    }
}

/// The dual of the restricted composition LP:
/// `min Σ π_L·n_L + k·σ + n·τ  s.t.  Σ π_L·t_L + σ + τ·|t| ≥ nb(t)` for the pool.
fn dual_lp(
    pool: &[Composition],
    present: &[usize],
    per: &[usize; 16],
    k: usize,
    n: usize,
    big: f64,
) -> Option<Duals> {
    let mut lp = Milp::new(false);
    let mut pi_var = [usize::MAX; 16];
    for &l in present {
        pi_var[l] = lp.add_var(-big, big, false);
        lp.set_objective(pi_var[l], per[l] as f64);
    }
    let spread = big * 2.0 * (n.min(64) + 1) as f64;
    let sigma = lp.add_var(-spread, spread, false);
    let tau = lp.add_var(-spread, spread, false);
    lp.set_objective(sigma, k as f64);
    lp.set_objective(tau, n as f64);
    for c in pool {
        let mut row: Vec<(usize, f64)> = present
            .iter()
            .filter(|&&l| c.counts[l] > 0)
            .map(|&l| (pi_var[l], f64::from(c.counts[l])))
            .collect();
        row.push((sigma, 1.0));
        row.push((tau, c.size as f64));
        lp.add_row(row, c.pairs, f64::INFINITY);
    }
    match ilp::solve(&lp, Backend::default(), None) {
        MilpOutcome::Optimal { values, .. } => {
            let mut pi = [0.0; 16];
            for &l in present {
                pi[l] = values[pi_var[l]];
            }
            Some(Duals {
                pi,
                sigma: values[sigma],
                tau: values[tau],
            })
        }
        _ => None,
    }
}

/// Exact pricing: the compositions with the largest reduced value
/// `nb(t) − Σ π_L·t_L − σ − τ·|t|`, by enumerating every composition of
/// the block's Länder (depth-first, one Land after another).
struct Pricing {
    lands: Vec<usize>,
    limit: Vec<usize>,
    apart: Vec<Vec<bool>>,
    min: usize,
    max: usize,
}

impl Pricing {
    /// `None` when the compositions exceed [`MAX_COMPOSITIONS`].
    fn new(per: [usize; 16], non_bordering: &[[bool; 16]; 16], min: usize, max: usize) -> Option<Pricing> {
        let lands: Vec<usize> = (0..16).filter(|&l| per[l] > 0).collect();
        // Multisets of at most `max` members from these Länder: C(m + max, max).
        let m = lands.len();
        let count = (1..=max).fold(1.0, |acc, i| acc * (m + i) as f64 / i as f64);
        if count > MAX_COMPOSITIONS {
            return None;
        }
        Some(Pricing {
            limit: lands.iter().map(|&l| per[l].min(max)).collect(),
            apart: lands
                .iter()
                .map(|&a| lands.iter().map(|&b| non_bordering[a][b]).collect())
                .collect(),
            lands,
            min,
            max,
        })
    }

    /// Up to `keep` compositions of largest positive reduced value, best
    /// first (ties by enumeration order).
    fn best(&self, duals: &Duals, keep: usize) -> Vec<(f64, Composition)> {
        // The smallest multiplier of the Länder from each one on.
        let mut cheapest = vec![f64::INFINITY; self.lands.len() + 1];
        for i in (0..self.lands.len()).rev() {
            cheapest[i] = cheapest[i + 1].min(duals.pi[self.lands[i]]);
        }
        let mut state = Search {
            cheapest,
            counts: vec![0; self.lands.len()],
            found: Vec::new(),
            keep,
        };
        self.visit(0, 0, 0.0, duals, &mut state);
        state
            .found
            .into_iter()
            .map(|(v, counts)| {
                let mut full = [0u16; 16];
                for (i, &l) in self.lands.iter().enumerate() {
                    full[l] = counts[i];
                }
                (v, self.composition(full))
            })
            .collect()
    }

    fn composition(&self, counts: [u16; 16]) -> Composition {
        let mut pairs = 0.0;
        for (i, &a) in self.lands.iter().enumerate() {
            for (j, &b) in self.lands.iter().enumerate().skip(i + 1) {
                if self.apart[i][j] {
                    pairs += f64::from(counts[a]) * f64::from(counts[b]);
                }
            }
        }
        Composition {
            size: counts.iter().map(|&c| c as usize).sum(),
            counts,
            pairs,
        }
    }

    fn visit(&self, at: usize, size: usize, value: f64, duals: &Duals, state: &mut Search) {
        if at == self.lands.len() {
            if size >= self.min && size > 0 {
                state.offer(value - duals.sigma);
            }
            return;
        }
        // Prune: the t-th member added has at most t partners already in
        // the cluster, and pays at least the smallest multiplier left. A
        // subtree that cannot beat the kept columns (or 0: only positive
        // reduced values matter to the bound) holds nothing needed.
        let (mut added, mut most_added) = (0.0, 0.0f64);
        for t in size..self.max {
            added += t as f64 - state.cheapest[at] - duals.tau;
            most_added = most_added.max(added);
        }
        if value + most_added - duals.sigma <= state.threshold() {
            return;
        }
        // Each member of this Land adds its non-bordering partners among the
        // Länder before it, less its multipliers.
        let partners: u16 = (0..at)
            .filter(|&j| self.apart[at][j])
            .map(|j| state.counts[j])
            .sum();
        let gain = f64::from(partners) - duals.pi[self.lands[at]] - duals.tau;
        let most = self.limit[at].min(self.max - size);
        for c in 0..=most {
            state.counts[at] = c as u16;
            self.visit(at + 1, size + c, value + c as f64 * gain, duals, state);
        }
        state.counts[at] = 0;
    }
}

/// The enumeration's state: the composition being built and the best found.
struct Search {
    cheapest: Vec<f64>,
    counts: Vec<u16>,
    found: Vec<(f64, Vec<u16>)>,
    keep: usize,
}

impl Search {
    /// The reduced value a composition must exceed to be kept.
    fn threshold(&self) -> f64 {
        match self.found.last() {
            Some(&(v, _)) if self.found.len() == self.keep => v.max(0.0),
            _ => 0.0,
        }
    }

    fn offer(&mut self, value: f64) {
        if value <= self.threshold() {
            return;
        }
        let at = self.found.partition_point(|(v, _)| *v >= value);
        self.found.insert(at, (value, self.counts.clone()));
        self.found.truncate(self.keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every composition of up to `max` members from `per`, one by one.
    fn all(per: &[usize; 16], max: usize, at: usize, counts: &mut [u16; 16], out: &mut Vec<[u16; 16]>) {
        if at == 16 {
            out.push(*counts);
            return;
        }
        let used: usize = counts.iter().map(|&c| c as usize).sum();
        for c in 0..=per[at].min(max - used) {
            counts[at] = c as u16;
            all(per, max, at + 1, counts, out);
        }
        counts[at] = 0;
    }

    #[test]
    fn pruned_pricing_finds_the_best_reduced_values_of_every_composition() {
        let mut apart = [[false; 16]; 16];
        for a in 0..16 {
            for b in 0..16 {
                apart[a][b] = a != b && (a * 7 + b * 7 + a * b) % 3 != 0;
            }
        }
        let per = [3, 0, 2, 5, 1, 0, 4, 2, 0, 1, 3, 0, 2, 1, 0, 6];
        let pricing = Pricing::new(per, &apart, 3, 5).unwrap();
        let mut every = Vec::new();
        all(&per, 5, 0, &mut [0; 16], &mut every);
        let mut positive = 0;
        for round in 0..20u32 {
            let f = f64::from(round);
            let duals = Duals {
                pi: std::array::from_fn(|l| ((l as f64 * 1.7 + f) % 5.0) - 1.5),
                sigma: f * 0.3 - 2.0,
                tau: 0.5 - f * 0.05,
            };
            let mut values: Vec<f64> = every
                .iter()
                .map(|c| pricing.composition(*c))
                .filter(|c| (3..=5).contains(&c.size))
                .map(|c| {
                    c.pairs
                        - (0..16).map(|l| duals.pi[l] * f64::from(c.counts[l])).sum::<f64>()
                        - duals.sigma
                        - duals.tau * c.size as f64
                })
                .filter(|&v| v > 0.0)
                .collect();
            values.sort_by(|a, b| b.total_cmp(a));
            positive += usize::from(!values.is_empty());
            let found: Vec<f64> = pricing.best(&duals, 4).into_iter().map(|(v, _)| v).collect();
            assert_eq!(found.len(), values.len().min(4), "round {round}");
            for (a, b) in found.iter().zip(&values) {
                assert!((a - b).abs() < 1e-9, "round {round}: {a} vs {b}");
            }
        }
        assert!(positive >= 10, "only {positive} rounds had a positive column");
    }
}
