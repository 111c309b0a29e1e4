//! The annex document: each annex rendered from `bijlage.md` in parallel,
//! and placed where the frame template says `{{ bijlagen }}`.

use super::*;

/// Stands in the annex document's frame for the annexes until they are
/// placed; U+FFFF is not a character that YAML or a template can carry.
pub(super) const ANNEXES_GO_HERE: &str = "\u{FFFF}bijlagen\u{FFFF}";

/// One rendered annex: its section, and the footnotes it defines itself.
pub(super) type Annex = (Section, Vec<Note>);

/// Each annex rendered from `bijlage.md`, tidied and parsed for `audience`,
/// in parallel, in order: one section each, starting a page, its first
/// heading the annex's. A problem in the template is reported once, not once
/// per annex.
pub(super) fn render_annexes(
    template: &DocTemplate,
    engine: &Engine,
    annexes: &[annex::AnnexCtx],
    dossier: &Dossier,
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
    base.insert("dossier", &context::dossier(dossier));
    base.insert("internal", &(audience == Audience::Internal));
    let rendered: Vec<Result<Annex, Vec<Diagnostic>>> = annexes
        .par_iter()
        .map(|a| {
            let mut view = base.clone();
            view.insert("bijlage", a);
            let text = limits::render(tera, engine::ANNEX, view.context())
                .map_err(|e| template_errors(&e, &template.text, &view.names()))?;
            // A footnote the frame defines may be cited in an annex: the
            // annex is parsed on its own, so it is told the label exists (a
            // stand-in definition, dropped again).
            let mut text = tidy(&text);
            let borrowed: Vec<&String> = frame_notes
                .iter()
                .filter(|l| text.contains(&format!("[^{l}]")) && !text.contains(&format!("[^{l}]:")))
                .collect();
            for label in &borrowed {
                text.push_str(&format!("\n[^{label}]: .\n"));
            }
            let parsed = parse::parse(&text, audience).map_err(|e| {
                if options.records_have_errors {
                    Vec::new()
                } else {
                    vec![redaction_error(template, &e, dossier)]
                }
            })?;
            let mut blocks = parsed.blocks;
            let notes: Vec<Note> =
                parsed.notes.into_iter().filter(|n| !borrowed.contains(&&n.label)).collect();
            if let Some(Block::Heading(h)) = blocks.iter_mut().find(|b| matches!(b, Block::Heading(_))) {
                h.role = Role::Annex;
            }
            Ok((Section { new_page: true, blocks }, notes))
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

/// The frame's blocks with the annexes where it says `{{ bijlagen }}`: what
/// comes before, each annex, what comes after. A frame that does not say so
/// once, on a line of its own, is an error.
pub(super) fn place_annexes(
    frame: Vec<Block>,
    written: usize,
    annexes: Vec<Section>,
    template: &DocTemplate,
    diags: &mut Diagnostics,
) -> Option<Vec<Section>> {
    let is_place = |b: &Block| matches!(b, Block::Paragraph(spans) if matches!(spans.as_slice(), [s] if s.inline == Inline::Text(ANNEXES_GO_HERE.to_string())));
    let alone = frame.iter().filter(|b| is_place(b)).count();
    let problem = match written {
        0 if annexes.is_empty() => None,
        0 => Some("does not place the annexes"),
        1 if alone == 1 => None,
        1 => Some("places the annexes inside other text"),
        _ => Some("places the annexes more than once"),
    };
    if let Some(how) = problem {
        diags.push(
            Diagnostic::error(format!("{}: {how}", template.name), template.text.span)
                .label("in this template")
                .hint("write `{{ bijlagen }}` once, on a line of its own, where the annexes go"),
        );
        return None;
    }
    let mut before = frame;
    let after = match before.iter().position(is_place) {
        Some(i) => before.split_off(i).into_iter().skip(1).collect(),
        None => Vec::new(),
    };
    let mut sections = vec![Section { new_page: false, blocks: before }];
    sections.extend(annexes);
    if !after.is_empty() {
        sections.push(Section { new_page: false, blocks: after });
    }
    Some(sections)
}
