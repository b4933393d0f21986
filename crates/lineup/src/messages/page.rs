//! The workbench page: titles, buttons, hints and notices.

use super::{Message, m};

/// The entries.
pub(super) const PAGE: &[Message] = &[
    m("page.title", "lineup workbench", "lineup-Werkbank"),
    m("page.language", "Language", "Sprache"),
    m("page.score", "Penalty · spread", "Strafpunkte · Streuung"),
    m(
        "page.score.weighted",
        "Spread − penalty",
        "Streuung − Strafpunkte",
    ),
    m(
        "page.score.hint",
        "Penalty points (fewer is better) · spread (more is better)",
        "Strafpunkte (weniger ist besser) · Streuung (mehr ist besser)",
    ),
    m(
        "page.score.hint.weighted",
        "Spread minus penalty (more is better)",
        "Streuung minus Strafpunkte (mehr ist besser)",
    ),
    m("page.undo", "Undo", "Rückgängig"),
    m(
        "page.undo.hint",
        "Undo the last change (Ctrl+Z)",
        "Letzte Änderung zurücknehmen (Strg+Z)",
    ),
    m("page.redo", "Redo", "Wiederholen"),
    m(
        "page.redo.hint",
        "Redo the change undone last (Ctrl+Y)",
        "Zurückgenommene Änderung wiederholen (Strg+Y)",
    ),
    m(
        "page.delta",
        "change: penalty {penalty}, spread {spread}",
        "Änderung: Strafpunkte {penalty}, Streuung {spread}",
    ),
    m(
        "page.delta.same",
        "no change of the score",
        "Bewertung unverändert",
    ),
    m("page.delta.better", "better than before", "besser als vorher"),
    m("page.delta.worse", "worse than before", "schlechter als vorher"),
    m("page.error", "Something went wrong:", "Etwas ist schiefgegangen:"),
    // Intro.
    m(
        "page.intro.title",
        "Compose clusters of municipalities",
        "Cluster von Kommunen zusammenstellen",
    ),
    m(
        "page.intro.text",
        "Load a list of municipalities, check the settings, press Solve. Then drag members between clusters (or select one and press Enter on another cluster): the score and every broken rule update at once. Nothing leaves this computer.",
        "Laden Sie eine Liste von Kommunen, prüfen Sie die Einstellungen und drücken Sie „Berechnen“. Danach können Sie Mitglieder zwischen Clustern ziehen (oder eines auswählen und bei einem anderen Cluster Enter drücken): Bewertung und verletzte Regeln werden sofort neu berechnet. Keine Daten verlassen diesen Rechner.",
    ),
    // Step 1: the list.
    m("page.load.title", "Municipalities", "Kommunen"),
    m("page.load.pick", "Choose a spreadsheet", "Tabelle auswählen"),
    m(
        "page.load.drop",
        "or drop it here: CSV, Excel (.xlsx) or JSON; German exports are fine. Only the AGS or the name is needed. A saved session loads the same way.",
        "oder hierher ziehen: CSV, Excel (.xlsx) oder JSON, auch deutsche Exporte. Nötig ist nur der Gemeindeschlüssel oder der Name. Eine gespeicherte Sitzung wird genauso geladen.",
    ),
    m(
        "page.load.done",
        "{count} municipalities read from {name}.",
        "{count} Kommunen aus {name} gelesen.",
    ),
    m(
        "page.load.error",
        "The file could not be read:",
        "Die Datei konnte nicht gelesen werden:",
    ),
    m(
        "page.load.summary",
        "{count} municipalities from {name}",
        "{count} Kommunen aus {name}",
    ),
    m(
        "page.load.rows",
        "How each row was read",
        "So wurde jede Zeile gelesen",
    ),
    m(
        "page.load.in_register",
        "as in the register",
        "wie im Verzeichnis",
    ),
    m(
        "page.load.own_values",
        "own name or key",
        "eigener Name oder Schlüssel",
    ),
    m(
        "page.load.more_rows",
        "… and {count} more rows",
        "… und {count} weitere Zeilen",
    ),
    m(
        "page.load.register_note",
        "Values a row lacks come from the municipality register (Destatis, 31.12.2020; population 31.12.2019).",
        "Fehlende Werte stammen aus dem Gemeindeverzeichnis (Destatis, 31.12.2020; Einwohner 31.12.2019).",
    ),
    m("page.load.add", "Add municipalities", "Kommunen hinzufügen"),
    m(
        "page.load.search",
        "Search the register",
        "Im Gemeindeverzeichnis suchen",
    ),
    m(
        "page.load.search.placeholder",
        "name or AGS, e.g. Gotha",
        "Name oder AGS, z. B. Gotha",
    ),
    m("page.load.none", "nothing found", "nichts gefunden"),
    m(
        "page.load.paste",
        "Paste names or AGS keys, one per line",
        "Namen oder Gemeindeschlüssel einfügen, einer je Zeile",
    ),
    m(
        "page.load.paste.placeholder",
        "Gotha\n09162000\nNeustadt; Bayern",
        "Gotha\n09162000\nNeustadt; Bayern",
    ),
    m("page.load.paste.add", "Add these", "Hinzufügen"),
    m("page.load.pasted", "pasted list", "eingefügte Liste"),
    m("page.load.searched", "register search", "Suche im Verzeichnis"),
    m("page.load.added", "Added: {names}.", "Hinzugefügt: {names}."),
    m(
        "page.load.already",
        "Already on the list: {names}.",
        "Schon in der Liste: {names}.",
    ),
    m("page.col.id", "AGS / id", "AGS / Kennung"),
    m("page.col.name", "Name", "Name"),
    m("page.col.state", "Land", "Land"),
    m("page.col.population", "Population", "Einwohner"),
    m("page.col.class", "Size class", "Größenklasse"),
    m("page.col.register", "Matched", "Zuordnung"),
    // Step 2: settings.
    m("page.settings.title", "Settings", "Einstellungen"),
    m("page.settings.more", "More settings", "Weitere Einstellungen"),
    m("page.settings.default", "default", "Standard"),
    m(
        "page.settings.error",
        "A setting is not valid:",
        "Eine Einstellung ist ungültig:",
    ),
    // Step 3: compose.
    m("page.run.title", "Compose", "Zusammenstellen"),
    m("page.run.solve", "Solve", "Berechnen"),
    m("page.run.cancel", "Cancel", "Abbrechen"),
    m(
        "page.run.reoptimise",
        "Re-optimise around my changes",
        "Um meine Änderungen herum neu optimieren",
    ),
    m(
        "page.run.reoptimise.hint",
        "Keeps the members you moved where you put them and solves the rest again",
        "Lässt die von Ihnen verschobenen Mitglieder, wo sie sind, und berechnet den Rest neu",
    ),
    m(
        "page.run.whatif",
        "Re-solve after joining and leaving",
        "Nach Zu- und Abgängen neu berechnen",
    ),
    m(
        "page.run.whatif.hint",
        "Places new municipalities and fills gaps, moving as few members as possible",
        "Ordnet neue Kommunen ein und schließt Lücken, mit so wenigen Verschiebungen wie möglich",
    ),
    m(
        "page.run.alternatives",
        "Compute alternatives",
        "Alternativen berechnen",
    ),
    m(
        "page.run.solved",
        "{n} clusters in {s} s.",
        "{n} Cluster in {s} s.",
    ),
    m("page.run.cancelled", "Cancelled.", "Abgebrochen."),
    m(
        "page.run.interrupted",
        "Cancelled after {s} s: the best lineup found until then ({n} clusters), checked, but not proven optimal.",
        "Abgebrochen nach {s} s: die beste bis dahin gefundene Aufstellung ({n} Cluster), geprüft, aber nicht als optimal bewiesen.",
    ),
    m(
        "page.run.busy",
        "The computer is busy with other calculations:",
        "Der Rechner ist mit anderen Berechnungen beschäftigt:",
    ),
    m("page.run.error", "No lineup:", "Keine Aufstellung:"),
    m(
        "page.run.nothing_moved",
        "No member was moved by hand: solving again with the pins only.",
        "Kein Mitglied wurde von Hand verschoben: neu berechnet nur mit den festen Mitgliedern.",
    ),
    m(
        "page.progress.bound",
        "bound {penalty} / {spread}",
        "Schranke {penalty} / {spread}",
    ),
    m(
        "page.whatif.done",
        "{joined} joined, {moved} moved, {left} left.",
        "{joined} neu, {moved} verschoben, {left} ausgeschieden.",
    ),
    m(
        "page.alt.label",
        "Alternative {i} of {n}: {gap} % below the best, {d} municipalities elsewhere",
        "Alternative {i} von {n}: {gap} % unter der besten, {d} Kommunen anders eingeteilt",
    ),
    // Step 4: export.
    m("page.export.title", "Export", "Exportieren"),
    m("page.export.svg", "Map (SVG)", "Karte (SVG)"),
    m("page.export.png", "Map (PNG)", "Karte (PNG)"),
    m("page.export.print", "Print summary", "Zusammenfassung drucken"),
    m("page.export.save", "Save session", "Sitzung speichern"),
    m(
        "page.export.hint",
        "Exports are checked again by the server before they are written. A session file holds the list, the settings and the lineup: load it like a spreadsheet.",
        "Exporte werden vor dem Schreiben noch einmal geprüft. Eine Sitzungsdatei enthält Liste, Einstellungen und Aufstellung: Sie wird wie eine Tabelle geladen.",
    ),
    m(
        "page.export.invalid",
        "The lineup breaks rules: fix them (or undo) before exporting.",
        "Die Aufstellung verletzt Regeln: bitte erst beheben (oder rückgängig machen), dann exportieren.",
    ),
    m(
        "page.export.error",
        "The export failed:",
        "Der Export ist fehlgeschlagen:",
    ),
    m(
        "page.session.loaded",
        "Session of {name} loaded.",
        "Sitzung von {name} geladen.",
    ),
    m(
        "page.session.bad",
        "This session file is not one this version can read.",
        "Diese Sitzungsdatei kann diese Version nicht lesen.",
    ),
    m(
        "page.print.title",
        "Cluster lineup: {name}",
        "Cluster-Aufstellung: {name}",
    ),
    m(
        "page.print.settings",
        "clusters of {size}, classes {classes}",
        "Cluster mit {size} Mitgliedern, Klassen {classes}",
    ),
    m("page.print.cluster", "Cluster", "Cluster"),
    m("page.print.members", "Members", "Mitglieder"),
    m(
        "page.print.foot",
        "Made with lineup on {date}. Data: Destatis Gemeindeverzeichnis 31.12.2020, dl-de/by-2-0; map © GeoBasis-DE / BKG 2021.",
        "Erstellt mit lineup am {date}. Daten: Destatis Gemeindeverzeichnis 31.12.2020, dl-de/by-2-0; Karte © GeoBasis-DE / BKG 2021.",
    ),
    // The lineup: cards, members, breaches.
    m(
        "page.cards.keys",
        "Keyboard: Tab to a member, Enter picks it up; Tab to another cluster's name (move) or member (swap) and press Enter; Esc puts it back; Ctrl+Z undoes. With the mouse: drag a member onto another cluster, with Shift onto a member to swap.",
        "Tastatur: mit Tab zu einem Mitglied, Enter nimmt es auf; mit Tab zum Namen eines anderen Clusters (verschieben) oder zu einem Mitglied (tauschen) und Enter; Esc legt es zurück; Strg+Z macht rückgängig. Mit der Maus: Mitglied auf einen anderen Cluster ziehen, mit Umschalt auf ein Mitglied zum Tauschen.",
    ),
    m("page.cards.find", "Find", "Suchen"),
    m(
        "page.cards.find.placeholder",
        "municipality or cluster, then Enter",
        "Kommune oder Cluster, dann Enter",
    ),
    m(
        "page.cards.page",
        "Clusters {from}–{to} of {total} (the map shows all)",
        "Cluster {from}–{to} von {total} (die Karte zeigt alle)",
    ),
    m("page.card.size", "{n} members", "{n} Mitglieder"),
    m("page.card.lands", "{n} Länder", "{n} Länder"),
    m(
        "page.card.same",
        "{n} same-Land pairs",
        "{n} Paare aus einem Land",
    ),
    m("page.card.mixed", "{n} mixed-class pairs", "{n} gemischte Paare"),
    m("page.card.mean", "Ø {km} km", "Ø {km} km"),
    m("page.card.unplaced", "Not in a cluster", "Ohne Cluster"),
    m(
        "page.card.target",
        "Put the picked-up member here (or highlight this cluster on the map)",
        "Aufgenommenes Mitglied hierher verschieben (oder diesen Cluster auf der Karte hervorheben)",
    ),
    m("page.mark.joined", "new", "neu"),
    m("page.mark.moved", "moved", "verschoben"),
    m("page.mark.differs", "elsewhere", "anders"),
    m("page.pin.fix", "Fix to this cluster", "An diesen Cluster binden"),
    m(
        "page.pin.release",
        "Release from this cluster",
        "Bindung an diesen Cluster lösen",
    ),
    m("page.member.remove", "Take off the list", "Von der Liste nehmen"),
    m(
        "page.member.remove.confirm",
        "Take {name} off the list? A what-if re-solve then closes the gap.",
        "{name} von der Liste nehmen? Eine Neuberechnung nach Zu- und Abgängen schließt danach die Lücke.",
    ),
    m(
        "page.blocks.title",
        "How the solver reached this (per block)",
        "Wie der Solver dahin kam (je Block)",
    ),
    m(
        "page.blocks.line",
        "{block} ({members} members, {status}):",
        "{block} ({members} Kommunen, {status}):",
    ),
    m(
        "page.breaches.title",
        "This lineup breaks {n} rules:",
        "Diese Aufstellung verletzt {n} Regeln:",
    ),
    m(
        "page.breaches.count",
        "It breaks {n} rules.",
        "Sie verletzt {n} Regeln.",
    ),
    m("page.breaches.more", "… and {n} more", "… und {n} weitere"),
    m(
        "page.evaluate.error",
        "The lineup could not be scored:",
        "Die Aufstellung konnte nicht bewertet werden:",
    ),
    // The explanation.
    m(
        "page.explain.pick",
        "Click a municipality on the map or in a cluster to see why it is there and what moving it would change.",
        "Klicken Sie eine Kommune auf der Karte oder in einem Cluster an: Sie sehen, warum sie dort ist und was ein Wechsel ändern würde.",
    ),
    m(
        "page.explain.share",
        "Its share of the cluster's score: penalty {penalty}, spread {spread}.",
        "Ihr Anteil an der Bewertung des Clusters: Strafpunkte {penalty}, Streuung {spread}.",
    ),
    m(
        "page.explain.same_land",
        "Members from the same Land",
        "Mitglieder aus demselben Land",
    ),
    m(
        "page.explain.bordering",
        "Members from neighbouring Länder",
        "Mitglieder aus Nachbarländern",
    ),
    m("page.explain.nearest", "Nearest member", "Nächstes Mitglied"),
    m("page.explain.none", "none", "keine"),
    m("page.explain.to", "Move to", "Wechsel nach"),
    m("page.explain.swap_with", "swap with {name}", "Tausch mit {name}"),
    m("page.explain.blocked", "not allowed", "nicht erlaubt"),
    m("page.explain.better", "better", "besser"),
    m(
        "page.explain.not_better",
        "allowed, not better",
        "erlaubt, nicht besser",
    ),
    m("page.explain.do_move", "move", "verschieben"),
    m("page.explain.do_swap", "swap", "tauschen"),
    m(
        "page.explain.invalid",
        "This lineup breaks rules; explanations need a valid lineup.",
        "Diese Aufstellung verletzt Regeln; Erklärungen brauchen eine gültige Aufstellung.",
    ),
    m(
        "page.explain.from_valid",
        "As seen from the last valid lineup:",
        "Aus Sicht der letzten gültigen Aufstellung:",
    ),
    m("page.explain.why_note", "Why: {note}.", "Warum: {note}."),
    m(
        "page.explain.why_blocked",
        "Why: moving {name} to {to} is not allowed: {rules}.",
        "Warum: {name} darf nicht nach {to}: {rules}.",
    ),
];
