//! `beantwoord build`: what it writes, that it is reproducible, and that a
//! failed run destroys nothing.

use crate::common::{Scratch, section, snapshot_tree};

#[test]
fn build_writes_the_answer_document_with_the_kamer_opening_lines() {
    let s = Scratch::bundled();
    let md = s.build_and_read("2022Z21205", "antwoord.md");
    assert!(md.starts_with("---\ntitle: \"Antwoord op vragen van het lid Van Houwelingen"));
    assert!(md.contains("\nlang: nl-NL\n"));
    assert!(md.contains("\ndossier: \"2022Z21205\"\n"));
    assert!(md.contains(
        "Vragen van het lid Van Houwelingen (FVD) aan de Minister van Binnenlandse Zaken en \
         Koninkrijksrelaties over de ‘escalatie kanalen’ en het ‘desinformatieteam BZK’ naar \
         aanleiding van een Wob-verzoek (ingezonden 7 november 2022)."
    ));
    assert!(md.contains(
        "Antwoord van Minister Bruins Slot (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 2 december 2022)."
    ));
    for n in 1..=14 {
        assert!(md.contains(&format!("\n## Vraag {n}\n")), "Vraag {n}");
        assert!(md.contains(&format!("\n## Antwoord {n}\n")), "Antwoord {n}");
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--internal"]).code, 0);
    let first = snapshot_tree(&s.out());
    assert_eq!(s.run(&["build", "--internal"]).code, 0);
    assert_eq!(first, snapshot_tree(&s.out()));
    assert!(!first.is_empty());
}

#[test]
fn a_failed_build_leaves_earlier_output_as_it_was() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build"]).code, 0);
    let before = snapshot_tree(&s.out());
    s.edit("data/records/reports.yaml", "date: 2021-11-18\n    accounts", "date: 2021-11-31\n    accounts");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("records/reports.yaml:"), "{}", r.stderr);
    assert_eq!(before, snapshot_tree(&s.out()));
}

#[test]
fn a_failed_first_build_writes_nothing() {
    let s = Scratch::broken("template-errors");
    assert_eq!(s.run(&["build"]).code, 1);
    assert!(!s.out().exists());
}

#[test]
fn questions_answered_together_share_one_answer() {
    let s = Scratch::minimal();
    let md = s.build_and_read("T1", "antwoord.md");
    assert!(
        md.contains(
            "## Vraag 1\n\nHoe vaak?[^1]\n\n## Vraag 2\n\nWaarom?\n\n## Antwoord 1 en 2\n\neenmaal.\n"
        ),
        "{md}"
    );
    assert!(md.contains("[^1]: Een bron. <https://example.org>"), "{md}");
}

#[test]
fn three_questions_answered_together_are_labelled_as_the_kamer_does() {
    let s = Scratch::minimal();
    s.edit(
        "data/dossiers/T1/dossier.yaml",
        "    answer_with: 1\n",
        "    answer_with: 1\n  - number: 3\n    text: En dan?\n    answer_with: 1\n",
    );
    let md = s.build_and_read("T1", "antwoord.md");
    assert!(md.contains("## Antwoord 1, 2 en 3\n"), "{md}");
}

#[test]
fn plain_text_from_the_records_is_escaped_in_markdown() {
    let s = Scratch::bundled();
    s.edit("data/records/accounts.yaml", "platform_now: Meta", "platform_now: \"*Spoed* #1 <b>\"");
    let md = s.build_and_read("2022Z21205", "antwoord.md");
    let a1 = section(&md, "Antwoord 1");
    assert!(a1.contains(r"bij \*Spoed\* \#1 \<b\>, Google, Twitter, TikTok en Snapchat."), "{a1}");
}

#[test]
fn footnotes_are_numbered_in_order_of_first_use() {
    let s = Scratch::bundled();
    let md = s.build_and_read("2022Z21205", "antwoord.md");
    let first = md.find("[^1]").unwrap();
    let second = md.find("[^2]").unwrap();
    assert!(first < second);
    assert!(section(&md, "Vraag 1").ends_with("Twitter»?[^1]"));
    assert!(md.contains("\n[^2]: In het bovengenoemde document (D1.031)"));
    assert!(md.contains("\n[^3]: Kamerbrief over contentmoderatie"));
}

