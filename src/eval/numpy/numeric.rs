//! Numeric helpers of the numpy module, written as NumPy writes them (ufuncs over whole
//! arrays, so every element loop is a typed kernel): `diff`, `isclose`/`allclose`, the products
//! `outer`/`inner`/`vdot`/`tensordot`/`cross`/`kron`, `interp`, `median`, `percentile`/
//! `quantile` (method `linear`), `ptp`, `average` and `fromiter`.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::kernels::{self, BinaryOp, Predicate};
use crate::runtime::{DType, Kind, NdArray, Order, OrderArg, Scalar};

use super::arrange::{along, slice_of};
use super::sorting::{as_f64, vec_array};

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.diff",
        "(a, n=1, axis=-1, prepend=<no value>, append=<no value>)",
        diff,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.isclose",
        "(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
        isclose,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.allclose",
        "(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
        isclose,
    ).returns("bool"),
    Row::np_py("numpy.outer", "(a, b, out=None)", outer).returns("ndarray"),
    Row::np_c("numpy.inner", "(a, b, /)", inner).returns("ndarray"),
    Row::np_c("numpy.vdot", "(a, b, /)", vdot).returns("ndarray"),
    Row::np_py("numpy.tensordot", "(a, b, axes=2)", tensordot).returns("ndarray"),
    Row::np_py(
        "numpy.cross",
        "(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None)",
        cross,
    ).returns("ndarray"),
    Row::np_py("numpy.kron", "(a, b)", kron).returns("ndarray"),
    Row::np_py(
        "numpy.interp",
        "(x, xp, fp, left=None, right=None, period=None)",
        interp,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.median",
        "(a, axis=None, out=None, overwrite_input=False, keepdims=False)",
        median,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.percentile",
        "(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, *, weights=None)",
        percentile,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.quantile",
        "(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, *, weights=None)",
        percentile,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.ptp",
        "(a, axis=None, out=None, keepdims=<no value>)",
        ptp,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.average",
        "(a, axis=None, weights=None, returned=False, *, keepdims=<no value>)",
        average,
    ).returns("ndarray"),
    Row::np_c(
        "numpy.fromiter",
        "(iter, dtype, count=-1, *, like=None)",
        fromiter,
    ).returns("ndarray"),
];

fn array_of(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    it.to_array(v, None)
}

/// `np.any(v)` / `np.all(v)` as a Rust bool (`v` an array or a NumPy scalar).
pub(crate) fn reduce_truth(it: &mut Interp, v: &Value, all: bool) -> PyResult<bool> {
    let arr = Value::Array(array_of(it, v)?);
    let r = it.call_method(&arr, if all { "all" } else { "any" }, vec![], vec![])?;
    it.truthy(&r)
}

fn bin(it: &mut Interp, a: &Value, op: BinaryOp, b: &Value, sym: &str) -> PyResult<Value> {
    it.numpy_binary(a, op, b, sym)
}

/// NumPy's `diff`: `a[1:] - a[:-1]` along the axis, `n` times (`!=` for bools).
fn diff(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let n = it.arg_i64(&mut a, "n")?;
    if n == 0 {
        return Ok(x);
    }
    if n < 0 {
        return Err(PyError::value(format!(
            "order must be non-negative but got {n}"
        )));
    }
    let x = array_of(it, &x)?;
    let nd = x.ndim();
    if nd == 0 {
        return Err(PyError::value(
            "diff requires input that is at least one dimensional",
        ));
    }
    let ax = match a.take("axis") {
        Some(v) => it.axis_value(&v)?,
        None => -1,
    };
    let axis = normalize_axis(ax, nd)?;
    let mut parts = Vec::new();
    for (name, _) in [("prepend", 0), ("append", 1)] {
        let Some(v) = a.take(name) else { continue };
        let p = array_of(it, &v)?;
        let p = if p.ndim() == 0 {
            let mut shape: Vec<i128> = x.shape().iter().map(|&d| d as i128).collect();
            shape[axis] = 1;
            let sv = it.int_tuple(shape);
            let b = it.call_numpy(
                "numpy.broadcast_to",
                vec![Value::Array(p)],
                vec![("shape".into(), sv)],
            )?;
            array_of(it, &b)?
        } else {
            p
        };
        parts.push((name, Value::Array(p)));
    }
    let mut cur = Value::Array(x.clone());
    if !parts.is_empty() {
        let mut list = Vec::new();
        if let Some((_, p)) = parts.iter().find(|(k, _)| *k == "prepend") {
            list.push(p.clone());
        }
        list.push(cur.clone());
        if let Some((_, p)) = parts.iter().find(|(k, _)| *k == "append") {
            list.push(p.clone());
        }
        let l = it.new_list(list);
        let axv = it.new_i64(axis as i64);
        cur = it.call_numpy("numpy.concatenate", vec![l], vec![("axis".into(), axv)])?;
    }
    let is_bool = array_of(it, &cur)?.dtype().kind == Kind::Bool;
    let hi = slice_of(it, Some(1), None, None);
    let hi = along(it, axis, hi);
    let lo = slice_of(it, None, Some(-1), None);
    let lo = along(it, axis, lo);
    for _ in 0..n {
        let h = it.getitem(&cur, &hi)?;
        let l = it.getitem(&cur, &lo)?;
        cur = if is_bool {
            bin(it, &h, BinaryOp::Ne, &l, "!=")?
        } else {
            bin(it, &h, BinaryOp::Sub, &l, "-")?
        };
    }
    Ok(cur)
}

