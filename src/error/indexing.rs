//! Messages of indexing arrays (NumPy 2.4's `mapping.c`).

use super::PyError;

impl PyError {
    // ----- indexing (numpy/_core/src/multiarray/mapping.c)
    pub fn index_out_of_bounds(index: i128, axis: usize, size: usize) -> PyError {
        PyError::index(format!(
            "index {index} is out of bounds for axis {axis} with size {size}"
        ))
    }
    pub fn too_many_indices(ndim: usize, given: usize) -> PyError {
        PyError::index(format!(
            "too many indices for array: array is {ndim}-dimensional, but {given} were indexed"
        ))
    }
    pub fn single_ellipsis() -> PyError {
        PyError::index("an index can only have a single ellipsis ('...')")
    }
    pub fn invalid_index() -> PyError {
        PyError::index(
            "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
        )
    }
    pub fn invalid_scalar_index() -> PyError {
        PyError::index("invalid index to scalar variable.")
    }
    pub fn slice_step_zero() -> PyError {
        PyError::value("slice step cannot be zero")
    }
    pub fn boolean_index_mismatch(axis: usize, size: usize, got: usize) -> PyError {
        PyError::index(format!(
            "boolean index did not match indexed array along axis {axis}; size of axis is {size} but size of corresponding boolean axis is {got}"
        ))
    }
    pub fn read_only_destination() -> PyError {
        PyError::value("assignment destination is read-only")
    }
    /// A slice bound (or `str.find`'s window) that is not an integer: `'a'[1.5:]`.
    pub fn slice_indices_type() -> PyError {
        PyError::type_error("slice indices must be integers or None or have an __index__ method")
    }
    /// A sequence subscript that is neither an integer nor a slice (`l['a']`); `kind` as
    /// CPython names it (`list`, `tuple`, `byte`, `bytearray`, `range`, `string`). str's own
    /// wording changed in 3.11: `string indices must be integers, not 'float'`.
    pub fn sequence_index_type(kind: &str, index_type: &str) -> PyError {
        PyError::type_error(if kind == "string" {
            format!("string indices must be integers, not '{index_type}'")
        } else {
            format!("{kind} indices must be integers or slices, not {index_type}")
        })
    }
    // ----- `a.item(...)` (numpy/_core/src/multiarray/methods.c, array_item)
    pub fn item_of_sized_array() -> PyError {
        PyError::value("can only convert an array of size 1 to a Python scalar")
    }
    /// `a.item(k)` with a flat index outside the array; `index` as given.
    pub fn item_index_out_of_bounds(index: i128, size: i128) -> PyError {
        PyError::index(format!("index {index} is out of bounds for size {size}"))
    }
    pub fn item_index_count() -> PyError {
        PyError::value("incorrect number of indices for array")
    }
}
