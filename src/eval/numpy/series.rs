//! Functions of sampled sequences: `convolve` and `correlate` (sliding products, a typed
//! kernel), `cov` and `corrcoef` (covariances), `gradient` (finite differences). The last three
//! are written as NumPy writes them in Python: whole-array operations in the same order, so
//! dtypes, warnings and rounding follow from the ufuncs they call.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::dtype::promote;
use crate::runtime::kernels::{self, CorrMode};
use crate::runtime::{DType, Kind, NdArray};
use crate::syntax::ast::{BinOp, UnaryOp};

use super::arrange::along;

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.convolve", "(a, v, mode='full')", convolve),
    Row::np_py("numpy.correlate", "(a, v, mode='valid')", correlate),
    Row::np_py(
        "numpy.cov",
        "(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None)",
        cov,
    ),
    Row::np_py(
        "numpy.corrcoef",
        "(x, y=None, rowvar=True, *, dtype=None)",
        corrcoef,
    ),
    Row::np_py(
        "numpy.gradient",
        "(f, *varargs, axis=None, edge_order=1)",
        gradient,
    ),
];

/// `mode=` of `convolve`/`correlate` as `PyArray_CorrelatemodeConverter` reads it: a string
/// spelled exactly, or 0, 1, 2.
fn corr_mode(it: &mut Interp, v: Option<Value>, default: CorrMode) -> PyResult<CorrMode> {
    let Some(v) = v else { return Ok(default) };
    if let Value::Str(s) = &v {
        let shown = it.repr(&v)?;
        let (mode, exact) = match s.v.chars().next() {
            Some('v' | 'V') => (CorrMode::Valid, "valid"),
            Some('s' | 'S') => (CorrMode::Same, "same"),
            Some('f' | 'F') => (CorrMode::Full, "full"),
            _ => {
                return Err(PyError::value(format!(
                    "mode must be one of 'valid', 'same', or 'full' (got {shown})"
                )));
            }
        };
        if s.v != exact {
            return Err(PyError::value(
                "Use one of 'valid', 'same', or 'full' for convolve/correlate mode",
            ));
        }
        return Ok(mode);
    }
    let n = match &v {
        Value::Int(_) | Value::Bool(_) | Value::Scalar(_) => it.c_long(&v).ok(),
        _ => None,
    };
    match n {
        None => Err(PyError::type_error(
            "convolve/correlate mode not understood",
        )),
        Some(0) => Ok(CorrMode::Valid),
        Some(1) => Ok(CorrMode::Same),
        Some(2) => Ok(CorrMode::Full),
        Some(_) => Err(PyError::value(
            "integer convolve/correlate mode must be 0, 1, or 2",
        )),
    }
}

/// `multiarray.correlate2(a, v, mode)`: both read as 1-d arrays of their common type
/// (`PyArray_DTypeFromObject`), `v` conjugated when complex. `conjugate: false` is the old
/// `multiarray.correlate` that `np.convolve` calls, which does not conjugate.
fn correlate2(
    it: &mut Interp,
    a: &Rc<NdArray>,
    v: &Rc<NdArray>,
    mode: CorrMode,
    conjugate: bool,
) -> PyResult<Value> {
    let dt = promote(a.dtype(), v.dtype())
        .ok_or_else(|| PyError::value("function not available for this data type"))?
        .to_native();
    for x in [a, v] {
        match x.ndim() {
            0 => {
                return Err(PyError::value(
                    "object of too small depth for desired array",
                ));
            }
            1 => {}
            _ => return Err(PyError::value("object too deep for desired array")),
        }
    }
    if a.size() == 0 {
        return Err(PyError::value("first array argument cannot be empty"));
    }
    if v.size() == 0 {
        return Err(PyError::value("second array argument cannot be empty"));
    }
    let v = if conjugate && dt.kind == Kind::Complex {
        let c = it.numpy_unary("conjugate", v)?;
        it.to_array(&c, None)?
    } else {
        v.clone()
    };
    let r = kernels::correlate(&it.ctx, a, &v, dt, mode)?;
    Ok(Value::Array(r))
}

/// `np.correlate(a, v, mode='valid')`.
fn correlate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let v = a.req("v")?;
    let mode = corr_mode(it, a.take("mode"), CorrMode::Valid)?;
    let x = it.to_array(&x, None)?;
    let v = it.to_array(&v, None)?;
    correlate2(it, &x, &v, mode, true)
}

