//! `beantwoord check`: the bundled data is clean; every broken fixture is
//! reported with its full message (snapshots), file:line:col, exit 1.

use crate::common::{Scratch, fixtures};

#[test]
fn bundled_data_checks_clean() {
    let r = Scratch::bundled().run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("check passed: 5 account(s), 5 report(s), 1 dossier(s); 0 warning(s)"),
        "{}",
        r.stderr
    );
}

#[test]
fn minimal_fixture_checks_clean() {
    let r = Scratch::minimal().run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// Every folder under tests/fixtures/broken is a rule; its whole message is pinned.
#[test]
fn every_broken_fixture_is_reported_with_file_and_line() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 20, "{names:?}");
    for name in names {
        let s = Scratch::broken(&name);
        let r = s.run(&["check"]);
        assert_eq!(r.code, 1, "{name} should fail:\n{}", r.stderr);
        assert!(
            r.stderr.contains("┌─ records/") || r.stderr.contains("┌─ dossiers/"),
            "{name}: no file:line:\n{}",
            r.stderr
        );
        assert!(r.stderr.contains("nothing was written"), "{name}");
        insta::assert_snapshot!(format!("check__{name}"), r.stderr);
    }
}

#[test]
fn a_file_too_large_is_refused_before_parsing() {
    let s = Scratch::minimal();
    let big = format!("reports:\n  - id: r2\n    subject: \"{}\"\n", "x".repeat(50 * 1024 * 1024));
    s.write("data/records/big.yaml", &big);
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("records/big.yaml: file is 50.0 MiB; the limit is 8 MiB"), "{}", r.stderr);
}

#[test]
fn every_problem_in_a_run_is_reported_not_only_the_first() {
    let r = Scratch::broken("many-problems").run(&["check"]);
    for expected in [
        "`Tik Tok` is not a valid account id",
        "unknown field `holdr`",
        "invalid date: `halverwege` is not a date qualifier",
        "invalid date: 2021-13-01 does not exist",
        "expected a whole number, found `zeven`",
    ] {
        assert!(r.stderr.contains(expected), "missing {expected:?} in\n{}", r.stderr);
    }
    // `holdr` is `holder` misspelt: its error is the one message.
    assert!(!r.stderr.contains("missing field `holder`"), "{}", r.stderr);
}

#[test]
fn withheld_words_never_appear_in_messages() {
    let r = Scratch::broken("woo-ground").run(&["check"]);
    assert_eq!(r.code, 1);
    for word in ["Geheime", "Naam", "Open", "Einde", "buiten", "binnen"] {
        assert!(!r.stderr.contains(word), "`{word}` leaked into:\n{}", r.stderr);
    }
}

#[test]
fn a_missing_data_folder_is_an_error() {
    let s = Scratch::minimal();
    let r = s.run(&["check", "--data", "nowhere"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("data folder `nowhere` not found"), "{}", r.stderr);
}

#[test]
fn a_wrong_command_line_exits_2() {
    let s = Scratch::minimal();
    assert_eq!(s.run(&["check", "--bogus"]).code, 2);
    assert_eq!(s.run(&["frobnicate"]).code, 2);
    assert_eq!(s.run(&["build", "--format", "odt"]).code, 2);
    assert_eq!(s.run(&["build", "--dossier", "nope"]).code, 2);
    for command in ["check", "build"] {
        let help = s.run(&[command, "--help"]);
        assert_eq!(help.code, 0);
        assert!(help.stdout.contains("--data <DIR>"), "{}", help.stdout);
    }
}

#[test]
fn a_dossier_folder_without_dossier_yaml_is_a_warning() {
    let s = Scratch::minimal();
    std::fs::create_dir_all(s.file("data/dossiers/T2")).unwrap();
    s.write("data/dossiers/T2/dosier.yaml", "id: T2\n");
    let r = s.run(&["check"]);
    assert_eq!(r.code, 0, "a warning does not fail the check:\n{}", r.stderr);
    assert!(r.stderr.contains("warning: dossiers/T2/ has no dossier.yaml; it is skipped"), "{}", r.stderr);
    assert!(r.stderr.contains("1 warning(s)"), "{}", r.stderr);
}

/// One mistake, one message: what failed to load is left out of the later
/// stages, so nothing is said again about what it would have held.
#[test]
fn each_typo_gives_one_error_and_the_cause_first() {
    let cases: [(&str, &str, &str, &str); 4] = [
        ("answer-misspelt", "data/dossiers/2022Z21205/dossier.yaml", "      Nee, een dergelijk apparaat", ""),
        (
            "subject-misspelt",
            "data/records/reports.yaml",
            "    subject: Video over stemmen",
            "    subjekt: Video over stemmen",
        ),
        ("broken-yaml-file", "data/records/extra.yaml", "", "reports:\n  - id: [oops\n"),
        ("account-id-misspelt", "data/records/accounts.yaml", "  - id: twitter\n", "  - idd: twitter\n"),
    ];
    for (name, file, from, to) in cases {
        let s = Scratch::bundled();
        match name {
            "answer-misspelt" => {
                let text = s.read(file);
                let at = text.find(from).unwrap();
                let answer = text[..at].rfind("    answer: |").unwrap();
                let mut edited = text.clone();
                edited.replace_range(answer..answer + "    answer".len(), "    antwoord");
                s.write(file, &edited);
            }
            "broken-yaml-file" => s.write(file, to),
            _ => s.edit(file, from, to),
        }
        let r = s.run(&["check"]);
        assert_eq!(r.code, 1, "{name}");
        let errors: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error")).collect();
        assert_eq!(errors.len(), 1, "{name}: one error, not\n{}", r.stderr);
        assert!(!r.stderr.lines().any(|l| l.starts_with("warning")), "{name}: nothing else\n{}", r.stderr);
        insta::assert_snapshot!(format!("one-message__{name}"), r.stderr);
    }
}

/// The dates the Kamer's deadlines count from need their day: a month is
/// one error at it, naming the field, with the form to write.
#[test]
fn a_deadline_date_without_its_day_is_one_error_at_it() {
    let s = crate::common::Scratch::minimal();
    let file = "data/dossiers/T1/dossier.yaml";
    let text = s.read(file);
    let line = text.lines().find(|l| l.starts_with("submitted: ")).unwrap().to_string();
    s.edit(file, &line, "submitted: 2023-03");
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("error:").count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("error: `submitted` needs the day, not only maart 2023"), "{}", r.stderr);
    assert!(r.stderr.contains("dossiers/T1/dossier.yaml:"), "{}", r.stderr);
    assert!(r.stderr.contains("YYYY-MM-DD"), "{}", r.stderr);
}

/// A policy officer writes the field in Dutch: it is told once, at the
/// name, pointed to the field it means (not to a nearer spelling of
/// another), and not also as missing.
#[test]
fn a_dutch_field_name_is_one_error_pointing_to_its_field() {
    for (dutch, field) in [("beantwoorder", "answerer"), ("minister", "answerer")] {
        let s = crate::common::Scratch::minimal();
        let file = "data/dossiers/T1/dossier.yaml";
        s.edit(file, "\nanswerer:", &format!("\n{dutch}:"));
        let r = s.run(&["check"]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_eq!(r.stderr.matches("error:").count(), 1, "{dutch}: {}", r.stderr);
        assert!(r.stderr.contains(&format!("unknown field `{dutch}` in dossier")), "{}", r.stderr);
        assert!(r.stderr.contains(&format!("did you mean `{field}`?")), "{dutch}: {}", r.stderr);
        assert!(!r.stderr.contains("missing field"), "{}", r.stderr);
    }
}
