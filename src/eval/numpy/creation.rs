//! Making arrays: `array`/`asarray`, `zeros`/`ones`/`empty`/`full` and their `_like` forms,
//! `arange` and `linspace` (ports of NumPy's own arithmetic), `eye`/`identity`, `copy`,
//! `ascontiguousarray`/`asfortranarray` and `frombuffer`.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::as_float;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::kernels::{self, BinaryOp};
use crate::runtime::layout::Layout;
use crate::runtime::{DType, Kind, NdArray, Order, OrderArg, Scalar};

/// The constructors of arrays.
pub const ROWS: &[Row] = &[
    Row::np_c(
        "numpy.array",
        "(object, dtype=None, *, copy=True, order='K', subok=False, ndmin=0, ndmax=0, like=None)",
        array,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.asarray",
        "(a, dtype=None, order=None, *, device=None, copy=None, like=None)",
        array,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.asanyarray",
        "(a, dtype=None, order=None, *, device=None, copy=None, like=None)",
        array,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.arange",
        "(start=None, stop=None, step=None, dtype=None, *, device=None, like=None)",
        arange,
    )
    .returns("ndarray")
    .shown("(start_or_stop, /, stop=None, step=1, *, dtype=None, device=None, like=None)"),
    Row::np_c(
        "numpy.zeros",
        "(shape, dtype=None, order='C', *, device=None, like=None)",
        filled,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.empty",
        "(shape, dtype=None, order='C', *, device=None, like=None)",
        filled,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.ones",
        "(shape, dtype=None, order='C', *, device=None, like=None)",
        filled,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.full",
        "(shape, fill_value, dtype=None, order='C', *, device=None, like=None)",
        full,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.zeros_like",
        "(a, dtype=None, order='K', subok=True, shape=None, *, device=None)",
        like,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.ones_like",
        "(a, dtype=None, order='K', subok=True, shape=None, *, device=None)",
        like,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.empty_like",
        "(prototype, /, dtype=None, order='K', subok=True, shape=None, *, device=None)",
        like,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.full_like",
        "(a, fill_value, dtype=None, order='K', subok=True, shape=None, *, device=None)",
        like,
    )
    .returns("ndarray"),
    Row::np_py(
        "numpy.linspace",
        "(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *, device=None)",
        linspace,
    )
    .returns("ndarray"),
    Row::np_py("numpy.copy", "(a, order='K', subok=False)", copy).returns("ndarray"),
    Row::np_py(
        "numpy.eye",
        "(N, M=None, k=0, dtype=<class 'float'>, order='C', *, device=None, like=None)",
        eye,
    )
    .returns("ndarray"),
    Row::np_py("numpy.identity", "(n, dtype=None, *, like=None)", eye).returns("ndarray"),
    Row::np_c(
        "numpy.ascontiguousarray",
        "(a, dtype=None, *, like=None)",
        contiguous,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.asfortranarray",
        "(a, dtype=None, *, like=None)",
        contiguous,
    )
    .returns("ndarray"),
    Row::np_c(
        "numpy.frombuffer",
        "(buffer, dtype=None, count=-1, offset=0, *, like=None)",
        frombuffer,
    )
    .returns("ndarray"),
];

/// `np.arange`: NumPy's C parser takes `start`, `stop`, `step` and `dtype` by position or
/// keyword; a missing stop is an error only without positional arguments, and
/// `np.arange(stop=4)` is the one-argument form (numpy's `array_arange`).
fn arange(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["device", "like"])?;
    let positional = a.n_positional;
    let start = a.take("start");
    let stop = a.take("stop");
    let step = a.take("step");
    let dtype = it.arg_dtype(&mut a, "dtype")?;
    let (start, stop) = match (start, stop) {
        (_, None) if positional == 0 => {
            return Err(PyError::type_error(
                "arange() requires stop to be specified.",
            ));
        }
        (None, Some(stop)) => (stop, None),
        (Some(start), stop) => (start, stop),
        (None, None) => unreachable!("positional > 0 binds start"),
    };
    it.arange(start, stop, step, dtype)
}

