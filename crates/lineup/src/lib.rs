/*!
Cluster lineups of German municipalities: groups of 6–7 Kommunen that are
alike in size and come from regions of Germany as different as possible,
as in the cluster meetings of the federal programme "Kommunaler
Fachaustausch".

# Brief overview

* [`Municipality`] and [`Land`] describe the input; [`read_municipalities`]
  reads them from CSV, JSON or `.xlsx` (any `Read`), filling what a row
  lacks from the bundled [`register`] of all German municipalities.
* [`Settings`] say what is asked: cluster size, number of clusters,
  [`ClassScheme`] (size classes), [`Comparability`], objective [`Weights`],
  caps, pins and links.
* [`Problem::new`] validates and explains impossible requests
  ([`Infeasibility`]).
* [`solve()`] returns a [`Solution`]: a [`Lineup`] that passed the independent
  [`verify()`], with its [`Status`] (`optimal`, `time_limit`, `heuristic`),
  [`Bound`] and [`Gap`].
* [`Report`] is the stable, serde-serialisable form of a solution;
  [`export`] turns it into GeoJSON or an Excel workbook, [`map`] into an
  SVG map of Germany.
* [`register`] is the bundled register of all German municipalities:
  look-ups by AGS and by name.

The objective is lexicographic by default: first the fewest pairs of members
from the same Land inside a cluster, then the largest spread (pairs from
Länder without a common border, plus great-circle distance).

# Example

```
use lineup::{Land, Municipality, Problem, Settings, SolveOptions, Status, solve};

let towns = vec![
    Municipality::new("01001000", "Flensburg", Land::SH, 90_164, 54.78252, 9.43751),
    Municipality::new("16055000", "Weimar", Land::TH, 65_228, 50.980761, 11.329741),
    Municipality::new("13073088", "Stralsund", Land::MV, 59_418, 54.313975, 13.089973),
    Municipality::new("14626110", "Görlitz", Land::SN, 55_980, 51.155287, 14.988035),
    Municipality::new("09262000", "Passau", Land::BY, 52_803, 48.569343, 13.420113),
    Municipality::new("07211000", "Trier", Land::RP, 110_636, 49.749992, 6.637143)
        .with_size_class("Mittelstadt"),
];
let problem = Problem::new(towns, Settings::default())?;
let solution = solve(&problem, &SolveOptions::default())?;
assert_eq!(solution.status, Status::Optimal);
assert_eq!(solution.lineup.clusters.len(), 1);
assert_eq!(solution.verified.score.same_land_pairs, 0);
# Ok::<_, Box<dyn std::error::Error>>(())
```

The library never opens files or prints: it reads from and returns values.
*/
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod alternatives;
mod assess;
pub mod borders;
mod composition;
pub mod distance;
pub mod engine;
pub mod error;
pub mod explain;
pub mod export;
mod ilp;
pub mod io;
pub mod land;
pub mod lineup;
pub mod lookup;
pub mod map;
pub mod mdgp;
pub mod messages;
pub mod municipality;
pub mod objective;
pub mod problem;
pub mod register;
pub mod report;
pub mod settings;
pub mod size_class;
pub mod solve;
pub mod verify;
pub mod whatif;

pub use alternatives::{Alternatives, alternatives};
pub use assess::{Assessment, Breach, ClusterAssessment, assess};
pub use borders::{BorderGraph, borders};
pub use distance::great_circle_km;
pub use error::{
    Infeasibility, InputError, InputErrorKind, ProblemError, SchemeError, SolveError, UnknownLand,
};
pub use explain::{Explanation, explain};
pub use ilp::Backend;
pub use io::{InputFormat, read_baseline, read_lineup, read_municipalities};
pub use land::Land;
pub use lineup::{Cluster, Lineup};
pub use municipality::Municipality;
pub use objective::{Lex, ObjectiveMode, Score, Weights};
pub use problem::{Block, Problem};
pub use report::Report;
pub use settings::{ClusterCount, ClusterSize, Comparability, Settings};
pub use size_class::{ClassId, ClassScheme, SizeClass};
pub use solve::evaluate::evaluate;
pub use solve::progress::{Progress, Stage};
pub use solve::solution::{BlockReport, Bound, Gap, GapLevel, Solution, Status};
pub use solve::{SolveOptions, SolverChoice, solve, solve_with_progress};
pub use verify::{ClusterMetrics, Verified, Violation, verify};
pub use whatif::{Baseline, Diff, Stability, WhatIf, WhatIfError, whatif};

/// The README's Rust example, compiled and run as a doctest.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
