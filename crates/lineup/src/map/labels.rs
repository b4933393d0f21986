//! Name labels beside the markers, without overlaps where possible. Every
//! member gets its name:
//!
//! 1. each municipality (most populous first) gets the first of right,
//!    left, above, below and the four diagonals that hits no marker, no
//!    placed label and stays on the map;
//! 2. the others get the nearest free place further out, on rings around
//!    the marker, joined to it by a thin leader line that crosses no label;
//! 3. where even that finds nothing (a crowded city), the place with the
//!    fewest overlaps.

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

    fn contains(&self, (x, y): (f64, f64)) -> bool {
        x > self.x0 && x < self.x1 && y > self.y0 && y < self.y1
    }

    /// Whether the segment from `a` to `b` passes through the box (sampled
    /// every two pixels: labels are at least ten high).
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let steps = ((b.0 - a.0).hypot(b.1 - a.1) / 2.0).ceil().max(1.0) as usize;
        (0..=steps).any(|k| {
            let t = k as f64 / steps as f64;
            self.contains((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)))
        })
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
    /// A leader line from the marker's edge to the label, when the label
    /// stands away from its marker.
    pub leader: Option<[(f64, f64); 2]>,
}

/// One place a label could go.
struct Spot {
    x: f64,
    y: f64,
    anchor: &'static str,
    rect: Rect,
    leader: Option<[(f64, f64); 2]>,
}

/// Distances of the rings, in marker radii plus pixels, and angles per ring.
const RINGS: [f64; 6] = [14.0, 22.0, 32.0, 44.0, 58.0, 76.0];
const ANGLES: usize = 16;

