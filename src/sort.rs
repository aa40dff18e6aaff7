//! A stable insertion sort by a key computed once per element.
//!
//! The lists sorted here are short (findings, extension rows), and the standard library's
//! sorts add kilobytes of code to the wasm for each type they sort.

use alloc::vec::Vec;

/// Sorts `v` stably by `key`, computing each key once.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut keyed: Vec<(K, T)> = v.drain(..).map(|t| (key(&t), t)).collect();
    for i in 1..keyed.len() {
        let mut j = i;
        while j > 0 && keyed.get(j - 1).map(|p| &p.0) > keyed.get(j).map(|c| &c.0) {
            keyed.swap(j - 1, j);
            j -= 1;
        }
    }
    v.extend(keyed.into_iter().map(|(_, t)| t));
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
}
