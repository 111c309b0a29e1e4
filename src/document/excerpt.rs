//! A published Woo document as the annex document holds it: a run of one
//! annex's blocks, from the document's heading to the next. It is made into
//! a document of its own (titled by its heading, with the footnotes it
//! cites) only while a check or a backend reads it, so that the annexes of
//! 10,000 reports are not held twice.

use super::{Block, Document, Inline, Note, Section, Span};
use std::ops::Range;

/// Where a published Woo document stands in the annex document it is
/// published with.
#[derive(Clone, Debug, PartialEq)]
pub struct Excerpt {
    /// Its ID: the name of its file.
    pub id: String,
    /// The annex document, by its place among the documents it is
    /// published with (`Drafts::public`, or a follow-up's documents).
    pub document: usize,
    /// The annex's section in that document.
    pub section: usize,
    /// Its blocks in that section.
    pub blocks: Range<usize>,
    /// The footnote label of each citation in its blocks, in order, as the
    /// annex rendered them: the annex document's numbering renames them
    /// after the excerpt is taken ([`Document::number_notes`]). Mostly none.
    refs: Vec<String>,
    /// The annex document's footnotes its blocks cite, as they were then.
    notes: Vec<Note>,
}

impl Excerpt {
    /// The Woo document `id` that stands in `blocks` of section `section`
    /// of the annex document at `document`, whose blocks and footnotes are
    /// `in_section` and `notes` as rendered, before they are numbered.
    pub fn new(
        id: String,
        (document, section, blocks): (usize, usize, Range<usize>),
        in_section: &[Block],
        notes: &[Note],
    ) -> Excerpt {
        let mut cited = Vec::new();
        in_section[blocks.clone()].iter().for_each(|b| b.note_refs(&mut cited));
        let notes = notes.iter().filter(|n| cited.contains(&n.label.as_str())).cloned().collect();
        let refs = cited.into_iter().map(str::to_string).collect();
        Excerpt { id, document, section, blocks, refs, notes }
    }

    /// The Woo document as a document of its own, for the publication
    /// platform: named by its ID, titled by its heading (`<ID>: <heading>`),
    /// with the annex document's metadata and the footnotes it cites,
    /// numbered anew. Its heading is at the top level; those below it move
    /// up with it.
    pub fn document(&self, documents: &[Document]) -> Document {
        let from = &documents[self.document];
        let mut meta = from.meta.clone();
        let mut blocks = from.sections[self.section].blocks[self.blocks.clone()].to_vec();
        // Each citation under its label as rendered (its place in the
        // blocks is the same; only its label was numbered).
        let mut refs = self.refs.iter();
        let mut relabel = |span: &mut Span| {
            if let Inline::NoteRef(label) = &mut span.inline
                && let Some(written) = refs.next()
            {
                label.clone_from(written);
            }
        };
        blocks.iter_mut().for_each(|b| b.spans_mut(&mut relabel));
        let shift = match blocks.first() {
            Some(Block::Heading(h)) => {
                meta.title = format!("{}: {}", self.id, super::plain::text(&h.spans));
                h.level.saturating_sub(1)
            }
            _ => 0,
        };
        for b in &mut blocks {
            if let Block::Heading(h) = b {
                h.level = h.level.saturating_sub(shift).max(1);
            }
        }
        let mut document = Document {
            name: self.id.clone(),
            meta,
            sections: vec![Section { new_page: false, blocks }],
            notes: self.notes.clone(),
        };
        document.number_notes();
        document
    }

