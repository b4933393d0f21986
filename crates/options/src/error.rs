//! The error of an option value that does not parse or validate.

use std::fmt;

use lineup::messages::Lang;

/// An option value that cannot be used: the message names the flag, the
/// value and what to write instead, in English and (where the catalogue
/// words it) German.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    /// What is wrong and what to do, in English.
    pub message: String,
    /// The same in German, where the catalogue has it.
    pub german: Option<String>,
}

impl OptionError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> OptionError {
        OptionError {
            message: message.into(),
            german: None,
        }
    }

    /// The same error with its German text.
    pub fn with_german(mut self, german: impl Into<String>) -> OptionError {
        self.german = Some(german.into());
        self
    }

    /// The message in `lang` (English where there is no German text).
    pub fn text(&self, lang: Lang) -> &str {
        match (lang, &self.german) {
            (Lang::De, Some(de)) => de,
            _ => &self.message,
        }
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OptionError {}
