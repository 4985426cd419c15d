//! Attributes and methods of arrays, NumPy scalars, dtypes and `flags`: the memory facts
//! (`shape`, `strides`, `base`, `__array_interface__`...) and the array methods lessons use.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::builtins::args::Args;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::Base;
use crate::runtime::array::normalize_axis;
use crate::runtime::kernels::{self, ReduceOp};
use crate::runtime::{DType, Kind, NdArray, OrderArg, Scalar};

/// The methods of `ndarray` (their bodies still parse their own arguments).
pub const NDARRAY_ROWS: &[Row] = &[
    Row::own_method("ndarray.view", "(*args, **kwargs)", array_method),
    Row::own_method("ndarray.copy", "(order='C')", array_method),
    Row::own_method(
        "ndarray.reshape",
        "(*shape, order='C', copy=None)",
        array_method,
    ),
    Row::own_method("ndarray.ravel", "(order='C')", array_method),
    Row::own_method("ndarray.flatten", "(order='C')", array_method),
    Row::own_method("ndarray.transpose", "(*axes)", array_method),
    Row::own_method(
        "ndarray.astype",
        "(dtype, order='K', casting='unsafe', subok=True, copy=True)",
        array_method,
    ),
    Row::own_method(
        "ndarray.sum",
        "(axis=None, dtype=None, out=None, **kwargs)",
        array_method,
    ),
    Row::own_method(
        "ndarray.min",
        "(axis=None, out=None, **kwargs)",
        array_method,
    ),
    Row::own_method(
        "ndarray.max",
        "(axis=None, out=None, **kwargs)",
        array_method,
    ),
    Row::own_method(
        "ndarray.mean",
        "(axis=None, dtype=None, out=None, **kwargs)",
        array_method,
    ),
    Row::own_method(
        "ndarray.prod",
        "(axis=None, dtype=None, out=None, **kwargs)",
        array_method,
    ),
    Row::own_method(
        "ndarray.argmin",
        "(axis=None, out=None, *, keepdims=False)",
        array_method,
    ),
    Row::own_method(
        "ndarray.argmax",
        "(axis=None, out=None, *, keepdims=False)",
        array_method,
    ),
    Row::own_method("ndarray.fill", "(value)", array_method),
    Row::own_method("ndarray.tolist", "()", array_method),
    Row::own_method("ndarray.item", "(*args)", array_method),
    Row::own_method("ndarray.tobytes", "(order='C')", array_method),
    Row::own_method(
        "ndarray.any",
        "(axis=None, out=None, keepdims=False, *, where=True)",
        array_method,
    ),
    Row::own_method(
        "ndarray.all",
        "(axis=None, out=None, keepdims=False, *, where=True)",
        array_method,
    ),
    Row::own_method(
        "ndarray.cumsum",
        "(axis=None, dtype=None, out=None)",
        array_method,
    ),
    Row::own_method(
        "ndarray.cumprod",
        "(axis=None, dtype=None, out=None)",
        array_method,
    ),
    Row::own_method("ndarray.byteswap", "(inplace=False)", array_method),
    Row::own_method("ndarray.conjugate", "()", array_method),
    Row::own_method("ndarray.conj", "()", array_method),
    Row::own_method("ndarray.swapaxes", "(axis1, axis2, /)", array_method),
    Row::own_method("ndarray.squeeze", "(axis=None)", array_method),
    Row::own_method("ndarray.dot", "(other, /, out=None)", array_method),
    Row::own_method("ndarray.nonzero", "()", array_method),
    Row::own_method("ndarray.round", "(decimals=0, out=None)", array_method),
    Row::own_method(
        "ndarray.clip",
        "(min=None, max=None, out=None, **kwargs)",
        array_method,
    ),
    Row::own_method(
        "ndarray.std",
        "(axis=None, dtype=None, out=None, ddof=0, **kwargs)",
        array_method,
    ),
    Row::own_method(
        "ndarray.var",
        "(axis=None, dtype=None, out=None, ddof=0, **kwargs)",
        array_method,
    ),
    Row::wrapper("ndarray.__len__", "()", array_len),
    Row::wrapper("ndarray.__getitem__", "(key, /)", array_getitem),
    Row::own_method(
        "ndarray.__array__",
        "(dtype=None, /, *, copy=None)",
        array_method,
    ),
];