/// `np.convolve(a, v, mode='full')`: at least 1-d, the longer first, `correlate` with `v`
/// reversed.
fn convolve(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let v = a.req("v")?;
    let mode = a.take("mode");
    let mut x = at_least_1d(it, &x)?;
    let mut v = at_least_1d(it, &v)?;
    if x.shape()[0] == 0 {
        return Err(PyError::value("a cannot be empty"));
    }
    if v.shape()[0] == 0 {
        return Err(PyError::value("v cannot be empty"));
    }
    if v.shape()[0] > x.shape()[0] {
        std::mem::swap(&mut x, &mut v);
    }
    let mode = corr_mode(it, mode, CorrMode::Full)?;
    let minus_one = it.new_i64(-1);
    let back = it.new_slice(Value::None, Value::None, minus_one);
    let rev = it.getitem(&Value::Array(v), &back)?;
    let rev = it.to_array(&rev, None)?;
    correlate2(it, &x, &rev, mode, false)
}

/// `np.array(x, copy=None, ndmin=1)`.
fn at_least_1d(it: &mut Interp, x: &Value) -> PyResult<Rc<NdArray>> {
    let arr = it.to_array(x, None)?;
    if arr.ndim() > 0 {
        return Ok(arr);
    }
    arr.reshape(&it.ctx, &[1], crate::runtime::OrderArg::C)
}

/// `x.shape[i]`.
fn dim(it: &mut Interp, x: &Value, i: usize) -> PyResult<usize> {
    Ok(it.to_array(x, None)?.shape().get(i).copied().unwrap_or(0))
}

/// `np.array(x, ndmin=2, dtype=dt)`, transposed when observations are rows (`rowvar=False`)
/// and `transpose` says this input takes it.
fn observations(
    it: &mut Interp,
    x: &Value,
    dt: &Value,
    transpose: impl Fn(&NdArray) -> bool,
) -> PyResult<Value> {
    let two = it.new_i64(2);
    let arr = it.call_numpy(
        "numpy.array",
        vec![x.clone()],
        vec![("ndmin".into(), two), ("dtype".into(), dt.clone())],
    )?;
    let a = it.to_array(&arr, None)?;
    if transpose(&a) {
        return it.getattr(&arr, "T");
    }
    Ok(arr)
}

/// `np.cov(m, y, rowvar, bias, ddof, dtype=)`: rows are variables (columns with
/// `rowvar=False`), `(X - mean) @ (X - mean).T.conj() * (1 / (n - ddof))`.
fn cov(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["fweights", "aweights"])?;
    let ddof = match a.take_some("ddof") {
        None => None,
        Some(v) => {
            let whole = match &v {
                Value::Float(f) if f.v.fract() != 0.0 || !f.v.is_finite() => None,
                Value::Float(f) => Some(f.v as i64),
                _ => Some(it.c_long(&v)?),
            };
            Some(whole.ok_or_else(|| PyError::value("ddof must be integer"))?)
        }
    };
    let m = a.req("m")?;
    let y = a.take_some("y");
    let rowvar = it.arg_bool(&mut a, "rowvar")?;
    let bias = it.arg_bool(&mut a, "bias")?;
    let dtype = a.take_some("dtype");
    let m = Value::Array(it.to_array(&m, None)?);
    let m_ndim = it.to_array(&m, None)?.ndim();
    if m_ndim > 2 {
        return Err(PyError::value("m has more than 2 dimensions"));
    }
    let y = match y {
        None => None,
        Some(y) => {
            let ya = it.to_array(&y, None)?;
            if ya.ndim() > 2 {
                return Err(PyError::value("y has more than 2 dimensions"));
            }
            Some(Value::Array(ya))
        }
    };
    let dt = match dtype {
        Some(d) => d,
        None => {
            let mut args = vec![m.clone()];
            args.extend(y.clone());
            args.push(it.new_dtype(DType::FLOAT64));
            it.call_numpy("numpy.result_type", args, vec![])?
        }
    };
    let mut x = observations(it, &m, &dt, |_| !rowvar && m_ndim != 1)?;
    if dim(it, &x, 0)? == 0 {
        let empty = it.call_numpy("numpy.array", vec![it.new_list(vec![])], vec![])?;
        let (z1, z2) = (it.new_i64(0), it.new_i64(0));
        return it.call_method(&empty, "reshape", vec![z1, z2], vec![]);
    }
    if let Some(y) = y {
        let y = observations(it, &y, &dt, |a| !rowvar && a.shape()[0] != 1)?;
        let pair = it.new_tuple(vec![x, y]);
        let zero = it.new_i64(0);
        x = it.call_numpy("numpy.concatenate", vec![pair], vec![("axis".into(), zero)])?;
    }
    let ddof = ddof.unwrap_or(if bias { 0 } else { 1 });
    let one = it.new_i64(1);
    let avg = it.call_method(&x, "mean", vec![], vec![("axis".into(), one)])?;
    let n_fact = dim(it, &x, 1)? as i64 - ddof;
    let mut fact = it.new_i64(n_fact);
    if n_fact <= 0 {
        it.warn("RuntimeWarning", "Degrees of freedom <= 0 for slice".into());
        fact = it.new_float(0.0);
    }
    let all = it.new_slice(Value::None, Value::None, Value::None);
    let col = it.new_tuple(vec![all, Value::None]);
    let centre = it.getitem(&avg, &col)?;
    let x = it.inplace_op(&x, BinOp::Sub, &centre)?;
    let xt = it.getattr(&x, "T")?;
    let xt = it.call_method(&xt, "conj", vec![], vec![])?;
    let c = it.call_numpy("numpy.dot", vec![x, xt], vec![])?;
    let one = it.new_i64(1);
    let scale = it.call_numpy("numpy.true_divide", vec![one, fact], vec![])?;
    let c = it.inplace_op(&c, BinOp::Mul, &scale)?;
    it.call_method(&c, "squeeze", vec![], vec![])
}

