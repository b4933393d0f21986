//! JSON input: an array of municipality objects, or an object
//! `{"municipalities": [...], "must_link": [[a, b], ...], "cannot_link": [...]}`.
//! Object keys are matched like CSV headers; numbers may be numbers or strings.

use std::collections::HashMap;

use serde_json::Value;

use super::columns::Column;
use super::error::{InputError, InputErrorKind, Place};
use super::input::{Collector, Input};
use super::invisible::{Invisible, has_invisible};
use super::record::read_row;
use super::warning::unread;
use crate::names::fold;

fn json_err(message: String) -> InputError {
    InputError::new(InputErrorKind::Json { message })
}

/// Parses a JSON document; a syntax error names its line and column.
pub(crate) fn document(text: &str) -> Result<Value, InputError> {
    serde_json::from_str(text).map_err(|e| {
        json_err(format!(
            "invalid JSON at line {}, column {}: {e}; fix the brackets, commas or quotes there",
            e.line(),
            e.column()
        ))
    })
}

/// An attribute found in an object: (position of the key, of the nested
/// key), name, text, number (a JSON number).
type Found = ((usize, usize), String, String, Option<f64>);

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn pairs(v: Option<&Value>, key: &str) -> Result<Vec<(String, String)>, InputError> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let arr = v
        .as_array()
        .ok_or_else(|| json_err(format!("`{key}` must be an array of [id, id] pairs")))?;
    arr.iter()
        .enumerate()
        .map(|(i, p)| match p.as_array().map(|a| a.as_slice()) {
            Some([a, b]) => match (as_text(a), as_text(b)) {
                (Some(a), Some(b)) => Ok((a, b)),
                _ => Err(json_err(format!("`{key}` entry {} must hold two ids", i + 1))),
            },
            _ => Err(json_err(format!(
                "`{key}` entry {} must be a pair [id, id]",
                i + 1
            ))),
        })
        .collect()
}

/// Removes invisible characters from every key and string, noting them
/// under their key and the entry (1-based) of the array they are in.
fn clean_document(doc: &mut Value, invisible: &mut Invisible) {
    fn clean(v: &mut Value, column: &str, place: Place, invisible: &mut Invisible) {
        match v {
            Value::String(s) if has_invisible(s) => *s = invisible.clean(column, place, s),
            Value::Array(items) => {
                for x in items {
                    clean(x, column, place, invisible);
                }
            }
            Value::Object(map) => {
                for (k, mut x) in std::mem::take(map) {
                    let k = invisible.clean("key", place, &k);
                    clean(&mut x, &k, place, invisible);
                    map.insert(k, x);
                }
            }
            _ => {}
        }
    }
    let entries = |items: &mut Vec<Value>, column: &str, invisible: &mut Invisible| {
        for (i, x) in items.iter_mut().enumerate() {
            clean(x, column, Place::Entry(i as u64 + 1), invisible);
        }
    };
    match doc {
        Value::Array(items) => entries(items, "", invisible),
        Value::Object(map) => {
            for (k, mut x) in std::mem::take(map) {
                let k = invisible.clean("key", Place::Entry(0), &k);
                match &mut x {
                    Value::Array(items) => entries(items, &k, invisible),
                    other => clean(other, &k, Place::Entry(0), invisible),
                }
                map.insert(k, x);
            }
        }
        other => clean(other, "", Place::Entry(0), invisible),
    }
}

