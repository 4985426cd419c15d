//! Messages of making exception objects (CPython 3.11's `Objects/exceptions.c`).

use super::PyError;

impl PyError {
    /// `ExceptionGroup('m', ValueError())`.
    pub fn exception_group_not_sequence() -> PyError {
        PyError::type_error("second argument (exceptions) must be a sequence")
    }
    /// `ExceptionGroup('m', [])`.
    pub fn exception_group_empty() -> PyError {
        PyError::value("second argument (exceptions) must be a non-empty sequence")
    }
    /// `ExceptionGroup('m', [1])`.
    pub fn exception_group_item(i: usize) -> PyError {
        PyError::value(format!(
            "Item {i} of second argument (exceptions) is not an exception"
        ))
    }
    /// `ExceptionGroup('m', [KeyboardInterrupt()])`.
    pub fn cannot_nest_base_exceptions() -> PyError {
        PyError::type_error("Cannot nest BaseExceptions in an ExceptionGroup")
    }
}
