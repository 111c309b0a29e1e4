//! The PDFs as a reader and a validator see them (poppler's pdftotext and
//! pdffonts, qpdf). Those tools are installed by `.ci/run`; where they are
//! missing outside CI the tests say so and pass without checking.

use crate::common::{Scratch, p, pdf_objects, section, tool};

/// Text with whitespace, hyphens and soft hyphens (the hyphens the layout
/// adds at line ends) removed, and footnote numbers glued to punctuation
/// (`Twitter»?1`) dropped. (pdftotext joins a line that ends in a real
/// hyphen to the next and drops the hyphen: "Midden-" / "Delfland" reads
/// "MiddenDelfland".)
fn normal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() && i > 0 && "?.!»,;:".contains(chars[i - 1]) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j == chars.len() || chars[j].is_whitespace() {
                i = j;
                continue;
            }
        }
        if !c.is_whitespace() && c != '\u{AD}' && c != '-' {
            out.push(c);
        }
        i += 1;
    }
    out
}

fn markdown_text(md: &str) -> String {
    let mut t = md.replace('\\', "");
    while let Some(i) = t.find("[^") {
        let end = t[i..].find(']').map_or(t.len(), |e| i + e + 1);
        t.replace_range(i..end, "");
    }
    t.replace("**", "").replace('*', "")
}

#[test]
fn the_answer_pdf_holds_every_question_and_answer_in_order() {
    let s = Scratch::bundled();
    let md = s.build_and_read("2022Z21205", "antwoord.md");
    let Some(text) = tool("pdftotext", &[p(&s.file("output/2022Z21205/antwoord.pdf")), "-"]) else { return };
    let body: String = text
        .lines()
        .filter(|l| !(l.starts_with("Pagina ") && l.contains(" van ")))
        .collect::<Vec<_>>()
        .join("\n");
    let pdf = normal(&body);
    let mut at = 0;
    for n in 1..=14 {
        for heading in [format!("Vraag {n}"), format!("Antwoord {n}")] {
            let want = normal(&markdown_text(section(&md, &heading)));
            let found = pdf[at..].find(&want);
            assert!(found.is_some(), "{heading} not found (in order) in the PDF text:\n{want}");
            at += found.unwrap() + want.len();
        }
    }
}

#[test]
fn no_word_lies_within_10_mm_of_the_page_edge() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--internal"]).code, 0);
    for doc in ["output", "output-intern"].iter().flat_map(|o| {
        let tail = if *o == "output" { "" } else { "-INTERN" };
        ["antwoord", "bijlagen"].map(|d| format!("{o}/2022Z21205/{d}{tail}.pdf"))
    }) {
        let doc = doc.as_str();
        let Some(html) = tool("pdftotext", &["-bbox", p(&s.file(doc)), "-"]) else {
            return;
        };
        assert_within_margins(&html, doc);
    }
}

fn attr(tag: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap() + key.len();
    tag[start..].split('"').next().unwrap().parse().unwrap()
}

fn assert_within_margins(html: &str, what: &str) {
    let limit = 10.0 * 72.0 / 25.4;
    let (mut pw, mut ph) = (0.0, 0.0);
    let mut words = 0;
    for tag in html.split('<') {
        if tag.starts_with("page ") {
            pw = attr(tag, "width");
            ph = attr(tag, "height");
        } else if tag.starts_with("word ") {
            words += 1;
            let (x0, y0, x1, y1) =
                (attr(tag, "xMin"), attr(tag, "yMin"), attr(tag, "xMax"), attr(tag, "yMax"));
            let word = tag.split('>').nth(1).unwrap_or("");
            assert!(
                x0 >= limit && y0 >= limit && x1 <= pw - limit && y1 <= ph - limit,
                "{what}: `{word}` at ({x0}, {y0})–({x1}, {y1})"
            );
        }
    }
    assert!(words > 100, "{what}: only {words} words");
}

