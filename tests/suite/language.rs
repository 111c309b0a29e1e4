//! The users' language: Dutch unless asked otherwise, English with
//! `--lang en` or `BEANTWOORD_LANG=en`; the change list for scripts the
//! same in both (`--machine`).

use crate::common::{Run, Scratch};
use std::process::Command;

/// `beantwoord <args>` in `s` with `lang` as BEANTWOORD_LANG (or none).
fn run(s: &Scratch, lang: Option<&str>, args: &[&str]) -> Run {
    let mut c = Command::new(env!("CARGO_BIN_EXE_beantwoord"));
    c.env_remove("BEANTWOORD_LANG").args(args).current_dir(s.path());
    if let Some(l) = lang {
        c.env("BEANTWOORD_LANG", l);
    }
    let out = c.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn the_tool_speaks_dutch_unless_asked_for_english() {
    let s = Scratch::bundled();
    let nl = run(&s, None, &["check"]);
    assert_eq!(nl.code, 0, "{}", nl.stderr);
    assert_eq!(nl.stderr.trim(), "controle geslaagd: 5 accounts, 5 meldingen, 1 dossier; 0 waarschuwingen");
    for en in [run(&s, None, &["check", "--lang", "en"]), run(&s, Some("en"), &["check"])] {
        assert_eq!(en.stderr.trim(), "check passed: 5 account(s), 5 report(s), 1 dossier(s); 0 warning(s)");
    }
    // The option wins over the environment.
    let nl = run(&s, Some("en"), &["--lang", "nl", "check"]);
    assert!(nl.stderr.starts_with("controle geslaagd"), "{}", nl.stderr);
}

#[test]
fn a_mistake_is_told_in_dutch_with_its_severity_and_hint() {
    let s = Scratch::bundled();
    s.edit("data/records/reports.yaml", "    date: 2021-03-09\n", "    date: 09-03-2021\n");
    let r = run(&s, None, &["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("fout: "), "{}", r.stderr);
    assert!(r.stderr.contains("= tip: "), "{}", r.stderr);
    assert!(
        r.stderr.trim_end().ends_with("controle mislukt: 1 fout, 0 waarschuwingen; er is niets geschreven"),
        "{}",
        r.stderr
    );
    let en = run(&s, None, &["check", "--lang", "en"]);
    assert!(en.stderr.starts_with("error: ") && en.stderr.contains("= hint: "), "{}", en.stderr);
    assert!(en.stderr.trim_end().ends_with("check failed: 1 error(s), 0 warning(s); nothing was written"));
}

#[test]
fn the_change_list_is_in_dutch_and_for_scripts_the_same_in_every_language() {
    let s = Scratch::bundled();
    let r = run(&s, None, &["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("  nieuw        output/2022Z21205/antwoord.md"), "{}", r.stdout);
    assert!(r.stderr.contains("1 dossier opgebouwd, 6 documenten in "), "{}", r.stderr);
    assert!(r.stderr.contains(": 6 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 verwijderd"), "{}", r.stderr);
    for lang in [None, Some("en")] {
        let again = run(&s, lang, &["build", "--format", "md", "--machine"]);
        assert!(again.stdout.lines().all(|l| l.starts_with("unchanged\toutput/")), "{}", again.stdout);
        assert_eq!(again.stdout.lines().count(), 6);
    }
    let dry = run(&s, None, &["build", "--format", "md", "--dry-run"]);
    assert!(dry.stderr.starts_with("proefdraai: "), "{}", dry.stderr);
}

#[test]
fn an_unknown_language_is_one_error_and_exit_2() {
    let s = Scratch::bundled();
    for r in [run(&s, None, &["check", "--lang", "fr"]), run(&s, Some("de"), &["check"])] {
        assert_eq!(r.code, 2);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(r.stderr.contains("kies nl of en"), "{}", r.stderr);
    }
}

/// The mistakes users make in templates and data, each a change to the
/// bundled files: where, what to replace with what, and what the one
/// message says at the name, in Dutch and in English.
const MISTAKES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "Ja, de afschriften zijn als {{ reports | bijlagen }} toegevoegd bij deze brief.\n\n  - number: 9",
        "Ja, de afschriften zijn als {{ reprots | bijlagen }} toegevoegd bij deze brief.\n\n  - number: 9",
        "onbekende naam `reprots` in dit sjabloon; bedoelt u `reports`?",
        "unknown name `reprots` in this template; did you mean `reports`?",
    ),
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "{{ meldingen | length | keer }} een casus voorgedragen bij {{ fb.platform }}",
        "{{ meldingen | lenght | keer }} een casus voorgedragen bij {{ fb.platform }}",
        "onbekend filter `lenght`; bedoelt u `length`?",
        "unknown filter `lenght`; did you mean `length`?",
    ),
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "{% set fb = account.facebook %}{% set meldingen = reports | via(account=\"facebook\") %}",
        "{% set fb = account.facebook %}{% set meldingen = reports | via(account=\"facebook\") %}{{ acounts | length }}",
        "onbekende naam `acounts` in dit sjabloon; bedoelt u `accounts`?",
        "unknown name `acounts` in this template; did you mean `accounts`?",
    ),
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "{% set fb = account.facebook %}{% set meldingen = reports | via(account=\"facebook\") %}",
        "{% set fb = account.facebook %}{% set meldingen = reports | via(account=\"facebook\") %}{% set laatste = meldingen | last %}{{ laatste.dat | datum }}",
        "een melding heeft geen veld `dat`; bedoelt u `date`?",
        "a report has no field `dat`; did you mean `date`?",
    ),
    (
        "templates/antwoord.md",
        "date: {{ dossier.answered | yaml }}",
        "date: {{ dossier.answred | datum }}",
        "het dossier heeft geen veld `answred`; bedoelt u `answered`?",
        "the dossier has no field `answred`; did you mean `answered`?",
    ),
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "{% if loop.first or loop.last %} bij {{ fb.platform }}/{{ fb.platform_now }}{% endif %}",
        "{% if loop.first or loop.last %} bij {{ fb.platform }}/{{ fb.platform_now }}",
        "sjabloon: `{% if %}` wordt nergens gesloten: `{% endif %}` ontbreekt",
        "template: `{% if %}` is never closed: missing `{% endif %}`",
    ),
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "submitted: 2022-11-07",
        "submitted: 07-11-2022",
        "bedoelt u 2022-11-07?",
        "did you mean 2022-11-07?",
    ),
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "submitted: 2022-11-07",
        "submitted: 2022-11-7",
        "bedoelt u 2022-11-07?",
        "did you mean 2022-11-07?",
    ),
    (
        "data/records/reports.yaml",
        "  - id: 2021-03-09-video-stemmen-vaccinatie\n",
        "  - id: 2021-03-09-video-stemmen-vaccinatie\n    subject: Let op: voor de verkiezingen\n",
        "schrijf: subject: \"Let op: voor de verkiezingen\"",
        "write: subject: \"Let op: voor de verkiezingen\"",
    ),
    // A misspelt account or field in a filter's argument would count
    // nothing without a word ("nul keer"): one error at the name.
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "{% set meldingen = reports | via(account=\"facebook\") %}",
        "{% set meldingen = reports | via(account=\"facebok\") %}",
        "er is geen account `facebok`: het filter zou er geen melding via vinden",
        "there is no account `facebok`: the filter would find no report through it",
    ),
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "{{ later | map(attribute=\"platform\") | opsomming }}",
        "{{ later | map(attribute=\"platfrom\") | opsomming }}",
        "bedoelt u `platform`?",
        "did you mean `platform`?",
    ),
    // An argument a filter does not take would be ignored, and the answer
    // show the whole date.
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "geactiveerd in {{ tw.granted | datum(precisie=\"maand\") }}",
        "geactiveerd in {{ tw.granted | datum(precision=\"maand\") }}",
        "`datum` kent geen argument `precision`; bedoelt u `precisie`?",
        "`datum` takes no argument `precision`; did you mean `precisie`?",
    ),
    // Tera's own messages, said again with plain types.
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "{{ fb.platform }}/{{ fb.platform_now }}{% endif %}",
        "{{ fb.platform + 1 }}/{{ fb.platform_now }}{% endif %}",
        "`+` heeft twee getallen nodig; hier staan tekst en een getal",
        "`+` needs two numbers; here are text and a number",
    ),
    (
        "data/dossiers/2022Z21205/dossier.yaml",
        "{{ fb.platform }}/{{ fb.platform_now }}{% endif %}",
        "{{ fb.platform }/{{ fb.platform_now }}{% endif %}",
        "gevonden `}`, maar verwacht }}",
        "found `}`, but expected }}",
    ),
    // A Dutch word where the data wants its English value.
    (
        "data/records/reports.yaml",
        "        to: Facebook\n        reconstructed: true\n        text: |\n          Geachte [[5.1.2e: naam contactpersoon Facebook]],\n\n          Op Facebook gaat een video",
        "        to: Facebook\n        reconstructed: ja\n        text: |\n          Geachte [[5.1.2e: naam contactpersoon Facebook]],\n\n          Op Facebook gaat een video",
        "bedoelt u `true`?",
        "did you mean `true`?",
    ),
    (
        "data/records/reports.yaml",
        "Geachte [[5.1.2e: naam contactpersoon Facebook]],\n\n          Op Facebook gaat een video",
        "Geachte [[5.1.2E: naam contactpersoon Facebook]],\n\n          Op Facebook gaat een video",
        "bedoelt u `5.1.2e`?",
        "did you mean `5.1.2e`?",
    ),
    // YAML's reasons in the user's language.
    (
        "data/records/accounts.yaml",
        "    platform: Facebook\n",
        "    platform: Facebook\n    platform: Meta\n",
        "het veld `platform` staat hier twee keer",
        "the field `platform` is written twice here",
    ),
];

