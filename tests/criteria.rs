//! Criteria of the planner's own and attributes: extra columns kept in
//! every output, `--alike` / `--different` on columns and built-in
//! attributes, clear errors, the JSON form, and the exact solver against
//! brute force with random criteria (scored by this test's own count).

use std::cmp::Ordering;
use std::time::Duration;

use lineup::{
    Cluster, ClusterSize, Criterion, Land, LatLon, Lex, Lineup, Municipality, Problem, ProblemError,
    Settings, SolveOptions, Status, Violation, solve, verify,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use crate::util::{fixture, json, lineup, stderr, stdout};

const PLANNER: &str = "growth-60-planner.csv";

fn planner() -> String {
    fixture(PLANNER).to_string_lossy().into_owned()
}

/// The clusters of a JSON report as lists of (member name, attribute value).
fn values(report: &serde_json::Value, attribute: &str) -> Vec<Vec<String>> {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["attributes"][attribute].as_str().unwrap_or("?").to_string())
                .collect()
        })
        .collect()
}

#[test]
fn extra_columns_are_kept_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let f = planner();
    let args = ["solve", f.as_str(), "--time-limit", "5", "--seed", "1"];
    // CSV: the planner's columns follow the lineup's, verbatim.
    let out = lineup(&[&args[..], &["--format", "csv"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "cluster,id,name,state,population,size_class,lat,lon,Träger,Erfahrung,Erfahrung_Jahre,Notiz"
    );
    assert!(
        csv.lines().any(|l| l.contains("01055035,Ratekau,")
            && l.ends_with(",Stadtverwaltung,ja,10,Ansprechpartnerin neu"))
    );
    assert_eq!(csv.lines().count(), 61);
    // JSON: per member.
    let report = json(&[&args[..], &["--format", "json"]].concat());
    let all: Vec<String> = values(&report, "Erfahrung").concat();
    assert_eq!(all.len(), 60);
    assert_eq!(all.iter().filter(|v| *v == "ja").count(), 19);
    // GeoJSON: as properties.
    let geo = dir.path().join("l.geojson");
    let out = lineup(&[&args[..], &["--output", geo.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let g: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&geo).unwrap()).unwrap();
    let props = &g["features"][0]["properties"];
    // A column of numbers is a number (see tests/attributes.rs).
    assert!(
        props["Träger"].is_string() && props["Erfahrung_Jahre"].is_number(),
        "{props}"
    );
    // The workbook's lineup sheet, read back as an input: the columns are there.
    let xlsx = dir.path().join("l.xlsx");
    let out = lineup(&[&args[..], &["--output", xlsx.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let back = lineup::read_municipalities(std::fs::File::open(&xlsx).unwrap(), None).unwrap();
    let ratekau = back.municipalities.iter().find(|m| m.id == "01055035").unwrap();
    assert_eq!(ratekau.attributes.get("Träger"), Some("Stadtverwaltung"));
    assert_eq!(ratekau.attributes.get("Erfahrung_Jahre"), Some("10"));
    assert_eq!(ratekau.attributes.get("Notiz"), Some("Ansprechpartnerin neu"));
}

#[test]
fn alike_gives_homogeneous_clusters_and_stays_optimal() {
    let f = planner();
    let report = json(&[
        "solve",
        &f,
        "--alike",
        "Erfahrung",
        "--format",
        "json",
        "--time-limit",
        "20",
        "--seed",
        "1",
    ]);
    for c in values(&report, "Erfahrung") {
        assert!(c.iter().all(|v| *v == c[0]), "mixed cluster {c:?}");
    }
    assert_eq!(report["status"], "optimal", "{}", report["blocks"]);
    assert_eq!(report["settings"]["criteria"][0]["kind"], "alike");
    // Each cluster names the criterion's value counts.
    let tally = &report["clusters"][0]["metrics"]["criteria"][0];
    assert_eq!(tally["criterion"], "alike Erfahrung");
    assert_eq!(tally["cost"], 0.0);
}

#[test]
fn different_district_and_east_west_cost_pairs_and_are_verified() {
    let f = fixture("growth-60.csv").to_string_lossy().into_owned();
    let base = json(&[
        "solve",
        &f,
        "--format",
        "json",
        "--time-limit",
        "20",
        "--seed",
        "1",
    ]);
    let with = json(&[
        "solve",
        &f,
        "--different",
        "east_west=0.5",
        "--different",
        "municipality_type",
        "--format",
        "json",
        "--time-limit",
        "20",
        "--seed",
        "1",
    ]);
    let obj = &with["objective"];
    let criteria = obj["criteria_penalty"].as_f64().unwrap();
    assert!(criteria > 0.0, "{obj}");
    assert_eq!(
        obj["penalty"].as_f64().unwrap(),
        criteria + obj["same_state_pairs"].as_f64().unwrap(),
        "{obj}"
    );
    // Level 1 is a sum: the same-Land pairs alone cannot be fewer than without criteria.
    assert!(obj["same_state_pairs"].as_u64() >= base["objective"]["same_state_pairs"].as_u64());
    assert!(base["objective"].get("criteria_penalty").is_none());
    // The status is truthful: optimal only with a matching bound.
    if with["status"] == "optimal" {
        assert!((with["bound"]["penalty"].as_f64().unwrap() - obj["penalty"].as_f64().unwrap()).abs() < 1e-6);
    }
    let members: Vec<&serde_json::Value> = with["clusters"][0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    assert!(
        members[0]["attributes"]["east_west"].is_string(),
        "built-ins named by a criterion are shown"
    );
}

#[test]
fn unknown_attribute_suggests_the_nearest_column() {
    let f = planner();
    let out = lineup(&["solve", &f, "--alike", "Erfarung"]);
    assert!(!out.status.success());
    let e = stderr(&out);
    assert!(
        e.contains("no column `Erfarung`; did you mean `Erfahrung`?"),
        "{e}"
    );
    let out = lineup(&["solve", &f, "--different", "Distrikt=2"]);
    assert!(
        stderr(&out).contains("did you mean `district`?"),
        "{}",
        stderr(&out)
    );
    let out = lineup(&["solve", &f, "--alike", "Erfahrung:hart"]);
    assert!(stderr(&out).contains("ATTRIBUTE:soft"), "{}", stderr(&out));
}

#[test]
fn an_impossible_alike_is_explained() {
    // degurba splits the Großstädte (13: two clusters) into groups that do not fit.
    let f = fixture("growth-60.csv").to_string_lossy().into_owned();
    let out = lineup(&["solve", &f, "--alike", "degurba"]);
    assert!(!out.status.success());
    let e = stderr(&out);
    assert!(e.contains("alike degurba splits"), "{e}");
    assert!(
        e.contains("do not fit clusters of 6..7") || e.contains("clusters of 6..7, but"),
        "{e}"
    );
    assert!(e.contains("--alike degurba:soft"), "{e}");
}

#[test]
fn the_json_form_gives_the_same_as_the_flags() {
    let dir = tempfile::tempdir().unwrap();
    let ms = lineup::read_municipalities(std::fs::File::open(fixture(PLANNER)).unwrap(), None).unwrap();
    let doc = serde_json::json!({
        "municipalities": ms.municipalities,
        // In the order the command line applies them: every --alike, then every --different.
        "criteria": [{"kind": "alike", "attribute": "Erfahrung"},
                     {"kind": "different", "attribute": "Träger", "weight": 0.5}],
    });
    let path = dir.path().join("in.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let p = path.to_string_lossy().into_owned();
    let run = |extra: &[&str], file: &str| {
        let mut r = json(
            &[
                &[
                    "solve",
                    file,
                    "--format",
                    "json",
                    "--time-limit",
                    "10",
                    "--seed",
                    "3",
                ],
                extra,
            ]
            .concat(),
        );
        r["time_s"] = 0.into();
        for b in r["blocks"].as_array_mut().unwrap() {
            b["time_s"] = 0.into();
        }
        (
            r["clusters"].clone(),
            r["objective"].clone(),
            r["settings"]["criteria"].clone(),
        )
    };
    let from_json = run(&[], &p);
    let from_flags = run(&["--different", "Träger=0.5", "--alike", "Erfahrung"], &planner());
    assert_eq!(from_json, from_flags);
}

// ---------------------------------------------------------------------------
// Exact = brute force on small random instances with random criteria.

#[derive(Clone, Debug)]
struct Case {
    towns: Vec<(u8, u8, u8, f64, f64)>,
    size: (usize, usize),
    different_a: f64,
    soft_b: Option<f64>,
    hard_b: bool,
    /// A quota: (at least, on attribute A rather than B, value index, count).
    quota: Option<(bool, bool, u8, usize)>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec((0u8..4, 0u8..3, 0u8..2, 47.5..54.5f64, 6.5..14.5f64), 6..=9),
        prop::sample::select(vec![(2usize, 3usize), (2, 4), (3, 4)]),
        prop::sample::select(vec![0.5, 1.0, 3.0]),
        prop::option::of(prop::sample::select(vec![0.5, 2.0])),
        prop::bool::weighted(0.3),
        prop::option::weighted(0.6, (any::<bool>(), any::<bool>(), 0u8..2, 0usize..3)),
    )
        .prop_map(|(towns, size, different_a, soft_b, hard_b, quota)| Case {
            towns,
            size,
            different_a,
            soft_b,
            hard_b,
            quota,
        })
}

const A: [&str; 3] = ["Verein", "Stadt", "Kreis"];
const B: [&str; 2] = ["ja", "nein"];

fn problem(c: &Case) -> Option<Problem> {
    let towns: Vec<Municipality> = c
        .towns
        .iter()
        .enumerate()
        .map(|(i, &(l, a, b, lat, lon))| {
            Municipality::new(
                format!("m{i}"),
                format!("M{i}"),
                Land::ALL[l as usize * 4],
                50_000,
                LatLon { lat, lon },
            )
            .with_attribute("Träger", A[a as usize])
            .with_attribute("Erfahrung", B[b as usize])
        })
        .collect();
    let mut s = Settings::default()
        .with_cluster_size(ClusterSize::new(c.size.0, c.size.1))
        .with_criterion(Criterion::Different {
            attribute: "Träger".into(),
            weight: c.different_a,
        });
    if c.hard_b {
        s = s.with_criterion(Criterion::Alike {
            attribute: "erfahrung".into(),
            soft: None,
        });
    } else if let Some(w) = c.soft_b {
        s = s.with_criterion(Criterion::Alike {
            attribute: "Erfahrung".into(),
            soft: Some(w),
        });
    }
    if let Some((at_least, on_a, v, n)) = c.quota {
        let text = if on_a {
            format!("Träger={}:{n}", A[v as usize])
        } else {
            format!("Erfahrung={}:{n}", B[v as usize])
        };
        s = s.with_criterion(if at_least {
            Criterion::parse_at_least(&text).unwrap()
        } else {
            Criterion::parse_at_most(&text).unwrap()
        });
    }
    match Problem::new(towns, s) {
        Ok(p) => Some(p),
        // Infeasible, or a quota on a value no town has.
        Err(ProblemError::Infeasible(_) | ProblemError::UnknownValue { .. }) => None,
        Err(e) => panic!("generated settings rejected: {e}"),
    }
}

/// This test's own value of a partition (`None`: a hard rule broken):
/// same-Land pairs, plus its own count of the criteria's pairs; spread
/// from the verifier (the criteria do not touch it).
fn own_value(c: &Case, p: &Problem, lineup: &Lineup) -> Option<Lex> {
    let v = verify(p, lineup).ok()?;
    let mut pen = v.score.same_land_pairs as f64;
    for cl in &lineup.clusters {
        if let Some((at_least, on_a, value, n)) = c.quota {
            let have = cl
                .members
                .iter()
                .filter(|&&i| (if on_a { c.towns[i].1 } else { c.towns[i].2 }) == value)
                .count();
            if (at_least && have < n) || (!at_least && have > n) {
                return None;
            }
        }
        for (x, &i) in cl.members.iter().enumerate() {
            for &j in &cl.members[x + 1..] {
                let (ti, tj) = (c.towns[i], c.towns[j]);
                if ti.1 == tj.1 {
                    pen += c.different_a;
                }
                if ti.2 != tj.2 {
                    if c.hard_b {
                        return None;
                    }
                    pen += c.soft_b.unwrap_or(0.0);
                }
            }
        }
    }
    Some(Lex::new(-pen, v.score.spread))
}

fn brute_force(c: &Case, p: &Problem) -> Option<Lex> {
    let n = c.towns.len();
    let mut best: Option<Lex> = None;
    let mut a = vec![0usize; n];
    loop {
        let k = a.iter().max().unwrap() + 1;
        if k == p.cluster_count() {
            let mut lineup = Lineup::default();
            for g in 0..k {
                lineup.clusters.push(Cluster {
                    id: p.blocks()[0].cluster_ids[g].clone(),
                    members: (0..n).filter(|&i| a[i] == g).collect(),
                });
            }
            if let Some(v) = own_value(c, p, &lineup) {
                if best.is_none_or(|b| v.cmp_tol(&b) == Ordering::Greater) {
                    best = Some(v);
                }
            }
        }
        // Next restricted growth string.
        let mut i = n - 1;
        loop {
            let max_prefix = a[..i].iter().max().copied().unwrap_or(0);
            if i > 0 && a[i] <= max_prefix {
                a[i] += 1;
                a[i + 1..].iter_mut().for_each(|x| *x = 0);
                break;
            }
            if i == 0 {
                return best;
            }
            i -= 1;
        }
    }
}

#[test]
fn exact_solver_with_criteria_equals_brute_force() {
    let mut runner = TestRunner::new(Config {
        cases: 48,
        max_shrink_iters: 0,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(20_261_129),
        ..Config::default()
    });
    let ran = std::cell::Cell::new(0);
    runner
        .run(&(case(), 0u64..1000), |(c, seed)| {
            let Some(p) = problem(&c) else { return Ok(()) };
            let best = brute_force(&c, &p);
            let options = SolveOptions::default()
                .with_time_limit(Duration::from_secs(30))
                .with_seed(seed);
            match (solve(&p, &options), best) {
                (Ok(s), Some(best)) => {
                    let own = own_value(&c, &p, &s.lineup);
                    prop_assert!(own.is_some(), "the solver's lineup breaks a rule");
                    prop_assert_eq!(s.status, Status::Optimal, "{:?}", s.blocks);
                    let got = own.unwrap();
                    prop_assert_eq!(
                        got.cmp_tol(&best),
                        Ordering::Equal,
                        "solver {} vs brute force {}",
                        got,
                        best
                    );
                    prop_assert!((s.verified.score.penalty + got.first).abs() < 1e-6);
                }
                (Err(_), None) => {}
                (Ok(_), None) => prop_assert!(false, "solver found a lineup where brute force found none"),
                (Err(e), Some(best)) => prop_assert!(false, "solver failed ({}) but {} exists", e, best),
            }
            ran.set(ran.get() + 1);
            Ok(())
        })
        .unwrap();
    assert!(ran.get() >= 20, "only {} cases formed a problem", ran.get());
}

#[test]
fn the_verifier_finds_a_mixed_alike_cluster() {
    let at = |i: usize| LatLon {
        lat: 50.0 + i as f64 * 0.1,
        lon: 10.0,
    };
    let towns: Vec<Municipality> = (0..8)
        .map(|i| {
            Municipality::new(format!("m{i}"), format!("M{i}"), Land::ALL[i], 50_000, at(i))
                .with_attribute("Erfahrung", B[i % 2])
        })
        .collect();
    let s = Settings::default()
        .with_cluster_size(ClusterSize::new(4, 4))
        .with_criterion(Criterion::parse_alike("Erfahrung").unwrap());
    let p = Problem::new(towns, s).unwrap();
    let ids = &p.blocks()[0].cluster_ids;
    let two = |a: [usize; 4], b: [usize; 4]| crate::util::two_clusters(ids, &a, &b);
    let mixed = two([0, 1, 2, 3], [4, 5, 6, 7]);
    let e = verify(&p, &mixed).unwrap_err();
    assert!(
        e.iter()
            .any(|v| matches!(v, Violation::Alike { attribute, .. } if attribute == "Erfahrung")),
        "{e}"
    );
    let alike = two([0, 2, 4, 6], [1, 3, 5, 7]);
    assert!(verify(&p, &alike).is_ok());
    // A soft criterion's cost is in the verified penalty.
    let s = Settings::default()
        .with_cluster_size(ClusterSize::new(4, 4))
        .with_criterion(Criterion::parse_alike("Erfahrung:soft=2").unwrap());
    let p2 = Problem::new(p.municipalities().to_vec(), s).unwrap();
    let v = verify(&p2, &mixed).unwrap();
    assert_eq!(
        v.score.criteria_penalty,
        2.0 * 8.0,
        "4 mixed pairs in each cluster"
    );
    assert_eq!(
        v.score.penalty,
        v.score.criteria_penalty + v.score.same_land_pairs as f64
    );
}

#[test]
fn alternatives_and_explain_honour_the_criteria() {
    let f = planner();
    let r = json(&[
        "alternatives",
        &f,
        "--alike",
        "Erfahrung",
        "-k",
        "2",
        "--min-difference",
        "4",
        "--format",
        "json",
        "--time-limit",
        "10",
    ]);
    let lineups = r["lineups"].as_array().unwrap();
    assert!(!lineups.is_empty());
    for l in lineups {
        for c in values(l, "Erfahrung") {
            assert!(
                c.iter().all(|v| *v == c[0]),
                "an alternative mixes Erfahrung: {c:?}"
            );
        }
    }
    // explain: a move into a cluster of the other value is blocked by the criterion.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("l.json");
    let o = lineup(&[
        "solve",
        &f,
        "--alike",
        "Erfahrung",
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
        "--time-limit",
        "10",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let e = json(&[
        "explain",
        &f,
        out.to_str().unwrap(),
        "--alike",
        "Erfahrung",
        "--municipality",
        "01055035",
        "--format",
        "json",
    ]);
    let text = e.to_string();
    assert!(text.contains("alike Erfahrung: Ratekau has ja, but"), "{text}");
}
