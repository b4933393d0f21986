//! The independent verifier: checks a lineup against every rule of the
//! problem and recomputes its score from the raw data (geo's haversine, the
//! border graph), sharing no code with the solvers.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::borders::borders;
use crate::distance::great_circle_km;
use crate::lineup::Lineup;
use crate::municipality::Municipality;
use crate::objective::{Score, Weights};
use crate::problem::Problem;
use crate::settings::Comparability;
use crate::size_class::ClassId;
use crate::verify_criteria::{alike_violations, criteria_cost, quota_violations};

/// Metrics of one cluster, recomputed by the verifier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterMetrics {
    /// Number of members.
    pub size: usize,
    /// Size classes present, smallest first.
    pub size_classes: Vec<ClassId>,
    /// Number of distinct Länder.
    pub distinct_states: usize,
    /// Mean great-circle distance over member pairs, km (0 for fewer than two members).
    pub mean_distance_km: f64,
    /// Smallest distance between two members, km (0 for fewer than two members).
    pub min_distance_km: f64,
    /// The cluster's share of the score.
    pub score: Score,
}

/// A broken rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Violation {
    /// A municipality is in no cluster.
    Missing {
        /// Its id.
        id: String,
    },
    /// A municipality is in more than one cluster (or twice in one).
    Duplicate {
        /// Its id.
        id: String,
        /// The clusters holding it.
        clusters: Vec<String>,
    },
    /// A member index that is not a municipality of the problem.
    UnknownMember {
        /// The cluster.
        cluster: String,
        /// The index.
        index: usize,
    },
    /// Two clusters with the same id.
    DuplicateClusterId {
        /// The id.
        cluster: String,
    },
    /// A cluster outside the size bounds.
    ClusterSize {
        /// The cluster.
        cluster: String,
        /// Its size.
        size: usize,
        /// Lower bound.
        min: usize,
        /// Upper bound.
        max: usize,
    },
    /// Size classes that may not share a cluster.
    ClassMix {
        /// The cluster.
        cluster: String,
        /// The classes in it.
        classes: Vec<String>,
    },
    /// A pinned municipality in another cluster.
    Pin {
        /// The municipality.
        id: String,
        /// The cluster it is pinned to.
        expected: String,
        /// The cluster it is in.
        actual: String,
    },
    /// A must-link pair apart.
    MustLink {
        /// First id.
        a: String,
        /// Second id.
        b: String,
    },
    /// A cannot-link pair together.
    CannotLink {
        /// First id.
        a: String,
        /// Second id.
        b: String,
    },
    /// Too many members from one Land.
    LandCap {
        /// The cluster.
        cluster: String,
        /// The Land.
        state: String,
        /// Members from it.
        count: usize,
        /// The cap.
        cap: usize,
    },
    /// A cluster with several values of a hard `alike` attribute.
    Alike {
        /// The cluster.
        cluster: String,
        /// The attribute.
        attribute: String,
        /// The values in the cluster.
        values: Vec<String>,
    },
    /// A cluster with fewer or more members of a value than a quota allows.
    Quota {
        /// The cluster.
        cluster: String,
        /// The quota, e.g. `at-least Erfahrung=ja:1`.
        quota: String,
        /// The value counted.
        value: String,
        /// Members with it.
        count: usize,
    },
    /// A block with the wrong number of clusters.
    ClusterCount {
        /// The block (size class).
        block: String,
        /// Clusters expected.
        expected: usize,
        /// Clusters found.
        actual: usize,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::Missing { id } => write!(f, "{id} is in no cluster"),
            Violation::Duplicate { id, clusters } => {
                write!(
                    f,
                    "{id} appears more than once (clusters {})",
                    clusters.join(", ")
                )
            }
            Violation::UnknownMember { cluster, index } => {
                write!(
                    f,
                    "cluster {cluster} names member #{index}, which is not in the input"
                )
            }
            Violation::DuplicateClusterId { cluster } => write!(f, "two clusters have the id {cluster}"),
            Violation::ClusterSize {
                cluster,
                size,
                min,
                max,
            } => {
                write!(f, "cluster {cluster} has {size} members, outside {min}..{max}")
            }
            Violation::ClassMix { cluster, classes } => {
                write!(f, "cluster {cluster} mixes size classes {}", classes.join(", "))
            }
            Violation::Pin { id, expected, actual } => {
                write!(f, "{id} is pinned to cluster {expected} but placed in {actual}")
            }
            Violation::MustLink { a, b } => write!(f, "{a} and {b} must share a cluster but do not"),
            Violation::CannotLink { a, b } => write!(f, "{a} and {b} must not share a cluster but do"),
            Violation::LandCap {
                cluster,
                state,
                count,
                cap,
            } => {
                write!(
                    f,
                    "cluster {cluster} has {count} members from {state}, more than {cap}"
                )
            }
            Violation::Alike {
                cluster,
                attribute,
                values,
            } => write!(
                f,
                "cluster {cluster} mixes the values {} of `{attribute}`, which must be alike",
                values.join(", ")
            ),
            Violation::Quota {
                cluster,
                quota,
                value,
                count,
            } => write!(
                f,
                "cluster {cluster} has {count} members with {value}, against {quota}"
            ),
            Violation::ClusterCount {
                block,
                expected,
                actual,
            } => {
                write!(f, "{block} has {actual} clusters, expected {expected}")
            }
        }
    }
}

