//! datetime64/timedelta64 in the evaluator: the scalar constructors (`np.datetime64('2024-01-15')`,
//! `np.timedelta64(3, 'D')`), values written into time arrays, and the arithmetic NumPy defines
//! on them (datetime − datetime → timedelta, datetime ± timedelta, timedelta × int,
//! timedelta ÷ timedelta, comparisons at the finer unit). The calendar is `runtime::datetime`'s.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::{Operand, Weak, operand_dtype};
use crate::eval::object::value::Value;
use crate::eval::registry::{Bound, Row};
use crate::runtime::datetime::{self, NAT, TimeUnit, Unit};
use crate::runtime::kernels::{self, BinaryOp as KOp};
use crate::runtime::{DType, Kind, NdArray, Order, Scalar};

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.datetime_as_string",
        "(arr, unit=None, timezone='naive', casting='same_kind')",
        datetime_as_string,
    )
    .returns("ndarray"),
    Row::np_c("numpy.datetime_data", "(dtype, /)", datetime_data).returns("tuple"),
];

/// `np.datetime_data(dtype)`: the base unit and its count, `('m', 15)`.
fn datetime_data(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = a.req("dtype")?;
    let dt = it.to_dtype(&d)?;
    let Some(unit) = dt.time_unit() else {
        return Err(PyError::type_error(
            "cannot get datetime metadata from non-datetime type",
        ));
    };
    let code = it.new_str(unit.base.code().into());
    let num = it.new_i64(i64::from(unit.num));
    Ok(it.new_tuple(vec![code, num]))
}

/// `np.datetime_as_string(arr)`: the ISO text of each element at its own unit, in the `U`
/// dtype `astype(str)` would choose (`unit=`, `timezone=` and `casting=` are not modelled).
fn datetime_as_string(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("arr")?;
    for name in ["unit", "timezone", "casting"] {
        if a.take(name).is_some_and(|v| {
            !v.is_none() && !matches!(&v, Value::Str(s) if s.v == "naive" || s.v == "same_kind")
        }) {
            return Err(PyError::not_implemented(format!(
                "arrsh's datetime_as_string does not support {name}="
            )));
        }
    }
    let arr = it.to_array(&x, None)?;
    if arr.dtype().kind != Kind::Datetime {
        return Err(PyError::type_error("input must have type NumPy datetime"));
    }
    let to = DType::unicode(datetime::string_length(arr.dtype()));
    let r = kernels::cast_array(&it.ctx, &arr, to, Order::C)?;
    it.wrap_result(r)
}

impl Interp {
    /// `item()`/`tolist()` of one datetime64/timedelta64 value, by NumPy's rules
    /// (`convert_datetime_to_pyobject`, `convert_timedelta_to_pyobject`): NaT is None (and so is
    /// any generic datetime); a count of units finer than microseconds is an int (and of a
    /// timedelta's years, months or generic units); so is a date outside years 1..9999 or a
    /// timedelta past 999999999 days. The rest would be `datetime` objects, which arrsh does not have yet.
    pub fn time_to_python(&mut self, dt: DType, v: &Scalar) -> PyResult<Value> {
        let x = scalar_count(v);
        let unit = dt.time_unit().unwrap_or(TimeUnit::GENERIC);
        let is_datetime = dt.kind == Kind::Datetime;
        if x == NAT || (is_datetime && unit.is_generic()) {
            return Ok(Value::None);
        }
        let base = unit.base;
        let as_int = base > Unit::Us || (!is_datetime && matches!(base, Unit::Y | Unit::M));
        if as_int {
            return Ok(self.new_i64(x));
        }
        let name = dt.name();
        if is_datetime {
            let days = datetime::cast_datetime(x, unit, Unit::D.into()).unwrap_or(NAT);
            let (year, _, _) = datetime::civil_from_days(days);
            if days == NAT || !(1..=9999).contains(&year) {
                return Ok(self.new_i64(x));
            }
            let class = if base > Unit::D {
                "datetime.datetime"
            } else {
                "datetime.date"
            };
            return Err(PyError::datetime_object_not_implemented(class, &name));
        }
        let days = datetime::cast_timedelta(x, unit, Unit::D.into()).unwrap_or(i64::MAX);
        if !(-999_999_999..=999_999_999).contains(&days) {
            return Ok(self.new_i64(x));
        }
        Err(PyError::datetime_object_not_implemented(
            "datetime.timedelta",
            &name,
        ))
    }

