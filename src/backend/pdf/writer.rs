//! Writes laid-out pages as PDF/UA-1 and PDF/A-2a: the only module that
//! touches printpdf.
//!
//! Each face is subset to the characters used (allsorts), and printpdf makes
//! the font objects (widths, ToUnicode maps, descriptors) from one specimen
//! page. Everything else is written here, as bytes ([`super::file`]): the
//! pages' content streams from [`super::content`] (every item marked as an
//! element's content or an artifact), encoded and deflated in parallel; the
//! structure tree worked out by [`super::structure`] with its ParentTree
//! and IDTree; link annotations as objects of the tree; the outline; and a
//! catalog with the language, the XMP packet ([`super::xmp`]) and an Info
//! dictionary that say the same, the sRGB output intent, MarkInfo and
//! DisplayDocTitle. The small objects (pages, elements, annotations) go
//! into object streams, built and deflated in parallel, with a
//! cross-reference stream: a tagged 2,000-page document is a third of the
//! size it would be as plain objects and written in a fraction of the time.
//! Resource names, the document /ID and the dates come from the input,
//! never from the clock or a counter, so the same input gives the same
//! bytes.

use super::cache;
use super::content::{self, CharSet, Glyphs};
use super::file::{self, File, PER_STREAM, obj};
use super::fonts::{FALLBACK, Face, Fonts};
use super::layout::tree::Kind;
use super::layout::{ElemId, Geometry, Item, Laid, OutlineEntry, Tag, Tree};
use super::meta::Meta;
use super::structure::{self, Kid, Marks, Structure};
use super::xmp;
use crate::model::logo::Logo;
use printpdf::{
    FontId, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem,
};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::sync::Arc;

/// Why a PDF could not be written.
#[derive(Debug)]
pub struct PdfError(pub String);

/// Writes `laid` as a PDF file.
///
/// The pages are encoded by [`content`] in parallel and deflated as they are
/// made; printpdf only makes the fonts (it derives widths and ToUnicode maps
/// from the text shown, so it is given one page that shows every character
/// of every face): it would hold every drawing operation of a 15,000-page
/// document (128 bytes each) and serialize them on one thread.
pub fn write(laid: Laid, meta: &Meta) -> Result<Vec<u8>, PdfError> {
    use rayon::prelude::*;
    let Laid { pages, outline, style, tree, logo, .. } = laid;
    let geo = style.geometry;
    let used = pages
        .par_iter()
        .fold(<[CharSet; 4]>::default, |sets, p| content::add_chars(sets, &p.items))
        .reduce(<[CharSet; 4]>::default, |a, b| {
            let [a0, a1, a2, a3] = a;
            [a0.union(&b[0]), a1.union(&b[1]), a2.union(&b[2]), a3.union(&b[3])]
        });
    let fonts = font_set(used, &geo, logo.as_deref())?;
    let glyphs: [&Glyphs; 4] = Face::ALL
        .map(|face| fonts.faces.iter().find(|f| f.face == face).map_or(&content::NO_GLYPHS, |f| &f.glyphs));
    // The font objects (made once a set: printpdf's widths and maps, the
    // font programs compressed) beside the pages: for a short document they
    // are a good part of its time.
    let (objects, encoded) = rayon::join(
        || fonts.objects(&geo, logo.as_deref()),
        || {
            pages
                .into_par_iter()
                .map(|page| {
                    let (mut bytes, mcids) = content::encode(&page.items, &glyphs, geo.height, &tree);
                    let hash =
                        fnv(bytes.chunks(8).map(|c| c.iter().fold(0u64, |h, b| h << 8 | u64::from(*b))));
                    let stream = file::deflate_padded(&mut bytes, CONTENT_LEVEL);
                    let links = links(&page.items, geo.height);
                    let link_elems = links.iter().map(|l| l.elem).collect();
                    EncodedPage { stream, links, link_elems, mcids, hash }
                })
                .collect::<Vec<EncodedPage>>()
        },
    );
    let (objects, resources) = objects?;
    // The /ID follows the metadata and what every page shows.
    let id_seed = fnv(std::iter::once(meta.id_seed).chain(encoded.iter().map(|e| e.hash)));
    let meta = &Meta { id_seed, ..meta.clone() };
    let marks: Vec<Marks<'_>> =
        encoded.iter().map(|e| Marks { mcids: &e.mcids, annots: &e.link_elems }).collect();
    let structure = structure::assemble(&tree, &marks);
    drop(marks);
    Ok(assemble_file(objects, *resources, encoded, &structure, &tree, &outline, meta, &geo))
}

/// Content streams are deflated at level 4, which on a 2,103-page annex
/// document gave the default level's size in two thirds of the time.
const CONTENT_LEVEL: u32 = 4;

