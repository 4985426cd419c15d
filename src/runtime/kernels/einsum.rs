//! NumPy's einsum inner loops (`einsum_sumprod.c.src`): the sum-of-products function NumPy
//! picks for the inner axis's strides, each adding in NumPy's order — the SSE loops of its
//! x86-64 baseline (2 float64 / 4 float32 lanes, four vectors a step, multiply then add: no
//! fused multiply-add), float16 summed in float32 — so float results keep NumPy's last bits.

use super::elem::{Bool8, C64, C128, Elem, F16};
use crate::error::{PyError, PyResult};
use crate::runtime::Ctx;
use crate::runtime::dtype::DType;
use crate::runtime::einsum::iter::IterPlan;

/// NumPy's default buffer size: a buffered iteration's inner loop is at most this long.
const BUFSIZE: usize = 8192;

/// An element type as einsum's loops compute with it: the accumulator type (`temptype`) and
/// the SIMD lanes of NumPy's baseline loops (0: the scalar loops).
trait SumProd: Elem {
    type Acc: Copy;
    const LANES: usize;
    const COMPLEX: bool = false;
    /// float16: the scalar loops unrolled by four (integers and bools are exact in any order).
    const HALF: bool = false;
    const BOOL: bool = false;
    fn widen(self) -> Self::Acc;
    fn narrow(a: Self::Acc) -> Self;
    fn zero() -> Self::Acc;
    fn add(a: Self::Acc, b: Self::Acc) -> Self::Acc;
    fn mul(a: Self::Acc, b: Self::Acc) -> Self::Acc;
}

macro_rules! int_sumprod {
    ($($t:ty),*) => {$(
        impl SumProd for $t {
            type Acc = $t;
            const LANES: usize = 0;
            fn widen(self) -> $t { self }
            fn narrow(a: $t) -> $t { a }
            fn zero() -> $t { 0 }
            fn add(a: $t, b: $t) -> $t { a.wrapping_add(b) }
            fn mul(a: $t, b: $t) -> $t { a.wrapping_mul(b) }
        }
    )*};
}
int_sumprod!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! float_sumprod {
    ($t:ty, $lanes:expr) => {
        impl SumProd for $t {
            type Acc = $t;
            const LANES: usize = $lanes;
            fn widen(self) -> $t {
                self
            }
            fn narrow(a: $t) -> $t {
                a
            }
            fn zero() -> $t {
                0.0
            }
            fn add(a: $t, b: $t) -> $t {
                a + b
            }
            fn mul(a: $t, b: $t) -> $t {
                a * b
            }
        }
    };
}
float_sumprod!(f32, 4);
float_sumprod!(f64, 2);

impl SumProd for F16 {
    type Acc = f32;
    const LANES: usize = 0;
    const HALF: bool = true;
    fn widen(self) -> f32 {
        self.to_f32()
    }
    fn narrow(a: f32) -> F16 {
        F16::from_f32(a)
    }
    fn zero() -> f32 {
        0.0
    }
    fn add(a: f32, b: f32) -> f32 {
        a + b
    }
    fn mul(a: f32, b: f32) -> f32 {
        a * b
    }
}

macro_rules! complex_sumprod {
    ($t:ident, $f:ty) => {
        impl SumProd for $t {
            type Acc = ($f, $f);
            const LANES: usize = 0;
            const COMPLEX: bool = true;
            fn widen(self) -> ($f, $f) {
                (self.re, self.im)
            }
            fn narrow(a: ($f, $f)) -> $t {
                $t::new(a.0, a.1)
            }
            fn zero() -> ($f, $f) {
                (0.0, 0.0)
            }
            fn add(a: ($f, $f), b: ($f, $f)) -> ($f, $f) {
                (a.0 + b.0, a.1 + b.1)
            }
            fn mul(a: ($f, $f), b: ($f, $f)) -> ($f, $f) {
                (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
            }
        }
    };
}
complex_sumprod!(C64, f32);
complex_sumprod!(C128, f64);

impl SumProd for Bool8 {
    type Acc = bool;
    const LANES: usize = 0;
    const BOOL: bool = true;
    fn widen(self) -> bool {
        self.0 != 0
    }
    fn narrow(a: bool) -> Bool8 {
        Bool8(a as u8)
    }
    fn zero() -> bool {
        false
    }
    fn add(a: bool, b: bool) -> bool {
        a || b
    }
    fn mul(a: bool, b: bool) -> bool {
        a && b
    }
}

/// The loops of `get_sum_of_products_function` that add in different orders (the contiguous
/// and generic accumulating loops all compute `out = product + out` element by element).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sop {
    /// One operand, contiguous, summed into one output: `sum_of_arr`.
    ContigOutstride0One,
    /// Two operands, the first a scalar: `value0 * sum_of_arr(data1)`.
    Stride0ContigOutstride0,
    /// Two operands, the second a scalar.
    ContigStride0Outstride0,
    /// A dot product of two contiguous runs, SIMD lanes.
    ContigContigOutstride0,
    /// A local sum, added to the output once.
    Outstride0,
    /// Each product added to its output element.
    Accumulate,
}

