//! Objective values the engine can maximise: plain numbers (`f64`, as in
//! MDGPLIB) or lexicographic pairs ([`Lex`], as for municipalities).

use std::cmp::Ordering;
use std::fmt::Debug;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use crate::objective::{EPS, Lex};

/// A value that pair weights, group sums and move gains are made of.
pub trait Value:
    Copy
    + Default
    + Debug
    + PartialEq
    + Send
    + Sync
    + Add<Output = Self>
    + Sub<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + 'static
{
    /// Whether this value, read as a change, improves by more than the tolerance.
    fn is_gain(&self) -> bool;
    /// Comparison with tolerance (ties within the tolerance are `Equal`).
    fn cmp_tol(&self, other: &Self) -> Ordering;
    /// Exact total order, for deterministic tie-breaking.
    fn total_cmp(&self, other: &Self) -> Ordering;
    /// Multiplies by a scalar.
    fn scale(self, k: f64) -> Self;
    /// The primary level (0 for plain numbers).
    fn primary(&self) -> f64;
    /// The secondary level (the number itself for plain numbers).
    fn secondary(&self) -> f64;
    /// Componentwise maximum: an upper bound of both that keeps
    /// [`is_gain`](Value::is_gain) monotone (if `x` is a gain, so is any
    /// value at least `x` in every component).
    fn max_each(self, other: Self) -> Self;
    /// Minus infinity (in every component).
    fn lowest() -> Self;
    /// Componentwise minimum.
    fn min_each(self, other: Self) -> Self {
        -((-self).max_each(-other))
    }
}

impl Value for f64 {
    #[inline]
    fn is_gain(&self) -> bool {
        *self > EPS
    }
    #[inline]
    fn cmp_tol(&self, other: &Self) -> Ordering {
        let d = self - other;
        if d > EPS {
            Ordering::Greater
        } else if d < -EPS {
            Ordering::Less
        } else {
            Ordering::Equal
        }
    }
    #[inline]
    fn total_cmp(&self, other: &Self) -> Ordering {
        f64::total_cmp(self, other)
    }
    #[inline]
    fn scale(self, k: f64) -> Self {
        self * k
    }
    #[inline]
    fn primary(&self) -> f64 {
        0.0
    }
    #[inline]
    fn secondary(&self) -> f64 {
        *self
    }
    #[inline]
    fn max_each(self, other: Self) -> Self {
        self.max(other)
    }
    fn lowest() -> Self {
        f64::NEG_INFINITY
    }
}

impl Value for Lex {
    #[inline]
    fn is_gain(&self) -> bool {
        Lex::is_gain(self)
    }
    #[inline]
    fn cmp_tol(&self, other: &Self) -> Ordering {
        Lex::cmp_tol(self, other)
    }
    #[inline]
    fn total_cmp(&self, other: &Self) -> Ordering {
        self.first
            .total_cmp(&other.first)
            .then(self.second.total_cmp(&other.second))
    }
    #[inline]
    fn scale(self, k: f64) -> Self {
        Lex::new(self.first * k, self.second * k)
    }
    #[inline]
    fn primary(&self) -> f64 {
        self.first
    }
    #[inline]
    fn secondary(&self) -> f64 {
        self.second
    }
    #[inline]
    fn max_each(self, other: Self) -> Self {
        Lex::new(self.first.max(other.first), self.second.max(other.second))
    }
    fn lowest() -> Self {
        Lex::new(f64::NEG_INFINITY, f64::NEG_INFINITY)
    }
}
