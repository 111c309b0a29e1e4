//! Blocks to lines: words measured with the font's own widths, broken into
//! lines (Dutch hyphenation where a line would be left loose, long words cut
//! between characters), tables with column widths that fit, footnote lines.

use super::tree::{Artifact, ElemId, Kind, Tag, Tree};
use super::{BLACK, BODY, Color, HIGHLIGHT, Item, LEADING, LINK, NOTE, PARA_GAP, RULE, SHADE, TABLE, WHITE};
use crate::backend::pdf::fonts::{FALLBACK, Face, Fonts};
use crate::backend::typography;
use crate::document::{Align, Block, Heading, Inline, List, Span, Table, plain};
use hyphenation::{Hyphenator, Language, Load, Standard};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::OnceLock;

/// A line (or a table row) ready to be placed: items relative to its top.
#[derive(Clone, Debug, Default)]
pub(super) struct Line {
    pub(super) height: f32,
    pub(super) space_before: f32,
    pub(super) items: Vec<Item>,
    pub(super) keep_with_next: bool,
    /// Footnotes first referenced on this line, with the element that
    /// cites them (their `Note` goes inside it).
    pub(super) notes: Vec<(String, ElemId)>,
    /// A bookmark to this line: the heading's title and level.
    pub(super) outline: Option<(String, u8)>,
    /// A table's header row, repeated when the table breaks across pages.
    pub(super) header: Option<Rc<Line>>,
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
    /// Which run of spans with the same link it comes from: two links side
    /// by side are two `Link` elements.
    group: u32,
    /// A redaction box's alternate text.
    alt: Option<Arc<str>>,
    /// A footnote marker: tagged as a `Reference`.
    reference: bool,
    width: f32,
    /// Set when the fragment is placed on a line.
    tag: Tag,
}

/// The tag of a fragment not yet placed.
const UNPLACED: Tag = Tag::Artifact(Artifact::Layout);

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
pub(super) struct Lines<'f> {
    pub(super) fonts: &'f Fonts,
    pub(super) missing: BTreeSet<char>,
    /// Whether a withheld passage (internal render) holds such characters.
    pub(super) missing_withheld: bool,
    /// The footnotes' blocks by label.
    pub(super) notes: &'f HashMap<&'f str, &'f [Block]>,
    /// Dutch hyphenation is for running text, not for headings or table cells.
    pub(super) hyphenate: bool,
    /// The structure elements made so far.
    pub(super) tree: Tree,
    /// The element that content laid out now belongs to (`None`: the
    /// document).
    pub(super) at: Option<ElemId>,
    /// The spoken form of each ground seen, shared by its boxes.
    pub(super) spoken: HashMap<&'static str, Arc<str>>,
}

