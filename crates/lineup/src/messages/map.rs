//! The map's texts: title, legend, marks of a what-if and the criteria
//! line (`map.*`).

use super::{Message, m};

/// The entries.
pub(super) const MAP: &[Message] = &[
    m(
        "map.title",
        "Lineup: {n} municipalities in {clusters} clusters of {min}–{max}",
        "Aufstellung: {n} Kommunen in {clusters} Clustern mit {min}–{max} Mitgliedern",
    ),
    m(
        "map.figures",
        "{status} · {same} · {non_bordering} · {km} km between members · {classes} classes, {comparability} comparability",
        "{status} · {same} · {non_bordering} · {km} km zwischen den Mitgliedern · Größenklassen {classes}, Vergleichbarkeit {comparability}",
    ),
    m("map.legend", "Clusters", "Cluster"),
    m("map.members", "{n} members", "{n} Mitglieder"),
    m("map.states", "{n} Länder", "{n} Länder"),
    m(
        "map.same_land_pair.one",
        "1 same-Land pair",
        "1 Paar aus demselben Land",
    ),
    m(
        "map.same_land_pair.other",
        "{n} same-Land pairs",
        "{n} Paare aus demselben Land",
    ),
    m(
        "map.non_bordering_pair.one",
        "1 non-bordering pair",
        "1 Paar aus nicht benachbarten Ländern",
    ),
    m(
        "map.non_bordering_pair.other",
        "{n} non-bordering pairs",
        "{n} Paare aus nicht benachbarten Ländern",
    ),
    m("map.mean_km", "mean {km} km apart", "im Mittel {km} km entfernt"),
    m(
        "map.member",
        "{name} ({state}), {population} inhabitants, cluster {cluster}",
        "{name} ({state}), {population} Einwohner, Cluster {cluster}",
    ),
    m("map.changes", "Changes", "Änderungen"),
    m(
        "map.joined",
        "joined: new in the list ({n})",
        "neu in der Liste ({n})",
    ),
    m(
        "map.moved",
        "moved: in another cluster than before ({n})",
        "gewechselt: in einem anderen Cluster als zuvor ({n})",
    ),
    m("map.new_member", "{name} (new)", "{name} (neu)"),
    m(
        "map.moved_member",
        "{name} (from {cluster})",
        "{name} (aus {cluster})",
    ),
    m("map.criteria", "Criteria", "Kriterien"),
    m("map.alike", "alike: {list}", "gleich: {list}"),
    m("map.different", "different: {list}", "verschieden: {list}"),
    m(
        "map.spread",
        "spread: non-bordering Länder ×{non_bordering}, distance ×{distance} per 100 km",
        "Streuung: nicht benachbarte Länder ×{non_bordering}, Entfernung ×{distance} je 100 km",
    ),
    m("map.size_class", "size class", "Größenklasse"),
    m(
        "map.size_class.adjacent",
        "size class (neighbouring classes allowed)",
        "Größenklasse (benachbarte Klassen erlaubt)",
    ),
    m("map.land", "Land", "Land"),
    m("map.land_cap", "at most {n} per Land", "höchstens {n} je Land"),
    m(
        "map.soft",
        "{attribute} (soft, ×{weight})",
        "{attribute} (weich, ×{weight})",
    ),
    m("map.weighted", "{attribute} ×{weight}", "{attribute} ×{weight}"),
    m(
        "map.shapes",
        "Marker shape: size class; colour: cluster",
        "Form der Markierung: Größenklasse; Farbe: Cluster",
    ),
];
