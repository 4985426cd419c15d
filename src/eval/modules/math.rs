//! The `math` module: CPython 3.11's functions on floats and ints, with its domain and range
//! errors (`mathmodule.c`). Floats go through the platform libm as CPython's do.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, One, Signed, Zero};

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Origin, Row};
use crate::runtime::kernels;
use crate::syntax::ast::BinOp;

pub const ROWS: &[Row] = &[
    Row::module("math", Origin::BuiltIn),
    Row::attr("math.pi", constant),
    Row::attr("math.e", constant),
    Row::attr("math.tau", constant),
    Row::attr("math.inf", constant),
    Row::attr("math.nan", constant),
    Row::builtin("math.sqrt", "(x, /)", unary),
    Row::builtin("math.exp", "(x, /)", unary),
    Row::builtin("math.exp2", "(x, /)", unary),
    Row::builtin("math.expm1", "(x, /)", unary),
    Row::builtin("math.log", "!(x, base?, /)", log),
    Row::builtin("math.log2", "(x, /)", unary),
    Row::builtin("math.log10", "(x, /)", unary),
    Row::builtin("math.log1p", "(x, /)", unary),
    Row::builtin("math.sin", "(x, /)", unary),
    Row::builtin("math.cos", "(x, /)", unary),
    Row::builtin("math.tan", "(x, /)", unary),
    Row::builtin("math.asin", "(x, /)", unary),
    Row::builtin("math.acos", "(x, /)", unary),
    Row::builtin("math.atan", "(x, /)", unary),
    Row::builtin("math.sinh", "(x, /)", unary),
    Row::builtin("math.cosh", "(x, /)", unary),
    Row::builtin("math.tanh", "(x, /)", unary),
    Row::builtin("math.asinh", "(x, /)", unary),
    Row::builtin("math.acosh", "(x, /)", unary),
    Row::builtin("math.atanh", "(x, /)", unary),
    Row::builtin("math.cbrt", "(x, /)", unary),
    Row::builtin("math.fabs", "(x, /)", unary),
    Row::builtin("math.degrees", "(x, /)", unary),
    Row::builtin("math.radians", "(x, /)", unary),
    Row::builtin("math.isnan", "(x, /)", predicate),
    Row::builtin("math.isinf", "(x, /)", predicate),
    Row::builtin("math.isfinite", "(x, /)", predicate),
    Row::builtin("math.floor", "(x, /)", to_int),
    Row::builtin("math.ceil", "(x, /)", to_int),
    Row::builtin("math.trunc", "(x, /)", to_int),
    Row::builtin("math.atan2", "(y, x, /)", binary),
    Row::builtin("math.pow", "(x, y, /)", binary),
    Row::builtin("math.fmod", "(x, y, /)", binary),
    Row::builtin("math.copysign", "(x, y, /)", binary),
    Row::builtin("math.remainder", "(x, y, /)", binary),
    Row::builtin("math.ldexp", "(x, i, /)", ldexp),
    Row::builtin("math.frexp", "(x, /)", frexp),
    Row::builtin("math.modf", "(x, /)", modf),
    Row::builtin("math.hypot", "!(*coordinates)", hypot),
    Row::builtin("math.dist", "(p, q, /)", dist),
    Row::builtin(
        "math.isclose",
        "(a, b, *, rel_tol=1e-09, abs_tol=0.0)",
        isclose,
    ),
    Row::builtin("math.fsum", "(seq, /)", fsum),
    Row::builtin("math.prod", "(iterable, /, *, start=1)", prod),
    Row::builtin("math.factorial", "(n, /)", factorial),
    Row::builtin("math.gcd", "!(*integers)", gcd_lcm),
    Row::builtin("math.lcm", "!(*integers)", gcd_lcm),
    Row::builtin("math.comb", "(n, k, /)", comb_perm),
    Row::builtin("math.perm", "(n, k=None, /)", comb_perm),
    Row::builtin("math.isqrt", "(n, /)", isqrt),
];

fn constant(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(it.new_float(match a.func {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "tau" => std::f64::consts::TAU,
        "inf" => f64::INFINITY,
        _ => f64::NAN,
    }))
}

/// A real-number argument as CPython's `PyFloat_AsDouble` reads it.
pub(crate) fn real(it: &mut Interp, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f.v),
        Value::Int(i) => i.v.to_f64(),
        Value::Bool(b) => Ok(*b as u8 as f64),
        Value::Scalar(s) if !matches!(s.dtype.kind, crate::runtime::Kind::Complex) => {
            it.to_float(v)
        }
        other => Err(PyError::must_be_real_number(&other.type_name())),
    }
}

