//! Size classes: which municipalities count as comparable.
//!
//! A [`ClassScheme`] cuts the population axis at thresholds. Classes are
//! numbered from the smallest ([`ClassId`] 0) upwards, so neighbouring
//! classes have neighbouring ids.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use thiserror::Error;

use crate::messages::{Lang, thousands};
use crate::municipality::Municipality;
use crate::names::fold;

/// A size-class specification that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum SchemeError {
    /// No thresholds were given.
    #[error("no class thresholds given: use bbsr, kfa or a list like 20000,100000")]
    NoThresholds,
    /// A threshold is not a whole number.
    #[error("class threshold {given:?} is not a whole number: use bbsr, kfa or a list like 20000,100000")]
    BadThreshold {
        /// What was given.
        given: String,
    },
    /// Thresholds must increase strictly and be positive.
    #[error("class thresholds must be positive and strictly increasing, but {before} is followed by {after}")]
    NotIncreasing {
        /// The earlier threshold.
        before: u64,
        /// The later threshold.
        after: u64,
    },
    /// Too many classes.
    #[error("{count} size classes are too many (at most 251)")]
    TooManyClasses {
        /// Number of classes requested.
        count: usize,
    },
}

/// Index of a size class within its [`ClassScheme`], 0 = the smallest towns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClassId(pub u8);

impl ClassId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One size class: a name and the smallest population it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SizeClass {
    /// Display name, e.g. `"Großstadt"`.
    pub name: String,
    /// Smallest population in this class (inclusive).
    pub min_population: u64,
}

/// An ordered set of size classes that partition the population axis.
///
/// ```
/// use lineup::{ClassScheme, ClassId};
/// let bbsr = ClassScheme::bbsr();
/// assert_eq!(bbsr.classify(99_999), ClassId(2));
/// assert_eq!(bbsr.class(ClassId(3)).name, "Großstadt");
/// let kfa: ClassScheme = "kfa".parse()?;
/// assert_eq!(kfa.len(), 3);
/// let custom: ClassScheme = "10000,50000".parse()?;
/// assert_eq!(custom.class(custom.classify(12_000)).name, "10000-49999");
/// # Ok::<_, lineup::SchemeError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassScheme {
    /// Short name of the scheme: `bbsr`, `kfa` or the threshold list.
    pub name: String,
    classes: Vec<SizeClass>,
}

impl ClassScheme {
    /// BBSR-style default: Landgemeinde < 5 000 ≤ Kleinstadt < 20 000 ≤
    /// Mittelstadt < 100 000 ≤ Großstadt.
    pub fn bbsr() -> ClassScheme {
        ClassScheme::named(
            "bbsr",
            &[
                ("Landgemeinde", 0),
                ("Kleinstadt", 5_000),
                ("Mittelstadt", 20_000),
                ("Großstadt", 100_000),
            ],
        )
    }

    /// The three clusters of the Kommunaler Fachaustausch: Kleinstadt < 20 000 ≤
    /// Mittelstadt < 100 000 ≤ Großstadt (metropolitan areas).
    pub fn kfa() -> ClassScheme {
        ClassScheme::named(
            "kfa",
            &[("Kleinstadt", 0), ("Mittelstadt", 20_000), ("Großstadt", 100_000)],
        )
    }

    fn named(name: &str, classes: &[(&str, u64)]) -> ClassScheme {
        ClassScheme {
            name: name.to_string(),
            classes: classes
                .iter()
                .map(|(n, p)| SizeClass {
                    name: n.to_string(),
                    min_population: *p,
                })
                .collect(),
        }
    }

    /// Classes cut at the given thresholds (strictly increasing, each > 0).
    /// `[20000, 100000]` gives `<20000`, `20000-99999` and `>=100000`.
    pub fn from_thresholds(thresholds: &[u64]) -> Result<ClassScheme, SchemeError> {
        if thresholds.is_empty() {
            return Err(SchemeError::NoThresholds);
        }
        if thresholds.len() > 250 {
            return Err(SchemeError::TooManyClasses {
                count: thresholds.len() + 1,
            });
        }
        for w in thresholds.windows(2) {
            if w[0] >= w[1] {
                return Err(SchemeError::NotIncreasing {
                    before: w[0],
                    after: w[1],
                });
            }
        }
        if thresholds[0] == 0 {
            return Err(SchemeError::NotIncreasing { before: 0, after: 0 });
        }
        let mut classes = vec![SizeClass {
            name: format!("<{}", thresholds[0]),
            min_population: 0,
        }];
        for (i, &t) in thresholds.iter().enumerate() {
            let name = match thresholds.get(i + 1) {
                Some(next) => format!("{}-{}", t, next - 1),
                None => format!(">={t}"),
            };
            classes.push(SizeClass {
                name,
                min_population: t,
            });
        }
        let name = thresholds
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        Ok(ClassScheme { name, classes })
    }

    /// Number of classes.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// Always false: a scheme has at least one class.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// All classes, smallest first.
    pub fn classes(&self) -> &[SizeClass] {
        &self.classes
    }

