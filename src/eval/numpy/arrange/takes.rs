//! Picking and placing by index: `take`/`put`, `take_along_axis`/`put_along_axis`.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::Bound;
use crate::runtime::array::normalize_axis;
use crate::runtime::{DType, Kind, NdArray, OrderArg};

use super::{along, array_of, concatenate, get, reshaped, slice_of, subject};
use crate::eval::numpy::sorting::{as_intp, vec_array};

/// Indices under `mode=` (`raise` leaves them to indexing's bounds check).
fn moded_indices(
    it: &mut Interp,
    indices: &Value,
    mode: Option<Value>,
    n: usize,
) -> PyResult<Value> {
    let mode = match mode {
        Some(Value::Str(s)) => s.v.clone(),
        Some(Value::None) | None => return Ok(indices.clone()),
        Some(_) => return Err(PyError::type_error("clipmode must be a string")),
    };
    match mode.as_str() {
        "raise" => Ok(indices.clone()),
        "wrap" | "clip" => {
            let ix = array_of(it, indices)?;
            let shape = ix.shape().to_vec();
            let mut v = as_intp(it, &ix)?;
            let n = n as i64;
            if n == 0 {
                return Err(PyError::index(
                    "cannot do a non-empty take from an empty axes.",
                ));
            }
            for x in v.iter_mut() {
                *x = if mode == "wrap" {
                    x.rem_euclid(n)
                } else {
                    (*x).clamp(0, n - 1)
                };
            }
            let arr = vec_array(it, DType::INT64, &v)?;
            Ok(Value::Array(reshaped(it, &arr, &shape)?))
        }
        other => Err(PyError::value(format!(
            "clipmode must be one of 'clip', 'raise', or 'wrap' (got '{other}')"
        ))),
    }
}

/// `np.take(a, indices, axis)` / `a.take(...)`: fancy indexing along one axis (of the
/// flattened array when no axis is given).
pub(super) fn take(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = subject(it, &mut a, "a")?;
    let indices = a.req("indices")?;
    let (x, axis) = match a.take_some("axis") {
        None => (x.ravel(&it.ctx, OrderArg::C)?, 0),
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (x.clone(), normalize_axis(ax, x.ndim())?)
        }
    };
    let n = x.shape().get(axis).copied().unwrap_or(0);
    check_intp_ints(&indices, 0)?;
    let indices = moded_indices(it, &indices, a.take("mode"), n)?;
    let ix = along(it, axis, indices);
    it.getitem(&Value::Array(x), &ix)
}

/// NumPy converts `take`'s indices to an `npy_intp` array as it reads them, so a Python int
/// past 64 bits anywhere in them is CPython's OverflowError (`np.take(x, [1, -10**19])`), where
/// indexing would say the index is invalid. Nesting past NumPy's 64 dimensions (or a list
/// that holds itself) is left to the array conversion, which refuses it.
fn check_intp_ints(v: &Value, depth: usize) -> PyResult<()> {
    match v {
        Value::Int(i) if i.v.to_i64().is_none() => Err(PyError::too_large_for_c_long()),
        Value::List(_) | Value::Tuple(_) if depth <= 64 => {
            let items = match v {
                Value::List(l) => l.items.borrow().clone(),
                Value::Tuple(t) => t.items.clone(),
                _ => Vec::new(),
            };
            items.iter().try_for_each(|x| check_intp_ints(x, depth + 1))
        }
        _ => Ok(()),
    }
}

