//! Bounded integers as NumPy draws them: the masked rejection method (`RandomState.randint`,
//! shuffles) and Lemire's multiply-shift method (`Generator.integers`, Floyd's sampling), with
//! 8- and 16-bit draws cut from a buffered 32-bit word, exactly as NumPy's C code does — the
//! order in which bits are consumed is part of the stream.

use super::BitGen;
use crate::error::{PyError, PyResult};
use crate::runtime::dtype::{DType, Kind};

/// Smallest all-ones mask covering `max` (NumPy's `gen_mask`).
#[inline]
fn gen_mask(max: u64) -> u64 {
    if max == 0 {
        0
    } else {
        u64::MAX >> max.leading_zeros()
    }
}

/// A value in `[0, max]` by masked rejection (NumPy's `random_interval`, used by every
/// shuffle): 32-bit draws while `max` fits in 32 bits.
pub fn random_interval<B: BitGen>(bg: &mut B, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = gen_mask(max);
    if max <= 0xffff_ffff {
        loop {
            let v = bg.next_u32() as u64 & mask;
            if v <= max {
                return v;
            }
        }
    }
    loop {
        let v = bg.next_u64() & mask;
        if v <= max {
            return v;
        }
    }
}

/// The 8/16-bit draws: one 32-bit word is shared by 4 (or 2) draws, low bits first.
struct Buffered {
    buf: u32,
    left: u32,
}

impl Buffered {
    fn new() -> Buffered {
        Buffered { buf: 0, left: 0 }
    }
    #[inline]
    fn next<B: BitGen>(&mut self, bg: &mut B, bits: u32) -> u32 {
        if self.left == 0 {
            self.buf = bg.next_u32();
            self.left = 32 / bits - 1;
        } else {
            self.buf >>= bits;
            self.left -= 1;
        }
        self.buf & (u32::MAX >> (32 - bits))
    }
}

#[inline]
fn lemire32<B: BitGen>(bg: &mut B, rng: u32) -> u32 {
    let excl = rng + 1;
    let mut m = bg.next_u32() as u64 * excl as u64;
    let mut left = m as u32;
    if left < excl {
        let threshold = (u32::MAX - rng) % excl;
        while left < threshold {
            m = bg.next_u32() as u64 * excl as u64;
            left = m as u32;
        }
    }
    (m >> 32) as u32
}

#[inline]
fn lemire64<B: BitGen>(bg: &mut B, rng: u64) -> u64 {
    let excl = rng + 1;
    let mut m = bg.next_u64() as u128 * excl as u128;
    let mut left = m as u64;
    if left < excl {
        let threshold = (u64::MAX - rng) % excl;
        while left < threshold {
            m = bg.next_u64() as u128 * excl as u128;
            left = m as u64;
        }
    }
    (m >> 64) as u64
}

/// Lemire's method on a buffered 8- or 16-bit draw (`bits` is 8 or 16; `rng < 2**bits - 1`).
#[inline]
fn lemire_small<B: BitGen>(bg: &mut B, buf: &mut Buffered, rng: u32, bits: u32) -> u32 {
    let full = u32::MAX >> (32 - bits);
    let excl = rng + 1;
    let mut m = buf.next(bg, bits) * excl;
    let mut left = m & full;
    if left < excl {
        let threshold = (full - rng) % excl;
        while left < threshold {
            m = buf.next(bg, bits) * excl;
            left = m & full;
        }
    }
    m >> bits
}

/// One value in `[off, off + rng]` (NumPy's `random_bounded_uint64`, as `Generator.choice`'s
/// Floyd sampler and its tail shuffle call it: Lemire's method, unbuffered 32-bit draws).
pub fn bounded_u64<B: BitGen>(bg: &mut B, off: u64, rng: u64) -> u64 {
    if rng == 0 {
        off
    } else if rng < 0xffff_ffff {
        off.wrapping_add(lemire32(bg, rng as u32) as u64)
    } else if rng == 0xffff_ffff {
        off.wrapping_add(bg.next_u32() as u64)
    } else if rng == u64::MAX {
        off.wrapping_add(bg.next_u64())
    } else {
        off.wrapping_add(lemire64(bg, rng))
    }
}

/// `random_bounded_uint64_fill`: 64-bit outputs; ranges that fit in 32 bits use 32-bit draws.
pub fn bounded_u64_fill<B: BitGen>(bg: &mut B, off: u64, rng: u64, masked: bool, out: &mut [u64]) {
    if rng == 0 {
        out.fill(off);
    } else if rng <= 0xffff_ffff {
        // ranges that fit in 32 bits take 32-bit draws, widened
        if rng == 0xffff_ffff {
            out.iter_mut()
                .for_each(|o| *o = off.wrapping_add(bg.next_u32() as u64));
            return;
        }
        let mask = gen_mask(rng) as u32;
        for o in out.iter_mut() {
            let v = if masked {
                masked32(bg, rng as u32, mask)
            } else {
                lemire32(bg, rng as u32)
            };
            *o = off.wrapping_add(v as u64);
        }
    } else if rng == u64::MAX {
        out.iter_mut()
            .for_each(|o| *o = off.wrapping_add(bg.next_u64()));
    } else {
        let mask = gen_mask(rng);
        for o in out.iter_mut() {
            let v = if masked {
                loop {
                    let v = bg.next_u64() & mask;
                    if v <= rng {
                        break v;
                    }
                }
            } else {
                lemire64(bg, rng)
            };
            *o = off.wrapping_add(v);
        }
    }
}