/// An integer argument (`__index__`), as `math.factorial`, `gcd`, `comb` take them.
fn integer(it: &mut Interp, v: &Value) -> PyResult<BigInt> {
    Ok(it.int_value(v, "")?.to_big())
}

fn int_value(it: &mut Interp, b: BigInt) -> Value {
    it.new_int(Int::from_big(b))
}

/// CPython's `math_1`: NaN out of a non-NaN in is a domain error, inf out of a finite in is
/// a range error (or a domain error for the functions whose poles are domain errors).
fn checked(x: f64, r: f64, pole_is_domain: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(PyError::math_domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if pole_is_domain {
            PyError::math_domain_error()
        } else {
            PyError::math_range_error()
        });
    }
    Ok(r)
}

fn unary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let x = real(it, &x)?;
    let r = match a.func {
        "sqrt" => checked(x, x.sqrt(), true)?,
        "exp" => checked(x, x.exp(), false)?,
        "exp2" => checked(x, x.exp2(), false)?,
        "expm1" => checked(x, x.exp_m1(), false)?,
        "log2" | "log10" | "log1p" => {
            let r = match a.func {
                "log2" => x.log2(),
                "log10" => x.log10(),
                _ => x.ln_1p(),
            };
            if x.is_finite() && !r.is_finite() || r.is_nan() && !x.is_nan() {
                return Err(PyError::math_domain_error());
            }
            r
        }
        "sin" | "cos" | "tan" if x.is_infinite() => return Err(PyError::math_domain_error()),
        "sin" => x.sin(),
        "cos" => x.cos(),
        "tan" => x.tan(),
        "asin" => checked(x, x.asin(), true)?,
        "acos" => checked(x, x.acos(), true)?,
        "atan" => x.atan(),
        "sinh" => checked(x, x.sinh(), false)?,
        "cosh" => checked(x, x.cosh(), false)?,
        "tanh" => x.tanh(),
        "asinh" => x.asinh(),
        "acosh" => checked(x, x.acosh(), true)?,
        "atanh" => checked(x, x.atanh(), true)?,
        "cbrt" => x.cbrt(),
        "fabs" => x.abs(),
        "degrees" => x * (180.0 / std::f64::consts::PI),
        _ => x * (std::f64::consts::PI / 180.0),
    };
    Ok(it.new_float(r))
}

fn log(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let base = a.take("base");
    let ln = |it: &mut Interp, v: &Value| -> PyResult<f64> {
        // CPython's loghelper: ints too large for a float are taken apart
        if let Value::Int(i) = v {
            if i.v.is_negative() || i.v.is_zero() {
                return Err(PyError::math_domain_error());
            }
            if i.v.to_f64().is_err() {
                let b = i.v.to_big();
                let bits = b.bits();
                let shifted: BigInt = &b >> (bits - 60);
                let m = shifted.to_string().parse::<f64>().unwrap_or(1.0);
                return Ok(m.ln() + (bits - 60) as f64 * std::f64::consts::LN_2);
            }
        }
        let x = real(it, v)?;
        if x <= 0.0 {
            return Err(PyError::math_domain_error());
        }
        Ok(x.ln())
    };
    let num = ln(it, &x)?;
    let r = match base {
        None => num,
        Some(b) => {
            let den = ln(it, &b)?;
            if den == 0.0 {
                return Err(PyError::float_division_by_zero());
            }
            num / den
        }
    };
    Ok(it.new_float(r))
}

fn predicate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let x = real(it, &x)?;
    Ok(Value::Bool(match a.func {
        "isnan" => x.is_nan(),
        "isinf" => x.is_infinite(),
        _ => x.is_finite(),
    }))
}

/// A float's integral part as a Python int, with CPython's errors for inf and NaN.
pub(crate) fn float_to_int(it: &mut Interp, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyError::cannot_convert_float_nan());
    }
    if f.is_infinite() {
        return Err(PyError::cannot_convert_float_infinity());
    }
    if f.abs() < 9.0e18 {
        return Ok(it.new_i64(f as i64));
    }
    let b = BigInt::from_f64(f).unwrap_or_default();
    Ok(int_value(it, b))
}

