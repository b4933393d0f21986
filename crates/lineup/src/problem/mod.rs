//! A validated problem: municipalities, settings, and the independent blocks
//! (one per size class, or one for all with adjacent comparability) with the
//! number of clusters each must form.
//!
//! Building a [`Problem`] checks everything that can be checked before
//! solving and explains, in words, any request that cannot be met.
//!
//! * `parts`: the input, indexed and checked on its own;
//! * `ids`: finding a municipality by id or name;
//! * `block`, `split`: the blocks and how a problem is split into them;
//! * `feasibility`, `infeasibility`: the checks of pins, links and caps,
//!   and why a request is impossible;
//! * `error`: what cannot be set up at all.

mod block;
mod builtin;
mod conflict;
mod criteria;
mod error;
mod feasibility;
mod fingerprint;
mod ids;
mod infeasibility;
mod parts;
mod quotas;
mod split;

pub use block::Block;
pub use builtin::{BUILTIN_ATTRIBUTES, builtin_attribute, is_east};
pub use conflict::{BlockName, CriteriaConflict};
pub use error::ProblemError;
pub use ids::{KeyError, find_in};
pub use infeasibility::Infeasibility;

use crate::ilp::Backend;
use crate::municipality::Municipality;
use crate::settings::{Comparability, Settings};
use crate::size_class::ClassId;
use crate::suggestion::Suggestion;

use parts::Parts;

/// Whether the programme's three classes (`kfa`) make a request feasible
/// that the default `bbsr` classes do not (no class column of the file's
/// own: it would win over either scheme).
fn kfa_would_fit(parts: &Parts, backend: Backend) -> bool {
    let default = crate::size_class::ClassScheme::default();
    if parts.settings.classes().name != default.name
        || parts.municipalities.iter().any(|m| m.size_class.is_some())
    {
        return false;
    }
    let Ok(kfa) = "kfa".parse::<crate::size_class::ClassScheme>() else {
        return false;
    };
    let settings = parts.settings.clone().with_classes(kfa);
    Problem::with_backend(parts.municipalities.clone(), settings, backend).is_ok()
}

