//! The command line, as close to the flags as possible (validation happens
//! in `config.rs`). Doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use lineup_options::{CountArgs, FormatArg, ProblemArgs, RunArgs, StabilityArgs, WhichArgs};

const ABOUT: &str =
    "Compose clusters of German municipalities: alike in size, from regions as different as possible.";

const LONG_ABOUT: &str = "\
Compose clusters of German municipalities: alike in size, from regions as different as possible.

Objective (lexicographic by default): first the fewest pairs of members from the same Land inside a \
cluster (plus pairs of different size classes, when classes may mix); then the largest spread: \
pairs from Länder that share no border, plus great-circle distance. Default weights: 1 per \
same-Land pair, 1 per mixed-class pair, 1 per non-bordering pair, 1 per 100 km.

Input: CSV (also German spreadsheet exports: `;`, 1.234.567, 52,1; Windows-1252), .xlsx or JSON. \
A row may give only the AGS (`id`) or the `name` (plus `state` where the name is ambiguous): \
population, Land and coordinates come from the built-in municipality register.

Data: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Stand 31.12.2020; \
dl-de/by-2-0 (Daten verändert); the built-in register and the fixtures. Länder borders and map \
outlines: © GeoBasis-DE / BKG 2021 (Daten verändert); dl-de/by-2-0.

Exit codes: 0 solved, 1 no feasible lineup (the reason is printed), 2 usage or input error, 130 \
interrupted by Ctrl-C, 143 stopped by SIGTERM (both after writing the best lineup so far, status \
`interrupted`; a second signal exits at once).";

const SOLVE_EXAMPLES: &str = "\
Examples:
  lineup solve fixtures/kfa-18.csv
  lineup solve fixtures/growth-60.csv --format json --output lineup.json
  lineup solve fixtures/kfa-18-ids.csv -o lineup.xlsx      (format from the extension)
  lineup solve towns.xlsx --format svg -o lineup.svg
  lineup solve register.csv --classes kfa --cluster-size 5..8 --time-limit 30
  lineup solve towns.csv --comparability adjacent --max-per-land 2 --must-link 16067029,03252006";

const EVALUATE_EXAMPLES: &str = "\
Examples:
  lineup evaluate fixtures/kfa-18.csv lineup.json
  lineup evaluate towns.csv by-hand.json --format json
  lineup evaluate towns.xlsx lineup.xlsx -o checked.geojson
  lineup evaluate towns.csv by-hand.json --against lineup.json      (who moved, what changed)

A lineup written by `solve --format json` records its settings (they are used unless a flag gives
another) and its bound with what it is valid for: for the same input and settings, that bound
says how good the lineup is; otherwise a solve within --time-limit computes one.";

const MAP_EXAMPLES: &str = "\
Examples:
  lineup map fixtures/kfa-18.csv lineup.json -o lineup.svg
  lineup map towns.xlsx lineup.xlsx -o lineup.png --size 1920x1080 --title \"Fachaustausch 2026\"

A what-if map (joined and moved members marked): lineup whatif towns.csv --baseline old.json -o new.png";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  lineup completions bash > ~/.local/share/bash-completion/completions/lineup
  lineup completions zsh > ~/.zfunc/_lineup
  lineup completions fish > ~/.config/fish/completions/lineup.fish";

/// `lineup`: cluster lineups of German municipalities.
#[derive(Debug, Parser)]
#[command(name = "lineup", version, about = ABOUT, long_about = LONG_ABOUT)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub lang: lineup_options::LangArgs,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compose a lineup: proven optimal, or with a bound and gap.
    #[command(after_help = SOLVE_EXAMPLES)]
    Solve(SolveArgs),
    /// Verify and score a lineup made elsewhere (by hand, by an earlier run).
    #[command(after_help = EVALUATE_EXAMPLES)]
    Evaluate(EvaluateArgs),
    /// Re-optimise an existing lineup after municipalities join or leave, moving as few members as possible.
    #[command(after_help = WHATIF_EXAMPLES)]
    Whatif(WhatifArgs),
    /// Several good lineups, best first, each differing from the earlier ones in at least D municipalities.
    #[command(after_help = ALTERNATIVES_EXAMPLES)]
    Alternatives(AlternativesArgs),
    /// Explain a lineup: per cluster its Länder, pairs and distances; per municipality its share of the
    /// score, what moving it would change, and which rule forbids a move.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Draw a lineup on a map of Germany (SVG): Länder, members coloured by cluster, a legend.
    #[command(after_help = MAP_EXAMPLES)]
    Map(MapArgs),
    /// Solve a Maximally Diverse Grouping Problem instance in MDGPLIB format.
    #[command(after_help = MDGP_EXAMPLES)]
    Mdgp(MdgpArgs),
    /// The workbench: a local web page to compose, adjust by hand and export lineups.
    #[command(after_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
    /// Print a shell completion script to standard output.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
}

