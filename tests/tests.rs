//! Integration tests: one binary, grouped by topic.

mod bad_input;
mod cli;
mod properties;
mod readme;
mod solve;
mod util;
