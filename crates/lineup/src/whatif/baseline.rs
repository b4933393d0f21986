//! A lineup that already exists (clusters that already meet), by member id.

use serde::{Deserialize, Serialize};

use crate::municipality::Municipality;
use crate::problem::Problem;
use crate::solve::Solution;

/// A lineup that already exists: clusters and their members by id.
///
/// Read one with [`read_baseline`](crate::read_baseline), or take it from a
/// solution with [`Baseline::from_solution`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The clusters, in their order.
    pub clusters: Vec<BaselineCluster>,
}

/// One cluster of a baseline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BaselineCluster {
    /// Its id; it stays the cluster's id in the new lineup.
    pub id: String,
    /// Its members.
    pub members: Vec<BaselineMember>,
}

/// One member of a baseline cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BaselineMember {
    /// Municipality id.
    pub id: String,
    /// The member's data as the baseline recorded it, if it did (a `solve`
    /// report does); needed to score the baseline when members have left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<Municipality>,
}

impl Baseline {
    /// The baseline of a solved (or evaluated) lineup, with member data.
    pub fn from_solution(problem: &Problem, solution: &Solution) -> Baseline {
        let ms = problem.municipalities();
        Baseline {
            clusters: solution
                .lineup
                .clusters
                .iter()
                .map(|c| BaselineCluster {
                    id: c.id.clone(),
                    members: c
                        .members
                        .iter()
                        .map(|&i| BaselineMember {
                            id: ms[i].id.clone(),
                            municipality: Some(ms[i].clone()),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.clusters.iter().map(|c| c.members.len()).sum()
    }

    /// Whether the baseline has no member.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cluster index holding each id.
    pub(crate) fn cluster_of(&self) -> std::collections::HashMap<&str, usize> {
        let mut map = std::collections::HashMap::new();
        for (c, cl) in self.clusters.iter().enumerate() {
            for m in &cl.members {
                map.insert(m.id.as_str(), c);
            }
        }
        map
    }
}
