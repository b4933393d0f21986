//! Bounds in closed form.
//!
//! * Level 1: a Land with `n_L` members spread over `K` clusters has at
//!   least the same-Land pairs of the most even split; summed over Länder
//!   this is a lower bound on same-Land pairs that ignores sizes, pins and
//!   links. With adjacent comparability every mixed cluster has at least
//!   `min − 1` mixed pairs.
//! * Level 2: every member can at best be with its `b − 1` most rewarding
//!   eligible partners; half the sum over members bounds the spread.

use rayon::prelude::*;

use super::block::BlockModel;
use crate::engine::most_pairs;
use crate::objective::ObjectiveMode;

/// Same-Land pairs of `n` members split as evenly as possible into `k` clusters.
pub(crate) fn balanced_pairs(n: usize, k: usize) -> usize {
    if k == 0 {
        return 0;
    }
    let (q, r) = (n / k, n % k);
    r * (q + 1) * q / 2 + (k - r) * q * q.saturating_sub(1) / 2
}

/// Lower bound on same-Land pairs of the block.
pub(crate) fn same_land_lower_bound(model: &BlockModel) -> usize {
    let mut per = [0usize; 16];
    for &l in &model.weights.land {
        per[l as usize] += 1;
    }
    per.iter().map(|&n| balanced_pairs(n, model.clusters)).sum()
}

/// Lower bound on the weighted penalty, given the fewest mixed clusters any
/// lineup needs.
pub(crate) fn penalty_lower_bound(model: &BlockModel, min_mixed_clusters: usize) -> f64 {
    let w = &model.weights.weights;
    w.same_land * same_land_lower_bound(model) as f64
        + w.mixed_class * (min_mixed_clusters * model.size.min.saturating_sub(1)) as f64
}

/// Upper bound on the maximised level-2 value (spread in lexicographic mode,
/// spread − penalty in weighted mode).
///
/// Per member: the best sum of partners it can have in a cluster of any
/// allowed size (its heaviest eligible partners); half the sum over members.
/// When every partner value is non-negative, the members together have at
/// most `2·P` partner slots (`P`: the most pairs the cluster sizes allow),
/// so half the `2·P` heaviest of those partner values bounds it too.
pub(crate) fn second_level_upper_bound(model: &BlockModel) -> f64 {
    let n = model.len();
    let w = &model.weights;
    let weighted = w.weights.mode == ObjectiveMode::Weighted;
    let (a, b) = (model.size.min.max(1), model.size.max.max(1));
    // Per member in parallel (a fixed-order sum keeps the result exact and
    // reproducible); only the b − 1 largest partner values are needed.
    let per_member: Vec<(f64, Vec<f64>)> = (0..n)
        .into_par_iter()
        .map(|i| {
            let mut vals: Vec<f64> = (0..n)
                .filter(|&j| j != i && w.class[i].abs_diff(w.class[j]) <= if model.strict { 0 } else { 1 })
                .map(|j| {
                    let (p, s) = w.terms(i, j);
                    if weighted { s - p } else { s }
                })
                .collect();
            let top = (b - 1).min(vals.len());
            if top > 0 {
                vals.select_nth_unstable_by(top - 1, |x, y| y.total_cmp(x));
                vals.truncate(top);
                vals.sort_by(|x, y| y.total_cmp(x));
            }
            let mut prefix = 0.0;
            let mut best = f64::NEG_INFINITY;
            for s in 1..=b {
                if s >= 2 {
                    match vals.get(s - 2) {
                        Some(v) => prefix += v,
                        None => break,
                    }
                }
                if s >= a {
                    best = best.max(prefix);
                }
            }
            // Keep only the top values (not the whole row's capacity).
            (if best.is_finite() { best } else { 0.0 }, vals[..top].to_vec())
        })
        .collect();
    let star = per_member.iter().map(|x| x.0).sum::<f64>() / 2.0;
    let mut slots: Vec<f64> = per_member.into_iter().flat_map(|x| x.1).collect();
    let bounds = vec![(model.size.min, model.size.max); model.clusters];
    match most_pairs(&bounds, n) {
        Some(p) if slots.iter().all(|&v| v >= 0.0) && 2 * p < slots.len() && p > 0 => {
            slots.select_nth_unstable_by(2 * p - 1, |x, y| y.total_cmp(x));
            star.min(slots[..2 * p].iter().sum::<f64>() / 2.0)
        }
        _ => star,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_splits() {
        assert_eq!(balanced_pairs(0, 3), 0);
        assert_eq!(balanced_pairs(3, 3), 0);
        assert_eq!(balanced_pairs(4, 3), 1);
        assert_eq!(balanced_pairs(30, 12), 6 * 3 + 6);
        assert_eq!(balanced_pairs(7, 1), 21);
        assert_eq!(balanced_pairs(5, 0), 0);
    }
}