fn is_python_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Complex(_) | Value::Bool(_)
    )
}

/// NumPy's `isclose`: `|a - b| <= atol + rtol * |b|` where `b` is finite, or `a == b`;
/// `allclose` is `bool(all(isclose(...)))`. NumPy computes it under
/// `errstate(invalid='ignore')` (`inf - inf` is quiet).
fn isclose(it: &mut Interp, a: Bound) -> PyResult<Value> {
    it.with_fp_ignored(crate::runtime::fpe::FpFlags::INVALID, |it| {
        isclose_in(it, a)
    })
}

fn isclose_in(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let y = a.req("b")?;
    let rtol = a.take("rtol").unwrap_or_else(|| it.new_float(1e-5));
    let atol = a.take("atol").unwrap_or_else(|| it.new_float(1e-8));
    let equal_nan = it.arg_bool(&mut a, "equal_nan")?;
    let as_operand = |it: &mut Interp, v: Value| -> PyResult<Value> {
        if is_python_number(&v) {
            Ok(v)
        } else {
            Ok(Value::Array(array_of(it, &v)?))
        }
    };
    let mut x = as_operand(it, x)?;
    let mut y = as_operand(it, y)?;
    let rtol = as_operand(it, rtol)?;
    let atol = as_operand(it, atol)?;
    if let Value::Array(ya) = &y {
        // y as at least float64 (result_type(y, 1.)): integers become float64
        let dt = if ya.dtype().is_inexact() {
            ya.dtype()
        } else {
            DType::FLOAT64
        };
        if dt != ya.dtype() {
            y = Value::Array(kernels::cast_array(&it.ctx, ya, dt, Order::C)?);
        }
    } else if let Value::Int(_) | Value::Bool(_) = &y {
        let f = it.to_array(&y, Some(DType::FLOAT64))?;
        y = it.wrap_result(f)?;
        y = match y {
            Value::Scalar(s) => it.new_float(match s.v {
                Scalar::Float(f) => f,
                _ => 0.0,
            }),
            other => other,
        };
    }
    if is_python_number(&x) && is_python_number(&y) {
        x = Value::Array(array_of(it, &x)?);
    }
    let d = bin(it, &x, BinaryOp::Sub, &y, "-")?;
    let da = array_of(it, &d)?;
    let ad = it.numpy_unary("absolute", &da)?;
    let ya = array_of(it, &y)?;
    let ay = it.numpy_unary("absolute", &ya)?;
    let ay = if matches!(y, Value::Float(_)) {
        y_abs_weak(it, &y)?
    } else {
        ay
    };
    let tol = match (py_float(&rtol), py_float(&atol), py_float(&ay)) {
        // Python numbers throughout: Python's own arithmetic
        (Some(r), Some(t), Some(y)) => it.new_float(t + r * y),
        _ => {
            let tol = bin(it, &rtol, BinaryOp::Mul, &ay, "*")?;
            bin(it, &atol, BinaryOp::Add, &tol, "+")?
        }
    };
    let le = bin(it, &ad, BinaryOp::Le, &tol, "<=")?;
    let fin = kernels::predicate(&it.ctx, Predicate::IsFinite, &ya)?;
    let r = bin(it, &le, BinaryOp::BitAnd, &Value::Array(fin), "&")?;
    let eq = bin(it, &x, BinaryOp::Eq, &y, "==")?;
    let mut r = bin(it, &r, BinaryOp::BitOr, &eq, "|")?;
    if equal_nan {
        let xa = array_of(it, &x)?;
        let nx = kernels::predicate(&it.ctx, Predicate::IsNan, &xa)?;
        let ny = kernels::predicate(&it.ctx, Predicate::IsNan, &ya)?;
        let both = bin(
            it,
            &Value::Array(nx),
            BinaryOp::BitAnd,
            &Value::Array(ny),
            "&",
        )?;
        r = bin(it, &r, BinaryOp::BitOr, &both, "|")?;
    }
    if a.func == "allclose" {
        return Ok(Value::Bool(reduce_truth(it, &r, true)?));
    }
    let ra = array_of(it, &r)?;
    it.wrap_result(ra)
}

