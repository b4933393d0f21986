//! Property tests against oracles, on random instances of up to 10
//! municipalities, in lexicographic and weighted mode:
//!
//! * the exact solver equals brute-force enumeration, every output passes
//!   the verifier, and the same seed gives the same output;
//! * "no lineup exists" (from the problem check or the solver) agrees with
//!   an enumeration that knows the rules but not the library;
//! * a wider cluster size, or one cannot-link fewer, never makes the
//!   optimum worse (metamorphic).
//!
//! Every property counts the cases it really ran and asserts a floor, so a
//! generator that produces only rejected cases cannot pass on nothing.

use std::cell::Cell;
use std::cmp::Ordering;
use std::time::Duration;

use lineup::{
    Cluster, ClusterCount, ClusterSize, Comparability, Land, LatLon, Lex, Lineup, Municipality,
    ObjectiveMode, Problem, ProblemError, Settings, SolveError, SolveOptions, SolverChoice, Status, Weights,
    solve, verify,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};

#[derive(Clone, Debug)]
struct Case {
    towns: Vec<(u8, u64, f64, f64)>,
    size: (usize, usize),
    adjacent: bool,
    weighted: bool,
    cap: Option<usize>,
    cannot: Option<(usize, usize)>,
    must: Option<(usize, usize)>,
    pin: Option<usize>,
}

/// Two distinct members of `n` from two random numbers.
fn distinct(n: usize, (a, d): (usize, usize)) -> (usize, usize) {
    let a = a % n;
    (a, (a + 1 + d % (n - 1)) % n)
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(
            (
                0u8..5,
                // Mostly two classes, so that each class can form clusters.
                prop::sample::select(vec![8_000u64, 50_000, 50_000, 150_000, 150_000]),
                47.5..54.5f64,
                6.5..14.5f64,
            ),
            6..=10,
        ),
        prop::sample::select(vec![(2usize, 3usize), (2, 4), (3, 4), (3, 5)]),
        any::<bool>(),
        prop::bool::weighted(0.3),
        prop::option::weighted(0.3, 2usize..=3),
        prop::option::weighted(0.3, (0usize..10, 0usize..10)),
        prop::option::weighted(0.2, (0usize..10, 0usize..10)),
        prop::option::weighted(0.3, 0usize..10),
    )
        .prop_map(|(towns, size, adjacent, weighted, cap, cannot, must, pin)| {
            let n = towns.len();
            Case {
                size,
                adjacent,
                weighted,
                cap,
                // Links always name two different members: none is dropped.
                cannot: cannot.map(|p| distinct(n, p)),
                must: must.map(|p| distinct(n, p)),
                pin: pin.map(|i| i % n),
                towns,
            }
        })
}

fn towns(c: &Case) -> Vec<Municipality> {
    c.towns
        .iter()
        .enumerate()
        .map(|(i, &(l, pop, lat, lon))| {
            let m = Municipality::new(
                format!("m{i}"),
                format!("M{i}"),
                Land::ALL[l as usize * 3],
                pop,
                LatLon { lat, lon },
            );
            if c.pin == Some(i) { m.with_cluster("P") } else { m }
        })
        .collect()
}

fn settings(c: &Case) -> Settings {
    let mut s = Settings::default()
        .with_cluster_size(ClusterSize::new(c.size.0, c.size.1))
        .with_comparability(if c.adjacent {
            Comparability::Adjacent
        } else {
            Comparability::Strict
        });
    if c.weighted {
        s = s.with_weights(Weights {
            mode: ObjectiveMode::Weighted,
            same_land: 2.0,
            distance_per_100km: 0.5,
            ..Weights::default()
        });
    }
    if let Some(cap) = c.cap {
        s = s.with_max_per_land(cap);
    }
    if let Some((a, b)) = c.cannot {
        s = s.with_cannot_link(format!("m{a}"), format!("m{b}"));
    }
    if let Some((a, b)) = c.must {
        s = s.with_must_link(format!("m{a}"), format!("m{b}"));
    }
    s
}

/// The problem of a case; `None` only when the problem check proves that no
/// lineup exists (any other rejection fails the test).
fn problem(c: &Case) -> Result<Option<Problem>, TestCaseError> {
    match Problem::new(towns(c), settings(c)) {
        Ok(p) => Ok(Some(p)),
        Err(ProblemError::Infeasible(_)) => Ok(None),
        Err(e) => Err(TestCaseError::fail(format!("generated settings rejected: {e}"))),
    }
}

