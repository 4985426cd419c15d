//! The floating-point checks of the typed loops (see `runtime::fpe`): a result block is scanned
//! once, vectorised, and only a block with a non-finite (or, when underflow is watched, tiny)
//! value is looked at element by element against its operands. Integer division by zero and
//! `MIN // -1` raise NumPy's flags from the operands; other integer array arithmetic is silent,
//! as in NumPy.

use ndarray::{ArrayViewD, Zip};

use super::elem::{Elem, Family};
use super::read_as;
use crate::error::PyResult;
use crate::runtime::dtype::DType;
use crate::runtime::fpe::{self, FpFlags, FpRule};
use crate::runtime::layout::Layout;
use crate::runtime::scalar::Scalar;
use crate::runtime::{Ctx, Kind};

/// Whether `T` is a float or complex type (the only ones whose results are checked).
#[inline(always)]
pub(super) fn inexact<T: Elem>() -> bool {
    matches!(T::FAMILY, Family::Float | Family::Complex)
}

/// The smallest normal number of `T`'s parts.
pub(super) fn tiny_of<T: Elem>() -> f64 {
    let part = if T::FAMILY == Family::Complex {
        T::DTYPE.itemsize / 2
    } else {
        T::DTYPE.itemsize
    };
    fpe::tiny(part)
}

/// The tiny bound for `classify`: `T`'s smallest normal number when underflow is watched, else 0
/// (no value is below it).
pub(super) fn watched_tiny<T: Elem>(ctx: &Ctx) -> f64 {
    if ctx.fp_watched().contains(FpFlags::UNDERFLOW) {
        tiny_of::<T>()
    } else {
        0.0
    }
}

/// Whether a block of `T` results needs a closer look: a non-finite value, or a tiny one when
/// underflow is watched. Integers never do; nothing does when no flag is watched.
pub(super) fn suspicious<T: Elem>(ctx: &Ctx, out: &ArrayViewD<'_, T>) -> bool {
    if !inexact::<T>() {
        return false;
    }
    let watched = ctx.fp_watched();
    if watched.is_empty() {
        return false;
    }
    if watched.contains(FpFlags::UNDERFLOW) {
        let tiny = tiny_of::<T>();
        let odd = |x: &T| {
            let (re, im) = x.to_complex();
            !(re.is_finite() && im.is_finite()) || re.abs() < tiny || (im != 0.0 && im.abs() < tiny)
        };
        return match out.as_slice_memory_order() {
            Some(s) => s.iter().any(odd),
            None => out.iter().any(odd),
        };
    }
    // a fold without early exit: the compiler vectorises it
    match out.as_slice_memory_order() {
        Some(s) => s.iter().fold(false, |bad, x| bad | !x.is_finite_elem()),
        None => out.iter().fold(false, |bad, x| bad | !x.is_finite_elem()),
    }
}

/// The flags of a block of a binary operation `out = f(a, b)`, element by element (`a` and `b`
/// broadcast to `out`); `rule` gives each element's rule from its operands.
pub(super) fn classify_binary<T: Elem>(
    out: &ArrayViewD<'_, T>,
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
    tiny: f64,
    rule: impl Fn(T, T) -> FpRule,
) -> FpFlags {
    let mut flags = FpFlags::NONE;
    let (Some(a), Some(b)) = (a.broadcast(out.raw_dim()), b.broadcast(out.raw_dim())) else {
        return flags;
    };
    Zip::from(out).and(&a).and(&b).for_each(|&r, &x, &y| {
        // with underflow unwatched (tiny 0) only non-finite results can raise anything
        if tiny > 0.0 || !r.is_finite_elem() {
            let f = fpe::classify(
                &[x.to_complex(), y.to_complex()],
                r.to_complex(),
                rule(x, y),
                tiny,
            );
            flags = flags.union(f);
        }
    });
    flags
}

/// The flags of a block of a unary operation `out = f(a)`.
pub(super) fn classify_unary<S: Elem, T: Elem>(
    out: &ArrayViewD<'_, T>,
    a: &ArrayViewD<'_, S>,
    tiny: f64,
    rule: impl Fn(S) -> FpRule,
) -> FpFlags {
    let mut flags = FpFlags::NONE;
    let Some(a) = a.broadcast(out.raw_dim()) else {
        return flags;
    };
    Zip::from(out).and(&a).for_each(|&r, &x| {
        if tiny > 0.0 || !r.is_finite_elem() {
            flags = flags.union(fpe::classify(
                &[x.to_complex()],
                r.to_complex(),
                rule(x),
                tiny,
            ));
        }
    });
    flags
}

