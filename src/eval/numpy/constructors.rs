//! Calling a type (`call_type`: the type's registry row, or an exception class); NumPy's scalar
//! types (`np.int64(5)`), `np.dtype` and `np.ndarray` as rows; conversions behind the
//! constructors (`int_from`, scalars from values); `type(x)` and `isinstance`. Python's own
//! types' rows are `builtins::typecalls`.

use num_bigint::BigInt;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::{as_float, as_int};
use crate::eval::object::pyint::Int;
use crate::eval::object::typebases;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Conv, Row};
use crate::runtime::{DType, Kind, Scalar};

/// A NumPy scalar type's row: its call parses as NumPy's `*_arrtype_new` does (an anonymous
/// `PyArg_ParseTupleAndKeywords("|O")` for most; `bool_` names itself; `float64`, `str_` and
/// `bytes_` inherit Python's `float`, `str` and `bytes` parsers).
pub const fn scalar_row(name: &'static str, dt: DType) -> Row {
    let kind = TypeKind::NpScalar(dt);
    match dt.kind {
        Kind::Float if dt.itemsize == 8 => {
            Row::constructor(name, kind, "!float(x=0, /)", np_scalar_new)
        }
        Kind::Str => Row::constructor(
            name,
            kind,
            "!str(object='', encoding='utf-8', errors='strict')",
            np_scalar_new,
        ),
        Kind::Bytes => Row::constructor(
            name,
            kind,
            "!bytes(source=b'', encoding='utf-8', errors='strict')",
            np_scalar_new,
        ),
        Kind::Bool => Row::constructor(name, kind, "!bool_(x=False, /)", np_scalar_new)
            .conv(Conv::ParseTupleAndKeywords),
        Kind::Complex => {
            Row::constructor(name, kind, "!function(real=0, imag=0, /)", np_scalar_new)
                .conv(Conv::ParseTupleAndKeywords)
        }
        Kind::Datetime | Kind::Timedelta => Row::constructor(
            name,
            kind,
            "!function(value=None, format=None, /)",
            np_scalar_new,
        )
        .conv(Conv::ParseTupleAndKeywords),
        _ => Row::constructor(name, kind, "!function(x=0, /)", np_scalar_new)
            .conv(Conv::ParseTupleAndKeywords),
    }
}

/// `np.dtype` and `np.ndarray`, parsed by `PyArg_ParseTupleAndKeywords` with their names.
pub const ROWS: &[Row] = &[
    Row::constructor(
        "numpy.dtype",
        TypeKind::DTypeClass,
        "!(dtype, align=False, copy=False, metadata=None)",
        dtype_new,
    )
    .conv(Conv::ParseTupleAndKeywords),
    Row::constructor(
        "numpy.ndarray",
        TypeKind::Ndarray,
        "!(shape, dtype=None, buffer=None, offset=0, strides=None, order=None)",
        ndarray_new,
    )
    .conv(Conv::ParseTupleAndKeywords),
];

/// The dtype of the scalar type a row was called through.
fn called_dtype(a: &Bound) -> DType {
    match &a.this {
        Value::Type(t) => match t.kind {
            TypeKind::NpScalar(dt) => dt,
            _ => DType::FLOAT64,
        },
        _ => DType::FLOAT64,
    }
}

fn np_scalar_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let dt = called_dtype(&a);
    let v = match dt.kind {
        Kind::Datetime | Kind::Timedelta => {
            let v = a.take("value");
            let unit = a.take("format");
            return it.make_time_scalar(dt, v, unit);
        }
        Kind::Complex => match (a.take("real"), a.take("imag")) {
            (Some(re), None) => re,
            (re, im) => it.complex_from(re, im)?,
        },
        Kind::Str => {
            let v = a.take("object");
            let (enc, errors) = (a.take("encoding"), a.take("errors"));
            match (v, enc, errors) {
                (Some(v), None, None) => v,
                (v, enc, errors) => it.str_from(v, enc, errors)?,
            }
        }
        Kind::Bytes => {
            let v = a.take("source");
            let (enc, errors) = (a.take("encoding"), a.take("errors"));
            match (v, enc, errors) {
                (Some(v), None, None) => v,
                (v, enc, errors) => it.bytes_from(v, enc, errors)?,
            }
        }
        _ => match a.take("x") {
            Some(v) => v,
            None => it.new_i64(0),
        },
    };
    it.make_np_scalar(dt, &v)
}