/// `np.zeros`, `np.ones`, `np.empty`.
fn filled(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["device", "like"])?;
    let shape = a.req("shape")?;
    let dt = it.arg_dtype(&mut a, "dtype")?.unwrap_or(DType::FLOAT64);
    let order = a.take("order");
    let order = it.to_order(order.as_ref(), false)?.unwrap_or(Order::C);
    let shape = it.to_shape(&shape)?;
    Ok(Value::Array(it.new_filled(&shape, dt, order, a.func)?))
}

/// `np.array`, `np.asarray`, `np.asanyarray`: NumPy's `_array_fromobject_generic`.
fn array(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let obj = if args.func == "array" {
        args.req("object")?
    } else {
        args.req("a")?
    };
    let dtype = args.take("dtype");
    let copy = args.take("copy");
    let order = args.take("order");
    let ndmin = args.take("ndmin");
    let obj = match it.memoryview_array(&obj)? {
        Some(a) => Value::Array(a),
        None => obj,
    };
    it.refuse_unsupported(&mut args, &["ndmax", "like", "device"])?;
    let dtype = match &dtype {
        Some(d) if !d.is_none() => Some(it.to_dtype(d)?),
        _ => None,
    };
    let copy = match copy {
        None if args.func == "array" => Some(true),
        None => None,
        Some(Value::None) => None,
        Some(v) => Some(it.truthy(&v)?),
    };
    let order = it.order_arg(order, OrderArg::K)?;
    let mut r = match &obj {
        Value::Array(a) => {
            // _array_fromobject_generic: the same dtype and a layout that suits the
            // order (STRIDING_OK) returns the array itself unless a copy is forced
            let isz = a.itemsize();
            let striding_ok = match order {
                OrderArg::C => a.is_c_contiguous(),
                OrderArg::F => a.is_f_contiguous(),
                OrderArg::A | OrderArg::K => true,
            };
            let need_dtype = dtype.is_some_and(|d| d != a.dtype());
            if copy == Some(false) && (need_dtype || !striding_ok) {
                return Err(copy_false_error());
            }
            if need_dtype {
                // PyArray_FromArray: NewLikeArray in K order unless C or F is asked
                let o = match order {
                    OrderArg::C => OrderArg::C,
                    OrderArg::F => OrderArg::F,
                    _ if a.layout().is_fortran(isz) => OrderArg::F,
                    _ => OrderArg::K,
                };
                it.copy_in_order(a, dtype.unwrap_or(a.dtype()), o)?
            } else if copy == Some(true) || !striding_ok {
                let c = it.copy_in_order(a, a.dtype(), order)?;
                crate::eval::numpy::origins::array_copied(a, &c, copy, order);
                c
            } else if a.is_recarray() && args.func == "asarray" {
                // np.asarray of a recarray: an ndarray view of it (NumPy's subok=False)
                it.view_as_class(a, crate::runtime::ArrayClass::Ndarray)
            } else {
                a.clone()
            }
        }
        other => {
            if copy == Some(false) {
                return Err(copy_false_error());
            }
            let a = it.to_array(other, dtype)?;
            crate::eval::numpy::origins::sequence_copied(other, &a);
            if order == OrderArg::F && !a.is_f_contiguous() {
                kernels::cast_array(&it.ctx, &a, a.dtype(), Order::F)?
            } else {
                a
            }
        }
    };
    if let Some(n) = ndmin {
        let n = it.int_value(&n, "")?.to_i64().unwrap_or(0).max(0) as usize;
        if r.ndim() < n {
            // _prepend_ones: a view with leading length-1 axes whose stride is the
            // first axis's extent (the item size for F or 0-d arrays)
            let mut layout = r.layout().clone();
            let pad = n - r.ndim();
            let stride =
                if order == OrderArg::F || layout.is_fortran(r.itemsize()) || layout.ndim() == 0 {
                    r.itemsize() as isize
                } else {
                    layout.strides[0] * layout.shape[0] as isize
                };
            layout.shape.splice(0..0, std::iter::repeat_n(1, pad));
            layout
                .strides
                .splice(0..0, std::iter::repeat_n(stride, pad));
            r = r.view_with(&it.ctx, r.dtype(), layout);
        }
    }
    Ok(Value::Array(r))
}

