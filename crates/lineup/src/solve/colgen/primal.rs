//! The restricted master LP solved as the primal, by Clarabel's interior
//! point method (pure Rust), with its duals:
//!
//! `max Σ f(S)·x_S  s.t.  Σ_{S∋i} x_S = 1 (each member),  Σ x_S = K,
//! Σ pen(S)·x_S <= cap,  x >= 0`.
//!
//! The primal has one row per member (plus two), so each solve costs a few
//! sparse factorisations of that size however large the pool is; the
//! simplex on the dual LP ([`dual_lp`](super::master::dual_lp)) pivots
//! over a basis of one row per pool column. An interior point also ends
//! near the centre of the optimal dual face rather than at a vertex: fewer
//! columns sit at a reduced value of exactly zero, which the exact pricing
//! and the closing step both profit from.
//!
//! Every bound built on these duals stays valid whatever their accuracy:
//! `D` is recomputed here from the duals (`Σπ + K·σ + cap·μ`, with `μ`
//! clipped to `>= 0`), and the Lagrangian bound `D + K·max rc` holds for
//! any such point.

use std::time::Instant;

use good_lp::{DualValues, Expression, ProblemVariables, SolutionWithDual, SolverModel, Variable, variable};

use super::master::{Duals, Phase};
use crate::messages::note::Note;
use crate::solve::columns::Column;

/// Solves the restricted master over `pool` (which must hold a lineup) and
/// returns its duals.
pub(super) fn primal_lp(
    pool: &[Column],
    n: usize,
    k: usize,
    cap: Option<f64>,
    phase: Phase,
    deadline: Instant,
) -> Result<Duals, Note> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(Note::new("solver.milp.no_time", &[]));
    }
    let mut vars = ProblemVariables::new();
    let x: Vec<Variable> = pool.iter().map(|_| vars.add(variable().min(0.0))).collect();
    let objective: Expression = pool.iter().zip(&x).map(|(c, &v)| phase.col(c) * v).sum();
    let mut cover: Vec<Expression> = vec![Expression::default(); n];
    let mut count = Expression::default();
    let mut penalty = Expression::default();
    for (col, &v) in pool.iter().zip(&x) {
        let mut bits = col.members;
        while bits != 0 {
            cover[bits.trailing_zeros() as usize] += v;
            bits &= bits - 1;
        }
        count += v;
        penalty += col.pen * v;
    }
    let mut model = vars.maximise(objective).using(good_lp::clarabel);
    model
        .settings()
        .time_limit(left.as_secs_f64())
        .max_iter(500)
        .tol_gap_abs(1e-9)
        .tol_gap_rel(1e-10);
    let rows: Vec<_> = cover
        .into_iter()
        .map(|e| model.add_constraint(e.eq(1.0)))
        .collect();
    let card = model.add_constraint(count.eq(k as f64));
    let cap_row = cap.map(|c| (c, model.add_constraint(penalty.leq(c))));
    let mut solution = model.solve().map_err(|e| {
        Note::new(
            "solver.milp.backend",
            &[("backend", "clarabel".into()), ("error", e.to_string())],
        )
    })?;
    let duals = solution.compute_dual();
    let pis: Vec<f64> = rows.iter().map(|r| duals.dual(r.clone())).collect();
    let sig = duals.dual(card.clone());
    let m = cap_row.map_or(0.0, |(_, r)| duals.dual(r.clone()).max(0.0));
    if !pis.iter().chain([&sig, &m]).all(|v| v.is_finite()) {
        return Err(Note::new(
            "solver.milp.backend",
            &[
                ("backend", "clarabel".into()),
                ("error", "duals not finite".into()),
            ],
        ));
    }
    let d = pis.iter().sum::<f64>() + k as f64 * sig + cap.map_or(0.0, |c| c * m);
    Ok(Duals {
        pis,
        sig,
        m,
        d,
        rc: f64::INFINITY,
    })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::super::master::dual_lp;
    use super::super::tests::{optimum, space, start};
    use super::*;
    use crate::ilp::Backend;
    use crate::solve::columns::Bits;

    /// The start's clusters and every one-unit exchange between them.
    fn pool(n: usize) -> Vec<Column> {
        let sp = space(n);
        let inc: Vec<Column> = start(n)
            .iter()
            .map(|m| sp.column_of_members(m).unwrap())
            .collect();
        let bits: Vec<Bits> = inc.iter().map(|c| c.units).collect();
        let mut pool = inc;
        pool.extend(sp.neighbours(&bits).into_iter().map(|b| sp.column(b)));
        pool
    }

    #[test]
    fn the_primal_duals_give_the_dual_lps_value_and_price_the_pool_out() {
        let deadline = Instant::now() + Duration::from_secs(60);
        for n in [13, 14] {
            let pool = pool(n);
            assert!(pool.len() > 20);
            for (phase, cap) in [
                (Phase::Weighted, None),
                (Phase::MaxSpread { cap: 4.0 }, Some(4.0)),
            ] {
                let simplex = dual_lp(&pool, n, 2, cap, phase, 1e6, deadline, Backend::default()).unwrap();
                let interior = primal_lp(&pool, n, 2, cap, phase, deadline).unwrap();
                assert!(
                    (simplex.d - interior.d).abs() < 1e-6 * simplex.d.abs().max(1.0),
                    "n {n} {phase:?}: {} vs {}",
                    simplex.d,
                    interior.d
                );
                assert!(interior.m >= 0.0);
                // Dual feasible: no pool column prices out.
                for col in &pool {
                    assert!(interior.reduced(col, phase) < 1e-6, "{phase:?}");
                }
            }
        }
    }

    #[test]
    fn the_lagrangian_bound_of_the_primal_duals_is_valid_and_tight() {
        // D + K·(largest reduced value over every column) at the duals of a
        // restricted pool bounds the optimum, and 90 % of it does not.
        let deadline = Instant::now() + Duration::from_secs(60);
        let n = 13;
        let sp = space(n);
        let pool = pool(n);
        let phase = Phase::MaxSpread { cap: 1e9 };
        let opt = optimum(&sp, phase);
        let du = primal_lp(&pool, n, 2, Some(1e9), phase, deadline).unwrap();
        let (q, c) = super::super::state::reduced_values(&sp, phase, du.m, &du.pis);
        let stop = crate::cancel::Stop::default();
        let best = sp
            .enumerate(
                &q,
                &c,
                du.sig,
                f64::NEG_INFINITY,
                Some(1),
                usize::MAX,
                u64::MAX,
                &stop,
            )
            .unwrap();
        let bound = du.d + 2.0 * best[0].0.max(0.0);
        assert!(bound >= opt - 1e-6, "bound {bound} below {opt}");
        assert!(0.9 * bound < opt, "bound {bound} too loose for {opt}");
    }
}
