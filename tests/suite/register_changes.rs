//! Computed, not typed: changing the register, with no change to dossier.yaml,
//! changes exactly the sentences that cite it.

use crate::common::{Scratch, section};

const FIFTH_FACEBOOK_REPORT: &str = r#"
  - id: 2022-10-03-nieuwe-melding
    date: 2022-10-03
    accounts: [facebook]
    subject: Een nieuwe melding
    summary: Het betrof een nieuwe melding.
    outcome:
      facebook: { status: pending }
"#;

const FIRST_GOOGLE_REPORT: &str = r#"
  - id: 2022-04-01-youtube
    date: 2022-04-01
    accounts: [google]
    subject: Een video op YouTube
    summary: Het betrof een video op YouTube.
    outcome:
      google: { status: removed, text: Google heeft de video verwijderd. }
"#;

fn add_report(s: &Scratch, yaml: &str) {
    let mut text = s.read("data/records/reports.yaml");
    text.push_str(yaml);
    s.write("data/records/reports.yaml", &text);
}

#[test]
fn a_fifth_facebook_report_makes_answer_4_say_five() {
    let s = Scratch::bundled();
    let before = s.build_and_read("2022Z21205", "antwoord.md");
    assert!(section(&before, "Antwoord 4").contains("vier keer een casus voorgedragen bij Facebook/Meta"));
    add_report(&s, FIFTH_FACEBOOK_REPORT);
    let after = s.build_and_read("2022Z21205", "antwoord.md");
    let a4 = section(&after, "Antwoord 4");
    assert!(
        a4.contains(
            "heeft het Ministerie van BZK vijf keer een casus voorgedragen bij Facebook/Meta gedaan."
        ),
        "{a4}"
    );
    assert!(a4.contains("De vierde melding werd gedaan op 9 maart 2022"), "{a4}");
    assert!(a4.contains("De vijfde en laatste melding bij Facebook/Meta werd gedaan op 3 oktober 2022. Het betrof een nieuwe melding."), "{a4}");
    assert!(section(&after, "Antwoord 8").contains("bijlagen 1 tot en met 6"));
    assert_eq!(section(&before, "Antwoord 6"), section(&after, "Antwoord 6"));
}

#[test]
fn a_first_google_report_changes_answer_5() {
    let s = Scratch::bundled();
    add_report(&s, FIRST_GOOGLE_REPORT);
    let md = s.build_and_read("2022Z21205", "antwoord.md");
    let a5 = section(&md, "Antwoord 5");
    assert!(a5.contains("eenmaal een casus voorgedragen bij Google."), "{a5}");
    assert!(a5.contains("De eerste melding bij Google werd gedaan op 1 april 2022. Het betrof een video op YouTube. Google heeft de video verwijderd."), "{a5}");
    assert!(!a5.contains("geen enkele"));
}

#[test]
fn a_report_after_the_dossiers_cut_off_date_is_out_of_scope() {
    let s = Scratch::bundled();
    add_report(&s, &FIRST_GOOGLE_REPORT.replace("2022-04-01", "2023-01-05"));
    let md = s.build_and_read("2022Z21205", "antwoord.md");
    assert!(section(&md, "Antwoord 5").contains("geen enkele casus"));
}

#[test]
fn correcting_one_date_changes_every_sentence_that_cites_it_and_nothing_else() {
    let s = Scratch::bundled();
    let before = s.build_and_read("2022Z21205", "antwoord.md");
    s.edit(
        "data/records/reports.yaml",
        "date: 2021-12-18\n        text: >-",
        "date: 2021-12-20\n        text: >-",
    );
    let after = s.build_and_read("2022Z21205", "antwoord.md");
    let changed: Vec<(&str, &str)> = before.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].0.contains("vernam op 18 december 2021 van Facebook"));
    assert!(changed[0].1.contains("vernam op 20 december 2021 van Facebook"));
}

#[test]
fn correcting_a_report_date_that_first_used_records_is_caught() {
    let s = Scratch::bundled();
    s.edit("data/records/reports.yaml", "date: 2021-03-11\n    accounts", "date: 2021-03-12\n    accounts");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("`first_used` of `twitter` is 2021-03-11, but its earliest report is of 2021-03-12"),
        "{}",
        r.stderr
    );
    s.edit("data/records/accounts.yaml", "first_used: 2021-03-11", "first_used: 2021-03-12");
    let md = s.build_and_read("2022Z21205", "antwoord.md");
    assert!(
        section(&md, "Antwoord 2").contains("Van dit account is tot 12 maart 2021 geen gebruik gemaakt.")
    );
    assert!(section(&md, "Antwoord 6").contains("De eerste melding werd gedaan op 12 maart 2021."));
}

#[test]
fn reordering_the_register_changes_nothing() {
    let s = Scratch::bundled();
    let before = s.build_and_read("2022Z21205", "antwoord.md");
    let text = s.read("data/records/reports.yaml");
    let (head, body) = text.split_once("reports:\n").unwrap();
    let mut items: Vec<String> = body.split("\n  - id: ").map(str::to_string).collect();
    let first = items.remove(0);
    items.reverse();
    let mut rebuilt = format!("{head}reports:\n{first}");
    for i in items {
        rebuilt.push_str(&format!("\n  - id: {i}"));
    }
    s.write("data/records/reports.yaml", &rebuilt);
    assert_eq!(before, s.build_and_read("2022Z21205", "antwoord.md"));
}
