//! LSD radix sorts over order-keeping integer keys (`order::NpOrd::key`): the values of any
//! plain number array sort in linear time, and a stable index sort is the same passes over
//! (key, index) pairs. Passes whose byte is the same in every key are skipped.

/// Per-byte histograms of all keys, one pass over the data.
fn histograms(keys: impl Iterator<Item = u64>, nbytes: usize) -> Vec<[usize; 256]> {
    let mut h = vec![[0usize; 256]; nbytes];
    for k in keys {
        for (b, hb) in h.iter_mut().enumerate() {
            hb[((k >> (8 * b)) & 0xff) as usize] += 1;
        }
    }
    h
}

/// The bytes that differ between keys, with each one's starting offsets per digit.
fn passes(h: &[[usize; 256]], n: usize) -> Vec<(usize, [usize; 256])> {
    h.iter()
        .enumerate()
        .filter(|(_, hb)| !hb.contains(&n))
        .map(|(b, hb)| {
            let mut off = [0usize; 256];
            let mut acc = 0;
            for d in 0..256 {
                off[d] = acc;
                acc += hb[d];
            }
            (b, off)
        })
        .collect()
}

/// Sorts `keys` (each below `2**(8*nbytes)`) ascending.
pub fn sort_keys(keys: &mut Vec<u64>, nbytes: usize) {
    let n = keys.len();
    if n < 64 {
        keys.sort_unstable();
        return;
    }
    let h = histograms(keys.iter().copied(), nbytes);
    let mut src = std::mem::take(keys);
    let mut dst = vec![0u64; n];
    for (b, mut off) in passes(&h, n) {
        let shift = 8 * b;
        for &k in &src {
            let d = ((k >> shift) & 0xff) as usize;
            dst[off[d]] = k;
            off[d] += 1;
        }
        std::mem::swap(&mut src, &mut dst);
    }
    *keys = src;
}

/// The stable order of `keys`: indices of equal keys stay in increasing order.
pub fn argsort_keys(keys: &[u64], nbytes: usize) -> Vec<usize> {
    let n = keys.len();
    if n < 64 {
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by_key(|&i| keys[i]);
        return idx;
    }
    let h = histograms(keys.iter().copied(), nbytes);
    let mut src: Vec<(u64, usize)> = keys.iter().copied().zip(0..n).collect();
    let mut dst = vec![(0u64, 0usize); n];
    for (b, mut off) in passes(&h, n) {
        let shift = 8 * b;
        for &p in &src {
            let d = ((p.0 >> shift) & 0xff) as usize;
            dst[off[d]] = p;
            off[d] += 1;
        }
        std::mem::swap(&mut src, &mut dst);
    }
    src.into_iter().map(|p| p.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_matches_a_comparison_sort() {
        // a cheap deterministic stream: values, duplicates and bytes that never vary
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut keys: Vec<u64> = (0..5000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % 1000) << 16 | 0xab
            })
            .collect();
        let mut want = keys.clone();
        want.sort();
        let order = argsort_keys(&keys, 8);
        let mut stable: Vec<usize> = (0..keys.len()).collect();
        stable.sort_by_key(|&i| keys[i]);
        assert_eq!(order, stable, "equal keys keep their index order");
        sort_keys(&mut keys, 8);
        assert_eq!(keys, want);
    }
}
