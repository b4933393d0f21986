//! Cluster ids a committee can compare: the clusters of each alternative
//! take the ids of the clusters of lineup 1 they share most members with
//! (per size class, an assignment problem solved exactly with Kuhn–Munkres),
//! so `Kleinstadt-1` means the same cluster in every alternative; pinned
//! clusters keep their pin's id. The clusters are then listed in lineup 1's
//! order.

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;

use crate::lineup::Lineup;
use crate::problem::Problem;
use crate::solve::Solution;
use crate::whatif::Moved;

/// Renames and reorders the clusters of `other` after `first` (a lineup of
/// the same problem). The score does not change: only ids and order do.
pub(crate) fn match_to(problem: &Problem, first: &Lineup, other: &mut Solution) {
    let n = problem.municipalities().len();
    let of_other = other.lineup.assignment(n);
    let position = |l: &Lineup, id: &str| l.clusters.iter().position(|c| c.id == id);
    let mut new_ids: Vec<String> = other.lineup.clusters.iter().map(|c| c.id.clone()).collect();
    for block in problem.blocks() {
        // The free clusters of this block in both lineups (pinned ones keep their id).
        let free: Vec<&String> = block.cluster_ids.iter().skip(block.pins.len()).collect();
        let a: Vec<usize> = free.iter().filter_map(|id| position(first, id)).collect();
        let b: Vec<usize> = free.iter().filter_map(|id| position(&other.lineup, id)).collect();
        if a.len() != b.len() || a.is_empty() {
            continue;
        }
        let mut overlap = Matrix::new(b.len(), a.len(), 0i64);
        for (j, &ca) in a.iter().enumerate() {
            for &m in &first.clusters[ca].members {
                let cb = of_other.get(m).copied().flatten();
                if let Some(i) = cb.and_then(|cb| b.iter().position(|&x| x == cb)) {
                    overlap[(i, j)] += 1;
                }
            }
        }
        let (_, assignment) = kuhn_munkres(&overlap);
        for (i, &j) in assignment.iter().enumerate() {
            new_ids[b[i]] = first.clusters[a[j]].id.clone();
        }
    }
    for (c, id) in other.lineup.clusters.iter_mut().zip(new_ids) {
        c.id = id;
    }
    // Lineup 1's order; the verified metrics are in lineup order too.
    let rank = |id: &str| position(first, id).unwrap_or(usize::MAX);
    let mut order: Vec<usize> = (0..other.lineup.clusters.len()).collect();
    order.sort_by_key(|&i| (rank(&other.lineup.clusters[i].id), i));
    let clusters = std::mem::take(&mut other.lineup.clusters);
    let metrics = std::mem::take(&mut other.verified.clusters);
    let mut slots: Vec<_> = clusters.into_iter().zip(metrics).map(Some).collect();
    for i in order {
        if let Some((c, m)) = slots[i].take() {
            other.lineup.clusters.push(c);
            other.verified.clusters.push(m);
        }
    }
}

/// The members in another cluster than in `first`: `from` is their cluster
/// in `first`, `to` the one in `other`.
pub(crate) fn differences(problem: &Problem, first: &Lineup, other: &Lineup) -> Vec<Moved> {
    let n = problem.municipalities().len();
    let (a, b) = (first.assignment(n), other.assignment(n));
    let ms = problem.municipalities();
    (0..n)
        .filter_map(|m| {
            let (ca, cb) = (a[m]?, b[m]?);
            let (from, to) = (&first.clusters[ca].id, &other.clusters[cb].id);
            (from != to).then(|| Moved {
                id: ms[m].id.clone(),
                name: ms[m].name.clone(),
                from: from.clone(),
                to: to.clone(),
            })
        })
        .collect()
}
