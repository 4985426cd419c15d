//! The `numpy` module: its attributes (functions, scalar types, constants, the removed aliases
//! with NumPy 2's messages) and its functions (`arange`, `array`, `zeros`, `linspace`,
//! `as_strided`, `shares_memory`...), plus the `sys`/`time`/`math` module attributes.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::builtins::args::Args;
use crate::eval::object::objects::Objects;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::casting::{Casting, can_cast};
use crate::runtime::kernels::{self, BinaryOp};
use crate::runtime::layout::Layout;
use crate::runtime::print::PrintOptions;
use crate::runtime::{DType, NdArray, Order, OrderArg};

/// The `numpy` module's names that are rows of the registry.
pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.sum",
        "(a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        sum,
    ),
    Row::attr("numpy.pi", pi),
    Row::attr("numpy.e", euler),
];

fn pi(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_float(std::f64::consts::PI))
}

fn euler(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_float(std::f64::consts::E))
}

/// `np.sum(a, ...)`: `a.sum(...)` on `a` made an array (NumPy's `_wrapreduction`).
fn sum(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let kw = a.given_keywords(&["axis", "dtype", "out", "keepdims", "initial", "where"]);
    let arr = match &x {
        Value::Array(_) => x.clone(),
        other => Value::Array(it.to_array(other, None)?),
    };
    it.call_method(&arr, "sum", vec![], kw)
}

/// numpy functions arrsh implements (`np.<name>`), also what `from numpy import *` binds.
pub const NUMPY_FUNCTIONS: &[&str] = &[
    "concatenate",
    "stack",
    "vstack",
    "hstack",
    "reshape",
    "ravel",
    "transpose",
    "swapaxes",
    "moveaxis",
    "expand_dims",
    "squeeze",
    "shares_memory",
    "may_share_memory",
    "mean",
    "min",
    "max",
    "amin",
    "amax",
    "prod",
    "argmin",
    "argmax",
    "cumsum",
    "cumprod",
    "broadcast_to",
    "nonzero",
    "all",
    "any",
    "array_equal",
    "set_printoptions",
    "get_printoptions",
    "ndim",
    "shape",
    "size",
    "isscalar",
    "result_type",
    "promote_types",
    "can_cast",
    "iinfo",
    "finfo",
    "std",
    "var",
];

const SCALAR_TYPES: &[(&str, DType)] = &[
    ("bool", DType::BOOL),
    ("bool_", DType::BOOL),
    ("int8", DType::INT8),
    ("byte", DType::INT8),
    ("int16", DType::INT16),
    ("short", DType::INT16),
    ("int32", DType::INT32),
    ("intc", DType::INT32),
    ("int64", DType::INT64),
    ("int_", DType::INT64),
    ("intp", DType::INT64),
    ("long", DType::INT64),
    ("longlong", DType::INT64),
    ("uint8", DType::UINT8),
    ("ubyte", DType::UINT8),
    ("uint16", DType::UINT16),
    ("ushort", DType::UINT16),
    ("uint32", DType::UINT32),
    ("uintc", DType::UINT32),
    ("uint64", DType::UINT64),
    ("uint", DType::UINT64),
    ("uintp", DType::UINT64),
    ("ulong", DType::UINT64),
    ("ulonglong", DType::UINT64),
    ("float16", DType::FLOAT16),
    ("half", DType::FLOAT16),
    ("float32", DType::FLOAT32),
    ("single", DType::FLOAT32),
    ("float64", DType::FLOAT64),
    ("double", DType::FLOAT64),
    ("complex64", DType::COMPLEX64),
    ("csingle", DType::COMPLEX64),
    ("complex128", DType::COMPLEX128),
    ("cdouble", DType::COMPLEX128),
    ("bytes_", DType::bytes(0)),
    ("str_", DType::unicode(0)),
];

