//! Element-wise arithmetic, bitwise and comparison ufuncs with broadcasting, in typed loops with
//! NumPy's integer semantics (wrap-around, floor division and modulo by zero give 0, Python's
//! sign rules for `//` and `%`), plus `arange`'s fill.

use std::rc::Rc;

use ndarray::{ArrayViewD, ArrayViewMutD, Zip};

use super::arith::Arith;
use super::elem::{Bool8, C64, C128, Elem, F16, Family, dispatch};
use super::fpcheck;
use super::{Ctx, Values, broadcast_layout, chunked, read_as, typed_view_mut};
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::fpe::FpRule;
use crate::runtime::layout::{Layout, Order};
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
    /// `&`, `|`, `^`, `<<`, `>>`: NumPy has loops for them in bool and integer dtypes only.
    pub fn is_bitwise(self) -> bool {
        matches!(
            self,
            BinaryOp::BitAnd
                | BinaryOp::BitOr
                | BinaryOp::BitXor
                | BinaryOp::LShift
                | BinaryOp::RShift
        )
    }
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
    if op.is_bitwise() && compute.is_inexact() {
        // the evaluator refuses these with NumPy's "ufunc ... not supported" TypeError first;
        // the float and complex `Arith::bitand`... have no meaning, so never run them
        return Err(PyError::internal(&format!(
            "{} reached the {} loop",
            op.ufunc_name(),
            compute.name()
        )));
    }
    let shape = super::broadcast_shapes(&[&a.shape(), &b.shape()])?;
    if compute.is_flexible() && op.is_comparison() && out.is_none() {
        return super::strings::compare(ctx, op, a, b, &shape).map(Some);
    }
    dispatch!(compute, T => binary_typed::<T>(ctx, op, a, b, &shape, out, compute.longlong), _ => {
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
    longlong: bool,
) -> PyResult<Option<Rc<NdArray>>> {
    if let Some(dst) = out {
        return inplace_typed::<T>(ctx, op, dst, b).map(|()| None);
    }
    let (Some(la), Some(lb)) = (
        broadcast_layout(&a.layout(), shape),
        broadcast_layout(&b.layout(), shape),
    ) else {
        return Err(PyError::broadcast_shapes(&[&a.shape(), &b.shape()]));
    };
    // int64 computed as C long long stays one (dtype invariant 6)
    let out_dtype = if op.is_comparison() {
        DType::BOOL
    } else {
        DType {
            longlong,
            ..T::DTYPE
        }
    };
    let result = NdArray::zeros(ctx, shape, out_dtype, Order::C)?;
    {
        let ab = a.buffer().bytes()?;
        let bb = b.buffer().bytes()?;
        check_operands::<T>(ctx, op, b.dtype(), &b.layout(), &bb)?;
        let av = Operand::<T>::new(ctx, a.dtype(), la, &ab)?;
        let bv = Operand::<T>::new(ctx, b.dtype(), lb, &bb)?;
        let mut ob = result.buffer().bytes_mut()?;
        if op.is_comparison() {
            let ov = typed_view_mut::<Bool8>(&mut ob, &result.layout()).ok_or_else(internal)?;
            chunked(ctx, ov, |part, s, e| compare_part(op, part, &av, &bv, s, e))?;
        } else {
            let ov = typed_view_mut::<T>(&mut ob, &result.layout()).ok_or_else(internal)?;
            // NumPy's complex SIMD loop is skipped when the output has stride 0 (a 0-d result)
            let zero_d = shape.is_empty();
            chunked(ctx, ov, |part, s, e| {
                arith_part(ctx, op, zero_d, part, &av, &bv, s, e)
            })?;
        }
    }
    Ok(Some(result))
}

fn internal() -> PyError {
    PyError::internal("fresh array not viewable")
}

/// NumPy refuses negative integer powers before computing anything.
fn check_operands<T: Arith>(
    ctx: &Ctx,
    op: BinaryOp,
    dt: DType,
    layout: &Layout,
    bytes: &[u8],
) -> PyResult<()> {
    if op == BinaryOp::Pow
        && T::FAMILY == Family::Signed
        && read_as::<T>(ctx, dt, layout, bytes)?
            .iter()
            .any(|y| y.is_negative())
    {
        return Err(PyError::value(
            "Integers to negative integer powers are not allowed.",
        ));
    }
    Ok(())
}

/// One operand of an element-wise loop, already broadcast to the output's shape.
enum Operand<'a, T> {
    /// Every element is the same one (a Python scalar, a broadcast single element): read and
    /// cast once, so the loop runs over the other operand alone.
    One(T),
    /// Read per block of output rows: borrowed when the bytes are already `T`s, otherwise
    /// cast block by block (NumPy's buffered casting), never a whole-array temporary.
    Rows(&'a Ctx, DType, Layout, &'a [u8]),
}

