//! The wasm's allocator: segregated free lists by power-of-two size class, memory from
//! `memory.grow`. About 0.5 KB of code where std's dlmalloc is ~8 KB (README, "What the
//! libraries cost").
//!
//! A request of `size` bytes aligned to `align` goes to the class `2^k`, the smallest power of
//! two ≥ `max(size, align, 8)`. Each class has a singly linked list of free blocks (the link is
//! the block's first word): `alloc` pops its class's head, `free` pushes the block back —
//! O(1), no search, no header (the layout given to `free` names the class). An empty list is
//! refilled from the end of the grown memory ("bump"), where a block of class `2^k` starts at a
//! multiple of `min(2^k, 64 KiB)`; the gap left by that alignment is split into naturally
//! aligned smaller blocks pushed onto their own lists, so nothing is lost. `realloc` keeps the
//! pointer while the new size stays in the block's class and otherwise moves the block.
//!
//! **Alignment**: every block of class `2^k` is aligned to `min(2^k, 64 KiB)`, so any
//! `Layout::align` up to 64 KiB (a wasm page) is honoured; a larger alignment is refused (null).
//!
//! **Memory bound**: a freed block is reused only by its own class; blocks are never split or
//! merged, and wasm memory never shrinks. A block of class `2^k` is taken from new memory only
//! when its list is empty, i.e. when all blocks of that class are in use, so the memory grown is
//! at most `Σ_k peak_k · 2^k` (`peak_k`: the most blocks of class `2^k` live at once; each is
//! under twice its request) plus the alignment gaps (each smaller than the block after it, and
//! itself reusable by the smaller classes) plus the last page's unused tail: at most
//! `2 · Σ_k peak_k · 2^k + 64 KiB`. Measured (README, 2026-12-04): 1.25 MiB of wasm memory after
//! the bench's loops (dlmalloc: 1.19); 19.2 MiB after a session fed 1 000 keystrokes with a text
//! growing to 1 MiB (dlmalloc: 12.3), the same after it shrinks and grows again;
//! `tests/node/memory.test.mjs` checks that repeating such a session grows nothing.

/// A wasm page: the unit of `memory.grow`, and the largest alignment a block has.
pub(crate) const PAGE: usize = 65_536;

/// The smallest block (it holds the free list's link).
const MIN: usize = 8;

/// Where the heap's memory comes from.
///
/// # Safety
/// `grow(n)` returns the address of `n · PAGE` bytes that are readable, writable, aligned to
/// [`PAGE`], not 0, and used by nothing else for as long as the heap lives (or `None`).
pub(crate) unsafe trait Pages {
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

/// The free lists and the bump region `[bump, end)` of grown memory not yet handed out.
pub(crate) struct Heap<P> {
    /// The head of each class's free list (0: empty), indexed by `k` for class `2^k`.
    free: [usize; usize::BITS as usize],
    bump: usize,
    end: usize,
    pages: P,
}

/// The class `k` (block size `2^k`) for a layout, or `None` for an alignment above a page.
fn class(size: usize, align: usize) -> Option<usize> {
    if align > PAGE {
        return None;
    }
    let n = size.max(align).max(MIN);
    Some((usize::BITS - (n - 1).leading_zeros()) as usize)
}

impl<P: Pages> Heap<P> {
    pub(crate) const fn new(pages: P) -> Self {
        Heap {
            free: [0; usize::BITS as usize],
            bump: 0,
            end: 0,
            pages,
        }
    }

    /// The address of a block for `size` bytes aligned to `align`, or 0 when memory is out.
    pub(crate) fn alloc(&mut self, size: usize, align: usize) -> usize {
        let Some(k) = class(size, align) else {
            return 0;
        };
        let Some(head) = self.free.get(k).copied() else {
            return 0;
        };
        if head == 0 {
            return self.carve(k);
        }
        // SAFETY: `head` is a free block of this heap (pushed by `push`), at least MIN bytes
        // and aligned to MIN; its first word is the list's link, written by `push`.
        let next = unsafe { core::ptr::with_exposed_provenance::<usize>(head).read() };
        if let Some(slot) = self.free.get_mut(k) {
            *slot = next;
        }
        head
    }

