//! Status words, progress stages, objective terms and broken rules.

use super::{Message, m};

/// The entries.
pub(super) const RULES: &[Message] = &[
    // Status of a report (`status`), as a word and as a sentence.
    m("status.optimal", "optimal", "optimal"),
    m("status.time_limit", "time limit", "Zeitlimit"),
    m("status.heuristic", "heuristic", "heuristisch"),
    m("status.evaluated", "evaluated", "bewertet"),
    m("status.interrupted", "interrupted", "abgebrochen"),
    m("status.edited", "edited by hand", "von Hand geändert"),
    m(
        "status.optimal.sentence",
        "Proven best possible under these settings.",
        "Nachweislich die bestmögliche Aufstellung mit diesen Einstellungen.",
    ),
    m(
        "status.time_limit.sentence",
        "The time limit stopped the proof: at most {gap} % below the best possible.",
        "Das Zeitlimit hat den Beweis beendet: höchstens {gap} % unter dem Bestmöglichen.",
    ),
    m(
        "status.heuristic.sentence",
        "Found by the heuristic; no proof: up to {gap} % below the best possible.",
        "Von der Heuristik gefunden, ohne Beweis: bis zu {gap} % unter dem Bestmöglichen.",
    ),
    m(
        "status.evaluated.sentence",
        "Checked and scored; compared with simple bounds it is at most {gap} % below the best possible.",
        "Geprüft und bewertet; nach einfachen Schranken höchstens {gap} % unter dem Bestmöglichen.",
    ),
    m(
        "status.interrupted.sentence",
        "Stopped by you: the best lineup found so far, at most {gap} % below the best possible.",
        "Von Ihnen abgebrochen: die bisher beste Aufstellung, höchstens {gap} % unter dem Bestmöglichen.",
    ),
    m(
        "status.edited.sentence",
        "Changed by hand: checked and scored after every change.",
        "Von Hand geändert: nach jeder Änderung geprüft und bewertet.",
    ),
    // Progress stages.
    m(
        "stage.heuristic",
        "heuristic lineup found",
        "heuristische Aufstellung gefunden",
    ),
    m("stage.penalty", "level 1 settled", "Stufe 1 geklärt"),
    m("stage.spread", "level 2 settled", "Stufe 2 geklärt"),
    m("stage.done", "done", "fertig"),
    m(
        "stage.queued",
        "waiting for a free solver",
        "wartet auf einen freien Rechenplatz",
    ),
    m("stage.started", "started", "gestartet"),
    // Objective terms.
    m("term.penalty", "penalty", "Strafpunkte"),
    m("term.spread", "spread", "Streuung"),
    m(
        "term.same_state_pairs",
        "same-Land pairs",
        "Paare aus demselben Land",
    ),
    m(
        "term.mixed_class_pairs",
        "mixed-class pairs",
        "Paare verschiedener Größenklassen",
    ),
    m(
        "term.non_bordering_pairs",
        "pairs from non-bordering Länder",
        "Paare aus nicht benachbarten Ländern",
    ),
    m(
        "term.distance_km",
        "km between members",
        "km zwischen den Mitgliedern",
    ),
    m("term.gap", "gap", "Lücke"),
    m("term.bound", "bound", "Schranke"),
    // Broken rules: one per `Violation` kind; placeholders are its fields.
    m(
        "rule.missing",
        "{id} is in no cluster",
        "{id} ist in keinem Cluster",
    ),
    m(
        "rule.duplicate",
        "{id} is in more than one cluster ({clusters})",
        "{id} ist in mehr als einem Cluster ({clusters})",
    ),
    m(
        "rule.unknown_member",
        "cluster {cluster} names member #{index}, which is not in the input",
        "Cluster {cluster} nennt Mitglied Nr. {index}, das nicht in der Eingabe steht",
    ),
    m(
        "rule.duplicate_cluster_id",
        "two clusters have the id {cluster}",
        "zwei Cluster heißen {cluster}",
    ),
    m(
        "rule.cluster_size",
        "cluster {cluster} has {size} members, allowed are {min} to {max}",
        "Cluster {cluster} hat {size} Mitglieder, erlaubt sind {min} bis {max}",
    ),
    m(
        "rule.class_mix",
        "cluster {cluster} mixes size classes {classes}",
        "Cluster {cluster} mischt die Größenklassen {classes}",
    ),
    m(
        "rule.pin",
        "{id} is fixed to cluster {expected} but placed in {actual}",
        "{id} ist an Cluster {expected} gebunden, steht aber in {actual}",
    ),
    m(
        "rule.must_link",
        "{a} and {b} must share a cluster but do not",
        "{a} und {b} müssen in einem Cluster sein, sind es aber nicht",
    ),
    m(
        "rule.cannot_link",
        "{a} and {b} must not share a cluster but do",
        "{a} und {b} dürfen nicht in einem Cluster sein, sind es aber",
    ),
    m(
        "rule.land_cap",
        "cluster {cluster} has {count} members from {state}, more than {cap}",
        "Cluster {cluster} hat {count} Mitglieder aus {state}, mehr als {cap}",
    ),
    m(
        "rule.cluster_count",
        "{block} has {actual} clusters, expected {expected}",
        "{block} hat {actual} Cluster, erwartet sind {expected}",
    ),
];
