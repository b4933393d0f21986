//! The one place that calls the `lineup` library: reading uploads, building
//! problems, solving, scoring, explaining, exporting (here), and what the
//! page reads besides (`page`: rows, register search, outlines, catalogue).
//! Every error becomes an [`ApiError`] with the command line's text.

use lineup::{Assessment, Municipality, ProblemError, Settings, SolveError};
use lineup_options::{FormatArg, ProblemArgs, Refusal, RunArgs};
use serde::Serialize;

use crate::error::{ApiError, Kind};
use crate::upload::File;

pub use lineup::messages::Lang;
pub use lineup::{AlternativesReport, WhatIfReport};
pub use lineup::{CancelToken, Explanation, Lineup, Problem, Progress, Report, SolveOptions, Stage};
pub use page::{Read, messages, outlines, read_for_page, search_register};

mod input;
mod page;

use input::input_error;
pub use input::read;

fn problem_error(name: &str, e: ProblemError) -> ApiError {
    let de = match Refusal::problem_in(e.clone(), Lang::De) {
        Refusal::Infeasible(t) | Refusal::Usage(t) => format!("{name}: {t}"),
    };
    let error = match Refusal::problem(e) {
        Refusal::Infeasible(t) => ApiError::new(Kind::Infeasible, format!("{name}: {t}")),
        Refusal::Usage(t) => ApiError::usage(format!("{name}: {t}")),
    };
    german_if_worded(error, de)
}

/// The error with its German text, where the catalogue words it (the
/// planner's criteria; other problem errors are English in both).
fn german_if_worded(error: ApiError, de: String) -> ApiError {
    if de == error.error {
        error
    } else {
        error.with_german(de)
    }
}

fn solve_error(e: SolveError, cancel: &CancelToken) -> ApiError {
    if let SolveError::Unverified { .. } = e {
        return ApiError::new(Kind::Internal, e.to_string());
    }
    if cancel.is_cancelled() && matches!(e, SolveError::NotFound { .. }) {
        return ApiError::cancelled();
    }
    let de = match Refusal::solve_in(e.clone(), Lang::De) {
        Refusal::Infeasible(t) | Refusal::Usage(t) => t,
    };
    let error = match Refusal::solve(e) {
        Refusal::Infeasible(t) => ApiError::new(Kind::Infeasible, t),
        Refusal::Usage(t) => ApiError::usage(t),
    };
    german_if_worded(error, de)
}

/// Settings and municipalities from the flags and the input file, with the
/// file's links and the `pin=ID=CLUSTER` pins applied.
pub fn settings_and_input(
    args: &ProblemArgs,
    pins: &[String],
    file: &File,
) -> Result<(Settings, Vec<Municipality>), ApiError> {
    let input = read(file)?;
    let settings = input
        .must_link
        .into_iter()
        .fold(lineup_options::settings(args)?, |s, (a, b)| {
            s.with_must_link(a, b)
        });
    let settings = input
        .cannot_link
        .into_iter()
        .fold(settings, |s, (a, b)| s.with_cannot_link(a, b));
    let mut municipalities = input.municipalities;
    for pin in pins {
        let (key, cluster) = pin
            .split_once('=')
            .filter(|(k, c)| !k.trim().is_empty() && !c.trim().is_empty())
            .ok_or_else(|| ApiError::usage_said("usage.pin", &[("flag", "--pin"), ("pin", pin)]))?;
        let i = lineup::find_municipality(&municipalities, key.trim())
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
    Problem::with_backend(municipalities, settings, options.backend()).map_err(|e| problem_error(name, e))
}

/// Solve options from the flags, with the time limit capped.
pub fn options(args: &RunArgs, max_time_limit: f64) -> Result<SolveOptions, ApiError> {
    let options = lineup_options::options(args)?;
    if args.time_limit > max_time_limit {
        let (seconds, max) = (args.time_limit.to_string(), max_time_limit.to_string());
        return Err(ApiError::usage_said(
            "usage.time_limit.server",
            &[
                ("flag", "--time-limit"),
                ("seconds", &seconds),
                ("max", &max),
                ("option", "--max-time-limit"),
            ],
        ));
    }
    Ok(options)
}

/// Solves, reporting progress; the report records the run's options. A
/// cancelled solve stops at the solver's next check and answers with its
/// best verified lineup so far, status `interrupted`.
pub fn solve(
    problem: &Problem,
    options: &SolveOptions,
    cancel: &CancelToken,
    progress: &(dyn Fn(&Progress) + Sync),
) -> Result<Report, ApiError> {
    let options = &options.clone().with_cancel(cancel.clone());
    let solution =
        lineup::solve_with_progress(problem, options, progress).map_err(|e| solve_error(e, cancel))?;
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
    let backend = SolveOptions::default().backend();
    if *settings.clusters() == lineup::ClusterCount::Auto {
        let counts = lineup_options::counts_from(&lineup, &municipalities, &settings);
        let derived = settings.clone().with_clusters(counts);
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
            problem
                .find(key)
                .map_err(|e| ApiError::usage(format!("--municipality: {e} ({name})")))
        })
        .collect::<Result<Vec<usize>, _>>()?;
    lineup::explain(problem, lineup, (!idx.is_empty()).then_some(idx.as_slice())).map_err(|e| match e {
        lineup::ExplainError::Broken(v) => broken(name, &v),
        other => ApiError::usage(format!("{other} ({name})")),
    })
}

