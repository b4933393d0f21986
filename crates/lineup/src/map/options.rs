//! What a map shows besides the lineup: its title, its size on a slide,
//! the language of its texts and the changes of a what-if.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use crate::Diff;
use crate::messages::Lang;

/// Options of [`svg_with`](super::svg_with).
///
/// ```
/// use lineup::map::{MapOptions, MapSize};
/// use lineup::messages::Lang;
/// let options = MapOptions {
///     title: Some("Kommunaler Fachaustausch 2026".into()),
///     size: Some("1920x1080".parse::<MapSize>()?),
///     lang: Lang::De,
///     ..MapOptions::default()
/// };
/// assert_eq!(options.size.unwrap().width, 1920);
/// # Ok::<_, lineup::map::MapSizeError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapOptions {
    /// The heading; `None`: "Lineup: N municipalities in K clusters of 6–7".
    pub title: Option<String>,
    /// The picture's size in pixels; the map and legend are scaled to fit
    /// and centred. `None`: the size the content needs.
    pub size: Option<MapSize>,
    /// The language of the texts.
    pub lang: Lang,
    /// Changes to mark (a what-if): members new in the list, by id.
    pub joined: Vec<String>,
    /// Changes to mark: members in another cluster than before, by id, with
    /// the cluster they came from.
    pub moved: BTreeMap<String, String>,
}

impl MapOptions {
    /// Marks the joined and moved members of a what-if.
    pub fn with_changes(mut self, diff: &Diff) -> MapOptions {
        self.joined = diff.joined.iter().map(|j| j.id.clone()).collect();
        self.moved = diff
            .moved
            .iter()
            .map(|m| (m.id.clone(), m.from.clone()))
            .collect();
        self
    }
}

/// A picture size in pixels, written `WIDTHxHEIGHT` (`1920x1080`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapSize {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl MapSize {
    /// The smallest side a map can be read at.
    pub const MIN: u32 = 320;
    /// The largest side (a 64-megapixel PNG at most).
    pub const MAX: u32 = 8000;
}

impl fmt::Display for MapSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

/// A size that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MapSizeError {
    /// Not of the form `WIDTHxHEIGHT`.
    #[error(
        "size {given:?} not understood: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080 (16:9) or 1600x1200 (4:3)"
    )]
    Form {
        /// What was given.
        given: String,
    },
    /// A side too small or too large.
    #[error("size {given:?}: each side must be {min} to {max} pixels, e.g. 1920x1080")]
    Range {
        /// What was given.
        given: String,
        /// Smallest side.
        min: u32,
        /// Largest side.
        max: u32,
    },
}

impl FromStr for MapSize {
    type Err = MapSizeError;

    fn from_str(s: &str) -> Result<MapSize, MapSizeError> {
        let form = || MapSizeError::Form { given: s.to_string() };
        let (w, h) = s.trim().split_once(['x', 'X', '×']).ok_or_else(form)?;
        let side = |t: &str| t.trim().parse::<u32>().map_err(|_| form());
        let (width, height) = (side(w)?, side(h)?);
        if ![width, height]
            .iter()
            .all(|v| (MapSize::MIN..=MapSize::MAX).contains(v))
        {
            return Err(MapSizeError::Range {
                given: s.to_string(),
                min: MapSize::MIN,
                max: MapSize::MAX,
            });
        }
        Ok(MapSize { width, height })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_or_say_what_is_expected() {
        assert_eq!(
            "1920x1080".parse(),
            Ok(MapSize {
                width: 1920,
                height: 1080
            })
        );
        assert_eq!(
            " 1600 X 1200 ".parse(),
            Ok(MapSize {
                width: 1600,
                height: 1200
            })
        );
        assert_eq!("1024×768".parse::<MapSize>().unwrap().to_string(), "1024x768");
        for bad in ["1920", "1920x", "x1080", "wide", "1920x1080x3", "-5x100", "1.5x2"] {
            let e = bad.parse::<MapSize>().unwrap_err();
            assert!(e.to_string().contains("WIDTHxHEIGHT"), "{bad}: {e}");
        }
        let e = "100x100".parse::<MapSize>().unwrap_err();
        assert!(e.to_string().contains("320 to 8000"), "{e}");
        assert!("9000x1000".parse::<MapSize>().is_err());
    }
}
