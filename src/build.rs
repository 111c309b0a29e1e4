//! One build as a library call: [`plan`] takes checked [`Settings`], runs
//! the stages ([`crate::pipeline`]) and returns a typed [`Plan`]: for each
//! file of each dossier, audience and format, its place, its pages and what
//! would happen to it (new, changed, unchanged), the files the last build
//! made that this one no longer makes, and for `send` the lock it records.
//! The files are staged as they are made (their bytes dropped at once, so
//! memory stays flat); only [`Plan::commit`] puts them in place, all or
//! nothing ([`crate::output`]). A check and a dry run make the same plan and
//! only report it. The commands print; nothing here does, except progress
//! (on a terminal) and timings when asked for.

use crate::backend::Format;
use crate::backend::inventory::Sheet;
use crate::diag::{Diagnostic, Diagnostics, Stage};
use crate::output::{self, Change, Commit, Folder, OutputError, Staged};
use crate::pipeline::{self, FOLLOW_UP, Prepared, Root, for_each_job, jobs_also, make};
use crate::settings::{Mode, Settings};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One file of a build.
#[derive(Debug)]
pub struct Planned {
    /// Its output folder.
    pub root: Root,
    /// Its dossier.
    pub dossier: String,
    /// Its path below the dossier's folder (`antwoord.pdf`, `nader/antwoord.pdf`).
    pub below: PathBuf,
    /// Its path below that folder (`2022Z21205/antwoord.pdf`).
    pub path: PathBuf,
    /// What the build does to it; none for a check, which compares nothing.
    pub change: Option<Change>,
    /// Its pages (a PDF), else 0.
    pub pages: usize,
    /// Its SHA-256, for a sent dossier's public files and the one being sent.
    hash: Option<String>,
}

/// What a build would do, decided and staged; nothing is in place yet.
pub struct Plan {
    /// Every file made, in a fixed order (per dossier: public documents,
    /// follow-up, internal documents, then the inventory).
    pub files: Vec<Planned>,
    /// Files the last build made that this one does not: removed.
    pub removed: Vec<(Root, PathBuf)>,
    /// The dossiers rendered.
    pub dossiers: usize,
    /// The sent dossiers whose sent files are kept as they are (follow-up).
    pub kept: Vec<String>,
    /// For `send`: the lock file and its text.
    pub lock: Option<(PathBuf, String)>,
    dry_run: bool,
    /// The locked output folders and what each gets; none for a check.
    folders: Vec<FolderPlan>,
}

/// What one locked output folder gets.
struct FolderPlan {
    folder: Folder,
    staged: Vec<Staged>,
    /// Below the folder: the files it loses.
    removed: Vec<PathBuf>,
    /// Below the folder: the manifest after the run.
    manifest: Vec<PathBuf>,
}

/// Why a build made no plan.
#[derive(Debug)]
pub enum Failure {
    /// `--dossier` ids that name no dossier (a command-line mistake):
    /// nothing was rendered. With the ids that exist.
    UnknownDossiers { unknown: Vec<String>, known: Vec<String> },
    /// The data, a template or the output has errors (in the diagnostics);
    /// nothing was staged.
    Errors,
}

/// A build's result: what was found (to be shown with the sources, masked
/// by the withheld passages), and the plan, unless it failed.
pub struct Outcome {
    pub prepared: Prepared,
    pub diagnostics: Diagnostics,
    pub plan: Result<Plan, Failure>,
}

/// Why a plan could not be put in place; the folders are as they were
/// (for [`CommitError::Lock`], the documents are in place).
#[derive(Debug)]
pub enum CommitError {
    Output(OutputError),
    Lock { path: PathBuf, error: std::io::Error },
}

impl std::fmt::Display for CommitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CommitError::Output(e) => f.write_str(&crate::tr!("commit-output", error = e.to_string())),
            CommitError::Lock { path, error } => f.write_str(&crate::tr!(
                "commit-lock",
                path = path.display().to_string(),
                error = crate::i18n::io_error(error)
            )),
        }
    }
}

