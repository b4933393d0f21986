//! `lineup`: the command-line tool. It only parses arguments, reads files,
//! calls the library and renders the result.

mod alternatives;
mod args;
mod error;
mod explain;
mod flag_texts;
mod language;
mod map;
mod mdgp;
mod progress;
mod render;
#[cfg(feature = "serve")]
mod serve;
mod signals;
mod whatif;

use std::fs::File;
use std::io::{BufReader, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use lineup::Report;
use lineup::messages::note::Note;
use lineup::{ClusterCount, InputFormat, Lineup, Municipality, Problem, Settings};

use args::{Cli, Command, EvaluateArgs, OutputArgs, SolveArgs};
use error::CliError;
use flag_texts::flag_texts;
use lineup_options::FormatArg;
use lineup_options::ProblemArgs;

fn main() -> ExitCode {
    // Before any file is opened (which could take a closed descriptor 1).
    let stdout_open = stdout_is_open();
    STDOUT_OPEN.get_or_init(|| stdout_open);
    let matches = Cli::command()
        .try_get_matches()
        .unwrap_or_else(|e| language::usage_exit(e));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Some((_, sub)) = matches.subcommand() {
        let given = sub
            .ids()
            .filter(|id| sub.value_source(id.as_str()) == Some(clap::parser::ValueSource::CommandLine))
            .map(|id| id.as_str().to_string())
            .collect();
        GIVEN.get_or_init(|| given);
    }
    language::LANG.get_or_init(|| cli.lang.lang());
    // A solve stops on a signal and writes its best lineup; the workbench
    // server keeps the default (a signal ends it, as `kill` expects).
    if !matches!(cli.command, Command::Serve(_)) {
        signals::install();
    }
    let code = match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            #[allow(clippy::print_stderr, reason = "the binary reports errors on stderr")]
            {
                eprintln!("{}", say("cli.error", &[("text", &e.to_string())]));
            }
            ExitCode::from(e.code)
        }
    };
    // Interrupted: the best lineup so far was written; the code says by what.
    signals::exit_code().map_or(code, ExitCode::from)
}

/// The flags given on the command line (clap ids: `classes`, `cluster_size`, …).
static GIVEN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Whether a flag was given on the command line (clap id).
pub(crate) fn given(id: &str) -> bool {
    GIVEN.get().is_some_and(|g| g.iter().any(|x| x == id))
}

pub(crate) use language::lang;

/// A catalogue text in the language asked for, its placeholders filled.
pub(crate) fn say(key: &str, args: &[(&str, &str)]) -> String {
    let text = flag_texts(key).or_else(|| lineup::messages::text(key, lang()));
    lineup::messages::fill(text.unwrap_or(key), args)
}

/// Whether standard output was open when the program started.
static STDOUT_OPEN: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Whether standard output was open when the program started
/// (`lineup solve … >&-` closes it). Rust's runtime puts `/dev/null`,
/// opened for reading and writing, in place of a closed standard stream
/// before `main`, so every write would vanish silently; a shell's
/// `>/dev/null` opens it for writing only. Linux tells the two apart in
/// `/proc/self/fdinfo`.
#[cfg(target_os = "linux")]
fn stdout_is_open() -> bool {
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    if !is_null {
        return true;
    }
    let flags = std::fs::read_to_string("/proc/self/fdinfo/1")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        });
    // O_ACCMODE = 3, O_RDWR = 2.
    flags.is_none_or(|f| f & 3 != 2)
}

#[cfg(not(target_os = "linux"))]
fn stdout_is_open() -> bool {
    true
}

fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Solve(a) => solve(a),
        Command::Evaluate(a) => evaluate(a),
        Command::Whatif(a) => whatif::run(a),
        Command::Alternatives(a) => alternatives::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Map(a) => map::run(a),
        Command::Mdgp(a) => {
            let out = a.output.output.clone();
            let text = mdgp::run(a)?;
            write_out(&text, out.as_deref())
        }
        #[cfg(feature = "serve")]
        Command::Serve(a) => serve::run(a),
        #[cfg(not(feature = "serve"))]
        Command::Serve(_) => Err(CliError::usage(
            "this build has no workbench (built without the `serve` feature): rebuild with `cargo build --release`",
        )),
        Command::Completions(a) => {
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut Cli::command(), "lineup", &mut script);
            write_out(&script, None)
        }
    }
}

pub(crate) fn open(path: &Path) -> Result<BufReader<File>, CliError> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|e| cannot_open(path, &e))
}

/// A file that cannot be opened, in the language of `--lang`.
fn cannot_open(path: &Path, e: &std::io::Error) -> CliError {
    CliError::usage(say(
        "cli.cannot_open",
        &[("file", &path.display().to_string()), ("reason", &e.to_string())],
    ))
}

