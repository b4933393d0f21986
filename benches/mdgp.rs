//! MDGPLIB benchmark protocol: every selected instance under the papers' time
//! limits (n = 10/12: 1 s, 120: 3 s, 240: 20 s, 480: 120 s) and at ¼ of them,
//! with several seeds, 2 runs per solve; prints per instance and per size ×
//! type × family the average and worst gap to the best known value (BKV),
//! next to TPSDP's published 20-run average (Yang et al. 2022, `BKV.tsv`).
//!
//! Tune on the `tune` split (indices 01–03; n = 480: 02), report on the
//! `report` split (indices 04–05; n = 480: 03).
//!
//! ```sh
//! cargo bench --bench mdgp -- --split report --sizes 120,240 --seeds 3
//! cargo bench --bench mdgp -- --split tune --sizes 120 --budgets full --raw tune.tsv
//! cargo bench --bench mdgp -- --from-raw new.tsv --baseline old.tsv   # tables only
//! ```
//!
//! Options: `--dir D` (instances, default `../shared/benchmarks/mdgp`, else
//! `fixtures/mdgp`), `--split tune|report|all`, `--sizes 120,240`, `--filter S`
//! (substring of the name), `--seeds N`, `--runs N` (parallel runs per solve),
//! `--budgets full,quarter`, `--scale X` (multiplies the limits),
//! `--generations G` (deterministic: G generations at the full budget, G/4 at ¼,
//! no clock), `--migrate M` (runs as islands exchanging their best every M
//! generations; 0: independent runs), `--schedule P,p,T,t,E,A` (population
//! from P to p, walk factor from T to t, E rounds of directed perturbation,
//! diversity weight A), `--raw FILE` (append one line per solve), `--from-raw FILE,…`
//! (print the tables of saved lines instead of solving), `--baseline FILE,…`
//! (saved lines of another engine, shown beside, with paired better / worse
//! counts: same instance, budget and seed), `--first-seed S` (run seeds
//! S..=N only, to complete a protocol run in parts).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use lineup::mdgp::{self, MdgpOptions};

/// One instance of `BKV.tsv`.
struct Meta {
    name: String,
    family: String,
    n: usize,
    kind: String,
    index: usize,
    bkv: f64,
    tpsdp_avg: Option<f64>,
}

/// One solve: (instance, budget, seed) → value.
#[derive(Clone)]
struct Solve {
    name: String,
    budget: String,
    seed: u64,
    value: f64,
    time_to_best: f64,
    generations: usize,
}

impl Solve {
    fn line(&self) -> String {
        format!(
            "{}\t{}\t{}\t{:.6}\t{:.3}\t{}",
            self.name, self.budget, self.seed, self.value, self.time_to_best, self.generations
        )
    }

    fn parse(l: &str) -> Option<Solve> {
        let f: Vec<&str> = l.split('\t').collect();
        Some(Solve {
            name: f.first()?.to_string(),
            budget: f.get(1)?.to_string(),
            seed: f.get(2)?.parse().ok()?,
            value: f.get(3)?.parse().ok()?,
            time_to_best: f.get(4)?.parse().ok()?,
            generations: f.get(5)?.parse().ok()?,
        })
    }
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

fn in_split(m: &Meta, split: &str) -> bool {
    let tune = if m.n == 480 { m.index <= 2 } else { m.index <= 3 };
    match split {
        "tune" => tune,
        "report" => !tune,
        _ => true,
    }
}

fn read_meta(dir: &Path) -> Vec<Meta> {
    let text = std::fs::read_to_string(dir.join("BKV.tsv"))
        .unwrap_or_else(|e| panic!("{}: {e}; pass --dir", dir.join("BKV.tsv").display()));
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let name = f[0].to_string();
            let parts: Vec<&str> = name.split('_').collect();
            Meta {
                family: parts[0].to_string(),
                index: parts[3].parse().expect("index"),
                n: f[1].parse().expect("n"),
                kind: f[3].to_string(),
                bkv: f[5].parse().expect("bkv"),
                tpsdp_avg: f.get(8).and_then(|x| x.parse().ok()),
                name,
            }
        })
        .collect()
}

