//! The page layout, pure code: a parsed document ([`super::blocks::Doc`]) and its
//! letterhead data in, positioned text, boxes and links on A4 pages out.
//! Lines are broken with the font's own widths (Dutch hyphenation where a
//! line would be left loose), then paginated: headings stay with what follows,
//! table headers repeat, footnotes go to the foot of the page that cites them.
//! Coordinates are points from the top-left of the page.

use super::blocks::{Block, Doc, Span, SpanKind};
use super::fonts::{FALLBACK, Face, Fonts};
use hyphenation::{Hyphenator, Language, Load, Standard};
use pulldown_cmark::Alignment;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::OnceLock;

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

pub const BLACK: Color = Color(0.0, 0.0, 0.0);
pub const WHITE: Color = Color(1.0, 1.0, 1.0);
const GREY: Color = Color(0.45, 0.45, 0.45);
const RULE: Color = Color(0.75, 0.75, 0.75);
const SHADE: Color = Color(0.92, 0.92, 0.92);
const LINK: Color = Color(0.05, 0.25, 0.6);
const HIGHLIGHT: Color = Color(1.0, 0.93, 0.55);
const ALERT: Color = Color(0.75, 0.0, 0.0);

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text on a baseline `y`.
    Text { x: f32, y: f32, size: f32, face: Face, text: String, color: Color },
    /// A filled rectangle with its top-left corner at (`x`, `y`).
    Rect { x: f32, y: f32, w: f32, h: f32, color: Color },
    /// A clickable area.
    Link { x: f32, y: f32, w: f32, h: f32, url: String },
}

impl Item {
    fn shifted(mut self, dx: f32, dy: f32) -> Item {
        match &mut self {
            Item::Text { x, y, .. } | Item::Rect { x, y, .. } | Item::Link { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
        self
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A bookmark: a heading and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// The laid-out document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    /// Characters the font lacks (shown as U+FFFD).
    pub missing: BTreeSet<char>,
}

/// What page 1's letterhead shows, and the running classification.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Letterhead {
    /// The sender, e.g. the ministry.
    pub sender: String,
    /// Label and value rows: Datum, Betreft, Kenmerk, …
    pub rows: Vec<(String, String)>,
    /// Shown at the top of every page, e.g. `INTERN – NIET OPENBAAR`.
    pub classification: Option<String>,
}

/// Page size and margins in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    pub fn a4() -> Geometry {
        Geometry {
            width: 210.0 * MM,
            height: 297.0 * MM,
            left: 25.0 * MM,
            right: 20.0 * MM,
            top: 20.0 * MM,
            bottom: 22.0 * MM,
        }
    }

    pub fn measure(&self) -> f32 {
        self.width - self.left - self.right
    }
}

const BODY: f32 = 10.0;
const LEADING: f32 = 1.42;
const NOTE: f32 = 8.0;
const TABLE: f32 = 8.5;
const PARA_GAP: f32 = 6.0;

/// Lays out `doc` on A4 pages.
///
/// Every annex starts a page, so the document falls into sections that are
/// laid out on pages of their own, in parallel, and put together in order;
/// only then are the pages numbered ("Pagina 3 van 7"). The result is the
/// same as laying out the whole document in one pass.
pub fn layout(doc: Doc, head: &Letterhead, fonts: &Fonts) -> Laid {
    use rayon::prelude::*;
    let geo = Geometry::a4();
    let Doc { blocks, notes } = doc;
    let notes: HashMap<&str, &[Block]> = notes.iter().map(|(l, b)| (l.as_str(), b.as_slice())).collect();
    // Each section owns its blocks and drops them once laid out.
    let mut sections: Vec<Vec<Block>> = Vec::new();
    for block in blocks {
        match sections.last_mut() {
            Some(section) if !starts_page(&block) => section.push(block),
            _ => sections.push(vec![block]),
        }
    }
    // A footnote stands on the page of its first citation: the section that
    // cites it first places it, later sections do not.
    let mut first_cited: HashMap<String, usize> = HashMap::new();
    for (k, section) in sections.iter().enumerate() {
        let mut labels = Vec::new();
        section.iter().for_each(|b| note_refs(b, &mut labels));
        for label in labels {
            first_cited.entry(label.to_string()).or_insert(k);
        }
    }
    let parts: Vec<(Vec<Page>, Vec<OutlineEntry>, BTreeSet<char>)> = sections
        .into_par_iter()
        .enumerate()
        .map(|(k, blocks)| {
            let mut lx = Lines { fonts, missing: BTreeSet::new(), notes: &notes, hyphenate: true };
            let mut lines: Vec<Line> = Vec::new();
            for (i, block) in blocks.iter().enumerate() {
                if let Some(last) = lines.last_mut() {
                    match block {
                        // What introduces a quotation stays with it.
                        Block::Quote(_) => last.keep_with_next = true,
                        // A heading starts a new group: what comes before it
                        // (a quoted letter, say) does not drag it along, unless
                        // that is a heading too.
                        Block::Heading { .. }
                            if !matches!(
                                i.checked_sub(1).map(|j| &blocks[j]),
                                Some(Block::Heading { .. })
                            ) =>
                        {
                            last.keep_with_next = false;
                        }
                        _ => {}
                    }
                }
                lx.block(block, geo.left, geo.measure(), k == 0 && i == 0, &mut lines);
            }
            drop(blocks);
            let cited_before = |label: &str| first_cited.get(label).is_some_and(|&at| at < k);
            let mut pager = Pager::new(geo, (k == 0).then_some(head), &mut lx, &cited_before);
            pager.place_all(lines);
            let (pages, outline) = (pager.pages, pager.outline);
            (pages, outline, lx.missing)
        })
        .collect();
    let mut laid = Laid::default();
    for (pages, outline, missing) in parts {
        let offset = laid.pages.len();
        laid.outline.extend(outline.into_iter().map(|e| OutlineEntry { page: e.page + offset, ..e }));
        laid.pages.extend(pages);
        laid.missing.extend(missing);
    }
    number_pages(&mut laid.pages, head, &geo, fonts);
    laid
}

