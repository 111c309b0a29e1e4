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
    /// List the files for scripts: one `WORD<TAB>PATH` line each, the words
    /// `new`, `changed`, `unchanged`, `removed`, `sent` (`would-add`,
    /// `would-change`, `would-remove` with --dry-run) in every language.
    #[arg(long)]
    pub machine: bool,
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
            machine: self.machine,
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
    let sending = settings.sending().or(settings.sending_follow_up()).is_some();
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
            let (errors, warnings) = (diags.error_count(), diags.warning_count());
            eprintln!(
                "{}",
                match sending {
                    true => crate::tr!("send-failed", errors = errors, warnings = warnings),
                    false => crate::tr!("build-failed", errors = errors, warnings = warnings),
                }
            );
            return Ok(ExitCode::from(1));
        }
        Ok(plan) => plan,
    };
    let t = Instant::now();
    eprint!("{}", diags.render(&prepared.sources, &prepared.withheld));
    crate::pipeline::timing(settings, "problems told", t);
    super::not_rendered(prepared);
    let report = plan.report();
    let count = |c: Change| report.iter().filter(|(x, _)| *x == c).count();
    let (new, changed, unchanged, removed) =
        (count(Change::New), count(Change::Changed), count(Change::Unchanged), count(Change::Removed));
    // The change report is the command's output; problems go to stderr.
    if !settings.quiet() {
        for (change, path) in &report {
            let verb = change_word(settings.dry_run(), *change);
            if settings.machine() {
                println!("{}\t{}", change.machine(settings.dry_run()), path.display());
            } else {
                println!("  {verb:<WIDTH$} {}", path.display(), WIDTH = word_width(settings.dry_run()));
            }
        }
    }
    let documents = report.len() - removed;
    let pages = plan.pages();
    let dossiers = plan.dossiers;
    let kept = plan.kept.clone();
    let lock = plan.lock.as_ref().map(|(path, _)| path.clone());
    let t = Instant::now();
    if let Err(e) = plan.commit() {
        eprintln!("{}", crate::tr!("error-line", message = e.to_string()));
        return Ok(ExitCode::from(1));
    }
    crate::pipeline::timing(settings, "output committed", t);
    if let Some(path) = lock.filter(|_| !settings.dry_run() && !settings.quiet()) {
        match settings.machine() {
            true => println!("sent\t{}", path.display()),
            false => println!(
                "  {:<WIDTH$} {}",
                crate::tr!("change-sent"),
                path.display(),
                WIDTH = word_width(settings.dry_run())
            ),
        }
    }
    for kept in &kept {
        eprintln!("{}", crate::tr!("kept-sent", dossier = kept));
    }
    // Pages only where there are pages to count (a PDF).
    let pages = match settings.formats().contains(&crate::backend::Format::Pdf) || pages > 0 {
        true => crate::i18n::arg(pages),
        false => crate::i18n::arg("none"),
    };
    let seconds = crate::i18n::decimal(started.elapsed().as_secs_f64(), 2);
    let args = [
        ("dossiers", crate::i18n::arg(dossiers)),
        ("documents", crate::i18n::arg(documents)),
        ("pages", pages),
        ("seconds", crate::i18n::arg(seconds)),
        ("new", crate::i18n::arg(new)),
        ("changed", crate::i18n::arg(changed)),
        ("unchanged", crate::i18n::arg(unchanged)),
        ("removed", crate::i18n::arg(removed)),
    ];
    let key = if settings.dry_run() { "dry-run" } else { "built" };
    eprintln!("{}", crate::i18n::message(key, &args));
    // The process ends here, and the system takes its memory back at once:
    // freeing the typed documents one by one (30,000 of them at 10,000
    // reports) took a tenth of a second. The output folders, locks and
    // staged files were let go of by the commit above.
    std::mem::forget(outcome.prepared);
    Ok(ExitCode::SUCCESS)
}

/// The word the change list gives a file, in the current language.
fn change_word(dry_run: bool, change: Change) -> String {
    match (dry_run, change) {
        (true, Change::New) => crate::tr!("change-would-add"),
        (true, Change::Changed) => crate::tr!("change-would-change"),
        (true, Change::Removed) => crate::tr!("change-would-remove"),
        (_, Change::New) => crate::tr!("change-new"),
        (_, Change::Changed) => crate::tr!("change-changed"),
        (_, Change::Unchanged) => crate::tr!("change-unchanged"),
        (_, Change::Removed) => crate::tr!("change-removed"),
    }
}

/// The width of the change list's first column: its longest word, at least 12.
fn word_width(dry_run: bool) -> usize {
    use Change::*;
    [New, Changed, Unchanged, Removed]
        .into_iter()
        .map(|c| change_word(dry_run, c).chars().count())
        .max()
        .unwrap_or(12)
        .max(12)
}
