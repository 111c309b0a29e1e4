//! What a run does, fully decided before any work starts (as ripgrep turns
//! its raw arguments into checked settings): paths resolved, formats
//! deduplicated and ordered. The command line ([`crate::cli`]) makes them;
//! the [`crate::pipeline`] only reads them.

use crate::backend::Format;
use std::path::{Component, Path, PathBuf};

/// A checked run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The data folder (records/ and dossiers/).
    pub data: PathBuf,
    /// The folder whose templates override the built-in ones (it may not exist).
    pub templates: PathBuf,
    /// The public output folder (not used by `check`).
    pub out: PathBuf,
    /// The folder for internal review documents, outside the public one.
    pub internal_out: PathBuf,
    /// The dossiers to build; empty: every dossier.
    pub dossiers: Vec<String>,
    /// The formats to write, each once, in a fixed order.
    pub formats: Vec<Format>,
    /// Also make the internal review documents.
    pub internal: bool,
    /// Say what would change; write nothing.
    pub dry_run: bool,
    /// Print only problems and the summary.
    pub quiet: bool,
    /// Write a follow-up answer for a sent dossier that changed, and leave
    /// its sent files as they are.
    pub nader: bool,
    /// The run records what is sent (`beantwoord send`).
    pub sending: bool,
    /// Print each stage's time and resident memory.
    pub timing: bool,
}

impl Settings {
    /// The settings for `data`, with the templates beside it, every format.
    pub fn new(data: PathBuf) -> Settings {
        Settings {
            templates: templates_beside(&data),
            data,
            out: PathBuf::from("output"),
            internal_out: internal_beside(Path::new("output")),
            dossiers: Vec::new(),
            formats: Format::ALL.to_vec(),
            internal: false,
            dry_run: false,
            quiet: false,
            nader: false,
            sending: false,
            timing: false,
        }
    }

    /// Sets the formats: each once, in [`Format`] order; none means all.
    pub fn with_formats(mut self, formats: &[Format]) -> Settings {
        let mut f = if formats.is_empty() { Format::ALL.to_vec() } else { formats.to_vec() };
        f.sort();
        f.dedup();
        self.formats = f;
        self
    }
}

/// `templates/` beside the data folder.
pub fn templates_beside(data: &std::path::Path) -> PathBuf {
    let parent = data.parent().filter(|p| !p.as_os_str().is_empty());
    parent.map_or_else(|| PathBuf::from("templates"), |p| p.join("templates"))
}

/// The default folder for internal renders: `<out>-intern` beside the
/// public output folder (`output` → `output-intern`), so that publishing the
/// public folder can never publish them.
pub fn internal_beside(out: &Path) -> PathBuf {
    let name = out.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!("{name}-intern"))
}

/// A path made absolute and without `.` or `..`, its existing part with
/// links resolved: two spellings of one folder compare equal.
pub fn resolved(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut clean = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // Resolve links in the longest part that exists.
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = std::fs::canonicalize(&existing).unwrap_or(existing);
    out.extend(rest.into_iter().rev());
    out
}

/// Whether one of two folders is, contains or lies inside the other.
pub fn overlap(a: &Path, b: &Path) -> bool {
    let (a, b) = (resolved(a), resolved(b));
    a.starts_with(&b) || b.starts_with(&a)
}