fn dtype_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("dtype")?;
    let align = match a.take("align") {
        Some(x) => it.truthy(&x)?,
        None => false,
    };
    // `copy=True` makes a new dtype object equal to the old one: arrsh's dtypes are values
    a.take("copy");
    it.refuse_unsupported(&mut a, &["metadata"])?;
    let dt = match &v {
        Value::List(_) if align => it.struct_dtype_from_list(&v, true)?,
        Value::Dict(d) if align => it.struct_dtype_from_dict(d, true)?,
        _ => it.to_dtype(&v)?,
    };
    Ok(it.new_dtype(dt))
}

/// `np.ndarray(shape, dtype, order=)`: uninitialised memory, as `np.empty`; arrays over a
/// given buffer are not built.
fn ndarray_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let shape = a.req("shape")?;
    let dtype = a.take("dtype").unwrap_or(Value::None);
    let order = a.take("order").unwrap_or(Value::None);
    if let Some(off) = a.take("offset")
        && !matches!(&off, Value::Int(_) if it.int_value(&off, "")?.to_i64() == Some(0))
    {
        return Err(PyError::not_implemented(
            "arrsh's ndarray does not support offset=",
        ));
    }
    it.refuse_unsupported(&mut a, &["buffer", "strides"])?;
    let mut kw = Vec::new();
    if !order.is_none() {
        kw.push(("order".to_string(), order));
    }
    it.call_numpy("numpy.empty", vec![shape, dtype], kw)
}

/// Whether NumPy's abstract scalar class `name` (`numpy.integer`...) covers `dt`'s scalars.
fn np_abstract_contains(name: &'static str, dt: DType) -> bool {
    typebases::is_subtype(scalar_type_kind(dt), TypeKind::NpAbstract(name))
}

/// The type of a dtype's scalars (`dtype.type`, `type(a[0])`): one `numpy.void` whatever the
/// size or fields, `numpy.record` for a record dtype.
pub fn scalar_type_kind(dt: DType) -> TypeKind {
    match dt.kind {
        Kind::Void if dt.record => TypeKind::NpRecord,
        Kind::Void => TypeKind::NpScalar(DType::void(0)),
        _ => TypeKind::NpScalar(dt.to_native()),
    }
}

