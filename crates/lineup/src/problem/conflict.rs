//! Why a request with the planner's own criteria cannot be met, typed: a
//! quota the members cannot fill, a hard `alike` whose groups fit no
//! clusters, a must-link across its values. Rendered in English or German
//! through the message catalogue (`messages/criteria.rs`); the English
//! text is the [`Infeasibility::reason`](crate::Infeasibility).

use crate::messages::{Lang, fill, text};
use crate::settings::ClusterSize;

/// A block of the problem as the texts name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockName {
    /// The block's name (its size class with strict comparability).
    pub name: String,
    /// Whether the block is a size class (`class Kleinstadt`).
    pub class: bool,
}

/// Why a request with criteria is impossible, with the numbers the
/// explanation names.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CriteriaConflict {
    /// `at_least` needs more members with the value than the block has.
    AtLeastShort {
        /// N of the quota.
        count: usize,
        /// `ATTRIBUTE=VALUE`.
        value: String,
        /// N × clusters.
        need: usize,
        /// The block.
        place: BlockName,
        /// Its number of clusters.
        clusters: usize,
        /// Members with the value.
        have: usize,
    },
    /// `at_most` allows fewer members with the value than the block has.
    AtMostOver {
        /// N of the quota.
        count: usize,
        /// `ATTRIBUTE=VALUE`.
        value: String,
        /// N × clusters.
        allowed: usize,
        /// The block.
        place: BlockName,
        /// Its number of clusters.
        clusters: usize,
        /// Members with the value.
        have: usize,
    },
    /// `at_most` leaves more places for members without the value than
    /// there are.
    AtMostOthers {
        /// N of the quota.
        count: usize,
        /// `ATTRIBUTE=VALUE`.
        value: String,
        /// The block.
        place: BlockName,
        /// Its number of clusters.
        clusters: usize,
        /// Places per cluster left for the others.
        places: usize,
        /// Places × clusters.
        need: usize,
        /// Members without the value.
        have: usize,
    },
    /// A hard `alike` splits a block into groups of which some fit no
    /// cluster size.
    AlikeSplit {
        /// The attributes (comma-separated when several).
        attribute: String,
        /// The block.
        place: BlockName,
        /// Every group: its value(s) and members.
        groups: Vec<(String, usize)>,
        /// The groups that fit no clusters.
        misfits: Vec<(String, usize)>,
        /// The cluster size.
        size: ClusterSize,
    },
    /// A hard `alike`'s groups form fewer or more clusters than the block
    /// is to form.
    AlikeClusters {
        /// The attributes.
        attribute: String,
        /// The block.
        place: BlockName,
        /// Every group: its value(s) and members.
        groups: Vec<(String, usize)>,
        /// Fewest clusters the groups form.
        least: usize,
        /// Most clusters the groups form.
        most: usize,
        /// The cluster size.
        size: ClusterSize,
        /// Clusters to be formed.
        clusters: usize,
    },
    /// A must-link between members with different values of a hard `alike`.
    MustLinkAcross {
        /// `name (id)` of the first.
        a: String,
        /// `name (id)` of the second.
        b: String,
        /// The first's name.
        name_a: String,
        /// The second's name.
        name_b: String,
        /// The attribute.
        attribute: String,
        /// The first's value.
        value_a: String,
        /// The second's value.
        value_b: String,
    },
}

fn t(key: &str, lang: Lang) -> &'static str {
    text(key, lang).unwrap_or_default()
}

/// "1 member" / "3 Mitglieder".
fn members(n: usize, lang: Lang) -> String {
    let key = if n == 1 {
        "criteria.member"
    } else {
        "criteria.members"
    };
    fill(t(key, lang), &[("n", &n.to_string())])
}

/// "class Kleinstadt" / "Klasse Kleinstadt", or the block's name.
fn place(p: &BlockName, lang: Lang) -> String {
    if p.class {
        fill(t("criteria.class", lang), &[("class", &p.name)])
    } else {
        p.name.clone()
    }
}

