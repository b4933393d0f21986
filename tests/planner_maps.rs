//! Maps for slides and alternatives from a planner's German spreadsheet
//! (issue 11, items 6 and 7, with the Done-when's planner-like file:
//! Windows-1252, `;`, decimal commas, CRLF, German headers).

use std::collections::BTreeMap;

use crate::stability::german_csv;
use crate::util::{json, lineup, stderr};

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn a_german_list_gives_a_german_slide_and_a_what_if_map_that_marks_newcomers() {
    let dir = tempfile::tempdir().unwrap();
    let g60 = german_csv(dir.path(), "growth-60.csv");
    let g68 = german_csv(dir.path(), "growth-68.csv");
    let (g60, g68) = (g60.to_str().unwrap(), g68.to_str().unwrap());
    let base = dir.path().join("base.json");
    let o = lineup(&["solve", g60, "-o", base.to_str().unwrap(), "--lang", "de"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let base = base.to_str().unwrap();
    // A 16:9 PNG with a title, for a slide.
    let png = dir.path().join("karte.png");
    let o = lineup(&[
        "map",
        g60,
        base,
        "-o",
        png.to_str().unwrap(),
        "--size",
        "1920x1080",
        "--title",
        "Fachaustausch 2026",
        "--lang",
        "de",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(png_size(&std::fs::read(&png).unwrap()), (1920, 1080));
    // The SVG of the same map: German caption, every member named.
    let o = lineup(&["map", g60, base, "--lang", "de"]);
    let svg = String::from_utf8(o.stdout).unwrap();
    assert!(
        svg.contains("60 Kommunen in 9 Clustern mit 6–7 Mitgliedern"),
        "no German title"
    );
    assert!(
        svg.contains("Mücheln") || svg.contains("Gerolstein"),
        "members named"
    );
    // What-if on the grown list: newcomers marked, the legend in German.
    let o = lineup(&[
        "whatif",
        g68,
        "--baseline",
        base,
        "--time-limit",
        "5",
        "--format",
        "svg",
        "--lang",
        "de",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = String::from_utf8(o.stdout).unwrap();
    assert_eq!(svg.matches(r#"class="joined""#).count(), 8);
    assert!(
        svg.contains("neu in der Liste (8)"),
        "the legend names the 8 newcomers"
    );
    // The what-if kept as JSON and drawn later by `lineup map` (SVG and a
    // PNG for a slide): the same newcomers marked.
    let w = dir.path().join("whatif.json");
    let w = w.to_str().unwrap();
    let o = lineup(&[
        "whatif",
        g68,
        "--baseline",
        base,
        "--time-limit",
        "5",
        "--format",
        "json",
        "-o",
        w,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lineup(&["map", g68, w, "--time-limit", "5", "--lang", "de"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = String::from_utf8(o.stdout).unwrap();
    assert_eq!(svg.matches(r#"class="joined""#).count(), 8);
    assert!(
        svg.contains("neu in der Liste (8)"),
        "the legend names the 8 newcomers"
    );
    let png = dir.path().join("whatif.png");
    let o = lineup(&["map", g68, w, "-o", png.to_str().unwrap(), "--time-limit", "5"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(png_size(&std::fs::read(&png).unwrap()).0 >= 1000);
}

#[test]
fn alternatives_of_a_german_list_keep_lineup_ones_cluster_ids() {
    let dir = tempfile::tempdir().unwrap();
    let g60 = german_csv(dir.path(), "growth-60.csv");
    let r = json(&[
        "alternatives",
        g60.to_str().unwrap(),
        "--count",
        "2",
        "--time-limit",
        "5",
        "--format",
        "json",
    ]);
    let lineups = r["lineups"].as_array().unwrap();
    assert!(lineups.len() >= 2, "{r}");
    let ids = |l: &serde_json::Value| -> Vec<String> {
        l["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    let placement = |l: &serde_json::Value| -> BTreeMap<String, String> {
        l["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| {
                let id = c["id"].as_str().unwrap().to_string();
                c["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(move |m| (m["id"].as_str().unwrap().to_string(), id.clone()))
            })
            .collect()
    };
    let first = placement(&lineups[0]);
    let second = placement(&lineups[1]);
    assert_eq!(ids(&lineups[1]), ids(&lineups[0]));
    // What differs from lineup 1 is listed: exactly the members placed elsewhere.
    let moved = lineups[1]["moved_from_first"].as_array().unwrap();
    let elsewhere = first.iter().filter(|(id, c)| second.get(*id) != Some(c)).count();
    assert_eq!(moved.len(), elsewhere, "{moved:?}");
    assert!(elsewhere > 0, "an alternative differs from lineup 1");
}
