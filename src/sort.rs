//! A stable sort by a key computed once per element.
//!
//! The standard library's sorts add kilobytes of code to the wasm for each type they sort, so
//! this is one small merge sort of positions: the keys are computed once, the positions (plain
//! `usize`s) are merged bottom-up, and the elements are moved once, into their place. A form of
//! 200 rows can give hundreds of findings, so the cost must stay `n log n`.

use alloc::vec;
use alloc::vec::Vec;

/// Sorts `v` stably by `key`, computing each key once.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let before = |a: usize, b: usize| keys.get(a) < keys.get(b);
    let mut order: Vec<usize> = (0..n).collect();
    let mut spare = vec![0; n];
    let mut width = 1;
    while width < n {
        // Merge each pair of sorted runs `[lo, mid)` and `[mid, hi)` of `order` into `spare`.
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut l, mut r) = (lo, mid);
            for slot in spare.get_mut(lo..hi).unwrap_or_default() {
                let a = order.get(l).copied().unwrap_or(0);
                let b = order.get(r).copied().unwrap_or(0);
                // Ties take the left run first: that keeps the sort stable.
                let take_left = l < mid && (r >= hi || !before(b, a));
                *slot = if take_left {
                    l += 1;
                    a
                } else {
                    r += 1;
                    b
                };
            }
            lo = hi;
        }
        core::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| items.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut e: Vec<u8> = vec![];
        super::sort_by_key(&mut e, |x| *x);
        assert!(e.is_empty());
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u32;
        for n in [1, 2, 3, 7, 8, 9, 31, 64, 100, 513] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 13, i)
                })
                .collect();
            let mut ours = v.clone();
            super::sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }
}
