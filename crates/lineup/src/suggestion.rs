//! Changes that would make an impossible request work, as values.
//!
//! The library never speaks in command-line flags: an explanation carries
//! typed [`Suggestion`]s, and each front end renders them its own way — the
//! command line as flags (`--cluster-size 4..7`), a web page as buttons that
//! change the setting. [`Display`](std::fmt::Display) gives plain English
//! for everyone else.
//!
//! ```
//! use lineup::{Comparability, Suggestion};
//!
//! let s = Suggestion::Comparability(Comparability::Adjacent);
//! assert_eq!(s.to_string(), "adjacent comparability");
//! assert_eq!(
//!     serde_json::to_string(&Suggestion::ClusterSize { min: 4, max: 7 })?,
//!     r#"{"kind":"cluster_size","value":{"min":4,"max":7}}"#
//! );
//! assert!(Suggestion::MaxPerLand(2).is_setting());
//! assert!(!Suggestion::Unpin.is_setting());
//! # Ok::<_, serde_json::Error>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::settings::{ClusterCount, Comparability};

/// One change to the request. Variants that change a setting carry the new
/// value, so that a front end can apply it as it is ([`is_setting`](Self::is_setting));
/// the others ask for an edit of the data (pins, links, members).
///
/// Serialised as `{"kind": "max_per_land", "value": 2}` (`value` absent for
/// changes without one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Suggestion {
    /// Use this comparability rule (`Adjacent`: neighbouring size classes
    /// may share a cluster).
    Comparability(Comparability),
    /// Use these cluster size bounds.
    ClusterSize {
        /// Fewest members per cluster.
        min: usize,
        /// Most members per cluster.
        max: usize,
    },
    /// Wider cluster size bounds (no single range is known to work).
    WiderClusterSize,
    /// Allow this many members from one Land per cluster.
    MaxPerLand(usize),
    /// Allow more members from one Land per cluster (no single number is
    /// known to work).
    RaiseMaxPerLand,
    /// Use this number of clusters (`Auto`, a total, or per size class).
    Clusters(ClusterCount),
    /// A total number of clusters between these two (inclusive).
    ClustersBetween {
        /// Fewest clusters that work.
        min: usize,
        /// Most clusters that work.
        max: usize,
    },
    /// More clusters.
    MoreClusters,
    /// Allow at least this many moved baseline members (what-if).
    MaxMoves(usize),
    /// Drop the cap on moved baseline members (what-if).
    NoMaxMoves,
    /// Give the solver more time.
    MoreTime,
    /// Pin the members concerned to different clusters.
    PinApart,
    /// Pin fewer distinct clusters.
    PinFewerClusters,
    /// Unpin some of the pinned members.
    Unpin,
    /// Remove a must-link or cannot-link.
    RemoveLink,
    /// Remove a link or a pin.
    RemoveLinkOrPin,
    /// Add or remove municipalities of the size class concerned.
    ChangeClassMembers,
    /// Make the hard `alike` criterion on these attributes soft.
    SoftCriterion(String),
    /// Use this size class scheme (`kfa`: the programme's three classes),
    /// checked to make the request feasible.
    Classes(String),
    /// Use this quota instead (count 0 for `at_least`: drop it).
    Quota {
        /// A lower bound (`at_least`) rather than an upper one.
        at_least: bool,
        /// The attribute.
        attribute: String,
        /// The value counted (`*` for each).
        value: String,
        /// The new count.
        count: usize,
    },
}

impl Suggestion {
    /// Whether the suggestion changes a setting (and carries its new
    /// value), rather than asking for an edit of the data.
    pub fn is_setting(&self) -> bool {
        matches!(
            self,
            Suggestion::Comparability(_)
                | Suggestion::ClusterSize { .. }
                | Suggestion::WiderClusterSize
                | Suggestion::MaxPerLand(_)
                | Suggestion::RaiseMaxPerLand
                | Suggestion::Clusters(_)
                | Suggestion::ClustersBetween { .. }
                | Suggestion::MoreClusters
                | Suggestion::MaxMoves(_)
                | Suggestion::NoMaxMoves
                | Suggestion::MoreTime
                | Suggestion::SoftCriterion(_)
                | Suggestion::Classes(_)
                | Suggestion::Quota { .. }
        )
    }
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Suggestion::Comparability(c) => write!(f, "{c} comparability"),
            Suggestion::ClusterSize { min, max } => write!(f, "clusters of {min}..{max}"),
            Suggestion::WiderClusterSize => f.write_str("wider cluster size bounds"),
            Suggestion::MaxPerLand(n) => write!(f, "at most {n} per Land and cluster"),
            Suggestion::RaiseMaxPerLand => f.write_str("a higher cap per Land"),
            Suggestion::Clusters(ClusterCount::Auto) => f.write_str("the fewest clusters that fit"),
            Suggestion::Clusters(ClusterCount::Total(n)) => write!(f, "{n} clusters"),
            Suggestion::Clusters(ClusterCount::PerClass(list)) => {
                let parts: Vec<String> = list.iter().map(|(c, n)| format!("{n} clusters of {c}")).collect();
                f.write_str(&parts.join(", "))
            }
            Suggestion::ClustersBetween { min, max } => write!(f, "between {min} and {max} clusters"),
            Suggestion::MoreClusters => f.write_str("more clusters"),
            Suggestion::MaxMoves(n) => write!(f, "allowing {n} or more moves"),
            Suggestion::NoMaxMoves => f.write_str("no cap on moves"),
            Suggestion::MoreTime => f.write_str("a longer time limit"),
            Suggestion::PinApart => f.write_str("pinning them to different clusters"),
            Suggestion::PinFewerClusters => f.write_str("pinning fewer distinct clusters"),
            Suggestion::Unpin => f.write_str("unpinning some"),
            Suggestion::RemoveLink => f.write_str("removing a link"),
            Suggestion::RemoveLinkOrPin => f.write_str("removing a link or a pin"),
            Suggestion::ChangeClassMembers => f.write_str("adding or removing municipalities of that class"),
            Suggestion::SoftCriterion(a) => write!(f, "alike {a} as a soft criterion"),
            Suggestion::Classes(c) => write!(f, "the size classes {c}"),
            Suggestion::Quota {
                at_least: true,
                attribute,
                value,
                count: 0,
            } => write!(f, "no quota on {attribute}={value}"),
            Suggestion::Quota {
                at_least,
                attribute,
                value,
                count,
            } => write!(
                f,
                "at {} {count} with {attribute}={value} per cluster",
                if *at_least { "least" } else { "most" }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_for_a_front_end() {
        let all = [
            Suggestion::Comparability(Comparability::Adjacent),
            Suggestion::Clusters(ClusterCount::Auto),
            Suggestion::Clusters(ClusterCount::PerClass(vec![("Großstadt".into(), 2)])),
            Suggestion::MaxMoves(3),
            Suggestion::Unpin,
        ];
        for s in all {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<Suggestion>(&json).unwrap(), s, "{json}");
        }
        assert_eq!(
            serde_json::to_string(&Suggestion::Unpin).unwrap(),
            r#"{"kind":"unpin"}"#
        );
        assert_eq!(
            serde_json::to_string(&Suggestion::MaxPerLand(2)).unwrap(),
            r#"{"kind":"max_per_land","value":2}"#
        );
    }
}
