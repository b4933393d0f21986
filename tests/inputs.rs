//! Planner-style inputs give the same lineup as the plain fixture: German
//! spreadsheet CSV (Windows-1252 and UTF-8 with BOM), ids only, names only,
//! and an .xlsx workbook.

use serde_json::Value;

use crate::util::{fixture, json};

/// Member ids per cluster, and the objective, of `lineup solve FILE`.
fn solved(file: &str) -> (Vec<Vec<String>>, Value) {
    let r = json(&["solve", file, "--format", "json"]);
    let clusters = r["clusters"]
        .as_array()
        .expect("clusters")
        .iter()
        .map(|c| {
            c["members"]
                .as_array()
                .expect("members")
                .iter()
                .map(|m| m["id"].as_str().expect("id").to_string())
                .collect()
        })
        .collect();
    (clusters, r["objective"].clone())
}

fn kfa_18() -> (Vec<Vec<String>>, Value) {
    solved(fixture("kfa-18.csv").to_str().unwrap())
}

#[test]
fn german_spreadsheet_csv_gives_the_same_lineup() {
    let plain = kfa_18();
    for name in ["kfa-18-de.csv", "kfa-18-de-bom.csv"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        if name.ends_with("-bom.csv") {
            assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{name} has a BOM");
        } else {
            assert!(
                std::str::from_utf8(&bytes).is_err(),
                "{name} is Windows-1252, not UTF-8"
            );
        }
        assert_eq!(solved(fixture(name).to_str().unwrap()), plain, "{name}");
    }
    // The full report, names with umlauts included, is the same.
    let de = json(&[
        "solve",
        fixture("kfa-18-de.csv").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let en = json(&[
        "solve",
        fixture("kfa-18.csv").to_str().unwrap(),
        "--format",
        "json",
    ]);
    // The register's extra columns of kfa-18.csv are attributes the German export lacks.
    assert_eq!(
        without_attributes(&de["clusters"]),
        without_attributes(&en["clusters"])
    );
}

/// Clusters without the members' attributes (the input's other columns).
fn without_attributes(clusters: &serde_json::Value) -> serde_json::Value {
    let mut c = clusters.clone();
    for cluster in c.as_array_mut().unwrap() {
        for m in cluster["members"].as_array_mut().unwrap() {
            m.as_object_mut().unwrap().remove("attributes");
        }
    }
    c
}

#[test]
fn ids_only_and_names_only_are_completed_from_the_register() {
    let plain = kfa_18();
    assert_eq!(solved(fixture("kfa-18-ids.csv").to_str().unwrap()), plain);
    assert_eq!(solved(fixture("kfa-18-names.csv").to_str().unwrap()), plain);
    let ids = json(&[
        "solve",
        fixture("kfa-18-ids.csv").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let full = json(&[
        "solve",
        fixture("kfa-18.csv").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        without_attributes(&ids["clusters"]),
        without_attributes(&full["clusters"]),
        "names, populations and coordinates too"
    );
}

#[test]
fn a_planners_workbook_gives_the_same_lineup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("towns.xlsx");
    // As a planner would type it: German headers, AGS as text, numbers as numbers.
    let towns = crate::util::municipalities("kfa-18.csv");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in ["AGS", "Gemeinde", "Bundesland", "Einwohner", "Breite", "Länge"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    for (i, m) in towns.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, &m.id).unwrap();
        sheet.write_string(row, 1, &m.name).unwrap();
        sheet.write_string(row, 2, m.land.name()).unwrap();
        sheet.write_number(row, 3, m.population as f64).unwrap();
        sheet.write_number(row, 4, m.lat()).unwrap();
        sheet.write_number(row, 5, m.lon()).unwrap();
    }
    book.save(&path).unwrap();
    assert_eq!(solved(path.to_str().unwrap()), kfa_18());
}