/// Whether a block always starts a new page: an annex heading.
fn starts_page(block: &Block) -> bool {
    matches!(block, Block::Heading { level: 2, spans } if heading_title(spans).starts_with("Bijlage "))
}

/// A heading's text without its footnote marks.
fn heading_title(spans: &[Span]) -> String {
    spans.iter().filter(|s| s.kind != SpanKind::NoteRef).map(|s| s.text.as_str()).collect()
}

/// The footnote labels a block cites, in order.
fn note_refs<'b>(block: &'b Block, out: &mut Vec<&'b str>) {
    let spans = |spans: &'b [Span], out: &mut Vec<&'b str>| {
        out.extend(spans.iter().filter(|s| s.kind == SpanKind::NoteRef).map(|s| s.text.as_str()));
    };
    match block {
        Block::Heading { spans: s, .. } | Block::Paragraph(s) => spans(s, out),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| note_refs(b, out)),
        Block::Quote(blocks) => blocks.iter().for_each(|b| note_refs(b, out)),
        Block::Table { header, rows, .. } => {
            header.iter().chain(rows.iter().flatten()).for_each(|cell| spans(cell, out));
        }
        Block::Rule => {}
    }
}

/// Page numbers and the classification on every page.
fn number_pages(pages: &mut [Page], head: &Letterhead, geo: &Geometry, fonts: &Fonts) {
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let text = format!("Pagina {} van {}", i + 1, total);
        let w = fonts.width(Face::Regular, &text, 8.0);
        page.items.push(Item::Text {
            x: geo.width - geo.right - w,
            y: geo.height - 12.0 * MM,
            size: 8.0,
            face: Face::Regular,
            text,
            color: GREY,
        });
        if let Some(c) = &head.classification {
            let w = fonts.width(Face::Bold, c, 8.5);
            page.items.push(Item::Text {
                x: (geo.width - w) / 2.0,
                y: 14.0 * MM,
                size: 8.5,
                face: Face::Bold,
                text: c.clone(),
                color: ALERT,
            });
        }
    }
}

/// A line (or a table row) ready to be placed: items relative to its top.
#[derive(Clone, Debug, Default)]
struct Line {
    height: f32,
    space_before: f32,
    items: Vec<Item>,
    keep_with_next: bool,
    break_before: bool,
    /// Footnotes first referenced on this line.
    notes: Vec<String>,
    outline: Option<String>,
    /// A table's header row, repeated when the table breaks across pages.
    header: Option<Rc<Line>>,
}

/// A piece of a word in one style.
#[derive(Clone, Debug)]
struct Frag {
    text: String,
    face: Face,
    size: f32,
    rise: f32,
    kind: FragKind,
    color: Color,
    link: Option<String>,
    width: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum FragKind {
    Plain,
    /// A public redaction: a black box labelled with the ground.
    Box,
    /// Withheld words in an internal render: highlighted.
    Highlight,
}

/// Frags between spaces.
#[derive(Clone, Debug, Default)]
struct Word {
    frags: Vec<Frag>,
    /// Width of the space before it (0 when glued to the previous word).
    space: f32,
    forced_break: bool,
    notes: Vec<String>,
}

impl Word {
    fn width(&self) -> f32 {
        self.frags.iter().map(|f| f.width).sum()
    }
}

/// Turns blocks into lines.
struct Lines<'f> {
    fonts: &'f Fonts,
    missing: BTreeSet<char>,
    /// The footnotes' blocks by label.
    notes: &'f HashMap<&'f str, &'f [Block]>,
    /// Dutch hyphenation is for running text, not for headings or table cells.
    hyphenate: bool,
}

fn hyphenator() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| {
        let bytes: &[u8] = include_bytes!("../assets/hyphenation/nl.standard.bincode");
        Standard::from_reader(Language::Dutch, &mut &bytes[..]).ok()
    })
    .as_ref()
}

