//! The stages run in order for `check` and `build`: load and validate,
//! render every dossier's typed documents, make each output file with its
//! backend. Shared by the commands; writes nothing itself (the
//! [`crate::output`] stage does, for `build`).

use crate::answers::{self, Drafts};
use crate::backend::inventory::Sheet;
use crate::backend::{Format, RenderContext, Warning};
use crate::diag::{Diagnostic, Diagnostics};
use crate::document::inventory::Inventory;
use crate::document::{Document, Excerpt};
use crate::load;
use crate::model::Project;
use crate::settings::Settings;
use crate::source::Sources;
use crate::withheld::Withheld;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// Everything a run has found and made, before anything is written.
#[derive(Debug, Default)]
pub struct Prepared {
    pub sources: Sources,
    pub project: Project,
    pub diagnostics: Diagnostics,
    pub drafts: Vec<Drafts>,
    /// Dossier ids asked for that name no dossier (a command-line error);
    /// when there are any, nothing was rendered.
    pub unknown_dossiers: Vec<String>,
    /// Every passage withheld in the sources: searched for in what is
    /// published, masked in every message.
    pub withheld: Withheld,
    /// Dossiers not rendered because their data, or the register, failed
    /// to load: their templates are checked once the errors are fixed.
    pub not_rendered: Vec<String>,
}

