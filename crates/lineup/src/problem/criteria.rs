//! The criteria of a problem resolved against its municipalities: per
//! criterion the value of every municipality (from the file's column of
//! that name, else a built-in attribute), as codes the solvers compare.
//! Unknown attributes and missing values are errors; a hard `alike` that
//! splits a block into groups no cluster count fits is explained.

use std::collections::HashMap;

use super::block::Block;
use super::conflict::{BlockName, CriteriaConflict};
use super::error::ProblemError;
use super::infeasibility::Infeasibility;
use super::parts::Parts;
use crate::criterion::{Criterion, EVERY_VALUE};
use crate::io::parse_decimal;
use crate::names::fold;
use crate::suggestion::Suggestion;

use super::builtin::{BUILTIN_ATTRIBUTES, builtin_attribute};

/// One criterion with the value of every municipality of the problem.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    /// The criterion as given.
    pub criterion: Criterion,
    /// Per municipality the index of its value in `values`.
    pub codes: Vec<u32>,
    /// The distinct values, as first written.
    pub values: Vec<String>,
    /// For a quota: the value codes it counts, one limit each (all codes
    /// for `*`); empty otherwise.
    pub targets: Vec<u32>,
}

/// The value of attribute `name` for municipality `i`: the file's column
/// (when any municipality has one of that name), else the built-in.
pub(crate) fn value_of(p: &Parts, has_column: bool, i: usize, name: &str) -> Option<String> {
    let m = &p.municipalities[i];
    if has_column {
        return m
            .attributes
            .get(name)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string);
    }
    if fold(name) == fold("size_class") {
        return Some(p.settings.classes().class(p.class_of[i]).name.clone());
    }
    builtin_attribute(m, name)
}

/// Whether any municipality has a column named `name`.
pub(crate) fn has_column(p: &Parts, name: &str) -> bool {
    p.municipalities.iter().any(|m| m.attributes.get(name).is_some())
}

/// The attribute names known for the problem: the file's columns, then the built-ins.
fn known_names(p: &Parts) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for m in &p.municipalities {
        for n in m.attributes.names() {
            if !names.iter().any(|x| fold(x) == fold(n)) {
                names.push(n.to_string());
            }
        }
    }
    for b in BUILTIN_ATTRIBUTES {
        if !names.iter().any(|x| fold(x) == fold(b)) {
            names.push(b.to_string());
        }
    }
    names
}

/// The key two values are compared by: numbers by value (`3` = `3,0`;
/// `number` is the attribute's, else the text read as a decimal), text as
/// written (trimmed).
fn key(value: &str, number: Option<f64>, numeric: bool) -> String {
    match numeric.then(|| number.or_else(|| parse_decimal(value))).flatten() {
        Some(x) => format!("{x}"),
        None => value.trim().to_string(),
    }
}

/// The most similar of `known` to `name`, if similar enough.
fn nearest(known: &[String], name: &str) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(&fold(k), &fold(name)), k))
        .filter(|(s, _)| *s >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.clone())
}

/// Resolves every criterion of the settings.
pub(crate) fn resolve(p: &Parts) -> Result<Vec<Resolved>, ProblemError> {
    let mut out = Vec::new();
    for c in p.settings.criteria() {
        let name = c.attribute();
        if let Some((w, _)) = c.pair_cost() {
            if !w.is_finite() || w < 0.0 {
                return Err(ProblemError::BadCriterionWeight {
                    criterion: c.to_string(),
                });
            }
        }
        let column = has_column(p, name);
        let builtin = BUILTIN_ATTRIBUTES.iter().any(|b| fold(b) == fold(name));
        if !column && !builtin {
            let known = known_names(p);
            return Err(ProblemError::UnknownAttribute {
                attribute: name.to_string(),
                nearest: nearest(&known, name),
                known: known.join(", "),
            });
        }
        let raw: Vec<Option<String>> = (0..p.municipalities.len())
            .map(|i| value_of(p, column, i, name))
            .collect();
        let missing: Vec<String> = raw
            .iter()
            .zip(&p.municipalities)
            .filter(|(v, _)| v.is_none())
            .map(|(_, m)| format!("{} ({})", m.name, m.id))
            .collect();
        if !missing.is_empty() {
            return Err(ProblemError::MissingAttribute {
                attribute: name.to_string(),
                count: missing.len(),
                examples: missing.into_iter().take(5).collect::<Vec<_>>().join(", "),
                column,
            });
        }
        let raw: Vec<String> = raw.into_iter().flatten().collect();
        // A numeric column (`Parts::new` marked them) compares by value.
        let numbers: Vec<Option<f64>> = p
            .municipalities
            .iter()
            .map(|m| m.attributes.number(name).filter(|_| column))
            .collect();
        let numeric = numbers.iter().all(Option::is_some);
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut values = Vec::new();
        let codes = raw
            .iter()
            .zip(&numbers)
            .map(|(v, &x)| {
                *index.entry(key(v, x, numeric)).or_insert_with(|| {
                    values.push(v.trim().to_string());
                    values.len() as u32 - 1
                })
            })
            .collect();
        let targets = match c.quota() {
            None => Vec::new(),
            Some((v, _, _)) if v == EVERY_VALUE => (0..values.len() as u32).collect(),
            Some((v, _, _)) => {
                let code = index
                    .get(&key(v, None, numeric))
                    .copied()
                    .or_else(|| values.iter().position(|x| fold(x) == fold(v)).map(|x| x as u32));
                match code {
                    Some(code) => vec![code],
                    None => {
                        return Err(ProblemError::UnknownValue {
                            attribute: name.to_string(),
                            value: v.to_string(),
                            nearest: nearest(&values, v),
                            values: values.iter().take(20).cloned().collect::<Vec<_>>().join(", "),
                        });
                    }
                }
            }
        };
        out.push(Resolved {
            criterion: c.clone(),
            codes,
            values,
            targets,
        });
    }
    Ok(out)
}

