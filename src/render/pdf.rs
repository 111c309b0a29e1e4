//! Writes laid-out pages as PDF: the only module that touches printpdf.
//!
//! Each face is subset to the glyphs used (allsorts) before printpdf embeds
//! it; resource names, the document /ID and the dates come from the input,
//! never from the clock or a counter, so the same input gives the same bytes.
//! A final pass (lopdf, through printpdf) adds the outline in document order,
//! the language, and drops printpdf's empty PDF/X claim.

use super::fonts::{FALLBACK, Face, Fonts};
use super::layout::{Color, Item, Laid};
use printpdf::{
    Actions, BorderArray, FontId, LinkAnnotation, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Pt, Rect, TextItem, TextMatrix,
};
use std::collections::{BTreeMap, BTreeSet};

/// Document metadata written into the PDF.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: Vec<String>,
    /// `nl-NL`.
    pub language: String,
    /// Creation and modification date (from the dossier, never the clock), as a Unix time.
    pub date: i64,
    /// Seeds the document /ID; the same input gives the same seed.
    pub id_seed: u64,
}

/// Why a PDF could not be written.
#[derive(Debug)]
pub struct PdfError(pub String);

/// Under `BEANTWOORD_TIMING`, the time and resident memory after a step.
pub(crate) fn step(name: &str, since: std::time::Instant) {
    if std::env::var_os("BEANTWOORD_TIMING").is_none() {
        return;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let rss = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .unwrap_or("VmRSS: ?")
        .trim_start_matches("VmRSS:")
        .trim();
    eprintln!("timing: {name}: {:.3} s, RSS {rss}", since.elapsed().as_secs_f64());
}

/// Pages per printpdf document. A larger document is made in chunks of this
/// many pages, in parallel, then merged: printpdf holds every drawing
/// operation of a document (128 bytes each) until it serializes, on one
/// thread. The chunking depends only on the page count, so the bytes repeat;
/// a document of up to this many pages is made in one piece.
const CHUNK: usize = 1000;

/// Writes `laid` as a PDF file. The layout is consumed chunk by chunk and each
/// intermediate form is dropped as soon as the next exists.
pub fn write(laid: Laid, meta: &Meta) -> Result<Vec<u8>, PdfError> {
    use rayon::prelude::*;
    let t = std::time::Instant::now();
    let fonts = subset_fonts(&laid, &Fonts)?;
    let height = super::layout::Geometry::a4().height;
    let Laid { pages, outline, .. } = laid;
    let mut chunks: Vec<Vec<super::layout::Page>> = Vec::new();
    let mut pages = pages.into_iter().peekable();
    while pages.peek().is_some() {
        chunks.push(pages.by_ref().take(CHUNK).collect());
    }
    if chunks.is_empty() {
        chunks.push(vec![super::layout::Page::default()]);
    }
    let docs: Vec<lopdf::Document> =
        chunks.into_par_iter().map(|c| chunk(c, &fonts, meta)).collect::<Result<_, _>>()?;
    step("  pdf pages (printpdf, in chunks)", t);
    let mut lo = merge(docs)?;
    finish(&mut lo, &outline, meta, height)?;
    step("  pdf merged, outline", t);
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| PdfError(format!("cannot write the PDF: {e}")))?;
    step("  pdf saved", t);
    Ok(out)
}

/// One chunk of pages as a document of its own, its streams compressed.
fn chunk(
    pages: Vec<super::layout::Page>,
    fonts: &[(Face, FontId, ParsedFont)],
    meta: &Meta,
) -> Result<lopdf::Document, PdfError> {
    let geo = super::layout::Geometry::a4();
    let mut doc = PdfDocument::new(&meta.title);
    let mut ids = BTreeMap::new();
    for (face, id, parsed) in fonts {
        doc.resources.fonts.map.insert(id.clone(), PdfFont::new(parsed.clone()));
        ids.insert(*face, id.clone());
    }
    let pdf_pages: Vec<PdfPage> = pages.iter().map(|p| page(p, &ids, geo.width, geo.height)).collect();
    drop(pages);
    doc.with_pages(pdf_pages);
    let info = &mut doc.metadata.info;
    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.date)
        .map_err(|e| PdfError(format!("bad document date: {e}")))?;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = "beantwoord".into();
    info.producer = "beantwoord (printpdf)".into();
    info.identifier = String::new();
    let mut warnings = Vec::new();
    let opts =
        PdfSaveOptions { optimize: true, subset_fonts: false, secure: false, image_optimization: None };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    drop(doc);
    compress(&mut lo);
    Ok(lo)
}