    /// Returns a block to its class's list.
    ///
    /// # Safety
    /// `addr` came from this heap's `alloc` or `realloc` with this `size` and `align` (the
    /// current ones after a `realloc`), and is not used after.
    pub(crate) unsafe fn free(&mut self, addr: usize, size: usize, align: usize) {
        if let Some(k) = class(size, align) {
            // SAFETY: the block is ours again (the caller's promise), of class k.
            unsafe { self.push(k, addr) };
        }
    }

    /// The block of `addr` resized to `new_size`: the same address while the class is the same,
    /// else a new block with the contents copied (0, the old block kept, when memory is out).
    ///
    /// # Safety
    /// As for [`Heap::free`]; on a non-zero result the old block is no longer the caller's
    /// (unless it is the same address).
    pub(crate) unsafe fn realloc(
        &mut self,
        addr: usize,
        size: usize,
        align: usize,
        new_size: usize,
    ) -> usize {
        if class(size, align) == class(new_size, align) {
            return addr;
        }
        let to = self.alloc(new_size, align);
        if to != 0 {
            // SAFETY: both blocks are live and distinct (the new one was free until now), the
            // old one holds `size` bytes and the new one `new_size`.
            unsafe {
                core::ptr::copy_nonoverlapping(
                    core::ptr::with_exposed_provenance::<u8>(addr),
                    core::ptr::with_exposed_provenance_mut::<u8>(to),
                    size.min(new_size),
                );
                self.free(addr, size, align);
            }
        }
        to
    }

    /// Pushes a block of class `2^k` onto its list.
    ///
    /// # Safety
    /// `addr` is a block of `2^k` bytes of this heap's memory, aligned to `min(2^k, PAGE)`, that
    /// nothing uses.
    unsafe fn push(&mut self, k: usize, addr: usize) {
        let Some(slot) = self.free.get_mut(k) else {
            return;
        };
        // SAFETY: the block is unused, at least MIN (a word) bytes and aligned to MIN.
        unsafe { core::ptr::with_exposed_provenance_mut::<usize>(addr).write(*slot) };
        *slot = addr;
    }

    /// Puts `[from, to)` of the bump region on the free lists as naturally aligned blocks.
    fn release(&mut self, mut from: usize, to: usize) {
        while from < to {
            // The largest power of two that divides `from` and fits before `to` (from and to
            // are multiples of MIN, so the piece is at least MIN).
            let mut piece = from & from.wrapping_neg();
            while piece > to - from {
                piece >>= 1;
            }
            if piece < MIN {
                return;
            }
            let k = piece.trailing_zeros() as usize;
            // SAFETY: `[from, from + piece)` is bump memory nobody was given, aligned to `piece`.
            unsafe { self.push(k, from) };
            from += piece;
        }
    }

