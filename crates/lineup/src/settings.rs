//! What the user asks for: cluster sizes and counts, size classes,
//! comparability, objective weights and hard constraints.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use thiserror::Error;

use crate::criterion::Criterion;
use crate::names::fold;
use crate::objective::Weights;
use crate::size_class::{ClassId, ClassScheme};

/// A setting given as text that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum SettingError {
    /// A cluster size that is not a range.
    #[error("cluster size {given:?} is not a range: write it as MIN..MAX, e.g. 6..7")]
    NotARange {
        /// What was given.
        given: String,
    },
    /// A cluster size range that holds no size.
    #[error("invalid cluster size {min}..{max}: need 1 <= min <= max, e.g. 6..7")]
    EmptyRange {
        /// Lower bound.
        min: usize,
        /// Upper bound.
        max: usize,
    },
    /// A cluster count that is neither `auto`, a number, nor `CLASS=N` pairs.
    #[error(
        "cluster count {given:?} not understood: write a number (5) or CLASS=N pairs (Großstadt=2,Mittelstadt=3)"
    )]
    ClusterCount {
        /// What was given.
        given: String,
    },
    /// A per-class cluster count that is not a whole number.
    #[error("cluster count {given:?} for class {class:?} is not a whole number")]
    ClassCount {
        /// The class named.
        class: String,
        /// The count given.
        given: String,
    },
    /// A comparability rule that does not exist.
    #[error("comparability {given:?} not understood: use strict or adjacent")]
    Comparability {
        /// What was given.
        given: String,
    },
}

/// Inclusive bounds on the number of members of every cluster.
///
/// Parsed from `6..7`, `6..=7`, `6-7` or a single number `6`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterSize {
    /// Fewest members.
    pub min: usize,
    /// Most members.
    pub max: usize,
}

impl ClusterSize {
    /// Bounds `min..=max`; checked when the problem is built.
    pub const fn new(min: usize, max: usize) -> ClusterSize {
        ClusterSize { min, max }
    }

    /// Whether `size` is within the bounds.
    pub fn contains(&self, size: usize) -> bool {
        (self.min..=self.max).contains(&size)
    }

    /// The fewest clusters that can hold `n` members, if any number can.
    pub fn fewest_clusters(&self, n: usize) -> Option<usize> {
        if n == 0 {
            return Some(0);
        }
        let k = n.div_ceil(self.max);
        (k * self.min <= n).then_some(k)
    }

    /// Whether `k` clusters can hold exactly `n` members.
    pub fn fits(&self, n: usize, k: usize) -> bool {
        k * self.min <= n && n <= k * self.max
    }
}

impl Default for ClusterSize {
    fn default() -> Self {
        ClusterSize::new(6, 7)
    }
}

impl fmt::Display for ClusterSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.min, self.max)
    }
}

impl FromStr for ClusterSize {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || SettingError::NotARange { given: s.to_string() };
        let t = s.trim();
        let (lo, hi) = if let Some((a, b)) = t.split_once("..") {
            (a, b.trim_start_matches('='))
        } else if let Some((a, b)) = t.split_once('-') {
            (a, b)
        } else {
            (t, t)
        };
        let min: usize = lo.trim().parse().map_err(|_| bad())?;
        let max: usize = hi.trim().parse().map_err(|_| bad())?;
        if min == 0 || min > max {
            return Err(SettingError::EmptyRange { min, max });
        }
        Ok(ClusterSize { min, max })
    }
}

/// How many clusters to form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClusterCount {
    /// The fewest clusters that fit the size bounds, per size class.
    #[default]
    Auto,
    /// This many clusters in total, spread over the size classes.
    Total(usize),
    /// This many clusters for the named size classes (others: fewest that fit).
    PerClass(Vec<(String, usize)>),
}

impl FromStr for ClusterCount {
    type Err = SettingError;

    /// `auto`, a number (`5`) or per class (`Großstadt=2,Mittelstadt=3`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("auto") {
            return Ok(ClusterCount::Auto);
        }
        if let Ok(n) = t.parse::<usize>() {
            return Ok(ClusterCount::Total(n));
        }
        let mut per = Vec::new();
        for part in t.split(',') {
            let (name, n) = part
                .split_once('=')
                .ok_or_else(|| SettingError::ClusterCount { given: s.to_string() })?;
            let n: usize = n.trim().parse().map_err(|_| SettingError::ClassCount {
                class: name.trim().to_string(),
                given: n.trim().to_string(),
            })?;
            per.push((name.trim().to_string(), n));
        }
        Ok(ClusterCount::PerClass(per))
    }
}