/// Arguments of `lineup map`.
#[derive(Debug, Args)]
pub struct MapArgs {
    /// Municipalities, as for `solve`.
    pub file: PathBuf,
    /// The lineup, as for `evaluate` (JSON, CSV or .xlsx with id and cluster columns).
    pub lineup: PathBuf,
    #[command(flatten)]
    pub problem: ProblemArgs,
    /// The time limit bounds the solve that proves how good the lineup is (when the lineup file
    /// carries no bound for this input and these settings).
    #[command(flatten)]
    pub run: RunArgs,
    /// Write the map to this file instead of standard output (.svg or .png).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// svg or png; default: from the --output extension, else svg.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<MapFormat>,
    /// The heading of the map (default: "Lineup: N municipalities in K clusters of 6–7").
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The picture's size in pixels, e.g. 1920x1080 for a 16:9 slide; the map and
    /// legend are scaled to fit and centred (default: the size the content needs;
    /// a PNG then at twice that).
    #[arg(long, value_name = "WIDTHxHEIGHT")]
    pub size: Option<String>,
}

/// The formats of `lineup map`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MapFormat {
    /// SVG (scalable; for the web and for editing).
    Svg,
    /// PNG (a picture for slides).
    Png,
}

const SERVE_EXAMPLES: &str = "\
Examples:
  lineup serve
  lineup serve fixtures/kfa-18.csv --open
  lineup serve towns.xlsx --bind 127.0.0.1:9000

The page and everything it needs are inside the program: nothing is loaded from the internet and no
data leaves this machine. The HTTP API is described in the README.";

/// Arguments of `lineup serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// A file to load when the page opens (as for `solve`); more can be loaded on the page.
    pub file: Option<PathBuf>,
    /// Address and port to listen on. The default keeps the server on this machine;
    /// 0.0.0.0:PORT makes it reachable from the network (with a warning).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Solves that run at once; more wait (a few) or are turned away with 429.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub max_solves: usize,
    /// The longest time limit a page may ask for, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 300.0)]
    pub max_time_limit: f64,
}

/// Arguments of `lineup completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  lineup solve fixtures/kfa-18.csv --format json -o lineup.json
  lineup explain fixtures/kfa-18.csv lineup.json --municipality 16067029
  lineup explain fixtures/kfa-18.csv lineup.json --municipality Gotha --municipality Wismar
  lineup explain fixtures/kfa-18.csv lineup.json --format json -o why.json

Score changes are differences of the objective (penalty: lower is better; spread: higher is
better), computed by re-scoring the changed clusters. With clusters of 6..7 a member can often only
change places with another; the best such exchange per cluster is listed.";

/// Arguments of `lineup explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Municipalities, as for `solve`.
    pub file: PathBuf,
    /// The lineup, as for `evaluate`.
    pub lineup: PathBuf,
    #[command(flatten)]
    pub which: WhichArgs,
    #[command(flatten)]
    pub problem: ProblemArgs,
    /// Accepted like for every command (explain does not search, so they change nothing).
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

const ALTERNATIVES_EXAMPLES: &str = "\
Examples:
  lineup alternatives fixtures/growth-60.csv -k 5
  lineup alternatives fixtures/growth-60.csv -k 3 --min-difference 10 --format json -o choices.json

The difference between two lineups is the fewest municipalities that must move to turn one into
the other; which cluster has which id does not matter.";

