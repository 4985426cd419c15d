//! Data buffers: one aligned allocation per array owner, zero-filled, never grown in place, so
//! the addresses arrsh prints stay true (`renew`, for `ndarray.resize`, moves the bytes to a new
//! allocation and address, as realloc does). Large buffers are anonymous mappings advised for huge
//! pages, as NumPy does; every allocation is checked against the session's byte budget first.

use std::cell::{Cell, OnceCell, Ref, RefCell, RefMut};
use std::rc::Rc;

use bytemuck::{Pod, Zeroable};

use super::heap::Heap;
use super::origin::CopyOrigin;
use crate::error::{PyError, PyResult};

/// Buffers of this size and more are anonymous mappings with `MADV_HUGEPAGE`: a fresh 800 MB
/// buffer's first write takes ~0.22 s with huge pages and ~1.05 s without (measured here).
const MAP_THRESHOLD: usize = 1 << 20;

/// 64-byte aligned storage unit, so typed views of any numeric dtype are aligned at offset 0.
#[derive(Clone, Copy, Pod, Zeroable)]
#[repr(C, align(64))]
struct Chunk([u8; 64]);

enum Storage {
    Heap(Box<[Chunk]>),
    Mapped(memmap2::MmapMut),
}

/// A memory owner's bytes. Views share it through `Rc<Buffer>`.
pub struct Buffer {
    storage: RefCell<Storage>,
    /// Change only in `renew` (with `storage`).
    nbytes: Cell<usize>,
    model_addr: Cell<u64>,
    heap: Rc<Heap>,
    /// Set when NumPy made this buffer as a copy on its own (see `origin`); boxed, so a buffer
    /// without one pays a pointer.
    origin: OnceCell<Box<CopyOrigin>>,
}

impl Buffer {
    /// A zero-filled buffer of `nbytes`, or NumPy's `MemoryError` (its message names the shape
    /// and dtype the caller wanted) when the budget or the system refuses.
    pub fn zeroed(
        heap: &Rc<Heap>,
        nbytes: usize,
        shape: &[usize],
        dtype_name: &str,
    ) -> PyResult<Rc<Buffer>> {
        let refuse = || PyError::unable_to_allocate(nbytes as u128, shape, dtype_name);
        if !heap.try_reserve(nbytes as u64) {
            return Err(refuse());
        }
        let storage = match Self::allocate(nbytes) {
            Some(s) => s,
            None => {
                heap.release(nbytes as u64);
                return Err(refuse());
            }
        };
        let model_addr = if heap.is_real() {
            0
        } else {
            heap.buffer_address(nbytes)
        };
        Ok(Rc::new(Buffer {
            storage: RefCell::new(storage),
            nbytes: Cell::new(nbytes),
            model_addr: Cell::new(model_addr),
            heap: heap.clone(),
            origin: OnceCell::new(),
        }))
    }

    /// A buffer holding a copy of `bytes` (for `np.frombuffer`, string and bytes literals).
    pub fn from_bytes(heap: &Rc<Heap>, bytes: &[u8], dtype_name: &str) -> PyResult<Rc<Buffer>> {
        let buf = Buffer::zeroed(heap, bytes.len(), &[bytes.len()], dtype_name)?;
        buf.bytes_mut()?[..bytes.len()].copy_from_slice(bytes);
        Ok(buf)
    }

    fn allocate(nbytes: usize) -> Option<Storage> {
        if nbytes >= MAP_THRESHOLD {
            let map = memmap2::MmapOptions::new().len(nbytes).map_anon().ok()?;
            #[cfg(target_os = "linux")]
            let _ = map.advise(memmap2::Advice::HugePage);
            return Some(Storage::Mapped(map));
        }
        let chunks = nbytes.div_ceil(64).max(1);
        let mut v = Vec::new();
        v.try_reserve_exact(chunks).ok()?;
        v.resize(chunks, Chunk::zeroed());
        Some(Storage::Heap(v.into_boxed_slice()))
    }

    pub fn nbytes(&self) -> usize {
        self.nbytes.get()
    }

