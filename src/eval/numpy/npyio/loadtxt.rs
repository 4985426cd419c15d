//! `np.loadtxt`: NumPy 2.4's reader (`_npyio_impl._read` and `textreading/rows.c`) — its
//! argument checks in order, rows of fields cut by `fields::Dialect`, one element per
//! selected column (or per leaf of a structured dtype), converters, `ndmin` and `unpack`,
//! and the "input contained no data" warning.

use std::rc::Rc;

use super::fields::{self, Dialect};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{DictPart, Value};
use crate::eval::registry::Bound;
use crate::runtime::{DType, Kind, NdArray, Order, Scalar};

/// Where lines come from: a file read whole, or any iterable of str/bytes.
pub(crate) enum Lines {
    Text(std::vec::IntoIter<String>),
    Iter(crate::eval::object::iter::ValueIter),
}

impl Interp {
    /// The lines of `fname` (a file name, a file object, a list of strings, a generator), or
    /// NumPy's ValueError for anything else.
    pub(crate) fn lines_of(&mut self, fname: &Value) -> PyResult<Lines> {
        if let Value::Str(s) = fname {
            super::refuse_compressed(&s.v)?;
            // `np.lib._datasource.open` words a missing file its own way
            let bytes = std::fs::read(&s.v).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => PyError::datasource_not_found(&s.v),
                _ => super::file_error(&e, &s.v),
            })?;
            self.gate(bytes.len() as u128 * 4)?;
            let text = crate::eval::text::codecs::decode(&bytes, "utf-8", "strict")?;
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            let lines: Vec<String> = text.split_inclusive('\n').map(String::from).collect();
            return Ok(Lines::Text(lines.into_iter()));
        }
        match self.iterate(fname) {
            Ok(i) => Ok(Lines::Iter(i)),
            Err(e) if e.kind == crate::error::ErrorKind::TypeError => {
                let ty = self.type_of(fname);
                let shown = self.repr(&ty)?;
                Err(PyError::loadtxt_fname(&shown))
            }
            Err(e) => Err(e),
        }
    }

    /// The next line without its line ending (`None` at the end).
    pub(crate) fn next_line(&mut self, lines: &mut Lines) -> PyResult<Option<String>> {
        self.ctx.check_interrupt()?;
        let line = match lines {
            Lines::Text(t) => t.next(),
            Lines::Iter(i) => match i.next(self)? {
                None => None,
                Some(Value::Str(s)) => Some(s.v.clone()),
                Some(Value::Bytes(b)) => Some(b.v.iter().map(|&c| c as char).collect()),
                Some(other) => {
                    return Err(PyError::type_error(format!(
                        "non-string returned while reading data: {}",
                        other.type_name()
                    )));
                }
            },
        };
        Ok(line.map(|mut l| {
            while l.ends_with(['\n', '\r']) {
                l.pop();
            }
            l
        }))
    }
}

/// One element slot of a row: its byte offset in the element and its plain dtype (a
/// structured dtype's fields flattened, subarrays element by element).
fn leaves(dt: DType, base: usize, out: &mut Vec<(usize, DType)>) {
    match dt.fields() {
        Some(f) => {
            for field in &f.fields {
                let n: usize = field.shape.iter().product();
                for k in 0..n {
                    leaves(
                        field.dtype,
                        base + field.offset + k * field.dtype.itemsize,
                        out,
                    );
                }
            }
        }
        None => out.push((base, dt)),
    }
}

/// A control character (`delimiter`, `quotechar`): None or one character.
fn control_char(it: &mut Interp, v: Option<Value>) -> PyResult<Option<char>> {
    let text = match v {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Str(s)) => s.v.clone(),
        Some(Value::Bytes(b)) => b.v.iter().map(|&c| c as char).collect(),
        Some(other) => it.repr(&other)?,
    };
    let mut cs = text.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(PyError::control_character(&text)),
    }
}

/// `_check_nonneg_int`: `skiprows`, `max_rows`.
fn nonneg(it: &mut Interp, v: &Value) -> PyResult<usize> {
    let n = it
        .index_int(v)
        .ok_or_else(|| PyError::type_error("argument must be an integer"))?;
    let n = n.to_i64().unwrap_or(i64::MAX);
    usize::try_from(n).map_err(|_| PyError::value("argument must be nonnegative"))
}

/// What converts a column: a callable for all, or one per column index.
enum Converters {
    None,
    All(Value),
    Some(Vec<(i64, Value)>),
}

