//! Woo publication: the inventory as the platforms read it (xlsx, csv),
//! document IDs that hold, the grounds of both laws, and DiWoo metadata.

use crate::common::Scratch;
use calamine::{Data, Reader, Xlsx};
use std::collections::BTreeMap;

/// The production report's header row, as the spec gives it.
const HEADER: [&str; 14] = [
    "ID",
    "Matter",
    "Family",
    "Email Thread ID",
    "Document",
    "File Type",
    "Datum",
    "Beoordeling",
    "Opgeschort",
    "Beoordelingsgrond",
    "Toelichting",
    "Publieke Link",
    "Gerelateerd ID",
    "Zaaknummer",
];

/// Every row of the sheet as text (dates as `YYYY-MM-DD`), and which cells hold real dates.
fn read_xlsx(path: &std::path::Path) -> (Vec<Vec<String>>, usize) {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = book.worksheet_range("Inventarislijst").unwrap();
    let mut dates = 0;
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::DateTime(d) => {
                        dates += 1;
                        let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
                        (epoch + chrono::Days::new(d.as_f64() as u64)).to_string()
                    }
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    (rows, dates)
}

/// The CSV's rows (RFC 4180, as the csv crate reads it).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn the_inventory_spreadsheet_has_the_production_reports_columns_and_the_csv_the_same_rows() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (rows, dates) = read_xlsx(&s.file("output/2022Z21205/inventaris.xlsx"));
    assert_eq!(rows[0], HEADER);
    assert_eq!(rows.len(), 1 + 11, "one row per document");
    assert_eq!(dates, 7, "the seven documents dated to the day have a real date");
    let first = &rows[1];
    assert_eq!(first[0], "BZK-2022Z21205-2021-03-09-video-stemmen-vaccinatie-1");
    assert_eq!(first[1], "2022Z21205");
    // Family and thread are numbers (of at most 12 digits, exact in a
    // spreadsheet): a letter is its own family (it has no attachments); a
    // letter and its reply are one thread, another report another.
    for row in &rows[1..] {
        for n in [&row[2], &row[3]] {
            assert!(!n.is_empty() && n.len() <= 12 && n.bytes().all(|b| b.is_ascii_digit()), "{n}");
        }
    }
    assert_ne!(first[2], rows[2][2], "each document its own family");
    assert_eq!(first[3], rows[2][3], "its reply is of the same thread");
    assert_ne!(first[3], rows[3][3], "the next report is another thread");
    let families: std::collections::BTreeSet<_> = rows[1..].iter().map(|r| &r[2]).collect();
    assert_eq!(families.len(), rows.len() - 1, "families are unique");
    assert_eq!(first[4], "Bericht van Ministerie van BZK aan Facebook, 9 maart 2021");
    assert_eq!(rows[2][4], "Reactie van Facebook aan Ministerie van BZK, datum onbekend (document 2)");
    assert_eq!(first[6], "2021-03-09");
    assert_eq!(first[7], "Deels openbaar");
    assert_eq!(first[9], "5.1.2e");
    assert_eq!(first[13], "2022Z21205");
    let csv_text = s.read("output/2022Z21205/inventaris.csv");
    assert!(csv_text.contains("\r\n") && !csv_text.starts_with('\u{feff}'));
    assert_eq!(read_csv(&csv_text), rows, "the CSV holds the same rows");
    // Every output shows the same IDs and labels.
    let md = s.read("output/2022Z21205/bijlagen.md");
    for row in &rows[1..] {
        assert!(md.contains(&format!("| {} |", row[0])), "{} in the inventory table", row[0]);
        assert!(md.contains(&format!("Document-ID: {}", row[0])), "{} at the head of its document", row[0]);
    }
    assert!(md.contains("| Deels openbaar | 5.1.2e |"), "{md}");
    // A second build gives the same bytes.
    let before = std::fs::read(s.file("output/2022Z21205/inventaris.xlsx")).unwrap();
    assert_eq!(s.run(&["build", "--format", "md"]).code, 0);
    assert_eq!(std::fs::read(s.file("output/2022Z21205/inventaris.xlsx")).unwrap(), before);
}

/// Each document's ID, family and thread by its title (and thread), from the CSV.
fn ids(s: &Scratch) -> BTreeMap<String, String> {
    let rows = read_csv(&s.read("output/2022Z21205/inventaris.csv"));
    // An undated document's title holds its number, which a report added
    // before it moves: it is known by its thread and description.
    let title = |t: &str| t.split(", datum onbekend").next().unwrap_or(t).to_string();
    rows[1..]
        .iter()
        .map(|r| (format!("{} {}", r[3], title(&r[4])), format!("{} {} {}", r[0], r[2], r[3])))
        .collect()
}

