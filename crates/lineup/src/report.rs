//! The stable, serialisable report of a lineup: what `lineup solve --format
//! json` prints. The field names are part of the documented interface.

use serde::{Deserialize, Serialize};

use crate::attributes::Attributes;
use crate::criterion::Criterion;
use crate::objective::{ObjectiveMode, Score, Weights};
use crate::problem::Problem;
use crate::settings::{ClusterSize, Comparability};
use crate::solve::{BlockReport, Bound, GapLevel, Solution, Status};
use crate::verify::ClusterMetrics;

/// The columns of a lineup as a table, one row per member: what
/// `--format csv` writes and the workbook's "Lineup" sheet holds; both can
/// be read back as a lineup by [`crate::io::read_baseline`].
pub const MEMBER_COLUMNS: [&str; 8] = [
    "cluster",
    "id",
    "name",
    "state",
    "population",
    "size_class",
    "lat",
    "lon",
];

/// One member in a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberReport {
    /// Id as given.
    pub id: String,
    /// Name.
    pub name: String,
    /// Land (full name).
    pub state: String,
    /// Population.
    pub population: u64,
    /// Size class name.
    pub size_class: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// The input's other columns, verbatim, then the built-in attributes
    /// the criteria use (absent from JSON when there are none).
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl MemberReport {
    /// The values of the given attributes (empty where the member has none),
    /// to follow [`MemberReport::row`] under [`Report::attribute_names`].
    pub fn attribute_cells(&self, names: &[String]) -> Vec<String> {
        names
            .iter()
            .map(|n| self.attributes.get(n).unwrap_or_default().to_string())
            .collect()
    }

    /// This member as a row under [`MEMBER_COLUMNS`], in cluster `cluster`.
    pub fn row(&self, cluster: &str) -> [String; 8] {
        [
            cluster.to_string(),
            self.id.clone(),
            self.name.clone(),
            self.state.clone(),
            self.population.to_string(),
            self.size_class.clone(),
            self.lat.to_string(),
            self.lon.to_string(),
        ]
    }
}

/// Metrics of one cluster in a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterMetricsReport {
    /// Number of members.
    pub size: usize,
    /// Distinct Länder.
    pub distinct_states: usize,
    /// Pairs from the same Land.
    pub same_state_pairs: u64,
    /// Pairs from different size classes.
    pub mixed_class_pairs: u64,
    /// Pairs from Länder without a common border.
    pub non_bordering_pairs: u64,
    /// Mean distance between members, km.
    pub mean_distance_km: f64,
    /// Smallest distance between two members, km.
    pub min_distance_km: f64,
    /// Penalty of this cluster.
    pub penalty: f64,
    /// Spread of this cluster.
    pub spread: f64,
    /// Per criterion of the planner's: the value counts and the cost
    /// (absent from JSON when there are no criteria).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionTally>,
}

/// One criterion in one cluster: how many members have each value, and
/// what the criterion costs there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionTally {
    /// The criterion, as text (`different district=1`).
    pub criterion: String,
    /// `(value, members)`, in order of the values' first appearance in the input.
    pub counts: Vec<(String, usize)>,
    /// Weighted pair cost in this cluster (0 for a hard rule).
    pub cost: f64,
    /// Whether the criterion is a hard rule (hard `alike`, a quota) that
    /// the cluster keeps, rather than a pair cost.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hard: bool,
}

impl From<&ClusterMetrics> for ClusterMetricsReport {
    fn from(m: &ClusterMetrics) -> Self {
        ClusterMetricsReport {
            size: m.size,
            distinct_states: m.distinct_states,
            same_state_pairs: m.score.same_land_pairs,
            mixed_class_pairs: m.score.mixed_class_pairs,
            non_bordering_pairs: m.score.non_bordering_pairs,
            mean_distance_km: m.mean_distance_km,
            min_distance_km: m.min_distance_km,
            penalty: m.score.penalty,
            spread: m.score.spread,
            criteria: Vec::new(),
        }
    }
}

