//! Parsing the embedded register tables (`data/register.csv`,
//! `data/districts.csv`, made by `scripts/make-register.py`).

use std::collections::HashMap;

use super::{Entry, Register};
use crate::land::Land;

const REGISTER: &str = include_str!("../../data/register.csv");
const DISTRICTS: &str = include_str!("../../data/districts.csv");

/// Parses the bundled tables. They are checked by the unit tests, so a row
/// that does not parse is a build defect: it is skipped, and the tests fail.
pub fn bundled() -> Register {
    Register::new(entries(REGISTER), districts(DISTRICTS))
}

fn records(text: &str) -> impl Iterator<Item = ::csv::StringRecord> + '_ {
    ::csv::ReaderBuilder::new()
        .from_reader(text.as_bytes())
        .into_records()
        .filter_map(Result::ok)
}

fn entries(text: &str) -> Vec<Entry> {
    records(text)
        .filter_map(|r| {
            let (id, name, designation) = (r.get(0)?, r.get(1)?, r.get(2)?);
            Some(Entry {
                id: id.to_string(),
                name: name.to_string(),
                official_name: if designation.is_empty() {
                    name.to_string()
                } else {
                    format!("{name}, {designation}")
                },
                land: Land::from_ags(id)?,
                population: r.get(3)?.parse().ok()?,
                lat: r.get(4)?.parse().ok()?,
                lon: r.get(5)?.parse().ok()?,
                municipality_type: municipality_type(r.get(6)?)?,
                degurba: Some(r.get(7)?.parse().ok().filter(|d| (1..=3).contains(d))?),
            })
        })
        .collect()
}

/// The Destatis Textkennzeichen as a name (`Some(None)`: no type given).
fn municipality_type(code: &str) -> Option<Option<&'static str>> {
    Some(Some(match code {
        "" => return Some(None),
        "60" => "markt",
        "61" => "kreisfreie_stadt",
        "62" => "stadtkreis",
        "63" => "stadt",
        "64" => "gemeinde",
        "67" => "grosse_kreisstadt",
        _ => return None,
    }))
}

fn districts(text: &str) -> HashMap<String, String> {
    records(text)
        .filter_map(|r| Some((r.get(0)?.to_string(), r.get(1)?.to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses() {
        assert_eq!(entries(REGISTER).len(), REGISTER.lines().count() - 1);
        assert_eq!(districts(DISTRICTS).len(), DISTRICTS.lines().count() - 1);
    }
}
