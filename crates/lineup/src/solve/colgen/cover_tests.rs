//! The cover search against brute force: the best lineup, nothing above
//! the optimum, the node budget, and the root's branches in parallel.

use super::cover::{Cover, reduced};
use super::cover_cases::cases;
use super::master::{Duals, Phase};
use crate::cancel::Stop;
use crate::solve::columns::{Bits, Column};

#[test]
fn the_search_finds_the_best_partition_brute_force_finds() {
    for case in cases() {
        let (cols, n, k, best) = (&case.cols, case.n, case.k, case.best);
        // From below the optimum: the search finds it.
        match case.run(|p, f, b, s| p.best(f, b, s), best - 1.0) {
            Cover::Finished(Some((v, chosen))) => {
                assert!((v - best).abs() < 1e-9, "n {n}, k {k}: {v} vs {best}");
                assert_eq!(chosen.len(), k);
                let covered = chosen.iter().fold(0 as Bits, |b, &j| {
                    assert_eq!(b & cols[j].members, 0);
                    b | cols[j].members
                });
                assert_eq!(covered, (1 << n) - 1);
            }
            other => panic!("n {n}, k {k}: {other:?}"),
        }
        // At the optimum: nothing better, and the search says so.
        assert_eq!(
            case.run(|p, f, b, s| p.best(f, b, s), best + 1e-7),
            Cover::Finished(None)
        );
    }
}

#[test]
fn a_node_budget_stops_the_search_without_a_claim() {
    let case = &cases()[1];
    let out = case.partitioning().best(f64::NEG_INFINITY, 3, &Stop::default());
    assert!(matches!(out, Cover::Stopped(_)), "{out:?}");
}

#[test]
fn the_branches_in_parallel_find_what_one_search_finds() {
    let stop = Stop::default();
    for case in cases() {
        let p = case.partitioning();
        for below in [1e-3, 1.0, 40.0, f64::INFINITY] {
            let floor = case.best - below;
            let (one, _) = p.best_in(floor, u64::MAX, &stop, false);
            let (two, _) = p.best_in(floor, u64::MAX, &stop, true);
            match (&one, &two) {
                (Cover::Finished(Some((a, _))), Cover::Finished(Some((b, _)))) => {
                    assert!(
                        (a - case.best).abs() < 1e-9 && (b - case.best).abs() < 1e-9,
                        "{a} {b} {}",
                        case.best
                    );
                }
                _ => panic!("n {}: {one:?} vs {two:?}", case.n),
            }
        }
        let above = case.best + 1e-7;
        assert_eq!(p.best_in(above, u64::MAX, &stop, true).0, Cover::Finished(None));
        // A budget the root's branches cannot share stops them.
        assert!(matches!(
            p.best_in(case.best - 40.0, 3, &stop, true).0,
            Cover::Stopped(_)
        ));
    }
}

#[test]
fn reduced_values_follow_the_duals() {
    let col = Column {
        members: 0b1011,
        units: 0b1011,
        pen: 2.0,
        spr: 10.0,
    };
    let d = Duals {
        pis: vec![1.0, 2.0, 100.0, 3.0],
        sig: 0.5,
        m: 0.25,
        d: 0.0,
        rc: 0.0,
    };
    assert!((reduced(&col, Phase::MaxSpread { cap: 9.0 }, &d) - (10.0 - 6.0 - 0.5 - 0.5)).abs() < 1e-12);
}
