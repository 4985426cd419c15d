//! The `numpy` module object: its scalar types, classes and constants as rows, the removed
//! aliases with NumPy 2's messages, and attribute lookup on modules (rows first, then
//! `__name__`, the removed aliases and the builtins). Its functions are rows in the rooms that
//! run them; its scalar types' rows are made by `constructors::scalar_row`.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::numpy::constructors::scalar_row;
use crate::eval::object::objects::Objects;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Origin, Row};
use crate::runtime::DType;
use crate::runtime::datetime::TimeUnit;

/// The `numpy` module's types and constants.
pub const ROWS: &[Row] = &[
    // `np` is there without an import (arrsh's departure: the shell is used in class)
    Row::module("numpy", Origin::Site { package: true }).bare_as("np"),
    Row::module("numpy.exceptions", Origin::Site { package: false }),
    scalar_row("numpy.bool", DType::BOOL),
    scalar_row("numpy.bool_", DType::BOOL),
    scalar_row("numpy.int8", DType::INT8),
    scalar_row("numpy.byte", DType::INT8),
    scalar_row("numpy.int16", DType::INT16),
    scalar_row("numpy.short", DType::INT16),
    scalar_row("numpy.int32", DType::INT32),
    scalar_row("numpy.intc", DType::INT32),
    scalar_row("numpy.int64", DType::INT64),
    scalar_row("numpy.int_", DType::INT64),
    scalar_row("numpy.intp", DType::INT64),
    scalar_row("numpy.long", DType::INT64),
    scalar_row("numpy.longlong", DType::LONGLONG),
    scalar_row("numpy.uint8", DType::UINT8),
    scalar_row("numpy.ubyte", DType::UINT8),
    scalar_row("numpy.uint16", DType::UINT16),
    scalar_row("numpy.ushort", DType::UINT16),
    scalar_row("numpy.uint32", DType::UINT32),
    scalar_row("numpy.uintc", DType::UINT32),
    scalar_row("numpy.uint64", DType::UINT64),
    scalar_row("numpy.uint", DType::UINT64),
    scalar_row("numpy.uintp", DType::UINT64),
    scalar_row("numpy.ulong", DType::UINT64),
    scalar_row("numpy.ulonglong", DType::ULONGLONG),
    scalar_row("numpy.float16", DType::FLOAT16),
    scalar_row("numpy.half", DType::FLOAT16),
    scalar_row("numpy.float32", DType::FLOAT32),
    scalar_row("numpy.single", DType::FLOAT32),
    scalar_row("numpy.float64", DType::FLOAT64),
    scalar_row("numpy.double", DType::FLOAT64),
    scalar_row("numpy.complex64", DType::COMPLEX64),
    scalar_row("numpy.csingle", DType::COMPLEX64),
    scalar_row("numpy.complex128", DType::COMPLEX128),
    scalar_row("numpy.cdouble", DType::COMPLEX128),
    scalar_row("numpy.bytes_", DType::bytes(0)),
    scalar_row("numpy.str_", DType::unicode(0)),
    scalar_row("numpy.datetime64", DType::datetime(TimeUnit::GENERIC)),
    scalar_row("numpy.timedelta64", DType::timedelta(TimeUnit::GENERIC)),
    // the abstract scalar classes, for isinstance (see constructors.rs)
    Row::type_("numpy.generic", TypeKind::NpAbstract("generic")),
    Row::type_("numpy.number", TypeKind::NpAbstract("number")),
    Row::type_("numpy.integer", TypeKind::NpAbstract("integer")),
    Row::type_("numpy.signedinteger", TypeKind::NpAbstract("signedinteger")),
    Row::type_(
        "numpy.unsignedinteger",
        TypeKind::NpAbstract("unsignedinteger"),
    ),
    Row::type_("numpy.inexact", TypeKind::NpAbstract("inexact")),
    Row::type_("numpy.floating", TypeKind::NpAbstract("floating")),
    Row::type_(
        "numpy.complexfloating",
        TypeKind::NpAbstract("complexfloating"),
    ),
    Row::type_("numpy.flexible", TypeKind::NpAbstract("flexible")),
    Row::type_("numpy.character", TypeKind::NpAbstract("character")),
    Row::attr("numpy.newaxis", newaxis),
    Row::attr("numpy.True_", np_true),
    Row::attr("numpy.False_", np_false),
    Row::attr("numpy.nan", nan),
    Row::attr("numpy.inf", inf),
    Row::attr("numpy.pi", pi),
    Row::attr("numpy.e", euler),
    Row::attr("numpy.__version__", version),
];

