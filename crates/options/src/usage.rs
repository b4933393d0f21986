//! Option errors in the planner's language: clap's parse errors (an unknown
//! option, a value of the wrong type or not among the choices) and the
//! library's errors of a setting's text, worded by the catalogue
//! (`messages/usage.rs`) in English and German. Each names the option as a
//! flag (`--time-limit`), the value given and what the option takes.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use lineup::messages::{Lang, fill, text};
use lineup::{CriterionError, SchemeError, SettingError};

use crate::error::OptionError;

/// A catalogue text in one language, its placeholders filled.
pub(crate) fn say(key: &str, lang: Lang, args: &[(&str, &str)]) -> String {
    fill(text(key, lang).unwrap_or(key), args)
}

/// An error worded by the catalogue in English and German.
pub(crate) fn said(key: &str, args: &[(&str, &str)]) -> OptionError {
    OptionError::new(say(key, Lang::En, args)).with_german(say(key, Lang::De, args))
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => v.first().map(|s| s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn choices(e: &clap::Error) -> Vec<String> {
    match e.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// `a, b or c` in a language.
fn listed(values: &[String], lang: Lang) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), say("usage.or", lang, &[])),
    }
}

/// What a value of the wrong type should have been: a number, a whole
/// number, one of the choices; else the parser's own words.
fn expected(e: &clap::Error, lang: Lang) -> String {
    let values = choices(e);
    if !values.is_empty() {
        return say(
            "usage.expected.one_of",
            lang,
            &[("values", &listed(&values, lang))],
        );
    }
    let source = std::error::Error::source(e);
    if source.is_some_and(|s| s.is::<std::num::ParseFloatError>()) {
        return say("usage.expected.number", lang, &[]);
    }
    if source.is_some_and(|s| s.is::<std::num::ParseIntError>()) {
        return say("usage.expected.whole", lang, &[]);
    }
    source.map_or_else(String::new, |s| s.to_string())
}

/// Clap's own message without `error: `, its tips and the usage lines.
fn clap_text(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line).trim();
        if !line.is_empty() {
            lines.push(line.to_string());
        }
    }
    lines.join("; ")
}

fn clap_in(e: &clap::Error, lang: Lang) -> String {
    // The option as a flag, without its value name (`--time-limit <SECONDS>`).
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let flag = arg.split_whitespace().next().unwrap_or_default().to_string();
    match e.kind() {
        ErrorKind::UnknownArgument => match context(e, ContextKind::SuggestedArg) {
            Some(suggested) => say(
                "usage.unknown.suggest",
                lang,
                &[("arg", &arg), ("suggested", &suggested)],
            ),
            None => say("usage.unknown", lang, &[("arg", &arg)]),
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
            say(
                "usage.invalid",
                lang,
                &[
                    ("value", &value),
                    ("arg", &flag),
                    ("expected", &expected(e, lang)),
                ],
            )
        }
        ErrorKind::TooManyValues if !flag.is_empty() => {
            let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
            let nothing = say("usage.expected.nothing", lang, &[]);
            say(
                "usage.invalid",
                lang,
                &[("value", &value), ("arg", &flag), ("expected", &nothing)],
            )
        }
        _ => say("usage.other", lang, &[("detail", &clap_text(e))]),
    }
}

/// A clap error (of parsing the flags or the server's query parameters) in
/// English and German: which option, what was given, what it takes.
///
/// ```
/// use clap::Parser;
/// use lineup::messages::Lang;
///
/// #[derive(Parser)]
/// struct Flags {
///     #[command(flatten)]
///     run: lineup_options::RunArgs,
/// }
///
/// let e = Flags::try_parse_from(["lineup", "--time-limit", "abc"]).err().unwrap();
/// let e = lineup_options::clap_error(&e);
/// assert_eq!(e.message, "invalid value 'abc' for '--time-limit': expected a number, e.g. 10 or 2.5 (with a decimal point)");
/// assert!(e.text(Lang::De).starts_with("ungültiger Wert 'abc' für '--time-limit': erwartet wird eine Zahl"));
/// ```
pub fn clap_error(e: &clap::Error) -> OptionError {
    OptionError::new(clap_in(e, Lang::En)).with_german(clap_in(e, Lang::De))
}

/// Whether [`clap_error`] words this error itself (else it quotes clap's
/// English text): the command line prints clap's own message for the rest.
pub fn worded(e: &clap::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::UnknownArgument | ErrorKind::InvalidValue | ErrorKind::ValueValidation
    )
}

