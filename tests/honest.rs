//! Honest numbers after a solve (issue 11, items 4, 5 and 8): a lineup
//! `solve` proved optimal stays proven in `evaluate` and `map`; the
//! settings a lineup JSON records are used; breaches name municipalities;
//! `--against` lists who moved; the table speaks German on request. The
//! list is a German Excel export: Windows-1252, `;`, CRLF, 1.234.567.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::planner::excel_csv;
use crate::util::{lineup, stderr, stdout};

const KFA_18: &[&str] = &[
    "Gemeindeschlüssel;Gemeinde;Bundesland;Einwohner;Breite;Länge",
    "09162000;München;Bayern;1.484.226;48,137683;11,575997",
    "09564000;Nürnberg;Bayern;518.370;49,450938;11,075269",
    "05315000;Köln;Nordrhein-Westfalen;1.087.863;50,938107;6,957068",
    "14713000;Leipzig;Sachsen;593.145;51,338288;12,377931",
    "03241001;Hannover;Niedersachsen;536.925;52,374551;9,738084",
    "04011000;Bremen;Bremen;567.559;53,075606;8,809338",
    "16067029;Gotha;Thüringen;45.419;50,948759;10,70337",
    "03252006;Hameln;Niedersachsen;57.434;52,104402;9,356316",
    "13074087;Wismar;Mecklenburg-Vorpommern;42.963;53,891577;11,466024",
    "09262000;Passau;Bayern;52.803;48,569343;13,420113",
    "01001000;Flensburg;Schleswig-Holstein;90.164;54,78252;9,43751",
    "14626110;Görlitz;Sachsen;55.980;51,155287;14,988035",
    "01051074;Meldorf;Schleswig-Holstein;7.247;54,090945;9,068784",
    "09571193;Rothenburg ob der Tauber;Bayern;11.391;49,377149;10,179283",
    "09173112;Bad Tölz;Bayern;19.155;47,759148;11,563912",
    "12073452;Prenzlau;Brandenburg;18.970;53,315519;13,861671",
    "13072006;Bad Doberan;Mecklenburg-Vorpommern;12.642;54,106684;11,89935",
    "14626180;Herrnhut;Sachsen;5.837;51,015492;14,74397",
];

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The list, and the lineup `solve --classes kfa` proved optimal.
fn solved(dir: &Path) -> (PathBuf, PathBuf) {
    let list = excel_csv(dir, "kfa-18.csv", KFA_18);
    let json = dir.join("lineup.json");
    let o = lineup(&["solve", s(&list), "--classes", "kfa", "-o", s(&json)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            "lineup.json: 18 municipalities in 3 clusters. Proven best possible under these settings."
        ),
        "solve -o prints a one-line summary:\n{err}"
    );
    (list, json)
}

