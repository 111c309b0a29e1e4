//! Writes the man pages of `beantwoord` into a folder: `beantwoord.1` (the
//! options shared by all, and the list of commands) and one page per command,
//! `beantwoord-build.1`, `beantwoord-check.1`, … (git's and cargo's
//! convention). They are rendered by clap_mangen from the very clap command
//! the binary parses ([`beantwoord::cli::command`]), so they say what
//! `--help` says. `packaging/deb.sh` runs it before `cargo deb`, which
//! gzips them into the package: the English pages in `man1`, the Dutch
//! ones (the help as the command line gives it by default) in `nl/man1`.
//!
//! cargo run --example manpage -- target/man

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: manpage DIR");
        return ExitCode::from(2);
    };
    // Pages of commands since removed must not linger in the folder the
    // package takes every `*.1` from.
    if dir.exists()
        && let Err(e) = std::fs::remove_dir_all(&dir)
    {
        eprintln!("error: cannot empty {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    // English in DIR (man1), Dutch in DIR/nl (man/nl/man1): `man` picks
    // the user's language.
    let nl = dir.join("nl");
    let both = || {
        beantwoord::i18n::set(beantwoord::i18n::Lang::En);
        std::fs::create_dir_all(&dir).and_then(|()| write(&dir))?;
        beantwoord::i18n::set(beantwoord::i18n::Lang::Nl);
        std::fs::create_dir_all(&nl).and_then(|()| write(&nl))
    };
    if let Err(e) = both() {
        eprintln!("error: cannot write the man pages into {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// clap_mangen's `generate_to`, with every page's footer naming the
/// program and its version (its own puts only `check ` under a command's page).
fn write(dir: &std::path::Path) -> std::io::Result<()> {
    // `help` is a command of clap's, not a page of ours.
    let mut cmd = beantwoord::cli::command().disable_help_subcommand(true);
    cmd.build();
    let source = format!("beantwoord {}", env!("CARGO_PKG_VERSION"));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        clap_mangen::Man::new(sub.clone()).source(&source).generate_to(dir)?;
    }
    clap_mangen::Man::new(cmd).source(&source).generate_to(dir)?;
    Ok(())
}
