//! The one place that turns the library's typed suggestions into flags of
//! this command line (a web page turns the same values into buttons).

use lineup::{ClusterCount, Infeasibility, Suggestion};

/// A suggestion as the flag (or the data edit) a planner would use.
pub fn flag(s: &Suggestion) -> String {
    match s {
        Suggestion::Comparability(c) => format!("--comparability {c}"),
        Suggestion::ClusterSize { min, max } => format!("--cluster-size {min}..{max}"),
        Suggestion::WiderClusterSize => "--cluster-size with wider bounds".into(),
        Suggestion::MaxPerLand(n) => format!("--max-per-land {n}"),
        Suggestion::RaiseMaxPerLand => "raising --max-per-land".into(),
        Suggestion::Clusters(count) => format!("--clusters {}", clusters(count)),
        Suggestion::ClustersBetween { min, max } => format!("--clusters N with {min} <= N <= {max}"),
        Suggestion::MoreClusters => "more clusters (--clusters)".into(),
        Suggestion::MaxMoves(n) => format!("--max-moves {n} or more"),
        Suggestion::NoMaxMoves => "leaving out --max-moves".into(),
        Suggestion::MoreTime => "raising --time-limit".into(),
        Suggestion::SoftCriterion(a) => format!("--alike {a}:soft"),
        // Edits of the data (pins, links, members) have no flag: in words.
        other => other.to_string(),
    }
}

/// A cluster count as `--clusters` takes it.
fn clusters(count: &ClusterCount) -> String {
    match count {
        ClusterCount::Auto => "auto".into(),
        ClusterCount::Total(n) => n.to_string(),
        ClusterCount::PerClass(list) => list
            .iter()
            .map(|(class, n)| format!("{class}={n}"))
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// Why no lineup exists, with the suggestions as flags.
pub fn infeasibility(inf: &Infeasibility) -> String {
    let mut text = format!("no feasible lineup: {}", inf.reason);
    if !inf.suggestions.is_empty() {
        let flags: Vec<String> = inf.suggestions.iter().map(flag).collect();
        text.push_str("; try ");
        text.push_str(&flags.join(", or "));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use lineup::Comparability;

    #[test]
    fn infeasibility_lists_suggestions() {
        let e = Infeasibility::new(
            "8 Großstädte",
            vec![
                Suggestion::Comparability(Comparability::Adjacent),
                Suggestion::ClusterSize { min: 4, max: 7 },
            ],
        );
        assert_eq!(
            infeasibility(&e),
            "no feasible lineup: 8 Großstädte; try --comparability adjacent, or --cluster-size 4..7"
        );
    }

    #[test]
    fn every_setting_is_a_flag() {
        let settings = [
            Suggestion::Comparability(Comparability::Adjacent),
            Suggestion::ClusterSize { min: 4, max: 7 },
            Suggestion::WiderClusterSize,
            Suggestion::MaxPerLand(2),
            Suggestion::RaiseMaxPerLand,
            Suggestion::Clusters(ClusterCount::Auto),
            Suggestion::Clusters(ClusterCount::Total(5)),
            Suggestion::Clusters(ClusterCount::PerClass(vec![("Großstadt".into(), 2)])),
            Suggestion::ClustersBetween { min: 2, max: 4 },
            Suggestion::MoreClusters,
            Suggestion::MaxMoves(3),
            Suggestion::NoMaxMoves,
            Suggestion::MoreTime,
        ];
        for s in settings {
            assert!(s.is_setting(), "{s:?}");
            assert!(flag(&s).contains("--"), "{s:?}: {}", flag(&s));
        }
        assert_eq!(
            flag(&Suggestion::Clusters(ClusterCount::PerClass(vec![(
                "Großstadt".into(),
                2
            )]))),
            "--clusters Großstadt=2"
        );
        assert_eq!(flag(&Suggestion::Unpin), "unpinning some");
    }
}
