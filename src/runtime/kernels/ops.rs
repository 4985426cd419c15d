//! Element-wise arithmetic, bitwise and comparison ufuncs with broadcasting, in typed loops with
//! NumPy's integer semantics (wrap-around, floor division and modulo by zero give 0, Python's
//! sign rules for `//` and `%`), plus `arange`'s fill.

use std::rc::Rc;

use ndarray::{ArrayViewD, ArrayViewMutD, Axis, Zip};

use super::elem::{Bool8, Elem, Family, dispatch};
use super::{Ctx, chunked, read_as, typed_view_mut};
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::layout::Order;
use crate::runtime::scalar::Scalar;

/// A binary ufunc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Rem,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    LShift,
    RShift,
    Maximum,
    Minimum,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        )
    }
    /// The ufunc's name in NumPy's messages.
    pub fn ufunc_name(self) -> &'static str {
        match self {
            BinaryOp::Add => "add",
            BinaryOp::Sub => "subtract",
            BinaryOp::Mul => "multiply",
            BinaryOp::TrueDiv => "divide",
            BinaryOp::FloorDiv => "floor_divide",
            BinaryOp::Rem => "remainder",
            BinaryOp::Pow => "power",
            BinaryOp::BitAnd => "bitwise_and",
            BinaryOp::BitOr => "bitwise_or",
            BinaryOp::BitXor => "bitwise_xor",
            BinaryOp::LShift => "left_shift",
            BinaryOp::RShift => "right_shift",
            BinaryOp::Maximum => "maximum",
            BinaryOp::Minimum => "minimum",
            BinaryOp::Eq => "equal",
            BinaryOp::Ne => "not_equal",
            BinaryOp::Lt => "less",
            BinaryOp::Le => "less_equal",
            BinaryOp::Gt => "greater",
            BinaryOp::Ge => "greater_equal",
        }
    }
}

/// A unary ufunc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Abs,
}

/// Arithmetic with NumPy's per-type semantics.
pub trait Arith: Elem {
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
    fn floor_div(self, o: Self) -> Self;
    fn rem(self, o: Self) -> Self;
    fn pow(self, o: Self) -> Self;
    fn bitand(self, o: Self) -> Self;
    fn bitor(self, o: Self) -> Self;
    fn bitxor(self, o: Self) -> Self;
    fn shl(self, o: Self) -> Self;
    fn shr(self, o: Self) -> Self;
    fn neg(self) -> Self;
    fn invert(self) -> Self;
    fn abs(self) -> Self;
    fn is_negative(self) -> bool;
    fn max_nan(self, o: Self) -> Self;
    fn min_nan(self, o: Self) -> Self;
}

macro_rules! int_arith {
    ($t:ty, $bits:expr, $signed:expr) => {
        impl Arith for $t {
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                self.wrapping_sub(o)
            }
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                self.wrapping_mul(o)
            }
            #[inline(always)]
            fn div(self, o: Self) -> Self {
                self.floor_div(o)
            }
            #[inline(always)]
            fn floor_div(self, o: Self) -> Self {
                // numpy: division by zero gives 0 (with a warning); MIN // -1 wraps
                if o == 0 {
                    return 0;
                }
                let q = self.wrapping_div(o);
                if $signed && (self % o != 0) && ((self < 0) != (o < 0 as $t)) {
                    q.wrapping_sub(1)
                } else {
                    q
                }
            }
            #[inline(always)]
            fn rem(self, o: Self) -> Self {
                if o == 0 {
                    return 0;
                }
                let r = self.wrapping_rem(o);
                if $signed && r != 0 && ((r < 0) != (o < 0 as $t)) {
                    r.wrapping_add(o)
                } else {
                    r
                }
            }
            #[inline(always)]
            fn pow(self, o: Self) -> Self {
                // exponentiation by squaring, wrapping; negative exponents are refused earlier
                let mut base = self;
                let mut exp = o as u64;
                let mut acc: $t = 1;
                while exp > 0 {
                    if exp & 1 == 1 {
                        acc = acc.wrapping_mul(base);
                    }
                    base = base.wrapping_mul(base);
                    exp >>= 1;
                }
                acc
            }
            #[inline(always)]
            fn bitand(self, o: Self) -> Self {
                self & o
            }
            #[inline(always)]
            fn bitor(self, o: Self) -> Self {
                self | o
            }
            #[inline(always)]
            fn bitxor(self, o: Self) -> Self {
                self ^ o
            }
            #[inline(always)]
            fn shl(self, o: Self) -> Self {
                // npy_lshift: shifting by the width or more (or a negative amount) gives 0
                if (o as u64) < $bits {
                    self << (o as u32)
                } else {
                    0
                }
            }
            #[inline(always)]
            fn shr(self, o: Self) -> Self {
                if (o as u64) < $bits {
                    self >> (o as u32)
                } else if $signed && self < 0 as $t {
                    (0 as $t).wrapping_sub(1)
                } else {
                    0
                }
            }
            #[inline(always)]
            fn neg(self) -> Self {
                (0 as $t).wrapping_sub(self)
            }
            #[inline(always)]
            fn invert(self) -> Self {
                !self
            }
            #[inline(always)]
            fn abs(self) -> Self {
                if $signed && self < 0 as $t {
                    self.neg()
                } else {
                    self
                }
            }
            #[inline(always)]
            fn is_negative(self) -> bool {
                $signed && self < 0 as $t
            }
            #[inline(always)]
            fn max_nan(self, o: Self) -> Self {
                if o > self { o } else { self }
            }
            #[inline(always)]
            fn min_nan(self, o: Self) -> Self {
                if o < self { o } else { self }
            }
        }
    };
}

