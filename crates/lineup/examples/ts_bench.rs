//! Temporary: iterated tabu search quality at a time budget.
#![allow(missing_docs, clippy::print_stdout)]
use lineup::engine::{ItemWeights, Items, State, construct, local_search, perturb, rng::Rng, tabu};
use std::time::{Duration, Instant};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let inst = lineup::mdgp::read_instance(std::fs::File::open(&a[1]).unwrap())
        .unwrap()
        .instance;
    let secs: f64 = a[2].parse().unwrap();
    let stall: usize = a[3].parse().unwrap();
    let t0: usize = a[4].parse().unwrap();
    let t1: usize = a[5].parse().unwrap();
    let strength: usize = a[6].parse().unwrap();
    let seed: u64 = a.get(7).map_or(1, |x| x.parse().unwrap());
    let items = Items::build(&inst).unwrap();
    let iw = ItemWeights::new(&inst, &items);
    let mut s = State::empty(&inst, &items, &iw);
    let free: Vec<usize> = (0..s.k).collect();
    let is_free = vec![true; s.k];
    let mut rng = Rng::new(seed, 1);
    let start = Instant::now();
    let deadline = start + Duration::from_secs_f64(secs);
    s.clear();
    let tg = construct::most_pairs_targets(&inst.bounds, inst.len(), &mut rng).unwrap();
    construct::construct_to(&mut s, &mut rng, construct::Pick::Random, None, None, tg);
    local_search::descend(&mut s, &free, &is_free, None, None);
    let p = tabu::TabuParams {
        stall,
        max_iterations: usize::MAX,
        tenure: (t0, t1),
    };
    let mut best = s.value;
    let mut best_g = s.group.clone();
    let mut rounds = 0;
    let mut its = 0;
    let mut t_best = 0.0;
    let restart: usize = std::env::var("RESTART")
        .ok()
        .and_then(|x| x.parse().ok())
        .unwrap_or(usize::MAX);
    let mut chain_best = best;
    let mut chain_g = best_g.clone();
    let mut idle = 0;
    let max_rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|x| x.parse().ok())
        .unwrap_or(usize::MAX);
    while Instant::now() < deadline && rounds < max_rounds {
        if idle >= restart {
            s.clear();
            let tg = construct::most_pairs_targets(&inst.bounds, inst.len(), &mut rng).unwrap();
            construct::construct_to(&mut s, &mut rng, construct::Pick::Random, None, None, tg);
            chain_best = f64::MIN;
            idle = 0;
        }
        local_search::descend(&mut s, &free, &is_free, None, None);
        its += tabu::search(&mut s, &free, &mut rng, &p, Some(deadline)).iterations;
        rounds += 1;
        if s.value > best + 1e-9 {
            best = s.value;
            best_g = s.group.clone();
            t_best = start.elapsed().as_secs_f64();
        }
        if s.value > chain_best + 1e-9 {
            chain_best = s.value;
            chain_g = s.group.clone();
            idle = 0;
        } else {
            idle += 1;
            s.load(&chain_g);
        }
        perturb::undirected(&mut s, &mut rng, &free, strength, None);
    }
    let mut el = vec![0; inst.len()];
    for (u, mem) in items.members.iter().enumerate() {
        for &i in mem {
            el[i] = best_g[u];
        }
    }
    assert!(inst.check(&el).is_ok());
    let ev = inst.evaluate(&el);
    assert!((ev - best).abs() < 1e-6, "{ev} vs {best}");
    if let Ok(f) = std::env::var("SOLOUT") {
        std::fs::write(f, el.iter().map(|g| g.to_string()).collect::<Vec<_>>().join("\n")).unwrap();
    }
    println!(
        "best {best:.3} after {t_best:.2} s, {rounds} rounds {:.0} it/s",
        its as f64 / secs
    );
}
