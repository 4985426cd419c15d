//! Grids and index tricks: `meshgrid`, `indices`, `ix_`, `mgrid`/`ogrid`, `r_`/`c_`,
//! `broadcast_arrays`/`broadcast_shapes`, `fromfunction` — NumPy's Python code
//! (`_index_tricks_impl.py`, `_function_base_impl.py`) step for step, on arrsh's arrays, so
//! the dtypes and the views come out as NumPy's do.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{NativeObj, NativeSlots, Value};
use crate::eval::registry::{Bound, Row};
use crate::runtime::index::IndexItem;
use crate::runtime::kernels;
use crate::runtime::{DType, Layout, NdArray, Order, OrderArg, Scalar};
use crate::syntax::ast::BinOp;

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.meshgrid",
        "(*xi, copy=True, sparse=False, indexing='xy')",
        meshgrid,
    ),
    Row::np_py(
        "numpy.indices",
        "(dimensions, dtype=<class 'int'>, sparse=False)",
        indices_row,
    )
    .returns("ndarray"),
    Row::np_py("numpy.ix_", "(*args)", ix).returns("tuple"),
    Row::np_py(
        "numpy.broadcast_arrays",
        "(*args, subok=False)",
        broadcast_arrays,
    ),
    Row::np_py("numpy.broadcast_shapes", "(*args)", broadcast_shapes).returns("tuple"),
    Row::np_py(
        "numpy.fromfunction",
        "(function, shape, *, dtype=<class 'float'>, like=None, **kwargs)",
        fromfunction,
    )
    .returns("ndarray"),
    Row::attr("numpy.mgrid", mgrid),
    Row::attr("numpy.ogrid", ogrid),
    Row::attr("numpy.r_", r_),
    Row::attr("numpy.c_", c_),
    Row::attr("numpy.s_", s_),
    Row::attr("numpy.index_exp", index_exp),
];

/// `np.<name>(*args, **kw)` from Rust.
pub(crate) fn np_call(
    it: &mut Interp,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let f = it.module_attr("numpy", name)?;
    it.call(&f, args, kw)
}

fn arr(v: &Value) -> PyResult<Rc<NdArray>> {
    v.as_array()
        .cloned()
        .ok_or_else(|| PyError::type_error("expected an array"))
}

/// `np.indices(dimensions, dtype, sparse)`: one `arange` per axis, broadcast into place.
pub(crate) fn indices(
    it: &mut Interp,
    dims: &[usize],
    dtype: DType,
    sparse: bool,
) -> PyResult<Vec<Rc<NdArray>>> {
    let n = dims.len();
    let mut parts = Vec::with_capacity(n);
    for (i, &d) in dims.iter().enumerate() {
        let a = NdArray::zeros(&it.ctx, &[d], dtype, Order::C)?;
        if d > 0 {
            kernels::fill_arange(&it.ctx, &a, &Scalar::Int(0), &Scalar::Int(1))?;
        }
        let mut shape = vec![1i128; n];
        shape[i] = d as i128;
        parts.push(a.reshape(&it.ctx, &shape, OrderArg::C)?);
    }
    if sparse {
        return Ok(parts);
    }
    let mut full = vec![n];
    full.extend_from_slice(dims);
    let res = NdArray::zeros(&it.ctx, &full, dtype, Order::C)?;
    for (i, p) in parts.iter().enumerate() {
        if let crate::runtime::array::Indexed::View(slot) =
            res.index_basic(&it.ctx, &[IndexItem::Int(i as i128)])?
        {
            kernels::assign(&it.ctx, &slot, p)?;
        }
    }
    Ok(vec![res])
}

fn dims_of(it: &mut Interp, v: &Value) -> PyResult<Vec<usize>> {
    let shape = it.to_shape(v)?;
    Layout::checked_size(&shape, 8)
}

fn indices_row(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    // `dimensions = tuple(dimensions)`: any iterable of sizes (a generator too)
    let d = a.req("dimensions")?;
    let items = it.collect(&d)?;
    let dims = dims_of(it, &it.new_tuple(items))?;
    let dtype = it.arg_dtype(&mut a, "dtype")?.unwrap_or(DType::INT64);
    let sparse = it.arg_bool(&mut a, "sparse")?;
    let parts = indices(it, &dims, dtype, sparse)?;
    if sparse {
        let items = parts.into_iter().map(Value::Array).collect();
        return Ok(it.new_tuple(items));
    }
    Ok(Value::Array(parts.into_iter().next().expect("one array")))
}

