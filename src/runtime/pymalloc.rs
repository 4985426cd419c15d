//! The process allocator: CPython's pymalloc for Rust's small allocations.
//!
//! A session makes and frees millions of small objects (every int of a list comprehension is
//! an `Rc` box of 48 bytes), and glibc's malloc and free took 45 % of `list(range(10**6))`
//! (perf, issue 9). Requests of at most `SMALL` bytes and alignment at most `ALIGN` are served
//! here as pymalloc serves CPython's objects: size classes of 16 bytes, 16 KiB pools of one
//! class, a LIFO free list and a bump offset per pool, the pools with room linked per class
//! (allocation takes the front one), 1 MiB arenas of pools that go back to the system when
//! their last block is freed. A block costs its class size and nothing more (glibc adds 16
//! bytes to each). Everything else goes to the system allocator, whose `realloc` can move a
//! big buffer without copying.
//!
//! The deterministic ids the session prints are not these addresses: they come from the
//! model of CPython's pymalloc in `heap`, which is what CPython would print.
//!
//! This is the crate's only `unsafe` code. Invariants:
//! 1. A block of class `c` is handed out only for a layout whose `class_of` is `Some(c)`, and
//!    `dealloc`/`realloc` are given the layout the block was allocated with (`GlobalAlloc`'s
//!    contract), so the layout alone tells whether a pointer is a pool block.
//! 2. A pool is `POOL` bytes aligned to `POOL` inside an arena of `ARENA` bytes: a block's
//!    pool header is at `ptr & !(POOL - 1)`; it points at its arena's header, which is in the
//!    arena's pool 0 after that pool's own header. An arena is cut from a system block of
//!    `ARENA + POOL` bytes with no alignment asked, so every arena's block is the same size
//!    and a freed one serves the next (an aligned request makes glibc cut odd pieces around
//!    it, and the holes freed arenas left could not take the next one).
//! 3. Pool and arena headers and the lists through them are read and written only while
//!    `LOCK` is held; a free block's first word (the next free block) likewise.
//! 4. A thread keeps up to `CACHED` freed blocks per class in its own `CACHE` (glibc's
//!    tcache, so a loop that makes and drops one int per step takes no lock); the pools count
//!    them as live. Only the owning thread touches its cache and the blocks in it; what a
//!    thread has cached when it ends stays allocated (at most `CACHED` blocks per class).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicBool, Ordering};

const ALIGN: usize = 16;
/// The largest request served from pools (pymalloc's `SMALL_REQUEST_THRESHOLD`).
const SMALL: usize = 512;
const CLASSES: usize = SMALL / ALIGN;
const POOL: usize = 16 * 1024;
const ARENA: usize = 1024 * 1024;
const POOLS_PER_ARENA: usize = ARENA / POOL;
/// Where blocks start in a pool: after its header (and in pool 0, the arena's).
const POOL_HEADER: usize = 48;
const ARENA_HEADER: usize = 64;

/// Freed blocks a thread keeps per class before giving them back to their pools.
const CACHED: u32 = 64;

struct Cache {
    heads: [*mut FreeBlock; CLASSES],
    counts: [u32; CLASSES],
}

thread_local! {
    // const and without a destructor: a plain thread-local slot, usable inside the allocator
    static CACHE: UnsafeCell<Cache> = const {
        UnsafeCell::new(Cache { heads: [null_mut(); CLASSES], counts: [0; CLASSES] })
    };
}

/// A block of `class` from this thread's cache, or null when it has none.
fn cache_pop(class: usize) -> *mut u8 {
    CACHE
        .try_with(|c| {
            // invariant 4: this thread's cache, reached by this thread only
            unsafe {
                let c = &mut *c.get();
                let b = c.heads[class];
                if !b.is_null() {
                    c.heads[class] = (*b).next;
                    c.counts[class] -= 1;
                }
                b as *mut u8
            }
        })
        .unwrap_or(null_mut())
}

