//! NumPy's floating-point error flags as data: what a kernel raised (divide by zero, overflow,
//! underflow, invalid value) and which of them anyone is watching.
//!
//! NumPy clears the FPU status before a ufunc loop and reads it afterwards
//! (`npy_clear_floatstatus` / `npy_get_floatstatus`); its integer loops set the same flags by
//! hand. arrsh's kernels do not read the FPU: they look at each result block after computing it
//! (a non-finite or, when underflow is watched, a tiny value sends the block through
//! `classify`, which recomputes the flags from the operands), so the common all-finite block
//! costs one vectorised scan. The evaluator turns the flags into warnings or errors (`np.seterr`).

/// A set of floating-point error flags, with NumPy's bit values (`seterrcall`'s `flag`
/// argument is `divide + 2*over + 4*under + 8*invalid`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FpFlags(pub u8);

impl FpFlags {
    pub const NONE: FpFlags = FpFlags(0);
    pub const DIVIDE: FpFlags = FpFlags(1);
    pub const OVERFLOW: FpFlags = FpFlags(2);
    pub const UNDERFLOW: FpFlags = FpFlags(4);
    pub const INVALID: FpFlags = FpFlags(8);
    pub const ALL: FpFlags = FpFlags(15);
    /// Not a floating-point flag: a cast dropped imaginary parts (NumPy's `ComplexWarning`,
    /// which no error state silences), carried to the evaluator the same way.
    pub const COMPLEX_CAST: FpFlags = FpFlags(16);
    /// The four flags in the order NumPy handles them (`PyUFunc_handlefperr`), with the words
    /// of its messages.
    pub const ORDER: [(FpFlags, &'static str); 4] = [
        (FpFlags::DIVIDE, "divide by zero"),
        (FpFlags::OVERFLOW, "overflow"),
        (FpFlags::UNDERFLOW, "underflow"),
        (FpFlags::INVALID, "invalid value"),
    ];

    #[inline(always)]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    pub fn contains(self, o: FpFlags) -> bool {
        self.0 & o.0 == o.0 && o.0 != 0
    }
    #[inline(always)]
    pub fn union(self, o: FpFlags) -> FpFlags {
        FpFlags(self.0 | o.0)
    }
    #[inline(always)]
    pub fn intersect(self, o: FpFlags) -> FpFlags {
        FpFlags(self.0 & o.0)
    }
}

/// How an operation may raise flags, for `classify`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FpRule {
    /// An infinite result from finite operands is a division by zero (a pole: `x / 0`,
    /// `log(0)`, `0 ** -1`) rather than an overflow.
    pub pole: bool,
    /// Whether a tiny result can be an underflow (multiplication, division, `exp`, narrowing
    /// casts); sums and differences of floats are exact when tiny, and rounding functions
    /// (`floor(0.5) == 0`) never underflow.
    pub can_underflow: bool,
}

/// The smallest positive normal number of a float type, by its size in bytes (a complex type's
/// parts are the float of half its size).
pub fn tiny(float_bytes: usize) -> f64 {
    match float_bytes {
        2 => 6.103515625e-05,
        4 => f32::MIN_POSITIVE as f64,
        _ => f64::MIN_POSITIVE,
    }
}

/// The flags one element raised: `inputs` are its operands and `out` its result, each as
/// (real, imaginary) parts (real numbers have a zero imaginary part), `tiny` the result type's
/// smallest normal number. NaN operands are quiet (no flag); a NaN made from non-NaN operands
/// is invalid; an infinity made from finite operands is an overflow, or a division by zero at a
/// pole; a tiny result from normal non-zero operands is an underflow (when the operation can
/// underflow; an exact subnormal result, as `1e-310 * 1`, has a subnormal operand and is not).
pub fn classify(inputs: &[(f64, f64)], out: (f64, f64), rule: FpRule, tiny: f64) -> FpFlags {
    if inputs.iter().any(|&(re, im)| re.is_nan() || im.is_nan()) {
        return FpFlags::NONE;
    }
    let finite = inputs
        .iter()
        .all(|&(re, im)| re.is_finite() && im.is_finite());
    let mut flags = FpFlags::NONE;
    for part in [out.0, out.1] {
        if part.is_nan() {
            flags = flags.union(FpFlags::INVALID);
        } else if part.is_infinite() && finite {
            flags = flags.union(if rule.pole {
                FpFlags::DIVIDE
            } else {
                FpFlags::OVERFLOW
            });
        }
    }
    if rule.can_underflow && finite {
        let normal = |x: f64| x.abs() >= f64::MIN_POSITIVE;
        let tiny_part = |x: f64| x.abs() < tiny;
        let operands_normal = inputs
            .iter()
            .all(|&(re, im)| normal(re) && (im == 0.0 || normal(im)));
        // a complex result is tiny when a part that should not be zero is
        if operands_normal && (tiny_part(out.0) && (out.1 == 0.0 || tiny_part(out.1))) {
            flags = flags.union(FpFlags::UNDERFLOW);
        }
    }
    flags
}

