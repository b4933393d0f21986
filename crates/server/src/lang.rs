//! The language of a request: `lang=de` in its query (every endpoint takes
//! it), else the first tag of its `Accept-Language` header, else English.
//! Errors answer in that language where the catalogue has their text
//! (errors in input files, the server's own); exports and maps are written
//! in it.

use axum::extract::Request;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::adapter::Lang;
use crate::error::ApiError;

/// The language a request asks for.
pub fn of(query: Option<&str>, headers: &HeaderMap) -> Lang {
    let asked = form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned());
    match asked {
        Some(tag) => Lang::from_tag(&tag),
        None => headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map_or(Lang::En, Lang::from_tag),
    }
}

/// Middleware: an error answer in the request's language.
pub async fn localise(request: Request, next: Next) -> Response {
    let lang = of(request.uri().query(), request.headers());
    let response = next.run(request).await;
    if lang == Lang::En {
        return response;
    }
    match response.extensions().get::<ApiError>() {
        Some(e) if e.has_text(lang) => e.clone().in_lang(lang).into_response(),
        _ => response,
    }
}
