//! A laid-out page as a PDF content stream (ISO 32000-1, 8, 9 and 14.6):
//! pure code, bytes out. Text is shown with two-byte glyph codes of the
//! embedded subset faces (Identity-H); every item is inside a marked-content
//! sequence, either an element's content with its MCID or an artifact;
//! numbers have at most two decimals, so the same page always gives the
//! same bytes.

use super::fonts::Face;
use super::layout::{Artifact, Color, ElemId, Item, Tag, Tree};
use std::collections::{BTreeMap, BTreeSet};

/// The characters a document shows in one face: a bit per character of the
/// Basic Multilingual Plane, a set for the rest.
#[derive(Clone)]
pub struct CharSet {
    bmp: Vec<u64>,
    astral: BTreeSet<char>,
}

impl Default for CharSet {
    /// Empty, holding no memory: the words grow as far as the highest
    /// character inserted (a Dutch text's reach a few hundred bytes, not
    /// the plane's 8 KiB, which 30,000 one-page files cleared each).
    fn default() -> Self {
        CharSet { bmp: Vec::new(), astral: BTreeSet::new() }
    }
}

/// The words of the Basic Multilingual Plane.
const BMP_WORDS: usize = 0x10000 / 64;

impl CharSet {
    pub fn insert(&mut self, c: char) {
        let i = c as usize;
        if i / 64 >= BMP_WORDS {
            self.astral.insert(c);
            return;
        }
        if self.bmp.len() <= i / 64 {
            self.bmp.resize(i / 64 + 1, 0);
        }
        self.bmp[i / 64] |= 1 << (i % 64);
    }

    pub fn extend(&mut self, text: &str) {
        text.chars().for_each(|c| self.insert(c));
    }

    pub fn union(mut self, other: &CharSet) -> CharSet {
        if self.bmp.len() < other.bmp.len() {
            self.bmp.resize(other.bmp.len(), 0);
        }
        self.bmp.iter_mut().zip(&other.bmp).for_each(|(a, b)| *a |= b);
        self.astral.extend(other.astral.iter().copied());
        self
    }

    pub fn is_empty(&self) -> bool {
        self.astral.is_empty() && self.bmp.iter().all(|w| *w == 0)
    }

    /// The characters, in code point order.
    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        // Only the words with a bit set, and in them only the set bits: a
        // file of one page shows a few dozen characters of 65,536.
        let bmp = self.bmp.iter().enumerate().filter(|(_, w)| **w != 0).flat_map(|(i, &w)| {
            let mut rest = w;
            std::iter::from_fn(move || {
                let b = (rest != 0).then(|| rest.trailing_zeros() as usize)?;
                rest &= rest - 1;
                Some(b)
            })
            .filter_map(move |b| char::from_u32((i * 64 + b) as u32))
        });
        bmp.chain(self.astral.iter().copied())
    }
}

/// Adds the characters of every text item to its face's set.
pub fn add_chars<'a>(mut sets: [CharSet; 4], items: impl IntoIterator<Item = &'a Item>) -> [CharSet; 4] {
    for item in items {
        if let Item::Text { face, text, .. } = item {
            sets[*face as usize].extend(text);
        }
    }
    sets
}

/// Character to glyph id in one embedded face.
#[derive(Clone, Debug, Default)]
pub struct Glyphs {
    /// Below [`DENSE`], indexed by code point; 0 is "not in the font".
    dense: Vec<u16>,
    sparse: BTreeMap<char, u16>,
}

const DENSE: usize = 0x2100;

/// The glyphs of a face a file does not embed: none.
pub static NO_GLYPHS: Glyphs = Glyphs { dense: Vec::new(), sparse: BTreeMap::new() };

impl Glyphs {
    pub fn new(map: impl IntoIterator<Item = (char, u16)>) -> Glyphs {
        let mut g = Glyphs { dense: vec![0; DENSE], sparse: BTreeMap::new() };
        for (c, id) in map {
            match g.dense.get_mut(c as usize) {
                Some(slot) => *slot = id,
                None => {
                    g.sparse.insert(c, id);
                }
            }
        }
        g
    }

