//! Calling a Python function over an array's pieces, as NumPy's Python does it:
//! `apply_along_axis` (each 1-d slice along an axis; results stacked into an array of the first
//! result's dtype) and `apply_over_axes` (the function applied axis after axis, keeping dims).

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::normalize_axis;

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.apply_along_axis",
        "(func1d, axis, arr, *args, **kwargs)",
        apply_along_axis,
    ),
    Row::np_py("numpy.apply_over_axes", "(func, a, axes)", apply_over_axes),
];

/// The integer tuple `ix` as an index value.
fn index_of(it: &mut Interp, ix: &[usize]) -> Value {
    let items = ix.iter().map(|&i| it.new_i64(i as i64)).collect();
    it.new_tuple(items)
}

/// The next index of `shape` in C order (`false` when `ix` was the last).
fn advance(ix: &mut [usize], shape: &[usize]) -> bool {
    for d in (0..ix.len()).rev() {
        ix[d] += 1;
        if ix[d] < shape[d] {
            return true;
        }
        ix[d] = 0;
    }
    false
}

/// `np.apply_along_axis(func1d, axis, arr, *args, **kwargs)`: `func1d` of every 1-d slice
/// along `axis` (in `ndindex` order of the other axes); the results, all shaped like the
/// first, fill an array of its dtype whose result axes stand where `axis` was.
fn apply_along_axis(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let func = a.req("func1d")?;
    let axis = a.req("axis")?;
    let arr = a.req("arr")?;
    let extra = std::mem::take(&mut a.star);
    let kw = std::mem::take(&mut a.kwargs);
    let arr = it.to_array(&arr, None)?;
    let nd = arr.ndim();
    let axis = normalize_axis(it.c_long(&axis)?, nd)?;
    // the axis moved last: inarr_view[ind] is one slice
    let mut perm: Vec<i64> = (0..nd as i64).filter(|&d| d != axis as i64).collect();
    perm.push(axis as i64);
    let permv = it.int_tuple(perm.iter().map(|&d| d as i128).collect::<Vec<_>>());
    let view = it.call_numpy("numpy.transpose", vec![Value::Array(arr), permv], vec![])?;
    let vshape = it.to_array(&view, None)?.shape().to_vec();
    let outer: Vec<usize> = vshape[..nd - 1].to_vec();
    if outer.contains(&0) {
        return Err(PyError::value(
            "Cannot apply_along_axis when any iteration dimensions are 0",
        ));
    }
    let mut ix = vec![0usize; outer.len()];
    let call = |it: &mut Interp, ix: &[usize]| -> PyResult<Value> {
        let idx = index_of(it, ix);
        let piece = it.getitem(&view, &idx)?;
        let mut args = vec![piece];
        args.extend(extra.iter().cloned());
        let r = it.call(&func, args, kw.clone())?;
        Ok(Value::Array(it.to_array(&r, None)?))
    };
    let first = call(it, &ix)?;
    let res = it.to_array(&first, None)?;
    let mut bshape: Vec<i128> = outer.iter().map(|&d| d as i128).collect();
    bshape.extend(res.shape().iter().map(|&d| d as i128));
    let bshape_v = it.int_tuple(bshape.clone());
    let dtv = it.new_dtype(res.dtype());
    let buff = it.call_numpy("numpy.zeros", vec![bshape_v], vec![("dtype".into(), dtv)])?;
    let idx = index_of(it, &ix);
    it.setitem(&buff, &idx, first)?;
    while advance(&mut ix, &outer) {
        it.ctx.check_interrupt()?;
        let r = call(it, &ix)?;
        let idx = index_of(it, &ix);
        it.setitem(&buff, &idx, r)?;
    }
    // the result's axes go where `axis` was
    let bnd = bshape.len();
    let rnd = res.ndim();
    let mut bperm: Vec<i128> = (0..axis as i128).collect();
    bperm.extend((bnd - rnd) as i128..bnd as i128);
    bperm.extend(axis as i128..(bnd - rnd) as i128);
    let bperm = it.int_tuple(bperm);
    it.call_numpy("numpy.transpose", vec![buff, bperm], vec![])
}

/// `np.apply_over_axes(func, a, axes)`: `val = func(val, axis)` for each axis, a result one
/// dimension short getting it back (`expand_dims`).
fn apply_over_axes(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let func = a.req("func")?;
    let x = a.req("a")?;
    let axes = a.req("axes")?;
    let mut val = Value::Array(it.to_array(&x, None)?);
    let n = it.to_array(&val, None)?.ndim() as i64;
    let axes = match &axes {
        Value::Tuple(t) => t.items.to_vec(),
        Value::List(_) => it.collect(&axes)?,
        other => vec![other.clone()],
    };
    for ax in axes {
        it.ctx.check_interrupt()?;
        let mut axis = it.c_long(&ax)?;
        if axis < 0 {
            axis += n;
        }
        let axv = it.new_i64(axis);
        let res = it.call(&func, vec![val.clone(), axv.clone()], vec![])?;
        let rnd = it.to_array(&res, None)?.ndim();
        let vnd = it.to_array(&val, None)?.ndim();
        if rnd == vnd {
            val = res;
            continue;
        }
        let res = it.call_numpy("numpy.expand_dims", vec![res, axv], vec![])?;
        if it.to_array(&res, None)?.ndim() != vnd {
            return Err(PyError::value(
                "function is not returning an array of the correct shape",
            ));
        }
        val = res;
    }
    Ok(val)
}

#[cfg(test)]
mod tests {
    use super::advance;

    #[test]
    fn indices_advance_in_c_order() {
        let shape = [2, 3];
        let mut ix = vec![0, 0];
        let mut seen = vec![ix.clone()];
        while advance(&mut ix, &shape) {
            seen.push(ix.clone());
        }
        assert_eq!(seen.len(), 6);
        assert_eq!(seen[1], vec![0, 1], "last axis fastest");
        assert_eq!(seen[3], vec![1, 0]);
        let mut none: Vec<usize> = vec![];
        assert!(!advance(&mut none, &[]), "0-d: one index only");
    }
}
