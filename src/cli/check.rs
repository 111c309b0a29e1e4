//! `beantwoord check`: load, validate and render everything in memory; report
//! every problem; write nothing.

use super::DataArgs;
use super::settings::Settings;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(args: CheckArgs) -> i32 {
    let settings = Settings::for_check(&args.data);
    let prepared = super::build::prepare(&settings);
    let mut diags = prepared.diagnostics;
    if !diags.has_errors() {
        // Render every format in memory too: a PDF problem is a problem of the data.
        super::build::check_files(&prepared.drafts, &settings, &mut diags);
    }
    let diags = &diags;
    eprint!("{}", diags.render(&prepared.sources));
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
