//! A hard rule that forbids a move or a swap, as a typed value: the page
//! and the command line render it through the message catalogue
//! (`blocker.*` keys, English and German) with its fields as placeholders.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::messages::{Lang, fill, text};

/// Why a move or swap is not allowed.
///
/// ```
/// use lineup::Blocker;
/// use lineup::messages::Lang;
/// let b = Blocker::SizeTooSmall { cluster: "Großstadt-1".into(), size: 5, min: 6 };
/// assert_eq!(b.to_string(), "size: Großstadt-1 would have 5 members, fewer than 6");
/// assert_eq!(b.text(Lang::De), "Größe: Großstadt-1 hätte 5 Mitglieder, weniger als 6");
/// assert_eq!(b.key(), "blocker.size_too_small");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Blocker {
    /// The cluster left would have too few members.
    SizeTooSmall {
        /// The cluster.
        cluster: String,
        /// Its size after the move.
        size: usize,
        /// The smallest size allowed.
        min: usize,
    },
    /// The cluster joined would have too many members.
    SizeTooLarge {
        /// The cluster.
        cluster: String,
        /// Its size after the move.
        size: usize,
        /// The largest size allowed.
        max: usize,
    },
    /// The municipality is pinned to its cluster.
    Pin {
        /// The municipality's name.
        name: String,
        /// The cluster it is pinned to.
        cluster: String,
    },
    /// A must-link partner stays behind.
    MustLink {
        /// The municipality's name.
        name: String,
        /// The partner's name.
        partner: String,
        /// The cluster both are in.
        cluster: String,
    },
    /// A cannot-link partner is in the cluster joined.
    CannotLink {
        /// The municipality's name.
        name: String,
        /// The other municipality's name.
        other: String,
        /// The cluster joined.
        cluster: String,
    },
    /// The cluster would mix size classes that may not be mixed.
    ClassMix {
        /// The cluster.
        cluster: String,
        /// The size classes it would hold.
        classes: Vec<String>,
        /// The comparability rule (`strict`, `adjacent`).
        comparability: String,
    },
    /// A hard `alike` criterion: the members of the cluster have another value.
    Alike {
        /// The criterion (`alike Erfahrung`).
        criterion: String,
        /// The municipality's name.
        name: String,
        /// Its value.
        value: String,
        /// A member of the cluster joined with another value.
        other: String,
        /// The cluster joined.
        cluster: String,
        /// That member's value.
        other_value: String,
    },
    /// The cap of members per Land.
    LandCap {
        /// The cluster joined.
        cluster: String,
        /// Members from that Land after the move.
        count: usize,
        /// The Land.
        land: String,
        /// The cap.
        cap: usize,
    },
    /// A quota (`--at-least` / `--at-most`) the cluster would no longer meet.
    Quota {
        /// The criterion (`at-least Erfahrung=ja:1`).
        criterion: String,
        /// The cluster left (`at-least`) or joined (`at-most`).
        cluster: String,
        /// Its members with the value after the move.
        count: usize,
        /// The value counted (`Erfahrung=ja`).
        value: String,
        /// The quota's count.
        quota: usize,
        /// A lower bound (`at-least`) rather than an upper one.
        at_least: bool,
    },
}

impl Blocker {
    /// The catalogue key of its text.
    pub fn key(&self) -> &'static str {
        match self {
            Blocker::SizeTooSmall { .. } => "blocker.size_too_small",
            Blocker::SizeTooLarge { .. } => "blocker.size_too_large",
            Blocker::Pin { .. } => "blocker.pin",
            Blocker::MustLink { .. } => "blocker.must_link",
            Blocker::CannotLink { .. } => "blocker.cannot_link",
            Blocker::ClassMix { .. } => "blocker.class_mix",
            Blocker::Alike { .. } => "blocker.alike",
            Blocker::LandCap { .. } => "blocker.land_cap",
            Blocker::Quota { at_least: true, .. } => "criteria.blocker.at_least",
            Blocker::Quota { at_least: false, .. } => "criteria.blocker.at_most",
        }
    }

    /// The placeholders of its text.
    fn args(&self, lang: Lang) -> Vec<(&'static str, String)> {
        match self {
            Blocker::SizeTooSmall { cluster, size, min } => {
                vec![
                    ("cluster", cluster.clone()),
                    ("size", size.to_string()),
                    ("min", min.to_string()),
                ]
            }
            Blocker::SizeTooLarge { cluster, size, max } => {
                vec![
                    ("cluster", cluster.clone()),
                    ("size", size.to_string()),
                    ("max", max.to_string()),
                ]
            }
            Blocker::Pin { name, cluster } => vec![("name", name.clone()), ("cluster", cluster.clone())],
            Blocker::MustLink {
                name,
                partner,
                cluster,
            } => vec![
                ("name", name.clone()),
                ("partner", partner.clone()),
                ("cluster", cluster.clone()),
            ],
            Blocker::CannotLink { name, other, cluster } => vec![
                ("name", name.clone()),
                ("other", other.clone()),
                ("cluster", cluster.clone()),
            ],
            Blocker::ClassMix {
                cluster,
                classes,
                comparability,
            } => {
                let and = text("blocker.and", lang).unwrap_or(" and ");
                vec![
                    ("cluster", cluster.clone()),
                    ("classes", classes.join(and)),
                    ("comparability", comparability.clone()),
                ]
            }
            Blocker::Alike {
                criterion,
                name,
                value,
                other,
                cluster,
                other_value,
            } => vec![
                ("criterion", criterion.clone()),
                ("name", name.clone()),
                ("value", value.clone()),
                ("other", other.clone()),
                ("cluster", cluster.clone()),
                ("other_value", other_value.clone()),
            ],
            Blocker::LandCap {
                cluster,
                count,
                land,
                cap,
            } => vec![
                ("cluster", cluster.clone()),
                ("count", count.to_string()),
                ("land", land.clone()),
                ("cap", cap.to_string()),
            ],
            Blocker::Quota {
                criterion,
                cluster,
                count,
                value,
                quota,
                at_least: _,
            } => vec![
                ("criterion", criterion.clone()),
                ("cluster", cluster.clone()),
                ("count", count.to_string()),
                ("value", value.clone()),
                ("quota", quota.to_string()),
            ],
        }
    }

    /// The sentence in a language.
    pub fn text(&self, lang: Lang) -> String {
        let args = self.args(lang);
        let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(text(self.key(), lang).unwrap_or(self.key()), &pairs)
    }
}

/// The English sentence.
impl fmt::Display for Blocker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
