//! A fast, non-cryptographic hasher for the evaluator's own maps (names, constants, the intern
//! table): keys come from the user's program, not from an adversary, and SipHash showed up as a
//! tenth of the time of a million-item comprehension.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The Firefox/rustc hash: one multiply-rotate per word.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    /// The multiply leaves the low bits (which pick hashbrown's bucket) depending only on the
    /// low bytes of each word: `_i1`..`_i99999` all fell into 32 buckets, and the
    /// 100,000-cell script spent a sixth of its time comparing names. A final xor-shift-multiply
    /// mixes the high bits down.
    #[inline]
    fn finish(&self) -> u64 {
        let h = (self.hash ^ (self.hash >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ (h >> 32)
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with `FxHasher`.
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_different_keys_mostly_differ() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for i in 0..1000 {
            m.insert(format!("name{i}"), i);
        }
        assert_eq!(m.len(), 1000, "no key lost");
        assert_eq!(m.get("name517"), Some(&517));
        assert_eq!(m.get("name1000"), None, "control: an absent key");
    }

    /// Names that differ only in their last characters (the shell's `_i1`, `_i2`, ...) must
    /// spread over the low bits, which pick the bucket.
    #[test]
    fn names_differing_at_the_end_spread_over_the_low_bits() {
        use std::hash::BuildHasher;
        let build = FxBuild::default();
        for (prefix, n) in [("_i", 4096usize), ("_", 4096), ("x", 4096), ("name_", 4096)] {
            let low: std::collections::HashSet<u64> = (0..n)
                .map(|i| build.hash_one(format!("{prefix}{i}")) & 0xfff)
                .collect();
            // random hashes would fill ~63% of 4096 buckets; before the final mix: 32
            assert!(
                low.len() > n / 2,
                "{prefix}N: {} distinct low-12-bit buckets of {n}",
                low.len()
            );
        }
    }
}
