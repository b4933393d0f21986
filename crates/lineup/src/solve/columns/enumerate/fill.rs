//! The pricing bound's selection when Länder need a least number of
//! units: each group's needed best values first, the rest by room.

use super::super::grouped::{GROUPS, GroupedTop};

/// Splits `values` (value, group): each group's `need` best are taken
/// (their sum is returned; `None` if a group has too few), the others go
/// to `best`, which keeps the `cap` best of them within `room`. A column
/// holding at least `need` of a group holds, at best, that group's best
/// `need` values and the best of the rest, within the room left.
pub(super) fn fill(
    best: &mut GroupedTop,
    mand: &mut [f64],
    b: usize,
    need: &[usize; GROUPS],
    room: &[usize; GROUPS],
    cap: usize,
    values: impl Iterator<Item = (f64, u8)>,
) -> Option<f64> {
    best.reset(cap, room);
    let mut lens = [0usize; GROUPS];
    for (v, g) in values {
        let gi = g as usize;
        let n = need[gi];
        if n == 0 {
            best.push(v, g);
            continue;
        }
        let list = &mut mand[gi * b..gi * b + n];
        let len = lens[gi];
        let last = if len < n {
            lens[gi] = len + 1;
            len
        } else if v > list[n - 1] {
            best.push(list[n - 1], g);
            n - 1
        } else {
            best.push(v, g);
            continue;
        };
        let mut at = last;
        while at > 0 && list[at - 1] < v {
            list[at] = list[at - 1];
            at -= 1;
        }
        list[at] = v;
    }
    let mut sum = 0.0;
    for g in 0..GROUPS {
        if lens[g] < need[g] {
            return None;
        }
        sum += mand[g * b..g * b + need[g]].iter().sum::<f64>();
    }
    Some(sum)
}