fn select<T: SumProd>(nop: usize, fixed: &[isize]) -> Sop {
    let isz = std::mem::size_of::<T>() as isize;
    if nop == 1 && fixed[0] == isz && fixed[1] == 0 && !T::BOOL {
        return Sop::ContigOutstride0One;
    }
    if nop == 2 && !T::BOOL && !T::COMPLEX {
        let code = |s: isize, contig: i32| match s {
            0 => 0,
            s if s == isz => contig,
            _ => 8,
        };
        match code(fixed[0], 4) + code(fixed[1], 2) + code(fixed[2], 1) {
            2 => return Sop::Stride0ContigOutstride0,
            4 => return Sop::ContigStride0Outstride0,
            6 => return Sop::ContigContigOutstride0,
            _ => {}
        }
    }
    if fixed[nop] == 0 {
        Sop::Outstride0
    } else {
        Sop::Accumulate
    }
}

#[inline(always)]
fn ld<T: Elem>(b: &[u8], off: isize) -> T {
    let o = off as usize;
    bytemuck::pod_read_unaligned(&b[o..o + std::mem::size_of::<T>()])
}

#[inline(always)]
fn st<T: Elem>(b: &mut [u8], off: isize, v: T) {
    let o = off as usize;
    b[o..o + std::mem::size_of::<T>()].copy_from_slice(bytemuck::bytes_of(&v));
}

/// The product of one element of each operand, left to right.
#[inline(always)]
fn product<T: SumProd>(ins: &[&[u8]], ptrs: &[isize]) -> T::Acc {
    let mut p = ld::<T>(ins[0], ptrs[0]).widen();
    for (b, &o) in ins.iter().zip(ptrs).skip(1) {
        p = T::mul(p, ld::<T>(b, o).widen());
    }
    p
}

/// `@name@_sum_of_arr`: SSE lanes summing four vectors a step (pairwise within the step),
/// the tail one vector at a time (zero-filled), then the lanes; float16 unrolled by four.
fn sum_of_arr<T: SumProd>(b: &[u8], start: isize, count: usize) -> T::Acc {
    let isz = std::mem::size_of::<T>() as isize;
    let at = |k: usize| ld::<T>(b, start + k as isize * isz).widen();
    let lanes = T::LANES;
    if lanes > 0 {
        let mut v = [T::zero(); 4];
        let mut k = 0usize;
        while count - k >= 4 * lanes {
            for (l, acc) in v.iter_mut().enumerate().take(lanes) {
                let a = |i: usize| at(k + i * lanes + l);
                let a01 = T::add(a(0), a(1));
                let a23 = T::add(a(2), a(3));
                *acc = T::add(T::add(a01, a23), *acc);
            }
            k += 4 * lanes;
        }
        while k < count {
            for (l, acc) in v.iter_mut().enumerate().take(lanes) {
                let x = if k + l < count { at(k + l) } else { T::zero() };
                *acc = T::add(x, *acc);
            }
            k += lanes;
        }
        return lanes_sum::<T>(&v[..lanes]);
    }
    let mut acc = T::zero();
    let mut k = 0usize;
    if T::HALF {
        while count - k > 4 {
            let a01 = T::add(at(k), at(k + 1));
            let a23 = T::add(at(k + 2), at(k + 3));
            acc = T::add(acc, T::add(a01, a23));
            k += 4;
        }
    }
    while k < count {
        acc = T::add(acc, at(k));
        k += 1;
    }
    acc
}

/// `npyv_sum`: SSE3's horizontal adds, `l0 + l1` and `(l0 + l1) + (l2 + l3)`.
fn lanes_sum<T: SumProd>(v: &[T::Acc]) -> T::Acc {
    match v {
        [a, b] => T::add(*a, *b),
        [a, b, c, d] => T::add(T::add(*a, *b), T::add(*c, *d)),
        _ => v.iter().fold(T::zero(), |s, &x| T::add(s, x)),
    }
}

