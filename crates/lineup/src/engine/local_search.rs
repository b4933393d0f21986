//! Local search with two neighbourhoods, relocating one item and exchanging
//! two items of different groups, until neither improves.
//!
//! The neighbourhood is scanned by *group pairs*: for groups `a` and `b` the
//! gains of relocating `u ∈ a` to `b` (`α_u = T[b][u] − T[a][u]`), of `v ∈ b`
//! to `a` (`β_v`) and of exchanging them (`α_u + β_v − 2·w(u, v)`) come from
//! two short vectors and one block of weights. The best move of a block is
//! applied, and the block is scanned again. A move between `a` and `b`
//! changes the table rows of `a` and `b` only, so the gains of a block of two
//! other groups stay as they were: only blocks that share a group with a move
//! are scanned again (the proof that the result is a local optimum needs
//! `O(groups)` blocks after the last move instead of all of them).

use std::time::Instant;

use super::instance::PairWeights;
use super::state::{Spare, State};
use super::value::Value;

/// A log of `(item, previous group)` for undoing moves.
pub type UndoLog = Vec<(usize, usize)>;

/// Undoes logged moves, newest first.
pub fn undo<W: PairWeights>(s: &mut State<'_, W>, log: &mut UndoLog) {
    while let Some((u, g)) = log.pop() {
        s.relocate(u, g);
    }
}

/// The free items of each group, with each item's position in its list and
/// what it contributes to its group (`T[g][u]`, kept fresh by [`apply`]).
struct Lists<V> {
    /// Free items per group.
    of: Vec<Vec<u32>>,
    /// `own[g][i]`: table value of item `of[g][i]` in its group `g`.
    own: Vec<Vec<V>>,
    pos: Vec<u32>,
}

impl<V: Value> Lists<V> {
    /// The lists of the current assignment of `s`, in the buffers of `spare`.
    fn new<W: PairWeights<V = V>>(s: &State<'_, W>, free: &[usize], spare: &mut Spare<V>) -> Lists<V> {
        let mut of = std::mem::take(&mut spare.of);
        let mut own = std::mem::take(&mut spare.own);
        let mut pos = std::mem::take(&mut spare.pos);
        of.resize_with(s.m, Vec::new);
        own.resize_with(s.m, Vec::new);
        of.iter_mut().for_each(Vec::clear);
        pos.clear();
        pos.resize(s.k, u32::MAX);
        for &u in free {
            let g = s.group[u];
            pos[u] = of[g].len() as u32;
            of[g].push(u as u32);
        }
        let mut lists = Lists { own, of, pos };
        for g in 0..s.m {
            lists.refresh(s, g);
        }
        lists
    }

    /// Gives the buffers back to `spare`.
    fn give_back(self, spare: &mut Spare<V>) {
        spare.of = self.of;
        spare.own = self.own;
        spare.pos = self.pos;
    }

    /// Recomputes the `own` values of group `g` (after its table row changed).
    fn refresh<W: PairWeights<V = V>>(&mut self, s: &State<'_, W>, g: usize) {
        let row = s.group_row(g);
        let own = &mut self.own[g];
        own.clear();
        own.extend(self.of[g].iter().map(|&u| row[u as usize]));
    }

    /// Records that item `u` moved from group `g` to `h` (`own` of both
    /// groups needs a [`refresh`](Lists::refresh) afterwards).
    fn moved(&mut self, u: usize, g: usize, h: usize) {
        let p = self.pos[u] as usize;
        let list = &mut self.of[g];
        list.swap_remove(p);
        self.own[g].swap_remove(p);
        if let Some(&x) = list.get(p) {
            self.pos[x as usize] = p as u32;
        }
        self.pos[u] = self.of[h].len() as u32;
        self.of[h].push(u as u32);
        self.own[h].push(V::default());
    }
}

/// A move found in a block.
#[derive(Clone, Copy, Debug)]
enum Move {
    /// Item to group.
    Relocate(usize, usize),
    /// Two items exchange their groups.
    Swap(usize, usize),
}

/// Scratch vectors of the block scan.
#[derive(Default)]
struct Scratch<V> {
    alpha: Vec<V>,
    beta: Vec<V>,
}

/// Whether relocations and swaps need the full rule check (pins are
/// excluded by the lists already).
pub(super) fn needs_checks<W: PairWeights>(s: &State<'_, W>) -> bool {
    s.has_rules || s.has_away_cap() || !s.items.singletons
}

