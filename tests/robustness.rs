//! Bad input gets an error, never a panic: the readers of municipalities,
//! lineups and MDGPLIB instances, and the problem check behind them, on
//! random bytes and on random almost-valid tables.

use std::time::Duration;

use lineup::{
    ClusterSize, Comparability, Problem, Settings, SolveOptions, SolverChoice, read_baseline, read_lineup,
    read_municipalities, solve, verify,
};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// Header names the readers know (in English and German), and some they don't.
const HEADERS: &[&str] = &[
    "id",
    "name",
    "state",
    "population",
    "lat",
    "lon",
    "cluster",
    "size_class",
    "AGS",
    "Gemeinde",
    "Bundesland",
    "Einwohner",
    "Breite",
    "Länge",
    "members",
    "",
    "x",
];

/// Cell values: valid ones, edge cases and junk.
const CELLS: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "5000",
    "150000",
    "1.234.567",
    "1,5",
    "48.1",
    "11.5",
    "-91",
    "181",
    "NaN",
    "inf",
    "1e400",
    "99999999999999999999999",
    "BY",
    "Bayern",
    "09",
    "17",
    "XX",
    "09162000",
    "01001000",
    "München",
    "Neunkirchen",
    "Görlitz",
    "\"",
    "\"a;b\"",
    "A",
    "Großstadt",
    "ü\u{0}",
];

/// A random table of up to 9 rows from the pools above, with `,` or `;`.
fn table() -> impl Strategy<Value = String> {
    let header = prop::collection::vec(prop::sample::select(HEADERS), 0..8);
    let rows = prop::collection::vec(prop::collection::vec(prop::sample::select(CELLS), 0..9), 0..10);
    (header, rows, any::<bool>()).prop_map(|(header, rows, semicolon)| join(&header, &rows, semicolon))
}

fn join(header: &[&str], rows: &[Vec<&str>], semicolon: bool) -> String {
    let sep = if semicolon { ";" } else { "," };
    let mut s = header.join(sep);
    for r in rows {
        s.push('\n');
        s.push_str(&r.join(sep));
    }
    s
}

/// A valid table of 6–14 municipalities (some Länder repeated, some
/// classes mixed), then a few cells replaced by junk, perhaps a column
/// renamed to its German alias or dropped.
fn almost_valid_table() -> impl Strategy<Value = String> {
    let row = (0..16u8, 0..4u8, 4_750..5_310u32, 600..1_500u32).prop_map(|(land, size, lat, lon)| {
        let population = [3_000u64, 12_000, 45_000, 250_000][usize::from(size)];
        (land, population, f64::from(lat) / 100.0, f64::from(lon) / 100.0)
    });
    let rows = prop::collection::vec(row, 6..15);
    let junk = prop::collection::vec((0..15usize, 0..6usize, prop::sample::select(CELLS)), 0..3);
    let header = (0..9usize, 0..18usize, any::<bool>());
    (rows, junk, header).prop_map(|(rows, junk, (rename, drop, semicolon))| {
        let mut header = vec!["id", "name", "state", "population", "lat", "lon"];
        let german = ["AGS", "Gemeinde", "Bundesland", "Einwohner", "Breite", "Länge"];
        let mut cells: Vec<Vec<String>> = rows
            .iter()
            .enumerate()
            .map(|(i, (land, population, lat, lon))| {
                vec![
                    format!("x{i}"),
                    format!("Ort {i}"),
                    format!("{:02}", land + 1),
                    population.to_string(),
                    lat.to_string(),
                    lon.to_string(),
                ]
            })
            .collect();
        for (r, c, v) in junk {
            if let Some(row) = cells.get_mut(r) {
                row[c] = v.to_string();
            }
        }
        if rename < 6 {
            header[rename] = german[rename];
        }
        if drop < 6 {
            header.remove(drop);
            for row in &mut cells {
                row.remove(drop);
            }
        }
        let rows: Vec<Vec<&str>> = cells
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        join(&header, &rows, semicolon)
    })
}

