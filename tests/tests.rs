//! Integration tests: one binary, grouped by topic.

mod analysis;
mod bad_input;
mod cli;
mod inputs;
mod mdgp;
mod outputs;
mod properties;
mod readme;
mod robustness;
mod serve;
mod solve;
mod util;
mod whatif;
