//! Maps for slides (issue 11 item 6, issue 12's legend): PNG at a given
//! size, a title, every member named, stable colours across solve and
//! what-if, joined and moved members marked; alternatives matched to
//! lineup 1 (issue 11 item 7).

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::{fixture, json, lineup, stderr};

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

fn solved(dir: &Path, name: &str, extra: &[&str]) -> String {
    let out = dir.join(format!("{name}.json"));
    let f = fixture(name);
    let mut args = vec![
        "solve",
        f.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend(extra);
    let o = lineup(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    out.to_str().unwrap().to_string()
}

/// Fill colour of each member's marker, by id, from an SVG map.
fn colours(svg: &str) -> BTreeMap<String, (String, String)> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("member"))
        .map(|n| {
            (
                n.attribute("data-id").unwrap().to_string(),
                (
                    n.attribute("data-cluster").unwrap().to_string(),
                    n.attribute("fill").unwrap().to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn a_png_for_a_slide_at_the_size_asked_with_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let l = solved(dir.path(), "kfa-18.csv", &["--classes", "kfa"]);
    let f = fixture("kfa-18.csv");
    let png = dir.path().join("map.png");
    let o = lineup(&[
        "map",
        f.to_str().unwrap(),
        &l,
        "--classes",
        "kfa",
        "-o",
        png.to_str().unwrap(),
        "--size",
        "1920x1080",
        "--title",
        "Fachaustausch 2026",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(png_size(&std::fs::read(&png).unwrap()), (1920, 1080));
    // --format png writes a PNG whatever the name; without --size at twice the SVG's size.
    let svg_out = lineup(&[
        "map",
        f.to_str().unwrap(),
        &l,
        "--classes",
        "kfa",
        "--title",
        "Fachaustausch 2026",
    ]);
    let svg = String::from_utf8(svg_out.stdout).unwrap();
    assert!(svg.contains("<title>Fachaustausch 2026</title>"));
    let width: f64 = svg
        .split("width=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let other = dir.path().join("picture");
    let o = lineup(&[
        "map",
        f.to_str().unwrap(),
        &l,
        "--classes",
        "kfa",
        "--format",
        "png",
        "-o",
        other.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(png_size(&std::fs::read(&other).unwrap()).0, 2 * width as u32);
    // The legend names the criteria in use (issue 12).
    assert!(
        svg.contains("alike: size class") && svg.contains("different: Land ×1"),
        "criteria in the legend"
    );
    // Bad sizes: a clear error, nothing written.
    for bad in ["1920", "wide", "10x10", "99999x1080"] {
        let o = lineup(&[
            "map",
            f.to_str().unwrap(),
            &l,
            "--classes",
            "kfa",
            "--size",
            bad,
            "-o",
            "never.png",
        ]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&o).contains("--size") && stderr(&o).contains("1920x1080"),
            "{}",
            stderr(&o)
        );
        assert!(!Path::new("never.png").exists());
    }
}

#[test]
fn every_member_is_named_and_a_cluster_keeps_its_colour_in_the_what_if_map() {
    let dir = tempfile::tempdir().unwrap();
    let base = solved(dir.path(), "growth-60.csv", &[]);
    let f60 = fixture("growth-60.csv");
    let before = String::from_utf8(lineup(&["map", f60.to_str().unwrap(), &base]).stdout).unwrap();
    let doc = roxmltree::Document::parse(&before).unwrap();
    let names = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("names"))
        .expect("names are drawn");
    assert_eq!(
        names.children().filter(|n| n.has_tag_name("text")).count(),
        60,
        "every member named"
    );
    let f68 = fixture("growth-68.csv");
    let o = lineup(&[
        "whatif",
        f68.to_str().unwrap(),
        "--baseline",
        &base,
        "--stability",
        "0.05",
        "--format",
        "svg",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = String::from_utf8(o.stdout).unwrap();
    let (b, a) = (colours(&before), colours(&after));
    // The same cluster id, the same colour; also for members that moved.
    let by_cluster: BTreeMap<&String, &String> = b.values().map(|(c, f)| (c, f)).collect();
    for (cluster, fill) in a.values() {
        if let Some(old) = by_cluster.get(cluster) {
            assert_eq!(*old, fill, "{cluster} changed colour");
        }
    }
    let diff = json(&[
        "whatif",
        f68.to_str().unwrap(),
        "--baseline",
        &base,
        "--stability",
        "0.05",
        "--format",
        "json",
    ]);
    let joined = diff["diff"]["joined"].as_array().unwrap().len();
    let moved = diff["diff"]["moved"].as_array().unwrap().len();
    assert_eq!(after.matches(r#"class="joined""#).count(), joined);
    assert_eq!(after.matches(r#"class="moved""#).count(), moved);
    assert!(
        after.contains(&format!("joined: new in the list ({joined})")),
        "legend key"
    );
    if moved > 0 {
        assert!(after.contains(&format!("moved: in another cluster than before ({moved})")));
    }
}

#[test]
fn alternatives_carry_lineup_ones_cluster_ids_and_list_who_is_where_instead() {
    let f = fixture("growth-60.csv");
    let r = json(&[
        "alternatives",
        f.to_str().unwrap(),
        "--count",
        "3",
        "--time-limit",
        "10",
        "--format",
        "json",
    ]);
    let lineups = r["lineups"].as_array().unwrap();
    assert!(lineups.len() >= 2);
    let placement = |l: &serde_json::Value| -> BTreeMap<String, String> {
        l["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| {
                c["members"].as_array().unwrap().iter().map(move |m| {
                    (
                        m["id"].as_str().unwrap().to_string(),
                        c["id"].as_str().unwrap().to_string(),
                    )
                })
            })
            .collect()
    };
    let first = placement(&lineups[0]);
    let ids = |l: &serde_json::Value| -> Vec<String> {
        l["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(lineups[0].get("moved_from_first").is_none());
    for l in &lineups[1..] {
        assert_eq!(ids(l), ids(&lineups[0]), "the same ids in lineup 1's order");
        let here = placement(l);
        let moved: BTreeMap<String, (String, String)> = l["moved_from_first"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["id"].as_str().unwrap().to_string(),
                    (
                        m["from"].as_str().unwrap().to_string(),
                        m["to"].as_str().unwrap().to_string(),
                    ),
                )
            })
            .collect();
        let expected: BTreeMap<String, (String, String)> = here
            .iter()
            .filter(|(id, c)| first[*id] != **c)
            .map(|(id, c)| (id.clone(), (first[id].clone(), c.clone())))
            .collect();
        assert_eq!(moved, expected);
        // Matched: no relabelling moves fewer (the listed count is the partition distance).
        let d = l["differs_from_earlier"][0].as_u64().unwrap() as usize;
        assert_eq!(moved.len(), d, "matching reaches the fewest moves");
    }
    let table = lineup(&[
        "alternatives",
        f.to_str().unwrap(),
        "--count",
        "2",
        "--time-limit",
        "10",
    ]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("where it differs from lineup 1"), "{text}");
    assert!(text.contains(" instead of "), "{text}");
}

#[test]
fn the_map_speaks_german_when_asked() {
    use lineup::map::{MapOptions, svg_with};
    use lineup::messages::Lang;
    let towns = crate::util::municipalities("kfa-18.csv");
    let problem = lineup::Problem::new(towns, lineup::Settings::default()).unwrap();
    let solution = lineup::solve(&problem, &lineup::SolveOptions::default()).unwrap();
    let report = lineup::Report::new(&problem, &solution);
    let de = svg_with(
        &report,
        &MapOptions {
            lang: Lang::De,
            ..MapOptions::default()
        },
    );
    for word in [
        "Aufstellung: 18 Kommunen",
        "Kriterien",
        "6 Mitglieder",
        "gleich: Größenklasse",
        "verschieden: Land ×1",
        // The caption: status and figures in German too, and the picture wide
        // enough for it.
        "Nachweislich die bestmögliche Aufstellung",
        "Paare aus nicht benachbarten Ländern",
        "km zwischen den Mitgliedern",
    ] {
        assert!(de.contains(word), "{word}");
    }
    assert!(!de.contains("between members") && !de.contains("Proven"));
    let width = |svg: &str| -> f64 {
        let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
        doc.root_element().attribute("width").unwrap().parse().unwrap()
    };
    let caption = "Nachweislich die bestmögliche Aufstellung mit diesen Einstellungen · 2 Paare aus demselben Land · 27 Paare aus nicht benachbarten Ländern · 17.136 km zwischen den Mitgliedern · Größenklassen bbsr, Vergleichbarkeit strikt";
    // DejaVu Sans at 13 px averages well over 5 px per character.
    assert!(
        width(&de) > 5.0 * caption.chars().count() as f64,
        "{}",
        width(&de)
    );
    let en = lineup::map::svg(&report);
    assert!(en.contains("Criteria") && !en.contains("Kriterien"));
}