impl std::error::Error for CommitError {}

impl Plan {
    /// The full path of each file, with what happens to it, as the change
    /// report lists them: per folder, the files made, then those removed.
    pub fn report(&self) -> Vec<(Change, PathBuf)> {
        let mut out = Vec::new();
        for f in &self.folders {
            out.extend(f.staged.iter().map(|s| (s.change, s.path.clone())));
            out.extend(f.removed.iter().map(|r| (Change::Removed, f.folder.root.join(r))));
        }
        out
    }

    /// The pages of every file.
    pub fn pages(&self) -> usize {
        self.files.iter().map(|f| f.pages).sum()
    }

    /// Whether this plan only reports (a check or a dry run).
    pub fn is_dry(&self) -> bool {
        self.dry_run || self.folders.is_empty()
    }

    /// Puts every staged file in place and removes what is no longer made,
    /// in every folder, or nothing; then records what was sent. A dry run's
    /// or a check's plan commits nothing.
    pub fn commit(self) -> Result<(), CommitError> {
        if self.is_dry() {
            return Ok(());
        }
        let (held, parts): (Vec<Folder>, Vec<_>) =
            self.folders.into_iter().map(|f| (f.folder, (f.staged, f.removed, f.manifest))).unzip();
        let commits: Vec<Commit<'_>> = held
            .iter()
            .zip(parts)
            .map(|(folder, (staged, removed, manifest))| Commit { folder, staged, removed, manifest })
            .collect();
        output::commit(commits).map_err(CommitError::Output)?;
        if let Some((path, text)) = &self.lock {
            output::replace_file(path, text.as_bytes())
                .map_err(|error| CommitError::Lock { path: path.clone(), error })?;
        }
        Ok(())
    }

    /// Drops what was staged (a failed run).
    fn discard(self) {
        output::discard(self.folders.into_iter().flat_map(|f| f.staged).collect());
    }
}

fn root_of(settings: &Settings, root: Root) -> &Path {
    match root {
        Root::Public => settings.out(),
        Root::Internal => settings.internal_out(),
    }
}

fn progress(len: usize, quiet: bool) -> ProgressBar {
    let visible = !quiet && std::io::stderr().is_terminal();
    let target = if visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(len as u64), target);
    let template =
        format!("{{spinner}} {{bar:40}} {{pos}}/{{len}} {} ({{elapsed}})", crate::tr!("progress-documents"));
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

/// The output folders of a run, locked (waiting for another build that
/// holds one, said on stderr), an interrupted build's commit undone; for a
/// dry run only what they hold, once no build is putting files in place.
fn open_folders(settings: &Settings) -> Result<Vec<(Root, Folder)>, OutputError> {
    let mut roots = vec![(Root::Public, settings.out())];
    if settings.internal() {
        roots.push((Root::Internal, settings.internal_out()));
    }
    let paths: Vec<&Path> = roots.iter().map(|(_, p)| *p).collect();
    let waiting =
        |root: &Path| eprintln!("{}", crate::tr!("waiting-for-build", folder = root.display().to_string()));
    let folders = output::open(&paths, settings.dry_run(), &waiting)?;
    Ok(roots.into_iter().map(|(r, _)| r).zip(folders).collect())
}

/// A file made: staged (or, for a check, only made).
struct Done {
    planned: Planned,
    staged: Option<Staged>,
    warnings: Vec<Diagnostic>,
}

