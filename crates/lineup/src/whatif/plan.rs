//! How a baseline carries over to the current list: which size class each
//! baseline cluster belongs to now, how many clusters each class forms
//! (the baseline's number, unless sizes force clusters to open or close), and
//! which cluster slot of the new problem continues which baseline cluster.

use std::collections::HashSet;

use crate::municipality::Municipality;
use crate::problem::Problem;
use crate::problem::ProblemError;
use crate::settings::{ClusterCount, Comparability, Settings};

use super::baseline::Baseline;

/// The new problem, with the baseline mapped onto its cluster slots.
pub(crate) struct Plan {
    /// The problem to solve; its cluster ids are the baseline's where a
    /// baseline cluster continues.
    pub problem: Problem,
    /// Per block, per cluster slot: the baseline cluster it continues
    /// (`None`: a cluster opened now).
    pub slots: Vec<Vec<Option<usize>>>,
    /// Per municipality: its baseline cluster (`None`: a joiner).
    pub home: Vec<Option<usize>>,
}

impl Plan {
    /// The slot (block, group) that continues baseline cluster `c`, if any.
    pub fn slot_of(&self, c: usize) -> Option<(usize, usize)> {
        self.slots
            .iter()
            .enumerate()
            .find_map(|(b, s)| s.iter().position(|&x| x == Some(c)).map(|g| (b, g)))
    }
}

/// Maps the baseline onto a problem over the current municipalities.
pub(crate) fn plan(
    municipalities: Vec<Municipality>,
    settings: Settings,
    baseline: &Baseline,
) -> Result<Plan, ProblemError> {
    let provisional = Problem::new(municipalities.clone(), settings.clone())?;
    let n = municipalities.len();
    let by_id = baseline.cluster_of();
    let home: Vec<Option<usize>> = municipalities
        .iter()
        .map(|m| by_id.get(m.id.as_str()).copied())
        .collect();
    let mut block_of = vec![0usize; n];
    for (b, block) in provisional.blocks().iter().enumerate() {
        for &i in &block.members {
            block_of[i] = b;
        }
    }
    // Each baseline cluster belongs to the block of most of its remaining members.
    let nb = provisional.blocks().len();
    let mut remaining = vec![0usize; baseline.clusters.len()];
    let mut votes = vec![vec![0usize; nb]; baseline.clusters.len()];
    for i in 0..n {
        if let Some(c) = home[i] {
            remaining[c] += 1;
            votes[c][block_of[i]] += 1;
        }
    }
    let block_of_cluster: Vec<Option<usize>> = votes
        .iter()
        .map(|v| {
            let best = v.iter().copied().max().unwrap_or(0);
            (best > 0).then(|| v.iter().position(|&x| x == best).unwrap_or(0))
        })
        .collect();
    let size = settings.cluster_size();
    let counts: Vec<usize> = provisional
        .blocks()
        .iter()
        .enumerate()
        .map(|(b, block)| {
            if *settings.clusters() != ClusterCount::Auto {
                return block.clusters;
            }
            let members = block.members.len();
            let carried = block_of_cluster.iter().filter(|&&x| x == Some(b)).count();
            let k = if carried > 0 && size.fits(members, carried) {
                carried
            } else if members > carried * size.max {
                block.clusters
            } else {
                // Too few members for every carried cluster: close some.
                let k = members / size.min.max(1);
                if size.fits(members, k) { k } else { block.clusters }
            };
            k.max(block.pins.len())
        })
        .collect();
    let counts = match settings.comparability() {
        Comparability::Strict => ClusterCount::PerClass(
            provisional
                .blocks()
                .iter()
                .zip(&counts)
                .map(|(b, &k)| (b.name.clone(), k))
                .collect(),
        ),
        Comparability::Adjacent => ClusterCount::Total(counts.iter().sum()),
    };
    let settings = settings.with_clusters(counts);
    let mut problem = Problem::new(municipalities, settings)?;
    let mut used: HashSet<String> = baseline.clusters.iter().map(|c| c.id.clone()).collect();
    for b in problem.blocks() {
        used.extend(b.pins.iter().cloned());
    }
    let mut slots = Vec::with_capacity(problem.blocks().len());
    for (b, block) in problem.blocks().to_vec().iter().enumerate() {
        let k = block.clusters;
        let pins = block.pins.len();
        let mut slot: Vec<Option<usize>> = vec![None; k];
        let mut carried: Vec<usize> = (0..baseline.clusters.len())
            .filter(|&c| block_of_cluster[c] == Some(b))
            .collect();
        // A baseline cluster whose id is a pin label continues as that pinned cluster.
        carried.retain(
            |&c| match block.pins.iter().position(|p| *p == baseline.clusters[c].id) {
                Some(g) => {
                    slot[g] = Some(c);
                    false
                }
                None => true,
            },
        );
        let free = k - pins;
        if carried.len() > free {
            // Close the clusters with the fewest remaining members (later ones on ties).
            let mut order = carried.clone();
            order.sort_by_key(|&c| (remaining[c], std::cmp::Reverse(c)));
            let close: Vec<usize> = order[..carried.len() - free].to_vec();
            carried.retain(|c| !close.contains(c));
        }
        for (g, &c) in (pins..k).zip(&carried) {
            slot[g] = Some(c);
        }
        let prefix = if problem.settings().comparability() == Comparability::Strict {
            block.name.clone()
        } else {
            "Cluster".to_string()
        };
        let mut next = 1;
        let ids: Vec<String> = (0..k)
            .map(|g| {
                if g < pins {
                    return block.pins[g].clone();
                }
                if let Some(c) = slot[g] {
                    return baseline.clusters[c].id.clone();
                }
                loop {
                    let id = format!("{prefix}-{next}");
                    next += 1;
                    if used.insert(id.clone()) {
                        return id;
                    }
                }
            })
            .collect();
        problem.rename_clusters(b, ids);
        slots.push(slot);
    }
    Ok(Plan { problem, slots, home })
}