fn format_of(path: &Path) -> Option<InputFormat> {
    lineup_options::input_format(&path.file_name()?.to_string_lossy())
}

/// Reads municipalities, and the settings with the file's links added.
pub(crate) fn read_input(path: &Path, settings: Settings) -> Result<(Vec<Municipality>, Settings), CliError> {
    let input =
        lineup::read_municipalities(open(path)?, format_of(path)).map_err(|e| CliError::input(path, &e))?;
    warn(path, &input.warnings);
    let settings = input
        .must_link
        .into_iter()
        .fold(settings, |s, (a, b)| s.with_must_link(a, b));
    let settings = input
        .cannot_link
        .into_iter()
        .fold(settings, |s, (a, b)| s.with_cannot_link(a, b));
    let settings = input
        .criteria
        .into_iter()
        .fold(settings, |s, c| s.with_criterion(c));
    Ok((input.municipalities, settings))
}

/// Prints what the reader did without being asked (columns not read,
/// values from the register) on stderr, one line each.
fn warn(path: &Path, warnings: &[lineup::InputWarning]) {
    #[allow(clippy::print_stderr, reason = "warnings go to stderr, never into an output")]
    for w in warnings {
        let text = w.text(lang());
        eprintln!(
            "{}",
            say(
                "input.warning",
                &[("file", &path.display().to_string()), ("text", &text)]
            )
        );
    }
}

pub(crate) fn emit(report: &Report, out: &OutputArgs) -> Result<(), CliError> {
    let format = render::format_for(out.format, out.output.as_deref());
    binary_to_terminal(format, out.output.as_deref())?;
    write_out(&render::render(report, format)?, out.output.as_deref())
}

/// A workbook or picture is not written to a terminal.
pub(crate) fn binary_to_terminal(format: FormatArg, output: Option<&Path>) -> Result<(), CliError> {
    let what = match format {
        FormatArg::Xlsx => "an .xlsx workbook",
        FormatArg::Png => "a PNG picture",
        _ => return Ok(()),
    };
    if output.is_none() && std::io::stdout().is_terminal() {
        let ext = if format == FormatArg::Png { "png" } else { "xlsx" };
        return Err(CliError::usage(say(
            "cli.binary_to_terminal",
            &[("what", what), ("ext", ext)],
        )));
    }
    Ok(())
}

/// Writes to a file, or to standard output (a closed pipe is not an error,
/// a closed standard output is).
///
/// A file is written atomically: into a temporary file in the same folder,
/// which is then renamed over the target, so that an interruption at any
/// moment leaves either the old file or the complete new one.
pub(crate) fn write_out(bytes: impl AsRef<[u8]>, path: Option<&Path>) -> Result<(), CliError> {
    let bytes = bytes.as_ref();
    match path {
        Some(path) => write_atomically(path, bytes).map_err(|e| {
            CliError::usage(say(
                "cli.cannot_write",
                &[("file", &path.display().to_string()), ("reason", &e.to_string())],
            ))
        }),
        None => {
            if STDOUT_OPEN.get() == Some(&false) {
                return Err(CliError::usage(say("cli.stdout_closed", &[])));
            }
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::usage(say(
                    "cli.stdout_failed",
                    &[("reason", &e.to_string())],
                ))),
                _ => Ok(()),
            }
        }
    }
}

/// Writes `bytes` to a temporary file next to `path`, flushes it to disk and
/// renames it to `path` (the temporary file is removed on any error).
/// A target that exists and is no regular file (`/dev/null`, a named pipe)
/// is written directly; a new file gets the permissions of the old one, or
/// `rw-r--r--`.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let old = std::fs::metadata(path).ok();
    if old.as_ref().is_some_and(|m| !m.is_file()) {
        return std::fs::write(path, bytes);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".lineup-").suffix(".tmp");
    match old {
        Some(m) => {
            builder.permissions(m.permissions());
        }
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                builder.permissions(std::fs::Permissions::from_mode(0o644));
            }
        }
    }
    // A second Ctrl-C exits at once, skipping the temporary file's cleanup:
    // the signal thread removes it then (noted as it is made, so that a
    // signal right after its creation finds it too).
    let mut tmp = signals::create_temporary(|| builder.tempfile_in(dir), |t| t.path().to_path_buf())?;
    let written = tmp
        .write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .and_then(|()| tmp.persist(path).map(drop).map_err(|e| e.error));
    signals::writing(None);
    written
}

