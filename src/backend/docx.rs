//! Word documents for the approval chain (the parafenlijn): a document as a
//! `.docx` that colleagues edit and comment on. Built with docx-rs: real
//! heading styles (Heading 1–3, so Word's navigation pane works), Word
//! footnotes, numbered and bulleted lists, hyperlinks, tables whose header
//! row repeats on every page, a page break before every annex, and a
//! withheld passage as a black run with the ground in white (the words only
//! in the internal document, highlighted). What docx-rs 0.4 does not offer
//! is set in the built package: the core properties (title, author = the
//! ministry, language, dates from the document), the repeating header row
//! (`w:tblHeader`) and Normal as the default paragraph style. Footnotes are numbered by the document, not
//! by docx-rs's process-wide counter, and the ZIP entries carry no clock
//! time (1980-01-01), so the same document gives the same bytes.

use super::{Backend, BackendError, RenderContext, Rendered};
use crate::document::{Align, Block, Document, Heading, Inline, List, Span, Table};
use docx_rs::{
    AbstractNumbering, BreakType, Footnote, Hyperlink, HyperlinkData, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, Run, RunFonts, Shading, Start, Style,
    StyleType, TableCell, TableRow,
};
use std::collections::HashMap;

/// Writes `.docx` files.
pub struct Docx;

