//! Python's side of an operator: ints, floats, complex numbers and sequences as CPython 3.11
//! computes them.

use super::{as_complex, as_float, as_int};
use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::syntax::ast::BinOp;

impl Interp {
    pub(super) fn python_binary(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
        use Value as V;
        let unsupported =
            || PyError::unsupported_operand(op.symbol(), &a.type_name(), &b.type_name());
        // set algebra lives with the set table (setobj)
        if let (V::Set(x), V::Set(y)) = (a, b)
            && let Some(r) = self.set_binary(x, op, y)?
        {
            return Ok(r);
        }
        // numbers
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            let both_bool = matches!((a, b), (V::Bool(_), V::Bool(_)));
            return Ok(match op {
                BinOp::Add => self.new_int(x.add(&y)),
                BinOp::Sub => self.new_int(x.sub(&y)),
                BinOp::Mul => self.new_int(x.mul(&y)?),
                BinOp::Div => self.new_float(x.truediv(&y)?),
                BinOp::FloorDiv => self.new_int(x.floordiv(&y)?),
                BinOp::Mod => self.new_int(x.rem(&y)?),
                BinOp::Pow => {
                    if y.is_negative() {
                        let (fx, fy) = (x.to_f64()?, y.to_f64()?);
                        return self.float_pow(fx, fy);
                    }
                    self.new_int(x.pow(&y)?)
                }
                BinOp::LShift => self.new_int(x.shl(&y)?),
                BinOp::RShift => self.new_int(x.shr(&y)?),
                BinOp::BitAnd if both_bool => V::Bool(!x.bitand(&y).is_zero()),
                BinOp::BitOr if both_bool => V::Bool(!x.bitor(&y).is_zero()),
                BinOp::BitXor if both_bool => V::Bool(!x.bitxor(&y).is_zero()),
                BinOp::BitAnd => self.new_int(x.bitand(&y)),
                BinOp::BitOr => self.new_int(x.bitor(&y)),
                BinOp::BitXor => self.new_int(x.bitxor(&y)),
                BinOp::MatMul => return Err(unsupported()),
            });
        }
        // a big int only converts when the other side is a float (`'%x' % 10**5000` is text)
        let real = |v: &Value| matches!(v, V::Int(_) | V::Bool(_) | V::Float(_) | V::Complex(_));
        if real(a)
            && real(b)
            && let (Some(x), Some(y)) = (as_float(a)?, as_float(b)?)
        {
            if matches!(a, V::Complex(_)) || matches!(b, V::Complex(_)) {
                return self.complex_binary(a, op, b);
            }
            return Ok(match op {
                BinOp::Add => self.new_float(x + y),
                BinOp::Sub => self.new_float(x - y),
                BinOp::Mul => self.new_float(x * y),
                BinOp::Div => {
                    if y == 0.0 {
                        return Err(PyError::new(
                            ErrorKind::ZeroDivisionError,
                            "float division by zero",
                        ));
                    }
                    self.new_float(x / y)
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        return Err(PyError::float_floor_division_by_zero());
                    }
                    self.new_float(kernels_divmod(x, y).0)
                }
                BinOp::Mod => {
                    if y == 0.0 {
                        return Err(PyError::float_modulo_by_zero());
                    }
                    self.new_float(kernels_divmod(x, y).1)
                }
                BinOp::Pow => return self.float_pow(x, y),
                _ => return Err(unsupported()),
            });
        }
        if matches!(a, V::Complex(_)) || matches!(b, V::Complex(_)) {
            return self.complex_binary(a, op, b);
        }
        // sequences
        match (a, op, b) {
            // CPython hands back the other operand when one side is empty (identity shows)
            (V::Str(x), BinOp::Add, V::Str(_)) if x.v.is_empty() => Ok(b.clone()),
            (V::Str(_), BinOp::Add, V::Str(y)) if y.v.is_empty() => Ok(a.clone()),
            (V::Str(x), BinOp::Add, V::Str(y)) => Ok(self.new_str(format!("{}{}", x.v, y.v))),
            (V::Str(_), BinOp::Add, _) => Err(PyError::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            ))),
            (V::Str(_), BinOp::Mod, _) => self.percent_format(a, b),
            (V::Bytes(x), BinOp::Add, V::Bytes(y)) => {
                Ok(self.new_bytes([x.v.as_slice(), &y.v].concat()))
            }
            (V::List(x), BinOp::Add, V::List(y)) => {
                let mut items = x.items.borrow().clone();
                items.extend(y.items.borrow().iter().cloned());
                Ok(self.new_list(items))
            }
            (V::List(_), BinOp::Add, _) => Err(PyError::type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                b.type_name()
            ))),
            (V::Tuple(x), BinOp::Add, V::Tuple(_)) if x.items.is_empty() => Ok(b.clone()),
            (V::Tuple(_), BinOp::Add, V::Tuple(y)) if y.items.is_empty() => Ok(a.clone()),
            (V::Tuple(x), BinOp::Add, V::Tuple(y)) => {
                let mut items = x.items.clone();
                items.extend(y.items.iter().cloned());
                Ok(self.new_tuple(items))
            }
            (V::Tuple(_), BinOp::Add, _) => Err(PyError::type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.type_name()
            ))),
            (V::Str(_) | V::List(_) | V::Tuple(_) | V::Bytes(_), BinOp::Mul, _) => {
                self.repeat(a, b)
            }
            (_, BinOp::Mul, V::Str(_) | V::List(_) | V::Tuple(_) | V::Bytes(_)) => {
                self.repeat(b, a)
            }
            _ => Err(unsupported()),
        }
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let Some(k) = as_int(n) else {
            return Err(PyError::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                n.type_name()
            )));
        };
        // `sequence * n` takes n as an index (`PyNumber_AsSsize_t(n, OverflowError)`)
        let k = k
            .to_i64()
            .ok_or_else(PyError::cannot_fit_index_sized)?
            .max(0) as usize;
        let len = self.len_of(seq)?;
        // an empty result is instant whatever n is (`[] * 10**18`)
        let k = if len == 0 { 0 } else { k };
        let item_bytes: u128 = match seq {
            Value::Str(s) => (s.v.len() / len.max(1)).max(1) as u128,
            Value::Bytes(_) => 1,
            _ => crate::eval::object::budget::SLOT_BYTES,
        };
        if len as u128 * k as u128 > isize::MAX as u128 {
            return Err(PyError::no_memory(len as u128 * k as u128 * item_bytes));
        }
        self.gate(len as u128 * k as u128 * item_bytes)?;
        Ok(match seq {
            Value::Str(s) => self.new_str(s.v.repeat(k)),
            Value::Bytes(b) => self.new_bytes(b.v.repeat(k)),
            Value::List(l) => {
                let items = l.items.borrow();
                let v: Vec<Value> = (0..k).flat_map(|_| items.iter().cloned()).collect();
                drop(items);
                self.new_list(v)
            }
            Value::Tuple(t) => {
                let v: Vec<Value> = (0..k).flat_map(|_| t.items.iter().cloned()).collect();
                self.new_tuple(v)
            }
            _ => unreachable!("repeat is only called with a sequence (python_binary)"),
        })
    }

    fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(PyError::zero_to_negative_power());
        }
        if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
            // CPython returns a complex number here
            let (r, theta) = (x.abs().powf(y), std::f64::consts::PI * y);
            return Ok(self.new_complex(r * theta.cos(), r * theta.sin()));
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(PyError::overflow("(34, 'Numerical result out of range')"));
        }
        Ok(self.new_float(r))
    }

    fn complex_binary(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
        let (Some((ar, ai)), Some((br, bi))) = (as_complex(a)?, as_complex(b)?) else {
            return Err(PyError::unsupported_operand(
                op.symbol(),
                &a.type_name(),
                &b.type_name(),
            ));
        };
        let (r, i) = match op {
            BinOp::Add => (ar + br, ai + bi),
            BinOp::Sub => (ar - br, ai - bi),
            BinOp::Mul => (ar * br - ai * bi, ar * bi + ai * br),
            BinOp::Div => {
                if br == 0.0 && bi == 0.0 {
                    return Err(PyError::new(
                        ErrorKind::ZeroDivisionError,
                        "complex division by zero",
                    ));
                }
                py_complex_div((ar, ai), (br, bi))
            }
            BinOp::Pow => {
                if ar == 0.0 && ai == 0.0 && (bi != 0.0 || br < 0.0) {
                    return Err(PyError::new(
                        ErrorKind::ZeroDivisionError,
                        "0.0 to a negative or complex power",
                    ));
                }
                py_complex_pow((ar, ai), (br, bi))
            }
            _ => {
                return Err(PyError::unsupported_operand(
                    op.symbol(),
                    &a.type_name(),
                    &b.type_name(),
                ));
            }
        };
        Ok(self.new_complex(r, i))
    }
}

