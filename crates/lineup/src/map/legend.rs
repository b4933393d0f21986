//! The legend beside the map: per cluster its marker, id, size class,
//! member count and Länder, and the member names.

use std::fmt::Write;

use super::palette::{Shape, marker};
use super::text::{escape, wrap};

/// One cluster in the legend.
#[derive(Clone, Debug)]
pub struct Item {
    /// Cluster id.
    pub title: String,
    /// Size class, members, Länder, metrics: one line, wrapped at ` · `.
    pub detail: Vec<String>,
    /// Member names.
    pub members: Vec<String>,
    /// Marker colour.
    pub colour: &'static str,
    /// Marker shape.
    pub shape: Shape,
}

const TITLE: f64 = 14.0;
const BODY: f64 = 12.5;
const LINE: f64 = 17.0;
const INDENT: f64 = 22.0;
const SPACING: f64 = 12.0;

/// The legend as SVG elements at `(x, y)` (top left), `w` pixels wide, and
/// its height.
pub fn legend(items: &[Item], x: f64, y: f64, w: f64) -> (String, f64) {
    let mut s = String::new();
    let mut cy = y + 18.0;
    let _ = writeln!(
        s,
        r##"<text class="legend-title" x="{x:.1}" y="{cy:.1}" font-size="16" font-weight="bold" fill="#222">Clusters</text>"##
    );
    cy += 12.0;
    for item in items {
        cy += LINE;
        let _ = writeln!(
            s,
            "{}",
            marker(
                item.shape,
                (x + 7.0, cy - 5.0),
                6.0,
                item.colour,
                r#"class="key""#,
                ""
            )
        );
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{cy:.1}" font-size="{TITLE}" font-weight="bold" fill="#222">{}</text>"##,
            x + INDENT,
            escape(&item.title)
        );
        for line in wrap(&item.detail, " · ", BODY, w - INDENT) {
            cy += LINE;
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{cy:.1}" font-size="{BODY}" fill="#5a5a5a">{}</text>"##,
                x + INDENT,
                escape(&line)
            );
        }
        for line in wrap(&item.members, ", ", BODY, w - INDENT) {
            cy += LINE;
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{cy:.1}" font-size="{BODY}" fill="#222">{}</text>"##,
                x + INDENT,
                escape(&line)
            );
        }
        cy += SPACING;
    }
    (s, cy - y)
}