#[allow(unused_comparisons)]
mod int_impls {
    use super::Arith;
    int_arith!(i8, 8, true);
    int_arith!(i16, 16, true);
    int_arith!(i32, 32, true);
    int_arith!(i64, 64, true);
    int_arith!(u8, 8, false);
    int_arith!(u16, 16, false);
    int_arith!(u32, 32, false);
    int_arith!(u64, 64, false);
}

macro_rules! float_arith {
    ($t:ty) => {
        impl Arith for $t {
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                self + o
            }
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                self - o
            }
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                self * o
            }
            #[inline(always)]
            fn div(self, o: Self) -> Self {
                self / o
            }
            #[inline(always)]
            fn floor_div(self, o: Self) -> Self {
                float_divmod(self as f64, o as f64).0 as $t
            }
            #[inline(always)]
            fn rem(self, o: Self) -> Self {
                float_divmod(self as f64, o as f64).1 as $t
            }
            #[inline(always)]
            fn pow(self, o: Self) -> Self {
                self.powf(o)
            }
            fn bitand(self, _: Self) -> Self {
                self
            }
            fn bitor(self, _: Self) -> Self {
                self
            }
            fn bitxor(self, _: Self) -> Self {
                self
            }
            fn shl(self, _: Self) -> Self {
                self
            }
            fn shr(self, _: Self) -> Self {
                self
            }
            #[inline(always)]
            fn neg(self) -> Self {
                -self
            }
            fn invert(self) -> Self {
                self
            }
            #[inline(always)]
            fn abs(self) -> Self {
                self.abs()
            }
            #[inline(always)]
            fn is_negative(self) -> bool {
                self < 0.0
            }
            #[inline(always)]
            fn max_nan(self, o: Self) -> Self {
                if self.is_nan() || o.is_nan() {
                    <$t>::NAN
                } else if o > self {
                    o
                } else {
                    self
                }
            }
            #[inline(always)]
            fn min_nan(self, o: Self) -> Self {
                if self.is_nan() || o.is_nan() {
                    <$t>::NAN
                } else if o < self {
                    o
                } else {
                    self
                }
            }
        }
    };
}

float_arith!(f32);
float_arith!(f64);

/// numpy's `npy_divmod` for doubles: Python's floor division and modulo, with NaN/inf rules.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    if b == 0.0 {
        let div = a / b;
        let rem = f64::NAN;
        return (div, rem);
    }
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

