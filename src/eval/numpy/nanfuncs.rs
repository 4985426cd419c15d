//! NumPy's nan-functions (`numpy/lib/_nanfunctions_impl.py`): `nansum`, `nanprod`,
//! `nanmax`/`nanmin`, `nanargmax`/`nanargmin`, `nanmean`, `nanvar`/`nanstd`,
//! `nancumsum`/`nancumprod`. As NumPy does, NaNs are replaced (by 0, 1 or an infinity) in a
//! copy and the ordinary reduction runs; arrays of integers and bools go straight to it.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::kernels::{self, BinaryOp, Predicate};
use crate::runtime::{DType, Kind, NdArray, Order, Scalar};

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.nansum",
        "(a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        nansum,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nanprod",
        "(a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        nansum,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nanmax",
        "(a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        nanmax,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nanmin",
        "(a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        nanmax,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nanargmax",
        "(a, axis=None, out=None, *, keepdims=<no value>)",
        nanargmax,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nanargmin",
        "(a, axis=None, out=None, *, keepdims=<no value>)",
        nanargmax,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nanmean",
        "(a, axis=None, dtype=None, out=None, keepdims=<no value>, *, where=<no value>)",
        nanmean,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nanvar",
        "(a, axis=None, dtype=None, out=None, ddof=0, keepdims=<no value>, *, where=<no value>, mean=<no value>, correction=<no value>)",
        nanvar,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nanstd",
        "(a, axis=None, dtype=None, out=None, ddof=0, keepdims=<no value>, *, where=<no value>, mean=<no value>, correction=<no value>)",
        nanvar,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nancumsum",
        "(a, axis=None, dtype=None, out=None)",
        nancumsum,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.nancumprod",
        "(a, axis=None, dtype=None, out=None)",
        nancumsum,
    ).returns("ndarray"),
];

/// NumPy's `_replace_nan`: the array with its NaNs replaced by `fill` (a new array), and the
/// NaN mask; for arrays that cannot hold NaN, the array itself and no mask.
fn replace_nan(
    it: &mut Interp,
    a: &Value,
    fill: f64,
) -> PyResult<(Rc<NdArray>, Option<Rc<NdArray>>)> {
    let arr = it.to_array(a, None)?;
    let dt = arr.dtype();
    if !dt.is_inexact() {
        return Ok((arr, None));
    }
    let mask = kernels::predicate(&it.ctx, Predicate::IsNan, &arr)?;
    let fill = it.scalar_to_array(dt.to_native(), &Scalar::Float(fill))?;
    let r = kernels::select(&it.ctx, &mask, &fill, &arr, dt.to_native())?;
    Ok((r, Some(mask)))
}

/// The keywords a nan-function hands on to the reduction it runs.
fn forward(a: &mut Bound, names: &[&str]) -> Vec<(String, Value)> {
    a.given_keywords(names)
}

/// `np.nansum` / `np.nanprod`: NaNs count as 0 (1 for the product).
fn nansum(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let prod = a.func == "nanprod";
    let (arr, _) = replace_nan(it, &x, if prod { 1.0 } else { 0.0 })?;
    let kw = forward(
        &mut a,
        &["axis", "dtype", "out", "keepdims", "initial", "where"],
    );
    let m = if prod { "prod" } else { "sum" };
    it.call_method(&Value::Array(arr), m, vec![], kw)
}

/// Whether any element of a reduction's result is true.
fn any_true(it: &mut Interp, v: &Value) -> PyResult<bool> {
    super::numeric::reduce_truth(it, v, false)
}