#[test]
fn the_pdfs_are_valid_with_every_font_embedded() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--internal"]).code, 0);
    for doc in [
        "output/2022Z21205/antwoord.pdf",
        "output/2022Z21205/bijlagen.pdf",
        "output-intern/2022Z21205/bijlagen-INTERN.pdf",
    ] {
        let path = s.file(doc);
        let Some(check) = tool("qpdf", &["--check", p(&path)]) else { return };
        assert!(check.contains("No syntax or stream encoding errors found"), "{doc}: {check}");
        let Some(fonts) = tool("pdffonts", &[p(&path)]) else { return };
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            assert!(row.contains(" yes "), "{doc}: font not embedded: {row}");
        }
        let Some(info) = tool("pdfinfo", &[p(&path)]) else { return };
        assert!(
            info.contains("Author:          Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
            "{info}"
        );
        assert!(info.contains("CreationDate:    Fri Dec  2 12:00:00 2022 UTC"), "{info}");
        assert!(info.contains("Page size:       595.276 x 841.89 pts (A4)"));
        assert!(!info.contains("PDF/X"), "no claim the file does not meet: {info}");
    }
}

/// The bookmarks as a reader's panel shows them: (title, children), read
/// from qpdf's JSON of the outline tree.
fn bookmarks(pdf: &std::path::Path) -> Option<Vec<(String, Vec<serde_json::Value>)>> {
    let json = tool("qpdf", &["--json", "--json-key=outlines", p(pdf)])?;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    Some(
        v["outlines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| (o["title"].as_str().unwrap().to_string(), o["kids"].as_array().unwrap().clone()))
            .collect(),
    )
}

fn titles(items: &[serde_json::Value]) -> Vec<&str> {
    items.iter().map(|o| o["title"].as_str().unwrap()).collect()
}

/// The bookmarks nest as the headings do: the answer's title holds its
/// questions and answers; in the annexes, the frame's title holds the
/// inventory and each annex, and each annex its documents.
#[test]
fn bookmarks_nest_by_heading_and_every_annex_starts_a_page() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build"]).code, 0);
    let Some(answer) = bookmarks(&s.file("output/2022Z21205/antwoord.pdf")) else { return };
    assert_eq!(answer.len(), 1, "one top bookmark, the title: {answer:?}");
    assert_eq!(
        answer[0].0,
        "Antwoord op vragen van het lid Van Houwelingen over de ‘escalatie kanalen’ en het ‘desinformatieteam BZK’ naar aanleiding van een Wob-verzoek"
    );
    let mut expected = Vec::new();
    for n in 1..=14 {
        expected.push(format!("Vraag {n}"));
        expected.push(format!("Antwoord {n}"));
    }
    assert_eq!(titles(&answer[0].1), expected);
    let Some(annexes) = bookmarks(&s.file("output/2022Z21205/bijlagen.pdf")) else { return };
    assert_eq!(annexes.len(), 1, "{annexes:?}");
    let kids = &annexes[0].1;
    assert!(!kids.is_empty());
    assert_eq!(titles(kids)[0], "Inventarislijst");
    assert_eq!(kids.len(), 6, "the inventory and five annexes: {:?}", titles(kids));
    let mut documents = 0;
    for (n, annex) in kids[1..].iter().enumerate() {
        assert!(annex["title"].as_str().unwrap().starts_with(&format!("Bijlage {} –", n + 1)));
        let docs = titles(annex["kids"].as_array().unwrap());
        assert!(!docs.is_empty(), "annex {} has no documents under it", n + 1);
        for d in docs {
            documents += 1;
            assert!(d.starts_with(&format!("Document {documents}:")), "{d}");
        }
        // Closed in the panel, under the open title.
        assert_eq!(annex["open"], false, "{annex}");
    }
    let Some(text) = tool("pdftotext", &[p(&s.file("output/2022Z21205/bijlagen.pdf")), "-"]) else { return };
    let pages: Vec<&str> = text.split('\u{c}').collect();
    for n in 1..=5 {
        let page = pages.iter().position(|pg| pg.contains(&format!("Bijlage {n} –"))).unwrap();
        assert!(
            pages[page].trim_start().starts_with(&format!("Bijlage {n} –")),
            "annex {n} does not start its page"
        );
    }
}

