//! The quick endpoints: reading a file, scoring and explaining a lineup,
//! exports, the register search, the map outlines and the message
//! catalogue. Each parses its query as the CLI's flags, runs its work on a
//! blocking thread and answers JSON (or the exported file).

use std::sync::Arc;

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use clap::{Args, Parser};
use lineup_options::{FormatArg, ProblemArgs, RunArgs, WhichArgs};
use serde_json::{Value, json};

use crate::adapter::{self, Lang};
use crate::error::ApiError;
use crate::query;
use crate::state::AppState;
use crate::upload::Upload;

/// Runs CPU work off the async threads.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        ApiError::new(
            crate::error::Kind::Internal,
            format!("the computation failed: {e}"),
        )
    })?
}

/// Pins of the workbench: municipalities fixed to a cluster.
#[derive(Debug, Args)]
pub struct PinArgs {
    /// Fix a municipality to a cluster (repeatable): ID=CLUSTER, the id or name
    /// of the municipality and the id of its cluster (as a `cluster` column does).
    #[arg(long = "pin", value_name = "ID=CLUSTER")]
    pub pins: Vec<String>,
}

/// `POST /api/read`.
#[derive(Debug, Parser)]
pub struct ReadQuery {
    #[command(flatten)]
    problem: ProblemArgs,
}

/// `POST /api/evaluate`.
#[derive(Debug, Parser)]
pub struct EvaluateQuery {
    #[command(flatten)]
    problem: ProblemArgs,
    #[command(flatten)]
    which: WhichArgs,
    #[command(flatten)]
    pins: PinArgs,
}

/// `POST /api/explain`.
#[derive(Debug, Parser)]
pub struct ExplainQuery {
    #[command(flatten)]
    problem: ProblemArgs,
    #[command(flatten)]
    which: WhichArgs,
    #[command(flatten)]
    pins: PinArgs,
    /// Accepted like for the CLI's `explain` (it does not search).
    #[command(flatten)]
    run: RunArgs,
}

/// `POST /api/export`.
#[derive(Debug, Parser)]
pub struct ExportQuery {
    #[command(flatten)]
    problem: ProblemArgs,
    #[command(flatten)]
    pins: PinArgs,
    /// The file to make.
    #[arg(long, value_enum)]
    format: FormatArg,
}

/// `POST /api/read`: the municipalities of a file, each with its size class.
pub async fn read(RawQuery(q): RawQuery, upload: Upload) -> Result<Json<adapter::Read>, ApiError> {
    let args: ReadQuery = query::parse(q.as_deref())?;
    let file = upload.require("input", "the municipalities")?.clone();
    blocking(move || adapter::read_for_page(&args.problem, &file))
        .await
        .map(Json)
}

/// The problem and lineup of a request with `input` and `lineup` files.
fn problem_and_lineup(
    problem: &ProblemArgs,
    pins: &[String],
    upload: &Upload,
) -> Result<(adapter::Problem, adapter::Lineup, String), ApiError> {
    let input = upload.require("input", "the municipalities")?;
    let file = upload.require("lineup", "the lineup: JSON, CSV or .xlsx with id and cluster")?;
    let (settings, municipalities) = adapter::settings_and_input(problem, pins, input)?;
    let (problem, lineup) = adapter::problem_with_lineup(file, municipalities, settings)?;
    Ok((problem, lineup, file.name.clone()))
}

/// `POST /api/evaluate`: score, breaches and (for valid lineups) the
/// report and the explanation of `municipality=…`.
pub async fn evaluate(RawQuery(q): RawQuery, upload: Upload) -> Result<Json<adapter::Evaluation>, ApiError> {
    let args: EvaluateQuery = query::parse(q.as_deref())?;
    blocking(move || {
        let (problem, lineup, name) = problem_and_lineup(&args.problem, &args.pins.pins, &upload)?;
        adapter::evaluation(&problem, &lineup, &args.which.municipality, &name)
    })
    .await
    .map(Json)
}

