//! The page layout, pure code: a document's sections ([`crate::document`]),
//! its letterhead data and its page style in, positioned text, boxes and
//! links on pages out.
//! Lines are broken with the font's own widths (Dutch hyphenation where a
//! line would be left loose), then paginated: headings stay with what follows,
//! table headers repeat, footnotes go to the foot of the page that cites them.
//! Coordinates are points from the top-left of the page.
//!
//! `lines` breaks blocks into lines; `pager` places lines on pages; this
//! module holds the types and lays a document out section by section.

mod lines;
mod pager;
pub mod tree;

use super::fonts::{FALLBACK, Face, Fonts};
use crate::document::{Block, Note, Section};
use crate::model::logo::Logo;
use lines::{Line, Lines};
use pager::Pager;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
pub use tree::{Artifact, ElemId, Tag, Tree};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// An RGB colour, each channel in hundredths (0–100): three bytes, so that
/// the millions of items of a large document stay small.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Color(pub u8, pub u8, pub u8);

pub const BLACK: Color = Color(0, 0, 0);
pub const WHITE: Color = Color(100, 100, 100);
pub(crate) const GREY: Color = Color(45, 45, 45);
pub(crate) const RULE: Color = Color(75, 75, 75);
pub(crate) const SHADE: Color = Color(92, 92, 92);
pub(crate) const LINK: Color = Color(5, 25, 60);
pub(crate) const HIGHLIGHT: Color = Color(100, 93, 55);
pub(crate) const ALERT: Color = Color(75, 0, 0);

/// Something drawn on a page, and what it is in the document's structure.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text on a baseline `y`.
    Text { x: f32, y: f32, size: f32, face: Face, text: String, color: Color, tag: Tag },
    /// A filled rectangle with its top-left corner at (`x`, `y`).
    Rect { x: f32, y: f32, w: f32, h: f32, color: Color, tag: Tag },
    /// A clickable area; its tag is the link's element.
    Link { x: f32, y: f32, w: f32, h: f32, url: String, tag: Tag },
    /// The document's image (the letter's logo, [`Laid::logo`]) in a box
    /// with its top-left corner at (`x`, `y`).
    Image { x: f32, y: f32, w: f32, h: f32, tag: Tag },
}