/// A Python int or float as f64.
fn py_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(f.v),
        Value::Int(i) => i.v.to_i64().map(|x| x as f64),
        _ => None,
    }
}

/// `abs(y)` of a Python float stays a Python float (weak in what follows).
fn y_abs_weak(it: &mut Interp, y: &Value) -> PyResult<Value> {
    match y {
        Value::Float(f) => Ok(it.new_float(f.v.abs())),
        other => Ok(other.clone()),
    }
}

/// `np.outer(a, b)`: `a.ravel()[:, None] * b.ravel()[None, :]`.
fn outer(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = a.req("a")?;
    let y = a.req("b")?;
    let x = array_of(it, &x)?.ravel(&it.ctx, OrderArg::C)?;
    let y = array_of(it, &y)?.ravel(&it.ctx, OrderArg::C)?;
    let (n, m) = (x.size() as i128, y.size() as i128);
    let xc = x.reshape(&it.ctx, &[n, 1], OrderArg::C)?;
    let yr = y.reshape(&it.ctx, &[1, m], OrderArg::C)?;
    bin(it, &Value::Array(xc), BinaryOp::Mul, &Value::Array(yr), "*")
}

/// `np.inner(a, b)`: the sum product over the last axes (`tensordot(a, b, (-1, -1))`).
fn inner(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let y = a.req("b")?;
    let xa = array_of(it, &x)?;
    let ya = array_of(it, &y)?;
    if xa.ndim() == 0 || ya.ndim() == 0 {
        return bin(it, &x, BinaryOp::Mul, &y, "*");
    }
    let (ka, kb) = (xa.shape()[xa.ndim() - 1], ya.shape()[ya.ndim() - 1]);
    if ka != kb {
        return Err(PyError::value(format!(
            "shapes {} and {} not aligned: {ka} (dim {}) != {kb} (dim {})",
            crate::error::np_shape_str(&xa.shape()),
            crate::error::np_shape_str(&ya.shape()),
            xa.ndim() - 1,
            ya.ndim() - 1
        )));
    }
    let r = tensordot_axes(it, &xa, &ya, vec![-1], vec![-1])?;
    if r.ndim() == 0 {
        return it.wrap_result(r);
    }
    Ok(Value::Array(r))
}

/// `np.vdot(a, b)`: the dot product of the flattened arrays, `a` conjugated.
fn vdot(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let y = a.req("b")?;
    let xa = array_of(it, &x)?.ravel(&it.ctx, OrderArg::C)?;
    let ya = array_of(it, &y)?.ravel(&it.ctx, OrderArg::C)?;
    if xa.size() != ya.size() {
        return Err(PyError::value("cannot reshape array of size mismatch"));
    }
    let xa = if xa.dtype().kind == Kind::Complex {
        let c = it.numpy_unary("conjugate", &xa)?;
        array_of(it, &c)?
    } else {
        xa
    };
    it.dot_values(&Value::Array(xa), &Value::Array(ya))
}