/// The chunks as one document: the first chunk's catalog and page tree take
/// every later chunk's pages, in order; the later catalogs are dropped.
fn merge(docs: Vec<lopdf::Document>) -> Result<lopdf::Document, PdfError> {
    use lopdf::Object;
    let mut docs = docs.into_iter();
    let mut base = docs.next().ok_or_else(|| PdfError("no pages".into()))?;
    let pages_of = |d: &lopdf::Document| -> Result<lopdf::ObjectId, PdfError> {
        d.catalog()
            .and_then(|c| c.get(b"Pages"))
            .and_then(Object::as_reference)
            .map_err(|e| PdfError(format!("the PDF page tree: {e}")))
    };
    let base_pages = pages_of(&base)?;
    let mut kids: Vec<Object> = match base.get_dictionary(base_pages).and_then(|d| d.get(b"Kids")) {
        Ok(Object::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    for mut d in docs {
        shift_ids(&mut d, base.max_id);
        let pages = pages_of(&d)?;
        let catalog = d.trailer.get(b"Root").and_then(Object::as_reference).ok();
        let info = d.trailer.get(b"Info").and_then(Object::as_reference).ok();
        if let Ok(Object::Array(chunk_kids)) = d.get_dictionary(pages).and_then(|p| p.get(b"Kids")).cloned() {
            for kid in chunk_kids {
                if let Ok(id) = kid.as_reference()
                    && let Ok(page) = d.get_dictionary_mut(id)
                {
                    page.set("Parent", Object::Reference(base_pages));
                }
                kids.push(kid);
            }
        }
        for id in [Some(pages), catalog, info].into_iter().flatten() {
            d.objects.remove(&id);
        }
        base.max_id = base.max_id.max(d.max_id);
        base.objects.append(&mut d.objects);
    }
    let tree =
        base.get_dictionary_mut(base_pages).map_err(|e| PdfError(format!("the PDF page tree: {e}")))?;
    tree.set("Count", Object::Integer(kids.len() as i64));
    tree.set("Kids", Object::Array(kids));
    Ok(base)
}

/// Adds `offset` to every object number of `doc` and every reference in it.
fn shift_ids(doc: &mut lopdf::Document, offset: u32) {
    fn shift(object: &mut lopdf::Object, offset: u32) {
        match object {
            lopdf::Object::Reference(id) => id.0 += offset,
            lopdf::Object::Array(items) => items.iter_mut().for_each(|i| shift(i, offset)),
            lopdf::Object::Dictionary(d) => d.iter_mut().for_each(|(_, v)| shift(v, offset)),
            lopdf::Object::Stream(s) => s.dict.iter_mut().for_each(|(_, v)| shift(v, offset)),
            _ => {}
        }
    }
    let objects = std::mem::take(&mut doc.objects);
    doc.objects = objects
        .into_iter()
        .map(|((id, generation), mut object)| {
            shift(&mut object, offset);
            ((id + offset, generation), object)
        })
        .collect();
    doc.trailer.iter_mut().for_each(|(_, v)| shift(v, offset));
    doc.max_id += offset;
}

/// Each face the pages use, subset to the glyphs used, under a fixed resource name.
fn subset_fonts(laid: &Laid, fonts: &Fonts) -> Result<Vec<(Face, FontId, ParsedFont)>, PdfError> {
    let mut used: BTreeMap<Face, BTreeSet<u16>> = BTreeMap::new();
    for page in &laid.pages {
        for item in &page.items {
            if let Item::Text { face, text, .. } = item {
                fonts.glyph_ids(*face, text, used.entry(*face).or_default());
            }
        }
    }
    let mut out = Vec::new();
    for (face, mut glyphs) in used {
        let mut fallback = String::new();
        fallback.push(FALLBACK);
        fonts.glyph_ids(face, &fallback, &mut glyphs);
        glyphs.insert(0);
        let gids: Vec<u16> = glyphs.into_iter().collect();
        let subset = subset(face.bytes(), &gids)?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&subset, 0, &mut warnings)
            .ok_or_else(|| PdfError(format!("the subset of {face:?} cannot be read back")))?;
        parsed.font_name = Some(format!("{}+{}", subset_tag(&gids), face.postscript_name()));
        out.push((face, FontId(format!("F{}", face as usize)), parsed));
    }
    Ok(out)
}

/// A stable 64-bit hash (FNV-1a) of a sequence of numbers: seeds the
/// document /ID and the subset tags, so both repeat for the same input.
pub(crate) fn fnv(items: impl IntoIterator<Item = u64>) -> u64 {
    items.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, x| (h ^ x).wrapping_mul(0x0100_0000_01b3))
}

