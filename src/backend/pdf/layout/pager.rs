//! Lines to pages: what must stay together is kept together, a broken
//! table repeats its header, footnotes stand at the foot of the page that
//! cites them, and page 1 carries the letterhead.

use super::lines::{Line, Lines};
use super::tree::{Artifact, ElemId, Kind, Tag};
use super::{
    COLUMN_SIZE, COLUMN_W, COLUMN_X, Color, GREY, Geometry, Item, LetterFrame, Letterhead, MM, OutlineEntry,
    Page, RULE,
};
use crate::document::{Align, Inline, Span, Style};
use std::collections::BTreeSet;

/// Places lines on pages.
pub(super) struct Pager<'a, 'f> {
    geo: Geometry,
    lx: &'a mut Lines<'f>,
    pub(super) pages: Vec<Page>,
    pub(super) outline: Vec<OutlineEntry>,
    y: f32,
    at_top: bool,
    notes: Vec<Line>,
    notes_height: f32,
    placed_notes: BTreeSet<String>,
    /// Whether an earlier section placed a footnote already.
    cited_before: &'a dyn Fn(&str) -> bool,
    /// Lines that start a page whether or not the page before is full.
    pub(super) breaks_before: BTreeSet<usize>,
    /// The index of the first line of each page after the first.
    pub(super) page_starts: Vec<usize>,
}