/// Every partition of the municipalities (restricted growth strings), scored
/// by the verifier; returns the best value, if any partition is feasible.
fn brute_force(p: &Problem) -> Option<Lex> {
    let n = p.municipalities().len();
    let weights = p.settings().weights();
    let mut best: Option<Lex> = None;
    for_each_partition(n, |a| {
        let k = a.iter().max().map_or(0, |m| m + 1);
        if k != p.cluster_count() {
            return;
        }
        let mut clusters: Vec<Vec<usize>> = vec![Vec::new(); k];
        for (i, &g) in a.iter().enumerate() {
            clusters[g].push(i);
        }
        // Name clusters: the pin label where a pinned member is, else the
        // block's generated ids in order.
        let mut used: Vec<String> = Vec::new();
        let mut lineup = Lineup::default();
        for members in clusters {
            let pinned = members
                .iter()
                .find_map(|&i| p.municipalities()[i].cluster.clone());
            let id = pinned.unwrap_or_else(|| {
                let block = p
                    .blocks()
                    .iter()
                    .find(|b| b.members.contains(&members[0]))
                    .unwrap();
                block
                    .cluster_ids
                    .iter()
                    .find(|id| !used.contains(id) && !block.pins.contains(id))
                    .cloned()
                    .unwrap_or_default()
            });
            used.push(id.clone());
            lineup.clusters.push(Cluster { id, members });
        }
        if let Ok(v) = verify(p, &lineup) {
            let value = v.score.value(&weights);
            if best.is_none_or(|b| value.cmp_tol(&b) == Ordering::Greater) {
                best = Some(value);
            }
        }
    });
    best
}

/// Calls `f` with every set partition of `0..n` as a restricted growth
/// string (member → block, blocks numbered by first appearance).
fn for_each_partition(n: usize, mut f: impl FnMut(&[usize])) {
    let mut a = vec![0usize; n];
    loop {
        f(&a);
        let mut i = n - 1;
        loop {
            let max_prefix = a[..i].iter().max().copied().unwrap_or(0);
            if i > 0 && a[i] <= max_prefix {
                a[i] += 1;
                for x in &mut a[i + 1..] {
                    *x = 0;
                }
                break;
            }
            if i == 0 {
                return;
            }
            i -= 1;
        }
    }
}

fn options(seed: u64) -> SolveOptions {
    SolveOptions::default()
        .with_time_limit(Duration::from_secs(30))
        .with_seed(seed)
}

/// `cases` cases, no shrinking, a fixed seed (reproducible CI) unless
/// `PROPTEST_RNG_SEED` is set; `PROPTEST_CASES` raises the count.
fn runner(cases: u32) -> TestRunner {
    let base = Config::default();
    let explicit = |v: &str| std::env::var_os(v).is_some();
    TestRunner::new(Config {
        cases: if explicit("PROPTEST_CASES") {
            base.cases
        } else {
            cases
        },
        max_shrink_iters: 0,
        failure_persistence: None,
        rng_seed: if explicit("PROPTEST_RNG_SEED") {
            base.rng_seed
        } else {
            RngSeed::Fixed(20_261_125)
        },
        ..base
    })
}

