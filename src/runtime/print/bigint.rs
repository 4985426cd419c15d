//! Unsigned big integers with just the operations Dragon4 needs (shifts, products, powers of
//! ten, comparison, and a quotient-at-most-9 division).

use std::cmp::Ordering;

/// An unsigned integer as little-endian 32-bit limbs. Invariant: no trailing zero limb, so zero
/// is the empty vector and `cmp` can compare lengths first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct BigUint {
    limbs: Vec<u32>,
}

impl BigUint {
    pub(super) fn from_u64(v: u64) -> BigUint {
        let mut b = BigUint {
            limbs: vec![v as u32, (v >> 32) as u32],
        };
        b.normalize();
        b
    }

    pub(super) fn pow2(n: u32) -> BigUint {
        let mut b = BigUint::from_u64(1);
        b.shl(n);
        b
    }

    pub(super) fn pow10(n: u32) -> BigUint {
        let mut b = BigUint::from_u64(1);
        b.mul_pow10(n);
        b
    }

    fn normalize(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    pub(super) fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    pub(super) fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.limbs {
            let p = *limb as u64 * m as u64 + carry;
            *limb = p as u32;
            carry = p >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
        self.normalize();
    }

    pub(super) fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_small(1_000_000_000);
            n -= 9;
        }
        if n > 0 {
            self.mul_small(10u32.pow(n));
        }
    }

    pub(super) fn mul(&self, other: &BigUint) -> BigUint {
        let mut out = vec![0u32; self.limbs.len() + other.limbs.len()];
        for (i, &a) in self.limbs.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.limbs.iter().enumerate() {
                let t = out[i + j] as u64 + a as u64 * b as u64 + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + other.limbs.len()] = carry as u32;
        }
        let mut b = BigUint { limbs: out };
        b.normalize();
        b
    }

    pub(super) fn shl(&mut self, bits: u32) {
        let (whole, part) = ((bits / 32) as usize, bits % 32);
        if part != 0 {
            let mut carry = 0u32;
            for limb in &mut self.limbs {
                let next = *limb >> (32 - part);
                *limb = (*limb << part) | carry;
                carry = next;
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        if !self.is_zero() {
            self.limbs.splice(0..0, std::iter::repeat_n(0, whole));
        }
    }

    pub(super) fn add(&self, other: &BigUint) -> BigUint {
        let (long, short) = if self.limbs.len() >= other.limbs.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = Vec::with_capacity(long.limbs.len() + 1);
        let mut carry = 0u64;
        for (i, &a) in long.limbs.iter().enumerate() {
            let t = a as u64 + short.limbs.get(i).copied().unwrap_or(0) as u64 + carry;
            out.push(t as u32);
            carry = t >> 32;
        }
        if carry != 0 {
            out.push(carry as u32);
        }
        BigUint { limbs: out }
    }

    /// `self -= other`; the caller guarantees `self >= other`.
    fn sub_assign(&mut self, other: &BigUint) {
        debug_assert!(*self >= *other);
        let mut borrow = 0i64;
        for (i, limb) in self.limbs.iter_mut().enumerate() {
            let t = *limb as i64 - other.limbs.get(i).copied().unwrap_or(0) as i64 - borrow;
            borrow = (t < 0) as i64;
            *limb = t.rem_euclid(1 << 32) as u32;
        }
        self.normalize();
    }

    /// Replaces `self` by `self mod divisor` and returns the quotient, which Dragon4's scaling
    /// keeps at most 9 (numpy's `BigInt_DivideWithRemainder_MaxQuotient9`).
    pub(super) fn div_rem_digit(&mut self, divisor: &BigUint) -> u32 {
        let mut q = 0;
        while *self >= *divisor {
            self.sub_assign(divisor);
            q += 1;
        }
        debug_assert!(q <= 9, "Dragon4 scaling keeps each digit below 10");
        q
    }
}

impl Ord for BigUint {
    fn cmp(&self, other: &BigUint) -> Ordering {
        self.limbs
            .len()
            .cmp(&other.limbs.len())
            .then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }
}

impl PartialOrd for BigUint {
    fn partial_cmp(&self, other: &BigUint) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_agrees_with_u128() {
        let a = BigUint::from_u64(0xdead_beef_1234_5678);
        let b = BigUint::from_u64(0x0fff_ffff_ffff);
        let as_u128 = |x: &BigUint| {
            x.limbs
                .iter()
                .rev()
                .fold(0u128, |acc, &l| (acc << 32) | l as u128)
        };
        assert_eq!(
            as_u128(&a.mul(&b)),
            0xdead_beef_1234_5678u128 * 0x0fff_ffff_ffff
        );
        assert_eq!(
            as_u128(&a.add(&b)),
            0xdead_beef_1234_5678u128 + 0x0fff_ffff_ffff
        );
        let mut s = a.clone();
        s.shl(37);
        assert_eq!(as_u128(&s), 0xdead_beef_1234_5678u128 << 37);
        assert_eq!(as_u128(&BigUint::pow10(30)), 10u128.pow(30));
        let mut r = BigUint::from_u64(97);
        assert_eq!(r.div_rem_digit(&BigUint::from_u64(11)), 8);
        assert_eq!(r, BigUint::from_u64(9));
        assert!(BigUint::from_u64(0).is_zero() && !BigUint::from_u64(1).is_zero());
    }
}