/// Keeps `ptr` (a block of `class`) in this thread's cache; false when the cache is full.
fn cache_push(class: usize, ptr: *mut u8) -> bool {
    CACHE
        .try_with(|c| {
            // invariant 4
            unsafe {
                let c = &mut *c.get();
                if c.counts[class] >= CACHED {
                    return false;
                }
                let b = ptr as *mut FreeBlock;
                (*b).next = c.heads[class];
                c.heads[class] = b;
                c.counts[class] += 1;
                true
            }
        })
        .unwrap_or(false)
}

/// The process's allocator (`#[global_allocator]` in `lib.rs`).
pub struct Pymalloc;

#[repr(C)]
struct FreeBlock {
    next: *mut FreeBlock,
}

#[repr(C)]
struct PoolHeader {
    /// Freed blocks, most recently freed first.
    free: *mut FreeBlock,
    /// In the class's list of pools with room; also the link of an arena's free pools.
    prev: *mut PoolHeader,
    next: *mut PoolHeader,
    /// The arena it is in.
    arena: *mut ArenaHeader,
    /// Where the next never-used block starts.
    next_offset: u32,
    /// Blocks handed out and not freed.
    live: u32,
    class: u16,
    linked: bool,
}

#[repr(C)]
struct ArenaHeader {
    /// The system block the arena was cut from.
    raw: *mut u8,
    /// Pools given back (empty), linked through `PoolHeader::next`.
    free_pools: *mut PoolHeader,
    /// Pools never used yet: `fresh..POOLS_PER_ARENA`.
    fresh: usize,
    /// Pools holding blocks.
    used: usize,
    /// The list of arenas with a pool to give.
    next: *mut ArenaHeader,
    prev: *mut ArenaHeader,
    usable: bool,
}

const _: () = assert!(std::mem::size_of::<PoolHeader>() <= POOL_HEADER);
const _: () = assert!(std::mem::size_of::<ArenaHeader>() <= ARENA_HEADER);

struct State {
    /// Class → the pools with room, front first.
    used: [*mut PoolHeader; CLASSES],
    usable_arenas: *mut ArenaHeader,
}

struct Shared {
    lock: AtomicBool,
    state: UnsafeCell<State>,
}

// invariant 3: `state` is only reached through `Guard`, which holds `lock`
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared {
    lock: AtomicBool::new(false),
    state: UnsafeCell::new(State {
        used: [null_mut(); CLASSES],
        usable_arenas: null_mut(),
    }),
};

struct Guard;

impl Guard {
    fn lock() -> Guard {
        let mut spins = 0u32;
        while SHARED
            .lock
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            spins += 1;
            if spins < 64 {
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        Guard
    }
    #[allow(clippy::mut_from_ref)]
    fn state(&self) -> &mut State {
        // invariant 3: the lock is held for the guard's life, and one guard exists at a time
        unsafe { &mut *SHARED.state.get() }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        SHARED.lock.store(false, Ordering::Release);
    }
}

/// The size class serving `layout`, or `None` for the system allocator.
fn class_of(layout: &Layout) -> Option<usize> {
    (layout.size() <= SMALL && layout.align() <= ALIGN)
        .then(|| layout.size().max(1).div_ceil(ALIGN) - 1)
}

fn block_size(class: usize) -> usize {
    (class + 1) * ALIGN
}

fn arena_layout() -> Layout {
    // ALIGN is a power of two and ARENA + POOL fits any address space arrsh runs on
    Layout::from_size_align(ARENA + POOL, ALIGN).expect("arena layout")
}

impl State {
    unsafe fn link_pool(&mut self, pool: *mut PoolHeader) {
        unsafe {
            let class = (*pool).class as usize;
            let head = self.used[class];
            (*pool).prev = null_mut();
            (*pool).next = head;
            if !head.is_null() {
                (*head).prev = pool;
            }
            self.used[class] = pool;
            (*pool).linked = true;
        }
    }