/// Relocation gains of the block (a, b): `alpha[i]` of `lists.of[a][i]`
/// moving to `b`, `beta[j]` of `lists.of[b][j]` moving to `a`.
fn fill_gains<W: PairWeights>(
    s: &State<'_, W>,
    lists: &Lists<W::V>,
    a: usize,
    b: usize,
    scratch: &mut Scratch<W::V>,
) {
    let (la, lb) = (&lists.of[a], &lists.of[b]);
    let alpha = &mut scratch.alpha;
    let beta = &mut scratch.beta;
    alpha.clear();
    beta.clear();
    let (row_a, row_b) = (s.group_row(a), s.group_row(b));
    alpha.extend(la.iter().zip(&lists.own[a]).map(|(&u, &o)| row_b[u as usize] - o));
    beta.extend(lb.iter().zip(&lists.own[b]).map(|(&v, &o)| row_a[v as usize] - o));
    if s.has_home {
        for (d, &u) in alpha.iter_mut().zip(la) {
            *d += s.home_delta(u as usize, a, b);
        }
        for (d, &v) in beta.iter_mut().zip(lb) {
            *d += s.home_delta(v as usize, b, a);
        }
    }
}

/// The best improving move between groups `a` and `b`, if any.
fn best_in_block<W: PairWeights>(
    s: &State<'_, W>,
    lists: &Lists<W::V>,
    a: usize,
    b: usize,
    scratch: &mut Scratch<W::V>,
    checks: bool,
    floor: W::V,
) -> Option<(W::V, Move)> {
    let (la, lb) = (&lists.of[a], &lists.of[b]);
    if la.is_empty() && lb.is_empty() {
        return None;
    }
    fill_gains(s, lists, a, b, scratch);
    let (alpha, beta) = (&scratch.alpha, &scratch.beta);
    // Improving means beating `thr` (the best gain so far, at first zero)
    // by more than the tolerance.
    let mut best: Option<(W::V, Move)> = None;
    let mut thr = W::V::default();
    // Relocations, where the sizes leave room.
    let (sa, sb) = (s.size[a], s.size[b]);
    let (ba, bb) = (s.bounds[a], s.bounds[b]);
    if sa > ba.0 && sb < bb.1 {
        for (&u, &g) in la.iter().zip(alpha.iter()) {
            let u = u as usize;
            if (g - thr).is_gain() && (!checks || s.can_relocate(u, b)) {
                best = Some((g, Move::Relocate(u, b)));
                thr = g;
            }
        }
    }
    if sb > bb.0 && sa < ba.1 {
        for (&v, &g) in lb.iter().zip(beta.iter()) {
            let v = v as usize;
            if (g - thr).is_gain() && (!checks || s.can_relocate(v, a)) {
                best = Some((g, Move::Relocate(v, a)));
                thr = g;
            }
        }
    }
    // Swaps: a cheap test per row whether anything beats the threshold,
    // the exact choice (with the rule checks) only for such rows.
    // A row can only hold an improving swap if `α_u + max β − 2·w_min`
    // beats the threshold (`w_min`: the smallest weight of the instance).
    let Some(&b0) = beta.first() else {
        return best;
    };
    let top_beta = beta.iter().fold(b0, |m, &b| m.max_each(b));
    let slack = top_beta - floor - floor;
    for (&u, &au) in la.iter().zip(alpha.iter()) {
        if !(au + slack - thr).is_gain() {
            continue;
        }
        let u = u as usize;
        let row = s.w.row(u);
        let base = au - thr;
        let hit = match row {
            Some(wu) => lb.iter().zip(beta.iter()).fold(false, |hit, (&v, &bv)| {
                let w = wu[v as usize];
                hit | (base + bv - w - w).is_gain()
            }),
            None => true,
        };
        if !hit {
            continue;
        }
        for (&v, &bv) in lb.iter().zip(beta.iter()) {
            let v = v as usize;
            let w = match row {
                Some(wu) => wu[v],
                None => s.w.weight(u, v),
            };
            let g = au + bv - w - w;
            if (g - thr).is_gain() && (!checks || s.can_swap(u, v)) {
                best = Some((g, Move::Swap(u, v)));
                thr = g;
            }
        }
    }
    best
}

/// Applies a move to the state, the lists and the log.
fn apply<W: PairWeights>(
    s: &mut State<'_, W>,
    lists: &mut Lists<W::V>,
    mv: Move,
    log: &mut Option<&mut UndoLog>,
) -> (usize, usize) {
    match mv {
        Move::Relocate(u, h) => {
            let g = s.group[u];
            if let Some(l) = log.as_deref_mut() {
                l.push((u, g));
            }
            s.relocate(u, h);
            lists.moved(u, g, h);
            lists.refresh(s, g);
            lists.refresh(s, h);
            (g, h)
        }
        Move::Swap(u, v) => {
            let (g, h) = (s.group[u], s.group[v]);
            if let Some(l) = log.as_deref_mut() {
                l.push((u, g));
                l.push((v, h));
            }
            s.swap(u, v);
            lists.moved(u, g, h);
            lists.moved(v, h, g);
            lists.refresh(s, g);
            lists.refresh(s, h);
            (g, h)
        }
    }
}

