//! Writes laid-out pages as PDF: the only module that touches printpdf.
//!
//! Each face is subset to the characters used (allsorts) and printpdf makes
//! the document around it: metadata, fonts with widths and ToUnicode maps.
//! The pages' content streams come from [`super::content`], encoded and
//! deflated in parallel, and are put into printpdf's page tree (lopdf).
//! Resource names, the document /ID and the dates come from the input, never
//! from the clock or a counter, so the same input gives the same bytes. The
//! last pass adds the outline in document order and the language, and drops
//! printpdf's empty PDF/X claim.

use super::content::{self, CharSet, Glyphs};
use super::fonts::{FALLBACK, Face, Fonts};
use super::layout::{Item, Laid};
use printpdf::{
    FontId, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem,
};
use std::collections::BTreeSet;

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
    /// Seeds the document /ID (mixed with the pages' content); the same
    /// input gives the same seed.
    pub id_seed: u64,
}

/// Why a PDF could not be written.
#[derive(Debug)]
pub struct PdfError(pub String);

/// Writes `laid` as a PDF file.
///
/// printpdf makes the document: metadata, and each face subset to the
/// characters used, with its widths and ToUnicode map (it derives both from
/// the text shown, so it is given one page that shows every character of
/// every face). The pages themselves are encoded by [`content`] in parallel,
/// deflated as they are made, and put in printpdf's page tree in place of
/// that specimen page: printpdf would hold every drawing operation of a
/// 15,000-page document (128 bytes each) and serialize them on one thread.
pub fn write(laid: Laid, meta: &Meta) -> Result<Vec<u8>, PdfError> {
    use rayon::prelude::*;
    let Laid { pages, outline, style, .. } = laid;
    let geo = style.geometry;
    let used = pages
        .par_iter()
        .fold(<[CharSet; 4]>::default, |sets, p| content::add_chars(sets, &p.items))
        .reduce(<[CharSet; 4]>::default, |a, b| {
            let [a0, a1, a2, a3] = a;
            [a0.union(&b[0]), a1.union(&b[1]), a2.union(&b[2]), a3.union(&b[3])]
        });
    let fonts = subset_fonts(used)?;
    let glyphs: [Glyphs; 4] = Face::ALL
        .map(|face| fonts.iter().find(|f| f.face == face).map(|f| f.glyphs.clone()).unwrap_or_default());
    let encoded: Vec<(lopdf::Stream, Vec<lopdf::Dictionary>, u64)> = pages
        .into_par_iter()
        .map(|page| {
            let bytes = content::encode(&page.items, &glyphs, geo.height);
            let hash = fnv(bytes.chunks(8).map(|c| c.iter().fold(0u64, |h, b| h << 8 | u64::from(*b))));
            (deflated(bytes), links(&page.items, geo.height), hash)
        })
        .collect();
    // The /ID follows the metadata and what every page shows.
    let id_seed = fnv(std::iter::once(meta.id_seed).chain(encoded.iter().map(|e| e.2)));
    let meta = &Meta { id_seed, ..meta.clone() };
    let streams: Vec<(lopdf::Stream, Vec<lopdf::Dictionary>)> =
        encoded.into_iter().map(|(s, l, _)| (s, l)).collect();
    let mut lo = skeleton(&fonts, meta, &geo)?;
    put_pages(&mut lo, streams, &geo)?;
    finish(&mut lo, &outline, meta, geo.height)?;
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| PdfError(format!("cannot write the PDF: {e}")))?;
    Ok(out)
}

/// One embedded face: printpdf's font and how characters map to its glyphs.
struct SubsetFace {
    face: Face,
    /// The characters it holds.
    text: String,
    parsed: ParsedFont,
    glyphs: Glyphs,
}

/// A document with the metadata and the fonts, and one page that shows every
/// character of every face (so that printpdf writes complete widths and
/// ToUnicode maps); [`put_pages`] replaces that page.
fn skeleton(
    fonts: &[SubsetFace],
    meta: &Meta,
    geo: &super::layout::Geometry,
) -> Result<lopdf::Document, PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    let mut ops = vec![Op::StartTextSection];
    for f in fonts {
        let id = FontId(content::font_name(f.face).to_string());
        doc.resources.fonts.map.insert(id.clone(), PdfFont::new(f.parsed.clone()));
        ops.push(Op::SetFont { font: PdfFontHandle::External(id), size: Pt(10.0) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(f.text.clone())] });
    }
    ops.push(Op::EndTextSection);
    let mm = |pt: f32| printpdf::Mm(pt / super::layout::MM);
    doc.with_pages(vec![PdfPage::new(mm(geo.width), mm(geo.height), ops)]);
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
    compress(&mut lo);
    Ok(lo)
}

