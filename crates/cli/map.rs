//! `lineup map`: draws a verified lineup as SVG or PNG, for slides.

use std::path::Path;

use lineup::Report;
use lineup::map::{MapOptions, MapSize};
use lineup_options::FormatArg;

use crate::args::{MapArgs, MapFormat};
use crate::error::CliError;
use crate::{binary_to_terminal, evaluated, lang, read_file, recorded, render, write_out};

/// `lineup map`: the lineup on a map, as SVG or PNG.
pub(crate) fn run(a: MapArgs) -> Result<(), CliError> {
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
            return Err(CliError::usage(crate::say("cli.map_format", &[("ext", ext)])));
        }
    };
    let size = match &a.size {
        Some(s) => Some(
            s.parse::<MapSize>()
                .map_err(|e| CliError::usage(size_error(&e)))?,
        ),
        None => None,
    };
    let (problem, solution) = evaluated(&a.file, &a.lineup, &a.problem, &a.run)?;
    let report = Report::new(&problem, &solution);
    let mut options = MapOptions {
        title: a.title.clone(),
        size,
        lang: lang(),
        ..MapOptions::default()
    };
    // A what-if report: its newcomers and moved members are marked, as
    // `whatif --format svg` marks them.
    if let Some(diff) = read_file(&a.lineup).ok().and_then(|b| recorded(&b).diff) {
        options = options.with_changes(&diff);
    }
    write(&report, &options, format, a.output.as_deref())
}

/// Draws a map and writes it as SVG or PNG.
pub(crate) fn write(
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

/// A size that cannot be used, in the language asked for.
fn size_error(e: &lineup::map::MapSizeError) -> String {
    use lineup::map::MapSizeError;
    match e {
        MapSizeError::Form { given } => crate::say("cli.size_form", &[("given", given)]),
        MapSizeError::Range { given, min, max } => crate::say(
            "cli.size_range",
            &[
                ("given", given),
                ("min", &min.to_string()),
                ("max", &max.to_string()),
            ],
        ),
    }
}
