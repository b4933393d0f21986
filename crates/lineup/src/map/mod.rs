//! The lineup on a map of Germany, as an SVG document (a string: the
//! caller saves it) or, with the feature `png`, as PNG bytes (`map::png`).
//!
//! The Länder are drawn from simplified BKG outlines in a Lambert conformal
//! conic projection; each municipality is a marker in its cluster's colour
//! (Okabe–Ito colours, colour-blind safe), the style following from the
//! cluster's id so a cluster looks the same in every map of it; every
//! member is named (beside its marker, or with a leader line where it is
//! crowded); the members of a cluster are joined by the shortest lines that
//! connect them (a minimum spanning tree); a legend lists each cluster with
//! its size class and members, the marks of a what-if and the criteria in
//! use, and the footer credits the data sources (Destatis, BKG). The texts
//! come from the message catalogue ([`MapOptions::lang`]); [`MapOptions`]
//! also sets the title and the picture's size for a slide.
//!
//! ```
//! # use lineup::{Problem, Settings, SolveOptions, solve, Report};
//! # let towns = ["Flensburg", "Weimar", "Stralsund", "Görlitz", "Passau", "Hameln"]
//! #     .map(|n| lineup::register::register().find(n, None).unwrap().municipality());
//! # let problem = Problem::new(towns.to_vec(), Settings::default())?;
//! # let report = Report::new(&problem, &solve(&problem, &SolveOptions::default())?);
//! let svg = lineup::map::svg(&report);
//! assert!(svg.starts_with("<svg"));
//! assert_eq!(svg.matches(r#"class="member""#).count(), 6);
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

mod caption;
mod labels;
mod legend;
mod options;
mod outlines;
mod palette;
#[cfg(feature = "png")]
mod png;
mod projection;
mod spanning;
mod text;

use std::fmt::Write;

use crate::land::Land;
use crate::messages::Lang;
use crate::messages::thousands;
use crate::report::Report;

pub use options::{MapOptions, MapSize, MapSizeError};
pub use outlines::{Ring, rings};
#[cfg(feature = "png")]
pub use png::{PngError, png};

use caption::say;
use labels::Rect;
use legend::{Item, Key};
use palette::style_of;
use projection::{Fit, Lambert};
use text::escape;

/// Attribution lines of the data on the map.
pub const ATTRIBUTION: [&str; 2] = [
    "Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Stand 31.12.2020; dl-de/by-2-0 (Daten verändert)",
    "© GeoBasis-DE / BKG 2021 (Daten verändert); dl-de/by-2-0",
];

const MARGIN: f64 = 32.0;
const MAP_W: f64 = 620.0;
const GAP: f64 = 40.0;
const LEGEND_W: f64 = 450.0;
const HEADER: f64 = 84.0;
const FOOTER: f64 = 56.0;
/// Names beside the markers: readable on a slide at 1920x1080.
const NAME_SIZE: f64 = 12.5;
const FONT: &str = "Helvetica, Arial, 'DejaVu Sans', sans-serif";

/// Marker radius and whether names are drawn, by number of members.
fn marker_size(n: usize) -> (f64, bool) {
    match n {
        0..=60 => (6.0, true),
        61..=150 => (5.0, true),
        151..=400 => (3.5, true),
        _ => (2.5, false),
    }
}

/// The SVG map of a report's lineup, with the default options (English,
/// the size the content needs).
pub fn svg(report: &Report) -> String {
    svg_with(report, &MapOptions::default())
}