    /// A new block of class `2^k` from the bump region, growing memory when it is short.
    fn carve(&mut self, k: usize) -> usize {
        let Some(size) = 1usize.checked_shl(k as u32) else {
            return 0;
        };
        let mask = size.min(PAGE) - 1;
        loop {
            let Some(start) = self.bump.checked_add(mask).map(|s| s & !mask) else {
                return 0;
            };
            let Some(stop) = start.checked_add(size) else {
                return 0;
            };
            if stop <= self.end {
                self.release(self.bump, start);
                self.bump = stop;
                return start;
            }
            let pages = (stop - self.end).div_ceil(PAGE);
            let Some(base) = self.pages.grow(pages) else {
                return 0;
            };
            if base != self.end {
                // Not contiguous (only the first time, or if something else grew memory): what
                // was left of the old region goes to the free lists.
                self.release(self.bump, self.end);
                self.bump = base;
            }
            let Some(end) = pages.checked_mul(PAGE).and_then(|n| base.checked_add(n)) else {
                return 0;
            };
            self.end = end;
        }
    }
}

/// The wasm's memory: `memory.grow` on memory 0.
#[cfg(target_arch = "wasm32")]
pub(crate) struct WasmPages;

// SAFETY: `memory.grow` adds pages at the end of memory 0 and returns the old size in pages;
// the new pages are zeroed, page-aligned and above the stack and data (so not at 0), and only
// this allocator grows memory or uses memory above the old end.
#[cfg(target_arch = "wasm32")]
unsafe impl Pages for WasmPages {
    fn grow(&mut self, pages: usize) -> Option<usize> {
        let old = core::arch::wasm32::memory_grow::<0>(pages);
        if old == usize::MAX {
            None
        } else {
            old.checked_mul(PAGE)
        }
    }
}

/// The `#[global_allocator]` of the wasm (`src/wasm.rs`).
#[cfg(target_arch = "wasm32")]
pub(crate) struct Global(core::cell::UnsafeCell<Heap<WasmPages>>);

#[cfg(target_arch = "wasm32")]
impl Global {
    pub(crate) const fn new() -> Self {
        Global(core::cell::UnsafeCell::new(Heap::new(WasmPages)))
    }
}

// SAFETY: wasm32-unknown-unknown without the `atomics` feature (refused below) runs one thread,
// so the heap is never reached from two threads.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for Global {}

#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("marcheck's allocator (src/heap.rs) is single-threaded: build without atomics");

// SAFETY: blocks are distinct while live, hold at least the layout's size and are aligned to it
// (or the result is null); the heap is reached only through these calls, one at a time (one
// thread, and the heap itself never allocates).
#[cfg(target_arch = "wasm32")]
unsafe impl core::alloc::GlobalAlloc for Global {
    unsafe fn alloc(&self, layout: core::alloc::Layout) -> *mut u8 {
        // SAFETY: one thread and no reentrancy: this is the only reference to the heap now.
        let heap = unsafe { &mut *self.0.get() };
        core::ptr::with_exposed_provenance_mut(heap.alloc(layout.size(), layout.align()))
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: core::alloc::Layout) {
        // SAFETY: as in `alloc`; `ptr` was allocated here with `layout` (GlobalAlloc's contract).
        unsafe {
            (*self.0.get()).free(ptr.expose_provenance(), layout.size(), layout.align());
        }
    }

    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: core::alloc::Layout,
        new_size: usize,
    ) -> *mut u8 {
        // SAFETY: as in `dealloc`.
        let to = unsafe {
            (*self.0.get()).realloc(
                ptr.expose_provenance(),
                layout.size(),
                layout.align(),
                new_size,
            )
        };
        core::ptr::with_exposed_provenance_mut(to)
    }
}

#[cfg(test)]
mod tests {
    use super::{Heap, PAGE, Pages, class};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// `pages` pages of the test's own memory, handed out in order; with `gaps`, every third
    /// grow skips a page first (memory that is not contiguous, as if something else grew it).
    struct Arena {
        base: *mut u8,
        pages: usize,
        used: std::cell::Cell<usize>,
        grows: std::cell::Cell<usize>,
        gaps: bool,
    }

    impl Arena {
        fn new(pages: usize, gaps: bool) -> Self {
            let layout = std::alloc::Layout::from_size_align(pages * PAGE, PAGE).unwrap();
            // SAFETY: a non-zero size.
            let base = unsafe { std::alloc::alloc_zeroed(layout) };
            assert!(!base.is_null());
            Arena {
                base,
                pages,
                used: 0.into(),
                grows: 0.into(),
                gaps,
            }
        }
        fn start(&self) -> usize {
            self.base.expose_provenance()
        }
    }

    impl Drop for Arena {
        fn drop(&mut self) {
            let layout = std::alloc::Layout::from_size_align(self.pages * PAGE, PAGE).unwrap();
            // SAFETY: allocated in `new` with this layout.
            unsafe { std::alloc::dealloc(self.base, layout) };
        }
    }

