//! What a run does, fully decided before any work starts (as ripgrep turns
//! its raw arguments into checked settings): paths resolved, formats
//! deduplicated and ordered. The command line ([`crate::cli`]) makes them;
//! the [`crate::pipeline`] only reads them.

use crate::backend::Format;
use std::path::{Component, Path, PathBuf};

/// What a run is for: one of five, never a mix of flags. (A sent dossier
/// that changed always gets its follow-up answer: see [`crate::sent`].)
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Make every document in memory, public and internal; write nothing.
    Check,
    /// Make the documents and put them in the output folders.
    Build,
    /// Build one dossier and record what is sent (`beantwoord send ID`).
    Send(String),
    /// Build one sent dossier and record its follow-up answer as sent
    /// (`beantwoord send --nader ID`).
    SendFollowUp(String),
    /// Make the documents in memory for the workbench (`beantwoord
    /// serve`): public, internal only when asked; write nothing.
    Preview,
}

/// What the command line asked for, as given: [`Settings::new`] checks it.
/// `None` means the default.
#[derive(Clone, Debug)]
pub struct Options {
    pub data: PathBuf,
    pub templates: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub internal_out: Option<PathBuf>,
    pub dossiers: Vec<String>,
    pub formats: Vec<Format>,
    pub internal: bool,
    pub mode: Mode,
    pub dry_run: bool,
    pub quiet: bool,
    /// The change list for scripts (stable words, tab-separated).
    pub machine: bool,
    pub timing: bool,
    /// Also make each dossier's upload package for the Woo platforms.
    pub package: bool,
}

impl Options {
    /// A check of `data`: the templates beside it, every format.
    pub fn new(data: PathBuf) -> Options {
        Options {
            data,
            templates: None,
            out: None,
            internal_out: None,
            dossiers: Vec::new(),
            formats: Vec::new(),
            internal: false,
            mode: Mode::Check,
            dry_run: false,
            quiet: false,
            machine: false,
            timing: false,
            package: false,
        }
    }
}

/// A checked run: made only by [`Settings::new`], read through its methods.
#[derive(Clone, Debug)]
pub struct Settings {
    data: PathBuf,
    templates: PathBuf,
    out: PathBuf,
    internal_out: PathBuf,
    dossiers: Vec<String>,
    formats: Vec<Format>,
    internal: bool,
    mode: Mode,
    dry_run: bool,
    quiet: bool,
    machine: bool,
    timing: bool,
    package: bool,
}

/// A mistake in what was asked that shows without reading the data: told
/// once, exit status 2.
#[derive(Debug, PartialEq)]
pub enum SettingsError {
    /// `--templates` names a folder that is not there.
    NoTemplatesFolder(PathBuf),
    /// A dossier asked for (`--dossier`, `send`) by a name no dossier can
    /// have: ids are letters, digits, `.`, `_`, `-` ([`crate::model::is_safe_id`]).
    /// Whether a well-formed id names a dossier is known once the dossiers
    /// are read (their ids are fields in the files, not folder names):
    /// [`crate::build::Failure::UnknownDossiers`].
    NotADossierId { flag: &'static str, id: String },
    /// An output folder is, contains or lies inside another folder of the
    /// run: `what` is `data`, `templates` or `public` (the public output).
    OutputOverlaps { flag: &'static str, out: PathBuf, what: &'static str, other: PathBuf },
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingsError::NoTemplatesFolder(p) => {
                f.write_str(&crate::tr!("settings-no-templates", path = p.display().to_string()))
            }
            SettingsError::NotADossierId { flag, id } => {
                f.write_str(&crate::tr!("settings-not-an-id", flag = *flag, id = id.as_str()))
            }
            SettingsError::OutputOverlaps { flag, out, what, other } => f.write_str(&crate::tr!(
                "settings-overlap",
                flag = *flag,
                out = out.display().to_string(),
                what = *what,
                other = other.display().to_string(),
                example = if *flag == "--internal-out" { "output-intern" } else { "output" }
            )),
        }
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Checks `o` and derives everything a run needs from it, once: the
    /// templates folder (a `--templates` named must exist; the default one,
    /// beside the data, may not), the output folders (none may be, contain
    /// or lie inside the data, the templates or the other output folder),
    /// the formats (each once, in [`Format`] order; none means all). A check
    /// makes every document, public and internal; `send` only its dossier.
    pub fn new(o: Options) -> Result<Settings, SettingsError> {
        let templates = match o.templates {
            Some(t) if !t.is_dir() => return Err(SettingsError::NoTemplatesFolder(t)),
            Some(t) => t,
            None => templates_beside(&o.data),
        };
        let out = o.out.unwrap_or_else(|| PathBuf::from("output"));
        let internal_out = o.internal_out.unwrap_or_else(|| internal_beside(&out));
        let mut formats = if o.formats.is_empty() { Format::ALL.to_vec() } else { o.formats };
        formats.sort();
        formats.dedup();
        let (flag, dossiers) = match &o.mode {
            Mode::Send(id) | Mode::SendFollowUp(id) => ("send", vec![id.clone()]),
            _ => ("--dossier", o.dossiers),
        };
        if let Some(id) = dossiers.iter().find(|id| !crate::model::is_safe_id(id)) {
            return Err(SettingsError::NotADossierId { flag, id: id.clone() });
        }
        let s = Settings {
            data: o.data,
            templates,
            out,
            internal_out,
            dossiers,
            formats,
            internal: o.internal || o.mode == Mode::Check,
            dry_run: o.dry_run && o.mode != Mode::Check,
            mode: o.mode,
            quiet: o.quiet,
            machine: o.machine,
            timing: o.timing,
            package: o.package,
        };
        if s.mode != Mode::Check && s.mode != Mode::Preview {
            s.check_folders()?;
        }
        Ok(s)
    }