/// `np.broadcast`'s shape of several shapes, with its error naming the two args that clash.
fn broadcast_shape(shapes: &[Vec<usize>]) -> PyResult<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1usize; nd];
    for (i, o) in out.iter_mut().enumerate() {
        let mut src: Option<usize> = None;
        for (j, s) in shapes.iter().enumerate() {
            let Some(k) = (i + s.len()).checked_sub(nd) else {
                continue;
            };
            let d = s[k];
            if d == 1 {
                continue;
            }
            match src {
                None => {
                    *o = d;
                    src = Some(j);
                }
                Some(first) if *o != d => {
                    return Err(PyError::broadcast_mismatch(first, &shapes[first], j, s));
                }
                Some(_) => {}
            }
        }
    }
    Ok(out)
}

/// The arrays of `args` broadcast together as views (`np.broadcast_arrays`; NumPy marks them
/// writeable with a warning on write, arrsh leaves them writeable).
fn broadcast_views(it: &mut Interp, arrays: &[Rc<NdArray>]) -> PyResult<Vec<Rc<NdArray>>> {
    let shapes: Vec<Vec<usize>> = arrays.iter().map(|a| a.shape().to_vec()).collect();
    let refs: Vec<&[usize]> = shapes.iter().map(|s| s.as_slice()).collect();
    let shape = broadcast_shape(&shapes)?;
    let mut out = Vec::with_capacity(arrays.len());
    for a in arrays {
        if *a.shape() == *shape {
            out.push(a.clone());
            continue;
        }
        let mut layout = kernels::broadcast_layout(&a.layout(), &shape)
            .ok_or_else(|| PyError::broadcast_shapes(&refs))?;
        for (s, &n) in layout.strides.iter_mut().zip(&shape) {
            if n == 1 {
                *s = 0;
            }
        }
        out.push(a.view_with(&it.ctx, a.dtype(), layout));
    }
    Ok(out)
}

fn broadcast_arrays(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let mut arrays = Vec::with_capacity(a.star.len());
    for v in &a.star {
        arrays.push(it.to_array(v, None)?);
    }
    let out = broadcast_views(it, &arrays)?;
    let items = out.into_iter().map(Value::Array).collect();
    Ok(it.new_tuple(items))
}

fn broadcast_shapes(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let mut shapes = Vec::with_capacity(a.star.len());
    for v in &a.star {
        shapes.push(dims_of(it, v)?);
    }
    let shape = broadcast_shape(&shapes)?;
    let items = shape.iter().map(|&d| it.new_i64(d as i64)).collect();
    Ok(it.new_tuple(items))
}

fn meshgrid(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let copy = it.arg_bool(&mut a, "copy")?;
    let sparse = it.arg_bool(&mut a, "sparse")?;
    let xy = match a.take_some("indexing") {
        None => true,
        Some(Value::Str(s)) if s.v == "xy" => true,
        Some(Value::Str(s)) if s.v == "ij" => false,
        Some(_) => {
            return Err(PyError::value(
                "Valid values for `indexing` are 'xy' and 'ij'.",
            ));
        }
    };
    let ndim = a.star.len();
    let mut out = Vec::with_capacity(ndim);
    for (i, x) in a.star.iter().enumerate() {
        let x = it.to_array(x, None)?;
        let mut shape = vec![1i128; ndim];
        shape[i] = -1;
        out.push(x.reshape(&it.ctx, &shape, OrderArg::C)?);
    }
    if xy && ndim > 1 {
        let swap = |it: &mut Interp, v: &Rc<NdArray>, first: bool| -> PyResult<Rc<NdArray>> {
            let mut shape = vec![1i128; ndim];
            shape[if first { 1 } else { 0 }] = -1;
            v.reshape(&it.ctx, &shape, OrderArg::C)
        };
        out[0] = swap(it, &out[0].clone(), true)?;
        out[1] = swap(it, &out[1].clone(), false)?;
    }
    if !sparse {
        out = broadcast_views(it, &out)?;
    }
    if copy {
        out = out
            .iter()
            .map(|x| kernels::copy_array(&it.ctx, x, Order::C))
            .collect::<PyResult<_>>()?;
    }
    let items = out.into_iter().map(Value::Array).collect();
    Ok(it.new_tuple(items))
}

