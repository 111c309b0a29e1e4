//! The command line: `beantwoord check`, `build`, `send`, `new` and
//! `status`, one file per command. Raw arguments become checked [`crate::settings::Settings`] before
//! any work starts; the shared stages are in [`crate::pipeline`]. Exit status
//! 0 on success, 1 when the data or a template is wrong, 2 for a wrong
//! command line.

pub mod build;
pub mod check;
pub mod new;
pub mod send;
pub mod status;

use crate::backend::Format;
use crate::pipeline::Prepared;
use crate::settings::{Settings, templates_beside};
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
    /// Build one dossier and record what is sent (dossier.lock): sent answers are never rewritten.
    Send(send::SendArgs),
    /// Start a dossier from the Kamer's XML of a question set (kv-tk-… or ah-tk-…).
    New(new::NewArgs),
    /// One line per dossier: due date, days left or late, delay notices, answered, sent.
    Status(status::StatusArgs),
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

impl DataArgs {
    /// The settings these options decide. A `--templates` folder named on
    /// the command line must exist; the default one may not.
    pub fn settings(&self) -> Result<Settings, UsageError> {
        let mut s = Settings::new(self.data.clone());
        s.timing = std::env::var_os("BEANTWOORD_TIMING").is_some();
        match &self.templates {
            Some(t) if !t.is_dir() => return Err(UsageError::NoTemplatesFolder(t.clone())),
            Some(t) => s.templates = t.clone(),
            None => s.templates = templates_beside(&self.data),
        }
        Ok(s)
    }
}

/// An output format on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Markdown with pandoc front matter (antwoord.md, bijlagen.md)
    Md,
    /// PDF, A4 (antwoord.pdf, bijlagen.pdf)
    Pdf,
    /// One self-contained, accessible HTML file per document
    Html,
    /// Word documents for the approval chain (not made unless asked for)
    Docx,
}

impl FormatArg {
    pub fn format(self) -> Format {
        match self {
            FormatArg::Md => Format::Md,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Html => Format::Html,
            FormatArg::Docx => Format::Docx,
        }
    }
}

/// A mistake of the command line that clap cannot see.
#[derive(Debug)]
pub enum UsageError {
    /// `--templates` names a folder that is not there.
    NoTemplatesFolder(PathBuf),
    /// An output folder is, contains or lies inside another folder of the run.
    OutputOverlaps { flag: &'static str, out: PathBuf, what: &'static str, other: PathBuf },
}

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UsageError::NoTemplatesFolder(p) => write!(
                f,
                "--templates {}: no such folder\n  hint: leave --templates out to use templates/ beside the data folder (or the built-in templates)",
                p.display()
            ),
            UsageError::OutputOverlaps { flag, out, what, other } => write!(
                f,
                "{flag} {}: the output folder may not be, contain or lie inside {what} ({})\n  hint: the tool replaces and removes files in its output folders; give it a folder of its own, e.g. `{flag} output`",
                out.display(),
                other.display()
            ),
        }
    }
}

/// A mistake of the command line: said once, exit status 2.
fn usage_error(e: &UsageError) -> i32 {
    eprintln!("error: {e}");
    2
}

/// `--dossier` ids that name no dossier: exit status 2, the known ids as a hint.
fn unknown_dossiers(prepared: &Prepared) -> i32 {
    let known: Vec<&str> = prepared.project.dossiers.iter().map(|d| d.id.value.as_str()).collect();
    eprintln!(
        "error: no dossier with id {}\n  hint: the dossiers are: {}",
        prepared.unknown_dossiers.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", "),
        known.join(", ")
    );
    2
}

/// Says which dossiers' templates were not rendered because their data
/// failed to load (after the errors, which name the cause).
fn not_rendered(prepared: &Prepared) {
    if !prepared.not_rendered.is_empty() {
        eprintln!(
            "note: the answers of {} were not rendered: fix the errors above, and their templates are checked",
            prepared.not_rendered.join(", ")
        );
    }
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
        Command::Send(args) => send::run(args),
        Command::New(args) => new::run(args),
        Command::Status(args) => status::run(args),
    }
}
