//! The checks that find out before solving that no lineup can exist (pins,
//! links, caps, sizes), each explained in words with typed suggestions.

use std::collections::HashMap;

use super::block::Block;
use super::infeasibility::Infeasibility;
use super::parts::Parts;
use crate::messages::note::Note;
use crate::settings::{ClusterSize, Comparability};
use crate::suggestion::Suggestion;

/// The most members of a class an explanation names.
pub(crate) const NAMED_MEMBERS: usize = 12;

/// Explains why classes of the given sizes cannot be cut into clusters of
/// `size`, with the smallest changes of the size bounds that would work for
/// all classes (`all` lists every class size).
/// `members` names the members of each bad class (listed up to
/// [`NAMED_MEMBERS`]).
pub(crate) fn size_infeasibility(
    bad: &[(String, usize)],
    members: &[Vec<String>],
    all: &[usize],
    size: ClusterSize,
    strict: bool,
) -> Infeasibility {
    let notes: Vec<Note> = bad
        .iter()
        .zip(members.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|((name, n), names)| {
            let k = n.div_ceil(size.max).max(1);
            let listed = match names {
                Some(list) if !list.is_empty() && list.len() <= NAMED_MEMBERS => {
                    format!(" ({})", list.join(", "))
                }
                _ => String::new(),
            };
            let common = [
                ("class", name.clone()),
                ("n", n.to_string()),
                ("min", size.min.to_string()),
                ("max", size.max.to_string()),
                ("members", listed),
            ];
            if *n < size.min {
                let key = if *n == 1 {
                    "infeasible.class_too_small.one"
                } else {
                    "infeasible.class_too_small"
                };
                Note::new(key, &common)
            } else {
                let key = if k - 1 == 1 {
                    "infeasible.class_unsplittable.one"
                } else {
                    "infeasible.class_unsplittable"
                };
                let counts = [
                    ("fewer", (k - 1).to_string()),
                    ("most", ((k - 1) * size.max).to_string()),
                    ("more", k.to_string()),
                    ("least", (k * size.min).to_string()),
                ];
                Note::new(key, &[&common[..], &counts[..]].concat())
            }
        })
        .collect();
    let mut suggestions = Vec::new();
    if strict {
        suggestions.push(Suggestion::Comparability(Comparability::Adjacent));
    }
    let nonzero: Vec<usize> = all.iter().copied().filter(|&n| n > 0).collect();
    // Smallest change of the lower bound that fits every class.
    let min_lo = nonzero
        .iter()
        .map(|&n| n / n.div_ceil(size.max))
        .min()
        .unwrap_or(size.min);
    if min_lo < size.min && min_lo >= 1 {
        suggestions.push(Suggestion::ClusterSize {
            min: min_lo,
            max: size.max,
        });
    }
    // Smallest change of the upper bound that fits every class.
    let max_hi = nonzero
        .iter()
        .map(|&n| {
            if n < size.min {
                usize::MAX
            } else {
                n.div_ceil(n / size.min)
            }
        })
        .max()
        .unwrap_or(size.max);
    if max_hi != usize::MAX && max_hi > size.max {
        suggestions.push(Suggestion::ClusterSize {
            min: size.min,
            max: max_hi,
        });
    }
    suggestions.push(Suggestion::ChangeClassMembers);
    Infeasibility::notes(notes, suggestions)
}

/// The catalogue key of a need of `lo..=hi` clusters: `KEY` (between),
/// `KEY.exact` or `KEY.one` (exactly one).
pub(crate) fn between_key(key: &str, lo: usize, hi: usize) -> String {
    match (lo, hi) {
        (1, 1) => format!("{key}.one"),
        (a, b) if a == b => format!("{key}.exact"),
        _ => key.to_string(),
    }
}

/// A note of an `infeasible.*` key with its arguments.
pub(crate) fn note(key: &str, args: &[(&str, String)]) -> Infeasibility {
    Infeasibility::noted(Note::new(key, args), Vec::new())
}

