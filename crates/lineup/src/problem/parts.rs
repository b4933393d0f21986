//! What a problem is made of before it is split into blocks: the
//! municipalities with their size classes, the settings, the id index and
//! the links as index pairs. Checks what can be checked on these alone.

use std::collections::HashMap;

use petgraph::unionfind::UnionFind;

use super::error::ProblemError;
use super::ids::find_in;
use crate::land::Land;
use crate::municipality::Municipality;
use crate::objective::{MAX_WEIGHT, Weights};
use crate::settings::Settings;
use crate::size_class::ClassId;

/// The validated input of a problem.
#[derive(Clone, Debug)]
pub(crate) struct Parts {
    pub municipalities: Vec<Municipality>,
    pub settings: Settings,
    /// Size class of each municipality.
    pub class_of: Vec<ClassId>,
    /// Must-link pairs as municipality indices.
    pub must_link: Vec<(usize, usize)>,
    /// Cannot-link pairs as municipality indices.
    pub cannot_link: Vec<(usize, usize)>,
    /// Id → index.
    pub index: HashMap<String, usize>,
}

impl Parts {
    /// Checks sizes, caps, ids and classes, and resolves the links (by id,
    /// else by name).
    pub fn new(mut municipalities: Vec<Municipality>, settings: Settings) -> Result<Parts, ProblemError> {
        crate::municipality::mark_numbers(&mut municipalities);
        if municipalities.is_empty() {
            return Err(ProblemError::Empty);
        }
        let size = settings.cluster_size();
        if size.min == 0 || size.min > size.max {
            return Err(ProblemError::ClusterSize {
                min: size.min,
                max: size.max,
            });
        }
        if settings.max_per_land() == Some(0) {
            return Err(ProblemError::ZeroCapPerLand);
        }
        check_weights(&settings.weights())?;
        if let Some(m) = municipalities.iter().find(|m| !m.location_is_valid()) {
            return Err(ProblemError::BadLocation {
                id: m.id.clone(),
                lat: m.lat(),
                lon: m.lon(),
            });
        }
        let mut index = HashMap::with_capacity(municipalities.len());
        for (i, m) in municipalities.iter().enumerate() {
            if index.insert(m.id.clone(), i).is_some() {
                return Err(ProblemError::DuplicateId { id: m.id.clone() });
            }
        }
        let scheme = settings.classes();
        let class_of = municipalities
            .iter()
            .map(|m| {
                scheme.class_of(m).ok_or_else(|| ProblemError::UnknownSizeClass {
                    id: m.id.clone(),
                    given: m.size_class.clone().unwrap_or_default(),
                    known: scheme.names(),
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
                        None => find_in(&municipalities, key)
                            .map_err(|error| ProblemError::UnknownLink { kind, error }),
                    };
                    let (i, j) = (get(a)?, get(b)?);
                    // A must-link to itself says nothing and is surely a slip
                    // (a cannot-link to itself is impossible: `feasibility`).
                    if i == j && kind == "must-link" {
                        return Err(ProblemError::SelfLink {
                            kind,
                            a: a.clone(),
                            b: b.clone(),
                        });
                    }
                    Ok((i, j))
                })
                .collect::<Result<Vec<_>, ProblemError>>()
        };
        let must_link = resolve("must-link", settings.must_links())?;
        let cannot_link = resolve("cannot-link", settings.cannot_links())?;
        Ok(Parts {
            municipalities,
            settings,
            class_of,
            must_link,
            cannot_link,
            index,
        })
    }

    pub fn class_name(&self, c: ClassId) -> &str {
        &self.settings.classes().class(c).name
    }

    /// Members per class, indexed by class id.
    pub fn members_by_class(&self) -> Vec<Vec<usize>> {
        let mut by = vec![Vec::new(); self.settings.classes().len()];
        for (i, c) in self.class_of.iter().enumerate() {
            by[c.index()].push(i);
        }
        by
    }

    /// Distinct pin labels of the given members, in order of appearance.
    pub fn pins_of(&self, members: &[usize]) -> Vec<String> {
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

    /// Component id (its smallest member) of every municipality under the
    /// must-link relation.
    pub fn link_components(&self) -> Vec<usize> {
        let n = self.municipalities.len();
        let mut uf = UnionFind::<usize>::new(n);
        for &(a, b) in &self.must_link {
            uf.union(a, b);
        }
        let mut smallest = vec![usize::MAX; n];
        let roots: Vec<usize> = (0..n).map(|i| uf.find_mut(i)).collect();
        for (i, &r) in roots.iter().enumerate() {
            smallest[r] = smallest[r].min(i);
        }
        roots.iter().map(|&r| smallest[r]).collect()
    }

    /// The first Land with more members in `group` than the cap per Land
    /// allows: (Land, members, cap).
    pub fn over_cap(&self, group: &[usize]) -> Option<(Land, usize, usize)> {
        let cap = self.settings.max_per_land()?;
        let mut per = [0usize; 16];
        for &i in group {
            per[self.municipalities[i].land.index()] += 1;
        }
        (0..16)
            .find(|&l| per[l] > cap)
            .map(|l| (Land::ALL[l], per[l], cap))
    }
}

/// Every weight finite, at least 0 and at most [`MAX_WEIGHT`]: a NaN or
/// infinite weight (or one so large that sums overflow) would make every
/// score meaningless while still looking like an answer.
fn check_weights(w: &Weights) -> Result<(), ProblemError> {
    for (term, value) in [
        ("same-land", w.same_land),
        ("mixed-class", w.mixed_class),
        ("non-bordering", w.non_bordering),
        ("distance", w.distance_per_100km),
    ] {
        if !(0.0..=MAX_WEIGHT).contains(&value) {
            return Err(ProblemError::BadWeight {
                term,
                value,
                max: MAX_WEIGHT,
            });
        }
    }
    Ok(())
}
