//! The `np.poly*` functions of polynomials as coefficient arrays (highest power first):
//! `vander`, `polyval` (Horner's rule), `polyfit` (least squares on a scaled Vandermonde
//! matrix), `roots` (eigenvalues of the companion matrix). Written as NumPy writes them in
//! Python: whole-array operations, so dtypes and warnings follow from the ufuncs they call.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::{DType, Kind};
use crate::syntax::ast::{BinOp, UnaryOp};

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.vander", "(x, N=None, increasing=False)", vander),
    Row::np_py("numpy.polyval", "(p, x)", polyval),
    Row::np_py(
        "numpy.polyfit",
        "(x, y, deg, rcond=None, full=False, w=None, cov=False)",
        polyfit,
    ),
    Row::np_py("numpy.roots", "(p)", roots),
];

/// `(a, b)` as a tuple index.
fn pair(it: &mut Interp, a: Value, b: Value) -> Value {
    it.new_tuple(vec![a, b])
}

fn all(it: &mut Interp) -> Value {
    it.new_slice(Value::None, Value::None, Value::None)
}

/// `[:, None]`.
fn column(it: &mut Interp) -> Value {
    let a = all(it);
    pair(it, a, Value::None)
}

/// `np.vander(x, N=None, increasing=False)`: columns `x**(N-1)` down to `x**0` (up with
/// `increasing`), each a running product (`multiply.accumulate`), in `promote_types(x, int)`.
fn vander(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let x = it.to_array(&x, None)?;
    if x.ndim() != 1 {
        return Err(PyError::value(
            "x must be a one-dimensional array or sequence.",
        ));
    }
    let n = match a.take_some("N") {
        Some(v) => it.c_long(&v)?,
        None => x.shape()[0] as i64,
    };
    let increasing = it.arg_bool(&mut a, "increasing")?;
    let dt = crate::runtime::dtype::promote(x.dtype(), DType::INT64)
        .ok_or_else(|| PyError::type_error("vander: no common dtype"))?;
    let rows = it.new_i64(x.shape()[0] as i64);
    let cols = it.new_i64(n);
    let shape = pair(it, rows, cols);
    let dtv = it.new_dtype(dt);
    let v = it.call_numpy("numpy.zeros", vec![shape], vec![("dtype".into(), dtv)])?;
    let tmp = if increasing {
        v.clone()
    } else {
        let rev = it.new_i64(-1);
        let rev = it.new_slice(Value::None, Value::None, rev);
        let a = all(it);
        let idx = pair(it, a, rev);
        it.getitem(&v, &idx)?
    };
    if n > 0 {
        let a = all(it);
        let zero = it.new_i64(0);
        let idx = pair(it, a, zero);
        let one = it.new_i64(1);
        it.setitem(&tmp, &idx, one)?;
    }
    if n > 1 {
        let a = all(it);
        let one = it.new_i64(1);
        let from1 = it.new_slice(one, Value::None, Value::None);
        let idx = pair(it, a, from1);
        let col = column(it);
        let xc = it.getitem(&Value::Array(x), &col)?;
        it.setitem(&tmp, &idx, xc)?;
        let rest = it.getitem(&tmp, &idx)?;
        let one = it.new_i64(1);
        let prods = it.call_method(&rest, "cumprod", vec![], vec![("axis".into(), one)])?;
        it.setitem(&tmp, &idx, prods)?;
    }
    Ok(v)
}

/// `np.polyval(p, x)`: `y = y * x + pv` for each coefficient, from `zeros_like(x)`.
fn polyval(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let p = a.req("p")?;
    let x = a.req("x")?;
    let p = Value::Array(it.to_array(&p, None)?);
    if super::poly1d::is_poly(&x) {
        return super::poly1d::horner(it, &p, &x);
    }
    let x = Value::Array(it.to_array(&x, None)?);
    let mut y = it.call_numpy("numpy.zeros_like", vec![x.clone()], vec![])?;
    let iter = it.iter_object(&p)?;
    while let Some(pv) = it.iter_next(&iter)? {
        it.ctx.check_interrupt()?;
        let yx = it.binary_op(&y, BinOp::Mul, &x)?;
        y = it.binary_op(&yx, BinOp::Add, &pv)?;
    }
    Ok(y)
}

/// `int(v)` of a Python number.
fn int_of(it: &mut Interp, v: &Value) -> PyResult<i64> {
    match v {
        Value::Float(f) if f.v.is_finite() => Ok(f.v.trunc() as i64),
        _ => it.c_long(v),
    }
}

