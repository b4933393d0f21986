//! The command line's own texts, which name flags (the library's catalogue
//! names none), in English and German.

use lineup::messages::Lang;

use crate::lang;

/// The CLI's own texts, which name flags (the library's catalogue names
/// none), in the language asked for.
pub(crate) fn flag_texts(key: &str) -> Option<&'static str> {
    let (en, de) = match key {
        "table.cut_by_time" => (
            "the time limit cut the search short: another run with the same seed may differ; raise --time-limit for a reproducible result",
            "das Zeitlimit hat die Suche verkürzt: ein weiterer Lauf mit demselben Startwert kann abweichen; für ein reproduzierbares Ergebnis --time-limit erhöhen",
        ),
        "breach.missing_fix" => (
            "add them to clusters of the lineup, or make a new lineup with `lineup whatif --baseline {lineup}`",
            "fügen Sie sie Clustern der Aufstellung hinzu, oder erstellen Sie mit `lineup whatif --baseline {lineup}` eine neue",
        ),
        "whatif.unscored" => (
            "penalty {penalty}; spread {spread} (the baseline lacks the data of members who left, so it cannot be scored: use a baseline written by `solve --format json`)",
            "Strafpunkte {penalty}; Streuung {spread} (der Ausgangsaufstellung fehlen die Daten ausgeschiedener Mitglieder, sie lässt sich nicht bewerten: nehmen Sie eine mit `solve --format json` geschriebene)",
        ),
        "breach.fix" => (
            "fix the lineup, or change the options it is judged by (--cluster-size, --comparability, …)",
            "korrigieren Sie die Aufstellung oder ändern Sie die Einstellungen, nach denen sie beurteilt wird (--cluster-size, --comparability, …)",
        ),
        "cli.explain_clusters_only" => (
            "{n} municipalities: explaining the clusters only (every municipality's moves are listed up to {max}); name some with --municipality",
            "{n} Kommunen: nur die Cluster werden erklärt (die möglichen Wechsel jeder Kommune erst bis {max} Kommunen); nennen Sie einzelne mit --municipality",
        ),
        "cli.map_format" => (
            "lineup map writes SVG or PNG, not .{ext}: use -o map.svg or -o map.png (or --format svg|png)",
            "lineup map schreibt SVG oder PNG, nicht .{ext}: nehmen Sie -o karte.svg oder -o karte.png (oder --format svg|png)",
        ),
        "cli.size_form" => (
            "--size: size \"{given}\" not understood: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080 (16:9) or 1600x1200 (4:3)",
            "--size: Größe „{given}“ nicht verstanden: erwartet wird BREITExHÖHE in Pixeln, z. B. 1920x1080 (16:9) oder 1600x1200 (4:3)",
        ),
        "cli.size_range" => (
            "--size: size \"{given}\": each side must be {min} to {max} pixels, e.g. 1920x1080",
            "--size: Größe „{given}“: jede Seite muss {min} bis {max} Pixel haben, z. B. 1920x1080",
        ),
        "cli.binary_to_terminal" => (
            "{what} is binary and standard output is a terminal: give --output lineup.{ext}",
            "{what} ist binär und die Standardausgabe ein Terminal: geben Sie --output aufstellung.{ext} an",
        ),
        "cli.stdout_closed" => (
            "standard output is closed: give --output FILE, or redirect the output to a file",
            "die Standardausgabe ist geschlossen: geben Sie --output DATEI an oder leiten Sie die Ausgabe in eine Datei um",
        ),
        "cli.stdout_failed" => (
            "cannot write to standard output: {reason}; try --output FILE",
            "die Standardausgabe lässt sich nicht schreiben: {reason}; versuchen Sie --output DATEI",
        ),
        "cli.against_format" => (
            "--against writes a table or JSON: use --format table or --format json",
            "--against schreibt eine Tabelle oder JSON: nehmen Sie --format table oder --format json",
        ),
        "cli.text_format" => (
            "lineup {command} writes table, JSON or CSV, not {other}: use --format table|json|csv (draw one lineup with `lineup map`)",
            "lineup {command} schreibt Tabelle, JSON oder CSV, nicht {other}: nehmen Sie --format table|json|csv (eine Aufstellung zeichnet `lineup map`)",
        ),
        "cli.cannot_render" => (
            "cannot write {what}: {reason}; try another --format",
            "{what} lässt sich nicht schreiben: {reason}; versuchen Sie ein anderes --format",
        ),
        _ => return None,
    };
    Some(if lang() == Lang::De { de } else { en })
}
