//! Validated settings and solve options from the parsed flags (the second
//! parsing stage).

use std::time::Duration;

use lineup::{
    Backend, ClassScheme, ClusterCount, ClusterSize, Comparability, Criterion, ObjectiveMode, Settings,
    SolveOptions, SolverChoice, Weights,
};

use crate::args::{ComparabilityArg, ObjectiveArg, ProblemArgs, RunArgs, SolverArg};
use crate::error::OptionError;
use crate::usage::{criterion, said, scheme, setting};

fn pair(flag: &str, value: &str) -> Result<(String, String), OptionError> {
    match value.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() && !b.contains(',') => {
            Ok((a.trim().to_string(), b.trim().to_string()))
        }
        _ => Err(said("usage.pair", &[("flag", flag), ("value", value)])),
    }
}

/// Parses `same-land=1,distance=0.5`.
pub fn weights(spec: Option<&str>, mode: ObjectiveArg) -> Result<Weights, OptionError> {
    let mut w = Weights {
        mode: match mode {
            ObjectiveArg::Lexicographic => ObjectiveMode::Lexicographic,
            ObjectiveArg::Weighted => ObjectiveMode::Weighted,
        },
        ..Weights::default()
    };
    let Some(spec) = spec else { return Ok(w) };
    for part in spec.split(',').filter(|p| !p.trim().is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| said("usage.weights.form", &[("flag", "--weights"), ("part", part)]))?;
        let v: f64 = value
            .trim()
            .parse()
            .ok()
            .filter(|v: &f64| (0.0..=lineup::MAX_WEIGHT).contains(v))
            .ok_or_else(|| {
                let max = format!("{:e}", lineup::MAX_WEIGHT);
                said(
                    "usage.weights.range",
                    &[("flag", "--weights"), ("part", part), ("max", &max)],
                )
            })?;
        match key.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "same-land" | "same-state" => w.same_land = v,
            "mixed-class" => w.mixed_class = v,
            "non-bordering" => w.non_bordering = v,
            "distance" => w.distance_per_100km = v,
            other => {
                return Err(said(
                    "usage.weights.term",
                    &[("flag", "--weights"), ("term", other)],
                ));
            }
        }
    }
    Ok(w)
}

/// Settings from the problem flags.
pub fn settings(a: &ProblemArgs) -> Result<Settings, OptionError> {
    let cluster_size: ClusterSize = a
        .cluster_size
        .parse()
        .map_err(|e| setting("--cluster-size", &e))?;
    let clusters: ClusterCount = a.clusters.parse().map_err(|e| setting("--clusters", &e))?;
    let classes: ClassScheme = a.classes.parse().map_err(|e| scheme("--classes", &e))?;
    let mut s = Settings::default()
        .with_cluster_size(cluster_size)
        .with_clusters(clusters)
        .with_classes(classes)
        .with_comparability(match a.comparability {
            ComparabilityArg::Strict => Comparability::Strict,
            ComparabilityArg::Adjacent => Comparability::Adjacent,
        })
        .with_weights(weights(a.weights.as_deref(), a.objective)?);
    if let Some(cap) = a.max_per_land {
        s = s.with_max_per_land(cap);
    }
    for m in &a.must_link {
        let (x, y) = pair("--must-link", m)?;
        s = s.with_must_link(x, y);
    }
    for c in &a.cannot_link {
        let (x, y) = pair("--cannot-link", c)?;
        s = s.with_cannot_link(x, y);
    }
    for text in &a.alike {
        let c = Criterion::parse_alike(text).map_err(|e| criterion("--alike", &e))?;
        s = s.with_criterion(c);
    }
    for text in &a.different {
        let c = Criterion::parse_different(text).map_err(|e| criterion("--different", &e))?;
        s = s.with_criterion(c);
    }
    for text in &a.at_least {
        let c = Criterion::parse_at_least(text).map_err(|e| criterion("--at-least", &e))?;
        s = s.with_criterion(c);
    }
    for text in &a.at_most {
        let c = Criterion::parse_at_most(text).map_err(|e| criterion("--at-most", &e))?;
        s = s.with_criterion(c);
    }
    Ok(s)
}

/// A `--time-limit` in seconds: finite, above 0 and at most
/// [`lineup::MAX_TIME_LIMIT`].
pub fn time_limit(seconds: f64) -> Result<Duration, OptionError> {
    let max = lineup::MAX_TIME_LIMIT.as_secs_f64();
    if !seconds.is_finite() || seconds <= 0.0 || seconds > max {
        let (seconds, max) = (seconds.to_string(), max.to_string());
        return Err(said(
            "usage.time_limit",
            &[("flag", "--time-limit"), ("seconds", &seconds), ("max", &max)],
        ));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// Solve options from the run flags.
pub fn options(a: &RunArgs) -> Result<SolveOptions, OptionError> {
    let limit = time_limit(a.time_limit)?;
    let backend = match &a.backend {
        None => Backend::default(),
        Some(name) => Backend::from_name(name).ok_or_else(|| {
            let have: Vec<&str> = Backend::available().iter().map(|b| b.name()).collect();
            said(
                "usage.backend",
                &[
                    ("flag", "--backend"),
                    ("name", name),
                    ("available", &have.join(", ")),
                    ("build", "cargo build --features highs"),
                ],
            )
        })?,
    };
    Ok(SolveOptions::default()
        .with_time_limit(limit)
        .with_seed(a.seed)
        .with_backend(backend)
        .with_solver(match a.solver {
            SolverArg::Auto => SolverChoice::Auto,
            SolverArg::Exact => SolverChoice::Exact,
            SolverArg::Heuristic => SolverChoice::Heuristic,
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_weights() {
        let w = weights(Some("distance=0.5, same-land=2"), ObjectiveArg::Weighted).unwrap();
        assert_eq!(w.distance_per_100km, 0.5);
        assert_eq!(w.same_land, 2.0);
        assert_eq!(w.mode, ObjectiveMode::Weighted);
        assert!(weights(Some("speed=1"), ObjectiveArg::Lexicographic).is_err());
        assert!(weights(Some("distance=-1"), ObjectiveArg::Lexicographic).is_err());
        assert!(weights(Some("distance"), ObjectiveArg::Lexicographic).is_err());
    }

    #[test]
    fn parses_pairs() {
        assert_eq!(pair("--must-link", "a, b").unwrap(), ("a".into(), "b".into()));
        assert!(pair("--must-link", "a").is_err());
        assert!(pair("--must-link", "a,b,c").is_err());
    }
}