/// Everything `from numpy import *` binds.
pub const NUMPY_NAMES: &[&str] = &[
    "array",
    "concatenate",
    "stack",
    "vstack",
    "hstack",
    "asarray",
    "full",
    "zeros_like",
    "ones_like",
    "empty_like",
    "full_like",
    "linspace",
    "shares_memory",
    "may_share_memory",
    "dot",
    "eye",
    "identity",
    "ascontiguousarray",
    "asfortranarray",
    "frombuffer",
    "broadcast_to",
    "nonzero",
    "newaxis",
    "nan",
    "inf",
    "pi",
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
    "dtype",
    "ndarray",
    "iinfo",
    "finfo",
    "set_printoptions",
    "where",
    "exp",
    "log",
    "log2",
    "log10",
    "sin",
    "cos",
    "tan",
    "floor",
    "ceil",
    "trunc",
    "rint",
    "isnan",
    "isinf",
    "isfinite",
    "around",
    "clip",
];

/// `np.<name>` for names that need no session state beyond the object registry.
pub fn numpy_attr(objects: &Objects, name: &str) -> Option<Value> {
    if let Some(e) =
        crate::eval::registry::lookup("numpy", name).map(crate::eval::registry::resolve)
        && e.is_callable()
    {
        return Some(objects.function(e.row.name));
    }
    if let Some(f) = NUMPY_FUNCTIONS.iter().find(|f| **f == name) {
        return Some(objects.function(leak_numpy_name(f)));
    }
    if let Some((_, dt)) = SCALAR_TYPES.iter().find(|(n, _)| *n == name) {
        return Some(objects.type_object(TypeKind::NpScalar(*dt)));
    }
    match name {
        "dtype" => Some(objects.type_object(TypeKind::DTypeClass)),
        "ndarray" => Some(objects.type_object(TypeKind::Ndarray)),
        // the abstract scalar classes, for isinstance (Python-side; see constructors.rs)
        "generic" | "number" | "integer" | "signedinteger" | "unsignedinteger" | "inexact"
        | "floating" | "complexfloating" | "flexible" | "character" => {
            let n = [
                "generic",
                "number",
                "integer",
                "signedinteger",
                "unsignedinteger",
                "inexact",
                "floating",
                "complexfloating",
                "flexible",
                "character",
            ]
            .into_iter()
            .find(|n| *n == name)?;
            Some(objects.type_object(TypeKind::NpAbstract(n)))
        }
        "newaxis" => Some(Value::None),
        "lib" => objects.module("numpy.lib"),
        _ => None,
    }
}

/// `numpy.<f>` as a `&'static str` (function objects are named by their qualified name).
fn leak_numpy_name(f: &'static str) -> &'static str {
    // NUMPY_FUNCTIONS entries are 'static; the qualified names are interned once per name
    static NAMES: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        NUMPY_FUNCTIONS
            .iter()
            .map(|f| (*f, &*Box::leak(format!("numpy.{f}").into_boxed_str())))
            .collect()
    });
    names
        .iter()
        .find(|(k, _)| *k == f)
        .map_or("numpy.array", |(_, q)| q)
}

