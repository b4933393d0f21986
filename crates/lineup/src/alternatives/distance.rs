//! How far apart two lineups are: the fewest municipalities that must move
//! to turn one into the other. Cluster ids do not matter: the clusters of
//! the two lineups are matched to share as many members as possible (an
//! assignment problem, solved exactly with the Kuhn–Munkres method), and every
//! member outside its matched cluster has to move.

use pathfinding::kuhn_munkres::kuhn_munkres;
pub(crate) use pathfinding::matrix::Matrix;

use crate::lineup::Lineup;

/// The partition distance between two lineups of the same `n` municipalities.
///
/// ```
/// use lineup::{Cluster, Lineup, partition_distance};
/// let a = Lineup { clusters: vec![
///     Cluster { id: "A".into(), members: vec![0, 1, 2] },
///     Cluster { id: "B".into(), members: vec![3, 4, 5] },
/// ]};
/// // The same partition under other ids, with 2 and 3 exchanged.
/// let b = Lineup { clusters: vec![
///     Cluster { id: "X".into(), members: vec![2, 4, 5] },
///     Cluster { id: "Y".into(), members: vec![0, 1, 3] },
/// ]};
/// assert_eq!(partition_distance(&a, &a, 6), 0);
/// assert_eq!(partition_distance(&a, &b, 6), 2);
/// ```
pub fn partition_distance(a: &Lineup, b: &Lineup, n: usize) -> usize {
    let (ka, kb) = (a.clusters.len(), b.clusters.len());
    let k = ka.max(kb);
    if k == 0 {
        return 0;
    }
    let of_b = b.assignment(n);
    let mut overlap = Matrix::new(k, k, 0i64);
    for (i, c) in a.clusters.iter().enumerate() {
        for &m in &c.members {
            if let Some(j) = of_b.get(m).copied().flatten() {
                overlap[(i, j)] += 1;
            }
        }
    }
    let matched: i64 = max_assignment(&overlap);
    n - matched as usize
}

/// The largest total weight of a perfect matching of a square matrix
/// (pathfinding's Kuhn–Munkres, O(k³)).
pub(crate) fn max_assignment(w: &Matrix<i64>) -> i64 {
    if w.rows == 0 {
        return 0;
    }
    kuhn_munkres(w).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lineup::Cluster;

    fn lineup(groups: &[usize], k: usize) -> Lineup {
        let mut clusters: Vec<Cluster> = (0..k)
            .map(|g| Cluster {
                id: format!("c{g}"),
                members: Vec::new(),
            })
            .collect();
        for (i, &g) in groups.iter().enumerate() {
            clusters[g].members.push(i);
        }
        Lineup { clusters }
    }

    /// Brute force over all relabellings.
    fn brute(a: &[usize], b: &[usize], k: usize) -> usize {
        fn perms(k: usize) -> Vec<Vec<usize>> {
            if k == 0 {
                return vec![Vec::new()];
            }
            let mut out = Vec::new();
            for p in perms(k - 1) {
                for pos in 0..=p.len() {
                    let mut q = p.clone();
                    q.insert(pos, k - 1);
                    out.push(q);
                }
            }
            out
        }
        perms(k)
            .iter()
            .map(|p| a.iter().zip(b).filter(|(x, y)| p[**x] != **y).count())
            .min()
            .unwrap()
    }

    #[test]
    fn matches_brute_force_on_small_partitions() {
        let mut seed = 7u64;
        let mut next = |m: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % m
        };
        for _ in 0..200 {
            let k = 1 + next(4);
            let n = 1 + next(9);
            let a: Vec<usize> = (0..n).map(|_| next(k)).collect();
            let b: Vec<usize> = (0..n).map(|_| next(k)).collect();
            assert_eq!(
                partition_distance(&lineup(&a, k), &lineup(&b, k), n),
                brute(&a, &b, k),
                "{a:?} {b:?}"
            );
        }
    }
}
