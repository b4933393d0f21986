//! Which hard rules forbid a move or a swap, as [`Blocker`]s.

use super::blocker::Blocker;
use crate::lineup::Lineup;
use crate::problem::Problem;
use crate::size_class::ClassId;

/// The lineup with each municipality's cluster, for rule checks.
pub(crate) struct Placement<'a> {
    pub problem: &'a Problem,
    pub lineup: &'a Lineup,
    /// Cluster index of each municipality.
    pub at: Vec<usize>,
}

impl<'a> Placement<'a> {
    pub fn new(problem: &'a Problem, lineup: &'a Lineup) -> Placement<'a> {
        let n = problem.municipalities().len();
        let at = lineup
            .assignment(n)
            .into_iter()
            .map(|c| c.unwrap_or(usize::MAX))
            .collect();
        Placement { problem, lineup, at }
    }

    fn name(&self, i: usize) -> &str {
        &self.problem.municipalities()[i].name
    }

    /// Whether cluster `c`, with `out` taken out and `into` put in, mixes
    /// classes it may not.
    fn class_clash(&self, c: usize, out: Option<usize>, into: usize) -> Option<Blocker> {
        let p = self.problem;
        let mut classes: Vec<ClassId> = self.lineup.clusters[c]
            .members
            .iter()
            .filter(|&&m| Some(m) != out)
            .map(|&m| p.class_of(m))
            .collect();
        classes.push(p.class_of(into));
        if p.settings().comparability().allows(&classes) {
            return None;
        }
        classes.sort_unstable();
        classes.dedup();
        Some(Blocker::ClassMix {
            cluster: self.lineup.clusters[c].id.clone(),
            classes: classes
                .iter()
                .map(|&k| p.settings().classes().class(k).name.clone())
                .collect(),
            comparability: p.settings().comparability().to_string(),
        })
    }

    /// Rules that `i` breaks by leaving its cluster (pins, must-links with
    /// members that stay, other than `partner`).
    fn leaving(&self, i: usize, partner: Option<usize>, out: &mut Vec<Blocker>) {
        let ms = self.problem.municipalities();
        let from = &self.lineup.clusters[self.at[i]];
        if let Some(p) = &ms[i].cluster {
            out.push(Blocker::Pin {
                name: self.name(i).to_string(),
                cluster: p.clone(),
            });
        }
        for &(a, b) in self.problem.must_link() {
            let other = if a == i {
                b
            } else if b == i {
                a
            } else {
                continue;
            };
            if self.at[other] == self.at[i] && Some(other) != partner {
                out.push(Blocker::MustLink {
                    name: self.name(i).to_string(),
                    partner: self.name(other).to_string(),
                    cluster: from.id.clone(),
                });
            }
        }
    }

    /// Rules that `i` breaks by joining cluster `c` (with `out` leaving it).
    fn joining(&self, i: usize, c: usize, out_of_c: Option<usize>, out: &mut Vec<Blocker>) {
        let ms = self.problem.municipalities();
        let to = &self.lineup.clusters[c];
        if let Some(clash) = self.class_clash(c, out_of_c, i) {
            out.push(clash);
        }
        for &(a, b) in self.problem.cannot_link() {
            let other = if a == i {
                b
            } else if b == i {
                a
            } else {
                continue;
            };
            if self.at[other] == c && Some(other) != out_of_c {
                out.push(Blocker::CannotLink {
                    name: self.name(i).to_string(),
                    other: self.name(other).to_string(),
                    cluster: to.id.clone(),
                });
            }
        }
        for r in self
            .problem
            .resolved_criteria()
            .iter()
            .filter(|r| r.criterion.is_hard())
        {
            let other = to
                .members
                .iter()
                .find(|&&m| Some(m) != out_of_c && r.codes[m] != r.codes[i]);
            if let Some(&m) = other {
                out.push(Blocker::Alike {
                    criterion: r.criterion.to_string(),
                    name: self.name(i).to_string(),
                    value: r.values[r.codes[i] as usize].to_string(),
                    other: self.name(m).to_string(),
                    cluster: to.id.clone(),
                    other_value: r.values[r.codes[m] as usize].to_string(),
                });
            }
        }
        if let Some(cap) = self.problem.settings().max_per_land() {
            let land = ms[i].land;
            let count = to
                .members
                .iter()
                .filter(|&&m| Some(m) != out_of_c && ms[m].land == land)
                .count()
                + 1;
            if count > cap {
                out.push(Blocker::LandCap {
                    cluster: to.id.clone(),
                    count,
                    land: land.name().to_string(),
                    cap,
                });
            }
        }
    }

    /// Why `i` may not move (alone) to cluster `c`; empty if it may.
    pub fn move_blockers(&self, i: usize, c: usize) -> Vec<Blocker> {
        let size = self.problem.settings().cluster_size();
        let mut out = Vec::new();
        let from = &self.lineup.clusters[self.at[i]];
        let to = &self.lineup.clusters[c];
        if from.members.len() - 1 < size.min {
            out.push(Blocker::SizeTooSmall {
                cluster: from.id.clone(),
                size: from.members.len() - 1,
                min: size.min,
            });
        }
        if to.members.len() + 1 > size.max {
            out.push(Blocker::SizeTooLarge {
                cluster: to.id.clone(),
                size: to.members.len() + 1,
                max: size.max,
            });
        }
        self.leaving(i, None, &mut out);
        self.joining(i, c, None, &mut out);
        self.quota_leaving(i, None, &mut out);
        self.quota_joining(i, c, None, &mut out);
        out
    }

    /// Why `i` and `j` (in different clusters) may not change places; empty if they may.
    pub fn swap_blockers(&self, i: usize, j: usize) -> Vec<Blocker> {
        let mut out = Vec::new();
        self.leaving(i, Some(j), &mut out);
        self.leaving(j, Some(i), &mut out);
        self.joining(i, self.at[j], Some(j), &mut out);
        self.joining(j, self.at[i], Some(i), &mut out);
        self.quota_leaving(i, Some(j), &mut out);
        self.quota_leaving(j, Some(i), &mut out);
        self.quota_joining(i, self.at[j], Some(j), &mut out);
        self.quota_joining(j, self.at[i], Some(i), &mut out);
        out
    }
}