impl Interp {
    pub fn module_attr(&mut self, module: &str, name: &str) -> PyResult<Value> {
        if let Some(r) = self.registry_module_attr(module, name) {
            return r;
        }
        match module {
            "numpy" => {
                if let Some(v) = numpy_attr(&self.objects, name) {
                    return Ok(v);
                }
                Ok(match name {
                    "nan" => self.new_float(f64::NAN),
                    "inf" => self.new_float(f64::INFINITY),
                    "pi" => self.new_float(std::f64::consts::PI),
                    "e" => self.new_float(std::f64::consts::E),
                    "__version__" => self.new_str("2.4.6".into()),
                    "int" => {
                        return Err(PyError::removed_numpy_alias(
                            "int",
                            "int",
                            "When replacing `np.int`, you may wish to use e.g. `np.int64` or `np.int32` to specify the precision. If you wish to review your current use, check the release note link for additional information.",
                        ));
                    }
                    "float" => {
                        return Err(PyError::removed_numpy_alias(
                            "float",
                            "float",
                            "If you specifically wanted the numpy scalar type, use `np.float64` here.",
                        ));
                    }
                    "complex" => {
                        return Err(PyError::removed_numpy_alias(
                            "complex",
                            "complex",
                            "If you specifically wanted the numpy scalar type, use `np.complex128` here.",
                        ));
                    }
                    "str" => {
                        return Err(PyError::removed_numpy_alias(
                            "str",
                            "str",
                            "If you specifically wanted the numpy scalar type, use `np.str_` here.",
                        ));
                    }
                    "object" => return Err(PyError::removed_numpy_alias("object", "object", "")),
                    _ => {
                        if let Some(msg) = expired_numpy_attr(name) {
                            return Err(PyError::attribute(format!(
                                "`np.{name}` was removed in the NumPy 2.0 release. {msg}"
                            )));
                        }
                        return Err(PyError::module_no_attribute("numpy", name));
                    }
                })
            }
            "numpy.lib" => match name {
                "stride_tricks" => Ok(self
                    .objects
                    .module("numpy.lib.stride_tricks")
                    .unwrap_or(Value::None)),
                _ => Err(PyError::module_no_attribute("numpy.lib", name)),
            },
            "numpy.lib.stride_tricks" => match name {
                "as_strided" => Ok(self.objects.function("numpy.lib.stride_tricks.as_strided")),
                "sliding_window_view" => Ok(self
                    .objects
                    .function("numpy.lib.stride_tricks.sliding_window_view")),
                "broadcast_to" => Ok(self.objects.function("numpy.broadcast_to")),
                _ => Err(PyError::module_no_attribute(
                    "numpy.lib.stride_tricks",
                    name,
                )),
            },
            "sys" => match name {
                "getsizeof" => Ok(self.objects.function("sys.getsizeof")),
                "getrecursionlimit" => Ok(self.objects.function("sys.getrecursionlimit")),
                "get_int_max_str_digits" => Ok(self.objects.function("sys.get_int_max_str_digits")),
                "maxsize" => Ok(self.new_i64(i64::MAX)),
                "version" => Ok(self.new_str("3.11.7 (arrsh)".into())),
                "byteorder" => Ok(self.new_str("little".into())),
                _ => Err(PyError::module_no_attribute("sys", name)),
            },
            "time" => match name {
                "time" => Ok(self.objects.function("time.time")),
                "perf_counter" => Ok(self.objects.function("time.perf_counter")),
                "monotonic" => Ok(self.objects.function("time.monotonic")),
                "sleep" => Ok(self.objects.function("time.sleep")),
                _ => Err(PyError::module_no_attribute("time", name)),
            },
            "math" => match name {
                "pi" => Ok(self.new_float(std::f64::consts::PI)),
                "e" => Ok(self.new_float(std::f64::consts::E)),
                "inf" => Ok(self.new_float(f64::INFINITY)),
                "nan" => Ok(self.new_float(f64::NAN)),
                "sqrt" => Ok(self.objects.function("math.sqrt")),
                "floor" => Ok(self.objects.function("math.floor")),
                "ceil" => Ok(self.objects.function("math.ceil")),
                "log" => Ok(self.objects.function("math.log")),
                "exp" => Ok(self.objects.function("math.exp")),
                "isnan" => Ok(self.objects.function("math.isnan")),
                "isinf" => Ok(self.objects.function("math.isinf")),
                _ => Err(PyError::module_no_attribute("math", name)),
            },
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
        if let Some(e) = crate::eval::registry::get(qual) {
            return self.call_entry(e, Value::None, args, kw);
        }
        let name = qual.rsplit('.').next().unwrap_or(qual);
        let mut p = Args::new(name, args, kw);
        match name {
            "reshape" | "ravel" | "transpose" | "swapaxes" | "squeeze" | "mean" | "min" | "max"
            | "prod" | "argmin" | "argmax" | "amin" | "amax" | "all" | "any" | "cumsum"
            | "cumprod" | "std" | "var" => {
                let a = p.req(0, "a")?;
                let mut rest = p.rest(1);
                let mut kw = p.take_kw();
                p.finish()?;
                if name == "reshape"
                    && let Some(pos) = kw.iter().position(|(k, _)| k == "newshape" || k == "shape")
                {
                    rest.insert(0, kw.remove(pos).1);
                }
                let arr = match &a {
                    Value::Array(_) => a.clone(),
                    other => Value::Array(self.to_array(other, None)?),
                };
                let method = match name {
                    "amin" => "min",
                    "amax" => "max",
                    other => other,
                };
                let r = self.call_method(&arr, method, rest, kw)?;
                Ok(r)
            }
            "concatenate" | "stack" | "vstack" | "hstack" => self.call_joining(name, p),
            "moveaxis" => {
                let a = p.req(0, "a")?;
                let src = p.req(1, "source")?;
                let dst = p.req(2, "destination")?;
                p.finish()?;
                let a = self.to_array(&a, None)?;
                let nd = a.ndim();
                let src = self.axis_list(&src)?;
                let dst = self.axis_list(&dst)?;
                let src = normalize_axis_tuple(&src, nd, Some("source"))?;
                let dst = normalize_axis_tuple(&dst, nd, Some("destination"))?;
                if src.len() != dst.len() {
                    return Err(PyError::moveaxis_length_mismatch());
                }
                let mut order: Vec<usize> = (0..nd).filter(|x| !src.contains(x)).collect();
                let mut pairs: Vec<(usize, usize)> = dst.into_iter().zip(src).collect();
                pairs.sort_unstable();
                for (d, s) in pairs {
                    order.insert(d, s);
                }
                let order: Vec<i64> = order.into_iter().map(|x| x as i64).collect();
                Ok(Value::Array(a.transpose(&self.ctx, Some(&order))?))
            }
            "expand_dims" => {
                // numpy: normalise the axes against the new ndim, then reshape (so the strides
                // are reshape's, not an inserted zero)
                let a = p.req(0, "a")?;
                let axis = p.req(1, "axis")?;
                p.finish()?;
                let a = self.to_array(&a, None)?;
                let axes = self.axis_list(&axis)?;
                let out_nd = a.ndim() + axes.len();
                let axes = normalize_axis_tuple(&axes, out_nd, None)?;
                let mut dims = a.shape().to_vec().into_iter();
                let shape: Vec<i128> = (0..out_nd)
                    .map(|ax| {
                        if axes.contains(&ax) {
                            1
                        } else {
                            dims.next().unwrap_or(1) as i128
                        }
                    })
                    .collect();
                Ok(Value::Array(a.reshape(&self.ctx, &shape, OrderArg::C)?))
            }
            "shares_memory" | "may_share_memory" => {
                let a = p.req(0, "a")?;
                let b = p.req(1, "b")?;
                let _max_work = p.opt(2, "max_work")?;
                p.finish()?;
                let (Value::Array(x), Value::Array(y)) = (&a, &b) else {
                    return Ok(Value::Bool(false));
                };
                Ok(Value::Bool(if name == "shares_memory" {
                    x.shares_memory(y)
                } else {
                    x.may_share_memory(y)
                }))
            }
            "as_strided" => {
                let x = p.req(0, "x")?;
                let shape = p.opt(1, "shape")?;
                let strides = p.opt(2, "strides")?;
                let _subok = p.opt(3, "subok")?;
                let writeable = p.opt(4, "writeable")?;
                let _check = p.kw_only("check_bounds");
                p.finish()?;
                let x = self.to_array(&x, None)?;
                let shape: Vec<i128> = match shape {
                    Some(s) if !s.is_none() => self.to_shape(&s)?,
                    _ => x.shape().iter().map(|&d| d as i128).collect(),
                };
                let strides: Vec<i128> = match strides {
                    Some(s) if !s.is_none() => self.to_shape(&s)?,
                    _ => x.strides().iter().map(|&d| d as i128).collect(),
                };
                let writeable = match writeable {
                    Some(v) => self.truthy(&v)?,
                    None => true,
                };
                let holder = self.dummy_array(&x);
                Ok(Value::Array(x.as_strided(
                    &self.ctx, &shape, &strides, writeable, holder,
                )?))
            }
            "sliding_window_view" => {
                let x = p.req(0, "x")?;
                let window = p.req(1, "window_shape")?;
                let axis = p.opt(2, "axis")?;
                let _subok = p.kw_only("subok");
                let writeable = p.kw_only("writeable");
                p.finish()?;
                let x = self.to_array(&x, None)?;
                let window = self.to_shape(&window)?;
                if window.iter().any(|&w| w < 0) {
                    return Err(PyError::value(
                        "`window_shape` cannot contain negative values",
                    ));
                }
                let axes: Vec<usize> = match axis {
                    None | Some(Value::None) => {
                        if window.len() != x.ndim() {
                            return Err(PyError::value(format!(
                                "Since axis is `None`, must provide window_shape for all dimensions of `x`; got {} window_shape elements and `x.ndim` is {}.",
                                window.len(),
                                x.ndim()
                            )));
                        }
                        (0..x.ndim()).collect()
                    }
                    Some(a) => {
                        let list = self.to_shape(&a)?;
                        if window.len() != list.len() {
                            return Err(PyError::value(format!(
                                "Must provide matching length window_shape and axis; got {} window_shape elements and {} axes elements.",
                                window.len(),
                                list.len()
                            )));
                        }
                        list.iter()
                            .map(|&ax| crate::runtime::array::normalize_axis(ax as i64, x.ndim()))
                            .collect::<PyResult<_>>()?
                    }
                };
                let mut strides: Vec<i128> = x.strides().iter().map(|&s| s as i128).collect();
                strides.extend(axes.iter().map(|&ax| x.strides()[ax] as i128));
                let mut shape: Vec<i128> = x.shape().iter().map(|&d| d as i128).collect();
                for (&ax, &w) in axes.iter().zip(&window) {
                    if shape[ax] < w {
                        return Err(PyError::value(
                            "window shape cannot be larger than input array shape",
                        ));
                    }
                    shape[ax] -= w - 1;
                }
                shape.extend(window.iter().copied());
                let writeable = match writeable {
                    Some(v) => self.truthy(&v)?,
                    None => false,
                };
                let holder = self.dummy_array(&x);
                Ok(Value::Array(x.as_strided(
                    &self.ctx, &shape, &strides, writeable, holder,
                )?))
            }
            "broadcast_to" => {
                let a = p.req(0, "array")?;
                let shape = p.req(1, "shape")?;
                let _subok = p.opt(2, "subok")?;
                p.finish()?;
                let a = self.to_array(&a, None)?;
                let shape = match &shape {
                    Value::Tuple(_) | Value::List(_) => self.to_shape(&shape)?,
                    one => vec![self.int_value(one, "")?.to_i128_saturating()],
                };
                // numpy's _broadcast_to, in its order of checks
                if shape.is_empty() && a.ndim() > 0 {
                    return Err(PyError::value(
                        "cannot broadcast a non-scalar to a scalar array",
                    ));
                }
                if shape.iter().any(|&d| d < 0) {
                    return Err(PyError::value(
                        "all elements of broadcast shape must be non-negative",
                    ));
                }
                let shape = Layout::checked_size(&shape, a.itemsize())?;
                if a.ndim() > shape.len() {
                    return Err(PyError::value(
                        "input operand has more dimensions than allowed by the axis remapping",
                    ));
                }
                let Some(mut layout) = kernels::broadcast_layout(&a.layout(), &shape) else {
                    return Err(PyError::value(format!(
                        "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
                        crate::error::np_shape_str(&a.shape()),
                        crate::error::np_shape_str(&shape)
                    )));
                };
                // the view comes from nditer, which gives every length-1 axis a zero stride
                for (s, &n) in layout.strides.iter_mut().zip(&shape) {
                    if n == 1 {
                        *s = 0;
                    }
                }
                Ok(Value::Array(
                    a.view_with(&self.ctx, a.dtype(), layout).into_readonly(),
                ))
            }
            "nonzero" => {
                let a = p.req(0, "a")?;
                p.finish()?;
                let a = self.to_array(&a, None)?;
                let b = kernels::cast_array(&self.ctx, &a, DType::BOOL, Order::C)?;
                let nd = b.ndim().max(1);
                let mut per_dim: Vec<Vec<i64>> = vec![Vec::new(); nd];
                let bytes = b.buffer().bytes()?;
                let shape = b.shape().to_vec();
                for (flat, &x) in bytes[..b.size()].iter().enumerate() {
                    if x != 0 {
                        let mut rem = flat;
                        for d in (0..shape.len()).rev() {
                            per_dim[d].push((rem % shape[d]) as i64);
                            rem /= shape[d];
                        }
                        if shape.is_empty() {
                            per_dim[0].push(0);
                        }
                    }
                }
                drop(bytes);
                let mut items = Vec::with_capacity(nd);
                for v in per_dim {
                    let arr =
                        self.new_filled(&[v.len() as i128], DType::INT64, Order::C, "empty")?;
                    {
                        let mut out = arr.buffer().bytes_mut()?;
                        for (k, x) in v.iter().enumerate() {
                            out[k * 8..k * 8 + 8].copy_from_slice(&x.to_le_bytes());
                        }
                    }
                    items.push(Value::Array(arr));
                }
                Ok(self.new_tuple(items))
            }
            "array_equal" => {
                let a = p.req(0, "a1")?;
                let b = p.req(1, "a2")?;
                p.finish()?;
                let x = self.to_array(&a, None)?;
                let y = self.to_array(&b, None)?;
                if *x.shape() != *y.shape() {
                    return Ok(Value::Bool(false));
                }
                let eq =
                    self.numpy_binary(&Value::Array(x), BinaryOp::Eq, &Value::Array(y), "==")?;
                let all = self.call_method(&eq, "all", vec![], vec![])?;
                Ok(Value::Bool(self.truthy(&all)?))
            }
            "ndim" | "shape" | "size" => {
                let a = p.req(0, "a")?;
                p.finish()?;
                let arr = self.to_array(&a, None)?;
                let v = Value::Array(arr);
                self.getattr(&v, name)
            }
            "isscalar" => {
                let a = p.req(0, "element")?;
                p.finish()?;
                Ok(Value::Bool(matches!(
                    a,
                    Value::Int(_)
                        | Value::Float(_)
                        | Value::Bool(_)
                        | Value::Complex(_)
                        | Value::Str(_)
                        | Value::Bytes(_)
                        | Value::Scalar(_)
                )))
            }
            "result_type" | "promote_types" => {
                let items = p.rest(0);
                p.finish()?;
                let mut dt: Option<DType> = None;
                for it in &items {
                    let d = match it {
                        Value::Array(a) => a.dtype(),
                        Value::Scalar(s) => s.dtype,
                        Value::Int(_) => DType::INT64,
                        Value::Float(_) => DType::FLOAT64,
                        Value::Bool(_) => DType::BOOL,
                        Value::Complex(_) => DType::COMPLEX128,
                        other => self.to_dtype(other)?,
                    };
                    dt = Some(match dt {
                        None => d,
                        Some(x) => crate::runtime::dtype::promote(x, d)
                            .ok_or_else(|| PyError::type_error("no common DType"))?,
                    });
                }
                let dt =
                    dt.ok_or_else(|| PyError::value("at least one array or dtype is required"))?;
                Ok(self.new_dtype(dt))
            }
            "can_cast" => {
                let from = p.req(0, "from_")?;
                let to = p.req(1, "to")?;
                let casting = p.opt(2, "casting")?;
                p.finish()?;
                let f = self.to_dtype(&from)?;
                let t = self.to_dtype(&to)?;
                let rule = match casting {
                    None => Casting::Safe,
                    some => self.casting_arg(some)?,
                };
                Ok(Value::Bool(can_cast(f, t, rule)))
            }
            "iinfo" | "finfo" => {
                let v = p.req(0, if name == "iinfo" { "int_type" } else { "dtype" })?;
                p.finish()?;
                self.type_info(name, &v)
            }
            "set_printoptions" => {
                let names = [
                    "precision",
                    "threshold",
                    "edgeitems",
                    "linewidth",
                    "suppress",
                    "nanstr",
                    "infstr",
                    "formatter",
                    "sign",
                    "floatmode",
                    "legacy",
                ];
                let mut vals = Vec::new();
                for (i, n) in names.iter().enumerate() {
                    vals.push((*n, p.opt(i, n)?));
                }
                let _override = p.kw_only("override_repr");
                p.finish()?;
                self.set_printoptions(vals)?;
                Ok(Value::None)
            }
            "get_printoptions" => {
                p.finish()?;
                let o = self.print_opts.clone();
                let items = vec![
                    (
                        self.new_str("edgeitems".into()),
                        self.new_i64(o.edgeitems as i64),
                    ),
                    (
                        self.new_str("threshold".into()),
                        self.new_i64(o.threshold as i64),
                    ),
                    (
                        self.new_str("floatmode".into()),
                        self.new_str(float_mode_name(o.floatmode).into()),
                    ),
                    (
                        self.new_str("precision".into()),
                        self.new_i64(o.precision as i64),
                    ),
                    (self.new_str("suppress".into()), Value::Bool(o.suppress)),
                    (
                        self.new_str("linewidth".into()),
                        self.new_i64(o.linewidth as i64),
                    ),
                    (
                        self.new_str("nanstr".into()),
                        self.new_str(o.nanstr.clone()),
                    ),
                    (
                        self.new_str("infstr".into()),
                        self.new_str(o.infstr.clone()),
                    ),
                    (
                        self.new_str("sign".into()),
                        self.new_str(o.sign.to_string()),
                    ),
                    (self.new_str("formatter".into()), Value::None),
                    (
                        self.new_str("legacy".into()),
                        match o.legacy {
                            Some(v) => self.new_str(format!("{}.{}", v / 100, v % 100)),
                            None => Value::Bool(false),
                        },
                    ),
                    (self.new_str("override_repr".into()), Value::None),
                ];
                self.new_dict(items)
            }
            other => Err(PyError::module_no_attribute("numpy", other)),
        }
    }

    /// NumPy's `DummyArray` wrapping the array given to `as_strided` (the result's `.base`).
    fn dummy_array(&self, x: &Rc<NdArray>) -> Rc<dyn std::any::Any> {
        Rc::new(DummyArray {
            id: self.ctx.heap.object(48),
            base: x.clone(),
        })
    }

    fn set_printoptions(&mut self, vals: Vec<(&str, Option<Value>)>) -> PyResult<()> {
        use crate::runtime::print::FloatMode;
        let mut o = self.print_opts.clone();
        for (name, v) in vals {
            let Some(v) = v else { continue };
            if v.is_none() {
                continue;
            }
            let int = |me: &Interp, v: &Value| -> PyResult<usize> {
                let i = me.int_value(v, "")?;
                usize::try_from(i.to_i64().unwrap_or(-1))
                    .map_err(|_| PyError::value(format!("{name} must be a non-negative integer")))
            };
            match name {
                "precision" => o.precision = int(self, &v)?,
                "threshold" => o.threshold = int(self, &v)?,
                "edgeitems" => o.edgeitems = int(self, &v)?,
                "linewidth" => o.linewidth = int(self, &v)?,
                "suppress" => o.suppress = self.truthy(&v)?,
                "nanstr" => o.nanstr = self.str(&v)?,
                "infstr" => o.infstr = self.str(&v)?,
                "sign" => {
                    let s = self.str(&v)?;
                    o.sign = match s.as_str() {
                        "-" | "+" | " " => s.chars().next().unwrap_or('-'),
                        _ => {
                            return Err(PyError::value(
                                "sign option must be one of ' ', '+', or '-'",
                            ));
                        }
                    };
                }
                "floatmode" => {
                    let s = self.str(&v)?;
                    o.floatmode = match s.as_str() {
                        "fixed" => FloatMode::Fixed,
                        "unique" => FloatMode::Unique,
                        "maxprec" => FloatMode::MaxPrec,
                        "maxprec_equal" => FloatMode::MaxPrecEqual,
                        _ => {
                            return Err(PyError::value(
                                "floatmode option must be one of 'fixed', 'unique', 'maxprec', or 'maxprec_equal'",
                            ));
                        }
                    };
                }
                "legacy" => {
                    o.legacy = match &v {
                        Value::Bool(false) => None,
                        Value::Str(s) => match PrintOptions::parse_legacy(&s.v) {
                            Some(level) => Some(level),
                            None => {
                                return Err(PyError::value(
                                    "legacy printing option can currently only be '1.13', '1.21', '1.25', '2.1', '2.2' or `False`",
                                ));
                            }
                        },
                        _ => {
                            return Err(PyError::value(
                                "legacy printing option can currently only be '1.13', '1.21', '1.25', '2.1', '2.2' or `False`",
                            ));
                        }
                    };
                }
                _ => {}
            }
        }
        self.print_opts = o;
        Ok(())
    }
}

fn float_mode_name(m: crate::runtime::print::FloatMode) -> &'static str {
    use crate::runtime::print::FloatMode;
    match m {
        FloatMode::Fixed => "fixed",
        FloatMode::Unique => "unique",
        FloatMode::MaxPrec => "maxprec",
        FloatMode::MaxPrecEqual => "maxprec_equal",
    }
}

