//! Typed elements: the Rust types behind every numeric dtype (half floats and complex pairs
//! included), NumPy's casts between them, and the dispatch macros that pick the type for a dtype
//! (native order, or byte-swapped with the native type and a swap at the boundary).

use bytemuck::{Pod, Zeroable};

use crate::runtime::dtype::DType;
use crate::runtime::scalar::{Scalar, f16_to_f64, f64_to_f16, float_to_int};

/// NumPy's bool: one byte, 0 or 1 (a newtype so it is `Pod` and distinct from `u8`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Pod, Zeroable)]
#[repr(transparent)]
pub struct Bool8(pub u8);

/// NumPy's float16 as its IEEE 754 binary16 bits. Arithmetic happens in `f32` and rounds back,
/// as NumPy's `HALF_*` loops do; comparisons compare values (so `-0 == 0` and NaN is unordered).
#[derive(Clone, Copy, Debug, Default, Pod, Zeroable)]
#[repr(transparent)]
pub struct F16(pub u16);

impl F16 {
    #[inline(always)]
    pub fn to_f32(self) -> f32 {
        f16_to_f64(self.0) as f32
    }
    /// `npy_float_to_half`: an f32 widens exactly, so rounding from f64 is the same rounding.
    #[inline(always)]
    pub fn from_f32(v: f32) -> F16 {
        F16(f64_to_f16(v as f64))
    }
}

impl PartialEq for F16 {
    fn eq(&self, o: &F16) -> bool {
        self.to_f32() == o.to_f32()
    }
}
impl PartialOrd for F16 {
    fn partial_cmp(&self, o: &F16) -> Option<std::cmp::Ordering> {
        self.to_f32().partial_cmp(&o.to_f32())
    }
}

/// complex64 / complex128: real part then imaginary part, as NumPy stores them. Equality is
/// NumPy's `CEQ`; the order is NumPy's lexicographic one (`CLT`): real parts first, and no order
/// at all when a NaN is involved.
macro_rules! complex_type {
    ($name:ident, $f:ty) => {
        #[derive(Clone, Copy, Debug, Default, PartialEq, Pod, Zeroable)]
        #[repr(C)]
        pub struct $name {
            pub re: $f,
            pub im: $f,
        }
        impl $name {
            #[inline(always)]
            pub fn new(re: $f, im: $f) -> Self {
                $name { re, im }
            }
            pub fn has_nan(self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
        }
        impl PartialOrd for $name {
            fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
                use std::cmp::Ordering::*;
                if self.re == o.re {
                    return self.im.partial_cmp(&o.im);
                }
                if self.im.is_nan() || o.im.is_nan() {
                    return None;
                }
                match self.re.partial_cmp(&o.re) {
                    Some(Less) => Some(Less),
                    Some(Greater) => Some(Greater),
                    _ => None,
                }
            }
        }
    };
}
complex_type!(C64, f32);
complex_type!(C128, f64);

/// How a type's values widen for casting.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Bool,
    Signed,
    Unsigned,
    Float,
    Complex,
}

/// A fast element type: plain bytes in native order, NumPy's C casts to and from the widest
/// type of each family.
pub trait Elem:
    Pod + Default + PartialOrd + PartialEq + Send + Sync + std::fmt::Debug + 'static
{
    const DTYPE: DType;
    const FAMILY: Family;
    fn to_i64(self) -> i64;
    fn to_u64(self) -> u64;
    fn to_f64(self) -> f64;
    fn from_i64(v: i64) -> Self;
    fn from_u64(v: u64) -> Self;
    fn from_f64(v: f64) -> Self;
    fn to_scalar(self) -> Scalar;
    /// The element with its bytes reversed (each half separately for complex numbers).
    fn swap_bytes(self) -> Self;

    /// As a complex number (real types have a zero imaginary part).
    #[inline(always)]
    fn to_complex(self) -> (f64, f64) {
        (self.to_f64(), 0.0)
    }
    /// From a complex number: real types keep the real part, as NumPy's cast does.
    #[inline(always)]
    fn from_complex(re: f64, _im: f64) -> Self {
        Self::from_f64(re)
    }
    /// Whether every part is finite (integers and bools always are).
    #[inline(always)]
    fn is_finite_elem(self) -> bool {
        let (re, im) = self.to_complex();
        re.is_finite() && im.is_finite()
    }

    fn from_scalar(s: &Scalar) -> Self {
        match s {
            Scalar::Bool(b) => Self::from_u64(*b as u64),
            Scalar::Int(v) => Self::from_i64(*v),
            Scalar::UInt(v) => Self::from_u64(*v),
            Scalar::Float(f) => Self::from_f64(*f),
            Scalar::Complex(r, i) => Self::from_complex(*r, *i),
            other => Self::from_f64(other.to_f64()),
        }
    }
}

