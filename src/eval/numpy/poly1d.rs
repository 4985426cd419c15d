//! `np.poly1d`, written as NumPy 2.4's `_polynomial_impl.py`: a polynomial object holding
//! its coefficient array (highest power first), printed as NumPy prints it (`repr` from the
//! array's, `str` with powers raised onto a line above); its arithmetic is `polyarith`'s.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};

use super::polyarith::{add_arrays, poly_of, polyder_of, polydiv_of, polyint_of, polymul_values};
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
    Row::method("numpy.poly1d.__array__", "(t=None, copy=None)", to_array),
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
    Row::method("numpy.poly1d.__rtruediv__", "(other)", rtruediv),
];

const TYPE: &str = "numpy.poly1d";
const OWNERS: &[&str] = &[TYPE];

static SLOTS: NativeSlots = NativeSlots {
    call: Some(poly_call),
    repr: Some(poly_repr),
    getitem: Some(poly_getitem),
    setitem: Some(poly_setitem),
    iter: Some(poly_iter),
    len: Some(poly_len),
    ..NativeSlots::NONE
};

struct Poly {
    coeffs: Rc<NdArray>,
    variable: String,
}

pub(crate) fn is_poly(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.type_name == TYPE)
}

pub(super) fn parts(v: &Value) -> PyResult<(Rc<NdArray>, String)> {
    let p = state_of::<Poly>(v, "poly1d")?;
    Ok((p.coeffs.clone(), p.variable.clone()))
}

/// `np.asarray(p)`: a poly1d's coefficients, anything else as an array.
pub(super) fn as_array(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    if is_poly(v) {
        return Ok(parts(v)?.0);
    }
    it.to_array(v, None)
}

pub(super) fn atleast_1d(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    let a = Value::Array(as_array(it, v)?);
    let r = it.call_numpy("numpy.atleast_1d", vec![a], vec![])?;
    it.to_array(&r, None)
}

/// `poly1d(c_or_r, r, variable)`.
pub(super) fn make(
    it: &mut Interp,
    c_or_r: &Value,
    r: bool,
    variable: Option<Value>,
) -> PyResult<Value> {
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
    it.call_numpy("numpy.polyval", vec![c, val], vec![])
}

/// `polyval(p, x)` for a poly1d `x`: Horner's rule in poly1d arithmetic, from `y = 0`.
pub(super) fn horner(it: &mut Interp, p: &Value, x: &Value) -> PyResult<Value> {
    use crate::syntax::ast::BinOp;
    let mut y = it.new_i64(0);
    for pv in it.collect(p)? {
        it.ctx.check_interrupt()?;
        let t = binary(it, &y, BinOp::Mul, x)?;
        y = binary(it, &t, BinOp::Add, &pv)?;
    }
    Ok(y)
}

/// `poly1d.__array__(t=None, copy=None)`: the coefficients (`np.asarray(p)`).
fn to_array(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let c = Value::Array(parts(&a.this)?.0);
    let mut kw = Vec::new();
    if let Some(t) = a.take_some("t") {
        kw.push(("dtype".to_string(), t));
    }
    if let Some(copy) = a.take("copy") {
        kw.push(("copy".to_string(), copy));
    }
    it.call_numpy("numpy.asarray", vec![c], kw)
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

/// `p[k] = v`: the coefficient of `x**k`, written into the coefficient array (a higher power
/// first pads it with zeros: a new array).
fn poly_setitem(it: &mut Interp, v: &Value, idx: &Value, val: Value) -> PyResult<()> {
    let (c, _) = parts(v)?;
    let order = c.size() as i64 - 1;
    let key = it.c_long(idx)?;
    if key < 0 {
        return Err(PyError::value("Does not support negative powers."));
    }
    let (c, ind) = if key > order {
        let dt = it.array_dtype(&c);
        let n = it.new_i64(key - order);
        let zr = it.call_numpy("numpy.zeros", vec![n, dt], vec![])?;
        let t = it.new_tuple(vec![zr, Value::Array(c)]);
        let grown = it.call_numpy("numpy.concatenate", vec![t], vec![])?;
        let grown = it.to_array(&grown, None)?;
        state_of::<Poly>(v, "poly1d")?.coeffs = grown.clone();
        (grown, 0)
    } else {
        (c, order - key)
    };
    let i = it.new_i64(ind);
    it.setitem(&Value::Array(c), &i, val)
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

pub(super) fn other_poly(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    let p = make(it, v, false, None)?;
    Ok(parts(&p)?.0)
}

pub(super) fn wrap(it: &mut Interp, v: Value) -> PyResult<Value> {
    make(it, &v, false, None)
}

pub(super) fn binary(
    it: &mut Interp,
    a: &Value,
    op: crate::syntax::ast::BinOp,
    b: &Value,
) -> PyResult<Value> {
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
