//! Properties of arrays, NumPy scalars, dtypes and `flags` (the memory facts: `shape`,
//! `strides`, `base`, `__array_interface__`...) and the conversions array methods share
//! (`order=`, axes, elements to Python objects).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::Base;
use crate::runtime::array::normalize_axis;
use crate::runtime::{DType, Kind, NdArray, OrderArg, Scalar};

/// The flags object's type as NumPy names it.
pub const FLAGS_TYPE: &str = "numpy._core.multiarray.flagsobj";

/// The properties of `ndarray` (`ctypes` and `flat` are rows of `memory` and `iterators`).
pub const NDARRAY_ROWS: &[Row] = &[
    Row::attr("ndarray.shape", array_property).returns("tuple"),
    Row::attr("ndarray.strides", array_property).returns("tuple"),
    Row::attr("ndarray.dtype", array_property).returns("dtype"),
    Row::attr("ndarray.itemsize", array_property).returns("int"),
    Row::attr("ndarray.nbytes", array_property).returns("int"),
    Row::attr("ndarray.size", array_property).returns("int"),
    Row::attr("ndarray.ndim", array_property).returns("int"),
    Row::attr("ndarray.base", array_property).returns("ndarray"),
    Row::attr("ndarray.flags", array_property).returns("flagsobj"),
    Row::attr("ndarray.T", array_property).returns("ndarray"),
    Row::attr("ndarray.__array_interface__", array_property).returns("dict"),
    Row::attr("ndarray.real", array_property).returns("ndarray"),
    Row::attr("ndarray.imag", array_property).returns("ndarray"),
    Row::attr("ndarray.data", array_property),
];

/// The properties of `generic`, NumPy's scalar base class.
pub const GENERIC_ROWS: &[Row] = &[
    Row::attr("generic.dtype", scalar_property).returns("dtype"),
    Row::attr("generic.itemsize", scalar_property).returns("int"),
    Row::attr("generic.nbytes", scalar_property).returns("int"),
    Row::attr("generic.size", scalar_property).returns("int"),
    Row::attr("generic.ndim", scalar_property).returns("int"),
    Row::attr("generic.shape", scalar_property).returns("tuple"),
    Row::attr("generic.strides", scalar_property).returns("tuple"),
    Row::attr("generic.base", scalar_property),
    Row::attr("generic.T", scalar_property).returns("generic"),
    Row::attr("generic.real", scalar_property).returns("generic"),
    Row::attr("generic.imag", scalar_property).returns("generic"),
    Row::attr("generic.__array_interface__", scalar_property).returns("dict"),
    Row::attr("generic.flags", scalar_property).returns("flagsobj"),
];

/// The properties of `dtype` (a structured dtype's `names`, `fields`... are `records`').
pub const DTYPE_ROWS: &[Row] = &[
    Row::attr("dtype.str", dtype_property).returns("str"),
    Row::attr("dtype.name", dtype_property).returns("str"),
    Row::attr("dtype.itemsize", dtype_property).returns("int"),
    Row::attr("dtype.alignment", dtype_property).returns("int"),
    Row::attr("dtype.isalignedstruct", dtype_property).returns("bool"),
    Row::attr("dtype.kind", dtype_property).returns("str"),
    Row::attr("dtype.char", dtype_property).returns("str"),
    Row::attr("dtype.byteorder", dtype_property).returns("str"),
    Row::attr("dtype.isnative", dtype_property).returns("bool"),
    Row::attr("dtype.type", dtype_property),
    Row::attr("dtype.descr", dtype_property).returns("list"),
    Row::attr("dtype.shape", dtype_property).returns("tuple"),
    Row::attr("dtype.ndim", dtype_property).returns("int"),
    Row::attr("dtype.names", dtype_property),
    Row::attr("dtype.fields", dtype_property),
    Row::attr("dtype.subdtype", dtype_property),
    Row::attr("dtype.metadata", dtype_property),
    Row::attr("dtype.base", dtype_property).returns("dtype"),
    Row::attr("dtype.num", dtype_property).returns("int"),
];

/// The flags of an array's `flags` object.
pub const FLAGS_ROWS: &[Row] = &[
    Row::attr("flagsobj.c_contiguous", flags_property).returns("bool"),
    Row::attr("flagsobj.contiguous", flags_property).returns("bool"),
    Row::attr("flagsobj.f_contiguous", flags_property).returns("bool"),
    Row::attr("flagsobj.fortran", flags_property).returns("bool"),
    Row::attr("flagsobj.owndata", flags_property).returns("bool"),
    Row::attr("flagsobj.writeable", flags_property).returns("bool"),
    Row::attr("flagsobj.aligned", flags_property).returns("bool"),
    Row::attr("flagsobj.writebackifcopy", flags_property).returns("bool"),
    Row::attr("flagsobj.forc", flags_property).returns("bool"),
    Row::attr("flagsobj.fnc", flags_property).returns("bool"),
    Row::attr("flagsobj.behaved", flags_property).returns("bool"),
    Row::attr("flagsobj.carray", flags_property).returns("bool"),
    Row::attr("flagsobj.farray", flags_property).returns("bool"),
];