/// Municipalities plus settings, validated, split into blocks.
#[derive(Clone, Debug)]
pub struct Problem {
    parts: Parts,
    blocks: Vec<Block>,
    criteria: Vec<criteria::Resolved>,
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
        let parts = Parts::new(municipalities, settings)?;
        let criteria = criteria::resolve(&parts)?;
        feasibility::check_links(&parts).map_err(ProblemError::Infeasible)?;
        let mut blocks = match split::blocks(&parts, backend) {
            Ok(b) => b,
            Err(ProblemError::Infeasible(mut why)) => {
                if kfa_would_fit(&parts, backend) {
                    why.suggestions.insert(0, Suggestion::Classes("kfa".into()));
                }
                return Err(ProblemError::Infeasible(why));
            }
            Err(e) => return Err(e),
        };
        feasibility::check_pins_and_caps(&parts, &blocks).map_err(ProblemError::Infeasible)?;
        criteria::check_alike(&parts, &blocks, &criteria).map_err(ProblemError::Infeasible)?;
        quotas::check_quotas(&parts, &blocks, &criteria).map_err(ProblemError::Infeasible)?;
        let per_class = parts.settings.comparability() == Comparability::Strict;
        block::name_clusters(&mut blocks, per_class);
        Ok(Problem {
            parts,
            blocks,
            criteria,
        })
    }

    /// The municipalities, in input order.
    pub fn municipalities(&self) -> &[Municipality] {
        &self.parts.municipalities
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.parts.settings
    }

    /// The size class of municipality `i`.
    pub fn class_of(&self, i: usize) -> ClassId {
        self.parts.class_of[i]
    }

    /// The value of attribute `name` for municipality `i`: the file's
    /// column of that name (when any municipality has one), else a built-in
    /// attribute (see [`BUILTIN_ATTRIBUTES`]); `None` if it has none.
    pub fn attribute(&self, i: usize, name: &str) -> Option<String> {
        criteria::value_of(&self.parts, criteria::has_column(&self.parts, name), i, name)
    }

    /// The criteria with per municipality the code of its value.
    pub(crate) fn resolved_criteria(&self) -> &[criteria::Resolved] {
        &self.criteria
    }

    /// The independent blocks.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Must-link pairs as municipality indices.
    pub fn must_link(&self) -> &[(usize, usize)] {
        &self.parts.must_link
    }

    /// Cannot-link pairs as municipality indices.
    pub fn cannot_link(&self) -> &[(usize, usize)] {
        &self.parts.cannot_link
    }

    /// The index of the municipality with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.parts.index.get(id).copied()
    }

    /// The index of the municipality `key` names, as a planner types it: an
    /// exact id first, else a name (matched like the register's names: case,
    /// umlaut spelling, spaces and punctuation do not matter), else a name
    /// with its Land after a comma or in parentheses: `"Neustadt, BY"`,
    /// `"Neustadt (Bayern)"`. An unknown key lists similar names; an
    /// ambiguous one every candidate.
    ///
    /// ```
    /// use lineup::{Land, LatLon, Municipality, Problem, Settings};
    ///
    /// let towns: Vec<Municipality> = (0..6)
    ///     .map(|i| {
    ///         let at = LatLon { lat: 50.0, lon: 10.0 };
    ///         Municipality::new(format!("id{i}"), format!("Ort {i}"), Land::ALL[i], 50_000, at)
    ///     })
    ///     .collect();
    /// let problem = Problem::new(towns, Settings::default())?;
    /// assert_eq!(problem.find("id2"), Ok(2));
    /// assert_eq!(problem.find("ort 3"), Ok(3));
    /// assert!(problem.find("Ort").unwrap_err().to_string().contains("did you mean"));
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn find(&self, key: &str) -> Result<usize, KeyError> {
        match self.index_of(key) {
            Some(i) => Ok(i),
            None => ids::find_in(self.municipalities(), key),
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::land::Land;
    use crate::municipality::LatLon;
    use crate::settings::{ClusterCount, ClusterSize};
    use crate::suggestion::Suggestion;

    fn town(id: usize, land: Land, pop: u64) -> Municipality {
        Municipality::new(
            format!("m{id}"),
            format!("Town {id}"),
            land,
            pop,
            LatLon {
                lat: 50.0 + id as f64 * 0.01,
                lon: 10.0,
            },
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
                .contains("1 cluster holds at most 7, 2 clusters need at least 12"),
            "{}",
            inf.reason
        );
        assert!(
            inf.suggestions
                .contains(&Suggestion::Comparability(Comparability::Adjacent))
        );
        assert!(
            inf.suggestions
                .contains(&Suggestion::ClusterSize { min: 4, max: 7 }),
            "{:?}",
            inf.suggestions
        );
        assert!(
            inf.suggestions
                .contains(&Suggestion::ClusterSize { min: 6, max: 8 }),
            "{:?}",
            inf.suggestions
        );
    }

    #[test]
    fn adjacent_mixes_eight_big_cities_with_medium_towns() {
        let mut ms = towns(8, 200_000, 0);
        ms.extend(towns(6, 50_000, 8));
        let p = Problem::new(
            ms,
            Settings::default().with_comparability(Comparability::Adjacent),
        )
        .unwrap();
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
        let s = Settings::default().with_cluster_size(ClusterSize::new(4, 7));
        let ks = |t: usize| -> Vec<usize> {
            let p = Problem::new(ms.clone(), s.clone().with_clusters(ClusterCount::Total(t))).unwrap();
            p.blocks().iter().map(|b| b.clusters).collect()
        };
        assert_eq!(ks(6), vec![2, 4]);
        assert_eq!(ks(7), vec![3, 4]);
        assert_eq!(ks(8), vec![3, 5]);
        let err = Problem::new(ms.clone(), s.clone().with_clusters(ClusterCount::Total(10))).unwrap_err();
        assert!(matches!(err, ProblemError::Infeasible(_)), "{err:?}");
        let err = Problem::new(ms, s.with_clusters(ClusterCount::Total(5))).unwrap_err();
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
        let s = Settings::default()
            .with_must_link("m0", "m1")
            .with_cannot_link("m1", "m0");
        assert!(matches!(
            Problem::new(ms.clone(), s).unwrap_err(),
            ProblemError::Infeasible(_)
        ));
        let s = Settings::default().with_must_link("m0", "nope");
        assert!(matches!(
            Problem::new(ms.clone(), s).unwrap_err(),
            ProblemError::UnknownLink { .. }
        ));
        let s = Settings::default().with_cannot_link("m0", "m0");
        assert!(matches!(
            Problem::new(ms.clone(), s).unwrap_err(),
            ProblemError::Infeasible(_)
        ));
        // A must-link of a municipality to itself is a mistake in the request.
        let s = Settings::default().with_must_link("m0", "m0");
        assert!(matches!(
            Problem::new(ms.clone(), s).unwrap_err(),
            ProblemError::SelfLink { .. }
        ));
        // Names work as well as ids.
        let s = Settings::default()
            .with_must_link("town 3", "m7")
            .with_cannot_link("Town 1", "Town 2");
        let p = Problem::new(ms, s).unwrap();
        assert_eq!(p.must_link(), &[(3, 7)]);
        assert_eq!(p.cannot_link(), &[(1, 2)]);
    }

    #[test]
    fn caps_are_checked() {
        let ms: Vec<Municipality> = (0..12).map(|i| town(i, Land::NW, 50_000)).collect();
        let err = Problem::new(ms, Settings::default().with_max_per_land(2)).unwrap_err();
        let ProblemError::Infeasible(inf) = err else {
            panic!()
        };
        assert!(
            inf.reason.contains("Nordrhein-Westfalen has 12 members"),
            "{}",
            inf.reason
        );
        assert_eq!(inf.suggestions[0], Suggestion::MaxPerLand(6));
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
