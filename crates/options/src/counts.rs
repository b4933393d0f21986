//! Values derived from the flags of one command: the cluster counts a
//! lineup made elsewhere has, the number and difference of alternatives,
//! the stability of a what-if.

use lineup::{
    ClusterCount, Comparability, Lineup, Municipality, Settings, Stability, default_min_difference,
};

use crate::args::{CountArgs, StabilityArgs};
use crate::error::OptionError;
use crate::usage::said;

/// Cluster counts as the lineup has them (per size class; in total with
/// adjacent comparability), so a lineup with more clusters than the fewest
/// is judged on its own terms (`evaluate`, `explain`, `map`).
pub fn counts_from(lineup: &Lineup, municipalities: &[Municipality], settings: &Settings) -> ClusterCount {
    if settings.comparability() == Comparability::Adjacent {
        return ClusterCount::Total(lineup.clusters.len());
    }
    let scheme = settings.classes();
    let mut per: Vec<(String, usize)> = Vec::new();
    for c in &lineup.clusters {
        let Some(class) = c
            .members
            .iter()
            .filter_map(|&i| municipalities.get(i).and_then(|m| scheme.class_of(m)))
            .max()
        else {
            continue;
        };
        let name = scheme.class(class).name.clone();
        match per.iter_mut().find(|p| p.0 == name) {
            Some(p) => p.1 += 1,
            None => per.push((name, 1)),
        }
    }
    ClusterCount::PerClass(per)
}

/// How many alternatives and how different, for `n` municipalities:
/// `(k, min_difference)`.
pub fn alternatives_count(a: &CountArgs, n: usize) -> Result<(usize, usize), OptionError> {
    if a.k == 0 {
        return Err(said("usage.count.zero", &[]));
    }
    let d = a.min_difference.unwrap_or_else(|| default_min_difference(n));
    if d > n {
        let (d, n) = (d.to_string(), n.to_string());
        return Err(said(
            "usage.min_difference",
            &[("flag", "--min-difference"), ("d", &d), ("n", &n)],
        ));
    }
    Ok((a.k, d))
}

impl StabilityArgs {
    /// The stability a what-if keeps.
    pub fn stability(&self) -> Stability {
        Stability {
            max_moves: self.max_moves,
            weight: self.stability,
        }
    }
}
