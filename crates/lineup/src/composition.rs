//! How many clusters of which size-class make-up a problem needs, when
//! neighbouring classes may mix (adjacent comparability).
//!
//! A small integer program on counts decides it exactly: per class `k`,
//! `P_k` pure clusters holding `e_k` members, and per neighbouring pair
//! `(k, k+1)`, `Q_k` mixed clusters holding `u_k` members of `k` and `v_k` of
//! `k+1` (at least one of each per cluster). Sizes are bounded by the cluster
//! size range; the total number of clusters is minimised, or fixed.

use thiserror::Error;

use crate::ilp::{self, Backend, Milp, MilpOutcome};
use crate::settings::ClusterSize;

/// Why the composition model gave no answer.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CompositionError {
    /// The solver stopped before proving its answer.
    #[error("the composition model stopped early")]
    StoppedEarly,
    /// The MILP solver failed.
    #[error("{0}")]
    Solver(String),
}

/// A feasible make-up of clusters by size class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Composition {
    /// Per class: (number of pure clusters, members in them).
    pub pure: Vec<(usize, usize)>,
    /// Per class `k < C-1`: (mixed clusters of `k` and `k+1`, members of `k`, members of `k+1`).
    pub mixed: Vec<(usize, usize, usize)>,
}

impl Composition {
    /// Total number of clusters.
    pub fn clusters(&self) -> usize {
        self.pure.iter().map(|p| p.0).sum::<usize>() + self.mixed.iter().map(|m| m.0).sum::<usize>()
    }

    /// One entry per cluster: the members it takes from each class, as
    /// `(class, count)` pairs. Splits are as even as possible.
    pub fn slots(&self) -> Vec<Vec<(usize, usize)>> {
        let mut out = Vec::new();
        for (k, &(p, e)) in self.pure.iter().enumerate() {
            for s in even_split(e, p) {
                out.push(vec![(k, s)]);
            }
        }
        for (k, &(q, u, v)) in self.mixed.iter().enumerate() {
            let us = even_split(u, q);
            let mut vs = even_split(v, q);
            vs.reverse();
            for (a, b) in us.into_iter().zip(vs) {
                out.push(vec![(k, a), (k + 1, b)]);
            }
        }
        out
    }
}

/// `n` split into `k` parts that differ by at most one, larger parts first.
pub(crate) fn even_split(n: usize, k: usize) -> Vec<usize> {
    if k == 0 {
        return Vec::new();
    }
    (0..k).map(|i| n / k + usize::from(i < n % k)).collect()
}

/// The composition with the fewest clusters (or exactly `total`), or `None`
/// if no composition exists. `counts[k]` is the number of members of class `k`.
pub(crate) fn compose(
    counts: &[usize],
    size: ClusterSize,
    total: Option<usize>,
    backend: Backend,
) -> Result<Option<Composition>, CompositionError> {
    compose_with(counts, size, total, false, backend)
}

/// The fewest mixed clusters any composition with exactly `total` clusters has.
pub(crate) fn fewest_mixed(
    counts: &[usize],
    size: ClusterSize,
    total: usize,
    backend: Backend,
) -> Result<Option<usize>, CompositionError> {
    Ok(compose_with(counts, size, Some(total), true, backend)?.map(|c| c.mixed.iter().map(|m| m.0).sum()))
}

