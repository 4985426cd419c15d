//! The methods of arrays and NumPy scalars as registry rows, each bound from its spec by the
//! parser NumPy uses for it (`npy_parse_arguments`, `PyArg_ParseTupleAndKeywords`,
//! `PyArg_ParseTuple`, or NumPy's Python `_methods._sum`...), so argument errors read as
//! NumPy 2.4's. A scalar's methods are `ndarray`'s run on the scalar as a 0-d array, as
//! NumPy's `gentype_generic_method` does (`Interp::call_entry` converts receiver and result).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Conv, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::kernels::{self, ReduceOp};
use crate::runtime::{DType, Kind, NdArray, OrderArg};

/// Writes each method's row once for `ndarray` and, for those NumPy's scalars share, once for
/// `generic`: the same spec, parser and function. A row is `"name" "spec" Parser function`,
/// with the signature `?` shows when it is not the spec's.
macro_rules! method_rows {
    (both: [$($m:literal $sig:literal $conv:ident $run:ident $($shown:literal)? -> $ret:tt;)*]
     array: [$($am:literal $asig:literal $aconv:ident $arun:ident $($ashown:literal)? -> $aret:tt;)*]) => {
        /// The methods of `ndarray`.
        pub const NDARRAY_ROWS: &[Row] = &[
            $(method_rows!(@returns Row::method(concat!("ndarray.", $m), $sig, $run).conv(Conv::$conv)$(.shown($shown))?, $ret),)*
            $(method_rows!(@returns Row::method(concat!("ndarray.", $am), $asig, $arun).conv(Conv::$aconv)$(.shown($ashown))?, $aret),)*
            Row::wrapper("ndarray.__len__", "()", array_len),
            Row::wrapper("ndarray.__getitem__", "(key, /)", array_getitem),
        ];
        /// The methods of `generic`, NumPy's scalar base class.
        pub const GENERIC_ROWS: &[Row] = &[
            $(Row::method(concat!("generic.", $m), $sig, $run).conv(Conv::$conv)$(.shown($shown))?,)*
        ];
    };
    (@returns $row:expr, _) => { $row };
    (@returns $row:expr, $owner:literal) => { $row.returns($owner) };
}