/// `np.nanmax` / `np.nanmin`: NaNs are skipped; a slice of NaNs alone gives NaN (NumPy also
/// warns `All-NaN slice encountered`).
fn nanmax(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let is_max = a.func == "nanmax";
    let (fill, m) = if is_max {
        (f64::NEG_INFINITY, "max")
    } else {
        (f64::INFINITY, "min")
    };
    let (arr, mask) = replace_nan(it, &x, fill)?;
    let axis_kw = forward(&mut a, &["axis", "keepdims"]);
    let mut kw = axis_kw.clone();
    kw.extend(forward(&mut a, &["out", "initial", "where"]));
    let r = it.call_method(&Value::Array(arr), m, vec![], kw)?;
    let Some(mask) = mask else {
        return Ok(r);
    };
    let all_nan = it.call_method(&Value::Array(mask), "all", vec![], axis_kw)?;
    if !any_true(it, &all_nan)? {
        return Ok(r);
    }
    let nan = it.new_float(f64::NAN);
    let sel = it.where_select(&all_nan, &nan, &r)?;
    let sel = it.to_array(&sel, None)?;
    let rd = it.to_array(&r, None)?.dtype();
    let sel = kernels::cast_array(&it.ctx, &sel, rd, Order::C)?;
    it.wrap_result(sel)
}

/// `np.nanargmax` / `np.nanargmin`: the index of the extreme, NaNs skipped; a slice of NaNs
/// alone is an error.
fn nanargmax(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let is_max = a.func == "nanargmax";
    let fill = if is_max {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };
    let (arr, mask) = replace_nan(it, &x, fill)?;
    let axis_kw = forward(&mut a, &["axis"]);
    if let Some(mask) = mask {
        let all_nan = it.call_method(&Value::Array(mask), "all", vec![], axis_kw.clone())?;
        if any_true(it, &all_nan)? {
            return Err(PyError::value("All-NaN slice encountered"));
        }
    }
    let mut kw = axis_kw;
    kw.extend(forward(&mut a, &["out", "keepdims"]));
    let m = if is_max { "argmax" } else { "argmin" };
    it.call_method(&Value::Array(arr), m, vec![], kw)
}

/// NumPy's `_divide_by_count`: `a / b` kept in `a`'s dtype (`true_divide(..., out=a,
/// casting='unsafe')`).
fn divide_keeping(it: &mut Interp, a: &Value, b: &Value) -> PyResult<Value> {
    let q = it.numpy_binary(a, BinaryOp::TrueDiv, b, "/")?;
    let dt = it.to_array(a, None)?.dtype();
    let qa = it.to_array(&q, None)?;
    if qa.dtype() == dt {
        return Ok(q);
    }
    let c = kernels::cast_array(&it.ctx, &qa, dt, Order::C)?;
    if matches!(a, Value::Array(_)) {
        Ok(Value::Array(c))
    } else {
        it.wrap_result(c)
    }
}

/// The count of non-NaN elements per slice, as `intp`.
fn count_kept(
    it: &mut Interp,
    mask: &Rc<NdArray>,
    axis: Option<Value>,
    keepdims: bool,
) -> PyResult<Value> {
    let kept = kernels::logical_not(&it.ctx, mask)?;
    let mut kw = vec![
        ("axis".to_string(), axis.unwrap_or(Value::None)),
        ("dtype".to_string(), it.new_dtype(DType::INT64)),
    ];
    if keepdims {
        kw.push(("keepdims".into(), Value::Bool(true)));
    }
    it.call_method(&Value::Array(kept), "sum", vec![], kw)
}

/// `np.nanmean`: the mean of the non-NaN elements.
fn nanmean(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = a.req("a")?;
    let (arr, mask) = replace_nan(it, &x, 0.0)?;
    let Some(mask) = mask else {
        let kw = forward(&mut a, &["axis", "dtype", "keepdims", "where"]);
        return it.call_method(&Value::Array(arr), "mean", vec![], kw);
    };
    let axis = a.take("axis");
    let keep = match a.take("keepdims") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let cnt = count_kept(it, &mask, axis.clone(), keep)?;
    let mut kw = vec![("axis".to_string(), axis.unwrap_or(Value::None))];
    if keep {
        kw.push(("keepdims".into(), Value::Bool(true)));
    }
    kw.extend(forward(&mut a, &["dtype", "where"]));
    let tot = it.call_method(&Value::Array(arr), "sum", vec![], kw)?;
    divide_keeping(it, &tot, &cnt)
}