/// Runs the build `settings` describe, up to a plan.
pub fn plan(settings: &Settings) -> Outcome {
    let checking = *settings.mode() == Mode::Check;
    // The folders are locked before anything in them is read, and stay
    // locked up to the commit: what the build makes again, what it compares
    // and what it removes are decided against the folders as they are while
    // no other build can change them. A folder this run made is removed
    // again if the run fails.
    let (mut folders, unusable) = match checking {
        true => (None, None),
        false => match open_folders(settings) {
            Ok(f) => (Some(f), None),
            Err(e) => (None, Some(e)),
        },
    };
    let previous: &[PathBuf] = folders
        .iter()
        .flatten()
        .find(|(r, _)| *r == Root::Public)
        .map_or(&[], |(_, f)| f.previous.as_slice());
    // A narrowed build makes again the public files the last one made that
    // it was not asked for: each stays if it is still right, and is
    // rewritten if not (never a stale public file).
    let widen = |project: &crate::model::Project| match checking {
        true => pipeline::Also::default(),
        false => pipeline::Also::of(previous, settings, project),
    };
    let (mut prepared, also) = pipeline::prepare_also(settings, &widen);
    if !prepared.unknown_dossiers.is_empty() {
        let known = prepared.project.dossiers.iter().map(|d| d.id.value.clone()).collect();
        let unknown = std::mem::take(&mut prepared.unknown_dossiers);
        let diagnostics = std::mem::take(&mut prepared.diagnostics);
        return Outcome { prepared, diagnostics, plan: Err(Failure::UnknownDossiers { unknown, known }) };
    }
    let mut diags = std::mem::take(&mut prepared.diagnostics);
    let sending = settings.sending();
    if let Some(id) = sending {
        crate::sent::refuse_resend(&prepared.project, id, &mut diags);
    }
    let sending_follow_up = settings.sending_follow_up();
    if let Some(id) = sending_follow_up {
        crate::sent::refuse_follow_up(&prepared.project, &prepared.drafts, id, &mut diags);
    }
    if checking {
        // What `send` would refuse, said while there is time to finish it.
        for d in prepared.project.dossiers.iter().filter(|d| d.sent.is_none()) {
            for problem in crate::sent::unfinished(d) {
                diags.push(problem.as_warning().at_stage(Stage::Records));
            }
        }
    }
    if let Some(e) = unusable {
        diags.push(Diagnostic::general(crate::tr!("output-unusable", error = e.to_string()), None));
    }
    if diags.has_errors() {
        folders = None; // nothing is compared or staged; a folder this run made goes
    }
    // The dossiers whose public files are hashed: those sent (compared with
    // their lock) and the one being sent.
    // For a dossier whose sent files are kept: its follow-up's files, when
    // being sent or sent before.
    let hashed: Vec<&str> = prepared
        .drafts
        .iter()
        .filter(|_| !checking)
        .filter(|d| {
            let dossier = prepared.project.dossiers.iter().find(|x| x.id.value == d.dossier);
            match d.keep_sent {
                false => sending == Some(d.dossier.as_str()) || dossier.is_some_and(|x| x.sent.is_some()),
                true => {
                    !d.keep_follow_up
                        && (sending_follow_up == Some(d.dossier.as_str())
                            || dossier.is_some_and(|x| x.follow_up_sent.is_some()))
                }
            }
        })
        .map(|d| d.dossier.as_str())
        .collect();
    let mut done: Vec<Done> = Vec::new();
    if folders.is_some() || (checking && !diags.has_errors()) {
        // What the answers and the checks held is freed: given back before
        // the documents grow (on 10,000 reports, 655 -> 585 MB at the peak).
        crate::memory::stage_done();
        let t = Instant::now();
        let jobs = jobs_also(&prepared.drafts, settings, &also);
        let bar = progress(if checking { 0 } else { jobs.len() }, settings.quiet() || checking);
        // Each file is made, compared and staged (in parallel, see
        // `for_each_job`); its bytes are dropped as soon as they are staged.
        let results: Vec<Result<Done, Box<Diagnostic>>> = for_each_job(&jobs, |job| {
            let t = Instant::now();
            let made = make(job);
            if settings.timing() && t.elapsed().as_secs_f64() >= 0.1 {
                eprintln!("timing:   {}: {:.3} s", job.path.display(), t.elapsed().as_secs_f64());
            }
            bar.inc(1);
            let made = made?;
            let in_hashed = hashed.contains(&job.dossier);
            let hash =
                (job.root == Root::Public && in_hashed).then(|| crate::digest::sha256_hex(&made.bytes));
            let staged = match checking {
                true => None,
                false => {
                    let root = root_of(settings, job.root);
                    let path = root.join(&job.path);
                    // A link is told once, not once per file below it.
                    output::no_link_below(root, &path).map_err(|e| {
                        Box::new(
                            Diagnostic::general(e.to_string(), None).hint(crate::tr!("output-link-hint")),
                        )
                    })?;
                    let folder = folders.iter().flatten().find(|(r, _)| *r == job.root).map(|(_, f)| f);
                    let folder = folder.expect("a job's folder is open");
                    Some(folder.stage(&job.path, &made.bytes).map_err(|e| {
                        Box::new(Diagnostic::general(
                            crate::tr!(
                                "output-cannot-write",
                                path = path.display().to_string(),
                                error = crate::i18n::io_error(&e)
                            ),
                            None,
                        ))
                    })?)
                }
            };
            let planned = Planned {
                root: job.root,
                dossier: job.dossier.to_string(),
                below: job.below.clone(),
                path: job.path.clone(),
                change: staged.as_ref().map(|s| s.change),
                pages: made.pages,
                hash,
            };
            Ok(Done { planned, staged, warnings: made.warnings })
        });
        bar.finish_and_clear();
        let before = diags.len();
        let mut told: Vec<String> = Vec::new();
        for r in results {
            match r {
                Ok(mut d) => {
                    std::mem::take(&mut d.warnings).into_iter().for_each(|w| diags.push(w));
                    done.push(d);
                }
                Err(e) if told.contains(&e.message) => {}
                Err(e) => {
                    told.push(e.message.clone());
                    diags.push(*e)
                }
            }
        }
        diags.stage_from(before, Stage::Output);
        pipeline::timing(settings, "documents (every format)", t);
        if sending.is_none() && !checking {
            let made = |id: &str| files_of(&done, id);
            let kept = |id: &str| prepared.drafts.iter().any(|d| d.dossier == id && d.keep_sent);
            let follow_ups: Vec<&str> =
                hashed.iter().copied().filter(|id| kept(id) && sending_follow_up != Some(*id)).collect();
            let firsts: Vec<&str> = hashed.iter().copied().filter(|id| !kept(id)).collect();
            crate::sent::files_unchanged(&prepared.project, &made, &firsts, false, settings, &mut diags);
            crate::sent::files_unchanged(&prepared.project, &made, &follow_ups, true, settings, &mut diags);
        }
    }
    let failed = diags.has_errors();
    let lock = match (sending, sending_follow_up) {
        (Some(id), _) if !failed => {
            crate::sent::lock(&prepared.project, &prepared.drafts, settings.data(), id, &files_of(&done, id))
        }
        (_, Some(id)) if !failed => crate::sent::lock_follow_up(
            &prepared.project,
            &prepared.drafts,
            settings.data(),
            id,
            &files_of(&done, id),
        ),
        _ => None,
    };
    let known: Vec<&str> = prepared.project.dossiers.iter().map(|d| d.id.value.as_str()).collect();
    let kept: Vec<String> =
        prepared.drafts.iter().filter(|d| d.keep_sent).map(|d| d.dossier.clone()).collect();
    let kept_ids: Vec<&str> = kept.iter().map(String::as_str).collect();
    let kept_follow_ups: Vec<&str> =
        prepared.drafts.iter().filter(|d| d.keep_follow_up).map(|d| d.dossier.as_str()).collect();
    let mut files = Vec::new();
    let mut staged: Vec<(Root, Staged)> = Vec::new();
    for d in done {
        staged.extend(d.staged.map(|s| (d.planned.root, s)));
        files.push(d.planned);
    }
    let mut per_folder = Vec::new();
    let mut removed_all = Vec::new();
    for (root, folder) in folders.unwrap_or_default() {
        let (own, rest): (Vec<_>, Vec<_>) = staged.into_iter().partition(|(r, _)| *r == root);
        staged = rest;
        let mine: Vec<Staged> = own.into_iter().map(|(_, s)| s).collect();
        let made: Vec<PathBuf> = files.iter().filter(|f| f.root == root).map(|f| f.path.clone()).collect();
        // The sent files are kept in both folders, and a sent follow-up that
        // would change with them.
        let removed = no_longer_made(&folder, &made, settings, &known, (&kept_ids, &kept_follow_ups));
        let mut manifest: Vec<PathBuf> =
            folder.previous.iter().filter(|p| !removed.contains(p) && !made.contains(p)).cloned().collect();
        manifest.extend(made);
        manifest.sort();
        manifest.dedup();
        removed_all.extend(removed.iter().map(|r| (root, r.clone())));
        per_folder.push(FolderPlan { folder, staged: mine, removed, manifest });
    }
    let plan = Plan {
        files,
        removed: removed_all,
        dossiers: prepared.drafts.len(),
        kept,
        lock,
        dry_run: settings.dry_run(),
        folders: per_folder,
    };
    if failed {
        plan.discard();
        return Outcome { prepared, diagnostics: diags, plan: Err(Failure::Errors) };
    }
    Outcome { prepared, diagnostics: diags, plan: Ok(plan) }
}

