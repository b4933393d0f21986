//! The command line, as close to the flags as possible (validation happens
//! in `config.rs`). Doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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

Exit codes: 0 solved, 1 no feasible lineup (the reason is printed), 2 usage or input error.";

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
  lineup evaluate towns.xlsx lineup.xlsx -o checked.geojson";

const MAP_EXAMPLES: &str = "\
Examples:
  lineup map fixtures/kfa-18.csv lineup.json -o lineup.svg
  lineup map towns.xlsx lineup.xlsx -o lineup.svg && rsvg-convert -o lineup.png lineup.svg";

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
    /// Write the SVG to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    /// Explain only this municipality (repeatable): its id, its name, or name and Land
    /// ("Neustadt, BY"). Default: every one.
    #[arg(long, value_name = "ID|NAME")]
    pub municipality: Vec<String>,
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
    /// How many lineups.
    #[arg(short = 'k', long = "count", value_name = "K", default_value_t = 3)]
    pub k: usize,
    /// Each lineup differs from every earlier one in at least D municipalities
    /// (default: a tenth of them, at least 2).
    #[arg(long, value_name = "D")]
    pub min_difference: Option<usize>,
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
    /// At most N baseline members may move (a hard cap); the objective decides among those lineups.
    #[arg(long, value_name = "N")]
    pub max_moves: Option<usize>,
    /// Soft trade-off instead of fewest moves first: each moved member costs WEIGHT (lexicographic
    /// objective: as much as WEIGHT same-Land pairs; weighted objective: WEIGHT points).
    #[arg(long, value_name = "WEIGHT")]
    pub stability: Option<f64>,
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
    /// The lineup: JSON as written by `solve --format json` (or {"clusters": [{"id", "members": [ids]}]}),
    /// or CSV or .xlsx with id and cluster columns (as written by `--format csv` or `xlsx`).
    pub lineup: PathBuf,
    #[command(flatten)]
    pub problem: ProblemArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What is asked of the lineup.
#[derive(Debug, Args)]
pub struct ProblemArgs {
    /// Members per cluster, MIN..MAX.
    #[arg(long, value_name = "MIN..MAX", default_value = "6..7")]
    pub cluster_size: String,
    /// Number of clusters: auto (fewest that fit), a total (5), or per class (Großstadt=2,Mittelstadt=3).
    #[arg(long, value_name = "N|CLASS=N,…", default_value = "auto")]
    pub clusters: String,
    /// Size classes: bbsr (Landgemeinde < 5 000 ≤ Kleinstadt < 20 000 ≤ Mittelstadt < 100 000 ≤ Großstadt),
    /// kfa (< 20 000 / 20 000–99 999 / ≥ 100 000), or thresholds T1,T2,…; an explicit size_class column wins.
    #[arg(long, value_name = "bbsr|kfa|T1,T2,…", default_value = "bbsr")]
    pub classes: String,
    /// strict: one size class per cluster; adjacent: neighbouring classes may mix (each mixed pair is penalised).
    #[arg(long, value_enum, default_value_t = ComparabilityArg::Strict)]
    pub comparability: ComparabilityArg,
    /// At most N members from one Land per cluster.
    #[arg(long, value_name = "N")]
    pub max_per_land: Option<usize>,
    /// Two municipalities that must share a cluster (repeatable): ids or names,
    /// e.g. 16067029,03252006 or "Gotha,Hameln" ("Neustadt (BY)" where a name repeats).
    #[arg(long, value_name = "A,B")]
    pub must_link: Vec<String>,
    /// Two municipalities that must not share a cluster (repeatable): ids or names.
    #[arg(long, value_name = "A,B")]
    pub cannot_link: Vec<String>,
    /// Members of a cluster alike in ATTR (repeatable): a column of the input or a built-in
    /// (district, east_west, degurba, municipality_type, state). Hard: one value per cluster;
    /// ATTR:soft[=W]: each pair with different values costs W (default 1) on level 1.
    #[arg(long, value_name = "ATTR[:soft[=W]]")]
    pub alike: Vec<String>,
    /// Members of a cluster different in ATTR (repeatable): each pair sharing a value costs W
    /// (default 1) on level 1. `state` is the default (same-Land pairs); state=0 removes it.
    #[arg(long, value_name = "ATTR[=W]")]
    pub different: Vec<String>,
    /// Objective weights, e.g. same-land=1,mixed-class=1,non-bordering=1,distance=1
    /// (distance is per 100 km). Defaults: all 1.
    #[arg(long, value_name = "TERM=W,…")]
    pub weights: Option<String>,
    /// lexicographic: fewest penalty pairs first, then largest spread; weighted: maximise spread − penalty.
    #[arg(long, value_enum, default_value_t = ObjectiveArg::Lexicographic)]
    pub objective: ObjectiveArg,
}

/// How long and how to search.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Wall-clock limit in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub time_limit: f64,
    /// Seed for all random choices: the same input and seed give the same lineup.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// auto: heuristic, then exact methods where they reach; exact: more time for exact methods;
    /// heuristic: no integer programs.
    #[arg(long, value_enum, default_value_t = SolverArg::Auto)]
    pub solver: SolverArg,
    /// MILP backend (highs needs the `highs` cargo feature).
    #[arg(long, value_name = "microlp|highs")]
    pub backend: Option<String>,
    /// No progress display (it is shown on stderr only when stderr is a terminal).
    #[arg(long, short = 'q')]
    pub quiet: bool,
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

/// `--comparability`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ComparabilityArg {
    /// One size class per cluster.
    Strict,
    /// Neighbouring size classes may share a cluster.
    Adjacent,
}

/// `--objective`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ObjectiveArg {
    /// Penalty first, then spread.
    Lexicographic,
    /// spread − penalty.
    Weighted,
}

/// `--solver`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SolverArg {
    /// Heuristic, then exact methods.
    Auto,
    /// Exact methods with more time.
    Exact,
    /// Heuristic only.
    Heuristic,
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Human-readable table.
    Table,
    /// The JSON report (documented in the README).
    Json,
    /// One row per municipality with its cluster.
    Csv,
    /// GeoJSON FeatureCollection: one point per municipality with its cluster.
    Geojson,
    /// SVG map of Germany with the clusters and a legend.
    Svg,
    /// Excel workbook: sheets Lineup (one row per municipality), Clusters, Summary.
    Xlsx,
}
