//! The HTTP API: solve, evaluate, explain, export, what-if, alternatives,
//! the register search, the catalogue and the page's files.

mod common;

use common::*;
use serde_json::Value;

#[tokio::test]
async fn solve_answers_the_report() {
    let app = app();
    let a = post(
        &app,
        "/api/solve?classes=kfa&time-limit=10",
        fixture("kfa-18.csv"),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.header("content-type"), "application/json");
    let r = a.json();
    assert_eq!(r["status"], "optimal");
    assert_eq!(r["clusters"].as_array().unwrap().len(), 3);
    let members: usize = r["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, 18);
    assert_eq!(r["settings"]["classes"], "kfa");
    assert_eq!(r["settings"]["time_limit_s"], 10.0);
    assert!(
        a.text().starts_with("{\n  \"status\""),
        "the CLI's field order: {}",
        &a.text()[..40]
    );
}

#[tokio::test]
async fn solve_takes_multipart_and_pins() {
    let app = app();
    let csv = fixture("growth-60.csv");
    let a = post_files(
        &app,
        "/api/solve?time-limit=3&solver=heuristic&pin=05911000%3DTeam%20Ruhr",
        &[("input", "growth-60.csv", &csv)],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    let r = a.json();
    let team = r["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "Team Ruhr")
        .expect("the pinned cluster keeps its name");
    assert!(
        team["members"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["id"] == "05911000")
    );
}

#[tokio::test]
async fn bad_options_get_the_command_lines_messages() {
    let app = app();
    let csv = fixture("kfa-18.csv");
    let a = post(&app, "/api/solve?clustersize=5..8", csv.clone()).await;
    assert_eq!(a.status, 400);
    assert_eq!(a.json()["kind"], "usage");
    assert!(
        a.json()["error"].as_str().unwrap().contains("'--cluster-size'"),
        "{}",
        a.text()
    );
    let a = post(&app, "/api/solve?cluster-size=8..6", csv.clone()).await;
    assert_eq!(a.status, 400, "{}", a.text());
    assert!(a.text().contains("--cluster-size"), "{}", a.text());
    let a = post(&app, "/api/solve?weights=speed%3D1", csv.clone()).await;
    assert_eq!(a.status, 400);
    assert!(a.text().contains("unknown term"), "{}", a.text());
    let a = post(&app, "/api/solve?time-limit=100000", csv).await;
    assert_eq!(a.status, 400);
    assert!(a.text().contains("at most 300 s"), "{}", a.text());
}

#[tokio::test]
async fn bad_files_name_row_and_field() {
    let app = app();
    let a = post_files(
        &app,
        "/api/solve",
        &[("input", "bad-population.csv", &fixture("bad/bad-population.csv"))],
    )
    .await;
    assert_eq!(a.status, 422, "{}", a.text());
    let e = a.json();
    assert_eq!(e["kind"], "input");
    let msg = e["error"].as_str().unwrap();
    assert!(msg.starts_with("bad-population.csv: row "), "{msg}");
    assert!(msg.contains("population"), "{msg}");
    let a = post(&app, "/api/solve", Vec::new()).await;
    assert_eq!(a.status, 400);
    assert!(a.text().contains("lacks the `input` file"), "{}", a.text());
}

#[tokio::test]
async fn infeasible_requests_are_explained() {
    let a = post(&app(), "/api/solve", fixture("eight-grossstaedte.csv")).await;
    assert_eq!(a.status, 422, "{}", a.text());
    assert_eq!(a.json()["kind"], "infeasible");
    assert!(a.text().contains("no feasible lineup"), "{}", a.text());
}

async fn solved(app: &axum::Router, fixture_name: &str, query: &str) -> Value {
    let a = post(app, &format!("/api/solve?{query}"), fixture(fixture_name)).await;
    assert_eq!(a.status, 200, "{}", a.text());
    a.json()
}

#[tokio::test]
async fn evaluate_scores_hand_edits_and_names_broken_rules() {
    let app = app();
    let csv = fixture("growth-60.csv");
    let report = solved(&app, "growth-60.csv", "time-limit=3&solver=heuristic").await;
    let lineup = serde_json::to_vec(&lineup_of(&report)).unwrap();
    let a = post_files(
        &app,
        "/api/evaluate?municipality=05911000",
        &[
            ("input", "growth-60.csv", &csv),
            ("lineup", "lineup.json", &lineup),
        ],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    let e = a.json();
    assert_eq!(e["valid"], true);
    assert_eq!(e["objective"], report["objective"]);
    assert_eq!(e["report"]["objective"], report["objective"]);
    assert_eq!(e["explanation"]["municipalities"][0]["id"], "05911000");
    // Scored against the closed-form bounds: the page tells so by the key of
    // each block's typed note (the English words stay beside it).
    for b in e["report"]["blocks"].as_array().unwrap() {
        assert_eq!(b["typed_notes"][0]["key"], "solver.closed_form", "{b}");
        assert_eq!(b["notes"][0], "evaluated against closed-form bounds", "{b}");
    }

    // Move one member to another cluster: the score changes and two size rules break.
    let mut moved = lineup_of(&report);
    let member = moved["clusters"][0]["members"]
        .as_array_mut()
        .unwrap()
        .pop()
        .unwrap();
    moved["clusters"][1]["members"]
        .as_array_mut()
        .unwrap()
        .push(member);
    let moved = serde_json::to_vec(&moved).unwrap();
    let a = post_files(
        &app,
        "/api/evaluate",
        &[
            ("input", "growth-60.csv", &csv),
            ("lineup", "lineup.json", &moved),
        ],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    let e = a.json();
    assert_eq!(e["valid"], false);
    assert!(e["report"].is_null());
    assert_ne!(e["objective"], report["objective"]);
    let rules: Vec<&str> = e["breaches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"cluster_size"), "{rules:?}");
    assert!(e["breaches"][0]["message"].as_str().unwrap().contains("members"));
}

#[tokio::test]
async fn explain_needs_a_valid_lineup() {
    let app = app();
    let csv = fixture("kfa-18.csv");
    let report = solved(&app, "kfa-18.csv", "classes=kfa").await;
    let lineup = serde_json::to_vec(&lineup_of(&report)).unwrap();
    let a = post_files(
        &app,
        "/api/explain?classes=kfa&municipality=Gotha",
        &[("input", "kfa-18.csv", &csv), ("lineup", "lineup.json", &lineup)],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.json()["municipalities"][0]["name"], "Gotha");
    let a = post_files(
        &app,
        "/api/explain?classes=kfa",
        &[
            ("input", "kfa-18.csv", &csv),
            ("lineup", "l.json", br#"{"clusters": []}"#),
        ],
    )
    .await;
    assert_eq!(a.status, 422, "{}", a.text());
    assert_eq!(a.json()["kind"], "rules");
    assert!(a.text().contains("l.json breaks"), "{}", a.text());
    assert!(!a.json()["violations"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn exports_read_back() {
    let app = app();
    let csv = fixture("kfa-18.csv");
    let report = solved(&app, "kfa-18.csv", "classes=kfa").await;
    let report_bytes = serde_json::to_vec(&report).unwrap();
    let files = [
        ("input", "kfa-18.csv", &csv[..]),
        ("lineup", "lineup.json", &report_bytes[..]),
    ];
    let a = post_files(&app, "/api/export?classes=kfa&format=xlsx", &files).await;
    assert_eq!(a.status, 200, "{}", a.text());
    assert!(a.header("content-type").contains("spreadsheetml"));
    assert!(a.header("content-disposition").contains("kfa-18-lineup.xlsx"));
    assert!(a.body.starts_with(b"PK"));
    // The workbook read back as a lineup is the same lineup.
    let back = post_files(
        &app,
        "/api/evaluate?classes=kfa",
        &[("input", "kfa-18.csv", &csv), ("lineup", "lineup.xlsx", &a.body)],
    )
    .await;
    assert_eq!(back.status, 200, "{}", back.text());
    assert_eq!(back.json()["report"]["clusters"], report["clusters"]);
    // A report of a solve keeps its status: the export says optimal, not evaluated.
    let a = post_files(&app, "/api/export?classes=kfa&format=json", &files).await;
    assert_eq!(a.json()["status"], "optimal");
    for (format, start) in [("csv", "cluster,id,name"), ("geojson", "{"), ("svg", "<svg")] {
        let a = post_files(&app, &format!("/api/export?classes=kfa&format={format}"), &files).await;
        assert_eq!(a.status, 200, "{format}: {}", a.text());
        assert!(a.text().starts_with(start), "{format}");
    }
    let a = post_files(&app, "/api/export?classes=kfa&format=pdf", &files).await;
    assert_eq!(a.status, 400);
    assert!(a.text().contains("possible values"), "{}", a.text());
}

#[tokio::test]
async fn whatif_marks_who_joined() {
    let app = app();
    let report = solved(&app, "growth-60.csv", "time-limit=3&solver=heuristic").await;
    let baseline = serde_json::to_vec(&report).unwrap();
    let a = post_files(
        &app,
        "/api/whatif?time-limit=4&solver=heuristic",
        &[
            ("input", "growth-68.csv", &fixture("growth-68.csv")),
            ("baseline", "baseline.json", &baseline),
        ],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    let w = a.json();
    assert_eq!(w["diff"]["joined"].as_array().unwrap().len(), 8);
    assert!(w["clusters"].is_array());
}

#[tokio::test]
async fn alternatives_differ() {
    let a = post(
        &app(),
        "/api/alternatives?k=2&time-limit=4&solver=heuristic",
        fixture("small-13.csv"),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    let r = a.json();
    assert!(!r["lineups"].as_array().unwrap().is_empty());
    let a = post(&app(), "/api/alternatives?k=0", fixture("small-13.csv")).await;
    assert_eq!(a.status, 400);
    assert!(a.text().contains("-k 0 asks for no lineup"), "{}", a.text());
}

#[tokio::test]
async fn read_lists_rows_with_classes() {
    let a = post_files(
        &app(),
        "/api/read",
        &[("input", "kfa-18-ids.csv", &fixture("kfa-18-ids.csv"))],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    let r = a.json();
    let rows = r["municipalities"].as_array().unwrap();
    assert_eq!(rows.len(), 18);
    assert!(
        rows.iter()
            .all(|m| m["in_register"] == true && m["class"].is_string())
    );
    assert_eq!(r["classes"][0], "Landgemeinde");
}

#[tokio::test]
async fn register_search_finds_names_and_keys() {
    let app = app();
    let a = get(&app, "/api/register?q=Gotha").await;
    assert_eq!(a.json()["results"][0]["id"], "16067029");
    let a = get(&app, "/api/register?q=0916&limit=3").await;
    let results = a.json()["results"].as_array().unwrap().clone();
    assert_eq!(results.len(), 3);
    assert!(
        results
            .iter()
            .all(|r| r["id"].as_str().unwrap().starts_with("0916"))
    );
    let a = get(&app, "/api/register?q=x&limit=0").await;
    assert_eq!(a.status, 400);
}

#[tokio::test]
async fn catalogue_outlines_and_page() {
    let app = app();
    let de = get(&app, "/api/messages?lang=de-DE").await.json();
    assert_eq!(de["lang"], "de");
    assert!(
        de["messages"]["rule.cluster_size"]
            .as_str()
            .unwrap()
            .contains("Mitglieder")
    );
    let en = get(&app, "/api/messages").await.json();
    assert_eq!(en["lang"], "en");
    let o = get(&app, "/api/outlines").await.json();
    let mut lands: Vec<&str> = o["rings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["land"].as_str().unwrap())
        .collect();
    lands.sort();
    lands.dedup();
    assert_eq!(lands.len(), 16);
    let page = get(&app, "/").await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(
        page.header("content-security-policy")
            .contains("default-src 'none'")
    );
    assert!(page.text().contains("data-testid=\"file-input\""));
    assert_eq!(
        get(&app, "/assets/js/app.js").await.header("content-type"),
        "text/javascript; charset=utf-8"
    );
    let missing = get(&app, "/api/nothing").await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json()["kind"], "not_found");
    assert_eq!(get(&app, "/api/preload").await.status, 204);
    assert_eq!(get(&app, "/api/health").await.json()["ok"], true);
}

#[tokio::test]
async fn preload_serves_the_command_lines_file() {
    let mut config = config();
    config.preload = Some(("Städte.csv".into(), fixture("kfa-18.csv")));
    let app = lineup_server::app(config);
    let a = get(&app, "/api/preload").await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body, fixture("kfa-18.csv"));
    assert_eq!(a.header("x-lineup-filename"), "St%C3%A4dte.csv");
}

#[tokio::test]
async fn an_edit_that_mixes_classes_is_scored_not_refused() {
    let app = app();
    let csv = fixture("kfa-18.csv");
    let report = solved(&app, "kfa-18.csv", "").await;
    let mut moved = lineup_of(&report);
    let member = moved["clusters"][0]["members"].as_array_mut().unwrap().remove(0);
    moved["clusters"][1]["members"]
        .as_array_mut()
        .unwrap()
        .push(member);
    let moved = serde_json::to_vec(&moved).unwrap();
    let a = post_files(
        &app,
        "/api/evaluate",
        &[("input", "kfa-18.csv", &csv), ("lineup", "lineup.json", &moved)],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    let e = a.json();
    assert_eq!(e["valid"], false);
    let rules: Vec<&str> = e["breaches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"class_mix"), "{rules:?}");
    assert!(rules.contains(&"cluster_size"), "{rules:?}");
}
