//! Operators on values: Python's semantics for Python objects, NumPy's ufuncs (with NEP 50
//! promotion, where Python scalars are weak) as soon as an array or NumPy scalar is involved.
//!
//! Rooms: `numpy` (NumPy operands and ufuncs), `python` (CPython's numbers and sequences),
//! `compare` (comparisons and membership); this file decides which one answers.

mod compare;
mod numpy;
mod python;

use numpy::kop;
pub(crate) use numpy::weak_result;
pub use numpy::{Operand, Weak, operand_dtype};

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::kernels;
use crate::runtime::{DType, Kind, Order};
use crate::syntax::ast::{BinOp, UnaryOp};

impl Interp {
    pub fn binary_op(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
        if crate::eval::object::dunder::is_user(a) || crate::eval::object::dunder::is_user(b) {
            return self.user_binary(a, op, b);
        }
        // the fast path knows only finite results: underflow, when watched, needs the kernels
        if !self
            .ctx
            .fp_watched()
            .contains(crate::runtime::fpe::FpFlags::UNDERFLOW)
            && let Some(v) = self.fast_scalar_binary(a, op, b)
        {
            return Ok(v);
        }
        if let Value::Dict(d) = a
            && d.flavor.is_some()
            && let Some(r) = crate::eval::modules::collections::counter_binary(self, a, op, b)?
        {
            return Ok(r);
        }
        if let Some(r) = self.native_binary(a, op, b)? {
            return Ok(r);
        }
        if let Some((x, y)) = self.python_sequence_operands(a, op, b)? {
            return self.python_binary(&x, op, &y);
        }
        if Self::is_numpy(a) || Self::is_numpy(b) {
            if op == BinOp::MatMul {
                return self.matmul(a, b);
            }
            if matches!(a, Value::Str(_)) && op == BinOp::Mod {
                return self.percent_format(a, b);
            }
            if let Some(k) = kop(op) {
                let scalar = scalar_math(a, b);
                return self.fp_scope(scalar, k.ufunc_name(), |it| {
                    it.numpy_binary_in(a, k, b, op.symbol(), scalar)
                });
            }
        }
        if let Some(r) = self.bytearray_binary(a, op, b)? {
            return Ok(r);
        }
        self.python_binary(a, op, b)
    }

    pub fn unary_op(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        if crate::eval::object::dunder::is_user(v) {
            return self.user_unary(op, v);
        }
        if let Value::Native(_) = v {
            let name = match op {
                UnaryOp::Neg => "__neg__",
                UnaryOp::Pos => "__pos__",
                UnaryOp::Invert => "__invert__",
            };
            if Self::method_entry(v, name).is_some() {
                return self.call_method(v, name, vec![], vec![]);
            }
        }
        match v {
            Value::Array(_) | Value::Scalar(_) => {
                let a = match v {
                    Value::Array(a) => a.clone(),
                    Value::Scalar(s) => self.scalar_to_array(s.dtype, &s.v)?,
                    _ => unreachable!("matched above"),
                };
                // the operators are the ufuncs, with NumPy's scalar math for scalars
                let name = match op {
                    UnaryOp::Neg => "negative",
                    UnaryOp::Pos => "positive",
                    UnaryOp::Invert => "invert",
                };
                self.numpy_unary_in(name, &a, matches!(v, Value::Scalar(_)))
            }
            Value::Bool(_) | Value::Int(_) => {
                let i = as_int(v).unwrap_or(Int::Small(0));
                Ok(match op {
                    UnaryOp::Neg => self.new_int(i.neg()),
                    UnaryOp::Pos => self.new_int(i),
                    UnaryOp::Invert => self.new_int(i.invert()),
                })
            }
            Value::Float(f) => match op {
                UnaryOp::Neg => Ok(self.new_float(-f.v)),
                UnaryOp::Pos => Ok(self.new_float(f.v)),
                UnaryOp::Invert => Err(PyError::bad_operand_unary("~", "float")),
            },
            Value::Complex(c) => match op {
                UnaryOp::Neg => Ok(self.new_complex(-c.re, -c.im)),
                UnaryOp::Pos => Ok(self.new_complex(c.re, c.im)),
                UnaryOp::Invert => Err(PyError::bad_operand_unary("~", "complex")),
            },
            other => Err(PyError::bad_operand_unary(op.symbol(), &other.type_name())),
        }
    }

