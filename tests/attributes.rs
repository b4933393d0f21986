//! Numeric attributes and criteria errors in German: a column of numbers
//! is a number in JSON, GeoJSON and the workbook and compares by value; a
//! code (`007`) or an ambiguous `1.234` stays text; CSV keeps every cell
//! verbatim. With `--lang de` the criteria's errors and impossible
//! requests read in German (the CLI; the server's in crates/server/tests/criteria.rs).

use lineup::messages::Lang;
use lineup::{ClusterSize, Criterion, Municipality, Problem, ProblemError, Settings};

use crate::util::{fixture, lineup, stderr, stdout};

/// The planner's fixture with two more columns: `Quote` (decimal commas,
/// numeric) and `Kennung` (codes with leading zeros, text).
fn planner_with_numbers(dir: &std::path::Path) -> String {
    let text = std::fs::read_to_string(fixture("growth-60-planner.csv")).unwrap();
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i == 0 {
            out.push_str(&format!("{line};Quote;Kennung\n"));
        } else {
            out.push_str(&format!("{line};{},5;{:03}\n", i % 4, i));
        }
    }
    let path = dir.join("planner.csv");
    std::fs::write(&path, out).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn numeric_columns_are_numbers_where_the_format_has_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let f = planner_with_numbers(dir.path());
    let args = ["solve", f.as_str(), "--time-limit", "5", "--seed", "1"];
    let out = lineup(&[&args[..], &["--format", "json"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let members: Vec<&serde_json::Value> = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["members"].as_array().unwrap())
        .collect();
    let ratekau = members.iter().find(|m| m["id"] == "01055035").unwrap();
    let a = &ratekau["attributes"];
    assert_eq!(a["Erfahrung_Jahre"], serde_json::json!(10), "{a}");
    assert_eq!(a["Quote"], serde_json::json!(1.5), "{a}");
    assert_eq!(a["Kennung"], serde_json::json!("001"), "{a}");
    assert_eq!(a["Erfahrung"], serde_json::json!("ja"), "{a}");
    // CSV keeps the cells as written.
    let out = lineup(&[&args[..], &["--format", "csv"]].concat());
    let csv = stdout(&out);
    assert!(
        csv.lines()
            .any(|l| l.contains("01055035,Ratekau,") && l.ends_with(",10,Ansprechpartnerin neu,\"1,5\",001")),
        "{csv}"
    );
    // GeoJSON: numbers as numbers, codes as text.
    let geo = dir.path().join("l.geojson");
    let out = lineup(&[&args[..], &["--output", geo.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let g: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&geo).unwrap()).unwrap();
    for feature in g["features"].as_array().unwrap() {
        let p = &feature["properties"];
        assert!(p["Erfahrung_Jahre"].is_number() && p["Quote"].is_number(), "{p}");
        assert!(p["Kennung"].is_string(), "{p}");
    }
    // The workbook has numeric cells for them: read back, they are numbers again.
    let xlsx = dir.path().join("l.xlsx");
    let out = lineup(&[&args[..], &["--output", xlsx.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let back = lineup::read_municipalities(std::fs::File::open(&xlsx).unwrap(), None).unwrap();
    let r = back.municipalities.iter().find(|m| m.id == "01055035").unwrap();
    assert_eq!(r.attributes.number("Quote"), Some(1.5));
    assert_eq!(r.attributes.number("Erfahrung_Jahre"), Some(10.0));
    assert_eq!(r.attributes.get("Kennung"), Some("001"));
}

#[test]
fn quotas_on_numeric_attributes_compare_by_value() {
    // `10` and `10,0` are one value: at least one member with 10 years.
    let f = fixture("growth-60-planner.csv").to_string_lossy().into_owned();
    let out = lineup(&[
        "solve",
        &f,
        "--at-least",
        "Erfahrung_Jahre=10,0:1",
        "--format",
        "json",
        "--time-limit",
        "5",
    ]);
    // `10,0` names the value `10`: the quota is counted (one Großstadt has it,
    // two clusters need one each), not refused as an unknown value.
    let e = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(
        e.contains("at least 1 member with Erfahrung_Jahre=10 per cluster needs 2 in class Großstadt (2 clusters), the list has 1"),
        "{e}"
    );
    let out = lineup(&["solve", &f, "--at-least", "Erfahrung_Jahre=99:1"]);
    assert!(
        stderr(&out).contains("no municipality has `Erfahrung_Jahre` = `99`"),
        "{}",
        stderr(&out)
    );
}

fn towns(values: &[&str]) -> Vec<Municipality> {
    crate::util::towns("Jahre", values)
}

#[test]
fn numbers_written_differently_are_one_value_and_codes_are_not() {
    // 7 × "3" and 5 × "3,0": one value of 12 members, two clusters of 6.
    let mut values = vec!["3"; 7];
    values.extend(["3,0", "3.0", "3,0", "3.00", "3,0"]);
    let s = Settings::default()
        .with_cluster_size(ClusterSize::new(6, 6))
        .with_criterion(Criterion::parse_alike("Jahre").unwrap());
    assert!(Problem::new(towns(&values), s.clone()).is_ok());
    // "007" and "7" are codes, two values: groups of 7 and 5 fit no clusters of 6.
    let mut codes = vec!["7"; 7];
    codes.extend(["007"; 5]);
    let Err(ProblemError::Infeasible(inf)) = Problem::new(towns(&codes), s) else {
        panic!("a code is not a number");
    };
    assert!(
        inf.reason
            .contains("groups of 7 (Jahre=7) and 5 (Jahre=007) members"),
        "{}",
        inf.reason
    );
    // A quota names the value as a number: 3 = 3,0.
    let s = Settings::default()
        .with_cluster_size(ClusterSize::new(6, 6))
        .with_criterion(Criterion::parse_at_least("Jahre=3:1").unwrap());
    let mut mixed = vec!["1"; 10];
    mixed.extend(["3", "3,0"]);
    assert!(Problem::new(towns(&mixed), s).is_ok());
}

#[test]
fn criteria_errors_read_in_german() {
    let f = fixture("growth-60-planner.csv").to_string_lossy().into_owned();
    let out = lineup(&["--lang", "de", "solve", &f, "--alike", "Erfarung"]);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(
        e.contains("keine Spalte „Erfarung“; meinten Sie „Erfahrung“?"),
        "{e}"
    );
    let out = lineup(&["--lang", "de", "solve", &f, "--at-least", "Erfahrung=ja:2"]);
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert!(
        e.contains(
            "keine zulässige Aufstellung: mindestens 2 Mitglieder mit Erfahrung=ja je Cluster braucht 8 in Klasse Kleinstadt (4 Cluster), die Liste hat 7: fügen Sie eines hinzu"
        ),
        "{e}"
    );
    assert!(
        e.contains(
            "; möglich wäre: Kommunen dieser Klasse hinzufügen oder entfernen oder --at-least Erfahrung=ja:1"
        ),
        "{e}"
    );
    let out = lineup(&["--lang", "de", "solve", &f, "--at-least", "Erfahrung=jaa:1"]);
    assert!(
        stderr(&out).contains("keine Kommune hat „Erfahrung“ = „jaa“; meinten Sie „ja“?"),
        "{}",
        stderr(&out)
    );
    let g = fixture("growth-60.csv").to_string_lossy().into_owned();
    let out = lineup(&["--lang", "de", "solve", &g, "--alike", "degurba"]);
    let e = stderr(&out);
    assert!(e.contains("gleich in degurba teilt Klasse"), "{e}");
    assert!(e.contains("--alike degurba:soft"), "{e}");
    // The same request in English is unchanged.
    let out = lineup(&["--lang", "en", "solve", &f, "--at-least", "Erfahrung=ja:2"]);
    assert!(
        stderr(&out).contains(
            "no feasible lineup: at least 2 members with Erfahrung=ja per cluster needs 8 in class Kleinstadt"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_criteria_conflict_has_both_languages() {
    let ms = towns(&["a", "a", "a", "b", "b", "b"]);
    let s = Settings::default()
        .with_cluster_size(ClusterSize::new(3, 3))
        .with_must_link("M0", "M4")
        .with_criterion(Criterion::parse_alike("Jahre").unwrap());
    let Err(ProblemError::Infeasible(inf)) = Problem::new(ms, s) else {
        panic!("the link cannot hold");
    };
    assert!(inf.conflict.is_some());
    assert_eq!(
        inf.reason_in(Lang::De),
        "Muss-Verbindung M0 (m0) und M4 (m4): M0 hat Jahre = a, M4 hat Jahre = b, und gleich in Jahre trennt verschiedene Werte: entfernen Sie die Verbindung oder machen Sie das Kriterium weich"
    );
    assert_eq!(inf.reason_in(Lang::En), inf.reason);
}

#[test]
fn whatif_honours_a_quota_added_to_the_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    let f = fixture("growth-60-planner.csv").to_string_lossy().into_owned();
    let o = lineup(&[
        "solve",
        &f,
        "--format",
        "json",
        "--time-limit",
        "5",
        "--seed",
        "1",
        "-o",
        base.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let without: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    let beginners_only = |r: &serde_json::Value| {
        r["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| {
                c["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|m| m["attributes"]["Erfahrung"] != "ja")
            })
            .count()
    };
    assert!(
        beginners_only(&without) > 0,
        "the baseline has clusters of beginners only"
    );
    let o = lineup(&[
        "whatif",
        &f,
        "--baseline",
        base.to_str().unwrap(),
        "--at-least",
        "Erfahrung=ja:1",
        "--format",
        "json",
        "--time-limit",
        "10",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(beginners_only(&r), 0, "every cluster gets an experienced member");
    assert!(
        r["diff"]["moved"].as_array().is_some_and(|m| !m.is_empty()),
        "{}",
        r["diff"]
    );
}

#[test]
fn alike_degurba_on_a_register_subset_gives_homogeneous_clusters() {
    // 12 Kleinstädte (10 000–20 000 inhabitants) of degurba 3 and 6 of degurba 2,
    // by AGS only: degurba comes from the register.
    let reg = lineup::register::register();
    let pick = |d: u8, n: usize| -> Vec<String> {
        reg.entries()
            .iter()
            .filter(|e| e.degurba == Some(d) && (10_000..20_000).contains(&e.population))
            .step_by(5)
            .take(n)
            .map(|e| e.id.clone())
            .collect()
    };
    let ids: Vec<String> = [pick(3, 12), pick(2, 6)].concat();
    assert_eq!(ids.len(), 18);
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("subset.csv");
    std::fs::write(&f, format!("id\n{}\n", ids.join("\n"))).unwrap();
    let o = lineup(&[
        "solve",
        f.to_str().unwrap(),
        "--alike",
        "degurba",
        "--format",
        "json",
        "--time-limit",
        "10",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["status"], "optimal");
    for c in r["clusters"].as_array().unwrap() {
        let values: std::collections::BTreeSet<String> = c["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["attributes"]["degurba"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(values.len(), 1, "{c}");
    }
}
