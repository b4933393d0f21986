//! Numbers as spreadsheets write them: `1484226`, `1.484.226` (German
//! thousands dots), `1,484,226`, `1 484 226`; `52.1043` and `52,1043`
//! (decimal comma).
//!
//! A lone separator is ambiguous (`1.234`: one thousand two hundred and
//! thirty-four, or one point two three four?). It is resolved by what the
//! column holds:
//!
//! * **Population** is a whole number, so a separator followed by exactly
//!   three digits groups thousands: `1.234` and `1,234` are 1 234. Any other
//!   separator is a decimal one and must be followed by zeros only
//!   (`12345.0` or `12345,00` is 12 345; `1234,5` is an error).
//!   With both `.` and `,` the last one is the decimal separator
//!   (`1.234.567,0`, `1,234,567.0`).
//! * **Coordinates** are degrees below 180, so they never group thousands:
//!   a single `.` or `,` is the decimal separator (`1.234` and `1,234` are
//!   both 1.234°); more than one separator is an error.

/// Spaces that may group digits: space, no-break space, narrow no-break
/// space, thin space; and the apostrophe (Swiss style).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` is digits grouped in threes by `sep`: `1.234.567`.
fn grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    all_digits(first) && first.len() <= 3 && parts.all(|p| p.len() == 3 && all_digits(p))
}

/// Parses a whole number > 0 of inhabitants (see the module docs).
/// `1.484.226`, `1 484 226` → 1 484 226; `1.234` → 1 234; `12345,0` → 12 345;
/// `1234,5` is none.
pub fn parse_population(text: &str) -> Option<u64> {
    let t: String = text.trim().chars().filter(|&c| !is_group_space(c)).collect();
    let t = t.strip_prefix('+').unwrap_or(&t);
    let whole = |digits: &str| digits.parse::<u64>().ok().filter(|&v| v > 0);
    if all_digits(t) {
        return whole(t);
    }
    let (dot, comma) = (t.contains('.'), t.contains(','));
    // The decimal separator, if any: the last of two kinds, or a lone one
    // that is not followed by exactly three digits.
    let decimal = match (dot, comma) {
        (true, true) => t.rfind(['.', ',']),
        (true, false) | (false, true) => {
            let sep = if dot { '.' } else { ',' };
            if grouped(t, sep) {
                None
            } else if t.matches(sep).count() == 1 {
                t.find(sep)
            } else {
                return None;
            }
        }
        (false, false) => return None,
    };
    let (int, frac) = match decimal {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, ""),
    };
    if !frac.bytes().all(|b| b == b'0') {
        return None;
    }
    if all_digits(int) {
        return whole(int);
    }
    let sep = if int.contains('.') { '.' } else { ',' };
    if grouped(int, sep) {
        whole(&int.replace(sep, ""))
    } else {
        None
    }
}

/// Parses a decimal number with a decimal point or comma (see the module
/// docs); no thousands separators.
/// `52,1043` → 52.1043; `-7.5` → −7.5; `1.234,5` is none.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t = text.trim();
    let separators = t.matches(['.', ',']).count();
    if separators > 1 || t.is_empty() {
        return None;
    }
    let t = t.replace(',', ".");
    let ok = t
        .trim_start_matches(['+', '-'])
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.')
        && t.bytes().any(|b| b.is_ascii_digit());
    if !ok {
        return None;
    }
    t.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(parse_population("1.484.226"), Some(1_484_226));
        assert_eq!(parse_population("1 484 226"), Some(1_484_226));
        assert_eq!(parse_population("1.234"), Some(1_234));
        assert_eq!(parse_population("12345,0"), Some(12_345));
        assert_eq!(parse_population("1234,5"), None);
        assert_eq!(parse_decimal("52,1043"), Some(52.1043));
        assert_eq!(parse_decimal("-7.5"), Some(-7.5));
        assert_eq!(parse_decimal("1.234,5"), None);
    }

    #[test]
    fn populations_in_every_spelling() {
        for (text, want) in [
            ("1484226", Some(1_484_226)),
            ("1.484.226", Some(1_484_226)),
            ("1,484,226", Some(1_484_226)),
            ("1\u{a0}484\u{a0}226", Some(1_484_226)),
            ("1'484'226", Some(1_484_226)),
            ("1.234", Some(1_234)),
            ("1,234", Some(1_234)),
            ("100.000", Some(100_000)),
            ("12345.0", Some(12_345)),
            ("12345,00", Some(12_345)),
            ("1.234.567,0", Some(1_234_567)),
            ("1,234,567.00", Some(1_234_567)),
            ("1234.000", Some(1_234)),
            (" 981 ", Some(981)),
            ("1.5", None),
            ("1,5", None),
            ("1.23", None),
            ("1.2345", None),
            ("12.34.567", None),
            ("1.234,5", None),
            ("1..234", None),
            ("0", None),
            ("-5", None),
            ("viele", None),
            ("", None),
            (".", None),
        ] {
            assert_eq!(parse_population(text), want, "{text:?}");
        }
    }

    #[test]
    fn decimals_with_point_or_comma() {
        assert_eq!(parse_decimal("52.1043"), Some(52.1043));
        assert_eq!(parse_decimal("52,1043"), Some(52.1043));
        assert_eq!(parse_decimal("1.234"), Some(1.234));
        assert_eq!(parse_decimal("9"), Some(9.0));
        assert_eq!(parse_decimal("+9,5"), Some(9.5));
        for bad in [
            "", "1.2.3", "1,2,3", "1.234,5", "abc", "NaN", "inf", "1e3", "-", ",",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }
}
