//! What a planner trips over (issue 11): names written the planner's way,
//! columns not read, values from the register, every bad row at once with
//! the file's line numbers. Files are written as Excel on German Windows
//! writes them: Windows-1252, `;`, CRLF.

use std::path::{Path, PathBuf};

use crate::util::{json, lineup, stderr};

/// Writes `lines` as a Windows-1252 CSV with CRLF line ends.
pub fn excel_csv(dir: &Path, name: &str, lines: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut bytes = Vec::new();
    for line in lines {
        for c in line.chars() {
            let code = c as u32;
            assert!(code < 256, "{c} is not in Windows-1252's Latin-1 range");
            bytes.push(code as u8);
        }
        bytes.extend_from_slice(b"\r\n");
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

const GROSS: &[&str] = &[
    "Gemeinde;Bundesland;Einwohner;Ansprechpartner",
    "Landeshauptstadt Kiel;;;Frau Albers",
    "Hansestadt Rostock;;;",
    "Frankfurt a.M.;;;Herr Kaya",
    "Freiburg i.Br.;;;",
    "Halle;Sachsen-Anhalt;;",
    "Oldenburg (Oldb);;;",
    "Landeshauptstadt München;;;",
    "Mülheim a.d. Ruhr;;;",
    "Offenbach a.M.;;;",
    "Hansestadt Lübeck;;;",
    "Stadt Würzburg;;;",
    "Freie Hansestadt Bremen;;;",
];

#[test]
fn names_as_planners_write_them_are_matched_and_announced() {
    let dir = tempfile::tempdir().unwrap();
    let path = excel_csv(dir.path(), "grossstaedte.csv", GROSS);
    let file = path.to_str().unwrap();
    let r = json(&["solve", file, "--format", "json"]);
    let mut ids: Vec<String> = r["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["members"].as_array().unwrap().iter())
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "01002000", "01003000", "03403000", "04011000", "05117000", "06412000", "06413000", "08311000",
            "09162000", "09663000", "13003000", "15002000"
        ]
    );
    let err = stderr(&lineup(&["solve", file, "--format", "json"]));
    assert!(
        !err.contains("Ansprechpartner"),
        "extra columns travel through:\n{err}"
    );
    for expected in [
        "12 names matched to the register as written otherwise (check them): Landeshauptstadt Kiel → Kiel (Schleswig-Holstein, 01002000)",
        "Frankfurt a.M. → Frankfurt am Main (Hessen, 06412000)",
        "Halle → Halle (Saale) (Sachsen-Anhalt, 15002000)",
        "`population` of 12 rows taken from the register (Destatis, population 31.12.2019)",
        "`lat, lon` of 12 rows taken from the register",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn an_unread_population_column_is_named_and_a_far_population_picks_no_town() {
    let dir = tempfile::tempdir().unwrap();
    let ew = excel_csv(
        dir.path(),
        "ew.csv",
        &["Gemeinde;EW", "Lindau;25.900", "Görlitz;55.255"],
    );
    let err = stderr(&lineup(&["solve", ew.to_str().unwrap()]));
    assert!(
        err.contains("column `EW` is not read; population taken from the register (Destatis, population 31.12.2019) — rename it to `Einwohner` to use yours"),
        "{err}"
    );
    // Renamed, the file's 25 900 inhabitants do not fit the Lindau in
    // Schleswig-Holstein (1 353): the error names Lindau (Bodensee).
    let named = excel_csv(
        dir.path(),
        "einwohner.csv",
        &["Gemeinde;Einwohner", "Lindau;25.900", "Görlitz;55.255"],
    );
    let o = lineup(&["solve", named.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("row 2, field `name`: \"Lindau\" is Lindau (Schleswig-Holstein"),
        "{err}"
    );
    assert!(
        err.contains("but the file gives 25,900; Lindau (Bodensee) (Bayern"),
        "{err}"
    );
    // The planner's way out: the name with its Land.
    let fixed = excel_csv(
        dir.path(),
        "land.csv",
        &["Gemeinde;Land;Einwohner", "Lindau;Bayern;25.900"],
    );
    let err = stderr(&lineup(&["solve", fixed.to_str().unwrap()]));
    assert!(!err.contains("Lindau (Schleswig"), "{err}");
}

#[test]
fn every_bad_row_at_once_with_the_files_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = excel_csv(
        dir.path(),
        "bad.csv",
        &[
            "AGS;Gemeinde;Land;Einwohner",
            "09162000;München;BY;1.484.226",
            "01002000;Kiel;SH;viele",
            "",
            "03241012;Neustadt am Rübenberge;Niedersachen;44.386",
            "Pasau;;",
            "15002000;Halle (Saale);ST;238.762",
            "05754012;Halle (Westf.);NW",
        ],
    );
    let o = lineup(&["solve", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("4 rows cannot be used; correct them all and run again"),
        "{err}"
    );
    let rows: Vec<&str> = err
        .lines()
        .filter_map(|l| l.trim().strip_prefix("row "))
        .map(|l| l.split([',', ':']).next().unwrap())
        .collect();
    assert_eq!(
        rows,
        ["3", "5", "6", "8"],
        "the file's line numbers, in order:\n{err}"
    );
    assert!(err.contains("row 3, field `population`: \"viele\""), "{err}");
    assert!(
        err.contains("row 5, field `state`: unknown Land \"Niedersachen\""),
        "{err}"
    );

    // More than 20: the first 20, then a count.
    let mut lines = vec!["AGS;Einwohner".to_string()];
    lines.extend((0..25).map(|i| format!("0916200{i};x")));
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let many = excel_csv(dir.path(), "many.csv", &lines);
    let err = stderr(&lineup(&["solve", many.to_str().unwrap()]));
    assert!(err.contains("25 rows cannot be used"), "{err}");
    assert!(err.contains("  row 21, field"), "{err}");
    assert!(!err.contains("  row 22, field"), "{err}");
    assert!(err.trim_end().ends_with("and 5 more"), "{err}");
}

#[test]
fn a_misspelt_name_in_a_flag_gets_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let path = excel_csv(
        dir.path(),
        "six.csv",
        &[
            "Gemeinde", "Görlitz", "Passau", "Kiel", "Rostock", "Gotha", "Hameln",
        ],
    );
    let o = lineup(&["solve", path.to_str().unwrap(), "--must-link", "Görlitz,Pasau"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("\"Pasau\" is neither an id nor a name in the input; did you mean Passau (09262000)?"),
        "{}",
        stderr(&o)
    );
}
