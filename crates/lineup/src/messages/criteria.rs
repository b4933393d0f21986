//! The planner's own criteria (`alike`, `different`, quotas): their
//! options, the rules they break, why a request with them is impossible,
//! and what explain says about them.

use super::{Message, m};

/// The entries.
pub(super) const CRITERIA: &[Message] = &[
    // Options.
    m("opt.alike.label", "Alike in", "Gleich in"),
    m(
        "opt.alike.help",
        "Members of a cluster share the value of this attribute (hard), or each pair with different values costs a weight (soft).",
        "Die Mitglieder eines Clusters haben denselben Wert dieses Merkmals (hart), oder jedes Paar mit verschiedenen Werten kostet ein Gewicht (weich).",
    ),
    m("opt.different.label", "Different in", "Verschieden in"),
    m(
        "opt.different.help",
        "Each pair of members sharing a value of this attribute costs a weight; state is the default.",
        "Jedes Paar von Mitgliedern mit gleichem Wert dieses Merkmals kostet ein Gewicht; Vorgabe ist das Land.",
    ),
    m(
        "opt.at_least.label",
        "At least per cluster",
        "Mindestens je Cluster",
    ),
    m(
        "opt.at_least.help",
        "Every cluster holds at least N members with this value, e.g. Erfahrung=ja:1.",
        "Jeder Cluster hat mindestens N Mitglieder mit diesem Wert, z. B. Erfahrung=ja:1.",
    ),
    m("opt.at_most.label", "At most per cluster", "Höchstens je Cluster"),
    m(
        "opt.at_most.help",
        "Every cluster holds at most N members with this value; * caps each value (state=*:2 is at most 2 per Land).",
        "Jeder Cluster hat höchstens N Mitglieder mit diesem Wert; * begrenzt jeden Wert (state=*:2 heißt höchstens 2 je Land).",
    ),
    // Broken rules (verifier).
    m(
        "rule.alike",
        "cluster {cluster} mixes the values {values} of `{attribute}`, which must be alike",
        "Cluster {cluster} mischt die Werte {values} von „{attribute}“, die gleich sein müssen",
    ),
    m(
        "rule.quota",
        "cluster {cluster} has {count} members with {value}, against {quota}",
        "Cluster {cluster} hat {count} Mitglieder mit {value}, entgegen {quota}",
    ),
    // Report.
    m("criteria.rule_kept", "rule kept", "Regel eingehalten"),
    m("criteria.cost", "cost {cost}", "Kosten {cost}"),
    // Errors in the request.
    m(
        "criteria.unknown_attribute",
        "no column `{attribute}`; did you mean `{nearest}`? The attributes are: {known}",
        "keine Spalte „{attribute}“; meinten Sie „{nearest}“? Die Merkmale sind: {known}",
    ),
    m(
        "criteria.unknown_attribute_plain",
        "no column `{attribute}`; the attributes are: {known}",
        "keine Spalte „{attribute}“; die Merkmale sind: {known}",
    ),
    m(
        "criteria.missing_attribute",
        "{count} municipalities have no value for `{attribute}` ({examples}): {remedy}",
        "{count} Kommunen haben keinen Wert für „{attribute}“ ({examples}): {remedy}",
    ),
    m(
        "criteria.fill_column",
        "fill in the column",
        "füllen Sie die Spalte aus",
    ),
    m(
        "criteria.add_column",
        "add a column of that name with their values (they are not in the register)",
        "fügen Sie eine Spalte dieses Namens mit ihren Werten hinzu (sie stehen nicht im Register)",
    ),
    m(
        "criteria.unknown_value",
        "no municipality has `{attribute}` = `{value}`; did you mean `{nearest}`? Its values are: {values}",
        "keine Kommune hat „{attribute}“ = „{value}“; meinten Sie „{nearest}“? Die Werte sind: {values}",
    ),
    m(
        "criteria.unknown_value_plain",
        "no municipality has `{attribute}` = `{value}`; its values are: {values}",
        "keine Kommune hat „{attribute}“ = „{value}“; die Werte sind: {values}",
    ),
    m(
        "criteria.bad_weight",
        "criterion `{criterion}`: the weight must be a number >= 0",
        "Kriterium „{criterion}“: das Gewicht muss eine Zahl >= 0 sein",
    ),
    m(
        "criteria.bad_quota",
        "quota {given} is not understood: write ATTRIBUTE=VALUE:N, e.g. Erfahrung=ja:1",
        "Quote {given} ist unverständlich: schreiben Sie MERKMAL=WERT:N, z. B. Erfahrung=ja:1",
    ),
    // Impossible requests (the words they are made of first).
    m("criteria.member", "{n} member", "{n} Mitglied"),
    m("criteria.members", "{n} members", "{n} Mitglieder"),
    m("criteria.class", "class {class}", "Klasse {class}"),
    m("criteria.and", "and", "und"),
    m("criteria.one", "one", "eines"),
    m(
        "criteria.at_least_short",
        "at least {count} with {value} per cluster needs {need} in {block} ({clusters} clusters), the list has {have}: add {missing}, or lower the quota, or use fewer clusters",
        "mindestens {count} mit {value} je Cluster braucht {need} in {block} ({clusters} Cluster), die Liste hat {have}: fügen Sie {missing} hinzu, senken Sie die Quote oder bilden Sie weniger Cluster",
    ),
    m(
        "criteria.at_most_over",
        "at most {count} with {value} per cluster allows {allowed} in {block} ({clusters} clusters), the list has {have}: raise the quota, or use more clusters",
        "höchstens {count} mit {value} je Cluster erlaubt {allowed} in {block} ({clusters} Cluster), die Liste hat {have}: heben Sie die Quote an oder bilden Sie mehr Cluster",
    ),
    m(
        "criteria.at_most_others",
        "at most {count} with {value} per cluster leaves each of the {clusters} clusters of {block} {places} for the others, {need} in all, the list has {have}",
        "höchstens {count} mit {value} je Cluster lässt in jedem der {clusters} Cluster ({block}) Platz für {places} mit anderen Werten, {need} insgesamt, die Liste hat {have}",
    ),
    m(
        "criteria.alike_split",
        "alike {attribute} splits {block} into groups of {groups} members, and {misfits} do not fit clusters of {size}",
        "gleich in {attribute} teilt {block} in Gruppen von {groups} Mitgliedern, und {misfits} passen nicht in Cluster von {size}",
    ),
    m(
        "criteria.alike_clusters",
        "alike {attribute} splits {block} into groups of {groups} members: they form {least} to {most} clusters of {size}, but {clusters} are to be formed",
        "gleich in {attribute} teilt {block} in Gruppen von {groups} Mitgliedern: sie ergeben {least} bis {most} Cluster von {size}, gebildet werden sollen aber {clusters}",
    ),
    m(
        "criteria.must_link_across",
        "must-link {a} and {b}: {name_a} has {attribute} = {value_a}, {name_b} has {attribute} = {value_b}, and alike {attribute} keeps different values apart: remove the link, or make the criterion soft",
        "Muss-Verbindung {a} und {b}: {name_a} hat {attribute} = {value_a}, {name_b} hat {attribute} = {value_b}, und gleich in {attribute} trennt verschiedene Werte: entfernen Sie die Verbindung oder machen Sie das Kriterium weich",
    ),
    // How an impossible request reads, with what to try (any request).
    m(
        "infeasible.reason",
        "no feasible lineup: {reason}",
        "keine zulässige Aufstellung: {reason}",
    ),
    m(
        "infeasible.try",
        "; try {suggestions}",
        "; möglich wäre: {suggestions}",
    ),
    m("infeasible.or", ", or ", " oder "),
    // Suggestions in words around a flag ({flag}), and edits of the data.
    m(
        "suggest.wider",
        "{flag} with wider bounds",
        "{flag} mit weiteren Grenzen",
    ),
    m("suggest.raise", "raising {flag}", "ein höheres {flag}"),
    m(
        "suggest.between",
        "{flag} N with {min} <= N <= {max}",
        "{flag} N mit {min} <= N <= {max}",
    ),
    m(
        "suggest.more_clusters",
        "more clusters ({flag})",
        "mehr Cluster ({flag})",
    ),
    m("suggest.or_more", "{flag} {n} or more", "{flag} {n} oder mehr"),
    m("suggest.leave_out", "leaving out {flag}", "ohne {flag}"),
    m(
        "suggest.pin_apart",
        "pinning them to different clusters",
        "sie verschiedenen Clustern zuordnen",
    ),
    m(
        "suggest.pin_fewer",
        "pinning fewer distinct clusters",
        "weniger verschiedene Cluster festlegen",
    ),
    m("suggest.unpin", "unpinning some", "einige Festlegungen lösen"),
    m(
        "suggest.remove_link",
        "removing a link",
        "eine Verbindung entfernen",
    ),
    m(
        "suggest.remove_link_or_pin",
        "removing a link or a pin",
        "eine Verbindung oder Festlegung entfernen",
    ),
    m(
        "suggest.change_class_members",
        "adding or removing municipalities of that class",
        "Kommunen dieser Klasse hinzufügen oder entfernen",
    ),
    // Explain: why a move is blocked.
    m(
        "criteria.blocker.alike",
        "{criterion}: {name} has {value}, but {other} in {cluster} has {other_value}",
        "{criterion}: {name} hat {value}, aber {other} in {cluster} hat {other_value}",
    ),
    m(
        "criteria.blocker.at_least",
        "{criterion}: {cluster} would have {count} members with {value}, fewer than {quota}",
        "{criterion}: {cluster} hätte {count} Mitglieder mit {value}, weniger als {quota}",
    ),
    m(
        "criteria.blocker.at_most",
        "{criterion}: {cluster} would have {count} members with {value}, more than {quota}",
        "{criterion}: {cluster} hätte {count} Mitglieder mit {value}, mehr als {quota}",
    ),
];
