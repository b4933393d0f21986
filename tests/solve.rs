//! Library-level solves on fixtures and crafted cases.

use std::time::Duration;

use lineup::{
    ClusterCount, ClusterSize, Comparability, Land, LatLon, Municipality, ObjectiveMode, Problem, Settings,
    SolveOptions, SolverChoice, Status, Weights, solve, verify,
};

use crate::util::municipalities;

fn opts() -> SolveOptions {
    SolveOptions::default().with_time_limit(Duration::from_secs(20))
}

#[test]
fn register_grossstaedte_level_one_is_proven() {
    let p = Problem::new(municipalities("grossstaedte-81.csv"), Settings::default()).unwrap();
    assert_eq!(p.cluster_count(), 12);
    // Level 1 is proven in closed form; level 2 gets 4 s of column generation.
    let s = solve(&p, &opts().with_time_limit(Duration::from_secs(4))).unwrap();
    assert!(verify(&p, &s.lineup).is_ok());
    assert_eq!(s.lineup.len(), 81);
    // NRW has 30 Großstädte in 12 clusters: at least 6·3 + 6·1 = 24 same-Land pairs.
    assert_eq!(s.verified.score.same_land_pairs, 24);
    assert_eq!(s.bound.penalty, 24.0);
    assert!(s.blocks[0].penalty_proven);
    assert!(s.gap.value >= 0.0 && s.bound.spread >= s.verified.score.spread);
}

#[test]
fn register_grossstaedte_of_a_quarter_million_are_proven_optimal() {
    // The 26 Großstädte of at least 250 000 inhabitants, with a generous
    // limit: column generation over evenly spread Länder proves level 2
    // (about 2 s on a busy 2-core machine).
    let ms: Vec<_> = municipalities("grossstaedte-81.csv")
        .into_iter()
        .filter(|m| m.population >= 250_000)
        .collect();
    assert_eq!(ms.len(), 26);
    let p = Problem::new(ms, Settings::default()).unwrap();
    let s = solve(&p, &opts().with_time_limit(Duration::from_secs(300))).unwrap();
    assert!(verify(&p, &s.lineup).is_ok());
    assert_eq!(s.status, Status::Optimal, "{:?}", s.blocks);
    assert!(s.blocks.iter().all(|b| b.penalty_proven));
    assert!((s.bound.spread - s.verified.score.spread).abs() < 1e-3 * s.bound.spread);
    assert_eq!(s.gap.value, 0.0);
}

#[test]
fn register_grossstaedte_are_proven_optimal_with_a_generous_limit() {
    // All 81 Großstädte: column generation over one wide enumeration and
    // the closing step over it (some 10 s on a quiet 2-core machine).
    let p = Problem::new(municipalities("grossstaedte-81.csv"), Settings::default()).unwrap();
    let s = solve(&p, &opts().with_time_limit(Duration::from_secs(300))).unwrap();
    assert!(verify(&p, &s.lineup).is_ok());
    assert_eq!(s.status, Status::Optimal, "{:?}", s.blocks);
    assert_eq!(s.verified.score.same_land_pairs, 24);
    // The optimum, found and proven by the column generation (the heuristic
    // alone ends at 834.11 on every seed).
    assert!(
        (s.verified.score.spread - 834.294_269_4).abs() < 1e-6,
        "{}",
        s.verified.score.spread
    );
    assert!((s.bound.spread - s.verified.score.spread).abs() < 1e-6);
    assert_eq!(s.gap.value, 0.0);
}

#[test]
fn adjacent_comparability_mixes_only_when_needed() {
    let ms = municipalities("eight-grossstaedte.csv");
    let p = Problem::new(
        ms,
        Settings::default().with_comparability(Comparability::Adjacent),
    )
    .unwrap();
    let s = solve(&p, &opts()).unwrap();
    assert_eq!(s.lineup.clusters.len(), 2);
    // 8 Großstädte + 6 Mittelstädte in two clusters of 7: one Großstadt joins
    // the Mittelstädte (6 mixed pairs) — the fewest possible.
    assert_eq!(s.verified.score.mixed_class_pairs, 6);
    assert_eq!(s.status, Status::Optimal);
}

