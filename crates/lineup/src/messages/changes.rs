//! What-if and alternatives in words (issue 11): the changes under a
//! what-if table, the notes the library attaches (typed
//! [`Note`](super::note::Note)s), the price of stability and the alternatives'
//! headings. Counts stand after a colon, so one reads as well as many.

use super::{Message, m};

/// The entries.
pub(super) const CHANGES: &[Message] = &[
    // Notes of the library (`Diff::notes`, block notes).
    m(
        "whatif.note.kept",
        "{cluster} fell to {remaining} (left: {gone}; clusters need {min} to {max} members): kept, members now: {members}",
        "{cluster} fiel auf {remaining} (ausgeschieden: {gone}; Cluster brauchen {min} bis {max} Mitglieder): beibehalten, Mitglieder jetzt: {members}",
    ),
    m(
        "whatif.note.closed",
        "{cluster} has no members left (left: {gone}): closed",
        "{cluster} hat keine Mitglieder mehr (ausgeschieden: {gone}): aufgelöst",
    ),
    m(
        "whatif.note.closed_moved",
        "{cluster} fell to {remaining} (left: {gone}; clusters need {min} to {max} members): closed, its remaining members moved",
        "{cluster} fiel auf {remaining} (ausgeschieden: {gone}; Cluster brauchen {min} bis {max} Mitglieder): aufgelöst, die verbliebenen Mitglieder verschoben",
    ),
    m(
        "whatif.block.moves",
        "what-if: baseline members moved: {moves} (at least {needed} needed)",
        "Was-wäre-wenn: verschobene Mitglieder: {moves} (mindestens {needed} nötig)",
    ),
    m(
        "whatif.block.bound",
        "bound from the lineup without stability ({status})",
        "Schranke aus der Aufstellung ohne Stabilität ({status})",
    ),
    // The changes under the table.
    m("whatif.label.changes", "changes", "Änderungen"),
    m("whatif.label.joined", "joined", "neu"),
    m("whatif.label.moved", "moved", "verschoben"),
    m("whatif.label.left", "left", "weg"),
    m("whatif.label.note", "note", "Hinweis"),
    m("whatif.label.objective", "objective", "Zielwert"),
    m("whatif.label.free", "free", "frei"),
    m("whatif.label.moves", "moves", "Wechsel"),
    m("whatif.label.warning", "warning", "Warnung"),
    m("whatif.none", "none", "keine"),
    m(
        "whatif.changes",
        "{joined} joined, {moved} moved, {left} left; opened: {opened}; closed: {closed}",
        "neu: {joined}, verschoben: {moved}, ausgeschieden: {left}; eröffnet: {opened}; aufgelöst: {closed}",
    ),
    m("whatif.joined", "{name} ({id}) → {to}", "{name} ({id}) → {to}"),
    m(
        "whatif.moved",
        "{name} ({id}): {from} → {to}",
        "{name} ({id}): {from} → {to}",
    ),
    m(
        "whatif.left",
        "{name} ({id}) from {from}",
        "{name} ({id}) aus {from}",
    ),
    m(
        "whatif.objective",
        "penalty {before_penalty} → {penalty}; spread {before_spread} → {spread}",
        "Strafpunkte {before_penalty} → {penalty}; Streuung {before_spread} → {spread}",
    ),
    m(
        "whatif.free",
        "without stability ({status}): penalty {penalty}; spread {spread}: stability costs penalty {cost_penalty}, spread {cost_spread}",
        "ohne Stabilität ({status}): Strafpunkte {penalty}; Streuung {spread}: Stabilität kostet Strafpunkte {cost_penalty}, Streuung {cost_spread}",
    ),
    m(
        "whatif.moves.minimal",
        "{moves} (the fewest possible: {bound})",
        "{moves} (die wenigsten möglichen: {bound})",
    ),
    m(
        "whatif.moves.at_least",
        "{moves} (at least: {bound})",
        "{moves} (mindestens: {bound})",
    ),
    // The price of stability (`Diff::stability_cost`).
    m(
        "stability.costly.penalty",
        "keeping members in place costs much: penalty {penalty} instead of {free_penalty} without stability",
        "Mitglieder an ihrem Platz zu halten kostet viel: Strafpunkte {penalty} statt {free_penalty} ohne Stabilität",
    ),
    m(
        "stability.costly.spread",
        "keeping members in place costs much: spread {spread} instead of {free_spread} without stability",
        "Mitglieder an ihrem Platz zu halten kostet viel: Streuung {spread} statt {free_spread} ohne Stabilität",
    ),
    m(
        "stability.recommend",
        "{setting} wins back {share} % of it (solved: penalty {penalty}, spread {spread}, members moved: {moves})",
        "{setting} holt {share} % davon zurück (berechnet: Strafpunkte {penalty}, Streuung {spread}, verschobene Mitglieder: {moves})",
    ),
    m(
        "stability.none_enough",
        "none of the settings tried wins back half of it; the best, {setting}, wins back {share} % (solved: penalty {penalty}, spread {spread}, members moved: {moves})",
        "keine der erprobten Einstellungen holt die Hälfte zurück; die beste, {setting}, holt {share} % zurück (berechnet: Strafpunkte {penalty}, Streuung {spread}, verschobene Mitglieder: {moves})",
    ),
    m(
        "stability.tried",
        "{setting}: penalty {penalty}, spread {spread}, members moved: {moves}",
        "{setting}: Strafpunkte {penalty}, Streuung {spread}, verschobene Mitglieder: {moves}",
    ),
    m("stability.label.tried", "tried", "erprobt"),
    m(
        "stability.setting.max_moves",
        "at most {n} moves",
        "höchstens {n} Wechsel",
    ),
    m(
        "stability.setting.weight",
        "stability weight {w}",
        "Stabilitätsgewicht {w}",
    ),
    // Alternatives.
    m(
        "alternatives.note.single",
        "every size class forms a single cluster, so this lineup is the only one",
        "jede Größenklasse bildet nur einen Cluster, daher ist diese Aufstellung die einzige",
    ),
    m(
        "alternatives.note.interrupted",
        "interrupted; lineups found: {count}",
        "abgebrochen; gefundene Aufstellungen: {count}",
    ),
    m(
        "alternatives.note.time",
        "the time limit ended the search (lineups found: {count}); give it more time for more",
        "das Zeitlimit hat die Suche beendet (gefundene Aufstellungen: {count}); mit mehr Zeit werden es mehr",
    ),
    m(
        "alternatives.note.none",
        "no further lineup differing from the earlier ones in at least {d} municipalities was found",
        "keine weitere Aufstellung gefunden, die sich von den früheren in mindestens {d} Kommunen unterscheidet",
    ),
    m(
        "alternatives.note.none_time",
        "no further lineup differing from the earlier ones in at least {d} municipalities was found within the time limit",
        "innerhalb des Zeitlimits keine weitere Aufstellung gefunden, die sich von den früheren in mindestens {d} Kommunen unterscheidet",
    ),
    m(
        "alternatives.note.none_interrupted",
        "no further lineup differing from the earlier ones in at least {d} municipalities was found before the search was interrupted",
        "bis zum Abbruch keine weitere Aufstellung gefunden, die sich von den früheren in mindestens {d} Kommunen unterscheidet",
    ),
    m(
        "alternatives.block",
        "alternative {rank}: the best lineup found at least {d} municipalities away from the earlier ones",
        "Alternative {rank}: die beste gefundene Aufstellung, die sich in mindestens {d} Kommunen von den früheren unterscheidet",
    ),
    m(
        "alternatives.best",
        "the best lineup found",
        "die beste gefundene Aufstellung",
    ),
    m(
        "alternatives.differs",
        "differs in {list}; gap to the best {gap} %",
        "unterscheidet sich in {list}; Abstand zur besten {gap} %",
    ),
    m("alternatives.from", "{d} from #{rank}", "{d} von Nr. {rank}"),
    m(
        "alternatives.header",
        "== lineup {rank} of {total}: {differs}",
        "== Aufstellung {rank} von {total}: {differs}",
    ),
    m(
        "alternatives.where",
        "where it differs from lineup 1 (municipalities elsewhere: {count}; cluster ids matched to lineup 1):",
        "wo sie sich von Aufstellung 1 unterscheidet (Kommunen anderswo: {count}; Cluster-Kennungen an Aufstellung 1 angeglichen):",
    ),
    m(
        "alternatives.instead",
        "{name} ({id}): {to} instead of {from}",
        "{name} ({id}): {to} statt {from}",
    ),
    m(
        "alternatives.footer",
        "lineups: {total} of {asked}, each differing from every earlier one in at least {d} municipalities",
        "Aufstellungen: {total} von {asked}, jede unterscheidet sich von jeder früheren in mindestens {d} Kommunen",
    ),
    m("alternatives.note", "note: {note}", "Hinweis: {note}"),
];
