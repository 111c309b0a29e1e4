//! `beantwoord check`: load, validate and make every document in every
//! format (public and internal) in memory; report every problem; write
//! nothing.

use super::DataArgs;
use crate::pipeline;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(args: CheckArgs) -> i32 {
    let mut settings = match args.data.settings() {
        Ok(s) => s,
        Err(e) => return super::usage_error(&e),
    };
    settings.internal = true;
    let mut prepared = pipeline::prepare(&settings);
    let mut diags = std::mem::take(&mut prepared.diagnostics);
    if !diags.has_errors() {
        // Every format is made too: a PDF problem is a problem of the data.
        pipeline::check_files(&prepared.drafts, &settings, &mut diags);
    }
    eprint!("{}", diags.render(&prepared.sources, &prepared.withheld));
    super::not_rendered(&prepared);
    if diags.has_errors() {
        eprintln!(
            "check failed: {} error(s), {} warning(s); nothing was written",
            diags.error_count(),
            diags.warning_count()
        );
        1
    } else {
        eprintln!(
            "check passed: {} account(s), {} report(s), {} dossier(s); {} warning(s)",
            prepared.project.register.accounts.len(),
            prepared.project.register.reports.len(),
            prepared.project.dossiers.len(),
            diags.warning_count()
        );
        0
    }
}