fn solve(a: SolveArgs) -> Result<(), CliError> {
    let settings = lineup_options::settings(&a.problem)?;
    let options = lineup_options::options(&a.run)?.with_cancel(crate::signals::token());
    let (municipalities, settings) = read_input(&a.file, settings)?;
    let problem = Problem::with_backend(municipalities, settings, options.backend())
        .map_err(|e| CliError::problem(&a.file, e))?;
    let lines = progress::Lines::new(&problem, a.run.quiet);
    let solution = lineup::solve_with_progress(&problem, &options, &|p| lines.update(p));
    lines.finish();
    let solution = solution.map_err(CliError::solve)?;
    let mut report = Report::new(&problem, &solution);
    lineup_options::record_run(&mut report.settings, &options);
    emit(&report, &a.output)?;
    if let Some(path) = &a.output.output {
        #[allow(
            clippy::print_stderr,
            reason = "the summary goes to stderr, the lineup to the file"
        )]
        {
            eprintln!(
                "{}",
                say(
                    "summary.written",
                    &[
                        ("file", &path.display().to_string()),
                        ("summary", &report.summary_line(lang()))
                    ]
                )
            );
        }
    }
    Ok(())
}

/// Reads the municipalities and a lineup made elsewhere; the problem takes
/// its cluster counts from the lineup unless `--clusters` gives them, and
/// the settings a lineup JSON records for every flag not given (said on
/// stderr). The third value: the blocks of the solve the lineup file
/// records, when its bound is valid for this problem (same fingerprint).
pub(crate) fn read_problem_and_lineup(
    file: &Path,
    lineup_path: &Path,
    args: &lineup_options::ProblemArgs,
) -> Result<(Problem, Lineup, Option<Vec<lineup::BlockReport>>), CliError> {
    let bytes = read_file(lineup_path)?;
    let recorded = recorded(&bytes);
    let settings = with_recorded(lineup_options::settings(args)?, &recorded, lineup_path)?;
    let (municipalities, mut settings) = read_input(file, settings)?;
    let lineup =
        lineup::read_lineup(&bytes[..], &municipalities).map_err(|e| CliError::input(lineup_path, &e))?;
    let derived = *settings.clusters() == ClusterCount::Auto;
    if derived {
        let counts = lineup_options::counts_from(&lineup, &municipalities, &settings);
        settings = settings.with_clusters(counts);
    }
    let problem = match Problem::new(municipalities.clone(), settings.clone()) {
        Ok(p) => p,
        // Counts read off a lineup that mixes classes may fit no problem:
        // judge it by the fewest clusters instead, so that the verifier
        // names what the lineup breaks (not a --clusters it never asked for).
        Err(e) if derived => Problem::new(municipalities, settings.with_clusters(ClusterCount::Auto))
            .map_err(|_| CliError::problem(lineup_path, e))?,
        Err(e) => return Err(CliError::problem(lineup_path, e)),
    };
    let known = recorded
        .fingerprint
        .filter(|f| *f == problem.fingerprint())
        .and(recorded.blocks);
    Ok((problem, lineup, known))
}

/// The bytes of a lineup file.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| cannot_open(path, &e))
}

/// The settings with those a lineup JSON records for every flag not given
/// (said on stderr).
pub(crate) fn with_recorded(
    settings: Settings,
    recorded: &Recorded,
    path: &Path,
) -> Result<Settings, CliError> {
    let Some(r) = &recorded.settings else {
        return Ok(settings);
    };
    let (s, taken) = lineup_options::with_recorded(settings, r, &given)?;
    if !taken.is_empty() {
        note(&say(
            "settings.from_file",
            &[
                ("file", &path.display().to_string()),
                ("settings", &taken.join(", ")),
            ],
        ));
    }
    Ok(s)
}

/// What a lineup JSON written by `solve` records besides its clusters.
#[derive(Default)]
pub(crate) struct Recorded {
    settings: Option<lineup::SettingsReport>,
    fingerprint: Option<String>,
    blocks: Option<Vec<lineup::BlockReport>>,
    /// The changes of a what-if report (`lineup whatif --format json`).
    diff: Option<lineup::Diff>,
}

/// The settings, fingerprint and blocks of a lineup file, as far as it has
/// them (a CSV, a workbook or a bare `{"clusters": …}` has none).
pub(crate) fn recorded(bytes: &[u8]) -> Recorded {
    let Ok(serde_json::Value::Object(doc)) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Recorded::default();
    };
    let field = |k: &str| doc.get(k).cloned();
    Recorded {
        settings: field("settings").and_then(|v| serde_json::from_value(v).ok()),
        fingerprint: field("fingerprint").and_then(|v| v.as_str().map(str::to_string)),
        blocks: field("blocks").and_then(|v| serde_json::from_value(v).ok()),
        diff: field("diff").and_then(|v| serde_json::from_value(v).ok()),
    }
}

/// A note on stderr.
pub(crate) fn note(text: &str) {
    #[allow(clippy::print_stderr, reason = "notes go to stderr, never into an output")]
    {
        eprintln!("{}", say("cli.note", &[("text", text)]));
    }
}

