//! Writing a new question set from the README alone: filters that keep,
//! drop, count and collect; the loop-assignment pitfall; annex scope;
//! dates that agree.

use crate::common::{Scratch, copy_dir, fixtures, section};

/// The bundled register with the filter fixture's dossier T2 beside the bundled one.
fn with_t2() -> Scratch {
    let s = Scratch::bundled();
    copy_dir(&fixtures().join("filters/dossiers/T2"), &s.data().join("dossiers/T2"));
    s
}

#[test]
fn every_filter_makes_the_sentence_the_readme_promises() {
    let s = with_t2();
    let r = s.run(&["build", "--dossier", "T2", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = s.read("output/T2/antwoord.md");
    let expected = [
        (
            "Antwoord 1",
            "Sinds 2021 is er geen melding gedaan bij TikTok of Snapchat. Bij Facebook of Twitter was dat vijf keer.",
        ),
        (
            "Antwoord 2",
            "Drie meldingen werden gedaan namens gemeente Midden-Delfland, een gemeente (herindeling Dijk en Waard) en gemeente Beek. Twee meldingen deed het ministerie op eigen initiatief.",
        ),
        ("Antwoord 3", "De laatste melding werd gedaan op 9 maart 2022, bij Facebook."),
        (
            "Antwoord 4",
            "Meldingen werden gedaan bij Facebook en Twitter. Vóór 17 maart 2021 waren dat er twee, op of na die dag drie, in 2021 vier.",
        ),
        (
            "Antwoord 5",
            "Twee meldingen gingen (ook) naar Twitter. Twee meldingen betroffen een andere verkiezing dan die van 2021, één een Instagram-pagina.",
        ),
    ];
    for (heading, sentence) in expected {
        assert_eq!(section(&md, heading), sentence, "{heading}");
    }
    // Without `answer_title` the answer is titled as the Kamer titles it.
    assert!(md.contains("\n# Antwoord op vragen van het lid De Vries over meldingen sinds 2021\n"), "{md}");
    // A report through TikTok since 2021 is counted at once.
    let reports = s.read("data/records/reports.yaml");
    s.write(
        "data/records/reports.yaml",
        &format!(
            "{reports}
  - id: 2022-03-10-tiktok
    date: 2022-03-10
    accounts: [tiktok]
    on_behalf_of: gemeente Beek
    subject: Een video op TikTok
    summary: Een video.
    correspondence: []
    outcome:
      tiktok: {{ status: removed }}
"
        ),
    );
    let r = s.run(&["build", "--dossier", "T2", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = s.read("output/T2/antwoord.md");
    assert!(
        section(&md, "Antwoord 1")
            .starts_with("Sinds 2021 is er eenmaal een melding gedaan bij TikTok of Snapchat."),
        "{md}"
    );
    assert!(section(&md, "Antwoord 2").starts_with("Vier meldingen werden gedaan namens gemeente Midden-Delfland, een gemeente (herindeling Dijk en Waard) en gemeente Beek."), "{md}");
    assert!(
        section(&md, "Antwoord 4").starts_with("Meldingen werden gedaan bij Facebook, Twitter en TikTok."),
        "{md}"
    );
}

#[test]
fn a_filter_without_a_comparison_says_which_there_are() {
    let s = with_t2();
    s.edit(
        "data/dossiers/T2/dossier.yaml",
        "filter(attribute=\"on_behalf_of\", empty=false)",
        "filter(attribute=\"on_behalf_of\")",
    );
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("say what to compare `on_behalf_of` with: one of value=…, not=…, empty=…"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("dossiers/T2/dossier.yaml:"), "{}", r.stderr);
}

#[test]
fn a_counter_changed_inside_a_loop_is_a_warning_at_its_line() {
    let s = with_t2();
    s.edit(
        "data/dossiers/T2/dossier.yaml",
        "    text: Wanneer was de laatste melding?\n    answer: |\n",
        "    text: Wanneer was de laatste melding?\n    answer: |\n      {% set k = 0 %}{% for r in reports %}{% if r.on_behalf_of %}{% set k = k + 1 %}{% endif %}{% endfor %}Namens gemeenten: {{ k | keer }}.\n",
    );
    let r = s.run(&["build", "--dossier", "T2", "--format", "md"]);
    assert_eq!(r.code, 0, "a warning, not an error: {}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: `{% set k = … %}` inside a `for` loop does not change `k` after the loop"),
        "{}",
        r.stderr
    );
    let line = s
        .read("data/dossiers/T2/dossier.yaml")
        .lines()
        .position(|l| l.contains("{% set k = k + 1 %}"))
        .unwrap()
        + 1;
    assert!(r.stderr.contains(&format!("dossiers/T2/dossier.yaml:{line}:")), "{}", r.stderr);
    assert!(r.stderr.contains("filter(attribute="), "the hint names the filter: {}", r.stderr);
    // It is the pitfall the warning says: the answer counts nothing.
    assert!(s.read("output/T2/antwoord.md").contains("Namens gemeenten: nul keer."));
}

#[test]
fn a_template_error_points_at_the_construct_and_a_name_mistake_names_what_the_template_can_use() {
    let s = with_t2();
    s.edit(
        "data/dossiers/T2/dossier.yaml",
        "{% set laatste = reports | last %}",
        "{% set laatste = reports | last %}{% if laatste %}",
    );
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("error: template: `{% if %}` is never closed: missing `{% endif %}`"),
        "{}",
        r.stderr
    );
    let line =
        s.read("data/dossiers/T2/dossier.yaml").lines().position(|l| l.contains("{% if laatste %}")).unwrap()
            + 1;
    let col = s
        .read("data/dossiers/T2/dossier.yaml")
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("{% if laatste %}")
        .unwrap()
        + 1;
    assert!(
        r.stderr.contains(&format!("dossiers/T2/dossier.yaml:{line}:{col}")),
        "at the `if`: {}",
        r.stderr
    );
    // A block left open is not a name mistake: no list of every name.
    assert!(!r.stderr.contains("this template has the variables"), "{}", r.stderr);
    // A name mistake gets the names: an annex template has its own
    // variables, and the hint says which.
    let s = Scratch::bundled();
    let annex = s
        .read("templates/bijlage.md")
        .replace("{{ bijlage.number }}", "{{ bijlage.number }}{{ reports | length }}");
    s.write("templates/bijlage.md", &annex);
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("templates/bijlage.md:"), "{}", r.stderr);
    assert!(r.stderr.contains("unknown name `reports` in this template"), "{}", r.stderr);
    assert!(
        r.stderr.contains("this template has the names `bijlage`, `dossier`, `internal`"),
        "{}",
        r.stderr
    );
}

#[test]
fn dates_that_contradict_are_warnings_at_both_places_and_a_letter_can_take_its_reports_date() {
    let s = Scratch::bundled();
    let file = "data/records/reports.yaml";
    // The Dijk en Waard report (18 November 2021): its letter, its outcome.
    s.edit(
        file,
        "      - date: 2021-11-18\n        direction: sent",
        "      - date: 2021-11-17\n        direction: sent",
    );
    s.edit(
        file,
        "        status: resolved\n        date: 2021-12-18",
        "        status: resolved\n        date: 2021-12-20",
    );
    let r = s.run(&["check"]);
    assert_eq!(r.code, 0, "warnings, not errors: {}", r.stderr);
    let text = s.read(file);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert!(
        r.stderr.contains("warning: a letter of 2021-11-17 is dated before its report of 2021-11-18"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("records/reports.yaml:{}:", line_of("- date: 2021-11-17"))),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("{} │     date: 2021-11-18", line_of("    date: 2021-11-18"))),
        "the report's line too: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "warning: the outcome for `facebook` is dated 2021-12-20, its platform's reply 2021-12-18"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("records/reports.yaml:{}:", line_of("date: 2021-12-20"))),
        "{}",
        r.stderr
    );

    // An outcome before its report.
    let s = Scratch::minimal();
    s.edit(
        "data/records/reports.yaml",
        "facebook: { status: labelled, text: Gelabeld. }",
        "facebook: { status: labelled, date: 2021-03-01, text: Gelabeld. }",
    );
    let r = s.run(&["check"]);
    assert!(
        r.stderr.contains(
            "warning: the outcome for `facebook` of 2021-03-01 is dated before its report of 2021-03-09"
        ),
        "{}",
        r.stderr
    );

    // `date: report`: a corrected report date reaches the letter.
    let s = Scratch::minimal();
    s.edit("data/records/reports.yaml", "      - date: 2021-03-09\n", "      - date: report\n");
    let annex = s.build_and_read("T1", "bijlagen.md");
    assert!(annex.contains("Datum: 9 maart 2021"), "{annex}");
    s.edit("data/records/reports.yaml", "    date: 2021-03-09\n", "    date: 2021-03-10\n");
    let annex = s.build_and_read("T1", "bijlagen.md");
    assert!(annex.contains("Datum: 10 maart 2021") && !annex.contains("9 maart 2021"), "{annex}");
}

