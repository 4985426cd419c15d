//! Structured dtypes from Python values (`np.dtype([('x', 'f8'), ...])`, dict forms, `align=`),
//! their attributes (`names`, `fields`, `descr`, `dt['x']`), record access on arrays (`a['x']`
//! is a strided view into the same buffer; `a[['x', 'y']]` a view with a sparser dtype), `np.void`
//! scalars that stay views of their array, and records made from tuples.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::runtime::structured::{Field, FieldSpec, Fields};
use crate::runtime::{DType, Layout, NdArray, Order, Scalar};

impl Interp {
    /// `np.dtype(list_of_fields, align=...)`: each entry `(name, format)` or
    /// `(name, format, shape)`, with NumPy's TypeErrors for other shapes of entry.
    pub fn struct_dtype_from_list(&mut self, v: &Value, align: bool) -> PyResult<DType> {
        let items = self.collect(v)?;
        let mut specs: Vec<FieldSpec> = Vec::with_capacity(items.len());
        for item in &items {
            let Value::Tuple(t) = item else {
                let r = self.repr(item)?;
                return Err(PyError::field_not_tuple(&r));
            };
            if !(2..=3).contains(&t.items.len()) {
                let r = self.repr(item)?;
                return Err(PyError::field_not_tuple(&r));
            }
            let Value::Str(name) = &t.items[0] else {
                return Err(PyError::field_name_not_str());
            };
            let dtype = self.to_dtype(&t.items[1])?;
            let shape = match t.items.get(2) {
                None => vec![],
                Some(s) => self
                    .to_shape(s)?
                    .into_iter()
                    .map(|d| usize::try_from(d).map_err(|_| PyError::value("invalid shape")))
                    .collect::<PyResult<Vec<usize>>>()?,
            };
            // NumPy's `_convert_from_tuple`: each dimension, then the bytes, fit a C int
            if shape.iter().any(|&d| d > i32::MAX as usize) {
                return Err(PyError::fixed_tuple_dimension_too_large());
            }
            let bytes = shape
                .iter()
                .try_fold(dtype.itemsize, |n, &d| n.checked_mul(d));
            if bytes.is_none_or(|n| n > i32::MAX as usize) {
                return Err(PyError::fixed_tuple_size_too_large());
            }
            specs.push((name.v.clone(), dtype, shape));
        }
        Fields::from_list(specs, align)
    }

    /// `np.dtype({'names': [...], 'formats': [...], 'offsets': [...], 'itemsize': n})`.
    pub fn struct_dtype_from_dict(&mut self, d: &Rc<PyDict>, align: bool) -> PyResult<DType> {
        let get = |it: &mut Interp, key: &str| -> PyResult<Option<Value>> {
            let k = it.new_str(key.into());
            it.dict_get(d, &k)
        };
        let names = get(self, "names")?;
        let formats = get(self, "formats")?;
        let offsets = get(self, "offsets")?;
        let itemsize = get(self, "itemsize")?;
        let (Some(names), Some(formats)) = (names, formats) else {
            return Err(PyError::value(
                "entry not a 2- or 3- tuple or dictionary with 'names' and 'formats'",
            ));
        };
        let names = self.collect(&names)?;
        let formats = self.collect(&formats)?;
        let mut specs = Vec::with_capacity(names.len());
        for (n, f) in names.iter().zip(&formats) {
            let Value::Str(n) = n else {
                return Err(PyError::field_name_not_str());
            };
            specs.push((n.v.clone(), self.to_dtype(f)?, vec![]));
        }
        let offsets = match offsets {
            Some(o) => Some(
                self.to_shape(&o)?
                    .into_iter()
                    .map(|x| x.max(0) as usize)
                    .collect(),
            ),
            None => None,
        };
        let itemsize = match itemsize {
            Some(n) => Some(self.to_shape(&n)?.first().copied().unwrap_or(0).max(0) as usize),
            None => None,
        };
        Fields::from_dict(specs, offsets, itemsize, align)
    }