/// The six capital letters that mark a subset font's name (ISO 32000-1,
/// 9.6.4), derived from the glyphs it holds so that they repeat.
fn subset_tag(gids: &[u16]) -> String {
    let h = fnv(gids.iter().map(|g| u64::from(*g)));
    (0..6).map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8)).collect()
}

fn subset(font: &[u8], gids: &[u16]) -> Result<Vec<u8>, PdfError> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};
    let scope = ReadScope::new(font);
    let data = scope.read::<FontData<'_>>().map_err(|e| PdfError(format!("font: {e}")))?;
    let provider = data.table_provider(0).map_err(|e| PdfError(format!("font: {e}")))?;
    allsorts::subset::subset(&provider, gids, &SubsetProfile::Minimal, CmapTarget::Unicode)
        .map_err(|e| PdfError(format!("font subsetting failed: {e}")))
}

fn rgb(c: Color) -> printpdf::Color {
    printpdf::Color::Rgb(printpdf::Rgb { r: c.0, g: c.1, b: c.2, icc_profile: None })
}

/// One page's operations. Text runs share a text section; rectangles close it.
fn page(page: &super::layout::Page, ids: &BTreeMap<Face, FontId>, width: f32, height: f32) -> PdfPage {
    let mut ops = Vec::with_capacity(page.items.len() * 3);
    let mut in_text = false;
    let mut font: Option<(Face, f32)> = None;
    let mut fill: Option<Color> = None;
    for item in &page.items {
        match item {
            Item::Text { x, y, size, face, text, color } => {
                let Some(id) = ids.get(face) else { continue };
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    font = None;
                }
                if font != Some((*face, *size)) {
                    ops.push(Op::SetFont { font: PdfFontHandle::External(id.clone()), size: Pt(*size) });
                    font = Some((*face, *size));
                }
                if fill != Some(*color) {
                    ops.push(Op::SetFillColor { col: rgb(*color) });
                    fill = Some(*color);
                }
                ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(*x), Pt(height - *y)) });
                ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
            }
            Item::Rect { x, y, w, h, color } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                if fill != Some(*color) {
                    ops.push(Op::SetFillColor { col: rgb(*color) });
                    fill = Some(*color);
                }
                let mut rect = Rect::from_xywh(Pt(*x), Pt(height - *y - *h), Pt(*w), Pt(*h));
                rect.mode = Some(PaintMode::Fill);
                ops.push(Op::DrawRectangle { rectangle: rect });
            }
            Item::Link { x, y, w, h, url } => {
                let rect = Rect::from_xywh(Pt(*x), Pt(height - *y - *h), Pt(*w), Pt(*h));
                let link = LinkAnnotation::new(
                    rect,
                    Actions::uri(url.clone()),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                );
                ops.push(Op::LinkAnnotation { link });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    PdfPage::new(printpdf::Mm(width / super::layout::MM), printpdf::Mm(height / super::layout::MM), ops)
}

