//! Typed elements: the Rust types behind fast dtypes, NumPy's casts between them, and the
//! dispatch macro that picks the type for a dtype (everything else takes the byte-wise path).

use bytemuck::{Pod, Zeroable};

use crate::runtime::dtype::DType;
use crate::runtime::scalar::{Scalar, float_to_i64};

/// NumPy's bool: one byte, 0 or 1 (a newtype so it is `Pod` and distinct from `u8`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Pod, Zeroable)]
#[repr(transparent)]
pub struct Bool8(pub u8);

/// How a type's values widen for casting.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Bool,
    Signed,
    Unsigned,
    Float,
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

    fn from_scalar(s: &Scalar) -> Self {
        match s {
            Scalar::Bool(b) => Self::from_u64(*b as u64),
            Scalar::Int(v) => Self::from_i64(*v),
            Scalar::UInt(v) => Self::from_u64(*v),
            Scalar::Float(f) | Scalar::Complex(f, _) => Self::from_f64(*f),
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
                // C's double -> integer conversion on x86-64 (see scalar::float_to_i64)
                float_to_i64(v) as $t
            }
            fn to_scalar(self) -> Scalar {
                Scalar::$scalar(self as $wide)
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
    ($t:ty, $dt:expr) => {
        impl Elem for $t {
            const DTYPE: DType = $dt;
            const FAMILY: Family = Family::Float;
            #[inline(always)]
            fn to_i64(self) -> i64 {
                float_to_i64(self as f64)
            }
            #[inline(always)]
            fn to_u64(self) -> u64 {
                float_to_i64(self as f64) as u64
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
        }
    };
}

float_elem!(f32, DType::FLOAT32);
float_elem!(f64, DType::FLOAT64);

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
    fn to_scalar(self) -> Scalar {
        Scalar::Bool(self.0 != 0)
    }
}

/// Runs `$body` with `$T` bound to the fast element type of `$dt`, or `$other` when the dtype
/// has none (float16, complex, byte-swapped, bytes, str).
macro_rules! dispatch {
    ($dt:expr, $T:ident => $body:expr, _ => $other:expr) => {{
        use $crate::runtime::dtype::Kind;
        let dt: $crate::runtime::dtype::DType = $dt;
        match (dt.kind, dt.itemsize, dt.big_endian) {
            (Kind::Bool, 1, _) => {
                type $T = $crate::runtime::kernels::elem::Bool8;
                $body
            }
            (Kind::Int, 1, _) => {
                type $T = i8;
                $body
            }
            (Kind::Int, 2, false) => {
                type $T = i16;
                $body
            }
            (Kind::Int, 4, false) => {
                type $T = i32;
                $body
            }
            (Kind::Int, 8, false) => {
                type $T = i64;
                $body
            }
            (Kind::UInt, 1, _) => {
                type $T = u8;
                $body
            }
            (Kind::UInt, 2, false) => {
                type $T = u16;
                $body
            }
            (Kind::UInt, 4, false) => {
                type $T = u32;
                $body
            }
            (Kind::UInt, 8, false) => {
                type $T = u64;
                $body
            }
            (Kind::Float, 4, false) => {
                type $T = f32;
                $body
            }
            (Kind::Float, 8, false) => {
                type $T = f64;
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
        assert_eq!(cast::<i64, u8>(300), 44u8, "wraps");
        assert_eq!(cast::<f64, i64>(-2.7), -2, "truncates toward zero");
        assert_eq!(
            cast::<f64, i64>(f64::NAN),
            i64::MIN,
            "x86 integer indefinite"
        );
        assert_eq!(
            cast::<f64, u64>(-1.0),
            u64::MAX,
            "negative float to uint wraps through int64"
        );
        assert_eq!(cast::<i8, f32>(-5), -5.0f32);
        assert_eq!(cast::<f64, Bool8>(0.5), Bool8(1));
        assert_eq!(cast::<Bool8, i32>(Bool8(1)), 1);
        assert_eq!(cast::<u64, i64>(u64::MAX), -1);
    }
}
