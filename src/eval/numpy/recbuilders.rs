//! `numpy.rec`'s builders (NumPy's `records.py`): `np.rec.array`, `fromarrays`, `fromrecords`,
//! `np.recarray(shape, ...)`, and `format_parser`, which turns `formats=`/`names=` into a
//! structured dtype.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Conv, Row};
use crate::runtime::structured::Fields;
use crate::runtime::{ArrayClass, DType};

pub const ROWS: &[Row] = &[
    Row::constructor(
        "numpy.rec.recarray",
        TypeKind::RecArray,
        "recarray.__new__(shape, dtype=None, buf=None, offset=0, strides=None, formats=None, names=None, titles=None, byteorder=None, aligned=False, order='C')",
        recarray_new,
    )
    .conv(Conv::PyInit),
    Row::np_py(
        "numpy.rec.array",
        "(obj, dtype=None, shape=None, offset=0, strides=None, formats=None, names=None, titles=None, aligned=False, byteorder=None, copy=True)",
        rec_array,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.rec.fromarrays",
        "(arrayList, dtype=None, shape=None, formats=None, names=None, titles=None, aligned=False, byteorder=None)",
        fromarrays,
    ).returns("ndarray"),
    Row::np_py(
        "numpy.rec.fromrecords",
        "(recList, dtype=None, shape=None, formats=None, names=None, titles=None, aligned=False, byteorder=None)",
        fromrecords,
    ).returns("ndarray"),
];

/// The arguments `format_parser` reads, and the ones arrsh does not model.
struct Formats {
    dtype: Option<Value>,
    formats: Option<Value>,
    names: Option<Value>,
    aligned: bool,
}

impl Formats {
    fn take(it: &mut Interp, a: &mut Bound) -> PyResult<Formats> {
        for unsupported in ["titles", "byteorder"] {
            if a.take_some(unsupported).is_some() {
                return Err(PyError::rec_unsupported(unsupported));
            }
        }
        let aligned = match a.take("aligned") {
            Some(v) => it.truthy(&v)?,
            None => false,
        };
        Ok(Formats {
            dtype: a.take_some("dtype"),
            formats: a.take_some("formats"),
            names: a.take_some("names"),
            aligned,
        })
    }

    /// `dtype` when given, else `format_parser(formats, names, ...)`'s.
    fn descr(&self, it: &mut Interp) -> PyResult<DType> {
        match (&self.dtype, &self.formats) {
            (Some(d), _) => it.to_dtype(d),
            (None, Some(f)) => it.format_parser(f, self.names.as_ref(), self.aligned),
            (None, None) => Err(PyError::rec_need_formats()),
        }
    }
}

/// `np.recarray(shape, dtype=None, ..., formats=None, names=None, ...)`: a new record array
/// (NumPy's is uninitialised memory; arrsh's is zeroed, as its `np.empty` is).
fn recarray_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let shape = a.req("shape")?;
    let dtype = a.take_some("dtype");
    let buf = a.take_some("buf");
    let strides = a.take_some("strides");
    let formats = a.take_some("formats");
    let names = a.take_some("names");
    let titles = a.take_some("titles");
    let byteorder = a.take_some("byteorder");
    let aligned = a.take("aligned");
    for (name, v) in [
        ("buf", &buf),
        ("strides", &strides),
        ("titles", &titles),
        ("byteorder", &byteorder),
    ] {
        if v.is_some() {
            return Err(PyError::rec_unsupported(name));
        }
    }
    let aligned = match aligned {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let f = Formats {
        dtype,
        formats,
        names,
        aligned,
    };
    let descr = f.descr(it)?;
    let shape = it.to_shape(&shape)?;
    Ok(Value::Array(it.new_recarray(&shape, descr)?))
}

