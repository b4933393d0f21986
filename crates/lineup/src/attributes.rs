//! Attributes: the columns of a planner's file that lineup has no field
//! for (`Träger`, `Erfahrung_Jahre`, …), kept verbatim in file order.
//! The built-in attributes every municipality of the register has are
//! in `criteria::builtin`.
//!
//! ```
//! use lineup::{Attributes, Land, LatLon, Municipality};
//! let m = Municipality::new("16067029", "Gotha", Land::TH, 45_733, LatLon { lat: 50.9489, lon: 10.7018 })
//!     .with_attribute("Erfahrung", "ja")
//!     .with_attribute("Träger", "Stadt");
//! assert_eq!(m.attributes.get("erfahrung"), Some("ja")); // names match like headers
//! assert_eq!(m.attributes.names().collect::<Vec<_>>(), ["Erfahrung", "Träger"]);
//! ```

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::names::fold;

/// Named values of one municipality, in the order of the file's columns.
/// Names are kept as written; look-ups match them like column headers
/// (case, spaces, umlaut spelling do not matter). Inserting and looking
/// up take constant time (a hash index of the folded names), so a row of
/// thousands of columns is read in linear time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attributes {
    pairs: Vec<(String, String)>,
    /// Folded name → position in `pairs`.
    index: HashMap<String, usize>,
}

impl Attributes {
    /// No attributes.
    pub fn new() -> Attributes {
        Attributes::default()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Number of attributes.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Sets `name` to `value` (replacing a value of the same folded name).
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let (name, value) = (name.into(), value.into());
        match self.index.entry(fold(&name)) {
            Entry::Occupied(e) => self.pairs[*e.get()].1 = value,
            Entry::Vacant(e) => {
                e.insert(self.pairs.len());
                self.pairs.push((name, value));
            }
        }
    }

    /// The value of the attribute named `name` (matched like a header).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.index.get(&fold(name)).map(|&x| self.pairs[x].1.as_str())
    }

    /// The names as written, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.pairs.iter().map(|(n, _)| n.as_str())
    }

    /// `(name, value)` pairs in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

impl Serialize for Attributes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.pairs.len()))?;
        for (n, v) in &self.pairs {
            map.serialize_entry(n, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Attributes, D::Error> {
        struct Ordered;
        impl<'de> Visitor<'de> for Ordered {
            type Value = Attributes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of attribute names and text values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Attributes, A::Error> {
                let mut out = Attributes::new();
                while let Some((n, v)) = map.next_entry::<String, String>()? {
                    out.insert(n, v);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Ordered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_matches_names_like_headers() {
        let mut a = Attributes::new();
        a.insert("Träger", "Kreis");
        a.insert("Erfahrung_Jahre", "3");
        a.insert("traeger", "Stadt");
        assert_eq!(
            a.iter().collect::<Vec<_>>(),
            [("Träger", "Stadt"), ("Erfahrung_Jahre", "3")]
        );
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"Träger":"Stadt","Erfahrung_Jahre":"3"}"#);
        let back: Attributes = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }
}