fn newaxis(_: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(Value::None)
}

fn np_true(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.np_bool(true))
}

fn np_false(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.np_bool(false))
}

fn nan(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.float_constant("numpy.nan", f64::NAN))
}

fn inf(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.float_constant("numpy.inf", f64::INFINITY))
}

fn pi(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.float_constant("numpy.pi", std::f64::consts::PI))
}

fn euler(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.float_constant("numpy.e", std::f64::consts::E))
}

fn version(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_str("2.4.6".into()))
}

/// `np.<name>` for the names whose object needs no session state beyond the object registry
/// (functions, ufuncs, types), as bare names use them.
pub fn numpy_attr(objects: &Objects, name: &str) -> Option<Value> {
    let e = crate::eval::registry::lookup("numpy", name)?;
    crate::eval::registry::call::static_value(e, objects)
}

/// NumPy 2's AttributeError for an alias it removed (`np.int`, `np.float_`...).
fn removed_numpy_attr(name: &str) -> Option<PyError> {
    let alias = |builtin: &str, suggestion: &str| {
        Some(PyError::removed_numpy_alias(name, builtin, suggestion))
    };
    match name {
        "int" => alias(
            "int",
            "When replacing `np.int`, you may wish to use e.g. `np.int64` or `np.int32` to specify the precision. If you wish to review your current use, check the release note link for additional information.",
        ),
        "float" => alias(
            "float",
            "If you specifically wanted the numpy scalar type, use `np.float64` here.",
        ),
        "complex" => alias(
            "complex",
            "If you specifically wanted the numpy scalar type, use `np.complex128` here.",
        ),
        "str" => alias(
            "str",
            "If you specifically wanted the numpy scalar type, use `np.str_` here.",
        ),
        "object" => alias("object", ""),
        _ => expired_numpy_attr(name).map(|msg| {
            PyError::attribute(format!(
                "`np.{name}` was removed in the NumPy 2.0 release. {msg}"
            ))
        }),
    }
}

impl Interp {
    pub fn module_attr(&mut self, module: &str, name: &str) -> PyResult<Value> {
        if let Some(r) = self.registry_module_attr(module, name) {
            return r;
        }
        if name == "__name__" {
            return Ok(self.new_str(module.to_string()));
        }
        match module {
            "numpy" => {
                if let Some(e) = removed_numpy_attr(name) {
                    // numpy/__init__.py's __getattr__ warns first for the two names it means
                    // to bring back as scalar types
                    if matches!(name, "object" | "str") {
                        self.warn(
                            "FutureWarning",
                            format!("In the future `np.{name}` will be defined as the corresponding NumPy scalar."),
                        );
                    }
                    return Err(e);
                }
                Err(PyError::module_no_attribute("numpy", name))
            }
            "builtins" => self
                .objects
                .builtin(name)
                .ok_or_else(|| PyError::module_no_attribute("builtins", name)),
            other => Err(PyError::module_no_attribute(other, name)),
        }
    }

    /// Calls `numpy.<f>` (qualified name).
    pub fn call_numpy(
        &mut self,
        qual: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let e = crate::eval::registry::get(qual).ok_or_else(|| {
            PyError::module_no_attribute("numpy", qual.rsplit('.').next().unwrap_or(qual))
        })?;
        self.call_entry(e, Value::None, args, kw)
    }
}

/// NumPy 2.0's `__expired_attributes__`: the advice for a removed name.
fn expired_numpy_attr(name: &str) -> Option<&'static str> {
    EXPIRED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, msg)| *msg)
}