    /// `cur <op>= rhs`: arrays are updated in place (same object, same buffer) under NumPy's
    /// `same_kind` casting rule; lists extend in place; everything else rebinds.
    pub fn inplace_op(&mut self, cur: &Value, op: BinOp, rhs: &Value) -> PyResult<Value> {
        if crate::eval::object::dunder::is_user(cur) || crate::eval::object::dunder::is_user(rhs) {
            return self.user_inplace(cur, op, rhs);
        }
        if let Some(r) = self.bytearray_inplace(cur, op, rhs)? {
            return Ok(r);
        }
        match cur {
            Value::Array(a) => {
                let Some(k) = kop(op) else {
                    return self.binary_op(cur, op, rhs);
                };
                let Some(y) = self.operand(rhs)? else {
                    return Err(PyError::unsupported_operand(
                        &format!("{}=", op.symbol()),
                        "numpy.ndarray",
                        &rhs.type_name(),
                    ));
                };
                let dt = self.resolve(k, &Operand::Strong(a.clone()), &y)?;
                if !DType::can_cast_same_kind(dt, a.dtype()) {
                    return Err(PyError::cannot_cast_ufunc_output(
                        k.ufunc_name(),
                        None,
                        &dt.str_form(),
                        &a.dtype().str_form(),
                    ));
                }
                let ya = self.materialize(y, dt)?;
                let xa = if a.dtype() == dt {
                    a.clone()
                } else {
                    kernels::cast_array(&self.ctx, a, dt, Order::C)?
                };
                self.fp_scope(false, k.ufunc_name(), |it| {
                    if a.dtype() == dt {
                        kernels::binary(&it.ctx, k, a, &ya, dt, Some(a))?;
                    } else {
                        let r = kernels::binary(&it.ctx, k, &xa, &ya, dt, None)?
                            .ok_or_else(|| PyError::type_error("no result"))?;
                        kernels::assign(&it.ctx, a, &r)?;
                    }
                    Ok(())
                })?;
                Ok(cur.clone())
            }
            // list += and *= work in place, resizing as CPython does (see listobj)
            Value::List(l) if op == BinOp::Add => {
                self.list_extend(l, rhs)?;
                Ok(cur.clone())
            }
            Value::List(l) if op == BinOp::Mul && as_int(rhs).is_some() => {
                let n = as_int(rhs).map_or(0, |n| n.to_i128_saturating());
                self.list_inplace_repeat(l, n)?;
                Ok(cur.clone())
            }
            _ => self.binary_op(cur, op, rhs),
        }
    }
}

impl Interp {
    /// `a <op> b` answered by a type written in Rust with operator rows (`np.poly1d`'s
    /// `__add__`/`__radd__`...): the left operand's method first, then the right's reflected
    /// one, as CPython's `binary_op1` tries them.
    fn native_binary(&mut self, a: &Value, op: BinOp, b: &Value) -> PyResult<Option<Value>> {
        // an array or NumPy scalar on the left answers first (ndarray.__add__ converts the
        // object through `__array__`: `np.arange(2) + p` is an array)
        if Self::is_numpy(a) || !(matches!(a, Value::Native(_)) || matches!(b, Value::Native(_))) {
            return Ok(None);
        }
        let (left, right) = match op {
            BinOp::Add => ("__add__", "__radd__"),
            BinOp::Sub => ("__sub__", "__rsub__"),
            BinOp::Mul => ("__mul__", "__rmul__"),
            BinOp::Div => ("__truediv__", "__rtruediv__"),
            BinOp::Pow => ("__pow__", "__rpow__"),
            _ => return Ok(None),
        };
        for (x, name, y) in [(a, left, b), (b, right, a)] {
            if Self::is_numpy(x) {
                continue;
            }
            if matches!(x, Value::Native(_)) && Self::method_entry(x, name).is_some() {
                let r = self.call_method(x, name, vec![y.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }
}

/// A `np.str_`/`np.bytes_` scalar (a `str`/`bytes` subclass).
fn is_string_scalar(v: &Value) -> bool {
    matches!(v, Value::Scalar(s) if matches!(s.dtype.kind, Kind::Str | Kind::Bytes))
}

/// A Python sequence `*` can repeat.
fn is_py_sequence(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)
    )
}

impl Interp {
    /// The operands of `a <op> b` when CPython's sequence operators answer although a NumPy
    /// scalar takes part: a string scalar with Python objects (or another string scalar) under
    /// `+` and `*` is the `str`/`bytes` it subclasses (`np.str_('ab') * 2` is `'abab'`); a
    /// sequence times a NumPy integer repeats it (scalartypes.c's `gentype_multiply`:
    /// `[1] * np.int64(2)` is `[1, 1]`).
    fn python_sequence_operands(
        &mut self,
        a: &Value,
        op: BinOp,
        b: &Value,
    ) -> PyResult<Option<(Value, Value)>> {
        if !matches!(op, BinOp::Add | BinOp::Mul) {
            return Ok(None);
        }
        let plain = |v: &Value| !Self::is_numpy(v) || is_string_scalar(v);
        let as_python = |it: &mut Self, v: &Value| -> Value {
            match v {
                Value::Scalar(s) => match &s.v {
                    crate::runtime::Scalar::Str(t) => it.new_str(t.clone()),
                    crate::runtime::Scalar::Bytes(b) => it.new_bytes(b.clone()),
                    _ => v.clone(),
                },
                _ => v.clone(),
            }
        };
        if (is_string_scalar(a) || is_string_scalar(b)) && plain(a) && plain(b) {
            let (x, y) = (as_python(self, a), as_python(self, b));
            return Ok(Some((x, y)));
        }
        let int_scalar = |v: &Value| matches!(v, Value::Scalar(s) if matches!(s.dtype.kind, Kind::Int | Kind::UInt));
        if op == BinOp::Mul
            && ((is_py_sequence(a) && int_scalar(b)) || (int_scalar(a) && is_py_sequence(b)))
        {
            let (seq, n) = if is_py_sequence(a) { (a, b) } else { (b, a) };
            let Value::Scalar(s) = n else {
                return Ok(None);
            };
            let count = match &s.v {
                crate::runtime::Scalar::Int(i) => self.new_i64(*i),
                crate::runtime::Scalar::UInt(u) => self.new_int(Int::from_u64(*u)),
                _ => return Ok(None),
            };
            return Ok(Some((seq.clone(), count)));
        }
        Ok(None)
    }
}

fn is_py_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Complex(_)
    )
}

