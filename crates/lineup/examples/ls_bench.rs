//! Temporary: local search speed.
#![allow(missing_docs, clippy::print_stdout)]
use lineup::engine::{ItemWeights, Items, State, construct, local_search, perturb, rng::Rng};
use std::time::Instant;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let inst = lineup::mdgp::read_instance(std::fs::File::open(&a[1]).unwrap())
        .unwrap()
        .instance;
    let reps: usize = a[2].parse().unwrap();
    let items = Items::build(&inst).unwrap();
    let iw = ItemWeights::new(&inst, &items);
    let mut s = State::empty(&inst, &items, &iw);
    let free: Vec<usize> = (0..s.k).collect();
    let is_free = vec![true; s.k];
    let mut rng = Rng::new(1, 1);
    let t = Instant::now();
    let mut tot = 0.0;
    for _ in 0..reps {
        s.clear();
        construct::construct(&mut s, &mut rng, construct::Pick::Random, None, None);
        local_search::descend(&mut s, &free, &is_free, None, None);
        tot += s.value;
    }
    let t1 = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut tot2 = 0.0;
    for _ in 0..reps * 10 {
        let st = s.k / s.m;
        perturb::undirected(&mut s, &mut rng, &free, st, None);
        local_search::descend(&mut s, &free, &is_free, None, None);
        tot2 += s.value;
    }
    let t2 = t.elapsed().as_secs_f64();
    println!(
        "random starts: {:.1} us/descent, mean {:.1}; perturbed: {:.1} us/descent, mean {:.1}",
        t1 / reps as f64 * 1e6,
        tot / reps as f64,
        t2 / (reps * 10) as f64 * 1e6,
        tot2 / (reps * 10) as f64
    );
}
