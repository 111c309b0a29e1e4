//! Stage 3, **answers**: renders a dossier's documents. Answer templates
//! (Tera) get the register through [`context`] and the Dutch [`filters`];
//! the document templates ([`crate::model::templates`]) lay the questions
//! and answers out. The rendered Markdown is parsed once ([`parse`]) into the
//! typed [`Document`], its metadata read from the front matter
//! ([`front_matter`]). Pure: model and template text in, documents out; a
//! template problem becomes a diagnostic at its own line in `dossier.yaml`,
//! the records file or the template.

pub mod annex;
pub mod context;
pub mod dutch;
pub mod engine;
pub mod filters;
pub mod front_matter;
pub mod limits;
pub mod lint;
pub mod markdown;
pub mod parse;
pub mod view;

use crate::diag::{Diagnostic, Diagnostics};
use crate::document::inventory::Inventory;
use crate::document::{Audience, Block, Document, Inline, Note, Role, Section};
use crate::model::sent::{Fingerprint, SentAnnex};
use crate::model::templates::{DocTemplate, DocTemplates};
use crate::model::{Answer, Dossier, Project, Report, Text};
use crate::redaction::MarkerError;
use context::{AccountCtx, ReportCtx};
pub use engine::{Engine, Engines};
use markdown::{Footnotes, inline, tidy};
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Tera;
use view::View;

/// A dossier's documents, typed, for each audience.
#[derive(Clone, Debug, PartialEq)]
pub struct Drafts {
    pub dossier: String,
    /// `antwoord`, then `bijlagen` (when the dossier has annexes).
    pub public: Vec<Document>,
    /// The same for internal review; empty unless asked for.
    pub internal: Vec<Document>,
    /// The public answers and annexes, hashed, to compare with what was sent.
    pub fingerprint: Fingerprint,
    /// The follow-up answer ("nader") of a sent dossier that changed, when
    /// asked for: written under `nader/`, the sent documents left as they are.
    pub follow_up: Vec<Document>,
    /// The sent documents are kept as they are (not made again).
    pub keep_sent: bool,
    /// The inventory of the annexed documents as the publication platforms
    /// read it (public values only), when the dossier has one.
    pub inventory: Option<Inventory>,
}

/// What a follow-up answer ("nader") holds: the answers and annexes that
/// changed since the dossier was sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FollowUp {
    /// Answers by number (the first question each answers).
    pub answers: Vec<u32>,
    /// Annexes by their report's id.
    pub annexes: Vec<String>,
}

/// The register as one dossier sees it: reports in scope with annex numbers,
/// their texts rendered.
pub struct Scope<'p> {
    pub reports: Vec<&'p Report>,
    pub report_ctx: Vec<ReportCtx>,
    pub accounts: Vec<AccountCtx>,
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
    let (public, fingerprint, inventory) =
        render_for(project, dossier, (templates, engines), Audience::Public, options, None, diags)?;
    let mut drafts = Drafts {
        dossier: dossier.id.value.clone(),
        public,
        internal: Vec::new(),
        fingerprint,
        follow_up: Vec::new(),
        keep_sent: false,
        inventory,
    };
    if options.internal {
        // A problem both renders share was told by the public one.
        let mut own = Diagnostics::default();
        let rendered =
            render_for(project, dossier, (templates, engines), Audience::Internal, options, None, &mut own);
        diags.extend_new(own);
        drafts.internal = rendered?.0;
    }
    Some(drafts)
}

/// The public follow-up answer of a sent dossier: `nader.md` with the
/// answers that changed and, when annexes changed or were added, the annex
/// document with those annexes only (their numbers as the lock keeps them).
pub fn render_follow_up(
    project: &Project,
    dossier: &Dossier,
    templates: &DocTemplates,
    engines: &Engines,
    options: Options,
    follow: &FollowUp,
    diags: &mut Diagnostics,
) -> Option<Vec<Document>> {
    render_for(project, dossier, (templates, engines), Audience::Public, options, Some(follow), diags)
        .map(|(d, ..)| d)
}

