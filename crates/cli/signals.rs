//! Ctrl-C (SIGINT) and SIGTERM: the first stops the solve through the
//! library's [`CancelToken`], so that the best verified lineup so far is
//! written with status `interrupted`; the exit code then says which signal
//! came (130 or 143). A second signal exits at once, removing the
//! temporary file of an output being written (the target stays as it was).

use std::path::PathBuf;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Mutex, OnceLock};

use lineup::CancelToken;

/// The token every solve of this process listens to.
static TOKEN: OnceLock<CancelToken> = OnceLock::new();
/// The first signal received (0: none).
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// The temporary file being written next to an `-o` target, if any.
static TEMPORARY: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Notes the temporary file being written (`None`: done, renamed or
/// removed), for a second signal to remove it before the process exits.
pub fn writing(temporary: Option<PathBuf>) {
    if let Ok(mut t) = TEMPORARY.lock() {
        *t = temporary;
    }
}

/// Creates a temporary file with `create` and notes its path (as
/// [`writing`]), both under the lock a second signal takes before it removes
/// the file: a signal between the two waits until the path is noted, so no
/// file is left behind unnoticed.
pub fn create_temporary<T>(
    create: impl FnOnce() -> std::io::Result<T>,
    path: impl Fn(&T) -> PathBuf,
) -> std::io::Result<T> {
    let mut noted = TEMPORARY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let made = create()?;
    *noted = Some(path(&made));
    Ok(made)
}

/// Removes the temporary file being written, if any; the lock is kept, so
/// that no other file is started before the process exits.
#[cfg(unix)]
fn remove_temporary() {
    let guard = TEMPORARY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(path) = guard.as_ref() {
        let _ = std::fs::remove_file(path);
    }
    std::mem::forget(guard);
}

/// The process-wide cancel token (cancelled by the first signal).
pub fn token() -> CancelToken {
    TOKEN.get_or_init(CancelToken::new).clone()
}

/// The exit code for the signal received, if any: 128 + its number.
pub fn exit_code() -> Option<u8> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        s => Some(128u8.saturating_add(s as u8)),
    }
}

/// Starts listening for SIGINT and SIGTERM on a thread of its own. If the
/// handlers cannot be installed, signals keep their default (the process
/// ends), which is what a user would expect without this feature.
#[cfg(unix)]
pub fn install() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    let token = token();
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    let _ = std::thread::Builder::new().name("signals".into()).spawn(move || {
        for sig in signals.forever() {
            if RECEIVED
                .compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst)
                .is_err()
            {
                // The second signal: stop now, with the code of the first,
                // leaving no half-written temporary file behind.
                remove_temporary();
                std::process::exit(i32::from(exit_code().unwrap_or(130)));
            }
            token.cancel();
            #[allow(clippy::print_stderr, reason = "the binary reports on stderr")]
            {
                let lang = crate::language::lang();
                eprintln!(
                    "{}",
                    lineup::messages::text("cli.interrupted", lang).unwrap_or_default()
                );
            }
        }
    });
}

/// Without Unix signals, Ctrl-C keeps its default.
#[cfg(not(unix))]
pub fn install() {}
