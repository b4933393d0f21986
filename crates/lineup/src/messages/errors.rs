//! What kind of error the server answered, in a sentence with what to do
//! (`error.kind.*`, one per kind of the API's error JSON). The page shows it
//! above the detailed message.

use super::{Message, m};

/// The entries.
pub(super) const ERRORS: &[Message] = &[
    m(
        "error.kind.usage",
        "A setting is not valid: check the settings panel.",
        "Eine Einstellung ist ungültig: bitte die Einstellungen prüfen.",
    ),
    m(
        "error.kind.request",
        "The request was not understood: reload the page and try again.",
        "Die Anfrage wurde nicht verstanden: bitte die Seite neu laden und es erneut versuchen.",
    ),
    m(
        "error.kind.input",
        "The file has errors: correct the rows named below and load it again.",
        "Die Datei enthält Fehler: bitte die unten genannten Zeilen korrigieren und die Datei erneut laden.",
    ),
    m(
        "error.kind.infeasible",
        "No lineup can meet these rules: relax a setting as suggested below.",
        "Keine Aufstellung erfüllt diese Regeln: bitte eine Einstellung wie unten vorgeschlagen lockern.",
    ),
    m(
        "error.kind.rules",
        "The lineup breaks rules: undo the last change or move the members named below.",
        "Die Aufstellung verletzt Regeln: bitte die letzte Änderung rückgängig machen oder die genannten Mitglieder verschieben.",
    ),
    m(
        "error.kind.busy",
        "The server is busy with other solves: try again in a few seconds.",
        "Der Server rechnet gerade andere Aufstellungen: bitte in einigen Sekunden erneut versuchen.",
    ),
    m(
        "error.kind.too_large",
        "The file is larger than the server takes (64 MB).",
        "Die Datei ist größer, als der Server annimmt (64 MB).",
    ),
    m(
        "error.kind.forbidden",
        "The server refused the request: open the page from the address lineup serve printed.",
        "Der Server hat die Anfrage abgelehnt: bitte die Seite über die Adresse öffnen, die lineup serve ausgegeben hat.",
    ),
    m(
        "error.kind.not_found",
        "Not found: the job may have ended; start it again.",
        "Nicht gefunden: die Berechnung ist vielleicht schon beendet; bitte neu starten.",
    ),
    m(
        "error.kind.cancelled",
        "Cancelled before a lineup was found.",
        "Abgebrochen, bevor eine Aufstellung gefunden wurde.",
    ),
    m(
        "error.kind.internal",
        "An internal error: please report it with the file and settings used.",
        "Ein interner Fehler: bitte mit der Datei und den Einstellungen melden.",
    ),
    m(
        "error.detail",
        "Details (in English, as the command line prints them):",
        "Einzelheiten (auf Englisch, wie die Kommandozeile sie ausgibt):",
    ),
];
