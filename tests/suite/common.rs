//! Helpers: scratch copies of data folders, running the binary.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The front matter a user's document template needs: title, author,
/// dossier and a date.
pub const FRONT_MATTER: &str = "---\ntitle: \"Eigen titel\"\nauthor: {{ dossier.ministry | yaml }}\ndossier: {{ dossier.id | yaml }}\nsubmitted: {{ dossier.submitted | yaml }}\n---\n";

/// `md` as a written document starts: the front matter as written, a blank line.
pub fn body(md: &str) -> &str {
    md.split_once("\n---\n\n").map_or(md, |(_, b)| b)
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A scratch project folder: `data/`, maybe `templates/`, and `output/`.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    /// A copy of the bundled `data/` and `templates/`.
    pub fn bundled() -> Scratch {
        let s = Scratch { dir: tempfile::tempdir().unwrap() };
        copy_dir(&repo().join("data"), &s.data());
        copy_dir(&repo().join("templates"), &s.path().join("templates"));
        s
    }

    /// `tests/fixtures/minimal`, with the files of `tests/fixtures/broken/<name>` laid over it.
    pub fn broken(name: &str) -> Scratch {
        let s = Scratch { dir: tempfile::tempdir().unwrap() };
        copy_dir(&fixtures().join("minimal"), &s.data());
        copy_dir(&fixtures().join("broken").join(name), &s.data());
        s
    }

    pub fn minimal() -> Scratch {
        let s = Scratch { dir: tempfile::tempdir().unwrap() };
        copy_dir(&fixtures().join("minimal"), &s.data());
        s
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    pub fn out(&self) -> PathBuf {
        self.path().join("output")
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Writes a file, and the folders it goes in.
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.file(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Replaces `from` by `to` in a file; the text must be there once.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "{rel} must hold {from:?} once");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// Runs `beantwoord <args>` in the scratch folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_beantwoord"))
            .env("BEANTWOORD_LANG", "en")
            .args(args)
            .current_dir(self.path())
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// [`Scratch::run`], killed (and the test failed) when it has not ended
    /// within `limit`: a hang is a failure, not a stuck suite.
    pub fn run_within(&self, limit: std::time::Duration, args: &[&str]) -> Run {
        let mut child = Command::new(env!("CARGO_BIN_EXE_beantwoord"))
            .env("BEANTWOORD_LANG", "en")
            .args(args)
            .current_dir(self.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let out = std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = stdout.read_to_end(&mut b);
            b
        });
        let err = std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = stderr.read_to_end(&mut b);
            b
        });
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                panic!("beantwoord {args:?} had not ended after {limit:?}: a hang");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
            stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
        }
    }

    /// Builds and returns `output/<dossier>/<file>`.
    pub fn build_and_read(&self, dossier: &str, file: &str) -> String {
        let r = self.run(&["build"]);
        assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
        self.read(&format!("output/{dossier}/{file}"))
    }
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Every file below `dir` with its bytes, sorted by path.
pub fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push((e.path(), std::fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The text under `## <heading>` up to the next heading or the footnote definitions.
pub fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let marker = format!("## {heading}\n");
    let start = markdown.find(&marker).unwrap_or_else(|| panic!("no section {heading}")) + marker.len();
    let rest = &markdown[start..];
    let heading_end = rest.find("\n#").unwrap_or(rest.len());
    let notes_end = rest
        .match_indices("\n[^")
        .find(|(i, _)| rest[*i..].lines().nth(1).is_some_and(|l| l.contains("]: ")))
        .map_or(rest.len(), |(i, _)| i);
    rest[..heading_end.min(notes_end)].trim()
}

/// Runs a tool; `None` when it is not installed (a failure under CI).
pub fn tool(name: &str, args: &[&str]) -> Option<String> {
    match Command::new(name).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success() || name == "qpdf",
                "{name} {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("note: `{name}` is not installed; skipping this PDF check (CI installs it)");
            None
        }
        Err(e) => panic!("`{name}` is required in CI: {e}"),
    }
}

/// A PDF's objects as text: uncompressed, out of their object streams
/// (qpdf's QDF form), so that a test can read what the file holds.
pub fn pdf_objects(path: &Path) -> Option<String> {
    tool("qpdf", &["--qdf", "--object-streams=disable", p(path), "-"])
}

pub fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A withheld name the leak tests plant and look for.
pub const NAME: &str = "Zwaantje Quistenbroek-Oudewater";

/// Every part of a Word package (a ZIP archive), by name, unpacked.
pub fn docx_parts(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().to_string(), bytes)
        })
        .collect()
}

/// Every byte of a file, plus the inflated content of every PDF stream and
/// every unpacked part of a Word package or a spreadsheet.
pub fn readable_bytes(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let mut all = bytes.clone();
    if path.extension().is_some_and(|e| e == "docx" || e == "xlsx") {
        for (name, part) in docx_parts(path) {
            all.extend_from_slice(name.as_bytes());
            all.extend_from_slice(&part);
        }
    }
    let mut at = 0;
    while let Some(i) = find(&bytes[at..], b"stream") {
        let start = at + i + b"stream".len();
        let start = start + bytes[start..].iter().take_while(|b| **b == b'\r' || **b == b'\n').count();
        let Some(len) = find(&bytes[start..], b"endstream") else { break };
        let mut inflated = Vec::new();
        if flate2::read::ZlibDecoder::new(&bytes[start..start + len]).read_to_end(&mut inflated).is_ok() {
            all.extend_from_slice(&inflated);
        }
        at = start + len;
    }
    all
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Whether `bytes` hold the token `name` (any case, or as UTF-16BE, as a
/// PDF writes text strings).
pub fn leaks_of(bytes: &[u8], name: &str) -> Vec<String> {
    let mut found = Vec::new();
    if String::from_utf8_lossy(bytes).to_lowercase().contains(&name.to_lowercase()) {
        found.push(name.to_string());
    }
    let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_be_bytes).collect();
    if find(bytes, &utf16).is_some() {
        found.push(format!("{name} (UTF-16)"));
    }
    found
}

pub fn leaks(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes).to_lowercase();
    let mut words: Vec<String> = NAME.split([' ', '-']).map(str::to_lowercase).collect();
    words.push(NAME.to_lowercase());
    // PDF text may also be written as UTF-16BE.
    let utf16: Vec<u8> = "Quistenbroek".encode_utf16().flat_map(u16::to_be_bytes).collect();
    let mut found: Vec<String> = words.into_iter().filter(|w| text.contains(w.as_str())).collect();
    if find(bytes, &utf16).is_some() {
        found.push("Quistenbroek (UTF-16)".into());
    }
    found
}

/// A small logo as a ministry would save it: a PNG with transparency, a
/// dark blue band with a white disc (`width` × `height` pixels).
pub fn logo_png(width: u32, height: u32) -> Vec<u8> {
    let mut pixels = Vec::with_capacity((width * height * 4) as usize);
    for y in 0..height {
        for x in 0..width {
            let (dx, dy) = (x as i64 - i64::from(width / 2), y as i64 - i64::from(height * 2 / 3));
            let disc = dx * dx + dy * dy < i64::from(width * width / 9);
            let edge = x < 2 || x + 2 >= width; // transparent sides
            pixels.extend(match (edge, disc) {
                (true, _) => [0, 0, 0, 0],
                (false, true) => [255, 255, 255, 255],
                (false, false) => [0x15, 0x42, 0x73, 255],
            });
        }
    }
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, width, height);
    e.set_color(png::ColorType::Rgba);
    e.set_depth(png::BitDepth::Eight);
    e.write_header().unwrap().write_image_data(&pixels).unwrap();
    out
}
