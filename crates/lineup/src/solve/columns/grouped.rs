//! Best values under a limit per group: the pricing bounds' selection of a
//! column's most valuable units (and of a unit's most valuable partners)
//! when a column holds at most `most[g]` units of group `g` (single-member
//! units of one Land, when a cap or evenly spread Länder limit them).
//!
//! The units of a column form an independent set of a partition matroid
//! (at most `most[g]` per group), so taking values greedily, best first and
//! skipping a full group, gives the largest sum of every size at once.

/// Groups: the 16 Länder and [`FREE`].
pub(super) const GROUPS: usize = 17;

/// The group of units no Land limit applies to (several members).
pub(super) const FREE: u8 = 16;

/// The `r` largest values with at most `room[g]` of group `g`, descending,
/// fed one at a time; reusable without allocation.
#[derive(Clone, Debug, Default)]
pub(super) struct GroupedTop {
    r: usize,
    room: [usize; GROUPS],
    /// The kept values with their groups, descending (at most `r`).
    pub kept: Vec<(f64, u8)>,
    /// Per group, its best values so far (at most `min(room, r)`), descending.
    lists: Vec<f64>,
    lens: [usize; GROUPS],
}

impl GroupedTop {
    /// Starts a selection of `r` values with `room` per group.
    pub fn reset(&mut self, r: usize, room: &[usize; GROUPS]) {
        self.r = r;
        self.room = *room;
        self.kept.clear();
        self.lens = [0; GROUPS];
        if self.lists.len() < GROUPS * r {
            self.lists.resize(GROUPS * r, 0.0);
        }
    }

    /// Offers a value of group `g`.
    #[inline]
    pub fn push(&mut self, v: f64, g: u8) {
        let r = self.r;
        if r == 0 {
            return;
        }
        let gi = g as usize;
        let room = self.room[gi];
        if room >= r {
            self.keep(v, g);
            return;
        }
        if room == 0 {
            return;
        }
        let list = &mut self.lists[gi * r..gi * r + room];
        let len = self.lens[gi];
        if len < room {
            insert_desc(&mut list[..len + 1], len, v);
            self.lens[gi] = len + 1;
            self.keep(v, g);
            return;
        }
        let dropped = list[room - 1];
        if v <= dropped {
            return;
        }
        insert_desc(list, room - 1, v);
        // The dropped value, if kept, is the group's last kept one.
        if let Some(at) = self.kept.iter().rposition(|&(x, h)| h == g && x == dropped) {
            self.kept.remove(at);
        }
        self.keep(v, g);
    }

    /// Sum of the best `r` kept values (all when fewer are kept).
    pub fn sum(&self, r: usize) -> f64 {
        self.kept.iter().take(r).map(|k| k.0).sum()
    }

    #[inline]
    fn keep(&mut self, v: f64, g: u8) {
        let kept = &mut self.kept;
        if kept.len() < self.r {
            kept.push((v, g));
        } else if v > kept[self.r - 1].0 {
            kept[self.r - 1] = (v, g);
        } else {
            return;
        }
        let mut at = kept.len() - 1;
        while at > 0 && kept[at - 1].0 < v {
            kept[at] = kept[at - 1];
            at -= 1;
        }
        kept[at] = (v, g);
    }
}

/// Puts `v` at position `last` of a descending list and moves it up.
#[inline]
fn insert_desc(list: &mut [f64], last: usize, v: f64) {
    let mut at = last;
    while at > 0 && list[at - 1] < v {
        list[at] = list[at - 1];
        at -= 1;
    }
    list[at] = v;
}

/// `table[(p·u + j)·b + r]`: half the sum of unit `j`'s `r` largest
/// positive pair values with the units at search positions `>= p`
/// (`order[p..]`), at most `most[g]` of group `g` (one less of `j`'s own),
/// `r < b`; rows `p = 0..=u`. A completion of a search node at position
/// `p` takes its units from there only; row 0 holds every unit. Without
/// `all_rows`, only row 0.
pub(super) fn pair_table(
    q: &[f64],
    order: &[usize],
    groups: &[u8],
    most: &[usize; GROUPS],
    b: usize,
    all_rows: bool,
) -> Vec<f64> {
    let u = order.len();
    let mut table = vec![0.0; if all_rows { (u + 1) * u * b } else { u * b }];
    let keep = b.saturating_sub(1);
    if keep == 0 {
        return table;
    }
    let mut tops: Vec<GroupedTop> = (0..u)
        .map(|j| {
            let mut room = *most;
            let own = groups[j] as usize;
            if groups[j] != FREE {
                room[own] = room[own].saturating_sub(1);
            }
            let mut t = GroupedTop::default();
            t.reset(keep, &room);
            t
        })
        .collect();
    for p in (0..u).rev() {
        let w = order[p];
        for (j, top) in tops.iter_mut().enumerate() {
            let v = q[j * u + w];
            if j != w && v > 0.0 {
                top.push(v, groups[w]);
            }
        }
        if p > 0 && !all_rows {
            continue;
        }
        let row = &mut table[p * u * b..(p + 1) * u * b];
        for (j, top) in tops.iter().enumerate() {
            let mut sum = 0.0;
            for r in 1..b {
                sum += 0.5 * top.kept.get(r - 1).map_or(0.0, |k| k.0);
                row[j * b + r] = sum;
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The best sum of `r` values with at most `room[g]` per group, by
    /// trying every subset.
    fn brute(values: &[(f64, u8)], r: usize, room: &[usize; GROUPS]) -> f64 {
        let mut best = f64::NEG_INFINITY;
        for set in 0u32..1 << values.len() {
            if set.count_ones() as usize != r {
                continue;
            }
            let mut count = [0usize; GROUPS];
            let mut sum = 0.0;
            for (i, &(v, g)) in values.iter().enumerate() {
                if set >> i & 1 == 1 {
                    count[g as usize] += 1;
                    sum += v;
                }
            }
            if count.iter().zip(room).all(|(c, m)| c <= m) {
                best = best.max(sum);
            }
        }
        best
    }

    #[test]
    fn the_grouped_top_is_the_best_sum_of_every_size() {
        let values: Vec<(f64, u8)> = (0..14)
            .map(|i| (((i * 7919) % 23) as f64 - 4.0, [0, 0, 0, 1, 1, 2, FREE][i % 7]))
            .collect();
        let mut room = [0; GROUPS];
        room[0] = 1;
        room[1] = 2;
        room[2] = 0;
        room[FREE as usize] = 9;
        let mut top = GroupedTop::default();
        for r in 1..=6 {
            top.reset(r, &room);
            for &(v, g) in &values {
                top.push(v, g);
            }
            for s in 1..=r {
                let want = brute(&values, s, &room);
                if want.is_finite() {
                    // Exact: scaled down by 10 %, it would be below the best.
                    assert!(
                        (top.sum(s) - want).abs() < 1e-9,
                        "r {r} s {s}: {} vs {want}",
                        top.sum(s)
                    );
                } else {
                    assert!(top.kept.len() < s, "no {s} values fit the rooms");
                }
            }
        }
    }
}
