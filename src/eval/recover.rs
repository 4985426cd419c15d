//! Putting the interpreter back in order after a cell panicked (a bug contained at the cell
//! boundary): the per-cell state a panic can leave midway is reset, the namespace is kept.

use super::Interp;

impl Interp {
    /// Resets what a cell in progress holds: the call depth, exceptions being handled and the
    /// repr guards (frames and the statement's constants were dropped by unwinding). Variables
    /// bound before the panic stay (a Python statement that raises leaves earlier bindings
    /// too); `RefCell` borrows were released by unwinding, and buffers dropped on the way gave
    /// their bytes back.
    pub fn recover_after_panic(&mut self) {
        self.call_depth = 0;
        self.exc_info.clear();
        self.raised.clear();
        self.repr_depth = 0;
        self.repr_active.clear();
    }
}
