//! Woo publication facts the tool knows: the ministries' abbreviations and
//! TOOI identifiers, the information categories of the national Woo index,
//! and the form of a document ID. Sources: the DiWoo 0.9.4 lists as
//! open.minvws.nl's `Tooi` enums give them (`Ministerie`,
//! `InformatieCategorie`), and its `DocumentId` (`^[a-zA-Z0-9.-]*$`, 1–170).

/// A ministry as the index names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ministry {
    /// As the dossier names it (`Ministerie van …`), compared without case.
    pub name: &'static str,
    /// The usual abbreviation, used as the document IDs' prefix.
    pub abbreviation: &'static str,
    /// Its TOOI code (`mnre1034`).
    pub tooi: &'static str,
}

pub const MINISTRY_BASE: &str = "https://identifier.overheid.nl/tooi/id/ministerie/";
pub const CATEGORY_BASE: &str = "https://identifier.overheid.nl/tooi/def/thes/kern/";

const MINISTRIES: &[Ministry] = &[
    Ministry { name: "ministerie van Algemene Zaken", abbreviation: "AZ", tooi: "mnre1010" },
    Ministry { name: "ministerie van Asiel en Migratie", abbreviation: "AenM", tooi: "mnre1162" },
    Ministry {
        name: "ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        abbreviation: "BZK",
        tooi: "mnre1034",
    },
    Ministry { name: "ministerie van Buitenlandse Zaken", abbreviation: "BZ", tooi: "mnre1013" },
    Ministry { name: "ministerie van Defensie", abbreviation: "DEF", tooi: "mnre1018" },
    Ministry { name: "ministerie van Economische Zaken", abbreviation: "EZ", tooi: "mnre1045" },
    Ministry { name: "ministerie van Financiën", abbreviation: "FIN", tooi: "mnre1090" },
    Ministry { name: "ministerie van Infrastructuur en Waterstaat", abbreviation: "IenW", tooi: "mnre1130" },
    Ministry { name: "ministerie van Justitie en Veiligheid", abbreviation: "JenV", tooi: "mnre1058" },
    Ministry { name: "ministerie van Klimaat en Groene Groei", abbreviation: "KGG", tooi: "mnre1182" },
    Ministry {
        name: "ministerie van Landbouw, Natuur en Voedselkwaliteit",
        abbreviation: "LNV",
        tooi: "mnre1150",
    },
    Ministry {
        name: "ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur",
        abbreviation: "LVVN",
        tooi: "mnre1153",
    },
    Ministry {
        name: "ministerie van Onderwijs, Cultuur en Wetenschap",
        abbreviation: "OCW",
        tooi: "mnre1109",
    },
    Ministry {
        name: "ministerie van Sociale Zaken en Werkgelegenheid",
        abbreviation: "SZW",
        tooi: "mnre1073",
    },
    Ministry {
        name: "ministerie van Volksgezondheid, Welzijn en Sport",
        abbreviation: "VWS",
        tooi: "mnre1025",
    },
    Ministry {
        name: "ministerie van Volkshuisvesting en Ruimtelijke Ordening",
        abbreviation: "VRO",
        tooi: "mnre1171",
    },
];

/// The ministry called `name` (any case), if the index lists it.
pub fn ministry(name: &str) -> Option<Ministry> {
    MINISTRIES.iter().copied().find(|m| m.name.eq_ignore_ascii_case(name.trim()))
}

/// Annexes to answers to the Kamer: "vergaderstukken Staten-Generaal".
pub const DEFAULT_CATEGORY: &str = "c_c76862ab";

const CATEGORIES: &[(&str, &str)] = &[
    ("c_3baef532", "Woo-verzoeken en -besluiten"),
    ("c_99a836c7", "adviezen"),
    ("c_3a248e3a", "agenda’s en besluitenlijsten bestuurscolleges"),
    ("c_89ee6784", "bereikbaarheidsgegevens"),
    ("c_46a81018", "beschikkingen"),
    ("c_8c840238", "bij vertegenwoordigende organen ingekomen stukken"),
    ("c_8fc2335c", "convenanten"),
    ("c_816e508d", "inspanningsverplichting art 3.1 Woo"),
    ("c_c6cd1213", "jaarplannen en jaarverslagen"),
    ("c_a870c43d", "klachtoordelen"),
    ("c_fdaee95e", "onderzoeksrapporten"),
    ("c_759721e2", "ontwerpen van wet- en regelgeving met adviesaanvraag"),
    ("c_40a05794", "organisatie en werkwijze"),
    ("c_aab6bfc7", "overige besluiten van algemene strekking"),
    ("c_cf268088", "subsidieverplichtingen anders dan met beschikking"),
    ("c_c76862ab", "vergaderstukken Staten-Generaal"),
    ("c_db4862c3", "vergaderstukken decentrale overheden"),
    ("c_139c6280", "wetten en algemeen verbindende voorschriften"),
];

/// The name of an information category code.
pub fn category_name(code: &str) -> Option<&'static str> {
    CATEGORIES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// Every category code, for hints.
pub fn category_codes() -> impl Iterator<Item = &'static str> {
    CATEGORIES.iter().map(|(c, _)| *c)
}

/// Whether `url` is an absolute `http` or `https` URL with a host (the
/// sitemaps protocol wants absolute locations): no spaces, no fragment.
pub fn is_absolute_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with('.')
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
        && !url.contains('#')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The folder below a dossier's public folder with one PDF per published
/// Woo document, named by its ID: what the platforms' upload takes.
pub const DOCUMENTS: &str = "documenten";

/// `base` as a folder to join file names to: with one trailing `/`.
pub fn folder_url(base: &str) -> String {
    format!("{}/", base.trim_end_matches('/'))
}

/// The longest document ID the platforms take.
pub const MAX_ID: usize = 170;

/// Whether `id` is a document ID the platforms take: `[A-Za-z0-9.-]`, 1–170 long.
pub fn is_document_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// Whether `part` may stand in a document ID (a prefix or a matter).
pub fn is_id_part(part: &str) -> bool {
    is_document_id(part)
}

/// The ID of the `place`-th (1-based) letter of report `report`:
/// `<prefix>-<matter>-<report id>-<place>`. From the record, never from a
/// position in the dossier: another report added or removed changes no ID.
pub fn document_id(prefix: &str, matter: &str, report: &str, place: usize) -> String {
    format!("{prefix}-{matter}-{report}-{place}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_ministry_is_known_and_ids_have_the_platforms_form() {
        let m = ministry("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties").unwrap();
        assert_eq!((m.abbreviation, m.tooi), ("BZK", "mnre1034"));
        let id = document_id("BZK", "2022Z21205", "2021-03-09-video", 2);
        assert_eq!(id, "BZK-2022Z21205-2021-03-09-video-2");
        assert!(is_document_id(&id));
        assert!(is_absolute_url("https://open.overheid.nl/documenten/2022Z21205"));
        assert!(is_absolute_url("http://localhost:8080/a/"));
        for bad in [
            "bijlagen/",
            "/documenten",
            "ftp://x.nl/",
            "https://",
            "https:///a",
            "https://a b.nl/",
            "https://x.nl/#a",
        ] {
            assert!(!is_absolute_url(bad), "{bad}");
        }
        assert_eq!(folder_url("https://x.nl/a"), "https://x.nl/a/");
        assert_eq!(folder_url("https://x.nl/a/"), "https://x.nl/a/");
        assert!(!is_document_id("BZK 1") && !is_document_id("") && !is_document_id(&"a".repeat(171)));
    }
}
