//! The `beantwoord` command: see [`beantwoord::cli`].

/// mimalloc returns freed memory to the system sooner than glibc's malloc
/// and keeps threads apart: lower peak memory and faster parallel stages
/// (measured in `examples/bench.sh`). The library leaves the choice to its user.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    beantwoord::cli::main()
}
