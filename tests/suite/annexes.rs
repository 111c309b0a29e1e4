//! The annexes: one per report with its correspondence, the Woo inventory,
//! references that follow the register, and redactions that leak nothing.

use crate::common::{FRONT_MATTER, NAME, Scratch, body, leaks, readable_bytes, section};
use beantwoord::backend::Format;

#[test]
fn the_bundled_dossier_has_an_inventory_and_five_annexes_in_date_order() {
    let s = Scratch::bundled();
    let md = s.build_and_read("2022Z21205", "bijlagen.md");
    let inventory = section(&md, "Inventarislijst");
    let rows: Vec<&str> = inventory
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Nr.") && !l.starts_with("| ---"))
        .collect();
    assert_eq!(rows.len(), 11, "{inventory}");
    assert_eq!(
        rows[0],
        "| 1 | BZK-2022Z21205-2021-03-09-video-stemmen-vaccinatie-1 | 9 maart 2021 | Bericht van Ministerie van BZK aan Facebook | 1 | Deels openbaar | 5.1.2e |"
    );
    assert!(inventory.contains("- 5.1.2e – eerbiediging van de persoonlijke levenssfeer"));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## Bijlage ")).collect();
    assert_eq!(
        headings,
        [
            "## Bijlage 1 – Video over stemmen als toestemming voor een covid-19 vaccinatie",
            "## Bijlage 2 – Geblokkeerd Twitteraccount van de gemeente Midden-Delfland",
            "## Bijlage 3 – Berichten over twee vakjes rood kleuren op het stembiljet",
            "## Bijlage 4 – Geblokkeerde link naar de lokale Stemwijzer (Dijk en Waard)",
            "## Bijlage 5 – Geblokkeerde Instagrampagina's van een raadslid en de CDA-afdeling in Beek",
        ]
    );
    let annex3 = section(&md, "Bijlage 3 – Berichten over twee vakjes rood kleuren op het stembiljet");
    assert!(annex3.contains("| Platform | Facebook en Twitter |"));
    assert!(annex3.contains("| Factcheck | 16 maart 2021, DPA-factchecking |"));
    assert!(annex3.contains("| Uitkomst Twitter | niet gevolgd |"));
    let answers = s.read("output/2022Z21205/antwoord.md");
    for n in [8, 9] {
        assert!(
            section(&answers, &format!("Antwoord {n}")).contains("als bijlagen 1 tot en met 5 toegevoegd")
        );
    }
}

#[test]
fn annex_numbers_follow_when_reports_are_added_or_removed() {
    let s = Scratch::bundled();
    let mut text = s.read("data/records/reports.yaml");
    text.push_str(
        "\n  - id: 2020-01-02-eerder\n    date: 2020-01-02\n    accounts: [twitter]\n    subject: Een eerdere melding\n    summary: Eerder.\n    correspondence:\n      - { direction: sent, from: Ministerie van BZK, to: Twitter, text: Eerder. }\n    outcome:\n      twitter: { status: unknown }\n",
    );
    s.write("data/records/reports.yaml", &text);
    s.edit("data/records/accounts.yaml", "first_used: 2021-03-11", "first_used: 2020-01-02");
    let md = s.build_and_read("2022Z21205", "bijlagen.md");
    assert!(md.contains("## Bijlage 1 – Een eerdere melding"));
    assert!(md.contains("## Bijlage 2 – Video over stemmen"));
    assert!(
        md.contains("| 1 | BZK-2022Z21205-2020-01-02-eerder-1 | onbekend | Bericht van Ministerie van BZK aan Twitter | 1 | Openbaar |  |"),
        "{md}"
    );
    let answers = s.read("output/2022Z21205/antwoord.md");
    assert!(section(&answers, "Antwoord 8").contains("als bijlagen 1 tot en met 6 toegevoegd"));

    let s = Scratch::bundled();
    let text = s.read("data/records/reports.yaml");
    let start = text.find("  - id: 2021-11-18-stemwijzer-dijk-en-waard").unwrap();
    let end = text.find("  - id: 2022-03-09-beek-instagram").unwrap();
    s.write("data/records/reports.yaml", &format!("{}{}", &text[..start], &text[end..]));
    let md = s.build_and_read("2022Z21205", "bijlagen.md");
    assert!(md.contains("## Bijlage 4 – Geblokkeerde Instagrampagina's"));
    assert!(!md.contains("## Bijlage 5"));
    let answers = s.read("output/2022Z21205/antwoord.md");
    assert!(section(&answers, "Antwoord 8").contains("als bijlagen 1 tot en met 4 toegevoegd"));
}

