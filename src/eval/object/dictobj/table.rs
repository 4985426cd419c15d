//! CPython 3.11's dict table: the keys-table size model (`DictKeys`, for `sys.getsizeof`) and the hash index over the items (`DictIndex`).

use crate::eval::object::value::*;

/// `PyDict_LOG_MINSIZE`: the smallest table has 8 slots.
pub(super) const LOG_MINSIZE: u8 = 3;
/// `_PyDict_NewPresized` never presizes past 2**17 slots.
pub(super) const LOG_MAX_PRESIZE: u8 = 17;

/// `USABLE_FRACTION(n)`: a table of `n` slots holds `2n/3` entries.
pub(super) fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// `calculate_log2_keysize(minsize)`: CPython 3.11's bit trick, `(minsize | 8) - 1` then
/// rounded up to a power of two (so a request for 3 slots gets 16).
fn calculate_log2_keysize(minsize: usize) -> u8 {
    let m = ((minsize | 8) - 1) | 7;
    (usize::BITS - m.leading_zeros()) as u8
}

/// `estimate_log2_keysize(n)`: a table that holds `n` entries.
pub(super) fn estimate_log2_keysize(n: usize) -> u8 {
    calculate_log2_keysize((n * 3).div_ceil(2))
}

/// The keys table of one dict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DictKeys {
    /// `Py_EMPTY_KEYS`: the shared, static table of empty dicts (not counted by getsizeof).
    pub shared_empty: bool,
    pub log2_size: u8,
    /// Entries that can still be appended before a resize (`dk_usable`).
    pub usable: isize,
    /// Entries used so far, deleted ones included (`dk_nentries`).
    pub nentries: usize,
    /// `DICT_KEYS_UNICODE`: every key is an exact `str`.
    pub unicode: bool,
}

impl DictKeys {
    pub const EMPTY: DictKeys = DictKeys {
        shared_empty: true,
        log2_size: LOG_MINSIZE,
        usable: 0,
        nentries: 0,
        unicode: true,
    };

    /// `new_keys_object(log2_size, unicode)` holding `used` entries already.
    pub(super) fn new(log2_size: u8, unicode: bool, used: usize) -> DictKeys {
        DictKeys {
            shared_empty: false,
            log2_size,
            usable: usable_fraction(1 << log2_size) as isize - used as isize,
            nentries: used,
            unicode,
        }
    }

    /// `_PyDict_KeysSize`: header, index array (1, 2, 4 or 8 bytes per slot), entries.
    fn size_bytes(&self) -> usize {
        let slots = 1usize << self.log2_size;
        let index_bytes = match self.log2_size {
            0..=7 => 1,
            8..=15 => 2,
            16..=31 => 4,
            _ => 8,
        };
        let entry = if self.unicode { 16 } else { 24 };
        32 + slots * index_bytes + usable_fraction(slots) * entry
    }
}

/// The hash index over a dict's items: `hashes[i]` is the hash of the key of `items[i]`, and
/// `slots` is an open-addressing table (linear probes, at most half full) of item positions
/// plus one (0: empty). Order lives in `items`, as in CPython's compact dict; this table only
/// finds keys, so its layout is free (the `getsizeof` model is `DictKeys`).
#[derive(Clone, Default)]
pub struct DictIndex {
    hashes: Vec<i64>,
    slots: Vec<u32>,
    /// log2 of `slots.len()`.
    bits: u32,
}

