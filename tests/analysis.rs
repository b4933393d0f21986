//! Candidate lineups and explanations: alternatives are pairwise far apart
//! and best first; explanations' score changes equal re-scoring the changed
//! lineup, and a change is reported blocked exactly when the verifier
//! rejects it.

use lineup::{
    Cluster, Lineup, Problem, Settings, SolveOptions, SolverChoice, alternatives, explain,
    partition_distance, solve, verify,
};

use crate::util::{fixture, json, lineup, municipalities, stderr};

fn options() -> SolveOptions {
    SolveOptions::default().with_solver(SolverChoice::Heuristic)
}

fn problem(name: &str, settings: Settings) -> Problem {
    Problem::new(municipalities(name), settings).unwrap()
}

#[test]
fn alternatives_are_pairwise_far_apart_and_best_first() {
    let p = problem("growth-60.csv", Settings::default());
    let n = p.municipalities().len();
    let d = 6;
    let found = alternatives(&p, 4, d, &options()).unwrap();
    assert_eq!(found.lineups.len(), 4, "{:?}", found.note);
    let w = p.settings().weights();
    for (j, a) in found.lineups.iter().enumerate() {
        verify(&p, &a.solution.lineup).unwrap();
        assert_eq!(a.distances.len(), j);
        for (i, e) in found.lineups[..j].iter().enumerate() {
            let dist = partition_distance(&a.solution.lineup, &e.solution.lineup, n);
            assert!(dist >= d, "lineups {i} and {j} differ in only {dist}");
            assert_eq!(a.distances[i], dist);
            // Earlier lineups are at least as good.
            let (ve, va) = (
                e.solution.verified.score.value(&w),
                a.solution.verified.score.value(&w),
            );
            assert!(ve.cmp_tol(&va).is_ge());
        }
    }
    // The first is what `solve` finds with the same options.
    let best = solve(&p, &options().with_time_limit(options().time_limit() / 2)).unwrap();
    assert_eq!(
        found.lineups[0].solution.verified.score.value(&w),
        best.verified.score.value(&w)
    );
}

#[test]
fn a_forced_lineup_has_no_alternative() {
    let p = problem("kfa-18.csv", Settings::default());
    let found = alternatives(&p, 3, 2, &options()).unwrap();
    assert_eq!(found.lineups.len(), 1);
    assert!(found.note.unwrap().to_string().contains("only one"));
}

