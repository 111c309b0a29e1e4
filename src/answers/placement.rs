//! The annex document: each annex rendered from `bijlage.md` in parallel,
//! and placed where the frame template says `{{ bijlagen }}`.

use super::*;

/// The annex document's frame, split where it says `{{ bijlagen }}`: what
/// comes before the annexes and what comes after them, each a template of
/// its own. The part after starts with as many line ends as the source had
/// before it, so a problem in it is told at its own line.
#[derive(Debug, PartialEq)]
pub(super) struct Frame {
    pub(super) before: String,
    pub(super) after: Option<String>,
}

/// How a frame places the annexes wrongly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FrameProblem {
    /// `{{ bijlagen }}` more than once.
    Twice,
    /// Not on a line of its own, or with a filter.
    InText,
    /// Inside `{% if %}`, `{% for %}`, ….
    InBlock,
    /// Not at all, while there are annexes.
    Missing,
}

impl FrameProblem {
    fn said(self) -> String {
        match self {
            FrameProblem::Twice => crate::tr!("frame-twice"),
            FrameProblem::InText => crate::tr!("frame-in-text"),
            FrameProblem::InBlock => crate::tr!("frame-in-block"),
            FrameProblem::Missing => crate::tr!("frame-missing"),
        }
    }
}

/// Splits the frame's `source` at `{{ bijlagen }}`. It must say so at most
/// once, on a line of its own, outside any block (the two parts are
/// rendered apart); what is wrong otherwise, for the diagnostic.
pub(super) fn split_frame(source: &str) -> Result<Frame, FrameProblem> {
    let places = expressions(source)
        .into_iter()
        .filter(|(_, inner)| {
            inner.split(|c: char| !c.is_alphanumeric() && c != '_').next() == Some("bijlagen")
        })
        .collect::<Vec<_>>();
    let (range, inner) = match places.as_slice() {
        [] => return Ok(Frame { before: source.to_string(), after: None }),
        [one] => one.clone(),
        _ => return Err(FrameProblem::Twice),
    };
    if inner != "bijlagen" {
        return Err(FrameProblem::InText);
    }
    let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[range.end..].find('\n').map_or(source.len(), |i| range.end + i);
    if !source[line_start..range.start].trim().is_empty() || !source[range.end..line_end].trim().is_empty() {
        return Err(FrameProblem::InText);
    }
    if lint::leaves_open(&source[..range.start]) {
        return Err(FrameProblem::InBlock);
    }
    let lines = source[..line_end].matches('\n').count();
    let mut after = "\n".repeat(lines);
    after.push_str(&source[line_end..]);
    Ok(Frame { before: source[..line_start].to_string(), after: Some(after) })
}

/// Every expression of a template (`{{ … }}`), with its byte range and
/// what it says (whitespace control and spaces trimmed); comments and
/// `raw` blocks left out.
fn expressions(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('{').map(|i| rest + i) {
        let (close, expression) = match text[open + 1..].chars().next() {
            Some('#') => ("#}", false),
            Some('%') => ("%}", false),
            Some('{') => ("}}", true),
            _ => {
                rest = open + 1;
                continue;
            }
        };
        let Some(end) = text[open + 2..].find(close).map(|i| open + 2 + i + 2) else { break };
        let inner = text[open + 2..end - 2].trim_matches(|c: char| c == '-' || c == '~' || c.is_whitespace());
        if expression {
            out.push((open..end, inner.to_string()));
            rest = end;
        } else if close == "%}" && inner.split_whitespace().next() == Some("raw") {
            rest = text[end..]
                .match_indices("{%")
                .find(|(i, _)| {
                    let tail = &text[end + i + 2..];
                    tail.trim_start_matches(|c: char| c == '-' || c.is_whitespace()).starts_with("endraw")
                })
                .and_then(|(i, _)| text[end + i..].find("%}").map(|j| end + i + j + 2))
                .unwrap_or(text.len());
        } else {
            rest = end;
        }
    }
    out
}

/// Parses a part of a document that may cite footnotes another part
/// defines (`defined`): it is told those labels exist (a stand-in
/// definition each, dropped again), so the citations stay citations.
pub(super) fn parse_part(
    text: &str,
    audience: Audience,
    defined: &[String],
) -> Result<parse::Parsed, Vec<MarkerError>> {
    let mut text = text.to_string();
    let borrowed: Vec<&String> = defined
        .iter()
        .filter(|l| text.contains(&format!("[^{l}]")) && !text.contains(&format!("[^{l}]:")))
        .collect();
    for label in &borrowed {
        text.push_str(&format!("\n[^{label}]: .\n"));
    }
    // A part never has front matter: one that starts with `---` is a rule.
    text.insert(0, '\n');
    let mut parsed = parse::parse(&text, audience)?;
    parsed.notes.retain(|n| !borrowed.contains(&&n.label));
    Ok(parsed)
}

/// One rendered annex: its section, the footnotes it defines itself, and
/// where each of its published Woo documents stands in the section's
/// blocks (by ID), when the template heads each document with
/// `{.document}`.
pub(super) type Annex = (Section, Vec<Note>, Option<Vec<(String, std::ops::Range<usize>)>>);

