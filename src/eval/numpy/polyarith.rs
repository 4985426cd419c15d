//! Arithmetic on coefficient arrays (highest power first), as NumPy 2.4's
//! `_polynomial_impl.py` writes it: `polyadd`, `polysub` (the shorter padded with leading
//! zeros), `polymul` (`convolve`), `polydiv` (long division), `polyder`, `polyint` and `poly`
//! (a polynomial from its roots); a `poly1d` argument gives a `poly1d` back.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use std::rc::Rc;

use crate::runtime::{Kind, NdArray};

use super::poly1d::{as_array, atleast_1d, binary, is_poly, other_poly, wrap};

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.polyadd", "(a1, a2)", polyadd),
    Row::np_py("numpy.polysub", "(a1, a2)", polysub),
    Row::np_py("numpy.polymul", "(a1, a2)", polymul),
    Row::np_py("numpy.polydiv", "(u, v)", polydiv),
    Row::np_py("numpy.polyder", "(p, m=1)", polyder),
    Row::np_py("numpy.polyint", "(p, m=1, k=None)", polyint),
    Row::np_py("numpy.poly", "(seq_of_zeros)", poly),
];

/// `polydiv(u, v)`: quotient and remainder by long division in the common float type, the
/// remainder's leading near-zeros dropped (`allclose(r[0], 0, rtol=1e-14)`).
pub(super) fn polydiv_of(it: &mut Interp, u: &Value, v: &Value) -> PyResult<Value> {
    use crate::syntax::ast::BinOp;
    let truepoly = is_poly(u) || is_poly(v);
    let zero_f = it.new_float(0.0);
    let uu = Value::Array(atleast_1d(it, u)?);
    let u = binary(it, &uu, BinOp::Add, &zero_f)?;
    let vv = Value::Array(atleast_1d(it, v)?);
    let v = binary(it, &vv, BinOp::Add, &zero_f)?;
    let i0 = it.new_i64(0);
    let (u0, v0) = (it.getitem(&u, &i0)?, it.getitem(&v, &i0)?);
    let w = binary(it, &u0, BinOp::Add, &v0)?;
    let wdt = it.getattr(&w, "dtype")?;
    let m = it.to_array(&u, None)?.size() as i64 - 1;
    let n = it.to_array(&v, None)?.size() as i64 - 1;
    let one = it.new_float(1.0);
    let scale = binary(it, &one, BinOp::Div, &v0)?;
    let qlen = it.new_tuple(vec![it.new_i64((m - n + 1).max(1))]);
    let q = it.call_numpy(
        "numpy.zeros",
        vec![qlen],
        vec![("dtype".into(), wdt.clone())],
    )?;
    let mut r = it.call_method(&u, "astype", vec![wdt], vec![])?;
    for k in 0..(m - n + 1).max(0) {
        it.ctx.check_interrupt()?;
        let kv = it.new_i64(k);
        let rk = it.getitem(&r, &kv)?;
        let d = binary(it, &scale, BinOp::Mul, &rk)?;
        it.setitem(&q, &kv, d.clone())?;
        let (lo, hi) = (it.new_i64(k), it.new_i64(k + n + 1));
        let sl = it.new_slice(lo, hi, Value::None);
        let part = it.getitem(&r, &sl)?;
        let dv = binary(it, &d, BinOp::Mul, &v)?;
        let updated = it.inplace_op(&part, BinOp::Sub, &dv)?;
        it.setitem(&r, &sl, updated)?;
    }
    loop {
        let len = it.to_array(&r, None)?.size();
        if len <= 1 {
            break;
        }
        let r0 = it.getitem(&r, &i0)?;
        let z = it.new_i64(0);
        let rtol = it.new_float(1e-14);
        let close = it.call_numpy("numpy.allclose", vec![r0, z], vec![("rtol".into(), rtol)])?;
        if !it.truthy(&close)? {
            break;
        }
        let one = it.new_i64(1);
        let tail = it.new_slice(one, Value::None, Value::None);
        r = it.getitem(&r, &tail)?;
    }
    let (q, r) = if truepoly {
        (wrap(it, q)?, wrap(it, r)?)
    } else {
        (q, r)
    };
    Ok(it.new_tuple(vec![q, r]))
}

fn polydiv(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let u = a.req("u")?;
    let v = a.req("v")?;
    polydiv_of(it, &u, &v)
}