/// `np.corrcoef(x, y, rowvar, dtype=)`: the covariance over the outer product of the standard
/// deviations, clipped to [-1, 1] (real and imaginary parts apart).
fn corrcoef(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let y = a.take("y").unwrap_or(Value::None);
    let rowvar = a.take("rowvar").unwrap_or(Value::Bool(true));
    let mut kw = Vec::new();
    if let Some(d) = a.take("dtype") {
        kw.push(("dtype".into(), d));
    }
    let c = it.call_numpy("numpy.cov", vec![x, y, rowvar], kw)?;
    if it.to_array(&c, None)?.ndim() == 0 {
        // NumPy's `diag` refuses a 0-d covariance: nan unless a usable variance
        return it.binary_op(&c, BinOp::Div, &c);
    }
    let d = it.call_numpy("numpy.diag", vec![c.clone()], vec![])?;
    let re = it.getattr(&d, "real")?;
    let std = it.call_numpy("numpy.sqrt", vec![re], vec![])?;
    let all = it.new_slice(Value::None, Value::None, Value::None);
    let col = it.new_tuple(vec![all.clone(), Value::None]);
    let row = it.new_tuple(vec![Value::None, all]);
    // two lines of NumPy's source: a NaN from each warns once
    let s_col = it.getitem(&std, &col)?;
    let c = it.at_library_line("_function_base_impl.py:3064", |it| {
        it.inplace_op(&c, BinOp::Div, &s_col)
    })?;
    let s_row = it.getitem(&std, &row)?;
    let c = it.at_library_line("_function_base_impl.py:3065", |it| {
        it.inplace_op(&c, BinOp::Div, &s_row)
    })?;
    let complex = it.to_array(&c, None)?.dtype().kind == Kind::Complex;
    let parts: &[&str] = if complex {
        &["real", "imag"]
    } else {
        &["real"]
    };
    for part in parts {
        let p = it.getattr(&c, part)?;
        let (lo, hi) = (it.new_i64(-1), it.new_i64(1));
        let clipped = it.call_numpy("numpy.clip", vec![p.clone(), lo, hi], vec![])?;
        it.setitem(&p, &Value::Ellipsis, clipped)?;
    }
    Ok(c)
}

/// One spacing of `gradient`: a number (uniform) or the differences of coordinates.
fn spacing(it: &mut Interp, v: Value, n: usize) -> PyResult<Value> {
    let d = it.to_array(&v, None)?;
    if d.ndim() == 0 {
        return Ok(v);
    }
    if d.ndim() != 1 {
        return Err(PyError::value("distances must be either scalars or 1d"));
    }
    if d.shape()[0] != n {
        return Err(PyError::value(
            "when 1d, distances must match the length of the corresponding dimension",
        ));
    }
    let d = if matches!(d.dtype().kind, Kind::Int | Kind::UInt) {
        kernels::cast_array(&it.ctx, &d, DType::FLOAT64, crate::runtime::Order::C)?
    } else {
        d
    };
    let diffx = it.call_numpy("numpy.diff", vec![Value::Array(d)], vec![])?;
    let zero = it.new_i64(0);
    let first = it.getitem(&diffx, &zero)?;
    let same = it.numpy_binary(&diffx, kernels::BinaryOp::Eq, &first, "==")?;
    let all = it.call_method(&same, "all", vec![], vec![])?;
    if it.truthy(&all)? {
        return Ok(first);
    }
    Ok(diffx)
}

