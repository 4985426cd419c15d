//! `np.poly1d` and the coefficient-array helpers it is built on (`polyadd`, `polysub`,
//! `polymul`, `polyder`, `polyint`, `poly`), written as NumPy 2.4's `_polynomial_impl.py`:
//! a polynomial object holding its coefficient array (highest power first), printed as
//! NumPy prints it (`repr` from the array's, `str` with powers raised onto a line above).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::{Kind, NdArray, Scalar};

pub const ROWS: &[Row] = &[
    Row::class(
        "numpy.poly1d",
        "poly1d.__init__(c_or_r, r=False, variable=None)",
        poly1d_new,
    ),
    Row::attr("numpy.poly1d.coeffs", coeffs),
    Row::attr("numpy.poly1d.c", coeffs),
    Row::attr("numpy.poly1d.coef", coeffs),
    Row::attr("numpy.poly1d.coefficients", coeffs),
    Row::attr("numpy.poly1d.variable", variable),
    Row::attr("numpy.poly1d.order", order),
    Row::attr("numpy.poly1d.o", order),
    Row::attr("numpy.poly1d.roots", roots),
    Row::attr("numpy.poly1d.r", roots),
    Row::method("numpy.poly1d.deriv", "(m=1)", deriv),
    Row::method("numpy.poly1d.integ", "(m=1, k=0)", integ),
    Row::method("numpy.poly1d.__str__", "()", to_str),
    Row::method("numpy.poly1d.__add__", "(other)", add),
    Row::method("numpy.poly1d.__radd__", "(other)", add),
    Row::method("numpy.poly1d.__sub__", "(other)", sub),
    Row::method("numpy.poly1d.__rsub__", "(other)", rsub),
    Row::method("numpy.poly1d.__mul__", "(other)", mul),
    Row::method("numpy.poly1d.__rmul__", "(other)", rmul),
    Row::method("numpy.poly1d.__truediv__", "(other)", truediv),
    Row::method("numpy.poly1d.__pow__", "(val)", pow),
    Row::method("numpy.poly1d.__neg__", "()", neg),
    Row::method("numpy.poly1d.__pos__", "()", pos),
    Row::method("numpy.poly1d.__eq__", "(other)", eq),
    Row::method("numpy.poly1d.__ne__", "(other)", ne),
    Row::np_py("numpy.polyadd", "(a1, a2)", polyadd),
    Row::np_py("numpy.polysub", "(a1, a2)", polysub),
    Row::np_py("numpy.polymul", "(a1, a2)", polymul),
    Row::np_py("numpy.polyder", "(p, m=1)", polyder),
    Row::np_py("numpy.polyint", "(p, m=1, k=None)", polyint),
    Row::np_py("numpy.poly", "(seq_of_zeros)", poly),
    Row::np_py("numpy.polydiv", "(u, v)", polydiv),
    Row::method("numpy.poly1d.__rtruediv__", "(other)", rtruediv),
];

const TYPE: &str = "numpy.poly1d";
const OWNERS: &[&str] = &[TYPE];

static SLOTS: NativeSlots = NativeSlots {
    call: Some(poly_call),
    repr: Some(poly_repr),
    getitem: Some(poly_getitem),
    iter: Some(poly_iter),
    len: Some(poly_len),
    ..NativeSlots::NONE
};

struct Poly {
    coeffs: Rc<NdArray>,
    variable: String,
}

fn is_poly(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.type_name == TYPE)
}

fn parts(v: &Value) -> PyResult<(Rc<NdArray>, String)> {
    let p = state_of::<Poly>(v, "poly1d")?;
    Ok((p.coeffs.clone(), p.variable.clone()))
}

/// `np.asarray(p)`: a poly1d's coefficients, anything else as an array.
fn as_array(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    if is_poly(v) {
        return Ok(parts(v)?.0);
    }
    it.to_array(v, None)
}