/// JSON documents: objects and arrays of objects with known keys and junk values.
fn json() -> impl Strategy<Value = String> {
    let value = prop::sample::select(
        &[
            "null",
            "1",
            "-5",
            "1e999",
            "\"BY\"",
            "\"09162000\"",
            "\"x\"",
            "[]",
            "{}",
            "true",
            "48.1",
            "\"München\"",
            "[\"01001000\"]",
        ][..],
    );
    let entry = prop::collection::vec((prop::sample::select(HEADERS), value), 0..7).prop_map(|kv| {
        let fields: Vec<String> = kv.iter().map(|(k, v)| format!("{k:?}: {v}")).collect();
        format!("{{{}}}", fields.join(", "))
    });
    (prop::collection::vec(entry, 0..6), 0..3u8).prop_map(|(entries, shape)| {
        let list = format!("[{}]", entries.join(", "));
        match shape {
            0 => list,
            1 => format!("{{\"municipalities\": {list}}}"),
            _ => format!("{{\"clusters\": {list}}}"),
        }
    })
}

/// MDGPLIB-like text: a header, bounds and weight lines with junk mixed in.
fn mdgp_text() -> impl Strategy<Value = String> {
    let token = prop::sample::select(
        &[
            "0",
            "1",
            "2",
            "3",
            "-1",
            "ds",
            "ss",
            "2.5",
            "x",
            "",
            "99999999999",
        ][..],
    );
    prop::collection::vec(prop::collection::vec(token, 0..8), 0..8)
        .prop_map(|lines| lines.iter().map(|l| l.join(" ")).collect::<Vec<_>>().join("\n"))
}

fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            300
        },
        max_shrink_iters: 0,
        failure_persistence: None,
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            base.rng_seed
        } else {
            RngSeed::Fixed(20_261_129)
        },
        ..base
    }
}

/// Everything a reader accepted goes on through the problem check, a quick
/// heuristic solve and the verifier without a panic; every municipality read
/// is in the lineup.
fn use_input(bytes: &[u8]) {
    let Ok(input) = read_municipalities(bytes, None) else {
        return;
    };
    let n = input.municipalities.len();
    // A lineup file written against these municipalities, from the same bytes.
    let _ = read_lineup(bytes, &input.municipalities);
    let settings = [
        Settings::default(),
        Settings::default()
            .with_cluster_size(ClusterSize::new(2, 7))
            .with_comparability(Comparability::Adjacent),
    ];
    for settings in settings {
        let Ok(problem) = Problem::new(input.municipalities.clone(), settings) else {
            continue;
        };
        let options = SolveOptions::default()
            .with_solver(SolverChoice::Heuristic)
            .with_time_limit(Duration::from_secs(5))
            .with_seed(1);
        if let Ok(solution) = solve(&problem, &options) {
            assert!(verify(&problem, &solution.lineup).is_ok());
            let placed: usize = solution.lineup.clusters.iter().map(|c| c.members.len()).sum();
            assert_eq!(placed, n, "every municipality read is placed");
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        use_input(&bytes);
        let _ = read_baseline(&bytes[..]);
        let _ = lineup::mdgp::read_instance(&bytes[..]);
    }

    #[test]
    fn random_tables_never_panic(text in table()) {
        use_input(text.as_bytes());
        let _ = read_baseline(text.as_bytes());
    }

    #[test]
    fn almost_valid_tables_never_panic(text in almost_valid_table()) {
        use_input(text.as_bytes());
    }

    #[test]
    fn random_json_never_panics(text in json()) {
        use_input(text.as_bytes());
        let _ = read_baseline(text.as_bytes());
    }

    #[test]
    fn random_mdgp_files_never_panic(text in mdgp_text()) {
        if let Ok(inst) = lineup::mdgp::read_instance(text.as_bytes()) {
            let _ = lineup::mdgp::read_solution(text.as_bytes(), &inst);
            let _ = lineup::mdgp::upper_bound(&inst);
        }
    }
}
