//! The map's words, from the message catalogue in the chosen language:
//! the title, a cluster's details and the criteria in use.

use crate::criterion::Criterion;
use crate::messages::thousands;
use crate::messages::{Lang, fill, text};
use crate::report::{ClusterReport, Report};
use crate::settings::Comparability;

/// The catalogue's text for `key`, filled in.
pub fn say(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(text(key, lang).unwrap_or(key), args)
}

/// A weight as planners write it: `2`, `0.5`.
fn weight(w: f64) -> String {
    let s = format!("{w:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The default title: "Lineup: N municipalities in K clusters of MIN–MAX".
pub fn title(report: &Report, n: usize, lang: Lang) -> String {
    let size = report.settings.cluster_size;
    say(
        lang,
        "map.title",
        &[
            ("n", &n.to_string()),
            ("clusters", &report.clusters.len().to_string()),
            ("min", &size.min.to_string()),
            ("max", &size.max.to_string()),
        ],
    )
}

/// A cluster's details in the legend: size class (unless its id says it),
/// members, Länder, same-Land pairs and mean distance.
pub fn cluster_detail(c: &ClusterReport, lang: Lang) -> Vec<String> {
    let class = (!c.id.starts_with(&c.size_class)).then(|| c.size_class.clone());
    let m = &c.metrics;
    let pairs = if m.same_state_pairs == 1 {
        say(lang, "map.same_land_pair.one", &[])
    } else {
        say(
            lang,
            "map.same_land_pair.other",
            &[("n", &thousands(m.same_state_pairs, lang))],
        )
    };
    class
        .into_iter()
        .chain([
            say(lang, "map.members", &[("n", &m.size.to_string())]),
            say(lang, "map.states", &[("n", &m.distinct_states.to_string())]),
            pairs,
            say(
                lang,
                "map.mean_km",
                &[("km", &format!("{:.0}", m.mean_distance_km))],
            ),
        ])
        .collect()
}

/// The criteria in use, one entry each for what members share, what they
/// should not share and the spread terms (issue 12: the legend names them).
pub fn criteria(report: &Report, lang: Lang) -> Vec<String> {
    let st = &report.settings;
    let size_class = match st.comparability {
        Comparability::Strict => say(lang, "map.size_class", &[]),
        Comparability::Adjacent => say(lang, "map.size_class.adjacent", &[]),
    };
    let mut alike = vec![size_class];
    let mut different = Vec::new();
    if st.weights.same_land > 0.0 {
        different.push(say(
            lang,
            "map.weighted",
            &[
                ("attribute", &say(lang, "map.land", &[])),
                ("weight", &weight(st.weights.same_land)),
            ],
        ));
    }
    let mut other = Vec::new();
    for c in &st.criteria {
        if let Criterion::Alike { attribute, soft } = c {
            alike.push(match soft {
                None => attribute.clone(),
                Some(w) => say(
                    lang,
                    "map.soft",
                    &[("attribute", attribute), ("weight", &weight(*w))],
                ),
            });
        } else if let Criterion::Different { attribute, weight: w } = c {
            different.push(say(
                lang,
                "map.weighted",
                &[("attribute", attribute), ("weight", &weight(*w))],
            ));
        } else {
            other.push(c.to_string());
        }
    }
    let mut lines = vec![say(lang, "map.alike", &[("list", &alike.join(", "))])];
    if !different.is_empty() {
        lines.push(say(lang, "map.different", &[("list", &different.join(", "))]));
    }
    if let Some(n) = st.max_per_state {
        other.push(say(lang, "map.land_cap", &[("n", &n.to_string())]));
    }
    lines.extend(other);
    lines.push(say(
        lang,
        "map.spread",
        &[
            ("non_bordering", &weight(st.weights.non_bordering)),
            ("distance", &weight(st.weights.distance_per_100km)),
        ],
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_read_as_planners_write_them() {
        assert_eq!(weight(1.0), "1");
        assert_eq!(weight(0.5), "0.5");
        assert_eq!(weight(2.25), "2.25");
        assert_eq!(weight(0.0), "0");
    }
}