fn full(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut args, &["device", "like"])?;
    let shape = args.req("shape")?;
    let fill = args.req("fill_value")?;
    let dtype = args.take("dtype");
    let order = args.take("order");
    let dt = match &dtype {
        Some(d) if !d.is_none() => it.to_dtype(d)?,
        _ => it.to_array(&fill, None)?.dtype(),
    };
    let order = it.to_order(order.as_ref(), false)?.unwrap_or(Order::C);
    let shape = it.to_shape(&shape)?;
    let a = it.new_filled(&shape, dt, order, "empty")?;
    it.copyto_unsafe(&a, &fill)?;
    Ok(Value::Array(a))
}

/// `np.zeros_like`, `np.ones_like`, `np.empty_like`, `np.full_like`.
fn like(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let proto = if args.func == "empty_like" {
        args.req("prototype")?
    } else {
        args.req("a")?
    };
    let fill = if args.func == "full_like" {
        Some(args.req("fill_value")?)
    } else {
        None
    };
    let dtype = args.take("dtype");
    let order = args.take("order");
    it.refuse_unsupported(&mut args, &["device"])?;
    let shape = args.take("shape");
    let proto = it.to_array(&proto, None)?;
    let dt = match &dtype {
        Some(d) if !d.is_none() => it.to_dtype(d)?,
        _ => proto.dtype(),
    };
    let shape: Vec<i128> = match shape {
        Some(s) if !s.is_none() => it.to_shape(&s)?,
        _ => proto.shape().iter().map(|&d| d as i128).collect(),
    };
    let order = it.order_arg(order, OrderArg::K)?;
    let shape = Layout::checked_size(&shape, dt.itemsize)?;
    let a = proto.new_like(&it.ctx, &shape, dt, order)?;
    match (args.func, fill) {
        ("ones_like", _) => kernels::fill(&it.ctx, &a, &Scalar::Int(1))?,
        (_, Some(f)) => it.copyto_unsafe(&a, &f)?,
        _ => {}
    }
    Ok(Value::Array(a))
}

fn linspace(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let start = args.req("start")?;
    let stop = args.req("stop")?;
    let num = args.take("num");
    let endpoint = args.take("endpoint");
    let retstep = args.take("retstep");
    let dtype = args.take("dtype");
    let axis = match args.take("axis") {
        Some(v) => it.int_value(&v, "")?.to_i64().unwrap_or(i64::MAX),
        None => 0,
    };
    it.refuse_unsupported(&mut args, &["device"])?;
    let num = match num {
        // operator.index(num), then arange(0, num): past int64 is arange's size error
        Some(n) => match it.int_value(&n, "")? {
            i if i.is_negative() => i.to_i64().unwrap_or(i64::MIN),
            i => i.to_i64().ok_or_else(PyError::maximum_size_exceeded)?,
        },
        None => 50,
    };
    let endpoint = match endpoint {
        Some(v) => it.truthy(&v)?,
        None => true,
    };
    let retstep = match retstep {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let dtype = match &dtype {
        Some(d) if !d.is_none() => Some(it.to_dtype(d)?),
        _ => None,
    };
    let spread = |it: &mut Interp, v: &Value| -> PyResult<bool> {
        Ok(
            matches!(v, Value::Array(_) | Value::List(_) | Value::Tuple(_))
                && it.to_array(v, None)?.ndim() > 0,
        )
    };
    if axis != 0 || spread(it, &start)? || spread(it, &stop)? {
        return super::spacing::linspace_arrays(
            it, start, stop, num, endpoint, retstep, dtype, axis,
        );
    }
    it.linspace(&start, &stop, num, endpoint, retstep, dtype)
}

fn copy(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let order = args.take("order");
    let _subok = args.take("subok");
    let a = it.to_array(&a, None)?;
    let o = it.order_arg(order, OrderArg::K)?;
    Ok(Value::Array(it.copy_in_order(&a, a.dtype(), o)?))
}

/// `np.eye` and `np.identity`.
fn eye(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut args, &["device", "like"])?;
    let n = if args.func == "eye" {
        args.req("N")?
    } else {
        args.req("n")?
    };
    let (m, k, dtype) = if args.func == "eye" {
        (args.take("M"), args.take("k"), args.take("dtype"))
    } else {
        (None, None, args.take("dtype"))
    };
    let order = args.take("order");
    let order = it.to_order(order.as_ref(), false)?.unwrap_or(Order::C);
    let n = it.int_value(&n, "")?.to_i128_saturating();
    let m = match m {
        Some(v) if !v.is_none() => it.int_value(&v, "")?.to_i128_saturating(),
        _ => n,
    };
    let k = match k {
        Some(v) => it.int_value(&v, "")?.to_i128_saturating(),
        None => 0,
    };
    let dt = match &dtype {
        Some(d) if !d.is_none() => it.to_dtype(d)?,
        _ => DType::FLOAT64,
    };
    let a = it.new_filled(&[n, m], dt, order, "zeros")?;
    for i in 0..a.shape()[0] as i128 {
        let j = i + k;
        if j >= 0 && j < m {
            kernels::set_element(
                &a,
                a.layout().offset_of(&[i as usize, j as usize]),
                &Scalar::Int(1),
            )?;
        }
    }
    Ok(Value::Array(a))
}

