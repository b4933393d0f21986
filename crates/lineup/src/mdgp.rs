//! The Maximally Diverse Grouping Problem in MDGPLIB format: reading
//! instances and solutions, solving with the engine, an upper bound, and an
//! independent check of every answer.
//!
//! ```
//! let text = "4 2 ss 2 2 2 2 \n0 1 1\n0 2 5\n0 3 4\n1 2 4\n1 3 5\n2 3 1\n";
//! let inst = lineup::mdgp::read_instance(text.as_bytes())?;
//! let result = lineup::mdgp::solve(&inst, &lineup::mdgp::MdgpOptions::default()).unwrap();
//! assert_eq!(result.objective, 10.0); // {0,2} and {1,3}
//! # Ok::<_, lineup::InputError>(())
//! ```

use std::io::Read;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use thiserror::Error;

use crate::Status;
use crate::cancel::CancelToken;
use crate::engine::{self, DenseWeights, Instance, PairWeights, SearchParams};
use crate::io::{InputError, InputErrorKind, Place, read_text};

pub use crate::engine::{Broken, RuleConflict, Schedule};

/// Why an MDGP solve or check gives no answer.
#[derive(Clone, Debug, PartialEq, Error)]
#[non_exhaustive]
pub enum MdgpError {
    /// An assignment that breaks the instance's bounds (found by [`check`]).
    #[error("{0}")]
    Broken(Broken),
    /// No run found an assignment within the bounds.
    #[error("no feasible assignment found")]
    NotFound,
    /// The engine's rules contradict each other (MDGPLIB instances have no
    /// rules, so this is a bug).
    #[error("{0}")]
    Rules(#[from] RuleConflict),
    /// The engine's value differs from the recomputed one: a bug.
    #[error("solver value {solver} differs from the recomputed {recomputed}")]
    Mismatch {
        /// The engine's value.
        solver: f64,
        /// The check's value.
        recomputed: f64,
    },
}

/// An MDGPLIB instance.
#[derive(Clone, Debug)]
pub struct MdgpInstance {
    /// `ss` (same size) or `ds` (different size).
    pub kind: String,
    /// The engine instance: weights and per-group bounds.
    pub(crate) instance: Instance<DenseWeights<f64>>,
}

impl MdgpInstance {
    /// Number of elements.
    pub fn n(&self) -> usize {
        self.instance.len()
    }