/// One document to render: its template, the document's name, and the
/// delay notice it is about (for `uitstel-<n>`).
struct Planned<'a> {
    template: &'static str,
    name: String,
    delay: Option<(usize, &'a crate::model::DelayNotice)>,
}

/// The documents of `dossier` for one audience (or its follow-up answer),
/// with the fingerprint of what they say.
fn render_for(
    project: &Project,
    dossier: &Dossier,
    (templates, engines): (&DocTemplates, &Engines),
    audience: Audience,
    options: Options,
    follow: Option<&FollowUp>,
    diags: &mut Diagnostics,
) -> Option<(Vec<Document>, Fingerprint, Option<Inventory>)> {
    let errors_before = diags.error_count();
    let engine = engines.of(audience);
    let scope = scope(project, dossier, engine, audience, diags);
    let tera = engine.tera();
    let mut view = View::new(audience);
    view.insert("dossier", &context::dossier(dossier));
    view.insert("accounts", &scope.accounts);
    let by_id: BTreeMap<&str, &AccountCtx> = scope.accounts.iter().map(|a| (a.id.as_str(), a)).collect();
    view.insert("account", &by_id);
    view.insert("reports", &scope.report_ctx);
    let vragen: BTreeMap<&str, u32> = dossier
        .questions
        .iter()
        .filter_map(|q| q.id.as_ref().map(|id| (id.value.as_str(), q.number.value)))
        .collect();
    view.insert("vragen", &vragen);

    let mut answers: BTreeMap<u32, String> = BTreeMap::new();
    for q in &dossier.questions {
        if let Answer::Template(t) = &q.answer
            && let Some(out) = render_text(tera, t, &view, diags)
        {
            answers.insert(q.number.value, tidy(&out).trim_end().to_string());
        }
    }
    if diags.error_count() > errors_before {
        return None;
    }
    let (items, footnotes) = answer_items(dossier, &answers, &view, None, diags);
    // Hashing every annex costs time on a large register: only for a
    // dossier that is, or is being, sent.
    let hashed = audience == Audience::Public && (options.fingerprint_all || dossier.sent.is_some());
    let mut fingerprint = Fingerprint::default();
    if hashed {
        fingerprint.answers = answer_fingerprints(&items, &footnotes);
    }
    let (mut annexes, mut inventory, legend) = annex::annexes(
        &scope.reports,
        &scope.report_ctx,
        &project.register,
        audience,
        dossier.sent.as_ref(),
        &dossier.publication(),
    );
    if hashed && dossier.annexes.reports {
        fingerprint.date_order = scope
            .reports
            .iter()
            .filter(|r| dossier.annexes.includes(r))
            .enumerate()
            .map(|(i, r)| (r.id.value.clone(), i as u32 + 1))
            .collect();
    }
    drop(scope);
    if hashed {
        use rayon::prelude::*;
        fingerprint.annexes = annexes.par_iter().map(annex_fingerprint).collect();
    }
    let spreadsheet = (audience == Audience::Public && follow.is_none() && dossier.annexes.inventory)
        .then(|| annex::inventory(&inventory, dossier));
    let (items, footnotes) = match follow {
        Some(f) => {
            annexes.retain(|a| f.annexes.contains(&a.id));
            inventory.retain(|d| annexes.iter().any(|a| a.number == d.annex));
            answer_items(dossier, &answers, &view, Some(&f.answers), &mut Diagnostics::default())
        }
        None => (items, footnotes),
    };
    view.insert("items", &items);
    view.insert("footnotes", &footnotes);
    view.insert("annexes", &annexes.iter().map(annex::AnnexHead::of).collect::<Vec<_>>());
    view.insert("inventory", &inventory);
    view.insert("legend", &legend);
    let plan = planned(dossier, follow, &annexes);
    if !dossier.annexes.inventory {
        view.insert("inventory", &Vec::<annex::InventoryCtx>::new());
    }
    view.insert("internal", &(audience == Audience::Internal));
    if follow.is_some() {
        let numbers: Vec<u32> = items.iter().filter_map(|i| i.questions.first().map(|q| q.number)).collect();
        let annex_numbers: Vec<u64> = annexes.iter().map(|a| a.number as u64).collect();
        view.insert("nader", &context::follow_up(dossier, &numbers, &items_labels(&items), &annex_numbers));
    }
    let mut documents = Vec::new();
    for planned in &plan {
        let template = templates.get(planned.template)?;
        if let Some((number, notice)) = planned.delay {
            let reason = notice.reason.as_ref().and_then(|t| render_text(tera, t, &view, diags))?;
            view.insert("uitstel", &context::delay(dossier, number, notice, tidy(&reason).trim_end()));
        }
        // The annex document is a frame that says where its annexes go.
        let frame = planned.template == "bijlagen.md";
        if frame {
            view.insert("bijlagen", ANNEXES_GO_HERE);
        }
        let out = render_text(tera, &template.text, &view, diags);
        view.remove("bijlagen");
        view.remove("uitstel");
        let out = tidy(&out?);
        let placed = out.matches(ANNEXES_GO_HERE).count();
        let parsed = parse::parse(&out, audience)
            .map_err(|e| {
                if !options.records_have_errors {
                    diags.push(redaction_error(template, &e, dossier));
                }
            })
            .ok()?;
        let meta = front_matter::read(parsed.front_matter.as_deref(), audience)
            .map_err(|errors| errors.iter().for_each(|e| diags.push(meta_error(template, e, dossier))))
            .ok()?;
        let mut notes = parsed.notes;
        let sections = if frame {
            let one = templates.get("bijlage.md")?;
            let frame_notes: Vec<String> = notes.iter().map(|n| n.label.clone()).collect();
            let rendered =
                render_annexes(one, engine, &annexes, dossier, (audience, options), &frame_notes, diags)?;
            let mut sections = Vec::with_capacity(rendered.len());
            for (section, own) in rendered {
                sections.push(section);
                notes.extend(own);
            }
            place_annexes(parsed.blocks, placed, sections, template, diags)?
        } else {
            vec![Section { new_page: false, blocks: parsed.blocks }]
        };
        documents.push(Document { name: planned.name.clone(), meta, sections, notes });
    }
    Some((documents, fingerprint, spreadsheet))
}

