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
    /// For a sent dossier whose answers changed: write the changed answers
    /// as a follow-up answer (`<id>/nader/`) and keep the sent files as they are.
    #[arg(long)]
    pub nader: bool,
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
        s.nader = self.nader;
        checked_folders(s)
    }
}

/// The settings with their output folders checked: none may be, contain or
/// lie inside the data, the templates or the other output folder.
pub fn checked_folders(s: Settings) -> Result<Settings, super::UsageError> {
    {
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
    /// Its path below the output folder (`2022Z21205/antwoord.pdf`).
    path: PathBuf,
    staged: Staged,
    pages: usize,
    warnings: Vec<Diagnostic>,
    /// Its SHA-256, for a sent dossier's files and the one being sent.
    hash: Option<String>,
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
fn no_longer_made(
    folder: &Folder,
    made: &[PathBuf],
    settings: &Settings,
    known: &[&str],
    kept: &[&str],
) -> Vec<PathBuf> {
    folder
        .previous
        .iter()
        .filter(|p| !made.contains(p))
        .filter(|p| !is_kept(p, kept))
        .filter(|p| {
            let dossier = p.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
            let legacy_internal = p.components().nth(1).is_some_and(|c| c.as_os_str() == "intern");
            let in_scope = match &dossier {
                Some(_) if settings.dossiers.is_empty() => true,
                Some(d) => settings.dossiers.contains(d) && known.contains(&d.as_str()),
                None => false,
            };
            let format = p.extension().is_some_and(|e| settings.formats.iter().any(|f| f.extension() == e));
            let sheet = p
                .file_name()
                .is_some_and(|n| crate::backend::inventory::Sheet::ALL.iter().any(|s| n == s.file_name()))
                && p.components().count() == 2;
            legacy_internal || (in_scope && (format || sheet))
        })
        .cloned()
        .collect()
}

/// Whether `path` is a sent file `--nader` keeps: in a kept dossier's
/// folder, not in its follow-up folder.
fn is_kept(path: &std::path::Path, kept: &[&str]) -> bool {
    let mut parts = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let dossier = parts.next().unwrap_or_default();
    let below = parts.next().unwrap_or_default();
    kept.contains(&dossier.as_str()) && below != pipeline::FOLLOW_UP
}

/// What each output folder gets: its staged files, the files it loses, and
/// its manifest after the run.
fn plan<'f>(
    folders: &'f Folders,
    done: Vec<Done>,
    settings: &Settings,
    known: &[&str],
    kept: &[&str],
) -> Vec<Commit<'f>> {
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
        // The sent files a follow-up keeps are kept only in the public folder.
        let keep: &[&str] = if std::ptr::eq(folder, &folders.public) { kept } else { &[] };
        let removed = no_longer_made(folder, &made, settings, known, keep);
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
    match args.settings() {
        Ok(s) => execute(&s, None),
        Err(e) => super::usage_error(&e),
    }
}