/// NumPy's `tensordot`: transpose and reshape both to matrices, `dot`, reshape back.
fn tensordot_axes(
    it: &mut Interp,
    a: &Rc<NdArray>,
    b: &Rc<NdArray>,
    mut axes_a: Vec<i64>,
    mut axes_b: Vec<i64>,
) -> PyResult<Rc<NdArray>> {
    let (sa, sb) = (a.shape().to_vec(), b.shape().to_vec());
    let (nda, ndb) = (sa.len() as i64, sb.len() as i64);
    let mut equal = axes_a.len() == axes_b.len();
    if equal {
        for k in 0..axes_a.len() {
            let (ia, ib) = (axes_a[k], axes_b[k]);
            let da = usize::try_from(if ia < 0 { ia + nda } else { ia }).ok();
            let db = usize::try_from(if ib < 0 { ib + ndb } else { ib }).ok();
            match (da.and_then(|d| sa.get(d)), db.and_then(|d| sb.get(d))) {
                (Some(x), Some(y)) if x == y => {}
                (Some(_), Some(_)) => {
                    equal = false;
                    break;
                }
                _ => return Err(PyError::index("tuple index out of range")),
            }
            if ia < 0 {
                axes_a[k] += nda;
            }
            if ib < 0 {
                axes_b[k] += ndb;
            }
        }
    }
    if !equal {
        return Err(PyError::value("shape-mismatch for sum"));
    }
    let notin_a: Vec<i64> = (0..nda).filter(|k| !axes_a.contains(k)).collect();
    let notin_b: Vec<i64> = (0..ndb).filter(|k| !axes_b.contains(k)).collect();
    let n2: i128 = axes_a.iter().map(|&k| sa[k as usize] as i128).product();
    let pa: i128 = notin_a.iter().map(|&k| sa[k as usize] as i128).product();
    let pb: i128 = notin_b.iter().map(|&k| sb[k as usize] as i128).product();
    let mut perm_a = notin_a.clone();
    perm_a.extend(&axes_a);
    let mut perm_b = axes_b.clone();
    perm_b.extend(&notin_b);
    let at = a
        .transpose(&it.ctx, Some(&perm_a))?
        .reshape(&it.ctx, &[pa, n2], OrderArg::C)?;
    let bt = b
        .transpose(&it.ctx, Some(&perm_b))?
        .reshape(&it.ctx, &[n2, pb], OrderArg::C)?;
    let res = it.dot_arrays(&at, &bt)?;
    let mut shape: Vec<i128> = notin_a.iter().map(|&k| sa[k as usize] as i128).collect();
    shape.extend(notin_b.iter().map(|&k| sb[k as usize] as i128));
    res.reshape(&it.ctx, &shape, OrderArg::C)
}

fn int_list(it: &mut Interp, v: &Value) -> PyResult<Vec<i64>> {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Array(_) => {
            let items = it.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                out.push(it.c_long(&x)?);
            }
            Ok(out)
        }
        other => Ok(vec![it.c_long(other)?]),
    }
}

fn tensordot(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let y = a.req("b")?;
    let axes = a.take("axes");
    let (axes_a, axes_b) = match axes {
        None => (vec![-2, -1], vec![0, 1]),
        Some(v @ (Value::List(_) | Value::Tuple(_))) => {
            let items = it.collect(&v)?;
            if items.len() != 2 {
                return Err(PyError::value("not enough values to unpack (expected 2)"));
            }
            (int_list(it, &items[0])?, int_list(it, &items[1])?)
        }
        Some(v) => {
            let n = it.int_value(&v, "")?.to_i64().unwrap_or(0);
            ((-n..0).collect(), (0..n).collect())
        }
    };
    let xa = array_of(it, &x)?;
    let ya = array_of(it, &y)?;
    Ok(Value::Array(tensordot_axes(it, &xa, &ya, axes_a, axes_b)?))
}