/// The documents a dossier has: the answers, the annexes (when it has
/// them), the cover letter and a notice per delay with a reason; or, for a
/// follow-up, the follow-up answer and the annexes that changed.
fn planned<'d>(
    dossier: &'d Dossier,
    follow: Option<&FollowUp>,
    annexes: &[annex::AnnexCtx],
) -> Vec<Planned<'d>> {
    let doc = |template: &'static str, name: &str| Planned { template, name: name.to_string(), delay: None };
    let with_annexes = dossier.annexes.reports || dossier.annexes.inventory;
    if follow.is_some() {
        let mut plan = vec![doc("nader.md", "antwoord")];
        if with_annexes && !annexes.is_empty() {
            plan.push(doc("bijlagen.md", "bijlagen"));
        }
        return plan;
    }
    let mut plan = vec![doc("antwoord.md", "antwoord")];
    if with_annexes {
        plan.push(doc("bijlagen.md", "bijlagen"));
    }
    // The cover letter that offers the answers to the Kamer.
    plan.push(doc("aanbieding.md", "aanbieding"));
    for (i, notice) in dossier.delay_notices.iter().enumerate().filter(|(_, n)| n.reason.is_some()) {
        plan.push(Planned {
            template: "uitstel.md",
            name: format!("uitstel-{}", i + 1),
            delay: Some((i + 1, notice)),
        });
    }
    plan
}

/// Each answer's label ("8 en 9") by its number.
fn items_labels(items: &[ItemCtx]) -> Vec<String> {
    items.iter().map(|i| i.label.clone()).collect()
}

