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

impl PyError {
    /// `kind=` that is not a sort kind.
    pub fn bad_sort_kind(got: &str) -> PyError {
        PyError::value(format!(
            "sort kind must be one of 'quick', 'heap', or 'stable' (got '{got}')"
        ))
    }
    /// `kind=` and `stable=` together.
    pub fn sort_kind_and_stable() -> PyError {
        PyError::value(
            "`kind` and keyword parameters can't be provided at the same time. Use only one of them.",
        )
    }
    /// `order=` on an array without fields.
    pub fn sort_order_without_fields() -> PyError {
        PyError::value("Cannot specify order when the array has no fields.")
    }
    /// `searchsorted(side=...)` that is neither side.
    pub fn bad_search_side(got: &str) -> PyError {
        PyError::value(format!(
            "search side must be 'left' or 'right' (got '{got}')"
        ))
    }
    /// `partition(a, 1.5)`.
    pub fn partition_index_not_integer() -> PyError {
        PyError::type_error("Partition index must be integer")
    }
    /// `lexsort` keys of different shapes.
    pub fn lexsort_shapes_differ() -> PyError {
        PyError::value("all keys need to be the same shape")
    }
    /// `bincount` weights of another length.
    pub fn bincount_weights_length() -> PyError {
        PyError::value("The weights and list don't have the same length.")
    }
    /// `bincount` of an array with more than one dimension.
    pub fn bincount_not_1d() -> PyError {
        PyError::value(
            "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.",
        )
    }
    /// `histogram(bins=0)`.
    pub fn histogram_bins_not_positive() -> PyError {
        PyError::value("`bins` must be positive, when an integer")
    }
    /// `digitize` of complex values.
    pub fn digitize_complex() -> PyError {
        PyError::type_error("x may not be complex")
    }
}

impl PyError {
    /// `np.broadcast(*args)` (behind `broadcast_arrays`/`broadcast_shapes`): the first arg that
    /// set a dimension and the first that disagrees, with Python's tuple text of their shapes.
    pub fn broadcast_mismatch(i: usize, shape_i: &[usize], j: usize, shape_j: &[usize]) -> PyError {
        PyError::value(format!(
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg {i} with shape {} and arg {j} with shape {}.",
            super::shape_str(shape_i),
            super::shape_str(shape_j)
        ))
    }

    /// `np.isin(..., kind=...)` naming no method.
    pub fn isin_bad_kind(got: &str) -> PyError {
        PyError::value(format!(
            "Invalid kind: '{got}'. Please use None, 'sort' or 'table'."
        ))
    }
    /// `np.isin(..., kind='table')` of non-integer arrays.
    pub fn isin_table_needs_integers() -> PyError {
        PyError::value(
            "The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.",
        )
    }
}
