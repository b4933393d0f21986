//! Splitting a problem into blocks and fixing each block's number of
//! clusters: one block per size class (strict comparability), or one block
//! of all classes whose class make-up an integer program decides (adjacent).

use std::collections::HashMap;

use super::block::Block;
use super::error::ProblemError;
use super::feasibility::{between_key, note, size_args, size_infeasibility};
use super::parts::Parts;
use crate::composition::compose;
use crate::ilp::Backend;
use crate::settings::{ClusterCount, Comparability};
use crate::size_class::ClassId;
use crate::suggestion::Suggestion;

/// The blocks of a problem, each with its number of clusters (ids not yet named).
pub(crate) fn blocks(p: &Parts, backend: Backend) -> Result<Vec<Block>, ProblemError> {
    match p.settings.comparability() {
        Comparability::Strict => strict_blocks(p),
        Comparability::Adjacent => Ok(vec![adjacent_block(p, backend)?]),
    }
}

/// An impossible request: a catalogue note (`infeasible.*`) and what to change.
fn infeasible(key: &str, args: &[(&str, String)], suggestions: Vec<Suggestion>) -> ProblemError {
    ProblemError::Infeasible(note(key, args).with(suggestions))
}

/// Pins may not span classes under strict comparability.
fn check_pin_classes(p: &Parts, by: &[Vec<usize>], present: &[usize]) -> Result<(), ProblemError> {
    let ms = &p.municipalities;
    let mut pin_class: HashMap<&str, usize> = HashMap::new();
    for &c in present {
        for &i in &by[c] {
            let Some(pin) = &ms[i].cluster else { continue };
            match pin_class.get(pin.as_str()) {
                Some(&other) if other != c => {
                    let j = by[other]
                        .iter()
                        .copied()
                        .find(|&j| ms[j].cluster.as_deref() == Some(pin))
                        .unwrap_or(i);
                    return Err(infeasible(
                        "infeasible.pin_classes",
                        &[
                            ("cluster", format!("{pin:?}")),
                            ("a", ms[j].name.clone()),
                            ("class_a", p.class_name(ClassId(other as u8)).to_string()),
                            ("b", ms[i].name.clone()),
                            ("class_b", p.class_name(ClassId(c as u8)).to_string()),
                        ],
                        vec![
                            Suggestion::Comparability(Comparability::Adjacent),
                            Suggestion::PinApart,
                        ],
                    ));
                }
                Some(_) => {}
                None => {
                    pin_class.insert(pin, c);
                }
            }
        }
    }
    Ok(())
}

