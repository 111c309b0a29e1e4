//! The personal-data guard (issue 24): a person on the persons list is
//! withheld in every record by itself, in the letters' texts, in their plain
//! fields and inside a link's address; an e-mail address, phone number,
//! IBAN or valid BSN nobody marked is an error at its source, with nothing
//! written, unless the allow list says it may be published; an invalid BSN
//! is no BSN.

use crate::common::{NAME, Scratch, leaks, leaks_of, readable_bytes};
use crate::woo::assert_public_output_holds_no;

const REPORTS: &str = "data/records/reports.yaml";

/// The persons list the tests plant: the name, an address of hers, and the
/// ministry's own general address and number allowed.
fn persons() -> String {
    format!(
        "persons:\n  - name: {NAME}\n    emails: [z.quistenbroek@example.org]\n    ground: 5.1.2e\nallow:\n  - postbus@minbzk.nl\n  - 070 426 6426\n"
    )
}

/// Every public file's readable bytes, with its path.
fn public_files(s: &Scratch) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    crate::common::snapshot_tree(&s.out())
        .into_iter()
        .filter(|(path, _)| !path.components().any(|c| c.as_os_str() == "intern"))
        .map(|(path, _)| {
            let bytes = readable_bytes(&path);
            (path, bytes)
        })
        .collect()
}

#[test]
fn a_listed_name_in_three_letters_one_inside_a_url_is_withheld_everywhere() {
    let s = Scratch::bundled();
    s.write("data/persons.yaml", &persons());
    let slug = NAME.to_lowercase().replace(' ', "-");
    // Letter 1: the name and her address in the text, with the ministry's
    // allowed address and number.
    s.edit(
        REPORTS,
        "          u naar deze video te kijken.\n",
        &format!(
            "          u naar deze video te kijken. {NAME} (z.quistenbroek@example.org), of\n          postbus@minbzk.nl, 070 426 6426\n"
        ),
    );
    // Letter 2: the name inside a link's address only.
    s.edit(
        REPORTS,
        "          De video is voorzien van een label vanwege de factcheck door\n          onafhankelijke factcheckers.",
        &format!("          De video is voorzien van een label, zie\n          [het dossier](https://example.org/dossiers/{slug}/brief)."),
    );
    // Letter 2's addressee, a plain field, in capitals; letter 3's text.
    s.edit(
        REPORTS,
        "        from: Facebook\n        to: Ministerie van BZK\n        reconstructed: true\n        text: |\n          De video",
        &format!(
            "        from: Facebook\n        to: \"Ministerie van BZK, t.a.v. {}\"\n        reconstructed: true\n        text: |\n          De video",
            NAME.to_uppercase()
        ),
    );
    let third = s.read(REPORTS);
    let at = third.match_indices("        text: |\n").nth(2).expect("a third letter").0
        + "        text: |\n".len();
    s.write(REPORTS, &format!("{}          Namens {NAME}.\n{}", &third[..at], &third[at..]));

    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(leaks(format!("{}{}", r.stdout, r.stderr).as_bytes()).is_empty());
    assert_public_output_holds_no(&s, "a listed name");
    for (path, bytes) in public_files(&s) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(!text.contains("z.quistenbroek@example.org"), "{} holds her address", path.display());
        assert!(!text.contains(&slug), "{} holds the link", path.display());
    }
    let public = s.read("output/2022Z21205/bijlagen.md");
    assert!(public.contains("postbus@minbzk.nl, 070 426 6426"), "the allowed ones are published: {public}");
    assert!(public.contains("kijken. [5.1.2e] ([5.1.2e]), of"), "{public}");
    assert!(public.contains("t.a.v. [5.1.2e]"), "{public}");
    assert!(public.contains("> [het dossier]") || public.contains("het dossier."), "{public}");
    assert!(
        !public.contains("https://example.org/dossiers/"),
        "the link is dropped, its text kept: {public}"
    );
    // The internal render shows where, as a marked passage shows.
    let internal = s.read("output-intern/2022Z21205/bijlagen-INTERN.md");
    for marked in [
        format!("kijken. [[5.1.2e: {NAME}]] ([[5.1.2e: z.quistenbroek@example.org]]), of"),
        format!("t.a.v. [[5.1.2e: {}]]", NAME.to_uppercase()),
        format!("/dossiers/[[5.1.2e: {slug}]]/brief"),
        format!("Namens [[5.1.2e: {NAME}]]."),
    ] {
        assert!(internal.contains(&marked), "{marked} in {internal}");
    }
    // The letters it stands in are partly public, on the name's ground.
    let csv = s.read("output/2022Z21205/inventaris.csv");
    let partly = csv.lines().filter(|l| l.contains("Deels openbaar") && l.contains("5.1.2e")).count();
    assert!(partly >= 3, "{csv}");
}

/// Builds the bundled data with `planted` written into the first letter's
/// text: it must fail with `message` at the line it is planted on, and the
/// value must show in no message and nothing be written.
fn refused(planted: &str, message: &str) {
    let s = Scratch::bundled();
    s.write("data/persons.yaml", &persons());
    s.edit(
        REPORTS,
        "          u naar deze video te kijken.\n",
        &format!("          u naar deze video te kijken, {planted}\n"),
    );
    let line = s.read(REPORTS).lines().position(|l| l.contains(planted)).unwrap() + 1;
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 1, "{planted}: {}", r.stderr);
    assert!(r.stderr.contains(message), "{planted}: {}", r.stderr);
    assert!(r.stderr.contains(&format!("records/reports.yaml:{line}:")), "{planted}: {}", r.stderr);
    assert!(r.stderr.contains("hint: withhold it as `[[5.1.2e: …]]`"), "{}", r.stderr);
    let digits: String = planted.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let printed: String = r.stderr.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    assert!(!printed.contains(&digits), "the message repeats {planted}: {}", r.stderr);
    assert!(!s.out().exists() && !s.file("output-intern").exists(), "nothing written");
}