impl Interp {
    pub(crate) fn is_instance(&self, v: &Value, kind: TypeKind) -> bool {
        match (kind, v) {
            (TypeKind::Object, _) => true,
            (TypeKind::Int, Value::Int(_) | Value::Bool(_)) => true,
            (TypeKind::Bool, Value::Bool(_)) => true,
            (TypeKind::Float, Value::Float(_)) => true,
            (TypeKind::Float, Value::Scalar(s)) => s.dtype == DType::FLOAT64,
            (TypeKind::Complex, Value::Complex(_)) => true,
            // NumPy's scalars that subclass Python's types (numpy.float64 above too)
            (TypeKind::Complex, Value::Scalar(s)) => s.dtype.to_native() == DType::COMPLEX128,
            (TypeKind::Str, Value::Scalar(s)) => s.dtype.kind == Kind::Str,
            (TypeKind::Bytes, Value::Scalar(s)) => s.dtype.kind == Kind::Bytes,
            (TypeKind::DTypeClass, Value::DType(_)) => true,
            (TypeKind::Str, Value::Str(_)) => true,
            (TypeKind::Bytes, Value::Bytes(_)) => true,
            (TypeKind::List, Value::List(_)) => true,
            (TypeKind::Tuple, Value::Tuple(_)) => true,
            (TypeKind::Dict, Value::Dict(_)) => true,
            (TypeKind::Set, Value::Set(s)) => !s.frozen,
            (TypeKind::FrozenSet, Value::Set(s)) => s.frozen,
            (TypeKind::Range, Value::Range(_)) => true,
            (TypeKind::Slice, Value::Slice(_)) => true,
            (TypeKind::Ndarray, Value::Array(_)) => true,
            (TypeKind::RecArray, Value::Array(a)) => a.is_recarray(),
            (TypeKind::NpRecord, Value::Scalar(s)) => s.dtype.record,
            // np.void is one type for every size and structure
            (TypeKind::NpScalar(dt), Value::Scalar(s)) if dt.is_void() => s.dtype.is_void(),
            // datetime64 is one type for every unit
            (TypeKind::NpScalar(dt), Value::Scalar(s)) if dt.is_time() => s.dtype.kind == dt.kind,
            (TypeKind::NpScalar(dt), Value::Scalar(s)) => s.dtype.to_native() == dt,
            (TypeKind::NpAbstract(name), Value::Scalar(s)) => np_abstract_contains(name, s.dtype),
            (TypeKind::Type, Value::Type(_)) => true,
            (TypeKind::Iterator(k), Value::Iter(it)) => it.kind == k,
            (TypeKind::Exception(k), Value::Exception(e)) => e.kind.is_subclass_of(k),
            (TypeKind::Function, Value::Function(_)) => true,
            (TypeKind::Type, Value::Class(_)) => true,
            (TypeKind::Method, Value::BoundMethod(_)) => true,
            (TypeKind::Record(name), Value::Dict(d)) => {
                d.flavor.as_ref().is_some_and(|f| f.type_name() == name)
            }
            (TypeKind::Record(name), Value::Iter(it)) => it.kind == name,
            (TypeKind::Record(name), Value::Native(n)) => n.type_name == name,
            // ufuncs and NumPy's dispatchers: the type the registry gives the function
            (TypeKind::Record(name), Value::Builtin(b)) => {
                crate::eval::registry::get(b.name).is_some_and(|e| e.type_name() == name)
            }
            _ => false,
        }
    }

    /// `issubclass(a, b)` for the types arrsh has (their bases are `typebases`').
    pub(crate) fn is_subclass(a: TypeKind, b: TypeKind) -> bool {
        use TypeKind as T;
        match (a, b) {
            _ if a == b => true,
            // np.void is one type for every size and structure
            (T::NpScalar(x), T::NpScalar(y)) if x.is_void() && y.is_void() => true,
            _ => typebases::is_subtype(a, b),
        }
    }

    /// `int(x)`, `float(x)`, `list(x)`, `np.int64(x)`... — calling a type: its registry row
    /// (the type object is the row's receiver, as `cls` is `__new__`'s), or an exception class.
    pub(crate) fn call_type(
        &mut self,
        kind: TypeKind,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if let TypeKind::Record(name) = kind
            && let Some(e) = crate::eval::registry::get(name)
            && e.row.kind == crate::eval::registry::Kind::Class
        {
            return self.call_entry(e, Value::None, args, kw);
        }
        if let Some(e) = crate::eval::registry::get(&crate::eval::text::pyrepr::type_qualname(kind))
            && matches!(e.row.kind, crate::eval::registry::Kind::Constructor(_))
        {
            let cls = self.objects.type_object(kind);
            return self.call_entry(e, cls, args, kw);
        }
        Err(PyError::type_error(format!(
            "cannot create '{}' instances",
            crate::eval::text::pyrepr::type_qualname(kind)
        )))
    }

