//! Cluster colours and marker shapes. The colours are the Okabe–Ito
//! palette, distinguishable with the common colour-vision deficiencies.
//!
//! A cluster's style follows from its id alone ([`style_of`]), never from
//! its position in a lineup, so `Kleinstadt-2` looks the same in `solve`,
//! `whatif` and `alternatives` maps: for the ids the solver gives
//! (`CLASS-N`), the shape says the size class (circle Großstadt, square
//! Mittelstadt, triangle Kleinstadt, diamond Landgemeinde) and the colour
//! steps through the palette with N, each class starting three colours
//! further on; other ids take a style from a hash of their text.

/// Okabe–Ito colours, darkest and most distinct first; its yellow is left
/// out: thin yellow lines vanish on the light map and on a projector.
const COLOURS: [&str; 7] = [
    "#0072B2", // blue
    "#D55E00", // vermillion
    "#009E73", // bluish green
    "#CC79A7", // reddish purple
    "#E69F00", // orange
    "#56B4E9", // sky blue
    "#000000", // black
];

/// Marker shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A circle.
    Circle,
    /// A square.
    Square,
    /// A triangle pointing up.
    Triangle,
    /// A diamond.
    Diamond,
}

const SHAPES: [Shape; 4] = [Shape::Circle, Shape::Square, Shape::Triangle, Shape::Diamond];

/// Size classes of the built-in schemes with a style of their own, and
/// the palette position each starts at.
const CLASSES: [(&str, usize); 4] = [
    ("Großstadt", 0),
    ("Mittelstadt", 3),
    ("Kleinstadt", 6),
    ("Landgemeinde", 1),
];

/// A stable hash (FNV-1a), the same on every machine and run.
fn fnv(s: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 16) as usize
}

/// `CLASS-N` split into the class and N (from 1), if the id has that form.
fn split(id: &str) -> Option<(&str, usize)> {
    let (class, n) = id.rsplit_once('-')?;
    let n: usize = n.parse().ok().filter(|&n| n >= 1)?;
    Some((class, n))
}

/// Whether the shapes of these cluster ids say their size class: every id
/// is `CLASS-N` of a built-in class with N of at most eight.
pub fn shapes_are_classes<'a>(mut ids: impl Iterator<Item = &'a str>) -> bool {
    ids.all(|id| split(id).is_some_and(|(c, n)| n <= COLOURS.len() && CLASSES.iter().any(|(k, _)| *k == c)))
}

/// Colour and shape of the cluster with this id.
pub fn style_of(id: &str) -> (&'static str, Shape) {
    let (rank, start, n) = match split(id) {
        Some((class, n)) => match CLASSES.iter().position(|(k, _)| *k == class) {
            Some(r) => (r, CLASSES[r].1, n),
            None => {
                let h = fnv(class);
                (h / COLOURS.len(), h, n)
            }
        },
        None => {
            let h = fnv(id);
            (h / COLOURS.len(), h, 1)
        }
    };
    let i = n - 1;
    (
        COLOURS[(start + i) % COLOURS.len()],
        SHAPES[(rank + i / COLOURS.len()) % SHAPES.len()],
    )
}

/// Colour and shape of the `i`-th cluster.
#[cfg(test)]
fn style(i: usize) -> (&'static str, Shape) {
    (
        COLOURS[i % COLOURS.len()],
        SHAPES[(i / COLOURS.len()) % SHAPES.len()],
    )
}

/// An SVG element for a marker of radius `r` at `(x, y)`, with the given
/// attributes (class, data) and inner content (a `<title>`).
pub fn marker(shape: Shape, (x, y): (f64, f64), r: f64, fill: &str, attrs: &str, inner: &str) -> String {
    let body = match shape {
        Shape::Circle => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}""#),
        Shape::Square => {
            let s = r * 0.9;
            format!(
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}""#,
                x - s,
                y - s,
                2.0 * s,
                2.0 * s
            )
        }
        Shape::Triangle => {
            let s = r * 1.25;
            format!(
                r#"<path d="M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z""#,
                y - s,
                x + s * 0.866,
                y + s * 0.5,
                x - s * 0.866,
                y + s * 0.5
            )
        }
        Shape::Diamond => {
            let s = r * 1.2;
            format!(
                r#"<path d="M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}Z""#,
                y - s,
                x + s,
                y + s,
                x - s
            )
        }
    };
    let tag = match shape {
        Shape::Circle => "circle",
        Shape::Square => "rect",
        Shape::Triangle | Shape::Diamond => "path",
    };
    format!(r##"{body} fill="{fill}" stroke="#1a1a1a" stroke-width="1" {attrs}>{inner}</{tag}>"##)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_28_styles_differ() {
        let styles: Vec<_> = (0..28).map(style).collect();
        for i in 0..28 {
            for j in 0..i {
                assert_ne!(styles[i], styles[j], "{i} {j}");
            }
        }
    }

    #[test]
    fn styles_follow_the_id_not_the_order() {
        assert_eq!(style_of("Großstadt-1"), (COLOURS[0], Shape::Circle));
        assert_eq!(style_of("Mittelstadt-1"), (COLOURS[3], Shape::Square));
        assert_eq!(style_of("Kleinstadt-2"), (COLOURS[0], Shape::Triangle));
        assert_eq!(style_of("Kleinstadt-3"), (COLOURS[1], Shape::Triangle));
        // Within a class, up to 7 × 4 clusters look different.
        let ids: Vec<String> = (1..=28).map(|n| format!("Mittelstadt-{n}")).collect();
        let styles: Vec<_> = ids.iter().map(|i| style_of(i)).collect();
        for i in 0..28 {
            for j in 0..i {
                assert_ne!(styles[i], styles[j], "{i} {j}");
            }
        }
        // Across the classes of a kfa lineup with three clusters each.
        let kfa: Vec<_> = ["Großstadt", "Mittelstadt", "Kleinstadt"]
            .iter()
            .flat_map(|c| (1..=3).map(move |n| style_of(&format!("{c}-{n}"))))
            .collect();
        for i in 0..kfa.len() {
            for j in 0..i {
                assert_ne!(kfa[i], kfa[j]);
            }
        }
        // Other ids: a style of their own, the same every time.
        assert_eq!(style_of("Nord"), style_of("Nord"));
        assert_eq!(style_of("10000-49999-2"), style_of("10000-49999-2"));
        assert!(shapes_are_classes(["Großstadt-1", "Kleinstadt-7"].into_iter()));
        assert!(!shapes_are_classes(["Großstadt-8"].into_iter()));
        assert!(!shapes_are_classes(["Nord"].into_iter()));
    }

    #[test]
    fn markers_are_closed_elements() {
        for shape in SHAPES {
            let m = marker(
                shape,
                (1.0, 2.0),
                5.0,
                "#000000",
                r#"class="member""#,
                "<title>x</title>",
            );
            assert!(
                m.ends_with("</title></circle>")
                    || m.ends_with("</title></rect>")
                    || m.ends_with("</title></path>"),
                "{m}"
            );
        }
    }
}