impl Backend for Docx {
    fn extension(&self) -> &'static str {
        "docx"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, BackendError> {
        let doc = ctx.doc()?;
        let size = doc.text_len();
        if size > TEXT_LIMIT {
            return Err(BackendError::DocxTooLarge { bytes: size, limit: TEXT_LIMIT });
        }
        let mut docx = docx_rs::Docx::new()
            .page_size(PAGE_WIDTH as u32, PAGE_HEIGHT as u32)
            .page_margin(
                docx_rs::PageMargin::new()
                    .top(MARGIN_TOP)
                    .bottom(MARGIN_BOTTOM)
                    .left(MARGIN_LEFT)
                    .right(MARGIN_RIGHT)
                    .header(567)
                    .footer(567),
            )
            .header(header(doc))
            .footer(footer())
            .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
            .add_abstract_numbering(numbering(DECIMAL))
            .add_numbering(Numbering::new(DECIMAL, DECIMAL))
            .add_abstract_numbering(numbering(BULLET))
            .add_numbering(Numbering::new(BULLET, BULLET));
        // A letter's first page is its letterhead: there the header holds
        // only the page mark (never the running line over the logo).
        if doc.meta.letter.is_some() {
            docx = docx.first_header(first_header(doc)).first_footer(footer()).title_pg();
        }
        for level in 1..=3usize {
            docx = docx.add_style(
                Style::new(format!("Heading{level}"), StyleType::Paragraph)
                    .name(format!("heading {level}"))
                    .based_on("Normal")
                    .next("Normal")
                    .bold()
                    .size([32, 26, 22][level - 1])
                    .outline_lvl(level - 1)
                    .line_spacing(LineSpacing::new().before(240).after(80)),
            );
        }
        docx = docx.add_style(
            Style::new(TABLE_TEXT, StyleType::Paragraph).name("Table Text").based_on("Normal").size(17),
        );
        docx = docx.add_style(
            Style::new(COLOFON, StyleType::Paragraph)
                .name("Colofon")
                .based_on("Normal")
                .size(14)
                .line_spacing(LineSpacing::new().after(100)),
        );
        docx = docx.add_style(
            Style::new("Quote", StyleType::Paragraph).name("Quote").based_on("Normal").indent(
                Some(567),
                None,
                None,
                None,
            ),
        );
        let mut w = Writer {
            notes: HashMap::new(),
            doc,
            docx: Some(docx),
            page_break: false,
            links: 0,
            in_note: false,
        };
        w.front(doc);
        for (i, section) in doc.sections.iter().enumerate() {
            // Each annex starts a page.
            w.page_break = section.new_page && i > 0;
            for block in &section.blocks {
                w.block(block, 0);
            }
        }
        w.signature(doc);
        let docx = w.docx.take().unwrap_or_default();
        let date = doc.meta.date().to_string();
        let stamp = format!("{date}T12:00:00Z");
        let mut xml = docx.created_at(&stamp).updated_at(&stamp).build();
        xml.doc_props.core = core_properties(doc, &stamp).into_bytes();
        xml.document = repeat_header_rows(&xml.document);
        // The logo is placed on the page beside the wordmark; docx-rs has
        // text wrap around it, which pushes the wordmark under it in Word
        // and LibreOffice. It stands apart instead (the only picture).
        if doc.meta.letter.as_ref().is_some_and(|l| l.logo.is_some()) {
            xml.document = String::from_utf8_lossy(&xml.document)
                .replacen(r#"<wp:wrapSquare wrapText="bothSides" />"#, "<wp:wrapNone />", 1)
                .into_bytes();
        }
        // Normal is the default paragraph style (readers that look for
        // `w:default` find it).
        xml.styles = String::from_utf8_lossy(&xml.styles)
            .replacen(r#"w:styleId="Normal">"#, r#"w:styleId="Normal" w:default="1">"#, 1)
            .into_bytes();
        xml.styles = language(&xml.styles, &doc.meta.language);
        let bytes = pack(xml).map_err(BackendError::Docx)?;
        Ok(Rendered { bytes, pages: 0, warnings: Vec::new() })
    }
}

/// The package as a ZIP archive: the parts docx-rs makes for a document
/// like ours (one header and one footer, the logo as the only image; no
/// add-ins), deflated, in a fixed
/// order, every entry dated 1980-01-01 (no clock time: the same document
/// gives the same bytes).
fn pack(xml: docx_rs::XMLDocx) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default());
    let headers = xml.headers.iter().enumerate().map(|(i, h)| (format!("word/header{}.xml", i + 1), h));
    let footers = xml.footers.iter().enumerate().map(|(i, f)| (format!("word/footer{}.xml", i + 1), f));
    let pages: Vec<(String, &Vec<u8>)> = headers.chain(footers).collect();
    let parts: [(&str, &[u8]); 13] = [
        ("[Content_Types].xml", &xml.content_type),
        ("_rels/.rels", &xml.rels),
        ("docProps/app.xml", &xml.doc_props.app),
        ("docProps/core.xml", &xml.doc_props.core),
        ("docProps/custom.xml", &xml.doc_props.custom),
        ("word/_rels/document.xml.rels", &ordered_relationships(&xml.document_rels)),
        ("word/document.xml", &xml.document),
        ("word/styles.xml", &xml.styles),
        ("word/settings.xml", &xml.settings),
        ("word/fontTable.xml", &xml.font_table),
        ("word/comments.xml", &xml.comments),
        ("word/numbering.xml", &xml.numberings),
        ("word/footnotes.xml", &xml.footnotes),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
    }
    zip.start_file("word/commentsExtended.xml", options)?;
    zip.write_all(&xml.comments_extended)?;
    for (name, bytes) in pages {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
    }
    // The letter's logo (a PNG, stored as it is: deflating it again gains
    // nothing).
    for (id, bytes) in &xml.media {
        zip.start_file(
            format!("word/media/{id}.png"),
            options.compression_method(zip::CompressionMethod::Stored).compression_level(None),
        )?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The relationships part with its `Relationship` elements in one order:
/// docx-rs writes the hyperlinks' in hash order, a different one each run,
/// so two builds of one document differed. Each element's place is taken
/// by the elements sorted by their `Id` (digits compared as numbers:
/// `rIdHyperlink2` before `rIdHyperlink10`); the order of relationships
/// carries no meaning in OPC (ISO/IEC 29500-2, 9.3), their Ids do.
fn ordered_relationships(part: &[u8]) -> Vec<u8> {
    const OPEN: &[u8] = b"<Relationship ";
    let Some(first) = part.windows(OPEN.len()).position(|w| w == OPEN) else { return part.to_vec() };
    let mut elements: Vec<&[u8]> = Vec::new();
    let mut at = first;
    while part[at..].starts_with(OPEN) {
        let Some(len) = part[at..].windows(2).position(|w| w == b"/>") else { return part.to_vec() };
        elements.push(&part[at..at + len + 2]);
        at += len + 2;
    }
    elements.sort_by_cached_key(|e| id_key(e));
    let mut out = part[..first].to_vec();
    elements.iter().for_each(|e| out.extend_from_slice(e));
    out.extend_from_slice(&part[at..]);
    out
}

/// An element's `Id` as (its letters, its number), to sort by.
fn id_key(element: &[u8]) -> (Vec<u8>, u64) {
    let text = String::from_utf8_lossy(element);
    let id = text.split(" Id=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_default();
    let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    let letters = id.as_bytes()[..id.len() - digits.len()].to_vec();
    (letters, digits.parse().unwrap_or(u64::MAX))
}

/// The most text a Word document is made of (some 1,500 pages): docx-rs
/// keeps every paragraph as a ~2.5 KB value until the package is written,
/// so memory grows with the document (the 10,000-report register's annexes,
/// 17.6 MiB of text, took 3.1 GB; 1,500 reports' annexes 490 MB for the
/// whole build).
pub const TEXT_LIMIT: usize = 2 << 20;

/// The page margins in twentieths of a point, as the PDF's (25 mm left,
/// 20 mm right and top, 22 mm at the foot).
const MARGIN_LEFT: i32 = 1417;
const MARGIN_RIGHT: i32 = 1134;
const MARGIN_TOP: i32 = 1134;
const MARGIN_BOTTOM: i32 = 1247;
/// A4 in twentieths of a point, and its width in millimetres.
const PAGE_WIDTH: i32 = 11906;
const PAGE_HEIGHT: i32 = 16838;
const PAGE_WIDTH_MM: f32 = 210.0;
/// The width of the text, in twentieths of a point.
const TEXT_WIDTH: usize = (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// The paragraph style of table cells (8.5 pt) and of a letter's sender
/// column (7 pt).
const TABLE_TEXT: &str = "TableText";
const COLOFON: &str = "Colofon";

/// The header on every page: the classification of an internal document
/// ("INTERN – NIET OPENBAAR") and a draft's "CONCEPT" ([`crate::document::Meta::page_mark`]), and the document's title as a running head.
fn header(doc: &Document) -> docx_rs::Header {
    let h = first_header(doc);
    let running = match &doc.meta.letter {
        Some(_) => format!("{} – {}", doc.meta.ministry, doc.meta.date_line()),
        None => doc.meta.title.clone(),
    };
    h.add_paragraph(
        Paragraph::new()
            .align(docx_rs::AlignmentType::Right)
            .add_run(Run::new().add_text(running).size(14).color("595959")),
    )
}

/// The page mark of an internal document or a draft, centred in red.
fn page_mark(doc: &Document) -> Option<Paragraph> {
    let c = doc.meta.page_mark()?;
    Some(
        Paragraph::new()
            .align(docx_rs::AlignmentType::Center)
            .add_run(Run::new().add_text(c).bold().color("C00000").size(18)),
    )
}

/// A letter's first-page header: the page mark alone (an internal or draft
/// letter says so on page 1 too).
fn first_header(doc: &Document) -> docx_rs::Header {
    let mut h = docx_rs::Header::new();
    if let Some(p) = page_mark(doc) {
        h = h.add_paragraph(p);
    }
    h
}

/// The footer on every page: "Pagina N van M", both numbers fields that
/// Word fills in (PAGE, NUMPAGES).
fn footer() -> docx_rs::Footer {
    use docx_rs::{FieldCharType, InstrNUMPAGES, InstrPAGE, InstrText};
    // A field as Word writes it, a run for each part: LibreOffice sets the
    // number in the size of the run that holds it, and a field in one run
    // came out at the body size.
    let field = |p: Paragraph, instr: InstrText| {
        p.add_run(Run::new().size(16).add_field_char(FieldCharType::Begin, false))
            .add_run(Run::new().size(16).add_instr_text(instr))
            .add_run(Run::new().size(16).add_field_char(FieldCharType::Separate, false))
            .add_run(Run::new().size(16).add_text("1"))
            .add_run(Run::new().size(16).add_field_char(FieldCharType::End, false))
    };
    let p = Paragraph::new()
        .align(docx_rs::AlignmentType::Right)
        .add_run(Run::new().add_text("Pagina ").size(16));
    let p = field(p, InstrText::PAGE(InstrPAGE::new())).add_run(Run::new().add_text(" van ").size(16));
    docx_rs::Footer::new().add_paragraph(field(p, InstrText::NUMPAGES(InstrNUMPAGES::new())))
}

/// The document's language (`nl-NL`) on every run, as the default of the
/// styles part (`w:lang` in `w:rPrDefault`): Word spell-checks it as Dutch
/// and a screen reader reads it so. docx-rs has no setter for it.
fn language(styles: &[u8], lang: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    let lang = super::xml::escape(lang);
    let mark = format!("<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\" />");
    match text.find("<w:rPrDefault>").and_then(|at| text[at..].find("<w:rPr>").map(|r| at + r + 7)) {
        Some(at) => format!("{}{mark}{}", &text[..at], &text[at..]).into_bytes(),
        None => text.into_owned().into_bytes(),
    }
}

/// Column widths for a table across the text, in twentieths of a point:
/// each column at least as wide as its longest word (a header is never
/// split inside a word), the rest shared by how much text each holds.
fn column_widths(t: &Table) -> Vec<usize> {
    let cols = t.header.len().max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    if cols == 0 {
        return Vec::new();
    }
    // About 0.55 em a character at 8.5 pt, in twips, plus the cell's margins.
    // (Measured for Calibri and its metric twin Carlito, which LibreOffice
    // uses in its place; a wider fallback face breaks more.)
    let per_char = |bold: bool| if bold { 110 } else { 92 };
    let mut min = vec![0usize; cols];
    // What each header needs whole: kept when the columns must shrink.
    let mut head = vec![0usize; cols];
    let mut want = vec![0usize; cols];
    for (r, row) in std::iter::once(&t.header).chain(&t.rows).enumerate() {
        for (i, cell) in row.iter().enumerate() {
            // As the cell is written: a date held together is one word.
            let text = super::typography::keep_together(&crate::document::plain::text(cell)).into_owned();
            let split = |c: char| c.is_whitespace() && c != '\u{a0}';
            // Word breaks a long id after its hyphens; a header not at all.
            let words: Vec<usize> = if r == 0 {
                text.split(split).filter(|w| !w.is_empty()).map(|w| w.chars().count()).collect()
            } else {
                text.split(|c: char| split(c) || c == '-' || c == '/')
                    .map(|w| w.chars().count() + 1)
                    .collect()
            };
            let longest = words.into_iter().max().unwrap_or(0);
            min[i] = min[i].max(longest * per_char(r == 0) + 230);
            if r == 0 {
                head[i] = min[i];
            }
            want[i] = want[i].max(text.chars().count().min(40) * per_char(false) + 230);
        }
    }
    let total: usize = min.iter().sum();
    if total >= TEXT_WIDTH {
        // Too wide even at each column's longest word: every header keeps
        // its width, the rest is shared by what the cells would need more.
        let heads: usize = head.iter().sum();
        if heads >= TEXT_WIDTH {
            return min.iter().map(|m| m * TEXT_WIDTH / total).collect();
        }
        let over: usize = min.iter().zip(&head).map(|(m, h)| m - h).sum::<usize>().max(1);
        let mut widths: Vec<usize> =
            min.iter().zip(&head).map(|(m, h)| h + (m - h) * (TEXT_WIDTH - heads) / over).collect();
        // (What the rounding left goes to the last column: they span the text.)
        let left = TEXT_WIDTH - widths.iter().sum::<usize>().min(TEXT_WIDTH);
        if let Some(last) = widths.last_mut() {
            *last += left;
        }
        return widths;
    }
    let extra = TEXT_WIDTH - total;
    let room: Vec<usize> = want.iter().zip(&min).map(|(w, m)| w.saturating_sub(*m)).collect();
    let room_total: usize = room.iter().sum::<usize>().max(1);
    let mut widths: Vec<usize> = min.iter().zip(&room).map(|(m, r)| m + extra * r / room_total).collect();
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH.saturating_sub(used);
    }
    widths
}

const DECIMAL: usize = 1;
const BULLET: usize = 2;

/// A list numbering: "1.", "2." at every level for `DECIMAL`, a bullet
/// for `BULLET`.
fn numbering(id: usize) -> AbstractNumbering {
    let format = if id == DECIMAL { "decimal" } else { "bullet" };
    let mut n = AbstractNumbering::new(id);
    for level in 0..6 {
        let text = if id == DECIMAL { format!("%{}.", level + 1) } else { "•".to_string() };
        n = n.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(360 * (level as i32 + 1)),
                Some(docx_rs::SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    n
}

struct Writer<'d> {
    doc: &'d Document,
    /// Footnote numbers by label, in order of first reference.
    notes: HashMap<String, usize>,
    /// The document being built (paragraphs go straight in: docx-rs's are
    /// large, and a register's annexes have a hundred thousand of them).
    docx: Option<docx_rs::Docx>,
    /// Whether what comes next starts a page.
    page_break: bool,
    /// Hyperlinks made so far.
    links: usize,
    /// Whether a footnote's text is being written.
    in_note: bool,
}

impl Writer<'_> {
    fn paragraph(&mut self, mut p: Paragraph) {
        if std::mem::take(&mut self.page_break) {
            p = p.page_break_before(true);
        }
        self.docx = self.docx.take().map(|d| d.add_paragraph(p));
    }

    fn add_table(&mut self, t: docx_rs::Table) {
        if self.page_break {
            self.paragraph(Paragraph::new());
        }
        self.docx = self.docx.take().map(|d| d.add_table(t));
    }

    /// The letterhead: classification, sender and the letterhead rows; a
    /// letter's in the Rijkshuisstijl.
    fn front(&mut self, doc: &Document) {
        if doc.meta.letter.is_some() {
            return self.letterhead(doc);
        }
        if let Some(c) = &doc.meta.classification {
            self.paragraph(Paragraph::new().add_run(Run::new().add_text(c).bold().color("C00000")));
        }
        self.paragraph(Paragraph::new().add_run(Run::new().add_text(&doc.meta.ministry).bold()));
        for (label, value) in doc.meta.letterhead() {
            self.paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(format!("{label}: ")).color("737373").size(16))
                    .add_run(Run::new().add_text(super::typography::keep_together(&value)).size(18)),
            );
        }
    }

    /// A letter's head: the wordmark right of the centre (where the logo
    /// stands), then a table without borders: the return address, the
    /// addressee, Datum and Betreft on the left, the sender column on the
    /// right.
    fn letterhead(&mut self, doc: &Document) {
        let m = &doc.meta;
        let Some(l) = &m.letter else { return };
        let mut wordmark = Paragraph::new()
            .indent(Some((TEXT_WIDTH / 2 + 200) as i32), None, None, None)
            .line_spacing(LineSpacing::new().before(600).after(1000));
        if let Some(logo) = &l.logo {
            // Left of the wordmark, placed on the page as the PDF places it.
            let emu = |mm: f32| (mm * 36_000.0).round() as i32;
            let [x, y, w, h] = logo.placed(PAGE_WIDTH_MM);
            let pic = docx_rs::Pic::new_with_dimensions(logo.png.clone(), logo.width, logo.height)
                .id("rIdLogo")
                .size(emu(w) as u32, emu(h) as u32)
                .floating()
                .relative_from_h(docx_rs::RelativeFromHType::Page)
                .relative_from_v(docx_rs::RelativeFromVType::Page)
                .offset_x(emu(x))
                .offset_y(emu(y));
            wordmark = wordmark.add_run(Run::new().add_image(pic));
        }
        self.paragraph(wordmark.add_run(Run::new().add_text(&m.ministry).size(19)));
        let mut left = TableCell::new().width(TEXT_WIDTH - 2400, docx_rs::WidthType::Dxa).clear_all_border();
        if let Some(r) = &l.return_address {
            left = left.add_paragraph(
                Paragraph::new()
                    .line_spacing(LineSpacing::new().after(80))
                    .add_run(Run::new().add_text(format!("> Retouradres {r}")).size(13)),
            );
        }
        let mut addressee = Paragraph::new().line_spacing(LineSpacing::new().after(600));
        for (i, a) in m.addressee().iter().enumerate() {
            if i > 0 {
                addressee = addressee.add_run(Run::new().add_break(BreakType::TextWrapping));
            }
            addressee = addressee.add_run(Run::new().add_text(a));
        }
        left = left.add_paragraph(addressee);
        for (label, value) in m.letter_rows() {
            // The value after a tab, a long Betreft wrapping under itself,
            // not under its label; a date held together.
            const VALUE_AT: i32 = 1134;
            left = left.add_paragraph(
                Paragraph::new()
                    .indent(Some(VALUE_AT), Some(docx_rs::SpecialIndentType::Hanging(VALUE_AT)), None, None)
                    .add_tab(docx_rs::Tab::new().val(docx_rs::TabValueType::Left).pos(VALUE_AT as usize))
                    .add_run(Run::new().add_text(format!("{label}\t")).color("595959").size(16))
                    .add_run(Run::new().add_text(super::typography::keep_together(&value))),
            );
        }
        let mut right = TableCell::new().width(2400, docx_rs::WidthType::Dxa).clear_all_border();
        for item in m.colofon() {
            let mut p = Paragraph::new().style(COLOFON);
            let mut first = true;
            if let Some(label) = item.label {
                p = p.add_run(Run::new().add_text(label).bold());
                first = false;
            }
            for line in &item.lines {
                if !first {
                    p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                }
                first = false;
                let r = Run::new().add_text(line);
                p = p.add_run(if item.strong { r.bold() } else { r });
            }
            right = right.add_paragraph(p);
        }
        let table = docx_rs::Table::new(vec![TableRow::new(vec![left, right]).cant_split()])
            .set_grid(vec![TEXT_WIDTH - 2400, 2400])
            .width(TEXT_WIDTH, docx_rs::WidthType::Dxa)
            .layout(docx_rs::TableLayoutType::Fixed)
            .clear_all_border();
        self.add_table(table);
        self.paragraph(Paragraph::new().line_spacing(LineSpacing::new().after(240)));
    }

    /// A letter's closing, the room to sign, and the signatory.
    fn signature(&mut self, doc: &Document) {
        let Some(l) = &doc.meta.letter else { return };
        if let Some(c) = &l.closing {
            self.paragraph(
                Paragraph::new()
                    .keep_next(true)
                    .line_spacing(LineSpacing::new().before(240).after(1100))
                    .add_run(Run::new().add_text(c)),
            );
        }
        if let Some(n) = &l.signatory {
            self.paragraph(Paragraph::new().add_run(Run::new().add_text(n)));
        }
    }

    fn block(&mut self, block: &Block, depth: usize) {
        match block {
            Block::Heading(Heading { level, spans, .. }) => {
                let style = format!("Heading{}", (*level).clamp(1, 3));
                let p = self.runs(Paragraph::new().style(&style).keep_next(true), spans);
                self.paragraph(p);
            }
            Block::Paragraph(spans) => {
                // 6 pt between paragraphs, as the PDF has.
                let p = self.runs(Paragraph::new().line_spacing(LineSpacing::new().after(120)), spans);
                self.paragraph(p);
            }
            Block::List(List { start, items, .. }) => {
                let id = if start.is_some() { DECIMAL } else { BULLET };
                for item in items {
                    for (j, b) in item.iter().enumerate() {
                        match b {
                            Block::Paragraph(spans) if j == 0 => {
                                let p =
                                    Paragraph::new().numbering(NumberingId::new(id), IndentLevel::new(depth));
                                let p = self.runs(p, spans);
                                self.paragraph(p);
                            }
                            other => self.block(other, depth + 1),
                        }
                    }
                }
            }
            Block::Quote(blocks) => {
                for b in blocks {
                    match b {
                        Block::Paragraph(spans) => {
                            let p = self.runs(Paragraph::new().style("Quote"), spans);
                            self.paragraph(p);
                        }
                        other => self.block(other, depth),
                    }
                }
            }
            Block::Table(t) => {
                let table = self.table(t);
                self.add_table(table);
            }
            Block::Rule => self.paragraph(Paragraph::new()),
        }
    }

    fn table(&mut self, t: &Table) -> docx_rs::Table {
        let widths = column_widths(t);
        let width = |i: usize| widths.get(i).copied().unwrap_or(0);
        let cell = |w: &mut Self, spans: &[Span], align: Align, bold: bool| {
            let mut p = Paragraph::new().style(TABLE_TEXT);
            p = match align {
                Align::Right => p.align(docx_rs::AlignmentType::Right),
                Align::Center => p.align(docx_rs::AlignmentType::Center),
                _ => p,
            };
            let p = w.runs_styled(p, spans, bold);
            TableCell::new().add_paragraph(p)
        };
        let align = |i: usize| t.aligns.get(i).copied().unwrap_or(Align::None);
        let mut rows = Vec::with_capacity(t.rows.len() + 1);
        let sized = |c: TableCell, i: usize| c.width(width(i), docx_rs::WidthType::Dxa);
        // A key–value table has no header row: its keys are in bold.
        let keys = t.row_headers();
        if !keys {
            let head: Vec<TableCell> =
                t.header.iter().enumerate().map(|(i, c)| sized(cell(self, c, align(i), true), i)).collect();
            rows.push(TableRow::new(head).cant_split());
        }
        for row in &t.rows {
            // A row stays on one page.
            let row = TableRow::new(
                row.iter()
                    .enumerate()
                    .map(|(i, c)| sized(cell(self, c, align(i), keys && i == 0), i))
                    .collect(),
            );
            // (A row that may split marks no header: `repeat_header_rows`.)
            rows.push(if keys { row } else { row.cant_split() });
        }
        docx_rs::Table::new(rows)
            .set_grid(widths.clone())
            .width(TEXT_WIDTH, docx_rs::WidthType::Dxa)
            .layout(docx_rs::TableLayoutType::Fixed)
    }

    fn runs(&mut self, p: Paragraph, spans: &[Span]) -> Paragraph {
        self.runs_styled(p, spans, false)
    }

    /// Spans as runs; a link's spans in one hyperlink.
    fn runs_styled(&mut self, mut p: Paragraph, spans: &[Span], bold: bool) -> Paragraph {
        for group in spans.chunk_by(|a, b| a.style.link == b.style.link) {
            let runs: Vec<Run> = group.iter().filter_map(|s| self.run(s, bold)).collect();
            // (No hyperlink inside a footnote: docx-rs writes no relations
            // for footnotes. The address shows there as text.)
            match group[0].style.link.as_deref().filter(|u| super::safe_url(u) && !self.in_note) {
                Some(url) => {
                    // Numbered by the document: docx-rs's own ids come from
                    // a process-wide counter.
                    self.links += 1;
                    let mut link = Hyperlink {
                        link: HyperlinkData::External {
                            rid: format!("rIdHyperlink{}", self.links),
                            path: super::xml::escape(url),
                        },
                        history: None,
                        children: Vec::new(),
                    };
                    for r in runs {
                        link = link.add_run(r.color("0563C1").underline("single"));
                    }
                    p = p.add_hyperlink(link);
                }
                None => {
                    for r in runs {
                        p = p.add_run(r);
                    }
                }
            }
        }
        p
    }

    fn run(&mut self, s: &Span, bold: bool) -> Option<Run> {
        let styled = |mut r: Run| {
            if s.style.strong || bold {
                r = r.bold();
            }
            if s.style.emphasis {
                r = r.italic();
            }
            r
        };
        Some(match &s.inline {
            Inline::Text(t) | Inline::Html(t) => {
                styled(Run::new().add_text(super::typography::keep_together(t)))
            }
            Inline::Code(t) => styled(Run::new().add_text(t).fonts(RunFonts::new().ascii("Consolas"))),
            Inline::SoftBreak => Run::new().add_text(" "),
            Inline::LineBreak => Run::new().add_break(BreakType::TextWrapping),
            Inline::NoteRef(label) => {
                // A note cited again: its number, as in the other formats
                // (a Word footnote has one reference).
                if let Some(n) = self.notes.get(label) {
                    let mut r = Run::new().add_text(n.to_string());
                    r.run_property = r.run_property.vert_align(docx_rs::VertAlignType::SuperScript);
                    return Some(r);
                }
                let n = self.notes.len() + 1;
                self.notes.insert(label.clone(), n);
                self.in_note = true;
                let content = self
                    .doc
                    .notes
                    .iter()
                    .find(|note| &note.label == label)
                    .map(|note| {
                        note.blocks
                            .iter()
                            .filter_map(|b| match b {
                                // (A space after the note's number.)
                                Block::Paragraph(spans) => {
                                    Some(self.runs(Paragraph::new().add_run(Run::new().add_text(" ")), spans))
                                }
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                self.in_note = false;
                // Numbered by the document (docx-rs counts across the process).
                Run::new().add_footnote_reference(Footnote { id: n, content })
            }
            Inline::Redaction(r) => match &r.words {
                None => Run::new()
                    .add_text(r.ground.code())
                    .bold()
                    .color("FFFFFF")
                    .shading(Shading::new().fill("000000")),
                Some(words) => {
                    Run::new().add_text(format!("[{}: {words}]", r.ground.code())).highlight("yellow")
                }
            },
        })
    }
}

/// `docProps/core.xml`: title, subject, author (the ministry), keywords,
/// language, and the document's date for created and modified.
fn core_properties(doc: &Document, stamp: &str) -> String {
    use super::xml::escape;
    let m = &doc.meta;
    let subject = m.subject.as_deref().unwrap_or("");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:subject>{}</dc:subject>\
         <dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:language>{}</dc:language>\
         <cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified></cp:coreProperties>",
        escape(&m.title),
        escape(subject),
        escape(&m.ministry),
        escape(&m.keywords.join(", ")),
        escape(&m.language),
        escape(&m.ministry),
    )
}

/// Marks the first row of every table as a header row that Word repeats on
/// each page (`<w:tblHeader/>` in its row properties): docx-rs has no
/// setter for it. Every row is made `cant_split`, so the first row's
/// `<w:cantSplit />` is where the mark goes.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest: &str = &text;
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        let first_row = table.find("</w:tr>").unwrap_or(table.len());
        match table[..first_row].find("<w:cantSplit />").or_else(|| table[..first_row].find("<w:cantSplit/>"))
        {
            Some(cs) => {
                out.push_str(&table[..cs]);
                out.push_str("<w:tblHeader />");
                rest = &table[cs..];
            }
            None => {
                out.push_str(&table[..7]);
                rest = &table[7..];
            }
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relationships(ids: &[&str]) -> Vec<u8> {
        let mut x = b"<?xml version=\"1.0\"?><Relationships xmlns=\"x\">".to_vec();
        for id in ids {
            x.extend_from_slice(
                format!("<Relationship Id=\"{id}\" Type=\"t\" Target=\"{id}.xml\" />").as_bytes(),
            );
        }
        x.extend_from_slice(b"</Relationships>");
        x
    }

    proptest::proptest! {
        /// However docx-rs orders the relationships, the part comes out the
        /// same, with every relationship once, numbers in numeric order.
        #[test]
        fn relationships_come_out_in_one_order(n in 0usize..40, seed in proptest::prelude::any::<u64>()) {
            let mut ids: Vec<String> = (1..=5).map(|i| format!("rId{i}")).collect();
            ids.extend((1..=n).map(|i| format!("rIdHyperlink{i}")));
            let sorted = ordered_relationships(&relationships(&ids.iter().map(String::as_str).collect::<Vec<_>>()));
            let mut shuffled = ids.clone();
            let mut state = seed;
            for i in (1..shuffled.len()).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(i, (state >> 33) as usize % (i + 1));
            }
            let again = ordered_relationships(&relationships(&shuffled.iter().map(String::as_str).collect::<Vec<_>>()));
            proptest::prop_assert_eq!(&sorted, &again);
            proptest::prop_assert_eq!(sorted, relationships(&ids.iter().map(String::as_str).collect::<Vec<_>>()));
        }
    }
    use crate::document::{Audience, Section};

    #[test]
    fn a_document_too_large_for_word_is_one_clear_error_not_gigabytes() {
        let md = format!(
            "---\ntitle: x\nauthor: y\ndossier: z\ndate: \"2022-12-02\"\n---\n\n{}",
            "Een alinea met wat tekst.\n\n".repeat(140_000)
        );
        let parsed = crate::answers::parse::parse(&md, Audience::Public).unwrap();
        let meta =
            crate::answers::front_matter::read(parsed.front_matter.as_deref(), Audience::Public).unwrap();
        let doc = Document {
            name: "bijlagen".into(),
            meta,
            sections: vec![Section { new_page: false, blocks: parsed.blocks }],
            notes: Vec::new(),
        };
        assert!(doc.text_len() > TEXT_LIMIT);
        let err = Docx.render(&RenderContext::document(&doc)).unwrap_err().to_string();
        assert!(
            err.contains("more than a Word document is made for") && err.contains("--format docx"),
            "{err}"
        );
    }
}