/// `finfo(dt).eps` for a float or complex dtype.
fn eps(dt: DType) -> f64 {
    let bits = if dt.kind == Kind::Complex {
        dt.itemsize * 4
    } else {
        dt.itemsize * 8
    };
    match bits {
        16 => 2f64.powi(-10),
        32 => 2f64.powi(-23),
        _ => f64::EPSILON,
    }
}

/// `np.polyfit(x, y, deg, rcond, full, w, cov)`: least squares of `y` on the powers of `x`,
/// the Vandermonde columns scaled to unit norm first and the coefficients scaled back.
fn polyfit(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let y = a.req("y")?;
    let degv = a.req("deg")?;
    let order = int_of(it, &degv)? + 1;
    let zero = it.new_float(0.0);
    let xa = it.to_array(&x, None)?;
    let x = it.binary_op(&Value::Array(xa), BinOp::Add, &zero)?;
    let ya = it.to_array(&y, None)?;
    let y = it.binary_op(&Value::Array(ya), BinOp::Add, &zero)?;
    let zero_int = it.new_i64(0);
    let neg = it.compare(&degv, crate::syntax::ast::CmpOp::Lt, &zero_int)?;
    if it.truthy(&neg)? {
        return Err(PyError::value("expected deg >= 0"));
    }
    let (xa, ya) = (it.to_array(&x, None)?, it.to_array(&y, None)?);
    if xa.ndim() != 1 {
        return Err(PyError::type_error("expected 1D vector for x"));
    }
    if xa.size() == 0 {
        return Err(PyError::type_error("expected non-empty vector for x"));
    }
    if ya.ndim() < 1 || ya.ndim() > 2 {
        return Err(PyError::type_error("expected 1D or 2D array for y"));
    }
    if xa.shape()[0] != ya.shape()[0] {
        return Err(PyError::type_error("expected x and y to have same length"));
    }
    let n = xa.shape()[0];
    let rcond = match a.take_some("rcond") {
        Some(r) => r,
        None => it.new_scalar(
            DType::FLOAT64,
            crate::runtime::Scalar::Float(n as f64 * eps(xa.dtype())),
        ),
    };
    let full = it.arg_bool(&mut a, "full")?;
    let covv = a.take("cov").unwrap_or(Value::Bool(false));
    let ordv = it.new_i64(order);
    let mut lhs = it.call_numpy("numpy.vander", vec![x.clone(), ordv], vec![])?;
    let mut rhs = y.clone();
    if let Some(w) = a.take_some("w") {
        let wa = it.to_array(&w, None)?;
        let w = it.binary_op(&Value::Array(wa), BinOp::Add, &zero)?;
        let wa = it.to_array(&w, None)?;
        if wa.ndim() != 1 {
            return Err(PyError::type_error("expected a 1-d array for weights"));
        }
        if wa.shape()[0] != ya.shape()[0] {
            return Err(PyError::type_error(
                "expected w and y to have the same length",
            ));
        }
        let col = column(it);
        let wc = it.getitem(&w, &col)?;
        lhs = it.inplace_op(&lhs, BinOp::Mul, &wc)?;
        rhs = if ya.ndim() == 2 {
            it.inplace_op(&rhs, BinOp::Mul, &wc)?
        } else {
            it.inplace_op(&rhs, BinOp::Mul, &w)?
        };
    }
    let sq = it.binary_op(&lhs, BinOp::Mul, &lhs)?;
    let zero_i = it.new_i64(0);
    let sums = it.call_method(&sq, "sum", vec![], vec![("axis".into(), zero_i)])?;
    let scale = it.call_numpy("numpy.sqrt", vec![sums], vec![])?;
    lhs = it.inplace_op(&lhs, BinOp::Div, &scale)?;
    let sol = it.call_numpy(
        "numpy.linalg.lstsq",
        vec![lhs.clone(), rhs, rcond.clone()],
        vec![],
    )?;
    let parts = match &sol {
        Value::Tuple(t) if t.items.len() == 4 => t.items.to_vec(),
        _ => return Err(PyError::internal("lstsq returns four values")),
    };
    let (c, resids, rank, s) = (&parts[0], &parts[1], &parts[2], &parts[3]);
    let ct = it.getattr(c, "T")?;
    let ct = it.binary_op(&ct, BinOp::Div, &scale)?;
    let c = it.getattr(&ct, "T")?;
    let rank_n = it.c_long(rank)?;
    if rank_n != order && !full {
        it.warn("RankWarning", "Polyfit may be poorly conditioned".into());
    }
    if full {
        return Ok(it.new_tuple(vec![c, resids.clone(), rank.clone(), s.clone(), rcond]));
    }
    if !it.truthy(&covv)? {
        return Ok(c);
    }
    // Vbase = inv(lhs.T @ lhs) / outer(scale, scale), times resids / (len(x) - order)
    let lt = it.getattr(&lhs, "T")?;
    let g = it.call_numpy("numpy.dot", vec![lt, lhs], vec![])?;
    let vbase = it.call_numpy("numpy.linalg.inv", vec![g], vec![])?;
    let so = it.call_numpy("numpy.outer", vec![scale.clone(), scale], vec![])?;
    let vbase = it.inplace_op(&vbase, BinOp::Div, &so)?;
    let unscaled = matches!(&covv, Value::Str(s) if s.v == "unscaled");
    let fac = if unscaled {
        it.new_i64(1)
    } else {
        if n as i64 <= order {
            return Err(PyError::value(
                "the number of data points must exceed order to scale the covariance matrix",
            ));
        }
        let d = it.new_i64(n as i64 - order);
        it.binary_op(resids, BinOp::Div, &d)?
    };
    let v = if ya.ndim() == 1 {
        it.binary_op(&vbase, BinOp::Mul, &fac)?
    } else {
        let (a1, a2) = (all(it), all(it));
        let idx = it.new_tuple(vec![a1, a2, Value::None]);
        let vb = it.getitem(&vbase, &idx)?;
        it.binary_op(&vb, BinOp::Mul, &fac)?
    };
    Ok(it.new_tuple(vec![c, v]))
}

