//! `np.genfromtxt`, following `_npyio_impl.genfromtxt` and `_iotools` (NumPy 2.4): lines cut by
//! `LineSplitter` (a delimiter string, whitespace, or fixed widths), field names from the
//! header (`names=True`) cleaned as `NameValidator` does, missing values replaced by filling
//! values, and each column read by a `StringConverter` — with `dtype=None`, the first of
//! bool, int, float, complex and str that reads every value.

mod iotools;

use super::loadtxt::{ensure_ndmin, unpacked};
use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{DictPart, Value};
use crate::eval::registry::Bound;
use crate::runtime::structured::Fields;
use crate::runtime::{DType, Kind, NdArray, Order};
use iotools::{Converter, Splitter, Ty, validate_names};

fn int_arg(it: &mut Interp, a: &mut Bound, name: &str) -> PyResult<i64> {
    it.arg_i64(a, name)
}

/// A per-column option given as a dict (by index or name), a sequence, or one value.
fn per_column(
    it: &mut Interp,
    v: &Value,
    names: &Option<Vec<String>>,
    usecols: &Option<Vec<i64>>,
) -> PyResult<Vec<(Option<usize>, Value)>> {
    let Value::Dict(d) = v else {
        return Ok(vec![(None, v.clone())]);
    };
    let mut out = Vec::new();
    for k in it.dict_part(d, DictPart::Keys) {
        let val = it.dict_get(d, &k)?.unwrap_or(Value::None);
        let mut key = match &k {
            Value::Str(s) => match names
                .as_ref()
                .and_then(|n| n.iter().position(|x| *x == s.v))
            {
                Some(i) => Some(i as i64),
                None => continue,
            },
            Value::None => None,
            other => Some(it.int_value(other, "")?.to_i64().unwrap_or(0)),
        };
        if let (Some(cols), Some(k)) = (usecols, key)
            && let Some(p) = cols.iter().position(|&c| c == k)
        {
            key = Some(p as i64);
        }
        out.push((key.map(|k| k.max(0) as usize), val));
    }
    Ok(out)
}

