//! Putting the interpreter back in order after a cell panicked (a bug contained at the cell
//! boundary): the per-cell state a panic can leave midway is reset, the namespace is kept.

use super::Interp;

impl Interp {
    /// Resets what a cell in progress holds: expression depth, comprehension and lambda scopes,
    /// the statement's constants and the repr guards. Variables bound before the panic stay
    /// (a Python statement that raises leaves earlier bindings too); `RefCell` borrows were
    /// released by unwinding, and buffers dropped on the way gave their bytes back.
    pub fn recover_after_panic(&mut self) {
        self.depth = 0;
        self.scopes.clear();
        self.consts.clear();
        self.repr_depth = 0;
        self.repr_active.clear();
    }
}
