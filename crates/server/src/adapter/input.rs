//! Reading an uploaded file, with the command line's error text.

use lineup::{Input, InputError};

use crate::error::{ApiError, Kind};
use crate::upload::File;

/// An input error of a file, named as the command line names it.
pub(crate) fn input_error(name: &str, e: &InputError) -> ApiError {
    ApiError::new(Kind::Input, format!("{name}: {e}"))
        .with_german(format!("{name}: {}", e.text(lineup::messages::Lang::De)))
}

/// Reads the municipalities of an uploaded file (format from its name, else
/// from its bytes).
pub fn read(file: &File) -> Result<Input, ApiError> {
    lineup::read_municipalities(&file.bytes[..], lineup_options::input_format(&file.name))
        .map_err(|e| input_error(&file.name, &e))
}
