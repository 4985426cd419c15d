//! The array runtime: NumPy's ndarray model in Rust — buffers, dtypes, strided layouts, views,
//! typed kernels and NumPy-identical printing. Knows bytes, never Python syntax or the terminal.

pub mod buffer;
pub mod casting;
pub mod coverage;
pub mod dtype;
pub mod fancy;
pub mod heap;
pub mod index;
pub mod join;
pub mod layout;
pub mod origin;
pub mod print;
pub mod random;
pub mod reshape;
pub mod scalar;
pub mod sorting;

pub use dtype::{DType, Kind};
pub use heap::{Heap, ObjId};
pub use layout::{Layout, Order, OrderArg};
pub use scalar::Scalar;

pub mod array;
pub mod kernels;

pub use array::NdArray;

use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{PyError, PyResult};

/// What every runtime operation may need from the session: the memory model (ids, addresses,
/// byte budget) and the Ctrl-C flag that kernels poll between chunks.
pub struct Ctx {
    pub heap: Rc<Heap>,
    pub interrupt: Arc<AtomicBool>,
}

impl Ctx {
    pub fn new(heap: Rc<Heap>, interrupt: Arc<AtomicBool>) -> Ctx {
        Ctx { heap, interrupt }
    }

    /// `KeyboardInterrupt` if Ctrl-C was pressed since the last check (the flag is cleared).
    pub fn check_interrupt(&self) -> PyResult<()> {
        if self.interrupt.swap(false, Ordering::Relaxed) {
            return Err(PyError::keyboard_interrupt());
        }
        Ok(())
    }

    #[cfg(test)]
    pub fn for_tests() -> Ctx {
        Ctx::new(Heap::new(false, 1 << 32), Arc::new(AtomicBool::new(false)))
    }
}
