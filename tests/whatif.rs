//! What-if analysis: stable re-optimisation when municipalities join or
//! leave, on growth-60 and its successor growth-68 (8 joiners).

use std::collections::HashMap;

use lineup::{
    Baseline, BaselineCluster, Municipality, Problem, Settings, SolveError, SolveOptions, SolverChoice,
    Stability, Suggestion, WhatIf, WhatIfError, solve, whatif,
};

use crate::util::{fixture, json, lineup, municipalities, stderr};

fn options() -> SolveOptions {
    SolveOptions::default().with_solver(SolverChoice::Heuristic)
}

/// growth-60 solved, as a baseline.
fn baseline() -> (Vec<Municipality>, Baseline) {
    let ms = municipalities("growth-60.csv");
    let problem = Problem::new(ms.clone(), Settings::default()).unwrap();
    let solution = solve(&problem, &options()).unwrap();
    (ms, Baseline::from_solution(&problem, &solution))
}

fn run(ms: Vec<Municipality>, base: &Baseline, stability: Stability) -> WhatIf {
    whatif(ms, Settings::default(), base, &stability, &options()).unwrap()
}

/// Each member's cluster id, by municipality id.
fn clusters_by_id(w: &WhatIf) -> HashMap<String, String> {
    let ms = w.problem.municipalities();
    w.solution
        .lineup
        .clusters
        .iter()
        .flat_map(|c| c.members.iter().map(move |&i| (ms[i].id.clone(), c.id.clone())))
        .collect()
}

fn baseline_by_id(b: &Baseline) -> HashMap<String, String> {
    b.clusters
        .iter()
        .flat_map(|c| c.members.iter().map(move |m| (m.id.clone(), c.id.clone())))
        .collect()
}

/// Moves observed by comparing the two lineups member by member.
fn observed_moves(w: &WhatIf, b: &Baseline) -> Vec<(String, String, String)> {
    let before = baseline_by_id(b);
    let mut moved: Vec<_> = clusters_by_id(w)
        .into_iter()
        .filter_map(|(id, to)| {
            let from = before.get(&id)?;
            (*from != to).then(|| (id, from.clone(), to))
        })
        .collect();
    moved.sort();
    moved
}

fn reported_moves(w: &WhatIf) -> Vec<(String, String, String)> {
    let mut m: Vec<_> = w
        .diff
        .moved
        .iter()
        .map(|m| (m.id.clone(), m.from.clone(), m.to.clone()))
        .collect();
    m.sort();
    m
}

#[test]
fn an_unchanged_list_keeps_the_baseline_in_every_mode() {
    let (ms, base) = baseline();
    for stability in [
        Stability::default(),
        Stability {
            max_moves: Some(0),
            weight: None,
        },
        Stability {
            max_moves: None,
            weight: Some(1.0),
        },
    ] {
        let w = run(ms.clone(), &base, stability);
        assert_eq!(w.diff.moves(), 0, "{stability:?}");
        assert!(w.diff.joined.is_empty() && w.diff.left.is_empty());
        assert!(w.diff.opened.is_empty() && w.diff.closed.is_empty());
        assert_eq!(clusters_by_id(&w), baseline_by_id(&base));
        let before = w.diff.objective_before.as_ref().unwrap();
        assert!((before.spread - w.diff.objective_after.spread).abs() < 1e-9);
    }
}

#[test]
fn joiners_that_fit_cause_no_moves() {
    let (ms, base) = baseline();
    // growth-68 adds 1 Großstadt, 1 Mittelstadt (each class has room for one)
    // and 6 Kleinstädte (a fifth cluster opens for them).
    let w = run(municipalities("growth-68.csv"), &base, Stability::default());
    assert_eq!(w.diff.moves(), 0);
    assert!(w.diff.moves_proven_minimal);
    assert_eq!(w.diff.joined.len(), 8);
    assert_eq!(w.diff.opened, vec!["Kleinstadt-5".to_string()]);
    let after = clusters_by_id(&w);
    for (id, cluster) in baseline_by_id(&base) {
        assert_eq!(after[&id], cluster, "{id} stayed");
    }
    assert_eq!(after.len(), ms.len() + 8);
}

