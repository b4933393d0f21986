//! GeoJSON (RFC 7946): one Point feature per municipality.

use serde_json::{Value, json};

use crate::report::Report;

/// A FeatureCollection with one Point feature (`[lon, lat]`, WGS84) per
/// member of the lineup, in cluster order, with the properties `id`,
/// `name`, `state`, `population`, `size_class` and `cluster`, then the
/// member's attributes (the input's other columns).
///
/// ```
/// # use lineup::{Land, Municipality, Problem, Settings, SolveOptions, solve, Report};
/// # let towns = ["Flensburg", "Weimar", "Stralsund", "Görlitz", "Passau", "Hameln"]
/// #     .map(|n| lineup::register::register().find(n, None).unwrap().municipality());
/// # let problem = Problem::new(towns.to_vec(), Settings::default())?;
/// # let report = Report::new(&problem, &solve(&problem, &SolveOptions::default())?);
/// let collection = lineup::export::geojson(&report);
/// assert_eq!(collection["type"], "FeatureCollection");
/// assert_eq!(collection["features"].as_array().unwrap().len(), 6);
/// assert_eq!(collection["features"][0]["geometry"]["type"], "Point");
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn geojson(report: &Report) -> Value {
    let features: Vec<Value> = report
        .clusters
        .iter()
        .flat_map(|c| {
            c.members.iter().map(move |m| {
                let mut feature = json!({
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [m.lon, m.lat]},
                    "properties": {
                        "id": m.id,
                        "name": m.name,
                        "state": m.state,
                        "population": m.population,
                        "size_class": m.size_class,
                        "cluster": c.id,
                    }
                });
                // The input's other columns follow (a name taken
                // by a property above keeps the property).
                if let Some(p) = feature["properties"].as_object_mut() {
                    // Numeric attributes as numbers, others as text.
                    for (k, v) in m.attributes.json_values() {
                        p.entry(k).or_insert(v);
                    }
                }
                feature
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}