impl<'a, 'f> Pager<'a, 'f> {
    /// A pager at the top of a first page; with the letterhead on it for the
    /// document's first section, its paragraphs' elements made already.
    pub(super) fn new(
        geo: Geometry,
        head: Option<(&Letterhead, &[ElemId])>,
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
            breaks_before: BTreeSet::new(),
            page_starts: Vec::new(),
        };
        if let Some((head, elems)) = head {
            match &head.letter {
                Some(letter) => p.letter(letter, elems),
                None => p.letterhead(head, elems),
            }
        }
        p
    }

    fn body_bottom(&self) -> f32 {
        self.geo.height - self.geo.bottom
    }

    /// Page 1: the sender at the top right, then Datum, Betreft, Kenmerk.
    fn letterhead(&mut self, h: &Letterhead, elems: &[ElemId]) {
        let mut elems = elems.iter().copied();
        let col = self.geo.left + 100.0 * MM;
        let mut y = self.geo.top;
        if !h.sender.is_empty() {
            let spans = vec![plain(&h.sender, true)];
            let width = self.geo.width - self.geo.right - col;
            let p = elems.next().unwrap_or_else(|| self.lx.open(Kind::P));
            for l in self.lx.within(p, |lx| lx.paragraph(&spans, col, width, 9.0, true, Align::None)) {
                self.put_items(l.items, y);
                y += l.height;
            }
        }
        let mut y = y.max(self.geo.top + 30.0 * MM);
        if !h.rows.is_empty() {
            let label_w = 24.0 * MM;
            let (left, measure) = (self.geo.left, self.geo.measure());
            for (label, value) in &h.rows {
                // One paragraph a row: "Datum 2 december 2022".
                let p = elems.next().unwrap_or_else(|| self.lx.open(Kind::P));
                let (l, v) = self.lx.within(p, |lx| {
                    let l = lx.paragraph(&[plain(label, false)], left, label_w, 8.0, false, Align::None);
                    let v = lx.paragraph(
                        &[plain(value, false)],
                        left + label_w,
                        measure - label_w,
                        9.0,
                        false,
                        Align::None,
                    );
                    (l, v)
                });
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

    /// Page 1 of a letter in the Rijkshuisstijl: the wordmark right of the
    /// page's centre, where the logo stands beside it; the return address
    /// and the addressee block on the left; Datum and Betreft under them;
    /// the sender column on the right from the height of the return
    /// address. Read in that order, the column before the text.
    fn letter(&mut self, l: &LetterFrame, elems: &[ElemId]) {
        let mut elems = elems.iter().copied();
        let mut next = |lx: &mut Lines| elems.next().unwrap_or_else(|| lx.open(Kind::P));
        let left = self.geo.left;
        let measure = self.geo.measure();
        // The wordmark: beside the logo area (centred at the top, 0–35 mm).
        let p = next(self.lx);
        let x = self.geo.width / 2.0 + 4.0 * MM;
        let lines = self.lx.within(p, |lx| {
            lx.paragraph(&[plain(&l.wordmark, false)], x, 55.0 * MM, 9.5, false, Align::None)
        });
        let mut y = 20.0 * MM;
        for line in lines {
            self.put_items(line.items, y);
            y += line.height;
        }
        // The logo left of it: decoration, the wordmark says whose it is.
        if let Some(logo) = &l.logo {
            let [x, y, w, h] = logo.placed(self.geo.width / MM).map(|v| v * MM);
            let tag = Tag::Artifact(Artifact::Layout);
            self.put_items([Item::Image { x, y, w, h, tag }], 0.0);
        }
        let text_top = 51.0 * MM;
        let mut y = text_top;
        if let Some(r) = &l.return_address {
            let p = next(self.lx);
            let text = format!("> Retouradres {r}");
            let lines = self
                .lx
                .within(p, |lx| lx.paragraph(&[plain(&text, false)], left, measure, 6.5, false, Align::None));
            for line in lines {
                self.put_items(line.items, y);
                y += line.height;
            }
        }
        y = y.max(text_top + 5.0 * MM);
        if !l.addressee.is_empty() {
            let p = next(self.lx);
            let mut spans = Vec::new();
            for (i, a) in l.addressee.iter().enumerate() {
                if i > 0 {
                    spans.push(Span { inline: Inline::LineBreak, style: Style::default() });
                }
                spans.push(plain(a, false));
            }
            let lines = self.lx.within(p, |lx| lx.paragraph(&spans, left, measure, 10.0, false, Align::None));
            for line in lines {
                self.put_items(line.items, y);
                y += line.height;
            }
        }
        let mut y = y.max(text_top + 35.0 * MM);
        let label_w = 20.0 * MM;
        for (label, value) in &l.rows {
            let p = next(self.lx);
            let (lab, val) = self.lx.within(p, |lx| {
                let a = lx.paragraph(&[plain(label, false)], left, label_w, 8.0, false, Align::None);
                let b = lx.paragraph(
                    &[plain(value, false)],
                    left + label_w,
                    measure - label_w,
                    10.0,
                    false,
                    Align::None,
                );
                (a, b)
            });
            for line in lab {
                self.put_items(line.items.into_iter().map(|i| recolor(i, GREY)), y + 1.0);
            }
            for line in val {
                self.put_items(line.items, y);
                y += line.height;
            }
            y += 1.5;
        }
        let body_top = y + 10.0 * MM;
        // The sender column, small type, from the top of the text block.
        let mut cy = text_top;
        self.lx.hyphenate = false;
        for (label, lines, strong) in &l.colofon {
            let p = next(self.lx);
            let mut spans = Vec::new();
            if let Some(label) = label {
                spans.push(plain(label, true));
            }
            for line in lines {
                if !spans.is_empty() {
                    spans.push(Span { inline: Inline::LineBreak, style: Style::default() });
                }
                spans.push(plain(line, *strong));
            }
            let laid = self
                .lx
                .within(p, |lx| lx.paragraph(&spans, COLUMN_X, COLUMN_W, COLUMN_SIZE, false, Align::None));
            for line in laid {
                self.put_items(line.items, cy);
                cy += line.height;
            }
            cy += COLUMN_SIZE;
        }
        self.lx.hyphenate = true;
        self.y = body_top;
        self.at_top = true;
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
        let sep = Item::rule(self.geo.left, y + 2.0, 40.0 * MM, 0.5, RULE);
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
        for (label, cited_in) in &line.notes {
            if !self.placed_notes.contains(label)
                && !(self.cited_before)(label)
                && !out.iter().any(|(l, _): &(String, Vec<Line>)| l == label)
            {
                let lines = self.lx.note_lines(label, *cited_in, self.geo.measure(), self.geo.left);
                out.push((label.clone(), lines));
            }
        }
        out.into_iter().flat_map(|(_, l)| l).collect()
    }

    pub(super) fn place_all(&mut self, lines: Vec<Line>) {
        let n = lines.len();
        let mut lines: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
        for i in 0..n {
            let Some(line) = lines[i].take() else { continue };
            // What must fit with it: its footnotes, and what it keeps with.
            let notes = self.notes_for(&line);
            let notes_h: f32 = notes.iter().map(|l| l.height).sum::<f32>()
                + if notes.is_empty() || !self.notes.is_empty() { 0.0 } else { 8.0 };
            let mut need = line.height;
            let mut j = i + 1;
            let mut keep = line.keep_with_next;
            while keep && j < n {
                let Some(next) = lines[j].as_ref() else { break };
                need += next.space_before + next.height;
                keep = next.keep_with_next && j - i < 40;
                j += 1;
            }
            let gap = if self.at_top { 0.0 } else { line.space_before };
            let room = self.body_bottom() - self.notes_height - self.y;
            if (gap + need + notes_h > room || self.breaks_before.contains(&i)) && !self.at_top {
                self.new_page();
                self.page_starts.push(i);
                if let Some(h) = line.header.as_deref() {
                    // Shown again, read once: the copy is an artifact.
                    let mut copy = h.clone();
                    copy.items.iter_mut().for_each(|i| *i.tag_mut() = Tag::Artifact(Artifact::Repeated));
                    self.place(copy, Vec::new());
                }
            }
            self.place(line, notes);
        }
        self.flush_notes();
        if let Some(page) = self.pages.last_mut() {
            page.items.shrink_to_fit();
        }
    }

    /// When the last page holds less than `share` of the body, where to
    /// break one page earlier so that it does not: the latest line before
    /// the last page's first that may start a page (the line before it
    /// keeps nothing with it) and brings it to at least `share`; else
    /// `None`.
    pub(super) fn earlier_break(&self, lines: &[(f32, bool)], share: f32) -> Option<usize> {
        let (&last_start, before) = self.page_starts.split_last()?;
        let body = self.body_bottom() - self.geo.top;
        let mut moved = (self.y - self.geo.top).max(0.0);
        if moved >= share * body {
            return None;
        }
        let floor = before.last().copied().unwrap_or(0);
        for i in (floor + 1..last_start).rev() {
            let (height, _) = lines[i];
            moved += height;
            let may_start = !lines[i - 1].1;
            if may_start && moved >= share * body {
                return Some(i);
            }
        }
        None
    }

    fn place(&mut self, line: Line, notes: Vec<Line>) {
        if !self.at_top {
            self.y += line.space_before;
        }
        if let Some((title, level)) = &line.outline {
            let page = self.pages.len() - 1;
            self.outline.push(OutlineEntry { title: title.clone(), level: *level, page, y: self.y });
        }
        let top = self.y;
        self.put_items(line.items, top);
        self.y += line.height;
        self.at_top = false;
        if !notes.is_empty() {
            if self.notes.is_empty() {
                self.notes_height += 8.0;
            }
            for (label, _) in &line.notes {
                self.placed_notes.insert(label.clone());
            }
            self.notes_height += notes.iter().map(|l| l.height).sum::<f32>();
            self.notes.extend(notes);
        }
    }
}

fn plain(text: &str, bold: bool) -> Span {
    Span {
        inline: crate::document::Inline::Text(text.to_string()),
        style: Style { strong: bold, ..Style::default() },
    }
}

fn recolor(item: Item, c: Color) -> Item {
    match item {
        Item::Text { x, y, size, face, text, tag, .. } => {
            Item::Text { x, y, size, face, text, color: c, tag }
        }
        other => other,
    }
}
