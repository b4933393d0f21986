//! The command line's own words around the library's texts (issue 11): the
//! `error:` prefix, files it cannot open or write, notes on stderr. The
//! operating system's reason (`{reason}`) stays as the system words it.

use super::{Message, m};

/// The entries.
pub(super) const CLI: &[Message] = &[
    m("cli.error", "error: {text}", "Fehler: {text}"),
    m(
        "cli.cannot_open",
        "cannot open {file}: {reason}; check the path and that the file is readable",
        "{file} lässt sich nicht öffnen: {reason}; prüfen Sie den Pfad und ob die Datei lesbar ist",
    ),
    m(
        "cli.cannot_write",
        "cannot write {file}: {reason}; check that the folder exists and is writable",
        "{file} lässt sich nicht schreiben: {reason}; prüfen Sie, ob der Ordner existiert und beschreibbar ist",
    ),
    m(
        "cli.interrupted",
        "interrupted: stopping the search and writing the best lineup found so far (press Ctrl-C again to quit at once)",
        "unterbrochen: die Suche endet, die beste bisher gefundene Aufstellung wird geschrieben (nochmals Strg-C bricht sofort ab)",
    ),
];