/// A hard `alike` splits each block into groups of one value; each group
/// forms whole clusters, so the block's cluster count must be a sum of
/// counts that fit the groups.
pub(crate) fn check_alike(p: &Parts, blocks: &[Block], resolved: &[Resolved]) -> Result<(), Infeasibility> {
    let size = p.settings.cluster_size();
    // The combination of every hard criterion's value: one group each.
    let hard: Vec<&Resolved> = resolved.iter().filter(|r| r.criterion.is_hard()).collect();
    if hard.is_empty() {
        return Ok(());
    }
    // A must-link between different values of a hard `alike` can never hold.
    for &(a, b) in &p.must_link {
        if let Some(r) = hard.iter().find(|r| r.codes[a] != r.codes[b]) {
            let (ma, mb) = (&p.municipalities[a], &p.municipalities[b]);
            let conflict = CriteriaConflict::MustLinkAcross {
                a: format!("{} ({})", ma.name, ma.id),
                b: format!("{} ({})", mb.name, mb.id),
                name_a: ma.name.clone(),
                name_b: mb.name.clone(),
                attribute: r.criterion.attribute().to_string(),
                value_a: r.values[r.codes[a] as usize].clone(),
                value_b: r.values[r.codes[b] as usize].clone(),
            };
            return Err(Infeasibility::criteria(
                conflict,
                vec![
                    Suggestion::RemoveLink,
                    Suggestion::SoftCriterion(r.criterion.attribute().to_string()),
                ],
            ));
        }
    }
    let label = |i: usize| -> String {
        hard.iter()
            .map(|r| r.values[r.codes[i] as usize].as_str())
            .collect::<Vec<_>>()
            .join("/")
    };
    let names = hard
        .iter()
        .map(|r| r.criterion.attribute())
        .collect::<Vec<_>>()
        .join(", ");
    for b in blocks {
        let mut groups: Vec<(String, usize)> = Vec::new();
        for &i in &b.members {
            let l = label(i);
            match groups.iter_mut().find(|g| g.0 == l) {
                Some(g) => g.1 += 1,
                None => groups.push((l, 1)),
            }
        }
        let place = BlockName {
            name: b.name.clone(),
            class: p.settings.comparability() == crate::settings::Comparability::Strict,
        };
        let misfits: Vec<(String, usize)> = groups
            .iter()
            .filter(|g| size.fewest_clusters(g.1).is_none())
            .cloned()
            .collect();
        if !misfits.is_empty() {
            let conflict = CriteriaConflict::AlikeSplit {
                attribute: names.clone(),
                place,
                groups,
                misfits,
                size,
            };
            return Err(Infeasibility::criteria(
                conflict,
                vec![
                    Suggestion::WiderClusterSize,
                    Suggestion::SoftCriterion(names.clone()),
                ],
            ));
        }
        let least: usize = groups.iter().filter_map(|g| size.fewest_clusters(g.1)).sum();
        let most: usize = groups.iter().map(|g| g.1 / size.min).sum();
        if b.clusters < least || b.clusters > most {
            let conflict = CriteriaConflict::AlikeClusters {
                attribute: names.clone(),
                place,
                groups,
                least,
                most,
                size,
                clusters: b.clusters,
            };
            return Err(Infeasibility::criteria(
                conflict,
                vec![
                    Suggestion::ClustersBetween {
                        min: least,
                        max: most,
                    },
                    Suggestion::SoftCriterion(names.clone()),
                ],
            ));
        }
    }
    Ok(())
}
