//! Messages of `str` methods (CPython 3.11's `unicodeobject.c` and `stringlib`).

use super::PyError;

impl PyError {
    /// `'a'.find(1)`, `'a'.partition(1)`: `must be str, not int`.
    pub fn must_be_str(type_name: &str) -> PyError {
        PyError::type_error(format!("must be str, not {type_name}"))
    }
    /// `'a'.replace(1, 'b')`: `replace() argument 1 must be str, not int`.
    pub fn str_argument_must_be_str(func: &str, pos: usize, type_name: &str) -> PyError {
        PyError::type_error(format!(
            "{func}() argument {pos} must be str, not {type_name}"
        ))
    }
    /// `'a'.removeprefix(1)`: `removeprefix() argument must be str, not int`.
    pub fn sole_argument_must_be_str(func: &str, type_name: &str) -> PyError {
        PyError::type_error(format!("{func}() argument must be str, not {type_name}"))
    }
    /// `'a'.split(1)`: `must be str or None, not int`.
    pub fn must_be_str_or_none(type_name: &str) -> PyError {
        PyError::type_error(format!("must be str or None, not {type_name}"))
    }
    /// `'a'.strip(1)`: `strip arg must be None or str`.
    pub fn strip_arg(func: &str) -> PyError {
        PyError::type_error(format!("{func} arg must be None or str"))
    }
    /// `'a'.split('')`, `'a'.partition('')`.
    pub fn empty_separator() -> PyError {
        PyError::value("empty separator")
    }
    /// `'a'.index('b')`.
    pub fn substring_not_found() -> PyError {
        PyError::value("substring not found")
    }
    /// `''.join(1)`.
    pub fn can_only_join_iterable() -> PyError {
        PyError::type_error("can only join an iterable")
    }
    /// `''.join(['a', 1])`.
    pub fn join_item_not_str(i: usize, type_name: &str) -> PyError {
        PyError::type_error(format!(
            "sequence item {i}: expected str instance, {type_name} found"
        ))
    }
    /// `'a'.startswith(1)`.
    pub fn affix_first_arg(func: &str, type_name: &str) -> PyError {
        PyError::type_error(format!(
            "{func} first arg must be str or a tuple of str, not {type_name}"
        ))
    }
    /// `'a'.startswith(('a', 1))`.
    pub fn affix_tuple_item(func: &str, type_name: &str) -> PyError {
        PyError::type_error(format!(
            "tuple for {func} must only contain str, not {type_name}"
        ))
    }
    /// `'a'.center(3, 'xy')`.
    pub fn fill_char_length() -> PyError {
        PyError::type_error("The fill character must be exactly one character long")
    }
    /// `'a'.center(3, 1)`.
    pub fn fill_char_type(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "The fill character must be a unicode character, not {type_name}"
        ))
    }
}