fn setting_in(e: &SettingError, lang: Lang) -> String {
    match e {
        SettingError::NotARange { given } => say("usage.cluster_size.range", lang, &[("given", given)]),
        SettingError::EmptyRange { min, max } => say(
            "usage.cluster_size.empty",
            lang,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        SettingError::ClusterCount { given } => say("usage.clusters.count", lang, &[("given", given)]),
        SettingError::ClassCount { class, given } => say(
            "usage.clusters.class",
            lang,
            &[("class", class), ("given", given)],
        ),
        SettingError::Comparability { given } => say("usage.comparability", lang, &[("given", given)]),
        other => other.to_string(),
    }
}

fn scheme_in(e: &SchemeError, lang: Lang) -> String {
    match e {
        SchemeError::NoThresholds => say("usage.classes.none", lang, &[]),
        SchemeError::BadThreshold { given } => say("usage.classes.threshold", lang, &[("given", given)]),
        SchemeError::NotIncreasing { before, after } => say(
            "usage.classes.order",
            lang,
            &[("before", &before.to_string()), ("after", &after.to_string())],
        ),
        SchemeError::TooManyClasses { count } => {
            say("usage.classes.many", lang, &[("count", &count.to_string())])
        }
        other => other.to_string(),
    }
}

fn criterion_in(e: &CriterionError, lang: Lang) -> String {
    match e {
        CriterionError::NoAttribute { given } => say("usage.criterion.attribute", lang, &[("given", given)]),
        CriterionError::BadWeight { given, weight } => say(
            "usage.criterion.weight",
            lang,
            &[("given", given), ("weight", weight)],
        ),
        CriterionError::Quota { given } => say("usage.criterion.quota", lang, &[("given", given)]),
        CriterionError::Modifier { given, modifier } => say(
            "usage.criterion.modifier",
            lang,
            &[("given", given), ("modifier", modifier)],
        ),
        other => other.to_string(),
    }
}

/// `{flag}: {the error}` in both languages.
fn prefixed(flag: &str, detail: impl Fn(Lang) -> String) -> OptionError {
    let at = |lang| {
        say(
            "usage.setting",
            lang,
            &[("flag", flag), ("detail", &detail(lang))],
        )
    };
    OptionError::new(at(Lang::En)).with_german(at(Lang::De))
}

/// A cluster size, count or comparability that does not parse, for `flag`.
pub(crate) fn setting(flag: &str, e: &SettingError) -> OptionError {
    prefixed(flag, |lang| setting_in(e, lang))
}

/// Class thresholds that do not parse, for `flag`.
pub(crate) fn scheme(flag: &str, e: &SchemeError) -> OptionError {
    prefixed(flag, |lang| scheme_in(e, lang))
}

/// A criterion that does not parse, for `flag`.
pub(crate) fn criterion(flag: &str, e: &CriterionError) -> OptionError {
    prefixed(flag, |lang| criterion_in(e, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Flags {
        #[command(flatten)]
        problem: crate::ProblemArgs,
        #[command(flatten)]
        run: crate::RunArgs,
    }

    fn error(args: &[&str]) -> OptionError {
        let mut argv = vec!["lineup"];
        argv.extend_from_slice(args);
        clap_error(&Flags::try_parse_from(argv).unwrap_err())
    }

    #[test]
    fn words_clap_errors_in_both_languages() {
        let e = error(&["--clustersize=5"]);
        assert_eq!(
            e.message,
            "unexpected argument '--clustersize' found; did you mean '--cluster-size'?"
        );
        assert_eq!(
            e.text(Lang::De),
            "unbekannte Option '--clustersize'; gemeint ist wohl '--cluster-size'"
        );
        let e = error(&["--comparability", "loose"]);
        assert_eq!(
            e.text(Lang::De),
            "ungültiger Wert 'loose' für '--comparability': erwartet wird einer der möglichen Werte: strict oder adjacent"
        );
        assert!(
            e.message
                .ends_with("expected one of the possible values: strict or adjacent"),
            "{}",
            e.message
        );
        let e = error(&["--seed=abc"]);
        assert!(
            e.text(Lang::De).contains("eine ganze Zahl ab 0"),
            "{}",
            e.text(Lang::De)
        );
        let e = error(&["--quiet=maybe"]);
        assert!(e.text(Lang::De).contains("'--quiet'"), "{}", e.text(Lang::De));
    }

    #[test]
    fn words_the_librarys_setting_errors() {
        let e = scheme("--classes", &"xyz".parse::<lineup::ClassScheme>().unwrap_err());
        assert_eq!(
            e.message,
            "--classes: class threshold 'xyz' is not a whole number: use bbsr, kfa or a list like 20000,100000"
        );
        assert_eq!(
            e.text(Lang::De),
            "--classes: Klassengrenze 'xyz' ist keine ganze Zahl: bitte bbsr, kfa oder eine Liste wie 20000,100000"
        );
        let e = setting(
            "--cluster-size",
            &"8..6".parse::<lineup::ClusterSize>().unwrap_err(),
        );
        assert!(
            e.text(Lang::De)
                .starts_with("--cluster-size: ungültige Clustergröße 8..6")
        );
        let e = criterion(
            "--at-least",
            &lineup::Criterion::parse_at_least("Erfahrung").unwrap_err(),
        );
        assert!(
            e.text(Lang::De)
                .starts_with("--at-least: Quote 'Erfahrung' nicht verstanden")
        );
    }
}
