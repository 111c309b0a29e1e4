//! `beantwoord send ID`: the answers go out. Builds the dossier like
//! `build` (what sending means is [`crate::sent`]), then records what was
//! sent in `dossiers/<id>/dossier.lock` (the hash of every public file, of
//! each answer and annex, and the Woo numbers given). From then on its sent
//! files are never rewritten: a correction makes a follow-up answer
//! (`nader/`), which `send --nader ID` sends and records in `nader.lock`.

use super::{DataArgs, Failed, FormatArg};
use crate::settings::{Mode, Options, Settings};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct SendArgs {
    /// The dossier whose answers are sent (its id, e.g. 2022Z21205).
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub data: DataArgs,
    /// The public output folder.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Output format (repeatable) [default: every format]; each file made is recorded.
    #[arg(long = "format", value_enum, value_name = "FORMAT")]
    pub formats: Vec<FormatArg>,
    /// Print only problems and the one-line summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// List the files for scripts: one `WORD<TAB>PATH` line each, the words
    /// `new`, `changed`, `unchanged`, `removed`, `sent` (`would-add`,
    /// `would-change`, `would-remove` with --dry-run) in every language.
    #[arg(long)]
    pub machine: bool,
    /// Send the dossier's follow-up answer (`nader/`), after its first answers.
    #[arg(long)]
    pub nader: bool,
}

pub fn run(args: SendArgs) -> Result<ExitCode, Failed> {
    let settings = Settings::new(Options {
        out: Some(args.out.clone()),
        formats: args.formats.iter().map(|f| f.format()).collect(),
        mode: if args.nader { Mode::SendFollowUp(args.id.clone()) } else { Mode::Send(args.id.clone()) },
        quiet: args.quiet,
        machine: args.machine,
        ..args.data.options()
    })?;
    super::build::execute(&settings)
}
