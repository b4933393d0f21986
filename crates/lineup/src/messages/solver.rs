//! What the block solver did, in words (issue 11): the typed notes of a
//! [`BlockReport`](crate::BlockReport) (catalogue key and arguments, see
//! [`Note`](super::note::Note)) that the table and the report show for a
//! block that is not proven optimal. A note may hold another in a
//! placeholder (`level 2: {note}`); the integer programs' outcomes are
//! `solver.milp.*`. A backend's own error text stays as the backend wrote it.

use super::{Message, m};

/// The entries.
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
    m(
        "solver.not_converged",
        "column generation not converged at the time limit ({rounds} rounds, {exact} with exact pricing, {columns} columns)",
        "Spaltengenerierung am Zeitlimit nicht konvergiert ({rounds} Runden, {exact} mit exaktem Pricing, {columns} Kandidaten-Cluster)",
    ),
    m(
        "solver.enumeration_budget",
        "candidate enumeration ran out of budget ({rounds} rounds, {exact} with exact pricing)",
        "die Aufzählung der Kandidaten-Cluster hat ihr Budget aufgebraucht ({rounds} Runden, {exact} mit exaktem Pricing)",
    ),
    m(
        "solver.partitioning_untrusted",
        "{backend} reported an optimum below the incumbent; not trusted",
        "{backend} meldete ein Optimum unter der bisher besten Aufstellung; nicht übernommen",
    ),
    m(
        "solver.partitioning_unfinished",
        "set partitioning over {n} clusters did not finish: {why}",
        "die Auswahl aus {n} Clustern (Set Partitioning) wurde nicht fertig: {why}",
    ),
    m(
        "solver.milp.optimal",
        "optimal ({objective})",
        "Optimum gefunden ({objective})",
    ),
    m(
        "solver.milp.stopped",
        "stopped early with a solution ({objective})",
        "vorzeitig beendet mit einer Lösung ({objective})",
    ),
    m("solver.milp.infeasible", "infeasible", "unlösbar"),
    m("solver.milp.no_time", "no time left", "keine Zeit mehr"),
    m(
        "solver.milp.backend",
        "{backend} backend: {error}",
        "Verfahren {backend}: {error}",
    ),
    m(
        "solver.milp.bad_point",
        "{backend} returned a point that violates the model: {why}",
        "{backend} lieferte einen Punkt, der das Modell verletzt: {why}",
    ),
    m("note.verbatim", "{text}", "{text}"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;
    use crate::messages::note::Note;

    #[test]
    fn every_solver_note_is_worded_with_its_arguments() {
        for t in SOLVER {
            let mut args = Vec::new();
            let mut rest = t.en;
            while let Some(open) = rest.find('{') {
                let Some(close) = rest[open..].find('}') else {
                    break;
                };
                args.push((&rest[open + 1..open + close], "7".to_string()));
                rest = &rest[open + close + 1..];
            }
            let n = Note::new(t.key, &args);
            for lang in Lang::ALL {
                let s = n.text(lang);
                assert!(
                    !s.contains('{') && s.contains('7') != args.is_empty(),
                    "{}: {s}",
                    t.key
                );
            }
        }
    }
}
