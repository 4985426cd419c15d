//! Arrays made by repeating one: `repeat`, `tile`, `resize`.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::Bound;
use crate::runtime::array::normalize_axis;
use crate::runtime::{DType, NdArray, OrderArg};

use super::{along, array_of, concatenate, get, reshaped, slice_of, subject};
use crate::eval::numpy::sorting::{as_intp, vec_array};

/// The positions `repeat` takes along an axis of length `n`, or NumPy's refusal.
fn repeat_positions(it: &mut Interp, repeats: &Value, n: usize) -> PyResult<Vec<i64>> {
    if let Value::Int(_) = repeats {
        // an intp argument: past 64 bits is an OverflowError, not a uint64 array wrapped
        it.c_long(repeats)?;
    }
    let r = array_of(it, repeats)?;
    let counts = as_intp(it, &r)?;
    if counts.len() != 1 && counts.len() != n {
        return Err(PyError::value(format!(
            "operands could not be broadcast together with shape ({n},) ({},)",
            counts.len()
        )));
    }
    if counts.len() == 1 && counts[0] < 0 && r.ndim() == 0 {
        return Err(PyError::value("negative dimensions are not allowed"));
    }
    if counts.iter().any(|&c| c < 0) {
        return Err(PyError::value("repeats may not contain negative values."));
    }
    let total: i64 = if counts.len() == 1 {
        counts[0].saturating_mul(n as i64)
    } else {
        counts.iter().sum()
    };
    if !it.ctx.heap.fits(total as u128 * 8) {
        return Err(PyError::unable_to_allocate(
            total as u128 * 8,
            &[total as usize],
            "int64",
        ));
    }
    let mut pos = Vec::with_capacity(total as usize);
    for i in 0..n {
        let c = counts[if counts.len() == 1 { 0 } else { i }];
        for _ in 0..c {
            pos.push(i as i64);
        }
    }
    Ok(pos)
}

/// `np.repeat(a, repeats, axis)` / `a.repeat(...)`: each element (or slice along the axis)
/// `repeats` times, by fancy indexing (a new array).
pub(super) fn repeat(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let repeats = a.req("repeats")?;
    let (x, axis) = match a.take_some("axis") {
        None => (x.ravel(&it.ctx, OrderArg::C)?, 0),
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (x.clone(), normalize_axis(ax, x.ndim())?)
        }
    };
    if x.ndim() == 0 {
        let flat = reshaped(it, &x, &[1])?;
        return repeat_along(it, &flat, &repeats, 0);
    }
    repeat_along(it, &x, &repeats, axis)
}

fn repeat_along(it: &mut Interp, x: &Rc<NdArray>, repeats: &Value, axis: usize) -> PyResult<Value> {
    let n = x.shape()[axis];
    let pos = repeat_positions(it, repeats, n)?;
    let idx = vec_array(it, DType::INT64, &pos)?;
    let ix = along(it, axis, Value::Array(idx));
    Ok(Value::Array(get(it, x, &ix)?))
}

/// NumPy's `tile`: `repeat` axis by axis over `reshape(-1, n)` views.
pub(super) fn tile(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let av = a.req("A")?;
    let reps = a.req("reps")?;
    let mut tup: Vec<i64> = match &reps {
        Value::Tuple(_) | Value::List(_) | Value::Array(_) => {
            let items = it.collect(&reps)?;
            let mut v = Vec::with_capacity(items.len());
            for x in items {
                v.push(it.c_long(&x)?);
            }
            v
        }
        other => vec![it.c_long(other)?],
    };
    let d = tup.len();
    let ndmin = it.new_i64(d as i64);
    let all_one = tup.iter().all(|&t| t == 1);
    let is_array = matches!(av, Value::Array(_));
    let copy = if all_one && is_array {
        Value::Bool(true)
    } else {
        Value::None
    };
    let c = it.call_numpy(
        "numpy.array",
        vec![av],
        vec![("copy".into(), copy), ("ndmin".into(), ndmin)],
    )?;
    let mut c = array_of(it, &c)?;
    if all_one && is_array {
        return Ok(Value::Array(c));
    }
    if d < c.ndim() {
        let mut t = vec![1; c.ndim() - d];
        t.extend(tup);
        tup = t;
    }
    if tup.iter().any(|&t| t < 0) {
        return Err(PyError::value("negative dimensions are not allowed"));
    }
    let shape_out: Vec<usize> = c
        .shape()
        .iter()
        .zip(&tup)
        .map(|(&s, &t)| s * t as usize)
        .collect();
    let mut n = c.size();
    if n > 0 {
        let dims = c.shape().to_vec();
        for (dim_in, &nrep) in dims.iter().zip(&tup) {
            if nrep != 1 {
                let rows = c.reshape(&it.ctx, &[-1, n as i128], OrderArg::C)?;
                let r = it.new_i64(nrep);
                let v = repeat_along(it, &rows, &r, 0)?;
                c = array_of(it, &v)?;
            }
            n /= dim_in;
        }
    }
    let s: Vec<i128> = shape_out.iter().map(|&d| d as i128).collect();
    Ok(Value::Array(c.reshape(&it.ctx, &s, OrderArg::C)?))
}

/// NumPy's `resize`: the flattened data repeated to fill the new shape.
pub(super) fn resize(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let ns = a.req("new_shape")?;
    let x = array_of(it, &x)?;
    let shape = it.to_shape(&ns)?;
    if shape.iter().any(|&d| d < 0) {
        return Err(PyError::value(
            "all elements of `new_shape` must be non-negative",
        ));
    }
    // a Python int product in NumPy: saturate instead of overflowing
    let new_size = shape
        .iter()
        .try_fold(1i128, |p, &d| p.checked_mul(d))
        .unwrap_or(i128::MAX);
    let flat = x.ravel(&it.ctx, OrderArg::C)?;
    let sv = it.int_tuple(shape.iter().copied());
    if flat.size() == 0 || new_size == 0 {
        return it.call_numpy(
            "numpy.zeros_like",
            vec![Value::Array(flat)],
            vec![("shape".into(), sv)],
        );
    }
    // `(a,) * repeats`: past Py_ssize_t an OverflowError, else a tuple the budget must hold
    let n = flat.size() as i128;
    let repeats = new_size / n + i128::from(new_size % n != 0);
    if repeats > isize::MAX as i128 {
        return Err(PyError::cannot_fit_index_sized());
    }
    it.gate(repeats as u128 * crate::eval::object::budget::SLOT_BYTES)?;
    let repeats = repeats as usize;
    let parts = vec![Value::Array(flat); repeats];
    let all = concatenate(it, parts, 0)?;
    let stop = slice_of(it, None, Some(new_size as i64), None);
    let cut = get(it, &all, &stop)?;
    Ok(Value::Array(cut.reshape(&it.ctx, &shape, OrderArg::C)?))
}