fn hyphenator() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| {
        let bytes: &[u8] = include_bytes!("../../../assets/hyphenation/nl.standard.bincode");
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
            } else if !c.is_control() && !invisible(c) {
                // A withheld word's characters are not named, not even in a warning.
                if kind == FragKind::Highlight {
                    self.missing_withheld = true;
                } else {
                    self.missing.insert(c);
                }
                clean.push(FALLBACK);
            }
        }
        let color = if link.is_some() { LINK } else { BLACK };
        let width = match kind {
            FragKind::Box => self.fonts.width(Face::Bold, &clean, size * 0.75) + 4.0,
            _ => self.fonts.width(face, &clean, size),
        };
        Frag {
            text: clean,
            face,
            size,
            rise: 0.0,
            kind,
            color,
            link,
            group: 0,
            alt: None,
            reference: false,
            width,
            tag: UNPLACED,
        }
    }

    /// Makes an element inside the current one.
    pub(super) fn open(&mut self, kind: Kind) -> ElemId {
        self.tree.add(kind, self.at)
    }

    /// Runs `f` with `elem` as the element content goes into.
    pub(super) fn within<R>(&mut self, elem: ElemId, f: impl FnOnce(&mut Self) -> R) -> R {
        let outer = self.at.replace(elem);
        let r = f(self);
        self.at = outer;
        r
    }

    /// The element content goes into now; a paragraph when no block made
    /// one (all text is in some element).
    fn content_elem(&mut self) -> ElemId {
        match self.at {
            Some(e) => e,
            None => {
                let e = self.tree.add(Kind::P, None);
                self.at = Some(e);
                e
            }
        }
    }

    /// Spans to words: split at spaces; styles may change inside a word.
    fn words(&mut self, spans: &[Span], size: f32, force_bold: bool) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        let mut gap: Option<f32> = None; // a space is pending before the next frag
        let mut forced = false;
        let mut group = 0u32;
        for (i, span) in spans.iter().enumerate() {
            if i == 0 || span.style.link != spans[i - 1].style.link {
                group = i as u32;
            }
            let face = Face::with(span.style.strong || force_bold, span.style.emphasis);
            let space = self.fonts.width(face, " ", size);
            let (text, kind) = match &span.inline {
                Inline::LineBreak => {
                    forced = true;
                    gap = Some(0.0);
                    continue;
                }
                Inline::SoftBreak => {
                    gap = Some(space);
                    continue;
                }
                Inline::NoteRef(label) => {
                    let mut f = self.frag(label, face, size * 0.62, FragKind::Plain, None);
                    f.rise = size * 0.36;
                    f.reference = true;
                    attach(&mut words, &mut gap, &mut forced, f, Some(label.clone()));
                    continue;
                }
                Inline::Redaction(r) => match &r.words {
                    None => {
                        let mut f = self.frag(r.ground.code(), face, size, FragKind::Box, None);
                        let spoken = self.spoken.entry(r.ground.code()).or_insert_with(|| r.spoken().into());
                        f.alt = Some(Arc::clone(spoken));
                        attach(&mut words, &mut gap, &mut forced, f, None);
                        continue;
                    }
                    Some(w) => {
                        (std::borrow::Cow::Owned(format!("[{}: {w}]", r.ground.code())), FragKind::Highlight)
                    }
                },
                // A soft hyphen in the text is not drawn (it would show as
                // a hyphen inside the word); the layout hyphenates itself.
                Inline::Text(t) | Inline::Code(t) | Inline::Html(t) if t.contains('\u{AD}') => {
                    (std::borrow::Cow::Owned(t.replace('\u{AD}', "")), FragKind::Plain)
                }
                Inline::Text(t) | Inline::Code(t) | Inline::Html(t) => {
                    (std::borrow::Cow::Borrowed(t.as_str()), FragKind::Plain)
                }
            };
            // Dates, numbers with their units and labels hold together;
            // within a word, lines may break where the Unicode rules allow
            // (after a slash or a hyphen): those parts are words glued
            // together, with no space between them.
            let text = if kind == FragKind::Plain && !matches!(span.inline, Inline::Code(_)) {
                match typography::keep_together(&text) {
                    std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(t),
                    std::borrow::Cow::Borrowed(_) => text,
                }
            } else {
                text
            };
            for (i, piece) in text.split(' ').enumerate() {
                if i > 0 {
                    gap = Some(space);
                }
                if piece.is_empty() {
                    continue;
                }
                for (j, part) in typography::segments(piece).enumerate() {
                    if j > 0 {
                        gap = Some(0.0);
                    }
                    // The one rule of every format: a link that may not
                    // leave the document (`javascript:`, `file:`, UNC…) is text.
                    let link =
                        span.style.link.as_deref().filter(|u| crate::backend::safe_url(u)).map(String::from);
                    let mut f = self.frag(part, face, size, kind, link);
                    f.group = group;
                    attach(&mut words, &mut gap, &mut forced, f, None);
                }
            }
        }
        words
    }

    /// Breaks words into lines of at most `width`; returns each line's
    /// words, and whether the line ends where the text had a space (the
    /// space is then written at the line's end, so that the text a reader
    /// extracts keeps its words apart).
    fn break_lines(&mut self, mut words: Vec<Word>, width: f32) -> Vec<(Vec<Word>, bool)> {
        let mut lines: Vec<(Vec<Word>, bool)> = Vec::new();
        let mut line: Vec<Word> = Vec::new();
        let mut used = 0.0f32;
        words.reverse();
        while let Some(mut word) = words.pop() {
            if word.forced_break && !line.is_empty() {
                lines.push((std::mem::take(&mut line), false));
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
                lines.push((std::mem::take(&mut line), false));
                used = 0.0;
                words.push(tail);
                continue;
            }
            if !line.is_empty() {
                lines.push((std::mem::take(&mut line), word.space > 0.0));
                used = 0.0;
                word.space = 0.0;
                words.push(word);
                continue;
            }
            // Alone and still too wide (a long URL): break between characters,
            // into as many full lines as it takes, in one pass.
            let (full, rest) = self.split_chars(&word, width);
            lines.extend(full.into_iter().map(|w| (vec![w], false)));
            if let Some(t) = rest {
                words.push(t);
            }
        }
        if !line.is_empty() {
            lines.push((line, false));
        }
        lines
    }

    /// Splits a one-frag word at the last Dutch hyphenation point (or an
    /// existing hyphen) where the head and a hyphen fit in `room`.
    fn hyphenate(&mut self, word: &Word, room: f32) -> Option<(Word, Word)> {
        let [frag] = word.frags.as_slice() else { return None };
        // No Dutch word is longer than this; a longer "word" (a URL, a run
        // of characters) is cut between characters, in linear time.
        if frag.kind != FragKind::Plain || !(6..=64).contains(&frag.text.chars().count()) {
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
                let mut breaks = dict.hyphenate(&lower).breaks;
                compound_breaks(&lower, &mut breaks);
                points.extend(breaks.into_iter().map(|b| (b, true)));
            }
        }
        points.sort_unstable();
        for &(at, add_hyphen) in points.iter().rev() {
            if at < 2 || text.len() - at < 3 || !text.is_char_boundary(at) {
                continue;
            }
            // An added hyphen is a soft hyphen (U+00AD, drawn as a hyphen):
            // text extraction knows the word goes on.
            let head_text =
                if add_hyphen { format!("{}\u{AD}", &text[..at]) } else { text[..at].to_string() };
            let mut head = self.frag(&head_text, frag.face, frag.size, frag.kind, frag.link.clone());
            head.group = frag.group;
            if head.width <= room {
                let mut tail = self.frag(&text[at..], frag.face, frag.size, frag.kind, frag.link.clone());
                tail.group = frag.group;
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

    /// Splits a word between characters into lines of at most `width`: the
    /// full lines, and what is left (to share a line with what follows).
    /// One pass over the characters: a 400,000-character word is linear.
    fn split_chars(&mut self, word: &Word, width: f32) -> (Vec<Word>, Option<Word>) {
        let mut full: Vec<Word> = Vec::new();
        let mut cur = Word { space: 0.0, forced_break: word.forced_break, ..Word::default() };
        let mut used = 0.0;
        for f in &word.frags {
            if used + f.width <= width || f.kind != FragKind::Plain {
                used += f.width;
                cur.frags.push(f.clone());
                continue;
            }
            let (mut start, mut w) = (0, 0.0);
            for (i, c) in f.text.char_indices() {
                let cw = self.fonts.width(f.face, c.encode_utf8(&mut [0; 4]), f.size);
                // At least one character a line, however narrow the line.
                if used + w + cw > width && (i > start || !cur.frags.is_empty()) {
                    if i > start {
                        cur.frags.push(piece(f, &f.text[start..i], w));
                    }
                    full.push(std::mem::take(&mut cur));
                    (start, w, used) = (i, 0.0, 0.0);
                }
                w += cw;
            }
            cur.frags.push(piece(f, &f.text[start..], w));
            used += w;
        }
        let Some(first) = full.first_mut() else {
            // It fit after all.
            cur.notes = word.notes.clone();
            return (vec![cur], None);
        };
        first.notes = word.notes.clone();
        (full, (!cur.frags.is_empty()).then_some(cur))
    }

    /// Lays out inline content at `x` within `width`; one `Line` per line.
    pub(super) fn paragraph(
        &mut self,
        spans: &[Span],
        x: f32,
        width: f32,
        size: f32,
        bold: bool,
        align: Align,
    ) -> Vec<Line> {
        let words = self.words(spans, size, bold);
        let height = size * LEADING;
        let elem = self.content_elem();
        // The link being laid out: its run of spans and its element.
        let mut link: Option<(u32, ElemId)> = None;
        let mut out = Vec::new();
        for (words, spaced) in self.break_lines(words, width) {
            let used: f32 = words
                .iter()
                .enumerate()
                .map(|(i, w)| if i == 0 { w.width() } else { w.space + w.width() })
                .sum();
            let dx = match align {
                Align::Right => width - used,
                Align::Center => (width - used) / 2.0,
                _ => 0.0,
            };
            let mut line = Line { height, ..Line::default() };
            let baseline = height * 0.74;
            let mut cx = x + dx;
            let mut run: Option<(Frag, f32)> = None; // merged plain text and its x
            let mut link_area: Option<usize> = None; // the last link area on this line
            for (i, mut w) in words.into_iter().enumerate() {
                line.notes.extend(w.notes.iter().map(|label| (label.clone(), elem)));
                for f in &mut w.frags {
                    f.tag = Tag::Content(match (&f.link, f.kind) {
                        (_, FragKind::Box) => {
                            let alt = f.alt.take().unwrap_or_else(|| "Weggelakt".into());
                            self.tree.add(Kind::Figure { alt }, Some(elem))
                        }
                        (Some(url), _) => match link {
                            Some((group, id)) if group == f.group => id,
                            _ => {
                                let id = self.tree.add(Kind::Link { url: url.clone() }, Some(elem));
                                link = Some((f.group, id));
                                id
                            }
                        },
                        (None, _) if f.reference => self.tree.add(Kind::Reference, Some(elem)),
                        (None, _) => elem,
                    });
                }
                if i > 0 {
                    if let Some((f, _)) = run.as_mut()
                        && w.frags.first().is_some_and(|n| same_style(f, n) && n.rise == 0.0)
                    {
                        // (Parts of one word glued together have no space.)
                        if w.space > 0.0 {
                            f.text.push(' ');
                        }
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
                            line.items.push(Item::Rect { x: cx, y: top, w: fw, h, color: BLACK, tag: f.tag });
                            line.items.push(Item::Text {
                                x: cx + 2.0,
                                y: baseline - size * 0.12,
                                size: size * 0.75,
                                face: Face::Bold,
                                text: f.text,
                                color: WHITE,
                                tag: f.tag,
                            });
                        }
                        FragKind::Highlight => {
                            line.items.push(Item::rule(
                                cx - 0.5,
                                baseline - size * 0.85,
                                fw + 1.0,
                                size * 1.1,
                                HIGHLIGHT,
                            ));
                            extend_run(&mut run, f, cx, baseline, &mut line.items);
                        }
                        FragKind::Plain => {
                            if let Some(url) = &f.link {
                                // One clickable area for a link's words on
                                // one line, the spaces between them included.
                                let joined = link_area.and_then(|i| match line.items.get_mut(i) {
                                    Some(Item::Link { x, w, tag, .. }) if *tag == f.tag => {
                                        *w = cx + fw - *x;
                                        Some(i)
                                    }
                                    _ => None,
                                });
                                if joined.is_none() {
                                    link_area = Some(line.items.len());
                                    line.items.push(Item::Link {
                                        x: cx,
                                        y: baseline - size * 0.9,
                                        w: fw,
                                        h: size * 1.2,
                                        url: url.clone(),
                                        tag: f.tag,
                                    });
                                }
                            }
                            extend_run(&mut run, f, cx, baseline, &mut line.items);
                        }
                    }
                    cx += fw;
                }
            }
            if spaced {
                // The space the line broke at, after its last word: drawn
                // beyond the text, read by whoever extracts it.
                match run.as_mut() {
                    Some((f, _)) => f.text.push(' '),
                    None => line.items.push(Item::Text {
                        x: cx,
                        y: baseline,
                        size,
                        face: Face::with(bold, false),
                        text: " ".into(),
                        color: BLACK,
                        tag: Tag::Content(elem),
                    }),
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

    /// A letter's closing under its text, the room to sign, and the
    /// signatory's name, kept together.
    pub(super) fn signature(&mut self, letter: &super::LetterFrame, x: f32, width: f32, out: &mut Vec<Line>) {
        let mut parts: Vec<(&str, f32)> = Vec::new();
        if let Some(c) = &letter.closing {
            parts.push((c, PARA_GAP * 2.0));
        }
        if let Some(n) = &letter.signatory {
            // The room to sign: some 2 cm above the name.
            parts.push((n, if parts.is_empty() { PARA_GAP * 2.0 } else { 20.0 * super::MM }));
        }
        let start = out.len();
        for (text, space) in parts {
            let p = self.open(Kind::P);
            let span =
                Span { inline: crate::document::Inline::Text(text.to_string()), style: Default::default() };
            let mut lines = self.within(p, |lx| lx.paragraph(&[span], x, width, BODY, false, Align::None));
            if let Some(l) = lines.first_mut() {
                l.space_before = space;
            }
            out.extend(lines);
        }
        // The closing stays with the name, and with the text's last line.
        if start > 0 {
            out[start - 1].keep_with_next = true;
        }
        let end = out.len();
        for l in &mut out[start..end.saturating_sub(1)] {
            l.keep_with_next = true;
        }
    }

    pub(super) fn block(&mut self, block: &Block, x: f32, width: f32, first: bool, out: &mut Vec<Line>) {
        match block {
            Block::Heading(Heading { level, spans, .. }) => {
                let size = match level {
                    1 => 14.5,
                    2 => 11.5,
                    _ => 10.5,
                };
                self.hyphenate = false;
                let h = self.open(Kind::Heading(*level));
                let mut lines = self.within(h, |lx| lx.paragraph(spans, x, width, size, true, Align::None));
                self.hyphenate = true;
                let title = plain::text(spans);
                if let Some(l) = lines.first_mut() {
                    l.space_before = if first { 0.0 } else { size * 1.1 };
                    if *level <= 3 {
                        l.outline = Some((title.trim().to_string(), *level));
                    }
                }
                for l in lines.iter_mut() {
                    l.keep_with_next = true;
                }
                out.extend(lines);
            }
            Block::Paragraph(spans) => {
                let p = self.open(Kind::P);
                let mut lines = self.within(p, |lx| lx.paragraph(spans, x, width, BODY, false, Align::None));
                if let Some(l) = lines.first_mut() {
                    l.space_before = if first { 0.0 } else { PARA_GAP };
                }
                keep_orphans(&mut lines);
                out.extend(lines);
            }
            Block::Quote(blocks) => {
                let start = out.len();
                let quote = self.open(Kind::BlockQuote);
                self.within(quote, |lx| {
                    for (i, b) in blocks.iter().enumerate() {
                        lx.block(b, x + 12.0, width - 12.0, i == 0, out);
                    }
                });
                if let Some(l) = out.get_mut(start) {
                    l.space_before = PARA_GAP;
                }
                // A short quoted letter stays whole, and with the line after it.
                let short = out.len() - start <= 10;
                for l in &mut out[start..] {
                    let gap = l.space_before;
                    l.items.push(Item::rule(x + 2.0, -gap, 2.0, l.height + gap, RULE));
                    l.keep_with_next |= short;
                }
            }
            Block::List(List { start, items, .. }) => {
                let list = self.open(Kind::L { numbered: start.is_some() });
                let outer = self.at.replace(list);
                for (i, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(n) => format!("{}.", n + i as u64),
                        None => "•".to_string(),
                    };
                    let li = self.open(Kind::LI);
                    let (label, body) = self.within(li, |lx| (lx.open(Kind::Lbl), lx.open(Kind::LBody)));
                    let begin = out.len();
                    self.within(body, |lx| {
                        for (j, b) in item.iter().enumerate() {
                            lx.block(b, x + 16.0, width - 16.0, j == 0, out);
                        }
                    });
                    if out.len() == begin {
                        out.push(Line { height: BODY * LEADING, ..Line::default() });
                    }
                    if let Some(l) = out.get_mut(begin) {
                        l.space_before = if i == 0 { PARA_GAP } else { 2.0 };
                        let f = self.frag(&marker, Face::Regular, BODY, FragKind::Plain, None);
                        // First on the line: the label is read before the item.
                        l.items.insert(
                            0,
                            Item::Text {
                                x: x + 12.0 - f.width,
                                y: l.height * 0.74,
                                size: BODY,
                                face: Face::Regular,
                                text: f.text,
                                color: BLACK,
                                tag: Tag::Content(label),
                            },
                        );
                    }
                }
                self.at = outer;
            }
            Block::Table(t @ Table { aligns, header, rows }) if t.row_headers() => {
                let table = self.open(Kind::Table);
                let first = out.len();
                self.within(table, |lx| lx.key_values(aligns, rows, x, width, out));
                if let Some(l) = out.get_mut(first) {
                    l.space_before = PARA_GAP + 2.0;
                }
                let _ = header;
            }
            Block::Table(Table { aligns, header, rows }) => {
                self.hyphenate = false;
                let table = self.open(Kind::Table);
                self.within(table, |lx| lx.table(aligns, header, rows, x, width, out));
                self.hyphenate = true;
            }
            Block::Rule => out.push(Line {
                height: 8.0,
                space_before: PARA_GAP,
                items: vec![Item::rule(x, 4.0, width, 0.5, RULE)],
                ..Line::default()
            }),
        }
    }

    /// A key–value table: no header row; each row's first cell, in bold,
    /// is its row's header.
    fn key_values(
        &mut self,
        aligns: &[Align],
        rows: &[Vec<Vec<Span>>],
        x: f32,
        width: f32,
        out: &mut Vec<Line>,
    ) {
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        if cols == 0 {
            return;
        }
        let pad = 3.0;
        let mut min = vec![0.0f32; cols];
        let mut max = vec![0.0f32; cols];
        for row in rows {
            for (c, cell) in row.iter().enumerate().take(cols) {
                let words = self.words(cell, TABLE, c == 0);
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
        for row in rows {
            let mut line = Line::default();
            let mut cx = x;
            let mut height: f32 = 0.0;
            let tr = self.open(Kind::TR);
            for (c, w) in widths.iter().enumerate() {
                let empty = Vec::new();
                let cell = row.get(c).unwrap_or(&empty);
                let align = aligns.get(c).copied().unwrap_or(Align::None);
                let kind = if c == 0 { Kind::RowHeader } else { Kind::TD };
                let cell_elem = self.within(tr, |lx| lx.open(kind));
                let lines = self.within(cell_elem, |lx| {
                    lx.paragraph(cell, cx + pad, w - 2.0 * pad, TABLE, c == 0, align)
                });
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
            line.items.push(Item::rule(x, height - 0.4, width, 0.4, RULE));
            out.push(line);
        }
    }

    fn table(
        &mut self,
        aligns: &[Align],
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
            let row = lx.open(Kind::TR);
            for (c, w) in widths.iter().enumerate() {
                let empty = Vec::new();
                let cell = cells.get(c).unwrap_or(&empty);
                let align = aligns.get(c).copied().unwrap_or(Align::None);
                let kind = if bold { Kind::TH } else { Kind::TD };
                let cell_elem = lx.within(row, |lx| lx.open(kind));
                let lines = lx
                    .within(cell_elem, |lx| lx.paragraph(cell, cx + pad, w - 2.0 * pad, TABLE, bold, align));
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
            line.items.push(Item::rule(x, height - 0.4, width, 0.4, RULE));
            line
        };
        let mut head = row_line(self, header, true);
        head.items.insert(0, Item::rule(x, 0.0, width, head.height, SHADE));
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

    /// A footnote's lines at note size, its number hanging in front: a
    /// `Note` inside the element `cited_in` that refers to it.
    pub(super) fn note_lines(&mut self, label: &str, cited_in: ElemId, width: f32, x: f32) -> Vec<Line> {
        let notes = self.notes;
        let blocks: &[Block] = notes.get(label).copied().unwrap_or_default();
        let note = self.tree.add(Kind::Note { id: format!("noot-{label}") }, Some(cited_in));
        let number = self.tree.add(Kind::Lbl, Some(note));
        let mut lines = Vec::new();
        self.within(note, |lx| {
            for b in blocks {
                let Block::Paragraph(spans) = b else { continue };
                lines.extend(lx.paragraph(spans, x + 10.0, width - 10.0, NOTE, false, Align::None));
            }
        });
        if lines.is_empty() {
            lines.push(Line { height: NOTE * LEADING, ..Line::default() });
        }
        let first = &mut lines[0];
        first.items.insert(
            0,
            Item::Text {
                x,
                y: first.height * 0.74,
                size: NOTE,
                face: Face::Regular,
                text: label.to_string(),
                color: BLACK,
                tag: Tag::Content(number),
            },
        );
        lines
    }
}

/// A word part and the only places it may break (`nl-exceptions.txt`).
struct PartBreaks {
    letters: String,
    /// Byte offsets inside the part, its start (0) and end included when
    /// the part may break there.
    breaks: Vec<usize>,
}

fn part_breaks() -> &'static [PartBreaks] {
    static PARTS: OnceLock<Vec<PartBreaks>> = OnceLock::new();
    PARTS.get_or_init(|| {
        include_str!("../../../assets/hyphenation/nl-exceptions.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|entry| {
                let letters: String = entry.chars().filter(|c| *c != '-').collect();
                let mut breaks = Vec::new();
                let mut at = 0;
                for c in entry.chars() {
                    if c == '-' {
                        breaks.push(at);
                    } else {
                        at += c.len_utf8();
                    }
                }
                PartBreaks { letters, breaks }
            })
            .collect()
    })
}

/// Corrects the patterns' breaks of a lower-case word where it holds a part
/// of the exceptions list: inside the part (and where it meets its
/// neighbours) only the part's own breaks remain. "gebruikersaccount"
/// breaks as "gebruikers-account", never "gebruikersac-count".
fn compound_breaks(word: &str, breaks: &mut Vec<usize>) {
    // Every part found first, then its breaks: where two parts meet
    // ("twitter" + "-account"), the break one allows is not lost to the
    // other's span.
    let mut spans = Vec::new();
    let mut allowed = Vec::new();
    for part in part_breaks() {
        for (start, _) in word.match_indices(part.letters.as_str()) {
            spans.push((start, start + part.letters.len()));
            allowed.extend(part.breaks.iter().map(|b| start + b).filter(|b| *b > 0 && *b < word.len()));
        }
    }
    if spans.is_empty() {
        return;
    }
    breaks.retain(|b| spans.iter().all(|&(start, end)| *b < start || *b > end));
    breaks.extend(allowed);
    breaks.sort_unstable();
    breaks.dedup();
}

/// Characters that take no room and show nothing (zero-width space and
/// joiners, word joiner, byte-order mark): left out when the font lacks
/// them, not shown as the replacement mark.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// A piece of a fragment in its style (its text not copied whole: a long
/// word is cut in many pieces).
fn piece(f: &Frag, text: &str, width: f32) -> Frag {
    Frag {
        text: text.to_string(),
        face: f.face,
        size: f.size,
        rise: f.rise,
        kind: f.kind,
        color: f.color,
        link: f.link.clone(),
        group: f.group,
        alt: None,
        reference: f.reference,
        width,
        tag: f.tag,
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
        && a.tag == b.tag
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
        items.push(Item::Text {
            x,
            y: baseline - f.rise,
            size: f.size,
            face: f.face,
            text,
            color: f.color,
            tag: f.tag,
        });
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

#[cfg(test)]
mod tests {
    use super::{column_widths, compound_breaks, hyphenator};
    use hyphenation::Hyphenator as _;

    #[test]
    fn compounds_break_between_their_parts_not_inside_a_listed_part() {
        fn breaks(w: &str) -> Vec<&str> {
            let mut b = hyphenator().map(|d| d.hyphenate(w).breaks).unwrap_or_default();
            compound_breaks(w, &mut b);
            b.iter().map(|&i| &w[..i]).collect()
        }
        for (word, good, bad) in [
            ("gebruikersaccount", "gebruikers", "gebruikersac"),
            ("desinformatieteam", "desinformatie", "desinforma"),
            ("twitteraccounts", "twitter", "twitterac"),
        ] {
            let heads = breaks(word);
            assert!(heads.contains(&good) && !heads.contains(&bad), "{word}: {heads:?}");
        }
        // Outside a listed part the patterns still break the word.
        assert!(breaks("gebruikersaccount").contains(&"ge"), "{:?}", breaks("gebruikersaccount"));
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
}