/// `polyadd`/`polysub` of two coefficient arrays: the shorter padded with leading zeros.
pub(super) fn add_arrays(
    it: &mut Interp,
    a1: &Value,
    a2: &Value,
    subtract: bool,
) -> PyResult<Value> {
    use crate::syntax::ast::BinOp;
    let op = if subtract { BinOp::Sub } else { BinOp::Add };
    let x = atleast_1d(it, a1)?;
    let y = atleast_1d(it, a2)?;
    let (lx, ly) = (x.size() as i64, y.size() as i64);
    let diff = ly - lx;
    let pad = |it: &mut Interp, arr: &Rc<NdArray>, n: i64| -> PyResult<Value> {
        let dt = it.array_dtype(arr);
        let nv = it.new_i64(n);
        let zr = it.call_numpy("numpy.zeros", vec![nv], vec![("dtype".into(), dt)])?;
        let t = it.new_tuple(vec![zr, Value::Array(arr.clone())]);
        it.call_numpy("numpy.concatenate", vec![t], vec![])
    };
    let (xv, yv) = if diff == 0 {
        (Value::Array(x), Value::Array(y))
    } else if diff > 0 {
        (pad(it, &x, diff)?, Value::Array(y))
    } else {
        (Value::Array(x), pad(it, &y, -diff)?)
    };
    binary(it, &xv, op, &yv)
}

fn polyadd_either(it: &mut Interp, mut a: Bound, subtract: bool) -> PyResult<Value> {
    let a1 = a.req("a1")?;
    let a2 = a.req("a2")?;
    let truepoly = is_poly(&a1) || is_poly(&a2);
    let v = add_arrays(it, &a1, &a2, subtract)?;
    if truepoly { wrap(it, v) } else { Ok(v) }
}

fn polyadd(it: &mut Interp, a: Bound) -> PyResult<Value> {
    polyadd_either(it, a, false)
}

fn polysub(it: &mut Interp, a: Bound) -> PyResult<Value> {
    polyadd_either(it, a, true)
}

/// `convolve(poly1d(a1), poly1d(a2))`.
pub(super) fn polymul_values(it: &mut Interp, a1: &Value, a2: &Value) -> PyResult<Value> {
    let x = Value::Array(other_poly(it, a1)?);
    let y = Value::Array(other_poly(it, a2)?);
    it.call_numpy("numpy.convolve", vec![x, y], vec![])
}

fn polymul(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let a1 = a.req("a1")?;
    let a2 = a.req("a2")?;
    let truepoly = is_poly(&a1) || is_poly(&a2);
    let v = polymul_values(it, &a1, &a2)?;
    if truepoly { wrap(it, v) } else { Ok(v) }
}

/// `polyder(p, m)` on an array: `p[:-1] * arange(n, 0, -1)`, m times.
pub(super) fn polyder_of(it: &mut Interp, p: &Value, m: &Value) -> PyResult<Value> {
    let m = it.c_long(m)?;
    if m < 0 {
        return Err(PyError::value(
            "Order of derivative must be positive (see polyint)",
        ));
    }
    let mut p = Value::Array(as_array(it, p)?);
    for _ in 0..m {
        it.ctx.check_interrupt()?;
        let n = it.to_array(&p, None)?.size() as i64 - 1;
        let stop = it.new_i64(-1);
        let s = it.new_slice(Value::None, stop, Value::None);
        let head = it.getitem(&p, &s)?;
        let (nv, zero, step) = (it.new_i64(n), it.new_i64(0), it.new_i64(-1));
        let r = it.call_numpy("numpy.arange", vec![nv, zero, step], vec![])?;
        p = binary(it, &head, crate::syntax::ast::BinOp::Mul, &r)?;
    }
    Ok(p)
}

fn polyder(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let p = a.req("p")?;
    let m = a.take("m").unwrap_or_else(|| it.new_i64(1));
    let truepoly = is_poly(&p);
    let v = polyder_of(it, &p, &m)?;
    if truepoly { wrap(it, v) } else { Ok(v) }
}

