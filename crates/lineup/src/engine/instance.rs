//! A general grouping instance: elements, pair weights, groups with size
//! bounds, and hard constraints.
//!
//! Elements joined by must-links are merged into *items* that always move
//! together; every other rule is checked per move.

use thiserror::Error;

use super::value::Value;

/// The first rule a grouping breaks.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Broken {
    /// Not one group per element.
    #[error("{groups} groups for {elements} elements")]
    Length {
        /// Groups given.
        groups: usize,
        /// Elements of the instance.
        elements: usize,
    },
    /// A group index the instance does not have.
    #[error("group {0} does not exist")]
    NoGroup(usize),
    /// A group outside its size bounds.
    #[error("group {group} has {size} elements, outside {min}..{max}")]
    Size {
        /// The group.
        group: usize,
        /// Its size.
        size: usize,
        /// Lower bound.
        min: usize,
        /// Upper bound.
        max: usize,
    },
    /// A must-link pair apart.
    #[error("must-link {0}-{1} broken")]
    MustLink(usize, usize),
    /// A cannot-link pair together.
    #[error("cannot-link {0}-{1} broken")]
    CannotLink(usize, usize),
    /// A pinned element elsewhere.
    #[error("element {element} not in its pinned group {group}")]
    Pin {
        /// The element.
        element: usize,
        /// Its group.
        group: usize,
    },
    /// Too many elements with one attribute in a group.
    #[error("group {group} holds more than {cap} of attribute {attribute}")]
    Cap {
        /// The group.
        group: usize,
        /// The attribute.
        attribute: u8,
        /// The cap.
        cap: usize,
    },
    /// A group spanning more than two neighbouring categories.
    #[error("group {group} spans categories {lo}..{hi}")]
    Span {
        /// The group.
        group: usize,
        /// Smallest category.
        lo: u8,
        /// Largest category.
        hi: u8,
    },
    /// A group holding fewer or more of a limit's elements than allowed.
    #[error("group {group} holds {count} elements of limit {limit}")]
    Limit {
        /// The group.
        group: usize,
        /// Index into `Rules::limits`.
        limit: usize,
        /// How many it holds.
        count: usize,
    },
    /// Too many elements away from their home group.
    #[error("{away} elements away from home, more than {max}")]
    Away {
        /// Elements away.
        away: usize,
        /// The cap.
        max: usize,
    },
}

/// Pair weights of `len()` elements. `weight(i, j)` must be symmetric and is
/// only asked for `i != j`.
pub trait PairWeights: Sync {
    /// The value type (number or lexicographic pair).
    type V: Value;
    /// Number of elements.
    fn len(&self) -> usize;
    /// Weight of the pair `{i, j}`.
    fn weight(&self, i: usize, j: usize) -> Self::V;
    /// Row `i` of a precomputed matrix (`row[j] = weight(i, j)`, `row[i]` = 0),
    /// if the weights are stored that way; lets the search use vector loops.
    fn row(&self, _i: usize) -> Option<&[Self::V]> {
        None
    }
}

/// A dense symmetric weight matrix.
#[derive(Clone, Debug)]
pub struct DenseWeights<V> {
    n: usize,
    w: Vec<V>,
}

impl<V: Value> DenseWeights<V> {
    /// A matrix from its upper triangle in row order (`n(n−1)/2` values for
    /// the pairs `(0,1), (0,2), …, (n−2,n−1)`).
    pub fn from_upper(n: usize, upper: &[V]) -> Option<DenseWeights<V>> {
        if upper.len() != n * n.saturating_sub(1) / 2 {
            return None;
        }
        let mut w = vec![V::default(); n * n];
        let mut k = 0;
        for i in 0..n {
            for j in i + 1..n {
                w[i * n + j] = upper[k];
                w[j * n + i] = upper[k];
                k += 1;
            }
        }
        Some(DenseWeights { n, w })
    }

    /// Precomputes all weights of another weight function.
    pub fn from_fn(n: usize, f: impl Fn(usize, usize) -> V + Sync) -> DenseWeights<V> {
        let mut w = vec![V::default(); n * n];
        for i in 0..n {
            for j in i + 1..n {
                let x = f(i, j);
                w[i * n + j] = x;
                w[j * n + i] = x;
            }
        }
        DenseWeights { n, w }
    }
}

impl<V: Value> PairWeights for DenseWeights<V> {
    type V = V;
    fn len(&self) -> usize {
        self.n
    }
    #[inline]
    fn weight(&self, i: usize, j: usize) -> V {
        self.w[i * self.n + j]
    }
    #[inline]
    fn row(&self, i: usize) -> Option<&[V]> {
        Some(&self.w[i * self.n..(i + 1) * self.n])
    }
}

