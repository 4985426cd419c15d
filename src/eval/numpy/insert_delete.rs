//! `np.insert` and `np.delete` as NumPy 2.4's `_function_base_impl.py` writes them: a new
//! array (C order, or F for an F-only input) filled by slice and mask assignments, with
//! NumPy's bounds and shape refusals. A slice `obj` is read as `np.arange(N)[obj]`, which
//! gives the same indices as `obj.indices(N)`.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::kernels::BinaryOp;
use crate::runtime::{Kind, NdArray};

use super::arrange::{along, slice_of};
use super::setops::np;

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.delete", "(arr, obj, axis=None)", delete).returns("ndarray"),
    Row::np_py("numpy.insert", "(arr, obj, values, axis=None)", insert).returns("ndarray"),
];

/// The array (raveled when `axis` is None), its axis, and the order of new arrays.
struct Target {
    arr: Value,
    axis: usize,
    order: &'static str,
}

fn target(it: &mut Interp, a: &mut Bound) -> PyResult<Target> {
    let arr = np(it, "asarray", vec![a.req("arr")?], vec![])?;
    let x = arr_of(&arr)?;
    let order = if x.is_f_contiguous() && !x.is_c_contiguous() {
        "F"
    } else {
        "C"
    };
    let (arr, axis) = match a.take_some("axis") {
        None => {
            let arr = if x.ndim() != 1 {
                it.call_method(&arr, "ravel", vec![], vec![])?
            } else {
                arr
            };
            (arr, 0)
        }
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (arr, normalize_axis(ax, x.ndim())?)
        }
    };
    Ok(Target { arr, axis, order })
}

fn arr_of(v: &Value) -> PyResult<Rc<NdArray>> {
    v.as_array()
        .cloned()
        .ok_or_else(|| PyError::internal("expected an array"))
}

fn bools(it: &mut Interp, n: usize, fill: bool) -> PyResult<Value> {
    let shape = it.new_i64(n as i64);
    let f = if fill { "ones" } else { "zeros" };
    let dt = it.module_attr("numpy", "bool")?;
    np(it, f, vec![shape], vec![("dtype".into(), dt)])
}

fn empty_like_target(it: &mut Interp, t: &Target, shape: Vec<usize>) -> PyResult<Value> {
    let dims: Vec<Value> = shape.iter().map(|&n| it.new_i64(n as i64)).collect();
    let shape = it.new_tuple(dims);
    let dtype = it.getattr(&t.arr, "dtype")?;
    let order = it.new_str(t.order.into());
    np(it, "empty", vec![shape, dtype, order], vec![])
}

fn is_python_int(v: &Value) -> bool {
    match v {
        Value::Int(_) => true,
        Value::Scalar(s) => matches!(s.dtype.kind, Kind::Int | Kind::UInt),
        _ => false,
    }
}

fn delete(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let t = target(it, &mut a)?;
    let obj = a.req("obj")?;
    let x = arr_of(&t.arr)?;
    let n = x.shape()[t.axis];
    let keep = bools(it, n, true)?;
    let mut single = None;
    if is_python_int(&obj) {
        single = Some(it.c_long(&obj)?);
    } else if !matches!(obj, Value::Slice(_)) {
        let o = np(it, "asarray", vec![obj.clone()], vec![])?;
        let oa = arr_of(&o)?;
        if oa.size() == 1 && matches!(oa.dtype().kind, Kind::Int | Kind::UInt) {
            let item = it.call_method(&o, "item", vec![], vec![])?;
            single = Some(it.c_long(&item)?);
        } else if oa.dtype().kind == Kind::Bool {
            if *oa.shape() != [n] {
                return Err(PyError::delete_mask_shape(n));
            }
            let keep = it.call_numpy("numpy.logical_not", vec![o], vec![])?;
            let idx = along(it, t.axis, keep);
            return it.getitem(&t.arr, &idx);
        } else {
            let o = if oa.size() == 0 && !matches!(obj, Value::Array(_)) {
                let intp = it.module_attr("numpy", "intp")?;
                it.call_method(&o, "astype", vec![intp], vec![])?
            } else {
                o
            };
            let idx = it.new_tuple(vec![o]);
            it.setitem(&keep, &idx, Value::Bool(false))?;
        }
    }
    if let Some(i) = single {
        let nn = n as i64;
        if i < -nn || i >= nn {
            return Err(PyError::index_out_of_bounds(i as i128, t.axis, n));
        }
        let idx = it.new_i64(i);
        it.setitem(&keep, &idx, Value::Bool(false))?;
    } else if matches!(obj, Value::Slice(_)) {
        it.setitem(&keep, &obj, Value::Bool(false))?;
    }
    let idx = along(it, t.axis, keep);
    let new = it.getitem(&t.arr, &idx)?;
    if t.order == "F" {
        return np(it, "asfortranarray", vec![new], vec![]);
    }
    Ok(new)
}

