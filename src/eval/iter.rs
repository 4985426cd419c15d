//! Iteration: `for` over any iterable, and Python's iterator objects (`iter`, `zip`,
//! `enumerate`, `map`, `reversed`). Items are made lazily, one per step — so iterating an array
//! makes each scalar only when it is needed, and frees the previous one when it is rebound.

use std::rc::Rc;

use num_bigint::BigInt;

use super::Interp;
use super::pyint::Int;
use super::value::*;
use crate::error::{PyError, PyResult};

/// `len(range(start, stop, step))`.
pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n as usize
}

/// An in-progress iteration over a value.
pub struct ValueIter {
    kind: Kind,
}

enum Kind {
    Range { next: i64, left: usize, step: i64 },
    Seq { seq: Value, pos: usize },
    Shared(Rc<PyIter>),
}

impl ValueIter {
    pub fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        // every loop (for, comprehensions, list(), sum()...) steps here: Ctrl-C is seen at once
        interp.ctx.check_interrupt()?;
        match &mut self.kind {
            Kind::Range { next, left, step } => {
                if *left == 0 {
                    return Ok(None);
                }
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Ok(Some(interp.new_i64(v)))
            }
            Kind::Seq { seq, pos } => {
                let seq = seq.clone();
                let item = interp.seq_item(&seq, *pos)?;
                if item.is_some() {
                    *pos += 1;
                }
                Ok(item)
            }
            Kind::Shared(it) => {
                let it = it.clone();
                interp.iter_next(&it)
            }
        }
    }
}

impl Interp {
    /// `iter(v)` for a `for` loop or unpacking.
    pub fn iterate(&mut self, v: &Value) -> PyResult<ValueIter> {
        let kind = match v {
            Value::Range(r) => Kind::Range {
                next: r.start,
                left: range_len(r.start, r.stop, r.step),
                step: r.step,
            },
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => Kind::Seq {
                seq: v.clone(),
                pos: 0,
            },
            Value::Array(a) => {
                if a.ndim() == 0 {
                    return Err(PyError::iteration_over_0d());
                }
                Kind::Seq {
                    seq: v.clone(),
                    pos: 0,
                }
            }
            Value::Dict(d) => {
                let keys: Vec<Value> = d.items.borrow().iter().map(|(k, _)| k.clone()).collect();
                let t = self.new_tuple(keys);
                Kind::Seq { seq: t, pos: 0 }
            }
            Value::Set(s) => {
                let items = s.items.borrow().clone();
                let t = self.new_tuple(items);
                Kind::Seq { seq: t, pos: 0 }
            }
            Value::Iter(it) => Kind::Shared(it.clone()),
            Value::Record(r) if r.fields.iter().any(|(k, _)| *k == "__items__") => {
                let items = r
                    .fields
                    .iter()
                    .find(|(k, _)| *k == "__items__")
                    .map(|(_, v)| v.clone());
                Kind::Seq {
                    seq: items.unwrap_or(Value::None),
                    pos: 0,
                }
            }
            other => return Err(PyError::not_iterable(&other.type_name())),
        };
        Ok(ValueIter { kind })
    }