/// `np.ascontiguousarray` and `np.asfortranarray` (a 0-d array becomes 1-d).
fn contiguous(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut args, &["like"])?;
    let a = args.req("a")?;
    let dtype = args.take("dtype");
    let dt = match &dtype {
        Some(d) if !d.is_none() => Some(it.to_dtype(d)?),
        _ => None,
    };
    let mut arr = it.to_array(&a, dt)?;
    if arr.ndim() == 0 {
        arr = arr.reshape(&it.ctx, &[1], OrderArg::C)?;
    }
    let (ok, order) = if args.func == "ascontiguousarray" {
        (arr.is_c_contiguous(), Order::C)
    } else {
        (arr.is_f_contiguous(), Order::F)
    };
    Ok(Value::Array(if ok {
        arr
    } else {
        let c = kernels::cast_array(&it.ctx, &arr, arr.dtype(), order)?;
        crate::eval::numpy::origins::order_copied(&arr, &c, order);
        c
    }))
}

fn frombuffer(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut args, &["like"])?;
    let buf = args.req("buffer")?;
    let dtype = args.take("dtype");
    let count = args.take("count");
    let offset = args.take("offset");
    // any exporter of the buffer protocol: bytes, an array, a memoryview
    let view = match &buf {
        Value::Bytes(_) => None,
        other => match it.exported(other)? {
            Some(v) => Some(v),
            None => return Err(PyError::bytes_like_required("", &buf.type_name())),
        },
    };
    if let Some((v, _)) = &view
        && !v.is_c_contiguous()
    {
        return Err(match buf {
            Value::Array(_) => PyError::value("ndarray is not C-contiguous"),
            _ => PyError::new(
                ErrorKind::BufferError,
                "memoryview: underlying buffer is not C-contiguous",
            ),
        });
    }
    let len = match (&buf, &view) {
        (Value::Bytes(b), _) => b.v.len(),
        (_, Some((v, _))) => v.nbytes(),
        _ => 0,
    };
    let dt = match &dtype {
        Some(d) if !d.is_none() => it.to_dtype(d)?,
        _ => DType::FLOAT64,
    };
    let offset = match offset {
        Some(v) => it.int_value(&v, "")?.to_i64().unwrap_or(0),
        None => 0,
    };
    if offset < 0 || offset as usize > len {
        return Err(PyError::value(
            "offset must be non-negative and no greater than buffer length (".to_string()
                + &len.to_string()
                + ")",
        ));
    }
    let avail = len - offset as usize;
    let count = match count {
        Some(v) => it.int_value(&v, "")?.to_i64().unwrap_or(-1),
        None => -1,
    };
    let n = if count < 0 {
        if !avail.is_multiple_of(dt.itemsize) {
            return Err(PyError::value(
                "buffer size must be a multiple of element size",
            ));
        }
        avail / dt.itemsize
    } else {
        if count as usize * dt.itemsize > avail {
            return Err(PyError::value("buffer is smaller than requested size"));
        }
        count as usize
    };
    let off = offset as usize;
    let mut layout = Layout::contiguous(&[n], dt.itemsize, Order::C);
    match (buf, view) {
        (Value::Bytes(b), _) => {
            // arrsh copies the bytes into an aligned buffer (the bytes object cannot change,
            // so no one can tell); like NumPy, the array is read-only and its base is the bytes
            let buffer = crate::runtime::buffer::Buffer::from_bytes(
                &it.ctx.heap,
                &b.v[off..off + n * dt.itemsize],
                &dt.name(),
            )?;
            let holder: Rc<dyn std::any::Any> = b.clone();
            Ok(Value::Array(NdArray::over_foreign(
                &it.ctx, buffer, dt, layout, holder,
            )))
        }
        (exporter, Some((v, readonly))) => {
            // a view of the exporter's own memory: writing through it writes the exporter
            layout.offset_bytes = v.layout().offset_bytes + off as isize;
            let a = match exporter {
                // NumPy's base for another object's buffer is a memoryview of it
                ba @ Value::Native(_) if crate::eval::object::bytearray::is_bytearray(&ba) => {
                    let Value::Native(m) = it.new_memoryview(&ba)? else {
                        unreachable!("new_memoryview makes a native object")
                    };
                    let holder: Rc<dyn std::any::Any> = m;
                    v.view_with_foreign_base(&it.ctx, dt, layout, holder)
                }
                Value::Native(m) => {
                    let holder: Rc<dyn std::any::Any> = m;
                    v.view_with_foreign_base(&it.ctx, dt, layout, holder)
                }
                _ => v.view_with(&it.ctx, dt, layout),
            };
            Ok(Value::Array(if readonly { a.into_readonly() } else { a }))
        }
        (other, None) => Err(PyError::bytes_like_required("", &other.type_name())),
    }
}