fn read_raw(files: &str) -> Vec<Solve> {
    files
        .split(',')
        .filter(|f| !f.is_empty())
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap_or_else(|e| panic!("{f}: {e}"))
                .lines()
                .filter_map(Solve::parse)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Gaps in % of the solves of `name` at `budget`.
fn gaps(solves: &[Solve], m: &Meta, budget: &str) -> Vec<f64> {
    solves
        .iter()
        .filter(|s| s.name == m.name && s.budget == budget)
        .map(|s| (m.bkv - s.value) / m.bkv * 100.0)
        .collect()
}

fn avg(x: &[f64]) -> Option<f64> {
    (!x.is_empty()).then(|| x.iter().sum::<f64>() / x.len() as f64)
}

fn worst(x: &[f64]) -> Option<f64> {
    x.iter().copied().reduce(f64::max)
}

fn cell(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

fn tpsdp_gap(m: &Meta) -> Option<f64> {
    m.tpsdp_avg.map(|a| (m.bkv - a) / m.bkv * 100.0)
}

/// Solves of `sel` with the same instance, budget and seed in both sets:
/// how many are better and how many worse than in `base` (beyond 1e-6).
fn paired(sel: &[&Meta], solves: &[Solve], base: &[Solve]) -> (usize, usize) {
    let (mut better, mut worse) = (0, 0);
    for s in solves.iter().filter(|s| sel.iter().any(|m| m.name == s.name)) {
        let twin = base
            .iter()
            .find(|b| b.name == s.name && b.budget == s.budget && b.seed == s.seed);
        match twin {
            Some(b) if s.value > b.value + 1e-6 => better += 1,
            Some(b) if s.value < b.value - 1e-6 => worse += 1,
            _ => {}
        }
    }
    (better, worse)
}

#[allow(clippy::print_stdout, reason = "a bench binary prints its tables")]
fn tables(metas: &[&Meta], solves: &[Solve], base: &[Solve]) {
    let has_base = !base.is_empty();
    println!(
        "| instance | BKV | TPSDP avg % | full avg % | full worst % | ¼ avg % | ¼ worst % |{}",
        if has_base {
            " previous full avg % | previous ¼ avg % |"
        } else {
            ""
        }
    );
    println!(
        "|---|---:|---:|---:|---:|---:|---:|{}",
        if has_base { "---:|---:|" } else { "" }
    );
    for m in metas {
        let (f, q) = (gaps(solves, m, "full"), gaps(solves, m, "quarter"));
        let extra = if has_base {
            format!(
                " {} | {} |",
                cell(avg(&gaps(base, m, "full"))),
                cell(avg(&gaps(base, m, "quarter")))
            )
        } else {
            String::new()
        };
        println!(
            "| {} | {:.3} | {} | {} | {} | {} | {} |{extra}",
            m.name,
            m.bkv,
            cell(tpsdp_gap(m)),
            cell(avg(&f)),
            cell(worst(&f)),
            cell(avg(&q)),
            cell(worst(&q)),
        );
    }
    println!();
    println!(
        "| n | type | family | instances | solves | full avg % | full worst % | ¼ avg % | ¼ worst % | TPSDP avg % | ¼ ≤ TPSDP |{}",
        if has_base {
            " previous full avg / worst % | previous ¼ avg % | better / worse than previous (paired) |"
        } else {
            ""
        }
    );
    println!(
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|{}",
        if has_base { "---:|---:|---|" } else { "" }
    );
    // Keys: every (n, type, family), then (n, type, all), (n, all, family), (n, all, all).
    let mut keys: BTreeMap<(usize, String, String), Vec<&Meta>> = BTreeMap::new();
    for m in metas {
        for (k, f) in [
            (m.kind.as_str(), m.family.as_str()),
            (m.kind.as_str(), "all"),
            ("all", m.family.as_str()),
            ("all", "all"),
        ] {
            keys.entry((m.n, k.to_string(), f.to_string()))
                .or_default()
                .push(m);
        }
    }
    for ((n, kind, family), sel) in keys {
        let pool = |s: &[Solve], b: &str| -> Vec<f64> { sel.iter().flat_map(|m| gaps(s, m, b)).collect() };
        let (f, q) = (pool(solves, "full"), pool(solves, "quarter"));
        let tp: Vec<f64> = sel.iter().filter_map(|m| tpsdp_gap(m)).collect();
        let beats = sel
            .iter()
            .filter(|m| {
                let q = avg(&gaps(solves, m, "quarter"));
                matches!((q, tpsdp_gap(m)), (Some(q), Some(t)) if q <= t + 1e-9)
            })
            .count();
        let with_q = sel
            .iter()
            .filter(|m| !gaps(solves, m, "quarter").is_empty() && tpsdp_gap(m).is_some())
            .count();
        let extra = if has_base {
            let (bf, bq) = (pool(base, "full"), pool(base, "quarter"));
            let (better, worse) = paired(&sel, solves, base);
            format!(
                " {} / {} | {} | {better} / {worse} |",
                cell(avg(&bf)),
                cell(worst(&bf)),
                cell(avg(&bq))
            )
        } else {
            String::new()
        };
        let bold = |s: &str| {
            if s == "all" {
                "**all**".to_string()
            } else {
                s.to_string()
            }
        };
        println!(
            "| {n} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {beats}/{with_q} |{extra}",
            bold(&kind),
            bold(&family),
            sel.len(),
            f.len() + q.len(),
            cell(avg(&f)),
            cell(worst(&f)),
            cell(avg(&q)),
            cell(worst(&q)),
            cell(avg(&tp)),
        );
    }
}

#[allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a bench binary prints its tables, and its progress to stderr"
)]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = get("--dir").map(PathBuf::from).unwrap_or_else(|| {
        let shared = root.join("../shared/benchmarks/mdgp");
        if shared.join("BKV.tsv").exists() {
            shared
        } else {
            root.join("fixtures/mdgp")
        }
    });
    let seeds: u64 = get("--seeds").and_then(|s| s.parse().ok()).unwrap_or(3);
    // `--first-seed S` runs seeds S..=seeds only (to complete a protocol run in parts).
    let first_seed: u64 = get("--first-seed").and_then(|s| s.parse().ok()).unwrap_or(1);
    let scale: f64 = get("--scale").and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let runs: usize = get("--runs").and_then(|s| s.parse().ok()).unwrap_or(2);
    let generations: Option<usize> = get("--generations").and_then(|s| s.parse().ok());
    let mut schedule = MdgpOptions::default().schedule;
    if let Some(m) = get("--migrate").and_then(|s| s.parse().ok()) {
        schedule.migrate_every = m;
    }
    if args.iter().any(|a| a == "--no-cycles") {
        schedule.elite_cycles = false;
    }
    if let Some(knobs) = get("--schedule") {
        let k: Vec<f64> = knobs.split(',').filter_map(|x| x.parse().ok()).collect();
        assert_eq!(
            k.len(),
            6,
            "--schedule pop_max,pop_min,theta_max,theta_min,eta_max,alpha"
        );
        schedule.pop_max = k[0] as usize;
        schedule.pop_min = k[1] as usize;
        (schedule.theta_max, schedule.theta_min) = (k[2], k[3]);
        schedule.eta_max = k[4] as usize;
        schedule.alpha = k[5];
    }
    let split = get("--split").unwrap_or_else(|| "all".into());
    let filter = get("--filter").unwrap_or_default();
    let sizes: Vec<usize> = get("--sizes")
        .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_default();
    let budgets: Vec<String> = get("--budgets")
        .unwrap_or_else(|| "full,quarter".into())
        .split(',')
        .map(str::to_string)
        .collect();
    let all = read_meta(&dir);
    let metas: Vec<&Meta> = all
        .iter()
        .filter(|m| in_split(m, &split))
        .filter(|m| sizes.is_empty() || sizes.contains(&m.n))
        .filter(|m| m.name.contains(&filter))
        .collect();
    let base = get("--baseline").map(|f| read_raw(&f)).unwrap_or_default();
    if let Some(files) = get("--from-raw") {
        tables(&metas, &read_raw(&files), &base);
        return;
    }
    let mut raw = get("--raw").map(|f| {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&f)
            .unwrap_or_else(|e| panic!("{f}: {e}"))
    });
    println!(
        "{} instances from {} (split {split}), seeds {first_seed}..={seeds}, {runs} runs per solve on {} threads, {}",
        metas.len(),
        dir.display(),
        rayon::current_num_threads(),
        match generations {
            Some(g) => format!("{g} generations (¼: {})", (g / 4).max(1)),
            None => format!("time limits x{scale} (3 / 20 / 120 s) and ¼ of them"),
        }
    );
    let mut solves = Vec::new();
    for m in &metas {
        let inst = mdgp::read_instance(
            File::open(dir.join(format!("instances/{}.txt", m.name))).expect("instance file"),
        )
        .expect("instance parses");
        for budget in &budgets {
            let part = if budget == "quarter" { 0.25 } else { 1.0 };
            for seed in first_seed..=seeds {
                let o = MdgpOptions {
                    time_limit: match generations {
                        Some(_) => None,
                        None => Some(Duration::from_secs_f64(limit(m.n) * scale * part)),
                    },
                    generations: generations.map(|g| ((g as f64 * part) as usize).max(1)),
                    runs,
                    seed,
                    schedule: schedule.clone(),
                    ..MdgpOptions::default()
                };
                let r = mdgp::solve(&inst, &o).expect("solves");
                let s = Solve {
                    name: m.name.clone(),
                    budget: budget.clone(),
                    seed,
                    value: r.objective,
                    time_to_best: r.time_to_best_s,
                    generations: r.generations.iter().copied().max().unwrap_or(0),
                };
                if let Some(f) = raw.as_mut() {
                    writeln!(f, "{}", s.line()).expect("raw file");
                }
                eprintln!(
                    "{} {budget} seed {seed}: {:.3} (gap {:.4} %, {} generations, best at {:.2} s)",
                    m.name,
                    r.objective,
                    (m.bkv - r.objective) / m.bkv * 100.0,
                    s.generations,
                    s.time_to_best
                );
                solves.push(s);
            }
        }
    }
    println!();
    tables(&metas, &solves, &base);
}
