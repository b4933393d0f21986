//! Every kind of bad input gives a clear message naming file, row and field,
//! and exit code 2 (input) or 1 (infeasible); never a panic.

use crate::util::{fixture, lineup, stderr};

/// Runs `solve` on a fixture and returns (exit code, stderr).
fn fails(name: &str, extra: &[&str]) -> (i32, String) {
    let path = fixture(name);
    let mut args = vec!["solve", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = lineup(&args);
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert!(o.stdout.is_empty(), "{name}: nothing on stdout on error");
    (o.status.code().expect("exit code"), err)
}

#[test]
fn missing_column() {
    let (code, err) = fails("bad/missing-column.csv", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("missing-column.csv: row 1"), "{err}");
    assert!(err.contains("missing column `id or name`"), "{err}");
    assert!(err.contains("gemeindeschlüssel"), "lists accepted names: {err}");
}

#[test]
fn unknown_and_ambiguous_names_list_candidates() {
    let (code, err) = fails("bad/unknown-name.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "unknown-name.csv: row 3, field `name`: \"Frankfurt\" is no municipality in the register"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "similar names: Frankfurt am Main (Hessen, 06412000), Frankfurt (Oder) (Brandenburg, 12053000)"
        ),
        "{err}"
    );
    assert!(
        err.trim_end()
            .ends_with("correct the name, or give the `id` (AGS)"),
        "{err}"
    );
    let (code, err) = fails("bad/ambiguous-name.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "row 5, field `name`: \"Neunkirchen\" matches 6 municipalities: Neunkirchen (Saarland, 10043114)"
        ),
        "{err}"
    );
    assert!(
        err.contains("Neunkirchen (Rheinland-Pfalz, Westerwaldkreis, 07143271)"),
        "{err}"
    );
    assert!(
        err.trim_end()
            .ends_with("add a `state` column or give the `id` (AGS)"),
        "{err}"
    );
}

#[test]
fn unknown_id_suggests_close_ids() {
    let (code, err) = fails("bad/unknown-id.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 2, field `id`: \"0916200\" is no AGS in the register (Destatis, 31.12.2020), so `name`, `state`, `population`, `lat`, `lon` cannot be filled in"),
        "{err}"
    );
    assert!(err.contains("München (Bayern, 09162000)"), "{err}");
}

#[test]
fn non_numeric_population() {
    let (code, err) = fails("bad/bad-population.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad-population.csv: row 4, field `population`: \"viele\" is not a whole number"),
        "{err}"
    );
}

#[test]
fn unknown_land() {
    let (code, err) = fails("bad/unknown-land.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 3, field `state`: unknown Land \"Bavarien\""),
        "{err}"
    );
    assert!(err.contains("abbreviation (BY)"), "{err}");
}

#[test]
fn duplicate_id() {
    let (code, err) = fails("bad/duplicate-id.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 6, field `id`: duplicate id \"09564000\" (first seen in row 3)"),
        "{err}"
    );
}

#[test]
fn empty_file() {
    let (code, err) = fails("bad/empty.csv", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("empty.csv: the input is empty"), "{err}");
    let (code, err) = fails("bad/header-only.csv", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no municipality rows"), "{err}");
}

#[test]
fn coordinates_out_of_range() {
    let (code, err) = fails("bad/coordinates.csv", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("row 5, field `lat`: 95.2 is out of range"), "{err}");
    let (code, err) = fails("bad/swapped-coordinates.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 2, field `lat`") && err.contains("look swapped"),
        "{err}"
    );
}

#[test]
fn ragged_row_and_broken_json() {
    let (code, err) = fails("bad/ragged.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 7: this row has 5 fields but the header has 13"),
        "{err}"
    );
    let (code, err) = fails("bad/broken.json", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("broken.json: invalid JSON at line 1"), "{err}");
}

#[test]
fn missing_file() {
    let (code, err) = fails("does-not-exist.csv", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot open"), "{err}");
}

#[test]
fn infeasible_bounds_are_explained() {
    let (code, err) = fails("eight-grossstaedte.csv", &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("class Großstadt has 8 members, which do not fit clusters of 6..7"),
        "{err}"
    );
    assert!(
        err.contains("1 cluster(s) hold at most 7, 2 clusters need at least 12"),
        "{err}"
    );
    assert!(err.contains("--comparability adjacent"), "{err}");
    assert!(err.contains("--cluster-size 4..7"), "{err}");
    // Each suggestion works.
    for fix in [
        ["--comparability", "adjacent"],
        ["--cluster-size", "4..7"],
        ["--cluster-size", "6..8"],
    ] {
        let o = lineup(&[
            "solve",
            fixture("eight-grossstaedte.csv").to_str().unwrap(),
            fix[0],
            fix[1],
        ]);
        assert!(o.status.success(), "{fix:?}: {}", stderr(&o));
    }
}

#[test]
fn bad_options_are_usage_errors() {
    for args in [
        ["--cluster-size", "7..6"],
        ["--clusters", "Metropole=2"],
        ["--classes", "100,50"],
        ["--weights", "speed=3"],
        ["--time-limit", "-1"],
        ["--must-link", "09162000"],
        ["--backend", "cplex"],
    ] {
        let (code, err) = fails("kfa-18.csv", &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
    let (code, err) = fails("kfa-18.csv", &["--must-link", "09162000,nope"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("must-link: \"nope\" is neither an id nor a name in the input"),
        "{err}"
    );
    // An unknown name suggests similar ones.
    let (code, err) = fails("kfa-18.csv", &["--must-link", "Bad,Gotha"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean Bad Tölz"), "{err}");
}

#[test]
fn impossible_caps_and_links_are_infeasible() {
    let (code, err) = fails("kfa-18.csv", &["--max-per-land", "1"]);
    assert_eq!(code, 1);
    assert!(err.contains("Bayern has 2 members in Großstadt"), "{err}");
    assert!(err.contains("--max-per-land 2"), "{err}");
    let (code, err) = fails("kfa-18.csv", &["--must-link", "09162000,16067029"]);
    assert_eq!(code, 1);
    assert!(err.contains("may not share a cluster"), "{err}");
}
