/*!
The options of the `lineup` tool as clap parses them, shared by the command
line (`lineup solve --cluster-size 6..7 …`) and the web server (the query
parameters `?cluster-size=6..7&…` are turned into the same flags and parsed
by the same definitions, so both give the same errors).

* [`ProblemArgs`]: what is asked (cluster size, classes, comparability,
  caps, links, weights); [`settings`] validates them into [`lineup::Settings`].
* [`RunArgs`]: how long and how to search; [`options`] validates them into
  [`lineup::SolveOptions`].
* [`counts_from`]: the cluster counts of a lineup made elsewhere.
* [`flag`], [`Refusal`]: suggestions and errors in the flags' words.
* [`clap_error`], [`OptionError::text`]: option errors in English or German.

```
use clap::Parser;

#[derive(Parser)]
struct Flags {
    #[command(flatten)]
    problem: lineup_options::ProblemArgs,
    #[command(flatten)]
    run: lineup_options::RunArgs,
}

let flags = Flags::try_parse_from(["lineup", "--cluster-size", "5..8", "--time-limit", "3"])?;
let settings = lineup_options::settings(&flags.problem)?;
assert_eq!(settings.cluster_size().max, 8);
let options = lineup_options::options(&flags.run)?;
assert_eq!(options.time_limit().as_secs(), 3);
# Ok::<_, Box<dyn std::error::Error>>(())
```
*/

mod args;
mod config;
mod counts;
mod error;
mod files;
mod lang;
mod record;
mod recorded;
mod suggestions;
mod usage;

pub use args::{
    ComparabilityArg, CountArgs, FormatArg, ObjectiveArg, ProblemArgs, RunArgs, SolverArg, StabilityArgs,
    WhichArgs,
};
pub use config::{options, settings, time_limit, weights};
pub use counts::{alternatives_count, counts_from};
pub use error::OptionError;
pub use files::input_format;
pub use lang::{LangArg, LangArgs, lang_from_env};
pub use record::record_run;
pub use recorded::with_recorded;
pub use suggestions::{Refusal, flag, flag_in, infeasibility, infeasibility_in};
pub use usage::{clap_error, worded};
