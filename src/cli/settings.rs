//! Raw command-line arguments turned into checked settings before any work
//! starts (as ripgrep does): paths resolved, formats deduplicated.

use super::DataArgs;
use std::path::PathBuf;

/// The output formats, a closed set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    /// Markdown (antwoord.md, bijlagen.md)
    Md,
    /// PDF, A4 (antwoord.pdf, bijlagen.pdf)
    Pdf,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Md, Format::Pdf];

    /// The file extension of the documents in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Pdf => "pdf",
        }
    }
}

/// What a run does, fully decided.
#[derive(Clone, Debug)]
pub struct Settings {
    pub data: PathBuf,
    pub templates: Option<PathBuf>,
    pub out: PathBuf,
    /// Empty: every dossier.
    pub dossiers: Vec<String>,
    pub formats: Vec<Format>,
    pub internal: bool,
}

impl Settings {
    pub fn for_check(args: &DataArgs) -> Settings {
        Settings {
            data: args.data.clone(),
            templates: Some(templates_dir(args)),
            out: PathBuf::new(),
            dossiers: Vec::new(),
            formats: Format::ALL.to_vec(),
            internal: true,
        }
    }
}

/// `--templates`, or `templates/` beside the data folder.
pub fn templates_dir(args: &DataArgs) -> PathBuf {
    args.templates.clone().unwrap_or_else(|| {
        let parent = args.data.parent().filter(|p| !p.as_os_str().is_empty());
        parent.map_or_else(|| PathBuf::from("templates"), |p| p.join("templates"))
    })
}