/// `np.cross(a, b)` of 3-vectors along the last axis (NumPy's formulas, in NumPy's order).
fn cross(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["axisa", "axisb", "axisc", "axis"])?;
    let x = a.req("a")?;
    let y = a.req("b")?;
    let xa = array_of(it, &x)?;
    let ya = array_of(it, &y)?;
    let last = |v: &Rc<NdArray>| v.shape().last().copied().unwrap_or(0);
    let (nx, ny) = (last(&xa), last(&ya));
    if xa.ndim() == 0 || ya.ndim() == 0 || !(nx == 2 || nx == 3) || !(ny == 2 || ny == 3) {
        return Err(PyError::value(
            "incompatible dimensions for cross product\n(dimension must be 2 or 3)",
        ));
    }
    if nx != 3 || ny != 3 {
        return Err(PyError::not_implemented(
            "arrsh's cross supports 3-vectors only (2-vectors are deprecated in NumPy 2)",
        ));
    }
    let comp = |it: &mut Interp, v: &Rc<NdArray>, i: i64| -> PyResult<Value> {
        let mut items = vec![Value::Ellipsis];
        items.push(it.new_i64(i));
        let idx = it.new_tuple(items);
        it.getitem(&Value::Array(v.clone()), &idx)
    };
    let (a0, a1, a2) = (comp(it, &xa, 0)?, comp(it, &xa, 1)?, comp(it, &xa, 2)?);
    let (b0, b1, b2) = (comp(it, &ya, 0)?, comp(it, &ya, 1)?, comp(it, &ya, 2)?);
    let mut parts = Vec::with_capacity(3);
    for (p, q, r, s) in [
        (&a1, &b2, &a2, &b1),
        (&a2, &b0, &a0, &b2),
        (&a0, &b1, &a1, &b0),
    ] {
        let l = bin(it, p, BinaryOp::Mul, q, "*")?;
        let rr = bin(it, r, BinaryOp::Mul, s, "*")?;
        parts.push(bin(it, &l, BinaryOp::Sub, &rr, "-")?);
    }
    let list = it.new_list(parts);
    let axv = it.new_i64(-1);
    it.call_numpy("numpy.stack", vec![list], vec![("axis".into(), axv)])
}

/// `np.kron(a, b)` for arrays of the same number of dimensions: the outer product with the
/// axes interleaved, reshaped to the product shape.
fn kron(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let y = a.req("b")?;
    let xa = array_of(it, &x)?;
    let ya = array_of(it, &y)?;
    let nd = xa.ndim().max(ya.ndim());
    let pad = |it: &mut Interp, v: &Rc<NdArray>| -> PyResult<Rc<NdArray>> {
        let mut s: Vec<i128> = vec![1; nd - v.ndim()];
        s.extend(v.shape().iter().map(|&d| d as i128));
        v.reshape(&it.ctx, &s, OrderArg::C)
    };
    let (xa, ya) = (pad(it, &xa)?, pad(it, &ya)?);
    let mut sx = Vec::with_capacity(2 * nd);
    let mut sy = Vec::with_capacity(2 * nd);
    let mut out = Vec::with_capacity(nd);
    for d in 0..nd {
        sx.extend([xa.shape()[d] as i128, 1]);
        sy.extend([1, ya.shape()[d] as i128]);
        out.push((xa.shape()[d] * ya.shape()[d]) as i128);
    }
    let xr = xa.reshape(&it.ctx, &sx, OrderArg::C)?;
    let yr = ya.reshape(&it.ctx, &sy, OrderArg::C)?;
    let p = bin(it, &Value::Array(xr), BinaryOp::Mul, &Value::Array(yr), "*")?;
    let p = array_of(it, &p)?;
    Ok(Value::Array(p.reshape(&it.ctx, &out, OrderArg::C)?))
}

/// NumPy's `interp` (`arr_interp` in C): a binary search per point, `slope * (x - xp[j]) +
/// fp[j]`, retried from the right end when that gives NaN.
fn interp(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["period"])?;
    let xv = a.req("x")?;
    let xpv = a.req("xp")?;
    let fpv = a.req("fp")?;
    let xarr = array_of(it, &xv)?;
    let xp_arr = array_of(it, &xpv)?;
    let fp_arr = array_of(it, &fpv)?;
    if fp_arr.dtype().kind == Kind::Complex {
        return Err(PyError::not_implemented(
            "arrsh's interp does not support complex fp yet",
        ));
    }
    if xp_arr.ndim() != 1 || fp_arr.ndim() != 1 {
        return Err(PyError::value("Data points must be 1-D sequences"));
    }
    if xp_arr.size() != fp_arr.size() {
        return Err(PyError::value("fp and xp are not of the same length."));
    }
    if xp_arr.size() == 0 {
        return Err(PyError::value("array of sample points is empty"));
    }
    let x = as_f64(it, &xarr)?;
    let xp = as_f64(it, &xp_arr)?;
    let fp = as_f64(it, &fp_arr)?;
    let n = xp.len();
    let bound = |it: &mut Interp, v: Option<Value>, d: f64| -> PyResult<f64> {
        match v {
            Some(v) if !v.is_none() => {
                let arr = array_of(it, &v)?;
                Ok(as_f64(it, &arr)?.first().copied().unwrap_or(d))
            }
            _ => Ok(d),
        }
    };
    let left = bound(it, a.take("left"), fp[0])?;
    let right = bound(it, a.take("right"), fp[n - 1])?;
    let mut out = Vec::with_capacity(x.len());
    for (k, &xv) in x.iter().enumerate() {
        if k % 8192 == 0 {
            it.ctx.check_interrupt()?;
        }
        if xv.is_nan() {
            out.push(xv);
            continue;
        }
        // j: the last index with xp[j] <= x (-1 below, n above)
        let j: i64 = if xv < xp[0] {
            -1
        } else if xv > xp[n - 1] {
            n as i64
        } else {
            (xp.partition_point(|&p| p <= xv) as i64 - 1).max(0)
        };
        let r = if j == -1 {
            left
        } else if j == n as i64 {
            right
        } else {
            let j = j as usize;
            if j == n - 1 || xp[j] == xv {
                fp[j]
            } else {
                let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
                let mut r = slope * (xv - xp[j]) + fp[j];
                if r.is_nan() {
                    r = slope * (xv - xp[j + 1]) + fp[j + 1];
                    if r.is_nan() && fp[j] == fp[j + 1] {
                        r = fp[j];
                    }
                }
                r
            }
        };
        out.push(r);
    }
    let shape: Vec<i128> = xarr.shape().iter().map(|&d| d as i128).collect();
    let flat = vec_array(it, DType::FLOAT64, &out)?;
    let r = flat.reshape(&it.ctx, &shape, OrderArg::C)?;
    it.wrap_result(r)
}

