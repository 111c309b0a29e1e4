//! Bounded caches of what a run makes more than once: the fonts of a PDF
//! (subset and compressed), the same for most of the thousands of small
//! files (one PDF per Woo document). A value is a pure function of its
//! key, so what a cache gives is what would have been made: a file's bytes
//! do not depend on what was made before it, nor on which thread.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, LazyLock, Mutex};

/// At most this many values a cache; past it, values are made and not kept.
pub const MAX: usize = 128;

/// Values by key, made once each.
pub struct Cache<K, V> {
    map: LazyLock<Mutex<HashMap<K, Arc<V>>>>,
}

impl<K, V> Default for Cache<K, V> {
    fn default() -> Self {
        Cache::new()
    }
}

impl<K, V> Cache<K, V> {
    pub const fn new() -> Self {
        Cache { map: LazyLock::new(Default::default) }
    }
}

/// The value of `key`: the one kept, or `make()` (kept when there is room).
/// Two threads may both make a value the first time; they make the same.
pub fn get_or_make<K: Hash + Eq, V, E>(
    cache: &Cache<K, V>,
    key: K,
    make: impl FnOnce() -> Result<V, E>,
) -> Result<Arc<V>, E> {
    if let Some(v) = cache.map.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(v);
    }
    let v = Arc::new(make()?);
    if let Ok(mut m) = cache.map.lock()
        && m.len() < MAX
    {
        m.insert(key, v.clone());
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_once_and_past_the_bound_made_each_time() {
        static C: Cache<usize, usize> = Cache::new();
        let made = std::cell::Cell::new(0);
        let get = |k: usize| {
            *get_or_make(&C, k, || {
                made.set(made.get() + 1);
                Ok::<_, ()>(k * 2)
            })
            .unwrap()
        };
        assert_eq!((get(1), get(1)), (2, 2));
        assert_eq!(made.get(), 1, "kept");
        for k in 0..MAX + 10 {
            assert_eq!(get(k), k * 2);
        }
        let before = made.get();
        assert_eq!(get(MAX + 5), (MAX + 5) * 2);
        assert_eq!(made.get(), before + 1, "past the bound, made again, the same");
    }
}
