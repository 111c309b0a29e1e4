//! Writes laid-out pages as PDF/UA-1 and PDF/A-2a: the only module that
//! touches printpdf.
//!
//! Each face is subset to the characters used (allsorts) and printpdf makes
//! the document around it: fonts with widths and ToUnicode maps. The pages'
//! content streams come from [`super::content`], encoded (every item marked
//! as an element's content or an artifact) and deflated in parallel, and are
//! put into printpdf's page tree (lopdf). The structure tree worked out by
//! [`super::structure`] is written with its ParentTree, link annotations
//! as its objects; the catalog gets the language, the XMP packet
//! ([`super::xmp`]), the sRGB output intent, MarkInfo and DisplayDocTitle.
//! Resource names, the document /ID and the dates come from the input, never
//! from the clock or a counter, so the same input gives the same bytes.

use super::content::{self, CharSet, Glyphs};
use super::fonts::{FALLBACK, Face, Fonts};
use super::layout::tree::Kind;
use super::layout::{ElemId, Item, Laid, Tag};
use super::structure::{self, Kid, Marks, Structure};
use super::xmp;
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
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
    let Laid { pages, outline, style, tree, .. } = laid;
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
    let encoded: Vec<EncodedPage> = pages
        .into_par_iter()
        .map(|page| {
            let (bytes, mcids) = content::encode(&page.items, &glyphs, geo.height, &tree);
            let hash = fnv(bytes.chunks(8).map(|c| c.iter().fold(0u64, |h, b| h << 8 | u64::from(*b))));
            EncodedPage { stream: deflated(bytes), links: links(&page.items, geo.height), mcids, hash }
        })
        .collect();
    // The /ID follows the metadata and what every page shows.
    let id_seed = fnv(std::iter::once(meta.id_seed).chain(encoded.iter().map(|e| e.hash)));
    let meta = &Meta { id_seed, ..meta.clone() };
    let marks: Vec<Marks<'_>> =
        encoded.iter().map(|e| Marks { mcids: &e.mcids, annots: &e.links.1 }).collect();
    let structure = structure::assemble(&tree, &marks);
    drop(marks);
    let mut lo = skeleton(&fonts, meta, &geo)?;
    let placed = put_pages(&mut lo, encoded, &geo)?;
    let root = write_structure(&mut lo, &structure, &tree, &placed);
    finish(&mut lo, &outline, meta, geo.height, root)?;
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| PdfError(format!("cannot write the PDF: {e}")))?;
    Ok(out)
}

/// A page's content stream, its link annotations with their elements, the
/// element of each MCID, and a hash of the content.
struct EncodedPage {
    stream: lopdf::Stream,
    links: (Vec<Dictionary>, Vec<ElemId>),
    mcids: Vec<ElemId>,
    hash: u64,
}

