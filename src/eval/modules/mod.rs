//! Python's standard modules that lessons import, written in Rust: `random` (MT19937,
//! bit-exact with CPython), and the native iterators of `itertools` and friends.

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::value::{IterState, PyIter, Value};

/// An iterator implemented in Rust (`itertools.count`, `collections.deque` iterators...).
pub trait NativeIter {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>>;
}

impl Interp {
    /// One step of a native iterator (its state is taken out while it runs, so it may call
    /// back into Python).
    pub(crate) fn native_next(&mut self, it: &std::rc::Rc<PyIter>) -> PyResult<Option<Value>> {
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
}
