//! `obj[index]`, `obj[index] = v` and `del obj[index]` for Python containers and arrays; arrays
//! translate the index to runtime index items (basic indexing gives views, integer and boolean
//! arrays give copies).

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::as_int;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::array::Indexed;
use crate::runtime::index::IndexItem;
use crate::runtime::{DType, Kind, NdArray, Scalar, kernels};

/// An array index after classification.
pub enum ArrayIndex {
    Basic(Vec<IndexItem>),
    /// Any integer-array or boolean-array component: advanced indexing (copies).
    Advanced(Vec<AdvItem>),
}

/// NumPy's integer index (`prepare_index`): an int that fits `npy_intp` is an index; one past
/// it is tried as an array instead: up to 2**64 that is a 0-d uint64 array whose conversion
/// back to `npy_intp` overflows (`x[10**19]`), beyond it an object array, which is no index
/// (`x[2**64]`, `x[-10**19]`).
pub(crate) fn int_index_item(i: &Int) -> PyResult<IndexItem> {
    match i.to_i64() {
        Some(v) => Ok(IndexItem::Int(v as i128)),
        None if !i.is_negative() && i.bits() <= 64 => Err(PyError::too_large_for_c_long()),
        None => Err(PyError::invalid_index()),
    }
}

/// One component of an advanced index.
pub enum AdvItem {
    Basic(IndexItem),
    Array(Rc<NdArray>),
}

impl Interp {
    /// A Python index value (`__index__`): ints, bools and NumPy integer scalars.
    pub fn index_int(&self, v: &Value) -> Option<Int> {
        match v {
            Value::Int(_) | Value::Bool(_) => as_int(v),
            Value::Scalar(s) if s.dtype.is_integer() || s.dtype.kind == Kind::Bool => match s.v {
                Scalar::Int(i) => Some(Int::Small(i)),
                Scalar::UInt(u) => Some(Int::from_u64(u)),
                Scalar::Bool(b) => Some(Int::Small(b as i64)),
                _ => None,
            },
            _ => None,
        }
    }

    /// A slice bound: `None`, or an index value (`__index__`) as a saturated `i128`.
    pub fn slice_part(&self, v: &Value) -> PyResult<Option<i128>> {
        match v {
            Value::None => Ok(None),
            other => self
                .index_int(other)
                .map(|i| Some(i.to_i128_saturating()))
                .ok_or_else(PyError::slice_indices_type),
        }
    }

    /// Classifies an array index value.
    pub fn array_index(&mut self, idx: &Value) -> PyResult<ArrayIndex> {
        let parts: Vec<Value> = match idx {
            Value::Tuple(t) => t.items.clone(),
            other => vec![other.clone()],
        };
        let mut basic = Vec::with_capacity(parts.len());
        let mut adv: Vec<AdvItem> = Vec::new();
        let mut is_adv = false;
        for p in &parts {
            let item = match p {
                Value::Ellipsis => Some(IndexItem::Ellipsis),
                Value::None => Some(IndexItem::NewAxis),
                Value::Slice(s) => Some(IndexItem::Slice {
                    start: self.slice_part(&s.start)?,
                    stop: self.slice_part(&s.stop)?,
                    step: self.slice_part(&s.step)?,
                }),
                Value::Bool(_) => None,
                Value::Scalar(s) if s.dtype.kind == Kind::Bool => None,
                v => match self.index_int(v) {
                    Some(i) => Some(int_index_item(&i)?),
                    None => None,
                },
            };
            match item {
                Some(it) => {
                    adv.push(AdvItem::Basic(it.clone()));
                    basic.push(it);
                }
                None => {
                    let (arr, given_as_array) = match p {
                        Value::Array(a) => (a.clone(), true),
                        // NumPy would build an object array (ints past 64 bits, `[{}]`),
                        // which no index accepts; arrsh refuses those arrays earlier
                        // any array-like (a range too) goes through np.asarray
                        Value::List(_)
                        | Value::Tuple(_)
                        | Value::Range(_)
                        | Value::Bool(_)
                        | Value::Scalar(_) => match self.to_array(p, None) {
                            Err(e) if e.kind == ErrorKind::NotImplementedError => {
                                return Err(PyError::invalid_index());
                            }
                            r => (r?, false),
                        },
                        _ => return Err(PyError::invalid_index()),
                    };
                    if !(arr.dtype().is_integer() || arr.dtype().kind == Kind::Bool) {
                        if given_as_array {
                            return Err(PyError::index_array_not_integer());
                        }
                        if arr.size() != 0 {
                            return Err(PyError::invalid_index());
                        }
                        // numpy casts an empty list (float64 by default) to an integer index
                        let a = kernels::cast_array(
                            &self.ctx,
                            &arr,
                            DType::INT64,
                            crate::runtime::Order::C,
                        )?;
                        adv.push(AdvItem::Array(a));
                        is_adv = true;
                        continue;
                    }
                    adv.push(AdvItem::Array(arr));
                    is_adv = true;
                }
            }
        }
        Ok(if is_adv {
            ArrayIndex::Advanced(adv)
        } else {
            ArrayIndex::Basic(basic)
        })
    }

