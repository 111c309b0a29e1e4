//! `beantwoord build`: asks the library for the build's plan
//! ([`crate::build::plan`]), prints the problems and the change report, and
//! commits the plan unless it is a dry run. A run with errors writes nothing.

use super::{DataArgs, Failed, FormatArg};
use crate::build::{self, Failure};
use crate::output::Change;
use crate::settings::{Mode, Options, Settings};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// The public output folder: only public documents go here.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Where --internal writes the review documents [default: beside the output folder, its name + "-intern"].
    #[arg(long, value_name = "DIR")]
    pub internal_out: Option<PathBuf>,
    /// Build only this dossier (repeatable) [default: every dossier].
    #[arg(long = "dossier", value_name = "ID")]
    pub dossiers: Vec<String>,
    /// Output format (repeatable) [default: every format].
    #[arg(long = "format", value_enum, value_name = "FORMAT")]
    pub formats: Vec<FormatArg>,
    /// Also write the internal review documents, with the withheld passages
    /// shown, in their own folder (never publish it).
    #[arg(long)]
    pub internal: bool,
    /// Say which files a build would write, change or remove, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print only problems and the one-line summary; no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Also make each dossier's upload package for the Woo platforms, in
    /// `<dossier>/upload/`: the production report (productierapport.xlsx)
    /// and documenten.zip, one PDF per published document named by its ID.
    #[arg(long = "woo-pakket")]
    pub package: bool,
    /// Accepted for older scripts: a sent dossier whose answers changed
    /// always gets its follow-up answer (`<id>/nader/`), its sent files kept.
    #[arg(long, hide = true)]
    pub nader: bool,
}

impl BuildArgs {
    /// What was asked, to be checked by [`Settings::new`].
    fn options(&self) -> Options {
        Options {
            out: Some(self.out.clone()),
            internal_out: self.internal_out.clone(),
            dossiers: self.dossiers.clone(),
            formats: self.formats.iter().map(|f| f.format()).collect(),
            internal: self.internal,
            mode: Mode::Build,
            dry_run: self.dry_run,
            quiet: self.quiet,
            package: self.package,
            ..self.data.options()
        }
    }
}

pub fn run(args: BuildArgs) -> Result<ExitCode, Failed> {
    execute(&Settings::new(args.options())?)
}

/// Builds as `settings` say (also for `send`), and prints what it did.
pub fn execute(settings: &Settings) -> Result<ExitCode, Failed> {
    let started = Instant::now();
    let what = if settings.sending().or(settings.sending_follow_up()).is_some() { "send" } else { "build" };
    let outcome = build::plan(settings);
    let prepared = &outcome.prepared;
    let diags = &outcome.diagnostics;
    let plan = match outcome.plan {
        Err(Failure::UnknownDossiers { unknown, known }) => {
            return Err(Failed::UnknownDossiers { unknown, known });
        }
        Err(Failure::Errors) => {
            eprint!("{}", diags.render(&prepared.sources, &prepared.withheld));
            super::not_rendered(prepared);
            eprintln!(
                "{what} failed: {} error(s), {} warning(s); nothing was written",
                diags.error_count(),
                diags.warning_count()
            );
            return Ok(ExitCode::from(1));
        }
        Ok(plan) => plan,
    };
    eprint!("{}", diags.render(&prepared.sources, &prepared.withheld));
    super::not_rendered(prepared);
    let report = plan.report();
    let count = |c: Change| report.iter().filter(|(x, _)| *x == c).count();
    let (new, changed, unchanged, removed) =
        (count(Change::New), count(Change::Changed), count(Change::Unchanged), count(Change::Removed));
    // The change report is the command's output; problems go to stderr.
    if !settings.quiet() {
        for (change, path) in &report {
            let verb = match (settings.dry_run(), change) {
                (true, Change::New) => "would add",
                (true, Change::Changed) => "would change",
                (true, Change::Removed) => "would remove",
                (_, c) => c.word(),
            };
            println!("  {verb:<12} {}", path.display());
        }
    }
    let documents = report.len() - removed;
    let pages = plan.pages();
    let dossiers = plan.dossiers;
    let kept = plan.kept.clone();
    let lock = plan.lock.as_ref().map(|(path, _)| path.clone());
    if let Err(e) = plan.commit() {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(1));
    }
    if let Some(path) = lock.filter(|_| !settings.dry_run() && !settings.quiet()) {
        println!("  {:<12} {}", "sent", path.display());
    }
    for kept in &kept {
        eprintln!("kept the sent files of {kept} as they were sent");
    }
    eprintln!(
        "{} {dossiers} dossier(s), {documents} document(s){} in {:.2} s: {new} new, {changed} changed, {unchanged} unchanged, {removed} removed{}",
        if settings.dry_run() { "dry run:" } else { "built" },
        // Pages only where there are pages to count (a PDF).
        if settings.formats().contains(&crate::backend::Format::Pdf) || pages > 0 {
            format!(", {pages} page(s)")
        } else {
            String::new()
        },
        started.elapsed().as_secs_f64(),
        if settings.dry_run() { "; nothing was written" } else { "" },
    );
    Ok(ExitCode::SUCCESS)
}
