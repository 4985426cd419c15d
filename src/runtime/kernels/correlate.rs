//! `np.correlate`/`np.convolve` as NumPy's `_pyarray_correlate` computes them: the shorter
//! sequence slides along the longer one, each output one dot product summed the way the
//! dtype's `dotfunc` sums (OpenBLAS's `ddot` for float64, a running sum elsewhere), and the
//! full overlaps of a float kernel of at most 11 taps through `small_correlate`'s plain loop.

use std::rc::Rc;

use super::elem::{Bool8, C64, C128, Elem, F16};
use super::{Ctx, cast_array};
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::{DType, Kind};
use crate::runtime::lapack;
use crate::runtime::layout::Order;

/// How much of the sliding the result keeps (NumPy's `NPY_VALID`, `NPY_SAME`, `NPY_FULL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorrMode {
    /// Full overlaps only: `len(a) - len(v) + 1` values.
    Valid,
    /// As long as the longer input, centred.
    Same,
    /// Every partial overlap: `len(a) + len(v) - 1` values.
    Full,
}

/// An element type with NumPy's `dotfunc` for it.
trait DotElem: Elem {
    /// The inner product of two equally long runs.
    fn dot(x: &[Self], y: &[Self]) -> Self;
    /// `small_correlate`'s loop for `out.len()` full overlaps of `k` along `d`, for the types
    /// that have it (float32, float64).
    fn small(_d: &[Self], _k: &[Self], _out: &mut [Self]) -> bool {
        false
    }
}

/// `small_correlate`: each output a running sum from zero, one product at a time.
macro_rules! small_correlate {
    ($t:ty) => {
        fn small(d: &[$t], k: &[$t], out: &mut [$t]) -> bool {
            if k.len() > 11 {
                return false;
            }
            for (i, o) in out.iter_mut().enumerate() {
                let mut s: $t = 0.0;
                for (j, &kj) in k.iter().enumerate() {
                    s += d[i + j] * kj;
                }
                *o = s;
            }
            true
        }
    };
}

impl DotElem for f64 {
    /// `DOUBLE_dot`: `cblas_ddot` added to a double zero. OpenBLAS picks its kernel by CPU;
    /// `lapack::ddot` is the Haswell one the transcripts were made with (an AVX-512 machine's
    /// kernel adds overlaps of 16 or more in another order: the last bit can differ there).
    fn dot(x: &[f64], y: &[f64]) -> f64 {
        0.0 + lapack::ddot(x, y)
    }
    small_correlate!(f64);
}

impl DotElem for f32 {
    /// `FLOAT_dot` through `cblas_sdot`: summed here in fused double steps and rounded once
    /// (OpenBLAS's AVX-512 `sdot` lane order is not reproduced: the last bit can differ).
    fn dot(x: &[f32], y: &[f32]) -> f32 {
        let mut s = 0f64;
        for (a, b) in x.iter().zip(y) {
            s = (*b as f64).mul_add(*a as f64, s);
        }
        s as f32
    }
    small_correlate!(f32);
}

impl DotElem for F16 {
    /// `HALF_dot`: a float32 running sum, rounded to half once.
    fn dot(x: &[F16], y: &[F16]) -> F16 {
        let mut s = 0f32;
        for (a, b) in x.iter().zip(y) {
            s += a.to_f32() * b.to_f32();
        }
        F16::from_f32(s)
    }
}

impl DotElem for Bool8 {
    /// `BOOL_dot`: whether any pair is true in both.
    fn dot(x: &[Bool8], y: &[Bool8]) -> Bool8 {
        Bool8(x.iter().zip(y).any(|(a, b)| a.0 != 0 && b.0 != 0) as u8)
    }
}

