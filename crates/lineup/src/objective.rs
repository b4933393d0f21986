//! The objective: what makes a cluster lineup good.
//!
//! Every pair of municipalities in the same cluster contributes:
//!
//! * a **penalty** (level 1, minimised): `same_land` if both are from the same
//!   Land, `mixed_class` if they are from different size classes (only
//!   possible with adjacent comparability);
//! * a **spread** (level 2, maximised): `non_bordering` if they are from two
//!   Länder that share no border, plus `distance_per_100km` times their
//!   great-circle distance in units of 100 km.
//!
//! In [`ObjectiveMode::Lexicographic`] (the default) the penalty is minimised
//! first and the spread is maximised among lineups with the least penalty. In
//! [`ObjectiveMode::Weighted`] the single value `spread − penalty` is
//! maximised.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use serde::{Deserialize, Serialize};

/// Tolerance below which two objective values count as equal.
pub const EPS: f64 = 1e-6;

/// How penalty and spread are combined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveMode {
    /// Fewest penalty first; largest spread among those (default).
    #[default]
    Lexicographic,
    /// Maximise `spread − penalty`.
    Weighted,
}

/// The largest weight a term may have. Pair values stay below about
/// 10⁹ × 200 (the longest distance in Germany is under 1 000 km, i.e. 10
/// units of 100 km) and a lineup of a million municipalities has fewer than
/// 10¹³ pairs in clusters: totals stay far from overflow, and weights of
/// different terms still compare meaningfully.
pub const MAX_WEIGHT: f64 = 1e9;

/// Weights of the pair terms. Defaults: every term 1.0, lexicographic.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Penalty per pair of members from the same Land.
    pub same_land: f64,
    /// Penalty per pair of members from different size classes.
    pub mixed_class: f64,
    /// Reward per pair of members from two Länder without a common border.
    pub non_bordering: f64,
    /// Reward per 100 km of great-circle distance between two members.
    pub distance_per_100km: f64,
    /// Lexicographic or weighted combination.
    pub mode: ObjectiveMode,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            same_land: 1.0,
            mixed_class: 1.0,
            non_bordering: 1.0,
            distance_per_100km: 1.0,
            mode: ObjectiveMode::Lexicographic,
        }
    }
}

impl Weights {
    /// The (penalty, spread) contribution of one pair.
    #[inline]
    pub fn pair(&self, same_land: bool, mixed_class: bool, non_bordering: bool, km: f64) -> Lex {
        let mut penalty = 0.0;
        if same_land {
            penalty += self.same_land;
        }
        if mixed_class {
            penalty += self.mixed_class;
        }
        let mut spread = km / 100.0 * self.distance_per_100km;
        if non_bordering {
            spread += self.non_bordering;
        }
        self.combine(penalty, spread)
    }

    /// The value maximised by the solvers for a given penalty and spread.
    pub fn combine(&self, penalty: f64, spread: f64) -> Lex {
        match self.mode {
            ObjectiveMode::Lexicographic => Lex::new(-penalty, spread),
            ObjectiveMode::Weighted => Lex::new(0.0, spread - penalty),
        }
    }
}

/// An objective value compared lexicographically: `first`, then `second`;
/// larger is better on both.
///
/// In lexicographic mode `first = −penalty` and `second = spread`; in
/// weighted mode `first = 0` and `second = spread − penalty`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lex {
    /// The primary level (higher is better).
    pub first: f64,
    /// The secondary level (higher is better).
    pub second: f64,
}

impl Lex {
    /// A value from its two levels.
    pub const fn new(first: f64, second: f64) -> Lex {
        Lex { first, second }
    }

    /// The zero value.
    pub const ZERO: Lex = Lex::new(0.0, 0.0);

    /// Lexicographic comparison, treating differences below `EPS` = 10⁻⁶ as ties.
    pub fn cmp_tol(&self, other: &Lex) -> Ordering {
        let d1 = self.first - other.first;
        if d1 > EPS {
            return Ordering::Greater;
        }
        if d1 < -EPS {
            return Ordering::Less;
        }
        let d2 = self.second - other.second;
        if d2 > EPS {
            Ordering::Greater
        } else if d2 < -EPS {
            Ordering::Less
        } else {
            Ordering::Equal
        }
    }

