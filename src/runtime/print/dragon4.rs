//! numpy's Dragon4 (`dragon4.c`): the shortest-unique or exact decimal digits of a
//! float16/32/64, with numpy's cutoffs and rounding.

use super::bigint::BigUint;
use crate::runtime::scalar::f64_to_f16;

/// The IEEE format a value is printed at; the value itself travels widened in an f64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FloatWidth {
    Half,
    Single,
    Double,
}

impl FloatWidth {
    /// `np.finfo(dtype).precision`.
    pub(super) fn decimal_precision(self) -> i32 {
        match self {
            FloatWidth::Half => 3,
            FloatWidth::Single => 6,
            FloatWidth::Double => 15,
        }
    }

    /// Rounds an f64 to this width, as numpy does when a Python float meets a float16/32 scalar.
    pub(super) fn round(self, x: f64) -> f64 {
        match self {
            FloatWidth::Half => crate::runtime::scalar::f16_to_f64(f64_to_f16(x)),
            FloatWidth::Single => x as f32 as f64,
            FloatWidth::Double => x,
        }
    }
}

/// `sizeof(Dragon4_Scratch.repr)`: numpy's output buffer, which also caps the digit count.
pub(super) const BUFFER_SIZE: i32 = 16384;

/// A finite value as `mantissa * 2**exponent`, split the way numpy's `Dragon4_PrintFloat_*` do.
pub(super) struct Parts {
    mantissa: u64,
    exponent: i32,
    mantissa_bit: u32,
    unequal_margins: bool,
}

/// The sign bit, and the value's parts or (for inf and nan) whether it is a nan.
pub(super) fn decode(x: f64, width: FloatWidth) -> (bool, Result<Parts, bool>) {
    let (bits, frac_bits, exp_bits, bias) = match width {
        FloatWidth::Half => (f64_to_f16(x) as u64, 10, 5, 15),
        FloatWidth::Single => ((x as f32).to_bits() as u64, 23, 8, 127),
        FloatWidth::Double => (x.to_bits(), 52, 11, 1023),
    };
    let negative = (bits >> (frac_bits + exp_bits)) & 1 == 1;
    let float_exp = ((bits >> frac_bits) & ((1 << exp_bits) - 1)) as i32;
    let float_mant = bits & ((1 << frac_bits) - 1);
    if float_exp == (1 << exp_bits) - 1 {
        return (negative, Err(float_mant != 0));
    }
    let parts = if float_exp != 0 {
        Parts {
            mantissa: (1 << frac_bits) | float_mant,
            exponent: float_exp - bias - frac_bits as i32,
            mantissa_bit: frac_bits,
            unequal_margins: float_exp != 1 && float_mant == 0,
        }
    } else {
        Parts {
            mantissa: float_mant,
            exponent: 1 - bias - frac_bits as i32,
            mantissa_bit: 63u32.saturating_sub(float_mant.leading_zeros()),
            unequal_margins: false,
        }
    };
    (negative, Ok(parts))
}

/// numpy's `Dragon4()`: the digits of `parts` and the decimal exponent of the first one.
/// `cutoff_max` / `cutoff_min` are digit counts (`-1`: none), measured after the decimal point
/// when `fractional`, else as significant digits.
pub(super) fn digits(
    p: &Parts,
    unique: bool,
    fractional: bool,
    cutoff_max: i32,
    cutoff_min: i32,
    buffer: i32,
) -> (Vec<u8>, i32) {
    if p.mantissa == 0 {
        return (vec![b'0'], 0);
    }
    let is_even = p.mantissa & 1 == 0;
    let mut value = BigUint::from_u64(p.mantissa);
    let (mut scale, mut margin_low);
    // Values are scaled by 2 (by 4 with unequal margins) so the half-ulp margins are integers.
    let extra = if p.unequal_margins { 2 } else { 1 };
    if p.exponent > 0 {
        value.shl(p.exponent as u32 + extra);
        scale = BigUint::from_u64(1 << extra);
        margin_low = BigUint::pow2(p.exponent as u32);
    } else {
        value.shl(extra);
        scale = BigUint::pow2((-p.exponent) as u32 + extra);
        margin_low = BigUint::from_u64(1);
    }
    let high_of = |low: &BigUint| {
        let mut h = low.clone();
        if p.unequal_margins {
            h.shl(1);
        }
        h
    };

    // An estimate of floor(log10(v)) + 1 that is right or one too small (Burger and Dybvig).
    let log2_v = (p.mantissa_bit as i32 + p.exponent) as f64;
    let mut digit_exp = (log2_v * std::f64::consts::LOG10_2 - 0.69).ceil() as i32;
    if cutoff_max >= 0 && fractional && digit_exp <= -cutoff_max {
        digit_exp = -cutoff_max + 1;
    }
    if digit_exp > 0 {
        scale.mul_pow10(digit_exp as u32);
    } else if digit_exp < 0 {
        let pow10 = BigUint::pow10((-digit_exp) as u32);
        value = value.mul(&pow10);
        margin_low = margin_low.mul(&pow10);
    }
    if value >= scale {
        digit_exp += 1;
    } else {
        value.mul_small(10);
        margin_low.mul_small(10);
    }

    let mut cutoff_max_exp = digit_exp - buffer;
    if cutoff_max >= 0 {
        let desired = if fractional {
            -cutoff_max
        } else {
            digit_exp.saturating_sub(cutoff_max)
        };
        cutoff_max_exp = cutoff_max_exp.max(desired);
    }
    let mut cutoff_min_exp = digit_exp;
    if cutoff_min >= 0 {
        let desired = if fractional {
            -cutoff_min
        } else {
            digit_exp.saturating_sub(cutoff_min)
        };
        cutoff_min_exp = cutoff_min_exp.min(desired);
    }
    let mut out_exp = digit_exp - 1;

    let mut out = Vec::new();
    let (mut low, mut high) = (false, false);
    let mut digit;
    loop {
        digit_exp -= 1;
        digit = value.div_rem_digit(&scale);
        if unique {
            let cmp_low = value.cmp(&margin_low);
            let cmp_high = value.add(&high_of(&margin_low)).cmp(&scale);
            low = if is_even {
                cmp_low.is_le()
            } else {
                cmp_low.is_lt()
            };
            high = if is_even {
                cmp_high.is_ge()
            } else {
                cmp_high.is_gt()
            };
            if ((low || high) && digit_exp <= cutoff_min_exp) || digit_exp == cutoff_max_exp {
                break;
            }
        } else if value.is_zero() || digit_exp == cutoff_max_exp {
            break;
        }
        out.push(b'0' + digit as u8);
        value.mul_small(10);
        if unique {
            margin_low.mul_small(10);
        }
    }

    // Round the final digit: towards the side the margins allow, else to nearest, ties to even.
    let mut round_down = low;
    if low == high {
        value.shl(1);
        round_down = match value.cmp(&scale) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Equal => digit & 1 == 0,
            std::cmp::Ordering::Greater => false,
        };
    }
    if round_down {
        out.push(b'0' + digit as u8);
    } else if digit < 9 {
        out.push(b'0' + digit as u8 + 1);
    } else {
        // carry: drop trailing nines, bump the first other digit, or start again at "1"
        while out.last() == Some(&b'9') {
            out.pop();
        }
        match out.last_mut() {
            Some(d) => *d += 1,
            None => {
                out.push(b'1');
                out_exp += 1;
            }
        }
    }
    (out, out_exp)
}