/// The fix-ups printpdf does not offer: a deterministic /ID, no empty PDF/X
/// key, the document language, and the outline in document order.
fn finish(
    doc: &mut lopdf::Document,
    outline: &[super::layout::OutlineEntry],
    meta: &Meta,
    height: f32,
) -> Result<(), PdfError> {
    use lopdf::{Dictionary, Object, StringFormat};
    let hex = format!("{:016x}{:016x}", meta.id_seed, meta.id_seed.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(hex.clone().into_bytes(), StringFormat::Literal),
            Object::String(hex.into_bytes(), StringFormat::Literal),
        ]),
    );
    if let Ok(Object::Reference(info)) = doc.trailer.get(b"Info").cloned()
        && let Ok(Object::Dictionary(d)) = doc.get_object_mut(info)
    {
        d.remove(b"GTS_PDFXVersion");
        d.remove(b"Identifier");
    }
    let pages = doc.get_pages();
    let root = match doc.trailer.get(b"Root") {
        Ok(Object::Reference(r)) => *r,
        _ => return Err(PdfError("the PDF has no catalog".into())),
    };
    // The outline: one flat list of entries in document order.
    let outlines_id = doc.new_object_id();
    let mut entry_ids = Vec::new();
    for entry in outline {
        let Some(page_id) = pages.get(&(entry.page as u32 + 1)) else { continue };
        let mut d = Dictionary::new();
        d.set("Title", Object::String(utf16(&entry.title), StringFormat::Hexadecimal));
        d.set("Parent", Object::Reference(outlines_id));
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(*page_id),
                Object::Name(b"XYZ".to_vec()),
                Object::Integer(0),
                Object::Real(height - entry.y + 4.0),
                Object::Integer(0),
            ]),
        );
        entry_ids.push((doc.new_object_id(), d));
    }
    let n = entry_ids.len();
    let ids: Vec<lopdf::ObjectId> = entry_ids.iter().map(|(id, _)| *id).collect();
    for (i, (id, mut d)) in entry_ids.into_iter().enumerate() {
        if i > 0 {
            d.set("Prev", Object::Reference(ids[i - 1]));
        }
        if i + 1 < n {
            d.set("Next", Object::Reference(ids[i + 1]));
        }
        doc.objects.insert(id, Object::Dictionary(d));
    }
    let catalog = doc
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .map_err(|e| PdfError(format!("the PDF catalog: {e}")))?;
    catalog.set("Lang", Object::String(meta.language.clone().into_bytes(), StringFormat::Literal));
    catalog.remove(b"OutputIntents");
    if n > 0 {
        let mut outlines = Dictionary::new();
        outlines.set("Type", Object::Name(b"Outlines".to_vec()));
        outlines.set("First", Object::Reference(ids[0]));
        outlines.set("Last", Object::Reference(ids[n - 1]));
        outlines.set("Count", Object::Integer(n as i64));
        catalog.set("Outlines", Object::Reference(outlines_id));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        doc.objects.insert(outlines_id, Object::Dictionary(outlines));
    }
    Ok(())
}

/// Deflates every stream not yet filtered, at level 4: measured on a
/// 2,103-page annex document it gives the default level's size (4.6 against
/// 4.5 MiB) in two thirds of the time.
fn compress(doc: &mut lopdf::Document) {
    use flate2::{Compression, write::ZlibEncoder};
    use rayon::prelude::*;
    use std::io::Write;
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) if s.dict.get(b"Filter").is_err() && s.allows_compression => Some(s),
            _ => None,
        })
        .collect();
    streams.par_iter_mut().for_each(|stream| {
        // Font programs (they carry /Length1) are most of a short document's
        // bytes and compress little better at higher levels: level 1 for them.
        let level = if stream.dict.get(b"Length1").is_ok() { 1 } else { 4 };
        let mut z = ZlibEncoder::new(Vec::with_capacity(stream.content.len() / 3), Compression::new(level));
        if z.write_all(&stream.content).is_err() {
            return;
        }
        if let Ok(packed) = z.finish()
            && packed.len() < stream.content.len()
        {
            stream.dict.set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
    });
}

/// Text as a PDF text string: UTF-16BE with a byte-order mark.
fn utf16(s: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    out.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    out
}
