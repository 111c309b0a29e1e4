//! The annexes: one per report in scope (date order), each reproducing its
//! correspondence, and the Woo inventory list of those documents with their
//! judgement and grounds. Builds the variables of `templates/bijlagen.md`
//! and, per annex, of `templates/bijlage.md`.

use super::context::ReportCtx;
use crate::document::Audience;
use crate::document::markdown::escape_plain;
use crate::model::sent::Sent;
use crate::model::{Direction, Ground, Precision, Publication, Register, Report};
use serde::Serialize;
use std::collections::BTreeMap;

/// One document (correspondence item) as the inventory lists it.
#[derive(Serialize, Clone, Debug)]
pub struct InventoryCtx {
    /// Numbered through the whole dossier.
    pub number: usize,
    /// Its document ID (`BZK-2022Z21205-2021-03-09-video-stemmen-vaccinatie-1`).
    pub id: String,
    /// Its family (a document with its attachments; a letter here has none,
    /// so it is its own) and its thread (the report's letters and replies):
    /// numbers, as the platforms read them, from the document's ID and the
    /// report's id, so they hold as the IDs hold ([`crate::digest::stable_numbers`]).
    pub family: u64,
    pub thread: u64,
    /// Dutch, or `onbekend`.
    pub date: String,
    /// `2021-03-09`; empty when unknown (or known only to the month).
    pub iso_date: String,
    /// `Bericht van Ministerie van BZK aan Facebook`.
    pub description: String,
    /// Its title for the platforms, unique in the dossier: the description
    /// with its date (`…, 9 maart 2021`) or, undated, its number.
    pub title: String,
    pub annex: usize,
    pub from: String,
    pub to: String,
    /// As the platforms write it: `Openbaar`, `Deels openbaar`, `Niet
    /// openbaar`, `Reeds openbaar`.
    pub judgement: &'static str,
    /// Ground codes as the platforms separate them, `5.1.2e; 5.2`, with
    /// `dubbel` for a duplicate; empty for an open document.
    pub grounds: String,
    /// The law it is judged under: `Woo` or `Wob`.
    pub law: &'static str,
    /// For a duplicate: the other document's ID.
    pub related: String,
    /// For a document already published with an earlier dossier's answers
    /// (`Reeds openbaar`): where it is (Publieke Link), and that dossier.
    pub link: String,
    pub earlier: String,
    /// Why (Toelichting): that it is a duplicate, a reconstruction or a
    /// summary, and why its date is unknown; sentences joined.
    pub note: String,
    /// The date, for the spreadsheets.
    #[serde(skip)]
    pub day: Option<chrono::NaiveDate>,
    /// Received by the ministry, for the index.
    #[serde(skip)]
    pub received: bool,
}

/// One document in its annex: what the inventory says, and its text.
#[derive(Serialize, Clone, Debug)]
pub struct DocumentCtx {
    #[serde(flatten)]
    pub listed: InventoryCtx,
    /// Whether the public annex reproduces the text (not when `niet openbaar`).
    pub published: bool,
    /// A reconstruction, not a copy of the original.
    pub reconstructed: bool,
    /// What it is when not the original: `reconstructie`, `samenvatting`;
    /// empty for an original. `form_note` says it in a sentence.
    pub form: &'static str,
    pub form_note: &'static str,
    /// Markdown with redaction markers still in place; empty in the public
    /// render of a document that is not published.
    pub text: String,
}

/// A label and value in an annex's record table.
#[derive(Serialize, Clone, Debug)]
pub struct Row {
    pub label: String,
    pub value: String,
}

/// One annex: the variable `bijlage` of `templates/bijlage.md`.
#[derive(Serialize, Clone, Debug)]
pub struct AnnexCtx {
    pub number: usize,
    pub subject: String,
    pub id: String,
    pub rows: Vec<Row>,
    pub documents: Vec<DocumentCtx>,
}

