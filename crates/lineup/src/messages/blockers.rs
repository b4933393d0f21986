//! Why a move or swap is not allowed ([`Blocker`](crate::Blocker)), and
//! the explanation's notes (`blocker.*`, `explain.*`).

use super::{Message, m};

/// The entries.
pub(super) const BLOCKERS: &[Message] = &[
    m(
        "blocker.size_too_small",
        "size: {cluster} would have {size} members, fewer than {min}",
        "Größe: {cluster} hätte {size} Mitglieder, weniger als {min}",
    ),
    m(
        "blocker.size_too_large",
        "size: {cluster} would have {size} members, more than {max}",
        "Größe: {cluster} hätte {size} Mitglieder, mehr als {max}",
    ),
    m(
        "blocker.pin",
        "pin: {name} is pinned to cluster {cluster}",
        "Festlegung: {name} ist fest im Cluster {cluster}",
    ),
    m(
        "blocker.must_link",
        "must-link: {name} must stay with {partner} in {cluster}",
        "Muss zusammen: {name} muss mit {partner} in {cluster} bleiben",
    ),
    m(
        "blocker.cannot_link",
        "cannot-link: {name} may not share a cluster with {other} (in {cluster})",
        "Darf nicht zusammen: {name} darf nicht mit {other} in einem Cluster sein (in {cluster})",
    ),
    m(
        "blocker.class_mix",
        "size classes: {cluster} would mix {classes} ({comparability} comparability)",
        "Größenklassen: {cluster} würde {classes} mischen (Vergleichbarkeit {comparability})",
    ),
    m("blocker.and", " and ", " und "),
    m(
        "blocker.alike",
        "{criterion}: {name} has {value}, but {other} in {cluster} has {other_value}",
        "{criterion}: {name} hat {value}, aber {other} in {cluster} hat {other_value}",
    ),
    m(
        "blocker.land_cap",
        "cap per Land: {cluster} would have {count} members from {land}, more than the cap of {cap}",
        "Obergrenze je Land: {cluster} hätte {count} Mitglieder aus {land}, mehr als erlaubt ({cap})",
    ),
    m(
        "explain.note.other_classes",
        "{count} clusters of other size classes are not listed: strict comparability keeps classes apart",
        "{count} Cluster anderer Größenklassen sind nicht aufgeführt: strikte Vergleichbarkeit hält die Klassen getrennt",
    ),
    m(
        "explain.note.other_classes.one",
        "{count} cluster of another size class is not listed: strict comparability keeps classes apart",
        "{count} Cluster einer anderen Größenklasse ist nicht aufgeführt: strikte Vergleichbarkeit hält die Klassen getrennt",
    ),
];