/// Replaces the specimen page with the document's pages; they share its
/// resources (the fonts).
fn put_pages(
    doc: &mut lopdf::Document,
    pages: Vec<(lopdf::Stream, Vec<lopdf::Dictionary>)>,
    geo: &super::layout::Geometry,
) -> Result<(), PdfError> {
    use lopdf::Object;
    let bad = |e: lopdf::Error| PdfError(format!("the PDF page tree: {e}"));
    let tree = doc.catalog().and_then(|c| c.get(b"Pages")).and_then(Object::as_reference).map_err(bad)?;
    let specimen = match doc.get_dictionary(tree).and_then(|d| d.get(b"Kids")).map_err(bad)? {
        Object::Array(kids) => kids.first().and_then(|k| k.as_reference().ok()),
        _ => None,
    }
    .ok_or_else(|| PdfError("the PDF page tree has no page".into()))?;
    let page = doc.get_dictionary(specimen).map_err(bad)?;
    let resources = page.get(b"Resources").and_then(Object::as_reference).map_err(bad)?;
    let contents = page.get(b"Contents").and_then(Object::as_reference).ok();
    doc.objects.remove(&specimen);
    if let Some(c) = contents {
        doc.objects.remove(&c);
    }
    let media_box = Object::Array(vec![
        Object::Integer(0),
        Object::Integer(0),
        Object::Real(geo.width),
        Object::Real(geo.height),
    ]);
    let mut kids = Vec::with_capacity(pages.len());
    for (stream, annots) in pages {
        let contents = doc.add_object(stream);
        let mut page = lopdf::Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(tree));
        page.set("MediaBox", media_box.clone());
        page.set("Resources", Object::Reference(resources));
        page.set("Contents", Object::Reference(contents));
        if !annots.is_empty() {
            page.set("Annots", Object::Array(annots.into_iter().map(Object::Dictionary).collect()));
        }
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let tree = doc.get_dictionary_mut(tree).map_err(bad)?;
    tree.set("Count", Object::Integer(kids.len() as i64));
    tree.set("Kids", Object::Array(kids));
    Ok(())
}

/// A page's links as borderless URI annotations.
fn links(items: &[Item], height: f32) -> Vec<lopdf::Dictionary> {
    use lopdf::{Dictionary, Object, StringFormat};
    let name = |n: &str| Object::Name(n.as_bytes().to_vec());
    items
        .iter()
        .filter_map(|item| match item {
            Item::Link { x, y, w, h, url } => {
                let mut action = Dictionary::new();
                action.set("S", name("URI"));
                action.set("URI", Object::String(url.clone().into_bytes(), StringFormat::Literal));
                let mut d = Dictionary::new();
                d.set("Type", name("Annot"));
                d.set("Subtype", name("Link"));
                d.set(
                    "Rect",
                    Object::Array(
                        [*x, height - *y - *h, *x + *w, height - *y].into_iter().map(Object::Real).collect(),
                    ),
                );
                d.set("Border", Object::Array(vec![Object::Integer(0); 3]));
                d.set("A", Object::Dictionary(action));
                Some(d)
            }
            _ => None,
        })
        .collect()
}

/// Each face the pages use, subset to the characters it shows (and the
/// fallback mark), under a fixed resource name.
fn subset_fonts(used: [CharSet; 4]) -> Result<Vec<SubsetFace>, PdfError> {
    let metrics = Fonts;
    let mut out = Vec::new();
    for (face, mut chars) in Face::ALL.into_iter().zip(used) {
        if chars.is_empty() {
            continue;
        }
        chars.insert(FALLBACK);
        let text: String = chars.chars().filter(|c| metrics.has(face, *c)).collect();
        let mut gids: BTreeSet<u16> = BTreeSet::new();
        metrics.glyph_ids(face, &text, &mut gids);
        gids.insert(0);
        let gids: Vec<u16> = gids.into_iter().collect();
        let subset = subset(face.bytes(), &gids)?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&subset, 0, &mut warnings)
            .ok_or_else(|| PdfError(format!("the subset of {face:?} cannot be read back")))?;
        parsed.font_name = Some(format!("{}+{}", subset_tag(&gids), face.postscript_name()));
        let glyphs =
            Glyphs::new(text.chars().filter_map(|c| parsed.lookup_glyph_index(c as u32).map(|g| (c, g))));
        out.push(SubsetFace { face, text, parsed, glyphs });
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

/// Deflates every stream not yet filtered: font programs (they carry
/// /Length1; most of a short document's bytes, and they compress little
/// better at higher levels) at level 2, the rest at level 4, which on a
/// 2,103-page annex document gave the default level's size (4.6 against
/// 4.5 MiB) in two thirds of the time. (zlib-rs: level 1 is its quick
/// strategy, 4 % larger fonts than level 2 for no measurable gain.)
fn compress(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object
            && stream.dict.get(b"Filter").is_err()
            && stream.allows_compression
        {
            let level = if stream.dict.get(b"Length1").is_ok() { 2 } else { 4 };
            if let Some(packed) = deflate(&stream.content, level) {
                stream.dict.set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
        }
    }
}

/// A page's content as a stream, deflated at level 4.
fn deflated(bytes: Vec<u8>) -> lopdf::Stream {
    match deflate(&bytes, 4) {
        Some(packed) => {
            let mut dict = lopdf::Dictionary::new();
            dict.set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
            lopdf::Stream::new(dict, packed).with_compression(false)
        }
        None => lopdf::Stream::new(lopdf::Dictionary::new(), bytes).with_compression(false),
    }
}

/// `bytes` deflated (zlib) at `level`, when that makes them smaller.
fn deflate(bytes: &[u8], level: u32) -> Option<Vec<u8>> {
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;
    let mut z = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::new(level));
    z.write_all(bytes).ok()?;
    let packed = z.finish().ok()?;
    (packed.len() < bytes.len()).then_some(packed)
}

/// Text as a PDF text string: UTF-16BE with a byte-order mark.
fn utf16(s: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    out.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    out
}