/// An annex as the other templates see it (`annexes`): no rows or texts.
#[derive(Serialize, Clone, Debug)]
pub struct AnnexHead {
    pub number: usize,
    pub subject: String,
    pub id: String,
}

impl AnnexHead {
    pub fn of(a: &AnnexCtx) -> AnnexHead {
        AnnexHead { number: a.number, subject: a.subject.clone(), id: a.id.clone() }
    }
}

#[derive(Serialize, Clone, Debug)]
pub struct GroundCtx {
    pub code: &'static str,
    pub description: &'static str,
    /// `Woo` or `Wob`.
    pub law: &'static str,
}

/// The annexes in number order, the inventory (all their documents, in
/// order) and the legend of the grounds used. A sent dossier's documents
/// keep the inventory numbers recorded in its lock; a document added since
/// gets the next free one, above every number a lock records (`given`).
pub fn annexes(
    reports: &[&Report],
    report_ctx: &[ReportCtx],
    reg: &Register,
    audience: Audience,
    (sent, given): (Option<&Sent>, u32),
    publication: &Publication,
    before: &BTreeMap<String, crate::model::Earlier>,
) -> (Vec<AnnexCtx>, Vec<InventoryCtx>, Vec<GroundCtx>) {
    use rayon::prelude::*;
    let mut in_order: Vec<(&Report, &ReportCtx, usize)> = reports
        .iter()
        .zip(report_ctx)
        .filter_map(|(r, ctx)| ctx.annex.map(|number| (*r, ctx, number)))
        .collect();
    in_order.sort_by_key(|(_, _, number)| *number);
    let recorded: BTreeMap<&str, &[u32]> = sent
        .map(|s| s.annexes.iter().map(|a| (a.report.as_str(), a.documents.as_slice())).collect())
        .unwrap_or_default();
    let mut next = recorded.values().flat_map(|d| d.iter()).max().map_or(0, |m| *m).max(given) as usize;
    // Each document's number, in annex order: the one it was sent under,
    // or the next free one.
    let numbered: Vec<(&Report, &ReportCtx, usize, Vec<usize>)> = in_order
        .into_iter()
        .map(|(report, ctx, number)| {
            let kept = recorded.get(report.id.value.as_str()).copied().unwrap_or_default();
            let numbers = (0..report.correspondence.len())
                .map(|i| match kept.get(i) {
                    Some(n) => *n as usize,
                    None => {
                        next += 1;
                        next
                    }
                })
                .collect();
            (report, ctx, number, numbers)
        })
        .collect();
    // Then every annex on every core, collected in order.
    let made: Vec<(AnnexCtx, Vec<InventoryCtx>, Vec<Ground>)> = numbered
        .into_par_iter()
        .map(|(report, ctx, number, numbers)| {
            annex(report, ctx, number, &numbers, reg, audience, publication, before)
        })
        .collect();
    let mut annexes = Vec::with_capacity(made.len());
    let mut inventory = Vec::new();
    let mut used: Vec<Ground> = Vec::new();
    for (annex, listed, grounds) in made {
        annexes.push(annex);
        inventory.extend(listed);
        used.extend(grounds);
    }
    inventory.sort_by_key(|d| d.number);
    unique_titles(&mut inventory, &mut annexes);
    family_and_thread(&mut inventory, &mut annexes);
    used.sort();
    used.dedup();
    let legend = used
        .into_iter()
        .map(|g| GroundCtx { code: g.code(), description: g.description(), law: g.law().name() })
        .collect();
    (annexes, inventory, legend)
}

