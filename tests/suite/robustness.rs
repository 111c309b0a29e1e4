//! No input makes the tool panic: mutated copies of the bundled records and
//! dossier are loaded in process; each either loads or yields diagnostics.

use crate::common::Scratch;
use beantwoord::pipeline::prepare;
use beantwoord::settings::{Mode, Options, Settings};

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

const SNIPPETS: &[&str] = &[
    "",
    "\n",
    ":",
    "- ",
    "[[",
    "]]",
    "{{",
    "}}",
    "{%",
    "&a ",
    "*a",
    "\t",
    "'",
    "\"",
    "|",
    ">",
    "[^x]",
    "2021-02-30",
    "!!binary ",
    "? ",
    "\u{feff}",
    "é",
    "#",
    "  ",
    "null",
    "~",
];

#[test]
fn mutated_input_never_panics() {
    let s = Scratch::bundled();
    let files =
        ["data/records/reports.yaml", "data/records/accounts.yaml", "data/dossiers/2022Z21205/dossier.yaml"];
    let originals: Vec<String> = files.iter().map(|f| s.read(f)).collect();
    let mut rng = Lcg(20221202);
    let settings =
        Settings::new(Options { internal: true, mode: Mode::Build, ..Options::new(s.data()) }).unwrap();
    for round in 0..150 {
        let which = rng.next(files.len());
        let mut text = originals[which].clone();
        for _ in 0..1 + rng.next(3) {
            let mut at = rng.next(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let cut = (at + rng.next(8)).min(text.len());
            let cut = (cut..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap();
            text.replace_range(at..cut, SNIPPETS[rng.next(SNIPPETS.len())]);
        }
        s.write(files[which], &text);
        let result = std::panic::catch_unwind(|| {
            let p = prepare(&settings);
            p.diagnostics.render(&p.sources, &p.withheld)
        });
        assert!(result.is_ok(), "round {round}: panic on mutated {}:\n{text}", files[which]);
        s.write(files[which], &originals[which]);
    }
}

/// A title whose glyphs made the embedded font's checksum end in CR hung
/// `check` in the PDF writer's padding loop (issue 22). It must finish, and
/// the PDF carry the title.
#[test]
fn a_title_whose_font_subset_sums_to_cr_does_not_hang() {
    let s = Scratch::bundled();
    let title = "Het gebruik van de status van trusted flagger rond verkiezingen";
    let dossier = "data/dossiers/2022Z21205/dossier.yaml";
    let text = s.read(dossier);
    let old = text.lines().find(|l| l.starts_with("title: ")).unwrap().to_string();
    s.edit(dossier, &old, &format!("title: {title}"));
    let run = s.run_within(std::time::Duration::from_secs(120), &["build", "--internal", "--format", "pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = s.file("output/2022Z21205/antwoord.pdf");
    if let Some(text) = crate::common::tool("pdftotext", &[crate::common::p(&pdf), "-"]) {
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains("trusted flagger rond verkiezingen")
        );
    }
}

/// A character XML 1.0 cannot hold (a control character, U+FFFE/U+FFFF),
/// written with a YAML escape, is an error at its field: no corrupt Word
/// file, nothing written.
#[test]
fn a_control_character_in_a_field_is_an_error_at_the_field() {
    let s = Scratch::minimal();
    s.edit("data/records/reports.yaml", "    subject: Video\n", "    subject: \"Vi\\u0001deo\"\n");
    s.edit("data/records/reports.yaml", "    summary: Een video.\n", "    summary: \"Een \\uFFFF video.\"\n");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("which no document can hold").count(), 2, "{}", r.stderr);
    assert!(r.stderr.contains("U+0001") && r.stderr.contains("U+FFFF"), "{}", r.stderr);
    assert!(r.stderr.contains("reports.yaml:5:14"), "{}", r.stderr);
    assert!(r.stderr.contains("reports.yaml:6:14"), "{}", r.stderr);
    assert!(!s.out().exists(), "nothing written");
    // Tab and line breaks are fine.
    let s = Scratch::minimal();
    s.edit("data/records/reports.yaml", "    subject: Video\n", "    subject: \"Vi\\tdeo\"\n");
    assert_eq!(s.run(&["check"]).code, 0);
}

/// A megabyte of aliases to one long string is refused at once with the
/// limit, not expanded for a minute into gigabytes.
#[test]
fn aliases_that_expand_past_the_limit_are_one_clear_error() {
    let s = Scratch::minimal();
    let mut yaml = s.read("data/dossiers/T1/dossier.yaml");
    yaml.push_str(&format!("x-lang: &lang \"{}\"\n", "x".repeat(100_000)));
    yaml.push_str(&format!("x-veel: [{}]\n", vec!["*lang"; 9_000].join(", ")));
    s.write("data/dossiers/T1/dossier.yaml", &yaml);
    let start = std::time::Instant::now();
    let r = s.run_within(std::time::Duration::from_secs(60), &["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("passes the limit of 16 MiB"), "{}", r.stderr);
    assert!(r.stderr.contains("dossier.yaml:"), "{}", r.stderr);
    assert!(start.elapsed() < std::time::Duration::from_secs(20), "{:?}", start.elapsed());
}

/// Under `records/` and `dossiers/` only regular files are read: a link
/// to a device, or a named pipe, is one error each, not read at all.
#[cfg(unix)]
#[test]
fn a_device_or_a_named_pipe_among_the_records_is_refused_unread() {
    let s = Scratch::minimal();
    std::os::unix::fs::symlink("/dev/zero", s.file("data/records/nul.yaml")).unwrap();
    let fifo = s.file("data/records/pijp.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|st| st.success());
    std::fs::remove_file(s.file("data/dossiers/T1/dossier.yaml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", s.file("data/dossiers/T1/dossier.yaml")).unwrap();
    let r = s.run_within(std::time::Duration::from_secs(30), &["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("records/nul.yaml: is a device, not a regular file"), "{}", r.stderr);
    assert!(r.stderr.contains("dossiers/T1/dossier.yaml: is a device, not a regular file"), "{}", r.stderr);
    if made {
        assert!(r.stderr.contains("records/pijp.yaml: is a named pipe, not a regular file"), "{}", r.stderr);
    }
    assert_eq!(r.stderr.matches("not a regular file").count(), if made { 3 } else { 2 }, "{}", r.stderr);
}

/// A folder where `persons.yaml` or `ministry.yaml` belongs is one error
/// each: a persons list skipped without a word would publish its names.
#[test]
fn a_folder_in_place_of_the_persons_list_or_the_ministry_is_an_error_and_nothing_is_built() {
    let s = Scratch::minimal();
    std::fs::create_dir_all(s.file("data/persons.yaml")).unwrap();
    std::fs::create_dir_all(s.file("data/ministry.yaml")).unwrap();
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("persons.yaml: is a folder, not a regular file"), "{}", r.stderr);
    assert!(r.stderr.contains("ministry.yaml: is a folder, not a regular file"), "{}", r.stderr);
    assert_eq!(r.stderr.matches("not a regular file").count(), 2, "{}", r.stderr);
    assert!(!s.out().exists() || std::fs::read_dir(s.out()).unwrap().next().is_none(), "nothing is written");
}

/// Markdown nested thousands deep in a record's text is an error at its
/// line, not a stack overflow.
#[test]
fn markdown_nested_thousands_deep_is_an_error_at_its_line() {
    let quotes = format!("{}x", "> ".repeat(5000));
    let list: String = (0..300).map(|i| format!("{}- {i}\n", "  ".repeat(i))).collect();
    for (deep, at) in [(quotes, "reports.yaml:14:11"), (list, "reports.yaml:79:11")] {
        let s = Scratch::minimal();
        let indented: String = deep.lines().map(|l| format!("          {l}\n")).collect();
        s.edit(
            "data/records/reports.yaml",
            "          Beste [[5.1.2e: Jan Modaal]], een video.\n",
            &format!("          Beste [[5.1.2e: Jan Modaal]], een video.\n{indented}"),
        );
        let r = s.run_within(std::time::Duration::from_secs(60), &["build"]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stderr.contains("levels deep; the limit is 64"), "{}", r.stderr);
        assert!(r.stderr.contains(at), "{at}: {}", r.stderr);
        assert!(!s.out().exists(), "nothing written");
    }
}
