//! The typed **document** handed from the answers stage to every backend:
//! metadata, sections (with an explicit "starts a new page"), blocks with
//! their roles, and inline spans, redactions among them as typed spans. The
//! answers stage builds it (parsing its Markdown once); the backends only
//! read it, so no backend parses Markdown or YAML again.
//!
//! A public document never holds withheld words: a [`Redaction`] carries its
//! ground always and its words only in the internal audience's document.

pub mod excerpt;
pub mod inventory;
pub mod markdown;
pub mod plain;

use crate::model::Date;
use crate::redaction::Ground;
pub use excerpt::Excerpt;

/// How much text `blocks` hold, in bytes ([`Document::text_len`]).
fn text_len<'a>(blocks: impl Iterator<Item = &'a Block>) -> usize {
    fn spans(spans: &[Span]) -> usize {
        spans
            .iter()
            .map(|s| match &s.inline {
                Inline::Text(t) | Inline::Code(t) | Inline::Html(t) | Inline::NoteRef(t) => t.len(),
                Inline::Redaction(r) => r.words.as_ref().map_or(8, String::len),
                Inline::SoftBreak | Inline::LineBreak => 1,
            })
            .sum()
    }
    fn block(b: &Block) -> usize {
        match b {
            Block::Heading(h) => spans(&h.spans),
            Block::Paragraph(s) => spans(s),
            Block::List(l) => l.items.iter().flatten().map(block).sum(),
            Block::Quote(bs) => bs.iter().map(block).sum(),
            Block::Table(t) => t.header.iter().chain(t.rows.iter().flatten()).map(|c| spans(c) + 3).sum(),
            Block::Rule => 3,
        }
    }
    blocks.map(block).sum()
}

/// Who a document is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The public render: a withheld passage shows only its ground.
    Public,
    /// The internal review render: the words, marked with their ground.
    Internal,
}

/// What marks an internal review document: its running header, the start
/// of its metadata title, and (as `-INTERN`) the end of its file names.
pub const INTERNAL_MARK: &str = "INTERN – NIET OPENBAAR";

impl Audience {
    /// The name of a document's files for this audience, without the
    /// extension: `antwoord` in public, `antwoord-INTERN` internally, so
    /// that an internal file cannot be taken for the public one (the public
    /// names are locked by sent dossiers and never change). The one place
    /// internal files are named.
    pub fn file_stem(self, name: &str) -> String {
        match self {
            Audience::Public => name.to_string(),
            Audience::Internal => format!("{name}-INTERN"),
        }
    }

    /// A document's metadata title for this audience: an internal one
    /// starts with [`INTERNAL_MARK`], so that no reader, file list or
    /// search result shows it as the public document.
    pub fn title(self, title: &str) -> String {
        match self {
            Audience::Public => title.to_string(),
            Audience::Internal if title.starts_with(INTERNAL_MARK) => title.to_string(),
            Audience::Internal => format!("{INTERNAL_MARK}: {title}"),
        }
    }
}

/// One document of a dossier, e.g. `antwoord` or `bijlagen`.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The file name without extension: `antwoord`, `bijlagen`.
    pub name: String,
    pub meta: Meta,
    pub sections: Vec<Section>,
    /// Footnote definitions, in the order they were written.
    pub notes: Vec<Note>,
}

