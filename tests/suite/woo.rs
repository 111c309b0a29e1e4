//! Woo safety, tried as a Woo team's worst day would: withheld words reach
//! no public byte by any road (a plain field, a template, a footnote, a near
//! miss, a name withheld once and written plainly elsewhere), and the tool's
//! own messages never repeat them.

use crate::common::{NAME, Scratch, leaks, p, readable_bytes, tool};

/// Every public file of a build (all but `intern/`), each one's bytes with
/// PDF streams inflated, what pdftotext reads of a PDF, and its name.
pub fn assert_public_output_holds_no(s: &Scratch, what: &str) {
    let files: Vec<_> = crate::common::snapshot_tree(&s.out())
        .into_iter()
        .filter(|(path, _)| !path.components().any(|c| c.as_os_str() == "intern"))
        .collect();
    assert!(files.len() >= 6, "md, pdf and html of both documents");
    for (path, _) in &files {
        let found = leaks(&readable_bytes(path));
        assert!(found.is_empty(), "{what}: {} leaks {found:?}", path.display());
        assert!(leaks(path.to_string_lossy().as_bytes()).is_empty(), "{what}: a file name leaks");
        if path.extension().is_some_and(|e| e == "pdf") {
            for args in [vec![p(path), "-"], vec!["-bbox", p(path), "-"]] {
                let Some(text) = tool("pdftotext", &args) else { continue };
                assert!(leaks(text.as_bytes()).is_empty(), "{what}: pdftotext {} leaks", path.display());
            }
            if let Some(info) = tool("pdfinfo", &[p(path)]) {
                assert!(leaks(info.as_bytes()).is_empty(), "{what}: the PDF's metadata leaks");
            }
        }
    }
}

#[test]
fn a_marker_in_any_plain_field_withholds_as_in_markdown() {
    let s = Scratch::bundled();
    let m = format!("[[5.1.2e: {NAME}]]");
    let q = format!("\"{m}\"");
    // A marker holds `: `, so a YAML value with one is quoted.
    let edits = [
        (
            "data/records/reports.yaml",
            "    subject: Video over stemmen als toestemming voor een covid-19 vaccinatie",
            format!("    subject: \"{m} Video over stemmen als toestemming voor een covid-19 vaccinatie\""),
        ),
        (
            "data/records/reports.yaml",
            "    on_behalf_of: gemeente Midden-Delfland",
            format!("    on_behalf_of: \"gemeente Midden-Delfland ({m})\""),
        ),
        (
            "data/records/reports.yaml",
            "    election: herindelingsverkiezingen Dijk en Waard",
            format!("    election: \"herindelingsverkiezingen Dijk en Waard, {m}\""),
        ),
        ("data/records/reports.yaml", "        from: Twitter\n", format!("        from: \"Twitter, {m}\"\n")),
        ("data/records/accounts.yaml", "    platform: TikTok", format!("    platform: \"TikTok {m}\"")),
        (
            "data/records/accounts.yaml",
            "    holder: Ministerie van BZK\n    status: trusted flagger\n    channel: Partner Support Portal",
            format!(
                "    holder: \"Ministerie van BZK {m}\"\n    status: trusted flagger\n    channel: Partner Support Portal"
            ),
        ),
        (
            "data/dossiers/2022Z21205/dossier.yaml",
            "title: De ‘escalatie kanalen’ en het ‘desinformatieteam BZK’ naar aanleiding van een Wob-verzoek\n",
            format!(
                "title: \"{m} De ‘escalatie kanalen’ en het ‘desinformatieteam BZK’ naar aanleiding van een Wob-verzoek\"\n"
            ),
        ),
        (
            "data/dossiers/2022Z21205/dossier.yaml",
            "topics: [economie, ict]",
            format!("topics: [economie, ict, {q}]"),
        ),
        (
            "data/dossiers/2022Z21205/dossier.yaml",
            "submitter: { name: Pepijn van Houwelingen,",
            format!("submitter: {{ name: \"Pepijn van Houwelingen {m}\","),
        ),
    ];
    for (file, from, to) in &edits {
        s.edit(file, from, to);
    }
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(leaks(format!("{}{}", r.stdout, r.stderr).as_bytes()).is_empty());
    assert_public_output_holds_no(&s, "plain fields");
    let md = s.read("output/2022Z21205/bijlagen.md");
    assert!(
        md.contains("## Bijlage 1 – [5.1.2e] Video over stemmen"),
        "the subject is redacted, not escaped"
    );
    assert!(md.contains("title: \"Bijlagen bij het antwoord op Kamervraag 2022Z21205\""));
    assert!(
        md.contains("subtitle: \"\\\\[5.1.2e\\\\] De ‘escalatie kanalen’"),
        "the metadata is made from the redacted text: {md}"
    );
    let html = s.read("output/2022Z21205/antwoord.html");
    assert!(html.contains("<meta name=\"keywords\" content=\"economie, ict, [5.1.2e]\">"), "{html}");
    let internal = s.read("output-intern/2022Z21205/bijlagen-INTERN.md");
    assert!(internal.contains(&m), "the internal render shows the words");
}