impl Lines<'_> {
    fn frag(&mut self, text: &str, face: Face, size: f32, kind: FragKind, link: Option<String>) -> Frag {
        let mut clean = String::with_capacity(text.len());
        for c in text.chars() {
            if self.fonts.has(face, c) || c == ' ' {
                clean.push(c);
            } else if !c.is_control() {
                self.missing.insert(c);
                clean.push(FALLBACK);
            }
        }
        let color = if link.is_some() { LINK } else { BLACK };
        let width = match kind {
            FragKind::Box => self.fonts.width(Face::Bold, &clean, size * 0.75) + 4.0,
            _ => self.fonts.width(face, &clean, size),
        };
        Frag { text: clean, face, size, rise: 0.0, kind, color, link, width }
    }

    /// Spans to words: split at spaces; styles may change inside a word.
    fn words(&mut self, spans: &[Span], size: f32, force_bold: bool) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        let mut gap: Option<f32> = None; // a space is pending before the next frag
        let mut forced = false;
        for span in spans {
            let face = Face::with(span.bold || force_bold, span.italic);
            let space = self.fonts.width(face, " ", size);
            match &span.kind {
                SpanKind::LineBreak => {
                    forced = true;
                    gap = Some(0.0);
                }
                SpanKind::NoteRef => {
                    let mut f = self.frag(&span.text, face, size * 0.62, FragKind::Plain, None);
                    f.rise = size * 0.36;
                    attach(&mut words, &mut gap, &mut forced, f, Some(span.text.clone()));
                }
                SpanKind::Redacted => {
                    let f = self.frag(&span.text, face, size, FragKind::Box, None);
                    attach(&mut words, &mut gap, &mut forced, f, None);
                }
                SpanKind::Text | SpanKind::Withheld { .. } => {
                    let (text, kind) = match &span.kind {
                        SpanKind::Withheld { code } => {
                            (format!("[{code}: {}]", span.text), FragKind::Highlight)
                        }
                        _ => (span.text.clone(), FragKind::Plain),
                    };
                    for (i, piece) in text.split(' ').enumerate() {
                        if i > 0 {
                            gap = Some(space);
                        }
                        if piece.is_empty() {
                            continue;
                        }
                        let f = self.frag(piece, face, size, kind, span.link.clone());
                        attach(&mut words, &mut gap, &mut forced, f, None);
                    }
                }
            }
        }
        words
    }

    /// Breaks words into lines of at most `width`; returns each line's words.
    fn break_lines(&mut self, mut words: Vec<Word>, width: f32) -> Vec<Vec<Word>> {
        let mut lines: Vec<Vec<Word>> = Vec::new();
        let mut line: Vec<Word> = Vec::new();
        let mut used = 0.0f32;
        words.reverse();
        while let Some(mut word) = words.pop() {
            if word.forced_break && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            let space = if line.is_empty() { 0.0 } else { word.space };
            let w = word.width();
            if used + space + w <= width + 0.01 {
                used += space + w;
                line.push(word);
                continue;
            }
            let room = width - used - space;
            let split =
                if room > width * 0.12 || line.is_empty() { self.hyphenate(&word, room) } else { None };
            if let Some((head, tail)) = split {
                line.push(head);
                lines.push(std::mem::take(&mut line));
                used = 0.0;
                words.push(tail);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
                word.space = 0.0;
                words.push(word);
                continue;
            }
            // Alone and still too wide (a long URL): break between characters.
            let (head, tail) = self.split_chars(&word, width);
            line.push(head);
            lines.push(std::mem::take(&mut line));
            if let Some(t) = tail {
                words.push(t);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Splits a one-frag word at the last Dutch hyphenation point (or an
    /// existing hyphen) where the head and a hyphen fit in `room`.
    fn hyphenate(&mut self, word: &Word, room: f32) -> Option<(Word, Word)> {
        let [frag] = word.frags.as_slice() else { return None };
        if frag.kind != FragKind::Plain || frag.text.chars().count() < 6 {
            return None;
        }
        let text = frag.text.as_str();
        let dictionary = self.hyphenate;
        let mut points: Vec<(usize, bool)> =
            text.match_indices('-').map(|(i, _)| (i + 1, false)).filter(|(i, _)| *i < text.len()).collect();
        let letters = text.trim_end_matches(|c: char| !c.is_alphabetic());
        if dictionary && letters.chars().all(char::is_alphabetic) && !text.contains('-') {
            let lower = letters.to_lowercase();
            if lower.len() == letters.len()
                && let Some(dict) = hyphenator()
            {
                points.extend(dict.hyphenate(&lower).breaks.into_iter().map(|b| (b, true)));
            }
        }
        points.sort_unstable();
        for &(at, add_hyphen) in points.iter().rev() {
            if at < 2 || text.len() - at < 3 || !text.is_char_boundary(at) {
                continue;
            }
            let head_text = if add_hyphen { format!("{}-", &text[..at]) } else { text[..at].to_string() };
            let head = self.frag(&head_text, frag.face, frag.size, frag.kind, frag.link.clone());
            if head.width <= room {
                let tail = self.frag(&text[at..], frag.face, frag.size, frag.kind, frag.link.clone());
                let h = Word {
                    frags: vec![head],
                    space: word.space,
                    forced_break: word.forced_break,
                    notes: Vec::new(),
                };
                let t =
                    Word { frags: vec![tail], space: 0.0, forced_break: false, notes: word.notes.clone() };
                return Some((h, t));
            }
        }
        None
    }

    /// Splits a word between characters so that the head fits in `width`.
    fn split_chars(&mut self, word: &Word, width: f32) -> (Word, Option<Word>) {
        let mut head = Word { space: 0.0, forced_break: word.forced_break, ..Word::default() };
        let mut used = 0.0;
        let mut frags = word.frags.iter();
        for f in frags.by_ref() {
            if used + f.width <= width || f.kind != FragKind::Plain {
                used += f.width;
                head.frags.push(f.clone());
                continue;
            }
            let mut cut = 0;
            for (i, c) in f.text.char_indices() {
                let w = self.fonts.width(f.face, &f.text[..i + c.len_utf8()], f.size);
                if used + w > width && i > 0 {
                    break;
                }
                cut = i + c.len_utf8();
            }
            let cut = cut.max(f.text.chars().next().map_or(0, char::len_utf8));
            let a = self.frag(&f.text[..cut], f.face, f.size, f.kind, f.link.clone());
            head.frags.push(a);
            let mut tail = Word { notes: word.notes.clone(), ..Word::default() };
            if cut < f.text.len() {
                tail.frags.push(self.frag(&f.text[cut..], f.face, f.size, f.kind, f.link.clone()));
            }
            tail.frags.extend(frags.cloned());
            return (head, (!tail.frags.is_empty()).then_some(tail));
        }
        head.notes = word.notes.clone();
        (head, None)
    }

    /// Lays out inline content at `x` within `width`; one `Line` per line.
    fn paragraph(
        &mut self,
        spans: &[Span],
        x: f32,
        width: f32,
        size: f32,
        bold: bool,
        align: Alignment,
    ) -> Vec<Line> {
        let words = self.words(spans, size, bold);
        let height = size * LEADING;
        let mut out = Vec::new();
        for words in self.break_lines(words, width) {
            let used: f32 = words
                .iter()
                .enumerate()
                .map(|(i, w)| if i == 0 { w.width() } else { w.space + w.width() })
                .sum();
            let dx = match align {
                Alignment::Right => width - used,
                Alignment::Center => (width - used) / 2.0,
                _ => 0.0,
            };
            let mut line = Line { height, ..Line::default() };
            let baseline = height * 0.74;
            let mut cx = x + dx;
            let mut run: Option<(Frag, f32)> = None; // merged plain text and its x
            for (i, w) in words.into_iter().enumerate() {
                line.notes.extend(w.notes.iter().cloned());
                if i > 0 {
                    if let Some((f, _)) = run.as_mut()
                        && w.frags.first().is_some_and(|n| same_style(f, n) && n.rise == 0.0)
                    {
                        f.text.push(' ');
                    } else {
                        flush(&mut run, baseline, &mut line.items);
                    }
                    cx += w.space;
                }
                for f in w.frags {
                    let fw = f.width;
                    match f.kind {
                        FragKind::Box => {
                            flush(&mut run, baseline, &mut line.items);
                            let h = size * 1.1;
                            let top = baseline - size * 0.85;
                            line.items.push(Item::Rect { x: cx, y: top, w: fw, h, color: BLACK });
                            line.items.push(Item::Text {
                                x: cx + 2.0,
                                y: baseline - size * 0.12,
                                size: size * 0.75,
                                face: Face::Bold,
                                text: f.text,
                                color: WHITE,
                            });
                        }
                        FragKind::Highlight => {
                            line.items.push(Item::Rect {
                                x: cx - 0.5,
                                y: baseline - size * 0.85,
                                w: fw + 1.0,
                                h: size * 1.1,
                                color: HIGHLIGHT,
                            });
                            extend_run(&mut run, f, cx, baseline, &mut line.items);
                        }
                        FragKind::Plain => {
                            if let Some(url) = &f.link {
                                line.items.push(Item::Link {
                                    x: cx,
                                    y: baseline - size * 0.9,
                                    w: fw,
                                    h: size * 1.2,
                                    url: url.clone(),
                                });
                            }
                            extend_run(&mut run, f, cx, baseline, &mut line.items);
                        }
                    }
                    cx += fw;
                }
            }
            flush(&mut run, baseline, &mut line.items);
            out.push(line);
        }
        if out.is_empty() {
            out.push(Line { height, ..Line::default() });
        }
        out
    }

    fn block(&mut self, block: &Block, x: f32, width: f32, first: bool, out: &mut Vec<Line>) {
        match block {
            Block::Heading { level, spans } => {
                let size = match level {
                    1 => 14.5,
                    2 => 11.5,
                    _ => 10.5,
                };
                self.hyphenate = false;
                let mut lines = self.paragraph(spans, x, width, size, true, Alignment::None);
                self.hyphenate = true;
                let title = heading_title(spans);
                if let Some(l) = lines.first_mut() {
                    l.space_before = if first { 0.0 } else { size * 1.1 };
                    l.break_before = starts_page(block);
                    if *level <= 2 {
                        l.outline = Some(title.trim().to_string());
                    }
                }
                for l in lines.iter_mut() {
                    l.keep_with_next = true;
                }
                out.extend(lines);
            }
            Block::Paragraph(spans) => {
                let mut lines = self.paragraph(spans, x, width, BODY, false, Alignment::None);
                if let Some(l) = lines.first_mut() {
                    l.space_before = if first { 0.0 } else { PARA_GAP };
                }
                keep_orphans(&mut lines);
                out.extend(lines);
            }
            Block::Quote(blocks) => {
                let start = out.len();
                for (i, b) in blocks.iter().enumerate() {
                    self.block(b, x + 12.0, width - 12.0, i == 0, out);
                }
                if let Some(l) = out.get_mut(start) {
                    l.space_before = PARA_GAP;
                }
                // A short quoted letter stays whole, and with the line after it.
                let short = out.len() - start <= 10;
                for l in &mut out[start..] {
                    let gap = l.space_before;
                    l.items.push(Item::Rect { x: x + 2.0, y: -gap, w: 2.0, h: l.height + gap, color: RULE });
                    l.keep_with_next |= short;
                }
            }
            Block::List { start, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(n) => format!("{}.", n + i as u64),
                        None => "•".to_string(),
                    };
                    let begin = out.len();
                    for (j, b) in item.iter().enumerate() {
                        self.block(b, x + 16.0, width - 16.0, j == 0, out);
                    }
                    if let Some(l) = out.get_mut(begin) {
                        l.space_before = if i == 0 { PARA_GAP } else { 2.0 };
                        let f = self.frag(&marker, Face::Regular, BODY, FragKind::Plain, None);
                        l.items.push(Item::Text {
                            x: x + 12.0 - f.width,
                            y: l.height * 0.74,
                            size: BODY,
                            face: Face::Regular,
                            text: f.text,
                            color: BLACK,
                        });
                    }
                }
            }
            Block::Table { aligns, header, rows } => {
                self.hyphenate = false;
                self.table(aligns, header, rows, x, width, out);
                self.hyphenate = true;
            }
            Block::Rule => out.push(Line {
                height: 8.0,
                space_before: PARA_GAP,
                items: vec![Item::Rect { x, y: 4.0, w: width, h: 0.5, color: RULE }],
                ..Line::default()
            }),
        }
    }

    fn table(
        &mut self,
        aligns: &[Alignment],
        header: &[Vec<Span>],
        rows: &[Vec<Vec<Span>>],
        x: f32,
        width: f32,
        out: &mut Vec<Line>,
    ) {
        let cols = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        let pad = 3.0;
        // Natural widths: the longest word (min) and the whole text (max).
        let mut min = vec![0.0f32; cols];
        let mut max = vec![0.0f32; cols];
        for (r, row) in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)).enumerate() {
            for (c, cell) in row.iter().enumerate().take(cols) {
                let words = self.words(cell, TABLE, r == 0);
                let whole: f32 = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| if i == 0 { w.width() } else { w.space + w.width() })
                    .sum();
                let longest = words.iter().map(Word::width).fold(0.0, f32::max);
                min[c] = min[c].max(longest.min(width / cols as f32) + 2.0 * pad);
                max[c] = max[c].max(whole + 2.0 * pad);
            }
        }
        let widths = column_widths(&min, &max, width);
        let row_line = |lx: &mut Lines, cells: &[Vec<Span>], bold: bool| -> Line {
            let mut line = Line::default();
            let mut cx = x;
            let mut height: f32 = 0.0;
            for (c, w) in widths.iter().enumerate() {
                let empty = Vec::new();
                let cell = cells.get(c).unwrap_or(&empty);
                let align = aligns.get(c).copied().unwrap_or(Alignment::None);
                let lines = lx.paragraph(cell, cx + pad, w - 2.0 * pad, TABLE, bold, align);
                let mut cy = pad;
                for l in lines {
                    line.notes.extend(l.notes);
                    line.items.extend(l.items.into_iter().map(|i| i.shifted(0.0, cy)));
                    cy += l.height;
                }
                height = height.max(cy + pad);
                cx += w;
            }
            line.height = height;
            line.items.push(Item::Rect { x, y: height - 0.4, w: width, h: 0.4, color: RULE });
            line
        };
        let mut head = row_line(self, header, true);
        head.items.insert(0, Item::Rect { x, y: 0.0, w: width, h: head.height, color: SHADE });
        head.keep_with_next = true;
        let head_copy = Rc::new(head.clone());
        head.space_before = PARA_GAP + 2.0;
        out.push(head);
        for row in rows {
            let mut l = row_line(self, row, false);
            l.header = Some(Rc::clone(&head_copy));
            out.push(l);
        }
    }

    /// A footnote's lines at note size, its number hanging in front.
    fn note_lines(&mut self, label: &str, width: f32, x: f32) -> Vec<Line> {
        let notes = self.notes;
        let blocks: &[Block] = notes.get(label).copied().unwrap_or_default();
        let mut lines = Vec::new();
        for b in blocks {
            let Block::Paragraph(spans) = b else { continue };
            lines.extend(self.paragraph(spans, x + 10.0, width - 10.0, NOTE, false, Alignment::None));
        }
        if lines.is_empty() {
            lines.push(Line { height: NOTE * LEADING, ..Line::default() });
        }
        let first = &mut lines[0];
        first.items.push(Item::Text {
            x,
            y: first.height * 0.74,
            size: NOTE,
            face: Face::Regular,
            text: label.to_string(),
            color: BLACK,
        });
        lines
    }
}