/// `polyint(p, m, k)` on an array: divide by the powers and append the constant, m times.
pub(super) fn polyint_of(
    it: &mut Interp,
    p: &Value,
    m: &Value,
    k: Option<Value>,
) -> PyResult<Value> {
    let m = it.c_long(m)?;
    if m < 0 {
        return Err(PyError::value(
            "Order of integral must be positive (see polyder)",
        ));
    }
    let k = match k {
        Some(k) if !k.is_none() => k,
        _ => {
            let mv = it.new_i64(m);
            let f = it.objects.builtin("float").unwrap_or(Value::None);
            it.call_numpy("numpy.zeros", vec![mv, f], vec![])?
        }
    };
    let mut k = atleast_1d(it, &k)?;
    if k.size() == 1 && m > 1 {
        let k0 = it.getitem(&Value::Array(k.clone()), &it.new_i64(0))?;
        let mv = it.new_i64(m);
        let f = it.objects.builtin("float").unwrap_or(Value::None);
        let ones = it.call_numpy("numpy.ones", vec![mv, f], vec![])?;
        let kk = binary(it, &k0, crate::syntax::ast::BinOp::Mul, &ones)?;
        k = it.to_array(&kk, None)?;
    }
    if (k.size() as i64) < m {
        return Err(PyError::value(
            "k must be a scalar or a rank-1 array of length 1 or >m.",
        ));
    }
    let mut p = Value::Array(as_array(it, p)?);
    for j in 0..m {
        it.ctx.check_interrupt()?;
        let len = it.to_array(&p, None)?.size() as i64;
        let (lv, zero, step) = (it.new_i64(len), it.new_i64(0), it.new_i64(-1));
        let r = it.call_numpy("numpy.arange", vec![lv, zero, step], vec![])?;
        let y = binary(it, &p, crate::syntax::ast::BinOp::Div, &r)?;
        let kj = it.getitem(&Value::Array(k.clone()), &it.new_i64(j))?;
        let tail = it.new_list(vec![kj]);
        let t = it.new_tuple(vec![y, tail]);
        p = it.call_numpy("numpy.concatenate", vec![t], vec![])?;
    }
    Ok(p)
}

fn polyint(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let p = a.req("p")?;
    let m = a.take("m").unwrap_or_else(|| it.new_i64(1));
    let k = a.take("k");
    let truepoly = is_poly(&p);
    let v = polyint_of(it, &p, &m, k)?;
    if truepoly { wrap(it, v) } else { Ok(v) }
}

/// `np.poly(seq_of_zeros)`: the monic polynomial with those roots (a square matrix: its
/// eigenvalues).
pub(super) fn poly_of(it: &mut Interp, zeros: &Value) -> PyResult<Value> {
    let z = atleast_1d(it, zeros)?;
    let sh = z.shape().to_vec();
    let z = if sh.len() == 2 && sh[0] == sh[1] && sh[0] != 0 {
        let e = it.call_numpy("numpy.linalg.eigvals", vec![Value::Array(z)], vec![])?;
        it.to_array(&e, None)?
    } else if sh.len() == 1 {
        // mintypecode: float32 and the complex types stay, everything else is float64
        let ch = match z.dtype().char() {
            c @ ('f' | 'F' | 'D' | 'g' | 'G') => c,
            _ => 'd',
        };
        let dt = it.new_str(ch.to_string());
        let v = it.call_method(&Value::Array(z), "astype", vec![dt], vec![])?;
        it.to_array(&v, None)?
    } else {
        return Err(PyError::value(
            "input must be 1d or non-empty square 2d array.",
        ));
    };
    if z.size() == 0 {
        return Ok(it.new_float(1.0));
    }
    let dt = it.array_dtype(&z);
    let one = it.new_tuple(vec![it.new_i64(1)]);
    let mut acc = it.call_numpy("numpy.ones", vec![one], vec![("dtype".into(), dt.clone())])?;
    for i in 0..z.size() {
        it.ctx.check_interrupt()?;
        let zero = it.getitem(&Value::Array(z.clone()), &it.new_i64(i as i64))?;
        let negz = it.unary_op(crate::syntax::ast::UnaryOp::Neg, &zero)?;
        let pair = it.new_list(vec![it.new_i64(1), negz]);
        let f = it.call_numpy(
            "numpy.array",
            vec![pair],
            vec![("dtype".into(), dt.clone())],
        )?;
        acc = it.call_numpy("numpy.convolve", vec![acc, f], vec![])?;
    }
    // complex roots in conjugate pairs give a real polynomial
    if it.to_array(&acc, None)?.dtype().kind == Kind::Complex {
        let sorted = it.call_numpy("numpy.sort", vec![Value::Array(z.clone())], vec![])?;
        let conj = it.call_method(&Value::Array(z), "conjugate", vec![], vec![])?;
        let sorted_conj = it.call_numpy("numpy.sort", vec![conj], vec![])?;
        let same = it.compare(&sorted, crate::syntax::ast::CmpOp::Eq, &sorted_conj)?;
        let all = it.call_numpy("numpy.all", vec![same], vec![])?;
        if it.truthy(&all)? {
            let re = it.getattr(&acc, "real")?;
            acc = it.call_method(&re, "copy", vec![], vec![])?;
        }
    }
    Ok(acc)
}

fn poly(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let z = a.req("seq_of_zeros")?;
    poly_of(it, &z)
}
