//! Reversing and rotating whole arrays as views: `flip`, `fliplr`/`flipud`, `rot90`, `roll`.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::Bound;
use crate::runtime::array::normalize_axis;
use crate::runtime::{NdArray, OrderArg};

use super::{array_of, get, reshaped, slice_of};
use crate::eval::numpy::shapes::normalize_axis_tuple;
use crate::eval::numpy::sorting::as_intp;

/// NumPy's `flip`: a view with the chosen axes reversed.
fn flip_axes(it: &mut Interp, m: &Rc<NdArray>, axes: &[usize]) -> PyResult<Rc<NdArray>> {
    let items: Vec<Value> = (0..m.ndim())
        .map(|ax| {
            let step = axes.contains(&ax).then_some(-1);
            slice_of(it, None, None, step)
        })
        .collect();
    let idx = it.new_tuple(items);
    get(it, m, &idx)
}

pub(super) fn flip(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.req("m")?;
    let m = array_of(it, &m)?;
    let axes = match a.take_some("axis") {
        None => (0..m.ndim()).collect(),
        Some(v) => {
            let list = it.axis_list(&v)?;
            normalize_axis_tuple(&list, m.ndim(), None)?
        }
    };
    Ok(Value::Array(flip_axes(it, &m, &axes)?))
}

pub(super) fn fliplr(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.req("m")?;
    let m = array_of(it, &m)?;
    if m.ndim() < 2 {
        return Err(PyError::value("Input must be >= 2-d."));
    }
    Ok(Value::Array(flip_axes(it, &m, &[1])?))
}

pub(super) fn flipud(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.req("m")?;
    let m = array_of(it, &m)?;
    if m.ndim() < 1 {
        return Err(PyError::value("Input must be >= 1-d."));
    }
    Ok(Value::Array(flip_axes(it, &m, &[0])?))
}

/// NumPy's `rot90`: flips and a transpose, all views.
pub(super) fn rot90(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.req("m")?;
    let k = it.arg_i64(&mut a, "k")?;
    let axes = match a.take("axes") {
        Some(v) => it.axis_list(&v)?,
        None => vec![0, 1],
    };
    let m = array_of(it, &m)?;
    if axes.len() != 2 {
        return Err(PyError::value("len(axes) must be 2."));
    }
    let nd = m.ndim() as i64;
    if axes[0] == axes[1] || (axes[0] - axes[1]).abs() == nd {
        return Err(PyError::value("Axes must be different."));
    }
    if axes.iter().any(|&x| x >= nd || x < -nd) {
        return Err(PyError::value(format!(
            "Axes=({}, {}) out of range for array of ndim={nd}.",
            axes[0], axes[1]
        )));
    }
    let a0 = normalize_axis(axes[0], m.ndim())?;
    let a1 = normalize_axis(axes[1], m.ndim())?;
    let k = k.rem_euclid(4);
    if k == 0 {
        let all = slice_of(it, None, None, None);
        return Ok(Value::Array(get(it, &m, &all)?));
    }
    if k == 2 {
        let f = flip_axes(it, &m, &[a0])?;
        return Ok(Value::Array(flip_axes(it, &f, &[a1])?));
    }
    let mut perm: Vec<i64> = (0..nd).collect();
    perm.swap(a0, a1);
    let r = if k == 1 {
        flip_axes(it, &m, &[a1])?.transpose(&it.ctx, Some(&perm))?
    } else {
        let t = m.transpose(&it.ctx, Some(&perm))?;
        flip_axes(it, &t, &[a1])?
    };
    Ok(Value::Array(r))
}

/// NumPy's `roll`: a new array filled from (at most) two slices per rolled axis.
pub(super) fn roll(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let shift = a.req("shift")?;
    let x = array_of(it, &x)?;
    let Some(axis) = a.take_some("axis") else {
        let flat = x.ravel(&it.ctx, OrderArg::C)?;
        let r = roll_axes(it, &flat, &shift, &[0])?;
        let shape = x.shape().to_vec();
        return Ok(Value::Array(reshaped(it, &r, &shape)?));
    };
    let axes = it.axis_list(&axis)?;
    let mut norm = Vec::with_capacity(axes.len());
    for ax in axes {
        norm.push(normalize_axis(ax, x.ndim())?);
    }
    Ok(Value::Array(roll_axes(it, &x, &shift, &norm)?))
}

fn roll_axes(
    it: &mut Interp,
    x: &Rc<NdArray>,
    shift: &Value,
    axes: &[usize],
) -> PyResult<Rc<NdArray>> {
    let sa = array_of(it, shift)?;
    let shifts = as_intp(it, &sa)?;
    let n = shifts.len().max(axes.len());
    if (shifts.len() != n && shifts.len() != 1) || (axes.len() != n && axes.len() != 1) {
        return Err(PyError::value(format!(
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ({},) and arg 1 with shape ({},).",
            shifts.len(),
            axes.len()
        )));
    }
    // NumPy sums the shifts of one axis as Python ints: no overflow (i128 holds any sum of
    // a few int64s)
    let mut total = vec![0i128; x.ndim()];
    for i in 0..n {
        let sh = shifts[if shifts.len() == 1 { 0 } else { i }];
        let ax = axes[if axes.len() == 1 { 0 } else { i }];
        total[ax] = total[ax].saturating_add(i128::from(sh));
    }
    // per axis: (source slice, destination slice) pairs
    let mut rolls: Vec<Vec<(Value, Value)>> = Vec::with_capacity(x.ndim());
    for (ax, &t) in total.iter().enumerate() {
        let len = x.shape()[ax] as i128;
        let off = t.rem_euclid(len.max(1)) as i64;
        if off == 0 {
            let all = slice_of(it, None, None, None);
            rolls.push(vec![(all.clone(), all)]);
        } else {
            rolls.push(vec![
                (
                    slice_of(it, None, Some(-off), None),
                    slice_of(it, Some(off), None, None),
                ),
                (
                    slice_of(it, Some(-off), None, None),
                    slice_of(it, None, Some(off), None),
                ),
            ]);
        }
    }
    let result = x.new_like(&it.ctx, &x.shape(), x.dtype(), OrderArg::K)?;
    let rv = Value::Array(result.clone());
    let xv = Value::Array(x.clone());
    let mut pick = vec![0usize; rolls.len()];
    loop {
        let src: Vec<Value> = pick
            .iter()
            .enumerate()
            .map(|(ax, &p)| rolls[ax][p].0.clone())
            .collect();
        let dst: Vec<Value> = pick
            .iter()
            .enumerate()
            .map(|(ax, &p)| rolls[ax][p].1.clone())
            .collect();
        let (src, dst) = (it.new_tuple(src), it.new_tuple(dst));
        let part = it.getitem(&xv, &src)?;
        it.setitem(&rv, &dst, part)?;
        // the next combination (itertools.product order)
        let mut ax = rolls.len();
        loop {
            if ax == 0 {
                return Ok(result);
            }
            ax -= 1;
            pick[ax] += 1;
            if pick[ax] < rolls[ax].len() {
                break;
            }
            pick[ax] = 0;
        }
    }
}
