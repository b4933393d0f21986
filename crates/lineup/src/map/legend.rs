//! The legend beside the map: per cluster its marker, id, size class,
//! member count and Länder, and the member names; in more columns when it
//! is taller than the map.

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
/// Between two legend columns.
pub const COLUMN_GAP: f64 = 24.0;

/// One item's SVG elements, starting at `(x, y)`, and its height.
fn item_svg(item: &Item, x: f64, y: f64, w: f64) -> (String, f64) {
    let mut s = String::new();
    let mut cy = y + LINE;
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
    // The details in grey, then the members in black.
    for (text, separator, fill) in [(&item.detail, " · ", "#5a5a5a"), (&item.members, ", ", "#222")] {
        for line in wrap(text, separator, BODY, w - INDENT) {
            cy += LINE;
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{cy:.1}" font-size="{BODY}" fill="{fill}">{}</text>"##,
                x + INDENT,
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
pub fn legend(items: &[Item], x: f64, y: f64, w: f64, max_h: f64) -> (String, usize, f64) {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r##"<text class="legend-title" x="{x:.1}" y="{:.1}" font-size="16" font-weight="bold" fill="#222">Clusters</text>"##,
        y + 18.0
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
    use crate::map::palette::style;

    fn items(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| Item {
                title: format!("Mittelstadt-{i}"),
                detail: vec!["7 members".into(), "6 Länder".into()],
                members: ["Gotha", "Hameln", "Wismar", "Passau", "Flensburg", "Görlitz"]
                    .map(String::from)
                    .to_vec(),
                colour: style(i).0,
                shape: style(i).1,
            })
            .collect()
    }

    #[test]
    fn a_long_legend_flows_into_columns_no_taller_than_asked() {
        let (svg, columns, h) = legend(&items(3), 0.0, 0.0, 450.0, 800.0);
        assert_eq!((columns, svg.matches(r#"class="key""#).count()), (1, 3));
        assert!(h < 800.0);
        let (svg, columns, h) = legend(&items(40), 0.0, 0.0, 450.0, 800.0);
        assert!(columns > 1 && h <= 800.0, "{columns} {h}");
        assert_eq!(svg.matches(r#"class="key""#).count(), 40);
        // Filled evenly: 13 items that need two columns split 7 + 6, not 12 + 1.
        let heights = vec![60.0; 13];
        assert_eq!(columns_of(&heights, 720.0).iter().filter(|&&c| c == 1).count(), 1);
        let (_, columns, h) = legend(&items(13), 0.0, 0.0, 450.0, 600.0);
        assert_eq!(columns, 2);
        assert!(h < 500.0, "two even columns: {h}");
    }
}