    /// Number of groups.
    pub fn m(&self) -> usize {
        self.instance.groups()
    }
}

fn bad(line: usize, message: impl Into<String>) -> InputError {
    InputError::new(InputErrorKind::Malformed {
        message: message.into(),
    })
    .with_place(Place::Row(line as u64))
}

/// Reads an instance: `n m ss|ds a_1 b_1 … a_m b_m`, then `i j d_ij` lines.
pub fn read_instance(reader: impl Read) -> Result<MdgpInstance, InputError> {
    let text = read_text(reader)?;
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, head)) = lines.next() else {
        return Err(InputError::new(InputErrorKind::Empty));
    };
    let f: Vec<&str> = head.split_whitespace().collect();
    if f.len() < 3 {
        return Err(bad(1, "the first line must be `n m ss|ds a_1 b_1 … a_m b_m`"));
    }
    let num = |s: &str, what: &str| -> Result<usize, InputError> {
        s.parse::<usize>()
            .map_err(|_| bad(1, format!("{what} {s:?} is not a whole number")))
    };
    let n = num(f[0], "n")?;
    let m = num(f[1], "m")?;
    let kind = f[2].to_string();
    if kind != "ss" && kind != "ds" {
        return Err(bad(1, format!("the type {kind:?} must be ss or ds")));
    }
    if n < 2 || m < 1 || m > n {
        return Err(bad(
            1,
            format!("need n >= 2 and 1 <= m <= n, found n = {n}, m = {m}"),
        ));
    }
    if (f.len() - 3) / 2 != m || f.len() % 2 == 0 {
        return Err(bad(
            1,
            format!(
                "expected {} group bounds after the type, found {}",
                m.saturating_mul(2),
                f.len() - 3
            ),
        ));
    }
    let mut bounds = Vec::with_capacity(m);
    for g in 0..m {
        let a = num(f[3 + 2 * g], "a lower bound")?;
        let b = num(f[4 + 2 * g], "an upper bound")?;
        if a > b || b == 0 {
            return Err(bad(1, format!("group {g} has bounds {a} > {b}")));
        }
        bounds.push((a, b));
    }
    let (lo, hi): (usize, usize) = bounds
        .iter()
        .fold((0, 0), |(l, h), b| (l.saturating_add(b.0), h.saturating_add(b.1)));
    if n < lo || n > hi {
        return Err(bad(
            1,
            format!("the bounds hold between {lo} and {hi} elements, but n = {n}"),
        ));
    }
    // The header must agree with the file before anything of size n² is
    // allocated: a short file claiming a huge n is rejected here.
    let lines: Vec<(usize, &str)> = lines.collect();
    let pairs = n
        .checked_mul(n - 1)
        .map(|p| p / 2)
        .filter(|&p| p == lines.len())
        .ok_or_else(|| {
            bad(
                1,
                format!(
                    "n = {n} needs n(n-1)/2 = {} pair lines, but the file has {} more lines: check n on the first line, or the file is cut off",
                    n as u128 * (n as u128 - 1) / 2,
                    lines.len()
                ),
            )
        })?;
    let mut upper = vec![f64::NAN; pairs];
    let index = |i: usize, j: usize| i * n - i * (i + 1) / 2 + (j - i - 1);
    let mut count = 0;
    for (ln, line) in lines {
        let line_no = ln + 1;
        let mut it = line.split_whitespace();
        let (Some(i), Some(j), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
            return Err(bad(line_no, "expected `i j d_ij`"));
        };
        let (i, j) = match (i.parse::<usize>(), j.parse::<usize>()) {
            (Ok(i), Ok(j)) => (i.min(j), i.max(j)),
            _ => return Err(bad(line_no, "the indices must be whole numbers")),
        };
        if i == j || j >= n {
            return Err(bad(
                line_no,
                format!("pair ({i}, {j}) is not a pair of two elements below n = {n}"),
            ));
        }
        let d: f64 = d
            .parse()
            .ok()
            .filter(|d: &f64| d.is_finite())
            .ok_or_else(|| bad(line_no, format!("distance {d:?} is not a number")))?;
        let slot = &mut upper[index(i, j)];
        if !slot.is_nan() {
            return Err(bad(line_no, format!("pair ({i}, {j}) appears twice")));
        }
        *slot = d;
        count += 1;
    }
    if count != pairs {
        return Err(InputError::new(InputErrorKind::Malformed {
            message: format!("expected {pairs} pair lines for n = {n}, found {count}"),
        }));
    }
    let weights = DenseWeights::from_upper(n, &upper).ok_or_else(|| {
        InputError::new(InputErrorKind::Malformed {
            message: "bad matrix".into(),
        })
    })?;
    Ok(MdgpInstance {
        kind,
        instance: Instance::new(weights, bounds),
    })
}

