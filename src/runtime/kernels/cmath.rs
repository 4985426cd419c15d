//! Complex math ufuncs (`exp`, `log`, `sin`, `tanh`...) of complex64/complex128 arrays.
//!
//! NumPy's complex loops call the C library's `cexp`, `clog`, `csinh`... (`npy_cexp` and friends
//! are the platform's functions where it has them, as glibc does), and build `log2`, `log10`,
//! `exp2`, `expm1` and `log1p` from real functions (`funcs.inc.src`). This module follows glibc's
//! algorithms step for step on top of the same real functions (Rust's `exp`, `sin`, `sinh`... are
//! the platform's libm), so results agree bit for bit with NumPy on the same machine: the
//! scaling near overflow, `clog`'s `log1p` branches near the unit circle with an exactly
//! rounded `x² + y² - 1`, and the special values of C99 Annex G.
//!
//! `ccos` and `ctan` are `ccosh` and `ctanh` of `i·z` (rotated back), as glibc computes them;
//! `csin` is `csinh`'s rotation for finite numbers and has its own special values; `catan` and
//! `catanh` share the `atan2` denominator `1 - x² - y²`. `arcsin`, `arccos`, `arcsinh` and
//! `arccosh` (glibc's `__kernel_casinh`) are not here yet: the evaluator says so.

use num_traits::Float;

/// What the algorithms need of a float type beyond `Float`.
pub trait CFloat: Float {
    /// `(int)((MAX_EXP - 1) * ln 2)`: the largest whole `x` with a finite `exp(x)`.
    const T: i32;
    const MANT_DIG: i32;
    const LN2: Self;
    const PI: Self;
    const LOG2E: Self;
    const LOG10E: Self;
    /// `x² + y² - 1` without cancellation (`1 > x >= y`, `x² + y² >= 0.5`).
    fn x2y2m1(x: Self, y: Self) -> Self;
    fn lit(v: f64) -> Self;
    /// C's `rint` in the default rounding mode: half to even.
    fn rint(self) -> Self;
}

impl CFloat for f64 {
    const T: i32 = 709;
    const MANT_DIG: i32 = 53;
    const LN2: f64 = std::f64::consts::LN_2;
    const PI: f64 = std::f64::consts::PI;
    const LOG2E: f64 = std::f64::consts::LOG2_E;
    const LOG10E: f64 = std::f64::consts::LOG10_E;
    fn x2y2m1(x: f64, y: f64) -> f64 {
        // each square split exactly into a high and a low part, then the five terms summed
        // smallest first, each partial sum split again (Dekker), so only the last rounding counts
        let (xx, yy) = (x * x, y * y);
        let mut vals = [x.mul_add(x, -xx), xx, y.mul_add(y, -yy), yy, -1.0];
        let by_magnitude = |v: &mut [f64]| v.sort_by(|p, q| p.abs().total_cmp(&q.abs()));
        by_magnitude(&mut vals);
        for i in 0..4 {
            let (small, big) = (vals[i], vals[i + 1]);
            let hi = big + small;
            vals[i] = (big - hi) + small;
            vals[i + 1] = hi;
            by_magnitude(&mut vals[i + 1..]);
        }
        vals[4] + vals[3] + vals[2] + vals[1] + vals[0]
    }
    fn lit(v: f64) -> f64 {
        v
    }
    fn rint(self) -> f64 {
        self.round_ties_even()
    }
}

impl CFloat for f32 {
    const T: i32 = 88;
    const MANT_DIG: i32 = 24;
    const LN2: f32 = std::f32::consts::LN_2;
    const PI: f32 = std::f32::consts::PI;
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const LOG10E: f32 = std::f32::consts::LOG10_E;
    fn x2y2m1(x: f32, y: f32) -> f32 {
        // in double, where the products are exact
        let (x, y) = (x as f64, y as f64);
        ((x - 1.0) * (x + 1.0) + y * y) as f32
    }
    fn lit(v: f64) -> f32 {
        v as f32
    }
    fn rint(self) -> f32 {
        self.round_ties_even()
    }
}

/// A complex function on (real, imaginary) parts.
pub type CFn<F> = fn(F, F) -> (F, F);