impl Arith for Bool8 {
    fn add(self, o: Self) -> Self {
        Bool8(self.0 | o.0)
    }
    fn sub(self, o: Self) -> Self {
        Bool8(self.0 ^ o.0)
    }
    fn mul(self, o: Self) -> Self {
        Bool8(self.0 & o.0)
    }
    fn div(self, o: Self) -> Self {
        Bool8(self.0 & o.0)
    }
    fn floor_div(self, o: Self) -> Self {
        Bool8(self.0 & o.0)
    }
    fn rem(self, _: Self) -> Self {
        Bool8(0)
    }
    fn pow(self, o: Self) -> Self {
        Bool8(self.0 | (o.0 ^ 1))
    }
    fn bitand(self, o: Self) -> Self {
        Bool8(self.0 & o.0)
    }
    fn bitor(self, o: Self) -> Self {
        Bool8(self.0 | o.0)
    }
    fn bitxor(self, o: Self) -> Self {
        Bool8(self.0 ^ o.0)
    }
    fn shl(self, o: Self) -> Self {
        Bool8(self.0 << o.0)
    }
    fn shr(self, o: Self) -> Self {
        Bool8(self.0 >> o.0)
    }
    fn neg(self) -> Self {
        self
    }
    fn invert(self) -> Self {
        Bool8(self.0 ^ 1)
    }
    fn abs(self) -> Self {
        self
    }
    fn is_negative(self) -> bool {
        false
    }
    fn max_nan(self, o: Self) -> Self {
        Bool8(self.0 | o.0)
    }
    fn min_nan(self, o: Self) -> Self {
        Bool8(self.0 & o.0)
    }
}

/// `a <op> b` computed in `compute` (both operands cast to it), broadcast to a common shape.
/// Comparisons give bool arrays; everything else gives `compute`. With `out`, the result is
/// written into that array (in-place `a += b`; `out` must be `a` or not overlap).
pub fn binary(
    ctx: &Ctx,
    op: BinaryOp,
    a: &NdArray,
    b: &NdArray,
    compute: DType,
    out: Option<&NdArray>,
) -> PyResult<Option<Rc<NdArray>>> {
    let shape = super::broadcast_shapes(&[&a.shape(), &b.shape()])?;
    dispatch!(compute, T => binary_typed::<T>(ctx, op, a, b, &shape, out), _ => {
        Err(PyError::not_implemented(format!(
            "arrsh cannot yet compute {} in dtype {}", op.ufunc_name(), compute.name()
        )))
    })
}

fn binary_typed<T: Arith>(
    ctx: &Ctx,
    op: BinaryOp,
    a: &NdArray,
    b: &NdArray,
    shape: &[usize],
    out: Option<&NdArray>,
) -> PyResult<Option<Rc<NdArray>>> {
    if let Some(dst) = out {
        return inplace_typed::<T>(ctx, op, dst, b).map(|()| None);
    }
    let out_dtype = if op.is_comparison() {
        DType::BOOL
    } else {
        T::DTYPE
    };
    let result = NdArray::zeros(ctx, shape, out_dtype, Order::C)?;
    {
        let ab = a.buffer().bytes()?;
        let bb = b.buffer().bytes()?;
        let av = read_as::<T>(a.dtype(), &a.layout(), &ab);
        let bv = read_as::<T>(b.dtype(), &b.layout(), &bb);
        check_operands::<T>(op, &bv.view())?;
        let dim = ndarray::IxDyn(shape);
        let (Some(av), Some(bv)) = (av.broadcast(dim.clone()), bv.broadcast(dim)) else {
            return Err(PyError::broadcast_shapes(&[&a.shape(), &b.shape()]));
        };
        let mut ob = result.buffer().bytes_mut()?;
        if op.is_comparison() {
            let ov = typed_view_mut::<Bool8>(&mut ob, &result.layout()).ok_or_else(internal)?;
            compare_into(ctx, op, ov, &av, &bv)?;
        } else {
            let ov = typed_view_mut::<T>(&mut ob, &result.layout()).ok_or_else(internal)?;
            arith_into(ctx, op, ov, &av, &bv)?;
        }
    }
    Ok(Some(result))
}

fn internal() -> PyError {
    PyError::new(
        crate::error::ErrorKind::RuntimeError,
        "arrsh internal error: fresh array not viewable",
    )
}

/// NumPy refuses negative integer powers before computing anything.
fn check_operands<T: Arith>(op: BinaryOp, b: &ArrayViewD<'_, T>) -> PyResult<()> {
    if op == BinaryOp::Pow && T::FAMILY == Family::Signed && b.iter().any(|y| y.is_negative()) {
        return Err(PyError::value(
            "Integers to negative integer powers are not allowed.",
        ));
    }
    Ok(())
}