impl Document {
    /// Every block of every section, in document order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.sections.iter().flat_map(|s| s.blocks.iter())
    }

    /// How much text the document holds, in bytes: a measure of the work a
    /// backend has with it.
    pub fn text_len(&self) -> usize {
        text_len(self.blocks().chain(self.notes.iter().flat_map(|n| n.blocks.iter())))
    }

    /// Drops the footnotes no citation leads to, from the text or from a
    /// note it leads to. In a public document this is how a footnote cited
    /// only inside a withheld passage is withheld with it: the passage lost
    /// its words, the citation among them, before the document was parsed,
    /// and the definition written outside it is left uncited.
    pub fn drop_uncited_notes(&mut self) {
        use std::collections::{HashMap, HashSet};
        let mut by_label: HashMap<&str, Vec<&Note>> = HashMap::new();
        self.notes.iter().for_each(|n| by_label.entry(n.label.as_str()).or_default().push(n));
        let mut todo: Vec<&str> = Vec::new();
        self.blocks().for_each(|b| b.note_refs(&mut todo));
        let mut cited: HashSet<&str> = HashSet::new();
        while let Some(label) = todo.pop() {
            if cited.insert(label) {
                for note in by_label.get(label).into_iter().flatten() {
                    note.blocks.iter().for_each(|b| b.note_refs(&mut todo));
                }
            }
        }
        let cited: HashSet<String> = cited.into_iter().map(str::to_string).collect();
        self.notes.retain(|n| cited.contains(&n.label));
    }

    /// The footnote defined under `label`.
    pub fn note(&self, label: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.label == label)
    }

    /// Numbers the footnotes in the order they are first cited: each label
    /// becomes its number (`archief` → `1`) in the references and the
    /// definitions, and the definitions are put in that order; a note cited
    /// only from another note comes after the notes citing it, and one never
    /// cited last, in the order written. Done once, on the typed document,
    /// so every backend shows the same numbers.
    pub fn number_notes(&mut self) {
        use std::collections::HashMap;
        let mut order: Vec<String> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut add = |label: &str, order: &mut Vec<String>| {
            if !seen.contains_key(label) {
                seen.insert(label.to_string(), order.len() + 1);
                order.push(label.to_string());
            }
        };
        let mut refs = Vec::new();
        self.blocks().for_each(|b| b.note_refs(&mut refs));
        refs.iter().for_each(|r| add(r, &mut order));
        // Notes cited from notes, taken in the order the notes now stand.
        let mut i = 0;
        while i < order.len() {
            let mut inner = Vec::new();
            if let Some(n) = self.note(&order[i]) {
                n.blocks.iter().for_each(|b| b.note_refs(&mut inner));
            }
            let inner: Vec<String> = inner.into_iter().map(str::to_string).collect();
            inner.iter().for_each(|r| add(r, &mut order));
            i += 1;
        }
        let written: Vec<String> = self.notes.iter().map(|n| n.label.clone()).collect();
        written.iter().for_each(|l| add(l, &mut order));
        let number: HashMap<&str, String> =
            order.iter().enumerate().map(|(i, l)| (l.as_str(), (i + 1).to_string())).collect();
        let mut relabel = |span: &mut Span| {
            if let Inline::NoteRef(label) = &mut span.inline
                && let Some(n) = number.get(label.as_str())
            {
                *label = n.clone();
            }
        };
        for section in &mut self.sections {
            section.blocks.iter_mut().for_each(|b| b.spans_mut(&mut relabel));
        }
        for note in &mut self.notes {
            note.blocks.iter_mut().for_each(|b| b.spans_mut(&mut relabel));
            if let Some(n) = number.get(note.label.as_str()) {
                note.label = n.clone();
            }
        }
        self.notes.sort_by_key(|n| n.label.parse::<usize>().unwrap_or(usize::MAX));
    }
}

/// What a document says about itself: the letterhead, the file's metadata.
/// Built from the template's front matter and checked there: a document has
/// a title, a sender and a date, or the dossier gets an error.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub title: String,
    /// What the document is about ("Betreft").
    pub subject: Option<String>,
    /// BCP 47, e.g. `nl-NL`.
    pub language: String,
    pub audience: Audience,
    /// Shown at the top of every page, e.g. `INTERN – NIET OPENBAAR`.
    pub classification: Option<String>,
    /// The dossier's id, the Kamer's case number (`2022Z21205`).
    pub dossier: String,
    /// The Kamer's document id of the questions (`kv-tk-…`).
    pub question_document: Option<String>,
    /// The Kamer's document id of the published answers (`ah-tk-…`).
    pub answer_document: Option<String>,
    pub submitted: Option<Date>,
    /// The date the answer was sent (front matter `date`).
    pub answered: Option<Date>,
    /// The sender: the ministry (front matter `author`).
    pub ministry: String,
    pub submitter: Option<String>,
    pub answerer: Option<String>,
    /// A letter's addressee (front matter `recipient`): "de Voorzitter van
    /// de Tweede Kamer der Staten-Generaal".
    pub recipient: Option<String>,
    /// The Kamer's reference a letter answers ("Uw kenmerk").
    pub your_reference: Option<String>,
    /// The ministry's own reference ("Ons kenmerk").
    pub our_reference: Option<String>,
    /// A letter's parts in the Rijkshuisstijl (a document with a
    /// `recipient` is a letter): the addressee's address, the sender
    /// column, the enclosures and the signature.
    pub letter: Option<Letter>,
    pub keywords: Vec<String>,
    /// Front matter fields this tool does not know, kept for the Markdown.
    pub extra: Vec<(String, MetaValue)>,
}

