//! A lineup: the clusters and their members.

use serde::{Deserialize, Serialize};

/// One cluster: an id and its members (indices into
/// [`Problem::municipalities`](crate::Problem::municipalities)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    /// Cluster id, e.g. `Großstadt-1` or a pin label.
    pub id: String,
    /// Member indices, ascending.
    pub members: Vec<usize>,
}

/// A complete assignment of municipalities to clusters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineup {
    /// The clusters, in display order.
    pub clusters: Vec<Cluster>,
}

impl Lineup {
    /// The cluster index of every municipality (`None` where unassigned), for
    /// a problem with `n` municipalities.
    pub fn assignment(&self, n: usize) -> Vec<Option<usize>> {
        let mut a = vec![None; n];
        for (c, cl) in self.clusters.iter().enumerate() {
            for &m in &cl.members {
                if m < n {
                    a[m] = Some(c);
                }
            }
        }
        a
    }

    /// The index of the cluster with the given id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.clusters.iter().position(|c| c.id == id)
    }

    /// Number of municipalities placed.
    pub fn len(&self) -> usize {
        self.clusters.iter().map(|c| c.members.len()).sum()
    }

    /// Whether no municipality is placed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignment_ignores_out_of_range_members() {
        let l = Lineup {
            clusters: vec![
                Cluster {
                    id: "A".into(),
                    members: vec![0, 2, 9],
                },
                Cluster {
                    id: "B".into(),
                    members: vec![1],
                },
            ],
        };
        assert_eq!(l.assignment(3), vec![Some(0), Some(1), Some(0)]);
        assert_eq!(l.position("B"), Some(1));
        assert_eq!(l.len(), 4);
    }
}
