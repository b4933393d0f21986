//! The 16 German Länder (federal states).
//!
//! A [`Land`] is parsed from its full German name (`Baden-Württemberg`, also
//! without umlauts: `Baden-Wuerttemberg`), its English name (`Bavaria`), its
//! official abbreviation (`BY`, `DE-BY`) or its AGS Land code (`09` or `9`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use thiserror::Error;

use crate::names::fold;

/// One of the 16 Länder, in the order of their AGS codes (`01` = Schleswig-Holstein).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(
    missing_docs,
    reason = "the variants are the official abbreviations, documented in LAENDER"
)]
pub enum Land {
    SH,
    HH,
    NI,
    HB,
    NW,
    HE,
    RP,
    BW,
    BY,
    SL,
    BE,
    BB,
    MV,
    SN,
    ST,
    TH,
}

/// Facts about one Land (from `data/de-states.csv`).
#[derive(Clone, Copy, Debug)]
pub struct LandInfo {
    /// The Land.
    pub land: Land,
    /// Two-digit AGS Land code, `"01"` to `"16"`.
    pub code: &'static str,
    /// Official German name.
    pub name: &'static str,
    /// English name.
    pub english: &'static str,
    /// Capital city.
    pub capital: &'static str,
    /// Whether the Land is a city state (Berlin, Hamburg, Bremen).
    pub city_state: bool,
}

const fn info(
    land: Land,
    code: &'static str,
    name: &'static str,
    english: &'static str,
    capital: &'static str,
    city_state: bool,
) -> LandInfo {
    LandInfo {
        land,
        code,
        name,
        english,
        capital,
        city_state,
    }
}

/// All 16 Länder in AGS order.
pub const LAENDER: [LandInfo; 16] = [
    info(
        Land::SH,
        "01",
        "Schleswig-Holstein",
        "Schleswig-Holstein",
        "Kiel",
        false,
    ),
    info(Land::HH, "02", "Hamburg", "Hamburg", "Hamburg", true),
    info(Land::NI, "03", "Niedersachsen", "Lower Saxony", "Hannover", false),
    info(Land::HB, "04", "Bremen", "Bremen", "Bremen", true),
    info(
        Land::NW,
        "05",
        "Nordrhein-Westfalen",
        "North Rhine-Westphalia",
        "Düsseldorf",
        false,
    ),
    info(Land::HE, "06", "Hessen", "Hesse", "Wiesbaden", false),
    info(
        Land::RP,
        "07",
        "Rheinland-Pfalz",
        "Rhineland-Palatinate",
        "Mainz",
        false,
    ),
    info(
        Land::BW,
        "08",
        "Baden-Württemberg",
        "Baden-Württemberg",
        "Stuttgart",
        false,
    ),
    info(Land::BY, "09", "Bayern", "Bavaria", "München", false),
    info(Land::SL, "10", "Saarland", "Saarland", "Saarbrücken", false),
    info(Land::BE, "11", "Berlin", "Berlin", "Berlin", true),
    info(Land::BB, "12", "Brandenburg", "Brandenburg", "Potsdam", false),
    info(
        Land::MV,
        "13",
        "Mecklenburg-Vorpommern",
        "Mecklenburg-Western Pomerania",
        "Schwerin",
        false,
    ),
    info(Land::SN, "14", "Sachsen", "Saxony", "Dresden", false),
    info(
        Land::ST,
        "15",
        "Sachsen-Anhalt",
        "Saxony-Anhalt",
        "Magdeburg",
        false,
    ),
    info(Land::TH, "16", "Thüringen", "Thuringia", "Erfurt", false),
];

impl Land {
    /// All Länder in AGS order.
    pub const ALL: [Land; 16] = [
        Land::SH,
        Land::HH,
        Land::NI,
        Land::HB,
        Land::NW,
        Land::HE,
        Land::RP,
        Land::BW,
        Land::BY,
        Land::SL,
        Land::BE,
        Land::BB,
        Land::MV,
        Land::SN,
        Land::ST,
        Land::TH,
    ];

    /// Zero-based index in AGS order (`SH` = 0, `TH` = 15).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The Land with the given zero-based index, if any.
    pub fn from_index(index: usize) -> Option<Land> {
        Land::ALL.get(index).copied()
    }

    /// Facts about this Land.
    pub const fn info(self) -> &'static LandInfo {
        &LAENDER[self as usize]
    }

    /// Official German name, e.g. `"Baden-Württemberg"`.
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// Official two-letter abbreviation, e.g. `"BW"`.
    pub fn abbr(self) -> &'static str {
        match self {
            Land::SH => "SH",
            Land::HH => "HH",
            Land::NI => "NI",
            Land::HB => "HB",
            Land::NW => "NW",
            Land::HE => "HE",
            Land::RP => "RP",
            Land::BW => "BW",
            Land::BY => "BY",
            Land::SL => "SL",
            Land::BE => "BE",
            Land::BB => "BB",
            Land::MV => "MV",
            Land::SN => "SN",
            Land::ST => "ST",
            Land::TH => "TH",
        }
    }

    /// Two-digit AGS Land code, e.g. `"08"`.
    pub const fn code(self) -> &'static str {
        self.info().code
    }

    /// The Land whose AGS code starts the given municipality key (`"09162000"` → Bayern).
    pub fn from_ags(ags: &str) -> Option<Land> {
        let code = ags.get(0..2)?;
        LAENDER.iter().find(|i| i.code == code).map(|i| i.land)
    }
}

