//! The array runtime: NumPy's ndarray model in Rust — buffers, dtypes, strided layouts, views,
//! typed kernels and NumPy-identical printing. Knows bytes, never Python syntax or the terminal.

pub mod buffer;
pub mod casting;
pub mod coverage;
pub mod datetime;
pub mod dtype;
pub mod einsum;
pub mod fancy;
pub mod fpe;
pub mod heap;
pub mod index;
pub mod join;
pub mod lapack;
pub mod layout;
pub mod origin;
pub mod overlap;
pub mod print;
// the process allocator: the crate's one module of `unsafe` code (invariants in its docs)
#[allow(unsafe_code)]
pub mod pymalloc;
pub mod random;
pub mod reshape;
pub mod resize;
pub mod scalar;
pub mod sorting;
pub mod structured;

pub use dtype::{DType, Kind};
pub use heap::{Heap, ObjId};
pub use layout::{Layout, Order, OrderArg};
pub use scalar::Scalar;

pub mod array;
pub mod kernels;

pub use array::{ArrayClass, NdArray};

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{PyError, PyResult};
use fpe::FpFlags;

/// What every runtime operation may need from the session: the memory model (ids, addresses,
/// byte budget) and the Ctrl-C flag that kernels poll between chunks.
pub struct Ctx {
    pub heap: Rc<Heap>,
    pub interrupt: Arc<AtomicBool>,
    /// The floating-point flags kernels raised since the evaluator last took them.
    fp_raised: Cell<FpFlags>,
    /// The flags anyone acts on (`np.seterr` other than 'ignore'): kernels skip the checks of
    /// the others, and all checks when there are none.
    fp_watched: Cell<FpFlags>,
}

impl Ctx {
    pub fn new(heap: Rc<Heap>, interrupt: Arc<AtomicBool>) -> Ctx {
        Ctx {
            heap,
            interrupt,
            fp_raised: Cell::new(FpFlags::NONE),
            // NumPy's default: everything but underflow warns
            fp_watched: Cell::new(FpFlags(
                FpFlags::DIVIDE.0 | FpFlags::OVERFLOW.0 | FpFlags::INVALID.0,
            )),
        }
    }

    /// Adds flags a kernel raised (only the watched ones are kept).
    #[inline]
    pub fn raise_fp(&self, flags: FpFlags) {
        let kept = flags.intersect(self.fp_watched.get().union(FpFlags::COMPLEX_CAST));
        if !kept.is_empty() {
            self.fp_raised.set(self.fp_raised.get().union(kept));
        }
    }

    /// The flags raised so far, cleared (NumPy's `npy_get_floatstatus_barrier` + clear).
    pub fn take_fp(&self) -> FpFlags {
        self.fp_raised.replace(FpFlags::NONE)
    }

    /// Whether any flag is waiting to be taken.
    #[inline(always)]
    pub fn has_fp(&self) -> bool {
        !self.fp_raised.get().is_empty()
    }

    /// The flags kernels should check for.
    #[inline]
    pub fn fp_watched(&self) -> FpFlags {
        self.fp_watched.get()
    }

    pub fn set_fp_watched(&self, flags: FpFlags) {
        self.fp_watched.set(flags);
    }

    /// `KeyboardInterrupt` if Ctrl-C was pressed since the last check (the flag is cleared).
    /// Every loop step checks: a plain load first, since a swap is a locked instruction.
    #[inline]
    pub fn check_interrupt(&self) -> PyResult<()> {
        if self.interrupt.load(Ordering::Relaxed) && self.interrupt.swap(false, Ordering::Relaxed) {
            return Err(PyError::keyboard_interrupt());
        }
        Ok(())
    }

    #[cfg(test)]
    pub fn for_tests() -> Ctx {
        Ctx::new(Heap::new(false, 1 << 32), Arc::new(AtomicBool::new(false)))
    }
}
