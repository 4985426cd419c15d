//! `hash()` as CPython 3.11 computes it, so sets lay out their tables (and so iterate) in
//! CPython's order: ints modulo 2**61 - 1, floats by `_Py_HashDouble`, tuples by the xxHash
//! mix, objects by their address. Equal numbers hash equal across int, float, bool and NumPy
//! scalars. `str` and `bytes` use a fixed FNV hash: CPython randomises those per process, so
//! no transcript can depend on their order anyway.

use num_bigint::Sign;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::runtime::Scalar;

/// `_PyHASH_BITS` and `_PyHASH_MODULUS` (2**61 - 1) on 64-bit builds.
const HASH_BITS: u32 = 61;
const MODULUS: u64 = (1 << HASH_BITS) - 1;
const HASH_INF: i64 = 314_159;
const HASH_IMAG: i64 = 1_000_003;

fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `long_hash`.
pub fn int_hash(v: &Int) -> i64 {
    let (neg, mag) = match v {
        Int::Small(x) => (*x < 0, (x.unsigned_abs() % MODULUS) as i64),
        Int::Big(b) => {
            let (sign, digits) = b.to_u64_digits();
            // fold 64-bit limbs: 2**64 = 2**3 (mod 2**61 - 1)
            let mut acc: u128 = 0;
            for d in digits.iter().rev() {
                acc = ((acc << 64) + *d as u128) % MODULUS as u128;
            }
            (sign == Sign::Minus, acc as i64)
        }
    };
    fix(if neg { -mag } else { mag })
}

/// `_Py_HashDouble` (NaN hashes by identity: `addr`).
pub fn float_hash(v: f64, addr: u64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return pointer_hash(addr);
    }
    let (mut m, mut e) = crate::runtime::kernels::frexp_parts(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (HASH_BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS as i32
    } else {
        HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32)
    } as u32;
    x = ((x << e) & MODULUS) | x >> (HASH_BITS - e);
    fix((x as i64).wrapping_mul(sign))
}

/// `_Py_HashPointer`: the address rotated right by 4 bits.
pub fn pointer_hash(addr: u64) -> i64 {
    fix(addr.rotate_right(4) as i64)
}

/// FNV-1a, standing in for CPython's randomised SipHash of str and bytes.
fn bytes_hash(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for x in b {
        h ^= *x as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    fix(h as i64)
}

/// The xxHash-based `tuplehash` of CPython 3.8+.
fn tuple_hash(lanes: &[i64]) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let mut acc = P5;
    for &lane in lanes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(lanes.len() as u64 ^ (P5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

impl Interp {
    /// `hash(v)`, or CPython's TypeError for unhashable values.
    pub fn py_hash(&mut self, v: &Value) -> PyResult<i64> {
        if crate::eval::object::dunder::is_user(v) {
            return self.user_hash(v);
        }
        Ok(match v {
            Value::Int(i) => int_hash(&i.v),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => float_hash(f.v, self.id_of(v)),
            Value::Complex(c) => {
                let addr = self.id_of(v);
                fix(float_hash(c.re, addr)
                    .wrapping_add(HASH_IMAG.wrapping_mul(float_hash(c.im, addr))))
            }
            Value::Str(s) => bytes_hash(s.v.as_bytes()),
            Value::Bytes(b) => bytes_hash(&b.v),
            Value::Tuple(t) => self.tuple_hash_deep(t)?,
            Value::Scalar(s) => match &s.v {
                Scalar::Bool(b) => *b as i64,
                Scalar::Int(i) => int_hash(&Int::Small(*i)),
                Scalar::UInt(u) => int_hash(&Int::from_u64(*u)),
                Scalar::Float(f) => float_hash(*f, self.id_of(v)),
                Scalar::Complex(re, im) => {
                    let addr = self.id_of(v);
                    fix(float_hash(*re, addr)
                        .wrapping_add(HASH_IMAG.wrapping_mul(float_hash(*im, addr))))
                }
                Scalar::Bytes(b) | Scalar::Void(b) => bytes_hash(b),
                Scalar::Str(t) => bytes_hash(t.as_bytes()),
            },
            Value::List(_) | Value::Dict(_) | Value::Array(_) => {
                return Err(PyError::type_error(format!(
                    "unhashable type: '{}'",
                    v.type_name()
                )));
            }
            Value::Set(s) if !s.frozen => {
                return Err(PyError::type_error("unhashable type: 'set'"));
            }
            // keys and items views compare as sets, so they have no hash (values views do)
            Value::Record(r)
                if matches!(
                    crate::eval::object::dictobj::dict_view(v),
                    Some((_, DictPart::Keys | DictPart::Items))
                ) =>
            {
                return Err(PyError::type_error(format!(
                    "unhashable type: '{}'",
                    r.type_name
                )));
            }
            Value::Native(n) if n.slots.hash.is_some() => {
                let f = n.slots.hash.expect("the match guard saw Some");
                f(self, v)?
            }
            _ => pointer_hash(self.id_of(v)),
        })
    }
}

impl Interp {
    /// `tuplehash` of a tuple whose items may be tuples, nested to any depth. CPython recurses
    /// in C without a recursion check (a 10**5-deep tuple hashes fine there); this walks an
    /// explicit stack instead, so no depth can overflow ours.
    fn tuple_hash_deep(&mut self, t: &std::rc::Rc<PyTuple>) -> PyResult<i64> {
        // each frame: a tuple, the next item to hash, the lanes hashed so far
        let mut stack: Vec<(std::rc::Rc<PyTuple>, usize, Vec<i64>)> =
            vec![(t.clone(), 0, Vec::with_capacity(t.items.len()))];
        loop {
            let Some(top) = stack.last_mut() else {
                return Err(PyError::internal("tuple hash stack"));
            };
            let (tuple, next, lanes) = top;
            if *next == tuple.items.len() {
                let h = tuple_hash(lanes);
                stack.pop();
                match stack.last_mut() {
                    Some((_, _, parent)) => parent.push(h),
                    None => return Ok(h),
                }
                continue;
            }
            let item = tuple.items[*next].clone();
            *next += 1;
            match &item {
                Value::Tuple(inner) => {
                    let frame = (inner.clone(), 0, Vec::with_capacity(inner.items.len()));
                    stack.push(frame);
                }
                other => {
                    let h = self.py_hash(other)?;
                    if let Some((_, _, lanes)) = stack.last_mut() {
                        lanes.push(h);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython_3_11() {
        // values printed by CPython 3.11.7 on x86-64
        let cases: [(i64, i64, &str); 6] = [
            (int_hash(&Int::Small(5)), 5, "small int"),
            (int_hash(&Int::Small(-1)), -2, "-1 is reserved"),
            (
                int_hash(&Int::Small(1 << 61)),
                1,
                "2**61 wraps modulo 2**61 - 1",
            ),
            (float_hash(1.5, 0), 1_152_921_504_606_846_977, "hash(1.5)"),
            (float_hash(2.0, 0), 2, "integral floats hash as ints"),
            (
                tuple_hash(&[1, 2]),
                -3_550_055_125_485_641_917,
                "hash((1, 2))",
            ),
        ];
        for (got, want, why) in cases {
            assert_eq!(got, want, "{why}");
        }
        assert_eq!(
            float_hash(-0.5, 0),
            -1_152_921_504_606_846_976,
            "negative float"
        );
    }
}