/// `POST /api/explain`: as `lineup explain --format json`.
pub async fn explain(RawQuery(q): RawQuery, upload: Upload) -> Result<Json<adapter::Explanation>, ApiError> {
    let args: ExplainQuery = query::parse(q.as_deref())?;
    lineup_options::options(&args.run)?;
    blocking(move || {
        let (problem, lineup, name) = problem_and_lineup(&args.problem, &args.pins.pins, &upload)?;
        adapter::explanation(&problem, &lineup, &args.which.municipality, &name)
    })
    .await
    .map(Json)
}

/// `POST /api/export?format=xlsx|csv|json|geojson|svg|png&lang=de`: the
/// verified lineup as a file to download; the workbook's sheets and headers
/// and the map's texts in the request's language (as `lineup … --lang`;
/// CSV, JSON and GeoJSON keep their machine-readable English keys).
pub async fn export(
    RawQuery(q): RawQuery,
    headers: axum::http::HeaderMap,
    upload: Upload,
) -> Result<Response, ApiError> {
    let args: ExportQuery = query::parse(q.as_deref())?;
    let lang = crate::lang::of(q.as_deref(), &headers);
    let stem = upload
        .get("input")
        .map(|f| {
            f.name
                .rsplit_once('.')
                .map_or(f.name.as_str(), |(s, _)| s)
                .to_string()
        })
        .unwrap_or_else(|| "lineup".into());
    let (bytes, mime, ext) = blocking(move || {
        let (problem, lineup, name) = problem_and_lineup(&args.problem, &args.pins.pins, &upload)?;
        let mut report = adapter::evaluated(&problem, &lineup, &name)?;
        if let Some(file) = upload.get("lineup") {
            report = adapter::keep_solved(report, &file.bytes);
        }
        adapter::export(&report, args.format, lang)
    })
    .await?;
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{safe}-lineup.{ext}\"");
    let mut r = (StatusCode::OK, bytes).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

fn param(q: Option<&str>, key: &str) -> Option<String> {
    form_urlencoded::parse(q.unwrap_or("").as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// `GET /api/register?q=Gotha&limit=20`: register entries for a search.
pub async fn register(RawQuery(q): RawQuery) -> Result<Json<Value>, ApiError> {
    let text = param(q.as_deref(), "q").unwrap_or_default();
    let limit = match param(q.as_deref(), "limit") {
        None => 20,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=200).contains(l))
            .ok_or_else(|| ApiError::usage_said("usage.limit", &[("limit", &l)]))?,
    };
    let found = blocking(move || Ok(adapter::search_register(&text, limit))).await?;
    Ok(Json(json!({ "results": found })))
}

/// `GET /api/messages?lang=de`: the message catalogue (key → text).
pub async fn messages(RawQuery(q): RawQuery) -> Json<Value> {
    let lang = Lang::from_tag(&param(q.as_deref(), "lang").unwrap_or_default());
    Json(json!({ "lang": lang.code(), "messages": adapter::messages(lang) }))
}

/// `GET /api/outlines`: the Länder outlines for the map.
pub async fn outlines() -> Response {
    let (rings, attribution) = adapter::outlines();
    let mut r = Json(json!({ "rings": rings, "attribution": attribution })).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=86400"));
    r
}

/// `GET /api/preload`: the file given on the command line (`lineup serve
/// FILE`), for the page to load at start; 204 when none was given.
pub async fn preload(State(state): State<Arc<AppState>>) -> Response {
    match &state.config.preload {
        None => StatusCode::NO_CONTENT.into_response(),
        Some((name, bytes)) => {
            let mut r = (StatusCode::OK, bytes.clone()).into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
            if let Ok(v) = HeaderValue::from_str(&urlencode(name)) {
                h.insert("x-lineup-filename", v);
            }
            r
        }
    }
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// `GET /api/health`: whether the server answers, and its load.
pub async fn health(State(state): State<Arc<AppState>>) -> Json<Value> {
    Json(json!({
        "ok": true,
        "version": env!("CARGO_PKG_VERSION"),
        "jobs": state.jobs.active(),
        "waiting": state.jobs.waiting(),
        "max_solves": state.config.max_solves,
        "max_time_limit_s": state.config.max_time_limit,
        "body_limit_bytes": crate::upload::BODY_LIMIT,
    }))
}
