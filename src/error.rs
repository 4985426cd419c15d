//! Python-style errors as values: the exception kind, NumPy's or CPython's exact message, and one
//! named constructor per situation, so call sites pass numbers and never prose.

use std::fmt;

mod codecs;
mod dtypes;
mod kind;
mod limits;
// messages of the NumPy breadth areas, one file per area (issue 12)
mod linalg;
mod random;
mod sorting;
mod stdlib;

pub use kind::ErrorKind;

/// A Python exception: kind, message and, for syntax errors, the 0-based column of the caret.
/// Boxed, so a `PyResult` is as small as its value (errors are rare; results are everywhere);
/// its fields are reached through `Deref` (`e.kind`, `e.msg`).
#[derive(Clone, Debug)]
pub struct PyError(Box<ErrorData>);

/// Two errors are equal when a user would see the same thing: kind, message, caret (where
/// in the cell it surfaced does not matter).
impl PartialEq for PyError {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.msg == other.msg
            && self.col == other.col
            && self.type_name == other.type_name
    }
}

/// What a `PyError` holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorData {
    pub kind: ErrorKind,
    pub msg: String,
    pub col: Option<usize>,
    /// The 1-based line of the cell whose code raised it (the statement running at top level
    /// when it surfaced), for IPython's `----> 3     q = [1][k]`.
    pub line: Option<u32>,
    /// The Python frames it passed through, innermost first: function name and the line of
    /// the cell (of the cell that defined the function) that was running.
    pub traceback: Vec<TraceEntry>,
    /// The exception object, when Python code made or caught one: a key into the session's
    /// table of raised objects (the object is an evaluator value, which is not `Send`).
    pub object: Option<u64>,
    /// The class name shown, when it is not `kind`'s (a user's exception class).
    pub type_name: Option<String>,
}

/// One frame of a traceback.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceEntry {
    pub name: String,
    pub line: u32,
}

impl std::ops::Deref for PyError {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for PyError {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

pub type PyResult<T> = Result<T, PyError>;

/// `Kind: message`, as the oracle prints the last traceback line (`'%s: %s' % (name, e)`), so an
/// exception without a message ends in `": "` too (`MemoryError: `); a SyntaxError without a
/// message is its bare name (the oracle prints `e.msg` for those, and only when it is set).
impl fmt::Display for PyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // the oracle's SyntaxError line is `name: e.msg`, or the bare name when msg is empty
        let name = self.type_name.as_deref().unwrap_or(self.kind.name());
        if self.msg.is_empty()
            && matches!(
                self.kind,
                ErrorKind::SyntaxError | ErrorKind::IndentationError
            )
        {
            f.write_str(name)
        } else {
            write!(f, "{name}: {}", self.msg)
        }
    }
}

impl std::error::Error for PyError {}