/// NumPy's C cast from one fast type to another (resolved at compile time per pair).
#[inline(always)]
pub fn cast<S: Elem, T: Elem>(x: S) -> T {
    match S::FAMILY {
        Family::Bool | Family::Unsigned => T::from_u64(x.to_u64()),
        Family::Signed => T::from_i64(x.to_i64()),
        Family::Float => T::from_f64(x.to_f64()),
        Family::Complex => {
            let (re, im) = x.to_complex();
            T::from_complex(re, im)
        }
    }
}

macro_rules! int_elem {
    ($t:ty, $dt:expr, $fam:expr, $scalar:ident, $wide:ty) => {
        impl Elem for $t {
            const DTYPE: DType = $dt;
            const FAMILY: Family = $fam;
            #[inline(always)]
            fn to_i64(self) -> i64 {
                self as i64
            }
            #[inline(always)]
            fn to_u64(self) -> u64 {
                self as u64
            }
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline(always)]
            fn from_i64(v: i64) -> Self {
                v as $t
            }
            #[inline(always)]
            fn from_u64(v: u64) -> Self {
                v as $t
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                // the x86-64 conversion instruction C uses for this target size
                float_to_int(v, $dt) as $t
            }
            fn to_scalar(self) -> Scalar {
                Scalar::$scalar(self as $wide)
            }
            #[inline(always)]
            fn swap_bytes(self) -> Self {
                <$t>::swap_bytes(self)
            }
        }
    };
}

int_elem!(i8, DType::INT8, Family::Signed, Int, i64);
int_elem!(i16, DType::INT16, Family::Signed, Int, i64);
int_elem!(i32, DType::INT32, Family::Signed, Int, i64);
int_elem!(i64, DType::INT64, Family::Signed, Int, i64);
int_elem!(u8, DType::UINT8, Family::Unsigned, UInt, u64);
int_elem!(u16, DType::UINT16, Family::Unsigned, UInt, u64);
int_elem!(u32, DType::UINT32, Family::Unsigned, UInt, u64);
int_elem!(u64, DType::UINT64, Family::Unsigned, UInt, u64);

macro_rules! float_elem {
    ($t:ty, $dt:expr, $bits:ty) => {
        impl Elem for $t {
            const DTYPE: DType = $dt;
            const FAMILY: Family = Family::Float;
            #[inline(always)]
            fn to_i64(self) -> i64 {
                float_to_int(self as f64, DType::INT64)
            }
            #[inline(always)]
            fn to_u64(self) -> u64 {
                float_to_int(self as f64, DType::UINT64) as u64
            }
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline(always)]
            fn from_i64(v: i64) -> Self {
                v as $t
            }
            #[inline(always)]
            fn from_u64(v: u64) -> Self {
                v as $t
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            fn to_scalar(self) -> Scalar {
                Scalar::Float(self as f64)
            }
            #[inline(always)]
            fn swap_bytes(self) -> Self {
                <$t>::from_bits(self.to_bits().swap_bytes())
            }
        }
    };
}

float_elem!(f32, DType::FLOAT32, u32);
float_elem!(f64, DType::FLOAT64, u64);

impl Elem for F16 {
    const DTYPE: DType = DType::FLOAT16;
    const FAMILY: Family = Family::Float;
    #[inline(always)]
    fn to_i64(self) -> i64 {
        float_to_int(self.to_f64(), DType::INT64)
    }
    #[inline(always)]
    fn to_u64(self) -> u64 {
        float_to_int(self.to_f64(), DType::UINT64) as u64
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        f16_to_f64(self.0)
    }
    /// numpy: `npy_float_to_half((float)x)`; below 2**24 the float is exact, above it the
    /// half is inf either way.
    #[inline(always)]
    fn from_i64(v: i64) -> Self {
        F16::from_f32(v as f32)
    }
    #[inline(always)]
    fn from_u64(v: u64) -> Self {
        F16::from_f32(v as f32)
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        F16(f64_to_f16(v))
    }
    fn to_scalar(self) -> Scalar {
        Scalar::Float(self.to_f64())
    }
    #[inline(always)]
    fn swap_bytes(self) -> Self {
        F16(self.0.swap_bytes())
    }
    /// From the bits: an all-ones exponent is inf or NaN.
    #[inline(always)]
    fn is_finite_elem(self) -> bool {
        self.0 & 0x7c00 != 0x7c00
    }
}