pub fn loadtxt(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["like"])?;
    let fname = a.req("fname")?;
    let dtype = match a.take("dtype") {
        None | Some(Value::None) => DType::FLOAT64,
        Some(v) => it.to_dtype(&v)?,
    };
    let usecols = match a.take_some("usecols") {
        None => None,
        Some(v) => {
            let items = match it.collect(&v) {
                Ok(items) => items,
                Err(e) if e.kind == crate::error::ErrorKind::TypeError => vec![v],
                Err(e) => return Err(e),
            };
            let mut cols = Vec::with_capacity(items.len());
            for x in &items {
                let n = it
                    .index_int(x)
                    .ok_or_else(|| PyError::usecols_not_int(&x.type_name()))?;
                cols.push(n.to_i64().unwrap_or(i64::MAX));
            }
            Some(cols)
        }
    };
    let ndmin = match a.take("ndmin") {
        None => 0,
        Some(v) => {
            let n = it.index_int(&v).and_then(|n| n.to_i64());
            match n {
                Some(n @ 0..=2) => n as usize,
                _ => {
                    let shown = it.str(&v)?;
                    return Err(PyError::illegal_ndmin(&shown));
                }
            }
        }
    };
    let comments: Vec<String> = match a.take("comments") {
        None => vec!["#".into()],
        Some(Value::None) => vec![],
        Some(Value::Str(s)) => vec![s.v.clone()],
        Some(Value::Bytes(b)) => vec![b.v.iter().map(|&c| c as char).collect()],
        Some(v) => {
            let mut out = Vec::new();
            for x in it.collect(&v)? {
                out.push(match x {
                    Value::Str(s) => s.v.clone(),
                    Value::Bytes(b) => b.v.iter().map(|&c| c as char).collect(),
                    other => it.str(&other)?,
                });
            }
            out
        }
    };
    if comments.iter().any(String::is_empty) {
        return Err(PyError::comments_empty());
    }
    let quote_given = a.take_some("quotechar");
    let single_comment = comments.len() == 1 && comments[0].chars().count() == 1;
    if !comments.is_empty() && !single_comment && quote_given.is_some() {
        return Err(PyError::comments_with_quotes());
    }
    let skiprows = match a.take("skiprows") {
        Some(v) => nonneg(it, &v)?,
        None => 0,
    };
    let max_rows = match a.take_some("max_rows") {
        Some(v) => Some(nonneg(it, &v)?),
        None => None,
    };
    let unpack = it.arg_bool(&mut a, "unpack")?;
    let converters = match a.take_some("converters") {
        None => Converters::None,
        Some(Value::Dict(d)) => {
            let keys = it.dict_part(&d, DictPart::Keys);
            let mut out = Vec::new();
            for k in keys {
                let f = it.dict_get(&d, &k)?.unwrap_or(Value::None);
                let k = it.int_value(&k, "")?.to_i64().unwrap_or(i64::MAX);
                out.push((k, f));
            }
            Converters::Some(out)
        }
        Some(f) if it.is_callable(&f) => Converters::All(f),
        Some(_) => return Err(PyError::converters_type()),
    };
    if let Some(Value::Str(e)) = a.take("encoding") {
        let e = e.v.to_ascii_lowercase().replace(['-', '_'], "");
        if !matches!(e.as_str(), "utf8" | "bytes" | "latin1") {
            return Err(PyError::not_implemented(
                "arrsh's loadtxt reads UTF-8 text only",
            ));
        }
    }
    let mut lines = it.lines_of(&fname)?;
    let delimiter = control_char(it, a.take("delimiter"))?;
    let quote = control_char(it, quote_given)?;
    if single_comment && delimiter.is_some_and(|d| comments[0].starts_with(d)) {
        return Err(PyError::control_characters_incompatible(
            "comment",
            "delimiter",
        ));
    }
    let dialect = Dialect {
        delimiter,
        comments,
        quote,
    };
    let mut slots = Vec::new();
    leaves(dtype, 0, &mut slots);
    let structured = dtype.fields().is_some();
    for _ in 0..skiprows {
        if it.next_line(&mut lines)?.is_none() {
            break;
        }
    }
    let mut rows: Vec<Vec<Scalar>> = Vec::new();
    let mut ncols: Option<usize> = None;
    while max_rows.is_none_or(|m| rows.len() < m) {
        let Some(line) = it.next_line(&mut lines)? else {
            break;
        };
        let Some(fields) = dialect.split(&line) else {
            continue;
        };
        let row = rows.len();
        let n = fields.len();
        let picked: Vec<usize> = match &usecols {
            Some(cols) => {
                let mut out = Vec::with_capacity(cols.len());
                for &c in cols {
                    let k = if c < 0 { c + n as i64 } else { c };
                    if k < 0 || k >= n as i64 {
                        return Err(PyError::invalid_column_index(c, row + 1, n));
                    }
                    out.push(k as usize);
                }
                out
            }
            None => {
                if structured && n != slots.len() {
                    return Err(PyError::dtype_requires_columns(slots.len(), n, row + 1));
                }
                match ncols {
                    Some(c) if c != n => {
                        return Err(PyError::columns_changed(c, n, row + 1));
                    }
                    _ => ncols = Some(n),
                }
                (0..n).collect()
            }
        };
        if structured && picked.len() != slots.len() {
            return Err(PyError::dtype_requires_columns(
                slots.len(),
                picked.len(),
                row + 1,
            ));
        }
        if let Converters::Some(list) = &converters {
            for (k, _) in list {
                if *k >= n as i64 || *k < -(n as i64) {
                    return Err(PyError::converter_column(*k, n));
                }
            }
        }
        let mut out = Vec::with_capacity(picked.len());
        for (j, &col) in picked.iter().enumerate() {
            let dt = if structured { slots[j].1 } else { dtype };
            let text = &fields[col];
            let conv = match &converters {
                Converters::None => None,
                Converters::All(f) => Some(f.clone()),
                Converters::Some(list) => list
                    .iter()
                    .find(|(k, _)| (if *k < 0 { k + n as i64 } else { *k }) == col as i64)
                    .map(|(_, f)| f.clone()),
            };
            let fail = || PyError::could_not_convert(text, &dt.name(), row, col + 1);
            let v = match conv {
                Some(f) => {
                    let arg = it.new_str(text.clone());
                    let got = it.call(&f, vec![arg], vec![]).map_err(|_| fail())?;
                    it.value_to_element(&got, dt).map_err(|_| fail())?
                }
                None if dt.kind == Kind::Str && dt.itemsize == 0 => Scalar::Str(text.clone()),
                None if dt.kind == Kind::Bytes && dt.itemsize == 0 => {
                    fields::convert(text, DType::bytes(usize::MAX)).ok_or_else(fail)?
                }
                None => fields::convert(text, dt).ok_or_else(fail)?,
            };
            out.push(v);
        }
        it.gate((rows.len() as u128 + 1) * (out.len() as u128) * 32)?;
        rows.push(out);
    }
    let ncols = match (&usecols, ncols) {
        (Some(c), _) => c.len(),
        (None, Some(n)) => n,
        (None, None) => 1,
    };
    let dtype = flexible_size(dtype, &rows);
    let shape: Vec<usize> = if structured {
        vec![rows.len()]
    } else {
        vec![rows.len(), ncols]
    };
    let arr = NdArray::zeros(&it.ctx, &shape, dtype, Order::C)?;
    {
        let mut buf = arr.buffer().bytes_mut()?;
        let size = dtype.itemsize;
        for (r, row) in rows.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                let (off, dt) = if structured {
                    (r * size + slots[j].0, slots[j].1)
                } else {
                    ((r * ncols + j) * size, dtype)
                };
                v.encode(dt, &mut buf[off..off + dt.itemsize]);
            }
        }
    }
    let arr = ensure_ndmin(it, arr, ndmin)?;
    if arr.shape().first() == Some(&0) {
        let shown = it.str(&fname)?;
        it.warn(
            "UserWarning",
            format!("loadtxt: input contained no data: \"{shown}\""),
        );
    }
    unpacked(it, arr, unpack)
}

