//! A block: a group of municipalities that is partitioned independently of
//! the others (one per size class, or one for all with adjacent
//! comparability), with its number of clusters and their ids.

use crate::composition::Composition;
use crate::size_class::ClassId;

/// A group of municipalities that is partitioned independently of the others.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Display name: the size class (strict) or `all classes` (adjacent).
    pub name: String,
    /// The size classes in this block.
    pub classes: Vec<ClassId>,
    /// Indices of the members (into [`Problem::municipalities`](crate::Problem::municipalities)), ascending.
    pub members: Vec<usize>,
    /// Number of clusters to form.
    pub clusters: usize,
    /// Distinct pin labels used by members of this block, in order of first appearance.
    pub pins: Vec<String>,
    /// Cluster ids: the pins first, then generated ids.
    pub cluster_ids: Vec<String>,
    pub(crate) composition: Option<Composition>,
}

/// Gives every block its cluster ids: its pins first, then `Großstadt-1`,
/// `Großstadt-2`, … (`Cluster-1`, … for a block of all classes), skipping
/// ids that are pins elsewhere.
pub(crate) fn name_clusters(blocks: &mut [Block], per_class: bool) {
    let all_pins: Vec<String> = blocks.iter().flat_map(|b| b.pins.clone()).collect();
    for b in blocks {
        let mut ids = b.pins.clone();
        let prefix = if per_class {
            b.name.clone()
        } else {
            "Cluster".to_string()
        };
        let mut k = 1;
        while ids.len() < b.clusters {
            let id = format!("{prefix}-{k}");
            if !all_pins.contains(&id) {
                ids.push(id);
            }
            k += 1;
        }
        b.cluster_ids = ids;
    }
}