/// NumPy's integer division flags for a block of `a // b` or `a % b`: a zero divisor is a
/// division by zero; `MIN // -1` (not `MIN % -1`) an overflow.
pub(super) fn integer_division<T: Elem>(
    floor: bool,
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
) -> FpFlags {
    if !matches!(T::FAMILY, Family::Signed | Family::Unsigned) {
        return FpFlags::NONE;
    }
    let zero = T::from_i64(0);
    let mut flags = FpFlags::NONE;
    let zero_divisor = match b.as_slice_memory_order() {
        Some(s) => s.iter().fold(false, |z, &y| z | (y == zero)),
        None => b.iter().fold(false, |z, &y| z | (y == zero)),
    };
    if zero_divisor {
        flags = flags.union(FpFlags::DIVIDE);
    }
    if floor && T::FAMILY == Family::Signed {
        let minus_one = T::from_i64(-1);
        if b.iter().any(|&y| y == minus_one) {
            let min = T::from_i64(T::DTYPE.int_range().0 as i64);
            if let Some(bb) = b.broadcast(a.raw_dim()) {
                let mut over = false;
                Zip::from(a)
                    .and(&bb)
                    .for_each(|&x, &y| over |= x == min && y == minus_one);
                if over {
                    flags = flags.union(FpFlags::OVERFLOW);
                }
            } else if let Some(ab) = a.broadcast(b.raw_dim()) {
                let mut over = false;
                Zip::from(&ab)
                    .and(b)
                    .for_each(|&x, &y| over |= x == min && y == minus_one);
                if over {
                    flags = flags.union(FpFlags::OVERFLOW);
                }
            }
        }
    }
    flags
}

/// The flags of casting one block from `sdt` (its bytes and layout) into `T` values: a float
/// outside what C's conversion instruction takes is invalid (integer targets); a value that
/// becomes infinite (or tiny) in a narrower float type overflows (underflows).
pub(super) fn cast_block<T: Elem>(
    ctx: &Ctx,
    sdt: DType,
    slayout: &Layout,
    sbytes: &[u8],
    values: &ArrayViewD<'_, T>,
) -> PyResult<()> {
    let watched = ctx.fp_watched();
    if watched.is_empty() || sdt == T::DTYPE {
        return Ok(());
    }
    let from_inexact = matches!(sdt.kind, Kind::Float | Kind::Complex);
    match T::FAMILY {
        Family::Signed | Family::Unsigned if from_inexact && watched.contains(FpFlags::INVALID) => {
            let src = read_as::<f64>(ctx, sdt, slayout, sbytes)?;
            let target = T::DTYPE;
            if src.iter().any(|&f| fpe::float_to_int_is_invalid(f, target)) {
                ctx.raise_fp(FpFlags::INVALID);
            }
        }
        Family::Float | Family::Complex if suspicious(ctx, values) => {
            let src = read_as::<super::elem::C128>(ctx, sdt, slayout, sbytes)?;
            let tiny = watched_tiny::<T>(ctx);
            let rule = FpRule {
                pole: false,
                can_underflow: true,
            };
            let mut flags = FpFlags::NONE;
            if let Some(src) = src.broadcast(values.raw_dim()) {
                Zip::from(values).and(&src).for_each(|&r, &x| {
                    flags = flags.union(fpe::classify(&[(x.re, x.im)], r.to_complex(), rule, tiny));
                });
            }
            ctx.raise_fp(flags);
        }
        _ => {}
    }
    Ok(())
}

/// The flags of casting one value into `T` (a fill, a Python number taking part in an
/// operation, a NumPy scalar's constructor).
pub(super) fn cast_scalar<T: Elem>(ctx: &Ctx, value: &Scalar, v: T) {
    let watched = ctx.fp_watched();
    if watched.is_empty() {
        return;
    }
    let (re, im) = match value {
        Scalar::Float(f) => (*f, 0.0),
        Scalar::Complex(r, i) => (*r, *i),
        Scalar::Int(i) if inexact::<T>() => (*i as f64, 0.0),
        Scalar::UInt(u) if inexact::<T>() => (*u as f64, 0.0),
        _ => return,
    };
    match T::FAMILY {
        Family::Signed | Family::Unsigned => {
            if fpe::float_to_int_is_invalid(re, T::DTYPE) {
                ctx.raise_fp(FpFlags::INVALID);
            }
        }
        Family::Float | Family::Complex => {
            let rule = FpRule {
                pole: false,
                can_underflow: true,
            };
            let tiny = watched_tiny::<T>(ctx);
            ctx.raise_fp(fpe::classify(&[(re, im)], v.to_complex(), rule, tiny));
        }
        Family::Bool => {}
    }
}

/// The flags of a sum or product (`reduce`, `accumulate`) judged on the whole: a NaN result
/// from NaN-free values is invalid (`inf + -inf`), an infinite one from finite values an
/// overflow. Only a result with a non-finite value makes it read the input again.
pub(super) fn reduction<T: Elem>(
    ctx: &Ctx,
    input: &crate::runtime::array::NdArray,
    result: &ArrayViewD<'_, T>,
) -> PyResult<()> {
    if !suspicious(ctx, result) {
        return Ok(());
    }
    let parts = |x: &T| {
        let (re, im) = x.to_complex();
        (
            re.is_nan() || im.is_nan(),
            re.is_infinite() || im.is_infinite(),
        )
    };
    let (out_nan, out_inf) = result
        .iter()
        .map(parts)
        .fold((false, false), |(a, b), (c, d)| (a | c, b | d));
    let bytes = input.buffer().bytes()?;
    let values = read_as::<T>(ctx, input.dtype(), &input.layout(), &bytes)?;
    let (in_nan, in_inf) = values
        .iter()
        .map(parts)
        .fold((false, false), |(a, b), (c, d)| (a | c, b | d));
    if out_nan && !in_nan {
        ctx.raise_fp(FpFlags::INVALID);
    }
    if out_inf && !in_inf && !in_nan {
        ctx.raise_fp(FpFlags::OVERFLOW);
    }
    Ok(())
}