    /// `np.int64(5)`, `np.float32('1.5')`, `np.uint8(300)` (NumPy 2: OverflowError).
    pub fn make_np_scalar(&mut self, dt: DType, v: &Value) -> PyResult<Value> {
        if let Value::Array(a) = v
            && a.ndim() > 0
        {
            let c =
                crate::runtime::kernels::cast_array(&self.ctx, a, dt, crate::runtime::Order::C)?;
            return Ok(Value::Array(c));
        }
        if dt.is_flexible() && dt.itemsize == 0 && !matches!(v, Value::Array(_)) {
            // np.bytes_(b'abc'): the size comes from the value (S3), as np.array would find it
            let a = self.to_array(v, Some(dt))?;
            let s = a.element_at(usize::try_from(a.offset_bytes()).unwrap_or(0))?;
            return Ok(self.new_scalar(a.dtype(), s));
        }
        // np.int64([1, 2]) is np.array([1, 2], dtype=np.int64): sequences make arrays
        if matches!(v, Value::List(_) | Value::Tuple(_)) {
            let a = self.to_array(v, Some(dt))?;
            if a.ndim() > 0 {
                return Ok(Value::Array(a));
            }
        }
        let s = match v {
            // np.int8('300') parses as int('300') first, then range-checks like any Python int
            Value::Str(_) if dt.is_integer() => {
                let i = self.int_from(v, None)?;
                self.value_to_element(&i, dt)?
            }
            // np.complex128('1+2j') and np.complex64(b'3j') read the text as complex() does
            Value::Str(t) if dt.kind == Kind::Complex => Scalar::Str(t.v.clone()).parse_as(dt)?,
            Value::Bytes(b) if dt.kind == Kind::Complex => {
                Scalar::Bytes(b.v.clone()).parse_as(dt)?
            }
            Value::Str(_) if dt.is_numeric() => Scalar::Float(self.to_float(v)?),
            _ => self.value_to_element(v, dt)?,
        };
        let a = self.scalar_to_array(dt, &s)?;
        let s = a.element_at(0)?;
        Ok(self.new_scalar(dt, s))
    }

    pub fn type_of(&mut self, v: &Value) -> Value {
        let kind = match v {
            Value::Instance(_) | Value::Exception(_) | Value::Class(_) => {
                return self.type_of_value(v);
            }
            Value::BoundMethod(_) => TypeKind::Method,
            Value::Descr(d) => TypeKind::Record(d.kind.type_name()),
            Value::None => TypeKind::NoneType,
            Value::Bool(_) => TypeKind::Bool,
            Value::Ellipsis => TypeKind::Ellipsis,
            Value::NotImplemented => TypeKind::Record("NotImplementedType"),
            Value::Int(_) => TypeKind::Int,
            Value::Float(_) => TypeKind::Float,
            Value::Complex(_) => TypeKind::Complex,
            Value::Str(_) => TypeKind::Str,
            Value::Bytes(_) => TypeKind::Bytes,
            Value::Tuple(_) => TypeKind::Tuple,
            Value::List(_) => TypeKind::List,
            Value::Dict(d) => match &d.flavor {
                Some(f) => TypeKind::Record(f.type_name()),
                None => TypeKind::Dict,
            },
            Value::Iter(it) if it.kind.starts_with("itertools.") => TypeKind::Record(it.kind),
            Value::Set(s) if s.frozen => TypeKind::FrozenSet,
            Value::Set(_) => TypeKind::Set,
            Value::Range(_) => TypeKind::Range,
            Value::Slice(_) => TypeKind::Slice,
            Value::Array(a) if a.is_recarray() => TypeKind::RecArray,
            Value::Array(_) => TypeKind::Ndarray,
            Value::Scalar(s) => scalar_type_kind(s.dtype),
            Value::DType(d) => TypeKind::Record(leak_dtype_class(d.dtype)),
            Value::Type(_) => TypeKind::Type,
            Value::Module(_) => TypeKind::Module,
            Value::Builtin(b) => match crate::eval::registry::get(b.name) {
                Some(e) => return self.function_type(e),
                None => TypeKind::BuiltinFunction,
            },
            Value::Method(_) => TypeKind::BuiltinFunction,
            Value::Function(_) => TypeKind::Function,
            Value::Iter(it) => TypeKind::Iterator(it.kind),
            Value::Flags(_) => TypeKind::Flags,
            Value::Record(r) => TypeKind::Record(r.type_name),
            Value::Cell(_) => TypeKind::Object,
            Value::Dummy(_) => TypeKind::Record("numpy.lib._stride_tricks_impl.DummyArray"),
            Value::Native(n) => TypeKind::Record(n.type_name),
        };
        self.objects.type_object(kind)
    }

