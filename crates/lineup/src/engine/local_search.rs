//! Local search with two neighbourhoods, first improvement: move one item to
//! another group, then exchange two items of different groups; repeated
//! until neither improves.

use std::time::Instant;

use super::instance::PairWeights;
use super::state::State;
use super::value::Value;

/// A log of `(item, previous group)` for undoing moves.
pub type UndoLog = Vec<(usize, usize)>;

/// Undoes logged moves, newest first.
pub fn undo<W: PairWeights>(s: &mut State<'_, W>, log: &mut UndoLog) {
    while let Some((u, g)) = log.pop() {
        s.relocate(u, g);
    }
}

fn relocations<W: PairWeights>(s: &mut State<'_, W>, free: &[usize], log: &mut Option<&mut UndoLog>) -> bool {
    // A move needs a group above its lower bound and one below its upper bound.
    let slack_out = (0..s.m).any(|g| s.size[g] > s.bounds[g].0);
    let slack_in = (0..s.m).any(|g| s.size[g] < s.bounds[g].1);
    if !slack_out || !slack_in {
        return false;
    }
    let mut improved = false;
    for &u in free {
        let g = s.group[u];
        let su = s.items.size(u);
        if s.size[g] < s.bounds[g].0 + su {
            continue;
        }
        for h in 0..s.m {
            if h == g || s.size[h] + su > s.bounds[h].1 {
                continue;
            }
            if s.relocate_gain(u, h).is_gain() && s.rules_allow(u, h, None) && s.away_allows(u, h) {
                if let Some(l) = log.as_deref_mut() {
                    l.push((u, g));
                }
                s.relocate(u, h);
                improved = true;
                break;
            }
        }
    }
    improved
}

/// The first `v >= from` whose swap with `u` gains and is allowed.
fn find_swap<W: PairWeights>(
    s: &State<'_, W>,
    u: usize,
    from: usize,
    gain_to: &[W::V],
    is_free: &[bool],
) -> Option<usize> {
    let gu = s.group[u];
    let k = s.k;
    if from >= k {
        return None;
    }
    let row_gu = &s.group_row(gu)[from..];
    let own = &s.own_slice()[from..];
    let group = &s.group[from..k];
    let free = &is_free[from..k];
    let scan = |w_of: &dyn Fn(usize) -> W::V| -> Option<usize> {
        for (x, (((&gv, &f), &t), &o)) in group.iter().zip(free).zip(row_gu).zip(own).enumerate() {
            if gv == gu || !f {
                continue;
            }
            let w = w_of(x);
            let mut d = gain_to[gv] + t - o - w - w;
            if s.has_home {
                d += s.home_delta(u, gu, gv) + s.home_delta(from + x, gv, gu);
            }
            if d.is_gain() && s.can_swap(u, from + x) {
                return Some(from + x);
            }
        }
        None
    };
    match s.w.row(u) {
        Some(wu) => {
            let wu = &wu[from..k];
            for (x, ((((&gv, &f), &t), &o), &w)) in
                group.iter().zip(free).zip(row_gu).zip(own).zip(wu).enumerate()
            {
                if gv == gu || !f {
                    continue;
                }
                let mut d = gain_to[gv] + t - o - w - w;
                if s.has_home {
                    d += s.home_delta(u, gu, gv) + s.home_delta(from + x, gv, gu);
                }
                if d.is_gain() && s.can_swap(u, from + x) {
                    return Some(from + x);
                }
            }
            None
        }
        None => scan(&|x| s.w.weight(u, from + x)),
    }
}

fn swaps<W: PairWeights>(
    s: &mut State<'_, W>,
    free: &[usize],
    is_free: &[bool],
    log: &mut Option<&mut UndoLog>,
    deadline: Option<Instant>,
) -> bool {
    let mut improved = false;
    let mut gain_to = vec![W::V::default(); s.m];
    for (n_checked, &u) in free.iter().enumerate() {
        if n_checked % 64 == 63 && deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let mut from = u + 1;
        loop {
            for (h, slot) in gain_to.iter_mut().enumerate() {
                *slot = s.to_group(u, h) - s.own(u);
            }
            let Some(v) = find_swap(s, u, from, &gain_to, is_free) else {
                break;
            };
            if let Some(l) = log.as_deref_mut() {
                l.push((u, s.group[u]));
                l.push((v, s.group[v]));
            }
            s.swap(u, v);
            improved = true;
            from = v + 1;
        }
    }
    improved
}

/// Improves until no relocation or swap gains; logs moves if asked.
/// Returns whether anything improved.
pub fn descend<W: PairWeights>(
    s: &mut State<'_, W>,
    free: &[usize],
    is_free: &[bool],
    mut log: Option<&mut UndoLog>,
    deadline: Option<Instant>,
) -> bool {
    let mut any = false;
    loop {
        let a = relocations(s, free, &mut log);
        let b = swaps(s, free, is_free, &mut log, deadline);
        any |= a || b;
        if !(a || b) || deadline.is_some_and(|d| Instant::now() >= d) {
            return any;
        }
    }
}