#[test]
fn an_unmarked_address_phone_number_iban_or_bsn_is_an_error_at_its_source() {
    refused("mail jan.modaal@example.org", "an e-mail address stands here unmarked, and is published");
    refused("bel 06-12345678", "a phone number stands here unmarked, and is published");
    refused("of +31 6 1234 5678", "a phone number stands here unmarked");
    refused("op NL91 ABNA 0417 1643 00", "an IBAN stands here unmarked, and is published");
    refused("bsn 111222333", "a BSN (citizen service number) stands here unmarked, and is published");
}

#[test]
fn an_invalid_bsn_a_marked_number_and_an_allowed_address_are_published_as_decided() {
    let s = Scratch::bundled();
    s.write("data/persons.yaml", &persons());
    // 111222334 fails the eleven-check: nine digits, not a BSN.
    s.edit(
        REPORTS,
        "          u naar deze video te kijken.\n",
        "          u naar deze video te kijken: zaak 111222334, [[5.1.2e: 06-12345678]], postbus@minbzk.nl\n",
    );
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let public = s.read("output/2022Z21205/bijlagen.md");
    assert!(public.contains("zaak 111222334, [5.1.2e], postbus@minbzk.nl"), "{public}");
    assert!(!public.contains("12345678"));
}

#[test]
fn a_number_a_template_writes_is_told_at_the_template() {
    let s = Scratch::minimal();
    s.write("templates/bijlage.md", "## Bijlage {{ bijlage.number }}\n\nBel ons op 06-12345678.\n");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("a phone number stands here unmarked"), "{}", r.stderr);
    assert!(r.stderr.contains("templates/bijlage.md:3:12"), "{}", r.stderr);
    assert!(!r.stderr.contains("12345678"), "masked: {}", r.stderr);
    assert!(!s.out().exists());
    // Allowed, it is published.
    s.write("data/persons.yaml", "allow: [\"06-12345678\"]\n");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.read("output/T1/bijlagen.md").contains("06-12345678"));
}

#[test]
fn each_mistake_in_the_persons_list_is_one_error_at_its_place() {
    let s = Scratch::minimal();
    let file = "persons:\n  - name: Jo\n    ground: 5.1.2e\n  - name: Piet Puk\n    ground: 5.1.9\n  - emails: [geen-adres]\n    ground: 5.1.2e\n  - ground: 5.1.2e\n  - name: Klaas Vaak\n    gorund: 5.1.2e\n  - naam: Klaas Vaak\n    ground: 5.1.2e\nallow:\n  - Postbus 20011\n";
    s.write("data/persons.yaml", file);
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `name`?"), "a Dutch name points to the field: {}", r.stderr);
    for (line, message) in [
        (2, "a name of fewer than 3 letters"),
        (5, "`5.1.9` is not a ground"),
        (6, "not an e-mail address"),
        (8, "a person to withhold needs a name or an e-mail address"),
        (10, "unknown field `gorund` in person"),
        (11, "unknown field `naam` in person"),
        (14, "not one e-mail address, phone number, IBAN or BSN"),
    ] {
        assert!(r.stderr.contains(message), "{message}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!("persons.yaml:{line}:")),
            "{message} at line {line}: {}",
            r.stderr
        );
    }
    assert_eq!(
        r.stderr.lines().filter(|l| l.starts_with("error")).count(),
        7,
        "one error each: {}",
        r.stderr
    );
}

#[test]
fn a_listed_name_where_it_cannot_be_withheld_is_an_error_and_nothing_is_written() {
    let listed = "persons:\n  - name: Piet Puk\n    ground: 5.1.2e\n";
    // Run together inside a link's address: withheld there by itself, as
    // anywhere else the name stands; the link is published as its text.
    let s = Scratch::minimal();
    s.write("data/persons.yaml", listed);
    s.edit(REPORTS, ", een video.", ", zie [de brief](https://example.org/brief-pietpuk).");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (path, bytes) in public_files(&s) {
        assert!(leaks_of(&bytes, "pietpuk").is_empty(), "{} holds the name", path.display());
    }
    // In a report's id (a document ID, a file name), apart or run together:
    // an error at the id, which must be renamed, and no message that
    // names the document by it.
    for id in ["r1-piet-puk", "r1-pietpuk", "r1-pietpuk2"] {
        let s = Scratch::minimal();
        s.write("data/persons.yaml", listed);
        s.edit(REPORTS, "  - id: r1", &format!("  - id: {id}"));
        let r = s.run(&["build"]);
        assert_eq!(r.code, 1, "{id}: {}", r.stderr);
        assert!(r.stderr.contains("an identifier holds a withheld passage"), "{id}: {}", r.stderr);
        assert!(r.stderr.contains("rename it"), "{id}: {}", r.stderr);
        assert!(r.stderr.contains("records/reports.yaml:2:"), "{id}: {}", r.stderr);
        assert_eq!(r.stderr.matches("error:").count(), 1, "one error per mistake, {id}: {}", r.stderr);
        assert!(!r.stderr.to_lowercase().contains("puk"), "{id}: {}", r.stderr);
        assert!(!s.out().exists());
    }
}
