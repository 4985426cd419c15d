//! Messages for the session's limits and for arrsh's own bugs: internal errors (CPython's
//! `SystemError`), the memory budget's `MemoryError`s, and recursion guards.

use super::{ErrorKind, PyError};

impl PyError {
    /// A bug in arrsh, caught at the cell boundary or found by a consistency check. CPython
    /// reports interpreter bugs as `SystemError`; the session goes on.
    pub fn internal(what: &str) -> PyError {
        PyError::new(
            ErrorKind::SystemError,
            format!("arrsh internal error: {what} — please report this cell"),
        )
    }

    /// Whether this error is arrsh's own bug (a contained panic or a failed consistency check).
    pub fn is_internal(&self) -> bool {
        self.kind == ErrorKind::SystemError && self.msg.starts_with("arrsh internal error")
    }

    /// CPython's `PyErr_NoMemory()` raised while growing a Python object (a list, a str).
    /// CPython's MemoryError has no message; arrsh says how much was asked for, in NumPy's
    /// words and units (a deliberate difference: a bare `MemoryError: ` explains nothing).
    pub fn no_memory(nbytes: u128) -> PyError {
        PyError::new(
            ErrorKind::MemoryError,
            format!(
                "Unable to allocate {} for a Python object",
                super::human_bytes(nbytes)
            ),
        )
    }

    /// An int too long for `str()` under `sys.set_int_max_str_digits`
    /// (`_MAX_STR_DIGITS_ERROR_FMT_TO_STR`).
    pub fn int_too_long_to_str(limit: usize) -> PyError {
        PyError::value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use \
             sys.set_int_max_str_digits() to increase the limit"
        ))
    }

    /// A str of too many digits for `int()` (`_MAX_STR_DIGITS_ERROR_FMT_TO_INT`).
    pub fn str_too_long_to_int(limit: usize, digits: usize) -> PyError {
        PyError::value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has \
             {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))
    }

    /// `sys.set_int_max_str_digits(n)` with `0 < n < 640` (or negative).
    pub fn max_str_digits_too_small(threshold: usize) -> PyError {
        PyError::value(format!("maxdigits must be 0 or larger than {threshold}"))
    }

    /// NumPy's `prepare_index` when `None`s (or index arrays) would make more than 64 dims.
    pub fn index_result_too_many_dims(ndim: usize) -> PyError {
        PyError::index(format!(
            "number of dimensions must be within [0, {}], indexing result would have {ndim}",
            crate::runtime::layout::MAX_DIMS
        ))
    }

    /// CPython's message when a repr, comparison or hash recurses past its limit.
    pub fn recursion_in_comparison() -> PyError {
        PyError::recursion_depth(" in comparison")
    }
    pub fn recursion_while_getting_repr() -> PyError {
        PyError::recursion_depth(" while getting the repr of an object")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_are_system_errors_that_ask_for_a_report() {
        let e = PyError::internal("reduction view");
        assert_eq!(
            e.to_string(),
            "SystemError: arrsh internal error: reduction view — please report this cell"
        );
        assert!(e.is_internal());
        assert!(
            !PyError::new(ErrorKind::SystemError, "x").is_internal(),
            "control: another SystemError is not arrsh's bug"
        );
    }

    #[test]
    fn recursion_messages_are_cpythons() {
        // CPython 3.11: `l = []; l.append(l); m = []; m.append(m); l == m`
        assert_eq!(
            PyError::recursion_in_comparison().to_string(),
            "RecursionError: maximum recursion depth exceeded in comparison"
        );
        assert_eq!(
            PyError::recursion_while_getting_repr().to_string(),
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
        );
    }
}
