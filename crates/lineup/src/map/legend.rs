//! The legend beside the map: per cluster its marker, id, size class,
//! member count and Länder, and the member names; then the key to the
//! marks of a what-if and the criteria in use; in more columns when it is
//! taller than the map.

use std::fmt::Write;

use super::palette::{Shape, marker};
use super::text::{escape, wrap};

/// The symbol before an item's title.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    /// A cluster's marker.
    Marker(Shape, &'static str),
    /// The ring around a member new in the list (`dashed`: one that moved).
    Ring {
        /// Dashed: moved; solid: joined.
        dashed: bool,
    },
    /// No symbol.
    None,
}

/// One cluster (or note) in the legend.
#[derive(Clone, Debug)]
pub struct Item {
    /// Cluster id.
    pub title: String,
    /// Size class, members, Länder, metrics: one line, wrapped at ` · `.
    pub detail: Vec<String>,
    /// Member names.
    pub members: Vec<String>,
    /// The symbol.
    pub key: Key,
}

/// A ring around a marked member, as SVG.
pub fn ring((x, y): (f64, f64), r: f64, dashed: bool, class: &str) -> String {
    let dash = if dashed { r#" stroke-dasharray="3 2""# } else { "" };
    format!(
        r##"<circle class="{class}" cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="none" stroke="#1a1a1a" stroke-width="1.8"{dash}/>"##
    )
}

const TITLE: f64 = 14.0;
const BODY: f64 = 12.5;
const LINE: f64 = 17.0;
const INDENT: f64 = 22.0;
const SPACING: f64 = 12.0;
/// Between two legend columns.
pub const COLUMN_GAP: f64 = 24.0;

/// One item's SVG elements, starting at `(x, y)`, and its height.
fn item_svg(item: &Item, x: f64, y: f64, w: f64) -> (String, f64) {
    let mut s = String::new();
    let mut cy = y + LINE;
    let at = (x + 7.0, cy - 5.0);
    let key = match item.key {
        Key::Marker(shape, colour) => marker(shape, at, 6.0, colour, r#"class="key""#, ""),
        Key::Ring { dashed } => ring(at, 6.5, dashed, "key-mark"),
        Key::None => String::new(),
    };
    let indent = if item.key == Key::None { 0.0 } else { INDENT };
    let _ = writeln!(
        s,
        r##"{key}<text x="{:.1}" y="{cy:.1}" font-size="{TITLE}" font-weight="bold" fill="#222">{}</text>"##,
        x + indent,
        escape(&item.title)
    );
    // The details in grey, then the members in black.
    for (text, separator, fill) in [(&item.detail, " · ", "#5a5a5a"), (&item.members, ", ", "#222")] {
        for line in wrap(text, separator, BODY, w - indent) {
            cy += LINE;
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{cy:.1}" font-size="{BODY}" fill="{fill}">{}</text>"##,
                x + indent,
                escape(&line)
            );
        }
    }
    (s, cy + SPACING - y)
}

/// Column of each item when a column holds at most `limit` pixels (an item
/// taller than that gets a column of its own).
fn columns_of(heights: &[f64], limit: f64) -> Vec<usize> {
    let (mut column, mut used) = (0, 0.0);
    heights
        .iter()
        .map(|&h| {
            if used > 0.0 && used + h > limit {
                column += 1;
                used = 0.0;
            }
            used += h;
            column
        })
        .collect()
}

/// The legend as SVG elements at `(x, y)` (top left), in columns `w`
/// pixels wide: as few columns as fit in `max_h` (a long legend grows to
/// the right, like a slide, rather than down), filled evenly. Returns the
/// elements, the number of columns and the height.
pub fn legend(title: &str, items: &[Item], x: f64, y: f64, w: f64, max_h: f64) -> (String, usize, f64) {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r##"<text class="legend-title" x="{x:.1}" y="{:.1}" font-size="16" font-weight="bold" fill="#222">{}</text>"##,
        y + 18.0,
        escape(title)
    );
    let top = y + 30.0;
    let heights: Vec<f64> = items.iter().map(|i| item_svg(i, 0.0, 0.0, w).1).collect();
    let limit = max_h - (top - y);
    let count = |c: &[usize]| c.last().map_or(1, |&l| l + 1);
    let fewest = count(&columns_of(&heights, limit));
    // Even columns: the smallest limit that needs no more columns.
    let total: f64 = heights.iter().sum();
    let mut even = (total / fewest as f64).min(limit);
    while count(&columns_of(&heights, even)) > fewest && even < limit {
        even = (even + 8.0).min(limit);
    }
    let placement = columns_of(&heights, even);
    let mut bottom = vec![top; fewest];
    for (item, &column) in items.iter().zip(&placement) {
        let (svg, h) = item_svg(item, x + column as f64 * (w + COLUMN_GAP), bottom[column], w);
        s.push_str(&svg);
        bottom[column] += h;
    }
    let height = bottom.iter().fold(top, |a, &b| a.max(b)) - y;
    (s, fewest, height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::palette::style_of;

    fn items(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| Item {
                title: format!("Mittelstadt-{i}"),
                detail: vec!["7 members".into(), "6 Länder".into()],
                members: ["Gotha", "Hameln", "Wismar", "Passau", "Flensburg", "Görlitz"]
                    .map(String::from)
                    .to_vec(),
                key: Key::Marker(
                    style_of(&format!("Mittelstadt-{i}")).1,
                    style_of(&format!("Mittelstadt-{i}")).0,
                ),
            })
            .collect()
    }

    #[test]
    fn a_long_legend_flows_into_columns_no_taller_than_asked() {
        let (svg, columns, h) = legend("Clusters", &items(3), 0.0, 0.0, 450.0, 800.0);
        assert_eq!((columns, svg.matches(r#"class="key""#).count()), (1, 3));
        assert!(h < 800.0);
        let (svg, columns, h) = legend("Clusters", &items(40), 0.0, 0.0, 450.0, 800.0);
        assert!(columns > 1 && h <= 800.0, "{columns} {h}");
        assert_eq!(svg.matches(r#"class="key""#).count(), 40);
        // Filled evenly: 13 items that need two columns split 7 + 6, not 12 + 1.
        let heights = vec![60.0; 13];
        assert_eq!(columns_of(&heights, 720.0).iter().filter(|&&c| c == 1).count(), 1);
        let (_, columns, h) = legend("Clusters", &items(13), 0.0, 0.0, 450.0, 600.0);
        assert_eq!(columns, 2);
        assert!(h < 500.0, "two even columns: {h}");
    }
}