/// A Land name, abbreviation or code that is none of the 16 Länder.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{}", self.text(crate::messages::Lang::En))]
pub struct UnknownLand {
    /// What was given.
    pub given: String,
}

impl UnknownLand {
    /// The error in a language (catalogue key `lookup.unknown_land`).
    pub fn text(&self, lang: crate::messages::Lang) -> String {
        let t = crate::messages::text("lookup.unknown_land", lang).unwrap_or_default();
        crate::messages::fill(t, &[("given", &self.given)])
    }
}

impl FromStr for Land {
    type Err = UnknownLand;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let unknown = || UnknownLand { given: s.to_string() };
        if t.is_empty() {
            return Err(unknown());
        }
        if t.chars().all(|c| c.is_ascii_digit()) {
            let n: usize = t.parse().map_err(|_| unknown())?;
            return if (1..=16).contains(&n) {
                Ok(Land::ALL[n - 1])
            } else {
                Err(unknown())
            };
        }
        let upper = t.to_ascii_uppercase();
        let abbr = upper.strip_prefix("DE-").unwrap_or(&upper);
        if let Some(l) = Land::ALL.iter().find(|l| l.abbr() == abbr) {
            return Ok(*l);
        }
        let folded = fold(t);
        let aliases: [(&str, Land); 4] = [
            ("mecklenburgwestpomerania", Land::MV),
            ("badenwurttemberg", Land::BW),
            ("thuringen", Land::TH),
            ("nrw", Land::NW),
        ];
        folded_names()
            .iter()
            .find(|(name, english, _)| *name == folded || *english == folded)
            .map(|&(_, _, land)| land)
            .or_else(|| aliases.iter().find(|(a, _)| *a == folded).map(|(_, l)| *l))
            .ok_or_else(unknown)
    }
}

/// Every Land's German and English name folded, once per process (reading
/// a list parses a Land per row; folding normalises Unicode, which is not
/// cheap).
fn folded_names() -> &'static [(String, String, Land)] {
    static FOLDED: std::sync::OnceLock<Vec<(String, String, Land)>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| {
        LAENDER
            .iter()
            .map(|i| (fold(i.name), fold(i.english), i.land))
            .collect()
    })
}

impl fmt::Display for Land {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Land {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Land {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_and_out_of_range() {
        assert!("".parse::<Land>().is_err());
        assert!("0".parse::<Land>().is_err());
        assert!("17".parse::<Land>().is_err());
        assert!("Bavarien".parse::<Land>().is_err());
    }

    #[test]
    fn parses_name_abbreviation_and_code() {
        for l in Land::ALL {
            assert_eq!(l.name().parse::<Land>().unwrap(), l);
            assert_eq!(l.abbr().parse::<Land>().unwrap(), l);
            assert_eq!(l.abbr().to_lowercase().parse::<Land>().unwrap(), l);
            assert_eq!(l.code().parse::<Land>().unwrap(), l);
            assert_eq!(l.info().english.parse::<Land>().unwrap(), l);
        }
        assert_eq!("9".parse::<Land>().unwrap(), Land::BY);
        assert_eq!("DE-BY".parse::<Land>().unwrap(), Land::BY);
        assert_eq!("Baden-Wuerttemberg".parse::<Land>().unwrap(), Land::BW);
        assert_eq!(" thüringen ".parse::<Land>().unwrap(), Land::TH);
        assert_eq!("Nordrhein Westfalen".parse::<Land>().unwrap(), Land::NW);
    }

    #[test]
    fn ags_prefix_gives_land() {
        assert_eq!(Land::from_ags("09162000"), Some(Land::BY));
        assert_eq!(Land::from_ags("11000000"), Some(Land::BE));
        assert_eq!(Land::from_ags("9"), None);
        assert_eq!(Land::from_ags("99000000"), None);
    }

    #[test]
    fn table_matches_built_in_csv() {
        let csv = include_str!("../data/de-states.csv");
        let rows: Vec<&str> = csv.lines().skip(1).filter(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), 16);
        for (row, info) in rows.iter().zip(LAENDER.iter()) {
            let f: Vec<&str> = row.split(',').collect();
            assert_eq!(f[0], info.code);
            assert_eq!(f[1], info.name);
            assert_eq!(f[2], info.land.abbr());
            assert_eq!(f[4], info.capital);
            assert_eq!(f[5] == "true", info.city_state);
        }
        for (i, l) in Land::ALL.iter().enumerate() {
            assert_eq!(l.index(), i);
            assert_eq!(Land::from_index(i), Some(*l));
        }
    }
}
