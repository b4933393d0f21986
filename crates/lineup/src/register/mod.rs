//! The municipality register bundled with the library: every German
//! Gemeinde (AGS, name, official name, Land, population, coordinates), so an
//! input row may give only an `id` or a `name` and have the rest filled in.
//!
//! Source: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys,
//! Stand 31.12.2020 (population 31.12.2019); dl-de/by-2-0 (Daten verändert).
//! Territory as of 31.12.2020: later mergers are not in it.
//!
//! The table is embedded in the binary (about 0.5 MB of text) and parsed
//! once, on first use.
//!
//! ```
//! use lineup::register::{self, LookupError};
//! use lineup::Land;
//!
//! let r = register::register();
//! let kiel = r.by_id("01002000").expect("Kiel is in the register");
//! assert_eq!(kiel.name, "Kiel");
//! assert_eq!(kiel.official_name, "Kiel, Landeshauptstadt");
//!
//! // Names are matched forgivingly: case, umlaut spelling, spaces and the
//! // official designation do not matter.
//! assert_eq!(r.find("kiel, landeshauptstadt", None)?.id, "01002000");
//! assert_eq!(r.find("Muenchen", None)?.population, 1_484_226);
//!
//! // 397 names occur more than once: a Land narrows them down.
//! assert!(matches!(r.find("Neunkirchen", None), Err(LookupError::Ambiguous { .. })));
//! assert_eq!(r.find("Neunkirchen", Some(Land::SL))?.id, "10043114");
//! # Ok::<_, LookupError>(())
//! ```

mod error;
mod table;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use error::{Candidate, LookupError};

use crate::land::Land;
use crate::municipality::{LatLon, Municipality};
use crate::names::{self, Word};

/// One Gemeinde of the register.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// 8-digit Amtlicher Gemeindeschlüssel (AGS), with leading zero.
    pub id: String,
    /// Short name, e.g. `Kiel` (not unique: 397 names occur more than once).
    pub name: String,
    /// Official name with its designation, e.g. `Kiel, Landeshauptstadt`.
    pub official_name: String,
    /// The Land (the first two digits of the AGS).
    pub land: Land,
    /// Inhabitants on 31.12.2019.
    pub population: u64,
    /// Latitude of the Destatis representative point, WGS84 degrees.
    pub lat: f64,
    /// Longitude of the Destatis representative point, WGS84 degrees.
    pub lon: f64,
    /// Destatis municipality type: `kreisfreie_stadt`, `stadtkreis`,
    /// `grosse_kreisstadt`, `stadt`, `markt` or `gemeinde`.
    pub municipality_type: Option<&'static str>,
    /// Eurostat degree of urbanisation: 1 city, 2 town/suburb, 3 rural.
    pub degurba: Option<u8>,
}

impl Entry {
    /// The Kreis (district) part of the AGS: its first five digits.
    pub fn kreis(&self) -> &str {
        self.id.get(..5).unwrap_or(&self.id)
    }

    /// This entry as a municipality (no size class, no pin).
    pub fn municipality(&self) -> Municipality {
        Municipality::new(
            self.id.clone(),
            self.name.clone(),
            self.land,
            self.population,
            LatLon {
                lat: self.lat,
                lon: self.lon,
            },
        )
    }
}

/// The whole register: look-ups by AGS and by name.
#[derive(Debug)]
pub struct Register {
    /// Entries sorted by id.
    entries: Vec<Entry>,
    /// Kreis (5 digits) → district name.
    districts: HashMap<String, String>,
    /// Folded name and folded official name → entry indices.
    names: HashMap<String, Vec<usize>>,
    /// The words of each entry's name ([`names::words`]), by index.
    words: Vec<Vec<Word>>,
    /// First word of the name → entry indices.
    first_word: HashMap<String, Vec<usize>>,
}

/// The register bundled with the library, parsed on first use.
pub fn register() -> &'static Register {
    static REGISTER: OnceLock<Register> = OnceLock::new();
    REGISTER.get_or_init(table::bundled)
}

