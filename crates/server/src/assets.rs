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
    asset!("js/palette.js", "text/javascript; charset=utf-8"),
    asset!("js/summary.js", "text/javascript; charset=utf-8"),
    asset!("js/explain.js", "text/javascript; charset=utf-8"),
    asset!("js/variants.js", "text/javascript; charset=utf-8"),
    asset!("js/exports.js", "text/javascript; charset=utf-8"),
    asset!("js/printout.js", "text/javascript; charset=utf-8"),
    asset!("js/session.js", "text/javascript; charset=utf-8"),
    // A worker, not a module of the page: parses large answers off the main thread.
    asset!("workers/parse.js", "text/javascript; charset=utf-8"),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys the page asks the catalogue for: `t('key'`, `has('key'`,
    /// `data-t="key"`, `data-t-title="key"`, `data-t-ph="key"`.
    fn keys(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (open, close) in [
            ("t('", '\''),
            ("has('", '\''),
            ("data-t=\"", '"'),
            ("data-t-title=\"", '"'),
            ("data-t-ph=\"", '"'),
        ] {
            for (i, _) in text.match_indices(open) {
                let before = text[..i].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                    && open.starts_with('t')
                {
                    continue;
                }
                let rest = &text[i + open.len()..];
                if let Some(end) = rest.find(close) {
                    let key = &rest[..end];
                    if key.contains('.')
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
                    {
                        out.push(key.to_string());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_text_of_the_page_is_in_the_catalogue() {
        let known: std::collections::HashSet<&str> = lineup::messages::all().map(|m| m.key).collect();
        let mut used = 0;
        for (path, _, bytes) in ASSETS {
            let text = String::from_utf8_lossy(bytes);
            for key in keys(&text) {
                used += 1;
                assert!(
                    known.contains(key.as_str()),
                    "{path} uses {key}, which the catalogue lacks"
                );
            }
        }
        assert!(used > 100, "only {used} keys found: is the scan broken?");
    }

    #[test]
    fn the_page_groups_the_same_solver_counts_as_the_library() {
        let summary = ASSETS.iter().find(|a| a.0 == "js/summary.js").unwrap();
        let js = String::from_utf8_lossy(summary.2);
        let list: Vec<String> = lineup::messages::note::COUNTS
            .iter()
            .map(|k| format!("'{k}'"))
            .collect();
        let line = format!("const COUNTS = [{}];", list.join(", "));
        assert!(js.contains(&line), "summary.js lacks `{line}`");
    }

    #[test]
    fn every_module_is_preloaded() {
        // The page fetches its modules in parallel, not one import level at a time.
        let html = String::from_utf8_lossy(ASSETS[0].2);
        for (path, _, _) in ASSETS.iter().filter(|a| a.0.starts_with("js/")) {
            assert!(
                html.contains(&format!("<link rel=\"modulepreload\" href=\"/assets/{path}\">")),
                "index.html does not preload {path}"
            );
        }
    }

    #[test]
    fn the_page_has_its_test_hooks() {
        let html = String::from_utf8_lossy(ASSETS[0].2);
        for hook in ["file-input", "solve", "status", "score", "map"] {
            assert!(html.contains(&format!("data-testid=\"{hook}\"")), "{hook}");
        }
        let cards = ASSETS.iter().find(|a| a.0 == "js/cards.js").unwrap();
        let js = String::from_utf8_lossy(cards.2);
        for hook in [
            "data-testid=\"cluster\" data-cluster-id=",
            "data-testid=\"member\" data-id=",
        ] {
            assert!(js.contains(hook), "{hook}");
        }
    }
}
