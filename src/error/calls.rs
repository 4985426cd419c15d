//! Messages of calling, iterating, unpacking and truth-testing (CPython 3.11, NumPy 2.4).

use super::{ErrorKind, PyError};

impl PyError {
    // ----- calls
    pub fn arg_count(func: &str, expected: &str, given: usize) -> PyError {
        PyError::type_error(format!("{func}() takes {expected} ({given} given)"))
    }
    pub fn unexpected_keyword(func: &str, kw: &str) -> PyError {
        PyError::type_error(format!(
            "{func}() got an unexpected keyword argument '{kw}'"
        ))
    }
    /// `PyArray_OutputConverter`: an `out=` that is neither None nor an array.
    pub fn output_must_be_array() -> PyError {
        PyError::type_error("output must be an array")
    }
    /// A ufunc's (and so a reduction's) `out=` that is not an array.
    pub fn return_arrays_must_be_array_type() -> PyError {
        PyError::type_error("return arrays must be of ArrayType")
    }
    /// `a.dot(b, out=1)`.
    pub fn dot_out_must_be_array() -> PyError {
        PyError::type_error("'out' must be an array")
    }
    /// A property of a NumPy type without a setter: `attribute 'size' of 'numpy.ndarray'
    /// objects is not writable`.
    pub fn attribute_not_writable(name: &str, type_name: &str) -> PyError {
        PyError::attribute(format!(
            "attribute '{name}' of '{type_name}' objects is not writable"
        ))
    }
    /// `a.imag = v` on a real array.
    pub fn no_imaginary_part_to_set() -> PyError {
        PyError::type_error("array does not have imaginary part to set")
    }
    /// `a.flags.writebackifcopy = True`.
    pub fn cannot_set_writebackifcopy() -> PyError {
        PyError::value("cannot set WRITEBACKIFCOPY flag to True")
    }
    pub fn not_callable(type_name: &str) -> PyError {
        PyError::type_error(format!("'{type_name}' object is not callable"))
    }
    pub fn not_iterable(type_name: &str) -> PyError {
        PyError::type_error(format!("'{type_name}' object is not iterable"))
    }
    pub fn not_subscriptable(type_name: &str) -> PyError {
        PyError::type_error(format!("'{type_name}' object is not subscriptable"))
    }
    pub fn len_of_unsized(type_name: &str) -> PyError {
        PyError::type_error(format!("object of type '{type_name}' has no len()"))
    }
    pub fn unsized_object() -> PyError {
        PyError::type_error("len() of unsized object")
    }
    pub fn iteration_over_0d() -> PyError {
        PyError::type_error("iteration over a 0-d array")
    }
    /// A dict or set that grew or shrank under a running iteration: `what` is `dictionary`
    /// or `Set` (CPython 3.11's capital S, from `setiter_iternext`).
    pub fn changed_size_during_iteration(what: &str) -> PyError {
        PyError::new(
            ErrorKind::RuntimeError,
            format!("{what} changed size during iteration"),
        )
    }
    /// A dict iteration that met more entries than the dict had when it began, its size
    /// unchanged (`del d[k]; d[new] = 1` in the loop; CPython 3.11 `dictiter_iternextkey`).
    pub fn dict_keys_changed_during_iteration() -> PyError {
        PyError::new(
            ErrorKind::RuntimeError,
            "dictionary keys changed during iteration",
        )
    }
    pub fn key_error(repr: &str) -> PyError {
        PyError::new(ErrorKind::KeyError, repr)
    }
    pub fn cannot_unpack(expected: usize, got: usize) -> PyError {
        if got > expected {
            PyError::value(format!("too many values to unpack (expected {expected})"))
        } else {
            PyError::value(format!(
                "not enough values to unpack (expected {expected}, got {got})"
            ))
        }
    }
    pub fn truth_value_ambiguous() -> PyError {
        PyError::value(
            "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
        )
    }
}