/// Runs a build; `sending` names the dossier whose files `send` records.
pub fn execute(settings: &Settings, sending: Option<&str>) -> i32 {
    let started = Instant::now();
    let mut prepared = pipeline::prepare(settings);
    if !prepared.unknown_dossiers.is_empty() {
        return super::unknown_dossiers(&prepared);
    }
    let mut diags = std::mem::take(&mut prepared.diagnostics);
    if let Some(id) = sending {
        super::send::check(&prepared.project, id, &mut diags);
    }
    let mut done: Vec<Done> = Vec::new();
    let mut pages = 0;
    let mut folders = None;
    if !diags.has_errors() {
        // The folders are locked before anything in them is compared.
        match open_folders(settings) {
            Ok(f) => folders = Some(f),
            Err(e) => diags.push(Diagnostic::general(format!("cannot use the output folder: {e}"), None)),
        }
    }
    // The dossiers whose public files are hashed: those sent (compared with
    // their lock) and the one being sent.
    let hashed: Vec<&str> = prepared
        .drafts
        .iter()
        .filter(|d| !d.keep_sent)
        .filter(|d| {
            sending == Some(d.dossier.as_str())
                || prepared.project.dossiers.iter().any(|x| x.id.value == d.dossier && x.sent.is_some())
        })
        .map(|d| d.dossier.as_str())
        .collect();
    if folders.is_some() {
        let t = Instant::now();
        let jobs = jobs(&prepared.drafts, settings);
        let bar = progress(jobs.len(), settings.quiet);
        let root_of = |r: Root| match r {
            Root::Public => &settings.out,
            Root::Internal => &settings.internal_out,
        };
        // Each file is made, compared and staged (in parallel, see
        // `for_each_job`); its bytes are dropped as soon as they are staged,
        // so memory stays flat.
        let results: Vec<Result<Done, Box<Diagnostic>>> = for_each_job(&jobs, |job| {
            let t = Instant::now();
            let made = make(job);
            if settings.timing && t.elapsed().as_secs_f64() >= 0.1 {
                eprintln!("timing:   {}: {:.3} s", job.path.display(), t.elapsed().as_secs_f64());
            }
            bar.inc(1);
            let made = made?;
            let path = root_of(job.root).join(&job.path);
            let in_hashed =
                job.path.components().next().is_some_and(|c| hashed.iter().any(|h| c.as_os_str() == *h));
            let hash =
                (job.root == Root::Public && in_hashed).then(|| crate::digest::sha256_hex(&made.bytes));
            let staged = output::stage(&path, &made.bytes, settings.dry_run).map_err(|e| {
                Box::new(Diagnostic::general(format!("cannot write {}: {e}", path.display()), None))
            })?;
            Ok(Done {
                root: job.root,
                path: job.path.clone(),
                staged,
                pages: made.pages,
                warnings: made.warnings,
                hash,
            })
        });
        bar.finish_and_clear();
        let before = diags.len();
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
        diags.stage_from(before, crate::diag::Stage::Output);
        pipeline::timing(settings, "documents (every format)", t);
        if sending.is_none() {
            sent_files_unchanged(&prepared.project, &hashed, &done, settings, &mut diags);
        }
    }
    eprint!("{}", diags.render(&prepared.sources, &prepared.withheld));
    super::not_rendered(&prepared);
    let Some(folders) = folders.filter(|_| !diags.has_errors()) else {
        output::discard(done.into_iter().map(|d| d.staged).collect());
        eprintln!(
            "{} failed: {} error(s), {} warning(s); nothing was written",
            if sending.is_some() { "send" } else { "build" },
            diags.error_count(),
            diags.warning_count()
        );
        return 1;
    };
    let lock = sending.and_then(|id| super::send::lock(&prepared, &settings.data, id, &files_of(&done, id)));
    let known: Vec<&str> = prepared.project.dossiers.iter().map(|d| d.id.value.as_str()).collect();
    let kept: Vec<&str> =
        prepared.drafts.iter().filter(|d| d.keep_sent).map(|d| d.dossier.as_str()).collect();
    let plans = plan(&folders, done, settings, &known, &kept);
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
    if let Some((path, text)) = &lock
        && !settings.dry_run
    {
        if let Err(e) = output::replace_file(path, text.as_bytes()) {
            eprintln!(
                "error: cannot record what was sent in {}: {e}\n  the documents are built; run `beantwoord send` again once the folder can be written",
                path.display()
            );
            return 1;
        }
        if !settings.quiet {
            println!("  {:<12} {}", "sent", path.display());
        }
    }
    for kept in &kept {
        eprintln!("kept the sent files of {kept} as they were sent");
    }
    eprintln!(
        "{} {} dossier(s), {documents} document(s){} in {:.2} s: {new} new, {changed} changed, {unchanged} unchanged, {removed} removed{}",
        if settings.dry_run { "dry run:" } else { "built" },
        prepared.drafts.len(),
        // Pages only where there are pages to count (a PDF).
        if settings.formats.contains(&crate::backend::Format::Pdf) {
            format!(", {pages} page(s)")
        } else {
            String::new()
        },
        started.elapsed().as_secs_f64(),
        if settings.dry_run { "; nothing was written" } else { "" },
    );
    0
}

/// The public files made for `dossier`, by their path below its folder,
/// with their hashes; in name order.
fn files_of(done: &[Done], dossier: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = done
        .iter()
        .filter(|d| d.root == Root::Public)
        .filter_map(|d| {
            let below = d.path.strip_prefix(dossier).ok()?;
            let name =
                below.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            Some((name, d.hash.clone()?))
        })
        .collect();
    files.sort();
    files
}

/// A sent dossier's files, made again, must be the bytes that were sent:
/// a file that would differ, or would no longer be made, is an error (its
/// answers and annexes are compared first, in the pipeline; this finds what
/// a changed template or tool would rewrite).
fn sent_files_unchanged(
    project: &crate::model::Project,
    hashed: &[&str],
    done: &[Done],
    settings: &Settings,
    diags: &mut crate::diag::Diagnostics,
) {
    for id in hashed {
        let Some(dossier) = project.dossiers.iter().find(|d| d.id.value == *id) else { continue };
        let Some(sent) = &dossier.sent else { continue };
        let made = files_of(done, id);
        let mut differ = Vec::new();
        for (name, hash) in &sent.files {
            let built = settings.formats.iter().any(|f| name.ends_with(&format!(".{}", f.extension())));
            match made.iter().find(|(n, _)| n == name) {
                Some((_, h)) if h != hash => differ.push(format!("{name} would change")),
                None if built => differ.push(format!("{name} would no longer be made")),
                _ => {}
            }
        }
        let sent_format = |name: &str| {
            let ext = name.rsplit('.').next().unwrap_or_default();
            sent.files.iter().any(|(n, _)| n.rsplit('.').next() == Some(ext))
        };
        for (name, _) in &made {
            if !sent.files.iter().any(|(n, _)| n == name) && sent_format(name) {
                differ.push(format!("{name} would be added"));
            }
        }
        if differ.is_empty() {
            continue;
        }
        let mut d = Diagnostic::error(
            format!(
                "the files sent for {id} on {} would change",
                sent.on.dutch(crate::model::Precision::Day)
            ),
            sent.at,
        )
        .label("what was sent, recorded here")
        .also(dossier.id.span, "this dossier");
        for line in differ {
            d = d.note(line);
        }
        diags.push(d.hint("the answers and annexes are as sent, so a template or this tool changed: build with the version that sent them, or `--nader` to keep the sent files"));
    }
}
