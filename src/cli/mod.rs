//! The command line: `beantwoord check` and `beantwoord build`, one file per
//! command. Exit status 0 on success, 1 when the data or a template is wrong,
//! 2 for a wrong command line.

pub mod build;
pub mod check;
pub mod settings;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "beantwoord", version, about = "Answers Kamervragen from the ministry's own records", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the records, the dossiers and their templates; write nothing.
    Check(check::CheckArgs),
    /// Render the answers and annexes of every dossier (or those named).
    Build(build::BuildArgs),
}

/// Options shared by every command.
#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// The data folder (records/ and dossiers/).
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
    /// Document templates that override the built-in ones [default: templates/ beside the data folder].
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs the command line; returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
    }
}
