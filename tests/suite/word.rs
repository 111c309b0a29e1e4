//! The Word documents for the approval chain (`--format docx`): read back
//! part by part, they hold every question and answer as sent, in order,
//! under Word heading styles, with Word footnotes, repeating table headers,
//! the document's properties, no withheld word in a public package, and the
//! same bytes on every build.

use crate::common::{Scratch, docx_parts};
use crate::fidelity::{DELIBERATE, seed, similarity};

/// The text of each paragraph of `document.xml` with its style id.
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<w:p") {
        let after = &rest[at + 4..];
        // `<w:p>` or `<w:p w14:paraId=…>`, not `<w:pPr>`, `<w:pStyle>`.
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let end = after.find("</w:p>").unwrap_or(after.len());
        let body = &after[..end];
        let style = body
            .split("<w:pStyle w:val=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("Normal")
            .to_string();
        let mut text = String::new();
        for piece in body.split("<w:t").skip(1) {
            if let Some(t) = piece.split_once('>').map(|(_, t)| t.split("</w:t>").next().unwrap_or("")) {
                text.push_str(t);
            }
        }
        let text =
            text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        out.push((style, text));
        rest = &after[end..];
    }
    out
}

fn part<'a>(parts: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let bytes = &parts.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}")).1;
    std::str::from_utf8(bytes).unwrap()
}

#[test]
fn the_answer_in_word_reads_as_sent_with_heading_styles_and_footnotes() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--format", "docx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let parts = docx_parts(&s.file("output/2022Z21205/antwoord.docx"));
    let paras = paragraphs(part(&parts, "word/document.xml"));
    // Every question and answer, in order, under its heading.
    let mut at = 0;
    let mut report = String::new();
    for (n, question, answer) in seed() {
        for (heading, want) in [(format!("Vraag {n}"), question), (format!("Antwoord {n}"), answer)] {
            let i = at
                + paras[at..]
                    .iter()
                    .position(|(style, t)| style == "Heading2" && *t == heading)
                    .unwrap_or_else(|| panic!("no {heading} heading after paragraph {at}"));
            let end = paras[i + 1..]
                .iter()
                .position(|(style, _)| style.starts_with("Heading"))
                .map_or(paras.len(), |e| i + 1 + e);
            let mut ours: String =
                paras[i + 1..end].iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
            for (_, phrase, as_sent) in
                DELIBERATE.iter().filter(|d| d.0 == n && heading.starts_with("Antwoord"))
            {
                ours = ours.replace(phrase, as_sent);
            }
            let sim = similarity(&want, &ours);
            report.push_str(&format!("{heading}: {sim:.3}\n"));
            assert!(sim >= 0.95, "{heading} reads {sim:.3} like the seed:\n{ours}\n{report}");
            at = i + 1;
        }
    }
    assert_eq!(paras.iter().filter(|(s, _)| s == "Heading1").count(), 1);
    // Word footnotes, referenced from the text.
    let notes = part(&parts, "word/footnotes.xml");
    let document = part(&parts, "word/document.xml");
    for id in 1..=3 {
        assert!(notes.contains(&format!("<w:footnote w:id=\"{id}\"")), "footnote {id}");
        assert!(document.contains(&format!("<w:footnoteReference w:id=\"{id}\"")), "reference {id}");
    }
    assert!(notes.contains("archief28.sitearchief.nl"));
    let styles = part(&parts, "word/styles.xml");
    assert!(
        styles.contains("<w:name w:val=\"heading 2\" />") && styles.contains("<w:outlineLvl w:val=\"1\" />")
    );
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:title>Antwoord op vragen van het lid Van Houwelingen"), "{core}");
    assert!(
        core.contains("<dc:creator>Ministerie van Binnenlandse Zaken en Koninkrijksrelaties</dc:creator>")
    );
    assert!(core.contains("<dc:language>nl-NL</dc:language>"));
    assert!(
        core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-12-02T12:00:00Z</dcterms:created>")
    );
}