#[test]
fn a_register_of_fifty_reports_lays_out_within_the_page() {
    let s = Scratch::bundled();
    let mut text = s.read("data/records/reports.yaml");
    for i in 0..45 {
        text.push_str(&format!(
            "\n  - id: extra-{i}\n    date: 2022-{:02}-{:02}\n    accounts: [twitter]\n    on_behalf_of: gemeente Súdwest-Fryslân\n    subject: Extra melding {i} over een bericht met een erg lange titel die over meerdere regels moet lopen in de tabel\n    summary: Een extra melding.\n    correspondence:\n      - date: 2022-{:02}-{:02}\n        direction: sent\n        from: Ministerie van BZK\n        to: Twitter\n        text: |\n          Geachte [[5.1.2e: naam]], {}\n    outcome:\n      twitter: {{ status: unknown }}\n",
            1 + i % 11, 1 + i % 27, 1 + i % 11, 1 + i % 27,
            "een lange brief met veel woorden. ".repeat(30)
        ));
    }
    s.write("data/records/reports.yaml", &text);
    s.edit("data/dossiers/2022Z21205/dossier.yaml", "  until: 2022-12-02", "  until: 2022-12-31");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = s.file("output/2022Z21205/bijlagen.pdf");
    let Some(html) = tool("pdftotext", &["-bbox", p(&path), "-"]) else { return };
    assert_within_margins(&html, "bijlagen.pdf with 50 reports");
    let Some(check) = tool("qpdf", &["--check", p(&path)]) else { return };
    assert!(check.contains("No syntax or stream encoding errors found"));
    assert!(html.matches("<page ").count() > 50);
}

/// A document of thousands of pages (encoded in parallel, put in one page
/// tree): every page stays in its place, the outline points at the right
/// pages, and the file is valid.
#[test]
fn a_long_document_keeps_its_pages_in_order() {
    use beantwoord::backend::pdf::layout::tree::Kind;
    use beantwoord::backend::pdf::layout::{BLACK, Item, Laid, OutlineEntry, Page, PageStyle, Tag, Tree};
    use beantwoord::backend::pdf::{fonts::Face, meta::Meta, writer as pdf};
    let mut tree = Tree::document();
    let pages: Vec<Page> = (1..=2345)
        .map(|i| Page {
            items: vec![Item::Text {
                x: 80.0,
                y: 100.0,
                size: 10.0,
                face: Face::Regular,
                text: format!("Inhoud van pagina {i}."),
                color: BLACK,
                tag: Tag::Content(tree.add(Kind::P, Some(0))),
            }],
        })
        .collect();
    let outline = vec![
        OutlineEntry { title: "Begin".into(), level: 1, page: 0, y: 100.0 },
        OutlineEntry { title: "Midden".into(), level: 1, page: 1500, y: 100.0 },
        OutlineEntry { title: "Eind".into(), level: 1, page: 2344, y: 100.0 },
    ];
    let laid = Laid {
        pages,
        outline,
        style: PageStyle::default(),
        tree,
        missing: Default::default(),
        missing_withheld: false,
        logo: None,
    };
    let meta =
        Meta { title: "Groot".into(), language: "nl-NL".into(), date: 1_669_982_400, ..Meta::default() };
    let bytes = pdf::write(laid.clone(), &meta).unwrap();
    assert_eq!(bytes, pdf::write(laid, &meta).unwrap(), "the same bytes every time");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groot.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let Some(info) = tool("pdfinfo", &[p(&path)]) else { return };
    assert!(info.contains("Pages:           2345"), "{info}");
    for n in [1, 1000, 1001, 1501, 2345] {
        let Some(text) = tool("pdftotext", &["-f", &n.to_string(), "-l", &n.to_string(), p(&path), "-"])
        else {
            return;
        };
        assert_eq!(text.trim(), format!("Inhoud van pagina {n}."));
    }
    let Some(check) = tool("qpdf", &["--check", p(&path)]) else { return };
    assert!(check.contains("No syntax or stream encoding errors found"), "{check}");
    let Some(json) = tool("qpdf", &["--json", "--json-key=outlines", p(&path)]) else { return };
    let targets: Vec<&str> = json
        .split("\"destpageposfrom1\": ")
        .skip(1)
        .map(|t| t.split([',', '\n']).next().unwrap().trim())
        .collect();
    assert_eq!(targets, ["1", "1501", "2345"], "{json}");
}