/// Each answer by its number (its first question), hashed with its
/// questions and the texts of the notes it cites: a change to any of them
/// is a change to what was sent.
fn answer_fingerprints(items: &[ItemCtx], notes: &[FootnoteCtx]) -> Vec<(u32, String)> {
    items
        .iter()
        .filter_map(|item| {
            let number = item.questions.first()?.number;
            let mut text = String::new();
            for q in &item.questions {
                text.push_str(&q.text);
                text.push('\0');
            }
            text.push_str(&item.answer);
            let cited: Vec<&FootnoteCtx> =
                notes.iter().filter(|n| text.contains(&format!("[^{}]", n.number))).collect();
            for n in cited {
                text.push('\0');
                text.push_str(&n.text);
                text.push_str(n.url.as_deref().unwrap_or(""));
            }
            Some((number, crate::digest::sha256_hex(text.as_bytes())))
        })
        .collect()
}

/// An annex as the lock records it: its number, its documents' numbers and
/// the hash of everything it shows (public: no withheld word is hashed).
fn annex_fingerprint(a: &annex::AnnexCtx) -> SentAnnex {
    let json = serde_json::to_string(a).unwrap_or_default();
    SentAnnex {
        report: a.id.clone(),
        number: a.number as u32,
        documents: a.documents.iter().map(|d| d.listed.number as u32).collect(),
        hash: crate::digest::sha256_hex(json.as_bytes()),
    }
}

/// A marker the rendered document holds malformed: the records' markers are
/// checked when loaded, so a template broke it (or wrote it). Pointed at the
/// template, with the dossier it was rendered for.
fn redaction_error(template: &DocTemplate, errors: &[MarkerError], dossier: &Dossier) -> Diagnostic {
    // The marker's own words are not repeated: only what is wrong with it.
    let what: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    Diagnostic::error(
        format!("{} makes a malformed redaction: {}", template.name, what.join("; ")),
        template.text.span,
    )
    .label("the document this template makes")
    .also(dossier.id.span, "rendered for this dossier")
    .hint("a template must keep a withheld passage whole: print it as it comes, do not cut or join it")
}

fn meta_error(template: &DocTemplate, e: &front_matter::MetaError, dossier: &Dossier) -> Diagnostic {
    Diagnostic::error(format!("the document {} {e}", template.name), dossier.id.span)
        .label("for this dossier")
        .also(template.text.span, "made by this template")
        .hint("a document template's front matter sets title, author, dossier and date (or submitted); see the built-in templates")
}

/// Stands in the annex document's frame for the annexes until they are
/// placed; U+FFFF is not a character that YAML or a template can carry.
const ANNEXES_GO_HERE: &str = "\u{FFFF}bijlagen\u{FFFF}";

/// One rendered annex: its section, and the footnotes it defines itself.
type Annex = (Section, Vec<Note>);

/// Each annex rendered from `bijlage.md`, tidied and parsed for `audience`,
/// in parallel, in order: one section each, starting a page, its first
/// heading the annex's. A problem in the template is reported once, not once
/// per annex.
fn render_annexes(
    template: &DocTemplate,
    engine: &Engine,
    annexes: &[annex::AnnexCtx],
    dossier: &Dossier,
    (audience, options): (Audience, Options),
    frame_notes: &[String],
    diags: &mut Diagnostics,
) -> Option<Vec<Annex>> {
    use rayon::prelude::*;
    if let Err(problems) = engine.annex() {
        problems.iter().for_each(|d| diags.push(d.clone()));
        return None;
    }
    let tera = engine.tera();
    let mut base = View::new(audience);
    base.insert("dossier", &context::dossier(dossier));
    base.insert("internal", &(audience == Audience::Internal));
    let rendered: Vec<Result<Annex, Vec<Diagnostic>>> = annexes
        .par_iter()
        .map(|a| {
            let mut view = base.clone();
            view.insert("bijlage", a);
            let text = limits::render(tera, engine::ANNEX, view.context())
                .map_err(|e| template_errors(&e, &template.text, &view.names()))?;
            // A footnote the frame defines may be cited in an annex: the
            // annex is parsed on its own, so it is told the label exists (a
            // stand-in definition, dropped again).
            let mut text = tidy(&text);
            let borrowed: Vec<&String> = frame_notes
                .iter()
                .filter(|l| text.contains(&format!("[^{l}]")) && !text.contains(&format!("[^{l}]:")))
                .collect();
            for label in &borrowed {
                text.push_str(&format!("\n[^{label}]: .\n"));
            }
            let parsed = parse::parse(&text, audience).map_err(|e| {
                if options.records_have_errors {
                    Vec::new()
                } else {
                    vec![redaction_error(template, &e, dossier)]
                }
            })?;
            let mut blocks = parsed.blocks;
            let notes: Vec<Note> =
                parsed.notes.into_iter().filter(|n| !borrowed.contains(&&n.label)).collect();
            if let Some(Block::Heading(h)) = blocks.iter_mut().find(|b| matches!(b, Block::Heading(_))) {
                h.role = Role::Annex;
            }
            Ok((Section { new_page: true, blocks }, notes))
        })
        .collect();
    let mut out = Vec::with_capacity(rendered.len());
    let mut reported: Vec<String> = Vec::new();
    let mut failed = false;
    for r in rendered {
        match r {
            Ok(s) => out.push(s),
            Err(ds) => {
                failed = true;
                for d in ds {
                    if !reported.contains(&d.message) {
                        reported.push(d.message.clone());
                        diags.push(d);
                    }
                }
            }
        }
    }
    (!failed).then_some(out)
}