/// The array sorted along `axis` with that axis moved first (the whole array flattened when
/// `axis` is None), as the quantile functions read it.
fn sorted_first(
    it: &mut Interp,
    x: &Rc<NdArray>,
    axis: Option<Value>,
) -> PyResult<(Rc<NdArray>, Option<usize>)> {
    let (work, ax) = match axis {
        None | Some(Value::None) => (x.ravel(&it.ctx, OrderArg::C)?, None),
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (x.clone(), Some(normalize_axis(ax, x.ndim())?))
        }
    };
    let axis_i = it.new_i64(ax.unwrap_or(0) as i64);
    let s = it.call_numpy(
        "numpy.sort",
        vec![Value::Array(work)],
        vec![("axis".into(), axis_i)],
    )?;
    let s = array_of(it, &s)?;
    let first = match ax {
        Some(ax) if ax != 0 => {
            let mut perm: Vec<i64> = vec![ax as i64];
            perm.extend((0..s.ndim() as i64).filter(|&d| d != ax as i64));
            s.transpose(&it.ctx, Some(&perm))?
        }
        _ => s,
    };
    Ok((first, ax))
}

/// Where the sorted data has a NaN (NaNs sort last), the result is NaN.
fn nan_fix(it: &mut Interp, sorted: &Rc<NdArray>, r: Value) -> PyResult<Value> {
    if !sorted.dtype().is_inexact() || sorted.shape()[0] == 0 {
        return Ok(r);
    }
    let i = it.new_i64(-1);
    let lastv = it.getitem(&Value::Array(sorted.clone()), &i)?;
    let last = array_of(it, &lastv)?;
    let nan = kernels::predicate(&it.ctx, Predicate::IsNan, &last)?;
    let any = it.call_method(&Value::Array(nan.clone()), "any", vec![], vec![])?;
    if !it.truthy(&any)? {
        return Ok(r);
    }
    let ra = array_of(it, &r)?;
    let nanv = it.new_float(f64::NAN);
    let sel = it.where_select(&Value::Array(nan), &nanv, &r)?;
    let sel = array_of(it, &sel)?;
    let sel = kernels::cast_array(&it.ctx, &sel, ra.dtype(), Order::C)?;
    if matches!(r, Value::Array(_)) {
        Ok(Value::Array(sel))
    } else {
        it.wrap_result(sel)
    }
}

/// NumPy's `median`: the mean of the middle one or two sorted elements along the axis.
fn median(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out", "keepdims"])?;
    let _ = a.take("overwrite_input");
    let x = a.req("a")?;
    let x = array_of(it, &x)?;
    let x = if x.ndim() == 0 {
        x.reshape(&it.ctx, &[1], OrderArg::C)?
    } else {
        x
    };
    let (s, _) = sorted_first(it, &x, a.take("axis"))?;
    let n = s.shape()[0] as i64;
    let half = n / 2;
    let sl = if n % 2 == 1 {
        slice_of(it, Some(half), Some(half + 1), None)
    } else {
        slice_of(it, Some(half - 1), Some(half + 1), None)
    };
    let mid = it.getitem(&Value::Array(s.clone()), &sl)?;
    let zero = it.new_i64(0);
    let r = it.call_method(&mid, "mean", vec![], vec![("axis".into(), zero)])?;
    nan_fix(it, &s, r)
}