    /// A Python iterator object over `v` (`iter(v)`): iterators return themselves.
    pub fn make_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Iter(_) = v {
            return Ok(v.clone());
        }
        let kind = match v {
            Value::List(_) => "list_iterator",
            Value::Tuple(_) => "tuple_iterator",
            Value::Str(_) => "str_ascii_iterator",
            Value::Bytes(_) => "bytes_iterator",
            Value::Range(_) => "range_iterator",
            Value::Array(a) => {
                if a.ndim() == 0 {
                    return Err(PyError::iteration_over_0d());
                }
                "iterator"
            }
            Value::Dict(_) => "dict_keyiterator",
            Value::Set(_) => "set_iterator",
            other => return Err(PyError::not_iterable(&other.type_name())),
        };
        let seq = match v {
            Value::Dict(d) => {
                let keys: Vec<Value> = d.items.borrow().iter().map(|(k, _)| k.clone()).collect();
                self.new_tuple(keys)
            }
            Value::Set(s) => {
                let items = s.items.borrow().clone();
                self.new_tuple(items)
            }
            _ => v.clone(),
        };
        Ok(self.new_iter(
            kind,
            IterState::Seq {
                seq,
                pos: 0,
                reversed: false,
            },
        ))
    }

    /// The `pos`-th item of a sequence, or `None` past the end (lists are re-read each step).
    fn seq_item(&mut self, seq: &Value, pos: usize) -> PyResult<Option<Value>> {
        Ok(match seq {
            Value::List(l) => l.items.borrow().get(pos).cloned(),
            Value::Tuple(t) => t.items.get(pos).cloned(),
            Value::Str(s) => s.v.chars().nth(pos).map(|c| self.new_str(c.to_string())),
            Value::Bytes(b) => b.v.get(pos).map(|&x| self.new_i64(x as i64)),
            Value::Range(r) => (pos < range_len(r.start, r.stop, r.step))
                .then(|| self.new_i64(r.start + pos as i64 * r.step)),
            Value::Array(a) => {
                if pos >= a.shape().first().copied().unwrap_or(0) {
                    None
                } else {
                    Some(self.array_axis0_item(a, pos)?)
                }
            }
            _ => None,
        })
    }

    /// `next(it)` on an iterator object; `None` when exhausted.
    pub fn iter_next(&mut self, it: &Rc<PyIter>) -> PyResult<Option<Value>> {
        self.ctx.check_interrupt()?;
        let step = {
            let mut st = it.state.borrow_mut();
            match &mut *st {
                IterState::Seq { seq, pos, reversed } => {
                    let (seq, p, rev) = (seq.clone(), *pos, *reversed);
                    *pos += 1;
                    Step::Seq(seq, p, rev)
                }
                IterState::Zip(iters) => Step::Zip(iters.clone()),
                IterState::Enumerate { inner, count } => {
                    let c = count.clone();
                    *count += 1;
                    Step::Enumerate(inner.clone(), c)
                }
                IterState::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
                IterState::Values(q) => Step::Ready(q.pop_front()),
                IterState::Done => Step::Ready(None),
            }
        };
        let r = match step {
            Step::Ready(v) => v,
            Step::Seq(seq, p, rev) => {
                if rev {
                    let n = self.len_of(&seq)?;
                    if p >= n {
                        None
                    } else {
                        self.seq_item(&seq, n - 1 - p)?
                    }
                } else {
                    self.seq_item(&seq, p)?
                }
            }
            Step::Zip(iters) => {
                let mut items = Vec::with_capacity(iters.len());
                for i in &iters {
                    let Value::Iter(i) = i else { return Ok(None) };
                    match self.iter_next(i)? {
                        Some(x) => items.push(x),
                        None => {
                            *it.state.borrow_mut() = IterState::Done;
                            return Ok(None);
                        }
                    }
                }
                (!iters.is_empty()).then(|| self.new_tuple(items))
            }
            Step::Enumerate(inner, c) => {
                let Value::Iter(inner) = inner else {
                    return Ok(None);
                };
                match self.iter_next(&inner)? {
                    Some(x) => {
                        let n = self.new_int(Int::from_big(c));
                        Some(self.new_tuple(vec![n, x]))
                    }
                    None => None,
                }
            }
            Step::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                for i in &iters {
                    let Value::Iter(i) = i else { return Ok(None) };
                    match self.iter_next(i)? {
                        Some(x) => args.push(x),
                        None => return Ok(None),
                    }
                }
                Some(self.call(&func, args, vec![])?)
            }
        };
        if r.is_none() {
            *it.state.borrow_mut() = IterState::Done;
        }
        Ok(r)
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
            Value::Range(r) => range_len(r.start, r.stop, r.step),
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

    pub fn new_enumerate(&mut self, v: &Value, start: BigInt) -> PyResult<Value> {
        let inner = self.make_iter(v)?;
        Ok(self.new_iter(
            "enumerate",
            IterState::Enumerate {
                inner,
                count: start,
            },
        ))
    }
}

enum Step {
    Ready(Option<Value>),
    Seq(Value, usize, bool),
    Zip(Vec<Value>),
    Enumerate(Value, BigInt),
    Map(Value, Vec<Value>),
}