#[test]
fn a_document_that_is_not_public_is_listed_but_not_reproduced() {
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "    outcome:",
        "      - direction: received\n        from: Facebook\n        to: Ministerie van BZK\n        judgement: niet openbaar\n        grounds: [5.1.2.f]\n        text: Interne bedrijfsinformatie van Facebook.\n      - direction: received\n        from: Facebook\n        to: Ministerie van BZK\n        text: Zonder weglakking.\n    outcome:",
    );
    assert_eq!(s.run(&["build", "--internal"]).code, 0);
    let public = s.read("output/T1/bijlagen.md");
    assert!(
        public.contains(
            "| 2 | BZK-T1-r1-2 | onbekend | Reactie van Facebook aan Ministerie van BZK | 1 | Niet openbaar | 5.1.2f |"
        ),
        "{public}"
    );
    assert!(
        public.contains(
            "| 3 | BZK-T1-r1-3 | onbekend | Reactie van Facebook aan Ministerie van BZK | 1 | Openbaar |  |"
        ),
        "{public}"
    );
    assert!(
        public.contains("- 5.1.2f – bescherming van concurrentiegevoelige bedrijfs- en fabricagegegevens")
    );
    assert!(!public.contains("Interne bedrijfsinformatie"));
    assert!(public.contains("*Dit document wordt niet openbaar gemaakt.*"));
    assert!(
        s.read("output-intern/T1/bijlagen-INTERN.md").contains("Interne bedrijfsinformatie van Facebook.")
    );
}

#[test]
fn every_internal_document_is_marked_and_public_ones_are_not() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--internal"]).code, 0);
    for doc in ["antwoord.md", "bijlagen.md"] {
        let internal = s.read(&format!("output-intern/2022Z21205/{}", doc.replace(".md", "-INTERN.md")));
        let body = internal.splitn(3, "---\n").nth(2).unwrap();
        assert!(body.trim_start().starts_with("**INTERN – NIET OPENBAAR**"), "{doc}");
        assert!(!s.read(&format!("output/2022Z21205/{doc}")).contains("INTERN"));
    }
}

#[test]
fn withheld_words_reach_no_byte_of_any_public_output() {
    let s = Scratch::bundled();
    let marker = format!("[[5.1.2e: {NAME}]]");
    s.edit("data/records/reports.yaml", "[[5.1.2e: naam raadslid gemeente Beek]]", &marker);
    s.edit(
        "data/records/reports.yaml",
        "een raadslid uit de gemeente Beek dat",
        &format!("een raadslid ({marker}) uit de gemeente Beek dat"),
    );
    s.edit(
        "data/records/reports.yaml",
        "maar gaf geen reden voor de blokkade.",
        &format!("maar gaf geen reden voor de blokkade aan {marker}."),
    );
    let every =
        ["build", "--internal", "--format", "md", "--format", "pdf", "--format", "html", "--format", "docx"];
    let build = s.run(&every);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(leaks(format!("{}{}", build.stdout, build.stderr).as_bytes()).is_empty());

    let public: Vec<_> = crate::common::snapshot_tree(&s.out())
        .into_iter()
        .filter(|(p, _)| !p.components().any(|c| c.as_os_str() == "intern"))
        .collect();
    for format in Format::EVERY {
        let ext = format.extension();
        assert!(
            public.iter().any(|(p, _)| p.extension().is_some_and(|e| e == ext)),
            "no public .{ext} file was built"
        );
    }
    for (path, _) in &public {
        let found = leaks(&readable_bytes(path));
        assert!(found.is_empty(), "{} leaks {found:?}", path.display());
        assert!(leaks(path.to_string_lossy().as_bytes()).is_empty());
    }
    let answers = s.read("output/2022Z21205/antwoord.md");
    assert!(answers.contains("een raadslid ([5.1.2e]) uit de gemeente Beek"));

    let internal = s.read("output-intern/2022Z21205/bijlagen-INTERN.md");
    assert!(internal.contains(&marker), "the internal review render shows the words");
    assert!(s.read("output-intern/2022Z21205/antwoord-INTERN.md").contains(&marker));
}