/// `np.gradient(f, *varargs, axis=None, edge_order=1)`: central differences inside, one-sided
/// ones of first or second order at the ends; one array per axis (a tuple for several).
fn gradient(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let f = a.req("f")?;
    let farr = it.to_array(&f, None)?;
    let nd = farr.ndim();
    let axes = match it.axes_arg(a.take("axis"), nd)? {
        Some(ax) => ax,
        None => (0..nd).collect(),
    };
    let varargs = std::mem::take(&mut a.star);
    let dx: Vec<Value> = match varargs.len() {
        0 => (0..axes.len()).map(|_| it.new_float(1.0)).collect(),
        1 if it.to_array(&varargs[0], None)?.ndim() == 0 => vec![varargs[0].clone(); axes.len()],
        n if n == axes.len() => {
            let mut out = Vec::with_capacity(n);
            for (v, &ax) in varargs.into_iter().zip(&axes) {
                out.push(spacing(it, v, farr.shape()[ax])?);
            }
            out
        }
        _ => return Err(PyError::type_error("invalid number of arguments")),
    };
    let edge_order = it.arg_i64(&mut a, "edge_order")?;
    if edge_order > 2 {
        return Err(PyError::value("'edge_order' greater than 2 not supported"));
    }
    let (f, otype) = match farr.dtype().kind {
        Kind::Datetime => {
            // the timedelta dtype of the same unit, viewed so that differences subtract
            let name = it.new_str(farr.dtype().name().replace("datetime", "timedelta"));
            let td = it.to_dtype(&name)?;
            let tdv = it.new_dtype(td);
            let view = it.call_method(&Value::Array(farr.clone()), "view", vec![tdv], vec![])?;
            (view, td)
        }
        Kind::Timedelta | Kind::Float | Kind::Complex => (Value::Array(farr.clone()), farr.dtype()),
        Kind::Int | Kind::UInt => {
            let c = kernels::cast_array(&it.ctx, &farr, DType::FLOAT64, crate::runtime::Order::C)?;
            (Value::Array(c), DType::FLOAT64)
        }
        _ => (Value::Array(farr.clone()), DType::FLOAT64),
    };
    let mut outs = Vec::with_capacity(axes.len());
    for (&axis, ax_dx) in axes.iter().zip(dx) {
        if (farr.shape()[axis] as i64) < edge_order + 1 {
            return Err(PyError::value(
                "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.",
            ));
        }
        let out = Value::Array(NdArray::zeros(
            &it.ctx,
            &farr.shape(),
            otype,
            crate::runtime::Order::C,
        )?);
        let uniform = it.to_array(&ax_dx, None)?.ndim() == 0;
        let g = Grad { axis, f: &f };
        let inner = g.slice(it, Some(1), Some(-1));
        if uniform {
            let two = it.new_float(2.0);
            let den = it.binary_op(&two, BinOp::Mul, &ax_dx)?;
            let d = g.diff(it, (Some(2), None), (None, Some(-2)))?;
            let v = it.binary_op(&d, BinOp::Div, &den)?;
            it.setitem(&out, &inner, v)?;
        } else {
            let dx1 = part(it, &ax_dx, None, Some(-1))?;
            let dx2 = part(it, &ax_dx, Some(1), None)?;
            let sum = it.binary_op(&dx1, BinOp::Add, &dx2)?;
            // a = -(dx2) / (dx1 * (dx1 + dx2)), b = (dx2 - dx1) / (dx1 * dx2),
            // c = dx1 / (dx2 * (dx1 + dx2))
            let neg = it.unary_op(UnaryOp::Neg, &dx2)?;
            let den_a = it.binary_op(&dx1, BinOp::Mul, &sum)?;
            let ca = it.binary_op(&neg, BinOp::Div, &den_a)?;
            let num_b = it.binary_op(&dx2, BinOp::Sub, &dx1)?;
            let den_b = it.binary_op(&dx1, BinOp::Mul, &dx2)?;
            let cb = it.binary_op(&num_b, BinOp::Div, &den_b)?;
            let den_c = it.binary_op(&dx2, BinOp::Mul, &sum)?;
            let cc = it.binary_op(&dx1, BinOp::Div, &den_c)?;
            let shape: Vec<i128> = (0..nd).map(|d| if d == axis { -1 } else { 1 }).collect();
            let shape = it.int_tuple(shape);
            let ca = it.call_method(&ca, "reshape", vec![shape.clone()], vec![])?;
            let cb = it.call_method(&cb, "reshape", vec![shape.clone()], vec![])?;
            let cc = it.call_method(&cc, "reshape", vec![shape], vec![])?;
            let v = g.combine(
                it,
                [&ca, &cb, &cc],
                [(None, Some(-2)), (Some(1), Some(-1)), (Some(2), None)],
            )?;
            it.setitem(&out, &inner, v)?;
        }
        if edge_order == 1 {
            let (dx_0, dx_n) = if uniform {
                (ax_dx.clone(), ax_dx.clone())
            } else {
                let (z, m1) = (it.new_i64(0), it.new_i64(-1));
                (it.getitem(&ax_dx, &z)?, it.getitem(&ax_dx, &m1)?)
            };
            let first = g.at(it, 0);
            let d = g.diff_at(it, 1, 0)?;
            let v = it.binary_op(&d, BinOp::Div, &dx_0)?;
            it.setitem(&out, &first, v)?;
            let last = g.at(it, -1);
            let d = g.diff_at(it, -1, -2)?;
            let v = it.binary_op(&d, BinOp::Div, &dx_n)?;
            it.setitem(&out, &last, v)?;
        } else {
            let [ca, cb, cc] = second_order_edge(it, &ax_dx, uniform, true)?;
            let v = g.combine_at(it, [&ca, &cb, &cc], [0, 1, 2])?;
            let first = g.at(it, 0);
            it.setitem(&out, &first, v)?;
            let [ca, cb, cc] = second_order_edge(it, &ax_dx, uniform, false)?;
            let v = g.combine_at(it, [&ca, &cb, &cc], [-3, -2, -1])?;
            let last = g.at(it, -1);
            it.setitem(&out, &last, v)?;
        }
        outs.push(out);
    }
    if outs.len() == 1 {
        return Ok(outs.remove(0));
    }
    Ok(it.new_tuple(outs))
}