/// Arguments of `lineup alternatives`.
#[derive(Debug, Args)]
pub struct AlternativesArgs {
    /// Municipalities, as for `solve`.
    pub file: PathBuf,
    #[command(flatten)]
    pub count: CountArgs,
    #[command(flatten)]
    pub problem: ProblemArgs,
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

const WHATIF_EXAMPLES: &str = "\
Examples:
  lineup solve fixtures/growth-60.csv --format json -o baseline.json
  lineup whatif fixtures/growth-68.csv --baseline baseline.json
  lineup whatif fixtures/growth-68.csv --baseline baseline.json --max-moves 2 --format json
  lineup whatif fixtures/growth-68.csv --baseline baseline.json --stability 0.5

FILE is the current list: municipalities not in the baseline join, baseline members missing from
FILE leave. Baseline cluster ids stay; a size class keeps its number of clusters unless its new size
forces clusters to open or close.";

/// Arguments of `lineup whatif`.
#[derive(Debug, Args)]
pub struct WhatifArgs {
    /// The current municipalities, as for `solve`.
    pub file: PathBuf,
    /// The existing lineup: JSON as written by `solve --format json` (it also records the data of
    /// members who have left), or CSV with id and cluster columns.
    #[arg(long, value_name = "LINEUP")]
    pub baseline: PathBuf,
    #[command(flatten)]
    pub stability: StabilityArgs,
    #[command(flatten)]
    pub problem: ProblemArgs,
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

const MDGP_EXAMPLES: &str = "\
Examples:
  lineup mdgp fixtures/mdgp/instances/RanReal_n120_ss_01.txt --time-limit 3
  lineup mdgp fixtures/mdgp/instances/Geo_n240_ds_01.txt --time-limit 20 --threads 2 --format json
  lineup mdgp fixtures/mdgp/instances/RanInt_n012_ds_01.txt --generations 50 --seed 7";

/// Arguments of `lineup mdgp`.
#[derive(Debug, Args)]
pub struct MdgpArgs {
    /// Instance: first line `n m ss|ds a_1 b_1 … a_m b_m`, then `i j d_ij` lines.
    pub file: PathBuf,
    /// Wall-clock limit in seconds (each run; runs go in parallel).
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub time_limit: f64,
    /// Generations per run: a deterministic budget (the result then does not depend on timing).
    #[arg(long, value_name = "N")]
    pub generations: Option<usize>,
    /// Seed for all random choices.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Independent runs; the best wins (by objective, then run index).
    #[arg(long, default_value_t = 2)]
    pub runs: usize,
    /// Worker threads (default: one per core). The answer does not depend on it
    /// unless the time limit stops the search.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub output: MdgpOutputArgs,
}

/// Where and how `mdgp` prints.
#[derive(Debug, Args)]
pub struct MdgpOutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = MdgpFormat::Table)]
    pub format: MdgpFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `mdgp --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MdgpFormat {
    /// Human-readable summary.
    Table,
    /// JSON: objective, groups, bound, time_s, ….
    Json,
}

/// Arguments of `lineup solve`.
#[derive(Debug, Args)]
pub struct SolveArgs {
    /// Municipalities: CSV (`,` `;` or tab; columns id, name, state, population, lat, lon, English or
    /// German headers; optional size_class, cluster), .xlsx (first sheet, same columns) or JSON.
    /// Only id or name is required: missing values come from the built-in register.
    pub file: PathBuf,
    #[command(flatten)]
    pub problem: ProblemArgs,
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `lineup evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// Municipalities, as for `solve`.
    pub file: PathBuf,
    /// The lineup: JSON as written by `solve --format json` (or `{"clusters": [{"id", "members": [ids]}]}`),
    /// or CSV or .xlsx with id and cluster columns (as written by `--format csv` or `xlsx`).
    pub lineup: PathBuf,
    /// A reference lineup (same forms as LINEUP): list who moved and how each objective term changed.
    #[arg(long, value_name = "OTHER")]
    pub against: Option<PathBuf>,
    #[command(flatten)]
    pub problem: ProblemArgs,
    /// The time limit bounds the solve that proves how good the lineup is (when the lineup file
    /// carries no bound for this input and these settings).
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Where and how to print.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: from the --output extension (.json, .csv, .geojson, .svg, .xlsx),
    /// else table].
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}
