//! Rendered Markdown to the typed document's blocks: the one place that sets
//! the pulldown-cmark options, and the only parse of a document's Markdown.
//!
//! Withheld passages are taken out before Markdown sees them (by the one
//! redaction grammar, [`crate::redaction`]): each becomes a placeholder that
//! Markdown leaves alone and comes back as a typed [`Redaction`] span, its
//! words only for the internal audience. Literal text that merely looks like
//! a marker (`\[5.1.2e\]`) stays text.

use crate::document::{
    Align, Audience, Block, Heading, Inline, List, Note, Redaction, Role, Span, Style, Table,
};
use crate::redaction::{self, MarkerError, Segment};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The pulldown-cmark options every document is parsed with.
pub fn options() -> Options {
    Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The word a withheld passage stands as while Markdown reads the text:
/// `<key><n><key>`, `n` the passage's place in the list, and `key` a word of
/// ASCII letters (`q…qj`) chosen so that it occurs nowhere in the text. No
/// character is reserved and the input is read as written; Markdown treats
/// the word as letters, so emphasis and links around a passage parse as
/// they would around its words.
struct Placeholder {
    key: String,
}

impl Placeholder {
    /// A `q…qj` that `text` does not hold: one `q` more than the longest
    /// run of `q`s before a `j` in it (one pass, whatever the text). Every
    /// occurrence of it in the text with placeholders is then one of ours:
    /// it ends at a `j` preceded by more `q`s than the text ever has.
    fn fresh(text: &str) -> Self {
        let (mut run, mut longest) = (0, 0);
        for b in text.bytes() {
            match b {
                b'q' => run += 1,
                b'j' => {
                    longest = longest.max(run);
                    run = 0
                }
                _ => run = 0,
            }
        }
        let mut key = "q".repeat(longest + 1);
        key.push('j');
        Placeholder { key }
    }

    fn write(&self, n: usize, out: &mut String) {
        out.push_str(&self.key);
        out.push_str(&n.to_string());
        out.push_str(&self.key);
    }

    /// `text` in its pieces: text as it stands, and the passages' places.
    fn split<'t>(&'t self, mut text: &'t str) -> impl Iterator<Item = Piece<'t>> + 't {
        let mut next: Option<Piece<'t>> = None;
        std::iter::from_fn(move || {
            if let Some(p) = next.take() {
                return Some(p);
            }
            if text.is_empty() {
                return None;
            }
            let k = self.key.len();
            let found = text.find(&self.key).and_then(|i| {
                let after = &text[i + k..];
                let digits = after.bytes().take_while(u8::is_ascii_digit).count();
                let n = after[..digits].parse::<usize>().ok()?;
                after[digits..].starts_with(&self.key).then_some((i, n, i + k + digits + k))
            });
            match found {
                Some((0, n, end)) => {
                    text = &text[end..];
                    Some(Piece::Withheld(n))
                }
                Some((i, n, end)) => {
                    let before = &text[..i];
                    text = &text[end..];
                    next = Some(Piece::Withheld(n));
                    Some(Piece::Text(before))
                }
                None => Some(Piece::Text(std::mem::take(&mut text))),
            }
        })
    }
}

/// A piece of text read back from Markdown.
enum Piece<'t> {
    Text(&'t str),
    /// The n-th withheld passage.
    Withheld(usize),
}

/// One parsed piece of a document.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The front matter's YAML, withheld passages resolved for the audience.
    pub front_matter: Option<String>,
    pub blocks: Vec<Block>,
    pub notes: Vec<Note>,
}

/// Parses `markdown` for `audience`; a malformed redaction marker is an error.
pub fn parse(markdown: &str, audience: Audience) -> Result<Parsed, Vec<MarkerError>> {
    let segments = redaction::parse(markdown)?;
    let mut withheld: Vec<Redaction> = Vec::new();
    let placeholder = Placeholder::fresh(markdown);
    let mut text = String::with_capacity(markdown.len());
    for s in segments {
        match s {
            Segment::Open(t) => text.push_str(t),
            Segment::Withheld { ground, words } => {
                placeholder.write(withheld.len(), &mut text);
                let words = (audience == Audience::Internal).then(|| words.to_string());
                withheld.push(Redaction { ground, words });
            }
        }
    }
    Ok(Builder::new(&withheld, &placeholder).run(&text))
}

/// A container open while its blocks are read.
enum Open {
    Root,
    Quote,
    List { start: Option<u64>, items: Vec<Vec<Block>>, loose: bool },
    Item,
    Note(String),
}

