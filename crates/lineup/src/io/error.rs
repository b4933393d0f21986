//! Errors in input files: which row or entry, which field, what was
//! expected, and what to do about it.

use std::fmt;
use std::sync::Arc;

use thiserror::Error;

/// The I/O error of a reader, shared so that input errors stay `Clone`;
/// two compare equal when kind and message do.
#[derive(Clone, Debug)]
pub struct ReadError(pub Arc<std::io::Error>);

impl PartialEq for ReadError {
    fn eq(&self, other: &ReadError) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

/// What is wrong with one place in an input file.
#[derive(Clone, Debug, PartialEq, Error)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The input holds no data at all.
    #[error(
        "the input is empty: expected a header row (id,name,state,population,lat,lon) and one row per municipality"
    )]
    Empty,
    /// The reader failed (the I/O error is the source).
    #[error("cannot read the input: {source}; check that the file is readable")]
    Read {
        /// The reader's error.
        #[source]
        source: ReadError,
    },
    /// A header but no municipality.
    #[error("the input has a header but no municipality rows: add at least one municipality")]
    NoRows,
    /// A required column is absent.
    #[error("missing column `{column}` (found: {found}): add a column with one of these headers: {accepted}")]
    MissingColumn {
        /// The column that is required.
        column: String,
        /// The columns that are there.
        found: String,
        /// Header names accepted for it.
        accepted: String,
    },
    /// A required value is empty.
    #[error("the value is empty: fill in {expected}")]
    EmptyValue {
        /// What was expected.
        expected: String,
    },
    /// A value is not a number of the expected kind.
    #[error("{value:?} is not {expected}: correct the value")]
    BadNumber {
        /// The value found.
        value: String,
        /// What was expected, e.g. "a whole number of inhabitants > 0".
        expected: String,
    },
    /// A Land that does not exist.
    #[error("{0}")]
    UnknownLand(#[from] crate::land::UnknownLand),
    /// The same id twice.
    #[error(
        "duplicate id {id:?} (first seen in {first}): ids must be unique; remove or renumber one of them"
    )]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it first appeared.
        first: Place,
    },
    /// Two rows that are the same municipality of the register under
    /// different ids (`9162000` and `09162000`, or an id row and a name row).
    #[error(
        "{id:?} is the same municipality as {first}: both are {register} in the register; keep one of the two rows"
    )]
    SameMunicipality {
        /// The id of this row (as given, or from the register).
        id: String,
        /// Where the first row is.
        first: Place,
        /// The register's name and AGS, e.g. `München (09162000)`.
        register: String,
    },
    /// Coordinates outside the valid or the German range.
    #[error("{message}")]
    Coordinates {
        /// Explanation with the values.
        message: String,
    },
    /// A row that the CSV reader cannot split.
    #[error("{message}")]
    Malformed {
        /// The reader's message.
        message: String,
    },
    /// JSON that does not match the expected shape.
    #[error("{message}")]
    Json {
        /// The parser's message.
        message: String,
    },
    /// A register look-up failed (the row lacks values and its id or name
    /// does not single out a municipality of the register).
    #[error("{0}")]
    Register(#[from] crate::register::LookupError),
    /// Several rows or entries cannot be used: each with its place and
    /// field, the first [`InputError::SHOWN`] of them, then how many more.
    #[error(
        "{n} rows cannot be used; correct them all and run again:\n{list}{rest}",
        n = errors.len() + more,
        list = errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"),
        rest = if *more > 0 { format!("\n  and {more} more") } else { String::new() }
    )]
    Rows {
        /// The errors, in file order (at most [`InputError::SHOWN`]).
        errors: Vec<InputError>,
        /// How many more rows have errors.
        more: usize,
    },
    /// A lineup names a municipality that the input does not have.
    #[error(
        "cluster {cluster:?} lists {id:?}, which is not an id in the municipality file: use the ids of that file"
    )]
    UnknownMember {
        /// The cluster.
        cluster: String,
        /// The unknown id.
        id: String,
    },
}

/// Where in an input an error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A CSV row: the 1-based line of the file (the header is row 1).
    Row(u64),
    /// A JSON array entry, 1-based.
    Entry(u64),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Row(r) => write!(f, "row {r}"),
            Place::Entry(e) => write!(f, "entry {e}"),
        }
    }
}

/// An error in an input file, with its place (row or entry) and field.
#[derive(Clone, Debug, PartialEq, Error)]
pub struct InputError {
    /// Row or entry, if the error has one.
    pub place: Option<Place>,
    /// Field (column) name, if the error has one.
    pub field: Option<String>,
    /// What is wrong.
    pub kind: InputErrorKind,
}

impl InputError {
    /// An error without a place.
    pub fn new(kind: InputErrorKind) -> InputError {
        InputError {
            place: None,
            field: None,
            kind,
        }
    }

    /// An error at a CSV row and field.
    pub fn at(row: u64, field: impl Into<String>, kind: InputErrorKind) -> InputError {
        InputError {
            place: Some(Place::Row(row)),
            field: Some(field.into()),
            kind,
        }
    }

    /// How many row errors [`InputErrorKind::Rows`] lists before it counts.
    pub const SHOWN: usize = 20;

    /// One error for all of `errors`: `None` if there are none, the error
    /// itself if there is one, else [`InputErrorKind::Rows`].
    pub fn all(mut errors: Vec<InputError>) -> Option<InputError> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            n => {
                errors.truncate(InputError::SHOWN);
                Some(InputError::new(InputErrorKind::Rows {
                    errors,
                    more: n.saturating_sub(InputError::SHOWN),
                }))
            }
        }
    }

    /// Every error this one stands for: the rows of
    /// [`InputErrorKind::Rows`], or itself.
    pub fn each(&self) -> &[InputError] {
        match &self.kind {
            InputErrorKind::Rows { errors, .. } => errors,
            _ => std::slice::from_ref(self),
        }
    }

    /// The same error at another place.
    pub fn with_place(mut self, place: Place) -> InputError {
        self.place = Some(place);
        self
    }

    /// The same error at another field.
    pub fn with_field(mut self, field: impl Into<String>) -> InputError {
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.place, &self.field) {
            (Some(r), Some(c)) => write!(f, "{r}, field `{c}`: {}", self.kind),
            (Some(r), None) => write!(f, "{r}: {}", self.kind),
            (None, Some(c)) => write!(f, "field `{c}`: {}", self.kind),
            (None, None) => write!(f, "{}", self.kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_error_names_row_and_field() {
        let e = InputError::at(
            5,
            "population",
            InputErrorKind::BadNumber {
                value: "abc".into(),
                expected: "a whole number of inhabitants > 0".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "row 5, field `population`: \"abc\" is not a whole number of inhabitants > 0: correct the value"
        );
    }
}
