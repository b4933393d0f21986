//! Items: elements merged by must-links into units that always move
//! together, with the per-item data the rules need, and item-level weights.

use petgraph::unionfind::UnionFind;
use thiserror::Error;

use super::instance::{DenseWeights, Instance, PairWeights};

/// Rules that contradict each other, so that no grouping can exist.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RuleConflict {
    /// An element pinned to a group the instance does not have.
    #[error("element {element} pinned to missing group {group}")]
    MissingGroup {
        /// The element.
        element: usize,
        /// The group.
        group: usize,
    },
    /// Elements of one must-link item pinned to two groups.
    #[error("element {element} pinned to groups {first} and {second}")]
    TwoPins {
        /// The element.
        element: usize,
        /// One group.
        first: usize,
        /// The other group.
        second: usize,
    },
    /// Two elements both linked together and kept apart.
    #[error("elements {a} and {b} are both linked and kept apart")]
    LinkedApart {
        /// One element.
        a: usize,
        /// The other.
        b: usize,
    },
}

/// Elements merged into items by must-links, with per-item rule data.
#[derive(Clone, Debug)]
pub struct Items {
    /// Elements of each item, ascending; item ids are ordered by smallest element.
    pub members: Vec<Vec<usize>>,
    /// Item of each element.
    pub of: Vec<usize>,
    /// Pinned group of each item.
    pub pinned: Vec<Option<usize>>,
    /// Items that may not share a group with each item.
    pub cannot: Vec<Vec<usize>>,
    /// Attribute counts of each item (for the cap rule).
    pub attrs: Vec<Vec<(u8, u16)>>,
    /// Category counts of each item (for the span rule).
    pub cats: Vec<Vec<(u8, u16)>>,
    /// Per item, how many of its elements each limit counts (limit index, count).
    pub limits: Vec<Vec<(u32, u16)>>,
    /// Whether every item is a single element (item id = element id).
    pub singletons: bool,
}

impl Items {
    /// Builds the items of an instance; `Err` if the rules contradict each other.
    pub fn build<W: PairWeights>(inst: &Instance<W>) -> Result<Items, RuleConflict> {
        let n = inst.len();
        let r = &inst.rules;
        let mut linked = UnionFind::<usize>::new(n);
        for &(a, b) in &r.must_link {
            linked.union(a, b);
        }
        // Item ids in order of their smallest element.
        let mut of = vec![usize::MAX; n];
        let mut members: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let root = linked.find_mut(i);
            if of[root] == usize::MAX {
                of[root] = members.len();
                members.push(Vec::new());
            }
            let it = of[root];
            of[i] = it;
            members[it].push(i);
        }
        let k = members.len();
        let mut pinned = vec![None; k];
        for &(i, g) in &r.pinned {
            if g >= inst.groups() {
                return Err(RuleConflict::MissingGroup { element: i, group: g });
            }
            match pinned[of[i]] {
                Some(h) if h != g => {
                    return Err(RuleConflict::TwoPins {
                        element: i,
                        first: h,
                        second: g,
                    });
                }
                _ => pinned[of[i]] = Some(g),
            }
        }
        let mut cannot = vec![Vec::new(); k];
        for &(a, b) in &r.cannot_link {
            let (x, y) = (of[a], of[b]);
            if x == y {
                return Err(RuleConflict::LinkedApart { a, b });
            }
            if !cannot[x].contains(&y) {
                cannot[x].push(y);
                cannot[y].push(x);
            }
        }
        let count = |vals: &[u8], items: &[Vec<usize>]| -> Vec<Vec<(u8, u16)>> {
            items
                .iter()
                .map(|mem| {
                    let mut c: Vec<(u8, u16)> = Vec::new();
                    for &i in mem {
                        match c.iter_mut().find(|x| x.0 == vals[i]) {
                            Some(x) => x.1 += 1,
                            None => c.push((vals[i], 1)),
                        }
                    }
                    c
                })
                .collect()
        };
        let attrs = match &r.cap {
            Some((a, _)) => count(a, &members),
            None => vec![Vec::new(); k],
        };
        let cats = match &r.span {
            Some(c) => count(c, &members),
            None => vec![Vec::new(); k],
        };
        let mut limits: Vec<Vec<(u32, u16)>> = vec![Vec::new(); k];
        for (l, limit) in r.limits.iter().enumerate() {
            for &i in &limit.members {
                let it = &mut limits[of[i]];
                match it.iter_mut().find(|x| x.0 == l as u32) {
                    Some(x) => x.1 += 1,
                    None => it.push((l as u32, 1)),
                }
            }
        }
        let singletons = k == n;
        Ok(Items {
            limits,
            members,
            of,
            pinned,
            cannot,
            attrs,
            cats,
            singletons,
        })
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Elements in item `u`.
    pub fn size(&self, u: usize) -> usize {
        self.members[u].len()
    }
}

/// Items up to this many get a precomputed item weight matrix when they are
/// not all single elements.
const DENSE_ITEMS: usize = 3_000;

/// Weights between items: the element weights when every item is a single
/// element, else sums over members (precomputed up to `DENSE_ITEMS`).
#[derive(Clone, Debug)]
pub enum ItemWeights<'a, W: PairWeights> {
    /// Items are elements.
    Same(&'a W),
    /// Precomputed sums.
    Dense(DenseWeights<W::V>),
    /// Sums computed on demand.
    Sums(&'a W, &'a Items),
}

impl<'a, W: PairWeights> ItemWeights<'a, W> {
    /// Item weights of an instance.
    pub fn new(inst: &'a Instance<W>, items: &'a Items) -> ItemWeights<'a, W> {
        if items.singletons {
            return ItemWeights::Same(&inst.weights);
        }
        let sum = |u: usize, v: usize| {
            let mut s = W::V::default();
            for &i in &items.members[u] {
                for &j in &items.members[v] {
                    s += inst.weights.weight(i, j);
                }
            }
            s
        };
        if items.len() <= DENSE_ITEMS {
            ItemWeights::Dense(DenseWeights::from_fn(items.len(), sum))
        } else {
            ItemWeights::Sums(&inst.weights, items)
        }
    }
}

impl<W: PairWeights> PairWeights for ItemWeights<'_, W> {
    type V = W::V;
    fn len(&self) -> usize {
        match self {
            ItemWeights::Same(w) => w.len(),
            ItemWeights::Dense(d) => d.len(),
            ItemWeights::Sums(_, items) => items.len(),
        }
    }
    #[inline]
    fn weight(&self, u: usize, v: usize) -> W::V {
        match self {
            ItemWeights::Same(w) => w.weight(u, v),
            ItemWeights::Dense(d) => d.weight(u, v),
            ItemWeights::Sums(w, items) => {
                let mut s = W::V::default();
                for &i in &items.members[u] {
                    for &j in &items.members[v] {
                        s += w.weight(i, j);
                    }
                }
                s
            }
        }
    }
    fn row(&self, u: usize) -> Option<&[W::V]> {
        match self {
            ItemWeights::Same(w) => w.row(u),
            ItemWeights::Dense(d) => d.row(u),
            ItemWeights::Sums(..) => None,
        }
    }
}