// Parsers, as NumPy 2.4 declares each method: `Npy` = npy_parse_arguments, `CPython` =
// PyArg_ParseTupleAndKeywords, `ParseTuple` = PyArg_ParseTuple (keywords refused with the
// qualified name; a spec named `function` is an anonymous format), `PyInit` = a Python
// function of `numpy/_core/_methods.py` called with the array as its first argument (counted).
method_rows! {
    both: [
        "item" "(*args)" CPython item -> _;
        "tolist" "function()" ParseTuple tolist -> "list";
        "astype" "(dtype, order='K', casting='unsafe', subok=True, copy=True)" Npy astype -> "ndarray";
        "view" "(dtype?, type?)" Npy view "(*args, **kwargs)" -> "ndarray";
        "copy" "(order='C')" Npy copy -> "ndarray";
        "reshape" "(*shape, order='C', copy=None, **kwargs)" CPython reshape
            "(*shape, order='C', copy=None)" -> "ndarray";
        "sum" "_sum(axis=None, dtype=None, out=None, keepdims=False, initial=<no value>, where=True)"
            PyInit reduce "(axis=None, dtype=None, out=None, **kwargs)" -> "ndarray";
        "min" "_amin(axis=None, out=None, keepdims=False, initial=<no value>, where=True)"
            PyInit reduce "(axis=None, out=None, **kwargs)" -> "ndarray";
        "max" "_amax(axis=None, out=None, keepdims=False, initial=<no value>, where=True)"
            PyInit reduce "(axis=None, out=None, **kwargs)" -> "ndarray";
        "mean" "_mean(axis=None, dtype=None, out=None, keepdims=False, *, where=True)"
            PyInit mean "(axis=None, dtype=None, out=None, **kwargs)" -> "ndarray";
        "prod" "_prod(axis=None, dtype=None, out=None, keepdims=False, initial=<no value>, where=True)"
            PyInit reduce "(axis=None, dtype=None, out=None, **kwargs)" -> "ndarray";
        "round" "(decimals=0, out=None)" CPython round -> "ndarray";
        "tobytes" "(order='C')" CPython tobytes -> "bytes";
        "fill" "(value)" ParseTuple fill -> _;
        "ravel" "(order='C')" Npy ravel -> "ndarray";
        "flatten" "(order='C')" Npy ravel -> "ndarray";
        "conjugate" "(out?, /)" ParseTuple conjugate "()" -> "ndarray";
        "transpose" "(*axes)" CPython transpose -> "ndarray";
        "argmin" "(axis=None, out=None, *, keepdims=False)" Npy arg_reduce -> "ndarray";
        "argmax" "(axis=None, out=None, *, keepdims=False)" Npy arg_reduce -> "ndarray";
        "any" "_any(axis=None, dtype=None, out=None, keepdims=False, *, where=True)"
            PyInit any_all "(axis=None, out=None, keepdims=False, *, where=True)" -> "ndarray";
        "all" "_all(axis=None, dtype=None, out=None, keepdims=False, *, where=True)"
            PyInit any_all "(axis=None, out=None, keepdims=False, *, where=True)" -> "ndarray";
        "cumsum" "(axis=None, dtype=None, out=None)" CPython accumulate -> "ndarray";
        "cumprod" "(axis=None, dtype=None, out=None)" CPython accumulate -> "ndarray";
        "byteswap" "(inplace=False)" CPython byteswap -> "ndarray";
        "conj" "(out?, /)" ParseTuple conjugate "()" -> "ndarray";
        "swapaxes" "(axis1, axis2, /)" ParseTuple swapaxes -> "ndarray";
        "squeeze" "(axis=None)" Npy squeeze -> "ndarray";
        "nonzero" "function()" ParseTuple nonzero -> "tuple";
        "clip" "_clip(min=None, max=None, out=None, **kwargs)" PyInit clip -> "ndarray";
        "std" "_std(axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=<no value>)"
            PyInit std_var "(axis=None, dtype=None, out=None, ddof=0, **kwargs)" -> "ndarray";
        "var" "_var(axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=<no value>)"
            PyInit std_var "(axis=None, dtype=None, out=None, ddof=0, **kwargs)" -> "ndarray";
    ]
    array: [
        "dot" "(b, out=None)" Npy dot "(other, /, out=None)" -> "ndarray";
        "__array__" "(dtype=None, /, *, copy=None)" CPython dunder_array -> "ndarray";
    ]
}

/// The methods NumPy's scalar classes add: `is_integer` once on the abstract `integer` and
/// once on each float type (so its messages name `float64.is_integer`), `integer.__index__`.
pub const SCALAR_CLASS_ROWS: &[Row] = &[
    Row::method("integer.is_integer", "()", is_integer).returns("bool"),
    Row::wrapper("integer.__index__", "()", scalar_index),
    Row::method("float16.is_integer", "()", is_integer).returns("bool"),
    Row::method("float32.is_integer", "()", is_integer).returns("bool"),
    Row::method("float64.is_integer", "()", is_integer).returns("bool"),
];

/// `dtype.newbyteorder`.
pub const DTYPE_ROWS: &[Row] =
    &[
        Row::method("dtype.newbyteorder", "(new_order='S', /)", newbyteorder)
            .conv(Conv::ParseTuple),
    ];

/// The array a method runs on (a scalar's arrives as a 0-d array).
fn this_array(a: &Bound) -> PyResult<Rc<NdArray>> {
    match &a.this {
        Value::Array(arr) => Ok(arr.clone()),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.ndarray",
            &other.type_name(),
        )),
    }
}

