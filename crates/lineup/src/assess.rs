//! Scoring a lineup that may break rules: a hand edit on the workbench is
//! shown with its score *and* every rule it breaks, where
//! [`evaluate`](crate::evaluate()) and [`explain`](crate::explain()) need a
//! valid lineup.

use serde::{Deserialize, Serialize};

use crate::lineup::Lineup;
use crate::objective::Score;
use crate::problem::Problem;
use crate::report::{ClusterMetricsReport, ObjectiveReport, class_label, tallies};
use crate::verify::{Violation, score_members, verify};

/// One cluster of an assessed lineup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterAssessment {
    /// Cluster id.
    pub id: String,
    /// Size class (or classes, joined by `+`).
    pub size_class: String,
    /// Metrics, recomputed by the verifier's scorer.
    pub metrics: ClusterMetricsReport,
}

/// A broken rule with its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Breach {
    /// The rule and its facts (`{"rule": "cluster_size", "cluster": …}`).
    #[serde(flatten)]
    pub violation: Violation,
    /// In words (English).
    pub message: String,
}

/// The score and the broken rules of a lineup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Whether the lineup keeps every rule.
    pub valid: bool,
    /// The objective, summed over the clusters (members that are not
    /// municipalities of the problem are left out).
    pub objective: ObjectiveReport,
    /// Per cluster, in lineup order.
    pub clusters: Vec<ClusterAssessment>,
    /// Every broken rule (empty when valid).
    pub breaches: Vec<Breach>,
}

/// Scores every cluster of a lineup from scratch and lists every rule it
/// breaks; unlike [`verify`] it scores broken lineups too.
///
/// ```
/// # use lineup::{Problem, Settings, SolveOptions, solve};
/// # let towns = ["Flensburg", "Weimar", "Stralsund", "Görlitz", "Passau", "Hameln", "Gotha"]
/// #     .map(|n| lineup::register::register().find(n, None).unwrap().municipality());
/// # let problem = Problem::new(towns.to_vec(), Settings::default())?;
/// let mut lineup = solve(&problem, &SolveOptions::default())?.lineup;
/// let moved = lineup.clusters[0].members.pop().unwrap();
/// lineup.clusters.push(lineup::Cluster { id: "by hand".into(), members: vec![moved] });
/// let a = lineup::assess(&problem, &lineup);
/// assert!(!a.valid);
/// assert_eq!(a.clusters.len(), 2);
/// assert!(a.breaches.iter().any(|b| b.message.contains("outside 6..7")));
/// assert!(a.clusters[0].metrics.criteria.is_empty()); // tallies of the planner's criteria, if any
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn assess(problem: &Problem, lineup: &Lineup) -> Assessment {
    let n = problem.municipalities().len();
    let mut total = Score::default();
    let clusters = lineup
        .clusters
        .iter()
        .map(|c| {
            let members: Vec<usize> = c.members.iter().copied().filter(|&m| m < n).collect();
            let m = score_members(problem, &members);
            total = total.plus(&m.score);
            // The planner's criteria per cluster, as in a solve's report.
            let mut metrics = ClusterMetricsReport::from(&m);
            metrics.criteria = tallies(problem, &members);
            ClusterAssessment {
                id: c.id.clone(),
                size_class: class_label(problem, &m),
                metrics,
            }
        })
        .collect();
    let breaches: Vec<Breach> = match verify(problem, lineup) {
        Ok(_) => Vec::new(),
        Err(v) => v
            .into_iter()
            .map(|v| Breach {
                message: v.to_string(),
                violation: v,
            })
            .collect(),
    };
    Assessment {
        valid: breaches.is_empty(),
        objective: ObjectiveReport::from(&total),
        clusters,
        breaches,
    }
}