impl DictIndex {
    /// Where `hash`'s probe sequence starts (Fibonacci hashing: consecutive ints spread out).
    fn home(&self, hash: i64) -> usize {
        ((hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The position stored at probe step `step` from `hash`'s home, or `None` at an empty
    /// slot (the end of the sequence).
    pub(super) fn probe(&self, hash: i64, step: usize) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let s = self.slots[(self.home(hash) + step) & self.mask()];
        (s != 0).then(|| s as usize - 1)
    }

    pub(super) fn hash_at(&self, pos: usize) -> i64 {
        self.hashes[pos]
    }

    /// Rebuilds the table for the hashes there are (at most half full).
    fn rebuild(&mut self) {
        let n = self.hashes.len();
        let mut bits = 3;
        while (1usize << bits) < n * 2 + 2 {
            bits += 1;
        }
        self.bits = bits;
        self.slots = vec![0; 1 << bits];
        for pos in 0..n {
            self.place(pos);
        }
    }

    fn place(&mut self, pos: usize) {
        let mask = self.mask();
        let mut i = self.home(self.hashes[pos]);
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = pos as u32 + 1;
    }

    /// A new item at the end.
    pub(super) fn push(&mut self, hash: i64) {
        self.hashes.push(hash);
        if self.hashes.len() * 2 + 2 > self.slots.len() {
            self.rebuild();
        } else {
            self.place(self.hashes.len() - 1);
        }
    }

    /// Item `pos` is gone: later items move down one place (as `Vec::remove` moves them).
    pub(super) fn remove(&mut self, pos: usize) {
        let mask = self.mask();
        let mut i = self.home(self.hashes[pos]);
        while self.slots[i] as usize != pos + 1 {
            i = (i + 1) & mask;
        }
        // backward-shift deletion: pull later members of the run into the hole
        let mut hole = i;
        let mut j = (i + 1) & mask;
        while self.slots[j] != 0 {
            let home = self.home(self.hashes[self.slots[j] as usize - 1]);
            // the entry at j may move to the hole when its home is not in (hole, j]
            let dist_home = j.wrapping_sub(home) & mask;
            let dist_hole = j.wrapping_sub(hole) & mask;
            if dist_home >= dist_hole {
                self.slots[hole] = self.slots[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        self.slots[hole] = 0;
        self.hashes.remove(pos);
        if pos < self.hashes.len() {
            for s in self.slots.iter_mut() {
                if *s as usize > pos + 1 {
                    *s -= 1;
                }
            }
        }
    }

    pub(super) fn clear(&mut self) {
        *self = DictIndex::default();
    }

    /// A new item at the front (later items move up one place).
    pub(super) fn insert_front(&mut self, hash: i64) {
        self.hashes.insert(0, hash);
        self.rebuild();
    }
}

/// `sys.getsizeof(d)`: the dict object with its GC header (64), plus its keys table unless
/// that is the shared empty one.
pub fn dict_sizeof(d: &PyDict) -> usize {
    let k = d.keys.get();
    if k.shared_empty {
        64
    } else {
        64 + k.size_bytes()
    }
}

pub(super) fn is_exact_str(v: &Value) -> bool {
    matches!(v, Value::Str(_))
}

/// `insertion_resize`/`dictresize`: a new table for `used * 3`, general unless both the old
/// table and the caller allow `str`-only entries.
pub(super) fn insertion_resize(d: &PyDict, unicode: bool) {
    let used = d.items.borrow().len();
    d.holes.borrow_mut().clear();
    let old = d.keys.get();
    let unicode = unicode && old.unicode;
    d.keys.set(DictKeys::new(
        calculate_log2_keysize(used * 3),
        unicode,
        used,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_table_sizes_follow_cpython_3_11() {
        // getsizeof of dicts grown by insertion: int keys, then str keys
        let cases = [
            (DictKeys::new(3, false, 1), 224, "1-5 int keys"),
            (DictKeys::new(4, false, 6), 352, "6-10 int keys"),
            (DictKeys::new(5, false, 11), 632, "11-21 int keys"),
            (DictKeys::new(7, false, 43), 2264, "43-85 int keys"),
            (DictKeys::new(8, false, 86), 4688, "2-byte indices"),
            (DictKeys::new(3, true, 1), 184, "1-5 str keys"),
            (DictKeys::new(4, true, 6), 272, "6-10 str keys"),
        ];
        for (k, size, why) in cases {
            assert_eq!(64 + k.size_bytes(), size, "{why}");
        }
    }

    /// Every item's position is found from its hash, after pushes and removals anywhere.
    #[test]
    fn index_finds_every_item_after_removals() {
        fn find(ix: &DictIndex, hash: i64, pos: usize) -> bool {
            (0..)
                .map_while(|step| ix.probe(hash, step))
                .any(|p| p == pos)
        }
        // hashes with collisions (equal hashes, and ones landing on the same home slot)
        let hashes: Vec<i64> = (0..200)
            .map(|i| [i, i % 7, -i, i << 40][i as usize % 4])
            .collect();
        let removals = [0usize, 150, 5, 5, 120, 0];
        let mut ix = DictIndex::default();
        let mut live = hashes.clone();
        for &h in &hashes {
            ix.push(h);
        }
        for &r in &removals {
            ix.remove(r);
            live.remove(r);
            for (pos, &h) in live.iter().enumerate() {
                assert!(
                    find(&ix, h, pos),
                    "item {pos} (hash {h}) after removing {r}"
                );
            }
        }
    }

    #[test]
    fn growth_rate_bit_trick() {
        // (used * 3) -> log2 slots, as calculate_log2_keysize computes it
        let cases = [
            (0, 3),
            (3, 4),
            (12, 4),
            (15, 4),
            (16, 5),
            (30, 5),
            (63, 6),
            (255, 8),
        ];
        for (minsize, log2) in cases {
            assert_eq!(calculate_log2_keysize(minsize), log2, "minsize {minsize}");
        }
        assert_eq!(estimate_log2_keysize(6), 4, "a display of 6 items");
    }
}
