//! `np.logspace` and `np.geomspace` as NumPy 2.4's `function_base.py` composes them from
//! `linspace`, `power` and `log10` (so their digits are those pieces' digits), and
//! `linspace` with array endpoints, composed the same way (scalar endpoints have their own
//! loop in `creation`).

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::DType;
use crate::runtime::kernels::BinaryOp;

use super::setops::np;

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.logspace",
        "(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0)",
        logspace,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.geomspace",
        "(start, stop, num=50, endpoint=True, dtype=None, axis=0)",
        geomspace,
    )
    .returns("ndarray"),
];

fn kw(name: &str, v: Value) -> (String, Value) {
    (name.to_string(), v)
}

/// `np.linspace` with array endpoints (or an `axis`), NumPy 2.4's Python step by step: the
/// samples run along a new first axis, then move to `axis`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn linspace_arrays(
    it: &mut Interp,
    start: Value,
    stop: Value,
    num: i64,
    endpoint: bool,
    retstep: bool,
    dtype: Option<DType>,
    axis: i64,
) -> PyResult<Value> {
    if num < 0 {
        return Err(PyError::value(format!(
            "Number of samples, {num}, must be non-negative."
        )));
    }
    let div = if endpoint { num - 1 } else { num };
    // _array_converter(start, stop).result_type(ensure_inexact=True): Python numbers stay
    // weak, anything else is an array first
    let mut ends = Vec::with_capacity(2);
    for v in [start, stop] {
        ends.push(match v {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::Complex(_) => v,
            other => Value::Array(it.to_array(&other, None)?),
        });
    }
    let dt = np(it, "result_type", ends.clone(), vec![])?;
    let mut dt = it.to_dtype(&dt)?;
    if !dt.is_inexact() {
        dt = DType::FLOAT64;
    }
    let start = Value::Array(it.to_array(&ends[0], None)?);
    let stop = Value::Array(it.to_array(&ends[1], None)?);
    let dtv = it.new_dtype(dt);
    let delta = np(
        it,
        "subtract",
        vec![stop.clone(), start.clone()],
        vec![kw("dtype", dtv.clone())],
    )?;
    let ndim = match &delta {
        Value::Array(d) => d.ndim(),
        _ => 0,
    };
    let (zero, n) = (it.new_i64(0), it.new_i64(num));
    let y = np(it, "arange", vec![zero.clone(), n], vec![kw("dtype", dtv)])?;
    let mut shape = vec![it.new_i64(-1)];
    shape.extend((0..ndim).map(|_| it.new_i64(1)));
    let shape = it.new_tuple(shape);
    let mut y = it.call_method(&y, "reshape", vec![shape], vec![])?;
    let step;
    if div > 0 {
        let d = it.new_i64(div);
        let st = it.numpy_binary(&delta, BinaryOp::TrueDiv, &d, "/")?;
        let is0 = it.numpy_binary(&st, BinaryOp::Eq, &zero, "==")?;
        let any0 = np(it, "any", vec![is0], vec![])?;
        if it.truthy(&any0)? {
            // denormal steps (NumPy's gh-5437): divide first
            y = it.numpy_binary(&y, BinaryOp::TrueDiv, &d, "/")?;
            y = it.numpy_binary(&y, BinaryOp::Mul, &delta, "*")?;
        } else {
            y = it.numpy_binary(&y, BinaryOp::Mul, &st, "*")?;
        }
        step = st;
    } else {
        step = it.new_float(f64::NAN);
        y = it.numpy_binary(&y, BinaryOp::Mul, &delta, "*")?;
    }
    // `y += start`: in place, so y keeps its dtype
    let y_plus = it.numpy_binary(&y, BinaryOp::Add, &start, "+")?;
    let ydt = it.to_array(&y, None)?.dtype();
    let mut y = it.call_method(&y_plus, "astype", vec![it.new_dtype(ydt)], vec![])?;
    if endpoint && num > 1 {
        let last = it.new_i64(-1);
        let idx = it.new_tuple(vec![last, Value::Ellipsis]);
        it.setitem(&y, &idx, stop)?;
    }
    if axis != 0 {
        let (from, to) = (it.new_i64(0), it.new_i64(axis));
        y = np(it, "moveaxis", vec![y, from, to], vec![])?;
    }
    let dtype = dtype.unwrap_or(dt);
    if dtype.is_integer() {
        y = np(it, "floor", vec![y], vec![])?;
    }
    let y = it.call_method(
        &y,
        "astype",
        vec![it.new_dtype(dtype)],
        vec![kw("copy", Value::Bool(false))],
    )?;
    if retstep {
        return Ok(it.new_tuple(vec![y, step]));
    }
    Ok(y)
}