    /// `np.isnat(x)`: true where a datetime64/timedelta64 element is NaT; NumPy's TypeError for
    /// other dtypes.
    pub fn isnat_array(&mut self, a: &Rc<NdArray>) -> PyResult<Rc<NdArray>> {
        if !a.dtype().is_time() {
            return Err(PyError::type_error(
                "ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64.",
            ));
        }
        let shape = a.shape().to_vec();
        let native = self.time_operand(&Operand::Strong(a.clone()), a.dtype().to_native())?;
        let v = datetime::values(&native, &shape)?;
        let r = NdArray::zeros(&self.ctx, &shape, DType::BOOL, Order::C)?;
        {
            let mut bytes = r.buffer().bytes_mut()?;
            for (k, x) in v.iter().enumerate() {
                bytes[k] = u8::from(*x == NAT);
            }
        }
        Ok(r)
    }

    /// `np.datetime64(value=None, format=None)` / `np.timedelta64(...)`: `dt` is the generic
    /// dtype of the type called.
    pub fn make_time_scalar(
        &mut self,
        dt: DType,
        value: Option<Value>,
        unit: Option<Value>,
    ) -> PyResult<Value> {
        let unit = match unit {
            None | Some(Value::None) => None,
            Some(Value::Tuple(t)) => Some(self.time_unit_from_tuple(&t.items)?),
            Some(Value::Str(s)) if s.v.starts_with('[') => {
                Some(crate::runtime::dtype::parse_time_metadata(&s.v)?)
            }
            Some(Value::Str(s)) => Some(TimeUnit::parse(&s.v, None)?),
            Some(other) => {
                return Err(PyError::type_error(format!(
                    "Cannot convert '{}' to a NumPy datetime unit",
                    other.type_name()
                )));
            }
        };
        let (x, u) = match value {
            None | Some(Value::None) => (NAT, TimeUnit::GENERIC),
            Some(Value::Str(s)) if dt.kind == Kind::Datetime => {
                let (x, u) = datetime::parse_datetime(&s.v)?;
                (x, u.into())
            }
            Some(Value::Str(s)) if s.v.trim().eq_ignore_ascii_case("nat") => {
                (NAT, TimeUnit::GENERIC)
            }
            Some(Value::Scalar(s)) if s.dtype.is_time() => (
                scalar_count(&s.v),
                s.dtype.time_unit().unwrap_or(TimeUnit::GENERIC),
            ),
            Some(v) => match self.index_int(&v).and_then(|i| i.to_i64()) {
                Some(i) if dt.kind == Kind::Datetime && unit.is_none() => {
                    let _ = i;
                    return Err(PyError::value(
                        "Converting an integer to a NumPy datetime requires a specified unit",
                    ));
                }
                Some(i) => (i, unit.unwrap_or(TimeUnit::GENERIC)),
                None => {
                    return Err(PyError::value(format!(
                        "Could not convert object to NumPy {}",
                        dt.scalar_type_name()
                    )));
                }
            },
        };
        let from = DType {
            meta: crate::runtime::dtype::Meta::Time(u),
            ..dt
        };
        let to = DType {
            meta: crate::runtime::dtype::Meta::Time(unit.unwrap_or(u)),
            ..dt
        };
        let v = datetime::cast_scalar(&Scalar::Int(x), from, to)?;
        Ok(self.new_scalar(to, v))
    }