    /// No output folder may be, contain or lie inside the data, the
    /// templates or the other output folder.
    fn check_folders(&self) -> Result<(), SettingsError> {
        let folders = [("--out", &self.out), ("--internal-out", &self.internal_out)];
        for (flag, out) in folders {
            for (what, other) in [("data", &self.data), ("templates", &self.templates)] {
                if overlap(out, other) {
                    return Err(SettingsError::OutputOverlaps {
                        flag,
                        out: out.clone(),
                        what,
                        other: other.clone(),
                    });
                }
            }
        }
        if overlap(&self.out, &self.internal_out) {
            return Err(SettingsError::OutputOverlaps {
                flag: "--internal-out",
                out: self.internal_out.clone(),
                what: "public",
                other: self.out.clone(),
            });
        }
        Ok(())
    }

    /// The data folder (records/ and dossiers/).
    pub fn data(&self) -> &Path {
        &self.data
    }
    /// The folder whose templates override the built-in ones (it may not exist).
    pub fn templates(&self) -> &Path {
        &self.templates
    }
    /// The public output folder (not used by a check).
    pub fn out(&self) -> &Path {
        &self.out
    }
    /// The folder for internal review documents, outside the public one.
    pub fn internal_out(&self) -> &Path {
        &self.internal_out
    }
    /// The dossiers to build; empty: every dossier.
    pub fn dossiers(&self) -> &[String] {
        &self.dossiers
    }
    /// Whether the run makes dossier `id`.
    pub fn includes(&self, id: &str) -> bool {
        self.dossiers.is_empty() || self.dossiers.iter().any(|d| d == id)
    }
    /// The formats to make, each once, in a fixed order.
    pub fn formats(&self) -> &[Format] {
        &self.formats
    }
    /// Whether the internal review documents are made too.
    pub fn internal(&self) -> bool {
        self.internal
    }
    pub fn mode(&self) -> &Mode {
        &self.mode
    }
    /// The dossier this run sends, if it sends one.
    pub fn sending(&self) -> Option<&str> {
        match &self.mode {
            Mode::Send(id) => Some(id),
            _ => None,
        }
    }
    /// The dossier whose follow-up answer this run sends, if it sends one.
    pub fn sending_follow_up(&self) -> Option<&str> {
        match &self.mode {
            Mode::SendFollowUp(id) => Some(id),
            _ => None,
        }
    }
    /// Say what would change; write nothing.
    pub fn dry_run(&self) -> bool {
        self.dry_run
    }
    /// Print only problems and the summary.
    pub fn quiet(&self) -> bool {
        self.quiet
    }
    /// List the changes for scripts: stable words, tab-separated.
    pub fn machine(&self) -> bool {
        self.machine
    }
    /// Print each stage's time and resident memory.
    pub fn timing(&self) -> bool {
        self.timing
    }