/// `np.nanvar` / `np.nanstd`: NumPy's two-pass variance over the non-NaN elements.
fn nanvar(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out", "where", "mean", "correction"])?;
    let is_std = a.func == "nanstd";
    let x = a.req("a")?;
    let (arr, mask) = replace_nan(it, &x, 0.0)?;
    let Some(mask) = mask else {
        let kw = forward(&mut a, &["axis", "dtype", "ddof", "keepdims"]);
        let m = if is_std { "std" } else { "var" };
        return it.call_method(&Value::Array(arr), m, vec![], kw);
    };
    if arr.dtype().kind == Kind::Complex {
        return Err(PyError::not_implemented(format!(
            "arrsh's {} does not support complex arrays yet",
            a.func
        )));
    }
    let axis = a.take("axis");
    let ddof = a.take("ddof").unwrap_or_else(|| it.new_i64(0));
    let dtype = a.take_some("dtype");
    let keep = match a.take("keepdims") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let axis_v = axis.clone().unwrap_or(Value::None);
    let cnt = count_kept(it, &mask, axis.clone(), true)?;
    let mut kw = vec![
        ("axis".to_string(), axis_v.clone()),
        ("keepdims".to_string(), Value::Bool(true)),
    ];
    if let Some(d) = &dtype {
        kw.push(("dtype".into(), d.clone()));
    }
    let arrv = Value::Array(arr.clone());
    let avg = it.call_method(&arrv, "sum", vec![], kw)?;
    let avg = divide_keeping(it, &avg, &cnt)?;
    let dev = it.numpy_binary(&arrv, BinaryOp::Sub, &avg, "-")?;
    let dev = it.to_array(&dev, None)?;
    let dev = kernels::cast_array(&it.ctx, &dev, arr.dtype(), Order::C)?;
    let zero = it.scalar_to_array(arr.dtype(), &Scalar::Float(0.0))?;
    let dev = kernels::select(&it.ctx, &mask, &zero, &dev, arr.dtype())?;
    let devv = Value::Array(dev);
    let sqr = it.numpy_binary(&devv, BinaryOp::Mul, &devv, "*")?;
    let mut kw = vec![("axis".to_string(), axis_v.clone())];
    if keep {
        kw.push(("keepdims".into(), Value::Bool(true)));
    }
    if let Some(d) = &dtype {
        kw.push(("dtype".into(), d.clone()));
    }
    let var = it.call_method(&sqr, "sum", vec![], kw)?;
    let cnt = if keep {
        cnt
    } else {
        let mut kw = Vec::new();
        if !axis_v.is_none() {
            kw.push(("axis".to_string(), axis_v));
        }
        it.call_method(&cnt, "squeeze", vec![], kw)?
    };
    let dof = it.numpy_binary(&cnt, BinaryOp::Sub, &ddof, "-")?;
    let var = divide_keeping(it, &var, &dof)?;
    if is_std {
        let v = it.to_array(&var, None)?;
        let r = it.numpy_unary("sqrt", &v)?;
        return if matches!(var, Value::Array(_)) {
            Ok(Value::Array(it.to_array(&r, None)?))
        } else {
            Ok(r)
        };
    }
    Ok(var)
}

/// `np.nancumsum` / `np.nancumprod`: NaNs count as 0 (1 for the product).
fn nancumsum(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let prod = a.func == "nancumprod";
    let (arr, _) = replace_nan(it, &x, if prod { 1.0 } else { 0.0 })?;
    let kw = forward(&mut a, &["axis", "dtype", "out"]);
    let m = if prod { "cumprod" } else { "cumsum" };
    it.call_method(&Value::Array(arr), m, vec![], kw)
}
