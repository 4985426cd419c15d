//! NumPy's type checks on values (`numpy/lib/_type_check_impl.py`): `real`, `imag`, `isreal`,
//! `iscomplex`, `isrealobj`, `iscomplexobj`, `real_if_close`, written as NumPy's Python.

use crate::ErrorKind;
use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};
use crate::runtime::Kind;
use crate::syntax::ast::CmpOp;

use super::grids::np_call;

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.real", "(val)", real),
    Row::np_py("numpy.imag", "(val)", imag),
    Row::np_py("numpy.isreal", "(x)", isreal),
    Row::np_py("numpy.iscomplex", "(x)", iscomplex),
    Row::np_py("numpy.isrealobj", "(x)", isrealobj),
    Row::np_py("numpy.iscomplexobj", "(x)", iscomplexobj),
    Row::np_py("numpy.real_if_close", "(a, tol=100)", real_if_close),
];

/// `val.<part>`, or `asanyarray(val).<part>` for a value without one (a list).
fn part(it: &mut Interp, val: Value, name: &str) -> PyResult<Value> {
    match it.getattr(&val, name) {
        Err(e) if e.kind == ErrorKind::AttributeError => {
            let a = np_call(it, "asanyarray", vec![val], vec![])?;
            it.getattr(&a, name)
        }
        r => r,
    }
}

fn real(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    part(it, a.req("val")?, "real")
}

fn imag(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    part(it, a.req("val")?, "imag")
}

/// `imag(x) == 0` (Python's `==`: `np.isreal(3)` is the bool `True`).
fn isreal(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let im = part(it, a.req("x")?, "imag")?;
    let zero = it.new_i64(0);
    it.compare(&im, CmpOp::Eq, &zero)
}

/// `ax.imag != 0` for a complex array, otherwise all False (a scalar for a scalar).
fn iscomplex(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let ax = np_call(it, "asanyarray", vec![a.req("x")?], vec![])?;
    let complex = ax
        .as_array()
        .is_some_and(|a| a.dtype().kind == Kind::Complex);
    if complex {
        let im = it.getattr(&ax, "imag")?;
        let zero = it.new_i64(0);
        return np_call(it, "not_equal", vec![im, zero], vec![]);
    }
    let shape = it.getattr(&ax, "shape")?;
    let bool_ = it.module_attr("numpy", "bool")?;
    let res = np_call(it, "zeros", vec![shape, bool_], vec![])?;
    let empty = it.new_tuple(vec![]);
    it.getitem(&res, &empty)
}

/// Whether `x`'s dtype (or `asarray(x)`'s) is complex.
fn complex_obj(it: &mut Interp, x: Value) -> PyResult<bool> {
    let dtype = match it.getattr(&x, "dtype") {
        Err(e) if e.kind == ErrorKind::AttributeError => {
            let a = np_call(it, "asarray", vec![x], vec![])?;
            it.getattr(&a, "dtype")?
        }
        r => r?,
    };
    Ok(matches!(dtype, Value::DType(d) if d.dtype.kind == Kind::Complex))
}

fn iscomplexobj(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    Ok(Value::Bool(complex_obj(it, a.req("x")?)?))
}

fn isrealobj(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    Ok(Value::Bool(!complex_obj(it, a.req("x")?)?))
}

/// `a.real` when every imaginary part is below `tol` (in machine epsilons when `tol > 1`).
fn real_if_close(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let arr = np_call(it, "asanyarray", vec![a.req("a")?], vec![])?;
    let Some(dt) = arr.as_array().map(|x| x.dtype()) else {
        return Ok(arr);
    };
    if dt.kind != Kind::Complex {
        return Ok(arr);
    }
    let mut tol = match a.take_some("tol") {
        Some(t) => t,
        None => it.new_i64(100),
    };
    let one = it.new_i64(1);
    let above_one = it.compare(&tol, CmpOp::Gt, &one)?;
    if it.truthy(&above_one)? {
        let eps = it.new_float(if dt.itemsize == 8 {
            f32::EPSILON as f64
        } else {
            f64::EPSILON
        });
        tol = np_call(it, "multiply", vec![eps, tol], vec![])?;
    }
    let im = it.getattr(&arr, "imag")?;
    let abs = np_call(it, "absolute", vec![im], vec![])?;
    let below = np_call(it, "less", vec![abs, tol], vec![])?;
    let all = np_call(it, "all", vec![below], vec![])?;
    if it.truthy(&all)? {
        it.getattr(&arr, "real")
    } else {
        Ok(arr)
    }
}
