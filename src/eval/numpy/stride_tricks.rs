//! `numpy.lib.stride_tricks` and memory overlap: `as_strided` and `sliding_window_view` (views
//! whose base is NumPy's `DummyArray`), `shares_memory`/`may_share_memory`, and the `numpy.lib`
//! modules that hold them.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Origin, Row};
use crate::runtime::NdArray;

pub const ROWS: &[Row] = &[
    Row::module("numpy.lib", Origin::Site { package: true }),
    Row::module("numpy.lib.stride_tricks", Origin::Site { package: false }),
    Row::np_py(
        "numpy.lib.stride_tricks.as_strided",
        "(x, shape=None, strides=None, subok=False, writeable=True)",
        as_strided,
    )
    .returns("ndarray")
    .bare(),
    Row::np_py(
        "numpy.lib.stride_tricks.sliding_window_view",
        "(x, window_shape, axis=None, *, subok=False, writeable=False)",
        sliding_window_view,
    )
    .returns("ndarray")
    .bare(),
    Row::np_py(
        "numpy.shares_memory",
        "(a, b, /, max_work=-1)",
        shares_memory,
    )
    .returns("bool"),
    Row::np_py(
        "numpy.may_share_memory",
        "(a, b, /, max_work=0)",
        shares_memory,
    )
    .returns("bool"),
];

/// `np.shares_memory` (exact by default; raises when the solver gives up) and
/// `np.may_share_memory` (extents only by default; "don't know" counts as yes), as
/// `array_shares_memory_impl` does.
fn shares_memory(_it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    use crate::runtime::overlap::{MAY_SHARE_BOUNDS, MAY_SHARE_EXACT, Overlap};
    let a = args.req("a")?;
    let b = args.req("b")?;
    let exact = args.func == "shares_memory";
    let max_work = match args.take_some("max_work") {
        None if exact => MAY_SHARE_EXACT,
        None => MAY_SHARE_BOUNDS,
        Some(Value::Bool(t)) => t as i64,
        Some(Value::Int(n)) => n.v.to_i64().ok_or_else(PyError::too_large_for_ssize_t)?,
        Some(_) => return Err(PyError::max_work_not_integer()),
    };
    if max_work < -2 {
        return Err(PyError::max_work_invalid());
    }
    let (Value::Array(x), Value::Array(y)) = (&a, &b) else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(match x.overlap(y, max_work) {
        Overlap::No => false,
        Overlap::Yes => true,
        Overlap::TooHard if exact => return Err(PyError::too_hard()),
        Overlap::Overflow if exact => return Err(PyError::overlap_overflow()),
        Overlap::TooHard | Overlap::Overflow => true,
    }))
}

fn as_strided(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let x = args.req("x")?;
    let shape = args.take("shape");
    let strides = args.take("strides");
    let writeable = args.take("writeable");
    let x = it.to_array(&x, None)?;
    let shape: Vec<i128> = match shape {
        Some(s) if !s.is_none() => it.to_shape(&s)?,
        _ => x.shape().iter().map(|&d| d as i128).collect(),
    };
    let strides: Vec<i128> = match strides {
        Some(s) if !s.is_none() => it.to_shape(&s)?,
        _ => x.strides().iter().map(|&d| d as i128).collect(),
    };
    let writeable = match writeable {
        Some(v) => it.truthy(&v)?,
        None => true,
    };
    let holder = it.dummy_array(&x);
    Ok(Value::Array(x.as_strided(
        &it.ctx, &shape, &strides, writeable, holder,
    )?))
}

fn sliding_window_view(it: &mut Interp, mut args: Bound) -> PyResult<Value> {
    let x = args.req("x")?;
    let window = args.req("window_shape")?;
    let axis = args.take("axis");
    let writeable = args.take("writeable");
    let x = it.to_array(&x, None)?;
    let window = it.to_shape(&window)?;
    if window.iter().any(|&w| w < 0) {
        return Err(PyError::value(
            "`window_shape` cannot contain negative values",
        ));
    }
    let axes: Vec<usize> = match axis {
        None | Some(Value::None) => {
            if window.len() != x.ndim() {
                return Err(PyError::value(format!(
                    "Since axis is `None`, must provide window_shape for all dimensions of `x`; got {} window_shape elements and `x.ndim` is {}.",
                    window.len(),
                    x.ndim()
                )));
            }
            (0..x.ndim()).collect()
        }
        Some(a) => {
            let list = it.to_shape(&a)?;
            if window.len() != list.len() {
                return Err(PyError::value(format!(
                    "Must provide matching length window_shape and axis; got {} window_shape elements and {} axes elements.",
                    window.len(),
                    list.len()
                )));
            }
            list.iter()
                .map(|&ax| crate::runtime::array::normalize_axis(ax as i64, x.ndim()))
                .collect::<PyResult<_>>()?
        }
    };
    let mut strides: Vec<i128> = x.strides().iter().map(|&s| s as i128).collect();
    strides.extend(axes.iter().map(|&ax| x.strides()[ax] as i128));
    let mut shape: Vec<i128> = x.shape().iter().map(|&d| d as i128).collect();
    for (&ax, &w) in axes.iter().zip(&window) {
        if shape[ax] < w {
            return Err(PyError::value(
                "window shape cannot be larger than input array shape",
            ));
        }
        shape[ax] -= w - 1;
    }
    shape.extend(window.iter().copied());
    let writeable = match writeable {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    let holder = it.dummy_array(&x);
    Ok(Value::Array(x.as_strided(
        &it.ctx, &shape, &strides, writeable, holder,
    )?))
}

impl Interp {
    /// NumPy's `DummyArray` wrapping the array given to `as_strided` (the result's `.base`).
    fn dummy_array(&self, x: &Rc<NdArray>) -> Rc<dyn std::any::Any> {
        Rc::new(DummyArray {
            id: self.ctx.heap.object(48),
            base: x.clone(),
        })
    }
}