#[test]
fn a_proven_lineup_stays_proven_in_evaluate_and_map_with_its_recorded_settings() {
    let dir = tempfile::tempdir().unwrap();
    let (list, json) = solved(dir.path());
    // No --classes: the lineup file's kfa is used, and said.
    let o = lineup(&["evaluate", s(&list), s(&json)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(err.contains("settings from"), "{err}");
    assert!(err.contains("--classes kfa"), "{err}");
    assert!(out.contains("(kfa classes, strict comparability)"), "{out}");
    assert!(out.contains("status     optimal"), "{out}");
    assert!(
        out.contains("result     Proven best possible under these settings."),
        "{out}"
    );
    assert!(out.contains("gap        0.00 %"), "{out}");
    assert!(out.contains("bound from the solve recorded in"), "{out}");
    // The spread's parts in their units beside the combined score.
    assert!(out.contains("pairs from non-bordering Länder;"), "{out}");
    assert!(out.contains("km between members)"), "{out}");
    // The map says the same, without repeating the flag.
    let svg = dir.path().join("map.svg");
    let o = lineup(&["map", s(&list), s(&json), "-o", s(&svg)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("Proven best possible under these settings ·"),
        "map caption"
    );
    assert!(!text.contains("gap"), "no bare gap on the map");
}

#[test]
fn without_a_recorded_bound_a_solve_proves_one() {
    let dir = tempfile::tempdir().unwrap();
    let (list, _) = solved(dir.path());
    // A CSV lineup carries no bound: a solve within the time limit gives one.
    let csv = dir.path().join("lineup.csv");
    let o = lineup(&["solve", s(&list), "--classes", "kfa", "-o", s(&csv)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lineup(&[
        "evaluate",
        s(&list),
        s(&csv),
        "--classes",
        "kfa",
        "--time-limit",
        "20",
    ]);
    let out = stdout(&o);
    assert!(out.contains("status     optimal"), "{out}");
    assert!(out.contains("bound from a solve of this input"), "{out}");
}

#[test]
fn a_hand_edited_lineup_keeps_the_bound_and_shows_what_moved() {
    let dir = tempfile::tempdir().unwrap();
    let list = crate::util::fixture("growth-60-planner.csv");
    let json = dir.path().join("lineup.json");
    let o = lineup(&["solve", s(&list), "-o", s(&json)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    // Exchange the first members of two clusters of the same class.
    let clusters = doc["clusters"].as_array_mut().unwrap();
    let class = |c: &serde_json::Value| c["size_class"].as_str().unwrap().to_string();
    let (i, j) = (0..clusters.len())
        .flat_map(|i| (i + 1..clusters.len()).map(move |j| (i, j)))
        .find(|&(i, j)| class(&clusters[i]) == class(&clusters[j]))
        .expect("two clusters of one class");
    let a = clusters[i]["members"][0].clone();
    let b = clusters[j]["members"][0].clone();
    clusters[i]["members"][0] = b;
    clusters[j]["members"][0] = a;
    let edited = dir.path().join("by-hand.json");
    std::fs::write(&edited, serde_json::to_string(&doc).unwrap()).unwrap();
    let o = lineup(&["evaluate", s(&list), s(&edited), "--against", s(&json)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("bound from the solve recorded in"), "{out}");
    assert!(out.contains(": 2 moved"), "{out}");
    assert_eq!(out.matches("  moved        ").count(), 2, "{out}");
    for term in [
        "penalty: ",
        "same-Land pairs: ",
        "spread: ",
        "km between members: ",
    ] {
        assert!(out.contains(term), "missing {term:?}:\n{out}");
    }
    let o = lineup(&[
        "evaluate",
        s(&list),
        s(&edited),
        "--against",
        s(&json),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["against"]["moved"].as_array().unwrap().len(), 2);
    assert_eq!(v["report"]["clusters"].as_array().unwrap().len(), 9);
}

#[test]
fn a_lineup_that_mixes_classes_is_told_so_not_to_change_the_cluster_count() {
    let dir = tempfile::tempdir().unwrap();
    let (list, json) = solved(dir.path());
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let clusters = doc["clusters"].as_array_mut().unwrap();
    let a = clusters[0]["members"][0].clone();
    let b = clusters[1]["members"][0].clone();
    clusters[0]["members"][0] = b;
    clusters[1]["members"][0] = a;
    let edited = dir.path().join("mixed.json");
    std::fs::write(&edited, serde_json::to_string(&doc).unwrap()).unwrap();
    let o = lineup(&["evaluate", s(&list), s(&edited)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("mixes size classes"), "{err}");
    assert!(!err.contains("try --clusters"), "{err}");
}

#[test]
fn breaches_name_municipalities_and_an_old_lineup_says_who_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let (list, json) = solved(dir.path());
    let text = std::fs::read_to_string(&json).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    // A lineup of an older list: two municipalities of the list are in no cluster.
    let mut older = doc.clone();
    let members = older["clusters"][0]["members"].as_array_mut().unwrap();
    let gone: Vec<String> = members
        .drain(..2)
        .map(|m| format!("{} ({})", m["name"].as_str().unwrap(), m["id"].as_str().unwrap()))
        .collect();
    let old = dir.path().join("older.json");
    std::fs::write(&old, serde_json::to_string(&older).unwrap()).unwrap();
    let o = lineup(&["evaluate", s(&list), s(&old)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("2 municipalities of the list are in no cluster"),
        "{err}"
    );
    for g in &gone {
        assert!(err.contains(g.as_str()), "{g} named:\n{err}");
    }
    assert!(!err.contains("--clusters"), "{err}");
    // A rule the lineup breaks names both members by name and id, in German too.
    let cluster = &doc["clusters"][2]["members"];
    let (a, b) = (
        cluster[0]["id"].as_str().unwrap(),
        cluster[1]["id"].as_str().unwrap(),
    );
    let (na, nb) = (
        cluster[0]["name"].as_str().unwrap(),
        cluster[1]["name"].as_str().unwrap(),
    );
    let link = format!("{a},{b}");
    let o = lineup(&["evaluate", s(&list), s(&json), "--cannot-link", &link]);
    assert_eq!(o.status.code(), Some(1));
    let expected = format!("{na} ({a}) and {nb} ({b}) must not share a cluster but do");
    assert!(stderr(&o).contains(&expected), "{}", stderr(&o));
    let o = lineup(&[
        "evaluate",
        s(&list),
        s(&json),
        "--cannot-link",
        &link,
        "--lang",
        "de",
    ]);
    let expected = format!("{na} ({a}) und {nb} ({b}) dürfen nicht in einem Cluster sein, sind es aber");
    assert!(stderr(&o).contains(&expected), "{}", stderr(&o));
    assert!(stderr(&o).contains("verletzt 1 Regel:"), "{}", stderr(&o));
}

#[test]
fn the_table_speaks_german_on_request_or_by_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let (list, json) = solved(dir.path());
    let o = lineup(&["evaluate", s(&list), s(&json), "--lang", "de"]);
    let out = stdout(&o);
    for expected in [
        "Aufstellung: 18 Kommunen in 3 Clustern mit 6–7 Mitgliedern (Größenklassen kfa",
        "Einwohner",
        // One thousands separator in German, the dot, as in the lookup
        // errors and on the page.
        "1.484.226",
        "Ergebnis   Nachweislich die bestmögliche Aufstellung mit diesen Einstellungen.",
        "Lücke      0,00 % (Streuung)",
        "Paare aus nicht benachbarten Ländern;",
    ] {
        assert!(out.contains(expected), "missing {expected:?}:\n{out}");
    }
    let run = |env: &[(&str, &str)]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_lineup"));
        c.args(["evaluate", s(&list), s(&json)])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        for (k, v) in env {
            c.env(k, v);
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    assert!(run(&[("LANG", "de_DE.UTF-8")]).contains("Einwohner"));
    assert!(run(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "C")]).contains("Population"));
    assert!(run(&[("LANG", "")]).contains("Population"));
}

#[test]
fn a_class_that_cannot_be_split_is_named_and_kfa_suggested_where_it_works() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        "Gemeinde;Bundesland",
        "Herrnhut;Sachsen",
        "Meldorf;",
        "Bad Tölz;",
        "Prenzlau;",
        "Bad Doberan;",
        "Rothenburg ob der Tauber;",
        "Insel Hiddensee;Mecklenburg-Vorpommern",
    ];
    let list = excel_csv(dir.path(), "klein.csv", &lines);
    let o = lineup(&["solve", s(&list)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("class Landgemeinde has 1 member,"), "{err}");
    assert!(err.contains("Insel Hiddensee (13073040)"), "{err}");
    assert!(err.contains("try --classes kfa"), "{err}");
    // The same in German, with the German prefix.
    let o = lineup(&["solve", s(&list), "--lang", "de"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(
            "Fehler: "
        ) && err.contains(
            "keine zulässige Aufstellung: Größenklasse Landgemeinde hat 1 Mitglied, weniger als die 6, die ein Cluster braucht (Insel Hiddensee (13073040)); möglich wäre: --classes kfa"
        ),
        "{err}"
    );
    assert!(
        !err.contains("error:") && !err.contains("class Landgemeinde"),
        "{err}"
    );
    // As suggested: the programme's three classes make it feasible.
    let o = lineup(&["solve", s(&list), "--classes", "kfa"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Where kfa does not help, it is not suggested: Wismar is a Mittelstadt in both.
    let mut lines = lines;
    lines[7] = "Wismar;";
    let list = excel_csv(dir.path(), "klein2.csv", &lines);
    let err = stderr(&lineup(&["solve", s(&list)]));
    assert!(err.contains("Wismar (13074087)"), "{err}");
    assert!(!err.contains("--classes kfa"), "{err}");
}

#[test]
fn a_german_workbook_reads_back_as_a_lineup() {
    let dir = tempfile::tempdir().unwrap();
    let (list, _) = solved(dir.path());
    let book = dir.path().join("aufstellung.xlsx");
    let o = lineup(&[
        "solve",
        s(&list),
        "--classes",
        "kfa",
        "--lang",
        "de",
        "-o",
        s(&book),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("aufstellung.xlsx geschrieben: 18 Kommunen in 3 Clustern. Nachweislich"),
        "{}",
        stderr(&o)
    );
    let read = lineup::read_lineup(
        std::fs::File::open(&book).unwrap(),
        &lineup::read_municipalities(std::fs::File::open(&list).unwrap(), None)
            .unwrap()
            .municipalities,
    )
    .unwrap();
    assert_eq!(read.clusters.len(), 3);
    let o = lineup(&["evaluate", s(&list), s(&book), "--classes", "kfa"]);
    assert!(stdout(&o).contains("status     optimal"), "{}", stdout(&o));
}
