//! The status in a few plain words beside the page's status badge
//! (`status.*.short`; the badge itself shows the report's status word, the
//! test hook): how far from the best possible, proven or not. The full
//! sentence is `status.*.sentence` (`rules`).

use super::{Message, m};

/// The entries.
pub(super) const SCOREBOARD: &[Message] = &[
    m(
        "status.optimal.short",
        "proven best possible",
        "nachweislich bestmöglich",
    ),
    m(
        "status.time_limit.short",
        "at most {gap} % below the best possible",
        "höchstens {gap} % unter dem Bestmöglichen",
    ),
    m(
        "status.heuristic.short",
        "no proof: up to {gap} % below",
        "ohne Beweis: bis zu {gap} % darunter",
    ),
    m(
        "status.interrupted.short",
        "stopped: at most {gap} % below the best possible",
        "abgebrochen: höchstens {gap} % unter dem Bestmöglichen",
    ),
    m(
        "status.evaluated.short",
        "at most {gap} % below the best possible",
        "höchstens {gap} % unter dem Bestmöglichen",
    ),
    m(
        "status.edited.short",
        "breaks rules: see the list below",
        "verletzt Regeln: siehe die Liste unten",
    ),
];
