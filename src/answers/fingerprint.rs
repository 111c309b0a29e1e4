//! What a sent dossier's answers and annexes said, hashed, to compare a
//! later build with what was sent.

use super::*;

/// Each answer by its number (its first question), hashed with its
/// questions and the texts of the notes it cites: a change to any of them
/// is a change to what was sent. The texts are hashed with their notes
/// cited by number (`[^1]`), the form locks have always held.
pub(super) fn answer_fingerprints(items: &[ItemCtx], notes: &[FootnoteCtx]) -> Vec<(u32, String)> {
    items
        .iter()
        .filter_map(|item| {
            let number = item.questions.first()?.number;
            let mut text = String::new();
            for q in &item.questions {
                text.push_str(&by_number(&q.text, notes));
                text.push('\0');
            }
            text.push_str(&by_number(&item.answer, notes));
            let cited: Vec<&FootnoteCtx> =
                notes.iter().filter(|n| text.contains(&format!("[^{}]", n.number))).collect();
            for n in cited {
                text.push('\0');
                text.push_str(&n.text);
                text.push_str(n.url.as_deref().unwrap_or(""));
            }
            Some((number, crate::digest::sha256_hex(text.as_bytes())))
        })
        .collect()
}

/// An annex as the lock records it: its number, its documents' numbers and
/// the hash of everything it shows (public: no withheld word is hashed).
pub(super) fn annex_fingerprint(a: &annex::AnnexCtx) -> SentAnnex {
    let json = serde_json::to_string(a).unwrap_or_default();
    SentAnnex {
        report: a.id.clone(),
        number: a.number as u32,
        documents: a.documents.iter().map(|d| d.listed.number as u32).collect(),
        hash: crate::digest::sha256_hex(json.as_bytes()),
        ids: a.documents.iter().map(|d| d.listed.id.clone()).collect(),
        digests: a
            .documents
            .iter()
            .map(|d| crate::digest::sha256_hex(serde_json::to_string(d).unwrap_or_default().as_bytes()))
            .collect(),
    }
}

/// `text` with each cited note's label replaced by its number.
fn by_number(text: &str, notes: &[FootnoteCtx]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    for (start, id) in crate::model::validate::footnote_refs(text) {
        out.push_str(&text[rest..start]);
        match notes.iter().find(|n| n.id == id) {
            Some(n) => out.push_str(&format!("[^{}]", n.number)),
            None => out.push_str(&format!("[^{id}]")),
        }
        rest = start + id.len() + 3;
    }
    out.push_str(&text[rest..]);
    out
}
