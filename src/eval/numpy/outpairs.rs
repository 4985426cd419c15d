//! The ufuncs with two outputs — `divmod` (floor quotient and remainder), `modf` (fractional
//! and integral parts), `frexp` (mantissa and power of two) — whose results are tuples and
//! whose `out=` is a pair; and `ldexp`, `frexp`'s inverse, with NumPy's loop choice.

use std::rc::Rc;

use super::mathfuncs::float_for;
use super::ufuncs::{Options, options, pair_options};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::ops::{Operand, Weak};
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Identity, Row};
use crate::runtime::kernels;
use crate::runtime::{DType, Kind, NdArray, Order};

pub const ROWS: &[Row] = &[
    Row::ufunc("numpy.divmod", 2, 2, Identity::None, divmod),
    Row::ufunc("numpy.modf", 1, 2, Identity::None, float_parts),
    Row::ufunc("numpy.frexp", 1, 2, Identity::None, float_parts),
    Row::ufunc("numpy.ldexp", 2, 1, Identity::None, ldexp),
];

/// Both results through their `out=` and `where=`, as a tuple.
fn finish_pair(
    it: &mut Interp,
    func: &str,
    (o1, mut o2): (Options, Options),
    (r1, r2): (Value, Value),
) -> PyResult<Value> {
    o1.share_shapes(&mut o2);
    let r1 = o1.finish(it, func, r1)?;
    let r2 = o2.finish(it, func, r2)?;
    Ok(it.new_tuple(vec![r1, r2]))
}

/// `np.divmod(x1, x2)`: `(x1 // x2, x1 % x2)` in one loop, as builtin `divmod` on arrays.
fn divmod(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (mut o1, o2) = pair_options(it, &mut a, 2)?;
    let x1 = a.req("x1")?;
    let x2 = a.req("x2")?;
    let x1 = o1.input(it, x1)?;
    let x2 = o1.input(it, x2)?;
    // two Python numbers are NumPy's default dtypes (`np.divmod(7, 2)` gives np.int64s)
    let is_numpy = |v: &Value| matches!(v, Value::Array(_) | Value::Scalar(_));
    let x1 = if is_numpy(&x1) || is_numpy(&x2) {
        x1
    } else {
        Value::Array(it.to_array(&x1, None)?)
    };
    let pair = it.divmod_pair(&x1, &x2, false)?;
    finish_pair(it, a.func, (o1, o2), pair)
}

/// `np.modf(x)` and `np.frexp(x)`: a float input keeps its type, a bool or integer one goes to
/// the smallest float that holds it.
fn float_parts(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let (mut o1, o2) = pair_options(it, &mut a, 1)?;
    let x = a.req("x")?;
    let x = o1.input(it, x)?;
    let arr = it.to_array(&x, None)?;
    let dt = arr.dtype().to_native();
    let arr = match dt.kind {
        Kind::Float => arr,
        Kind::Bool | Kind::Int | Kind::UInt => {
            kernels::cast_array(&it.ctx, &arr, float_for(dt), Order::C)?
        }
        _ => return Err(PyError::ufunc_not_supported(a.func)),
    };
    let (r1, r2) = if a.func == "modf" {
        kernels::modf(&it.ctx, &arr)?
    } else {
        kernels::frexp(&it.ctx, &arr)?
    };
    let pair = (it.wrap_result(r1)?, it.wrap_result(r2)?);
    finish_pair(it, a.func, (o1, o2), pair)
}

/// `np.ldexp(x1, x2)`: `x1 * 2**x2`. NumPy's loops are `ei ef ... dl` tried in order, so
/// the mantissa's type decides: a float keeps its own, a bool or integer goes to the
/// smallest float holding it, a Python int to float16 beside a NumPy integer exponent (it can
/// cast to any float) and float64 otherwise, a Python float to float64. The exponent must
/// cast safely to int64; a Python int exponent is read as the `i` loop's int32.
fn ldexp(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let mut o = options(it, &mut a)?;
    let x1 = a.req("x1")?;
    let x2 = a.req("x2")?;
    let x1 = o.input(it, x1)?;
    let x2 = o.input(it, x2)?;
    let refuse = || PyError::ufunc_not_supported("ldexp");
    let (Some(m), Some(e)) = (it.operand(&x1)?, it.operand(&x2)?) else {
        return Err(refuse());
    };
    let both_python = matches!((&m, &e), (Operand::Weak(_), Operand::Weak(_)));
    let exp_is_int = |e: &Operand| match e {
        Operand::Strong(a) => matches!(a.dtype().kind, Kind::Int | Kind::UInt),
        Operand::Weak(_) => false,
    };
    let dt = match &m {
        Operand::Weak(Weak::Float(_)) => DType::FLOAT64,
        Operand::Weak(Weak::Int(_)) if exp_is_int(&e) => DType::FLOAT16,
        Operand::Weak(Weak::Int(_)) => DType::FLOAT64,
        Operand::Weak(Weak::Bool(_)) => DType::FLOAT16,
        Operand::Weak(Weak::Complex(..)) => return Err(refuse()),
        Operand::Strong(arr) => {
            let d = arr.dtype().to_native();
            match d.kind {
                Kind::Float => d,
                Kind::Bool | Kind::Int | Kind::UInt => float_for(d),
                _ => return Err(refuse()),
            }
        }
    };
    let exps: Rc<NdArray> = match e {
        Operand::Strong(arr) => {
            let d = arr.dtype();
            let fits = match d.kind {
                Kind::Bool | Kind::Int => true,
                Kind::UInt => d.itemsize <= 4,
                _ => false,
            };
            if !fits {
                return Err(refuse());
            }
            arr
        }
        Operand::Weak(Weak::Bool(b)) => it.to_array(&Value::Bool(b), None)?,
        Operand::Weak(Weak::Int(i)) => {
            // beside another Python number it is an int64, else the `i` loop's int32
            let target = if both_python { "int64" } else { "int32" };
            let ok = match i.to_i64() {
                Some(_) if both_python => true,
                Some(v) => i32::try_from(v).is_ok(),
                None => false,
            };
            if !ok {
                return Err(PyError::python_int_out_of_bounds(
                    &i.to_string_checked()?,
                    target,
                ));
            }
            {
                let v = it.new_int(i);
                it.to_array(&v, None)?
            }
        }
        Operand::Weak(_) => return Err(refuse()),
    };
    let mant = it.materialize(m, dt)?;
    let mant = kernels::cast_array(&it.ctx, &mant, dt, Order::C)?;
    let r = it.fp_scope(false, "ldexp", |it| {
        kernels::ldexp(&it.ctx, &mant, &exps, dt)
    })?;
    let r = it.wrap_result(r)?;
    o.finish(it, a.func, r)
}
