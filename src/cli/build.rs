//! `beantwoord build`: check everything and render every answer document in
//! memory; then make each output file (in parallel), compare it with what is
//! on disk and stage what changed; only when all of it succeeded, put the
//! staged files in place. A run with errors writes nothing.

use super::DataArgs;
use super::settings::{Format, Settings, templates_dir};
use crate::answers::{self, Drafts};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load;
use crate::model::Project;
use crate::output::{self, Change, Staged};
use crate::source::Sources;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
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
    pub formats: Vec<Format>,
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
    fn settings(&self) -> Settings {
        let mut formats = if self.formats.is_empty() { Format::ALL.to_vec() } else { self.formats.clone() };
        formats.sort();
        formats.dedup();
        Settings {
            data: self.data.data.clone(),
            templates: Some(templates_dir(&self.data)),
            out: self.out.clone(),
            dossiers: self.dossiers.clone(),
            formats,
            internal: self.internal,
        }
    }
}

/// Everything a run has found and made, before anything is written.
#[derive(Debug, Default)]
pub struct Prepared {
    pub sources: Sources,
    pub project: Project,
    pub diagnostics: Diagnostics,
    pub drafts: Vec<Drafts>,
    /// `--dossier` ids that name no dossier (a command-line error).
    pub unknown_dossiers: Vec<String>,
}

/// Prints how long a stage took (and the resident memory after it) when
/// `BEANTWOORD_TIMING` is set.
pub fn timing(stage: &str, since: Instant) {
    crate::render::pdf::step(stage, since);
}

/// Loads, validates and renders the Markdown of every dossier, in memory;
/// dossiers are rendered in parallel and kept in their order.
pub fn prepare(settings: &Settings) -> Prepared {
    let t = Instant::now();
    let loaded = load::load(&settings.data);
    timing("load and validate", t);
    let t = Instant::now();
    let mut p = Prepared {
        sources: loaded.sources,
        project: loaded.project,
        diagnostics: loaded.diagnostics,
        ..Prepared::default()
    };
    let templates = load::templates(settings.templates.as_deref(), &mut p.sources, &mut p.diagnostics);
    p.unknown_dossiers = settings
        .dossiers
        .iter()
        .filter(|id| !p.project.dossiers.iter().any(|d| &d.id.value == *id))
        .cloned()
        .collect();
    let chosen: Vec<_> = p
        .project
        .dossiers
        .iter()
        .filter(|d| settings.dossiers.is_empty() || settings.dossiers.contains(&d.id.value))
        .collect();
    let rendered: Vec<(Option<Drafts>, Diagnostics)> = chosen
        .par_iter()
        .map(|d| {
            let mut diags = Diagnostics::default();
            let drafts = answers::render_dossier(&p.project, d, &templates, settings.internal, &mut diags);
            (drafts, diags)
        })
        .collect();
    for (drafts, diags) in rendered {
        p.diagnostics.extend(diags);
        p.drafts.extend(drafts);
    }
    timing("answers and annexes (Markdown)", t);
    p
}

/// One output file to make: its path below the output folder, its format and
/// the Markdown it is made from.
pub struct Job<'a> {
    pub path: PathBuf,
    pub format: Format,
    pub markdown: &'a str,
}

/// Every file a build makes, in a fixed order.
pub fn jobs<'a>(drafts: &'a [Drafts], settings: &Settings) -> Vec<Job<'a>> {
    let mut out = Vec::new();
    for d in drafts {
        let dir = PathBuf::from(&d.dossier);
        let mut sets = vec![(dir.clone(), &d.public)];
        if settings.internal {
            sets.push((dir.join("intern"), &d.internal));
        }
        for (folder, docs) in sets {
            for (name, markdown) in docs {
                for format in &settings.formats {
                    let path = folder.join(name).with_extension(format.extension());
                    out.push(Job { path, format: *format, markdown });
                }
            }
        }
    }
    out
}

/// A made file: its bytes (a Markdown file's are its draft's), its pages
/// (PDF), and any warning.
pub struct Made<'a> {
    pub bytes: std::borrow::Cow<'a, [u8]>,
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
}

/// Makes one file. A PDF that cannot be made is an error; characters the font
/// lacks are a warning (they show as U+FFFD).
pub fn make<'a>(job: &Job<'a>) -> Result<Made<'a>, Box<Diagnostic>> {
    match job.format {
        Format::Md => Ok(Made { bytes: job.markdown.as_bytes().into(), pages: 0, warnings: Vec::new() }),
        Format::Pdf => {
            let r = crate::render::document::to_pdf(job.markdown)
                .map_err(|e| Box::new(Diagnostic::general(format!("{}: {e}", job.path.display()), None)))?;
            let mut warnings = Vec::new();
            if !r.missing.is_empty() {
                let chars: Vec<String> =
                    r.missing.iter().map(|c| format!("`{c}` (U+{:04X})", *c as u32)).collect();
                warnings.push(
                    Diagnostic::general(
                        format!("{}: the font has no glyph for {}", job.path.display(), chars.join(", ")),
                        None,
                    )
                    .hint(
                        "they are shown as a replacement mark (U+FFFD); use another character in the records",
                    )
                    .as_warning(),
                );
            }
            Ok(Made { bytes: r.bytes.into(), pages: r.pages, warnings })
        }
    }
}