    unsafe fn unlink_pool(&mut self, pool: *mut PoolHeader) {
        unsafe {
            let (prev, next) = ((*pool).prev, (*pool).next);
            if prev.is_null() {
                self.used[(*pool).class as usize] = next;
            } else {
                (*prev).next = next;
            }
            if !next.is_null() {
                (*next).prev = prev;
            }
            (*pool).linked = false;
        }
    }

    unsafe fn link_arena(&mut self, arena: *mut ArenaHeader) {
        unsafe {
            let head = self.usable_arenas;
            (*arena).prev = null_mut();
            (*arena).next = head;
            if !head.is_null() {
                (*head).prev = arena;
            }
            self.usable_arenas = arena;
            (*arena).usable = true;
        }
    }

    unsafe fn unlink_arena(&mut self, arena: *mut ArenaHeader) {
        unsafe {
            let (prev, next) = ((*arena).prev, (*arena).next);
            if prev.is_null() {
                self.usable_arenas = next;
            } else {
                (*prev).next = next;
            }
            if !next.is_null() {
                (*next).prev = prev;
            }
            (*arena).usable = false;
        }
    }

    /// An empty pool for `class`, linked at the front of its list; null when the system has
    /// no memory.
    unsafe fn new_pool(&mut self, class: usize) -> *mut PoolHeader {
        unsafe {
            if self.usable_arenas.is_null() {
                let raw = System.alloc(arena_layout());
                if raw.is_null() {
                    return null_mut();
                }
                let base = raw.add(raw.align_offset(POOL));
                let arena = base.add(POOL_HEADER) as *mut ArenaHeader;
                arena.write(ArenaHeader {
                    raw,
                    free_pools: null_mut(),
                    fresh: 0,
                    used: 0,
                    next: null_mut(),
                    prev: null_mut(),
                    usable: false,
                });
                self.link_arena(arena);
            }
            let arena = self.usable_arenas;
            let pool = if !(*arena).free_pools.is_null() {
                let p = (*arena).free_pools;
                (*arena).free_pools = (*p).next;
                p
            } else {
                let base = (arena as *mut u8).sub(POOL_HEADER);
                let p = base.add((*arena).fresh * POOL) as *mut PoolHeader;
                (*arena).fresh += 1;
                p
            };
            (*arena).used += 1;
            if (*arena).free_pools.is_null() && (*arena).fresh == POOLS_PER_ARENA {
                self.unlink_arena(arena);
            }
            let first = if pool as usize + POOL_HEADER == arena as usize {
                POOL_HEADER + ARENA_HEADER
            } else {
                POOL_HEADER
            };
            pool.write(PoolHeader {
                free: null_mut(),
                next_offset: first as u32,
                live: 0,
                prev: null_mut(),
                next: null_mut(),
                arena,
                class: class as u16,
                linked: false,
            });
            self.link_pool(pool);
            pool
        }
    }

    /// Gives an empty (and unlinked) pool back to its arena, and the arena back to the
    /// system when that was its last pool in use.
    unsafe fn free_pool(&mut self, pool: *mut PoolHeader) {
        unsafe {
            let arena = (*pool).arena;
            (*pool).next = (*arena).free_pools;
            (*arena).free_pools = pool;
            (*arena).used -= 1;
            if (*arena).used == 0 {
                // keep one arena in hand so a loop that makes and frees one object does not
                // ask the system each time
                let others = !(*arena).next.is_null() || !(*arena).prev.is_null();
                if (*arena).usable && others {
                    self.unlink_arena(arena);
                    System.dealloc((*arena).raw, arena_layout());
                    return;
                }
            }
            if !(*arena).usable {
                self.link_arena(arena);
            }
        }
    }