#[test]
fn pins_links_and_caps_are_respected() {
    let mut ms = municipalities("growth-60.csv");
    let ids: Vec<String> = ms.iter().map(|m| m.id.clone()).collect();
    // Pin two Mittelstädte to a named cluster.
    let mittel: Vec<usize> = (0..ms.len())
        .filter(|&i| (20_000..100_000).contains(&ms[i].population))
        .collect();
    ms[mittel[0]].cluster = Some("Nord".into());
    ms[mittel[1]].cluster = Some("Nord".into());
    let settings = Settings::default()
        .with_max_per_land(3)
        .with_must_link(ids[mittel[2]].clone(), ids[mittel[3]].clone())
        .with_cannot_link(ids[mittel[0]].clone(), ids[mittel[4]].clone());
    let p = Problem::new(ms, settings).unwrap();
    let s = solve(&p, &opts()).unwrap();
    let a = s.lineup.assignment(60);
    let nord = s.lineup.position("Nord").unwrap();
    assert_eq!(a[mittel[0]], Some(nord));
    assert_eq!(a[mittel[1]], Some(nord));
    assert_eq!(a[mittel[2]], a[mittel[3]]);
    assert_ne!(a[mittel[0]], a[mittel[4]]);
    assert!(verify(&p, &s.lineup).is_ok());
}

#[test]
fn weighted_mode_and_custom_weights() {
    let w = Weights {
        mode: ObjectiveMode::Weighted,
        distance_per_100km: 0.5,
        ..Weights::default()
    };
    let p = Problem::new(
        municipalities("growth-60.csv"),
        Settings::default().with_weights(w),
    )
    .unwrap();
    let s = solve(&p, &opts()).unwrap();
    let score = s.verified.score;
    assert!(
        (score.spread - (score.non_bordering_pairs as f64 + 0.5 * score.distance_km / 100.0)).abs() < 1e-6
    );
    assert!(
        s.bound.spread + 1e-6 >= score.spread - score.penalty,
        "{:?} {:?}",
        s.bound,
        s.blocks
    );
}

#[test]
fn more_clusters_than_needed() {
    let p = Problem::new(
        municipalities("growth-60.csv"),
        Settings::default()
            .with_cluster_size(ClusterSize::new(4, 7))
            .with_clusters(ClusterCount::Total(12)),
    )
    .unwrap();
    assert_eq!(p.cluster_count(), 12);
    // Flexible sizes weaken the LP bound: within 3 s some classes stop at the
    // time limit, which must be reported with a bound and a gap.
    let s = solve(&p, &opts().with_time_limit(Duration::from_secs(3))).unwrap();
    assert_eq!(s.lineup.clusters.len(), 12);
    assert!(verify(&p, &s.lineup).is_ok());
    if s.status != Status::Optimal {
        assert!(s.bound.spread >= s.verified.score.spread);
        assert!(s.blocks.iter().any(|b| b.status == Status::TimeLimit));
    }
}

#[test]
fn same_seed_same_lineup_on_any_thread_count() {
    let p = Problem::new(municipalities("grossstaedte-81.csv"), Settings::default()).unwrap();
    let o = SolveOptions::default()
        .with_solver(SolverChoice::Heuristic)
        .with_seed(3)
        .with_time_limit(Duration::from_secs(60));
    let a = solve(&p, &o).unwrap();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let b = one.install(|| solve(&p, &o).unwrap());
    assert!(!a.cut_by_time && !b.cut_by_time);
    assert_eq!(a.lineup, b.lineup);
}

#[test]
fn infeasible_rules_found_while_solving_are_explained() {
    // Six towns in one cluster, two of which must be apart: impossible.
    let ms: Vec<Municipality> = (0..6)
        .map(|i| {
            Municipality::new(
                format!("t{i}"),
                format!("T{i}"),
                Land::ALL[i],
                50_000,
                LatLon {
                    lat: 50.0 + i as f64 * 0.3,
                    lon: 9.0,
                },
            )
        })
        .collect();
    let p = Problem::new(ms, Settings::default().with_cannot_link("t0", "t1")).unwrap();
    let err = solve(&p, &opts()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("no feasible lineup"), "{text}");
}