impl<'a, T: Elem> Operand<'a, T> {
    fn new(ctx: &'a Ctx, dt: DType, layout: Layout, bytes: &'a [u8]) -> PyResult<Self> {
        let single = layout
            .shape
            .iter()
            .zip(&layout.strides)
            .all(|(&n, &s)| n == 1 || s == 0);
        if single && !layout.is_empty() {
            let one = Layout {
                shape: vec![],
                strides: vec![],
                offset_bytes: layout.offset_bytes,
            };
            if let Some(&v) = read_as::<T>(ctx, dt, &one, bytes)?.first() {
                return Ok(Operand::One(v));
            }
        }
        Ok(Operand::Rows(ctx, dt, layout, bytes))
    }

    /// The operand's values for output rows `start..end` (all of it when 0-d).
    fn rows(&self, start: usize, end: usize) -> PyResult<Values<'a, T>> {
        match self {
            Operand::One(v) => Ok(Values::owned(ndarray::arr0(*v).into_dyn())),
            Operand::Rows(ctx, dt, layout, bytes) => {
                if layout.ndim() == 0 {
                    return read_as::<T>(ctx, *dt, layout, bytes);
                }
                let mut part = layout.clone();
                part.offset_bytes += start as isize * layout.strides[0];
                part.shape[0] = end - start;
                read_as::<T>(ctx, *dt, &part, bytes)
            }
        }
    }
}

