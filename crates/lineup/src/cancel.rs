//! Stopping a running solve from outside: a flag shared between the caller
//! and the solver threads.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A cheap, cloneable handle that stops a running solve.
///
/// Give a clone to [`SolveOptions::with_cancel`](crate::SolveOptions::with_cancel)
/// and call [`cancel`](Self::cancel) on another (from a signal handler, a
/// progress callback, a web request): the solver stops at its next check —
/// wherever it would check the time limit — and returns the best verified
/// lineup found so far with status
/// [`Interrupted`](crate::Status::Interrupted) and a valid bound.
///
/// ```
/// use lineup::CancelToken;
/// let token = CancelToken::new();
/// let handle = token.clone();
/// assert!(!token.is_cancelled());
/// handle.cancel();
/// assert!(token.is_cancelled());
/// ```
#[derive(Clone, Debug, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token that is not cancelled.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// Asks every solve holding a clone of this token to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether [`cancel`](Self::cancel) was called on any clone.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Two tokens are equal when they are clones of one another.
impl PartialEq for CancelToken {
    fn eq(&self, other: &CancelToken) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// When a search must stop: at a wall-clock deadline, when cancelled, or
/// both.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stop {
    /// The wall-clock deadline, if any.
    pub deadline: Option<std::time::Instant>,
    /// The token that cancels the search, if any.
    pub cancel: Option<CancelToken>,
}

impl Stop {
    /// Whether the search must stop now.
    pub fn now(&self) -> bool {
        self.cancelled() || self.deadline.is_some_and(|d| std::time::Instant::now() >= d)
    }

    /// Whether the search was cancelled.
    pub fn cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(CancelToken::is_cancelled)
    }
}