#[test]
fn cli_alternatives_prints_a_list_of_solve_reports() {
    let g = fixture("small-13.csv");
    let args = [
        "alternatives",
        g.to_str().unwrap(),
        "-k",
        "3",
        "--min-difference",
        "4",
        "--format",
        "json",
    ];
    let r = json(&args);
    let lineups = r["lineups"].as_array().unwrap();
    assert!(lineups.len() >= 2);
    for (i, l) in lineups.iter().enumerate() {
        assert_eq!(l["rank"], i + 1);
        assert!(l["status"].is_string() && l["clusters"].is_array() && l["objective"].is_object());
        assert_eq!(l["differs_from_earlier"].as_array().unwrap().len(), i);
    }
    assert_eq!(
        without_times(r),
        without_times(json(&args)),
        "same seed, same lineups"
    );
    let o = lineup(&["alternatives", g.to_str().unwrap(), "-k", "0"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// A report without its wall-clock times.
fn without_times(mut v: serde_json::Value) -> serde_json::Value {
    match &mut v {
        serde_json::Value::Object(o) => {
            o.remove("time_s");
            for x in o.values_mut() {
                *x = without_times(x.take());
            }
        }
        serde_json::Value::Array(a) => {
            for x in a.iter_mut() {
                *x = without_times(x.take());
            }
        }
        _ => {}
    }
    v
}

/// Total score of a lineup, summed cluster by cluster (no rule checks).
fn rescore(p: &Problem, l: &Lineup) -> (f64, f64) {
    l.clusters.iter().fold((0.0, 0.0), |acc, c| {
        let s = lineup::score_members(p, &c.members).score;
        (acc.0 + s.penalty, acc.1 + s.spread)
    })
}

fn moved(l: &Lineup, i: usize, to: &str, swap_with: Option<usize>) -> Lineup {
    let from = l.clusters.iter().position(|c| c.members.contains(&i)).unwrap();
    let dest = l.clusters.iter().position(|c| c.id == to).unwrap();
    let mut out = l.clone();
    out.clusters[from].members.retain(|&m| m != i);
    out.clusters[dest].members.push(i);
    if let Some(j) = swap_with {
        out.clusters[dest].members.retain(|&m| m != j);
        out.clusters[from].members.push(j);
    }
    for Cluster { members, .. } in &mut out.clusters {
        members.sort_unstable();
    }
    out
}

#[test]
fn explanations_match_rescoring_and_the_verifier() {
    // Caps and links make the blockers interesting.
    let ms = municipalities("growth-60.csv");
    let kleinstadt: Vec<&str> = ms
        .iter()
        .filter(|m| (5_000..20_000).contains(&m.population))
        .map(|m| m.id.as_str())
        .collect();
    let settings = Settings::default()
        .with_max_per_land(3)
        .with_must_link(kleinstadt[0], kleinstadt[5])
        .with_cannot_link(kleinstadt[1], kleinstadt[2]);
    let p = Problem::new(ms, settings).unwrap();
    let sol = solve(&p, &options()).unwrap();
    let l = &sol.lineup;
    let e = explain(&p, l, None).unwrap();
    assert_eq!(e.municipalities.len(), p.municipalities().len());
    assert_eq!(e.clusters.len(), l.clusters.len());
    let (p0, s0) = rescore(&p, l);
    let mut blocked = 0;
    let mut allowed = 0;
    for m in &e.municipalities {
        let i = p.index_of(&m.id).unwrap();
        for mv in &m.moves {
            let mut checks = vec![(moved(l, i, &mv.to, None), &mv.alone)];
            if let Some(s) = &mv.best_swap {
                checks.push((moved(l, i, &mv.to, p.index_of(&s.with)), &s.change));
            }
            for (after, change) in checks {
                let (p1, s1) = rescore(&p, &after);
                assert!(
                    (p1 - p0 - change.delta_penalty).abs() < 1e-9,
                    "{} → {}",
                    m.name,
                    mv.to
                );
                assert!(
                    (s1 - s0 - change.delta_spread).abs() < 1e-9,
                    "{} → {}",
                    m.name,
                    mv.to
                );
                let rejected = verify(&p, &after).is_err();
                assert_eq!(
                    rejected,
                    !change.blocked_by.is_empty(),
                    "{} → {}: {:?}",
                    m.name,
                    mv.to,
                    change.blocked_by
                );
                if rejected {
                    blocked += 1;
                } else {
                    allowed += 1;
                }
            }
        }
        // The share is what the cluster loses without the member.
        let c = l.clusters.iter().find(|c| c.id == m.cluster).unwrap();
        let rest: Vec<usize> = c.members.iter().copied().filter(|&x| x != i).collect();
        let full = lineup::score_members(&p, &c.members).score;
        let without = lineup::score_members(&p, &rest).score;
        assert!((full.spread - without.spread - m.spread_share).abs() < 1e-9);
    }
    assert!(blocked > 0 && allowed > 0, "blocked {blocked}, allowed {allowed}");
    // A lineup found by local search has no allowed improving exchange.
    assert!(
        e.municipalities
            .iter()
            .flat_map(|m| m.best_swap.iter())
            .all(|s| !(s.change.improves && s.change.blocked_by.is_empty())),
        "a local optimum has no improving allowed swap"
    );
}

#[test]
fn cli_explain_answers_why_a_town_is_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lineup.json");
    let kfa = fixture("kfa-18.csv");
    let o = lineup(&[
        "solve",
        kfa.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lineup(&[
        "explain",
        kfa.to_str().unwrap(),
        out.to_str().unwrap(),
        "--municipality",
        "16067029",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = crate::util::stdout(&o);
    assert!(
        text.starts_with("Gotha (16067029, Thüringen) in Mittelstadt-1"),
        "{text}"
    );
    assert!(text.contains("bordering: Hameln"), "{text}");
    let r = json(&[
        "explain",
        kfa.to_str().unwrap(),
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r["municipalities"].as_array().unwrap().len(), 18);
    assert_eq!(r["clusters"].as_array().unwrap().len(), 3);
    let o = lineup(&[
        "explain",
        kfa.to_str().unwrap(),
        out.to_str().unwrap(),
        "--municipality",
        "nope",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"nope\" is neither an id nor a name"),
        "{}",
        stderr(&o)
    );
    // By name, as a planner types it: the same answer as by id.
    let by_name = lineup(&[
        "explain",
        kfa.to_str().unwrap(),
        out.to_str().unwrap(),
        "--municipality",
        "gotha",
    ]);
    assert!(by_name.status.success(), "{}", stderr(&by_name));
    assert_eq!(crate::util::stdout(&by_name), text);
    let o = lineup(&[
        "explain",
        kfa.to_str().unwrap(),
        out.to_str().unwrap(),
        "--municipality",
        "Bad",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean Bad Tölz"), "{}", stderr(&o));
}

#[test]
fn explain_table_cuts_long_partner_lists_and_shows_names_safely() {
    // One cluster of 25 from one Land: 24 same-Land partners each, 300
    // same-Land pairs. The table lists 20 of each, then a count; names with
    // control characters reach the terminal as visible symbols.
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id,name,state,population,lat,lon\n");
    let mut members = Vec::new();
    for i in 0..25 {
        let lat = 47.6 + 0.1 * i as f64;
        csv.push_str(&format!(
            "X{i:02},Ort\u{1b}[2J {i},BY,{},{lat:.2},11.0\n",
            1000 + i
        ));
        members.push(serde_json::json!({ "id": format!("X{i:02}") }));
    }
    let file = dir.path().join("towns.csv");
    std::fs::write(&file, csv).unwrap();
    let lineup_file = dir.path().join("lineup.json");
    let clusters = serde_json::json!({ "clusters": [{ "id": "A", "members": members }] });
    std::fs::write(&lineup_file, clusters.to_string()).unwrap();
    let o = lineup(&[
        "explain",
        file.to_str().unwrap(),
        lineup_file.to_str().unwrap(),
        "--cluster-size",
        "25..25",
    ]);
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.contains('\u{1b}'), "raw ESC in the table");
    assert!(out.contains("Ort␛[2J 0"), "{out}");
    let share = out
        .lines()
        .find(|l| l.trim_start().starts_with("share"))
        .expect("a share line");
    assert!(share.contains("same Land: "), "{share}");
    assert!(share.contains(", … and 4 more; bordering: none"), "{share}");
    let listed = share.split("; bordering").next().unwrap();
    assert_eq!(listed.matches("Ort").count(), 20, "{share}");
    let same = out
        .lines()
        .find(|l| l.trim_start().starts_with("same Land"))
        .expect("the cluster's same-Land pairs");
    assert!(same.ends_with(", … and 280 more"), "{same}");
}

#[test]
fn explain_counts_the_clusters_of_other_classes_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let kfa = fixture("kfa-18.csv");
    // `--classes 100000`: one cluster of Großstädte, two of the others.
    let out = dir.path().join("two-classes.json");
    let o = lineup(&[
        "solve",
        kfa.to_str().unwrap(),
        "--classes",
        "100000",
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let explain = |id: &str, lang: &str| {
        let o = lineup(&[
            "explain",
            kfa.to_str().unwrap(),
            out.to_str().unwrap(),
            "--municipality",
            id,
            "--lang",
            lang,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        crate::util::stdout(&o)
    };
    // Gotha (< 100 000): the one cluster of the other class.
    let text = explain("16067029", "en");
    assert!(
        text.contains("1 cluster of another size class is not listed"),
        "{text}"
    );
    let text = explain("16067029", "de");
    assert!(
        text.contains("1 Cluster einer anderen Größenklasse ist nicht aufgeführt"),
        "{text}"
    );
    // München (>= 100 000): two clusters of the other class.
    let text = explain("09162000", "en");
    assert!(
        text.contains("2 clusters of other size classes are not listed"),
        "{text}"
    );
}
