//! A value computed on first use, then shared: `std::sync::OnceLock` for a `no_std` build.
//!
//! Two threads that race may both compute the value; one result is kept and the other dropped
//! (the scheme of `once_cell::race::OnceBox`). The values kept here are pure functions of data
//! built into the crate, so either result is the same.

use alloc::boxed::Box;
use core::ptr;
use core::sync::atomic::{AtomicPtr, Ordering};

pub struct Lazy<T> {
    value: AtomicPtr<T>,
    init: fn() -> T,
}

impl<T: Send + Sync> Lazy<T> {
    pub const fn new(init: fn() -> T) -> Lazy<T> {
        Lazy {
            value: AtomicPtr::new(ptr::null_mut()),
            init,
        }
    }

    pub fn get(&self) -> &T {
        let p = self.value.load(Ordering::Acquire);
        // SAFETY: a non-null pointer was stored by `compare_exchange` below from `Box::into_raw`
        // and is never freed or replaced, so it stays valid for as long as `self`.
        if let Some(v) = unsafe { p.as_ref() } {
            return v;
        }
        let fresh = Box::into_raw(Box::new((self.init)()));
        match self.value.compare_exchange(
            ptr::null_mut(),
            fresh,
            Ordering::AcqRel,
            Ordering::Acquire,
        ) {
            // SAFETY: `fresh` is now owned by `self.value` (see above).
            Ok(_) => unsafe { &*fresh },
            Err(winner) => {
                // SAFETY: `fresh` lost the race and was never shared; `winner` is as above.
                drop(unsafe { Box::from_raw(fresh) });
                unsafe { &*winner }
            }
        }
    }
}
