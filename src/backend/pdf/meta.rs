//! A PDF file's own metadata, as the Info dictionary ([`super::writer`]) and
//! the XMP packet ([`super::xmp`]) both say it: one type both read, so
//! neither imports the other.

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
