//! Iteration: `for` over any iterable, and Python's iterator objects (`iter`, `zip`,
//! `enumerate`, `map`, `reversed`). Items are made lazily, one per step — so iterating an array
//! makes each scalar only when it is needed, and frees the previous one when it is rebound.

use std::rc::Rc;

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::dictobj::dict_view;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};

/// `len(range(start, stop, step))` (may exceed `sys.maxsize`: `len()` then refuses).
pub fn range_len(start: i128, stop: i128, step: i128) -> u128 {
    // the distance in u128: `stop - start` can pass i128::MAX (`range(-10**38, 10**38)`)
    if step > 0 && stop > start {
        (stop.wrapping_sub(start) as u128 - 1) / step as u128 + 1
    } else if step < 0 && start > stop {
        (start.wrapping_sub(stop) as u128 - 1) / step.unsigned_abs() + 1
    } else {
        0
    }
}

/// The `k`-th element of a range with `k < range_len(...)`: it lies between start and stop, so
/// it fits in i128 even when `k * step` alone would not (modular arithmetic is exact here).
pub fn range_item(start: i128, step: i128, k: u128) -> i128 {
    (start as u128).wrapping_add(k.wrapping_mul(step as u128)) as i128
}

/// An in-progress iteration over a value (a `for` loop, unpacking, `list(...)`): either its
/// own state or a shared iterator object.
pub struct ValueIter {
    kind: Kind,
}

enum Kind {
    Own(IterState),
    Shared(Rc<PyIter>),
    /// An object of a user class with `__next__`.
    Dunder(Value),
}

impl ValueIter {
    pub fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        // every loop (for, comprehensions, list(), sum()...) steps here: Ctrl-C is seen at once
        interp.ctx.check_interrupt()?;
        match &mut self.kind {
            Kind::Own(st) => match interp.step_fast(st) {
                Some(r) => r,
                None => interp.step_state(st),
            },
            Kind::Shared(it) => {
                let it = it.clone();
                interp.iter_next(&it)
            }
            Kind::Dunder(v) => {
                let v = v.clone();
                interp.user_next(&v)
            }
        }
    }
}

impl ValueIter {
    /// Steps over a list's or tuple's items in place while `take` accepts them, without a
    /// reference per item (CPython's C loops read `ob_item` the same way); how many it took.
    /// Any other iteration takes none. `take` runs no Python code, so the list cannot change
    /// under the borrow; Ctrl-C is polled every 2^16 items.
    pub fn take_in_place(
        &mut self,
        interp: &Interp,
        mut take: impl FnMut(&Value) -> bool,
    ) -> PyResult<usize> {
        let Kind::Own(IterState::Seq {
            seq,
            pos,
            reversed: false,
        }) = &mut self.kind
        else {
            return Ok(0);
        };
        let list;
        let items: &[Value] = match seq {
            Value::List(l) => {
                list = l.items.borrow();
                &list
            }
            Value::Tuple(t) => &t.items,
            _ => return Ok(0),
        };
        let start = *pos;
        for (k, v) in items.iter().enumerate().skip(start) {
            if k.is_multiple_of(1 << 16) {
                interp.ctx.check_interrupt()?;
            }
            if !take(v) {
                break;
            }
            *pos = k + 1;
        }
        Ok(*pos - start)
    }

    /// The zip object this iterates, when it zips exactly `n` iterators.
    pub fn zip_of(&self, n: usize) -> Option<Rc<PyIter>> {
        match &self.kind {
            Kind::Shared(it) => match &*it.state.borrow() {
                IterState::Zip(inner) if inner.len() == n && n > 0 => Some(it.clone()),
                _ => None,
            },
            Kind::Own(_) | Kind::Dunder(_) => None,
        }
    }
}

/// A step that needs other iterators (done after releasing this iterator's state). Only
/// iterator objects (`zip(...)`, `enumerate(...)`, `map(...)`) have such states.
enum Compound {
    /// `zip` with this many inner iterators (read one at a time: no allocation per step).
    Zip(usize),
    Enumerate(Rc<PyIter>, Int),
    Map(Value, Vec<Rc<PyIter>>),
    /// The old sequence protocol: `obj[pos]` until IndexError.
    GetItem(Value, usize),
}

/// A dict's keys, or a view's part of its dict.
fn dict_part_of(v: &Value) -> Option<(Rc<PyDict>, DictPart)> {
    match v {
        Value::Dict(d) => Some((d.clone(), DictPart::Keys)),
        _ => dict_view(v),
    }
}