/// Places labels of font size `size` for points with markers of radius
/// `r`, in the given order, inside `area`: one label per point.
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
    let (ascent, descent) = (size * 0.75, size * 0.25);
    let boxed = |left: f64, baseline: f64, w: f64| Rect {
        x0: left - pad,
        y0: baseline - ascent - pad,
        x1: left + w + pad,
        y1: baseline + descent + pad,
    };
    // Beside the marker: the eight classic positions.
    let beside = |i: usize| -> Vec<Spot> {
        let (x, y) = points[i];
        let w = width(names[i], size);
        let gap = r + 3.5;
        let d = gap * 0.75;
        [
            (x + gap, y + size * 0.35, "start", x + gap),
            (x - gap, y + size * 0.35, "end", x - gap - w),
            (x, y - gap - descent, "middle", x - w / 2.0),
            (x, y + gap + ascent, "middle", x - w / 2.0),
            (x + d, y - d, "start", x + d),
            (x + d, y + d + ascent, "start", x + d),
            (x - d, y - d, "end", x - d - w),
            (x - d, y + d + ascent, "end", x - d - w),
        ]
        .into_iter()
        .map(|(lx, ly, anchor, left)| Spot {
            x: lx,
            y: ly,
            anchor,
            rect: boxed(left, ly, w),
            leader: None,
        })
        .collect()
    };
    // Away from it, on rings, with a leader line.
    let away = |i: usize| -> Vec<Spot> {
        let (x, y) = points[i];
        let w = width(names[i], size);
        let mut spots = Vec::new();
        for ring in RINGS {
            let dist = r + ring;
            for k in 0..ANGLES {
                let a = std::f64::consts::TAU * k as f64 / ANGLES as f64;
                let (c, s) = (a.cos(), a.sin());
                let (px, py) = (x + dist * c, y + dist * s);
                let (anchor, left) = if c > 0.35 {
                    ("start", px)
                } else if c < -0.35 {
                    ("end", px - w)
                } else {
                    ("middle", px - w / 2.0)
                };
                // The baseline so the leader meets the label's middle, top or bottom.
                let ly = if s > 0.8 {
                    py + ascent
                } else if s < -0.8 {
                    py - descent
                } else {
                    py + size * 0.35
                };
                spots.push(Spot {
                    x: px,
                    y: ly,
                    anchor,
                    rect: boxed(left, ly, w),
                    leader: Some([(x + (r + 1.0) * c, y + (r + 1.0) * s), (px, py)]),
                });
            }
        }
        spots
    };
    let mut taken: Vec<Rect> = Vec::new();
    let mut leaders: Vec<[(f64, f64); 2]> = Vec::new();
    let mut labels: Vec<Option<Label>> = vec![None; points.len()];
    let clashes = |spot: &Spot, i: usize, taken: &[Rect], leaders: &[[(f64, f64); 2]]| -> usize {
        let mut n = taken.iter().filter(|t| t.overlaps(&spot.rect)).count()
            + markers
                .iter()
                .enumerate()
                .filter(|(k, m)| *k != i && m.overlaps(&spot.rect))
                .count()
            + leaders
                .iter()
                .filter(|l| spot.rect.crossed_by(l[0], l[1]))
                .count();
        if let Some([a, b]) = spot.leader {
            n += taken.iter().filter(|t| t.crossed_by(a, b)).count();
        }
        n
    };
    let mut put = |i: usize, spot: Spot, taken: &mut Vec<Rect>, leaders: &mut Vec<[(f64, f64); 2]>| {
        taken.push(spot.rect);
        leaders.extend(spot.leader);
        labels[i] = Some(Label {
            point: i,
            x: spot.x,
            y: spot.y,
            anchor: spot.anchor,
            leader: spot.leader,
        });
    };
    let mut rest = Vec::new();
    for &i in order {
        match beside(i)
            .into_iter()
            .find(|s| s.rect.inside(&area) && clashes(s, i, &taken, &leaders) == 0)
        {
            Some(spot) => put(i, spot, &mut taken, &mut leaders),
            None => rest.push(i),
        }
    }
    for i in rest {
        let spots: Vec<Spot> = away(i).into_iter().filter(|s| s.rect.inside(&area)).collect();
        // The nearest free spot, else the one with the fewest clashes.
        let best = spots
            .into_iter()
            .enumerate()
            .map(|(k, s)| (clashes(&s, i, &taken, &leaders), k, s))
            .min_by_key(|(c, k, _)| (*c, *k));
        if let Some((_, _, spot)) = best {
            put(i, spot, &mut taken, &mut leaders);
        }
    }
    labels.into_iter().flatten().collect()
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
    fn crowded_points_all_get_labels_with_leader_lines_and_no_overlap() {
        let pts: Vec<(f64, f64)> = (0..6).map(|i| (200.0 + i as f64 * 4.0, 200.0)).collect();
        let names = ["Essen", "Bochum", "Herne", "Gelsenkirchen", "Dortmund", "Hagen"];
        let labels = place(&pts, &names, &[0, 1, 2, 3, 4, 5], 5.0, 11.0, AREA);
        assert_eq!(labels.len(), 6, "every point is named");
        assert!(labels.iter().any(|l| l.leader.is_some()));
        let boxes: Vec<Rect> = labels
            .iter()
            .map(|l| {
                let w = width(names[l.point], 11.0);
                let left = match l.anchor {
                    "start" => l.x,
                    "end" => l.x - w,
                    _ => l.x - w / 2.0,
                };
                Rect {
                    x0: left,
                    y0: l.y - 8.25,
                    x1: left + w,
                    y1: l.y + 2.75,
                }
            })
            .collect();
        for i in 0..boxes.len() {
            for j in 0..i {
                assert!(
                    !boxes[i].overlaps(&boxes[j]),
                    "{} and {}",
                    names[labels[i].point],
                    names[labels[j].point]
                );
            }
        }
        let at_edge = place(&[(498.0, 250.0)], &["Görlitz"], &[0], 5.0, 11.0, AREA);
        assert_eq!(at_edge[0].anchor, "end", "stays inside the area");
    }
}