#[test]
fn a_template_cannot_undo_a_redaction_or_print_a_document_that_is_not_public() {
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "    outcome:",
        &format!("      - direction: received\n        from: Facebook\n        to: Ministerie van BZK\n        judgement: niet openbaar\n        grounds: [5.1.2.f]\n        text: Geheim stuk van {}.\n    outcome:", NAME.split(' ').next_back().unwrap()),
    );
    s.edit("data/records/reports.yaml", "Beste [[5.1.2e: Jan Modaal]]", &format!("Beste [[5.1.2e: {NAME}]]"));
    s.write(
        "templates/bijlage.md",
        "## Bijlage {{ bijlage.number }}\n\n{% for d in bijlage.documents %}\nNa: {{ d.text | split(pat=\"5.1.2e: \") | last }}\n\nKaal: {{ d.text | replace(from=\"[[\", to=\"\") | replace(from=\"]]\", to=\"\") }}\n\nAltijd: {{ d.text }}\n{% endfor %}\n",
    );
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_public_output_holds_no(&s, "a template");
    assert!(
        !s.read("output/T1/bijlagen.md").contains("Geheim stuk"),
        "not the text of a niet openbaar document"
    );
}

#[test]
fn a_footnote_cited_only_inside_a_withheld_passage_is_withheld_with_it() {
    let s = Scratch::minimal();
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "  bron: { text: Een bron., url: \"https://example.org\" }",
        &format!("  bron: {{ text: Een bron., url: \"https://example.org\" }}\n  geheim: {{ text: \"Notitie over {NAME}\" }}"),
    );
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "{{ reports | via(account=\"facebook\") | length | keer }}.",
        "{{ reports | via(account=\"facebook\") | length | keer }}. [[5.2: Zie de notitie.[^geheim]]]",
    );
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_public_output_holds_no(&s, "a footnote");
    let public = s.read("output/T1/antwoord.md");
    assert!(public.contains("[^1]: Een bron."), "{public}");
    assert!(!public.contains("[^2]"), "the withheld footnote is neither cited nor defined: {public}");
    assert!(s.read("output-intern/T1/antwoord-INTERN.md").contains("Notitie over"));
}

/// The same for a footnote a record's letter defines itself: its
/// definition stands outside the marker, its only citation inside it.
#[test]
fn a_footnote_a_letter_cites_only_inside_a_withheld_passage_is_withheld_with_it() {
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "Beste [[5.1.2e: Jan Modaal]], een video.",
        &format!(
            "Beste [[5.1.2e: Jan Modaal[^wie] (stagiair)]], een video.[^video]\n\n          \
             [^wie]: Notitie over {NAME}.\n\n          [^video]: Een openbare noot."
        ),
    );
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_public_output_holds_no(&s, "a letter's footnote");
    let annexes = s.read("output/T1/bijlagen.md");
    assert!(annexes.contains("[^1]: Een openbare noot."), "the footnote cited outside it stays: {annexes}");
    assert!(!annexes.contains("[^2]"), "{annexes}");
    assert!(s.read("output-intern/T1/bijlagen-INTERN.md").contains("Notitie over"));
}

/// A footnote label a letter defines twice: a public citation could show
/// the footnote of a withheld passage. One error, nothing written.
#[test]
fn a_footnote_label_defined_twice_in_one_annex_is_an_error_not_a_leak() {
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "Beste [[5.1.2e: Jan Modaal]], een video.",
        &format!(
            "Beste [[5.1.2e: Jan Modaal[^n] (stagiair)]], een video.[^n]\n\n          \
             [^n]: Een openbare noot.\n\n          [^n]: Notitie over {NAME}."
        ),
    );
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("[^n]") && r.stderr.contains("more than once"), "{}", r.stderr);
    assert_eq!(r.stderr.matches("error: ").count(), 1, "one error: {}", r.stderr);
    assert!(leaks(r.stderr.as_bytes()).is_empty(), "{}", r.stderr);
    assert!(!s.out().exists(), "nothing written");
}

/// Builds the minimal fixture with `text` as the letter; the build must fail
/// with `expect`, at the letter's line, without repeating the name.
fn refused(text: &str, expect: &str) {
    let s = Scratch::minimal();
    s.edit("data/records/reports.yaml", "Beste [[5.1.2e: Jan Modaal]], een video.", text);
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{text}: {}", r.stderr);
    assert!(r.stderr.contains(expect), "{text}: {}", r.stderr);
    assert!(r.stderr.contains("records/reports.yaml:13:"), "{text}: {}", r.stderr);
    assert!(r.stderr.contains("hint: "), "{text}: {}", r.stderr);
    assert!(leaks(r.stderr.as_bytes()).is_empty(), "{text}: the message repeats the name: {}", r.stderr);
    assert!(!s.out().exists(), "nothing written");
}