impl Item {
    fn shifted(mut self, dx: f32, dy: f32) -> Item {
        match &mut self {
            Item::Text { x, y, .. }
            | Item::Rect { x, y, .. }
            | Item::Link { x, y, .. }
            | Item::Image { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
        self
    }

    pub fn tag(&self) -> Tag {
        match self {
            Item::Text { tag, .. }
            | Item::Rect { tag, .. }
            | Item::Link { tag, .. }
            | Item::Image { tag, .. } => *tag,
        }
    }

    pub(super) fn tag_mut(&mut self) -> &mut Tag {
        match self {
            Item::Text { tag, .. }
            | Item::Rect { tag, .. }
            | Item::Link { tag, .. }
            | Item::Image { tag, .. } => tag,
        }
    }

    /// A layout artifact: a rule, shading.
    pub(crate) fn rule(x: f32, y: f32, w: f32, h: f32, color: Color) -> Item {
        Item::Rect { x, y, w, h, color, tag: Tag::Artifact(Artifact::Layout) }
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
    /// The heading's level: the bookmarks nest by it.
    pub level: u8,
    pub page: usize,
    pub y: f32,
}

/// The laid-out document.
#[derive(Clone, Debug, PartialEq)]
pub struct Laid {
    pub pages: Vec<Page>,
    /// The style the pages were laid out in; the writer takes their size from it.
    pub style: PageStyle,
    pub outline: Vec<OutlineEntry>,
    /// The structure elements the items' tags point to.
    pub tree: Tree,
    /// Characters the font lacks (shown as U+FFFD).
    pub missing: BTreeSet<char>,
    /// Whether characters in withheld passages lack a glyph too (they are
    /// not named).
    pub missing_withheld: bool,
    /// The image [`Item::Image`] shows: a letter's logo.
    pub logo: Option<Arc<Logo>>,
}

/// What page 1's letterhead shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Letterhead {
    /// The sender, e.g. the ministry.
    pub sender: String,
    /// Label and value rows: Datum, Betreft, Kenmerk, …
    pub rows: Vec<(String, String)>,
    /// A letter in the Rijkshuisstijl instead of the rows above.
    pub letter: Option<LetterFrame>,
}

impl Letterhead {
    /// How many paragraphs page 1's head holds (made before the text, so
    /// that they are read first).
    fn paragraphs(&self) -> usize {
        match &self.letter {
            Some(l) => {
                1 + usize::from(l.return_address.is_some())
                    + usize::from(!l.addressee.is_empty())
                    + l.rows.len()
                    + l.colofon.len()
            }
            None => usize::from(!self.sender.is_empty()) + self.rows.len(),
        }
    }
}

/// A letter in the Rijkshuisstijl: the wordmark beside the logo area at the
/// top, the return address and the addressee on the left, Datum and
/// Betreft under them, the sender column on the right; the closing and
/// the signatory under the text with room to sign; from page 2 the column
/// repeats the running details.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LetterFrame {
    /// The ministry's name beside the logo.
    pub wordmark: String,
    pub return_address: Option<String>,
    /// "Aan de Voorzitter …", "Postbus 20018", "2500 EA Den Haag".
    pub addressee: Vec<String>,
    /// Datum, Betreft.
    pub rows: Vec<(String, String)>,
    /// The sender column: a label (or none) over lines, and whether bold.
    pub colofon: Vec<(Option<String>, Vec<String>, bool)>,
    pub closing: Option<String>,
    pub signatory: Option<String>,
    /// The ministry's logo, left of the wordmark.
    pub logo: Option<Arc<Logo>>,
}

/// Where a letter's sender column stands, from the page's left edge, and
/// how wide it is.
pub const COLUMN_X: f32 = 153.0 * MM;
pub const COLUMN_W: f32 = 37.0 * MM;
/// The sender column's type size.
pub(crate) const COLUMN_SIZE: f32 = 6.5;

/// How every page looks, decided once: its size and margins, the footer
/// ("Pagina 3 van 7") and the running header of internal renders.
#[derive(Clone, Debug, PartialEq)]
pub struct PageStyle {
    pub geometry: Geometry,
    /// The footer, with `{n}` for the page number and `{total}` for the count.
    pub footer: String,
    /// Shown at the top of every page, e.g. `INTERN – NIET OPENBAAR`.
    pub running_header: Option<String>,
    /// A letter's running details, shown in the sender column from page 2.
    pub running: Vec<(String, String)>,
}

impl PageStyle {
    /// A4, numbered "Pagina N van M".
    pub fn a4(running_header: Option<String>) -> PageStyle {
        PageStyle {
            geometry: Geometry::a4(),
            footer: "Pagina {n} van {total}".to_string(),
            running_header,
            running: Vec::new(),
        }
    }