fn atleast_1d(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    let a = Value::Array(as_array(it, v)?);
    let r = it.call_numpy("numpy.atleast_1d", vec![a], vec![])?;
    it.to_array(&r, None)
}

/// `poly1d(c_or_r, r, variable)`.
fn make(it: &mut Interp, c_or_r: &Value, r: bool, variable: Option<Value>) -> PyResult<Value> {
    if is_poly(c_or_r) {
        let (c, var) = parts(c_or_r)?;
        let var = match variable {
            Some(v) => it.str(&v)?,
            None => var,
        };
        return Ok(new_poly(it, c, var));
    }
    let c = if r {
        poly_of(it, c_or_r)?
    } else {
        c_or_r.clone()
    };
    let c = atleast_1d(it, &c)?;
    if c.ndim() > 1 {
        return Err(PyError::value("Polynomial must be 1d only."));
    }
    // trim_zeros(c, trim='f')
    let n = c.shape()[0];
    let mut first = n;
    for i in 0..n {
        if c.get(&[i])?.is_truthy() {
            first = i;
            break;
        }
    }
    let c = if first == 0 {
        c
    } else if first == n {
        let dt = it.array_dtype(&c);
        let zero = it.new_list(vec![it.new_i64(0)]);
        let z = it.call_numpy("numpy.array", vec![zero], vec![("dtype".into(), dt)])?;
        it.to_array(&z, None)?
    } else {
        let lo = it.new_i64(first as i64);
        let s = it.new_slice(lo, Value::None, Value::None);
        let v = it.getitem(&Value::Array(c), &s)?;
        it.to_array(&v, None)?
    };
    let var = match variable {
        Some(v) => it.str(&v)?,
        None => "x".to_string(),
    };
    Ok(new_poly(it, c, var))
}

fn new_poly(it: &mut Interp, coeffs: Rc<NdArray>, variable: String) -> Value {
    it.native_obj(TYPE, OWNERS, &SLOTS, 48, Poly { coeffs, variable })
}

fn poly1d_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let c = a.req("c_or_r")?;
    let r = match a.take("r") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let var = a.take_some("variable");
    make(it, &c, r, var)
}

fn coeffs(_: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(Value::Array(parts(&a.this)?.0))
}

fn variable(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let v = parts(&a.this)?.1;
    Ok(it.new_str(v))
}

fn order_of(v: &Value) -> PyResult<usize> {
    Ok(parts(v)?.0.size().saturating_sub(1))
}

fn order(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let n = order_of(&a.this)?;
    Ok(it.new_i64(n as i64))
}

fn roots(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let c = Value::Array(parts(&a.this)?.0);
    it.call_numpy("numpy.roots", vec![c], vec![])
}

fn poly_call(
    it: &mut Interp,
    obj: &Value,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
) -> PyResult<Value> {
    let c = Value::Array(parts(obj)?.0);
    let mut args = args.into_iter();
    let val = match (args.next(), kwargs.into_iter().find(|(k, _)| k == "val")) {
        (Some(v), None) => v,
        (None, Some((_, v))) => v,
        _ => {
            return Err(PyError::type_error(
                "poly1d.__call__() missing 1 required positional argument: 'val'",
            ));
        }
    };
    if is_poly(&val) {
        // polyval with a poly1d x: Horner's rule in poly1d arithmetic, from y = 0
        use crate::syntax::ast::BinOp;
        let mut y = it.new_i64(0);
        for pv in it.collect(&c)? {
            it.ctx.check_interrupt()?;
            let t = binary(it, &y, BinOp::Mul, &val)?;
            y = binary(it, &t, BinOp::Add, &pv)?;
        }
        return Ok(y);
    }
    it.call_numpy("numpy.polyval", vec![c, val], vec![])
}

/// `poly1d(<the coefficient array's repr without 'array(' and ')'>)`.
fn poly_repr(it: &mut Interp, v: &Value) -> PyResult<String> {
    let c = Value::Array(parts(v)?.0);
    let r = it.repr(&c)?;
    let inner: String = r.chars().skip(6).collect();
    let inner = inner.strip_suffix(')').unwrap_or(&inner);
    Ok(format!("poly1d({inner})"))
}

