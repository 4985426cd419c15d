//! Where memory comes from: object ids (a model of CPython's pymalloc), data-buffer addresses (a
//! model of glibc malloc/mmap as NumPy uses it), and the byte budget that turns huge allocations
//! into `MemoryError` before the kernel is asked. One `Heap` per session: no global state.
//!
//! Deterministic mode makes the same script print the same ids and addresses on every run, with
//! the relationships CPython shows: a freed object's block is handed to the next object of the
//! same size class (LIFO), so `for i in a: print(id(i))` reuses ids. Real mode reports this
//! process's own allocations instead.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// pymalloc serves requests up to this size from pools; larger ones go to malloc.
const SMALL_REQUEST_THRESHOLD: usize = 512;
/// CPython 3.11: 16 KiB pools inside 1 MiB arenas, 48-byte pool header, 16-byte size classes.
const POOL_SIZE: u64 = 16 * 1024;
const POOL_HEADER: u64 = 48;
const ALIGNMENT: usize = 16;
/// Model addresses, shaped like a Linux x86-64 CPython process: pymalloc arenas and mmaps high,
/// the brk heap (malloc'd small buffers) low.
const ARENA_START: u64 = 0x7f3c_2a00_0000;
const MALLOC_START: u64 = 0x55d0_a000_0000;
const MMAP_TOP: u64 = 0x7f3c_4000_0000;
/// glibc serves requests of this size and more with a fresh mmap (its default threshold).
const MMAP_THRESHOLD: usize = 128 * 1024;

/// The session's memory model and byte budget.
pub struct Heap {
    real: bool,
    /// Real mode: the live blocks whose addresses are ids, freed with their objects.
    real_blocks: RefCell<HashMap<u64, Box<[u8]>>>,
    budget_bytes: Cell<u64>,
    /// Array buffers and kernel temporaries reserved now.
    used_bytes: Cell<u64>,
    /// Live Python objects: their CPython sizes plus what holding one costs here
    /// (`OBJECT_OVERHEAD`), and list buffers (`charge_objects`).
    object_bytes: Cell<u64>,
    /// The sizes of live objects too large for an `ObjId`'s size field, by address.
    large_sizes: RefCell<HashMap<u64, usize>>,
    state: RefCell<Model>,
}

/// The deterministic model's state. Everything is indexed by plain integers (size class, pool
/// number), so an allocation costs a few vector operations: list comprehensions over a million
/// items make millions of objects.
#[derive(Default)]
struct Model {
    /// Size class → pools with a free block; the LAST entry is the front of pymalloc's
    /// `usedpools` list (the pool it allocates from next).
    used_pools: Vec<Vec<u32>>,
    /// Pool number → pool; pool `k` starts at `ARENA_START + k * POOL_SIZE`.
    pools: Vec<Pool>,
    /// malloc model: exact-size free lists (LIFO) over a bump pointer.
    malloc_free: HashMap<u64, Vec<u64>>,
    malloc_next: u64,
    mmap_free: HashMap<u64, Vec<u64>>,
    mmap_next: u64,
}

struct Pool {
    class: usize,
    /// Freed blocks, most recently freed last (pymalloc's `freeblock` list is LIFO).
    free: Vec<u64>,
    next_offset: u64,
}

impl Pool {
    fn block_size(&self) -> u64 {
        ((self.class + 1) * ALIGNMENT) as u64
    }
    fn is_full(&self) -> bool {
        self.free.is_empty() && self.next_offset + self.block_size() > POOL_SIZE
    }
}

impl Heap {
    /// A heap with `budget_bytes` of array data allowed at once.
    pub fn new(real_addresses: bool, budget_bytes: u64) -> Rc<Heap> {
        let model = Model {
            used_pools: vec![Vec::new(); SMALL_REQUEST_THRESHOLD / ALIGNMENT],
            malloc_next: MALLOC_START,
            mmap_next: MMAP_TOP,
            ..Model::default()
        };
        Rc::new(Heap {
            real: real_addresses,
            real_blocks: RefCell::new(HashMap::new()),
            budget_bytes: Cell::new(budget_bytes),
            used_bytes: Cell::new(0),
            object_bytes: Cell::new(0),
            large_sizes: RefCell::new(HashMap::new()),
            state: RefCell::new(model),
        })
    }

    pub fn is_real(&self) -> bool {
        self.real
    }