/// Formats a shape as Python prints a tuple of ints: `(5,)`, `(2, 3)`, `()`.
pub fn shape_str(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A shape as NumPy's C code prints it (`convert_shape_to_string`): no spaces, `(3,4)`, `(5,)`.
pub fn np_shape_str(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// NumPy's `_ArrayMemoryError._size_to_string` (numpy/_core/_exceptions.py, NumPy 2.4).
pub(crate) fn human_bytes(nbytes: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bit_length = 128 - nbytes.leading_zeros() as usize;
    let mut unit_i = bit_length.saturating_sub(1).max(1) / 10;
    let mut n_units = nbytes as f64 / (1u128 << (unit_i * 10)) as f64;
    // pick a unit that is still right after rounding
    if n_units.round() == 1024.0 {
        unit_i += 1;
        n_units /= 1024.0;
    }
    if unit_i >= UNITS.len() {
        n_units *= (1u128 << ((unit_i - (UNITS.len() - 1)) * 10)) as f64;
        unit_i = UNITS.len() - 1;
    }
    let unit = UNITS[unit_i];
    if unit_i == 0 {
        format!("{n_units:.0} {unit}")
    } else if n_units.round() < 1000.0 {
        format!("{} {unit}", format_alt_3g(n_units))
    } else {
        format!("{n_units:.0}. {unit}")
    }
}

/// Python's `'{:#.3g}'` for 1 <= x < 1000: three significant digits, trailing point kept.
fn format_alt_3g(x: f64) -> String {
    let sci = format!("{x:.2e}"); // e.g. "2.56e2"
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let point = (exp.parse::<i32>().unwrap_or(0) + 1).clamp(1, 3) as usize;
    format!("{}.{}", &digits[..point], &digits[point..])
}

impl PyError {
    pub fn new(kind: ErrorKind, msg: impl Into<String>) -> PyError {
        PyError(Box::new(ErrorData {
            kind,
            msg: msg.into(),
            col: None,
            line: None,
            traceback: Vec::new(),
            object: None,
            type_name: None,
        }))
    }

    /// An error with a caret column (syntax errors).
    pub fn with_col(kind: ErrorKind, msg: impl Into<String>, col: usize) -> PyError {
        let mut e = PyError::new(kind, msg);
        e.col = Some(col);
        e
    }

    /// The class name a user sees.
    pub fn type_name(&self) -> &str {
        self.type_name.as_deref().unwrap_or(self.kind.name())
    }

    // ----- generic kinds (messages composed by the caller from CPython/NumPy templates)
    pub fn value(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::ValueError, msg)
    }
    pub fn type_error(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::TypeError, msg)
    }
    pub fn index(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::IndexError, msg)
    }
    pub fn attribute(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::AttributeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::OverflowError, msg)
    }
    pub fn not_implemented(msg: impl Into<String>) -> PyError {
        PyError::new(ErrorKind::NotImplementedError, msg)
    }

    // ----- syntax
    pub fn syntax(msg: impl Into<String>, col: usize) -> PyError {
        PyError::with_col(ErrorKind::SyntaxError, msg, col)
    }
    /// CPython's tokenizer refuses more than 200 open brackets (MAXLEVEL).
    pub fn too_many_nested_parens(col: usize) -> PyError {
        PyError::syntax("too many nested parentheses", col)
    }
    /// CPython 3.11 converting a too-deep AST to Python objects (what IPython's ast.parse meets).
    pub fn recursion_ast_construction() -> PyError {
        PyError::new(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded during ast construction",
        )
    }
    /// CPython 3.11's symbol table on a too-deep expression.
    pub fn recursion_traversing_expr() -> PyError {
        PyError::new(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded while traversing 'expr' node",
        )
    }
    /// CPython's parser running out of its stack. CPython's MemoryError has no message; arrsh
    /// names the cause (a deliberate difference, as for `no_memory`).
    pub fn parser_stack_overflow() -> PyError {
        PyError::new(
            ErrorKind::MemoryError,
            "the parser's stack is full: an expression nests too deeply",
        )
    }
    pub fn recursion_depth(context: &str) -> PyError {
        PyError::new(
            ErrorKind::RecursionError,
            format!("maximum recursion depth exceeded{context}"),
        )
    }
    pub fn keyboard_interrupt() -> PyError {
        PyError::new(ErrorKind::KeyboardInterrupt, "")
    }

    // ----- IPython's magics (IPython 8.12's UsageError texts)
    pub fn line_magic_not_found(name: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("Line magic function `%{name}` not found."),
        )
    }
    pub fn cell_magic_not_found(name: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("Cell magic `%%{name}` not found."),
        )
    }
    /// getopt's message, with IPython's `( allowed: "spec")` after it.
    pub fn magic_option_not_recognized(option: char, spec: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("option -{option} not recognized ( allowed: \"{spec}\" )"),
        )
    }
    pub fn magic_option_needs_argument(option: char, spec: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("option -{option} requires argument ( allowed: \"{spec}\" )"),
        )
    }
    /// `%mem` without a name.
    pub fn mem_needs_a_name() -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            "%mem needs the names of arrays: %mem a [b ...]",
        )
    }
    /// `%save` without a file name.
    pub fn missing_filename() -> PyError {
        PyError::new(ErrorKind::UsageError, "Missing filename.")
    }
    /// `%run` of a file that is not there. IPython raises a bare `Exception` with these words;
    /// arrsh reports it as the usage error it is.
    pub fn run_file_not_found(name: &str) -> PyError {
        PyError::new(ErrorKind::UsageError, format!("File `'{name}'` not found."))
    }
    /// A magic that could not write its file (the OS's reason after the path).
    pub fn file_not_written(path: &str, reason: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("could not write {path}: {reason}"),
        )
    }
    /// argparse's text for a bad integer option (`%history -l x`).
    pub fn magic_option_invalid_int(option: &str, got: &str) -> PyError {
        PyError::new(
            ErrorKind::UsageError,
            format!("argument {option}: invalid int value: '{got}'"),
        )
    }
    /// `%precision abc` (IPython's traitlets message).
    pub fn precision_not_understood(got: &str) -> PyError {
        PyError::value(format!(
            "Precision must be int or format string, not '{got}'"
        ))
    }
    pub fn precision_negative(n: i64) -> PyError {
        PyError::value(format!("int precision must be non-negative, not {n}"))
    }

    // ----- names and attributes
    pub fn name_not_defined(name: &str) -> PyError {
        PyError::new(
            ErrorKind::NameError,
            format!("name '{name}' is not defined"),
        )
    }
    pub fn no_attribute(type_name: &str, attr: &str) -> PyError {
        PyError::attribute(format!("'{type_name}' object has no attribute '{attr}'"))
    }
    pub fn module_no_attribute(module: &str, attr: &str) -> PyError {
        PyError::attribute(format!("module '{module}' has no attribute '{attr}'"))
    }
    /// Departure from CPython: the message lists the modules arrsh has, since a student cannot
    /// install more.
    pub fn no_module(name: &str, provided: &str) -> PyError {
        PyError::new(
            ErrorKind::ModuleNotFoundError,
            format!("No module named '{name}' (arrsh provides: {provided})"),
        )
    }
    pub fn cannot_import(name: &str, module: &str) -> PyError {
        PyError::new(
            ErrorKind::ImportError,
            format!("cannot import name '{name}' from '{module}' (unknown location)"),
        )
    }
    /// NumPy 2.x's message for the removed aliases `np.int`, `np.float`, ... (numpy/__init__.py).
    pub fn removed_numpy_alias(alias: &str, builtin: &str, suggestion: &str) -> PyError {
        PyError::attribute(format!(
            "module 'numpy' has no attribute '{alias}'.\n\
`np.{alias}` was a deprecated alias for the builtin `{builtin}`. To avoid this error in existing code, use `{builtin}` by itself. Doing this will not modify any behavior and is safe. {suggestion}\n\
The aliases was originally deprecated in NumPy 1.20; for more details and guidance see the original release note at:\n    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations"
        ))
    }

    // ----- arithmetic
    pub fn division_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "division by zero")
    }
    pub fn integer_division_by_zero() -> PyError {
        PyError::new(
            ErrorKind::ZeroDivisionError,
            "integer division or modulo by zero",
        )
    }
    pub fn integer_modulo_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "integer modulo by zero")
    }
    pub fn float_modulo_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "float modulo")
    }
    pub fn float_floor_division_by_zero() -> PyError {
        PyError::new(ErrorKind::ZeroDivisionError, "float floor division by zero")
    }
    pub fn zero_to_negative_power() -> PyError {
        PyError::new(
            ErrorKind::ZeroDivisionError,
            "0.0 cannot be raised to a negative power",
        )
    }
    pub fn int_too_large_to_convert_to_float() -> PyError {
        PyError::overflow("int too large to convert to float")
    }
    /// arrsh refuses big-int results that would take very long to compute (CPython would just hang).
    pub fn int_result_too_large(bits: u64, limit: u64) -> PyError {
        PyError::overflow(format!(
            "integer result would have about {bits} bits; arrsh refuses integers above {limit} bits \
(CPython would compute for a very long time)"
        ))
    }
    pub fn unsupported_operand(op: &str, left: &str, right: &str) -> PyError {
        PyError::type_error(format!(
            "unsupported operand type(s) for {op}: '{left}' and '{right}'"
        ))
    }
    pub fn bad_operand_unary(op: &str, ty: &str) -> PyError {
        PyError::type_error(format!("bad operand type for unary {op}: '{ty}'"))
    }

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

    // ----- shapes and broadcasting
    /// NumPy's broadcast error: note the trailing space after the last shape.
    pub fn broadcast_shapes(shapes: &[&[usize]]) -> PyError {
        let listed: Vec<String> = shapes.iter().map(|s| np_shape_str(s)).collect();
        PyError::value(format!(
            "operands could not be broadcast together with shapes {} ",
            listed.join(" ")
        ))
    }
    pub fn broadcast_input_to_shape(from: &[usize], to: &[usize]) -> PyError {
        PyError::value(format!(
            "could not broadcast input array from shape {} into shape {}",
            np_shape_str(from),
            np_shape_str(to)
        ))
    }
    pub fn cannot_reshape(size: usize, shape: &[usize]) -> PyError {
        PyError::value(format!(
            "cannot reshape array of size {size} into shape {}",
            shape_str(shape)
        ))
    }
    pub fn reshape_one_unknown() -> PyError {
        PyError::value("can only specify one unknown dimension")
    }
    pub fn axis_out_of_bounds(axis: i64, ndim: usize) -> PyError {
        PyError::new(
            ErrorKind::AxisError,
            format!("axis {axis} is out of bounds for array of dimension {ndim}"),
        )
    }
    pub fn axes_dont_match() -> PyError {
        PyError::value("axes don't match array")
    }
    pub fn repeated_axis() -> PyError {
        PyError::value("repeated axis in transpose")
    }
    /// `normalize_axis_tuple`'s duplicate check (`expand_dims`, `squeeze`, `moveaxis`).
    pub fn repeated_axis_plain() -> PyError {
        PyError::value("repeated axis")
    }
    /// `normalize_axis_tuple(..., argname)`'s duplicate check (`moveaxis`).
    pub fn repeated_axis_in(arg: &str) -> PyError {
        PyError::value(format!("repeated axis in `{arg}` argument"))
    }
    /// The C-level axis-tuple converter's duplicate check (`squeeze`).
    pub fn duplicate_axis_value() -> PyError {
        PyError::value("duplicate value in 'axis'")
    }
    /// An AxisError naming the argument (`swapaxes`'s `axis1:`, `moveaxis`'s `source:`).
    pub fn axis_out_of_bounds_named(arg: &str, axis: i64, ndim: usize) -> PyError {
        PyError::new(
            ErrorKind::AxisError,
            format!("{arg}: axis {axis} is out of bounds for array of dimension {ndim}"),
        )
    }
    pub fn reshape_order_k() -> PyError {
        PyError::value("order 'K' is not permitted for reshaping")
    }
    /// `shape` is already in NumPy's spelling for this message (see `reshape.rs`).
    pub fn reshape_size_mismatch(size: usize, shape: &str) -> PyError {
        PyError::value(format!(
            "cannot reshape array of size {size} into shape {shape}"
        ))
    }
    pub fn squeeze_not_one() -> PyError {
        PyError::value("cannot select an axis to squeeze out which has size not equal to one")
    }
    pub fn order_not_understood(got_repr: &str) -> PyError {
        PyError::value(format!(
            "order must be one of 'C', 'F', 'A', or 'K' (got {got_repr})"
        ))
    }
    /// Index arrays that do not broadcast; NumPy writes each shape followed by a space.
    pub fn index_shape_mismatch(shapes: &[String]) -> PyError {
        let mut listed = String::new();
        for s in shapes {
            listed.push_str(s);
            listed.push(' ');
        }
        PyError::index(format!(
            "shape mismatch: indexing arrays could not be broadcast together with shapes {listed}"
        ))
    }
    pub fn value_shape_mismatch(values: &str, result: &str) -> PyError {
        PyError::value(format!(
            "shape mismatch: value array of shape {values} could not be broadcast to indexing result of shape {result}"
        ))
    }
    pub fn bool_assign_ndim(ndim: usize) -> PyError {
        PyError::type_error(format!(
            "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has {ndim} dimensions"
        ))
    }
    pub fn bool_assign_count(values: usize, trues: usize) -> PyError {
        PyError::value(format!(
            "NumPy boolean array indexing assignment cannot assign {values} input values to the {trues} output values where the mask is true"
        ))
    }
    pub fn index_array_not_integer() -> PyError {
        PyError::index("arrays used as indices must be of integer (or boolean) type")
    }
    pub fn concatenate_ndim(first: usize, index: usize, ndim: usize) -> PyError {
        PyError::value(format!(
            "all the input arrays must have same number of dimensions, but the array at index 0 has {first} dimension(s) and the array at index {index} has {ndim} dimension(s)"
        ))
    }
    pub fn concatenate_dims(dim: usize, first: usize, index: usize, size: usize) -> PyError {
        PyError::value(format!(
            "all the input array dimensions except for the concatenation axis must match exactly, but along dimension {dim}, the array at index 0 has size {first} and the array at index {index} has size {size}"
        ))
    }
    pub fn concatenate_none() -> PyError {
        PyError::value("need at least one array to concatenate")
    }
    pub fn concatenate_zero_d() -> PyError {
        PyError::value("zero-dimensional arrays cannot be concatenated")
    }
    pub fn stack_none() -> PyError {
        PyError::value("need at least one array to stack")
    }
    pub fn stack_shapes_differ() -> PyError {
        PyError::value("all input arrays must have the same shape")
    }
    /// `np.stack(5)`: NumPy's dispatcher wants something with `__getitem__`.
    pub fn stack_not_sequence() -> PyError {
        PyError::type_error(
            "arrays to stack must be passed as a \"sequence\" type such as list or tuple.",
        )
    }
    /// `np.concatenate(5)`: what NumPy's `__array_function__` dispatch says of a non-iterable.
    pub fn dispatcher_not_iterable() -> PyError {
        PyError::type_error("dispatcher for __array_function__ did not return an iterable")
    }
    /// `np.concatenate({1, 2})`: iterable but not a sequence.
    pub fn concatenate_not_sequence() -> PyError {
        PyError::type_error("The first input argument needs to be a sequence")
    }
    pub fn out_and_dtype(func: &str) -> PyError {
        PyError::type_error(format!(
            "{func}() only takes `out` or `dtype` as an argument, but both were provided."
        ))
    }
    pub fn out_not_array() -> PyError {
        PyError::type_error("'out' must be an array")
    }
    pub fn output_wrong_ndim() -> PyError {
        PyError::value("Output array has wrong dimensionality")
    }
    pub fn output_wrong_shape() -> PyError {
        PyError::value("Output array is the wrong shape")
    }
    pub fn output_not_1d() -> PyError {
        PyError::value("Output array must be 1D")
    }
    pub fn output_wrong_size() -> PyError {
        PyError::value("Output array is the wrong size")
    }
    /// `from`/`to` are dtype reprs (`dtype('int64')`), `rule` a casting name.
    pub fn cannot_cast_array(from: &str, to: &str, rule: &str) -> PyError {
        PyError::type_error(format!(
            "Cannot cast array data from {from} to {to} according to the rule '{rule}'"
        ))
    }
    pub fn casting_not_str(type_name: &str) -> PyError {
        PyError::type_error(format!("casting must be str, not {type_name}"))
    }
    /// `got` is the repr of the string given.
    pub fn casting_unknown(got: &str) -> PyError {
        PyError::value(format!(
            "casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got {got})"
        ))
    }
    pub fn moveaxis_length_mismatch() -> PyError {
        PyError::value("`source` and `destination` arguments must have the same number of elements")
    }

    // ----- dtypes and casting
    pub fn data_type_not_understood(spec: &str) -> PyError {
        PyError::type_error(format!("data type {spec} not understood"))
    }
    pub fn cannot_cast_ufunc_output(ufunc: &str, from: &str, to: &str) -> PyError {
        PyError::new(
            ErrorKind::UFuncTypeError,
            format!(
                "Cannot cast ufunc '{ufunc}' output from dtype('{from}') to dtype('{to}') with casting rule 'same_kind'"
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

    // ----- reductions
    pub fn zero_size_reduction(ufunc: &str) -> PyError {
        PyError::value(format!(
            "zero-size array to reduction operation {ufunc} which has no identity"
        ))
    }
    pub fn arg_of_empty_sequence(is_min: bool) -> PyError {
        let which = if is_min { "argmin" } else { "argmax" };
        PyError::value(format!("attempt to get {which} of an empty sequence"))
    }

    // ----- calls
    pub fn arg_count(func: &str, expected: &str, given: usize) -> PyError {
        PyError::type_error(format!("{func}() takes {expected} ({given} given)"))
    }
    pub fn unexpected_keyword(func: &str, kw: &str) -> PyError {
        PyError::type_error(format!(
            "{func}() got an unexpected keyword argument '{kw}'"
        ))
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

#[cfg(test)]
mod tests {
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
}
