//! The workbook, GeoJSON, the SVG map, shell completions and where
//! progress goes.

use std::collections::BTreeSet;

use crate::util::{fixture, json, lineup, stderr, stdout};

fn ids_of(report: &serde_json::Value) -> BTreeSet<String> {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["members"].as_array().unwrap().iter())
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn geojson_has_one_point_per_municipality() {
    let f = fixture("growth-60.csv");
    let g = json(&["solve", f.to_str().unwrap(), "--format", "geojson"]);
    assert_eq!(g["type"], "FeatureCollection");
    let features = g["features"].as_array().unwrap();
    assert_eq!(features.len(), 60);
    let report = json(&["solve", f.to_str().unwrap(), "--format", "json"]);
    let mut ids = BTreeSet::new();
    for feature in features {
        assert_eq!(feature["type"], "Feature");
        assert_eq!(feature["geometry"]["type"], "Point");
        let [lon, lat] = [0, 1].map(|k| feature["geometry"]["coordinates"][k].as_f64().unwrap());
        assert!(
            (5.8..15.1).contains(&lon) && (47.2..55.1).contains(&lat),
            "[lon, lat] order"
        );
        let p = &feature["properties"];
        for key in ["id", "name", "state", "size_class", "cluster"] {
            assert!(p[key].is_string(), "{key}: {p}");
        }
        assert!(p["population"].as_u64().unwrap() > 0);
        ids.insert(p["id"].as_str().unwrap().to_string());
    }
    assert_eq!(ids, ids_of(&report));
}

#[test]
fn svg_map_has_one_marker_per_municipality_and_sixteen_laender() {
    let dir = tempfile::tempdir().unwrap();
    let lineup_json = dir.path().join("lineup.json");
    let svg = dir.path().join("lineup.svg");
    let f = fixture("growth-60.csv");
    let o = lineup(&["solve", f.to_str().unwrap(), "-o", lineup_json.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lineup(&[
        "map",
        f.to_str().unwrap(),
        lineup_json.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let with_class = |class: &str| {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some(class))
            .collect::<Vec<_>>()
    };
    let members = with_class("member");
    assert_eq!(members.len(), 60);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&lineup_json).unwrap()).unwrap();
    let ids: BTreeSet<String> = members
        .iter()
        .map(|n| n.attribute("data-id").unwrap().to_string())
        .collect();
    assert_eq!(ids, ids_of(&report));
    let lands = with_class("land");
    assert_eq!(lands.len(), 16);
    let abbrs: BTreeSet<&str> = lands.iter().map(|n| n.attribute("data-land").unwrap()).collect();
    assert_eq!(abbrs.len(), 16);
    // 9 clusters of 6–7: a spanning tree of each joins its members.
    assert_eq!(with_class("link").len(), 60 - 9);
    let attribution: String = with_class("attribution")
        .iter()
        .filter_map(|n| n.text())
        .collect();
    assert!(
        attribution.contains("Destatis") && attribution.contains("GeoBasis-DE / BKG"),
        "{attribution}"
    );
    // `solve --format svg` draws the same markers (its title says `optimal`
    // where the map of the saved lineup says `evaluated`).
    let direct = stdout(&lineup(&["solve", f.to_str().unwrap(), "--format", "svg"]));
    let markers = |svg: &str| {
        let start = svg.find(r#"<g class="members">"#).expect("markers");
        svg[start..].split("</g>").next().map(str::to_string)
    };
    assert!(markers(&direct) == markers(&text), "the same markers");
}

#[test]
fn map_of_a_broken_lineup_lists_the_broken_rules() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,cluster\n09162000,A\n09564000,A\n").unwrap();
    let o = lineup(&[
        "map",
        fixture("kfa-18.csv").to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("bad.csv breaks"), "{err}");
    assert!(
        err.trim_end().ends_with("(--cluster-size, --comparability, …)"),
        "{err}"
    );
    let o = lineup(&[
        "map",
        fixture("kfa-18.csv").to_str().unwrap(),
        bad.to_str().unwrap(),
        "-o",
        "map.pdf",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("lineup map writes SVG or PNG, not .pdf"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = lineup(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains("lineup"), "{shell}");
        assert!(
            script.contains("evaluate") && script.contains("map"),
            "{shell}: subcommands"
        );
    }
    let o = lineup(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn progress_never_reaches_pipes() {
    // stderr is a pipe here: no progress lines, on either stream.
    let o = lineup(&[
        "solve",
        fixture("growth-60.csv").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(o.status.success());
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with('{') && !out.contains("level 1 settled"), "{out}");
}

#[test]
fn every_subcommand_has_examples() {
    for sub in ["solve", "evaluate", "map", "mdgp", "completions"] {
        let o = lineup(&[sub, "--help"]);
        assert!(stdout(&o).contains("Examples:"), "{sub}");
    }
    let help = stdout(&lineup(&["--help"]));
    assert!(help.contains("built-in municipality register"), "{help}");
    assert!(help.contains("© GeoBasis-DE / BKG 2021"), "{help}");
}

#[test]
fn xlsx_output_reads_back_as_input_and_as_lineup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lineup.xlsx");
    let f = fixture("growth-60.csv");
    let o = lineup(&["solve", f.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read(&out).unwrap().starts_with(b"PK\x03\x04"),
        "the extension chose xlsx"
    );
    let solved = json(&["solve", f.to_str().unwrap(), "--format", "json"]);
    // As a lineup: evaluates to the same score.
    let evaluated = json(&[
        "evaluate",
        f.to_str().unwrap(),
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(evaluated["objective"], solved["objective"]);
    // As input: the cluster column pins each municipality, so the lineup comes back.
    let again = json(&["solve", out.to_str().unwrap(), "--format", "json"]);
    assert_eq!(again["objective"], solved["objective"]);
    let mut read = lineup::read_municipalities(std::fs::File::open(&out).unwrap(), None)
        .unwrap()
        .municipalities;
    for m in &mut read {
        assert!(m.cluster.is_some() && m.size_class.is_some(), "{m:?}");
        (m.cluster, m.size_class) = (None, None);
    }
    read.sort_by(|a, b| a.id.cmp(&b.id));
    let mut plain = crate::util::municipalities("growth-60.csv");
    plain.sort_by(|a, b| a.id.cmp(&b.id));
    // Numeric attributes are numeric cells in the workbook: their numbers
    // survive (`38.30` comes back as 38.3), every other cell verbatim.
    let by_number = |ms: &mut Vec<lineup::Municipality>| {
        for m in ms.iter_mut() {
            let mut a = lineup::Attributes::new();
            for (name, text) in m.attributes.iter() {
                match m.attributes.number(name) {
                    Some(x) => a.insert_number(name, x),
                    None => a.insert(name, text),
                }
            }
            m.attributes = a;
        }
    };
    by_number(&mut read);
    by_number(&mut plain);
    assert_eq!(read, plain, "every value survives the workbook");
}
