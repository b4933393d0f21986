//! The Länder outlines bundled for the map (`data/de-states-outline.txt`,
//! made by `scripts/make-outlines.py` from BKG VG5000; about 50 KB).
//!
//! © GeoBasis-DE / BKG 2021 (Daten verändert); dl-de/by-2-0.

use crate::land::Land;

const OUTLINES: &str = include_str!("../../data/de-states-outline.txt");

/// One ring of a Land's outline: an outer boundary or a hole (Berlin in
/// Brandenburg); fill a Land's rings with the even-odd rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Ring {
    /// The Land.
    pub land: Land,
    /// `(lon, lat)` vertices in degrees, not repeating the first.
    pub points: Vec<(f64, f64)>,
}

/// All rings, in AGS order of the Länder. The file is checked by the unit
/// tests, so a line that does not parse is a build defect: it is skipped,
/// and the tests fail.
pub fn rings() -> Vec<Ring> {
    OUTLINES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut parts = line.split(' ');
            let land: Land = parts.next()?.parse().ok()?;
            let points = parts
                .map(|p| {
                    let (lon, lat) = p.split_once(',')?;
                    Some((lon.parse().ok()?, lat.parse().ok()?))
                })
                .collect::<Option<Vec<(f64, f64)>>>()?;
            Some(Ring { land, points })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_land_has_an_outline_and_every_line_parses() {
        let rings = rings();
        let lines = OUTLINES.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(rings.len(), lines);
        for land in Land::ALL {
            assert!(rings.iter().any(|r| r.land == land), "{land}");
        }
        assert!(rings.iter().all(|r| r.points.len() >= 3));
        let inside = |&(lon, lat): &(f64, f64)| (5.8..15.1).contains(&lon) && (47.2..55.1).contains(&lat);
        assert!(rings.iter().flat_map(|r| &r.points).all(inside));
        assert!(OUTLINES.len() < 60_000, "keep the outlines small");
    }
}