/// Prints how long a stage took and the resident memory after it, when
/// the settings ask for it.
pub fn timing(settings: &Settings, stage: &str, since: Instant) {
    if !settings.timing() {
        return;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let rss = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .unwrap_or("VmRSS: ?")
        .trim_start_matches("VmRSS:")
        .trim();
    eprintln!("timing: {stage}: {:.3} s, RSS {rss}", since.elapsed().as_secs_f64());
}

/// Loads and validates the data, checks the dossiers asked for, and renders
/// the documents of each, in parallel, kept in their order.
pub fn prepare(settings: &Settings) -> Prepared {
    prepare_also(settings, &|_| Also::default()).0
}

/// What a narrowed build (`--dossier`, `--format`) makes besides what it
/// was asked for: the public files the last build made that the current
/// data may render differently, by dossier, in these formats. Made again,
/// each is rewritten if it differs and left if not, so a narrowed build
/// never leaves a stale public file (a name marked withheld since, still
/// showing in an older PDF).
#[derive(Clone, Debug, Default)]
pub struct Also {
    pub formats: std::collections::BTreeMap<String, Vec<Format>>,
}

impl Also {
    /// The public files `previous` (the last build's manifest) lists that
    /// a build of `settings` would not make, of the dossiers in `project`
    /// that are not sent (a sent dossier's files are what was sent).
    pub fn of(previous: &[PathBuf], settings: &Settings, project: &Project) -> Also {
        let mut formats: std::collections::BTreeMap<String, Vec<Format>> = Default::default();
        for path in previous {
            let parts: Vec<_> =
                path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let [dossier, file] = parts.as_slice() else { continue };
            let Some(d) = project.dossiers.iter().find(|d| &d.id.value == dossier) else { continue };
            if d.sent.is_some() {
                continue;
            }
            let ext = file.rsplit('.').next().unwrap_or_default();
            let Some(format) = Format::EVERY.into_iter().find(|f| f.extension() == ext) else { continue };
            if settings.includes(dossier) && settings.formats().contains(&format) {
                continue;
            }
            let list = formats.entry(dossier.clone()).or_default();
            if !list.contains(&format) {
                list.push(format);
                list.sort();
            }
        }
        Also { formats }
    }

    fn includes(&self, dossier: &str) -> bool {
        self.formats.contains_key(dossier)
    }
}

/// [`prepare`], rendering the dossiers of `also` (decided from the loaded
/// project) too; with what was decided.
pub fn prepare_also(settings: &Settings, also: &dyn Fn(&Project) -> Also) -> (Prepared, Also) {
    let t = Instant::now();
    let loaded = load::load(settings.data());
    timing(settings, "load and validate", t);
    let mut p = Prepared {
        sources: loaded.sources,
        project: loaded.project,
        diagnostics: loaded.diagnostics,
        ..Prepared::default()
    };
    let templates = load::templates(Some(settings.templates()), &mut p.sources, &mut p.diagnostics);
    let w = Instant::now();
    p.withheld = Withheld::collect_with(&p.sources, &p.project.persons);
    timing(settings, "withheld passages collected", w);
    let t = Instant::now();
    p.unknown_dossiers = settings
        .dossiers()
        .iter()
        .filter(|id| !p.project.dossiers.iter().any(|d| &d.id.value == *id))
        .cloned()
        .collect();
    if !p.unknown_dossiers.is_empty() {
        return (p, Also::default());
    }
    let also = also(&p.project);
    let asked: Vec<_> = p
        .project
        .dossiers
        .iter()
        .filter(|d| settings.includes(&d.id.value) || also.includes(&d.id.value))
        .collect();
    // What failed to load is left out of the later stages: its answers
    // would only repeat the mistake (a question without its answer, a
    // report missing from every count).
    let (chosen, waiting): (Vec<_>, Vec<_>) =
        asked.into_iter().partition(|d| !d.incomplete && !p.project.register.incomplete);
    p.not_rendered = waiting.iter().map(|d| d.id.value.clone()).collect();
    let options = answers::Options {
        internal: settings.internal(),
        records_have_errors: p.diagnostics.has_errors(),
        fingerprint_all: settings.sending().is_some(),
        provenance: settings.internal()
            && !matches!(settings.mode(), crate::settings::Mode::Check | crate::settings::Mode::Preview),
    };
    // Tera with the filters, once per run and audience.
    let engines = answers::Engines::new(&templates);
    let rendered: Vec<(Option<Drafts>, Diagnostics)> = chosen
        .par_iter()
        .map(|d| {
            let mut diags = Diagnostics::default();
            let drafts = answers::render_dossier(&p.project, d, &templates, &engines, options, &mut diags);
            (drafts, diags)
        })
        .collect();
    let before_render = p.diagnostics.len();
    answers::lint::project(&p.project, &templates, &mut p.diagnostics);
    for (drafts, diags) in rendered {
        p.diagnostics.extend(diags);
        p.drafts.extend(drafts);
    }
    // The internal answers list the records each answer rests on.
    for d in &mut p.drafts {
        let Some(sources) = &d.provenance else { continue };
        let appendix = answers::provenance::appendix(sources, &p.sources);
        if let Some(doc) = d.internal.iter_mut().find(|doc| doc.name == "antwoord") {
            doc.sections.push(appendix);
        }
    }
    let given = (&templates, &engines);
    crate::sent::compare(&p.project, &mut p.drafts, given, options, settings, &mut p.diagnostics);
    for d in &p.drafts {
        let Some(dossier) = p.project.dossiers.iter().find(|x| x.id.value == d.dossier) else { continue };
        if let Some(why) = d.inventory.as_ref().and_then(|i| i.diwoo_missing()) {
            let ministry = dossier.ministry();
            let (message, label, hint) = match why {
                crate::document::inventory::DiwooMissing::Publisher => (
                    crate::tr!("diwoo-no-publisher", dossier = d.dossier.as_str()),
                    crate::tr!("diwoo-no-publisher-label", ministry = ministry),
                    crate::tr!("diwoo-no-publisher-hint"),
                ),
                crate::document::inventory::DiwooMissing::BaseUrl => (
                    crate::tr!("diwoo-no-base-url", dossier = d.dossier.as_str()),
                    crate::tr!("diwoo-no-base-url-label"),
                    crate::tr!("diwoo-no-base-url-hint"),
                ),
            };
            p.diagnostics.push(Diagnostic::warning(message, dossier.id.span).label(label).hint(hint));
        }
    }
    timing(settings, "answers and annexes (documents)", t);
    let t = Instant::now();
    let allowed = |h: &crate::personal::Hit| p.project.persons.allows(h.kind, &h.key);
    let found = crate::published::search(&p.drafts, &p.withheld, &allowed);
    timing(settings, "public documents searched for withheld passages and personal data", t);
    tell_withheld(found.withheld, &p.withheld, &p.sources, &mut p.diagnostics);
    crate::guard::tell(found.personal, &p.project, &p.sources, &mut p.diagnostics);
    p.diagnostics.stage_from(before_render, crate::diag::Stage::Templates);
    (p, also)
}

/// A public document may hold no passage withheld anywhere in the sources.
/// Where one does (`found`, per output: [`crate::published::search`]), the
/// places it stands unmarked in the sources are errors naming both places;
/// when it stands in no source unmarked (a template wrote it, or joined it
/// from pieces), the document is named instead.
fn tell_withheld(
    found: Vec<(String, Vec<crate::source::Span>)>,
    withheld: &Withheld,
    sources: &Sources,
    diags: &mut Diagnostics,
) {
    if found.is_empty() {
        return;
    }
    let mut leaked: Vec<crate::source::Span> = found.iter().flat_map(|(_, p)| p.iter().copied()).collect();
    leaked.sort_by_key(|s| (s.file.0, s.start));
    leaked.dedup();
    let unmarked = withheld.only(&leaked).unmarked(sources);
    for u in &unmarked {
        let diag = if u.in_identifier {
            Diagnostic::error(crate::tr!("leak-identifier"), u.at)
                .label(crate::tr!("leak-identifier-label"))
                .also(u.withheld, crate::tr!("leak-withheld-here"))
                .hint(crate::tr!("leak-identifier-hint"))
        } else {
            Diagnostic::error(crate::tr!("leak-unmarked"), u.at)
                .label(crate::tr!("leak-unmarked-label"))
                .also(u.withheld, crate::tr!("leak-withheld-here"))
                .hint(crate::tr!("leak-unmarked-hint"))
        };
        diags.push(diag);
    }
    for (name, places) in found {
        for place in places.into_iter().filter(|p| !unmarked.iter().any(|u| u.withheld == *p)) {
            diags.push(
                Diagnostic::error(crate::tr!("leak-output", output = name.as_str()), place)
                    .label(crate::tr!("leak-withheld-here"))
                    .hint(crate::tr!("leak-output-hint")),
            );
        }
    }
}

/// Which output folder a file goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    /// The public output folder (`--out`): only public documents.
    Public,
    /// The internal review folder (`--internal-out`), outside the public one.
    Internal,
}