    /// The attributes only structured dtypes answer (`None`: not one of them).
    pub fn struct_dtype_attr(&mut self, dt: DType, name: &str) -> PyResult<Option<Value>> {
        let Some(f) = dt.fields() else {
            return Ok(None);
        };
        Ok(Some(match name {
            "names" => {
                let names = f
                    .fields
                    .iter()
                    .map(|x| self.new_str(x.name.clone()))
                    .collect();
                self.new_tuple(names)
            }
            // NumPy's is a read-only mappingproxy; arrsh gives a dict with the same items
            "fields" => {
                let mut items = Vec::with_capacity(f.fields.len());
                for x in &f.fields {
                    let k = self.new_str(x.name.clone());
                    let t = self.field_dtype(x);
                    let dt = self.new_dtype(t);
                    let off = self.new_i64(x.offset as i64);
                    items.push((k, self.new_tuple(vec![dt, off])));
                }
                self.new_dict(items)?
            }
            "descr" => self.struct_descr(f),
            "isalignedstruct" => Value::Bool(f.aligned),
            _ => return Ok(None),
        }))
    }

    /// A field's dtype as `dt['x']` and `dt.fields` show it (a subarray field is not modelled
    /// as a dtype of its own: its element dtype stands in).
    fn field_dtype(&self, f: &Field) -> DType {
        f.dtype
    }

    /// `dt.descr`: `[('x', '<f8'), ...]`, with `('', '|V4')` for the padding NumPy lists.
    fn struct_descr(&mut self, f: &Fields) -> Value {
        let mut items = Vec::new();
        let mut fields: Vec<&Field> = f.fields.iter().collect();
        fields.sort_by_key(|x| x.offset);
        let mut at = 0;
        for x in fields {
            if x.offset > at {
                items.push(self.descr_pad(x.offset - at));
            }
            let name = self.new_str(x.name.clone());
            let format = match x.dtype.fields() {
                Some(inner) => self.struct_descr(inner),
                None => self.new_str(x.dtype.str()),
            };
            let mut t = vec![name, format];
            if !x.shape.is_empty() {
                t.push(self.int_tuple(x.shape.iter().map(|&d| d as i128)));
            }
            items.push(self.new_tuple(t));
            at = at.max(x.offset + x.nbytes());
        }
        if f.itemsize > at {
            items.push(self.descr_pad(f.itemsize - at));
        }
        self.new_list(items)
    }

    fn descr_pad(&mut self, n: usize) -> Value {
        let e = self.new_str(String::new());
        let v = self.new_str(DType::void(n).str());
        self.new_tuple(vec![e, v])
    }

    /// `dt['x']`, `dt[0]`: a field's dtype.
    pub fn struct_dtype_getitem(&mut self, dt: DType, idx: &Value) -> PyResult<Value> {
        let Some(f) = dt.fields() else {
            return Err(PyError::key_error(&format!(
                "\"There are no fields in dtype {}.\"",
                dt.str_form()
            )));
        };
        let field = match idx {
            Value::Str(s) => f.get(&s.v).ok_or_else(|| {
                PyError::key_error(&format!("\"Field named '{}' not found.\"", s.v))
            })?,
            _ => {
                let i = self
                    .index_int(idx)
                    .and_then(|i| i.to_i64())
                    .ok_or_else(|| PyError::type_error("Field key must be an integer field offset, single field name, or list of field names."))?;
                let n = f.fields.len() as i64;
                let k = if i < 0 { i + n } else { i };
                f.fields
                    .get(k as usize)
                    .filter(|_| k >= 0)
                    .ok_or_else(|| PyError::index(format!("Field index {i} out of range.")))?
            }
        };
        let t = self.field_dtype(field);
        Ok(self.new_dtype(t))
    }

    /// `a['x']` / `a[['x', 'y']]` on a structured array: the field's strided view, sharing the
    /// buffer (offset moved by the field's offset, strides kept, a subarray's axes appended).
    /// `None` when `idx` is not a field key or `a` has no fields.
    pub fn record_view(&mut self, a: &Rc<NdArray>, idx: &Value) -> PyResult<Option<Rc<NdArray>>> {
        let Some(fields) = a.dtype().fields() else {
            return Ok(None);
        };
        match idx {
            Value::Str(s) => {
                let f = fields.get(&s.v).ok_or_else(|| PyError::no_field(&s.v))?;
                Ok(Some(field_view(self, a, f)))
            }
            Value::List(_) => {
                let items = self.collect(idx)?;
                if !items.iter().all(|v| matches!(v, Value::Str(_))) {
                    return Ok(None);
                }
                let names: Vec<String> = items
                    .iter()
                    .filter_map(|v| match v {
                        Value::Str(s) => Some(s.v.clone()),
                        _ => None,
                    })
                    .collect();
                let dt = fields
                    .select(&names)
                    .map_err(|n| PyError::key_error(&format!("'{n}'")))?;
                let layout = a.layout().clone();
                Ok(Some(a.view_with(&self.ctx, dt, layout)))
            }
            _ => Ok(None),
        }
    }