    /// The names of all classes, comma-separated, smallest first.
    pub fn names(&self) -> String {
        self.classes
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The class with the given id.
    ///
    /// # Panics
    /// If `id` does not belong to this scheme.
    pub fn class(&self, id: ClassId) -> &SizeClass {
        &self.classes[id.index()]
    }

    /// The class a population falls into.
    pub fn classify(&self, population: u64) -> ClassId {
        let idx = self
            .classes
            .iter()
            .rposition(|c| population >= c.min_population)
            .unwrap_or(0);
        ClassId(idx as u8)
    }

    /// The class with the given name (case-insensitive; `ss` matches `ß`), or
    /// its 1-based number counted from the smallest class.
    pub fn find(&self, name: &str) -> Option<ClassId> {
        let folded = fold(name);
        if let Some(i) = self.classes.iter().position(|c| fold(&c.name) == folded) {
            return Some(ClassId(i as u8));
        }
        match name.trim().parse::<usize>() {
            Ok(n) if (1..=self.classes.len()).contains(&n) => Some(ClassId((n - 1) as u8)),
            _ => None,
        }
    }

    /// The class of a municipality: its explicit class if it has one (and the
    /// scheme knows it), else the class of its population. `None` if the
    /// explicit class is unknown to the scheme.
    pub fn class_of(&self, m: &Municipality) -> Option<ClassId> {
        match &m.size_class {
            Some(c) if !c.trim().is_empty() => self.find(c),
            _ => Some(self.classify(m.population)),
        }
    }

    /// Human-readable population range of a class in a language, thousands
    /// grouped as [`thousands`] does: `"20,000–99,999"`, German
    /// `"20.000–99.999"`.
    pub fn range_label(&self, id: ClassId, lang: Lang) -> String {
        let lo = self.classes[id.index()].min_population;
        match self.classes.get(id.index() + 1) {
            Some(next) if lo == 0 => format!("< {}", thousands(next.min_population, lang)),
            Some(next) => format!(
                "{}–{}",
                thousands(lo, lang),
                thousands(next.min_population - 1, lang)
            ),
            None => format!("≥ {}", thousands(lo, lang)),
        }
    }
}

impl Default for ClassScheme {
    fn default() -> Self {
        ClassScheme::bbsr()
    }
}

impl FromStr for ClassScheme {
    type Err = SchemeError;

    /// `bbsr`, `kfa`, or a comma-separated list of thresholds `T1,T2,…`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "bbsr" | "default" => return Ok(ClassScheme::bbsr()),
            "kfa" => return Ok(ClassScheme::kfa()),
            _ => {}
        }
        let mut thresholds = Vec::new();
        for part in s.split(',') {
            let t = part.trim().replace(['_', ' '], "");
            let v = t.parse::<u64>().map_err(|_| SchemeError::BadThreshold {
                given: part.trim().to_string(),
            })?;
            thresholds.push(v);
        }
        ClassScheme::from_thresholds(&thresholds)
    }
}

impl fmt::Display for ClassScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_threshold_lists() {
        assert!("".parse::<ClassScheme>().is_err());
        assert!("abc".parse::<ClassScheme>().is_err());
        assert!("100,50".parse::<ClassScheme>().is_err());
        assert!("0,50".parse::<ClassScheme>().is_err());
        assert!("50,50".parse::<ClassScheme>().is_err());
    }

    #[test]
    fn bbsr_thresholds() {
        let s = ClassScheme::bbsr();
        assert_eq!(s.classify(0), ClassId(0));
        assert_eq!(s.classify(4_999), ClassId(0));
        assert_eq!(s.classify(5_000), ClassId(1));
        assert_eq!(s.classify(19_999), ClassId(1));
        assert_eq!(s.classify(20_000), ClassId(2));
        assert_eq!(s.classify(100_000), ClassId(3));
        assert_eq!(s.range_label(ClassId(2), Lang::En), "20,000–99,999");
        assert_eq!(s.range_label(ClassId(2), Lang::De), "20.000–99.999");
        assert_eq!(s.range_label(ClassId(0), Lang::De), "< 5.000");
        assert_eq!(s.range_label(ClassId(3), Lang::En), "≥ 100,000");
    }

    #[test]
    fn finds_classes_by_name_or_number() {
        let s = ClassScheme::kfa();
        assert_eq!(s.find("großstadt"), Some(ClassId(2)));
        assert_eq!(s.find("Grossstadt"), Some(ClassId(2)));
        assert_eq!(s.find("1"), Some(ClassId(0)));
        assert_eq!(s.find("4"), None);
        assert_eq!(s.find("Landgemeinde"), None);
    }

    #[test]
    fn custom_names() {
        let s: ClassScheme = "20000, 100_000".parse().unwrap();
        let names: Vec<&str> = s.classes().iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["<20000", "20000-99999", ">=100000"]);
        assert_eq!(s.name, "20000,100000");
    }
}
