//! What a report records of the run that made it.

use lineup::{SettingsReport, SolveOptions};

/// Records the seed, time limit and backend of a solve in a report's
/// settings (a solved lineup can then be reproduced from its report).
pub fn record_run(settings: &mut SettingsReport, options: &SolveOptions) {
    settings.seed = Some(options.seed());
    settings.time_limit_s = Some(options.time_limit().as_secs_f64());
    settings.backend = Some(options.backend().name().to_string());
}