impl Interp {
    /// A new array of `shape` filled as `zeros`/`ones`/`empty` (zeroed either way: arrsh never
    /// shows garbage).
    pub fn new_filled(
        &mut self,
        shape: &[i128],
        dt: DType,
        order: Order,
        kind: &str,
    ) -> PyResult<Rc<NdArray>> {
        let shape = Layout::checked_size(shape, dt.itemsize)?;
        let a = NdArray::zeros(&self.ctx, &shape, dt, order)?;
        if kind == "ones" {
            kernels::fill(&self.ctx, &a, &Scalar::Int(1))?;
        }
        Ok(a)
    }

    /// `np.copyto(a, value, casting='unsafe')`, as `np.full` and `np.full_like` fill: a Python
    /// int must still fit the dtype (NumPy 2), but floats and arrays cast unsafely (NaN into
    /// an int array gives the most negative int, as NumPy's C cast does here).
    fn copyto_unsafe(&mut self, a: &Rc<NdArray>, value: &Value) -> PyResult<()> {
        match value {
            Value::Float(_) | Value::Complex(_) | Value::Scalar(_) | Value::Array(_) => {
                let src = self.to_array(value, None)?;
                kernels::assign(&self.ctx, a, &src)
            }
            other => self.assign_into(a, other),
        }
    }