/// Improves until no relocation or swap gains; logs moves if asked.
/// Returns `false` when the deadline stopped it before a local optimum (its
/// result then depends on timing). `is_free` marks the items in `free`.
pub fn descend<W: PairWeights>(
    s: &mut State<'_, W>,
    free: &[usize],
    _is_free: &[bool],
    mut log: Option<&mut UndoLog>,
    deadline: Option<Instant>,
) -> bool {
    let m = s.m;
    if m < 2 || free.is_empty() {
        return true;
    }
    let mut spare = std::mem::take(&mut s.spare);
    let mut lists = Lists::new(s, free, &mut spare);
    let mut scratch = Scratch {
        alpha: std::mem::take(&mut spare.alpha),
        beta: std::mem::take(&mut spare.beta),
    };
    // A block needs a scan if one of its groups changed since its last scan:
    // `changed[g]` is the clock of the last move touching `g`, `seen[a·m + b]`
    // the clock of the last scan of block (a, b). Marking is O(1) per move.
    let mut clocks = std::mem::take(&mut spare.clocks);
    clocks.clear();
    clocks.resize(m + m * m, 0);
    let (changed, seen) = clocks.split_at_mut(m);
    changed.fill(1);
    let done = climb(s, &mut lists, &mut scratch, changed, seen, &mut log, deadline);
    lists.give_back(&mut spare);
    spare.alpha = scratch.alpha;
    spare.beta = scratch.beta;
    spare.clocks = clocks;
    s.spare = spare;
    done
}

/// The loop of [`descend`] over the blocks that need a scan.
fn climb<W: PairWeights>(
    s: &mut State<'_, W>,
    lists: &mut Lists<W::V>,
    scratch: &mut Scratch<W::V>,
    changed: &mut [u64],
    seen: &mut [u64],
    log: &mut Option<&mut UndoLog>,
    deadline: Option<Instant>,
) -> bool {
    let m = s.m;
    let checks = needs_checks(s);
    let floor = s.weight_floor();
    let mut clock = 1u64;
    let mut scanned = 0usize;
    loop {
        let mut dirty = false;
        for a in 0..m {
            for b in a + 1..m {
                if seen[a * m + b] >= changed[a].max(changed[b]) {
                    continue;
                }
                dirty = true;
                loop {
                    scanned += 1;
                    if scanned % 64 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                        return false;
                    }
                    seen[a * m + b] = clock;
                    let Some((_, mv)) = best_in_block(s, lists, a, b, scratch, checks, floor) else {
                        break;
                    };
                    apply(s, lists, mv, log);
                    clock += 1;
                    changed[a] = clock;
                    changed[b] = clock;
                }
            }
        }
        if !dirty {
            return true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instance::{DenseWeights, Instance};
    use crate::engine::items::{ItemWeights, Items};
    use crate::engine::rng::Rng;

    /// Whether any feasible relocation or swap would improve `s`.
    fn improvable<W: PairWeights>(s: &State<'_, W>) -> bool {
        for u in 0..s.k {
            for h in 0..s.m {
                if s.can_relocate(u, h) && s.relocate_gain(u, h).is_gain() {
                    return true;
                }
            }
            for v in u + 1..s.k {
                if s.group[u] != s.group[v] && s.can_swap(u, v) && s.swap_gain(u, v).is_gain() {
                    return true;
                }
            }
        }
        false
    }

    #[test]
    fn descent_ends_in_a_local_optimum_with_the_true_value() {
        for case in 0..40u64 {
            let mut rng = Rng::new(case, 1);
            let n = 8 + rng.below(30);
            let m = 2 + rng.below(5);
            let w = DenseWeights::from_fn(n, |i, j| ((i * 7 + j * 13 + case as usize) % 17) as f64);
            let lo = n / m - 1;
            let hi = n / m + 1 + rng.below(2);
            let mut inst = Instance::new(w, vec![(lo, hi); m]);
            if case % 2 == 1 {
                inst.rules.cannot_link = vec![(0, 1), (2, 3)];
                inst.rules.must_link = vec![(4, 5)];
                inst.rules.pinned = vec![(6, 0)];
            }
            let items = Items::build(&inst).unwrap();
            let iw = ItemWeights::new(&inst, &items);
            let mut s = State::empty(&inst, &items, &iw);
            let mut r = Rng::new(case, 2);
            assert!(crate::engine::construct::construct(
                &mut s,
                &mut r,
                crate::engine::construct::Pick::Random,
                None,
                None
            ));
            let free: Vec<usize> = (0..s.k).filter(|&u| items.pinned[u].is_none()).collect();
            let is_free: Vec<bool> = (0..s.k).map(|u| items.pinned[u].is_none()).collect();
            let before = s.group.clone();
            let mut log = UndoLog::new();
            descend(&mut s, &free, &is_free, Some(&mut log), None);
            assert!(!improvable(&s), "case {case}: not a local optimum");
            let groups = s.element_groups();
            assert_eq!(inst.check(&groups), Ok(()), "case {case}");
            // The state's value leaves out pairs inside an item: compare with a fresh load.
            let mut fresh = s.clone();
            fresh.load(&s.group);
            assert!((fresh.value - s.value).abs() < 1e-6, "case {case}");
            undo(&mut s, &mut log);
            assert_eq!(s.group, before, "case {case}: undo");
        }
    }
}