fn array_len(it: &mut Interp, a: Bound) -> PyResult<Value> {
    this_array(&a)?;
    let n = it.len_of(&a.this)?;
    Ok(it.new_i64(n as i64))
}

fn array_getitem(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    this_array(&a)?;
    let key = a.req("key")?;
    it.getitem(&a.this, &key)
}

/// `np.int64(3).__index__()`: the Python int (NumPy's `integer` class only has it).
fn scalar_index(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Scalar(_) => {
            let i = it.int_value(&a.this, "")?;
            Ok(it.new_int(i))
        }
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.integer",
            &other.type_name(),
        )),
    }
}

/// `is_integer()`: METH_NOARGS, named after `integer` for integers but after each float type
/// for floats (NumPy defines it per float type: `float64.is_integer() takes no arguments`).
fn is_integer(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let Value::Scalar(s) = &a.this else {
        return Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.generic",
            &a.this.type_name(),
        ));
    };
    Ok(Value::Bool(s.v.to_f64().fract() == 0.0))
}

fn newbyteorder(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::DType(d) => {
            let dt = d.dtype;
            let order = a.take("new_order");
            it.dtype_newbyteorder(dt, order)
        }
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.dtype",
            &other.type_name(),
        )),
    }
}

fn item(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let s = match a.star.as_slice() {
        [] => x.item().ok_or_else(PyError::item_of_sized_array)??,
        [i] => {
            let given = it.int_value(i, "")?.to_i128_saturating();
            let n = x.size() as i128;
            let k = if given < 0 { given + n } else { given };
            if k < 0 || k >= n {
                return Err(PyError::item_index_out_of_bounds(given, n));
            }
            let mut idx = vec![0usize; x.ndim()];
            let mut rem = k as usize;
            for ax in (0..x.ndim()).rev() {
                idx[ax] = rem % x.shape()[ax];
                rem /= x.shape()[ax];
            }
            x.get(&idx)?
        }
        many if many.len() != x.ndim() => return Err(PyError::item_index_count()),
        many => {
            let idx: Vec<crate::runtime::index::IndexItem> = many
                .iter()
                .map(|v| {
                    it.int_value(v, "")
                        .map(|i| crate::runtime::index::IndexItem::Int(i.to_i128_saturating()))
                })
                .collect::<PyResult<_>>()?;
            match x.index_basic(&it.ctx, &idx)? {
                crate::runtime::array::Indexed::Element(s) => s,
                _ => return Err(PyError::item_index_count()),
            }
        }
    };
    it.record_to_python(x.dtype(), &s)
}

fn tolist(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    it.tolist(&x, &mut Vec::new())
}

fn astype(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let dt = a.req("dtype")?;
    let order = a.take("order");
    let copy = it.arg_bool(&mut a, "copy")?;
    let dt = it.to_dtype(&dt)?;
    let dt = if dt.is_flexible() && dt.itemsize == 0 {
        flexible_size_for(x.dtype(), dt)
    } else {
        dt
    };
    let o = it.order_arg(order, OrderArg::K)?;
    // PyArray_AsType: no copy when allowed, the dtype is the same and the layout already
    // satisfies the order
    let layout_ok = match o {
        OrderArg::K => true,
        OrderArg::A => x.is_c_contiguous() || x.is_f_contiguous(),
        OrderArg::C => x.is_c_contiguous(),
        OrderArg::F => x.is_f_contiguous(),
    };
    if !copy && dt == x.dtype() && layout_ok {
        return Ok(a.this);
    }
    Ok(Value::Array(it.copy_in_order(&x, dt, o)?))
}

fn view(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let (dt, ty) = (a.take("dtype"), a.take("type"));
    it.array_view_method(&x, dt, ty)
}

fn copy(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let o = it.order_arg(a.take("order"), OrderArg::C)?;
    // a copy keeps its class (`r.copy()` is a recarray)
    let c = it.copy_in_order(&x, x.dtype(), o)?;
    Ok(Value::Array(c.set_class(x.class())))
}