fn poly_getitem(it: &mut Interp, v: &Value, idx: &Value) -> PyResult<Value> {
    let (c, _) = parts(v)?;
    let order = c.size() as i64 - 1;
    let val = it.c_long(idx)?;
    if val > order || val < 0 {
        let zero = Scalar::decode(c.dtype(), &vec![0u8; c.itemsize()]);
        return Ok(it.new_scalar(c.dtype(), zero));
    }
    let i = it.new_i64(order - val);
    it.getitem(&Value::Array(c), &i)
}

fn poly_iter(_: &mut Interp, v: &Value) -> PyResult<Value> {
    Ok(Value::Array(parts(v)?.0))
}

fn poly_len(_: &mut Interp, v: &Value) -> PyResult<usize> {
    order_of(v)
}

/// `f'{q:.4g}'` without a trailing `.0000`.
fn fmt_float(it: &mut Interp, q: Value) -> PyResult<String> {
    let spec = it.new_str(".4g".into());
    let f = it
        .objects
        .builtin("format")
        .ok_or_else(|| PyError::type_error("format"))?;
    let s = it.call(&f, vec![q, spec], vec![])?;
    let s = it.str(&s)?;
    Ok(s.strip_suffix(".0000").map_or(s.clone(), str::to_string))
}

/// `poly1d.__str__`.
fn to_str(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (c, var) = parts(&a.this)?;
    let n = c.size();
    // leading zeros dropped (all of them for the zero polynomial)
    let mut values = Vec::with_capacity(n);
    let mut seen = false;
    for i in 0..n {
        let s = c.get(&[i])?;
        seen |= s.is_truthy();
        if seen {
            values.push(s);
        }
    }
    let big_n = values.len() as i64 - 1;
    let mut thestr = "0".to_string();
    for (k, s) in values.into_iter().enumerate() {
        let (re, im) = match &s {
            Scalar::Complex(r, i) if c.dtype().kind == Kind::Complex => (*r, Some(*i)),
            _ => (0.0, None),
        };
        let coefstr = match im {
            Some(i) if i != 0.0 => {
                let (rv, iv) = (it.new_float(re), it.new_float(i));
                if re == 0.0 {
                    format!("{}j", fmt_float(it, iv)?)
                } else {
                    format!("({} + {}j)", fmt_float(it, rv)?, fmt_float(it, iv)?)
                }
            }
            Some(_) => {
                let rv = it.new_float(re);
                fmt_float(it, rv)?
            }
            None => {
                let q = it.element_scalar(c.dtype(), s);
                fmt_float(it, q)?
            }
        };
        let power = big_n - k as i64;
        let newstr = if power == 0 {
            if coefstr != "0" {
                coefstr
            } else if k == 0 {
                "0".to_string()
            } else {
                String::new()
            }
        } else if coefstr == "0" {
            String::new()
        } else if power == 1 {
            format!("{coefstr} {var}")
        } else {
            format!("{coefstr} {var}**{power}")
        };
        if k > 0 {
            if !newstr.is_empty() {
                thestr = match newstr.strip_prefix('-') {
                    Some(rest) => format!("{thestr} - {rest}"),
                    None => format!("{thestr} + {newstr}"),
                };
            }
        } else {
            thestr = newstr;
        }
    }
    Ok(it.new_str(raise_power(&thestr, 70)))
}

