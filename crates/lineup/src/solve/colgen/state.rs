//! The state of one column generation: its limits and tuning, the
//! incumbent it improves on the way, what it established, and the reduced
//! values of a round's duals.

use std::time::Instant;

use super::master::{EXACT_EVERY, Phase, tol};
use crate::cancel::{CancelToken, Stop};
use crate::ilp::Backend;
use crate::messages::note::Note;
use crate::solve::columns::{Column, ColumnSpace};

/// Limits of one exact optimisation.
#[derive(Clone, Debug)]
pub(crate) struct Limits {
    pub deadline: Instant,
    pub backend: Backend,
    pub max_rounds: usize,
    pub node_budget: u64,
    pub max_columns: usize,
    /// Stops the optimisation between solver calls and during enumeration.
    pub cancel: Option<CancelToken>,
}

impl Limits {
    pub(super) fn stop(&self) -> Stop {
        Stop {
            deadline: Some(self.deadline),
            cancel: self.cancel.clone(),
        }
    }
}

/// What the exact optimisation established.
#[derive(Clone, Debug)]
pub(crate) struct Exact {
    /// Valid upper bound on the phase value (maximised).
    pub bound: f64,
    /// Whether the best lineup below is proven optimal.
    pub optimal: bool,
    /// A lineup better than the incumbent, as local member → cluster.
    pub improved: Option<Vec<usize>>,
    /// What was done (a catalogue note, `solver.*`).
    pub note: Note,
}

/// How column generation prices and when it looks for a better lineup.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tuning {
    /// Start from the incumbent's neighbours (every one-unit exchange or
    /// move between two of its clusters), so that the restricted master
    /// is not degenerate at the incumbent.
    pub neighbours: bool,
    /// Local search pricing from the best greedy columns and the pool's
    /// columns nearest to pricing out.
    pub local: bool,
    /// Most new columns per round.
    pub per_round: usize,
    /// Exact pricing at least every this many rounds (0: only when the
    /// heuristic pricing finds nothing).
    pub exact_every: usize,
    /// Set partitioning over the pool at most every this many rounds, when
    /// the master's value is above the incumbent (0: never).
    pub pool_ip_every: usize,
    /// Candidates of the closing step's first, quick set partitioning
    /// (0: none). Off by default: on the 81 Großstädte its best 2,000
    /// candidates did not hold the better lineup (834.14–834.18 of
    /// 834.294) and microlp spent some 40 s on them.
    pub first_candidates: usize,
    /// The first exact pricing lists every column down to a floor below
    /// zero, which then serves the rest of column generation and the
    /// closing step (`colgen/wide.rs`).
    pub wide: Option<WideTuning>,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            neighbours: true,
            local: true,
            per_round: 40,
            exact_every: EXACT_EVERY,
            pool_ip_every: 5,
            first_candidates: 0,
            wide: Some(WideTuning::default()),
        }
    }
}

/// When the wide list (`colgen/wide.rs`) is drawn and how deep.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WideTuning {
    /// Drawn once the LP value is within this share of the incumbent's
    /// (else its floor is too deep for the list to be short).
    pub gap: f64,
    /// Its floor: this many times the gap between the LP value and the
    /// incumbent, below zero.
    pub depth: f64,
    /// Most columns (32 bytes each); more: the usual pricing.
    pub most: usize,
}

impl Default for WideTuning {
    fn default() -> WideTuning {
        WideTuning {
            gap: 1e-3,
            depth: 2.5,
            most: 4_000_000,
        }
    }
}

/// One column generation with its incumbent (improved by the pool's set
/// partitioning on the way).
pub(super) struct Run<'a> {
    pub space: &'a ColumnSpace,
    pub phase: Phase,
    pub k: usize,
    pub cap: Option<f64>,
    pub limits: Limits,
    pub tuning: Tuning,
    /// The incumbent's columns and value.
    pub inc_cols: Vec<Column>,
    pub z_inc: f64,
    /// The incumbent as member → cluster, once better than the caller's.
    pub improved: Option<Vec<usize>>,
}

/// Pair values `q` (units × units) and unit constants `c` of the reduced
/// value under prices `pis` (per member) and penalty price `m`.
pub(super) fn reduced_values(space: &ColumnSpace, phase: Phase, m: f64, pis: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let u = space.unit_count();
    let mut q = vec![0.0; u * u];
    for x in 0..u {
        for y in 0..u {
            if x != y {
                let (p, s) = space.pair(x, y);
                q[x * u + y] = phase.value(p, s) - m * p;
            }
        }
    }
    let c = (0..u)
        .map(|x| {
            let (p, s) = space.internal(x);
            phase.value(p, s) - m * p - space.units[x].iter().map(|&i| pis[i]).sum::<f64>()
        })
        .collect();
    (q, c)
}

pub(super) fn finish(bound: f64, z_inc: f64, improved: Option<Vec<usize>>, note: Note) -> Exact {
    Exact {
        bound: bound.max(z_inc),
        optimal: bound <= z_inc + tol(z_inc),
        improved,
        note,
    }
}

/// The outcome when the Lagrangian bound meets the incumbent.
pub(super) fn met(bound: f64, z_inc: f64, rounds: usize, exact_rounds: usize, columns: usize) -> Exact {
    finish(
        bound,
        z_inc,
        None,
        Note::new(
            "solver.lp_met",
            &[
                ("rounds", rounds.to_string()),
                ("exact", exact_rounds.to_string()),
                ("columns", columns.to_string()),
            ],
        ),
    )
}