/// The blocks of each document of an annex: from its `{.document}` heading
/// to the next; `None` when the template does not head each document so.
/// Only the documents the public annex reproduces (not `niet openbaar`).
fn woo_documents(blocks: &[Block], annex: &annex::AnnexCtx) -> Option<Vec<(String, std::ops::Range<usize>)>> {
    let starts: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Heading(h) if h.role == Role::Letter))
        .map(|(i, _)| i)
        .collect();
    let ends = starts.iter().skip(1).copied().chain(std::iter::once(blocks.len()));
    let groups: Vec<std::ops::Range<usize>> = starts.iter().zip(ends).map(|(&s, e)| s..e).collect();
    (groups.len() == annex.documents.len()).then(|| {
        annex
            .documents
            .iter()
            .zip(groups)
            .filter(|(d, _)| d.published)
            .map(|(d, blocks)| (d.listed.id.clone(), blocks))
            .collect()
    })
}

/// Each annex rendered from `bijlage.md`, tidied and parsed for `audience`,
/// in parallel, in order: one section each, starting a page, its first
/// heading the annex's. A problem in the template is reported once, not once
/// per annex.
pub(super) fn render_annexes(
    template: &DocTemplate,
    engine: &Engine,
    annexes: &[annex::AnnexCtx],
    (dossier, sent): (&Dossier, Option<&Sent>),
    (audience, options): (Audience, Options),
    frame_notes: &[String],
    diags: &mut Diagnostics,
) -> Option<Vec<Annex>> {
    use rayon::prelude::*;
    if let Err(problems) = engine.annex() {
        problems.iter().for_each(|d| diags.push(d.clone()));
        return None;
    }
    let tera = engine.tera();
    let mut base = View::new(audience);
    base.insert("dossier", &context::dossier(dossier, sent));
    base.insert("internal", &(audience == Audience::Internal));
    let rendered: Vec<Result<Annex, Vec<Diagnostic>>> = annexes
        .par_iter()
        .map(|a| {
            let mut view = base.clone();
            view.insert("bijlage", a);
            let text = limits::render(tera, engine::ANNEX, view.context())
                .map_err(|e| template_errors(&e, &template.text, &view.names()))?;
            let parsed = parse_part(&tidy(&text), audience, frame_notes).map_err(|e| {
                if options.records_have_errors {
                    Vec::new()
                } else {
                    vec![redaction_error(template, &e, dossier)]
                }
            })?;
            if let Some(d) =
                footnote_twice(template, &format!("{}/bijlage {}", dossier.id.value, a.number), &parsed.notes)
            {
                return Err(vec![d]);
            }
            let mut blocks = parsed.blocks;
            let notes = parsed.notes;
            if let Some(Block::Heading(h)) = blocks.iter_mut().find(|b| matches!(b, Block::Heading(_))) {
                h.role = Role::Annex;
            }
            let documents = woo_documents(&blocks, a);
            Ok((Section { new_page: true, blocks }, notes, documents))
        })
        .collect();
    let mut out = Vec::with_capacity(rendered.len());
    let mut reported: Vec<String> = Vec::new();
    let mut failed = false;
    for r in rendered {
        match r {
            Ok(s) => out.push(s),
            Err(ds) => {
                failed = true;
                for d in ds {
                    if !reported.contains(&d.message) {
                        reported.push(d.message.clone());
                        diags.push(d);
                    }
                }
            }
        }
    }
    (!failed).then_some(out)
}

/// A footnote label defined more than once in one rendered part (an answer
/// document, or one annex with its letters), as an error at the template:
/// a citation could show either definition, a public one the footnote of a
/// withheld passage.
pub(super) fn footnote_twice<'n>(
    template: &DocTemplate,
    document: &str,
    notes: impl IntoIterator<Item = &'n Note>,
) -> Option<Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    let label = notes.into_iter().map(|n| n.label.as_str()).find(|l| !seen.insert(*l))?;
    Some(
        Diagnostic::error(
            crate::tr!("footnote-twice", document = document, label = label),
            template.text.span,
        )
        .label(crate::tr!("in-this-template"))
        .hint(crate::tr!("footnote-twice-hint")),
    )
}

/// The frame problem `how` as a diagnostic at the template.
pub(super) fn frame_error(template: &DocTemplate, how: FrameProblem) -> Diagnostic {
    Diagnostic::error(format!("{}: {}", template.name, how.said()), template.text.span)
        .label(crate::tr!("in-this-template"))
        .hint(crate::tr!("frame-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_is_split_where_it_places_the_annexes_and_keeps_its_line_numbers() {
        let frame = split_frame("# Bijlagen\n\n{{- bijlagen }}\nNa {{ x }}\n").unwrap();
        assert_eq!(frame.before, "# Bijlagen\n\n");
        assert_eq!(frame.after.as_deref(), Some("\n\n\nNa {{ x }}\n"));
        let none =
            split_frame("{# {{ bijlagen }} #}{% raw %}{{ bijlagen }}{% endraw %}{{ reports | bijlagen }}")
                .unwrap();
        assert_eq!(none.after, None);
    }

    #[test]
    fn a_frame_that_places_the_annexes_wrongly_says_how() {
        let how = |s: &str| split_frame(s).unwrap_err();
        assert_eq!(how("{{ bijlagen }}\n{{ bijlagen }}\n"), FrameProblem::Twice);
        assert_eq!(how("Zie {{ bijlagen }}\n"), FrameProblem::InText);
        assert_eq!(how("{{ bijlagen | upper }}\n"), FrameProblem::InText);
        assert_eq!(how("{% if x %}\n{{ bijlagen }}\n{% endif %}\n"), FrameProblem::InBlock);
    }
}
