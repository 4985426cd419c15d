//! What completion offers: the session's names, and the attributes of the kind of object a
//! dotted prefix names (`np.`, an array variable, a list...).

use super::session::Session;
use crate::eval::object::value::Value;

/// The kind of object whose attributes are being completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Receiver {
    Numpy,
    StrideTricks,
    Array,
    List,
    Dict,
    Str,
    DType,
    Other,
}

pub const BUILTIN_NAMES: &[&str] = &[
    "print",
    "len",
    "id",
    "type",
    "range",
    "list",
    "tuple",
    "dict",
    "int",
    "float",
    "str",
    "bytes",
    "bool",
    "zip",
    "enumerate",
    "sum",
    "min",
    "max",
    "abs",
    "hex",
    "isinstance",
    "sorted",
    "reversed",
    "repr",
    "import",
    "numpy",
    "from",
    "for",
    "while",
    "if",
    "else",
    "del",
    "None",
    "True",
    "False",
];

const NUMPY: &[&str] = &[
    "arange",
    "array",
    "asarray",
    "zeros",
    "ones",
    "empty",
    "full",
    "zeros_like",
    "ones_like",
    "empty_like",
    "full_like",
    "linspace",
    "copy",
    "reshape",
    "ravel",
    "transpose",
    "shares_memory",
    "may_share_memory",
    "lib",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "bool",
    "dtype",
    "newaxis",
    "broadcast_to",
    "ascontiguousarray",
    "asfortranarray",
    "frombuffer",
    "eye",
    "dot",
    "sum",
    "mean",
    "iinfo",
    "finfo",
    "set_printoptions",
    "nan",
    "inf",
];
const ARRAY: &[&str] = &[
    "shape",
    "strides",
    "dtype",
    "itemsize",
    "nbytes",
    "size",
    "ndim",
    "base",
    "flags",
    "T",
    "__array_interface__",
    "view",
    "copy",
    "reshape",
    "ravel",
    "flatten",
    "transpose",
    "astype",
    "sum",
    "min",
    "max",
    "mean",
    "prod",
    "argmin",
    "argmax",
    "fill",
    "tolist",
    "item",
    "tobytes",
    "any",
    "all",
    "swapaxes",
    "squeeze",
    "dot",
];
const LIST: &[&str] = &[
    "append", "pop", "insert", "extend", "index", "count", "remove", "reverse", "sort", "copy",
    "clear",
];
const DICT: &[&str] = &[
    "keys",
    "values",
    "items",
    "get",
    "pop",
    "update",
    "setdefault",
    "copy",
    "clear",
];
const STR: &[&str] = &[
    "format",
    "join",
    "split",
    "upper",
    "lower",
    "strip",
    "replace",
    "startswith",
    "endswith",
    "find",
];
const DTYPE: &[&str] = &[
    "str",
    "name",
    "itemsize",
    "kind",
    "char",
    "byteorder",
    "type",
    "descr",
    "newbyteorder",
];

pub fn attributes(r: Receiver) -> &'static [&'static str] {
    match r {
        Receiver::Numpy => NUMPY,
        Receiver::StrideTricks => &["as_strided", "sliding_window_view", "broadcast_to"],
        Receiver::Array => ARRAY,
        Receiver::List => LIST,
        Receiver::Dict => DICT,
        Receiver::Str => STR,
        Receiver::DType => DTYPE,
        Receiver::Other => &[],
    }
}

/// The session's names with the kind of value each holds.
pub fn snapshot(session: &Session) -> Vec<(String, Receiver)> {
    session
        .interp()
        .globals
        .iter()
        .map(|(k, v)| {
            let r = match v {
                Value::Module(m) if m.name == "numpy" => Receiver::Numpy,
                Value::Module(m) if m.name.ends_with("stride_tricks") => Receiver::StrideTricks,
                Value::Array(_) | Value::Scalar(_) => Receiver::Array,
                Value::List(_) => Receiver::List,
                Value::Dict(_) => Receiver::Dict,
                Value::Str(_) => Receiver::Str,
                Value::DType(_) => Receiver::DType,
                _ => Receiver::Other,
            };
            (k.clone(), r)
        })
        .collect()
}

/// What a dotted prefix like `np`, `np.lib.stride_tricks` or `a` refers to.
pub fn receiver_of(expr: &str, globals: &[(String, Receiver)]) -> Receiver {
    match expr {
        "np" | "numpy" => Receiver::Numpy,
        "np.lib.stride_tricks" | "numpy.lib.stride_tricks" => Receiver::StrideTricks,
        _ => globals
            .iter()
            .find(|(n, _)| n == expr)
            .map_or(Receiver::Other, |(_, r)| *r),
    }
}
