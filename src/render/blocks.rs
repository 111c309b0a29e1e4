//! Markdown to a block tree for layout: the one place that sets the
//! pulldown-cmark options. Public redaction markers (`[5.1.2e]`) and internal
//! ones (`[[5.1.2e: words]]`) become typed spans here, so the layout can draw
//! them as boxes.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The pulldown-cmark options every render uses.
pub fn options() -> Options {
    Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

#[derive(Clone, Debug, PartialEq)]
pub enum SpanKind {
    Text,
    /// A footnote reference, by label.
    NoteRef,
    /// A withheld passage in a public render: only the ground code.
    Redacted,
    /// A withheld passage in an internal render: the code and the words.
    Withheld {
        code: String,
    },
    LineBreak,
}

/// A run of inline content in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub kind: SpanKind,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading { level: u8, spans: Vec<Span> },
    Paragraph(Vec<Span>),
    List { start: Option<u64>, items: Vec<Vec<Block>> },
    Quote(Vec<Block>),
    Table { aligns: Vec<Alignment>, header: Vec<Vec<Span>>, rows: Vec<Vec<Vec<Span>>> },
    Rule,
}

/// A parsed document: the body and the footnote definitions by label.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
    pub notes: Vec<(String, Vec<Block>)>,
}

/// A table while its rows are read.
struct TableBuild {
    aligns: Vec<Alignment>,
    header: Vec<Vec<Span>>,
    rows: Vec<Vec<Vec<Span>>>,
}

/// Adds a finished block to the innermost open container.
fn emit<T>(stack: &mut [(T, Vec<Block>)], block: Block) {
    if let Some(top) = stack.last_mut() {
        top.1.push(block);
    }
}

#[derive(Default)]
struct Inline {
    bold: usize,
    italic: usize,
    link: Option<String>,
}

/// Parses Markdown (front matter is skipped) into blocks.
pub fn parse(markdown: &str) -> Doc {
    let mut doc = Doc::default();
    // Stack of open containers: (kind, collected blocks).
    enum Open {
        Root,
        Quote,
        List(Option<u64>, Vec<Vec<Block>>),
        Item,
        Note(String),
    }
    let mut stack: Vec<(Open, Vec<Block>)> = vec![(Open::Root, Vec::new())];
    let mut spans: Vec<Span> = Vec::new();
    let mut inline = Inline::default();
    let mut heading: Option<u8> = None;
    let mut table: Option<TableBuild> = None;
    let mut row: Vec<Vec<Span>> = Vec::new();
    let mut in_meta = false;

    let push_text = |spans: &mut Vec<Span>, inline: &Inline, text: &str, kind: SpanKind| {
        if let Some(last) = spans.last_mut()
            && last.kind == SpanKind::Text
            && kind == SpanKind::Text
            && last.bold == (inline.bold > 0)
            && last.italic == (inline.italic > 0)
            && last.link == inline.link
        {
            last.text.push_str(text);
            return;
        }
        spans.push(Span {
            text: text.to_string(),
            kind,
            bold: inline.bold > 0,
            italic: inline.italic > 0,
            link: inline.link.clone(),
        });
    };

    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(_) if in_meta => {}
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                })
            }
            Event::End(TagEnd::Heading(_)) => {
                let spans = split_markers(std::mem::take(&mut spans));
                let level = heading.take().unwrap_or(4);
                emit(&mut stack, Block::Heading { level, spans });
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                let spans = split_markers(std::mem::take(&mut spans));
                emit(&mut stack, Block::Paragraph(spans));
            }
            Event::Start(Tag::BlockQuote(_)) => stack.push((Open::Quote, Vec::new())),
            Event::Start(Tag::List(start)) => stack.push((Open::List(start, Vec::new()), Vec::new())),
            Event::Start(Tag::Item) => stack.push((Open::Item, Vec::new())),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                stack.push((Open::Note(label.to_string()), Vec::new()))
            }
            Event::End(
                TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition,
            ) => {
                // A tight list item holds text without a paragraph.
                if !spans.is_empty() {
                    let s = split_markers(std::mem::take(&mut spans));
                    emit(&mut stack, Block::Paragraph(s));
                }
                let Some((open, blocks)) = stack.pop() else { continue };
                let parent = stack.last_mut();
                match (open, parent) {
                    (Open::Quote, Some(p)) => p.1.push(Block::Quote(blocks)),
                    (Open::Item, Some((Open::List(_, items), _))) => items.push(blocks),
                    (Open::List(start, items), Some(p)) => p.1.push(Block::List { start, items }),
                    (Open::Note(label), _) => doc.notes.push((label, blocks)),
                    (open, Some(p)) => {
                        p.1.extend(blocks);
                        let _ = open;
                    }
                    (_, None) => {}
                }
            }
            Event::Start(Tag::Table(aligns)) => {
                table = Some(TableBuild { aligns, header: Vec::new(), rows: Vec::new() })
            }
            Event::Start(Tag::TableHead) => {}
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.header = std::mem::take(&mut row);
                }
            }
            Event::Start(Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.rows.push(std::mem::take(&mut row));
                }
            }
            Event::Start(Tag::TableCell) => {}
            Event::End(TagEnd::TableCell) => row.push(split_markers(std::mem::take(&mut spans))),
            Event::End(TagEnd::Table) => {
                if let Some(TableBuild { aligns, header, rows }) = table.take() {
                    emit(&mut stack, Block::Table { aligns, header, rows });
                }
            }
            Event::Start(Tag::Strong) => inline.bold += 1,
            Event::End(TagEnd::Strong) => inline.bold = inline.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => inline.italic += 1,
            Event::End(TagEnd::Emphasis) => inline.italic = inline.italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => inline.link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => inline.link = None,
            Event::Text(t) | Event::Code(t) => push_text(&mut spans, &inline, &t, SpanKind::Text),
            Event::SoftBreak => push_text(&mut spans, &inline, " ", SpanKind::Text),
            Event::HardBreak => push_text(&mut spans, &inline, "", SpanKind::LineBreak),
            Event::FootnoteReference(label) => push_text(&mut spans, &inline, &label, SpanKind::NoteRef),
            Event::Rule => {
                emit(&mut stack, Block::Rule);
            }
            Event::Html(t) | Event::InlineHtml(t) => push_text(&mut spans, &inline, &t, SpanKind::Text),
            _ => {}
        }
    }
    while stack.len() > 1 {
        let (_, blocks) = stack.pop().unwrap_or((Open::Root, Vec::new()));
        if let Some(top) = stack.last_mut() {
            top.1.extend(blocks);
        }
    }
    doc.blocks = stack.pop().map(|s| s.1).unwrap_or_default();
    doc
}

