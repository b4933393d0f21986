//! `lineup explain` in words (issue 11): the cluster and municipality
//! sections, their labels and the verdict on each move. Blockers and the
//! note on other size classes are in `blockers`.

use super::{Message, m};

/// The entries.
pub(super) const EXPLAINING: &[Message] = &[
    m(
        "explain.cluster.head",
        "{cluster} ({class}): {members}, population {min} – {max}",
        "{cluster} ({class}): {members}, Einwohner {min} – {max}",
    ),
    m("explain.label.lands", "Länder", "Länder"),
    m("explain.label.same_land", "same Land", "selbes Land"),
    m("explain.label.bordering", "bordering", "benachbart"),
    m("explain.label.distances", "distances", "Entfernungen"),
    m("explain.label.score", "score", "Bewertung"),
    m("explain.label.share", "share", "Anteil"),
    m("explain.label.alone", "alone", "allein"),
    m("explain.label.swap", "swap", "Tausch"),
    m("explain.label.best_swap", "best swap", "bester Tausch"),
    m("explain.label.note", "note", "Hinweis"),
    m(
        "explain.distances",
        "closest {a}–{b} {km} km; farthest {c}–{d} {far} km; mean {mean} km",
        "am nächsten {a}–{b} {km} km; am weitesten {c}–{d} {far} km; Mittel {mean} km",
    ),
    m(
        "explain.score",
        "penalty {penalty}, spread {spread}",
        "Strafpunkte {penalty}, Streuung {spread}",
    ),
    m(
        "explain.member.head",
        "{name} ({id}, {state}) in {cluster}",
        "{name} ({id}, {state}) in {cluster}",
    ),
    m(
        "explain.share",
        "penalty {penalty}, spread {spread}; same Land: {same}; bordering: {bordering}{nearest}",
        "Strafpunkte {penalty}, Streuung {spread}; selbes Land: {same}; benachbart: {bordering}{nearest}",
    ),
    m(
        "explain.nearest",
        "; nearest: {name} {km} km",
        "; am nächsten: {name} {km} km",
    ),
    m("explain.to", "to {cluster}", "nach {cluster}"),
    m(
        "explain.swap_with",
        "with {name}: {change}",
        "mit {name}: {change}",
    ),
    m(
        "explain.best_swap_with",
        "with {name} ({cluster}): {change}",
        "mit {name} ({cluster}): {change}",
    ),
    m(
        "explain.change",
        "penalty {penalty}, spread {spread}: {verdict}",
        "Strafpunkte {penalty}, Streuung {spread}: {verdict}",
    ),
    m("explain.blocked", "blocked ({list})", "gesperrt ({list})"),
    m("explain.better", "allowed, better", "erlaubt, besser"),
    m(
        "explain.not_better",
        "allowed, not better",
        "erlaubt, nicht besser",
    ),
    m("explain.none", "none", "keine"),
    m(
        "explain.more",
        "{list}, … and {n} more",
        "{list}, … und {n} weitere",
    ),
];
