//! Reading a lineup made elsewhere: JSON as written by `lineup solve
//! --format json` (or just `{"clusters": [{"id": "A", "members": ["01001000", …]}]}`),
//! or CSV with an `id` and a `cluster` column (as written by `--format csv`).

use std::io::Read;

use serde_json::Value;

use crate::error::{InputError, InputErrorKind, Place};
use crate::io::columns::Column;
use crate::io::{InputFormat, read_text};
use crate::lineup::{Cluster, Lineup};
use crate::municipality::Municipality;

fn json_err(message: impl Into<String>) -> InputError {
    InputError::new(InputErrorKind::Json {
        message: message.into(),
    })
}

fn member_id(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("id").and_then(member_id),
        _ => None,
    }
}

/// One member as a lineup file gives it: its id and, in JSON, the whole
/// member object (a `solve` report carries name, state, population, …).
pub(crate) struct RawMember {
    pub id: String,
    pub fields: Option<serde_json::Map<String, Value>>,
}

/// Clusters (id, members) of a lineup file, in file order.
pub(crate) fn parse_raw(text: &str) -> Result<Vec<(String, Vec<RawMember>)>, InputError> {
    if text.trim().is_empty() {
        return Err(InputError::new(InputErrorKind::Empty));
    }
    let mut raw: Vec<(String, Vec<RawMember>)> = Vec::new();
    match InputFormat::sniff(text) {
        InputFormat::Json => {
            let doc: Value = serde_json::from_str(text).map_err(|e| {
                json_err(format!(
                    "invalid JSON at line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ))
            })?;
            let clusters = match &doc {
                Value::Array(a) => a,
                Value::Object(o) => o
                    .get("clusters")
                    .and_then(Value::as_array)
                    .ok_or_else(|| json_err("expected an object with a `clusters` array"))?,
                _ => return Err(json_err("expected an object with a `clusters` array")),
            };
            for (i, c) in clusters.iter().enumerate() {
                let place = Place::Entry(i as u64 + 1);
                let id = c
                    .get("id")
                    .and_then(member_id)
                    .unwrap_or_else(|| format!("cluster-{}", i + 1));
                let members = c
                    .get("members")
                    .and_then(Value::as_array)
                    .ok_or_else(|| json_err("each cluster needs a `members` array").with_place(place))?;
                let members = members
                    .iter()
                    .map(|m| {
                        let id = member_id(m).ok_or_else(|| {
                            json_err("a member must be an id or an object with an `id`")
                                .with_place(place)
                                .with_field("members")
                        })?;
                        Ok(RawMember {
                            id,
                            fields: m.as_object().cloned(),
                        })
                    })
                    .collect::<Result<Vec<_>, InputError>>()?;
                raw.push((id, members));
            }
        }
        InputFormat::Csv => {
            let delimiter = crate::io::csv::detect_delimiter(text);
            let mut r = ::csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .trim(::csv::Trim::All)
                .flexible(true)
                .from_reader(text.as_bytes());
            let headers = r
                .headers()
                .map_err(|e| {
                    InputError::new(InputErrorKind::Malformed {
                        message: e.to_string(),
                    })
                })?
                .clone();
            let find = |c: Column| headers.iter().position(|h| Column::from_header(h) == Some(c));
            let (Some(id_col), Some(cl_col)) = (find(Column::Id), find(Column::Cluster)) else {
                return Err(InputError::new(InputErrorKind::MissingColumn {
                    column: "id and cluster".into(),
                    found: headers.iter().collect::<Vec<_>>().join(", "),
                    accepted: "id, cluster".into(),
                })
                .with_place(Place::Row(1)));
            };
            for rec in r.records() {
                let rec = rec.map_err(|e| {
                    InputError::new(InputErrorKind::Malformed {
                        message: e.to_string(),
                    })
                })?;
                let row = rec.position().map_or(0, |p| p.line());
                let (Some(id), Some(cl)) = (rec.get(id_col), rec.get(cl_col)) else {
                    return Err(InputError::new(InputErrorKind::Malformed {
                        message: "row too short".into(),
                    })
                    .with_place(Place::Row(row)));
                };
                let member = RawMember {
                    id: id.to_string(),
                    fields: None,
                };
                match raw.iter_mut().find(|c| c.0 == cl) {
                    Some(c) => c.1.push(member),
                    None => raw.push((cl.to_string(), vec![member])),
                }
            }
        }
    }
    Ok(raw)
}

/// Reads a lineup and resolves its member ids against the municipalities
/// (member indices refer to `municipalities`).
///
/// Members that are missing or repeated are not errors here: the verifier
/// reports them. Ids that are not among the municipalities are errors.
pub fn read_lineup(reader: impl Read, municipalities: &[Municipality]) -> Result<Lineup, InputError> {
    let index: std::collections::HashMap<&str, usize> = municipalities
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let raw = parse_raw(&read_text(reader)?)?;
    let clusters = raw
        .into_iter()
        .map(|(id, ids)| {
            let mut members = ids
                .iter()
                .map(|m| {
                    index.get(m.id.as_str()).copied().ok_or_else(|| {
                        InputError::new(InputErrorKind::UnknownMember {
                            cluster: id.clone(),
                            id: m.id.clone(),
                        })
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            members.sort_unstable();
            Ok(Cluster { id, members })
        })
        .collect::<Result<Vec<_>, InputError>>()?;
    Ok(Lineup { clusters })
}
