//! What a planner trips over (issue 11), continued: a name that matched a
//! tiny municipality while a much larger one begins with it (`Weiden`),
//! the reader's warnings in German, and a workbook with a title row above
//! its header. Files as planners have them: Windows-1252 with CRLF, `.xlsx`.

use crate::planner::excel_csv;
use crate::util::{json, lineup, stderr};

/// Six towns of one size class around a name planners shorten.
fn weiden_rows(weiden: &str) -> Vec<String> {
    [
        weiden,
        "Passau;",
        "Görlitz;",
        "Weimar;",
        "Flensburg;",
        "Stralsund;",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn a_name_of_a_tiny_town_that_begins_a_larger_ones_name_is_announced() {
    let dir = tempfile::tempdir().unwrap();
    let rows = weiden_rows("Weiden;");
    let mut lines = vec!["Gemeinde;Einwohner"];
    lines.extend(rows.iter().map(String::as_str));
    let path = excel_csv(dir.path(), "weiden.csv", &lines);
    let file = path.to_str().unwrap();
    let err = stderr(&lineup(&["solve", file, "--comparability", "adjacent"]));
    assert!(
        err.contains(
            "row 2: `Weiden` was taken for Weiden (Rheinland-Pfalz, 07134091, 87 inhabitants), but Weiden i.d.OPf. (Bayern, 09363000, 42,743 inhabitants) begins with the same name and is much larger; no population tells them apart — to mean the larger one, write its full name or give the Land (a `Land` column)"
        ),
        "{err}"
    );
    let err = stderr(&lineup(&[
        "solve",
        file,
        "--comparability",
        "adjacent",
        "--lang",
        "de",
    ]));
    assert!(
        err.contains("Warnung: ") && err.contains("Zeile 2: `Weiden` wurde als Weiden (Rheinland-Pfalz, 07134091, 87 Einwohner) gelesen, aber Weiden i.d.OPf. (Bayern, 09363000, 42.743 Einwohner) beginnt mit demselben Namen"),
        "{err}"
    );
    // With a population the factor-1.5 rule decides: an error naming both.
    let mut lines = vec!["Gemeinde;Einwohner"];
    let rows = weiden_rows("Weiden;42.700");
    lines.extend(rows.iter().map(String::as_str));
    let given = excel_csv(dir.path(), "weiden-ew.csv", &lines);
    let o = lineup(&["solve", given.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("row 2, field `name`: \"Weiden\" is Weiden (Rheinland-Pfalz")
            && err.contains("Weiden i.d.OPf. (Bayern, 09363000) fits that number"),
        "{err}"
    );
    // The way out the warning names: a Land column (or the full name) —
    // no warning then, and the town in the Oberpfalz is taken.
    for (header, row, sep) in [
        ("Gemeinde;Land", "Weiden;Bayern", ";"),
        ("Gemeinde", "Weiden i.d.OPf.", ""),
    ] {
        let others: Vec<String> = ["Passau", "Görlitz", "Weimar", "Flensburg", "Stralsund"]
            .iter()
            .map(|n| format!("{n}{sep}"))
            .collect();
        let mut lines = vec![header, row];
        lines.extend(others.iter().map(String::as_str));
        let fixed = excel_csv(dir.path(), "fixed.csv", &lines);
        let f = fixed.to_str().unwrap();
        let o = lineup(&["solve", f, "--format", "json"]);
        assert!(!stderr(&o).contains("much larger"), "{}", stderr(&o));
        let r = json(&["solve", f, "--format", "json"]);
        let ids: Vec<&str> = r["clusters"][0]["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&"09363000"), "{ids:?}");
    }
}

#[test]
fn the_readers_warnings_speak_german() {
    let dir = tempfile::tempdir().unwrap();
    let path = excel_csv(
        dir.path(),
        "ew.csv",
        &[
            "Gemeinde;EW;Ansprechpartner",
            "Landeshauptstadt Kiel;246.000;Frau Albers",
            "Passau;52.000;",
            "Görlitz;55.000;",
            "Weimar;65.000;",
            "Flensburg;90.000;",
            "Stralsund;59.000;",
        ],
    );
    let err = stderr(&lineup(&[
        "solve",
        path.to_str().unwrap(),
        "--comparability",
        "adjacent",
        "--lang",
        "de",
    ]));
    for expected in [
        "Warnung: ",
        "Spalte `EW` wird nicht gelesen; Einwohner aus dem Register übernommen (Destatis, Bevölkerung 31.12.2019) — benennen Sie sie in `Einwohner` um, damit Ihre Werte gelten",
        "1 Name einem anders geschriebenen Registereintrag zugeordnet (bitte prüfen): Landeshauptstadt Kiel → Kiel (Schleswig-Holstein, 01002000)",
        "`Einwohner` von 6 Zeilen aus dem Register übernommen (Destatis, Bevölkerung 31.12.2019): Landeshauptstadt Kiel, Passau, Görlitz, Weimar, Flensburg und 1 weitere",
        "`Breite, Länge` von 6 Zeilen",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains("warning:") && !err.contains("taken from"), "{err}");
    // And in English, the singular where there is one.
    let err = stderr(&lineup(&[
        "solve",
        path.to_str().unwrap(),
        "--comparability",
        "adjacent",
    ]));
    assert!(
        err.contains("1 name matched to the register as written otherwise (check it): Landeshauptstadt Kiel"),
        "{err}"
    );
}

#[test]
fn a_workbook_with_a_title_row_is_read_with_its_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("teilnehmende.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    // A title above the header, an empty row, then the table.
    sheet
        .write_string(0, 0, "Kommunaler Fachaustausch 2026 – teilnehmende Kommunen")
        .unwrap();
    let header = ["Gemeinde", "EW", "Ansprechpartner"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let rows: [(&str, f64, &str); 6] = [
        ("Landeshauptstadt Kiel", 246_000.0, "Frau Albers"),
        ("Weiden", 42_000.0, ""),
        ("Passau", 52_000.0, "Herr Kaya"),
        ("Görlitz", 55_000.0, ""),
        ("Weimar", 65_000.0, ""),
        ("Stralsund", 59_000.0, ""),
    ];
    for (r, (name, ew, contact)) in rows.iter().enumerate() {
        let row = r as u32 + 3;
        sheet.write_string(row, 0, *name).unwrap();
        sheet.write_number(row, 1, *ew).unwrap();
        sheet.write_string(row, 2, *contact).unwrap();
    }
    book.save(&path).unwrap();
    let file = path.to_str().unwrap();
    let args = ["solve", file, "--cluster-size", "1..7", "--format", "json"];
    let o = lineup(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for expected in [
        // The EW column is not read, so Weiden has no population to decide.
        "column `EW` is not read; population taken from the register",
        // The sheet's row 5 is Weiden (title, empty row, header, Kiel).
        "row 5: `Weiden` was taken for Weiden (Rheinland-Pfalz, 07134091, 87 inhabitants), but Weiden i.d.OPf. (Bayern, 09363000, 42,743 inhabitants)",
        "1 name matched to the register as written otherwise (check it): Landeshauptstadt Kiel → Kiel (Schleswig-Holstein, 01002000)",
        "`population` of 6 rows taken from the register",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let r = json(&args);
    let members: Vec<&serde_json::Value> = r["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["members"].as_array().unwrap())
        .collect();
    let mut ids: Vec<&str> = members.iter().map(|m| m["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "01002000", "07134091", "09262000", "13073088", "14626110", "16055000"
        ],
        "the title row is no municipality, every row is read"
    );
    // The planner's extra column travels through.
    let kiel = members.iter().find(|m| m["id"] == "01002000").unwrap();
    assert_eq!(kiel.to_string().matches("Frau Albers").count(), 1, "{kiel}");
}
