//! Stage 4, **backends**: what a dossier hands on (a typed [`Document`], or
//! its typed [`Inventory`]) to the bytes of one file. Every output is one
//! module behind the one [`Backend`] trait, given a [`RenderContext`] (as
//! mdBook's renderers are): [`markdown`], [`pdf`] (layout, content streams
//! and the only module that touches printpdf), [`html`], [`docx`], and the
//! inventory files of [`inventory`] (xlsx, csv, DiWoo). A new format is one
//! more module and one more [`Format`] (or [`inventory::Sheet`]) value. [`xml`] escapes text for the
//! formats that are XML. Backends are pure: a document
//! in, bytes out; the same document gives the same bytes.

pub mod docx;
pub mod html;
pub mod inventory;
pub mod markdown;
pub mod package;
pub mod pdf;
pub mod typography;
pub mod xml;

use crate::document::inventory::Inventory;
use crate::document::{Document, Excerpt};

/// Whether a link may leave the document: only addresses that open a page
/// or a mail (no `javascript:`, no `data:`). Shared by the formats that
/// make links.
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"].iter().any(|p| lower.starts_with(p))
}

/// Makes one kind of file from what a dossier hands on.
pub trait Backend: Sync {
    /// The file extension of the files it writes, e.g. `pdf`.
    fn extension(&self) -> &'static str;
    /// The file's bytes, and what a reader should know about them.
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, BackendError>;
}

/// What a backend is given: the one thing it renders. (The audience, the
/// page style and the letterhead are the document's own, in its typed
/// [`crate::document::Meta`]; the fonts are built in.)
#[derive(Clone, Copy)]
pub struct RenderContext<'a> {
    input: Input<'a>,
}

/// What is rendered.
#[derive(Clone, Copy)]
pub enum Input<'a> {
    /// A document (answer, annexes, letters), in one audience.
    Document(&'a Document),
    /// A dossier's inventory for the publication platforms (public values only).
    Inventory(&'a Inventory),
    /// A dossier's published Woo documents, each to be a file of its own
    /// in one package: where each stands among the documents it is
    /// published with.
    Excerpts(&'a [Excerpt], &'a [Document]),
}

impl<'a> RenderContext<'a> {
    pub fn document(doc: &'a Document) -> RenderContext<'a> {
        RenderContext { input: Input::Document(doc) }
    }

    pub fn inventory(inventory: &'a Inventory) -> RenderContext<'a> {
        RenderContext { input: Input::Inventory(inventory) }
    }

    pub fn package(woo: &'a [Excerpt], of: &'a [Document]) -> RenderContext<'a> {
        RenderContext { input: Input::Excerpts(woo, of) }
    }

    /// The Woo documents, each made from its annex document, for a backend
    /// that packs several.
    pub fn documents(&self) -> Result<impl Iterator<Item = Document> + 'a, BackendError> {
        match self.input {
            Input::Excerpts(woo, of) => Ok(woo.iter().map(move |e| e.document(of))),
            _ => Err(BackendError::Input { wants: "documents" }),
        }
    }

    pub fn input(&self) -> Input<'a> {
        self.input
    }

    /// The document, for a backend of documents.
    pub fn doc(&self) -> Result<&'a Document, BackendError> {
        match self.input {
            Input::Document(d) => Ok(d),
            _ => Err(BackendError::Input { wants: "a document" }),
        }
    }

    /// The inventory, for a backend of inventory files.
    pub fn inventory_rows(&self) -> Result<&'a Inventory, BackendError> {
        match self.input {
            Input::Inventory(i) => Ok(i),
            _ => Err(BackendError::Input { wants: "an inventory" }),
        }
    }
}

/// A rendered file.
#[derive(Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Pages, for formats that have them (0 otherwise).
    pub pages: usize,
    pub warnings: Vec<Warning>,
}

impl Rendered {
    /// A file without pages or warnings.
    pub fn bytes(bytes: Vec<u8>) -> Rendered {
        Rendered { bytes, pages: 0, warnings: Vec::new() }
    }
}

/// Something in the document the format could not show as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Characters the font has no glyph for, shown as U+FFFD; and whether
    /// withheld passages hold such characters too (those are not named).
    MissingGlyphs { chars: Vec<char>, in_withheld: bool },
}

/// A file that could not be made.
#[derive(Debug)]
pub enum BackendError {
    /// The PDF library refused the document.
    Pdf(String),
    /// The document holds more text (`bytes`) than a Word file is made
    /// from here (`limit`).
    DocxTooLarge { bytes: usize, limit: usize },
    /// The Word package could not be written.
    Docx(zip::result::ZipError),
    /// The upload package could not be written.
    Package(zip::result::ZipError),
    /// An inventory file (`file`) could not be written.
    Inventory { file: &'static str, error: SheetError },
    /// The backend was given what it does not render (a mistake of the
    /// caller, never of the data).
    Input { wants: &'static str },
}

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackendError::Pdf(why) => write!(f, "the PDF could not be written: {why}"),
            BackendError::DocxTooLarge { bytes, limit } => write!(
                f,
                "{:.1} MiB of text is more than a Word document is made for here ({} MiB at most, some 1,500 \
                 pages; docx-rs holds every paragraph until the package is written): make this one as PDF \
                 or HTML (leave out `--format docx`), or build it for fewer reports",
                *bytes as f64 / 1048576.0,
                limit >> 20
            ),
            BackendError::Docx(e) => write!(f, "the Word document could not be written: {e}"),
            BackendError::Package(e) => write!(f, "the upload package could not be written: {e}"),
            BackendError::Inventory { file, error } => write!(f, "{file} could not be written: {error}"),
            BackendError::Input { wants } => write!(f, "this backend renders {wants} only"),
        }
    }
}

/// Why an inventory file could not be written: its writer's own error.
#[derive(Debug)]
pub enum SheetError {
    Xlsx(rust_xlsxwriter::XlsxError),
    Csv(::csv::Error),
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::Xlsx(e) => write!(f, "{e}"),
            SheetError::Csv(e) => write!(f, "{e}"),
        }
    }
}

/// The output formats, a closed set; each names its backend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Md,
    Pdf,
    Html,
    /// Word, for the approval chain; made when asked for (`--format docx`).
    Docx,
}

impl Format {
    /// What a build makes unless told otherwise.
    pub const ALL: [Format; 3] = [Format::Md, Format::Pdf, Format::Html];
    /// Every format there is (Word only when asked for).
    pub const EVERY: [Format; 4] = [Format::Md, Format::Pdf, Format::Html, Format::Docx];

    /// The backend that writes this format.
    pub fn backend(self) -> &'static dyn Backend {
        match self {
            Format::Md => &markdown::Markdown,
            Format::Pdf => &pdf::Pdf,
            Format::Html => &html::Html,
            Format::Docx => &docx::Docx,
        }
    }

    pub fn extension(self) -> &'static str {
        self.backend().extension()
    }
}