/// `_raise_power`: each `**<digits>` lifted onto the line above, lines wrapped at `wrap`.
fn raise_power(astr: &str, wrap: usize) -> String {
    let (mut line1, mut line2) = (String::new(), String::new());
    let mut output = String::from(" ");
    let mut n = 0;
    while let Some(pos) = astr[n..].find("**").map(|p| p + n) {
        let digits: String = astr[pos + 2..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let end = pos + 2 + digits.len();
        let partstr = &astr[n..pos];
        n = end;
        let pad = " ".repeat(digits.len().saturating_sub(1));
        let toadd2 = format!("{partstr}{pad}");
        let toadd1 = format!(
            "{}{digits}",
            " ".repeat(partstr.chars().count().saturating_sub(1))
        );
        if line2.chars().count() + toadd2.chars().count() > wrap
            || line1.chars().count() + toadd1.chars().count() > wrap
        {
            output.push_str(&format!("{line1}\n{line2}\n "));
            line1 = toadd1;
            line2 = toadd2;
        } else {
            line2.push_str(&toadd2);
            line1.push_str(&toadd1);
        }
    }
    format!("{output}{line1}\n{line2}{}", &astr[n..])
}

/// `np.isscalar`.
fn isscalar(it: &mut Interp, v: &Value) -> PyResult<bool> {
    let r = it.call_numpy("numpy.isscalar", vec![v.clone()], vec![])?;
    it.truthy(&r)
}

fn other_poly(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    let p = make(it, v, false, None)?;
    Ok(parts(&p)?.0)
}

fn wrap(it: &mut Interp, v: Value) -> PyResult<Value> {
    make(it, &v, false, None)
}

fn binary(it: &mut Interp, a: &Value, op: crate::syntax::ast::BinOp, b: &Value) -> PyResult<Value> {
    it.binary_op(a, op, b)
}

fn add(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("other")?;
    let o = Value::Array(other_poly(it, &other)?);
    let me = Value::Array(parts(&a.this)?.0);
    let v = add_arrays(it, &me, &o, false)?;
    wrap(it, v)
}

fn sub(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("other")?;
    let o = Value::Array(other_poly(it, &other)?);
    let me = Value::Array(parts(&a.this)?.0);
    let v = add_arrays(it, &me, &o, true)?;
    wrap(it, v)
}

fn rsub(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("other")?;
    let o = Value::Array(other_poly(it, &other)?);
    let me = Value::Array(parts(&a.this)?.0);
    let v = add_arrays(it, &o, &me, true)?;
    wrap(it, v)
}

fn mul_either(it: &mut Interp, mut a: Bound, right: bool) -> PyResult<Value> {
    use crate::syntax::ast::BinOp;
    let other = a.req("other")?;
    let me = Value::Array(parts(&a.this)?.0);
    if isscalar(it, &other)? {
        let v = if right {
            binary(it, &other, BinOp::Mul, &me)?
        } else {
            binary(it, &me, BinOp::Mul, &other)?
        };
        return wrap(it, v);
    }
    let o = Value::Array(other_poly(it, &other)?);
    let v = it.call_numpy("numpy.convolve", vec![me, o], vec![])?;
    wrap(it, v)
}

fn mul(it: &mut Interp, a: Bound) -> PyResult<Value> {
    mul_either(it, a, false)
}

fn rmul(it: &mut Interp, a: Bound) -> PyResult<Value> {
    mul_either(it, a, true)
}

fn truediv(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("other")?;
    if !isscalar(it, &other)? {
        let o = make(it, &other, false, None)?;
        return polydiv_of(it, &a.this, &o);
    }
    let me = Value::Array(parts(&a.this)?.0);
    let v = binary(it, &me, crate::syntax::ast::BinOp::Div, &other)?;
    wrap(it, v)
}

fn rtruediv(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("other")?;
    if !isscalar(it, &other)? {
        let o = make(it, &other, false, None)?;
        return polydiv_of(it, &o, &a.this);
    }
    let me = Value::Array(parts(&a.this)?.0);
    let v = binary(it, &other, crate::syntax::ast::BinOp::Div, &me)?;
    wrap(it, v)
}

/// `polydiv(u, v)`: quotient and remainder by long division in the common float type, the
/// remainder's leading near-zeros dropped (`allclose(r[0], 0, rtol=1e-14)`).
fn polydiv_of(it: &mut Interp, u: &Value, v: &Value) -> PyResult<Value> {
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

fn pow(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let val = a.req("val")?;
    let bad = || PyError::value("Power to non-negative integers only.");
    if !isscalar(it, &val)? {
        return Err(bad());
    }
    let n = match &val {
        Value::Int(i) => i.v.to_i64().ok_or_else(bad)?,
        Value::Bool(b) => *b as i64,
        Value::Float(f) if f.v.fract() == 0.0 => f.v as i64,
        _ => it.c_long(&val).map_err(|_| bad())?,
    };
    if n < 0 {
        return Err(bad());
    }
    let me = Value::Array(parts(&a.this)?.0);
    let mut res = it.new_list(vec![it.new_i64(1)]);
    for _ in 0..n {
        it.ctx.check_interrupt()?;
        res = polymul_values(it, &me, &res)?;
    }
    wrap(it, res)
}

fn neg(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let me = Value::Array(parts(&a.this)?.0);
    let v = it.unary_op(crate::syntax::ast::UnaryOp::Neg, &me)?;
    wrap(it, v)
}

fn pos(_: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(a.this.clone())
}

fn eq_of(it: &mut Interp, a: &Value, other: &Value) -> PyResult<Option<Value>> {
    if !is_poly(other) {
        return Ok(None);
    }
    let (x, y) = (parts(a)?.0, parts(other)?.0);
    if *x.shape() != *y.shape() {
        return Ok(Some(Value::Bool(false)));
    }
    let e = it.compare(
        &Value::Array(x),
        crate::syntax::ast::CmpOp::Eq,
        &Value::Array(y),
    )?;
    Ok(Some(it.call_method(&e, "all", vec![], vec![])?))
}

fn eq(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("other")?;
    Ok(eq_of(it, &a.this, &other)?.unwrap_or(Value::NotImplemented))
}

fn ne(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let other = a.req("other")?;
    match eq_of(it, &a.this, &other)? {
        Some(v) => Ok(Value::Bool(!it.truthy(&v)?)),
        None => Ok(Value::NotImplemented),
    }
}

fn deriv(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.take("m").unwrap_or_else(|| it.new_i64(1));
    let me = Value::Array(parts(&a.this)?.0);
    let v = polyder_of(it, &me, &m)?;
    wrap(it, v)
}

fn integ(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.take("m").unwrap_or_else(|| it.new_i64(1));
    let k = a.take("k").unwrap_or_else(|| it.new_i64(0));
    let me = Value::Array(parts(&a.this)?.0);
    let v = polyint_of(it, &me, &m, Some(k))?;
    wrap(it, v)
}

// ---------------------------------------------------------------- coefficient arrays

/// `polyadd`/`polysub` of two coefficient arrays: the shorter padded with leading zeros.
fn add_arrays(it: &mut Interp, a1: &Value, a2: &Value, subtract: bool) -> PyResult<Value> {
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
fn polymul_values(it: &mut Interp, a1: &Value, a2: &Value) -> PyResult<Value> {
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
fn polyder_of(it: &mut Interp, p: &Value, m: &Value) -> PyResult<Value> {
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
fn polyint_of(it: &mut Interp, p: &Value, m: &Value, k: Option<Value>) -> PyResult<Value> {
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
fn poly_of(it: &mut Interp, zeros: &Value) -> PyResult<Value> {
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

#[cfg(test)]
mod tests {
    use super::raise_power;

    #[test]
    fn powers_rise_onto_the_line_above() {
        // (text, printed, why)
        let cases = [
            ("1 x**2 + 2 x + 3", "   2\n1 x + 2 x + 3", "one power"),
            ("0", " \n0", "no power at all"),
            ("3 x", " \n3 x", "a first power has none"),
        ];
        for (text, printed, why) in cases {
            assert_eq!(raise_power(text, 70), printed, "{why}");
        }
    }
}
