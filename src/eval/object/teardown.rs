//! Dropping containers without recursion: a list nested 10**6 deep (`for i in ...: a = [a]`)
//! must not overflow the stack when it is freed, so nested containers are emptied through an
//! explicit work list (CPython's "trashcan" does the same job).

use std::rc::Rc;

use crate::eval::object::setobj::Slot;
use crate::eval::object::value::{PyDict, PyList, PySet, PyTuple, Value};

/// Takes the children out of a value that is about to be freed (only when this was the last
/// reference), so its own drop does not recurse.
fn take_children(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::List(rc) => {
            if let Ok(mut l) = Rc::try_unwrap(rc) {
                out.append(l.items.get_mut());
            }
        }
        Value::Tuple(rc) => {
            if let Ok(mut t) = Rc::try_unwrap(rc) {
                out.append(&mut t.items);
            }
        }
        Value::Dict(rc) => {
            if let Ok(mut d) = Rc::try_unwrap(rc) {
                for (k, v) in d.items.get_mut().drain(..) {
                    out.push(k);
                    out.push(v);
                }
            }
        }
        Value::Set(rc) => {
            if let Ok(mut s) = Rc::try_unwrap(rc) {
                out.extend(set_keys(&mut s));
            }
        }
        other => drop(other),
    }
}

fn drain(mut work: Vec<Value>) {
    while let Some(v) = work.pop() {
        take_children(v, &mut work);
    }
}

impl Drop for PyList {
    fn drop(&mut self) {
        super::listobj::set_capacity(self, 0);
        drain(std::mem::take(self.items.get_mut()));
    }
}

impl Drop for PyTuple {
    fn drop(&mut self) {
        drain(std::mem::take(&mut self.items));
    }
}

impl Drop for PyDict {
    fn drop(&mut self) {
        drain(
            self.items
                .get_mut()
                .drain(..)
                .flat_map(|(k, v)| [k, v])
                .collect(),
        );
    }
}

/// Takes the keys out of a set's table.
fn set_keys(s: &mut PySet) -> Vec<Value> {
    std::mem::take(&mut s.table.get_mut().slots)
        .into_iter()
        .filter_map(|slot| match slot {
            Slot::Full(_, v) => Some(v),
            _ => None,
        })
        .collect()
}

impl Drop for PySet {
    fn drop(&mut self) {
        drain(set_keys(self));
    }
}