/// One output file to make: its folder, its path below it, and what it is
/// made from.
pub struct Job<'a> {
    pub root: Root,
    /// The dossier it belongs to.
    pub dossier: &'a str,
    /// Its path below the dossier's folder (`antwoord.pdf`, `nader/antwoord.pdf`).
    pub below: PathBuf,
    /// Its path below the output folder: the dossier's folder, then `below`.
    pub path: PathBuf,
    pub what: What<'a>,
}

/// What a file is made from.
pub enum What<'a> {
    /// A document in one format.
    Document(Format, &'a Document),
    /// A dossier's inventory for the publication platforms.
    Inventory(Sheet, &'a Inventory),
    /// A published Woo document on its own, made from its annex document
    /// among the documents it is published with.
    Woo(&'a Excerpt, &'a [Document]),
    /// A dossier's published Woo documents, packed for a platform's upload.
    Package(&'a [Excerpt], &'a [Document]),
}

/// The folder, inside a dossier's public one, of its upload package.
pub const UPLOAD: &str = "upload";
/// The production report in the upload package: the inventory's xlsx.
pub const UPLOAD_REPORT: &str = "productierapport.xlsx";
/// The documents in the upload package.
pub const UPLOAD_DOCUMENTS: &str = "documenten.zip";

pub use crate::answers::FOLLOW_UP;

/// The folder of the per-document PDFs (see [`crate::document::inventory::DOCUMENTS`]).
pub const WOO_DOCUMENTS: &str = crate::document::inventory::DOCUMENTS;

/// Every file a build makes, in a fixed order: per dossier, the public
/// documents, then (when asked) the internal ones, in their own folder.
pub fn jobs<'a>(drafts: &'a [Drafts], settings: &Settings) -> Vec<Job<'a>> {
    jobs_also(drafts, settings, &Also::default())
}

