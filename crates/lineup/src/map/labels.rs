//! Name labels beside the markers, placed greedily without overlaps: each
//! municipality (most populous first) gets the first of right, left, above,
//! below and the four diagonals that hits no marker, no placed label and
//! stays on the map;
//! names that fit nowhere are left off the map (the legend lists every
//! member).

use super::text::width;

/// An axis-aligned box in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }
}

/// A placed label: text anchored at `(x, y)` (the baseline).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Index of the point it names.
    pub point: usize,
    /// Anchor x.
    pub x: f64,
    /// Baseline y.
    pub y: f64,
    /// `start`, `end` or `middle`.
    pub anchor: &'static str,
}

/// Places labels of font size `size` for points with markers of radius
/// `r`, in the given order, inside `area`.
pub fn place(
    points: &[(f64, f64)],
    names: &[&str],
    order: &[usize],
    r: f64,
    size: f64,
    area: Rect,
) -> Vec<Label> {
    let pad = 2.5;
    let markers: Vec<Rect> = points
        .iter()
        .map(|&(x, y)| Rect {
            x0: x - r - pad,
            y0: y - r - pad,
            x1: x + r + pad,
            y1: y + r + pad,
        })
        .collect();
    let mut taken: Vec<Rect> = Vec::new();
    let mut labels = Vec::new();
    for &i in order {
        let (x, y) = points[i];
        let w = width(names[i], size);
        let (ascent, descent) = (size * 0.75, size * 0.25);
        let gap = r + 3.5;
        let d = gap * 0.75;
        let candidates = [
            (x + gap, y + size * 0.35, "start", x + gap),
            (x - gap, y + size * 0.35, "end", x - gap - w),
            (x, y - gap - descent, "middle", x - w / 2.0),
            (x, y + gap + ascent, "middle", x - w / 2.0),
            (x + d, y - d, "start", x + d),
            (x + d, y + d + ascent, "start", x + d),
            (x - d, y - d, "end", x - d - w),
            (x - d, y + d + ascent, "end", x - d - w),
        ];
        for (lx, ly, anchor, left) in candidates {
            let rect = Rect {
                x0: left - pad,
                y0: ly - ascent - pad,
                x1: left + w + pad,
                y1: ly + descent + pad,
            };
            // A label starts beside its own marker, so only the others count.
            let free = rect.inside(&area)
                && !taken.iter().any(|t| t.overlaps(&rect))
                && !markers
                    .iter()
                    .enumerate()
                    .any(|(k, m)| k != i && m.overlaps(&rect));
            if free {
                taken.push(rect);
                labels.push(Label {
                    point: i,
                    x: lx,
                    y: ly,
                    anchor,
                });
                break;
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 500.0,
        y1: 500.0,
    };

    #[test]
    fn far_apart_points_all_get_labels_on_the_right() {
        let pts = [(100.0, 100.0), (100.0, 300.0)];
        let labels = place(&pts, &["Gotha", "Passau"], &[0, 1], 5.0, 11.0, AREA);
        assert_eq!(labels.len(), 2);
        assert!(labels.iter().all(|l| l.anchor == "start"));
    }

    #[test]
    fn crowded_points_move_or_drop_labels_but_never_overlap() {
        let pts: Vec<(f64, f64)> = (0..6).map(|i| (200.0 + i as f64 * 4.0, 200.0)).collect();
        let names = ["Essen", "Bochum", "Herne", "Gelsenkirchen", "Dortmund", "Hagen"];
        let labels = place(&pts, &names, &[0, 1, 2, 3, 4, 5], 5.0, 11.0, AREA);
        assert!(labels.len() < 6 && !labels.is_empty());
        let at_edge = place(&[(498.0, 250.0)], &["Görlitz"], &[0], 5.0, 11.0, AREA);
        assert_eq!(at_edge[0].anchor, "end", "stays inside the area");
    }
}
