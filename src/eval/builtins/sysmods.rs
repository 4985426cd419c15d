//! The functions of the `sys`, `time` and `math` modules, and `sys.getsizeof` with CPython
//! 3.11's and NumPy 2.x's numbers for every object arrsh makes.

use num_bigint::BigInt;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::objects::{int_size, str_size};
use crate::eval::object::ops::as_float;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::Scalar;

/// The attributes of `sys`, `time` and `math` arrsh has.
pub const ROWS: &[Row] = &[
    Row::builtin("sys.getsizeof", "!(object, default=None)", getsizeof),
    Row::builtin("sys.getrecursionlimit", "()", getrecursionlimit),
    Row::builtin("sys.get_int_max_str_digits", "()", get_int_max_str_digits),
    Row::attr("sys.maxsize", maxsize),
    Row::attr("sys.version", version),
    Row::attr("sys.byteorder", byteorder),
    Row::builtin("time.time", "!()", time),
    Row::builtin("time.perf_counter", "!()", perf_counter),
    Row::builtin("time.monotonic", "!()", perf_counter),
    Row::builtin("time.sleep", "!(secs, /)", sleep),
    Row::attr("math.pi", math_constant),
    Row::attr("math.e", math_constant),
    Row::attr("math.inf", math_constant),
    Row::attr("math.nan", math_constant),
    Row::builtin("math.sqrt", "(x, /)", math_unary),
    Row::builtin("math.floor", "(x, /)", math_unary),
    Row::builtin("math.ceil", "(x, /)", math_unary),
    Row::builtin("math.exp", "(x, /)", math_unary),
    Row::builtin("math.isnan", "(x, /)", math_unary),
    Row::builtin("math.isinf", "(x, /)", math_unary),
    Row::builtin("math.log", "!(x, base?, /)", math_log),
];

fn getsizeof(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    // the default is for objects without __sizeof__, which arrsh does not make
    let v = a.req("object")?;
    let n = it.getsizeof(&v)?;
    Ok(it.new_i64(n as i64))
}

fn getrecursionlimit(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_i64(3000))
}

fn get_int_max_str_digits(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_i64(crate::eval::object::pyint::MAX_STR_DIGITS as i64))
}

fn maxsize(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_i64(i64::MAX))
}

fn version(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_str("3.11.7 (arrsh)".into()))
}

fn byteorder(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_str("little".into()))
}

fn time(it: &mut Interp, _: Bound) -> PyResult<Value> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(it.new_float(t))
}

fn perf_counter(it: &mut Interp, _: Bound) -> PyResult<Value> {
    let t = it.started.elapsed().as_secs_f64();
    Ok(it.new_float(t))
}

fn sleep(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = a.req("secs")?;
    let secs =
        as_float(&s)?.ok_or_else(|| PyError::type_error("an integer or float is required"))?;
    let end =
        std::time::Instant::now() + std::time::Duration::from_secs_f64(secs.clamp(0.0, 3600.0));
    while std::time::Instant::now() < end {
        it.ctx.check_interrupt()?;
        std::thread::sleep(
            std::time::Duration::from_millis(10).min(end - std::time::Instant::now()),
        );
    }
    Ok(Value::None)
}

fn math_constant(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(it.new_float(match a.func {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "inf" => f64::INFINITY,
        _ => f64::NAN,
    }))
}

/// `math.f(x)`'s argument as a float (`math_1`'s `PyFloat_AsDouble`).
fn real_arg(a: &mut Bound, name: &str) -> PyResult<f64> {
    let x = a.req(name)?;
    as_float(&x)?
        .ok_or_else(|| PyError::type_error(format!("must be real number, not {}", x.type_name())))
}

fn math_unary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let f = real_arg(&mut a, "x")?;
    Ok(match a.func {
        "sqrt" if f < 0.0 => return Err(PyError::value("math domain error")),
        "sqrt" => it.new_float(f.sqrt()),
        "floor" => it.new_int(Int::from_big(BigInt::from(f.floor() as i128))),
        "ceil" => it.new_int(Int::from_big(BigInt::from(f.ceil() as i128))),
        "exp" => it.new_float(f.exp()),
        "isnan" => Value::Bool(f.is_nan()),
        _ => Value::Bool(f.is_infinite()),
    })
}

/// `math.log(x[, base])`: `ln(x) / ln(base)`, as CPython divides.
fn math_log(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = real_arg(&mut a, "x")?;
    let ln = |v: f64| {
        if v <= 0.0 {
            Err(PyError::value("math domain error"))
        } else {
            Ok(v.ln())
        }
    };
    let num = ln(x)?;
    let r = if a.given("base") {
        let base = real_arg(&mut a, "base")?;
        let den = ln(base)?;
        if den == 0.0 {
            return Err(PyError::new(
                crate::error::ErrorKind::ZeroDivisionError,
                "float division by zero",
            ));
        }
        num / den
    } else {
        num
    };
    Ok(it.new_float(r))
}

impl Interp {
    /// `sys.getsizeof(v)`: what CPython 3.11 and NumPy 2.x report — the object itself, never
    /// what it refers to.
    pub fn getsizeof(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::None => 16,
            // bool is an int with one digit (False too, since 3.11 counts at least one)
            Value::Bool(_) => 28,
            Value::Int(i) => int_size(&i.v),
            Value::Float(_) => 24,
            Value::Complex(_) => 32,
            Value::Str(s) => str_size(&s.v),
            Value::Bytes(b) => 33 + b.v.len(),
            // the containers count their GC header (16 bytes)
            Value::Tuple(t) => 40 + 8 * t.items.len(),
            Value::List(l) => 56 + 8 * l.capacity.get(),
            Value::Dict(d) => crate::eval::object::dictobj::dict_sizeof(d),
            Value::Set(s) => s.table.borrow().sizeof(),
            Value::Range(_) => 48,
            Value::Slice(_) => 56,
            // NumPy: the object (96 bytes incl. GC header) + shape and strides + owned data
            Value::Array(a) => 96 + 16 * a.ndim() + if a.owns_data() { a.nbytes() } else { 0 },
            Value::Scalar(s) => scalar_sizeof(s),
            Value::Iter(it) => match it.kind {
                "zip" => 64,
                "enumerate" => 72,
                "generator" => it.id.size(),
                _ => 48,
            },
            Value::DType(_) => 120,
            Value::Type(_) => 424,
            Value::Builtin(_) | Value::Method(_) => 72,
            Value::Function(_) => 152,
            Value::BoundMethod(x) => x.id.size(),
            Value::Class(x) => x.id.size(),
            Value::Instance(x) => x.id.size(),
            Value::Exception(x) => x.id.size(),
            Value::Descr(x) => x.id.size(),
            Value::Cell(x) => x.id.size(),
            Value::Module(_) => 72,
            _ => 72,
        })
    }
}

/// NumPy's `gentype_sizeof`: the scalar object (16 bytes of header plus the value, at least 8)
/// plus its itemsize; `bytes_` and `str_` are sized as the Python objects they subclass.
fn scalar_sizeof(s: &NpScalar) -> usize {
    match &s.v {
        Scalar::Bytes(b) => 40 + 2 * b.len(),
        Scalar::Str(t) => {
            // a non-compact str: 80 bytes, then (n + 1) characters of its kind
            let kind = match t.chars().map(|c| c as u32).max().unwrap_or(0) {
                0..=0xff => 1,
                0x100..=0xffff => 2,
                _ => 4,
            };
            80 + (t.chars().count() + 1) * kind
        }
        _ => {
            let n = s.dtype.itemsize;
            n + 16 + n.max(8)
        }
    }
}