/// One cluster in a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterReport {
    /// Cluster id.
    pub id: String,
    /// Size class (or classes, joined by `+`).
    pub size_class: String,
    /// Members in input order.
    pub members: Vec<MemberReport>,
    /// Metrics.
    pub metrics: ClusterMetricsReport,
}

/// The objective value of a lineup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveReport {
    /// Level 1 (minimised): weighted same-Land and mixed-class pairs.
    pub penalty: f64,
    /// Level 2 (maximised): weighted non-bordering pairs and distance.
    pub spread: f64,
    /// Pairs of members from the same Land.
    pub same_state_pairs: u64,
    /// Pairs of members from different size classes.
    pub mixed_class_pairs: u64,
    /// Pairs of members from Länder without a common border.
    pub non_bordering_pairs: u64,
    /// Total distance over member pairs, km.
    pub distance_km: f64,
    /// The criteria's share of the penalty (absent from JSON when zero).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub criteria_penalty: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

impl From<&Score> for ObjectiveReport {
    fn from(s: &Score) -> Self {
        ObjectiveReport {
            penalty: s.penalty,
            spread: s.spread,
            same_state_pairs: s.same_land_pairs,
            mixed_class_pairs: s.mixed_class_pairs,
            non_bordering_pairs: s.non_bordering_pairs,
            distance_km: s.distance_km,
            criteria_penalty: s.criteria_penalty,
        }
    }
}

/// The settings a report was made with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingsReport {
    /// Cluster size bounds.
    pub cluster_size: ClusterSize,
    /// Total clusters.
    pub clusters: usize,
    /// Size class scheme (`bbsr`, `kfa` or thresholds).
    pub classes: String,
    /// Comparability.
    pub comparability: Comparability,
    /// Objective weights and mode.
    pub weights: Weights,
    /// Cap per Land and cluster.
    pub max_per_state: Option<usize>,
    /// The planner's criteria (absent from JSON when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    /// Must-link pairs, as ids (also when they were given by name).
    pub must_link: Vec<(String, String)>,
    /// Cannot-link pairs, as ids.
    pub cannot_link: Vec<(String, String)>,
    /// Seed, when the lineup was solved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Time limit in seconds, when solved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_limit_s: Option<f64>,
    /// MILP backend, when solved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backend: Option<String>,
}

/// The full report: `status`, `objective`, `bound`, `gap`, `clusters`, settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// `optimal`, `time_limit`, `heuristic`, `interrupted` or `evaluated`.
    pub status: Status,
    /// Objective value of the lineup.
    pub objective: ObjectiveReport,
    /// Bounds: lower on the penalty, upper on the spread.
    pub bound: Bound,
    /// Relative gap on the first level not proven (0 when optimal).
    pub gap: f64,
    /// Which level the gap refers to.
    pub gap_level: GapLevel,
    /// Seconds spent.
    pub time_s: f64,
    /// Whether the wall-clock limit cut a search short.
    pub cut_by_time_limit: bool,
    /// The clusters.
    pub clusters: Vec<ClusterReport>,
    /// Per block: status, bound and what the solvers did.
    pub blocks: Vec<BlockReport>,
    /// The settings used.
    pub settings: SettingsReport,
    /// What `bound` is valid for: the [`Problem::fingerprint`] of the
    /// input and settings it was proven for (absent in reports of older
    /// versions). A lineup file whose fingerprint matches the problem it is
    /// evaluated against lends its bound to [`crate::evaluate_with_bounds`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

