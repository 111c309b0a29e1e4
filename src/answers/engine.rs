//! The template engine, set up once per run and audience (as Zola sets up
//! its Tera once): Tera with autoescaping off (the output is Markdown), the
//! Dutch filters registered in one place ([`super::filters`]), and the one
//! document template rendered thousands of times, `bijlage.md`, added as
//! that audience sees it. Record texts and the other templates are rendered
//! as one-off templates against it ([`super::limits::render_str`]).

use super::view::View;
use super::{filters, template_errors};
use crate::diag::Diagnostic;
use crate::document::Audience;
use crate::model::templates::DocTemplates;
use tera::Tera;

/// The engine of one audience.
pub struct Engine {
    tera: Tera,
    /// Whether `bijlage.md` was added; if not, why (told where it is used).
    annex: Result<(), Vec<Diagnostic>>,
}

/// The two audiences' engines, made once per run.
pub struct Engines {
    public: Engine,
    internal: Engine,
}

/// The name `bijlage.md` has in the engine.
pub const ANNEX: &str = "bijlage.md";

impl Engine {
    fn new(templates: &DocTemplates, audience: Audience) -> Engine {
        let mut tera = Tera::default();
        tera.autoescape_on(Vec::<&str>::new());
        filters::register(&mut tera);
        let annex = match templates.get(ANNEX) {
            None => Ok(()),
            Some(t) => {
                let view = View::new(audience);
                tera.add_raw_template(ANNEX, &view.source(&t.text.value))
                    .map_err(|e| template_errors(&e, &t.text, &["bijlage", "dossier", "internal"]))
            }
        };
        Engine { tera, annex }
    }

    /// Tera, with the filters.
    pub fn tera(&self) -> &Tera {
        &self.tera
    }

    /// `bijlage.md` is ready to render, or the problems that keep it from it.
    pub fn annex(&self) -> Result<(), &[Diagnostic]> {
        self.annex.as_ref().map(|_| ()).map_err(|d| d.as_slice())
    }
}

impl Engines {
    pub fn new(templates: &DocTemplates) -> Engines {
        Engines {
            public: Engine::new(templates, Audience::Public),
            internal: Engine::new(templates, Audience::Internal),
        }
    }

    pub fn of(&self, audience: Audience) -> &Engine {
        match audience {
            Audience::Public => &self.public,
            Audience::Internal => &self.internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_is_made_once_with_the_filters_and_renders_without_escaping() {
        let engines = Engines::new(&DocTemplates::default());
        let tera = engines.of(Audience::Public).tera();
        let out = crate::answers::limits::render_str(tera, "{{ 3 | telwoord }} <b>", &tera::Context::new());
        assert_eq!(out.unwrap(), "drie <b>");
        assert!(engines.of(Audience::Internal).annex().is_ok());
    }
}
