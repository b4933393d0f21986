//! A report and its breaches in plain words, in English or German, from the
//! message catalogue: the sentence that says how good a lineup is known to
//! be (the table, the map and the page say the same), a one-line summary,
//! and broken rules with municipalities named by name and id.

use crate::messages::{Lang, fill, percent, text};
use crate::municipality::Municipality;
use crate::report::Report;
use crate::solve::{CLOSED_FORM, Status};
use crate::verify::Violation;

/// A catalogue text (empty if it were missing, which the tests rule out).
pub(crate) fn t(key: &str, lang: Lang) -> &'static str {
    text(key, lang).unwrap_or_default()
}

impl Report {
    /// How good this lineup is known to be, in one plain sentence:
    /// "Proven best possible under these settings.", "The time limit
    /// stopped the proof: at most 0.4 % below the best possible.", "Found by
    /// the heuristic; no proof: up to 22 % below the best possible."
    ///
    /// ```
    /// use lineup::{Land, LatLon, Municipality, Problem, Report, Settings, SolveOptions, solve};
    /// use lineup::messages::Lang;
    ///
    /// let towns: Vec<Municipality> = (0..6)
    ///     .map(|i| {
    ///         let at = LatLon { lat: 48.0 + i as f64, lon: 8.0 + i as f64 };
    ///         Municipality::new(format!("id{i}"), format!("Ort {i}"), Land::ALL[i], 50_000, at)
    ///     })
    ///     .collect();
    /// let problem = Problem::new(towns, Settings::default())?;
    /// let report = Report::new(&problem, &solve(&problem, &SolveOptions::default())?);
    /// assert_eq!(report.status_sentence(Lang::En), "Proven best possible under these settings.");
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn status_sentence(&self, lang: Lang) -> String {
        let closed_form_only = self
            .blocks
            .iter()
            .all(|b| b.notes.iter().any(|n| n.key == CLOSED_FORM));
        let key = match self.status {
            Status::Optimal => "status.optimal.sentence",
            Status::TimeLimit => "status.time_limit.sentence",
            Status::Heuristic => "status.heuristic.sentence",
            Status::Interrupted => "status.interrupted.sentence",
            Status::Evaluated if self.gap == 0.0 => "status.optimal.sentence",
            Status::Evaluated if closed_form_only => "status.evaluated.sentence",
            Status::Evaluated => "status.evaluated.bound.sentence",
        };
        fill(t(key, lang), &[("gap", &percent(self.gap, lang))])
    }

    /// One line for a terminal: "18 municipalities in 3 clusters. Proven
    /// best possible under these settings."
    pub fn summary_line(&self, lang: Lang) -> String {
        let n: usize = self.clusters.iter().map(|c| c.members.len()).sum();
        fill(
            t("summary.line", lang),
            &[
                ("count", &crate::messages::thousands(n as u64, lang)),
                ("clusters", &self.clusters.len().to_string()),
                ("sentence", &self.status_sentence(lang)),
            ],
        )
    }
}

/// A municipality as a breach names it: "Mainz (07315000)"; the id alone
/// when it is not among `municipalities`.
pub fn named(id: &str, municipalities: &[Municipality]) -> String {
    match municipalities.iter().find(|m| m.id == id) {
        Some(m) if m.name != m.id => format!("{} ({id})", m.name),
        _ => id.to_string(),
    }
}

/// A broken rule in words, municipalities named by name and id
/// ("Mainz (07315000) is in no cluster").
///
/// ```
/// use lineup::{Land, LatLon, Municipality, Violation, breach_text};
/// use lineup::messages::Lang;
///
/// let mainz = Municipality::new("07315000", "Mainz", Land::RP, 217_118, LatLon { lat: 50.0, lon: 8.27 });
/// let v = Violation::Missing { id: "07315000".into() };
/// assert_eq!(breach_text(&v, &[mainz.clone()], Lang::En), "Mainz (07315000) is in no cluster");
/// assert_eq!(breach_text(&v, &[mainz], Lang::De), "Mainz (07315000) ist in keinem Cluster");
/// ```
pub fn breach_text(v: &Violation, municipalities: &[Municipality], lang: Lang) -> String {
    let n = |id: &String| named(id, municipalities);
    let named_v = match v.clone() {
        Violation::Missing { id } => Violation::Missing { id: n(&id) },
        Violation::Duplicate { id, clusters } => Violation::Duplicate { id: n(&id), clusters },
        Violation::Pin { id, expected, actual } => Violation::Pin {
            id: n(&id),
            expected,
            actual,
        },
        Violation::MustLink { a, b } => Violation::MustLink { a: n(&a), b: n(&b) },
        Violation::CannotLink { a, b } => Violation::CannotLink { a: n(&a), b: n(&b) },
        other => other,
    };
    if lang == Lang::En {
        return named_v.to_string();
    }
    let tr = |key: &str, args: &[(&str, &str)]| fill(t(key, lang), args);
    match &named_v {
        Violation::Missing { id } => tr("rule.missing", &[("id", id)]),
        Violation::Duplicate { id, clusters } => tr(
            "rule.duplicate",
            &[("id", id), ("clusters", &clusters.join(", "))],
        ),
        Violation::UnknownMember { cluster, index } => tr(
            "rule.unknown_member",
            &[("cluster", cluster), ("index", &index.to_string())],
        ),
        Violation::DuplicateClusterId { cluster } => tr("rule.duplicate_cluster_id", &[("cluster", cluster)]),
        Violation::ClusterSize {
            cluster,
            size,
            min,
            max,
        } => tr(
            "rule.cluster_size",
            &[
                ("cluster", cluster),
                ("size", &size.to_string()),
                ("min", &min.to_string()),
                ("max", &max.to_string()),
            ],
        ),
        Violation::ClassMix { cluster, classes } => tr(
            "rule.class_mix",
            &[("cluster", cluster), ("classes", &classes.join(", "))],
        ),
        Violation::Pin { id, expected, actual } => tr(
            "rule.pin",
            &[("id", id), ("expected", expected), ("actual", actual)],
        ),
        Violation::MustLink { a, b } => tr("rule.must_link", &[("a", a), ("b", b)]),
        Violation::CannotLink { a, b } => tr("rule.cannot_link", &[("a", a), ("b", b)]),
        Violation::LandCap {
            cluster,
            state,
            count,
            cap,
        } => tr(
            "rule.land_cap",
            &[
                ("cluster", cluster),
                ("state", state),
                ("count", &count.to_string()),
                ("cap", &cap.to_string()),
            ],
        ),
        Violation::Alike {
            cluster,
            attribute,
            values,
        } => tr(
            "breach.alike",
            &[
                ("cluster", cluster),
                ("attribute", attribute),
                ("values", &values.join(", ")),
            ],
        ),
        Violation::Quota {
            cluster,
            quota,
            value,
            count,
        } => tr(
            "rule.quota",
            &[
                ("cluster", cluster),
                ("quota", quota),
                ("value", value),
                ("count", &count.to_string()),
            ],
        ),
        Violation::ClusterCount {
            block,
            expected,
            actual,
        } => tr(
            "rule.cluster_count",
            &[
                ("block", block),
                ("expected", &expected.to_string()),
                ("actual", &actual.to_string()),
            ],
        ),
    }
}
