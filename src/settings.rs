//! What a run does, fully decided before any work starts (as ripgrep turns
//! its raw arguments into checked settings): paths resolved, formats
//! deduplicated and ordered. The command line ([`crate::cli`]) makes them;
//! the [`crate::pipeline`] only reads them.

use crate::backend::Format;
use std::path::PathBuf;

/// A checked run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The data folder (records/ and dossiers/).
    pub data: PathBuf,
    /// The folder whose templates override the built-in ones (it may not exist).
    pub templates: PathBuf,
    /// The output folder (not used by `check`).
    pub out: PathBuf,
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
            dossiers: Vec::new(),
            formats: Format::ALL.to_vec(),
            internal: false,
            dry_run: false,
            quiet: false,
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
