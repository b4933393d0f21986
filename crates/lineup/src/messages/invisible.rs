//! Invisible characters removed from input cells (zero-width space,
//! joiners, byte-order mark): where, per column.

use super::{Message, m};

/// The entries.
pub(super) const INVISIBLE: &[Message] = &[
    m(
        "input.invisible.one",
        "`{column}`: invisible characters (zero-width space, joiner or byte-order mark) removed from 1 cell: {places}; check this value",
        "`{column}`: unsichtbare Zeichen (Leerzeichen ohne Breite, Verbinder oder Byte-Order-Mark) aus 1 Zelle entfernt: {places}; bitte diesen Wert prüfen",
    ),
    m(
        "input.invisible.many",
        "`{column}`: invisible characters (zero-width space, joiner or byte-order mark) removed from {count} cells: {places}; check these values",
        "`{column}`: unsichtbare Zeichen (Leerzeichen ohne Breite, Verbinder oder Byte-Order-Mark) aus {count} Zellen entfernt: {places}; bitte diese Werte prüfen",
    ),
    m("input.invisible.rows", "rows {list}", "Zeilen {list}"),
    m("input.invisible.row", "row {list}", "Zeile {list}"),
    m("input.invisible.entries", "entries {list}", "Einträge {list}"),
    m("input.invisible.entry", "entry {list}", "Eintrag {list}"),
    m(
        "input.invisible.more",
        "{list} and {n} more",
        "{list} und {n} weitere",
    ),
];
