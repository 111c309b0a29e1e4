//! `beantwoord build`: check everything, render every document in memory, and
//! only then write them, each atomically. A run with errors writes nothing.

use super::DataArgs;
use super::settings::{Format, Settings, templates_dir};
use crate::answers::{self, Drafts};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load;
use crate::model::Project;
use crate::output::write_atomic;
use crate::source::Sources;
use std::path::PathBuf;

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

/// Prints how long a stage took when `BEANTWOORD_TIMING` is set.
pub fn timing(stage: &str, since: std::time::Instant) {
    if std::env::var_os("BEANTWOORD_TIMING").is_some() {
        eprintln!("timing: {stage}: {:.3} s", since.elapsed().as_secs_f64());
    }
}

/// Loads, validates and renders, in memory.
pub fn prepare(settings: &Settings) -> Prepared {
    let t = std::time::Instant::now();
    let loaded = load::load(&settings.data);
    timing("load and validate", t);
    let t = std::time::Instant::now();
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
    for d in &p.project.dossiers {
        if !settings.dossiers.is_empty() && !settings.dossiers.contains(&d.id.value) {
            continue;
        }
        if let Some(drafts) = answers::render_dossier(&p.project, d, &templates, &mut p.diagnostics) {
            p.drafts.push(drafts);
        }
    }
    timing("answers and annexes (Markdown)", t);
    p
}

/// The files a build writes: (path relative to the output folder, bytes).
/// A PDF that cannot be made is an error; characters the font lacks are a
/// warning (they show as U+FFFD).
pub fn files(drafts: &[Drafts], settings: &Settings, diags: &mut Diagnostics) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for d in drafts {
        let dir = PathBuf::from(&d.dossier);
        let mut sets = vec![(dir.clone(), &d.public)];
        if settings.internal {
            sets.push((dir.join("intern"), &d.internal));
        }
        for (folder, docs) in sets {
            for (name, markdown) in docs {
                let path = folder.join(name);
                if settings.formats.contains(&Format::Md) {
                    out.push((path.clone(), markdown.clone().into_bytes()));
                }
                if settings.formats.contains(&Format::Pdf) {
                    let pdf_path = path.with_extension("pdf");
                    match crate::render::document::to_pdf(markdown) {
                        Ok(r) => {
                            if !r.missing.is_empty() {
                                let chars: Vec<String> = r
                                    .missing
                                    .iter()
                                    .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
                                    .collect();
                                let mut w = Diagnostic::general(
                                    format!("{}: the font has no glyph for {}", pdf_path.display(), chars.join(", ")),
                                    None,
                                )
                                .hint("they are shown as a replacement mark (U+FFFD); use another character in the records");
                                w.severity = crate::diag::Severity::Warning;
                                diags.push(w);
                            }
                            out.push((pdf_path, r.bytes));
                        }
                        Err(e) => {
                            diags.push(Diagnostic::general(format!("{}: {e}", pdf_path.display()), None))
                        }
                    }
                }
            }
        }
    }
    out
}

pub fn run(args: BuildArgs) -> i32 {
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
    let t = std::time::Instant::now();
    let files = if diags.has_errors() { Vec::new() } else { files(&prepared.drafts, &settings, &mut diags) };
    timing("documents (PDF)", t);
    eprint!("{}", diags.render(&prepared.sources));
    if diags.has_errors() {
        eprintln!(
            "build failed: {} error(s), {} warning(s); nothing was written",
            diags.error_count(),
            diags.warning_count()
        );
        return 1;
    }
    let mut failed = Diagnostics::default();
    for (rel, bytes) in &files {
        let path = settings.out.join(rel);
        if let Err(e) = write_atomic(&path, bytes) {
            failed.push(Diagnostic::general(format!("cannot write {}: {e}", path.display()), None));
        }
    }
    if !failed.is_empty() {
        eprint!("{}", failed.render(&prepared.sources));
        return 1;
    }
    eprintln!(
        "built {} dossier(s): {} file(s) in {}",
        prepared.drafts.len(),
        files.len(),
        settings.out.display()
    );
    0
}
