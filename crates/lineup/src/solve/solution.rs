//! What a solve returns: the verified lineup, its status, bound and gap.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::lineup::Lineup;
use crate::messages::Lang;
use crate::messages::note::Note;
use crate::objective::{Lex, ObjectiveMode};
use crate::verify::Verified;

/// How good the answer is known to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Proven optimal (every block).
    Optimal,
    /// An exact method ran but stopped at the time or size limit; bound and gap are given.
    TimeLimit,
    /// Found by the heuristic only; bound and gap are from closed-form bounds.
    Heuristic,
    /// Stopped early on request ([`CancelToken`](crate::CancelToken)): the
    /// best verified lineup found so far, with a valid bound and gap.
    Interrupted,
    /// A lineup made elsewhere, verified and scored (`lineup evaluate`).
    Evaluated,
}

impl Status {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Optimal => "optimal",
            Status::TimeLimit => "time_limit",
            Status::Heuristic => "heuristic",
            Status::Interrupted => "interrupted",
            Status::Evaluated => "evaluated",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Bounds on the best possible lineup.
///
/// In lexicographic mode `penalty` is a lower bound on the least penalty and
/// `spread` an upper bound on the spread of any lineup with at most the
/// found penalty. In weighted mode `penalty` is 0 and `spread` bounds
/// `spread − penalty`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bound {
    /// Lower bound on the penalty.
    pub penalty: f64,
    /// Upper bound on the (level-2) value.
    pub spread: f64,
}

impl Bound {
    /// The bound as a maximised value.
    pub fn value(&self) -> Lex {
        Lex::new(-self.penalty, self.spread)
    }
}

/// Relative gap between a value and its bound, on the first level that is not
/// closed: `(bound − value) / |bound|` for level 2, `(penalty − lower) / penalty`
/// for level 1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// The relative gap (0 when proven optimal).
    pub value: f64,
    /// `penalty` or `spread`.
    pub level: GapLevel,
}

/// Which level a gap refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapLevel {
    /// Level 1: the penalty is not proven minimal.
    Penalty,
    /// Level 2: the spread (or weighted value).
    Spread,
}

impl Gap {
    /// The gap of a lineup's (penalty, level-2 value) against a bound.
    pub fn between(penalty: f64, second: f64, bound: &Bound, mode: ObjectiveMode) -> Gap {
        let tol = 1e-6;
        if mode == ObjectiveMode::Lexicographic && penalty > bound.penalty + tol {
            return Gap {
                value: (penalty - bound.penalty) / penalty.abs().max(tol),
                level: GapLevel::Penalty,
            };
        }
        let diff = (bound.spread - second).max(0.0);
        Gap {
            value: if diff <= tol * bound.spread.abs().max(1.0) {
                0.0
            } else {
                diff / bound.spread.abs().max(tol)
            },
            level: GapLevel::Spread,
        }
    }
}

/// How one block was solved.
///
/// In JSON its notes appear twice: `notes` in English words (as reports
/// always had them) and `typed_notes` (`{key, args, nested}`, for front ends
/// that word them in their language). A report without `typed_notes` (from
/// before they existed) reads its English notes as verbatim notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "BlockReportJson", from = "BlockReportJson")]
pub struct BlockReport {
    /// Block name (size class).
    pub name: String,
    /// Members.
    pub members: usize,
    /// Clusters formed.
    pub clusters: usize,
    /// Status of this block.
    pub status: Status,
    /// Penalty found.
    pub penalty: f64,
    /// Level-2 value found.
    pub spread: f64,
    /// Bound for this block.
    pub bound: Bound,
    /// Whether the block's level 1 is proven optimal.
    pub penalty_proven: bool,
    /// What the solvers did: catalogue notes (`solver.*`), worded by the
    /// front ends with [`Note::text`].
    pub notes: Vec<Note>,
}

/// [`BlockReport`]'s JSON form: the notes in English and typed.
#[derive(Serialize, Deserialize)]
struct BlockReportJson {
    name: String,
    members: usize,
    clusters: usize,
    status: Status,
    penalty: f64,
    spread: f64,
    bound: Bound,
    penalty_proven: bool,
    notes: Vec<String>,
    #[serde(default)]
    typed_notes: Vec<Note>,
}

impl From<BlockReport> for BlockReportJson {
    fn from(b: BlockReport) -> Self {
        BlockReportJson {
            name: b.name,
            members: b.members,
            clusters: b.clusters,
            status: b.status,
            penalty: b.penalty,
            spread: b.spread,
            bound: b.bound,
            penalty_proven: b.penalty_proven,
            notes: b.notes.iter().map(|n| n.text(Lang::En)).collect(),
            typed_notes: b.notes,
        }
    }
}

impl From<BlockReportJson> for BlockReport {
    fn from(j: BlockReportJson) -> Self {
        let notes = if j.typed_notes.len() == j.notes.len() {
            j.typed_notes
        } else {
            j.notes.into_iter().map(Note::verbatim).collect()
        };
        BlockReport {
            name: j.name,
            members: j.members,
            clusters: j.clusters,
            status: j.status,
            penalty: j.penalty,
            spread: j.spread,
            bound: j.bound,
            penalty_proven: j.penalty_proven,
            notes,
        }
    }
}

/// A solved problem: the lineup (verified), status, bound and gap.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// The lineup.
    pub lineup: Lineup,
    /// Verifier result: score and per-cluster metrics.
    pub verified: Verified,
    /// Overall status (the weakest of the blocks).
    pub status: Status,
    /// Bound over all blocks.
    pub bound: Bound,
    /// Gap to the bound.
    pub gap: Gap,
    /// Per block.
    pub blocks: Vec<BlockReport>,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// Whether the wall-clock limit cut a search short (the result may then
    /// differ between runs with the same seed).
    pub cut_by_time: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(notes: Vec<Note>) -> BlockReport {
        BlockReport {
            name: "Großstadt".into(),
            members: 12,
            clusters: 2,
            status: Status::Optimal,
            penalty: 1.0,
            spread: 20.5,
            bound: Bound {
                penalty: 1.0,
                spread: 20.5,
            },
            penalty_proven: true,
            notes,
        }
    }

    #[test]
    fn notes_are_written_in_english_and_typed_and_read_back_either_way() {
        let inner = Note::new(
            "solver.lp_met",
            &[
                ("rounds", "3".into()),
                ("exact", "1".into()),
                ("columns", "40".into()),
            ],
        );
        let b = block(vec![Note::new("solver.level2", &[]).with("note", inner)]);
        let json = serde_json::to_value(&b).unwrap();
        assert_eq!(
            json["notes"],
            serde_json::json!(["level 2: LP bound met after 3 rounds (1 with exact pricing), 40 columns"])
        );
        assert_eq!(json["typed_notes"][0]["key"], "solver.level2");
        assert_eq!(json["typed_notes"][0]["nested"]["note"]["key"], "solver.lp_met");
        assert_eq!(serde_json::from_value::<BlockReport>(json.clone()).unwrap(), b);
        // A report from before typed notes: its words kept as they are.
        let mut old = json;
        old.as_object_mut().unwrap().remove("typed_notes");
        let read: BlockReport = serde_json::from_value(old).unwrap();
        assert_eq!(read.notes[0].key, crate::messages::note::VERBATIM);
        assert_eq!(read.notes[0].text(Lang::De), b.notes[0].text(Lang::En));
    }
}
