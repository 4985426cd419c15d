//! Index arithmetic and iteration: `unravel_index`, `ravel_multi_index`, `ndindex`,
//! `ndenumerate`, `nditer` (element views in memory order, read-only unless asked) and
//! `a.flat` (NumPy's `flatiter`: C-order indexing, assignment and iteration).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{IterState, NativeObj, NativeSlots, Value};
use crate::eval::registry::{Bound, Row};
use crate::runtime::kernels;
use crate::runtime::{DType, Layout, NdArray, Order, OrderArg, Scalar};

pub const ROWS: &[Row] = &[
    Row::np_c(
        "numpy.unravel_index",
        "(indices, shape, order='C')",
        unravel_index,
    )
    .returns("tuple"),
    Row::np_c(
        "numpy.ravel_multi_index",
        "(multi_index, dims, mode='raise', order='C')",
        ravel_multi_index,
    )
    .returns("ndarray"),
    Row::np_py("numpy.ndindex", "(*shape)", ndindex),
    Row::np_py("numpy.ndenumerate", "(arr)", ndenumerate),
    Row::np_c(
        "numpy.nditer",
        "(op, flags=None, op_flags=None, op_dtypes=None, order='K', casting='safe', op_axes=None, itershape=None, buffersize=0)",
        nditer,
    ),
    Row::attr("ndarray.flat", flat),
];

fn order_is_f(it: &mut Interp, a: &mut Bound) -> PyResult<bool> {
    match a.take_some("order") {
        None => Ok(false),
        Some(Value::Str(s)) if s.v == "C" => Ok(false),
        Some(Value::Str(s)) if s.v == "F" => Ok(true),
        Some(v) => {
            let r = it.repr(&v)?;
            Err(PyError::value(format!(
                "only 'C' or 'F' order is permitted (got {r})"
            )))
        }
    }
}

/// Strides in elements of a C (or F) ordered `dims`.
fn elem_strides(dims: &[usize], f: bool) -> Vec<i64> {
    let mut s = vec![0i64; dims.len()];
    let mut acc = 1i64;
    let axes: Vec<usize> = if f {
        (0..dims.len()).collect()
    } else {
        (0..dims.len()).rev().collect()
    };
    for ax in axes {
        s[ax] = acc;
        acc = acc.saturating_mul(dims[ax] as i64);
    }
    s
}

fn int64_values(it: &mut Interp, v: &Value) -> PyResult<(Vec<i64>, Vec<usize>, bool)> {
    let scalar = !matches!(v, Value::Array(_) | Value::List(_) | Value::Tuple(_));
    let a = it.to_array(v, None)?;
    if !a.dtype().is_integer() && a.dtype() != DType::BOOL {
        return Err(PyError::type_error("only int indices permitted"));
    }
    let c = kernels::cast_array(&it.ctx, &a, DType::INT64, Order::C)?;
    let b = c.buffer().bytes()?;
    Ok((
        bytemuck::cast_slice::<u8, i64>(&b[..c.size() * 8]).to_vec(),
        a.shape().to_vec(),
        scalar || a.ndim() == 0,
    ))
}

fn int_array(it: &mut Interp, shape: &[usize], v: &[i64]) -> PyResult<Rc<NdArray>> {
    let out = NdArray::zeros(&it.ctx, shape, DType::INT64, Order::C)?;
    out.buffer().bytes_mut()?[..v.len() * 8].copy_from_slice(bytemuck::cast_slice(v));
    Ok(out)
}

fn unravel_index(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let iv = a.req("indices")?;
    let sv = a.req("shape")?;
    let f = order_is_f(it, &mut a)?;
    let dims = Layout::checked_size(&it.to_shape(&sv)?, 8)?;
    let (idx, shape, scalar) = int64_values(it, &iv)?;
    let size: i64 = dims.iter().map(|&d| d as i64).product();
    let strides = elem_strides(&dims, f);
    let mut cols: Vec<Vec<i64>> = vec![Vec::with_capacity(idx.len()); dims.len()];
    for &i in &idx {
        if i < 0 || i >= size {
            return Err(PyError::value(format!(
                "index {i} is out of bounds for array with size {size}"
            )));
        }
        for (k, &d) in dims.iter().enumerate() {
            cols[k].push((i / strides[k]) % d as i64);
        }
    }
    let mut out = Vec::with_capacity(dims.len());
    for c in cols {
        if scalar {
            out.push(it.new_scalar(DType::INT64, Scalar::Int(c[0])));
        } else {
            out.push(Value::Array(int_array(it, &shape, &c)?));
        }
    }
    Ok(it.new_tuple(out))
}

