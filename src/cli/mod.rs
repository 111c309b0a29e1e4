//! The command line: `beantwoord check`, `build`, `send`, `new`,
//! `status` and `serve`, one file per command. Each command turns its arguments into
//! checked [`crate::settings::Settings`], asks the library
//! ([`crate::build::plan`]) and prints; a refusal is printed once, in
//! [`main`]. Exit status
//! 0 on success, 1 when the data or a template is wrong, 2 for a wrong
//! command line.

pub mod build;
pub mod check;
pub mod new;
mod parse_error;
pub mod send;
pub mod serve;
pub mod status;

use crate::backend::Format;
use crate::pipeline::Prepared;
use crate::settings::{Options, SettingsError};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "beantwoord", version, about = "Answers Kamervragen from the ministry's own records", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of the messages: nl (the default) or en; also BEANTWOORD_LANG.
    #[arg(long, global = true, value_name = "nl|en")]
    pub lang: Option<String>,
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
    /// The workbench: every document live in the browser, with the records behind each answer.
    Serve(serve::ServeArgs),
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
    /// What these options ask, for [`crate::settings::Settings::new`] to check (a
    /// `--templates` folder named must exist; the default one may not).
    pub fn options(&self) -> Options {
        Options {
            templates: self.templates.clone(),
            timing: std::env::var_os("BEANTWOORD_TIMING").is_some(),
            ..Options::new(self.data.clone())
        }
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

/// Why a command stopped before it could do its work: a mistake of the
/// command line that clap cannot see. Printed once, in [`main`]; exit 2.
#[derive(Debug)]
pub enum Failed {
    /// The settings were refused ([`crate::settings::Settings::new`]).
    Settings(SettingsError),
    /// `--dossier` ids that name no dossier, with the ids that exist.
    UnknownDossiers { unknown: Vec<String>, known: Vec<String> },
}

impl From<SettingsError> for Failed {
    fn from(e: SettingsError) -> Failed {
        Failed::Settings(e)
    }
}

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failed::Settings(e) => write!(f, "{e}"),
            Failed::UnknownDossiers { unknown, known } => f.write_str(&crate::tr!(
                "unknown-dossiers",
                ids = unknown.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", "),
                known = known.join(", ")
            )),
        }
    }
}

/// Says which dossiers' templates were not rendered because their data
/// failed to load (after the errors, which name the cause).
fn not_rendered(prepared: &Prepared) {
    if !prepared.not_rendered.is_empty() {
        eprintln!("{}", crate::tr!("not-rendered", dossiers = prepared.not_rendered.join(", ")));
    }
}

/// The command line as clap sees it, the one `main` parses, in the
/// current language: what `examples/manpage.rs` renders as the man pages,
/// so they say what `--help` says.
pub fn command() -> clap::Command {
    localized(Cli::command(), "")
}

/// `cmd` (at `path`: `build`, `status`) with its help texts from the
/// catalog: `help-<path>` for the command, `help-<path>-<id>` for each
/// option, clap's headings and its own flags in the same language.
fn localized(mut cmd: clap::Command, path: &str) -> clap::Command {
    use crate::i18n::lookup;
    let key = |rest: &str| match path {
        "" => format!("help{rest}"),
        p => format!("help-{p}{rest}"),
    };
    if let Some(about) = lookup(&key("")) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<(String, bool)> =
        cmd.get_arguments().map(|a| (a.get_id().to_string(), a.is_positional())).collect();
    for (id, positional) in ids {
        let help = lookup(&key(&format!("-{id}")));
        let heading = if positional { crate::tr!("help-arguments") } else { crate::tr!("help-options") };
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.help_heading(heading);
            // `<DIR>` is `<MAP>` in Dutch.
            let names: Vec<String> =
                a.get_value_names().unwrap_or_default().iter().map(|n| n.to_string()).collect();
            let a = match names.as_slice() {
                [one] => match lookup(&format!("value-{one}")) {
                    Some(name) => a.value_name(name),
                    None => a,
                },
                _ => a,
            };
            match help {
                // The catalog's text says the default and the values.
                Some(h) => {
                    let takes_values = a.get_action().takes_values();
                    let a = a.help(h).long_help(None);
                    match takes_values {
                        true => a.hide_default_value(true).hide_possible_values(true),
                        false => a,
                    }
                }
                None => a,
            }
        });
    }
    let top = path.is_empty();
    cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(crate::tr!("help-commands"))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            crate::tr!("help-usage")
        ))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(crate::tr!("help-flag-help"))
                .help_heading(crate::tr!("help-options")),
        );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(crate::tr!("help-flag-version"))
                .help_heading(crate::tr!("help-options")),
        );
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let sub = match path {
            "" => name.clone(),
            p => format!("{p}-{name}"),
        };
        cmd = cmd.mut_subcommand(&name, |s| localized(s, &sub));
    }
    cmd
}

/// Runs the command line; returns the exit status. The one place a
/// command's refusal is printed.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match crate::i18n::chosen(&args) {
        Ok(lang) => crate::i18n::set(lang),
        Err(lang) => {
            crate::i18n::set(crate::i18n::Lang::Nl);
            eprintln!("{}", crate::tr!("error-line", message = crate::tr!("unknown-lang", lang = lang)));
            return ExitCode::from(2);
        }
    }
    let cli = match command().try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(c) => c,
        Err(e) => return ExitCode::from(parse_error::print(&e)),
    };
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
        Command::Send(args) => send::run(args),
        Command::New(args) => new::run(args),
        Command::Status(args) => status::run(args),
        Command::Serve(args) => serve::run(args),
    };
    result.unwrap_or_else(|e| {
        eprintln!("{}", crate::tr!("error-line", message = e.to_string()));
        ExitCode::from(2)
    })
}
