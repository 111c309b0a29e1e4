//! A dossier's folder is one build or the other, at every instant: builds
//! run two at a time into one folder, and builds killed at random moments
//! and between any two steps of their commit, with `--internal`. Each
//! folder is compared byte for byte with reference builds.

use crate::common::snapshot_tree;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The documents below `root` (the tool's own files left out), by dossier
/// folder, each with its files' paths and bytes.
type Folders = BTreeMap<String, Vec<(PathBuf, Vec<u8>)>>;

fn folders(root: &Path) -> Folders {
    let mut out = Folders::new();
    for (path, bytes) in snapshot_tree(root) {
        let rel = path.strip_prefix(root).unwrap().to_path_buf();
        if rel.to_string_lossy().contains(".beantwoord") {
            continue;
        }
        let dossier = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        out.entry(dossier).or_default().push((rel, bytes));
    }
    out
}

/// A public folder and the internal folder beside it.
#[derive(Clone, PartialEq, Debug)]
struct Output {
    public: Folders,
    internal: Folders,
}

fn output(out: &Path) -> Output {
    Output { public: folders(out), internal: folders(&intern(out)) }
}

fn intern(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push("-intern");
    PathBuf::from(name)
}

/// A synthetic register (the same dossier ids for every seed).
fn register(dir: &Path, seed: u64, reports: usize, dossiers: usize) -> PathBuf {
    let tmp = tempfile::tempdir().unwrap();
    crate::batch::synth::generate(reports, dossiers, seed, tmp.path()).unwrap();
    let data = dir.join(format!("data-{seed}"));
    crate::common::copy_dir(&tmp.path().join("data"), &data);
    data
}

fn build(data: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_beantwoord"));
    c.env("BEANTWOORD_LANG", "en");
    c.args(["build", "--quiet", "--data"])
        .arg(data)
        .arg("--out")
        .arg(out)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn built(data: &Path, out: &Path, extra: &[&str]) {
    let r = build(data, out, extra).output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
}

/// What the tool leaves besides the documents once a run has ended well:
/// only its lock and manifest.
fn tool_files(out: &Path) -> Vec<String> {
    [out.to_path_buf(), intern(out)]
        .iter()
        .flat_map(|root| {
            let mut names: Vec<String> = std::fs::read_dir(root)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.extend(snapshot_tree(root).into_iter().map(|(p, _)| p.to_string_lossy().into_owned()));
            names
        })
        .filter(|n| {
            n.contains(".beantwoord")
                && !n.ends_with(".beantwoord.lock")
                && !n.ends_with(".beantwoord-manifest")
        })
        .collect()
}

fn xorshift(rng: &mut u64) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    *rng
}

/// Twelve pairs of builds of two registers, started together into one
/// folder with `--internal`: the second waits for the first, and decides
/// what to write only then, so every dossier folder, public and internal,
/// holds exactly one build's files, and the same build's in both. Six more
/// pairs race a build narrowed to one format (public only) against a full
/// one into an empty folder: the narrowed build reads the manifest under
/// the lock, so it makes again every format the other build just left, and
/// the public folder is still one build's.
#[test]
fn builds_two_at_a_time_leave_every_dossier_folder_one_build_public_and_internal_alike() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (register(dir.path(), 5, 40, 3), register(dir.path(), 6, 40, 3));
    let (ref_a, ref_b) = (dir.path().join("ref-a"), dir.path().join("ref-b"));
    built(&a, &ref_a, &["--internal"]);
    built(&b, &ref_b, &["--internal"]);
    let (ref_a, ref_b) = (output(&ref_a), output(&ref_b));
    assert_eq!(ref_a.public.len(), 3);
    for d in ref_a.public.keys() {
        assert_ne!(ref_a.public[d], ref_b.public[d], "{d}: the two registers differ in every dossier");
        assert_ne!(ref_a.internal[d], ref_b.internal[d], "{d}");
    }
    let out = dir.path().join("output");
    let mut last = [0, 0];
    for round in 0..12 {
        let (first, second) = if round % 2 == 0 { (&a, &b) } else { (&b, &a) };
        let one = build(first, &out, &["--internal"]).spawn().unwrap();
        let two = build(second, &out, &["--internal"]).spawn().unwrap();
        for r in [one.wait_with_output().unwrap(), two.wait_with_output().unwrap()] {
            assert!(r.status.success(), "round {round}: {}", String::from_utf8_lossy(&r.stderr));
        }
        let now = output(&out);
        for (d, files) in &now.public {
            let of_a = *files == ref_a.public[d] && now.internal.get(d) == Some(&ref_a.internal[d]);
            let of_b = *files == ref_b.public[d] && now.internal.get(d) == Some(&ref_b.internal[d]);
            assert!(of_a || of_b, "round {round}: {d} is not one build's, public and internal alike");
        }
        assert!(now == ref_a || now == ref_b, "round {round}: the folders are one build's, the last one's");
        last[usize::from(now == ref_b)] += 1;
        assert!(tool_files(&out).is_empty(), "round {round}: {:?}", tool_files(&out));
    }
    eprintln!("the last build was a's {} times, b's {} times", last[0], last[1]);
    let narrowed = ["--format", "md"];
    for round in 0..6 {
        let _ = std::fs::remove_dir_all(&out);
        let _ = std::fs::remove_dir_all(intern(&out));
        let full = build(&b, &out, &["--internal"]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(20 * round));
        let md = build(&a, &out, &narrowed).spawn().unwrap();
        for r in [full.wait_with_output().unwrap(), md.wait_with_output().unwrap()] {
            assert!(r.status.success(), "round {round}: {}", String::from_utf8_lossy(&r.stderr));
        }
        let now = output(&out);
        assert!(
            now.public == ref_a.public || now.public == ref_b.public,
            "round {round}: public folders mixed"
        );
        assert_eq!(now.internal, ref_b.internal, "round {round}: only the full build writes internal files");
    }
}