/// NumPy 2.4's `numpy/_expired_attrs_2_0.py`: each name NumPy 2.0 removed, with its advice.
const EXPIRED: &[(&str, &str)] = &[
    ("geterrobj", "Use the np.errstate context manager instead."),
    ("seterrobj", "Use the np.errstate context manager instead."),
    ("cast", "Use `np.asarray(arr, dtype=dtype)` instead."),
    ("source", "Use `inspect.getsource` instead."),
    ("lookfor", "Search NumPy's documentation directly."),
    ("who", "Use an IDE variable explorer or `locals()` instead."),
    ("fastCopyAndTranspose", "Use `arr.T.copy()` instead."),
    (
        "set_numeric_ops",
        "For the general case, use `PyUFunc_ReplaceLoopBySignature`. For ndarray subclasses, define the ``__array_ufunc__`` method and override the relevant ufunc.",
    ),
    ("NINF", "Use `-np.inf` instead."),
    ("PINF", "Use `np.inf` instead."),
    ("NZERO", "Use `-0.0` instead."),
    ("PZERO", "Use `0.0` instead."),
    ("add_newdoc", "It's still available as `np.lib.add_newdoc`."),
    (
        "add_docstring",
        "It's still available as `np.lib.add_docstring`.",
    ),
    (
        "add_newdoc_ufunc",
        "It's an internal function and doesn't have a replacement.",
    ),
    ("safe_eval", "Use `ast.literal_eval` instead."),
    ("float_", "Use `np.float64` instead."),
    ("complex_", "Use `np.complex128` instead."),
    ("longfloat", "Use `np.longdouble` instead."),
    ("singlecomplex", "Use `np.complex64` instead."),
    ("cfloat", "Use `np.complex128` instead."),
    ("longcomplex", "Use `np.clongdouble` instead."),
    ("clongfloat", "Use `np.clongdouble` instead."),
    ("string_", "Use `np.bytes_` instead."),
    ("unicode_", "Use `np.str_` instead."),
    ("Inf", "Use `np.inf` instead."),
    ("Infinity", "Use `np.inf` instead."),
    ("NaN", "Use `np.nan` instead."),
    ("infty", "Use `np.inf` instead."),
    ("issctype", "Use `issubclass(rep, np.generic)` instead."),
    (
        "maximum_sctype",
        "Use a specific dtype instead. You should avoid relying on any implicit mechanism and select the largest dtype of a kind explicitly in the code.",
    ),
    ("obj2sctype", "Use `np.dtype(obj).type` instead."),
    ("sctype2char", "Use `np.dtype(obj).char` instead."),
    ("sctypes", "Access dtypes explicitly instead."),
    ("issubsctype", "Use `np.issubdtype` instead."),
    (
        "set_string_function",
        "Use `np.set_printoptions` instead with a formatter for custom printing of NumPy objects.",
    ),
    ("asfarray", "Use `np.asarray` with a proper dtype instead."),
    ("issubclass_", "Use `issubclass` builtin instead."),
    ("tracemalloc_domain", "It's now available from `np.lib`."),
    ("mat", "Use `np.asmatrix` instead."),
    (
        "recfromcsv",
        "Use `np.genfromtxt` with comma delimiter instead.",
    ),
    ("recfromtxt", "Use `np.genfromtxt` instead."),
    (
        "deprecate",
        "Emit `DeprecationWarning` with `warnings.warn` directly, or use `typing.deprecated`.",
    ),
    (
        "deprecate_with_doc",
        "Emit `DeprecationWarning` with `warnings.warn` directly, or use `typing.deprecated`.",
    ),
    (
        "find_common_type",
        "Use `numpy.promote_types` or `numpy.result_type` instead. To achieve semantics for the `scalar_types` argument, use `numpy.result_type` and pass the Python values `0`, `0.0`, or `0j`.",
    ),
    ("round_", "Use `np.round` instead."),
    ("get_array_wrap", ""),
    (
        "DataSource",
        "It's still available as `np.lib.npyio.DataSource`.",
    ),
    ("nbytes", "Use `np.dtype(<dtype>).itemsize` instead."),
    (
        "byte_bounds",
        "Now it's available under `np.lib.array_utils.byte_bounds`",
    ),
    (
        "compare_chararrays",
        "It's still available as `np.char.compare_chararrays`.",
    ),
    (
        "format_parser",
        "It's still available as `np.rec.format_parser`.",
    ),
    ("alltrue", "Use `np.all` instead."),
    ("sometrue", "Use `np.any` instead."),
];