/// `np.put(a, ind, v)` / `a.put(...)`: `a.flat[ind] = v`, `v` repeated as needed.
pub(super) fn put(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let target = match &a.this {
        Value::Array(x) => Value::Array(x.clone()),
        _ => a.req("a")?,
    };
    let Value::Array(x) = &target else {
        return Err(PyError::type_error(format!(
            "argument 'a' must be numpy.ndarray, not {}",
            target.type_name()
        )));
    };
    let ind = match a.take("ind") {
        Some(v) => v,
        None => a.req("indices")?,
    };
    let v = match a.take("v") {
        Some(v) => v,
        None => a.req("values")?,
    };
    let ind = moded_indices(it, &ind, a.take("mode"), x.size())?;
    let ind_arr = array_of(it, &ind)?;
    let count = ind_arr.size();
    let vals = array_of(it, &v)?;
    let vals = vals.ravel(&it.ctx, OrderArg::C)?;
    if vals.size() == 0 || count == 0 {
        return Ok(Value::None);
    }
    let vals = if vals.size() != count {
        let reps = count.div_ceil(vals.size());
        let parts = vec![Value::Array(vals.clone()); reps];
        let all = concatenate(it, parts, 0)?;
        let cut = slice_of(it, None, Some(count as i64), None);
        get(it, &all, &cut)?
    } else {
        vals
    };
    let flat = it.getattr(&target, "flat")?;
    let ind_flat = ind_arr.ravel(&it.ctx, OrderArg::C)?;
    it.setitem(&flat, &Value::Array(ind_flat), Value::Array(vals))?;
    Ok(Value::None)
}

/// The index tuple of `take_along_axis`: `indices` on `axis`, broadcast `arange`s elsewhere.
fn along_axis_index(
    it: &mut Interp,
    arr: &Rc<NdArray>,
    indices: &Rc<NdArray>,
    axis: usize,
) -> PyResult<Value> {
    if !matches!(indices.dtype().kind, Kind::Int | Kind::UInt) {
        return Err(PyError::index("`indices` must be an integer array"));
    }
    if indices.ndim() != arr.ndim() {
        return Err(PyError::value(
            "`indices` and `arr` must have the same number of dimensions",
        ));
    }
    let nd = arr.ndim();
    let mut items = Vec::with_capacity(nd);
    for d in 0..nd {
        if d == axis {
            items.push(Value::Array(indices.clone()));
            continue;
        }
        let n = arr.shape()[d];
        let r: Vec<i64> = (0..n as i64).collect();
        let r = vec_array(it, DType::INT64, &r)?;
        let mut shape = vec![1; nd];
        shape[d] = n;
        items.push(Value::Array(reshaped(it, &r, &shape)?));
    }
    Ok(it.new_tuple(items))
}

pub(super) fn take_along_axis(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let arr = a.req("arr")?;
    let indices = a.req("indices")?;
    let arr = array_of(it, &arr)?;
    let indices = array_of(it, &indices)?;
    let (arr, axis) = match a.take("axis") {
        Some(Value::None) => {
            if indices.ndim() != 1 {
                return Err(PyError::value(
                    "when axis=None, `indices` must have a single dimension.",
                ));
            }
            (arr.ravel(&it.ctx, OrderArg::C)?, 0)
        }
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (arr.clone(), normalize_axis(ax, arr.ndim())?)
        }
        None => (arr.clone(), normalize_axis(-1, arr.ndim())?),
    };
    let ix = along_axis_index(it, &arr, &indices, axis)?;
    it.getitem(&Value::Array(arr), &ix)
}

pub(super) fn put_along_axis(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let arr = a.req("arr")?;
    let indices = a.req("indices")?;
    let values = a.req("values")?;
    let axis = a.req("axis")?;
    let Value::Array(arr) = &arr else {
        return Err(PyError::not_implemented(
            "arrsh's put_along_axis needs an ndarray to write into",
        ));
    };
    let indices = array_of(it, &indices)?;
    let (target, axis) = match axis {
        Value::None => {
            let flat = arr.reshape(&it.ctx, &[-1], OrderArg::C)?;
            if !Rc::ptr_eq(flat.buffer(), arr.buffer()) {
                return Err(PyError::not_implemented(
                    "arrsh's put_along_axis(axis=None) needs a contiguous array",
                ));
            }
            (flat, 0)
        }
        v => {
            let ax = it.axis_value(&v)?;
            (arr.clone(), normalize_axis(ax, arr.ndim())?)
        }
    };
    let ix = along_axis_index(it, &target, &indices, axis)?;
    it.setitem(&Value::Array(target), &ix, values)?;
    Ok(Value::None)
}
