//! `beantwoord send ID`: the answers go out. Builds the dossier like
//! `build`, then records what was sent in `dossiers/<id>/dossier.lock`
//! (the hash of every public file, of each answer and annex, and the Woo
//! numbers given). From then on a build that would change any of it stops
//! and names it, and `build --nader` writes a follow-up answer instead.

use super::{DataArgs, FormatArg};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Project;
use crate::model::sent::Sent;
use crate::pipeline::Prepared;
use std::path::PathBuf;

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
}

pub fn run(args: SendArgs) -> i32 {
    let formats: Vec<_> = args.formats.iter().map(|f| f.format()).collect();
    let settings = match args.data.settings() {
        Ok(s) => {
            let mut s = s.with_formats(&formats);
            s.internal_out = crate::settings::internal_beside(&args.out);
            s.out = args.out.clone();
            s.dossiers = vec![args.id.clone()];
            s.quiet = args.quiet;
            s.sending = true;
            super::build::checked_folders(s)
        }
        Err(e) => Err(e),
    };
    match settings {
        Ok(s) => super::build::execute(&s, Some(&args.id)),
        Err(e) => super::usage_error(&e),
    }
}

/// A dossier is sent once, with the date it goes out.
pub fn check(project: &Project, id: &str, diags: &mut Diagnostics) {
    let Some(d) = project.dossiers.iter().find(|d| d.id.value == id) else { return };
    if let Some(sent) = &d.sent {
        diags.push(
            Diagnostic::error(
                format!("{id} was sent on {}", sent.on.dutch(crate::model::Precision::Day)),
                sent.at,
            )
            .label("recorded here")
            .hint("sent answers are not sent again: a correction goes out as a follow-up answer (`beantwoord build --nader`)"),
        );
    }
    if d.answered.is_none() {
        diags.push(
            Diagnostic::error(format!("{id} has no `answered` date"), d.id.span)
                .label("this dossier")
                .hint("set `answered:` to the date the answers go to the Kamer, then send"),
        );
    }
}

/// The lock of the dossier just built: where it goes and its text.
pub fn lock(
    prepared: &Prepared,
    data: &std::path::Path,
    id: &str,
    files: &[(String, String)],
) -> Option<(PathBuf, String)> {
    let dossier = prepared.project.dossiers.iter().find(|d| d.id.value == id)?;
    let drafts = prepared.drafts.iter().find(|d| d.dossier == id)?;
    let sent = Sent {
        dossier: id.to_string(),
        on: dossier.answered?,
        files: files.to_vec(),
        answers: drafts.fingerprint.answers.clone(),
        annexes: drafts.fingerprint.annexes.clone(),
        at: dossier.id.span,
    };
    Some((data.join(&dossier.lock_file), sent.to_text()))
}