#[inline]
fn masked32<B: BitGen>(bg: &mut B, rng: u32, mask: u32) -> u32 {
    loop {
        let v = bg.next_u32() & mask;
        if v <= rng {
            return v;
        }
    }
}

/// `random_bounded_uint32_fill`.
fn bounded_u32_fill<B: BitGen>(bg: &mut B, off: u32, rng: u32, masked: bool, out: &mut [u32]) {
    if rng == 0 {
        out.fill(off);
    } else if rng == u32::MAX {
        out.iter_mut()
            .for_each(|o| *o = off.wrapping_add(bg.next_u32()));
    } else {
        let mask = gen_mask(rng as u64) as u32;
        for o in out.iter_mut() {
            let v = if masked {
                masked32(bg, rng, mask)
            } else {
                lemire32(bg, rng)
            };
            *o = off.wrapping_add(v);
        }
    }
}

/// `random_bounded_uint16_fill` / `random_bounded_uint8_fill` (`bits` 16 or 8), results as u32.
fn bounded_small_fill<B: BitGen>(
    bg: &mut B,
    off: u32,
    rng: u32,
    masked: bool,
    bits: u32,
    mut put: impl FnMut(usize, u32),
    n: usize,
) {
    let full = u32::MAX >> (32 - bits);
    let mut buf = Buffered::new();
    if rng == 0 {
        (0..n).for_each(|i| put(i, off));
    } else if rng == full {
        (0..n).for_each(|i| put(i, off.wrapping_add(buf.next(bg, bits)) & full));
    } else {
        let mask = gen_mask(rng as u64) as u32;
        for i in 0..n {
            let v = if masked {
                loop {
                    let v = buf.next(bg, bits) & mask;
                    if v <= rng {
                        break v;
                    }
                }
            } else {
                lemire_small(bg, &mut buf, rng, bits)
            };
            put(i, off.wrapping_add(v) & full);
        }
    }
}

/// `random_bounded_bool_fill`: one bit per draw from a buffered word, low bit first.
fn bounded_bool_fill<B: BitGen>(bg: &mut B, off: u8, rng: u8, out: &mut [u8]) {
    let mut buf = Buffered::new();
    for o in out.iter_mut() {
        *o = if rng == 0 { off } else { buf.next(bg, 1) as u8 };
    }
}

/// Whether `randint`/`integers` can draw this dtype (native integers and bool).
pub fn is_int_dtype(dtype: DType) -> bool {
    (dtype.is_integer() || dtype.kind == Kind::Bool) && dtype.is_native()
}

/// The validated closed interval `[low, high]` of a draw: the offset and the range as the
/// unsigned type of the dtype's width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoundedInts {
    pub off: u64,
    pub rng: u64,
}

impl BoundedInts {
    /// NumPy's checks for scalar bounds, in its order (`_bounded_integers.pyx`): `high` made
    /// closed first, then low below the dtype, high above it, then an empty interval.
    pub fn new(dtype: DType, low: i128, high: i128, closed: bool) -> PyResult<BoundedInts> {
        let name = dtype.name();
        let (lb, ub) = dtype.int_range();
        let high = if closed { high } else { high - 1 };
        if low < lb {
            return Err(PyError::random_bound_out_of_range("low", &name));
        }
        if high > ub {
            return Err(PyError::random_bound_out_of_range("high", &name));
        }
        if low > high {
            return Err(PyError::random_empty_interval(closed, low == 0));
        }
        let bits = dtype.itemsize as u32 * 8;
        let width = if bits == 64 {
            u64::MAX
        } else {
            (1u64 << bits) - 1
        };
        Ok(BoundedInts {
            off: (low as u64) & width,
            rng: ((high - low) as u64) & width,
        })
    }
}

/// Fills `out` (the native-order bytes of a fresh array of `dtype`) with draws in the
/// interval; `masked` picks `RandomState`'s method, otherwise Lemire's (`Generator`).
pub fn randint<B: BitGen>(bg: &mut B, dtype: DType, b: BoundedInts, masked: bool, out: &mut [u8]) {
    let (off, rng) = (b.off, b.rng);
    match (dtype.kind, dtype.itemsize) {
        (Kind::Bool, _) => bounded_bool_fill(bg, off as u8, rng as u8, out),
        (_, 1) => {
            let n = out.len();
            bounded_small_fill(
                bg,
                off as u32,
                rng as u32,
                masked,
                8,
                |i, v| out[i] = v as u8,
                n,
            )
        }
        (_, 2) => {
            let n = out.len() / 2;
            bounded_small_fill(
                bg,
                off as u32,
                rng as u32,
                masked,
                16,
                |i, v| out[2 * i..2 * i + 2].copy_from_slice(&(v as u16).to_ne_bytes()),
                n,
            )
        }
        (_, 4) => match bytemuck::try_cast_slice_mut::<u8, u32>(out) {
            Ok(v) => bounded_u32_fill(bg, off as u32, rng as u32, masked, v),
            Err(_) => {
                let mut v = vec![0u32; out.len() / 4];
                bounded_u32_fill(bg, off as u32, rng as u32, masked, &mut v);
                out.copy_from_slice(bytemuck::cast_slice(&v));
            }
        },
        _ => match bytemuck::try_cast_slice_mut::<u8, u64>(out) {
            Ok(v) => bounded_u64_fill(bg, off, rng, masked, v),
            Err(_) => {
                let mut v = vec![0u64; out.len() / 8];
                bounded_u64_fill(bg, off, rng, masked, &mut v);
                out.copy_from_slice(bytemuck::cast_slice(&v));
            }
        },
    }
}