/// A page's deflated content stream, its links, the element of each MCID,
/// and a hash of the content.
struct EncodedPage {
    stream: Vec<u8>,
    links: Vec<Link>,
    /// The `Link` element of each link.
    link_elems: Vec<ElemId>,
    mcids: Vec<ElemId>,
    hash: u64,
}

/// A link's clickable area on a page, in PDF coordinates.
struct Link {
    rect: [f32; 4],
    url: String,
    elem: ElemId,
}

/// The embedded fonts of a file: each face subset, and the objects that
/// hold them (and the logo, when there is one), numbered from 1.
struct FontSet {
    faces: Vec<SubsetFace>,
    /// The objects and the number of the resource dictionary, made when
    /// first asked for ([`FontSet::objects`]); an error as its words.
    objects: std::sync::OnceLock<Result<(Vec<Written>, u32), String>>,
}

impl FontSet {
    /// The objects that hold the faces (and `logo`), numbered from 1, and
    /// the number of the resource dictionary: made once. A cached set is
    /// always asked with the page size of its key and no logo.
    ///
    /// The making must not use rayon: a thread waiting in `get_or_init`
    /// for another's making could otherwise steal a job that waits on the
    /// same cell. ([`font_objects`] uses none.)
    fn objects(&self, geo: &Geometry, logo: Option<&Logo>) -> Result<&(Vec<Written>, u32), PdfError> {
        let made = self.objects.get_or_init(|| font_objects(&self.faces, geo, logo).map_err(|e| e.0));
        made.as_ref().map_err(|e| PdfError(e.clone()))
    }
}

/// What a [`FontSet`] is made from: the characters of each face (after
/// [`rounded`]) and the page size.
#[derive(PartialEq, Eq, Hash)]
struct FontKey {
    faces: Vec<String>,
    page: (u32, u32),
}

/// Font sets made in this run: thousands of small files (one PDF per Woo
/// document) subset and compress their faces once for each set of
/// characters instead of once a file. Files with a logo are not kept.
static FONT_SETS: cache::Cache<FontKey, FontSet> = cache::Cache::new();

/// The characters every face a file uses holds, shown or not: letters,
/// digits and the common punctuation. Most small documents then hold the
/// same characters in each face, and their fonts are made once a run: a
/// build of 30,000 Woo documents takes half the time, and each file is
/// about 10 kB larger (the glyphs it does not show).
const EVERY_FACE_HOLDS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?()-'\"/";

/// `used`, each face that is used holding [`EVERY_FACE_HOLDS`] too.
fn rounded(mut used: [CharSet; 4]) -> [CharSet; 4] {
    for set in used.iter_mut().filter(|s| !s.is_empty()) {
        EVERY_FACE_HOLDS.chars().for_each(|c| set.insert(c));
    }
    used
}

/// The fonts of a file whose pages show `used`: taken from [`FONT_SETS`],
/// or made.
fn font_set(used: [CharSet; 4], geo: &Geometry, logo: Option<&Logo>) -> Result<Arc<FontSet>, PdfError> {
    let used = rounded(used);
    if logo.is_some() {
        return make_font_set(used).map(Arc::new);
    }
    let key = FontKey {
        faces: used.iter().map(|s| s.chars().collect()).collect(),
        page: (geo.width.to_bits(), geo.height.to_bits()),
    };
    cache::get_or_make(&FONT_SETS, key, || make_font_set(used))
}

/// The fonts of a file whose faces hold `used`, subset (their objects are
/// made when first asked for).
fn make_font_set(used: [CharSet; 4]) -> Result<FontSet, PdfError> {
    let faces = subset_fonts(used)?;
    Ok(FontSet { faces, objects: std::sync::OnceLock::new() })
}

/// One embedded face: printpdf's font and how characters map to its glyphs.
struct SubsetFace {
    face: Face,
    /// The characters it holds.
    text: String,
    parsed: ParsedFont,
    glyphs: Glyphs,
}

/// Each face the pages use, subset to the characters it shows (and the
/// fallback mark), under a fixed resource name.
fn subset_fonts(used: [CharSet; 4]) -> Result<Vec<SubsetFace>, PdfError> {
    use rayon::prelude::*;
    // The faces are subset on every core: for a short document, the fonts
    // are most of the time its PDF takes.
    let asked: Vec<(Face, CharSet)> =
        Face::ALL.into_iter().zip(used).filter(|(_, chars)| !chars.is_empty()).collect();
    // Collected whole, then the first error in face order: the same error
    // on every run, whichever thread finds one first.
    let made: Vec<Result<SubsetFace, PdfError>> =
        asked.into_par_iter().map(|(face, chars)| subset_face(face, chars)).collect();
    made.into_iter().collect()
}

