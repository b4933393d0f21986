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
/// The text is then [normalised](normalize).
pub fn decode(bytes: &[u8]) -> String {
    normalize(&decode_only(bytes))
}

/// As [`decode`], but in NFC only: invisible characters are kept, for the
/// municipality readers to remove cell by cell and report
/// ([`Invisible`](super::invisible::Invisible)).
pub(crate) fn decode_nfc(bytes: &[u8]) -> String {
    nfc(&decode_only(bytes))
}

fn decode_only(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// Invisible characters that only hide differences between keys: zero-width
/// space, joiners, word joiner and a byte-order mark inside the text.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Text as keys compare it: invisible characters removed and Unicode NFC
/// (`"Go\u{308}rlitz"` becomes `"Görlitz"`), so that the same name typed
/// differently is the same name.
pub(crate) fn normalize(text: &str) -> String {
    if !text.chars().any(is_invisible) {
        return nfc(text);
    }
    nfc(&text.chars().filter(|&c| !is_invisible(c)).collect::<String>())
}

/// Unicode NFC (a copy when the text already is).
pub(crate) fn nfc(text: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text.to_string();
    }
    text.nfc().collect()
}

/// Reads all bytes as text (see [`decode`]).
pub(crate) fn read_text(reader: impl Read) -> Result<String, InputError> {
    read_bytes(reader).map(|b| decode(&b))
}

#[cfg(test)]
mod normalize_tests {
    use super::*;

    #[test]
    fn names_are_nfc_without_invisible_characters() {
        assert_eq!(normalize("Go\u{308}rlitz"), "Görlitz");
        assert_eq!(normalize("0916\u{200b}2000"), "09162000");
        assert_eq!(normalize("\u{feff}M\u{fc}nchen\u{2060}"), "München");
        assert_eq!(decode("id\nGo\u{308}rlitz\n".as_bytes()), "id\nGörlitz\n");
    }
}
