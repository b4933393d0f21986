//! Exact solution of small instances without rules: a dynamic programme
//! over subsets that fills the groups one after the other (group `g` takes
//! a subset of the elements the groups before it left over, within its size
//! bounds). It visits every partition into labelled groups, so its answer is
//! a proven optimum. The work is about `groups · 3^elements` steps, so it is
//! used only where that is small (n ≤ 12 takes milliseconds).

use super::instance::{Instance, PairWeights};
use super::value::Value;

/// Largest number of elements the enumeration takes.
pub const MAX_ELEMENTS: usize = 20;

/// Steps above which [`solve`] declines (about a tenth of a second).
pub const MAX_STEPS: f64 = 4.0e7;

/// Estimated steps of the enumeration: `groups · 3^elements`.
pub fn steps(n: usize, m: usize) -> f64 {
    m as f64 * 3f64.powi(n as i32)
}

/// Whether [`solve`] will take the instance: no rules, no home groups, and
/// few enough elements.
pub fn applies<W: PairWeights>(inst: &Instance<W>) -> bool {
    let r = &inst.rules;
    let n = inst.len();
    (1..=MAX_ELEMENTS).contains(&n)
        && steps(n, inst.groups()) <= MAX_STEPS
        && inst.affinity.is_none()
        && r.must_link.is_empty()
        && r.cannot_link.is_empty()
        && r.pinned.is_empty()
        && r.cap.is_none()
        && r.span.is_none()
        && r.limits.is_empty()
}

/// An optimal element → group assignment and its value; `None` if the
/// instance is out of reach ([`applies`] is false) or no sizes fit.
pub fn solve<W: PairWeights>(inst: &Instance<W>) -> Option<(Vec<usize>, W::V)> {
    if !applies(inst) {
        return None;
    }
    let n = inst.len();
    let m = inst.groups();
    let full: usize = (1 << n) - 1;
    // Value of every subset: the lowest element's weights to the rest, plus
    // the value of the rest.
    let mut val = vec![W::V::default(); 1 << n];
    for t in 1..=full {
        let i = t.trailing_zeros() as usize;
        let rest = t & (t - 1);
        let mut v = val[rest];
        let mut r = rest;
        while r != 0 {
            let j = r.trailing_zeros() as usize;
            v += inst.weights.weight(i, j);
            r &= r - 1;
        }
        val[t] = v;
    }
    // best[s]: best value with the groups so far holding exactly the set s;
    // choice[g][s]: the subset group g took on the way to s.
    let mut best: Vec<Option<W::V>> = vec![None; 1 << n];
    best[0] = Some(W::V::default());
    let mut choice: Vec<Vec<u32>> = Vec::with_capacity(m);
    let (mut lo_sum, mut hi_sum) = (0usize, 0usize);
    let (rest_lo, rest_hi): (Vec<usize>, Vec<usize>) = (0..=m)
        .map(|g| {
            (
                inst.bounds[g..].iter().map(|b| b.0).sum::<usize>(),
                inst.bounds[g..].iter().map(|b| b.1).sum::<usize>(),
            )
        })
        .unzip();
    for g in 0..m {
        let (a, b) = inst.bounds[g];
        let mut next: Vec<Option<W::V>> = vec![None; 1 << n];
        let mut took = vec![0u32; 1 << n];
        for s in 0..=full {
            let Some(bs) = best[s] else { continue };
            let placed = s.count_ones() as usize;
            if placed < lo_sum || placed > hi_sum {
                continue;
            }
            // Every submask t of the elements left, of a size within the bounds
            // that still lets the later groups fit.
            let left = full & !s;
            let mut t = left;
            loop {
                let c = t.count_ones() as usize;
                let after = placed + c;
                if c >= a && c <= b && after + rest_lo[g + 1] <= n && after + rest_hi[g + 1] >= n {
                    let v = bs + val[t];
                    let u = s | t;
                    if next[u].is_none_or(|x| v.total_cmp(&x).is_gt()) {
                        next[u] = Some(v);
                        took[u] = t as u32;
                    }
                }
                if t == 0 {
                    break;
                }
                t = (t - 1) & left;
            }
        }
        lo_sum += a;
        hi_sum += b;
        best = next;
        choice.push(took);
    }
    let value = best[full]?;
    let mut groups = vec![0usize; n];
    let mut s = full;
    for g in (0..m).rev() {
        let t = choice[g][s] as usize;
        let mut r = t;
        while r != 0 {
            groups[r.trailing_zeros() as usize] = g;
            r &= r - 1;
        }
        s &= !t;
    }
    Some((groups, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instance::DenseWeights;
    use crate::engine::rng::Rng;

    /// Every assignment, by brute force.
    fn brute(inst: &Instance<DenseWeights<f64>>) -> Option<f64> {
        let (n, m) = (inst.len(), inst.groups());
        let mut best: Option<f64> = None;
        let mut g = vec![0usize; n];
        loop {
            if inst.check(&g).is_ok() {
                let v = inst.evaluate(&g);
                best = Some(best.map_or(v, |b| b.max(v)));
            }
            let mut i = 0;
            while i < n {
                g[i] += 1;
                if g[i] < m {
                    break;
                }
                g[i] = 0;
                i += 1;
            }
            if i == n {
                return best;
            }
        }
    }

    #[test]
    fn enumeration_matches_brute_force() {
        for case in 0..60u64 {
            let mut rng = Rng::new(case, 3);
            let n = 2 + rng.below(8);
            let m = 1 + rng.below(3.min(n));
            let w = DenseWeights::from_fn(n, |i, j| ((i * 13 + j * 7 + case as usize * 3) % 11) as f64 - 3.0);
            let bounds: Vec<(usize, usize)> = (0..m)
                .map(|_| {
                    let a = rng.below(3);
                    (a, a + rng.below(4))
                })
                .collect();
            let inst = Instance::new(w, bounds);
            let got = solve(&inst);
            let want = brute(&inst);
            match (got, want) {
                (Some((g, v)), Some(b)) => {
                    assert!((v - b).abs() < 1e-9, "case {case}: {v} vs {b}");
                    assert_eq!(inst.check(&g), Ok(()), "case {case}");
                    assert!((inst.evaluate(&g) - v).abs() < 1e-9, "case {case}");
                }
                (None, None) => {}
                (g, b) => panic!("case {case}: {g:?} vs {b:?}"),
            }
        }
    }

    #[test]
    fn large_or_ruled_instances_are_declined() {
        let w = DenseWeights::from_fn(30, |i, j| (i + j) as f64);
        assert!(!applies(&Instance::new(w, vec![(10, 10); 3])));
        let w = DenseWeights::from_fn(6, |i, j| (i + j) as f64);
        let mut inst = Instance::new(w, vec![(3, 3); 2]);
        assert!(applies(&inst));
        inst.rules.must_link = vec![(0, 1)];
        assert!(!applies(&inst));
    }
}
