//! Explanations a planner can defend a lineup with: per cluster its Länder,
//! bordering and same-Land pairs, distances and size range; per
//! municipality its share of the score, what moving it to each other
//! cluster (alone, or in exchange for one member there) would change, and
//! which hard rule forbids a move.
//!
//! Score changes are computed by re-scoring the changed clusters with the
//! verifier's scorer, so they equal re-scoring the whole moved lineup.
//!
//! * `blocker`: a rule that forbids a move or a swap, typed ([`Blocker`]).
//! * `blockers`: which rules forbid a given move or swap.
//! * `cluster`: the facts of one cluster.

mod blocker;
mod blockers;
mod cluster;
mod quota;

use serde::{Deserialize, Serialize};

use crate::lineup::Lineup;
use crate::objective::Score;
use crate::problem::Problem;
use crate::verify::{Violations, score_members, verify};

pub use blocker::Blocker;
use blockers::Placement;
pub use cluster::{ClusterExplanation, MemberPair, StateCount};

/// Why a lineup cannot be explained.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ExplainError {
    /// The lineup breaks rules (the verifier's list).
    #[error("{0}")]
    Broken(Violations),
    /// A municipality index that the problem does not have.
    #[error("there is no municipality number {index}: the problem has {count} (indices 0 to {count} - 1)")]
    UnknownIndex {
        /// The index asked for.
        index: usize,
        /// How many municipalities the problem has.
        count: usize,
    },
}

/// The change of the objective by a move, with the rules that forbid it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Change of the penalty (level 1; lower is better).
    pub delta_penalty: f64,
    /// Change of the spread (level 2; higher is better).
    pub delta_spread: f64,
    /// Whether the lineup would get better under the objective in use.
    pub improves: bool,
    /// Hard rules the change would break, in English (empty: allowed).
    pub blocked_by: Vec<String>,
    /// The same rules, typed (render with [`Blocker::text`] in a language).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blockers: Vec<Blocker>,
}

/// Exchanging a municipality with a member of another cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Swap {
    /// The other member's id.
    pub with: String,
    /// Its name.
    pub name: String,
    /// Its cluster.
    pub cluster: String,
    /// What the exchange changes.
    pub change: Change,
}

/// Moving a municipality to another cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MoveOption {
    /// The cluster.
    pub to: String,
    /// Moving alone.
    pub alone: Change,
    /// The best exchange with a member of that cluster (allowed ones first).
    pub best_swap: Option<Swap>,
}

/// Why a municipality is where it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityExplanation {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Land.
    pub state: String,
    /// Its cluster.
    pub cluster: String,
    /// Penalty of its pairs with the other members (what the cluster's
    /// penalty would lose without it).
    pub penalty_share: f64,
    /// Spread of its pairs with the other members.
    pub spread_share: f64,
    /// Members from the same Land.
    pub same_state_partners: Vec<String>,
    /// Members from a bordering Land (no non-bordering point).
    pub bordering_partners: Vec<String>,
    /// Nearest other member and the distance in km.
    pub nearest: Option<(String, f64)>,
    /// Each other cluster: moving there alone, and the best exchange there.
    pub moves: Vec<MoveOption>,
    /// The best exchange over all clusters (allowed ones first).
    pub best_swap: Option<Swap>,
    /// Clusters left out of `moves`, and why (English).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How many clusters of other size classes `moves` leaves out (the
    /// note's number: catalogue key `explain.note.other_classes`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub other_classes: usize,
}

/// Explanations of a lineup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// Per cluster, in lineup order.
    pub clusters: Vec<ClusterExplanation>,
    /// Per municipality asked for, in input order.
    pub municipalities: Vec<MunicipalityExplanation>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn delta(problem: &Problem, before: &[&[usize]], after: &[Vec<usize>], blockers: Vec<Blocker>) -> Change {
    let blocked_by = blockers.iter().map(ToString::to_string).collect();
    let sum = |sets: &mut dyn Iterator<Item = &[usize]>| {
        sets.fold(Score::default(), |acc, s| {
            acc.plus(&score_members(problem, s).score)
        })
    };
    let b = sum(&mut before.iter().copied());
    let a = sum(&mut after.iter().map(Vec::as_slice));
    let w = &problem.settings().weights();
    Change {
        delta_penalty: a.penalty - b.penalty,
        delta_spread: a.spread - b.spread,
        improves: (a.value(w) - b.value(w)).is_gain(),
        blocked_by,
        blockers,
    }
}

/// Whether `a` is a better change to offer than `b`: allowed before
/// blocked, then by the objective.
fn better(problem: &Problem, a: &Change, b: &Change) -> bool {
    let w = &problem.settings().weights();
    let v = |c: &Change| w.combine(c.delta_penalty, c.delta_spread);
    match (a.blocked_by.is_empty(), b.blocked_by.is_empty()) {
        (true, false) => true,
        (false, true) => false,
        _ => v(a).cmp_tol(&v(b)).is_gt(),
    }
}

