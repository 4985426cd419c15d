//! Messages of sorting, searching and counting (NumPy 2.4's `item_selection.c`,
//! `compiled_base.c`, `_histograms_impl.py`, `_function_base_impl.py`).

use super::PyError;

impl PyError {
    /// `np.bincount` of a negative value.
    pub fn bincount_negative() -> PyError {
        PyError::value("'list' argument must have no negative elements")
    }
    /// `np.bincount(x, minlength=-1)`.
    pub fn bincount_minlength_negative() -> PyError {
        PyError::value("'minlength' must not be negative")
    }
    /// `histogram` with a non-finite range; `which` is `supplied` or `autodetected`, the edges
    /// already in Python's float text.
    pub fn histogram_range_not_finite(which: &str, lo: &str, hi: &str) -> PyError {
        PyError::value(format!("{which} range of [{lo}, {hi}] is not finite"))
    }
    pub fn histogram_too_many_bins(n: usize) -> PyError {
        PyError::value(format!(
            "Too many bins for data range. Cannot create {n} finite-sized bins."
        ))
    }
    /// `partition(a, kth)` with `kth` outside the axis.
    pub fn kth_out_of_bounds(kth: i64, n: usize) -> PyError {
        PyError::value(format!("kth(={kth}) out of bounds ({n})"))
    }
    /// `searchsorted(..., sorter=s)` with an index outside the array.
    pub fn sorter_out_of_range() -> PyError {
        PyError::value("Sorter index out of range.")
    }
}
