//! Safe by default: foreign hosts and origins, body limits, bounded solves,
//! capped time limits, cancellation and progress events.

mod common;

use std::time::Duration;

use axum::body::Body;
use common::*;
use http_body_util::BodyExt;

#[tokio::test]
async fn foreign_hosts_are_refused() {
    let app = app();
    for host in [
        "evil.example:8080",
        "localhost.evil.example:8080",
        "127.0.0.1:9999",
        "",
    ] {
        let a = send(
            &app,
            axum::http::Request::get("/api/health")
                .header("host", host)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(a.status, 403, "{host}");
        assert_eq!(a.json()["kind"], "forbidden");
        assert!(a.header("content-security-policy").contains("default-src 'none'"));
    }
    for host in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080"] {
        let a = send(
            &app,
            axum::http::Request::get("/api/health")
                .header("host", host)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(a.status, 200, "{host}");
    }
}

#[tokio::test]
async fn foreign_origins_may_not_change_anything() {
    let app = app();
    let solve = |origin: &'static str, site: Option<&'static str>| {
        let mut r = request("POST", "/api/solve?classes=kfa").header("origin", origin);
        if let Some(site) = site {
            r = r.header("sec-fetch-site", site);
        }
        r.body(Body::from(fixture("kfa-18.csv"))).unwrap()
    };
    for origin in [
        "http://evil.example",
        "null",
        "https://127.0.0.1:8080",
        "http://127.0.0.1:8081",
    ] {
        let a = send(&app, solve(origin, None)).await;
        assert_eq!(a.status, 403, "{origin}: {}", a.text());
    }
    let a = send(&app, solve("http://127.0.0.1:8080", Some("cross-site"))).await;
    assert_eq!(a.status, 403);
    let a = send(&app, solve("http://127.0.0.1:8080", Some("same-origin"))).await;
    assert_eq!(a.status, 200, "{}", a.text());
    // Reading is allowed from anywhere that names this host (it changes nothing).
    let a = send(
        &app,
        request("GET", "/api/messages")
            .header("origin", "http://evil.example")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 200);
    assert!(a.header("access-control-allow-origin").is_empty());
}

#[tokio::test]
async fn bodies_over_64_mb_get_413() {
    let app = app();
    let a = send(
        &app,
        request("POST", "/api/solve")
            .header("content-length", (65 * 1024 * 1024).to_string())
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 413);
    assert_eq!(a.json()["kind"], "too_large");
    // Without a length: the reader stops at the limit.
    let chunks = (0..65).map(|_| Ok::<_, std::io::Error>(vec![b'x'; 1024 * 1024]));
    let body = Body::from_stream(futures_stream(chunks));
    let a = send(&app, request("POST", "/api/solve").body(body).unwrap()).await;
    assert_eq!(a.status, 413, "{}", a.text());
    assert!(a.text().contains("64 MB"));
}

/// A stream of chunks (a chunked upload).
fn futures_stream<I>(items: I) -> impl futures_core::Stream<Item = I::Item> + Send + 'static
where
    I: Iterator + Send + Unpin + 'static,
{
    struct S<I>(I);
    impl<I: Iterator + Unpin> futures_core::Stream for S<I> {
        type Item = I::Item;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<I::Item>> {
            std::task::Poll::Ready(self.0.next())
        }
    }
    S(items)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_server_says_when_to_come_back() {
    let mut config = config();
    config.max_solves = 1;
    config.queue = 0;
    let app = lineup_server::app(config);
    let long = {
        let app = app.clone();
        // Not provable within its 2 s (growth-60 now is, with HiGHS in well under 300 ms).
        tokio::spawn(
            async move { post(&app, "/api/solve?time-limit=2", fixture("grossstaedte-81.csv")).await },
        )
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let a = post(&app, "/api/solve?classes=kfa&time-limit=7", fixture("kfa-18.csv")).await;
    assert_eq!(a.status, 429, "{}", a.text());
    assert_eq!(a.header("retry-after"), "7");
    assert_eq!(a.json()["kind"], "busy");
    assert_eq!(long.await.unwrap().status, 200);
    let a = post(&app, "/api/solve?classes=kfa", fixture("kfa-18.csv")).await;
    assert_eq!(a.status, 200, "the slot is free again");
}

/// The events of a stream so far, up to one that contains `until`.
async fn events_until(body: &mut Body, until: &str) -> String {
    let mut text = String::new();
    while !text.contains(until) {
        let frame = tokio::time::timeout(Duration::from_secs(20), body.frame())
            .await
            .expect("an event in time");
        match frame {
            Some(Ok(f)) => {
                if let Some(data) = f.data_ref() {
                    text.push_str(&String::from_utf8_lossy(data));
                }
            }
            _ => break,
        }
    }
    text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_streams_and_a_job_can_be_cancelled() {
    use tower::ServiceExt;
    let app = app();
    let first = request("POST", "/api/solve?time-limit=1")
        .header("accept", "text/event-stream")
        .body(Body::from(fixture("growth-60.csv")))
        .unwrap();
    let response = app.clone().oneshot(first).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let mut body = response.into_body();
    let text = events_until(&mut body, "event: result").await;
    assert!(text.starts_with("event: accepted\ndata: {\"id\":"), "{text}");
    assert!(text.contains("event: progress\ndata: {\"block\":"), "{text}");
    assert!(
        text.contains("\"status\":\"time_limit\"") || text.contains("\"status\":\"optimal\""),
        "{text}"
    );

    // A long solve (60 s) cancelled once it has started: it stops and
    // answers with its best lineup so far, truthfully `interrupted`.
    // The 81 Großstädte: their proof takes some 10 s (growth-60 is proven in well under a second with HiGHS).
    let second = request("POST", "/api/solve?time-limit=60")
        .header("accept", "text/event-stream")
        .body(Body::from(fixture("grossstaedte-81.csv")))
        .unwrap();
    let mut body = app.clone().oneshot(second).await.unwrap().into_body();
    let first = events_until(&mut body, "event: started").await;
    let id: u64 = first
        .split("\"id\":")
        .nth(1)
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|s| s.parse().ok())
        .expect("a job id");
    let a = send(
        &app,
        request("DELETE", &format!("/api/jobs/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 204);
    let rest = events_until(&mut body, "event: result").await;
    assert!(rest.contains("event: result"), "{rest}");
    let result: serde_json::Value = serde_json::from_str(
        rest.split("event: result\ndata: ")
            .nth(1)
            .and_then(|r| r.split("\n\n").next())
            .expect("a result event"),
    )
    .unwrap();
    assert_eq!(result["status"], "interrupted", "{result}");
    let members: usize = result["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, 81, "every municipality in the interrupted lineup");
    assert!(result["time_s"].as_f64().unwrap() < 60.0, "{}", result["time_s"]);
    let a = send(
        &app,
        request("DELETE", "/api/jobs/999999").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(a.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_event_stream_stops_its_solve() {
    use tower::ServiceExt;
    let app = app();
    let long = request("POST", "/api/solve?time-limit=120")
        .header("accept", "text/event-stream")
        .body(Body::from(fixture("grossstaedte-81.csv")))
        .unwrap();
    let mut body = app.clone().oneshot(long).await.unwrap().into_body();
    events_until(&mut body, "event: started").await;
    assert_eq!(get(&app, "/api/health").await.json()["jobs"], 1);
    // The page closes the stream (a reload, a closed tab): the solver stops
    // at its next check, the job ends and frees its slot, long before the
    // 120 s time limit.
    drop(body);
    let mut jobs = serde_json::Value::Null;
    for _ in 0..300 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        jobs = get(&app, "/api/health").await.json()["jobs"].clone();
        if jobs == 0 {
            break;
        }
    }
    assert_eq!(jobs, 0, "the cancelled solve still holds its slot after 30 s");
}