    /// The glyph for `c`, or 0 (.notdef) when the subset lacks it.
    pub fn get(&self, c: char) -> u16 {
        match self.dense.get(c as usize) {
            Some(id) => *id,
            None => self.sparse.get(&c).copied().unwrap_or(0),
        }
    }
}

/// The resource name of the document's image (a letter's logo).
pub const IMAGE: &str = "Im0";

/// The resource name of a face in every page's font dictionary.
pub fn font_name(face: Face) -> &'static str {
    ["F0", "F1", "F2", "F3"][face as usize]
}

/// The content stream of one page `height` points high, and the element
/// each marked-content identifier (MCID 0, 1, …) belongs to.
///
/// Text runs share a text object, a rectangle closes it. Each change of tag
/// closes one marked-content sequence and opens the next; a sequence opened
/// inside a text object is closed before the object ends. Links are
/// annotations, not content.
pub fn encode(items: &[Item], glyphs: &[&Glyphs; 4], height: f32, tree: &Tree) -> (Vec<u8>, Vec<ElemId>) {
    let mut out = Vec::with_capacity(items.len() * 64);
    let mut mcids = Vec::new();
    let mut in_text = false;
    // The open sequence: its tag, and whether it was opened in a text object.
    let mut open: Option<(Tag, bool)> = None;
    let mut font: Option<(Face, f32)> = None;
    let mut fill: Option<Color> = None;
    for item in items {
        let tag = item.tag();
        match item {
            Item::Text { x, y, size, face, text, color, .. } => {
                if open.map(|o| o.0) != Some(tag) {
                    close(&mut out, &mut open, &mut in_text);
                }
                if !in_text {
                    out.extend_from_slice(b"BT\n");
                    in_text = true;
                    font = None;
                }
                if open.is_none() {
                    begin(&mut out, tag, tree, &mut mcids);
                    open = Some((tag, true));
                }
                if font != Some((*face, *size)) {
                    out.push(b'/');
                    out.extend_from_slice(font_name(*face).as_bytes());
                    out.push(b' ');
                    number(&mut out, *size);
                    out.extend_from_slice(b" Tf\n");
                    font = Some((*face, *size));
                }
                set_fill(&mut out, &mut fill, *color);
                out.extend_from_slice(b"1 0 0 1 ");
                number(&mut out, *x);
                out.push(b' ');
                number(&mut out, height - *y);
                out.extend_from_slice(b" Tm\n(");
                let g = &glyphs[*face as usize];
                for c in text.chars() {
                    glyph_code(&mut out, g.get(c));
                }
                out.extend_from_slice(b") Tj\n");
            }
            Item::Rect { x, y, w, h, color, .. } => {
                graphics(&mut out, tag, tree, (&mut open, &mut in_text), &mut mcids);
                set_fill(&mut out, &mut fill, *color);
                for (i, v) in [*x, height - *y - *h, *w, *h].into_iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    number(&mut out, v);
                }
                out.extend_from_slice(b" re f\n");
            }
            Item::Image { x, y, w, h, .. } => {
                graphics(&mut out, tag, tree, (&mut open, &mut in_text), &mut mcids);
                // The unit square scaled to the box, the image drawn in it.
                out.extend_from_slice(b"q\n");
                for v in [*w, 0.0, 0.0, *h, *x, height - *y - *h] {
                    number(&mut out, v);
                    out.push(b' ');
                }
                out.extend_from_slice(b"cm\n/");
                out.extend_from_slice(IMAGE.as_bytes());
                out.extend_from_slice(b" Do\nQ\n");
            }
            Item::Link { .. } => {}
        }
    }
    close(&mut out, &mut open, &mut in_text);
    if in_text {
        out.extend_from_slice(b"ET\n");
    }
    (out, mcids)
}