#[test]
fn moves_reported_are_moves_observed() {
    let (_, base) = baseline();
    for stability in [
        Stability::default(),
        Stability {
            max_moves: Some(3),
            weight: None,
        },
        Stability {
            max_moves: None,
            weight: Some(0.5),
        },
    ] {
        let w = run(municipalities("growth-68.csv"), &base, stability);
        assert_eq!(reported_moves(&w), observed_moves(&w, &base), "{stability:?}");
        if let Some(cap) = stability.max_moves {
            assert!(w.diff.moves() <= cap);
        }
        assert!(w.diff.moves() >= w.diff.moves_lower_bound);
    }
}

#[test]
fn moves_buy_a_better_objective_only_when_allowed() {
    let (_, base) = baseline();
    let ms = municipalities("growth-68.csv");
    let stable = run(ms.clone(), &base, Stability::default());
    let soft = run(
        ms.clone(),
        &base,
        Stability {
            max_moves: None,
            weight: Some(0.5),
        },
    );
    let capped = run(
        ms,
        &base,
        Stability {
            max_moves: Some(3),
            weight: None,
        },
    );
    let value = |w: &WhatIf| w.solution.verified.score.value(&Settings::default().weights());
    // The soft trade-off moves members only for a gain worth their cost.
    assert!(soft.diff.moves() > 0);
    let gain = stable.diff.objective_after.penalty - soft.diff.objective_after.penalty;
    assert!(gain >= 0.5 * soft.diff.moves() as f64, "gain {gain}");
    // More freedom never makes the lineup worse.
    assert!(value(&capped).cmp_tol(&value(&stable)).is_ge());
}

/// Two members leave a Mittelstadt cluster of 7: it falls to 5. Returns
/// that cluster and the current list.
fn two_leave_a_cluster_of_seven(
    base: &Baseline,
    ms: Vec<Municipality>,
) -> (BaselineCluster, Vec<Municipality>) {
    let seven = base
        .clusters
        .iter()
        .find(|c| c.id.starts_with("Mittelstadt") && c.members.len() == 7)
        .unwrap()
        .clone();
    let gone: Vec<String> = seven.members[..2].iter().map(|m| m.id.clone()).collect();
    let current = ms.into_iter().filter(|m| !gone.contains(&m.id)).collect();
    (seven, current)
}

#[test]
fn leavers_below_the_minimum_are_repaired_with_the_fewest_moves() {
    let (ms, base) = baseline();
    let (seven, current) = two_leave_a_cluster_of_seven(&base, ms);
    let w = run(current, &base, Stability::default());
    assert_eq!(w.diff.left.len(), 2);
    assert!(w.diff.left.iter().all(|l| l.from == seven.id && l.name.is_some()));
    assert_eq!(w.diff.moves_lower_bound, 1);
    assert_eq!(w.diff.moves(), 1);
    assert!(w.diff.moves_proven_minimal);
    assert_eq!(w.diff.moved[0].to, seven.id);
    assert!(
        w.diff
            .notes
            .iter()
            .map(ToString::to_string)
            .any(|n| n.contains(&seven.id) && n.contains("fell to 5")),
        "{:?}",
        w.diff.notes
    );
    assert_eq!(reported_moves(&w), observed_moves(&w, &base));
}

#[test]
fn a_cluster_closes_when_too_few_members_remain() {
    let (ms, base) = baseline();
    // Seven of the 13 Großstädte leave: 6 remain, one cluster.
    let gross: Vec<&BaselineCluster> = base
        .clusters
        .iter()
        .filter(|c| c.id.starts_with("Großstadt"))
        .collect();
    assert_eq!(gross.len(), 2);
    let mut gone: Vec<String> = gross[0].members[..4].iter().map(|m| m.id.clone()).collect();
    gone.extend(gross[1].members[..3].iter().map(|m| m.id.clone()));
    let current: Vec<Municipality> = ms.into_iter().filter(|m| !gone.contains(&m.id)).collect();
    let w = run(current, &base, Stability::default());
    assert_eq!(w.diff.closed.len(), 1);
    assert_eq!(w.diff.left.len(), 7);
    let closed = &w.diff.closed[0];
    let remaining = gross.iter().find(|c| &c.id == closed).unwrap().members.len()
        - if closed == &gross[0].id { 4 } else { 3 };
    assert_eq!(w.diff.moves(), remaining);
    assert_eq!(w.diff.moves_lower_bound, remaining);
    assert!(w.diff.moved.iter().all(|m| &m.from == closed));
}

