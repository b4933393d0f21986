//! Signals and output files on the real binary (issue 10, items 4 and 5):
//! Ctrl-C or SIGTERM keeps the best lineup with status `interrupted` and
//! exits 130 or 143; `-o FILE` is replaced atomically; a closed standard
//! output is an error. Unix only (signals, `sh`, `kill`).
#![cfg(unix)]

use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use rustix::process::Signal;

use crate::util::fixture;

fn register() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/lineup/data/register.csv")
        .to_string_lossy()
        .into_owned()
}

/// A running `lineup solve` on the whole register with a long time limit;
/// its standard output and error go to files (a pipe nobody reads would
/// block it).
struct Solve {
    child: Child,
    dir: tempfile::TempDir,
}

fn long_solve(extra: &[&str]) -> Solve {
    let dir = tempfile::tempdir().unwrap();
    let out = std::fs::File::create(dir.path().join("stdout")).unwrap();
    let err = std::fs::File::create(dir.path().join("stderr")).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_lineup"))
        .args([
            "solve",
            &register(),
            "--time-limit",
            "120",
            "--format",
            "json",
            "--quiet",
        ])
        .args(extra)
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .spawn()
        .expect("the lineup binary runs");
    Solve { child, dir }
}

fn kill(child: &Child, signal: &str) {
    let ok = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs")
        .success();
    assert!(ok, "kill {signal}");
}

/// Waits for the child to exit, at most `limit`.
fn wait(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("lineup did not stop within {limit:?} of the signal");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn output(s: &Solve) -> (String, String) {
    let read = |name: &str| std::fs::read_to_string(s.dir.path().join(name)).unwrap();
    (read("stdout"), read("stderr"))
}

#[test]
fn ctrl_c_writes_the_best_lineup_as_interrupted_and_exits_130() {
    let mut s = long_solve(&[]);
    std::thread::sleep(Duration::from_secs(3));
    kill(&s.child, "-INT");
    let status = wait(&mut s.child, Duration::from_secs(60));
    let (out, err) = output(&s);
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).expect("a complete JSON report");
    assert_eq!(r["status"], "interrupted", "{err}");
    let members: usize = r["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, 10_794);
}

#[test]
fn sigterm_with_an_output_file_writes_it_whole_and_exits_143() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lineup.json");
    std::fs::write(&path, "old").unwrap();
    let mut s = long_solve(&["-o", path.to_str().unwrap()]);
    std::thread::sleep(Duration::from_secs(3));
    kill(&s.child, "-TERM");
    let status = wait(&mut s.child, Duration::from_secs(60));
    let (_, err) = output(&s);
    assert_eq!(status.code(), Some(143), "{err}");
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(r["status"], "interrupted");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
}

#[test]
fn a_second_signal_exits_at_once() {
    let mut s = long_solve(&[]);
    std::thread::sleep(Duration::from_secs(3));
    kill(&s.child, "-INT");
    std::thread::sleep(Duration::from_millis(20));
    kill(&s.child, "-INT");
    let status = wait(&mut s.child, Duration::from_secs(20));
    assert_eq!(status.code(), Some(130));
}

#[test]
fn a_write_cut_short_leaves_the_old_file() {
    // A file size limit of 2 KB kills the process (SIGXFSZ) in the middle
    // of writing the report: the old file must survive whole.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lineup.json");
    std::fs::write(&path, "old").unwrap();
    let script = format!(
        "ulimit -f 2; exec '{}' solve '{}' -o '{}' --format json",
        env!("CARGO_BIN_EXE_lineup"),
        fixture("kfa-18.csv").display(),
        path.display()
    );
    let o = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert!(!o.status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
}

#[test]
fn a_closed_standard_output_is_an_error() {
    let script = format!(
        "exec '{}' solve '{}' >&-",
        env!("CARGO_BIN_EXE_lineup"),
        fixture("kfa-18.csv").display()
    );
    let o = Command::new("sh").args(["-c", &script]).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("standard output is closed"), "{err}");
}

/// The `.lineup-*.tmp` files in a folder.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".lineup-") && n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_second_signal_while_writing_leaves_no_temporary_file() {
    // The first signal makes the solve write its best lineup; the second
    // comes while the temporary file beside the target is being written.
    // To catch that moment on a loaded machine too, the process runs in
    // slices of about a millisecond after the first signal and is looked at
    // only while it is stopped (signals sent directly, no `kill` process in
    // between): the moment it holds a temporary file cannot pass unseen
    // between two looks unless a slice spans the whole write. The process
    // then exits at once: the target stays the old file, and the temporary
    // file is gone. Up to five tries.
    for _ in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lineup.json");
        std::fs::write(&path, "old").unwrap();
        let mut s = long_solve(&["-o", path.to_str().unwrap()]);
        running(&s.child);
        std::thread::sleep(Duration::from_secs(3));
        signal(&s.child, Signal::INT);
        let start = Instant::now();
        let mut caught = false;
        while s.child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(120) {
            signal(&s.child, Signal::STOP);
            if !stopped(&s.child) {
                break; // it has exited
            }
            if !temporaries(dir.path()).is_empty() {
                caught = true;
                signal(&s.child, Signal::INT);
                signal(&s.child, Signal::CONT);
                break;
            }
            signal(&s.child, Signal::CONT);
            std::thread::sleep(Duration::from_millis(1));
        }
        let status = wait(&mut s.child, Duration::from_secs(60));
        let (_, err) = output(&s);
        assert_eq!(status.code(), Some(130), "{err}");
        assert_eq!(temporaries(dir.path()), Vec::<String>::new(), "{err}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text == "old" || serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            "the target is the old file or the complete new one"
        );
        if caught {
            return;
        }
    }
    panic!("the temporary file was never seen while being written");
}

/// Sends a signal to the child directly (a `kill` process would let it run
/// on for as long as starting that process takes).
fn signal(child: &Child, sig: Signal) {
    // The child may have exited meanwhile; the caller looks at its status.
    let _ = rustix::process::kill_process(rustix::process::Pid::from_child(child), sig);
}

/// The child's state letter in `/proc/PID/stat` (`R`, `S`, `T`, `Z`, …).
fn state(child: &Child) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).ok()?;
    // The command name in parentheses may hold spaces: the state follows the last ')'.
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

/// Waits until a stopped child is stopped (`false`: it exited instead).
fn stopped(child: &Child) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        match state(child) {
            Some('T' | 't') => return true,
            None | Some('Z' | 'X') => return false,
            _ => std::thread::yield_now(),
        }
    }
    panic!("lineup did not stop on SIGSTOP within a minute");
}

/// Waits until the child listens for signals (its thread `signals` runs),
/// so that the first signal is handled, not fatal.
fn running(child: &Child) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        let names = std::fs::read_dir(format!("/proc/{}/task", child.id()))
            .into_iter()
            .flatten()
            .filter_map(|t| t.ok())
            .filter_map(|t| std::fs::read_to_string(t.path().join("comm")).ok());
        if names.into_iter().any(|n| n.trim() == "signals") {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("lineup did not start listening for signals within a minute");
}