/// `x - x` as C computes it for a special value: the processor's default NaN from an infinity
/// (the sign bit set on x86-64), a NaN's own payload from a NaN. glibc writes it where C99 asks
/// for "a NaN", and the sign shows in `view` bytes.
#[allow(clippy::eq_op)]
fn minus_self<F: CFloat>(x: F) -> F {
    x - x
}

/// `sin(y)` and `cos(y)`, with glibc's shortcut for tiny `y`.
fn sincos<F: CFloat>(y: F) -> (F, F) {
    if y.abs() > F::min_positive_value() {
        (y.sin(), y.cos())
    } else {
        (y, F::one())
    }
}

fn t<F: CFloat>() -> F {
    F::lit(F::T as f64)
}

/// `exp(x) · (c, s)` for `x > T`, where `exp(x)` alone overflows: `x` is brought down by `T` at
/// most twice, the first step multiplying by `first` (`exp(T)`, or `exp(T) / 2` for the
/// hyperbolic functions' halves), then the product is infinite only if it must be.
fn exp_large<F: CFloat>(x: F, s: F, c: F, first: F) -> (F, F) {
    let t = t::<F>();
    let exp_t = t.exp();
    let (mut x, mut s, mut c) = (x - t, s * first, c * first);
    if x > t {
        x = x - t;
        s = s * exp_t;
        c = c * exp_t;
    }
    if x > t {
        (F::max_value() * c, F::max_value() * s)
    } else {
        let e = x.exp();
        (e * c, e * s)
    }
}

/// `cexp`.
pub fn exp<F: CFloat>(re: F, im: F) -> (F, F) {
    let zero = F::zero();
    if re.is_finite() {
        if !im.is_finite() {
            return (F::nan(), F::nan());
        }
        let (s, c) = sincos(im);
        let t = t::<F>();
        if re > t {
            exp_large(re, s, c, t.exp())
        } else {
            let e = re.exp();
            (e * c, e * s)
        }
    } else if re.is_infinite() {
        if im.is_finite() {
            let value = if re.is_sign_negative() {
                zero
            } else {
                F::infinity()
            };
            if im == zero {
                (value, im)
            } else {
                let (s, c) = sincos(im);
                (value.copysign(c), value.copysign(s))
            }
        } else if re.is_sign_positive() {
            (F::infinity(), minus_self(im))
        } else {
            (zero, zero.copysign(im))
        }
    } else if im == zero {
        (F::nan(), im)
    } else {
        (F::nan(), F::nan())
    }
}

/// `clog`.
pub fn log<F: CFloat>(re: F, im: F) -> (F, F) {
    let (zero, one) = (F::zero(), F::one());
    if re == zero && im == zero {
        let angle = if re.is_sign_negative() { F::PI } else { zero };
        return (-one / re.abs(), angle.copysign(im));
    }
    if re.is_nan() || im.is_nan() {
        let real = if re.is_infinite() || im.is_infinite() {
            F::infinity()
        } else {
            F::nan()
        };
        return (real, F::nan());
    }
    let (mut absx, mut absy) = (re.abs(), im.abs());
    if absx < absy {
        std::mem::swap(&mut absx, &mut absy);
    }
    let two = one + one;
    let half = F::lit(0.5);
    let mut scale = 0;
    if absx > F::max_value() / two {
        scale = -1;
        absx = absx * half;
        absy = if absy >= F::min_positive_value() * two {
            absy * half
        } else {
            zero
        };
    } else if absx < F::min_positive_value() && absy < F::min_positive_value() {
        scale = F::MANT_DIG;
        let up = two.powi(F::MANT_DIG);
        absx = absx * up;
        absy = absy * up;
    }
    let eps = F::epsilon();
    let real = if absx == one && scale == 0 {
        (absy * absy).ln_1p() / two
    } else if absx > one && absx < two && absy < one && scale == 0 {
        let mut d2m1 = (absx - one) * (absx + one);
        if absy >= eps {
            d2m1 = d2m1 + absy * absy;
        }
        d2m1.ln_1p() / two
    } else if absx < one && absx >= half && absy < eps / two && scale == 0 {
        ((absx - one) * (absx + one)).ln_1p() / two
    } else if absx < one && absx >= half && scale == 0 && absx * absx + absy * absy >= half {
        F::x2y2m1(absx, absy).ln_1p() / two
    } else {
        absx.hypot(absy).ln() - F::lit(scale as f64) * F::LN2
    };
    (real, im.atan2(re))
}