#[test]
fn adding_or_removing_a_report_changes_no_other_documents_id_family_or_thread() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--format", "md"]).code, 0);
    let before = ids(&s);
    let reports = s.read("data/records/reports.yaml");
    let earliest = "reports:
  - id: 2020-01-01-eerder
    date: 2020-01-01
    accounts: [tiktok]
    subject: Een eerdere melding
    summary: Een eerdere melding.
    correspondence:
      - { date: 2020-01-01, direction: sent, from: Ministerie van BZK, to: TikTok, text: Een bericht. }
    outcome:
      tiktok: { status: unknown, text: Onbekend. }
";
    s.write("data/records/reports.yaml", &reports.replacen("reports:\n", earliest, 1));
    assert_eq!(s.run(&["build", "--format", "md"]).code, 0);
    let after = ids(&s);
    assert_eq!(after.len(), before.len() + 1);
    for (k, id) in &before {
        assert_eq!(after.get(k), Some(id), "{k}");
    }
    // Removing a report (the one of Stemwijzer Dijk en Waard) keeps the others' IDs.
    let cut_start = reports.find("  - id: 2021-11-18-stemwijzer-dijk-en-waard").unwrap();
    let cut_end = reports.find("  - id: 2022-03-09-beek-instagram").unwrap();
    let mut fewer = reports.clone();
    fewer.replace_range(cut_start..cut_end, "");
    s.write("data/records/reports.yaml", &fewer);
    let r = s.run(&["build", "--format", "md", "--dossier", "2022Z21205"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fewer_ids = ids(&s);
    assert_eq!(fewer_ids.len(), before.len() - 2);
    for (k, id) in &fewer_ids {
        assert_eq!(before.get(k), Some(id), "{k}");
    }
}

#[test]
fn diwoo_names_every_published_document_once_and_no_withheld_word() {
    let s = Scratch::bundled();
    // One document judged not public: it is not indexed.
    s.edit(
        "data/records/reports.yaml",
        "        from: Twitter\n        to: Ministerie van BZK\n",
        "        from: Twitter\n        to: Ministerie van BZK\n        judgement: niet openbaar\n",
    );
    let r = s.run(&["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let xml = s.read("output/2022Z21205/diwoo.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let ns = "https://standaarden.overheid.nl/diwoo/metadata/";
    let indexed: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "identifier" && n.tag_name().namespace() == Some(ns))
        .filter_map(|n| n.text())
        .collect();
    let rows = read_csv(&s.read("output/2022Z21205/inventaris.csv"));
    let published: Vec<&str> =
        rows[1..].iter().filter(|r| r[7] != "Niet openbaar").map(|r| r[0].as_str()).collect();
    assert_eq!(published.len(), 10, "one judged not public");
    assert_eq!(indexed, published, "every published document once, in order");
    let publisher = doc.descendants().find(|n| n.tag_name().name() == "publisher").unwrap();
    assert_eq!(
        publisher.attribute("resource"),
        Some("https://identifier.overheid.nl/tooi/id/ministerie/mnre1034")
    );
    let records = s.read("data/records/reports.yaml");
    for marker in records.split("[[").skip(1) {
        let words = marker.split_once(": ").unwrap().1.split("]]").next().unwrap();
        for file in ["diwoo.xml", "inventaris.csv"] {
            assert!(!s.read(&format!("output/2022Z21205/{file}")).contains(words), "{words} in {file}");
        }
    }
}

#[test]
fn a_wob_ground_in_a_woo_dossier_an_unknown_ground_and_dubbel_without_its_document_are_errors_at_their_line()
{
    let s = Scratch::minimal();
    s.edit("data/records/reports.yaml", "Beste [[5.1.2e: Jan Modaal]]", "Beste [[10.2e: Jan Modaal]]");
    s.edit(
        "data/records/reports.yaml",
        "        to: Facebook\n",
        "        to: Facebook\n        grounds: [5.1.9z, dubbel]\n",
    );
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    let e = &r.stderr;
    assert!(e.contains("`10.2e` is a ground of the Wob; this document is judged under the Woo"), "{e}");
    assert!(e.contains("reports.yaml:14:17"), "the marker's place: {e}");
    assert!(e.contains("`5.1.9z` is not a ground of the Woo or the Wob"), "{e}");
    assert!(e.contains("reports.yaml:12:19"), "{e}");
    assert!(e.contains("`dubbel` names no other document"), "{e}");
    assert!(e.contains("reports.yaml:12:27"), "{e}");
    assert!(!e.contains("Jan Modaal"), "no withheld word in a message: {e}");
}

#[test]
fn a_wob_dossier_takes_wob_grounds_names_them_and_a_duplicate_points_at_its_document() {
    let s = Scratch::minimal();
    s.edit("data/records/reports.yaml", "Beste [[5.1.2e: Jan Modaal]]", "Beste [[10.2e: Jan Modaal]]");
    s.edit(
        "data/records/reports.yaml",
        "          Beste [[10.2e: Jan Modaal]], een video.\n",
        "          Beste [[10.2e: Jan Modaal]], een video.\n      - date: 2021-03-10\n        direction: sent\n        from: Ministerie van BZK\n        to: Facebook\n        text: Hetzelfde bericht.\n        grounds: [dubbel]\n        duplicate_of: WOB-T1-r1-1\n",
    );
    s.edit("data/dossiers/T1/dossier.yaml", "woo: {", "woo: { law: wob, prefix: WOB,");
    let r = s.run(&["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = s.read("output/T1/bijlagen.md");
    assert!(md.contains("Weigeringsgronden (Wet openbaarheid van bestuur):"), "{md}");
    assert!(md.contains("- 10.2e – eerbiediging van de persoonlijke levenssfeer"), "{md}");
    assert!(
        md.contains("| WOB-T1-r1-2 |") && md.contains("| Niet openbaar | dubbel (WOB-T1-r1-1) |"),
        "{md}"
    );
    let rows = read_csv(&s.read("output/T1/inventaris.csv"));
    assert_eq!(rows[2][9], "dubbel");
    assert_eq!(rows[2][12], "WOB-T1-r1-1");
    assert!(
        rows[2][10].starts_with("Dubbel: de inhoud is in een ander document al beoordeeld."),
        "{}",
        rows[2][10]
    );
    // A duplicate of a document the dossier does not have is an error.
    s.edit("data/records/reports.yaml", "duplicate_of: WOB-T1-r1-1", "duplicate_of: WOB-T1-r9-1");
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`WOB-T1-r9-1` names no document of dossier T1"), "{}", r.stderr);
}

/// The `bin` folder of the validators' virtual environment with lxml, if it
/// is there (`.ci/run` installs it into `target/validators`, or
/// `BEANTWOORD_VALIDATORS` names another); outside CI its absence skips the
/// check with a note, under `CI` it fails, as the PDF validators do.
fn lxml() -> Option<std::path::PathBuf> {
    let bin = std::env::var_os("BEANTWOORD_VALIDATORS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| crate::common::repo().join("target/validators/bin"));
    let ready = std::process::Command::new(bin.join("python"))
        .args(["-c", "import lxml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ready {
        return Some(bin);
    }
    assert!(std::env::var_os("CI").is_none(), "lxml is required in CI: not in {}", bin.display());
    eprintln!("note: lxml is not installed in {}; skipping (CI installs it)", bin.display());
    None
}

/// `tests/validators/validate_diwoo.py` over `file` with the copied XSD
/// 0.9.8: its exit status and one line per entry (`OK …` or `FAIL …`).
fn validate_diwoo(bin: &std::path::Path, file: &std::path::Path) -> (bool, Vec<String>) {
    let repo = crate::common::repo();
    let out = std::process::Command::new(bin.join("python"))
        .arg(repo.join("tests/validators/validate_diwoo.py"))
        .arg(repo.join("tests/fixtures/diwoo"))
        .arg(file)
        .output()
        .unwrap();
    let lines = String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect();
    assert!(out.stderr.is_empty() || out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (out.status.success(), lines)
}

#[test]
fn every_entry_of_the_bundled_diwoo_xml_is_valid_against_the_diwoo_xsd_0_9_8_and_the_old_bugs_are_not() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let xml = s.read("output/2022Z21205/diwoo.xml");
    assert!(xml.contains("/diwoo/metadata/0.9.8/xsd/diwoo-metadata.xsd"), "names schema 0.9.8");
    let Some(bin) = lxml() else { return };
    let file = s.file("output/2022Z21205/diwoo.xml");
    let (ok, lines) = validate_diwoo(&bin, &file);
    assert!(ok && lines.iter().all(|l| l.starts_with("OK ")), "{}", lines.join("\n"));
    assert_eq!(lines.len(), 11, "every published document: {lines:?}");
    // The same validator rejects each bug the writer had: it is live. (A
    // missing `isPartOf` is no schema error, the element being optional:
    // the next test asks for it.)
    let first = xml.find("<diwoo:creatiedatum>").unwrap();
    let date = &xml[first..xml[first..].find("</diwoo:creatiedatum>").unwrap() + first];
    let bugs = [
        (
            "creatieDatum",
            xml.replacen(date, &date.replace("creatiedatum", "creatieDatum"), 1).replacen(
                "</diwoo:creatiedatum>",
                "</diwoo:creatieDatum>",
                1,
            ),
        ),
        ("c_e1ec3050e", xml.replacen("kern/c_e1ec050e\"", "kern/c_e1ec3050e\"", 1)),
        ("relative loc", xml.replacen("<loc>https://open.overheid.nl/documenten/2022Z21205/", "<loc>", 1)),
        ("unknown language", xml.replacen("language/NLD", "language/XXX", 1)),
    ];
    for (bug, text) in bugs {
        assert_ne!(text, xml, "{bug}: the edit took");
        s.write("bug.xml", &text);
        let (ok, lines) = validate_diwoo(&bin, &s.file("bug.xml"));
        let failed: Vec<&String> = lines.iter().filter(|l| l.starts_with("FAIL ")).collect();
        assert!(!ok && failed.len() == 1, "{bug} is rejected, in one entry: {lines:?}");
    }
}

#[test]
fn a_document_of_unknown_date_gets_no_creatiedatum_and_every_loc_is_absolute() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let xml = s.read("output/2022Z21205/diwoo.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let ns = "https://standaarden.overheid.nl/diwoo/metadata/";
    let rows = read_csv(&s.read("output/2022Z21205/inventaris.csv"));
    let dates: BTreeMap<&str, &str> = rows[1..].iter().map(|r| (r[0].as_str(), r[6].as_str())).collect();
    let mut undated = 0;
    for url in doc.descendants().filter(|n| n.tag_name().name() == "url") {
        let field = |name: &str| {
            url.descendants()
                .find(|n| n.tag_name().name() == name && n.tag_name().namespace() == Some(ns))
                .and_then(|n| n.text())
        };
        let id = field("identifier").unwrap();
        let loc = url.descendants().find(|n| n.tag_name().name() == "loc").unwrap().text().unwrap();
        // The document's own file, named by its ID.
        assert_eq!(loc, format!("https://open.overheid.nl/documenten/2022Z21205/documenten/{id}.pdf"));
        let part = url.descendants().find(|n| n.tag_name().name() == "isPartOf").unwrap();
        assert_eq!(
            part.attribute("resource"),
            Some("https://open.overheid.nl/documenten/2022Z21205/antwoord.pdf")
        );
        match dates[id] {
            "" => {
                undated += 1;
                assert_eq!(field("creatiedatum"), None, "{id}: no invented date");
                assert!(field("atTime").unwrap().starts_with("2022-12-02"), "{id}: the annex's date");
                assert_eq!(field("soortHandeling"), Some("vaststelling"), "{id}");
            }
            day => {
                assert_eq!(field("creatiedatum"), Some(day), "{id}");
                assert!(field("atTime").unwrap().starts_with(day), "{id}");
            }
        }
    }
    assert_eq!(undated, 4, "the four documents not dated to the day");
    assert!(!xml.contains("creatieDatum"));
}

#[test]
fn without_a_base_url_no_diwoo_xml_is_made_and_a_warning_says_why() {
    let s = Scratch::minimal();
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "woo: { base_url: \"https://open.overheid.nl/documenten/T1/\" }\n",
        "",
    );
    let r = s.run(&["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!s.file("output/T1/diwoo.xml").exists());
    assert!(s.file("output/T1/inventaris.csv").exists(), "the rest of the inventory is made");
    let e = &r.stderr;
    assert!(e.contains("diwoo.xml is not made for T1: no publication base URL is set"), "{e}");
    assert!(e.contains("woo: { base_url: https://… }"), "{e}");
    assert_eq!(e.matches("diwoo.xml is not made").count(), 1, "{e}");
}

#[test]
fn a_relative_base_url_is_one_error_at_its_place() {
    let s = Scratch::minimal();
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "woo: { base_url: \"https://open.overheid.nl/documenten/T1/\" }",
        "woo: { base_url: documenten/T1/ }",
    );
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let e = &r.stderr;
    assert_eq!(e.lines().filter(|l| l.starts_with("error")).count(), 1, "one error: {e}");
    assert!(e.contains("1 error(s)"), "{e}");
    assert!(e.contains("`documenten/T1/` is not an absolute http(s) URL"), "{e}");
    assert!(e.contains("T1/dossier.yaml:8:18"), "at the value: {e}");
    assert!(e.contains("base_url: https://open.overheid.nl/documenten/2022Z21205/"), "a hint: {e}");
}

/// The platforms' upload keeps a file only when its name is a document's
/// ID: every published document of the inventory has its PDF in
/// `documenten/`, named `<ID>.pdf`, and every file there is one of them; a
/// document that is not published has none. Each file holds its own letter
/// and no other, redacted as in the annex.
#[test]
fn every_published_document_has_its_own_pdf_named_by_its_id_and_every_file_an_id() {
    let s = Scratch::bundled();
    // One letter withheld in full: listed, but no file.
    s.edit(
        "data/records/reports.yaml",
        "        to: Twitter\n        reconstructed: true\n        text: |\n          Geachte [[5.1.2e: naam contactpersoon Twitter]],\n\n          De gemeente Midden-Delfland",
        "        to: Twitter\n        judgement: niet openbaar\n        grounds: [5.1.2e]\n        reconstructed: true\n        text: |\n          Geachte [[5.1.2e: naam contactpersoon Twitter]],\n\n          De gemeente Midden-Delfland",
    );
    let r = s.run(&["build", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = read_csv(&s.read("output/2022Z21205/inventaris.csv"));
    let published: Vec<&str> =
        rows[1..].iter().filter(|r| r[7] != "Niet openbaar").map(|r| r[0].as_str()).collect();
    let mut files: Vec<String> = std::fs::read_dir(s.file("output/2022Z21205/documenten"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut want: Vec<String> = published.iter().map(|id| format!("{id}.pdf")).collect();
    want.sort();
    assert_eq!(files, want);
    assert_eq!((rows.len() - 1, published.len()), (11, 10), "one document is not published");
    for id in &published {
        let pdf = s.file(&format!("output/2022Z21205/documenten/{id}.pdf"));
        let Some(text) = crate::common::tool("pdftotext", &[crate::common::p(&pdf), "-"]) else { return };
        assert_eq!(text.matches("Document-ID: ").count(), 1, "one letter in {id}: {text}");
        assert!(text.contains(&format!("Document-ID: {id}")), "{id}: {text}");
        assert!(crate::common::leaks(text.as_bytes()).is_empty(), "{id}: {text}");
    }
}

/// The documents' dates are facts or nothing, the same in every file: the
/// day in the xlsx (a real date), the CSV, DiWoo's `creatiedatum` and the
/// document's own PDF; an unknown or month-only date is empty in the
/// inventory, left out of DiWoo and explained in the Toelichting. What a
/// document is (a reconstruction, a summary) is said in the Toelichting,
/// the annex heading and DiWoo, and every title is unique.
#[test]
fn dates_are_the_same_in_every_file_and_what_a_document_is_is_said_everywhere() {
    let s = Scratch::bundled();
    // The Twitter report's letter becomes a summary dated to the month only.
    let reports = s.read("data/records/reports.yaml");
    let letter = "      - date: 2021-03-11\n        direction: sent\n        from: Ministerie van BZK\n        to: Twitter\n        reconstructed: true\n";
    assert!(reports.contains(letter), "the bundled Midden-Delfland letter");
    let summary = "      - date: 2021-03\n        direction: sent\n        from: Ministerie van BZK\n        to: Twitter\n        form: summary\n";
    s.write("data/records/reports.yaml", &reports.replacen(letter, summary, 1));
    let r = s.run(&["build", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (rows, _) = read_xlsx(&s.file("output/2022Z21205/inventaris.xlsx"));
    assert_eq!(read_csv(&s.read("output/2022Z21205/inventaris.csv")), rows, "xlsx and CSV agree");
    let xml = s.read("output/2022Z21205/diwoo.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let ns = "https://standaarden.overheid.nl/diwoo/metadata/";
    let mut titles = std::collections::BTreeSet::new();
    let (mut known, mut unknown) = (0, 0);
    for row in &rows[1..] {
        let (id, title, day, note) = (&row[0], &row[4], &row[6], &row[10]);
        assert!(titles.insert(title.clone()), "{title}: titles are unique");
        let url = doc
            .descendants()
            .find(|n| n.tag_name().name() == "url" && n.descendants().any(|i| i.text() == Some(id.as_str())))
            .unwrap_or_else(|| panic!("{id} in DiWoo"));
        let field = |name: &str| {
            url.descendants()
                .find(|n| n.tag_name().name() == name && n.tag_name().namespace() == Some(ns))
                .and_then(|n| n.text())
                .map(str::to_string)
        };
        let about = field("omschrijving").unwrap();
        let file = s.file(&format!("output/2022Z21205/documenten/{id}.pdf"));
        // Read as a reader does (CI installs pdftotext), one space between words.
        let pdf = crate::common::tool("pdftotext", &[crate::common::p(&file), "-"])
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
        let pdf_says = |what: &str| pdf.as_ref().is_none_or(|t| t.contains(what));
        if day.is_empty() {
            unknown += 1;
            assert_eq!(field("creatiedatum"), None, "{id}: no invented date");
            assert!(
                note.contains("Datum onbekend") || note.contains("Datum niet op de dag bekend"),
                "{id}: {note}"
            );
            assert!(about.contains(note.as_str()), "{id}: DiWoo says why: {about}");
        } else {
            known += 1;
            assert_eq!(field("creatiedatum").as_deref(), Some(day.as_str()), "{id}");
            let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
            let dutch = beantwoord::model::Date::Day(date).dutch(beantwoord::model::Precision::Day);
            assert!(pdf_says(&format!("Datum: {dutch}")), "{id}: its PDF says {dutch}: {pdf:?}");
            assert!(title.ends_with(&dutch), "{id}: the title holds the date: {title}");
        }
        if id.ends_with("midden-delfland-account-1") {
            assert!(day.is_empty(), "a month is not a day");
            assert!(pdf_says("Datum: maart 2021"), "{pdf:?}");
            assert!(
                note.starts_with("Samenvatting:") && note.contains("Datum niet op de dag bekend"),
                "{note}"
            );
            assert!(pdf_says("(samenvatting)"), "the heading says so: {pdf:?}");
            assert!(about.contains("Samenvatting:"), "{about}");
        } else {
            assert!(note.starts_with("Reconstructie:"), "{id}: {note}");
            assert!(pdf_says("(reconstructie)"), "{id}: the heading says so");
            assert!(about.contains("Reconstructie:"), "{id}: {about}");
        }
    }
    assert_eq!((known, unknown), (6, 5), "six documents dated to the day, five not");
}

/// `--woo-pakket` makes what the platform's upload step takes, in
/// `upload/`: the production report, and a zip with one PDF per published
/// document named exactly by its ID (the platform stores a file only when
/// its name matches an ID of the report) and nothing else; the same bytes
/// on every build; a build without the option removes it rather than let
/// it go stale.
#[test]
fn the_upload_package_holds_the_production_report_and_a_pdf_per_published_document_named_by_its_id() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--woo-pakket"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dir = "output/2022Z21205";
    let report = std::fs::read(s.file(&format!("{dir}/upload/productierapport.xlsx"))).unwrap();
    assert_eq!(report, std::fs::read(s.file(&format!("{dir}/inventaris.xlsx"))).unwrap());
    let (rows, _) = read_xlsx(&s.file(&format!("{dir}/upload/productierapport.xlsx")));
    let published: Vec<&str> =
        rows[1..].iter().filter(|r| r[7] != "Niet openbaar").map(|r| r[0].as_str()).collect();
    assert_eq!(published.len(), 11);
    let zip_path = s.file(&format!("{dir}/upload/documenten.zip"));
    let bytes = std::fs::read(&zip_path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    let expected: Vec<String> = published.iter().map(|id| format!("{id}.pdf")).collect();
    assert_eq!(names, expected, "one file per published document, in the report's order");
    for id in &published {
        let mut entry = zip.by_name(&format!("{id}.pdf")).unwrap();
        let mut pdf = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut pdf).unwrap();
        let own = std::fs::read(s.file(&format!("{dir}/documenten/{id}.pdf"))).unwrap();
        assert!(pdf == own, "{id}: the same PDF as its own file");
    }
    let r = s.run(&["build", "--woo-pakket"]);
    assert!(r.stderr.contains("0 new, 0 changed, 25 unchanged"), "{}", r.stderr);
    assert_eq!(std::fs::read(&zip_path).unwrap(), bytes, "the same bytes");
    let r = s.run(&["build"]);
    assert!(r.stdout.contains("removed      output/2022Z21205/upload/documenten.zip"), "{}", r.stdout);
    assert!(!zip_path.exists() && !s.file(&format!("{dir}/upload")).exists());
}

/// A correction of a sent annex goes out as the follow-up's own Woo
/// publication: the changed document under a new ID that names the one it
/// replaces (Gerelateerd ID; DiWoo "verwijst naar"), in `nader/`'s own
/// inventory and per-document PDF; the unchanged document of that annex
/// keeps its ID and is not published again; sending the follow-up locks
/// those files; and what was sent first is never rewritten.
#[test]
fn a_corrected_document_of_a_sent_annex_is_published_in_the_follow_up_under_a_new_id_naming_the_old() {
    let s = Scratch::bundled();
    let r = s.run(&["send", "2022Z21205"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lock = s.read("data/dossiers/2022Z21205/dossier.lock");
    let first = "BZK-2022Z21205-2021-03-09-video-stemmen-vaccinatie-1";
    let second = "BZK-2022Z21205-2021-03-09-video-stemmen-vaccinatie-2";
    assert!(lock.contains(&format!("    ids: [\"{first}\", \"{second}\"]\n")), "{lock}");
    assert!(lock.contains("    digests: ["), "{lock}");
    let sent_csv = s.read("output/2022Z21205/inventaris.csv");

    // The first letter of the first report is corrected.
    let reports = s.read("data/records/reports.yaml");
    let at = reports.find("        text: |\n").unwrap() + "        text: |\n".len();
    let end = at + reports[at..].find('\n').unwrap();
    s.write("data/records/reports.yaml", &format!("{} (gecorrigeerd){}", &reports[..end], &reports[end..]));
    let r = s.run(&["build", "--nader"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s.read("output/2022Z21205/inventaris.csv"), sent_csv, "the sent inventory is kept");

    let replacing = format!("{first}-nader");
    let csv = s.read("output/2022Z21205/nader/inventaris.csv");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "only the corrected document is published again:\n{csv}");
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let related = header.iter().position(|h| *h == "Gerelateerd ID").unwrap();
    assert!(rows[0].starts_with(&format!("{replacing},")), "{csv}");
    assert!(rows[0].contains(&format!("Vervangt document {first}")), "{csv}");
    // (The Toelichting holds commas in quotes: count the fields from the end.)
    let from_end = header.len() - related;
    let fields: Vec<&str> = rows[0].rsplitn(from_end + 1, ',').collect();
    assert_eq!(fields[from_end - 1], first, "Gerelateerd ID: {csv}");
    assert!(s.file(&format!("output/2022Z21205/nader/documenten/{replacing}.pdf")).is_file());
    assert!(!s.file(&format!("output/2022Z21205/nader/documenten/{second}.pdf")).exists());
    let annexes = s.read("output/2022Z21205/nader/bijlagen.md");
    assert!(annexes.contains(&format!("Document-ID: {replacing}\\")), "{annexes}");
    assert!(annexes.contains(&format!("Document-ID: {second}\\")), "the unchanged one as it was: {annexes}");

    let xml = s.read("output/2022Z21205/nader/diwoo.xml");
    assert!(xml.contains("/2022Z21205/nader/documenten/"), "{xml}");
    assert!(xml.contains("c_75fac459\">verwijst naar</diwoo:role>"), "{xml}");
    assert!(xml.contains(&format!("<diwoo:relation resource=\"{first}\">{first}</diwoo:relation>")), "{xml}");
    if let Some(bin) = lxml() {
        let (ok, lines) = validate_diwoo(&bin, &s.file("output/2022Z21205/nader/diwoo.xml"));
        assert!(ok && lines.len() == 1 && lines[0].starts_with("OK "), "{}", lines.join("\n"));
    }

    // Sent in its turn, the follow-up's publication is locked with it.
    let dossier = s.read("data/dossiers/2022Z21205/dossier.yaml");
    s.write(
        "data/dossiers/2022Z21205/dossier.yaml",
        &format!("{dossier}nader:\n  answered: 2022-12-20\n  reason: In bijlage 1 stond een fout.\n"),
    );
    let r = s.run(&["send", "--nader", "2022Z21205"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let locked = s.read("data/dossiers/2022Z21205/nader.lock");
    for f in ["nader/inventaris.csv", "nader/inventaris.xlsx", "nader/diwoo.xml"] {
        assert!(locked.contains(&format!("\"{f}\": ")), "{f} in\n{locked}");
    }
    assert!(locked.contains(&format!("\"nader/documenten/{replacing}.pdf\": ")), "{locked}");
    let xml = s.read("output/2022Z21205/nader/diwoo.xml");
    assert!(xml.contains("<lastmod>2022-12-20</lastmod>"), "dated the day the follow-up went out: {xml}");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let said = format!("{}{}", r.stdout, r.stderr);
    assert!(said.contains("0 new, 0 changed"), "{said}");
}

/// The second dossier of a data folder annexes a report the first already
/// published: its documents are listed "Reeds openbaar" under the first
/// dossier's IDs with the link where they stand (Publieke Link), their
/// text is not published again (no PDF of their own, no DiWoo entry, a
/// pointer in the annex), and each mistake in the entry is one error.
#[test]
fn a_report_published_with_an_earlier_dossier_is_reeds_openbaar_under_its_earlier_id_and_link() {
    let s = Scratch::bundled();
    let first = "2021-03-09-video-stemmen-vaccinatie";
    let earlier = |n: u32| format!("BZK-2022Z21205-{first}-{n}");
    let second = |yaml: &str| {
        let d = std::fs::read_to_string(crate::common::fixtures().join("minimal/dossiers/T1/dossier.yaml"))
            .unwrap();
        d.replace("id: T1", "id: 2023Z00001").replace(
            "woo: { base_url: \"https://open.overheid.nl/documenten/T1/\" }",
            &format!(
                "woo: {{ base_url: \"https://open.overheid.nl/documenten/2023Z00001/\" }}\nannexes:\n  reports: [{first}, 2021-03-11-midden-delfland-account]\n  already_published:\n{yaml}"
            ),
        )
    };
    s.write(
        "data/dossiers/2023Z00001/dossier.yaml",
        &second(&format!("    - report: {first}\n      dossier: 2022Z21205\n")),
    );
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let csv = s.read("output/2023Z00001/inventaris.csv");
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let link_at = header.iter().position(|h| *h == "Publieke Link").unwrap();
    for n in [1, 2] {
        let row = csv
            .lines()
            .find(|l| l.starts_with(&format!("{},", earlier(n))))
            .unwrap_or_else(|| panic!("{csv}"));
        assert!(row.contains(",Reeds openbaar,,,Reeds openbaar gemaakt bij Kamervraag 2022Z21205."), "{row}");
        let link = format!("https://open.overheid.nl/documenten/2022Z21205/documenten/{}.pdf", earlier(n));
        let from_end = header.len() - link_at;
        let fields: Vec<&str> = row.rsplitn(from_end + 1, ',').collect();
        assert_eq!(fields[from_end - 1], link, "Publieke Link: {row}");
        assert!(!s.file(&format!("output/2023Z00001/documenten/{}.pdf", earlier(n))).exists());
        let annex = s.read("output/2023Z00001/bijlagen.md");
        assert!(
            annex.contains(&format!("Reeds openbaar gemaakt bij Kamervraag 2022Z21205: <{link}>")),
            "{annex}"
        );
    }
    // The other report is published here, under this dossier's IDs.
    assert!(csv.contains("BZK-2023Z00001-2021-03-11-midden-delfland-account-1,"), "{csv}");
    assert!(
        s.file("output/2023Z00001/documenten/BZK-2023Z00001-2021-03-11-midden-delfland-account-1.pdf")
            .is_file()
    );
    let xml = s.read("output/2023Z00001/diwoo.xml");
    assert!(!xml.contains(&earlier(1)), "the national index has it already: {xml}");
    assert_eq!(xml.matches("<url>").count(), 2, "{xml}");
    // The text of the earlier documents is not in the public annex again.
    let letter = s.read("output/2022Z21205/bijlagen.md");
    let sample = "gelijk toestemming zou geven";
    assert!(letter.contains(sample));
    assert!(!s.read("output/2023Z00001/bijlagen.md").contains(sample));

    // Each mistake is one error at its place.
    for (entry, said) in [
        (format!("    - report: {first}\n      dossier: 2022Z21250\n"), "did you mean `2022Z21205`?"),
        (
            format!("    - report: {first}\n      dossier: 2023Z00001\n"),
            "no other dossier has the id `2023Z00001`",
        ),
        (
            "    - report: 2021-03-17-twee-vakjes\n      dossier: 2022Z21205\n".to_string(),
            "is not annexed in dossier 2023Z00001",
        ),
        (
            format!("    - report: {first}\n      dossier: 2022Z21205\n      link: open.overheid.nl\n"),
            "is not an absolute http(s) URL",
        ),
        (
            format!(
                "    - report: {first}\n      dossier: 2022Z21205\n    - report: {first}\n      dossier: 2022Z21205\n"
            ),
            "listed as already published twice",
        ),
    ] {
        s.write("data/dossiers/2023Z00001/dossier.yaml", &second(&entry));
        let r = s.run(&["check"]);
        assert_eq!(r.code, 1, "{entry}: {}", r.stderr);
        assert!(r.stderr.contains(said), "{entry}: {}", r.stderr);
        assert_eq!(r.stderr.matches("error:").count(), 1, "{entry}: {}", r.stderr);
    }
}
