//! The built-in attributes: what the register knows of every municipality
//! (district, east/west, degree of urbanisation, municipality type) and
//! the Land, usable in criteria without a column of their own.
//!
//! ```
//! use lineup::{Land, LatLon, Municipality, builtin_attribute};
//! let gotha = Municipality::new("16067029", "Gotha", Land::TH, 45_733, LatLon { lat: 50.9489, lon: 10.7018 });
//! assert_eq!(builtin_attribute(&gotha, "east_west").as_deref(), Some("east"));
//! assert_eq!(builtin_attribute(&gotha, "district").as_deref(), Some("Gotha"));
//! assert_eq!(builtin_attribute(&gotha, "degurba").as_deref(), Some("2"));
//! ```

use crate::land::Land;
use crate::municipality::Municipality;
use crate::names::fold;
use crate::register::register;

/// The built-in attributes, available for every municipality of the
/// register (a column of the same name in the file wins):
///
/// * `size_class`: the size class (set by the problem, not here);
/// * `state`: the Land;
/// * `district`: the Kreis (AGS digits 1–5), named as in the register;
/// * `east_west`: `east` (Berlin, Brandenburg, Mecklenburg-Vorpommern,
///   Sachsen, Sachsen-Anhalt, Thüringen) or `west`;
/// * `degurba`: Eurostat degree of urbanisation (1 city, 2 town/suburb, 3 rural);
/// * `municipality_type`: `kreisfreie_stadt`, `stadtkreis`, `grosse_kreisstadt`,
///   `stadt`, `markt` or `gemeinde`.
pub const BUILTIN_ATTRIBUTES: [&str; 6] = [
    "size_class",
    "state",
    "district",
    "east_west",
    "degurba",
    "municipality_type",
];

/// Whether a Land counts as `east` for the `east_west` attribute.
pub fn is_east(land: Land) -> bool {
    matches!(
        land,
        Land::BB | Land::BE | Land::MV | Land::SN | Land::ST | Land::TH
    )
}

/// The value of a built-in attribute other than `size_class` (which the
/// problem knows): `state` for every municipality, the others for those
/// whose id is in the register. `None` for other names.
pub fn builtin_attribute(m: &Municipality, name: &str) -> Option<String> {
    let key = fold(name);
    let entry = || register().by_id(&m.id);
    match key.as_str() {
        k if k == fold("state") => Some(m.land.name().to_string()),
        k if k == fold("east_west") => Some(if is_east(m.land) { "east" } else { "west" }.to_string()),
        k if k == fold("district") => entry().map(|e| register().district(e).to_string()),
        k if k == fold("degurba") => entry().and_then(|e| e.degurba).map(|d| d.to_string()),
        k if k == fold("municipality_type") => entry().and_then(|e| e.municipality_type.map(str::to_string)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_come_from_the_register() {
        let kiel = register().by_id("01002000").unwrap().municipality();
        assert_eq!(builtin_attribute(&kiel, "degurba").as_deref(), Some("1"));
        assert_eq!(
            builtin_attribute(&kiel, "municipality_type").as_deref(),
            Some("kreisfreie_stadt")
        );
        assert_eq!(builtin_attribute(&kiel, "East-West").as_deref(), Some("west"));
        assert_eq!(
            builtin_attribute(&kiel, "state").as_deref(),
            Some("Schleswig-Holstein")
        );
        assert_eq!(builtin_attribute(&kiel, "Erfahrung"), None);
        let mut unknown = kiel.clone();
        unknown.id = "X1".into();
        assert_eq!(builtin_attribute(&unknown, "district"), None);
    }
}
