//! Messages of shapes, axes, broadcasting, joining, `out=` arguments and reductions (NumPy 2.4).

use super::format::{np_shape_str, shape_str};
use super::{ErrorKind, PyError};

impl PyError {
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
    /// A Python number that its kind cannot bring into `to` under `rule` (NEP 50).
    pub fn cannot_cast_scalar(from: &str, to: &str, rule: &str) -> PyError {
        PyError::type_error(format!(
            "Cannot cast scalar from {from} to {to} according to the rule '{rule}'"
        ))
    }
    /// `np.copyto` into something that is not an array.
    pub fn copyto_dst_not_array(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "copyto() argument 1 must be a numpy.ndarray, not {type_name}"
        ))
    }
    /// `np.delete` with a mask of the wrong shape.
    pub fn delete_mask_shape(n: usize) -> PyError {
        PyError::value(format!(
            "boolean array argument obj to delete must be one dimensional and match the axis length of {n}"
        ))
    }
    pub fn insert_mask_not_1d() -> PyError {
        PyError::value("boolean array argument obj to insert must be one dimensional")
    }
    pub fn insert_index_not_1d() -> PyError {
        PyError::value("index array argument obj to insert must be one dimensional or scalar")
    }
    /// `np.insert` at a position past either end; `obj` as `str()` shows it.
    pub fn insert_out_of_bounds(obj: &str, axis: usize, n: usize) -> PyError {
        PyError::index(format!(
            "index {obj} is out of bounds for axis {axis} with size {n}"
        ))
    }
    pub fn geomspace_zero() -> PyError {
        PyError::value("Geometric sequence cannot include zero")
    }
    pub fn select_lengths_differ() -> PyError {
        PyError::value("list of cases must be same length as list of conditions")
    }
    pub fn select_empty() -> PyError {
        PyError::value("select with an empty condition list is not possible")
    }
    pub fn select_cond_not_bool(i: usize) -> PyError {
        PyError::type_error(format!(
            "invalid entry {i} in condlist: should be boolean ndarray"
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
}
