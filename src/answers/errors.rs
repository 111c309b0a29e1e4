//! Template and marker problems as diagnostics at their own line: Tera's
//! errors read at the construct, with what that template can use.

use super::*;

/// A marker the rendered document holds malformed: the records' markers are
/// checked when loaded, so a template broke it (or wrote it). Pointed at the
/// template, with the dossier it was rendered for.
pub(super) fn redaction_error(
    template: &DocTemplate,
    errors: &[MarkerError],
    dossier: &Dossier,
) -> Diagnostic {
    // The marker's own words are not repeated: only what is wrong with it.
    let what: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    Diagnostic::error(
        crate::tr!("template-bad-marker", template = template.name, problems = what.join("; ")),
        template.text.span,
    )
    .label(crate::tr!("template-bad-marker-label"))
    .also(dossier.id.span, crate::tr!("template-rendered-for"))
    .hint(crate::tr!("template-bad-marker-hint"))
}

pub(super) fn meta_error(
    template: &DocTemplate,
    e: &front_matter::MetaError,
    dossier: &Dossier,
) -> Diagnostic {
    Diagnostic::error(
        crate::tr!("meta-error", template = template.name, problem = e.to_string()),
        dossier.id.span,
    )
    .label(crate::tr!("meta-error-label"))
    .also(template.text.span, crate::tr!("meta-error-made-by"))
    .hint(crate::tr!("meta-error-hint"))
}

/// A Tera error as diagnostics at the right line and column of the source:
/// a syntax or rendering error at its span, and each reference the checks
/// made when a template is added found missing (an unknown filter, test,
/// function, include or block) at its own span (`ErrorKind::References`,
/// typed in the vendored Tera: see `vendor/README.md`).
pub fn template_errors(e: &tera::Error, text: &Text, names: &[&str]) -> Vec<Diagnostic> {
    use std::error::Error as _;
    let mut found: Vec<(String, crate::source::Span)> = Vec::new();
    // A block left open or closed twice is told at its tag, not where the
    // text ends.
    let blocks = lint::unbalanced(&text.value);
    if matches!(e.kind(), tera::ErrorKind::SyntaxError(_)) && !blocks.is_empty() {
        for (range, message) in blocks {
            found.push((message, text.span_of(range.start, range.end)));
        }
        return found.into_iter().map(|(m, span)| template_diagnostic(m, span, names)).collect();
    }
    // A misspelt name is told at the name, with the one meant, not where
    // Tera met the undefined value it gave.
    if !names.is_empty() && matches!(e.kind(), tera::ErrorKind::RenderingError(_)) {
        let unknown = super::names::unknown(&text.value, names);
        if !unknown.is_empty() {
            return unknown
                .into_iter()
                .map(|u| {
                    Diagnostic::error(u.message, text.span_of(u.range.start, u.range.end))
                        .label(crate::tr!("template-label"))
                        .hint(u.hint)
                })
                .collect();
        }
    }
    let at = |r: &tera::ReportError| {
        let s = r.span();
        text.span_of_line_col(s.start_line, s.start_col, s.range.len())
    };
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let mut message = r.message().to_string();
            let mut source = e.source();
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            found.push((message, at(r)));
        }
        tera::ErrorKind::References(reports) => {
            // Each unknown filter, test or function at its name, with the
            // nearest known one.
            let mut out = Vec::new();
            for r in reports {
                let message = r.message();
                let named = |prefix: &str| message.strip_prefix(prefix).and_then(|m| m.split('`').next());
                let d = if let Some(name) = named("Unknown filter `") {
                    let (message, hint) = super::names::unknown_filter(name);
                    Diagnostic::error(message, at(r)).label(crate::tr!("template-label")).hint(hint)
                } else if let Some(name) = named("Unknown test `") {
                    Diagnostic::error(crate::tr!("template-unknown-test", name = name), at(r))
                        .label(crate::tr!("template-label"))
                        .hint(crate::tr!("template-tests"))
                } else if let Some(name) = named("Unknown function `") {
                    Diagnostic::error(crate::tr!("template-unknown-function", name = name), at(r))
                        .label(crate::tr!("template-label"))
                        .hint(crate::tr!("template-functions"))
                } else {
                    template_diagnostic(message.to_string(), at(r), names)
                };
                out.push(d);
            }
            return out;
        }
        other => found.push((other.to_string(), text.span)),
    }
    found.into_iter().map(|(m, span)| template_diagnostic(m, span, names)).collect()
}

/// One template problem, with a hint that names what this template can use:
/// the variables given to it (`names`), our filters and Tera's.
/// (A mistake of syntax or of a value gets no list of names: it is not
/// about a name.)
pub(super) fn template_diagnostic(message: String, span: crate::source::Span, names: &[&str]) -> Diagnostic {
    let variables = if names.is_empty() { "README.md".to_string() } else { names.join(", ") };
    let (said, about_names) = super::tera_words::said_about(&message);
    let hint = about_names.then(|| {
        crate::tr!(
            "template-can-use",
            variables = variables,
            ours = filters::OURS.join(", "),
            tera = super::names::TERA_FILTERS.join(", ")
        )
    });
    Diagnostic::error(crate::tr!("template-problem", message = said), span)
        .label(crate::tr!("template-problem-label"))
        .maybe_hint(hint)
}