    // SAFETY: pages of the arena's own allocation, page-aligned, each handed out once.
    unsafe impl Pages for &Arena {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            self.grows.set(self.grows.get() + 1);
            if self.gaps && self.grows.get().is_multiple_of(3) {
                self.used.set(self.used.get() + 1);
            }
            let used = self.used.get();
            if used + pages > self.pages {
                return None;
            }
            self.used.set(used + pages);
            Some(self.start() + used * PAGE)
        }
    }

    fn bytes(addr: usize, len: usize) -> &'static mut [u8] {
        // SAFETY: (tests) a live block of the arena of at least `len` bytes, used by one test.
        unsafe { std::slice::from_raw_parts_mut(std::ptr::with_exposed_provenance_mut(addr), len) }
    }

    #[test]
    fn classes() {
        assert_eq!(class(1, 1), Some(3));
        assert_eq!(class(8, 8), Some(3));
        assert_eq!(class(9, 1), Some(4));
        assert_eq!(class(3, 64), Some(6));
        assert_eq!(class(1 << 20, 8), Some(20));
        assert_eq!(class((1 << 20) + 1, 8), Some(21));
        assert_eq!(class(8, PAGE), Some(16));
        assert_eq!(class(8, 2 * PAGE), None);
    }

    #[test]
    fn reuse_and_realloc_in_place() {
        let arena = Arena::new(64, false);
        let mut heap = Heap::new(&arena);
        let a = heap.alloc(24, 8);
        let b = heap.alloc(24, 8);
        assert_ne!(a, 0);
        assert!(b >= a + 32 || a >= b + 32);
        // SAFETY: (all below) blocks of this heap with the layouts they were made with.
        unsafe {
            // Within the class (17..=32 bytes): the same block.
            assert_eq!(heap.realloc(a, 24, 8, 32), a);
            assert_eq!(heap.realloc(a, 32, 8, 17), a);
            heap.free(a, 17, 8);
        }
        // The freed block is the next of its class.
        assert_eq!(heap.alloc(30, 4), a);
        // Out of the class: moved, contents kept, the old block reused by its class.
        bytes(b, 24).copy_from_slice(&[7; 24]);
        let c = unsafe { heap.realloc(b, 24, 8, 100) };
        assert_ne!(c, b);
        assert_eq!(bytes(c, 24), &[7; 24]);
        assert_eq!(heap.alloc(20, 8), b);
        // Alignment above a page is refused; a page's is honoured.
        assert_eq!(heap.alloc(8, 2 * PAGE), 0);
        let p = heap.alloc(8, PAGE);
        assert_ne!(p, 0);
        assert_eq!(p % PAGE, 0);
        // A block larger than the memory left: 0, and the heap still works.
        assert_eq!(heap.alloc(64 * PAGE, 8), 0);
        assert_ne!(heap.alloc(8, 8), 0);
    }

    #[test]
    fn large_blocks() {
        let arena = Arena::new(80, false);
        let mut heap = Heap::new(&arena);
        let small = heap.alloc(40, 8);
        let big = heap.alloc(3 << 20, 1);
        assert_ne!(big, 0);
        assert_eq!(big % PAGE, 0);
        assert!(big >= small + 64);
        bytes(big, 3 << 20).fill(1);
        // SAFETY: the block just made, with its layout.
        unsafe { heap.free(big, 3 << 20, 1) };
        // 4 MiB + the first page: more would not fit in 80 pages.
        assert_eq!(heap.alloc(4 << 20, 1), big);
    }

    #[derive(Debug, Clone)]
    enum Op {
        Alloc(usize, usize),
        Free(usize),
        Realloc(usize, usize),
    }

    fn size() -> impl Strategy<Value = usize> {
        prop_oneof![
            8 => 1usize..=64,
            4 => 1usize..=2_000,
            1 => 1usize..=300_000,
        ]
    }

    fn op() -> impl Strategy<Value = Op> {
        let align = prop_oneof![
            Just(1usize),
            Just(2),
            Just(4),
            Just(8),
            Just(16),
            Just(256),
            Just(4096),
            Just(PAGE),
            Just(2 * PAGE),
        ];
        prop_oneof![
            4 => (size(), align).prop_map(|(s, a)| Op::Alloc(s, a)),
            2 => any::<usize>().prop_map(Op::Free),
            3 => (any::<usize>(), size()).prop_map(|(i, s)| Op::Realloc(i, s)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Random alloc/free/realloc sequences: live blocks never overlap, lie in the arena, are
        /// aligned, keep their contents (across realloc too), and the memory grown stays within
        /// the documented bound `2 · Σ_k peak_k · 2^k + PAGE`.
        #[test]
        fn random_sequences(ops in proptest::collection::vec(op(), 1..400), gaps in any::<bool>()) {
            let arena = Arena::new(512, gaps);
            let (lo, hi) = (arena.start(), arena.start() + 512 * PAGE);
            let mut heap = Heap::new(&arena);
            // address -> (size, align, fill byte)
            let mut live: BTreeMap<usize, (usize, usize, u8)> = BTreeMap::new();
            let mut per_class = [0usize; 64];
            let mut peak = [0usize; 64];
            let mut fill = 0u8;
            let check = |live: &BTreeMap<usize, (usize, usize, u8)>, a: usize, size: usize, align: usize| {
                prop_assert!(a >= lo && a + size <= hi, "outside the arena");
                prop_assert_eq!(a % align, 0, "misaligned");
                if let Some((&p, &(s, _, _))) = live.range(..a).next_back() {
                    prop_assert!(p + s <= a, "overlaps the block before");
                }
                if let Some((&n, _)) = live.range(a..).next() {
                    prop_assert!(a + size <= n, "overlaps the block after");
                }
                Ok(())
            };
            for op in ops {
                match op {
                    Op::Alloc(size, align) => {
                        let a = heap.alloc(size, align);
                        if align > PAGE {
                            prop_assert_eq!(a, 0);
                            continue;
                        }
                        if a == 0 {
                            continue; // the arena is full
                        }
                        check(&live, a, size, align)?;
                        fill = fill.wrapping_add(1);
                        bytes(a, size).fill(fill);
                        live.insert(a, (size, align, fill));
                        let k = class(size, align).unwrap();
                        per_class[k] += 1;
                        peak[k] = peak[k].max(per_class[k]);
                    }
                    Op::Free(i) | Op::Realloc(i, _) if live.is_empty() => { let _ = i; }
                    Op::Free(i) => {
                        let (&a, &(size, align, f)) = live.iter().nth(i % live.len()).unwrap();
                        prop_assert!(bytes(a, size).iter().all(|&b| b == f), "contents lost");
                        live.remove(&a);
                        per_class[class(size, align).unwrap()] -= 1;
                        // SAFETY: a live block with its layout.
                        unsafe { heap.free(a, size, align) };
                    }
                    Op::Realloc(i, new_size) => {
                        let (&a, &(size, align, f)) = live.iter().nth(i % live.len()).unwrap();
                        // SAFETY: a live block with its layout.
                        let b = unsafe { heap.realloc(a, size, align, new_size) };
                        if b == 0 {
                            continue; // full: the old block is kept
                        }
                        live.remove(&a);
                        prop_assert!(bytes(b, size.min(new_size)).iter().all(|&x| x == f), "realloc lost contents");
                        let (old_k, new_k) = (class(size, align).unwrap(), class(new_size, align).unwrap());
                        prop_assert_eq!(b == a, old_k == new_k, "moved within its class, or kept out of it");
                        check(&live, b, new_size, align)?;
                        bytes(b, new_size).fill(f);
                        live.insert(b, (new_size, align, f));
                        per_class[old_k] -= 1;
                        per_class[new_k] += 1;
                        peak[new_k] = peak[new_k].max(per_class[new_k]);
                    }
                }
                let bound: usize = peak.iter().enumerate().map(|(k, n)| n << k).sum::<usize>() * 2 + PAGE;
                let grown = arena.used.get() * PAGE;
                if !gaps {
                    prop_assert!(grown <= bound, "grew {} bytes, bound {}", grown, bound);
                }
            }
            for (&a, &(size, _, f)) in &live {
                prop_assert!(bytes(a, size).iter().all(|&b| b == f), "contents lost");
            }
        }
    }
}
