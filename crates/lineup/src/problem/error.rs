//! Why a problem cannot be set up as given.

use thiserror::Error;

use super::ids::KeyError;
use super::infeasibility::Infeasibility;
use crate::composition::CompositionError;
use crate::messages::{Lang, fill, text};

/// A problem that cannot be set up as given.
#[derive(Clone, Debug, PartialEq, Error)]
#[non_exhaustive]
pub enum ProblemError {
    /// No municipalities at all.
    #[error("no municipalities given: add at least one")]
    Empty,
    /// Cluster size bounds that make no sense.
    #[error("invalid cluster size {min}..{max}: need 1 <= min <= max, e.g. 6..7")]
    ClusterSize {
        /// Lower bound.
        min: usize,
        /// Upper bound.
        max: usize,
    },
    /// A cap of zero members per Land and cluster.
    #[error("a cap of 0 members per Land allows no member at all: use 1 or more")]
    ZeroCapPerLand,
    /// Two municipalities with the same id.
    #[error("duplicate id {id:?}: ids must be unique")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A location that is not a finite latitude/longitude on the globe.
    #[error(
        "municipality {id:?} has latitude {lat} and longitude {lon}: expected finite degrees, latitude -90..90 and longitude -180..180"
    )]
    BadLocation {
        /// Municipality id.
        id: String,
        /// Latitude given.
        lat: f64,
        /// Longitude given.
        lon: f64,
    },
    /// An objective weight that is not a finite number between 0 and
    /// [`MAX_WEIGHT`](crate::MAX_WEIGHT).
    #[error(
        "the weight of {term} is {value}: expected a finite number from 0 to {max:e} (larger weights make the totals overflow or lose precision; scale all weights down instead)"
    )]
    BadWeight {
        /// The term (`same-land`, `mixed-class`, `non-bordering`, `distance`).
        term: &'static str,
        /// The value given.
        value: f64,
        /// The largest weight accepted.
        max: f64,
    },
    /// An explicit size class that the scheme does not know.
    #[error(
        "municipality {id:?} has size class {given:?}, which is not one of {known}: fix the value or choose another class scheme"
    )]
    UnknownSizeClass {
        /// Municipality id.
        id: String,
        /// The class name given.
        given: String,
        /// The classes of the scheme.
        known: String,
    },
    /// Cluster counts per class name a class the scheme does not have.
    #[error("the cluster counts name class {name:?}, which is not one of {known}")]
    UnknownClass {
        /// The class named.
        name: String,
        /// The classes of the scheme.
        known: String,
    },
    /// Cluster counts per class with adjacent comparability.
    #[error(
        "cluster counts per class need strict comparability; with adjacent comparability give a total number of clusters (e.g. 5)"
    )]
    PerClassCountNeedsStrict,
    /// A link names no single municipality of the input, by id or by name.
    #[error("{kind}: {error}")]
    UnknownLink {
        /// `must-link` or `cannot-link`.
        kind: &'static str,
        /// Why the key names none, or several.
        error: KeyError,
    },
    /// A must-link from a municipality to itself.
    #[error("{kind} {a:?} and {b:?} name the same municipality: a link needs two different ones")]
    SelfLink {
        /// `must-link`.
        kind: &'static str,
        /// The first key.
        a: String,
        /// The second key.
        b: String,
    },
    /// The integer program that decides the clusters' class make-up failed.
    #[error("cluster composition failed: {0}")]
    Composition(#[from] CompositionError),
    /// A criterion names an attribute that is neither a column nor built in.
    #[error("{}", unknown_attribute(attribute, nearest.as_deref(), known, Lang::En))]
    UnknownAttribute {
        /// The name given.
        attribute: String,
        /// The most similar known name.
        nearest: Option<String>,
        /// Every known name (columns, then built-ins).
        known: String,
    },
    /// Municipalities without a value for a criterion's attribute.
    #[error("{}", missing_attribute(attribute, *count, examples, *column, Lang::En))]
    MissingAttribute {
        /// The attribute.
        attribute: String,
        /// How many lack a value.
        count: usize,
        /// The first few, as `name (id)`.
        examples: String,
        /// Whether the attribute is a column of the file (else built in).
        column: bool,
    },
    /// A quota counts a value no municipality has.
    #[error("{}", unknown_value(attribute, value, nearest.as_deref(), values, Lang::En))]
    UnknownValue {
        /// The attribute.
        attribute: String,
        /// The value given.
        value: String,
        /// The most similar value.
        nearest: Option<String>,
        /// The values the municipalities have (the first 20).
        values: String,
    },
    /// A criterion weight that is negative or not a number.
    #[error("{}", fill(t("criteria.bad_weight", Lang::En), &[("criterion", criterion)]))]
    BadCriterionWeight {
        /// The criterion.
        criterion: String,
    },
    /// No lineup can satisfy the request.
    #[error("{0}")]
    Infeasible(Infeasibility),
}

