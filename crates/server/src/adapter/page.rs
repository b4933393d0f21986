//! What the page reads besides lineups: the rows of a file with their size
//! classes, register searches, the map outlines and the message catalogue.

use lineup_options::ProblemArgs;
use serde::Serialize;

use super::input::read;
use crate::error::ApiError;
use crate::upload::File;
use lineup::messages::Lang;

/// One municipality as the page lists it after reading a file.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The municipality as read (missing values filled from the register).
    #[serde(flatten)]
    pub record: lineup::MunicipalityRecord,
    /// Its size class under the settings.
    pub class: String,
    /// Whether the register has this id with this name.
    pub in_register: bool,
}

/// What a file holds, for the page: every municipality with its class, and
/// the links the file gives.
#[derive(Debug, Serialize)]
pub struct Read {
    /// The municipalities, in file order.
    pub municipalities: Vec<Row>,
    /// Must-link pairs of the file.
    pub must_link: Vec<(String, String)>,
    /// Cannot-link pairs of the file.
    pub cannot_link: Vec<(String, String)>,
    /// The size classes of the scheme, smallest first.
    pub classes: Vec<String>,
}

/// Reads a file for the page.
pub fn read_for_page(args: &ProblemArgs, file: &File) -> Result<Read, ApiError> {
    let settings = lineup_options::settings(args)?;
    let input = read(file)?;
    let scheme = settings.classes();
    let register = lineup::register::register();
    let municipalities = input
        .municipalities
        .into_iter()
        .map(|m| Row {
            class: scheme.class_of(&m).map_or_else(
                || m.size_class.clone().unwrap_or_default(),
                |c| scheme.class(c).name.clone(),
            ),
            in_register: register.by_id(&m.id).is_some_and(|e| e.name == m.name),
            record: m.into(),
        })
        .collect();
    Ok(Read {
        municipalities,
        must_link: input.must_link,
        cannot_link: input.cannot_link,
        classes: scheme.classes().iter().map(|c| c.name.clone()).collect(),
    })
}

/// A register entry found by a search.
#[derive(Debug, Serialize)]
pub struct Found {
    /// The entry as a municipality (the JSON input form).
    #[serde(flatten)]
    pub record: lineup::MunicipalityRecord,
    /// Official name (`Kiel, Landeshauptstadt`).
    pub official_name: String,
    /// The Kreis.
    pub district: String,
}

/// Register entries for a search: AGS prefixes for digits, else names
/// that start with, contain or nearly spell the query; at most `limit`.
pub fn search_register(query: &str, limit: usize) -> Vec<Found> {
    let r = lineup::register::register();
    let q = query.trim();
    let entries: Vec<&lineup::register::Entry> = if q.is_empty() {
        Vec::new()
    } else if q.bytes().all(|b| b.is_ascii_digit()) {
        r.entries()
            .iter()
            .filter(|e| e.id.starts_with(q))
            .take(limit)
            .collect()
    } else {
        r.similar_names(q, None).into_iter().take(limit).collect()
    };
    entries
        .into_iter()
        .map(|e| Found {
            record: e.municipality().into(),
            official_name: e.official_name.clone(),
            district: r.district(e).to_string(),
        })
        .collect()
}

/// One ring of a Land's outline, for the page's map.
#[derive(Debug, Serialize)]
pub struct Outline {
    /// The Land's abbreviation.
    pub land: &'static str,
    /// `[lon, lat]` vertices.
    pub points: Vec<(f64, f64)>,
}

/// The Länder outlines, with the data's attribution.
pub fn outlines() -> (Vec<Outline>, [&'static str; 2]) {
    let rings = lineup::map::rings()
        .into_iter()
        .map(|r| Outline {
            land: r.land.abbr(),
            points: r.points,
        })
        .collect();
    (rings, lineup::map::ATTRIBUTION)
}

/// The message catalogue in a language, as key → text.
pub fn messages(lang: Lang) -> serde_json::Map<String, serde_json::Value> {
    lineup::messages::all()
        .map(|m| (m.key.to_string(), serde_json::Value::from(m.text(lang))))
        .collect()
}
