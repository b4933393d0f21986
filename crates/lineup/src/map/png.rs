//! The SVG map as a PNG picture, rendered in-process with resvg (no
//! external tool, no system fonts: the text is set in DejaVu Sans, embedded
//! in the library, so a PNG looks the same on every machine).

use std::sync::Arc;

use resvg::{tiny_skia, usvg};
use thiserror::Error;

/// DejaVu Sans and its bold, subset to Latin and our symbols (see
/// `font/README.md` for the subset and `font/LICENSE-DejaVu` for the licence).
const FONTS: [&[u8]; 2] = [
    include_bytes!("font/DejaVuSans.ttf"),
    include_bytes!("font/DejaVuSans-Bold.ttf"),
];

/// The family every text of the map is set in.
const FAMILY: &str = "DejaVu Sans";

/// Why a PNG could not be made.
#[derive(Debug, Error)]
pub enum PngError {
    /// The SVG is not well-formed (not one [`svg`](super::svg) writes).
    #[error("the map cannot be drawn: {0}")]
    Svg(String),
    /// The picture would be empty or too large for memory.
    #[error("a picture of {width}x{height} pixels cannot be made: use a smaller size, e.g. 1920x1080")]
    Size {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// PNG encoding failed.
    #[error("the PNG cannot be encoded: {0}")]
    Encode(String),
}

/// Renders an SVG document (such as [`svg`](super::svg) returns) to PNG
/// bytes, `zoom` times its own size (1 for a map made at a given
/// [`MapSize`](super::MapSize); 2 makes a map sharp on a slide).
///
/// ```
/// # use lineup::{Problem, Settings, SolveOptions, solve, Report};
/// # let towns = ["Flensburg", "Weimar", "Stralsund", "Görlitz", "Passau", "Hameln"]
/// #     .map(|n| lineup::register::register().find(n, None).unwrap().municipality());
/// # let problem = Problem::new(towns.to_vec(), Settings::default())?;
/// # let report = Report::new(&problem, &solve(&problem, &SolveOptions::default())?);
/// let png = lineup::map::png(&lineup::map::svg(&report), 1.0)?;
/// assert_eq!(&png[1..4], b"PNG");
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn png(svg: &str, zoom: f32) -> Result<Vec<u8>, PngError> {
    let mut db = usvg::fontdb::Database::new();
    for font in FONTS {
        db.load_font_data(font.to_vec());
    }
    db.set_sans_serif_family(FAMILY);
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))?;
    let size = tree.size().to_int_size().scale_by(zoom);
    let (width, height) = size.map_or((0, 0), |s| (s.width(), s.height()));
    let too_large = u64::from(width) * u64::from(height) > 64_000_000;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .filter(|_| !too_large)
        .ok_or(PngError::Size { width, height })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(zoom, zoom),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| PngError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_drawn_with_the_embedded_font() {
        let with = |text: &str| {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="white"/><text x="5" y="28" font-size="24" font-family="Helvetica, sans-serif">{text}</text></svg>"#
            );
            png(&svg, 1.0).unwrap()
        };
        // Text changes the picture: glyphs were found without system fonts.
        assert_ne!(with("Görlitz"), with(""));
        assert!(matches!(png("<svg", 1.0), Err(PngError::Svg(_))));
        let huge = r#"<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"/>"#;
        assert!(matches!(png(huge, 1.0), Err(PngError::Size { .. })));
    }
}
