#!/usr/bin/env bash
# Makes the Debian package: target/debian/beantwoord_<version>-1_<arch>.deb,
# to be installed where there is no Rust toolchain with
#   sudo apt install ./target/debian/beantwoord_*.deb
# It holds the binary, its man pages and the bundled example (see
# [package.metadata.deb] in Cargo.toml). Needs cargo-deb:
#   cargo install cargo-deb --locked
# Arguments are passed to `cargo deb` (e.g. `-o DIR`, `--fast`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo=${CARGO:-cargo}

if ! command -v cargo-deb >/dev/null; then
    echo "error: cargo-deb is not installed" >&2
    echo "  hint: cargo install cargo-deb --locked" >&2
    exit 1
fi

# The release binary first, so that cargo deb packages it as built here.
"$cargo" build --release --locked
# The man pages from the clap command the binary parses (clap_mangen, a
# dev-dependency: the dev profile, which `cargo test` has usually built).
"$cargo" run --quiet --locked --example manpage -- target/man
"$cargo" deb --no-build --locked "$@"
