//! Reading a baseline lineup for what-if analysis: the same files as
//! [`read_lineup`](crate::read_lineup) (a `solve` JSON report, a
//! `{"clusters": […]}` object, or CSV with `id` and `cluster` columns), but
//! member ids are kept as they are, so members that have left the current
//! list are reported instead of rejected. A `solve` report carries each
//! member's data (name, Land, population, coordinates); it is kept, so the
//! baseline can be scored even when members have left.

use std::collections::HashMap;
use std::io::Read;

use super::columns::Column;
use super::error::{InputError, InputErrorKind, Place};
use super::lineup::parse_raw;
use super::record::to_municipality;
use crate::whatif::{Baseline, BaselineCluster, BaselineMember};

fn as_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads a baseline lineup.
///
/// Errors: unreadable or malformed files, two clusters with the same id, and
/// a municipality listed twice (a baseline must be a partition).
///
/// ```
/// let json = r#"{"clusters": [{"id": "A", "members": ["01001000", "16067029"]}]}"#;
/// let b = lineup::read_baseline(json.as_bytes())?;
/// assert_eq!(b.clusters[0].members.len(), 2);
/// # Ok::<_, lineup::InputError>(())
/// ```
pub fn read_baseline(reader: impl Read) -> Result<Baseline, InputError> {
    let raw = parse_raw(reader)?;
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut clusters: Vec<BaselineCluster> = Vec::with_capacity(raw.len());
    let mut ids: std::collections::HashSet<String> = std::collections::HashSet::with_capacity(raw.len());
    for (c, (id, members)) in raw.into_iter().enumerate() {
        let place = Place::Entry(c as u64 + 1);
        if !ids.insert(id.clone()) {
            return Err(InputError::new(InputErrorKind::Json {
                message: format!(
                    "two clusters have the id {id:?}: a baseline needs distinct cluster ids; rename one"
                ),
            })
            .with_place(place));
        }
        let mut list = Vec::with_capacity(members.len());
        for m in members {
            if let Some(first) = seen.insert(m.id.clone(), id.clone()) {
                return Err(InputError::new(InputErrorKind::Json {
                    message: format!(
                        "{:?} is listed in cluster {first:?} and again in cluster {id:?}: a baseline lists each municipality once",
                        m.id
                    ),
                })
                .with_place(place)
                .with_field("members"));
            }
            // A member object of a `solve` report: keep its data, but not its
            // computed size class (the current settings decide the class).
            let municipality = m.fields.as_ref().and_then(|obj| {
                to_municipality(place, |col: Column| {
                    if matches!(col, Column::SizeClass | Column::Cluster) {
                        return None;
                    }
                    obj.iter()
                        .find(|(k, _)| Column::from_header(k) == Some(col))
                        .and_then(|(_, v)| as_text(v))
                })
                .ok()
            });
            list.push(BaselineMember {
                id: m.id,
                municipality,
            });
        }
        clusters.push(BaselineCluster { id, members: list });
    }
    Ok(Baseline { clusters })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_member_data_of_solve_reports() {
        let json = r#"{"clusters": [{"id": "A", "members": [
            {"id": "16067029", "name": "Gotha", "state": "Thüringen", "population": 45419,
             "size_class": "Mittelstadt", "lat": 50.948, "lon": 10.701},
            "03252006"]}]}"#;
        let b = read_baseline(json.as_bytes()).unwrap();
        let m = &b.clusters[0].members;
        assert_eq!(m[0].municipality.as_ref().unwrap().name, "Gotha");
        assert_eq!(m[0].municipality.as_ref().unwrap().size_class, None);
        assert!(m[1].municipality.is_none());
    }

    #[test]
    fn reads_csv_baselines() {
        let csv = "id,cluster\n1,A\n2,B\n3,A\n";
        let b = read_baseline(csv.as_bytes()).unwrap();
        assert_eq!(b.clusters.len(), 2);
        assert_eq!(b.clusters[0].members.len(), 2);
    }

    #[test]
    fn rejects_members_listed_twice() {
        let json = r#"{"clusters": [{"id": "A", "members": ["1"]}, {"id": "B", "members": ["1"]}]}"#;
        let e = read_baseline(json.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("listed in cluster \"A\" and again"), "{e}");
        let json = r#"{"clusters": [{"id": "A", "members": ["1"]}, {"id": "A", "members": ["2"]}]}"#;
        assert!(read_baseline(json.as_bytes()).is_err());
    }
}