/// A lineup that breaks rules, rule by rule, municipalities named by name
/// and id (exit code 1).
pub(crate) fn broken(lineup_path: &Path, violations: &[lineup::Violation], problem: &Problem) -> CliError {
    let ms = problem.municipalities();
    let missing: Vec<String> = violations
        .iter()
        .filter_map(|v| match v {
            lineup::Violation::Missing { id } => Some(lineup::named(id, ms)),
            _ => None,
        })
        .collect();
    let mut list: Vec<String> = Vec::new();
    // A lineup older than the list: the missing ones in one line.
    if missing.len() > 1 {
        let mut names: Vec<String> = missing.iter().take(lineup::SHOWN_VIOLATIONS).cloned().collect();
        if missing.len() > lineup::SHOWN_VIOLATIONS {
            let more = (missing.len() - lineup::SHOWN_VIOLATIONS).to_string();
            names.push(say("breach.more", &[("count", &more)]));
        }
        list.push(format!(
            "  - {}",
            say(
                "breach.missing_many",
                &[
                    ("count", &missing.len().to_string()),
                    ("names", &names.join(", "))
                ]
            )
        ));
    }
    let others: Vec<&lineup::Violation> = violations
        .iter()
        .filter(|v| missing.len() <= 1 || !matches!(v, lineup::Violation::Missing { .. }))
        .collect();
    list.extend(
        others
            .iter()
            .take(lineup::SHOWN_VIOLATIONS)
            .map(|v| format!("  - {}", lineup::breach_text(v, ms, lang()))),
    );
    if others.len() > lineup::SHOWN_VIOLATIONS {
        let more = (others.len() - lineup::SHOWN_VIOLATIONS).to_string();
        list.push(format!("  {}", say("breach.more", &[("count", &more)])));
    }
    if !missing.is_empty() {
        list.push(format!(
            "  {}",
            say(
                "breach.missing_fix",
                &[("lineup", &lineup_path.display().to_string())]
            )
        ));
    }
    CliError::infeasible(format!(
        "{}\n{}\n{}",
        say(
            if violations.len() == 1 {
                "breach.header.one"
            } else {
                "breach.header.other"
            },
            &[
                ("lineup", &lineup_path.display().to_string()),
                ("count", &violations.len().to_string())
            ]
        ),
        list.join("\n"),
        say("breach.fix", &[])
    ))
}

/// The report of a lineup made elsewhere, verified against the rules, with
/// a real bound: the one the lineup file records for this problem, else one
/// from a solve within the time limit.
pub(crate) fn evaluated(
    file: &Path,
    lineup_file: &Path,
    args: &ProblemArgs,
    run: &lineup_options::RunArgs,
) -> Result<(Problem, lineup::Solution), CliError> {
    let (problem, lineup, known) = read_problem_and_lineup(file, lineup_file, args)?;
    lineup::verify(&problem, &lineup).map_err(|v| broken(lineup_file, &v, &problem))?;
    let (blocks, note) = match known {
        Some(blocks) => (
            blocks,
            Note::new("bound.recorded", &[("file", lineup_file.display().to_string())]),
        ),
        None => {
            let options = lineup_options::options(run)?.with_cancel(crate::signals::token());
            match lineup::solve(&problem, &options) {
                Ok(s) => (
                    s.blocks,
                    Note::new(
                        "bound.solved",
                        &[("seconds", format!("{:.1}", s.elapsed.as_secs_f64()))],
                    ),
                ),
                // No solve, no better bound: the closed-form ones stand.
                Err(_) => (Vec::new(), Note::new("solver.closed_form", &[])),
            }
        }
    };
    let solution = lineup::evaluate_with_bounds(&problem, &lineup, &blocks, &note)
        .map_err(|v| broken(lineup_file, &v, &problem))?;
    Ok((problem, solution))
}

fn evaluate(a: EvaluateArgs) -> Result<(), CliError> {
    let (problem, solution) = evaluated(&a.file, &a.lineup, &a.problem, &a.run)?;
    let report = Report::new(&problem, &solution);
    let Some(other) = &a.against else {
        return emit(&report, &a.output);
    };
    let reference = lineup::read_lineup(open(other)?, problem.municipalities())
        .map_err(|e| CliError::input(other, &e))?;
    let reference = lineup::evaluate(&problem, &reference).map_err(|v| broken(other, &v, &problem))?;
    let comparison = lineup::compare(&problem, &solution, &reference);
    let text = match render::format_for(a.output.format, a.output.output.as_deref()) {
        FormatArg::Table => {
            let mut t = render::table(&report);
            t.push('\n');
            t.push_str(&render::comparison(&comparison, other));
            t
        }
        FormatArg::Json => render::to_json(&serde_json::json!({ "report": report, "against": comparison }))?,
        _ => {
            return Err(CliError::usage(say("cli.against_format", &[])));
        }
    };
    write_out(&text, a.output.output.as_deref())
}
