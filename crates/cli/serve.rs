//! `lineup serve`: the planner's workbench in the browser. Reads the
//! optional FILE once, starts the local server and prints its address.

use std::net::SocketAddr;

use crate::args::ServeArgs;
use crate::error::CliError;

/// Runs the server until the process is stopped.
pub fn run(a: ServeArgs) -> Result<(), CliError> {
    let addr: SocketAddr = a.bind.parse().map_err(|_| {
        CliError::usage(format!(
            "--bind {:?}: expected an address and port, e.g. 127.0.0.1:8080 (or 0.0.0.0:8080 to be reachable from other machines)",
            a.bind
        ))
    })?;
    if !(a.max_time_limit.is_finite() && a.max_time_limit > 0.0) {
        return Err(CliError::usage(format!(
            "--max-time-limit {}: expected a number of seconds > 0",
            a.max_time_limit
        )));
    }
    let mut config = lineup_server::Config::new(addr);
    config.max_solves = a.max_solves.max(1);
    config.max_time_limit = a.max_time_limit;
    if let Some(path) = &a.file {
        let bytes = std::fs::read(path).map_err(|e| {
            CliError::usage(format!(
                "cannot open {}: {e}; check the path and that the file is readable",
                path.display()
            ))
        })?;
        let name = path
            .file_name()
            .map_or_else(|| "input".into(), |n| n.to_string_lossy().into_owned());
        config.preload = Some((name, bytes));
    }
    let open = a.open;
    lineup_server::run(config, move |bound| {
        let host = if bound.ip().is_loopback() || bound.ip().is_unspecified() {
            format!("localhost:{}", bound.port())
        } else {
            bound.to_string()
        };
        let url = format!("http://{host}/");
        #[allow(clippy::print_stderr, reason = "the binary talks to its user on stderr")]
        {
            if !bound.ip().is_loopback() {
                eprintln!(
                    "warning: listening on {bound}, reachable from other machines on this network; anyone who can reach it can use it. Bind to 127.0.0.1 to keep it on this machine."
                );
            }
            eprintln!("lineup workbench on {url} (Ctrl-C stops it)");
        }
        if open {
            open_browser(&url);
        }
    })
    .map_err(|e| {
        CliError::usage(format!(
            "cannot serve on {addr}: {e}; is another program using the port? try --bind 127.0.0.1:0 for a free one"
        ))
    })
}

/// Opens the page in the default browser; says so if it cannot.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = command {
        #[allow(clippy::print_stderr, reason = "the binary talks to its user on stderr")]
        {
            eprintln!("cannot open a browser ({e}): open {url} yourself");
        }
    }
}