fn t(key: &str, lang: Lang) -> &'static str {
    text(key, lang).unwrap_or_default()
}

fn unknown_attribute(attribute: &str, nearest: Option<&str>, known: &str, lang: Lang) -> String {
    match nearest {
        Some(n) => fill(
            t("criteria.unknown_attribute", lang),
            &[("attribute", attribute), ("nearest", n), ("known", known)],
        ),
        None => fill(
            t("criteria.unknown_attribute_plain", lang),
            &[("attribute", attribute), ("known", known)],
        ),
    }
}

fn missing_attribute(attribute: &str, count: usize, examples: &str, column: bool, lang: Lang) -> String {
    let examples = if count > 5 {
        format!("{examples}, …")
    } else {
        examples.to_string()
    };
    let remedy = t(
        if column {
            "criteria.fill_column"
        } else {
            "criteria.add_column"
        },
        lang,
    );
    fill(
        t("criteria.missing_attribute", lang),
        &[
            ("count", &count.to_string()),
            ("attribute", attribute),
            ("examples", &examples),
            ("remedy", remedy),
        ],
    )
}

fn unknown_value(attribute: &str, value: &str, nearest: Option<&str>, values: &str, lang: Lang) -> String {
    let args = [("attribute", attribute), ("value", value), ("values", values)];
    match nearest {
        Some(n) => fill(
            t("criteria.unknown_value", lang),
            &[args.as_slice(), &[("nearest", n)]].concat(),
        ),
        None => fill(t("criteria.unknown_value_plain", lang), &args),
    }
}

impl ProblemError {
    /// The error in a language: the planner's criteria and impossible
    /// requests with criteria through the message catalogue (see
    /// [`Infeasibility::reason_in`]); other errors in English, as
    /// [`Display`](std::fmt::Display) words them.
    ///
    /// ```
    /// use lineup::ProblemError;
    /// use lineup::messages::Lang;
    /// let e = ProblemError::UnknownAttribute {
    ///     attribute: "Erfarung".into(),
    ///     nearest: Some("Erfahrung".into()),
    ///     known: "Erfahrung, state".into(),
    /// };
    /// assert_eq!(e.message(Lang::De), "keine Spalte „Erfarung“; meinten Sie „Erfahrung“? Die Merkmale sind: Erfahrung, state");
    /// assert!(e.to_string().starts_with("no column `Erfarung`; did you mean `Erfahrung`?"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProblemError::UnknownAttribute {
                attribute,
                nearest,
                known,
            } => unknown_attribute(attribute, nearest.as_deref(), known, lang),
            ProblemError::MissingAttribute {
                attribute,
                count,
                examples,
                column,
            } => missing_attribute(attribute, *count, examples, *column, lang),
            ProblemError::UnknownValue {
                attribute,
                value,
                nearest,
                values,
            } => unknown_value(attribute, value, nearest.as_deref(), values, lang),
            ProblemError::BadCriterionWeight { criterion } => {
                fill(t("criteria.bad_weight", lang), &[("criterion", criterion)])
            }
            ProblemError::UnknownLink { kind, error } => format!("{kind}: {}", error.text(lang)),
            other => other.to_string(),
        }
    }
}