/// Makes every file in memory and drops it (for `check`): only the problems count.
pub fn check_files(drafts: &[Drafts], settings: &Settings, diags: &mut Diagnostics) {
    let results = for_each_job(&jobs(drafts, settings), |job| make(job).map(|m| m.warnings));
    for r in results {
        match r {
            Ok(warnings) => warnings.into_iter().for_each(|w| diags.push(w)),
            Err(e) => diags.push(*e),
        }
    }
}

/// A PDF made from this much Markdown or more (some 1,500 pages) is large.
const LARGE: usize = 2 << 20;

impl Job<'_> {
    /// Whether this is a large PDF, made on its own (see [`for_each_job`]).
    fn is_large(&self) -> bool {
        self.format == Format::Pdf && self.markdown.len() >= LARGE
    }
}

/// Runs `f` on every job; the results come in job order. Small documents are
/// made in parallel. A large PDF is laid out and encoded in parallel within
/// itself, so large ones are made one after another: two of them never hold
/// their pages at once (an internal build of 10,000 reports: 650 -> ~400 MiB).
pub fn for_each_job<'a, T: Send>(jobs: &[Job<'a>], f: impl Fn(&Job<'a>) -> T + Sync) -> Vec<T> {
    let mut out: Vec<Option<T>> = jobs.iter().map(|_| None).collect();
    for (i, job) in jobs.iter().enumerate().filter(|(_, j)| j.is_large()) {
        out[i] = Some(f(job));
    }
    let small: Vec<(usize, T)> =
        jobs.par_iter().enumerate().filter(|(_, j)| !j.is_large()).map(|(i, job)| (i, f(job))).collect();
    for (i, t) in small {
        out[i] = Some(t);
    }
    out.into_iter().flatten().collect()
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
    let settings = args.settings();
    let prepared = prepare(&settings);
    if !prepared.unknown_dossiers.is_empty() {
        let known: Vec<&str> = prepared.project.dossiers.iter().map(|d| d.id.value.as_str()).collect();
        eprintln!(
            "error: no dossier with id {}\n  hint: the dossiers are: {}",
            prepared.unknown_dossiers.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", "),
            known.join(", ")
        );
        return 2;
    }
    let mut diags = prepared.diagnostics;
    let mut staged: Vec<Staged> = Vec::new();
    let mut pages = 0;
    if !diags.has_errors() {
        let t = Instant::now();
        let jobs = jobs(&prepared.drafts, &settings);
        let bar = progress(jobs.len(), args.quiet);
        // Each file is made, compared and staged (in parallel, see
        // `for_each_job`); its bytes are dropped as soon as they are staged,
        // so memory stays flat.
        let results: Vec<Result<Done, Box<Diagnostic>>> = for_each_job(&jobs, |job| {
            let made = make(job);
            bar.inc(1);
            let made = made?;
            let path = settings.out.join(&job.path);
            let staged = output::stage(&path, &made.bytes, args.dry_run).map_err(|e| {
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
        timing("documents (Markdown and PDF)", t);
    }
    eprint!("{}", diags.render(&prepared.sources));
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
    if !args.quiet {
        for s in &staged {
            let verb = match (args.dry_run, s.change) {
                (true, Change::New) => "would add",
                (true, Change::Changed) => "would change",
                (_, c) => c.word(),
            };
            eprintln!("  {verb:<12} {}", s.path.display());
        }
    }
    let documents = staged.len();
    if !args.dry_run
        && let Err(e) = output::commit(staged)
    {
        eprintln!("error: cannot put the output in place: {e}");
        return 1;
    }
    eprintln!(
        "{} {} dossier(s), {documents} document(s), {pages} page(s) in {:.2} s: {new} new, {changed} changed, {unchanged} unchanged{}",
        if args.dry_run { "dry run:" } else { "built" },
        prepared.drafts.len(),
        started.elapsed().as_secs_f64(),
        if args.dry_run { "; nothing was written" } else { "" },
    );
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn large_pdfs_are_made_first_one_at_a_time_and_results_keep_job_order() {
        let large: &'static str = Box::leak("x".repeat(LARGE).into_boxed_str());
        let job =
            |name: &str, format: Format, markdown: &'static str| Job { path: name.into(), format, markdown };
        let jobs = vec![
            job("a.md", Format::Md, "klein"),
            job("b.pdf", Format::Pdf, large),
            job("c.pdf", Format::Pdf, "klein"),
            job("d.md", Format::Md, large),
            job("e.pdf", Format::Pdf, large),
        ];
        let started = std::sync::Mutex::new(Vec::new());
        let (busy, most_large) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let names = for_each_job(&jobs, |j| {
            started.lock().unwrap().push(j.path.display().to_string());
            let now = busy.fetch_add(1, Ordering::SeqCst) + 1;
            if j.is_large() {
                most_large.fetch_max(now, Ordering::SeqCst);
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            busy.fetch_sub(1, Ordering::SeqCst);
            j.path.display().to_string()
        });
        assert_eq!(names, ["a.md", "b.pdf", "c.pdf", "d.md", "e.pdf"]);
        assert_eq!(started.into_inner().unwrap()[..2], ["b.pdf", "e.pdf"], "large PDFs first");
        assert_eq!(most_large.load(Ordering::SeqCst), 1, "nothing runs beside a large PDF");
    }
}
