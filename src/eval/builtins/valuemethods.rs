//! The methods and attributes of Python's number, bytes, range and slice values as rows:
//! `int.to_bytes`, `float.as_integer_ratio`, `complex.real`, `range.start`...

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::as_int;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::eval::text::codecs;

pub const ROWS: &[Row] = &[
    Row::method(
        "bytes.decode",
        "(encoding='utf-8', errors='strict')",
        decode,
    )
    .returns("str"),
    Row::method("bytes.hex", "!(sep=None, bytes_per_sep=1)", hex).returns("str"),
    Row::method("int.bit_length", "()", bit_length),
    Row::method("int.bit_count", "()", bit_count),
    Row::method("int.conjugate", "!()", same),
    Row::method(
        "int.to_bytes",
        "(length=1, byteorder='big', *, signed=False)",
        to_bytes,
    ),
    Row::attr("int.real", int_attr),
    Row::attr("int.numerator", int_attr),
    Row::attr("int.imag", int_attr),
    Row::attr("int.denominator", int_attr),
    Row::method("float.is_integer", "()", is_integer),
    Row::method("float.conjugate", "()", same),
    Row::method("float.as_integer_ratio", "()", as_integer_ratio),
    Row::attr("float.real", same),
    Row::attr("float.imag", float_imag),
    Row::method("complex.conjugate", "()", complex_conjugate),
    Row::attr("complex.real", complex_part).returns("float"),
    Row::attr("complex.imag", complex_part).returns("float"),
    Row::attr("range.start", range_attr),
    Row::attr("range.stop", range_attr),
    Row::attr("range.step", range_attr),
    Row::attr("slice.start", slice_attr),
    Row::attr("slice.stop", slice_attr),
    Row::attr("slice.step", slice_attr),
];

/// The receiver itself (`x.conjugate()` of a real number, `x.real` of a float).
fn same(_: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(a.this)
}

fn decode(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let Value::Bytes(b) = &a.this else {
        return Err(PyError::descriptor_mismatch(
            "decode",
            "bytes",
            &a.this.type_name(),
        ));
    };
    let b = b.clone();
    let (enc, errors) = codecs::codec_args("decode", a.take("encoding"), a.take("errors"))?;
    it.gate(b.v.len() as u128 * 4)?;
    let text = codecs::decode(&b.v, &enc, &errors)?;
    Ok(it.new_str(text))
}

fn hex(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["sep"])?;
    let Value::Bytes(b) = &a.this else {
        return Err(PyError::descriptor_mismatch(
            "hex",
            "bytes",
            &a.this.type_name(),
        ));
    };
    Ok(it.new_str(b.v.iter().map(|x| format!("{x:02x}")).collect()))
}

/// The receiver of an `int` method (`True` is an int too).
fn this_int(a: &Bound) -> Int {
    as_int(&a.this).unwrap_or(Int::Small(0))
}

fn bit_length(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(it.new_i64(this_int(&a).bits() as i64))
}

fn bit_count(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let ones = this_int(&a)
        .abs()
        .to_big()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as i64)
        .sum();
    Ok(it.new_i64(ones))
}

fn to_bytes(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let i = this_int(&a);
    let length = match a.take("length") {
        Some(l) => it.int_value(&l, "")?.to_i64().unwrap_or(1).max(0) as usize,
        None => 1,
    };
    let big = match a.take("byteorder") {
        None => true,
        Some(Value::Str(o)) if o.v == "big" => true,
        Some(Value::Str(o)) if o.v == "little" => false,
        Some(_) => return Err(PyError::value("byteorder must be either 'little' or 'big'")),
    };
    let signed = it.arg_bool(&mut a, "signed")?;
    if i.is_negative() && !signed {
        return Err(PyError::overflow("can't convert negative int to unsigned"));
    }
    let mut bytes = i.to_big().to_signed_bytes_le();
    if !signed && bytes.last() == Some(&0) && bytes.len() > 1 {
        bytes.pop();
    }
    if i.is_zero() {
        bytes.clear();
    }
    let fits = bytes.len() <= length
        && (!signed || bytes.len() < length || length == 0 || {
            let top = bytes.last().copied().unwrap_or(0);
            (top & 0x80 != 0) == i.is_negative()
        });
    if !fits {
        return Err(PyError::overflow("int too big to convert"));
    }
    let fill = if i.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big {
        bytes.reverse();
    }
    Ok(it.new_bytes(bytes))
}

/// `x.real`, `x.numerator` (an int, also for `True`), `x.imag` (0), `x.denominator` (1).
fn int_attr(it: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(match a.func {
        "imag" => it.new_i64(0),
        "denominator" => it.new_i64(1),
        _ => match a.this {
            Value::Bool(b) => it.new_i64(b as i64),
            v => v,
        },
    })
}

fn this_float(a: &Bound) -> f64 {
    match &a.this {
        Value::Float(f) => f.v,
        _ => 0.0,
    }
}

fn is_integer(_: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(Value::Bool(this_float(&a).fract() == 0.0))
}

fn float_imag(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.new_float(0.0))
}

fn as_integer_ratio(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let v = this_float(&a);
    if !v.is_finite() {
        return Err(if v.is_nan() {
            PyError::value("cannot convert NaN to integer ratio")
        } else {
            PyError::overflow("cannot convert Infinity to integer ratio")
        });
    }
    // x = m * 2**e exactly; reduce by the common power of two
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = (bits & ((1u64 << 52) - 1)) as i64;
    let mut e = if exp == 0 {
        -1074
    } else {
        mant |= 1 << 52;
        exp - 1075
    };
    if mant == 0 {
        let z = it.new_i64(0);
        let one = it.new_i64(1);
        return Ok(it.new_tuple(vec![z, one]));
    }
    while mant % 2 == 0 && e < 0 {
        mant /= 2;
        e += 1;
    }
    let sign = if v < 0.0 { -1 } else { 1 };
    let (num, den) = if e >= 0 {
        (
            Int::Small(sign * mant).mul(&Int::Small(2).pow(&Int::Small(e))?)?,
            Int::Small(1),
        )
    } else {
        (Int::Small(sign * mant), Int::Small(2).pow(&Int::Small(-e))?)
    };
    let n = it.new_int(num);
    let d = it.new_int(den);
    Ok(it.new_tuple(vec![n, d]))
}

fn this_complex(a: &Bound) -> (f64, f64) {
    match &a.this {
        Value::Complex(c) => (c.re, c.im),
        _ => (0.0, 0.0),
    }
}

fn complex_conjugate(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (re, im) = this_complex(&a);
    Ok(it.new_complex(re, -im))
}

fn complex_part(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (re, im) = this_complex(&a);
    Ok(it.new_float(if a.func == "real" { re } else { im }))
}

fn range_attr(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let Value::Range(r) = &a.this else {
        return Ok(Value::None);
    };
    Ok(it.new_i128(match a.func {
        "start" => r.start,
        "stop" => r.stop,
        _ => r.step,
    }))
}

fn slice_attr(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let Value::Slice(s) = &a.this else {
        return Ok(Value::None);
    };
    Ok(match a.func {
        "start" => s.start.clone(),
        "stop" => s.stop.clone(),
        _ => s.step.clone(),
    })
}
