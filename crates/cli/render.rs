//! Rendering a report as a table, JSON or CSV.

use std::fmt::Write;

use lineup::report::Report;
use lineup::size_class::group_digits as grouped;
use lineup::{GapLevel, ObjectiveMode, Status};

use crate::error::CliError;

fn pad(s: &str, width: usize) -> String {
    let len = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(len)))
}

fn lpad(s: &str, width: usize) -> String {
    let len = s.chars().count();
    format!("{}{s}", " ".repeat(width.saturating_sub(len)))
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The human-readable table.
pub fn table(r: &Report) -> String {
    let mut o = String::new();
    let n: usize = r.clusters.iter().map(|c| c.members.len()).sum();
    let s = &r.settings;
    let _ = writeln!(
        o,
        "lineup: {n} municipalities in {} clusters of {} ({} classes, {} comparability)\n",
        r.clusters.len(),
        s.cluster_size,
        s.classes,
        s.comparability
    );
    let name_w = r
        .clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|m| m.name.chars().count()))
        .max()
        .unwrap_or(4)
        .max(4);
    let state_w = r
        .clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|m| m.state.chars().count()))
        .max()
        .unwrap_or(4)
        .max(4);
    for c in &r.clusters {
        let m = &c.metrics;
        let mut line = format!(
            "{} ({}): {} members, {} Länder, {}",
            c.id,
            c.size_class,
            m.size,
            m.distinct_states,
            plural(m.same_state_pairs, "same-Land pair", "same-Land pairs")
        );
        if m.mixed_class_pairs > 0 {
            let _ = write!(
                line,
                ", {}",
                plural(m.mixed_class_pairs, "mixed-class pair", "mixed-class pairs")
            );
        }
        let _ = write!(line, ", mean distance {:.0} km", m.mean_distance_km);
        let _ = writeln!(o, "{line}");
        let _ = writeln!(
            o,
            "  {}  {}  {:>10}",
            pad("Name", name_w),
            pad("Land", state_w),
            "Population"
        );
        for mem in &c.members {
            let _ = writeln!(
                o,
                "  {}  {}  {}",
                pad(&mem.name, name_w),
                pad(&mem.state, state_w),
                lpad(&grouped(mem.population), 10)
            );
        }
        o.push('\n');
    }
    let obj = &r.objective;
    let lex = r.settings.weights.mode == ObjectiveMode::Lexicographic;
    let _ = writeln!(o, "status     {}", r.status);
    let _ = writeln!(
        o,
        "objective  penalty {} ({}, {}); spread {:.2} ({}, {} km)",
        trim_float(obj.penalty),
        plural(obj.same_state_pairs, "same-Land pair", "same-Land pairs"),
        plural(obj.mixed_class_pairs, "mixed-class pair", "mixed-class pairs"),
        obj.spread,
        plural(
            obj.non_bordering_pairs,
            "non-bordering pair",
            "non-bordering pairs"
        ),
        grouped(obj.distance_km.round() as u64)
    );
    if lex {
        let _ = writeln!(
            o,
            "bound      penalty >= {}; spread <= {:.2}",
            trim_float(r.bound.penalty),
            r.bound.spread
        );
    } else {
        let _ = writeln!(
            o,
            "value      spread - penalty = {:.2}; bound <= {:.2}",
            obj.spread - obj.penalty,
            r.bound.spread
        );
    }
    let level = match r.gap_level {
        GapLevel::Penalty => "penalty",
        GapLevel::Spread => "spread",
    };
    let _ = writeln!(o, "gap        {:.2} % ({level})", r.gap * 100.0);
    let _ = writeln!(o, "time       {:.2} s", r.time_s);
    if r.cut_by_time_limit {
        let _ = writeln!(
            o,
            "note       the time limit cut the search short: another run with the same seed may differ; raise --time-limit for a reproducible result"
        );
    }
    if r.status != Status::Optimal {
        for b in &r.blocks {
            let _ = writeln!(o, "block      {}: {} — {}", b.name, b.status, b.notes.join("; "));
        }
    }
    o
}

fn trim_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x:.3}")
    }
}

/// The JSON report.
pub fn json(r: &Report) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(r)?;
    s.push('\n');
    Ok(s)
}

/// One CSV row per municipality: cluster, id, name, state, population, size_class, lat, lon.
pub fn csv(r: &Report) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "cluster",
        "id",
        "name",
        "state",
        "population",
        "size_class",
        "lat",
        "lon",
    ])?;
    for c in &r.clusters {
        for m in &c.members {
            w.write_record([
                c.id.as_str(),
                &m.id,
                &m.name,
                &m.state,
                &m.population.to_string(),
                &m.size_class,
                &m.lat.to_string(),
                &m.lon.to_string(),
            ])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Any serialisable report as pretty JSON with a final newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::usage(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// The text a CSV writer has written.
pub fn csv_text(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_characters() {
        assert_eq!(pad("Görlitz", 9), "Görlitz  ");
        assert_eq!(lpad("7", 3), "  7");
    }
}