    /// Whether each dossier's upload package for the Woo platforms is made
    /// (`upload/`: the production report and a zip of the documents).
    pub fn package(&self) -> bool {
        self.package
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

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        dir
    }

    fn build(dir: &Path) -> Options {
        Options { mode: Mode::Build, out: Some(dir.join("output")), ..Options::new(dir.join("data")) }
    }

    #[test]
    fn a_templates_folder_named_must_exist() {
        let dir = scratch();
        let missing = dir.path().join("sjablonen");
        let e = Settings::new(Options { templates: Some(missing.clone()), ..build(dir.path()) }).unwrap_err();
        assert_eq!(e, SettingsError::NoTemplatesFolder(missing));
        assert!(e.to_string().starts_with("--templates "), "{e}");
        assert!(e.to_string().contains("no such folder"), "{e}");
        // The default one, beside the data, need not exist.
        let s = Settings::new(build(dir.path())).unwrap();
        assert_eq!(s.templates(), dir.path().join("templates"));
    }

    #[test]
    fn an_output_folder_inside_the_data_is_refused() {
        let dir = scratch();
        let out = dir.path().join("data/output");
        let e = Settings::new(Options { out: Some(out.clone()), ..build(dir.path()) }).unwrap_err();
        assert!(matches!(&e, SettingsError::OutputOverlaps { flag: "--out", what: "data", .. }), "{e:?}");
        assert!(e.to_string().contains("may not be, contain or lie inside the data folder"), "{e}");
    }

    #[test]
    fn the_internal_folder_may_not_lie_in_the_public_one() {
        let dir = scratch();
        let inside = dir.path().join("output/intern");
        let e = Settings::new(Options { internal_out: Some(inside), ..build(dir.path()) }).unwrap_err();
        assert!(
            matches!(&e, SettingsError::OutputOverlaps { flag: "--internal-out", what: "public", .. }),
            "{e:?}"
        );
    }

    #[test]
    fn an_output_folder_around_the_templates_is_refused() {
        let dir = scratch();
        std::fs::create_dir_all(dir.path().join("output/templates")).unwrap();
        let t = dir.path().join("output/templates");
        let e = Settings::new(Options { templates: Some(t), ..build(dir.path()) }).unwrap_err();
        assert!(matches!(&e, SettingsError::OutputOverlaps { what: "templates", .. }), "{e:?}");
    }

    #[test]
    fn a_dossier_no_dossier_can_be_is_refused_before_the_data_is_read() {
        let dir = scratch();
        for id in ["../2022Z21205", "", ".verborgen", "2022Z21205/antwoord", "twee woorden"] {
            let e = Settings::new(Options {
                dossiers: vec!["2022Z21205".into(), id.into()],
                ..build(dir.path())
            })
            .unwrap_err();
            assert_eq!(e, SettingsError::NotADossierId { flag: "--dossier", id: id.into() });
            assert!(
                e.to_string().starts_with(&format!("--dossier `{id}`: no dossier can have this id")),
                "{e}"
            );
            let e = Settings::new(Options { mode: Mode::Send(id.into()), ..build(dir.path()) }).unwrap_err();
            assert!(e.to_string().starts_with(&format!("send `{id}`")), "{e}");
        }
        assert!(Settings::new(Options { dossiers: vec!["2022Z21205".into()], ..build(dir.path()) }).is_ok());
    }

    #[test]
    fn derived_once_formats_in_order_internal_beside_send_one_dossier() {
        let dir = scratch();
        let s = Settings::new(Options {
            formats: vec![Format::Pdf, Format::Md, Format::Pdf],
            mode: Mode::Send("X".into()),
            dossiers: vec!["Y".into()],
            ..build(dir.path())
        })
        .unwrap();
        assert_eq!(s.formats(), [Format::Md, Format::Pdf]);
        assert_eq!(s.internal_out(), dir.path().join("output-intern"));
        assert_eq!(s.dossiers(), ["X"]);
        assert_eq!(s.sending(), Some("X"));
        // A check makes the internal documents too, and writes nothing.
        let c = Settings::new(Options { dry_run: true, ..Options::new(dir.path().join("data")) }).unwrap();
        assert!(c.internal() && !c.dry_run() && c.sending().is_none());
        assert_eq!(c.formats(), Format::ALL);
    }
}