#[test]
fn annexes_are_chosen_by_id_or_by_condition_and_anything_else_says_what_is_allowed() {
    let s = Scratch::bundled();
    let dossier = "data/dossiers/2022Z21205/dossier.yaml";
    s.edit(dossier, "  reports: all\n", "  reports: [2021-03-17-twee-vakjes, 2022-03-09-beek-instagram]\n");
    let md = s.build_and_read("2022Z21205", "bijlagen.md");
    assert!(md.contains("## Bijlage 1 – Berichten over twee vakjes"), "{md}");
    assert!(md.contains("## Bijlage 2 – Geblokkeerde Instagram"), "{md}");
    assert!(!md.contains("## Bijlage 3"), "{md}");
    let answer = s.read("output/2022Z21205/antwoord.md");
    assert!(
        answer.contains("Ja, de afschriften zijn als bijlagen 1 en 2 toegevoegd bij deze brief."),
        "{answer}"
    );
    let rows = s.read("output/2022Z21205/inventaris.csv").lines().count();
    assert_eq!(rows, 1 + 5, "the two reports' five documents");

    s.edit(
        dossier,
        "  reports: [2021-03-17-twee-vakjes, 2022-03-09-beek-instagram]\n",
        "  reports: { accounts: { contains: twitter }, date: { since: 2021-03-10 } }\n",
    );
    let md = s.build_and_read("2022Z21205", "bijlagen.md");
    assert!(
        md.contains("## Bijlage 1 – Geblokkeerd Twitteraccount")
            && md.contains("## Bijlage 2 – Berichten over twee vakjes"),
        "{md}"
    );
    assert!(!md.contains("## Bijlage 3"), "{md}");

    s.edit(
        dossier,
        "  reports: { accounts: { contains: twitter }, date: { since: 2021-03-10 } }\n",
        "  reports: some\n",
    );
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`annexes.reports` is not a selection of reports here"), "{}", r.stderr);
    assert!(r.stderr.contains("it takes `all`, `none`, a list of report ids"), "{}", r.stderr);

    s.edit(dossier, "  reports: some\n", "  reports: [2021-03-17-twee-vakje]\n");
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no report has the id `2021-03-17-twee-vakje`"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `2021-03-17-twee-vakjes`?"), "{}", r.stderr);
}