/// A build that replaces the previous one (the other register's), killed
/// 45 times: 36 times at a random moment of the build, 9 times between two
/// steps of its commit (`BEANTWOORD_TEST_KILL_BEFORE_STEP`, each point in
/// turn). After each kill, before anything repairs it, every dossier folder,
/// public and internal, is byte for byte wholly the old build's or wholly
/// the new one's; without a journal the whole output is one build's. With a
/// journal left, opening the public folder alone (as a plain build does)
/// puts both folders back to the old build exactly.
#[test]
fn a_build_killed_at_any_moment_leaves_each_dossier_folder_old_or_new_and_the_next_run_puts_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (register(dir.path(), 1, 40, 3), register(dir.path(), 2, 40, 3));
    let (ref_a, ref_b) = (dir.path().join("ref-a"), dir.path().join("ref-b"));
    built(&a, &ref_a, &["--internal"]);
    built(&b, &ref_b, &["--internal"]);
    let refs = [output(&ref_a), output(&ref_b)];
    let data = [&a, &b];
    let out = dir.path().join("output");
    built(&a, &out, &["--internal"]);
    // How long a build that replaces every dossier takes.
    let t = Instant::now();
    built(&b, &out, &["--internal"]);
    let took = t.elapsed();
    built(&a, &out, &["--internal"]);
    let mut current = 0; // the build the output holds: a
    let journal = out.join(".beantwoord-journal");
    let (mut old, mut new, mut mid, mut mixed_pairs) = (0, 0, 0, 0);
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    for round in 0..45 {
        let next = 1 - current;
        let mut command = build(data[next], &out, &["--internal"]);
        let at_step = round % 5 == 4;
        if at_step {
            // Three dossiers, each in two folders: six exchanges, 0..=6 the
            // points between them (the manifests list the same files).
            command.env("BEANTWOORD_TEST_KILL_BEFORE_STEP", (round / 5 % 7).to_string());
        }
        let mut child = command.spawn().unwrap();
        if !at_step {
            std::thread::sleep(took.mul_f64((xorshift(&mut rng) % 1000) as f64 / 800.0));
            let _ = child.kill(); // SIGKILL
        }
        let status = child.wait().unwrap();
        let now = output(&out);
        let (was, will) = (&refs[current], &refs[next]);
        if !journal.exists() {
            assert!(!at_step || status.success(), "round {round}: killed at a step, yet no journal");
            assert!(
                now == *was || now == *will,
                "round {round}: no commit under way, yet the output is mixed"
            );
            if now == *will {
                new += 1;
                current = next;
            } else {
                old += 1;
            }
            continue;
        }
        mid += 1;
        for (name, is, was, will) in [
            ("public", &now.public, &was.public, &will.public),
            ("internal", &now.internal, &was.internal, &will.internal),
        ] {
            assert_eq!(is.keys().collect::<Vec<_>>(), was.keys().collect::<Vec<_>>(), "round {round}");
            for (d, files) in is {
                assert!(
                    *files == was[d] || *files == will[d],
                    "round {round}: the {name} folder of {d} is neither wholly the old build nor wholly the new one"
                );
            }
        }
        mixed_pairs += now
            .public
            .keys()
            .filter(|d| (now.public[*d] == will.public[*d]) != (now.internal[*d] == will.internal[*d]))
            .count();
        // The repair a plain build makes first: the public folder opened alone.
        drop(beantwoord::output::open(&[out.as_path()], false, &|_| {}).unwrap());
        assert!(!journal.exists() && !intern(&out).join(".beantwoord-journal").exists(), "round {round}");
        assert!(
            output(&out) == *was,
            "round {round}: the repair puts the old build back, public and internal"
        );
        assert!(tool_files(&out).is_empty(), "round {round}: {:?}", tool_files(&out));
    }
    eprintln!(
        "45 kills: {old} left the old build, {new} the new one, {mid} stopped a commit ({mixed_pairs} dossier(s) with the public folder new and the internal old); a build takes {took:?}"
    );
    assert!(mid >= 9, "every kill at a step stops a commit");
    assert!(mixed_pairs > 0, "a kill between a dossier's public and internal exchange is among them");
    built(&b, &out, &["--internal"]);
    assert!(output(&out) == refs[1], "the next build is exactly the new build");
    assert!(tool_files(&out).is_empty(), "{:?}", tool_files(&out));
}