/// One report's annex: its documents (numbered `numbers`), their rows of
/// the inventory, and the grounds they are withheld on.
#[allow(clippy::too_many_arguments)]
fn annex(
    report: &Report,
    ctx: &ReportCtx,
    number: usize,
    numbers: &[usize],
    reg: &Register,
    audience: Audience,
    publication: &Publication,
    before: &BTreeMap<String, crate::model::Earlier>,
) -> (AnnexCtx, Vec<InventoryCtx>, Vec<Ground>) {
    let mut inventory = Vec::new();
    let mut used: Vec<Ground> = Vec::new();
    let mut documents = Vec::new();
    let ids = report.document_ids(publication);
    let earlier = before.get(&report.id.value);
    for (i, (letter, id)) in report.correspondence.iter().zip(ids).enumerate() {
        // Published before: listed under its earlier ID, with its link.
        let (id, link) = match earlier.and_then(|e| Some((e.ids.get(i)?, e.links.get(i)?))) {
            Some((id, link)) => (id.clone(), link.clone()),
            None => (id, String::new()),
        };
        let (judgement, grounds) = match link.is_empty() {
            true => letter.assessment(),
            false => (crate::model::Judgement::ReedsOpenbaar, Vec::new()),
        };
        used.extend(grounds.iter().copied());
        let law = letter.law.as_ref().map_or(publication.law, |l| l.value);
        let mut codes: Vec<&str> = grounds.iter().map(|g| g.code()).collect();
        let related = letter.duplicate_of.as_ref().map_or_else(String::new, |d| d.value.clone());
        if !related.is_empty() {
            codes.push("dubbel");
        }
        let document_number = numbers[i];
        let plain = match letter.direction {
            Direction::Sent => format!("Bericht van {} aan {}", letter.from, letter.to),
            Direction::Received => format!("Reactie van {} aan {}", letter.from, letter.to),
        };
        let title = match letter.date {
            Some(d) => format!("{plain}, {}", d.dutch(Precision::Day)),
            None => format!("{plain}, datum onbekend (document {document_number})"),
        };
        let mut note = Vec::new();
        let earlier_case = earlier.filter(|_| !link.is_empty()).map(|e| e.case.clone()).unwrap_or_default();
        let published_note = format!("Reeds openbaar gemaakt bij Kamervraag {earlier_case}.");
        if !earlier_case.is_empty() {
            note.push(published_note.as_str());
        }
        if !related.is_empty() {
            note.push("Dubbel: de inhoud is in een ander document al beoordeeld.");
        }
        note.extend(letter.form.explanation());
        note.extend(date_note(letter.date));
        let listed = InventoryCtx {
            day: match letter.date {
                Some(crate::model::Date::Day(d)) => Some(d),
                _ => None,
            },
            received: letter.direction == Direction::Received,
            number: document_number,
            id,
            family: 0,
            thread: 0,
            date: letter.date.map_or_else(|| "onbekend".into(), |d| d.dutch(Precision::Day)),
            iso_date: match letter.date {
                Some(crate::model::Date::Day(d)) => d.to_string(),
                _ => String::new(),
            },
            description: escape_plain(&plain),
            title: crate::redaction::public_view(&title).into_owned(),
            annex: number,
            from: escape_plain(&letter.from),
            to: escape_plain(&letter.to),
            judgement: judgement.label(),
            grounds: codes.join("; "),
            law: law.name(),
            note: note.join(" "),
            related,
            link: link.clone(),
            earlier: earlier_case.clone(),
        };
        inventory.push(listed.clone());
        // Published before: the public annex points to it, not again.
        let published = judgement.published() && link.is_empty();
        // The public annexes never see the text of a document they do not publish.
        let text = if published || audience == Audience::Internal {
            super::markdown::tidy(&letter.text.value).trim_end().to_string()
        } else {
            String::new()
        };
        let form_note = letter.form.explanation().unwrap_or_default();
        let form = letter.form.name();
        let reconstructed = letter.form == crate::model::Form::Reconstruction;
        documents.push(DocumentCtx { listed, published, reconstructed, form, form_note, text });
    }
    let annex = AnnexCtx {
        number,
        subject: escape_plain(&report.subject),
        id: report.id.value.clone(),
        rows: rows(report, ctx, reg),
        documents,
    };
    (annex, inventory, used)
}

