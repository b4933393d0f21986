//! Why a problem cannot be set up as given.

use thiserror::Error;

use super::ids::KeyError;
use super::infeasibility::Infeasibility;
use crate::composition::CompositionError;

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
    #[error("no column `{attribute}`{}; the attributes are: {known}", nearest.as_ref().map(|n| format!("; did you mean `{n}`?")).unwrap_or_default())]
    UnknownAttribute {
        /// The name given.
        attribute: String,
        /// The most similar known name.
        nearest: Option<String>,
        /// Every known name (columns, then built-ins).
        known: String,
    },
    /// Municipalities without a value for a criterion's attribute.
    #[error("{count} municipalities have no value for `{attribute}` ({examples}{}): {}", if *count > 5 { ", …" } else { "" }, if *column { "fill in the column" } else { "add a column of that name with their values (they are not in the register)" })]
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
    #[error("no municipality has `{attribute}` = `{value}`{}; its values are: {values}", nearest.as_ref().map(|n| format!("; did you mean `{n}`?")).unwrap_or_default())]
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
    #[error("criterion `{criterion}`: the weight must be a number >= 0")]
    BadCriterionWeight {
        /// The criterion.
        criterion: String,
    },
    /// No lineup can satisfy the request.
    #[error("{0}")]
    Infeasible(Infeasibility),
}