#[test]
fn links_in_the_markdown_are_clickable_in_the_pdf() {
    let s = Scratch::minimal();
    let md = s.build_and_read("T1", "antwoord.md");
    assert!(md.contains("[^1]: Een bron. <https://example.org>"));
    let Some(text) = pdf_objects(&s.file("output/T1/antwoord.pdf")) else { return };
    assert!(text.contains("/URI (https://example.org)"), "no link annotation");
    assert_eq!(text.matches("/Subtype /Link").count(), 1);
    assert!(text.contains("/Border [\n    0\n    0\n    0\n  ]"), "links are drawn without a border");
}

/// Where a PDF's text breaks a date over two lines ("… 2" / "december
/// 2022", "… maart" / "2021"): each such pair of lines.
fn split_dates(text: &str) -> Vec<String> {
    use beantwoord::model::date::MONTHS;
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let last = pair[0].rsplit([' ', '(']).next().unwrap_or("");
        let first = pair[1].split([' ', ')', ',', '.', ';']).next().unwrap_or("");
        let day = last.len() <= 2 && last.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
        let month = |w: &str| MONTHS.contains(&w.to_lowercase().as_str());
        let year = first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit());
        if (day && month(first)) || (month(last) && year) {
            out.push(format!("{:?} / {:?}", pair[0], pair[1]));
        }
    }
    out
}

#[test]
fn no_date_is_split_over_two_lines() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--internal", "--format", "pdf"]).code, 0);
    let dir = tempfile::tempdir().unwrap();
    crate::batch::synth::generate(300, 1, 3, dir.path()).unwrap();
    let st = std::process::Command::new(env!("CARGO_BIN_EXE_beantwoord"))
        .env("BEANTWOORD_LANG", "en")
        .args(["build", "--quiet", "--format", "pdf", "--data", "data", "--out", "out"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    let mut files: Vec<std::path::PathBuf> = ["output", "output-intern"]
        .iter()
        .flat_map(|o| {
            let tail = if *o == "output" { "" } else { "-INTERN" };
            ["antwoord", "bijlagen"].map(|d| s.file(&format!("{o}/2022Z21205/{d}{tail}.pdf")))
        })
        .collect();
    for d in ["antwoord", "bijlagen"] {
        files.push(dir.path().join(format!("out/2022Z21205/{d}.pdf")));
    }
    let mut dates = 0;
    for f in &files {
        let Some(text) = tool("pdftotext", &[p(f), "-"]) else { return };
        dates += text.matches(" 2021").count() + text.matches(" 2022").count();
        let split = split_dates(&text);
        assert!(split.is_empty(), "{}: a date split over two lines: {split:#?}", f.display());
    }
    assert!(dates > 100, "the files hold dates to check ({dates})");
    // The check finds what it looks for.
    assert_eq!(split_dates("ontvangen 2\ndecember 2022).\nin maart\n2021 was").len(), 2);
}

/// The links HTML and Word refuse (`javascript:`, `data:`, `vbscript:`,
/// `file:`, a UNC path) are plain text in the PDF too: no annotation.
#[test]
fn a_link_that_may_not_leave_the_document_is_text_in_the_pdf() {
    let s = Scratch::minimal();
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "    text: Waarom?\n",
        "    text: |\n      Waarom? [a](javascript:alert(1)) [b](data:text/html,x) [c](VBScript:x) [d](file:///etc/passwd) [e](<\\\\\\\\host\\\\share>) [ok](https://ok.example)\n",
    );
    s.build_and_read("T1", "antwoord.md");
    let Some(text) = pdf_objects(&s.file("output/T1/antwoord.pdf")) else { return };
    for bad in ["javascript:", "data:text", "VBScript:", "file:", "\\\\\\\\host"] {
        assert!(!text.contains(&format!("/URI ({bad}")), "{bad} is a link in the PDF");
    }
    assert!(text.contains("/URI (https://ok.example)"), "the safe link stays a link");
    assert_eq!(text.matches("/Subtype /Link").count(), 2, "the footnote's link and the safe one");
}

