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
            if s.relocate_gain(u, h).is_gain() && s.rules_allow(u, h, None) {
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

fn swaps<W: PairWeights>(
    s: &mut State<'_, W>,
    free: &[usize],
    is_free: &[bool],
    log: &mut Option<&mut UndoLog>,
    deadline: Option<Instant>,
) -> bool {
    let mut improved = false;
    let k = s.k;
    let mut gain_to = vec![W::V::default(); s.m];
    for (n_checked, &u) in free.iter().enumerate() {
        if n_checked % 64 == 63 && deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let mut gu = s.group[u];
        for (h, slot) in gain_to.iter_mut().enumerate() {
            *slot = s.to_group(u, h) - s.own(u);
        }
        let mut v = u + 1;
        while v < k {
            let gv = s.group[v];
            if gv != gu && is_free[v] {
                let w = s.w.weight(u, v);
                let d = gain_to[gv] + s.to_group(v, gu) - s.own(v) - w - w;
                if d.is_gain() && s.can_swap(u, v) {
                    if let Some(l) = log.as_deref_mut() {
                        l.push((u, gu));
                        l.push((v, gv));
                    }
                    s.swap(u, v);
                    improved = true;
                    gu = s.group[u];
                    for (h, slot) in gain_to.iter_mut().enumerate() {
                        *slot = s.to_group(u, h) - s.own(u);
                    }
                }
            }
            v += 1;
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
