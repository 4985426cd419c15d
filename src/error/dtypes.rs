//! Messages of dtypes and memory questions (issue 12's dtype part): `shares_memory`'s solver,
//! structured dtypes, datetimes (NumPy 2.4's `multiarraymodule.c`, `descriptor.c`,
//! `datetime.c`).

use super::{ErrorKind, PyError};

impl PyError {
    /// A field's subarray dimension past a C int (NumPy's `_convert_from_tuple`).
    pub fn fixed_tuple_dimension_too_large() -> PyError {
        PyError::value("invalid shape in fixed-type tuple: dimension does not fit into a C int.")
    }
    /// A field's subarray bytes past a C int (NumPy's `_convert_from_tuple`).
    pub fn fixed_tuple_size_too_large() -> PyError {
        PyError::value(
            "invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int.",
        )
    }
    /// `np.shares_memory(a, b, max_work=1.5)`.
    pub fn max_work_not_integer() -> PyError {
        PyError::value("max_work must be an integer")
    }
    /// `max_work` below -2 (NumPy's internal values are -1 and -2).
    pub fn max_work_invalid() -> PyError {
        PyError::value("Invalid value for max_work")
    }
    /// `numpy.exceptions.TooHardError` (a RuntimeError): the solver needed more than
    /// `max_work` candidates.
    pub fn too_hard() -> PyError {
        let mut e = PyError::new(ErrorKind::RuntimeError, "Exceeded max_work");
        e.type_name = Some("TooHardError".into());
        e
    }
    /// `complex('abc')`, `np.complex128('x')`, `astype(complex)` of such text.
    pub fn complex_malformed() -> PyError {
        PyError::value("complex() arg is a malformed string")
    }
    /// `complex('1+2j', 1)`.
    pub fn complex_second_arg_after_string() -> PyError {
        PyError::type_error("complex() can't take second arg if first is a string")
    }
    /// `complex(b'1')`: neither text nor a number.
    pub fn complex_first_arg_type(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "complex() first argument must be a string or a number, not '{type_name}'"
        ))
    }
    /// `complex(1, '2')`.
    pub fn complex_second_arg_string() -> PyError {
        PyError::type_error("complex() second arg can't be a string")
    }
    /// `np.dtype([('x', 'f8'), ('x', 'i4')])`.
    pub fn field_occurs_twice(name: &str) -> PyError {
        PyError::value(format!("field '{name}' occurs more than once"))
    }
    /// A dict dtype whose `itemsize` is below the end of its last field.
    pub fn struct_itemsize_too_small(itemsize: usize, needed: usize) -> PyError {
        PyError::value(format!(
            "NumPy dtype descriptor requires {needed} bytes, cannot override to smaller itemsize of {itemsize}"
        ))
    }
    /// `a['z']` on a structured array or void scalar without that field.
    pub fn no_field(name: &str) -> PyError {
        PyError::value(format!("no field of name {name}"))
    }
    /// A field list entry that is not a 2- or 3-tuple; `repr` is the entry's Python repr.
    pub fn field_not_tuple(repr: &str) -> PyError {
        PyError::type_error(format!(
            "Field elements must be 2- or 3-tuples, got '{repr}'"
        ))
    }
    /// A field tuple whose name is neither a str nor a (title, name) tuple.
    pub fn field_name_not_str() -> PyError {
        PyError::type_error("First element of field tuple is neither a tuple nor str")
    }
    /// An intermediate of the overlap solver past 64 bits.
    pub fn overlap_overflow() -> PyError {
        PyError::overflow("Integer overflow in computing overlap")
    }
    // ----- a.resize: PyArray_Resize (numpy/_core/src/multiarray/shape.c, NumPy 2.4)
    /// The first check: a strided array cannot be resized in place.
    pub fn resize_not_one_segment() -> PyError {
        PyError::value("resize only works on single-segment arrays")
    }
    /// `a.resize(-1)` (the array constructors say "are not allowed").
    pub fn resize_negative_dimensions() -> PyError {
        PyError::value("negative dimensions not allowed")
    }
    /// A view asked to change its size.
    pub fn resize_not_owner() -> PyError {
        PyError::value("cannot resize this array: it does not own its data")
    }
    /// `refcheck`: another name, a view or the output history holds the array.
    pub fn resize_referenced() -> PyError {
        PyError::value(
            "cannot resize an array that references or is referenced\n\
             by another object in this way.\n\
             Use the np.resize function to get a new resized copy or\n \
             set refcheck=False to disable this check",
        )
    }
    /// arrsh's own refusal (a deliberate difference): with `refcheck=False` NumPy reallocates
    /// under a live view, which then reads freed memory.
    pub fn resize_under_view() -> PyError {
        PyError::value(
            "cannot resize this array: a view still uses its memory \
             (NumPy would move the data and leave the view reading freed memory; arrsh refuses)",
        )
    }
    /// The realloc failed (NumPy's words), or, a deliberate difference, the new size overflows
    /// (NumPy: a bare `MemoryError`).
    pub fn resize_no_memory() -> PyError {
        PyError::new(ErrorKind::MemoryError, "cannot allocate memory for array")
    }

    /// arrsh's own: `item()`/`tolist()` of a datetime64/timedelta64 value NumPy turns into a
    /// `datetime.date`, `datetime.datetime` or `datetime.timedelta` (`class`), objects of the
    /// `datetime` module arrsh does not have.
    pub fn datetime_object_not_implemented(class: &str, dtype: &str) -> PyError {
        PyError::new(
            ErrorKind::NotImplementedError,
            format!(
                "arrsh does not implement the datetime module yet: NumPy converts this {dtype} value to a {class}"
            ),
        )
    }

    // ----- datetime metadata: numpy/_core/src/multiarray/datetime.c
    /// `np.dtype('M8[-1D]')`: the `[...]` text and the position the parser stopped at.
    pub fn datetime_metadata_at(bracketed: &str, pos: usize) -> PyError {
        PyError::type_error(format!(
            "Invalid datetime metadata string \"{bracketed}\" at position {pos}"
        ))
    }
    /// A unit given alone that does not parse (`np.datetime64(x, '-1D')`), or a dtype's
    /// unclosed or empty brackets (`'M8['`).
    pub fn datetime_metadata(text: &str) -> PyError {
        PyError::type_error(format!("Invalid datetime metadata string \"{text}\""))
    }
    /// `np.dtype('M8[10X]')`.
    pub fn datetime_unit_in_metadata_string(bracketed: &str) -> PyError {
        PyError::type_error(format!(
            "Invalid datetime unit in metadata string \"{bracketed}\""
        ))
    }
    /// `np.datetime64(x, '10X')`: the text from the unit on.
    pub fn datetime_unit_in_metadata(unit: &str) -> PyError {
        PyError::type_error(format!("Invalid datetime unit \"{unit}\" in metadata"))
    }
    /// `'M8[s/7]'`: no finer unit divides evenly.
    pub fn datetime_divisor(den: i64, bracketed: Option<&str>) -> PyError {
        let head =
            format!("divisor ({den}) is not a multiple of a lower-unit in datetime metadata");
        PyError::value(match bracketed {
            Some(m) => format!("{head} \"{m}\""),
            None => head,
        })
    }
    /// A timedelta in years or months against one in fixed units (`[Y]` and `[D]`).
    pub fn datetime_incompatible_units(a: &str, b: &str) -> PyError {
        PyError::type_error(format!(
            "Cannot get a common metadata divisor for Numpy datetime metadata {a} and {b} \
             because they have incompatible nonlinear base time units."
        ))
    }
    /// The common unit's count does not fit NumPy's C int.
    pub fn datetime_divisor_overflow(a: &str, b: &str) -> PyError {
        PyError::new(
            ErrorKind::OverflowError,
            format!(
                "Integer overflow getting a common metadata divisor for NumPy datetime metadata {a} and {b}."
            ),
        )
    }

    // ----- datetime64 strings: numpy/_core/src/multiarray/datetime_strings.c
    /// `np.datetime64('2024-1-01')`: the first character the ISO 8601 parser could not take.
    pub fn datetime_parse(text: &str, pos: usize) -> PyError {
        PyError::value(format!(
            "Error parsing datetime string \"{text}\" at position {pos}"
        ))
    }
    /// `np.datetime64('2024-13-01')`; `field` is `Month`, `Day`, `Hours`, `Minutes`, `Seconds`.
    pub fn datetime_field_out_of_range(field: &str, text: &str) -> PyError {
        PyError::value(format!(
            "{field} out of range in datetime string \"{text}\""
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_numpy_2_4s() {
        let cases = [
            (PyError::too_hard(), "TooHardError: Exceeded max_work"),
            (
                PyError::max_work_not_integer(),
                "ValueError: max_work must be an integer",
            ),
            (
                PyError::max_work_invalid(),
                "ValueError: Invalid value for max_work",
            ),
            (
                PyError::resize_referenced(),
                "ValueError: cannot resize an array that references or is referenced\nby another \
                 object in this way.\nUse the np.resize function to get a new resized copy or\n \
                 set refcheck=False to disable this check",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.to_string(), want);
        }
    }
}