/// What the engine must respect besides group sizes.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    /// Element pairs that must share a group.
    pub must_link: Vec<(usize, usize)>,
    /// Element pairs that must not share a group.
    pub cannot_link: Vec<(usize, usize)>,
    /// Element → group it must be in.
    pub pinned: Vec<(usize, usize)>,
    /// Per element an attribute (e.g. the Land), and the most elements with
    /// equal attribute a group may hold.
    pub cap: Option<(Vec<u8>, usize)>,
    /// Per element a category (e.g. the size class); a group may only hold
    /// categories `c` and `c + 1` for some `c`.
    pub span: Option<Vec<u8>>,
    /// Construction hint: per group, how many elements of each category.
    pub quotas: Option<Vec<Vec<(u8, usize)>>>,
    /// Hard bounds on how many of some elements every group holds (the
    /// planner's quotas, e.g. at least one experienced member).
    pub limits: Vec<Limit>,
}

/// Every group holds between `at_least` and `at_most` of `members`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limit {
    /// The elements counted, ascending.
    pub members: Vec<usize>,
    /// Fewest per group.
    pub at_least: usize,
    /// Most per group.
    pub at_most: usize,
}

/// Elements that have a home group (e.g. their cluster in a baseline lineup):
/// every element in its home group adds `bonus`, and at most `max_away`
/// elements may be elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub struct Affinity<V> {
    /// Per element its home group, if any.
    pub home: Vec<Option<usize>>,
    /// Value of one element being in its home group.
    pub bonus: V,
    /// At most this many elements with a home may be away from it.
    pub max_away: Option<usize>,
}

/// The most pairs any feasible grouping has: `max Σ_g C(s_g, 2)` over sizes
/// `a_g ≤ s_g ≤ b_g` with `Σ s_g = n` (a knapsack-style dynamic program;
/// `None` if no sizes fit).
///
/// When every group has the same bounds (as in a block of clusters) the
/// answer is closed-form and takes no time: `C(s, 2)` is convex, so the
/// best sizes are as uneven as allowed — as many groups at `b` as fit, the
/// rest at `a`, one in between. (The dynamic program takes groups × n steps:
/// minutes and gigabytes for 200 000 municipalities.)
pub fn most_pairs(bounds: &[(usize, usize)], n: usize) -> Option<usize> {
    if let Some(&(a, b)) = bounds
        .first()
        .filter(|&&first| bounds.iter().all(|&x| x == first))
    {
        let k = bounds.len();
        if a > b || k.checked_mul(a)? > n || k.checked_mul(b)? < n {
            return None;
        }
        let pairs = |s: usize| s * s.saturating_sub(1) / 2;
        let extra = n - k * a;
        let (full, rest) = match b - a {
            0 => (0, 0),
            w => (extra / w, extra % w),
        };
        let middle = usize::from(rest > 0);
        return Some(full * pairs(b) + middle * pairs(a + rest) + (k - full - middle) * pairs(a));
    }
    let mut best: Vec<Option<usize>> = vec![None; n + 1];
    best[0] = Some(0);
    for &(a, b) in bounds {
        let mut next = vec![None; n + 1];
        for (t, v) in best.iter().enumerate() {
            let Some(v) = v else { continue };
            for s in a..=b.min(n - t) {
                let p = v + s * s.saturating_sub(1) / 2;
                if next[t + s].is_none_or(|x| p > x) {
                    next[t + s] = Some(p);
                }
            }
        }
        best = next;
    }
    best[n]
}

/// A grouping instance.
#[derive(Clone, Debug)]
pub struct Instance<W: PairWeights> {
    /// Pair weights of the elements.
    pub weights: W,
    /// Per group the inclusive bounds on its number of elements.
    pub bounds: Vec<(usize, usize)>,
    /// Hard constraints.
    pub rules: Rules,
    /// Home groups, if any.
    pub affinity: Option<Affinity<W::V>>,
}

impl<W: PairWeights> Instance<W> {
    /// An instance with size bounds only.
    pub fn new(weights: W, bounds: Vec<(usize, usize)>) -> Instance<W> {
        Instance {
            weights,
            bounds,
            rules: Rules::default(),
            affinity: None,
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Number of groups.
    pub fn groups(&self) -> usize {
        self.bounds.len()
    }

    /// Objective of a full assignment (element → group), from scratch.
    pub fn evaluate(&self, group: &[usize]) -> W::V {
        let n = self.len();
        let mut by: Vec<Vec<usize>> = vec![Vec::new(); self.groups()];
        for (i, &g) in group.iter().enumerate() {
            by[g].push(i);
        }
        let mut total = W::V::default();
        for members in &by {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    total += self.weights.weight(i, j);
                }
            }
        }
        debug_assert_eq!(group.len(), n);
        if let Some(a) = &self.affinity {
            for (i, h) in a.home.iter().enumerate() {
                if *h == Some(group[i]) {
                    total += a.bonus;
                }
            }
        }
        total
    }

