//! One block of a problem, seen by the solvers: local member numbering, pair
//! weights (penalty, spread), and the engine instance with its rules.

use crate::borders::borders;
use crate::distance::UnitVector;
use crate::engine::{DenseWeights, Instance, Limit, PairWeights, Rules};
use crate::ilp::Milp;
use crate::objective::{Lex, Weights};
use crate::problem::{Block, Problem};
use crate::settings::{ClusterSize, Comparability};
use crate::size_class::ClassId;

/// Blocks up to this many members get a precomputed weight matrix.
pub(crate) const DENSE_LIMIT: usize = 2_000;

/// A criterion's pair cost on a block: `weight` for every pair whose
/// values are equal (`when_equal`, a `different` criterion) or differ (a
/// soft `alike`).
#[derive(Clone, Debug)]
pub(crate) struct PairCriterion {
    /// Value code per local member.
    pub codes: Vec<u32>,
    pub weight: f64,
    pub when_equal: bool,
}

/// Pair weights of a block's members, computed on the fly.
#[derive(Clone, Debug)]
pub(crate) struct MunicipalityWeights {
    pub units: Vec<UnitVector>,
    pub land: Vec<u8>,
    pub class: Vec<u8>,
    pub weights: Weights,
    pub non_bordering: [[bool; 16]; 16],
    /// The planner's pair criteria (level 1).
    pub criteria: Vec<PairCriterion>,
}

impl MunicipalityWeights {
    pub fn new(problem: &Problem, members: &[usize]) -> MunicipalityWeights {
        let ms = problem.municipalities();
        let g = borders();
        let mut non_bordering = [[false; 16]; 16];
        for (a, row) in non_bordering.iter_mut().enumerate() {
            for (b, cell) in row.iter_mut().enumerate() {
                *cell = a != b && !g.share_border(crate::Land::ALL[a], crate::Land::ALL[b]);
            }
        }
        MunicipalityWeights {
            units: members.iter().map(|&i| UnitVector::new(ms[i].location)).collect(),
            land: members.iter().map(|&i| ms[i].land.index() as u8).collect(),
            class: members.iter().map(|&i| problem.class_of(i).0).collect(),
            weights: problem.settings().weights(),
            non_bordering,
            criteria: problem
                .resolved_criteria()
                .iter()
                .filter_map(|r| {
                    let (weight, when_equal) = r.criterion.pair_cost()?;
                    (weight > 0.0).then(|| PairCriterion {
                        codes: members.iter().map(|&i| r.codes[i]).collect(),
                        weight,
                        when_equal,
                    })
                })
                .collect(),
        }
    }

    /// Penalty and spread of a pair, as separate numbers.
    #[inline]
    pub fn terms(&self, i: usize, j: usize) -> (f64, f64) {
        let (li, lj) = (self.land[i] as usize, self.land[j] as usize);
        let w = &self.weights;
        let mut pen = 0.0;
        if li == lj {
            pen += w.same_land;
        }
        if self.class[i] != self.class[j] {
            pen += w.mixed_class;
        }
        for c in &self.criteria {
            if (c.codes[i] == c.codes[j]) == c.when_equal {
                pen += c.weight;
            }
        }
        let mut spr = self.units[i].km(&self.units[j]) / 100.0 * w.distance_per_100km;
        if self.non_bordering[li][lj] {
            spr += w.non_bordering;
        }
        (pen, spr)
    }
}

impl PairWeights for MunicipalityWeights {
    type V = Lex;
    fn len(&self) -> usize {
        self.units.len()
    }
    #[inline]
    fn weight(&self, i: usize, j: usize) -> Lex {
        let (p, s) = self.terms(i, j);
        self.weights.combine(p, s)
    }
}