/// Runs a property and returns how many cases it really checked (the body
/// returns whether it did) and how many it was given.
fn run<S: Strategy>(
    cases: u32,
    strategy: S,
    body: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) -> (usize, usize) {
    let ran = Cell::new(0);
    let given = Cell::new(0);
    let mut runner = runner(cases);
    let result = runner.run(&strategy, |v| {
        given.set(given.get() + 1);
        if body(v)? {
            ran.set(ran.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    (ran.get(), given.get())
}

/// At least `percent` % of the cases given really ran.
fn floor((ran, given): (usize, usize), percent: usize, what: &str) {
    assert!(
        ran * 100 >= given * percent,
        "only {ran} of {given} cases {what} (floor {percent} %)"
    );
}

#[test]
fn exact_solver_equals_brute_force() {
    let weighted = Cell::new(0);
    let ran = run(40, (case(), 0u64..1000), |(c, seed)| {
        let Some(p) = problem(&c)? else { return Ok(false) };
        let oracle = brute_force(&p);
        match (solve(&p, &options(seed)), oracle) {
            (Ok(s), Some(best)) => {
                prop_assert!(verify(&p, &s.lineup).is_ok());
                prop_assert_eq!(s.status, Status::Optimal, "{:?}", s.blocks);
                let got = s.verified.score.value(&p.settings().weights());
                prop_assert_eq!(
                    got.cmp_tol(&best),
                    Ordering::Equal,
                    "solver {} vs brute force {}",
                    got,
                    best
                );
            }
            (Err(_), None) => {}
            (Ok(s), None) => prop_assert!(
                false,
                "solver found {:?} where brute force found nothing",
                s.lineup
            ),
            (Err(e), Some(best)) => prop_assert!(false, "solver failed ({}) but {} exists", e, best),
        }
        weighted.set(weighted.get() + usize::from(c.weighted));
        Ok(true)
    });
    floor(ran, 40, "formed a problem");
    assert!(weighted.get() >= 4, "only {} weighted cases", weighted.get());
}

#[test]
fn heuristic_passes_the_verifier_and_is_deterministic() {
    let ran = run(40, (case(), 0u64..1000), |(c, seed)| {
        let Some(p) = problem(&c)? else { return Ok(false) };
        let o = options(seed).with_solver(SolverChoice::Heuristic);
        let (a, b) = (solve(&p, &o), solve(&p, &o));
        match (a, b) {
            (Ok(a), Ok(b)) => {
                prop_assert!(verify(&p, &a.lineup).is_ok());
                prop_assert_eq!(&a.lineup, &b.lineup);
                if let Some(best) = brute_force(&p) {
                    let got = a.verified.score.value(&p.settings().weights());
                    prop_assert_ne!(got.cmp_tol(&best), Ordering::Greater);
                }
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
            _ => prop_assert!(false, "same seed, different outcome"),
        }
        Ok(true)
    });
    floor(ran, 40, "formed a problem");
}

/// One size class, a fixed number of clusters, pins with two labels, links
/// and a cap: tight enough that many cases have no lineup.
#[derive(Clone, Debug)]
struct Tight {
    lands: Vec<u8>,
    size: (usize, usize),
    clusters: usize,
    cap: Option<usize>,
    pins: Vec<(usize, bool)>,
    must: Vec<(usize, usize)>,
    cannot: Vec<(usize, usize)>,
}

fn tight() -> impl Strategy<Value = Tight> {
    (6usize..=9).prop_flat_map(|n| {
        (
            prop::collection::vec(0u8..4, n),
            prop::sample::select(vec![(2usize, 3usize), (2, 4), (3, 3), (3, 5), (2, 5)]),
            1usize..=3,
            prop::option::weighted(0.4, 1usize..=2),
            prop::collection::vec((0..n, any::<bool>()), 0..=2),
            prop::collection::vec((0usize..n, 0usize..n), 0..=2),
            prop::collection::vec((0usize..n, 0usize..n), 0..=2),
        )
            .prop_map(move |(lands, size, clusters, cap, pins, must, cannot)| Tight {
                lands,
                size,
                clusters,
                cap,
                pins,
                must: must.into_iter().map(|p| distinct(n, p)).collect(),
                cannot: cannot.into_iter().map(|p| distinct(n, p)).collect(),
            })
    })
}

/// The enumeration oracle: whether some partition into exactly `clusters`
/// clusters keeps every rule, checked here from the raw case.
fn any_lineup(t: &Tight) -> bool {
    let n = t.lands.len();
    let pin = |i: usize| t.pins.iter().rev().find(|p| p.0 == i).map(|p| p.1);
    let mut found = false;
    for_each_partition(n, |a| {
        if found || a.iter().max().map_or(0, |m| m + 1) != t.clusters {
            return;
        }
        let mut size = vec![0usize; t.clusters];
        let mut per_land = vec![[0usize; 4]; t.clusters];
        for i in 0..n {
            size[a[i]] += 1;
            per_land[a[i]][t.lands[i] as usize] += 1;
        }
        let sizes = size.iter().all(|&s| (t.size.0..=t.size.1).contains(&s));
        let caps = t
            .cap
            .is_none_or(|cap| per_land.iter().flatten().all(|&c| c <= cap));
        let links = t.must.iter().all(|&(x, y)| a[x] == a[y]) && t.cannot.iter().all(|&(x, y)| a[x] != a[y]);
        let pins = (0..n).all(|i| {
            (0..n).all(|j| match (pin(i), pin(j)) {
                (Some(p), Some(q)) => (p == q) == (a[i] == a[j]),
                _ => true,
            })
        });
        found = sizes && caps && links && pins;
    });
    found
}

#[test]
fn no_lineup_exists_exactly_when_enumeration_finds_none() {
    let (feasible, infeasible) = (Cell::new(0), Cell::new(0));
    let ran = run(60, tight(), |t| {
        let n = t.lands.len();
        let mut ms: Vec<Municipality> = (0..n)
            .map(|i| {
                let at = LatLon {
                    lat: 48.0 + i as f64 * 0.5,
                    lon: 7.0 + (i * 7 % 5) as f64,
                };
                Municipality::new(
                    format!("m{i}"),
                    format!("M{i}"),
                    Land::ALL[t.lands[i] as usize * 4],
                    50_000,
                    at,
                )
            })
            .collect();
        for &(i, label) in &t.pins {
            ms[i].cluster = Some(if label { "P" } else { "Q" }.into());
        }
        let mut s = Settings::default()
            .with_cluster_size(ClusterSize::new(t.size.0, t.size.1))
            .with_clusters(ClusterCount::Total(t.clusters));
        if let Some(cap) = t.cap {
            s = s.with_max_per_land(cap);
        }
        for &(a, b) in &t.must {
            s = s.with_must_link(format!("m{a}"), format!("m{b}"));
        }
        for &(a, b) in &t.cannot {
            s = s.with_cannot_link(format!("m{a}"), format!("m{b}"));
        }
        let claimed_none = match Problem::new(ms, s) {
            Err(ProblemError::Infeasible(_)) => true,
            Err(e) => return Err(TestCaseError::fail(format!("rejected: {e}"))),
            Ok(p) => match solve(&p, &options(1)) {
                Ok(sol) => {
                    prop_assert!(verify(&p, &sol.lineup).is_ok());
                    false
                }
                Err(SolveError::Infeasible(_)) => true,
                Err(e) => return Err(TestCaseError::fail(format!("undecided: {e}"))),
            },
        };
        let exists = any_lineup(&t);
        prop_assert_eq!(
            claimed_none,
            !exists,
            "library says none: {}, enumeration finds one: {}",
            claimed_none,
            exists
        );
        let counter = if exists { &feasible } else { &infeasible };
        counter.set(counter.get() + 1);
        Ok(true)
    });
    floor(ran, 100, "were decided");
    assert!(
        feasible.get() >= 10 && infeasible.get() >= 10,
        "{} feasible, {} infeasible cases: both sides must be exercised",
        feasible.get(),
        infeasible.get()
    );
}

/// The case's own cluster counts, fixed, so that the variants below keep them.
fn fixed_counts(p: &Problem, c: &Case) -> ClusterCount {
    if c.adjacent {
        ClusterCount::Total(p.cluster_count())
    } else {
        ClusterCount::PerClass(p.blocks().iter().map(|b| (b.name.clone(), b.clusters)).collect())
    }
}

fn optimum(p: &Problem) -> Result<Lex, TestCaseError> {
    let s = solve(p, &options(0)).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(s.status, Status::Optimal, "{:?}", s.blocks);
    Ok(s.verified.score.value(&p.settings().weights()))
}

#[test]
fn wider_sizes_and_fewer_cannot_links_never_make_the_optimum_worse() {
    let (wider, fewer) = (Cell::new(0), Cell::new(0));
    // Half the cases have one size class, so blocks form several clusters
    // and the fixed counts matter.
    let one_class = case().prop_map(|mut c| {
        c.towns.iter_mut().for_each(|t| t.1 = 50_000);
        c
    });
    let ran = run(30, prop_oneof![case(), one_class], |c| {
        let Some(p) = problem(&c)? else { return Ok(false) };
        let Ok(s) = solve(&p, &options(0)) else {
            return Ok(false);
        };
        prop_assert_eq!(s.status, Status::Optimal);
        let base = s.verified.score.value(&p.settings().weights());
        let fixed = settings(&c).with_clusters(fixed_counts(&p, &c));
        let size = ClusterSize::new(c.size.0.saturating_sub(1).max(1), c.size.1 + 1);
        let p2 = Problem::new(towns(&c), fixed.clone().with_cluster_size(size))
            .map_err(|e| TestCaseError::fail(format!("wider sizes rejected: {e}")))?;
        let better = optimum(&p2)?;
        prop_assert_ne!(
            better.cmp_tol(&base),
            Ordering::Less,
            "wider {} vs {}",
            better,
            base
        );
        wider.set(wider.get() + 1);
        if c.cannot.is_some() {
            let fewer_links = fixed.with_cannot_links(Vec::new());
            let p3 = Problem::new(towns(&c), fewer_links)
                .map_err(|e| TestCaseError::fail(format!("fewer links rejected: {e}")))?;
            let better = optimum(&p3)?;
            prop_assert_ne!(
                better.cmp_tol(&base),
                Ordering::Less,
                "no cannot-link {} vs {}",
                better,
                base
            );
            fewer.set(fewer.get() + 1);
        }
        Ok(true)
    });
    floor(ran, 30, "formed a feasible problem");
    assert_eq!(wider.get(), ran.0);
    assert!(
        fewer.get() >= 3,
        "only {} cases dropped a cannot-link",
        fewer.get()
    );
}
