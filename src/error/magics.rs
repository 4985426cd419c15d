//! Messages of IPython's magics and `?` (IPython 8.12's `UsageError` texts).

use super::{ErrorKind, PyError};

impl PyError {
    // ----- IPython's magics (IPython 8.12's UsageError texts)
    pub fn line_magic_not_found(name: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("Line magic function `%{name}` not found."),
        )
    }
    pub fn cell_magic_not_found(name: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("Cell magic `%%{name}` not found."),
        )
    }
    /// getopt's message, with IPython's `( allowed: "spec")` after it.
    pub fn magic_option_not_recognized(option: char, spec: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("option -{option} not recognized ( allowed: \"{spec}\" )"),
        )
    }
    pub fn magic_option_needs_argument(option: char, spec: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("option -{option} requires argument ( allowed: \"{spec}\" )"),
        )
    }
    /// `%mem` without a name.
    pub fn mem_needs_a_name() -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            "%mem needs the names of arrays: %mem a [b ...]",
        )
    }
    /// `%save` without a file name.
    pub fn missing_filename() -> PyError {
        PyError::new(ErrorKind::UsageError, "Missing filename.")
    }
    /// `%run` of a file that is not there. IPython raises a bare `Exception` with these words;
    /// arrsh reports it as the usage error it is.
    pub fn run_file_not_found(name: &str) -> PyError {
        PyError::new(ErrorKind::UsageError, format!("File `'{name}'` not found."))
    }
    /// A magic that could not write its file (the OS's reason after the path).
    pub fn file_not_written(path: &str, reason: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("could not write {path}: {reason}"),
        )
    }
    /// argparse's text for a bad integer option (`%history -l x`).
    pub fn magic_option_invalid_int(option: &str, got: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("argument {option}: invalid int value: '{got}'"),
        )
    }
    /// `%precision abc` (IPython's traitlets message).
    pub fn precision_not_understood(got: &str) -> PyError {
        PyError::value(format!(
            "Precision must be int or format string, not '{got}'"
        ))
    }
    pub fn precision_negative(n: i64) -> PyError {
        PyError::value(format!("int precision must be non-negative, not {n}"))
    }
}
