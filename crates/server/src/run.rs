//! The long endpoints: solve, what-if and alternatives. The request is
//! checked first (bad options and files get 400/422 at once), then the job
//! is admitted (or 429) and runs. The answer is the JSON report, or with
//! `Accept: text/event-stream` a stream of events: `accepted` (the job id,
//! for `DELETE /api/jobs/{id}`), `started`, `progress` …, then `result` or
//! `error`.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use clap::Parser;
use lineup_options::{CountArgs, ProblemArgs, RunArgs, StabilityArgs};
use serde_json::{Value, json};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use crate::adapter;
use crate::api::{PinArgs, blocking};
use crate::error::ApiError;
use crate::jobs::{CancelOnDrop, Event, Reply, Work};
use crate::query;
use crate::state::AppState;
use crate::upload::Upload;

/// `POST /api/solve`.
#[derive(Debug, Parser)]
pub struct SolveQuery {
    #[command(flatten)]
    problem: ProblemArgs,
    #[command(flatten)]
    run: RunArgs,
    #[command(flatten)]
    pins: PinArgs,
}

/// `POST /api/whatif`.
#[derive(Debug, Parser)]
pub struct WhatifQuery {
    #[command(flatten)]
    problem: ProblemArgs,
    #[command(flatten)]
    run: RunArgs,
    #[command(flatten)]
    stability: StabilityArgs,
    #[command(flatten)]
    pins: PinArgs,
}

/// `POST /api/alternatives`.
#[derive(Debug, Parser)]
pub struct AlternativesQuery {
    #[command(flatten)]
    problem: ProblemArgs,
    #[command(flatten)]
    run: RunArgs,
    #[command(flatten)]
    count: CountArgs,
    #[command(flatten)]
    pins: PinArgs,
}

/// A job's answer, boxed.
fn reply<T: serde::Serialize + Send + std::fmt::Debug + 'static>(value: T) -> Box<dyn Reply> {
    Box::new(value)
}

fn internal(e: serde_json::Error) -> ApiError {
    ApiError::new(crate::error::Kind::Internal, format!("cannot write JSON: {e}"))
}

fn json_response(text: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], text).into_response()
}

/// The problem and options of a request with an `input` file.
fn prepare(
    state: &AppState,
    problem: &ProblemArgs,
    run: &RunArgs,
    pins: &[String],
    upload: &Upload,
) -> Result<(adapter::Problem, adapter::SolveOptions), ApiError> {
    let options = adapter::options(run, state.config.max_time_limit)?;
    let input = upload.require("input", "the municipalities")?;
    let (settings, municipalities) = adapter::settings_and_input(problem, pins, input)?;
    let problem = adapter::problem(municipalities, settings, &options, &input.name)?;
    Ok((problem, options))
}

