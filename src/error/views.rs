//! Messages of reinterpreting bytes: `view(dtype)` (NumPy 2.4's `getset.c`, in its order) and
//! `as_strided`'s bounds check.

use super::PyError;

impl PyError {
    // ----- view(dtype): numpy/_core/src/multiarray/getset.c, NumPy 2.4 (order matters)
    pub fn view_zero_dim() -> PyError {
        PyError::value(
            "Changing the dtype of a 0d array is only supported if the itemsize is unchanged",
        )
    }
    pub fn view_last_axis_not_contiguous() -> PyError {
        PyError::value("To change to a dtype of a different size, the last axis must be contiguous")
    }
    pub fn view_smaller_not_divisor() -> PyError {
        PyError::value(
            "When changing to a smaller dtype, its size must be a divisor of the size of original dtype",
        )
    }
    pub fn view_larger_not_divisor() -> PyError {
        PyError::value(
            "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.",
        )
    }
    // ----- as_strided bounds: NumPy 2.5's `check_bounds=True` wording
    pub fn strided_view_ends_after(bytes: u128) -> PyError {
        PyError::value(format!(
            "Given shape and strides would access memory out of bounds. View ends {bytes} bytes after highest address"
        ))
    }
    pub fn strided_view_starts_before(bytes: u128) -> PyError {
        PyError::value(format!(
            "Given shape and strides would access memory out of bounds. View starts {bytes} bytes before lowest address"
        ))
    }
}
