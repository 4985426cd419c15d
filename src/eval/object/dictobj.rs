//! Python's dict as CPython 3.11 sizes it: items in insertion order, plus a model of the keys
//! table (`PyDictKeysObject`) — its size, free entries and kind (all-`str` keys use 16-byte
//! entries, others 24) — so `sys.getsizeof` follows displays, comprehensions, `dict(...)`,
//! insertions, deletions and copies exactly. Lookup goes through a hash index over the items
//! (`DictIndex`), comparing by identity first and then `==`, as `lookdict` does.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};

/// The methods of `dict`, bound from their CPython specs (`!`: CPython shows no signature).
pub const ROWS: &[Row] = &[
    Row::method("dict.keys", "!()", view),
    Row::method("dict.values", "!()", view),
    Row::method("dict.items", "!()", view),
    Row::method("dict.get", "(key, default=None, /)", get),
    Row::method("dict.pop", "!(key, default?, /)", pop),
    Row::method("dict.popitem", "()", popitem),
    Row::method("dict.setdefault", "(key, default=None, /)", setdefault),
    Row::method("dict.update", "!(*args, **kwargs)", update),
    Row::method("dict.copy", "!()", copy),
    Row::method("dict.clear", "!()", clear),
    Row::class_method("dict.fromkeys", "(iterable, value=None, /)", fromkeys),
];

fn this_dict(a: &Bound) -> PyResult<Rc<PyDict>> {
    match &a.this {
        Value::Dict(d) => Ok(d.clone()),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "dict",
            &other.type_name(),
        )),
    }
}

/// `dict.keys()`, `values()`, `items()`: views that read the dict whenever they are used
/// (`len`, `repr`, `in`, iteration), as CPython's do.
fn view(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = this_dict(&a)?;
    let kind = match a.func {
        "keys" => "dict_keys",
        "values" => "dict_values",
        _ => "dict_items",
    };
    Ok(it.new_dict_view(kind, &d))
}

/// The dict a view shows (`d.keys()`...), and which part of it.
pub(crate) fn dict_view(v: &Value) -> Option<(Rc<PyDict>, DictPart)> {
    let Value::Record(r) = v else { return None };
    let Some(Value::Dict(d)) = r.field(VIEW_FIELD) else {
        return None;
    };
    let part = match r.type_name {
        "dict_values" => DictPart::Values,
        "dict_items" => DictPart::Items,
        _ => DictPart::Keys,
    };
    Some((d.clone(), part))
}

/// The field of a view record that holds its dict.
const VIEW_FIELD: &str = "__arrsh_dict__";

