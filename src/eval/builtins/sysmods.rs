//! The functions of the `sys`, `time` and `math` modules, and `sys.getsizeof` with CPython
//! 3.11's and NumPy 2.x's numbers for every object arrsh makes.

use num_bigint::BigInt;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::builtins::args::Args;
use crate::eval::object::objects::{int_size, str_size};
use crate::eval::object::ops::as_float;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::Scalar;

impl Interp {
    /// `sys.f(...)`, `time.f(...)`, `math.f(...)`.
    pub(crate) fn call_module_function(&mut self, name: &str, mut p: Args) -> PyResult<Value> {
        Ok(match name {
            "sys.getsizeof" => {
                // getsizeof(object[, default]): the default is for objects without __sizeof__
                if p.pos_count() > 2 {
                    return Err(PyError::takes_at_most_arguments(
                        "getsizeof",
                        2,
                        p.pos_count(),
                    ));
                }
                let v = p.opt(0, "object")?;
                let _default = p.opt(1, "default")?;
                p.finish()?;
                let v = v.ok_or_else(|| {
                    PyError::missing_required_argument_pos("getsizeof", "object", 1)
                })?;
                let n = self.getsizeof(&v)?;
                self.new_i64(n as i64)
            }
            "sys.getrecursionlimit" => self.new_i64(3000),
            "sys.get_int_max_str_digits" => {
                if p.pos_count() > 0 {
                    let n = p.pos_count();
                    return Err(PyError::takes_no_arguments("sys.get_int_max_str_digits", n));
                }
                p.finish()?;
                self.new_i64(crate::syntax::int_max_str_digits().unwrap_or(0) as i64)
            }
            "sys.set_int_max_str_digits" => {
                let n = p.opt(0, "maxdigits")?;
                p.finish()?;
                let n = n.ok_or_else(|| {
                    PyError::missing_required_argument_pos("set_int_max_str_digits", "maxdigits", 1)
                })?;
                let n = self.int_value(&n, "")?;
                let threshold = crate::syntax::INT_MAX_STR_DIGITS_THRESHOLD;
                match n.to_i64() {
                    Some(0) => crate::syntax::set_int_max_str_digits(0),
                    Some(k) if k >= threshold as i64 => {
                        crate::syntax::set_int_max_str_digits(k as usize)
                    }
                    Some(k) if k <= i32::MAX as i64 => {
                        return Err(PyError::max_str_digits_too_small(threshold));
                    }
                    _ => return Err(PyError::too_large_for_c_int()),
                }
                Value::None
            }
            "time.time" => {
                p.finish()?;
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs_f64())
                    .unwrap_or(0.0);
                self.new_float(t)
            }
            "time.perf_counter" | "time.monotonic" => {
                p.finish()?;
                let t = self.started.elapsed().as_secs_f64();
                self.new_float(t)
            }
            "time.sleep" => {
                let s = p.req(0, "secs")?;
                p.finish()?;
                let secs = as_float(&s)?
                    .ok_or_else(|| PyError::type_error("an integer or float is required"))?;
                let end = std::time::Instant::now()
                    + std::time::Duration::from_secs_f64(secs.clamp(0.0, 3600.0));
                while std::time::Instant::now() < end {
                    self.ctx.check_interrupt()?;
                    std::thread::sleep(
                        std::time::Duration::from_millis(10).min(end - std::time::Instant::now()),
                    );
                }
                Value::None
            }
            _ if name.starts_with("math.") => {
                let x = p.req(0, "x")?;
                p.finish()?;
                let f = as_float(&x)?.ok_or_else(|| {
                    PyError::type_error(format!("must be real number, not {}", x.type_name()))
                })?;
                match &name[5..] {
                    "sqrt" if f < 0.0 => return Err(PyError::value("math domain error")),
                    "sqrt" => self.new_float(f.sqrt()),
                    "floor" => self.new_int(Int::from_big(BigInt::from(f.floor() as i128))),
                    "ceil" => self.new_int(Int::from_big(BigInt::from(f.ceil() as i128))),
                    "log" if f <= 0.0 => return Err(PyError::value("math domain error")),
                    "log" => self.new_float(f.ln()),
                    "exp" => self.new_float(f.exp()),
                    "isnan" => Value::Bool(f.is_nan()),
                    "isinf" => Value::Bool(f.is_infinite()),
                    _ => return Err(PyError::module_no_attribute("math", &name[5..])),
                }
            }
            _ => return Err(PyError::not_callable(name)),
        })
    }

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
