//! Helpers: run the real `lineup` binary, find fixtures.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Path of a file under `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Runs `lineup` with arguments.
/// The environment names no language (messages in English) unless a test
/// sets one.
pub fn lineup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lineup"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("the lineup binary runs")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs `lineup` and parses its JSON output.
pub fn json(args: &[&str]) -> serde_json::Value {
    let o = lineup(args);
    assert!(o.status.success(), "lineup {args:?} failed: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("valid JSON")
}

/// Reads the municipalities of a fixture.
pub fn municipalities(name: &str) -> Vec<lineup::Municipality> {
    let f = std::fs::File::open(fixture(name)).expect("fixture exists");
    lineup::read_municipalities(f, None)
        .expect("fixture parses")
        .municipalities
}

/// A lineup of two clusters with the given ids and member indices.
pub fn two_clusters(ids: &[String], a: &[usize], b: &[usize]) -> ::lineup::Lineup {
    let cluster = |id: &String, members: &[usize]| ::lineup::Cluster {
        id: id.clone(),
        members: members.to_vec(),
    };
    ::lineup::Lineup {
        clusters: vec![cluster(&ids[0], a), cluster(&ids[1], b)],
    }
}

/// Municipalities `M0`, `M1`, … of 50 000 inhabitants in the Länder in
/// turn, each with `attribute` set to its value.
pub fn towns(attribute: &str, values: &[&str]) -> Vec<::lineup::Municipality> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            ::lineup::Municipality::new(
                format!("m{i}"),
                format!("M{i}"),
                ::lineup::Land::ALL[i % 16],
                50_000,
                ::lineup::LatLon {
                    lat: 48.0 + i as f64 * 0.3,
                    lon: 9.0 + (i % 3) as f64,
                },
            )
            .with_attribute(attribute, *v)
        })
        .collect()
}
