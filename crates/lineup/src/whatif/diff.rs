//! What changed between a baseline and a new lineup: who joined where, who
//! moved from where to where, who left, which clusters opened and closed,
//! and the objective before and after.

use serde::{Deserialize, Serialize};

use crate::lineup::Lineup;
use crate::messages::note::Note;
use crate::municipality::Municipality;
use crate::report::ObjectiveReport;
use crate::settings::Settings;
use crate::size_class::ClassId;
use crate::solve::Status;
use crate::verify::score_list;

use super::baseline::Baseline;
use super::price::StabilityCost;

/// A municipality that joined (not in the baseline).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Joined {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The cluster it joined.
    pub to: String,
}

/// A baseline member placed in another cluster than before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its baseline cluster.
    pub from: String,
    /// Its new cluster.
    pub to: String,
}

/// A baseline member that is not in the current list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Left {
    /// Its id.
    pub id: String,
    /// Its name, if the baseline recorded it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its baseline cluster.
    pub from: String,
}

/// The changes from a baseline to a new lineup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    /// Municipalities new in the list, with their cluster.
    pub joined: Vec<Joined>,
    /// Baseline members in another cluster now.
    pub moved: Vec<Moved>,
    /// Baseline members no longer in the list.
    pub left: Vec<Left>,
    /// Clusters that are new.
    pub opened: Vec<String>,
    /// Baseline clusters that no longer exist.
    pub closed: Vec<String>,
    /// The baseline's objective under the current settings (`None` when the
    /// baseline lacks the data of members who left; a `solve` report has it;
    /// and `None` with criteria of the planner's own, whose values the
    /// baseline's members need not carry: no objective without them).
    pub objective_before: Option<ObjectiveReport>,
    /// The new lineup's objective.
    pub objective_after: ObjectiveReport,
    /// The objective of the best lineup found without stability (every
    /// member free to move): the difference is what stability costs.
    pub objective_free: Option<ObjectiveReport>,
    /// Whether that lineup is proven optimal (`optimal`) or not.
    pub free_status: Option<Status>,
    /// Fewest moves any lineup needs (a closed-form lower bound).
    pub moves_lower_bound: usize,
    /// Whether the number of moves is proven minimal (it meets the bound).
    pub moves_proven_minimal: bool,
    /// Clusters that leavers left too small, and how they were repaired
    /// (typed: worded by the catalogue in either language).
    pub notes: Vec<Note>,
    /// What keeping members in place costs, when it makes the objective
    /// clearly worse than the lineup without stability (a penalty
    /// [`COSTLY_PENALTY`](super::COSTLY_PENALTY) higher, or a tenth of the
    /// spread lost): other stability settings solved, and the one that
    /// wins back most of the loss with the fewest moves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stability_cost: Option<StabilityCost>,
}

impl Diff {
    /// Number of baseline members that moved.
    pub fn moves(&self) -> usize {
        self.moved.len()
    }
}

/// Compares the new lineup (over `municipalities`) with the baseline.
pub(crate) fn diff(
    municipalities: &[Municipality],
    settings: &Settings,
    baseline: &Baseline,
    lineup: &Lineup,
    objective_after: ObjectiveReport,
) -> Diff {
    let by_id = baseline.cluster_of();
    let mut joined = Vec::new();
    let mut moved = Vec::new();
    for cl in &lineup.clusters {
        for &i in &cl.members {
            let m = &municipalities[i];
            match by_id.get(m.id.as_str()) {
                None => joined.push(Joined {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    to: cl.id.clone(),
                }),
                Some(&c) if baseline.clusters[c].id != cl.id => moved.push(Moved {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    from: baseline.clusters[c].id.clone(),
                    to: cl.id.clone(),
                }),
                Some(_) => {}
            }
        }
    }
    let current: std::collections::HashMap<&str, usize> = municipalities
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut left = Vec::new();
    for c in &baseline.clusters {
        for m in &c.members {
            if !current.contains_key(m.id.as_str()) {
                left.push(Left {
                    id: m.id.clone(),
                    name: m.municipality.as_ref().map(|x| x.name.clone()),
                    from: c.id.clone(),
                });
            }
        }
    }
    let opened = lineup
        .clusters
        .iter()
        .filter(|c| !baseline.clusters.iter().any(|b| b.id == c.id))
        .map(|c| c.id.clone())
        .collect();
    let closed = baseline
        .clusters
        .iter()
        .filter(|b| !lineup.clusters.iter().any(|c| c.id == b.id))
        .map(|b| b.id.clone())
        .collect();
    let size = settings.cluster_size();
    let mut notes = Vec::new();
    for b in &baseline.clusters {
        let stay: Vec<usize> = b
            .members
            .iter()
            .filter_map(|m| current.get(m.id.as_str()).copied())
            .collect();
        let gone = b.members.len() - stay.len();
        if gone == 0 || stay.len() >= size.min {
            continue;
        }
        let mut args = vec![
            ("cluster", b.id.clone()),
            ("remaining", stay.len().to_string()),
            ("gone", gone.to_string()),
            ("min", size.min.to_string()),
            ("max", size.max.to_string()),
        ];
        let key = match lineup.clusters.iter().find(|c| c.id == b.id) {
            Some(c) => {
                args.push(("members", c.members.len().to_string()));
                "whatif.note.kept"
            }
            None if stay.is_empty() => "whatif.note.closed",
            None => "whatif.note.closed_moved",
        };
        notes.push(Note::new(key, &args));
    }
    Diff {
        joined,
        moved,
        left,
        opened,
        closed,
        objective_before: objective_before(municipalities, settings, baseline),
        objective_after,
        objective_free: None,
        free_status: None,
        moves_lower_bound: 0,
        moves_proven_minimal: false,
        notes,
        stability_cost: None,
    }
}

/// The baseline's score under the current settings, from the data the
/// baseline recorded (or, for members still listed, the current data).
fn objective_before(
    municipalities: &[Municipality],
    settings: &Settings,
    baseline: &Baseline,
) -> Option<ObjectiveReport> {
    if !settings.criteria().is_empty() {
        return None;
    }
    let current: std::collections::HashMap<&str, &Municipality> =
        municipalities.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut total = crate::objective::Score::default();
    for c in &baseline.clusters {
        let list = c
            .members
            .iter()
            .map(|m| {
                let data = m
                    .municipality
                    .as_ref()
                    .or_else(|| current.get(m.id.as_str()).copied())?;
                let class = settings.classes().class_of(data).unwrap_or(ClassId(u8::MAX));
                Some((data, class))
            })
            .collect::<Option<Vec<_>>>()?;
        total = total.plus(&score_list(&list, &settings.weights()).score);
    }
    Some(ObjectiveReport::from(&total))
}