/// Every rule a lineup breaks (never empty): what [`verify`] and
/// [`evaluate`](crate::evaluate()) return instead of a score. Reads as a
/// slice of [`Violation`]s; displays them joined by `; `.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Violations(pub Vec<Violation>);

impl std::ops::Deref for Violations {
    type Target = [Violation];
    fn deref(&self) -> &[Violation] {
        &self.0
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The most violations [`Violations`] displays; the rest are counted.
pub const SHOWN_VIOLATIONS: usize = 20;

/// Shows the first [`SHOWN_VIOLATIONS`] violations and how many more there
/// are (the list itself stays whole).
impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, v) in self.0.iter().take(SHOWN_VIOLATIONS).enumerate() {
            if k > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        if self.0.len() > SHOWN_VIOLATIONS {
            write!(f, "; … and {} more", self.0.len() - SHOWN_VIOLATIONS)?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// A lineup that passed verification, with its recomputed score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verified {
    /// Total score.
    pub score: Score,
    /// Per cluster, in lineup order.
    pub clusters: Vec<ClusterMetrics>,
}

/// Scores one set of members (indices into the problem) from scratch.
pub fn score_members(problem: &Problem, members: &[usize]) -> ClusterMetrics {
    let ms = problem.municipalities();
    let list: Vec<(&Municipality, ClassId)> =
        members.iter().map(|&i| (&ms[i], problem.class_of(i))).collect();
    let mut metrics = score_list(&list, &problem.settings().weights());
    let criteria = criteria_cost(problem, members);
    metrics.score.criteria_penalty = criteria;
    metrics.score.penalty += criteria;
    metrics
}

/// Scores a set of municipalities with their size classes from scratch.
pub(crate) fn score_list(list: &[(&Municipality, ClassId)], w: &Weights) -> ClusterMetrics {
    let g = borders();
    let mut s = Score::default();
    let mut min_km = f64::INFINITY;
    let mut pairs = 0usize;
    for (x, &(a, ca)) in list.iter().enumerate() {
        for &(b, cb) in &list[x + 1..] {
            let km = great_circle_km(a.location, b.location);
            pairs += 1;
            min_km = min_km.min(km);
            s.distance_km += km;
            if a.land == b.land {
                s.same_land_pairs += 1;
            } else if !g.share_border(a.land, b.land) {
                s.non_bordering_pairs += 1;
            }
            if ca != cb {
                s.mixed_class_pairs += 1;
            }
        }
    }
    s.penalty = w.same_land * s.same_land_pairs as f64 + w.mixed_class * s.mixed_class_pairs as f64;
    s.spread = w.non_bordering * s.non_bordering_pairs as f64 + w.distance_per_100km * s.distance_km / 100.0;
    let mut classes: Vec<ClassId> = list.iter().map(|m| m.1).collect();
    classes.sort();
    classes.dedup();
    let mut lands: Vec<_> = list.iter().map(|m| m.0.land).collect();
    lands.sort();
    lands.dedup();
    ClusterMetrics {
        size: list.len(),
        size_classes: classes,
        distinct_states: lands.len(),
        mean_distance_km: if pairs > 0 {
            s.distance_km / pairs as f64
        } else {
            0.0
        },
        min_distance_km: if pairs > 0 { min_km } else { 0.0 },
        score: s,
    }
}

/// Checks every rule and recomputes the score.
///
/// Returns all violations found, not just the first.
pub fn verify(problem: &Problem, lineup: &Lineup) -> Result<Verified, Violations> {
    let ms = problem.municipalities();
    let n = ms.len();
    let settings = problem.settings();
    let mut v = Vec::new();
    let mut seen: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut ids = std::collections::HashSet::with_capacity(lineup.clusters.len());
    for (c, cl) in lineup.clusters.iter().enumerate() {
        if !ids.insert(cl.id.as_str()) {
            v.push(Violation::DuplicateClusterId {
                cluster: cl.id.clone(),
            });
        }
        for &m in &cl.members {
            if m >= n {
                v.push(Violation::UnknownMember {
                    cluster: cl.id.clone(),
                    index: m,
                });
            } else {
                seen[m].push(c);
            }
        }
    }
    for (i, s) in seen.iter().enumerate() {
        match s.len() {
            0 => v.push(Violation::Missing { id: ms[i].id.clone() }),
            1 => {}
            _ => v.push(Violation::Duplicate {
                id: ms[i].id.clone(),
                clusters: s.iter().map(|&c| lineup.clusters[c].id.clone()).collect(),
            }),
        }
    }
    let size = settings.cluster_size();
    let scheme = &settings.classes();
    for cl in &lineup.clusters {
        let members: Vec<usize> = cl.members.iter().copied().filter(|&m| m < n).collect();
        if !size.contains(members.len()) {
            v.push(Violation::ClusterSize {
                cluster: cl.id.clone(),
                size: members.len(),
                min: size.min,
                max: size.max,
            });
        }
        let mut classes: Vec<ClassId> = members.iter().map(|&i| problem.class_of(i)).collect();
        classes.sort();
        classes.dedup();
        let span_ok = match settings.comparability() {
            Comparability::Strict => classes.len() <= 1,
            Comparability::Adjacent => {
                classes.len() <= 1 || (classes.len() == 2 && classes[1].0 == classes[0].0 + 1)
            }
        };
        if !span_ok {
            v.push(Violation::ClassMix {
                cluster: cl.id.clone(),
                classes: classes.iter().map(|c| scheme.class(*c).name.clone()).collect(),
            });
        }
        if let Some(cap) = settings.max_per_land() {
            let mut per = [0usize; 16];
            for &i in &members {
                per[ms[i].land.index()] += 1;
            }
            for (l, &count) in per.iter().enumerate() {
                if count > cap {
                    v.push(Violation::LandCap {
                        cluster: cl.id.clone(),
                        state: crate::land::Land::ALL[l].name().to_string(),
                        count,
                        cap,
                    });
                }
            }
        }
    }
    let assign = lineup.assignment(n);
    let cluster_name = |c: Option<usize>| c.map_or("none".to_string(), |c| lineup.clusters[c].id.clone());
    for (i, m) in ms.iter().enumerate() {
        if let Some(p) = &m.cluster {
            if assign[i].map(|c| &lineup.clusters[c].id) != Some(p) {
                v.push(Violation::Pin {
                    id: m.id.clone(),
                    expected: p.clone(),
                    actual: cluster_name(assign[i]),
                });
            }
        }
    }
    for &(a, b) in problem.must_link() {
        if assign[a].is_none() || assign[a] != assign[b] {
            v.push(Violation::MustLink {
                a: ms[a].id.clone(),
                b: ms[b].id.clone(),
            });
        }
    }
    for &(a, b) in problem.cannot_link() {
        if assign[a].is_some() && assign[a] == assign[b] {
            v.push(Violation::CannotLink {
                a: ms[a].id.clone(),
                b: ms[b].id.clone(),
            });
        }
    }
    v.extend(
        alike_violations(problem, lineup)
            .into_iter()
            .map(|m| Violation::Alike {
                cluster: m.cluster,
                attribute: m.attribute,
                values: m.values,
            }),
    );
    v.extend(
        quota_violations(problem, lineup)
            .into_iter()
            .map(|q| Violation::Quota {
                cluster: q.cluster,
                quota: q.quota,
                value: q.value,
                count: q.count,
            }),
    );
    for block in problem.blocks() {
        let actual = lineup
            .clusters
            .iter()
            .filter(|cl| {
                cl.members
                    .iter()
                    .any(|&m| m < n && block.classes.contains(&problem.class_of(m)))
            })
            .count();
        if actual != block.clusters {
            v.push(Violation::ClusterCount {
                block: block.name.clone(),
                expected: block.clusters,
                actual,
            });
        }
    }
    if !v.is_empty() {
        return Err(Violations(v));
    }
    let clusters: Vec<ClusterMetrics> = lineup
        .clusters
        .iter()
        .map(|cl| score_members(problem, &cl.members))
        .collect();
    let score = clusters
        .iter()
        .fold(Score::default(), |acc, c| acc.plus(&c.score));
    Ok(Verified { score, clusters })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::land::Land;
    use crate::lineup::Cluster;
    use crate::municipality::LatLon;
    use crate::municipality::Municipality;
    use crate::settings::Settings;

    fn problem() -> Problem {
        let lands = [
            Land::SH,
            Land::BY,
            Land::BY,
            Land::NW,
            Land::SN,
            Land::HB,
            Land::BW,
        ];
        let ms = lands
            .iter()
            .enumerate()
            .map(|(i, l)| {
                Municipality::new(
                    format!("m{i}"),
                    format!("T{i}"),
                    *l,
                    150_000,
                    LatLon {
                        lat: 50.0 + i as f64,
                        lon: 10.0,
                    },
                )
            })
            .collect();
        Problem::new(ms, Settings::default().with_cannot_link("m0", "m6")).unwrap()
    }

    fn one(members: Vec<usize>) -> Lineup {
        Lineup {
            clusters: vec![Cluster {
                id: "Großstadt-1".into(),
                members,
            }],
        }
    }

    #[test]
    fn finds_missing_duplicate_and_unknown() {
        let p = problem();
        let err = verify(&p, &one(vec![0, 1, 1, 2, 3, 4, 9])).unwrap_err();
        assert!(err.contains(&Violation::Missing { id: "m5".into() }));
        assert!(
            err.iter()
                .any(|v| matches!(v, Violation::Duplicate { id, .. } if id == "m1"))
        );
        assert!(
            err.iter()
                .any(|v| matches!(v, Violation::UnknownMember { index: 9, .. }))
        );
    }

    #[test]
    fn finds_cannot_link() {
        let p = problem();
        let err = verify(&p, &one((0..7).collect())).unwrap_err();
        assert_eq!(
            err,
            Violations(vec![Violation::CannotLink {
                a: "m0".into(),
                b: "m6".into()
            }])
        );
    }

    #[test]
    fn scores_from_scratch() {
        let ms = vec![
            Municipality::new("a", "A", Land::BY, 200_000, LatLon { lat: 50.0, lon: 10.0 }),
            Municipality::new("b", "B", Land::BY, 200_000, LatLon { lat: 51.0, lon: 10.0 }),
            Municipality::new("c", "C", Land::SH, 200_000, LatLon { lat: 52.0, lon: 10.0 }),
            Municipality::new("d", "D", Land::HE, 200_000, LatLon { lat: 53.0, lon: 10.0 }),
            Municipality::new("e", "E", Land::HB, 200_000, LatLon { lat: 54.0, lon: 10.0 }),
            Municipality::new("f", "F", Land::NI, 200_000, LatLon { lat: 55.0, lon: 10.0 }),
        ];
        let p = Problem::new(ms, Settings::default()).unwrap();
        let ok = verify(&p, &one((0..6).collect())).unwrap();
        let s = ok.score;
        assert_eq!(s.same_land_pairs, 1);
        // Non-bordering pairs: BY–SH ×2, BY–HB ×2, BY–NI ×2, SH–HE, SH–HB, HE–HB = 9
        assert_eq!(s.non_bordering_pairs, 9);
        assert_eq!(s.penalty, 1.0);
        // Latitude steps of 1° along a meridian: sum over pairs of |Δ| · 111.19 km.
        let expected_km = 35.0 * crate::distance::EARTH_RADIUS_KM * 1f64.to_radians();
        assert!(
            (s.distance_km - expected_km).abs() < 1e-6 * expected_km,
            "{}",
            s.distance_km
        );
        assert!((s.spread - (9.0 + expected_km / 100.0)).abs() < 1e-6);
        assert_eq!(ok.clusters[0].distinct_states, 5);
    }

    /// Six Großstädte (one cluster) and twelve Mittelstädte (two clusters,
    /// one pinned "P"), clusters of 3..6, at most one member per Land, a
    /// must-link and a cannot-link; and a lineup that keeps every rule.
    fn ruled() -> (Problem, Lineup) {
        let gross = [Land::SH, Land::HH, Land::NI, Land::HB, Land::NW, Land::HE];
        let mittel = [
            Land::BY,
            Land::BY,
            Land::RP,
            Land::BW,
            Land::SL,
            Land::BE,
            Land::BB,
            Land::MV,
            Land::SN,
            Land::ST,
            Land::TH,
            Land::SH,
        ];
        let at = |i: usize| LatLon {
            lat: 48.0 + i as f64 * 0.3,
            lon: 7.0 + i as f64 * 0.4,
        };
        let mut ms: Vec<Municipality> = gross
            .iter()
            .enumerate()
            .map(|(i, &l)| Municipality::new(format!("g{i}"), format!("G{i}"), l, 150_000, at(i)))
            .collect();
        ms.extend(
            mittel
                .iter()
                .enumerate()
                .map(|(i, &l)| Municipality::new(format!("m{i}"), format!("M{i}"), l, 50_000, at(i + 6))),
        );
        ms[6 + 6].cluster = Some("P".into());
        let settings = Settings::default()
            .with_cluster_size(crate::settings::ClusterSize::new(3, 6))
            .with_max_per_land(1)
            .with_must_link("m2", "m3")
            .with_cannot_link("m4", "m5");
        let p = Problem::new(ms, settings).unwrap();
        let m = |i: usize| 6 + i;
        let lineup = Lineup {
            clusters: vec![
                Cluster {
                    id: "Großstadt-1".into(),
                    members: (0..6).collect(),
                },
                Cluster {
                    id: "P".into(),
                    members: vec![m(6), m(0), m(2), m(3), m(4), m(7)],
                },
                Cluster {
                    id: "Mittelstadt-1".into(),
                    members: vec![m(1), m(5), m(8), m(9), m(10), m(11)],
                },
            ],
        };
        (p, lineup)
    }

    /// Exchanges members `a` and `b` between their clusters.
    fn swap(l: &Lineup, a: usize, b: usize) -> Lineup {
        let mut l = l.clone();
        for c in &mut l.clusters {
            for x in &mut c.members {
                if *x == a {
                    *x = b;
                } else if *x == b {
                    *x = a;
                }
            }
        }
        l
    }

    #[test]
    fn every_violation_kind_is_found() {
        let (p, ok) = ruled();
        assert!(verify(&p, &ok).is_ok(), "{:?}", verify(&p, &ok));
        let m = |i: usize| 6 + i;
        let kinds = |l: &Lineup| -> Vec<String> {
            let mut k: Vec<String> = verify(&p, l)
                .unwrap_err()
                .iter()
                .map(|v| {
                    serde_json::to_value(v).unwrap()["rule"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect();
            k.dedup();
            k
        };
        let mut renamed = ok.clone();
        renamed.clusters[2].id = "P".into();
        assert_eq!(kinds(&renamed), ["duplicate_cluster_id"]);
        let mut oversized = ok.clone();
        oversized.clusters[2].members.retain(|&x| x != m(11));
        oversized.clusters[1].members.push(m(11));
        assert_eq!(kinds(&oversized), ["cluster_size"]);
        assert!(
            verify(&p, &oversized)
                .unwrap_err()
                .contains(&Violation::ClusterSize {
                    cluster: "P".into(),
                    size: 7,
                    min: 3,
                    max: 6
                })
        );
        let mixed = kinds(&swap(&ok, 5, m(7)));
        assert!(mixed.contains(&"class_mix".to_string()), "{mixed:?}");
        assert_eq!(kinds(&swap(&ok, m(6), m(8))), ["pin"]);
        assert_eq!(kinds(&swap(&ok, m(3), m(9))), ["must_link"]);
        assert_eq!(kinds(&swap(&ok, m(5), m(7))), ["cannot_link"]);
        assert_eq!(kinds(&swap(&ok, m(1), m(7))), ["land_cap"]);
        let mut split = ok.clone();
        split.clusters[0].members = vec![0, 1, 2];
        split.clusters.push(Cluster {
            id: "Großstadt-2".into(),
            members: vec![3, 4, 5],
        });
        assert_eq!(kinds(&split), ["cluster_count"]);
        let mut lost = ok.clone();
        lost.clusters[2].members.pop();
        assert!(kinds(&lost).contains(&"missing".to_string()));
        let mut twice = ok.clone();
        twice.clusters[2].members.push(0);
        assert!(kinds(&twice).contains(&"duplicate".to_string()));
        let mut unknown = ok;
        unknown.clusters[2].members.push(99);
        assert!(kinds(&unknown).contains(&"unknown_member".to_string()));
    }
}
