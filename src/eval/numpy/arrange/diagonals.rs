//! Diagonals and triangles: `diagonal` (a read-only view), `trace`, `diag`, `tri`/`triu`/`tril`.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::Bound;
use crate::runtime::array::normalize_axis;
use crate::runtime::kernels;
use crate::runtime::layout::Layout;
use crate::runtime::{DType, NdArray, Order};

use super::{array_of, reshaped, subject};
use crate::eval::numpy::sorting::vec_array;

/// The diagonal view of `a` (read-only, as NumPy 2 returns it).
fn diagonal_view(
    it: &mut Interp,
    a: &Rc<NdArray>,
    offset: i64,
    axis1: i64,
    axis2: i64,
) -> PyResult<Rc<NdArray>> {
    let nd = a.ndim();
    if nd < 2 {
        return Err(PyError::value(
            "diag requires an array of at least two dimensions",
        ));
    }
    let a1 = normalize_axis(axis1, nd)
        .map_err(|_| PyError::axis_out_of_bounds_named("axis1", axis1, nd))?;
    let a2 = normalize_axis(axis2, nd)
        .map_err(|_| PyError::axis_out_of_bounds_named("axis2", axis2, nd))?;
    if a1 == a2 {
        return Err(PyError::value("axis1 and axis2 cannot be the same"));
    }
    let l = a.layout().clone();
    let (n1, n2) = (l.shape[a1] as i64, l.shape[a2] as i64);
    let (s1, s2) = (l.strides[a1], l.strides[a2]);
    let mut off = l.offset_bytes;
    let len = if offset >= 0 {
        let len = (n2 - offset).min(n1).max(0);
        if len > 0 {
            off += offset as isize * s2;
        }
        len
    } else {
        let len = (n1 + offset).min(n2).max(0);
        if len > 0 {
            off += (-offset) as isize * s1;
        }
        len
    };
    let mut shape = Vec::with_capacity(nd - 1);
    let mut strides = Vec::with_capacity(nd - 1);
    for ax in 0..nd {
        if ax != a1 && ax != a2 {
            shape.push(l.shape[ax]);
            strides.push(l.strides[ax]);
        }
    }
    shape.push(len as usize);
    strides.push(s1 + s2);
    let layout = Layout {
        shape,
        strides,
        offset_bytes: off,
    };
    Ok(a.view_with(&it.ctx, a.dtype(), layout).into_readonly())
}

pub(super) fn diagonal(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let offset = it.arg_i64(&mut a, "offset")?;
    let a1 = it.arg_i64(&mut a, "axis1")?;
    let a2 = it.arg_i64(&mut a, "axis2")?;
    Ok(Value::Array(diagonal_view(it, &x, offset, a1, a2)?))
}

pub(super) fn trace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = subject(it, &mut a, "a")?;
    let offset = it.arg_i64(&mut a, "offset")?;
    let a1 = it.arg_i64(&mut a, "axis1")?;
    let a2 = it.arg_i64(&mut a, "axis2")?;
    let d = diagonal_view(it, &x, offset, a1, a2)?;
    let mut kw = vec![("axis".to_string(), it.new_i64(-1))];
    kw.extend(a.given_keywords(&["dtype"]));
    it.call_method(&Value::Array(d), "sum", vec![], kw)
}

/// `np.diag(v, k)`: a 1-d `v` becomes the `k`-th diagonal of a new square array; a 2-d one
/// gives its diagonal (a read-only view).
pub(super) fn diag(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("v")?;
    let k = it.arg_i64(&mut a, "k")?;
    let v = array_of(it, &v)?;
    match v.ndim() {
        1 => {
            let n = v.size() + k.unsigned_abs() as usize;
            let res = NdArray::zeros(&it.ctx, &[n, n], v.dtype(), Order::C)?;
            let d = diagonal_view(it, &res, k, 0, 1)?;
            // the view of a fresh array: writeable for this fill
            let w = res.view_with(&it.ctx, res.dtype(), d.layout().clone());
            kernels::assign(&it.ctx, &w, &v)?;
            Ok(Value::Array(res))
        }
        2 => Ok(Value::Array(diagonal_view(it, &v, k, 0, 1)?)),
        _ => Err(PyError::value("Input must be 1- or 2-d.")),
    }
}

/// The `tri` mask: true where `j - i <= k`.
fn tri_mask(it: &mut Interp, n: usize, m: usize, k: i64) -> PyResult<Rc<NdArray>> {
    let mut bits = Vec::with_capacity(n * m);
    for i in 0..n as i64 {
        for j in 0..m as i64 {
            bits.push((j - i <= k) as u8);
        }
    }
    let flat = vec_array(it, DType::BOOL, &bits)?;
    reshaped(it, &flat, &[n, m])
}

pub(super) fn tri(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["like"])?;
    let n = it.arg_i64(&mut a, "N")?;
    let m = match a.take_some("M") {
        Some(v) => it.int_value(&v, "")?.to_i64().unwrap_or(0),
        None => n,
    };
    let k = it.arg_i64(&mut a, "k")?;
    let dt = it.arg_dtype(&mut a, "dtype")?.unwrap_or(DType::FLOAT64);
    if n < 0 || m < 0 {
        return Err(PyError::value("negative dimensions are not allowed"));
    }
    let mask = tri_mask(it, n as usize, m as usize, k)?;
    Ok(Value::Array(kernels::cast_array(
        &it.ctx,
        &mask,
        dt,
        Order::C,
    )?))
}

/// `triu`/`tril`: zeros below (above) the `k`-th diagonal of the last two axes.
pub(super) fn triu(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.req("m")?;
    let k = it.arg_i64(&mut a, "k")?;
    let m = array_of(it, &m)?;
    let shape = m.shape().to_vec();
    let (rows, cols) = match shape.len() {
        0 => {
            return Err(PyError::value(
                "not enough values to unpack (expected 2, got 0)",
            ));
        }
        1 => (shape[0], shape[0]),
        n => (shape[n - 2], shape[n - 1]),
    };
    let zero = NdArray::zeros(&it.ctx, &[1], m.dtype(), Order::C)?;
    let (mv, zv) = (Value::Array(m), Value::Array(zero));
    if a.func == "triu" {
        let mask = tri_mask(it, rows, cols, k - 1)?;
        it.where_select(&Value::Array(mask), &zv, &mv)
    } else {
        let mask = tri_mask(it, rows, cols, k)?;
        it.where_select(&Value::Array(mask), &mv, &zv)
    }
}
