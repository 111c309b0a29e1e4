//! The output folders as a clerk relies on them: only this build's public
//! documents in the public folder, nothing half-written after a failure or
//! a kill, one build at a time.

use crate::common::{Scratch, snapshot_tree};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The files of a folder, without the tool's own lock file.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    snapshot_tree(dir)
        .into_iter()
        .map(|(p, b)| (p.strip_prefix(dir).unwrap().to_path_buf(), b))
        .filter(|(p, _)| !p.ends_with(".beantwoord.lock"))
        .collect()
}

fn names(dir: &Path) -> Vec<String> {
    tree(dir).into_iter().map(|(p, _)| p.to_string_lossy().into_owned()).collect()
}

#[test]
fn internal_documents_go_to_their_own_folder_and_old_ones_leave_the_public_folder() {
    let s = Scratch::bundled();
    // What an older version left: intern/ inside the public folder.
    s.write("output/2022Z21205/intern/bijlagen.md", "[[5.1.2e: oud]]");
    let r = s.run(&["build", "--internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("  removed      output/2022Z21205/intern/bijlagen.md"), "{}", r.stdout);
    assert!(!s.file("output/2022Z21205/intern").exists(), "{:?}", names(&s.out()));
    assert!(s.file("output-intern/2022Z21205/bijlagen-INTERN.md").exists());
    let public = names(&s.out());
    assert!(public.iter().all(|n| !n.contains("intern")), "{public:?}");
    // A plain build leaves the internal folder alone and the public one public.
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.file("output-intern/2022Z21205/bijlagen-INTERN.md").exists());
    let r = s.run(&["build", "--internal", "--internal-out", "review"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.file("review/2022Z21205/antwoord-INTERN.pdf").exists());
}

#[test]
fn files_a_build_no_longer_makes_are_removed_and_listed() {
    let s = Scratch::minimal();
    assert_eq!(s.run(&["build"]).code, 0);
    let dossier = "data/dossiers/T1/dossier.yaml";
    s.write(dossier, &format!("{}annexes: {{ reports: none, inventory: false }}\n", s.read(dossier)));
    let dry = s.run(&["build", "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(dry.stdout.contains("  would remove output/T1/bijlagen.pdf"), "{}", dry.stdout);
    assert!(s.file("output/T1/bijlagen.pdf").exists(), "a dry run removes nothing");
    let r = s.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for ext in ["md", "pdf", "html"] {
        assert!(r.stdout.contains(&format!("  removed      output/T1/bijlagen.{ext}")), "{}", r.stdout);
        assert!(!s.file(&format!("output/T1/bijlagen.{ext}")).exists());
    }
    for sheet in ["inventaris.xlsx", "inventaris.csv", "diwoo.xml"] {
        assert!(r.stdout.contains(&format!("  removed      output/T1/{sheet}")), "{}", r.stdout);
    }
    assert!(r.stdout.contains("  removed      output/T1/documenten/"), "{}", r.stdout);
    assert!(r.stderr.contains(", 7 removed"), "{}", r.stderr);
    // A dossier that is gone takes its files along; one not built keeps them.
    crate::common::copy_dir(&s.data().join("dossiers/T1"), &s.data().join("dossiers/T2"));
    s.edit("data/dossiers/T2/dossier.yaml", "id: T1", "id: T2");
    assert_eq!(s.run(&["build"]).code, 0);
    assert_eq!(s.run(&["build", "--dossier", "T1", "--format", "md"]).code, 0);
    assert!(s.file("output/T2/antwoord.pdf").exists(), "another dossier's files stay");
    assert!(s.file("output/T1/antwoord.pdf").exists(), "another format's files stay");
    std::fs::remove_dir_all(s.data().join("dossiers/T2")).unwrap();
    let r = s.run(&["build"]);
    assert!(r.stdout.contains("  removed      output/T2/antwoord.pdf"), "{}", r.stdout);
    assert!(!s.file("output/T2").exists(), "its folder too");
}

#[test]
fn an_output_folder_may_not_hold_or_lie_in_the_data_or_the_templates() {
    let s = Scratch::bundled();
    for out in [".", "data", "data/records/uit", "templates", "templates/x"] {
        let r = s.run(&["build", "--out", out]);
        assert_eq!(r.code, 2, "--out {out}: {}", r.stderr);
        assert!(r.stderr.contains("may not be, contain or lie inside"), "{}", r.stderr);
    }
    let r = s.run(&["build", "--internal", "--internal-out", "output/intern"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!s.out().exists(), "nothing written");
}

#[test]
fn a_failure_while_putting_files_in_place_puts_every_earlier_file_back() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build"]).code, 0);
    // Every document changes, and the last one cannot be replaced: a folder
    // stands where the file was.
    s.edit("data/dossiers/2022Z21205/dossier.yaml", "answered: 2022-12-02", "answered: 2022-12-03");
    std::fs::remove_file(s.file("output/2022Z21205/bijlagen.html")).unwrap();
    s.write("output/2022Z21205/bijlagen.html/in-de-weg", "x");
    let before = tree(&s.out());
    let r = s.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("cannot put the output in place: "), "{}", r.stderr);
    assert!(r.stderr.contains("output/2022Z21205/bijlagen.html"), "the path: {}", r.stderr);
    assert_eq!(tree(&s.out()), before, "every file back byte for byte, no temporary or journal left");
}

/// A register of `reports` reports in `dir/data`, and its complete build in
/// `dir/<name>` (the reference a killed build is compared with).
fn register(dir: &Path, seed: u64, reports: usize, dossiers: usize) -> PathBuf {
    let data = dir.join(format!("data-{seed}"));
    let tmp = tempfile::tempdir().unwrap();
    crate::batch::synth::generate(reports, dossiers, seed, tmp.path()).unwrap();
    crate::common::copy_dir(&tmp.path().join("data"), &data);
    data
}

fn build(data: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_beantwoord"));
    c.env("BEANTWOORD_LANG", "en");
    c.args(["build", "--quiet", "--data"])
        .arg(data)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

#[test]
fn a_build_killed_at_any_point_leaves_each_file_whole_and_the_next_run_cleans_up() {
    use std::collections::HashMap;
    let dir = tempfile::tempdir().unwrap();
    // Three dossiers: three folders put in place, one step each.
    let (a, b) = (register(dir.path(), 1, 40, 3), register(dir.path(), 2, 40, 3));
    let (ref_a, ref_b) = (dir.path().join("ref-a"), dir.path().join("ref-b"));
    let t = std::time::Instant::now();
    assert!(build(&a, &ref_a).status().unwrap().success());
    let took = t.elapsed();
    assert!(build(&b, &ref_b).status().unwrap().success());
    let versions: HashMap<PathBuf, Vec<Vec<u8>>> =
        tree(&ref_a).into_iter().chain(tree(&ref_b)).fold(HashMap::new(), |mut m, (p, bytes)| {
            m.entry(p).or_default().push(bytes);
            m
        });
    let out = dir.path().join("output");
    assert!(build(&a, &out).status().unwrap().success());
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut interrupted_commits = 0;
    for round in 0..50 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let data = if round % 2 == 0 { &b } else { &a };
        let mut command = build(data, &out);
        if round % 5 == 4 {
            // (After a whole build of the other register, so that this run
            // has files to put in place.)
            let other = if round % 2 == 0 { &a } else { &b };
            assert!(build(other, &out).status().unwrap().success(), "round {round}: a whole build");
            // Every fifth run is killed while it puts files in place: a
            // window of a millisecond or less, which a kill from outside
            // hit by luck (none of 50 on a loaded CI machine), so the run
            // kills itself there (SIGKILL), before one of its three
            // folders' steps.
            command.env(beantwoord::output::KILL_BEFORE_STEP, (rng % 3).to_string());
        }
        let mut child = command.spawn().unwrap();
        if round % 5 == 4 {
            let _ = child.wait();
        } else {
            // The others anywhere in the build.
            std::thread::sleep(took.mul_f64((rng % 1000) as f64 / 800.0));
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        interrupted_commits += usize::from(out.join(".beantwoord-journal").exists());
        for (path, bytes) in tree(&out) {
            let name = path.to_string_lossy();
            if name.contains(".beantwoord") {
                continue; // the tool's own journal, old versions and temporaries
            }
            let known = versions.get(&path).is_some_and(|v| v.contains(&bytes));
            assert!(known, "round {round}: {name} is neither the old nor the new file");
        }
    }
    eprintln!("{interrupted_commits} of 50 kills landed while files were put in place");
    assert!(interrupted_commits > 0, "some kills stop a run while it puts files in place");
    assert!(build(&b, &out).status().unwrap().success(), "the next run puts things right");
    let left: Vec<String> = names(&out)
        .into_iter()
        .filter(|n| n.contains(".beantwoord-"))
        .filter(|n| !n.ends_with(".beantwoord-manifest"))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
    let documents = |d: &Path| {
        tree(d).into_iter().filter(|(p, _)| !p.to_string_lossy().contains(".beantwoord")).collect::<Vec<_>>()
    };
    assert_eq!(documents(&out), documents(&ref_b), "exactly the new build");
}

#[test]
fn two_builds_into_one_folder_never_leave_it_mixed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (register(dir.path(), 3, 30, 1), register(dir.path(), 4, 30, 1));
    let (ref_a, ref_b) = (dir.path().join("ref-a"), dir.path().join("ref-b"));
    assert!(build(&a, &ref_a).status().unwrap().success());
    assert!(build(&b, &ref_b).status().unwrap().success());
    let documents = |d: &Path| {
        tree(d).into_iter().filter(|(p, _)| !p.to_string_lossy().contains(".beantwoord")).collect::<Vec<_>>()
    };
    let out = dir.path().join("output");
    for _ in 0..3 {
        let first = build(&a, &out).spawn().unwrap();
        let second = build(&b, &out).spawn().unwrap();
        let (first, second) = (first.wait_with_output().unwrap(), second.wait_with_output().unwrap());
        assert!(first.status.success() && second.status.success());
        let now = documents(&out);
        assert!(now == documents(&ref_a) || now == documents(&ref_b), "the folder is one build or the other");
    }
}

#[test]
fn a_linked_folder_under_records_is_not_followed() {
    let s = Scratch::minimal();
    #[cfg(unix)]
    std::os::unix::fs::symlink(s.data().join("records"), s.data().join("records/lus")).unwrap();
    let r = s.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("records/lus is a link to a folder; it is not followed"), "{}", r.stderr);
}

#[test]
fn a_template_with_a_byte_order_mark_or_old_mac_line_ends_is_read_as_written() {
    let s = Scratch::minimal();
    s.write(
        "templates/antwoord.md",
        &format!("\u{feff}{}\nEigen tekst.\n", crate::common::FRONT_MATTER).replace('\n', "\r"),
    );
    let r = s.run(&["build", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.read("output/T1/antwoord.md").ends_with("\n\nEigen tekst.\n"));
}

/// A name marked withheld after a full build: a build of one format, or of
/// one dossier, makes the other files again too (or they would still show
/// the name), and says so; nothing public holds the name afterwards.
#[test]
fn a_narrowed_build_leaves_no_stale_public_file() {
    use crate::common::{NAME, leaks, readable_bytes, snapshot_tree};
    for narrowed in [&["--format", "md"][..], &["--dossier", "T2", "--format", "md"][..]] {
        let s = Scratch::bundled();
        // A second dossier, so that `--dossier T2` leaves the bundled one out.
        let bundled = s.read("data/dossiers/2022Z21205/dossier.yaml");
        s.write("data/dossiers/T2/dossier.yaml", &bundled.replacen("id: 2022Z21205", "id: T2", 1));
        s.edit(
            "data/records/reports.yaml",
            "      kijken.\n",
            &format!("      kijken. Gemeld door {NAME}.\n"),
        );
        let full =
            s.run(&["build", "--format", "md", "--format", "pdf", "--format", "html", "--format", "docx"]);
        assert_eq!(full.code, 0, "{}", full.stderr);
        let shows = |path: &Path| {
            // A PDF's text is read as a reader reads it (its glyphs are not text).
            let text = match path.extension().is_some_and(|e| e == "pdf") {
                true => crate::common::tool("pdftotext", &[crate::common::p(path), "-"]).unwrap_or_default(),
                false => String::new(),
            };
            let mut found = leaks(&readable_bytes(path));
            found.extend(leaks(text.split_whitespace().collect::<Vec<_>>().join(" ").as_bytes()));
            found
        };
        for f in ["antwoord.md", "antwoord.html", "antwoord.docx"] {
            assert!(
                !shows(&s.file(&format!("output/2022Z21205/{f}"))).is_empty(),
                "{f}: the name is there before it is marked"
            );
        }
        s.edit("data/records/reports.yaml", &format!("door {NAME}."), &format!("door [[5.1.2e: {NAME}]]."));
        let r = s.run(&["build"].iter().copied().chain(narrowed.iter().copied()).collect::<Vec<_>>());
        assert_eq!(r.code, 0, "{narrowed:?}: {}", r.stderr);
        for (path, _) in snapshot_tree(&s.out()) {
            let found = shows(&path);
            assert!(found.is_empty(), "{narrowed:?}: {} still shows {found:?}", path.display());
        }
        assert!(
            r.stdout.contains("changed      output/2022Z21205/antwoord.pdf"),
            "{narrowed:?}: {}",
            r.stdout
        );
        assert!(
            r.stdout.contains("changed      output/2022Z21205/antwoord.docx"),
            "{narrowed:?}: {}",
            r.stdout
        );
    }
}

/// A dossier folder in the internal output that is a link to the public
/// one would write the internal documents, names and all, into the public
/// folder. The link is refused, once, and nothing is written.
#[test]
fn a_link_inside_an_output_folder_is_never_followed() {
    let s = Scratch::bundled();
    assert_eq!(s.run(&["build", "--format", "md"]).code, 0);
    let public = tree(&s.out());
    std::fs::create_dir_all(s.file("output-intern")).unwrap();
    std::os::unix::fs::symlink(s.out().join("2022Z21205"), s.file("output-intern/2022Z21205")).unwrap();
    let r = s.run(&["build", "--format", "md", "--internal"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("is a symbolic link").count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("output-intern/2022Z21205 is a symbolic link"), "{}", r.stderr);
    assert_eq!(tree(&s.out()), public, "the public folder is as it was");
}

#[test]
fn an_internal_file_is_named_and_titled_so_that_it_cannot_be_taken_for_the_public_one() {
    let s = Scratch::bundled();
    let r = s.run(&[
        "build",
        "--internal",
        "--format",
        "md",
        "--format",
        "pdf",
        "--format",
        "html",
        "--format",
        "docx",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for doc in ["antwoord", "bijlagen", "aanbieding"] {
        for ext in ["md", "pdf", "html", "docx"] {
            // The public name is the one sent dossiers lock; the internal
            // one says what it is, and no public name is in the internal folder.
            assert!(s.file(&format!("output/2022Z21205/{doc}.{ext}")).is_file());
            assert!(s.file(&format!("output-intern/2022Z21205/{doc}-INTERN.{ext}")).is_file(), "{doc}.{ext}");
            assert!(!s.file(&format!("output-intern/2022Z21205/{doc}.{ext}")).exists());
        }
        let public_md = s.read(&format!("output/2022Z21205/{doc}.md"));
        let title =
            public_md.lines().find_map(|l| l.strip_prefix("title: ")).unwrap().trim_matches('"').to_string();
        let internal_title = format!("INTERN – NIET OPENBAAR: {title}");
        let internal_md = s.read(&format!("output-intern/2022Z21205/{doc}-INTERN.md"));
        assert!(internal_md.contains(&format!("\ntitle: \"{internal_title}\"\n")), "{internal_md}");
        // The HTML's title, the Word file's properties, the PDF's metadata.
        let html = s.read(&format!("output-intern/2022Z21205/{doc}-INTERN.html"));
        assert!(html.contains(&format!("<title>{internal_title}</title>")), "{doc}.html");
        assert!(
            s.read(&format!("output/2022Z21205/{doc}.html")).contains(&format!("<title>{title}</title>"))
        );
        let parts =
            crate::common::docx_parts(&s.file(&format!("output-intern/2022Z21205/{doc}-INTERN.docx")));
        let core = parts.iter().find(|(n, _)| n == "docProps/core.xml").unwrap();
        assert!(String::from_utf8_lossy(&core.1).contains(&format!("<dc:title>{internal_title}</dc:title>")));
        let pdf = s.file(&format!("output-intern/2022Z21205/{doc}-INTERN.pdf"));
        if let Some(info) = crate::common::tool("pdfinfo", &[crate::common::p(&pdf)]) {
            let shown = info.lines().find_map(|l| l.strip_prefix("Title:")).unwrap().trim().to_string();
            assert_eq!(shown, internal_title, "{doc}.pdf");
            let public = crate::common::tool(
                "pdfinfo",
                &[crate::common::p(&s.file(&format!("output/2022Z21205/{doc}.pdf")))],
            )
            .unwrap();
            assert!(
                public.lines().any(|l| l.strip_prefix("Title:").is_some_and(|t| t.trim() == title)),
                "{public}"
            );
        }
    }
}
