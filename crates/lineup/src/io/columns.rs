//! The columns of a municipality table and the header names accepted for each,
//! English and German (matched case-insensitively, ignoring spaces, hyphens,
//! umlaut spelling and a note in brackets).

use crate::names::fold;

/// A column the reader understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Identifier (AGS).
    Id,
    /// Name.
    Name,
    /// Land: name, abbreviation or code.
    State,
    /// Land code, used when there is no `state` column.
    StateCode,
    /// Population.
    Population,
    /// Latitude.
    Lat,
    /// Longitude.
    Lon,
    /// Explicit size class.
    SizeClass,
    /// Pinned cluster.
    Cluster,
}

impl Column {
    /// Canonical name, as written in outputs and messages.
    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::State => "state",
            Column::StateCode => "state_code",
            Column::Population => "population",
            Column::Lat => "lat",
            Column::Lon => "lon",
            Column::SizeClass => "size_class",
            Column::Cluster => "cluster",
        }
    }

    /// Header names accepted for this column.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Id => &[
                "id",
                "ags",
                "key",
                "gemeindeschlüssel",
                "amtlicher gemeindeschlüssel",
                "gemeindeschluessel",
                "kennziffer",
            ],
            Column::Name => &[
                "name",
                "gemeinde",
                "gemeindename",
                "kommune",
                "municipality",
                "ort",
                "stadt",
            ],
            Column::State => &["state", "land", "bundesland", "state_name"],
            Column::StateCode => &["state_code", "landeskennziffer", "land_code"],
            Column::Population => &[
                "population",
                "einwohner",
                "bevölkerung",
                "einwohnerzahl",
                "einwohner insgesamt",
                "bevölkerung insgesamt",
                "pop",
                "inhabitants",
            ],
            Column::Lat => &["lat", "latitude", "breite", "breitengrad", "y"],
            Column::Lon => &["lon", "lng", "long", "longitude", "länge", "längengrad", "x"],
            Column::SizeClass => &[
                "size_class",
                "class",
                "größenklasse",
                "groessenklasse",
                "klasse",
                "stadttyp",
            ],
            Column::Cluster => &["cluster", "pin", "gruppe"],
        }
    }

    /// All columns.
    pub const ALL: [Column; 9] = [
        Column::Id,
        Column::Name,
        Column::State,
        Column::StateCode,
        Column::Population,
        Column::Lat,
        Column::Lon,
        Column::SizeClass,
        Column::Cluster,
    ];

    /// The column a header name denotes, if any. A note in brackets is
    /// ignored: `Einwohner (31.12.2019)` is `population`.
    pub fn from_header(header: &str) -> Option<Column> {
        let bare = header.split(['(', '[']).next().unwrap_or(header);
        let h = fold(bare);
        folded_aliases()
            .iter()
            .find(|(_, aliases)| aliases.contains(&h))
            .map(|&(c, _)| c)
    }
}

/// Every column with its aliases folded, in [`Column::ALL`]'s order (folded
/// once per process: folding normalises Unicode, which is not cheap).
fn folded_aliases() -> &'static [(Column, Vec<String>)] {
    static FOLDED: std::sync::OnceLock<Vec<(Column, Vec<String>)>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| {
        Column::ALL
            .into_iter()
            .map(|c| (c, c.aliases().iter().map(|a| fold(a)).collect()))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headers() {
        assert_eq!(Column::from_header(" Population "), Some(Column::Population));
        assert_eq!(Column::from_header("Einwohner"), Some(Column::Population));
        assert_eq!(Column::from_header("Bevoelkerung"), Some(Column::Population));
        assert_eq!(Column::from_header("LAT"), Some(Column::Lat));
        assert_eq!(Column::from_header("Gemeindeschlüssel"), Some(Column::Id));
        assert_eq!(Column::from_header("state_code"), Some(Column::StateCode));
        assert_eq!(Column::from_header("area_km2"), None);
        assert_eq!(
            Column::from_header("Einwohner (31.12.2019)"),
            Some(Column::Population)
        );
        assert_eq!(Column::from_header("Bundesland"), Some(Column::State));
        assert_eq!(Column::from_header("Länge"), Some(Column::Lon));
        assert_eq!(Column::from_header("Breite [°]"), Some(Column::Lat));
    }
}