/// The iterator protocol's slot wrappers, shared by every iterator arrsh makes (list and range
/// iterators, `zip`, `map`, generators, itertools): `it.__next__()` is `next(it)`.
pub const ROWS: &[Row] = &[
    Row::wrapper("iterator.__next__", "()", next_slot),
    Row::wrapper("iterator.__iter__", "()", iter_slot),
];

fn next_slot(it: &mut Interp, a: Bound) -> PyResult<Value> {
    it.builtin_next(std::slice::from_ref(&a.this))
}

fn iter_slot(_: &mut Interp, a: Bound) -> PyResult<Value> {
    Ok(a.this)
}

impl IterState {
    /// A fresh iteration over `d`'s `part` (CPython's `dictiter_new`).
    fn dict(d: &Rc<PyDict>, part: DictPart) -> IterState {
        let used = d.items.borrow().len();
        IterState::Dict {
            dict: d.clone(),
            pos: 0,
            used,
            left: used,
            part,
        }
    }
}

impl Interp {
    /// The state of a fresh iterator over `v`, or `None` when `v` is an iterator already.
    fn iter_state(&mut self, v: &Value) -> PyResult<IterState> {
        Ok(match v {
            Value::Range(r) => IterState::Range {
                next: r.start,
                left: range_len(r.start, r.stop, r.step),
                step: r.step,
            },
            Value::Str(s) => IterState::Chars {
                s: s.clone(),
                byte: 0,
            },
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) => IterState::Seq {
                seq: v.clone(),
                pos: 0,
                reversed: false,
            },
            Value::Array(a) => {
                if a.ndim() == 0 {
                    return Err(PyError::iteration_over_0d());
                }
                IterState::Seq {
                    seq: v.clone(),
                    pos: 0,
                    reversed: false,
                }
            }
            Value::Dict(d) => IterState::dict(d, DictPart::Keys),
            Value::Set(s) => IterState::Set {
                set: s.clone(),
                items: Self::set_items(s).into(),
                len: s.table.borrow().used,
            },
            // a dict view (`d.keys()`...) iterates its dict as it is now
            Value::Record(_) if let Some((d, part)) = dict_view(v) => IterState::dict(&d, part),
            Value::Native(n) if n.slots.iter.is_some() => {
                let f = n.slots.iter.expect("the match guard saw Some");
                let items = f(self, v)?;
                if let Value::Iter(it) = &items {
                    // an iterator object: its own state continues
                    let st = std::mem::replace(&mut *it.state.borrow_mut(), IterState::Done);
                    return Ok(st);
                }
                return self.iter_state(&items);
            }
            other => return Err(PyError::not_iterable(&other.type_name())),
        })
    }

    /// `iter(v)` for a `for` loop or unpacking.
    pub fn iterate(&mut self, v: &Value) -> PyResult<ValueIter> {
        if let Value::Iter(it) = v {
            return Ok(ValueIter {
                kind: Kind::Shared(it.clone()),
            });
        }
        if crate::eval::object::dunder::is_user(v) {
            let r = self.user_iter(v)?;
            return Ok(ValueIter {
                kind: match r {
                    Value::Iter(it) => Kind::Shared(it),
                    other => Kind::Dunder(other),
                },
            });
        }
        let st = self.iter_state(v)?;
        // a native object's iterator (a stream's lines) steps through `iter_next`, so it is
        // shared rather than owned
        if matches!(st, IterState::Gen(_) | IterState::Native(_)) {
            let Value::Iter(it) = self.new_iter("iterator", st) else {
                unreachable!("new_iter makes iterators")
            };
            return Ok(ValueIter {
                kind: Kind::Shared(it),
            });
        }
        Ok(ValueIter {
            kind: Kind::Own(st),
        })
    }

    /// A Python iterator object over `v` (`iter(v)`): iterators return themselves.
    pub fn make_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Iter(_) = v {
            return Ok(v.clone());
        }
        if crate::eval::object::dunder::is_user(v) {
            return self.user_iter(v);
        }
        let kind = match v {
            Value::List(_) => "list_iterator",
            Value::Tuple(_) => "tuple_iterator",
            Value::Str(_) => "str_ascii_iterator",
            Value::Bytes(_) => "bytes_iterator",
            Value::Range(_) => "range_iterator",
            Value::Array(_) => "iterator",
            Value::Dict(_) => "dict_keyiterator",
            Value::Set(_) => "set_iterator",
            _ => "iterator",
        };
        let state = self.iter_state(v)?;
        Ok(self.new_iter(kind, state))
    }

    /// `iter(v)` as an `Rc<PyIter>` (for zip, enumerate, map).
    pub fn iter_object(&mut self, v: &Value) -> PyResult<Rc<PyIter>> {
        match self.make_iter(v)? {
            Value::Iter(it) => Ok(it),
            _ => unreachable!("make_iter makes iterators"),
        }
    }

    /// `reversed(seq)`.
    pub fn make_reversed(&mut self, v: &Value) -> PyResult<Value> {
        let (kind, state) = match v {
            Value::Range(r) => {
                let n = range_len(r.start, r.stop, r.step);
                let last = range_item(r.start, r.step, n.saturating_sub(1));
                (
                    "range_iterator",
                    IterState::Range {
                        next: last,
                        left: n,
                        step: r.step.wrapping_neg(),
                    },
                )
            }
            Value::Str(s) => {
                let chars: Vec<Value> =
                    s.v.chars()
                        .rev()
                        .map(|c| self.new_str(c.to_string()))
                        .collect();
                ("reversed", IterState::Values(chars.into()))
            }
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::Array(_) => (
                if matches!(v, Value::List(_)) {
                    "list_reverseiterator"
                } else {
                    "reversed"
                },
                IterState::Seq {
                    seq: v.clone(),
                    pos: 0,
                    reversed: true,
                },
            ),
            // a snapshot, where CPython's reverse iterators read the dict live
            Value::Dict(_) | Value::Record(_) if let Some((d, part)) = dict_part_of(v) => {
                let mut items = self.dict_part(&d, part);
                items.reverse();
                let kind = match part {
                    DictPart::Keys => "dict_reversekeyiterator",
                    DictPart::Values => "dict_reversevalueiterator",
                    DictPart::Items => "dict_reverseitemiterator",
                };
                (kind, IterState::Values(items.into()))
            }
            other => {
                return Err(PyError::type_error(format!(
                    "'{}' object is not reversible",
                    other.type_name()
                )));
            }
        };
        Ok(self.new_iter(kind, state))
    }

    /// How many items an iterator has left, when it knows (`__length_hint__`).
    pub fn iter_remaining(&mut self, it: &Rc<PyIter>) -> PyResult<Option<usize>> {
        let seq = {
            let st = it.state.borrow();
            match &*st {
                IterState::Range { left, .. } => return Ok(Some(*left as usize)),
                IterState::Chars { s, byte } => {
                    return Ok(Some(s.v.get(*byte..).map_or(0, |t| t.chars().count())));
                }
                IterState::Seq { seq, pos, .. } => (seq.clone(), *pos),
                IterState::Dict { left, pos, .. } => {
                    return Ok(Some(if *pos == usize::MAX { 0 } else { *left }));
                }
                IterState::Set { items, .. } => return Ok(Some(items.len())),
                IterState::Done => return Ok(Some(0)),
                _ => return Ok(None),
            }
        };
        let n = self.len_of(&seq.0).unwrap_or(0);
        Ok(Some(n.saturating_sub(seq.1)))
    }

    /// The `pos`-th item of a sequence, or `None` past the end (lists are re-read each step).
    fn seq_item(&mut self, seq: &Value, pos: usize, reversed: bool) -> PyResult<Option<Value>> {
        let n = match seq {
            Value::List(l) => l.items.borrow().len(),
            Value::Tuple(t) => t.items.len(),
            Value::Bytes(b) => b.v.len(),
            Value::Array(a) => a.shape().first().copied().unwrap_or(0),
            _ => 0,
        };
        if pos >= n {
            return Ok(None);
        }
        let k = if reversed { n - 1 - pos } else { pos };
        Ok(Some(match seq {
            Value::List(l) => l.items.borrow()[k].clone(),
            Value::Tuple(t) => t.items[k].clone(),
            Value::Bytes(b) => self.new_i64(b.v[k] as i64),
            Value::Array(a) => self.array_axis0_item(a, k)?,
            _ => return Ok(None),
        }))
    }

    /// One step of the iterations loops run most (range, a list or tuple forward, a 1-d
    /// array), returned directly; `None` for any other state and at the end (the general
    /// step then finishes it).
    #[inline(always)]
    fn step_fast(&mut self, st: &mut IterState) -> Option<PyResult<Option<Value>>> {
        match st {
            IterState::Range { next, left, step } if *left > 0 => {
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Some(Ok(Some(self.new_i128(v))))
            }
            IterState::Seq {
                seq: Value::List(l),
                pos,
                reversed: false,
            } => {
                let item = l.items.borrow().get(*pos).cloned()?;
                *pos += 1;
                Some(Ok(Some(item)))
            }
            IterState::Seq {
                seq: Value::Tuple(t),
                pos,
                reversed: false,
            } => {
                let item = t.items.get(*pos).cloned()?;
                *pos += 1;
                Some(Ok(Some(item)))
            }
            IterState::Seq {
                seq: Value::Array(a),
                pos,
                reversed: false,
            } if a.ndim() == 1 && *pos < a.shape()[0] => {
                let item = self.array_axis0_item(a, *pos);
                *pos += item.is_ok() as usize;
                Some(item.map(Some))
            }
            _ => None,
        }
    }

    /// One step of a simple state; compound states (zip, enumerate, map) are returned to the
    /// caller to finish without holding a borrow.
    fn step_simple(&mut self, st: &mut IterState) -> PyResult<Result<Option<Value>, Compound>> {
        Ok(Ok(match st {
            IterState::Range { next, left, step } => {
                if *left == 0 {
                    return Ok(Ok(None));
                }
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Some(self.new_i128(v))
            }
            IterState::Chars { s, byte } => match s.v.get(*byte..).and_then(|t| t.chars().next()) {
                Some(c) => {
                    *byte += c.len_utf8();
                    let mut buf = [0u8; 4];
                    Some(self.new_str(c.encode_utf8(&mut buf).to_string()))
                }
                None => None,
            },
            // lists and tuples forward: the item straight from the items (no clone of the seq)
            IterState::Seq {
                seq: Value::List(l),
                pos,
                reversed: false,
            } => {
                let item = l.items.borrow().get(*pos).cloned();
                *pos += item.is_some() as usize;
                item
            }
            IterState::Seq {
                seq: Value::Tuple(t),
                pos,
                reversed: false,
            } => {
                let item = t.items.get(*pos).cloned();
                *pos += item.is_some() as usize;
                item
            }
            IterState::Seq { seq, pos, reversed } => {
                let (seq, p, rev) = (seq.clone(), *pos, *reversed);
                let item = self.seq_item(&seq, p, rev)?;
                if item.is_some() {
                    *pos += 1;
                }
                item
            }
            IterState::Values(q) => q.pop_front(),
            IterState::Dict {
                dict,
                pos,
                used,
                left,
                part,
            } => {
                let item = {
                    let items = dict.items.borrow();
                    if *pos == usize::MAX {
                        return Ok(Ok(None));
                    }
                    if items.len() != *used {
                        *used = usize::MAX;
                        return Err(PyError::changed_size_during_iteration("dictionary"));
                    }
                    let (i, e) = dict.live_at_or_after(*pos);
                    match items.get(i) {
                        None => None,
                        // an entry more than the dict had: another key took a deleted one's place
                        Some(_) if *left == 0 => {
                            *pos = usize::MAX;
                            return Err(PyError::dict_keys_changed_during_iteration());
                        }
                        Some(item) => {
                            *pos = e + 1;
                            *left -= 1;
                            Some(item.clone())
                        }
                    }
                };
                if item.is_none() {
                    *pos = usize::MAX;
                }
                match (item, *part) {
                    (None, _) => None,
                    (Some((k, _)), DictPart::Keys) => Some(k),
                    (Some((_, v)), DictPart::Values) => Some(v),
                    (Some((k, v)), DictPart::Items) => Some(self.new_tuple(vec![k, v])),
                }
            }
            IterState::Set { set, items, len } => {
                if set.table.borrow().used != *len {
                    *len = usize::MAX;
                    return Err(PyError::changed_size_during_iteration("Set"));
                }
                items.pop_front()
            }
            IterState::Done => None,
            IterState::Zip(iters) => return Ok(Err(Compound::Zip(iters.len()))),
            IterState::Enumerate { inner, count } => {
                let c = count.clone();
                *count = c.add(&Int::Small(1));
                return Ok(Err(Compound::Enumerate(inner.clone(), c)));
            }
            IterState::Map { func, iters } => {
                return Ok(Err(Compound::Map(func.clone(), iters.clone())));
            }
            IterState::GetItem { obj, pos } => {
                *pos += 1;
                return Ok(Err(Compound::GetItem(obj.clone(), *pos - 1)));
            }
            IterState::Gen(_) | IterState::Native(_) => {
                unreachable!("generators and native iterators step in iter_next")
            }
        }))
    }

    fn step_compound(&mut self, it: Option<&Rc<PyIter>>, c: Compound) -> PyResult<Option<Value>> {
        Ok(match c {
            Compound::Zip(n) => {
                let Some(it) = it else { return Ok(None) };
                if n == 0 {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(n);
                for k in 0..n {
                    let inner = match &*it.state.borrow() {
                        IterState::Zip(iters) => iters.get(k).cloned(),
                        _ => None,
                    };
                    let Some(inner) = inner else { return Ok(None) };
                    match self.iter_next(&inner)? {
                        Some(x) => items.push(x),
                        None => return Ok(None),
                    }
                }
                Some(self.new_tuple(items))
            }
            Compound::Enumerate(inner, c) => match self.iter_next(&inner)? {
                Some(x) => {
                    let n = self.new_int(c);
                    Some(self.new_tuple(vec![n, x]))
                }
                None => None,
            },
            Compound::GetItem(obj, pos) => {
                let i = self.new_i64(pos as i64);
                match self.getitem(&obj, &i) {
                    Ok(v) => Some(v),
                    Err(e)
                        if matches!(e.kind, ErrorKind::IndexError | ErrorKind::StopIteration) =>
                    {
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
            Compound::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                for i in &iters {
                    match self.iter_next(i)? {
                        Some(x) => args.push(x),
                        None => return Ok(None),
                    }
                }
                Some(self.call(&func, args, vec![])?)
            }
        })
    }

    fn step_state(&mut self, st: &mut IterState) -> PyResult<Option<Value>> {
        let r = match self.step_simple(st)? {
            Ok(v) => v,
            Err(c) => self.step_compound(None, c)?,
        };
        if r.is_none() {
            *st = IterState::Done;
        }
        Ok(r)
    }

    /// `next(it)` on an iterator object; `None` when exhausted.
    pub fn iter_next(&mut self, it: &Rc<PyIter>) -> PyResult<Option<Value>> {
        self.ctx.check_interrupt()?;
        let special = match &*it.state.borrow() {
            IterState::Gen(_) => Some(true),
            IterState::Native(_) => Some(false),
            _ => None,
        };
        match special {
            Some(true) => return self.gen_next(it),
            Some(false) => return self.native_next(it),
            None => {}
        }
        let step = {
            let Ok(mut st) = it.state.try_borrow_mut() else {
                return Err(PyError::value("generator already executing"));
            };
            if let Some(r) = self.step_fast(&mut st) {
                return r;
            }
            self.step_simple(&mut st)?
        };
        let r = match step {
            Ok(v) => v,
            Err(c) => self.step_compound(Some(it), c)?,
        };
        if r.is_none()
            && let Ok(mut st) = it.state.try_borrow_mut()
        {
            *st = IterState::Done;
        }
        Ok(r)
    }

    /// The next items of a zip's `n` iterators pushed onto `out` (a frame's stack) in order,
    /// without the tuple or any other allocation; false (and `out` as it was) when exhausted.
    pub fn zip_next_into(
        &mut self,
        z: &Rc<PyIter>,
        n: usize,
        out: &mut Vec<Value>,
    ) -> PyResult<bool> {
        self.ctx.check_interrupt()?;
        let base = out.len();
        for k in 0..n {
            let inner = match &*z.state.borrow() {
                IterState::Zip(iters) => iters.get(k).cloned(),
                _ => None,
            };
            let Some(inner) = inner else {
                out.truncate(base);
                return Ok(false);
            };
            match self.iter_next(&inner) {
                Ok(Some(x)) => out.push(x),
                Ok(None) => {
                    out.truncate(base);
                    if let Ok(mut st) = z.state.try_borrow_mut() {
                        *st = IterState::Done;
                    }
                    return Ok(false);
                }
                Err(e) => {
                    out.truncate(base);
                    return Err(e);
                }
            }
        }
        Ok(true)
    }

    /// Collects every item of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::List(l) = v {
            return Ok(l.items.borrow().clone());
        }
        if let Value::Tuple(t) = v {
            return Ok(t.items.clone());
        }
        let hint = match v {
            Value::Range(r) => {
                usize::try_from(range_len(r.start, r.stop, r.step)).unwrap_or(usize::MAX)
            }
            Value::Array(a) => a.shape().first().copied().unwrap_or(0),
            _ => 0,
        };
        self.check_item_budget(hint)?;
        let mut it = self.iterate(v)?;
        let mut out = Vec::with_capacity(hint.min(1 << 20));
        while let Some(x) = it.next(self)? {
            out.push(x);
            self.check_items(out.len())?;
        }
        Ok(out)
    }

    pub fn new_enumerate(&mut self, v: &Value, start: Int) -> PyResult<Value> {
        let inner = self.iter_object(v)?;
        Ok(self.new_iter(
            "enumerate",
            IterState::Enumerate {
                inner,
                count: start,
            },
        ))
    }
}
