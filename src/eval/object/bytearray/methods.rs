//! `bytearray`'s constructor and methods as registry rows (CPython 3.11's specs and messages).

use super::{BYTEARRAY, byte_value, find_sub, item_byte, state};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::sequences::adjust_slice;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::eval::text::codecs;

/// `bytearray` and its methods (CPython 3.11's specs).
pub const ROWS: &[Row] = &[
    Row::c_class(
        BYTEARRAY,
        "!(source=<unrepresentable>, encoding=<unrepresentable>, errors=<unrepresentable>)",
        bytearray_new,
    ),
    Row::method("bytearray.append", "(item, /)", append),
    Row::method("bytearray.extend", "(iterable_of_ints, /)", extend),
    Row::method("bytearray.pop", "(index=-1, /)", pop),
    Row::method("bytearray.insert", "(index, item, /)", insert),
    Row::method("bytearray.remove", "(value, /)", remove),
    Row::method("bytearray.clear", "()", clear),
    Row::method("bytearray.copy", "()", copy),
    Row::method("bytearray.reverse", "()", reverse),
    Row::method(
        "bytearray.decode",
        "(encoding='utf-8', errors='strict')",
        decode,
    ),
    Row::method("bytearray.hex", "!(sep=None, bytes_per_sep=1)", hex),
    Row::method("bytearray.find", "!(sub, start=None, end=None, /)", find),
    Row::method("bytearray.index", "!(sub, start=None, end=None, /)", index),
    Row::method("bytearray.count", "!(sub, start=None, end=None, /)", count),
];

fn bytearray_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let source = a.take("source");
    let (enc, errors) = (a.take("encoding"), a.take("errors"));
    let coded = enc.is_some() || errors.is_some();
    let enc_given = enc.is_some();
    let (enc, errors) = codecs::codec_args(BYTEARRAY, enc, errors)?;
    let bytes = match source {
        Some(Value::Str(s)) if enc_given => {
            it.gate(s.v.len() as u128 * 4)?;
            codecs::encode(&s.v, &enc, &errors)?
        }
        Some(Value::Str(_)) => return Err(PyError::string_without_encoding()),
        _ if coded => return Err(PyError::encoding_without_string()),
        None => vec![],
        Some(n) if it.index_int(&n).is_some() && !matches!(n, Value::Array(_)) => {
            let n = it
                .int_value(&n, "")?
                .to_i64()
                .ok_or_else(PyError::cannot_fit_index_sized)?;
            if n < 0 {
                return Err(PyError::value("negative count"));
            }
            it.gate(n as u128)?;
            vec![0; n as usize]
        }
        Some(other) => match it.bytes_like(&other)? {
            Some(b) => b,
            // any other iterable is appended to byte by byte, growing as `append` does
            None if !matches!(other, Value::List(_) | Value::Tuple(_)) => {
                let bytes = it.bytes_from_ints(&other, BYTEARRAY)?;
                let v = it.new_bytearray(&[])?;
                {
                    let mut ba = state(&v)?;
                    for (i, &b) in bytes.iter().enumerate() {
                        if i + 1 < ba.alloc {
                            ba.len = i + 1;
                        } else {
                            ba.resize(it, i + 1)?;
                        }
                        ba.buf.bytes_mut()?[i] = b;
                    }
                }
                return Ok(v);
            }
            None => it.bytes_from_ints(&other, BYTEARRAY)?,
        },
    };
    // bytearray_init resizes an empty bytearray to the source's size: size + 1 allocated
    let v = it.new_bytearray(&[])?;
    {
        let mut ba = state(&v)?;
        ba.resize(it, bytes.len())?;
        ba.buf.bytes_mut()?[..bytes.len()].copy_from_slice(&bytes);
    }
    Ok(v)
}

fn append(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let item = a.req("item")?;
    let b = item_byte(it, &item)?;
    let mut ba = state(&a.this)?;
    let n = ba.len;
    ba.resize(it, n + 1)?;
    let s = ba.start;
    ba.buf.bytes_mut()?[s + n] = b;
    Ok(Value::None)
}

fn extend(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable_of_ints")?;
    let bytes = match it.bytes_like(&src)? {
        Some(b) => b,
        None if matches!(src, Value::Str(_)) || it.iterate(&src).is_err() => {
            return Err(PyError::type_error(format!(
                "can't extend bytearray with {}",
                src.type_name()
            )));
        }
        None => it.bytes_from_ints(&src, BYTEARRAY)?,
    };
    let mut ba = state(&a.this)?;
    let n = ba.len;
    ba.set_slice(it, n, n, &bytes)?;
    Ok(Value::None)
}