struct Builder<'w> {
    withheld: &'w [Redaction],
    placeholder: &'w Placeholder,
    stack: Vec<(Open, Vec<Block>)>,
    spans: Vec<Span>,
    /// The link the text being read belongs to.
    link: Option<Box<str>>,
    strong: usize,
    emphasis: usize,
    heading: Option<(u8, Role)>,
    table: Option<Table>,
    row: Vec<Vec<Span>>,
    front_matter: Option<String>,
    in_meta: bool,
    notes: Vec<Note>,
}

impl<'w> Builder<'w> {
    fn new(withheld: &'w [Redaction], placeholder: &'w Placeholder) -> Self {
        Builder {
            withheld,
            placeholder,
            stack: vec![(Open::Root, Vec::new())],
            spans: Vec::new(),
            link: None,
            strong: 0,
            emphasis: 0,
            heading: None,
            table: None,
            row: Vec::new(),
            front_matter: None,
            in_meta: false,
            notes: Vec::new(),
        }
    }

    fn run(mut self, text: &str) -> Parsed {
        for event in Parser::new_ext(text, options()) {
            self.event(event);
        }
        self.close_inline();
        while self.stack.len() > 1 {
            self.close_container();
        }
        let mut blocks = self.stack.pop().map(|s| s.1).unwrap_or_default();
        blocks.shrink_to_fit();
        Parsed { front_matter: self.front_matter, blocks, notes: self.notes }
    }

    fn emit(&mut self, block: Block) {
        if let Some(top) = self.stack.last_mut() {
            top.1.push(block);
        }
    }

    /// The spans read so far, taken, without spare capacity: a document of
    /// 15,000 pages is held whole until every format is made.
    fn take_spans(&mut self) -> Vec<Span> {
        let mut spans = std::mem::take(&mut self.spans);
        for s in &mut spans {
            if let Inline::Text(t) = &mut s.inline {
                t.shrink_to_fit();
            }
        }
        spans.shrink_to_fit();
        spans
    }

    /// Inline content not closed by a paragraph (a tight list item).
    fn close_inline(&mut self) {
        if !self.spans.is_empty() {
            let spans = self.take_spans();
            self.emit(Block::Paragraph(spans));
        }
    }

    fn close_container(&mut self) {
        self.close_inline();
        let Some((open, mut blocks)) = self.stack.pop() else { return };
        blocks.shrink_to_fit();
        match open {
            Open::Quote => self.emit(Block::Quote(blocks)),
            Open::Item => match self.stack.last_mut() {
                Some((Open::List { items, .. }, _)) => items.push(blocks),
                Some(parent) => parent.1.extend(blocks),
                None => {}
            },
            Open::List { start, items, loose } => {
                self.emit(Block::List(List { start, tight: !loose, items }));
            }
            Open::Note(label) => self.notes.push(Note { label, blocks }),
            Open::Root => self.stack.push((Open::Root, blocks)),
        }
    }

    fn push(&mut self, inline: Inline) {
        let style = Style { strong: self.strong > 0, emphasis: self.emphasis > 0, link: self.link.clone() };
        if let (Inline::Text(t), Some(Span { inline: Inline::Text(last), style: s })) =
            (&inline, self.spans.last_mut())
            && *s == style
        {
            last.push_str(t);
            return;
        }
        self.spans.push(Span { inline, style });
    }

    /// Text, with the withheld passages' placeholders turned into spans.
    fn text(&mut self, text: &str) {
        for piece in self.placeholder.split(text) {
            match piece {
                Piece::Text(t) => self.push(Inline::Text(t.to_string())),
                Piece::Withheld(n) => {
                    if let Some(r) = self.withheld.get(n) {
                        self.push(Inline::Redaction(Box::new(r.clone())))
                    }
                }
            }
        }
    }

    /// Whether `text` holds a withheld passage whose words this audience
    /// does not see.
    fn hides_words(&self, text: &str) -> bool {
        self.placeholder.split(text).any(
            |p| matches!(p, Piece::Withheld(n) if self.withheld.get(n).is_some_and(|r| r.words.is_none())),
        )
    }

