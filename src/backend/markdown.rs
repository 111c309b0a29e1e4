//! The Markdown backend: a document written back as CommonMark with pandoc
//! front matter. Text is escaped as the answers stage escapes plain fields,
//! so a document built from the bundled templates reads as they wrote it.
//! A withheld passage is `[5.1.2e]` in public documents and
//! `[[5.1.2e: words]]` in internal ones.

use super::{Backend, BackendError, RenderContext, Rendered};
use crate::document::markdown::{escape, yaml_string};
use crate::document::{Align, Block, Document, Inline, List, Meta, MetaValue, Span, Style, Table};

/// Writes `.md` files.
pub struct Markdown;

impl Backend for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, BackendError> {
        let doc = ctx.doc()?;
        Ok(Rendered::bytes(write(doc).into_bytes()))
    }
}

/// The document as Markdown.
pub fn write(doc: &Document) -> String {
    let mut out = String::with_capacity(4096);
    front_matter(&doc.meta, &mut out);
    let mut parts: Vec<String> = doc.blocks().map(block).collect();
    // A letter's closing and signatory end its text, as it is signed.
    if let Some(l) = &doc.meta.letter {
        parts.extend(l.closing.iter().chain(&l.signatory).map(|s| escape(s)));
    }
    parts.extend(doc.notes.iter().map(|n| {
        let body = blocks(&n.blocks);
        format!("[^{}]: {}", n.label, indent(&body, "    "))
    }));
    if !parts.is_empty() {
        out.push('\n');
        out.push_str(&parts.join("\n\n"));
        out.push('\n');
    }
    out
}

fn front_matter(meta: &Meta, out: &mut String) {
    out.push_str("---\n");
    let mut field = |key: &str, value: String| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&value);
        out.push('\n');
    };
    let quoted = |s: &str| yaml_string(&escape(s));
    field("title", quoted(&meta.title));
    if let Some(s) = &meta.subject {
        field("subtitle", quoted(s));
    }
    let bare = meta.language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    field("lang", if bare { meta.language.clone() } else { yaml_string(&meta.language) });
    if let Some(c) = &meta.classification {
        field("classification", quoted(c));
    }
    field("dossier", quoted(&meta.dossier));
    if let Some(d) = &meta.question_document {
        field("kamervraag", quoted(d));
    }
    if let Some(d) = &meta.answer_document {
        field("kamerantwoord", quoted(d));
    }
    if let Some(d) = meta.submitted {
        field("submitted", yaml_string(&d.to_string()));
    }
    if let Some(d) = meta.answered {
        field("date", yaml_string(&d.to_string()));
    }
    field("author", quoted(&meta.ministry));
    if let Some(s) = &meta.submitter {
        field("submitter", quoted(s));
    }
    if let Some(s) = &meta.answerer {
        field("answerer", quoted(s));
    }
    for (key, value) in [
        ("recipient", &meta.recipient),
        ("your_reference", &meta.your_reference),
        ("our_reference", &meta.our_reference),
    ] {
        if let Some(v) = value {
            field(key, quoted(v));
        }
    }
    if let Some(l) = &meta.letter {
        let lines = |v: &[String]| list(&v.iter().map(|s| quoted(s)).collect::<Vec<_>>());
        for (key, value) in [
            ("recipient_address", &l.recipient_address),
            ("sender_unit", &l.unit),
            ("visiting_address", &l.visiting_address),
            ("postal_address", &l.postal_address),
        ] {
            if !value.is_empty() {
                field(key, lines(value));
            }
        }
        for (key, value) in [
            ("return_address", &l.return_address),
            ("website", &l.website),
            ("enclosures", &l.enclosures),
            ("closing", &l.closing),
            ("signatory", &l.signatory),
        ] {
            if let Some(v) = value {
                field(key, quoted(v));
            }
        }
    }
    field("keywords", list(&meta.keywords.iter().map(|k| quoted(k)).collect::<Vec<_>>()));
    for (key, value) in &meta.extra {
        let value = match value {
            MetaValue::Text(s) => yaml_string(s),
            MetaValue::List(items) => list(&items.iter().map(|s| yaml_string(s)).collect::<Vec<_>>()),
        };
        field(key, value);
    }
    out.push_str("---\n");
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