    unsafe fn alloc(&mut self, class: usize) -> *mut u8 {
        unsafe {
            let mut pool = self.used[class];
            if pool.is_null() {
                pool = self.new_pool(class);
                if pool.is_null() {
                    return null_mut();
                }
            }
            let size = block_size(class);
            let block = if !(*pool).free.is_null() {
                let b = (*pool).free;
                (*pool).free = (*b).next;
                b as *mut u8
            } else {
                let b = (pool as *mut u8).add((*pool).next_offset as usize);
                (*pool).next_offset += size as u32;
                b
            };
            (*pool).live += 1;
            if (*pool).free.is_null() && (*pool).next_offset as usize + size > POOL {
                self.unlink_pool(pool);
            }
            block
        }
    }

    unsafe fn dealloc(&mut self, ptr: *mut u8) {
        unsafe {
            let pool = (ptr as usize & !(POOL - 1)) as *mut PoolHeader;
            let block = ptr as *mut FreeBlock;
            (*block).next = (*pool).free;
            (*pool).free = block;
            (*pool).live -= 1;
            if (*pool).live == 0 {
                if (*pool).linked {
                    self.unlink_pool(pool);
                }
                self.free_pool(pool);
            } else if !(*pool).linked {
                self.link_pool(pool);
            }
        }
    }
}

unsafe impl GlobalAlloc for Pymalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class_of(&layout) {
            // invariant 1
            Some(class) => {
                let cached = cache_pop(class);
                if !cached.is_null() {
                    return cached;
                }
                unsafe { Guard::lock().state().alloc(class) }
            }
            None => unsafe { System.alloc(layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match class_of(&layout) {
            Some(_) => unsafe {
                let p = self.alloc(layout);
                if !p.is_null() {
                    p.write_bytes(0, layout.size());
                }
                p
            },
            None => unsafe { System.alloc_zeroed(layout) },
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match class_of(&layout) {
            // invariants 1 and 2: `ptr` is a block of a pool
            Some(class) => {
                if !cache_push(class, ptr) {
                    unsafe { Guard::lock().state().dealloc(ptr) }
                }
            }
            None => unsafe { System.dealloc(ptr, layout) },
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = match Layout::from_size_align(new_size, layout.align()) {
            Ok(l) => l,
            Err(_) => return null_mut(),
        };
        match (class_of(&layout), class_of(&new_layout)) {
            (None, None) => unsafe { System.realloc(ptr, layout, new_size) },
            (Some(a), Some(b)) if a == b => ptr,
            _ => unsafe {
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (size, align) → the class serving it, or None for the system allocator.
    #[test]
    fn classes_follow_pymalloc() {
        let table: &[(usize, usize, Option<usize>)] = &[
            (1, 1, Some(0)),
            (16, 8, Some(0)),
            (17, 8, Some(1)),
            (48, 8, Some(2)),
            (512, 16, Some(31)),
            (513, 8, None),
            (64, 32, None),
        ];
        for &(size, align, want) in table {
            let layout = Layout::from_size_align(size, align).unwrap();
            assert_eq!(class_of(&layout), want, "{size} bytes aligned {align}");
        }
    }

    /// Blocks of every class stay distinct while live, are reused after freeing, and a few
    /// arenas' worth come and go (the allocator under test is the process's own).
    #[test]
    fn blocks_are_distinct_and_survive_churn() {
        let mut live: Vec<Box<[u8]>> = Vec::new();
        for round in 0..3u8 {
            for size in [1usize, 8, 16, 24, 48, 100, 500, 512, 600] {
                for k in 0..5000usize {
                    let b = vec![round ^ (k as u8); size].into_boxed_slice();
                    live.push(b);
                }
            }
            for (k, b) in live.iter().enumerate().step_by(7) {
                assert!(b.iter().all(|&x| x == b[0]), "block {k} was overwritten");
            }
            live.retain(|b| b.len() % 2 == 0);
        }
        let mut addrs: Vec<usize> = live.iter().map(|b| b.as_ptr() as usize).collect();
        addrs.sort_unstable();
        addrs.dedup();
        assert_eq!(addrs.len(), live.len());
    }
}