/// Whether C's conversion of `f` to an integer of `target` raises "invalid" on x86-64 (the
/// instruction `runtime::scalar::float_to_int` emulates): NaN, or outside the range of the
/// 32-bit instruction (targets up to 32 bits, except uint32) or of the 64-bit one (int64,
/// uint32; uint64 shifts values of 2**63 and more down first). `np.array([300.]).astype('i1')`
/// is silent; `np.array([1e10]).astype('i4')` is not.
pub fn float_to_int_is_invalid(f: f64, target: crate::runtime::DType) -> bool {
    use crate::runtime::Kind;
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    let bad64 = |x: f64| x.is_nan() || !(-TWO63..TWO63).contains(&x);
    match (target.kind, target.itemsize) {
        (Kind::Int, 8) | (Kind::UInt, 4) => bad64(f),
        (Kind::UInt, 8) => {
            if f >= TWO63 {
                bad64(f - TWO63)
            } else {
                bad64(f)
            }
        }
        (Kind::Int | Kind::UInt, _) => f.is_nan() || f <= -2_147_483_649.0 || f >= 2_147_483_648.0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::DType;

    const DIV: FpRule = FpRule {
        pole: true,
        can_underflow: true,
    };
    const ADD: FpRule = FpRule {
        pole: false,
        can_underflow: false,
    };
    const MUL: FpRule = FpRule {
        pole: false,
        can_underflow: true,
    };

    /// (why, operands, result, rule, flags).
    type Case<'a> = (&'a str, &'a [(f64, f64)], (f64, f64), FpRule, FpFlags);

    fn r(x: f64) -> (f64, f64) {
        (x, 0.0)
    }

    #[test]
    fn elements_raise_numpys_flags() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let t = f64::MIN_POSITIVE;
        let cases: &[Case<'_>] = &[
            (
                "1/0 is a pole",
                &[r(1.0), r(0.0)],
                r(inf),
                DIV,
                FpFlags::DIVIDE,
            ),
            (
                "0/0 is invalid",
                &[r(0.0), r(0.0)],
                r(nan),
                DIV,
                FpFlags::INVALID,
            ),
            (
                "1e308*10 overflows",
                &[r(1e308), r(10.0)],
                r(inf),
                MUL,
                FpFlags::OVERFLOW,
            ),
            (
                "inf*2 is quiet",
                &[r(inf), r(2.0)],
                r(inf),
                MUL,
                FpFlags::NONE,
            ),
            (
                "inf-inf is invalid",
                &[r(inf), r(inf)],
                r(nan),
                ADD,
                FpFlags::INVALID,
            ),
            (
                "nan+1 is quiet",
                &[r(nan), r(1.0)],
                r(nan),
                ADD,
                FpFlags::NONE,
            ),
            (
                "1e-300**2 underflows",
                &[r(1e-300), r(1e-300)],
                r(0.0),
                MUL,
                FpFlags::UNDERFLOW,
            ),
            (
                "0*5 does not",
                &[r(0.0), r(5.0)],
                r(0.0),
                MUL,
                FpFlags::NONE,
            ),
            (
                "1e-310*1 is exact",
                &[r(1e-310), r(1.0)],
                r(1e-310),
                MUL,
                FpFlags::NONE,
            ),
            (
                "tiny sums are exact",
                &[r(t), r(-t / 2.0)],
                r(t / 2.0),
                ADD,
                FpFlags::NONE,
            ),
            (
                "complex 1/0: inf and nan",
                &[(1.0, 0.0), (0.0, 0.0)],
                (inf, nan),
                DIV,
                FpFlags(FpFlags::DIVIDE.0 | FpFlags::INVALID.0),
            ),
        ];
        for (why, inputs, out, rule, want) in cases {
            assert_eq!(
                classify(inputs, *out, *rule, f64::MIN_POSITIVE),
                *want,
                "{why}"
            );
        }
    }

    #[test]
    fn float_to_int_invalid_follows_the_x86_instruction() {
        let cases: &[(f64, DType, bool, &str)] = &[
            (
                300.0,
                DType::INT8,
                false,
                "wraps through the 32-bit instruction",
            ),
            (1e10, DType::INT8, true, "beyond the 32-bit instruction"),
            (1e10, DType::INT32, true, "beyond int32"),
            (-1.0, DType::UINT8, false, "negative to unsigned wraps"),
            (-1.0, DType::UINT64, false, "negative to uint64 wraps"),
            (1e19, DType::UINT64, false, "within uint64"),
            (1e20, DType::UINT64, true, "beyond uint64"),
            (1e19, DType::INT64, true, "beyond int64"),
            (f64::NAN, DType::INT16, true, "nan"),
            (f64::INFINITY, DType::INT64, true, "inf"),
        ];
        for &(f, dt, want, why) in cases {
            assert_eq!(
                float_to_int_is_invalid(f, dt),
                want,
                "{f} -> {}: {why}",
                dt.name()
            );
        }
    }
}
