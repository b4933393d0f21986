//! The checks that find out before solving that no lineup can exist (pins,
//! links, caps, sizes), each explained in words with typed suggestions.

use std::collections::HashMap;

use super::block::Block;
use super::infeasibility::Infeasibility;
use super::parts::Parts;
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
    let reason = bad
        .iter()
        .zip(members.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|((name, n), names)| {
            let k = n.div_ceil(size.max).max(1);
            let text = if *n < size.min {
                format!("class {name} has {n} members, fewer than the {} a cluster needs", size.min)
            } else {
                format!(
                    "class {name} has {n} members, which do not fit clusters of {size}: {} cluster(s) hold at most {}, {} clusters need at least {}",
                    k - 1,
                    (k - 1) * size.max,
                    k,
                    k * size.min
                )
            };
            match names {
                Some(list) if !list.is_empty() && list.len() <= NAMED_MEMBERS => {
                    format!("{text} ({})", list.join(", "))
                }
                _ => text,
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
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
    Infeasibility::new(reason, suggestions)
}

/// "exactly 3 clusters", "1 cluster" or "between 2 and 4 clusters".
pub(crate) fn clusters_between(lo: usize, hi: usize) -> String {
    match (lo, hi) {
        (1, 1) => "exactly 1 cluster".into(),
        (a, b) if a == b => format!("exactly {a} clusters"),
        (a, b) => format!("between {a} and {b} clusters"),
    }
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
            let reason = if a == b {
                format!(
                    "{} cannot be kept apart from itself (cannot-link with itself)",
                    name(a)
                )
            } else {
                format!(
                    "{} and {} are both linked together (must-link) and kept apart (cannot-link)",
                    name(a),
                    name(b)
                )
            };
            return Err(Infeasibility::new(reason, vec![Suggestion::RemoveLink]));
        }
        let (pa, pb) = (&ms[a].cluster, &ms[b].cluster);
        if pa.is_some() && pa == pb {
            return Err(Infeasibility::new(
                format!(
                    "{} and {} must be apart (cannot-link) but are both pinned to cluster {:?}",
                    name(a),
                    name(b),
                    pa.as_deref().unwrap_or_default()
                ),
                vec![Suggestion::RemoveLinkOrPin],
            ));
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
            return Err(Infeasibility::new(
                format!(
                    "must-links join {} municipalities ({}), more than a cluster of {size} holds",
                    g.len(),
                    names.join(", ")
                ),
                vec![
                    Suggestion::ClusterSize {
                        min: size.min,
                        max: g.len(),
                    },
                    Suggestion::RemoveLink,
                ],
            ));
        }
        let classes: Vec<_> = g.iter().map(|&i| p.class_of[i]).collect();
        if !comparability.allows(&classes) {
            let mut suggestions = vec![Suggestion::RemoveLink];
            if comparability == Comparability::Strict {
                suggestions.insert(0, Suggestion::Comparability(Comparability::Adjacent));
            }
            return Err(Infeasibility::new(
                format!(
                    "must-links join {} from size classes that may not share a cluster ({comparability} comparability)",
                    names.join(", "),
                ),
                suggestions,
            ));
        }
        let mut pins: Vec<&str> = g.iter().filter_map(|&i| ms[i].cluster.as_deref()).collect();
        pins.sort();
        pins.dedup();
        if pins.len() > 1 {
            return Err(Infeasibility::new(
                format!(
                    "must-links join {} but they are pinned to different clusters ({})",
                    names.join(", "),
                    pins.join(", ")
                ),
                vec![Suggestion::RemoveLinkOrPin],
            ));
        }
        if let Some((land, count, cap)) = p.over_cap(g) {
            return Err(Infeasibility::new(
                format!("must-links join {count} members from {land}, but the cap per Land is {cap}"),
                vec![Suggestion::MaxPerLand(count)],
            ));
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
            return Err(Infeasibility::new(
                format!(
                    "{} municipalities are pinned to cluster {label:?}, more than a cluster of {size} holds",
                    g.len()
                ),
                vec![
                    Suggestion::ClusterSize {
                        min: size.min,
                        max: g.len(),
                    },
                    Suggestion::Unpin,
                ],
            ));
        }
        if let Some((land, count, cap)) = p.over_cap(g) {
            return Err(Infeasibility::new(
                format!(
                    "{count} members from {land} are pinned to cluster {label:?}, but the cap per Land is {cap}"
                ),
                vec![Suggestion::MaxPerLand(count)],
            ));
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
                return Err(Infeasibility::new(
                    format!(
                        "{} has {} members in {} ({} clusters), but at most {cap} per Land per cluster fit only {}",
                        crate::land::Land::ALL[l],
                        per[l],
                        b.name,
                        b.clusters,
                        cap * b.clusters
                    ),
                    vec![Suggestion::MaxPerLand(need), Suggestion::MoreClusters],
                ));
            }
        }
    }
    Ok(())
}
