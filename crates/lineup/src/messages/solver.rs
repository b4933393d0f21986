//! What the block solver did, in words (issue 11): the notes of a
//! [`BlockReport`](crate::BlockReport) that the table and the report show
//! for a block that is not proven optimal. The solver records them in
//! English; [`block_note`] words one in a language by matching it against
//! these templates (`solver.*`, and what-if's `whatif.block.*`), the notes
//! inside a note (`level 1: {note}`) as well. A note no template matches
//! stays as it is.

use super::{Lang, Message, all, fill, m, text};

/// The entries. A template with a literal text comes before a more general
/// one that would match it too (`level 1: {note}` last).
pub(super) const SOLVER: &[Message] = &[
    m(
        "solver.level1_meets",
        "level 1 meets its closed-form bound",
        "Stufe 1 (Strafpunkte) erreicht ihre Schranke aus der geschlossenen Formel",
    ),
    m(
        "solver.count_proven",
        "same-Land pairs proven minimal ({pairs}) by the count model",
        "Paare aus demselben Land nachweislich minimal ({pairs}), bewiesen mit dem Zählmodell",
    ),
    m(
        "solver.count_infeasible_ignored",
        "count model reported infeasible although a lineup exists; ignored",
        "das Zählmodell meldete „unlösbar“, obwohl eine Aufstellung existiert; nicht berücksichtigt",
    ),
    m(
        "solver.count_decode",
        "count model solution did not decode consistently",
        "die Lösung des Zählmodells ließ sich nicht widerspruchsfrei in eine Aufstellung übersetzen",
    ),
    m(
        "solver.count_untrusted",
        "{backend} claimed an optimum worse than a known lineup; not trusted",
        "{backend} meldete ein Optimum, das schlechter ist als eine bekannte Aufstellung; nicht übernommen",
    ),
    m(
        "solver.count_time",
        "count model stopped at the time limit",
        "das Zählmodell stoppte am Zeitlimit",
    ),
    m(
        "solver.level1_too_large_criteria",
        "level 1: block too large for the exact method of the criteria",
        "Stufe 1 (Strafpunkte): Block zu groß für das exakte Verfahren der Kriterien",
    ),
    m(
        "solver.level1_too_large_mixed",
        "level 1: block too large for the exact mixed-class method",
        "Stufe 1 (Strafpunkte): Block zu groß für das exakte Verfahren gemischter Größenklassen",
    ),
    m(
        "solver.level2_too_large",
        "level 2: {n} members exceed the exact method's reach ({max}); bound from closed form",
        "Stufe 2 (Streuung): {n} Mitglieder übersteigen die Reichweite des exakten Verfahrens ({max}); Schranke aus der geschlossenen Formel",
    ),
    m(
        "solver.forced",
        "one cluster: the lineup is forced",
        "ein einziges Cluster: die Aufstellung steht fest",
    ),
    m(
        "solver.exact_failed_check",
        "exact lineup failed the block check; kept the heuristic one",
        "die exakte Aufstellung bestand die Prüfung des Blocks nicht; die heuristische bleibt",
    ),
    m(
        "solver.interrupted",
        "interrupted: the remaining steps were skipped",
        "unterbrochen: die übrigen Schritte entfielen",
    ),
    m(
        "solver.closed_form",
        "evaluated against closed-form bounds",
        "bewertet gegen Schranken aus geschlossenen Formeln",
    ),
    m(
        "solver.splits_must_link",
        "incumbent splits a must-link group",
        "die bisher beste Aufstellung trennt eine Muss-zusammen-Gruppe",
    ),
    m(
        "solver.dual_stopped",
        "dual LP stopped in round {round}: {why}",
        "duales LP in Runde {round} abgebrochen: {why}",
    ),
    m(
        "solver.pricing_budget",
        "pricing ran out of budget in round {round}",
        "die Suche nach neuen Kandidaten-Clustern (Pricing) hat in Runde {round} ihr Budget aufgebraucht",
    ),
    m(
        "solver.no_time",
        "no time for column generation",
        "keine Zeit für die Spaltengenerierung",
    ),
    m(
        "solver.interrupted_rounds",
        "interrupted after {rounds} rounds",
        "unterbrochen nach {rounds} Runden",
    ),
    m(
        "solver.interrupted_before_partitioning",
        "interrupted before set partitioning",
        "unterbrochen vor der Auswahl der Cluster (Set Partitioning)",
    ),
    m(
        "solver.proven_all",
        "proven by set partitioning over all {n} candidate clusters ({rounds} column-generation rounds, {exact} with exact pricing)",
        "bewiesen durch Auswahl aus allen {n} Kandidaten-Clustern (Set Partitioning; {rounds} Runden Spaltengenerierung, {exact} mit exaktem Pricing)",
    ),
    m(
        "solver.proven_best",
        "proven by set partitioning over the best {n} candidate clusters ({rounds} column-generation rounds, {exact} with exact pricing)",
        "bewiesen durch Auswahl aus den besten {n} Kandidaten-Clustern (Set Partitioning; {rounds} Runden Spaltengenerierung, {exact} mit exaktem Pricing)",
    ),
    m(
        "solver.bounded_all",
        "bounded by set partitioning over all {n} candidate clusters ({rounds} column-generation rounds, {exact} with exact pricing)",
        "beschränkt durch Auswahl aus allen {n} Kandidaten-Clustern (Set Partitioning; {rounds} Runden Spaltengenerierung, {exact} mit exaktem Pricing)",
    ),
    m(
        "solver.bounded_best",
        "bounded by set partitioning over the best {n} candidate clusters ({rounds} column-generation rounds, {exact} with exact pricing)",
        "beschränkt durch Auswahl aus den besten {n} Kandidaten-Clustern (Set Partitioning; {rounds} Runden Spaltengenerierung, {exact} mit exaktem Pricing)",
    ),
    m(
        "solver.lp_met",
        "LP bound met after {rounds} rounds ({exact} with exact pricing), {columns} columns",
        "LP-Schranke erreicht nach {rounds} Runden ({exact} mit exaktem Pricing), {columns} Kandidaten-Cluster",
    ),
    m(
        "solver.level1_unproven",
        "level 1 not proven: {note}",
        "Stufe 1 (Strafpunkte) nicht bewiesen: {note}",
    ),
    m(
        "solver.level1",
        "level 1: {note}",
        "Stufe 1 (Strafpunkte): {note}",
    ),
    m("solver.level2", "level 2: {note}", "Stufe 2 (Streuung): {note}"),
];