/// Reads a solution: one 0-based group label per line, element 0 first.
pub fn read_solution(reader: impl Read, inst: &MdgpInstance) -> Result<Vec<usize>, InputError> {
    let text = read_text(reader)?;
    let groups = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(ln, l)| {
            l.trim()
                .parse::<usize>()
                .ok()
                .filter(|&g| g < inst.m())
                .ok_or_else(|| {
                    bad(
                        ln + 1,
                        format!("{:?} is not a group label below {}", l.trim(), inst.m()),
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if groups.len() != inst.n() {
        return Err(InputError::new(InputErrorKind::Malformed {
            message: format!("{} labels for {} elements", groups.len(), inst.n()),
        }));
    }
    Ok(groups)
}

/// Checks an assignment independently of the solver: every group within its
/// bounds; returns the objective (each unordered pair once), recomputed.
pub fn check(inst: &MdgpInstance, groups: &[usize]) -> Result<f64, MdgpError> {
    let (n, m) = (inst.n(), inst.m());
    if groups.len() != n {
        return Err(MdgpError::Broken(Broken::Length {
            groups: groups.len(),
            elements: n,
        }));
    }
    let mut size = vec![0usize; m];
    for &g in groups {
        if g >= m {
            return Err(MdgpError::Broken(Broken::NoGroup(g)));
        }
        size[g] += 1;
    }
    for (g, (&s, &(a, b))) in size.iter().zip(&inst.instance.bounds).enumerate() {
        if s < a || s > b {
            return Err(MdgpError::Broken(Broken::Size {
                group: g,
                size: s,
                min: a,
                max: b,
            }));
        }
    }
    let w = &inst.instance.weights;
    let mut total = 0.0;
    for i in 0..n {
        for j in i + 1..n {
            if groups[i] == groups[j] {
                total += w.weight(i, j);
            }
        }
    }
    Ok(total)
}

/// Upper bound from each element's heaviest partners.
///
/// In any grouping, element `i` in a group of size `s` has `s − 1` partners,
/// at best its `s − 1` heaviest; summed over elements this counts every pair
/// twice, and the elements have at most `2·P` partner slots in total, where
/// `P` is `most_pairs`. So half the sum of the `2·P` largest values among
/// all elements' `b_max − 1` heaviest partner weights bounds the objective
/// (with equal sizes this is the classic per-element bound; with different
/// sizes it is tighter, since not every element can sit in a largest group).
pub fn upper_bound(inst: &MdgpInstance) -> f64 {
    let n = inst.n();
    let bounds = &inst.instance.bounds;
    let b = bounds.iter().map(|x| x.1).max().unwrap_or(1);
    let w = &inst.instance.weights;
    let take = (b - 1).min(n.saturating_sub(1));
    let mut slots: Vec<f64> = Vec::with_capacity(n * take);
    let mut row = Vec::with_capacity(n);
    for i in 0..n {
        row.clear();
        row.extend((0..n).filter(|&j| j != i).map(|j| w.weight(i, j)));
        if take > 0 {
            row.select_nth_unstable_by(take - 1, |x, y| y.total_cmp(x));
            slots.extend(row[..take].iter().filter(|x| **x > 0.0));
        }
    }
    let limit = crate::engine::most_pairs(bounds, n).map_or(slots.len(), |p| (2 * p).min(slots.len()));
    if limit < slots.len() && limit > 0 {
        slots.select_nth_unstable_by(limit - 1, |x, y| y.total_cmp(x));
    }
    slots[..limit].iter().sum::<f64>() / 2.0
}

/// Limits of an MDGP solve.
#[derive(Clone, Debug, PartialEq)]
pub struct MdgpOptions {
    /// Wall-clock limit per run (runs go in parallel).
    pub time_limit: Option<Duration>,
    /// Generations per run (deterministic budget).
    pub generations: Option<usize>,
    /// Independent runs.
    pub runs: usize,
    /// Seed.
    pub seed: u64,
    /// Population schedule (by default [`Schedule::default`] with
    /// [`Schedule::elite_cycles`] on: measured on MDGPLIB, see BENCHMARKS.md).
    pub schedule: Schedule,
    /// Solve small instances exactly (enumeration of every grouping) and
    /// return at once with status optimal; `false` runs the heuristic anyway.
    pub exact: bool,
    /// Stops the search when cancelled, like the time limit.
    pub cancel: Option<CancelToken>,
}

impl Default for MdgpOptions {
    fn default() -> Self {
        MdgpOptions {
            time_limit: None,
            generations: Some(20),
            runs: 2,
            seed: 0,
            schedule: Schedule {
                elite_cycles: true,
                ..Schedule::default()
            },
            exact: true,
            cancel: None,
        }
    }
}

/// The verified answer of an MDGP solve.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MdgpResult {
    /// `optimal` when the objective is proven best (exhaustive enumeration,
    /// or equal to the bound), else `heuristic`.
    pub status: Status,
    /// Objective, each unordered pair counted once (recomputed by [`check`]).
    pub objective: f64,
    /// Per element, in file order, the 0-based group index.
    pub groups: Vec<usize>,
    /// Upper bound ([`upper_bound`]).
    pub bound: f64,
    /// Seconds spent.
    pub time_s: f64,
    /// Whether the clock stopped the search (the result then depends on timing).
    pub cut_by_time: bool,
    /// Runs and the winning run.
    pub runs: usize,
    /// The run that found the answer.
    pub winning_run: usize,
    /// Generations completed per run.
    pub generations: Vec<usize>,
    /// Seconds until the winning run found the answer.
    pub time_to_best_s: f64,
}

/// Solves an instance and checks the answer; `Err` only if the engine found
/// nothing or its answer fails the check (a bug).
pub fn solve(inst: &MdgpInstance, options: &MdgpOptions) -> Result<MdgpResult, MdgpError> {
    let start = Instant::now();
    if options.exact {
        if let Some((groups, value)) = engine::solve_exact(&inst.instance) {
            let objective = check(inst, &groups)?;
            if (objective - value).abs() > 1e-6 * objective.abs().max(1.0) {
                return Err(MdgpError::Mismatch {
                    solver: value,
                    recomputed: objective,
                });
            }
            let time_s = start.elapsed().as_secs_f64();
            return Ok(MdgpResult {
                status: Status::Optimal,
                objective,
                groups,
                bound: objective,
                time_s,
                cut_by_time: false,
                runs: 0,
                winning_run: 0,
                generations: Vec::new(),
                time_to_best_s: time_s,
            });
        }
    }
    let params = SearchParams {
        runs: options.runs,
        generations: options.generations,
        seed: options.seed,
        deadline: options
            .time_limit
            .map(|t| start + t.min(crate::solve::MAX_TIME_LIMIT)),
        start: None,
        schedule: options.schedule.clone(),
        cancel: options.cancel.clone(),
    };
    let out = engine::solve(&inst.instance, &params)?.ok_or(MdgpError::NotFound)?;
    let objective = check(inst, &out.groups)?;
    if (objective - out.value).abs() > 1e-6 * objective.abs().max(1.0) {
        return Err(MdgpError::Mismatch {
            solver: out.value,
            recomputed: objective,
        });
    }
    let bound = upper_bound(inst).max(objective);
    Ok(MdgpResult {
        status: if bound - objective <= 1e-9 * objective.abs().max(1.0) {
            Status::Optimal
        } else {
            Status::Heuristic
        },
        objective,
        groups: out.groups,
        bound,
        time_s: start.elapsed().as_secs_f64(),
        cut_by_time: out.cut_by_time,
        runs: options.runs.clamp(1, crate::solve::MAX_RUNS),
        winning_run: out.run,
        generations: out.generations,
        time_to_best_s: out.time_to_best.as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_malformed_instances() {
        for (text, needle) in [
            ("", "empty"),
            ("4 2 xx 2 2 2 2\n", "must be ss or ds"),
            ("4 2 ss 2 2\n", "expected 4 group bounds"),
            ("4 2 ss 3 3 3 3\n", "between 6 and 6"),
            (
                "3 1 ss 3 3\n0 1 1\n0 2 1\n",
                "needs n(n-1)/2 = 3 pair lines, but the file has 2",
            ),
            (
                "100000 1 ss 100000 100000\n0 1 1\n",
                "needs n(n-1)/2 = 4999950000 pair lines",
            ),
            (
                "6000000000 1 ss 6000000000 6000000000\n0 1 1\n",
                "17999999997000000000 pair lines",
            ),
            ("20000 1 ss 20000 20000\n0 1 1\n", "but the file has 1 more lines"),
            (
                "18446744073709551615 1 ss 18446744073709551615 18446744073709551615\n",
                "pair lines",
            ),
            ("4 18446744073709551615 ss 1 1\n", "need n >= 2"),
            (
                "4 2 ss 18446744073709551615 18446744073709551615 18446744073709551615 18446744073709551615\n",
                "bounds",
            ),
            ("3 1 ss 3 3\n0 1 1\n0 1 1\n1 2 1\n", "appears twice"),
            ("3 1 ss 3 3\n0 1 1\n0 5 1\n1 2 1\n", "not a pair"),
            ("3 1 ss 3 3\n0 1 x\n0 2 1\n1 2 1\n", "not a number"),
        ] {
            let e = read_instance(text.as_bytes()).unwrap_err();
            assert!(e.to_string().contains(needle), "{text:?}: {e}");
        }
    }

    #[test]
    fn bound_is_above_the_optimum() {
        let text = "4 2 ss 2 2 2 2 \n0 1 1\n0 2 5\n0 3 4\n1 2 4\n1 3 5\n2 3 1\n";
        let inst = read_instance(text.as_bytes()).unwrap();
        assert!(upper_bound(&inst) >= 10.0);
        assert_eq!(check(&inst, &[0, 1, 0, 1]), Ok(10.0));
        assert!(check(&inst, &[0, 0, 0, 1]).is_err());
    }
}
