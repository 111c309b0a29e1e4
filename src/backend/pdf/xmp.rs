//! The document's XMP metadata packet (ISO 16684-1) as PDF/A-2 and PDF/UA-1
//! want it: the same title, author, subject, keywords, tools and dates as
//! the Info dictionary, the conformance claims (`pdfaid`, `pdfuaid`) and the
//! extension-schema description PDF/A-2 requires for `pdfuaid`. Pure code:
//! the same metadata gives the same bytes.

use super::meta::Meta;
use crate::backend::xml::escape;

/// The tool that made the file (`xmp:CreatorTool`, Info `/Creator`).
pub const CREATOR: &str = "beantwoord";
/// The library that wrote it (`pdf:Producer`, Info `/Producer`).
pub const PRODUCER: &str = "beantwoord (printpdf)";

/// `date` (Unix time) as an XMP date: `2022-12-02T12:00:00+00:00`.
pub fn xmp_date(date: i64) -> String {
    chrono::DateTime::from_timestamp(date, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string()
}

/// `date` (Unix time) as a PDF date: `D:20221202120000+00'00'`.
pub fn pdf_date(date: i64) -> String {
    chrono::DateTime::from_timestamp(date, 0).unwrap_or_default().format("D:%Y%m%d%H%M%S+00'00'").to_string()
}

/// The keywords as one string, as both Info and XMP hold them.
pub fn keywords(meta: &Meta) -> String {
    meta.keywords.join(", ")
}

/// The XMP packet.
pub fn packet(meta: &Meta) -> String {
    let date = xmp_date(meta.date);
    let mut dc = format!(
        "<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
        escape(&meta.title),
        escape(&meta.language)
    );
    if !meta.author.is_empty() {
        dc += &format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            escape(&meta.author)
        );
    }
    if !meta.subject.is_empty() {
        dc += &format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
            escape(&meta.subject)
        );
    }
    let keywords = keywords(meta);
    let pdf_keywords = if keywords.is_empty() {
        String::new()
    } else {
        format!("<pdf:Keywords>{}</pdf:Keywords>\n", escape(&keywords))
    };
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
{dc}<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<pdf:Producer>{PRODUCER}</pdf:Producer>
{pdf_keywords}<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas>
<rdf:Bag>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property>
<rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li>
</rdf:Seq>
</pdfaSchema:property>
</rdf:li>
</rdf:Bag>
</pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        bom = '\u{FEFF}',
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta {
        Meta {
            title: "Antwoord <op> vragen & \"meer\"\u{1}".into(),
            author: "Ministerie van BZK".into(),
            language: "nl-NL".into(),
            keywords: vec!["Kamervragen".into(), "Woo".into()],
            date: 1_669_982_400,
            ..Meta::default()
        }
    }

    #[test]
    fn the_packet_claims_pdfa_2a_and_pdfua_1_and_escapes_what_it_holds() {
        let x = packet(&meta());
        assert!(x.contains("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>"));
        assert!(x.contains("<pdfuaid:part>1</pdfuaid:part>") && x.contains("<pdfaSchema:prefix>pdfuaid<"));
        assert!(x.contains(">Antwoord &lt;op&gt; vragen &amp; &quot;meer&quot;</rdf:li>"), "{x}");
        assert!(x.contains("<pdf:Keywords>Kamervragen, Woo</pdf:Keywords>"));
        assert!(x.contains("<xmp:CreateDate>2022-12-02T12:00:00+00:00</xmp:CreateDate>"));
        assert!(!x.contains("dc:description"), "no empty subject");
        assert_eq!(x, packet(&meta()));
    }

    #[test]
    fn info_and_xmp_dates_are_the_same_instant() {
        assert_eq!(pdf_date(1_669_982_400), "D:20221202120000+00'00'");
        assert_eq!(xmp_date(1_669_982_400), "2022-12-02T12:00:00+00:00");
    }
}