#[test]
fn each_template_and_data_mistake_is_one_message_at_the_name_in_both_languages() {
    for (file, from, to, nl, en) in MISTAKES {
        let s = Scratch::bundled();
        s.edit(file, from, to);
        for (lang, expected, severity, summary) in
            [(None, nl, "fout: ", "1 fout, "), (Some("en"), en, "error: ", "1 error(s), ")]
        {
            let r = run(&s, lang, &["check"]);
            assert_eq!(r.code, 1, "{to}: {}", r.stderr);
            let shown = r.stderr.lines().filter(|l| l.starts_with(severity)).count();
            assert_eq!(shown, 1, "{to} ({lang:?}): one message, counted once:\n{}", r.stderr);
            assert!(r.stderr.contains(summary), "{to} ({lang:?}): {}", r.stderr);
            assert!(r.stderr.contains(*expected), "{to} ({lang:?}) should say {expected:?}:\n{}", r.stderr);
        }
    }
}

#[test]
fn the_help_of_every_command_is_in_both_languages() {
    let s = Scratch::bundled();
    let commands = ["check", "build", "send", "new", "status", "serve"];
    let top = run(&s, None, &["--help"]);
    assert_eq!(top.code, 0, "{}", top.stderr);
    assert!(top.stdout.contains("Opdrachten:") && top.stdout.contains("Toon deze hulp"), "{}", top.stdout);
    for c in commands {
        let nl = run(&s, None, &[c, "--help"]);
        let en = run(&s, None, &[c, "--help", "--lang", "en"]);
        assert_eq!((nl.code, en.code), (0, 0), "{c}: {}{}", nl.stderr, en.stderr);
        assert!(nl.stdout.contains(&format!("Gebruik: beantwoord {c}")), "{c}: {}", nl.stdout);
        assert!(nl.stdout.contains("Opties:") && nl.stdout.contains("De gegevensmap"), "{c}: {}", nl.stdout);
        assert!(
            en.stdout.contains(&format!("Usage: beantwoord {c}")) && en.stdout.contains("Options:"),
            "{c}: {}",
            en.stdout
        );
        assert!(!nl.stdout.contains("The data folder") && en.stdout.contains("data folder"), "{c}");
    }
}