/// One face subset to `chars` (and the fallback mark).
fn subset_face(face: Face, mut chars: CharSet) -> Result<SubsetFace, PdfError> {
    let metrics = Fonts;
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
    Ok(SubsetFace { face, text, parsed, glyphs })
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

/// An object ready to be written: its number and bytes.
enum Written {
    Object(u32, Vec<u8>),
    /// Number, dictionary entries (without `/Length`), data.
    Stream(u32, Vec<u8>, Vec<u8>),
}

/// The font objects printpdf makes, numbered from 1 and written as bytes,
/// and the number of the resource dictionary that holds them.
///
/// printpdf is given a document with one page that shows every character
/// of every face under the face's resource name; of what it makes, only
/// that page's resources and what they refer to are kept.
fn font_objects(
    fonts: &[SubsetFace],
    geo: &Geometry,
    logo: Option<&Logo>,
) -> Result<(Vec<Written>, u32), PdfError> {
    use lopdf::Object;
    let mut doc = PdfDocument::new("");
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
    let opts =
        PdfSaveOptions { optimize: true, subset_fonts: false, secure: false, image_optimization: None };
    let mut warnings = Vec::new();
    let lo = doc.to_lopdf_document(&opts, &mut warnings);
    let bad = |e: lopdf::Error| PdfError(format!("the fonts printpdf made: {e}"));
    let tree = lo.catalog().and_then(|c| c.get(b"Pages")).and_then(Object::as_reference).map_err(bad)?;
    let page = match lo.get_dictionary(tree).and_then(|d| d.get(b"Kids")).map_err(bad)? {
        Object::Array(kids) => kids.first().and_then(|k| k.as_reference().ok()),
        _ => None,
    }
    .ok_or_else(|| PdfError("printpdf made no page".into()))?;
    let resources = lo.get_dictionary(page).and_then(|d| d.get(b"Resources")).map_err(bad)?.clone();
    // What the resources refer to, in a fixed order, numbered from 1.
    let mut order: Vec<lopdf::ObjectId> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut todo = Vec::new();
    refs(&resources, &mut todo);
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        order.push(id);
        if let Ok(o) = lo.get_object(id) {
            refs(o, &mut todo);
        }
    }
    order.sort();
    let mut ids: BTreeMap<lopdf::ObjectId, u32> = BTreeMap::new();
    let resources_id = match resources {
        Object::Reference(r) => r,
        _ => (0, 0),
    };
    if resources_id == (0, 0) {
        ids.insert(resources_id, 1);
    }
    for id in &order {
        let n = ids.len() as u32 + 1;
        ids.insert(*id, n);
    }
    // The logo, after the fonts' objects, named in the resources (in place
    // of the empty XObject dictionary printpdf writes).
    let image = logo.map(|_| ids.len() as u32 + 1);
    const IMAGE_REF: lopdf::ObjectId = (u32::MAX, 0);
    if let Some(n) = image {
        ids.insert(IMAGE_REF, n);
    }
    let with_image = |o: &Object| match (o, image) {
        (Object::Dictionary(d), Some(_)) => {
            let mut d = d.clone();
            let mut x = lopdf::Dictionary::new();
            x.set(content::IMAGE, Object::Reference(IMAGE_REF));
            d.set("XObject", Object::Dictionary(x));
            Object::Dictionary(d)
        }
        _ => o.clone(),
    };
    let mut out = Vec::new();
    if resources_id == (0, 0) {
        let mut b = Vec::new();
        lopdf_object(&mut b, &with_image(&resources), &ids);
        out.push(Written::Object(1, b));
    }
    for id in order {
        let n = ids[&id];
        match lo.get_object(id).map_err(bad)? {
            Object::Stream(stream) => {
                let mut dict = stream.dict.clone();
                dict.remove(b"Length");
                let mut data = stream.content.clone();
                if dict.get(b"Filter").is_err() && stream.allows_compression {
                    // Font programs (they carry /Length1) compress little
                    // better at higher levels than 2. A font program padded
                    // to keep a CR off its end says its new length.
                    let font_program = dict.get(b"Length1").is_ok();
                    let level = if font_program { 2 } else { 4 };
                    let mut raw = data;
                    data = file::deflate_padded(&mut raw, level);
                    if font_program {
                        dict.set("Length1", Object::Integer(raw.len() as i64));
                    }
                    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
                }
                let mut d = Vec::new();
                for (k, v) in dict.iter() {
                    obj::name(&mut d, k);
                    d.push(b' ');
                    lopdf_object(&mut d, v, &ids);
                }
                out.push(Written::Stream(n, d, data));
            }
            other => {
                let mut b = Vec::new();
                let other = if id == resources_id { with_image(other) } else { other.clone() };
                lopdf_object(&mut b, &other, &ids);
                out.push(Written::Object(n, b));
            }
        }
    }
    if let (Some(n), Some(logo)) = (image, logo) {
        out.push(image_object(n, logo));
    }
    let resources = ids.get(&resources_id).copied().unwrap_or(1);
    Ok((out, resources))
}

