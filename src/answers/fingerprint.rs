//! What a sent dossier's answers and annexes said, hashed, to compare a
//! later build with what was sent.

use super::*;

/// Each answer by its number (its first question), hashed with its
/// questions and the texts of the notes it cites: a change to any of them
/// is a change to what was sent.
pub(super) fn answer_fingerprints(items: &[ItemCtx], notes: &[FootnoteCtx]) -> Vec<(u32, String)> {
    items
        .iter()
        .filter_map(|item| {
            let number = item.questions.first()?.number;
            let mut text = String::new();
            for q in &item.questions {
                text.push_str(&q.text);
                text.push('\0');
            }
            text.push_str(&item.answer);
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
    }
}