    /// NumPy's `PyDataMem_UserRENEW` for `ndarray.resize`: the bytes move to a new allocation
    /// of `nbytes` (the common prefix copied, growth zero-filled) with a new address, and the
    /// old one is freed. The caller makes sure no view shares this buffer (`Rc` count 1), so no
    /// layout can reach past the new end.
    pub fn renew(&self, nbytes: usize, refuse: impl Fn() -> PyError) -> PyResult<()> {
        let heap = &self.heap;
        if !heap.try_reserve(nbytes as u64) {
            return Err(refuse());
        }
        let Some(mut storage) = Self::allocate(nbytes) else {
            heap.release(nbytes as u64);
            return Err(refuse());
        };
        let old = self.nbytes.get();
        let keep = old.min(nbytes);
        storage_slice_mut(&mut storage)[..keep].copy_from_slice(&self.bytes()?[..keep]);
        // realloc: the new block is taken while the old one is still held, then the old freed
        let addr = if heap.is_real() {
            0
        } else {
            heap.buffer_address(nbytes)
        };
        *self.storage.try_borrow_mut().map_err(|_| busy())? = storage;
        heap.release(old as u64);
        if !heap.is_real() {
            heap.free_buffer_address(self.model_addr.get(), old);
        }
        self.nbytes.set(nbytes);
        self.model_addr.set(addr);
        Ok(())
    }

    /// Why this buffer holds a copy NumPy made unasked, when that is known.
    pub fn origin(&self) -> Option<&CopyOrigin> {
        self.origin.get().map(|b| &**b)
    }

    /// Records why this (fresh) buffer was made; the first record wins.
    pub fn set_origin(&self, origin: CopyOrigin) {
        let _ = self.origin.set(Box::new(origin));
    }

    /// The address arrsh shows: the model's in deterministic mode, this process's otherwise.
    pub fn address(&self) -> u64 {
        if self.heap.is_real() {
            self.real_address()
        } else {
            self.model_addr.get()
        }
    }

    fn real_address(&self) -> u64 {
        match &*self.storage.borrow() {
            Storage::Heap(b) => b.as_ptr() as u64,
            Storage::Mapped(m) => m.as_ptr() as u64,
        }
    }

    /// Shared read access. Kernels borrow inputs before outputs and copy an input that shares the
    /// output's buffer, so a conflict here is a bug reported as `RuntimeError`, never a panic.
    pub fn bytes(&self) -> PyResult<Ref<'_, [u8]>> {
        let s = self.storage.try_borrow().map_err(|_| busy())?;
        let n = self.nbytes.get();
        Ok(Ref::map(s, |s| &storage_slice(s)[..n]))
    }

    pub fn bytes_mut(&self) -> PyResult<RefMut<'_, [u8]>> {
        let s = self.storage.try_borrow_mut().map_err(|_| busy())?;
        let n = self.nbytes.get();
        Ok(RefMut::map(s, |s| &mut storage_slice_mut(s)[..n]))
    }
}

fn busy() -> PyError {
    PyError::internal("buffer already in use")
}

fn storage_slice(s: &Storage) -> &[u8] {
    match s {
        Storage::Heap(b) => bytemuck::cast_slice(b),
        Storage::Mapped(m) => m,
    }
}

fn storage_slice_mut(s: &mut Storage) -> &mut [u8] {
    match s {
        Storage::Heap(b) => bytemuck::cast_slice_mut(b),
        Storage::Mapped(m) => m,
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        self.heap.release(self.nbytes.get() as u64);
        if !self.heap.is_real() {
            self.heap
                .free_buffer_address(self.model_addr.get(), self.nbytes.get());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_are_zeroed_aligned_and_budgeted() {
        let heap = Heap::new(true, 1 << 24);
        for n in [0usize, 1, 40, 4096, MAP_THRESHOLD + 8] {
            let b = Buffer::zeroed(&heap, n, &[n], "uint8").unwrap();
            assert_eq!(b.address() % 64, 0, "{n} bytes aligned");
            assert!(b.bytes().unwrap().iter().all(|&x| x == 0));
        }
        assert_eq!(
            heap.used_bytes(),
            0,
            "dropped buffers give their bytes back"
        );
    }

    #[test]
    fn over_budget_is_numpy_memory_error() {
        let heap = Heap::new(false, 1 << 20);
        let err = Buffer::zeroed(&heap, 8 << 30, &[1 << 30], "int64")
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "MemoryError: Unable to allocate 8.00 GiB for an array with shape (1073741824,) and data type int64"
        );
        assert!(
            Buffer::zeroed(&heap, 1 << 19, &[1 << 16], "int64").is_ok(),
            "control: within budget"
        );
    }
}