/// [`jobs`], with the public files of `also` too.
pub fn jobs_also<'a>(drafts: &'a [Drafts], settings: &Settings, also: &Also) -> Vec<Job<'a>> {
    let mut out = Vec::new();
    for d in drafts {
        let dir = PathBuf::from(&d.dossier);
        let mut sets = Vec::new();
        // A sent dossier that changed keeps its files as they were sent, the
        // internal review copies of them too; its follow-up answer goes to
        // `nader/` in each folder (kept as well once sent and changed again).
        let asked = settings.includes(&d.dossier);
        let internal = settings.internal() && asked;
        if !d.keep_sent {
            sets.push((Root::Public, PathBuf::new(), &d.public));
        }
        if !d.keep_follow_up {
            sets.push((Root::Public, PathBuf::from(FOLLOW_UP), &d.follow_up));
        }
        if internal && !d.keep_sent {
            sets.push((Root::Internal, PathBuf::new(), &d.internal));
        }
        if internal && !d.keep_follow_up {
            sets.push((Root::Internal, PathBuf::from(FOLLOW_UP), &d.follow_up_internal));
        }
        let extra = also.formats.get(&d.dossier).map_or(&[][..], Vec::as_slice);
        let mut formats: Vec<Format> = if asked { settings.formats().to_vec() } else { Vec::new() };
        formats.extend(extra);
        formats.sort();
        formats.dedup();
        for (root, sub, docs) in sets {
            for doc in docs {
                let formats = if root == Root::Internal { settings.formats() } else { &formats };
                for &format in formats {
                    let audience = match root {
                        Root::Public => crate::document::Audience::Public,
                        Root::Internal => crate::document::Audience::Internal,
                    };
                    let stem = audience.file_stem(&doc.name);
                    let below = sub.join(format!("{stem}.{}", format.extension()));
                    let path = dir.join(&below);
                    out.push(Job {
                        root,
                        dossier: &d.dossier,
                        below,
                        path,
                        what: What::Document(format, doc),
                    });
                }
            }
        }
        // Each published Woo document as a PDF of its own, and the inventory
        // the platforms read, beside them: the first answers' (not for a
        // sent dossier whose files are kept), and the follow-up's in `nader/`.
        let package = settings.package() && asked;
        let pdf = formats.contains(&Format::Pdf);
        if !d.keep_sent {
            let first = (d.woo.as_slice(), d.public.as_slice(), d.inventory.as_ref());
            publication(&mut out, d, PathBuf::new(), first, pdf, package);
        }
        if !d.keep_follow_up {
            let follow_up =
                (d.follow_up_woo.as_slice(), d.follow_up.as_slice(), d.follow_up_inventory.as_ref());
            publication(&mut out, d, PathBuf::from(FOLLOW_UP), follow_up, pdf, package);
        }
    }
    out
}

/// The Woo publication of one answer below `sub` of a dossier's folder:
/// each published document as a PDF of its own, named by its ID (when PDF
/// is made), the inventory in every sheet (DiWoo when it can be written),
/// and, when asked, the upload package.
fn publication<'a>(
    out: &mut Vec<Job<'a>>,
    d: &'a Drafts,
    sub: PathBuf,
    (woo, of, inventory): (&'a [Excerpt], &'a [Document], Option<&'a Inventory>),
    pdf: bool,
    package: bool,
) {
    let mut push = |below: PathBuf, what: What<'a>| {
        let below = sub.join(below);
        let path = PathBuf::from(&d.dossier).join(&below);
        out.push(Job { root: Root::Public, dossier: &d.dossier, below, path, what });
    };
    if pdf {
        for excerpt in woo {
            push(PathBuf::from(WOO_DOCUMENTS).join(format!("{}.pdf", excerpt.id)), What::Woo(excerpt, of));
        }
    }
    let Some(inventory) = inventory else { return };
    for sheet in Sheet::ALL {
        if sheet == Sheet::DiWoo && inventory.diwoo_missing().is_some() {
            continue;
        }
        push(PathBuf::from(sheet.file_name()), What::Inventory(sheet, inventory));
    }
    // What the platform's upload step takes: the production report, then
    // the documents.
    if package {
        let upload = PathBuf::from(UPLOAD);
        push(upload.join(UPLOAD_REPORT), What::Inventory(Sheet::Xlsx, inventory));
        push(upload.join(UPLOAD_DOCUMENTS), What::Package(woo, of));
    }
}

