//! Arrays as raw bytes and separated text: `np.fromstring` (text mode; the binary mode is
//! removed in NumPy 2), `a.tofile` and `np.fromfile` (raw bytes, or `sep=` text).

use super::npy::array_from_bytes;
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::Bound;
use crate::runtime::layout::OrderArg;
use crate::runtime::{DType, Kind, NdArray, Order, Scalar};

/// Text of `sep`-separated numbers as NumPy's `fromstr`/`fromfile` read it: each element is
/// the longest number at that point, a whitespace in `sep` matches any run of whitespace, a
/// trailing separator is fine, and anything else left over is an error.
fn parse_separated(
    text: &str,
    sep: &str,
    dt: DType,
    count: Option<usize>,
) -> PyResult<Vec<Scalar>> {
    if matches!(dt.kind, Kind::Str | Kind::Bytes | Kind::Void) {
        return Err(PyError::value(
            "don't know how to read character strings with that array type",
        ));
    }
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        if count.is_some_and(|c| out.len() >= c) {
            break;
        }
        let t = rest.trim_start();
        let Some((v, used)) = scan_element(t, dt) else {
            if t.is_empty() {
                break;
            }
            return Err(PyError::unmatched_data());
        };
        out.push(v);
        rest = &t[used..];
        // the separator: whitespace in it matches any run, other characters themselves
        let mut s = rest;
        let mut matched = true;
        for c in sep.chars() {
            if c.is_whitespace() {
                s = s.trim_start();
            } else if let Some(r) = s.strip_prefix(c) {
                s = r;
            } else {
                matched = false;
                break;
            }
        }
        if !matched {
            if s.trim().is_empty() {
                break;
            }
            return Err(PyError::unmatched_data());
        }
        rest = s;
    }
    Ok(out)
}

/// The longest element of `dt` at the start of `t`, and how many bytes it took.
fn scan_element(t: &str, dt: DType) -> Option<(Scalar, usize)> {
    match dt.kind {
        Kind::Float => crate::runtime::scalar::scan_float(t).map(|(v, n)| (Scalar::Float(v), n)),
        Kind::Complex => {
            let n = t
                .find(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .unwrap_or(t.len());
            let (re, im) = crate::runtime::scalar::parse_complex(&t[..n])?;
            Some((Scalar::Complex(re, im), n))
        }
        _ => {
            let b = t.as_bytes();
            let mut n = usize::from(matches!(b.first(), Some(b'+' | b'-')));
            let start = n;
            while n < b.len() && b[n].is_ascii_digit() {
                n += 1;
            }
            if n == start {
                return None;
            }
            let v: i128 = t[..n].parse().ok()?;
            let s = match dt.kind {
                Kind::Bool => Scalar::Bool(v != 0),
                Kind::UInt => Scalar::UInt(v as u64),
                _ => Scalar::Int(v as i64),
            };
            Some((s, n))
        }
    }
}

/// A 1-d array of `dt` holding `items`, zeros after them up to `count` (NumPy leaves that
/// memory uninitialised; arrsh never shows garbage).
fn array_of(it: &mut Interp, items: &[Scalar], dt: DType, count: Option<usize>) -> PyResult<Value> {
    let n = count.unwrap_or(items.len()).max(items.len());
    let arr = NdArray::zeros(&it.ctx, &[n], dt, Order::C)?;
    {
        let mut buf = arr.buffer().bytes_mut()?;
        for (i, s) in items.iter().enumerate() {
            s.encode(dt, &mut buf[i * dt.itemsize..(i + 1) * dt.itemsize]);
        }
    }
    Ok(Value::Array(arr))
}

fn dtype_arg(it: &mut Interp, a: &mut Bound) -> PyResult<DType> {
    match a.take("dtype") {
        None | Some(Value::None) => Ok(DType::FLOAT64),
        Some(v) => it.to_dtype(&v),
    }
}

fn count_arg(it: &mut Interp, a: &mut Bound) -> PyResult<Option<usize>> {
    let n = it.arg_i64(a, "count")?;
    Ok(usize::try_from(n).ok())
}

pub fn fromstring(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["like"])?;
    let s = a.req("string")?;
    let dt = dtype_arg(it, &mut a)?;
    let count = count_arg(it, &mut a)?;
    let sep = match a.take("sep") {
        Some(Value::Str(s)) => s.v.clone(),
        Some(v) => it.str(&v)?,
        None => String::new(),
    };
    if sep.is_empty() {
        return Err(PyError::value(
            "The binary mode of fromstring is removed, use frombuffer instead",
        ));
    }
    let text = match &s {
        Value::Str(t) => t.v.clone(),
        Value::Bytes(b) => b.v.iter().map(|&c| c as char).collect(),
        other => it.str(other)?,
    };
    let items = parse_separated(&text, &sep, dt, count)?;
    array_of(it, &items, dt, count)
}

