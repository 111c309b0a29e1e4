//! The document templates: built into the binary (`include_str!`), and
//! overridden file by file by a user's `templates/` folder.

use crate::model::Text;

/// One document template: its text, placed in the file it came from so that
/// a problem in it is shown at its line.
#[derive(Clone, Debug)]
pub struct DocTemplate {
    pub name: &'static str,
    pub text: Text,
}

/// The built-in templates, by file name.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("antwoord.md", include_str!("../../templates/antwoord.md")),
    ("bijlagen.md", include_str!("../../templates/bijlagen.md")),
    ("bijlage.md", include_str!("../../templates/bijlage.md")),
];

/// The templates a run uses.
#[derive(Clone, Debug, Default)]
pub struct DocTemplates {
    pub all: Vec<DocTemplate>,
}

impl DocTemplates {
    pub fn get(&self, name: &str) -> Option<&DocTemplate> {
        self.all.iter().find(|t| t.name == name)
    }
}