fn strict_blocks(p: &Parts) -> Result<Vec<Block>, ProblemError> {
    let size = p.settings.cluster_size();
    let by = p.members_by_class();
    let present: Vec<usize> = (0..by.len()).rev().filter(|&c| !by[c].is_empty()).collect();
    check_pin_classes(p, &by, &present)?;
    // Fewest clusters per class, raised to the number of pins.
    let mut min_k = Vec::new();
    let mut bad = Vec::new();
    for &c in &present {
        let n = by[c].len();
        let pins = p.pins_of(&by[c]).len();
        match size.fewest_clusters(n) {
            Some(k) if size.fits(n, k.max(pins)) => min_k.push(k.max(pins)),
            Some(_) => {
                let args = [
                    ("pins", pins.to_string()),
                    ("n", n.to_string()),
                    ("class", p.class_name(ClassId(c as u8)).to_string()),
                    ("most", (n / size.min).to_string()),
                ];
                return Err(infeasible(
                    "infeasible.pins_in_class",
                    &[&args[..], &size_args(size)].concat(),
                    vec![
                        Suggestion::PinFewerClusters,
                        Suggestion::ClusterSize {
                            min: (n / pins).max(1),
                            max: size.max,
                        },
                    ],
                ));
            }
            None => {
                bad.push(c);
                min_k.push(0);
            }
        }
    }
    if !bad.is_empty() {
        let counts: Vec<(String, usize)> = bad
            .iter()
            .map(|&c| (p.class_name(ClassId(c as u8)).to_string(), by[c].len()))
            .collect();
        let members: Vec<Vec<String>> = bad
            .iter()
            .map(|&c| {
                by[c]
                    .iter()
                    .map(|&i| format!("{} ({})", p.municipalities[i].name, p.municipalities[i].id))
                    .collect()
            })
            .collect();
        let all: Vec<usize> = present.iter().map(|&c| by[c].len()).collect();
        return Err(ProblemError::Infeasible(size_infeasibility(
            &counts, &members, &all, size, true,
        )));
    }
    let max_k: Vec<usize> = present.iter().map(|&c| by[c].len() / size.min).collect();
    let ks: Vec<usize> = match p.settings.clusters() {
        ClusterCount::Auto => min_k.clone(),
        ClusterCount::Total(t) => total_per_class(p, &by, &present, &min_k, &max_k, *t)?,
        ClusterCount::PerClass(list) => {
            let mut ks = min_k.clone();
            for (name, k) in list {
                let c = p
                    .settings
                    .classes()
                    .find(name)
                    .ok_or_else(|| ProblemError::UnknownClass {
                        name: name.clone(),
                        known: p.settings.classes().names(),
                    })?;
                let n = by[c.index()].len();
                let Some(j) = present.iter().position(|&q| q == c.index()) else {
                    if *k == 0 {
                        continue;
                    }
                    return Err(infeasible(
                        "infeasible.no_class",
                        &[("k", k.to_string()), ("class", name.clone())],
                        vec![
                            Suggestion::Clusters(ClusterCount::PerClass(vec![(name.clone(), 0)])),
                            Suggestion::Clusters(ClusterCount::Auto),
                        ],
                    ));
                };
                if !size.fits(n, *k) || *k < min_k[j].min(p.pins_of(&by[c.index()]).len()) {
                    let args = [
                        ("k", k.to_string()),
                        ("n", n.to_string()),
                        ("class", p.class_name(c).to_string()),
                        ("lo", min_k[j].to_string()),
                        ("hi", max_k[j].to_string()),
                    ];
                    return Err(infeasible(
                        &between_key("infeasible.count_cannot_hold", min_k[j], max_k[j]),
                        &[&args[..], &size_args(size)].concat(),
                        vec![Suggestion::Clusters(ClusterCount::PerClass(vec![(
                            name.clone(),
                            min_k[j],
                        )]))],
                    ));
                }
                ks[j] = *k;
            }
            ks
        }
    };
    Ok(present
        .iter()
        .zip(ks)
        .map(|(&c, k)| Block {
            name: p.class_name(ClassId(c as u8)).to_string(),
            classes: vec![ClassId(c as u8)],
            pins: p.pins_of(&by[c]),
            members: by[c].clone(),
            clusters: k,
            cluster_ids: Vec::new(),
            composition: None,
        })
        .collect())
}