    /// `np.arange`, a port of `PyArray_ArangeObj`: the dtype is discovered from the three
    /// values (at least int64), the length is `ceil((stop - start) / step)` computed on the
    /// Python values, the first two elements are set from `start` and `start + step` (so they
    /// must fit the dtype), and the rest continue in the dtype's own arithmetic.
    fn arange(
        &mut self,
        start: Value,
        stop: Option<Value>,
        step: Option<Value>,
        dtype: Option<DType>,
    ) -> PyResult<Value> {
        let stop = stop.filter(|v| !v.is_none());
        let step = step.filter(|v| !v.is_none());
        if let Some(v) = self.time_arange(&start, stop.as_ref(), step.as_ref(), dtype)? {
            return Ok(v);
        }
        // numpy would use the object dtype (huge Python ints, None): arrsh has none, so such a
        // range can only be refused after NumPy's own errors (length, subtraction) had a chance
        let mut object = false;
        let dt = match dtype {
            Some(d) => d,
            None => {
                let mut dt = Some(DType::INT64);
                for v in std::iter::once(&start).chain(&stop).chain(&step) {
                    match self.arange_descr(v)? {
                        // a string or bytes argument decides the (unsupported) DType
                        Some(d) if d.is_flexible() => {
                            dt = Some(d);
                            break;
                        }
                        Some(d) => {
                            dt = dt.and_then(|x| crate::runtime::dtype::promote(x, d));
                        }
                        None => dt = None,
                    }
                }
                object = dt.is_none();
                dt.unwrap_or(DType::FLOAT64)
            }
        };
        if !dt.is_numeric() && dt.kind != Kind::Bool {
            return Err(PyError::type_error(format!(
                "arange() not supported for inputs with DType <class 'numpy.dtypes.{}'>.",
                crate::eval::object::value::dtype_class_name(dt)
            )));
        }
        let step = match step {
            Some(s) => s,
            None => self.new_i64(1),
        };
        let (start, stop) = match stop {
            Some(stop) => (start, stop),
            None => (self.new_i64(0), start),
        };
        // _calc_length
        use crate::syntax::ast::BinOp;
        let diff = match self.binary_op(&stop, BinOp::Sub, &start) {
            Err(_) if matches!(stop, Value::Tuple(_)) => {
                return Err(PyError::type_error(
                    "arange: scalar arguments expected instead of a tuple.",
                ));
            }
            other => other?,
        };
        let zero = self.new_i64(0);
        let diff_nonzero = !self.py_eq(&diff, &zero)?;
        let quotient = self.binary_op(&diff, BinOp::Div, &step)?;
        let quotient_zero = self.py_eq(&quotient, &zero)?;
        let q = match &quotient {
            Value::Complex(c) => c.re,
            Value::Scalar(s) => s.v.to_f64(),
            Value::Array(a) if a.ndim() == 0 => {
                a.item().map_or(Ok(0.0), |s| s.map(|s| s.to_f64()))?
            }
            Value::Array(_) => {
                return Err(PyError::type_error(
                    "only 0-dimensional arrays can be converted to Python scalars",
                ));
            }
            other => as_float(other)?.unwrap_or(0.0),
        };
        let len: i128 = if quotient_zero && diff_nonzero {
            // underflow: the range is not empty, so there is one element unless it went negative
            if q.is_sign_negative() { 0 } else { 1 }
        } else {
            let c = q.ceil();
            if c.is_nan() {
                return Err(PyError::value("arange: cannot compute length"));
            }
            // numpy compares with (double)NPY_MAX_INTP, which is 2**63, then casts: 2**63 itself
            // passes and wraps to the most negative length (an empty result)
            let limit = 2f64.powi(63);
            if !(-limit..=limit).contains(&c) {
                return Err(PyError::maximum_size_exceeded());
            }
            if c == limit {
                i64::MIN as i128
            } else {
                c as i128
            }
        };
        let n = len.max(0);
        if dt.kind == Kind::Bool && n > 2 {
            return Err(PyError::type_error(
                "arange() is only supported for booleans when the result has at most length 2.",
            ));
        }
        if object && n > 0 {
            return Err(PyError::not_implemented(
                "arrsh has no object arrays (NumPy would give this arange dtype=object)",
            ));
        }
        let arr = self.new_filled(&[n], dt, Order::C, "empty")?;
        if n > 0 {
            let first = self.value_to_element(&start, dt)?;
            let second = if n > 1 {
                let next = self.binary_op(&start, BinOp::Add, &step)?;
                self.value_to_element(&next, dt)?
            } else {
                first.clone()
            };
            kernels::fill_arange(&self.ctx, &arr, &first, &second)?;
        }
        Ok(Value::Array(arr))
    }