/// The logo as an image XObject: 8-bit RGB (the output intent is sRGB),
/// deflated, not interpolated (PDF/A-2, 6.2.8).
fn image_object(n: u32, logo: &Logo) -> Written {
    let mut d = Vec::new();
    let _ = write!(
        d,
        "/Type/XObject/Subtype/Image/Width {}/Height {}/ColorSpace/DeviceRGB/BitsPerComponent 8/Filter/FlateDecode",
        logo.width, logo.height
    );
    let mut raw = logo.rgb.clone();
    Written::Stream(n, d, file::deflate_padded(&mut raw, 6))
}

/// Every object `o` refers to.
fn refs(o: &lopdf::Object, out: &mut Vec<lopdf::ObjectId>) {
    use lopdf::Object;
    match o {
        Object::Reference(r) => out.push(*r),
        Object::Array(a) => a.iter().for_each(|x| refs(x, out)),
        Object::Dictionary(d) => d.iter().for_each(|(_, x)| refs(x, out)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, x)| refs(x, out)),
        _ => {}
    }
}

/// A lopdf object as bytes, its references renumbered by `ids`.
fn lopdf_object(out: &mut Vec<u8>, o: &lopdf::Object, ids: &BTreeMap<lopdf::ObjectId, u32>) {
    use lopdf::{Object, StringFormat};
    match o {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => obj::int(out, *i),
        Object::Real(r) => obj::real(out, *r),
        Object::Name(n) => obj::name(out, n),
        Object::String(s, StringFormat::Literal) => obj::literal(out, s),
        Object::String(s, StringFormat::Hexadecimal) => obj::hex(out, s),
        Object::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                lopdf_object(out, x, ids);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => {
            out.extend_from_slice(b"<<");
            for (k, v) in d.iter() {
                obj::name(out, k);
                out.push(b' ');
                lopdf_object(out, v, ids);
            }
            out.extend_from_slice(b">>");
        }
        // Streams are only ever top-level objects.
        Object::Stream(_) => out.extend_from_slice(b"null"),
        Object::Reference(r) => match ids.get(r) {
            Some(n) => obj::reference(out, *n),
            None => out.extend_from_slice(b"null"),
        },
    }
}

/// A page's links as borderless, printable URI annotations described by
/// where they go, and the `Link` element of each.
fn links(items: &[Item], height: f32) -> Vec<Link> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Link { x, y, w, h, url, tag: Tag::Content(elem) } => Some(Link {
                rect: [*x, height - *y - *h, *x + *w, height - *y],
                url: url.clone(),
                elem: *elem,
            }),
            _ => None,
        })
        .collect()
}

/// Object numbers, handed out in order.
struct Numbers(u32);

impl Numbers {
    fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }

    /// `count` consecutive numbers; the first.
    fn range(&mut self, count: usize) -> u32 {
        let first = self.0 + 1;
        self.0 += count as u32;
        first
    }
}

/// The numbers of the per-page and per-element objects: consecutive runs.
struct Ids {
    /// The first page object; page `i` is `page + i`.
    page: u32,
    /// The first content stream.
    content: u32,
    /// The first structure element; node `i` is `node + i`.
    node: u32,
    /// The first annotation of each page (they are numbered page by page).
    annots: Vec<u32>,
    /// The StructTreeRoot, the parent of the document element.
    root: u32,
}

impl Ids {
    fn page(&self, i: u32) -> u32 {
        self.page + i
    }

    fn node(&self, i: u32) -> u32 {
        self.node + i
    }

    fn annot(&self, page: u32, index: u32) -> u32 {
        self.annots[page as usize] + index
    }
}

/// How many pages' objects (the page and its annotations) share an object
/// stream.
const PAGES_PER_STREAM: usize = 128;