/// A total of `t` clusters spread over the present classes: each gets its
/// fewest, and the rest go where the clusters are largest on average.
fn total_per_class(
    p: &Parts,
    by: &[Vec<usize>],
    present: &[usize],
    min_k: &[usize],
    max_k: &[usize],
    t: usize,
) -> Result<Vec<usize>, ProblemError> {
    let size = p.settings.cluster_size();
    let lo: usize = min_k.iter().sum();
    let hi: usize = max_k.iter().sum();
    if t < lo || t > hi {
        let ranges: Vec<String> = present
            .iter()
            .enumerate()
            .map(|(j, &c)| {
                let (a, b) = (min_k[j], max_k[j]);
                let class = p.class_name(ClassId(c as u8));
                if a == b {
                    format!("{class} {a}")
                } else {
                    format!("{class} {a}–{b}")
                }
            })
            .collect();
        let args = [
            ("total", t.to_string()),
            ("lo", lo.to_string()),
            ("hi", hi.to_string()),
            ("ranges", ranges.join(", ")),
        ];
        return Err(infeasible(
            &between_key("infeasible.total_count", lo, hi),
            &[&args[..], &size_args(size)].concat(),
            vec![
                if lo == hi {
                    Suggestion::Clusters(ClusterCount::Total(lo))
                } else {
                    Suggestion::ClustersBetween { min: lo, max: hi }
                },
                Suggestion::Clusters(ClusterCount::Auto),
            ],
        ));
    }
    let mut ks = min_k.to_vec();
    while ks.iter().sum::<usize>() < t {
        // Add a cluster where the clusters are largest on average (t <= hi,
        // so some class always has room).
        let Some(j) = (0..ks.len()).filter(|&j| ks[j] < max_k[j]).max_by(|&x, &y| {
            let nx = by[present[x]].len() as f64 / ks[x] as f64;
            let ny = by[present[y]].len() as f64 / ks[y] as f64;
            nx.total_cmp(&ny).then(y.cmp(&x))
        }) else {
            break;
        };
        ks[j] += 1;
    }
    Ok(ks)
}

fn adjacent_block(p: &Parts, backend: Backend) -> Result<Block, ProblemError> {
    let size = p.settings.cluster_size();
    let by = p.members_by_class();
    let counts: Vec<usize> = by.iter().map(Vec::len).collect();
    let members: Vec<usize> = (0..p.municipalities.len()).collect();
    let pins = p.pins_of(&members);
    // Pins may span at most two neighbouring classes.
    let mut span: HashMap<&str, Vec<ClassId>> = HashMap::new();
    for (i, m) in p.municipalities.iter().enumerate() {
        if let Some(pin) = &m.cluster {
            let classes = span.entry(pin).or_default();
            classes.push(p.class_of[i]);
            if !Comparability::Adjacent.allows(classes) {
                return Err(infeasible(
                    "infeasible.pin_classes_adjacent",
                    &[("cluster", format!("{pin:?}"))],
                    vec![Suggestion::PinApart],
                ));
            }
        }
    }
    let total = match p.settings.clusters() {
        ClusterCount::Auto => None,
        ClusterCount::Total(t) => Some(*t),
        ClusterCount::PerClass(_) => return Err(ProblemError::PerClassCountNeedsStrict),
    };
    let mut comp = compose(&counts, size, total, backend)?;
    if let Some(c) = &comp {
        if total.is_none() && c.clusters() < pins.len() {
            comp = compose(&counts, size, Some(pins.len()), backend)?;
        }
    }
    let Some(comp) = comp else {
        let suggested = size_infeasibility(&[], &[], &counts, size, false).suggestions;
        let present: Vec<String> = counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(c, n)| format!("{n} {}", p.class_name(ClassId(c as u8))))
            .collect();
        let present = ("present", present.join(", "));
        let mut inf = match total {
            Some(t) => note(
                "infeasible.adjacent_total",
                &[&[("total", t.to_string()), present][..], &size_args(size)].concat(),
            ),
            None => note(
                "infeasible.adjacent_split",
                &[&[present][..], &size_args(size)].concat(),
            ),
        }
        .with(suggested);
        if total.is_some() {
            inf.suggestions
                .insert(0, Suggestion::Clusters(ClusterCount::Auto));
        }
        return Err(ProblemError::Infeasible(inf));
    };
    if comp.clusters() < pins.len() {
        return Err(infeasible(
            "infeasible.pins_over_clusters",
            &[
                ("pins", pins.len().to_string()),
                ("clusters", comp.clusters().to_string()),
            ],
            vec![Suggestion::Clusters(ClusterCount::Total(pins.len()))],
        ));
    }
    Ok(Block {
        name: "all classes".into(),
        classes: (0..counts.len())
            .filter(|&c| counts[c] > 0)
            .map(|c| ClassId(c as u8))
            .collect(),
        members,
        clusters: comp.clusters(),
        pins,
        cluster_ids: Vec::new(),
        composition: Some(comp),
    })
}
