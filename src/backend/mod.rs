//! Stage 4, **backends**: a typed [`Document`] to the bytes of one file
//! format. Each format is one module behind the one [`Backend`] trait (as
//! mdBook's renderers): [`markdown`], [`pdf`] (layout, content streams and
//! the only module that touches printpdf), [`html`]. A new format is one
//! more module and one more [`Format`] value. [`xml`] escapes text for the
//! formats that are XML. Backends are pure: a document
//! in, bytes out; the same document gives the same bytes.

pub mod docx;
pub mod html;
pub mod inventory;
pub mod markdown;
pub mod pdf;
pub mod typography;
pub mod xml;

use crate::document::Document;

/// Whether a link may leave the document: only addresses that open a page
/// or a mail (no `javascript:`, no `data:`). Shared by the formats that
/// make links.
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"].iter().any(|p| lower.starts_with(p))
}

/// Makes one file format from a document.
pub trait Backend: Sync {
    /// The file extension of the documents it writes, e.g. `pdf`.
    fn extension(&self) -> &'static str;
    /// The file's bytes, and what a reader should know about them.
    fn render(&self, doc: &Document) -> Result<Rendered, BackendError>;
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
    /// The Word package could not be written.
    Docx(String),
}

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackendError::Pdf(why) => write!(f, "the PDF could not be written: {why}"),
            BackendError::Docx(why) => write!(f, "the Word document could not be written: {why}"),
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
