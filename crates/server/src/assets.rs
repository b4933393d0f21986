//! The page's files, embedded in the binary: no CDN, no build step, works
//! offline. Plain ES modules, one concept per file.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, Kind};

macro_rules! asset {
    ($path:literal, $mime:literal) => {
        (
            $path,
            $mime,
            include_bytes!(concat!("../assets/", $path)) as &[u8],
        )
    };
}

/// Path under `/assets/`, media type, bytes.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    asset!("index.html", "text/html; charset=utf-8"),
    asset!("style.css", "text/css; charset=utf-8"),
    asset!("print.css", "text/css; charset=utf-8"),
    asset!("icon.svg", "image/svg+xml"),
    asset!("js/app.js", "text/javascript; charset=utf-8"),
    asset!("js/api.js", "text/javascript; charset=utf-8"),
    asset!("js/i18n.js", "text/javascript; charset=utf-8"),
    asset!("js/state.js", "text/javascript; charset=utf-8"),
    asset!("js/dom.js", "text/javascript; charset=utf-8"),
    asset!("js/load.js", "text/javascript; charset=utf-8"),
    asset!("js/settings.js", "text/javascript; charset=utf-8"),
    asset!("js/solve.js", "text/javascript; charset=utf-8"),
    asset!("js/cards.js", "text/javascript; charset=utf-8"),
    asset!("js/moves.js", "text/javascript; charset=utf-8"),
    asset!("js/map.js", "text/javascript; charset=utf-8"),
    asset!("js/summary.js", "text/javascript; charset=utf-8"),
    asset!("js/explain.js", "text/javascript; charset=utf-8"),
    asset!("js/variants.js", "text/javascript; charset=utf-8"),
    asset!("js/exports.js", "text/javascript; charset=utf-8"),
    asset!("js/session.js", "text/javascript; charset=utf-8"),
];

fn serve(path: &str) -> Response {
    match ASSETS.iter().find(|(p, _, _)| *p == path) {
        Some((_, mime, bytes)) => {
            let mut r = (StatusCode::OK, *bytes).into_response();
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            r
        }
        None => ApiError::new(Kind::NotFound, format!("no file /assets/{path}")).into_response(),
    }
}

/// `GET /`: the page.
pub async fn index() -> Response {
    serve("index.html")
}

/// `GET /assets/{*path}`.
pub async fn asset(Path(path): Path<String>) -> Response {
    serve(&path)
}

/// `GET /favicon.ico`: the icon (browsers ask for it by this name).
pub async fn favicon() -> Response {
    serve("icon.svg")
}

