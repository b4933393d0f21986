//! Stopping a solve early with a `CancelToken`: before it starts, from a
//! progress callback, and from another thread. Every interrupted solve
//! still returns a verified lineup with status `interrupted` and a bound
//! that holds (checked against the proven optimum).

use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use lineup::mdgp::{self, MdgpOptions};
use lineup::{
    CancelToken, Problem, Settings, Solution, SolveOptions, SolverChoice, Stage, Status, alternatives, solve,
    solve_with_progress, verify,
};

use crate::util::{fixture, municipalities};

/// growth-60: three classes whose level 2 needs column generation.
fn problem() -> Problem {
    Problem::new(municipalities("growth-60.csv"), Settings::default()).unwrap()
}

fn options() -> SolveOptions {
    SolveOptions::default().with_time_limit(Duration::from_secs(60))
}

/// The interrupted solution keeps every promise: verified lineup, status,
/// and a bound no better lineup beats.
fn assert_interrupted_and_valid(p: &Problem, s: &Solution, optimum: &Solution) {
    assert_eq!(s.status, Status::Interrupted, "{:?}", s.blocks);
    assert!(verify(p, &s.lineup).is_ok());
    assert!(s.blocks.iter().any(|b| b.status == Status::Interrupted));
    let w = p.settings().weights();
    let (pen, spread) = s.verified.score.levels(&w);
    let (best_pen, best_spread) = optimum.verified.score.levels(&w);
    assert!(
        s.bound.penalty <= best_pen + 1e-9 && s.bound.penalty <= pen + 1e-9,
        "{:?}",
        s.bound
    );
    assert!(
        s.bound.spread >= best_spread - 1e-6 && s.bound.spread >= spread - 1e-6,
        "{:?}",
        s.bound
    );
    assert!(s.gap.value >= 0.0);
}

#[test]
fn cancelled_before_start_and_mid_solve_return_verified_lineups() {
    let p = problem();
    let optimum = solve(&p, &options()).unwrap();
    assert_eq!(optimum.status, Status::Optimal);

    // Before the start: the heuristic builds its first lineups, nothing more.
    let token = CancelToken::new();
    token.cancel();
    let s = solve(&p, &options().with_cancel(token)).unwrap();
    assert_interrupted_and_valid(&p, &s, &optimum);
    assert!(s.cut_by_time);

    // From a progress callback, once the first heuristic lineup is in.
    let token = CancelToken::new();
    let handle = token.clone();
    let s = solve_with_progress(&p, &options().with_cancel(token), &|e| {
        if e.stage == Stage::Heuristic {
            handle.cancel();
        }
    })
    .unwrap();
    assert_interrupted_and_valid(&p, &s, &optimum);
}

#[test]
fn cancelled_from_another_thread() {
    let p = problem();
    let optimum = solve(&p, &options()).unwrap();
    let token = CancelToken::new();
    let (ask, asked) = mpsc::channel::<()>();
    let (done, cancelled) = mpsc::channel::<()>();
    let canceller = {
        let token = token.clone();
        std::thread::spawn(move || {
            asked.recv().unwrap();
            token.cancel();
            done.send(()).unwrap();
        })
    };
    // The first heuristic lineup asks the other thread to cancel and waits
    // until it has: the solve then stops at its next check.
    let ask = Mutex::new(Some(ask));
    let cancelled = Mutex::new(cancelled);
    let s = solve_with_progress(&p, &options().with_cancel(token), &|e| {
        if e.stage == Stage::Heuristic {
            if let Some(ask) = ask.lock().unwrap().take() {
                ask.send(()).unwrap();
                cancelled.lock().unwrap().recv().unwrap();
            }
        }
    })
    .unwrap();
    canceller.join().unwrap();
    assert_interrupted_and_valid(&p, &s, &optimum);
}

#[test]
fn cancelled_alternatives_and_mdgp_stop_with_what_they_have() {
    let p = problem();
    let token = CancelToken::new();
    token.cancel();
    let o = options()
        .with_solver(SolverChoice::Heuristic)
        .with_cancel(token.clone());
    let found = alternatives(&p, 3, 6, &o).unwrap();
    assert_eq!(found.lineups.len(), 1);
    assert!(
        found
            .note
            .as_ref()
            .is_some_and(|n| n.to_string().contains("interrupted")),
        "{:?}",
        found.note
    );
    assert!(verify(&p, &found.lineups[0].solution.lineup).is_ok());

    let inst =
        mdgp::read_instance(std::fs::File::open(fixture("mdgp/instances/RanReal_n120_ss_01.txt")).unwrap())
            .unwrap();
    let r = mdgp::solve(
        &inst,
        &MdgpOptions {
            generations: None,
            time_limit: Some(Duration::from_secs(60)),
            cancel: Some(token),
            ..MdgpOptions::default()
        },
    )
    .unwrap();
    assert!(r.cut_by_time && r.time_s < 30.0, "{r:?}");
    assert_eq!(mdgp::check(&inst, &r.groups), Ok(r.objective));
}
