//! Criteria of the planner's own, on any attribute: members of a cluster
//! `alike` (hard: one value per cluster; soft: each pair with different
//! values costs a weight) or `different` (each pair sharing a value costs a
//! weight). Pair costs add to level 1 (the penalty), next to same-Land
//! pairs, and are bounded, proven and verified like them.
//!
//! The defaults are today's rules: `alike size_class` (strict
//! comparability) and `different state` (the same-Land weight of
//! [`Weights`](crate::Weights)); a `different state` criterion sets that
//! weight, and `state=0` removes it.
//!
//! ```
//! use lineup::Criterion;
//! let c: Criterion = Criterion::parse_alike("Erfahrung")?;
//! assert_eq!(c, Criterion::Alike { attribute: "Erfahrung".into(), soft: None });
//! assert_eq!(Criterion::parse_alike("degurba:soft=2")?,
//!            Criterion::Alike { attribute: "degurba".into(), soft: Some(2.0) });
//! assert_eq!(Criterion::parse_different("district")?,
//!            Criterion::Different { attribute: "district".into(), weight: 1.0 });
//! assert_eq!(Criterion::parse_different("east_west=0.5")?.to_string(), "different east_west=0.5");
//! // The JSON form (`{"criteria": [...]}` in a settings file):
//! let json = serde_json::to_string(&Criterion::parse_alike("Träger:soft")?)?;
//! assert_eq!(json, r#"{"kind":"alike","attribute":"Träger","soft":1.0}"#);
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// One criterion on an attribute (a column of the input, or a built-in
/// attribute such as `district`, `east_west`, `degurba`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Criterion {
    /// Members of a cluster share the value: hard (`soft: None`, every
    /// cluster holds one value), or soft (each pair of members with
    /// different values costs the weight on level 1).
    Alike {
        /// Attribute name, matched like a column header.
        attribute: String,
        /// The weight per pair with different values; `None`: a hard rule.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        soft: Option<f64>,
    },
    /// Members of a cluster differ: each pair sharing a value costs the
    /// weight on level 1.
    Different {
        /// Attribute name, matched like a column header.
        attribute: String,
        /// The weight per pair with the same value (default 1).
        #[serde(default = "one")]
        weight: f64,
    },
}

fn one() -> f64 {
    1.0
}

/// A criterion given as text that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CriterionError {
    /// No attribute name.
    #[error("criterion {given:?} names no attribute: write ATTRIBUTE, e.g. Erfahrung or district")]
    NoAttribute {
        /// What was given.
        given: String,
    },
    /// A weight that is not a finite number ≥ 0.
    #[error("weight {weight:?} in criterion {given:?} is not a number >= 0 (e.g. 1 or 0.5)")]
    BadWeight {
        /// What was given.
        given: String,
        /// The weight text.
        weight: String,
    },
    /// An `alike` modifier other than `soft`.
    #[error("{modifier:?} in {given:?} is not understood: write ATTRIBUTE (hard) or ATTRIBUTE:soft[=WEIGHT]")]
    Modifier {
        /// What was given.
        given: String,
        /// The modifier.
        modifier: String,
    },
}

fn weight(given: &str, text: Option<&str>) -> Result<f64, CriterionError> {
    let Some(t) = text else { return Ok(1.0) };
    t.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|w| w.is_finite() && *w >= 0.0)
        .ok_or_else(|| CriterionError::BadWeight {
            given: given.to_string(),
            weight: t.trim().to_string(),
        })
}

fn attribute(given: &str, name: &str) -> Result<String, CriterionError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CriterionError::NoAttribute {
            given: given.to_string(),
        });
    }
    Ok(name.to_string())
}

impl Criterion {
    /// `ATTRIBUTE` (hard) or `ATTRIBUTE:soft[=WEIGHT]`.
    pub fn parse_alike(text: &str) -> Result<Criterion, CriterionError> {
        let (name, modifier) = match text.rsplit_once(':') {
            Some((n, m)) => (n, Some(m.trim())),
            None => (text, None),
        };
        let soft = match modifier {
            None => None,
            Some(m) => {
                let (word, w) = match m.split_once('=') {
                    Some((a, b)) => (a.trim(), Some(b)),
                    None => (m, None),
                };
                if !word.eq_ignore_ascii_case("soft") {
                    return Err(CriterionError::Modifier {
                        given: text.to_string(),
                        modifier: m.to_string(),
                    });
                }
                Some(weight(text, w)?)
            }
        };
        Ok(Criterion::Alike {
            attribute: attribute(text, name)?,
            soft,
        })
    }

    /// `ATTRIBUTE` or `ATTRIBUTE=WEIGHT`.
    pub fn parse_different(text: &str) -> Result<Criterion, CriterionError> {
        let (name, w) = match text.rsplit_once('=') {
            Some((n, w)) => (n, Some(w)),
            None => (text, None),
        };
        Ok(Criterion::Different {
            attribute: attribute(text, name)?,
            weight: weight(text, w)?,
        })
    }

    /// The attribute the criterion is about.
    pub fn attribute(&self) -> &str {
        match self {
            Criterion::Alike { attribute, .. } | Criterion::Different { attribute, .. } => attribute,
        }
    }

    /// Whether this is a hard rule (hard `alike`) rather than a pair cost.
    pub fn is_hard(&self) -> bool {
        matches!(self, Criterion::Alike { soft: None, .. })
    }

    /// For a pair cost: the weight, and whether a pair costs it when the
    /// values are equal (`different`) or when they differ (soft `alike`).
    pub fn pair_cost(&self) -> Option<(f64, bool)> {
        match self {
            Criterion::Alike { soft: Some(w), .. } => Some((*w, false)),
            Criterion::Alike { soft: None, .. } => None,
            Criterion::Different { weight, .. } => Some((*weight, true)),
        }
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Criterion::Alike {
                attribute,
                soft: None,
            } => write!(f, "alike {attribute}"),
            Criterion::Alike {
                attribute,
                soft: Some(w),
            } => write!(f, "alike {attribute}:soft={w}"),
            Criterion::Different { attribute, weight } => write!(f, "different {attribute}={weight}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_text() {
        assert!(matches!(
            Criterion::parse_alike("Erfahrung:hart"),
            Err(CriterionError::Modifier { .. })
        ));
        assert!(matches!(
            Criterion::parse_different("district=-1"),
            Err(CriterionError::BadWeight { .. })
        ));
        assert!(matches!(
            Criterion::parse_different(" =2"),
            Err(CriterionError::NoAttribute { .. })
        ));
        assert_eq!(
            Criterion::parse_different("district=0,5").unwrap().pair_cost(),
            Some((0.5, true))
        );
    }

    #[test]
    fn json_form_has_defaults() {
        let c: Criterion = serde_json::from_str(r#"{"kind":"different","attribute":"district"}"#).unwrap();
        assert_eq!(c, Criterion::parse_different("district").unwrap());
        let c: Criterion = serde_json::from_str(r#"{"kind":"alike","attribute":"Erfahrung"}"#).unwrap();
        assert!(c.is_hard());
    }
}