fn ravel_multi_index(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mv = a.req("multi_index")?;
    let dv = a.req("dims")?;
    let f = order_is_f(it, &mut a)?;
    let dims = Layout::checked_size(&it.to_shape(&dv)?, 8)?;
    let modes: Vec<String> = match a.take_some("mode") {
        None => vec!["raise".into(); dims.len()],
        Some(Value::Str(s)) => vec![s.v.clone(); dims.len()],
        Some(v) => it
            .collect(&v)?
            .iter()
            .map(|m| match m {
                Value::Str(s) => Ok(s.v.clone()),
                _ => Err(PyError::type_error("clipmode not understood")),
            })
            .collect::<PyResult<_>>()?,
    };
    let coords = it.collect(&mv)?;
    if coords.len() != dims.len() {
        return Err(PyError::value(format!(
            "parameter multi_index must be a sequence of length {}",
            dims.len()
        )));
    }
    // the coordinate arrays broadcast together, as NumPy's iterator over them does
    let mut arrays = Vec::with_capacity(coords.len());
    let mut scalar = true;
    for c in &coords {
        scalar &= !matches!(c, Value::Array(_) | Value::List(_) | Value::Tuple(_));
        let a = it.to_array(c, None)?;
        if !a.dtype().is_integer() && a.dtype() != DType::BOOL {
            return Err(PyError::type_error("only int indices permitted"));
        }
        scalar &= a.ndim() == 0;
        arrays.push(a);
    }
    let shapes: Vec<Vec<usize>> = arrays.iter().map(|a| a.shape().to_vec()).collect();
    let refs: Vec<&[usize]> = shapes.iter().map(Vec::as_slice).collect();
    let shape = kernels::broadcast_shapes(&refs)?;
    let mut cols = Vec::with_capacity(arrays.len());
    for a in &arrays {
        let full = NdArray::zeros(&it.ctx, &shape, DType::INT64, Order::C)?;
        kernels::assign(&it.ctx, &full, a)?;
        let b = full.buffer().bytes()?;
        cols.push(bytemuck::cast_slice::<u8, i64>(&b[..full.size() * 8]).to_vec());
    }
    let n = cols.iter().map(|c| c.len()).max().unwrap_or(0);
    let strides = elem_strides(&dims, f);
    let mut out = vec![0i64; n];
    for (k, col) in cols.iter().enumerate() {
        let d = dims[k] as i64;
        for (j, o) in out.iter_mut().enumerate() {
            let mut v = col[if col.len() == 1 { 0 } else { j }];
            match modes[k].as_str() {
                "wrap" => v = v.rem_euclid(d.max(1)),
                "clip" => v = v.clamp(0, (d - 1).max(0)),
                _ => {
                    if v < 0 || v >= d {
                        return Err(PyError::value("invalid entry in coordinates array"));
                    }
                }
            }
            *o += v * strides[k];
        }
    }
    if scalar {
        return Ok(it.new_scalar(DType::INT64, Scalar::Int(out[0])));
    }
    Ok(Value::Array(int_array(it, &shape, &out)?))
}

