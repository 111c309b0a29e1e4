//! The annexes: one per report in scope (date order), each reproducing its
//! correspondence, and the Woo inventory list of those documents with their
//! judgement and grounds. Builds the variables of `templates/bijlagen.md`
//! and, per annex, of `templates/bijlage.md`.

use super::context::ReportCtx;
use crate::document::Audience;
use crate::document::markdown::escape_plain;
use crate::model::sent::Sent;
use crate::model::{Direction, Ground, Judgement, Precision, Register, Report};
use serde::Serialize;
use std::collections::BTreeMap;

/// One document (correspondence item) as the inventory lists it.
#[derive(Serialize, Clone, Debug)]
pub struct InventoryCtx {
    /// Numbered through the whole dossier.
    pub number: usize,
    /// Dutch, or `onbekend`.
    pub date: String,
    /// `Bericht van Ministerie van BZK aan Facebook`.
    pub description: String,
    pub annex: usize,
    pub from: String,
    pub to: String,
    pub judgement: &'static str,
    /// Ground codes, `5.1.2e, 5.2`; empty for an open document.
    pub grounds: String,
}

/// One document in its annex: what the inventory says, and its text.
#[derive(Serialize, Clone, Debug)]
pub struct DocumentCtx {
    #[serde(flatten)]
    pub listed: InventoryCtx,
    /// Whether the public annex reproduces the text (not when `niet openbaar`).
    pub published: bool,
    pub reconstructed: bool,
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
}

/// The annexes in number order, the inventory (all their documents, in
/// order) and the legend of the grounds used. A sent dossier's documents
/// keep the inventory numbers recorded in its lock; a document added since
/// gets the next free one.
pub fn annexes(
    reports: &[&Report],
    report_ctx: &[ReportCtx],
    reg: &Register,
    audience: Audience,
    sent: Option<&Sent>,
) -> (Vec<AnnexCtx>, Vec<InventoryCtx>, Vec<GroundCtx>) {
    let mut annexes = Vec::new();
    let mut inventory = Vec::new();
    let mut used: Vec<Ground> = Vec::new();
    let mut in_order: Vec<(&Report, &ReportCtx, usize)> = reports
        .iter()
        .zip(report_ctx)
        .filter_map(|(r, ctx)| ctx.annex.map(|number| (*r, ctx, number)))
        .collect();
    in_order.sort_by_key(|(_, _, number)| *number);
    let recorded: BTreeMap<&str, &[u32]> = sent
        .map(|s| s.annexes.iter().map(|a| (a.report.as_str(), a.documents.as_slice())).collect())
        .unwrap_or_default();
    let mut next = recorded.values().flat_map(|d| d.iter()).max().map_or(0, |m| *m as usize);
    for (report, ctx, number) in in_order {
        let mut documents = Vec::new();
        let kept = recorded.get(report.id.value.as_str()).copied().unwrap_or_default();
        for (i, letter) in report.correspondence.iter().enumerate() {
            let (judgement, grounds) = letter.assessment();
            used.extend(grounds.iter().copied());
            let document_number = match kept.get(i) {
                Some(n) => *n as usize,
                None => {
                    next += 1;
                    next
                }
            };
            let listed = InventoryCtx {
                number: document_number,
                date: letter.date.map_or_else(|| "onbekend".into(), |d| d.dutch(Precision::Day)),
                description: escape_plain(&match letter.direction {
                    Direction::Sent => format!("Bericht van {} aan {}", letter.from, letter.to),
                    Direction::Received => format!("Reactie van {} aan {}", letter.from, letter.to),
                }),
                annex: number,
                from: escape_plain(&letter.from),
                to: escape_plain(&letter.to),
                judgement: judgement.dutch(),
                grounds: grounds.iter().map(|g| g.code()).collect::<Vec<_>>().join(", "),
            };
            inventory.push(listed.clone());
            let published = judgement != Judgement::NietOpenbaar;
            // The public annexes never see the text of a document they do not publish.
            let text = if published || audience == Audience::Internal {
                super::markdown::tidy(&letter.text.value).trim_end().to_string()
            } else {
                String::new()
            };
            documents.push(DocumentCtx { listed, published, reconstructed: letter.reconstructed, text });
        }
        annexes.push(AnnexCtx {
            number,
            subject: escape_plain(&report.subject),
            id: report.id.value.clone(),
            rows: rows(report, ctx, reg),
            documents,
        });
    }
    inventory.sort_by_key(|d| d.number);
    used.sort();
    used.dedup();
    let legend =
        used.into_iter().map(|g| GroundCtx { code: g.code(), description: g.description() }).collect();
    (annexes, inventory, legend)
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
