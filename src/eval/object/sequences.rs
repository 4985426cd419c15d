//! Subscripting Python's own sequences — `list`, `tuple`, `str`, `bytes`, `range` — with
//! CPython's slice arithmetic (`PySlice_Unpack` + `PySlice_AdjustIndices`), its identity rules
//! (`t[:]` is `t`, `l[:]` is a new list of exact size) and its messages; and list item and
//! slice assignment and deletion, which resize the list as `list_ass_slice` does.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::iter::{range_item, range_len};
use crate::eval::object::value::*;

/// A slice's start, stop and step against a sequence of `len` items, and how many it selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceRange {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
    pub len: usize,
}

impl SliceRange {
    /// The positions selected, in order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(|k| (self.start + k as i128 * self.step) as usize)
    }
}

/// `PySlice_Unpack` then `PySlice_AdjustIndices`: missing bounds default by the step's sign,
/// negative ones count from the end, and everything is clamped into the sequence.
pub fn adjust_slice(
    start: Option<i128>,
    stop: Option<i128>,
    step: Option<i128>,
    length: usize,
) -> PyResult<SliceRange> {
    const MAX: i128 = i64::MAX as i128;
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyError::slice_step_cannot_be_zero());
    }
    let n = length as i128;
    let mut start = start.unwrap_or(if step < 0 { MAX } else { 0 });
    let mut stop = stop.unwrap_or(if step < 0 { -MAX - 1 } else { MAX });
    let clamp = |x: &mut i128| {
        if *x < 0 {
            *x += n;
            if *x < 0 {
                *x = if step < 0 { -1 } else { 0 };
            }
        } else if *x >= n {
            *x = if step < 0 { n - 1 } else { n };
        }
    };
    clamp(&mut start);
    clamp(&mut stop);
    let len = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(SliceRange {
        start,
        stop,
        step,
        len: len as usize,
    })
}

impl Interp {
    /// A Python slice object's bounds as integers (`None` when omitted).
    pub fn slice_bounds(&self, s: &PySlice) -> PyResult<[Option<i128>; 3]> {
        Ok([
            self.slice_part(&s.start)?,
            self.slice_part(&s.stop)?,
            self.slice_part(&s.step)?,
        ])
    }

    fn seq_slice(&self, s: &PySlice, length: usize) -> PyResult<SliceRange> {
        let [a, b, c] = self.slice_bounds(s)?;
        adjust_slice(a, b, c, length)
    }

