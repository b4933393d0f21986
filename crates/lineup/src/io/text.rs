//! Bytes to text: UTF-8 or UTF-16 after a byte-order mark, else UTF-8 if
//! valid, else Windows-1252 (which holds every German letter).

use std::io::Read;
use std::sync::Arc;

use super::error::{InputError, InputErrorKind, ReadError};

/// Reads all bytes.
pub(crate) fn read_bytes(mut reader: impl Read) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| {
        InputError::new(InputErrorKind::Read {
            source: ReadError(Arc::new(e)),
        })
    })?;
    Ok(bytes)
}

/// Text from bytes: UTF-8 or UTF-16 after a byte-order mark (which is
/// removed), else UTF-8 if valid, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Reads all bytes as text (see [`decode`]).
pub(crate) fn read_text(reader: impl Read) -> Result<String, InputError> {
    read_bytes(reader).map(|b| decode(&b))
}
