//! Why a request is impossible, and why a name matches nothing, in German
//! (issue 11): every reason the checks give is typed and worded by the
//! catalogue in both languages; the command line says `Fehler:` under
//! `--lang de`.

use lineup::messages::{Lang, all};
use lineup::{ClusterCount, ClusterSize, Problem, ProblemError, Settings};

use crate::util::{fixture, lineup, municipalities, stderr};

fn refused(file: &str, settings: Settings) -> lineup::Infeasibility {
    match Problem::new(municipalities(file), settings) {
        Err(ProblemError::Infeasible(inf)) => inf,
        other => panic!("expected an infeasibility, got {other:?}"),
    }
}

/// The reason in both languages: typed, German differs from English, and
/// the English is what `reason` holds.
fn both(inf: &lineup::Infeasibility) -> (String, String) {
    assert!(!inf.notes.is_empty(), "untyped reason: {}", inf.reason);
    let (en, de) = (inf.reason_in(Lang::En), inf.reason_in(Lang::De));
    assert_eq!(en, inf.reason);
    assert_ne!(en, de);
    (en, de)
}

#[test]
fn impossible_requests_read_in_german() {
    // A class that cannot be cut into clusters of 6..7 (singular: 1 cluster).
    let (en, de) = both(&refused("eight-grossstaedte.csv", Settings::default()));
    assert!(
        en.contains("1 cluster holds at most 7, 2 clusters need at least 12"),
        "{en}"
    );
    assert!(
        de.starts_with("Größenklasse Großstadt hat 8 Mitglieder, die nicht in Cluster mit 6–7 Mitgliedern passen: 1 Cluster fasst höchstens 7, 2 Cluster brauchen mindestens 12 (Wolfsburg (03103000)"),
        "{de}"
    );
    // Too few members for one cluster.
    let small = Settings::default().with_cluster_size(ClusterSize { min: 7, max: 7 });
    let (_, de) = both(&refused("tiny-6.csv", small));
    assert!(
        de.contains("Mitglieder, weniger als die 7, die ein Cluster braucht"),
        "{de}"
    );
    // A cap per Land no block can keep.
    let (_, de) = both(&refused("kfa-18.csv", Settings::default().with_max_per_land(1)));
    assert!(
        de.contains("Bayern hat 2 Mitglieder in Großstadt (1 Cluster), bei höchstens 1 je Land und Cluster passen aber nur 1"),
        "{de}"
    );
    // Linked together and kept apart.
    let links = Settings::default()
        .with_must_link("Görlitz", "Passau")
        .with_cannot_link("Görlitz", "Passau");
    let (_, de) = both(&refused("kfa-18.csv", links));
    assert_eq!(
        de,
        "Görlitz und Passau sollen zugleich zusammen (Muss zusammen) und getrennt (Darf nicht zusammen) sein"
    );
    // Must-links across size classes under strict comparability.
    let (_, de) = both(&refused(
        "kfa-18.csv",
        Settings::default().with_must_link("München", "Passau"),
    ));
    assert!(
        de.contains("aus Größenklassen, die kein Cluster teilen dürfen (strikte Vergleichbarkeit)"),
        "{de}"
    );
    // A total of clusters the classes cannot take.
    let (_, de) = both(&refused(
        "kfa-18.csv",
        Settings::default().with_clusters(ClusterCount::Total(9)),
    ));
    assert!(
        de.starts_with("9 Cluster wurden verlangt, bei Clustern mit 6–7 Mitgliedern und strikter Vergleichbarkeit brauchen die Klassen aber genau 3 Cluster"),
        "{de}"
    );
    // A class asked for that the input does not have.
    let per_class = ClusterCount::PerClass(vec![("Landgemeinde".into(), 1)]);
    let (_, de) = both(&refused(
        "kfa-18.csv",
        Settings::default().with_clusters(per_class),
    ));
    assert!(
        de.contains("die Eingabe hat aber keine Kommune der Klasse Landgemeinde"),
        "{de}"
    );
}

