//! `beantwoord build`: check everything and render every document (the
//! [`crate::pipeline`]); then make each output file (in parallel), compare it
//! with what is on disk and stage what changed; only when all of it
//! succeeded, put the staged files in place. A run with errors writes nothing.

use super::{DataArgs, FormatArg};
use crate::diag::Diagnostic;
use crate::output::{self, Change, Commit, Folder, Staged};
use crate::pipeline::{self, Root, for_each_job, jobs, make};
use crate::settings::{Settings, internal_beside, overlap};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
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
}

impl BuildArgs {
    /// The checked settings: a `--templates` folder must exist, and no
    /// output folder may be, contain or lie inside the data, the templates
    /// or the other output folder.
    fn settings(&self) -> Result<Settings, super::UsageError> {
        let formats: Vec<_> = self.formats.iter().map(|f| f.format()).collect();
        let mut s = self.data.settings()?.with_formats(&formats);
        s.out = self.out.clone();
        s.internal_out = self.internal_out.clone().unwrap_or_else(|| internal_beside(&self.out));
        s.dossiers = self.dossiers.clone();
        s.internal = self.internal;
        s.dry_run = self.dry_run;
        s.quiet = self.quiet;
        let folders = [("--out", &s.out), ("--internal-out", &s.internal_out)];
        for (flag, out) in folders {
            for (what, other) in [("the data folder", &s.data), ("the templates folder", &s.templates)] {
                if overlap(out, other) {
                    return Err(super::UsageError::OutputOverlaps {
                        flag,
                        out: out.clone(),
                        what,
                        other: other.clone(),
                    });
                }
            }
        }
        if overlap(&s.out, &s.internal_out) {
            return Err(super::UsageError::OutputOverlaps {
                flag: "--internal-out",
                out: s.internal_out.clone(),
                what: "the public output folder",
                other: s.out.clone(),
            });
        }
        Ok(s)
    }
}

