//! Float math ufuncs (`exp`, `log`, `sin`, `floor`, `rint`...), the float predicates (`isnan`,
//! `isinf`, `isfinite`) and `where`'s element selection, as typed loops.

use std::rc::Rc;

use ndarray::Zip;

use super::elem::{Bool8, Elem, F16, dispatch};
use super::ops::map_checked;
use super::{Ctx, blocks, broadcast_layout, broadcast_shapes, map_into, read_as, typed_view_mut};
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::fpe::FpRule;
use crate::runtime::layout::Order;

/// A unary float ufunc: computed in the input's float type (float16 through float32, as NumPy's
/// half loops do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Exp,
    Log,
    Log2,
    Log10,
    Sin,
    Cos,
    Tan,
    Floor,
    Ceil,
    Trunc,
    /// Round half to even (`np.rint`, the core of `np.round`).
    Rint,
}

macro_rules! float_fn {
    ($op:expr, $t:ty) => {
        match $op {
            FloatOp::Exp => <$t>::exp,
            FloatOp::Log => <$t>::ln,
            FloatOp::Log2 => <$t>::log2,
            FloatOp::Log10 => <$t>::log10,
            FloatOp::Sin => <$t>::sin,
            FloatOp::Cos => <$t>::cos,
            FloatOp::Tan => <$t>::tan,
            FloatOp::Floor => <$t>::floor,
            FloatOp::Ceil => <$t>::ceil,
            FloatOp::Trunc => <$t>::trunc,
            FloatOp::Rint => <$t>::round_ties_even,
        }
    };
}

/// How `op` raises floating-point flags: logarithms have a pole at 0 (`log(0)` divides by
/// zero, `log(-1)` is invalid), `exp` overflows and underflows, the trigonometric functions are
/// invalid at infinity; rounding raises nothing.
fn float_rule(op: FloatOp) -> Option<FpRule> {
    match op {
        FloatOp::Exp => Some(FpRule {
            pole: false,
            can_underflow: true,
        }),
        FloatOp::Log | FloatOp::Log2 | FloatOp::Log10 => Some(FpRule {
            pole: true,
            can_underflow: false,
        }),
        FloatOp::Sin | FloatOp::Cos | FloatOp::Tan => Some(super::ops::PLAIN),
        FloatOp::Floor | FloatOp::Ceil | FloatOp::Trunc | FloatOp::Rint => None,
    }
}

/// `op` of every element of a float16/float32/float64 array, in that dtype.
pub fn float_unary(ctx: &Ctx, op: FloatOp, a: &NdArray) -> PyResult<Rc<NdArray>> {
    let dt = a.dtype().to_native();
    // a pole is only at 0 (the rule's `pole` says whether the function has one)
    macro_rules! rule {
        ($t:ty) => {
            match float_rule(op) {
                None => None,
                Some(r) if r.pole => Some(
                    (|x: $t| FpRule {
                        pole: x == <$t>::from_i64(0),
                        can_underflow: false,
                    }) as fn($t) -> FpRule,
                ),
                Some(r) if r.can_underflow => Some(
                    (|_: $t| FpRule {
                        pole: false,
                        can_underflow: true,
                    }) as fn($t) -> FpRule,
                ),
                Some(_) => Some((|_: $t| super::ops::PLAIN) as fn($t) -> FpRule),
            }
        };
    }
    if dt == DType::FLOAT64 {
        let f: fn(f64) -> f64 = float_fn!(op, f64);
        map_checked::<f64, f64>(ctx, a, f, rule!(f64))
    } else if dt == DType::FLOAT32 {
        let f: fn(f32) -> f32 = float_fn!(op, f32);
        map_checked::<f32, f32>(ctx, a, f, rule!(f32))
    } else if dt == DType::FLOAT16 {
        let f: fn(f32) -> f32 = float_fn!(op, f32);
        map_checked::<F16, F16>(ctx, a, move |x| F16::from_f32(f(x.to_f32())), rule!(F16))
    } else {
        Err(PyError::not_implemented(format!(
            "arrsh cannot yet compute {op:?} in dtype {}",
            dt.name()
        )))
    }
}

/// A float classification ufunc (bool result; complex numbers look at both parts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Predicate {
    IsNan,
    IsInf,
    IsFinite,
}

/// `pred` of every element (integers and bools are finite numbers).
pub fn predicate(ctx: &Ctx, pred: Predicate, a: &NdArray) -> PyResult<Rc<NdArray>> {
    dispatch!(a.dtype().to_native(), T => {
        let f: fn(T) -> Bool8 = match pred {
            Predicate::IsNan => |x: T| {
                let (re, im) = x.to_complex();
                Bool8((re.is_nan() || im.is_nan()) as u8)
            },
            Predicate::IsInf => |x: T| {
                let (re, im) = x.to_complex();
                Bool8((re.is_infinite() || im.is_infinite()) as u8)
            },
            Predicate::IsFinite => |x: T| {
                let (re, im) = x.to_complex();
                Bool8((re.is_finite() && im.is_finite()) as u8)
            },
        };
        map_into::<T, Bool8>(ctx, a, f)
    }, _ => Err(PyError::not_implemented(format!(
        "arrsh cannot yet classify dtype {}", a.dtype().name()
    ))))
}

/// `np.where(cond, x, y)`: the three broadcast together, `x` where `cond` is true, else `y`,
/// both read as `dt`.
pub fn select(
    ctx: &Ctx,
    cond: &NdArray,
    x: &NdArray,
    y: &NdArray,
    dt: DType,
) -> PyResult<Rc<NdArray>> {
    let shape = broadcast_shapes(&[&cond.shape(), &x.shape(), &y.shape()])?;
    let (Some(lc), Some(lx), Some(ly)) = (
        broadcast_layout(&cond.layout(), &shape),
        broadcast_layout(&x.layout(), &shape),
        broadcast_layout(&y.layout(), &shape),
    ) else {
        return Err(PyError::broadcast_shapes(&[
            &cond.shape(),
            &x.shape(),
            &y.shape(),
        ]));
    };
    dispatch!(dt, T => {
        let result = NdArray::zeros(ctx, &shape, T::DTYPE, Order::C)?;
        {
            let (cb, xb, yb) = (cond.buffer().bytes()?, x.buffer().bytes()?, y.buffer().bytes()?);
            let mut ob = result.buffer().bytes_mut()?;
            let mut ov = typed_view_mut::<T>(&mut ob, &result.layout()).ok_or_else(|| {
                PyError::internal("fresh array not viewable")
            })?;
            // block by block: operands in another dtype are cast a block at a time
            blocks::for_each_block(ctx, &shape, blocks::BLOCK_ELEMS, &mut |b| {
                let cv = read_as::<Bool8>(ctx, cond.dtype(), &blocks::sub_layout(&lc, b), &cb)?;
                let xv = read_as::<T>(ctx, x.dtype(), &blocks::sub_layout(&lx, b), &xb)?;
                let yv = read_as::<T>(ctx, y.dtype(), &blocks::sub_layout(&ly, b), &yb)?;
                let mut part = ov.slice_each_axis_mut(|d| {
                    let (start, len) = b[d.axis.index()];
                    ndarray::Slice::from(start..start + len)
                });
                Zip::from(&mut part)
                    .and(&*cv)
                    .and(&*xv)
                    .and(&*yv)
                    .for_each(|o, &c, &a, &b| *o = if c.0 != 0 { a } else { b });
                Ok(())
            })?;
        }
        Ok(result)
    }, _ => Err(PyError::not_implemented(format!(
        "arrsh cannot yet select in dtype {}", dt.name()
    ))))
}