/// What a letter in the Rijkshuisstijl shows beside its text: the return
/// address and the addressee's address on the left, the sender column
/// (colofon) on the right, and the signature under the text. Every field
/// from the letter template's front matter (the ministry record gives most).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Letter {
    /// The addressee's address under the recipient: "Postbus 20018",
    /// "2500 EA Den Haag" (front matter `recipient_address`).
    pub recipient_address: Vec<String>,
    /// "Postbus 20011 2500 EA Den Haag" (`return_address`).
    pub return_address: Option<String>,
    /// The sending unit, a line each (`sender_unit`).
    pub unit: Vec<String>,
    pub visiting_address: Vec<String>,
    pub postal_address: Vec<String>,
    pub website: Option<String>,
    /// "Bijlage(n)": how many (`enclosures`).
    pub enclosures: Option<String>,
    /// "De minister van Binnenlandse Zaken en Koninkrijksrelaties,"
    /// (`closing`), under the text.
    pub closing: Option<String>,
    /// The name under the room to sign (`signatory`).
    pub signatory: Option<String>,
    /// The ministry's logo, in the logo area beside the wordmark (the
    /// templates folder's `logo.png`; without one, the wordmark alone).
    pub logo: Option<std::sync::Arc<crate::model::logo::Logo>>,
}

/// One group of the sender column: an optional label ("Ons kenmerk") over
/// its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct ColofonItem {
    pub label: Option<&'static str>,
    pub lines: Vec<String>,
    /// Shown in bold (the sending unit's first line).
    pub strong: bool,
}

/// A front matter value the tool does not interpret.
#[derive(Clone, Debug, PartialEq)]
pub enum MetaValue {
    Text(String),
    List(Vec<String>),
}

impl Meta {
    /// What the letterhead says under the sender, as (label, value) rows:
    /// Datum, Betreft, the Kamer's documents, the dossier. Every backend
    /// with a letterhead shows these.
    pub fn letterhead(&self) -> Vec<(&'static str, String)> {
        let mut rows = Vec::new();
        if let Some(r) = &self.recipient {
            rows.push(("Aan", r.clone()));
        }
        // A draft carries no date that could be read as the day it was sent.
        let date = match self.answered {
            Some(d) => d.dutch(crate::model::Precision::Day),
            None => DRAFT.to_string(),
        };
        rows.push(("Datum", date));
        rows.push(("Betreft", self.subject.clone().unwrap_or_else(|| self.title.clone())));
        if let Some(r) = &self.your_reference {
            rows.push(("Uw kenmerk", r.clone()));
        }
        if let Some(r) = &self.our_reference {
            rows.push(("Ons kenmerk", r.clone()));
        }
        let docs: Vec<String> = [(&self.question_document, "vragen"), (&self.answer_document, "antwoord")]
            .iter()
            .filter_map(|(d, what)| d.as_ref().map(|v| format!("{v} ({what})")))
            .collect();
        if !docs.is_empty() {
            rows.push(("Documenten", docs.join(", ")));
        }
        rows.push(("Dossier", self.dossier.clone()));
        rows
    }

    /// "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    /// "Postbus 20018", "2500 EA Den Haag": a letter's addressee block.
    pub fn addressee(&self) -> Vec<String> {
        let Some(r) = &self.recipient else { return Vec::new() };
        let mut lines = vec![format!("Aan {r}")];
        lines.extend(self.letter.iter().flat_map(|l| l.recipient_address.iter().cloned()));
        lines
    }