    /// `PyArray_DescrFromObject` for one `arange` argument: `None` for objects NumPy would give
    /// the object dtype (the subtraction then raises Python's TypeError).
    fn arange_descr(&mut self, v: &Value) -> PyResult<Option<DType>> {
        Ok(Some(match v {
            Value::Bool(_) => DType::BOOL,
            Value::Int(i) => {
                let x = i.v.to_i128_saturating();
                if x >= i64::MIN as i128 && x <= i64::MAX as i128 {
                    DType::INT64
                } else if x >= 0 && x <= u64::MAX as i128 {
                    DType::UINT64
                } else {
                    return Ok(None); // numpy: dtype=object
                }
            }
            Value::Float(_) => DType::FLOAT64,
            Value::Complex(_) => DType::COMPLEX128,
            Value::Scalar(s) => s.dtype,
            Value::Array(a) => a.dtype(),
            Value::Str(s) => DType::unicode(s.v.chars().count()),
            Value::Bytes(b) => DType::bytes(b.v.len()),
            Value::List(_) | Value::Tuple(_) => match self.to_array(v, None) {
                Ok(a) => a.dtype(),
                Err(_) => return Ok(None),
            },
            _ => return Ok(None),
        }))
    }

    /// `np.linspace`, following numpy's function_base.py step by step (so the result is a view of
    /// the arange it starts from, as numpy's is, and rounding matches).
    fn linspace(
        &mut self,
        start: &Value,
        stop: &Value,
        num: i64,
        endpoint: bool,
        retstep: bool,
        dtype: Option<DType>,
    ) -> PyResult<Value> {
        if num < 0 {
            return Err(PyError::value(format!(
                "Number of samples, {num}, must be non-negative."
            )));
        }
        let num = num as usize;
        let div = if endpoint { num.saturating_sub(1) } else { num };
        let f0 = self.to_float(start)?;
        let f1 = self.to_float(stop)?;
        let delta = f1 - f0;
        let dt = DType::FLOAT64;
        let base = self.new_filled(&[num as i128], dt, Order::C, "empty")?;
        if num > 0 {
            kernels::fill_arange(&self.ctx, &base, &Scalar::Float(0.0), &Scalar::Float(1.0))?;
        }
        let mut y = base.reshape(&self.ctx, &[num as i128], OrderArg::C)?;
        let step;
        if div > 0 {
            step = delta / div as f64;
            if step == 0.0 {
                let d = self.scalar_to_array(dt, &Scalar::Float(div as f64))?;
                self.ufunc_kernel(BinaryOp::TrueDiv, &y, &d, dt, Some(&y))?;
                let m = self.scalar_to_array(dt, &Scalar::Float(delta))?;
                self.ufunc_kernel(BinaryOp::Mul, &y, &m, dt, Some(&y))?;
            } else {
                let s = self.scalar_to_array(dt, &Scalar::Float(step))?;
                self.ufunc_kernel(BinaryOp::Mul, &y, &s, dt, Some(&y))?;
            }
        } else {
            step = f64::NAN;
            let m = self.scalar_to_array(dt, &Scalar::Float(delta))?;
            y = self
                .ufunc_kernel(BinaryOp::Mul, &y, &m, dt, None)?
                .ok_or_else(|| PyError::type_error("linspace"))?;
        }
        let s0 = self.scalar_to_array(dt, &Scalar::Float(f0))?;
        self.ufunc_kernel(BinaryOp::Add, &y, &s0, dt, Some(&y))?;
        if endpoint && num > 1 {
            kernels::set_element(&y, y.layout().offset_of(&[num - 1]), &Scalar::Float(f1))?;
        }
        if let Some(out) = dtype
            && out != dt
        {
            if out.is_integer() {
                let mut vals = Vec::with_capacity(num);
                for i in 0..num {
                    vals.push(y.get(&[i])?.to_f64().floor());
                }
                for (i, v) in vals.into_iter().enumerate() {
                    kernels::set_element(&y, y.layout().offset_of(&[i]), &Scalar::Float(v))?;
                }
            }
            y = kernels::cast_array(&self.ctx, &y, out, Order::C)?;
        }
        let arr = Value::Array(y);
        if retstep {
            let st = self.new_scalar(DType::FLOAT64, Scalar::Float(step));
            return Ok(self.new_tuple(vec![arr, st]));
        }
        Ok(arr)
    }
}

fn copy_false_error() -> PyError {
    PyError::value(
        "Unable to avoid copy while creating an array as requested.\nIf using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a copy when needed (no behavior change in NumPy 1.x).\nFor more details, see https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapting-to-changes-in-the-copy-keyword.",
    )
}
