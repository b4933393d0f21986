//! `lineup serve`: the real binary on a free port, spoken to over plain
//! HTTP/1.1; its answers are the CLI's, byte for byte apart from timings.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::util::{fixture, lineup, stderr, stdout};

/// A running `lineup serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lineup"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .args(args)
        .stderr(Stdio::piped())
        .spawn()
        .expect("lineup serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("http://localhost:")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Server { child, port }
}

/// Status and body of one request.
fn http(port: u16, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    s.write_all(body).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a header");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let status = head[9..12].parse().unwrap();
    let mut body = raw[split + 4..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = unchunk(&body);
    }
    (status, body)
}

fn unchunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = raw.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&raw[..line_end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&raw[line_end + 2..line_end + 2 + size]);
        raw = &raw[line_end + 4 + size..];
    }
}

/// The text without its timings (`time_s`, `elapsed_s`), which differ run by run.
fn untimed(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("\"time_s\""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn serve_answers_as_the_command_line_does() {
    let server = start(&[]);
    let csv = std::fs::read(fixture("growth-60.csv")).unwrap();
    let (status, body) = http(
        server.port,
        "POST",
        "/api/solve?time-limit=60&seed=3&solver=heuristic",
        &csv,
    );
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let cli = lineup(&[
        "solve",
        fixture("growth-60.csv").to_str().unwrap(),
        "--time-limit",
        "60",
        "--seed",
        "3",
        "--solver",
        "heuristic",
        "--format",
        "json",
    ]);
    assert!(cli.status.success(), "{}", stderr(&cli));
    let served = String::from_utf8(body).unwrap();
    let report: serde_json::Value = serde_json::from_str(&served).unwrap();
    assert_eq!(report["cut_by_time_limit"], false, "a deterministic budget");
    assert_eq!(untimed(&served), untimed(&stdout(&cli)));

    // A bad file: the same message as the CLI's, after the file's name.
    let bad = std::fs::read(fixture("bad/unknown-land.csv")).unwrap();
    let (status, body) = http(server.port, "POST", "/api/solve", &bad);
    assert_eq!(status, 422);
    let e: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let cli = lineup(&["solve", fixture("bad/unknown-land.csv").to_str().unwrap()]);
    let cli_text = stderr(&cli);
    let served = e["error"].as_str().unwrap().strip_prefix("upload: ").unwrap();
    assert!(cli_text.contains(served), "{cli_text} / {served}");

    // The page and the guard.
    let (status, page) = http(server.port, "GET", "/", b"");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("data-testid=\"file-input\""));
}

#[test]
fn serve_preloads_its_file_and_refuses_bad_flags() {
    let server = start(&[fixture("kfa-18.csv").to_str().unwrap()]);
    let (status, body) = http(server.port, "GET", "/api/preload", b"");
    assert_eq!(status, 200);
    assert_eq!(body, std::fs::read(fixture("kfa-18.csv")).unwrap());
    let o = lineup(&["serve", "--bind", "localhost"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--bind \"localhost\": expected an address and port"));
    let o = lineup(&["serve", "no/such/file.csv", "--bind", "127.0.0.1:0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot open no/such/file.csv"));
}

#[cfg(unix)]
#[test]
fn serve_stops_on_sigterm() {
    let mut server = start(&[]);
    let (status, _) = http(server.port, "GET", "/api/health", b"");
    assert_eq!(status, 200);
    let ok = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let start = std::time::Instant::now();
    while server.child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "lineup serve did not stop within 10 s of SIGTERM"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
