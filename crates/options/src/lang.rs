//! `--lang de|en`: the language of the table, the workbook and the messages
//! a planner reads; by default the one of the environment (`LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`, as POSIX orders them), else English.

use clap::{Args, ValueEnum};
use lineup::messages::Lang;

/// `--lang`.
#[derive(Debug, Args)]
pub struct LangArgs {
    /// Language of the table, the workbook and messages: de or en
    /// [default: from LC_ALL, LC_MESSAGES or LANG; else en].
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
}

/// The languages of `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Deutsch.
    De,
    /// English.
    En,
}

impl LangArgs {
    /// The language asked for, else the environment's.
    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::De) => Lang::De,
            Some(LangArg::En) => Lang::En,
            None => lang_from_env(|k| std::env::var(k).ok()),
        }
    }
}

/// The language of a locale environment: the first of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that is set and not empty decides (`de_DE.UTF-8`
/// → German; `C`, `POSIX`, `en_US` → English).
///
/// ```
/// use lineup::messages::Lang;
/// let env = |k: &str| (k == "LANG").then(|| "de_DE.UTF-8".to_string());
/// assert_eq!(lineup_options::lang_from_env(env), Lang::De);
/// assert_eq!(lineup_options::lang_from_env(|_| None), Lang::En);
/// ```
pub fn lang_from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| get(k).filter(|v| !v.trim().is_empty()))
        .map_or(Lang::En, |v| Lang::from_tag(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lc_all_wins_over_lang() {
        let env = |k: &str| match k {
            "LC_ALL" => Some("C".to_string()),
            "LANG" => Some("de_DE.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(lang_from_env(env), Lang::En);
        let env = |k: &str| match k {
            "LC_ALL" => Some(String::new()),
            "LC_MESSAGES" => Some("de_AT".to_string()),
            _ => None,
        };
        assert_eq!(lang_from_env(env), Lang::De);
    }
}
