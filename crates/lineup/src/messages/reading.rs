//! What the reader did unasked (issue 11), in words: a column not read,
//! values from the register, names matched as written otherwise, a name
//! that matched a small municipality while a much larger one begins with
//! it. See [`InputWarning::text`](crate::InputWarning::text).

use super::{Message, m};

/// The entries.
pub(super) const READING: &[Message] = &[
    m(
        "input.warning",
        "warning: {file}: {text}",
        "Warnung: {file}: {text}",
    ),
    m("cli.note", "note: {text}", "Hinweis: {text}"),
    m(
        "input.unread_column",
        "column `{header}` is not read; {meant} taken from the register ({source}) — rename it to `{rename_to}` to use yours",
        "Spalte `{header}` wird nicht gelesen; {meant} aus dem Register übernommen ({source}) — benennen Sie sie in `{rename_to}` um, damit Ihre Werte gelten",
    ),
    m(
        "input.from_register.one",
        "`{column}` of {rows} row taken from the register ({source}): {list}",
        "`{column}` von {rows} Zeile aus dem Register übernommen ({source}): {list}",
    ),
    m(
        "input.from_register.other",
        "`{column}` of {rows} rows taken from the register ({source}): {list}",
        "`{column}` von {rows} Zeilen aus dem Register übernommen ({source}): {list}",
    ),
    m(
        "input.matched.one",
        "{count} name matched to the register as written otherwise (check it): {list}",
        "{count} Name einem anders geschriebenen Registereintrag zugeordnet (bitte prüfen): {list}",
    ),
    m(
        "input.matched.other",
        "{count} names matched to the register as written otherwise (check them): {list}",
        "{count} Namen anders geschriebenen Registereinträgen zugeordnet (bitte prüfen): {list}",
    ),
    m("input.more", "{list} and {n} more", "{list} und {n} weitere"),
    m(
        "input.source.population",
        "Destatis, population 31.12.2019",
        "Destatis, Bevölkerung 31.12.2019",
    ),
    m(
        "input.source.other",
        "Destatis, 31.12.2020",
        "Destatis, 31.12.2020",
    ),
    m("input.column.id", "id", "Gemeindeschlüssel"),
    m("input.column.name", "name", "Gemeinde"),
    m("input.column.state", "state", "Land"),
    m("input.column.state_code", "state_code", "Landeskennziffer"),
    m("input.column.population", "population", "Einwohner"),
    m("input.column.lat", "lat", "Breite"),
    m("input.column.lon", "lon", "Länge"),
    m("input.column.lat_lon", "lat, lon", "Breite, Länge"),
    m("input.column.size_class", "size_class", "Größenklasse"),
    m("input.column.cluster", "cluster", "Cluster"),
    m(
        "input.town",
        "{name} ({land}, {id}, {population} inhabitants)",
        "{name} ({land}, {id}, {population} Einwohner)",
    ),
    m(
        "input.shadowed",
        "{place}: `{given}` was taken for {found}, but {larger} begins with the same name and is much larger; no population tells them apart — to mean the larger one, write its full name or give the Land (a `Land` column)",
        "{place}: `{given}` wurde als {found} gelesen, aber {larger} beginnt mit demselben Namen und ist viel größer; keine Einwohnerzahl unterscheidet sie — für die größere schreiben Sie den vollen Namen oder geben das Land an (eine Spalte `Land`)",
    ),
    m("input.place.row", "row {n}", "Zeile {n}"),
    m("input.place.entry", "entry {n}", "Eintrag {n}"),
];