/// Why a document's date is not in the inventory: unknown, or known only
/// to the month or year (the inventory's Datum holds a day or nothing).
fn date_note(date: Option<crate::model::Date>) -> Option<&'static str> {
    match date {
        None => Some("Datum onbekend: de beschikbare stukken noemen geen datum; de Datum blijft leeg."),
        Some(crate::model::Date::Day(_)) => None,
        Some(_) => {
            Some("Datum niet op de dag bekend: de stukken noemen alleen maand of jaar; de Datum blijft leeg.")
        }
    }
}

/// Makes every title unique: two documents of the same description and
/// date get their numbers too.
fn unique_titles(inventory: &mut [InventoryCtx], annexes: &mut [AnnexCtx]) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for d in inventory.iter() {
        *seen.entry(d.title.as_str()).or_default() += 1;
    }
    // Only the titles that stand twice or more, owned (the rows change).
    let seen: std::collections::HashSet<String> =
        seen.into_iter().filter(|(_, n)| *n > 1).map(|(t, _)| t.to_string()).collect();
    let twice = |t: &str| seen.contains(t);
    let fix = |d: &mut InventoryCtx| {
        if twice(&d.title) {
            d.title = format!("{} (document {})", d.title, d.number);
        }
    };
    for a in annexes.iter_mut() {
        for d in &mut a.documents {
            fix(&mut d.listed);
        }
    }
    inventory.iter_mut().for_each(fix);
}

/// In a follow-up answer: each document `replaced` names (report id,
/// place, the ID it was sent under) gets a new ID, `<sent ID>-nader`, that
/// names the one it replaces (Gerelateerd ID), and says so in its
/// Toelichting; its family follows its new ID. Gives the new IDs.
pub fn replace_documents(
    replaced: &[(String, usize, String)],
    inventory: &mut [InventoryCtx],
    annexes: &mut [AnnexCtx],
) -> Vec<String> {
    let mut new_ids = Vec::new();
    for a in annexes.iter_mut() {
        for (i, d) in a.documents.iter_mut().enumerate() {
            let Some((_, _, old)) = replaced.iter().find(|(r, place, _)| *r == a.id && *place == i) else {
                continue;
            };
            // (`nader`: the follow-up's name, as its folder has it.)
            let id = format!("{old}-nader");
            let note = format!("Vervangt document {old}: gecorrigeerd in het nader antwoord.");
            let listed = &mut d.listed;
            if let Some(row) = inventory.iter_mut().find(|r| r.id == listed.id) {
                row.id = id.clone();
                row.related = old.clone();
                row.note = join_note(&note, &row.note);
            }
            listed.id = id.clone();
            listed.related = old.clone();
            listed.note = join_note(&note, &listed.note);
            new_ids.push(id);
        }
    }
    family_and_thread(inventory, annexes);
    new_ids
}

fn join_note(first: &str, rest: &str) -> String {
    if rest.is_empty() { first.to_string() } else { format!("{first} {rest}") }
}

/// Numbers every document's family (by its ID) and thread (by its report).
fn family_and_thread(inventory: &mut [InventoryCtx], annexes: &mut [AnnexCtx]) {
    let ids: Vec<&str> = inventory.iter().map(|d| d.id.as_str()).collect();
    let families: std::collections::HashMap<String, u64> =
        ids.iter().map(|s| s.to_string()).zip(crate::digest::stable_numbers(&ids)).collect();
    let reports: Vec<&str> = annexes.iter().map(|a| a.id.as_str()).collect();
    let threads: BTreeMap<usize, u64> =
        annexes.iter().map(|a| a.number).zip(crate::digest::stable_numbers(&reports)).collect();
    let set = |d: &mut InventoryCtx| {
        d.family = families.get(&d.id).copied().unwrap_or_default();
        d.thread = threads.get(&d.annex).copied().unwrap_or_default();
    };
    inventory.iter_mut().for_each(set);
    annexes.iter_mut().flat_map(|a| a.documents.iter_mut()).for_each(|d| set(&mut d.listed));
}

