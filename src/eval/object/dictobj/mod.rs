//! Python's dict as CPython 3.11 sizes it: items in insertion order, plus a model of the keys
//! table (`PyDictKeysObject`) — its size, free entries and kind (all-`str` keys use 16-byte
//! entries, others 24) — so `sys.getsizeof` follows displays, comprehensions, `dict(...)`,
//! insertions, deletions and copies exactly. Lookup goes through a hash index over the items
//! (`DictIndex`), comparing by identity first and then `==`, as `lookdict` does.

mod store;
mod table;

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};

/// The methods of `dict`, bound from their CPython specs (`!`: CPython shows no signature).
pub use table::{DictIndex, DictKeys, dict_sizeof};

pub const ROWS: &[Row] = &[
    Row::method("dict.keys", "!()", view),
    Row::method("dict.values", "!()", view),
    Row::method("dict.items", "!()", view),
    Row::method("dict.get", "(key, default=None, /)", get),
    Row::method("dict.pop", "!(key, default?, /)", pop),
    Row::method("dict.popitem", "()", popitem),
    Row::method("dict.setdefault", "(key, default=None, /)", setdefault),
    Row::method("dict.update", "!(*args, **kwargs)", update),
    Row::method("dict.copy", "!()", copy).returns("dict"),
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
