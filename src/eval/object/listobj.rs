//! Python's list as CPython 3.11 grows and shrinks it, so `sys.getsizeof` (56 + 8 × allocated
//! slots) matches: `list_resize`'s over-allocation, `list_preallocate_exact`'s even rounding,
//! `list.extend`'s length hints, and the list methods with CPython's argument errors.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::nesting::Nesting;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};
use crate::syntax::ast::CmpOp;

/// Sets a list's slot count, keeping the budget's count of list slots in step (charged when the
/// list is made, given back when it is dropped).
pub(crate) fn set_capacity(l: &PyList, new: usize) {
    let old = l.capacity.replace(new);
    if let Some(heap) = l.id.heap() {
        heap.charge_objects((new as i128 - old as i128) * super::budget::SLOT_BYTES as i128);
    }
}

/// The methods of `list`.
pub const ROWS: &[Row] = &[
    Row::method("list.append", "(object, /)", append),
    Row::method("list.copy", "()", copy).returns("list"),
    Row::method("list.extend", "(iterable, /)", extend),
    Row::method("list.insert", "(index, object, /)", insert),
    Row::method("list.pop", "(index=-1, /)", pop),
    Row::method("list.remove", "(value, /)", remove),
    Row::method("list.count", "(value, /)", count),
    Row::method(
        "list.index",
        "(value, start=0, stop=9223372036854775807, /)",
        index,
    ),
    Row::method("list.reverse", "()", reverse),
    Row::method("list.sort", "(*, key=None, reverse=False)", sort),
    Row::method("list.clear", "()", clear),
];

/// The receiver of a `list` method (the registry only calls them on lists).
fn this_list(a: &Bound) -> PyResult<Rc<PyList>> {
    match &a.this {
        Value::List(l) => Ok(l.clone()),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "list",
            &other.type_name(),
        )),
    }
}

fn append(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let l = this_list(&a)?;
    let v = a.req("object")?;
    it.list_append(&l, v)?;
    Ok(Value::None)
}

fn copy(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let items = this_list(&a)?.items.borrow().clone();
    Ok(it.new_list(items))
}

fn extend(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let l = this_list(&a)?;
    let v = a.req("iterable")?;
    it.list_extend(&l, &v)?;
    Ok(Value::None)
}

fn insert(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let l = this_list(&a)?;
    let i = a.req("index")?;
    let v = a.req("object")?;
    let i = it.int_value(&i, "")?.to_i128_saturating();
    it.list_insert(&l, i, v);
    Ok(Value::None)
}

fn pop(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let l = this_list(&a)?;
    let i = match a.take("index") {
        Some(v) => it.int_value(&v, "")?.to_i128_saturating(),
        None => -1,
    };
    let n = l.items.borrow().len() as i128;
    if n == 0 {
        return Err(PyError::pop_from_empty("list"));
    }
    let k = if i < 0 { i + n } else { i };
    if k < 0 || k >= n {
        return Err(PyError::pop_index_out_of_range());
    }
    Ok(it.list_pop_at(&l, k as usize))
}

