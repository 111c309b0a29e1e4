//! SHA-256 as lowercase hex: the hashes in `dossier.lock` of what was sent
//! (files, answers, annexes), the same a user gets from `sha256sum`.

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes`, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    out
}

/// A number of at most twelve digits (an exact number in a spreadsheet)
/// for each key, from its SHA-256: the same key always gets the same
/// number, whatever else is in `keys`, except where two keys' numbers
/// meet (about once in 10^12 pairs): then the greater key takes the next
/// free number, so that the numbers are unique and depend only on the set.
pub fn stable_numbers(keys: &[&str]) -> Vec<u64> {
    const SPAN: u64 = 1_000_000_000_000;
    let first = |k: &str| {
        let d = Sha256::digest(k.as_bytes());
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&d[..8]);
        u64::from_be_bytes(eight) % (SPAN - 1) + 1
    };
    // The digests on every core; the numbers are then taken in key order.
    let firsts: Vec<u64> = {
        use rayon::prelude::*;
        keys.par_iter().map(|k| first(k)).collect()
    };
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|a, b| keys[*a].cmp(keys[*b]));
    let mut taken = std::collections::BTreeSet::new();
    let mut out = vec![0; keys.len()];
    for i in order {
        let mut n = firsts[i];
        while !taken.insert(n) {
            n = n % (SPAN - 1) + 1;
        }
        out[i] = n;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_numbers_hold_when_keys_are_added_and_stay_unique() {
        let some = super::stable_numbers(&["a", "b", "c"]);
        let more = super::stable_numbers(&["x", "c", "a", "b", "y"]);
        assert_eq!((some[0], some[1], some[2]), (more[2], more[3], more[1]));
        assert!(some.iter().all(|n| (1..1_000_000_000_000).contains(n)));
        let many: Vec<String> = (0..5000).map(|i| format!("k{i}")).collect();
        let keys: Vec<&str> = many.iter().map(String::as_str).collect();
        let numbers = super::stable_numbers(&keys);
        let unique: std::collections::BTreeSet<_> = numbers.iter().collect();
        assert_eq!(unique.len(), keys.len());
        // The same key twice gets two numbers: a set has no duplicates.
        let twice = super::stable_numbers(&["a", "a"]);
        assert_ne!(twice[0], twice[1]);
    }

    #[test]
    fn matches_sha256sum() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
