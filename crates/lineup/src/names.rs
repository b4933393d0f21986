//! Forgiving name matching, the one place that decides when two names are
//! the same: folding, resemblance and edit distance. Used for municipality
//! names (the register and a problem's own list), Länder, size classes and
//! column headers.

/// Folds a name for matching: lower case, umlauts and ß spelled out
/// (`ä` → `ae`, `ß` → `ss`), without spaces, hyphens, dots, underscores,
/// commas, slashes, brackets and apostrophes; so `München` and `MUENCHEN`,
/// `Frankfurt (Oder)`, `Frankfurt/Oder` and `frankfurt oder` are one name.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    use unicode_normalization::UnicodeNormalization;
    // NFC first: "o\u{308}" (o + combining diaeresis) is "ö".
    for c in name.trim().nfc().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            ' ' | '-' | '.' | '_' | '\u{a0}' | ',' | '/' | '(' | ')' | '\'' | '’' => {}
            c => out.push(c),
        }
    }
    out
}

/// How much `name` resembles the folded `target`, lower is closer; `None`
/// if not at all. Names starting with the target come first, then names
/// holding it as a word, then names at most two edits away.
pub fn resemblance(target: &str, name: &str) -> Option<usize> {
    if target.chars().count() < 3 {
        return None;
    }
    let folded = fold(name);
    if folded.starts_with(target) {
        return Some(0);
    }
    let is_word = name
        .split([' ', '-', '/', '(', ')', ',', '.'])
        .any(|w| !w.is_empty() && fold(w) == target);
    if is_word {
        return Some(1);
    }
    let (a, b) = (target.chars().count(), folded.chars().count());
    if a >= 4 && a.abs_diff(b) <= 2 {
        let d = edit_distance(target, &folded);
        if d <= 2 {
            return Some(1 + d);
        }
    }
    None
}

/// Levenshtein distance over characters (strsim's).
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// Whether two ids differ by one changed, missing or extra character, or
/// by two swapped neighbours.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = a
            .bytes()
            .zip(b.bytes())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .map(|(i, _)| i)
            .collect();
        return match diff.as_slice() {
            [_] => true,
            [i, j] => {
                *j == i + 1 && a.as_bytes()[*i] == b.as_bytes()[*j] && a.as_bytes()[*j] == b.as_bytes()[*i]
            }
            _ => false,
        };
    }
    edit_distance(a, b) == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_punctuation_and_umlauts() {
        assert_eq!(fold("Frankfurt (Oder)"), fold("frankfurt/oder"));
        assert_eq!(fold("Kiel, Landeshauptstadt"), "kiellandeshauptstadt");
        assert_eq!(fold("Bad Tölz"), fold("BAD TOELZ"));
    }

    #[test]
    fn resemblance_ranks_prefix_word_and_typos() {
        assert_eq!(resemblance("frankfurt", "Frankfurt am Main"), Some(0));
        assert_eq!(resemblance("neustadt", "Titisee-Neustadt"), Some(1));
        assert_eq!(resemblance("muenchn", "München"), Some(2));
        assert_eq!(resemblance("berlin", "Bremen"), None);
        assert_eq!(resemblance("ab", "Abenberg"), None);
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert!(one_edit_apart("09162000", "09162001"));
        assert!(one_edit_apart("0916200", "09162000"));
        assert!(one_edit_apart("09612000", "09162000"));
        assert!(!one_edit_apart("09162000", "09162000"));
        assert!(!one_edit_apart("09162000", "19162001"));
    }
}
