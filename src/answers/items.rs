//! The answers grouped as the document shows them, and the footnotes they
//! cite, listed in the order they are first cited. The texts keep their
//! `[^id]` references: the typed document numbers them
//! ([`crate::document::Document::number_notes`]).

use super::*;

#[derive(Serialize)]
pub(super) struct QuestionCtx {
    pub(super) number: u32,
    pub(super) text: String,
}

#[derive(Serialize)]
pub(super) struct ItemCtx {
    pub(super) questions: Vec<QuestionCtx>,
    /// `10` or `10 en 11`.
    pub(super) label: String,
    pub(super) answer: String,
}

#[derive(Serialize)]
pub(super) struct FootnoteCtx {
    /// The label the answers cite it by (`archief`): a template defines it
    /// as `[^{{ f.id }}]: …`.
    pub(super) id: String,
    /// The number it will show.
    pub(super) number: usize,
    pub(super) text: String,
    pub(super) url: Option<String>,
}

/// The answers grouped as the document shows them (questions answered
/// together under one answer) and the footnotes they cite, in order of first
/// use.
pub(super) fn answer_items(
    dossier: &Dossier,
    answers: &BTreeMap<u32, String>,
    view: &View,
    keep: Option<&[u32]>,
    diags: &mut Diagnostics,
) -> (Vec<ItemCtx>, Vec<FootnoteCtx>) {
    let mut groups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for q in &dossier.questions {
        let owner = match &q.answer {
            Answer::Template(_) | Answer::Missing => q.number.value,
            Answer::With(w) => w.value,
        };
        groups.entry(owner).or_default().push(q.number.value);
    }
    let mut ordered: Vec<(u32, Vec<u32>)> = groups.into_iter().collect();
    ordered.sort_by_key(|(_, qs)| qs.iter().min().copied());
    let known = |id: &str| dossier.footnotes.iter().any(|f| f.id.value == id);
    let mut order: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    let mut cite = |text: &str| {
        for (_, id) in crate::model::validate::footnote_refs(text) {
            if !order.iter().any(|o| o == id) {
                order.push(id.to_string());
                if !known(id) {
                    unknown.push(id.to_string());
                }
            }
        }
    };
    let mut items = Vec::new();
    for (owner, mut numbers) in ordered {
        numbers.sort_unstable();
        if keep.is_some_and(|k| !numbers.first().is_some_and(|n| k.contains(n))) {
            continue;
        }
        let questions = numbers
            .iter()
            .filter_map(|n| dossier.questions.iter().find(|q| q.number.value == *n))
            .map(|q| {
                let text = tidy(&view.source(&q.text.value)).trim_end().to_string();
                cite(&text);
                QuestionCtx { number: q.number.value, text }
            })
            .collect();
        let answer = answers.get(&owner).cloned().unwrap_or_default();
        cite(&answer);
        let label = dutch::opsomming(&numbers.iter().map(u32::to_string).collect::<Vec<_>>());
        items.push(ItemCtx { questions, label, answer });
    }
    let written_in_dossier = |id: &str| {
        let needle = format!("[^{id}]");
        dossier.questions.iter().any(|q| {
            q.text.value.contains(&needle)
                || matches!(&q.answer, Answer::Template(t) if t.value.contains(&needle))
        })
    };
    for id in unknown.into_iter().filter(|id| !written_in_dossier(id)) {
        diags.push(
            Diagnostic::error(crate::tr!("footnote-undefined", id = id.as_str()), dossier.id.span)
                .label(crate::tr!("footnote-used-label"))
                .hint(crate::tr!("footnote-undefined-hint", id = id.as_str())),
        );
    }
    let footnotes = order
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let f = dossier.footnotes.iter().find(|f| &f.id.value == id)?;
            Some(FootnoteCtx {
                id: id.clone(),
                number: i + 1,
                text: inline(&view.source(&f.text.value)),
                url: f.url.clone(),
            })
        })
        .collect();
    (items, footnotes)
}
