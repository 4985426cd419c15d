//! Messages of `np.einsum` (NumPy 2.4's `einsum.c.src`, `multiarraymodule.c`'s argument
//! parsing and the iterator's broadcast and cast errors it surfaces).

use super::PyError;

impl PyError {
    /// `np.einsum()` with nothing at all.
    pub fn einsum_no_arguments() -> PyError {
        PyError::value(
            "must specify the einstein sum subscripts string and at least one operand, or at least one operand and its corresponding subscripts list",
        )
    }
    /// `np.einsum('ij')`: a subscripts string and no operand.
    pub fn einsum_no_operands() -> PyError {
        PyError::value("must specify the einstein sum subscripts string and at least one operand")
    }
    /// 64 operands or more (NPY_MAXARGS counts the output too).
    pub fn einsum_too_many_operands() -> PyError {
        PyError::value("too many operands provided to einstein sum function")
    }
    /// The string names fewer operands than were passed (NumPy's words, which read reversed).
    pub fn einsum_more_operands() -> PyError {
        PyError::value(
            "more operands provided to einstein sum function than specified in the subscripts string",
        )
    }
    pub fn einsum_fewer_operands() -> PyError {
        PyError::value(
            "fewer operands provided to einstein sum function than specified in the subscripts string",
        )
    }
    pub fn einsum_too_many_subscripts(iop: usize) -> PyError {
        PyError::value(format!(
            "einstein sum subscripts string contains too many subscripts for operand {iop}"
        ))
    }
    pub fn einsum_stray_dot(iop: usize) -> PyError {
        PyError::value(format!(
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand {iop}"
        ))
    }
    pub fn einsum_stray_dot_output() -> PyError {
        PyError::value(
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output",
        )
    }
    /// A character that is neither a letter, `.`, `,`, `-` nor a space.
    pub fn einsum_invalid_subscript(c: char) -> PyError {
        PyError::value(format!(
            "invalid subscript '{c}' in einstein sum subscripts string, subscripts must be letters"
        ))
    }
    pub fn einsum_operand_needs_ellipsis() -> PyError {
        PyError::value(
            "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
        )
    }
    pub fn einsum_output_needs_ellipsis() -> PyError {
        PyError::value(
            "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
        )
    }
    pub fn einsum_output_repeated(c: char) -> PyError {
        PyError::value(format!(
            "einstein sum subscripts string includes output subscript '{c}' multiple times"
        ))
    }
    pub fn einsum_output_not_in_input(c: char) -> PyError {
        PyError::value(format!(
            "einstein sum subscripts string included output subscript '{c}' which never appeared in an input"
        ))
    }
    pub fn einsum_too_many_output_subscripts() -> PyError {
        PyError::value("einstein sum subscripts string contains too many subscripts in the output")
    }
    pub fn einsum_bad_arrow() -> PyError {
        PyError::value(
            "einstein sum subscript string does not contain proper '->' output specified",
        )
    }
    pub fn einsum_too_few_broadcast_dims() -> PyError {
        PyError::value("output had too few broadcast dimensions")
    }
    /// `'ii->i'` of a non-square operand (the single-operand view's check).
    pub fn einsum_single_collapse_mismatch(c: char, a: usize, b: usize) -> PyError {
        PyError::value(format!(
            "dimensions in single operand for collapsing index '{c}' don't match ({a} != {b})"
        ))
    }
    /// `'ii'` of a non-square operand (the diagonal view's check).
    pub fn einsum_collapse_mismatch(iop: usize, c: char, a: usize, b: usize) -> PyError {
        PyError::value(format!(
            "dimensions in operand {iop} for collapsing index '{c}' don't match ({a} != {b})"
        ))
    }
    pub fn einsum_out_ndim(has: usize, should: usize) -> PyError {
        PyError::value(format!(
            "out parameter does not have the correct number of dimensions, has {has} but should have {should}"
        ))
    }
    pub fn einsum_out_not_array() -> PyError {
        PyError::type_error("keyword parameter out must be an array for einsum")
    }
    /// A dtype without a sum-of-products loop (strings, datetimes).
    pub fn einsum_invalid_dtype() -> PyError {
        PyError::type_error("invalid data type for einsum")
    }
    /// The sublist form: a sublist that is not a sequence.
    pub fn einsum_sublist_not_sequence() -> PyError {
        PyError::type_error("the subscripts for each operand must be a list or a tuple")
    }
    pub fn einsum_sublist_item() -> PyError {
        PyError::type_error("each subscript must be either an integer or an ellipsis")
    }
    pub fn einsum_sublist_range() -> PyError {
        PyError::value("subscript is not within the valid range [0, 52)")
    }
    pub fn einsum_sublist_two_ellipses() -> PyError {
        PyError::value("each subscripts list may have only one ellipsis")
    }
    pub fn einsum_sublist_too_long() -> PyError {
        PyError::value("subscripts list is too long")
    }
    /// The iterator's broadcast error: each operand's shape, `->`, its shape over the
    /// iteration axes (already in `np_shape_str_newaxis` form), each followed by a space.
    pub fn iterator_remapped_broadcast(pairs: &[(String, String)]) -> PyError {
        let mut msg = String::from(
            "operands could not be broadcast together with remapped shapes [original->remapped]: ",
        );
        for (orig, remapped) in pairs {
            msg.push_str(&format!("{orig}->{remapped} "));
        }
        PyError::value(msg)
    }
    /// The iterator refusing to cast an input to the requested dtype.
    pub fn iterator_operand_cast(iop: usize, from: &str, to: &str, casting: &str) -> PyError {
        PyError::type_error(format!(
            "Iterator operand {iop} dtype could not be cast from {from} to {to} according to the rule '{casting}'"
        ))
    }
    /// The iterator refusing to cast its result into an output operand.
    pub fn iterator_output_cast(iop: usize, from: &str, to: &str, casting: &str) -> PyError {
        PyError::type_error(format!(
            "Iterator requested dtype could not be cast from {from} to {to}, the operand {iop} dtype, according to the rule '{casting}'"
        ))
    }
    /// `einsum(..., optimize=...)` with a value that is no path.
    pub fn einsum_bad_path(path: &str) -> PyError {
        PyError::type_error(format!("Did not understand the path: {path}"))
    }
    /// `einsum(..., optimize=True, foo=1)`: the Python wrapper's check.
    pub fn einsum_unknown_kwargs(list: &str) -> PyError {
        PyError::type_error(format!("Did not understand the following kwargs: {list}"))
    }
}
