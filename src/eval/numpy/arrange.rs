//! Rearranging helpers of the numpy module, written as NumPy writes them in Python (slices,
//! transposes, concatenation and fancy indexing of whole arrays, so views stay views): `flip`,
//! `fliplr`/`flipud`, `rot90`, `roll`, `tile`, `repeat`, `resize`, `atleast_1d/2d/3d`,
//! `column_stack`, `dstack`, `split`/`array_split`/`hsplit`/`vsplit`/`dsplit`, `diagonal`
//! (a read-only view), `diag`, `trace`, `tri`/`triu`/`tril`, `take`/`put`,
//! `take_along_axis`/`put_along_axis` and `pad`.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::array::normalize_axis;
use crate::runtime::kernels;
use crate::runtime::layout::Layout;
use crate::runtime::{DType, Kind, NdArray, Order, OrderArg};

use super::shapes::normalize_axis_tuple;
use super::sorting::{as_intp, vec_array};

pub const ROWS: &[Row] = &[
    Row::np_py("numpy.flip", "(m, axis=None)", flip),
    Row::np_py("numpy.fliplr", "(m)", fliplr),
    Row::np_py("numpy.flipud", "(m)", flipud),
    Row::np_py("numpy.rot90", "(m, k=1, axes=(0, 1))", rot90),
    Row::np_py("numpy.roll", "(a, shift, axis=None)", roll),
    Row::np_py("numpy.tile", "(A, reps)", tile),
    Row::np_py("numpy.repeat", "(a, repeats, axis=None)", repeat),
    Row::np_method("ndarray.repeat", "(repeats, /, axis=None)", repeat),
    Row::np_py("numpy.resize", "(a, new_shape)", resize),
    Row::np_py("numpy.atleast_1d", "(*arys)", atleast),
    Row::np_py("numpy.atleast_2d", "(*arys)", atleast),
    Row::np_py("numpy.atleast_3d", "(*arys)", atleast),
    Row::np_py("numpy.column_stack", "(tup)", column_stack),
    Row::np_py("numpy.dstack", "(tup)", dstack),
    Row::np_py(
        "numpy.array_split",
        "(ary, indices_or_sections, axis=0)",
        split,
    ),
    Row::np_py("numpy.split", "(ary, indices_or_sections, axis=0)", split),
    Row::np_py("numpy.hsplit", "(ary, indices_or_sections)", split),
    Row::np_py("numpy.vsplit", "(ary, indices_or_sections)", split),
    Row::np_py("numpy.dsplit", "(ary, indices_or_sections)", split),
    Row::np_py(
        "numpy.diagonal",
        "(a, offset=0, axis1=0, axis2=1)",
        diagonal,
    ),
    Row::np_method("ndarray.diagonal", "(offset=0, axis1=0, axis2=1)", diagonal),
    Row::np_py("numpy.diag", "(v, k=0)", diag),
    Row::np_py(
        "numpy.trace",
        "(a, offset=0, axis1=0, axis2=1, dtype=None, out=None)",
        trace,
    ),
    Row::np_method(
        "ndarray.trace",
        "(offset=0, axis1=0, axis2=1, dtype=None, out=None)",
        trace,
    ),
    Row::np_py(
        "numpy.tri",
        "(N, M=None, k=0, dtype=<class 'float'>, *, like=None)",
        tri,
    ),
    Row::np_py("numpy.triu", "(m, k=0)", triu),
    Row::np_py("numpy.tril", "(m, k=0)", triu),
    Row::np_py(
        "numpy.take",
        "(a, indices, axis=None, out=None, mode='raise')",
        take,
    ),
    Row::np_method(
        "ndarray.take",
        "(indices, /, axis=None, out=None, mode='raise')",
        take,
    ),
    Row::np_py("numpy.put", "(a, ind, v, mode='raise')", put),
    Row::np_method("ndarray.put", "(indices, values, /, mode='raise')", put),
    Row::np_py(
        "numpy.take_along_axis",
        "(arr, indices, axis=-1)",
        take_along_axis,
    ),
    Row::np_py(
        "numpy.put_along_axis",
        "(arr, indices, values, axis)",
        put_along_axis,
    ),
    Row::np_py(
        "numpy.pad",
        "(array, pad_width, mode='constant', **kwargs)",
        pad,
    ),
];