/// Parses municipalities from JSON text.
pub fn parse(text: &str) -> Result<Input, InputError> {
    let mut doc = document(text)?;
    let mut invisible = Invisible::default();
    // Written as they are, or escaped (`\u200b`).
    if has_invisible(text) || text.contains("\\u") {
        clean_document(&mut doc, &mut invisible);
    }
    let (list, must, cannot, criteria) = match &doc {
        Value::Array(a) => (a, None, None, None),
        Value::Object(o) => match o.get("municipalities").and_then(Value::as_array) {
            Some(a) => (a, o.get("must_link"), o.get("cannot_link"), o.get("criteria")),
            None => {
                return Err(json_err(
                    "expected an array of municipalities, or an object with a `municipalities` array".into(),
                ));
            }
        },
        _ => return Err(json_err("expected an array of municipalities".into())),
    };
    let (must_link, cannot_link) = (pairs(must, "must_link")?, pairs(cannot, "cannot_link")?);
    let mut out = Collector::default();
    let order = super::json_order::entry_keys(text);
    let mut keys: Vec<&String> = Vec::new();
    for obj in list.iter().filter_map(Value::as_object) {
        for k in obj.keys() {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    // Each distinct key is read once (not once per row and column: with
    // the whole register that was most of the workbench's time per edit).
    let column_of: HashMap<&str, Option<Column>> = keys
        .iter()
        .map(|k| (k.as_str(), Column::from_header(k)))
        .collect();
    let column = |k: &str| column_of.get(k).copied().flatten();
    let present: Vec<Column> = keys.iter().filter_map(|k| column(k)).collect();
    for w in keys
        .iter()
        .filter(|k| column(k).is_none())
        .filter_map(|k| unread(k, &present))
    {
        out.warn(w);
    }
    for (i, entry) in list.iter().enumerate() {
        let place = Place::Entry(i as u64 + 1);
        let Some(obj) = entry.as_object() else {
            out.add(
                Err(json_err(
                    "each municipality must be an object with id, name, state, population, lat, lon".into(),
                )
                .with_place(place)),
                place,
            );
            continue;
        };
        let row = read_row(place, |c: Column| {
            obj.iter()
                .find(|(k, _)| column(k) == Some(c))
                .and_then(|(_, v)| as_text(v))
        })
        .map(|mut r| {
            let m = &mut r.municipality;
            // Attributes in file order: (position of the key, of the nested key).
            let keys = order.get(i);
            let pos = |k: &str, n: Option<&str>| -> (usize, usize) {
                let Some(keys) = keys else { return (0, 0) };
                let x = keys.iter().position(|(key, _)| key == k).unwrap_or(usize::MAX);
                let y = n.map_or(0, |n| {
                    keys.get(x)
                        .and_then(|(_, nested)| nested.iter().position(|key| key == n))
                        .unwrap_or(usize::MAX)
                });
                (x, y)
            };
            let mut found: Vec<Found> = Vec::new();
            // Keys lineup has no field for (or a second key of one) are attributes.
            for (x, (k, v)) in obj.iter().enumerate() {
                let used = column(k)
                    .is_some_and(|c| obj.iter().position(|(k2, _)| column(k2) == Some(c)) == Some(x));
                if !used {
                    // The library's own form (`MunicipalityRecord`) nests them.
                    if let (true, Value::Object(nested)) = (fold(k) == "attributes", v) {
                        for (n, x) in nested {
                            found.push((
                                pos(k, Some(n)),
                                n.clone(),
                                as_text(x).unwrap_or_default(),
                                x.as_f64(),
                            ));
                        }
                        continue;
                    }
                    let text = match v {
                        Value::Null => String::new(),
                        other => as_text(other).unwrap_or_else(|| other.to_string()),
                    };
                    found.push((pos(k, None), k.clone(), text, v.as_f64()));
                }
            }
            found.sort_by_key(|f| f.0);
            // A JSON number is a number as given (`2.125` too).
            for (_, k, v, number) in found {
                match number {
                    Some(x) => m.attributes.insert_number(k, x),
                    None => m.attributes.insert(k, v),
                }
            }
            r
        });
        out.add(row, place);
    }
    for w in invisible.warnings() {
        out.warn(w);
    }
    let mut input = out.finish(must_link, cannot_link)?;
    if let Some(c) = criteria {
        input.criteria = serde_json::from_value(c.clone()).map_err(|e| {
            json_err(format!(
                "`criteria` must be a list like [{{\"kind\": \"alike\", \"attribute\": \"Erfahrung\"}}, {{\"kind\": \"different\", \"attribute\": \"district\", \"weight\": 1}}]: {e}"
            ))
        })?;
    }
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_array_and_object_forms() {
        let a = r#"[{"id":"1","name":"A","state":"BY","population":5000,"lat":48,"lon":11}]"#;
        assert_eq!(parse(a).unwrap().municipalities.len(), 1);
        let o = r#"{"municipalities":[{"id":1,"name":"A","Land":"09","Einwohner":"5000","lat":48,"lon":11},
                     {"id":2,"name":"B","state":"HE","population":5000,"lat":50,"lon":9}],
                    "must_link":[[1,2]]}"#;
        let i = parse(o).unwrap();
        assert_eq!(i.must_link, vec![("1".to_string(), "2".to_string())]);
    }

    #[test]
    fn entries_may_give_only_an_id_or_a_name() {
        let i = parse(r#"[{"id": "09162000"}, {"Gemeinde": "Kiel, Landeshauptstadt"}]"#).unwrap();
        assert_eq!(i.municipalities[0].name, "München");
        assert_eq!(i.municipalities[1].id, "01002000");
    }

    #[test]
    fn reads_criteria() {
        let i = parse(
            r#"{"municipalities": [{"id": "09162000"}],
                "criteria": [{"kind": "alike", "attribute": "Erfahrung"}, {"kind": "different", "attribute": "district", "weight": 2}]}"#,
        )
        .unwrap();
        assert_eq!(i.criteria.len(), 2);
        assert_eq!(i.criteria[1].to_string(), "different district=2");
        let e = parse(r#"{"municipalities": [{"id": "09162000"}], "criteria": [{"kind": "similar"}]}"#)
            .unwrap_err();
        assert!(e.to_string().contains("`criteria` must be a list"), "{e}");
    }

    #[test]
    fn other_keys_become_attributes() {
        let i = parse(r#"[{"id": "09162000", "Erfahrung": "ja", "Jahre": 3, "Notiz": null}]"#).unwrap();
        let a: Vec<(&str, &str)> = i.municipalities[0].attributes.iter().collect();
        assert_eq!(a, [("Erfahrung", "ja"), ("Jahre", "3"), ("Notiz", "")]);
        // In file order, not sorted.
        let i = parse(
            r#"[{"Zweck": "b", "id": "09162000", "Anmerkung": "a", "attributes": {"Z": "1", "A": "2"}}]"#,
        )
        .unwrap();
        let a: Vec<&str> = i.municipalities[0].attributes.names().collect();
        assert_eq!(a, ["Zweck", "Anmerkung", "Z", "A"]);
        let nested = parse(r#"[{"id": "09162000", "attributes": {"Träger": "Stadt"}}]"#).unwrap();
        assert_eq!(nested.municipalities[0].attributes.get("Träger"), Some("Stadt"));
    }

    #[test]
    fn errors_name_the_entry() {
        let a = r#"[{"id":"1","name":"A","state":"BY","population":5000,"lat":48,"lon":11},
                    {"id":"2","name":"B","state":"XX","population":5000,"lat":48,"lon":11}]"#;
        let e = parse(a).unwrap_err();
        assert_eq!(e.place, Some(Place::Entry(2)));
        assert!(
            parse("{")
                .unwrap_err()
                .to_string()
                .contains("invalid JSON at line 1")
        );
        assert!(parse("{\"a\":1}").is_err());
    }
}
