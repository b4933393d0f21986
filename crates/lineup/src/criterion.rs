//! Criteria of the planner's own, on any attribute: members of a cluster
//! `alike` (hard: one value per cluster; soft: each pair with different
//! values costs a weight) or `different` (each pair sharing a value costs a
//! weight). Pair costs add to level 1 (the penalty), next to same-Land
//! pairs, and are bounded, proven and verified like them.
//!
//! Quotas are hard: per cluster `at_least` / `at_most` N members with a
//! value (`*`: with each value; `at_most state=*:N` is the cap per Land).
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
//! // Quotas: per cluster at least one member with Erfahrung=ja.
//! let q = Criterion::parse_at_least("Erfahrung=ja:1")?;
//! assert_eq!(q.to_string(), "at-least Erfahrung=ja:1");
//! assert_eq!(serde_json::to_string(&q)?,
//!            r#"{"kind":"at_least","attribute":"Erfahrung","value":"ja","count":1}"#);
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
    /// A quota: every cluster holds at least `count` members whose
    /// attribute has `value` (`*`: at least `count` of each value).
    AtLeast {
        /// Attribute name, matched like a column header.
        attribute: String,
        /// The value counted, or `*` for each value.
        value: String,
        /// Fewest such members per cluster.
        count: usize,
    },
    /// A quota: every cluster holds at most `count` members whose
    /// attribute has `value` (`*`: at most `count` of any one value).
    AtMost {
        /// Attribute name, matched like a column header.
        attribute: String,
        /// The value counted, or `*` for each value.
        value: String,
        /// Most such members per cluster.
        count: usize,
    },
}

/// The value of a quota that counts each value on its own.
pub const EVERY_VALUE: &str = "*";

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
    /// A quota not written `ATTRIBUTE=VALUE:N`.
    #[error(
        "quota {given:?} is not understood: write ATTRIBUTE=VALUE:N, e.g. Erfahrung=ja:1 (VALUE * counts each value, e.g. state=*:2)"
    )]
    Quota {
        /// What was given.
        given: String,
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

    /// `ATTRIBUTE=VALUE:N`: per cluster at least N members with the value.
    pub fn parse_at_least(text: &str) -> Result<Criterion, CriterionError> {
        let (attribute, value, count) = quota(text)?;
        Ok(Criterion::AtLeast {
            attribute,
            value,
            count,
        })
    }

    /// `ATTRIBUTE=VALUE:N`: per cluster at most N members with the value
    /// (`*`: of any one value).
    pub fn parse_at_most(text: &str) -> Result<Criterion, CriterionError> {
        let (attribute, value, count) = quota(text)?;
        Ok(Criterion::AtMost {
            attribute,
            value,
            count,
        })
    }

    /// The attribute the criterion is about.
    pub fn attribute(&self) -> &str {
        match self {
            Criterion::Alike { attribute, .. }
            | Criterion::Different { attribute, .. }
            | Criterion::AtLeast { attribute, .. }
            | Criterion::AtMost { attribute, .. } => attribute,
        }
    }

    /// For a quota: the value counted (`*` for each), the count, and
    /// whether it is a lower bound (`at_least`) rather than an upper one.
    pub fn quota(&self) -> Option<(&str, usize, bool)> {
        match self {
            Criterion::AtLeast { value, count, .. } => Some((value, *count, true)),
            Criterion::AtMost { value, count, .. } => Some((value, *count, false)),
            _ => None,
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
            Criterion::AtLeast { .. } | Criterion::AtMost { .. } => None,
        }
    }
}

fn quota(given: &str) -> Result<(String, String, usize), CriterionError> {
    let bad = || CriterionError::Quota {
        given: given.to_string(),
    };
    let (head, count) = given.rsplit_once(':').ok_or_else(bad)?;
    let (name, value) = head.split_once('=').ok_or_else(bad)?;
    let count = count.trim().parse::<usize>().map_err(|_| bad())?;
    let value = value.trim();
    if value.is_empty() {
        return Err(bad());
    }
    Ok((attribute(given, name)?, value.to_string(), count))
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
            Criterion::AtLeast {
                attribute,
                value,
                count,
            } => write!(f, "at-least {attribute}={value}:{count}"),
            Criterion::AtMost {
                attribute,
                value,
                count,
            } => write!(f, "at-most {attribute}={value}:{count}"),
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
    fn reads_quotas() {
        assert_eq!(
            Criterion::parse_at_most("state=*:2").unwrap(),
            Criterion::AtMost {
                attribute: "state".into(),
                value: EVERY_VALUE.into(),
                count: 2
            }
        );
        // A value may hold `=` and `:`; the count is after the last `:`.
        let q = Criterion::parse_at_least("Träger=Stadt: Amt:1").unwrap();
        assert_eq!(q.quota(), Some(("Stadt: Amt", 1, true)));
        for bad in [
            "Erfahrung=ja",
            "Erfahrung:1",
            "Erfahrung=ja:x",
            "Erfahrung=:1",
            "=ja:1",
        ] {
            assert!(Criterion::parse_at_least(bad).is_err(), "{bad}");
        }
        let q: Criterion =
            serde_json::from_str(r#"{"kind":"at_most","attribute":"district","value":"*","count":1}"#)
                .unwrap();
        assert_eq!(q.to_string(), "at-most district=*:1");
        assert!(!q.is_hard() && q.pair_cost().is_none());
    }

    #[test]
    fn json_form_has_defaults() {
        let c: Criterion = serde_json::from_str(r#"{"kind":"different","attribute":"district"}"#).unwrap();
        assert_eq!(c, Criterion::parse_different("district").unwrap());
        let c: Criterion = serde_json::from_str(r#"{"kind":"alike","attribute":"Erfahrung"}"#).unwrap();
        assert!(c.is_hard());
    }
}