fn to_int(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    // floor/ceil/trunc of an int is the int itself
    if let Value::Int(_) = x {
        return Ok(x);
    }
    if let Value::Bool(b) = x {
        return Ok(it.new_i64(b as i64));
    }
    if let Value::Instance(_) = &x {
        let dunder = format!("__{}__", a.func);
        return it.call_method(&x, &dunder, vec![], vec![]);
    }
    let f = real(it, &x)?;
    let f = match a.func {
        "floor" => f.floor(),
        "ceil" => f.ceil(),
        _ => f.trunc(),
    };
    float_to_int(it, f)
}

fn binary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (n1, n2) = if a.func == "atan2" {
        ("y", "x")
    } else {
        ("x", "y")
    };
    let x = a.req(n1)?;
    let y = a.req(n2)?;
    let x = real(it, &x)?;
    let y = real(it, &y)?;
    let r = match a.func {
        "atan2" => x.atan2(y),
        "pow" => {
            // CPython's math_pow: the special cases of C99 Annex F, then errno
            if x == 0.0 && y < 0.0 && y.is_finite() {
                return Err(PyError::math_domain_error());
            }
            let r = x.powf(y);
            if r.is_nan() && !x.is_nan() && !y.is_nan() {
                return Err(PyError::math_domain_error());
            }
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(PyError::math_range_error());
            }
            r
        }
        "fmod" => {
            if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
                return Err(PyError::math_domain_error());
            }
            if y.is_infinite() && x.is_finite() {
                x
            } else {
                x % y
            }
        }
        "copysign" => x.copysign(y),
        _ => {
            // IEEE remainder: x - n*y with n the nearest integer (ties to even)
            if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
                return Err(PyError::math_domain_error());
            }
            if y.is_infinite() && x.is_finite() {
                x
            } else {
                let n = (x / y).round_ties_even();
                x - n * y
            }
        }
    };
    Ok(it.new_float(r))
}

fn ldexp(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let i = a.req("i")?;
    let x = real(it, &x)?;
    let i = it
        .int_value(&i, "")?
        .to_i64()
        .unwrap_or(i64::MAX)
        .clamp(-5000, 5000);
    let r = kernels::ldexp_f64(x, i as f64);
    if r.is_infinite() && x.is_finite() {
        return Err(PyError::math_range_error());
    }
    Ok(it.new_float(r))
}

fn frexp(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let x = real(it, &x)?;
    let (m, e) = kernels::frexp_parts(x);
    let m = it.new_float(m);
    let e = it.new_i64(e as i64);
    Ok(it.new_tuple(vec![m, e]))
}

fn modf(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let x = real(it, &x)?;
    let (f, i) = kernels::modf_parts(x);
    let f = it.new_float(f);
    let i = it.new_float(i);
    Ok(it.new_tuple(vec![f, i]))
}

/// CPython's `vector_norm` is more careful than libm's `hypot`; for the lessons' sizes the
/// scaled sum below agrees with it.
fn norm(v: &[f64]) -> f64 {
    if v.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    match v {
        [] => 0.0,
        [x] => x.abs(),
        [x, y] => x.hypot(*y),
        _ => {
            let max = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            if max == 0.0 {
                return 0.0;
            }
            let s: f64 = v.iter().map(|x| (x / max) * (x / max)).sum();
            max * s.sqrt()
        }
    }
}

fn hypot(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let mut v = Vec::with_capacity(a.star.len());
    for x in &a.star {
        v.push(real(it, x)?);
    }
    Ok(it.new_float(norm(&v)))
}

fn dist(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let p = a.req("p")?;
    let q = a.req("q")?;
    for v in [&p, &q] {
        if !matches!(v, Value::Tuple(_) | Value::List(_)) {
            return Err(PyError::type_error(format!(
                "dist(): argument {} must be tuple, not {}",
                if std::ptr::eq(v, &p) { 1 } else { 2 },
                v.type_name()
            )));
        }
    }
    let p = it.collect(&p)?;
    let q = it.collect(&q)?;
    if p.len() != q.len() {
        return Err(PyError::value(
            "both points must have the same number of dimensions",
        ));
    }
    let mut d = Vec::with_capacity(p.len());
    for (x, y) in p.iter().zip(&q) {
        d.push(real(it, x)? - real(it, y)?);
    }
    Ok(it.new_float(norm(&d)))
}

