//! The facts of one cluster: Länder, same-Land and bordering pairs,
//! distances, population range.

use serde::{Deserialize, Serialize};

use crate::borders::borders;
use crate::distance::great_circle_km;
use crate::lineup::Cluster;
use crate::problem::Problem;
use crate::report::class_label;
use crate::verify::score_members;

/// How many members come from one Land.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StateCount {
    /// The Land.
    pub state: String,
    /// Members from it.
    pub members: usize,
}

/// Two members and their distance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberPair {
    /// First member's name.
    pub a: String,
    /// Second member's name.
    pub b: String,
    /// Great-circle distance, km.
    pub km: f64,
}

/// Why a cluster scores what it scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterExplanation {
    /// Cluster id.
    pub id: String,
    /// Size class (or classes joined by `+`).
    pub size_class: String,
    /// Members.
    pub size: usize,
    /// Smallest and largest population.
    pub population_range: (u64, u64),
    /// Länder, most members first.
    pub states: Vec<StateCount>,
    /// Pairs from the same Land (each costs a penalty point).
    pub same_state_pairs: Vec<MemberPair>,
    /// Pairs from Länder that share a border (they earn no non-bordering point).
    pub bordering_pairs: Vec<MemberPair>,
    /// The closest pair.
    pub closest: Option<MemberPair>,
    /// The farthest pair.
    pub farthest: Option<MemberPair>,
    /// Mean distance over pairs, km.
    pub mean_distance_km: f64,
    /// The cluster's penalty.
    pub penalty: f64,
    /// The cluster's spread.
    pub spread: f64,
}

/// Explains one cluster.
pub(crate) fn explain_cluster(problem: &Problem, c: &Cluster) -> ClusterExplanation {
    let ms = problem.municipalities();
    let g = borders();
    let metrics = score_members(problem, &c.members);
    let mut states: Vec<StateCount> = Vec::new();
    for &i in &c.members {
        let name = ms[i].land.name();
        match states.iter_mut().find(|s| s.state == name) {
            Some(s) => s.members += 1,
            None => states.push(StateCount {
                state: name.to_string(),
                members: 1,
            }),
        }
    }
    states.sort_by(|a, b| b.members.cmp(&a.members).then(a.state.cmp(&b.state)));
    let mut same = Vec::new();
    let mut bordering = Vec::new();
    let mut closest: Option<MemberPair> = None;
    let mut farthest: Option<MemberPair> = None;
    for (x, &i) in c.members.iter().enumerate() {
        for &j in &c.members[x + 1..] {
            let pair = MemberPair {
                a: ms[i].name.clone(),
                b: ms[j].name.clone(),
                km: great_circle_km(ms[i].location, ms[j].location),
            };
            if ms[i].land == ms[j].land {
                same.push(pair.clone());
            } else if g.share_border(ms[i].land, ms[j].land) {
                bordering.push(pair.clone());
            }
            if closest.as_ref().is_none_or(|p| pair.km < p.km) {
                closest = Some(pair.clone());
            }
            if farthest.as_ref().is_none_or(|p| pair.km > p.km) {
                farthest = Some(pair);
            }
        }
    }
    let pops = c.members.iter().map(|&i| ms[i].population);
    ClusterExplanation {
        id: c.id.clone(),
        size_class: class_label(problem, &metrics),
        size: c.members.len(),
        population_range: (pops.clone().min().unwrap_or(0), pops.max().unwrap_or(0)),
        states,
        same_state_pairs: same,
        bordering_pairs: bordering,
        closest,
        farthest,
        mean_distance_km: metrics.mean_distance_km,
        penalty: metrics.score.penalty,
        spread: metrics.score.spread,
    }
}