/// `dst <op>= b` in place: `dst` is read and written through one mutable view.
fn inplace_typed<T: Arith>(ctx: &Ctx, op: BinaryOp, dst: &NdArray, b: &NdArray) -> PyResult<()> {
    if !dst.is_writeable() {
        return Err(PyError::read_only_destination());
    }
    if Rc::ptr_eq(dst.buffer(), b.buffer()) {
        let tmp = super::copy_array(ctx, b, Order::C)?;
        return inplace_typed::<T>(ctx, op, dst, &tmp);
    }
    let bb = b.buffer().bytes()?;
    let bv = read_as::<T>(b.dtype(), &b.layout(), &bb);
    check_operands::<T>(op, &bv.view())?;
    let Some(bv) = bv.broadcast(ndarray::IxDyn(&dst.shape())) else {
        return Err(PyError::broadcast_shapes(&[&dst.shape(), &b.shape()]));
    };
    let mut db = dst.buffer().bytes_mut()?;
    if dst.dtype() == T::DTYPE
        && let Some(dv) = typed_view_mut::<T>(&mut db, &dst.layout())
    {
        let f = arith_fn::<T>(op);
        return chunked(ctx, dv, |mut part, s, e| {
            let src = rows(&bv, s, e);
            Zip::from(&mut part)
                .and(&src)
                .for_each(|o, &y| *o = f(*o, y));
            Ok(())
        });
    }
    // dst in another dtype (same_kind cast checked by the caller) or odd layout: compute, then cast back
    let current = read_as::<T>(dst.dtype(), &dst.layout(), &db).into_owned();
    let f = arith_fn::<T>(op);
    let computed = Zip::from(&current).and(&bv).map_collect(|&x, &y| f(x, y));
    drop(db);
    let tmp = NdArray::zeros(ctx, &dst.shape(), T::DTYPE, Order::C)?;
    {
        let mut tb = tmp.buffer().bytes_mut()?;
        let tv = typed_view_mut::<T>(&mut tb, &tmp.layout()).ok_or_else(internal)?;
        let mut tv = tv;
        tv.assign(&computed);
    }
    super::assign(ctx, dst, &tmp)
}

fn rows<'a, T>(v: &'a ArrayViewD<'a, T>, start: usize, end: usize) -> ArrayViewD<'a, T> {
    if v.ndim() == 0 {
        v.view()
    } else {
        v.slice_axis(Axis(0), (start..end).into())
    }
}

fn arith_fn<T: Arith>(op: BinaryOp) -> fn(T, T) -> T {
    match op {
        BinaryOp::Add => T::add,
        BinaryOp::Sub => T::sub,
        BinaryOp::Mul => T::mul,
        BinaryOp::TrueDiv => T::div,
        BinaryOp::FloorDiv => T::floor_div,
        BinaryOp::Rem => T::rem,
        BinaryOp::Pow => T::pow,
        BinaryOp::BitAnd => T::bitand,
        BinaryOp::BitOr => T::bitor,
        BinaryOp::BitXor => T::bitxor,
        BinaryOp::LShift => T::shl,
        BinaryOp::RShift => T::shr,
        BinaryOp::Maximum => T::max_nan,
        BinaryOp::Minimum => T::min_nan,
        _ => T::add, // comparisons never reach here (see compare_into)
    }
}

/// Monomorphised loops: one match outside, a tight Zip inside (the compiler vectorises these).
fn arith_into<T: Arith>(
    ctx: &Ctx,
    op: BinaryOp,
    out: ArrayViewMutD<'_, T>,
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
) -> PyResult<()> {
    macro_rules! run {
        ($f:expr) => {
            chunked(ctx, out, |mut part, s, e| {
                Zip::from(&mut part)
                    .and(&rows(a, s, e))
                    .and(&rows(b, s, e))
                    .for_each(|o, &x, &y| *o = $f(x, y));
                Ok(())
            })
        };
    }
    match op {
        BinaryOp::Add => run!(T::add),
        BinaryOp::Sub => run!(T::sub),
        BinaryOp::Mul => run!(T::mul),
        BinaryOp::TrueDiv => run!(T::div),
        BinaryOp::FloorDiv => run!(T::floor_div),
        BinaryOp::Rem => run!(T::rem),
        BinaryOp::Pow => run!(T::pow),
        BinaryOp::BitAnd => run!(T::bitand),
        BinaryOp::BitOr => run!(T::bitor),
        BinaryOp::BitXor => run!(T::bitxor),
        BinaryOp::LShift => run!(T::shl),
        BinaryOp::RShift => run!(T::shr),
        BinaryOp::Maximum => run!(T::max_nan),
        BinaryOp::Minimum => run!(T::min_nan),
        _ => Err(internal()),
    }
}

