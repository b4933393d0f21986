//! Safe by default: every request must name this server in its `Host`
//! (against DNS rebinding), state-changing requests must come from its own
//! page (`Origin`), bodies are limited, and every answer carries a strict
//! Content-Security-Policy.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::uri::Authority;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, Kind};
use crate::state::AppState;

/// The page's Content-Security-Policy: only its own scripts, styles and
/// requests; images from itself and from blobs it makes (exports).
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Whether a `Host` (or an `Origin`'s authority) names the server bound at
/// `bound`: the same port, and `localhost` or an IP address of this server
/// (any address when bound to all interfaces). Other names are refused, so
/// a foreign domain that resolves to 127.0.0.1 cannot reach the API.
pub fn host_allowed(host: &str, bound: SocketAddr) -> bool {
    let Ok(authority) = host.parse::<Authority>() else {
        return false;
    };
    if authority.port_u16().unwrap_or(80) != bound.port() {
        return false;
    }
    let name = authority.host().trim_start_matches('[').trim_end_matches(']');
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => {
            ip == bound.ip() || bound.ip().is_unspecified() || (ip.is_loopback() && bound.ip().is_loopback())
        }
        Err(_) => false,
    }
}

fn forbidden(message: String) -> ApiError {
    ApiError::new(Kind::Forbidden, message)
}

/// Why a request is refused, if it is.
fn check(headers: &HeaderMap, method: &Method, bound: SocketAddr) -> Option<ApiError> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if !host_allowed(host, bound) {
        return Some(forbidden(format!(
            "host {host:?} is not this server: open http://{bound}/ (or http://localhost:{}/)",
            bound.port()
        )));
    }
    let safe = matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe {
        if let Some(origin) = headers.get(header::ORIGIN) {
            let origin = origin.to_str().unwrap_or_default();
            let own = origin
                .strip_prefix("http://")
                .is_some_and(|rest| rest.eq_ignore_ascii_case(host));
            if !own {
                return Some(forbidden(format!(
                    "requests from {origin:?} may not change anything here: use the page this server serves"
                )));
            }
        }
        let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
        if matches!(site, Some("cross-site") | Some("same-site")) {
            return Some(forbidden(
                "requests from other sites may not change anything here: use the page this server serves"
                    .into(),
            ));
        }
    }
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if length.is_some_and(|l| l > crate::upload::BODY_LIMIT) {
        return Some(ApiError::too_large(crate::upload::BODY_LIMIT));
    }
    None
}

/// The middleware: checks, then the security headers on every answer.
pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let mut response = match check(request.headers(), request.method(), state.config.addr) {
        None => next.run(request).await,
        Some(refused) => refused.into_response(),
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_this_server_only() {
        let lo: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        assert!(host_allowed("127.0.0.1:8080", lo));
        assert!(host_allowed("localhost:8080", lo));
        assert!(host_allowed("LOCALHOST:8080", lo));
        assert!(host_allowed("[::1]:8080", lo));
        assert!(!host_allowed("127.0.0.1:8081", lo));
        assert!(!host_allowed("evil.example:8080", lo));
        assert!(!host_allowed("localhost.evil.example:8080", lo));
        assert!(!host_allowed("192.168.1.5:8080", lo));
        assert!(!host_allowed("", lo));
        let any: SocketAddr = "0.0.0.0:80".parse().unwrap();
        assert!(host_allowed("192.168.1.5", any));
        assert!(!host_allowed("printer.local", any));
    }
}
