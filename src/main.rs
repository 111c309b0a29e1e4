//! The `beantwoord` command: see [`beantwoord::cli`].

fn main() {
    std::process::exit(beantwoord::cli::main());
}
