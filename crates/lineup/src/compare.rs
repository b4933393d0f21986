//! How a lineup differs from a reference lineup of the same municipalities
//! (`lineup evaluate --against OTHER`): who moved, and the change of each
//! objective term.

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use serde::{Deserialize, Serialize};

use crate::problem::Problem;
use crate::report::ObjectiveReport;
use crate::solve::Solution;
use crate::whatif::Moved;

/// One objective term before (the reference) and after (this lineup).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermChange {
    /// The term's catalogue key (`term.penalty`, `term.same_state_pairs`, …).
    pub term: String,
    /// Its value in the reference lineup.
    pub before: f64,
    /// Its value in this lineup.
    pub after: f64,
}

/// The difference between a lineup and a reference lineup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Members outside the cluster matched to their reference cluster
    /// (clusters are matched to share the most members, so ids do not
    /// matter); `from` is the reference's cluster id, `to` this lineup's.
    pub moved: Vec<Moved>,
    /// Per objective term: before and after.
    pub terms: Vec<TermChange>,
}

/// Compares `this` with `reference`, both lineups of `problem` (verified:
/// as [`evaluate`](crate::evaluate) returns them).
///
/// ```
/// use lineup::{Land, LatLon, Municipality, Problem, Settings, SolveOptions, compare, solve};
///
/// let towns: Vec<Municipality> = (0..12)
///     .map(|i| {
///         let at = LatLon { lat: 48.0 + i as f64 * 0.5, lon: 7.0 + i as f64 * 0.6 };
///         Municipality::new(format!("id{i}"), format!("Ort {i}"), Land::ALL[i % 6], 50_000, at)
///     })
///     .collect();
/// let problem = Problem::new(towns, Settings::default())?;
/// let s = solve(&problem, &SolveOptions::default())?;
/// let same = compare(&problem, &s, &s);
/// assert!(same.moved.is_empty());
/// assert!(same.terms.iter().all(|t| t.before == t.after));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn compare(problem: &Problem, this: &Solution, reference: &Solution) -> Comparison {
    let ms = problem.municipalities();
    let n = ms.len();
    let (a, b) = (&this.lineup, &reference.lineup);
    let k = a.clusters.len().max(b.clusters.len());
    let of_b = b.assignment(n);
    let mut overlap = Matrix::new(k.max(1), k.max(1), 0i64);
    for (i, c) in a.clusters.iter().enumerate() {
        for &m in &c.members {
            if let Some(j) = of_b.get(m).copied().flatten() {
                overlap[(i, j)] += 1;
            }
        }
    }
    // matched[i] = the reference cluster matched to this lineup's cluster i.
    let matched = if k == 0 {
        Vec::new()
    } else {
        kuhn_munkres(&overlap).1
    };
    let mut moved = Vec::new();
    for (i, c) in a.clusters.iter().enumerate() {
        for &m in &c.members {
            let Some(j) = of_b.get(m).copied().flatten() else {
                continue;
            };
            if matched.get(i) != Some(&j) {
                moved.push((
                    m,
                    Moved {
                        id: ms[m].id.clone(),
                        name: ms[m].name.clone(),
                        from: b.clusters[j].id.clone(),
                        to: c.id.clone(),
                    },
                ));
            }
        }
    }
    moved.sort_by_key(|(m, _)| *m);
    let (x, y) = (
        ObjectiveReport::from(&this.verified.score),
        ObjectiveReport::from(&reference.verified.score),
    );
    let term = |key: &str, before: f64, after: f64| TermChange {
        term: key.to_string(),
        before,
        after,
    };
    let mut terms = vec![
        term("term.penalty", y.penalty, x.penalty),
        term(
            "term.same_state_pairs",
            y.same_state_pairs as f64,
            x.same_state_pairs as f64,
        ),
        term(
            "term.mixed_class_pairs",
            y.mixed_class_pairs as f64,
            x.mixed_class_pairs as f64,
        ),
        term("term.spread", y.spread, x.spread),
        term(
            "term.non_bordering_pairs",
            y.non_bordering_pairs as f64,
            x.non_bordering_pairs as f64,
        ),
        term("term.distance_km", y.distance_km, x.distance_km),
    ];
    if x.criteria_penalty != 0.0 || y.criteria_penalty != 0.0 {
        terms.insert(
            1,
            term("term.criteria_penalty", y.criteria_penalty, x.criteria_penalty),
        );
    }
    Comparison {
        moved: moved.into_iter().map(|(_, m)| m).collect(),
        terms,
    }
}
