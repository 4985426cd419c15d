//! CPython 3.11's messages for the Python side (builtins, lists, dicts, sets, formatting), one
//! constructor per situation. They extend `PyError` from beside the evaluator so the error
//! module stays the home of the type and NumPy's messages; call sites pass names and numbers.

use crate::error::{ErrorKind, PyError};

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl PyError {
    /// METH_O functions and methods: `len() takes exactly one argument (0 given)`,
    /// `list.append() takes exactly one argument (2 given)`.
    pub fn takes_exactly_one_argument(qualname: &str, given: usize) -> PyError {
        PyError::type_error(format!(
            "{qualname}() takes exactly one argument ({given} given)"
        ))
    }
    /// METH_NOARGS: `list.copy() takes no arguments (1 given)`.
    pub fn takes_no_arguments(qualname: &str, given: usize) -> PyError {
        PyError::type_error(format!("{qualname}() takes no arguments ({given} given)"))
    }
    /// `object.__init__` with arguments (CPython's `object_init`): `object.__init__() takes
    /// exactly one argument (the instance to initialize)` when the class overrides `__init__`,
    /// else the class's own name (`Q.__init__() ...`).
    pub fn init_takes_one_argument(qualname: &str) -> PyError {
        PyError::type_error(format!(
            "{qualname}.__init__() takes exactly one argument (the instance to initialize)"
        ))
    }
    /// `getattr(1, 2)`: `attribute name must be string, not 'int'`.
    pub fn attribute_name_must_be_string(type_name: &str) -> PyError {
        PyError::type_error(format!("attribute name must be string, not '{type_name}'"))
    }
    /// `len() takes no keyword arguments`, `list.insert() takes no keyword arguments`.
    pub fn takes_no_keyword_arguments(qualname: &str) -> PyError {
        PyError::type_error(format!("{qualname}() takes no keyword arguments"))
    }
    /// `{**1}`: a dict display unpacks only mappings.
    pub fn not_a_mapping(v: &crate::eval::Value) -> PyError {
        PyError::type_error(format!("'{}' object is not a mapping", v.type_name()))
    }
    /// `memoryview([1])`, `np.frombuffer([1])`: the buffer protocol's refusal, after the
    /// caller's prefix (`memoryview: `).
    pub fn bytes_like_required(prefix: &str, type_name: &str) -> PyError {
        PyError::type_error(format!(
            "{prefix}a bytes-like object is required, not '{type_name}'"
        ))
    }
    /// Any use of a memoryview after `release()`.
    pub fn released_memoryview() -> PyError {
        PyError::value("operation forbidden on released memoryview object")
    }
    /// NumPy's buffer export of a dtype it cannot describe (`datetime64`, `object`).
    pub fn buffer_dtype_unsupported(kind: char) -> PyError {
        PyError::value(format!("cannot include dtype '{kind}' in a buffer"))
    }
    /// `vars(1)`: the object has no `__dict__` (no arrsh object has one).
    pub fn vars_needs_dict() -> PyError {
        PyError::type_error("vars() argument must have __dict__ attribute")
    }
    /// `sort() takes no positional arguments`.
    pub fn takes_no_positional_arguments(name: &str) -> PyError {
        PyError::type_error(format!("{name}() takes no positional arguments"))
    }
    /// `_PyArg_CheckPositional`: `insert expected 2 arguments, got 1`,
    /// `pop expected at most 1 argument, got 2`, `range expected at least 1 argument, got 0`.
    pub fn positional_count(name: &str, min: usize, max: usize, given: usize) -> PyError {
        let (bound, n) = if given < min { (min, min) } else { (max, max) };
        let how = if min == max {
            ""
        } else if given < min {
            "at least "
        } else {
            "at most "
        };
        PyError::type_error(format!(
            "{name} expected {how}{bound} argument{}, got {given}",
            plural(n)
        ))
    }
    /// A slot wrapper's `check_num_args`: `expected 0 arguments, got 1` (`it.__next__(1)`).
    pub fn wrapper_arg_count(expected: usize, given: usize) -> PyError {
        PyError::type_error(format!(
            "expected {expected} argument{}, got {given}",
            plural(expected)
        ))
    }
    /// `it.__next__(x=1)`: `wrapper __next__() takes no keyword arguments`.
    pub fn wrapper_no_keywords(name: &str) -> PyError {
        PyError::type_error(format!("wrapper {name}() takes no keyword arguments"))
    }
    /// `MutableMapping.update`'s count check (`OrderedDict(a, b)`), CPython's own grammar:
    /// `expected at most 1 arguments, got 2`.
    pub fn mapping_update_expected_one(given: usize) -> PyError {
        PyError::type_error(format!("expected at most 1 arguments, got {given}"))
    }
    /// `operator.methodcaller()` with no method name.
    pub fn methodcaller_needs_name() -> PyError {
        PyError::type_error("methodcaller needs at least one argument, the method name")
    }
    /// A C type that checks its first argument by hand: `type 'partial' takes at least one
    /// argument`.
    pub fn type_takes_at_least_one_argument(name: &str) -> PyError {
        PyError::type_error(format!("type '{name}' takes at least one argument"))
    }
    /// Argument Clinic's keyword check: `'foo' is an invalid keyword argument for print()`.
    pub fn invalid_keyword_argument(keyword: &str, func: &str) -> PyError {
        PyError::type_error(format!(
            "'{keyword}' is an invalid keyword argument for {func}()"
        ))
    }
    /// `getsizeof() takes at most 2 arguments (3 given)`.
    pub fn takes_at_most_arguments(func: &str, max: usize, given: usize) -> PyError {
        PyError::type_error(format!(
            "{func}() takes at most {max} argument{} ({given} given)",
            plural(max)
        ))
    }
    /// `sum() takes at least 1 positional argument (0 given)`.
    pub fn takes_at_least_positional(func: &str, min: usize, given: usize) -> PyError {
        PyError::type_error(format!(
            "{func}() takes at least {min} positional argument{} ({given} given)",
            plural(min)
        ))
    }
    /// `enumerate() missing required argument 'iterable'`.
    pub fn missing_required_argument(func: &str, name: &str) -> PyError {
        PyError::type_error(format!("{func}() missing required argument '{name}'"))
    }
    /// `getsizeof() missing required argument 'object' (pos 1)`.
    pub fn missing_required_argument_pos(func: &str, name: &str, pos: usize) -> PyError {
        PyError::type_error(format!(
            "{func}() missing required argument '{name}' (pos {pos})"
        ))
    }
    /// `a, b = 5`: `cannot unpack non-iterable int object`.
    pub fn cannot_unpack_non_iterable(type_name: &str) -> PyError {
        PyError::type_error(format!("cannot unpack non-iterable {type_name} object"))
    }
    /// `l[1:3] = 5`.
    pub fn can_only_assign_iterable() -> PyError {
        PyError::type_error("can only assign an iterable")
    }
    /// `l[::2] = [1]` when the slice has 4 items.
    pub fn extended_slice_size(given: usize, slice_len: usize) -> PyError {
        PyError::value(format!(
            "attempt to assign sequence of size {given} to extended slice of size {slice_len}"
        ))
    }
    /// `l[10] = 0`, `del l[10]`.
    pub fn list_assignment_out_of_range() -> PyError {
        PyError::index("list assignment index out of range")
    }
    /// A method of `owner` called on something else: `descriptor 'append' for 'list' objects
    /// doesn't apply to a 'int' object`.
    /// `list.append()`, `collections.deque.append()`: a method taken from its class, called
    /// without a receiver.
    pub fn unbound_needs_argument(class: &str, method: &str) -> PyError {
        PyError::type_error(format!(
            "unbound method {class}.{method}() needs an argument"
        ))
    }
    /// A slot wrapper called on its type without a receiver: `object.__repr__()`.
    pub fn descriptor_needs_argument(method: &str, owner: &str) -> PyError {
        PyError::type_error(format!(
            "descriptor '{method}' of '{owner}' object needs an argument"
        ))
    }
    /// A slot wrapper given a receiver of another type: `ValueError.__str__(1)`.
    pub fn slot_wrapper_mismatch(method: &str, owner: &str, got: &str) -> PyError {
        PyError::type_error(format!(
            "descriptor '{method}' requires a '{owner}' object but received a '{got}'"
        ))
    }
    pub fn descriptor_mismatch(method: &str, owner: &str, got: &str) -> PyError {
        PyError::type_error(format!(
            "descriptor '{method}' for '{owner}' objects doesn't apply to a '{got}' object"
        ))
    }
    /// `[].pop()`.
    pub fn pop_from_empty(what: &str) -> PyError {
        let kind = if what == "dict" {
            ErrorKind::KeyError
        } else {
            ErrorKind::IndexError
        };
        PyError::new(kind, format!("pop from empty {what}"))
    }
    /// `[1].pop(5)`.
    pub fn pop_index_out_of_range() -> PyError {
        PyError::index("pop index out of range")
    }
    /// `l.index(x)` when `x` is absent: `'missing' is not in list`.
    pub fn not_in_list(repr: &str) -> PyError {
        PyError::value(format!("{repr} is not in list"))
    }
    /// `l.remove(x)` when `x` is absent.
    pub fn list_remove_missing() -> PyError {
        PyError::value("list.remove(x): x not in list")
    }
    /// `range(0, 5, 0)`.
    pub fn range_step_zero() -> PyError {
        PyError::value("range() arg 3 must not be zero")
    }
    /// `len(range(10**20))` and other sizes past `sys.maxsize`.
    pub fn too_large_for_ssize_t() -> PyError {
        PyError::overflow("Python int too large to convert to C ssize_t")
    }
    /// A C `int` argument past its range (`'\t'.expandtabs(10**20)`, `'%.*f' % (10**20, x)`).
    pub fn too_large_for_c_int() -> PyError {
        PyError::overflow("Python int too large to convert to C int")
    }
    /// A C `long` argument past 64 bits (`np.diagonal(a, 10**19)`, `np.round(x, 2**63)`).
    pub fn too_large_for_c_long() -> PyError {
        PyError::overflow("Python int too large to convert to C long")
    }
    /// NumPy's `PyArray_PythonPyIntFromInt`: a C `int` argument that fits a `long` but not an
    /// `int` (`np.round(x, 10**18)`).
    pub fn c_int_out_of_range(negative: bool) -> PyError {
        PyError::overflow(if negative {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    }
    /// `'a' * 10**20`: a sequence count that is no index-sized integer.
    pub fn cannot_fit_index_sized() -> PyError {
        PyError::overflow("cannot fit 'int' into an index-sized integer")
    }
    /// `[][::0]`.
    pub fn slice_step_cannot_be_zero() -> PyError {
        PyError::value("slice step cannot be zero")
    }
    /// `next(it)` past the end: the traceback line is `StopIteration: `.
    pub fn stop_iteration() -> PyError {
        PyError::new(ErrorKind::StopIteration, "")
    }
    /// `s.remove(x)` when `x` is not in the set: `KeyError: 5`.
    pub fn set_key_missing(repr: &str) -> PyError {
        PyError::new(ErrorKind::KeyError, repr.to_string())
    }
    /// `map(str)`.
    pub fn map_needs_two_arguments() -> PyError {
        PyError::type_error("map() must have at least two arguments.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_count_messages_match_cpython_3_11() {
        let cases = [
            (
                PyError::positional_count("insert", 2, 2, 1),
                "insert expected 2 arguments, got 1",
            ),
            (
                PyError::positional_count("pop", 0, 1, 2),
                "pop expected at most 1 argument, got 2",
            ),
            (
                PyError::positional_count("range", 1, 3, 0),
                "range expected at least 1 argument, got 0",
            ),
            (
                PyError::positional_count("isinstance", 2, 2, 1),
                "isinstance expected 2 arguments, got 1",
            ),
            (
                PyError::positional_count("sorted", 1, 1, 0),
                "sorted expected 1 argument, got 0",
            ),
            (
                PyError::takes_exactly_one_argument("list.append", 0),
                "list.append() takes exactly one argument (0 given)",
            ),
            // the methods classes inherit from `object` and `BaseException`
            (
                PyError::init_takes_one_argument("object"),
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ),
            (
                PyError::attribute_name_must_be_string("int"),
                "attribute name must be string, not 'int'",
            ),
            (
                PyError::descriptor_needs_argument("__repr__", "object"),
                "descriptor '__repr__' of 'object' object needs an argument",
            ),
            (
                PyError::slot_wrapper_mismatch("__str__", "BaseException", "int"),
                "descriptor '__str__' requires a 'BaseException' object but received a 'int'",
            ),
            (
                PyError::takes_at_most_arguments("getsizeof", 2, 3),
                "getsizeof() takes at most 2 arguments (3 given)",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.msg, want);
        }
    }
}
