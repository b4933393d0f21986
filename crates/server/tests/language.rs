//! `lang=de`: errors in input files and the server's own errors answer in
//! German (row, field and what to do), workbooks and maps are written in it;
//! without it, English as the command line.

mod common;

use common::*;

#[tokio::test]
async fn input_errors_answer_in_the_requests_language() {
    let app = app();
    let bad = fixture("bad/bad-population.csv");
    let files = [("input", "bad-population.csv", &bad[..])];
    let en = post_files(&app, "/api/solve", &files).await;
    assert_eq!(en.status, 422, "{}", en.text());
    assert_eq!(en.json()["lang"], "en");
    let de = post_files(&app, "/api/solve?lang=de", &files).await;
    assert_eq!(de.status, 422, "{}", de.text());
    let e = de.json();
    assert_eq!(e["kind"], "input");
    assert_eq!(e["lang"], "de");
    let msg = e["error"].as_str().unwrap();
    assert!(msg.starts_with("bad-population.csv: Zeile "), "{msg}");
    assert!(msg.contains("Feld `population`"), "{msg}");
    assert!(!msg.contains("row ") && !msg.contains("field `"), "{msg}");
    // The security headers stay on the German answer.
    assert!(!de.header("content-security-policy").is_empty());
    // Accept-Language speaks for a request without lang=.
    let (content_type, body) = multipart(&files);
    let a = send(
        &app,
        request("POST", "/api/read")
            .header("content-type", content_type)
            .header("accept-language", "de-DE,de;q=0.9,en;q=0.5")
            .body(axum::body::Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 422);
    assert!(
        a.json()["error"].as_str().unwrap().contains(": Zeile "),
        "{}",
        a.text()
    );
    // lang is no flag: an unknown value is English, not a usage error.
    let a = post_files(&app, "/api/read?lang=fr", &files).await;
    assert_eq!(a.json()["lang"], "en");
}

#[tokio::test]
async fn exports_are_written_in_the_requests_language() {
    let app = app();
    let csv = fixture("kfa-18.csv");
    let report = post(&app, "/api/solve?classes=kfa", csv.clone()).await;
    assert_eq!(report.status, 200, "{}", report.text());
    let files = [
        ("input", "kfa-18.csv", &csv[..]),
        ("lineup", "lineup.json", &report.body[..]),
    ];
    let svg = |lang: &'static str| {
        let app = app.clone();
        let files = files.map(|(a, b, c)| (a, b, c.to_vec()));
        async move {
            let parts: Vec<(&str, &str, &[u8])> = files.iter().map(|(a, b, c)| (*a, *b, &c[..])).collect();
            post_files(
                &app,
                &format!("/api/export?classes=kfa&format=svg&lang={lang}"),
                &parts,
            )
            .await
            .text()
        }
    };
    let (en, de) = (svg("en").await, svg("de").await);
    assert!(
        en.contains("Lineup: 18 municipalities"),
        "{}",
        &en[..400.min(en.len())]
    );
    assert!(
        de.contains("Aufstellung: 18 Kommunen"),
        "{}",
        &de[..400.min(de.len())]
    );
    let xlsx = |lang: &'static str| format!("/api/export?classes=kfa&format=xlsx&lang={lang}");
    let en = post_files(&app, &xlsx("en"), &files).await;
    let de = post_files(&app, &xlsx("de"), &files).await;
    assert_eq!(de.status, 200, "{}", de.text());
    assert_ne!(
        en.body, de.body,
        "the German workbook has German sheets and headers"
    );
    // The German workbook reads back as the same lineup.
    let back = post_files(
        &app,
        "/api/evaluate?classes=kfa",
        &[("input", "kfa-18.csv", &csv), ("lineup", "lineup.xlsx", &de.body)],
    )
    .await;
    assert_eq!(back.status, 200, "{}", back.text());
    assert_eq!(back.json()["valid"], true);
}

