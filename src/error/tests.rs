//! The message constructors against NumPy's and CPython's strings.

use super::*;

/// Each row: the constructor's text and NumPy's / CPython's string (NumPy 2.4.6, CPython 3.11).
#[test]
fn messages_match_numpy() {
    let cases: &[(PyError, &str)] = &[
        (
            PyError::view_last_axis_not_contiguous(),
            "ValueError: To change to a dtype of a different size, the last axis must be contiguous",
        ),
        (
            PyError::view_smaller_not_divisor(),
            "ValueError: When changing to a smaller dtype, its size must be a divisor of the size of original dtype",
        ),
        (
            PyError::index_out_of_bounds(5, 0, 3),
            "IndexError: index 5 is out of bounds for axis 0 with size 3",
        ),
        (
            PyError::broadcast_shapes(&[&[3, 4], &[4]]),
            "ValueError: operands could not be broadcast together with shapes (3,4) (4,) ",
        ),
        (
            PyError::unable_to_allocate(1u128 << 48, &[1usize << 45], "float64"),
            "MemoryError: Unable to allocate 256. TiB for an array with shape (35184372088832,) and data type float64",
        ),
        (PyError::keyboard_interrupt(), "KeyboardInterrupt: "),
        // CPython 3.11's import errors inside a package, and for a module that is not one
        (
            PyError::no_submodule("numpy.foo"),
            "ModuleNotFoundError: No module named 'numpy.foo'",
        ),
        (
            PyError::not_a_package("math.foo", "math"),
            "ModuleNotFoundError: No module named 'math.foo'; 'math' is not a package",
        ),
        // IPython 8.12.3's UsageError lines
        (
            PyError::line_magic_not_found("foo"),
            "UsageError: Line magic function `%foo` not found.",
        ),
        (
            PyError::cell_magic_not_found("foo"),
            "UsageError: Cell magic `%%foo` not found.",
        ),
        (
            PyError::magic_option_not_recognized('z', "n:r:tcp:qo"),
            "UsageError: option -z not recognized ( allowed: \"n:r:tcp:qo\" )",
        ),
        (
            PyError::ufunc_not_supported("bitwise_and"),
            "TypeError: ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
        ),
        (
            PyError::ufunc_no_matching_loop("add", "dtype('<U2')", "dtype('int64')"),
            "UFuncTypeError: ufunc 'add' did not contain a loop with signature matching types (dtype('<U2'), dtype('int64')) -> None",
        ),
        (
            PyError::zero_size_reduction("maximum"),
            "ValueError: zero-size array to reduction operation maximum which has no identity",
        ),
        (
            PyError::arg_of_empty_sequence(false),
            "ValueError: attempt to get argmax of an empty sequence",
        ),
        (
            PyError::byteorder_not_recognized("'x'"),
            "ValueError: byteorder not recognized (got 'x')",
        ),
        // numpy 2.4.6: np.ones(2).item(); np.ones(2).item(5); np.ones(2).item(0, 0);
        // np.ones(2).round(out=1)
        (
            PyError::item_of_sized_array(),
            "ValueError: can only convert an array of size 1 to a Python scalar",
        ),
        (
            PyError::item_index_out_of_bounds(5, 2),
            "IndexError: index 5 is out of bounds for size 2",
        ),
        (
            PyError::item_index_count(),
            "ValueError: incorrect number of indices for array",
        ),
        // a.size = 3; a.imag = 1; a.flags.writebackifcopy = True
        (
            PyError::attribute_not_writable("size", "numpy.ndarray"),
            "AttributeError: attribute 'size' of 'numpy.ndarray' objects is not writable",
        ),
        (
            PyError::no_imaginary_part_to_set(),
            "TypeError: array does not have imaginary part to set",
        ),
        (
            PyError::cannot_set_writebackifcopy(),
            "ValueError: cannot set WRITEBACKIFCOPY flag to True",
        ),
        // a.sum(out=1); a.dot(a, out=1)
        (
            PyError::return_arrays_must_be_array_type(),
            "TypeError: return arrays must be of ArrayType",
        ),
        (
            PyError::dot_out_must_be_array(),
            "TypeError: 'out' must be an array",
        ),
        (
            PyError::output_must_be_array(),
            "TypeError: output must be an array",
        ),
        // numpy 2.4.6: np.array([1, 2], dtype='>i8').sum(dtype='>i8')
        (
            PyError::ufunc_dtype_with_byte_order(),
            "TypeError: The `dtype` and `signature` arguments to ufuncs only select the general DType and not details such as the byte order or time unit. You can avoid this error by using the scalar types `np.float64` or the dtype string notation.",
        ),
    ];
    for (err, want) in cases {
        assert_eq!(err.to_string(), *want);
    }
}

