//! Long computations (solve, what-if, alternatives): at most a few run at
//! once, a bounded number wait, the rest get 429 with `Retry-After`. Each
//! has an id to cancel it by, runs on a blocking thread, and reports
//! progress events; a client that goes away cancels its job.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use tokio::sync::mpsc::UnboundedSender;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::adapter::{CancelToken as Cancel, Progress, Stage};
use crate::error::{ApiError, Kind};

/// How often a waiting or running job looks whether it was cancelled.
const POLL: Duration = Duration::from_millis(50);

/// A progress event of a job, as the page reads it.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    /// Block (size class).
    pub block: String,
    /// `heuristic`, `penalty`, `spread` or `done`.
    pub stage: Stage,
    /// Penalty of the block's best lineup so far.
    pub penalty: f64,
    /// Its level-2 value.
    pub spread: f64,
    /// The block's bound, when known.
    pub bound: Option<serde_json::Value>,
    /// Seconds since the start.
    pub elapsed_s: f64,
}

impl From<&Progress> for Step {
    fn from(p: &Progress) -> Step {
        Step {
            block: p.block.clone(),
            stage: p.stage,
            penalty: p.penalty,
            spread: p.spread,
            bound: p.bound.and_then(|b| serde_json::to_value(b).ok()),
            elapsed_s: p.elapsed.as_secs_f64(),
        }
    }
}

/// What a job tells its client.
#[derive(Debug)]
pub enum Event {
    /// Admitted: the id to cancel by, and how many jobs are ahead.
    Accepted {
        /// Job id.
        id: u64,
        /// Jobs waiting before it.
        waiting: usize,
    },
    /// A slot was free: it runs.
    Started,
    /// Progress of a block.
    Progress(Step),
    /// The answer.
    Done(Result<Box<dyn Reply>, ApiError>),
}

/// The answer of a job, written as JSON when it is sent: pretty (as the
/// CLI prints it) for a plain answer, compact in an event stream.
pub trait Reply: Send + std::fmt::Debug {
    /// The JSON text.
    fn json(&self, pretty: bool) -> Result<String, serde_json::Error>;
}

impl<T: Serialize + Send + std::fmt::Debug> Reply for T {
    fn json(&self, pretty: bool) -> Result<String, serde_json::Error> {
        if pretty {
            serde_json::to_string_pretty(self).map(|mut s| {
                s.push('\n');
                s
            })
        } else {
            serde_json::to_string(self)
        }
    }
}

/// The work of a job: gets its cancel flag and a progress callback.
pub type Work =
    Box<dyn FnOnce(&Cancel, &(dyn Fn(&Progress) + Sync)) -> Result<Box<dyn Reply>, ApiError> + Send>;

/// The solve slots and the jobs that hold or wait for them.
#[derive(Debug)]
pub struct Jobs {
    slots: Arc<Semaphore>,
    queue: usize,
    waiting: AtomicUsize,
    next: AtomicU64,
    cancels: Mutex<HashMap<u64, Cancel>>,
}

impl Jobs {
    /// `slots` jobs at once, `queue` more waiting.
    pub fn new(slots: usize, queue: usize) -> Jobs {
        Jobs {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            queue,
            waiting: AtomicUsize::new(0),
            next: AtomicU64::new(1),
            cancels: Mutex::new(HashMap::new()),
        }
    }

    /// Jobs waiting for a slot.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::SeqCst)
    }

    /// Jobs admitted and not finished (running or waiting).
    pub fn active(&self) -> usize {
        self.cancels.lock().map_or(0, |c| c.len())
    }

    /// Admits a job: a slot now, or a place in the queue, or 429 (come
    /// back in `retry_after` seconds).
    pub fn admit(self: &Arc<Self>, retry_after: u64) -> Result<Ticket, ApiError> {
        let permit = self.slots.clone().try_acquire_owned().ok();
        let queued = permit.is_none();
        if queued {
            let mut now = self.waiting.load(Ordering::SeqCst);
            loop {
                if now >= self.queue {
                    return Err(ApiError::busy(retry_after));
                }
                match self
                    .waiting
                    .compare_exchange(now, now + 1, Ordering::SeqCst, Ordering::SeqCst)
                {
                    Ok(_) => break,
                    Err(actual) => now = actual,
                }
            }
        }
        let id = self.next.fetch_add(1, Ordering::SeqCst);
        let cancel = Cancel::default();
        if let Ok(mut c) = self.cancels.lock() {
            c.insert(id, cancel.clone());
        }
        Ok(Ticket {
            id,
            cancel,
            permit,
            queued,
            jobs: Arc::clone(self),
        })
    }

    /// Cancels a job; false if there is no such job (any more).
    pub fn cancel(&self, id: u64) -> bool {
        match self.cancels.lock().ok().and_then(|c| c.get(&id).cloned()) {
            Some(c) => {
                c.cancel();
                true
            }
            None => false,
        }
    }
}

/// An admitted job.
#[derive(Debug)]
pub struct Ticket {
    /// Its id.
    pub id: u64,
    /// Its cancel flag.
    pub cancel: Cancel,
    permit: Option<OwnedSemaphorePermit>,
    queued: bool,
    jobs: Arc<Jobs>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if self.queued {
            self.jobs.waiting.fetch_sub(1, Ordering::SeqCst);
        }
        if let Ok(mut c) = self.jobs.cancels.lock() {
            c.remove(&self.id);
        }
    }
}

fn cancelled() -> ApiError {
    ApiError::new(Kind::Cancelled, "cancelled")
}

impl Ticket {
    /// Waits for a slot, then runs the work on a blocking thread. The slot
    /// is held until the work returns; a cancelled job (the client asked,
    /// or went away) returns soon, with what it has found.
    pub async fn run(
        mut self,
        work: Work,
        events: Option<UnboundedSender<Event>>,
    ) -> Result<Box<dyn Reply>, ApiError> {
        let send = |e: Event| {
            if let Some(tx) = &events {
                let _ = tx.send(e);
            }
        };
        send(Event::Accepted {
            id: self.id,
            waiting: if self.queued { self.jobs.waiting() } else { 0 },
        });
        let permit = match self.permit.take() {
            Some(p) => p,
            None => loop {
                tokio::select! {
                    p = self.jobs.slots.clone().acquire_owned() => {
                        break p.map_err(|_| ApiError::new(Kind::Internal, "the solve slots are closed"))?;
                    }
                    () = tokio::time::sleep(POLL) => {
                        if self.cancel.is_cancelled() {
                            return Err(cancelled());
                        }
                    }
                }
            },
        };
        if std::mem::take(&mut self.queued) {
            self.jobs.waiting.fetch_sub(1, Ordering::SeqCst);
        }
        send(Event::Started);
        let cancel = self.cancel.clone();
        let tx = events.clone();
        let handle = tokio::task::spawn_blocking(move || {
            let _slot = permit;
            let progress = |p: &Progress| {
                if let Some(tx) = &tx {
                    let _ = tx.send(Event::Progress(Step::from(p)));
                }
            };
            work(&cancel, &progress)
        });
        // A cancel reaches the solver through its token: it stops at its
        // next check and returns its best lineup so far (`interrupted`).
        handle
            .await
            .map_err(|e| ApiError::new(Kind::Internal, format!("the computation failed: {e}")))?
    }
}

/// Cancels a job when dropped: a client that closes its connection (a
/// dropped response future or event stream) cancels its job.
#[derive(Debug)]
pub struct CancelOnDrop(pub Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}
