//! The document templates a run uses, as loaded: each built-in one
//! (`load::BUILT_IN_TEMPLATES`) unless the user's `templates/` folder holds a
//! file of that name, and the logo the letters carry if it holds one.

use super::Text;

/// One document template: its text, placed in the file it came from so that
/// a problem in it is shown at its line.
#[derive(Clone, Debug)]
pub struct DocTemplate {
    pub name: &'static str,
    pub text: Text,
}

/// The templates a run uses.
#[derive(Clone, Debug, Default)]
pub struct DocTemplates {
    pub all: Vec<DocTemplate>,
    /// The ministry's logo (`logo.png` in the templates folder), if any.
    pub logo: Option<std::sync::Arc<super::logo::Logo>>,
}

impl DocTemplates {
    pub fn get(&self, name: &str) -> Option<&DocTemplate> {
        self.all.iter().find(|t| t.name == name)
    }
}