/// `csinh`.
pub fn sinh<F: CFloat>(re: F, im: F) -> (F, F) {
    let zero = F::zero();
    let negate = re.is_sign_negative();
    let x = re.abs();
    if re.is_finite() {
        if !im.is_finite() {
            return if re == zero {
                (
                    zero.copysign(if negate { -F::one() } else { F::one() }),
                    minus_self(im),
                )
            } else {
                (F::nan(), F::nan())
            };
        }
        let (s, mut c) = sincos(im);
        if negate {
            c = -c;
        }
        let t = t::<F>();
        if x > t {
            exp_large(x, s, c, t.exp() / (F::one() + F::one()))
        } else {
            (x.sinh() * c, x.cosh() * s)
        }
    } else if re.is_infinite() {
        if im.is_finite() && im != zero {
            let (s, c) = sincos(im);
            let real = F::infinity().copysign(c);
            (if negate { -real } else { real }, F::infinity().copysign(s))
        } else if im == zero {
            (
                if negate {
                    F::neg_infinity()
                } else {
                    F::infinity()
                },
                im,
            )
        } else {
            (F::infinity(), minus_self(im))
        }
    } else {
        (F::nan(), if im == zero { im } else { F::nan() })
    }
}

/// `ccosh`.
pub fn cosh<F: CFloat>(re: F, im: F) -> (F, F) {
    let zero = F::zero();
    if re.is_finite() {
        if !im.is_finite() {
            return (minus_self(im), if re == zero { zero } else { F::nan() });
        }
        let (mut s, c) = sincos(im);
        let t = t::<F>();
        if re.abs() > t {
            if re.is_sign_negative() {
                s = -s;
            }
            exp_large(re.abs(), s, c, t.exp() / (F::one() + F::one()))
        } else {
            (re.cosh() * c, re.sinh() * s)
        }
    } else if re.is_infinite() {
        let sign = F::one().copysign(re);
        if im.is_finite() && im != zero {
            let (s, c) = sincos(im);
            (F::infinity().copysign(c), F::infinity().copysign(s) * sign)
        } else if im == zero {
            (F::infinity(), im * sign)
        } else {
            (F::infinity(), minus_self(im))
        }
    } else {
        (F::nan(), if im == zero { im } else { F::nan() })
    }
}

/// `ctanh`.
pub fn tanh<F: CFloat>(re: F, im: F) -> (F, F) {
    let (zero, one) = (F::zero(), F::one());
    if !re.is_finite() || !im.is_finite() {
        return if re.is_infinite() {
            let imag = if im.is_finite() && im.abs() > one {
                let (s, c) = sincos(im);
                zero.copysign(s * c)
            } else {
                zero.copysign(im)
            };
            (one.copysign(re), imag)
        } else if im == zero {
            (re, im)
        } else {
            (if re == zero { re } else { F::nan() }, F::nan())
        };
    }
    let (s, c) = sincos(im);
    let half_t = F::lit((F::T / 2) as f64);
    let two = one + one;
    if re.abs() > half_t {
        // the real part is ±1 and the imaginary part tiny: 4 sin cos / exp(2|x|), in steps
        let exp_2t = (two * half_t).exp();
        let mut imag = F::lit(4.0) * s * c;
        let x = re.abs() - half_t;
        imag = imag / exp_2t;
        if x > half_t {
            imag = imag / exp_2t;
        } else {
            imag = imag / (two * x).exp();
        }
        (one.copysign(re), imag)
    } else {
        let (sh, ch) = if re.abs() > F::min_positive_value() {
            (re.sinh(), re.cosh())
        } else {
            (re, one)
        };
        let den = if sh.abs() > c.abs() * F::epsilon() {
            sh * sh + c * c
        } else {
            c * c
        };
        (sh * ch / den, s * c / den)
    }
}