fn blocks(blocks: &[Block]) -> String {
    blocks.iter().map(block).collect::<Vec<_>>().join("\n\n")
}

fn block(b: &Block) -> String {
    match b {
        Block::Heading(h) => format!("{} {}", "#".repeat(usize::from(h.level)), inline(&h.spans)),
        Block::Paragraph(spans) => inline(spans),
        Block::Quote(inner) => blocks(inner)
            .lines()
            .map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::List(l) => list_block(l),
        Block::Table(t) => table(t),
        Block::Rule => "---".to_string(),
    }
}

fn list_block(l: &List) -> String {
    let items: Vec<String> = l
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let marker = match l.start {
                Some(n) => format!("{}. ", n + i as u64),
                None => "- ".to_string(),
            };
            let pad = " ".repeat(marker.chars().count());
            format!("{marker}{}", indent(&blocks(item), &pad))
        })
        .collect();
    items.join(if l.tight { "\n" } else { "\n\n" })
}

/// Every line after the first indented by `pad` (blank lines stay blank).
fn indent(text: &str, pad: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(pad);
            }
        }
        out.push_str(line);
    }
    out
}

fn table(t: &Table) -> String {
    let row = |cells: &[Vec<Span>]| {
        let cells: Vec<String> = cells.iter().map(|c| inline(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    let rule: Vec<&str> = t
        .aligns
        .iter()
        .map(|a| match a {
            Align::None => "---",
            Align::Left => ":---",
            Align::Center => ":---:",
            Align::Right => "---:",
        })
        .collect();
    let mut lines = vec![row(&t.header), format!("| {} |", rule.join(" | "))];
    lines.extend(t.rows.iter().map(|r| row(r)));
    lines.join("\n")
}

/// Inline content: styles opened and closed around runs, links as
/// `<url>` when they show their own address.
fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    for group in spans.chunk_by(|a, b| a.style.link == b.style.link) {
        match group[0].style.link.as_deref() {
            // A link that may not leave the document (`javascript:`…) is its text.
            Some(url) if !safe_url(url) => styled(group, &mut out),
            Some(url) if is_autolink(group, url) => {
                out.push('<');
                out.push_str(url);
                out.push('>');
            }
            Some(url) => {
                out.push('[');
                styled(group, &mut out);
                out.push_str("](");
                out.push_str(url);
                out.push(')');
            }
            None => styled(group, &mut out),
        }
    }
    out
}

/// The links every format makes ([`super::safe_url`]), and links within
/// the document (`#…`).
fn safe_url(url: &str) -> bool {
    super::safe_url(url) || url.trim().starts_with('#')
}

fn is_autolink(group: &[Span], url: &str) -> bool {
    matches!(group, [Span { inline: Inline::Text(t), style: Style { strong: false, emphasis: false, .. } }] if t == url || url.strip_prefix("mailto:") == Some(t))
}

/// Spans of one link (or none), with emphasis and strong delimiters.
fn styled(spans: &[Span], out: &mut String) {
    let (mut strong, mut emphasis) = (false, false);
    let mut line_start = out.is_empty() || out.ends_with('\n');
    for s in spans {
        if emphasis && !s.style.emphasis {
            out.push('*');
            emphasis = false;
        }
        if strong && !s.style.strong {
            out.push_str("**");
            strong = false;
        }
        if s.style.strong && !strong {
            out.push_str("**");
            strong = true;
        }
        if s.style.emphasis && !emphasis {
            out.push('*');
            emphasis = true;
        }
        match &s.inline {
            Inline::Text(t) => {
                text(t, line_start, out);
            }
            Inline::Code(t) => {
                let longest = t.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                let fence = "`".repeat(longest + 1);
                let pad = if t.starts_with('`') || t.ends_with('`') { " " } else { "" };
                out.push_str(&format!("{fence}{pad}{t}{pad}{fence}"));
            }
            // Raw HTML is shown as the text it is, as in the HTML
            // backend: never a tag in the published Markdown. Line by line,
            // so that no line of it begins a block.
            Inline::Html(t) => {
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    text(part, line_start || i > 0, out);
                }
            }
            Inline::SoftBreak => out.push('\n'),
            Inline::LineBreak => out.push_str("\\\n"),
            Inline::NoteRef(label) => out.push_str(&format!("[^{label}]")),
            Inline::Redaction(r) => out.push_str(&r.marker()),
        }
        line_start = out.ends_with('\n');
    }
    if emphasis {
        out.push('*');
    }
    if strong {
        out.push_str("**");
    }
}

/// Text escaped; at the start of a line, what would begin a block (`- `,
/// `1. `, `+ `, `=`) is escaped too.
fn text(t: &str, line_start: bool, out: &mut String) {
    let escaped = escape(t);
    if line_start {
        let digits = escaped.chars().take_while(char::is_ascii_digit).count();
        let after = &escaped[digits..];
        let starts_block = match after.chars().next() {
            Some('-' | '+') if digits == 0 => after[1..].is_empty() || after[1..].starts_with(' '),
            Some('=') if digits == 0 => true,
            Some('.' | ')') if digits > 0 => after[1..].is_empty() || after[1..].starts_with(' '),
            _ => false,
        };
        if starts_block {
            out.push_str(&escaped[..digits]);
            out.push('\\');
            out.push_str(after);
            return;
        }
    }
    out.push_str(&escaped);
}

#[cfg(test)]
mod tests {
    use crate::answers::parse::parse;
    use crate::document::{Audience, Section};

    /// Parses `md` as the answers stage does and writes it back.
    fn round_trip(md: &str) -> String {
        let p = parse(md, Audience::Public).unwrap();
        let doc = crate::document::Document {
            name: "t".into(),
            meta: crate::answers::front_matter::read(p.front_matter.as_deref(), Audience::Public).unwrap(),
            sections: vec![Section { new_page: false, blocks: p.blocks }],
            notes: p.notes,
        };
        super::write(&doc)
    }

    #[test]
    fn writes_back_what_the_templates_write() {
        let md = "---\ntitle: \"T\"\nlang: nl-NL\ndossier: \"D\"\nsubmitted: \"2022-11-07\"\nauthor: \"M\"\nkeywords: [\"a\"]\n---\n\n# Titel\n\nEen *schuine* en **vette** regel\nmet een harde\\\nbreuk en \\*sterren\\* en [link](https://x.nl) <https://y.nl>.[^1]\n\n- een\n- twee\n\n1. eerste\n\n2. tweede\n\n> Geachte [[5.1.2e: Jan]],\n>\n> Groet.\n\n| Nr. | Datum |\n| ---: | --- |\n| 1 | 9 maart 2021 |\n|  | x |\n\n\\- geen lijst, 2021\\. geen lijst\n\n[^1]: Noot <https://z.nl>.\n";
        let expected = md
            .replace("[[5.1.2e: Jan]]", "[5.1.2e]")
            .replace("\\- geen lijst, 2021\\.", "\\- geen lijst, 2021.");
        assert_eq!(round_trip(md), expected);
    }

    #[test]
    fn raw_html_and_script_links_are_text() {
        let md = "---\ntitle: \"T\"\nlang: nl-NL\ndossier: \"D\"\nsubmitted: \"2022-11-07\"\nauthor: \"M\"\n---\n\nZie <b onclick=\"x()\">dit</b> en [klik](javascript:alert(1)) en <javascript:alert(2)> en [hier](https://x.nl).\n\n<script>alert(1)</script>\n<iframe src=\"https://evil\"></iframe>\n- geen lijst\n\n> <img src=x onerror=alert(1)>\n";
        let out = round_trip(md);
        let body = out.split("\n---\n").nth(1).unwrap();
        let unescaped = body.replace("\\<", "");
        for raw in ["<b", "</b>", "<script", "<iframe", "<img", "](javascript:", "<javascript:"] {
            assert!(!unescaped.contains(raw), "{raw} in {body}");
        }
        assert!(body.contains("[hier](https://x.nl)"), "{body}");
        // Read again, the Markdown holds no HTML and no script link at all.
        let again = parse(&out, Audience::Public).unwrap();
        let mut events = String::new();
        for b in &again.blocks {
            events.push_str(&format!("{b:?}"));
        }
        assert!(!events.contains("Html("), "{events}");
        assert!(!events.contains("javascript:alert(1)\")"), "{events}");
        assert!(events.contains("<script>alert(1)</script>"), "the tag is shown as text: {events}");
    }
}