    /// What every page says at its top: the classification of an internal
    /// document, and "CONCEPT" on a draft (a document without the date it
    /// was sent), so that no page of a draft passes for the one sent.
    pub fn page_mark(&self) -> Option<String> {
        match (&self.classification, self.answered.is_none()) {
            (Some(c), true) => Some(format!("{c} · {DRAFT_MARK}")),
            (Some(c), false) => Some(c.clone()),
            (None, true) => Some(DRAFT_MARK.to_string()),
            (None, false) => None,
        }
    }

    /// A letter's date line: the day it was sent, or that it is a draft.
    pub fn date_line(&self) -> String {
        match self.answered {
            Some(d) => d.dutch(crate::model::Precision::Day),
            None => DRAFT.to_string(),
        }
    }

    /// The rows a letter shows under the addressee: Datum and Betreft. The
    /// Betreft is the one sent, in the internal copy too (whose title says
    /// it is internal).
    pub fn letter_rows(&self) -> Vec<(&'static str, String)> {
        let title = self.title.strip_prefix(INTERNAL_MARK).and_then(|t| t.strip_prefix(": "));
        vec![
            ("Datum", self.date_line()),
            ("Betreft", self.subject.clone().unwrap_or_else(|| title.unwrap_or(&self.title).to_string())),
        ]
    }

    /// The sender column of a letter's first page, top to bottom: the
    /// sending unit, the visiting address, the postal address, the website,
    /// then Ons kenmerk, Uw kenmerk and Bijlage(n). Every backend with a
    /// letter shows these, in this order.
    pub fn colofon(&self) -> Vec<ColofonItem> {
        let Some(l) = &self.letter else { return Vec::new() };
        let mut items = Vec::new();
        let mut group = |label: Option<&'static str>, lines: Vec<String>, strong: bool| {
            if !lines.is_empty() {
                items.push(ColofonItem { label, lines, strong });
            }
        };
        group(None, l.unit.clone(), true);
        group(Some("Bezoekadres"), l.visiting_address.clone(), false);
        group(Some("Postadres"), l.postal_address.clone(), false);
        group(None, l.website.iter().cloned().collect(), false);
        group(Some("Ons kenmerk"), self.our_reference.iter().cloned().collect(), false);
        group(Some("Uw kenmerk"), self.your_reference.iter().cloned().collect(), false);
        group(Some("Bijlage(n)"), l.enclosures.iter().cloned().collect(), false);
        items
    }

    /// What the sender column repeats from page 2 of a letter: Datum and
    /// the reference (Ons kenmerk, else Uw kenmerk).
    pub fn running_details(&self) -> Vec<(&'static str, String)> {
        let mut rows = vec![("Datum", self.date_line())];
        if let Some(r) = &self.our_reference {
            rows.push(("Ons kenmerk", r.clone()));
        } else if let Some(r) = &self.your_reference {
            rows.push(("Uw kenmerk", r.clone()));
        }
        rows
    }

    /// The document's date: when it was answered, else when the questions
    /// were submitted. One of the two is always there (checked when built).
    pub fn date(&self) -> Date {
        self.answered.or(self.submitted).expect("Meta is built with a date")
    }
}

/// What every page of a draft says at its top.
pub const DRAFT_MARK: &str = "CONCEPT – NOG NIET VERZONDEN";

/// What a draft's letterhead says where the date goes.
pub const DRAFT: &str = "concept, nog niet verzonden";

/// A run of blocks; `new_page` when it must start on a page of its own (an
/// annex). Sections that start a page can be laid out independently.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub new_page: bool,
    pub blocks: Vec<Block>,
}

/// A footnote definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub label: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(Heading),
    Paragraph(Vec<Span>),
    List(List),
    /// A quotation, e.g. the copy of a letter in an annex.
    Quote(Vec<Block>),
    Table(Table),
    Rule,
}