/// The methods of `generic` (their bodies still parse their own arguments).
pub const GENERIC_ROWS: &[Row] = &[
    Row::own_method("generic.item", "(*args)", scalar_method),
    Row::own_method("generic.tolist", "()", scalar_method),
    Row::own_method(
        "generic.astype",
        "(dtype, order='K', casting='unsafe', subok=True, copy=True)",
        scalar_method,
    ),
    Row::own_method("generic.view", "(*args, **kwargs)", scalar_method),
    Row::own_method("generic.copy", "(order='C')", scalar_method),
    Row::own_method(
        "generic.reshape",
        "(*shape, order='C', copy=None)",
        scalar_method,
    ),
    Row::own_method(
        "generic.sum",
        "(axis=None, dtype=None, out=None, **kwargs)",
        scalar_method,
    ),
    Row::own_method(
        "generic.min",
        "(axis=None, out=None, **kwargs)",
        scalar_method,
    ),
    Row::own_method(
        "generic.max",
        "(axis=None, out=None, **kwargs)",
        scalar_method,
    ),
    Row::own_method(
        "generic.mean",
        "(axis=None, dtype=None, out=None, **kwargs)",
        scalar_method,
    ),
    Row::own_method(
        "generic.prod",
        "(axis=None, dtype=None, out=None, **kwargs)",
        scalar_method,
    ),
    Row::own_method("generic.round", "(decimals=0, out=None)", scalar_method),
    Row::own_method("generic.tobytes", "(order='C')", scalar_method),
    Row::own_method("generic.fill", "(value)", scalar_method),
    Row::own_method("generic.ravel", "(order='C')", scalar_method),
    Row::own_method("generic.flatten", "(order='C')", scalar_method),
    Row::own_method("generic.conjugate", "()", scalar_method),
    Row::own_method("generic.transpose", "(*axes)", scalar_method),
    Row::own_method(
        "generic.argmin",
        "(axis=None, out=None, *, keepdims=False)",
        scalar_method,
    ),
    Row::own_method(
        "generic.argmax",
        "(axis=None, out=None, *, keepdims=False)",
        scalar_method,
    ),
    Row::own_method(
        "generic.any",
        "(axis=None, out=None, keepdims=False, *, where=True)",
        scalar_method,
    ),
    Row::own_method(
        "generic.all",
        "(axis=None, out=None, keepdims=False, *, where=True)",
        scalar_method,
    ),
    Row::own_method(
        "generic.cumsum",
        "(axis=None, dtype=None, out=None)",
        scalar_method,
    ),
    Row::own_method(
        "generic.cumprod",
        "(axis=None, dtype=None, out=None)",
        scalar_method,
    ),
    Row::own_method("generic.byteswap", "(inplace=False)", scalar_method),
    Row::own_method("generic.conj", "()", scalar_method),
    Row::own_method("generic.swapaxes", "(axis1, axis2, /)", scalar_method),
    Row::own_method("generic.squeeze", "(axis=None)", scalar_method),
    Row::own_method("generic.nonzero", "()", scalar_method),
    Row::own_method(
        "generic.clip",
        "(min=None, max=None, out=None, **kwargs)",
        scalar_method,
    ),
    Row::own_method(
        "generic.std",
        "(axis=None, dtype=None, out=None, ddof=0, **kwargs)",
        scalar_method,
    ),
    Row::own_method(
        "generic.var",
        "(axis=None, dtype=None, out=None, ddof=0, **kwargs)",
        scalar_method,
    ),
];

/// The methods NumPy's abstract `integer` and `floating` scalar classes add.
pub const SCALAR_CLASS_ROWS: &[Row] = &[
    Row::own_method("integer.is_integer", "()", scalar_method),
    Row::wrapper("integer.__index__", "()", scalar_index),
    Row::own_method("floating.is_integer", "()", scalar_method),
];

/// `dtype.newbyteorder`.
pub const DTYPE_ROWS: &[Row] = &[Row::own_method(
    "dtype.newbyteorder",
    "(new_order='S', /)",
    newbyteorder,
)];

fn array_method(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Array(arr) => {
            let arr = arr.clone();
            it.call_array_method(&a.this, &arr, a.func, a.star, a.kwargs)
        }
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.ndarray",
            &other.type_name(),
        )),
    }
}