/// The bytes a file argument holds from its position on: a file name read whole, or a
/// binary file object of `open()` (NumPy needs a real file: BytesIO has no `fileno`).
fn read_file_arg(it: &mut Interp, file: &Value) -> PyResult<Vec<u8>> {
    if let Value::Str(s) = file {
        super::refuse_compressed(&s.v)?;
        return std::fs::read(&s.v).map_err(|e| super::file_error(&e, &s.v));
    }
    if crate::eval::modules::io::file::mode_of(file).is_some()
        && let Some(b) = it.stream_read_bytes(file, None)?
    {
        return Ok(b);
    }
    Err(PyError::no_fileno())
}

pub fn fromfile(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["like"])?;
    let file = a.req("file")?;
    let dt = dtype_arg(it, &mut a)?;
    let count = count_arg(it, &mut a)?;
    let sep = match a.take("sep") {
        Some(Value::Str(s)) => s.v.clone(),
        _ => String::new(),
    };
    let offset = usize::try_from(it.arg_i64(&mut a, "offset")?).unwrap_or(0);
    let bytes = read_file_arg(it, &file)?;
    it.gate(bytes.len() as u128)?;
    if sep.is_empty() {
        let body = bytes.get(offset..).unwrap_or(&[]);
        // a file object's position moves past what was read
        let used = count.map_or(body.len(), |c| (c * dt.itemsize).min(body.len()));
        unread(it, &file, bytes.len() - offset.min(bytes.len()) - used)?;
        return Ok(Value::Array(array_from_bytes(it, body, dt, count)?));
    }
    let text: String = bytes.iter().map(|&c| c as char).collect();
    let items = parse_separated(&text, &sep, dt, count)?;
    array_of(it, &items, dt, None)
}

/// Moves a file object's position back by `n` bytes it did not use.
pub(super) fn unread(it: &mut Interp, file: &Value, n: usize) -> PyResult<()> {
    if n > 0 && !matches!(file, Value::Str(_)) {
        let seek = it.getattr(file, "seek")?;
        let back = it.new_i64(-(n as i64));
        let whence = it.new_i64(1);
        it.call(&seek, vec![back, whence], vec![])?;
    }
    Ok(())
}

pub fn tofile(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let Value::Array(arr) = a.this.clone() else {
        return Err(PyError::type_error("tofile needs an array"));
    };
    let fid = a.req("fid")?;
    let sep = match a.take("sep") {
        Some(Value::Str(s)) => s.v.clone(),
        _ => String::new(),
    };
    let format = match a.take("format") {
        Some(Value::Str(s)) => s.v.clone(),
        _ => "%s".to_string(),
    };
    let is_file =
        matches!(fid, Value::Str(_)) || crate::eval::modules::io::file::mode_of(&fid).is_some();
    if !is_file {
        return Err(PyError::no_fileno());
    }
    let data = if sep.is_empty() {
        it.array_bytes(&arr, OrderArg::C)?
    } else {
        let fmt = it.new_str(format);
        let items = it.collect(&Value::Array(arr.flatten(&it.ctx, OrderArg::C)?))?;
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            let py = it.call_method(&x, "item", vec![], vec![])?;
            let s = it.percent_format(&fmt, &py)?;
            parts.push(it.str(&s)?);
        }
        parts.join(&sep).into_bytes()
    };
    let mut sink = it.open_sink(&fid, "file must be a string or file handle")?;
    let r = it.sink_write_bytes(&mut sink, &data);
    it.sink_close(sink)?;
    r.map(|_| Value::None)
}