#[test]
fn annex_tables_repeat_their_header_and_every_annex_starts_a_page() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--format", "docx", "--internal"]).code, 0);
    let parts = docx_parts(&s.file("output/2022Z21205/bijlagen.docx"));
    let document = part(&parts, "word/document.xml");
    let tables = document.matches("<w:tbl>").count();
    assert!(tables >= 6, "{tables}");
    // The inventory repeats its header row; an annex's table of facts
    // (a key–value table) has none, its keys in bold in the first column.
    assert_eq!(document.matches("<w:tblHeader />").count(), 1, "the inventory's header row");
    let first = document.split("<w:tbl>").nth(1).unwrap();
    assert!(
        first.split("</w:tr>").next().unwrap().contains("<w:tblHeader />"),
        "on the inventory's first row"
    );
    assert!(!document.contains(">Gegeven<"), "no empty-meaning header row");
    assert_eq!(document.matches("<w:pageBreakBefore />").count(), 5, "five annexes");
    // A withheld passage: a black run with the ground; the words only internally.
    assert!(
        document.contains("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"000000\" />")
            || document.contains("w:fill=\"000000\"")
    );
    let internal = docx_parts(&s.file("output-intern/2022Z21205/bijlagen-INTERN.docx"));
    let internal = part(&internal, "word/document.xml");
    assert!(internal.contains("[5.1.2e: ") && internal.contains("<w:highlight w:val=\"yellow\" />"));
    assert!(!document.contains("[5.1.2e: "));
    // The cover letter goes along.
    let letter = docx_parts(&s.file("output/2022Z21205/aanbieding.docx"));
    let letter = paragraphs(part(&letter, "word/document.xml"));
    assert!(letter.iter().any(|(_, t)| t.starts_with("Hierbij bied ik u de antwoorden aan")), "{letter:?}");
    // In the sender column, as the Rijkshuisstijl has it.
    assert!(letter.iter().any(|(style, t)| style == "Colofon" && t == "Uw kenmerk2022Z21205"), "{letter:?}");
    assert!(
        letter.iter().any(|(style, t)| style == "Colofon" && t == "BezoekadresTurfmarkt 1472511 DP Den Haag")
    );
    assert!(
        letter.iter().any(|(_, t)| t
            == "Aan de Voorzitter van de Tweede Kamer der Staten-GeneraalPostbus 200182500 EA Den Haag"),
        "{letter:?}"
    );
    let at =
        |t: &str| letter.iter().position(|(_, x)| x == t).unwrap_or_else(|| panic!("{t:?} in {letter:?}"));
    assert!(at("De minister van Binnenlandse Zaken en Koninkrijksrelaties,") + 1 == at("Hanke Bruins Slot"));
}

