//! Text on the map: XML escaping and an estimate of rendered width (no
//! font files are read: widths are per-character averages of DejaVu Sans,
//! the widest of the common sans-serif fonts, so text set in Helvetica or
//! Arial takes a little less room than estimated, never more).

/// Escapes `&`, `<`, `>`, `"` and `'` for XML text and attributes, and
/// drops what XML 1.0 does not allow (control characters such as NUL, ESC
/// and BEL, and the non-characters U+FFFE and U+FFFF): the SVG stays
/// well-formed whatever a name holds.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Approximate width in pixels of `s` at font size `size` (px).
pub fn width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '\'' | '|' | '!' => 0.28,
            'I' | '.' | ',' | ':' | ';' | ' ' | '·' => 0.32,
            '-' | '(' | ')' | '[' | ']' | '/' => 0.39,
            'f' | 't' | 'r' => 0.41,
            'm' => 0.98,
            'w' | 'M' => 0.86,
            'W' | '—' | '%' => 1.0,
            c if c.is_ascii_digit() => 0.64,
            c if c.is_uppercase() => 0.74,
            _ => 0.6,
        })
        .sum();
    em * size
}

/// Splits `words`, joined by `sep`, into lines no wider than `max` pixels
/// (a line ends with the separator's trimmed form, e.g. `,`; a separator
/// that is only punctuation between spaces, like ` · `, is dropped at line
/// ends).
pub fn wrap(words: &[String], sep: &str, size: f64, max: f64) -> Vec<String> {
    let end = match sep.trim_end() {
        e if e.starts_with(' ') => "",
        e => e,
    };
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for w in words {
        let candidate = if current.is_empty() {
            w.clone()
        } else {
            format!("{current}{sep}{w}")
        };
        // Room for the separator that ends the line if the next word does not fit.
        if !current.is_empty() && width(&candidate, size) + width(end, size) > max {
            current.push_str(end);
            lines.push(std::mem::replace(&mut current, w.clone()));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("A & B <\"x\">"), "A &amp; B &lt;&quot;x&quot;&gt;");
        assert_eq!(escape("Bad\u{0}\u{1b}[31m\u{7}Ort\u{fffe}"), "Bad[31mOrt");
        assert_eq!(escape("Görlitz"), "Görlitz");
    }

    #[test]
    fn wraps_at_the_width() {
        let words: Vec<String> = ["München", "Köln", "Leipzig", "Hannover"]
            .map(String::from)
            .to_vec();
        let one = wrap(&words, ", ", 12.0, 1000.0);
        assert_eq!(one, ["München, Köln, Leipzig, Hannover"]);
        let narrow = wrap(&words, ", ", 12.0, 90.0);
        assert!(narrow.len() > 1, "{narrow:?}");
        assert!(
            narrow.iter().all(|l| width(l, 12.0) <= 90.0 || !l.contains(' ')),
            "{narrow:?}"
        );
        assert!(narrow[0].ends_with(','), "{narrow:?}");
        let dots = wrap(&words, " · ", 12.0, 90.0);
        assert!(
            dots.iter().all(|l| !l.ends_with('·') && !l.starts_with('·')),
            "{dots:?}"
        );
        assert!(width("Mm", 10.0) > width("il", 10.0));
    }
}