    pub(crate) fn int_from(&mut self, v: &Value, base: Option<Value>) -> PyResult<Value> {
        Ok(match v {
            Value::Int(_) | Value::Bool(_) => self.new_int(as_int(v).unwrap_or(Int::Small(0))),
            Value::Float(f) => {
                if f.v.is_nan() {
                    return Err(PyError::value("cannot convert float NaN to integer"));
                }
                if f.v.is_infinite() {
                    return Err(PyError::overflow(
                        "cannot convert float infinity to integer",
                    ));
                }
                self.new_int(float_to_int(f.v))
            }
            Value::Scalar(s) => match s.v {
                Scalar::Int(i) => self.new_i64(i),
                Scalar::UInt(u) => self.new_int(Int::from_u64(u)),
                Scalar::Bool(b) => self.new_i64(b as i64),
                Scalar::Float(f) => {
                    let fv = self.new_float(f);
                    return self.int_from(&fv, None);
                }
                _ => {
                    return Err(PyError::type_error(
                        "int() argument must be a string, a bytes-like object or a real number",
                    ));
                }
            },
            Value::Array(a) if a.size() == 1 => {
                let s = a.item().ok_or_else(PyError::unsized_object)??;
                let sv = self.new_scalar(a.dtype(), s);
                return self.int_from(&sv, None);
            }
            Value::Array(_) => {
                return Err(PyError::type_error(
                    "only length-1 arrays can be converted to Python scalars",
                ));
            }
            Value::Str(s) => {
                let radix = match base {
                    Some(b) => self.int_value(&b, "")?.to_i64().unwrap_or(-1),
                    None => 10,
                };
                if radix != 0 && !(2..=36).contains(&radix) {
                    return Err(PyError::value("int() base must be >= 2 and <= 36, or 0"));
                }
                if let Some(limit) = crate::syntax::int_max_str_digits() {
                    let digits = decimal_run_digits(&s.v, radix as u32);
                    if digits > limit {
                        return Err(PyError::str_too_long_to_int(limit, digits));
                    }
                }
                match parse_int_literal(&s.v, radix as u32) {
                    Some(i) => self.new_int(i),
                    None => {
                        return Err(PyError::value(format!(
                            "invalid literal for int() with base {radix}: {}",
                            crate::eval::text::pyrepr::str_repr(&s.v)
                        )));
                    }
                }
            }
            other => {
                return Err(PyError::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    other.type_name()
                )));
            }
        })
    }

    pub fn to_float(&mut self, v: &Value) -> PyResult<f64> {
        match v {
            Value::Str(s) => {
                let t = s.v.trim().to_lowercase().replace('_', "");
                match t.as_str() {
                    "inf" | "+inf" | "infinity" => Ok(f64::INFINITY),
                    "-inf" | "-infinity" => Ok(f64::NEG_INFINITY),
                    "nan" | "+nan" | "-nan" => Ok(f64::NAN),
                    _ => t.parse::<f64>().map_err(|_| {
                        PyError::value(format!(
                            "could not convert string to float: {}",
                            crate::eval::text::pyrepr::str_repr(&s.v)
                        ))
                    }),
                }
            }
            Value::Scalar(s) => Ok(s.v.to_f64()),
            Value::Array(a) if a.size() == 1 => {
                Ok(a.item().ok_or_else(PyError::unsized_object)??.to_f64())
            }
            Value::Array(_) => Err(PyError::type_error(
                "only length-1 arrays can be converted to Python scalars",
            )),
            other => as_float(other)?.ok_or_else(|| {
                PyError::type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    other.type_name()
                ))
            }),
        }
    }
}

