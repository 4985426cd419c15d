//! Python's int: exact at any size (i64 fast path, BigInt beyond), with CPython's floor
//! division, modulo, shifts and messages — and a refusal for results that would take hours.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::{PyError, PyResult};

/// Results above this many bits are refused (CPython would compute `10**10**10` for hours).
pub const MAX_BITS: u64 = 4_000_000;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    /// Boxed: an int object stays small (most ints are small).
    Big(Box<BigInt>),
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Int {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            _ => self.to_big().cmp(&other.to_big()),
        }
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl Int {
    pub fn from_big(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(Box::new(b)),
        }
    }
    pub fn from_i128(v: i128) -> Int {
        match i64::try_from(v) {
            Ok(v) => Int::Small(v),
            Err(_) => Int::Big(Box::new(BigInt::from(v))),
        }
    }
    pub fn from_u64(v: u64) -> Int {
        Int::from_i128(v as i128)
    }
    pub fn to_big(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => (**b).clone(),
        }
    }
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(b) => b.to_i64(),
        }
    }
    pub fn to_i128(&self) -> Option<i128> {
        match self {
            Int::Small(v) => Some(*v as i128),
            Int::Big(b) => b.to_i128(),
        }
    }
    /// Clamped to i128 (for slice bounds and index arithmetic, where only the sign matters
    /// beyond that range).
    pub fn to_i128_saturating(&self) -> i128 {
        self.to_i128().unwrap_or(if self.is_negative() {
            i128::MIN / 2
        } else {
            i128::MAX / 2
        })
    }
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0)) || matches!(self, Int::Big(b) if b.is_zero())
    }
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }
    pub fn bits(&self) -> u64 {
        match self {
            Int::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
            Int::Big(b) => b.bits(),
        }
    }
    /// Number of 30-bit digits CPython uses (for `getsizeof`): 0 has none.
    pub fn digits30(&self) -> u64 {
        self.bits().div_ceil(30)
    }

    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            Int::Small(v) => Ok(*v as f64),
            Int::Big(b) => {
                let f = b.to_f64().unwrap_or(f64::INFINITY);
                if f.is_finite() {
                    Ok(f)
                } else {
                    Err(PyError::int_too_large_to_convert_to_float())
                }
            }
        }
    }

    /// How this int orders against a float, exactly as CPython's `float_richcompare` does
    /// (no rounding of either side, so `10**400 == 1.0` is false and `2**53 + 1 > 2.0**53`);
    /// `None` against NaN.
    pub fn cmp_f64(&self, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        if let Int::Small(v) = self
            && v.unsigned_abs() <= 1 << 53
        {
            return (*v as f64).partial_cmp(&f);
        }
        let floor = f.floor();
        // an integral float converts to an int exactly
        let whole: BigInt = num_traits::FromPrimitive::from_f64(floor)?;
        Some(match self.to_big().cmp(&whole) {
            Ordering::Equal if floor != f => Ordering::Less,
            o => o,
        })
    }

    /// `str(n)`, refused past `sys.get_int_max_str_digits()` digits (the sign not counted);
    /// a value clearly too long is refused before converting, as CPython does.
    pub fn to_string_checked(&self) -> PyResult<String> {
        match self {
            Int::Small(v) => Ok(v.to_string()),
            Int::Big(b) => {
                if let Some(limit) = crate::syntax::int_max_str_digits() {
                    // a value of n bits has between (n-1)·log10(2)+1 and n·log10(2)+1 digits
                    let bits = b.bits() as f64;
                    let fewest = ((bits - 1.0) * std::f64::consts::LOG10_2).floor() as usize + 1;
                    let most = (bits * std::f64::consts::LOG10_2).floor() as usize + 1;
                    if fewest > limit {
                        return Err(PyError::int_too_long_to_str(limit));
                    }
                    if most > limit {
                        let s = b.magnitude().to_string();
                        if s.len() > limit {
                            return Err(PyError::int_too_long_to_str(limit));
                        }
                    }
                }
                Ok(b.to_string())
            }
        }
    }

    fn check_size(bits: u64) -> PyResult<()> {
        if bits > MAX_BITS {
            return Err(PyError::int_result_too_large(bits, MAX_BITS));
        }
        Ok(())
    }

    pub fn add(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_add(*b)
        {
            return Int::Small(r);
        }
        Int::from_big(self.to_big() + o.to_big())
    }
    pub fn sub(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_sub(*b)
        {
            return Int::Small(r);
        }
        Int::from_big(self.to_big() - o.to_big())
    }
    pub fn mul(&self, o: &Int) -> PyResult<Int> {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_mul(*b)
        {
            return Ok(Int::Small(r));
        }
        Int::check_size(self.bits() + o.bits())?;
        Ok(Int::from_big(self.to_big() * o.to_big()))
    }
    pub fn neg(&self) -> Int {
        match self {
            Int::Small(v) => v
                .checked_neg()
                .map_or_else(|| Int::from_big(-BigInt::from(*v)), Int::Small),
            Int::Big(b) => Int::from_big(-(**b).clone()),
        }
    }
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// Python's `//` and `%` together (floor semantics).
    pub fn divmod(&self, o: &Int) -> PyResult<(Int, Int)> {
        if o.is_zero() {
            return Err(PyError::integer_division_by_zero());
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && !(*a == i64::MIN && *b == -1)
        {
            let (mut q, mut r) = (a / b, a % b);
            if r != 0 && ((r < 0) != (*b < 0)) {
                q -= 1;
                r += b;
            }
            return Ok((Int::Small(q), Int::Small(r)));
        }
        let (a, b) = (self.to_big(), o.to_big());
        let (mut q, mut r) = (&a / &b, &a % &b);
        if !r.is_zero() && (r.is_negative() != b.is_negative()) {
            q -= 1;
            r += &b;
        }
        Ok((Int::from_big(q), Int::from_big(r)))
    }
    pub fn floordiv(&self, o: &Int) -> PyResult<Int> {
        self.divmod(o).map(|(q, _)| q)
    }
    pub fn rem(&self, o: &Int) -> PyResult<Int> {
        if o.is_zero() {
            return Err(PyError::integer_modulo_by_zero());
        }
        self.divmod(o).map(|(_, r)| r)
    }

    /// True division, correctly rounded for operands exact in f64.
    pub fn truediv(&self, o: &Int) -> PyResult<f64> {
        if o.is_zero() {
            return Err(PyError::division_by_zero());
        }
        let (a, b) = (self.to_f64(), o.to_f64());
        match (a, b) {
            (Ok(a), Ok(b)) => Ok(a / b),
            _ => {
                // huge operands: scale both down by a common power of two first
                let shift = self.bits().max(o.bits()).saturating_sub(1000);
                let a = Int::from_big(self.to_big() >> shift).to_f64()?;
                let b = Int::from_big(o.to_big() >> shift).to_f64()?;
                let q = a / b;
                if q.is_finite() {
                    Ok(q)
                } else {
                    Err(PyError::overflow(
                        "integer division result too large for a float",
                    ))
                }
            }
        }
    }

    /// `self ** exp` for a non-negative exponent (negative exponents are float power).
    pub fn pow(&self, exp: &Int) -> PyResult<Int> {
        let e = match exp.to_i64() {
            Some(e) if e >= 0 => e as u64,
            _ => {
                // only 0, 1 and -1 survive a huge exponent
                return match self.to_i64() {
                    Some(0) | Some(1) => Ok(self.clone()),
                    Some(-1) => Ok(if exp.to_big().bit(0) {
                        self.clone()
                    } else {
                        Int::Small(1)
                    }),
                    _ => Err(PyError::int_result_too_large(u64::MAX, MAX_BITS)),
                };
            }
        };
        if let Int::Small(b) = self {
            if let Some(r) = b
                .checked_pow(e.min(u32::MAX as u64) as u32)
                .filter(|_| e <= u32::MAX as u64)
            {
                return Ok(Int::Small(r));
            }
            if matches!(b, 0 | 1) {
                return Ok(self.clone());
            }
            if *b == -1 {
                return Ok(Int::Small(if e % 2 == 0 { 1 } else { -1 }));
            }
        }
        let bits = (self.bits().saturating_sub(1)).max(1).saturating_mul(e);
        Int::check_size(bits)?;
        Ok(Int::from_big(num_traits::pow::Pow::pow(self.to_big(), e)))
    }

    pub fn shl(&self, n: &Int) -> PyResult<Int> {
        if n.is_negative() {
            return Err(PyError::value("negative shift count"));
        }
        if self.is_zero() {
            return Ok(Int::Small(0));
        }
        let n = n.to_i64().unwrap_or(i64::MAX) as u64;
        Int::check_size(self.bits().saturating_add(n))?;
        Ok(Int::from_big(self.to_big() << n))
    }
    pub fn shr(&self, n: &Int) -> PyResult<Int> {
        if n.is_negative() {
            return Err(PyError::value("negative shift count"));
        }
        let n = n.to_i64().unwrap_or(i64::MAX) as u64;
        if n >= self.bits() {
            return Ok(Int::Small(if self.is_negative() { -1 } else { 0 }));
        }
        Ok(Int::from_big(self.to_big() >> n))
    }
    pub fn bitand(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a & b),
            _ => Int::from_big(self.to_big() & o.to_big()),
        }
    }
    pub fn bitor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a | b),
            _ => Int::from_big(self.to_big() | o.to_big()),
        }
    }
    pub fn bitxor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a ^ b),
            _ => Int::from_big(self.to_big() ^ o.to_big()),
        }
    }
    pub fn invert(&self) -> Int {
        self.neg().sub(&Int::Small(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: i64) -> Int {
        Int::Small(v)
    }

    #[test]
    fn ints_order_against_floats_exactly() {
        let big = |e: u32| Int::from_big(BigInt::from(10).pow(e));
        let two53 = Int::from_big(BigInt::from(1u64 << 53) + 1);
        let cases: [(Int, f64, Option<Ordering>); 10] = [
            (i(1), 1.0, Some(Ordering::Equal)),
            (i(1), 1.5, Some(Ordering::Less)),
            (i(-2), -1.5, Some(Ordering::Less)),
            (i(-1), -1.5, Some(Ordering::Greater)),
            (big(400), 1.0, Some(Ordering::Greater)),
            (big(400), f64::INFINITY, Some(Ordering::Less)),
            (big(400).neg(), f64::NEG_INFINITY, Some(Ordering::Greater)),
            (big(22), 1e22, Some(Ordering::Equal)),
            (two53, 9007199254740992.0, Some(Ordering::Greater)),
            (i(3), f64::NAN, None),
        ];
        for (n, f, want) in cases {
            assert_eq!(n.cmp_f64(f), want, "{n:?} vs {f}");
        }
    }

    #[test]
    fn floor_semantics_match_cpython() {
        // (a, b, a // b, a % b)
        for (a, b, q, r) in [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
        ] {
            assert_eq!(i(a).divmod(&i(b)).unwrap(), (i(q), i(r)), "{a} divmod {b}");
        }
        assert_eq!(
            i(1).floordiv(&i(0)).unwrap_err().to_string(),
            "ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(
            i(1).rem(&i(0)).unwrap_err().to_string(),
            "ZeroDivisionError: integer modulo by zero"
        );
        assert_eq!(
            i(i64::MIN).floordiv(&i(-1)).unwrap(),
            Int::from_big(BigInt::from(i64::MAX) + 1)
        );
    }

    #[test]
    fn big_results_are_exact_and_bounded() {
        assert_eq!(
            i(2).pow(&i(64)).unwrap().to_string_checked().unwrap(),
            "18446744073709551616"
        );
        assert_eq!(
            i(2).pow(&i(30)).unwrap().digits30(),
            2,
            "2**30 needs two 30-bit digits"
        );
        assert!(
            i(10)
                .pow(&Int::from_big(BigInt::from(10u64.pow(10))))
                .is_err(),
            "10**10**10 is refused"
        );
        assert!(
            i(1).pow(&Int::from_big(BigInt::from(10u64.pow(10))))
                .is_ok(),
            "control: 1**huge is 1"
        );
        assert!(
            i(10).pow(&i(5000)).unwrap().to_string_checked().is_err(),
            "more than 4300 digits"
        );
        assert_eq!(
            i(i64::MAX).add(&i(1)).to_string_checked().unwrap(),
            "9223372036854775808"
        );
    }

    #[test]
    fn shifts_and_bits() {
        assert_eq!(i(1).shl(&i(70)).unwrap().bits(), 71);
        assert_eq!(i(-5).shr(&i(100)).unwrap(), i(-1));
        assert_eq!(
            i(5).shl(&i(-1)).unwrap_err().to_string(),
            "ValueError: negative shift count"
        );
        assert_eq!(i(5).invert(), i(-6));
    }
}
