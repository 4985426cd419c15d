//! Python objects ask the memory budget before they are built: a str, bytes, list or dict whose
//! size user input decides (`'a'.center(10**12)`, `bytes(10**12)`, `'%10000000000d' % 1`) is
//! CPython's `MemoryError` instead of an abort. The budget itself is the heap's one gate
//! (`Heap::fits`); this is the evaluator's door to it.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;

/// What one list slot or dict entry costs here beyond the object it refers to (a `Value` and
/// the table's share), for sizing containers against the budget.
pub(crate) const SLOT_BYTES: u128 = 16;
/// What a typical item (a small int or float object) costs, as the heap counts it (its CPython
/// size plus `heap::OBJECT_OVERHEAD`).
const ITEM_BYTES: u128 = 80;

impl Interp {
    /// Refuses to build an object of `nbytes` that would not fit in the budget, with CPython's
    /// `MemoryError` (what `PyErr_NoMemory` raises, with a message added).
    pub(crate) fn gate(&self, nbytes: u128) -> PyResult<()> {
        if self.ctx.heap.fits(nbytes) {
            Ok(())
        } else {
            Err(PyError::no_memory(nbytes))
        }
    }

    /// A container being filled item by item (a comprehension, `list(iterable)`): every
    /// 65536 items, its slots so far must fit (the items themselves were counted as they were
    /// made), so `[i for i in range(10**10)]` is a MemoryError instead of an out-of-memory kill.
    /// Also the poll for Ctrl-C while a container fills.
    pub(crate) fn check_items(&self, n: usize) -> PyResult<()> {
        if n.is_multiple_of(65_536) && n > 0 {
            self.ctx.check_interrupt()?;
            self.gate(n as u128 * SLOT_BYTES)?;
        }
        Ok(())
    }

    /// Refuses a container of `n` items up front when it cannot fit, items included (CPython
    /// preallocates from the length hint and fails the same way).
    pub(crate) fn check_item_budget(&self, n: usize) -> PyResult<()> {
        self.gate(n as u128 * (SLOT_BYTES + ITEM_BYTES))
    }

    /// An int argument that CPython converts to `Py_ssize_t` (a width, a count), with its
    /// OverflowError past the range, never silently clamped.
    pub(crate) fn ssize_arg(&self, v: &Value) -> PyResult<i64> {
        self.int_value(v, "")?
            .to_i64()
            .ok_or_else(PyError::too_large_for_ssize_t)
    }

    /// An int argument that CPython converts to a C `int` (a tab size, a `*` precision).
    pub(crate) fn c_int_arg(&self, v: &Value) -> PyResult<i64> {
        self.int_value(v, "")?
            .to_i64()
            .filter(|x| i32::try_from(*x).is_ok())
            .ok_or_else(PyError::too_large_for_c_int)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    use crate::eval::Interp;
    use crate::runtime::Heap;

    #[test]
    fn the_gate_refuses_past_the_budget_with_the_size_asked_for() {
        let interp = Interp::new(Heap::new(false, 1 << 20), Arc::new(AtomicBool::new(false)));
        let free = (1u128 << 20) - interp.ctx.heap.object_bytes() as u128;
        assert!(interp.gate(free).is_ok(), "control: what is left fits");
        let e = interp.gate(free + 1).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("MemoryError: Unable to allocate ")
                && msg.ends_with(" for a Python object"),
            "{msg}"
        );
        assert!(interp.gate(u128::MAX).is_err(), "no overflow");
    }
}
