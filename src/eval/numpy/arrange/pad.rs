//! NumPy's `pad`: `constant`, `edge`, `reflect`, `symmetric` and `wrap` modes.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::Bound;
use crate::runtime::{Kind, NdArray, Order};

use super::{along, array_of, slice_of};
use crate::eval::numpy::sorting::as_intp;

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
pub(super) fn pad(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
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
    it.at_library_line(line, |it| {
        it.fp_report(true, "add", crate::runtime::fpe::FpFlags::OVERFLOW)
    })
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