/// A file made and staged.
struct Done {
    root: Root,
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

/// The output folders of a run, locked; for a dry run only what they hold.
struct Folders {
    public: Folder,
    internal: Option<Folder>,
}

fn open_folders(settings: &Settings) -> Result<Folders, output::OutputError> {
    let say = |root: &std::path::Path| {
        let root = root.display().to_string();
        move || eprintln!("waiting for another build into {root} to finish…")
    };
    let public = Folder::open(&settings.out, settings.dry_run, say(&settings.out))?;
    let internal = match settings.internal {
        true => Some(Folder::open(&settings.internal_out, settings.dry_run, say(&settings.internal_out))?),
        false => None,
    };
    Ok(Folders { public, internal })
}

/// The files the last build made in `folder` that this one, for the
/// dossiers and formats it makes, does not: they are removed. An internal
/// folder left inside a public one by an older version always goes.
fn no_longer_made(folder: &Folder, made: &[PathBuf], settings: &Settings, known: &[&str]) -> Vec<PathBuf> {
    folder
        .previous
        .iter()
        .filter(|p| !made.contains(p))
        .filter(|p| {
            let dossier = p.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
            let legacy_internal = p.components().nth(1).is_some_and(|c| c.as_os_str() == "intern");
            let in_scope = match &dossier {
                Some(_) if settings.dossiers.is_empty() => true,
                Some(d) => settings.dossiers.contains(d) && known.contains(&d.as_str()),
                None => false,
            };
            let format = p.extension().is_some_and(|e| settings.formats.iter().any(|f| f.extension() == e));
            legacy_internal || (in_scope && format)
        })
        .cloned()
        .collect()
}

/// What each output folder gets: its staged files, the files it loses, and
/// its manifest after the run.
fn plan<'f>(folders: &'f Folders, done: Vec<Done>, settings: &Settings, known: &[&str]) -> Vec<Commit<'f>> {
    let (mut public, mut internal): (Vec<Staged>, Vec<Staged>) = (Vec::new(), Vec::new());
    for d in done {
        match d.root {
            Root::Public => public.push(d.staged),
            Root::Internal => internal.push(d.staged),
        }
    }
    let mut plans = Vec::new();
    for (staged, folder) in [(public, Some(&folders.public)), (internal, folders.internal.as_ref())] {
        let Some(folder) = folder else { continue };
        let made: Vec<PathBuf> =
            staged.iter().filter_map(|s| s.path.strip_prefix(&folder.root).ok().map(PathBuf::from)).collect();
        let removed = no_longer_made(folder, &made, settings, known);
        let mut manifest: Vec<PathBuf> =
            folder.previous.iter().filter(|p| !removed.contains(p) && !made.contains(p)).cloned().collect();
        manifest.extend(made);
        manifest.sort();
        manifest.dedup();
        plans.push(Commit { folder, staged, removed, manifest });
    }
    plans
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
    let mut done: Vec<Done> = Vec::new();
    let mut pages = 0;
    let mut folders = None;
    if !diags.has_errors() {
        // The folders are locked before anything in them is compared.
        match open_folders(&settings) {
            Ok(f) => folders = Some(f),
            Err(e) => diags.push(Diagnostic::general(format!("cannot use the output folder: {e}"), None)),
        }
    }
    if folders.is_some() {
        let t = Instant::now();
        let jobs = jobs(&prepared.drafts, &settings);
        let bar = progress(jobs.len(), settings.quiet);
        let root_of = |r: Root| match r {
            Root::Public => &settings.out,
            Root::Internal => &settings.internal_out,
        };
        // Each file is made, compared and staged (in parallel, see
        // `for_each_job`); its bytes are dropped as soon as they are staged,
        // so memory stays flat.
        let results: Vec<Result<Done, Box<Diagnostic>>> = for_each_job(&jobs, |job| {
            let made = make(job);
            bar.inc(1);
            let made = made?;
            let path = root_of(job.root).join(&job.path);
            let staged = output::stage(&path, &made.bytes, settings.dry_run).map_err(|e| {
                Box::new(Diagnostic::general(format!("cannot write {}: {e}", path.display()), None))
            })?;
            Ok(Done { root: job.root, staged, pages: made.pages, warnings: made.warnings })
        });
        bar.finish_and_clear();
        for r in results {
            match r {
                Ok(mut d) => {
                    pages += d.pages;
                    std::mem::take(&mut d.warnings).into_iter().for_each(|w| diags.push(w));
                    done.push(d);
                }
                Err(e) => diags.push(*e),
            }
        }
        pipeline::timing(&settings, "documents (every format)", t);
    }
    eprint!("{}", diags.render(&prepared.sources, &prepared.withheld));
    let Some(folders) = folders.filter(|_| !diags.has_errors()) else {
        output::discard(done.into_iter().map(|d| d.staged).collect());
        eprintln!(
            "build failed: {} error(s), {} warning(s); nothing was written",
            diags.error_count(),
            diags.warning_count()
        );
        return 1;
    };
    let known: Vec<&str> = prepared.project.dossiers.iter().map(|d| d.id.value.as_str()).collect();
    let plans = plan(&folders, done, &settings, &known);
    let mut report: Vec<(Change, PathBuf)> = Vec::new();
    for plan in &plans {
        report.extend(plan.staged.iter().map(|s| (s.change, s.path.clone())));
        report.extend(plan.removed.iter().map(|r| (Change::Removed, plan.folder.root.join(r))));
    }
    let count = |c: Change| report.iter().filter(|(x, _)| *x == c).count();
    let (new, changed, unchanged, removed) =
        (count(Change::New), count(Change::Changed), count(Change::Unchanged), count(Change::Removed));
    // The change report is the command's output; problems go to stderr.
    if !settings.quiet {
        for (change, path) in &report {
            let verb = match (settings.dry_run, change) {
                (true, Change::New) => "would add",
                (true, Change::Changed) => "would change",
                (true, Change::Removed) => "would remove",
                (_, c) => c.word(),
            };
            println!("  {verb:<12} {}", path.display());
        }
    }
    let documents = report.len() - removed;
    if !settings.dry_run
        && let Err(e) = output::commit(plans)
    {
        eprintln!(
            "error: cannot put the output in place: {e}\n  the output folders are as they were before this build"
        );
        return 1;
    }
    eprintln!(
        "{} {} dossier(s), {documents} document(s), {pages} page(s) in {:.2} s: {new} new, {changed} changed, {unchanged} unchanged, {removed} removed{}",
        if settings.dry_run { "dry run:" } else { "built" },
        prepared.drafts.len(),
        started.elapsed().as_secs_f64(),
        if settings.dry_run { "; nothing was written" } else { "" },
    );
    0
}