/// The whole file: the font objects, the catalog, Info, XMP and output
/// intent, the pages' content streams, then the pages, annotations,
/// structure elements and outline packed in object streams (serialized and
/// deflated in parallel, chunk by chunk, so a 15,000-page document never
/// holds its 750,000 small objects uncompressed), and the cross-reference
/// stream.
#[allow(clippy::too_many_arguments)]
fn assemble_file(
    fonts: &[Written],
    resources: u32,
    pages: Vec<EncodedPage>,
    s: &Structure,
    tree: &Tree,
    outline: &[OutlineEntry],
    meta: &Meta,
    geo: &Geometry,
) -> Vec<u8> {
    use rayon::prelude::*;
    let mut n = Numbers(fonts.len() as u32);
    let (catalog, info, page_tree, metadata, icc, struct_root, parent_tree) =
        (n.next(), n.next(), n.next(), n.next(), n.next(), n.next(), n.next());
    let outlines = (!outline.is_empty()).then(|| n.next());
    let outline_first = n.range(outline.len());
    let mut ids = Ids {
        page: n.range(pages.len()),
        content: n.range(pages.len()),
        node: n.range(s.nodes.len()),
        annots: Vec::with_capacity(pages.len()),
        root: struct_root,
    };
    for p in &pages {
        ids.annots.push(n.range(p.links.len()));
    }
    let size: usize = pages.iter().map(|p| p.stream.len() + 64).sum::<usize>() + s.nodes.len() * 30 + 4096;
    let mut f = File::new("1.7", size);
    for w in fonts {
        match w {
            Written::Object(id, b) => f.object(*id, b),
            Written::Stream(id, d, data) => f.stream(*id, d, data),
        }
    }
    f.object(catalog, &catalog_bytes(meta, page_tree, metadata, icc, struct_root, outlines));
    f.object(info, &info_bytes(meta));
    f.stream(metadata, b"/Type/Metadata/Subtype/XML", xmp::packet(meta).as_bytes());
    f.stream(icc, b"/N 3", SRGB);
    let mut media_box = b"[0 0 ".to_vec();
    obj::real(&mut media_box, geo.width);
    media_box.push(b' ');
    obj::real(&mut media_box, geo.height);
    media_box.push(b']');
    // The pages and their annotations, packed in parallel; then each
    // content stream is written and dropped.
    let first_key = pages.len() as u32;
    let mut keys = Vec::with_capacity(pages.len());
    let mut key = first_key;
    for p in &pages {
        keys.push(key);
        key += p.links.len() as u32;
    }
    let page_packs: Vec<file::Packed> = pages
        .par_chunks(PAGES_PER_STREAM)
        .enumerate()
        .map(|(c, chunk)| {
            let mut objects = Vec::with_capacity(chunk.len() * 2);
            for (j, page) in chunk.iter().enumerate() {
                let i = (c * PAGES_PER_STREAM + j) as u32;
                objects.push((ids.page(i), page_bytes(page, i, &ids, page_tree, resources, &media_box)));
                for (k, link) in page.links.iter().enumerate() {
                    let id = ids.annot(i, k as u32);
                    objects.push((id, annot_bytes(link, ids.page(i), keys[i as usize] + k as u32)));
                }
            }
            file::pack(&objects)
        })
        .collect();
    for (i, page) in pages.into_iter().enumerate() {
        f.stream(ids.content + i as u32, b"/Filter/FlateDecode", &page.stream);
    }
    let mut packs = page_packs;
    let mut misc: Vec<(u32, Vec<u8>)> = Vec::new();
    let mut kids = Vec::with_capacity(s.parents.len() * 8 + 64);
    let _ = write!(kids, "<</Type/Pages/Count {}/Kids[", s.parents.len());
    for i in 0..s.parents.len() as u32 {
        if i > 0 {
            kids.push(b' ');
        }
        obj::reference(&mut kids, ids.page(i));
    }
    kids.extend_from_slice(b"]>>");
    misc.push((page_tree, kids));
    let (root, parents) = structure_root(s, tree, &ids, parent_tree, key);
    misc.push((struct_root, root));
    misc.push((parent_tree, parents));
    if let Some(outlines) = outlines {
        misc.extend(outline_objects(outline, outlines, outline_first, &ids, geo.height));
    }
    packs.extend(misc.par_chunks(PER_STREAM).map(file::pack).collect::<Vec<_>>());
    drop(misc);
    packs.extend(
        s.nodes
            .par_chunks(PER_STREAM)
            .enumerate()
            .map(|(c, chunk)| {
                let objects: Vec<(u32, Vec<u8>)> = chunk
                    .iter()
                    .enumerate()
                    .map(|(j, node)| {
                        let i = (c * PER_STREAM + j) as u32;
                        (ids.node(i), node_bytes(node, s.kids(node), tree, &ids))
                    })
                    .collect();
                file::pack(&objects)
            })
            .collect::<Vec<_>>(),
    );
    for p in packs {
        let id = n.next();
        f.packed(id, p);
    }
    let xref = n.next();
    let hex = format!("{:016x}{:016x}", meta.id_seed, meta.id_seed.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15);
    let trailer = format!("/Root {catalog} 0 R/Info {info} 0 R/ID[<{hex}><{hex}>]");
    f.finish(xref, trailer.as_bytes())
}

/// A page: its size, the shared resources, its content stream, its place
/// in the ParentTree, tab order by structure, its annotations.
fn page_bytes(page: &EncodedPage, i: u32, ids: &Ids, tree: u32, resources: u32, media_box: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(160);
    b.extend_from_slice(b"<</Type/Page/Parent ");
    obj::reference(&mut b, tree);
    b.extend_from_slice(b"/MediaBox");
    b.extend_from_slice(media_box);
    b.extend_from_slice(b"/Resources ");
    obj::reference(&mut b, resources);
    b.extend_from_slice(b"/Contents ");
    obj::reference(&mut b, ids.content + i);
    let _ = write!(b, "/StructParents {i}/Tabs/S");
    if !page.links.is_empty() {
        b.extend_from_slice(b"/Annots[");
        for k in 0..page.links.len() as u32 {
            if k > 0 {
                b.push(b' ');
            }
            obj::reference(&mut b, ids.annot(i, k));
        }
        b.push(b']');
    }
    b.extend_from_slice(b">>");
    b
}