/// `np.roots(p)`: the eigenvalues of the companion matrix of `p` without its leading and
/// trailing zeros, then a zero root per trailing zero.
fn roots(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let p = a.req("p")?;
    // the dispatcher returns `p` itself, which must be iterable
    if it.iter_object(&p).is_err() {
        return Err(PyError::dispatcher_not_iterable());
    }
    let p = it.call_numpy("numpy.atleast_1d", vec![p], vec![])?;
    let pa = it.to_array(&p, None)?;
    if pa.ndim() != 1 {
        return Err(PyError::value("Input must be a rank-1 array."));
    }
    let flat = it.call_numpy("numpy.ravel", vec![p.clone()], vec![])?;
    let nz = it.call_numpy("numpy.nonzero", vec![flat], vec![])?;
    let zero = it.new_i64(0);
    let nz = it.getitem(&nz, &zero)?;
    let nza = it.to_array(&nz, None)?;
    if nza.size() == 0 {
        let empty = it.new_list(vec![]);
        return it.call_numpy("numpy.array", vec![empty], vec![]);
    }
    let first = nza.get(&[0])?.to_i64_wrapping();
    let last = nza.get(&[nza.size() - 1])?.to_i64_wrapping();
    let trailing = pa.shape()[0] as i64 - last - 1;
    let (s, e) = (it.new_i64(first), it.new_i64(last + 1));
    let sl = it.new_slice(s, e, Value::None);
    let mut p = it.getitem(&p, &sl)?;
    let kind = it.to_array(&p, None)?.dtype().kind;
    if !matches!(kind, Kind::Float | Kind::Complex) {
        let f = it.new_dtype(DType::FLOAT64);
        p = it.call_method(&p, "astype", vec![f], vec![])?;
    }
    let pa = it.to_array(&p, None)?;
    let n = pa.shape()[0] as i64;
    let roots = if n > 1 {
        let m = it.new_i64(n - 2);
        let m = it.new_tuple(vec![m]);
        let dtv = it.new_dtype(pa.dtype());
        let ones = it.call_numpy("numpy.ones", vec![m], vec![("dtype".into(), dtv)])?;
        let below = it.new_i64(-1);
        let comp = it.call_numpy("numpy.diag", vec![ones, below], vec![])?;
        let one = it.new_i64(1);
        let tail = it.new_slice(one, Value::None, Value::None);
        let tail = it.getitem(&p, &tail)?;
        let tail = it.unary_op(UnaryOp::Neg, &tail)?;
        let zero = it.new_i64(0);
        let lead = it.getitem(&p, &zero)?;
        let row = it.binary_op(&tail, BinOp::Div, &lead)?;
        let zero = it.new_i64(0);
        let a0 = all(it);
        let idx = pair(it, zero, a0);
        it.setitem(&comp, &idx, row)?;
        it.call_numpy("numpy.linalg.eigvals", vec![comp], vec![])?
    } else {
        let empty = it.new_list(vec![]);
        it.call_numpy("numpy.array", vec![empty], vec![])?
    };
    let rdt = it.to_array(&roots, None)?.dtype();
    let t = it.new_i64(trailing);
    let dtv = it.new_dtype(rdt);
    let zeros = it.call_numpy("numpy.zeros", vec![t], vec![("dtype".into(), dtv)])?;
    let both = it.new_tuple(vec![roots, zeros]);
    it.call_numpy("numpy.hstack", vec![both], vec![])
}