/// NumPy's `percentile`/`quantile` with `method='linear'`: for each q, the sorted values at
/// `floor((n - 1) * q)` and the next, mixed by NumPy's `_lerp`.
fn percentile(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out", "keepdims", "weights"])?;
    let _ = a.take("overwrite_input");
    if let Some(m) = a.take("method")
        && !matches!(&m, Value::Str(s) if s.v == "linear")
    {
        return Err(PyError::not_implemented(
            "arrsh's percentile/quantile support method='linear' only",
        ));
    }
    let is_pct = a.func == "percentile";
    let x = a.req("a")?;
    let qv = a.req("q")?;
    let weak_q = matches!(qv, Value::Int(_) | Value::Float(_));
    let qa = array_of(it, &qv)?;
    let mut q = as_f64(it, &qa)?;
    if is_pct {
        for v in q.iter_mut() {
            *v /= 100.0;
        }
    }
    if q.iter().any(|&v| !(0.0..=1.0).contains(&v)) {
        return Err(PyError::value(if is_pct {
            "Percentiles must be in the range [0, 100]"
        } else {
            "Quantiles must be in the range [0, 1]"
        }));
    }
    let x = array_of(it, &x)?;
    let x = if x.ndim() == 0 {
        x.reshape(&it.ctx, &[1], OrderArg::C)?
    } else {
        x
    };
    let (s, _) = sorted_first(it, &x, a.take("axis"))?;
    let n = s.shape()[0] as i64;
    if n == 0 {
        return Err(PyError::index(
            "index -1 is out of bounds for axis 0 with size 0",
        ));
    }
    let sv = Value::Array(s.clone());
    let mut results = Vec::with_capacity(q.len());
    for &qi in &q {
        let vi = (n - 1) as f64 * qi;
        let (prev, next) = if vi >= (n - 1) as f64 {
            (-1, -1)
        } else if vi < 0.0 {
            (0, 0)
        } else {
            let p = vi.floor() as i64;
            (p, p + 1)
        };
        let gamma = vi - prev as f64;
        let pi = it.new_i64(prev);
        let ni = it.new_i64(next);
        let lo = it.getitem(&sv, &pi)?;
        let hi = it.getitem(&sv, &ni)?;
        let t = if weak_q {
            it.new_float(gamma)
        } else {
            it.new_scalar(DType::FLOAT64, Scalar::Float(gamma))
        };
        let d = bin(it, &hi, BinaryOp::Sub, &lo, "-")?;
        let r = if gamma >= 0.5 {
            let one_minus = if weak_q {
                it.new_float(1.0 - gamma)
            } else {
                it.new_scalar(DType::FLOAT64, Scalar::Float(1.0 - gamma))
            };
            let dt = bin(it, &d, BinaryOp::Mul, &one_minus, "*")?;
            // the subtraction is computed in the dtype add(a, diff * t) gives
            let dtt = bin(it, &d, BinaryOp::Mul, &t, "*")?;
            let lerp = bin(it, &lo, BinaryOp::Add, &dtt, "+")?;
            let ldt = array_of(it, &lerp)?.dtype();
            let r = bin(it, &hi, BinaryOp::Sub, &dt, "-")?;
            let ra = array_of(it, &r)?;
            if ra.dtype() != ldt {
                let c = kernels::cast_array(&it.ctx, &ra, ldt, Order::C)?;
                if matches!(r, Value::Array(_)) {
                    Value::Array(c)
                } else {
                    it.wrap_result(c)?
                }
            } else {
                r
            }
        } else {
            let dtt = bin(it, &d, BinaryOp::Mul, &t, "*")?;
            bin(it, &lo, BinaryOp::Add, &dtt, "+")?
        };
        results.push(nan_fix(it, &s, r)?);
    }
    if qa.ndim() == 0 {
        return Ok(results.pop().unwrap_or(Value::None));
    }
    let list = it.new_list(results);
    let r = it.call_numpy("numpy.stack", vec![list], vec![])?;
    let r = array_of(it, &r)?;
    let mut shape: Vec<i128> = qa.shape().iter().map(|&d| d as i128).collect();
    shape.extend(r.shape()[1..].iter().map(|&d| d as i128));
    Ok(Value::Array(r.reshape(&it.ctx, &shape, OrderArg::C)?))
}

