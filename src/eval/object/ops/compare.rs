//! Comparisons and membership: `==`, ordering, `is`, `in`, for Python and NumPy values.

use super::numpy::cmp_kop;
use super::{as_complex, as_float, as_int, is_py_number};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::nesting::Nesting;
use crate::eval::object::value::*;
use crate::runtime::kernels::{self};
use crate::runtime::{DType, NdArray, Order, Scalar};
use crate::syntax::ast::CmpOp;

impl Interp {
    pub fn compare(&mut self, a: &Value, op: CmpOp, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::Bool(self.is_same(a, b))),
            CmpOp::IsNot => return Ok(Value::Bool(!self.is_same(a, b))),
            CmpOp::In => return self.contains(b, a).map(Value::Bool),
            CmpOp::NotIn => return self.contains(b, a).map(|x| Value::Bool(!x)),
            _ => {}
        }
        if crate::eval::object::dunder::compares_as_user(a, b) {
            return self.user_compare(a, op, b);
        }
        // a type written in Rust with `__eq__`/`__ne__` rows (`np.poly1d`)
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            let name = if op == CmpOp::Eq { "__eq__" } else { "__ne__" };
            for (x, y) in [(a, b), (b, a)] {
                if matches!(x, Value::Native(_)) && Self::method_entry(x, name).is_some() {
                    let r = self.call_method(x, name, vec![y.clone()], vec![])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(r) = self.native_compare(a, op, b)? {
            return Ok(Value::Bool(r));
        }
        if let Some((x, y)) = self.as_python_text_pair(a, b) {
            return self.compare(&x, op, &y);
        }
        if Self::is_numpy(a) || Self::is_numpy(b) {
            let k = cmp_kop(op).ok_or_else(|| PyError::type_error("bad comparison"))?;
            if matches!(op, CmpOp::Eq | CmpOp::NotEq)
                && let Some(r) = self.void_compare(a, b, op == CmpOp::Eq)?
            {
                return Ok(r);
            }
            if (matches!(a, Value::None) || matches!(b, Value::None))
                && matches!(op, CmpOp::Eq | CmpOp::NotEq)
            {
                let arr = if let Value::Array(x) = a {
                    x.clone()
                } else if let Value::Array(x) = b {
                    x.clone()
                } else {
                    return Ok(Value::Bool(op == CmpOp::NotEq));
                };
                let out = NdArray::zeros(&self.ctx, &arr.shape(), DType::BOOL, Order::C)?;
                kernels::fill(&self.ctx, &out, &Scalar::Bool(op == CmpOp::NotEq))?;
                return Ok(Value::Array(out));
            }
            return self.numpy_binary(a, k, b, op.symbol());
        }
        let r = match op {
            CmpOp::Eq => self.py_eq(a, b)?,
            CmpOp::NotEq => !self.py_eq(a, b)?,
            _ => {
                let ord = self.py_order(a, b, op)?;
                match op {
                    CmpOp::Lt => ord == Some(std::cmp::Ordering::Less),
                    CmpOp::LtE => matches!(
                        ord,
                        Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
                    ),
                    CmpOp::Gt => ord == Some(std::cmp::Ordering::Greater),
                    CmpOp::GtE => matches!(
                        ord,
                        Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
                    ),
                    _ => unreachable!("handled above"),
                }
            }
        };
        Ok(Value::Bool(r))
    }

    /// `np.str_`/`np.bytes_` scalars compared with each other or with Python `str`/`bytes`:
    /// they subclass `str`/`bytes`, whose comparison answers with a Python bool.
    fn as_python_text_pair(&self, a: &Value, b: &Value) -> Option<(Value, Value)> {
        let text = |v: &Value| -> Option<(bool, Value)> {
            match v {
                Value::Str(_) => Some((true, v.clone())),
                Value::Bytes(_) => Some((false, v.clone())),
                Value::Scalar(s) => match &s.v {
                    Scalar::Str(t) => Some((true, self.new_str(t.clone()))),
                    Scalar::Bytes(t) => Some((false, self.new_bytes(t.clone()))),
                    _ => None,
                },
                _ => None,
            }
        };
        if !(matches!(a, Value::Scalar(_)) || matches!(b, Value::Scalar(_))) {
            return None;
        }
        let ((sa, x), (sb, y)) = (text(a)?, text(b)?);
        (sa == sb).then_some((x, y))
    }

    /// A comparison a native object's `compare` slot answers (`None`: it has none).
    fn native_compare(&mut self, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
        let slot = |v: &Value| match v {
            Value::Native(n) => n.slots.compare,
            _ => None,
        };
        let Some(f) = slot(a).or(slot(b)) else {
            return Ok(None);
        };
        match f(self, a, op, b)? {
            Some(r) => Ok(Some(r)),
            None => Err(PyError::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.short_type_name(),
                b.short_type_name()
            ))),
        }
    }

    /// Python `==` for non-array values.
    pub fn py_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        use Value as V;
        if crate::eval::object::dunder::compares_as_user(a, b) {
            let r = self.user_compare(a, CmpOp::Eq, b)?;
            return self.truthy(&r);
        }
        if let Some(r) = self.native_compare(a, CmpOp::Eq, b)? {
            return Ok(r);
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(x == y);
        }
        if let Some(ord) = int_float_order(a, b) {
            return Ok(ord == Some(std::cmp::Ordering::Equal));
        }
        // what is left of the numbers: floats and complexes (an int against a complex with an
        // imaginary part is unequal)
        if is_py_number(a) && is_py_number(b) {
            return Ok(match (as_int(a), as_int(b)) {
                (Some(_), _) | (_, Some(_)) => false,
                _ => as_complex(a)? == as_complex(b)?,
            });
        }
        // NumPy numbers equal Python's (`np.int64(1) == 1.0`), so sets and dict keys merge them
        if is_numeric_scalar(a) && (is_numeric_scalar(b) || is_py_number(b))
            || is_numeric_scalar(b) && is_py_number(a)
        {
            let r = self.compare(a, CmpOp::Eq, b)?;
            return self.truthy(&r);
        }
        if let Some(r) = self.dict_view_eq(a, b)? {
            return Ok(r);
        }
        Ok(match (a, b) {
            (V::Str(x), V::Str(y)) => x.v == y.v,
            // np.str_ and np.bytes_ are str and bytes
            (V::Scalar(_), V::Str(_) | V::Bytes(_) | V::Scalar(_))
            | (V::Str(_) | V::Bytes(_), V::Scalar(_))
                if flexible_text(a).is_some() && flexible_text(a) == flexible_text(b) =>
            {
                true
            }
            (V::Bytes(x), V::Bytes(y)) => x.v == y.v,
            (V::None, V::None) | (V::Ellipsis, V::Ellipsis) => true,
            (V::List(x), V::List(y)) => {
                let (xs, ys) = (x.items.borrow().clone(), y.items.borrow().clone());
                self.seq_eq(&xs, &ys)?
            }
            (V::Tuple(x), V::Tuple(y)) => {
                let (xs, ys) = (x.items.clone(), y.items.clone());
                self.seq_eq(&xs, &ys)?
            }
            (V::Set(x), V::Set(y)) => self.set_equal(x, y)?,
            (V::Dict(x), V::Dict(y)) => {
                let xs = x.items.borrow().clone();
                if xs.len() != y.items.borrow().len() {
                    return Ok(false);
                }
                for (k, v) in &xs {
                    match self.dict_get(y, k)? {
                        Some(w) => {
                            if !self.nested(Nesting::Comparison, |me| me.py_eq(v, &w))? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (V::Range(x), V::Range(y)) => {
                let (lx, ly) = (
                    crate::eval::object::iter::range_len(x.start, x.stop, x.step),
                    crate::eval::object::iter::range_len(y.start, y.stop, y.step),
                );
                lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
            }
            (V::DType(x), V::DType(y)) => x.dtype == y.dtype,
            (V::DType(x), V::Str(s)) | (V::Str(s), V::DType(x)) => {
                DType::parse(&s.v).map(|d| d == x.dtype).unwrap_or(false)
            }
            (V::DType(x), t @ V::Type(_)) | (t @ V::Type(_), V::DType(x)) => {
                let t = t.clone();
                self.to_dtype(&t).map(|d| d == x.dtype).unwrap_or(false)
            }
            (V::Type(x), V::Type(y)) => x.kind == y.kind,
            _ => self.is_same(a, b),
        })
    }

    fn seq_eq(&mut self, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if xs.len() != ys.len() {
            return Ok(false);
        }
        for (x, y) in xs.iter().zip(ys) {
            if !self.is_same(x, y) && !self.eq_truthy(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `bool(x == y)` for elements of containers (arrays inside lists compare elementwise).
    /// Each item compared is one level deeper: `Py_EnterRecursiveCall(" in comparison")`.
    pub(crate) fn eq_truthy(&mut self, x: &Value, y: &Value) -> PyResult<bool> {
        self.nested(Nesting::Comparison, |me| {
            let r = me.compare(x, CmpOp::Eq, y)?;
            me.truthy(&r)
        })
    }

    fn py_order(
        &mut self,
        a: &Value,
        b: &Value,
        op: CmpOp,
    ) -> PyResult<Option<std::cmp::Ordering>> {
        use Value as V;
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(x.cmp(&y)));
        }
        if !matches!(a, V::Complex(_))
            && !matches!(b, V::Complex(_))
            && let Some(ord) = int_float_order(a, b)
        {
            return Ok(ord);
        }
        if matches!(a, V::Float(_)) && matches!(b, V::Float(_)) {
            return Ok(as_float(a)?.partial_cmp(&as_float(b)?));
        }
        match (a, b) {
            (V::Str(x), V::Str(y)) => Ok(Some(x.v.cmp(&y.v))),
            (V::Bytes(x), V::Bytes(y)) => Ok(Some(x.v.cmp(&y.v))),
            (V::List(_), V::List(_)) | (V::Tuple(_), V::Tuple(_)) => {
                let xs = self.collect(a)?;
                let ys = self.collect(b)?;
                for (x, y) in xs.iter().zip(&ys) {
                    if !self.nested(Nesting::Comparison, |me| me.py_eq(x, y))? {
                        return self.nested(Nesting::Comparison, |me| me.py_order(x, y, op));
                    }
                }
                Ok(Some(xs.len().cmp(&ys.len())))
            }
            _ => Err(PyError::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    /// `x in container`.
    pub fn contains(&mut self, container: &Value, x: &Value) -> PyResult<bool> {
        if crate::eval::object::dunder::is_user(container) {
            return self.user_contains(container, x);
        }
        match container {
            Value::Str(s) => match x {
                Value::Str(sub) => Ok(s.v.contains(sub.v.as_str())),
                _ => Err(PyError::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    x.type_name()
                ))),
            },
            Value::Dict(d) => Ok(self.dict_get(d, x)?.is_some()),
            Value::Bytes(b) => self.bytes_contains(&b.v, x),
            Value::Native(_) if let Some(b) = self.bytearray_bytes(container)? => {
                self.bytes_contains(&b, x)
            }
            Value::Set(s) => self.set_contains(s, x),
            // a type written in Rust with a `__contains__` row (`NpzFile`)
            Value::Native(_) if Self::method_entry(container, "__contains__").is_some() => {
                let r = self.call_method(container, "__contains__", vec![x.clone()], vec![])?;
                self.truthy(&r)
            }
            Value::Record(_) if let Some(found) = self.dict_view_contains(container, x)? => {
                Ok(found)
            }
            // rangeobject.c range_contains_long: arithmetic for ints, not a walk of 10**29 items
            Value::Range(r) if matches!(x, Value::Int(_) | Value::Bool(_)) => {
                let Some(v) = as_int(x).and_then(|i| i.to_i128()) else {
                    return Ok(false);
                };
                // the distance from start, in u128 (it may pass i128::MAX)
                let (inside, dist) = if r.step > 0 {
                    (r.start <= v && v < r.stop, v.wrapping_sub(r.start) as u128)
                } else {
                    (r.stop < v && v <= r.start, r.start.wrapping_sub(v) as u128)
                };
                Ok(inside && dist % r.step.unsigned_abs() == 0)
            }
            Value::Array(_) => {
                let eq = self.compare(container, CmpOp::Eq, x)?;
                let any = self.call_method(&eq, "any", vec![], vec![])?;
                self.truthy(&any)
            }
            _ => {
                let mut it = self.iterate(container)?;
                while let Some(item) = it.next(self)? {
                    if self.is_same(&item, x) || self.eq_truthy(&item, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

/// A Python int (or bool) value.
/// An int (or bool) against a float or a complex with no imaginary part, compared exactly
/// (`Some(None)`: unordered, as against NaN; `None`: not such a pair).
fn int_float_order(a: &Value, b: &Value) -> Option<Option<std::cmp::Ordering>> {
    let real = |v: &Value| match v {
        Value::Float(f) => Some(f.v),
        Value::Complex(c) if c.im == 0.0 => Some(c.re),
        _ => None,
    };
    if let (Some(x), Some(y)) = (as_int(a), real(b)) {
        return Some(x.cmp_f64(y));
    }
    let (x, y) = (real(a)?, as_int(b)?);
    Some(y.cmp_f64(x).map(std::cmp::Ordering::reverse))
}

/// The text of a str or bytes, NumPy's included (`Ok` for str, `Err` for bytes).
fn flexible_text(v: &Value) -> Option<Result<&str, &[u8]>> {
    match v {
        Value::Str(s) => Some(Ok(&s.v)),
        Value::Bytes(b) => Some(Err(&b.v)),
        Value::Scalar(s) => match &s.v {
            Scalar::Str(t) => Some(Ok(t)),
            Scalar::Bytes(b) => Some(Err(b)),
            _ => None,
        },
        _ => None,
    }
}

/// A NumPy bool, integer, float or complex scalar (not `np.str_` or `np.bytes_`).
fn is_numeric_scalar(v: &Value) -> bool {
    matches!(v, Value::Scalar(s) if !s.dtype.is_flexible())
}
