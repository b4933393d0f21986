//! How the server runs ([`Config`]) and what its handlers share.

use std::net::SocketAddr;
use std::sync::Arc;

use crate::jobs;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The address it is bound to (requests must name it in `Host`).
    pub addr: SocketAddr,
    /// Solves (and what-ifs, alternatives) that run at once.
    pub max_solves: usize,
    /// Solves that may wait for a slot; more get 429.
    pub queue: usize,
    /// The longest time limit of one solve, seconds.
    pub max_time_limit: f64,
    /// A file to load when the page opens: its name and bytes.
    pub preload: Option<(String, Vec<u8>)>,
}

impl Config {
    /// Defaults for an address: 2 solves at once, 8 waiting, at most 300 s each.
    pub fn new(addr: SocketAddr) -> Config {
        Config {
            addr,
            max_solves: 2,
            queue: 8,
            max_time_limit: 300.0,
            preload: None,
        }
    }
}

/// What the handlers share.
#[derive(Debug)]
pub(crate) struct AppState {
    pub config: Config,
    pub jobs: Arc<jobs::Jobs>,
}
