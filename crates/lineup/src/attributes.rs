//! Attributes: the columns of a planner's file that lineup has no field
//! for (`Träger`, `Erfahrung_Jahre`, …), kept verbatim in file order.
//! The built-in attributes every municipality of the register has are
//! in `criteria::builtin`.
//!
//! **Numbers.** An attribute is *numeric* when every municipality's
//! non-empty value of it is a number ([`attribute_number`]: `3`, `-2`,
//! `4,5` or `4.5`; a JSON number as given). Its values keep their text
//! verbatim (CSV output writes `3,0` as `3,0`); the outputs that have
//! numbers (JSON, GeoJSON, `.xlsx`) write them as numbers, and criteria
//! compare them by value (`1` = `1,0`). Text that only looks like a
//! number stays text: a leading zero marks a code (`007`, an AGS
//! `01001000`, a postcode), and `1.234` or `1,234` (a thousands separator
//! or a decimal one?) is not guessed — such a column is text.
//! `Problem::new` and the readers mark the numeric columns
//! (`lineup::mark_numbers`).
//!
//! ```
//! use lineup::{Attributes, Land, LatLon, Municipality};
//! let m = Municipality::new("16067029", "Gotha", Land::TH, 45_733, LatLon { lat: 50.9489, lon: 10.7018 })
//!     .with_attribute("Erfahrung", "ja")
//!     .with_attribute("Träger", "Stadt");
//! assert_eq!(m.attributes.get("erfahrung"), Some("ja")); // names match like headers
//! assert_eq!(m.attributes.names().collect::<Vec<_>>(), ["Erfahrung", "Träger"]);
//!
//! let mut list = vec![m.with_attribute("Jahre", "3,5")];
//! lineup::mark_numbers(&mut list);
//! assert_eq!(list[0].attributes.number("Jahre"), Some(3.5));
//! assert_eq!(list[0].attributes.get("Jahre"), Some("3,5")); // the text stays
//! assert_eq!(list[0].attributes.number("Erfahrung"), None);
//! ```

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::names::fold;

/// The number an attribute's text stands for, if it is one without doubt:
/// an optional sign, digits, and at most one decimal point or comma
/// followed by digits. `None` for text, for a leading zero (`007`, `01067`:
/// codes keep their text) and for a lone separator before exactly three
/// digits (`1.234`, `1,234`: thousands or decimals?).
///
/// ```
/// use lineup::attribute_number;
/// assert_eq!(attribute_number("3"), Some(3.0));
/// assert_eq!(attribute_number(" 4,5 "), Some(4.5));
/// assert_eq!(attribute_number("0.125"), Some(0.125));
/// assert_eq!(attribute_number("007"), None);
/// assert_eq!(attribute_number("1.234"), None);
/// assert_eq!(attribute_number("ja"), None);
/// ```
pub fn attribute_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = match unsigned.find(['.', ',']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    if int.len() > 1 && int.starts_with('0') {
        return None;
    }
    if frac.is_some_and(|f| f.len() == 3) && !int.starts_with('0') {
        return None;
    }
    t.replace(',', ".").parse().ok()
}

/// Marks the numeric attributes of a list (one `Attributes` per
/// municipality): an attribute whose non-empty values are all numbers (see
/// the module docs) gets its numbers; any other loses them. The texts stay.
/// `mark_numbers` in `municipality.rs` calls it for municipalities.
pub(crate) fn mark_numbers_in(list: &mut [&mut Attributes]) {
    // Per folded name: whether a value was seen, and whether one is not a number.
    let mut columns: HashMap<String, (bool, bool)> = HashMap::new();
    for a in list.iter() {
        for (name, text, number) in &a.pairs {
            let c = columns.entry(fold(name)).or_default();
            if number.is_some() || attribute_number(text).is_some() {
                c.0 = true;
            } else if !text.trim().is_empty() {
                c.1 = true;
            }
        }
    }
    for a in list.iter_mut() {
        for (name, text, number) in &mut a.pairs {
            *number = match columns.get(&fold(name)) {
                Some((true, false)) => number.or_else(|| attribute_number(text)),
                _ => None,
            };
        }
    }
}

/// Named values of one municipality, in the order of the file's columns.
/// Names are kept as written; look-ups match them like column headers
/// (case, spaces, umlaut spelling do not matter). Inserting and looking
/// up take constant time (a hash index of the folded names), so a row of
/// thousands of columns is read in linear time. A value of a numeric
/// attribute also has its number (see the module docs); serialized, it is
/// that number, else the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attributes {
    /// Name, text as written, number (numeric attributes only).
    pairs: Vec<(String, String, Option<f64>)>,
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

    /// Sets `name` to the text `value` (replacing a value of the same
    /// folded name). Whether it counts as a number is decided for the
    /// whole column by `lineup::mark_numbers`.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.put(name.into(), value.into(), None);
    }

    /// Sets `name` to a number given as a number (a JSON number), with its
    /// text.
    pub fn insert_number(&mut self, name: impl Into<String>, number: f64) {
        self.put(
            name.into(),
            format!("{number}"),
            Some(number).filter(|x| x.is_finite()),
        );
    }

    fn put(&mut self, name: String, value: String, number: Option<f64>) {
        match self.index.entry(fold(&name)) {
            Entry::Occupied(e) => {
                let p = &mut self.pairs[*e.get()];
                p.1 = value;
                p.2 = number;
            }
            Entry::Vacant(e) => {
                e.insert(self.pairs.len());
                self.pairs.push((name, value, number));
            }
        }
    }

    /// The value of the attribute named `name` (matched like a header), as written.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.index.get(&fold(name)).map(|&x| self.pairs[x].1.as_str())
    }

    /// The number of the attribute named `name`, when the attribute is
    /// numeric (see `lineup::mark_numbers`).
    pub fn number(&self, name: &str) -> Option<f64> {
        self.index.get(&fold(name)).and_then(|&x| self.pairs[x].2)
    }

    /// The names as written, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.pairs.iter().map(|(n, _, _)| n.as_str())
    }

    /// `(name, value)` pairs in order, values as written.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(n, v, _)| (n.as_str(), v.as_str()))
    }

    /// `(name, value)` pairs in order, values as JSON: the number of a
    /// numeric attribute, else the text.
    pub fn json_values(&self) -> impl Iterator<Item = (&str, serde_json::Value)> {
        self.pairs.iter().map(|(n, v, x)| (n.as_str(), json_value(v, *x)))
    }
}