macro_rules! complex_elem {
    ($t:ident, $f:ty, $dt:expr) => {
        impl Elem for $t {
            const DTYPE: DType = $dt;
            const FAMILY: Family = Family::Complex;
            #[inline(always)]
            fn to_i64(self) -> i64 {
                float_to_int(self.re as f64, DType::INT64)
            }
            #[inline(always)]
            fn to_u64(self) -> u64 {
                float_to_int(self.re as f64, DType::UINT64) as u64
            }
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self.re as f64
            }
            #[inline(always)]
            fn from_i64(v: i64) -> Self {
                $t::new(v as $f, 0.0)
            }
            #[inline(always)]
            fn from_u64(v: u64) -> Self {
                $t::new(v as $f, 0.0)
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                $t::new(v as $f, 0.0)
            }
            #[inline(always)]
            fn to_complex(self) -> (f64, f64) {
                (self.re as f64, self.im as f64)
            }
            #[inline(always)]
            fn from_complex(re: f64, im: f64) -> Self {
                $t::new(re as $f, im as $f)
            }
            fn to_scalar(self) -> Scalar {
                Scalar::Complex(self.re as f64, self.im as f64)
            }
            #[inline(always)]
            fn swap_bytes(self) -> Self {
                $t::new(
                    <$f>::from_bits(self.re.to_bits().swap_bytes()),
                    <$f>::from_bits(self.im.to_bits().swap_bytes()),
                )
            }
        }
    };
}

complex_elem!(C64, f32, DType::COMPLEX64);
complex_elem!(C128, f64, DType::COMPLEX128);

impl Elem for Bool8 {
    const DTYPE: DType = DType::BOOL;
    const FAMILY: Family = Family::Bool;
    #[inline(always)]
    fn to_i64(self) -> i64 {
        (self.0 != 0) as i64
    }
    #[inline(always)]
    fn to_u64(self) -> u64 {
        (self.0 != 0) as u64
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        (self.0 != 0) as u8 as f64
    }
    #[inline(always)]
    fn from_i64(v: i64) -> Self {
        Bool8((v != 0) as u8)
    }
    #[inline(always)]
    fn from_u64(v: u64) -> Self {
        Bool8((v != 0) as u8)
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        Bool8((v != 0.0) as u8)
    }
    #[inline(always)]
    fn from_complex(re: f64, im: f64) -> Self {
        Bool8((re != 0.0 || im != 0.0) as u8)
    }
    fn to_scalar(self) -> Scalar {
        Scalar::Bool(self.0 != 0)
    }
    #[inline(always)]
    fn swap_bytes(self) -> Self {
        self
    }
}

