//! How far apart two groupings of the same items are: the pairs of items
//! that one grouping puts together and the other does not.

/// Fraction of item pairs grouped differently in two assignments, times the
/// number of groups (0 for equal partitions).
///
/// Counted in `O(items + groups²)` from the joint table of the two
/// assignments: pairs together in `a` plus pairs together in `b`, minus
/// twice the pairs together in both.
pub(super) fn distance(a: &[usize], b: &[usize], m: usize) -> f64 {
    let k = a.len();
    if k < 2 {
        return 0.0;
    }
    let mut joint = vec![0usize; m * m];
    let (mut in_a, mut in_b) = (vec![0usize; m], vec![0usize; m]);
    for (&x, &y) in a.iter().zip(b) {
        joint[x * m + y] += 1;
        in_a[x] += 1;
        in_b[y] += 1;
    }
    let pairs = |c: &usize| c * c.saturating_sub(1) / 2;
    let both: usize = joint.iter().map(pairs).sum();
    let differ = in_a.iter().map(pairs).sum::<usize>() + in_b.iter().map(pairs).sum::<usize>() - 2 * both;
    differ as f64 / (k * (k - 1) / 2) as f64 * m as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rng::Rng;

    #[test]
    fn the_distance_counts_pairs_grouped_differently() {
        let brute = |a: &[usize], b: &[usize], m: usize| {
            let k = a.len();
            let mut differ = 0usize;
            for i in 0..k {
                for j in i + 1..k {
                    if (a[i] == a[j]) != (b[i] == b[j]) {
                        differ += 1;
                    }
                }
            }
            differ as f64 / (k * (k - 1) / 2) as f64 * m as f64
        };
        let mut rng = Rng::new(3, 0);
        for _ in 0..100 {
            let (k, m) = (2 + rng.below(30), 1 + rng.below(5));
            let a: Vec<usize> = (0..k).map(|_| rng.below(m)).collect();
            let b: Vec<usize> = (0..k).map(|_| rng.below(m)).collect();
            assert_eq!(distance(&a, &b, m), brute(&a, &b, m));
            assert_eq!(distance(&a, &a, m), 0.0);
        }
    }
}
