//! A validated problem: municipalities, settings, and the independent blocks
//! (one per size class, or one for all with adjacent comparability) with the
//! number of clusters each must form.
//!
//! Building a [`Problem`] checks everything that can be checked before
//! solving and explains, in words, any request that cannot be met.

use std::collections::HashMap;

use crate::composition::{Composition, compose};
use crate::error::{Infeasibility, ProblemError};
use crate::ilp::Backend;
use crate::land::Land;
use crate::municipality::Municipality;
use crate::settings::{ClusterCount, ClusterSize, Comparability, Settings};
use crate::size_class::ClassId;

/// A group of municipalities that is partitioned independently of the others.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Display name: the size class (strict) or `all classes` (adjacent).
    pub name: String,
    /// The size classes in this block.
    pub classes: Vec<ClassId>,
    /// Indices of the members (into [`Problem::municipalities`]), ascending.
    pub members: Vec<usize>,
    /// Number of clusters to form.
    pub clusters: usize,
    /// Distinct pin labels used by members of this block, in order of first appearance.
    pub pins: Vec<String>,
    /// Cluster ids: the pins first, then generated ids.
    pub cluster_ids: Vec<String>,
    pub(crate) composition: Option<Composition>,
}

/// Municipalities plus settings, validated, split into blocks.
#[derive(Clone, Debug)]
pub struct Problem {
    municipalities: Vec<Municipality>,
    settings: Settings,
    class_of: Vec<ClassId>,
    blocks: Vec<Block>,
    must_link: Vec<(usize, usize)>,
    cannot_link: Vec<(usize, usize)>,
    index: HashMap<String, usize>,
}

impl Problem {
    /// Validates the input and fixes the number of clusters per block.
    ///
    /// Errors: [`ProblemError::Infeasible`] when no lineup can satisfy the
    /// request (with the reason and what to change); other variants for input
    /// that cannot be used.
    pub fn new(municipalities: Vec<Municipality>, settings: Settings) -> Result<Problem, ProblemError> {
        Problem::with_backend(municipalities, settings, Backend::default())
    }