/// Makes ready for a graphics item (a box, an image) tagged `tag`: outside
/// a text object, in a marked-content sequence for `tag` opened outside it.
fn graphics(
    out: &mut Vec<u8>,
    tag: Tag,
    tree: &Tree,
    (open, in_text): (&mut Option<(Tag, bool)>, &mut bool),
    mcids: &mut Vec<ElemId>,
) {
    if open.is_some_and(|(t, opened_in_text)| t != tag || opened_in_text) {
        close(out, open, in_text);
    }
    if *in_text {
        out.extend_from_slice(b"ET\n");
        *in_text = false;
    }
    if open.is_none() {
        begin(out, tag, tree, mcids);
        *open = Some((tag, false));
    }
}

/// Opens a marked-content sequence for `tag`: an element's content gets
/// the next MCID.
fn begin(out: &mut Vec<u8>, tag: Tag, tree: &Tree, mcids: &mut Vec<ElemId>) {
    match tag {
        Tag::Content(elem) => {
            let name = tree.elems.get(elem as usize).map_or("Span", |e| e.kind.name());
            out.push(b'/');
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b" <</MCID ");
            super::file::obj::uint(out, mcids.len() as u32);
            out.extend_from_slice(b">> BDC\n");
            mcids.push(elem);
        }
        Tag::Artifact(kind) => out.extend_from_slice(match kind {
            Artifact::Layout => b"/Artifact <</Type /Layout>> BDC\n".as_slice(),
            Artifact::Header => b"/Artifact <</Type /Pagination /Subtype /Header>> BDC\n",
            Artifact::Footer => b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n",
            Artifact::Repeated => b"/Artifact <</Type /Pagination>> BDC\n",
        }),
    }
}

/// Closes the open sequence; one opened outside a text object closes the
/// text object in it first.
fn close(out: &mut Vec<u8>, open: &mut Option<(Tag, bool)>, in_text: &mut bool) {
    if let Some((_, opened_in_text)) = open.take() {
        if !opened_in_text && *in_text {
            out.extend_from_slice(b"ET\n");
            *in_text = false;
        }
        out.extend_from_slice(b"EMC\n");
    }
}

fn set_fill(out: &mut Vec<u8>, fill: &mut Option<Color>, color: Color) {
    if *fill == Some(color) {
        return;
    }
    for v in [color.0, color.1, color.2] {
        number(out, f32::from(v) / 100.0);
        out.push(b' ');
    }
    out.extend_from_slice(b"rg\n");
    *fill = Some(color);
}