impl Report {
    /// The report of a solution.
    pub fn new(problem: &Problem, solution: &Solution) -> Report {
        let ms = problem.municipalities();
        let scheme = problem.settings().classes();
        let clusters = solution
            .lineup
            .clusters
            .iter()
            .zip(&solution.verified.clusters)
            .map(|(c, m)| ClusterReport {
                id: c.id.clone(),
                size_class: class_label(problem, m),
                members: c
                    .members
                    .iter()
                    .map(|&i| MemberReport {
                        id: ms[i].id.clone(),
                        name: ms[i].name.clone(),
                        state: ms[i].land.name().to_string(),
                        population: ms[i].population,
                        size_class: scheme.class(problem.class_of(i)).name.clone(),
                        lat: ms[i].lat(),
                        lon: ms[i].lon(),
                        attributes: member_attributes(problem, i),
                    })
                    .collect(),
                metrics: ClusterMetricsReport {
                    criteria: tallies(problem, &c.members),
                    ..ClusterMetricsReport::from(m)
                },
            })
            .collect();
        let s = problem.settings();
        let ids = |pairs: &[(usize, usize)]| -> Vec<(String, String)> {
            let ms = problem.municipalities();
            pairs
                .iter()
                .map(|&(a, b)| (ms[a].id.clone(), ms[b].id.clone()))
                .collect()
        };
        Report {
            status: solution.status,
            objective: ObjectiveReport::from(&solution.verified.score),
            bound: solution.bound,
            gap: solution.gap.value,
            gap_level: solution.gap.level,
            time_s: solution.elapsed.as_secs_f64(),
            cut_by_time_limit: solution.cut_by_time,
            clusters,
            blocks: solution.blocks.clone(),
            settings: SettingsReport {
                cluster_size: s.cluster_size(),
                clusters: problem.cluster_count(),
                classes: s.classes().name.clone(),
                comparability: s.comparability(),
                weights: s.weights(),
                max_per_state: s.max_per_land(),
                criteria: s.criteria().to_vec(),
                must_link: ids(problem.must_link()),
                cannot_link: ids(problem.cannot_link()),
                seed: None,
                time_limit_s: None,
                backend: None,
            },
            fingerprint: Some(problem.fingerprint()),
        }
    }

    /// The attribute names of the members, in order of first appearance:
    /// the columns written after [`MEMBER_COLUMNS`] in tables.
    pub fn attribute_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for m in self.clusters.iter().flat_map(|c| &c.members) {
            for n in m.attributes.names() {
                if !names.iter().any(|x| x == n) {
                    names.push(n.to_string());
                }
            }
        }
        names
    }

    /// Whether the objective is lexicographic.
    pub fn is_lexicographic(&self) -> bool {
        self.settings.weights.mode == ObjectiveMode::Lexicographic
    }
}

/// A member's attributes in a report: the input's columns, then the
/// built-in attributes the criteria name (with the built-in's name).
fn member_attributes(problem: &Problem, i: usize) -> Attributes {
    let mut a = problem.municipalities()[i].attributes.clone();
    for c in problem.settings().criteria() {
        if a.get(c.attribute()).is_none() {
            if let Some(v) = problem.attribute(i, c.attribute()) {
                a.insert(c.attribute(), v);
            }
        }
    }
    a
}

/// Value counts and costs of every criterion in one cluster.
pub(crate) fn tallies(problem: &Problem, members: &[usize]) -> Vec<CriterionTally> {
    problem
        .resolved_criteria()
        .iter()
        .map(|r| {
            let mut counts = vec![0usize; r.values.len()];
            for &i in members {
                counts[r.codes[i] as usize] += 1;
            }
            let cost = match r.criterion.pair_cost() {
                Some((w, when_equal)) => {
                    let same: usize = counts.iter().map(|&c| c * c.saturating_sub(1) / 2).sum();
                    let all = members.len() * members.len().saturating_sub(1) / 2;
                    w * (if when_equal { same } else { all - same }) as f64
                }
                None => 0.0,
            };
            CriterionTally {
                criterion: r.criterion.to_string(),
                counts: r
                    .values
                    .iter()
                    .zip(counts)
                    .filter(|(_, c)| *c > 0)
                    .map(|(v, c)| (v.clone(), c))
                    .collect(),
                cost,
                hard: r.criterion.pair_cost().is_none(),
            }
        })
        .collect()
}

/// The size class label of a cluster: one name, or two joined by `+`.
pub fn class_label(problem: &Problem, m: &ClusterMetrics) -> String {
    m.size_classes
        .iter()
        .rev()
        .map(|c| problem.settings().classes().class(*c).name.clone())
        .collect::<Vec<_>>()
        .join("+")
}
