//! The enumeration with the root's subtrees in parallel against the same
//! search in one thread, on blocks large enough for the parallel path.

use super::tests::{prices, space};
use crate::cancel::Stop;
use crate::solve::columns::Bits;

#[test]
fn the_parallel_enumeration_finds_what_one_thread_finds() {
    let stop = Stop::default();
    for n in [26, 33] {
        let sp = space(n);
        let u = sp.unit_count();
        let (q, c) = prices(u);
        let run = |threshold: f64, keep: Option<usize>, parallel: bool| -> Vec<(f64, Bits)> {
            sp.enumerate_in(
                &q,
                &c,
                1.0,
                threshold,
                (keep, usize::MAX, u64::MAX),
                &stop,
                parallel,
            )
            .expect("no budget")
        };
        let best = run(f64::NEG_INFINITY, Some(1), false)[0].0;
        for below in [0.0, 2.0, 6.0] {
            let one = run(best - below, None, false);
            let par = run(best - below, None, true);
            assert!(!one.is_empty());
            assert_eq!(par, one, "n {n}, {below} below the best");
            // The same bytes every time, whatever the threads did.
            assert_eq!(run(best - below, None, true), par);
        }
        // Only the best few: the same values (the kept lists may differ
        // below the k-th, both sorted).
        for k in [1, 5, 40] {
            let one = run(f64::NEG_INFINITY, Some(k), false);
            let par = run(f64::NEG_INFINITY, Some(k), true);
            assert!(par.len() >= k && one.len() >= k);
            assert_eq!(&par[..k], &one[..k], "n {n}, best {k}");
        }
    }
}

#[test]
fn the_parallel_enumeration_keeps_the_limits() {
    let stop = Stop::default();
    let sp = space(30);
    let u = sp.unit_count();
    let (q, c) = prices(u);
    let all = sp
        .enumerate_in(&q, &c, 1.0, -1e9, (None, usize::MAX, u64::MAX), &stop, true)
        .expect("every column");
    let few = all.len() / 3;
    assert_eq!(
        sp.enumerate_in(&q, &c, 1.0, -1e9, (None, few, u64::MAX), &stop, true),
        Err(crate::solve::columns::Halt::TooMany)
    );
    assert_eq!(
        sp.enumerate_in(&q, &c, 1.0, -1e9, (None, usize::MAX, 1_000), &stop, true),
        Err(crate::solve::columns::Halt::Budget)
    );
}
