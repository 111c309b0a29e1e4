//! Spans as plain text, for places that hold no styling: bookmarks, titles,
//! accessible names.

use super::{Inline, Span};

/// The text of `spans` without footnote marks; a withheld passage reads as
/// its public marker (`[5.1.2e]`) or, in an internal document, its words.
pub fn text(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match &s.inline {
            Inline::Text(t) | Inline::Code(t) | Inline::Html(t) => out.push_str(t),
            Inline::SoftBreak | Inline::LineBreak => out.push(' '),
            Inline::NoteRef(_) => {}
            Inline::Redaction(r) => match &r.words {
                Some(words) => out.push_str(words),
                None => {
                    out.push('[');
                    out.push_str(r.ground.code());
                    out.push(']');
                }
            },
        }
    }
    out
}
