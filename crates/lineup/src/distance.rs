//! Great-circle distances in kilometres.
//!
//! [`great_circle_km`] is geo's [`Haversine`] metric (mean Earth radius
//! 6 371.0088 km) and is what the verifier uses. Solvers that evaluate
//! millions of pairs use [`UnitVector`], which gives the same value (the
//! haversine of the angle equals a quarter of the squared chord) from
//! precomputed 3-D unit vectors, with one `sqrt` and one `asin` per pair.

use geo::{Distance, Haversine, Point};

/// Mean Earth radius used by geo's [`Haversine`] (GRS80 mean radius), in km.
pub const EARTH_RADIUS_KM: f64 = Haversine.radius() / 1000.0;

/// Great-circle distance between two WGS84 points (`x` = lon, `y` = lat), in km.
///
/// ```
/// use geo::Point;
/// let berlin = Point::new(13.405538, 52.51767);
/// let munich = Point::new(11.575997, 48.137683);
/// let km = lineup::great_circle_km(berlin, munich);
/// assert!((km - 504.4).abs() < 1.0);
/// ```
pub fn great_circle_km(a: Point<f64>, b: Point<f64>) -> f64 {
    Haversine.distance(a, b) / 1000.0
}

/// A point on the unit sphere, for fast repeated distance evaluation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitVector([f64; 3]);

impl UnitVector {
    /// The unit vector of a WGS84 point (`x` = lon, `y` = lat, degrees).
    pub fn new(p: Point<f64>) -> UnitVector {
        let (lat, lon) = (p.y().to_radians(), p.x().to_radians());
        UnitVector([lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()])
    }

    /// The direction of a non-zero vector, as a point on the sphere.
    pub(crate) fn from_xyz(v: [f64; 3]) -> Option<UnitVector> {
        let norm = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
        (norm.is_finite() && norm > 1e-12).then(|| UnitVector([v[0] / norm, v[1] / norm, v[2] / norm]))
    }

    /// The coordinates on the unit sphere.
    pub(crate) fn xyz(&self) -> [f64; 3] {
        self.0
    }

    /// Great-circle distance to `other`, in km.
    #[inline]
    pub fn km(&self, other: &UnitVector) -> f64 {
        let dx = self.0[0] - other.0[0];
        let dy = self.0[1] - other.0[1];
        let dz = self.0[2] - other.0[2];
        let half_chord = (dx * dx + dy * dy + dz * dz).sqrt() * 0.5;
        2.0 * EARTH_RADIUS_KM * half_chord.min(1.0).asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_for_same_point() {
        let p = Point::new(10.0, 50.0);
        assert_eq!(great_circle_km(p, p), 0.0);
        assert_eq!(UnitVector::new(p).km(&UnitVector::new(p)), 0.0);
    }

    #[test]
    fn unit_vectors_agree_with_geo_haversine() {
        let pts = [
            Point::new(9.43751, 54.78252),
            Point::new(13.405538, 52.51767),
            Point::new(11.575997, 48.137683),
            Point::new(6.957068, 50.938107),
            Point::new(14.988035, 51.155287),
            Point::new(7.0, 49.2),
        ];
        for a in pts {
            for b in pts {
                let exact = great_circle_km(a, b);
                let fast = UnitVector::new(a).km(&UnitVector::new(b));
                assert!(
                    (exact - fast).abs() <= 1e-11 * exact.max(1.0),
                    "{exact} vs {fast}"
                );
            }
        }
    }
}
