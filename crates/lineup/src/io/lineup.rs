//! Reading a lineup made elsewhere: JSON as written by `lineup solve
//! --format json` (or just `{"clusters": [{"id": "A", "members": ["01001000", …]}]}`),
//! or a table (CSV or `.xlsx`) with an `id` and a `cluster` column (as
//! written by `--format csv` and `--format xlsx`).

use std::io::Read;

use serde_json::Value;

use super::error::{InputError, InputErrorKind, Place};
use super::input::InputFormat;
use super::text::{decode, read_bytes};
use super::workbook::xlsx_table;
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

/// A lineup file's clusters: `(cluster id, members)`, in file order.
pub(crate) type RawClusters = Vec<(String, Vec<RawMember>)>;

/// The clusters of a lineup JSON document.
fn json_clusters(text: &str) -> Result<RawClusters, InputError> {
    let doc = super::json::document(text)?;
    let clusters = match &doc {
        Value::Array(a) => a,
        Value::Object(o) => o
            .get("clusters")
            .and_then(Value::as_array)
            .ok_or_else(|| json_err("expected an object with a `clusters` array"))?,
        _ => return Err(json_err("expected an object with a `clusters` array")),
    };
    clusters
        .iter()
        .enumerate()
        .map(|(i, c)| {
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
            Ok((id, members))
        })
        .collect()
}

/// `(cluster, id)` rows grouped by cluster, clusters in order of appearance.
fn grouped(rows: Vec<(String, String)>) -> RawClusters {
    let mut out: RawClusters = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (cluster, id) in rows {
        let member = RawMember { id, fields: None };
        match at.get(&cluster) {
            Some(&k) => out[k].1.push(member),
            None => {
                at.insert(cluster.clone(), out.len());
                out.push((cluster, vec![member]));
            }
        }
    }
    out
}

/// The clusters of a lineup file (JSON, CSV or `.xlsx`), in file order.
pub(crate) fn parse_raw(reader: impl Read) -> Result<RawClusters, InputError> {
    let bytes = read_bytes(reader)?;
    let format = InputFormat::detect(&bytes);
    let text = match format {
        InputFormat::Xlsx => String::new(),
        InputFormat::Csv | InputFormat::Json => decode(&bytes),
    };
    if format != InputFormat::Xlsx && text.trim().is_empty() {
        return Err(InputError::new(InputErrorKind::Empty));
    }
    match format {
        InputFormat::Json => json_clusters(&text),
        InputFormat::Csv => Ok(grouped(super::csv::table(&text)?.assignments()?)),
        InputFormat::Xlsx => Ok(grouped(xlsx_table(&bytes)?.assignments()?)),
    }
}

/// Reads a lineup and resolves its member ids against the municipalities
/// (member indices refer to `municipalities`): JSON, or a table (CSV or
/// `.xlsx`) with `id` and `cluster` columns.
///
/// Members that are missing or repeated are not errors here: the verifier
/// reports them. Ids that are not among the municipalities are errors.
pub fn read_lineup(reader: impl Read, municipalities: &[Municipality]) -> Result<Lineup, InputError> {
    let index: std::collections::HashMap<&str, usize> = municipalities
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let clusters = parse_raw(reader)?
        .into_iter()
        .map(|(id, members)| {
            let mut members = members
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