#[test]
fn a_member_whose_size_class_changed_moves() {
    let (mut ms, base) = baseline();
    // A Mittelstadt grows into a Großstadt: it must leave its cluster.
    let i = ms
        .iter()
        .position(|m| (20_000..100_000).contains(&m.population))
        .unwrap();
    ms[i].population = 150_000;
    // Großstädte: 14 in 2 clusters (7 + 7); Mittelstädte: 19 in 3.
    let w = run(ms.clone(), &base, Stability::default());
    assert_eq!(w.diff.moves(), 1);
    assert_eq!(w.diff.moved[0].id, ms[i].id);
    assert!(w.diff.moved[0].to.starts_with("Großstadt"));
}

#[test]
fn a_cap_below_the_fewest_moves_is_explained() {
    let (ms, base) = baseline();
    let (_, current) = two_leave_a_cluster_of_seven(&base, ms);
    let e = whatif(
        current,
        Settings::default(),
        &base,
        &Stability {
            max_moves: Some(0),
            weight: None,
        },
        &options(),
    )
    .unwrap_err();
    match e {
        WhatIfError::Solve(SolveError::Infeasible(inf)) => {
            assert!(
                inf.reason.contains("at least 1 move of a baseline member"),
                "{}",
                inf.reason
            );
            assert!(inf.suggestions.contains(&Suggestion::MaxMoves(1)));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn cli_whatif_prints_the_solve_json_plus_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    let o = lineup(&[
        "solve",
        fixture("growth-60.csv").to_str().unwrap(),
        "--solver",
        "heuristic",
        "--format",
        "json",
        "-o",
        base.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g68 = fixture("growth-68.csv");
    let args = [
        "whatif",
        g68.to_str().unwrap(),
        "--baseline",
        base.to_str().unwrap(),
        "--solver",
        "heuristic",
        "--format",
        "json",
    ];
    let r = json(&args);
    assert!(r["status"].is_string() && r["clusters"].is_array() && r["settings"].is_object());
    let d = &r["diff"];
    for key in ["joined", "moved", "left", "opened", "closed"] {
        assert!(d[key].is_array(), "diff.{key}");
    }
    assert!(d["objective_before"]["spread"].is_number());
    assert!(d["objective_after"]["spread"].is_number());
    assert_eq!(d["joined"].as_array().unwrap().len(), 8);
    // Deterministic: the same run gives the same lineup and diff.
    let again = json(&args);
    assert_eq!(r["clusters"], again["clusters"]);
    assert_eq!(r["diff"], again["diff"]);
    // Two members leave a Mittelstadt cluster of 7, and no move is allowed:
    // exit code 1 with the reason.
    let b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    let seven = b["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["size_class"] == "Mittelstadt" && c["members"].as_array().unwrap().len() == 7)
        .unwrap();
    let gone: Vec<&str> = (0..2)
        .map(|k| seven["members"][k]["id"].as_str().unwrap())
        .collect();
    let text = std::fs::read_to_string(fixture("growth-60.csv")).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !gone.iter().any(|g| l.starts_with(g)))
        .collect();
    assert_eq!(kept.len(), 59);
    let current = dir.path().join("current.csv");
    std::fs::write(&current, kept.join("\n")).unwrap();
    let o = lineup(&[
        "whatif",
        current.to_str().unwrap(),
        "--baseline",
        base.to_str().unwrap(),
        "--max-moves",
        "0",
        "--solver",
        "heuristic",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("at least 1 move of a baseline member"),
        "{}",
        stderr(&o)
    );
    // Without the cap: the table lists who left and who moved.
    let o = lineup(&[
        "whatif",
        current.to_str().unwrap(),
        "--baseline",
        base.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = crate::util::stdout(&o);
    assert!(table.contains("changes    0 joined, 1 moved, 2 left"), "{table}");
    assert!(table.contains("moves      1 (the fewest possible: 1)"), "{table}");
}