/// A value as JSON: its number if it has one, else its text.
fn json_value(text: &str, number: Option<f64>) -> serde_json::Value {
    match number {
        // Whole numbers as integers (`3`, not `3.0`).
        Some(x) if x.fract() == 0.0 && x.abs() < 9e15 => serde_json::Value::from(x as i64),
        Some(x) => serde_json::Number::from_f64(x).map_or_else(
            || serde_json::Value::String(text.to_string()),
            serde_json::Value::Number,
        ),
        None => serde_json::Value::String(text.to_string()),
    }
}

impl Serialize for Attributes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.pairs.len()))?;
        for (n, v) in self.json_values() {
            map.serialize_entry(n, &v)?;
        }
        map.end()
    }
}

/// One value as read: text, or a number (booleans become text).
#[derive(Deserialize)]
#[serde(untagged)]
enum Cell {
    Text(String),
    Number(f64),
    Flag(bool),
    Nothing(()),
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Attributes, D::Error> {
        struct Ordered;
        impl<'de> Visitor<'de> for Ordered {
            type Value = Attributes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of attribute names and text or number values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Attributes, A::Error> {
                let mut out = Attributes::new();
                while let Some((n, v)) = map.next_entry::<String, Cell>()? {
                    match v {
                        Cell::Text(t) => out.insert(n, t),
                        Cell::Number(x) => out.insert_number(n, x),
                        Cell::Flag(b) => out.insert(n, b.to_string()),
                        Cell::Nothing(()) => out.insert(n, ""),
                    }
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

    fn column(values: &[&str]) -> Vec<Attributes> {
        let mut list: Vec<Attributes> = values
            .iter()
            .map(|v| {
                let mut a = Attributes::new();
                a.insert("A", *v);
                a
            })
            .collect();
        mark_numbers_in(&mut list.iter_mut().collect::<Vec<_>>());
        list
    }

    fn numbers(values: &[&str]) -> Vec<Option<f64>> {
        column(values).iter().map(|a| a.number("a")).collect()
    }

    #[test]
    fn a_column_is_numeric_when_every_value_is_a_number() {
        assert_eq!(
            numbers(&["3", "1,5", "", "-2"]),
            [Some(3.0), Some(1.5), None, Some(-2.0)]
        );
        assert_eq!(numbers(&["3", "drei"]), [None, None]);
        // Codes keep their text: a leading zero or an ambiguous separator spoils the column.
        assert_eq!(numbers(&["007", "12"]), [None, None]);
        assert_eq!(numbers(&["1.234", "5"]), [None, None]);
        assert_eq!(numbers(&["", ""]), [None, None]);
        for text in ["0", "0,5", "+4", "12.5", "1.2345", "100000"] {
            assert!(attribute_number(text).is_some(), "{text}");
        }
        for text in ["", "-", "1e3", "NaN", "1.2.3", "01", "1,234", "3 Jahre", "1 000"] {
            assert_eq!(attribute_number(text), None, "{text}");
        }
    }

    #[test]
    fn numbers_serialize_as_numbers_and_read_back() {
        let list = column(&["3", "2,5"]);
        assert_eq!(serde_json::to_string(&list[0]).unwrap(), r#"{"A":3}"#);
        assert_eq!(serde_json::to_string(&list[1]).unwrap(), r#"{"A":2.5}"#);
        let back: Attributes = serde_json::from_str(r#"{"A":2.5,"B":"007","C":true,"D":null}"#).unwrap();
        assert_eq!(back.number("a"), Some(2.5));
        assert_eq!(back.get("b"), Some("007"));
        assert_eq!(back.get("c"), Some("true"));
        assert_eq!(back.get("d"), Some(""));
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_read_as_written(x in -1_000_000i64..1_000_000, frac in 0u32..100, comma: bool) {
            let text = if frac == 0 { x.to_string() } else {
                format!("{x}{}{frac:02}", if comma { ',' } else { '.' })
            };
            let want: f64 = text.replace(',', ".").parse().unwrap();
            proptest::prop_assert_eq!(attribute_number(&text), Some(want));
            // A leading zero makes it a code.
            let code = format!("0{}", x.unsigned_abs());
            proptest::prop_assert_eq!(attribute_number(&code).is_none(), x != 0);
        }
    }
}
