//! One row of text fields → a [`Municipality`], with a precise error for
//! every field that cannot be used.

use crate::error::{InputError, InputErrorKind, Place};
use crate::io::columns::Column;
use crate::land::Land;
use crate::municipality::Municipality;

/// Generous bounding box of Germany (degrees): lat 46.5–55.5, lon 5.0–16.0.
const DE_LAT: (f64, f64) = (46.5, 55.5);
const DE_LON: (f64, f64) = (5.0, 16.0);

fn in_germany(lat: f64, lon: f64) -> bool {
    (DE_LAT.0..=DE_LAT.1).contains(&lat) && (DE_LON.0..=DE_LON.1).contains(&lon)
}

fn err(place: Place, col: Column, kind: InputErrorKind) -> InputError {
    InputError::new(kind).with_place(place).with_field(col.name())
}

fn required(place: Place, col: Column, value: Option<&str>, expected: &str) -> Result<String, InputError> {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => Ok(v.to_string()),
        _ => Err(err(
            place,
            col,
            InputErrorKind::EmptyValue {
                expected: expected.to_string(),
            },
        )),
    }
}

/// Parses a population: a whole number > 0 (`12345`; `12345.0` is accepted).
pub fn parse_population(text: &str) -> Option<u64> {
    let t = text.trim();
    if let Ok(v) = t.parse::<u64>() {
        return (v > 0).then_some(v);
    }
    let f: f64 = t.parse().ok()?;
    (f.is_finite() && f >= 1.0 && f.fract() == 0.0 && f < 1e12).then_some(f as u64)
}

fn coordinate(place: Place, col: Column, text: &str, limit: f64) -> Result<f64, InputError> {
    let v: f64 = text.trim().parse().map_err(|_| {
        err(
            place,
            col,
            InputErrorKind::BadNumber {
                value: text.to_string(),
                expected: "a decimal number of degrees (WGS84, with a dot: 52.517)".into(),
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

/// Builds a municipality from the fields of one row.
pub fn to_municipality(
    place: Place,
    field: impl Fn(Column) -> Option<String>,
) -> Result<Municipality, InputError> {
    let get = |c: Column| field(c);
    let id = required(
        place,
        Column::Id,
        get(Column::Id).as_deref(),
        "an id (e.g. the 8-digit AGS)",
    )?;
    let name = required(
        place,
        Column::Name,
        get(Column::Name).as_deref(),
        "the municipality's name",
    )?;
    let (state_col, state_text) = match get(Column::State).filter(|s| !s.trim().is_empty()) {
        Some(s) => (Column::State, Some(s)),
        None => (Column::StateCode, get(Column::StateCode)),
    };
    let state_text = required(
        place,
        Column::State,
        state_text.as_deref(),
        "a Land (Bayern, BY or 09)",
    )?;
    let land: Land = state_text
        .parse()
        .map_err(|e| err(place, state_col, InputErrorKind::UnknownLand(e)))?;
    let pop_text = required(
        place,
        Column::Population,
        get(Column::Population).as_deref(),
        "a whole number of inhabitants > 0",
    )?;
    let population = parse_population(&pop_text).ok_or_else(|| {
        err(
            place,
            Column::Population,
            InputErrorKind::BadNumber {
                value: pop_text.clone(),
                expected: "a whole number of inhabitants > 0".into(),
            },
        )
    })?;
    let lat_text = required(
        place,
        Column::Lat,
        get(Column::Lat).as_deref(),
        "a latitude in degrees",
    )?;
    let lon_text = required(
        place,
        Column::Lon,
        get(Column::Lon).as_deref(),
        "a longitude in degrees",
    )?;
    let lat = coordinate(place, Column::Lat, &lat_text, 90.0)?;
    let lon = coordinate(place, Column::Lon, &lon_text, 180.0)?;
    if !in_germany(lat, lon) {
        let message = if in_germany(lon, lat) {
            format!(
                "lat {lat}, lon {lon} lies outside Germany, but swapped it would be inside: the lat and lon columns look swapped"
            )
        } else {
            format!(
                "lat {lat}, lon {lon} lies outside Germany (lat {}–{}, lon {}–{}): check the coordinates (WGS84 degrees)",
                DE_LAT.0, DE_LAT.1, DE_LON.0, DE_LON.1
            )
        };
        return Err(err(place, Column::Lat, InputErrorKind::Coordinates { message }));
    }
    let optional = |c: Column| get(c).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Municipality {
        size_class: optional(Column::SizeClass),
        cluster: optional(Column::Cluster),
        ..Municipality::new(id, name, land, population, lat, lon)
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
        for bad in ["abc", "0", "-5", "1.5", ""] {
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
}