/// A link annotation: borderless, printable, described by where it goes,
/// in the ParentTree under `key`.
fn annot_bytes(link: &Link, page: u32, key: u32) -> Vec<u8> {
    let mut b = Vec::with_capacity(200);
    b.extend_from_slice(b"<</Type/Annot/Subtype/Link/Rect[");
    for (k, v) in link.rect.iter().enumerate() {
        if k > 0 {
            b.push(b' ');
        }
        content::number(&mut b, *v);
    }
    b.extend_from_slice(b"]/Border[0 0 0]/F 4/Contents ");
    obj::text(&mut b, &link.url);
    b.extend_from_slice(b"/A<</S/URI/URI ");
    obj::literal(&mut b, link.url.as_bytes());
    b.extend_from_slice(b">>/P ");
    obj::reference(&mut b, page);
    let _ = write!(b, "/StructParent {key}>>");
    b
}

/// The catalog: pages, language, metadata, output intent, structure tree,
/// MarkInfo, DisplayDocTitle, and the outline when there is one.
fn catalog_bytes(
    meta: &Meta,
    pages: u32,
    metadata: u32,
    icc: u32,
    struct_root: u32,
    outlines: Option<u32>,
) -> Vec<u8> {
    let mut b = b"<</Type/Catalog/Pages ".to_vec();
    obj::reference(&mut b, pages);
    b.extend_from_slice(b"/Lang ");
    obj::text(&mut b, &meta.language);
    b.extend_from_slice(b"/Metadata ");
    obj::reference(&mut b, metadata);
    b.extend_from_slice(
        b"/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier (sRGB IEC61966-2.1)/Info (sRGB IEC61966-2.1)/DestOutputProfile ",
    );
    obj::reference(&mut b, icc);
    b.extend_from_slice(b">>]/StructTreeRoot ");
    obj::reference(&mut b, struct_root);
    b.extend_from_slice(b"/MarkInfo<</Marked true>>/ViewerPreferences<</DisplayDocTitle true>>");
    if let Some(o) = outlines {
        b.extend_from_slice(b"/Outlines ");
        obj::reference(&mut b, o);
        b.extend_from_slice(b"/PageMode/UseOutlines");
    }
    b.extend_from_slice(b">>");
    b
}

/// The Info dictionary, entry for entry what the XMP packet says.
fn info_bytes(meta: &Meta) -> Vec<u8> {
    let mut b = b"<</Title ".to_vec();
    obj::text(&mut b, &meta.title);
    for (key, value) in
        [("Author", &meta.author), ("Subject", &meta.subject), ("Keywords", &xmp::keywords(meta))]
    {
        if !value.is_empty() {
            obj::name(&mut b, key.as_bytes());
            b.push(b' ');
            obj::text(&mut b, value);
        }
    }
    b.extend_from_slice(b"/Creator ");
    obj::text(&mut b, xmp::CREATOR);
    b.extend_from_slice(b"/Producer ");
    obj::text(&mut b, xmp::PRODUCER);
    let date = xmp::pdf_date(meta.date);
    b.extend_from_slice(b"/CreationDate ");
    obj::literal(&mut b, date.as_bytes());
    b.extend_from_slice(b"/ModDate ");
    obj::literal(&mut b, date.as_bytes());
    b.extend_from_slice(b">>");
    b
}

/// The StructTreeRoot (with the IDTree of the footnotes) and the
/// ParentTree: each page's MCIDs under its index, then each annotation.
fn structure_root(
    s: &Structure,
    tree: &Tree,
    ids: &Ids,
    parent_tree: u32,
    next_key: u32,
) -> (Vec<u8>, Vec<u8>) {
    let mut root = b"<</Type/StructTreeRoot".to_vec();
    if !s.nodes.is_empty() {
        root.extend_from_slice(b"/K[");
        obj::reference(&mut root, ids.node(0));
        root.push(b']');
    }
    root.extend_from_slice(b"/ParentTree ");
    obj::reference(&mut root, parent_tree);
    let _ = write!(root, "/ParentTreeNextKey {next_key}");
    let mut notes: Vec<(&str, u32)> = s
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, node)| match &tree.elems[node.elem as usize].kind {
            Kind::Note { id: note } => Some((note.as_str(), ids.node(i as u32))),
            _ => None,
        })
        .collect();
    notes.sort();
    if !notes.is_empty() {
        root.extend_from_slice(b"/IDTree<</Names[");
        for (i, (note, id)) in notes.iter().enumerate() {
            if i > 0 {
                root.push(b' ');
            }
            obj::literal(&mut root, note.as_bytes());
            root.push(b' ');
            obj::reference(&mut root, *id);
        }
        root.extend_from_slice(b"]>>");
    }
    root.extend_from_slice(b">>");
    let mut nums = Vec::with_capacity(s.parents.iter().map(|p| p.len() * 8 + 8).sum::<usize>() + 64);
    nums.extend_from_slice(b"<</Nums[");
    for (page, parents) in s.parents.iter().enumerate() {
        let _ = write!(nums, "{page} [");
        for (i, &node) in parents.iter().enumerate() {
            if i > 0 {
                nums.push(b' ');
            }
            obj::reference(&mut nums, ids.node(node));
        }
        nums.extend_from_slice(b"] ");
    }
    let mut key = s.parents.len();
    for parents in &s.annot_parents {
        for &node in parents {
            let _ = write!(nums, "{key} ");
            obj::reference(&mut nums, ids.node(node));
            nums.push(b' ');
            key += 1;
        }
    }
    nums.extend_from_slice(b"]>>");
    (root, nums)
}

