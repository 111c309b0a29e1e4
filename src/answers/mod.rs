//! Stage 3, **answers**: renders a dossier's documents. Answer templates
//! (Tera) get the register through [`context`] and the Dutch [`filters`];
//! the document templates ([`crate::model::templates`]) lay the questions
//! and answers out. The rendered Markdown is parsed once ([`parse`]) into the
//! typed [`Document`], its metadata read from the front matter
//! ([`front_matter`]). Pure: model and template text in, documents out; a
//! template problem becomes a diagnostic at its own line in `dossier.yaml`,
//! the records file or the template.
//!
//! By job: the register as a dossier sees it (`scope`), the answers grouped
//! with the footnotes they cite (`items`), each document rendered and
//! parsed, its footnotes then numbered on the typed document (`document`),
//! the annex frame split where it says `{{ bijlagen }}` and the annexes
//! rendered between its parts (`placement`), what was sent hashed (`fingerprint`), problems told at
//! their line (`errors`), Tera set up once ([`engine`]), and the loop
//! pitfalls found ([`lint`]). This file holds the entry points.

pub mod access;
pub mod annex;
pub mod context;
mod document;
pub mod dutch;
pub mod engine;
mod errors;
pub mod filters;
mod fingerprint;
pub mod front_matter;
mod items;
pub mod limits;
pub mod lint;
pub mod markdown;
pub mod names;
pub mod parse;
mod placement;
pub mod provenance;
mod scope;
mod tera_words;
pub mod view;

use crate::diag::{Diagnostic, Diagnostics};
use crate::document::inventory::Inventory;
use crate::document::{Audience, Block, Document, Excerpt, Note, Role, Section};
use crate::model::sent::{Fingerprint, Sent, SentAnnex};
use crate::model::templates::{DocTemplate, DocTemplates};
use crate::model::{Answer, Dossier, Project, Report, Text};
use crate::redaction::MarkerError;
use context::{AccountCtx, ReportCtx};
pub use engine::{Engine, Engines};
use markdown::{inline, tidy};
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Tera;
use view::View;

use document::*;
pub use errors::template_errors;
use errors::*;
use fingerprint::*;
use items::*;
use placement::*;
use scope::*;
pub use scope::{Scope, scope};

/// A dossier's documents, typed, for each audience.
#[derive(Clone, Debug, PartialEq)]
pub struct Drafts {
    pub dossier: String,
    /// `antwoord`, then `bijlagen` (when the dossier has annexes).
    pub public: Vec<Document>,
    /// The same for internal review; empty unless asked for.
    pub internal: Vec<Document>,
    /// Each published Woo document of the annexes on its own, named by its
    /// ID, for the publication platforms (`documenten/<ID>.pdf`): where it
    /// stands in the annex document among `public`.
    pub woo: Vec<Excerpt>,
    /// The public answers and annexes, hashed, to compare with what was sent.
    pub fingerprint: Fingerprint,
    /// The follow-up answer ("nader") of a sent dossier that changed, when
    /// asked for: written under `nader/`, the sent documents left as they are.
    pub follow_up: Vec<Document>,
    /// The follow-up answer for internal review (when asked for): written
    /// under the internal folder's `nader/`, apart from the sent answers'.
    pub follow_up_internal: Vec<Document>,
    /// The Woo documents the follow-up publishes (replacing sent ones, or
    /// added since), each on its own (`nader/documenten/<ID>.pdf`): where
    /// it stands in the annex document among `follow_up`.
    pub follow_up_woo: Vec<Excerpt>,
    /// The follow-up's inventory of those documents (`nader/inventaris.*`).
    pub follow_up_inventory: Option<Inventory>,
    /// The sent documents are kept as they are (not made again), public
    /// and internal.
    pub keep_sent: bool,
    /// The follow-up answer was sent, and this build would change it: its
    /// files are kept as they are too.
    pub keep_follow_up: bool,
    /// The inventory of the annexed documents as the publication platforms
    /// read it (public values only), when the dossier has one.
    pub inventory: Option<Inventory>,
    /// Per answer, the records it rests on as the internal render reads
    /// them ([`provenance`]): made with the internal documents, which list
    /// them in their appendix "Bronnen per antwoord"; none for public only.
    pub provenance: Option<provenance::Provenance>,
}

/// The folder, inside a dossier's, of its follow-up answer.
pub const FOLLOW_UP: &str = "nader";

/// One public output of a dossier, as the checks of what is published read
/// it: a document, or an inventory (the follow-up's own below
/// [`FOLLOW_UP`]).
pub enum Published<'a> {
    Document(&'a Document),
    /// A Woo document on its own, made from the annex document among `of`.
    Woo {
        excerpt: &'a Excerpt,
        of: &'a [Document],
    },
    Inventory {
        inventory: &'a Inventory,
        follow_up: bool,
    },
}