pub fn as_int(v: &Value) -> Option<Int> {
    match v {
        Value::Int(i) => Some(i.v.clone()),
        Value::Bool(b) => Some(Int::Small(*b as i64)),
        _ => None,
    }
}

/// A Python real number as f64 (ints converted exactly or OverflowError).
pub fn as_float(v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(f.v),
        Value::Int(i) => Some(i.v.to_f64()?),
        Value::Bool(b) => Some(*b as u8 as f64),
        Value::Complex(c) => Some(c.re),
        _ => None,
    })
}

pub fn as_complex(v: &Value) -> PyResult<Option<(f64, f64)>> {
    Ok(match v {
        Value::Complex(c) => Some((c.re, c.im)),
        other => as_float(other)?.map(|f| (f, 0.0)),
    })
}

/// Whether `a <op> b` is NumPy's scalar math (its message says `scalar add`): no array on
/// either side, and the NumPy scalar whose type computes it handles the other operand itself
/// (`convert_to_<type>`): another NumPy scalar one of the two types casts to safely, or a
/// Python number of a kind it takes (ints and floats for inexact types, ints for integers,
/// complex for complex, bools always). Otherwise NumPy defers to the ufunc (`np.int8(1) / 0.0`
/// names `divide`); bool scalars always do.
fn scalar_math(a: &Value, b: &Value) -> bool {
    use crate::runtime::casting::{Casting, can_cast};
    let py_ok = |t: DType, p: &Value| match (t.kind, p) {
        (Kind::Bool, _) => false,
        (_, Value::Bool(_)) => true,
        (Kind::Int | Kind::UInt | Kind::Float | Kind::Complex, Value::Int(_)) => true,
        (Kind::Float | Kind::Complex, Value::Float(_)) => true,
        (Kind::Complex, Value::Complex(_)) => true,
        _ => false,
    };
    let numeric = |t: DType| !t.is_flexible();
    match (a, b) {
        (Value::Scalar(x), Value::Scalar(y)) => {
            let (t, u) = (x.dtype, y.dtype);
            if !numeric(t) || !numeric(u) {
                return false;
            }
            let wider = if can_cast(u, t, Casting::Safe) {
                t
            } else if can_cast(t, u, Casting::Safe) {
                u
            } else {
                return false;
            };
            wider.kind != Kind::Bool
        }
        (Value::Scalar(x), p) | (p, Value::Scalar(x)) => numeric(x.dtype) && py_ok(x.dtype, p),
        _ => false,
    }
}
