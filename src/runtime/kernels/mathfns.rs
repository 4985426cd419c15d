//! Float math ufuncs (`exp`, `log`, `sin`, `floor`, `rint`...), the float predicates (`isnan`,
//! `isinf`, `isfinite`) and `where`'s element selection, as typed loops.

use std::rc::Rc;

use ndarray::Zip;

use super::elem::{Bool8, C64, C128, Elem, F16, dispatch};
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
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Arcsinh,
    Arccosh,
    Arctanh,
    Expm1,
    Log1p,
    Exp2,
    Cbrt,
    /// `np.deg2rad`/`np.radians`: `x * (pi / 180)` in the input's type (npy_deg2rad).
    Deg2rad,
    /// `np.rad2deg`/`np.degrees`: `x * (180 / pi)` in the input's type (npy_rad2deg).
    Rad2deg,
    Fabs,
    /// `np.sign` of floats: -1, 0 or 1, NaN stays NaN (integers have their own loop).
    Sign,
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
            FloatOp::Arcsin => <$t>::asin,
            FloatOp::Arccos => <$t>::acos,
            FloatOp::Arctan => <$t>::atan,
            FloatOp::Sinh => <$t>::sinh,
            FloatOp::Cosh => <$t>::cosh,
            FloatOp::Tanh => <$t>::tanh,
            FloatOp::Arcsinh => <$t>::asinh,
            FloatOp::Arccosh => <$t>::acosh,
            FloatOp::Arctanh => <$t>::atanh,
            FloatOp::Expm1 => <$t>::exp_m1,
            FloatOp::Log1p => <$t>::ln_1p,
            FloatOp::Exp2 => <$t>::exp2,
            FloatOp::Cbrt => <$t>::cbrt,
            FloatOp::Deg2rad => |x: $t| x * ((std::f64::consts::PI as $t) / (180.0 as $t)),
            FloatOp::Rad2deg => |x: $t| x * ((180.0 as $t) / (std::f64::consts::PI as $t)),
            FloatOp::Fabs => <$t>::abs,
            FloatOp::Sign => |x: $t| {
                if x > 0.0 {
                    1.0
                } else if x < 0.0 {
                    -1.0
                } else if x == 0.0 {
                    0.0
                } else {
                    x
                }
            },
        }
    };
}

/// Where a function has a pole (an infinite value at a finite point: a division by zero).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pole {
    None,
    /// `log(0)`, `log2(0)`, `log10(0)`.
    AtZero,
    /// `log1p(-1)`.
    AtMinusOne,
    /// `arctanh(±1)`.
    AtPlusMinusOne,
}

/// How `op` raises floating-point flags (`None`: never, as rounding and `arctan`): its pole,
/// and whether it can underflow (`exp(-1000)`); an infinity elsewhere from a finite number is
/// an overflow (`exp`, `cosh`), a NaN from a number is invalid (`sqrt(-1)`, `arcsin(2)`).
fn float_rule(op: FloatOp) -> Option<(Pole, bool)> {
    use FloatOp::*;
    match op {
        Exp | Exp2 | Expm1 => Some((Pole::None, true)),
        Log | Log2 | Log10 => Some((Pole::AtZero, false)),
        Log1p => Some((Pole::AtMinusOne, false)),
        Arctanh => Some((Pole::AtPlusMinusOne, false)),
        Sin | Cos | Tan | Arcsin | Arccos | Arccosh | Sinh | Cosh | Deg2rad | Rad2deg => {
            Some((Pole::None, false))
        }
        Floor | Ceil | Trunc | Rint | Arctan | Tanh | Arcsinh | Cbrt | Fabs | Sign => None,
    }
}