fn ix(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let nd = a.star.len();
    let mut out = Vec::with_capacity(nd);
    for (k, v) in a.star.iter().enumerate() {
        let mut new = match v {
            Value::Array(x) => x.clone(),
            other => {
                let x = it.to_array(other, None)?;
                if x.size() == 0 {
                    kernels::cast_array(&it.ctx, &x, DType::INT64, Order::C)?
                } else {
                    x
                }
            }
        };
        if new.ndim() != 1 {
            return Err(PyError::value("Cross index must be 1 dimensional"));
        }
        if new.dtype() == DType::BOOL {
            // `new.nonzero()`: the positions of the True values (one array: `new` is 1-d)
            new = crate::runtime::fancy::nonzero_arrays(&it.ctx, &new)?
                .pop()
                .ok_or_else(|| PyError::value("Cross index must be 1 dimensional"))?;
        }
        let mut shape = vec![1i128; nd];
        shape[k] = new.size() as i128;
        out.push(Value::Array(new.reshape(&it.ctx, &shape, OrderArg::C)?));
    }
    Ok(it.new_tuple(out))
}

fn fromfunction(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let f = a.req("function")?;
    let s = a.req("shape")?;
    let dims = dims_of(it, &s)?;
    let dtype = it.arg_dtype(&mut a, "dtype")?.unwrap_or(DType::FLOAT64);
    it.refuse_unsupported(&mut a, &["like"])?;
    let grid = indices(it, &dims, dtype, false)?.remove(0);
    let mut args = Vec::with_capacity(dims.len());
    for i in 0..dims.len() {
        if let crate::runtime::array::Indexed::View(v) =
            grid.index_basic(&it.ctx, &[IndexItem::Int(i as i128)])?
        {
            args.push(Value::Array(v));
        }
    }
    let kw = std::mem::take(&mut a.kwargs);
    it.call(&f, args, kw)
}

// ---------------------------------------------------------------- mgrid, ogrid, r_, c_

fn native(
    it: &mut Interp,
    type_name: &'static str,
    slots: &'static NativeSlots,
    state: Box<dyn std::any::Any>,
) -> Value {
    Value::Native(Rc::new(NativeObj {
        id: it.ctx.heap.object(48),
        type_name,
        owners: &[],
        repr_head: None,
        slots,
        state: std::cell::RefCell::new(state),
    }))
}

static MGRID_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(mgrid_item),
    ..NativeSlots::NONE
};
static OGRID_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(ogrid_item),
    ..NativeSlots::NONE
};
static R_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(r_item),
    len: Some(zero_len),
    ..NativeSlots::NONE
};
static C_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(c_item),
    len: Some(zero_len),
    ..NativeSlots::NONE
};

/// `np.s_` and `np.index_exp` (`IndexExpression`): `s_[...]` is the index itself,
/// `index_exp[...]` always a tuple.
static S_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(s_item),
    ..NativeSlots::NONE
};
static INDEX_EXP_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(index_exp_item),
    ..NativeSlots::NONE
};

fn s_(it: &mut Interp, _: Bound) -> PyResult<Value> {
    let t = "numpy.lib._index_tricks_impl.IndexExpression";
    Ok(native(it, t, &S_SLOTS, Box::new(())))
}
fn index_exp(it: &mut Interp, _: Bound) -> PyResult<Value> {
    let t = "numpy.lib._index_tricks_impl.IndexExpression";
    Ok(native(it, t, &INDEX_EXP_SLOTS, Box::new(())))
}
fn s_item(_: &mut Interp, _: &Value, key: &Value) -> PyResult<Value> {
    Ok(key.clone())
}
fn index_exp_item(it: &mut Interp, _: &Value, key: &Value) -> PyResult<Value> {
    Ok(match key {
        Value::Tuple(_) => key.clone(),
        other => it.new_tuple(vec![other.clone()]),
    })
}

