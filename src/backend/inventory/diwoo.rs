//! `diwoo.xml`: each published document of the inventory for the national
//! Woo index, as a DiWoo sitemap (metadata schema 0.9.4) of the kind
//! open.minvws.nl writes (`SitemapBuilder`, `SitemapUrlBuilder`): per
//! document a `url` with its location and a `diwoo:Document` holding the
//! creation date, the publisher (TOOI), the official title, the
//! information category (TOOI) and the document's handling (received or
//! signed) with its time. Added to what that writer gives: the document's
//! ID, its language, its file format, and a description that says its
//! judgement and grounds and where it stands. A document that is not
//! published (`Niet openbaar`) is not listed.

use super::Inventory;
use crate::backend::xml::escape;

const SCHEMA: &str = "http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd https://standaarden.overheid.nl/diwoo/metadata/ https://standaarden.overheid.nl/diwoo/metadata/0.9.4/xsd/diwoo-metadata.xsd";
const HANDLING: &str = "https://identifier.overheid.nl/tooi/def/thes/kern/";
const DUTCH: &str = "http://publications.europa.eu/resource/authority/language/NLD";
const PDF: &str = "http://publications.europa.eu/resource/authority/file-type/PDF";

pub fn write(inv: &Inventory) -> Vec<u8> {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:diwoo=\"https://standaarden.overheid.nl/diwoo/metadata/\" xsi:schemaLocation=\"{SCHEMA}\">\n"
    ));
    let (publisher_uri, publisher) = inv.publisher.clone().unwrap_or_default();
    for row in inv.rows.iter().filter(|r| r.published()) {
        let day = row.date.unwrap_or(inv.published);
        let (code, handling) =
            if row.received { ("c_dfcee535", "ontvangst") } else { ("c_e1ec3050e", "ondertekening") };
        let title = format!("{} (bijlage {} bij Kamervraag {})", row.document, row.annex, inv.case);
        let grounds = if row.grounds.is_empty() { String::new() } else { format!(" ({})", row.grounds) };
        let about = format!(
            "Beoordeling: {}{grounds}. Document {} in bijlage {} van {}, {}.",
            row.judgement, row.number, row.annex, inv.file, inv.title
        );
        x.push_str("  <url>\n");
        x.push_str(&format!("    <loc>{}#{}</loc>\n", escape(&inv.file), escape(&row.id)));
        x.push_str(&format!("    <lastmod>{}</lastmod>\n", inv.published.format("%Y-%m-%d")));
        x.push_str("    <diwoo:Document>\n      <diwoo:DiWoo>\n");
        x.push_str(&format!(
            "        <diwoo:identifiers>\n          <diwoo:identifier>{}</diwoo:identifier>\n        </diwoo:identifiers>\n",
            escape(&row.id)
        ));
        x.push_str(&format!("        <diwoo:creatieDatum>{}</diwoo:creatieDatum>\n", day.format("%Y-%m-%d")));
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
        x.push_str(&format!("        <diwoo:language resource=\"{DUTCH}\">Nederlands</diwoo:language>\n"));
        x.push_str(&format!("        <diwoo:format resource=\"{PDF}\">pdf</diwoo:format>\n"));
        x.push_str(&format!(
            "        <diwoo:classificatiecollectie>\n          <diwoo:informatiecategorieen>\n            <diwoo:informatiecategorie resource=\"{}\">{}</diwoo:informatiecategorie>\n          </diwoo:informatiecategorieen>\n        </diwoo:classificatiecollectie>\n",
            escape(&inv.category.0),
            escape(&inv.category.1)
        ));
        x.push_str(&format!(
            "        <diwoo:documenthandelingen>\n          <diwoo:documenthandeling>\n            <diwoo:soortHandeling resource=\"{HANDLING}{code}\">{handling}</diwoo:soortHandeling>\n            <diwoo:atTime>{}T00:00:00+00:00</diwoo:atTime>\n          </diwoo:documenthandeling>\n        </diwoo:documenthandelingen>\n",
            day.format("%Y-%m-%d")
        ));
        x.push_str("      </diwoo:DiWoo>\n    </diwoo:Document>\n  </url>\n");
    }
    x.push_str("</urlset>\n");
    x.into_bytes()
}
