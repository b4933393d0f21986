//! Quotas (`at_least` / `at_most` N members with a value per cluster)
//! checked before solving: a block whose members cannot fill every
//! cluster's quota is explained with what would work (more members, a
//! lower quota, fewer or more clusters).

use super::block::Block;
use super::conflict::{BlockName, CriteriaConflict};
use super::criteria::Resolved;
use super::infeasibility::Infeasibility;
use super::parts::Parts;
use crate::settings::{ClusterCount, Comparability};
use crate::suggestion::Suggestion;

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
                let place = BlockName {
                    name: b.name.clone(),
                    class: strict,
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
                    let conflict = CriteriaConflict::AtLeastShort {
                        count,
                        value: what,
                        need,
                        place,
                        clusters: k,
                        have,
                    };
                    return Err(Infeasibility::criteria(conflict, suggestions));
                }
                if !at_least && have > count * k {
                    let allowed = count * k;
                    let mut suggestions = vec![quota(have.div_ceil(k))];
                    suggestions.extend(clusters(have.div_ceil(count.max(1))));
                    suggestions.push(Suggestion::ChangeClassMembers);
                    let conflict = CriteriaConflict::AtMostOver {
                        count,
                        value: what,
                        allowed,
                        place,
                        clusters: k,
                        have,
                    };
                    return Err(Infeasibility::criteria(conflict, suggestions));
                }
                let others = b.members.len() - have;
                if !at_least && count < size.min && others < (size.min - count) * k {
                    let conflict = CriteriaConflict::AtMostOthers {
                        count,
                        value: what,
                        place,
                        clusters: k,
                        places: size.min - count,
                        need: (size.min - count) * k,
                        have: others,
                    };
                    return Err(Infeasibility::criteria(
                        conflict,
                        vec![quota(size.min), Suggestion::WiderClusterSize],
                    ));
                }
            }
        }
    }
    Ok(())
}
