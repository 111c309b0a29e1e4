//! The Debian package, made by the one documented command
//! (`packaging/deb.sh`), opened as dpkg would install it: the binary runs,
//! the man pages name every command, and the installed example builds.
//!
//! The package holds the release binary (cargo-deb refuses the dev profile),
//! so this test runs `cargo build --release` through the script: a few
//! seconds when the release binary is up to date, one release build when it
//! is not. The package is left in target/debian/, as the script leaves it. It
//! needs cargo-deb and dpkg-deb; outside CI, where either is missing, it
//! says so and checks nothing (`.ci/run` installs cargo-deb).

use super::common::repo;
use std::path::Path;
use std::process::Command;

/// Whether `tool` runs; a missing tool is a failure under CI.
fn installed(tool: &str, args: &[&str]) -> bool {
    match Command::new(tool).args(args).output() {
        Ok(o) if o.status.success() => true,
        _ if std::env::var_os("CI").is_none() => {
            eprintln!(
                "note: `{tool}` is not installed; skipping the Debian package test (CI has it; cargo-deb: cargo install cargo-deb --locked)"
            );
            false
        }
        r => panic!("`{tool}` is required in CI: {r:?}"),
    }
}

fn run(cmd: &mut Command) -> String {
    let o = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{cmd:?} failed ({}):\n{out}\n{err}", o.status);
    out.into_owned()
}

/// Every file under `dir`, relative, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                all.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    all.sort();
    all
}

fn gunzip(path: &Path) -> String {
    use std::io::Read;
    let mut s = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()).read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_debian_package_holds_the_binary_its_man_pages_and_an_example_that_builds() {
    if !installed("cargo-deb", &["--version"]) || !installed("dpkg-deb", &["--version"]) {
        return;
    }
    // As a user makes it, into target/debian/: cargo-deb deletes every
    // other beantwoord_*.deb there even when told to write elsewhere (`-o`),
    // so the test leaves there the package of the code it tested.
    run(&mut Command::new(repo().join("packaging/deb.sh")));
    let debs = repo().join("target/debian");
    let deb: Vec<_> = std::fs::read_dir(&debs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("beantwoord_"))
        .collect();
    assert_eq!(deb.len(), 1, "one package: {deb:?}");
    let deb = &deb[0];
    let name = deb.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&format!("beantwoord_{}-1_", env!("CARGO_PKG_VERSION"))), "{name}");

    // What dpkg would install, by path.
    let contents = run(Command::new("dpkg-deb").arg("--contents").arg(deb));
    let paths: Vec<&str> = contents.lines().filter_map(|l| l.split_whitespace().last()).collect();
    let doc = "./usr/share/doc/beantwoord";
    let mut expected = vec![
        "./usr/bin/beantwoord".to_owned(),
        format!("{doc}/README.md"),
        "./usr/share/man/man1/beantwoord.1.gz".to_owned(),
    ];
    let commands = ["build", "check", "new", "status", "send", "serve"];
    expected.extend(commands.iter().map(|c| format!("./usr/share/man/man1/beantwoord-{c}.1.gz")));
    expected.extend(commands.iter().map(|c| format!("./usr/share/man/nl/man1/beantwoord-{c}.1.gz")));
    for (folder, source) in [("data", repo().join("data")), ("templates", repo().join("templates"))] {
        expected.extend(files(&source).into_iter().map(|(rel, _)| format!("{doc}/voorbeeld/{folder}/{rel}")));
    }
    for p in &expected {
        assert!(paths.contains(&p.as_str()), "the package lacks {p}:\n{contents}");
    }

    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    run(Command::new("dpkg-deb").arg("-x").arg(deb).arg(&root));
    let bin = root.join("usr/bin/beantwoord");
    let help = run(Command::new(&bin).arg("--help"));
    for c in commands {
        assert!(help.lines().any(|l| l.trim_start().starts_with(c)), "--help lacks `{c}`:\n{help}");
    }

    // The man pages: the main one lists every command, each command's page
    // holds its own options (what `--help` says, from the same clap command).
    let man = root.join("usr/share/man/man1");
    let main = gunzip(&man.join("beantwoord.1.gz"));
    assert!(main.contains("\n.TH beantwoord 1 "), "not the man page of beantwoord:\n{main}");
    for c in commands {
        assert!(main.contains(&format!("beantwoord\\-{c}(1)")), "beantwoord.1 does not name `{c}`:\n{main}");
        let page = gunzip(&man.join(format!("beantwoord-{c}.1.gz")));
        assert!(page.contains(&format!("\n.TH beantwoord-{c} 1 ")), "not the page of `{c}`:\n{page}");
        assert!(page.contains("\\-\\-data"), "beantwoord-{c}.1 lacks --data:\n{page}");
    }
    let build_page = gunzip(&man.join("beantwoord-build.1.gz"));
    assert!(build_page.contains("\\-\\-woo\\-pakket"), "{build_page}");
    // In Dutch too, for `man` in a Dutch locale.
    assert!(build_page.contains("The data folder"), "{build_page}");
    let nl_page = gunzip(&root.join("usr/share/man/nl/man1/beantwoord-build.1.gz"));
    assert!(nl_page.contains("De gegevensmap") && nl_page.contains("\\-\\-woo\\-pakket"), "{nl_page}");

    // The installed example builds as the README says, with the example's
    // templates (found beside its data) and without writing into it.
    let example = root.join("usr/share/doc/beantwoord/voorbeeld");
    assert_eq!(files(&example.join("data")), files(&repo().join("data")));
    assert_eq!(files(&example.join("templates")), files(&repo().join("templates")));
    let before = files(&example);
    // The installed binary builds the installed example into `out`.
    let build = |out: &std::path::Path| {
        run(Command::new(&bin)
            .arg("build")
            .arg("--data")
            .arg(example.join("data"))
            .arg("--out")
            .arg(out)
            .arg("-q"))
    };
    let out = tmp.path().join("x");
    build(&out);
    let pdf = std::fs::read(out.join("2022Z21205/antwoord.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "antwoord.pdf is not a PDF");
    assert!(before == files(&example), "the build wrote into the installed example");

    let template = example.join("templates/antwoord.md");
    let mut t = std::fs::read_to_string(&template).unwrap();
    t.push_str("\nUit het geïnstalleerde voorbeeld.\n");
    std::fs::write(&template, t).unwrap();
    let out = tmp.path().join("y");
    build(&out);
    let md = std::fs::read_to_string(out.join("2022Z21205/antwoord.md")).unwrap();
    assert!(md.contains("Uit het geïnstalleerde voorbeeld."), "the example's templates/ was not used:\n{md}");
}
