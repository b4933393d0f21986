//! MDGPLIB benchmark: every bundled instance under the papers' time limits
//! (n = 10/12: 1 s, n = 120: 3 s, n = 240: 20 s), several seeds, 2 runs in
//! parallel; prints a Markdown table of BKV, best, average, gaps and time to
//! the final answer, then averages per size and type.
//!
//! Run: `cargo bench --bench mdgp` (all, 5 seeds), or
//! `cargo bench --bench mdgp -- --seeds 3 --filter n120 --scale 0.5`.

use std::fs::File;
use std::time::Duration;

use lineup::mdgp::{self, MdgpOptions};

struct Row {
    name: String,
    n: usize,
    kind: String,
    bkv: f64,
    optimal: bool,
    values: Vec<f64>,
    times: Vec<f64>,
}

fn limit(n: usize) -> f64 {
    match n {
        0..=12 => 1.0,
        13..=120 => 3.0,
        121..=240 => 20.0,
        241..=480 => 120.0,
        _ => 600.0,
    }
}

#[allow(clippy::print_stdout, reason = "a bench binary prints its table")]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let seeds: u64 = get("--seeds").and_then(|s| s.parse().ok()).unwrap_or(5);
    let scale: f64 = get("--scale").and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let filter = get("--filter").unwrap_or_default();
    let runs: usize = get("--runs").and_then(|s| s.parse().ok()).unwrap_or(2);
    let dir = format!("{}/fixtures/mdgp", env!("CARGO_MANIFEST_DIR"));
    let bkv = std::fs::read_to_string(format!("{dir}/BKV.tsv")).expect("BKV.tsv");
    let mut rows: Vec<Row> = bkv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[0].contains(&filter))
        .map(|f| Row {
            name: f[0].to_string(),
            n: f[1].parse().expect("n"),
            kind: f[3].to_string(),
            bkv: f[5].parse().expect("bkv"),
            optimal: f[6] == "optimal",
            values: Vec::new(),
            times: Vec::new(),
        })
        .collect();
    rows.sort_by(|a, b| (a.n, &a.kind, &a.name).cmp(&(b.n, &b.kind, &b.name)));
    println!(
        "seeds 1..={seeds}, {runs} runs per solve on {} threads, time limits x{scale}",
        rayon::current_num_threads()
    );
    println!();
    println!(
        "| instance | limit s | BKV | best | average | worst | gap best % | gap avg % | time to answer s (avg) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for row in &mut rows {
        let inst =
            mdgp::read_instance(File::open(format!("{dir}/instances/{}.txt", row.name)).expect("instance"))
                .expect("instance parses");
        let t = limit(row.n) * scale;
        for seed in 1..=seeds {
            let o = MdgpOptions {
                time_limit: Some(Duration::from_secs_f64(t)),
                generations: None,
                runs,
                seed,
                ..MdgpOptions::default()
            };
            let r = mdgp::solve(&inst, &o).expect("solves");
            row.values.push(r.objective);
            row.times.push(r.time_to_best_s);
        }
        let best = row.values.iter().copied().fold(f64::MIN, f64::max);
        let worst = row.values.iter().copied().fold(f64::MAX, f64::min);
        let avg = row.values.iter().sum::<f64>() / row.values.len() as f64;
        let gap = |v: f64| (row.bkv - v) / row.bkv * 100.0;
        let tavg = row.times.iter().sum::<f64>() / row.times.len() as f64;
        println!(
            "| {} | {t:.1} | {:.3} | {best:.3} | {avg:.3} | {worst:.3} | {:.4} | {:.4} | {tavg:.2} |",
            row.name,
            row.bkv,
            gap(best),
            gap(avg)
        );
    }
    println!();
    println!(
        "| size | type | instances | avg gap % (average over seeds) | best gap % | optimum every seed |"
    );
    println!("|---:|---|---:|---:|---:|---|");
    let mut groups: Vec<(usize, String)> = rows.iter().map(|r| (r.n, r.kind.clone())).collect();
    groups.dedup();
    for (n, kind) in groups {
        let sel: Vec<&Row> = rows.iter().filter(|r| r.n == n && r.kind == kind).collect();
        let avg_gap = sel
            .iter()
            .map(|r| (r.bkv - r.values.iter().sum::<f64>() / r.values.len() as f64) / r.bkv * 100.0)
            .sum::<f64>()
            / sel.len() as f64;
        let best_gap = sel
            .iter()
            .map(|r| (r.bkv - r.values.iter().copied().fold(f64::MIN, f64::max)) / r.bkv * 100.0)
            .sum::<f64>()
            / sel.len() as f64;
        let all_opt = sel
            .iter()
            .all(|r| r.values.iter().all(|v| (v - r.bkv).abs() <= 1e-3));
        let opt = if sel.iter().all(|r| r.optimal) {
            if all_opt { "yes" } else { "NO" }
        } else {
            "–"
        };
        println!(
            "| {n} | {kind} | {} | {avg_gap:.4} | {best_gap:.4} | {opt} |",
            sel.len()
        );
    }
}
