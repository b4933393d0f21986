//! The real binary on the fixtures.

use crate::util::{fixture, json, lineup, stderr, stdout};

#[test]
fn kfa_18_is_optimal_with_three_clusters() {
    let o = lineup(&["solve", fixture("kfa-18.csv").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("status     optimal"), "{out}");
    assert_eq!(out.matches(" members, ").count(), 3, "{out}");
    for name in ["München", "Görlitz", "Herrnhut"] {
        assert!(out.contains(name), "{out}");
    }
}

#[test]
fn json_report_has_the_documented_shape() {
    let r = json(&[
        "solve",
        fixture("kfa-18.csv").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r["status"], "optimal");
    assert!(r["objective"]["penalty"].is_number());
    assert!(r["objective"]["spread"].is_number());
    assert!(r["bound"]["spread"].is_number());
    assert_eq!(r["gap"], 0.0);
    let clusters = r["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 3);
    let members: usize = clusters
        .iter()
        .map(|c| c["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, 18);
    let m = &clusters[0]["members"][0];
    for key in ["id", "name", "state", "population"] {
        assert!(!m[key].is_null(), "member has {key}");
    }
    assert_eq!(clusters[0]["size_class"], "Großstadt");
    assert!(clusters[0]["metrics"]["distinct_states"].is_number());
    assert_eq!(r["settings"]["cluster_size"]["min"], 6);
    assert_eq!(r["settings"]["classes"], "bbsr");
    assert_eq!(r["settings"]["seed"], 0);
}

#[test]
fn growth_60_verifies_and_reports_status() {
    let r = json(&[
        "solve",
        fixture("growth-60.csv").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let status = r["status"].as_str().unwrap();
    assert!(["optimal", "time_limit"].contains(&status), "{status}");
    if status != "optimal" {
        assert!(r["gap"].as_f64().unwrap() > 0.0);
    }
    let ks: Vec<usize> = r["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["clusters"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(ks, vec![2, 3, 4]);
    let ids: std::collections::BTreeSet<String> = r["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            c["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["id"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(ids.len(), 60);
}

#[test]
fn output_file_csv_and_evaluate_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lineup.json");
    let f = fixture("growth-60.csv");
    let o = lineup(&[
        "solve",
        f.to_str().unwrap(),
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let solved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let evaluated = json(&[
        "evaluate",
        f.to_str().unwrap(),
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(evaluated["objective"], solved["objective"]);
    assert_eq!(evaluated["clusters"], solved["clusters"]);
    // The CSV form of a lineup evaluates to the same score.
    let csv = dir.path().join("lineup.csv");
    let o = lineup(&[
        "solve",
        f.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 61);
    // The lineup's columns, then the input's other columns, kept as attributes.
    assert!(text.starts_with(
        "cluster,id,name,state,population,size_class,lat,lon,source,area_km2,district,official_name,municipality_type,degurba\n"
    ));
    let from_csv = json(&[
        "evaluate",
        f.to_str().unwrap(),
        csv.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(from_csv["objective"], solved["objective"]);
}

#[test]
fn evaluate_reports_broken_rules() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"clusters": [{"id": "A", "members": ["09162000", "09564000", "05315000", "14713000", "03241001", "04011000", "16067029"]},
                         {"id": "B", "members": ["03252006", "13074087", "09262000", "01001000", "14626110"]},
                         {"id": "C", "members": ["01051074", "09571193", "09173112", "12073452", "13072006", "14626180"]}]}"#,
    )
    .unwrap();
    let o = lineup(&[
        "evaluate",
        fixture("kfa-18.csv").to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("cluster A mixes size classes"), "{err}");
    assert!(err.contains("cluster B has 5 members, outside 6..7"), "{err}");
    let unknown = dir.path().join("unknown.json");
    std::fs::write(
        &unknown,
        r#"{"clusters": [{"id": "A", "members": ["99999999"]}]}"#,
    )
    .unwrap();
    let o = lineup(&[
        "evaluate",
        fixture("kfa-18.csv").to_str().unwrap(),
        unknown.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cluster \"A\" lists \"99999999\", which is not an id"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn same_seed_same_output() {
    let f = fixture("growth-60.csv");
    let a = json(&[
        "solve",
        f.to_str().unwrap(),
        "--format",
        "json",
        "--seed",
        "5",
        "--solver",
        "heuristic",
    ]);
    let b = json(&[
        "solve",
        f.to_str().unwrap(),
        "--format",
        "json",
        "--seed",
        "5",
        "--solver",
        "heuristic",
    ]);
    assert_eq!(a["clusters"], b["clusters"]);
    assert_eq!(a["objective"], b["objective"]);
}

#[test]
fn help_has_examples_and_defaults() {
    let o = lineup(&["solve", "--help"]);
    let out = stdout(&o);
    assert!(out.contains("Examples:"), "{out}");
    assert!(out.contains("[default: 6..7]"), "{out}");
    let o = lineup(&["--help"]);
    let out = stdout(&o);
    assert!(out.contains("1 per 100 km"), "{out}");
    assert!(out.contains("dl-de/by-2-0"), "{out}");
    assert!(
        out.contains("130") && out.contains("143 stopped by SIGTERM"),
        "{out}"
    );
}

#[test]
fn links_by_name_hold_and_are_reported_as_ids() {
    let growth = fixture("growth-60.csv");
    let r = json(&[
        "solve",
        growth.to_str().unwrap(),
        "--must-link",
        "Salzgitter,hildesheim",
        "--cannot-link",
        "Bochum,Gütersloh",
        "--format",
        "json",
    ]);
    assert_eq!(
        r["settings"]["must_link"][0],
        serde_json::json!(["03102000", "03254021"])
    );
    let cluster_of = |name: &str| {
        r["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["members"].as_array().unwrap().iter().any(|m| m["name"] == name))
            .map(|c| c["id"].clone())
            .unwrap()
    };
    assert_eq!(cluster_of("Salzgitter"), cluster_of("Hildesheim"));
    assert_ne!(cluster_of("Bochum"), cluster_of("Gütersloh"));
}
