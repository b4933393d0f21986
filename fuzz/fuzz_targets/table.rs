//! The table reader on arbitrary bytes: CSV, JSON or `.xlsx`, detected from
//! the content as `lineup solve` does, and once more with each format forced.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineup::{InputFormat, read_municipalities};

fuzz_target!(|data: &[u8]| {
    // Errors are fine; panics, aborts and hangs are the bugs.
    let _ = read_municipalities(data, None);
    let forced = match data.first().map(|b| b % 3) {
        Some(0) => InputFormat::Csv,
        Some(1) => InputFormat::Json,
        _ => InputFormat::Xlsx,
    };
    let _ = read_municipalities(data, Some(forced));
});