impl Block {
    /// The footnote labels the block cites, in order, into `out`.
    pub fn note_refs<'b>(&'b self, out: &mut Vec<&'b str>) {
        let spans = |spans: &'b [Span], out: &mut Vec<&'b str>| {
            out.extend(spans.iter().filter_map(|s| match &s.inline {
                Inline::NoteRef(label) => Some(label.as_str()),
                _ => None,
            }));
        };
        match self {
            Block::Heading(Heading { spans: s, .. }) | Block::Paragraph(s) => spans(s, out),
            Block::List(l) => l.items.iter().flatten().for_each(|b| b.note_refs(out)),
            Block::Quote(blocks) => blocks.iter().for_each(|b| b.note_refs(out)),
            Block::Table(Table { header, rows, .. }) => {
                header.iter().chain(rows.iter().flatten()).for_each(|cell| spans(cell, out));
            }
            Block::Rule => {}
        }
    }

    /// Calls `f` on every span of the block, nested blocks included.
    pub fn spans_mut(&mut self, f: &mut impl FnMut(&mut Span)) {
        match self {
            Block::Heading(Heading { spans, .. }) | Block::Paragraph(spans) => spans.iter_mut().for_each(f),
            Block::List(l) => l.items.iter_mut().flatten().for_each(|b| b.spans_mut(f)),
            Block::Quote(blocks) => blocks.iter_mut().for_each(|b| b.spans_mut(f)),
            Block::Table(Table { header, rows, .. }) => {
                header.iter_mut().chain(rows.iter_mut().flatten()).flatten().for_each(f);
            }
            Block::Rule => {}
        }
    }
}

/// What a heading stands for in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The document's title.
    Title,
    /// "Vraag 1"
    Question,
    /// "Antwoord 1"
    Answer,
    /// "Bijlage 1 – …": an annex, which starts a page.
    Annex,
    /// "Document 1: …": one letter in an annex.
    Letter,
    Other,
}

impl Role {
    /// The role a template gives a heading with a class (`## Vraag 1 {.vraag}`).
    pub fn from_class(class: &str) -> Option<Role> {
        Some(match class {
            "titel" => Role::Title,
            "vraag" => Role::Question,
            "antwoord" => Role::Answer,
            "bijlage" => Role::Annex,
            "document" => Role::Letter,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    pub role: Role,
    pub spans: Vec<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    /// The first number of an ordered list; `None` for bullets.
    pub start: Option<u64>,
    /// Items without blank lines between them.
    pub tight: bool,
    pub items: Vec<Vec<Block>>,
}

/// A column's alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

/// A table cell's content.
pub type Cell = Vec<Span>;

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub aligns: Vec<Align>,
    /// The header row.
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A key–value table: its header row is empty (`|  |  |` in a
    /// template), so each row's first cell is the header of that row
    /// (a `TH` with `Scope Row`, `<th scope="row">`), and no empty header
    /// row is shown.
    pub fn row_headers(&self) -> bool {
        !self.header.is_empty() && self.header.iter().all(|c| plain::text(c).trim().is_empty())
    }
}

/// A run of inline content in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub inline: Inline,
    pub style: Style,
}

impl Span {
    pub fn text(text: impl Into<String>) -> Span {
        Span { inline: Inline::Text(text.into()), style: Style::default() }
    }
}

/// The style a span is in: emphasis, strong, and the link it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub strong: bool,
    pub emphasis: bool,
    pub link: Option<Box<str>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Code(String),
    /// Raw HTML as written in a template: kept in Markdown, shown as text
    /// elsewhere.
    Html(String),
    /// A line end inside a paragraph (a space when laid out).
    SoftBreak,
    /// A forced line break.
    LineBreak,
    /// A footnote reference, by label.
    NoteRef(String),
    /// A withheld passage (boxed: it is rare, and keeps every span small).
    Redaction(Box<Redaction>),
}

/// A withheld passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redaction {
    pub ground: Ground,
    /// The words: only in the internal audience's document.
    pub words: Option<String>,
}

impl Redaction {
    /// What a reader is told: "Weggelakt: 5.1.2e (eerbiediging van de
    /// persoonlijke levenssfeer)". Never the words.
    pub fn spoken(&self) -> String {
        format!("Weggelakt: {} ({})", self.ground.code(), self.ground.description())
    }