/// `@name@_sum_of_products_contig_contig_outstride0_two`: the dot product's order.
fn dot<T: SumProd>(b0: &[u8], s0: isize, b1: &[u8], s1: isize, count: usize) -> T::Acc {
    let isz = std::mem::size_of::<T>() as isize;
    let ab = |k: usize| {
        let o = k as isize * isz;
        T::mul(ld::<T>(b0, s0 + o).widen(), ld::<T>(b1, s1 + o).widen())
    };
    let lanes = T::LANES;
    if lanes > 0 {
        let mut v = [T::zero(); 4];
        let mut k = 0usize;
        while count - k >= 4 * lanes {
            for (l, acc) in v.iter_mut().enumerate().take(lanes) {
                let p = |i: usize| ab(k + i * lanes + l);
                *acc = T::add(p(0), T::add(p(1), T::add(p(2), T::add(p(3), *acc))));
            }
            k += 4 * lanes;
        }
        while k < count {
            for (l, acc) in v.iter_mut().enumerate().take(lanes) {
                let p = if k + l < count {
                    ab(k + l)
                } else {
                    T::mul(T::zero(), T::zero())
                };
                *acc = T::add(p, *acc);
            }
            k += lanes;
        }
        return lanes_sum::<T>(&v[..lanes]);
    }
    let mut acc = T::zero();
    let mut k = 0usize;
    if T::HALF {
        while count - k >= 4 {
            let s = T::add(T::add(T::add(ab(k), ab(k + 1)), ab(k + 2)), ab(k + 3));
            acc = T::add(acc, s);
            k += 4;
        }
    }
    while k < count {
        acc = T::add(acc, ab(k));
        k += 1;
    }
    acc
}

/// Complex `contig_outstride0_one`: real and imaginary parts summed two pairs a step.
fn complex_sum<T: SumProd>(b: &[u8], start: isize, count: usize) -> T::Acc {
    let isz = std::mem::size_of::<T>() as isize;
    let at = |k: usize| ld::<T>(b, start + k as isize * isz).widen();
    let mut acc = T::zero();
    let mut k = 0usize;
    while count - k > 4 {
        let p01 = T::add(at(k), at(k + 1));
        let p23 = T::add(at(k + 2), at(k + 3));
        acc = T::add(acc, T::add(p01, p23));
        k += 4;
    }
    while k < count {
        acc = T::add(acc, at(k));
        k += 1;
    }
    acc
}

/// One call of the chosen loop over `count` elements.
fn call<T: SumProd>(
    sop: Sop,
    ins: &[&[u8]],
    out: &mut [u8],
    ptrs: &[isize],
    strides: &[isize],
    count: usize,
) {
    let nop = ins.len();
    let o = ptrs[nop];
    let add_to_out = |out: &mut [u8], acc: T::Acc| {
        let cur = ld::<T>(out, o).widen();
        st::<T>(out, o, T::narrow(T::add(acc, cur)));
    };
    match sop {
        Sop::ContigOutstride0One => {
            let acc = if T::COMPLEX {
                complex_sum::<T>(ins[0], ptrs[0], count)
            } else {
                sum_of_arr::<T>(ins[0], ptrs[0], count)
            };
            add_to_out(out, acc);
        }
        Sop::Stride0ContigOutstride0 | Sop::ContigStride0Outstride0 => {
            let (scalar, run) = if sop == Sop::Stride0ContigOutstride0 {
                (0, 1)
            } else {
                (1, 0)
            };
            let value = ld::<T>(ins[scalar], ptrs[scalar]).widen();
            let acc = sum_of_arr::<T>(ins[run], ptrs[run], count);
            add_to_out(out, T::mul(value, acc));
        }
        Sop::ContigContigOutstride0 => {
            let acc = dot::<T>(ins[0], ptrs[0], ins[1], ptrs[1], count);
            add_to_out(out, acc);
        }
        Sop::Outstride0 => {
            let mut p = ptrs.to_vec();
            let mut acc = T::zero();
            for _ in 0..count {
                acc = T::add(acc, product::<T>(ins, &p));
                for (x, s) in p.iter_mut().zip(strides) {
                    *x += s;
                }
            }
            add_to_out(out, acc);
        }
        Sop::Accumulate => {
            let mut p = ptrs.to_vec();
            for _ in 0..count {
                let prod = product::<T>(ins, &p);
                let cur = ld::<T>(out, p[nop]).widen();
                st::<T>(out, p[nop], T::narrow(T::add(prod, cur)));
                for (x, s) in p.iter_mut().zip(strides) {
                    *x += s;
                }
            }
        }
    }
}

