//! The error of an option value that does not parse or validate.

use std::fmt;

/// An option value that cannot be used: the message names the flag, the
/// value and what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    /// What is wrong and what to do.
    pub message: String,
}

impl OptionError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> OptionError {
        OptionError {
            message: message.into(),
        }
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OptionError {}
