//! The flags that say what is asked (`ProblemArgs`) and how long and how to
//! search (`RunArgs`), as clap parses them. Doc comments are the `--help`
//! text of every command that flattens them, and the server's query
//! parameters are parsed by the same definitions.

use clap::{Args, ValueEnum};

/// What is asked of the lineup.
#[derive(Debug, Args)]
pub struct ProblemArgs {
    /// Members per cluster, MIN..MAX.
    #[arg(long, value_name = "MIN..MAX", default_value = "6..7")]
    pub cluster_size: String,
    /// Number of clusters: auto (fewest that fit), a total (5), or per class (Großstadt=2,Mittelstadt=3).
    #[arg(long, value_name = "N|CLASS=N,…", default_value = "auto")]
    pub clusters: String,
    /// Size classes: bbsr (Landgemeinde < 5,000 ≤ Kleinstadt < 20,000 ≤ Mittelstadt < 100,000 ≤ Großstadt),
    /// kfa (< 20,000 / 20,000–99,999 / ≥ 100,000), or thresholds T1,T2,…; an explicit size_class column wins.
    #[arg(long, value_name = "bbsr|kfa|T1,T2,…", default_value = "bbsr")]
    pub classes: String,
    /// strict: one size class per cluster; adjacent: neighbouring classes may mix (each mixed pair is penalised).
    #[arg(long, value_enum, default_value_t = ComparabilityArg::Strict)]
    pub comparability: ComparabilityArg,
    /// At most N members from one Land per cluster (the same as --at-most state=*:N).
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
    /// Per cluster at least N members with ATTR=VALUE (repeatable; hard), e.g. Erfahrung=ja:1.
    /// VALUE * asks for N of each value.
    #[arg(long, value_name = "ATTR=VALUE:N")]
    pub at_least: Vec<String>,
    /// Per cluster at most N members with ATTR=VALUE (repeatable; hard), e.g. east_west=east:3.
    /// VALUE * caps each value: --at-most state=*:N is --max-per-land N.
    #[arg(long, value_name = "ATTR=VALUE:N")]
    pub at_most: Vec<String>,
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

/// `--max-moves` and `--stability` of `whatif`.
#[derive(Debug, Args)]
pub struct StabilityArgs {
    /// At most N baseline members may move (a hard cap); the objective decides among those lineups.
    #[arg(long, value_name = "N")]
    pub max_moves: Option<usize>,
    /// Soft trade-off instead of fewest moves first: each moved member costs WEIGHT (lexicographic
    /// objective: as much as WEIGHT same-Land pairs; weighted objective: WEIGHT points).
    #[arg(long, value_name = "WEIGHT")]
    pub stability: Option<f64>,
}

/// `-k` and `--min-difference` of `alternatives`.
#[derive(Debug, Args)]
pub struct CountArgs {
    /// How many lineups.
    #[arg(short = 'k', long = "count", value_name = "K", default_value_t = 3)]
    pub k: usize,
    /// Each lineup differs from every earlier one in at least D municipalities
    /// (default: a tenth of them, at least 2).
    #[arg(long, value_name = "D")]
    pub min_difference: Option<usize>,
}

/// `--municipality` of `explain`.
#[derive(Debug, Args)]
pub struct WhichArgs {
    /// Explain only this municipality (repeatable): its id, its name, or name and Land
    /// ("Neustadt, BY"). Default: every one.
    #[arg(long, value_name = "ID|NAME")]
    pub municipality: Vec<String>,
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
    /// The SVG map as a PNG picture (for slides).
    Png,
}