pub fn genfromtxt(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(
        &mut a,
        &[
            "excludelist",
            "replace_space",
            "case_sensitive",
            "usemask",
            "loose",
            "like",
        ],
    )?;
    if let Some(v) = a.take("deletechars")
        && !matches!(&v, Value::Str(s) if s.v == " !#$%&'()*+,-./:;<=>?@[\\]^{|}~")
    {
        return Err(PyError::not_implemented(
            "arrsh's genfromtxt does not support deletechars=",
        ));
    }
    if a.take_some("converters").is_some() {
        return Err(PyError::not_implemented(
            "arrsh's genfromtxt does not support converters= (loadtxt does)",
        ));
    }
    let fname = a.req("fname")?;
    let dtype = match a.take("dtype") {
        None => Some(DType::FLOAT64),
        Some(Value::None) => None,
        Some(v) => Some(it.to_dtype(&v)?),
    };
    let comments = match a.take("comments") {
        None => Some("#".to_string()),
        Some(Value::None) => None,
        Some(v) => Some(it.str(&v)?),
    };
    let splitter = match a.take_some("delimiter") {
        None => Splitter::Delimited(None),
        Some(Value::Str(s)) if s.v.is_empty() => Splitter::Delimited(None),
        Some(Value::Str(s)) => Splitter::Delimited(Some(s.v.clone())),
        Some(v @ (Value::List(_) | Value::Tuple(_))) => {
            let mut ws = Vec::new();
            for w in it.collect(&v)? {
                ws.push(it.int_value(&w, "")?.to_i64().unwrap_or(0).max(0) as usize);
            }
            Splitter::Widths(ws)
        }
        Some(v) => match it.int_value(&v, "")?.to_i64().unwrap_or(0) {
            0 => Splitter::Delimited(None),
            w => Splitter::Fixed(w.max(1) as usize),
        },
    };
    let skip_header = int_arg(it, &mut a, "skip_header")?.max(0) as usize;
    let skip_footer = int_arg(it, &mut a, "skip_footer")?.max(0) as usize;
    let autostrip = it.arg_bool(&mut a, "autostrip")?;
    let invalid_raise = it.arg_bool(&mut a, "invalid_raise")?;
    let unpack = it.arg_bool(&mut a, "unpack")?;
    let max_rows = match a.take_some("max_rows") {
        Some(v) => Some(it.int_value(&v, "")?.to_i64().unwrap_or(0)),
        None => None,
    };
    if max_rows.is_some_and(|m| m < 1) {
        return Err(PyError::value("'max_rows' must be at least 1."));
    }
    if max_rows.is_some() && skip_footer > 0 {
        return Err(PyError::value(
            "The keywords 'skip_footer' and 'max_rows' can not be specified at the same time.",
        ));
    }
    let ndmin = match a.take("ndmin") {
        None => 0,
        Some(v) => match it.index_int(&v).and_then(|n| n.to_i64()) {
            Some(n @ 0..=2) => n as usize,
            _ => {
                let shown = it.str(&v)?;
                return Err(PyError::illegal_ndmin(&shown));
            }
        },
    };
    let defaultfmt = match a.take("defaultfmt") {
        Some(Value::Str(s)) => s.v.clone(),
        _ => "f%i".to_string(),
    };
    let names_arg = a.take_some("names");
    let usecols_arg = a.take_some("usecols");
    let missing_arg = a.take_some("missing_values");
    let filling_arg = a.take_some("filling_values");
    a.take("encoding");
    let mut lines = it.lines_of(&fname).map_err(|e| match e.kind {
        ErrorKind::ValueError if e.msg.starts_with("fname must be") => {
            PyError::type_error(e.msg.replace(
                "fname must be a string, filehandle, list of strings,\nor generator.",
                "fname must be a string, a filehandle, a sequence of strings,\nor an iterator of strings.",
            ))
        }
        _ => e,
    })?;
    let split = |line: &str| splitter.split(line, comments.as_deref(), autostrip);
    let names_true = matches!(names_arg, Some(Value::Bool(true)));

    // the header and the first values
    let mut all: Vec<String> = Vec::new();
    while let Some(l) = it.next_line(&mut lines)? {
        all.push(l);
    }
    let mut pos = skip_header.min(all.len());
    let mut first_values: Vec<String> = Vec::new();
    let mut first_line = String::new();
    let mut empty = skip_header > all.len();
    while first_values.is_empty() && !empty {
        let Some(line) = all.get(pos) else {
            empty = true;
            break;
        };
        pos += 1;
        first_line = line.clone();
        if names_true
            && let Some(c) = comments.as_deref()
            && !c.is_empty()
            && first_line.contains(c)
        {
            first_line = first_line.split(c).skip(1).collect::<Vec<_>>().join("");
        }
        first_values = split(&first_line);
    }
    if empty {
        first_line.clear();
        let shown = it.str(&fname)?;
        it.warn(
            "UserWarning",
            format!("genfromtxt: Empty input file: \"{shown}\""),
        );
    }
    if names_true
        && let (Some(c), Some(f)) = (comments.as_deref(), first_values.first())
        && c.contains(f.trim())
    {
        first_values.remove(0);
    }
    // columns and names
    let mut usecols: Option<Vec<i64>> = None;
    let mut usecol_names: Vec<Option<String>> = Vec::new();
    if let Some(u) = &usecols_arg {
        let items = match u {
            Value::Str(s) => {
                s.v.split(',')
                    .map(|p| it.new_str(p.trim().to_string()))
                    .collect()
            }
            other => match it.collect(other) {
                Ok(v) => v,
                Err(_) => vec![other.clone()],
            },
        };
        let mut cols = Vec::new();
        for x in items {
            match &x {
                Value::Str(s) => {
                    cols.push(0);
                    usecol_names.push(Some(s.v.clone()));
                }
                other => {
                    cols.push(it.int_value(other, "")?.to_i64().unwrap_or(0));
                    usecol_names.push(None);
                }
            }
        }
        usecols = Some(cols);
    }
    let nbcols = usecols.as_ref().map_or(first_values.len(), Vec::len);
    let mut names: Option<Vec<String>> = match &names_arg {
        None | Some(Value::Bool(false)) => None,
        Some(Value::Bool(true)) => {
            let n: Vec<String> = first_values.iter().map(|s| s.trim().to_string()).collect();
            first_line.clear();
            Some(validate_names(&n, &defaultfmt))
        }
        Some(Value::Str(s)) => {
            let n: Vec<String> = s.v.split(',').map(|p| p.trim().to_string()).collect();
            Some(validate_names(&n, &defaultfmt))
        }
        Some(v) => {
            let mut n = Vec::new();
            for x in it.collect(v)? {
                n.push(it.str(&x)?);
            }
            Some(validate_names(&n, &defaultfmt))
        }
    };
    // `easy_dtype`: a plain dtype with names is a structure of that dtype
    let mut dtype = match (dtype, &names) {
        (Some(dt), Some(n)) if dt.fields().is_none() => Some(structured(
            &n.iter().map(|x| (x.clone(), dt)).collect::<Vec<_>>(),
        )?),
        (Some(dt), Some(n)) => {
            let f = dt.fields().map(|f| &f.fields[..]).unwrap_or(&[]);
            let pairs: Vec<(String, DType)> = f
                .iter()
                .enumerate()
                .map(|(i, x)| (n.get(i).cloned().unwrap_or(x.name.clone()), x.dtype))
                .collect();
            Some(structured(&pairs)?)
        }
        (d, _) => d,
    };
    if let Some(cols) = &mut usecols {
        for (i, c) in cols.iter_mut().enumerate() {
            if let Some(Some(name)) = usecol_names.get(i) {
                *c = names
                    .as_ref()
                    .and_then(|n| n.iter().position(|x| x == name))
                    .ok_or_else(|| PyError::value(format!("'{name}' is not in list")))?
                    as i64;
            } else if *c < 0 {
                *c += first_values.len() as i64;
            }
        }
        let nfields = dtype.and_then(|d| d.fields()).map_or(0, |f| f.fields.len());
        if let Some(f) = dtype.and_then(|d| d.fields())
            && nfields > nbcols
        {
            let mut pairs = Vec::new();
            for &c in cols.iter() {
                let x = f
                    .fields
                    .get(c.max(0) as usize)
                    .ok_or_else(|| PyError::index("list index out of range"))?;
                pairs.push((x.name.clone(), x.dtype));
            }
            dtype = Some(structured(&pairs)?);
            names = Some(pairs.into_iter().map(|p| p.0).collect());
        } else if let Some(n) = &names
            && n.len() > nbcols
        {
            names = Some(
                cols.iter()
                    .filter_map(|&c| n.get(c as usize).cloned())
                    .collect(),
            );
        }
    } else if let (Some(_), Some(f)) = (&names, dtype.and_then(|d| d.fields())) {
        names = Some(f.fields.iter().map(|x| x.name.clone()).collect());
    }
    // missing and filling values per column
    let mut missing: Vec<Vec<String>> = vec![vec![String::new()]; nbcols];
    match &missing_arg {
        None => {}
        Some(v @ Value::Dict(_)) => {
            for (k, val) in per_column(it, v, &names, &usecols)? {
                let vals = match &val {
                    Value::List(_) | Value::Tuple(_) => {
                        let mut out = Vec::new();
                        for x in it.collect(&val)? {
                            out.push(it.str(&x)?);
                        }
                        out
                    }
                    other => vec![it.str(other)?],
                };
                match k {
                    None => missing.iter_mut().for_each(|m| m.extend(vals.clone())),
                    Some(k) => {
                        if let Some(m) = missing.get_mut(k) {
                            m.extend(vals)
                        }
                    }
                }
            }
        }
        Some(v @ (Value::List(_) | Value::Tuple(_))) => {
            for (i, x) in it.collect(v)?.into_iter().enumerate().take(nbcols) {
                let s = it.str(&x)?;
                if !missing[i].contains(&s) {
                    missing[i].push(s);
                }
            }
        }
        Some(Value::Str(s)) => {
            for m in &mut missing {
                m.extend(s.v.split(',').map(String::from));
            }
        }
        Some(other) => {
            let s = it.str(other)?;
            missing.iter_mut().for_each(|m| m.push(s.clone()));
        }
    }
    let mut filling: Vec<Option<Value>> = vec![None; nbcols];
    match &filling_arg {
        None => {}
        Some(v @ Value::Dict(_)) => {
            for (k, val) in per_column(it, v, &names, &usecols)? {
                if let Some(slot) = k.and_then(|k| filling.get_mut(k)) {
                    *slot = Some(val);
                }
            }
        }
        Some(v @ (Value::List(_) | Value::Tuple(_))) => {
            for (i, x) in it.collect(v)?.into_iter().enumerate().take(nbcols) {
                filling[i] = Some(x);
            }
        }
        Some(other) => filling.iter_mut().for_each(|f| *f = Some(other.clone())),
    }
    // one converter per column
    let flat: Vec<DType> = match dtype {
        Some(dt) => match dt.fields() {
            Some(f) => f.fields.iter().map(|x| x.dtype).collect(),
            None => vec![dt; nbcols],
        },
        None => vec![],
    };
    let mut convs: Vec<Converter> = (0..nbcols)
        .map(|i| {
            let dt = flat.get(i).copied();
            Converter {
                ty: dt.map_or(Ty::Bool, Ty::of),
                dtype: dt,
                missing: missing[i].clone(),
                fill: filling[i].clone(),
                checked: false,
            }
        })
        .collect();
    // the rows
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut invalid: Vec<(usize, usize)> = Vec::new();
    let lines_after = std::iter::once(first_line.clone()).chain(all[pos..].iter().cloned());
    for (i, line) in lines_after.enumerate() {
        it.ctx.check_interrupt()?;
        let values = split(&line);
        let n = values.len();
        if n == 0 {
            continue;
        }
        let values = match &usecols {
            Some(cols) => {
                let picked: Option<Vec<String>> = cols
                    .iter()
                    .map(|&c| {
                        let k = if c < 0 { c + n as i64 } else { c };
                        usize::try_from(k).ok().and_then(|k| values.get(k).cloned())
                    })
                    .collect();
                match picked {
                    Some(p) => p,
                    None => {
                        invalid.push((i + skip_header + 1, n));
                        continue;
                    }
                }
            }
            None if n != nbcols => {
                invalid.push((i + skip_header + 1, n));
                continue;
            }
            None => values,
        };
        it.gate((rows.len() as u128 + 1) * (nbcols as u128) * 48)?;
        rows.push(values);
        if max_rows.is_some_and(|m| rows.len() as i64 == m) {
            break;
        }
    }
    if dtype.is_none() {
        for (i, c) in convs.iter_mut().enumerate() {
            let column: Vec<&str> = rows.iter().map(|r| r[i].as_str()).collect();
            c.upgrade(it, &column)?;
        }
    }
    let mut skip_footer = skip_footer;
    if !invalid.is_empty() {
        let nbrows = (rows.len() + invalid.len()).saturating_sub(skip_footer);
        if skip_footer > 0 {
            let skipped = invalid
                .iter()
                .filter(|x| x.0 > nbrows + skip_header)
                .count();
            invalid.truncate(invalid.len() - skipped);
            skip_footer -= skipped;
        }
        if !invalid.is_empty() {
            let mut msg = vec!["Some errors were detected !".to_string()];
            for (line, got) in &invalid {
                msg.push(format!(
                    "    Line #{line} (got {got} columns instead of {nbcols})"
                ));
            }
            let msg = msg.join("\n");
            if invalid_raise {
                return Err(PyError::value(msg));
            }
            it.warn("ConversionWarning", msg);
        }
    }
    rows.truncate(rows.len().saturating_sub(skip_footer));
    // the values, read loosely
    let mut data: Vec<Vec<Value>> = Vec::with_capacity(rows.len());
    for r in &rows {
        let mut out = Vec::with_capacity(nbcols);
        for (j, text) in r.iter().enumerate() {
            out.push(convs[j].loose(it, text)?);
        }
        data.push(out);
    }
    // the dtype of the result
    let (out_dt, plain) = match dtype {
        Some(dt) => (dt, dt.fields().is_none()),
        None => {
            let sized: Vec<DType> = convs
                .iter()
                .enumerate()
                .map(|(i, c)| match c.ty {
                    Ty::Str => DType::unicode(
                        data.iter()
                            .map(|r| match &r[i] {
                                Value::Str(s) => s.v.chars().count(),
                                _ => 0,
                            })
                            .max()
                            .unwrap_or(0),
                    ),
                    t => t.dtype(),
                })
                .collect();
            let mut base: Vec<Ty> = Vec::new();
            for c in convs.iter().filter(|c| c.checked) {
                if !base.contains(&c.ty) {
                    base.push(c.ty);
                }
            }
            match (&names, base.as_slice()) {
                (None, [one]) => {
                    let dt = match one {
                        Ty::Str => *sized
                            .iter()
                            .max_by_key(|d| d.itemsize)
                            .unwrap_or(&DType::unicode(1)),
                        t => t.dtype(),
                    };
                    (dt, true)
                }
                _ => {
                    let n: Vec<String> = match &names {
                        Some(n) => n.clone(),
                        None => (0..nbcols)
                            .map(|i| defaultfmt.replacen("%i", &i.to_string(), 1))
                            .collect(),
                    };
                    let pairs: Vec<(String, DType)> = n.into_iter().zip(sized).collect();
                    (structured(&pairs)?, false)
                }
            }
        }
    };
    let out_dt = if out_dt.kind == Kind::Str && out_dt.itemsize == 0 {
        let longest = data
            .iter()
            .flatten()
            .map(|v| match v {
                Value::Str(s) => s.v.chars().count(),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
            .max(1);
        DType::unicode(longest)
    } else {
        out_dt
    };
    let shape: Vec<usize> = match (plain, data.is_empty()) {
        (_, true) => vec![0],
        (true, false) => vec![data.len(), nbcols],
        (false, false) => vec![data.len()],
    };
    let arr = NdArray::zeros(&it.ctx, &shape, out_dt, Order::C)?;
    let size = out_dt.itemsize;
    for (r, row) in data.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            let (off, dt) = match out_dt.fields() {
                Some(f) => (r * size + f.fields[j].offset, f.fields[j].dtype),
                None => ((r * nbcols + j) * size, out_dt),
            };
            let s = it.value_to_element(v, dt)?;
            let mut buf = arr.buffer().bytes_mut()?;
            s.encode(dt, &mut buf[off..off + dt.itemsize]);
        }
    }
    let arr = ensure_ndmin(it, arr, ndmin)?;
    unpacked(it, arr, unpack)
}

/// A packed structured dtype from names and field dtypes.
fn structured(pairs: &[(String, DType)]) -> PyResult<DType> {
    let specs = pairs.iter().map(|(n, d)| (n.clone(), *d, vec![])).collect();
    Fields::from_list(specs, false)
}