/// Each page's text as `pdftotext -layout` gives it, page by page.
fn pages_text(pdf: &std::path::Path) -> Option<Vec<String>> {
    let text = crate::common::tool("pdftotext", &["-layout", crate::common::p(pdf), "-"])?;
    Some(text.split('\u{C}').filter(|p| !p.trim().is_empty()).map(str::to_string).collect())
}

#[test]
fn an_annex_goes_on_under_a_running_head_and_never_ends_on_a_page_of_a_few_lines() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--format", "pdf"]).code, 0);
    let pdf = s.file("output/2022Z21205/bijlagen.pdf");
    let Some(pages) = pages_text(&pdf) else { return };
    let body_lines =
        |p: &str| p.lines().filter(|l| !l.trim().is_empty() && !l.trim().starts_with("Pagina ")).count();
    let mut continued = 0;
    for (i, page) in pages.iter().enumerate() {
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap_or_default().trim();
        if let Some(label) = first.strip_suffix(" (vervolg)") {
            continued += 1;
            // It names the annex the page before began or went on with.
            let before = &pages[i - 1];
            assert!(
                before.contains(&format!("{label} –")) || before.contains(&format!("{label} (vervolg)")),
                "{label}"
            );
            // Not a page with a few lines: an earlier break gave it more.
            assert!(body_lines(page) >= 12, "page {} holds {} lines:\n{page}", i + 1, body_lines(page));
        } else {
            assert!(
                first.starts_with("Bijlage") || first.starts_with("Ministerie"),
                "page {}: {first:?}",
                i + 1
            );
        }
    }
    assert!(continued >= 1, "bijlage 3 runs over two pages");
    // The running head is a header artifact: not read as text of the page.
    let Some(objects) = crate::common::pdf_objects(&pdf) else { return };
    assert_eq!(
        objects.matches("/Artifact <</Type /Pagination /Subtype /Header>> BDC").count(),
        continued,
        "one running head per continued page"
    );
}

#[test]
fn a_compound_breaks_between_its_parts() {
    let s = Scratch::bundled();
    // Answer 1 made long enough to break "gebruikersaccount" at many places
    // in the line.
    let filler: String = (0..40)
        .map(|n| {
            format!("Het ministerie {}meldt het gebruikersaccount bij het platform. ", "zeer ".repeat(n % 7))
        })
        .collect();
    s.edit(
        "data/dossiers/2022Z21205/dossier.yaml",
        "    answer: |\n      Ja. Het Ministerie van BZK heeft de status",
        &format!("    answer: |\n      {filler}\n\n      Ja. Het Ministerie van BZK heeft de status"),
    );
    let r = s.run(&["build", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let Some(text) =
        crate::common::tool("pdftotext", &[crate::common::p(&s.file("output/2022Z21205/antwoord.pdf")), "-"])
    else {
        return;
    };
    assert!(!text.contains("gebruikersac\u{AD}"), "broken inside \"account\"");
    assert!(text.contains("gebruikers\u{AD}\naccount"), "broken where its parts meet");
}