/// The frame's blocks with the annexes where it says `{{ bijlagen }}`: what
/// comes before, each annex, what comes after. A frame that does not say so
/// once, on a line of its own, is an error.
fn place_annexes(
    frame: Vec<Block>,
    written: usize,
    annexes: Vec<Section>,
    template: &DocTemplate,
    diags: &mut Diagnostics,
) -> Option<Vec<Section>> {
    let is_place = |b: &Block| matches!(b, Block::Paragraph(spans) if matches!(spans.as_slice(), [s] if s.inline == Inline::Text(ANNEXES_GO_HERE.to_string())));
    let alone = frame.iter().filter(|b| is_place(b)).count();
    let problem = match written {
        0 if annexes.is_empty() => None,
        0 => Some("does not place the annexes"),
        1 if alone == 1 => None,
        1 => Some("places the annexes inside other text"),
        _ => Some("places the annexes more than once"),
    };
    if let Some(how) = problem {
        diags.push(
            Diagnostic::error(format!("{}: {how}", template.name), template.text.span)
                .label("in this template")
                .hint("write `{{ bijlagen }}` once, on a line of its own, where the annexes go"),
        );
        return None;
    }
    let mut before = frame;
    let after = match before.iter().position(is_place) {
        Some(i) => before.split_off(i).into_iter().skip(1).collect(),
        None => Vec::new(),
    };
    let mut sections = vec![Section { new_page: false, blocks: before }];
    sections.extend(annexes);
    if !after.is_empty() {
        sections.push(Section { new_page: false, blocks: after });
    }
    Some(sections)
}

/// The reports in scope, in date order, numbered as annexes, their summaries
/// and outcome texts rendered with `report` in the context.
pub fn scope<'p>(
    project: &'p Project,
    dossier: &Dossier,
    engine: &Engine,
    audience: Audience,
    diags: &mut Diagnostics,
) -> Scope<'p> {
    use rayon::prelude::*;
    let reg = &project.register;
    let reports = reg.reports_until(dossier.records_until);
    let tera = engine.tera();
    let positions = context::positions(&reports);
    let numbers = annex_numbers(&reports, dossier);
    // Reports are independent: rendered in parallel, collected in order.
    let rendered: Vec<(ReportCtx, Diagnostics)> = reports
        .par_iter()
        .zip(positions)
        .enumerate()
        .map(|(i, (r, volgnummer))| {
            let mut diags = Diagnostics::default();
            let annex = numbers[i];
            let mut rc = context::report(r, reg, volgnummer, annex);
            let mut view = View::new(audience);
            view.insert("report", &rc);
            rc.summary =
                render_text(tera, &r.summary, &view, &mut diags).map(|s| inline(&s)).unwrap_or_default();
            for o in &r.outcome {
                let (Some(text), Some(oc)) = (&o.text, rc.outcome.get(&o.account.value)) else { continue };
                view.insert("outcome", oc);
                let out = render_text(tera, text, &view, &mut diags).map(|s| inline(&s)).unwrap_or_default();
                if let Some(oc) = rc.outcome.get_mut(&o.account.value) {
                    oc.text = out;
                }
            }
            (rc, diags)
        })
        .collect();
    let mut report_ctx = Vec::with_capacity(rendered.len());
    for (rc, d) in rendered {
        diags.extend(d);
        report_ctx.push(rc);
    }
    let accounts = reg.accounts.iter().map(|a| context::account(a, &reports)).collect();
    Scope { reports, report_ctx, accounts }
}