#[tokio::test]
async fn bad_parameters_answer_in_the_requests_language() {
    let app = app();
    let csv = fixture("kfa-18.csv");
    // A value of the wrong type: which parameter, what was given, what it takes.
    let de = post(&app, "/api/solve?lang=de&time-limit=abc", csv.clone()).await;
    assert_eq!(de.status, 400, "{}", de.text());
    let e = de.json();
    assert_eq!(e["kind"], "usage");
    assert_eq!(e["lang"], "de");
    assert_eq!(
        e["error"],
        "ungültiger Wert 'abc' für '--time-limit': erwartet wird eine Zahl, z. B. 10 oder 2.5 (mit Dezimalpunkt)"
    );
    let en = post(&app, "/api/solve?time-limit=abc", csv.clone()).await;
    assert_eq!(
        en.json()["error"],
        "invalid value 'abc' for '--time-limit': expected a number, e.g. 10 or 2.5 (with a decimal point)"
    );
    // Class thresholds that are none: the library's error, in German.
    let de = post(&app, "/api/solve?lang=de&classes=xyz", csv.clone()).await;
    assert_eq!(de.status, 400, "{}", de.text());
    assert_eq!(
        de.json()["error"],
        "--classes: Klassengrenze 'xyz' ist keine ganze Zahl: bitte bbsr, kfa oder eine Liste wie 20000,100000"
    );
    // Not among the choices; an unknown parameter with the one meant.
    let de = post(&app, "/api/solve?lang=de&solver=fast", csv.clone()).await;
    assert_eq!(
        de.json()["error"],
        "ungültiger Wert 'fast' für '--solver': erwartet wird einer der möglichen Werte: auto, exact oder heuristic"
    );
    let de = post(&app, "/api/solve?lang=de&timelimit=5", csv.clone()).await;
    assert_eq!(
        de.json()["error"],
        "unbekannte Option '--timelimit'; gemeint ist wohl '--time-limit'"
    );
    // The server's own cap, and the second stage of the options.
    let de = post(&app, "/api/solve?lang=de&time-limit=100000", csv.clone()).await;
    let msg = de.json()["error"].as_str().unwrap().to_string();
    assert!(
        msg.starts_with("--time-limit 100000: dieser Server rechnet höchstens 300 s"),
        "{msg}"
    );
    let de = post(&app, "/api/solve?lang=de&weights=speed%3D1", csv).await;
    assert_eq!(
        de.json()["error"],
        "--weights: unbekannter Begriff 'speed'; möglich sind same-land, mixed-class, non-bordering, distance"
    );
}

#[tokio::test]
async fn impossible_requests_and_unmatched_names_answer_in_german() {
    let app = app();
    let post_one = |file: &'static str, query: &'static str| {
        let app = app.clone();
        async move {
            let bytes = fixture(file);
            let name = file.rsplit('/').next().unwrap();
            post_files(&app, query, &[("input", name, &bytes[..])]).await
        }
    };
    // A class that cannot be split: the typed reason, worded in German.
    let a = post_one("eight-grossstaedte.csv", "/api/solve?lang=de").await;
    assert_eq!(a.status, 422, "{}", a.text());
    let msg = a.json()["error"].as_str().unwrap().to_string();
    assert!(
        msg.contains("keine zulässige Aufstellung: Größenklasse Großstadt hat 8 Mitglieder, die nicht in Cluster mit 6–7 Mitgliedern passen: 1 Cluster fasst höchstens 7, 2 Cluster brauchen mindestens 12"),
        "{msg}"
    );
    assert!(msg.contains("möglich wäre: --comparability adjacent"), "{msg}");
    assert!(!msg.contains("class Großstadt has"), "{msg}");
    // English without lang=, singular where one cluster is meant.
    let a = post_one("eight-grossstaedte.csv", "/api/solve").await;
    let msg = a.json()["error"].as_str().unwrap().to_string();
    assert!(
        msg.contains("1 cluster holds at most 7, 2 clusters need at least 12"),
        "{msg}"
    );
    // A cap per Land no block can keep.
    let a = post_one("kfa-18-de.csv", "/api/solve?lang=de&max-per-land=1").await;
    assert_eq!(a.status, 422, "{}", a.text());
    let msg = a.json()["error"].as_str().unwrap().to_string();
    assert!(
        msg.contains("Bayern hat 2 Mitglieder in Großstadt (1 Cluster), bei höchstens 1 je Land und Cluster passen aber nur 1"),
        "{msg}"
    );
    // A name of several municipalities: the candidates, in German.
    let a = post_one("bad/ambiguous-name.csv", "/api/solve?lang=de").await;
    assert_eq!(a.status, 422, "{}", a.text());
    let msg = a.json()["error"].as_str().unwrap().to_string();
    assert!(
        msg.contains(
            "Zeile 5, Feld `name`: „Neunkirchen“ passt auf 6 Gemeinden: Neunkirchen (Saarland, 10043114)"
        ),
        "{msg}"
    );
    assert!(msg.contains("ergänzen Sie eine Spalte `Bundesland`"), "{msg}");
    // An unknown name: similar names, in German.
    let a = post_one("bad/unknown-name.csv", "/api/solve?lang=de").await;
    let msg = a.json()["error"].as_str().unwrap().to_string();
    assert!(
        msg.contains("„Frankfurt“ ist keine Gemeinde im Gemeindeverzeichnis (Destatis, 31.12.2020); ähnliche Namen: Frankfurt am Main (Hessen, 06412000)"),
        "{msg}"
    );
}