/// A made file: its bytes, its pages (PDF), and any warning.
pub struct Made {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
}

/// Makes one file with its format's backend. A file that cannot be made is
/// an error; what a format could not show as written is a warning.
pub fn make(job: &Job) -> Result<Made, Box<Diagnostic>> {
    let made_now;
    let (backend, ctx) = match job.what {
        What::Document(format, doc) => (format.backend(), RenderContext::document(doc)),
        What::Woo(excerpt, of) => {
            made_now = excerpt.document(of);
            (Format::Pdf.backend(), RenderContext::document(&made_now))
        }
        What::Inventory(sheet, inventory) => (sheet.backend(), RenderContext::inventory(inventory)),
        What::Package(woo, of) => (
            &crate::backend::package::Package as &dyn crate::backend::Backend,
            RenderContext::package(woo, of),
        ),
    };
    let r = backend
        .render(&ctx)
        .map_err(|e| Box::new(Diagnostic::general(format!("{}: {e}", job.path.display()), None)))?;
    let warnings = r.warnings.iter().map(|w| warning(job, w)).collect();
    Ok(Made { bytes: r.bytes, pages: r.pages, warnings })
}

fn warning(job: &Job, w: &Warning) -> Diagnostic {
    match w {
        Warning::MissingGlyphs { chars, in_withheld } => {
            let mut what: Vec<String> =
                chars.iter().map(|c| format!("`{c}` (U+{:04X})", *c as u32)).collect();
            if *in_withheld {
                what.push(crate::tr!("glyphs-withheld"));
            }
            Diagnostic::general(
                crate::tr!("glyphs-missing", file = job.path.display().to_string(), chars = what.join(", ")),
                None,
            )
            .hint(crate::tr!("glyphs-missing-hint"))
            .as_warning()
        }
    }
}

/// A PDF of a document with this much text or more (some 1,500 pages) is large.
const LARGE: usize = 2 << 20;

impl Job<'_> {
    /// Whether this is a large PDF, made on its own (see [`for_each_job`]).
    pub fn is_large(&self) -> bool {
        match self.what {
            What::Document(Format::Pdf, doc) => doc.text_len() >= LARGE,
            What::Woo(excerpt, of) => excerpt.text_len(of) >= LARGE,
            _ => false,
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Meta, Section, Span};
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn doc(text_len: usize) -> Document {
        let meta = Meta::sample("T");
        let blocks = vec![Block::Paragraph(vec![Span::text("x".repeat(text_len))])];
        Document {
            name: "d".into(),
            meta,
            sections: vec![Section { new_page: false, blocks }],
            notes: Vec::new(),
        }
    }

    #[test]
    fn large_pdfs_are_made_first_one_at_a_time_and_results_keep_job_order() {
        let (small, large) = (doc(5), doc(LARGE));
        let job = |name: &str, format: Format, doc| Job {
            root: Root::Public,
            dossier: "D",
            below: name.into(),
            path: name.into(),
            what: What::Document(format, doc),
        };
        let jobs = vec![
            job("a.md", Format::Md, &small),
            job("b.pdf", Format::Pdf, &large),
            job("c.pdf", Format::Pdf, &small),
            job("d.md", Format::Md, &large),
            job("e.pdf", Format::Pdf, &large),
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