impl<'a> Published<'a> {
    /// The document it is, as its backends get it (a Woo document made
    /// from its annex document for as long as it is read); `None` for an
    /// inventory.
    pub fn document(&self) -> Option<std::borrow::Cow<'a, Document>> {
        match *self {
            Published::Document(doc) => Some(std::borrow::Cow::Borrowed(doc)),
            Published::Woo { excerpt, of } => Some(std::borrow::Cow::Owned(excerpt.document(of))),
            Published::Inventory { .. } => None,
        }
    }

    /// How a message names it: `<dossier>/<document>`, or
    /// `<dossier>/inventaris` (`<dossier>/nader/inventaris`).
    pub fn name(&self, dossier: &str) -> String {
        match self {
            Published::Document(doc) => format!("{dossier}/{}", doc.name),
            Published::Woo { excerpt, .. } => format!("{dossier}/{}", excerpt.id),
            Published::Inventory { follow_up: false, .. } => format!("{dossier}/inventaris"),
            Published::Inventory { follow_up: true, .. } => format!("{dossier}/{FOLLOW_UP}/inventaris"),
        }
    }
}

impl Drafts {
    /// Every public output, in build order: the answers' documents (the
    /// first answers' and the follow-up's), the Woo documents and their
    /// inventory, then the follow-up's Woo documents and inventory.
    pub fn published(&self) -> impl Iterator<Item = Published<'_>> {
        let inventory = |inventory, follow_up| Published::Inventory { inventory, follow_up };
        let (public, follow_up) = (self.public.as_slice(), self.follow_up.as_slice());
        let first = public.iter().chain(follow_up).map(Published::Document);
        let first = first.chain(self.woo.iter().map(move |excerpt| Published::Woo { excerpt, of: public }));
        let first = first.chain(self.inventory.iter().map(move |i| inventory(i, false)));
        let follow_up =
            self.follow_up_woo.iter().map(move |excerpt| Published::Woo { excerpt, of: follow_up });
        first.chain(follow_up).chain(self.follow_up_inventory.iter().map(move |i| inventory(i, true)))
    }
}

/// What a follow-up answer ("nader") holds: the answers and annexes that
/// changed since the dossier was sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FollowUp {
    /// Answers by number (the first question each answers).
    pub answers: Vec<u32>,
    /// Annexes by their report's id.
    pub annexes: Vec<String>,
    /// The documents of those annexes that were sent and differ now, by
    /// report id and place in the report's order, with the ID each was
    /// sent under: each gets a new ID that names it (Gerelateerd ID).
    pub replaced: Vec<(String, usize, String)>,
}

/// How a dossier is rendered.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Also the internal review documents.
    pub internal: bool,
    /// The loader found problems already: a malformed marker the records
    /// hold was told there, and is not told again for every document.
    pub records_have_errors: bool,
    /// Hash the answers and annexes of every dossier (`send` records them);
    /// otherwise only those of a sent dossier, to compare with its lock.
    pub fingerprint_all: bool,
    /// Compute each answer's sources with the internal documents, for their
    /// appendix (`build --internal`; a check leaves it out: it costs a
    /// render of the answers per record).
    pub provenance: bool,
}

/// Renders every document of `dossier`, the internal versions too when asked;
/// problems go to `diags`. Each audience is rendered from its own view of
/// the records ([`view`]): the public one never holds a withheld word.
pub fn render_dossier(
    project: &Project,
    dossier: &Dossier,
    templates: &DocTemplates,
    engines: &Engines,
    options: Options,
    diags: &mut Diagnostics,
) -> Option<Drafts> {
    let document::Rendered { documents: public, fingerprint, inventory, woo } =
        render_for(project, dossier, (templates, engines), Audience::Public, options, None, diags)?;
    let mut drafts = Drafts {
        dossier: dossier.id.value.clone(),
        public,
        internal: Vec::new(),
        woo,
        fingerprint,
        follow_up: Vec::new(),
        follow_up_internal: Vec::new(),
        follow_up_woo: Vec::new(),
        follow_up_inventory: None,
        keep_sent: false,
        keep_follow_up: false,
        inventory,
        provenance: None,
    };
    if options.internal {
        // A problem both renders share was told by the public one.
        let mut own = Diagnostics::default();
        let rendered =
            render_for(project, dossier, (templates, engines), Audience::Internal, options, None, &mut own);
        diags.extend_new(own);
        drafts.internal = rendered?.documents;
        if options.provenance {
            let engine = engines.of(Audience::Internal);
            drafts.provenance = Some(provenance::provenance(project, dossier, engine, Audience::Internal));
        }
    }
    Some(drafts)
}

/// A follow-up answer as rendered for one audience: its documents, and
/// (public) the Woo documents it publishes with their inventory.
#[derive(Default)]
pub struct FollowUpDrafts {
    pub documents: Vec<Document>,
    /// Where each Woo document it publishes stands among `documents`.
    pub woo: Vec<Excerpt>,
    pub inventory: Option<Inventory>,
}

/// The follow-up answer of a sent dossier: `nader.md` with the answers
/// that changed and, when annexes changed or were added, the annex
/// document with those annexes only (their numbers as the lock keeps them,
/// a changed document under a new ID that names the sent one).
pub fn render_follow_up(
    project: &Project,
    dossier: &Dossier,
    (templates, engines): (&DocTemplates, &Engines),
    audience: Audience,
    options: Options,
    follow: &FollowUp,
    diags: &mut Diagnostics,
) -> Option<FollowUpDrafts> {
    render_for(project, dossier, (templates, engines), audience, options, Some(follow), diags)
        .map(|r| FollowUpDrafts { documents: r.documents, woo: r.woo, inventory: r.inventory })
}