/// `slice(start, stop, step)` from optional ints.
pub(crate) fn slice_of(
    it: &mut Interp,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Value {
    let v = |it: &mut Interp, x: Option<i64>| x.map_or(Value::None, |x| it.new_i64(x));
    let (a, b, c) = (v(it, start), v(it, stop), v(it, step));
    it.new_slice(a, b, c)
}

/// `(slice(None),) * axis + (item,)`: an index that applies `item` along `axis`.
pub(crate) fn along(it: &mut Interp, axis: usize, item: Value) -> Value {
    let mut items: Vec<Value> = (0..axis)
        .map(|_| it.new_slice(Value::None, Value::None, Value::None))
        .collect();
    items.push(item);
    it.new_tuple(items)
}

/// `a[index]` of an array.
fn get(it: &mut Interp, a: &Rc<NdArray>, index: &Value) -> PyResult<Rc<NdArray>> {
    let r = it.getitem(&Value::Array(a.clone()), index)?;
    it.to_array(&r, None)
}

/// `a` as an array (NumPy's `asanyarray`): the same object when it already is one.
fn array_of(it: &mut Interp, v: &Value) -> PyResult<Rc<NdArray>> {
    it.to_array(v, None)
}

/// The receiver of a method row, or the named argument of the function row.
fn subject(it: &mut Interp, a: &mut Bound, name: &str) -> PyResult<Rc<NdArray>> {
    match &a.this {
        Value::Array(x) => Ok(x.clone()),
        _ => {
            let v = a.req(name)?;
            array_of(it, &v)
        }
    }
}

fn reshaped(it: &mut Interp, a: &Rc<NdArray>, shape: &[usize]) -> PyResult<Rc<NdArray>> {
    let s: Vec<i128> = shape.iter().map(|&d| d as i128).collect();
    a.reshape(&it.ctx, &s, OrderArg::C)
}

fn concatenate(it: &mut Interp, parts: Vec<Value>, axis: usize) -> PyResult<Rc<NdArray>> {
    let list = it.new_list(parts);
    let ax = it.new_i64(axis as i64);
    let r = it.call_numpy("numpy.concatenate", vec![list], vec![("axis".into(), ax)])?;
    it.to_array(&r, None)
}

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

fn flip(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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

fn fliplr(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.req("m")?;
    let m = array_of(it, &m)?;
    if m.ndim() < 2 {
        return Err(PyError::value("Input must be >= 2-d."));
    }
    Ok(Value::Array(flip_axes(it, &m, &[1])?))
}

fn flipud(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.req("m")?;
    let m = array_of(it, &m)?;
    if m.ndim() < 1 {
        return Err(PyError::value("Input must be >= 1-d."));
    }
    Ok(Value::Array(flip_axes(it, &m, &[0])?))
}

/// NumPy's `rot90`: flips and a transpose, all views.
fn rot90(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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
fn roll(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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

/// The positions `repeat` takes along an axis of length `n`, or NumPy's refusal.
fn repeat_positions(it: &mut Interp, repeats: &Value, n: usize) -> PyResult<Vec<i64>> {
    if let Value::Int(_) = repeats {
        // an intp argument: past 64 bits is an OverflowError, not a uint64 array wrapped
        it.c_long(repeats)?;
    }
    let r = array_of(it, repeats)?;
    let counts = as_intp(it, &r)?;
    if counts.len() != 1 && counts.len() != n {
        return Err(PyError::value(format!(
            "operands could not be broadcast together with shape ({n},) ({},)",
            counts.len()
        )));
    }
    if counts.len() == 1 && counts[0] < 0 && r.ndim() == 0 {
        return Err(PyError::value("negative dimensions are not allowed"));
    }
    if counts.iter().any(|&c| c < 0) {
        return Err(PyError::value("repeats may not contain negative values."));
    }
    let total: i64 = if counts.len() == 1 {
        counts[0].saturating_mul(n as i64)
    } else {
        counts.iter().sum()
    };
    if !it.ctx.heap.fits(total as u128 * 8) {
        return Err(PyError::unable_to_allocate(
            total as u128 * 8,
            &[total as usize],
            "int64",
        ));
    }
    let mut pos = Vec::with_capacity(total as usize);
    for i in 0..n {
        let c = counts[if counts.len() == 1 { 0 } else { i }];
        for _ in 0..c {
            pos.push(i as i64);
        }
    }
    Ok(pos)
}

/// `np.repeat(a, repeats, axis)` / `a.repeat(...)`: each element (or slice along the axis)
/// `repeats` times, by fancy indexing (a new array).
fn repeat(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let repeats = a.req("repeats")?;
    let (x, axis) = match a.take_some("axis") {
        None => (x.ravel(&it.ctx, OrderArg::C)?, 0),
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (x.clone(), normalize_axis(ax, x.ndim())?)
        }
    };
    if x.ndim() == 0 {
        let flat = reshaped(it, &x, &[1])?;
        return repeat_along(it, &flat, &repeats, 0);
    }
    repeat_along(it, &x, &repeats, axis)
}

fn repeat_along(it: &mut Interp, x: &Rc<NdArray>, repeats: &Value, axis: usize) -> PyResult<Value> {
    let n = x.shape()[axis];
    let pos = repeat_positions(it, repeats, n)?;
    let idx = vec_array(it, DType::INT64, &pos)?;
    let ix = along(it, axis, Value::Array(idx));
    Ok(Value::Array(get(it, x, &ix)?))
}

/// NumPy's `tile`: `repeat` axis by axis over `reshape(-1, n)` views.
fn tile(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let av = a.req("A")?;
    let reps = a.req("reps")?;
    let mut tup: Vec<i64> = match &reps {
        Value::Tuple(_) | Value::List(_) | Value::Array(_) => {
            let items = it.collect(&reps)?;
            let mut v = Vec::with_capacity(items.len());
            for x in items {
                v.push(it.c_long(&x)?);
            }
            v
        }
        other => vec![it.c_long(other)?],
    };
    let d = tup.len();
    let ndmin = it.new_i64(d as i64);
    let all_one = tup.iter().all(|&t| t == 1);
    let is_array = matches!(av, Value::Array(_));
    let copy = if all_one && is_array {
        Value::Bool(true)
    } else {
        Value::None
    };
    let c = it.call_numpy(
        "numpy.array",
        vec![av],
        vec![("copy".into(), copy), ("ndmin".into(), ndmin)],
    )?;
    let mut c = array_of(it, &c)?;
    if all_one && is_array {
        return Ok(Value::Array(c));
    }
    if d < c.ndim() {
        let mut t = vec![1; c.ndim() - d];
        t.extend(tup);
        tup = t;
    }
    if tup.iter().any(|&t| t < 0) {
        return Err(PyError::value("negative dimensions are not allowed"));
    }
    let shape_out: Vec<usize> = c
        .shape()
        .iter()
        .zip(&tup)
        .map(|(&s, &t)| s * t as usize)
        .collect();
    let mut n = c.size();
    if n > 0 {
        let dims = c.shape().to_vec();
        for (dim_in, &nrep) in dims.iter().zip(&tup) {
            if nrep != 1 {
                let rows = c.reshape(&it.ctx, &[-1, n as i128], OrderArg::C)?;
                let r = it.new_i64(nrep);
                let v = repeat_along(it, &rows, &r, 0)?;
                c = array_of(it, &v)?;
            }
            n /= dim_in;
        }
    }
    let s: Vec<i128> = shape_out.iter().map(|&d| d as i128).collect();
    Ok(Value::Array(c.reshape(&it.ctx, &s, OrderArg::C)?))
}

/// NumPy's `resize`: the flattened data repeated to fill the new shape.
fn resize(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("a")?;
    let ns = a.req("new_shape")?;
    let x = array_of(it, &x)?;
    let shape = it.to_shape(&ns)?;
    if shape.iter().any(|&d| d < 0) {
        return Err(PyError::value(
            "all elements of `new_shape` must be non-negative",
        ));
    }
    let new_size: i128 = shape.iter().product();
    let flat = x.ravel(&it.ctx, OrderArg::C)?;
    let sv = it.int_tuple(shape.iter().copied());
    if flat.size() == 0 || new_size == 0 {
        return it.call_numpy(
            "numpy.zeros_like",
            vec![Value::Array(flat)],
            vec![("shape".into(), sv)],
        );
    }
    let repeats = (new_size as usize).div_ceil(flat.size());
    let parts = vec![Value::Array(flat); repeats];
    let all = concatenate(it, parts, 0)?;
    let stop = slice_of(it, None, Some(new_size as i64), None);
    let cut = get(it, &all, &stop)?;
    Ok(Value::Array(cut.reshape(&it.ctx, &shape, OrderArg::C)?))
}

/// `atleast_1d/2d/3d(*arys)`: views with length-1 axes added; one array, or a tuple of them.
fn atleast(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let nd = match a.func {
        "atleast_1d" => 1,
        "atleast_2d" => 2,
        _ => 3,
    };
    let mut out = Vec::with_capacity(a.star.len());
    for v in &a.star {
        let x = array_of(it, v)?;
        out.push(Value::Array(atleast_nd(it, &x, nd)?));
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    Ok(it.new_tuple(out))
}

fn atleast_nd(it: &mut Interp, x: &Rc<NdArray>, nd: usize) -> PyResult<Rc<NdArray>> {
    let shape = x.shape().to_vec();
    let new: Vec<usize> = match (nd, shape.len()) {
        (_, k) if k >= nd => return Ok(x.clone()),
        (1, 0) => vec![1],
        (2, 0) => vec![1, 1],
        (2, 1) => vec![1, shape[0]],
        (3, 0) => vec![1, 1, 1],
        (3, 1) => vec![1, shape[0], 1],
        _ => vec![shape[0], shape[1], 1],
    };
    if shape.is_empty() {
        return reshaped(it, x, &new);
    }
    // indexing with None keeps the strides of the existing axes (a view)
    let mut items = Vec::new();
    let all = it.new_slice(Value::None, Value::None, Value::None);
    match (nd, shape.len()) {
        (2, 1) => items.extend([Value::None, all]),
        (3, 1) => items.extend([Value::None, all, Value::None]),
        _ => items.extend([all.clone(), all, Value::None]),
    }
    let idx = it.new_tuple(items);
    get(it, x, &idx)
}

/// The arrays of a `tup` argument.
fn sequence_arrays(it: &mut Interp, tup: &Value) -> PyResult<Vec<Rc<NdArray>>> {
    let items = it.collect(tup)?;
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        out.push(array_of(it, &v)?);
    }
    Ok(out)
}

fn column_stack(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let tup = a.req("tup")?;
    let arrays = sequence_arrays(it, &tup)?;
    let mut parts = Vec::with_capacity(arrays.len());
    for x in arrays {
        let x = if x.ndim() < 2 {
            let n = x.size();
            let col = x.ravel(&it.ctx, OrderArg::C)?;
            // array(x, copy=None, ndmin=2).T: a column view
            let two = reshaped(it, &col, &[1, n])?;
            two.transpose(&it.ctx, None)?
        } else {
            x
        };
        parts.push(Value::Array(x));
    }
    Ok(Value::Array(concatenate(it, parts, 1)?))
}

fn dstack(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let tup = a.req("tup")?;
    let arrays = sequence_arrays(it, &tup)?;
    let mut parts = Vec::with_capacity(arrays.len());
    for x in arrays {
        parts.push(Value::Array(atleast_nd(it, &x, 3)?));
    }
    Ok(Value::Array(concatenate(it, parts, 2)?))
}

/// `split`, `array_split`, `hsplit`, `vsplit`, `dsplit`: a list of views.
fn split(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("ary")?;
    let ios = a.req("indices_or_sections")?;
    let x = array_of(it, &x)?;
    let axis = match a.func {
        "hsplit" => {
            if x.ndim() == 0 {
                return Err(PyError::value(
                    "hsplit only works on arrays of 1 or more dimensions",
                ));
            }
            if x.ndim() > 1 { 1 } else { 0 }
        }
        "vsplit" => {
            if x.ndim() < 2 {
                return Err(PyError::value(
                    "vsplit only works on arrays of 2 or more dimensions",
                ));
            }
            0
        }
        "dsplit" => {
            if x.ndim() < 3 {
                return Err(PyError::value(
                    "dsplit only works on arrays of 3 or more dimensions",
                ));
            }
            2
        }
        _ => {
            let ax = match a.take("axis") {
                Some(v) => it.axis_value(&v)?,
                None => 0,
            };
            if x.ndim() == 0 {
                return Err(PyError::index("tuple index out of range"));
            }
            normalize_axis(ax, x.ndim())?
        }
    };
    let total = x.shape()[axis] as i64;
    let points: Vec<i64> = match &ios {
        Value::List(_) | Value::Tuple(_) | Value::Array(_) if !is_0d(&ios) => {
            let mut pts = vec![0];
            for v in it.collect(&ios)? {
                pts.push(it.c_long(&v)?);
            }
            pts.push(total);
            pts
        }
        other => {
            let n = match it.int_value(other, "")?.to_i64() {
                Some(n) => n,
                // split checks `total % n` first; array_split builds `n * [each]`
                None if a.func != "array_split" && total != 0 => {
                    return Err(PyError::value(
                        "array split does not result in an equal division",
                    ));
                }
                None => return Err(PyError::cannot_fit_index_sized()),
            };
            if n == 0 && a.func != "array_split" {
                return Err(PyError::new(
                    crate::error::ErrorKind::ZeroDivisionError,
                    "integer modulo by zero",
                ));
            }
            if n <= 0 {
                return Err(PyError::value("number sections must be larger than 0."));
            }
            if a.func != "array_split" && total % n != 0 {
                return Err(PyError::value(
                    "array split does not result in an equal division",
                ));
            }
            let (each, extras) = (total / n, total % n);
            // n sections are n views: the budget decides, not an endless loop
            it.check_item_budget(n as usize)?;
            let mut pts = vec![0];
            let mut acc = 0;
            for i in 0..n {
                acc += each + i64::from(i < extras);
                pts.push(acc);
            }
            pts
        }
    };
    let mut out = Vec::with_capacity(points.len().saturating_sub(1));
    for (k, w) in points.windows(2).enumerate() {
        it.check_items(k)?;
        let sl = slice_of(it, Some(w[0]), Some(w[1]), None);
        let ix = along(it, axis, sl);
        out.push(Value::Array(get(it, &x, &ix)?));
    }
    Ok(it.new_list(out))
}

fn is_0d(v: &Value) -> bool {
    matches!(v, Value::Array(a) if a.ndim() == 0)
}

/// The diagonal view of `a` (read-only, as NumPy 2 returns it).
fn diagonal_view(
    it: &mut Interp,
    a: &Rc<NdArray>,
    offset: i64,
    axis1: i64,
    axis2: i64,
) -> PyResult<Rc<NdArray>> {
    let nd = a.ndim();
    if nd < 2 {
        return Err(PyError::value(
            "diag requires an array of at least two dimensions",
        ));
    }
    let a1 = normalize_axis(axis1, nd)
        .map_err(|_| PyError::axis_out_of_bounds_named("axis1", axis1, nd))?;
    let a2 = normalize_axis(axis2, nd)
        .map_err(|_| PyError::axis_out_of_bounds_named("axis2", axis2, nd))?;
    if a1 == a2 {
        return Err(PyError::value("axis1 and axis2 cannot be the same"));
    }
    let l = a.layout().clone();
    let (n1, n2) = (l.shape[a1] as i64, l.shape[a2] as i64);
    let (s1, s2) = (l.strides[a1], l.strides[a2]);
    let mut off = l.offset_bytes;
    let len = if offset >= 0 {
        let len = (n2 - offset).min(n1).max(0);
        if len > 0 {
            off += offset as isize * s2;
        }
        len
    } else {
        let len = (n1 + offset).min(n2).max(0);
        if len > 0 {
            off += (-offset) as isize * s1;
        }
        len
    };
    let mut shape = Vec::with_capacity(nd - 1);
    let mut strides = Vec::with_capacity(nd - 1);
    for ax in 0..nd {
        if ax != a1 && ax != a2 {
            shape.push(l.shape[ax]);
            strides.push(l.strides[ax]);
        }
    }
    shape.push(len as usize);
    strides.push(s1 + s2);
    let layout = Layout {
        shape,
        strides,
        offset_bytes: off,
    };
    Ok(a.view_with(&it.ctx, a.dtype(), layout).into_readonly())
}

fn diagonal(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = subject(it, &mut a, "a")?;
    let offset = it.arg_i64(&mut a, "offset")?;
    let a1 = it.arg_i64(&mut a, "axis1")?;
    let a2 = it.arg_i64(&mut a, "axis2")?;
    Ok(Value::Array(diagonal_view(it, &x, offset, a1, a2)?))
}

fn trace(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = subject(it, &mut a, "a")?;
    let offset = it.arg_i64(&mut a, "offset")?;
    let a1 = it.arg_i64(&mut a, "axis1")?;
    let a2 = it.arg_i64(&mut a, "axis2")?;
    let d = diagonal_view(it, &x, offset, a1, a2)?;
    let mut kw = vec![("axis".to_string(), it.new_i64(-1))];
    kw.extend(a.given_keywords(&["dtype"]));
    it.call_method(&Value::Array(d), "sum", vec![], kw)
}

/// `np.diag(v, k)`: a 1-d `v` becomes the `k`-th diagonal of a new square array; a 2-d one
/// gives its diagonal (a read-only view).
fn diag(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let v = a.req("v")?;
    let k = it.arg_i64(&mut a, "k")?;
    let v = array_of(it, &v)?;
    match v.ndim() {
        1 => {
            let n = v.size() + k.unsigned_abs() as usize;
            let res = NdArray::zeros(&it.ctx, &[n, n], v.dtype(), Order::C)?;
            let d = diagonal_view(it, &res, k, 0, 1)?;
            // the view of a fresh array: writeable for this fill
            let w = res.view_with(&it.ctx, res.dtype(), d.layout().clone());
            kernels::assign(&it.ctx, &w, &v)?;
            Ok(Value::Array(res))
        }
        2 => Ok(Value::Array(diagonal_view(it, &v, k, 0, 1)?)),
        _ => Err(PyError::value("Input must be 1- or 2-d.")),
    }
}

/// The `tri` mask: true where `j - i <= k`.
fn tri_mask(it: &mut Interp, n: usize, m: usize, k: i64) -> PyResult<Rc<NdArray>> {
    let mut bits = Vec::with_capacity(n * m);
    for i in 0..n as i64 {
        for j in 0..m as i64 {
            bits.push((j - i <= k) as u8);
        }
    }
    let flat = vec_array(it, DType::BOOL, &bits)?;
    reshaped(it, &flat, &[n, m])
}

fn tri(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["like"])?;
    let n = it.arg_i64(&mut a, "N")?;
    let m = match a.take_some("M") {
        Some(v) => it.int_value(&v, "")?.to_i64().unwrap_or(0),
        None => n,
    };
    let k = it.arg_i64(&mut a, "k")?;
    let dt = it.arg_dtype(&mut a, "dtype")?.unwrap_or(DType::FLOAT64);
    if n < 0 || m < 0 {
        return Err(PyError::value("negative dimensions are not allowed"));
    }
    let mask = tri_mask(it, n as usize, m as usize, k)?;
    Ok(Value::Array(kernels::cast_array(
        &it.ctx,
        &mask,
        dt,
        Order::C,
    )?))
}

/// `triu`/`tril`: zeros below (above) the `k`-th diagonal of the last two axes.
fn triu(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let m = a.req("m")?;
    let k = it.arg_i64(&mut a, "k")?;
    let m = array_of(it, &m)?;
    let shape = m.shape().to_vec();
    let (rows, cols) = match shape.len() {
        0 => {
            return Err(PyError::value(
                "not enough values to unpack (expected 2, got 0)",
            ));
        }
        1 => (shape[0], shape[0]),
        n => (shape[n - 2], shape[n - 1]),
    };
    let zero = NdArray::zeros(&it.ctx, &[1], m.dtype(), Order::C)?;
    let (mv, zv) = (Value::Array(m), Value::Array(zero));
    if a.func == "triu" {
        let mask = tri_mask(it, rows, cols, k - 1)?;
        it.where_select(&Value::Array(mask), &zv, &mv)
    } else {
        let mask = tri_mask(it, rows, cols, k)?;
        it.where_select(&Value::Array(mask), &mv, &zv)
    }
}

/// Indices under `mode=` (`raise` leaves them to indexing's bounds check).
fn moded_indices(
    it: &mut Interp,
    indices: &Value,
    mode: Option<Value>,
    n: usize,
) -> PyResult<Value> {
    let mode = match mode {
        Some(Value::Str(s)) => s.v.clone(),
        Some(Value::None) | None => return Ok(indices.clone()),
        Some(_) => return Err(PyError::type_error("clipmode must be a string")),
    };
    match mode.as_str() {
        "raise" => Ok(indices.clone()),
        "wrap" | "clip" => {
            let ix = array_of(it, indices)?;
            let shape = ix.shape().to_vec();
            let mut v = as_intp(it, &ix)?;
            let n = n as i64;
            if n == 0 {
                return Err(PyError::index(
                    "cannot do a non-empty take from an empty axes.",
                ));
            }
            for x in v.iter_mut() {
                *x = if mode == "wrap" {
                    x.rem_euclid(n)
                } else {
                    (*x).clamp(0, n - 1)
                };
            }
            let arr = vec_array(it, DType::INT64, &v)?;
            Ok(Value::Array(reshaped(it, &arr, &shape)?))
        }
        other => Err(PyError::value(format!(
            "clipmode must be one of 'clip', 'raise', or 'wrap' (got '{other}')"
        ))),
    }
}

/// `np.take(a, indices, axis)` / `a.take(...)`: fancy indexing along one axis (of the
/// flattened array when no axis is given).
fn take(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = subject(it, &mut a, "a")?;
    let indices = a.req("indices")?;
    let (x, axis) = match a.take_some("axis") {
        None => (x.ravel(&it.ctx, OrderArg::C)?, 0),
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (x.clone(), normalize_axis(ax, x.ndim())?)
        }
    };
    let n = x.shape().get(axis).copied().unwrap_or(0);
    check_intp_ints(&indices, 0)?;
    let indices = moded_indices(it, &indices, a.take("mode"), n)?;
    let ix = along(it, axis, indices);
    it.getitem(&Value::Array(x), &ix)
}

/// NumPy converts `take`'s indices to an `npy_intp` array as it reads them, so a Python int
/// past 64 bits anywhere in them is CPython's OverflowError (`np.take(x, [1, -10**19])`), where
/// indexing would say the index is invalid. Nesting past NumPy's 64 dimensions (or a list
/// that holds itself) is left to the array conversion, which refuses it.
fn check_intp_ints(v: &Value, depth: usize) -> PyResult<()> {
    match v {
        Value::Int(i) if i.v.to_i64().is_none() => Err(PyError::too_large_for_c_long()),
        Value::List(_) | Value::Tuple(_) if depth <= 64 => {
            let items = match v {
                Value::List(l) => l.items.borrow().clone(),
                Value::Tuple(t) => t.items.clone(),
                _ => Vec::new(),
            };
            items.iter().try_for_each(|x| check_intp_ints(x, depth + 1))
        }
        _ => Ok(()),
    }
}

/// `np.put(a, ind, v)` / `a.put(...)`: `a.flat[ind] = v`, `v` repeated as needed.
fn put(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let target = match &a.this {
        Value::Array(x) => Value::Array(x.clone()),
        _ => a.req("a")?,
    };
    let Value::Array(x) = &target else {
        return Err(PyError::type_error(format!(
            "argument 'a' must be numpy.ndarray, not {}",
            target.type_name()
        )));
    };
    let ind = match a.take("ind") {
        Some(v) => v,
        None => a.req("indices")?,
    };
    let v = match a.take("v") {
        Some(v) => v,
        None => a.req("values")?,
    };
    let ind = moded_indices(it, &ind, a.take("mode"), x.size())?;
    let ind_arr = array_of(it, &ind)?;
    let count = ind_arr.size();
    let vals = array_of(it, &v)?;
    let vals = vals.ravel(&it.ctx, OrderArg::C)?;
    if vals.size() == 0 || count == 0 {
        return Ok(Value::None);
    }
    let vals = if vals.size() != count {
        let reps = count.div_ceil(vals.size());
        let parts = vec![Value::Array(vals.clone()); reps];
        let all = concatenate(it, parts, 0)?;
        let cut = slice_of(it, None, Some(count as i64), None);
        get(it, &all, &cut)?
    } else {
        vals
    };
    let flat = it.getattr(&target, "flat")?;
    let ind_flat = ind_arr.ravel(&it.ctx, OrderArg::C)?;
    it.setitem(&flat, &Value::Array(ind_flat), Value::Array(vals))?;
    Ok(Value::None)
}

/// The index tuple of `take_along_axis`: `indices` on `axis`, broadcast `arange`s elsewhere.
fn along_axis_index(
    it: &mut Interp,
    arr: &Rc<NdArray>,
    indices: &Rc<NdArray>,
    axis: usize,
) -> PyResult<Value> {
    if !matches!(indices.dtype().kind, Kind::Int | Kind::UInt) {
        return Err(PyError::index("`indices` must be an integer array"));
    }
    if indices.ndim() != arr.ndim() {
        return Err(PyError::value(
            "`indices` and `arr` must have the same number of dimensions",
        ));
    }
    let nd = arr.ndim();
    let mut items = Vec::with_capacity(nd);
    for d in 0..nd {
        if d == axis {
            items.push(Value::Array(indices.clone()));
            continue;
        }
        let n = arr.shape()[d];
        let r: Vec<i64> = (0..n as i64).collect();
        let r = vec_array(it, DType::INT64, &r)?;
        let mut shape = vec![1; nd];
        shape[d] = n;
        items.push(Value::Array(reshaped(it, &r, &shape)?));
    }
    Ok(it.new_tuple(items))
}

fn take_along_axis(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let arr = a.req("arr")?;
    let indices = a.req("indices")?;
    let arr = array_of(it, &arr)?;
    let indices = array_of(it, &indices)?;
    let (arr, axis) = match a.take("axis") {
        Some(Value::None) => {
            if indices.ndim() != 1 {
                return Err(PyError::value(
                    "when axis=None, `indices` must have a single dimension.",
                ));
            }
            (arr.ravel(&it.ctx, OrderArg::C)?, 0)
        }
        Some(v) => {
            let ax = it.axis_value(&v)?;
            (arr.clone(), normalize_axis(ax, arr.ndim())?)
        }
        None => (arr.clone(), normalize_axis(-1, arr.ndim())?),
    };
    let ix = along_axis_index(it, &arr, &indices, axis)?;
    it.getitem(&Value::Array(arr), &ix)
}

fn put_along_axis(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let arr = a.req("arr")?;
    let indices = a.req("indices")?;
    let values = a.req("values")?;
    let axis = a.req("axis")?;
    let Value::Array(arr) = &arr else {
        return Err(PyError::not_implemented(
            "arrsh's put_along_axis needs an ndarray to write into",
        ));
    };
    let indices = array_of(it, &indices)?;
    let (target, axis) = match axis {
        Value::None => {
            let flat = arr.reshape(&it.ctx, &[-1], OrderArg::C)?;
            if !Rc::ptr_eq(flat.buffer(), arr.buffer()) {
                return Err(PyError::not_implemented(
                    "arrsh's put_along_axis(axis=None) needs a contiguous array",
                ));
            }
            (flat, 0)
        }
        v => {
            let ax = it.axis_value(&v)?;
            (arr.clone(), normalize_axis(ax, arr.ndim())?)
        }
    };
    let ix = along_axis_index(it, &target, &indices, axis)?;
    it.setitem(&Value::Array(target), &ix, values)?;
    Ok(Value::None)
}

/// `pad_width`/`constant_values` as one (before, after) pair per axis (NumPy's `_as_pairs`).
fn as_pairs(it: &mut Interp, v: &Value, nd: usize, ints: bool) -> PyResult<Vec<(Value, Value)>> {
    let arr = array_of(it, v)?;
    let shape = it.int_tuple([nd as i128, 2]);
    let b = it
        .call_numpy("numpy.broadcast_to", vec![Value::Array(arr.clone())], vec![("shape".into(), shape)])
        .map_err(|_| {
            PyError::value(format!(
                "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape ({nd},2)",
                crate::error::np_shape_str(&arr.shape())
            ))
        })?;
    let b = array_of(it, &b)?;
    if ints {
        let vals = as_intp(it, &b)?;
        if vals.iter().any(|&x| x < 0) {
            return Err(PyError::value("index can't contain negative values"));
        }
        return Ok(vals
            .chunks(2)
            .map(|p| (it.new_i64(p[0]), it.new_i64(p[1])))
            .collect());
    }
    let bv = Value::Array(b);
    let mut out = Vec::with_capacity(nd);
    for ax in 0..nd {
        let i0 = it.int_tuple([ax as i128, 0]);
        let i1 = it.int_tuple([ax as i128, 1]);
        out.push((it.getitem(&bv, &i0)?, it.getitem(&bv, &i1)?));
    }
    Ok(out)
}

/// NumPy's `pad` for the modes `constant`, `edge`, `reflect`, `symmetric` and `wrap` (the last
/// three for pads no longer than the axis): a new C array, the input in the middle, each axis'
/// pads filled in turn over the area already filled.
fn pad(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("array")?;
    let pw = a.req("pad_width")?;
    let mode = match a.take("mode") {
        Some(Value::Str(s)) => s.v.clone(),
        Some(_) => return Err(PyError::not_implemented("arrsh's pad takes a mode name")),
        None => "constant".to_string(),
    };
    let x = array_of(it, &x)?;
    let nd = x.ndim();
    // NumPy's first check, on `np.asarray(pad_width)`: uint64 (ints past int64), floats, bools
    // and object arrays (past 64 bits; arrsh refuses to build those) are all refused
    let integral = match array_of(it, &pw) {
        Ok(w) => w.dtype().kind == Kind::Int,
        Err(e) if e.kind == crate::error::ErrorKind::NotImplementedError => false,
        Err(e) => return Err(e),
    };
    if !integral {
        return Err(PyError::type_error("`pad_width` must be of integral type."));
    }
    let widths = as_pairs(it, &pw, nd, true)?;
    let widths: Vec<(i64, i64)> = widths
        .iter()
        .map(|(b, e)| {
            (
                it.int_value(b, "")
                    .map(|v| v.to_i64().unwrap_or(0))
                    .unwrap_or(0),
                it.int_value(e, "")
                    .map(|v| v.to_i64().unwrap_or(0))
                    .unwrap_or(0),
            )
        })
        .collect();
    let mut values: Option<Vec<(Value, Value)>> = None;
    for (k, v) in std::mem::take(&mut a.kwargs) {
        match (mode.as_str(), k.as_str()) {
            ("constant", "constant_values") => values = Some(as_pairs(it, &v, nd, false)?),
            _ => {
                return Err(PyError::value(format!(
                    "unsupported keyword arguments for mode '{mode}': {{'{k}'}}"
                )));
            }
        }
    }
    if !matches!(
        mode.as_str(),
        "constant" | "edge" | "reflect" | "symmetric" | "wrap"
    ) {
        let known = [
            "empty",
            "linear_ramp",
            "maximum",
            "mean",
            "median",
            "minimum",
        ];
        if known.contains(&mode.as_str()) {
            return Err(PyError::not_implemented(format!(
                "arrsh's pad does not support mode='{mode}' yet"
            )));
        }
        return Err(PyError::value(format!("mode '{mode}' is not supported")));
    }
    // NumPy adds the widths as int64 scalars (`left + size + right`, then `left + size` for the
    // slice of the original area): an overflow wraps with its warning, one per source line
    let mut wrapped = false;
    let new_shape: Vec<i64> = x
        .shape()
        .iter()
        .zip(&widths)
        .map(|(&n, &(b, e))| {
            let (s, o1) = b.overflowing_add(n as i64);
            let (s, o2) = s.overflowing_add(e);
            wrapped |= o1 || o2;
            s
        })
        .collect();
    if wrapped {
        pad_overflow(it, "numpy/lib/_arraypad_impl.py:new_shape")?;
    }
    if new_shape.iter().any(|&d| d < 0) {
        return Err(PyError::negative_dimensions());
    }
    let new_shape: Vec<usize> = new_shape.iter().map(|&d| d as usize).collect();
    let padded = NdArray::zeros(&it.ctx, &new_shape, x.dtype(), Order::C)?;
    let pv = Value::Array(padded.clone());
    let mut wrapped = false;
    let orig: Vec<Value> = x
        .shape()
        .iter()
        .zip(&widths)
        .map(|(&n, &(b, _))| {
            let (stop, o) = b.overflowing_add(n as i64);
            wrapped |= o;
            slice_of(it, Some(b), Some(stop), None)
        })
        .collect();
    if wrapped {
        pad_overflow(it, "numpy/lib/_arraypad_impl.py:original_area_slice")?;
    }
    let oi = it.new_tuple(orig.clone());
    it.setitem(&pv, &oi, Value::Array(x.clone()))?;
    for ax in 0..nd {
        let (b, e) = widths[ax];
        if b == 0 && e == 0 {
            continue;
        }
        let n = x.shape()[ax] as i64;
        if n == 0 && mode != "constant" {
            return Err(PyError::value(format!(
                "can't extend empty axis {ax} using modes other than 'constant' or 'empty'"
            )));
        }
        // the region of interest: this and earlier axes whole, later ones the original area
        let mut roi_items: Vec<Value> = (0..=ax)
            .map(|_| it.new_slice(Value::None, Value::None, Value::None))
            .collect();
        roi_items.extend(orig[ax + 1..].iter().cloned());
        let roi_ix = it.new_tuple(roi_items);
        let roi = it.getitem(&pv, &roi_ix)?;
        let total = new_shape[ax] as i64;
        let (left_val, right_val) = match mode.as_str() {
            "constant" => match &values {
                Some(v) => (v[ax].0.clone(), v[ax].1.clone()),
                None => (it.new_i64(0), it.new_i64(0)),
            },
            "edge" => {
                let l = along_slice(it, ax, b, b + 1, None);
                let r = along_slice(it, ax, total - e - 1, total - e, None);
                (it.getitem(&roi, &l)?, it.getitem(&roi, &r)?)
            }
            _ => {
                let limit = if mode == "reflect" { n - 1 } else { n };
                if b > limit || e > limit {
                    return Err(PyError::not_implemented(format!(
                        "arrsh's pad(mode='{mode}') supports pads up to {limit} on an axis of length {n}"
                    )));
                }
                let end = b + n;
                let (l, r) = match mode.as_str() {
                    "reflect" => (
                        along_slice(it, ax, b + b, b, Some(-1)),
                        along_slice(it, ax, end - 2, end - 2 - e, Some(-1)),
                    ),
                    "symmetric" => (
                        along_slice(it, ax, b + b - 1, b - 1, Some(-1)),
                        along_slice(it, ax, end - 1, end - 1 - e, Some(-1)),
                    ),
                    _ => (
                        along_slice(it, ax, end - b, end, None),
                        along_slice(it, ax, b, b + e, None),
                    ),
                };
                (it.getitem(&roi, &l)?, it.getitem(&roi, &r)?)
            }
        };
        if b > 0 {
            let l = along_slice(it, ax, 0, b, None);
            it.setitem(&roi, &l, left_val)?;
        }
        if e > 0 {
            let r = along_slice(it, ax, total - e, total, None);
            it.setitem(&roi, &r, right_val)?;
        }
    }
    Ok(pv)
}

/// NumPy's `overflow encountered in scalar add` for `pad`'s width sums, located at the line of
/// `_arraypad_impl.py` that adds (each line warns once per cell), under the error state.
fn pad_overflow(it: &mut Interp, line: &'static str) -> PyResult<()> {
    let outer = it.warnings.library.replace(line);
    let r = it.fp_report(true, "add", crate::runtime::fpe::FpFlags::OVERFLOW);
    it.warnings.library = outer;
    r
}

/// `along(axis, slice(start, stop, step))`, where a negative stop with a negative step means
/// "through index 0" (`None`).
fn along_slice(it: &mut Interp, axis: usize, start: i64, stop: i64, step: Option<i64>) -> Value {
    let stop = if step.is_some() && stop < 0 {
        None
    } else {
        Some(stop)
    };
    let sl = slice_of(it, Some(start), stop, step);
    along(it, axis, sl)
}