    /// A new object id for an object of `size` bytes (its CPython allocation size).
    pub fn object(self: &Rc<Self>, size: usize) -> ObjId {
        let size = size.min(u32::MAX as usize);
        // counted whatever the budget says: the caller asked `fits` before building the value
        self.charge_objects(size as i128 + OBJECT_OVERHEAD);
        let addr = if self.real {
            let block = vec![0u8; size.max(1)].into_boxed_slice();
            let addr = block.as_ptr() as u64;
            self.real_blocks.borrow_mut().insert(addr, block);
            addr
        } else {
            self.state.borrow_mut().alloc_object(size)
        };
        // ObjId invariant 1: an address fits in ADDR_BITS (model addresses by construction;
        // this process's are user-space pointers, below 2^47 on x86-64 and 2^48 on aarch64)
        debug_assert!(addr <= ADDR_MASK);
        let field = if size < LARGE_SIZE as usize {
            size as u64
        } else {
            self.large_sizes.borrow_mut().insert(addr, size);
            LARGE_SIZE
        };
        ObjId {
            bits: (addr & ADDR_MASK) | field << ADDR_BITS,
            heap: Some(self.clone()),
        }
    }

    /// The size of a live object whose `ObjId` says `LARGE_SIZE`.
    fn large_size(&self, addr: u64) -> usize {
        self.large_sizes.borrow().get(&addr).copied().unwrap_or(0)
    }

    fn free_object(&self, addr: u64, size: usize) {
        self.charge_objects(-(size as i128 + OBJECT_OVERHEAD));
        if self.real {
            if let Ok(mut blocks) = self.real_blocks.try_borrow_mut() {
                blocks.remove(&addr);
            }
            return;
        }
        if let Ok(mut st) = self.state.try_borrow_mut() {
            st.free_object(addr, size);
        }
    }

    /// The model address for a new data buffer of `nbytes` (deterministic mode only).
    pub fn buffer_address(&self, nbytes: usize) -> u64 {
        self.state.borrow_mut().alloc_data(nbytes)
    }

    pub fn free_buffer_address(&self, addr: u64, nbytes: usize) {
        if let Ok(mut st) = self.state.try_borrow_mut() {
            st.free_data(addr, nbytes);
        }
    }

    /// **The allocation gate.** Whether `nbytes` more fit in the budget now, counting array
    /// buffers, kernel temporaries and live Python objects. Every allocation whose size user
    /// input decides asks here first (arrays through `try_reserve`, temporaries through
    /// `reserve`, Python objects before they are built), so a runaway size is a `MemoryError`
    /// and never an abort.
    pub fn fits(&self, nbytes: u128) -> bool {
        let live = self.used_bytes.get() as u128 + self.object_bytes.get() as u128;
        live.saturating_add(nbytes) <= self.budget_bytes.get() as u128
    }

    /// Reserves `nbytes` of the budget for an array buffer; false if they do not fit.
    pub fn try_reserve(&self, nbytes: u64) -> bool {
        if !self.fits(nbytes as u128) {
            return false;
        }
        self.used_bytes.set(self.used_bytes.get() + nbytes);
        true
    }

    /// Reserves `nbytes` for a temporary (a kernel's cast buffer) until the reservation is
    /// dropped; `None` if they do not fit.
    pub fn reserve(self: &Rc<Self>, nbytes: u128) -> Option<Reservation> {
        let n = u64::try_from(nbytes).ok()?;
        self.try_reserve(n).then(|| Reservation {
            heap: self.clone(),
            nbytes: n,
        })
    }

    pub fn release(&self, nbytes: u64) {
        self.used_bytes
            .set(self.used_bytes.get().saturating_sub(nbytes));
    }

    pub fn used_bytes(&self) -> u64 {
        self.used_bytes.get()
    }
    /// Counts `delta` more (or, negative, fewer) bytes of Python objects: a list's buffer as
    /// it grows and shrinks.
    pub fn charge_objects(&self, delta: i128) {
        let now = self.object_bytes.get() as i128 + delta;
        self.object_bytes.set(now.clamp(0, u64::MAX as i128) as u64);
    }

    /// Bytes of live Python objects, as the budget counts them.
    pub fn object_bytes(&self) -> u64 {
        self.object_bytes.get()
    }
    pub fn budget_bytes(&self) -> u64 {
        self.budget_bytes.get()
    }
    pub fn set_budget_bytes(&self, bytes: u64) {
        self.budget_bytes.set(bytes)
    }
}

impl Model {
    fn alloc_object(&mut self, size: usize) -> u64 {
        if size > SMALL_REQUEST_THRESHOLD {
            return self.alloc_malloc(size);
        }
        let class = (size.max(1) - 1) / ALIGNMENT;
        let pool_no = match self.used_pools[class].last() {
            Some(&p) => p as usize,
            None => {
                // a fresh pool from the arena, linked at the front of usedpools
                self.pools.push(Pool {
                    class,
                    free: Vec::new(),
                    next_offset: POOL_HEADER,
                });
                let p = self.pools.len() - 1;
                self.used_pools[class].push(p as u32);
                p
            }
        };
        let pool_addr = ARENA_START + pool_no as u64 * POOL_SIZE;
        let pool = &mut self.pools[pool_no];
        let addr = match pool.free.pop() {
            Some(a) => a,
            None => {
                // a pool in usedpools always has room (full pools are unlinked below)
                let a = pool_addr + pool.next_offset;
                pool.next_offset += pool.block_size();
                a
            }
        };
        if pool.is_full() {
            // pymalloc unlinks a pool as soon as it is full; it is the front one
            self.used_pools[class].pop();
        }
        addr
    }