/// `op` of every element of a float16/float32/float64 array, in that dtype.
pub fn float_unary(ctx: &Ctx, op: FloatOp, a: &NdArray) -> PyResult<Rc<NdArray>> {
    let dt = a.dtype().to_native();
    // one function per (pole, underflow): the kernels take plain function pointers
    macro_rules! rule {
        ($t:ty) => {
            match float_rule(op) {
                None => None,
                Some((pole, under)) => Some(match (pole, under) {
                    (Pole::AtZero, _) => {
                        (|x: $t| FpRule {
                            pole: x.to_f64() == 0.0,
                            can_underflow: false,
                        }) as fn($t) -> FpRule
                    }
                    (Pole::AtMinusOne, _) => |x: $t| FpRule {
                        pole: x.to_f64() == -1.0,
                        can_underflow: false,
                    },
                    (Pole::AtPlusMinusOne, _) => |x: $t| FpRule {
                        pole: x.to_f64().abs() == 1.0,
                        can_underflow: false,
                    },
                    (Pole::None, true) => |_: $t| FpRule {
                        pole: false,
                        can_underflow: true,
                    },
                    (Pole::None, false) => |_: $t| super::ops::PLAIN,
                }),
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

/// `op` of every element of a complex64/complex128 array, in that dtype, as NumPy's complex
/// loops compute it (`cmath`). `None` when NumPy has a complex loop arrsh lacks (arcsin, arccos,
/// arcsinh, arccosh); the caller refuses the ones NumPy has no complex loop for first.
pub fn complex_unary(ctx: &Ctx, op: FloatOp, a: &NdArray) -> Option<PyResult<Rc<NdArray>>> {
    use super::cmath::{self, CFloat};
    fn pick<F: CFloat>(op: FloatOp) -> Option<cmath::CFn<F>> {
        use FloatOp::*;
        Some(match op {
            Exp => cmath::exp,
            Exp2 => cmath::exp2,
            Expm1 => cmath::expm1,
            Log => cmath::log,
            Log2 => |re, im| cmath::log_scaled(re, im, F::LOG2E),
            Log10 => |re, im| cmath::log_scaled(re, im, F::LOG10E),
            Log1p => cmath::log1p,
            Sin => cmath::sin,
            Cos => cmath::cos,
            Tan => cmath::tan,
            Sinh => cmath::sinh,
            Cosh => cmath::cosh,
            Tanh => cmath::tanh,
            Arctan => cmath::atan,
            Arctanh => cmath::atanh,
            Rint => cmath::rint,
            _ => return None,
        })
    }
    // the flags: exp's family can underflow, the logarithms have their poles at 0 (log1p at
    // -1); an infinity from a finite number is otherwise an overflow, a NaN invalid
    macro_rules! rule {
        ($t:ty) => {
            match op {
                FloatOp::Exp | FloatOp::Exp2 | FloatOp::Expm1 => Some(
                    (|_: $t| FpRule {
                        pole: false,
                        can_underflow: true,
                    }) as fn($t) -> FpRule,
                ),
                FloatOp::Log | FloatOp::Log2 | FloatOp::Log10 => Some(|z: $t| FpRule {
                    pole: z.re == 0.0 && z.im == 0.0,
                    can_underflow: false,
                }),
                FloatOp::Log1p => Some(|z: $t| FpRule {
                    pole: z.re == -1.0 && z.im == 0.0,
                    can_underflow: false,
                }),
                // poles at ±1 and ±i
                FloatOp::Arctanh => Some(|z: $t| FpRule {
                    pole: z.re.abs() == 1.0 && z.im == 0.0,
                    can_underflow: false,
                }),
                FloatOp::Arctan => Some(|z: $t| FpRule {
                    pole: z.re == 0.0 && z.im.abs() == 1.0,
                    can_underflow: false,
                }),
                FloatOp::Rint => None,
                _ => Some(|_: $t| super::ops::PLAIN),
            }
        };
    }
    if a.dtype().itemsize == 8 {
        let f = pick::<f32>(op)?;
        Some(map_checked::<C64, C64>(
            ctx,
            a,
            move |z| {
                let (re, im) = f(z.re, z.im);
                C64::new(re, im)
            },
            rule!(C64),
        ))
    } else {
        let f = pick::<f64>(op)?;
        Some(map_checked::<C128, C128>(
            ctx,
            a,
            move |z| {
                let (re, im) = f(z.re, z.im);
                C128::new(re, im)
            },
            rule!(C128),
        ))
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

/// A float ufunc of two inputs (`arctan2`, `hypot`, `copysign`, `fmod`...), with npymath's
/// definitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatBinOp {
    Arctan2,
    Hypot,
    Copysign,
    Fmod,
    Logaddexp,
    Logaddexp2,
    Nextafter,
    Fmax,
    Fmin,
    Heaviside,
}

macro_rules! float_bin_fn {
    ($op:expr, $t:ident) => {
        match $op {
            FloatBinOp::Arctan2 => <$t>::atan2,
            FloatBinOp::Hypot => <$t>::hypot,
            FloatBinOp::Copysign => <$t>::copysign,
            FloatBinOp::Fmod => |x: $t, y: $t| x % y,
            FloatBinOp::Logaddexp => |x: $t, y: $t| {
                if x == y {
                    // infinities of the same sign
                    x + std::$t::consts::LN_2
                } else {
                    let d = x - y;
                    if d > 0.0 {
                        x + (-d).exp().ln_1p()
                    } else if d <= 0.0 {
                        y + d.exp().ln_1p()
                    } else {
                        d
                    }
                }
            },
            FloatBinOp::Logaddexp2 => |x: $t, y: $t| {
                if x == y {
                    x + 1.0
                } else {
                    let d = x - y;
                    if d > 0.0 {
                        x + std::$t::consts::LOG2_E * (-d).exp2().ln_1p()
                    } else if d <= 0.0 {
                        y + std::$t::consts::LOG2_E * d.exp2().ln_1p()
                    } else {
                        d
                    }
                }
            },
            FloatBinOp::Nextafter => next_after!($t),
            FloatBinOp::Fmax => |x: $t, y: $t| if x >= y || y.is_nan() { x } else { y },
            FloatBinOp::Fmin => |x: $t, y: $t| if x <= y || y.is_nan() { x } else { y },
            FloatBinOp::Heaviside => |x: $t, h: $t| {
                if x.is_nan() {
                    x
                } else if x == 0.0 {
                    h
                } else if x < 0.0 {
                    0.0
                } else {
                    1.0
                }
            },
        }
    };
}

/// C's `nextafter` for one float type, on the bits.
macro_rules! next_after {
    ($t:ident) => {
        |x: $t, y: $t| {
            if x.is_nan() || y.is_nan() {
                return x + y;
            }
            if x == y {
                return y;
            }
            if x == 0.0 {
                let tiny = <$t>::from_bits(1);
                return if y > 0.0 { tiny } else { -tiny };
            }
            let b = x.to_bits();
            let up = (y > x) == (x > 0.0);
            <$t>::from_bits(if up { b + 1 } else { b - 1 })
        }
    };
}

/// `op(a, b)` for float16/float32/float64 operands already cast to `dt` (float16 computes in
/// float32 and rounds back, as NumPy's half loops do).
pub fn float_binary(
    ctx: &Ctx,
    op: FloatBinOp,
    a: &NdArray,
    b: &NdArray,
    dt: DType,
) -> PyResult<Rc<NdArray>> {
    if dt == DType::FLOAT64 {
        let f: fn(f64, f64) -> f64 = float_bin_fn!(op, f64);
        zip_map::<f64, f64>(ctx, a, b, f)
    } else if dt == DType::FLOAT32 {
        let f: fn(f32, f32) -> f32 = float_bin_fn!(op, f32);
        zip_map::<f32, f32>(ctx, a, b, f)
    } else if dt == DType::FLOAT16 && op != FloatBinOp::Nextafter {
        let f: fn(f32, f32) -> f32 = float_bin_fn!(op, f32);
        zip_map::<F16, F16>(ctx, a, b, move |x, y| {
            F16::from_f32(f(x.to_f32(), y.to_f32()))
        })
    } else {
        Err(PyError::not_implemented(format!(
            "arrsh cannot yet compute {op:?} in dtype {}",
            dt.name()
        )))
    }
}

/// `np.fmod` of integers: C's remainder (the dividend's sign), 0 for a zero divisor.
pub fn int_fmod(ctx: &Ctx, a: &NdArray, b: &NdArray, dt: DType) -> PyResult<Rc<NdArray>> {
    dispatch!(dt, T => {
        match T::FAMILY {
            super::elem::Family::Unsigned => zip_map::<T, T>(ctx, a, b, |x, y| {
                let (x, y) = (x.to_u64(), y.to_u64());
                T::from_u64(x.checked_rem(y).unwrap_or(0))
            }),
            _ => zip_map::<T, T>(ctx, a, b, |x, y| {
                let (x, y) = (x.to_i64(), y.to_i64());
                T::from_i64(if y == 0 { 0 } else { x.wrapping_rem(y) })
            }),
        }
    }, _ => Err(PyError::not_implemented(format!(
        "arrsh cannot yet compute fmod in dtype {}", dt.name()
    ))))
}

/// `np.sign` of integers (and bools, which NumPy has no loop for: refused by the caller).
pub fn int_sign(ctx: &Ctx, a: &NdArray) -> PyResult<Rc<NdArray>> {
    dispatch!(a.dtype().to_native(), T => {
        match T::FAMILY {
            super::elem::Family::Unsigned => map_into::<T, T>(ctx, a, |x| T::from_u64((x.to_u64() > 0) as u64)),
            _ => map_into::<T, T>(ctx, a, |x| T::from_i64(x.to_i64().signum())),
        }
    }, _ => Err(PyError::not_implemented(format!(
        "arrsh cannot yet compute sign in dtype {}", a.dtype().name()
    ))))
}

/// `np.sign` of complex numbers, NumPy 2's `z / |z|` in the element's own precision
/// (`CFLOAT_sign`/`CDOUBLE_sign`): NaN in gives NaN, one infinite part gives its direction
/// (NaN for two), zero stays zero.
pub fn complex_sign(ctx: &Ctx, a: &NdArray) -> PyResult<Rc<NdArray>> {
    if a.dtype().itemsize == 8 {
        map_into::<C64, C64>(ctx, a, |z| {
            let (re, im) = csign(z.re, z.im);
            C64::new(re, im)
        })
    } else {
        map_into::<C128, C128>(ctx, a, |z| {
            let (re, im) = csign(z.re, z.im);
            C128::new(re, im)
        })
    }
}

fn csign<F: num_traits::Float>(re: F, im: F) -> (F, F) {
    let (zero, one) = (F::zero(), F::one());
    let unit = |x: F| if x > zero { one } else { -one };
    let abs = re.hypot(im);
    if abs.is_nan() {
        (F::nan(), F::nan())
    } else if abs.is_infinite() {
        match (re.is_infinite(), im.is_infinite()) {
            (true, true) => (F::nan(), F::nan()),
            (true, false) => (unit(re), zero),
            _ => (zero, unit(im)),
        }
    } else if abs == zero {
        (zero, zero)
    } else {
        (re / abs, im / abs)
    }
}

/// `np.signbit`: whether the sign bit is set (floats; other inputs are cast by the caller).
pub fn signbit(ctx: &Ctx, a: &NdArray) -> PyResult<Rc<NdArray>> {
    map_into::<f64, Bool8>(ctx, a, |x| Bool8(x.is_sign_negative() as u8))
}

/// `np.logical_not`: true where the element is zero (complex: both parts).
pub fn logical_not(ctx: &Ctx, a: &NdArray) -> PyResult<Rc<NdArray>> {
    dispatch!(a.dtype().to_native(), T => {
        map_into::<T, Bool8>(ctx, a, |x| {
            let (re, im) = x.to_complex();
            Bool8((re == 0.0 && im == 0.0) as u8)
        })
    }, _ => Err(PyError::not_implemented(format!(
        "arrsh cannot yet compute logical_not in dtype {}", a.dtype().name()
    ))))
}

/// `f(a, b)` of every pair of elements, `a` and `b` broadcast together and read as `S`
/// (cast block by block when they are stored otherwise), into a new C-ordered array of `T`.
pub fn zip_map<S: Elem, T: Elem>(
    ctx: &Ctx,
    a: &NdArray,
    b: &NdArray,
    f: impl Fn(S, S) -> T,
) -> PyResult<Rc<NdArray>> {
    let shape = broadcast_shapes(&[&a.shape(), &b.shape()])?;
    let (Some(la), Some(lb)) = (
        broadcast_layout(&a.layout(), &shape),
        broadcast_layout(&b.layout(), &shape),
    ) else {
        return Err(PyError::broadcast_shapes(&[&a.shape(), &b.shape()]));
    };
    let result = NdArray::zeros(ctx, &shape, T::DTYPE, Order::C)?;
    {
        let (ab, bb) = (a.buffer().bytes()?, b.buffer().bytes()?);
        let mut ob = result.buffer().bytes_mut()?;
        let mut ov = typed_view_mut::<T>(&mut ob, &result.layout())
            .ok_or_else(|| PyError::internal("fresh array not viewable"))?;
        blocks::for_each_block(ctx, &shape, blocks::BLOCK_ELEMS, &mut |blk| {
            let xv = read_as::<S>(ctx, a.dtype(), &blocks::sub_layout(&la, blk), &ab)?;
            let yv = read_as::<S>(ctx, b.dtype(), &blocks::sub_layout(&lb, blk), &bb)?;
            let mut part = ov.slice_each_axis_mut(|d| {
                let (start, len) = blk[d.axis.index()];
                ndarray::Slice::from(start..start + len)
            });
            Zip::from(&mut part)
                .and(&*xv)
                .and(&*yv)
                .for_each(|o, &x, &y| *o = f(x, y));
            Ok(())
        })?;
    }
    Ok(result)
}
