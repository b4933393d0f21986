//! The root of the enumeration: its children's subtrees are searched in
//! parallel (rayon), each with its own threshold, list and node count,
//! and merged in the children's order, so the answer does not depend on
//! the threads.

use rayon::prelude::*;

use super::super::{Bits, Halt, Tally};
use super::Search;

/// One subtree's columns and the nodes it took.
type Part = (Vec<(f64, Bits)>, u64);

/// Fewest units for which the root's children are searched in parallel.
const PARALLEL_FROM: usize = 24;

impl Search<'_> {
    /// The root's children worth a search of their own (position and
    /// tally), after the root's bound; `None` when one sequential search
    /// is simpler (columns of at most three units, or few units).
    pub(super) fn root_children(&mut self, gains: &[f64]) -> Option<Vec<(usize, Tally)>> {
        let sp = self.space;
        let u = sp.units.len();
        if sp.max <= 3 || u < PARALLEL_FROM {
            return None;
        }
        self.nodes += 1;
        let Some(quota_units) = self.quotas.units_needed(sp, &Tally::EMPTY, 0) else {
            return Some(Vec::new());
        };
        if self.bound(0.0, 0, 0, 0, gains, true, quota_units) < self.threshold {
            return Some(Vec::new());
        }
        let end = self.hopeless_from(0, 0, &Tally::EMPTY, 0.0, gains);
        Some(
            (0..end.min(u))
                .filter_map(|x| sp.admit(&Tally::EMPTY, self.order[x]).map(|with| (x, with)))
                .collect(),
        )
    }

    /// The subtree below the root's child at position `x`.
    pub(super) fn child(&mut self, x: usize, with: Tally, gains: &[f64]) -> Result<(), Halt> {
        // A subtree checks the clock every 65,536 nodes; after the deadline
        // the subtrees not yet started must not each run that far first.
        if self.stop.now() {
            return Err(Halt::Budget);
        }
        let u = self.space.units.len();
        let unit = self.order[x];
        let mut child = vec![0.0; u];
        for y in x + 1..u {
            child[y] = gains[y] + self.q[unit * u + self.order[y]];
        }
        self.dfs(x + 1, (1 as Bits) << unit, with, gains[x], &child)
    }
}

/// The subtrees below the root's `children`, each searched by a fresh
/// [`Search`] from `new`, in parallel; merged in the children's order with
/// the limits of the whole search (`keep_best`, `limit`, `node_budget`,
/// counting the root's `root_nodes`).
pub(super) fn subtrees<'a>(
    children: &[(usize, Tally)],
    new: impl Fn() -> Search<'a> + Sync,
    gains: &[f64],
    (keep_best, limit, node_budget): (Option<usize>, usize, u64),
    root_nodes: u64,
) -> Result<Vec<(f64, Bits)>, Halt> {
    let parts: Vec<Result<Part, Halt>> = children
        .par_iter()
        .map(|&(x, with)| {
            let mut s = new();
            s.child(x, with, gains)?;
            Ok((s.found, s.nodes))
        })
        .collect();
    let mut found = Vec::new();
    let mut nodes = root_nodes;
    let mut halt: Option<Halt> = None;
    for part in parts {
        match part {
            Ok((f, used)) => {
                found.extend(f);
                nodes += used;
            }
            Err(h) => halt = Some(halt.map_or(h, |g| g.max(h))),
        }
    }
    if let Some(h) = halt {
        return Err(h);
    }
    if nodes > node_budget {
        return Err(Halt::Budget);
    }
    if keep_best.is_none() && found.len() > limit {
        return Err(Halt::TooMany);
    }
    Ok(found)
}
