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
    /// `MyEG('m', [KeyboardInterrupt()])` for a user's subclass of `ExceptionGroup`.
    pub fn cannot_nest_base_exceptions_in(class: &str) -> PyError {
        PyError::type_error(format!("Cannot nest BaseExceptions in '{class}'"))
    }
    /// `eg.split(1)`: `get_matcher_type`.
    pub fn split_matcher_type() -> PyError {
        PyError::type_error("expected a function, exception type or tuple of exception types")
    }
    /// A `derive` override that returns something else (`exceptiongroup_subset`).
    pub fn derive_must_return_group() -> PyError {
        PyError::type_error("derive must return an instance of BaseExceptionGroup")
    }
    /// `except 42:` / `except* 42:` (ceval's `check_except_type_valid`).
    pub fn catching_non_exception() -> PyError {
        PyError::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )
    }
    /// `except* ExceptionGroup:` (ceval's `check_except_star_type_valid`).
    pub fn except_star_group() -> PyError {
        PyError::type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        )
    }
}
