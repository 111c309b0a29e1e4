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
    /// Whether the sources are computed (they come after the documents).
    pub sources_ready: bool,
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

/// What the second phase needs: the run the snapshot was made from.
pub struct Pending {
    prepared: pipeline::Prepared,
    internal: bool,
}

/// Builds the next snapshot from the files as they are now; `last` keeps
/// its dossiers when the data has errors. `internal`: also the internal
/// render (only then is it kept in memory). The answers' sources are not
/// in it yet: [`with_sources`] adds them from what is returned beside it
/// (so that the pages update first; on a large register the sources take
/// longer than the documents).
pub fn build(
    settings: &Settings,
    internal: bool,
    today: NaiveDate,
    last: &Snapshot,
) -> (Snapshot, Option<Pending>) {
    let t = Instant::now();
    let prepared = pipeline::prepare(settings);
    let diags = &prepared.diagnostics;
    let (errors, warnings) = (diags.only_errors(true), diags.only_errors(false));
    let mut problems = errors.render(&prepared.sources, &prepared.withheld);
    let warnings = warnings.render(&prepared.sources, &prepared.withheld);
    if !prepared.not_rendered.is_empty() && !problems.is_empty() {
        problems.push_str(&crate::tr!("not-rendered", dossiers = prepared.not_rendered.join(", ")));
        problems.push('\n');
    }
    let (dossiers, pending) = match errors.is_empty() {
        false => (last.dossiers.clone(), None),
        true => (dossiers(&prepared, internal, today), Some(Pending { prepared, internal })),
    };
    let snapshot =
        Snapshot { generation: last.generation + 1, dossiers, problems, warnings, took: t.elapsed() };
    (snapshot, pending)
}

/// Both phases at once: the snapshot with its sources.
pub fn build_all(settings: &Settings, internal: bool, today: NaiveDate, last: &Snapshot) -> Snapshot {
    let (snapshot, pending) = build(settings, internal, today, last);
    match pending {
        Some(p) => with_sources(&snapshot, &p, settings),
        None => snapshot,
    }
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

fn dossiers(prepared: &pipeline::Prepared, internal: bool, today: NaiveDate) -> Vec<Dossier> {
    use rayon::prelude::*;
    let project = &prepared.project;
    prepared
        .drafts
        .par_iter()
        .filter_map(|drafts| {
            let d = project.dossiers.iter().find(|x| x.id.value == drafts.dossier)?;
            let mut public = pages(&drafts.public, "");
            let follow_up = format!("{}/", crate::answers::FOLLOW_UP);
            public.extend(pages(&drafts.follow_up, &follow_up));
            let mut inside = Vec::new();
            if internal {
                inside = pages(&drafts.internal, "");
                inside.extend(pages(&drafts.follow_up_internal, &follow_up));
            }
            Some(Dossier {
                id: d.id.value.clone(),
                title: crate::redaction::public_view(&d.title).into_owned(),
                status: deadline::status(d, today),
                public,
                internal: inside,
                sources: Vec::new(),
                internal_sources: Vec::new(),
                sources_ready: false,
            })
        })
        .collect()
}

/// `snapshot` (made by [`build`] with `pending`) with each answer's
/// sources, per view; the internal answers get their appendix "Bronnen per
/// antwoord", as `build --internal` writes it.
pub fn with_sources(snapshot: &Snapshot, pending: &Pending, settings: &Settings) -> Snapshot {
    with_sources_unless(snapshot, pending, settings, &|| false).unwrap_or_else(|| snapshot.clone())
}

/// [`with_sources`], given up (`None`) once `stop` says so.
pub fn with_sources_unless(
    snapshot: &Snapshot,
    pending: &Pending,
    settings: &Settings,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Snapshot> {
    use rayon::prelude::*;
    let prepared = &pending.prepared;
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
    let shown = |p: &Provenance| -> Vec<(u32, Vec<Shown>)> {
        p.iter().map(|(n, list)| (*n, list.iter().map(place).collect())).collect()
    };
    let dossiers: Option<Vec<Dossier>> = snapshot
        .dossiers
        .par_iter()
        .map(|wb| {
            let mut wb = wb.clone();
            let Some(d) = project.dossiers.iter().find(|x| x.id.value == wb.id) else { return Some(wb) };
            let of =
                |audience| provenance::provenance_unless(project, d, engines.of(audience), audience, stop);
            wb.sources = shown(&of(Audience::Public)?);
            if pending.internal {
                let drafts = prepared.drafts.iter().find(|x| x.dossier == wb.id);
                let internal = match drafts.and_then(|x| x.provenance.clone()) {
                    Some(p) => p,
                    None => of(Audience::Internal)?,
                };
                wb.internal_sources = shown(&internal);
                // The internal answers as the review documents have them.
                let answer = drafts.and_then(|x| x.internal.iter().find(|doc| doc.name == "antwoord"));
                if let (Some(doc), Some(page)) =
                    (answer, wb.internal.iter_mut().find(|p| p.name == "antwoord"))
                    && drafts.is_some_and(|x| x.provenance.is_none())
                {
                    let mut doc = doc.clone();
                    doc.sections.push(provenance::appendix(&internal, &prepared.sources));
                    page.html = crate::backend::html::write(&doc);
                }
            }
            wb.sources_ready = true;
            Some(wb)
        })
        .collect();
    Some(Snapshot { generation: snapshot.generation + 1, dossiers: dossiers?, ..snapshot.clone() })
}
