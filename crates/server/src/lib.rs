/*!
The planner's workbench: `lineup serve` starts this local web server. It
serves one page (embedded: no CDN, nothing leaves the machine) and an HTTP
API over the `lineup` library:

| endpoint | does |
|---|---|
| `POST /api/solve` | solve; body: the input file; answer: the report of `lineup solve --format json` |
| `POST /api/evaluate` | score a lineup edited by hand: score, broken rules, report, explanation |
| `POST /api/explain` | as `lineup explain --format json` |
| `POST /api/whatif` | as `lineup whatif --format json` (`input` + `baseline`) |
| `POST /api/alternatives` | as `lineup alternatives --format json` |
| `POST /api/export?format=…` | xlsx, csv, json, geojson or svg of a verified lineup |
| `POST /api/read` | the municipalities of a file, with their size classes |
| `DELETE /api/jobs/{id}` | cancel a solve, what-if or alternatives |
| `GET /api/register?q=…` | search the register of German municipalities |
| `GET /api/messages?lang=de` | the message catalogue |
| `GET /api/outlines` | Länder outlines for the map |
| `GET /api/preload`, `GET /api/health` | the file given on the command line; load |
| `GET /api/openapi.json` | this API as OpenAPI 3.1 (also `docs/openapi.json`) |

Query parameters are the CLI's flags without dashes (`cluster-size=6..7`,
`classes=kfa`, `time-limit=5`, `must-link=A,B` repeated), parsed by the same
definitions; every endpoint also takes `lang=de` (else `Accept-Language`):
errors in input files and the server's own errors answer in German, and
workbooks and maps are written in it. Bodies are the file itself, or `multipart/form-data` with parts
`input`, `lineup`, `baseline`. Errors are JSON `{"error", "kind", "lang"}` with the
CLI's text and status 400 (options, requests), 413, 422 (files,
infeasible requests, broken rules), 429 (busy, with `Retry-After`) or 403.

Safe by default: loopback address, `Host` and `Origin` checked, bodies up
to 64 MB, a few solves at once with capped time limits, a strict
Content-Security-Policy, and no file access beyond what is uploaded.

```
# async fn demo() -> std::io::Result<()> {
let config = lineup_server::Config::new("127.0.0.1:0".parse().unwrap());
let listener = tokio::net::TcpListener::bind(config.addr).await?;
let app = lineup_server::app(lineup_server::Config { addr: listener.local_addr()?, ..config });
# drop((listener, app));
# Ok(()) }
```
*/

mod adapter;
mod api;
mod assets;
mod error;
mod guard;
mod jobs;
mod lang;
mod openapi;
mod query;
mod run;
mod state;
mod upload;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};

pub use error::{ApiError, Kind};
pub use guard::{CSP, host_allowed};
pub use state::Config;
pub use upload::BODY_LIMIT;

use state::AppState;

/// The application: page, API, and the guard around both.
pub fn app(config: Config) -> Router {
    let state = Arc::new(AppState {
        jobs: Arc::new(jobs::Jobs::new(config.max_solves, config.queue)),
        config,
    });
    Router::new()
        .route("/", get(assets::index))
        .route("/favicon.ico", get(assets::favicon))
        .route("/assets/{*path}", get(assets::asset))
        .route("/api/read", post(api::read))
        .route("/api/solve", post(run::solve))
        .route("/api/evaluate", post(api::evaluate))
        .route("/api/explain", post(api::explain))
        .route("/api/whatif", post(run::whatif))
        .route("/api/alternatives", post(run::alternatives))
        .route("/api/export", post(api::export))
        .route("/api/jobs/{id}", delete(run::cancel))
        .route("/api/register", get(api::register))
        .route("/api/messages", get(api::messages))
        .route("/api/outlines", get(api::outlines))
        .route("/api/preload", get(api::preload))
        .route("/api/health", get(api::health))
        .route("/api/openapi.json", get(openapi::spec_json))
        .fallback(|| async { ApiError::new(Kind::NotFound, "no such page or endpoint").into_response() })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(lang::localise))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            guard::guard,
        ))
        .with_state(state)
}

/// Serves the application on a bound listener until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    axum::serve(listener, app(config)).await
}

/// Binds `config.addr`, calls `ready` with the address bound (the port
/// chosen when it was 0), and serves until the process ends. Starts its own
/// runtime; for callers that are not async (the command line).
pub fn run(config: Config, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        ready(addr);
        serve(listener, Config { addr, ..config }).await
    })
}