/// Explains a lineup: every cluster, and the municipalities with the given
/// indices (all when `which` is `None`). The lineup must pass the verifier
/// ([`ExplainError::Broken`] otherwise), and every index must be one of the
/// problem's municipalities ([`ExplainError::UnknownIndex`]).
pub fn explain(
    problem: &Problem,
    lineup: &Lineup,
    which: Option<&[usize]>,
) -> Result<Explanation, ExplainError> {
    verify(problem, lineup).map_err(ExplainError::Broken)?;
    let count = problem.municipalities().len();
    if let Some(&index) = which.unwrap_or(&[]).iter().find(|&&i| i >= count) {
        return Err(ExplainError::UnknownIndex { index, count });
    }
    let place = Placement::new(problem, lineup);
    let ms = problem.municipalities();
    let clusters = lineup
        .clusters
        .iter()
        .map(|c| cluster::explain_cluster(problem, c))
        .collect();
    let all: Vec<usize> = (0..ms.len()).collect();
    let mut municipalities = Vec::new();
    for &i in which.unwrap_or(&all) {
        let home = place.at[i];
        let own = &lineup.clusters[home].members;
        let without: Vec<usize> = own.iter().copied().filter(|&m| m != i).collect();
        let share = score_members(problem, own).score;
        let rest = score_members(problem, &without).score;
        let g = crate::borders::borders();
        let mut moves = Vec::new();
        let mut best_swap: Option<Swap> = None;
        // With strict comparability only clusters of the same block can take it.
        let block = problem
            .blocks()
            .iter()
            .find(|b| b.members.binary_search(&i).is_ok());
        let same_block = |c: &crate::lineup::Cluster| {
            c.members
                .first()
                .is_none_or(|f| block.is_none_or(|b| b.members.binary_search(f).is_ok()))
        };
        let others = lineup.clusters.iter().filter(|c| !same_block(c)).count();
        let note = (others > 0).then(|| {
            crate::messages::fill(
                crate::messages::text(
                    if others == 1 {
                        "explain.note.other_classes.one"
                    } else {
                        "explain.note.other_classes"
                    },
                    crate::messages::Lang::En,
                )
                .unwrap_or_default(),
                &[("count", &others.to_string())],
            )
        });
        for (c, to) in lineup.clusters.iter().enumerate() {
            if c == home || !same_block(to) {
                continue;
            }
            let mut joined = to.members.clone();
            joined.push(i);
            let alone = delta(
                problem,
                &[own, &to.members],
                &[without.clone(), joined],
                place.move_blockers(i, c),
            );
            let mut best: Option<Swap> = None;
            for &j in &to.members {
                let mut a: Vec<usize> = without.clone();
                a.push(j);
                let b: Vec<usize> = to.members.iter().map(|&m| if m == j { i } else { m }).collect();
                let change = delta(problem, &[own, &to.members], &[a, b], place.swap_blockers(i, j));
                if best.as_ref().is_none_or(|s| better(problem, &change, &s.change)) {
                    best = Some(Swap {
                        with: ms[j].id.clone(),
                        name: ms[j].name.clone(),
                        cluster: to.id.clone(),
                        change,
                    });
                }
            }
            if let Some(s) = &best {
                if best_swap
                    .as_ref()
                    .is_none_or(|b| better(problem, &s.change, &b.change))
                {
                    best_swap = Some(s.clone());
                }
            }
            moves.push(MoveOption {
                to: to.id.clone(),
                alone,
                best_swap: best,
            });
        }
        let nearest = without
            .iter()
            .map(|&j| {
                (
                    ms[j].name.clone(),
                    crate::great_circle_km(ms[i].location, ms[j].location),
                )
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        municipalities.push(MunicipalityExplanation {
            id: ms[i].id.clone(),
            name: ms[i].name.clone(),
            state: ms[i].land.name().to_string(),
            cluster: lineup.clusters[home].id.clone(),
            penalty_share: share.penalty - rest.penalty,
            spread_share: share.spread - rest.spread,
            same_state_partners: without
                .iter()
                .filter(|&&j| ms[j].land == ms[i].land)
                .map(|&j| ms[j].name.clone())
                .collect(),
            bordering_partners: without
                .iter()
                .filter(|&&j| ms[j].land != ms[i].land && g.share_border(ms[i].land, ms[j].land))
                .map(|&j| ms[j].name.clone())
                .collect(),
            nearest,
            moves,
            best_swap,
            note,
            other_classes: others,
        });
    }
    Ok(Explanation {
        clusters,
        municipalities,
    })
}