#[test]
fn near_miss_markers_are_errors_not_published_text() {
    refused(&format!("Beste [5.1.2e: {NAME}]], een video."), "needs two opening brackets");
    refused(&format!("Beste ［［5.1.2e: {NAME}］］, een video."), "looks like a redaction marker's");
    refused(
        &format!("Beste [\u{200B}[5.1.2e: {NAME}]], een video."),
        "split by a space or an invisible character",
    );
    refused(&format!("Beste {NAME}]], een video."), "`]]` closes no redaction marker");
    refused(&format!("Beste [[{NAME}: 5.1.2e]], een video."), "is not a ground of the Woo");
}

#[test]
fn a_name_withheld_in_one_place_and_written_plainly_in_another_is_an_error_naming_both() {
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "Beste [[5.1.2e: Jan Modaal]], een video.",
        &format!("Beste [[5.1.2e: {NAME}]], een video."),
    );
    // Written plainly in a subject (published as the annex's heading), in
    // capitals and broken over two lines.
    let plain = NAME.to_uppercase().replacen(' ', "\n      ", 1);
    s.edit(
        "data/records/reports.yaml",
        "    subject: Video",
        &format!("    subject: >-\n      Video van\n      {plain}"),
    );
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("a withheld passage stands here unmarked, and is published"), "{}", r.stderr);
    assert!(r.stderr.contains("records/reports.yaml:7:"), "where it is written: {}", r.stderr);
    assert!(
        r.stderr.contains("16 │") && r.stderr.contains("withheld here"),
        "where it is withheld: {}",
        r.stderr
    );
    assert!(r.stderr.contains("hint: mark it here too"), "{}", r.stderr);
    assert!(leaks(r.stderr.as_bytes()).is_empty(), "the message masks the name: {}", r.stderr);
    assert!(!s.out().exists());

    // A template that writes it is pointed at, with the place it is withheld.
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "Beste [[5.1.2e: Jan Modaal]], een video.",
        &format!("Beste [[5.1.2e: {NAME}]], een video."),
    );
    s.write("templates/bijlage.md", &format!("## Bijlage {{{{ bijlage.number }}}}\n\nVoor {NAME}.\n"));
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("templates/bijlage.md:3:6"), "{}", r.stderr);
    assert!(leaks(r.stderr.as_bytes()).is_empty(), "{}", r.stderr);
}

#[test]
fn a_template_error_does_not_quote_a_withheld_word() {
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "    subject: Video",
        &format!("    subject: \"[[5.1.2e: {NAME}]] Video\""),
    );
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "{{ reports | via(account=\"facebook\") | length | keer }}.",
        "{{ reports[0].subject | datum }} {{ reports[0].subject | telwoord }}",
    );
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("template: "), "{}", r.stderr);
    assert!(leaks(r.stderr.as_bytes()).is_empty(), "{}", r.stderr);
}

#[test]
fn a_withheld_name_disguised_in_another_place_is_still_an_error() {
    // Each way a name can stand unmarked and still be the name: accents,
    // an invisible soft hyphen or zero-width space, hyphens in an id, a URL
    // escape, and the marker's own YAML escape.
    let cases: [(&str, &str); 5] = [
        ("    subject: Video", "    subject: Video van Jan Mödaal"),
        ("    subject: Video", "    subject: Video van Jan Mo\u{AD}daal"),
        ("    subject: Video", "    subject: Video van Jan\u{200B} Modaal"),
        (", een video.", ", een video: <https://example.org/melding?naam=Jan%20Modaal>."),
        ("  - id: r1", "  - id: r1-jan-modaal"),
    ];
    for (from, to) in cases {
        let s = Scratch::minimal();
        s.edit("data/records/reports.yaml", from, to);
        let r = s.run(&["build"]);
        assert_eq!(r.code, 1, "{to:?}: {}", r.stderr);
        // In an id no marker can stand: the error says to rename it.
        let said = match to.contains("id:") {
            true => "an identifier holds a withheld passage",
            false => "a withheld passage stands here unmarked",
        };
        assert!(r.stderr.contains(said), "{to:?}: {}", r.stderr);
        assert!(!s.out().exists());
    }
    // The marker writes the name with a YAML escape; it stands plainly elsewhere.
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "Beste [[5.1.2e: Jan Modaal]], een video.",
        "Beste Jan Mödaal, een video.",
    );
    s.edit(
        "data/records/reports.yaml",
        "    subject: Video",
        "    subject: \"Video [[5.1.2e: Jan M\\u00F6daal]]\"",
    );
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("a withheld passage stands here unmarked"), "{}", r.stderr);
    assert!(!r.stderr.contains("Mödaal"), "the message masks it: {}", r.stderr);
}