/// The record as a short table: date, platforms, on whose behalf, election,
/// fact-check, items, outcome per platform.
fn rows(report: &Report, ctx: &ReportCtx, reg: &Register) -> Vec<Row> {
    let row = |label: &str, value: String| Row { label: label.into(), value };
    let mut rows = vec![
        row("Datum", report.date.value.dutch(Precision::Day)),
        row("Platform", super::dutch::opsomming(&ctx.platforms)),
    ];
    if let Some(b) = &report.on_behalf_of {
        rows.push(row("Namens", escape_plain(b)));
    }
    if let Some(e) = &report.election {
        rows.push(row("Verkiezing", escape_plain(e)));
    }
    if let Some(f) = &report.factcheck {
        let mut parts = Vec::new();
        if let Some(d) = f.date {
            parts.push(d.dutch(Precision::Day));
        }
        if let Some(by) = &f.by {
            parts.push(escape_plain(by));
        }
        if let Some(url) = &f.url {
            parts.push(format!("<{url}>"));
        }
        rows.push(row("Factcheck", parts.join(", ")));
    }
    if let Some(n) = report.items {
        rows.push(row("Gemelde berichten", n.to_string()));
    }
    for o in &report.outcome {
        let name = reg.account(&o.account.value).map_or(o.account.value.as_str(), |a| a.platform.as_str());
        let mut value = o.status.dutch().to_string();
        if let Some(d) = o.date {
            value.push_str(&format!(" ({})", d.dutch(Precision::Day)));
        }
        rows.push(row(&format!("Uitkomst {}", escape_plain(name)), value));
    }
    rows
}

/// The inventory of a follow-up answer (`nader/inventaris.*`): the
/// documents it publishes, dated the day it goes out, part of the
/// follow-up answer, at the dossier's address's `nader/`.
pub fn follow_up_inventory(
    rows: &[InventoryCtx],
    dossier: &crate::model::Dossier,
) -> crate::document::inventory::Inventory {
    let mut inv = inventory(rows, dossier);
    if let Some(day) = dossier.nader.as_ref().and_then(|n| n.answered) {
        inv.published = day.earliest();
    }
    inv.answer.1 = format!("Nader antwoord op Kamervraag {}", dossier.id.value);
    inv.base_url = inv.base_url.map(|b| format!("{b}nader/"));
    inv
}

/// The inventory as the publication platforms read it, from the same rows
/// as the table in `bijlagen` (public values only).
pub fn inventory(
    rows: &[InventoryCtx],
    dossier: &crate::model::Dossier,
) -> crate::document::inventory::Inventory {
    use crate::document::inventory::{Inventory, Row};
    let publication = dossier.publication();
    Inventory {
        case: dossier.id.value.clone(),
        matter: publication.matter,
        title: crate::redaction::public_view(&dossier.title).into_owned(),
        author: crate::redaction::public_view(&dossier.ministry()).into_owned(),
        publisher: publication.publisher,
        category: publication.category,
        published: dossier.answered.unwrap_or(dossier.submitted).earliest(),
        file: "bijlagen.pdf".to_string(),
        answer: (
            "antwoord.pdf".to_string(),
            crate::redaction::public_view(
                dossier
                    .answer_title
                    .as_deref()
                    .unwrap_or(&format!("Antwoord op Kamervraag {}", dossier.id.value)),
            )
            .into_owned(),
        ),
        base_url: publication.base_url,
        rows: rows
            .iter()
            .map(|d| Row {
                number: d.number,
                annex: d.annex,
                id: d.id.clone(),
                family: d.family,
                thread: d.thread,
                document: d.title.clone(),
                received: d.received,
                date: d.day,
                judgement: d.judgement,
                grounds: d.grounds.clone(),
                note: d.note.clone(),
                related: d.related.clone(),
                link: d.link.clone(),
            })
            .collect(),
    }
}