/// "5 (degurba=1), 9 (degurba=2) and 6 (degurba=3)".
/// With no attribute, the sizes only: "5, 9 and 6".
fn groups(list: &[(String, usize)], attribute: Option<&str>, lang: Lang) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|(v, n)| match attribute {
            Some(a) => format!("{n} ({a}={v})"),
            None => n.to_string(),
        })
        .collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), t("criteria.and", lang))
        }
        _ => items.join(""),
    }
}

impl CriteriaConflict {
    /// The explanation in a language (without the suggestions).
    ///
    /// ```
    /// use lineup::{CriteriaConflict, BlockName};
    /// use lineup::messages::Lang;
    /// let c = CriteriaConflict::AtLeastShort {
    ///     count: 1, value: "Erfahrung=ja".into(), need: 4,
    ///     place: BlockName { name: "Kleinstadt".into(), class: true }, clusters: 4, have: 3,
    /// };
    /// assert_eq!(
    ///     c.message(Lang::De),
    ///     "mindestens 1 Mitglied mit Erfahrung=ja je Cluster braucht 4 in Klasse Kleinstadt (4 Cluster), die Liste hat 3: fügen Sie eines hinzu, senken Sie die Quote oder bilden Sie weniger Cluster"
    /// );
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        use CriteriaConflict::*;
        let s = |n: &usize| n.to_string();
        match self {
            AtLeastShort {
                count,
                value,
                need,
                place: p,
                clusters,
                have,
            } => {
                let short = need.saturating_sub(*have);
                let missing = if short == 1 {
                    t("criteria.one", lang).to_string()
                } else {
                    short.to_string()
                };
                fill(
                    t("criteria.at_least_short", lang),
                    &[
                        ("count", &members(*count, lang)),
                        ("value", value),
                        ("need", &s(need)),
                        ("block", &place(p, lang)),
                        ("clusters", &s(clusters)),
                        ("have", &s(have)),
                        ("missing", &missing),
                    ],
                )
            }
            AtMostOver {
                count,
                value,
                allowed,
                place: p,
                clusters,
                have,
            } => fill(
                t("criteria.at_most_over", lang),
                &[
                    ("count", &members(*count, lang)),
                    ("value", value),
                    ("allowed", &s(allowed)),
                    ("block", &place(p, lang)),
                    ("clusters", &s(clusters)),
                    ("have", &s(have)),
                ],
            ),
            AtMostOthers {
                count,
                value,
                place: p,
                clusters,
                places,
                need,
                have,
            } => fill(
                t("criteria.at_most_others", lang),
                &[
                    ("count", &members(*count, lang)),
                    ("value", value),
                    ("block", &place(p, lang)),
                    ("clusters", &s(clusters)),
                    ("places", &members(*places, lang)),
                    ("need", &s(need)),
                    ("have", &s(have)),
                ],
            ),
            AlikeSplit {
                attribute,
                place: p,
                groups: g,
                misfits,
                size,
            } => fill(
                t("criteria.alike_split", lang),
                &[
                    ("attribute", attribute),
                    ("block", &place(p, lang)),
                    ("groups", &groups(g, Some(attribute), lang)),
                    ("misfits", &groups(misfits, None, lang)),
                    ("size", &size.to_string()),
                ],
            ),
            AlikeClusters {
                attribute,
                place: p,
                groups: g,
                least,
                most,
                size,
                clusters,
            } => fill(
                t("criteria.alike_clusters", lang),
                &[
                    ("attribute", attribute),
                    ("block", &place(p, lang)),
                    ("groups", &groups(g, Some(attribute), lang)),
                    ("least", &s(least)),
                    ("most", &s(most)),
                    ("size", &size.to_string()),
                    ("clusters", &s(clusters)),
                ],
            ),
            MustLinkAcross {
                a,
                b,
                name_a,
                name_b,
                attribute,
                value_a,
                value_b,
            } => fill(
                t("criteria.must_link_across", lang),
                &[
                    ("a", a),
                    ("b", b),
                    ("name_a", name_a),
                    ("name_b", name_b),
                    ("attribute", attribute),
                    ("value_a", value_a),
                    ("value_b", value_b),
                ],
            ),
        }
    }
}