fn zero_len(_: &mut Interp, _: &Value) -> PyResult<usize> {
    Ok(0)
}

fn mgrid(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(native(
        it,
        "numpy.lib._index_tricks_impl.MGridClass",
        &MGRID_SLOTS,
        Box::new(()),
    ))
}
fn ogrid(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(native(
        it,
        "numpy.lib._index_tricks_impl.OGridClass",
        &OGRID_SLOTS,
        Box::new(()),
    ))
}
fn r_(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(native(
        it,
        "numpy.lib._index_tricks_impl.RClass",
        &R_SLOTS,
        Box::new(()),
    ))
}
fn c_(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(native(
        it,
        "numpy.lib._index_tricks_impl.CClass",
        &C_SLOTS,
        Box::new(()),
    ))
}

fn mgrid_item(it: &mut Interp, _: &Value, key: &Value) -> PyResult<Value> {
    nd_grid(it, key, false)
}
fn ogrid_item(it: &mut Interp, _: &Value, key: &Value) -> PyResult<Value> {
    nd_grid(it, key, true)
}

fn is_complex(v: &Value) -> bool {
    matches!(v, Value::Complex(_))
        || matches!(v, Value::Scalar(s) if s.dtype.kind == crate::runtime::Kind::Complex)
}

/// `abs(step)` of a complex step (the number of points).
fn complex_abs(it: &mut Interp, v: &Value) -> PyResult<f64> {
    let (re, im) = match v {
        Value::Complex(c) => (c.re, c.im),
        Value::Scalar(s) => s.v.to_complex(),
        _ => (it.to_float(v)?, 0.0),
    };
    Ok(re.hypot(im))
}

/// A slice's `(start, stop, step)` with NumPy's defaults: start 0, step 1.
fn slice_parts(it: &mut Interp, s: &Value) -> PyResult<(Value, Value, Value)> {
    match s {
        Value::Slice(sl) => {
            let start = if sl.start.is_none() {
                it.new_i64(0)
            } else {
                sl.start.clone()
            };
            let step = if sl.step.is_none() {
                it.new_i64(1)
            } else {
                sl.step.clone()
            };
            Ok((start, sl.stop.clone(), step))
        }
        other => Err(PyError::attribute(format!(
            "'{}' object has no attribute 'step'",
            other.short_type_name()
        ))),
    }
}

fn binop(it: &mut Interp, a: &Value, op: BinOp, b: &Value) -> PyResult<Value> {
    it.binary_op(a, op, b)
}

/// `nd_grid.__getitem__`.
fn nd_grid(it: &mut Interp, key: &Value, sparse: bool) -> PyResult<Value> {
    let Value::Tuple(t) = key else {
        return one_grid(it, key);
    };
    let mut size = Vec::with_capacity(t.items.len());
    let mut float = false;
    let mut complex = false;
    let mut parts = Vec::with_capacity(t.items.len());
    for k in &t.items {
        let (start, stop, step) = slice_parts(it, k)?;
        for v in [&start, &stop] {
            complex |= is_complex(v);
            float |= matches!(v, Value::Float(_));
        }
        if is_complex(&step) {
            let n = complex_abs(it, &step)?;
            float = true;
            size.push(n as i64);
        } else {
            float |= matches!(step, Value::Float(_));
            // math.ceil((stop - start) / step)
            let d = binop(it, &stop, BinOp::Sub, &start)?;
            let q = binop(it, &d, BinOp::Div, &step)?;
            let c = it.to_float(&q)?.ceil();
            size.push(c as i64);
        }
        parts.push((start, stop, step));
    }
    let typ = if complex {
        DType::COMPLEX128
    } else if float {
        DType::FLOAT64
    } else {
        DType::INT64
    };
    let dims: Vec<usize> = size.iter().map(|&s| s.max(0) as usize).collect();
    let grids = indices(it, &dims, typ, sparse)?;
    let mut nn: Vec<Value> = if sparse {
        grids
            .into_iter()
            .map(|g| {
                g.reshape(&it.ctx, &[g.size() as i128], OrderArg::C)
                    .map(Value::Array)
            })
            .collect::<PyResult<_>>()?
    } else {
        vec![Value::Array(grids[0].clone())]
    };
    for (k, (start, stop, step)) in parts.iter().enumerate() {
        let step = if is_complex(step) {
            let n = complex_abs(it, step)? as i64;
            if n != 1 {
                let d = binop(it, stop, BinOp::Sub, start)?;
                let den = it.new_float((n - 1) as f64);
                binop(it, &d, BinOp::Div, &den)?
            } else {
                it.new_i64(n)
            }
        } else {
            step.clone()
        };
        if sparse {
            let m = binop(it, &nn[k], BinOp::Mul, &step)?;
            nn[k] = binop(it, &m, BinOp::Add, start)?;
        } else {
            let kv = it.new_i64(k as i64);
            let cur = it.getitem(&nn[0], &kv)?;
            let m = binop(it, &cur, BinOp::Mul, &step)?;
            let r = binop(it, &m, BinOp::Add, start)?;
            let whole = nn[0].clone();
            it.setitem(&whole, &kv, r)?;
        }
    }
    if sparse {
        let n = nn.len();
        let mut out = Vec::with_capacity(n);
        for (k, v) in nn.iter().enumerate() {
            let x = arr(v)?;
            let mut shape = vec![1i128; n];
            shape[k] = x.size() as i128;
            out.push(Value::Array(x.reshape(&it.ctx, &shape, OrderArg::C)?));
        }
        return Ok(it.new_tuple(out));
    }
    Ok(nn.remove(0))
}