fn array_property(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Array(x) => it.array_attr(&x.clone(), &a.this, a.func),
        other => Err(PyError::no_attribute(&other.type_name(), a.func)),
    }
}

fn scalar_property(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Scalar(s) => it.scalar_attr(&s.clone(), &a.this, a.func),
        other => Err(PyError::no_attribute(&other.type_name(), a.func)),
    }
}

fn dtype_property(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::DType(d) => it.dtype_attr(&a.this, d.dtype, a.func),
        other => Err(PyError::no_attribute(&other.type_name(), a.func)),
    }
}

fn flags_property(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Flags(f) => it.flags_attr(&f.clone(), a.func),
        other => Err(PyError::no_attribute(&other.type_name(), a.func)),
    }
}

impl Interp {
    pub fn int_tuple(&mut self, xs: impl IntoIterator<Item = i128>) -> Value {
        let items = xs
            .into_iter()
            .map(|x| self.new_int(Int::from_i128(x)))
            .collect();
        self.new_tuple(items)
    }

    pub fn array_attr(&mut self, a: &Rc<NdArray>, obj: &Value, name: &str) -> PyResult<Value> {
        Ok(match name {
            "shape" => self.int_tuple(a.shape().iter().map(|&d| d as i128)),
            "strides" => self.int_tuple(a.strides().iter().map(|&s| s as i128)),
            "dtype" => self.array_dtype(a),
            "itemsize" => self.new_i64(a.itemsize() as i64),
            "nbytes" => self.new_i64(a.nbytes() as i64),
            "size" => self.new_i64(a.size() as i64),
            "ndim" => self.new_i64(a.ndim() as i64),
            "base" => self.base_value(a),
            "flags" => self.new_flags(a.clone()),
            "T" => Value::Array(a.transpose(&self.ctx, None)?),
            "__array_interface__" => self.array_interface(a, None)?,
            "real" | "imag" => return self.real_imag(a, obj, name),
            "data" => return self.new_memoryview(obj),
            _ => return Err(PyError::no_attribute("numpy.ndarray", name)),
        })
    }

    /// `a.base` as Python sees it: an array, NumPy's DummyArray, the bytes object, or the
    /// memoryview (`np.asarray(m)`).
    pub fn base_value(&self, a: &NdArray) -> Value {
        match a.base() {
            None => Value::None,
            Some(Base::Array(b)) => Value::Array(b.clone()),
            Some(Base::Foreign(f)) => {
                if let Ok(d) = f.clone().downcast::<DummyArray>() {
                    Value::Dummy(d)
                } else if let Ok(b) = f.clone().downcast::<PyBytes>() {
                    Value::Bytes(b)
                } else if let Ok(m) = f.clone().downcast::<NativeObj>() {
                    Value::Native(m)
                } else {
                    Value::None
                }
            }
        }
    }

    /// What holds `a`'s memory at the end of its chain of bases, looking through
    /// DummyArrays: the array that owns it, a bytes object (`np.frombuffer`), or `None` when
    /// `a` owns it itself.
    pub fn memory_root(&self, a: &NdArray) -> Value {
        let mut cur = self.base_value(a);
        for _ in 0..64 {
            let next = match &cur {
                Value::Array(b) => self.base_value(b),
                Value::Dummy(d) => Value::Array(d.base.clone()),
                _ => return cur,
            };
            if matches!(next, Value::None) {
                return cur;
            }
            cur = next;
        }
        cur
    }

    /// The array that owns `a`'s memory, looking through DummyArrays; `None` when `a` owns it
    /// or a bytes object does.
    pub fn memory_owner(&self, a: &NdArray) -> Option<Rc<NdArray>> {
        match self.memory_root(a) {
            Value::Array(b) if b.owns_data() => Some(b),
            _ => None,
        }
    }