fn logspace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let start = a.req("start")?;
    let stop = a.req("stop")?;
    let num = a.take("num").unwrap_or_else(|| it.new_i64(50));
    let endpoint = a.take("endpoint").unwrap_or(Value::Bool(true));
    let base = a.take("base").unwrap_or_else(|| it.new_float(10.0));
    let dtype = a.take_some("dtype");
    let axis = a.take("axis").unwrap_or_else(|| it.new_i64(0));
    log_space(it, start, stop, num, endpoint, base, dtype, axis)
}

#[allow(clippy::too_many_arguments)]
fn log_space(
    it: &mut Interp,
    start: Value,
    stop: Value,
    num: Value,
    endpoint: Value,
    base: Value,
    dtype: Option<Value>,
    axis: Value,
) -> PyResult<Value> {
    // np.broadcast(start, stop, base).ndim, then each with that many dimensions
    let mut ndmax = 0;
    for v in [&start, &stop, &base] {
        ndmax = ndmax.max(it.to_array(v, None)?.ndim());
    }
    let ndmin = it.new_i64(ndmax as i64);
    let mut arrays = Vec::with_capacity(3);
    for v in [start, stop, base] {
        let kws = vec![kw("copy", Value::None), kw("ndmin", ndmin.clone())];
        arrays.push(np(it, "array", vec![v], kws)?);
    }
    let (Some(base), Some(stop), Some(start)) = (arrays.pop(), arrays.pop(), arrays.pop()) else {
        return Err(PyError::internal("logspace: three arrays"));
    };
    let y = np(
        it,
        "linspace",
        vec![start, stop],
        vec![
            kw("num", num),
            kw("endpoint", endpoint),
            kw("axis", axis.clone()),
        ],
    )?;
    let base = np(it, "expand_dims", vec![base], vec![kw("axis", axis)])?;
    let p = np(it, "power", vec![base, y], vec![])?;
    match dtype {
        None => Ok(p),
        Some(dt) => it.call_method(&p, "astype", vec![dt], vec![kw("copy", Value::Bool(false))]),
    }
}

fn geomspace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let start = np(it, "asanyarray", vec![a.req("start")?], vec![])?;
    let stop = np(it, "asanyarray", vec![a.req("stop")?], vec![])?;
    let num_v = a.take("num").unwrap_or_else(|| it.new_i64(50));
    let endpoint_v = a.take("endpoint").unwrap_or(Value::Bool(true));
    let dtype = a.take_some("dtype");
    let axis = it.arg_i64(&mut a, "axis")?;
    let zero = it.new_i64(0);
    for v in [&start, &stop] {
        let is0 = it.numpy_binary(v, BinaryOp::Eq, &zero, "==")?;
        let any = np(it, "any", vec![is0], vec![])?;
        if it.truthy(&any)? {
            return Err(PyError::geomspace_zero());
        }
    }
    let num = it.c_long(&num_v)?;
    let endpoint = it.truthy(&endpoint_v)?;
    let fnum = it.new_float(num as f64);
    let z = np(it, "zeros", vec![it.new_tuple(vec![])], vec![])?;
    let dt = np(
        it,
        "result_type",
        vec![start.clone(), stop.clone(), fnum, z],
        vec![],
    )?;
    let dtype = match dtype {
        None => dt.clone(),
        Some(d) => d,
    };
    let start = it.call_method(
        &start,
        "astype",
        vec![dt.clone()],
        vec![kw("copy", Value::Bool(true))],
    )?;
    let stop = it.call_method(
        &stop,
        "astype",
        vec![dt.clone()],
        vec![kw("copy", Value::Bool(true))],
    )?;
    let out_sign = np(it, "sign", vec![start.clone()], vec![])?;
    let start = it.numpy_binary(&start, BinaryOp::TrueDiv, &out_sign, "/")?;
    let stop = it.numpy_binary(&stop, BinaryOp::TrueDiv, &out_sign, "/")?;
    let log_start = np(it, "log10", vec![start.clone()], vec![])?;
    let log_stop = np(it, "log10", vec![stop.clone()], vec![])?;
    let ten = it.new_float(10.0);
    let z0 = it.new_i64(0);
    let result = log_space(
        it,
        log_start,
        log_stop,
        num_v,
        endpoint_v,
        ten,
        Some(dt),
        z0,
    )?;
    if num > 0 {
        let i0 = it.new_i64(0);
        it.setitem(&result, &i0, start)?;
        if num > 1 && endpoint {
            let last = it.new_i64(-1);
            it.setitem(&result, &last, stop)?;
        }
    }
    let mut result = it.numpy_binary(&result, BinaryOp::Mul, &out_sign, "*")?;
    if axis != 0 {
        let z = it.new_i64(0);
        let ax = it.new_i64(axis);
        result = np(it, "moveaxis", vec![result, z, ax], vec![])?;
    }
    it.call_method(
        &result,
        "astype",
        vec![dtype],
        vec![kw("copy", Value::Bool(false))],
    )
}