/// Adds a fragment to the last word, or starts a new word when a space (or a
/// forced line break) came before it.
fn attach(words: &mut Vec<Word>, gap: &mut Option<f32>, forced: &mut bool, frag: Frag, note: Option<String>) {
    if words.is_empty() || gap.is_some() {
        words.push(Word {
            space: gap.take().unwrap_or(0.0),
            forced_break: std::mem::take(forced),
            ..Word::default()
        });
    }
    if let Some(w) = words.last_mut() {
        w.frags.push(frag);
        w.notes.extend(note);
    }
}

fn same_style(a: &Frag, b: &Frag) -> bool {
    a.face == b.face
        && a.size == b.size
        && a.rise == b.rise
        && a.link == b.link
        && a.color == b.color
        && b.kind != FragKind::Box
}

fn extend_run(run: &mut Option<(Frag, f32)>, f: Frag, x: f32, baseline: f32, items: &mut Vec<Item>) {
    if let Some((r, _)) = run.as_mut()
        && same_style(r, &f)
    {
        r.text.push_str(&f.text);
        return;
    }
    flush(run, baseline, items);
    *run = Some((f, x));
}

fn flush(run: &mut Option<(Frag, f32)>, baseline: f32, items: &mut Vec<Item>) {
    if let Some((f, x)) = run.take() {
        let mut text = f.text;
        text.shrink_to_fit(); // pages are held until the document is numbered
        items.push(Item::Text { x, y: baseline - f.rise, size: f.size, face: f.face, text, color: f.color });
    }
}