/// CPython's entries table of a dict, modelled by `holes` beside the live `items`.
impl PyDict {
    /// The entries-table position of live item `i`: `i + j`, where `j` deleted entries lie
    /// before it (the first `j` with `holes[j] - j > i`; `holes[j] - j` never decreases).
    pub(crate) fn entry_of(&self, i: usize) -> usize {
        let holes = self.holes.borrow();
        let (mut lo, mut hi) = (0, holes.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if holes[mid] - mid <= i {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        i + lo
    }

    /// The first live entry at table position `pos` or later: `(live index, position)` (the
    /// live index is `items.len()` or more past the end).
    pub(crate) fn live_at_or_after(&self, pos: usize) -> (usize, usize) {
        let holes = self.holes.borrow();
        let mut before = holes.partition_point(|&h| h < pos);
        let mut e = pos;
        while before < holes.len() && holes[before] == e {
            e += 1;
            before += 1;
        }
        (e - before, e)
    }

    /// Live item `i` is being deleted: its entry becomes a hole (until the next resize).
    fn note_deleted(&self, i: usize) {
        let e = self.entry_of(i);
        let mut holes = self.holes.borrow_mut();
        let at = holes.partition_point(|&h| h < e);
        holes.insert(at, e);
    }
}

fn get(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = this_dict(&a)?;
    let key = a.req("key")?;
    let default = a.take("default").unwrap_or(Value::None);
    Ok(it.dict_get(&d, &key)?.unwrap_or(default))
}

fn pop(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = this_dict(&a)?;
    let key = a.req("key")?;
    match it.dict_get(&d, &key)? {
        Some(_) => it.dict_delitem(&d, &key),
        None => match a.take("default") {
            Some(dv) => Ok(dv),
            None => Err(it.missing_key(&key)?),
        },
    }
}

fn popitem(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = this_dict(&a)?;
    let n = d.items.borrow().len();
    if n > 0 {
        // the entries table ends where the last live entry was (`dk_nentries = i`)
        let e = d.entry_of(n - 1);
        d.holes.borrow_mut().retain(|&h| h < e);
        let mut k = d.keys.get();
        k.nentries = e;
        d.keys.set(k);
    }
    let last = d.items.borrow_mut().pop();
    if last.is_some() {
        d.index.borrow_mut().remove(n - 1);
    }
    match last {
        Some((k, v)) => Ok(it.new_tuple(vec![k, v])),
        None => Err(PyError::key_error("'popitem(): dictionary is empty'")),
    }
}

fn setdefault(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = this_dict(&a)?;
    let key = a.req("key")?;
    let default = a.take("default").unwrap_or(Value::None);
    match it.dict_get(&d, &key)? {
        Some(v) => Ok(v),
        None => {
            it.dict_set(&d, key, default.clone())?;
            Ok(default)
        }
    }
}

fn update(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let d = this_dict(&a)?;
    let kw = std::mem::take(&mut a.kwargs);
    it.dict_fill(&d, Some("update"), &a.star, kw)?;
    Ok(Value::None)
}

fn copy(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = this_dict(&a)?;
    it.dict_copy(&d)
}

fn clear(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let d = this_dict(&a)?;
    it.dict_clear(&d);
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`, on the type or on a dict.
fn fromkeys(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let iterable = a.req("iterable")?;
    let value = a.take("value").unwrap_or(Value::None);
    it.dict_fromkeys(&iterable, value)
}

/// `PyDict_LOG_MINSIZE`: the smallest table has 8 slots.
const LOG_MINSIZE: u8 = 3;
/// `_PyDict_NewPresized` never presizes past 2**17 slots.
const LOG_MAX_PRESIZE: u8 = 17;

/// `USABLE_FRACTION(n)`: a table of `n` slots holds `2n/3` entries.
fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// `calculate_log2_keysize(minsize)`: CPython 3.11's bit trick, `(minsize | 8) - 1` then
/// rounded up to a power of two (so a request for 3 slots gets 16).
fn calculate_log2_keysize(minsize: usize) -> u8 {
    let m = ((minsize | 8) - 1) | 7;
    (usize::BITS - m.leading_zeros()) as u8
}

/// `estimate_log2_keysize(n)`: a table that holds `n` entries.
fn estimate_log2_keysize(n: usize) -> u8 {
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
    fn new(log2_size: u8, unicode: bool, used: usize) -> DictKeys {
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
    fn probe(&self, hash: i64, step: usize) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let s = self.slots[(self.home(hash) + step) & self.mask()];
        (s != 0).then(|| s as usize - 1)
    }

    fn hash_at(&self, pos: usize) -> i64 {
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
    fn push(&mut self, hash: i64) {
        self.hashes.push(hash);
        if self.hashes.len() * 2 + 2 > self.slots.len() {
            self.rebuild();
        } else {
            self.place(self.hashes.len() - 1);
        }
    }

    /// Item `pos` is gone: later items move down one place (as `Vec::remove` moves them).
    fn remove(&mut self, pos: usize) {
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

    fn clear(&mut self) {
        *self = DictIndex::default();
    }

    /// A new item at the front (later items move up one place).
    fn insert_front(&mut self, hash: i64) {
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

fn is_exact_str(v: &Value) -> bool {
    matches!(v, Value::Str(_))
}

/// `insertion_resize`/`dictresize`: a new table for `used * 3`, general unless both the old
/// table and the caller allow `str`-only entries.
fn insertion_resize(d: &PyDict, unicode: bool) {
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

/// What a dict entry costs here (a key and a value), for the budget check as a dict grows.
const DICT_ENTRY_BYTES: u128 = 32;

impl Interp {
    /// An empty dict (`{}`, `dict()`): the shared empty keys.
    pub fn new_empty_dict(&self) -> Rc<PyDict> {
        Rc::new(PyDict {
            id: self.ctx.heap.object(64),
            items: std::cell::RefCell::new(Vec::new()),
            keys: std::cell::Cell::new(DictKeys::EMPTY),
            index: std::cell::RefCell::new(DictIndex::default()),
            holes: std::cell::RefCell::new(Vec::new()),
            flavor: None,
        })
    }

    /// The position of `key` (whose hash is `hash`) in `d`'s items: among the keys of equal
    /// hash, the same object or an equal one (`lookdict`). An `__eq__` that changes the dict
    /// makes the search start again, as in CPython.
    fn dict_lookup(&mut self, d: &PyDict, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        let mut step = 0;
        loop {
            let pos = {
                let index = d.index.borrow();
                match index.probe(hash, step) {
                    None => return Ok(None),
                    Some(pos) if index.hash_at(pos) == hash => pos,
                    Some(_) => {
                        step += 1;
                        continue;
                    }
                }
            };
            step += 1;
            let Some(k) = d.items.borrow().get(pos).map(|(k, _)| k.clone()) else {
                continue;
            };
            let equal = match (&k, key) {
                (Value::Int(x), Value::Int(y)) => x.v == y.v,
                (Value::Str(x), Value::Str(y)) => x.v == y.v,
                _ => self.is_same(&k, key) || self.py_eq(&k, key)?,
            };
            if !equal {
                continue;
            }
            let unchanged = d
                .items
                .borrow()
                .get(pos)
                .is_some_and(|(now, _)| self.is_same(now, &k));
            if unchanged {
                return Ok(Some(pos));
            }
            step = 0;
        }
    }

    /// `d[key]` if it is there (refusing unhashable keys).
    pub fn dict_get(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.py_hash(key)?;
        Ok(self
            .dict_lookup(d, key, hash)?
            .and_then(|p| d.items.borrow().get(p).map(|(_, v)| v.clone())))
    }

    /// `d[key] = v` (`insertdict`, with the keys-table bookkeeping).
    pub fn dict_set(&mut self, d: &PyDict, key: Value, v: Value) -> PyResult<()> {
        let hash = self.py_hash(&key)?;
        let keys = d.keys.get();
        if keys.shared_empty {
            // insert_to_emptydict: a minimal table whose kind follows the first key
            let mut k = DictKeys::new(LOG_MINSIZE, is_exact_str(&key), 0);
            k.usable -= 1;
            k.nentries += 1;
            d.keys.set(k);
            d.items.borrow_mut().push((key, v));
            d.index.borrow_mut().push(hash);
            return Ok(());
        }
        if keys.unicode && !is_exact_str(&key) {
            insertion_resize(d, false);
        }
        if let Some(pos) = self.dict_lookup(d, &key, hash)? {
            let old = std::mem::replace(&mut d.items.borrow_mut()[pos].1, v);
            drop(old);
            return Ok(());
        }
        if d.keys.get().usable <= 0 {
            // a bigger table: its entries must fit in the budget
            let used = d.items.borrow().len() as u128;
            self.gate(used * 2 * DICT_ENTRY_BYTES)?;
            insertion_resize(d, true);
        }
        let mut k = d.keys.get();
        k.usable -= 1;
        k.nentries += 1;
        d.keys.set(k);
        d.items.borrow_mut().push((key, v));
        d.index.borrow_mut().push(hash);
        Ok(())
    }

    /// `del d[key]`: the entry becomes a dummy; the table keeps its size.
    pub fn dict_delitem(&mut self, d: &PyDict, key: &Value) -> PyResult<Value> {
        let hash = self.py_hash(key)?;
        match self.dict_lookup(d, key, hash)? {
            Some(pos) => {
                d.note_deleted(pos);
                let (k, v) = d.items.borrow_mut().remove(pos);
                d.index.borrow_mut().remove(pos);
                drop(k);
                Ok(v)
            }
            None => Err(self.missing_key(key)?),
        }
    }

    /// Takes out the item at `pos` (`OrderedDict.popitem`), if there is one.
    pub fn dict_remove_at(&self, d: &PyDict, pos: usize) -> Option<(Value, Value)> {
        if pos >= d.items.borrow().len() {
            return None;
        }
        d.note_deleted(pos);
        let item = d.items.borrow_mut().remove(pos);
        d.index.borrow_mut().remove(pos);
        Some(item)
    }

    /// Puts a key that is not in `d` first (`OrderedDict.move_to_end(key, last=False)`).
    pub fn dict_insert_front(&mut self, d: &PyDict, key: Value, v: Value) -> PyResult<()> {
        let hash = self.py_hash(&key)?;
        // OrderedDict iterates its own links in CPython; here the entries start afresh
        d.holes.borrow_mut().clear();
        d.items.borrow_mut().insert(0, (key, v));
        d.index.borrow_mut().insert_front(hash);
        Ok(())
    }

    /// `d.clear()`: back to the shared empty keys.
    pub fn dict_clear(&mut self, d: &PyDict) {
        let old = std::mem::take(&mut *d.items.borrow_mut());
        d.index.borrow_mut().clear();
        d.holes.borrow_mut().clear();
        d.keys.set(DictKeys::EMPTY);
        drop(old);
    }

    /// `dict_merge(a, b, override=1)` for a dict `b` (`a.update(b)`, `dict(b)`, `{**b}`).
    pub fn dict_merge(&mut self, a: &PyDict, b: &PyDict) -> PyResult<()> {
        let other = b.items.borrow().clone();
        if std::ptr::eq(a, b) || other.is_empty() {
            return Ok(());
        }
        let okeys = b.keys.get();
        if a.items.borrow().is_empty() {
            // a fresh, compact table is cloned outright
            let compact = other.len() == okeys.nentries;
            if compact
                && (okeys.log2_size == LOG_MINSIZE
                    || usable_fraction((1usize << okeys.log2_size) / 2) < other.len())
            {
                a.keys.set(okeys);
                *a.items.borrow_mut() = other;
                *a.index.borrow_mut() = b.index.borrow().clone();
                *a.holes.borrow_mut() = b.holes.borrow().clone();
                return Ok(());
            }
        }
        let used = a.items.borrow().len();
        let akeys = a.keys.get();
        if usable_fraction(1 << akeys.log2_size) < other.len() {
            let unicode = okeys.unicode && akeys.unicode;
            a.holes.borrow_mut().clear();
            a.keys.set(DictKeys::new(
                estimate_log2_keysize(used + other.len()),
                unicode,
                used,
            ));
        }
        for (k, v) in other {
            self.dict_set(a, k, v)?;
        }
        Ok(())
    }

    /// `PyDict_Copy` (`d.copy()`).
    pub fn dict_copy(&mut self, d: &PyDict) -> PyResult<Value> {
        let n = d.items.borrow().len();
        let c = self.new_empty_dict();
        if n == 0 {
            return Ok(Value::Dict(c));
        }
        let keys = d.keys.get();
        if n >= keys.nentries * 2 / 3 {
            // `clone_combined_dict_keys`: deleted entries are copied too
            c.keys.set(keys);
            *c.items.borrow_mut() = d.items.borrow().clone();
            *c.index.borrow_mut() = d.index.borrow().clone();
            *c.holes.borrow_mut() = d.holes.borrow().clone();
            return Ok(Value::Dict(c));
        }
        self.dict_merge(&c, d)?;
        Ok(Value::Dict(c))
    }

    /// `BUILD_MAP n` / `BUILD_CONST_KEY_MAP n` (`_PyDict_FromItems`): presized for more than
    /// five items, with `str`-only entries when every key is a `str`.
    fn dict_from_items(&mut self, items: Vec<(Value, Value)>) -> PyResult<Rc<PyDict>> {
        let d = self.new_empty_dict();
        let n = items.len();
        if n > usable_fraction(1 << LOG_MINSIZE) {
            let unicode = items.iter().all(|(k, _)| is_exact_str(k));
            let log2 = estimate_log2_keysize(n).min(LOG_MAX_PRESIZE);
            d.keys.set(DictKeys::new(log2, unicode, 0));
        }
        for (k, v) in items {
            self.dict_set(&d, k, v)?;
        }
        Ok(d)
    }

    /// A dict display `{k: v, ...}` as CPython 3.11 compiles it (`compiler_dict`): up to 15
    /// items are built presized at once; a longer display is built in chunks of 17 inserted
    /// one by one (`BUILD_MAP 0` + `MAP_ADD`), later chunks merged into the first.
    pub fn dict_display(&mut self, items: Vec<(Value, Value)>) -> PyResult<Value> {
        const GUIDE: usize = 30; // STACK_USE_GUIDELINE
        if items.len() * 2 <= GUIDE {
            return Ok(Value::Dict(self.dict_from_items(items)?));
        }
        let mut result: Option<Rc<PyDict>> = None;
        let mut pending: Vec<(Value, Value)> = Vec::new();
        let mut add = |me: &mut Interp, part: Rc<PyDict>| -> PyResult<()> {
            match &result {
                None => result = Some(part),
                Some(r) => {
                    let r = r.clone();
                    me.dict_merge(&r, &part)?;
                }
            }
            Ok(())
        };
        for kv in items {
            if pending.len() * 2 > GUIDE {
                // a chunk of 17: BUILD_MAP 0 then MAP_ADD for each
                pending.push(kv);
                let part = self.new_empty_dict();
                for (k, v) in std::mem::take(&mut pending) {
                    self.dict_set(&part, k, v)?;
                }
                add(self, part)?;
            } else {
                pending.push(kv);
            }
        }
        if pending.len() * 2 > GUIDE {
            let part = self.new_empty_dict();
            for (k, v) in pending {
                self.dict_set(&part, k, v)?;
            }
            add(self, part)?;
        } else if !pending.is_empty() {
            let part = self.dict_from_items(pending)?;
            add(self, part)?;
        }
        Ok(Value::Dict(match result {
            Some(r) => r,
            None => self.new_empty_dict(),
        }))
    }

    /// `dict.fromkeys(iterable, value)`.
    pub fn dict_fromkeys(&mut self, iterable: &Value, value: Value) -> PyResult<Value> {
        let d = self.new_empty_dict();
        let presize = match iterable {
            Value::Dict(src) => Some((src.items.borrow().len(), src.keys.get().unicode)),
            Value::Set(s) => Some((s.table.borrow().used, false)),
            _ => None,
        };
        if let Some((n, unicode)) = presize
            && n > 0
        {
            d.keys
                .set(DictKeys::new(estimate_log2_keysize(n), unicode, 0));
        }
        for k in self.collect(iterable)? {
            self.dict_set(&d, k, value.clone())?;
        }
        Ok(Value::Dict(d))
    }

    /// CPython's `dict_update_common` (`dict(...)`, `dict.update`, `defaultdict`,
    /// `OrderedDict`): at most one positional mapping or iterable of pairs, then each keyword.
    /// `who` names the count check (`dict expected at most 1 argument, got 2`); `None` is
    /// `MutableMapping.update`'s unnamed one, which `OrderedDict` uses.
    pub fn dict_fill(
        &mut self,
        d: &PyDict,
        who: Option<&str>,
        args: &[Value],
        kw: Vec<(String, Value)>,
    ) -> PyResult<()> {
        if args.len() > 1 {
            return Err(match who {
                Some(name) => PyError::positional_count(name, 0, 1, args.len()),
                None => PyError::mapping_update_expected_one(args.len()),
            });
        }
        if let Some(src) = args.first() {
            self.dict_update_from(d, src)?;
        }
        for (k, v) in kw {
            let k = self.new_str(k);
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// `dict.update(other)` / `dict(other)`: a dict merges, anything else is pairs.
    pub fn dict_update_from(&mut self, d: &PyDict, other: &Value) -> PyResult<()> {
        if let Value::Dict(o) = other {
            let o = o.clone();
            return self.dict_merge(d, &o);
        }
        let pairs = self.collect(other)?;
        for (i, pair) in pairs.iter().enumerate() {
            let kv = match pair {
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
                    self.collect(pair)?
                }
                _ => {
                    return Err(PyError::type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )));
                }
            };
            if kv.len() != 2 {
                return Err(PyError::value(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    kv.len()
                )));
            }
            self.dict_set(d, kv[0].clone(), kv[1].clone())?;
        }
        Ok(())
    }

    /// The keys, values or `(key, value)` tuples of `d` as they are now.
    pub(crate) fn dict_part(&mut self, d: &PyDict, part: DictPart) -> Vec<Value> {
        let items = d.items.borrow().clone();
        match part {
            DictPart::Keys => items.into_iter().map(|(k, _)| k).collect(),
            DictPart::Values => items.into_iter().map(|(_, v)| v).collect(),
            DictPart::Items => items
                .into_iter()
                .map(|(k, v)| self.new_tuple(vec![k, v]))
                .collect(),
        }
    }

    /// `x in d.keys()` (a lookup) and `(k, v) in d.items()` (a lookup, then `==` on the
    /// value, `dictitems_contains`); `None` for values views, which are searched in turn.
    pub(crate) fn dict_view_contains(&mut self, view: &Value, x: &Value) -> PyResult<Option<bool>> {
        let Some((d, part)) = dict_view(view) else {
            return Ok(None);
        };
        Ok(match part {
            DictPart::Keys => Some(self.dict_get(&d, x)?.is_some()),
            DictPart::Values => None,
            DictPart::Items => Some(match x {
                Value::Tuple(t) if t.items.len() == 2 => match self.dict_get(&d, &t.items[0])? {
                    Some(found) => {
                        self.is_same(&found, &t.items[1]) || self.eq_truthy(&found, &t.items[1])?
                    }
                    None => false,
                },
                _ => false,
            }),
        })
    }

    /// `dict.keys()` and friends: iterable, printable views.
    fn new_dict_view(&mut self, kind: &'static str, d: &Rc<PyDict>) -> Value {
        // the repr is made when shown (pyrepr asks `dict_view`)
        self.new_record(
            kind,
            String::new(),
            vec![(VIEW_FIELD, Value::Dict(d.clone()))],
        )
    }
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