    /// A letter: the text block leaves the sender column free on every
    /// page, and from page 2 the column repeats `running` (Datum, Kenmerk).
    pub fn letter(running_header: Option<String>, running: Vec<(String, String)>) -> PageStyle {
        let mut geometry = Geometry::a4();
        geometry.right = geometry.width - COLUMN_X + 5.0 * MM;
        geometry.top = 30.0 * MM;
        PageStyle { geometry, running, ..PageStyle::a4(running_header) }
    }
}

impl Default for PageStyle {
    fn default() -> Self {
        PageStyle::a4(None)
    }
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

pub(crate) const BODY: f32 = 10.0;
pub(crate) const LEADING: f32 = 1.42;
pub(crate) const NOTE: f32 = 8.0;
pub(crate) const TABLE: f32 = 8.5;
pub(crate) const PARA_GAP: f32 = 6.0;

/// A part laid out on its own: its pages, bookmarks, structure elements,
/// and the characters the font lacks (and whether withheld passages lack
/// some).
type Part = (Vec<Page>, Vec<OutlineEntry>, Tree, (BTreeSet<char>, bool));

/// Lays out `sections` in `style`.
///
/// A section that starts a page (an annex) is laid out on pages of its own,
/// in parallel with the others, and the parts are put together in order;
/// only then are the pages numbered ("Pagina 3 van 7"). The result is the
/// same as laying out the whole document in one pass.
pub fn layout(
    sections: &[Section],
    notes: &[Note],
    style: PageStyle,
    head: &Letterhead,
    fonts: &Fonts,
) -> Laid {
    use rayon::prelude::*;
    let geo = style.geometry;
    let notes: HashMap<&str, &[Block]> =
        notes.iter().map(|n| (n.label.as_str(), n.blocks.as_slice())).collect();
    // A section that does not start a page continues the part before it,
    // and so does one that follows nothing (no page is left blank).
    let mut parts: Vec<Vec<&Block>> = Vec::new();
    for section in sections {
        match parts.last_mut() {
            Some(part) if !section.new_page || part.is_empty() => part.extend(&section.blocks),
            _ => parts.push(section.blocks.iter().collect()),
        }
    }
    let sections = parts;
    // A footnote stands on the page of its first citation: the section that
    // cites it first places it, later sections do not.
    let mut first_cited: HashMap<String, usize> = HashMap::new();
    for (k, section) in sections.iter().enumerate() {
        let mut labels = Vec::new();
        section.iter().for_each(|b| b.note_refs(&mut labels));
        for label in labels {
            first_cited.entry(label.to_string()).or_insert(k);
        }
    }
    let parts: Vec<Part> = sections
        .into_par_iter()
        .enumerate()
        .map(|(k, blocks)| {
            let mut lx = Lines {
                fonts,
                missing: BTreeSet::new(),
                missing_withheld: false,
                notes: &notes,
                hyphenate: true,
                tree: Tree::default(),
                at: None,
                spoken: HashMap::new(),
            };
            // The letterhead is read first: its paragraphs are made first
            // (one for the sender, one a row), laid out with the first page.
            let head_elems: Vec<tree::ElemId> = if k == 0 {
                (0..head.paragraphs()).map(|_| lx.open(tree::Kind::P)).collect()
            } else {
                Vec::new()
            };
            let mut lines: Vec<Line> = Vec::new();
            for (i, block) in blocks.iter().enumerate() {
                if let Some(last) = lines.last_mut() {
                    match block {
                        // What introduces a quotation stays with it, and so
                        // does the paragraph that leads into a list or a
                        // table ("… de volgende platforms:").
                        Block::Quote(_) => last.keep_with_next = true,
                        Block::List(_) | Block::Table(_)
                            if matches!(
                                i.checked_sub(1).map(|j| &blocks[j]),
                                Some(&&Block::Paragraph(_))
                            ) =>
                        {
                            last.keep_with_next = true;
                        }
                        // A heading starts a new group: what comes before it
                        // (a quoted letter, say) does not drag it along, unless
                        // that is a heading too.
                        Block::Heading(_)
                            if !matches!(i.checked_sub(1).map(|j| &blocks[j]), Some(&&Block::Heading(_))) =>
                        {
                            last.keep_with_next = false;
                        }
                        _ => {}
                    }
                }
                lx.block(block, geo.left, geo.measure(), k == 0 && i == 0, &mut lines);
            }
            if let Some(letter) = head.letter.as_ref().filter(|_| k == 0) {
                lx.signature(letter, geo.left, geo.measure(), &mut lines);
            }
            let cited_before = |label: &str| first_cited.get(label).is_some_and(|&at| at < k);
            let head = (k == 0).then_some((head, head_elems.as_slice()));
            // A part (an annex, the answers, an inventory with its legend)
            // does not end on a page with a few lines: when it would, it
            // breaks earlier (once), so that both pages hold some.
            let sizes: Vec<(f32, bool)> =
                lines.iter().map(|l| (l.space_before + l.height, l.keep_with_next)).collect();
            // (Only a part longer than a page can end on a short page, the
            // first one sooner: the letterhead takes room; only its lines
            // are kept for a second pass.)
            let body = geo.height - geo.bottom - geo.top;
            let room = if k == 0 { body / 2.0 } else { body };
            let again =
                (sizes.iter().map(|s| s.0).sum::<f32>() > room).then(|| (lines.clone(), lx.tree.clone()));
            let mut pager = Pager::new(geo, head, &mut lx, &cited_before);
            pager.place_all(lines);
            let retry = again.and_then(|a| pager.earlier_break(&sizes, SHORT_LAST_PAGE).map(|at| (at, a)));
            let (mut pages, mut outline) = (pager.pages, pager.outline);
            if let Some((at, (lines, tree))) = retry {
                lx.tree = tree;
                let mut pager = Pager::new(geo, head, &mut lx, &cited_before);
                pager.breaks_before.insert(at);
                pager.place_all(lines);
                (pages, outline) = (pager.pages, pager.outline);
            }
            // An annex's later pages say which annex they continue.
            if k > 0
                && let Some(Block::Heading(h)) = blocks.first()
            {
                running_head(&mut pages[1..], &crate::document::plain::text(&h.spans), &geo, fonts);
            }
            (pages, outline, std::mem::take(&mut lx.tree), (lx.missing, lx.missing_withheld))
        })
        .collect();
    let mut laid = Laid {
        pages: Vec::new(),
        style,
        outline: Vec::new(),
        tree: Tree::document(),
        missing: BTreeSet::new(),
        missing_withheld: false,
        logo: head.letter.as_ref().and_then(|l| l.logo.clone()),
    };
    for (mut pages, outline, tree, (missing, withheld)) in parts {
        laid.missing_withheld |= withheld;
        let offset = laid.pages.len();
        laid.outline.extend(outline.into_iter().map(|e| OutlineEntry { page: e.page + offset, ..e }));
        // The part's elements follow the ones before it.
        let shift = laid.tree.append_part(tree);
        for tag in pages.iter_mut().flat_map(|p| p.items.iter_mut()).map(Item::tag_mut) {
            if let Tag::Content(id) = tag {
                *id += shift;
            }
        }
        laid.pages.extend(pages);
        laid.missing.extend(missing);
    }
    laid.tree.even_out_headings();
    number_pages(&mut laid.pages, &laid.style, fonts);
    laid
}

/// The least share of the body an annex's last page holds when an earlier
/// break can give it that.
const SHORT_LAST_PAGE: f32 = 0.25;

/// Size of an annex's running head.
const RUNNING_HEAD: f32 = 8.0;

/// Which annex `pages` continue, at the top left of each in small grey
/// type: its heading's label ("Bijlage 3", the part before a dash or a
/// colon) and "(vervolg)", shortened with "…" to the measure. Shown again,
/// so a header artifact; short, so it is not taken for skipped text.
fn running_head(pages: &mut [Page], title: &str, geo: &Geometry, fonts: &Fonts) {
    if pages.is_empty() {
        return;
    }
    let label = title.split([':', '–', '—']).next().unwrap_or(title).trim();
    let label = if label.is_empty() { title } else { label };
    let shown: String = format!("{label} (vervolg)")
        .split_whitespace()
        .flat_map(|w| std::iter::once(' ').chain(w.chars()))
        .skip(1)
        .map(|c| if fonts.has(Face::Regular, c) { c } else { FALLBACK })
        .collect();
    let width = |t: &str| fonts.width(Face::Regular, t, RUNNING_HEAD);
    let text = if width(&shown) <= geo.measure() {
        shown
    } else {
        // Character by character up to the room left beside the "…": linear
        // in the title, however long.
        let room = geo.measure() - width("…");
        let mut used = 0.0;
        let mut cut = String::new();
        for c in shown.chars() {
            used += width(c.encode_utf8(&mut [0; 4]));
            if used > room {
                break;
            }
            cut.push(c);
        }
        format!("{}…", cut.trim_end())
    };
    for page in pages {
        page.items.push(Item::Text {
            x: geo.left,
            y: geo.top - 3.0 * MM,
            size: RUNNING_HEAD,
            face: Face::Regular,
            text: text.clone(),
            color: GREY,
            tag: Tag::Artifact(Artifact::Header),
        });
    }
}

/// The footer and the running header on every page.
fn number_pages(pages: &mut [Page], style: &PageStyle, fonts: &Fonts) {
    let (geo, total) = (&style.geometry, pages.len());
    for (i, page) in pages.iter_mut().enumerate() {
        let text = style.footer.replace("{n}", &(i + 1).to_string()).replace("{total}", &total.to_string());
        let w = fonts.width(Face::Regular, &text, 8.0);
        // Exactly: a page's items were sized to fit when it was full, and a
        // push would double them (the whole document is held until written).
        let running = if i > 0 { style.running.len() * 2 } else { 0 };
        page.items.reserve_exact(1 + usize::from(style.running_header.is_some()) + running);
        // A letter's running details in the sender column, from page 2:
        // shown again, so an artifact.
        if i > 0 {
            let mut y = geo.top + COLUMN_SIZE;
            for (label, value) in &style.running {
                for (text, face) in [(label, Face::Bold), (value, Face::Regular)] {
                    page.items.push(Item::Text {
                        x: COLUMN_X,
                        y,
                        size: COLUMN_SIZE,
                        face,
                        text: text.clone(),
                        color: BLACK,
                        tag: Tag::Artifact(Artifact::Header),
                    });
                    y += COLUMN_SIZE * LEADING;
                }
                y += COLUMN_SIZE;
            }
        }
        page.items.push(Item::Text {
            x: geo.width - geo.right - w,
            y: geo.height - 12.0 * MM,
            size: 8.0,
            face: Face::Regular,
            text,
            color: GREY,
            tag: Tag::Artifact(Artifact::Footer),
        });
        if let Some(c) = &style.running_header {
            let w = fonts.width(Face::Bold, c, 8.5);
            page.items.push(Item::Text {
                x: (geo.width - w) / 2.0,
                y: 14.0 * MM,
                size: 8.5,
                face: Face::Bold,
                text: c.clone(),
                color: ALERT,
                tag: Tag::Artifact(Artifact::Header),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Audience, plain};

    /// Lays out Markdown as the answers stage hands it on: each
    /// "## Bijlage" heading starts a section of its own, as an annex does.
    fn lay(md: &str) -> Laid {
        let p = crate::answers::parse::parse(md, Audience::Public).unwrap();
        let mut sections = vec![Section::default()];
        for b in p.blocks {
            if matches!(&b, Block::Heading(h) if h.level == 2 && plain::text(&h.spans).starts_with("Bijlage"))
            {
                sections.push(Section { new_page: true, blocks: Vec::new() });
            }
            sections.last_mut().unwrap().blocks.push(b);
        }
        layout(&sections, &p.notes, PageStyle::default(), &Letterhead::default(), &Fonts)
    }

    fn texts(laid: &Laid) -> Vec<(usize, String)> {
        let mut v = Vec::new();
        for (p, page) in laid.pages.iter().enumerate() {
            for i in &page.items {
                if let Item::Text { text, .. } = i {
                    // (No-break spaces hold dates and numbers together.)
                    v.push((p, text.replace('\u{A0}', " ")));
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
                    // (The space a line broke at stands beyond its last word.)
                    let w = Fonts.width(*face, text.trim_end_matches(' '), *size);
                    assert!(
                        *x >= geo.left - 0.01 - 20.0 && x + w <= geo.width - geo.right + 0.5,
                        "{text:?} at x={x} w={w}"
                    );
                    assert!(*y >= 10.0 * MM && *y <= geo.height - 10.0 * MM, "{text:?} at y={y}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

        /// Line breaking over generated text (words of any length, long
        /// URLs, soft hyphens, no-break and zero-width spaces, characters
        /// the font lacks, emphasis, lists, tables): it never panics, every
        /// line stays inside the margins, and every letter of the text is
        /// on a page, in order.
        #[test]
        fn generated_text_is_broken_inside_the_margins_and_nothing_is_lost(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    8 => "[a-zA-Zë]{1,12}",
                    1 => "[a-z]{40,200}",
                    1 => "https://example\\.org/[a-z0-9/]{20,120}",
                    1 => "[a-z]{3,8}\u{AD}[a-z]{3,8}",
                    1 => "[a-z]{2,6}\u{A0}[0-9]{1,4}",
                    1 => "\\*[a-z]{2,9}\\*",
                ],
                1..120,
            ),
            list in proptest::prelude::any::<bool>(),
        ) {
            let text = words.join(" ");
            let md = if list { format!("- {text}\n- {text}\n") } else { text.clone() };
            let laid = lay(&md);
            within_margins(&laid);
            let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            // The body's text, in order (the running heads and page
            // numbers are artifacts, placed among it).
            let shown: String = laid
                .pages
                .iter()
                .flat_map(|p| &p.items)
                .filter_map(|i| match i {
                    Item::Text { text, tag, .. } if !matches!(tag, Tag::Artifact(_)) => Some(letters(text)),
                    _ => None,
                })
                .collect();
            let mut expected = letters(&text);
            if list {
                expected = format!("{expected}{expected}");
            }
            proptest::prop_assert!(shown.contains(&expected), "lost text: {expected:?} not in {shown:?}");
        }
    }

    #[test]
    fn a_long_paragraph_wraps_and_stays_inside_the_margins() {
        let long = "De afdeling Democratie van BZK stelt niet zelf vast of er op sociale media doelbewust misleidende informatie wordt verspreid met het doel om schade aan te richten. ".repeat(60);
        let laid = lay(&long);
        assert!(laid.pages.len() >= 2, "{}", laid.pages.len());
        within_margins(&laid);
    }

    #[test]
    fn a_wrapped_paragraph_keeps_a_space_between_the_words_on_two_lines() {
        let text = "Het Ministerie van BZK heeft Facebook daarom op deze factcheck gewezen en gevraagd naar deze video te kijken, waarna Facebook heeft aangegeven dat de video voorzien is van een label vanwege de factcheck door onafhankelijke factcheckers en dat Twitter het bericht heeft verwijderd.";
        let laid = lay(&format!("{text} {text}"));
        let body: Vec<String> =
            texts(&laid).into_iter().map(|(_, t)| t).filter(|t| !t.starts_with("Pagina")).collect();
        assert!(body.len() >= 3, "wraps: {body:?}");
        // Read as a reader extracts it, line after line: every word apart,
        // a word broken by a hyphen joined again.
        let read: String = body.concat().replace('\u{AD}', "");
        assert_eq!(read.trim_end(), format!("{text} {text}"));
        assert!(body[..body.len() - 1].iter().any(|l| l.ends_with(' ')));
    }

    #[test]
    fn a_paragraph_that_leads_into_a_list_is_never_left_at_the_foot_of_a_page() {
        let mut moved = 0;
        for k in 0..40 {
            // From a little less than a page to a little more, a sentence
            // (half a line) at a time: the lead-in meets the foot of page 1.
            let filler = "Een zin die de eerste pagina vult tot onderaan. ".repeat(90 + k);
            // (Text after the list, so that no last page is left short and
            // the list's page is laid out as it falls.)
            let tail = "Een zin na de lijst, die de tweede pagina vult. ".repeat(80);
            let laid = lay(&format!(
                "{filler}\n\nDe volgende platforms zijn gevraagd:\n\n- Facebook\n- Twitter\n\n{tail}\n"
            ));
            let all = texts(&laid);
            let page_of =
                |needle: &str| all.iter().find(|(_, t)| t.contains(needle)).map(|(p, _)| *p).unwrap();
            let (lead, list) = (page_of("De volgende platforms"), page_of("Facebook"));
            assert_eq!(lead, list, "k={k}: the lead-in on page {}, its list on page {}", lead + 1, list + 1);
            let filler_ends =
                all.iter().filter(|(_, t)| t.contains("onderaan")).map(|(p, _)| *p).max().unwrap();
            moved += usize::from(filler_ends < lead);
        }
        assert!(moved > 0, "some lead-in went to the next page with its list");
    }

    #[test]
    fn long_words_and_urls_are_broken_not_overflowed() {
        let md = format!(
            "Zie https://archief28.sitearchief.nl/{} en de verkiezingsprocesbeveiligingsmaatregelenonderzoekscommissie.",
            "a".repeat(300)
        );
        let laid = lay(&md);
        within_margins(&laid);
    }

    #[test]
    fn a_word_of_400000_characters_is_cut_into_full_lines_in_linear_time() {
        let word = "x".repeat(400_000);
        // (Its speed is measured in the notes, not here: ~0.1 s.)
        let laid = lay(&format!("Begin {word} eind."));
        within_margins(&laid);
        let text: String =
            texts(&laid).into_iter().filter(|(_, t)| !t.starts_with("Pagina")).map(|(_, t)| t).collect();
        assert_eq!(text.matches('x').count(), 400_000, "every character, once");
        assert!(text.starts_with("Begin") && text.ends_with("eind."));
    }

    #[test]
    fn a_big_table_breaks_across_pages_and_repeats_its_header() {
        let mut md = String::from(
            "| Nr. | Datum | Document | Bijlage | Beoordeling | Weigeringsgronden |\n| ---: | --- | --- | ---: | --- | --- |\n",
        );
        for i in 1..=300 {
            md.push_str(&format!("| {i} | 9 maart 2021 | Bericht van Ministerie van BZK aan Facebook | {i} | deels openbaar | 5.1.2e |\n"));
        }
        let laid = lay(&md);
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
    fn a_table_over_many_pages_is_one_table_whose_repeated_header_is_an_artifact() {
        let mut md = String::from("| Nr. | Document |\n| ---: | --- |\n");
        for i in 1..=200 {
            md.push_str(&format!("| {i} | Bericht van Ministerie van BZK aan Facebook |\n"));
        }
        let laid = lay(&md);
        assert!(laid.pages.len() > 3);
        let tables: BTreeSet<ElemId> = laid
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| match i.tag() {
                Tag::Content(e) => {
                    let mut e = e;
                    while let Some(p) = laid.tree.elems[e as usize].parent.filter(|&p| p != 0) {
                        e = p;
                    }
                    Some(e)
                }
                Tag::Artifact(_) => None,
            })
            .collect();
        assert_eq!(tables.len(), 1, "every cell is in one table");
        for (n, page) in laid.pages.iter().enumerate() {
            let header = page
                .items
                .iter()
                .find(|i| matches!(i, Item::Text { text, .. } if text == "Document"))
                .unwrap();
            match (n, header.tag()) {
                (0, Tag::Content(e)) => assert_eq!(laid.tree.elems[e as usize].kind, tree::Kind::TH),
                (0, other) => panic!("the header is content on its first page: {other:?}"),
                (_, tag) => assert_eq!(tag, Tag::Artifact(Artifact::Repeated), "page {n}"),
            }
        }
    }

    #[test]
    fn the_letterhead_is_read_before_the_text_and_every_text_is_in_an_element() {
        let p = crate::answers::parse::parse("# Antwoord\n\nTekst.", Audience::Public).unwrap();
        let head = Letterhead {
            sender: "Ministerie".into(),
            rows: vec![("Datum".into(), "2 december 2022".into())],
            letter: None,
        };
        let laid = layout(
            &[Section { new_page: false, blocks: p.blocks }],
            &[],
            PageStyle::default(),
            &head,
            &Fonts,
        );
        let elem_of = |s: &str| {
            laid.pages[0]
                .items
                .iter()
                .find_map(|i| match i {
                    Item::Text { text, tag: Tag::Content(e), .. } if text.replace('\u{A0}', " ") == s => {
                        Some(*e)
                    }
                    _ => None,
                })
                .unwrap()
        };
        let (sender, row, title) = (elem_of("Ministerie"), elem_of("Datum"), elem_of("Antwoord"));
        assert!(sender < row && row < title, "{sender} {row} {title}");
        assert_eq!(elem_of("2 december 2022"), row, "label and value are one paragraph");
        for item in &laid.pages[0].items {
            if let Item::Text { text, tag, .. } = item {
                assert!(matches!(tag, Tag::Content(_)) || text.starts_with("Pagina"), "{text:?} is {tag:?}");
            }
        }
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
        let laid = lay(&md);
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
        let laid = lay(&md);
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
        let laid = lay(md);
        assert_eq!(laid.pages.len(), 3);
        let titles: Vec<(&str, usize)> = laid.outline.iter().map(|o| (o.title.as_str(), o.page)).collect();
        assert_eq!(
            titles,
            [("Bijlagen", 0), ("Inventarislijst", 0), ("Bijlage 1 – Een", 1), ("Bijlage 2 – Twee", 2)]
        );
    }

    #[test]
    fn a_short_quoted_letter_is_not_split_over_pages() {
        let mut md = String::new();
        for i in 0..38 {
            md.push_str(&format!("Alinea {i} die ruimte inneemt op de pagina.\n\n"));
        }
        md.push_str("### Document 1\n\nDatum: 9 maart 2021\\\nVan: BZK\\\nAan: Meta\n\n> Geachte heer,\n>\n> Een korte brief.\n>\n> Met vriendelijke groet,\n> [5.1.2e]\n\n*Reconstructie.*\n");
        let laid = lay(&md);
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
        let laid = lay(&md);
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
        let laid = lay(&md);
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
        let laid = lay(&md);
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
        let laid = lay(&md);
        let n = laid.pages.len();
        for (i, page) in laid.pages.iter().enumerate() {
            let label = format!("Pagina {} van {n}", i + 1);
            assert!(page.items.iter().any(|it| matches!(it, Item::Text { text, .. } if *text == label)));
        }
    }

    #[test]
    fn redactions_are_boxes_and_missing_glyphs_are_reported() {
        let laid = lay("Geachte [[5.1.2e: Jan]], 😀");
        let items = &laid.pages[0].items;
        assert!(items.iter().any(|i| matches!(i, Item::Rect { color, .. } if *color == BLACK)));
        assert!(
            items
                .iter()
                .any(|i| matches!(i, Item::Text { text, color, .. } if text == "5.1.2e" && *color == WHITE))
        );
        assert!(laid.missing.contains(&'😀'));
        let p =
            crate::answers::parse::parse("Geachte [[5.1.2e: Jan 😺]]", crate::document::Audience::Internal)
                .unwrap();
        let internal = layout(
            &[Section { new_page: false, blocks: p.blocks }],
            &[],
            PageStyle::default(),
            &Letterhead::default(),
            &Fonts,
        );
        assert!(
            internal.missing.is_empty() && internal.missing_withheld,
            "a withheld word's glyphs are not named"
        );
    }

    #[test]
    fn no_character_is_drawn_that_the_font_cannot_show() {
        // Every drawn character is in the face it is drawn in: the writer
        // subsets exactly those, so no glyph is ever .notdef.
        let md = "Emoji 😀, onbekend \u{378}, privé \u{E000}, zacht\u{AD}af\u{AD}breek, nul\u{200B}breedte, \
                  tab\there, [[5.1.2e: 😀]] en **vet 😀** *cursief \u{378}*.";
        let laid = lay(md);
        assert!(
            Fonts.has(Face::Regular, crate::backend::pdf::fonts::FALLBACK),
            "the mark for what is missing"
        );
        let mut drawn = String::new();
        for item in laid.pages.iter().flat_map(|p| &p.items) {
            if let Item::Text { face, text, .. } = item {
                for c in text.chars() {
                    assert!(c == ' ' || Fonts.has(*face, c), "{c:?} in {face:?} has no glyph");
                }
                drawn.push_str(text);
            }
        }
        assert!(drawn.contains("zachtafbreek"), "a soft hyphen in the text is not drawn: {drawn}");
        assert!(drawn.contains("nulbreedte") || drawn.contains("nul\u{200B}breedte"), "{drawn}");
        assert_eq!(laid.missing, BTreeSet::from(['😀', '\u{378}', '\u{E000}']));
    }

    #[test]
    fn dutch_words_are_hyphenated_when_a_line_would_be_loose() {
        let word = "verkiezingsprocesbeveiligingsmaatregelen";
        let measure = Geometry::a4().measure();
        let filler = Fonts.width(Face::Regular, "Aaaa ", BODY);
        let count = ((measure * 0.75) / filler) as usize;
        assert!(Fonts.width(Face::Regular, word, BODY) > measure - count as f32 * filler);
        let md = "Aaaa ".repeat(count) + word + " en verder.";
        let laid = lay(&md);
        let t = texts(&laid);
        let first = &t[0].1;
        // The added hyphen is a soft hyphen, drawn as wide as a hyphen: text
        // extraction knows the word goes on.
        assert!(first.ends_with('\u{AD}') && first.contains(" verkiezings"), "{t:?}");
        assert_eq!(Fonts.width(Face::Regular, "\u{AD}", BODY), Fonts.width(Face::Regular, "-", BODY));
        let head = first.rsplit(' ').next().unwrap().trim_end_matches('\u{AD}');
        assert_eq!(format!("{head}{}", t[1].1.split(' ').next().unwrap()), word, "{t:?}");
    }
}