/// The files the last build made in `folder` that this one, for the
/// dossiers and formats it makes, does not: they are removed. An internal
/// folder left inside a public one by an older version always goes.
fn no_longer_made(
    folder: &Folder,
    made: &[PathBuf],
    settings: &Settings,
    known: &[&str],
    kept: (&[&str], &[&str]),
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
                Some(_) if settings.dossiers().is_empty() => true,
                Some(d) => settings.dossiers().contains(d) && known.contains(&d.as_str()),
                None => false,
            };
            let format = p.extension().is_some_and(|e| settings.formats().iter().any(|f| f.extension() == e));
            let any_format = p.extension().is_some_and(|e| Format::EVERY.iter().any(|f| f.extension() == e));
            let sheet = p.file_name().is_some_and(|n| Sheet::ALL.iter().any(|s| n == s.file_name()))
                && p.components().count() == 2;
            // A dossier no longer in the data: its files go, whatever was asked.
            let gone = dossier.as_ref().is_some_and(|d| !known.contains(&d.as_str()));
            // A per-document PDF not made again, where this build made the
            // dossier's PDFs, is of a document no longer published. Where it
            // made none (a narrowed or sent dossier), it stays.
            let pdfs_made = |d: &str| {
                made.iter().any(|m| {
                    m.starts_with(d)
                        && m.components().count() == 2
                        && m.extension().is_some_and(|e| e == "pdf")
                })
            };
            let per_document =
                p.components().nth(1).is_some_and(|c| c.as_os_str() == pipeline::WOO_DOCUMENTS)
                    && dossier.as_deref().is_some_and(pdfs_made);
            // The upload package goes when a build does not make it again:
            // it would not follow later changes.
            let upload = p.components().nth(1).is_some_and(|c| c.as_os_str() == pipeline::UPLOAD);
            legacy_internal
                || (gone && (any_format || sheet || upload))
                || (in_scope && (format || sheet || per_document || upload))
        })
        .cloned()
        .collect()
}

/// Whether `path` is a sent file kept as it was sent: in the folder of a
/// dossier whose first answers are kept (`kept.0`), not in its follow-up
/// folder, or in that folder when the follow-up is kept too (`kept.1`).
fn is_kept(path: &Path, kept: (&[&str], &[&str])) -> bool {
    let mut parts = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let dossier = parts.next().unwrap_or_default();
    let below = parts.next().unwrap_or_default();
    match below == FOLLOW_UP {
        false => kept.0.contains(&dossier.as_str()),
        true => kept.1.contains(&dossier.as_str()),
    }
}

/// The public files made for `dossier`, by their path below its folder,
/// with their hashes; in name order.
fn files_of(done: &[Done], dossier: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = done
        .iter()
        .map(|d| &d.planned)
        .filter(|d| d.root == Root::Public && d.dossier == dossier)
        .filter_map(|d| {
            let name =
                d.below.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            Some((name, d.hash.clone()?))
        })
        .collect();
    files.sort();
    files
}