/// `nd_grid[slice]`: `arange`, or evenly spaced points for a complex step.
fn one_grid(it: &mut Interp, key: &Value) -> PyResult<Value> {
    let Value::Slice(sl) = key else {
        return Err(PyError::attribute(format!(
            "'{}' object has no attribute 'step'",
            key.short_type_name()
        )));
    };
    let start = if sl.start.is_none() {
        it.new_i64(0)
    } else {
        sl.start.clone()
    };
    if is_complex(&sl.step) {
        let sf = complex_abs(it, &sl.step)?;
        let length = sf as i64;
        let step = if length != 1 {
            let d = binop(it, &sl.stop, BinOp::Sub, &start)?;
            let den = it.new_float((length - 1) as f64);
            binop(it, &d, BinOp::Div, &den)?
        } else {
            it.new_i64(length)
        };
        let sfv = it.new_float(sf);
        let typ = np_call(
            it,
            "result_type",
            vec![start.clone(), sl.stop.clone(), sfv],
            vec![],
        )?;
        let (z, n, one) = (it.new_i64(0), it.new_i64(length), it.new_i64(1));
        let base = np_call(it, "arange", vec![z, n, one], vec![("dtype".into(), typ)])?;
        let m = binop(it, &base, BinOp::Mul, &step)?;
        return binop(it, &m, BinOp::Add, &start);
    }
    np_call(
        it,
        "arange",
        vec![start, sl.stop.clone(), sl.step.clone()],
        vec![],
    )
}

fn r_item(it: &mut Interp, _: &Value, key: &Value) -> PyResult<Value> {
    concatenator(it, key, 0, 1, -1)
}
fn c_item(it: &mut Interp, _: &Value, key: &Value) -> PyResult<Value> {
    concatenator(it, key, -1, 2, 0)
}

/// Whether NumPy's `ScalarType` has the item's type (Python and NumPy scalars).
fn is_scalar_type(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_)
            | Value::Float(_)
            | Value::Complex(_)
            | Value::Bool(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Scalar(_)
    )
}

