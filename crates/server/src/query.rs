//! Query parameters as command-line flags: `?cluster-size=6..7&must-link=a,b`
//! becomes `--cluster-size=6..7 --must-link=a,b` and is parsed by the same
//! clap definitions as the CLI's, so the values, defaults and error texts
//! are the same.

use clap::{CommandFactory, FromArgMatches};

use crate::error::ApiError;

/// The flags a query stands for (all but `lang`), in order: `--NAME=VALUE` (`-K=VALUE` for
/// one-letter names); a flag without value (`quiet`) is given for an empty
/// value or `true`/`1`/`yes`/`on` and left out for `false`/`0`/`no`/`off`.
pub fn argv<T: CommandFactory>(query: &str) -> Vec<String> {
    let command = T::command();
    let mut args = vec!["lineup".to_string()];
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        // `lang` is every endpoint's (crate::lang), not a flag of its own.
        if key.is_empty() || key == "lang" {
            continue;
        }
        let short = key.chars().count() == 1;
        let switch = command.get_arguments().any(|a| {
            let named = if short {
                a.get_short().is_some_and(|c| key.starts_with(c))
            } else {
                a.get_long() == Some(key.as_ref())
            };
            named && !a.get_action().takes_values()
        });
        let dash = if short { "-" } else { "--" };
        if switch {
            match value.to_ascii_lowercase().as_str() {
                "" | "true" | "1" | "yes" | "on" => args.push(format!("{dash}{key}")),
                "false" | "0" | "no" | "off" => {}
                _ => args.push(format!("{dash}{key}={value}")),
            }
        } else {
            args.push(format!("{dash}{key}={value}"));
        }
    }
    args
}

/// Parses a query into the flags struct `T`; an error names the parameter
/// (as its flag), the value and what it takes, in English and German
/// (`lineup_options::clap_error`).
pub fn parse<T: CommandFactory + FromArgMatches>(query: Option<&str>) -> Result<T, ApiError> {
    let args = argv::<T>(query.unwrap_or(""));
    let command = T::command()
        .no_binary_name(false)
        .disable_help_flag(true)
        .disable_version_flag(true);
    let usage = |e: clap::Error| ApiError::from(lineup_options::clap_error(&e));
    let matches = command.try_get_matches_from(args).map_err(usage)?;
    T::from_arg_matches(&matches).map_err(usage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use lineup::messages::Lang;

    #[derive(Debug, Parser)]
    struct Flags {
        #[command(flatten)]
        problem: lineup_options::ProblemArgs,
        #[command(flatten)]
        run: lineup_options::RunArgs,
        #[command(flatten)]
        count: lineup_options::CountArgs,
    }

    #[test]
    fn turns_pairs_into_flags() {
        let a = argv::<Flags>("cluster-size=5..8&must-link=a%2Cb&must-link=c,d&quiet=&k=4&time-limit=-1");
        assert_eq!(
            a,
            [
                "lineup",
                "--cluster-size=5..8",
                "--must-link=a,b",
                "--must-link=c,d",
                "--quiet",
                "-k=4",
                "--time-limit=-1"
            ]
        );
        assert_eq!(argv::<Flags>("quiet=false"), ["lineup"]);
    }

    #[test]
    fn parses_like_the_command_line() {
        let f: Flags = parse(Some("cluster-size=5..8&classes=kfa&time-limit=2.5&k=4")).unwrap();
        assert_eq!(f.problem.cluster_size, "5..8");
        assert_eq!(f.problem.classes, "kfa");
        assert_eq!(f.run.time_limit, 2.5);
        assert_eq!(f.count.k, 4);
        let f: Flags = parse(None).unwrap();
        assert_eq!(f.problem.cluster_size, "6..7");
    }

    #[test]
    fn errors_name_the_flag_and_suggest() {
        let e = parse::<Flags>(Some("clustersize=5")).unwrap_err();
        assert!(
            e.error.contains("unexpected argument '--clustersize"),
            "{}",
            e.error
        );
        assert!(e.error.contains("--cluster-size"), "{}", e.error);
        assert!(!e.error.contains("Usage"), "{}", e.error);
        let e = parse::<Flags>(Some("time-limit=soon")).unwrap_err();
        assert!(
            e.error.contains("invalid value 'soon' for '--time-limit"),
            "{}",
            e.error
        );
        let e = parse::<Flags>(Some("comparability=loose")).unwrap_err();
        assert!(e.error.contains("strict"), "{}", e.error);
        // In German, with the parameter, the value and what it takes.
        let e = parse::<Flags>(Some("time-limit=abc"))
            .unwrap_err()
            .in_lang(Lang::De);
        assert_eq!(
            e.error,
            "ungültiger Wert 'abc' für '--time-limit': erwartet wird eine Zahl, z. B. 10 oder 2.5 (mit Dezimalpunkt)"
        );
        let e = parse::<Flags>(Some("clustersize=5"))
            .unwrap_err()
            .in_lang(Lang::De);
        assert_eq!(
            e.error,
            "unbekannte Option '--clustersize'; gemeint ist wohl '--cluster-size'"
        );
    }
}