macro_rules! complex_dot {
    ($t:ident, $f:ty) => {
        impl DotElem for $t {
            /// `zdotu`/`cdotu` as a running sum of the parts in double.
            fn dot(x: &[$t], y: &[$t]) -> $t {
                let (mut re, mut im) = (0f64, 0f64);
                for (a, b) in x.iter().zip(y) {
                    let (ar, ai, br, bi) = (a.re as f64, a.im as f64, b.re as f64, b.im as f64);
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                $t::new(re as $f, im as $f)
            }
        }
    };
}
complex_dot!(C64, f32);
complex_dot!(C128, f64);

/// The integer `dotfunc`s: a C long (unsigned long for unsigned types) running sum, wrapping,
/// truncated to the type at the end.
macro_rules! int_dot {
    ($($t:ty),*) => {$(
        impl DotElem for $t {
            fn dot(x: &[$t], y: &[$t]) -> $t {
                if <$t as Elem>::FAMILY == super::elem::Family::Unsigned {
                    let mut s = 0u64;
                    for (a, b) in x.iter().zip(y) {
                        s = s.wrapping_add(a.to_u64().wrapping_mul(b.to_u64()));
                    }
                    <$t as Elem>::from_u64(s)
                } else {
                    let mut s = 0i64;
                    for (a, b) in x.iter().zip(y) {
                        s = s.wrapping_add(a.to_i64().wrapping_mul(b.to_i64()));
                    }
                    <$t as Elem>::from_i64(s)
                }
            }
        }
    )*};
}
int_dot!(i8, i16, i32, i64, u8, u16, u32, u64);

/// `correlate(a, v)` of two 1-d arrays in the numeric dtype `dt` (NumPy's `correlate2`, after
/// the caller conjugated a complex `v`). The longer input is the one slid over; when `v` is
/// longer the inputs trade places and the result comes out reversed, as NumPy's does.
pub fn correlate(
    ctx: &Ctx,
    a: &NdArray,
    v: &NdArray,
    dt: DType,
    mode: CorrMode,
) -> PyResult<Rc<NdArray>> {
    let a = cast_array(ctx, a, dt, Order::C)?;
    let v = cast_array(ctx, v, dt, Order::C)?;
    let (n1, n2) = (a.size(), v.size());
    let (long, short, inverted) = if n1 < n2 {
        (&v, &a, true)
    } else {
        (&a, &v, false)
    };
    let (n1, n) = (n1.max(n2), n1.min(n2));
    let (length, n_left, n_right) = match mode {
        CorrMode::Valid => (n1 - n + 1, 0, 0),
        CorrMode::Same => (n1, n / 2, n - n / 2 - 1),
        CorrMode::Full => (n1 + n - 1, n - 1, n - 1),
    };
    let out = NdArray::zeros(ctx, &[length], dt, Order::C)?;
    macro_rules! run {
        ($t:ty) => {{
            let lb = long.buffer().bytes()?;
            let sb = short.buffer().bytes()?;
            let x: &[$t] = bytemuck::cast_slice(&lb[..n1 * dt.itemsize]);
            let k: &[$t] = bytemuck::cast_slice(&sb[..n * dt.itemsize]);
            let mut ob = out.buffer().bytes_mut()?;
            let o: &mut [$t] = bytemuck::cast_slice_mut(&mut ob[..length * dt.itemsize]);
            slide(ctx, x, k, (n_left, n_right), o)?;
            if inverted {
                o.reverse();
            }
        }};
    }
    match (dt.kind, dt.itemsize) {
        _ if dt.big_endian && dt.has_byteorder() => return Err(unsupported()),
        (Kind::Bool, 1) => run!(Bool8),
        (Kind::Int, 1) => run!(i8),
        (Kind::Int, 2) => run!(i16),
        (Kind::Int, 4) => run!(i32),
        (Kind::Int, 8) => run!(i64),
        (Kind::UInt, 1) => run!(u8),
        (Kind::UInt, 2) => run!(u16),
        (Kind::UInt, 4) => run!(u32),
        (Kind::UInt, 8) => run!(u64),
        (Kind::Float, 2) => run!(F16),
        (Kind::Float, 4) => run!(f32),
        (Kind::Float, 8) => run!(f64),
        (Kind::Complex, 8) => run!(C64),
        (Kind::Complex, 16) => run!(C128),
        _ => return Err(unsupported()),
    }
    Ok(out)
}

fn unsupported() -> PyError {
    PyError::value("function not available for this data type")
}

/// `_pyarray_correlate`'s three loops: the growing overlaps on the left, the full ones, the
/// shrinking ones on the right (`x` is at least as long as `k`).
fn slide<T: DotElem>(
    ctx: &Ctx,
    x: &[T],
    k: &[T],
    (n_left, n_right): (usize, usize),
    out: &mut [T],
) -> PyResult<()> {
    let (n1, n2) = (x.len(), k.len());
    let mut o = 0;
    let mut n = n2 - n_left;
    for i in 0..n_left {
        let start = n_left - i;
        out[o] = T::dot(&x[..n], &k[start..start + n]);
        n += 1;
        o += 1;
    }
    let full = n1 - n2 + 1;
    if !T::small(x, k, &mut out[o..o + full]) {
        for i in 0..full {
            if i % 4096 == 0 {
                ctx.check_interrupt()?;
            }
            out[o + i] = T::dot(&x[i..i + n], &k[..n]);
        }
    }
    o += full;
    for (j, p) in (full..full + n_right).enumerate() {
        let n = n2 - 1 - j;
        out[o + j] = T::dot(&x[p..p + n], &k[..n]);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_keeps_each_modes_overlaps() {
        let ctx = Ctx::for_tests();
        let x = [1i64, 2, 3];
        let k = [0i64, 1, 5];
        // (n_left, n_right) and the expected values: np.correlate([1,2,3], [0,1,5], mode)
        let cases: &[((usize, usize), &[i64])] = &[
            ((0, 0), &[17]),
            ((1, 1), &[11, 17, 3]),
            ((2, 2), &[5, 11, 17, 3, 0]),
        ];
        for &(lr, want) in cases {
            let mut out = vec![0i64; want.len()];
            slide(&ctx, &x, &k, lr, &mut out).unwrap();
            assert_eq!(out, want, "{lr:?}");
        }
    }

    #[test]
    fn small_kernels_sum_in_order_and_large_ones_use_dot() {
        let d = [0.1f64, 0.2, 0.3, 0.4];
        let mut out = [0.0; 2];
        assert!(f64::small(&d, &[1.0, 1.0, 1.0], &mut out));
        assert_eq!(out, [(0.0 + 0.1) + 0.2 + 0.3, (0.0 + 0.2) + 0.3 + 0.4]);
        assert!(
            !f64::small(&[0.0; 20], &[1.0; 12], &mut out),
            "12 taps: BLAS"
        );
    }
}