/// `POST /api/solve`: as `lineup solve --format json`.
pub async fn solve(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
    upload: Upload,
) -> Response {
    let args: SolveQuery = match query::parse(q.as_deref()) {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let s = Arc::clone(&state);
    let prepared = blocking(move || prepare(&s, &args.problem, &args.run, &args.pins.pins, &upload)).await;
    let (problem, options) = match prepared {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let limit = options.time_limit().as_secs_f64();
    let work: Work =
        Box::new(move |cancel, progress| Ok(reply(adapter::solve(&problem, &options, cancel, progress)?)));
    start(
        &state,
        &headers,
        crate::lang::of(q.as_deref(), &headers),
        limit,
        work,
    )
    .await
}

/// `POST /api/whatif`: the `input` is the current list, `baseline` the
/// lineup so far; as `lineup whatif --format json`.
pub async fn whatif(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
    upload: Upload,
) -> Response {
    let args: WhatifQuery = match query::parse(q.as_deref()) {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let max = state.config.max_time_limit;
    let prepared = blocking(move || {
        let options = adapter::options(&args.run, max)?;
        let input = upload.require("input", "the current municipalities")?;
        let baseline = upload
            .require(
                "baseline",
                "the lineup so far: a report JSON, or CSV with id and cluster",
            )?
            .clone();
        let (settings, municipalities) = adapter::settings_and_input(&args.problem, &args.pins.pins, input)?;
        Ok((
            options,
            input.name.clone(),
            baseline,
            settings,
            municipalities,
            args.stability.stability(),
        ))
    })
    .await;
    let (options, name, baseline, settings, municipalities, stability) = match prepared {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let limit = options.time_limit().as_secs_f64();
    let work: Work = Box::new(move |cancel, _progress| {
        Ok(reply(adapter::whatif(
            municipalities,
            settings,
            &baseline,
            &stability,
            &options,
            cancel,
            &name,
        )?))
    });
    start(
        &state,
        &headers,
        crate::lang::of(q.as_deref(), &headers),
        limit,
        work,
    )
    .await
}

/// `POST /api/alternatives`: as `lineup alternatives --format json`.
pub async fn alternatives(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
    upload: Upload,
) -> Response {
    let args: AlternativesQuery = match query::parse(q.as_deref()) {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let s = Arc::clone(&state);
    let prepared = blocking(move || {
        let (problem, options) = prepare(&s, &args.problem, &args.run, &args.pins.pins, &upload)?;
        lineup_options::alternatives_count(&args.count, problem.municipalities().len())?;
        Ok((problem, options, args.count))
    })
    .await;
    let (problem, options, count) = match prepared {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let limit = options.time_limit().as_secs_f64();
    let work: Work = Box::new(move |cancel, _progress| {
        Ok(reply(adapter::alternatives(&problem, &count, &options, cancel)?))
    });
    start(
        &state,
        &headers,
        crate::lang::of(q.as_deref(), &headers),
        limit,
        work,
    )
    .await
}

/// `DELETE /api/jobs/{id}`: cancels a job (204), or 404.
pub async fn cancel(State(state): State<Arc<AppState>>, Path(id): Path<u64>) -> Response {
    if state.jobs.cancel(id) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        ApiError::new(
            crate::error::Kind::NotFound,
            format!("no running job {id}: it has finished or never existed"),
        )
        .into_response()
    }
}

fn wants_events(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/event-stream"))
}

/// Admits and runs a job; answers JSON or events.
async fn start(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    lang: adapter::Lang,
    time_limit: f64,
    work: Work,
) -> Response {
    let retry_after = (time_limit.ceil() as u64).clamp(1, 600);
    let ticket = match state.jobs.admit(retry_after) {
        Ok(t) => t,
        Err(e) => return e.into_response(),
    };
    let guard = CancelOnDrop(ticket.cancel.clone());
    if !wants_events(headers) {
        let result = ticket.run(work, None).await;
        drop(guard);
        return match result {
            Ok(reply) => match reply.json(true) {
                Ok(text) => json_response(text),
                Err(e) => internal(e).into_response(),
            },
            Err(e) => e.into_response(),
        };
    }
    let (tx, rx) = unbounded_channel();
    let done = tx.clone();
    tokio::spawn(async move {
        let result = ticket.run(work, Some(tx)).await;
        let _ = done.send(Event::Done(result));
    });
    Sse::new(Events {
        rx,
        _guard: guard,
        finished: false,
        lang,
    })
    .keep_alive(KeepAlive::default())
    .into_response()
}

/// The event stream of a job; dropping it (the client left) cancels the job.
struct Events {
    rx: UnboundedReceiver<Event>,
    _guard: CancelOnDrop,
    finished: bool,
    /// The request's language, for the error event.
    lang: adapter::Lang,
}

fn sse(name: &str, data: &Value) -> SseEvent {
    SseEvent::default().event(name).data(data.to_string())
}

impl futures_core::Stream for Events {
    type Item = Result<SseEvent, Infallible>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.finished {
            return Poll::Ready(None);
        }
        let event = match self.rx.poll_recv(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Ready(Some(e)) => e,
        };
        let out = match event {
            Event::Accepted { id, waiting } => sse("accepted", &json!({ "id": id, "waiting": waiting })),
            Event::Started => sse("started", &json!({})),
            Event::Progress(step) => sse("progress", &serde_json::to_value(step).unwrap_or_default()),
            Event::Done(Ok(reply)) => {
                self.finished = true;
                match reply.json(false) {
                    Ok(text) => SseEvent::default().event("result").data(text),
                    Err(e) => sse("error", &serde_json::to_value(internal(e)).unwrap_or_default()),
                }
            }
            Event::Done(Err(e)) => {
                self.finished = true;
                let status = e.status.as_u16();
                let e = e.in_lang(self.lang);
                let mut v = serde_json::to_value(&e).unwrap_or_default();
                v["status"] = json!(status);
                sse("error", &v)
            }
        };
        Poll::Ready(Some(Ok(out)))
    }
}