/// One structure element: its type, parent, page, kids (MCIDs on its own
/// page as numbers, on other pages as marked-content references, link
/// annotations as object references) and attributes: the alternate text
/// of a redaction box, the scope of a header cell, the numbering of a list,
/// the identifier of a footnote.
fn node_bytes(node: &structure::Node, kids: &[Kid], tree: &Tree, ids: &Ids) -> Vec<u8> {
    let kind = &tree.elems[node.elem as usize].kind;
    let mut b = Vec::with_capacity(64 + kids.len() * 8);
    b.extend_from_slice(b"<</Type/StructElem/S");
    obj::name(&mut b, kind.name().as_bytes());
    b.extend_from_slice(b"/P ");
    obj::reference(&mut b, node.parent.map_or(ids.root, |p| ids.node(p)));
    if let Some(page) = node.page {
        b.extend_from_slice(b"/Pg ");
        obj::reference(&mut b, ids.page(page));
    }
    b.extend_from_slice(b"/K[");
    for (i, kid) in kids.iter().enumerate() {
        if i > 0 {
            b.push(b' ');
        }
        match *kid {
            Kid::Node(k) => obj::reference(&mut b, ids.node(k)),
            Kid::Content { page, mcid } if Some(page) == node.page => obj::uint(&mut b, mcid),
            Kid::Content { page, mcid } => {
                b.extend_from_slice(b"<</Type/MCR/Pg ");
                obj::reference(&mut b, ids.page(page));
                b.extend_from_slice(b"/MCID ");
                obj::uint(&mut b, mcid);
                b.extend_from_slice(b">>");
            }
            Kid::Annot { page, index } => {
                b.extend_from_slice(b"<</Type/OBJR/Pg ");
                obj::reference(&mut b, ids.page(page));
                b.extend_from_slice(b"/Obj ");
                obj::reference(&mut b, ids.annot(page, index));
                b.extend_from_slice(b">>");
            }
        }
    }
    b.push(b']');
    match kind {
        Kind::Figure { alt } => {
            b.extend_from_slice(b"/Alt ");
            obj::text(&mut b, alt);
        }
        Kind::TH => b.extend_from_slice(b"/A<</O/Table/Scope/Column>>"),
        Kind::RowHeader => b.extend_from_slice(b"/A<</O/Table/Scope/Row>>"),
        Kind::L { numbered } => {
            b.extend_from_slice(b"/A<</O/List/ListNumbering");
            b.extend_from_slice(if *numbered { b"/Decimal>>" } else { b"/Disc>>" });
        }
        Kind::Note { id } => {
            b.extend_from_slice(b"/ID ");
            obj::literal(&mut b, id.as_bytes());
        }
        _ => {}
    }
    b.extend_from_slice(b">>");
    b
}

