//! `.npy` files: `np.save`/`np.load` (format 1.0: `\x93NUMPY`, a little-endian header length, a Python
//! dict literal padded with spaces to a multiple of 64 bytes — then the array's bytes,
//! exactly its buffer in C or Fortran order); a zip archive goes to `npz`.

use std::rc::Rc;

use super::raw::unread;
use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::Bound;
use crate::runtime::layout::OrderArg;
use crate::runtime::{DType, NdArray, Order};

const MAGIC: &[u8] = b"\x93NUMPY";
/// `numpy.lib.format.ARRAY_ALIGN`: the header ends on a multiple of this.
const ARRAY_ALIGN: usize = 64;
/// `GROWTH_AXIS_MAX_DIGITS`: room left after the header so it can grow in place.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// A new 1-d array owning a copy of `bytes` (as many whole elements as they hold, at most
/// `count` when given).
pub(super) fn array_from_bytes(
    it: &mut Interp,
    bytes: &[u8],
    dt: DType,
    count: Option<usize>,
) -> PyResult<Rc<NdArray>> {
    let size = dt.itemsize.max(1);
    let n = count.map_or(bytes.len() / size, |c| c.min(bytes.len() / size));
    let arr = NdArray::zeros(&it.ctx, &[n], dt, Order::C)?;
    arr.buffer().bytes_mut()?[..n * dt.itemsize].copy_from_slice(&bytes[..n * dt.itemsize]);
    Ok(arr)
}

/// The `.npy` header of `arr`: `{'descr': ..., 'fortran_order': ..., 'shape': ..., }` padded.
fn npy_header(it: &mut Interp, arr: &NdArray) -> PyResult<(Vec<u8>, bool)> {
    let fortran = !arr.is_c_contiguous() && arr.is_f_contiguous();
    let dt = arr.dtype();
    let descr = match dt.fields() {
        Some(f) => {
            let parts: Vec<String> = f
                .fields
                .iter()
                .map(|x| {
                    let name = crate::runtime::print::str_repr(&x.name);
                    let ty = crate::runtime::print::str_repr(&x.dtype.str());
                    if x.shape.is_empty() {
                        format!("({name}, {ty})")
                    } else {
                        format!("({name}, {ty}, {})", crate::error::shape_str(&x.shape))
                    }
                })
                .collect();
            format!("[{}]", parts.join(", "))
        }
        None => crate::runtime::print::str_repr(&dt.str()),
    };
    let shape: Vec<usize> = arr.shape().to_vec();
    let shape_text = crate::error::shape_str(&shape);
    let mut header = format!(
        "{{'descr': {descr}, 'fortran_order': {}, 'shape': {shape_text}, }}",
        if fortran { "True" } else { "False" }
    );
    if !shape.is_empty() {
        let axis = if fortran {
            shape[shape.len() - 1]
        } else {
            shape[0]
        };
        header.push_str(&" ".repeat(GROWTH_AXIS_MAX_DIGITS.saturating_sub(axis.to_string().len())));
    }
    let hlen = header.len() + 1;
    let pad = ARRAY_ALIGN - (MAGIC.len() + 2 + 2 + hlen) % ARRAY_ALIGN;
    let total = hlen + pad;
    let _ = it;
    let Ok(total16) = u16::try_from(total) else {
        return Err(PyError::not_implemented(
            "arrsh writes .npy format 1.0 only (a header under 64 KiB)",
        ));
    };
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&[1, 0]);
    out.extend_from_slice(&total16.to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    out.extend(std::iter::repeat_n(b' ', pad));
    out.push(b'\n');
    Ok((out, fortran))
}

/// The whole `.npy` file of `arr` (`format.write_array`): header, then its bytes in C or
/// Fortran order.
pub(super) fn npy_bytes(it: &mut Interp, arr: &Rc<NdArray>) -> PyResult<Vec<u8>> {
    let (mut data, fortran) = npy_header(it, arr)?;
    let body = it.array_bytes(arr, if fortran { OrderArg::F } else { OrderArg::C })?;
    it.gate((data.len() + body.len()) as u128)?;
    data.extend_from_slice(&body);
    Ok(data)
}

/// The array of a `.npy` file held in memory (an `.npz` member).
pub(super) fn npy_from_bytes(it: &mut Interp, bytes: Vec<u8>) -> PyResult<Value> {
    read_npy(it, &mut Source { bytes, pos: 0 })
}

pub fn save(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let file = a.req("file")?;
    let arr = a.req("arr")?;
    a.take("allow_pickle");
    let arr = it.to_array(&arr, None)?;
    let file = match &file {
        Value::Str(s) if !s.v.ends_with(".npy") => it.new_str(format!("{}.npy", s.v)),
        _ => file,
    };
    let data = npy_bytes(it, &arr)?;
    let mut sink = it.open_sink(&file, "file must be a string or file handle")?;
    let r = it.sink_write_bytes(&mut sink, &data);
    it.sink_close(sink)?;
    r.map(|_| Value::None)
}

/// Bytes read from where `np.load` reads: a file name read whole, or a stream from its
/// position (the position moves past the array).
struct Source {
    bytes: Vec<u8>,
    pos: usize,
}

impl Source {
    /// `_read_bytes`: exactly `n` bytes, or NumPy's EOF message naming `what`.
    fn take(&mut self, n: usize, what: &str) -> PyResult<&[u8]> {
        let got = self.bytes.len().saturating_sub(self.pos).min(n);
        if got < n {
            return Err(PyError::npy_eof(what, n, got));
        }
        self.pos += n;
        Ok(&self.bytes[self.pos - n..self.pos])
    }
}