#[test]
fn a_template_error_points_at_the_answer_line_in_dossier_yaml() {
    let r = Scratch::broken("template-errors").run(&["build"]);
    assert_eq!(r.code, 1);
    // The unknown filter in answer 1 is on line 11; the unknown variable in answer 2 on line 16.
    assert!(r.stderr.contains("dossiers/T1/dossier.yaml:11:"), "{}", r.stderr);
    assert!(r.stderr.contains("dossiers/T1/dossier.yaml:16:"), "{}", r.stderr);
    assert!(r.stderr.contains("dossiers/T1/dossier.yaml:20:"), "{}", r.stderr);
}

#[test]
fn a_user_template_overrides_the_built_in_one() {
    let s = Scratch::minimal();
    std::fs::create_dir_all(s.file("templates")).unwrap();
    s.write(
        "templates/antwoord.md",
        &format!("{}\nEigen sjabloon voor {{{{ dossier.id }}}}.\n", crate::common::FRONT_MATTER),
    );
    let md = s.build_and_read("T1", "antwoord.md");
    assert_eq!(crate::common::body(&md), "Eigen sjabloon voor T1.\n");
    assert!(md.starts_with("---\ntitle: \"Eigen titel\"\n"), "{md}");
}

#[test]
fn only_the_named_dossier_is_built() {
    let s = Scratch::bundled();
    crate::common::copy_dir(&s.data().join("dossiers/2022Z21205"), &s.data().join("dossiers/kopie"));
    s.edit("data/dossiers/kopie/dossier.yaml", "id: 2022Z21205", "id: KOPIE");
    assert_eq!(s.run(&["build", "--dossier", "KOPIE"]).code, 0);
    assert!(s.file("output/KOPIE/antwoord.md").exists());
    assert!(!s.file("output/2022Z21205").exists());
}

#[test]
fn an_error_in_a_user_template_points_at_its_line() {
    let s = Scratch::minimal();
    std::fs::create_dir_all(s.file("templates")).unwrap();
    s.write("templates/antwoord.md", "Regel een.\nRegel twee {{ dossier.id | onbekend }}.\n");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("templates/antwoord.md:2:28"), "{}", r.stderr);
    assert!(r.stderr.contains("unknown filter `onbekend`"), "{}", r.stderr);
    assert!(!s.out().exists());
}

/// Tera checks a template's references when it is added and finds them all
/// at once: each unknown filter, test and function is its own error at its
/// own line and column, in source order, with its name underlined.
#[test]
fn every_unknown_name_in_a_template_is_its_own_error_at_its_place() {
    let s = Scratch::minimal();
    std::fs::create_dir_all(s.file("templates")).unwrap();
    s.write(
        "templates/antwoord.md",
        "{{ dossier.id | eerste }}\n{% if dossier.id is vreemd %}x{% endif %}\n\n{{ tweede() }} {{ dossier.id | derde }}\n",
    );
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let places: Vec<(&str, &str)> = [
        ("unknown filter `eerste`", "templates/antwoord.md:1:17"),
        ("unknown test `vreemd`", "templates/antwoord.md:2:21"),
        ("unknown function `tweede`", "templates/antwoord.md:4:4"),
        ("unknown filter `derde`", "templates/antwoord.md:4:32"),
    ]
    .into_iter()
    .collect();
    let mut last = 0;
    for (message, place) in places {
        let at = r.stderr.find(message).unwrap_or_else(|| panic!("{message} missing:\n{}", r.stderr));
        assert!(at >= last, "not in source order:\n{}", r.stderr);
        assert!(
            r.stderr[at..].split("\n\n").next().unwrap().contains(place),
            "{message} not at {place}:\n{}",
            r.stderr
        );
        last = at;
    }
    assert!(r.stderr.contains("check failed: 4 error(s)"), "{}", r.stderr);
}

