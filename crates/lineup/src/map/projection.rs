//! A Lambert conformal conic projection for Germany (spherical; standard
//! parallels 48°40′ and 53°40′ N, centred on 10°30′ E, 51° N, like the
//! official small-scale maps of Germany): shapes and distances look right,
//! north is up.

const R_KM: f64 = 6371.0;

/// The projection, with its constants.
#[derive(Clone, Copy, Debug)]
pub struct Lambert {
    n: f64,
    f: f64,
    rho0: f64,
    lon0: f64,
}

impl Lambert {
    /// The projection for Germany.
    pub fn germany() -> Lambert {
        Lambert::new(48.0 + 2.0 / 3.0, 53.0 + 2.0 / 3.0, 51.0, 10.5)
    }

    /// A projection with standard parallels `lat1`, `lat2`, origin
    /// `lat0`, `lon0` (degrees).
    pub fn new(lat1: f64, lat2: f64, lat0: f64, lon0: f64) -> Lambert {
        let t = |lat: f64| (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0).tan();
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let n = (p1.cos() / p2.cos()).ln() / (t(lat2) / t(lat1)).ln();
        let f = p1.cos() * t(lat1).powf(n) / n;
        let rho0 = R_KM * f / t(lat0).powf(n);
        Lambert {
            n,
            f,
            rho0,
            lon0: lon0.to_radians(),
        }
    }

    /// `(x, y)` in km from the origin, x east and y **south** (screen
    /// orientation).
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let t = (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0).tan();
        let rho = R_KM * self.f / t.powf(self.n);
        let theta = self.n * (lon.to_radians() - self.lon0);
        (rho * theta.sin(), -(self.rho0 - rho * theta.cos()))
    }
}

/// Maps projected km onto a pixel box, keeping the aspect ratio.
#[derive(Clone, Copy, Debug)]
pub struct Fit {
    /// Pixels per km.
    pub scale: f64,
    /// Pixel position of projected (0, 0).
    pub offset: (f64, f64),
}

impl Fit {
    /// Fits the bounding box `(min_x, min_y, max_x, max_y)` (km) into a box
    /// at `(left, top)` that is `width` pixels wide.
    pub fn new(bounds: (f64, f64, f64, f64), left: f64, top: f64, width: f64) -> Fit {
        let scale = width / (bounds.2 - bounds.0);
        Fit {
            scale,
            offset: (left - bounds.0 * scale, top - bounds.1 * scale),
        }
    }

    /// Pixel position of a projected point.
    pub fn px(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (self.offset.0 + x * self.scale, self.offset.1 + y * self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::great_circle_km;
    use geo::Point;

    #[test]
    fn origin_is_zero_and_north_is_up() {
        let p = Lambert::germany();
        let (x, y) = p.project(10.5, 51.0);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        assert!(p.project(10.5, 54.0).1 < 0.0, "north is up (smaller y)");
        assert!(p.project(13.0, 51.0).0 > 0.0, "east is right");
    }

    #[test]
    fn distances_are_nearly_true() {
        let p = Lambert::germany();
        for ((lon1, lat1), (lon2, lat2)) in [
            ((11.576, 48.138), (9.997, 53.551)),
            ((6.957, 50.938), (14.988, 51.155)),
        ] {
            let (a, b) = (p.project(lon1, lat1), p.project(lon2, lat2));
            let plane = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
            let true_km = great_circle_km(Point::new(lon1, lat1), Point::new(lon2, lat2));
            assert!((plane / true_km - 1.0).abs() < 0.01, "{plane} vs {true_km}");
        }
    }
}
