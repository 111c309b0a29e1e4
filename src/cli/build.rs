//! `beantwoord build`: check everything and render every document (the
//! [`crate::pipeline`]); then make each output file (in parallel), compare it
//! with what is on disk and stage what changed; only when all of it
//! succeeded, put the staged files in place. A run with errors writes nothing.

use super::{DataArgs, FormatArg};
use crate::diag::Diagnostic;
use crate::output::{self, Change, Staged};
use crate::pipeline::{self, for_each_job, jobs, make};
use crate::settings::Settings;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// The output folder.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Build only this dossier (repeatable) [default: every dossier].
    #[arg(long = "dossier", value_name = "ID")]
    pub dossiers: Vec<String>,
    /// Output format (repeatable) [default: every format].
    #[arg(long = "format", value_enum, value_name = "FORMAT")]
    pub formats: Vec<FormatArg>,
    /// Also write intern/ with the withheld passages shown (never publish it).
    #[arg(long)]
    pub internal: bool,
    /// Say which files a build would write or change, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print only problems and the one-line summary; no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

impl BuildArgs {
    /// The checked settings; a `--templates` folder that does not exist is
    /// a mistake of the command line.
    fn settings(&self) -> Result<Settings, super::UsageError> {
        let formats: Vec<_> = self.formats.iter().map(|f| f.format()).collect();
        let mut s = self.data.settings()?.with_formats(&formats);
        s.out = self.out.clone();
        s.dossiers = self.dossiers.clone();
        s.internal = self.internal;
        s.dry_run = self.dry_run;
        s.quiet = self.quiet;
        Ok(s)
    }
}

/// A file made and staged.
struct Done {
    staged: Staged,
    pages: usize,
    warnings: Vec<Diagnostic>,
}

fn progress(len: usize, quiet: bool) -> ProgressBar {
    let visible = !quiet && std::io::stderr().is_terminal();
    let target = if visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(len as u64), target);
    if let Ok(style) = ProgressStyle::with_template("{spinner} {bar:40} {pos}/{len} documents ({elapsed})") {
        bar.set_style(style);
    }
    bar
}

pub fn run(args: BuildArgs) -> i32 {
    let started = Instant::now();
    let settings = match args.settings() {
        Ok(s) => s,
        Err(e) => return super::usage_error(&e),
    };
    let prepared = pipeline::prepare(&settings);
    if !prepared.unknown_dossiers.is_empty() {
        return super::unknown_dossiers(&prepared);
    }
    let mut diags = prepared.diagnostics;
    let mut staged: Vec<Staged> = Vec::new();
    let mut pages = 0;
    if !diags.has_errors() {
        let t = Instant::now();
        let jobs = jobs(&prepared.drafts, &settings);
        let bar = progress(jobs.len(), settings.quiet);
        // Each file is made, compared and staged (in parallel, see
        // `for_each_job`); its bytes are dropped as soon as they are staged,
        // so memory stays flat.
        let results: Vec<Result<Done, Box<Diagnostic>>> = for_each_job(&jobs, |job| {
            let made = make(job);
            bar.inc(1);
            let made = made?;
            let path = settings.out.join(&job.path);
            let staged = output::stage(&path, &made.bytes, settings.dry_run).map_err(|e| {
                Box::new(Diagnostic::general(format!("cannot write {}: {e}", path.display()), None))
            })?;
            Ok(Done { staged, pages: made.pages, warnings: made.warnings })
        });
        bar.finish_and_clear();
        for r in results {
            match r {
                Ok(done) => {
                    pages += done.pages;
                    done.warnings.into_iter().for_each(|w| diags.push(w));
                    staged.push(done.staged);
                }
                Err(e) => diags.push(*e),
            }
        }
        pipeline::timing(&settings, "documents (every format)", t);
    }
    eprint!("{}", diags.render(&prepared.sources, &prepared.withheld));
    if diags.has_errors() {
        eprintln!(
            "build failed: {} error(s), {} warning(s); nothing was written",
            diags.error_count(),
            diags.warning_count()
        );
        return 1; // `staged` is dropped: its temporary files delete themselves
    }
    let count = |c: Change| staged.iter().filter(|s| s.change == c).count();
    let (new, changed, unchanged) = (count(Change::New), count(Change::Changed), count(Change::Unchanged));
    if !settings.quiet {
        for s in &staged {
            let verb = match (settings.dry_run, s.change) {
                (true, Change::New) => "would add",
                (true, Change::Changed) => "would change",
                (_, c) => c.word(),
            };
            eprintln!("  {verb:<12} {}", s.path.display());
        }
    }
    let documents = staged.len();
    if !settings.dry_run
        && let Err(e) = output::commit(staged)
    {
        eprintln!("error: cannot put the output in place: {e}");
        return 1;
    }
    eprintln!(
        "{} {} dossier(s), {documents} document(s), {pages} page(s) in {:.2} s: {new} new, {changed} changed, {unchanged} unchanged{}",
        if settings.dry_run { "dry run:" } else { "built" },
        prepared.drafts.len(),
        started.elapsed().as_secs_f64(),
        if settings.dry_run { "; nothing was written" } else { "" },
    );
    0
}