#[test]
fn the_leak_scan_finds_what_it_looks_for() {
    assert!(!leaks(format!("x {NAME} y").as_bytes()).is_empty());
    assert!(!leaks(b"oudewater").is_empty());
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, NAME.as_bytes()).unwrap();
    let mut pdf = b"1 0 obj << >> stream\n".to_vec();
    pdf.extend(z.finish().unwrap());
    pdf.extend_from_slice(b"\nendstream");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, &pdf).unwrap();
    assert!(leaks(&std::fs::read(&path).unwrap()).is_empty(), "compressed: not visible raw");
    assert!(!leaks(&readable_bytes(&path)).is_empty(), "but found once inflated");
}

/// Each annex is rendered from `bijlage.md` on its own (in parallel) and
/// placed where the frame `bijlagen.md` says `{{ bijlagen }}`; a user's
/// `templates/` overrides either.
#[test]
fn a_users_annex_template_shapes_every_annex_in_order() {
    let s = Scratch::bundled();
    s.write(
        "templates/bijlage.md",
        "## Bijlage {{ bijlage.number }} – {{ bijlage.id }}\n\n{{ bijlage.documents | length }} documenten, openbaar: {{ bijlage.documents[0].published }}\n",
    );
    s.write(
        "templates/bijlagen.md",
        &format!("{FRONT_MATTER}# Bijlagen {{{{ dossier.id }}}} ({{{{ annexes | length }}}})\n\n{{{{ bijlagen }}}}\n\nEinde.\n"),
    );
    let md = s.build_and_read("2022Z21205", "bijlagen.md");
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## Bijlage ")).collect();
    assert_eq!(headings.len(), 5, "{md}");
    for (i, h) in headings.iter().enumerate() {
        assert!(h.starts_with(&format!("## Bijlage {} – ", i + 1)), "{h}");
    }
    assert!(body(&md).starts_with("# Bijlagen 2022Z21205 (5)\n\n## Bijlage 1 – "), "{md}");
    assert!(md.trim_end().ends_with("openbaar: true\n\nEinde."), "{md}");
}

/// Builds the bundled data with one template replaced; the build must fail
/// and write nothing. Returns what it said.
fn fails_with_template(name: &str, text: &str) -> String {
    let s = Scratch::bundled();
    s.write(&format!("templates/{name}"), text);
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!s.out().exists());
    r.stderr
}

#[test]
fn a_frame_that_does_not_place_the_annexes_is_an_error_and_an_annex_error_is_told_once() {
    let said = fails_with_template("bijlagen.md", &format!("{FRONT_MATTER}# Bijlagen zonder bijlagen\n"));
    assert!(said.contains("bijlagen.md: does not place the annexes"), "{said}");
    assert!(said.contains("write `{{ bijlagen }}` once"), "{said}");
    let said = fails_with_template(
        "bijlagen.md",
        &format!("{FRONT_MATTER}# Bijlagen\n{{% if true %}}\n{{{{ bijlagen }}}}\n{{% endif %}}\n"),
    );
    assert!(said.contains("bijlagen.md: places the annexes inside a block"), "{said}");
    // What follows the annexes is a part of its own, and its problems are
    // told at their own line.
    let said = fails_with_template(
        "bijlagen.md",
        &format!("{FRONT_MATTER}# Bijlagen\n\n{{{{ bijlagen }}}}\n\nEinde {{{{ onbekend }}}}.\n"),
    );
    let line = FRONT_MATTER.lines().count() + 5;
    assert!(said.contains(&format!("templates/bijlagen.md:{line}:")), "at line {line}: {said}");

    let said =
        fails_with_template("bijlage.md", "## Bijlage {{ bijlage.number }}\n\n{{ bijlage.onbekend }}\n");
    assert_eq!(said.matches("templates/bijlage.md:3:").count(), 1, "once, not per annex: {said}");

    // A marker a template leaves open is an error of the annex it is in, told once.
    let said = fails_with_template("bijlage.md", "## Bijlage {{ bijlage.number }}\n\n[[5.1.2e: open\n");
    assert_eq!(said.matches("bijlage.md makes a malformed redaction").count(), 1, "{said}");
}