/// `x[start:stop]` with Python ints.
fn part(it: &mut Interp, x: &Value, start: Option<i64>, stop: Option<i64>) -> PyResult<Value> {
    let s = slice(it, start, stop);
    it.getitem(x, &s)
}

fn slice(it: &mut Interp, start: Option<i64>, stop: Option<i64>) -> Value {
    let v = |it: &mut Interp, x: Option<i64>| x.map_or(Value::None, |i| it.new_i64(i));
    let (a, b) = (v(it, start), v(it, stop));
    it.new_slice(a, b, Value::None)
}

/// The coefficients of `gradient`'s second-order edge: at the start (`a f[0] + b f[1] +
/// c f[2]`) or at the end (`a f[-3] + b f[-2] + c f[-1]`), in NumPy's operation order.
fn second_order_edge(
    it: &mut Interp,
    ax_dx: &Value,
    uniform: bool,
    start: bool,
) -> PyResult<[Value; 3]> {
    if uniform {
        let ks: [f64; 3] = if start {
            [-1.5, 2.0, -0.5]
        } else {
            [0.5, -2.0, 1.5]
        };
        let mut out = Vec::with_capacity(3);
        for k in ks {
            let k = it.new_float(k);
            out.push(it.binary_op(&k, BinOp::Div, ax_dx)?);
        }
        return out
            .try_into()
            .map_err(|_| PyError::internal("three coefficients"));
    }
    let (i1, i2) = if start { (0, 1) } else { (-2, -1) };
    let (i1, i2) = (it.new_i64(i1), it.new_i64(i2));
    let dx1 = it.getitem(ax_dx, &i1)?;
    let dx2 = it.getitem(ax_dx, &i2)?;
    let two = it.new_float(2.0);
    let sum = it.binary_op(&dx1, BinOp::Add, &dx2)?;
    let prod = it.binary_op(&dx1, BinOp::Mul, &dx2)?;
    if start {
        // a = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2)); b = (dx1 + dx2) / (dx1 * dx2);
        // c = - dx1 / (dx2 * (dx1 + dx2))
        let t = it.binary_op(&two, BinOp::Mul, &dx1)?;
        let t = it.binary_op(&t, BinOp::Add, &dx2)?;
        let t = it.unary_op(UnaryOp::Neg, &t)?;
        let den = it.binary_op(&dx1, BinOp::Mul, &sum)?;
        let a = it.binary_op(&t, BinOp::Div, &den)?;
        let b = it.binary_op(&sum, BinOp::Div, &prod)?;
        let n = it.unary_op(UnaryOp::Neg, &dx1)?;
        let den = it.binary_op(&dx2, BinOp::Mul, &sum)?;
        let c = it.binary_op(&n, BinOp::Div, &den)?;
        Ok([a, b, c])
    } else {
        // a = (dx2) / (dx1 * (dx1 + dx2)); b = - (dx2 + dx1) / (dx1 * dx2);
        // c = (2. * dx2 + dx1) / (dx2 * (dx1 + dx2))
        let den = it.binary_op(&dx1, BinOp::Mul, &sum)?;
        let a = it.binary_op(&dx2, BinOp::Div, &den)?;
        let s21 = it.binary_op(&dx2, BinOp::Add, &dx1)?;
        let s21 = it.unary_op(UnaryOp::Neg, &s21)?;
        let b = it.binary_op(&s21, BinOp::Div, &prod)?;
        let t = it.binary_op(&two, BinOp::Mul, &dx2)?;
        let t = it.binary_op(&t, BinOp::Add, &dx1)?;
        let den = it.binary_op(&dx2, BinOp::Mul, &sum)?;
        let c = it.binary_op(&t, BinOp::Div, &den)?;
        Ok([a, b, c])
    }
}

