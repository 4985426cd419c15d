//! Calling Python's builtin types: `int(x)`, `str(b, 'ascii')`, `list(it)`, `range(...)`,
//! `dict(...)`, `type(x)`, `object()` — one registry row each, whose spec gives CPython 3.11's
//! argument errors (Argument Clinic for `int`/`complex`/`str`/`bytes`, `_PyArg_NoKwnames` and
//! `_PyArg_CheckPositional` for the vectorcall types).

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::eval::text::codecs;
use crate::runtime::Kind;

/// The builtin types whose call makes a value (`Conv::CType`: Argument Clinic when the spec
/// takes keywords, else the vectorcall checks).
pub const ROWS: &[Row] = &[
    Row::constructor("int", TypeKind::Int, "!(x=0, /, base=10)", int_new),
    Row::constructor("float", TypeKind::Float, "!(x=0, /)", float_new),
    Row::constructor(
        "complex",
        TypeKind::Complex,
        "!(real=0, imag=0)",
        complex_new,
    ),
    Row::constructor("bool", TypeKind::Bool, "!(x=False, /)", bool_new),
    Row::constructor(
        "str",
        TypeKind::Str,
        "!(object='', encoding='utf-8', errors='strict')",
        str_new,
    ),
    Row::constructor(
        "bytes",
        TypeKind::Bytes,
        "!(source=b'', encoding='utf-8', errors='strict')",
        bytes_new,
    ),
    Row::constructor("list", TypeKind::List, "!(iterable=(), /)", list_new),
    Row::constructor("tuple", TypeKind::Tuple, "!(iterable=(), /)", tuple_new),
    Row::constructor("set", TypeKind::Set, "!(iterable=(), /)", set_new),
    Row::constructor(
        "frozenset",
        TypeKind::FrozenSet,
        "!(iterable=(), /)",
        frozenset_new,
    ),
    // dict_vectorcall counts its positional arguments itself (`dict_fill`)
    Row::constructor("dict", TypeKind::Dict, "!(*args, **kwargs)", dict_new),
    Row::constructor(
        "range",
        TypeKind::Range,
        "!(start, stop=None, step=1, /)",
        range_new,
    ),
    Row::constructor(
        "slice",
        TypeKind::Slice,
        "!(start, stop=None, step=None, /)",
        slice_new,
    ),
    // type_vectorcall and object_new word their own refusals
    Row::constructor("type", TypeKind::Type, "!(*args, **kwargs)", type_new),
    Row::constructor("object", TypeKind::Object, "!(*args, **kwargs)", object_new),
    // what every object inherits from `object` (`getattr`'s last resort)
    Row::attr("object.__class__", class_of),
];

fn class_of(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(it.type_of(&a.this))
}

fn int_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.take("x");
    let base = a.take("base");
    Ok(match (v, base) {
        (None, _) => it.new_i64(0),
        // int(i) of an exact int is i itself
        (Some(v @ Value::Int(_)), None) => v,
        (Some(v), Some(_)) if !matches!(v, Value::Str(_) | Value::Bytes(_)) => {
            return Err(PyError::type_error(
                "int() can't convert non-string with explicit base",
            ));
        }
        (Some(v), base) => it.int_from(&v, base)?,
    })
}

fn float_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    Ok(match a.take("x") {
        None => it.new_float(0.0),
        Some(v @ Value::Float(_)) => v,
        Some(v) => {
            let f = it.to_float(&v)?;
            it.new_float(f)
        }
    })
}

fn complex_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let re = a.take("real");
    let im = a.take("imag");
    it.complex_from(re, im)
}

fn bool_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    Ok(match a.take("x") {
        None => Value::Bool(false),
        Some(v) => Value::Bool(it.truthy(&v)?),
    })
}

fn str_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.take("object");
    let (enc, errors) = (a.take("encoding"), a.take("errors"));
    it.str_from(v, enc, errors)
}

fn bytes_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.take("source");
    let (enc, errors) = (a.take("encoding"), a.take("errors"));
    it.bytes_from(v, enc, errors)
}

fn list_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    match a.take("iterable") {
        None => Ok(Value::List(it.new_empty_list())),
        Some(v) => it.list_from(&v),
    }
}

fn tuple_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    Ok(match a.take("iterable") {
        None => it.new_tuple(vec![]),
        Some(t @ Value::Tuple(_)) => t,
        Some(v) => {
            let items = it.collect(&v)?;
            it.new_tuple(items)
        }
    })
}

fn set_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.take("iterable");
    it.set_from(v.as_ref(), false)
}

fn frozenset_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.take("iterable");
    it.set_from(v.as_ref(), true)
}

/// dict_vectorcall: the positional mapping or pairs first, then each keyword.
fn dict_new(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = it.new_empty_dict();
    it.dict_fill(&d, Some("dict"), &a.star, a.kwargs)?;
    Ok(Value::Dict(d))
}

fn range_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let given: Vec<Value> = ["start", "stop", "step"]
        .iter()
        .filter_map(|n| a.take(n))
        .collect();
    let mut bounds = [0i128; 3];
    for (slot, v) in bounds.iter_mut().zip(&given) {
        let i = it.int_value(v, "")?;
        *slot = i.to_i128().ok_or_else(PyError::too_large_for_ssize_t)?;
    }
    let (start, stop, step) = match given.len() {
        1 => (0, bounds[0], 1),
        2 => (bounds[0], bounds[1], 1),
        _ => (bounds[0], bounds[1], bounds[2]),
    };
    if step == 0 {
        return Err(PyError::range_step_zero());
    }
    Ok(it.new_range(start, stop, step))
}

