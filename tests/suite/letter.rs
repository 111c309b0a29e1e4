//! The cover letter (aanbiedingsbrief) that offers the answers to the Kamer,
//! and the Kamer's heading lines in the answer: every name, party, date and
//! number from the dossier.

use crate::common::Scratch;

#[test]
fn the_cover_letter_offers_the_answers_with_the_dossiers_facts() {
    let s = Scratch::bundled();
    let letter = s.build_and_read("2022Z21205", "aanbieding.md");
    assert!(
        letter.contains("\nrecipient: \"de Voorzitter van de Tweede Kamer der Staten-Generaal\"\n"),
        "{letter}"
    );
    assert!(letter.contains("\nyour_reference: \"2022Z21205\"\n"));
    assert!(!letter.contains("\nour_reference"), "no Ons kenmerk when the dossier has none");
    assert!(letter.contains(
        "Hierbij bied ik u de antwoorden aan op de schriftelijke vragen die op 7 november 2022 zijn gesteld \
         door het lid Van Houwelingen (FVD) over de ‘escalatie kanalen’ en het ‘desinformatieteam BZK’ naar \
         aanleiding van een Wob-verzoek (kenmerk: 2022Z21205)."
    ), "{letter}");
    assert!(
        letter
            .contains("\nDe minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nHanke Bruins Slot\n")
    );

    // The facts come from the dossier, not from the template.
    s.edit("data/dossiers/2022Z21205/dossier.yaml", "submitted: 2022-11-07", "submitted: 2022-11-08");
    s.edit("data/dossiers/2022Z21205/dossier.yaml", "party: FVD }", "party: GL }");
    s.edit(
        "data/dossiers/2022Z21205/dossier.yaml",
        "answered: 2022-12-02",
        "answered: 2022-12-02\nreference: \"2022-0000612345\"",
    );
    let letter = s.build_and_read("2022Z21205", "aanbieding.md");
    assert!(
        letter.contains("die op 8 november 2022 zijn gesteld door het lid Van Houwelingen (GL) over"),
        "{letter}"
    );
    assert!(letter.contains("\nour_reference: \"2022-0000612345\"\n"));
    let pdf = s.file("output/2022Z21205/aanbieding.pdf");
    if let Some(text) = crate::common::tool("pdftotext", &[crate::common::p(&pdf), "-"]) {
        for row in ["Aan", "Uw kenmerk", "Ons kenmerk", "2022-0000612345", "Datum", "2 december 2022"] {
            assert!(text.contains(row), "{row:?} in the letterhead:\n{text}");
        }
    }
}

#[test]
fn several_members_and_co_answerers_give_the_plural_and_mede_namens() {
    let s = Scratch::minimal();
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "submitter: { name: Anna de Vries, short: De Vries, party: XYZ }",
        "submitter: { name: Anna de Vries, short: De Vries, party: XYZ }\n\
         co_submitters:\n  - { name: Bram Bakker, short: Bakker, party: XYZ }\n\
         co_answerers: [de Minister van Defensie, de Staatssecretaris van Financiën]",
    );
    let letter = s.build_and_read("T1", "aanbieding.md");
    assert!(
        letter.contains("Hierbij bied ik u mede namens de Minister van Defensie en de Staatssecretaris van Financiën de antwoorden aan"),
        "{letter}"
    );
    assert!(
        letter.contains("zijn gesteld door de leden De Vries en Bakker (beiden XYZ) over een test"),
        "{letter}"
    );
    let answer = s.read("output/T1/antwoord.md");
    assert!(
        answer.contains("Vragen van de leden De Vries en Bakker (beiden XYZ) aan de Minister van"),
        "{answer}"
    );
    assert!(
        answer.contains("(Binnenlandse Zaken en Koninkrijksrelaties), mede namens de Minister van Defensie en de Staatssecretaris van Financiën (ontvangen 2 december 2022)."),
        "{answer}"
    );
    assert!(
        answer
            .starts_with("---\ntitle: \"Antwoord op vragen van de leden De Vries en Bakker over een test\""),
        "{answer}"
    );

    // Members of different parties each get their own.
    s.edit("data/dossiers/T1/dossier.yaml", "short: Bakker, party: XYZ", "short: Bakker, party: ABC");
    let letter = s.build_and_read("T1", "aanbieding.md");
    assert!(letter.contains("door de leden De Vries (XYZ) en Bakker (ABC) over"), "{letter}");
}

#[test]
fn earlier_delay_notices_are_named_under_the_answer_line() {
    let s = Scratch::minimal();
    let answer = s.build_and_read("T1", "antwoord.md");
    assert!(!answer.contains("Zie ook"), "none without delay notices");
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "answered: 2022-12-02",
        "answered: 2022-12-02\ndelay_notices:\n  - { date: 2022-11-24, aanhangsel: ah-tk-20222023-1016 }\n  - { aanhangsel: ah-tk-20222023-1044 }",
    );
    let answer = s.build_and_read("T1", "antwoord.md");
    assert!(
        answer.contains("(ontvangen 2 december 2022). Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nrs. 1016 en 1044.\n"),
        "{answer}"
    );
    // A wrong id is one clear error at its place.
    s.edit("data/dossiers/T1/dossier.yaml", "ah-tk-20222023-1044", "ah-tk-2022-1044");
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`ah-tk-2022-1044` is not an Aanhangsel document id"), "{}", r.stderr);
    assert!(r.stderr.contains("dossier.yaml:") && r.stderr.contains("ah-tk-20222023-2207"), "{}", r.stderr);
}
