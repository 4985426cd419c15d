//! Recursion guards for operations that walk into containers (`==`, `<`, `in`, `.count`,
//! repr): CPython's `Py_EnterRecursiveCall`. Self-referencing or very deep containers give
//! CPython's `RecursionError`, never a stack overflow: each level also runs on a stack that
//! grows on demand (`stacker`), so the depth limit, not the thread's stack, decides.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;

/// Nesting allowed before `RecursionError` (CPython's default recursion limit).
pub(crate) const MAX_NESTING: usize = 1000;
/// Below this much free stack, the next level moves to a new segment. A level is a handful of
/// frames (compare → py_eq → seq_eq → compare); a debug build needs a few KB for them.
const STACK_RED_ZONE: usize = 256 << 10;
/// The size of such a segment: mapped lazily, so only the pages used cost memory.
const STACK_SEGMENT: usize = 8 << 20;

/// What a guarded level is doing, for CPython's message.
#[derive(Clone, Copy)]
pub(crate) enum Nesting {
    /// `==`, `<`, `in`, `.count`, `.index`: " in comparison".
    Comparison,
    /// repr and str: " while getting the repr of an object".
    Repr,
    /// IPython's pretty printer (Python code): " while calling a Python object".
    Pretty,
    /// `BaseExceptionGroup.split`/`subgroup` into nested groups.
    Split,
    /// `except*`'s re-raise collecting a group's leaves.
    LeafIds,
}

impl Interp {
    /// Runs one level of a container walk under the recursion limit, on enough stack.
    pub(crate) fn nested<T>(
        &mut self,
        what: Nesting,
        f: impl FnOnce(&mut Interp) -> PyResult<T>,
    ) -> PyResult<T> {
        if self.repr_depth >= MAX_NESTING {
            return Err(match what {
                Nesting::Comparison => PyError::recursion_in_comparison(),
                Nesting::Repr => PyError::recursion_while_getting_repr(),
                Nesting::Pretty => PyError::recursion_depth(" while calling a Python object"),
                Nesting::Split => PyError::recursion_depth(" in exceptiongroup_split_recursive"),
                Nesting::LeafIds => {
                    PyError::recursion_depth(" in collect_exception_group_leaf_ids")
                }
            });
        }
        self.repr_depth += 1;
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || f(self));
        self.repr_depth -= 1;
        r
    }
}
