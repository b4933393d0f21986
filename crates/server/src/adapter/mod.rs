//! The one place that calls the `lineup` library: reading uploads, building
//! problems, solving, scoring, explaining, exporting (here), and what the
//! page reads besides (`page`: rows, register search, outlines, catalogue).
//! Every error becomes an [`ApiError`] with the command line's text.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use lineup::io::Input;
use lineup::{Assessment, InputError, Municipality, ProblemError, Settings, SolveError};
use lineup_options::{FormatArg, ProblemArgs, RunArgs};
use serde::Serialize;

use crate::error::{ApiError, Kind};
use crate::upload::File;

pub use lineup::alternatives::AlternativesReport;
pub use lineup::messages::Lang;
pub use lineup::whatif::WhatIfReport;
pub use lineup::{Explanation, Lineup, Problem, Progress, Report, SolveOptions, Stage};
pub use page::{Read, messages, outlines, read_for_page, search_register};

mod page;

/// A request to stop a running computation.
///
/// The library takes no cancellation yet: until it does, a cancelled solve
/// runs to its (capped) time limit and its result is dropped.
/// [`CANCEL_STOPS_SOLVER`] and [`solve`] are the two places that change when
/// `SolveOptions` takes a cancel token.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

/// Whether a cancelled solve stops early and returns its best lineup so far.
pub const CANCEL_STOPS_SOLVER: bool = false;

