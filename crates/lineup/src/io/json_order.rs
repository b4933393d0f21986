//! The key order of the municipality objects of a JSON document, as
//! written: `serde_json::Value` keeps an object's keys sorted (the
//! `preserve_order` feature would change the order of every `Value` map in
//! the workspace, the server's responses included), so attributes are put
//! back in file order from this second, shape-only reading.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// The shape of a JSON value: objects with their keys in order.
enum Shape {
    Map(Vec<(String, Shape)>),
    Seq(Vec<Shape>),
    Other,
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shape, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Shape;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_unit<E>(self) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = seq.next_element::<Shape>()? {
                    out.push(x);
                }
                Ok(Shape::Seq(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Shape>()? {
                    out.push((k, v));
                }
                Ok(Shape::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Per municipality entry, its keys in file order, each with the keys of
/// its value in order when that is an object (empty otherwise). Empty when
/// the document is not one lineup reads (the caller reports that).
pub(crate) fn entry_keys(text: &str) -> Vec<Vec<(String, Vec<String>)>> {
    let Ok(doc) = serde_json::from_str::<Shape>(text) else {
        return Vec::new();
    };
    let list = match doc {
        Shape::Seq(list) => list,
        Shape::Map(top) => match top.into_iter().rev().find(|(k, _)| k == "municipalities") {
            Some((_, Shape::Seq(list))) => list,
            _ => return Vec::new(),
        },
        Shape::Other => return Vec::new(),
    };
    list.into_iter()
        .map(|entry| match entry {
            Shape::Map(keys) => keys
                .into_iter()
                .map(|(k, v)| {
                    let nested = match v {
                        Shape::Map(n) => n.into_iter().map(|(k, _)| k).collect(),
                        _ => Vec::new(),
                    };
                    (k, nested)
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}