/// `csin`: `csinh` with the parts' roles swapped, except for its own special values.
pub fn sin<F: CFloat>(re: F, im: F) -> (F, F) {
    let zero = F::zero();
    let negate = re.is_sign_negative();
    let x = re.abs();
    let signed_zero = || zero.copysign(if negate { -F::one() } else { F::one() });
    if im.is_finite() {
        if re.is_finite() {
            let (a, b) = sinh(-im, re);
            return (b, -a);
        }
        return if im == zero {
            (minus_self(x), im)
        } else {
            (F::nan(), F::nan())
        };
    }
    if im.is_infinite() {
        if re == zero {
            (signed_zero(), im)
        } else if re.is_finite() {
            let (s, c) = sincos(x);
            let real = F::infinity().copysign(s);
            let imag = F::infinity().copysign(c);
            (
                if negate { -real } else { real },
                if im.is_sign_negative() { -imag } else { imag },
            )
        } else {
            (minus_self(x), F::infinity())
        }
    } else if re == zero {
        (signed_zero(), F::nan())
    } else {
        (F::nan(), F::nan())
    }
}

/// `ccos(z) = ccosh(i z)`.
pub fn cos<F: CFloat>(re: F, im: F) -> (F, F) {
    cosh(-im, re)
}

/// `ctan(z) = -i ctanh(i z)`.
pub fn tan<F: CFloat>(re: F, im: F) -> (F, F) {
    let (a, b) = tanh(-im, re);
    (b, -a)
}

/// `catanh`.
pub fn atanh<F: CFloat>(re: F, im: F) -> (F, F) {
    let (zero, one) = (F::zero(), F::one());
    let half_pi = F::PI / (one + one);
    if !re.is_finite() || !im.is_finite() {
        return if im.is_infinite() {
            (zero.copysign(re), half_pi.copysign(im))
        } else if re.is_infinite() || re == zero {
            let imag = if im.is_nan() {
                F::nan()
            } else {
                half_pi.copysign(im)
            };
            (zero.copysign(re), imag)
        } else {
            (F::nan(), F::nan())
        };
    }
    if re == zero && im == zero {
        return (re, im);
    }
    atanh_finite(re, im)
}

/// `catanh(p + qi)` of finite, not both zero parts: `(along, across)`, the real and imaginary
/// parts. `catan(x + yi)` is `(across, along)` of `atanh_finite(y, x)`: glibc's two functions
/// run the same steps with the parts' roles swapped (the squares and `hypot` do not see the
/// swap).
fn atanh_finite<F: CFloat>(p: F, q: F) -> (F, F) {
    let (zero, one) = (F::zero(), F::one());
    let eps = F::epsilon();
    let (two, four, quarter, half) = (one + one, F::lit(4.0), F::lit(0.25), F::lit(0.5));
    if p.abs() >= F::lit(16.0) / eps || q.abs() >= F::lit(16.0) / eps {
        let along = if q.abs() <= one {
            one / p
        } else if p.abs() <= one {
            p / q / q
        } else {
            let h = (p / two).hypot(q / two);
            p / h / h / four
        };
        return (along, (F::PI / two).copysign(q));
    }
    let along = if p.abs() == one && q.abs() < eps * eps {
        half.copysign(p) * (F::LN2 - q.abs().ln())
    } else {
        let q2 = if q.abs() >= eps * eps { q * q } else { zero };
        let num = one + p;
        let num = q2 + num * num;
        let den = one - p;
        let den = q2 + den * den;
        let f = num / den;
        if f < half {
            quarter * f.ln()
        } else {
            quarter * (four * p / den).ln_1p()
        }
    };
    (along, half * (two * q).atan2(one_minus_squares(p, q)))
}