/// Every index of `dims` in C order, as Python int tuples.
fn index_tuples(it: &mut Interp, dims: &[usize]) -> PyResult<Vec<Value>> {
    let total: usize = dims.iter().product();
    if total > 1 << 24 {
        return Err(PyError::not_implemented(
            "arrsh builds np.ndindex/np.ndenumerate up front and stops at 2**24 indices",
        ));
    }
    let mut idx = vec![0usize; dims.len()];
    let mut out = Vec::with_capacity(total);
    for _ in 0..total {
        let t = idx.iter().map(|&i| it.new_i64(i as i64)).collect();
        out.push(it.new_tuple(t));
        for ax in (0..dims.len()).rev() {
            idx[ax] += 1;
            if idx[ax] < dims[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
    Ok(out)
}

fn ndindex(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let shape_v = match a.star.as_slice() {
        [one @ Value::Tuple(_)] => one.clone(),
        many => it.new_tuple(many.to_vec()),
    };
    let shape = it.to_shape(&shape_v)?;
    if shape.iter().any(|&d| d < 0) {
        return Err(PyError::value("negative dimensions are not allowed"));
    }
    let dims: Vec<usize> = shape.iter().map(|&d| d as usize).collect();
    let items = index_tuples(it, &dims)?;
    Ok(it.new_iter("numpy.ndindex", IterState::Values(items.into())))
}

fn ndenumerate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("arr")?;
    let arr = it.to_array(&v, None)?;
    let dims = arr.shape().to_vec();
    let idx = index_tuples(it, &dims)?;
    let mut offs = Vec::with_capacity(arr.size());
    arr.layout().for_each_offset(|o| offs.push(o));
    let mut items = Vec::with_capacity(idx.len());
    for (t, o) in idx.into_iter().zip(offs) {
        let e = arr.element_at(o)?;
        let s = it.element_scalar(arr.dtype(), e);
        items.push(it.new_tuple(vec![t, s]));
    }
    Ok(it.new_iter("numpy.ndenumerate", IterState::Values(items.into())))
}

/// The layout visited in NumPy's `K` order: axes by decreasing |stride|, reversed axes
/// flipped, so iteration follows memory.
fn memory_order(layout: &Layout) -> Layout {
    let perm = layout.sorted_stride_perm();
    let mut l = Layout {
        shape: perm.iter().map(|&p| layout.shape[p]).collect(),
        strides: perm.iter().map(|&p| layout.strides[p]).collect(),
        offset_bytes: layout.offset_bytes,
    };
    for ax in 0..l.ndim() {
        if l.strides[ax] < 0 && l.shape[ax] > 0 {
            l.offset_bytes += (l.shape[ax] as isize - 1) * l.strides[ax];
            l.strides[ax] = -l.strides[ax];
        }
    }
    l
}

fn nditer(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let op = a.req("op")?;
    if matches!(op, Value::List(_) | Value::Tuple(_))
        && !matches!(&op, Value::List(l) if l.items.borrow().iter().all(|x| !matches!(x, Value::Array(_))))
    {
        return Err(PyError::not_implemented(
            "arrsh's nditer iterates one operand",
        ));
    }
    let arr = it.to_array(&op, None)?;
    let mut writable = false;
    if let Some(f) = a.take_some("op_flags") {
        for x in it.collect(&f)? {
            if let Value::Str(s) = x {
                writable |= s.v == "readwrite" || s.v == "writeonly";
            }
        }
    }
    if let Some(fl) = a.take_some("flags") {
        let flags = it.collect(&fl)?;
        if !flags.is_empty() {
            return Err(PyError::not_implemented(
                "arrsh's nditer does not support flags= yet",
            ));
        }
    }
    let order = match a.take_some("order") {
        None => OrderArg::K,
        Some(Value::Str(s)) => OrderArg::parse(&s.v).unwrap_or(OrderArg::K),
        Some(_) => OrderArg::K,
    };
    it.refuse_unsupported(
        &mut a,
        &["op_dtypes", "casting", "op_axes", "itershape", "buffersize"],
    )?;
    if writable && !arr.is_writeable() {
        return Err(PyError::value("output array is read-only"));
    }
    let layout = arr.layout().clone();
    let walk = match order {
        OrderArg::C => layout.clone(),
        OrderArg::F => Layout {
            shape: layout.shape.iter().rev().copied().collect(),
            strides: layout.strides.iter().rev().copied().collect(),
            offset_bytes: layout.offset_bytes,
        },
        _ => memory_order(&layout),
    };
    let mut items = Vec::with_capacity(arr.size());
    let mut offs = Vec::with_capacity(arr.size());
    walk.for_each_offset(|o| offs.push(o));
    for o in offs {
        let l = Layout {
            shape: vec![],
            strides: vec![],
            offset_bytes: o as isize,
        };
        let v = arr.view_with(&it.ctx, arr.dtype(), l);
        items.push(Value::Array(if writable { v } else { v.into_readonly() }));
    }
    Ok(it.new_iter("numpy.nditer", IterState::Values(items.into())))
}

// ---------------------------------------------------------------- a.flat

static FLAT_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(flat_get),
    setitem: Some(flat_set),
    iter: Some(flat_iter),
    len: Some(flat_len),
    ..NativeSlots::NONE
};

fn flat(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let Value::Array(arr) = &a.this else {
        return Err(PyError::type_error("flat of a non-array"));
    };
    Ok(Value::Native(Rc::new(NativeObj {
        id: it.ctx.heap.object(48),
        type_name: "numpy.flatiter",
        owners: &[],
        repr_head: None,
        slots: &FLAT_SLOTS,
        state: std::cell::RefCell::new(Box::new(arr.clone())),
    })))
}

fn flat_base(v: &Value) -> PyResult<Rc<NdArray>> {
    let Value::Native(n) = v else {
        return Err(PyError::type_error("not a flatiter"));
    };
    n.state
        .borrow()
        .downcast_ref::<Rc<NdArray>>()
        .cloned()
        .ok_or_else(|| PyError::type_error("not a flatiter"))
}

fn flat_len(_: &mut Interp, v: &Value) -> PyResult<usize> {
    Ok(flat_base(v)?.size())
}

fn flat_iter(it: &mut Interp, v: &Value) -> PyResult<Value> {
    let a = flat_base(v)?;
    let mut offs = Vec::with_capacity(a.size());
    a.layout().for_each_offset(|o| offs.push(o));
    let mut items = Vec::with_capacity(offs.len());
    for o in offs {
        let e = a.element_at(o)?;
        items.push(it.element_scalar(a.dtype(), e));
    }
    Ok(it.new_list(items))
}

/// `a.flat[idx]`: indexing a C-order copy; a slice or an index array gives a new array.
fn flat_get(it: &mut Interp, v: &Value, idx: &Value) -> PyResult<Value> {
    let a = flat_base(v)?;
    let flat = a.flatten(&it.ctx, OrderArg::C)?;
    let r = it.getitem(&Value::Array(flat), idx)?;
    match r {
        Value::Array(x) if !x.owns_data() => {
            Ok(Value::Array(kernels::copy_array(&it.ctx, &x, Order::C)?))
        }
        other => Ok(other),
    }
}

/// `a.flat[idx] = v`: the C-order positions `idx` picks, written in turn with `v`'s values
/// repeated as needed (NumPy's `iter_ass_subscript`).
fn flat_set(it: &mut Interp, v: &Value, idx: &Value, val: Value) -> PyResult<()> {
    let a = flat_base(v)?;
    if !a.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    let n = a.size();
    let pos = NdArray::zeros(&it.ctx, &[n], DType::INT64, Order::C)?;
    if n > 0 {
        kernels::fill_arange(&it.ctx, &pos, &Scalar::Int(0), &Scalar::Int(1))?;
    }
    let picked = it.getitem(&Value::Array(pos), idx)?;
    let picked = it.to_array(&picked, None)?;
    let src = it.to_array(&val, Some(a.dtype()))?;
    let src = kernels::cast_array(&it.ctx, &src, a.dtype(), Order::C)?;
    if src.size() == 0 {
        return Ok(());
    }
    let pb = kernels::cast_array(&it.ctx, &picked, DType::INT64, Order::C)?;
    let positions: Vec<i64> =
        bytemuck::cast_slice::<u8, i64>(&pb.buffer().bytes()?[..pb.size() * 8]).to_vec();
    let isz = a.itemsize();
    let sb = src.buffer().bytes()?.to_vec();
    let dims = a.shape().to_vec();
    let layout = a.layout().clone();
    let mut bytes = a.buffer().bytes_mut()?;
    for (k, &p) in positions.iter().enumerate() {
        let mut rem = p as usize;
        let mut index = vec![0usize; dims.len()];
        for ax in (0..dims.len()).rev() {
            index[ax] = rem % dims[ax].max(1);
            rem /= dims[ax].max(1);
        }
        let o = layout.offset_of(&index);
        let s = (k % src.size()) * isz;
        bytes[o..o + isz].copy_from_slice(&sb[s..s + isz]);
    }
    Ok(())
}
