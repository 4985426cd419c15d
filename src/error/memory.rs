//! Messages of allocation and array-size limits (NumPy 2.4's `_ArrayMemoryError`, `ctors.c`).

use super::format::{human_bytes, shape_str};
use super::{ErrorKind, PyError};

impl PyError {
    // ----- memory
    /// NumPy's `arange` length check (`PyArray_ArangeObj`): a length past `NPY_MAX_INTP`
    /// (`np.linspace(0, 1, 10**19)`, `np.histogram(x, bins=10**19)` through it).
    pub fn maximum_size_exceeded() -> PyError {
        PyError::value("Maximum allowed size exceeded")
    }
    /// NumPy's `_ArrayMemoryError` text: `Unable to allocate 256. TiB for an array with shape ...`.
    pub fn unable_to_allocate(nbytes: u128, shape: &[usize], dtype_name: &str) -> PyError {
        PyError::new(
            ErrorKind::MemoryError,
            format!(
                "Unable to allocate {} for an array with shape {} and data type {}",
                human_bytes(nbytes),
                shape_str(shape),
                dtype_name
            ),
        )
    }
    /// NumPy refuses shapes whose byte size overflows `npy_intp` before trying to allocate.
    pub fn array_too_big() -> PyError {
        PyError::value(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        )
    }
    pub fn maximum_dimensions(ndim: usize) -> PyError {
        PyError::value(format!(
            "maximum supported dimension for an ndarray is currently 64, found {ndim}"
        ))
    }
    /// `PyArray_IntpConverter` on a dimension that is no `npy_intp` (`np.zeros((2**64, 0))`).
    pub fn maximum_dimension_exceeded() -> PyError {
        PyError::value("Maximum allowed dimension exceeded")
    }
    pub fn negative_dimensions() -> PyError {
        PyError::value("negative dimensions are not allowed")
    }
}