    /// `seq[i]` and `seq[i:j:k]` for list, tuple, str, bytes and range.
    pub fn seq_getitem(&mut self, obj: &Value, idx: &Value) -> PyResult<Value> {
        if let (Value::Range(r), Value::Slice(s)) = (obj, idx) {
            return self.range_slice(r, s);
        }
        if let Value::Range(r) = obj
            && let Some(i) = self.index_int(idx)
        {
            // a range may be longer than sys.maxsize (`range(10**30)[-1]`): its own arithmetic
            let n = range_len(r.start, r.stop, r.step);
            let i = i.to_i128_saturating();
            let k = if i < 0 {
                n.checked_sub(i.unsigned_abs())
            } else {
                Some(i as u128).filter(|&k| k < n)
            };
            return match k {
                Some(k) => Ok(self.new_i128(range_item(r.start, r.step, k))),
                None => Err(PyError::index("range object index out of range")),
            };
        }
        let n = self.len_of(obj)?;
        if let Value::Slice(s) = idx {
            let r = self.seq_slice(s, n)?;
            let whole = r.start == 0 && r.step == 1 && r.len == n;
            return Ok(match obj {
                Value::List(l) => {
                    let items = l.items.borrow();
                    let v: Vec<Value> = r.positions().map(|i| items[i].clone()).collect();
                    drop(items);
                    self.new_list(v)
                }
                // immutable sequences hand back themselves for a whole slice
                Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) if whole => obj.clone(),
                Value::Tuple(t) => {
                    let v = r.positions().map(|i| t.items[i].clone()).collect();
                    self.new_tuple(v)
                }
                Value::Str(s) => {
                    let chars: Vec<char> = s.v.chars().collect();
                    self.new_str(r.positions().map(|i| chars[i]).collect())
                }
                Value::Bytes(b) => self.new_bytes(r.positions().map(|i| b.v[i]).collect()),
                _ => return Err(PyError::not_subscriptable(&obj.type_name())),
            });
        }
        let Some(i) = self.index_int(idx) else {
            let kind = match obj {
                Value::List(_) => "list",
                Value::Tuple(_) => "tuple",
                Value::Str(_) => "string",
                Value::Bytes(_) => "byte",
                _ => "range",
            };
            return Err(PyError::sequence_index_type(kind, &idx.type_name()));
        };
        let i = i.to_i128_saturating();
        let k = if i < 0 { i + n as i128 } else { i };
        if k < 0 || k >= n as i128 {
            let what = match obj {
                Value::List(_) => "list",
                Value::Tuple(_) => "tuple",
                Value::Str(_) => "string",
                Value::Bytes(_) => "index",
                _ => "range object",
            };
            return Err(PyError::index(format!("{what} index out of range")));
        }
        let k = k as usize;
        Ok(match obj {
            Value::List(l) => l.items.borrow()[k].clone(),
            Value::Tuple(t) => t.items[k].clone(),
            Value::Str(s) => self.new_str(s.v.chars().nth(k).map(String::from).unwrap_or_default()),
            Value::Bytes(b) => self.new_i64(b.v[k] as i64),
            Value::Range(r) => self.new_i128(range_item(r.start, r.step, k as u128)),
            _ => return Err(PyError::not_subscriptable(&obj.type_name())),
        })
    }

    /// `range[i:j:k]`: rangeobject.c's compute_slice, the adjusted bounds mapped through the
    /// range, in 128-bit arithmetic (a range may be longer than sys.maxsize).
    fn range_slice(&mut self, rg: &PyRange, s: &PySlice) -> PyResult<Value> {
        let [a, b, c] = self.slice_bounds(s)?;
        let step = c.unwrap_or(1);
        if step == 0 {
            return Err(PyError::slice_step_cannot_be_zero());
        }
        let n = i128::try_from(range_len(rg.start, rg.stop, rg.step))
            .map_err(|_| PyError::too_large_for_ssize_t())?;
        let clamp = |x: Option<i128>, default: i128| match x {
            None => default,
            Some(x) if x < 0 => match x + n {
                x if x < 0 => -((step < 0) as i128),
                x => x,
            },
            Some(x) if x >= n => n - (step < 0) as i128,
            Some(x) => x,
        };
        let start = clamp(a, if step < 0 { n - 1 } else { 0 });
        let stop = clamp(b, if step < 0 { -1 } else { n });
        let at = |k: i128| k.checked_mul(rg.step)?.checked_add(rg.start);
        let (Some(start), Some(stop), Some(step)) =
            (at(start), at(stop), rg.step.checked_mul(step))
        else {
            return Err(PyError::too_large_for_ssize_t());
        };
        Ok(self.new_range(start, stop, step))
    }

    /// `l[i] = v` and `l[i:j:k] = iterable`.
    pub fn list_setitem(&mut self, l: &PyList, idx: &Value, v: Value) -> PyResult<()> {
        let n = l.items.borrow().len();
        if let Value::Slice(s) = idx {
            let r = self.seq_slice(s, n)?;
            let new = match &v {
                Value::List(_) | Value::Tuple(_) => self.collect(&v)?,
                other => {
                    if self.iterate(other).is_err() {
                        return Err(PyError::can_only_assign_iterable());
                    }
                    self.collect(other)?
                }
            };
            if r.step == 1 {
                let lo = r.start.max(0) as usize;
                let hi = r.stop.max(r.start).max(0) as usize;
                self.list_ass_slice(l, lo, hi, new);
                return Ok(());
            }
            if new.len() != r.len {
                return Err(PyError::extended_slice_size(new.len(), r.len));
            }
            let positions: Vec<usize> = r.positions().collect();
            let old: Vec<Value> = {
                let mut items = l.items.borrow_mut();
                positions
                    .iter()
                    .zip(new)
                    .map(|(&p, x)| std::mem::replace(&mut items[p], x))
                    .collect()
            };
            drop(old);
            return Ok(());
        }
        let Some(i) = self.index_int(idx) else {
            return Err(PyError::sequence_index_type("list", &idx.type_name()));
        };
        let i = i.to_i128_saturating();
        let k = if i < 0 { i + n as i128 } else { i };
        if k < 0 || k >= n as i128 {
            return Err(PyError::list_assignment_out_of_range());
        }
        let old = std::mem::replace(&mut l.items.borrow_mut()[k as usize], v);
        drop(old);
        Ok(())
    }

    /// `del l[i]` and `del l[i:j:k]`.
    pub fn list_delitem(&mut self, l: &PyList, idx: &Value) -> PyResult<()> {
        let n = l.items.borrow().len();
        if let Value::Slice(s) = idx {
            let r = self.seq_slice(s, n)?;
            if r.step == 1 {
                let lo = r.start.max(0) as usize;
                let hi = r.stop.max(r.start).max(0) as usize;
                self.list_ass_slice(l, lo, hi, Vec::new());
                return Ok(());
            }
            if r.len == 0 {
                return Ok(());
            }
            let mut drop_at = vec![false; n];
            for p in r.positions() {
                drop_at[p] = true;
            }
            let removed: Vec<Value> = {
                let mut items = l.items.borrow_mut();
                let all = std::mem::take(&mut *items);
                let mut removed = Vec::with_capacity(r.len);
                for (x, gone) in all.into_iter().zip(drop_at) {
                    if gone {
                        removed.push(x);
                    } else {
                        items.push(x);
                    }
                }
                removed
            };
            // list_ass_subscript sets the new size, then calls list_resize(self, size)
            let len = n - r.len;
            crate::eval::object::listobj::list_resize(l, len, len);
            drop(removed);
            return Ok(());
        }
        let Some(i) = self.index_int(idx) else {
            return Err(PyError::sequence_index_type("list", &idx.type_name()));
        };
        let i = i.to_i128_saturating();
        let k = if i < 0 { i + n as i128 } else { i };
        if k < 0 || k >= n as i128 {
            return Err(PyError::list_assignment_out_of_range());
        }
        self.list_del_item(l, k as usize);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_adjust_like_cpython() {
        // (start, stop, step, len) -> (start, stop, count), from CPython 3.11's slice.indices
        let cases = [
            ((None, None, None, 5), (0, 5, 5), "whole"),
            ((None, None, Some(-1), 5), (4, -1, 5), "reversed"),
            ((Some(-2), None, None, 5), (3, 5, 2), "from the end"),
            ((Some(10), Some(20), None, 5), (5, 5, 0), "past the end"),
            ((Some(-100), Some(100), None, 5), (0, 5, 5), "clamped"),
            ((Some(4), Some(1), Some(-1), 5), (4, 1, 3), "backwards"),
            ((None, None, Some(2), 7), (0, 7, 4), "every other"),
        ];
        for ((a, b, c, n), (s, e, count), why) in cases {
            let r = adjust_slice(a, b, c, n).expect("valid slice");
            assert_eq!((r.start, r.stop, r.len), (s, e, count), "{why}");
        }
        assert!(adjust_slice(None, None, Some(0), 5).is_err(), "zero step");
        assert!(
            adjust_slice(None, None, Some(1), 5).is_ok(),
            "control: step 1"
        );
    }
}
