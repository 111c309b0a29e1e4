//! Where a build's memory may go back to the system: between its stages,
//! when what the answers stage held (its Tera values, the rendered Markdown)
//! is freed and the documents stage has not yet grown. The library makes no
//! choice of allocator; the binary says what "give it back" means for the
//! one it uses ([`on_stage_done`]).

use std::sync::OnceLock;

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Sets what is done when a stage is done (once a process; a second call
/// is ignored): for the binary, its allocator giving back the memory that
/// was freed.
pub fn on_stage_done(release: fn()) {
    let _ = RELEASE.set(release);
}

/// A stage is done: the memory it freed may go back.
pub(crate) fn stage_done() {
    if let Some(release) = RELEASE.get() {
        release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static CALLED: AtomicUsize = AtomicUsize::new(0);
    static OTHER: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn the_release_set_first_is_called_when_a_stage_is_done() {
        on_stage_done(|| {
            CALLED.fetch_add(1, Ordering::SeqCst);
        });
        on_stage_done(|| {
            OTHER.fetch_add(1, Ordering::SeqCst);
        });
        stage_done();
        stage_done();
        assert_eq!(CALLED.load(Ordering::SeqCst), 2);
        assert_eq!(OTHER.load(Ordering::SeqCst), 0);
    }
}
