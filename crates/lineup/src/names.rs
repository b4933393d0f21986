//! Forgiving name matching, the one place that decides when two names are
//! the same: folding, resemblance and edit distance. Used for municipality
//! names (the register and a problem's own list), Länder, size classes and
//! column headers; [`words`] for names as planners write them (designations,
//! abbreviations, qualifiers).

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

/// Leading words that designate a municipality's status rather than name
/// it (`Landeshauptstadt Kiel`, `Hansestadt Rostock`, `Lutherstadt
/// Wittenberg`, `Große Kreisstadt …`), folded. Bavarian `St`/`M` are left
/// out: `St.` at the start is `Sankt`.
const DESIGNATIONS: &[&str] = &[
    "stadt",
    "hansestadt",
    "landeshauptstadt",
    "lutherstadt",
    "universitaetsstadt",
    "hochschulstadt",
    "wissenschaftsstadt",
    "kreisstadt",
    "grosse",
    "freie",
    "und",
    "gemeinde",
    "markt",
    "marktgemeinde",
    "kurort",
    "gkst",
    "documentastadt",
    "bruedergrimmstadt",
    "kreisfreie",
];

/// Prepositions of qualifiers (`am Main`, `a.d. Donau`, `i.Br.`, `o.d.T.`,
/// `bei`), folded, full and abbreviated: dropped before words are compared,
/// so `Frankfurt am Main` and `Frankfurt a.M.` keep the same words.
const LINKS: &[&str] = &[
    "a", "am", "an", "ad", "d", "der", "den", "dem", "i", "im", "in", "id", "b", "bei", "zu", "z",
];

/// One word of a name, folded (see [`fold`]); `short` when written as an
/// abbreviation (followed by a dot, or at most four letters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The folded word.
    pub text: String,
    /// Whether it may stand for a longer word (`M.` for `Main`, `Oldb` for
    /// `Oldenburg`, `OPf.` for `Oberpfalz`).
    pub short: bool,
    /// Whether it opens a qualifier: the first word in brackets, after a
    /// slash or after a preposition (`Saale` in `Halle (Saale)`, `Main` in
    /// `Frankfurt am Main`), not the second word of `Bad Tölz`.
    pub opens: bool,
}

/// The words of a name as planners and registers write it, ready for
/// [`same_words`] and [`qualifies`]: split at spaces, dots, slashes and
/// brackets (a hyphen joins); a designation after a comma (`Kiel,
/// Landeshauptstadt`) and before the name (`Hansestadt Rostock`) left out;
/// `St.` and `St` at the start read as `Sankt`; prepositions of
/// qualifiers (`am`, `a.d.`, `i.`, `o.d.`, `bei`) left out.
pub fn words(name: &str) -> Vec<Word> {
    let head = name.split(',').next().unwrap_or(name);
    // (folded word, followed by a dot, preceded by a bracket or slash)
    let mut raw: Vec<(String, bool, bool)> = Vec::new();
    let mut cur = String::new();
    let mut opened = false;
    for c in head.chars().chain(std::iter::once(' ')) {
        if matches!(c, ' ' | '.' | '/' | '(' | ')' | '\u{a0}' | '\t') {
            if !cur.is_empty() {
                // `St` joined by a hyphen is `Sankt` too (`Neumarkt-St. Veit`).
                if cur.contains('-') {
                    cur = cur
                        .split('-')
                        .map(|p| if p.eq_ignore_ascii_case("st") { "Sankt" } else { p })
                        .collect::<Vec<_>>()
                        .join("-");
                }
                raw.push((fold(&cur), c == '.', opened));
                cur.clear();
                opened = false;
            }
            opened |= matches!(c, '/' | '(');
        } else {
            cur.push(c);
        }
    }
    let mut out: Vec<Word> = Vec::with_capacity(raw.len());
    let mut linked = false;
    let mut i = 0;
    while i < raw.len() {
        let (text, dot, opened) = &raw[i];
        let first = out.is_empty();
        let rest = raw.len() - i - 1;
        if first && rest > 0 && DESIGNATIONS.contains(&text.as_str()) {
            i += 1;
            continue;
        }
        if first && text == "st" {
            out.push(Word {
                text: "sankt".into(),
                short: false,
                opens: false,
            });
            i += 1;
            continue;
        }
        let ob = matches!(text.as_str(), "ob" | "o")
            && raw
                .get(i + 1)
                .is_some_and(|n| matches!(n.0.as_str(), "der" | "d"));
        if !first && (LINKS.contains(&text.as_str()) || ob) {
            linked = true;
            i += 1;
            continue;
        }
        if !text.is_empty() {
            out.push(Word {
                short: *dot || text.chars().count() <= 4,
                opens: *opened || linked,
                text: text.clone(),
            });
            linked = false;
        }
        i += 1;
    }
    out
}