    pub fn getitem(&mut self, obj: &Value, idx: &Value) -> PyResult<Value> {
        if crate::eval::object::dunder::is_user(obj) {
            return self.user_getitem(obj, idx);
        }
        let r = self.getitem_of(obj, idx)?;
        // `recarray.__getitem__`: structures stay recarrays, other results are ndarrays
        if let (Value::Array(a), Value::Array(v)) = (obj, &r)
            && a.is_recarray()
        {
            let v = v.clone();
            return Ok(Value::Array(self.recarray_result(a, v)));
        }
        Ok(r)
    }

    fn getitem_of(&mut self, obj: &Value, idx: &Value) -> PyResult<Value> {
        match obj {
            Value::Array(a) if a.dtype().fields().is_some() => {
                if let Some(v) = self.record_view(a, idx)? {
                    return Ok(Value::Array(v));
                }
                match self.array_index(idx)? {
                    ArrayIndex::Basic(items) => {
                        let r = crate::runtime::index::apply_basic(&a.layout(), &items)?;
                        if r.is_element {
                            return self.void_element(a, r.layout.offset_bytes as usize);
                        }
                        Ok(Value::Array(a.view_with(&self.ctx, a.dtype(), r.layout)))
                    }
                    ArrayIndex::Advanced(items) => self.advanced_get(a, &items),
                }
            }
            Value::Array(a) => match self.array_index(idx)? {
                ArrayIndex::Basic(items) => match a.index_basic(&self.ctx, &items)? {
                    Indexed::Element(v) => Ok(self.element_scalar(a.dtype(), v)),
                    Indexed::View(v) => Ok(Value::Array(v)),
                },
                ArrayIndex::Advanced(items) => self.advanced_get(a, &items),
            },
            Value::DType(d) => self.struct_dtype_getitem(d.dtype, idx),
            Value::Scalar(s) if matches!(s.v, Scalar::Void(_)) => {
                match self.void_getitem(s, idx)? {
                    Some(v) => Ok(v),
                    None => Err(PyError::invalid_scalar_index()),
                }
            }
            // np.str_ and np.bytes_ subclass str and bytes, so they index like them
            Value::Scalar(s) if matches!(s.v, Scalar::Str(_) | Scalar::Bytes(_)) => {
                let text = match &s.v {
                    Scalar::Str(t) => self.new_str(t.clone()),
                    Scalar::Bytes(b) => self.new_bytes(b.clone()),
                    _ => return Err(PyError::invalid_scalar_index()),
                };
                self.seq_getitem(&text, idx)
            }
            Value::Scalar(s) => match idx {
                Value::Tuple(t) if t.items.is_empty() => Ok(obj.clone()),
                Value::Ellipsis => {
                    let a = self.scalar_to_array(s.dtype, &s.v)?;
                    Ok(Value::Array(a))
                }
                _ => Err(PyError::invalid_scalar_index()),
            },
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_) => self.seq_getitem(obj, idx),
            Value::Dict(d) => match self.dict_get(d, idx)? {
                Some(v) => Ok(v),
                None if d.flavor.is_some() => {
                    crate::eval::modules::collections::missing(self, d, idx)
                }
                None => Err(self.missing_key(idx)?),
            },
            Value::Flags(f) => self.flags_get(f, idx),
            Value::Native(n) if n.slots.getitem.is_some() => {
                let f = n.slots.getitem.expect("the match guard saw Some");
                f(self, obj, idx)
            }
            Value::Type(_) => Ok(obj.clone()), // list[int]-style generic aliases
            other => Err(PyError::not_subscriptable(&other.type_name())),
        }
    }

    /// The `pos`-th item along axis 0 (iteration): a new scalar for 1-d arrays, a view otherwise.
    pub fn array_axis0_item(&mut self, a: &Rc<NdArray>, pos: usize) -> PyResult<Value> {
        // a 1-d array's element is read straight from its bytes (a loop over an array)
        let one_d = {
            let l = a.layout();
            (l.shape.len() == 1 && pos < l.shape[0])
                .then(|| l.offset_bytes + pos as isize * l.strides[0])
        };
        if let Some(offset) = one_d
            && let Ok(offset) = usize::try_from(offset)
        {
            let v = a.element_at(offset)?;
            return Ok(self.element_scalar(a.dtype(), v));
        }
        match a.index_basic(&self.ctx, &[IndexItem::Int(pos as i128)])? {
            Indexed::Element(v) => Ok(self.element_scalar(a.dtype(), v)),
            Indexed::View(v) => Ok(Value::Array(v)),
        }
    }

    /// The NumPy scalar for one element of an array of `dtype`. A bytes or str element is a
    /// `np.bytes_`/`np.str_` as long as its text without trailing NULs, so its dtype is sized to
    /// that (`np.array([b'ab'], 'S3')[0].dtype` is `S2`).
    pub fn element_scalar(&mut self, dtype: DType, v: Scalar) -> Value {
        let dtype = match (&v, dtype.kind) {
            (Scalar::Bytes(b), Kind::Bytes) => DType::bytes(b.len()),
            (Scalar::Str(s), Kind::Str) => DType::unicode(s.chars().count()),
            _ => dtype,
        };
        self.new_scalar(dtype, v)
    }

    pub fn setitem(&mut self, obj: &Value, idx: &Value, v: Value) -> PyResult<()> {
        if crate::eval::object::dunder::is_user(obj) {
            return self.user_setitem(obj, idx, v);
        }
        match obj {
            Value::Scalar(s) if matches!(s.v, Scalar::Void(_)) => {
                if self.void_setitem(s, idx, &v)? {
                    return Ok(());
                }
                Err(PyError::type_error(
                    "'numpy.void' object does not support item assignment",
                ))
            }
            Value::Array(a) => {
                if !a.is_writeable() {
                    return Err(PyError::read_only_destination());
                }
                if let Some(field) = self.record_view(a, idx)? {
                    return self.assign_into(&field, &v);
                }
                match self.array_index(idx)? {
                    ArrayIndex::Basic(items) => {
                        let r = crate::runtime::index::apply_basic(&a.layout(), &items)?;
                        if r.is_element {
                            let s = self.value_to_element(&v, a.dtype())?;
                            let at = r.layout.offset_bytes as usize;
                            return kernels::store_element(&self.ctx, a, at, &s);
                        }
                        let target = a.view_with(&self.ctx, a.dtype(), r.layout);
                        self.assign_into(&target, &v)
                    }
                    ArrayIndex::Advanced(items) => self.advanced_set(a, &items, &v),
                }
            }
            // Python's list is in `sequences` (with CPython's resizing)
            Value::List(l) => self.list_setitem(l, idx, v),
            Value::Dict(d) => self.dict_set(d, idx.clone(), v),
            Value::Native(n) if n.slots.setitem.is_some() => {
                let f = n.slots.setitem.expect("the match guard saw Some");
                f(self, obj, idx, v)
            }
            other => Err(PyError::type_error(format!(
                "'{}' object does not support item assignment",
                other.type_name()
            ))),
        }
    }

    /// `target[...] = v`: broadcasting an array-like or filling with a scalar.
    pub fn assign_into(&mut self, target: &Rc<NdArray>, v: &Value) -> PyResult<()> {
        if target.dtype().fields().is_some() && !matches!(v, Value::Array(_) | Value::List(_)) {
            let s = self.record_from_tuple(target.dtype(), v)?;
            return kernels::fill(&self.ctx, target, &s);
        }
        match v {
            Value::Array(src) => kernels::assign(&self.ctx, target, src),
            Value::Int(_)
            | Value::Bool(_)
            | Value::Float(_)
            | Value::Complex(_)
            | Value::Scalar(_)
            | Value::Str(_)
            | Value::Bytes(_) => {
                let s = self.value_to_element(v, target.dtype())?;
                kernels::fill(&self.ctx, target, &s)
            }
            _ => {
                let src = self.to_array(v, None)?;
                // NumPy converts a list's items one by one to the target's type, so a Python
                // complex going into a real array fails as `x[1] = 1.2j` does (an array of
                // complex values would be cast, with a ComplexWarning)
                if src.dtype().kind == Kind::Complex
                    && target.dtype().kind != Kind::Complex
                    && target.dtype().is_numeric()
                    && let Some(z) = first_python_complex(self, v)?
                {
                    self.value_to_element(&z, target.dtype())?;
                }
                kernels::assign(&self.ctx, target, &src)
            }
        }
    }

    pub fn delitem(&mut self, obj: &Value, idx: &Value) -> PyResult<()> {
        if crate::eval::object::dunder::is_user(obj) {
            return self.user_delitem(obj, idx);
        }
        match obj {
            // Python's list and dict are in `sequences` and `dictobj`
            Value::List(l) => self.list_delitem(l, idx),
            Value::Dict(d) => self.dict_delitem(d, idx).map(|_| ()),
            Value::Array(_) => Err(PyError::value("cannot delete array elements")),
            Value::Native(_) if crate::eval::object::bytearray::is_bytearray(obj) => {
                self.bytearray_delitem(obj, idx)
            }
            other => Err(PyError::type_error(format!(
                "'{}' object doesn't support item deletion",
                other.type_name()
            ))),
        }
    }

    fn flags_get(&mut self, f: &FlagsObj, idx: &Value) -> PyResult<Value> {
        let Value::Str(key) = idx else {
            return Err(PyError::key_error("Unknown flag"));
        };
        let a = &f.array;
        let v = match key.v.as_str() {
            "C_CONTIGUOUS" | "C" | "CONTIGUOUS" => a.is_c_contiguous(),
            "F_CONTIGUOUS" | "F" | "FORTRAN" => a.is_f_contiguous(),
            "OWNDATA" | "O" => a.owns_data(),
            "WRITEABLE" | "W" => a.is_writeable(),
            "ALIGNED" | "A" => a.is_aligned(),
            "WRITEBACKIFCOPY" | "X" => false,
            "FNC" => a.is_f_contiguous() && !a.is_c_contiguous(),
            "FORC" => a.is_f_contiguous() || a.is_c_contiguous(),
            "BEHAVED" | "B" => a.is_aligned() && a.is_writeable(),
            "CARRAY" | "CA" => a.is_aligned() && a.is_writeable() && a.is_c_contiguous(),
            "FARRAY" | "FA" => {
                a.is_aligned() && a.is_writeable() && a.is_f_contiguous() && !a.is_c_contiguous()
            }
            _ => return Err(PyError::key_error("'Unknown flag'")),
        };
        Ok(Value::Bool(v))
    }

    /// A value converted to one element of `dtype` for assignment, with NumPy 2's refusal of
    /// out-of-range Python ints and Python's conversions of strings.
    pub fn value_to_element(&mut self, v: &Value, dtype: DType) -> PyResult<Scalar> {
        if dtype.fields().is_some() {
            return self.record_from_tuple(dtype, v);
        }
        if dtype.is_time() {
            return self.value_to_time_element(v, dtype);
        }
        Ok(match v {
            Value::Bool(b) => Scalar::Bool(*b),
            Value::Int(i) => {
                if dtype.is_integer() {
                    let (lo, hi) = dtype.int_range();
                    let x = i.v.to_i128_saturating();
                    if x < lo || x > hi {
                        return Err(PyError::python_int_out_of_bounds(
                            &i.v.to_string_checked()?,
                            &dtype.name(),
                        ));
                    }
                    if dtype.kind == Kind::UInt {
                        Scalar::UInt(x as u64)
                    } else {
                        Scalar::Int(x as i64)
                    }
                } else if dtype.is_flexible() {
                    Scalar::Str(i.v.to_string_checked()?)
                } else {
                    match i.v.to_i64() {
                        Some(x) => Scalar::Int(x),
                        None => Scalar::Float(i.v.to_f64()?),
                    }
                }
            }
            Value::Float(f) => {
                if dtype.is_integer() {
                    if f.v.is_nan() {
                        return Err(PyError::value("cannot convert float NaN to integer"));
                    }
                    if f.v.is_infinite() {
                        return Err(PyError::overflow(
                            "cannot convert float infinity to integer",
                        ));
                    }
                }
                Scalar::Float(f.v)
            }
            // NumPy converts a Python complex with int()/float(), which refuse it
            Value::Complex(_) if dtype.is_integer() => {
                return Err(PyError::type_error(
                    "int() argument must be a string, a bytes-like object or a real number, not 'complex'",
                ));
            }
            Value::Complex(_) if dtype.kind == Kind::Float => {
                return Err(PyError::type_error(
                    "float() argument must be a string or a real number, not 'complex'",
                ));
            }
            Value::Complex(c) => Scalar::Complex(c.re, c.im),
            Value::Scalar(s) => s.v.clone(),
            Value::Str(s) => {
                if dtype.is_flexible() {
                    Scalar::Str(s.v.clone())
                } else if dtype.is_integer() {
                    match s.v.trim().parse::<i64>() {
                        Ok(x) => Scalar::Int(x),
                        Err(_) => {
                            return Err(PyError::value(format!(
                                "invalid literal for int() with base 10: {}",
                                crate::eval::text::pyrepr::str_repr(&s.v)
                            )));
                        }
                    }
                } else {
                    match s.v.trim().parse::<f64>() {
                        Ok(x) => Scalar::Float(x),
                        Err(_) => {
                            return Err(PyError::value(format!(
                                "could not convert string to float: {}",
                                crate::eval::text::pyrepr::str_repr(&s.v)
                            )));
                        }
                    }
                }
            }
            Value::Bytes(b) => Scalar::Bytes(b.v.clone()),
            Value::Array(a) if a.size() == 1 => a.item().ok_or_else(PyError::invalid_index)??,
            Value::Array(_) => {
                return Err(PyError::value("setting an array element with a sequence."));
            }
            Value::List(_) | Value::Tuple(_) => {
                return Err(PyError::value("setting an array element with a sequence."));
            }
            Value::None if dtype.is_numeric() && !dtype.is_integer() => Scalar::Float(f64::NAN),
            other => {
                return Err(PyError::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    other.type_name()
                )));
            }
        })
    }
}

/// The first Python `complex` inside nested lists and tuples, in order.
fn first_python_complex(it: &mut Interp, v: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Complex(_) => Ok(Some(v.clone())),
        Value::List(_) | Value::Tuple(_) => {
            for x in it.collect(v)? {
                if let Some(z) = first_python_complex(it, &x)? {
                    return Ok(Some(z));
                }
            }
            Ok(None)
        }
        _ => Ok(None),
    }
}
