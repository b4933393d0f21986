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

/// One test per line, as ripgrep's `rgtest!`: `name: [fixture, args…] =>
/// exit code, [texts the message must contain];`.
macro_rules! fails {
    ($($name:ident: [$fixture:expr $(, $arg:expr)*] => $code:expr, [$($text:expr),+ $(,)?];)+) => {$(
        #[test]
        fn $name() {
            let (code, err) = fails($fixture, &[$($arg),*]);
            assert_eq!(code, $code, "{err}");
            $(assert!(err.contains($text), "expected {:?} in: {err}", $text);)+
        }
    )+};
}

fails! {
    missing_column: ["bad/missing-column.csv"] => 2, [
        "missing-column.csv: row 1",
        "missing column `id or name`",
        "gemeindeschlüssel",
    ];
    unknown_name_lists_similar_names: ["bad/unknown-name.csv"] => 2, [
        "unknown-name.csv: row 3, field `name`: \"Frankfurt\" is no municipality in the register",
        "similar names: Frankfurt am Main (Hessen, 06412000), Frankfurt (Oder) (Brandenburg, 12053000)",
    ];
    ambiguous_name_lists_candidates: ["bad/ambiguous-name.csv"] => 2, [
        "row 5, field `name`: \"Neunkirchen\" matches 6 municipalities: Neunkirchen (Saarland, 10043114)",
        "Neunkirchen (Rheinland-Pfalz, Westerwaldkreis, 07143271)",
    ];
    unknown_id_suggests_close_ids: ["bad/unknown-id.csv"] => 2, [
        "row 2, field `id`: \"0916200\" is no AGS in the register (Destatis, 31.12.2020), so `name`, `state`, `population`, `lat`, `lon` cannot be filled in",
        "München (Bayern, 09162000)",
    ];
    non_numeric_population: ["bad/bad-population.csv"] => 2, [
        "bad-population.csv: row 4, field `population`: \"viele\" is not a whole number",
    ];
    unknown_land: ["bad/unknown-land.csv"] => 2, [
        "row 3, field `state`: unknown Land \"Bavarien\"",
        "abbreviation (BY)",
    ];
    duplicate_id: ["bad/duplicate-id.csv"] => 2, [
        "row 6, field `id`: duplicate id \"09564000\" (first seen in row 3)",
    ];
    empty_file: ["bad/empty.csv"] => 2, ["empty.csv: the input is empty"];
    header_only: ["bad/header-only.csv"] => 2, ["no municipality rows"];
    coordinates_out_of_range: ["bad/coordinates.csv"] => 2, ["row 5, field `lat`: 95.2 is out of range"];
    swapped_coordinates: ["bad/swapped-coordinates.csv"] => 2, ["row 2, field `lat`", "look swapped"];
    ragged_row: ["bad/ragged.csv"] => 2, ["row 7: this row has 5 fields but the header has 13"];
    broken_json: ["bad/broken.json"] => 2, ["broken.json: invalid JSON at line 1"];
    missing_file: ["does-not-exist.csv"] => 2, ["cannot open"];
    infeasible_bounds_are_explained: ["eight-grossstaedte.csv"] => 1, [
        "class Großstadt has 8 members, which do not fit clusters of 6..7",
        "1 cluster holds at most 7, 2 clusters need at least 12",
        "--comparability adjacent",
        "--cluster-size 4..7",
    ];
    unknown_link_key: ["kfa-18.csv", "--must-link", "09162000,nope"] => 2, [
        "must-link: \"nope\" is neither an id nor a name in the input",
    ];
    unknown_link_name_suggests_similar_names: ["kfa-18.csv", "--must-link", "Bad,Gotha"] => 2, [
        "did you mean Bad Tölz",
    ];
    impossible_cap: ["kfa-18.csv", "--max-per-land", "1"] => 1, [
        "Bayern has 2 members in Großstadt",
        "--max-per-land 2",
    ];
    impossible_link: ["kfa-18.csv", "--must-link", "09162000,16067029"] => 1, ["may not share a cluster"];
}

#[test]
fn register_errors_end_with_what_to_do() {
    let (_, err) = fails("bad/unknown-name.csv", &[]);
    assert!(
        err.trim_end()
            .ends_with("correct the name, or give the `id` (AGS)"),
        "{err}"
    );
    let (_, err) = fails("bad/ambiguous-name.csv", &[]);
    assert!(
        err.trim_end()
            .ends_with("add a `state` column or give the `id` (AGS)"),
        "{err}"
    );
}

#[test]
fn each_suggestion_for_infeasible_bounds_works() {
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
}
