//! Options that do not parse or validate (`usage.*`): which option, what
//! was given and what it takes, for the command line's flags and the
//! server's query parameters alike (both name the option as a flag,
//! `--time-limit`, which the page uses to mark the setting's field). The
//! English texts follow clap's; the options crate fills them in.

use super::{Message, m};

/// The entries.
pub(super) const USAGE: &[Message] = &[
    m(
        "usage.unknown",
        "unexpected argument '{arg}' found",
        "unbekannte Option '{arg}'",
    ),
    m(
        "usage.unknown.suggest",
        "unexpected argument '{arg}' found; did you mean '{suggested}'?",
        "unbekannte Option '{arg}'; gemeint ist wohl '{suggested}'",
    ),
    m(
        "usage.invalid",
        "invalid value '{value}' for '{arg}': expected {expected}",
        "ungültiger Wert '{value}' für '{arg}': erwartet wird {expected}",
    ),
    m(
        "usage.expected.number",
        "a number, e.g. 10 or 2.5 (with a decimal point)",
        "eine Zahl, z. B. 10 oder 2.5 (mit Dezimalpunkt)",
    ),
    m(
        "usage.expected.whole",
        "a whole number of 0 or more, e.g. 3",
        "eine ganze Zahl ab 0, z. B. 3",
    ),
    m(
        "usage.expected.one_of",
        "one of the possible values: {values}",
        "einer der möglichen Werte: {values}",
    ),
    m(
        "usage.expected.nothing",
        "no value (on or off)",
        "kein Wert (an oder aus)",
    ),
    m("usage.or", "or", "oder"),
    m(
        "usage.help",
        "For more information, try '{help}'.",
        "Mehr dazu mit '{help}'.",
    ),
    m(
        "usage.other",
        "option not understood: {detail}",
        "Option nicht verstanden: {detail}",
    ),
    // The second stage: values that parse but cannot be used.
    m(
        "usage.pair",
        "{flag} '{value}': expected two ids or names separated by a comma, e.g. {flag} 16067029,03252006",
        "{flag} '{value}': erwartet werden zwei Kennungen oder Namen, durch ein Komma getrennt, z. B. {flag} 16067029,03252006",
    ),
    m(
        "usage.weights.form",
        "{flag} '{part}': expected TERM=WEIGHT, e.g. distance=0.5",
        "{flag} '{part}': erwartet wird BEGRIFF=GEWICHT, z. B. distance=0.5",
    ),
    m(
        "usage.weights.range",
        "{flag} '{part}': the weight must be a number from 0 to {max}; to make one term count more, scale the others down",
        "{flag} '{part}': das Gewicht muss eine Zahl von 0 bis {max} sein; damit ein Begriff mehr zählt, bitte die anderen kleiner gewichten",
    ),
    m(
        "usage.weights.term",
        "{flag}: unknown term '{term}'; terms are same-land, mixed-class, non-bordering, distance",
        "{flag}: unbekannter Begriff '{term}'; möglich sind same-land, mixed-class, non-bordering, distance",
    ),
    m(
        "usage.time_limit",
        "{flag} {seconds}: expected a number of seconds above 0 and at most {max} (about 11 days)",
        "{flag} {seconds}: erwartet wird eine Zahl von Sekunden über 0 und höchstens {max} (etwa 11 Tage)",
    ),
    m(
        "usage.backend",
        "{flag} '{name}' is not available in this build (available: {available}); HiGHS needs `{build}`",
        "{flag} '{name}' ist in dieser Version nicht enthalten (vorhanden: {available}); HiGHS braucht `{build}`",
    ),
    m(
        "usage.count.zero",
        "-k 0 asks for no lineup: use -k 1 or more",
        "-k 0 verlangt keine Aufstellung: bitte -k 1 oder mehr angeben",
    ),
    m(
        "usage.min_difference",
        "{flag} {d}: two lineups of {n} municipalities differ in at most {n}; use a smaller D",
        "{flag} {d}: zwei Aufstellungen von {n} Kommunen unterscheiden sich in höchstens {n}; bitte ein kleineres D angeben",
    ),
    // The server's own limits and parameters.
    m(
        "usage.time_limit.server",
        "{flag} {seconds}: this server runs a solve for at most {max} s (lineup serve {option}); use a smaller value",
        "{flag} {seconds}: dieser Server rechnet höchstens {max} s (lineup serve {option}); bitte einen kleineren Wert angeben",
    ),
    m(
        "usage.pin",
        "{flag} '{pin}': expected ID=CLUSTER, e.g. pin=16067029=Kleinstadt-1",
        "{flag} '{pin}': erwartet wird KENNUNG=CLUSTER, z. B. pin=16067029=Kleinstadt-1",
    ),
    m(
        "usage.limit",
        "limit '{limit}': expected a whole number from 1 to 200",
        "limit '{limit}': erwartet wird eine ganze Zahl von 1 bis 200",
    ),
    // The library's errors of a setting's text, after `{flag}: `.
    m("usage.setting", "{flag}: {detail}", "{flag}: {detail}"),
    m(
        "usage.cluster_size.range",
        "cluster size '{given}' is not a range: write it as MIN..MAX, e.g. 6..7",
        "Clustergröße '{given}' ist kein Bereich: bitte als MIN..MAX schreiben, z. B. 6..7",
    ),
    m(
        "usage.cluster_size.empty",
        "invalid cluster size {min}..{max}: need 1 <= min <= max, e.g. 6..7",
        "ungültige Clustergröße {min}..{max}: nötig ist 1 <= min <= max, z. B. 6..7",
    ),
    m(
        "usage.clusters.count",
        "cluster count '{given}' not understood: write a number (5) or CLASS=N pairs (Großstadt=2,Mittelstadt=3)",
        "Clusteranzahl '{given}' nicht verstanden: bitte eine Zahl (5) oder KLASSE=N-Paare (Großstadt=2,Mittelstadt=3) angeben",
    ),
    m(
        "usage.clusters.class",
        "cluster count '{given}' for class '{class}' is not a whole number",
        "Clusteranzahl '{given}' für die Klasse '{class}' ist keine ganze Zahl",
    ),
    m(
        "usage.comparability",
        "comparability '{given}' not understood: use strict or adjacent",
        "Vergleichbarkeit '{given}' nicht verstanden: möglich sind strict oder adjacent",
    ),
    m(
        "usage.classes.none",
        "no class thresholds given: use bbsr, kfa or a list like 20000,100000",
        "keine Klassengrenzen angegeben: bitte bbsr, kfa oder eine Liste wie 20000,100000",
    ),
    m(
        "usage.classes.threshold",
        "class threshold '{given}' is not a whole number: use bbsr, kfa or a list like 20000,100000",
        "Klassengrenze '{given}' ist keine ganze Zahl: bitte bbsr, kfa oder eine Liste wie 20000,100000",
    ),
    m(
        "usage.classes.order",
        "class thresholds must be positive and strictly increasing, but {before} is followed by {after}",
        "Klassengrenzen müssen positiv sein und streng steigen, aber auf {before} folgt {after}",
    ),
    m(
        "usage.classes.many",
        "{count} size classes are too many (at most 251)",
        "{count} Größenklassen sind zu viele (höchstens 251)",
    ),
    m(
        "usage.criterion.attribute",
        "criterion '{given}' names no attribute: write ATTRIBUTE, e.g. Erfahrung or district",
        "Kriterium '{given}' nennt kein Merkmal: bitte MERKMAL schreiben, z. B. Erfahrung oder district",
    ),
    m(
        "usage.criterion.weight",
        "weight '{weight}' in criterion '{given}' is not a number >= 0 (e.g. 1 or 0.5)",
        "Gewicht '{weight}' im Kriterium '{given}' ist keine Zahl >= 0 (z. B. 1 oder 0.5)",
    ),
    m(
        "usage.criterion.quota",
        "quota '{given}' is not understood: write ATTRIBUTE=VALUE:N, e.g. Erfahrung=ja:1 (VALUE * counts each value, e.g. state=*:2)",
        "Quote '{given}' nicht verstanden: bitte MERKMAL=WERT:N schreiben, z. B. Erfahrung=ja:1 (WERT * zählt jeden Wert, z. B. state=*:2)",
    ),
    m(
        "usage.criterion.modifier",
        "'{modifier}' in '{given}' is not understood: write ATTRIBUTE (hard) or ATTRIBUTE:soft[=WEIGHT]",
        "'{modifier}' in '{given}' nicht verstanden: bitte MERKMAL (hart) oder MERKMAL:soft[=GEWICHT] schreiben",
    ),
];
