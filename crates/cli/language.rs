//! The language of the run (`--lang`, else the environment's), set once
//! at start; errors, tables and workbooks read it.

use lineup::messages::Lang;

/// The language of the table, the workbook and the messages.
pub(crate) static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language asked for (`--lang`, else the environment's).
pub(crate) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}
