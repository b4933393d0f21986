//! What a planner reads after a solve (issue 11): the status sentence, the
//! table, the one-line summary, breaches named by name and id, settings
//! taken from a lineup file, comparisons with another lineup, the cost of
//! stability and classes that cannot be split.

use super::{Message, m};

/// The entries.
pub(super) const PLANNER: &[Message] = &[
    m(
        "status.evaluated.bound.sentence",
        "Checked and scored: at most {gap} % below the best possible.",
        "Geprüft und bewertet: höchstens {gap} % unter dem Bestmöglichen.",
    ),
    m(
        "summary.line",
        "{count} municipalities in {clusters} clusters. {sentence}",
        "{count} Kommunen in {clusters} Clustern. {sentence}",
    ),
    m(
        "summary.written",
        "wrote {file}: {summary}",
        "{file} geschrieben: {summary}",
    ),
    // The table.
    m(
        "table.title",
        "lineup: {count} municipalities in {clusters} clusters of {min}..{max} ({classes} classes, {comparability} comparability)",
        "Aufstellung: {count} Kommunen in {clusters} Clustern mit {min}–{max} Mitgliedern (Größenklassen {classes}, Vergleichbarkeit {comparability})",
    ),
    m("table.cluster", "{size}, {states}", "{size}, {states}"),
    m("table.members.one", "{n} member", "{n} Mitglied"),
    m("table.members.other", "{n} members", "{n} Mitglieder"),
    m("table.lands.one", "{n} Land", "{n} Land"),
    m("table.lands.other", "{n} Länder", "{n} Länder"),
    m(
        "table.same_land.one",
        "{n} same-Land pair",
        "{n} Paar aus demselben Land",
    ),
    m(
        "table.same_land.other",
        "{n} same-Land pairs",
        "{n} Paare aus demselben Land",
    ),
    m(
        "table.mixed_class.one",
        "{n} mixed-class pair",
        "{n} Paar verschiedener Größenklassen",
    ),
    m(
        "table.mixed_class.other",
        "{n} mixed-class pairs",
        "{n} Paare verschiedener Größenklassen",
    ),
    m(
        "table.non_bordering.one",
        "{n} pair from non-bordering Länder",
        "{n} Paar aus nicht benachbarten Ländern",
    ),
    m(
        "table.non_bordering.other",
        "{n} pairs from non-bordering Länder",
        "{n} Paare aus nicht benachbarten Ländern",
    ),
    m(
        "table.mean_distance",
        "mean distance {km} km",
        "mittlere Entfernung {km} km",
    ),
    m("table.cost", "cost {cost}", "Kosten {cost}"),
    m("table.rule_kept", "rule kept", "Regel eingehalten"),
    m("table.col.name", "Name", "Name"),
    m("table.col.state", "Land", "Land"),
    m("table.col.population", "Population", "Einwohner"),
    m("table.status", "status", "Status"),
    m("table.result", "result", "Ergebnis"),
    m("table.objective", "objective", "Zielwert"),
    m("table.bound", "bound", "Schranke"),
    m("table.value", "value", "Wert"),
    m("table.gap", "gap", "Lücke"),
    m("table.time", "time", "Zeit"),
    m("table.note", "note", "Hinweis"),
    m("table.block", "block", "Block"),
    m(
        "table.objective.line",
        "penalty {penalty} ({same}, {mixed}); spread {spread} ({non_bordering}; {km} km between members)",
        "Strafpunkte {penalty} ({same}, {mixed}); Streuung {spread} ({non_bordering}; {km} km zwischen den Mitgliedern)",
    ),
    m(
        "table.bound.lexicographic",
        "penalty >= {penalty}; spread <= {spread}",
        "Strafpunkte ≥ {penalty}; Streuung ≤ {spread}",
    ),
    m(
        "table.value.weighted",
        "spread - penalty = {value}; bound <= {bound}",
        "Streuung − Strafpunkte = {value}; Schranke ≤ {bound}",
    ),
    // Breaches.
    m("breach.member", "{name} ({id})", "{name} ({id})"),
    m(
        "breach.alike",
        "cluster {cluster} mixes values of {attribute}: {values}",
        "Cluster {cluster} mischt Werte von {attribute}: {values}",
    ),
    m(
        "breach.missing_many",
        "{count} municipalities of the list are in no cluster (is the lineup older than the list?): {names}",
        "{count} Kommunen der Liste sind in keinem Cluster (ist die Aufstellung älter als die Liste?): {names}",
    ),
    m(
        "breach.header.one",
        "{lineup} breaks {count} rule:",
        "{lineup} verletzt {count} Regel:",
    ),
    m(
        "breach.header.other",
        "{lineup} breaks {count} rules:",
        "{lineup} verletzt {count} Regeln:",
    ),
    m("breach.more", "… and {count} more", "… und {count} weitere"),
    // Bounds and settings of a lineup file.
    m(
        "bound.recorded",
        "bound from the solve recorded in {file} (same input and settings)",
        "Schranke aus der in {file} gespeicherten Berechnung (gleiche Eingabe und Einstellungen)",
    ),
    m(
        "bound.solved",
        "bound from a solve of this input within {seconds} s (the lineup file carries no bound for this input and these settings)",
        "Schranke aus einer Berechnung dieser Eingabe in {seconds} s (die Aufstellungsdatei enthält keine Schranke für diese Eingabe und Einstellungen)",
    ),
    m(
        "settings.from_file",
        "settings from {file}: {settings} (give the flag to change one)",
        "Einstellungen aus {file}: {settings} (mit der Option lässt sich jede ändern)",
    ),
    // Comparison with another lineup.
    m(
        "against.title",
        "compared with {file}: {moved} moved",
        "verglichen mit {file}: {moved} verschoben",
    ),
    m("against.moved", "moved", "verschoben"),
    m(
        "term.criteria_penalty",
        "criteria penalty",
        "Strafpunkte der Kriterien",
    ),
    m(
        "against.term",
        "{term}: {before} → {after} ({change})",
        "{term}: {before} → {after} ({change})",
    ),
    // The workbook: sheet names, headers, summary labels.
    m("sheet.lineup", "Lineup", "Aufstellung"),
    m("sheet.clusters", "Clusters", "Cluster"),
    m("sheet.summary", "Summary", "Übersicht"),
    m("xlsx.member.cluster", "cluster", "Cluster"),
    m("xlsx.member.id", "id", "Gemeindeschlüssel"),
    m("xlsx.member.name", "name", "Gemeinde"),
    m("xlsx.member.state", "state", "Bundesland"),
    m("xlsx.member.population", "population", "Einwohner"),
    m("xlsx.member.size_class", "size_class", "Größenklasse"),
    m("xlsx.member.lat", "lat", "Breite"),
    m("xlsx.member.lon", "lon", "Länge"),
    m("xlsx.cluster.cluster", "cluster", "Cluster"),
    m("xlsx.cluster.size_class", "size_class", "Größenklasse"),
    m("xlsx.cluster.members", "members", "Mitglieder"),
    m("xlsx.cluster.states", "Länder", "Länder"),
    m(
        "xlsx.cluster.same_land",
        "same-Land pairs",
        "Paare aus demselben Land",
    ),
    m(
        "xlsx.cluster.mixed_class",
        "mixed-class pairs",
        "Paare verschiedener Größenklassen",
    ),
    m(
        "xlsx.cluster.non_bordering",
        "non-bordering pairs",
        "Paare aus nicht benachbarten Ländern",
    ),
    m(
        "xlsx.cluster.mean_km",
        "mean distance km",
        "mittlere Entfernung (km)",
    ),
    m(
        "xlsx.cluster.min_km",
        "min distance km",
        "kleinste Entfernung (km)",
    ),
    m("xlsx.cluster.penalty", "penalty", "Strafpunkte"),
    m("xlsx.cluster.spread", "spread", "Streuung"),
    m("xlsx.cluster.names", "member names", "Mitglieder (Namen)"),
    m("xlsx.summary.status", "status", "Status"),
    m("xlsx.summary.result", "result", "Ergebnis"),
    m("xlsx.summary.penalty", "penalty", "Strafpunkte"),
    m("xlsx.summary.spread", "spread", "Streuung"),
    m(
        "xlsx.summary.same_land",
        "same-Land pairs",
        "Paare aus demselben Land",
    ),
    m(
        "xlsx.summary.mixed_class",
        "mixed-class pairs",
        "Paare verschiedener Größenklassen",
    ),
    m(
        "xlsx.summary.non_bordering",
        "non-bordering pairs",
        "Paare aus nicht benachbarten Ländern",
    ),
    m("xlsx.summary.distance", "distance km", "Entfernung (km)"),
    m(
        "xlsx.summary.bound_penalty",
        "bound: penalty >=",
        "Schranke: Strafpunkte ≥",
    ),
    m(
        "xlsx.summary.bound_spread",
        "bound: spread <=",
        "Schranke: Streuung ≤",
    ),
    m("xlsx.summary.gap", "gap %", "Lücke (%)"),
    m("xlsx.summary.time", "time s", "Zeit (s)"),
    m("xlsx.summary.clusters", "clusters", "Cluster"),
    m("xlsx.summary.cluster_size", "cluster size", "Clustergröße"),
    m("xlsx.summary.classes", "classes", "Größenklassen"),
    m("xlsx.summary.comparability", "comparability", "Vergleichbarkeit"),
    m("xlsx.summary.seed", "seed", "Startwert"),
    m("xlsx.summary.sources", "sources", "Quellen"),
];