/// One piece of a template.
enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        out.push(Piece::Slot(&rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The values of the slots if `s` reads as the template, else `None`.
fn matches<'a>(p: &[Piece<'_>], s: &'a str, out: &mut Vec<&'a str>) -> bool {
    match p.split_first() {
        None => s.is_empty(),
        Some((Piece::Text(t), rest)) => s.strip_prefix(t).is_some_and(|s| matches(rest, s, out)),
        Some((Piece::Slot(_), [])) => {
            out.push(s);
            !s.is_empty()
        }
        Some((Piece::Slot(_), rest)) => {
            let Some(Piece::Text(next)) = rest.first() else {
                return false;
            };
            for (at, _) in s.match_indices(next).filter(|(at, _)| *at > 0) {
                out.push(&s[..at]);
                if matches(rest, &s[at..], out) {
                    return true;
                }
                out.truncate(out.len() - 1);
            }
            false
        }
    }
}

/// A solver's note (English, as [`BlockReport::notes`](crate::BlockReport)
/// holds it) in a language; the notes inside it too.
///
/// ```
/// use lineup::messages::Lang;
/// use lineup::messages::solver::block_note;
/// assert_eq!(block_note("level 1: no time for column generation", Lang::De), "Stufe 1 (Strafpunkte): keine Zeit für die Spaltengenerierung");
/// assert_eq!(block_note("something else", Lang::De), "something else");
/// ```
pub fn block_note(note: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return note.to_string();
    }
    let templates = SOLVER
        .iter()
        .chain(all().filter(|m| m.key.starts_with("whatif.block.")));
    for t in templates {
        let p = pieces(t.en);
        let mut values = Vec::new();
        if matches(&p, note, &mut values) {
            let names: Vec<&str> = p
                .iter()
                .filter_map(|x| match x {
                    Piece::Slot(n) => Some(*n),
                    Piece::Text(_) => None,
                })
                .collect();
            let worded: Vec<String> = names
                .iter()
                .zip(&values)
                .map(|(name, v)| match *name {
                    "status" => text(&format!("status.{v}"), lang).unwrap_or(v).to_string(),
                    _ => block_note(v, lang),
                })
                .collect();
            let args: Vec<(&str, &str)> = names.into_iter().zip(worded.iter().map(String::as_str)).collect();
            return fill(t.text(lang), &args);
        }
    }
    note.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_reads_back_in_german() {
        for t in SOLVER {
            let names: Vec<String> = pieces(t.en)
                .iter()
                .filter_map(|x| match x {
                    Piece::Slot(n) => Some(n.to_string()),
                    Piece::Text(_) => None,
                })
                .collect();
            let args: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "7")).collect();
            assert_eq!(
                block_note(&fill(t.en, &args), Lang::De),
                fill(t.de, &args),
                "{}",
                t.key
            );
        }
    }

    #[test]
    fn notes_inside_notes_are_worded() {
        let n = "level 2: proven by set partitioning over all 120 candidate clusters (4 column-generation rounds, 1 with exact pricing)";
        assert_eq!(
            block_note(n, Lang::De),
            "Stufe 2 (Streuung): bewiesen durch Auswahl aus allen 120 Kandidaten-Clustern (Set Partitioning; 4 Runden Spaltengenerierung, 1 mit exaktem Pricing)"
        );
        assert_eq!(block_note(n, Lang::En), n);
        let w = "what-if: baseline members moved: 3 (at least 2 needed)";
        assert!(block_note(w, Lang::De).starts_with("Was-wäre-wenn"));
        let b = "bound from the lineup without stability (time_limit)";
        assert_eq!(
            block_note(b, Lang::De),
            "Schranke aus der Aufstellung ohne Stabilität (Zeitlimit)"
        );
    }
}