/// The Markdown of the bundled case, public and internal, byte for byte as
/// pinned in `tests/fixtures/golden/` (mdBook's way): a change to any stage
/// that moves a byte shows here. To accept a deliberate change, rebuild and
/// copy `output/2022Z21205/*.md` and `output-intern/2022Z21205/*.md` there.
#[test]
fn the_bundled_markdown_is_byte_for_byte_the_golden_output() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--internal", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let golden = crate::common::fixtures().join("golden");
    for (made, pinned) in
        [("output/2022Z21205", "2022Z21205"), ("output-intern/2022Z21205", "2022Z21205-intern")]
    {
        for doc in ["antwoord.md", "bijlagen.md", "aanbieding.md"] {
            let expected = std::fs::read_to_string(golden.join(pinned).join(doc)).unwrap();
            // (An internal file's name says so: `antwoord-INTERN.md`.)
            let file = if made.starts_with("output-intern") {
                doc.replace(".md", "-INTERN.md")
            } else {
                doc.to_string()
            };
            assert!(
                s.read(&format!("{made}/{file}")) == expected,
                "{made}/{file} differs from tests/fixtures/golden/{pinned}/{doc}"
            );
        }
    }
}

/// The build as the library call the commands make: the plan for the
/// bundled data names every file with its reason, a dry run plans what the
/// real run then does, and after it every file is unchanged.
#[test]
fn the_plan_lists_every_file_with_its_reason_and_a_dry_run_plans_the_same() {
    use beantwoord::build::plan;
    use beantwoord::output::Change;
    use beantwoord::pipeline::Root;
    use beantwoord::settings::{Mode, Options, Settings};
    let s = Scratch::bundled();
    let settings = |dry_run: bool| {
        Settings::new(Options {
            mode: Mode::Build,
            out: Some(s.out()),
            internal: true,
            dry_run,
            ..Options::new(s.data())
        })
        .unwrap()
    };
    let expected: Vec<(Root, String)> = ["antwoord", "bijlagen", "aanbieding"]
        .iter()
        .flat_map(|d| ["md", "pdf", "html"].map(|f| format!("2022Z21205/{d}.{f}")))
        .map(|p| (Root::Public, p))
        .chain(
            ["antwoord", "bijlagen", "aanbieding"]
                .iter()
                .flat_map(|d| ["md", "pdf", "html"].map(|f| format!("2022Z21205/{d}-INTERN.{f}")))
                .map(|p| (Root::Internal, p)),
        )
        .chain(
            ["inventaris.xlsx", "inventaris.csv", "diwoo.xml"]
                .map(|f| (Root::Public, format!("2022Z21205/{f}"))),
        )
        .collect();
    let reasons = |dry_run: bool| {
        let settings = settings(dry_run);
        let outcome = plan(&settings);
        assert_eq!(outcome.diagnostics.error_count(), 0);
        let plan = outcome.plan.unwrap_or_else(|_| panic!("no plan"));
        let files: Vec<(Root, String, Option<Change>)> =
            plan.files.iter().map(|f| (f.root, f.path.display().to_string(), f.change)).collect();
        let report = plan.report();
        plan.commit().unwrap();
        (files, report)
    };
    let (dry, dry_report) = reasons(true);
    // The per-document PDFs are checked against the inventory elsewhere.
    let mut listed: Vec<(Root, String)> =
        dry.iter().filter(|(_, p, _)| !p.contains("/documenten/")).map(|(r, p, _)| (*r, p.clone())).collect();
    let mut want = expected.clone();
    listed.sort_by_key(|(r, p)| (*r == Root::Internal, p.clone()));
    want.sort_by_key(|(r, p)| (*r == Root::Internal, p.clone()));
    assert_eq!(listed, want, "every file, once");
    assert!(dry.iter().all(|(_, _, c)| *c == Some(Change::New)), "{dry:?}");
    assert!(!s.out().exists(), "a dry run writes nothing");
    let (real, real_report) = reasons(false);
    assert_eq!(dry, real, "the dry run planned what the build did");
    assert_eq!(dry_report, real_report);
    let (again, _) = reasons(true);
    assert!(again.iter().all(|(_, _, c)| *c == Some(Change::Unchanged)), "{again:?}");
    // A check plans the same files, and compares none.
    let check = plan(&Settings::new(Options::new(s.data())).unwrap()).plan.unwrap_or_else(|_| panic!());
    let checked: Vec<(Root, String)> =
        check.files.iter().map(|f| (f.root, f.path.display().to_string())).collect();
    assert_eq!(checked, dry.iter().map(|(r, p, _)| (*r, p.clone())).collect::<Vec<_>>());
    assert!(check.files.iter().all(|f| f.change.is_none()));
}