/// Orders composition slots so that each pinned group (`0..pins`) gets a slot
/// with room for its pinned members' classes; `None` if that is impossible
/// (the construction then works without quotas).
fn match_pins_to_slots(
    mut slots: Vec<Vec<(u8, usize)>>,
    pinned: &[(usize, usize)],
    class: &[u8],
    pins: usize,
) -> Option<Vec<Vec<(u8, usize)>>> {
    let mut ordered = Vec::with_capacity(slots.len());
    for g in 0..pins {
        let mut need: Vec<(u8, usize)> = Vec::new();
        for &(i, _) in pinned.iter().filter(|p| p.1 == g) {
            match need.iter_mut().find(|x| x.0 == class[i]) {
                Some(x) => x.1 += 1,
                None => need.push((class[i], 1)),
            }
        }
        let fits = |slot: &Vec<(u8, usize)>| {
            need.iter()
                .all(|&(c, k)| slot.iter().any(|&(sc, sk)| sc == c && sk >= k))
        };
        let pos = slots.iter().position(fits)?;
        ordered.push(slots.remove(pos));
    }
    ordered.extend(slots);
    Some(ordered)
}

/// Everything the solvers need about one block.
#[derive(Clone, Debug)]
pub(crate) struct BlockModel {
    /// Problem indices of the members; local index = position here.
    pub members: Vec<usize>,
    pub clusters: usize,
    pub size: ClusterSize,
    pub weights: MunicipalityWeights,
    pub rules: Rules,
    /// Number of distinct pin labels (groups `0..pins` are pinned clusters).
    pub pins: usize,
    pub strict: bool,
    /// Which size classes may share a cluster.
    pub comparability: Comparability,
    /// Number of size classes of the scheme.
    pub class_count: usize,
    /// Whether the planner gave criteria (the count model does not model them).
    pub has_criteria: bool,
}

impl BlockModel {
    pub fn new(problem: &Problem, block: &Block) -> BlockModel {
        let members = block.members.clone();
        let local = |i: usize| members.binary_search(&i).ok();
        let ms = problem.municipalities();
        let settings = problem.settings();
        let mut rules = Rules::default();
        for (x, &i) in members.iter().enumerate() {
            if let Some(p) = &ms[i].cluster {
                if let Some(g) = block.pins.iter().position(|q| q == p) {
                    rules.pinned.push((x, g));
                }
            }
        }
        let pairs = |list: &[(usize, usize)]| -> Vec<(usize, usize)> {
            list.iter()
                .filter_map(|&(a, b)| Some((local(a)?, local(b)?)))
                .collect()
        };
        rules.must_link = pairs(problem.must_link());
        rules.cannot_link = pairs(problem.cannot_link());
        // A hard `alike`: members with different values never share a cluster.
        let hard: Vec<&[u32]> = problem
            .resolved_criteria()
            .iter()
            .filter(|r| r.criterion.is_hard())
            .map(|r| r.codes.as_slice())
            .collect();
        if !hard.is_empty() {
            let given: std::collections::HashSet<(usize, usize)> = rules
                .cannot_link
                .iter()
                .map(|&(a, b)| (a.min(b), a.max(b)))
                .collect();
            for (x, &i) in members.iter().enumerate() {
                for (y, &j) in members.iter().enumerate().skip(x + 1) {
                    if hard.iter().any(|c| c[i] != c[j]) && !given.contains(&(x, y)) {
                        rules.cannot_link.push((x, y));
                    }
                }
            }
        }
        // Quotas: one limit per value counted; a limit no cluster can break is left out.
        for r in problem.resolved_criteria() {
            let Some((_, count, at_least)) = r.criterion.quota() else {
                continue;
            };
            for &t in &r.targets {
                let hit: Vec<usize> = (0..members.len()).filter(|&x| r.codes[members[x]] == t).collect();
                let (lo, hi) = if at_least { (count, usize::MAX) } else { (0, count) };
                if lo > 0 || hit.len() > hi {
                    rules.limits.push(Limit {
                        members: hit,
                        at_least: lo,
                        at_most: hi,
                    });
                }
            }
        }
        let weights = MunicipalityWeights::new(problem, &members);
        if let Some(cap) = settings.max_per_land() {
            rules.cap = Some((weights.land.clone(), cap));
        }
        let strict = settings.comparability() == Comparability::Strict;
        if !strict {
            rules.span = Some(weights.class.clone());
            rules.quotas = block.composition.as_ref().and_then(|c| {
                let slots: Vec<Vec<(u8, usize)>> = c
                    .slots()
                    .into_iter()
                    .map(|slot| slot.into_iter().map(|(k, n)| (k as u8, n)).collect())
                    .collect();
                match_pins_to_slots(slots, &rules.pinned, &weights.class, block.pins.len())
            });
        }
        BlockModel {
            clusters: block.clusters,
            size: settings.cluster_size(),
            pins: block.pins.len(),
            class_count: settings.classes().len(),
            comparability: settings.comparability(),
            has_criteria: !problem.resolved_criteria().is_empty(),
            members,
            weights,
            rules,
            strict,
        }
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether members `i` and `j` may share a cluster by their size classes.
    #[inline]
    pub fn may_share(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.weights.class[i], self.weights.class[j]);
        self.comparability
            .allows_span(ClassId(a.min(b)), ClassId(a.max(b)))
    }