/// Which municipalities may share a cluster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparability {
    /// One size class per cluster (default).
    #[default]
    Strict,
    /// Neighbouring size classes may share a cluster; every mixed pair is
    /// penalised with [`Weights::mixed_class`].
    Adjacent,
}

impl FromStr for Comparability {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "strict" => Ok(Comparability::Strict),
            "adjacent" => Ok(Comparability::Adjacent),
            _ => Err(SettingError::Comparability { given: s.to_string() }),
        }
    }
}

impl Comparability {
    /// The largest difference between the size classes of one cluster:
    /// 0 (strict) or 1 (adjacent).
    pub fn max_class_gap(self) -> u8 {
        match self {
            Comparability::Strict => 0,
            Comparability::Adjacent => 1,
        }
    }

    /// Whether a cluster whose smallest size class is `lo` and largest `hi`
    /// is allowed.
    pub fn allows_span(self, lo: ClassId, hi: ClassId) -> bool {
        hi.0.saturating_sub(lo.0) <= self.max_class_gap()
    }

    /// Whether these size classes (in any order, repeats allowed) may share
    /// one cluster.
    ///
    /// ```
    /// use lineup::{ClassId, Comparability};
    /// assert!(Comparability::Adjacent.allows(&[ClassId(2), ClassId(1), ClassId(2)]));
    /// assert!(!Comparability::Strict.allows(&[ClassId(2), ClassId(1)]));
    /// assert!(!Comparability::Adjacent.allows(&[ClassId(0), ClassId(2)]));
    /// ```
    pub fn allows(self, classes: &[ClassId]) -> bool {
        match (classes.iter().min(), classes.iter().max()) {
            (Some(&lo), Some(&hi)) => self.allows_span(lo, hi),
            _ => true,
        }
    }
}

impl fmt::Display for Comparability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Comparability::Strict => "strict",
            Comparability::Adjacent => "adjacent",
        })
    }
}

/// Everything the user decides besides the municipalities.
///
/// Built with defaults and chained setters, read with getters of the same
/// name:
///
/// ```
/// use lineup::{Settings, ClusterSize, Comparability};
/// let s = Settings::default()
///     .with_cluster_size(ClusterSize::new(5, 8))
///     .with_comparability(Comparability::Adjacent)
///     .with_max_per_land(2)
///     .with_must_link("09162000", "Nürnberg");
/// assert_eq!(s.cluster_size().max, 8);
/// assert_eq!(s.max_per_land(), Some(2));
/// assert_eq!(s.must_links().len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    cluster_size: ClusterSize,
    clusters: ClusterCount,
    classes: ClassScheme,
    comparability: Comparability,
    weights: Weights,
    max_per_land: Option<usize>,
    must_link: Vec<(String, String)>,
    cannot_link: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    criteria: Vec<Criterion>,
}

impl Settings {
    /// Sets the bounds on members per cluster (default 6..7).
    pub fn with_cluster_size(mut self, size: ClusterSize) -> Settings {
        self.cluster_size = size;
        self
    }

    /// Sets the number of clusters (default: the fewest that fit).
    pub fn with_clusters(mut self, count: ClusterCount) -> Settings {
        self.clusters = count;
        self
    }

    /// Sets the size class scheme (default: BBSR-style).
    pub fn with_classes(mut self, scheme: ClassScheme) -> Settings {
        self.classes = scheme;
        self
    }

    /// Sets which size classes may mix (default: strict).
    pub fn with_comparability(mut self, c: Comparability) -> Settings {
        self.comparability = c;
        self
    }

    /// Sets the objective weights.
    pub fn with_weights(mut self, w: Weights) -> Settings {
        self.weights = w;
        self
    }

    /// Caps the members per Land per cluster.
    pub fn with_max_per_land(mut self, cap: usize) -> Settings {
        self.max_per_land = Some(cap);
        self
    }

    /// Removes the cap on members per Land per cluster.
    pub fn without_max_per_land(mut self) -> Settings {
        self.max_per_land = None;
        self
    }

    /// Adds a pair of municipalities (ids or names) that must share a cluster.
    pub fn with_must_link(mut self, a: impl Into<String>, b: impl Into<String>) -> Settings {
        self.must_link.push((a.into(), b.into()));
        self
    }

    /// Adds a pair of municipalities (ids or names) that must not share a cluster.
    pub fn with_cannot_link(mut self, a: impl Into<String>, b: impl Into<String>) -> Settings {
        self.cannot_link.push((a.into(), b.into()));
        self
    }

    /// Replaces all must-links.
    pub fn with_must_links(mut self, pairs: Vec<(String, String)>) -> Settings {
        self.must_link = pairs;
        self
    }

