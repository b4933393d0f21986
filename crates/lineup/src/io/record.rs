//! One row of text fields → a [`Municipality`], with a precise error for
//! every field that cannot be used. Missing values come from the register.

use super::columns::Column;
use super::error::{InputError, InputErrorKind, Place};
use super::warning::{RegisterTown, SHADOW_FACTOR};
use crate::land::Land;
use crate::municipality::{LatLon, Municipality};
use crate::names::fold;
use crate::register::{Entry, LookupError, register};

pub use super::numbers::{parse_decimal, parse_population};

/// Generous bounding box of Germany (degrees): lat 46.5–55.5, lon 5.0–16.0.
const DE_LAT: (f64, f64) = (46.5, 55.5);
const DE_LON: (f64, f64) = (5.0, 16.0);

fn in_germany(lat: f64, lon: f64) -> bool {
    (DE_LAT.0..=DE_LAT.1).contains(&lat) && (DE_LON.0..=DE_LON.1).contains(&lon)
}

fn err(place: Place, col: Column, kind: InputErrorKind) -> InputError {
    InputError::new(kind).with_place(place).with_field(col.name())
}

fn coordinate(place: Place, col: Column, text: &str, limit: f64) -> Result<f64, InputError> {
    let v = parse_decimal(text).ok_or_else(|| {
        err(
            place,
            col,
            InputErrorKind::BadNumber {
                value: text.to_string(),
                expected: "a decimal number of degrees (WGS84, e.g. 52.517 or 52,517)".into(),
            },
        )
    })?;
    if !v.is_finite() || v.abs() > limit {
        return Err(err(
            place,
            col,
            InputErrorKind::Coordinates {
                message: format!("{v} is out of range: {} must lie within ±{limit}°", col.name()),
            },
        ));
    }
    Ok(v)
}

/// The values a row gives itself (parsed), before the register fills gaps.
struct Given {
    id: Option<String>,
    name: Option<String>,
    land: Option<Land>,
    population: Option<u64>,
    lat: Option<f64>,
    lon: Option<f64>,
}

impl Given {
    /// The columns without a value.
    fn missing(&self) -> Vec<&'static str> {
        [
            (self.name.is_none(), Column::Name),
            (self.land.is_none(), Column::State),
            (self.population.is_none(), Column::Population),
            (self.lat.is_none(), Column::Lat),
            (self.lon.is_none(), Column::Lon),
        ]
        .into_iter()
        .filter(|(m, _)| *m)
        .map(|(_, c)| c.name())
        .collect()
    }
}

/// The register entry for a row that lacks values: by id, or by name (and
/// Land, when given).
fn look_up(place: Place, given: &Given) -> Result<&'static Entry, InputError> {
    let reg = register();
    if let Some(id) = &given.id {
        return reg.by_id(id).ok_or_else(|| {
            err(
                place,
                Column::Id,
                InputErrorKind::Register(LookupError::UnknownId {
                    id: id.clone(),
                    missing: given.missing(),
                    similar: reg.candidates(reg.similar_ids(id)),
                }),
            )
        });
    }
    let Some(name) = &given.name else {
        return Err(err(
            place,
            Column::Id,
            InputErrorKind::EmptyValue {
                expected: "an id (the 8-digit AGS) or a name".into(),
            },
        ));
    };
    let found = reg
        .find(name, given.land)
        .map_err(|e| err(place, Column::Name, InputErrorKind::Register(e)))?;
    if given.land.is_none()
        && let Some(pop) = given.population
        && !near(pop, found.population)
    {
        let fits: Vec<&Entry> = reg
            .qualified(name, None)
            .into_iter()
            .filter(|e| e.id != found.id && near(pop, e.population))
            .collect();
        if !fits.is_empty() {
            return Err(err(
                place,
                Column::Name,
                InputErrorKind::Register(LookupError::PopulationMismatch {
                    name: name.clone(),
                    given: pop,
                    found: Box::new(reg.candidates(vec![found]).remove(0)),
                    found_population: found.population,
                    fits: reg.candidates(fits),
                }),
            ));
        }
    }
    Ok(found)
}

