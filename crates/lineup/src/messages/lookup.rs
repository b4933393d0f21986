//! Names that match no municipality, or several (issue 11): the register's
//! look-up errors ([`LookupError`](crate::register::LookupError)), a
//! problem's own names ([`KeyError`](crate::KeyError)) and an unknown Land.
//! `{list}` and `{similar}` are candidates as `name (Land, Kreis, AGS)`, the
//! same in both languages; `{more}` counts those not listed.

use super::{Message, m};

/// The entries.
pub(super) const LOOKUP: &[Message] = &[
    m("lookup.more", "and {n} more", "und {n} weitere"),
    m("lookup.in_land", " in {land}", " in {land}"),
    m(
        "lookup.ambiguous",
        "\"{name}\" matches {n} municipalities: {list}; add a `state` column or give the `id` (AGS)",
        "„{name}“ passt auf {n} Gemeinden: {list}; ergänzen Sie eine Spalte `Bundesland` oder geben Sie den Gemeindeschlüssel (`id`, AGS) an",
    ),
    m(
        "lookup.ambiguous_in_land",
        "\"{name}\" matches {n} municipalities in {land}: {list}; give the `id` (AGS) instead",
        "„{name}“ passt auf {n} Gemeinden in {land}: {list}; geben Sie stattdessen den Gemeindeschlüssel (`id`, AGS) an",
    ),
    m(
        "lookup.unknown_name",
        "\"{name}\" is no municipality{within} in the register (Destatis, 31.12.2020); correct the name, or give the `id` (AGS)",
        "„{name}“ ist keine Gemeinde{within} im Gemeindeverzeichnis (Destatis, 31.12.2020); korrigieren Sie den Namen oder geben Sie den Gemeindeschlüssel (`id`, AGS) an",
    ),
    m(
        "lookup.unknown_name_similar",
        "\"{name}\" is no municipality{within} in the register (Destatis, 31.12.2020); similar names: {similar}; correct the name, or give the `id` (AGS)",
        "„{name}“ ist keine Gemeinde{within} im Gemeindeverzeichnis (Destatis, 31.12.2020); ähnliche Namen: {similar}; korrigieren Sie den Namen oder geben Sie den Gemeindeschlüssel (`id`, AGS) an",
    ),
    m(
        "lookup.other_land",
        "\"{name}\" is no municipality in {land}, but the register has {list}; correct the `state`, or give the `id` (AGS)",
        "„{name}“ ist keine Gemeinde in {land}, das Gemeindeverzeichnis kennt aber {list}; korrigieren Sie das Bundesland (`state`) oder geben Sie den Gemeindeschlüssel (`id`, AGS) an",
    ),
    m(
        "lookup.unknown_id",
        "\"{id}\" is no AGS in the register (Destatis, 31.12.2020), so {missing} cannot be filled in; correct the id, or give them in the file",
        "„{id}“ ist kein Gemeindeschlüssel des Gemeindeverzeichnisses (Destatis, 31.12.2020), daher können {missing} nicht ergänzt werden; korrigieren Sie den Schlüssel oder geben Sie die Werte in der Datei an",
    ),
    m(
        "lookup.unknown_id.one",
        "\"{id}\" is no AGS in the register (Destatis, 31.12.2020), so {missing} cannot be filled in; correct the id, or give it in the file",
        "„{id}“ ist kein Gemeindeschlüssel des Gemeindeverzeichnisses (Destatis, 31.12.2020), daher kann {missing} nicht ergänzt werden; korrigieren Sie den Schlüssel oder geben Sie den Wert in der Datei an",
    ),
    m(
        "lookup.unknown_id_similar",
        "\"{id}\" is no AGS in the register (Destatis, 31.12.2020), so {missing} cannot be filled in (similar ids: {similar}); correct the id, or give them in the file",
        "„{id}“ ist kein Gemeindeschlüssel des Gemeindeverzeichnisses (Destatis, 31.12.2020), daher können {missing} nicht ergänzt werden (ähnliche Schlüssel: {similar}); korrigieren Sie den Schlüssel oder geben Sie die Werte in der Datei an",
    ),
    m(
        "lookup.unknown_id_similar.one",
        "\"{id}\" is no AGS in the register (Destatis, 31.12.2020), so {missing} cannot be filled in (similar ids: {similar}); correct the id, or give it in the file",
        "„{id}“ ist kein Gemeindeschlüssel des Gemeindeverzeichnisses (Destatis, 31.12.2020), daher kann {missing} nicht ergänzt werden (ähnliche Schlüssel: {similar}); korrigieren Sie den Schlüssel oder geben Sie den Wert in der Datei an",
    ),
    m(
        "lookup.population_mismatch",
        "\"{name}\" is {found} with {found_population} inhabitants, but the file gives {given}; {list} fits that number: write its full name, add a `state` column, or give the `id` (AGS)",
        "„{name}“ ist {found} mit {found_population} Einwohnern, die Datei nennt aber {given}; zu dieser Zahl passt {list}: schreiben Sie den vollen Namen, ergänzen Sie eine Spalte `Bundesland` oder geben Sie den Gemeindeschlüssel (`id`, AGS) an",
    ),
    // A problem's own names (links, pins, what-if changes).
    m(
        "lookup.key_not_found",
        "\"{key}\" is neither an id nor a name in the input; check the spelling, or use the ids of that file (e.g. the 8-digit AGS)",
        "„{key}“ ist weder eine Kennung noch ein Name der Eingabe; prüfen Sie die Schreibweise oder verwenden Sie die Kennungen der Datei (z. B. den 8-stelligen Gemeindeschlüssel)",
    ),
    m(
        "lookup.key_not_found_similar",
        "\"{key}\" is neither an id nor a name in the input; did you mean {similar}?",
        "„{key}“ ist weder eine Kennung noch ein Name der Eingabe; meinten Sie {similar}?",
    ),
    m(
        "lookup.key_ambiguous",
        "\"{key}\" names {n} municipalities: {list}; give the id, or the name with its Land (e.g. \"{example}\")",
        "„{key}“ bezeichnet {n} Kommunen: {list}; geben Sie die Kennung an oder den Namen mit seinem Land (z. B. „{example}“)",
    ),
    m(
        "lookup.unknown_land",
        "unknown Land \"{given}\": expected a German name (Bayern), an abbreviation (BY) or an AGS Land code (09)",
        "unbekanntes Land „{given}“: erwartet wird ein Name (Bayern), eine Abkürzung (BY) oder die Landesnummer des Gemeindeschlüssels (09)",
    ),
];
