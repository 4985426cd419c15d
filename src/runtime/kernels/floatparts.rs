//! A float's parts as typed loops: `np.modf` (fractional and integral parts), `np.frexp`
//! (mantissa and power of two) and `np.ldexp` (their inverse). Every part of a float16/32/64 is
//! exact in f64, so each loop reads f64 and writes its own type without rounding, except
//! `ldexp`, whose one rounding is the cast of the exact f64 product (what `ldexpf` rounds to).

use std::cell::Cell;
use std::rc::Rc;

use super::Ctx;
use super::elem::{Elem, F16};
use super::mathfns::zip_map;
use super::ops::map_into;
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::fpe::FpFlags;

/// C's `modf`: `(x - trunc(x), trunc(x))`, both with `x`'s sign; an infinity has a zero
/// fraction, NaN gives NaN twice.
pub fn modf_parts(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0f64.copysign(x), x);
    }
    let whole = x.trunc();
    ((x - whole).copysign(x), whole)
}

/// C's `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1`; zero, infinities and NaN keep `x` with
/// exponent 0.
pub fn frexp_parts(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // subnormal: scale into the normal range first
        let (m, e) = frexp_parts(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, biased - 1022)
}

/// C's `ldexp`/`scalbn`: `x * 2**e`, rounded once (intermediate steps stay normal and exact).
pub fn ldexp_f64(mut x: f64, e: f64) -> f64 {
    // past ±2200 every finite non-zero x has over- or underflowed already
    let mut e = e.clamp(-2200.0, 2200.0) as i32;
    if e > 1023 {
        x *= 2f64.powi(1023);
        e -= 1023;
        if e > 1023 {
            x *= 2f64.powi(1023);
            e = (e - 1023).min(1023);
        }
    } else if e < -1022 {
        // 2**-969 keeps the scaled value normal, so only the last multiply rounds
        x *= 2f64.powi(-1022) * 2f64.powi(53);
        e += 1022 - 53;
        if e < -1022 {
            x *= 2f64.powi(-1022) * 2f64.powi(53);
            e = (e + 1022 - 53).max(-1022);
        }
    }
    x * f64::from_bits(((0x3ff + e) as u64) << 52)
}

/// Runs `body` with `T` the element type of the float dtype `dt`.
macro_rules! float_dispatch {
    ($dt:expr, $T:ident => $body:expr) => {{
        let dt: DType = $dt;
        if dt == DType::FLOAT64 {
            type $T = f64;
            $body
        } else if dt == DType::FLOAT32 {
            type $T = f32;
            $body
        } else if dt == DType::FLOAT16 {
            type $T = F16;
            $body
        } else {
            Err(PyError::internal(&format!(
                "float part loop for dtype {}",
                dt.name()
            )))
        }
    }};
}

/// `np.modf` of a float16/32/64 array: (fractional parts, integral parts), both in its dtype.
pub fn modf(ctx: &Ctx, a: &NdArray) -> PyResult<(Rc<NdArray>, Rc<NdArray>)> {
    float_dispatch!(a.dtype().to_native(), T => {
        let frac = map_into::<f64, T>(ctx, a, |x| T::from_f64(modf_parts(x).0))?;
        let whole = map_into::<f64, T>(ctx, a, |x| T::from_f64(modf_parts(x).1))?;
        Ok((frac, whole))
    })
}

/// `np.frexp` of a float16/32/64 array: (mantissas in its dtype, exponents as int32).
pub fn frexp(ctx: &Ctx, a: &NdArray) -> PyResult<(Rc<NdArray>, Rc<NdArray>)> {
    float_dispatch!(a.dtype().to_native(), T => {
        let m = map_into::<f64, T>(ctx, a, |x| T::from_f64(frexp_parts(x).0))?;
        let e = map_into::<f64, i32>(ctx, a, |x| frexp_parts(x).1)?;
        Ok((m, e))
    })
}

/// `np.ldexp(x, e)` into the float dtype `dt` (`x` already holds `dt`'s values, `e` integers):
/// NumPy's overflow flag when a finite `x` becomes infinite.
pub fn ldexp(ctx: &Ctx, x: &NdArray, e: &NdArray, dt: DType) -> PyResult<Rc<NdArray>> {
    let overflow = Cell::new(false);
    let r = float_dispatch!(dt, T => zip_map::<f64, T>(ctx, x, e, |x, e| {
        let r = T::from_f64(ldexp_f64(x, e));
        if x.is_finite() && !r.to_f64().is_finite() {
            overflow.set(true);
        }
        r
    }))?;
    if overflow.get() {
        ctx.raise_fp(FpFlags::OVERFLOW);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// x, its modf, its frexp.
    type PartsCase = (f64, (f64, f64), (f64, i32));

    #[test]
    fn parts_follow_c_library() {
        let cases: &[PartsCase] = &[
            (1.5, (0.5, 1.0), (0.75, 1)),
            (-2.25, (-0.25, -2.0), (-0.5625, 2)),
            (8.0, (0.0, 8.0), (0.5, 4)),
            (0.0, (0.0, 0.0), (0.0, 0)),
            (f64::INFINITY, (0.0, f64::INFINITY), (f64::INFINITY, 0)),
            // a subnormal's exponent counts past the normal range
            (1e-310, (1e-310, 0.0), (0.575_261_803_155_939_3, -1029)),
        ];
        for &(x, md, fx) in cases {
            assert_eq!(modf_parts(x), md, "modf({x})");
            assert_eq!(frexp_parts(x), fx, "frexp({x})");
        }
        assert!(
            modf_parts(-0.0).0.is_sign_negative(),
            "modf(-0.) keeps the sign"
        );
        assert!(modf_parts(f64::NEG_INFINITY).0.is_sign_negative());
    }

    #[test]
    fn ldexp_rounds_once() {
        let cases: &[(f64, f64, f64)] = &[
            (0.75, 2.0, 3.0),
            (1.0, 2000.0, f64::INFINITY),
            (1.0, -1080.0, 0.0),
            // a subnormal result, rounded once: 3 * 2**-1075 is 1.5 ulps -> 2 ulps
            (3.0, -1075.0, 1e-323),
            (f64::MIN_POSITIVE, 1023.0 + 1022.0, 2f64.powi(1023)),
            (2f64.powi(1023), -2047.0, f64::MIN_POSITIVE / 4.0),
        ];
        for &(x, e, want) in cases {
            assert_eq!(ldexp_f64(x, e), want, "ldexp({x}, {e})");
        }
    }
}