/// Each report's annex number: the one recorded when the dossier was sent
/// (a Woo number, once given, holds), else the next free one, in date order.
fn annex_numbers(reports: &[&Report], dossier: &Dossier) -> Vec<Option<usize>> {
    let kept = dossier.sent.as_ref().map(|s| s.annex_numbers()).unwrap_or_default();
    let mut next =
        dossier.sent.as_ref().and_then(|s| s.annexes.iter().map(|a| a.number).max()).unwrap_or(0) as usize;
    reports
        .iter()
        .map(|r| {
            if !dossier.annexes.includes(r) {
                return None;
            }
            match kept.get(r.id.value.as_str()) {
                Some(&n) => Some(n as usize),
                None => {
                    next += 1;
                    Some(next)
                }
            }
        })
        .collect()
}

/// Renders `text` as a one-off template (not added to `tera`, so rendering
/// thousands of record texts stays linear), as the view's audience may see
/// it; a problem becomes a diagnostic at its place in the source.
fn render_text(tera: &Tera, text: &Text, view: &View, diags: &mut Diagnostics) -> Option<String> {
    match limits::render_str(tera, &view.source(&text.value), view.context()) {
        Ok(s) => Some(s),
        Err(e) => {
            template_errors(&e, text, &view.names()).into_iter().for_each(|d| diags.push(d));
            None
        }
    }
}

/// A Tera error as diagnostics at the right line and column of the source.
/// Most errors carry a span; reference checks made when a template is added
/// (unknown filters, tests, functions) come as report text, one
/// `error: …` / ` --> name:line:col` pair per problem, and are read from it.
pub fn template_errors(e: &tera::Error, text: &Text, names: &[&str]) -> Vec<Diagnostic> {
    use std::error::Error as _;
    let mut found: Vec<(String, crate::source::Span)> = Vec::new();
    // A block left open or closed twice is told at its tag, not where the
    // text ends.
    let blocks = lint::unbalanced(&text.value);
    if matches!(e.kind(), tera::ErrorKind::SyntaxError(_)) && !blocks.is_empty() {
        for (range, message) in blocks {
            found.push((message, text.span_of(range.start, range.end)));
        }
        return found.into_iter().map(|(m, span)| template_diagnostic(m, span, names)).collect();
    }
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let s = r.span();
            let mut message = r.message().to_string();
            let mut source = e.source();
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            found.push((message, text.span_of_line_col(s.start_line, s.start_col, s.range.len())));
        }
        other => {
            let report = other.to_string();
            let mut lines = report.lines().peekable();
            while let Some(line) = lines.next() {
                let Some(message) = line.trim().strip_prefix("error: ") else { continue };
                let place = lines.peek().and_then(|l| l.trim().strip_prefix("--> ")).and_then(|p| {
                    let mut parts = p.rsplitn(3, ':');
                    let col: usize = parts.next()?.parse().ok()?;
                    let line: usize = parts.next()?.parse().ok()?;
                    Some((line, col))
                });
                let span = place.map_or(text.span, |(l, c)| {
                    let len = message.split('`').nth(1).map_or(1, str::len);
                    text.span_of_line_col(l, c.saturating_sub(1), len)
                });
                found.push((message.to_string(), span));
            }
            if found.is_empty() {
                found.push((report, text.span));
            }
        }
    }
    found.into_iter().map(|(m, span)| template_diagnostic(m, span, names)).collect()
}

