//! Quotas (`at_least` / `at_most` N members with a value per cluster)
//! checked before solving: a block whose members cannot fill every
//! cluster's quota is explained with what would work (more members, a
//! lower quota, fewer or more clusters).

use super::block::Block;
use super::criteria::Resolved;
use super::infeasibility::Infeasibility;
use super::parts::Parts;
use crate::settings::{ClusterCount, Comparability};
use crate::suggestion::Suggestion;

/// "1 member" / "2 members".
fn members(n: usize) -> String {
    if n == 1 {
        "1 member".to_string()
    } else {
        format!("{n} members")
    }
}

/// Checks every quota against every block's member counts.
pub(crate) fn check_quotas(p: &Parts, blocks: &[Block], resolved: &[Resolved]) -> Result<(), Infeasibility> {
    let size = p.settings.cluster_size();
    let strict = p.settings.comparability() == Comparability::Strict;
    for r in resolved {
        let Some((_, count, at_least)) = r.criterion.quota() else {
            continue;
        };
        let attribute = r.criterion.attribute();
        for &t in &r.targets {
            let value = &r.values[t as usize];
            let what = format!("{attribute}={value}");
            let quota = |n: usize| Suggestion::Quota {
                at_least,
                attribute: attribute.to_string(),
                value: value.clone(),
                count: n,
            };
            for b in blocks {
                let k = b.clusters;
                if k == 0 {
                    continue;
                }
                let have = b.members.iter().filter(|&&i| r.codes[i] == t).count();
                let place = if strict {
                    format!("class {}", b.name)
                } else {
                    b.name.clone()
                };
                let clusters = |n: usize| -> Option<Suggestion> {
                    (n != k && n > 0 && size.fits(b.members.len(), n)).then(|| {
                        Suggestion::Clusters(if blocks.len() == 1 {
                            ClusterCount::Total(n)
                        } else {
                            ClusterCount::PerClass(vec![(b.name.clone(), n)])
                        })
                    })
                };
                if at_least && (count > size.max || have < count * k) {
                    let need = count * k;
                    let mut suggestions = vec![Suggestion::ChangeClassMembers, quota(have / k)];
                    suggestions.extend(clusters(have / count.max(1)));
                    let short = need.saturating_sub(have);
                    let add = if short == 1 {
                        "one".to_string()
                    } else {
                        short.to_string()
                    };
                    return Err(Infeasibility::new(
                        format!(
                            "at least {} with {what} per cluster needs {need} in {place} ({k} clusters), the list has {have}: add {add}, or lower the quota, or use fewer clusters",
                            members(count)
                        ),
                        suggestions,
                    ));
                }
                if !at_least && have > count * k {
                    let allowed = count * k;
                    let mut suggestions = vec![quota(have.div_ceil(k))];
                    suggestions.extend(clusters(have.div_ceil(count.max(1))));
                    suggestions.push(Suggestion::ChangeClassMembers);
                    return Err(Infeasibility::new(
                        format!(
                            "at most {} with {what} per cluster allows {allowed} in {place} ({k} clusters), the list has {have}: raise the quota, or use more clusters",
                            members(count)
                        ),
                        suggestions,
                    ));
                }
                let others = b.members.len() - have;
                if !at_least && count < size.min && others < (size.min - count) * k {
                    return Err(Infeasibility::new(
                        format!(
                            "at most {} with {what} per cluster leaves each of the {k} clusters of {place} {} for the others, {} in all, the list has {others}",
                            members(count),
                            members(size.min - count),
                            (size.min - count) * k
                        ),
                        vec![quota(size.min), Suggestion::WiderClusterSize],
                    ));
                }
            }
        }
    }
    Ok(())
}
