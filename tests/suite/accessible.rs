//! Publishable PDFs: every PDF the tool writes passes the offline validators
//! for PDF/UA-1 and PDF/A-2a (page-validation) and outloud's PDF/UA checks,
//! and its structure tree follows the Markdown: a heading element per
//! heading, a `Note` per footnote, a `Table` with `TH` cells per table, a
//! `Link` per link, a `Figure` with spoken alternate text per withheld
//! passage.
//!
//! The validators come from PyPI (`tests/validators/requirements.txt`);
//! `.ci/run` installs them into `target/validators`, or
//! `BEANTWOORD_VALIDATORS` names another virtual environment's `bin`
//! folder. Where they are missing outside CI the tests say so and check
//! nothing, as the other PDF tests do.

use crate::common::{Scratch, pdf_objects, repo};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `bin` folder of the validators' virtual environment, if it is there.
fn validators() -> Option<PathBuf> {
    let bin = std::env::var_os("BEANTWOORD_VALIDATORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/validators/bin"));
    let ready = bin.join("outloud").exists()
        && Command::new(bin.join("python"))
            .args(["-c", "import page"])
            .output()
            .is_ok_and(|o| o.status.success());
    if ready {
        return Some(bin);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "the PDF validators are required in CI: no page-validation and outloud in {}",
        bin.display()
    );
    eprintln!("note: the PDF validators are not installed in {}; skipping (CI installs them)", bin.display());
    None
}

/// Runs both validators on `files`; fails with every finding.
fn assert_valid(files: &[PathBuf]) {
    let Some(bin) = validators() else { return };
    assert!(!files.is_empty());
    let script = repo().join("tests/validators/validate_pdf.py");
    let out = Command::new(bin.join("python")).arg(&script).args(files).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let failures: Vec<&str> = report.lines().filter(|l| !l.starts_with("OK ")).collect();
    assert!(
        out.status.success() && failures.is_empty(),
        "not PDF/UA-1 and PDF/A-2a:\n{}\n{}",
        failures.join("\n"),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(report.lines().count(), 3 * files.len(), "every file, every check: {report}");
}

/// Every PDF below `dir`.
fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            out.extend(pdfs(&path));
        } else if path.extension().is_some_and(|x| x == "pdf") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn every_bundled_pdf_public_and_internal_is_pdf_ua_1_and_pdf_a_2a() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--internal", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files: Vec<PathBuf> =
        pdfs(&s.file("output")).into_iter().chain(pdfs(&s.file("output-intern"))).collect();
    // antwoord, bijlagen and the cover letter, public and internal, and the
    // eleven published Woo documents each on its own.
    assert_eq!(files.len(), 6 + 11, "{files:?}");
    assert_valid(&files);
}

