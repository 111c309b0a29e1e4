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
        "missing field `holder`",
        "unknown field `holdr`",
        "invalid date: `halverwege` is not a date qualifier",
        "invalid date: 2021-13-01 does not exist",
        "expected a whole number, found `zeven`",
    ] {
        assert!(r.stderr.contains(expected), "missing {expected:?} in\n{}", r.stderr);
    }
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