/// Whether two words are the same, or one abbreviates the other: same first
/// letter and the short one's letters in order within the long one (`m` →
/// `main`, `oldb` → `oldenburg`, `opf` → `oberpfalz`).
fn word_matches(a: &Word, b: &Word) -> bool {
    if a.text == b.text {
        return true;
    }
    let (s, l) = if a.text.len() < b.text.len() {
        (a, b)
    } else {
        (b, a)
    };
    if !s.short || s.text.chars().next() != l.text.chars().next() {
        return false;
    }
    let mut long = l.text.chars();
    s.text.chars().all(|c| long.any(|d| d == c))
}

/// Whether two names are the same words: the first (the name proper)
/// equal, the others equal or abbreviations of each other.
pub fn same_words(a: &[Word], b: &[Word]) -> bool {
    a.len() == b.len() && prefix(a, b)
}

/// Whether `full` is `bare` plus a qualifier in brackets, after a slash or
/// after a preposition: `Halle (Saale)`, `Mühlhausen/Thüringen`, `Lindau
/// (Bodensee)`, `Frankfurt am Main` for `Halle`, `Mühlhausen`, `Lindau`,
/// `Frankfurt`; not `Bad Tölz` for `Bad`.
pub fn qualifies(bare: &[Word], full: &[Word]) -> bool {
    full.len() > bare.len() && full[bare.len()].opens && prefix(bare, full)
}

/// The part of a name before a slash (`Cottbus` of the bilingual
/// `Cottbus/Chóśebuz`), if it has one.
pub fn first_part(name: &str) -> Option<&str> {
    let (a, b) = name.split_once('/')?;
    // Sorbian and other second names have letters German does not.
    let foreign = b
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii() && !"äöüÄÖÜß".contains(c));
    Some(a.trim()).filter(|a| foreign && !a.is_empty())
}

fn prefix(a: &[Word], b: &[Word]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) if x.text == y.text => a.iter().zip(b).skip(1).all(|(x, y)| word_matches(x, y)),
        _ => false,
    }
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

    fn same(a: &str, b: &str) -> bool {
        same_words(&words(a), &words(b))
    }

    #[test]
    fn words_drop_designations_links_and_read_abbreviations() {
        assert!(same("Landeshauptstadt Kiel", "Kiel"));
        assert!(same("Kiel, Landeshauptstadt", "Kiel"));
        assert!(same("Hansestadt Rostock", "Rostock"));
        assert!(same("Lutherstadt Wittenberg", "Wittenberg"));
        assert!(same("Frankfurt a.M.", "Frankfurt am Main"));
        assert!(same("Frankfurt/Main", "Frankfurt am Main"));
        assert!(same("Freiburg i.Br.", "Freiburg im Breisgau"));
        assert!(same("Rothenburg o.d.T.", "Rothenburg ob der Tauber"));
        assert!(same("Neustadt an der Donau", "Neustadt a.d.Donau"));
        assert!(same("Weiden in der Oberpfalz", "Weiden i.d.OPf."));
        assert!(same("Neumarkt-St. Veit", "Neumarkt-Sankt Veit"));
        assert!(same("Weilheim in Oberbayern", "Weilheim i.OB"));
        assert!(same("Oldenburg (Oldenburg)", "Oldenburg (Oldb)"));
        assert!(same("St. Ingbert", "Sankt Ingbert"));
        assert!(same("Halle (Westfalen)", "Halle (Westf.)"));
        assert!(!same("Frankfurt (Oder)", "Frankfurt am Main"));
        assert!(!same("Neustadt a.d. Donau", "Neustadt a.d. Waldnaab"));
        assert!(!same("Stadt", "Kiel"));
        assert!(!same("Offenbach", "Offenbach-Hundheim"));
        assert!(qualifies(&words("Halle"), &words("Halle (Saale)")));
        assert!(qualifies(&words("Cottbus"), &words("Cottbus/Chóśebuz")));
        assert!(qualifies(&words("Mühlhausen"), &words("Mühlhausen/Thüringen")));
        assert!(!qualifies(&words("Halle"), &words("Halle")));
        assert!(!qualifies(&words("Lindau"), &words("Katlenburg-Lindau")));
        assert!(qualifies(&words("Frankfurt"), &words("Frankfurt am Main")));
        assert!(!qualifies(&words("Bad"), &words("Bad Tölz")));
        assert_eq!(first_part("Cottbus/Chóśebuz"), Some("Cottbus"));
        assert_eq!(first_part("Neustadt/Vogtl."), None);
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
