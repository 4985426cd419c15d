//! Element-wise arithmetic, bitwise and comparison ufuncs with broadcasting, in typed loops with
//! NumPy's integer semantics (wrap-around, floor division and modulo by zero give 0, Python's
//! sign rules for `//` and `%`), plus `arange`'s fill.

use std::rc::Rc;

use ndarray::{ArrayViewD, ArrayViewMutD, Axis, Zip};

use super::arith::Arith;
use super::elem::{Bool8, C64, C128, Elem, F16, Family, dispatch};
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
    Square,
    Reciprocal,
    Sqrt,
    Conj,
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
    if compute.is_flexible() && op.is_comparison() && out.is_none() {
        return super::strings::compare(ctx, op, a, b, &shape).map(Some);
    }
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
    // NumPy's complex SIMD loop is skipped when the output has stride 0 (a 0-d result)
    let zero_d = out.ndim() == 0;
    match op {
        BinaryOp::Add => run!(T::add),
        BinaryOp::Sub => run!(T::sub),
        BinaryOp::Mul if zero_d => run!(T::mul_plain),
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

/// `-a`, `+a`, `~a`, `abs(a)` in the array's own dtype (native byte order); `abs` of a complex
/// array is real (`hypot` of the parts, as NumPy's `absolute`).
pub fn unary(ctx: &Ctx, op: UnaryOp, a: &NdArray) -> PyResult<Rc<NdArray>> {
    let dt = a.dtype().to_native();
    if op == UnaryOp::Abs && dt == DType::COMPLEX64 {
        return map_into::<C64, f32>(ctx, a, |z| z.re.hypot(z.im));
    }
    if op == UnaryOp::Abs && dt == DType::COMPLEX128 {
        return map_into::<C128, f64>(ctx, a, |z| z.re.hypot(z.im));
    }
    dispatch!(dt, T => {
        let zero_d = a.ndim() == 0;
        let f: fn(T) -> T = match op {
            UnaryOp::Neg => <T as Arith>::neg,
            UnaryOp::Pos => |x| x,
            UnaryOp::Invert => <T as Arith>::invert,
            UnaryOp::Abs => <T as Arith>::abs, // not i8::abs, which panics on i8::MIN
            // a 0-d result takes NumPy's scalar loop (see `Arith::mul_plain`)
            UnaryOp::Square if zero_d => |x: T| x.mul_plain(x),
            UnaryOp::Square => |x: T| x.mul(x),
            UnaryOp::Reciprocal => <T as Arith>::reciprocal,
            UnaryOp::Sqrt => <T as Arith>::sqrt,
            UnaryOp::Conj => <T as Arith>::conj,
        };
        map_into::<T, T>(ctx, a, f)
    }, _ => Err(PyError::not_implemented(format!("arrsh cannot yet negate dtype {}", dt.name()))))
}

/// A new C-ordered array of `f` applied to every element of `a` (read as `S`).
pub fn map_into<S: Elem, T: Elem>(
    ctx: &Ctx,
    a: &NdArray,
    f: impl Fn(S) -> T,
) -> PyResult<Rc<NdArray>> {
    let result = NdArray::zeros(ctx, &a.shape(), T::DTYPE, Order::C)?;
    {
        let ab = a.buffer().bytes()?;
        let av = read_as::<S>(a.dtype(), &a.layout(), &ab);
        let mut ob = result.buffer().bytes_mut()?;
        let ov = typed_view_mut::<T>(&mut ob, &result.layout()).ok_or_else(internal)?;
        let av = av.view();
        chunked(ctx, ov, |mut part, s, e| {
            Zip::from(&mut part)
                .and(&rows(&av, s, e))
                .for_each(|o, &x| *o = f(x));
            Ok(())
        })?;
    }
    Ok(result)
}

/// Fills a fresh 1-d array as numpy's `arange` does: the first two values were set from Python
/// numbers (`first`, `second`), the rest are `first + i*delta` in the dtype's own arithmetic.
pub fn fill_arange(ctx: &Ctx, arr: &NdArray, first: &Scalar, second: &Scalar) -> PyResult<()> {
    let dt = arr.dtype();
    if dt.big_endian && dt.has_byteorder() {
        // numpy fills byte-swapped arrays natively and swaps on the way in
        let tmp = NdArray::zeros(ctx, &arr.shape(), dt.to_native(), Order::C)?;
        fill_arange(ctx, &tmp, first, second)?;
        return super::assign(ctx, arr, &tmp);
    }
    if dt == DType::FLOAT16 {
        // HALF_fill: start and delta widen to float32, each element rounds once
        let start = F16::from_scalar(first).to_f32();
        let delta = F16::from_scalar(second).to_f32() - start;
        let mut bytes = arr.buffer().bytes_mut()?;
        let ov = typed_view_mut::<F16>(&mut bytes, &arr.layout()).ok_or_else(internal)?;
        return chunked(ctx, ov, |mut part, s, _| {
            for (k, o) in part.iter_mut().enumerate() {
                *o = match s + k {
                    0 => F16::from_scalar(first),
                    1 => F16::from_scalar(second),
                    i => F16::from_f32(start + i as f32 * delta),
                };
            }
            Ok(())
        });
    }
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
    }, _ => Err(PyError::not_implemented(format!("arrsh cannot yet fill dtype {}", arr.dtype().name()))))
}
