//! Integration tests: one binary, grouped by topic.

mod analysis;
mod architecture;
mod attributes;
mod bad_input;
mod cancel;
mod cli;
mod criteria;
mod fuzz_seeds;
mod honest;
mod hostile;
mod inputs;
mod maps;
mod mdgp;
mod outputs;
mod planner;
mod planner_more;
mod properties;
mod quotas;
mod readme;
mod robustness;
mod serve;
mod signals;
mod solve;
mod stability;
mod util;
mod whatif;