/// The lock is taken before the build reads the folder: a dry run waits
/// for a build that holds it (and says so), then reports against the folder
/// as that build left it, writing nothing.
#[test]
fn a_dry_run_waits_for_the_build_that_holds_the_folder_and_writes_nothing() {
    let s = crate::common::Scratch::minimal();
    assert_eq!(s.run(&["build", "--format", "md"]).code, 0);
    let before = snapshot_tree(&s.out());
    let lock = std::fs::File::options().write(true).open(s.out().join(".beantwoord.lock")).unwrap();
    lock.lock().unwrap(); // a build putting files in place
    let mut dry = Command::new(env!("CARGO_BIN_EXE_beantwoord"))
        .env("BEANTWOORD_LANG", "en")
        .args(["build", "--dry-run", "--format", "md"])
        .current_dir(s.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert!(dry.try_wait().unwrap().is_none(), "the dry run waits");
    drop(lock);
    let r = dry.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(r.status.success(), "{stderr}");
    assert!(stderr.contains("waiting for another build into output to finish…"), "{stderr}");
    assert!(stderr.contains("0 new, 0 changed, 6 unchanged, 0 removed; nothing was written"), "{stderr}");
    assert_eq!(snapshot_tree(&s.out()), before, "nothing written");
}

/// A first build that fails removes the folder it made, lock and all, while
/// it still holds the lock; a build that was waiting for it makes the folder
/// again and builds. Six times, the two started together into no folder.
#[test]
fn a_build_waiting_on_a_failed_first_build_makes_the_folder_again() {
    let broken = crate::common::Scratch::broken("template-errors");
    let dir = tempfile::tempdir().unwrap();
    let good = register(dir.path(), 7, 10, 1);
    let reference = dir.path().join("ref");
    built(&good, &reference, &["--internal", "--format", "md"]);
    for round in 0..6 {
        let out = dir.path().join(format!("output-{round}"));
        let mut failing = build(&broken.data(), &out, &["--internal"]);
        let mut working = build(&good, &out, &["--internal", "--format", "md"]);
        // Either may come first.
        let (one, two) = match round % 2 {
            0 => (failing.spawn().unwrap(), working.spawn().unwrap()),
            _ => {
                let two = working.spawn().unwrap();
                (failing.spawn().unwrap(), two)
            }
        };
        let (one, two) = (one.wait_with_output().unwrap(), two.wait_with_output().unwrap());
        assert_eq!(one.status.code(), Some(1), "round {round}: the broken data fails");
        assert!(two.status.success(), "round {round}: {}", String::from_utf8_lossy(&two.stderr));
        assert!(output(&out) == output(&reference), "round {round}: the good build is there, whole");
        assert!(tool_files(&out).is_empty(), "round {round}: {:?}", tool_files(&out));
    }
    // Alone, the failed first build leaves no folder behind, public or internal.
    let out = dir.path().join("output-failed");
    assert_eq!(build(&broken.data(), &out, &["--internal"]).status().unwrap().code(), Some(1));
    assert!(!out.exists() && !intern(&out).exists());
}
