//! The options a planner sets: a label and one sentence each, keyed by the
//! command-line flag (`opt.cluster_size.label`, `opt.cluster_size.help`).

use super::{Message, m};

/// The entries.
pub(super) const SETTINGS: &[Message] = &[
    m(
        "opt.cluster_size.label",
        "Members per cluster",
        "Mitglieder je Cluster",
    ),
    m(
        "opt.cluster_size.help",
        "Fewest and most municipalities in one cluster, as MIN..MAX.",
        "Wie viele Kommunen mindestens und höchstens in einem Cluster sind, als MIN..MAX.",
    ),
    m("opt.clusters.label", "Number of clusters", "Anzahl der Cluster"),
    m(
        "opt.clusters.help",
        "auto forms the fewest clusters that fit; or a total (5), or per class (Großstadt=2,Mittelstadt=3).",
        "auto bildet so wenige Cluster wie möglich; oder eine Gesamtzahl (5) oder je Klasse (Großstadt=2,Mittelstadt=3).",
    ),
    m("opt.classes.label", "Size classes", "Größenklassen"),
    m(
        "opt.classes.help",
        "bbsr: Landgemeinde < 5,000 ≤ Kleinstadt < 20,000 ≤ Mittelstadt < 100,000 ≤ Großstadt; kfa: < 20,000 / 20,000–99,999 / ≥ 100,000; or your own thresholds T1,T2,…",
        "bbsr: Landgemeinde < 5.000 ≤ Kleinstadt < 20.000 ≤ Mittelstadt < 100.000 ≤ Großstadt; kfa: < 20.000 / 20.000–99.999 / ≥ 100.000; oder eigene Schwellen T1,T2,…",
    ),
    m("opt.comparability.label", "Comparability", "Vergleichbarkeit"),
    m(
        "opt.comparability.help",
        "strict: one size class per cluster; adjacent: neighbouring classes may mix, each mixed pair costs a penalty point.",
        "strikt: eine Größenklasse je Cluster; benachbart: benachbarte Klassen dürfen sich mischen, jedes gemischte Paar kostet einen Strafpunkt.",
    ),
    m("opt.comparability.strict", "strict", "strikt"),
    m("opt.comparability.adjacent", "adjacent", "benachbart"),
    m("opt.max_per_land.label", "At most per Land", "Höchstens je Land"),
    m(
        "opt.max_per_land.help",
        "At most this many members of one cluster from the same Land (empty: no cap).",
        "Höchstens so viele Mitglieder eines Clusters aus demselben Land (leer: keine Grenze).",
    ),
    m("opt.must_link.label", "Must share a cluster", "Müssen zusammen"),
    m(
        "opt.must_link.help",
        "Pairs that must be in the same cluster, one pair per line: two ids or names separated by a comma.",
        "Paare, die in einem Cluster sein müssen, ein Paar je Zeile: zwei Schlüssel oder Namen, durch Komma getrennt.",
    ),
    m("opt.cannot_link.label", "Must be apart", "Müssen getrennt"),
    m(
        "opt.cannot_link.help",
        "Pairs that must not share a cluster, one pair per line.",
        "Paare, die nicht in einem Cluster sein dürfen, ein Paar je Zeile.",
    ),
    m("opt.weights.label", "Weights", "Gewichte"),
    m(
        "opt.weights.help",
        "How much each term counts, e.g. same-land=1,mixed-class=1,non-bordering=1,distance=1 (distance per 100 km); empty: all 1.",
        "Wie stark jeder Teil zählt, z. B. same-land=1,mixed-class=1,non-bordering=1,distance=1 (Entfernung je 100 km); leer: alle 1.",
    ),
    m("opt.objective.label", "Objective", "Zielfunktion"),
    m(
        "opt.objective.help",
        "lexicographic: fewest penalty points first, then the largest spread; weighted: spread minus penalty.",
        "lexikographisch: zuerst möglichst wenige Strafpunkte, dann die größte Streuung; gewichtet: Streuung minus Strafpunkte.",
    ),
    m("opt.objective.lexicographic", "lexicographic", "lexikographisch"),
    m("opt.objective.weighted", "weighted", "gewichtet"),
    m(
        "opt.time_limit.label",
        "Time limit (seconds)",
        "Zeitlimit (Sekunden)",
    ),
    m(
        "opt.time_limit.help",
        "How long the search may run; a proof of the best lineup often comes sooner.",
        "Wie lange die Suche laufen darf; der Beweis der besten Aufstellung kommt oft früher.",
    ),
    m("opt.seed.label", "Seed", "Startwert"),
    m(
        "opt.seed.help",
        "The same input and seed give the same lineup; another seed may give another equally good one.",
        "Dieselbe Eingabe mit demselben Startwert ergibt dieselbe Aufstellung; ein anderer Startwert womöglich eine andere, gleich gute.",
    ),
    m("opt.solver.label", "Method", "Verfahren"),
    m(
        "opt.solver.help",
        "auto: heuristic, then exact methods where they reach; exact: more time for proofs; heuristic: no integer programs.",
        "auto: Heuristik, dann exakte Verfahren, wo sie reichen; exakt: mehr Zeit für Beweise; heuristisch: ohne ganzzahlige Programme.",
    ),
    m("opt.solver.auto", "auto", "auto"),
    m("opt.solver.exact", "exact", "exakt"),
    m("opt.solver.heuristic", "heuristic", "heuristisch"),
    m("opt.pins.label", "Fixed members", "Feste Mitglieder"),
    m(
        "opt.pins.help",
        "Members fixed to their cluster (a pin): the solver keeps them there. Fix or release one with its pin button.",
        "An ihren Cluster gebundene Mitglieder: die Berechnung lässt sie dort. Mit der Nadel am Mitglied binden oder lösen.",
    ),
    m(
        "opt.stability.label",
        "Cost of a move",
        "Kosten einer Verschiebung",
    ),
    m(
        "opt.stability.help",
        "What-if: empty moves as few members as possible; a number lets each moved member cost that many penalty points instead.",
        "Was-wäre-wenn: leer verschiebt so wenige Mitglieder wie möglich; eine Zahl lässt jede Verschiebung stattdessen so viele Strafpunkte kosten.",
    ),
    m("opt.max_moves.label", "At most moves", "Höchstens Verschiebungen"),
    m(
        "opt.max_moves.help",
        "What-if: at most this many members of the current lineup may move (empty: no cap).",
        "Was-wäre-wenn: höchstens so viele Mitglieder der bisherigen Aufstellung dürfen wechseln (leer: keine Grenze).",
    ),
    m(
        "opt.count.label",
        "Number of alternatives",
        "Anzahl der Alternativen",
    ),
    m(
        "opt.count.help",
        "How many good lineups to compute, each different from the earlier ones.",
        "Wie viele gute Aufstellungen berechnet werden, jede anders als die vorigen.",
    ),
    m(
        "opt.min_difference.label",
        "Differ in at least",
        "Unterschied mindestens",
    ),
    m(
        "opt.min_difference.help",
        "Each alternative differs from every earlier one in at least this many municipalities (empty: a tenth).",
        "Jede Alternative unterscheidet sich von jeder vorigen in mindestens so vielen Kommunen (leer: ein Zehntel).",
    ),
];
