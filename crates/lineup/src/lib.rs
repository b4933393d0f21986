/*!
Cluster lineups of German municipalities: groups of 6–7 Kommunen that are
alike in size and come from regions of Germany as different as possible,
as in the cluster meetings of the federal programme "Kommunaler
Fachaustausch".

```
use lineup::{Land, LatLon, Municipality, Problem, Settings, SolveOptions, Status, solve};

let at = |lat, lon| LatLon { lat, lon };
let towns = vec![
    Municipality::new("01001000", "Flensburg", Land::SH, 90_164, at(54.78252, 9.43751)),
    Municipality::new("16055000", "Weimar", Land::TH, 65_228, at(50.980761, 11.329741)),
    Municipality::new("13073088", "Stralsund", Land::MV, 59_418, at(54.313975, 13.089973)),
    Municipality::new("14626110", "Görlitz", Land::SN, 55_980, at(51.155287, 14.988035)),
    Municipality::new("09262000", "Passau", Land::BY, 52_803, at(48.569343, 13.420113)),
    Municipality::new("07211000", "Trier", Land::RP, 110_636, at(49.749992, 6.637143))
        .with_size_class("Mittelstadt"),
];
let problem = Problem::new(towns, Settings::default())?;
let solution = solve(&problem, &SolveOptions::default())?;
assert_eq!(solution.status, Status::Optimal);
assert_eq!(solution.lineup.clusters.len(), 1);
assert_eq!(solution.verified.score.same_land_pairs, 0);
# Ok::<_, Box<dyn std::error::Error>>(())
```

# Brief overview

* [`Municipality`] and [`Land`] describe the input; [`read_municipalities`]
  reads them from CSV, JSON or `.xlsx` (any `Read`), filling what a row
  lacks from the bundled [`register`] of all German municipalities.
* [`Settings`] say what is asked: cluster size, number of clusters,
  [`ClassScheme`] (size classes), [`Comparability`], objective [`Weights`],
  caps, pins and links.
* [`Problem::new`] validates and explains impossible requests
  ([`Infeasibility`], with typed [`Suggestion`]s of what to change).
* [`solve()`] returns a [`Solution`]: a [`Lineup`] that passed the independent
  [`verify()`], with its [`Status`] (`optimal`, `time_limit`, `heuristic`,
  `interrupted`), [`Bound`] and [`Gap`]. [`SolveOptions`] set the limits; a
  [`CancelToken`] stops a running solve early.
* [`evaluate()`], [`explain()`], [`alternatives()`] and [`whatif()`] are the
  analysts' tools: score a lineup made elsewhere, say why it is as it is,
  find different lineups of similar quality, re-optimise after changes.
* [`Report`] is the stable, serde-serialisable form of a solution;
  [`export`] turns it into GeoJSON or an Excel workbook, [`map`] into an
  SVG map of Germany.

The objective is lexicographic by default: first the fewest pairs of members
from the same Land inside a cluster, then the largest spread (pairs from
Länder without a common border, plus great-circle distance).

# Layout

Everything a user needs is re-exported here, flat. Five modules are
namespaces of their own because their names would clash or mislead at
the top: [`register`] (the bundled municipality register), [`export`]
(GeoJSON, CSV and workbooks), [`map`] (SVG maps), [`mdgp`] (the general
grouping problem of the MDGPLIB benchmark, on the same engine) and
[`messages`] (the English/German message catalogue). The
library never opens files, prints or listens: it reads from and returns
values. ARCHITECTURE.md in the repository says where each rule lives.
*/
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod alternatives;
mod assess;
mod attributes;
mod borders;
mod cancel;
mod compare;
mod composition;
mod criterion;
mod distance;
mod engine;
mod explain;
pub mod export;
mod ilp;
mod io;
mod land;
mod lineup;
pub mod map;
pub mod mdgp;
pub mod messages;
mod municipality;
mod names;
mod objective;
mod problem;
pub mod register;
mod report;
mod settings;
mod size_class;
mod solve;
mod suggestion;
mod verify;
mod verify_criteria;
mod whatif;
mod wording;

pub use alternatives::{
    Alternative, AlternativeReport, Alternatives, AlternativesReport, alternatives, default_min_difference,
    partition_distance,
};
pub use assess::{Assessment, Breach, ClusterAssessment, assess};
pub use attributes::{Attributes, attribute_number};
pub use borders::{BorderGraph, borders};
pub use cancel::CancelToken;
pub use compare::{Comparison, TermChange, compare};
pub use composition::CompositionError;
pub use criterion::{Criterion, CriterionError, EVERY_VALUE};
pub use distance::great_circle_km;
pub use explain::{
    Blocker, Change, ClusterExplanation, ExplainError, Explanation, MemberPair, MoveOption,
    MunicipalityExplanation, StateCount, Swap, explain,
};
pub use ilp::Backend;
pub use io::{
    Input, InputError, InputErrorKind, InputFormat, InputWarning, Place, ReadError, RegisterTown,
    SHADOW_FACTOR, read_baseline, read_lineup, read_municipalities,
};
pub use land::{LAENDER, Land, LandInfo, UnknownLand};
pub use lineup::{Cluster, Lineup};
pub use municipality::{LatLon, Municipality, MunicipalityRecord, mark_numbers};
pub use objective::{Lex, MAX_WEIGHT, ObjectiveMode, Score, Weights};
pub use problem::{
    BUILTIN_ATTRIBUTES, Block, BlockName, CriteriaConflict, Infeasibility, KeyError, Problem, ProblemError,
    builtin_attribute, find_in as find_municipality, is_east,
};
pub use report::{
    ClusterMetricsReport, ClusterReport, CriterionTally, MEMBER_COLUMNS, MemberReport, ObjectiveReport,
    Report, SettingsReport,
};
pub use settings::{ClusterCount, ClusterSize, Comparability, SettingError, Settings};
pub use size_class::{ClassId, ClassScheme, SchemeError, SizeClass};
pub use solve::{
    BlockReport, Bound, Gap, GapLevel, MAX_RUNS, MAX_TIME_LIMIT, Progress, Solution, SolveError,
    SolveOptions, SolverChoice, Stage, Status, evaluate, evaluate_with_bounds, solve, solve_with_progress,
};
pub use suggestion::Suggestion;
pub use verify::{ClusterMetrics, SHOWN_VIOLATIONS, Verified, Violation, Violations, score_members, verify};
pub use whatif::{
    Baseline, BaselineCluster, BaselineMember, COSTLY_PENALTY, COSTLY_SHARE, Diff, Joined, Left, Moved,
    RECOVERS_MOST, Recovery, Stability, StabilityCost, StabilitySetting, WhatIf, WhatIfError, WhatIfReport,
    whatif,
};
pub use wording::{breach_text, named};

/// The README's Rust example, compiled and run as a doctest.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