/// `U`/`S` without a size take the longest field read (NumPy reads them as objects and casts).
fn flexible_size(dt: DType, rows: &[Vec<Scalar>]) -> DType {
    let longest = || {
        rows.iter()
            .flatten()
            .map(|s| match s {
                Scalar::Str(t) => t.chars().count(),
                Scalar::Bytes(b) => b.len(),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
            .max(1)
    };
    match dt.kind {
        Kind::Str if dt.itemsize == 0 => DType::unicode(longest()),
        Kind::Bytes if dt.itemsize == 0 => DType::bytes(longest()),
        _ => dt,
    }
}

/// `_ensure_ndmin_ndarray`: squeeze when there are more dimensions than `ndmin`, then grow
/// to `ndmin` (`ndmin=2` of one column: a column, as `atleast_2d(a).T` makes it).
pub(crate) fn ensure_ndmin(
    it: &mut Interp,
    arr: Rc<NdArray>,
    ndmin: usize,
) -> PyResult<Rc<NdArray>> {
    let mut shape: Vec<usize> = arr.shape().to_vec();
    if shape.len() > ndmin {
        shape.retain(|&n| n != 1);
    }
    if shape.len() < ndmin {
        shape = match (ndmin, shape.as_slice()) {
            (1, _) => vec![1],
            (_, []) => vec![1, 1],
            (_, [n]) => vec![*n, 1],
            _ => shape,
        };
    }
    if shape.as_slice() == &*arr.shape() {
        return Ok(arr);
    }
    let shape: Vec<i128> = shape.iter().map(|&n| n as i128).collect();
    arr.set_shape(&it.ctx, &shape)?;
    Ok(arr)
}

/// `unpack=True`: the transpose, or one array per field of a structured dtype.
pub(crate) fn unpacked(it: &mut Interp, arr: Rc<NdArray>, unpack: bool) -> PyResult<Value> {
    if !unpack {
        return Ok(Value::Array(arr));
    }
    if let Some(f) = arr.dtype().fields() {
        let whole = Value::Array(arr.clone());
        let mut out = Vec::with_capacity(f.fields.len());
        for field in &f.fields {
            let key = it.new_str(field.name.clone());
            out.push(it.getitem(&whole, &key)?);
        }
        return Ok(it.new_list(out));
    }
    Ok(Value::Array(arr.transpose(&it.ctx, None)?))
}