/// For a name given without Land and population that matched `found`: the
/// much larger municipalities whose name begins with it (`Weiden` →
/// Weiden i.d.OPf.), which the planner may have meant.
fn shadowing(given: &Given, found: &Entry) -> Vec<RegisterTown> {
    let (Some(name), None, None, None) = (&given.name, &given.id, given.land, given.population) else {
        return Vec::new();
    };
    register()
        .qualified(name, None)
        .into_iter()
        .filter(|e| e.id != found.id && e.population > SHADOW_FACTOR * found.population)
        .map(town)
        .collect()
}

/// A register entry as a warning names it.
fn town(e: &Entry) -> RegisterTown {
    RegisterTown {
        name: e.name.clone(),
        id: e.id.clone(),
        land: e.land,
        population: e.population,
    }
}

/// Whether two populations are within a factor 1.5 of each other.
fn near(a: u64, b: u64) -> bool {
    let (lo, hi) = (a.min(b) as f64, a.max(b) as f64);
    hi <= 1.5 * lo
}

/// Builds a municipality from the fields of one row. Values the row lacks
/// (empty or no column) are filled from the [register](crate::register),
/// found by `id`, or by `name` (and `state`) when there is no id; values
/// the row gives always win.
pub fn to_municipality(
    place: Place,
    field: impl Fn(Column) -> Option<String>,
) -> Result<Municipality, InputError> {
    read_row(place, field).map(|r| r.municipality)
}

/// How a row was read: the municipality, the columns whose value came from
/// the register, and the register entry a name written otherwise was taken
/// for (`Frankfurt a.M.` → `Frankfurt am Main (Hessen, 06412000)`).
pub struct Read {
    /// The municipality.
    pub municipality: Municipality,
    /// Columns filled from the register.
    pub filled: Vec<Column>,
    /// The register entry for a name that matched as written otherwise.
    pub matched: Option<String>,
    /// The municipality a name was taken for and much larger ones whose
    /// name begins with it (no Land or population told them apart).
    pub shadowed: Option<(RegisterTown, Vec<RegisterTown>)>,
}