fn compare_into<T: Arith>(
    ctx: &Ctx,
    op: BinaryOp,
    out: ArrayViewMutD<'_, Bool8>,
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
) -> PyResult<()> {
    macro_rules! run {
        ($f:expr) => {
            chunked(ctx, out, |mut part, s, e| {
                Zip::from(&mut part)
                    .and(&rows(a, s, e))
                    .and(&rows(b, s, e))
                    .for_each(|o, x: &T, y: &T| *o = Bool8($f(x, y) as u8));
                Ok(())
            })
        };
    }
    match op {
        BinaryOp::Eq => run!(|x: &T, y: &T| x == y),
        BinaryOp::Ne => run!(|x: &T, y: &T| x != y),
        BinaryOp::Lt => run!(|x: &T, y: &T| x < y),
        BinaryOp::Le => run!(|x: &T, y: &T| x <= y),
        BinaryOp::Gt => run!(|x: &T, y: &T| x > y),
        BinaryOp::Ge => run!(|x: &T, y: &T| x >= y),
        _ => Err(internal()),
    }
}

/// `-a`, `+a`, `~a`, `abs(a)` in the array's own dtype.
pub fn unary(ctx: &Ctx, op: UnaryOp, a: &NdArray) -> PyResult<Rc<NdArray>> {
    dispatch!(a.dtype(), T => {
        let result = NdArray::zeros(ctx, &a.shape(), T::DTYPE, Order::C)?;
        {
            let ab = a.buffer().bytes()?;
            let av = read_as::<T>(a.dtype(), &a.layout(), &ab);
            let mut ob = result.buffer().bytes_mut()?;
            let ov = typed_view_mut::<T>(&mut ob, &result.layout()).ok_or_else(internal)?;
            let f: fn(T) -> T = match op {
                UnaryOp::Neg => <T as Arith>::neg,
                UnaryOp::Pos => |x| x,
                UnaryOp::Invert => <T as Arith>::invert,
                UnaryOp::Abs => <T as Arith>::abs, // not i8::abs, which panics on i8::MIN
            };
            let av = av.view();
            chunked(ctx, ov, |mut part, s, e| {
                Zip::from(&mut part).and(&rows(&av, s, e)).for_each(|o, &x| *o = f(x));
                Ok(())
            })?;
        }
        Ok(result)
    }, _ => Err(PyError::not_implemented(format!("arrsh cannot yet negate dtype {}", a.dtype().name()))))
}

/// Fills a fresh 1-d array as numpy's `arange` does: the first two values were set from Python
/// numbers (`first`, `second`), the rest are `first + i*delta` in the dtype's own arithmetic.
pub fn fill_arange(ctx: &Ctx, arr: &NdArray, first: &Scalar, second: &Scalar) -> PyResult<()> {
    let n = arr.size();
    dispatch!(arr.dtype(), T => {
        let start = T::from_scalar(first);
        let next = T::from_scalar(second);
        let delta = next.sub(start);
        let mut bytes = arr.buffer().bytes_mut()?;
        let ov = typed_view_mut::<T>(&mut bytes, &arr.layout()).ok_or_else(internal)?;
        chunked(ctx, ov, |mut part, s, _| {
            for (k, o) in part.iter_mut().enumerate() {
                let i = (s + k) as i64;
                *o = match i {
                    0 => start,
                    1 => next,
                    _ => start.add(T::from_i64(i).mul(delta)),
                };
            }
            Ok(())
        })
    }, _ => {
        // byte-wise dtypes (float16, complex): compute in f64, store with the dtype's rounding
        let (s0, d) = (first.to_f64(), second.to_f64() - first.to_f64());
        let dt = arr.dtype();
        let mut bytes = arr.buffer().bytes_mut()?;
        for i in 0..n {
            let off = arr.layout().offset_of(&[i]);
            Scalar::Float(s0 + i as f64 * d).encode(dt, &mut bytes[off..off + dt.itemsize]);
        }
        Ok(())
    })
}