/// `reshape(*shape, order='C', copy=None)`: NumPy reads the keywords with an anonymous
/// `PyArg_ParseTupleAndKeywords` format (`'x' is an invalid keyword argument for this
/// function`).
fn reshape(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    if let Some((k, _)) = a.kwargs.first() {
        return Err(PyError::anonymous_invalid_keyword(k));
    }
    let order = a.take("order");
    let shape = it.shape_from_args(&a.star)?;
    let o = it.order_arg(order, OrderArg::C)?;
    Ok(Value::Array(x.reshape(&it.ctx, &shape, o)?))
}

/// `ravel(order='C')` (a view when it can be) and `flatten(order='C')` (always a copy).
fn ravel(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let o = it.order_arg(a.take("order"), OrderArg::C)?;
    Ok(Value::Array(if a.func == "flatten" {
        x.flatten(&it.ctx, o)?
    } else {
        x.ravel(&it.ctx, o)?
    }))
}

fn transpose(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let axes = match a.star.as_slice() {
        [] | [Value::None] => None,
        [one] if !matches!(one, Value::Int(_) | Value::Scalar(_)) => Some(it.to_shape(one)?),
        many => Some(it.shape_from_args(many)?),
    };
    let axes: Option<Vec<i64>> = axes.map(|v| v.into_iter().map(|x| x as i64).collect());
    Ok(Value::Array(x.transpose(&it.ctx, axes.as_deref())?))
}

fn swapaxes(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let (a1, a2) = (a.req("axis1")?, a.req("axis2")?);
    let (a1, a2) = (it.axis_value(&a1)?, it.axis_value(&a2)?);
    let nd = x.ndim();
    let i =
        normalize_axis(a1, nd).map_err(|_| PyError::axis_out_of_bounds_named("axis1", a1, nd))?;
    let j =
        normalize_axis(a2, nd).map_err(|_| PyError::axis_out_of_bounds_named("axis2", a2, nd))?;
    let mut perm: Vec<i64> = (0..nd as i64).collect();
    perm.swap(i, j);
    Ok(Value::Array(x.transpose(&it.ctx, Some(&perm))?))
}

fn squeeze(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let axes = match a.take_some("axis") {
        None => None,
        Some(v) => Some(it.axis_list(&v)?),
    };
    Ok(match x.squeeze(&it.ctx, axes.as_deref())? {
        Some(v) => Value::Array(v),
        None => a.this, // nothing to squeeze: NumPy returns the array itself
    })
}

fn fill(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let v = a.req("value")?;
    let s = it.value_to_element(&v, x.dtype())?;
    kernels::fill(&it.ctx, &x, &s)?;
    Ok(Value::None)
}

fn tobytes(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    // PyArray_ToString: 'A' is F for a Fortran-ordered array; 'K' means C
    let o = match it.order_arg(a.take("order"), OrderArg::C)? {
        OrderArg::A if x.layout().is_fortran(x.itemsize()) => OrderArg::F,
        OrderArg::F => OrderArg::F,
        _ => OrderArg::C,
    };
    let bytes = it.array_bytes(&x, o)?;
    Ok(it.new_bytes(bytes))
}

fn dot(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    this_array(&a)?;
    let other = a.req("b")?;
    let out = a.take("out");
    Interp::refuse_out_as(&out, "dot", PyError::dot_out_must_be_array)?;
    it.dot_values(&a.this, &other)
}

fn nonzero(it: &mut Interp, a: Bound) -> PyResult<Value> {
    this_array(&a)?;
    it.call_numpy("numpy.nonzero", vec![a.this], vec![])
}

fn dunder_array(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    this_array(&a)?;
    it.refuse_unsupported(&mut a, &["dtype", "copy"])?;
    Ok(a.this)
}

