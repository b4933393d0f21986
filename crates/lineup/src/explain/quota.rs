//! Which quota a move or a swap breaks: a cluster left with fewer members
//! of a value than `at-least` asks, or given more than `at-most` allows.

use super::blockers::Placement;
use crate::Blocker;

impl Placement<'_> {
    /// Members of cluster `c` with value code `code` of criterion `r`,
    /// after `out` leaves and `into` joins.
    fn quota_count(
        &self,
        codes: &[u32],
        c: usize,
        code: u32,
        out: Option<usize>,
        into: Option<usize>,
    ) -> usize {
        let stay = self.lineup.clusters[c]
            .members
            .iter()
            .filter(|&&m| Some(m) != out && codes[m] == code)
            .count();
        stay + into.is_some_and(|m| codes[m] == code) as usize
    }

    /// Quotas that `i` breaks by leaving its cluster (for `partner` in its place).
    pub(super) fn quota_leaving(&self, i: usize, partner: Option<usize>, out: &mut Vec<Blocker>) {
        self.quotas_broken(i, self.at[i], Some(i), partner, true, out);
    }

    /// Quotas that `i` breaks by joining cluster `c` (with `out_of_c` leaving it).
    pub(super) fn quota_joining(&self, i: usize, c: usize, out_of_c: Option<usize>, out: &mut Vec<Blocker>) {
        self.quotas_broken(i, c, out_of_c, Some(i), false, out);
    }

    /// The `at-least` (or `at-most`) quotas on `i`'s values that cluster `c`
    /// no longer meets after `leaving` leaves and `joining` joins it.
    fn quotas_broken(
        &self,
        i: usize,
        c: usize,
        leaving: Option<usize>,
        joining: Option<usize>,
        at_least: bool,
        out: &mut Vec<Blocker>,
    ) {
        for r in self.problem.resolved_criteria() {
            let Some((_, count, lower)) = r.criterion.quota() else {
                continue;
            };
            let code = r.codes[i];
            if lower != at_least || !r.targets.contains(&code) {
                continue;
            }
            let have = self.quota_count(&r.codes, c, code, leaving, joining);
            if (at_least && have < count) || (!at_least && have > count) {
                out.push(Blocker::Quota {
                    criterion: r.criterion.to_string(),
                    cluster: self.lineup.clusters[c].id.clone(),
                    count: have,
                    value: format!("{}={}", r.criterion.attribute(), r.values[code as usize]),
                    quota: count,
                    at_least,
                });
            }
        }
    }
}