/// NumPy 2.0's `__expired_attributes__` (numpy/_expired_attrs_2_0.py), the ones lessons meet.
fn expired_numpy_attr(name: &str) -> Option<&'static str> {
    Some(match name {
        "float_" => "Use `np.float64` instead.",
        "complex_" => "Use `np.complex128` instead.",
        "cfloat" => "Use `np.complex128` instead.",
        "singlecomplex" => "Use `np.complex64` instead.",
        "string_" => "Use `np.bytes_` instead.",
        "unicode_" => "Use `np.str_` instead.",
        "Inf" | "Infinity" | "infty" | "PINF" => "Use `np.inf` instead.",
        "NINF" => "Use `-np.inf` instead.",
        "NaN" => "Use `np.nan` instead.",
        "NZERO" => "Use `-0.0` instead.",
        "PZERO" => "Use `0.0` instead.",
        "round_" => "Use `np.round` instead.",
        "alltrue" => "Use `np.all` instead.",
        "sometrue" => "Use `np.any` instead.",
        "asfarray" => "Use `np.asarray` with a proper dtype instead.",
        "cast" => "Use `np.asarray(arr, dtype=dtype)` instead.",
        "fastCopyAndTranspose" => "Use `arr.T.copy()` instead.",
        "nbytes" => "Use `np.dtype(<dtype>).itemsize` instead.",
        "byte_bounds" => "Now it's available under `np.lib.array_utils.byte_bounds`",
        "mat" => "Use `np.asmatrix` instead.",
        "issubclass_" => "Use `issubclass` builtin instead.",
        _ => return None,
    })
}

/// numpy's `normalize_axis_tuple`: each axis normalised (an AxisError names `arg` when given),
/// then duplicates refused.
fn normalize_axis_tuple(axes: &[i64], ndim: usize, arg: Option<&str>) -> PyResult<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let ax = crate::runtime::array::normalize_axis(a, ndim).map_err(|e| match arg {
            Some(name) => PyError::axis_out_of_bounds_named(name, a, ndim),
            None => e,
        })?;
        if out.contains(&ax) {
            return Err(match arg {
                Some(name) => PyError::repeated_axis_in(name),
                None => PyError::repeated_axis_plain(),
            });
        }
        out.push(ax);
    }
    Ok(out)
}
