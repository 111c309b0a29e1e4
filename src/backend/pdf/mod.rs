//! The PDF backend: a document's sections laid out as A4 pages ([`layout`],
//! pure), each page encoded as a content stream ([`content`], pure) and
//! written as PDF ([`writer`], the only module that touches printpdf). The
//! letterhead, the page style and the file's metadata come from the
//! document's typed [`Meta`].

pub mod cache;
pub mod content;
pub mod file;
pub mod fonts;
pub mod layout;
pub mod meta;
pub mod structure;
pub mod writer;
pub mod xmp;

use super::{Backend, BackendError, RenderContext, Rendered, Warning};
use crate::document::{Document, Meta};
use fonts::Fonts;
use layout::{LetterFrame, Letterhead, PageStyle};

/// Writes `.pdf` files.
pub struct Pdf;

impl Backend for Pdf {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, BackendError> {
        let doc = ctx.doc()?;
        let style = match &doc.meta.letter {
            Some(_) => PageStyle::letter(
                doc.meta.page_mark(),
                doc.meta.running_details().into_iter().map(|(l, v)| (l.to_string(), v)).collect(),
            ),
            None => PageStyle::a4(doc.meta.page_mark()),
        };
        let laid = layout::layout(&doc.sections, &doc.notes, style, &letterhead(&doc.meta), &Fonts);
        let pages = laid.pages.len();
        let missing: Vec<char> = laid.missing.iter().copied().collect();
        let in_withheld = laid.missing_withheld;
        let bytes = writer::write(laid, &writer_meta(doc)).map_err(|e| BackendError::Pdf(e.0))?;
        let warnings = if missing.is_empty() && !in_withheld {
            Vec::new()
        } else {
            vec![Warning::MissingGlyphs { chars: missing, in_withheld }]
        };
        Ok(Rendered { bytes, pages, warnings })
    }
}

/// Page 1's letterhead: the sender and the document's letterhead rows; for
/// a letter, the Rijkshuisstijl letterhead.
pub fn letterhead(meta: &Meta) -> Letterhead {
    let rows = meta.letterhead().into_iter().map(|(label, value)| (label.to_string(), value)).collect();
    let letter = meta.letter.as_ref().map(|l| LetterFrame {
        wordmark: meta.ministry.clone(),
        return_address: l.return_address.clone(),
        addressee: meta.addressee(),
        rows: meta.letter_rows().into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        colofon: meta
            .colofon()
            .into_iter()
            .map(|c| (c.label.map(str::to_string), c.lines, c.strong))
            .collect(),
        closing: l.closing.clone(),
        signatory: l.signatory.clone(),
        logo: l.logo.clone(),
    });
    Letterhead { sender: meta.ministry.clone(), rows, letter }
}

/// The file's metadata; its dates from the document (noon on its date),
/// never the clock.
fn writer_meta(doc: &Document) -> meta::Meta {
    let meta = &doc.meta;
    let date = meta.date().earliest().and_hms_opt(12, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    // The /ID: the writer mixes in what the pages show.
    let seed = format!("{}\u{0}{meta:?}", doc.name);
    meta::Meta {
        title: meta.title.clone(),
        subject: meta.subject.clone().unwrap_or_default(),
        author: meta.ministry.clone(),
        keywords: meta.keywords.clone(),
        language: meta.language.clone(),
        date,
        id_seed: writer::fnv(seed.bytes().map(u64::from)),
    }
}