/// Shape operations (NumPy 2.4.6).
#[test]
fn shape_messages_match_numpy() {
    let cases: &[(PyError, &str)] = &[
        (PyError::repeated_axis_plain(), "ValueError: repeated axis"),
        (
            PyError::repeated_axis_in("source"),
            "ValueError: repeated axis in `source` argument",
        ),
        (
            PyError::duplicate_axis_value(),
            "ValueError: duplicate value in 'axis'",
        ),
        (
            PyError::axis_out_of_bounds_named("axis1", 3, 1),
            "AxisError: axis1: axis 3 is out of bounds for array of dimension 1",
        ),
        (
            PyError::reshape_order_k(),
            "ValueError: order 'K' is not permitted for reshaping",
        ),
        (
            PyError::reshape_size_mismatch(6, "(4,newaxis)"),
            "ValueError: cannot reshape array of size 6 into shape (4,newaxis)",
        ),
        // einsum, NumPy 2.4.6
        (
            PyError::einsum_collapse_mismatch(0, 'i', 2, 3),
            "ValueError: dimensions in operand 0 for collapsing index 'i' don't match (2 != 3)",
        ),
        (
            PyError::einsum_out_ndim(2, 1),
            "ValueError: out parameter does not have the correct number of dimensions, has 2 but should have 1",
        ),
        (
            PyError::iterator_operand_cast(0, "dtype('float64')", "dtype('float32')", "safe"),
            "TypeError: Iterator operand 0 dtype could not be cast from dtype('float64') to dtype('float32') according to the rule 'safe'",
        ),
        (
            PyError::iterator_output_cast(1, "dtype('float64')", "dtype('int64')", "safe"),
            "TypeError: Iterator requested dtype could not be cast from dtype('float64') to dtype('int64'), the operand 1 dtype, according to the rule 'safe'",
        ),
        (
            PyError::einsum_sublist_range(),
            "ValueError: subscript is not within the valid range [0, 52)",
        ),
        (
            PyError::squeeze_not_one(),
            "ValueError: cannot select an axis to squeeze out which has size not equal to one",
        ),
        (
            PyError::order_not_understood("'X'"),
            "ValueError: order must be one of 'C', 'F', 'A', or 'K' (got 'X')",
        ),
        (
            PyError::index_shape_mismatch(&["(2,)".into(), "(3,)".into()]),
            "IndexError: shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ",
        ),
        (
            PyError::value_shape_mismatch("(3,)", "(2,4)"),
            "ValueError: shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,4)",
        ),
        (
            PyError::bool_assign_ndim(2),
            "TypeError: NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions",
        ),
        (
            PyError::bool_assign_count(3, 2),
            "ValueError: NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true",
        ),
        (
            PyError::index_array_not_integer(),
            "IndexError: arrays used as indices must be of integer (or boolean) type",
        ),
        (
            PyError::concatenate_ndim(2, 1, 1),
            "ValueError: all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)",
        ),
        (
            PyError::concatenate_dims(1, 3, 1, 2),
            "ValueError: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2",
        ),
        (
            PyError::stack_not_sequence(),
            "TypeError: arrays to stack must be passed as a \"sequence\" type such as list or tuple.",
        ),
        (
            PyError::out_and_dtype("concatenate"),
            "TypeError: concatenate() only takes `out` or `dtype` as an argument, but both were provided.",
        ),
        (
            PyError::cannot_cast_array("dtype('int64')", "dtype('float32')", "no"),
            "TypeError: Cannot cast array data from dtype('int64') to dtype('float32') according to the rule 'no'",
        ),
        (
            PyError::casting_unknown("'bogus'"),
            "ValueError: casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got 'bogus')",
        ),
        (
            PyError::casting_not_str("int"),
            "TypeError: casting must be str, not int",
        ),
        (
            PyError::moveaxis_length_mismatch(),
            "ValueError: `source` and `destination` arguments must have the same number of elements",
        ),
    ];
    for (err, want) in cases {
        assert_eq!(err.to_string(), *want);
    }
}

#[test]
fn memory_sizes_use_numpy_units() {
    // numpy 2.4.6 _ArrayMemoryError._size_to_string on the same inputs
    let cases: &[(u128, &str)] = &[
        (800, "800 bytes"),
        (1023, "1023 bytes"),
        (1024, "1.00 KiB"),
        (1536, "1.50 KiB"),
        (8 << 30, "8.00 GiB"),
        (100 << 20, "100. MiB"),
        (1023 * 1024 + 1000, "1.00 MiB"),
        (3 << 62, "12.0 EiB"),
        (1 << 70, "1024. EiB"),
    ];
    for (n, want) in cases {
        assert_eq!(human_bytes(*n), *want, "{n} bytes");
    }
}

/// Exception groups and `except*` (CPython 3.11.7's `Objects/exceptions.c` and `ceval.c`).
#[test]
fn exception_group_messages_match_cpython() {
    let cases: &[(PyError, &str)] = &[
        (
            PyError::exception_group_not_sequence(),
            "TypeError: second argument (exceptions) must be a sequence",
        ),
        (
            PyError::exception_group_empty(),
            "ValueError: second argument (exceptions) must be a non-empty sequence",
        ),
        (
            PyError::exception_group_item(1),
            "ValueError: Item 1 of second argument (exceptions) is not an exception",
        ),
        (
            PyError::cannot_nest_base_exceptions(),
            "TypeError: Cannot nest BaseExceptions in an ExceptionGroup",
        ),
        (
            PyError::cannot_nest_base_exceptions_in("MyEG"),
            "TypeError: Cannot nest BaseExceptions in 'MyEG'",
        ),
        (
            PyError::split_matcher_type(),
            "TypeError: expected a function, exception type or tuple of exception types",
        ),
        (
            PyError::derive_must_return_group(),
            "TypeError: derive must return an instance of BaseExceptionGroup",
        ),
        (
            PyError::catching_non_exception(),
            "TypeError: catching classes that do not inherit from BaseException is not allowed",
        ),
        (
            PyError::except_star_group(),
            "TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.",
        ),
    ];
    for (err, want) in cases {
        assert_eq!(err.to_string(), *want);
    }
}