/// `np.rec.array(obj, ...)`: records from tuples, arrays from a list of columns, or a copy
/// (or with `copy=False` a view) of an array as a recarray.
fn rec_array(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let obj = a.req("obj")?;
    let shape = a.take_some("shape");
    let copy = match a.take("copy") {
        Some(v) => it.truthy(&v)?,
        None => true,
    };
    for unsupported in ["strides"] {
        if a.take_some(unsupported).is_some() {
            return Err(PyError::rec_unsupported(unsupported));
        }
    }
    let f = Formats::take(it, &mut a)?;
    let (dtype, formats) = (f.dtype.is_some(), f.formats.is_some());
    if matches!(obj, Value::None | Value::Str(_)) && !dtype && !formats {
        return Err(PyError::rec_need_formats_for_object());
    }
    match &obj {
        Value::None => {
            let Some(shape) = shape else {
                return Err(PyError::rec_need_shape());
            };
            let descr = f.descr(it)?;
            let shape = it.to_shape(&shape)?;
            Ok(Value::Array(it.new_recarray(&shape, descr)?))
        }
        Value::List(_) | Value::Tuple(_) => {
            let items = it.collect(&obj)?;
            let Some(first) = items.first() else {
                return Err(PyError::index("list index out of range"));
            };
            if matches!(first, Value::List(_) | Value::Tuple(_)) {
                it.fromrecords(&obj, shape, &f)
            } else {
                it.fromarrays(items, shape, &f)
            }
        }
        Value::Array(arr) => {
            let arr = match &f.dtype {
                Some(d) => {
                    let dt = it.to_dtype(d)?;
                    if dt == arr.dtype() {
                        arr.clone()
                    } else {
                        arr.view_dtype(&it.ctx, dt)?
                    }
                }
                None => arr.clone(),
            };
            let arr = if copy {
                let c = it.copy_in_order(&arr, arr.dtype(), crate::runtime::OrderArg::C)?;
                c.set_class(arr.class())
            } else {
                arr
            };
            if arr.is_recarray() {
                return Ok(Value::Array(arr));
            }
            Ok(Value::Array(it.view_as_class(&arr, ArrayClass::RecArray)))
        }
        _ => Err(PyError::rec_unknown_input()),
    }
}

fn fromarrays(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let list = a.req("arrayList")?;
    let shape = a.take_some("shape");
    let f = Formats::take(it, &mut a)?;
    let items = it.collect(&list)?;
    it.fromarrays(items, shape, &f)
}

fn fromrecords(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let list = a.req("recList")?;
    let shape = a.take_some("shape");
    let f = Formats::take(it, &mut a)?;
    it.fromrecords(&list, shape, &f)
}
impl Interp {
    /// NumPy's `format_parser`: the formats (a list, or one comma-separated string) laid out
    /// as `np.dtype` lays them out, then renamed by `names` (a list or `'a,b'`), the rest
    /// `f<i>`.
    fn format_parser(
        &mut self,
        formats: &Value,
        names: Option<&Value>,
        aligned: bool,
    ) -> PyResult<DType> {
        let base = match formats {
            Value::List(_) => {
                let items = self.collect(formats)?;
                let mut specs = Vec::with_capacity(items.len());
                for (i, x) in items.iter().enumerate() {
                    specs.push((format!("f{i}"), self.to_dtype(x)?, vec![]));
                }
                Fields::from_list(specs, aligned)?
            }
            other => {
                let dt = self.to_dtype(other)?;
                match dt.fields() {
                    Some(_) => dt,
                    None => Fields::from_list(vec![("f1".into(), dt, vec![])], aligned)?,
                }
            }
        };
        let fields = base.fields().expect("format_parser's dtype has fields");
        let n = fields.fields.len();
        let mut given: Vec<String> = match names {
            None => vec![],
            Some(Value::List(_) | Value::Tuple(_)) => {
                let items = self.collect(names.expect("matched Some"))?;
                let mut out = Vec::new();
                for x in items.iter().take(n) {
                    match x {
                        Value::Str(s) => out.push(s.v.trim().to_string()),
                        // NumPy strips each name: `'int' object has no attribute 'strip'`
                        other => {
                            return Err(PyError::no_attribute(&other.short_type_name(), "strip"));
                        }
                    }
                }
                out
            }
            Some(Value::Str(s)) if s.v.is_empty() => vec![],
            Some(Value::Str(s)) => s.v.split(',').take(n).map(|x| x.trim().into()).collect(),
            Some(other) => {
                let r = self.repr(other)?;
                return Err(PyError::rec_illegal_names(&r));
            }
        };
        for i in given.len()..n {
            given.push(format!("f{i}"));
        }
        // NumPy's `find_duplicate`: each repeated name once, in order of first appearance
        let mut dups: Vec<&str> = Vec::new();
        for x in &given {
            if given.iter().filter(|y| *y == x).count() > 1 && !dups.contains(&x.as_str()) {
                dups.push(x);
            }
        }
        if !dups.is_empty() {
            return Err(PyError::rec_duplicate_names(&dups));
        }
        let specs = fields
            .fields
            .iter()
            .zip(given)
            .map(|(f, name)| (name, f.dtype, f.shape.clone()))
            .collect();
        let offsets = fields.fields.iter().map(|f| f.offset).collect();
        Fields::from_dict(specs, Some(offsets), None, false)
    }

