//! One state of the workbench: the data loaded and every dossier's
//! documents made as the HTML backend writes them, in memory (nothing is
//! written to disk), with each dossier's status and each answer's sources;
//! or, when the data has errors, the diagnostics as `check` shows them,
//! beside the last good render.

use crate::answers::Engines;
use crate::answers::provenance::{self, Provenance};
use crate::document::{Audience, Document};
use crate::model::deadline::{self, Status};
use crate::pipeline;
use crate::settings::Settings;
use chrono::NaiveDate;
use std::time::{Duration, Instant};

/// A document as the workbench serves it.
#[derive(Clone, Debug)]
pub struct Page {
    /// Its name in the dossier: `antwoord`, `bijlagen`, `nader/antwoord`.
    pub name: String,
    pub title: String,
    /// The HTML backend's file.
    pub html: String,
}

/// A record an answer rests on, with where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub kind: provenance::Kind,
    pub id: String,
    /// `records/reports.yaml:12:5`.
    pub place: String,
}

/// One dossier in the workbench.
#[derive(Clone, Debug)]
pub struct Dossier {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub public: Vec<Page>,
    /// Empty unless the workbench shows the internal render.
    pub internal: Vec<Page>,
    /// Per answer (its question's number), its sources, public view.
    pub sources: Vec<(u32, Vec<Shown>)>,
    /// The same for the internal view (empty unless it is shown).
    pub internal_sources: Vec<(u32, Vec<Shown>)>,
}

/// What one build gave.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// Counts the builds: a page asks for a newer one.
    pub generation: u64,
    /// The dossiers of the last build without errors.
    pub dossiers: Vec<Dossier>,
    /// The errors of the latest build, as `check` prints them (withheld
    /// words masked); empty when it had none.
    pub problems: String,
    /// Its warnings, the same way.
    pub warnings: String,
    /// How long the latest build took.
    pub took: Duration,
}

impl Snapshot {
    pub fn dossier(&self, id: &str) -> Option<&Dossier> {
        self.dossiers.iter().find(|d| d.id == id)
    }
}

/// Builds the next snapshot from the files as they are now; `last` keeps
/// its dossiers when the data has errors. `internal`: also the internal
/// render (only then is it kept in memory).
pub fn build(settings: &Settings, internal: bool, today: NaiveDate, last: &Snapshot) -> Snapshot {
    let t = Instant::now();
    let prepared = pipeline::prepare(settings);
    let diags = &prepared.diagnostics;
    let (errors, warnings) = (diags.only_errors(true), diags.only_errors(false));
    let mut problems = errors.render(&prepared.sources, &prepared.withheld);
    let warnings = warnings.render(&prepared.sources, &prepared.withheld);
    if !prepared.not_rendered.is_empty() && !problems.is_empty() {
        problems.push_str(&format!(
            "note: the answers of {} were not rendered: fix the errors above, and their templates are checked\n",
            prepared.not_rendered.join(", ")
        ));
    }
    let dossiers = match errors.is_empty() {
        false => last.dossiers.clone(),
        true => dossiers(&prepared, settings, internal, today),
    };
    Snapshot { generation: last.generation + 1, dossiers, problems, warnings, took: t.elapsed() }
}

fn pages(docs: &[Document], below: &str) -> Vec<Page> {
    docs.iter()
        .map(|d| Page {
            name: format!("{below}{}", d.name),
            title: d.meta.title.clone(),
            html: crate::backend::html::write(d),
        })
        .collect()
}

fn dossiers(
    prepared: &pipeline::Prepared,
    settings: &Settings,
    internal: bool,
    today: NaiveDate,
) -> Vec<Dossier> {
    use rayon::prelude::*;
    let project = &prepared.project;
    let mut sources = prepared.sources.clone();
    let mut diags = crate::diag::Diagnostics::default();
    let templates = crate::load::templates(Some(settings.templates()), &mut sources, &mut diags);
    let engines = Engines::new(&templates);
    let place = |s: &provenance::Source| {
        let file = prepared.sources.get(s.span.file);
        let (line, col) = file.line_col(s.span.start);
        Shown { kind: s.kind, id: s.id.clone(), place: format!("{}:{line}:{col}", file.name) }
    };
    let shown = |p: Provenance| -> Vec<(u32, Vec<Shown>)> {
        p.into_iter().map(|(n, list)| (n, list.iter().map(place).collect())).collect()
    };
    prepared
        .drafts
        .par_iter()
        .filter_map(|drafts| {
            let d = project.dossiers.iter().find(|x| x.id.value == drafts.dossier)?;
            let mut public = pages(&drafts.public, "");
            public.extend(pages(&drafts.follow_up, "nader/"));
            let (mut inside, mut internal_sources) = (Vec::new(), Vec::new());
            if internal {
                inside = pages(&drafts.internal, "");
                inside.extend(pages(&drafts.follow_up_internal, "nader/"));
                internal_sources = shown(provenance::provenance(
                    project,
                    d,
                    engines.of(Audience::Internal),
                    Audience::Internal,
                ));
            }
            let sources =
                shown(provenance::provenance(project, d, engines.of(Audience::Public), Audience::Public));
            Some(Dossier {
                id: d.id.value.clone(),
                title: crate::redaction::public_view(&d.title).into_owned(),
                status: deadline::status(d, today),
                public,
                internal: inside,
                sources,
                internal_sources,
            })
        })
        .collect()
}
