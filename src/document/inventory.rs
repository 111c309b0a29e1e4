//! The typed inventory of a dossier's annexed documents, as the Woo
//! publication platforms read it: one row per document, public values only
//! (withheld words never reach it). Handed to the spreadsheet, CSV and
//! DiWoo backends; made once, by the answers stage, from the same rows as
//! the inventory table in `bijlagen`.

use chrono::NaiveDate;

/// The folder below a dossier's public folder with one PDF per published
/// Woo document, named by its ID: what the platforms' upload takes.
pub const DOCUMENTS: &str = crate::model::woo::DOCUMENTS;

/// A dossier's inventory, with what the national index needs to know of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Inventory {
    /// The case number (Zaaknummer): the dossier's id.
    pub case: String,
    /// The matter of the document IDs.
    pub matter: String,
    /// The dossier's title, for the documents' titles.
    pub title: String,
    /// The sending ministry, as the dossier names it (the spreadsheet's author).
    pub author: String,
    /// The publisher's TOOI identifier and name, when known.
    pub publisher: Option<(String, String)>,
    /// The information category's TOOI identifier and name.
    pub category: (String, String),
    /// When the documents were published with the answers (the dossier's
    /// `answered`), else submitted.
    pub published: NaiveDate,
    /// The file the documents are published in: `bijlagen.pdf`.
    pub file: String,
    /// The answer the annex belongs to: its file (`antwoord.pdf`) and title.
    pub answer: (String, String),
    /// Where the files are published (ending in `/`), when the dossier
    /// says: without it the DiWoo index is not written.
    pub base_url: Option<String>,
    pub rows: Vec<Row>,
}

/// One document.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Its inventory number and its annex.
    pub number: usize,
    pub annex: usize,
    /// Its document ID.
    pub id: String,
    /// Its family (itself: a letter has no attachments) and its thread (its
    /// report): numbers, as the platforms read them, that hold as the IDs do.
    pub family: u64,
    pub thread: u64,
    /// Its title, unique in the dossier: `Bericht van Ministerie van BZK
    /// aan Facebook, 9 maart 2021`.
    pub document: String,
    /// Received by the ministry (a reply), not sent by it.
    pub received: bool,
    /// Its date, when known to the day.
    pub date: Option<NaiveDate>,
    /// `Openbaar`, `Deels openbaar`, `Niet openbaar`, `Reeds openbaar`.
    pub judgement: &'static str,
    /// `5.1.2e; 5.2`, with `dubbel` for a duplicate.
    pub grounds: String,
    /// Toelichting.
    pub note: String,
    /// For a duplicate: the other document's ID.
    pub related: String,
    /// For a document published before (`Reeds openbaar`): where it is.
    pub link: String,
}

impl Inventory {
    /// Every text of the inventory a reader of its files sees, one a line.
    pub fn texts(&self) -> String {
        let mut out = vec![&self.case, &self.matter, &self.title, &self.author, &self.category.1, &self.file];
        out.extend([&self.answer.0, &self.answer.1]);
        out.extend(self.publisher.as_ref().map(|p| &p.1));
        out.extend(self.base_url.as_ref());
        for r in &self.rows {
            out.extend([&r.id, &r.document, &r.grounds, &r.note, &r.related, &r.link]);
        }
        out.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// The identifiers in the inventory's files, where a withheld passage
    /// may hide inside a word: the case, the documents' IDs and keys, the
    /// files and the address they are published at.
    pub fn identifiers(&self) -> Vec<&str> {
        let mut out =
            vec![self.case.as_str(), self.matter.as_str(), self.file.as_str(), self.answer.0.as_str()];
        out.extend(self.base_url.as_deref());
        for r in &self.rows {
            out.extend([r.id.as_str(), r.related.as_str(), r.link.as_str()]);
        }
        out.retain(|s| !s.is_empty());
        out
    }

    /// Why `diwoo.xml` cannot be written, if it cannot: the index needs the
    /// publisher's TOOI identifier and absolute locations.
    pub fn diwoo_missing(&self) -> Option<DiwooMissing> {
        if self.publisher.is_none() {
            Some(DiwooMissing::Publisher)
        } else if self.base_url.is_none() {
            Some(DiwooMissing::BaseUrl)
        } else {
            None
        }
    }
}

/// What the DiWoo index lacks to be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiwooMissing {
    /// No TOOI identifier is known for the ministry.
    Publisher,
    /// No publication base URL is set.
    BaseUrl,
}

impl Row {
    /// Whether the document is published (all but `Niet openbaar`).
    pub fn published(&self) -> bool {
        self.judgement != "Niet openbaar"
    }

    /// Whether this answer publishes it: published, and not already
    /// published before (those the national index has already).
    pub fn published_here(&self) -> bool {
        self.published() && self.link.is_empty()
    }
}
