//! Messages of record arrays: `numpy.recarray`, `numpy.record` and `numpy.rec`'s builders
//! (NumPy 2.4's `numpy/_core/records.py`), and of comparing structured arrays
//! (`_void_compare` in `arrayobject.c`).

use super::{ErrorKind, PyError};

impl PyError {
    /// `a == 1` for a structured or void `a`.
    pub fn void_compare_non_void() -> PyError {
        PyError::type_error("Cannot compare structured or void to non-void arrays.")
    }
    /// Structured arrays whose dtypes do not promote (other field names, a field that has
    /// no common dtype).
    pub fn void_compare_no_common_dtype() -> PyError {
        PyError::type_error(
            "Cannot compare structured arrays unless they have a common dtype.  I.e. `np.result_type(arr1, arr2)` must be defined.",
        )
    }
    /// A structured array against an unstructured void one.
    pub fn void_compare_structured_unstructured() -> PyError {
        PyError::type_error(
            "Cannot compare structured with unstructured void arrays. (unreachable error, please report to NumPy devs.)",
        )
    }
    /// Unstructured voids of two sizes.
    pub fn void_compare_lengths() -> PyError {
        PyError::type_error(
            "cannot compare unstructured voids of different length. Use bytes to compare. (This may return array of False in the future.)",
        )
    }

    /// `r.z` on a recarray without an attribute or field `z`.
    pub fn recarray_no_attribute(name: &str) -> PyError {
        PyError::attribute(format!("recarray has no attribute {name}"))
    }
    /// `format_parser` without formats (and no dtype).
    pub fn rec_need_formats() -> PyError {
        PyError::value("Need formats argument")
    }
    /// `names=` neither a list, a tuple nor a str; `repr` is its Python repr.
    pub fn rec_illegal_names(repr: &str) -> PyError {
        PyError::new(ErrorKind::NameError, format!("illegal input names {repr}"))
    }
    /// A name given twice; `names` are the repeated ones, in order.
    pub fn rec_duplicate_names(names: &[&str]) -> PyError {
        let list: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        PyError::value(format!("Duplicate field names: [{}]", list.join(", ")))
    }
    /// `fromarrays` with more or fewer arrays than the dtype has fields.
    pub fn rec_field_count_mismatch() -> PyError {
        PyError::value("mismatch between the number of fields and the number of arrays")
    }
    /// `fromarrays`: array `k` (for field `name`) does not have the records' shape.
    pub fn rec_array_shape_mismatch(k: usize, name: &str) -> PyError {
        PyError::value(format!("array-shape mismatch in array {k} (\"{name}\")"))
    }
    /// `np.rec.array(None)` or of a str, without `formats`/`dtype`.
    pub fn rec_need_formats_for_object() -> PyError {
        PyError::value("Must define formats (or dtype) if object is None, string, or an open file")
    }
    /// `np.rec.array(None, dtype=...)` without `shape`.
    pub fn rec_need_shape() -> PyError {
        PyError::value("Must define a shape if obj is None")
    }
    /// `np.rec.array` of an object that is no list, tuple, array or buffer.
    pub fn rec_unknown_input() -> PyError {
        PyError::value("Unknown input type")
    }
    /// `a.view(type=int)`.
    pub fn view_type_not_ndarray_subtype() -> PyError {
        PyError::value("Type must be a sub-type of ndarray type")
    }
    /// `np.void(1, dtype='i4')`: the dtype of a void scalar must be a void one.
    pub fn void_needs_void_dtype(repr: &str) -> PyError {
        PyError::type_error(format!(
            "void: descr must be a `void` dtype that is not a subarray dtype (structured or unstructured). Got '{repr}'."
        ))
    }
    /// `np.void(2.5)`: neither a length nor bytes (`type_name` as `type()` names it).
    pub fn void_length_or_data(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "A bytes-like object is required, not '{type_name}'"
        ))
    }
    /// `np.void(-1)`: a length outside a C int's non-negative range.
    pub fn void_size_out_of_range() -> PyError {
        PyError::overflow("size must be non-negative and not greater than 2147483647")
    }
    /// arrsh's own: an argument of `numpy.rec` it does not model (titles, byte order, a
    /// buffer, strides).
    pub fn rec_unsupported(arg: &str) -> PyError {
        PyError::new(
            ErrorKind::NotImplementedError,
            format!("arrsh does not support {arg}= in numpy.rec yet"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// NumPy 2.4.6's strings (`records.py`).
    #[test]
    fn messages_are_numpy_2_4s() {
        let cases = [
            (
                PyError::recarray_no_attribute("z"),
                "AttributeError: recarray has no attribute z",
            ),
            (
                PyError::rec_illegal_names("5"),
                "NameError: illegal input names 5",
            ),
            (
                PyError::rec_duplicate_names(&["a", "b"]),
                "ValueError: Duplicate field names: ['a', 'b']",
            ),
            (
                PyError::void_length_or_data("float"),
                "TypeError: A bytes-like object is required, not 'float'",
            ),
            (
                PyError::void_size_out_of_range(),
                "OverflowError: size must be non-negative and not greater than 2147483647",
            ),
            (
                PyError::rec_array_shape_mismatch(1, "b"),
                "ValueError: array-shape mismatch in array 1 (\"b\")",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.to_string(), want);
        }
    }
}