    /// Replaces all cannot-links.
    pub fn with_cannot_links(mut self, pairs: Vec<(String, String)>) -> Settings {
        self.cannot_link = pairs;
        self
    }

    /// Adds a criterion of the planner's own (see [`Criterion`]).
    ///
    /// `different state` sets the same-Land weight of [`Weights`] (the
    /// default criterion; `state=0` removes it) and a hard `alike
    /// size_class` is the default already; `at-most state=*:N` is the cap
    /// per Land ([`max_per_land`](Self::max_per_land), the lower of both
    /// when given twice); any other criterion is added.
    ///
    /// ```
    /// use lineup::{Criterion, Settings};
    /// let s = Settings::default()
    ///     .with_criterion(Criterion::parse_different("state=2")?)
    ///     .with_criterion(Criterion::parse_different("district")?);
    /// assert_eq!(s.weights().same_land, 2.0);
    /// assert_eq!(s.criteria().len(), 1);
    /// let capped = Settings::default().with_criterion(Criterion::parse_at_most("state=*:2")?);
    /// assert_eq!(capped, Settings::default().with_max_per_land(2));
    /// # Ok::<_, lineup::CriterionError>(())
    /// ```
    pub fn with_criterion(mut self, c: Criterion) -> Settings {
        let is = |name: &str| fold(c.attribute()) == fold(name);
        match &c {
            Criterion::Different { weight, .. } if is("state") => self.weights.same_land = *weight,
            Criterion::Alike { soft: None, .. } if is("size_class") => {}
            Criterion::AtMost { value, count, .. }
                if is("state") && value == crate::criterion::EVERY_VALUE =>
            {
                self.max_per_land = Some(self.max_per_land.map_or(*count, |c| c.min(*count)));
            }
            _ => self.criteria.push(c),
        }
        self
    }

    /// Criteria of the planner's own, besides the defaults.
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    /// Bounds on members per cluster.
    pub fn cluster_size(&self) -> ClusterSize {
        self.cluster_size
    }

    /// Number of clusters.
    pub fn clusters(&self) -> &ClusterCount {
        &self.clusters
    }

    /// Size classes.
    pub fn classes(&self) -> &ClassScheme {
        &self.classes
    }

    /// Which size classes may mix.
    pub fn comparability(&self) -> Comparability {
        self.comparability
    }

    /// Objective weights.
    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// At most this many members from one Land per cluster, if capped.
    pub fn max_per_land(&self) -> Option<usize> {
        self.max_per_land
    }

    /// Pairs (ids or names) that must share a cluster.
    pub fn must_links(&self) -> &[(String, String)] {
        &self.must_link
    }

    /// Pairs (ids or names) that must not share a cluster.
    pub fn cannot_links(&self) -> &[(String, String)] {
        &self.cannot_link
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_cluster_sizes() {
        assert!("0..3".parse::<ClusterSize>().is_err());
        assert!("7..6".parse::<ClusterSize>().is_err());
        assert!("six".parse::<ClusterSize>().is_err());
    }

    #[test]
    fn parses_cluster_sizes() {
        assert_eq!("6..7".parse::<ClusterSize>().unwrap(), ClusterSize::new(6, 7));
        assert_eq!("6..=7".parse::<ClusterSize>().unwrap(), ClusterSize::new(6, 7));
        assert_eq!("4-8".parse::<ClusterSize>().unwrap(), ClusterSize::new(4, 8));
        assert_eq!("5".parse::<ClusterSize>().unwrap(), ClusterSize::new(5, 5));
    }

    #[test]
    fn fewest_clusters() {
        let s = ClusterSize::new(6, 7);
        assert_eq!(s.fewest_clusters(0), Some(0));
        assert_eq!(s.fewest_clusters(5), None);
        assert_eq!(s.fewest_clusters(6), Some(1));
        assert_eq!(s.fewest_clusters(8), None);
        assert_eq!(s.fewest_clusters(13), Some(2));
        assert_eq!(s.fewest_clusters(81), Some(12));
        assert!(s.fits(20, 3));
        assert!(!s.fits(22, 3));
    }

    #[test]
    fn parses_cluster_counts() {
        assert_eq!("auto".parse::<ClusterCount>().unwrap(), ClusterCount::Auto);
        assert_eq!("5".parse::<ClusterCount>().unwrap(), ClusterCount::Total(5));
        assert_eq!(
            "Großstadt=2, Mittelstadt=3".parse::<ClusterCount>().unwrap(),
            ClusterCount::PerClass(vec![("Großstadt".into(), 2), ("Mittelstadt".into(), 3)])
        );
        assert!("Großstadt=x".parse::<ClusterCount>().is_err());
        assert!("x".parse::<ClusterCount>().is_err());
    }
}