    /// NumPy's `convert_datetime_metadata_tuple_to_datetime_metadata`: `('m', 15)`, or
    /// `(unit, num, den, None)`.
    fn time_unit_from_tuple(&mut self, items: &[Value]) -> PyResult<TimeUnit> {
        if !(2..=4).contains(&items.len()) {
            return Err(PyError::type_error(
                "Require tuple of size 2 to 4 for tuple to NumPy datetime metadata conversion",
            ));
        }
        let code = match &items[0] {
            Value::Str(s) => s.v.clone(),
            Value::Bytes(b) => String::from_utf8_lossy(&b.v).into_owned(),
            _ => {
                return Err(PyError::type_error(
                    "bad argument type for built-in operation",
                ));
            }
        };
        let base = Unit::parse(&code).ok_or_else(|| PyError::datetime_unit_in_metadata(&code))?;
        let int = |it: &mut Interp, v: &Value| -> PyResult<i64> {
            it.index_int(v)
                .map(|i| i.to_i64().unwrap_or(-1))
                .ok_or_else(|| {
                    PyError::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        v.type_name()
                    ))
                })
        };
        let num = int(self, &items[1])?;
        let den = match items.len() {
            3 => return Err(PyError::value("Use (unit, num) with no event")),
            4 if !items[3].is_none() => {
                return Err(PyError::value(
                    "When passing a 4-tuple as (unit, num, den, event), the event argument must be None",
                ));
            }
            4 => int(self, &items[2])?,
            _ => 1,
        };
        if num <= 0 || den <= 0 {
            return Err(PyError::type_error(
                "Invalid tuple values for tuple to NumPy datetime metadata conversion",
            ));
        }
        TimeUnit::from_parts(base, num, den)
    }

    /// A Python value written into a datetime64/timedelta64 array (`np.array([...], dtype=
    /// 'datetime64[D]')`, `a[0] = '2024-01-01'`).
    pub fn value_to_time_element(&mut self, v: &Value, dtype: DType) -> PyResult<Scalar> {
        match v {
            Value::Str(s) => {
                datetime::cast_scalar(&Scalar::Str(s.v.clone()), DType::unicode(0), dtype)
            }
            Value::Scalar(s) if s.dtype.is_time() => datetime::cast_scalar(&s.v, s.dtype, dtype),
            Value::None => Ok(Scalar::Int(NAT)),
            _ => match self.index_int(v).and_then(|i| i.to_i64()) {
                Some(i) => Ok(Scalar::Int(i)),
                None => Err(PyError::value(format!(
                    "Could not convert object to NumPy {}",
                    dtype.scalar_type_name()
                ))),
            },
        }
    }

    /// `a <op> b` when an operand is a datetime64/timedelta64 (`None` otherwise): the loops
    /// NumPy has, each at the finer unit, NaT in giving NaT out (and False from comparisons
    /// but `!=`).
    pub(crate) fn time_binary(
        &mut self,
        op: KOp,
        x: &Operand,
        y: &Operand,
    ) -> PyResult<Option<Value>> {
        let (dx, dy) = (operand_dtype(x), operand_dtype(y));
        if !dx.is_time() && !dy.is_time() {
            return Ok(None);
        }
        let unit = |d: DType| d.time_unit().unwrap_or(TimeUnit::GENERIC);
        let int = |d: DType| d.is_integer() || d.kind == Kind::Bool;
        // NumPy's type resolvers promote two time operands to their common unit, strict
        // about years and months on a timedelta's side; an error there comes after the loop
        // search (`?` below)
        let common = datetime::common_unit(
            unit(dx),
            unit(dy),
            dx.kind == Kind::Timedelta,
            dy.kind == Kind::Timedelta,
        );
        let u = *common.as_ref().unwrap_or(&TimeUnit::GENERIC);
        let (m, td) = (DType::datetime(u), DType::timedelta(u));
        use Kind::{Datetime as Dt, Timedelta as Td};
        // (operand x as, operand y as, result)
        let plan: Option<(DType, DType, Out)> = match (op, dx.kind, dy.kind) {
            (KOp::Sub, Dt, Dt) => Some((m, m, Out::Time(td))),
            (KOp::Add, Dt, Td) | (KOp::Sub, Dt, Td) => Some((m, td, Out::Time(m))),
            (KOp::Add, Td, Dt) => Some((td, m, Out::Time(m))),
            (KOp::Add | KOp::Sub, Td, Td) => Some((td, td, Out::Time(td))),
            (KOp::Add | KOp::Sub, Dt, _) if int(dy) => Some((dx, DType::INT64, Out::Time(dx))),
            (KOp::Add, _, Dt) if int(dx) => Some((DType::INT64, dy, Out::Time(dy))),
            (KOp::Add | KOp::Sub | KOp::Mul, Td, _) if int(dy) => {
                Some((dx, DType::INT64, Out::Time(dx)))
            }
            (KOp::Add | KOp::Mul, _, Td) if int(dx) => Some((DType::INT64, dy, Out::Time(dy))),
            (KOp::TrueDiv, Td, Td) => Some((td, td, Out::Float)),
            (KOp::Rem, Td, Td) => Some((td, td, Out::Time(td))),
            (KOp::FloorDiv, Td, Td) => Some((td, td, Out::Int)),
            (o, Dt, Dt) | (o, Td, Td) if o.is_comparison() => {
                let (a, b) = if dx.kind == Dt { (m, m) } else { (td, td) };
                Some((a, b, Out::Bool))
            }
            _ => None,
        };
        let Some((ax, ay, out)) = plan else {
            return Err(PyError::ufunc_cannot_use_operands(
                op.ufunc_name(),
                &dx.repr(),
                &dy.repr(),
            ));
        };
        if dx.is_time() && dy.is_time() {
            common?;
        }
        let xa = self.time_operand(x, ax)?;
        let ya = self.time_operand(y, ay)?;
        let shape = kernels::broadcast_shapes(&[&xa.shape(), &ya.shape()])?;
        let (vx, vy) = (
            datetime::values(&xa, &shape)?,
            datetime::values(&ya, &shape)?,
        );
        // an int operand's values are counts, never NaT
        let nat = |v: i64, d: DType| v == NAT && d.is_time();
        let pairs = vx
            .iter()
            .zip(&vy)
            .map(|(&a, &b)| (a, b, nat(a, ax) || nat(b, ay)));
        let (dtype, cells): (DType, Vec<Scalar>) = match out {
            Out::Time(d) => (
                d,
                pairs
                    .map(|(a, b, n)| {
                        Scalar::Int(if n {
                            NAT
                        } else {
                            match op {
                                KOp::Sub => a.wrapping_sub(b),
                                KOp::Mul => a.wrapping_mul(b),
                                // Python's sign rule; NumPy gives NaT for a zero divisor
                                KOp::Rem if b == 0 => NAT,
                                KOp::Rem => a.wrapping_sub(a.div_euclid(b).wrapping_mul(b)),
                                _ => a.wrapping_add(b),
                            }
                        })
                    })
                    .collect(),
            ),
            Out::Float => (
                DType::FLOAT64,
                pairs
                    .map(|(a, b, n)| Scalar::Float(if n { f64::NAN } else { a as f64 / b as f64 }))
                    .collect(),
            ),
            Out::Int => (
                DType::INT64,
                pairs
                    .map(|(a, b, n)| Scalar::Int(if n || b == 0 { 0 } else { a.div_euclid(b) }))
                    .collect(),
            ),
            Out::Bool => (
                DType::BOOL,
                pairs
                    .map(|(a, b, n)| {
                        Scalar::Bool(if n {
                            op == KOp::Ne
                        } else {
                            match op {
                                KOp::Eq => a == b,
                                KOp::Ne => a != b,
                                KOp::Lt => a < b,
                                KOp::Le => a <= b,
                                KOp::Gt => a > b,
                                _ => a >= b,
                            }
                        })
                    })
                    .collect(),
            ),
        };
        let r = NdArray::zeros(&self.ctx, &shape, dtype, Order::C)?;
        {
            let mut bytes = r.buffer().bytes_mut()?;
            for (k, v) in cells.iter().enumerate() {
                let at = k * dtype.itemsize;
                v.encode(dtype, &mut bytes[at..at + dtype.itemsize]);
            }
        }
        self.wrap_result(r).map(Some)
    }

    /// `np.arange` over datetimes or timedeltas (`None` when no operand or dtype is one):
    /// `np.arange('2024-01', '2024-03', dtype='datetime64[D]')` counts days.
    pub fn time_arange(
        &mut self,
        start: &Value,
        stop: Option<&Value>,
        step: Option<&Value>,
        dtype: Option<DType>,
    ) -> PyResult<Option<Value>> {
        let time_of = |v: Option<&Value>| match v {
            Some(Value::Scalar(s)) if s.dtype.is_time() => Some(s.dtype),
            _ => None,
        };
        let dt = match (dtype, time_of(Some(start)), time_of(stop)) {
            (Some(d), ..) if d.is_time() => d,
            (Some(_), ..) => return Ok(None),
            (None, Some(a), Some(b)) => crate::runtime::dtype::promote(a, b).unwrap_or(a),
            (None, Some(a), None) | (None, None, Some(a)) => a,
            (None, None, None) => return Ok(None),
        };
        let Some(stop) = stop else {
            return Err(PyError::value(
                "arange requires both a start and a stop for NumPy datetime64 ranges",
            ));
        };
        // a generic unit takes the unit the start string implies
        let dt = match (dt.time_unit(), start) {
            (Some(u), Value::Str(s)) if u.is_generic() && dt.kind == Kind::Datetime => {
                DType::datetime(datetime::parse_datetime(&s.v)?.1.into())
            }
            _ => dt,
        };
        let a = scalar_count(&self.value_to_time_element(start, dt)?);
        let b = scalar_count(&self.value_to_time_element(stop, dt)?);
        let step = match step {
            None => 1,
            Some(v) => scalar_count(&self.value_to_time_element(
                v,
                DType::timedelta(dt.time_unit().unwrap_or(TimeUnit::GENERIC)),
            )?),
        };
        if a == NAT || b == NAT || step == NAT {
            return Err(PyError::value(
                "arange: cannot use NaT (not-a-time) datetime values",
            ));
        }
        if step == 0 {
            return Err(PyError::value("Maximum allowed size exceeded"));
        }
        let n = (b as i128 - a as i128 + step as i128 - step.signum() as i128) / step as i128;
        let n = n.max(0) as usize;
        let r = NdArray::zeros(&self.ctx, &[n], dt, Order::C)?;
        {
            let mut bytes = r.buffer().bytes_mut()?;
            for k in 0..n {
                let v = a.wrapping_add((k as i64).wrapping_mul(step));
                bytes[k * 8..k * 8 + 8].copy_from_slice(&v.to_le_bytes());
            }
        }
        Ok(Some(Value::Array(r)))
    }

    /// An operand as a native array of `dt` (a time unit cast by the calendar, or int64 counts).
    fn time_operand(&mut self, o: &Operand, dt: DType) -> PyResult<Rc<NdArray>> {
        let a = match o {
            Operand::Strong(a) => a.clone(),
            Operand::Weak(w) => self.scalar_to_array(DType::INT64, &weak_int(w))?,
        };
        if a.dtype() == dt && a.dtype().is_native() {
            return Ok(a);
        }
        kernels::cast_array(&self.ctx, &a, dt, Order::C)
    }
}

/// What a time operation gives.
#[derive(Clone, Copy)]
enum Out {
    Time(DType),
    Float,
    Int,
    Bool,
}

fn weak_int(w: &Weak) -> Scalar {
    match w {
        Weak::Bool(b) => Scalar::Int(*b as i64),
        Weak::Int(i) => Scalar::Int(i.to_i64().unwrap_or(NAT)),
        Weak::Float(f) => Scalar::Int(*f as i64),
        Weak::Complex(re, _) => Scalar::Int(*re as i64),
    }
}

fn scalar_count(v: &Scalar) -> i64 {
    match v {
        Scalar::Int(i) => *i,
        other => other.to_i64_wrapping(),
    }
}