fn isclose(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let y = a.req("b")?;
    let x = real(it, &x)?;
    let y = real(it, &y)?;
    let rel = match a.take("rel_tol") {
        Some(v) => real(it, &v)?,
        None => 1e-9,
    };
    let abs = match a.take("abs_tol") {
        Some(v) => real(it, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(PyError::value("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

/// Shewchuk's exact summation with CPython's final rounding (`math_fsum`).
pub(crate) fn exact_sum(values: &[f64]) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &v in values {
        let mut x = v;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        if !x.is_finite() {
            return Err(PyError::overflow("intermediate overflow in fsum"));
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyError::value("-inf + inf in fsum"));
        }
        return Ok(special);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn fsum(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let seq = a.req("seq")?;
    let items = it.collect(&seq)?;
    let mut v = Vec::with_capacity(items.len());
    for x in &items {
        v.push(real(it, x)?);
    }
    let r = exact_sum(&v)?;
    Ok(it.new_float(r))
}

fn prod(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let items = a.req("iterable")?;
    let mut acc = match a.take("start") {
        Some(v) => v,
        None => it.new_i64(1),
    };
    let mut iter = it.iterate(&items)?;
    while let Some(x) = iter.next(it)? {
        acc = it.binary_op(&acc, BinOp::Mul, &x)?;
    }
    Ok(acc)
}

fn factorial(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let n = a.req("n")?;
    if let Value::Float(_) = n {
        return Err(PyError::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = integer(it, &n)?;
    if n.is_negative() {
        return Err(PyError::factorial_negative());
    }
    let n: u64 = n.try_into().map_err(|_| {
        PyError::overflow("factorial() argument should not exceed 9223372036854775807")
    })?;
    it.gate((n as u128).saturating_mul(8))?;
    let mut acc = BigInt::one();
    for k in 2..=n {
        if k % 1024 == 0 {
            it.ctx.check_interrupt()?;
        }
        acc *= k;
    }
    Ok(int_value(it, acc))
}

fn gcd2(mut x: BigInt, mut y: BigInt) -> BigInt {
    x = x.abs();
    y = y.abs();
    while !y.is_zero() {
        let r = &x % &y;
        x = y;
        y = r;
    }
    x
}

fn gcd_lcm(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let is_gcd = a.func == "gcd";
    let mut acc = if is_gcd {
        BigInt::zero()
    } else {
        BigInt::one()
    };
    for v in &a.star {
        let x = integer(it, v)?;
        acc = if is_gcd {
            gcd2(acc, x)
        } else if acc.is_zero() || x.is_zero() {
            BigInt::zero()
        } else {
            let g = gcd2(acc.clone(), x.clone());
            (&acc / g * x).abs()
        };
    }
    Ok(int_value(it, acc))
}

fn comb_perm(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let n = a.req("n")?;
    let n = integer(it, &n)?;
    let k = match a.take_some("k") {
        Some(k) => integer(it, &k)?,
        None => n.clone(),
    };
    if n.is_negative() {
        return Err(PyError::must_be_non_negative_integer("n"));
    }
    if k.is_negative() {
        return Err(PyError::must_be_non_negative_integer("k"));
    }
    if k > n {
        return Ok(it.new_i64(0));
    }
    let is_comb = a.func == "comb";
    let k = if is_comb {
        let other = &n - &k;
        if other < k { other } else { k }
    } else {
        k
    };
    let k: u64 = k
        .try_into()
        .map_err(|_| PyError::overflow("k must not exceed 9223372036854775807"))?;
    let mut acc = BigInt::one();
    for i in 0..k {
        if i % 1024 == 1023 {
            it.ctx.check_interrupt()?;
        }
        acc *= &n - i;
        if is_comb {
            acc /= i + 1;
        }
    }
    Ok(int_value(it, acc))
}

fn isqrt(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let n = a.req("n")?;
    let n = integer(it, &n)?;
    if n.is_negative() {
        return Err(PyError::isqrt_negative());
    }
    Ok(int_value(it, n.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact_where_a_plain_sum_is_not() {
        // (values, fsum, why)
        let cases: &[(&[f64], f64, &str)] = &[
            (&[0.1; 10], 1.0, "ten tenths"),
            (
                &[1e100, 1.0, -1e100],
                1.0,
                "cancellation keeps the small term",
            ),
            (&[1.0, 2.0, 3.0], 6.0, "control: exact anyway"),
        ];
        for (v, want, why) in cases {
            assert_eq!(exact_sum(v).unwrap(), *want, "{why}");
        }
        let plain: f64 = [0.1; 10].iter().sum();
        assert_ne!(plain, 1.0, "control: the plain sum is off");
    }
}