fn scalar_method(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Scalar(s) => {
            let s = s.clone();
            it.call_scalar_method(&a.this, &s, a.func, a.star, a.kwargs)
        }
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.generic",
            &other.type_name(),
        )),
    }
}

fn this_array(a: &Bound) -> PyResult<Rc<NdArray>> {
    match &a.this {
        Value::Array(arr) => Ok(arr.clone()),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.ndarray",
            &other.type_name(),
        )),
    }
}

fn array_len(it: &mut Interp, a: Bound) -> PyResult<Value> {
    this_array(&a)?;
    let n = it.len_of(&a.this)?;
    Ok(it.new_i64(n as i64))
}

fn array_getitem(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    this_array(&a)?;
    let key = a.req("key")?;
    it.getitem(&a.this, &key)
}

/// `np.int64(3).__index__()`: the Python int (NumPy's `integer` class only has it).
fn scalar_index(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::Scalar(_) => {
            let i = it.int_value(&a.this, "")?;
            Ok(it.new_int(i))
        }
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.integer",
            &other.type_name(),
        )),
    }
}

fn newbyteorder(it: &mut Interp, a: Bound) -> PyResult<Value> {
    match &a.this {
        Value::DType(d) => it.dtype_newbyteorder(d.dtype, a.star, a.kwargs),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "numpy.dtype",
            &other.type_name(),
        )),
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
            _ => return Err(PyError::no_attribute("numpy.flagsobj", name)),
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

    pub fn call_array_method(
        &mut self,
        obj: &Value,
        a: &Rc<NdArray>,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        match name {
            "sum" => return self.reduce_array(a, ReduceOp::Sum, args, kw, name),
            "prod" => return self.reduce_array(a, ReduceOp::Prod, args, kw, name),
            "min" => return self.reduce_array(a, ReduceOp::Min, args, kw, name),
            "max" => return self.reduce_array(a, ReduceOp::Max, args, kw, name),
            "mean" => return self.mean_array(a, args, kw),
            "std" | "var" => return self.var_array(a, name, args, kw),
            "round" => {
                let mut p = Args::new(name, args, kw);
                let d = p.opt(0, "decimals")?;
                let out = p.opt(1, "out")?;
                p.finish()?;
                Self::refuse_out(&out, name)?;
                let decimals = match d {
                    Some(v) => self.c_int_value(&v)? as i64,
                    None => 0,
                };
                let r = self.round_array(a, decimals)?;
                return self.wrap_result(r);
            }
            "clip" => {
                let mut p = Args::new(name, args, kw);
                let lo = p.opt(0, "min")?;
                let hi = p.opt(1, "max")?;
                let out = p.opt(2, "out")?;
                p.finish()?;
                Self::refuse_out(&out, name)?;
                return self.clip_values(&Value::Array(a.clone()), lo, hi);
            }
            "argmin" | "argmax" => return self.arg_reduce_array(a, name, args, kw),
            "any" | "all" => return self.any_all_array(a, name, args, kw),
            "cumsum" | "cumprod" => return self.accumulate_array(a, name, args, kw),
            "byteswap" => return self.byteswap_array(a, args, kw),
            "conjugate" | "conj" => {
                Args::new(name, args, kw).finish()?;
                if a.dtype().kind != Kind::Complex {
                    return Ok(obj.clone());
                }
                return self.numpy_unary("conjugate", a);
            }
            _ => {}
        }
        let mut p = Args::new(name, args, kw);
        let r = match name {
            "view" => {
                let dt = p.opt(0, "dtype")?;
                let ty = p.opt(1, "type")?;
                p.finish()?;
                return self.array_view_method(a, dt, ty);
            }
            "copy" => {
                let order = p.opt(0, "order")?;
                p.finish()?;
                let o = self.order_arg(order, OrderArg::C)?;
                // a copy keeps its class (`r.copy()` is a recarray)
                let c = self.copy_in_order(a, a.dtype(), o)?;
                Value::Array(c.set_class(a.class()))
            }
            "astype" => {
                let dt = p.req(0, "dtype")?;
                let order = p.opt(1, "order")?;
                let _casting = p.opt(2, "casting")?;
                let _subok = p.opt(3, "subok")?;
                let copy = p.opt(4, "copy")?;
                p.finish()?;
                let dt = self.to_dtype(&dt)?;
                let dt = if dt.is_flexible() && dt.itemsize == 0 {
                    flexible_size_for(a.dtype(), dt)
                } else {
                    dt
                };
                let copy = match copy {
                    Some(c) => self.truthy(&c)?,
                    None => true,
                };
                let o = self.order_arg(order, OrderArg::K)?;
                // PyArray_AsType: no copy when allowed, the dtype is the same and the layout
                // already satisfies the order
                let layout_ok = match o {
                    OrderArg::K => true,
                    OrderArg::A => a.is_c_contiguous() || a.is_f_contiguous(),
                    OrderArg::C => a.is_c_contiguous(),
                    OrderArg::F => a.is_f_contiguous(),
                };
                if !copy && dt == a.dtype() && layout_ok {
                    return Ok(obj.clone());
                }
                Value::Array(self.copy_in_order(a, dt, o)?)
            }
            "reshape" => {
                let order = p.kw_only("order");
                let _copy = p.kw_only("copy");
                let rest = p.rest(0);
                p.finish()?;
                let shape = self.shape_from_args(&rest)?;
                let o = self.order_arg(order, OrderArg::C)?;
                Value::Array(a.reshape(&self.ctx, &shape, o)?)
            }
            "ravel" | "flatten" => {
                let order = p.opt(0, "order")?;
                p.finish()?;
                let o = self.order_arg(order, OrderArg::C)?;
                if name == "flatten" {
                    Value::Array(a.flatten(&self.ctx, o)?)
                } else {
                    Value::Array(a.ravel(&self.ctx, o)?)
                }
            }
            "transpose" => {
                let rest = p.rest(0);
                p.finish()?;
                let axes = match rest.as_slice() {
                    [] => None,
                    [Value::None] => None,
                    [one] if !matches!(one, Value::Int(_) | Value::Scalar(_)) => {
                        Some(self.to_shape(one)?)
                    }
                    many => Some(self.shape_from_args(many)?),
                };
                let axes: Option<Vec<i64>> =
                    axes.map(|v| v.into_iter().map(|x| x as i64).collect());
                Value::Array(a.transpose(&self.ctx, axes.as_deref())?)
            }
            "swapaxes" => {
                let x = p.req(0, "axis1")?;
                let y = p.req(1, "axis2")?;
                p.finish()?;
                let x = self.axis_value(&x)?;
                let y = self.axis_value(&y)?;
                let nd = a.ndim();
                let x = normalize_axis(x, nd)
                    .map_err(|_| PyError::axis_out_of_bounds_named("axis1", x, nd))?;
                let y = normalize_axis(y, nd)
                    .map_err(|_| PyError::axis_out_of_bounds_named("axis2", y, nd))?;
                let mut perm: Vec<i64> = (0..nd as i64).collect();
                perm.swap(x, y);
                Value::Array(a.transpose(&self.ctx, Some(&perm))?)
            }
            "squeeze" => {
                let axis = p.opt(0, "axis")?;
                p.finish()?;
                let axes = match axis {
                    None | Some(Value::None) => None,
                    Some(v) => Some(self.axis_list(&v)?),
                };
                match a.squeeze(&self.ctx, axes.as_deref())? {
                    Some(v) => Value::Array(v),
                    None => obj.clone(), // nothing to squeeze: numpy returns the array itself
                }
            }
            "fill" => {
                let v = p.req(0, "value")?;
                p.finish()?;
                let s = self.value_to_element(&v, a.dtype())?;
                kernels::fill(&self.ctx, a, &s)?;
                Value::None
            }
            "tolist" => {
                p.finish()?;
                self.tolist(a, &mut Vec::new())?
            }
            "item" => {
                let rest = p.rest(0);
                p.finish()?;
                let s = match rest.as_slice() {
                    [] => a.item().ok_or_else(|| {
                        PyError::value("can only convert an array of size 1 to a Python scalar")
                    })??,
                    [i] => {
                        let k = self.int_value(i, "")?.to_i128_saturating();
                        let n = a.size() as i128;
                        let k = if k < 0 { k + n } else { k };
                        if k < 0 || k >= n {
                            return Err(PyError::index(format!(
                                "index {} is out of bounds for size {n}",
                                self.int_value(i, "")?.to_i128_saturating()
                            )));
                        }
                        let mut idx = vec![0usize; a.ndim()];
                        let mut rem = k as usize;
                        for ax in (0..a.ndim()).rev() {
                            idx[ax] = rem % a.shape()[ax];
                            rem /= a.shape()[ax];
                        }
                        a.get(&idx)?
                    }
                    many => {
                        let idx: Vec<crate::runtime::index::IndexItem> = many
                            .iter()
                            .map(|v| {
                                self.int_value(v, "").map(|i| {
                                    crate::runtime::index::IndexItem::Int(i.to_i128_saturating())
                                })
                            })
                            .collect::<PyResult<_>>()?;
                        match a.index_basic(&self.ctx, &idx)? {
                            crate::runtime::array::Indexed::Element(s) => s,
                            _ => {
                                return Err(PyError::value(
                                    "incorrect number of indices for array",
                                ));
                            }
                        }
                    }
                };
                self.record_to_python(a.dtype(), &s)?
            }
            "tobytes" => {
                let order = p.opt(0, "order")?;
                p.finish()?;
                // PyArray_ToString: 'A' is F for a Fortran-ordered array; 'K' means C
                let o = match self.order_arg(order, OrderArg::C)? {
                    OrderArg::A if a.layout().is_fortran(a.itemsize()) => OrderArg::F,
                    OrderArg::F => OrderArg::F,
                    _ => OrderArg::C,
                };
                let c = a.flatten(&self.ctx, o)?;
                let bytes = c.buffer().bytes()?[..c.nbytes()].to_vec();
                self.new_bytes(bytes)
            }
            "dot" => {
                let other = p.req(0, "b")?;
                p.finish()?;
                self.dot_values(obj, &other)?
            }
            "nonzero" => {
                p.finish()?;
                return self.call_numpy("numpy.nonzero", vec![obj.clone()], vec![]);
            }
            "__array__" => {
                p.finish()?;
                obj.clone()
            }
            other => return Err(PyError::no_attribute("numpy.ndarray", other)),
        };
        Ok(r)
    }

    /// `reshape(2, 3)`, `reshape((2, 3))`, `reshape([2, 3])`.
    pub fn shape_from_args(&mut self, rest: &[Value]) -> PyResult<Vec<i128>> {
        match rest {
            [] => Err(PyError::type_error(
                "reshape() takes exactly 1 argument (0 given)",
            )),
            [one @ (Value::Tuple(_) | Value::List(_))] => self.to_shape(one),
            [one] => self
                .index_int(one)
                .map(|i| vec![i.to_i128_saturating()])
                .ok_or_else(|| {
                    PyError::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        one.type_name()
                    ))
                }),
            many => many
                .iter()
                .map(|v| {
                    self.index_int(v)
                        .map(|i| i.to_i128_saturating())
                        .ok_or_else(|| {
                            PyError::type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                v.type_name()
                            ))
                        })
                })
                .collect(),
        }
    }

    pub fn call_scalar_method(
        &mut self,
        obj: &Value,
        s: &Rc<NpScalar>,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        match name {
            "item" | "tolist" => {
                Args::new(name, args, kw).finish()?;
                self.record_to_python(s.dtype, &s.v)
            }
            "is_integer" => Ok(Value::Bool(s.v.to_f64().fract() == 0.0)),
            _ => {
                let a = self.scalar_to_array(s.dtype, &s.v)?;
                let r = self.call_array_method(obj, &a, name, args, kw)?;
                // methods of a scalar return scalars where the array method gives 0-d results
                match r {
                    Value::Array(x) if x.ndim() == 0 => self.wrap_result(x),
                    other => Ok(other),
                }
            }
        }
    }
}

/// The sized flexible dtype numpy picks for `astype('S')`/`astype('U')`.
fn flexible_size_for(from: DType, to: DType) -> DType {
    let n = match from.kind {
        Kind::Bool => 5,
        Kind::Int | Kind::UInt => 21,
        Kind::Float => 32,
        Kind::Complex => 64,
        Kind::Bytes | Kind::Void => from.itemsize,
        Kind::Str => from.itemsize / 4,
        Kind::Datetime | Kind::Timedelta => crate::runtime::datetime::string_length(from),
    };
    if to.kind == Kind::Str {
        DType::unicode(n)
    } else {
        DType::bytes(n)
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