/// Runs the plan: the inner axis one loop call at a time (whole, in NumPy's unbuffered
/// 2- and 3-axis loops for one or two operands; at most `BUFSIZE` long otherwise), the outer
/// axes as an odometer.
fn run<T: SumProd>(
    ctx: &Ctx,
    ins: &[&[u8]],
    out: &mut [u8],
    plan: &IterPlan,
    buffered: bool,
) -> PyResult<()> {
    let nop = ins.len();
    let axes = &plan.axes;
    let Some(inner) = axes.first() else {
        let fixed = vec![0isize; nop + 1];
        call::<T>(select::<T>(nop, &fixed), ins, out, &plan.starts, &fixed, 1);
        return Ok(());
    };
    if axes.iter().any(|a| a.len == 0) {
        return Ok(());
    }
    let sop = select::<T>(nop, &inner.strides);
    let hand_coded = !buffered && nop <= 2 && (axes.len() == 2 || axes.len() == 3);
    let chunk = if hand_coded { inner.len } else { BUFSIZE };
    let outer: usize = axes[1..].iter().map(|a| a.len).product();
    let mut ptrs = plan.starts.clone();
    let mut idx = vec![0usize; axes.len()];
    for n in 0..outer {
        if n % 1024 == 0 {
            ctx.check_interrupt()?;
        }
        let mut p = ptrs.clone();
        let mut done = 0;
        while done < inner.len {
            let count = chunk.min(inner.len - done);
            call::<T>(sop, ins, out, &p, &inner.strides, count);
            for (x, s) in p.iter_mut().zip(&inner.strides) {
                *x += s * count as isize;
            }
            done += count;
        }
        for k in 1..axes.len() {
            idx[k] += 1;
            for (x, s) in ptrs.iter_mut().zip(&axes[k].strides) {
                *x += s;
            }
            if idx[k] < axes[k].len {
                break;
            }
            for (x, s) in ptrs.iter_mut().zip(&axes[k].strides) {
                *x -= s * axes[k].len as isize;
            }
            idx[k] = 0;
        }
    }
    Ok(())
}

/// Adds the sums of products of `ins` (all of dtype `dt`, native order) into `out` (zeroed,
/// dtype `dt`) along `plan`. `buffered`: NumPy had to cast an operand, so its iterator
/// buffers and never takes the unbuffered loops.
pub fn sum_of_products(
    ctx: &Ctx,
    dt: DType,
    ins: &[&[u8]],
    out: &mut [u8],
    plan: &IterPlan,
    buffered: bool,
) -> PyResult<()> {
    macro_rules! go {
        ($t:ty) => {
            run::<$t>(ctx, ins, out, plan, buffered)
        };
    }
    if dt.big_endian && dt.has_byteorder() {
        return Err(PyError::einsum_invalid_dtype());
    }
    match dt {
        d if d == DType::FLOAT64 => go!(f64),
        d if d == DType::FLOAT32 => go!(f32),
        d if d == DType::FLOAT16 => go!(F16),
        d if d == DType::COMPLEX128 => go!(C128),
        d if d == DType::COMPLEX64 => go!(C64),
        d if d == DType::INT64 => go!(i64),
        d if d == DType::INT32 => go!(i32),
        d if d == DType::INT16 => go!(i16),
        d if d == DType::INT8 => go!(i8),
        d if d == DType::UINT64 => go!(u64),
        d if d == DType::UINT32 => go!(u32),
        d if d == DType::UINT16 => go!(u16),
        d if d == DType::UINT8 => go!(u8),
        d if d == DType::BOOL => go!(Bool8),
        _ => Err(PyError::einsum_invalid_dtype()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(v: &[f64]) -> Vec<u8> {
        bytemuck::cast_slice(v).to_vec()
    }

    #[test]
    fn loops_are_picked_by_inner_strides() {
        let cases: &[(usize, &[isize], Sop, &str)] = &[
            (1, &[8, 0], Sop::ContigOutstride0One, "contiguous sum"),
            (
                1,
                &[16, 0],
                Sop::Outstride0,
                "strided sum: a plain running sum",
            ),
            (2, &[8, 8, 0], Sop::ContigContigOutstride0, "dot product"),
            (
                2,
                &[8, 16, 0],
                Sop::Outstride0,
                "one operand strided: no SIMD dot",
            ),
            (
                2,
                &[0, 8, 0],
                Sop::Stride0ContigOutstride0,
                "scalar times a sum",
            ),
            (
                2,
                &[0, 8, 8],
                Sop::Accumulate,
                "scaled row added to the output",
            ),
            (3, &[8, 8, 8, 0], Sop::Outstride0, "three operands"),
        ];
        for &(nop, fixed, want, why) in cases {
            assert_eq!(select::<f64>(nop, fixed), want, "{why}");
        }
        // complex numbers have no two-operand specialisations
        assert_eq!(select::<C128>(2, &[16, 16, 0]), Sop::Outstride0);
    }

    #[test]
    fn sum_of_arr_adds_in_lanes() {
        // 1e16 + 1 + 1 ... sequentially loses every 1; NumPy's lanes keep some of them
        let mut v = vec![1.0f64; 9];
        v[0] = 1e16;
        let b = bytes(&v);
        let lanes = sum_of_arr::<f64>(&b, 0, 9);
        let seq = v.iter().fold(0.0, |a, &x| a + x);
        assert_eq!(seq, 1e16);
        // NumPy prints 1.0000000000000008e+16 for this sum (checked with the oracle)
        assert_eq!(lanes, 1e16 + 8.0);
    }
}