    /// How much text its blocks and the notes they cite hold, in bytes
    /// (see [`Document::text_len`]), without making the document.
    pub fn text_len(&self, documents: &[Document]) -> usize {
        let blocks = &documents[self.document].sections[self.section].blocks[self.blocks.clone()];
        super::text_len(blocks.iter().chain(self.notes.iter().flat_map(|n| n.blocks.iter())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Heading, Inline, Meta, Note, Role, Span};

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading(Heading { level, role: Role::Letter, spans: vec![Span::text(text)] })
    }

    fn annexes() -> Vec<Document> {
        let cite = |label: &str| Span { inline: Inline::NoteRef(label.into()), ..Span::text("") };
        let blocks = vec![
            Block::Heading(Heading { level: 2, role: Role::Annex, spans: vec![Span::text("Bijlage 1")] }),
            heading(3, "Bericht"),
            Block::Paragraph(vec![Span::text("Zie"), cite("b")]),
            heading(4, "Onder"),
            heading(3, "Reactie"),
            Block::Paragraph(vec![Span::text("Ook"), cite("a"), cite("b")]),
        ];
        let note = |label: &str| Note {
            label: label.into(),
            blocks: vec![Block::Paragraph(vec![Span::text(label)])],
        };
        let doc = Document {
            name: "bijlagen".into(),
            meta: Meta::sample("Bijlagen"),
            sections: vec![
                Section { new_page: false, blocks: Vec::new() },
                Section { new_page: true, blocks },
            ],
            notes: vec![note("a"), note("b"), note("c")],
        };
        vec![Document { name: "antwoord".into(), ..doc.clone() }, doc]
    }

    #[test]
    fn an_excerpt_is_its_blocks_titled_by_its_heading_with_the_notes_it_cites_numbered_anew() {
        let docs = annexes();
        let take = |id: &str, blocks| {
            Excerpt::new(id.into(), (1, 1, blocks), &docs[1].sections[1].blocks, &docs[1].notes)
        };
        let doc = take("X-1", 1..4).document(&docs);
        assert_eq!(doc.name, "X-1");
        assert_eq!(doc.meta.title, "X-1: Bericht");
        let levels: Vec<u8> = doc
            .blocks()
            .filter_map(|b| if let Block::Heading(h) = b { Some(h.level) } else { None })
            .collect();
        assert_eq!(levels, [1, 2]);
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].label, "1");
        let second = take("X-2", 4..6).document(&docs);
        let labels: Vec<&str> = second.notes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["1", "2"]);
        assert_eq!(second.notes[1].blocks, vec![Block::Paragraph(vec![Span::text("b")])]);
        // The annex document itself is left as it was.
        assert_eq!(docs, annexes());
    }

    #[test]
    fn an_excerpts_text_is_measured_as_the_document_it_makes() {
        let docs = annexes();
        for blocks in [1..4, 4..6, 1..6, 2..2] {
            let e = Excerpt::new("X-1".into(), (1, 1, blocks), &docs[1].sections[1].blocks, &docs[1].notes);
            assert_eq!(e.text_len(&docs), e.document(&docs).text_len());
        }
    }

    /// The annex document's footnotes are numbered after its Woo documents
    /// are taken from it; a Woo document made from the numbered document is
    /// the one a copy of the blocks taken as the annexes rendered them made
    /// (what a sent dossier's files were made from, before the excerpts):
    /// whatever the notes cite, in whatever order, a label cited and not
    /// defined, or defined in several annexes, each definition citing what
    /// it cites.
    mod numbered_first {
        use super::*;
        use proptest::prelude::*;

        const LABELS: [&str; 5] = ["a", "b", "c", "1", "2"];

        fn paragraph(text: String, cites: Vec<usize>) -> Block {
            let mut spans = vec![Span::text(text)];
            spans.extend(
                cites
                    .into_iter()
                    .map(|c| Span { inline: Inline::NoteRef(LABELS[c].into()), ..Span::text("") }),
            );
            Block::Paragraph(spans)
        }

        fn block() -> impl Strategy<Value = Block> {
            prop_oneof![
                (2u8..5, "[A-Za-z ]{1,12}").prop_map(|(level, t)| heading(level, &t)),
                ("[a-z ]{0,12}", proptest::collection::vec(0..LABELS.len(), 0..3))
                    .prop_map(|(t, cites)| paragraph(t, cites)),
            ]
        }

        /// The Woo document as it was made before the excerpts: from a copy
        /// of its blocks taken as the annex rendered them.
        fn copied(rendered: &Document, id: String, mut blocks: Vec<Block>) -> Document {
            let mut meta = rendered.meta.clone();
            let shift = match blocks.first() {
                Some(Block::Heading(h)) => {
                    meta.title = format!("{id}: {}", crate::document::plain::text(&h.spans));
                    h.level.saturating_sub(1)
                }
                _ => 0,
            };
            for b in &mut blocks {
                if let Block::Heading(h) = b {
                    h.level = h.level.saturating_sub(shift).max(1);
                }
            }
            let mut cited = Vec::new();
            blocks.iter().for_each(|b| b.note_refs(&mut cited));
            let notes =
                rendered.notes.iter().filter(|n| cited.contains(&n.label.as_str())).cloned().collect();
            let mut doc =
                Document { name: id, meta, sections: vec![Section { new_page: false, blocks }], notes };
            doc.number_notes();
            doc
        }

        proptest! {
            #[test]
            fn a_woo_document_is_the_same_made_before_or_after_the_annex_documents_notes_are_numbered(
                frame in proptest::collection::vec(block(), 0..3),
                annex in proptest::collection::vec(block(), 1..12),
                notes in proptest::collection::vec((0..LABELS.len(), proptest::collection::vec(0..LABELS.len(), 0..2)), 0..7),
            ) {
                let notes = notes
                    .into_iter()
                    .enumerate()
                    .map(|(i, (l, cites))| Note { label: LABELS[l].into(), blocks: vec![paragraph(format!("noot {i}"), cites)] })
                    .collect();
                let rendered = Document {
                    name: "bijlagen".into(),
                    meta: Meta::sample("Bijlagen"),
                    sections: vec![Section { new_page: false, blocks: frame }, Section { new_page: true, blocks: annex.clone() }],
                    notes,
                };
                let mut numbered = rendered.clone();
                numbered.number_notes();
                let starts: Vec<usize> = (0..annex.len()).filter(|&i| matches!(&annex[i], Block::Heading(_))).collect();
                let ends = starts.iter().skip(1).copied().chain(std::iter::once(annex.len()));
                for (i, (&start, end)) in starts.iter().zip(ends).enumerate() {
                    let id = format!("X-{i}");
                    let e = Excerpt::new(id.clone(), (0, 1, start..end), &annex, &rendered.notes);
                    let made = e.document(std::slice::from_ref(&numbered));
                    prop_assert_eq!(made.text_len(), e.text_len(std::slice::from_ref(&numbered)));
                    prop_assert_eq!(made, copied(&rendered, id, annex[start..end].to_vec()));
                }
            }
        }
    }
}