/// The loop for one block of output rows, `f` monomorphised per operator: a scalar operand
/// stays in a register, so contiguous blocks vectorise.
macro_rules! elementwise {
    ($out:expr, $a:expr, $b:expr, $s:expr, $e:expr, $f:expr) => {{
        let mut out = $out;
        match ($a, $b) {
            (Operand::One(x), Operand::One(y)) => {
                let v = $f(*x, *y);
                out.fill(v);
            }
            (a, Operand::One(y)) => {
                let av = a.rows($s, $e)?;
                Zip::from(&mut out)
                    .and(&*av)
                    .for_each(|o, &x| *o = $f(x, *y));
            }
            (Operand::One(x), b) => {
                let bv = b.rows($s, $e)?;
                Zip::from(&mut out)
                    .and(&*bv)
                    .for_each(|o, &y| *o = $f(*x, y));
            }
            (a, b) => {
                let (av, bv) = (a.rows($s, $e)?, b.rows($s, $e)?);
                Zip::from(&mut out)
                    .and(&*av)
                    .and(&*bv)
                    .for_each(|o, &x, &y| *o = $f(x, y));
            }
        }
        Ok(())
    }};
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
    check_operands::<T>(ctx, op, b.dtype(), &b.layout(), &bb)?;
    let Some(lb) = broadcast_layout(&b.layout(), &dst.shape()) else {
        return Err(PyError::broadcast_shapes(&[&dst.shape(), &b.shape()]));
    };
    let bv = Operand::<T>::new(ctx, b.dtype(), lb, &bb)?;
    let mut db = dst.buffer().bytes_mut()?;
    if dst.dtype() == T::DTYPE
        && let Some(dv) = typed_view_mut::<T>(&mut db, &dst.layout())
    {
        return chunked(ctx, dv, |part, s, e| inplace_part(ctx, op, part, &bv, s, e));
    }
    let f = arith_fn::<T>(op)?;
    // dst in another dtype (same_kind cast checked by the caller) or odd layout: compute, then cast back
    let current = read_as::<T>(ctx, dst.dtype(), &dst.layout(), &db)?;
    let bfull = bv.rows(0, dst.shape().first().copied().unwrap_or(1))?;
    let Some(bfull) = bfull.broadcast(current.raw_dim()) else {
        return Err(PyError::broadcast_shapes(&[&dst.shape(), &b.shape()]));
    };
    let computed = Zip::from(&*current)
        .and(&bfull)
        .map_collect(|&x, &y| f(x, y));
    fp_flags(ctx, op, &computed.view(), &current.view(), &bfull);
    drop(current);
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

fn arith_fn<T: Arith>(op: BinaryOp) -> PyResult<fn(T, T) -> T> {
    Ok(match op {
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
        // comparisons take `compare_part` before an in-place loop is chosen
        _ => return Err(PyError::internal(&format!("in-place {}", op.ufunc_name()))),
    })
}

/// The floating-point flags of a computed block `out = a <op> b` (operands broadcast to it):
/// float and complex results are classified element by element only when the block is
/// suspicious (see `fpcheck`); integer division checks its divisors.
fn fp_flags<T: Arith>(
    ctx: &Ctx,
    op: BinaryOp,
    out: &ArrayViewD<'_, T>,
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
) {
    if fpcheck::inexact::<T>() {
        if !fpcheck::suspicious(ctx, out) {
            return;
        }
        let zero = T::from_i64(0);
        let can_underflow = matches!(op, BinaryOp::Mul | BinaryOp::TrueDiv | BinaryOp::Pow);
        let tiny = fpcheck::watched_tiny::<T>(ctx);
        let flags = fpcheck::classify_binary(out, a, b, tiny, |x, y| FpRule {
            pole: match op {
                BinaryOp::TrueDiv | BinaryOp::FloorDiv => y == zero,
                BinaryOp::Pow => x == zero && y.to_f64() < 0.0,
                _ => false,
            },
            can_underflow,
        });
        ctx.raise_fp(flags);
    } else if matches!(op, BinaryOp::FloorDiv | BinaryOp::Rem) {
        ctx.raise_fp(fpcheck::integer_division(op == BinaryOp::FloorDiv, a, b));
    }
}

/// Whether a block of `op` in `T` may raise floating-point flags worth looking for.
fn may_flag<T: Elem>(ctx: &Ctx, op: BinaryOp) -> bool {
    !ctx.fp_watched().is_empty()
        && (fpcheck::inexact::<T>() || matches!(op, BinaryOp::FloorDiv | BinaryOp::Rem))
        && !matches!(op, BinaryOp::Maximum | BinaryOp::Minimum)
}

/// One block of output rows of an arithmetic ufunc: one match outside, a tight monomorphised
/// loop inside (the compiler vectorises these), then the block's floating-point flags.
#[allow(clippy::too_many_arguments)]
fn arith_part<T: Arith>(
    ctx: &Ctx,
    op: BinaryOp,
    zero_d: bool,
    mut out: ArrayViewMutD<'_, T>,
    a: &Operand<'_, T>,
    b: &Operand<'_, T>,
    s: usize,
    e: usize,
) -> PyResult<()> {
    compute_part(op, zero_d, out.view_mut(), a, b, s, e)?;
    if may_flag::<T>(ctx, op) && (!fpcheck::inexact::<T>() || fpcheck::suspicious(ctx, &out.view()))
    {
        let (av, bv) = (a.rows(s, e)?, b.rows(s, e)?);
        fp_flags(ctx, op, &out.view(), &av.view(), &bv.view());
    }
    Ok(())
}

fn compute_part<T: Arith>(
    op: BinaryOp,
    zero_d: bool,
    out: ArrayViewMutD<'_, T>,
    a: &Operand<'_, T>,
    b: &Operand<'_, T>,
    s: usize,
    e: usize,
) -> PyResult<()> {
    match op {
        BinaryOp::Add => elementwise!(out, a, b, s, e, T::add),
        BinaryOp::Sub => elementwise!(out, a, b, s, e, T::sub),
        BinaryOp::Mul if zero_d => elementwise!(out, a, b, s, e, T::mul_plain),
        BinaryOp::Mul => elementwise!(out, a, b, s, e, T::mul),
        BinaryOp::TrueDiv => elementwise!(out, a, b, s, e, T::div),
        BinaryOp::FloorDiv => elementwise!(out, a, b, s, e, T::floor_div),
        BinaryOp::Rem => elementwise!(out, a, b, s, e, T::rem),
        BinaryOp::Pow => elementwise!(out, a, b, s, e, T::pow),
        BinaryOp::BitAnd => elementwise!(out, a, b, s, e, T::bitand),
        BinaryOp::BitOr => elementwise!(out, a, b, s, e, T::bitor),
        BinaryOp::BitXor => elementwise!(out, a, b, s, e, T::bitxor),
        BinaryOp::LShift => elementwise!(out, a, b, s, e, T::shl),
        BinaryOp::RShift => elementwise!(out, a, b, s, e, T::shr),
        BinaryOp::Maximum => elementwise!(out, a, b, s, e, T::max_nan),
        BinaryOp::Minimum => elementwise!(out, a, b, s, e, T::min_nan),
        _ => Err(internal()),
    }
}

/// One block of rows of `dst <op>= b`, monomorphised per operator like `arith_part`. When
/// flags are watched, the block's old values are kept to classify a suspicious result.
fn inplace_part<T: Arith>(
    ctx: &Ctx,
    op: BinaryOp,
    mut out: ArrayViewMutD<'_, T>,
    b: &Operand<'_, T>,
    s: usize,
    e: usize,
) -> PyResult<()> {
    let before = may_flag::<T>(ctx, op).then(|| out.to_owned());
    inplace_compute(op, out.view_mut(), b, s, e)?;
    if let Some(x) = before
        && (!fpcheck::inexact::<T>() || fpcheck::suspicious(ctx, &out.view()))
    {
        let bv = b.rows(s, e)?;
        fp_flags(ctx, op, &out.view(), &x.view(), &bv.view());
    }
    Ok(())
}

fn inplace_compute<T: Arith>(
    op: BinaryOp,
    mut out: ArrayViewMutD<'_, T>,
    b: &Operand<'_, T>,
    s: usize,
    e: usize,
) -> PyResult<()> {
    macro_rules! run {
        ($f:expr) => {{
            match b {
                Operand::One(y) => match out.as_slice_mut() {
                    Some(o) => o.iter_mut().for_each(|o| *o = $f(*o, *y)),
                    None => out.map_inplace(|o| *o = $f(*o, *y)),
                },
                b => {
                    let src = b.rows(s, e)?;
                    Zip::from(&mut out)
                        .and(&*src)
                        .for_each(|o, &y| *o = $f(*o, y));
                }
            }
            Ok(())
        }};
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

/// One block of output rows of a comparison.
fn compare_part<T: Arith>(
    op: BinaryOp,
    out: ArrayViewMutD<'_, Bool8>,
    a: &Operand<'_, T>,
    b: &Operand<'_, T>,
    s: usize,
    e: usize,
) -> PyResult<()> {
    match op {
        BinaryOp::Eq => elementwise!(out, a, b, s, e, |x: T, y: T| Bool8((x == y) as u8)),
        BinaryOp::Ne => elementwise!(out, a, b, s, e, |x: T, y: T| Bool8((x != y) as u8)),
        BinaryOp::Lt => elementwise!(out, a, b, s, e, |x: T, y: T| Bool8((x < y) as u8)),
        BinaryOp::Le => elementwise!(out, a, b, s, e, |x: T, y: T| Bool8((x <= y) as u8)),
        BinaryOp::Gt => elementwise!(out, a, b, s, e, |x: T, y: T| Bool8((x > y) as u8)),
        BinaryOp::Ge => elementwise!(out, a, b, s, e, |x: T, y: T| Bool8((x >= y) as u8)),
        _ => Err(internal()),
    }
}

/// `-a`, `+a`, `~a`, `abs(a)` in the array's own dtype (native byte order); `abs` of a complex
/// array is real (`hypot` of the parts, as NumPy's `absolute`).
pub fn unary(ctx: &Ctx, op: UnaryOp, a: &NdArray) -> PyResult<Rc<NdArray>> {
    let dt = a.dtype().to_native();
    // the evaluator refuses `~` of an inexact array with NumPy's TypeError and casts integers
    // to float before a square root; the `Arith` fallbacks for those return their operand
    let meaningless = match op {
        UnaryOp::Invert => dt.is_inexact(),
        UnaryOp::Sqrt => !dt.is_inexact(),
        _ => false,
    };
    if meaningless {
        return Err(PyError::internal(&format!(
            "{op:?} reached the {} loop",
            dt.name()
        )));
    }
    if op == UnaryOp::Abs && dt == DType::COMPLEX64 {
        return map_checked::<C64, f32>(ctx, a, |z| z.re.hypot(z.im), Some(|_| PLAIN));
    }
    if op == UnaryOp::Abs && dt == DType::COMPLEX128 {
        return map_checked::<C128, f64>(ctx, a, |z| z.re.hypot(z.im), Some(|_| PLAIN));
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
        let rule: Option<fn(T) -> FpRule> = match op {
            UnaryOp::Square => Some(|_| FpRule { pole: false, can_underflow: true }),
            UnaryOp::Reciprocal => Some(|x: T| FpRule { pole: x == T::from_i64(0), can_underflow: true }),
            UnaryOp::Sqrt => Some(|_| PLAIN),
            _ => None,
        };
        map_checked::<T, T>(ctx, a, f, rule)
    }, _ => Err(PyError::not_implemented(format!("arrsh cannot yet negate dtype {}", dt.name()))))
}

/// The rule of a function that neither has a pole nor underflows (`sqrt`, `sin`): an infinity
/// from a finite number is an overflow, a NaN from a number is invalid.
pub const PLAIN: FpRule = FpRule {
    pole: false,
    can_underflow: false,
};

/// A new C-ordered array of `f` applied to every element of `a` (read as `S`).
pub fn map_into<S: Elem, T: Elem>(
    ctx: &Ctx,
    a: &NdArray,
    f: impl Fn(S) -> T,
) -> PyResult<Rc<NdArray>> {
    map_checked(ctx, a, f, None)
}

/// `map_into` for a function that can raise floating-point flags by `rule` (see `fpcheck`).
pub fn map_checked<S: Elem, T: Elem>(
    ctx: &Ctx,
    a: &NdArray,
    f: impl Fn(S) -> T,
    rule: Option<fn(S) -> FpRule>,
) -> PyResult<Rc<NdArray>> {
    let result = NdArray::zeros(ctx, &a.shape(), T::DTYPE, Order::C)?;
    {
        let ab = a.buffer().bytes()?;
        let av = Operand::<S>::Rows(ctx, a.dtype(), a.layout().clone(), &ab);
        let mut ob = result.buffer().bytes_mut()?;
        let ov = typed_view_mut::<T>(&mut ob, &result.layout()).ok_or_else(internal)?;
        chunked(ctx, ov, |mut part, s, e| {
            let src = av.rows(s, e)?;
            Zip::from(&mut part).and(&*src).for_each(|o, &x| *o = f(x));
            if let Some(rule) = rule
                && fpcheck::suspicious(ctx, &part.view())
            {
                let tiny = fpcheck::watched_tiny::<T>(ctx);
                ctx.raise_fp(fpcheck::classify_unary(
                    &part.view(),
                    &src.view(),
                    tiny,
                    rule,
                ));
            }
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
            // the formula everywhere (a loop the compiler vectorises), then the first two fixed
            if let Some(out) = part.as_slice_mut() {
                for (k, o) in out.iter_mut().enumerate() {
                    *o = start.add(T::from_i64((s + k) as i64).mul(delta));
                }
            } else {
                for (k, o) in part.iter_mut().enumerate() {
                    *o = start.add(T::from_i64((s + k) as i64).mul(delta));
                }
            }
            for (i, v) in [(0usize, start), (1, next)] {
                if let Some(o) = i.checked_sub(s).and_then(|k| part.get_mut(&[k][..])) {
                    *o = v;
                }
            }
            Ok(())
        })
    }, _ => Err(PyError::not_implemented(format!("arrsh cannot yet fill dtype {}", arr.dtype().name()))))
}