/// No paragraph leaves one line alone at the foot or head of a page, and a
/// short one (up to five lines, like an address block) is not split at all.
fn keep_orphans(lines: &mut [Line]) {
    let n = lines.len();
    if (2..=5).contains(&n) {
        lines[..n - 1].iter_mut().for_each(|l| l.keep_with_next = true);
    } else if n >= 2 {
        lines[0].keep_with_next = true;
        lines[n - 2].keep_with_next = true;
    }
}

/// Column widths that fit `total`: natural widths when they fit; otherwise
/// columns narrower than a fair share keep their natural width and the wide
/// ones share the rest, each at least its longest word.
fn column_widths(min: &[f32], max: &[f32], total: f32) -> Vec<f32> {
    let sum_max: f32 = max.iter().sum();
    if sum_max > total {
        let mut fixed = vec![false; max.len()];
        loop {
            let free: Vec<usize> = (0..max.len()).filter(|&i| !fixed[i]).collect();
            let left = total - (0..max.len()).filter(|&i| fixed[i]).map(|i| max[i]).sum::<f32>();
            if free.is_empty() || left <= 0.0 {
                break;
            }
            let share = left / free.len() as f32;
            let narrow: Vec<usize> = free.iter().copied().filter(|&i| max[i] <= share).collect();
            if narrow.is_empty() {
                let rest_min: Vec<f32> = free.iter().map(|&i| min[i]).collect();
                let rest_max: Vec<f32> = free.iter().map(|&i| max[i]).collect();
                if rest_min.iter().sum::<f32>() <= left {
                    let shared = proportional(&rest_min, &rest_max, left);
                    let mut out = max.to_vec();
                    for (k, &i) in free.iter().enumerate() {
                        out[i] = shared[k];
                    }
                    return out;
                }
                break;
            }
            for i in narrow {
                fixed[i] = true;
            }
        }
    }
    proportional(min, max, total)
}

/// Natural widths stretched to `total` when they fit; otherwise each column's
/// minimum plus a share of the rest in proportion to how much more it wants.
fn proportional(min: &[f32], max: &[f32], total: f32) -> Vec<f32> {
    let sum_max: f32 = max.iter().sum();
    if sum_max <= total {
        let extra = (total - sum_max) / max.len() as f32;
        return max.iter().map(|m| m + extra).collect();
    }
    let sum_min: f32 = min.iter().sum();
    if sum_min >= total {
        return min.iter().map(|m| m * total / sum_min).collect();
    }
    let flex: f32 = max.iter().zip(min).map(|(a, b)| a - b).sum();
    min.iter().zip(max).map(|(lo, hi)| lo + (total - sum_min) * (hi - lo) / flex.max(0.001)).collect()
}

/// Places lines on pages.
struct Pager<'a, 'f> {
    geo: Geometry,
    lx: &'a mut Lines<'f>,
    pages: Vec<Page>,
    outline: Vec<OutlineEntry>,
    y: f32,
    at_top: bool,
    notes: Vec<Line>,
    notes_height: f32,
    placed_notes: BTreeSet<String>,
    /// Whether an earlier section placed a footnote already.
    cited_before: &'a dyn Fn(&str) -> bool,
}

