//! Dict operations as CPython runs them: lookup (`lookdict`), insert, delete, merge, copy, displays built in CPython's chunks, views.

use std::rc::Rc;

use super::table::DictIndex;
use super::table::DictKeys;
use super::table::LOG_MAX_PRESIZE;
use super::table::LOG_MINSIZE;
use super::table::estimate_log2_keysize;
use super::table::insertion_resize;
use super::table::is_exact_str;
use super::table::usable_fraction;
use super::{VIEW_FIELD, dict_view};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;

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

    /// `==` with a keys or items view on one side (`dictview_richcompare`): against a set or
    /// another such view, equal sizes and every item of the view found in the other; `None`
    /// otherwise (identity decides, as for values views).
    pub(crate) fn dict_view_eq(&mut self, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let set_like =
            |v: &Value| matches!(dict_view(v), Some((_, DictPart::Keys | DictPart::Items)));
        let (me, other) = if set_like(a) {
            (a, b)
        } else if set_like(b) {
            (b, a)
        } else {
            return Ok(None);
        };
        if !(matches!(other, Value::Set(_)) || set_like(other)) {
            return Ok(None);
        }
        if self.len_of(me)? != self.len_of(other)? {
            return Ok(Some(false));
        }
        let mut it = self.iterate(me)?;
        while let Some(x) = it.next(self)? {
            if !self.contains(other, &x)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    }

    /// `dict.keys()` and friends: iterable, printable views.
    pub(super) fn new_dict_view(&mut self, kind: &'static str, d: &Rc<PyDict>) -> Value {
        // the repr is made when shown (pyrepr asks `dict_view`)
        self.new_record(
            kind,
            String::new(),
            vec![(VIEW_FIELD, Value::Dict(d.clone()))],
        )
    }
}