fn insert(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let t = target(it, &mut a)?;
    let obj = a.req("obj")?;
    let values = a.req("values")?;
    let x = arr_of(&t.arr)?;
    let n = x.shape()[t.axis];
    let ndim = x.ndim();
    let indices = if matches!(obj, Value::Slice(_)) {
        let intp = it.module_attr("numpy", "intp")?;
        let nv = it.new_i64(n as i64);
        let r = np(it, "arange", vec![nv], vec![("dtype".into(), intp)])?;
        it.getitem(&r, &obj)?
    } else {
        let ind = np(it, "array", vec![obj.clone()], vec![])?;
        let ia = arr_of(&ind)?;
        if ia.dtype().kind == Kind::Bool {
            if ia.ndim() != 1 {
                return Err(PyError::insert_mask_not_1d());
            }
            np(it, "flatnonzero", vec![ind], vec![])?
        } else if ia.ndim() > 1 {
            return Err(PyError::insert_index_not_1d());
        } else {
            ind
        }
    };
    let ia = arr_of(&indices)?;
    let mut newshape = x.shape().to_vec();
    if ia.size() == 1 {
        let item = it.call_method(&indices, "item", vec![], vec![])?;
        let nn = n as i64;
        let index = match &item {
            Value::Int(_) | Value::Bool(_) => it.c_long(&item)?,
            // a float index gets as far as the bounds check, then fails as a slice bound
            _ => return Err(PyError::slice_indices_type()),
        };
        if index < -nn || index > nn {
            let shown = it.str(&obj)?;
            return Err(PyError::insert_out_of_bounds(&shown, t.axis, n));
        }
        let index = if index < 0 { index + nn } else { index };
        let dtype = it.getattr(&t.arr, "dtype")?;
        let kw = vec![
            ("copy".to_string(), Value::None),
            ("ndmin".to_string(), it.new_i64(ndim as i64)),
            ("dtype".to_string(), dtype),
        ];
        let mut vals = np(it, "array", vec![values], kw)?;
        if ia.ndim() == 0 {
            let z = it.new_i64(0);
            let ax = it.new_i64(t.axis as i64);
            vals = np(it, "moveaxis", vec![vals, z, ax], vec![])?;
        }
        let numnew = arr_of(&vals)?.shape()[t.axis] as i64;
        newshape[t.axis] += numnew as usize;
        let new = empty_like_target(it, &t, newshape)?;
        let s = slice_of(it, None, Some(index), None);
        let idx = along(it, t.axis, s);
        let head = it.getitem(&t.arr, &idx)?;
        it.setitem(&new, &idx, head)?;
        let s = slice_of(it, Some(index), Some(index + numnew), None);
        let idx = along(it, t.axis, s);
        it.setitem(&new, &idx, vals)?;
        let s = slice_of(it, Some(index + numnew), None, None);
        let idx = along(it, t.axis, s);
        let s2 = slice_of(it, Some(index), None, None);
        let idx2 = along(it, t.axis, s2);
        let tail = it.getitem(&t.arr, &idx2)?;
        it.setitem(&new, &idx, tail)?;
        return Ok(new);
    }
    let indices = if ia.size() == 0 && !matches!(obj, Value::Array(_)) {
        let intp = it.module_attr("numpy", "intp")?;
        it.call_method(&indices, "astype", vec![intp], vec![])?
    } else {
        // NumPy copied obj with np.array, so the shifts below never reach the caller's array
        indices
    };
    let zero = it.new_i64(0);
    let neg = it.numpy_binary(&indices, BinaryOp::Lt, &zero, "<")?;
    let nv = it.new_i64(n as i64);
    let shifted = it.getitem(&indices, &neg)?;
    let shifted = it.numpy_binary(&shifted, BinaryOp::Add, &nv, "+")?;
    it.setitem(&indices, &neg, shifted)?;
    let numnew = arr_of(&indices)?.size();
    let kw = vec![("kind".to_string(), it.new_str("mergesort".into()))];
    let order = it.call_method(&indices, "argsort", vec![], kw)?;
    let nn = it.new_i64(numnew as i64);
    let ramp = np(it, "arange", vec![nn], vec![])?;
    let picked = it.getitem(&indices, &order)?;
    let moved = it.numpy_binary(&picked, BinaryOp::Add, &ramp, "+")?;
    it.setitem(&indices, &order, moved)?;
    newshape[t.axis] += numnew;
    let old_mask = bools(it, newshape[t.axis], true)?;
    it.setitem(&old_mask, &indices, Value::Bool(false))?;
    let new = empty_like_target(it, &t, newshape)?;
    let idx = along(it, t.axis, indices);
    it.setitem(&new, &idx, values)?;
    let idx2 = along(it, t.axis, old_mask);
    it.setitem(&new, &idx2, t.arr.clone())?;
    Ok(new)
}