/// The arguments of a cluster size.
pub(crate) fn size_args(size: ClusterSize) -> [(&'static str, String); 2] {
    [("min", size.min.to_string()), ("max", size.max.to_string())]
}

/// Links that contradict each other, pins or caps, or join more members
/// than a cluster holds.
pub(crate) fn check_links(p: &Parts) -> Result<(), Infeasibility> {
    let size = p.settings.cluster_size();
    let ms = &p.municipalities;
    let comp = p.link_components();
    let name = |i: usize| &ms[i].name;
    for &(a, b) in &p.cannot_link {
        if comp[a] == comp[b] {
            let inf = if a == b {
                note("infeasible.cannot_link_self", &[("name", name(a).clone())])
            } else {
                note(
                    "infeasible.linked_and_apart",
                    &[("a", name(a).clone()), ("b", name(b).clone())],
                )
            };
            return Err(inf.with(vec![Suggestion::RemoveLink]));
        }
        let (pa, pb) = (&ms[a].cluster, &ms[b].cluster);
        if pa.is_some() && pa == pb {
            return Err(note(
                "infeasible.apart_but_pinned",
                &[
                    ("a", name(a).clone()),
                    ("b", name(b).clone()),
                    ("cluster", format!("{:?}", pa.as_deref().unwrap_or_default())),
                ],
            )
            .with(vec![Suggestion::RemoveLinkOrPin]));
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &c) in comp.iter().enumerate() {
        members.entry(c).or_default().push(i);
    }
    let mut groups: Vec<&Vec<usize>> = members.values().filter(|g| g.len() > 1).collect();
    groups.sort();
    let comparability = p.settings.comparability();
    for g in groups {
        let names: Vec<&str> = g.iter().map(|&i| ms[i].name.as_str()).collect();
        if g.len() > size.max {
            let args = [("n", g.len().to_string()), ("names", names.join(", "))];
            return Err(note(
                "infeasible.links_too_many",
                &[&args[..], &size_args(size)].concat(),
            )
            .with(vec![
                Suggestion::ClusterSize {
                    min: size.min,
                    max: g.len(),
                },
                Suggestion::RemoveLink,
            ]));
        }
        let classes: Vec<_> = g.iter().map(|&i| p.class_of[i]).collect();
        if !comparability.allows(&classes) {
            let mut suggestions = vec![Suggestion::RemoveLink];
            if comparability == Comparability::Strict {
                suggestions.insert(0, Suggestion::Comparability(Comparability::Adjacent));
            }
            let key = if comparability == Comparability::Strict {
                "infeasible.links_classes.strict"
            } else {
                "infeasible.links_classes.adjacent"
            };
            return Err(note(key, &[("names", names.join(", "))]).with(suggestions));
        }
        let mut pins: Vec<&str> = g.iter().filter_map(|&i| ms[i].cluster.as_deref()).collect();
        pins.sort();
        pins.dedup();
        if pins.len() > 1 {
            return Err(note(
                "infeasible.links_pins",
                &[("names", names.join(", ")), ("pins", pins.join(", "))],
            )
            .with(vec![Suggestion::RemoveLinkOrPin]));
        }
        if let Some((land, count, cap)) = p.over_cap(g) {
            return Err(note(
                "infeasible.links_cap",
                &[
                    ("count", count.to_string()),
                    ("land", land.to_string()),
                    ("cap", cap.to_string()),
                ],
            )
            .with(vec![Suggestion::MaxPerLand(count)]));
        }
    }
    Ok(())
}

/// Pinned groups larger than a cluster or over the cap per Land, and blocks
/// with more members of one Land than their clusters may hold.
pub(crate) fn check_pins_and_caps(p: &Parts, blocks: &[Block]) -> Result<(), Infeasibility> {
    let size = p.settings.cluster_size();
    let mut pinned: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, m) in p.municipalities.iter().enumerate() {
        if let Some(c) = &m.cluster {
            pinned.entry(c).or_default().push(i);
        }
    }
    let mut labels: Vec<&&str> = pinned.keys().collect();
    labels.sort();
    for label in labels {
        let g = &pinned[*label];
        if g.len() > size.max {
            let args = [("n", g.len().to_string()), ("cluster", format!("{label:?}"))];
            return Err(note(
                "infeasible.pinned_too_many",
                &[&args[..], &size_args(size)].concat(),
            )
            .with(vec![
                Suggestion::ClusterSize {
                    min: size.min,
                    max: g.len(),
                },
                Suggestion::Unpin,
            ]));
        }
        if let Some((land, count, cap)) = p.over_cap(g) {
            return Err(note(
                "infeasible.pinned_cap",
                &[
                    ("count", count.to_string()),
                    ("land", land.to_string()),
                    ("cluster", format!("{label:?}")),
                    ("cap", cap.to_string()),
                ],
            )
            .with(vec![Suggestion::MaxPerLand(count)]));
        }
    }
    if let Some(cap) = p.settings.max_per_land() {
        for b in blocks {
            let mut per = [0usize; 16];
            for &i in &b.members {
                per[p.municipalities[i].land.index()] += 1;
            }
            if let Some(l) = (0..16).find(|&l| per[l] > cap * b.clusters) {
                let need = per[l].div_ceil(b.clusters);
                let key = if b.clusters == 1 {
                    "infeasible.block_cap.one"
                } else {
                    "infeasible.block_cap"
                };
                return Err(note(
                    key,
                    &[
                        ("land", crate::land::Land::ALL[l].to_string()),
                        ("count", per[l].to_string()),
                        ("block", b.name.clone()),
                        ("clusters", b.clusters.to_string()),
                        ("cap", cap.to_string()),
                        ("fit", (cap * b.clusters).to_string()),
                    ],
                )
                .with(vec![Suggestion::MaxPerLand(need), Suggestion::MoreClusters]));
            }
        }
    }
    Ok(())
}
