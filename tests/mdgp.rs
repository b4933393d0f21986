//! MDGPLIB: the evaluator reproduces the published best-known values, the
//! engine finds the proven optima of the small instances, and `lineup mdgp`
//! prints a checked answer.

use std::fs::File;

use lineup::mdgp::{self, MdgpOptions};

use crate::util::{fixture, json, lineup, stderr};

/// (instance, n, bkv, status) rows of BKV.tsv.
fn bkv() -> Vec<(String, usize, f64, String)> {
    std::fs::read_to_string(fixture("mdgp/BKV.tsv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].to_string(),
                f[1].parse().unwrap(),
                f[5].parse().unwrap(),
                f[6].to_string(),
            )
        })
        .collect()
}

fn instance(name: &str) -> mdgp::MdgpInstance {
    mdgp::read_instance(File::open(fixture(&format!("mdgp/instances/{name}.txt"))).unwrap()).unwrap()
}

#[test]
fn evaluator_reproduces_every_best_known_solution() {
    let mut checked = 0;
    for (name, n, value, _) in bkv().into_iter().filter(|r| r.1 >= 120) {
        let inst = instance(&name);
        assert_eq!(inst.n(), n);
        let sol = mdgp::read_solution(
            File::open(fixture(&format!("mdgp/solutions/{name}.sol"))).unwrap(),
            &inst,
        )
        .unwrap();
        let got = mdgp::check(&inst, &sol).unwrap();
        assert!((got - value).abs() <= 1e-3, "{name}: {got} vs BKV {value}");
        assert!(
            mdgp::upper_bound(&inst) >= got,
            "{name}: bound below a feasible value"
        );
        checked += 1;
    }
    assert_eq!(checked, 12);
}

#[test]
fn small_instances_reach_their_proven_optimum_with_every_seed() {
    let rows: Vec<_> = bkv().into_iter().filter(|r| r.3 == "optimal").collect();
    assert_eq!(rows.len(), 12);
    for (name, _, value, _) in rows {
        let inst = instance(&name);
        for seed in 0..3 {
            // The heuristic engine itself (enumeration off).
            let o = MdgpOptions {
                generations: Some(10),
                seed,
                exact: false,
                ..MdgpOptions::default()
            };
            let r = mdgp::solve(&inst, &o).unwrap();
            assert!(
                r.bound >= value - 1e-6,
                "{name}: bound {} below the optimum",
                r.bound
            );
            assert!(
                (r.objective - value).abs() <= 1e-3,
                "{name} seed {seed}: {} vs optimum {value}",
                r.objective
            );
            assert!(!r.cut_by_time);
        }
    }
}

#[test]
fn small_instances_are_proven_optimal_by_enumeration() {
    let rows: Vec<_> = bkv().into_iter().filter(|r| r.3 == "optimal").collect();
    assert_eq!(rows.len(), 12);
    for (name, _, value, _) in rows {
        let inst = instance(&name);
        let r = mdgp::solve(&inst, &MdgpOptions::default()).unwrap();
        assert_eq!(r.status, lineup::Status::Optimal, "{name}");
        assert!(
            (r.objective - value).abs() <= 1e-3,
            "{name}: {} vs optimum {value}",
            r.objective
        );
        assert_eq!(r.bound, r.objective, "{name}: a proof closes the gap");
        assert_eq!(mdgp::check(&inst, &r.groups), Ok(r.objective));
    }
    // Larger instances are left to the heuristic, which proves nothing.
    let big = instance("Geo_n120_ss_01");
    let o = MdgpOptions {
        generations: Some(1),
        ..MdgpOptions::default()
    };
    assert_eq!(mdgp::solve(&big, &o).unwrap().status, lineup::Status::Heuristic);
}

#[test]
fn same_seed_same_groups_on_any_thread_count() {
    let inst = instance("RanInt_n120_ds_01");
    let o = MdgpOptions {
        generations: Some(5),
        seed: 11,
        runs: 3,
        ..MdgpOptions::default()
    };
    let a = mdgp::solve(&inst, &o).unwrap();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let b = one.install(|| mdgp::solve(&inst, &o).unwrap());
    assert_eq!(a.groups, b.groups);
    assert_eq!(a.objective, b.objective);
    assert_eq!(a.winning_run, b.winning_run);
}

#[test]
fn cli_prints_a_checked_answer() {
    let f = fixture("mdgp/instances/Geo_n010_ss_01.txt");
    let r = json(&[
        "mdgp",
        f.to_str().unwrap(),
        "--generations",
        "5",
        "--format",
        "json",
        "--threads",
        "1",
    ]);
    assert!((r["objective"].as_f64().unwrap() - 3660.671).abs() < 1e-3);
    assert_eq!(r["status"], "optimal");
    let groups = r["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 10);
    assert!(r["bound"].as_f64().unwrap() >= 3660.671);
    assert!(r["time_s"].is_number());
    let table = lineup(&["mdgp", f.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&table.stdout).contains("proven optimal"),
        "{}",
        String::from_utf8_lossy(&table.stdout)
    );
    let o = lineup(&["mdgp", fixture("bad/empty.csv").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));
}