    /// `__array_interface__`: numpy's dict, in numpy's key order. For a scalar, `ref` is the
    /// 0-d array numpy makes (shown as `'__ref'`).
    pub fn array_interface(
        &mut self,
        a: &Rc<NdArray>,
        scalar_ref: Option<Value>,
    ) -> PyResult<Value> {
        let data_addr = self.new_int(Int::from_u64(a.data_address()));
        let data = self.new_tuple(vec![data_addr, Value::Bool(!a.is_writeable())]);
        let strides = if a.is_c_contiguous() {
            Value::None
        } else {
            self.int_tuple(a.strides().iter().map(|&s| s as i128))
        };
        let typestr = self.new_str(a.dtype().str());
        let empty = self.new_str(String::new());
        let descr_t = self.new_tuple(vec![empty, typestr.clone()]);
        let descr = self.new_list(vec![descr_t]);
        let shape = self.int_tuple(a.shape().iter().map(|&d| d as i128));
        let version = self.new_i64(3);
        let mut items = vec![
            (self.new_str("data".into()), data),
            (self.new_str("strides".into()), strides),
            (self.new_str("descr".into()), descr),
            (self.new_str("typestr".into()), typestr),
            (self.new_str("shape".into()), shape),
            (self.new_str("version".into()), version),
        ];
        if let Some(r) = scalar_ref {
            items.push((self.new_str("__ref".into()), r));
        }
        self.new_dict(items)
    }

    pub fn scalar_attr(&mut self, s: &Rc<NpScalar>, obj: &Value, name: &str) -> PyResult<Value> {
        Ok(match name {
            "dtype" => self.new_dtype(s.dtype),
            "itemsize" | "nbytes" => self.new_i64(s.dtype.itemsize as i64),
            "size" => self.new_i64(1),
            "ndim" => self.new_i64(0),
            "shape" | "strides" => self.new_tuple(vec![]),
            "base" => Value::None,
            "T" => obj.clone(),
            "real" => match s.v {
                Scalar::Complex(r, _) => self.new_scalar(
                    DType::native(Kind::Float, s.dtype.itemsize / 2),
                    Scalar::Float(r),
                ),
                _ => obj.clone(),
            },
            "imag" => match s.v {
                Scalar::Complex(_, i) => self.new_scalar(
                    DType::native(Kind::Float, s.dtype.itemsize / 2),
                    Scalar::Float(i),
                ),
                _ => self.new_scalar(s.dtype, Scalar::Int(0)),
            },
            "__array_interface__" => {
                // numpy converts the scalar to a new 0-d array and reports that array's data
                let arr = self.scalar_to_array(s.dtype, &s.v)?;
                self.array_interface(&arr.clone(), Some(Value::Array(arr)))?
            }
            "flags" => {
                let arr = self.scalar_to_array(s.dtype, &s.v)?;
                self.new_flags(arr)
            }
            _ => {
                return Err(PyError::no_attribute(
                    &format!("numpy.{}", s.dtype.scalar_type_name()),
                    name,
                ));
            }
        })
    }

    pub fn dtype_attr(&mut self, obj: &Value, dt: DType, name: &str) -> PyResult<Value> {
        if let Some(v) = self.struct_dtype_attr(dt, name)? {
            return Ok(v);
        }
        Ok(match name {
            "str" => self.new_str(dt.str()),
            "name" => self.new_str(dt.name()),
            "itemsize" => self.new_i64(dt.itemsize as i64),
            "alignment" => self.new_i64(dt.alignment() as i64),
            "isalignedstruct" => Value::Bool(false),
            "kind" => self.new_str(dt.kind_char().to_string()),
            "char" => self.new_str(dt.char().to_string()),
            "byteorder" => self.new_str(dt.byteorder_attr().to_string()),
            "isnative" => Value::Bool(dt.is_native()),
            "type" => self
                .objects
                .type_object(super::constructors::scalar_type_kind(dt)),
            "descr" => {
                let empty = self.new_str(String::new());
                let s = self.new_str(dt.str());
                let t = self.new_tuple(vec![empty, s]);
                self.new_list(vec![t])
            }
            "shape" => self.new_tuple(vec![]),
            "ndim" => self.new_i64(0),
            "names" | "fields" | "subdtype" | "metadata" => Value::None,
            "base" => obj.clone(),
            "num" => self.new_i64(dtype_num(dt)),
            _ => {
                return Err(PyError::no_attribute(
                    &format!(
                        "numpy.dtypes.{}",
                        crate::eval::object::value::dtype_class_name(dt)
                    ),
                    name,
                ));
            }
        })
    }

    pub fn flags_attr(&mut self, f: &FlagsObj, name: &str) -> PyResult<Value> {
        let a = &f.array;
        Ok(Value::Bool(match name {
            "c_contiguous" | "contiguous" => a.is_c_contiguous(),
            "f_contiguous" | "fortran" => a.is_f_contiguous(),
            "owndata" => a.owns_data(),
            "writeable" => a.is_writeable(),
            "aligned" => a.is_aligned(),
            "writebackifcopy" => false,
            "forc" => a.is_c_contiguous() || a.is_f_contiguous(),
            "fnc" => a.is_f_contiguous() && !a.is_c_contiguous(),
            "behaved" => a.is_aligned() && a.is_writeable(),
            "carray" => a.is_aligned() && a.is_writeable() && a.is_c_contiguous(),
            "farray" => {
                a.is_aligned() && a.is_writeable() && a.is_f_contiguous() && !a.is_c_contiguous()
            }
            _ => return Err(PyError::no_attribute(FLAGS_TYPE, name)),
        }))
    }