/// `np.ptp(a, axis)`: `max - min`.
fn ptp(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = a.req("a")?;
    let x = Value::Array(array_of(it, &x)?);
    let kw = a.given_keywords(&["axis", "keepdims"]);
    let hi = it.call_method(&x, "max", vec![], kw.clone())?;
    let lo = it.call_method(&x, "min", vec![], kw)?;
    bin(it, &hi, BinaryOp::Sub, &lo, "-")
}

/// `np.average(a, axis, weights)`: the mean, or `sum(a * w) / sum(w)`.
fn average(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["keepdims"])?;
    let x = a.req("a")?;
    let x = Value::Array(array_of(it, &x)?);
    let axis = a.take("axis").unwrap_or(Value::None);
    let returned = it.arg_bool(&mut a, "returned")?;
    let Some(w) = a.take_some("weights") else {
        let avg = it.call_method(&x, "mean", vec![], vec![("axis".into(), axis.clone())])?;
        if returned {
            let xa = array_of(it, &x)?;
            let avg_a = array_of(it, &avg)?;
            let cnt = (xa.size() / avg_a.size().max(1)) as f64;
            let c = it.scalar_to_array(avg_a.dtype(), &Scalar::Float(cnt))?;
            let c = it.wrap_result(c)?;
            return Ok(it.new_tuple(vec![avg, c]));
        }
        return Ok(avg);
    };
    let wa = array_of(it, &w)?;
    let xa = array_of(it, &x)?;
    if wa.shape().to_vec() != xa.shape().to_vec() {
        return Err(PyError::not_implemented(
            "arrsh's average needs weights of the array's shape",
        ));
    }
    // result_type(a.dtype, weights.dtype, 'f8')
    let rdt = crate::runtime::dtype::promote(xa.dtype(), wa.dtype())
        .and_then(|d| crate::runtime::dtype::promote(d, DType::FLOAT64))
        .ok_or_else(|| PyError::type_error("average: no common dtype"))?;
    let xa = kernels::cast_array(&it.ctx, &xa, rdt, Order::C)?;
    let wv = Value::Array(kernels::cast_array(&it.ctx, &wa, rdt, Order::C)?);
    let scl = it.call_method(&wv, "sum", vec![], vec![("axis".into(), axis.clone())])?;
    let zero = it.new_float(0.0);
    let is_zero = bin(it, &scl, BinaryOp::Eq, &zero, "==")?;
    if reduce_truth(it, &is_zero, false)? {
        return Err(PyError::new(
            crate::error::ErrorKind::ZeroDivisionError,
            "Weights sum to zero, can't be normalized",
        ));
    }
    let prod = bin(it, &Value::Array(xa), BinaryOp::Mul, &wv, "*")?;
    let num = it.call_method(&prod, "sum", vec![], vec![("axis".into(), axis)])?;
    let avg = bin(it, &num, BinaryOp::TrueDiv, &scl, "/")?;
    if returned {
        return Ok(it.new_tuple(vec![avg, scl]));
    }
    Ok(avg)
}

/// `np.fromiter(iter, dtype, count)`: the first `count` items (all when -1) as a 1-d array.
fn fromiter(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["like"])?;
    let src = a.req("iter")?;
    let dtv = a.req("dtype")?;
    let count = it.arg_i64(&mut a, "count")?;
    let dt = it.to_dtype(&dtv)?;
    let iter = it.iter_object(&src)?;
    let mut items = Vec::new();
    while count < 0 || (items.len() as i64) < count {
        it.ctx.check_interrupt()?;
        match it.iter_next(&iter)? {
            Some(v) => items.push(v),
            None => break,
        }
    }
    if count >= 0 && (items.len() as i64) < count {
        return Err(PyError::value(format!(
            "iterator too short: Expected {count} but iterator had only {} items.",
            items.len()
        )));
    }
    let n = items.len();
    let list = it.new_list(items);
    let dv = it.new_dtype(dt);
    let r = it.call_numpy("numpy.array", vec![list], vec![("dtype".into(), dv)])?;
    let r = array_of(it, &r)?;
    if r.ndim() != 1 || r.size() != n {
        return Err(PyError::value("setting an array element with a sequence."));
    }
    Ok(Value::Array(r))
}