/// The SVG map of a report's lineup.
pub fn svg_with(report: &Report, options: &MapOptions) -> String {
    let lang = options.lang;
    let proj = Lambert::germany();
    let rings = outlines::rings();
    let projected: Vec<(Land, Vec<(f64, f64)>)> = rings
        .iter()
        .map(|r| {
            (
                r.land,
                r.points
                    .iter()
                    .map(|&(lon, lat)| proj.project(lon, lat))
                    .collect(),
            )
        })
        .collect();
    let mut bounds = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in projected.iter().flat_map(|(_, p)| p) {
        bounds = (bounds.0.min(x), bounds.1.min(y), bounds.2.max(x), bounds.3.max(y));
    }
    let fit = Fit::new(bounds, MARGIN, HEADER, MAP_W);
    let map_h = (bounds.3 - bounds.1) * fit.scale;
    let n: usize = report.clusters.iter().map(|c| c.members.len()).sum();
    let (radius, with_names) = marker_size(n);

    let mut body = String::new();
    // Länder.
    let _ = writeln!(
        body,
        r##"<g fill="#e8e5dc" stroke="#ffffff" stroke-width="1.3" stroke-linejoin="round">"##
    );
    for land in Land::ALL {
        let mut d = String::new();
        for (_, ring) in projected.iter().filter(|(l, _)| *l == land) {
            for (k, &p) in ring.iter().enumerate() {
                let (x, y) = fit.px(p);
                let _ = write!(d, "{}{x:.1},{y:.1}", if k == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        let _ = writeln!(
            body,
            r#"<path class="land" data-land="{}" fill-rule="evenodd" d="{d}"><title>{}</title></path>"#,
            land.abbr(),
            land.name()
        );
    }
    let _ = writeln!(body, "</g>");

    // Members, in pixels, per cluster.
    let points: Vec<Vec<(f64, f64)>> = report
        .clusters
        .iter()
        .map(|c| {
            c.members
                .iter()
                .map(|m| fit.px(proj.project(m.lon, m.lat)))
                .collect()
        })
        .collect();
    // Lines joining each cluster: a white casing, then the colour.
    let _ = writeln!(body, r#"<g class="links" stroke-linecap="round">"#);
    for (c, pts) in report.clusters.iter().zip(&points) {
        let (colour, _) = style_of(&c.id);
        for (a, b) in spanning::tree(pts) {
            let (p, q) = (pts[a], pts[b]);
            let _ = writeln!(
                body,
                r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#ffffff" stroke-width="4.5" stroke-opacity="0.8"/><line class="link" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="2.2" stroke-opacity="0.85"/>"##,
                p.0, p.1, q.0, q.1, p.0, p.1, q.0, q.1
            );
        }
    }
    let _ = writeln!(body, "</g>");
    // Markers.
    let _ = writeln!(body, r#"<g class="members">"#);
    let mut marks = String::new();
    for (i, c) in report.clusters.iter().enumerate() {
        let (colour, shape) = style_of(&c.id);
        for (m, &p) in c.members.iter().zip(&points[i]) {
            let attrs = format!(
                r#"class="member" data-id="{}" data-cluster="{}""#,
                escape(&m.id),
                escape(&c.id)
            );
            let title = format!(
                "<title>{}</title>",
                escape(&say(
                    lang,
                    "map.member",
                    &[
                        ("name", &m.name),
                        ("state", &m.state),
                        ("population", &thousands(m.population, lang)),
                        ("cluster", &c.id),
                    ]
                ))
            );
            if options.joined.contains(&m.id) {
                let _ = writeln!(marks, "{}", legend::ring(p, radius + 3.5, false, "joined"));
            } else if options.moved.contains_key(&m.id) {
                let _ = writeln!(marks, "{}", legend::ring(p, radius + 3.5, true, "moved"));
            }
            let _ = writeln!(
                body,
                "{}",
                palette::marker(shape, p, radius, colour, &attrs, &title)
            );
        }
    }
    let _ = writeln!(body, "</g>");
    if !marks.is_empty() {
        let _ = writeln!(body, r#"<g class="marks">{marks}</g>"#);
    }
    // Names.
    if with_names {
        let flat: Vec<(f64, f64)> = points.iter().flatten().copied().collect();
        let members: Vec<_> = report.clusters.iter().flat_map(|c| &c.members).collect();
        let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        let mut order: Vec<usize> = (0..flat.len()).collect();
        order.sort_by(|&a, &b| members[b].population.cmp(&members[a].population));
        let area = Rect {
            x0: MARGIN - 8.0,
            y0: HEADER - 8.0,
            x1: MARGIN + MAP_W + GAP - 6.0,
            y1: HEADER + map_h + 8.0,
        };
        let placed = labels::place(&flat, &names, &order, radius, NAME_SIZE, area);
        let leaders: Vec<_> = placed.iter().filter_map(|l| l.leader).collect();
        if !leaders.is_empty() {
            let _ = writeln!(body, r##"<g class="leaders" stroke="#444" stroke-width="0.9">"##);
            for [a, b] in leaders {
                let _ = writeln!(
                    body,
                    r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
                    a.0, a.1, b.0, b.1
                );
            }
            let _ = writeln!(body, "</g>");
        }
        let _ = writeln!(
            body,
            r##"<g class="names" font-size="{NAME_SIZE}" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">"##
        );
        for l in placed {
            let _ = writeln!(
                body,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
                l.x,
                l.y,
                l.anchor,
                escape(names[l.point])
            );
        }
        let _ = writeln!(body, "</g>");
    }
    // Legend.
    let items = legend_items(report, options);
    let legend_x = MARGIN + MAP_W + GAP;
    // At least as tall as a legend item of seven members needs.
    let (legend_svg, columns, legend_h) = legend::legend(
        &say(lang, "map.legend", &[]),
        &items,
        legend_x,
        HEADER - 6.0,
        LEGEND_W,
        (map_h + 6.0).max(200.0),
    );
    body.push_str(&legend_svg);

    let title = options
        .title
        .clone()
        .unwrap_or_else(|| caption::title(report, n, lang));
    let figures = figures(report, lang);
    // Wide enough for the legend and for the header's lines (a long German
    // caption, a long title).
    let width = (legend_x + columns as f64 * (LEGEND_W + legend::COLUMN_GAP) - legend::COLUMN_GAP + MARGIN)
        .max(2.0 * MARGIN + text::width(&figures, 13.0))
        .max(2.0 * MARGIN + 1.1 * text::width(&title, 24.0));
    let content_h = map_h.max(legend_h - 6.0);
    let height = HEADER + content_h + FOOTER;
    let mut s = String::new();
    let (outer, view) = frame(width, height, options.size);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" {outer} viewBox="{:.0} {:.0} {:.0} {:.0}" font-family="{FONT}" role="img">"#,
        view.0, view.1, view.2, view.3
    );
    let _ = writeln!(s, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        s,
        r##"<rect x="{:.0}" y="{:.0}" width="{:.0}" height="{:.0}" fill="#ffffff"/>"##,
        view.0, view.1, view.2, view.3
    );
    header(&mut s, &title, &figures);
    s.push_str(&body);
    let foot = HEADER + content_h + 26.0;
    for (k, line) in ATTRIBUTION.iter().enumerate() {
        let _ = writeln!(
            s,
            r##"<text class="attribution" x="{MARGIN}" y="{:.1}" font-size="10.5" fill="#666">{}</text>"##,
            foot + k as f64 * 14.0,
            escape(line)
        );
    }
    s.push_str("</svg>\n");
    s
}

/// The outer size attributes and the view box `(x, y, w, h)`: the content's
/// own size, or the asked size with the content scaled to fit and centred.
fn frame(width: f64, height: f64, size: Option<MapSize>) -> (String, (f64, f64, f64, f64)) {
    let Some(size) = size else {
        return (
            format!(r#"width="{width:.0}" height="{height:.0}""#),
            (0.0, 0.0, width, height),
        );
    };
    let (tw, th) = (f64::from(size.width), f64::from(size.height));
    let view = if width / height < tw / th {
        let w = height * tw / th;
        (-(w - width) / 2.0, 0.0, w, height)
    } else {
        let h = width * th / tw;
        (0.0, -(h - height) / 2.0, width, h)
    };
    (
        format!(r#"width="{}" height="{}""#, size.width, size.height),
        view,
    )
}

/// The legend: the clusters (members marked as joined or moved), the key
/// to the marks and the criteria.
fn legend_items(report: &Report, options: &MapOptions) -> Vec<Item> {
    let lang = options.lang;
    let mut items: Vec<Item> = report
        .clusters
        .iter()
        .map(|c| {
            let (colour, shape) = style_of(&c.id);
            Item {
                title: c.id.clone(),
                detail: caption::cluster_detail(c, lang),
                members: c
                    .members
                    .iter()
                    .map(|m| {
                        if options.joined.contains(&m.id) {
                            say(lang, "map.new_member", &[("name", &m.name)])
                        } else if let Some(from) = options.moved.get(&m.id) {
                            say(lang, "map.moved_member", &[("name", &m.name), ("cluster", from)])
                        } else {
                            m.name.clone()
                        }
                    })
                    .collect(),
                key: Key::Marker(shape, colour),
            }
        })
        .collect();
    let ids: Vec<&str> = report
        .clusters
        .iter()
        .flat_map(|c| &c.members)
        .map(|m| m.id.as_str())
        .collect();
    let joined = options
        .joined
        .iter()
        .filter(|j| ids.contains(&j.as_str()))
        .count();
    let moved = options.moved.keys().filter(|j| ids.contains(&j.as_str())).count();
    for (n, key, dashed) in [(joined, "map.joined", false), (moved, "map.moved", true)] {
        if n > 0 {
            items.push(Item {
                title: say(lang, key, &[("n", &n.to_string())]),
                detail: Vec::new(),
                members: Vec::new(),
                key: Key::Ring { dashed },
            });
        }
    }
    let mut detail = caption::criteria(report, lang);
    if palette::shapes_are_classes(report.clusters.iter().map(|c| c.id.as_str())) {
        detail.push(say(lang, "map.shapes", &[]));
    }
    items.push(Item {
        title: say(lang, "map.criteria", &[]),
        detail,
        members: Vec::new(),
        key: Key::None,
    });
    items
}

/// The header's line of figures, in the map's language.
fn figures(report: &Report, lang: Lang) -> String {
    let st = &report.settings;
    let o = &report.objective;
    // Counted phrases: `map.same_land_pair.one` / `.other`, ….
    let counted = |key: &str, n: u64| {
        let form = if n == 1 { "one" } else { "other" };
        say(lang, &format!("{key}.{form}"), &[("n", &thousands(n, lang))])
    };
    say(
        lang,
        "map.figures",
        &[
            ("status", report.status_sentence(lang).trim_end_matches('.')),
            ("same", &counted("map.same_land_pair", o.same_state_pairs)),
            (
                "non_bordering",
                &counted("map.non_bordering_pair", o.non_bordering_pairs),
            ),
            ("km", &thousands(o.distance_km.round() as u64, lang)),
            ("classes", &st.classes.to_string()),
            (
                "comparability",
                &say(lang, &format!("opt.comparability.{}", st.comparability), &[]),
            ),
        ],
    )
}

/// Title and one line of figures.
fn header(s: &mut String, title: &str, figures: &str) {
    let _ = writeln!(
        s,
        r##"<text class="title" x="{MARGIN}" y="{:.1}" font-size="24" font-weight="bold" fill="#1a1a1a">{}</text>"##,
        MARGIN + 10.0,
        escape(title)
    );
    let _ = writeln!(
        s,
        r##"<text x="{MARGIN}" y="{:.1}" font-size="13" fill="#555">{}</text>"##,
        MARGIN + 32.0,
        escape(figures)
    );
}
