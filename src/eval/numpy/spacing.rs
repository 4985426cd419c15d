//! `np.logspace` and `np.geomspace` as NumPy 2.4's `function_base.py` composes them from
//! `linspace`, `power` and `log10` (so their digits are those pieces' digits). Scalar
//! endpoints only: arrsh's `linspace` does not yet take arrays.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
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

/// Refuses array endpoints (which NumPy spreads along `axis`) rather than answering wrongly.
pub(crate) fn scalar_only(it: &mut Interp, vals: &[&Value], what: &str) -> PyResult<()> {
    for v in vals {
        let a = it.to_array(v, None)?;
        if a.ndim() > 0 {
            return Err(PyError::not_implemented(format!(
                "arrsh's {what} takes scalar endpoints only"
            )));
        }
    }
    Ok(())
}

fn logspace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let start = a.req("start")?;
    let stop = a.req("stop")?;
    let num = a.take("num").unwrap_or_else(|| it.new_i64(50));
    let endpoint = a.take("endpoint").unwrap_or(Value::Bool(true));
    let base = a.take("base").unwrap_or_else(|| it.new_float(10.0));
    let dtype = a.take_some("dtype");
    let axis = a.take("axis").unwrap_or_else(|| it.new_i64(0));
    scalar_only(it, &[&start, &stop, &base], "logspace")?;
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
    let start = np(it, "array", vec![start], vec![kw("copy", Value::None)])?;
    let stop = np(it, "array", vec![stop], vec![kw("copy", Value::None)])?;
    let base = np(it, "array", vec![base], vec![kw("copy", Value::None)])?;
    let y = np(
        it,
        "linspace",
        vec![start, stop],
        // scalar endpoints: the samples lie along axis 0 whatever `axis` says
        vec![kw("num", num), kw("endpoint", endpoint)],
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
    scalar_only(it, &[&start, &stop], "geomspace")?;
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