    /// `np.rec.fromarrays`: a new recarray whose fields are the arrays' values (a copy).
    fn fromarrays(
        &mut self,
        items: Vec<Value>,
        shape: Option<Value>,
        f: &Formats,
    ) -> PyResult<Value> {
        let mut arrays = Vec::with_capacity(items.len());
        for x in &items {
            arrays.push(self.to_array(x, None)?);
        }
        let mut shape: Vec<i128> = match shape {
            Some(s) => self.to_shape(&s)?,
            None => match arrays.first() {
                Some(a) => a.shape().iter().map(|&d| d as i128).collect(),
                None => return Err(PyError::index("list index out of range")),
            },
        };
        let descr = match (&f.dtype, &f.formats) {
            (None, None) => {
                let list = arrays.iter().map(|a| self.new_dtype(a.dtype())).collect();
                let list = self.new_list(list);
                self.format_parser(&list, f.names.as_ref(), f.aligned)?
            }
            _ => f.descr(self)?,
        };
        let fields = descr.fields().map_or(&[][..], |x| x.fields.as_slice());
        if fields.len() != arrays.len() {
            return Err(PyError::rec_field_count_mismatch());
        }
        let nn = fields[0].shape.len();
        if nn > 0 {
            shape.truncate(shape.len().saturating_sub(nn));
        }
        let out = self.new_recarray(&shape, descr)?;
        for (k, (field, arr)) in fields.iter().zip(&arrays).enumerate() {
            let lead = arr.ndim().saturating_sub(field.shape.len());
            let test: Vec<i128> = arr.shape()[..lead].iter().map(|&d| d as i128).collect();
            if test != shape {
                return Err(PyError::rec_array_shape_mismatch(k, &field.name));
            }
            let name = self.new_str(field.name.clone());
            let Some(target) = self.record_view(&out, &name)? else {
                continue;
            };
            self.assign_into(&target, &Value::Array(arr.clone()))?;
        }
        Ok(Value::Array(out))
    }

    /// `np.rec.fromrecords`: records (tuples) into a recarray; without `dtype`/`formats` each
    /// column is made an array on its own and the columns joined as `fromarrays` does.
    fn fromrecords(&mut self, list: &Value, shape: Option<Value>, f: &Formats) -> PyResult<Value> {
        if f.dtype.is_none() && f.formats.is_none() {
            let (columns, _) = self.record_columns(list)?;
            let mut arrays = Vec::with_capacity(columns.len());
            for c in columns {
                arrays.push(Value::Array(self.to_array(&c, None)?));
            }
            return self.fromarrays(arrays, shape, f);
        }
        let descr = f.descr(self)?.with_record(true);
        let arr = self.records_array(list, descr)?;
        if let Some(s) = shape {
            let s = self.to_shape(&s)?;
            if s.iter()
                .map(|&d| d as usize)
                .ne(arr.shape().iter().copied())
            {
                arr.set_shape(&self.ctx, &s)?;
            }
        }
        Ok(Value::Array(self.view_as_class(&arr, ArrayClass::RecArray)))
    }

    /// The columns of a nested list of records as `np.array(recList, dtype=object)[..., i]`
    /// would give them: every level of equal-length sequences is an axis, the last one the
    /// fields. Returns the columns (nested lists) and the record count.
    fn record_columns(&mut self, list: &Value) -> PyResult<(Vec<Value>, usize)> {
        // the axes: descend while every item is a sequence of the same length
        let mut dims = Vec::new();
        let mut level = vec![list.clone()];
        loop {
            if !level
                .iter()
                .all(|x| matches!(x, Value::List(_) | Value::Tuple(_)))
            {
                break;
            }
            let mut next = Vec::new();
            let mut len = None;
            for x in &level {
                let items = self.collect(x)?;
                if len.is_some_and(|n| n != items.len()) {
                    return Err(PyError::value(
                        "setting an array element with a sequence. The requested array has an inhomogeneous shape",
                    ));
                }
                len = Some(items.len());
                next.extend(items);
            }
            let Some(n) = len else { break };
            dims.push(n);
            if n == 0 {
                break;
            }
            level = next;
            self.ctx.check_interrupt()?;
        }
        if dims.len() < 2 {
            return Err(PyError::index(
                "too many indices for array: array is 1-dimensional, but 2 were indexed",
            ));
        }
        let nfields = dims[dims.len() - 1];
        let outer = &dims[..dims.len() - 1];
        let count: usize = outer.iter().product();
        let mut columns = Vec::with_capacity(nfields);
        for i in 0..nfields {
            let flat: Vec<Value> = (0..count).map(|r| level[r * nfields + i].clone()).collect();
            columns.push(self.nest(flat, outer));
        }
        Ok((columns, count))
    }

    /// A flat list of values as nested lists of `shape`.
    fn nest(&mut self, flat: Vec<Value>, shape: &[usize]) -> Value {
        if shape.len() <= 1 {
            return self.new_list(flat);
        }
        let inner: usize = shape[1..].iter().product();
        let mut out = Vec::with_capacity(shape[0]);
        let mut it = flat.into_iter();
        for _ in 0..shape[0] {
            let chunk: Vec<Value> = it.by_ref().take(inner).collect();
            out.push(self.nest(chunk, &shape[1..]));
        }
        self.new_list(out)
    }
}