/// As [`to_municipality`], and what came from the register.
pub fn read_row(place: Place, field: impl Fn(Column) -> Option<String>) -> Result<Read, InputError> {
    let get = |c: Column| field(c).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let (state_col, state_text) = match get(Column::State) {
        Some(s) => (Column::State, Some(s)),
        None => (Column::StateCode, get(Column::StateCode)),
    };
    let land = state_text
        .map(|s| s.parse::<Land>())
        .transpose()
        .map_err(|e| err(place, state_col, InputErrorKind::UnknownLand(e)))?;
    let population = get(Column::Population)
        .map(|text| {
            parse_population(&text).ok_or_else(|| {
                err(
                    place,
                    Column::Population,
                    InputErrorKind::BadNumber {
                        value: text.clone(),
                        expected: "a whole number of inhabitants > 0".into(),
                    },
                )
            })
        })
        .transpose()?;
    let lat = get(Column::Lat)
        .map(|t| coordinate(place, Column::Lat, &t, 90.0))
        .transpose()?;
    let lon = get(Column::Lon)
        .map(|t| coordinate(place, Column::Lon, &t, 180.0))
        .transpose()?;
    let given = Given {
        id: get(Column::Id),
        name: get(Column::Name),
        land,
        population,
        lat,
        lon,
    };
    let mut filled = Vec::new();
    let mut matched = None;
    let mut shadowed = None;
    let (id, name, land, population, lat, lon) = match given {
        Given {
            id: Some(id),
            name: Some(name),
            land: Some(land),
            population: Some(population),
            lat: Some(lat),
            lon: Some(lon),
        } => (id, name, land, population, lat, lon),
        partial => {
            let e = look_up(place, &partial)?;
            let larger = shadowing(&partial, e);
            if !larger.is_empty() {
                shadowed = Some((town(e), larger));
            }
            if partial.id.is_none()
                && let Some(n) = &partial.name
                && fold(n) != fold(&e.name)
                && fold(n) != fold(&e.official_name)
            {
                matched = Some(format!("{} ({}, {})", e.name, e.land, e.id));
            }
            filled = [
                (partial.id.is_none(), Column::Id),
                (partial.name.is_none(), Column::Name),
                (partial.land.is_none(), Column::State),
                (partial.population.is_none(), Column::Population),
                (partial.lat.is_none() || partial.lon.is_none(), Column::Lat),
            ]
            .into_iter()
            .filter_map(|(f, c)| f.then_some(c))
            .collect();
            (
                partial.id.unwrap_or_else(|| e.id.clone()),
                partial.name.unwrap_or_else(|| e.name.clone()),
                partial.land.unwrap_or(e.land),
                partial.population.unwrap_or(e.population),
                partial.lat.unwrap_or(e.lat),
                partial.lon.unwrap_or(e.lon),
            )
        }
    };
    if !in_germany(lat, lon) {
        let message = if in_germany(lon, lat) {
            format!(
                "lat {lat}, lon {lon} lies outside Germany, but swapped it would be inside: the lat and lon columns look swapped: swap them"
            )
        } else {
            format!(
                "lat {lat}, lon {lon} lies outside Germany (lat {}–{}, lon {}–{}): check the coordinates (WGS84 degrees)",
                DE_LAT.0, DE_LAT.1, DE_LON.0, DE_LON.1
            )
        };
        return Err(err(place, Column::Lat, InputErrorKind::Coordinates { message }));
    }
    let m = Municipality {
        size_class: get(Column::SizeClass),
        cluster: get(Column::Cluster),
        ..Municipality::new(id, name, land, population, LatLon { lat, lon })
    };
    Ok(Read {
        municipality: m,
        filled,
        matched,
        shadowed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[(Column, &str)]) -> Result<Municipality, InputError> {
        let v: Vec<(Column, String)> = values.iter().map(|(c, s)| (*c, s.to_string())).collect();
        to_municipality(Place::Row(2), |c| {
            v.iter().find(|x| x.0 == c).map(|x| x.1.clone())
        })
    }

    fn good() -> Vec<(Column, &'static str)> {
        vec![
            (Column::Id, "09162000"),
            (Column::Name, "München"),
            (Column::State, "Bayern"),
            (Column::Population, "1484226"),
            (Column::Lat, "48.137683"),
            (Column::Lon, "11.575997"),
        ]
    }

    fn with(c: Column, v: &'static str) -> Vec<(Column, &'static str)> {
        let mut g = good();
        g.retain(|x| x.0 != c);
        g.push((c, v));
        g
    }

    #[test]
    fn rejects_bad_population() {
        for bad in ["abc", "0", "-5", "1.5", "1,5"] {
            let e = row(&with(Column::Population, bad)).unwrap_err();
            assert_eq!(e.field.as_deref(), Some("population"), "{bad}");
            assert_eq!(e.place, Some(Place::Row(2)));
        }
        assert_eq!(parse_population("12345.0"), Some(12345));
    }

    #[test]
    fn rejects_out_of_range_and_swapped_coordinates() {
        let e = row(&with(Column::Lat, "95")).unwrap_err();
        assert!(e.to_string().contains("out of range"), "{e}");
        let mut g = with(Column::Lat, "11.575997");
        g.retain(|x| x.0 != Column::Lon);
        g.push((Column::Lon, "48.137683"));
        let e = row(&g).unwrap_err();
        assert!(e.to_string().contains("look swapped"), "{e}");
        let e = row(&with(Column::Lat, "40.4")).unwrap_err();
        assert!(e.to_string().contains("outside Germany"), "{e}");
    }

    #[test]
    fn rejects_unknown_land() {
        let e = row(&with(Column::State, "Bavarien")).unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::UnknownLand(_)));
        assert_eq!(e.to_string().split(':').next(), Some("row 2, field `state`"));
    }

    #[test]
    fn state_code_is_a_fallback() {
        let mut g = good();
        g.retain(|x| x.0 != Column::State);
        g.push((Column::StateCode, "09"));
        assert_eq!(row(&g).unwrap().land, Land::BY);
    }

    #[test]
    fn reads_german_numbers() {
        let mut g = with(Column::Population, "1.484.226");
        g.retain(|x| x.0 != Column::Lat);
        g.push((Column::Lat, "48,137683"));
        let m = row(&g).unwrap();
        assert_eq!((m.population, m.lat()), (1_484_226, 48.137683));
    }

    #[test]
    fn fills_gaps_from_the_register() {
        let by_id = row(&[(Column::Id, "09162000")]).unwrap();
        let full = row(&good()).unwrap();
        assert_eq!(by_id, full);
        let by_name = row(&[(Column::Name, "muenchen, landeshauptstadt")]).unwrap();
        assert_eq!((by_name.id.as_str(), by_name.population), ("09162000", 1_484_226));
        assert_eq!(
            by_name.name, "muenchen, landeshauptstadt",
            "the given name is kept"
        );
        let empty_population = row(&with(Column::Population, "")).unwrap();
        assert_eq!(empty_population.population, 1_484_226);
        // Values the row gives win over the register.
        let own = row(&[(Column::Id, "09162000"), (Column::Population, "1.500.000")]).unwrap();
        assert_eq!((own.population, own.name.as_str()), (1_500_000, "München"));
        let kept = row(&[
            (Column::Name, "Gotha"),
            (Column::State, "TH"),
            (Column::Lat, "51"),
        ])
        .unwrap();
        assert_eq!((kept.id.as_str(), kept.lat()), ("16067029", 51.0));
    }

    #[test]
    fn register_misses_are_errors_with_candidates() {
        let e = row(&[(Column::Id, "0916200"), (Column::Name, "München")]).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("id"));
        let text = e.to_string();
        assert!(
            text.contains("`state`, `population`, `lat`, `lon` cannot be filled in"),
            "{text}"
        );
        assert!(text.contains("München (Bayern, 09162000)"), "{text}");
        let e = row(&[(Column::Name, "Neustadt")]).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("name"));
        assert!(
            e.to_string()
                .contains("Neustadt an der Weinstraße (Rheinland-Pfalz"),
            "{e}"
        );
        let e = row(&[(Column::Name, "Neunkirchen")]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("row 2, field `name`: \"Neunkirchen\" matches 6 municipalities: "),
            "{e}"
        );
        assert!(
            e.to_string()
                .ends_with("add a `state` column or give the `id` (AGS)"),
            "{e}"
        );
        // Lindau without a Land is the village in Schleswig-Holstein; with
        // 25 900 inhabitants the file means Lindau (Bodensee).
        let e = row(&[(Column::Name, "Lindau"), (Column::Population, "25.900")]).unwrap_err();
        let text = e.to_string();
        assert!(text.contains("Lindau (Schleswig-Holstein"), "{text}");
        assert!(
            text.contains("1,353 inhabitants, but the file gives 25,900"),
            "{text}"
        );
        assert!(text.contains("Lindau (Bodensee) (Bayern"), "{text}");
        let ok = row(&[(Column::Name, "Lindau"), (Column::Population, "1400")]).unwrap();
        assert_eq!(ok.id, "01058096");
        let e = row(&[(Column::Population, "5000")]).unwrap_err();
        assert!(e.to_string().contains("an id (the 8-digit AGS) or a name"), "{e}");
    }
}
