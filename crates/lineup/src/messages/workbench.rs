//! The workbench's own texts: errors in input files in the planner's
//! language (`input.*`: place, field and what is wrong), singular forms of
//! the page's counts (`KEY.one` beside `KEY`, which the page picks for a
//! count of one) and the texts of the server's own errors (`server.*`).

use super::{Message, m};

/// The entries.
pub(super) const WORKBENCH: &[Message] = &[
    // Where an input error is.
    m("input.row", "row {n}", "Zeile {n}"),
    m("input.entry", "entry {n}", "Eintrag {n}"),
    m(
        "input.at_field",
        "{place}, field `{field}`: {what}",
        "{place}, Feld `{field}`: {what}",
    ),
    m("input.at", "{place}: {what}", "{place}: {what}"),
    m("input.field", "field `{field}`: {what}", "Feld `{field}`: {what}"),
    // What is wrong.
    m(
        "input.rows",
        "{n} rows cannot be used; correct them all and run again:",
        "{n} Zeilen sind nicht verwendbar; bitte alle korrigieren und erneut starten:",
    ),
    m("input.rows.more", "and {n} more", "und {n} weitere"),
    m(
        "input.empty",
        "the input is empty: expected a header row (id,name,state,population,lat,lon) and one row per municipality",
        "die Eingabe ist leer: erwartet werden eine Kopfzeile (id,name,state,population,lat,lon) und eine Zeile je Kommune",
    ),
    m(
        "input.no_rows",
        "the input has a header but no municipality rows: add at least one municipality",
        "die Eingabe hat eine Kopfzeile, aber keine Kommunen: bitte mindestens eine Kommune ergänzen",
    ),
    m(
        "input.missing_column",
        "missing column `{column}` (found: {found}): add a column with one of these headers: {accepted}",
        "Spalte `{column}` fehlt (vorhanden: {found}): bitte eine Spalte mit einer dieser Überschriften ergänzen: {accepted}",
    ),
    m(
        "input.empty_value",
        "the value is empty: fill in {expected}",
        "der Wert ist leer: bitte {expected} eintragen",
    ),
    m(
        "input.bad_number",
        "{value} is {what}: correct the value",
        "{value} ist {what}: bitte den Wert korrigieren",
    ),
    m(
        "input.duplicate_id",
        "duplicate id {id} (first seen in {first}): ids must be unique; remove or renumber one of them",
        "Kennung {id} doppelt (zuerst in {first}): Kennungen müssen eindeutig sein; bitte eine der beiden entfernen oder neu nummerieren",
    ),
    m(
        "input.same_municipality",
        "{id} is the same municipality as {first}: both are {register} in the register; keep one of the two rows",
        "{id} ist dieselbe Kommune wie {first}: beide sind {register} im Verzeichnis; bitte nur eine der beiden Zeilen behalten",
    ),
    m(
        "input.unknown_member",
        "cluster {cluster} lists {id}, which is not an id in the municipality file: use the ids of that file",
        "Cluster {cluster} nennt {id}, das keine Kennung der Kommunendatei ist: bitte die Kennungen dieser Datei verwenden",
    ),
    // What was expected (the library's phrases; looked up by their English text).
    m(
        "input.expected.inhabitants",
        "a whole number of inhabitants > 0",
        "eine ganze Zahl von Einwohnern > 0",
    ),
    m(
        "input.expected.degrees",
        "a decimal number of degrees (WGS84, e.g. 52.517 or 52,517)",
        "eine Dezimalzahl in Grad (WGS84, z. B. 52.517 oder 52,517)",
    ),
    // The same, denied ("is not a whole number" / "ist keine ganze Zahl").
    m(
        "input.expected.inhabitants.not",
        "not a whole number of inhabitants > 0",
        "keine ganze Zahl von Einwohnern > 0",
    ),
    m(
        "input.expected.degrees.not",
        "not a decimal number of degrees (WGS84, e.g. 52.517 or 52,517)",
        "keine Dezimalzahl in Grad (WGS84, z. B. 52.517 oder 52,517)",
    ),
    m("input.expected.not", "not {expected}", "nicht {expected}"),
    m(
        "input.expected.id_or_name",
        "an id (the 8-digit AGS) or a name",
        "eine Kennung (den 8-stelligen AGS) oder einen Namen",
    ),
    // The server's own errors.
    m(
        "server.too_large",
        "the request body is larger than {mb} MB, the most this server takes: split the file or remove columns it does not need",
        "die Anfrage ist größer als {mb} MB, mehr nimmt dieser Server nicht an: bitte die Datei teilen oder nicht benötigte Spalten entfernen",
    ),
    m(
        "server.busy",
        "the server is busy with other solves: try again in {s} s",
        "der Server rechnet gerade andere Aufstellungen: bitte in {s} s erneut versuchen",
    ),
    m(
        "server.cancelled",
        "cancelled before a lineup was found",
        "abgebrochen, bevor eine Aufstellung gefunden wurde",
    ),
    // The printed summary.
    m("page.print.status", "Status", "Status"),
    m(
        "page.print.counts",
        "{n} municipalities in {clusters} clusters.",
        "{n} Kommunen in {clusters} Clustern.",
    ),
    m(
        "page.print.map",
        "Each member in its cluster's colour and shape (as in the table); a line joins each cluster's members from west to east.",
        "Jedes Mitglied in Farbe und Form seines Clusters (wie in der Tabelle); eine Linie verbindet die Mitglieder eines Clusters von West nach Ost.",
    ),
    m("page.print.lands", "Länder", "Länder"),
    m("page.print.same", "same Land", "gleiches Land"),
    m("page.print.km", "Ø km", "Ø km"),
    // Singular forms of the page's counts (the page takes KEY.one for n = 1).
    m("page.card.size.one", "{n} member", "{n} Mitglied"),
    m("page.card.lands.one", "{n} Land", "{n} Land"),
    m(
        "page.card.same.one",
        "{n} same-Land pair",
        "{n} Paar aus einem Land",
    ),
    m(
        "page.card.mixed.one",
        "{n} mixed-class pair",
        "{n} gemischtes Paar",
    ),
    m(
        "page.run.solved.one",
        "{n} cluster in {s} s.",
        "{n} Cluster in {s} s.",
    ),
    m(
        "page.breaches.title.one",
        "This lineup breaks {n} rule:",
        "Diese Aufstellung verletzt {n} Regel:",
    ),
    m(
        "page.breaches.count.one",
        "It breaks {n} rule.",
        "Sie verletzt {n} Regel.",
    ),
    m(
        "page.load.done.one",
        "{count} municipality read from {name}.",
        "{count} Kommune aus {name} gelesen.",
    ),
    m(
        "page.load.summary.one",
        "{count} municipality from {name}",
        "{count} Kommune aus {name}",
    ),
    m(
        "page.load.more_rows.one",
        "… and {count} more row",
        "… und {count} weitere Zeile",
    ),
];
