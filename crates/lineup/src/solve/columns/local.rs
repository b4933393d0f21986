//! Heuristic pricing by local search on the reduced values: from given
//! start columns, exchange one unit for another (or add or drop one while
//! the size allows) as long as the reduced value rises, keeping every rule
//! of a column (`admit`, `complete`, cannot-links). Every admissible column
//! visited above the threshold is returned, so one round of column
//! generation gets many, diverse columns; the exact enumeration is then
//! needed only when the local search finds nothing.
//!
//! Also the neighbours of a lineup: every admissible exchange of one unit
//! between two of its clusters, the starting pool that keeps the
//! restricted master from being degenerate at the incumbent.

use std::collections::HashSet;

use super::{Bits, ColumnSpace};

/// Most improving steps of one local search.
const MAX_STEPS: usize = 30;
/// Most neighbours above the threshold kept per step.
const SIDE: usize = 8;

impl ColumnSpace {
    /// Whether the units form an admissible column (every rule of a
    /// cluster: sizes, pins, caps, classes, quotas, cannot-links).
    pub fn admissible(&self, units: Bits) -> bool {
        let list = bits_list(units);
        self.tally_of(&list).is_some_and(|(t, _)| self.complete(&t))
    }

    /// Local search from each start (unit bits; inadmissible starts are
    /// skipped): best-improvement exchanges, additions and removals of one
    /// unit under reduced value `Σ q(pairs) + Σ c(units) − sigma`. Returns
    /// the distinct admissible columns visited whose reduced value is above
    /// `threshold`, best first.
    pub fn local_columns(
        &self,
        q: &[f64],
        c: &[f64],
        sigma: f64,
        starts: &[Bits],
        threshold: f64,
    ) -> Vec<(f64, Bits)> {
        let u = self.units.len();
        let mut found: Vec<(f64, Bits)> = Vec::new();
        let mut visited: HashSet<Bits> = HashSet::new();
        // gain[x]: c[x] + Σ over the set of q[x, y].
        let mut gain = vec![0.0; u];
        for &start in starts {
            if !visited.insert(start) || !self.admissible(start) {
                continue;
            }
            let mut set = bits_list(start);
            let mut v = value_of(&set, q, c, sigma, u);
            if v > threshold {
                found.push((v, start));
            }
            for _ in 0..MAX_STEPS {
                for (x, g) in gain.iter_mut().enumerate() {
                    *g = c[x]
                        + set
                            .iter()
                            .filter(|&&y| y != x)
                            .map(|&y| q[x * u + y])
                            .sum::<f64>();
                }
                let Some((nv, next)) = self.best_step(&set, &gain, q, v, threshold, &mut found) else {
                    break;
                };
                set = next;
                v = nv;
                let bits = list_bits(&set);
                if !visited.insert(bits) {
                    break;
                }
            }
        }
        // Once each (the same column may be reached by several moves).
        found.sort_by_key(|a| a.1);
        found.dedup_by(|a, b| a.1 == b.1);
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        found
    }

    /// The best admissible neighbour of `set` better than `v`, with its
    /// value; the best [`SIDE`] admissible neighbours above `threshold`
    /// (the step's among them) go to `found`.
    fn best_step(
        &self,
        set: &[usize],
        gain: &[f64],
        q: &[f64],
        v: f64,
        threshold: f64,
        found: &mut Vec<(f64, Bits)>,
    ) -> Option<(f64, Vec<usize>)> {
        let u = self.units.len();
        let size: usize = set.iter().map(|&x| self.unit_size[x]).sum();
        let inside = list_bits(set);
        // Candidate moves by value, best first: (value, out, in).
        let mut moves: Vec<(f64, Option<usize>, Option<usize>)> = Vec::new();
        for x in (0..u).filter(|&x| inside >> x & 1 == 0) {
            if size + self.unit_size[x] <= self.max {
                moves.push((v + gain[x], None, Some(x)));
            }
            for &o in set {
                let s = size - self.unit_size[o] + self.unit_size[x];
                if (self.min..=self.max).contains(&s) {
                    moves.push((v - gain[o] + gain[x] - q[x * u + o], Some(o), Some(x)));
                }
            }
        }
        for &o in set {
            if size - self.unit_size[o] >= self.min {
                moves.push((v - gain[o], Some(o), None));
            }
        }
        let floor = threshold.min(v + 1e-9);
        moves.retain(|m| m.0 > floor);
        moves.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut step = None;
        let mut side = 0;
        for (nv, out, add) in moves {
            if side >= SIDE && (step.is_some() || nv <= v + 1e-9) {
                break;
            }
            let mut next: Vec<usize> = set.iter().copied().filter(|&y| Some(y) != out).collect();
            next.extend(add);
            next.sort_unstable();
            let bits = list_bits(&next);
            if !self.admissible(bits) {
                continue;
            }
            if nv > threshold && side < SIDE {
                found.push((nv, bits));
                side += 1;
            }
            if step.is_none() && nv > v + 1e-9 {
                step = Some((nv, next));
            }
        }
        step
    }

    /// Every admissible column of a one-unit exchange (or move) between
    /// two clusters of a lineup (clusters as unit bits), both resulting
    /// clusters, distinct and not among `clusters`.
    pub fn neighbours(&self, clusters: &[Bits]) -> Vec<Bits> {
        let mut seen: HashSet<Bits> = clusters.iter().copied().collect();
        let mut out = Vec::new();
        let mut keep = |bits: Bits, out: &mut Vec<Bits>| {
            if seen.insert(bits) && self.admissible(bits) {
                out.push(bits);
            }
        };
        for (a, &ca) in clusters.iter().enumerate() {
            for &cb in &clusters[a + 1..] {
                for x in bits_list(ca) {
                    let bx = (1 as Bits) << x;
                    // A move of x from a to b.
                    keep(ca & !bx, &mut out);
                    keep(cb | bx, &mut out);
                    for y in bits_list(cb) {
                        let by = (1 as Bits) << y;
                        keep(ca & !bx | by, &mut out);
                        keep(cb & !by | bx, &mut out);
                    }
                }
                for y in bits_list(cb) {
                    let by = (1 as Bits) << y;
                    keep(cb & !by, &mut out);
                    keep(ca | by, &mut out);
                }
            }
        }
        out
    }
}

/// The positions of the set bits.
pub(super) fn bits_list(bits: Bits) -> Vec<usize> {
    let mut list = Vec::with_capacity(bits.count_ones() as usize);
    let mut b = bits;
    while b != 0 {
        list.push(b.trailing_zeros() as usize);
        b &= b - 1;
    }
    list
}

fn list_bits(list: &[usize]) -> Bits {
    list.iter().fold(0 as Bits, |b, &x| b | (1 as Bits) << x)
}

fn value_of(set: &[usize], q: &[f64], c: &[f64], sigma: f64, u: usize) -> f64 {
    let mut v = -sigma;
    for (a, &x) in set.iter().enumerate() {
        v += c[x];
        for &y in &set[a + 1..] {
            v += q[x * u + y];
        }
    }
    v
}