    /// Text where no span can stand (front matter, a link's address): each
    /// withheld passage as the audience may see it.
    fn resolve(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for piece in self.placeholder.split(text) {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Withheld(n) => {
                    if let Some(r) = self.withheld.get(n) {
                        out.push_str(&r.marker())
                    }
                }
            }
        }
        out
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => self.in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => self.in_meta = false,
            Event::Text(t) if self.in_meta => {
                let resolved = self.resolve(&t);
                self.front_matter.get_or_insert_with(String::new).push_str(&resolved);
            }
            Event::Start(Tag::Heading { level, classes, .. }) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                let role = classes.iter().find_map(|c| Role::from_class(c)).unwrap_or(if level == 1 {
                    Role::Title
                } else {
                    Role::Other
                });
                self.heading = Some((level, role));
            }
            Event::End(TagEnd::Heading(_)) => {
                let spans = self.take_spans();
                let (level, role) = self.heading.take().unwrap_or((6, Role::Other));
                self.emit(Block::Heading(Heading { level, role, spans }));
            }
            Event::Start(Tag::Paragraph) => {
                if let Some((Open::Item, _)) = self.stack.last()
                    && let Some((Open::List { loose, .. }, _)) = self.stack.iter_mut().rev().nth(1)
                {
                    *loose = true;
                }
            }
            Event::End(TagEnd::Paragraph) => {
                let spans = self.take_spans();
                self.emit(Block::Paragraph(spans));
            }
            Event::Start(Tag::HtmlBlock) => {}
            Event::End(TagEnd::HtmlBlock) => self.close_inline(),
            Event::Start(Tag::BlockQuote(_)) => {
                self.close_inline();
                self.stack.push((Open::Quote, Vec::new()))
            }
            Event::Start(Tag::List(start)) => {
                self.close_inline();
                self.stack.push((Open::List { start, items: Vec::new(), loose: false }, Vec::new()))
            }
            Event::Start(Tag::Item) => self.stack.push((Open::Item, Vec::new())),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.stack.push((Open::Note(label.to_string()), Vec::new()))
            }
            Event::End(
                TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition,
            ) => self.close_container(),
            Event::Start(Tag::Table(aligns)) => {
                let aligns = aligns.into_iter().map(align).collect();
                self.table = Some(Table { aligns, header: Vec::new(), rows: Vec::new() })
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = self.table.as_mut() {
                    t.header = std::mem::take(&mut self.row);
                }
            }
            Event::Start(Tag::TableRow) => self.row.clear(),
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = self.table.as_mut() {
                    let mut row = std::mem::take(&mut self.row);
                    row.shrink_to_fit();
                    t.rows.push(row);
                }
            }
            Event::End(TagEnd::TableCell) => {
                let cell = self.take_spans();
                self.row.push(cell);
            }
            Event::End(TagEnd::Table) => {
                if let Some(mut t) = self.table.take() {
                    t.rows.shrink_to_fit();
                    self.emit(Block::Table(t));
                }
            }
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => self.emphasis += 1,
            Event::End(TagEnd::Emphasis) => self.emphasis = self.emphasis.saturating_sub(1),
            // A link whose address holds a withheld passage (a listed name
            // in a URL) is published as its text alone: the address would
            // name what is withheld, and with a marker in it leads nowhere.
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.link = (!self.hides_words(&dest_url)).then(|| self.resolve(&dest_url).into())
            }
            Event::End(TagEnd::Link) => self.link = None,
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                // A code span keeps its text; a withheld passage in it is still withheld.
                let resolved = self.resolve(&t);
                self.push(Inline::Code(resolved));
            }
            Event::SoftBreak => self.push(Inline::SoftBreak),
            Event::HardBreak => self.push(Inline::LineBreak),
            Event::FootnoteReference(label) => self.push(Inline::NoteRef(label.to_string())),
            Event::Rule => self.emit(Block::Rule),
            Event::Html(t) | Event::InlineHtml(t) => {
                let resolved = self.resolve(&t);
                self.push(Inline::Html(resolved));
            }
            _ => {}
        }
    }
}