fn slice_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let start = a.req("start")?;
    let stop = a.take("stop");
    let step = a.take("step");
    Ok(match stop {
        None => it.new_slice(Value::None, start, Value::None),
        Some(stop) => it.new_slice(start, stop, step.unwrap_or(Value::None)),
    })
}

/// `type(x)`; the three-argument form makes a class, which arrsh does with `class` only.
fn type_new(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match a.star.as_slice() {
        [v] if a.kwargs.is_empty() => Ok(it.type_of(v)),
        [_] => Err(PyError::takes_no_keyword_arguments("type")),
        [_, _, _] => Err(PyError::not_implemented(
            "arrsh does not implement type(name, bases, dict) yet: use a class statement",
        )),
        _ => Err(PyError::type_error("type() takes 1 or 3 arguments")),
    }
}

fn object_new(it: &mut Interp, a: Bound) -> PyResult<Value> {
    if !a.star.is_empty() || !a.kwargs.is_empty() {
        return Err(PyError::type_error("object() takes no arguments"));
    }
    let addr = it.ctx.heap.object(16).addr();
    Ok(it.new_record("object", format!("<object object at {addr:#x}>"), vec![]))
}

impl Interp {
    /// `complex(real, imag)`: real + imag*1j, either side possibly complex (np.complex128 is
    /// a complex: its imaginary part is kept); as CPython's complex_new, only a complex side's
    /// other part is added, so complex(1, -0.0) keeps its negative zero.
    pub(crate) fn complex_from(&mut self, re: Option<Value>, im: Option<Value>) -> PyResult<Value> {
        if let Some(Value::Str(t)) = &re {
            if im.is_some() {
                return Err(PyError::complex_second_arg_after_string());
            }
            let (r, i) = crate::runtime::scalar::parse_complex(&t.v)
                .ok_or_else(PyError::complex_malformed)?;
            return Ok(self.new_complex(r, i));
        }
        if let Some(Value::Str(_)) = &im {
            return Err(PyError::complex_second_arg_string());
        }
        if let Some(v @ (Value::Bytes(_) | Value::List(_) | Value::Tuple(_) | Value::None)) = &re {
            return Err(PyError::complex_first_arg_type(&v.type_name()));
        }
        let (mut r, ri) = match re {
            Some(v) => self.complex_parts(&v)?,
            None => (0.0, None),
        };
        let (mut i, ii) = match im {
            Some(v) => self.complex_parts(&v)?,
            None => (0.0, None),
        };
        if let Some(ii) = ii {
            r -= ii;
        }
        if let Some(ri) = ri {
            i += ri;
        }
        Ok(self.new_complex(r, i))
    }

    /// `str(object)`, or `str(b, encoding, errors)` decoding bytes.
    pub(crate) fn str_from(
        &mut self,
        v: Option<Value>,
        enc: Option<Value>,
        errors: Option<Value>,
    ) -> PyResult<Value> {
        if enc.is_some() || errors.is_some() {
            let (enc, errors) = codecs::codec_args("str", enc, errors)?;
            return match v {
                Some(Value::Bytes(b)) => {
                    self.gate(b.v.len() as u128 * 4)?;
                    let text = codecs::decode(&b.v, &enc, &errors)?;
                    Ok(self.new_str(text))
                }
                None => Ok(self.new_str(String::new())),
                Some(Value::Str(_)) => Err(PyError::decoding_str()),
                Some(other) => Err(PyError::decoding_str_not_supported(&other.type_name())),
            };
        }
        Ok(match v {
            None => self.new_str(String::new()),
            Some(v @ Value::Str(_)) => v,
            Some(v) => {
                let s = self.str(&v)?;
                self.new_str(s)
            }
        })
    }

    /// `bytes(source)`, `bytes(n)`, `bytes(s, encoding, errors)`.
    pub(crate) fn bytes_from(
        &mut self,
        v: Option<Value>,
        enc: Option<Value>,
        errors: Option<Value>,
    ) -> PyResult<Value> {
        let coded = enc.is_some() || errors.is_some();
        let (enc_given, (enc, errors)) = (enc.is_some(), codecs::codec_args("bytes", enc, errors)?);
        Ok(match v {
            Some(Value::Str(s)) if enc_given => {
                self.gate(s.v.len() as u128 * 4)?;
                let b = codecs::encode(&s.v, &enc, &errors)?;
                self.new_bytes(b)
            }
            Some(Value::Str(_)) => return Err(PyError::string_without_encoding()),
            _ if coded => return Err(PyError::encoding_without_string()),
            None => self.new_bytes(vec![]),
            // CPython tries `__index__` (NumPy's integer scalars have it) before the buffer
            // protocol
            Some(n)
                if matches!(n, Value::Int(_) | Value::Bool(_))
                    || matches!(&n, Value::Scalar(s)
                        if matches!(s.dtype.kind, Kind::Int | Kind::UInt)) =>
            {
                // bytes(n): n zero bytes (`PyNumber_AsSsize_t`, then the count check)
                let n = self
                    .int_value(&n, "")?
                    .to_i64()
                    .ok_or_else(PyError::cannot_fit_index_sized)?;
                if n < 0 {
                    return Err(PyError::value("negative count"));
                }
                self.gate(n as u128)?;
                self.new_bytes(vec![0; n as usize])
            }
            Some(other) => {
                if let Some(b) = self.exported_bytes(&other)? {
                    return Ok(self.new_bytes(b));
                }
                let out = self.bytes_from_ints(&other, "bytes")?;
                self.new_bytes(out)
            }
        })
    }
}