    fn free_object(&mut self, addr: u64, size: usize) {
        if size > SMALL_REQUEST_THRESHOLD {
            return self.free_malloc(addr, size);
        }
        let Some(pool_no) = addr
            .checked_sub(ARENA_START)
            .map(|off| (off / POOL_SIZE) as usize)
        else {
            return;
        };
        let Some(pool) = self.pools.get_mut(pool_no) else {
            return;
        };
        let was_full = pool.is_full();
        pool.free.push(addr);
        if was_full {
            // pymalloc links a pool that regains a free block at the front of usedpools
            let class = pool.class;
            self.used_pools[class].push(pool_no as u32);
        }
    }

    fn alloc_malloc(&mut self, size: usize) -> u64 {
        let rounded = round_up(size + 8, ALIGNMENT) as u64;
        if let Some(a) = self.malloc_free.get_mut(&rounded).and_then(|v| v.pop()) {
            return a;
        }
        // glibc returns chunk + 16: addresses end in 0x..0 and sit 16 past the chunk header
        let a = self.malloc_next + 16;
        self.malloc_next += rounded + 16;
        a
    }

    fn free_malloc(&mut self, addr: u64, size: usize) {
        let rounded = round_up(size + 8, ALIGNMENT) as u64;
        self.malloc_free.entry(rounded).or_default().push(addr);
    }

    fn alloc_data(&mut self, nbytes: usize) -> u64 {
        if nbytes < MMAP_THRESHOLD {
            return self.alloc_malloc(nbytes.max(1));
        }
        let pages = round_up(nbytes + 16, 4096) as u64;
        if let Some(a) = self.mmap_free.get_mut(&pages).and_then(|v| v.pop()) {
            return a;
        }
        self.mmap_next -= pages;
        self.mmap_next + 16
    }

    fn free_data(&mut self, addr: u64, nbytes: usize) {
        if nbytes < MMAP_THRESHOLD {
            return self.free_malloc(addr, nbytes.max(1));
        }
        let pages = round_up(nbytes + 16, 4096) as u64;
        self.mmap_free.entry(pages).or_default().push(addr);
    }
}

fn round_up(n: usize, to: usize) -> usize {
    n.div_ceil(to) * to
}

/// What an object costs here beyond its CPython size: its reference-counted box and id (an int
/// in a list takes about 95 bytes in all, measured with `list(range(10**7))`).
pub const OBJECT_OVERHEAD: i128 = 48;

/// Budget held by a temporary: given back when dropped (also when a panic unwinds).
pub struct Reservation {
    heap: Rc<Heap>,
    nbytes: u64,
}

impl Drop for Reservation {
    fn drop(&mut self) {
        self.heap.release(self.nbytes);
    }
}

/// An object's identity: its address in the model (or in this process). Dropping it frees the
/// block, so the next object of the same size class may get the same id, as in CPython.
/// Kept to 16 bytes (an int object is an `Rc` of its id and value, 48 bytes in all): a list
/// comprehension over a million items makes a million of them.
///
/// Invariants of `bits`:
/// 1. For an object made on a heap, the low `ADDR_BITS` bits are its address and the bits
///    above its CPython size, or `LARGE_SIZE` when the heap keeps the size (`large_sizes`).
/// 2. For a static object (no heap) all 64 bits are the address; its size is 0.
pub struct ObjId {
    bits: u64,
    /// The heap to give the block back to; `None` for static objects.
    heap: Option<Rc<Heap>>,
}

const ADDR_BITS: u32 = 48;
const ADDR_MASK: u64 = (1 << ADDR_BITS) - 1;
/// The size field's value meaning "ask the heap" (sizes this large are rare: long strs, bytes).
const LARGE_SIZE: u64 = (1 << (64 - ADDR_BITS)) - 1;

impl ObjId {
    /// A statically allocated object (small ints, `None`, `True`): never freed.
    pub fn fixed(addr: u64) -> ObjId {
        // invariant 2
        ObjId {
            bits: addr,
            heap: None,
        }
    }
    pub fn addr(&self) -> u64 {
        match self.heap {
            // invariant 1
            Some(_) => self.bits & ADDR_MASK,
            None => self.bits,
        }
    }
    /// The CPython allocation size it was made with (0 for static objects).
    pub fn size(&self) -> usize {
        match &self.heap {
            Some(heap) => match self.bits >> ADDR_BITS {
                LARGE_SIZE => heap.large_size(self.addr()),
                small => small as usize,
            },
            None => 0,
        }
    }
    /// The heap the object was made on (`None` for static objects).
    pub fn heap(&self) -> Option<&Rc<Heap>> {
        self.heap.as_ref()
    }
}

