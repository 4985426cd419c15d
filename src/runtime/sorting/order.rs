//! NumPy's sort order per element type (`npysort_common.h`): NaNs after every number, complex
//! numbers by real part then imaginary part with NumPy's NaN placement, and the order-keeping
//! maps to unsigned integers that let radix sorts do the work for plain numbers.

use crate::runtime::kernels::elem::{Bool8, C64, C128, Elem, F16};

/// An element type sortable the NumPy way.
pub trait NpOrd: Elem {
    /// NumPy's `Tag::less`.
    fn np_lt(a: Self, b: Self) -> bool;
    /// An unsigned key in the same order, when one exists (`KEY_BYTES` > 0): equal keys for
    /// values NumPy calls equal, except `-0.0 < 0.0` and NaNs collapsed to one key.
    const KEY_BYTES: usize;
    fn key(self) -> u64;
    /// The value of a key (`key`'s inverse; a NaN key gives the default NaN).
    fn from_key(k: u64) -> Self;
}

macro_rules! int_ord {
    ($t:ty, $bytes:expr, $signed:expr) => {
        impl NpOrd for $t {
            #[inline(always)]
            fn np_lt(a: Self, b: Self) -> bool {
                a < b
            }
            const KEY_BYTES: usize = $bytes;
            #[inline(always)]
            fn key(self) -> u64 {
                let bits = $bytes * 8;
                let u = self as u64 & (u64::MAX >> (64 - bits));
                if $signed { u ^ (1u64 << (bits - 1)) } else { u }
            }
            #[inline(always)]
            fn from_key(k: u64) -> Self {
                let bits = $bytes * 8;
                let u = if $signed { k ^ (1u64 << (bits - 1)) } else { k };
                u as $t
            }
        }
    };
}
int_ord!(i8, 1, true);
int_ord!(i16, 2, true);
int_ord!(i32, 4, true);
int_ord!(i64, 8, true);
int_ord!(u8, 1, false);
int_ord!(u16, 2, false);
int_ord!(u32, 4, false);
int_ord!(u64, 8, false);

impl NpOrd for Bool8 {
    #[inline(always)]
    fn np_lt(a: Self, b: Self) -> bool {
        a.0 == 0 && b.0 != 0
    }
    const KEY_BYTES: usize = 1;
    #[inline(always)]
    fn key(self) -> u64 {
        (self.0 != 0) as u64
    }
    fn from_key(k: u64) -> Self {
        Bool8(k as u8)
    }
}

/// IEEE bits to an order-keeping key: negative numbers flipped, NaNs (any sign) last.
macro_rules! float_ord {
    ($t:ty, $bytes:expr) => {
        impl NpOrd for $t {
            #[inline(always)]
            fn np_lt(a: Self, b: Self) -> bool {
                a < b || (b != b && a == a)
            }
            const KEY_BYTES: usize = $bytes;
            #[inline(always)]
            fn key(self) -> u64 {
                let bits = $bytes * 8;
                let top = 1u64 << (bits - 1);
                let all = u64::MAX >> (64 - bits);
                if self.is_nan() {
                    return all;
                }
                let b = self.to_bits() as u64;
                if b & top != 0 { !b & all } else { b | top }
            }
            #[inline(always)]
            fn from_key(k: u64) -> Self {
                let bits = $bytes * 8;
                let top = 1u64 << (bits - 1);
                let all = u64::MAX >> (64 - bits);
                if k == all {
                    return <$t>::NAN;
                }
                let b = if k & top != 0 { k & !top } else { !k & all };
                <$t>::from_bits(b as _)
            }
        }
    };
}
float_ord!(f32, 4);
float_ord!(f64, 8);

impl NpOrd for F16 {
    fn np_lt(a: Self, b: Self) -> bool {
        let (x, y) = (a.to_f32(), b.to_f32());
        if y.is_nan() {
            !x.is_nan()
        } else {
            !x.is_nan() && x < y
        }
    }
    const KEY_BYTES: usize = 2;
    fn key(self) -> u64 {
        if self.to_f32().is_nan() {
            return 0xffff;
        }
        let b = self.0 as u64;
        if b & 0x8000 != 0 {
            !b & 0xffff
        } else {
            b | 0x8000
        }
    }
    fn from_key(k: u64) -> Self {
        if k == 0xffff {
            return F16(0x7e00);
        }
        F16(if k & 0x8000 != 0 {
            k & 0x7fff
        } else {
            !k & 0xffff
        } as u16)
    }
}

macro_rules! complex_ord {
    ($t:ty) => {
        impl NpOrd for $t {
            /// NumPy's `CDOUBLE_LT`: `[R + Rj, R + nanj, nan + Rj, nan + nanj]`.
            fn np_lt(a: Self, b: Self) -> bool {
                let nan = |x: f64| x.is_nan();
                let (ar, ai, br, bi) = (a.re as f64, a.im as f64, b.re as f64, b.im as f64);
                if ar < br {
                    !nan(ai) || nan(bi)
                } else if ar > br {
                    nan(bi) && !nan(ai)
                } else if ar == br || (nan(ar) && nan(br)) {
                    ai < bi || (nan(bi) && !nan(ai))
                } else {
                    nan(br)
                }
            }
            const KEY_BYTES: usize = 0;
            fn key(self) -> u64 {
                0
            }
            fn from_key(_: u64) -> Self {
                Self::default()
            }
        }
    };
}
complex_ord!(C64);
complex_ord!(C128);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_numpy_order() {
        let fs = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            3.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for w in fs.windows(2) {
            assert!(w[0].key() < w[1].key(), "{:?} before {:?}", w[0], w[1]);
        }
        assert_eq!(
            (-f64::NAN).key(),
            f64::NAN.key(),
            "every NaN sorts last, together"
        );
        let is = [i16::MIN, -1, 0, 1, i16::MAX];
        for w in is.windows(2) {
            assert!(w[0].key() < w[1].key());
        }
        assert!(
            f32::np_lt(1.0, f32::NAN) && !f32::np_lt(f32::NAN, 1.0),
            "NaN last"
        );
        assert!(
            !f64::np_lt(-0.0, 0.0),
            "control: NumPy's less calls the zeros equal"
        );
    }

    #[test]
    fn complex_order_places_nans_as_numpy() {
        // NumPy's documented order: [R + Rj, R + nanj, nan + Rj, nan + nanj]
        let n = f64::NAN;
        let seq = [
            C128::new(1.0, 2.0),
            C128::new(2.0, 0.0),
            C128::new(1.0, n),
            C128::new(3.0, n),
            C128::new(n, 1.0),
            C128::new(n, n),
        ];
        for i in 0..seq.len() {
            for j in 0..seq.len() {
                assert_eq!(C128::np_lt(seq[i], seq[j]), i < j, "{i} < {j}");
            }
        }
    }
}