fn conjugate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let out = a.take("out");
    Interp::refuse_out_as(&out, a.func, PyError::output_must_be_array)?;
    if x.dtype().kind != Kind::Complex {
        return Ok(a.this);
    }
    it.numpy_unary("conjugate", &x)
}

fn round(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let decimals = it.arg_c_int(&mut a, "decimals")?;
    let out = a.take("out");
    Interp::refuse_out_as(&out, a.func, PyError::output_must_be_array)?;
    let r = it.round_array(&x, decimals as i64)?;
    it.wrap_result(r)
}

/// `_clip`: with no bounds it is `positive(a, out=out, **kwargs)`, with one `maximum` or
/// `minimum`, with both `clip`; leftover keywords go to that ufunc, which names itself when
/// it refuses one.
fn clip(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    this_array(&a)?;
    let lo = a.take_some("min");
    let hi = a.take_some("max");
    let out = a.take("out");
    let ufunc = match (&lo, &hi) {
        (None, None) => "positive",
        (Some(_), None) => "maximum",
        (None, Some(_)) => "minimum",
        (Some(_), Some(_)) => "clip",
    };
    const UFUNC_KEYWORDS: &[&str] = &["where", "casting", "order", "dtype", "subok", "signature"];
    if let Some((k, _)) = a.kwargs.first() {
        return Err(if UFUNC_KEYWORDS.contains(&k.as_str()) {
            PyError::not_implemented(format!("arrsh's clip does not support {k}="))
        } else {
            PyError::unexpected_keyword(ufunc, k)
        });
    }
    Interp::refuse_out_as(&out, "clip", PyError::return_arrays_must_be_array_type)?;
    it.clip_values(&a.this, lo, hi)
}

/// `sum`, `prod`, `min`, `max`.
fn reduce(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let op = match a.func {
        "sum" => ReduceOp::Sum,
        "prod" => ReduceOp::Prod,
        "min" => ReduceOp::Min,
        _ => ReduceOp::Max,
    };
    it.reduce_array(&x, op, &mut a)
}

fn mean(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    it.mean_array(&x, &mut a)
}

fn std_var(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    it.var_array(&x, &mut a)
}

fn arg_reduce(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    it.arg_reduce_array(&x, &mut a)
}

fn any_all(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    it.any_all_array(&x, &mut a)
}

fn accumulate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    it.accumulate_array(&x, &mut a)
}

fn byteswap(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = this_array(&a)?;
    let inplace = it.arg_bool(&mut a, "inplace")?;
    it.byteswap_array(&x, inplace)
}

impl Interp {
    pub fn shape_from_args(&mut self, rest: &[Value]) -> PyResult<Vec<i128>> {
        match rest {
            [] => Err(PyError::type_error(
                "reshape() takes exactly 1 argument (0 given)",
            )),
            [one @ (Value::Tuple(_) | Value::List(_))] => self.to_shape(one),
            [one] => self
                .index_int(one)
                .map(|i| vec![i.to_i128_saturating()])
                .ok_or_else(|| {
                    PyError::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        one.type_name()
                    ))
                }),
            many => many
                .iter()
                .map(|v| {
                    self.index_int(v)
                        .map(|i| i.to_i128_saturating())
                        .ok_or_else(|| {
                            PyError::type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                v.type_name()
                            ))
                        })
                })
                .collect(),
        }
    }
}

/// The sized flexible dtype numpy picks for `astype('S')`/`astype('U')`.
fn flexible_size_for(from: DType, to: DType) -> DType {
    let n = match from.kind {
        Kind::Bool => 5,
        Kind::Int | Kind::UInt => 21,
        Kind::Float => 32,
        Kind::Complex => 64,
        Kind::Bytes | Kind::Void => from.itemsize,
        Kind::Str => from.itemsize / 4,
        Kind::Datetime | Kind::Timedelta => crate::runtime::datetime::string_length(from),
    };
    if to.kind == Kind::Str {
        DType::unicode(n)
    } else {
        DType::bytes(n)
    }
}
