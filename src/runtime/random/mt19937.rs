//! The Mersenne Twister MT19937 as NumPy's `RandomState` drives it: Knuth's seeding for an
//! integer seed (`mt19937_seed`), `init_by_array` for a sequence, and randomkit's doubles.

use super::BitGen;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// 624 words of state and the position of the next word to temper.
#[derive(Clone)]
pub struct Mt19937 {
    key: Box<[u32; N]>,
    pos: usize,
}

impl Mt19937 {
    /// `np.random.seed(n)` for an integer `n` (NumPy's legacy seeding: the reference
    /// implementation's `init_genrand`, with the state regenerated before the first draw).
    pub fn from_u32(seed: u32) -> Mt19937 {
        let mut key = Box::new([0u32; N]);
        let mut s = seed;
        for (pos, k) in key.iter_mut().enumerate() {
            *k = s;
            s = 1_812_433_253u32
                .wrapping_mul(s ^ (s >> 30))
                .wrapping_add(pos as u32 + 1);
        }
        Mt19937 { key, pos: N }
    }

    /// `np.random.seed([a, b, ...])`: the reference `init_by_array` (words already checked to
    /// be in `[0, 2**32)` by the caller, as NumPy does).
    pub fn from_words(init_key: &[u32]) -> Mt19937 {
        let mut mt = Mt19937::from_u32(19_650_218);
        let key = &mut mt.key;
        let (mut i, mut j) = (1usize, 0usize);
        let len = init_key.len().max(1);
        for _ in 0..N.max(init_key.len()) {
            let prev = key[i - 1];
            let w = init_key.get(j).copied().unwrap_or(0);
            key[i] = (key[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(w)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                key[0] = key[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = key[i - 1];
            key[i] =
                (key[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                key[0] = key[N - 1];
                i = 1;
            }
        }
        key[0] = 0x8000_0000; // a non-zero initial state is guaranteed by the top bit
        mt.pos = N;
        mt
    }

    /// Seeding from fresh entropy (`np.random.seed()`, a new `RandomState()`): NumPy fills the
    /// state from a `SeedSequence` and forces the top bit of the first word.
    pub fn from_state_words(words: &[u32]) -> Mt19937 {
        let mut key = Box::new([0u32; N]);
        for (k, &w) in key.iter_mut().zip(words).skip(1) {
            *k = w;
        }
        key[0] = 0x8000_0000;
        Mt19937 { key, pos: N }
    }

    fn regenerate(&mut self) {
        let k = &mut self.key;
        let twist = |a: u32, b: u32, c: u32| {
            let y = (a & UPPER_MASK) | (b & LOWER_MASK);
            c ^ (y >> 1) ^ (0u32.wrapping_sub(y & 1) & MATRIX_A)
        };
        for i in 0..N - M {
            k[i] = twist(k[i], k[i + 1], k[i + M]);
        }
        for i in N - M..N - 1 {
            k[i] = twist(k[i], k[i + 1], k[i + M - N]);
        }
        k[N - 1] = twist(k[N - 1], k[0], k[M - 1]);
        self.pos = 0;
    }
}

impl BitGen for Mt19937 {
    #[inline]
    fn next_u32(&mut self) -> u32 {
        if self.pos == N {
            self.regenerate();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Two words, the first drawn is the high half (as GCC evaluates NumPy's
    /// `(uint64_t)next(s) << 32 | next(s)`; the transcripts pin it).
    #[inline]
    fn next_u64(&mut self) -> u64 {
        let hi = self.next_u32() as u64;
        (hi << 32) | self.next_u32() as u64
    }

    /// randomkit's double: 27 + 26 bits of two words.
    #[inline]
    fn next_double(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }
}
