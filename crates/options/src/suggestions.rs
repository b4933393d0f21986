//! The one place that turns the library's typed suggestions into flags of
//! the command line (the server's query parameters carry the same names),
//! and problem and solve errors into the flags' words.

use lineup::messages::{Lang, fill, text};
use lineup::{ClusterCount, Infeasibility, ProblemError, SolveError, Suggestion};

/// A catalogue text around a flag.
fn around(key: &str, lang: Lang, args: &[(&str, &str)]) -> String {
    fill(text(key, lang).unwrap_or("{flag}"), args)
}

/// A suggestion as the flag (or the data edit) a planner would use.
pub fn flag(s: &Suggestion) -> String {
    flag_in(s, Lang::En)
}

/// A suggestion as the flag (or the data edit) a planner would use, the
/// words around it in a language.
pub fn flag_in(s: &Suggestion, lang: Lang) -> String {
    let w = |key: &str, flag: &str| around(key, lang, &[("flag", flag)]);
    match s {
        Suggestion::Comparability(c) => format!("--comparability {c}"),
        Suggestion::ClusterSize { min, max } => format!("--cluster-size {min}..{max}"),
        Suggestion::WiderClusterSize => w("suggest.wider", "--cluster-size"),
        Suggestion::MaxPerLand(n) => format!("--max-per-land {n}"),
        Suggestion::RaiseMaxPerLand => w("suggest.raise", "--max-per-land"),
        Suggestion::Clusters(count) => format!("--clusters {}", clusters(count)),
        Suggestion::ClustersBetween { min, max } => around(
            "suggest.between",
            lang,
            &[
                ("flag", "--clusters"),
                ("min", &min.to_string()),
                ("max", &max.to_string()),
            ],
        ),
        Suggestion::MoreClusters => w("suggest.more_clusters", "--clusters"),
        Suggestion::MaxMoves(n) => around(
            "suggest.or_more",
            lang,
            &[("flag", "--max-moves"), ("n", &n.to_string())],
        ),
        Suggestion::NoMaxMoves => w("suggest.leave_out", "--max-moves"),
        Suggestion::MoreTime => w("suggest.raise", "--time-limit"),
        Suggestion::SoftCriterion(a) => format!("--alike {a}:soft"),
        Suggestion::Classes(c) => format!("--classes {c}"),
        Suggestion::Quota {
            at_least: true,
            attribute,
            value,
            count: 0,
        } => w("suggest.leave_out", &format!("--at-least {attribute}={value}")),
        Suggestion::Quota {
            at_least,
            attribute,
            value,
            count,
        } => format!(
            "--at-{} {attribute}={value}:{count}",
            if *at_least { "least" } else { "most" }
        ),
        // Edits of the data (pins, links, members) have no flag: in words.
        Suggestion::PinApart => w("suggest.pin_apart", ""),
        Suggestion::PinFewerClusters => w("suggest.pin_fewer", ""),
        Suggestion::Unpin => w("suggest.unpin", ""),
        Suggestion::RemoveLink => w("suggest.remove_link", ""),
        Suggestion::RemoveLinkOrPin => w("suggest.remove_link_or_pin", ""),
        Suggestion::ChangeClassMembers => w("suggest.change_class_members", ""),
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
    infeasibility_in(inf, Lang::En)
}

/// Why no lineup exists, with the suggestions as flags, in a language
/// (the planner's criteria are worded by the catalogue; other reasons are
/// English yet).
pub fn infeasibility_in(inf: &Infeasibility, lang: Lang) -> String {
    let mut out = around("infeasible.reason", lang, &[("reason", &inf.reason_in(lang))]);
    if !inf.suggestions.is_empty() {
        let flags: Vec<String> = inf.suggestions.iter().map(|s| flag_in(s, lang)).collect();
        let or = text("infeasible.or", lang).unwrap_or(", or ");
        out.push_str(&around(
            "infeasible.try",
            lang,
            &[("suggestions", &flags.join(or))],
        ));
    }
    out
}

/// A problem or solve error in the words of the options: a usage error
/// (the request is malformed) or an infeasible request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The options or the data are wrong (exit 2, HTTP 400).
    Usage(String),
    /// No lineup can keep the rules (exit 1, HTTP 422).
    Infeasible(String),
}

impl Refusal {
    /// A problem that cannot be set up: infeasible, or invalid options/data.
    pub fn problem(e: ProblemError) -> Refusal {
        Refusal::problem_in(e, Lang::En)
    }

    /// As [`Refusal::problem`], in a language: the planner's criteria (and
    /// impossible requests with them) as the catalogue words them.
    pub fn problem_in(e: ProblemError, lang: Lang) -> Refusal {
        match e {
            ProblemError::Infeasible(inf) => Refusal::Infeasible(infeasibility_in(&inf, lang)),
            ProblemError::ZeroCapPerLand => {
                Refusal::Usage("--max-per-land 0 allows no member at all: use 1 or more".into())
            }
            ProblemError::UnknownClass { name, known } => Refusal::Usage(format!(
                "--clusters names class {name:?}, which is not one of {known}"
            )),
            ProblemError::PerClassCountNeedsStrict => Refusal::Usage(
                "--clusters CLASS=N needs strict comparability; with adjacent comparability give a total (--clusters 5)"
                    .into(),
            ),
            other => Refusal::Usage(other.message(lang)),
        }
    }

    /// A solve that produced no lineup (always infeasible in this sense: no
    /// lineup to show).
    pub fn solve(e: SolveError) -> Refusal {
        Refusal::solve_in(e, Lang::En)
    }

    /// As [`Refusal::solve`], in a language.
    pub fn solve_in(e: SolveError, lang: Lang) -> Refusal {
        Refusal::Infeasible(match e {
            SolveError::Infeasible(inf) => infeasibility_in(&inf, lang),
            SolveError::NotFound { detail } => format!(
                "no feasible lineup found within the time limit ({detail}); infeasibility was not proven: raise --time-limit or relax the constraints"
            ),
            other => other.to_string(),
        })
    }
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
