//! A municipality (Kommune, Gemeinde): the unit that is placed into clusters.

use geo::Point;
use serde::{Deserialize, Serialize};

use crate::attributes::{Attributes, mark_numbers_in};
use crate::land::Land;

/// One municipality as given by the user.
///
/// ```
/// use lineup::{Land, LatLon, Municipality};
/// let m = Municipality::new("16067029", "Gotha", Land::TH, 45_733, LatLon { lat: 50.9489, lon: 10.7018 });
/// assert_eq!(m.lat(), 50.9489);
/// assert_eq!(m.location.x(), 10.7018); // geo's point: x = longitude
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "MunicipalityRecord", from = "MunicipalityRecord")]
pub struct Municipality {
    /// Identifier, kept verbatim (typically the 8-digit AGS, leading zeros kept).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The Land it belongs to.
    pub land: Land,
    /// Number of inhabitants.
    pub population: u64,
    /// Location in WGS84: `x` = longitude, `y` = latitude (degrees).
    pub location: Point<f64>,
    /// Explicit size class name; wins over the class computed from the population.
    pub size_class: Option<String>,
    /// Pin: the id of the cluster this municipality must be placed in.
    pub cluster: Option<String>,
    /// The file's other columns, kept verbatim (`Träger`, `Erfahrung`, …).
    pub attributes: Attributes,
}

impl Municipality {
    /// A municipality without explicit size class and without pin, at a
    /// place given by its latitude and longitude.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        land: Land,
        population: u64,
        at: LatLon,
    ) -> Municipality {
        Municipality {
            id: id.into(),
            name: name.into(),
            land,
            population,
            location: at.into(),
            size_class: None,
            cluster: None,
            attributes: Attributes::new(),
        }
    }

    /// The same municipality with an explicit size class.
    pub fn with_size_class(mut self, class: impl Into<String>) -> Municipality {
        self.size_class = Some(class.into());
        self
    }

    /// The same municipality pinned to a cluster id.
    pub fn with_cluster(mut self, cluster: impl Into<String>) -> Municipality {
        self.cluster = Some(cluster.into());
        self
    }

    /// The same municipality with one more attribute (see [`Attributes`]).
    pub fn with_attribute(mut self, name: impl Into<String>, value: impl Into<String>) -> Municipality {
        self.attributes.insert(name, value);
        self
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        self.location.y()
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.location.x()
    }

    /// Whether the location is a finite point on the globe (latitude
    /// −90..90, longitude −180..180).
    pub(crate) fn location_is_valid(&self) -> bool {
        (-90.0..=90.0).contains(&self.lat()) && (-180.0..=180.0).contains(&self.lon())
    }
}

/// A place in WGS84 degrees, with named parts so that latitude and
/// longitude cannot be swapped unnoticed. Converts into geo's
/// [`Point`] (`x` = longitude, `y` = latitude).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

impl From<LatLon> for Point<f64> {
    fn from(p: LatLon) -> Point<f64> {
        Point::new(p.lon, p.lat)
    }
}

impl From<Point<f64>> for LatLon {
    fn from(p: Point<f64>) -> LatLon {
        LatLon {
            lat: p.y(),
            lon: p.x(),
        }
    }
}

/// The flat serde form of a [`Municipality`] (`lat`/`lon` instead of a point);
/// this is also one element of the JSON input format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityRecord {
    /// See [`Municipality::id`].
    pub id: String,
    /// See [`Municipality::name`].
    pub name: String,
    /// See [`Municipality::land`].
    pub state: Land,
    /// See [`Municipality::population`].
    pub population: u64,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// See [`Municipality::size_class`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_class: Option<String>,
    /// See [`Municipality::cluster`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// See [`Municipality::attributes`].
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl From<Municipality> for MunicipalityRecord {
    fn from(m: Municipality) -> Self {
        MunicipalityRecord {
            lat: m.lat(),
            lon: m.lon(),
            id: m.id,
            name: m.name,
            state: m.land,
            population: m.population,
            size_class: m.size_class,
            cluster: m.cluster,
            attributes: m.attributes,
        }
    }
}

impl From<MunicipalityRecord> for Municipality {
    fn from(r: MunicipalityRecord) -> Self {
        Municipality {
            id: r.id,
            name: r.name,
            land: r.state,
            population: r.population,
            location: Point::new(r.lon, r.lat),
            size_class: r.size_class,
            cluster: r.cluster,
            attributes: r.attributes,
        }
    }
}

/// Marks the numeric attributes of `municipalities` (see [`Attributes`]):
/// an attribute whose filled values are all numbers gets its numbers; any
/// other loses them. The texts stay.
///
/// ```
/// use lineup::{Land, LatLon, Municipality, mark_numbers};
/// let at = LatLon { lat: 50.9, lon: 10.7 };
/// let mut list = vec![
///     Municipality::new("1", "A", Land::TH, 9_000, at).with_attribute("Jahre", "3,5").with_attribute("Code", "007"),
///     Municipality::new("2", "B", Land::TH, 9_000, at).with_attribute("Jahre", "2").with_attribute("Code", "12"),
/// ];
/// mark_numbers(&mut list);
/// assert_eq!(list[0].attributes.number("Jahre"), Some(3.5));
/// assert_eq!(list[0].attributes.get("Jahre"), Some("3,5")); // the text stays
/// assert_eq!(list[1].attributes.number("Code"), None); // `007` is a code: the column is text
/// ```
pub fn mark_numbers(municipalities: &mut [Municipality]) {
    let mut list: Vec<&mut Attributes> = municipalities.iter_mut().map(|m| &mut m.attributes).collect();
    mark_numbers_in(&mut list);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_round_trip_uses_flat_lat_lon() {
        let m = Municipality::new(
            "01001000",
            "Flensburg",
            Land::SH,
            90_164,
            LatLon {
                lat: 54.78252,
                lon: 9.43751,
            },
        )
        .with_cluster("A");
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains("\"lat\":54.78252"), "{json}");
        assert!(json.contains("\"state\":\"Schleswig-Holstein\""), "{json}");
        assert!(!json.contains("size_class"), "{json}");
        let back: Municipality = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
    }
}