/// Where `x` first is in `items[start..stop]`, by `==`.
fn position(
    it: &mut Interp,
    items: &[Value],
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if it.items_equal(v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let l = this_list(&a)?;
    let x = a.req("value")?;
    let items = l.items.borrow().clone();
    match position(it, &items, &x, 0, items.len())? {
        Some(i) => {
            it.list_del_item(&l, i);
            Ok(Value::None)
        }
        None => Err(PyError::list_remove_missing()),
    }
}

fn count(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let l = this_list(&a)?;
    let x = a.req("value")?;
    let items = l.items.borrow().clone();
    let mut hits = 0;
    for v in &items {
        if it.items_equal(v, &x)? {
            hits += 1;
        }
    }
    Ok(it.new_i64(hits))
}

fn index(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let l = this_list(&a)?;
    let x = a.req("value")?;
    let n = l.items.borrow().len() as i128;
    // `_PyEval_SliceIndexNotNone`: clamped like a slice bound
    let mut bound = |name: &str, default: i128| -> PyResult<usize> {
        let Some(v) = a.take(name) else {
            return Ok(default as usize);
        };
        let i = it
            .index_int(&v)
            .ok_or_else(|| {
                PyError::type_error("slice indices must be integers or have an __index__ method")
            })?
            .to_i128_saturating();
        Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
    };
    let start = bound("start", 0)?;
    let stop = bound("stop", n)?;
    let items = l.items.borrow().clone();
    match position(it, &items, &x, start, stop)? {
        Some(i) => Ok(it.new_i64(i as i64)),
        None => {
            let r = it.repr(&x)?;
            Err(PyError::not_in_list(&r))
        }
    }
}

fn reverse(_: &mut Interp, a: Bound) -> PyResult<Value> {
    this_list(&a)?.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn sort(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let l = this_list(&a)?;
    let key = a.take("key");
    let reverse = a.take("reverse");
    it.list_sort(&l, key, reverse)?;
    Ok(Value::None)
}

fn clear(_: &mut Interp, a: Bound) -> PyResult<Value> {
    drop(list_clear(&*this_list(&a)?));
    Ok(Value::None)
}

/// CPython's `list_resize(self, newsize)` for a list whose length is `len` now: keeps the buffer
/// when it is big enough and not more than half empty, otherwise over-allocates by about 1/8.
pub fn list_resize(l: &PyList, len: usize, newsize: usize) {
    let allocated = l.capacity.get();
    if allocated >= newsize && newsize >= allocated >> 1 {
        return;
    }
    let mut new = (newsize + (newsize >> 3) + 6) & !3;
    if newsize as i128 - len as i128 > (new - newsize) as i128 {
        new = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new = 0;
    }
    set_capacity(l, new);
    // realloc to zero bytes still leaves a buffer (pymalloc hands out a minimal block)
    l.buffer.set(true);
}

/// `list_preallocate_exact`: an empty list gets room for `n` items, rounded up to even.
fn preallocate_exact(l: &PyList, n: usize) {
    set_capacity(l, (n + 1) & !1);
    l.buffer.set(true);
}

/// `_list_clear`: no items and no buffer.
fn list_clear(l: &PyList) -> Vec<Value> {
    set_capacity(l, 0);
    l.buffer.set(false);
    std::mem::take(&mut *l.items.borrow_mut())
}

/// The capacity CPython leaves after appending `n` items one by one to an empty list (list
/// comprehensions).
pub fn append_capacity(n: usize) -> usize {
    capacity_after_appends(0, n)
}

/// The capacity after filling a list preallocated with `prealloc` slots with `n` items, the
/// ones past the preallocation appended (`str.split` preallocates 12).
pub fn capacity_after_appends(prealloc: usize, n: usize) -> usize {
    let mut cap = prealloc;
    for len in prealloc.min(n)..n {
        if len >= cap {
            let newsize = len + 1;
            let mut new = (newsize + (newsize >> 3) + 6) & !3;
            if newsize - len > new - newsize {
                new = (newsize + 3) & !3;
            }
            cap = new;
        }
    }
    cap
}

/// How a list display `[...]` is compiled by CPython 3.11 (`starunpack_helper`).
pub enum DisplayItem {
    Item(Value),
    Starred(Value),
}

impl Interp {
    /// An empty list as `PyList_New(0)` makes it: no buffer yet.
    pub fn new_empty_list(&self) -> Rc<PyList> {
        match self.new_list_with_capacity(Vec::new(), 0) {
            Value::List(l) => {
                l.buffer.set(false);
                l
            }
            _ => unreachable!("new_list_with_capacity makes a list"),
        }
    }

    fn list_rc(v: Value) -> Rc<PyList> {
        match v {
            Value::List(l) => l,
            _ => unreachable!("list constructors make lists"),
        }
    }

    /// `[a, b, *c, d]`: more than two constants are one `LIST_EXTEND` of a constant tuple; a
    /// short display without stars is `BUILD_LIST n` (exact size); otherwise the items before
    /// the first star are built, then each star extends and each later item appends. Displays
    /// of more than 30 items start empty and append.
    pub fn list_display(&mut self, items: Vec<DisplayItem>, all_const: bool) -> PyResult<Value> {
        let n = items.len();
        let has_star = items.iter().any(|i| matches!(i, DisplayItem::Starred(_)));
        if n > 2 && all_const {
            let l = self.new_empty_list();
            let vals: Vec<Value> = items
                .into_iter()
                .map(|i| match i {
                    DisplayItem::Item(v) | DisplayItem::Starred(v) => v,
                })
                .collect();
            preallocate_exact(&l, n);
            *l.items.borrow_mut() = vals;
            return Ok(Value::List(l));
        }
        let big = n > 30;
        if !has_star && !big {
            let vals = items
                .into_iter()
                .map(|i| match i {
                    DisplayItem::Item(v) | DisplayItem::Starred(v) => v,
                })
                .collect();
            return Ok(self.new_list(vals));
        }
        let first_star = if big {
            0
        } else {
            items
                .iter()
                .position(|i| matches!(i, DisplayItem::Starred(_)))
                .unwrap_or(n)
        };
        let mut rest = items.into_iter();
        let head: Vec<Value> = rest
            .by_ref()
            .take(first_star)
            .map(|i| match i {
                DisplayItem::Item(v) | DisplayItem::Starred(v) => v,
            })
            .collect();
        let l = if head.is_empty() {
            self.new_empty_list()
        } else {
            Self::list_rc(self.new_list(head))
        };
        for item in rest {
            match item {
                DisplayItem::Starred(v) => self.list_extend(&l, &v)?,
                DisplayItem::Item(v) => self.list_append(&l, v)?,
            }
        }
        Ok(Value::List(l))
    }

    /// `list(iterable)`: a sized iterable is preallocated exactly, then extended.
    pub fn list_from(&mut self, v: &Value) -> PyResult<Value> {
        let l = self.new_empty_list();
        if let Some(n) = self.sized_len(v)?
            && n > 0
        {
            preallocate_exact(&l, n);
        }
        self.list_extend(&l, v)?;
        Ok(Value::List(l))
    }

    /// `PySequence_List` (what `sorted` starts from): an empty list extended.
    pub fn list_of(&mut self, v: &Value) -> PyResult<Rc<PyList>> {
        let l = self.new_empty_list();
        self.list_extend(&l, v)?;
        Ok(l)
    }

    /// `len(v)` for the objects that have one (`_PyObject_HasLen`), else `None`.
    pub fn sized_len(&mut self, v: &Value) -> PyResult<Option<usize>> {
        Ok(match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Range(_) => Some(self.len_of(v)?),
            Value::Array(a) if a.ndim() > 0 => Some(a.shape()[0]),
            Value::Record(_) if crate::eval::object::dictobj::dict_view(v).is_some() => {
                Some(self.len_of(v)?)
            }
            _ => None,
        })
    }

    /// `PyObject_LengthHint(v, default)`: the length, an iterator's remaining items, or the
    /// default for iterators that cannot tell (zip, map, enumerate, generators).
    pub fn length_hint(&mut self, v: &Value, default: usize) -> PyResult<usize> {
        if let Some(n) = self.sized_len(v)? {
            return Ok(n);
        }
        Ok(match v {
            Value::Iter(it) => self.iter_remaining(it)?.unwrap_or(default),
            _ => default,
        })
    }

    /// `list.append(v)`; growing the buffer asks the budget first.
    pub fn list_append(&mut self, l: &PyList, v: Value) -> PyResult<()> {
        let len = l.items.borrow().len();
        if len >= l.capacity.get() {
            self.gate((len / 8 + 8) as u128 * super::budget::SLOT_BYTES)?;
            list_resize(l, len, len + 1);
        }
        l.items.borrow_mut().push(v);
        Ok(())
    }

    /// `list.extend(iterable)` (and `+=`, and `LIST_EXTEND`).
    pub fn list_extend(&mut self, l: &Rc<PyList>, iterable: &Value) -> PyResult<()> {
        if let Value::List(_) | Value::Tuple(_) = iterable {
            let items = self.collect(iterable)?;
            let n = items.len();
            if n == 0 {
                return Ok(());
            }
            let m = l.items.borrow().len();
            if l.buffer.get() {
                list_resize(l, m, m + n);
            } else {
                preallocate_exact(l, n);
            }
            l.items.borrow_mut().extend(items);
            return Ok(());
        }
        let mut it = self.iterate(iterable)?;
        let n = self.length_hint(iterable, 8)?;
        // CPython preallocates from the hint: an impossible size fails up front
        self.check_item_budget(n)?;
        let m = l.items.borrow().len();
        if !l.buffer.get() {
            if n > 0 {
                preallocate_exact(l, n);
            }
        } else {
            list_resize(l, m, m + n);
        }
        let range_len = match iterable {
            Value::Range(r) => {
                usize::try_from(super::iter::range_len(r.start, r.stop, r.step)).ok()
            }
            _ => None,
        };
        if let (Value::Range(r), Some(total)) = (iterable, range_len) {
            // `list(range(n))`: the ints go straight into the list, with no iterator step or
            // append per item (`it` stays alive, unused, so that ids come and go as with
            // CPython's range_iterator); the capacity was set from the exact length above
            let mut items = l.items.borrow_mut();
            items.reserve(total);
            let mut v = r.start;
            for _ in 0..total {
                items.push(self.new_i128(v));
                v = v.wrapping_add(r.step);
                self.check_items(items.len())?;
            }
        } else {
            while let Some(x) = it.next(self)? {
                self.list_append(l, x)?;
                let len = l.items.borrow().len();
                self.check_items(len)?;
            }
        }
        let len = l.items.borrow().len();
        if len < l.capacity.get() {
            list_resize(l, len, len);
        }
        Ok(())
    }

    /// `list.insert(i, v)`.
    pub fn list_insert(&mut self, l: &PyList, index: i128, v: Value) {
        let n = l.items.borrow().len();
        let k = if index < 0 {
            (index + n as i128).max(0)
        } else {
            index.min(n as i128)
        } as usize;
        list_resize(l, n, n + 1);
        l.items.borrow_mut().insert(k, v);
    }

    /// `list_ass_slice(l, lo, hi, v)`: replaces items `lo..hi` (already clamped) with `new`.
    pub fn list_ass_slice(&mut self, l: &PyList, lo: usize, hi: usize, new: Vec<Value>) {
        let size = l.items.borrow().len();
        let hi = hi.max(lo).min(size);
        let lo = lo.min(size);
        let norig = hi - lo;
        let d = new.len() as i128 - norig as i128;
        if size as i128 + d == 0 {
            let old = list_clear(l);
            drop(old);
            return;
        }
        let removed: Vec<Value> = {
            let mut items = l.items.borrow_mut();
            items.splice(lo..hi, new).collect()
        };
        // shrinking and growing both go through list_resize; an equal-size swap does not
        if d != 0 {
            list_resize(l, size, (size as i128 + d) as usize);
        }
        drop(removed);
    }

    /// `del l[i]` / `l.remove(x)` at a known position.
    pub fn list_del_item(&mut self, l: &PyList, k: usize) {
        self.list_ass_slice(l, k, k + 1, Vec::new());
    }

    /// `list.pop(i)` at a valid position: the last item shrinks with `list_resize`, others go
    /// through `list_ass_slice`.
    fn list_pop_at(&mut self, l: &PyList, k: usize) -> Value {
        let n = l.items.borrow().len();
        if k + 1 == n {
            let v = l.items.borrow_mut().pop();
            list_resize(l, n, n - 1);
            return v.unwrap_or(Value::None);
        }
        let v = l.items.borrow()[k].clone();
        self.list_ass_slice(l, k, k + 1, Vec::new());
        v
    }

    /// `l *= n`.
    pub fn list_inplace_repeat(&mut self, l: &PyList, n: i128) -> PyResult<()> {
        let size = l.items.borrow().len();
        if size == 0 || n == 1 {
            return Ok(());
        }
        if n < 1 {
            drop(list_clear(l));
            return Ok(());
        }
        let total = (size as i128)
            .checked_mul(n)
            .filter(|t| *t <= isize::MAX as i128)
            .ok_or_else(|| {
                let asked = (size as u128).saturating_mul(n.unsigned_abs());
                PyError::no_memory(asked.saturating_mul(super::budget::SLOT_BYTES))
            })? as usize;
        self.gate((total - size) as u128 * super::budget::SLOT_BYTES)?;
        list_resize(l, size, total);
        let items = l.items.borrow().clone();
        let mut v = l.items.borrow_mut();
        for _ in 1..n {
            v.extend(items.iter().cloned());
        }
        Ok(())
    }

    /// `x == y` as containers compare their items: identity first, then `==`'s truth.
    pub fn items_equal(&mut self, x: &Value, y: &Value) -> PyResult<bool> {
        if self.is_same(x, y) {
            return Ok(true);
        }
        match self.nested(Nesting::Comparison, |me| me.compare(x, CmpOp::Eq, y)) {
            Ok(r) => self.truthy(&r),
            // NumPy answers `np.int64(0) == 'x'` with False (no loop for int and str)
            Err(e) if e.kind == crate::error::ErrorKind::UFuncTypeError => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// `list.sort(key=..., reverse=...)`: stable, by `<`, with `key` applied once per item.
    pub fn list_sort(
        &mut self,
        l: &PyList,
        key: Option<Value>,
        reverse: Option<Value>,
    ) -> PyResult<()> {
        let items = l.items.borrow().clone();
        let keys = match &key {
            Some(f) if !f.is_none() => {
                let mut ks = Vec::with_capacity(items.len());
                for x in &items {
                    ks.push(self.call(f, vec![x.clone()], vec![])?);
                }
                ks
            }
            _ => items.clone(),
        };
        let reverse = match reverse {
            Some(r) => self.truthy(&r)?,
            None => false,
        };
        // CPython sorts a reversed copy stably and reverses back, so equal items keep order;
        // only `<` is asked, and the first failing comparison is the error (a merge sort: no
        // total order is assumed, so an inconsistent `<` cannot panic)
        let mut sorted: Vec<usize> = (0..items.len()).collect();
        if reverse {
            sorted.reverse();
        }
        self.merge_sort_by_keys(&keys, &mut sorted)?;
        if reverse {
            sorted.reverse();
        }
        let out: Vec<Value> = sorted.into_iter().map(|i| items[i].clone()).collect();
        *l.items.borrow_mut() = out;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_grows_like_cpython() {
        // sys.getsizeof([i for i in range(n)]) - 56 == 8 * capacity on CPython 3.11
        let cases = [
            (0, 0, "empty"),
            (1, 4, "first append reserves 4"),
            (4, 4, "still fits"),
            (5, 8, "5 -> 8"),
            (9, 16, "9 -> 16"),
            (17, 24, "17 -> 24"),
            (100, 108, "100 items"),
            (1000, 1100, "1000 items"),
        ];
        for (n, cap, why) in cases {
            assert_eq!(append_capacity(n), cap, "{why}");
        }
    }
}