/// Tera's own filters and functions a template may use, beside ours.
const TERA_BUILT_INS: &str = "default, length, first, last, nth, join, sort, unique, reverse, upper, lower, capitalize, trim, replace, split, round, int, str, get, keys, values, group_by, range";

/// One template problem, with a hint that names what this template can use:
/// the variables given to it (`names`), our filters and Tera's.
fn template_diagnostic(message: String, span: crate::source::Span, names: &[&str]) -> Diagnostic {
    let variables = if names.is_empty() { "see README.md".to_string() } else { names.join(", ") };
    let hint = format!(
        "this template has the variables {variables}; filters: {} (README.md, \"What an answer template can use\"); Tera's: {TERA_BUILT_INS}",
        filters::OURS.join(", ")
    );
    Diagnostic::error(format!("template: {message}"), span).label("template problem").hint(hint)
}

#[derive(Serialize)]
struct QuestionCtx {
    number: u32,
    text: String,
}

#[derive(Serialize)]
struct ItemCtx {
    questions: Vec<QuestionCtx>,
    /// `10` or `10 en 11`.
    label: String,
    answer: String,
}

#[derive(Serialize)]
struct FootnoteCtx {
    number: usize,
    text: String,
    url: Option<String>,
}

/// The answers grouped as the document shows them (questions answered
/// together under one answer) and the footnotes numbered in order of first use.
fn answer_items(
    dossier: &Dossier,
    answers: &BTreeMap<u32, String>,
    view: &View,
    keep: Option<&[u32]>,
    diags: &mut Diagnostics,
) -> (Vec<ItemCtx>, Vec<FootnoteCtx>) {
    let mut groups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for q in &dossier.questions {
        let owner = match &q.answer {
            Answer::Template(_) | Answer::Missing => q.number.value,
            Answer::With(w) => w.value,
        };
        groups.entry(owner).or_default().push(q.number.value);
    }
    let mut ordered: Vec<(u32, Vec<u32>)> = groups.into_iter().collect();
    ordered.sort_by_key(|(_, qs)| qs.iter().min().copied());
    let known = |id: &str| dossier.footnotes.iter().any(|f| f.id.value == id);
    let mut notes = Footnotes::default();
    let mut unknown = Vec::new();
    let mut items = Vec::new();
    for (owner, mut numbers) in ordered {
        numbers.sort_unstable();
        if keep.is_some_and(|k| !numbers.first().is_some_and(|n| k.contains(n))) {
            continue;
        }
        let questions = numbers
            .iter()
            .filter_map(|n| dossier.questions.iter().find(|q| q.number.value == *n))
            .map(|q| {
                let (text, u) = notes.number(tidy(&view.source(&q.text.value)).trim_end(), known);
                unknown.extend(u);
                QuestionCtx { number: q.number.value, text }
            })
            .collect();
        let (answer, u) = notes.number(answers.get(&owner).map_or("", String::as_str), known);
        unknown.extend(u);
        let label = dutch::opsomming(&numbers.iter().map(u32::to_string).collect::<Vec<_>>());
        items.push(ItemCtx { questions, label, answer });
    }
    let written_in_dossier = |id: &str| {
        let needle = format!("[^{id}]");
        dossier.questions.iter().any(|q| {
            q.text.value.contains(&needle)
                || matches!(&q.answer, Answer::Template(t) if t.value.contains(&needle))
        })
    };
    for id in unknown.into_iter().filter(|id| !written_in_dossier(id)) {
        diags.push(
            Diagnostic::error(format!("footnote `[^{id}]` is not defined"), dossier.id.span)
                .label("used in a rendered answer of this dossier")
                .hint(format!("define it under `footnotes:` as `{id}: {{ text: … }}`")),
        );
    }
    let footnotes = notes
        .order()
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let f = dossier.footnotes.iter().find(|f| &f.id.value == id)?;
            Some(FootnoteCtx { number: i + 1, text: inline(&view.source(&f.text.value)), url: f.url.clone() })
        })
        .collect();
    (items, footnotes)
}
