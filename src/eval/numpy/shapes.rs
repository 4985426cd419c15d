//! Shape functions of the numpy module: `reshape`, `ravel`, `transpose`, `swapaxes` and
//! `squeeze` (NumPy's wrappers call the array's method), `moveaxis`, `expand_dims` and
//! `broadcast_to` (views with NumPy's checks in NumPy's order).

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::OrderArg;
use crate::runtime::kernels;
use crate::runtime::layout::Layout;

pub const ROWS: &[Row] = &[
    Row::np_py(
        "numpy.reshape",
        "(a, /, shape, order='C', *, copy=None)",
        reshape,
    )
    .returns("ndarray"),
    Row::np_py("numpy.ravel", "(a, order='C')", ravel).returns("ndarray"),
    Row::np_py("numpy.transpose", "(a, axes=None)", transpose).returns("ndarray"),
    Row::np_py("numpy.swapaxes", "(a, axis1, axis2)", swapaxes).returns("ndarray"),
    Row::np_py("numpy.squeeze", "(a, axis=None)", squeeze).returns("ndarray"),
    Row::np_py("numpy.moveaxis", "(a, source, destination)", moveaxis).returns("ndarray"),
    Row::np_py("numpy.expand_dims", "(a, axis)", expand_dims).returns("ndarray"),
    Row::np_py(
        "numpy.broadcast_to",
        "(array, shape, subok=False)",
        broadcast_to,
    )
    .returns("ndarray"),
];

/// `a` as an array value (the wrappers' `asanyarray`), kept as it is when it already is one.
fn as_array_value(it: &mut Interp, v: Value) -> PyResult<Value> {
    match v {
        Value::Array(_) => Ok(v),
        other => Ok(Value::Array(it.to_array(&other, None)?)),
    }
}

fn reshape(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let shape = args.req("shape")?;
    let kw = args.given_keywords(&["order", "copy"]);
    let a = as_array_value(it, a)?;
    it.call_method(&a, "reshape", vec![shape], kw)
}

fn ravel(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let kw = args.given_keywords(&["order"]);
    let a = as_array_value(it, a)?;
    it.call_method(&a, "ravel", vec![], kw)
}

fn transpose(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let axes: Vec<Value> = args.take_some("axes").into_iter().collect();
    let a = as_array_value(it, a)?;
    it.call_method(&a, "transpose", axes, vec![])
}

fn swapaxes(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let axes = vec![args.req("axis1")?, args.req("axis2")?];
    let a = as_array_value(it, a)?;
    it.call_method(&a, "swapaxes", axes, vec![])
}

fn squeeze(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let kw = args.given_keywords(&["axis"]);
    let a = as_array_value(it, a)?;
    it.call_method(&a, "squeeze", vec![], kw)
}

fn moveaxis(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("a")?;
    let src = args.req("source")?;
    let dst = args.req("destination")?;
    let a = it.to_array(&a, None)?;
    let nd = a.ndim();
    let src = it.axis_list(&src)?;
    let dst = it.axis_list(&dst)?;
    let src = normalize_axis_tuple(&src, nd, Some("source"))?;
    let dst = normalize_axis_tuple(&dst, nd, Some("destination"))?;
    if src.len() != dst.len() {
        return Err(PyError::moveaxis_length_mismatch());
    }
    let mut order: Vec<usize> = (0..nd).filter(|x| !src.contains(x)).collect();
    let mut pairs: Vec<(usize, usize)> = dst.into_iter().zip(src).collect();
    pairs.sort_unstable();
    for (d, s) in pairs {
        order.insert(d, s);
    }
    let order: Vec<i64> = order.into_iter().map(|x| x as i64).collect();
    Ok(Value::Array(a.transpose(&it.ctx, Some(&order))?))
}

fn expand_dims(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    // numpy: normalise the axes against the new ndim, then reshape (so the strides
    // are reshape's, not an inserted zero)
    let a = args.req("a")?;
    let axis = args.req("axis")?;
    let a = it.to_array(&a, None)?;
    let axes = it.axis_list(&axis)?;
    let out_nd = a.ndim() + axes.len();
    let axes = normalize_axis_tuple(&axes, out_nd, None)?;
    let mut dims = a.shape().to_vec().into_iter();
    let shape: Vec<i128> = (0..out_nd)
        .map(|ax| {
            if axes.contains(&ax) {
                1
            } else {
                dims.next().unwrap_or(1) as i128
            }
        })
        .collect();
    Ok(Value::Array(a.reshape(&it.ctx, &shape, OrderArg::C)?))
}

fn broadcast_to(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let a = args.req("array")?;
    let shape = args.req("shape")?;
    let a = it.to_array(&a, None)?;
    let shape = match &shape {
        Value::Tuple(_) | Value::List(_) => it.to_shape(&shape)?,
        one => vec![it.int_value(one, "")?.to_i128_saturating()],
    };
    // numpy's _broadcast_to, in its order of checks
    if shape.is_empty() && a.ndim() > 0 {
        return Err(PyError::value(
            "cannot broadcast a non-scalar to a scalar array",
        ));
    }
    if shape.iter().any(|&d| d < 0) {
        return Err(PyError::value(
            "all elements of broadcast shape must be non-negative",
        ));
    }
    let shape = Layout::checked_size(&shape, a.itemsize())?;
    if a.ndim() > shape.len() {
        return Err(PyError::value(
            "input operand has more dimensions than allowed by the axis remapping",
        ));
    }
    let Some(mut layout) = kernels::broadcast_layout(&a.layout(), &shape) else {
        return Err(PyError::value(format!(
            "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
            crate::error::np_shape_str(&a.shape()),
            crate::error::np_shape_str(&shape)
        )));
    };
    // the view comes from nditer, which gives every length-1 axis a zero stride
    for (s, &n) in layout.strides.iter_mut().zip(&shape) {
        if n == 1 {
            *s = 0;
        }
    }
    Ok(Value::Array(
        a.view_with(&it.ctx, a.dtype(), layout).into_readonly(),
    ))
}

/// numpy's `normalize_axis_tuple`: each axis normalised (an AxisError names `arg` when given),
/// then duplicates refused.
pub(crate) fn normalize_axis_tuple(
    axes: &[i64],
    ndim: usize,
    arg: Option<&str>,
) -> PyResult<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let ax = crate::runtime::array::normalize_axis(a, ndim).map_err(|e| match arg {
            Some(name) => PyError::axis_out_of_bounds_named(name, a, ndim),
            None => e,
        })?;
        if out.contains(&ax) {
            return Err(match arg {
                Some(name) => PyError::repeated_axis_in(name),
                None => PyError::repeated_axis_plain(),
            });
        }
        out.push(ax);
    }
    Ok(out)
}
