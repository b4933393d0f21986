//! `lineup mdgp`: MDGPLIB instances.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use lineup::Status;
use lineup::mdgp::{self, MdgpOptions, MdgpResult};
use serde::Serialize;

use crate::args::{MdgpArgs, MdgpFormat};
use crate::error::CliError;

#[derive(Serialize)]
struct Output<'a> {
    instance: String,
    n: usize,
    m: usize,
    r#type: &'a str,
    seed: u64,
    time_limit_s: f64,
    #[serde(flatten)]
    result: &'a MdgpResult,
}

fn table(o: &Output<'_>) -> String {
    let r = o.result;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "instance   {} (n {}, m {}, {})",
        o.instance, o.n, o.m, o.r#type
    );
    let _ = writeln!(s, "objective  {:.3}", r.objective);
    if r.status == Status::Optimal {
        let how = if r.runs == 0 {
            "every grouping enumerated"
        } else {
            "equal to the bound"
        };
        let _ = writeln!(s, "status     proven optimal ({how})");
    } else {
        let gap = if r.bound > 0.0 {
            (r.bound - r.objective) / r.bound * 100.0
        } else {
            0.0
        };
        let _ = writeln!(s, "status     heuristic (no proof of optimality)");
        let _ = writeln!(s, "bound      {:.3} (gap {gap:.2} %)", r.bound);
    }
    if r.runs == 0 {
        let _ = writeln!(s, "time       {:.3} s", r.time_s);
    } else {
        let _ = writeln!(
            s,
            "time       {:.2} s ({} runs, best from run {}; generations {:?}{})",
            r.time_s,
            r.runs,
            r.winning_run,
            r.generations,
            if r.cut_by_time {
                "; stopped by the time limit"
            } else {
                ""
            }
        );
    }
    let groups: Vec<String> = r.groups.iter().map(usize::to_string).collect();
    let _ = writeln!(s, "groups     {}", groups.join(" "));
    s
}

/// Runs `lineup mdgp`.
pub fn run(a: MdgpArgs) -> Result<String, CliError> {
    if !a.time_limit.is_finite() || a.time_limit <= 0.0 {
        return Err(CliError::usage(format!(
            "--time-limit {}: expected seconds > 0",
            a.time_limit
        )));
    }
    if a.runs == 0 || a.threads == Some(0) {
        return Err(CliError::usage("--runs and --threads must be at least 1"));
    }
    let file = std::fs::File::open(&a.file).map_err(|e| {
        CliError::usage(format!(
            "cannot open {}: {e}; check the path and that the file is readable",
            a.file.display()
        ))
    })?;
    let inst =
        mdgp::read_instance(std::io::BufReader::new(file)).map_err(|e| CliError::input(&a.file, &e))?;
    let options = MdgpOptions {
        time_limit: Some(Duration::from_secs_f64(a.time_limit)),
        generations: a.generations,
        runs: a.runs,
        seed: a.seed,
        ..MdgpOptions::default()
    };
    let solve = || mdgp::solve(&inst, &options);
    let result = match a.threads {
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .map_err(|e| CliError::usage(format!("cannot start {t} threads: {e}")))?
            .install(solve),
        None => solve(),
    }
    .map_err(|e| CliError::infeasible(format!("{}: {e}", a.file.display())))?;
    let out = Output {
        instance: name(&a.file),
        n: inst.n(),
        m: inst.m(),
        r#type: &inst.kind,
        seed: a.seed,
        time_limit_s: a.time_limit,
        result: &result,
    };
    Ok(match a.output.format {
        MdgpFormat::Table => table(&out),
        MdgpFormat::Json => {
            serde_json::to_string_pretty(&out)
                .map_err(|e| CliError::usage(format!("cannot write JSON: {e}")))?
                + "\n"
        }
    })
}

fn name(p: &Path) -> String {
    p.file_stem()
        .map_or_else(|| p.display().to_string(), |s| s.to_string_lossy().into_owned())
}