impl Register {
    fn new(entries: Vec<Entry>, districts: HashMap<String, String>) -> Register {
        let mut names: HashMap<String, Vec<usize>> = HashMap::new();
        let words: Vec<Vec<Word>> = entries.iter().map(|e| names::words(&e.name)).collect();
        let mut first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(first) = w.first() {
                first_word.entry(first.text.clone()).or_default().push(i);
            }
        }
        for (i, e) in entries.iter().enumerate() {
            let short = names::fold(&e.name);
            let official = names::fold(&e.official_name);
            names.entry(short.clone()).or_default().push(i);
            if official != short {
                names.entry(official).or_default().push(i);
            }
        }
        Register {
            entries,
            districts,
            names,
            words,
            first_word,
        }
    }

    /// Number of Gemeinden (10 794).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the register is empty (it never is).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries, sorted by AGS.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The name of the Kreis (district) an entry belongs to, as Destatis
    /// writes it (`Nordfriesland`, `Flensburg, Stadt`).
    pub fn district(&self, entry: &Entry) -> &str {
        self.districts.get(entry.kreis()).map_or("", String::as_str)
    }

    /// The entry with this AGS. Surrounding spaces are ignored, and a
    /// 7-digit key that lost its leading zero in a spreadsheet
    /// (`9162000`) is read as `09162000`.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        let id = id.trim();
        let padded;
        let key = if id.len() == 7 && id.bytes().all(|b| b.is_ascii_digit()) {
            padded = format!("0{id}");
            padded.as_str()
        } else {
            id
        };
        self.entries
            .binary_search_by(|e| e.id.as_str().cmp(key))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// All entries whose name or official name matches `name` (ignoring
    /// case, umlaut spelling, spaces, hyphens, dots, commas, slashes and
    /// brackets), in the given Land if one is given; sorted by AGS.
    pub fn by_name(&self, name: &str, land: Option<Land>) -> Vec<&Entry> {
        let mut found: Vec<&Entry> = self
            .names
            .get(&names::fold(name))
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
            .filter(|e| land.is_none_or(|l| e.land == l))
            .collect();
        found.sort_by(|a, b| a.id.cmp(&b.id));
        found.dedup_by(|a, b| a.id == b.id);
        found
    }

    /// Entries whose name is `name` as planners write it
    /// (`names::words`): without a designation (`Hansestadt Rostock`),
    /// with abbreviations (`Frankfurt a.M.`, `Freiburg i.Br.`), `St.` for
    /// `Sankt`; when none has the same words, those whose name is `name`
    /// plus a qualifier in that Land (`Halle` in Sachsen-Anhalt → `Halle
    /// (Saale)`), and without a Land the first part of a bilingual name
    /// (`Cottbus` → `Cottbus/Chóśebuz`). Sorted by AGS.
    pub fn by_words(&self, name: &str, land: Option<Land>) -> Vec<&Entry> {
        let target = names::words(name);
        let Some(first) = target.first() else {
            return Vec::new();
        };
        let pool: Vec<usize> = self
            .first_word
            .get(&first.text)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| land.is_none_or(|l| self.entries[i].land == l))
            .collect();
        let pick = |test: fn(&[Word], &[Word]) -> bool| -> Vec<&Entry> {
            pool.iter()
                .filter(|&&i| test(&target, &self.words[i]))
                .map(|&i| &self.entries[i])
                .collect()
        };
        let same = pick(names::same_words);
        if !same.is_empty() {
            return same;
        }
        if land.is_some() {
            return pick(names::qualifies);
        }
        pool.iter()
            .map(|&i| &self.entries[i])
            .filter(|e| {
                names::first_part(&e.name).is_some_and(|p| names::same_words(&target, &names::words(p)))
            })
            .collect()
    }

    /// The entries whose name is `name` plus a qualifier (`Lindau` →
    /// `Lindau (Bodensee)`), in the given Land if any; sorted by AGS.
    pub fn qualified(&self, name: &str, land: Option<Land>) -> Vec<&Entry> {
        let target = names::words(name);
        let Some(first) = target.first() else {
            return Vec::new();
        };
        self.first_word
            .get(&first.text)
            .into_iter()
            .flatten()
            .filter(|&&i| land.is_none_or(|l| self.entries[i].land == l))
            .filter(|&&i| names::qualifies(&target, &self.words[i]))
            .map(|&i| &self.entries[i])
            .collect()
    }

    /// The one entry with this name (in this Land, if given): the name or
    /// official name as folded by `names::fold` first, then the name as
    /// planners write it ([`Register::by_words`]). An error lists the
    /// candidates (most populous first) when the name is ambiguous,
    /// similar names when it is unknown, and where it is when it lies in
    /// another Land.
    pub fn find(&self, name: &str, land: Option<Land>) -> Result<&Entry, LookupError> {
        let mut found = self.by_name(name, land);
        if found.is_empty() {
            found = self.by_words(name, land);
        }
        match found.as_slice() {
            [one] => Ok(one),
            [] => {
                let elsewhere = match land {
                    Some(_) => {
                        let mut all = self.by_name(name, None);
                        if all.is_empty() {
                            all = self.by_words(name, None);
                        }
                        all
                    }
                    None => Vec::new(),
                };
                match land {
                    Some(land) if !elsewhere.is_empty() => Err(LookupError::OtherLand {
                        name: name.to_string(),
                        land,
                        found: self.candidates(elsewhere),
                    }),
                    _ => Err(LookupError::UnknownName {
                        name: name.to_string(),
                        land,
                        similar: self.candidates(self.similar_names(name, land)),
                    }),
                }
            }
            many => {
                let mut many = many.to_vec();
                many.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.id.cmp(&b.id)));
                Err(LookupError::Ambiguous {
                    name: name.to_string(),
                    land,
                    candidates: self.candidates(many),
                })
            }
        }
    }

    /// Entries whose name resembles `name`: names that start with it or
    /// contain it as a word, and names at most two edits away; the closest
    /// first, and among equally close ones the most populous.
    pub fn similar_names(&self, name: &str, land: Option<Land>) -> Vec<&Entry> {
        let target = names::fold(name);
        let mut scored: Vec<(usize, &Entry)> = self
            .entries
            .iter()
            .filter(|e| land.is_none_or(|l| e.land == l))
            .filter_map(|e| names::resemblance(&target, &e.name).map(|s| (s, e)))
            .collect();
        scored.sort_by(|a, b| (a.0, b.1.population, &a.1.id).cmp(&(b.0, a.1.population, &b.1.id)));
        scored.into_iter().map(|(_, e)| e).collect()
    }

    /// Entries whose AGS is one edit (a changed, missing or extra digit, or
    /// two swapped neighbours) away from `id`.
    pub fn similar_ids(&self, id: &str) -> Vec<&Entry> {
        let id = id.trim();
        self.entries
            .iter()
            .filter(|e| names::one_edit_apart(id, &e.id))
            .collect()
    }

    /// Candidates for an error message.
    pub fn candidates(&self, entries: Vec<&Entry>) -> Vec<Candidate> {
        entries
            .into_iter()
            .map(|e| Candidate {
                id: e.id.clone(),
                name: e.name.clone(),
                land: e.land,
                district: self.district(e).to_string(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_gemeinde() {
        let r = register();
        assert_eq!(r.len(), 10_794);
        let total: u64 = r.entries().iter().map(|e| e.population).sum();
        assert_eq!(total, 83_163_158);
        assert!(r.entries().windows(2).all(|w| w[0].id < w[1].id));
        assert!(r.entries().iter().all(|e| Land::from_ags(&e.id) == Some(e.land)));
    }

    #[test]
    fn spot_checks_match_the_source() {
        let r = register();
        let m = r.by_id("09162000").unwrap();
        assert_eq!((m.name.as_str(), m.population), ("München", 1_484_226));
        assert_eq!((m.lat, m.lon), (48.137683, 11.575997));
        assert_eq!(r.district(m), "München, Landeshauptstadt");
        assert_eq!(r.by_id("9162000"), Some(m));
        assert_eq!(r.by_id(" 11000000 ").unwrap().name, "Berlin");
        assert!(r.by_id("99999999").is_none());
        let hiddensee = r.by_id("13073040").unwrap();
        assert_eq!(hiddensee.population, 981);
        assert_eq!(r.by_id("01001000").unwrap().official_name, "Flensburg, Stadt");
    }

    #[test]
    fn names_match_forgivingly() {
        let r = register();
        for given in ["München", "MÜNCHEN", "muenchen", "München, Landeshauptstadt"] {
            assert_eq!(r.find(given, None).unwrap().id, "09162000", "{given}");
        }
        assert_eq!(r.find("Frankfurt/Oder", None).unwrap().id, "12053000");
        assert_eq!(
            r.find("rothenburg ob der tauber", Some(Land::BY)).unwrap().id,
            "09571193"
        );
    }

    #[test]
    fn ambiguous_unknown_and_misplaced_names_explain_themselves() {
        let r = register();
        match r.find("Neuenkirchen", None) {
            Err(LookupError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 11),
            other => panic!("{other:?}"),
        }
        let e = r.find("Frankfurt", None).unwrap_err();
        let text = e.to_string();
        assert!(text.contains("Frankfurt am Main (Hessen"), "{text}");
        assert!(text.contains("Frankfurt (Oder) (Brandenburg"), "{text}");
        let e = r.find("Gotha", Some(Land::BY)).unwrap_err();
        assert!(matches!(e, LookupError::OtherLand { .. }), "{e:?}");
        assert!(e.to_string().contains("Thüringen"), "{e}");
        let e = r.find("Münchn", None).unwrap_err();
        assert!(e.to_string().contains("München (Bayern"), "{e}");
    }

    #[test]
    fn names_as_planners_write_them() {
        let r = register();
        let id = |name: &str, land: Option<Land>| r.find(name, land).map(|e| e.id.as_str());
        for (given, land, want) in [
            ("Landeshauptstadt Kiel", None, "01002000"),
            ("Stadt Kiel", Some(Land::SH), "01002000"),
            ("Hansestadt Rostock", None, "13003000"),
            ("Lutherstadt Wittenberg", None, "15091375"),
            ("Frankfurt a.M.", None, "06412000"),
            ("Frankfurt a. Main", None, "06412000"),
            ("Freiburg i.Br.", None, "08311000"),
            ("Rothenburg o.d.T.", None, "09571193"),
            ("Neustadt an der Donau", None, "09273152"),
            ("Weiden in der Oberpfalz", None, "09363000"),
            ("Oldenburg (Oldb)", None, "03403000"),
            ("St. Ingbert", None, "10045117"),
            ("Cottbus", None, "12052000"),
            ("Halle", Some(Land::ST), "15002000"),
            ("Lindau", Some(Land::BY), "09776116"),
            ("Mühlhausen", Some(Land::TH), "16064046"),
            ("Stadt Wehlen", None, "14628370"),
        ] {
            assert_eq!(id(given, land), Ok(want), "{given}");
        }
        // Without a Land a qualifier is not guessed (`Frankfurt` is either).
        let e = r.find("Frankfurt", None).unwrap_err();
        assert!(matches!(&e, LookupError::UnknownName { .. }), "{e}");
        assert_eq!(id("Halle", Some(Land::NW)), Ok("05754012"));
        let e = r.find("Neustadt", Some(Land::BY)).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("Neustadt a.d.Donau") && text.contains("Neustadt a.d.Waldnaab"),
            "{text}"
        );
    }

    #[test]
    fn similar_ids_are_one_edit_away() {
        let r = register();
        let ids: Vec<&str> = r.similar_ids("0916200").iter().map(|e| e.id.as_str()).collect();
        assert!(ids.contains(&"09162000"), "{ids:?}");
        let ids: Vec<&str> = r.similar_ids("09612000").iter().map(|e| e.id.as_str()).collect();
        assert!(ids.contains(&"09162000"), "{ids:?}");
    }
}