/// The page objects and each page's annotation objects.
struct Placed {
    pages: Vec<ObjectId>,
    annots: Vec<Vec<ObjectId>>,
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
/// resources (the fonts). Each page is in the structure tree's ParentTree
/// under its index (`/StructParents`), tabs through its annotations in
/// structure order, and holds its link annotations as objects of their own
/// (the structure tree refers to them), numbered in the ParentTree after
/// the pages.
fn put_pages(
    doc: &mut lopdf::Document,
    pages: Vec<EncodedPage>,
    geo: &super::layout::Geometry,
) -> Result<Placed, PdfError> {
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
    let count = pages.len();
    let mut placed = Placed { pages: Vec::with_capacity(count), annots: Vec::with_capacity(count) };
    let mut next_key = count as i64;
    for (i, encoded) in pages.into_iter().enumerate() {
        let contents = doc.add_object(encoded.stream);
        let page_id = doc.new_object_id();
        let mut annots = Vec::with_capacity(encoded.links.0.len());
        for mut annot in encoded.links.0 {
            annot.set("P", Object::Reference(page_id));
            annot.set("StructParent", Object::Integer(next_key));
            next_key += 1;
            annots.push(doc.add_object(annot));
        }
        let mut page = Dictionary::new();
        page.set("Type", name("Page"));
        page.set("Parent", Object::Reference(tree));
        page.set("MediaBox", media_box.clone());
        page.set("Resources", Object::Reference(resources));
        page.set("Contents", Object::Reference(contents));
        page.set("StructParents", Object::Integer(i as i64));
        page.set("Tabs", name("S"));
        if !annots.is_empty() {
            page.set("Annots", Object::Array(annots.iter().copied().map(Object::Reference).collect()));
        }
        doc.objects.insert(page_id, Object::Dictionary(page));
        placed.pages.push(page_id);
        placed.annots.push(annots);
    }
    let tree = doc.get_dictionary_mut(tree).map_err(bad)?;
    tree.set("Count", Object::Integer(count as i64));
    tree.set("Kids", Object::Array(placed.pages.iter().copied().map(Object::Reference).collect()));
    Ok(placed)
}

/// A page's links as borderless, printable URI annotations described by
/// where they go, and the `Link` element of each.
fn links(items: &[Item], height: f32) -> (Vec<Dictionary>, Vec<ElemId>) {
    let mut out = (Vec::new(), Vec::new());
    for item in items {
        let Item::Link { x, y, w, h, url, tag } = item else { continue };
        let Tag::Content(elem) = tag else { continue };
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
        d.set("F", Object::Integer(4));
        d.set("Contents", text_string(url));
        d.set("A", Object::Dictionary(action));
        out.0.push(d);
        out.1.push(*elem);
    }
    out
}

/// Writes the structure tree: an object per element, the ParentTree (each
/// page's MCIDs, then each annotation) and the IDTree of the footnotes;
/// returns the StructTreeRoot.
fn write_structure(
    doc: &mut lopdf::Document,
    s: &Structure,
    tree: &super::layout::Tree,
    placed: &Placed,
) -> ObjectId {
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = s.nodes.iter().map(|_| doc.new_object_id()).collect();
    let mut note_ids: Vec<(Vec<u8>, ObjectId)> = Vec::new();
    for (node, &id) in s.nodes.iter().zip(&ids) {
        let kind = &tree.elems[node.elem as usize].kind;
        let mut d = Dictionary::new();
        d.set("Type", name("StructElem"));
        d.set("S", name(kind.name()));
        d.set("P", Object::Reference(node.parent.map_or(root_id, |p| ids[p])));
        if let Some(page) = node.page {
            d.set("Pg", Object::Reference(placed.pages[page]));
        }
        let kids = node
            .kids
            .iter()
            .map(|kid| match *kid {
                Kid::Node(i) => Object::Reference(ids[i]),
                Kid::Content { page, mcid } if Some(page) == node.page => Object::Integer(i64::from(mcid)),
                Kid::Content { page, mcid } => {
                    let mut r = Dictionary::new();
                    r.set("Type", name("MCR"));
                    r.set("Pg", Object::Reference(placed.pages[page]));
                    r.set("MCID", Object::Integer(i64::from(mcid)));
                    Object::Dictionary(r)
                }
                Kid::Annot { page, index } => {
                    let mut r = Dictionary::new();
                    r.set("Type", name("OBJR"));
                    r.set("Pg", Object::Reference(placed.pages[page]));
                    r.set("Obj", Object::Reference(placed.annots[page][index]));
                    Object::Dictionary(r)
                }
            })
            .collect();
        d.set("K", Object::Array(kids));
        match kind {
            Kind::Figure { alt } => d.set("Alt", text_string(alt)),
            Kind::TH => d.set("A", attributes("Table", "Scope", "Column")),
            Kind::L { numbered } => {
                d.set("A", attributes("List", "ListNumbering", if *numbered { "Decimal" } else { "Disc" }))
            }
            Kind::Note { id: note } => {
                d.set("ID", Object::String(note.clone().into_bytes(), StringFormat::Literal));
                note_ids.push((note.clone().into_bytes(), id));
            }
            _ => {}
        }
        doc.objects.insert(id, Object::Dictionary(d));
    }
    let mut nums =
        Vec::with_capacity(2 * (s.parents.len() + placed.annots.iter().map(Vec::len).sum::<usize>()));
    for (page, parents) in s.parents.iter().enumerate() {
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(parents.iter().map(|&n| Object::Reference(ids[n])).collect()));
    }
    let mut key = s.parents.len() as i64;
    for parents in &s.annot_parents {
        for &n in parents {
            nums.push(Object::Integer(key));
            nums.push(Object::Reference(ids[n]));
            key += 1;
        }
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let parent_tree = doc.add_object(parent_tree);
    let mut root = Dictionary::new();
    root.set("Type", name("StructTreeRoot"));
    if let Some(&document) = ids.first() {
        root.set("K", Object::Array(vec![Object::Reference(document)]));
    }
    root.set("ParentTree", Object::Reference(parent_tree));
    root.set("ParentTreeNextKey", Object::Integer(key));
    if !note_ids.is_empty() {
        note_ids.sort();
        let names = note_ids
            .into_iter()
            .flat_map(|(k, v)| [Object::String(k, StringFormat::Literal), Object::Reference(v)])
            .collect();
        let mut id_tree = Dictionary::new();
        id_tree.set("Names", Object::Array(names));
        root.set("IDTree", Object::Dictionary(id_tree));
    }
    doc.objects.insert(root_id, Object::Dictionary(root));
    root_id
}

/// A structure attribute dictionary with one attribute of owner `owner`.
fn attributes(owner: &str, key: &str, value: &str) -> Object {
    let mut a = Dictionary::new();
    a.set("O", name(owner));
    a.set(key, name(value));
    Object::Dictionary(a)
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// A PDF text string: literal when ASCII, UTF-16BE otherwise.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        Object::String(utf16(s), StringFormat::Hexadecimal)
    }
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

/// What printpdf does not offer: a deterministic /ID, PDF 1.7, the Info
/// dictionary and the XMP packet saying the same, the sRGB output intent,
/// the language, the structure tree, MarkInfo, DisplayDocTitle, and the
/// outline in document order.
fn finish(
    doc: &mut lopdf::Document,
    outline: &[super::layout::OutlineEntry],
    meta: &Meta,
    height: f32,
    struct_tree: ObjectId,
) -> Result<(), PdfError> {
    doc.version = "1.7".into();
    let hex = format!("{:016x}{:016x}", meta.id_seed, meta.id_seed.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(hex.clone().into_bytes(), StringFormat::Literal),
            Object::String(hex.into_bytes(), StringFormat::Literal),
        ]),
    );
    // The Info dictionary, entry for entry what the XMP packet says.
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    if !meta.author.is_empty() {
        info.set("Author", text_string(&meta.author));
    }
    if !meta.subject.is_empty() {
        info.set("Subject", text_string(&meta.subject));
    }
    let keywords = xmp::keywords(meta);
    if !keywords.is_empty() {
        info.set("Keywords", text_string(&keywords));
    }
    info.set("Creator", text_string(xmp::CREATOR));
    info.set("Producer", text_string(xmp::PRODUCER));
    let date = Object::String(xmp::pdf_date(meta.date).into_bytes(), StringFormat::Literal);
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    match doc.trailer.get(b"Info").cloned() {
        Ok(Object::Reference(id)) => {
            doc.objects.insert(id, Object::Dictionary(info));
        }
        _ => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(id));
        }
    }
    let mut xmp_dict = Dictionary::new();
    xmp_dict.set("Type", name("Metadata"));
    xmp_dict.set("Subtype", name("XML"));
    let metadata =
        doc.add_object(lopdf::Stream::new(xmp_dict, xmp::packet(meta).into_bytes()).with_compression(false));
    let mut icc_dict = Dictionary::new();
    icc_dict.set("N", Object::Integer(3));
    let icc = doc.add_object(lopdf::Stream::new(icc_dict, SRGB.to_vec()).with_compression(false));
    let mut intent = Dictionary::new();
    intent.set("Type", name("OutputIntent"));
    intent.set("S", name("GTS_PDFA1"));
    intent.set("OutputConditionIdentifier", text_string("sRGB IEC61966-2.1"));
    intent.set("Info", text_string("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", Object::Reference(icc));
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
    catalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(intent)]));
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set("StructTreeRoot", Object::Reference(struct_tree));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(viewer));
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

/// The output intent's colour profile: the compact sRGB profile
/// (`src/assets/icc`, CC0).
const SRGB: &[u8] = include_bytes!("../../assets/icc/sRGB-v4.icc");

/// Text as a PDF text string: UTF-16BE with a byte-order mark.
fn utf16(s: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    out.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    out
}