    /// Whether this value, read as a change, is an improvement beyond `EPS` = 10⁻⁶.
    #[inline]
    pub fn is_gain(&self) -> bool {
        self.first > EPS || (self.first >= -EPS && self.second > EPS)
    }
}

impl Add for Lex {
    type Output = Lex;
    #[inline]
    fn add(self, o: Lex) -> Lex {
        Lex::new(self.first + o.first, self.second + o.second)
    }
}

impl Sub for Lex {
    type Output = Lex;
    #[inline]
    fn sub(self, o: Lex) -> Lex {
        Lex::new(self.first - o.first, self.second - o.second)
    }
}

impl Neg for Lex {
    type Output = Lex;
    #[inline]
    fn neg(self) -> Lex {
        Lex::new(-self.first, -self.second)
    }
}

impl AddAssign for Lex {
    #[inline]
    fn add_assign(&mut self, o: Lex) {
        self.first += o.first;
        self.second += o.second;
    }
}

impl SubAssign for Lex {
    #[inline]
    fn sub_assign(&mut self, o: Lex) {
        self.first -= o.first;
        self.second -= o.second;
    }
}

impl fmt::Display for Lex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({:.3}, {:.3})", self.first, self.second)
    }
}

/// The score of a lineup, recomputed from scratch by the verifier.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Pairs of members from the same Land inside a cluster.
    pub same_land_pairs: u64,
    /// Pairs of members from different size classes inside a cluster.
    pub mixed_class_pairs: u64,
    /// Pairs of members from Länder that share no border.
    pub non_bordering_pairs: u64,
    /// Sum of great-circle distances over all pairs inside clusters, km.
    pub distance_km: f64,
    /// Weighted pair costs of the planner's criteria (part of `penalty`;
    /// absent from JSON when zero).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub criteria_penalty: f64,
    /// Weighted level-1 value: `same_land·pairs + mixed_class·pairs` plus
    /// the criteria's pair costs (minimised).
    pub penalty: f64,
    /// Weighted level-2 value: `non_bordering·pairs + distance_per_100km·km/100` (maximised).
    pub spread: f64,
}

impl Score {
    /// The value the solvers maximise, under the given weights.
    pub fn value(&self, weights: &Weights) -> Lex {
        weights.combine(self.penalty, self.spread)
    }

    /// The two levels the solvers bound, as (penalty, level-2 value): the
    /// penalty and the spread in lexicographic mode; 0 and `spread −
    /// penalty` in weighted mode (see [`Weights::combine`]).
    pub fn levels(&self, weights: &Weights) -> (f64, f64) {
        let v = self.value(weights);
        (-v.first + 0.0, v.second)
    }

    /// Sum of two scores (of disjoint parts of a lineup).
    pub fn plus(&self, o: &Score) -> Score {
        Score {
            same_land_pairs: self.same_land_pairs + o.same_land_pairs,
            mixed_class_pairs: self.mixed_class_pairs + o.mixed_class_pairs,
            non_bordering_pairs: self.non_bordering_pairs + o.non_bordering_pairs,
            distance_km: self.distance_km + o.distance_km,
            criteria_penalty: self.criteria_penalty + o.criteria_penalty,
            penalty: self.penalty + o.penalty,
            spread: self.spread + o.spread,
        }
    }
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicographic_order_prefers_less_penalty() {
        let w = Weights::default();
        let a = w.combine(1.0, 100.0);
        let b = w.combine(0.0, 1.0);
        assert_eq!(b.cmp_tol(&a), Ordering::Greater);
        assert!((b - a).is_gain());
        assert!(!(a - b).is_gain());
        assert!(!(a - a).is_gain());
    }

    #[test]
    fn weighted_mode_trades_off() {
        let w = Weights {
            mode: ObjectiveMode::Weighted,
            ..Weights::default()
        };
        let a = w.combine(1.0, 100.0);
        let b = w.combine(0.0, 1.0);
        assert_eq!(a.cmp_tol(&b), Ordering::Greater);
    }

    #[test]
    fn pair_terms() {
        let w = Weights::default();
        assert_eq!(w.pair(true, false, false, 250.0), Lex::new(-1.0, 2.5));
        assert_eq!(w.pair(false, true, true, 0.0), Lex::new(-1.0, 1.0));
    }
}