#[test]
fn every_reason_and_name_error_has_both_languages() {
    let ours = |k: &str| {
        ["infeasible.", "lookup.", "solver.", "cli."]
            .iter()
            .any(|p| k.starts_with(p))
    };
    let keys: Vec<&str> = all().map(|m| m.key).collect();
    let mut n = 0;
    for m in all().filter(|m| ours(m.key)) {
        n += 1;
        assert!(!m.en.trim().is_empty() && !m.de.trim().is_empty(), "{}", m.key);
        // German is German, not the English copied (a lone placeholder aside).
        assert!(
            m.en != m.de || m.en.starts_with(" in "),
            "{} is not translated",
            m.key
        );
        // A singular has its plural beside it.
        if let Some(base) = m.key.strip_suffix(".one") {
            assert!(keys.contains(&base), "{} has no plural {base}", m.key);
        }
        // No placeholder of an old `(s)` plural.
        assert!(!m.en.contains("(s)"), "{}", m.key);
    }
    assert!(n > 60, "{n} entries");
    // Every `infeasible.*` key the library names in its sources exists.
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/lineup/src");
    let mut sources = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.starts_with(format!("{root}/messages")) {
                sources.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    let mut named = 0;
    for s in &sources {
        for (at, _) in s.match_indices("\"infeasible.") {
            let key = &s[at + 1..][..s[at + 1..].find('"').unwrap()];
            named += 1;
            assert!(
                keys.contains(&key),
                "the sources name {key}, the catalogue lacks it"
            );
        }
    }
    // `between_key` adds `.exact` and `.one` to these.
    for base in ["infeasible.count_cannot_hold", "infeasible.total_count"] {
        for k in [format!("{base}.exact"), format!("{base}.one")] {
            assert!(keys.contains(&k.as_str()), "{k}");
        }
    }
    assert!(named > 25, "{named} keys named in the sources");
}

#[test]
fn the_command_line_says_fehler_and_words_lookups_in_german() {
    let o = lineup(&[
        "solve",
        fixture("bad/ambiguous-name.csv").to_str().unwrap(),
        "--lang",
        "de",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("Fehler: "), "{err}");
    assert!(
        err.contains(
            "Zeile 5, Feld `name`: „Neunkirchen“ passt auf 6 Gemeinden: Neunkirchen (Saarland, 10043114)"
        ),
        "{err}"
    );
    let o = lineup(&[
        "solve",
        fixture("kfa-18-de.csv").to_str().unwrap(),
        "--lang",
        "de",
        "--must-link",
        "Görlitz,Pasau",
    ]);
    let err = stderr(&o);
    assert!(
        err.contains("must-link: „Pasau“ ist weder eine Kennung noch ein Name der Eingabe; meinten Sie Passau (09262000)?"),
        "{err}"
    );
    let o = lineup(&["solve", "keine-datei.csv", "--lang", "de"]);
    assert!(
        stderr(&o).starts_with("Fehler: keine-datei.csv lässt sich nicht öffnen"),
        "{}",
        stderr(&o)
    );
    // A flag that does not parse: German prefix and text, clap's exit code.
    let o = lineup(&[
        "solve",
        fixture("kfa-18.csv").to_str().unwrap(),
        "--lang",
        "de",
        "--time-limit",
        "abc",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("Fehler: ungültiger Wert 'abc' für '--time-limit'"),
        "{}",
        stderr(&o)
    );
    // English stays English.
    let o = lineup(&["solve", fixture("bad/ambiguous-name.csv").to_str().unwrap()]);
    assert!(stderr(&o).starts_with("error: "), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("\"Neunkirchen\" matches 6 municipalities"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_command_lines_own_usage_errors_read_in_german() {
    let dir = std::env::temp_dir().join(format!("lineup-usage-de-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = fixture("kfa-18-de.csv");
    let file = file.to_str().unwrap();
    let json = dir.join("k.json");
    let json = json.to_str().unwrap();
    let o = lineup(&["solve", file, "--format", "json", "-o", json]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = dir.join("m.svg");
    let svg = svg.to_str().unwrap();
    let o = lineup(&["map", file, json, "--size", "12", "--lang", "de", "-o", svg]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("Fehler: --size: Größe „12“ nicht verstanden: erwartet wird BREITExHÖHE"),
        "{}",
        stderr(&o)
    );
    let o = lineup(&["map", file, json, "--size", "10x10", "--lang", "de", "-o", svg]);
    assert!(
        stderr(&o).contains("jede Seite muss 320 bis 8000 Pixel haben"),
        "{}",
        stderr(&o)
    );
    let gif = dir.join("m.gif");
    let o = lineup(&["map", file, json, "--lang", "de", "-o", gif.to_str().unwrap()]);
    assert!(
        stderr(&o).starts_with("Fehler: lineup map schreibt SVG oder PNG, nicht .gif"),
        "{}",
        stderr(&o)
    );
    let o = lineup(&["explain", file, json, "--municipality", "Pasau", "--lang", "de"]);
    assert!(
        stderr(&o).contains(
            "--municipality: „Pasau“ ist weder eine Kennung noch ein Name der Eingabe; meinten Sie Passau"
        ),
        "{}",
        stderr(&o)
    );
    // English stays English.
    let o = lineup(&["map", file, json, "--size", "12", "--lang", "en", "-o", svg]);
    assert!(
        stderr(&o).starts_with("error: --size: size \"12\" not understood"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A block's solver notes are typed at their source: the JSON report keeps
/// the English `notes` (the same under every `--lang`) and the typed ones
/// beside them, each a catalogue key (notes within notes too); the table
/// words them in the language asked for.
#[test]
fn solver_notes_are_typed_and_worded_in_the_language_asked_for() {
    use lineup::messages::note::Note;
    let dir = tempfile::tempdir().unwrap();
    // Two clusters of Mittelstädte: column generation proves level 2.
    let list = fixture("small-13.csv");
    let list = list.to_str().unwrap();
    let base = dir.path().join("base.json");
    let base = base.to_str().unwrap();
    let o = lineup(&["solve", list, "-o", base, "--lang", "de"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let solved: serde_json::Value = serde_json::from_slice(&std::fs::read(base).unwrap()).unwrap();
    let mut nested = 0;
    for b in solved["blocks"].as_array().unwrap() {
        let english: Vec<&str> = b["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap())
            .collect();
        let typed: Vec<Note> = serde_json::from_value(b["typed_notes"].clone()).unwrap();
        assert_eq!(typed.len(), english.len(), "{b}");
        for (t, e) in typed.iter().zip(&english) {
            assert_eq!(t.text(Lang::En), *e);
            assert_ne!(t.text(Lang::De), *e, "{} has no German", t.key);
            fn known(n: &Note) -> bool {
                lineup::messages::text(&n.key, Lang::De).is_some() && n.nested.values().all(known)
            }
            assert!(known(t), "{t:?}");
            nested += t.nested.len();
        }
    }
    assert!(nested > 0, "level 2's note holds column generation's: {solved}");
    // Evaluated in German against the solve the file records: the English
    // note in JSON, its key beside it, the German words in the table.
    let o = lineup(&["evaluate", list, base, "--lang", "de", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let b = &r["blocks"][0];
    assert!(
        b["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("bound from the solve recorded in"),
        "{b}"
    );
    assert_eq!(b["typed_notes"][0]["key"], "bound.recorded", "{b}");
    let o = lineup(&["evaluate", list, base, "--lang", "de"]);
    let table = crate::util::stdout(&o);
    assert!(table.contains("Schranke aus der in"), "{table}");
    assert!(!table.contains("bound from"), "{table}");
}
