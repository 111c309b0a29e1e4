//! Diagnostics: every problem found in a run, shown as `file:line:col` with the
//! offending line, a caret and a hint (rendered by codespan-reporting).
//!
//! Withheld Woo passages (`[[5.1.2e: …]]`) are masked in every snippet, so the
//! tool's own messages never repeat withheld words.

use crate::redaction;
use crate::source::{FileId, Sources, Span};
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Which check found a problem: messages are shown in this order, so the
/// cause comes before what follows from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// A file that cannot be read or parsed (YAML, UTF-8, size).
    Syntax,
    /// A field: unknown, missing, of the wrong kind or form.
    #[default]
    Fields,
    /// Rules across records and dossiers (ids, dates, numbering, laws, locks).
    Records,
    /// Templates and what they render.
    Templates,
    /// Making and writing the files.
    Output,
}

/// One problem: what is wrong, where, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Where it is; `None` for a problem with no place in a file (a missing folder).
    pub span: Option<Span>,
    /// A file the problem concerns as a whole (e.g. "not UTF-8"), when there is no span.
    pub file: Option<FileId>,
    /// Short text under the caret: what was expected there.
    pub label: String,
    pub hint: Option<String>,
    /// Other places that explain the problem (the first of two duplicates).
    pub also: Vec<(Span, String)>,
    /// Lines that say more, one fact each (what a sent answer's change is).
    pub notes: Vec<String>,
    pub stage: Stage,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: Some(span),
            file: Some(span.file),
            label: String::new(),
            hint: None,
            also: Vec::new(),
            notes: Vec::new(),
            stage: Stage::Fields,
        }
    }

    pub fn warning(message: impl Into<String>, span: Span) -> Self {
        Self::error(message, span).as_warning()
    }

    /// A problem with a whole file or with no file at all.
    pub fn general(message: impl Into<String>, file: Option<FileId>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            file,
            label: String::new(),
            hint: None,
            also: Vec::new(),
            notes: Vec::new(),
            stage: Stage::Fields,
        }
    }

    /// Says which check found it (a syntax error is told first).
    pub fn at_stage(mut self, stage: Stage) -> Self {
        self.stage = stage;
        self
    }

    /// The same problem, but only a warning: it does not fail the run.
    pub fn as_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Points at a second place, e.g. where a duplicate was first defined.
    pub fn also(mut self, span: Span, label: impl Into<String>) -> Self {
        self.also.push((span, label.into()));
        self
    }

    /// Adds a line that says more.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn maybe_hint(self, hint: Option<String>) -> Self {
        match hint {
            Some(h) => self.hint(h),
            None => self,
        }
    }
}

/// The problems of one run, in the order found; sorted by place when shown.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Adds the problems of `other` that are not told already (the same
    /// message at the same place).
    pub fn extend_new(&mut self, other: Diagnostics) {
        for d in other.items {
            if !self.items.iter().any(|x| x.message == d.message && x.span == d.span) {
                self.items.push(d);
            }
        }
    }

    /// Marks the problems found since `from` (a count) as found by `stage`,
    /// unless an earlier stage already claimed them.
    pub fn stage_from(&mut self, from: usize, stage: Stage) {
        for d in self.items.iter_mut().skip(from) {
            if d.stage == Stage::Fields {
                d.stage = stage;
            }
        }
    }

    /// How many problems so far (to mark the next ones' stage).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The errors alone (`true`) or the warnings alone (`false`).
    pub fn only_errors(&self, errors: bool) -> Diagnostics {
        let items =
            self.items.iter().filter(|d| (d.severity == Severity::Error) == errors).cloned().collect();
        Diagnostics { items }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// Sorted by file name, then place, then message: the same input always
    /// reports the same problems in the same order.
    pub fn sorted(&self, sources: &Sources) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        let key = |d: &Diagnostic| {
            let name = d.file.map(|f| sources.get(f).name.clone()).unwrap_or_default();
            (d.stage, name, d.span.map(|s| s.start), d.message.clone())
        };
        v.sort_by_key(|d| key(d));
        v.dedup();
        v
    }

    /// Every problem as the compiler shows it, as `beantwoord check` prints them; marker words and every
    /// `withheld` passage wherever it stands are masked, in the snippets and
    /// in the messages alike.
    pub fn render(&self, sources: &Sources, withheld: &crate::withheld::Withheld) -> String {
        // Only the files a problem points into are shown, so only those are
        // masked: masking every file (the 19 MB of a 10,000-report register)
        // for one warning took longer than some builds.
        let shown: std::collections::BTreeSet<usize> = self
            .items
            .iter()
            .flat_map(|d| d.span.iter().chain(d.also.iter().map(|(s, _)| s)))
            .map(|s| s.file.0)
            .collect();
        let texts: Vec<String> = {
            use rayon::prelude::*;
            let all: Vec<_> = sources.iter().collect();
            all.into_par_iter()
                .map(|(id, f)| match shown.contains(&id.0) {
                    true => crate::personal::mask(&withheld.mask(&redaction::mask(&f.text))),
                    false => String::new(),
                })
                .collect()
        };
        let mut files = SimpleFiles::new();
        let ids: Vec<usize> =
            sources.iter().zip(texts).map(|((_, f), text)| files.add(f.name.clone(), text)).collect();
        let config = term::Config::default();
        let mut out = String::new();
        for d in self.sorted(sources) {
            let mut report = match d.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            }
            .with_message(&d.message);
            let mut notes = Vec::new();
            match (d.span, d.file) {
                (Some(span), _) => {
                    let mut labels =
                        vec![Label::primary(ids[span.file.0], span.start..span.end).with_message(&d.label)];
                    labels.extend(
                        d.also
                            .iter()
                            .map(|(s, l)| Label::secondary(ids[s.file.0], s.start..s.end).with_message(l)),
                    );
                    report = report.with_labels(labels);
                }
                (None, Some(file)) => {
                    notes.push(crate::tr!("diag-in-file", file = &sources.get(file).name));
                }
                (None, None) => {}
            }
            notes.extend(d.notes.iter().cloned());
            if let Some(h) = &d.hint {
                notes.push(crate::tr!("diag-hint", hint = h));
            }
            if !notes.is_empty() {
                report = report.with_notes(notes);
            }
            match term::emit_into_string(&config, &files, &report) {
                Ok(s) => out.push_str(&severity_in_language(&s, d.severity)),
                Err(_) => {
                    out.push_str(&crate::tr!("error-line", message = &d.message));
                    out.push('\n');
                }
            }
        }
        crate::personal::mask(&withheld.mask(&out))
    }
}

/// `rendered` (one diagnostic as codespan writes it, `error: …` on its
/// first line) with the severity in the current language.
fn severity_in_language(rendered: &str, severity: Severity) -> String {
    let (english, key) = match severity {
        Severity::Error => ("error", "severity-error"),
        Severity::Warning => ("warning", "severity-warning"),
    };
    match rendered.strip_prefix(english) {
        Some(rest) => format!("{}{rest}", crate::i18n::message(key, &[])),
        None => rendered.to_string(),
    }
}

/// The candidate closest to `word`, if it is close enough to be a typo.
pub fn nearest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