/// `1 - x² - y²` with little cancellation: catanh's and catan's `atan2` denominator.
fn one_minus_squares<F: CFloat>(x: F, y: F) -> F {
    let (zero, one) = (F::zero(), F::one());
    let (mut absx, mut absy) = (x.abs(), y.abs());
    if absx < absy {
        std::mem::swap(&mut absx, &mut absy);
    }
    if absy < F::epsilon() / (one + one) {
        let d = (one - absx) * (one + absx);
        // a zero denominator is +0 (atan2's sign matters)
        if d == zero { zero } else { d }
    } else if absx >= one {
        (one - absx) * (one + absx) - absy * absy
    } else if absx >= F::lit(0.75) || absy >= F::lit(0.5) {
        -F::x2y2m1(absx, absy)
    } else {
        (one - absx) * (one + absx) - absy * absy
    }
}

/// `catan`: its own special values, then `catanh`'s steps with the parts swapped.
pub fn atan<F: CFloat>(re: F, im: F) -> (F, F) {
    let (zero, one) = (F::zero(), F::one());
    let half_pi = F::PI / (one + one);
    if !re.is_finite() || !im.is_finite() {
        return if re.is_infinite() {
            (half_pi.copysign(re), zero.copysign(im))
        } else if im.is_infinite() {
            let real = if re.is_nan() {
                F::nan()
            } else {
                half_pi.copysign(re)
            };
            (real, zero.copysign(im))
        } else if im == zero {
            (F::nan(), zero.copysign(im))
        } else {
            (F::nan(), F::nan())
        };
    }
    if re == zero && im == zero {
        return (re, im);
    }
    let (along, across) = atanh_finite(im, re);
    (across, along)
}

/// NumPy's `nc_log2`/`nc_log10`: `clog` with both parts scaled.
pub fn log_scaled<F: CFloat>(re: F, im: F, by: F) -> (F, F) {
    let (a, b) = log(re, im);
    (a * by, b * by)
}

/// NumPy's `nc_exp2`: `cexp(z · ln 2)`.
pub fn exp2<F: CFloat>(re: F, im: F) -> (F, F) {
    exp(re * F::LN2, im * F::LN2)
}

/// NumPy's `nc_expm1`.
pub fn expm1<F: CFloat>(re: F, im: F) -> (F, F) {
    let two = F::one() + F::one();
    let a = (im / two).sin();
    (re.exp_m1() * im.cos() - two * a * a, re.exp() * im.sin())
}

/// NumPy's `nc_log1p`.
pub fn log1p<F: CFloat>(re: F, im: F) -> (F, F) {
    let l = (re + F::one()).hypot(im);
    (l.ln(), im.atan2(re + F::one()))
}

/// NumPy's `nc_rint`: each part rounded half to even.
pub fn rint<F: CFloat>(re: F, im: F) -> (F, F) {
    (re.rint(), im.rint())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values NumPy 2.4.6 gave on this project's machines (glibc's functions), bit for bit.
    /// A function's name, the function, an argument and NumPy's result.
    type Case = (&'static str, CFn<f64>, (f64, f64), (f64, f64));

    #[test]
    fn against_numpy() {
        let table: &[Case] = &[
            (
                "exp",
                exp,
                (1.0, 2.0),
                (-1.1312043837568135, 2.4717266720048188),
            ),
            (
                "exp",
                exp,
                (710.0, 0.5),
                (f64::INFINITY, 1.0710341440060488e308),
            ),
            (
                "log",
                log,
                (0.6, 0.8),
                (2.2204460492503132e-17, 0.9272952180016123),
            ),
            (
                "log",
                log,
                (3.0, 4.0),
                (1.6094379124341003, 0.9272952180016122),
            ),
            (
                "log",
                log,
                (0.7, 0.5),
                (-0.15055254639196086, 0.6202494859828215),
            ),
            (
                "sin",
                sin,
                (1.0, 2.0),
                (3.165778513216168, 1.9596010414216063),
            ),
            ("tanh", tanh, (400.0, 1.0), (1.0, 0.0)),
        ];
        for &(name, f, (re, im), want) in table {
            let got = f(re, im);
            assert_eq!(got, want, "{name}({re}+{im}j)");
        }
    }

    #[test]
    fn rint_is_half_to_even() {
        assert_eq!(rint(1.5f64, 2.5), (2.0, 2.0));
        assert_eq!(rint(-0.5f64, -1.5), (-0.0, -2.0));
    }
}