/// The bookmarks, nested by heading level: each entry is a child of the
/// nearest entry before it of a lower level (a level skipped nests one
/// step). The first level stands open, deeper ones closed, with `Count`
/// as ISO 32000-1, 12.3.3 asks: the items shown, negative when closed.
fn outline_objects(
    outline: &[OutlineEntry],
    root: u32,
    first: u32,
    ids: &Ids,
    height: f32,
) -> Vec<(u32, Vec<u8>)> {
    let tree = OutlineTree::of(outline);
    let entry = |i: usize| first + i as u32;
    let mut out = Vec::with_capacity(outline.len() + 1);
    let top = &tree.children[outline.len()];
    let mut r = b"<</Type/Outlines/First ".to_vec();
    obj::reference(&mut r, entry(top[0]));
    r.extend_from_slice(b"/Last ");
    obj::reference(&mut r, entry(top[top.len() - 1]));
    let _ = write!(r, "/Count {}>>", tree.below(outline.len()));
    out.push((root, r));
    for (i, entry_at) in outline.iter().enumerate() {
        let mut b = b"<</Title ".to_vec();
        obj::text(&mut b, &entry_at.title);
        b.extend_from_slice(b"/Parent ");
        obj::reference(&mut b, tree.parent[i].map_or(root, entry));
        if let Some(p) = tree.prev[i] {
            b.extend_from_slice(b"/Prev ");
            obj::reference(&mut b, entry(p));
        }
        if let Some(x) = tree.next[i] {
            b.extend_from_slice(b"/Next ");
            obj::reference(&mut b, entry(x));
        }
        let kids = &tree.children[i];
        if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
            b.extend_from_slice(b"/First ");
            obj::reference(&mut b, entry(f));
            b.extend_from_slice(b"/Last ");
            obj::reference(&mut b, entry(l));
            let count = tree.below(i);
            let _ = write!(b, "/Count {}", if tree.open(i) { count as i64 } else { -(count as i64) });
        }
        if entry_at.page < ids.annots.len() {
            b.extend_from_slice(b"/Dest[");
            obj::reference(&mut b, ids.page(entry_at.page as u32));
            b.extend_from_slice(b"/XYZ 0 ");
            content::number(&mut b, height - entry_at.y + 4.0);
            b.extend_from_slice(b" 0]");
        }
        b.extend_from_slice(b">>");
        out.push((entry(i), b));
    }
    out
}

/// The bookmarks as a tree: entry `i`'s parent (`None`: the outline's
/// root), its siblings before and after it, its depth (1: top), and per
/// entry and for the root (at index `len`) the children in order.
struct OutlineTree {
    parent: Vec<Option<usize>>,
    prev: Vec<Option<usize>>,
    next: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    depth: Vec<u8>,
}

impl OutlineTree {
    fn of(outline: &[OutlineEntry]) -> Self {
        let n = outline.len();
        let mut parent = vec![None; n];
        let mut children = vec![Vec::new(); n + 1];
        let mut open: Vec<usize> = Vec::new();
        for (i, e) in outline.iter().enumerate() {
            while open.last().is_some_and(|&p| outline[p].level >= e.level) {
                open.pop();
            }
            parent[i] = open.last().copied();
            children[parent[i].unwrap_or(n)].push(i);
            open.push(i);
        }
        let mut depth: Vec<u8> = Vec::with_capacity(n);
        for p in &parent {
            depth.push(p.map_or(1, |p| depth[p].saturating_add(1)));
        }
        let (mut prev, mut next) = (vec![None; n], vec![None; n]);
        for kids in &children {
            for pair in kids.windows(2) {
                next[pair[0]] = Some(pair[1]);
                prev[pair[1]] = Some(pair[0]);
            }
        }
        OutlineTree { parent, prev, next, children, depth }
    }

    /// Only the top level stands open.
    fn open(&self, i: usize) -> bool {
        self.depth[i] == 1
    }

    /// The descendants of `i` shown when `i` is open (its children, and
    /// theirs below each open child).
    fn below(&self, i: usize) -> usize {
        self.children[i].iter().map(|&c| 1 + if self.open(c) { self.below(c) } else { 0 }).sum()
    }
}

/// The output intent's colour profile: the compact sRGB profile
/// (`src/assets/icc`, CC0).
const SRGB: &[u8] = include_bytes!("../../assets/icc/sRGB-v4.icc");

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The objects of a font set, as they are written.
    fn written(set: &FontSet) -> Vec<u8> {
        let (objects, resources) = set.objects(&Geometry::a4(), None).unwrap();
        let mut out = resources.to_le_bytes().to_vec();
        for w in objects {
            match w {
                Written::Object(n, b) => out.extend(n.to_le_bytes().iter().chain(b)),
                Written::Stream(n, d, data) => out.extend(n.to_le_bytes().iter().chain(d).chain(data)),
            }
        }
        out
    }

    fn used(regular: &str, bold: &str) -> [CharSet; 4] {
        let mut sets = <[CharSet; 4]>::default();
        sets[0].extend(regular);
        sets[1].extend(bold);
        sets
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        /// Files showing different texts share a cached font set when
        /// their faces hold the same characters after rounding; what the
        /// cache gives each is what would have been made for it alone.
        #[test]
        fn a_files_fonts_are_the_same_taken_from_the_cache_or_made(
            texts in proptest::collection::vec(("[a-fA-C0-9 .é–]{1,8}", "[A-D0-9é]{0,4}"), 1..6),
        ) {
            let geo = Geometry::a4();
            for (regular, bold) in &texts {
                let cached = font_set(used(regular, bold), &geo, None).unwrap();
                let made = make_font_set(rounded(used(regular, bold))).unwrap();
                prop_assert_eq!(written(&cached), written(&made));
                // What the text shows has its glyph in the set.
                for c in regular.chars() {
                    prop_assert!(cached.faces[0].text.contains(c), "{:?} lacks {:?}", cached.faces[0].text, c);
                }
            }
        }
    }
}
