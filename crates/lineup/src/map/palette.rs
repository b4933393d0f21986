//! Cluster colours and marker shapes. The colours are the Okabe–Ito
//! palette, distinguishable with the common colour-vision deficiencies;
//! after eight clusters the shape changes too, so 32 clusters look
//! different from each other.

/// Okabe–Ito colours, darkest and most distinct first (yellow last: it is
/// the hardest to see on a light map).
const COLOURS: [&str; 8] = [
    "#0072B2", // blue
    "#D55E00", // vermillion
    "#009E73", // bluish green
    "#CC79A7", // reddish purple
    "#E69F00", // orange
    "#56B4E9", // sky blue
    "#000000", // black
    "#F0E442", // yellow
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

/// Colour and shape of the `i`-th cluster.
pub fn style(i: usize) -> (&'static str, Shape) {
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
    fn first_32_styles_differ() {
        let styles: Vec<_> = (0..32).map(style).collect();
        for i in 0..32 {
            for j in 0..i {
                assert_ne!(styles[i], styles[j], "{i} {j}");
            }
        }
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
