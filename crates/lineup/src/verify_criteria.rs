//! The verifier's check of the planner's criteria: hard `alike` rules and
//! quotas per cluster, and the pair costs of `different` and soft `alike`, counted
//! from the problem's attribute values by their own loops (sharing no code
//! with the solvers' pair weights).

use crate::criterion::Criterion;
use crate::lineup::Lineup;
use crate::problem::Problem;

/// The weighted pair costs of the criteria over one set of members.
pub(crate) fn criteria_cost(problem: &Problem, members: &[usize]) -> f64 {
    let mut cost = 0.0;
    for r in problem.resolved_criteria() {
        let (weight, equal_costs) = match &r.criterion {
            Criterion::Different { weight, .. } => (*weight, true),
            Criterion::Alike { soft: Some(w), .. } => (*w, false),
            _ => continue,
        };
        // Each value is written once in `values`: equal text, equal value.
        let value = |i: usize| r.values[r.codes[i] as usize].as_str();
        let mut pairs = 0u64;
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if (value(a) == value(b)) == equal_costs {
                    pairs += 1;
                }
            }
        }
        cost += weight * pairs as f64;
    }
    cost
}

/// A cluster holding several values of a hard `alike` attribute.
pub(crate) struct Mixed {
    pub cluster: String,
    pub attribute: String,
    pub values: Vec<String>,
}

/// Clusters holding more than one value of a hard `alike` attribute.
pub(crate) fn alike_violations(problem: &Problem, lineup: &Lineup) -> Vec<Mixed> {
    let n = problem.municipalities().len();
    let mut out = Vec::new();
    for r in problem
        .resolved_criteria()
        .iter()
        .filter(|r| r.criterion.is_hard())
    {
        for cl in &lineup.clusters {
            let mut values: Vec<&str> = cl
                .members
                .iter()
                .filter(|&&i| i < n)
                .map(|&i| r.values[r.codes[i] as usize].as_str())
                .collect();
            values.sort_unstable();
            values.dedup();
            if values.len() > 1 {
                out.push(Mixed {
                    cluster: cl.id.clone(),
                    attribute: r.criterion.attribute().to_string(),
                    values: values.into_iter().map(str::to_string).collect(),
                });
            }
        }
    }
    out
}

/// A cluster breaking a quota.
pub(crate) struct Broken {
    pub cluster: String,
    pub quota: String,
    pub value: String,
    pub count: usize,
}

/// Clusters holding fewer (`at-least`) or more (`at-most`) members of a
/// value than a quota allows, counted by the values' text.
pub(crate) fn quota_violations(problem: &Problem, lineup: &Lineup) -> Vec<Broken> {
    let n = problem.municipalities().len();
    let mut out = Vec::new();
    for r in problem.resolved_criteria() {
        let (counted, count, at_least) = match &r.criterion {
            Criterion::AtLeast { value, count, .. } => (value, *count, true),
            Criterion::AtMost { value, count, .. } => (value, *count, false),
            _ => continue,
        };
        // The values the quota counts, as written in the data.
        let watched: Vec<&str> = if counted == crate::criterion::EVERY_VALUE {
            r.values.iter().map(String::as_str).collect()
        } else {
            r.targets.iter().map(|&t| r.values[t as usize].as_str()).collect()
        };
        for cl in &lineup.clusters {
            for &value in &watched {
                let have = cl
                    .members
                    .iter()
                    .filter(|&&i| i < n && r.values[r.codes[i] as usize] == value)
                    .count();
                if (at_least && have < count) || (!at_least && have > count) {
                    out.push(Broken {
                        cluster: cl.id.clone(),
                        quota: r.criterion.to_string(),
                        value: format!("{}={value}", r.criterion.attribute()),
                        count: have,
                    });
                }
            }
        }
    }
    out
}
