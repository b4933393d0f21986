//! The language of the run (`--lang`, else the environment's), set once
//! at start; errors, tables and workbooks read it.

use lineup::messages::Lang;

/// The language of the table, the workbook and the messages.
pub(crate) static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language asked for (`--lang`, else the environment's).
pub(crate) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// The language asked for before the flags are parsed: `--lang de` or
/// `--lang=de` among `args`, else the environment's.
fn asked(args: &[String]) -> Lang {
    let at = args
        .iter()
        .position(|a| a == "--lang" || a.starts_with("--lang="));
    let tag = at.and_then(|i| match args[i].strip_prefix("--lang=") {
        Some(v) => Some(v.to_string()),
        None => args.get(i + 1).cloned(),
    });
    tag.map_or_else(
        || lineup_options::lang_from_env(|k| std::env::var(k).ok()),
        |t| Lang::from_tag(&t),
    )
}

/// Ends on flags that do not parse: clap's own message (help and version
/// too), or in German the catalogue's (which flag, what was given, what it
/// takes) with clap's usage line; exit code 2 as clap's.
pub(crate) fn usage_exit(e: clap::Error) -> ! {
    let args: Vec<String> = std::env::args().collect();
    if asked(&args) != Lang::De || !lineup_options::worded(&e) {
        e.exit()
    }
    let text = lineup_options::clap_error(&e);
    let rendered = e.render().to_string();
    let usage: Vec<&str> = rendered
        .lines()
        .skip_while(|l| !l.starts_with("Usage:"))
        .take_while(|l| !l.starts_with("For more information"))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let help = lineup::messages::text("usage.help", Lang::De).unwrap_or_default();
    let help = lineup::messages::fill(help, &[("help", "--help")]);
    #[allow(clippy::print_stderr, reason = "the binary reports errors on stderr")]
    {
        let said = lineup::messages::text("cli.error", Lang::De).unwrap_or("Fehler: {text}");
        let said = lineup::messages::fill(said, &[("text", text.text(Lang::De))]);
        eprintln!("{said}\n");
        if !usage.is_empty() {
            eprintln!("{}\n", usage.join("\n"));
        }
        eprintln!("{help}");
    }
    std::process::exit(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_asked_for_comes_before_parsing() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            asked(&args(&["lineup", "solve", "--lang", "de", "x.csv"])),
            Lang::De
        );
        assert_eq!(asked(&args(&["lineup", "--lang=de", "solve"])), Lang::De);
        assert_eq!(asked(&args(&["lineup", "--lang=en", "solve"])), Lang::En);
    }
}