impl<'a, 'f> Pager<'a, 'f> {
    /// A pager at the top of a first page; with the letterhead on it for the
    /// document's first section.
    fn new(
        geo: Geometry,
        head: Option<&Letterhead>,
        lx: &'a mut Lines<'f>,
        cited_before: &'a dyn Fn(&str) -> bool,
    ) -> Self {
        let mut p = Pager {
            geo,
            lx,
            pages: vec![Page::default()],
            outline: Vec::new(),
            y: geo.top,
            at_top: true,
            notes: Vec::new(),
            notes_height: 0.0,
            placed_notes: BTreeSet::new(),
            cited_before,
        };
        if let Some(head) = head {
            p.letterhead(head);
        }
        p
    }

    fn body_bottom(&self) -> f32 {
        self.geo.height - self.geo.bottom
    }

    /// Page 1: the sender at the top right, then Datum, Betreft, Kenmerk.
    fn letterhead(&mut self, h: &Letterhead) {
        let col = self.geo.left + 100.0 * MM;
        let mut y = self.geo.top;
        if !h.sender.is_empty() {
            let spans = vec![plain(&h.sender, true)];
            for l in self.lx.paragraph(
                &spans,
                col,
                self.geo.width - self.geo.right - col,
                9.0,
                true,
                Alignment::None,
            ) {
                self.put_items(l.items, y);
                y += l.height;
            }
        }
        let mut y = y.max(self.geo.top + 30.0 * MM);
        if !h.rows.is_empty() {
            let label_w = 24.0 * MM;
            for (label, value) in &h.rows {
                let l = self.lx.paragraph(
                    &[plain(label, false)],
                    self.geo.left,
                    label_w,
                    8.0,
                    false,
                    Alignment::None,
                );
                let v = self.lx.paragraph(
                    &[plain(value, false)],
                    self.geo.left + label_w,
                    self.geo.measure() - label_w,
                    9.0,
                    false,
                    Alignment::None,
                );
                for line in l {
                    self.put_items(line.items.into_iter().map(|i| recolor(i, GREY)), y + 1.0);
                }
                for line in v {
                    self.put_items(line.items, y);
                    y += line.height;
                }
                y += 2.0;
            }
            y += 10.0 * MM;
            self.y = y;
            self.at_top = true;
        }
    }

    fn put_items(&mut self, items: impl IntoIterator<Item = Item>, top: f32) {
        if let Some(page) = self.pages.last_mut() {
            page.items.extend(items.into_iter().map(|i| i.shifted(0.0, top)));
        }
    }

    fn new_page(&mut self) {
        self.flush_notes();
        if let Some(page) = self.pages.last_mut() {
            page.items.shrink_to_fit();
        }
        self.pages.push(Page::default());
        self.y = self.geo.top;
        self.at_top = true;
    }

    fn flush_notes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        let mut y = self.body_bottom() - self.notes_height;
        let sep = Item::Rect { x: self.geo.left, y: y + 2.0, w: 40.0 * MM, h: 0.5, color: RULE };
        self.put_items([sep], 0.0);
        y += 6.0;
        for l in std::mem::take(&mut self.notes) {
            self.put_items(l.items, y);
            y += l.height;
        }
        self.notes_height = 0.0;
    }

    /// The footnote lines a line would bring onto this page.
    fn notes_for(&mut self, line: &Line) -> Vec<Line> {
        let mut out = Vec::new();
        for label in &line.notes {
            if !self.placed_notes.contains(label)
                && !(self.cited_before)(label)
                && !out.iter().any(|(l, _): &(String, Vec<Line>)| l == label)
            {
                let lines = self.lx.note_lines(label, self.geo.measure(), self.geo.left);
                out.push((label.clone(), lines));
            }
        }
        out.into_iter().flat_map(|(_, l)| l).collect()
    }

    fn place_all(&mut self, lines: Vec<Line>) {
        let n = lines.len();
        let mut lines: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
        for i in 0..n {
            let Some(line) = lines[i].take() else { continue };
            if line.break_before && !self.at_top {
                self.new_page();
            }
            // What must fit with it: its footnotes, and what it keeps with.
            let notes = self.notes_for(&line);
            let notes_h: f32 = notes.iter().map(|l| l.height).sum::<f32>()
                + if notes.is_empty() || !self.notes.is_empty() { 0.0 } else { 8.0 };
            let mut need = line.height;
            let mut j = i + 1;
            let mut keep = line.keep_with_next;
            while keep && j < n {
                let Some(next) = lines[j].as_ref().filter(|l| !l.break_before) else { break };
                need += next.space_before + next.height;
                keep = next.keep_with_next && j - i < 40;
                j += 1;
            }
            let gap = if self.at_top { 0.0 } else { line.space_before };
            let room = self.body_bottom() - self.notes_height - self.y;
            if gap + need + notes_h > room && !self.at_top {
                self.new_page();
                if let Some(h) = line.header.as_deref() {
                    self.place(h.clone(), Vec::new());
                }
            }
            self.place(line, notes);
        }
        self.flush_notes();
    }

    fn place(&mut self, line: Line, notes: Vec<Line>) {
        if !self.at_top {
            self.y += line.space_before;
        }
        if let Some(title) = &line.outline {
            self.outline.push(OutlineEntry { title: title.clone(), page: self.pages.len() - 1, y: self.y });
        }
        let top = self.y;
        self.put_items(line.items, top);
        self.y += line.height;
        self.at_top = false;
        if !notes.is_empty() {
            if self.notes.is_empty() {
                self.notes_height += 8.0;
            }
            for label in &line.notes {
                self.placed_notes.insert(label.clone());
            }
            self.notes_height += notes.iter().map(|l| l.height).sum::<f32>();
            self.notes.extend(notes);
        }
    }
}

fn plain(text: &str, bold: bool) -> Span {
    Span { text: text.to_string(), kind: SpanKind::Text, bold, italic: false, link: None }
}