/// CPython's `_Py_c_quot`: divide through by the larger part of the divisor.
fn py_complex_div((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> (f64, f64) {
    if br.abs() >= bi.abs() {
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    } else if bi.abs() >= br.abs() {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    } else {
        (f64::NAN, f64::NAN)
    }
}

fn py_complex_mul((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> (f64, f64) {
    (ar * br - ai * bi, ar * bi + ai * br)
}

/// CPython 3.11's `complex_pow`: integral exponents up to 100 by repeated squaring
/// (`c_powi`), otherwise `_Py_c_pow` (polar form).
fn py_complex_pow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (br, bi) = b;
    if bi == 0.0 && br == br.floor() && br.abs() <= 100.0 {
        let n = br as i64;
        let powu = |x: (f64, f64), n: u64| {
            let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
            while mask > 0 && n >= mask {
                if n & mask != 0 {
                    r = py_complex_mul(r, p);
                }
                mask <<= 1;
                p = py_complex_mul(p, p);
            }
            r
        };
        return if n > 0 {
            powu(a, n as u64)
        } else {
            py_complex_div((1.0, 0.0), powu(a, n.unsigned_abs()))
        };
    }
    let (ar, ai) = a;
    if br == 0.0 && bi == 0.0 {
        return (1.0, 0.0);
    }
    if ar == 0.0 && ai == 0.0 {
        return (0.0, 0.0);
    }
    let vabs = ar.hypot(ai);
    let mut len = vabs.powf(br);
    let at = ai.atan2(ar);
    let mut phase = at * br;
    if bi != 0.0 {
        len /= (at * bi).exp();
        phase += bi * vabs.ln();
    }
    (len * phase.cos(), len * phase.sin())
}

fn kernels_divmod(a: f64, b: f64) -> (f64, f64) {
    crate::runtime::kernels::float_divmod(a, b)
}