    /// NumPy's `order=` argument (`PyArray_OrderConverter`): one letter of C, F, A, K in either
    /// case; `None` means the method's default.
    pub fn order_arg(&mut self, v: Option<Value>, default: OrderArg) -> PyResult<OrderArg> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(Value::Str(s)) => match OrderArg::parse(&s.v) {
                Some(o) => Ok(o),
                None => {
                    let r = crate::eval::text::pyrepr::str_repr(&s.v);
                    Err(PyError::order_not_understood(&r))
                }
            },
            Some(other) => Err(PyError::type_error(format!(
                "order must be str, not {}",
                other.type_name()
            ))),
        }
    }

    /// A copy of `a` in `dtype` laid out as NumPy's `NewLikeArray(a, order)`.
    pub fn copy_in_order(
        &mut self,
        a: &Rc<NdArray>,
        dtype: DType,
        order: OrderArg,
    ) -> PyResult<Rc<NdArray>> {
        a.copy_as(&self.ctx, dtype, order)
    }

    /// An axis number as given (not yet normalised): a C `long`, as NumPy reads it.
    pub fn axis_value(&mut self, v: &Value) -> PyResult<i64> {
        self.c_long(v)
    }

    /// One axis or a tuple/list of axes, as given.
    pub fn axis_list(&mut self, v: &Value) -> PyResult<Vec<i64>> {
        match v {
            Value::Tuple(_) | Value::List(_) => {
                let items = self.collect(v)?;
                items.iter().map(|x| self.axis_value(x)).collect()
            }
            one => Ok(vec![self.axis_value(one)?]),
        }
    }

    /// `axis=` argument: None, or one axis normalised against `ndim`.
    pub fn axis_arg(&mut self, v: Option<Value>, ndim: usize) -> PyResult<Option<usize>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => {
                let i = self.int_value(&v, "")?;
                normalize_axis(i.to_i64().ok_or_else(PyError::too_large_for_c_long)?, ndim)
                    .map(Some)
            }
        }
    }

    /// `a.tolist()` / `a.item()`: Python objects for elements.
    pub fn to_python(&mut self, v: &Scalar) -> Value {
        match v {
            Scalar::Bool(b) => Value::Bool(*b),
            Scalar::Int(i) => self.new_i64(*i),
            Scalar::UInt(u) => self.new_int(Int::from_u64(*u)),
            Scalar::Float(f) => self.new_float(*f),
            Scalar::Complex(r, i) => self.new_complex(*r, *i),
            Scalar::Bytes(b) | Scalar::Void(b) => self.new_bytes(b.clone()),
            Scalar::Str(s) => self.new_str(s.clone()),
        }
    }

    pub fn tolist(&mut self, a: &NdArray, index: &mut Vec<usize>) -> PyResult<Value> {
        if index.len() == a.ndim() {
            let s = a.get(index)?;
            return self.record_to_python(a.dtype(), &s);
        }
        let n = a.shape()[index.len()];
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            index.push(i);
            items.push(self.tolist(a, index)?);
            index.pop();
        }
        Ok(self.new_list(items))
    }
}

/// numpy's type numbers (`dtype.num`).
fn dtype_num(dt: DType) -> i64 {
    match (dt.kind, dt.itemsize) {
        (Kind::Bool, _) => 0,
        (Kind::Int, 1) => 1,
        (Kind::UInt, 1) => 2,
        (Kind::Int, 2) => 3,
        (Kind::UInt, 2) => 4,
        (Kind::Int, 4) => 5,
        (Kind::UInt, 4) => 6,
        (Kind::Int, _) if dt.longlong => 9,
        (Kind::UInt, _) if dt.longlong => 10,
        (Kind::Int, _) => 7,
        (Kind::UInt, _) => 8,
        (Kind::Float, 4) => 11,
        (Kind::Float, 8) => 12,
        (Kind::Complex, 8) => 14,
        (Kind::Complex, _) => 15,
        (Kind::Bytes, _) => 18,
        (Kind::Str, _) => 19,
        (Kind::Void, _) => 20,
        (Kind::Float, _) => 23,
        (Kind::Datetime, _) => 21,
        (Kind::Timedelta, _) => 22,
    }
}
