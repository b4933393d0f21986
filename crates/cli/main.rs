//! `lineup`: the command-line tool. It only parses arguments, reads files,
//! calls the library and renders the result.

mod alternatives;
mod args;
mod error;
mod explain;
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

use clap::{CommandFactory, Parser};
use lineup::Report;
use lineup::{ClusterCount, InputFormat, Lineup, Municipality, Problem, Settings};

use args::{Cli, Command, EvaluateArgs, MapArgs, MapFormat, OutputArgs, SolveArgs};
use error::CliError;
use lineup::map::{MapOptions, MapSize};
use lineup_options::FormatArg;
use lineup_options::ProblemArgs;

fn main() -> ExitCode {
    // Before any file is opened (which could take a closed descriptor 1).
    let stdout_open = stdout_is_open();
    STDOUT_OPEN.get_or_init(|| stdout_open);
    let cli = Cli::parse();
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
                eprintln!("error: {e}");
            }
            ExitCode::from(e.code)
        }
    };
    // Interrupted: the best lineup so far was written; the code says by what.
    signals::exit_code().map_or(code, ExitCode::from)
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
        Command::Map(a) => map(a),
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
    File::open(path).map(BufReader::new).map_err(|e| {
        CliError::usage(format!(
            "cannot open {}: {e}; check the path and that the file is readable",
            path.display()
        ))
    })
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
        eprintln!("warning: {}: {w}", path.display());
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
        return Err(CliError::usage(format!(
            "{what} is binary and standard output is a terminal: give --output lineup.{ext}"
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
            CliError::usage(format!(
                "cannot write {}: {e}; check that the folder exists and is writable",
                path.display()
            ))
        }),
        None => {
            if STDOUT_OPEN.get() == Some(&false) {
                return Err(CliError::usage(
                    "standard output is closed: give --output FILE, or redirect the output to a file",
                ));
            }
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::usage(format!(
                    "cannot write to standard output: {e}; try --output FILE"
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
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
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
    emit(&report, &a.output)
}

/// Reads the municipalities and a lineup made elsewhere; the problem takes
/// its cluster counts from the lineup unless `--clusters` gives them.
pub(crate) fn read_problem_and_lineup(
    file: &Path,
    lineup_path: &Path,
    args: &lineup_options::ProblemArgs,
) -> Result<(Problem, Lineup), CliError> {
    let (municipalities, mut settings) = read_input(file, lineup_options::settings(args)?)?;
    let lineup = lineup::read_lineup(open(lineup_path)?, &municipalities)
        .map_err(|e| CliError::input(lineup_path, &e))?;
    if *settings.clusters() == ClusterCount::Auto {
        let counts = lineup_options::counts_from(&lineup, &municipalities, &settings);
        settings = settings.with_clusters(counts);
    }
    let problem = Problem::new(municipalities, settings).map_err(|e| CliError::problem(lineup_path, e))?;
    Ok((problem, lineup))
}

/// A lineup that breaks rules, rule by rule (exit code 1).
pub(crate) fn broken(lineup_path: &Path, violations: &[lineup::Violation]) -> CliError {
    let mut list: Vec<String> = violations
        .iter()
        .take(lineup::SHOWN_VIOLATIONS)
        .map(|v| format!("  - {v}"))
        .collect();
    if violations.len() > lineup::SHOWN_VIOLATIONS {
        list.push(format!(
            "  … and {} more",
            violations.len() - lineup::SHOWN_VIOLATIONS
        ));
    }
    CliError::infeasible(format!(
        "{} breaks {} rule(s):\n{}\nfix the lineup, or change the options it is judged by (--cluster-size, --comparability, …)",
        lineup_path.display(),
        violations.len(),
        list.join("\n")
    ))
}

/// The report of a lineup made elsewhere, verified against the rules.
fn evaluated(file: &Path, lineup_file: &Path, args: &ProblemArgs) -> Result<Report, CliError> {
    let (problem, lineup) = read_problem_and_lineup(file, lineup_file, args)?;
    let solution = lineup::evaluate(&problem, &lineup).map_err(|v| broken(lineup_file, &v))?;
    Ok(Report::new(&problem, &solution))
}

fn evaluate(a: EvaluateArgs) -> Result<(), CliError> {
    emit(&evaluated(&a.file, &a.lineup, &a.problem)?, &a.output)
}

fn map(a: MapArgs) -> Result<(), CliError> {
    let extension = a
        .output
        .as_deref()
        .and_then(Path::extension)
        .and_then(|e| e.to_str());
    let format = match (a.format, extension) {
        (Some(f), _) => f,
        (None, None) => MapFormat::Svg,
        (None, Some(e)) if e.eq_ignore_ascii_case("svg") => MapFormat::Svg,
        (None, Some(e)) if e.eq_ignore_ascii_case("png") => MapFormat::Png,
        (None, Some(ext)) => {
            return Err(CliError::usage(format!(
                "lineup map writes SVG or PNG, not .{ext}: use -o map.svg or -o map.png (or --format svg|png)"
            )));
        }
    };
    let size = match &a.size {
        Some(s) => Some(
            s.parse::<MapSize>()
                .map_err(|e| CliError::usage(format!("--size: {e}")))?,
        ),
        None => None,
    };
    let report = evaluated(&a.file, &a.lineup, &a.problem)?;
    let options = MapOptions {
        title: a.title.clone(),
        size,
        ..MapOptions::default()
    };
    write_map(&report, &options, format, a.output.as_deref())
}

/// Draws a map and writes it as SVG or PNG.
pub(crate) fn write_map(
    report: &Report,
    options: &MapOptions,
    format: MapFormat,
    output: Option<&Path>,
) -> Result<(), CliError> {
    let svg = lineup::map::svg_with(report, options);
    match format {
        MapFormat::Svg => write_out(svg, output),
        MapFormat::Png => {
            binary_to_terminal(FormatArg::Png, output)?;
            write_out(render::map_png(&svg, options.size)?, output)
        }
    }
}
