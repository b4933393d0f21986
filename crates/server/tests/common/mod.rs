//! Requests against the application in-process (tower's `oneshot`, no port).

#![allow(dead_code, reason = "each test binary uses some of the helpers")]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use lineup_server::Config;
use tower::ServiceExt;

/// The host the test server is bound to.
pub const HOST: &str = "127.0.0.1:8080";

/// A fixture's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The configuration of the tests.
pub fn config() -> Config {
    Config::new(HOST.parse().unwrap())
}

/// The application with the test configuration.
pub fn app() -> Router {
    lineup_server::app(config())
}

/// An answer.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

/// Sends a request.
pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

/// A request to this server from its own page.
pub fn request(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder().method(method).uri(uri).header("host", HOST)
}

/// `GET uri`.
pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, request("GET", uri).body(Body::empty()).unwrap()).await
}

/// `POST uri` with a raw body.
pub async fn post(app: &Router, uri: &str, body: Vec<u8>) -> Answer {
    send(app, request("POST", uri).body(Body::from(body)).unwrap()).await
}

/// A `multipart/form-data` body: (part, file name, bytes).
pub fn multipart(parts: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "lineup-test-boundary-7d1f";
    let mut body = Vec::new();
    for (part, name, bytes) in parts {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{part}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// `POST uri` with files.
pub async fn post_files(app: &Router, uri: &str, parts: &[(&str, &str, &[u8])]) -> Answer {
    let (content_type, body) = multipart(parts);
    send(
        app,
        request("POST", uri)
            .header("content-type", content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// The lineup of a report as `{"clusters": [{"id", "members": [ids]}]}`.
pub fn lineup_of(report: &serde_json::Value) -> serde_json::Value {
    let clusters: Vec<serde_json::Value> = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let ids: Vec<&serde_json::Value> = c["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| &m["id"])
                .collect();
            serde_json::json!({ "id": c["id"], "members": ids })
        })
        .collect();
    serde_json::json!({ "clusters": clusters })
}