    /// `v['x']` on a `np.void` scalar: the field's value, read through the array it came from
    /// when it is one (NumPy's void scalars from indexing are views).
    pub fn void_getitem(&mut self, s: &NpScalar, idx: &Value) -> PyResult<Option<Value>> {
        let Some(fields) = s.dtype.fields() else {
            return Ok(None);
        };
        let f = match idx {
            Value::Str(name) => fields
                .get(&name.v)
                .ok_or_else(|| PyError::no_field(&name.v))?,
            _ => {
                let Some(i) = self.index_int(idx).and_then(|i| i.to_i64()) else {
                    return Ok(None);
                };
                let n = fields.fields.len() as i64;
                let k = if i < 0 { i + n } else { i };
                fields
                    .fields
                    .get(k as usize)
                    .filter(|_| k >= 0)
                    .ok_or_else(|| PyError::index(format!("invalid index ({i})")))?
            }
        };
        let arr = self.void_backing(s)?;
        let v = field_view(self, &arr, f);
        if v.ndim() == 0 {
            let x = v.element_at(v.offset_bytes() as usize)?;
            return Ok(Some(self.element_scalar(f.dtype, x)));
        }
        Ok(Some(Value::Array(v)))
    }

    /// `v['x'] = value` on a void scalar: writes into the array the scalar views.
    pub fn void_setitem(&mut self, s: &NpScalar, idx: &Value, value: &Value) -> PyResult<bool> {
        let (Some(fields), Value::Str(name)) = (s.dtype.fields(), idx) else {
            return Ok(false);
        };
        let f = fields
            .get(&name.v)
            .ok_or_else(|| PyError::no_field(&name.v))?;
        let arr = self.void_backing(s)?;
        let v = field_view(self, &arr, f);
        self.assign_into(&v, value)?;
        Ok(true)
    }

    /// The 0-d array a void scalar reads its fields from: the element of its array, or a copy
    /// of its bytes when it owns them.
    fn void_backing(&mut self, s: &NpScalar) -> PyResult<Rc<NdArray>> {
        if let Some((a, offset)) = &s.base {
            let layout = Layout {
                shape: vec![],
                strides: vec![],
                offset_bytes: *offset as isize,
            };
            return Ok(a.view_with(&self.ctx, a.dtype(), layout));
        }
        self.scalar_to_array(s.dtype, &s.v)
    }

    /// `a[i]` of a structured array: a `np.void` that keeps a reference to `a`'s element.
    pub fn void_element(&mut self, a: &Rc<NdArray>, offset: usize) -> PyResult<Value> {
        let v = a.element_at(offset)?;
        Ok(self.new_void_scalar(a.dtype(), v, Some((a.clone(), offset))))
    }

    /// A record from a Python tuple (`a[0] = (9.0, 9)`, `np.array([(1.0, 2)], dtype=dt)`):
    /// each item converted to its field's dtype and written at the field's offset.
    pub fn record_from_tuple(&mut self, dt: DType, v: &Value) -> PyResult<Scalar> {
        let mut bytes = vec![0u8; dt.itemsize];
        self.encode_record(dt, v, &mut bytes)?;
        Ok(Scalar::Void(bytes))
    }

