//! `collections.deque`: a native double-ended queue with CPython's methods, `maxlen`, indexing and repr.

use std::collections::VecDeque;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::state_of;
use crate::eval::object::value::{NativeSlots, Value};
use crate::eval::registry::Bound;
use crate::syntax::ast::CmpOp;

/// A `collections.deque`.
struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
}

impl Deque {
    fn push(&mut self, v: Value, left: bool) {
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            if left {
                self.items.pop_back();
            } else {
                self.items.pop_front();
            }
        }
        if left {
            self.items.push_front(v);
        } else {
            self.items.push_back(v);
        }
    }
}

static DEQUE_SLOTS: NativeSlots = NativeSlots {
    getitem: Some(deque_getitem),
    setitem: Some(deque_setitem),
    iter: Some(deque_iter),
    len: Some(deque_len),
    call: None,
    repr: Some(deque_repr),
    getattr: None,
    compare: Some(deque_compare),
    hash: Some(unhashable),
};

fn unhashable(_: &mut Interp, me: &Value) -> PyResult<i64> {
    Err(PyError::type_error(format!(
        "unhashable type: '{}'",
        me.type_name()
    )))
}

const DEQUE: &str = "collections.deque";

fn new_deque(it: &mut Interp, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    it.native_obj(
        DEQUE,
        &["collections.deque"],
        &DEQUE_SLOTS,
        632,
        Deque { items, maxlen },
    )
}

pub(super) fn deque_new(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let maxlen = match a.take_some("maxlen") {
        Some(m) => {
            let m = it.int_value(&m, "")?.to_i64().unwrap_or(i64::MAX);
            if m < 0 {
                return Err(PyError::value("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
        None => None,
    };
    let mut d = Deque {
        items: VecDeque::new(),
        maxlen,
    };
    if let Some(src) = a.take("iterable") {
        for v in it.collect(&src)? {
            d.push(v, false);
        }
    }
    let Deque { items, maxlen } = d;
    Ok(new_deque(it, items, maxlen))
}

pub(super) fn deque_add(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let left = a.func.ends_with("left");
    let values = if a.func.starts_with("extend") {
        let src = a.req("iterable")?;
        it.collect(&src)?
    } else {
        vec![a.req("x")?]
    };
    let mut d = state_of::<Deque>(&a.this, DEQUE)?;
    for v in values {
        d.push(v, left);
    }
    Ok(Value::None)
}

pub(super) fn deque_pop(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let mut d = state_of::<Deque>(&a.this, DEQUE)?;
    let v = if a.func == "popleft" {
        d.items.pop_front()
    } else {
        d.items.pop_back()
    };
    v.ok_or_else(PyError::pop_from_empty_deque)
}

pub(super) fn deque_misc(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let (items, maxlen) = {
        let mut d = state_of::<Deque>(&a.this, DEQUE)?;
        match a.func {
            "clear" => {
                let old = std::mem::take(&mut d.items);
                drop(d);
                drop(old);
                return Ok(Value::None);
            }
            "reverse" => {
                d.items.make_contiguous().reverse();
                return Ok(Value::None);
            }
            _ => (d.items.clone(), d.maxlen),
        }
    };
    Ok(new_deque(it, items, maxlen))
}

pub(super) fn deque_rotate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let n = it.arg_i64(&mut a, "n")?;
    let mut d = state_of::<Deque>(&a.this, DEQUE)?;
    let len = d.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    Ok(Value::None)
}

pub(super) fn deque_search(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let x = a.req("value")?;
    let items: Vec<Value> = state_of::<Deque>(&a.this, DEQUE)?
        .items
        .iter()
        .cloned()
        .collect();
    let mut count = 0;
    for (i, v) in items.iter().enumerate() {
        if it.is_same(v, &x) || it.py_eq(v, &x)? {
            match a.func {
                "index" => return Ok(it.new_i64(i as i64)),
                "remove" => {
                    state_of::<Deque>(&a.this, DEQUE)?.items.remove(i);
                    return Ok(Value::None);
                }
                _ => count += 1,
            }
        }
    }
    match a.func {
        "count" => Ok(it.new_i64(count)),
        "index" => Err(PyError::value(format!("{} is not in deque", it.repr(&x)?))),
        _ => Err(PyError::value(format!("{} is not in deque", it.repr(&x)?))),
    }
}

pub(super) fn deque_insert(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let i = a.req("index")?;
    let v = a.req("object")?;
    let i = it.int_value(&i, "")?.to_i64().unwrap_or(0);
    let mut d = state_of::<Deque>(&a.this, DEQUE)?;
    if d.maxlen.is_some_and(|m| d.items.len() >= m) {
        return Err(PyError::index("deque already at its maximum size"));
    }
    let n = d.items.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.items.insert(pos, v);
    Ok(Value::None)
}

pub(super) fn deque_maxlen(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let m = state_of::<Deque>(&a.this, DEQUE)?.maxlen;
    Ok(match m {
        Some(m) => it.new_i64(m as i64),
        None => Value::None,
    })
}

fn deque_index(it: &mut Interp, me: &Value, idx: &Value) -> PyResult<usize> {
    let n = state_of::<Deque>(me, DEQUE)?.items.len() as i64;
    let i = it
        .int_value(idx, "")
        .map_err(|_| {
            PyError::type_error(format!(
                "sequence index must be integer, not '{}'",
                idx.type_name()
            ))
        })?
        .to_i64()
        .unwrap_or(i64::MAX);
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyError::deque_index_out_of_range());
    }
    Ok(i as usize)
}

fn deque_getitem(it: &mut Interp, me: &Value, idx: &Value) -> PyResult<Value> {
    let i = deque_index(it, me, idx)?;
    Ok(state_of::<Deque>(me, DEQUE)?.items[i].clone())
}

fn deque_setitem(it: &mut Interp, me: &Value, idx: &Value, v: Value) -> PyResult<()> {
    let i = deque_index(it, me, idx)?;
    let old = std::mem::replace(&mut state_of::<Deque>(me, DEQUE)?.items[i], v);
    drop(old);
    Ok(())
}

fn deque_iter(it: &mut Interp, me: &Value) -> PyResult<Value> {
    let items: Vec<Value> = state_of::<Deque>(me, DEQUE)?
        .items
        .iter()
        .cloned()
        .collect();
    Ok(it.new_tuple(items))
}

fn deque_len(_: &mut Interp, me: &Value) -> PyResult<usize> {
    Ok(state_of::<Deque>(me, DEQUE)?.items.len())
}

fn deque_repr(it: &mut Interp, me: &Value) -> PyResult<String> {
    let (items, maxlen) = {
        let d = state_of::<Deque>(me, DEQUE)?;
        (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen)
    };
    let l = it.new_list(items);
    let body = it.repr(&l)?;
    Ok(match maxlen {
        Some(m) => format!("deque({body}, maxlen={m})"),
        None => format!("deque({body})"),
    })
}

fn deque_compare(it: &mut Interp, a: &Value, op: CmpOp, b: &Value) -> PyResult<Option<bool>> {
    if !crate::eval::modules::is_native::<Deque>(a) || !crate::eval::modules::is_native::<Deque>(b)
    {
        return Ok(match op {
            CmpOp::Eq => Some(false),
            CmpOp::NotEq => Some(true),
            _ => None,
        });
    }
    let x = deque_iter(it, a)?;
    let y = deque_iter(it, b)?;
    let r = it.compare(&x, op, &y)?;
    it.truthy(&r).map(Some)
}
