//! PCG64 (XSL-RR 128/64), the bit generator behind `np.random.default_rng`, seeded from a
//! `SeedSequence` as NumPy does; 32-bit draws use both halves of a 64-bit output.

use super::BitGen;
use super::seedseq::SeedSequence;

const MULTIPLIER: u128 = (2_549_297_995_355_413_924u128 << 64) | 4_865_540_595_714_422_341;

#[derive(Clone)]
pub struct Pcg64 {
    state: u128,
    inc: u128,
    /// NumPy keeps the upper half of a 64-bit output for the next 32-bit draw.
    spare_u32: Option<u32>,
}

impl Pcg64 {
    /// `pcg64_set_seed`: the generator's `srandom` with a 128-bit state and stream.
    pub fn new(initstate: u128, initseq: u128) -> Pcg64 {
        let mut p = Pcg64 {
            state: 0,
            inc: (initseq << 1) | 1,
            spare_u32: None,
        };
        p.step();
        p.state = p.state.wrapping_add(initstate);
        p.step();
        p
    }

    /// `PCG64(seed)`: four 64-bit words from the seed sequence, state first, then stream.
    pub fn from_seed_sequence(seq: &SeedSequence) -> Pcg64 {
        let w = seq.generate_state_u64(4);
        Pcg64::new(
            ((w[0] as u128) << 64) | w[1] as u128,
            ((w[2] as u128) << 64) | w[3] as u128,
        )
    }

    #[inline(always)]
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(self.inc);
    }
}

impl BitGen for Pcg64 {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        self.step();
        let hi = (self.state >> 64) as u64;
        let lo = self.state as u64;
        (hi ^ lo).rotate_right((self.state >> 122) as u32)
    }

    #[inline]
    fn next_u32(&mut self) -> u32 {
        if let Some(v) = self.spare_u32.take() {
            return v;
        }
        let next = self.next_u64();
        self.spare_u32 = Some((next >> 32) as u32);
        next as u32
    }

    #[inline]
    fn next_double(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
}