fn recolor(item: Item, c: Color) -> Item {
    match item {
        Item::Text { x, y, size, face, text, .. } => Item::Text { x, y, size, face, text, color: c },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::super::blocks::parse;
    use super::*;

    fn texts(laid: &Laid) -> Vec<(usize, String)> {
        let mut v = Vec::new();
        for (p, page) in laid.pages.iter().enumerate() {
            for i in &page.items {
                if let Item::Text { text, .. } = i {
                    v.push((p, text.clone()));
                }
            }
        }
        v
    }

    fn within_margins(laid: &Laid) {
        let geo = Geometry::a4();
        for page in &laid.pages {
            for item in &page.items {
                if let Item::Text { x, y, size, face, text, .. } = item {
                    let w = Fonts.width(*face, text, *size);
                    assert!(
                        *x >= geo.left - 0.01 - 20.0 && x + w <= geo.width - geo.right + 0.5,
                        "{text:?} at x={x} w={w}"
                    );
                    assert!(*y >= 10.0 * MM && *y <= geo.height - 10.0 * MM, "{text:?} at y={y}");
                }
            }
        }
    }

    #[test]
    fn a_long_paragraph_wraps_and_stays_inside_the_margins() {
        let long = "De afdeling Democratie van BZK stelt niet zelf vast of er op sociale media doelbewust misleidende informatie wordt verspreid met het doel om schade aan te richten. ".repeat(60);
        let laid = layout(parse(&long), &Letterhead::default(), &Fonts);
        assert!(laid.pages.len() >= 2, "{}", laid.pages.len());
        within_margins(&laid);
    }

    #[test]
    fn long_words_and_urls_are_broken_not_overflowed() {
        let md = format!(
            "Zie https://archief28.sitearchief.nl/{} en de verkiezingsprocesbeveiligingsmaatregelenonderzoekscommissie.",
            "a".repeat(300)
        );
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        within_margins(&laid);
    }

    #[test]
    fn a_big_table_breaks_across_pages_and_repeats_its_header() {
        let mut md = String::from(
            "| Nr. | Datum | Document | Bijlage | Beoordeling | Weigeringsgronden |\n| ---: | --- | --- | ---: | --- | --- |\n",
        );
        for i in 1..=300 {
            md.push_str(&format!("| {i} | 9 maart 2021 | Bericht van Ministerie van BZK aan Facebook | {i} | deels openbaar | 5.1.2e |\n"));
        }
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        assert!(laid.pages.len() > 5);
        for (p, page) in laid.pages.iter().enumerate() {
            let has_header = page
                .items
                .iter()
                .any(|i| matches!(i, Item::Text { text, .. } if text == "Weigeringsgronden"));
            assert!(has_header, "page {p} has no header row");
        }
        within_margins(&laid);
    }

    #[test]
    fn footnotes_stand_on_the_page_that_cites_them() {
        let mut md = String::new();
        for i in 0..40 {
            md.push_str(&format!(
                "Alinea {i} met wat tekst die de pagina vult en nog wat meer tekst om te wrappen.\n\n"
            ));
        }
        md.push_str("Hier staat de verwijzing.[^n]\n\n[^n]: De noot zelf.\n");
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        let t = texts(&laid);
        let cite = t.iter().find(|(_, s)| s.contains("verwijzing.")).map(|(p, _)| *p).unwrap();
        let note = t.iter().find(|(_, s)| s.contains("De noot zelf.")).map(|(p, _)| *p).unwrap();
        assert_eq!(cite, note);
    }

    #[test]
    fn a_heading_is_never_left_at_the_foot_of_a_page() {
        let mut md = String::new();
        for i in 0..300 {
            md.push_str(&format!("## Kop {i}\n\nEen alinea onder kop {i}, die lang genoeg is om een regel te vullen en door te lopen.\n\n"));
        }
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        let bottom = Geometry::a4().height - Geometry::a4().bottom;
        for page in &laid.pages {
            let last_heading = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { text, y, face: Face::Bold, .. } if text.starts_with("Kop") => Some(*y),
                    _ => None,
                })
                .fold(0.0, f32::max);
            let last_body = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { y, face: Face::Regular, size, .. } if *size == BODY => Some(*y),
                    _ => None,
                })
                .fold(0.0, f32::max);
            assert!(last_body > last_heading && last_body < bottom);
        }
    }

    #[test]
    fn annexes_start_on_a_new_page_and_are_bookmarked_in_order() {
        let md = "# Bijlagen\n\n## Inventarislijst\n\nTekst.\n\n## Bijlage 1 – Een\n\nTekst.\n\n## Bijlage 2 – Twee\n\nTekst.\n";
        let laid = layout(parse(md), &Letterhead::default(), &Fonts);
        assert_eq!(laid.pages.len(), 3);
        let titles: Vec<(&str, usize)> = laid.outline.iter().map(|o| (o.title.as_str(), o.page)).collect();
        assert_eq!(
            titles,
            [("Bijlagen", 0), ("Inventarislijst", 0), ("Bijlage 1 – Een", 1), ("Bijlage 2 – Twee", 2)]
        );
    }

    #[test]
    fn narrow_columns_keep_their_natural_width() {
        let w = column_widths(&[20.0, 30.0, 40.0], &[25.0, 300.0, 60.0], 300.0);
        assert_eq!(w[0], 25.0);
        assert_eq!(w[2], 60.0);
        assert!((w.iter().sum::<f32>() - 300.0).abs() < 0.01, "{w:?}");
        let fits = column_widths(&[10.0, 10.0], &[50.0, 50.0], 200.0);
        assert_eq!(fits, [100.0, 100.0]);
    }

    #[test]
    fn a_short_quoted_letter_is_not_split_over_pages() {
        let mut md = String::new();
        for i in 0..38 {
            md.push_str(&format!("Alinea {i} die ruimte inneemt op de pagina.\n\n"));
        }
        md.push_str("### Document 1\n\nDatum: 9 maart 2021\\\nVan: BZK\\\nAan: Meta\n\n> Geachte heer,\n>\n> Een korte brief.\n>\n> Met vriendelijke groet,\n> [5.1.2e]\n\n*Reconstructie.*\n");
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        let t = texts(&laid);
        let page_of = |s: &str| t.iter().find(|(_, x)| x.contains(s)).map(|(p, _)| *p).unwrap();
        assert_eq!(page_of("Geachte heer,"), page_of("Met vriendelijke groet,"));
        assert_eq!(page_of("Geachte heer,"), page_of("Van: BZK"));
        assert_eq!(page_of("Geachte heer,"), page_of("Reconstructie."));
    }

    #[test]
    fn a_quote_that_ends_an_annex_is_not_pushed_off_its_page_by_the_next_annex() {
        // 31 lines leave room for the quote, not for the next annex's heading too.
        let mut md = String::from("## Bijlage 1\n\n");
        for i in 0..31 {
            md.push_str(&format!("Alinea {i} die ruimte inneemt op de pagina.\n\n"));
        }
        md.push_str("> Geachte heer,\n>\n> Een korte brief.\n\n## Bijlage 2\n\n");
        for i in 0..40 {
            md.push_str(&format!("Regel {i} van de tweede bijlage.\n\n"));
        }
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        let t = texts(&laid);
        let page_of = |s: &str| t.iter().find(|(_, x)| x.contains(s)).map(|(p, _)| *p).unwrap();
        assert_eq!(page_of("Geachte heer,"), 0, "the quote stays on the annex's page");
        assert_eq!(page_of("Bijlage 2"), page_of("Geachte heer,") + 1);
    }

    #[test]
    fn quoted_letters_under_their_own_headings_are_not_moved_as_one_block() {
        let mut md = String::from(
            "## Bijlage 1\n\n| Gegeven | Waarde |\n| --- | --- |\n| Datum | 16 januari 2019 |\n\n",
        );
        for n in 1..=5 {
            md.push_str(&format!(
                "### Document {n}: Bericht\n\nDatum: 16 januari 2019\\\nVan: BZK\\\nAan: Google\\\nBeoordeling: openbaar\n\n\
                 > Geachte heer,\n>\n> Wij melden berichten over het rood kleuren van twee vakjes in de gemeente. \
                 Zie de bijlage bij deze melding.\n>\n> Met vriendelijke groet,\n> Team {n}\n\n"
            ));
        }
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        let t = texts(&laid);
        let page_of = |s: &str| t.iter().find(|(_, x)| x.contains(s)).map(|(p, _)| *p).unwrap();
        assert_eq!(page_of("Document 1:"), 0, "the first letter follows the table");
        for n in 1..=5 {
            let heading = page_of(&format!("Document {n}:"));
            assert_eq!(heading, page_of(&format!("Team {n}")), "letter {n} stays whole, under its heading");
        }
    }

    #[test]
    fn sections_share_footnotes_page_numbers_and_bookmarks_as_one_document() {
        let mut md = String::from("Inleiding.[^a]\n\n");
        for n in 1..=3 {
            md.push_str(&format!("## Bijlage {n}\n\nZie de bron.[^a] En de tweede.[^b]\n\n"));
            for i in 0..50 {
                md.push_str(&format!("Regel {i} van bijlage {n}.\n\n"));
            }
        }
        md.push_str("[^a]: Bron A.\n[^b]: Bron B.\n");
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        let t = texts(&laid);
        let pages_with =
            |s: &str| t.iter().filter(|(_, x)| x.contains(s)).map(|(p, _)| *p).collect::<Vec<_>>();
        assert_eq!(pages_with("Bron A."), vec![0], "a note stands once, on the page that cites it first");
        assert_eq!(pages_with("Bron B."), pages_with("Bijlage 1")[..1].to_vec());
        let total = laid.pages.len();
        let numbers: Vec<String> = (1..=total).map(|i| format!("Pagina {i} van {total}")).collect();
        for (i, n) in numbers.iter().enumerate() {
            assert_eq!(pages_with(n), vec![i]);
        }
        let marks: Vec<(String, usize)> = laid.outline.iter().map(|e| (e.title.clone(), e.page)).collect();
        let expected: Vec<(String, usize)> =
            (1..=3).map(|n| (format!("Bijlage {n}"), pages_with(&format!("Bijlage {n}"))[0])).collect();
        assert_eq!(marks, expected);
        assert!(expected.windows(2).all(|w| w[1].1 > w[0].1 + 1), "each annex takes more than a page");
    }

    #[test]
    fn every_page_is_numbered() {
        let md = "Tekst.\n\n".repeat(400);
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        let n = laid.pages.len();
        for (i, page) in laid.pages.iter().enumerate() {
            let label = format!("Pagina {} van {n}", i + 1);
            assert!(page.items.iter().any(|it| matches!(it, Item::Text { text, .. } if *text == label)));
        }
    }

    #[test]
    fn redactions_are_boxes_and_missing_glyphs_are_reported() {
        let laid = layout(parse("Geachte [5.1.2e], 😀"), &Letterhead::default(), &Fonts);
        let items = &laid.pages[0].items;
        assert!(items.iter().any(|i| matches!(i, Item::Rect { color, .. } if *color == BLACK)));
        assert!(
            items
                .iter()
                .any(|i| matches!(i, Item::Text { text, color, .. } if text == "5.1.2e" && *color == WHITE))
        );
        assert!(laid.missing.contains(&'😀'));
    }

    #[test]
    fn dutch_words_are_hyphenated_when_a_line_would_be_loose() {
        let word = "verkiezingsprocesbeveiligingsmaatregelen";
        let measure = Geometry::a4().measure();
        let filler = Fonts.width(Face::Regular, "Aaaa ", BODY);
        let count = ((measure * 0.75) / filler) as usize;
        assert!(Fonts.width(Face::Regular, word, BODY) > measure - count as f32 * filler);
        let md = "Aaaa ".repeat(count) + word + " en verder.";
        let laid = layout(parse(&md), &Letterhead::default(), &Fonts);
        let t = texts(&laid);
        let first = &t[0].1;
        assert!(first.ends_with('-') && first.contains(" verkiezings"), "{t:?}");
        assert!(t[1].1.starts_with(&word[first.rsplit(' ').next().unwrap().len() - 1..]), "{t:?}");
    }
}
