//! The `beantwoord` command: see [`beantwoord::cli`].

/// mimalloc returns freed memory to the system sooner than glibc's malloc
/// and keeps threads apart: lower peak memory and faster parallel stages
/// (measured in `examples/bench.sh`). The library leaves the choice to its user.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Gives back what every thread freed. mimalloc 3 keeps freed memory a
/// second before it gives it back, longer than a build's answers stage
/// and checks take: without this, the documents stage grows on top of it.
fn release() {
    // SAFETY: `mi_collect` takes no pointer; each thread collects its own heap.
    rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    unsafe { libmimalloc_sys::mi_collect(true) };
}

fn main() -> std::process::ExitCode {
    beantwoord::memory::on_stage_done(release);
    beantwoord::cli::main()
}