fn pop(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let i = match a.take("index") {
        Some(v) => it.ssize_arg(&v)?,
        None => -1,
    };
    let mut ba = state(&a.this)?;
    let n = ba.len as i64;
    if n == 0 {
        return Err(PyError::index("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyError::index("pop index out of range"));
    }
    let j = j as usize;
    let b = ba.buf.bytes()?[ba.start + j];
    ba.delete_at(it, j)?;
    drop(ba);
    Ok(it.new_i64(b as i64))
}

fn insert(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let i = a.req("index")?;
    let i = it.ssize_arg(&i)?;
    let item = a.req("item")?;
    let b = item_byte(it, &item)?;
    let mut ba = state(&a.this)?;
    let n = ba.len as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    ba.set_slice(it, j, j, &[b])?;
    Ok(Value::None)
}

fn remove(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("value")?;
    let b = item_byte(it, &v)?;
    let mut ba = state(&a.this)?;
    let Some(j) = ba.bytes()?.iter().position(|&x| x == b) else {
        return Err(PyError::value("value not found in bytearray"));
    };
    ba.delete_at(it, j)?;
    Ok(Value::None)
}

fn clear(it: &mut Interp, a: Bound) -> PyResult<Value> {
    state(&a.this)?.resize(it, 0)?;
    Ok(Value::None)
}

fn copy(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let b = state(&a.this)?.bytes()?;
    it.new_bytearray(&b)
}

fn reverse(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let ba = state(&a.this)?;
    let s = ba.start;
    ba.buf.bytes_mut()?[s..s + ba.len].reverse();
    Ok(Value::None)
}

fn decode(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let b = state(&a.this)?.bytes()?;
    let (enc, errors) = codecs::codec_args("decode", a.take("encoding"), a.take("errors"))?;
    it.gate(b.len() as u128 * 4)?;
    let text = codecs::decode(&b, &enc, &errors)?;
    Ok(it.new_str(text))
}

fn hex(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["sep"])?;
    let b = state(&a.this)?.bytes()?;
    Ok(it.new_str(b.iter().map(|x| format!("{x:02x}")).collect()))
}

/// The searches' arguments: the needle (a byte value or bytes-like) and the clamped window.
fn search(it: &mut Interp, a: &mut Bound) -> PyResult<(Vec<u8>, Vec<u8>, usize, usize)> {
    let hay = state(&a.this)?.bytes()?;
    let sub = a.req("sub")?;
    let needle = match it.index_int(&sub) {
        Some(i) => vec![byte_value(i.to_i64())?],
        None => match it.bytes_like(&sub)? {
            Some(b) => b,
            None => {
                return Err(PyError::type_error(format!(
                    "argument should be integer or bytes-like object, not '{}'",
                    sub.type_name()
                )));
            }
        },
    };
    let n = hay.len();
    let bound = |it: &mut Interp, v: Option<Value>, dflt: Option<i128>| -> PyResult<Option<i128>> {
        match v {
            None | Some(Value::None) => Ok(dflt),
            Some(v) => Ok(Some(it.ssize_arg(&v)? as i128)),
        }
    };
    let start = bound(it, a.take("start"), None)?;
    let end = bound(it, a.take("end"), None)?;
    let r = adjust_slice(start, end, None, n)?;
    let lo = r.start.clamp(0, n as i128) as usize;
    let hi = (r.start + r.len as i128).clamp(0, n as i128) as usize;
    Ok((hay, needle, lo, hi.max(lo)))
}

fn find(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (hay, sub, lo, hi) = search(it, &mut a)?;
    let at = find_sub(&hay, &sub, lo, hi).map_or(-1, |p| p as i64);
    Ok(it.new_i64(at))
}

fn index(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (hay, sub, lo, hi) = search(it, &mut a)?;
    match find_sub(&hay, &sub, lo, hi) {
        Some(p) => Ok(it.new_i64(p as i64)),
        None => Err(PyError::value("subsection not found")),
    }
}

fn count(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (hay, sub, lo, hi) = search(it, &mut a)?;
    let mut n = 0i64;
    if sub.is_empty() {
        n = (hi - lo) as i64 + 1;
    } else {
        let mut at = lo;
        while let Some(p) = find_sub(&hay, &sub, at, hi) {
            n += 1;
            at = p + sub.len();
        }
    }
    Ok(it.new_i64(n))
}