fn align(a: Alignment) -> Align {
    match a {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::plain;

    fn inlines(spans: &[Span]) -> Vec<&Inline> {
        spans.iter().map(|s| &s.inline).collect()
    }

    #[test]
    fn markers_become_typed_redactions_with_words_only_for_the_internal_audience() {
        let md = "Geachte [[5.1.2e: Jan de Vries]], zie \\[5.1.2e\\] en [niet].\n";
        let public = parse(md, Audience::Public).unwrap();
        let Block::Paragraph(spans) = &public.blocks[0] else { panic!() };
        let ground = crate::redaction::Ground::parse("5.1.2e").unwrap();
        assert_eq!(
            inlines(spans),
            [
                &Inline::Text("Geachte ".into()),
                &Inline::Redaction(Box::new(Redaction { ground, words: None })),
                &Inline::Text(", zie [5.1.2e] en [niet].".into()),
            ]
        );
        assert!(!format!("{public:?}").contains("Jan"));
        let internal = parse(md, Audience::Internal).unwrap();
        let Block::Paragraph(spans) = &internal.blocks[0] else { panic!() };
        assert_eq!(plain::text(spans), "Geachte Jan de Vries, zie [5.1.2e] en [niet].");
        assert!(parse("[[5.1.2e: open", Audience::Public).is_err());
    }

    /// The placeholder is a word the text does not hold: text that looks
    /// like one (`qj0qj`, `qqj`) and characters once reserved (U+FFFE)
    /// come back as written, beside real passages.
    #[test]
    fn text_like_a_placeholder_is_read_as_written() {
        let md = "qj0qj [[5.1.2e: Jan]] qqj1qqj \u{FFFE}0\u{FFFE} *qj*[[5.1.2e: Piet]]\n";
        let public = parse(md, Audience::Public).unwrap();
        let Block::Paragraph(spans) = &public.blocks[0] else { panic!() };
        assert_eq!(plain::text(spans), "qj0qj [5.1.2e] qqj1qqj \u{FFFE}0\u{FFFE} qj[5.1.2e]");
        assert!(spans.iter().any(|s| s.style.emphasis && s.inline == Inline::Text("qj".into())));
        let internal = parse(md, Audience::Internal).unwrap();
        let Block::Paragraph(spans) = &internal.blocks[0] else { panic!() };
        assert_eq!(plain::text(spans), "qj0qj Jan qqj1qqj \u{FFFE}0\u{FFFE} qjPiet");
    }

    proptest::proptest! {
        /// Over text made of the placeholder's own letters, digits and
        /// spaces (nothing Markdown reads as syntax) with passages between:
        /// the public read is the text with each passage as its marker, the
        /// internal read the text with its words, whatever the text holds.
        #[test]
        fn the_text_around_passages_comes_back_exactly(
            parts in proptest::collection::vec(("[qj0-9a ]{0,12}", proptest::option::of("[A-Z][a-z]{0,6}")), 1..8)
        ) {
            // Begun with a word: four leading spaces would make a code block.
            let (mut md, mut public, mut internal) = ("Tekst ".to_string(), "Tekst ".to_string(), "Tekst ".to_string());
            for (text, words) in &parts {
                md.push_str(text);
                public.push_str(text);
                internal.push_str(text);
                if let Some(w) = words {
                    md.push_str(&format!("[[5.1.2e: {w}]]"));
                    public.push_str("[5.1.2e]");
                    internal.push_str(w);
                }
            }
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let read = |audience| {
                let doc = parse(&md, audience).unwrap();
                doc.blocks.iter().map(|b| match b {
                    Block::Paragraph(spans) => plain::text(spans),
                    other => format!("{other:?}"),
                }).collect::<Vec<_>>().join(" ")
            };
            // Markdown trims the paragraph's end; digits make no list
            // without a dot or bracket, and none is generated.
            proptest::prop_assert_eq!(squash(&read(Audience::Public)), squash(&public));
            proptest::prop_assert_eq!(squash(&read(Audience::Internal)), squash(&internal));
        }
    }

    #[test]
    fn reads_structure_roles_footnotes_and_tables() {
        let md = "---\ntitle: \"x [[5.1.2e: Piet]]\"\n---\n\n# Titel\n\n## Vraag 1 {.vraag}\n\nTekst[^1] **vet**.\n\n- een\n- twee\n\n> citaat\n\n| a | b |\n| ---: | --- |\n| 1 | 2 |\n\n[^1]: Noot.\n";
        let doc = parse(md, Audience::Public).unwrap();
        assert_eq!(doc.front_matter.as_deref(), Some("title: \"x [5.1.2e]\"\n"));
        let roles: Vec<(u8, Role)> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some((h.level, h.role)),
                _ => None,
            })
            .collect();
        assert_eq!(roles, [(1, Role::Title), (2, Role::Question)]);
        let Block::Paragraph(p) = &doc.blocks[2] else { panic!("{:?}", doc.blocks[2]) };
        assert_eq!(p[1].inline, Inline::NoteRef("1".into()));
        assert!(p.iter().any(|s| s.style.strong && s.inline == Inline::Text("vet".into())));
        assert!(
            matches!(&doc.blocks[3], Block::List(List { start: None, tight: true, items }) if items.len() == 2)
        );
        assert!(matches!(&doc.blocks[4], Block::Quote(_)));
        assert!(
            matches!(&doc.blocks[5], Block::Table(Table { rows, aligns, .. }) if rows.len() == 1 && aligns[0] == Align::Right)
        );
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].label, "1");
    }
}