/// The `w:w` values of each `<w:gridCol>` of each table, in order.
fn grids(document: &str) -> Vec<Vec<usize>> {
    document
        .split("<w:tblGrid>")
        .skip(1)
        .map(|t| {
            t.split("</w:tblGrid>")
                .next()
                .unwrap()
                .split("w:w=\"")
                .skip(1)
                .map(|w| w.split('"').next().unwrap().parse().unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn word_files_have_page_numbers_the_dutch_language_fitted_tables_and_the_internal_mark_on_every_page() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--format", "docx", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (file, internal) in
        [("output/2022Z21205/bijlagen.docx", false), ("output-intern/2022Z21205/bijlagen-INTERN.docx", true)]
    {
        let parts = docx_parts(&s.file(file));
        let document = part(&parts, "word/document.xml");
        // The section uses a header and a footer part, in the package.
        assert!(
            document.contains("<w:headerReference w:type=\"default\"")
                && document.contains("<w:footerReference w:type=\"default\""),
            "{file}"
        );
        let types = part(&parts, "[Content_Types].xml");
        assert!(types.contains("/word/header1.xml") && types.contains("/word/footer1.xml"));
        let rels = part(&parts, "word/_rels/document.xml.rels");
        assert!(rels.contains("Target=\"header1.xml\"") && rels.contains("Target=\"footer1.xml\""), "{rels}");
        // "Pagina N van M", both numbers fields Word fills in.
        let footer = part(&parts, "word/footer1.xml");
        assert!(
            footer.contains("<w:instrText>PAGE</w:instrText>")
                && footer.contains("<w:instrText>NUMPAGES</w:instrText>"),
            "{footer}"
        );
        assert!(paragraphs(footer).iter().any(|(_, t)| t == "Pagina 1 van 1"));
        // Every run is Dutch unless it says otherwise.
        let styles = part(&parts, "word/styles.xml");
        let defaults =
            styles.split("<w:rPrDefault>").nth(1).unwrap().split("</w:rPrDefault>").next().unwrap();
        assert!(defaults.contains("<w:lang w:val=\"nl-NL\""), "{defaults}");
        // The mark is in the header, so on every page; never in a public file.
        let header = part(&parts, "word/header1.xml");
        assert_eq!(header.contains("INTERN – NIET OPENBAAR"), internal, "{file}: {header}");
        // Every table spans the text (A4 less 25 and 20 mm) in fixed
        // columns, and no header word is wider than its column.
        let text_width = 11906 - 1417 - 1134;
        let grids = grids(document);
        assert!(!grids.is_empty());
        for g in &grids {
            assert_eq!(g.iter().sum::<usize>(), text_width, "{g:?}");
        }
        assert_eq!(document.matches("<w:tblLayout w:type=\"fixed\"").count(), grids.len());
        let inventory = &grids[0];
        assert_eq!(inventory.len(), 7, "the inventory's seven columns");
        // 8.5 pt bold: under 0.6 em a letter, plus the cell's margins.
        for (word, width) in ["Nr.", "Document-ID", "Datum", "Document", "Bijlage", "Beoordeling", "Gronden"]
            .iter()
            .zip(inventory)
        {
            let needed = (word.chars().count() as f32 * 8.5 * 0.6 * 20.0) as usize + 200;
            assert!(*width >= needed, "{word:?} needs {needed}, its column is {width}: {inventory:?}");
        }
    }
}

#[test]
fn word_documents_are_the_same_bytes_on_every_build() {
    let s = Scratch::bundled();
    // Many links: docx-rs keeps their relationships in hash order, which
    // two runs with a link or two rarely show.
    let links: Vec<String> = (1..=30).map(|i| format!("[bron {i}](https://example.org/bron/{i})")).collect();
    s.edit(
        "data/records/reports.yaml",
        "      kijken.\n",
        &format!("      kijken. Zie {}.\n", links.join(", ")),
    );
    let build = |threads: &str, out: &str| {
        let st = std::process::Command::new(env!("CARGO_BIN_EXE_beantwoord"))
            .env("BEANTWOORD_LANG", "en")
            .args([
                "build",
                "--quiet",
                "--internal",
                "--format",
                "docx",
                "--out",
                out,
                "--internal-out",
                &format!("{out}-i"),
            ])
            .current_dir(s.path())
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
        ["antwoord", "bijlagen", "aanbieding"]
            .iter()
            .flat_map(|d| {
                [format!("{out}/2022Z21205/{d}.docx"), format!("{out}-i/2022Z21205/{d}-INTERN.docx")]
            })
            .map(|f| std::fs::read(s.path().join(f)).unwrap())
            .collect::<Vec<_>>()
    };
    let one = build("1", "a");
    assert_eq!(one.len(), 6);
    assert!(one == build("4", "b"), "parallel and serial builds differ");
    assert!(one == build("2", "c"), "a rebuild differs");
}

#[test]
fn lists_and_links_are_word_lists_and_hyperlinks() {
    let s = crate::accessible::rich();
    assert_eq!(s.run(&["build", "--format", "docx"]).code, 0);
    let parts = docx_parts(&s.file("output/T1/antwoord.docx"));
    let document = part(&parts, "word/document.xml");
    let rels = part(&parts, "word/_rels/document.xml.rels");
    assert_eq!(document.matches("<w:hyperlink ").count(), 2, "two links in the answer text");
    // Numbered by the document (the same in every build), and none in a
    // footnote, where Word would find no relation for it.
    assert!(document.contains("r:id=\"rIdHyperlink1\"") && document.contains("r:id=\"rIdHyperlink2\""));
    let notes = part(&parts, "word/footnotes.xml");
    assert!(!notes.contains("<w:hyperlink") && notes.contains("https://example.org"), "{notes}");
    for url in ["https://example.org/desinformatie", "https://example.org/b"] {
        assert!(
            rels.contains(&format!("Target=\"{url}\"")) && rels.contains("TargetMode=\"External\""),
            "{rels}"
        );
    }
    // Two numbered items and one bullet, each a numbered Word paragraph.
    assert_eq!(document.matches("<w:numPr>").count(), 3, "{document}");
    let numbering = part(&parts, "word/numbering.xml");
    assert!(numbering.contains("w:val=\"decimal\"") && numbering.contains("w:val=\"bullet\""));
    // The withheld passage in running text is a marked run, its words absent.
    assert!(document.contains("5.1.2e") && !document.contains("Jan Jansen"));
    // The heading that skipped a level (####) is still a heading style.
    assert!(paragraphs(document).iter().any(|(style, t)| style == "Heading3" && t == "Toelichting"));
}
