//! One Markdown document to PDF: its front matter gives the letterhead and the
//! metadata, its body the pages.

use super::layout::{self, Laid, Letterhead};
use super::{blocks, fonts::Fonts, pdf};
use crate::load::yaml::{self, Kind};
use crate::model::{Date, Precision};

/// The rendered PDF and what a reader should know about it.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters the font lacks, shown as U+FFFD.
    pub missing: Vec<char>,
}

/// The front matter's fields as text (lists joined).
fn front_matter(markdown: &str) -> Vec<(String, Vec<String>)> {
    let Some(rest) = markdown.strip_prefix("---\n") else { return Vec::new() };
    let Some(end) = rest.find("\n---\n") else { return Vec::new() };
    let Ok(node) = yaml::parse(&rest[..end]) else { return Vec::new() };
    let Kind::Map(entries) = node.kind else { return Vec::new() };
    entries
        .into_iter()
        .map(|(k, v)| {
            let values = match v.kind {
                Kind::Scalar(s) => vec![s],
                Kind::Seq(items) => items
                    .into_iter()
                    .filter_map(|i| match i.kind {
                        Kind::Scalar(s) => Some(s),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            (k.name, values)
        })
        .collect()
}

/// Markdown escapes (`\*`) removed, for plain-text places like metadata.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn to_pdf(markdown: &str) -> Result<Rendered, String> {
    let fm = front_matter(markdown);
    let get = |k: &str| fm.iter().find(|(n, _)| n == k).and_then(|(_, v)| v.first()).map(|s| unescape(s));
    let date = get("date").or_else(|| get("submitted")).and_then(|d| Date::parse(&d).ok());
    let mut rows = Vec::new();
    if let Some(d) = date {
        rows.push(("Datum".to_string(), d.dutch(Precision::Day)));
    }
    if let Some(s) = get("subtitle").or_else(|| get("title")) {
        rows.push(("Betreft".to_string(), s));
    }
    let docs: Vec<String> = [("kamervraag", "vragen"), ("kamerantwoord", "antwoord")]
        .iter()
        .filter_map(|(k, what)| get(k).map(|v| format!("{v} ({what})")))
        .collect();
    if !docs.is_empty() {
        rows.push(("Documenten".to_string(), docs.join(", ")));
    }
    if let Some(d) = get("dossier") {
        rows.push(("Dossier".to_string(), d));
    }
    let head =
        Letterhead { sender: get("author").unwrap_or_default(), rows, classification: get("classification") };
    let t = std::time::Instant::now();
    let doc = blocks::parse(markdown);
    pdf::step("  pdf markdown parsed", t);
    let laid: Laid = layout::layout(doc, &head, &Fonts);
    pdf::step("  pdf laid out", t);
    let keywords = fm
        .iter()
        .find(|(n, _)| n == "keywords")
        .map(|(_, v)| v.iter().map(|s| unescape(s)).collect())
        .unwrap_or_default();
    let meta = pdf::Meta {
        title: get("title").unwrap_or_default(),
        subject: get("subtitle").unwrap_or_default(),
        author: get("author").unwrap_or_default(),
        keywords,
        language: get("lang").unwrap_or_else(|| "nl-NL".into()),
        date: date.map_or(0, |d| d.earliest().and_hms_opt(12, 0, 0).map_or(0, |t| t.and_utc().timestamp())),
        id_seed: pdf::fnv(markdown.bytes().map(u64::from)),
    };
    let pages = laid.pages.len();
    let missing = laid.missing.iter().copied().collect();
    let bytes = pdf::write(laid, &meta).map_err(|e| e.0)?;
    Ok(Rendered { bytes, pages, missing })
}

#[cfg(test)]
mod tests {
    use super::to_pdf;

    const MD: &str = "---\ntitle: \"T\"\ndate: \"2022-12-02\"\nauthor: \"Ministerie\"\n---\n\n# Kop\n\nTekst met «aanhalingstekens» en [5.1.2e].\n";

    #[test]
    fn the_same_document_gives_the_same_bytes_also_later_in_one_process() {
        let first = to_pdf(MD).unwrap().bytes;
        let other = to_pdf(&MD.replace("Tekst", "Andere tekst")).unwrap().bytes;
        assert_ne!(first, other);
        assert_eq!(first, to_pdf(MD).unwrap().bytes);
    }

    #[test]
    fn dates_and_ids_come_from_the_document_not_the_clock() {
        let pdf = to_pdf(MD).unwrap().bytes;
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("D:20221202120000"), "creation date from front matter");
        assert!(!text.contains("GTS_PDFXVersion"));
        assert!(text.contains("/Lang"));
    }
}