/// `AxisConcatenator.__getitem__` (`r_`, `c_`).
fn concatenator(
    it: &mut Interp,
    key: &Value,
    axis0: i64,
    ndmin0: i64,
    trans0: i64,
) -> PyResult<Value> {
    if matches!(key, Value::Str(_)) {
        return Err(PyError::not_implemented(
            "arrsh does not support matrix strings in r_/c_",
        ));
    }
    let items = match key {
        Value::Tuple(t) => t.items.clone(),
        other => vec![other.clone()],
    };
    let (mut axis, mut ndmin, mut trans1d) = (axis0, ndmin0, trans0);
    let mut objs = Vec::new();
    let mut rt_objs = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let mut scalar = false;
        let newobj = match item {
            Value::Slice(_) => {
                let (start, stop, step) = slice_parts(it, item)?;
                let mut o = if is_complex(&step) {
                    let n = complex_abs(it, &step)? as i64;
                    let num = it.new_i64(n);
                    np_call(it, "linspace", vec![start, stop], vec![("num".into(), num)])?
                } else {
                    np_call(it, "arange", vec![start, stop, step], vec![])?
                };
                if ndmin > 1 {
                    let nd = it.new_i64(ndmin);
                    o = np_call(
                        it,
                        "array",
                        vec![o],
                        vec![("copy".into(), Value::None), ("ndmin".into(), nd)],
                    )?;
                    if trans1d != -1 {
                        let x = arr(&o)?;
                        o = Value::Array(swapaxes(it, &x, -1, trans1d)?);
                    }
                }
                o
            }
            Value::Str(s) => {
                if k != 0 {
                    return Err(PyError::value(
                        "special directives must be the first entry.",
                    ));
                }
                if s.v == "r" || s.v == "c" {
                    return Err(PyError::not_implemented(
                        "arrsh does not support np.matrix ('r'/'c' directives)",
                    ));
                }
                if s.v.contains(',') {
                    let vec: Vec<&str> = s.v.split(',').collect();
                    let nums: Option<Vec<i64>> =
                        vec.iter().take(3).map(|x| x.trim().parse().ok()).collect();
                    match nums {
                        Some(n) if n.len() >= 2 => {
                            axis = n[0];
                            ndmin = n[1];
                            if n.len() == 3 {
                                trans1d = n[2];
                            }
                        }
                        _ => {
                            return Err(PyError::value(format!(
                                "unknown special directive '{}'",
                                s.v
                            )));
                        }
                    }
                    continue;
                }
                match s.v.trim().parse::<i64>() {
                    Ok(a) => axis = a,
                    Err(_) => return Err(PyError::value("unknown special directive")),
                }
                continue;
            }
            v if is_scalar_type(v) => {
                scalar = true;
                v.clone()
            }
            v => {
                let x = it.to_array(v, None)?;
                let item_ndim = x.ndim() as i64;
                let nd = it.new_i64(ndmin);
                let o = np_call(
                    it,
                    "array",
                    vec![Value::Array(x)],
                    vec![("copy".into(), Value::None), ("ndmin".into(), nd)],
                )?;
                if trans1d != -1 && item_ndim < ndmin {
                    let k2 = ndmin - item_ndim;
                    let k1 = if trans1d < 0 {
                        trans1d + k2 + 1
                    } else {
                        trans1d
                    };
                    let def: Vec<i64> = (0..ndmin).collect();
                    let mut axes: Vec<i64> = def[..k1 as usize].to_vec();
                    axes.extend_from_slice(&def[k2 as usize..]);
                    axes.extend_from_slice(&def[k1 as usize..k2 as usize]);
                    Value::Array(arr(&o)?.transpose(&it.ctx, Some(&axes))?)
                } else {
                    o
                }
            }
        };
        rt_objs.push(if scalar {
            item.clone()
        } else {
            let d = arr(&newobj)?.dtype();
            it.new_dtype(d)
        });
        objs.push(newobj);
    }
    if !rt_objs.is_empty() {
        let final_dtype = np_call(it, "result_type", rt_objs, vec![])?;
        let nd = it.new_i64(ndmin);
        for o in objs.iter_mut() {
            *o = np_call(
                it,
                "array",
                vec![o.clone()],
                vec![
                    ("copy".into(), Value::None),
                    ("ndmin".into(), nd.clone()),
                    ("dtype".into(), final_dtype.clone()),
                ],
            )?;
        }
    }
    let tuple = it.new_tuple(objs);
    let ax = it.new_i64(axis);
    np_call(it, "concatenate", vec![tuple], vec![("axis".into(), ax)])
}

fn swapaxes(it: &mut Interp, x: &Rc<NdArray>, a: i64, b: i64) -> PyResult<Rc<NdArray>> {
    let nd = x.ndim();
    let a = crate::runtime::array::normalize_axis(a, nd)?;
    let b = crate::runtime::array::normalize_axis(b, nd)?;
    let mut perm: Vec<i64> = (0..nd as i64).collect();
    perm.swap(a, b);
    x.transpose(&it.ctx, Some(&perm))
}
