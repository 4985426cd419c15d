//! Writing values into arrays as NumPy 2.4 does: `np.copyto` (`casting=`, `where=`), and the
//! functions NumPy builds on it — `np.select` (choices burnt in reverse order) and
//! `np.nan_to_num` (NaN and infinities replaced, in place with `copy=False`).

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::{Weak, weak_result};
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::runtime::casting::{Casting, can_cast};
use crate::runtime::kernels::{self, BinaryOp};
use crate::runtime::{DType, Kind, NdArray};

pub const ROWS: &[Row] = &[
    Row::np_c(
        "numpy.copyto",
        "(dst, src, casting='same_kind', where=True)",
        copyto,
    ),
    Row::np_py("numpy.select", "(condlist, choicelist, default=0)", select).returns("ndarray"),
    Row::np_py(
        "numpy.nan_to_num",
        "(x, copy=True, nan=0.0, posinf=None, neginf=None)",
        nan_to_num,
    )
    .returns("ndarray"),
];

fn copyto(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let dst = match a.req("dst")? {
        Value::Array(d) => d,
        other => return Err(PyError::copyto_dst_not_array(&other.type_name())),
    };
    let src = a.req("src")?;
    let casting = it.casting_arg(a.take("casting"))?;
    let mask = a.take("where");
    copy_into(it, &dst, &src, casting, mask.as_ref())?;
    Ok(Value::None)
}

/// A Python number's NEP 50 face: it adapts to `dst`'s dtype when its kind fits.
fn weak_of(v: &Value) -> Option<Weak> {
    Some(match v {
        Value::Bool(b) => Weak::Bool(*b),
        Value::Int(i) => Weak::Int(i.v.clone()),
        Value::Float(f) => Weak::Float(f.v),
        Value::Complex(c) => Weak::Complex(c.re, c.im),
        _ => return None,
    })
}

/// `np.copyto(dst, src, casting, where)`: `src` checked against the casting rule (a Python
/// number as NEP 50's weak scalar), broadcast to `dst`, written where `where` holds.
pub(crate) fn copy_into(
    it: &mut Interp,
    dst: &Rc<NdArray>,
    src: &Value,
    casting: Casting,
    mask: Option<&Value>,
) -> PyResult<()> {
    let dt = dst.dtype();
    let src_arr = match weak_of(src) {
        Some(w) => {
            if weak_result(dt, &w) != dt && casting != Casting::Unsafe {
                let own = weak_result(DType::BOOL, &w);
                if !can_cast(own, dt, casting) {
                    return Err(PyError::cannot_cast_scalar(
                        &own.repr(),
                        &dt.repr(),
                        casting.name(),
                    ));
                }
            }
            it.to_array(src, Some(dt))?
        }
        None => {
            let s = it.to_array(src, None)?;
            if !can_cast(s.dtype(), dt, casting) {
                return Err(PyError::cannot_cast_array(
                    &s.dtype().repr(),
                    &dt.repr(),
                    casting.name(),
                ));
            }
            s
        }
    };
    match mask {
        None | Some(Value::Bool(true)) => kernels::assign(&it.ctx, dst, &src_arr),
        Some(m) => {
            let m = it.to_array(m, Some(DType::BOOL))?;
            let picked = kernels::select(&it.ctx, &m, &src_arr, dst, dt)?;
            kernels::assign(&it.ctx, dst, &picked)
        }
    }
}

