//! Property tests of the search state against the instance it searches: on
//! random instances with every kind of rule and a random feasible
//! assignment, each incremental move gain equals the change of
//! [`Instance::evaluate`], and `can_relocate` / `can_swap` allow a move
//! exactly when [`Instance::check`] accepts its result.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use super::{Affinity, DenseWeights, Instance, ItemWeights, Items, State};

/// A random instance built around a feasible assignment, so that the
/// assignment keeps every rule and moves away from it may or may not.
#[derive(Clone, Debug)]
struct Case {
    groups: Vec<usize>,
    m: usize,
    weights: Vec<f64>,
    /// Per group: how far the bounds lie below and above its size.
    slack: Vec<(usize, usize)>,
    pins: Vec<usize>,
    links: Vec<(usize, usize)>,
    attr: Option<(Vec<u8>, usize)>,
    cat: Option<(Vec<u8>, Vec<u8>)>,
    home: Option<(Vec<Option<usize>>, usize)>,
}

fn case() -> impl Strategy<Value = Case> {
    (2usize..=4, 4usize..=12).prop_flat_map(|(m, n)| {
        (
            prop::collection::vec(0..m, n),
            prop::collection::vec(-5.0..10.0f64, n * (n - 1) / 2),
            prop::collection::vec((0usize..=2, 0usize..=2), m),
            prop::collection::vec(0..n, 0..=2),
            prop::collection::vec((0..n, 0..n), 0..=4),
            prop::option::of((prop::collection::vec(0u8..3, n), 0usize..=1)),
            prop::option::of((
                prop::collection::vec(0u8..3, m),
                prop::collection::vec(0u8..=1, n),
            )),
            prop::option::of((prop::collection::vec(prop::option::of(0..m), n), 0usize..=2)),
        )
            .prop_map(
                move |(groups, weights, slack, pins, links, attr, cat, home)| Case {
                    groups,
                    m,
                    weights,
                    slack,
                    pins,
                    links,
                    attr,
                    cat,
                    home,
                },
            )
    })
}

/// The instance of a case; its assignment keeps every rule.
fn instance(c: &Case) -> Instance<DenseWeights<f64>> {
    let n = c.groups.len();
    let g = &c.groups;
    let mut size = vec![0usize; c.m];
    for &x in g {
        size[x] += 1;
    }
    let bounds = size
        .iter()
        .zip(&c.slack)
        .map(|(&s, &(lo, hi))| (s.saturating_sub(lo), s + hi))
        .collect();
    let mut inst = Instance::new(
        DenseWeights::from_upper(n, &c.weights).expect("n(n-1)/2 weights"),
        bounds,
    );
    let r = &mut inst.rules;
    r.pinned = c.pins.iter().map(|&i| (i, g[i])).collect();
    for &(a, b) in &c.links {
        // Together: a must-link; apart: a cannot-link.
        if a != b && g[a] == g[b] {
            r.must_link.push((a, b));
        } else if g[a] != g[b] {
            r.cannot_link.push((a, b));
        }
    }
    if let Some((attr, slack)) = &c.attr {
        let most = (0..c.m)
            .flat_map(|h| (0..3u8).map(move |a| (h, a)))
            .map(|(h, a)| (0..n).filter(|&i| g[i] == h && attr[i] == a).count())
            .max()
            .unwrap_or(0);
        r.cap = Some((attr.clone(), most + slack));
    }
    if let Some((base, step)) = &c.cat {
        // Each group holds its base category and the next one.
        r.span = Some((0..n).map(|i| base[g[i]] + step[i]).collect());
    }
    if let Some((home, slack)) = &c.home {
        let away = home
            .iter()
            .zip(g)
            .filter(|(h, x)| h.is_some_and(|h| h != **x))
            .count();
        inst.affinity = Some(Affinity {
            home: home.clone(),
            bonus: 2.5,
            max_away: Some(away + slack),
        });
    }
    inst
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn check_moves(c: &Case) -> Result<(), TestCaseError> {
    let inst = instance(c);
    prop_assert_eq!(inst.check(&c.groups), Ok(()));
    let items = Items::build(&inst).expect("the case's rules are consistent");
    let iw = ItemWeights::new(&inst, &items);
    let mut s = State::empty(&inst, &items, &iw);
    let start: Vec<usize> = items.members.iter().map(|m| c.groups[m[0]]).collect();
    s.load(&start);
    let base = inst.evaluate(&s.element_groups());
    // The state leaves out pairs inside an item: a constant offset.
    let offset = base - s.value;
    let moved = |pairs: &[(usize, usize)]| {
        let mut g = s.element_groups();
        for &(u, h) in pairs {
            for &i in &items.members[u] {
                g[i] = h;
            }
        }
        g
    };
    for u in 0..s.k {
        for h in (0..s.m).filter(|&h| h != s.group[u]) {
            let g = moved(&[(u, h)]);
            let check = inst.check(&g);
            prop_assert_eq!(
                s.can_relocate(u, h),
                check.is_ok(),
                "relocate {} to {}: {:?}",
                u,
                h,
                check
            );
            let gain = s.relocate_gain(u, h);
            prop_assert!(
                close(gain, inst.evaluate(&g) - base),
                "relocate gain {} vs {}",
                gain,
                inst.evaluate(&g) - base
            );
        }
        for v in (u + 1..s.k).filter(|&v| s.group[v] != s.group[u]) {
            let g = moved(&[(u, s.group[v]), (v, s.group[u])]);
            let check = inst.check(&g);
            prop_assert_eq!(
                s.can_swap(u, v),
                check.is_ok(),
                "swap {} and {}: {:?}",
                u,
                v,
                check
            );
            let gain = s.swap_gain(u, v);
            prop_assert!(
                close(gain, inst.evaluate(&g) - base),
                "swap gain {} vs {}",
                gain,
                inst.evaluate(&g) - base
            );
        }
    }
    // Applied moves keep the tables in step with a fresh evaluation.
    for u in 0..s.k {
        if let Some(h) = (0..s.m).find(|&h| h != s.group[u] && s.can_relocate(u, h)) {
            s.relocate(u, h);
            prop_assert!(close(s.value + offset, inst.evaluate(&s.element_groups())));
            prop_assert_eq!(inst.check(&s.element_groups()), Ok(()));
        }
    }
    Ok(())
}

#[test]
fn incremental_moves_agree_with_evaluate_and_check() {
    let mut runner = TestRunner::new(Config {
        cases: 400,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(20_261_129),
        ..Config::default()
    });
    let with_rules = std::cell::Cell::new(0);
    let outcome = runner.run(&case(), |c| {
        if c.attr.is_some() && c.cat.is_some() && c.home.is_some() && !c.links.is_empty() {
            with_rules.set(with_rules.get() + 1);
        }
        check_moves(&c)
    });
    let with_rules = with_rules.get();
    if let Err(e) = outcome {
        panic!("{e}");
    }
    // Every rule kind together is not rare: the property saw them interact.
    assert!(with_rules >= 20, "only {with_rules} cases with every rule");
}