/// Splits `[5.1.2e]` (public) and `[[5.1.2e: words]]` (internal) out of text spans.
fn split_markers(spans: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        if span.kind != SpanKind::Text || !span.text.contains('[') {
            out.push(span);
            continue;
        }
        let mut rest = span.text.as_str();
        while let Some(i) = rest.find('[') {
            let found = marker_at(&rest[i..]);
            let Some((len, kind, text)) = found else {
                let (head, tail) = rest.split_at(i + 1);
                push_piece(&mut out, &span, head, SpanKind::Text);
                rest = tail;
                continue;
            };
            push_piece(&mut out, &span, &rest[..i], SpanKind::Text);
            push_piece(&mut out, &span, &text, kind);
            rest = &rest[i + len..];
        }
        push_piece(&mut out, &span, rest, SpanKind::Text);
    }
    out
}

fn push_piece(out: &mut Vec<Span>, like: &Span, text: &str, kind: SpanKind) {
    if text.is_empty() {
        return;
    }
    if kind == SpanKind::Text
        && let Some(last) = out.last_mut()
        && last.kind == SpanKind::Text
        && last.bold == like.bold
        && last.italic == like.italic
        && last.link == like.link
    {
        last.text.push_str(text);
        return;
    }
    out.push(Span { text: text.to_string(), kind, ..like.clone() });
}

/// A marker at the start of `s`: its length, kind and the text to show.
fn marker_at(s: &str) -> Option<(usize, SpanKind, String)> {
    use crate::model::redaction::Ground;
    if let Some(inner) = s.strip_prefix("[[") {
        let end = inner.find("]]")?;
        let (code, words) = inner[..end].split_once(':')?;
        let ground = Ground::parse(code)?;
        return Some((
            end + 4,
            SpanKind::Withheld { code: ground.code().to_string() },
            words.trim().to_string(),
        ));
    }
    let inner = s.strip_prefix('[')?;
    let end = inner.find(']')?;
    let ground = Ground::parse(&inner[..end])?;
    (ground.code() == &inner[..end]).then(|| (end + 2, SpanKind::Redacted, ground.code().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(spans: &[Span]) -> Vec<(&str, &SpanKind)> {
        spans.iter().map(|s| (s.text.as_str(), &s.kind)).collect()
    }

    #[test]
    fn finds_redaction_markers_in_text() {
        let doc = parse("Geachte [5.1.2e], zie [[5.1.2e: Jan de Vries]] en [niet].\n");
        let Block::Paragraph(spans) = &doc.blocks[0] else { panic!() };
        assert_eq!(
            kinds(spans),
            [
                ("Geachte ", &SpanKind::Text),
                ("5.1.2e", &SpanKind::Redacted),
                (", zie ", &SpanKind::Text),
                ("Jan de Vries", &SpanKind::Withheld { code: "5.1.2e".into() }),
                (" en [niet].", &SpanKind::Text),
            ]
        );
    }

    #[test]
    fn reads_structure_footnotes_and_tables() {
        let md = "---\ntitle: \"x\"\n---\n\n# Titel\n\nTekst[^1] **vet**.\n\n- een\n- twee\n\n> citaat\n\n| a | b |\n| ---: | --- |\n| 1 | 2 |\n\n[^1]: Noot.\n";
        let doc = parse(md);
        assert!(matches!(&doc.blocks[0], Block::Heading { level: 1, .. }));
        let Block::Paragraph(p) = &doc.blocks[1] else { panic!("{:?}", doc.blocks[1]) };
        assert_eq!(p[1].kind, SpanKind::NoteRef);
        assert!(p.iter().any(|s| s.bold && s.text == "vet"));
        assert!(matches!(&doc.blocks[2], Block::List { start: None, items } if items.len() == 2));
        assert!(matches!(&doc.blocks[3], Block::Quote(_)));
        assert!(
            matches!(&doc.blocks[4], Block::Table { rows, aligns, .. } if rows.len() == 1 && aligns[0] == Alignment::Right)
        );
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].0, "1");
    }
}
