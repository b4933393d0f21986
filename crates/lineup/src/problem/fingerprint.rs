//! A problem's fingerprint: what a bound is valid for. Two problems with
//! the same fingerprint have the same municipalities (with every value the
//! rules and the objective read), the same rules and the same blocks, so a
//! bound proven for one holds for the other.

use serde::Serialize;

use super::Problem;

/// What the fingerprint covers, in a stable serialised form.
#[derive(Serialize)]
struct Covered<'a> {
    municipalities: &'a [crate::municipality::Municipality],
    classes: Vec<u8>,
    cluster_size: crate::settings::ClusterSize,
    comparability: crate::settings::Comparability,
    weights: crate::objective::Weights,
    max_per_land: Option<usize>,
    criteria: &'a [crate::criterion::Criterion],
    must_link: Vec<(usize, usize)>,
    cannot_link: Vec<(usize, usize)>,
    blocks: Vec<(&'a str, &'a [usize], usize)>,
}

/// 64-bit FNV-1a: stable across platforms and versions of Rust (unlike
/// `DefaultHasher`), which a fingerprint stored in a file needs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn sorted(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = pairs.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl Problem {
    /// A short text (16 hex digits) that changes with anything a bound
    /// depends on: the municipalities and their values, size classes,
    /// cluster size, comparability, weights, caps, criteria, links and the
    /// clusters per block. Not with seed, time limit or backend, nor with
    /// the way links were written (ids or names).
    ///
    /// A report records it ([`Report::fingerprint`](crate::Report::fingerprint)),
    /// so that a lineup file can carry its solve's bound to
    /// [`evaluate_with_bounds`](crate::evaluate_with_bounds).
    pub fn fingerprint(&self) -> String {
        let s = self.settings();
        let covered = Covered {
            municipalities: self.municipalities(),
            classes: (0..self.municipalities().len())
                .map(|i| self.class_of(i).0)
                .collect(),
            cluster_size: s.cluster_size(),
            comparability: s.comparability(),
            weights: s.weights(),
            max_per_land: s.max_per_land(),
            criteria: s.criteria(),
            must_link: sorted(self.must_link()),
            cannot_link: sorted(self.cannot_link()),
            blocks: self
                .blocks()
                .iter()
                .map(|b| (b.name.as_str(), b.members.as_slice(), b.clusters))
                .collect(),
        };
        let text = serde_json::to_string(&covered).unwrap_or_default();
        format!("{:016x}", fnv1a(text.as_bytes()))
    }
}
