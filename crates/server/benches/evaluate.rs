//! Server time of a hand edit: `POST /api/evaluate` as the page sends it
//! (the list as JSON, the edited lineup, `municipality=` the moved members),
//! in-process through the whole router (multipart, reading, problem,
//! verification, bounds, explanation). Prints a table of medians.
//!
//!     cargo bench -p lineup-server --bench evaluate
//!
//! Inputs: growth-60 (fixture), all 621 Mittelstädte and the whole register
//! (10 794 Gemeinden) of the bundled register. The lineups come from a
//! heuristic solve through the API; the edits are one swap (the lineup stays
//! valid: scored and explained) and one move (it breaks rules: scored and
//! its breaches listed).

#![allow(clippy::print_stdout, reason = "a bench prints its table")]

use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:8080";
const BOUNDARY: &str = "bench-boundary-91c2";

fn multipart(parts: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (part, name, bytes) in parts {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{part}\"; filename=\"{name}\"\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn post(app: &Router, uri: &str, parts: &[(&str, &str, &[u8])]) -> (u16, Value) {
    let request = Request::post(uri)
        .header("host", HOST)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(multipart(parts)))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// The list as the page sends it: the rows `/api/read` answered, as JSON.
async fn page_input(app: &Router, name: &str, file: &[u8]) -> Vec<u8> {
    let (status, read) = post(app, "/api/read", &[("input", name, file)]).await;
    assert_eq!(status, 200, "{read}");
    let rows: Vec<Value> = read["municipalities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!({"id": r["id"], "name": r["name"], "state": r["state"], "population": r["population"], "lat": r["lat"], "lon": r["lon"]}))
        .collect();
    serde_json::to_vec(&json!({ "municipalities": rows })).unwrap()
}

fn lineup_of(report: &Value) -> Value {
    let clusters: Vec<Value> = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let ids: Vec<&Value> = c["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| &m["id"])
                .collect();
            json!({ "id": c["id"], "members": ids })
        })
        .collect();
    json!({ "clusters": clusters })
}

/// The bundled register's Gemeinden with a population in `range`, as CSV
/// with only the AGS (the reader fills in the rest from the register).
fn register_csv(range: std::ops::Range<u64>) -> (Vec<u8>, usize) {
    let entries: Vec<_> = lineup::register::register()
        .entries()
        .iter()
        .filter(|e| range.contains(&e.population))
        .collect();
    let mut out = String::from("id\n");
    for e in &entries {
        out.push_str(&e.id);
        out.push('\n');
    }
    (out.into_bytes(), entries.len())
}

fn median(mut v: Vec<Duration>) -> (Duration, Duration, Duration) {
    v.sort();
    (v[v.len() / 2], v[v.len() * 9 / 10], v[v.len() - 1])
}

async fn case(app: &Router, label: &str, name: &str, file: &[u8], solve_query: &str, runs: usize) {
    let input = page_input(app, name, file).await;
    let (status, report) = post(
        app,
        &format!("/api/solve?{solve_query}"),
        &[("input", "list.json", &input)],
    )
    .await;
    assert_eq!(status, 200, "{report}");
    let lineup = lineup_of(&report);
    // A swap between the first two clusters of one size class keeps the lineup valid.
    let clusters = lineup["clusters"].as_array().unwrap();
    let (a, b) = (0, 1);
    let (x, y) = (
        clusters[a]["members"][0].clone(),
        clusters[b]["members"][0].clone(),
    );
    let mut swapped = lineup.clone();
    swapped["clusters"][a]["members"][0] = y.clone();
    swapped["clusters"][b]["members"][0] = x.clone();
    let mut moved = lineup.clone();
    let m = moved["clusters"][a]["members"].as_array_mut().unwrap().remove(0);
    moved["clusters"][b]["members"]
        .as_array_mut()
        .unwrap()
        .push(m.clone());
    for (edit, body, explain) in [
        (
            "swap (valid: scored + explained)",
            swapped,
            format!(
                "municipality={}&municipality={}",
                x.as_str().unwrap(),
                y.as_str().unwrap()
            ),
        ),
        (
            "move (breaks rules: scored + breaches)",
            moved,
            format!("municipality={}", m.as_str().unwrap()),
        ),
    ] {
        let body = serde_json::to_vec(&body).unwrap();
        let uri = format!("/api/evaluate?{explain}");
        let parts: [(&str, &str, &[u8]); 2] =
            [("input", "list.json", &input), ("lineup", "lineup.json", &body)];
        let (status, first) = post(app, &uri, &parts).await;
        assert_eq!(status, 200, "{first}");
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let (status, _) = post(app, &uri, &parts).await;
            times.push(t.elapsed());
            assert_eq!(status, 200);
        }
        let (med, p90, max) = median(times);
        println!(
            "| {label} | {edit} | {} | {:.1} | {:.1} | {:.1} | {runs} |",
            first["valid"],
            med.as_secs_f64() * 1e3,
            p90.as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3
        );
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let app = lineup_server::app(lineup_server::Config::new(HOST.parse().unwrap()));
        println!("| input | edit | valid | median ms | p90 ms | max ms | runs |");
        println!("|---|---|---|---:|---:|---:|---:|");
        let growth = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/growth-60.csv"
        ))
        .unwrap();
        case(&app, "growth-60", "growth-60.csv", &growth, "time-limit=10", 30).await;
        let (mittel, n) = register_csv(20_000..100_000);
        assert_eq!(n, 621, "the register's Mittelstädte");
        case(
            &app,
            "621 Mittelstädte",
            "mittelstaedte.csv",
            &mittel,
            "solver=heuristic&time-limit=20",
            20,
        )
        .await;
        let (all, n) = register_csv(0..u64::MAX);
        assert_eq!(n, 10_794);
        case(
            &app,
            "register (10 794)",
            "register.csv",
            &all,
            "solver=heuristic&time-limit=30",
            5,
        )
        .await;
    });
}