fn compose_with(
    counts: &[usize],
    size: ClusterSize,
    total: Option<usize>,
    minimise_mixed: bool,
    backend: Backend,
) -> Result<Option<Composition>, CompositionError> {
    let c = counts.len();
    let n: usize = counts.iter().sum();
    let (a, b) = (size.min as f64, size.max as f64);
    let big = n as f64;
    let mut m = Milp::new(false);
    let mut pure = Vec::new();
    for _ in 0..c {
        let p = m.add_var(0.0, big, true);
        let e = m.add_var(0.0, big, true);
        if !minimise_mixed {
            m.set_objective(p, 1.0);
        }
        // a·P <= e <= b·P
        m.add_row(vec![(e, 1.0), (p, -a)], 0.0, f64::INFINITY);
        m.add_row(vec![(e, 1.0), (p, -b)], f64::NEG_INFINITY, 0.0);
        pure.push((p, e));
    }
    let mut mixed = Vec::new();
    for _ in 0..c.saturating_sub(1) {
        let q = m.add_var(0.0, big, true);
        let u = m.add_var(0.0, big, true);
        let v = m.add_var(0.0, big, true);
        m.set_objective(q, 1.0);
        m.add_row(vec![(u, 1.0), (q, -1.0)], 0.0, f64::INFINITY);
        m.add_row(vec![(v, 1.0), (q, -1.0)], 0.0, f64::INFINITY);
        m.add_row(vec![(u, 1.0), (v, 1.0), (q, -a)], 0.0, f64::INFINITY);
        m.add_row(vec![(u, 1.0), (v, 1.0), (q, -b)], f64::NEG_INFINITY, 0.0);
        mixed.push((q, u, v));
    }
    for (k, &nk) in counts.iter().enumerate() {
        let mut row = vec![(pure[k].1, 1.0)];
        if k + 1 < c {
            row.push((mixed[k].1, 1.0));
        }
        if k > 0 {
            row.push((mixed[k - 1].2, 1.0));
        }
        m.add_row(row, nk as f64, nk as f64);
    }
    if let Some(t) = total {
        let mut row: Vec<(usize, f64)> = pure.iter().map(|p| (p.0, 1.0)).collect();
        row.extend(mixed.iter().map(|q| (q.0, 1.0)));
        m.add_row(row, t as f64, t as f64);
    }
    match ilp::solve(&m, backend, None) {
        MilpOutcome::Optimal { values, .. } => {
            let get = |i: usize| values[i].round() as usize;
            Ok(Some(Composition {
                pure: pure.iter().map(|&(p, e)| (get(p), get(e))).collect(),
                mixed: mixed.iter().map(|&(q, u, v)| (get(q), get(u), get(v))).collect(),
            }))
        }
        MilpOutcome::Infeasible => Ok(None),
        MilpOutcome::Feasible { .. } => Err(CompositionError::StoppedEarly),
        MilpOutcome::Failed(why) => Err(CompositionError::Solver(why.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(counts: &[usize], comp: &Composition, size: ClusterSize) {
        let slots = comp.slots();
        assert_eq!(slots.len(), comp.clusters());
        let mut got = vec![0; counts.len()];
        for s in &slots {
            let total: usize = s.iter().map(|x| x.1).sum();
            assert!(size.contains(total), "{slots:?}");
            for &(k, x) in s {
                assert!(x >= 1 || s.len() == 1);
                got[k] += x;
            }
        }
        assert_eq!(got, counts);
    }

    #[test]
    fn even_splits() {
        assert_eq!(even_split(7, 3), vec![3, 2, 2]);
        assert_eq!(even_split(0, 0), Vec::<usize>::new());
        assert_eq!(even_split(6, 2), vec![3, 3]);
    }

    #[test]
    fn eight_big_cities_mix_with_medium_towns() {
        let size = ClusterSize::new(6, 7);
        let counts = [0, 0, 6, 8];
        let comp = compose(&counts, size, None, Backend::default()).unwrap().unwrap();
        assert_eq!(comp.clusters(), 2);
        check(&counts, &comp, size);
    }

    #[test]
    fn gap_between_classes_is_infeasible() {
        let size = ClusterSize::new(6, 7);
        assert_eq!(compose(&[8, 0, 6], size, None, Backend::default()).unwrap(), None);
        let comp = compose(&[6, 0, 6], size, None, Backend::default())
            .unwrap()
            .unwrap();
        assert_eq!(comp.clusters(), 2);
    }

    #[test]
    fn fixed_total() {
        let size = ClusterSize::new(6, 7);
        let counts = [12, 14];
        let comp = compose(&counts, size, Some(4), Backend::default())
            .unwrap()
            .unwrap();
        assert_eq!(comp.clusters(), 4);
        check(&counts, &comp, size);
        assert_eq!(compose(&counts, size, Some(5), Backend::default()).unwrap(), None);
    }
}