/// A command line clap refuses is told in the user's language too: what
/// is wrong, the suggestion, the usage line with its own words; exit 2.
#[test]
fn a_command_line_that_is_not_understood_is_told_in_both_languages() {
    let s = Scratch::bundled();
    // (arguments, Dutch, English): each a whole line of the message.
    let cases: [(&[&str], &[&str], &[&str]); 7] = [
        (
            &["biuld"],
            &["fout: onbekende opdracht `biuld`", "  tip: bedoelt u `build`?"],
            &["error: unknown command `biuld`", "  hint: did you mean `build`?"],
        ),
        (
            &["build", "--formt", "md"],
            &[
                "fout: onbekende optie `--formt`",
                "  tip: bedoelt u `--format`?",
                "Gebruik: beantwoord build --format <FORMAAT>",
            ],
            &[
                "error: unknown option `--formt`",
                "  hint: did you mean `--format`?",
                "Usage: beantwoord build --format <FORMAT>",
            ],
        ),
        (
            &["build", "--format", "xx"],
            &[
                "fout: `xx` is geen waarde van `--format <FORMAAT>`",
                "  tip: de waarden zijn `md`, `pdf`, `html` en `docx`",
            ],
            &[
                "error: `xx` is not a value of `--format <FORMAT>`",
                "  hint: the values are `md`, `pdf`, `html` and `docx`",
            ],
        ),
        (
            &["status", "--today", "15-03-2023"],
            &["fout: `15-03-2023` is geen waarde van `--today <DATUM>`: geen datum: schrijf JJJJ-MM-DD"],
            &["error: `15-03-2023` is not a value of `--today <DATE>`: not a date: write YYYY-MM-DD"],
        ),
        (
            &["send"],
            &["fout: `<ID>` ontbreekt", "Gebruik: beantwoord send <ID>"],
            &["error: missing: `<ID>`", "Usage: beantwoord send <ID>"],
        ),
        (
            &["build", "--data"],
            &["fout: `--data <MAP>` heeft een waarde nodig"],
            &["error: `--data <DIR>` needs a value"],
        ),
        (
            &["serve", "--port", "99999"],
            &["fout: `99999` is geen waarde van `--port <N>`: niet tussen 0 en 65535"],
            &["error: `99999` is not a value of `--port <N>`: not between 0 and 65535"],
        ),
    ];
    for (args, nl_lines, en_lines) in cases {
        let nl = run(&s, None, args);
        let en = run(&s, Some("en"), args);
        assert_eq!((nl.code, en.code), (2, 2), "{args:?}: {}{}", nl.stderr, en.stderr);
        for (r, lines) in [(&nl, nl_lines), (&en, en_lines)] {
            for line in lines {
                assert!(r.stderr.lines().any(|l| l == *line), "{args:?}: no line {line:?} in\n{}", r.stderr);
            }
            let first = lines[0].split(':').next().unwrap();
            let said = r.stderr.lines().filter(|l| l.starts_with(&format!("{first}:"))).count();
            assert_eq!(said, 1, "{args:?}: one message\n{}", r.stderr);
        }
        assert!(!nl.stderr.contains("[OPTIONS]") && !nl.stderr.contains("error"), "{args:?}: {}", nl.stderr);
    }
    // Without a command: the overview, its usage in Dutch.
    let none = run(&s, None, &[]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("Gebruik: beantwoord [OPTIES] <OPDRACHT>"), "{}", none.stderr);
}