/// The header dict's three entries, read from its text.
fn parse_header(it: &mut Interp, text: &str) -> PyResult<(DType, bool, Vec<i128>)> {
    let bad = || {
        PyError::value(format!(
            "Cannot parse header: {}",
            crate::runtime::print::str_repr(text)
        ))
    };
    let entry = |key: &str| -> Option<&str> {
        let i = text.find(&format!("'{key}':"))? + key.len() + 3;
        Some(text[i..].trim_start())
    };
    let descr = entry("descr").ok_or_else(bad)?;
    let dt = if let Some(r) = descr.strip_prefix('\'') {
        let end = r.find('\'').ok_or_else(bad)?;
        it.to_dtype(&it.new_str(r[..end].to_string()))?
    } else {
        // a structured descr: `[('a', '<f8'), ('b', '<i4', (2,))]`
        let end = descr.find("]").ok_or_else(bad)?;
        let mut specs = Vec::new();
        for part in descr[1..end].split("('").skip(1) {
            let items: Vec<&str> = part.trim_end_matches([')', ',', ' ']).split(", ").collect();
            let name = items.first().ok_or_else(bad)?.trim_end_matches('\'');
            let ty = items.get(1).ok_or_else(bad)?.trim_matches('\'');
            let fd = it.to_dtype(&it.new_str(ty.to_string()))?;
            let shape: Vec<usize> = items[2..]
                .iter()
                .flat_map(|x| x.trim_matches(['(', ')', ',', ' ']).split(','))
                .filter(|x| !x.trim().is_empty())
                .filter_map(|x| x.trim().parse().ok())
                .collect();
            specs.push((name.to_string(), fd, shape));
        }
        crate::runtime::structured::Fields::from_list(specs, false)?
    };
    let fortran = entry("fortran_order").ok_or_else(bad)?.starts_with("True");
    let shape_text = entry("shape").ok_or_else(bad)?;
    let end = shape_text.find(')').ok_or_else(bad)?;
    let shape: Vec<i128> = shape_text[1..end]
        .split(',')
        .filter(|x| !x.trim().is_empty())
        .map(|x| x.trim().parse().map_err(|_| bad()))
        .collect::<PyResult<_>>()?;
    Ok((dt, fortran, shape))
}

pub fn load(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let file = a.req("file")?;
    it.refuse_unsupported(&mut a, &["mmap_mode"])?;
    let (bytes, stream) = match &file {
        Value::Str(s) => {
            super::refuse_compressed(&s.v)?;
            let b = std::fs::read(&s.v).map_err(|e| super::file_error(&e, &s.v))?;
            (b, false)
        }
        other => match it.stream_read_bytes(other, None)? {
            Some(b) => (b, true),
            None => {
                let read = it.getattr(other, "read")?;
                match it.call(&read, vec![], vec![])? {
                    Value::Bytes(b) => (b.v.clone(), false),
                    v => return Err(PyError::bytes_like_required("", &v.type_name())),
                }
            }
        },
    };
    it.gate(bytes.len() as u128)?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let name = match &file {
            Value::Str(s) => Some(s.v.clone()),
            _ => None,
        };
        return super::npz::open(it, bytes, name);
    }
    let mut src = Source { bytes, pos: 0 };
    let result = read_npy(it, &mut src);
    // a stream's position ends after the array, as NumPy's reads leave it
    if stream {
        let back = src.bytes.len() - src.pos;
        unread(it, &file, back)?;
    }
    result
}

fn read_npy(it: &mut Interp, src: &mut Source) -> PyResult<Value> {
    let head = &src.bytes[..src.bytes.len().min(MAGIC.len())];
    if head.is_empty() {
        return Err(PyError::new(ErrorKind::EOFError, "No data left in file"));
    }
    if head != MAGIC {
        return Err(PyError::npy_pickled());
    }
    src.take(MAGIC.len(), "magic string")?;
    let version = src.take(2, "magic string")?.to_vec();
    let hlen = match version.as_slice() {
        [1, 0] => {
            let b = src.take(2, "array header length")?;
            u16::from_le_bytes([b[0], b[1]]) as usize
        }
        [2 | 3, 0] => {
            let b = src.take(4, "array header length")?;
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
        }
        [maj, min] => {
            return Err(PyError::value(format!(
                "we only support format version (1,0), (2,0), and (3,0), not ({maj}, {min})"
            )));
        }
        _ => unreachable!("two bytes were taken"),
    };
    let header: String = src
        .take(hlen, "array header")?
        .iter()
        .map(|&c| c as char)
        .collect();
    let (dt, fortran, shape) = parse_header(it, &header)?;
    let too_large = || PyError::value("array too large");
    let count = shape.iter().try_fold(1usize, |acc, &n| {
        usize::try_from(n).ok().and_then(|n| acc.checked_mul(n))
    });
    let count = count.ok_or_else(too_large)?;
    let nbytes = count.checked_mul(dt.itemsize).ok_or_else(too_large)?;
    let data = src.take(nbytes, "array data")?.to_vec();
    let flat = array_from_bytes(it, &data, dt, Some(count))?;
    // NumPy reads a flat owner and reshapes it: the result is a view of that owner
    let arr = if fortran {
        let rev: Vec<i128> = shape.iter().rev().copied().collect();
        flat.reshape(&it.ctx, &rev, OrderArg::C)?
            .transpose(&it.ctx, None)?
    } else {
        flat.reshape(&it.ctx, &shape, OrderArg::C)?
    };
    Ok(Value::Array(arr))
}