    /// As [`Problem::new`], with the MILP backend used for the structural
    /// feasibility check of adjacent comparability.
    pub fn with_backend(
        municipalities: Vec<Municipality>,
        settings: Settings,
        backend: Backend,
    ) -> Result<Problem, ProblemError> {
        if municipalities.is_empty() {
            return Err(ProblemError::Empty);
        }
        let size = settings.cluster_size;
        if size.min == 0 || size.min > size.max {
            return Err(ProblemError::ClusterSize {
                min: size.min,
                max: size.max,
            });
        }
        if settings.max_per_land == Some(0) {
            return Err(ProblemError::Setting(
                "--max-per-land 0 allows no member at all: use 1 or more".into(),
            ));
        }
        let mut index = HashMap::with_capacity(municipalities.len());
        for (i, m) in municipalities.iter().enumerate() {
            if index.insert(m.id.clone(), i).is_some() {
                return Err(ProblemError::DuplicateId { id: m.id.clone() });
            }
        }
        let scheme = &settings.classes;
        let class_of = municipalities
            .iter()
            .map(|m| {
                scheme.class_of(m).ok_or_else(|| ProblemError::UnknownSizeClass {
                    id: m.id.clone(),
                    given: m.size_class.clone().unwrap_or_default(),
                    known: scheme
                        .classes()
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let resolve = |kind: &'static str, pairs: &[(String, String)]| {
            pairs
                .iter()
                .map(|(a, b)| {
                    // An id, else a name (with its Land where names repeat).
                    let get = |key: &String| match index.get(key) {
                        Some(&i) => Ok(i),
                        None => crate::lookup::find_in(&municipalities, key)
                            .map_err(|error| ProblemError::UnknownLink { kind, error }),
                    };
                    Ok((get(a)?, get(b)?))
                })
                .collect::<Result<Vec<_>, ProblemError>>()
        };
        let must_link = resolve("must-link", &settings.must_link)?;
        let cannot_link = resolve("cannot-link", &settings.cannot_link)?;

        let mut p = Problem {
            municipalities,
            settings,
            class_of,
            blocks: Vec::new(),
            must_link,
            cannot_link,
            index,
        };
        p.check_links().map_err(ProblemError::Infeasible)?;
        p.blocks = match p.settings.comparability {
            Comparability::Strict => p.strict_blocks()?,
            Comparability::Adjacent => vec![p.adjacent_block(backend)?],
        };
        p.check_pins_and_caps().map_err(ProblemError::Infeasible)?;
        p.name_clusters();
        Ok(p)
    }

    /// The municipalities, in input order.
    pub fn municipalities(&self) -> &[Municipality] {
        &self.municipalities
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The size class of municipality `i`.
    pub fn class_of(&self, i: usize) -> ClassId {
        self.class_of[i]
    }

    /// The independent blocks.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Must-link pairs as municipality indices.
    pub fn must_link(&self) -> &[(usize, usize)] {
        &self.must_link
    }

    /// Cannot-link pairs as municipality indices.
    pub fn cannot_link(&self) -> &[(usize, usize)] {
        &self.cannot_link
    }

    /// The index of the municipality with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Total number of clusters.
    pub fn cluster_count(&self) -> usize {
        self.blocks.iter().map(|b| b.clusters).sum()
    }

    /// Gives the clusters of block `b` other ids (pins keep theirs: the first
    /// `pins.len()` ids must be the pin labels).
    pub(crate) fn rename_clusters(&mut self, b: usize, ids: Vec<String>) {
        debug_assert_eq!(ids.len(), self.blocks[b].clusters);
        debug_assert!(self.blocks[b].pins.iter().zip(&ids).all(|(p, i)| p == i));
        self.blocks[b].cluster_ids = ids;
    }

    fn class_name(&self, c: ClassId) -> &str {
        &self.settings.classes.class(c).name
    }

    /// Members per class, indexed by class id.
    fn members_by_class(&self) -> Vec<Vec<usize>> {
        let mut by = vec![Vec::new(); self.settings.classes.len()];
        for (i, c) in self.class_of.iter().enumerate() {
            by[c.index()].push(i);
        }
        by
    }

    fn pins_of(&self, members: &[usize]) -> Vec<String> {
        let mut pins: Vec<String> = Vec::new();
        for &i in members {
            if let Some(p) = &self.municipalities[i].cluster {
                if !pins.contains(p) {
                    pins.push(p.clone());
                }
            }
        }
        pins
    }

    fn strict_blocks(&self) -> Result<Vec<Block>, ProblemError> {
        let size = self.settings.cluster_size;
        let by = self.members_by_class();
        let present: Vec<usize> = (0..by.len()).rev().filter(|&c| !by[c].is_empty()).collect();
        // Pins may not span classes.
        let mut pin_class: HashMap<&str, usize> = HashMap::new();
        for &c in &present {
            for &i in &by[c] {
                if let Some(p) = &self.municipalities[i].cluster {
                    if let Some(&other) = pin_class.get(p.as_str()) {
                        if other != c {
                            let j = by[other]
                                .iter()
                                .copied()
                                .find(|&j| self.municipalities[j].cluster.as_deref() == Some(p))
                                .unwrap_or(i);
                            return Err(ProblemError::Infeasible(Infeasibility {
                                reason: format!(
                                    "cluster {p:?} is pinned by {} ({}) and {} ({}), but with strict comparability a cluster holds one size class",
                                    self.municipalities[j].name,
                                    self.class_name(ClassId(other as u8)),
                                    self.municipalities[i].name,
                                    self.class_name(ClassId(c as u8)),
                                ),
                                suggestions: vec![
                                    "--comparability adjacent".into(),
                                    "pinning them to different clusters".into(),
                                ],
                            }));
                        }
                    } else {
                        pin_class.insert(p, c);
                    }
                }
            }
        }
        // Fewest clusters per class, raised to the number of pins.
        let mut min_k = Vec::new();
        let mut bad = Vec::new();
        for &c in &present {
            let n = by[c].len();
            let pins = self.pins_of(&by[c]).len();
            match size.fewest_clusters(n) {
                Some(k) if size.fits(n, k.max(pins)) => min_k.push(k.max(pins)),
                Some(_) => {
                    return Err(ProblemError::Infeasible(Infeasibility {
                        reason: format!(
                            "{pins} different clusters are pinned among the {n} {}s, but {n} members form at most {} clusters of {size}",
                            self.class_name(ClassId(c as u8)),
                            n / size.min
                        ),
                        suggestions: vec![
                            "pinning fewer distinct clusters".into(),
                            format!("--cluster-size {}..{}", (n / pins).max(1), size.max),
                        ],
                    }));
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
                .map(|&c| (self.class_name(ClassId(c as u8)).to_string(), by[c].len()))
                .collect();
            let all: Vec<usize> = present.iter().map(|&c| by[c].len()).collect();
            return Err(ProblemError::Infeasible(size_infeasibility(
                &counts, &all, size, true,
            )));
        }
        let max_k: Vec<usize> = present.iter().map(|&c| by[c].len() / size.min).collect();
        let ks: Vec<usize> = match &self.settings.clusters {
            ClusterCount::Auto => min_k.clone(),
            ClusterCount::Total(t) => {
                let lo: usize = min_k.iter().sum();
                let hi: usize = max_k.iter().sum();
                if *t < lo || *t > hi {
                    let ranges: Vec<String> = present
                        .iter()
                        .enumerate()
                        .map(|(j, &c)| {
                            let (a, b) = (min_k[j], max_k[j]);
                            let class = self.class_name(ClassId(c as u8));
                            if a == b {
                                format!("{class} {a}")
                            } else {
                                format!("{class} {a}–{b}")
                            }
                        })
                        .collect();
                    return Err(ProblemError::Infeasible(Infeasibility {
                        reason: format!(
                            "{t} clusters were requested, but with clusters of {size} and strict comparability the classes need {} ({})",
                            clusters_between(lo, hi),
                            ranges.join(", ")
                        ),
                        suggestions: vec![
                            if lo == hi {
                                format!("--clusters {lo}")
                            } else {
                                format!("--clusters N with {lo} <= N <= {hi}")
                            },
                            "--clusters auto".into(),
                        ],
                    }));
                }
                let mut ks = min_k.clone();
                while ks.iter().sum::<usize>() < *t {
                    // Add a cluster where the clusters are largest on average.
                    let j = (0..ks.len())
                        .filter(|&j| ks[j] < max_k[j])
                        .max_by(|&x, &y| {
                            let nx = by[present[x]].len() as f64 / ks[x] as f64;
                            let ny = by[present[y]].len() as f64 / ks[y] as f64;
                            nx.total_cmp(&ny).then(y.cmp(&x))
                        })
                        .ok_or_else(|| ProblemError::Setting("cluster allocation failed".into()))?;
                    ks[j] += 1;
                }
                ks
            }
            ClusterCount::PerClass(list) => {
                let mut ks = min_k.clone();
                for (name, k) in list {
                    let c = self.settings.classes.find(name).ok_or_else(|| {
                        ProblemError::Setting(format!(
                            "--clusters names class {name:?}, which is not one of {}",
                            self.settings
                                .classes
                                .classes()
                                .iter()
                                .map(|c| c.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    })?;
                    let n = by[c.index()].len();
                    let Some(j) = present.iter().position(|&p| p == c.index()) else {
                        if *k == 0 {
                            continue;
                        }
                        return Err(ProblemError::Infeasible(Infeasibility {
                            reason: format!("{k} clusters requested for {name}, but the input has no {name}"),
                            suggestions: vec![format!("--clusters {name}=0"), "--clusters auto".into()],
                        }));
                    };
                    if !size.fits(n, *k) || *k < min_k[j].min(self.pins_of(&by[c.index()]).len()) {
                        return Err(ProblemError::Infeasible(Infeasibility {
                            reason: format!(
                                "{k} clusters of {size} cannot hold the {n} members of class {} (they need {})",
                                self.class_name(c),
                                clusters_between(min_k[j], max_k[j])
                            ),
                            suggestions: vec![format!("--clusters {name}={}", min_k[j])],
                        }));
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
                name: self.class_name(ClassId(c as u8)).to_string(),
                classes: vec![ClassId(c as u8)],
                pins: self.pins_of(&by[c]),
                members: by[c].clone(),
                clusters: k,
                cluster_ids: Vec::new(),
                composition: None,
            })
            .collect())
    }

    fn adjacent_block(&self, backend: Backend) -> Result<Block, ProblemError> {
        let size = self.settings.cluster_size;
        let by = self.members_by_class();
        let counts: Vec<usize> = by.iter().map(Vec::len).collect();
        let members: Vec<usize> = (0..self.municipalities.len()).collect();
        let pins = self.pins_of(&members);
        // Pins and must-links may span at most two neighbouring classes.
        let mut span: HashMap<&str, (usize, usize)> = HashMap::new();
        for (i, m) in self.municipalities.iter().enumerate() {
            if let Some(p) = &m.cluster {
                let c = self.class_of[i].index();
                let e = span.entry(p).or_insert((c, c));
                e.0 = e.0.min(c);
                e.1 = e.1.max(c);
                if e.1 - e.0 > 1 {
                    return Err(ProblemError::Infeasible(Infeasibility {
                        reason: format!(
                            "cluster {p:?} is pinned by members of non-neighbouring size classes; adjacent comparability mixes only neighbouring classes"
                        ),
                        suggestions: vec!["pinning them to different clusters".into()],
                    }));
                }
            }
        }
        let total = match &self.settings.clusters {
            ClusterCount::Auto => None,
            ClusterCount::Total(t) => Some(*t),
            ClusterCount::PerClass(_) => {
                return Err(ProblemError::Setting(
                    "--clusters CLASS=N needs strict comparability; with adjacent comparability give a total (--clusters 5)".into(),
                ));
            }
        };
        let solve = |total| {
            compose(&counts, size, total, backend)
                .map_err(|e| ProblemError::Setting(format!("cluster composition failed: {e}")))
        };
        let mut comp = solve(total)?;
        if let Some(c) = &comp {
            if total.is_none() && c.clusters() < pins.len() {
                comp = solve(Some(pins.len()))?;
            }
        }
        let Some(comp) = comp else {
            let names: Vec<(String, usize)> = Vec::new();
            let mut inf = size_infeasibility(&names, &counts, size, false);
            let present: Vec<String> = counts
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(c, n)| format!("{n} {}", self.class_name(ClassId(c as u8))))
                .collect();
            inf.reason = match total {
                Some(t) => format!(
                    "{t} clusters of {size} cannot hold {} when only neighbouring size classes may mix",
                    present.join(", ")
                ),
                None => format!(
                    "{} cannot be split into clusters of {size} when only neighbouring size classes may mix",
                    present.join(", ")
                ),
            };
            if total.is_some() {
                inf.suggestions.insert(0, "--clusters auto".into());
            }
            return Err(ProblemError::Infeasible(inf));
        };
        if comp.clusters() < pins.len() {
            return Err(ProblemError::Infeasible(Infeasibility {
                reason: format!(
                    "{} different clusters are pinned, but only {} clusters are formed",
                    pins.len(),
                    comp.clusters()
                ),
                suggestions: vec![format!("--clusters {}", pins.len())],
            }));
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

    fn check_links(&self) -> Result<(), Infeasibility> {
        let size = self.settings.cluster_size;
        let n = self.municipalities.len();
        let comp = self.link_components();
        let name = |i: usize| &self.municipalities[i].name;
        for &(a, b) in &self.cannot_link {
            if comp[a] == comp[b] {
                return Err(Infeasibility {
                    reason: if a == b {
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
                    },
                    suggestions: vec!["removing one of the contradicting links".into()],
                });
            }
            let (pa, pb) = (&self.municipalities[a].cluster, &self.municipalities[b].cluster);
            if pa.is_some() && pa == pb {
                return Err(Infeasibility {
                    reason: format!(
                        "{} and {} must be apart (cannot-link) but are both pinned to cluster {:?}",
                        name(a),
                        name(b),
                        pa.as_deref().unwrap_or_default()
                    ),
                    suggestions: vec!["removing the cannot-link or one of the pins".into()],
                });
            }
        }
        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..n {
            members.entry(comp[i]).or_default().push(i);
        }
        let mut groups: Vec<&Vec<usize>> = members.values().filter(|g| g.len() > 1).collect();
        groups.sort();
        for g in groups {
            let names: Vec<&str> = g.iter().map(|&i| self.municipalities[i].name.as_str()).collect();
            if g.len() > size.max {
                return Err(Infeasibility {
                    reason: format!(
                        "must-links join {} municipalities ({}), more than a cluster of {size} holds",
                        g.len(),
                        names.join(", ")
                    ),
                    suggestions: vec![
                        format!("--cluster-size {}..{}", size.min, g.len()),
                        "fewer must-links".into(),
                    ],
                });
            }
            let classes: Vec<usize> = g.iter().map(|&i| self.class_of[i].index()).collect();
            let (lo, hi) = (classes.iter().min().copied(), classes.iter().max().copied());
            let limit = match self.settings.comparability {
                Comparability::Strict => 0,
                Comparability::Adjacent => 1,
            };
            if let (Some(lo), Some(hi)) = (lo, hi) {
                if hi - lo > limit {
                    return Err(Infeasibility {
                        reason: format!(
                            "must-links join {} from size classes that may not share a cluster ({} comparability)",
                            names.join(", "),
                            self.settings.comparability
                        ),
                        suggestions: vec!["--comparability adjacent".into(), "removing the must-link".into()],
                    });
                }
            }
            let mut pins: Vec<&str> = g
                .iter()
                .filter_map(|&i| self.municipalities[i].cluster.as_deref())
                .collect();
            pins.sort();
            pins.dedup();
            if pins.len() > 1 {
                return Err(Infeasibility {
                    reason: format!(
                        "must-links join {} but they are pinned to different clusters ({})",
                        names.join(", "),
                        pins.join(", ")
                    ),
                    suggestions: vec!["removing a must-link or a pin".into()],
                });
            }
            if let Some((land, count, cap)) = self.over_cap(g) {
                return Err(Infeasibility {
                    reason: format!(
                        "must-links join {count} members from {land}, but --max-per-land is {cap}"
                    ),
                    suggestions: vec![format!("--max-per-land {count}")],
                });
            }
        }
        Ok(())
    }

    /// Component id of every municipality under the must-link relation.
    pub(crate) fn link_components(&self) -> Vec<usize> {
        let n = self.municipalities.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for &(a, b) in &self.must_link {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        (0..n).map(|i| find(&mut parent, i)).collect()
    }

    /// The first Land with more members in `group` than `--max-per-land` allows:
    /// (Land, members, cap).
    fn over_cap(&self, group: &[usize]) -> Option<(Land, usize, usize)> {
        let cap = self.settings.max_per_land?;
        let mut per = [0usize; 16];
        for &i in group {
            per[self.municipalities[i].land.index()] += 1;
        }
        (0..16)
            .find(|&l| per[l] > cap)
            .map(|l| (Land::ALL[l], per[l], cap))
    }

    fn check_pins_and_caps(&self) -> Result<(), Infeasibility> {
        let size = self.settings.cluster_size;
        let mut pinned: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, m) in self.municipalities.iter().enumerate() {
            if let Some(p) = &m.cluster {
                pinned.entry(p).or_default().push(i);
            }
        }
        let mut labels: Vec<&&str> = pinned.keys().collect();
        labels.sort();
        for p in labels {
            let g = &pinned[*p];
            if g.len() > size.max {
                return Err(Infeasibility {
                    reason: format!(
                        "{} municipalities are pinned to cluster {p:?}, more than a cluster of {size} holds",
                        g.len()
                    ),
                    suggestions: vec![
                        format!("--cluster-size {}..{}", size.min, g.len()),
                        "unpinning some".into(),
                    ],
                });
            }
            if let Some((land, count, cap)) = self.over_cap(g) {
                return Err(Infeasibility {
                    reason: format!(
                        "{count} members from {land} are pinned to cluster {p:?}, but --max-per-land is {cap}"
                    ),
                    suggestions: vec![format!("--max-per-land {count}")],
                });
            }
        }
        if let Some(cap) = self.settings.max_per_land {
            for b in &self.blocks {
                let mut per = [0usize; 16];
                for &i in &b.members {
                    per[self.municipalities[i].land.index()] += 1;
                }
                if let Some(l) = (0..16).find(|&l| per[l] > cap * b.clusters) {
                    let need = per[l].div_ceil(b.clusters);
                    return Err(Infeasibility {
                        reason: format!(
                            "{} has {} members in {} ({} clusters), but at most {cap} per Land per cluster fit only {}",
                            Land::ALL[l],
                            per[l],
                            b.name,
                            b.clusters,
                            cap * b.clusters
                        ),
                        suggestions: vec![
                            format!("--max-per-land {need}"),
                            "more clusters (--clusters)".into(),
                        ],
                    });
                }
            }
        }
        Ok(())
    }

    fn name_clusters(&mut self) {
        let all_pins: Vec<String> = self.blocks.iter().flat_map(|b| b.pins.clone()).collect();
        let strict = self.settings.comparability == Comparability::Strict;
        for b in &mut self.blocks {
            let mut ids = b.pins.clone();
            let prefix = if strict {
                b.name.clone()
            } else {
                "Cluster".to_string()
            };
            let mut k = 1;
            while ids.len() < b.clusters {
                let id = format!("{prefix}-{k}");
                if !all_pins.contains(&id) {
                    ids.push(id);
                }
                k += 1;
            }
            b.cluster_ids = ids;
        }
    }
}

/// Explains why classes of the given sizes cannot be cut into clusters of
/// `size`, with the smallest changes of the size bounds that would work for
/// all classes (`all` lists every class size).
fn size_infeasibility(
    bad: &[(String, usize)],
    all: &[usize],
    size: ClusterSize,
    strict: bool,
) -> Infeasibility {
    let reason = bad
        .iter()
        .map(|(name, n)| {
            let k = n.div_ceil(size.max).max(1);
            if *n < size.min {
                format!("class {name} has {n} members, fewer than the {} a cluster needs", size.min)
            } else {
                format!(
                    "class {name} has {n} members, which do not fit clusters of {size}: {} cluster(s) hold at most {}, {} clusters need at least {}",
                    k - 1,
                    (k - 1) * size.max,
                    k,
                    k * size.min
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut suggestions = Vec::new();
    if strict {
        suggestions.push("--comparability adjacent".to_string());
    }
    let nonzero: Vec<usize> = all.iter().copied().filter(|&n| n > 0).collect();
    // Smallest change of the lower bound that fits every class.
    let min_lo = nonzero
        .iter()
        .map(|&n| n / n.div_ceil(size.max))
        .min()
        .unwrap_or(size.min);
    if min_lo < size.min && min_lo >= 1 {
        suggestions.push(format!("--cluster-size {}..{}", min_lo, size.max));
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
        suggestions.push(format!("--cluster-size {}..{}", size.min, max_hi));
    }
    suggestions.push("adding or removing municipalities of that class".to_string());
    Infeasibility { reason, suggestions }
}

/// "exactly 3 clusters", "1 cluster" or "between 2 and 4 clusters".
fn clusters_between(lo: usize, hi: usize) -> String {
    match (lo, hi) {
        (1, 1) => "exactly 1 cluster".into(),
        (a, b) if a == b => format!("exactly {a} clusters"),
        (a, b) => format!("between {a} and {b} clusters"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::land::Land;

    fn town(id: usize, land: Land, pop: u64) -> Municipality {
        Municipality::new(
            format!("m{id}"),
            format!("Town {id}"),
            land,
            pop,
            50.0 + id as f64 * 0.01,
            10.0,
        )
    }

    fn towns(n: usize, pop: u64, first: usize) -> Vec<Municipality> {
        (0..n).map(|i| town(first + i, Land::ALL[i % 16], pop)).collect()
    }

    #[test]
    fn rejects_empty_input() {
        assert_eq!(
            Problem::new(vec![], Settings::default()).unwrap_err(),
            ProblemError::Empty
        );
    }

    #[test]
    fn rejects_duplicate_ids() {
        let mut ms = towns(6, 200_000, 0);
        ms[3].id = "m0".into();
        assert!(matches!(
            Problem::new(ms, Settings::default()).unwrap_err(),
            ProblemError::DuplicateId { .. }
        ));
    }

    #[test]
    fn eight_big_cities_are_infeasible_with_a_reason() {
        let ms = towns(8, 200_000, 0);
        let err = Problem::new(ms, Settings::default()).unwrap_err();
        let ProblemError::Infeasible(inf) = err else {
            panic!("{err:?}")
        };
        assert!(
            inf.reason.contains("class Großstadt has 8 members"),
            "{}",
            inf.reason
        );
        assert!(
            inf.reason
                .contains("1 cluster(s) hold at most 7, 2 clusters need at least 12"),
            "{}",
            inf.reason
        );
        assert!(inf.suggestions.contains(&"--comparability adjacent".to_string()));
        assert!(
            inf.suggestions.contains(&"--cluster-size 4..7".to_string()),
            "{:?}",
            inf.suggestions
        );
        assert!(
            inf.suggestions.contains(&"--cluster-size 6..8".to_string()),
            "{:?}",
            inf.suggestions
        );
    }

    #[test]
    fn adjacent_mixes_eight_big_cities_with_medium_towns() {
        let mut ms = towns(8, 200_000, 0);
        ms.extend(towns(6, 50_000, 8));
        let p = Problem::new(ms, Settings::default().comparability(Comparability::Adjacent)).unwrap();
        assert_eq!(p.blocks().len(), 1);
        assert_eq!(p.cluster_count(), 2);
        assert_eq!(p.blocks()[0].cluster_ids, vec!["Cluster-1", "Cluster-2"]);
    }

    #[test]
    fn blocks_per_class_biggest_first() {
        let mut ms = towns(13, 50_000, 0);
        ms.extend(towns(6, 200_000, 13));
        let p = Problem::new(ms, Settings::default()).unwrap();
        let names: Vec<&str> = p.blocks().iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Großstadt", "Mittelstadt"]);
        assert_eq!(p.blocks()[1].clusters, 2);
        assert_eq!(p.blocks()[1].cluster_ids, vec!["Mittelstadt-1", "Mittelstadt-2"]);
    }

    #[test]
    fn total_cluster_count_is_spread_over_classes() {
        let mut ms = towns(24, 50_000, 0);
        ms.extend(towns(12, 200_000, 24));
        let s = Settings::default().cluster_size(ClusterSize::new(4, 7));
        let ks = |t: usize| -> Vec<usize> {
            let p = Problem::new(ms.clone(), s.clone().clusters(ClusterCount::Total(t))).unwrap();
            p.blocks().iter().map(|b| b.clusters).collect()
        };
        assert_eq!(ks(6), vec![2, 4]);
        assert_eq!(ks(7), vec![3, 4]);
        assert_eq!(ks(8), vec![3, 5]);
        let err = Problem::new(ms.clone(), s.clone().clusters(ClusterCount::Total(10))).unwrap_err();
        assert!(matches!(err, ProblemError::Infeasible(_)), "{err:?}");
        let err = Problem::new(ms, s.clusters(ClusterCount::Total(5))).unwrap_err();
        assert!(matches!(err, ProblemError::Infeasible(_)), "{err:?}");
    }

    #[test]
    fn pins_name_clusters_and_must_share_a_class() {
        let mut ms = towns(12, 50_000, 0);
        ms[0].cluster = Some("Nord".into());
        ms[1].cluster = Some("Nord".into());
        let p = Problem::new(ms.clone(), Settings::default()).unwrap();
        assert_eq!(p.blocks()[0].cluster_ids, vec!["Nord", "Mittelstadt-1"]);
        ms.extend(towns(6, 200_000, 12));
        ms[12].cluster = Some("Nord".into());
        assert!(matches!(
            Problem::new(ms, Settings::default()).unwrap_err(),
            ProblemError::Infeasible(_)
        ));
    }

    #[test]
    fn links_are_checked() {
        let ms = towns(12, 50_000, 0);
        let s = Settings::default().must_link("m0", "m1").cannot_link("m1", "m0");
        assert!(matches!(
            Problem::new(ms.clone(), s).unwrap_err(),
            ProblemError::Infeasible(_)
        ));
        let s = Settings::default().must_link("m0", "nope");
        assert!(matches!(
            Problem::new(ms.clone(), s).unwrap_err(),
            ProblemError::UnknownLink { .. }
        ));
        let s = Settings::default().cannot_link("m0", "m0");
        assert!(matches!(
            Problem::new(ms.clone(), s).unwrap_err(),
            ProblemError::Infeasible(_)
        ));
        // Names work as well as ids.
        let s = Settings::default()
            .must_link("town 3", "m7")
            .cannot_link("Town 1", "Town 2");
        let p = Problem::new(ms, s).unwrap();
        assert_eq!(p.must_link(), &[(3, 7)]);
        assert_eq!(p.cannot_link(), &[(1, 2)]);
    }

    #[test]
    fn caps_are_checked() {
        let ms: Vec<Municipality> = (0..12).map(|i| town(i, Land::NW, 50_000)).collect();
        let err = Problem::new(ms, Settings::default().max_per_land(2)).unwrap_err();
        let ProblemError::Infeasible(inf) = err else {
            panic!()
        };
        assert!(
            inf.reason.contains("Nordrhein-Westfalen has 12 members"),
            "{}",
            inf.reason
        );
        assert_eq!(inf.suggestions[0], "--max-per-land 6");
    }

    #[test]
    fn explicit_class_wins() {
        let mut ms = towns(6, 50_000, 0);
        for m in &mut ms {
            m.size_class = Some("Großstadt".into());
        }
        let p = Problem::new(ms.clone(), Settings::default()).unwrap();
        assert_eq!(p.blocks()[0].name, "Großstadt");
        ms[0].size_class = Some("Metropole".into());
        assert!(matches!(
            Problem::new(ms, Settings::default()).unwrap_err(),
            ProblemError::UnknownSizeClass { .. }
        ));
    }
}
