//! Why a request is impossible (issue 11): the reasons the checks before
//! solving, the solver's proofs and what-if's move caps give, as typed
//! [`Note`](super::note::Note)s of [`Infeasibility`](crate::Infeasibility).
//! A key ending in `.one` is the singular of the key without it; `{members}`
//! is empty or ` (name (id), …)`, the same in both languages.

use super::{Message, m};

/// The entries.
pub(super) const INFEASIBLE: &[Message] = &[
    m("block.all_classes", "all classes", "alle Größenklassen"),
    // A size class that cannot be cut into clusters.
    m(
        "infeasible.class_too_small",
        "class {class} has {n} members, fewer than the {min} a cluster needs{members}",
        "Größenklasse {class} hat {n} Mitglieder, weniger als die {min}, die ein Cluster braucht{members}",
    ),
    m(
        "infeasible.class_too_small.one",
        "class {class} has {n} member, fewer than the {min} a cluster needs{members}",
        "Größenklasse {class} hat {n} Mitglied, weniger als die {min}, die ein Cluster braucht{members}",
    ),
    m(
        "infeasible.class_unsplittable",
        "class {class} has {n} members, which do not fit clusters of {min}..{max}: {fewer} clusters hold at most {most}, {more} clusters need at least {least}{members}",
        "Größenklasse {class} hat {n} Mitglieder, die nicht in Cluster mit {min}–{max} Mitgliedern passen: {fewer} Cluster fassen höchstens {most}, {more} Cluster brauchen mindestens {least}{members}",
    ),
    m(
        "infeasible.class_unsplittable.one",
        "class {class} has {n} members, which do not fit clusters of {min}..{max}: {fewer} cluster holds at most {most}, {more} clusters need at least {least}{members}",
        "Größenklasse {class} hat {n} Mitglieder, die nicht in Cluster mit {min}–{max} Mitgliedern passen: {fewer} Cluster fasst höchstens {most}, {more} Cluster brauchen mindestens {least}{members}",
    ),
    m(
        "infeasible.adjacent_split",
        "{present} cannot be split into clusters of {min}..{max} when only neighbouring size classes may mix",
        "{present} lassen sich nicht in Cluster mit {min}–{max} Mitgliedern aufteilen, wenn nur benachbarte Größenklassen mischen dürfen",
    ),
    m(
        "infeasible.adjacent_total",
        "{total} clusters of {min}..{max} cannot hold {present} when only neighbouring size classes may mix",
        "{total} Cluster mit {min}–{max} Mitgliedern können {present} nicht aufnehmen, wenn nur benachbarte Größenklassen mischen dürfen",
    ),
    // Links.
    m(
        "infeasible.cannot_link_self",
        "{name} cannot be kept apart from itself (cannot-link with itself)",
        "{name} kann nicht von sich selbst getrennt werden (Darf nicht zusammen mit sich selbst)",
    ),
    m(
        "infeasible.linked_and_apart",
        "{a} and {b} are both linked together (must-link) and kept apart (cannot-link)",
        "{a} und {b} sollen zugleich zusammen (Muss zusammen) und getrennt (Darf nicht zusammen) sein",
    ),
    m(
        "infeasible.apart_but_pinned",
        "{a} and {b} must be apart (cannot-link) but are both pinned to cluster {cluster}",
        "{a} und {b} müssen getrennt sein (Darf nicht zusammen), sind aber beide fest im Cluster {cluster}",
    ),
    m(
        "infeasible.links_too_many",
        "must-links join {n} municipalities ({names}), more than a cluster of {min}..{max} holds",
        "Muss-zusammen-Verbindungen vereinen {n} Kommunen ({names}), mehr als ein Cluster mit {min}–{max} Mitgliedern fasst",
    ),
    m(
        "infeasible.links_classes.strict",
        "must-links join {names} from size classes that may not share a cluster (strict comparability)",
        "Muss-zusammen-Verbindungen vereinen {names} aus Größenklassen, die kein Cluster teilen dürfen (strikte Vergleichbarkeit)",
    ),
    m(
        "infeasible.links_classes.adjacent",
        "must-links join {names} from size classes that may not share a cluster (adjacent comparability)",
        "Muss-zusammen-Verbindungen vereinen {names} aus Größenklassen, die kein Cluster teilen dürfen (nur benachbarte Klassen mischen)",
    ),
    m(
        "infeasible.links_pins",
        "must-links join {names} but they are pinned to different clusters ({pins})",
        "Muss-zusammen-Verbindungen vereinen {names}, sie sind aber fest in verschiedenen Clustern ({pins})",
    ),
    m(
        "infeasible.links_cap",
        "must-links join {count} members from {land}, but the cap per Land is {cap}",
        "Muss-zusammen-Verbindungen vereinen {count} Mitglieder aus {land}, die Obergrenze je Land ist aber {cap}",
    ),
    // Pins and caps.
    m(
        "infeasible.pinned_too_many",
        "{n} municipalities are pinned to cluster {cluster}, more than a cluster of {min}..{max} holds",
        "{n} Kommunen sind fest im Cluster {cluster}, mehr als ein Cluster mit {min}–{max} Mitgliedern fasst",
    ),
    m(
        "infeasible.pinned_cap",
        "{count} members from {land} are pinned to cluster {cluster}, but the cap per Land is {cap}",
        "{count} Mitglieder aus {land} sind fest im Cluster {cluster}, die Obergrenze je Land ist aber {cap}",
    ),
    m(
        "infeasible.block_cap",
        "{land} has {count} members in {block} ({clusters} clusters), but at most {cap} per Land per cluster fit only {fit}",
        "{land} hat {count} Mitglieder in {block} ({clusters} Cluster), bei höchstens {cap} je Land und Cluster passen aber nur {fit}",
    ),
    m(
        "infeasible.block_cap.one",
        "{land} has {count} members in {block} ({clusters} cluster), but at most {cap} per Land per cluster fit only {fit}",
        "{land} hat {count} Mitglieder in {block} ({clusters} Cluster), bei höchstens {cap} je Land und Cluster passen aber nur {fit}",
    ),
    m(
        "infeasible.pin_classes",
        "cluster {cluster} is pinned by {a} ({class_a}) and {b} ({class_b}), but with strict comparability a cluster holds one size class",
        "Cluster {cluster} ist durch {a} ({class_a}) und {b} ({class_b}) festgelegt, bei strikter Vergleichbarkeit hat ein Cluster aber nur eine Größenklasse",
    ),
    m(
        "infeasible.pin_classes_adjacent",
        "cluster {cluster} is pinned by members of non-neighbouring size classes; adjacent comparability mixes only neighbouring classes",
        "Cluster {cluster} ist durch Mitglieder nicht benachbarter Größenklassen festgelegt; bei benachbarter Vergleichbarkeit mischen nur benachbarte Klassen",
    ),
    m(
        "infeasible.pins_in_class",
        "{pins} different clusters are pinned among the {n} members of class {class}, but {n} members form at most {most} clusters of {min}..{max}",
        "unter den {n} Mitgliedern der Größenklasse {class} sind {pins} verschiedene Cluster festgelegt, {n} Mitglieder ergeben aber höchstens {most} Cluster mit {min}–{max} Mitgliedern",
    ),
    m(
        "infeasible.pins_over_clusters",
        "{pins} different clusters are pinned, but only {clusters} clusters are formed",
        "{pins} verschiedene Cluster sind festgelegt, gebildet werden aber nur {clusters} Cluster",
    ),
    // Cluster counts.
    m(
        "infeasible.no_class",
        "{k} clusters requested for {class}, but the input has no {class}",
        "{k} Cluster für {class} verlangt, die Eingabe hat aber keine Kommune der Klasse {class}",
    ),
    m(
        "infeasible.count_cannot_hold",
        "{k} clusters of {min}..{max} cannot hold the {n} members of class {class} (they need between {lo} and {hi} clusters)",
        "{k} Cluster mit {min}–{max} Mitgliedern können die {n} Mitglieder der Größenklasse {class} nicht aufnehmen (sie brauchen {lo} bis {hi} Cluster)",
    ),
    m(
        "infeasible.count_cannot_hold.exact",
        "{k} clusters of {min}..{max} cannot hold the {n} members of class {class} (they need exactly {lo} clusters)",
        "{k} Cluster mit {min}–{max} Mitgliedern können die {n} Mitglieder der Größenklasse {class} nicht aufnehmen (sie brauchen genau {lo} Cluster)",
    ),
    m(
        "infeasible.count_cannot_hold.one",
        "{k} clusters of {min}..{max} cannot hold the {n} members of class {class} (they need exactly {lo} cluster)",
        "{k} Cluster mit {min}–{max} Mitgliedern können die {n} Mitglieder der Größenklasse {class} nicht aufnehmen (sie brauchen genau {lo} Cluster)",
    ),
    m(
        "infeasible.total_count",
        "{total} clusters were requested, but with clusters of {min}..{max} and strict comparability the classes need between {lo} and {hi} clusters ({ranges})",
        "{total} Cluster wurden verlangt, bei Clustern mit {min}–{max} Mitgliedern und strikter Vergleichbarkeit brauchen die Klassen aber {lo} bis {hi} Cluster ({ranges})",
    ),
    m(
        "infeasible.total_count.exact",
        "{total} clusters were requested, but with clusters of {min}..{max} and strict comparability the classes need exactly {lo} clusters ({ranges})",
        "{total} Cluster wurden verlangt, bei Clustern mit {min}–{max} Mitgliedern und strikter Vergleichbarkeit brauchen die Klassen aber genau {lo} Cluster ({ranges})",
    ),
    m(
        "infeasible.total_count.one",
        "{total} clusters were requested, but with clusters of {min}..{max} and strict comparability the classes need exactly {lo} cluster ({ranges})",
        "{total} Cluster wurden verlangt, bei Clustern mit {min}–{max} Mitgliedern und strikter Vergleichbarkeit brauchen die Klassen aber genau {lo} Cluster ({ranges})",
    ),
    // The solver's proofs.
    m(
        "infeasible.rules_contradict",
        "the rules of {block} contradict each other: {detail}",
        "die Regeln für {block} widersprechen sich: {detail}",
    ),
    m(
        "infeasible.proven.strict",
        "the pins, links and per-Land caps admit no lineup of the {n} members of {block} in {clusters} clusters of {min}..{max} (proven by the integer program)",
        "Festlegungen, Verbindungen und Obergrenzen je Land lassen keine Aufstellung der {n} Mitglieder von {block} in {clusters} Clustern mit {min}–{max} Mitgliedern zu (vom ganzzahligen Programm bewiesen)",
    ),
    m(
        "infeasible.proven.strict_quotas",
        "the pins, links, per-Land caps and quotas admit no lineup of the {n} members of {block} in {clusters} clusters of {min}..{max} (proven by the integer program)",
        "Festlegungen, Verbindungen, Obergrenzen je Land und Quoten lassen keine Aufstellung der {n} Mitglieder von {block} in {clusters} Clustern mit {min}–{max} Mitgliedern zu (vom ganzzahligen Programm bewiesen)",
    ),
    m(
        "infeasible.proven.adjacent",
        "the pins, links and per-Land caps admit no lineup of the {n} municipalities in {clusters} clusters of {min}..{max} where only neighbouring size classes mix (proven by the integer program)",
        "Festlegungen, Verbindungen und Obergrenzen je Land lassen keine Aufstellung der {n} Kommunen in {clusters} Clustern mit {min}–{max} Mitgliedern zu, wenn nur benachbarte Größenklassen mischen (vom ganzzahligen Programm bewiesen)",
    ),
    m(
        "infeasible.proven.adjacent_quotas",
        "the pins, links, per-Land caps and quotas admit no lineup of the {n} municipalities in {clusters} clusters of {min}..{max} where only neighbouring size classes mix (proven by the integer program)",
        "Festlegungen, Verbindungen, Obergrenzen je Land und Quoten lassen keine Aufstellung der {n} Kommunen in {clusters} Clustern mit {min}–{max} Mitgliedern zu, wenn nur benachbarte Größenklassen mischen (vom ganzzahligen Programm bewiesen)",
    ),
    // What-if under a cap of moves.
    m(
        "infeasible.moves",
        "the changes need at least {needed} moves of baseline members (clusters that close or overflow, members whose size class changed), but at most {cap} are allowed",
        "die Änderungen verlangen mindestens {needed} Verschiebungen bisheriger Mitglieder (Cluster, die sich auflösen oder überlaufen, Mitglieder mit neuer Größenklasse), erlaubt sind aber höchstens {cap}",
    ),
    m(
        "infeasible.moves.one",
        "the changes need at least {needed} move of a baseline member (clusters that close or overflow, members whose size class changed), but at most {cap} are allowed",
        "die Änderungen verlangen mindestens {needed} Verschiebung eines bisherigen Mitglieds (Cluster, die sich auflösen oder überlaufen, Mitglieder mit neuer Größenklasse), erlaubt sind aber höchstens {cap}",
    ),
    m(
        "infeasible.block_moves",
        "the members of {block} need at least {needed} moves of baseline members, but at most {cap} are allowed",
        "die Mitglieder von {block} verlangen mindestens {needed} Verschiebungen bisheriger Mitglieder, erlaubt sind aber höchstens {cap}",
    ),
    m(
        "infeasible.block_moves.one",
        "the members of {block} need at least {needed} move of a baseline member, but at most {cap} are allowed",
        "die Mitglieder von {block} verlangen mindestens {needed} Verschiebung eines bisherigen Mitglieds, erlaubt sind aber höchstens {cap}",
    ),
];
