//! Python's set as CPython 3.11 lays it out: an open-addressing table of (hash, key) slots with
//! linear probes then perturbation, dummies left by deletions, and `set_table_resize`'s growth
//! — so iteration order, `repr` and `sys.getsizeof` (216 bytes with the 8-slot small table,
//! plus 16 per slot beyond it) all match.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::budget::SLOT_BYTES;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Row};

/// The methods of `set` and `frozenset`, bound from their CPython specs (METH_O, METH_NOARGS,
/// METH_VARARGS; CPython 3.11 shows no signature for them).
pub const ROWS: &[Row] = &[
    Row::method("set.add", "!(object, /)", add),
    Row::method("set.discard", "!(object, /)", discard),
    Row::method("set.remove", "!(object, /)", remove),
    Row::method("set.pop", "!()", pop),
    Row::method("set.clear", "!()", clear),
    Row::method("set.copy", "!()", copy).returns("set"),
    Row::method("set.update", "!(*others)", update),
    Row::method("set.union", "!(*others)", algebra),
    Row::method("set.intersection", "!(*others)", algebra),
    Row::method("set.difference", "!(*others)", algebra),
    Row::method("set.symmetric_difference", "!(other, /)", algebra),
    Row::method("set.issubset", "!(other, /)", compare),
    Row::method("set.issuperset", "!(other, /)", compare),
    Row::method("set.isdisjoint", "!(other, /)", compare),
    Row::method("frozenset.copy", "!()", copy),
    Row::method("frozenset.union", "!(*others)", algebra),
    Row::method("frozenset.intersection", "!(*others)", algebra),
    Row::method("frozenset.difference", "!(*others)", algebra),
    Row::method("frozenset.symmetric_difference", "!(other, /)", algebra),
    Row::method("frozenset.issubset", "!(other, /)", compare),
    Row::method("frozenset.issuperset", "!(other, /)", compare),
    Row::method("frozenset.isdisjoint", "!(other, /)", compare),
];

/// The receiver: any set or frozenset, or (`mutable`) a set only, as the descriptor checks.
fn this_set(a: &Bound, mutable: bool) -> PyResult<Rc<PySet>> {
    match &a.this {
        Value::Set(st) if !(mutable && st.frozen) => Ok(st.clone()),
        other => Err(PyError::descriptor_mismatch(
            a.func,
            "set",
            &other.type_name(),
        )),
    }
}

fn add(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_set(&a, true)?;
    it.set_add(&s, a.req("object")?)?;
    Ok(Value::None)
}

fn discard(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_set(&a, true)?;
    it.set_discard(&s, &a.req("object")?)?;
    Ok(Value::None)
}

fn remove(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_set(&a, true)?;
    let v = a.req("object")?;
    if !it.set_discard(&s, &v)? {
        return Err(it.missing_key(&v)?);
    }
    Ok(Value::None)
}

fn pop(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = this_set(&a, true)?;
    let Some(v) = Interp::set_items(&s).into_iter().next() else {
        return Err(PyError::key_error("'pop from an empty set'"));
    };
    it.set_discard(&s, &v)?;
    Ok(v)
}