    /// The passage as a Woo marker: `[5.1.2e]`, or with its words for the
    /// internal audience, `[[5.1.2e: …]]`.
    pub fn marker(&self) -> String {
        match &self.words {
            Some(words) => format!("[[{}: {words}]]", self.ground.code()),
            None => format!("[{}]", self.ground.code()),
        }
    }
}

#[cfg(test)]
impl Meta {
    /// The metadata of a public test document of dossier 2022Z21205.
    pub(crate) fn sample(title: &str) -> Meta {
        Meta {
            title: title.into(),
            subject: None,
            language: "nl-NL".into(),
            audience: Audience::Public,
            classification: None,
            dossier: "2022Z21205".into(),
            question_document: None,
            answer_document: None,
            submitted: None,
            answered: None,
            ministry: "Ministerie van BZK".into(),
            submitter: None,
            answerer: None,
            recipient: None,
            your_reference: None,
            our_reference: None,
            letter: None,
            keywords: Vec::new(),
            extra: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cites(label: &str) -> Span {
        Span { inline: Inline::NoteRef(label.into()), style: Style::default() }
    }

    fn note(label: &str, blocks: Vec<Block>) -> Note {
        Note { label: label.into(), blocks }
    }

    fn labels(spans: &[Span]) -> Vec<&str> {
        spans
            .iter()
            .filter_map(|s| match &s.inline {
                Inline::NoteRef(l) => Some(l.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_notes_no_citation_leads_to_are_dropped_and_those_a_kept_note_cites_stay() {
        let note = |label: &str, blocks: Vec<Block>| Note { label: label.into(), blocks };
        let mut doc = Document {
            name: "bijlagen".into(),
            meta: Meta::sample("Bijlagen"),
            sections: vec![Section { new_page: false, blocks: vec![Block::Paragraph(vec![cites("a")])] }],
            notes: vec![
                note("a", vec![Block::Paragraph(vec![Span::text("A"), cites("b")])]),
                note("b", vec![Block::Paragraph(vec![Span::text("B")])]),
                // Cited only inside a withheld passage (gone), and what it cites.
                note("geheim", vec![Block::Paragraph(vec![Span::text("G"), cites("c")])]),
                note("c", vec![Block::Paragraph(vec![Span::text("C")])]),
                note("a", vec![Block::Paragraph(vec![Span::text("A again")])]),
            ],
        };
        doc.drop_uncited_notes();
        let kept: Vec<&str> = doc.notes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(kept, ["a", "b", "a"]);
    }

    #[test]
    fn notes_are_numbered_by_first_citation_wherever_they_were_defined() {
        let meta = Meta::sample("Antwoord");
        let mut doc = Document {
            name: "antwoord".into(),
            meta,
            sections: vec![
                Section {
                    new_page: false,
                    blocks: vec![Block::Paragraph(vec![cites("b"), Span::text("x"), cites("a")])],
                },
                Section { new_page: true, blocks: vec![Block::Paragraph(vec![cites("b"), cites("c")])] },
            ],
            notes: vec![
                note("never", vec![]),
                note("a", vec![]),
                note("c", vec![Block::Paragraph(vec![cites("d")])]),
                note("b", vec![]),
                note("d", vec![]),
            ],
        };
        doc.number_notes();
        let Block::Paragraph(first) = &doc.sections[0].blocks[0] else { panic!() };
        let Block::Paragraph(second) = &doc.sections[1].blocks[0] else { panic!() };
        assert_eq!(labels(first), ["1", "2"]);
        assert_eq!(labels(second), ["1", "3"]);
        let order: Vec<&str> = doc.notes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(order, ["1", "2", "3", "4", "5"]);
        // c (3) cites d, which comes next; the note never cited comes last.
        let Block::Paragraph(in_c) = &doc.notes[2].blocks[0] else { panic!() };
        assert_eq!(labels(in_c), ["4"]);
        assert!(doc.notes[4].blocks.is_empty());
    }
}