/// `v` with at most two decimals and no trailing zeros: `12.5`, `-3`, `0.45`.
pub fn number(out: &mut Vec<u8>, v: f32) {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    if hundredths < 0 {
        out.push(b'-');
    }
    let a = hundredths.unsigned_abs();
    super::file::obj::digits(out, a / 100);
    let frac = a % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// A two-byte glyph code in a literal string: half the bytes of a
/// hexadecimal string (less to deflate, smaller files). Parentheses and
/// backslashes are escaped, and CR too (a reader takes a bare CR in a
/// string for a line end).
fn glyph_code(out: &mut Vec<u8>, g: u16) {
    for b in g.to_be_bytes() {
        match b {
            b'(' | b')' | b'\\' => {
                out.push(b'\\');
                out.push(b);
            }
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::pdf::layout::tree::Kind;
    use crate::backend::pdf::layout::{BLACK, WHITE};

    fn num(v: f32) -> String {
        let mut out = Vec::new();
        number(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_have_two_decimals_at_most_and_no_negative_zero() {
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(0.45), "0.45");
        assert_eq!(num(-3.0), "-3");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(841.889), "841.89");
        assert_eq!(num(70.866), "70.87");
    }

    #[test]
    fn text_is_shown_as_glyph_codes_in_its_face_and_boxes_close_the_text_object() {
        let glyphs: [Glyphs; 4] =
            [Glyphs::new([('a', 1), ('€', 0x1F3)]), Glyphs::default(), Glyphs::default(), Glyphs::default()];
        let mut tree = Tree::document();
        let p = tree.add(Kind::P, None);
        let items = vec![
            Item::Text {
                x: 10.0,
                y: 20.0,
                size: 10.0,
                face: Face::Regular,
                text: "a€b".into(),
                color: BLACK,
                tag: Tag::Content(p),
            },
            Item::Rect { x: 1.0, y: 2.0, w: 3.0, h: 4.0, color: BLACK, tag: Tag::Artifact(Artifact::Layout) },
        ];
        let (bytes, mcids) = encode(&items, &glyphs.each_ref(), 100.0, &tree);
        assert_eq!(
            bytes,
            b"BT\n/P <</MCID 0>> BDC\n/F0 10 Tf\n0 0 0 rg\n1 0 0 1 10 80 Tm\n(\x00\x01\x01\xF3\x00\x00) Tj\nEMC\nET\n\
              /Artifact <</Type /Layout>> BDC\n1 94 3 4 re f\nEMC\n"
        );
        assert_eq!(mcids, [p]);
    }

    #[test]
    fn glyph_codes_that_look_like_string_syntax_are_escaped() {
        let mut out = Vec::new();
        for g in [0x0028, 0x295C, 0x0D41] {
            glyph_code(&mut out, g);
        }
        assert_eq!(out, b"\x00\\(\\)\\\\\\rA");
    }

    #[test]
    fn marked_content_nests_properly_with_text_objects() {
        // A redaction box (a rectangle and its label, one figure) between
        // two runs of a paragraph: every sequence opened inside BT closes
        // before ET, one opened outside encloses its text object whole.
        let glyphs: [Glyphs; 4] = Default::default();
        let mut tree = Tree::document();
        let p = tree.add(Kind::P, None);
        let fig = tree.add(Kind::Figure { alt: "Weggelakt".into() }, Some(p));
        let text = |tag, color| Item::Text {
            x: 0.0,
            y: 0.0,
            size: 10.0,
            face: Face::Regular,
            text: "x".into(),
            color,
            tag,
        };
        let items = vec![
            text(Tag::Content(p), BLACK),
            Item::Rect { x: 0.0, y: 0.0, w: 1.0, h: 1.0, color: BLACK, tag: Tag::Content(fig) },
            text(Tag::Content(fig), WHITE),
            text(Tag::Content(p), BLACK),
            text(Tag::Artifact(Artifact::Footer), BLACK),
        ];
        let (bytes, mcids) = encode(&items, &glyphs.each_ref(), 100.0, &tree);
        let s = String::from_utf8(bytes).unwrap();
        let ops: Vec<&str> = s
            .lines()
            .filter_map(|l| {
                ["BT", "ET", "BDC", "EMC"].into_iter().find(|op| l == *op || l.ends_with(&format!(" {op}")))
            })
            .collect();
        assert_eq!(
            ops,
            ["BT", "BDC", "EMC", "ET", "BDC", "BT", "ET", "EMC", "BT", "BDC", "EMC", "BDC", "EMC", "ET"],
            "{s}"
        );
        assert_eq!(mcids, [p, fig, p]);
        assert!(s.contains("/Figure <</MCID 1>> BDC") && s.contains("/Subtype /Footer"));
    }

    #[test]
    fn a_char_set_lists_its_characters_in_order() {
        let mut s = CharSet::default();
        s.extend("ba€😀a");
        assert_eq!(s.chars().collect::<String>(), "ab€😀");
        assert!(CharSet::default().is_empty());
        assert_eq!(CharSet::default().union(&s).chars().count(), 4);
    }

    proptest::proptest! {
        /// Whatever is inserted comes back, each character once, in code
        /// point order, across the edges of its words (63, 64) and planes.
        #[test]
        fn a_char_set_gives_back_exactly_what_it_holds(text in "(\\PC|[\u{3f}\u{40}\u{7f}\u{80}\u{ffff}])*") {
            let mut s = CharSet::default();
            s.extend(&text);
            let expected: BTreeSet<char> = text.chars().collect();
            proptest::prop_assert_eq!(s.chars().collect::<Vec<_>>(), expected.into_iter().collect::<Vec<_>>());
        }
    }
}