    pub fn bounds(&self) -> Vec<(usize, usize)> {
        vec![(self.size.min, self.size.max); self.clusters]
    }

    /// The engine instance with on-the-fly weights.
    pub fn instance(&self) -> Instance<MunicipalityWeights> {
        Instance {
            weights: self.weights.clone(),
            bounds: self.bounds(),
            rules: self.rules.clone(),
            affinity: None,
        }
    }

    /// The engine instance with a precomputed weight matrix.
    pub fn dense_instance(&self) -> Instance<DenseWeights<Lex>> {
        let w = &self.weights;
        Instance {
            weights: DenseWeights::from_fn(self.len(), |i, j| w.weight(i, j)),
            bounds: self.bounds(),
            rules: self.rules.clone(),
            affinity: None,
        }
    }

    /// A start that meets the closed-form level-1 bound: members sorted by
    /// Land (most frequent first) are dealt to the clusters in turn, so every
    /// Land is spread as evenly as possible and sizes differ by at most one.
    /// `None` with pins, links or mixed classes (the engine constructs then).
    pub fn deal(&self) -> Option<Vec<usize>> {
        let r = &self.rules;
        if !self.strict
            || !r.pinned.is_empty()
            || !r.must_link.is_empty()
            || !r.cannot_link.is_empty()
            || !r.limits.is_empty()
        {
            return None;
        }
        let n = self.len();
        let k = self.clusters;
        if k == 0 || !self.size.fits(n, k) {
            return None;
        }
        let land = &self.weights.land;
        let mut per = [0usize; 16];
        for &l in land {
            per[l as usize] += 1;
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(per[land[i] as usize]), land[i], i));
        let mut groups = vec![0usize; n];
        for (t, &i) in order.iter().enumerate() {
            groups[i] = t % k;
        }
        Some(groups)
    }

    /// Penalty and spread of a local assignment (member → group), from scratch.
    pub fn terms_of(&self, groups: &[usize]) -> (f64, f64) {
        let mut by = vec![Vec::new(); self.clusters];
        for (x, &g) in groups.iter().enumerate() {
            by[g].push(x);
        }
        let (mut p, mut s) = (0.0, 0.0);
        for g in &by {
            for (a, &i) in g.iter().enumerate() {
                for &j in &g[a + 1..] {
                    let t = self.weights.terms(i, j);
                    p += t.0;
                    s += t.1;
                }
            }
        }
        (p, s)
    }

    /// Adds the must-link and cannot-link rows over assignment variables
    /// `x[i][g]` (member `i` in cluster `g`) to a model.
    pub fn add_link_rows(&self, m: &mut Milp, x: &[Vec<usize>]) {
        for &(i, j) in &self.rules.must_link {
            for g in 0..self.clusters {
                m.add_row(vec![(x[i][g], 1.0), (x[j][g], -1.0)], 0.0, 0.0);
            }
        }
        for &(i, j) in &self.rules.cannot_link {
            for g in 0..self.clusters {
                m.add_row(vec![(x[i][g], 1.0), (x[j][g], 1.0)], f64::NEG_INFINITY, 1.0);
            }
        }
    }
}
