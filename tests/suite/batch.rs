//! Batch behaviour: what a rebuild changes, dry runs, quiet runs, parallel
//! output equal to serial output, and the synthetic register generator.

use crate::common::{Scratch, snapshot_tree};
use std::process::Command;
use std::time::SystemTime;

#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
pub mod synth;

fn mtimes(s: &Scratch) -> Vec<(std::path::PathBuf, SystemTime)> {
    let mut v: Vec<_> = snapshot_tree(&s.out())
        .into_iter()
        .map(|(p, _)| {
            let m = std::fs::metadata(&p).unwrap().modified().unwrap();
            (p, m)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_rebuild_leaves_unchanged_files_alone_and_names_what_changed() {
    let s = Scratch::bundled();
    let first = s.run(&["build"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first.stdout.contains("  new          output/2022Z21205/antwoord.pdf"), "{}", first.stderr);
    // Twelve files, and the eleven published Woo documents each as a PDF.
    assert!(first.stderr.contains(": 23 new, 0 changed, 0 unchanged"), "{}", first.stderr);
    let before = mtimes(&s);
    std::thread::sleep(std::time::Duration::from_millis(30));

    let again = s.run(&["build"]);
    assert!(again.stderr.contains(": 0 new, 0 changed, 23 unchanged"), "{}", again.stderr);
    assert_eq!(before, mtimes(&s), "unchanged files keep their mtime");

    s.edit(
        "data/dossiers/2022Z21205/dossier.yaml",
        "      Ja.\n\nannexes:",
        "      Ja, afzonderlijk.\n\nannexes:",
    );
    let fixed = s.run(&["build"]);
    assert!(fixed.stdout.contains("  changed      output/2022Z21205/antwoord.md"), "{}", fixed.stderr);
    assert!(fixed.stdout.contains("  changed      output/2022Z21205/antwoord.pdf"), "{}", fixed.stderr);
    assert!(fixed.stdout.contains("  unchanged    output/2022Z21205/bijlagen.pdf"), "{}", fixed.stderr);
    assert!(fixed.stderr.contains(": 0 new, 3 changed, 20 unchanged"), "{}", fixed.stderr);
}

#[test]
fn a_dry_run_says_what_would_change_and_writes_nothing() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build"]).code, 0);
    let before = snapshot_tree(&s.out());
    let times = mtimes(&s);
    s.edit(
        "data/records/reports.yaml",
        "date: 2021-12-18\n        text: >-",
        "date: 2021-12-20\n        text: >-",
    );
    let dry = s.run(&["build", "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(dry.stdout.contains("  would change output/2022Z21205/antwoord.md"), "{}", dry.stderr);
    assert!(dry.stdout.contains("  would change output/2022Z21205/bijlagen.md"), "{}", dry.stderr);
    assert!(dry.stderr.contains("nothing was written"));
    assert_eq!(before, snapshot_tree(&s.out()));
    assert_eq!(times, mtimes(&s));
    let fresh = Scratch::bundled();
    let dry_new = fresh.run(&["build", "--dry-run"]);
    assert!(dry_new.stdout.contains("  would add    output/2022Z21205/antwoord.md"), "{}", dry_new.stderr);
    assert!(!fresh.out().exists());
}

#[test]
fn quiet_prints_only_the_summary_line() {
    let s = Scratch::bundled();
    let r = s.run(&["build", "--quiet"]);
    assert_eq!(r.code, 0);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(lines[0].starts_with("built 1 dossier(s), 23 document(s), "), "{}", lines[0]);
    assert!(lines[0].contains(", 25 page(s) in "), "{}", lines[0]);
    // Without a PDF there are no pages to count; the change report is the
    // standard output, problems and the summary the standard error.
    let fresh = Scratch::bundled();
    let r = fresh.run(&["build", "--format", "md"]);
    assert!(!r.stderr.contains("page(s)"), "{}", r.stderr);
    assert!(r.stderr.starts_with("built 1 dossier(s), 6 document(s) in "), "{}", r.stderr);
    assert!(r.stdout.lines().all(|l| l.starts_with("  ")), "{}", r.stdout);
    // After a full build, the files it made are made again too (none may go
    // stale), and found unchanged.
    let r = s.run(&["build", "--format", "md"]);
    assert!(r.stderr.starts_with("built 1 dossier(s), 23 document(s), 25 page(s) in "), "{}", r.stderr);
    assert!(r.stderr.contains("23 unchanged"), "{}", r.stderr);
}

#[test]
fn parallel_output_equals_serial_output() {
    let dir = tempfile::tempdir().unwrap();
    synth::generate(300, 1, 7, dir.path()).unwrap();
    let run = |threads: &str, out: &str| {
        let st = Command::new(env!("CARGO_BIN_EXE_beantwoord"))
            .env("BEANTWOORD_LANG", "en")
            .args(["build", "--quiet", "--internal", "--data", "data", "--out", out])
            .current_dir(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
        [out.to_string(), format!("{out}-intern")]
            .iter()
            .flat_map(|o| {
                let root = dir.path().join(o);
                snapshot_tree(&root)
                    .into_iter()
                    .map(move |(p, b)| (p.strip_prefix(&root).unwrap().to_path_buf(), b))
            })
            .filter(|(p, _)| !p.to_string_lossy().ends_with(".beantwoord.lock"))
            .collect::<Vec<_>>()
    };
    let serial = run("1", "serieel");
    let parallel = run("4", "parallel");
    let per_document = serial.iter().filter(|(p, _)| p.to_string_lossy().contains("/documenten/")).count();
    assert!(per_document > 0, "the Woo documents each on their own");
    let documents = serial
        .iter()
        .filter(|(p, _)| {
            !p.to_string_lossy().contains(".beantwoord") && !p.to_string_lossy().contains("/documenten/")
        })
        .count();
    assert_eq!(
        documents, 21,
        "md, pdf and html of three documents, public and internal; the inventory's three files"
    );
    assert!(serial == parallel, "parallel output differs from serial output");
}

#[test]
fn the_generator_writes_valid_data_deterministically() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    synth::generate(1500, 3, 11, a.path()).unwrap();
    synth::generate(1500, 3, 11, b.path()).unwrap();
    let strip = |dir: &std::path::Path| -> Vec<_> {
        snapshot_tree(dir)
            .into_iter()
            .map(|(p, bytes)| (p.strip_prefix(dir).unwrap().to_path_buf(), bytes))
            .collect()
    };
    assert_eq!(strip(a.path()), strip(b.path()));
    let text = std::fs::read_to_string(a.path().join("data/records/reports-0001.yaml")).unwrap();
    for kind in
        ["[[5.1.2e:", "factcheck:", "items:", "on_behalf_of:", "reconstructed: true", "direction: received"]
    {
        assert!(text.contains(kind), "no {kind}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_beantwoord"))
        .env("BEANTWOORD_LANG", "en")
        .args(["check", "--data", "data"])
        .current_dir(a.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("1500 report(s), 3 dossier(s)"), "{stderr}");
}