    /// Elements away from their home group.
    pub fn away(&self, group: &[usize]) -> usize {
        self.affinity.as_ref().map_or(0, |a| {
            a.home
                .iter()
                .zip(group)
                .filter(|(h, g)| h.is_some_and(|h| h != **g))
                .count()
        })
    }

    /// Whether a full assignment respects sizes and rules; `Err` names the first broken rule.
    pub fn check(&self, group: &[usize]) -> Result<(), Broken> {
        let n = self.len();
        if group.len() != n {
            return Err(Broken::Length {
                groups: group.len(),
                elements: n,
            });
        }
        let m = self.groups();
        let mut size = vec![0usize; m];
        for &g in group {
            if g >= m {
                return Err(Broken::NoGroup(g));
            }
            size[g] += 1;
        }
        for (g, (&s, &(a, b))) in size.iter().zip(&self.bounds).enumerate() {
            if s < a || s > b {
                return Err(Broken::Size {
                    group: g,
                    size: s,
                    min: a,
                    max: b,
                });
            }
        }
        let r = &self.rules;
        for &(i, j) in &r.must_link {
            if group[i] != group[j] {
                return Err(Broken::MustLink(i, j));
            }
        }
        for &(i, j) in &r.cannot_link {
            if group[i] == group[j] {
                return Err(Broken::CannotLink(i, j));
            }
        }
        for &(i, g) in &r.pinned {
            if group[i] != g {
                return Err(Broken::Pin { element: i, group: g });
            }
        }
        if let Some((attr, cap)) = &r.cap {
            let mut count = std::collections::HashMap::new();
            for i in 0..n {
                let c = count.entry((group[i], attr[i])).or_insert(0usize);
                *c += 1;
                if *c > *cap {
                    return Err(Broken::Cap {
                        group: group[i],
                        attribute: attr[i],
                        cap: *cap,
                    });
                }
            }
        }
        for (l, limit) in r.limits.iter().enumerate() {
            let mut count = vec![0usize; m];
            for &i in &limit.members {
                count[group[i]] += 1;
            }
            if let Some(g) = (0..m).find(|&g| count[g] < limit.at_least || count[g] > limit.at_most) {
                return Err(Broken::Limit {
                    group: g,
                    limit: l,
                    count: count[g],
                });
            }
        }
        if let Some(cat) = &r.span {
            let mut lo = vec![u8::MAX; m];
            let mut hi = vec![0u8; m];
            for i in 0..n {
                lo[group[i]] = lo[group[i]].min(cat[i]);
                hi[group[i]] = hi[group[i]].max(cat[i]);
            }
            for g in 0..m {
                if size[g] > 0 && hi[g] - lo[g] > 1 {
                    return Err(Broken::Span {
                        group: g,
                        lo: lo[g],
                        hi: hi[g],
                    });
                }
            }
        }
        if let Some(max) = self.affinity.as_ref().and_then(|a| a.max_away) {
            let away = self.away(group);
            if away > max {
                return Err(Broken::Away { away, max });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_pairs_matches_brute_force() {
        fn brute(bounds: &[(usize, usize)], n: usize) -> Option<usize> {
            let Some((&(a, b), rest)) = bounds.split_first() else {
                return (n == 0).then_some(0);
            };
            (a..=b.min(n))
                .filter_map(|s| brute(rest, n - s).map(|p| p + s * s.saturating_sub(1) / 2))
                .max()
        }
        let cases: [(&[(usize, usize)], usize); 5] = [
            (&[(5, 6), (4, 20)], 15),
            (&[(3, 3), (3, 3)], 6),
            (&[(2, 5), (2, 5), (3, 4)], 11),
            (&[(2, 3)], 5),
            (&[(1, 9), (0, 2), (4, 4)], 9),
        ];
        for (bounds, n) in cases {
            assert_eq!(most_pairs(bounds, n), brute(bounds, n), "{bounds:?} {n}");
        }
        assert_eq!(most_pairs(&[(5, 6), (4, 20)], 15), Some(10 + 45));
        // Equal bounds take the closed form: it agrees with brute force on
        // every small case, feasible or not.
        for k in 1..=4 {
            for a in 0..=4 {
                for b in a..=6 {
                    for n in 0..=k * b + 2 {
                        let bounds = vec![(a, b); k];
                        assert_eq!(most_pairs(&bounds, n), brute(&bounds, n), "{bounds:?} {n}");
                    }
                }
            }
        }
        assert_eq!(
            most_pairs(&vec![(6, 7); 30_000], 200_000),
            Some(20_000 * 21 + 10_000 * 15)
        );
    }
}
