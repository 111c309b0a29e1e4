//! Spans as plain text, for places that hold no styling: bookmarks, titles,
//! accessible names.

use super::{Block, Document, Inline, MetaValue, Span};

/// The text of `spans` without footnote marks; a withheld passage reads as
/// its public marker (`[5.1.2e]`) or, in an internal document, its words.
pub fn text(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match &s.inline {
            Inline::Text(t) | Inline::Code(t) | Inline::Html(t) => out.push_str(t),
            Inline::SoftBreak | Inline::LineBreak => out.push(' '),
            Inline::NoteRef(_) => {}
            Inline::Redaction(r) => match &r.words {
                Some(words) => out.push_str(words),
                None => {
                    out.push('[');
                    out.push_str(r.ground.code());
                    out.push(']');
                }
            },
        }
    }
    out
}

/// Everything a reader of `doc` can read, metadata included, one piece a
/// line: what must hold no withheld word when the document is public.
pub fn document(doc: &Document) -> String {
    pieces(doc).join("\n")
}

/// [`document`] in pieces: the metadata, then each section (the footnotes
/// with the last), to be searched in parallel.
pub fn pieces(doc: &Document) -> Vec<String> {
    let m = &doc.meta;
    let mut out: Vec<String> = vec![m.title.clone(), m.ministry.clone(), m.dossier.clone()];
    out.extend(
        [
            &m.subject,
            &m.classification,
            &m.question_document,
            &m.answer_document,
            &m.submitter,
            &m.answerer,
            &m.recipient,
            &m.your_reference,
            &m.our_reference,
        ]
        .into_iter()
        .flatten()
        .cloned(),
    );
    out.extend(m.keywords.iter().cloned());
    for (_, v) in &m.extra {
        match v {
            MetaValue::Text(t) => out.push(t.clone()),
            MetaValue::List(l) => out.extend(l.iter().cloned()),
        }
    }
    fn block(b: &Block, out: &mut Vec<String>) {
        match b {
            Block::Heading(h) => out.push(text(&h.spans)),
            Block::Paragraph(s) => out.push(text(s)),
            Block::List(l) => l.items.iter().flatten().for_each(|b| block(b, out)),
            Block::Quote(bs) => bs.iter().for_each(|b| block(b, out)),
            Block::Table(t) => t.header.iter().chain(t.rows.iter().flatten()).for_each(|c| out.push(text(c))),
            Block::Rule => {}
        }
        if let Block::Paragraph(spans) | Block::Heading(super::Heading { spans, .. }) = b {
            out.extend(spans.iter().filter_map(|s| s.style.link.as_deref().map(str::to_string)));
        }
    }
    let mut pieces = vec![out.join("\n")];
    for section in &doc.sections {
        let mut out = Vec::new();
        section.blocks.iter().for_each(|b| block(b, &mut out));
        pieces.push(out.join("\n"));
    }
    let mut notes = Vec::new();
    doc.notes.iter().flat_map(|n| n.blocks.iter()).for_each(|b| block(b, &mut notes));
    pieces.push(notes.join("\n"));
    pieces
}

/// The identifiers of `doc` a reader sees, where a withheld passage may
/// hide inside a word: its file name, the dossier's and the Kamer's
/// documents' ids, the references, every link's address.
pub fn identifiers(doc: &Document) -> Vec<String> {
    let m = &doc.meta;
    let mut out = vec![doc.name.clone(), m.dossier.clone()];
    out.extend(
        [&m.question_document, &m.answer_document, &m.your_reference, &m.our_reference]
            .into_iter()
            .flatten()
            .cloned(),
    );
    fn links(b: &Block, out: &mut Vec<String>) {
        let spans = |spans: &[Span], out: &mut Vec<String>| {
            out.extend(spans.iter().filter_map(|s| s.style.link.as_deref().map(str::to_string)));
        };
        match b {
            Block::Heading(super::Heading { spans: s, .. }) | Block::Paragraph(s) => spans(s, out),
            Block::List(l) => l.items.iter().flatten().for_each(|b| links(b, out)),
            Block::Quote(bs) => bs.iter().for_each(|b| links(b, out)),
            Block::Table(t) => t.header.iter().chain(t.rows.iter().flatten()).for_each(|c| spans(c, out)),
            Block::Rule => {}
        }
    }
    doc.blocks().chain(doc.notes.iter().flat_map(|n| n.blocks.iter())).for_each(|b| links(b, &mut out));
    out.sort();
    out.dedup();
    out
}
