//! `diwoo.xml`: each published document of the inventory for the national
//! Woo index, as a sitemap with the DiWoo metadata extension, schema 0.9.8
//! (`tests/fixtures/diwoo/`, the official XSD, validates every entry in the
//! tests). Per document a `url` with its absolute location (the dossier's
//! `woo.base_url`, the annex file and the document's ID as fragment) and a
//! `diwoo:Document` holding, in the schema's order: the document's ID, the
//! publisher (TOOI), the official title, a description that says its
//! judgement and grounds and where it stands, the information category
//! (TOOI), its creation date when known to the day (left out, never
//! guessed, when not), its language and file format, the answer it is
//! part of (`isPartOf`), its handling (received or signed) with its
//! time, and the document it refers to (`documentrelaties`, "verwijst
//! naar": a duplicate's original, or the sent document a follow-up's
//! corrected one replaces). The shape of open.minvws.nl's writer (`SitemapUrlBuilder`). A
//! document that is not published (`Niet openbaar`), or was published
//! before with an earlier dossier (`Reeds openbaar`), is not listed.
//!
//! Every URI comes from the schema's value lists
//! (`diwoo-metadata-lijsten.xsd`). The caller writes the file only when
//! [`Inventory::diwoo_missing`] is `None` (a publisher and a base URL).

use super::Inventory;
use crate::backend::xml::escape;

const SCHEMA: &str = "http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd https://standaarden.overheid.nl/diwoo/metadata/ https://standaarden.overheid.nl/diwoo/metadata/0.9.8/xsd/diwoo-metadata.xsd";
/// `soorthandelinglijst` (ccw_plooi_documenthandelingen).
const HANDLING: &str = "https://identifier.overheid.nl/tooi/def/thes/kern/";
const RECEIVED: (&str, &str) = ("c_dfcee535", "ontvangst");
const SIGNED: (&str, &str) = ("c_e1ec050e", "ondertekening");
/// `documentrelatielijst`: the relation of a document to the one it
/// stands in for.
const REFERS_TO: (&str, &str) = ("c_75fac459", "verwijst naar");
/// For a document whose own date is unknown: the annex holding it was
/// established (`vaststelling`) on the publication date.
const ESTABLISHED: (&str, &str) = ("c_641ecd76", "vaststelling");
/// `taallijst` and `formatlijst`, with their labels there.
const DUTCH: &str = "http://publications.europa.eu/resource/authority/language/NLD";
const PDF: &str = "http://publications.europa.eu/resource/authority/file-type/PDF";

pub fn write(inv: &Inventory) -> Vec<u8> {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:diwoo=\"https://standaarden.overheid.nl/diwoo/metadata/\" xsi:schemaLocation=\"{SCHEMA}\">\n"
    ));
    let (publisher_uri, publisher) = inv.publisher.clone().unwrap_or_default();
    let base = inv.base_url.as_deref().unwrap_or_default();
    let published = inv.published.format("%Y-%m-%d").to_string();
    for row in inv.rows.iter().filter(|r| r.published_here()) {
        let day = row.date.map(|d| d.format("%Y-%m-%d").to_string());
        let (code, handling) = match (&day, row.received) {
            (None, _) => ESTABLISHED,
            (Some(_), true) => RECEIVED,
            (Some(_), false) => SIGNED,
        };
        let title = format!("{} (bijlage {} bij Kamervraag {})", row.document, row.annex, inv.case);
        let grounds = if row.grounds.is_empty() { String::new() } else { format!(" ({})", row.grounds) };
        let mut about = format!(
            "Beoordeling: {}{grounds}. Document {} in bijlage {} van {}, {}.",
            row.judgement, row.number, row.annex, inv.file, inv.title
        );
        // What it is (a reconstruction, a summary) and why its date is
        // missing, as the inventory's Toelichting says.
        if !row.note.is_empty() {
            about.push(' ');
            about.push_str(&row.note);
        }
        x.push_str("  <url>\n");
        // The document's own file: `documenten/<ID>.pdf` below the dossier's.
        x.push_str(&format!(
            "    <loc>{}</loc>\n",
            escape(&format!("{base}{}/{}.pdf", crate::document::inventory::DOCUMENTS, row.id))
        ));
        x.push_str(&format!("    <lastmod>{published}</lastmod>\n"));
        x.push_str("    <diwoo:Document>\n      <diwoo:DiWoo>\n");
        x.push_str(&format!(
            "        <diwoo:identifiers>\n          <diwoo:identifier>{}</diwoo:identifier>\n        </diwoo:identifiers>\n",
            escape(&row.id)
        ));
        x.push_str(&format!(
            "        <diwoo:publisher resource=\"{}\">{}</diwoo:publisher>\n",
            escape(&publisher_uri),
            escape(&publisher)
        ));
        x.push_str(&format!(
            "        <diwoo:titelcollectie>\n          <diwoo:officieleTitel>{}</diwoo:officieleTitel>\n        </diwoo:titelcollectie>\n",
            escape(&title)
        ));
        x.push_str(&format!(
            "        <diwoo:omschrijvingen>\n          <diwoo:omschrijving>{}</diwoo:omschrijving>\n        </diwoo:omschrijvingen>\n",
            escape(&about)
        ));
        x.push_str(&format!(
            "        <diwoo:classificatiecollectie>\n          <diwoo:informatiecategorieen>\n            <diwoo:informatiecategorie resource=\"{}\">{}</diwoo:informatiecategorie>\n          </diwoo:informatiecategorieen>\n        </diwoo:classificatiecollectie>\n",
            escape(&inv.category.0),
            escape(&inv.category.1)
        ));
        if let Some(day) = &day {
            x.push_str(&format!("        <diwoo:creatiedatum>{day}</diwoo:creatiedatum>\n"));
        }
        x.push_str(&format!("        <diwoo:language resource=\"{DUTCH}\">Nederlands</diwoo:language>\n"));
        x.push_str(&format!("        <diwoo:format resource=\"{PDF}\">PDF</diwoo:format>\n"));
        x.push_str(&format!(
            "        <diwoo:isPartOf resource=\"{}\">{}</diwoo:isPartOf>\n",
            escape(&format!("{base}{}", inv.answer.0)),
            escape(&inv.answer.1)
        ));
        x.push_str(&format!(
            "        <diwoo:documenthandelingen>\n          <diwoo:documenthandeling>\n            <diwoo:soortHandeling resource=\"{HANDLING}{code}\">{handling}</diwoo:soortHandeling>\n            <diwoo:atTime>{}T00:00:00+00:00</diwoo:atTime>\n          </diwoo:documenthandeling>\n        </diwoo:documenthandelingen>\n",
            day.as_deref().unwrap_or(&published)
        ));
        // The document it stands in for (a duplicate's original, or the
        // sent document a follow-up's corrected one replaces).
        if !row.related.is_empty() {
            x.push_str(&format!(
                "        <diwoo:documentrelaties>\n          <diwoo:documentrelatie>\n            <diwoo:role resource=\"{HANDLING}{}\">{}</diwoo:role>\n            <diwoo:relation resource=\"{}\">{}</diwoo:relation>\n          </diwoo:documentrelatie>\n        </diwoo:documentrelaties>\n",
                REFERS_TO.0,
                REFERS_TO.1,
                escape(&row.related),
                escape(&row.related)
            ));
        }
        x.push_str("      </diwoo:DiWoo>\n    </diwoo:Document>\n  </url>\n");
    }
    x.push_str("</urlset>\n");
    x.into_bytes()
}