#[test]
fn a_delay_notice_and_a_follow_up_answer_are_pdf_ua_1_and_pdf_a_2a_too() {
    let s = Scratch::bundled();
    // Letters with the ministry's logo (an image, transparent in places).
    std::fs::write(s.file("templates/logo.png"), crate::common::logo_png(110, 260)).unwrap();
    s.edit(
        "data/dossiers/2022Z21205/dossier.yaml",
        "answered: 2022-12-02\n",
        "answered: 2022-12-02\ndelays:\n  - sent: 2022-11-25\n    reason: De beantwoording vraagt afstemming.\n",
    );
    assert_eq!(s.run(&["send", "2022Z21205", "--format", "pdf"]).code, 0);
    // A correction after sending: answer 4 changes.
    s.edit("data/records/reports.yaml", "    date: 2021-11-18\n", "    date: 2021-11-19\n");
    let r = s.run(&["build", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files = vec![
        s.file("output/2022Z21205/uitstel-1.pdf"),
        s.file("output/2022Z21205/nader/antwoord.pdf"),
        s.file("output/2022Z21205/aanbieding.pdf"),
    ];
    assert_valid(&files);
}

#[test]
fn a_300_report_register_gives_pdf_ua_1_and_pdf_a_2a() {
    let dir = tempfile::tempdir().unwrap();
    crate::batch::synth::generate(300, 1, 5, dir.path()).unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_beantwoord"))
        .env("BEANTWOORD_LANG", "en")
        .args(["build", "--quiet", "--internal", "--format", "pdf", "--data", "data", "--out", "out"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    let files: Vec<PathBuf> =
        pdfs(&dir.path().join("out")).into_iter().chain(pdfs(&dir.path().join("out-intern"))).collect();
    let (per_document, files): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_iter().partition(|f| f.to_string_lossy().contains("/documenten/"));
    assert_eq!(files.len(), 6);
    assert!(per_document.len() > 800, "{}", per_document.len());
    // The documents' PDFs are made alike: a sample of them is validated.
    let sample: Vec<PathBuf> = per_document.iter().step_by(200).cloned().collect();
    assert_valid(&files.into_iter().chain(sample).collect::<Vec<_>>());
}

/// A question set whose answers hold what the bundled data does not: a
/// list, links (one split over two lines), a heading that skips a level, a
/// table with an empty cell, footnotes, and a withheld passage in running
/// text.
pub fn rich() -> Scratch {
    let s = Scratch::minimal();
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "      {{ reports | via(account=\"facebook\") | length | keer }}.\n",
        "      {{ reports | via(account=\"facebook\") | length | keer }}, zie [de overzichtspagina van het ministerie over desinformatie en de aanpak daarvan](https://example.org/desinformatie) en <https://example.org/b>.[^extra]\n\n\
       \x20     #### Toelichting\n\n\
       \x20     1. Eerste punt, met [[5.1.2e: Jan Jansen]] erin.\n\
       \x20     2. Tweede punt.\n\n\
       \x20     - los punt\n\n\
       \x20     | Soort | Aantal |\n\
       \x20     | --- | ---: |\n\
       \x20     | meldingen | 3 |\n\
       \x20     | leeg |  |\n",
    );
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "footnotes:\n",
        "footnotes:\n  extra: { text: Een tweede noot. }\n",
    );
    s
}

#[test]
fn lists_links_tables_notes_and_redactions_validate_too() {
    let s = rich();
    let r = s.run(&["build", "--internal", "--format", "pdf", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_valid(
        &pdfs(&s.file("output")).into_iter().chain(pdfs(&s.file("output-intern"))).collect::<Vec<_>>(),
    );
}

/// What the Markdown holds, as the structure tree should.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    headings: usize,
    notes: usize,
    tables: usize,
    header_cells: usize,
    links: usize,
    redactions: usize,
}

fn markdown_counts(md: &str) -> Counts {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut c = Counts::default();
    let mut in_head = false;
    let (mut keys, mut head_cells, mut head_text) = (false, 0, String::new());
    for e in Parser::new_ext(
        md,
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    ) {
        match e {
            Event::Start(Tag::Heading { .. }) => c.headings += 1,
            Event::Start(Tag::FootnoteDefinition(_)) => c.notes += 1,
            Event::Start(Tag::TableHead) => in_head = true,
            // A key–value table (its header row empty) heads each row instead.
            Event::Start(Tag::Table(_)) => {
                c.tables += 1;
                head_text.clear();
            }
            Event::Text(t) if in_head => head_text.push_str(&t),
            Event::Start(Tag::TableCell) if in_head => head_cells += 1,
            Event::End(pulldown_cmark::TagEnd::TableHead) => {
                in_head = false;
                keys = head_text.trim().is_empty();
                if !keys {
                    c.header_cells += head_cells;
                }
                head_cells = 0;
            }
            Event::Start(Tag::TableRow) if keys => c.header_cells += 1,
            Event::End(pulldown_cmark::TagEnd::Table) => keys = false,
            Event::Start(Tag::Link { .. }) => c.links += 1,
            _ => {}
        }
    }
    // A withheld passage is written `[5.1.2e]`: a ground code in brackets.
    c.redactions = md
        .match_indices('[')
        .filter(|(i, _)| {
            let rest = &md[i + 1..];
            let code: String =
                rest.chars().take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '.').collect();
            code.starts_with(|ch: char| ch.is_ascii_digit()) && rest[code.len()..].starts_with(']')
        })
        .count();
    c
}

/// The structure elements of a PDF by type, and the alternate texts.
fn structure(path: &Path) -> Option<(BTreeMap<String, usize>, Vec<String>)> {
    let text = pdf_objects(path)?;
    let mut kinds = BTreeMap::new();
    let mut alts = Vec::new();
    for object in text.split("\nendobj") {
        if !object.contains("/Type /StructElem") {
            continue;
        }
        let kind = object.lines().find_map(|l| l.trim().strip_prefix("/S /")).unwrap_or("?");
        *kinds.entry(kind.to_string()).or_default() += 1;
        if let Some(alt) = object.lines().find_map(|l| l.trim().strip_prefix("/Alt ")) {
            alts.push(alt.to_string());
        }
    }
    Some((kinds, alts))
}

fn pdf_counts(kinds: &BTreeMap<String, usize>, figures_alt: usize) -> Counts {
    let n = |k: &str| kinds.get(k).copied().unwrap_or(0);
    Counts {
        headings: ["H1", "H2", "H3", "H4", "H5", "H6"].iter().map(|h| n(h)).sum(),
        notes: n("Note"),
        tables: n("Table"),
        header_cells: n("TH"),
        links: n("Link"),
        redactions: figures_alt,
    }
}

/// The alternate text as qpdf shows it: a literal string (escaped) or a
/// UTF-16 hex string.
fn spoken(alt: &str) -> String {
    match alt.strip_prefix("<feff").or_else(|| alt.strip_prefix("<FEFF")) {
        Some(hex) => {
            let hex = hex.trim_end_matches('>');
            let units: Vec<u16> = (0..hex.len() / 4)
                .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => alt
            .strip_prefix('(')
            .and_then(|a| a.strip_suffix(')'))
            .unwrap_or(alt)
            .replace("\\(", "(")
            .replace("\\)", ")")
            .replace("\\\\", "\\"),
    }
}

#[test]
fn the_structure_tree_follows_the_markdown() {
    for (s, dossier) in [(Scratch::bundled(), "2022Z21205"), (rich(), "T1")] {
        let r = s.run(&["build", "--format", "md", "--format", "pdf"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        for doc in ["antwoord", "bijlagen"] {
            let md_path = s.file(&format!("output/{dossier}/{doc}.md"));
            if !md_path.exists() {
                continue;
            }
            let md = std::fs::read_to_string(&md_path).unwrap();
            let Some((kinds, alts)) = structure(&s.file(&format!("output/{dossier}/{doc}.pdf"))) else {
                return;
            };
            let spoken: Vec<String> = alts.iter().map(|a| spoken(a)).collect();
            assert!(
                spoken.iter().all(
                    |a| a.starts_with("Weggelakt: 5.1.2e (eerbiediging van de persoonlijke levenssfeer)")
                ),
                "{spoken:?}"
            );
            let want = markdown_counts(&md);
            assert_eq!(pdf_counts(&kinds, spoken.len()), want, "{dossier}/{doc}: {kinds:?}");
            assert_eq!(kinds.get("Document"), Some(&1));
            assert!(kinds.contains_key("H1"), "the first heading is H1");
            if dossier == "T1" && doc == "antwoord" {
                assert!(
                    kinds["Link"] >= 2 && kinds["L"] == 2 && kinds["LI"] == 3 && kinds["Lbl"] >= 3,
                    "{kinds:?}"
                );
                assert!(want.redactions >= 1 && want.links >= 3 && want.notes == 2, "{want:?}");
            }
        }
    }
}

#[test]
fn no_heading_level_is_skipped_and_artifacts_are_not_content() {
    let s = rich();
    assert_eq!(s.run(&["build", "--format", "pdf", "--internal"]).code, 0);
    for path in [s.file("output/T1/antwoord.pdf"), s.file("output-intern/T1/antwoord-INTERN.pdf")] {
        let Some(text) = pdf_objects(&path) else { return };
        let levels: Vec<u8> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("/S /H"))
            .filter_map(|n| n.parse().ok())
            .collect();
        // (Elements are numbered in document order.)
        assert!(levels.windows(2).all(|w| w[1] <= w[0] + 1), "{levels:?}");
        // Page numbers and the running header are pagination artifacts.
        let streams: Vec<&str> = text.split("stream\n").collect();
        let pages = streams.iter().filter(|s| s.contains(" Tj")).count();
        assert!(pages >= 1);
        assert_eq!(text.matches("/Artifact <</Type /Pagination /Subtype /Footer>> BDC").count(), pages);
        if path.to_string_lossy().contains("intern") {
            assert_eq!(text.matches("/Subtype /Header>> BDC").count(), pages, "the running header");
        }
    }
}

#[test]
fn a_footnote_marker_is_a_reference_and_its_note_has_a_label() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--format", "pdf"]).code, 0);
    let Some(objects) = crate::common::pdf_objects(&s.file("output/2022Z21205/antwoord.pdf")) else { return };
    // The answer cites three notes: three markers, three notes, each
    // numbered by a label.
    let count = |s: &str| objects.matches(s).count();
    assert_eq!(count("/S /Reference"), 3, "each marker in the text a Reference");
    assert_eq!(count("/S /Note"), 3);
    assert!(count("/S /Lbl") >= 3, "each note's number a Lbl");
}

#[test]
fn an_annexs_table_of_facts_is_headed_by_row_not_by_a_gegeven_waarde_row() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--format", "md", "--format", "pdf", "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = s.read("output/2022Z21205/bijlagen.md");
    assert!(!md.contains("Gegeven") && md.contains("\n|  |  |\n| --- | --- |\n"), "an empty header row");
    let html = s.read("output/2022Z21205/bijlagen.html");
    assert!(html.contains("<tr><th scope=\"row\">Datum</th><td>"), "each fact headed by its row");
    let Some(objects) = crate::common::pdf_objects(&s.file("output/2022Z21205/bijlagen.pdf")) else { return };
    // Structure elements with row scope (the annexes' facts) beside the
    // inventory's column headers, and no "Gegeven" anywhere.
    let rows = objects.matches("/Scope /Row").count();
    assert!(rows >= 5 * 4, "every fact of every annex heads its row: {rows}");
    assert!(objects.contains("/Scope /Column"), "the inventory keeps its column headers");
    let text =
        crate::common::tool("pdftotext", &[crate::common::p(&s.file("output/2022Z21205/bijlagen.pdf")), "-"])
            .unwrap();
    assert!(!text.contains("Gegeven") && !text.contains("Waarde"));
}
