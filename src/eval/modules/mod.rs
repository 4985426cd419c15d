//! Python's standard modules that lessons import, written in Rust, one room per module: each
//! room's `ROWS` are registry rows (`math.sqrt`, `itertools.chain`, `random.randint`), so
//! `import`, attributes, `from M import *`, `dir()` and completion all read them. This file
//! holds what the rooms share: native iterators and native objects. Each room declares its
//! module with a row (`Row::module("math")`): `import` accepts exactly the module rows.

pub mod collections;
pub mod functools;
pub mod io;
pub mod itertools;
pub mod math;
pub mod operator;
pub mod random;
pub mod sys;
pub mod time;

use std::cell::RefMut;
use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{IterState, NativeObj, NativeSlots, PyIter, Value};

/// An iterator implemented in Rust (`itertools.count`, `collections.deque` iterators...).
pub trait NativeIter {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>>;
    /// Its repr, when it has one of its own (`count(3)`); `None`: `<type object at 0x...>`.
    fn repr(&self, _interp: &mut Interp) -> Option<PyResult<String>> {
        None
    }
}

impl Interp {
    /// The own repr of a native iterator (`count(3)`, `repeat(1, 3)`), if it has one.
    pub(crate) fn native_iter_repr(&mut self, it: &PyIter) -> Option<PyResult<String>> {
        let st = it.state.try_borrow().ok()?;
        match &*st {
            IterState::Native(n) => n.repr(self),
            _ => None,
        }
    }
}

impl Interp {
    /// One step of a native iterator (its state is taken out while it runs, so it may call
    /// back into Python).
    pub(crate) fn native_next(&mut self, it: &Rc<PyIter>) -> PyResult<Option<Value>> {
        let st = std::mem::replace(&mut *it.state.borrow_mut(), IterState::Done);
        let IterState::Native(mut n) = st else {
            *it.state.borrow_mut() = st;
            return Ok(None);
        };
        let r = n.next(self);
        if let Ok(Some(_)) = &r {
            *it.state.borrow_mut() = IterState::Native(n);
        }
        r
    }

    /// A Python iterator object driven by `n`; `kind` is its type's name (`itertools.chain`).
    pub(crate) fn native_iter(&self, kind: &'static str, n: impl NativeIter + 'static) -> Value {
        self.new_iter(kind, IterState::Native(Box::new(n)))
    }

    /// An object of a type implemented here, with its state.
    pub(crate) fn native_obj<T: 'static>(
        &self,
        type_name: &'static str,
        owners: &'static [&'static str],
        slots: &'static NativeSlots,
        size: usize,
        state: T,
    ) -> Value {
        Value::Native(Rc::new(NativeObj {
            id: self.ctx.heap.object(size),
            type_name,
            owners,
            repr_head: None,
            slots,
            state: std::cell::RefCell::new(Box::new(state)),
        }))
    }
}

/// The state of a native object of type `T` (a TypeError naming `what` when it is not one).
pub(crate) fn state_of<'a, T: 'static>(v: &'a Value, what: &str) -> PyResult<RefMut<'a, T>> {
    let err = || {
        PyError::type_error(format!(
            "descriptor requires a '{what}' object but received a '{}'",
            v.type_name()
        ))
    };
    let Value::Native(n) = v else {
        return Err(err());
    };
    let state = n
        .state
        .try_borrow_mut()
        .map_err(|_| PyError::new(crate::error::ErrorKind::RuntimeError, "object busy"))?;
    RefMut::filter_map(state, |s| s.downcast_mut::<T>()).map_err(|_| err())
}

/// Whether `v` is a native object holding a `T`.
pub(crate) fn is_native<T: 'static>(v: &Value) -> bool {
    match v {
        Value::Native(n) => n.state.try_borrow().is_ok_and(|s| s.is::<T>()),
        _ => false,
    }
}