fn clear(_: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = this_set(&a, true)?;
    let old = std::mem::take(&mut *s.table.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn copy(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = this_set(&a, false)?;
    if s.frozen {
        return Ok(Value::Set(s));
    }
    it.set_from(Some(&Value::Set(s)), false)
}

fn update(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let s = this_set(&a, true)?;
    for o in &a.star {
        it.set_update(&s, o)?;
    }
    Ok(Value::None)
}

fn algebra(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_set(&a, false)?;
    let others = match a.take("other") {
        Some(o) => vec![o],
        None => std::mem::take(&mut a.star),
    };
    it.set_algebra(&s, a.func, &others)
}

/// `issubset`, `issuperset`, `isdisjoint`.
fn compare(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let s = this_set(&a, false)?;
    let other = it.set_from(Some(&a.req("other")?), true)?;
    let Value::Set(other) = other else {
        return Ok(Value::Bool(false));
    };
    let (small, big, want) = match a.func {
        "issubset" => (s, other, true),
        "issuperset" => (other, s, true),
        _ => (s, other, false),
    };
    for x in Interp::set_items(&small) {
        if it.set_contains(&big, &x)? != want {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

/// A set's hash table.
#[derive(Clone)]
pub struct SetTable {
    pub slots: Vec<Slot>,
    /// Full plus dummy slots.
    pub fill: usize,
    /// Full slots (`len(s)`).
    pub used: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
        }
    }
}

impl SetTable {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The keys in table order (the order `for x in s` sees).
    pub fn keys(&self) -> Vec<Value> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Full(_, v) => Some(v.clone()),
                _ => None,
            })
            .collect()
    }

    /// `set_insert_clean`: the first empty slot on the key's probe sequence.
    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Full(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(slots[i + j], Slot::Empty) {
                        slots[i + j] = Slot::Full(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize(so, minused)`: the smallest power of two above `minused` (at least
    /// 8), entries reinserted in old table order, dummies dropped.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        for s in old {
            if let Slot::Full(h, v) = s {
                Self::insert_clean(&mut self.slots, h, v);
            }
        }
        self.fill = self.used;
    }

    /// `sys.getsizeof`.
    pub fn sizeof(&self) -> usize {
        216 + if self.slots.len() > MINSIZE {
            self.slots.len() * 16
        } else {
            0
        }
    }
}

impl Interp {
    pub fn new_set_object(&self, frozen: bool) -> Rc<PySet> {
        Rc::new(PySet {
            id: self.ctx.heap.object(216),
            table: RefCell::new(SetTable::default()),
            frozen,
        })
    }

    /// The probe sequence of `set_add_entry`/`set_lookkey`: the slot holding an equal key, or
    /// where a new key would go (the first dummy seen, else the empty slot that ends the
    /// search).
    fn set_probe(&mut self, s: &PySet, hash: i64, key: &Value) -> PyResult<(usize, bool)> {
        enum Seen {
            Empty,
            Dummy,
            Other,
            SameHash(Value),
        }
        let mask = s.table.borrow().mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                let seen = match &s.table.borrow().slots[i + j] {
                    Slot::Empty => Seen::Empty,
                    Slot::Dummy => Seen::Dummy,
                    Slot::Full(h, v) if *h == hash => Seen::SameHash(v.clone()),
                    Slot::Full(..) => Seen::Other,
                };
                match seen {
                    Seen::Empty => return Ok((freeslot.unwrap_or(i + j), false)),
                    Seen::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(i + j);
                        }
                    }
                    Seen::SameHash(v) => {
                        if self.is_same(&v, key) || self.py_eq(&v, key)? {
                            return Ok((i + j, true));
                        }
                    }
                    Seen::Other => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set.add(key)` (`set_add_entry`).
    pub fn set_add(&mut self, s: &PySet, key: Value) -> PyResult<()> {
        let hash = self.py_hash(&key)?;
        let (pos, found) = self.set_probe(s, hash, &key)?;
        if found {
            return Ok(());
        }
        let mut t = s.table.borrow_mut();
        let was_dummy = matches!(t.slots[pos], Slot::Dummy);
        t.slots[pos] = Slot::Full(hash, key);
        t.used += 1;
        if was_dummy {
            return Ok(());
        }
        t.fill += 1;
        let mask = t.mask();
        if t.fill * 5 >= mask * 3 {
            let used = t.used;
            let minused = if used > 50_000 { used * 2 } else { used * 4 };
            // the bigger table must fit in the budget (a refusal leaves the set as it is:
            // the item is in, and the table still has empty slots)
            drop(t);
            self.gate(minused as u128 * 2 * SLOT_BYTES)?;
            s.table.borrow_mut().resize(minused);
        }
        Ok(())
    }

    /// Whether `key` is in the set.
    pub fn set_contains(&mut self, s: &PySet, key: &Value) -> PyResult<bool> {
        let hash = self.py_hash(key)?;
        Ok(self.set_probe(s, hash, key)?.1)
    }

    /// `set.discard(key)`: leaves a dummy; true when something was removed.
    pub fn set_discard(&mut self, s: &PySet, key: &Value) -> PyResult<bool> {
        let hash = self.py_hash(key)?;
        let (pos, found) = self.set_probe(s, hash, key)?;
        if found {
            let old = {
                let mut t = s.table.borrow_mut();
                t.used -= 1;
                std::mem::replace(&mut t.slots[pos], Slot::Dummy)
            };
            drop(old);
        }
        Ok(found)
    }

    /// `set_merge(so, other)` for another set or frozenset.
    fn set_merge(&mut self, so: &PySet, other: &PySet) -> PyResult<()> {
        let ot = other.table.borrow().clone();
        if ot.used == 0 {
            return Ok(());
        }
        {
            let mut t = so.table.borrow_mut();
            if (t.fill + ot.used) * 5 >= t.mask() * 3 {
                let n = (t.used + ot.used) * 2;
                t.resize(n);
            }
            if t.fill == 0 && t.mask() == ot.mask() && ot.fill == ot.used {
                *t = ot;
                return Ok(());
            }
            if t.fill == 0 {
                for s in ot.slots {
                    if let Slot::Full(h, v) = s {
                        SetTable::insert_clean(&mut t.slots, h, v);
                    }
                }
                t.fill = ot.used;
                t.used = ot.used;
                return Ok(());
            }
        }
        for v in ot.keys() {
            self.set_add(so, v)?;
        }
        Ok(())
    }

    /// `set_update_internal(so, iterable)`.
    pub fn set_update(&mut self, so: &PySet, iterable: &Value) -> PyResult<()> {
        match iterable {
            Value::Set(o) => {
                let o = o.clone();
                self.set_merge(so, &o)
            }
            Value::Dict(d) => {
                let n = d.items.borrow().len();
                {
                    let mut t = so.table.borrow_mut();
                    if (t.fill + n) * 5 >= t.mask() * 3 {
                        let m = (t.used + n) * 2;
                        t.resize(m);
                    }
                }
                let keys: Vec<Value> = d.items.borrow().iter().map(|(k, _)| k.clone()).collect();
                for k in keys {
                    self.set_add(so, k)?;
                }
                Ok(())
            }
            other => {
                let mut it = self.iterate(other)?;
                while let Some(x) = it.next(self)? {
                    self.set_add(so, x)?;
                    let n = so.table.borrow().used;
                    self.check_items(n)?;
                }
                Ok(())
            }
        }
    }

    /// `set(iterable)` / `frozenset(iterable)`.
    pub fn set_from(&mut self, iterable: Option<&Value>, frozen: bool) -> PyResult<Value> {
        if frozen
            && let Some(v @ Value::Set(s)) = iterable
            && s.frozen
        {
            return Ok(v.clone());
        }
        let s = self.new_set_object(frozen);
        if let Some(it) = iterable {
            self.set_update(&s, it)?;
        }
        Ok(Value::Set(s))
    }

    /// A set display or comprehension: each item added in turn (`BUILD_SET`, `SET_ADD`) —
    /// except that more than two constants are one `SET_UPDATE` of a constant frozenset.
    pub fn set_display(&mut self, items: Vec<Value>, all_const: bool) -> PyResult<Value> {
        let s = self.new_set_object(false);
        if items.len() > 2 && all_const {
            let f = self.new_set_object(true);
            for v in items {
                self.set_add(&f, v)?;
            }
            self.set_merge(&s, &f)?;
            return Ok(Value::Set(s));
        }
        for v in items {
            self.set_add(&s, v)?;
        }
        Ok(Value::Set(s))
    }

    /// Items of a set in iteration order.
    pub fn set_items(s: &PySet) -> Vec<Value> {
        s.table.borrow().keys()
    }

    /// `a == b` for sets: same size and every item of `a` in `b`.
    pub fn set_equal(&mut self, a: &PySet, b: &PySet) -> PyResult<bool> {
        if a.table.borrow().used != b.table.borrow().used {
            return Ok(false);
        }
        for x in Self::set_items(a) {
            if !self.set_contains(b, &x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` (the result has `a`'s kind); `None` for other
    /// operators.
    pub fn set_binary(
        &mut self,
        a: &Rc<PySet>,
        op: crate::syntax::ast::BinOp,
        b: &Rc<PySet>,
    ) -> PyResult<Option<Value>> {
        use crate::syntax::ast::BinOp;
        let name = match op {
            BinOp::BitOr => "union",
            BinOp::BitAnd => "intersection",
            BinOp::Sub => "difference",
            BinOp::BitXor => "symmetric_difference",
            _ => return Ok(None),
        };
        let r = self.set_algebra(a, name, &[Value::Set(b.clone())])?;
        Ok(Some(r))
    }

    /// `union`, `intersection`, `difference`, `symmetric_difference` of `s` with `others`
    /// (the result has `s`'s kind).
    fn set_algebra(&mut self, s: &Rc<PySet>, name: &str, others: &[Value]) -> PyResult<Value> {
        let r = self.new_set_object(s.frozen);
        if name == "union" {
            self.set_update(&r, &Value::Set(s.clone()))?;
            for o in others {
                self.set_update(&r, o)?;
            }
            return Ok(Value::Set(r));
        }
        let mut keep = Self::set_items(s);
        for o in others {
            let os = self.set_from(Some(o), true)?;
            let Value::Set(os) = os else { continue };
            let mut next = Vec::new();
            for x in keep {
                let inside = self.set_contains(&os, &x)?;
                if inside == (name == "intersection") {
                    next.push(x);
                }
            }
            if name == "symmetric_difference" {
                for y in Self::set_items(&os) {
                    if !self.set_contains(s, &y)? {
                        next.push(y);
                    }
                }
            }
            keep = next;
        }
        for x in keep {
            self.set_add(&r, x)?;
        }
        Ok(Value::Set(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_sizes_follow_set_table_resize() {
        let mut t = SetTable::default();
        assert_eq!(t.sizeof(), 216, "the small table is inside the object");
        t.used = 5;
        t.resize(20);
        assert_eq!(t.slots.len(), 32, "minused 20 -> 32 slots");
        assert_eq!(t.sizeof(), 216 + 32 * 16);
        t.resize(7);
        assert_eq!(t.slots.len(), 8, "control: 7 fits the small table");
    }
}