fn select(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let conds = it.collect(&a.req("condlist")?)?;
    let choices_v = a.req("choicelist")?;
    let choices_in = it.collect(&choices_v)?;
    let default = a.take("default").unwrap_or_else(|| it.new_i64(0));
    if conds.len() != choices_in.len() {
        return Err(PyError::select_lengths_differ());
    }
    if conds.is_empty() {
        return Err(PyError::select_empty());
    }
    // Python numbers stay weak for result_type (NumPy's own NEP 50 workaround)
    let mut choices = Vec::with_capacity(choices_in.len() + 1);
    for c in choices_in.into_iter().chain(std::iter::once(default)) {
        choices.push(if weak_of(&c).is_some() && !matches!(c, Value::Bool(_)) {
            c
        } else {
            Value::Array(it.to_array(&c, None)?)
        });
    }
    let dtype = it.call_numpy("numpy.result_type", choices.clone(), vec![])?;
    let conds = it.call_numpy("numpy.broadcast_arrays", conds, vec![])?;
    let conds = it.collect(&conds)?;
    let choices = it.call_numpy("numpy.broadcast_arrays", choices, vec![])?;
    let choices = it.collect(&choices)?;
    for (i, c) in conds.iter().enumerate() {
        if !c.as_array().is_some_and(|c| c.dtype().kind == Kind::Bool) {
            return Err(PyError::select_cond_not_bool(i));
        }
    }
    let first_choice_0d = choices[0].as_array().is_some_and(|c| c.ndim() == 0);
    let shape = if first_choice_0d {
        it.getattr(&conds[0], "shape")?
    } else {
        let both = it.call_numpy(
            "numpy.broadcast_arrays",
            vec![conds[0].clone(), choices[0].clone()],
            vec![],
        )?;
        let first = it.collect(&both)?.swap_remove(0);
        it.getattr(&first, "shape")?
    };
    let fill = choices[choices.len() - 1].clone();
    let result = it.call_numpy("numpy.full", vec![shape, fill, dtype], vec![])?;
    let Value::Array(r) = &result else {
        return Err(PyError::internal("np.full gave no array"));
    };
    for (choice, cond) in choices[..choices.len() - 1]
        .iter()
        .rev()
        .zip(conds.iter().rev())
    {
        copy_into(it, r, choice, Casting::SameKind, Some(cond))?;
    }
    Ok(result)
}

fn nan_to_num(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("x")?;
    let copy = it.arg_bool(&mut a, "copy")?;
    let nan = a.take("nan").unwrap_or_else(|| it.new_float(0.0));
    let posinf = a.take_some("posinf");
    let neginf = a.take_some("neginf");
    let x = it.call_numpy(
        "numpy.array",
        vec![x],
        vec![("copy".into(), Value::Bool(copy))],
    )?;
    let Value::Array(arr) = &x else {
        return Err(PyError::internal("np.array gave no array"));
    };
    let scalar = arr.ndim() == 0;
    let result = || -> PyResult<Value> { Ok(Value::Array(arr.clone())) };
    if !arr.dtype().is_inexact() {
        return if scalar {
            it.wrap_result(arr.clone())
        } else {
            result()
        };
    }
    let parts: Vec<Value> = if arr.dtype().kind == Kind::Complex {
        vec![it.getattr(&x, "real")?, it.getattr(&x, "imag")?]
    } else {
        vec![x.clone()]
    };
    let part_dt = parts[0].as_array().map_or(DType::FLOAT64, |p| p.dtype());
    let max = float_max(part_dt);
    let maxf = posinf.unwrap_or_else(|| it.new_float(max));
    let minf = neginf.unwrap_or_else(|| it.new_float(-max));
    let inf = it.new_float(f64::INFINITY);
    let ninf = it.new_float(f64::NEG_INFINITY);
    for d in &parts {
        let Value::Array(dst) = d else { continue };
        let is_nan = it.call_numpy("numpy.isnan", vec![d.clone()], vec![])?;
        let is_pos = it.numpy_binary(d, BinaryOp::Eq, &inf, "==")?;
        let is_neg = it.numpy_binary(d, BinaryOp::Eq, &ninf, "==")?;
        copy_into(it, dst, &nan, Casting::SameKind, Some(&is_nan))?;
        copy_into(it, dst, &maxf, Casting::SameKind, Some(&is_pos))?;
        copy_into(it, dst, &minf, Casting::SameKind, Some(&is_neg))?;
    }
    if scalar {
        it.wrap_result(arr.clone())
    } else {
        result()
    }
}

/// `np.finfo(t).max` of a float dtype.
fn float_max(dt: DType) -> f64 {
    match dt.itemsize {
        2 => 65504.0,
        4 => f32::MAX as f64,
        _ => f64::MAX,
    }
}