/// A what-if against a baseline lineup file.
pub fn whatif(
    municipalities: Vec<Municipality>,
    settings: Settings,
    baseline: &File,
    stability: &lineup::Stability,
    options: &SolveOptions,
    cancel: &CancelToken,
    name: &str,
) -> Result<WhatIfReport, ApiError> {
    let options = &options.clone().with_cancel(cancel.clone());
    let base = lineup::read_baseline(&baseline.bytes[..]).map_err(|e| input_error(&baseline.name, &e))?;
    let w = lineup::whatif(municipalities, settings, &base, stability, options).map_err(|e| match e {
        lineup::WhatIfError::Problem(p) => problem_error(name, p),
        lineup::WhatIfError::Solve(s) => solve_error(s, cancel),
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
    cancel: &CancelToken,
) -> Result<AlternativesReport, ApiError> {
    let options = &options.clone().with_cancel(cancel.clone());
    let (k, d) = lineup_options::alternatives_count(count, problem.municipalities().len())?;
    let found = lineup::alternatives(problem, k, d, options).map_err(|e| solve_error(e, cancel))?;
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
pub fn export(
    report: &Report,
    format: FormatArg,
    lang: Lang,
) -> Result<(Vec<u8>, &'static str, &'static str), ApiError> {
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
        FormatArg::Svg => (svg(report, lang).into_bytes(), "image/svg+xml", "svg"),
        FormatArg::Xlsx => (
            xlsx(report, lang)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        FormatArg::Png => (png(report, lang)?, "image/png", "png"),
        FormatArg::Table => {
            return Err(ApiError::usage(
                "--format table is for terminals: choose xlsx, csv, json, geojson, svg or png",
            ));
        }
    })
}

/// The map as SVG, its texts in a language.
fn svg(report: &Report, lang: Lang) -> String {
    let options = lineup::map::MapOptions {
        lang,
        ..lineup::map::MapOptions::default()
    };
    lineup::map::svg_with(report, &options)
}

/// The map as PNG, twice the SVG's size (sharp on a slide).
#[cfg(feature = "png")]
fn png(report: &Report, lang: Lang) -> Result<Vec<u8>, ApiError> {
    lineup::map::png(&svg(report, lang), 2.0).map_err(|e| ApiError::usage(e.to_string()))
}

#[cfg(not(feature = "png"))]
fn png(_: &Report, _: Lang) -> Result<Vec<u8>, ApiError> {
    Err(ApiError::usage(
        "this build cannot draw PNG maps (built without the `png` feature): use svg",
    ))
}

#[cfg(feature = "xlsx")]
fn xlsx(report: &Report, lang: Lang) -> Result<Vec<u8>, ApiError> {
    lineup::export::xlsx_in(report, lang).map_err(|e| ApiError::usage(e.to_string()))
}

#[cfg(not(feature = "xlsx"))]
fn xlsx(_: &Report, _: Lang) -> Result<Vec<u8>, ApiError> {
    Err(ApiError::usage(
        "this build cannot write .xlsx (built without the `xlsx` feature): use format=csv",
    ))
}