/// Runs `$body` with `$T` bound to the fast element type of `$dt` in native byte order, or
/// `$other` when there is none (byte-swapped numbers, bytes, str). With `swapped`, it binds
/// the native type of a byte-swapped numeric dtype instead (`'>i4'` → `i32`).
macro_rules! dispatch {
    ($dt:expr, $T:ident => $body:expr, _ => $other:expr) => {{
        let dt: $crate::runtime::dtype::DType = $dt;
        if dt.big_endian && dt.has_byteorder() {
            $other
        } else {
            $crate::runtime::kernels::elem::dispatch!(@native dt, $T => $body, _ => $other)
        }
    }};
    (swapped $dt:expr, $T:ident => $body:expr, _ => $other:expr) => {{
        let dt: $crate::runtime::dtype::DType = $dt;
        if dt.big_endian && dt.has_byteorder() && dt.is_numeric() {
            $crate::runtime::kernels::elem::dispatch!(@native dt, $T => $body, _ => $other)
        } else {
            $other
        }
    }};
    (@native $dt:expr, $T:ident => $body:expr, _ => $other:expr) => {{
        use $crate::runtime::dtype::Kind;
        use $crate::runtime::kernels::elem as el;
        match ($dt.kind, $dt.itemsize) {
            (Kind::Bool, 1) => {
                type $T = el::Bool8;
                $body
            }
            (Kind::Int, 1) => {
                type $T = i8;
                $body
            }
            (Kind::Int, 2) => {
                type $T = i16;
                $body
            }
            (Kind::Int, 4) => {
                type $T = i32;
                $body
            }
            // datetime64/timedelta64 are int64 counts: copies and views move them as such
            (Kind::Int | Kind::Datetime | Kind::Timedelta, 8) => {
                type $T = i64;
                $body
            }
            (Kind::UInt, 1) => {
                type $T = u8;
                $body
            }
            (Kind::UInt, 2) => {
                type $T = u16;
                $body
            }
            (Kind::UInt, 4) => {
                type $T = u32;
                $body
            }
            (Kind::UInt, 8) => {
                type $T = u64;
                $body
            }
            (Kind::Float, 2) => {
                type $T = el::F16;
                $body
            }
            (Kind::Float, 4) => {
                type $T = f32;
                $body
            }
            (Kind::Float, 8) => {
                type $T = f64;
                $body
            }
            (Kind::Complex, 8) => {
                type $T = el::C64;
                $body
            }
            (Kind::Complex, 16) => {
                type $T = el::C128;
                $body
            }
            _ => $other,
        }
    }};
}
pub(crate) use dispatch;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casts_follow_c_semantics() {
        // (result, numpy's result, why)
        assert_eq!(cast::<i64, u8>(300), 44u8, "wraps");
        assert_eq!(cast::<f64, i64>(-2.7), -2, "truncates toward zero");
        assert_eq!(
            cast::<f64, i64>(f64::NAN),
            i64::MIN,
            "x86 integer indefinite"
        );
        assert_eq!(cast::<f64, i32>(f64::NAN), i32::MIN, "32-bit indefinite");
        assert_eq!(cast::<f64, i32>(2.5), 2, "control: in range");
        assert_eq!(
            cast::<f64, i16>(3e9),
            0,
            "through int32: indefinite's low bits"
        );
        assert_eq!(cast::<f64, u8>(-3.5), 253, "through int32, then wraps");
        assert_eq!(
            cast::<f64, u64>(-1.0),
            u64::MAX,
            "negative float to uint64 wraps"
        );
        assert_eq!(
            cast::<f64, u64>(f64::INFINITY),
            0,
            "inf takes the >= 2**63 branch"
        );
        assert_eq!(
            cast::<f64, u64>(1e19),
            10_000_000_000_000_000_000,
            "above 2**63"
        );
        assert_eq!(cast::<i8, f32>(-5), -5.0f32);
        assert_eq!(cast::<f64, Bool8>(0.5), Bool8(1));
        assert_eq!(cast::<Bool8, i32>(Bool8(1)), 1);
        assert_eq!(cast::<u64, i64>(u64::MAX), -1);
    }

    #[test]
    fn half_and_complex_casts() {
        assert_eq!(cast::<f64, F16>(0.1).0, 0x2e66, "round to nearest half");
        assert_eq!(cast::<F16, f64>(F16(0x3c00)), 1.0);
        assert_eq!(cast::<i64, F16>(70000).0, 0x7c00, "too big: inf");
        assert_eq!(
            cast::<C128, f64>(C128::new(1.5, 2.0)),
            1.5,
            "keeps the real part"
        );
        assert_eq!(cast::<C128, C64>(C128::new(1.5, -2.0)), C64::new(1.5, -2.0));
        assert_eq!(cast::<f32, C128>(0.5), C128::new(0.5, 0.0));
        assert_eq!(
            cast::<C64, Bool8>(C64::new(0.0, 1.0)),
            Bool8(1),
            "imag counts for bool"
        );
        assert_eq!(
            cast::<C64, Bool8>(C64::new(0.0, 0.0)),
            Bool8(0),
            "control: zero"
        );
    }

    #[test]
    fn half_and_complex_order() {
        assert!(F16(0x8000) == F16(0x0000), "-0 == 0 by value, not by bits");
        assert!(F16(0x7e00) != F16(0x7e00), "NaN is not equal to itself");
        assert!(F16(0x3c00) < F16(0x4000), "1 < 2");
        let nan = f64::NAN;
        assert!(
            C128::new(1.0, 5.0) < C128::new(2.0, 0.0),
            "real parts decide"
        );
        assert!(
            C128::new(1.0, 0.0) < C128::new(1.0, 1.0),
            "then imaginary parts"
        );
        assert!(
            C128::new(1.0, nan)
                .partial_cmp(&C128::new(2.0, 0.0))
                .is_none(),
            "a NaN imaginary part makes them unordered (numpy's CLT)"
        );
    }

    #[test]
    fn swapping_bytes_is_an_involution() {
        assert_eq!(0x0102i16.swap_bytes(), 0x0201);
        assert_eq!(Elem::swap_bytes(1.0f64).to_bits(), 0x0000_0000_0000_f03f);
        let z = C64::new(1.0, 2.0);
        assert_eq!(Elem::swap_bytes(Elem::swap_bytes(z)), z);
        assert_eq!(
            Elem::swap_bytes(z).re.to_bits(),
            1.0f32.to_bits().swap_bytes()
        );
    }
}