    fn encode_record(&mut self, dt: DType, v: &Value, out: &mut [u8]) -> PyResult<()> {
        let Some(fields) = dt.fields() else {
            let s = self.value_to_element(v, dt)?;
            s.encode(dt, out);
            return Ok(());
        };
        let items = match v {
            Value::Tuple(t) => t.items.clone(),
            Value::Scalar(s) if s.dtype == dt => {
                if let Scalar::Void(b) = &s.v {
                    out.copy_from_slice(&b[..dt.itemsize]);
                }
                return Ok(());
            }
            // a plain value goes into every field (NumPy's scalar-to-structure assignment)
            other => vec![other.clone(); fields.fields.len()],
        };
        if items.len() != fields.fields.len() {
            return Err(PyError::value(format!(
                "could not assign tuple of length {} to structure with {} fields.",
                items.len(),
                fields.fields.len()
            )));
        }
        for (f, item) in fields.fields.iter().zip(&items) {
            let isz = f.dtype.itemsize;
            if f.shape.is_empty() {
                let at = f.offset;
                self.encode_record(f.dtype, item, &mut out[at..at + isz])?;
                continue;
            }
            let count: usize = f.shape.iter().product();
            let src = self.to_array(item, Some(f.dtype))?;
            let src = match crate::runtime::kernels::broadcast_layout(&src.layout(), &f.shape) {
                Some(l) => src.view_with(&self.ctx, src.dtype(), l),
                None => {
                    return Err(PyError::broadcast_input_to_shape(&src.shape(), &f.shape));
                }
            };
            let mut offs = Vec::with_capacity(count);
            src.layout().for_each_offset(|o| offs.push(o));
            for (k, o) in offs.into_iter().enumerate() {
                let x = src.element_at(o)?;
                let at = f.offset + k * isz;
                x.encode(f.dtype, &mut out[at..at + isz]);
            }
        }
        Ok(())
    }

    /// `np.array(obj, dtype=structured)`: lists are axes, anything else (a tuple above all) is
    /// one record.
    pub fn records_array(&mut self, v: &Value, dt: DType) -> PyResult<Rc<NdArray>> {
        let mut shape = Vec::new();
        let mut level = vec![v.clone()];
        while let Some(Value::List(_)) = level.first() {
            let n = self.collect(&level[0])?.len();
            shape.push(n);
            let mut next = Vec::with_capacity(level.len() * n);
            for x in &level {
                let items = match x {
                    Value::List(_) => self.collect(x)?,
                    _ => {
                        return Err(PyError::value(
                            "setting an array element with a sequence. The requested array has an inhomogeneous shape",
                        ));
                    }
                };
                if items.len() != n {
                    return Err(PyError::value(
                        "setting an array element with a sequence. The requested array has an inhomogeneous shape",
                    ));
                }
                next.extend(items);
            }
            if n == 0 {
                level.clear();
                break;
            }
            level = next;
        }
        let arr = NdArray::zeros(&self.ctx, &shape, dt, Order::C)?;
        {
            let mut bytes = arr.buffer().bytes_mut()?;
            for (k, item) in level.iter().enumerate() {
                let at = k * dt.itemsize;
                self.encode_record(dt, item, &mut bytes[at..at + dt.itemsize])?;
            }
        }
        Ok(arr)
    }

    /// `tolist()`/`item()` of a record: a tuple of its fields' Python values.
    pub fn record_to_python(&mut self, dt: DType, v: &Scalar) -> PyResult<Value> {
        if dt.is_time() {
            return self.time_to_python(dt, v);
        }
        let (Some(fields), Scalar::Void(bytes)) = (dt.fields(), v) else {
            return Ok(self.to_python(v));
        };
        let mut items = Vec::with_capacity(fields.fields.len());
        for f in &fields.fields {
            let isz = f.dtype.itemsize;
            if f.shape.is_empty() {
                let x = Scalar::decode(f.dtype, &bytes[f.offset..f.offset + isz]);
                items.push(self.record_to_python(f.dtype, &x)?);
            } else {
                // NumPy leaves a subarray field as an array inside the tuple
                let count: usize = f.shape.iter().product();
                let sub = NdArray::zeros(&self.ctx, &f.shape, f.dtype, Order::C)?;
                sub.buffer().bytes_mut()?[..count * isz]
                    .copy_from_slice(&bytes[f.offset..f.offset + count * isz]);
                items.push(Value::Array(sub));
            }
        }
        Ok(self.new_tuple(items))
    }
}

/// The view `a[name]` gives: same buffer, offset + the field's, `a`'s strides, then the
/// subarray's own C-order axes.
pub(crate) fn field_view(it: &Interp, a: &Rc<NdArray>, f: &Field) -> Rc<NdArray> {
    let mut layout = a.layout().clone();
    layout.offset_bytes += f.offset as isize;
    let sub = Layout::contiguous(&f.shape, f.dtype.itemsize, Order::C);
    layout.shape.extend_from_slice(&f.shape);
    layout.strides.extend_from_slice(&sub.strides);
    a.view_with(&it.ctx, f.dtype, layout)
}