/// `PyLong_FromString`: optional sign, a `0x`/`0o`/`0b` prefix (required by base 0 to leave
/// 10), single underscores between digits, surrounding whitespace.
fn parse_int_literal(text: &str, base: u32) -> Option<Int> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p) && lower.len() > 2;
    let (base, digits) = match base {
        0 | 16 if prefixed("0x") => (16, &body[2..]),
        0 | 8 if prefixed("0o") => (8, &body[2..]),
        0 | 2 if prefixed("0b") => (2, &body[2..]),
        0 => {
            // base 0 refuses leading zeros on a non-zero number ("010")
            if body.len() > 1
                && body.starts_with('0')
                && body.bytes().any(|b| b != b'0' && b != b'_')
            {
                return None;
            }
            (10, body)
        }
        b => (b, body),
    };
    // a prefix may be followed by one underscore; otherwise underscores sit between digits
    let digits = if digits.len() < body.len() {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let b = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(Int::from_big(if neg { -b } else { b }))
}

fn float_to_int(f: f64) -> Int {
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        Int::Small(t as i64)
    } else {
        // exact conversion of a large float: mantissa × 2^exp
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
        let mut b = BigInt::from(mant);
        b = if exp >= 0 {
            b << exp as u64
        } else {
            b >> (-exp) as u64
        };
        Int::from_big(if t < 0.0 { -b } else { b })
    }
}

fn leak_dtype_class(dt: DType) -> &'static str {
    // the handful of dtype class names, interned once
    match (dt.kind, dt.itemsize) {
        (Kind::Bool, _) => "numpy.dtypes.BoolDType",
        (Kind::Int, 1) => "numpy.dtypes.Int8DType",
        (Kind::Int, 2) => "numpy.dtypes.Int16DType",
        (Kind::Int, 4) => "numpy.dtypes.Int32DType",
        (Kind::Int, _) => "numpy.dtypes.Int64DType",
        (Kind::UInt, 1) => "numpy.dtypes.UInt8DType",
        (Kind::UInt, 2) => "numpy.dtypes.UInt16DType",
        (Kind::UInt, 4) => "numpy.dtypes.UInt32DType",
        (Kind::UInt, _) => "numpy.dtypes.UInt64DType",
        (Kind::Float, 2) => "numpy.dtypes.Float16DType",
        (Kind::Float, 4) => "numpy.dtypes.Float32DType",
        (Kind::Float, _) => "numpy.dtypes.Float64DType",
        (Kind::Complex, 8) => "numpy.dtypes.Complex64DType",
        (Kind::Complex, _) => "numpy.dtypes.Complex128DType",
        (Kind::Bytes, _) => "numpy.dtypes.BytesDType",
        (Kind::Str, _) => "numpy.dtypes.StrDType",
        (Kind::Void, _) => "numpy.dtypes.VoidDType",
        (Kind::Datetime, _) => "numpy.dtypes.DateTime64DType",
        (Kind::Timedelta, _) => "numpy.dtypes.TimeDelta64DType",
    }
}

/// The digits `int(text, base)` would convert, as `PyLong_FromString` counts them for its
/// `sys.get_int_max_str_digits()` check: the run of digits (and underscores) after the sign
/// and prefix, for bases that are not powers of two (those convert in linear time, unchecked).
fn decimal_run_digits(text: &str, radix: u32) -> usize {
    let t = text.trim_start().trim_start_matches(['+', '-']);
    let lower = t.get(..2).map(str::to_ascii_lowercase);
    let radix = match (radix, lower.as_deref()) {
        (0, Some("0x" | "0o" | "0b")) => return 0,
        (0, _) => 10,
        (r, _) => r,
    };
    if radix.is_power_of_two() {
        return 0;
    }
    t.chars()
        .take_while(|c| *c == '_' || c.is_digit(radix))
        .filter(|c| *c != '_')
        .count()
}

impl Interp {
    /// A number's real part, and its imaginary part when it is a complex number
    /// (`complex()`'s reading of an argument).
    pub(crate) fn complex_parts(&mut self, v: &Value) -> PyResult<(f64, Option<f64>)> {
        match v {
            Value::Complex(c) => Ok((c.re, Some(c.im))),
            Value::Scalar(s) if s.dtype.kind == crate::runtime::Kind::Complex => {
                let (re, im) = s.v.to_complex();
                Ok((re, Some(im)))
            }
            _ => Ok((self.to_float(v)?, None)),
        }
    }
}
