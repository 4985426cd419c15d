//! Messages of dtypes met by ufuncs and casts: no loop, cannot cast, out-of-bounds Python ints
//! (NumPy 2.4's `ufunc_type_resolution.c`, NEP 50).

use super::{ErrorKind, PyError};

impl PyError {
    // ----- dtypes and casting
    pub fn data_type_not_understood(spec: &str) -> PyError {
        PyError::type_error(format!("data type {spec} not understood"))
    }
    /// `index`: the output's operand number (inputs count first) for a ufunc with several
    /// outputs (`Cannot cast ufunc 'modf' output 1 from ...` is modf's first output).
    pub fn cannot_cast_ufunc_output(
        ufunc: &str,
        index: Option<usize>,
        from: &str,
        to: &str,
    ) -> PyError {
        let which = index.map(|i| format!(" {i}")).unwrap_or_default();
        PyError::new(
            ErrorKind::UFuncTypeError,
            format!(
                "Cannot cast ufunc '{ufunc}' output{which} from dtype('{from}') to dtype('{to}') with casting rule 'same_kind'"
            ),
        )
    }
    pub fn ufunc_no_loop(ufunc: &str, left: &str, right: &str, out: &str) -> PyError {
        PyError::new(
            ErrorKind::UFuncTypeError,
            format!(
                "ufunc '{ufunc}' did not contain a loop with signature matching types (<class 'numpy.dtypes.{left}'>, <class 'numpy.dtypes.{right}'>) -> {out}"
            ),
        )
    }
    /// A unary ufunc whose resolver found no loop for this DType class (`np.negative` of a
    /// structured array: `VoidDType`; `np.sign` of bools: `BoolDType`).
    pub fn ufunc_no_unary_loop(ufunc: &str, class: &str) -> PyError {
        PyError::new(
            ErrorKind::UFuncTypeError,
            format!(
                "ufunc '{ufunc}' did not contain a loop with signature matching types <class 'numpy.dtypes.{class}'> -> None"
            ),
        )
    }
    /// A Python int that does not fit `dtype` (NumPy 2). NumPy reads it as a C long first
    /// (then an unsigned long long for uint64), so one past those ranges gets CPython's
    /// message instead (NumPy 2.4 reads it with `PyLong_AsLong` first).
    pub fn python_int_out_of_bounds(value: &str, dtype: &str) -> PyError {
        let as_c_long =
            value.parse::<i64>().is_ok() || (dtype == "uint64" && value.parse::<u64>().is_ok());
        if !as_c_long {
            return PyError::overflow("Python int too large to convert to C long");
        }
        PyError::overflow(format!("Python integer {value} out of bounds for {dtype}"))
    }
    /// `f & 1`, `~f`, `z // 2`: no loop for these input types (a plain TypeError in NumPy 2).
    pub fn ufunc_not_supported(ufunc: &str) -> PyError {
        PyError::type_error(format!(
            "ufunc '{ufunc}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
        ))
    }
    /// `u + 1`: operands whose dtypes share no loop (`left`, `right` are dtype reprs).
    /// `_UFuncBinaryResolutionError`: `ufunc 'add' cannot use operands with types
    /// dtype('<M8[D]') and dtype('<M8[D]')`.
    pub fn ufunc_cannot_use_operands(ufunc: &str, left: &str, right: &str) -> PyError {
        PyError::new(
            ErrorKind::UFuncTypeError,
            format!("ufunc '{ufunc}' cannot use operands with types {left} and {right}"),
        )
    }
    pub fn ufunc_no_matching_loop(ufunc: &str, left: &str, right: &str) -> PyError {
        PyError::new(
            ErrorKind::UFuncTypeError,
            format!(
                "ufunc '{ufunc}' did not contain a loop with signature matching types ({left}, {right}) -> None"
            ),
        )
    }
    pub fn bool_subtract() -> PyError {
        PyError::type_error(
            "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
        )
    }
    pub fn bool_negative() -> PyError {
        PyError::type_error(
            "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
        )
    }
    pub fn negative_integer_power() -> PyError {
        PyError::value("Integers to negative integer powers are not allowed.")
    }
    pub fn string_multiply_needs_out() -> PyError {
        PyError::type_error(
            "The 'out' kwarg is necessary when using the string multiply ufunc directly. Use numpy.strings.multiply to multiply strings without specifying 'out'.",
        )
    }
    /// `a.sum(dtype='>i8')`: a ufunc's `dtype=` picks a DType, not a byte order.
    pub fn ufunc_dtype_with_byte_order() -> PyError {
        PyError::type_error(
            "The `dtype` and `signature` arguments to ufuncs only select the general DType and not details such as the byte order or time unit. You can avoid this error by using the scalar types `np.float64` or the dtype string notation.",
        )
    }
    pub fn byteorder_not_recognized(repr: &str) -> PyError {
        PyError::value(format!("byteorder not recognized (got {repr})"))
    }
}