impl Drop for ObjId {
    fn drop(&mut self) {
        if let Some(heap) = &self.heap {
            let addr = self.bits & ADDR_MASK;
            let size = match self.bits >> ADDR_BITS {
                LARGE_SIZE => heap.large_sizes.borrow_mut().remove(&addr).unwrap_or(0),
                small => small as usize,
            };
            heap.free_object(addr, size);
        }
    }
}

impl std::fmt::Debug for ObjId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ObjId({:#x})", self.addr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_block_is_reused_by_same_size_class() {
        let heap = Heap::new(false, 1 << 30);
        let a = heap.object(32);
        let a_addr = a.addr();
        let b = heap.object(32);
        assert_ne!(a_addr, b.addr(), "two live objects never share an id");
        drop(a);
        let c = heap.object(28); // an int: same 32-byte class as a numpy int64 scalar
        assert_eq!(c.addr(), a_addr, "LIFO reuse within the size class");
        let d = heap.object(80);
        assert_ne!(
            d.addr(),
            a_addr,
            "control: another size class does not reuse it"
        );
    }

    #[test]
    fn loop_rebinding_alternates_between_two_ids() {
        // for i in a: each new scalar is made while the previous one is still bound to i
        let heap = Heap::new(false, 1 << 30);
        let mut i = heap.object(32);
        let mut ids = vec![i.addr()];
        for _ in 0..4 {
            let next = heap.object(32);
            i = next; // old scalar freed here
            ids.push(i.addr());
        }
        assert_eq!(ids[0], ids[2]);
        assert_eq!(ids[1], ids[3]);
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn real_mode_ids_are_live_blocks_of_this_process() {
        let heap = Heap::new(true, 1 << 30);
        let a = heap.object(32);
        let b = heap.object(32);
        assert_ne!(a.addr(), b.addr(), "two live objects never share an id");
        assert_eq!(heap.real_blocks.borrow().len(), 2);
        drop(a);
        assert_eq!(heap.real_blocks.borrow().len(), 1, "freed with its object");
    }

    #[test]
    fn an_id_is_small() {
        assert_eq!(std::mem::size_of::<ObjId>(), 16);
    }

    #[test]
    fn sizes_past_the_size_field_are_kept_by_the_heap() {
        let heap = Heap::new(false, 1 << 40);
        for size in [28, LARGE_SIZE as usize - 1, LARGE_SIZE as usize, 1 << 20] {
            let before = heap.object_bytes();
            let id = heap.object(size);
            assert_eq!(id.size(), size, "size {size} reads back");
            assert!(id.addr() >= MALLOC_START, "an address, not size bits");
            drop(id);
            assert_eq!(
                heap.object_bytes(),
                before,
                "size {size} is given back whole"
            );
        }
        assert!(heap.large_sizes.borrow().is_empty(), "nothing left behind");
    }

    #[test]
    fn budget_refuses_past_the_limit() {
        let heap = Heap::new(false, 1000);
        assert!(heap.try_reserve(600));
        assert!(!heap.try_reserve(600), "would exceed");
        heap.release(600);
        assert!(heap.try_reserve(600), "control: fits after release");
        assert!(!heap.try_reserve(u64::MAX), "no overflow");
    }

    #[test]
    fn the_gate_counts_arrays_temporaries_and_objects() {
        let heap = Heap::new(false, 1000);
        let s = heap.object(652); // a 600-character str, say: 700 bytes with its overhead
        assert!(!heap.fits(400), "objects take their share");
        assert!(heap.fits(300), "control: what is left still fits");
        {
            let _tmp = heap.reserve(300).expect("fits");
            assert!(!heap.fits(1), "the temporary holds its bytes");
            assert!(heap.reserve(1).is_none());
        }
        assert!(heap.fits(300), "a dropped temporary gives them back");
        drop(s);
        assert!(heap.fits(1000), "so does a freed object");
        assert!(!heap.fits(u128::MAX), "no overflow");
        assert!(heap.reserve(u128::MAX).is_none());
    }

    #[test]
    fn large_buffers_get_page_aligned_mmap_addresses() {
        let heap = Heap::new(false, 1 << 30);
        let a = heap.buffer_address(1 << 20);
        assert_eq!(a % 4096, 16);
        heap.free_buffer_address(a, 1 << 20);
        assert_eq!(
            heap.buffer_address(1 << 20),
            a,
            "munmap then mmap of the same size"
        );
    }
}