/// `f` indexed along one axis, as `gradient`'s `slice1`..`slice4` do.
struct Grad<'a> {
    axis: usize,
    f: &'a Value,
}

impl Grad<'_> {
    fn slice(&self, it: &mut Interp, start: Option<i64>, stop: Option<i64>) -> Value {
        let s = slice(it, start, stop);
        along(it, self.axis, s)
    }

    fn at(&self, it: &mut Interp, i: i64) -> Value {
        let i = it.new_i64(i);
        along(it, self.axis, i)
    }

    /// `f[hi] - f[lo]` of two slices.
    fn diff(
        &self,
        it: &mut Interp,
        hi: (Option<i64>, Option<i64>),
        lo: (Option<i64>, Option<i64>),
    ) -> PyResult<Value> {
        let h = self.slice(it, hi.0, hi.1);
        let l = self.slice(it, lo.0, lo.1);
        let h = it.getitem(self.f, &h)?;
        let l = it.getitem(self.f, &l)?;
        it.binary_op(&h, BinOp::Sub, &l)
    }

    /// `f[hi] - f[lo]` of two positions.
    fn diff_at(&self, it: &mut Interp, hi: i64, lo: i64) -> PyResult<Value> {
        let h = self.at(it, hi);
        let l = self.at(it, lo);
        let h = it.getitem(self.f, &h)?;
        let l = it.getitem(self.f, &l)?;
        it.binary_op(&h, BinOp::Sub, &l)
    }

    /// `a * f[s0] + b * f[s1] + c * f[s2]` of three slices.
    fn combine(
        &self,
        it: &mut Interp,
        k: [&Value; 3],
        s: [(Option<i64>, Option<i64>); 3],
    ) -> PyResult<Value> {
        let mut idx = Vec::with_capacity(3);
        for (start, stop) in s {
            idx.push(self.slice(it, start, stop));
        }
        self.weighted(it, k, idx)
    }

    /// `a * f[i0] + b * f[i1] + c * f[i2]` of three positions.
    fn combine_at(&self, it: &mut Interp, k: [&Value; 3], at: [i64; 3]) -> PyResult<Value> {
        let idx: Vec<Value> = at.iter().map(|&i| self.at(it, i)).collect();
        self.weighted(it, k, idx)
    }

    fn weighted(&self, it: &mut Interp, k: [&Value; 3], idx: Vec<Value>) -> PyResult<Value> {
        let mut acc: Option<Value> = None;
        for (kk, ix) in k.into_iter().zip(idx) {
            let fx = it.getitem(self.f, &ix)?;
            let term = it.binary_op(kk, BinOp::Mul, &fx)?;
            acc = Some(match acc {
                None => term,
                Some(prev) => it.binary_op(&prev, BinOp::Add, &term)?,
            });
        }
        acc.ok_or_else(|| PyError::internal("three terms"))
    }
}
