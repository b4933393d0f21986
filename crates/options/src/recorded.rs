//! The settings a lineup file records (a `solve` report's `settings`),
//! taken for every flag the command line does not give, and said in the
//! flags' words.

use lineup::{ClassScheme, ClusterSize, Comparability, Settings, SettingsReport, Weights};

use crate::error::OptionError;

/// `settings` with what `recorded` holds for every flag that `given` (by
/// clap id: `classes`, `cluster_size`, …) says was not on the command line:
/// cluster size, classes, comparability, weights and objective, cap,
/// criteria and links. Returns the settings and, as flags, what was taken
/// that differs from the defaults (`--classes kfa`), for the user to see.
///
/// ```
/// use lineup::{ClusterSize, Comparability, Settings, SettingsReport, Weights};
///
/// let recorded = SettingsReport {
///     cluster_size: ClusterSize::default(),
///     clusters: 3,
///     classes: "kfa".into(),
///     comparability: Comparability::Strict,
///     weights: Weights::default(),
///     max_per_state: None,
///     criteria: Vec::new(),
///     must_link: Vec::new(),
///     cannot_link: Vec::new(),
///     seed: None,
///     time_limit_s: None,
///     backend: None,
/// };
/// let (s, taken) = lineup_options::with_recorded(Settings::default(), &recorded, &|_| false)?;
/// assert_eq!(s.classes().name, "kfa");
/// assert_eq!(taken, ["--classes kfa"]);
/// let (s, taken) = lineup_options::with_recorded(Settings::default(), &recorded, &|f| f == "classes")?;
/// assert_eq!(s.classes().name, "bbsr");
/// assert!(taken.is_empty());
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn with_recorded(
    settings: Settings,
    recorded: &SettingsReport,
    given: &dyn Fn(&str) -> bool,
) -> Result<(Settings, Vec<String>), OptionError> {
    let mut s = settings;
    let mut taken = Vec::new();
    if !given("cluster_size") && recorded.cluster_size != ClusterSize::default() {
        s = s.with_cluster_size(recorded.cluster_size);
        let c = recorded.cluster_size;
        taken.push(format!("--cluster-size {}..{}", c.min, c.max));
    }
    if !given("classes") && recorded.classes != ClassScheme::default().name {
        let scheme: ClassScheme = recorded.classes.parse().map_err(|e| {
            OptionError::new(format!(
                "the lineup file records classes {:?}, which cannot be used ({e}): give --classes",
                recorded.classes
            ))
        })?;
        s = s.with_classes(scheme);
        taken.push(format!("--classes {}", recorded.classes));
    }
    if !given("comparability") && recorded.comparability != Comparability::default() {
        s = s.with_comparability(recorded.comparability);
        taken.push("--comparability adjacent".to_string());
    }
    if !given("weights") && !given("objective") && recorded.weights != Weights::default() {
        s = s.with_weights(recorded.weights);
        let w = recorded.weights;
        taken.push(format!(
            "--weights same-land={},mixed-class={},non-bordering={},distance={}",
            w.same_land, w.mixed_class, w.non_bordering, w.distance_per_100km
        ));
        if w.mode != Weights::default().mode {
            taken.push("--objective weighted".to_string());
        }
    }
    if !given("max_per_land") {
        if let Some(cap) = recorded.max_per_state {
            s = s.with_max_per_land(cap);
            taken.push(format!("--max-per-land {cap}"));
        }
    }
    if !given("alike") && !given("different") {
        for c in &recorded.criteria {
            if !s.criteria().contains(c) {
                s = s.with_criterion(c.clone());
                taken.push(format!("criterion {c}"));
            }
        }
    }
    if !given("must_link") {
        for (a, b) in &recorded.must_link {
            s = s.with_must_link(a.clone(), b.clone());
            taken.push(format!("--must-link {a},{b}"));
        }
    }
    if !given("cannot_link") {
        for (a, b) in &recorded.cannot_link {
            s = s.with_cannot_link(a.clone(), b.clone());
            taken.push(format!("--cannot-link {a},{b}"));
        }
    }
    Ok((s, taken))
}
