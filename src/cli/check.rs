//! `beantwoord check`: load, validate and make every document in every
//! format (public and internal) in memory; report every problem; write
//! nothing.

use super::{DataArgs, Failed};
use crate::build;
use crate::settings::Settings;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(args: CheckArgs) -> Result<ExitCode, Failed> {
    // Every document in every format, public and internal: a PDF problem is
    // a problem of the data.
    let settings = Settings::new(args.data.options())?;
    let outcome = build::plan(&settings);
    let (prepared, diags) = (&outcome.prepared, &outcome.diagnostics);
    eprint!("{}", diags.render(&prepared.sources, &prepared.withheld));
    super::not_rendered(prepared);
    if diags.has_errors() {
        eprintln!(
            "{}",
            crate::tr!("check-failed", errors = diags.error_count(), warnings = diags.warning_count())
        );
        Ok(ExitCode::from(1))
    } else {
        eprintln!(
            "{}",
            crate::tr!(
                "check-passed",
                accounts = prepared.project.register.accounts.len(),
                reports = prepared.project.register.reports.len(),
                dossiers = prepared.project.dossiers.len(),
                warnings = diags.warning_count()
            )
        );
        Ok(ExitCode::SUCCESS)
    }
}