impl Cancel {
    /// Asks the computation to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether it was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

fn input_error(name: &str, e: &InputError) -> ApiError {
    ApiError::new(Kind::Input, format!("{name}: {e}"))
}

fn problem_error(name: &str, e: ProblemError) -> ApiError {
    match e {
        ProblemError::Infeasible(inf) => ApiError::new(Kind::Infeasible, format!("{name}: {inf}")),
        ProblemError::Setting(_) | ProblemError::ClusterSize { .. } => {
            ApiError::usage(format!("{name}: {e}"))
        }
        other => ApiError::new(Kind::Input, format!("{name}: {other}")),
    }
}

fn solve_error(e: SolveError) -> ApiError {
    match e {
        SolveError::Unverified { .. } => ApiError::new(Kind::Internal, e.to_string()),
        other => ApiError::new(Kind::Infeasible, other.to_string()),
    }
}

/// Reads the municipalities of an uploaded file (format from its name, else
/// from its bytes).
pub fn read(file: &File) -> Result<Input, ApiError> {
    lineup::read_municipalities(&file.bytes[..], lineup_options::input_format(&file.name))
        .map_err(|e| input_error(&file.name, &e))
}

/// Settings and municipalities from the flags and the input file, with the
/// file's links and the `pin=ID=CLUSTER` pins applied.
pub fn settings_and_input(
    args: &ProblemArgs,
    pins: &[String],
    file: &File,
) -> Result<(Settings, Vec<Municipality>), ApiError> {
    let mut settings = lineup_options::settings(args)?;
    let input = read(file)?;
    settings.must_link.extend(input.must_link);
    settings.cannot_link.extend(input.cannot_link);
    let mut municipalities = input.municipalities;
    for pin in pins {
        let (key, cluster) = pin
            .split_once('=')
            .filter(|(k, c)| !k.trim().is_empty() && !c.trim().is_empty())
            .ok_or_else(|| {
                ApiError::usage(format!(
                    "--pin {pin:?}: expected ID=CLUSTER, e.g. pin=16067029=Kleinstadt-1"
                ))
            })?;
        let i = lineup::lookup::find_in(&municipalities, key.trim())
            .map_err(|e| ApiError::usage(format!("--pin: {e} ({})", file.name)))?;
        municipalities[i].cluster = Some(cluster.trim().to_string());
    }
    Ok((settings, municipalities))
}

/// The problem, checked (infeasible requests are explained).
pub fn problem(
    municipalities: Vec<Municipality>,
    settings: Settings,
    options: &SolveOptions,
    name: &str,
) -> Result<Problem, ApiError> {
    Problem::with_backend(municipalities, settings, options.backend).map_err(|e| problem_error(name, e))
}

/// Solve options from the flags, with the time limit capped.
pub fn options(args: &RunArgs, max_time_limit: f64) -> Result<SolveOptions, ApiError> {
    let options = lineup_options::options(args)?;
    if args.time_limit > max_time_limit {
        return Err(ApiError::usage(format!(
            "--time-limit {}: this server runs a solve for at most {max_time_limit} s (lineup serve --max-time-limit); use a smaller value",
            args.time_limit
        )));
    }
    Ok(options)
}

/// Solves, reporting progress; the report records the run's options.
pub fn solve(
    problem: &Problem,
    options: &SolveOptions,
    _cancel: &Cancel,
    progress: &(dyn Fn(&Progress) + Sync),
) -> Result<Report, ApiError> {
    // The cancel token goes into the options here once the library takes one.
    let solution = lineup::solve_with_progress(problem, options, progress).map_err(solve_error)?;
    let mut report = Report::new(problem, &solution);
    lineup_options::record_run(&mut report.settings, options);
    Ok(report)
}

/// A lineup file and the problem it is judged by. With `--clusters auto`
/// the cluster counts come from the lineup, as in `lineup evaluate`; when
/// those counts cannot be formed (a hand edit put a Großstadt into a
/// Mittelstadt cluster), the settings' own counts judge it, so that the
/// edit is scored and its broken rules listed instead of refused.
pub fn problem_with_lineup(
    file: &File,
    municipalities: Vec<Municipality>,
    settings: Settings,
) -> Result<(Problem, Lineup), ApiError> {
    let lineup =
        lineup::read_lineup(&file.bytes[..], &municipalities).map_err(|e| input_error(&file.name, &e))?;
    let backend = SolveOptions::default().backend;
    if settings.clusters == lineup::ClusterCount::Auto {
        let mut derived = settings.clone();
        derived.clusters = lineup_options::counts_from(&lineup, &municipalities, &settings);
        if let Ok(problem) = Problem::with_backend(municipalities.clone(), derived, backend) {
            return Ok((problem, lineup));
        }
    }
    let problem =
        Problem::with_backend(municipalities, settings, backend).map_err(|e| problem_error(&file.name, e))?;
    Ok((problem, lineup))
}

/// A lineup that breaks rules where a valid one is needed, as the CLI says it.
pub fn broken(name: &str, violations: &[lineup::Violation]) -> ApiError {
    let list: Vec<String> = violations.iter().map(|v| format!("  - {v}")).collect();
    let mut e = ApiError::new(
        Kind::Rules,
        format!(
            "{name} breaks {} rule(s):\n{}\nfix the lineup, or change the options it is judged by (--cluster-size, --comparability, …)",
            violations.len(),
            list.join("\n")
        ),
    );
    e.violations = violations
        .iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .collect();
    e
}

/// The report of a valid lineup made elsewhere (as `lineup evaluate`).
pub fn evaluated(problem: &Problem, lineup: &Lineup, name: &str) -> Result<Report, ApiError> {
    let solution = lineup::evaluate(problem, lineup).map_err(|v| broken(name, &v))?;
    Ok(Report::new(problem, &solution))
}

/// A hand-edited lineup: its score and broken rules always; when it keeps
/// every rule also its report and the explanation of `which`.
#[derive(Debug, Serialize)]
pub struct Evaluation {
    /// Score, clusters and breaches.
    #[serde(flatten)]
    pub assessment: Assessment,
    /// The report, as `lineup evaluate --format json` (valid lineups only).
    pub report: Option<Report>,
    /// Why the municipalities asked for are where they are (valid lineups only).
    pub explanation: Option<Explanation>,
}

/// Scores a lineup that may break rules; explains `which` (ids or names).
pub fn evaluation(
    problem: &Problem,
    lineup: &Lineup,
    which: &[String],
    name: &str,
) -> Result<Evaluation, ApiError> {
    let assessment = lineup::assess(problem, lineup);
    if !assessment.valid {
        return Ok(Evaluation {
            assessment,
            report: None,
            explanation: None,
        });
    }
    let report = evaluated(problem, lineup, name)?;
    let explanation = if which.is_empty() {
        None
    } else {
        Some(explanation(problem, lineup, which, name)?)
    };
    Ok(Evaluation {
        assessment,
        report: Some(report),
        explanation,
    })
}

/// The explanation of a valid lineup (of every municipality when `which`
/// is empty), as `lineup explain --format json`.
pub fn explanation(
    problem: &Problem,
    lineup: &Lineup,
    which: &[String],
    name: &str,
) -> Result<Explanation, ApiError> {
    let idx = which
        .iter()
        .map(|key| {
            lineup::lookup::find(problem, key)
                .map_err(|e| ApiError::usage(format!("--municipality: {e} ({name})")))
        })
        .collect::<Result<Vec<usize>, _>>()?;
    lineup::explain(problem, lineup, (!idx.is_empty()).then_some(idx.as_slice()))
        .map_err(|v| broken(name, &v))
}

/// A what-if against a baseline lineup file.
pub fn whatif(
    municipalities: Vec<Municipality>,
    settings: Settings,
    baseline: &File,
    stability: &lineup::Stability,
    options: &SolveOptions,
    name: &str,
) -> Result<WhatIfReport, ApiError> {
    let base = lineup::read_baseline(&baseline.bytes[..]).map_err(|e| input_error(&baseline.name, &e))?;
    let w = lineup::whatif(municipalities, settings, &base, stability, options).map_err(|e| match e {
        lineup::WhatIfError::Problem(p) => problem_error(name, p),
        lineup::WhatIfError::Solve(s) => solve_error(s),
        other => ApiError::new(Kind::Infeasible, other.to_string()),
    })?;
    let mut report = w.report();
    lineup_options::record_run(&mut report.report.settings, options);
    Ok(report)
}

/// Alternatives, best first.
pub fn alternatives(
    problem: &Problem,
    count: &lineup_options::CountArgs,
    options: &SolveOptions,
) -> Result<AlternativesReport, ApiError> {
    let (k, d) = lineup_options::alternatives_count(count, problem.municipalities().len())?;
    let found = lineup::alternatives(problem, k, d, options).map_err(solve_error)?;
    let mut report = found.report(problem);
    for l in &mut report.lineups {
        lineup_options::record_run(&mut l.report.settings, options);
    }
    Ok(report)
}

/// The report a lineup file carries when it is the report of a solve of
/// the same lineup under the same settings (status, bound and gap of the
/// solve, which simple bounds cannot prove); else the evaluated one.
pub fn keep_solved(evaluated: Report, bytes: &[u8]) -> Report {
    let Ok(given) = serde_json::from_slice::<Report>(bytes) else {
        return evaluated;
    };
    let core = |r: &Report| {
        let mut s = r.settings.clone();
        (s.seed, s.time_limit_s, s.backend) = (None, None, None);
        s
    };
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(1.0);
    let same = given.clusters == evaluated.clusters
        && core(&given) == core(&evaluated)
        && close(given.objective.penalty, evaluated.objective.penalty)
        && close(given.objective.spread, evaluated.objective.spread);
    if same { given } else { evaluated }
}

/// An export of a report: the bytes, their media type and file extension.
pub fn export(report: &Report, format: FormatArg) -> Result<(Vec<u8>, &'static str, &'static str), ApiError> {
    let cannot = |what: &str, e: &dyn std::fmt::Display| ApiError::usage(format!("cannot write {what}: {e}"));
    Ok(match format {
        FormatArg::Json => {
            let mut s = serde_json::to_string_pretty(report).map_err(|e| cannot("JSON", &e))?;
            s.push('\n');
            (s.into_bytes(), "application/json", "json")
        }
        FormatArg::Csv => (
            lineup::export::csv(report)
                .map_err(|e| cannot("CSV", &e))?
                .into_bytes(),
            "text/csv; charset=utf-8",
            "csv",
        ),
        FormatArg::Geojson => {
            let mut s = serde_json::to_string_pretty(&lineup::export::geojson(report))
                .map_err(|e| cannot("GeoJSON", &e))?;
            s.push('\n');
            (s.into_bytes(), "application/geo+json", "geojson")
        }
        FormatArg::Svg => (lineup::map::svg(report).into_bytes(), "image/svg+xml", "svg"),
        FormatArg::Xlsx => (
            xlsx(report)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        FormatArg::Table => {
            return Err(ApiError::usage(
                "--format table is for terminals: choose xlsx, csv, json, geojson or svg",
            ));
        }
    })
}

#[cfg(feature = "xlsx")]
fn xlsx(report: &Report) -> Result<Vec<u8>, ApiError> {
    lineup::export::xlsx(report).map_err(|e| ApiError::usage(e.to_string()))
}

#[cfg(not(feature = "xlsx"))]
fn xlsx(_: &Report) -> Result<Vec<u8>, ApiError> {
    Err(ApiError::usage(
        "this build cannot write .xlsx (built without the `xlsx` feature): use format=csv",
    ))
}
