//! The HTML backend: one self-contained, accessible file per document. No
//! scripts and no external resources (the style sheet is inline, links only
//! leave the page when a reader follows them); `lang` from the document;
//! headings as written; tables with `<th scope>`; footnotes as a list with
//! links both ways; a withheld passage as an element whose accessible name
//! says "Weggelakt" and the ground, never the words (in a public document
//! there are none to say); annexes start a printed page (print CSS for A4).

use super::{Backend, BackendError, RenderContext, Rendered};
use crate::document::{Align, Block, Document, Inline, List, Role, Span, Table, plain};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Writes `.html` files.
pub struct Html;

impl Backend for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, BackendError> {
        let doc = ctx.doc()?;
        Ok(Rendered::bytes(write(doc).into_bytes()))
    }
}

const STYLE: &str = include_str!("html.css");

/// The document as one HTML file.
pub fn write(doc: &Document) -> String {
    let mut w = Writer { out: String::with_capacity(8192), notes: HashMap::new(), ids: HashMap::new() };
    // Footnotes are numbered in order of first reference.
    for b in doc.blocks() {
        w.number_notes(b);
    }
    let meta = &doc.meta;
    let lang = meta.language.split('-').next().unwrap_or("nl");
    w.out.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(w.out, "<html lang=\"{}\">", text(lang));
    w.out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    w.out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(w.out, "<title>{}</title>", text(&meta.title));
    let _ = writeln!(w.out, "<meta name=\"author\" content=\"{}\">", text(&meta.ministry));
    if let Some(s) = &meta.subject {
        let _ = writeln!(w.out, "<meta name=\"description\" content=\"{}\">", text(s));
    }
    if !meta.keywords.is_empty() {
        let _ = writeln!(w.out, "<meta name=\"keywords\" content=\"{}\">", text(&meta.keywords.join(", ")));
    }
    let _ = writeln!(w.out, "<meta name=\"dcterms.date\" content=\"{}\">", text(&meta.date().to_string()));
    let _ = writeln!(w.out, "<meta name=\"generator\" content=\"beantwoord\">");
    let _ = write!(w.out, "<style>\n{STYLE}");
    // Printed, the mark stands in the top margin of every page.
    if let Some(c) = meta.page_mark() {
        let _ = writeln!(
            w.out,
            "@media print {{ @page {{ @top-center {{ content: \"{}\"; color: #b00000; font: bold 8.5pt sans-serif; }} }} }}",
            css_string(&c)
        );
    }
    let _ = writeln!(w.out, "</style>\n</head>\n<body>");
    // Printed, on every page (a fixed element repeats on each).
    if let Some(c) = &meta.page_mark() {
        let _ = writeln!(w.out, "<p class=\"classificatie\">{}</p>", text(c));
    }
    match &meta.letter {
        Some(_) => letterhead(&mut w.out, meta),
        None => {
            w.out.push_str("<header class=\"briefhoofd\">\n");
            let _ = writeln!(w.out, "<p class=\"afzender\">{}</p>\n<dl>", text(&meta.ministry));
            for (label, value) in meta.letterhead() {
                let _ = writeln!(
                    w.out,
                    "<dt>{label}</dt><dd>{}</dd>",
                    text(&super::typography::keep_together(&value))
                );
            }
            w.out.push_str("</dl>\n</header>\n");
        }
    }
    w.out.push_str("<main>\n");
    for section in &doc.sections {
        if section.new_page {
            w.out.push_str("<section class=\"bijlage\">\n");
        }
        for b in &section.blocks {
            w.block(b);
        }
        if section.new_page {
            w.out.push_str("</section>\n");
        }
    }
    if let Some(l) = &meta.letter {
        // The closing, the room to sign, the name: printed together.
        w.out.push_str("<div class=\"handtekening\">\n");
        if let Some(c) = &l.closing {
            let _ = writeln!(w.out, "<p class=\"slot\">{}</p>", text(c));
        }
        if let Some(n) = &l.signatory {
            let _ = writeln!(w.out, "<p class=\"ondertekening\">{}</p>", text(n));
        }
        w.out.push_str("</div>\n");
    }
    w.out.push_str("</main>\n");
    w.footnotes(doc);
    w.out.push_str("</body>\n</html>\n");
    w.out
}

/// A letter's head in the Rijkshuisstijl: the logo area with the
/// wordmark, the return address and the addressee on the left with Datum
/// and Betreft under them, the sender column on the right. The subject is
/// the page's heading.
fn letterhead(out: &mut String, meta: &crate::document::Meta) {
    let Some(l) = &meta.letter else { return };
    out.push_str("<header class=\"brief\">\n");
    // The logo is decoration beside the wordmark that names the ministry
    // (empty alt text): inlined, so the page stands on its own.
    let logo = l.logo.as_ref().map_or(String::new(), |logo| {
        use base64::Engine as _;
        let data = base64::engine::general_purpose::STANDARD.encode(&logo.png);
        format!(
            "<img class=\"logo\" alt=\"\" width=\"{}\" height=\"{}\" src=\"data:image/png;base64,{data}\">",
            logo.width, logo.height
        )
    });
    let _ = writeln!(
        out,
        "<div class=\"beeldmerk\">{logo}<p class=\"woordmerk\">{}</p></div>",
        text(&meta.ministry)
    );
    out.push_str("<div class=\"briefkop\">\n<div class=\"adres\">\n");
    if let Some(r) = &l.return_address {
        let _ = writeln!(out, "<p class=\"retour\">&gt; Retouradres {}</p>", text(r));
    }
    let lines: Vec<String> = meta.addressee().iter().map(|a| text(a)).collect();
    let _ = writeln!(out, "<p class=\"geadresseerde\">{}</p>", lines.join("<br>"));
    out.push_str("<dl>\n");
    for (label, value) in meta.letter_rows() {
        // (A date holds together here as in the text.)
        let value = super::typography::keep_together(&value);
        let value = if label == "Betreft" {
            format!("<h1 class=\"betreft\">{}</h1>", text(&value))
        } else {
            text(&value)
        };
        let _ = writeln!(out, "<dt>{label}</dt><dd>{value}</dd>");
    }
    out.push_str("</dl>\n</div>\n<aside class=\"colofon\" aria-label=\"Afzender en kenmerken\">\n");
    for item in meta.colofon() {
        let mut lines: Vec<String> = item.lines.iter().map(|l| text(l)).collect();
        if item.strong {
            lines = lines.into_iter().map(|l| format!("<strong>{l}</strong>")).collect();
        }
        match item.label {
            Some(label) => {
                let _ = writeln!(out, "<p><span class=\"kop\">{label}</span><br>{}</p>", lines.join("<br>"));
            }
            None => {
                let _ = writeln!(out, "<p>{}</p>", lines.join("<br>"));
            }
        }
    }
    out.push_str("</aside>\n</div>\n</header>\n");
}

struct Writer {
    out: String,
    /// Footnote label → its number, in order of first reference.
    notes: HashMap<String, usize>,
    /// Heading ids handed out, to keep them unique.
    ids: HashMap<String, usize>,
}

impl Writer {
    fn number_notes(&mut self, b: &Block) {
        let mut labels = Vec::new();
        b.note_refs(&mut labels);
        for label in labels {
            let next = self.notes.len() + 1;
            self.notes.entry(label.to_string()).or_insert(next);
        }
    }

    /// A unique id for a heading, from its text.
    fn id(&mut self, spans: &[Span]) -> String {
        let base: String = plain::text(spans)
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .take(8)
            .collect::<Vec<_>>()
            .join("-");
        let base = if base.is_empty() { "kop".to_string() } else { base };
        let n = self.ids.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}-{n}") }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading(h) => {
                let level = h.level.clamp(1, 6);
                let id = self.id(&h.spans);
                let class = match h.role {
                    Role::Title => " class=\"titel\"",
                    Role::Question => " class=\"vraag\"",
                    Role::Answer => " class=\"antwoord\"",
                    Role::Annex => " class=\"bijlage\"",
                    Role::Letter => " class=\"document\"",
                    Role::Other => "",
                };
                let _ = write!(self.out, "<h{level} id=\"{id}\"{class}>");
                self.inline(&h.spans);
                let _ = writeln!(self.out, "</h{level}>");
            }
            Block::Paragraph(spans) => {
                self.out.push_str("<p>");
                self.inline(spans);
                self.out.push_str("</p>\n");
            }
            Block::Quote(inner) => {
                self.out.push_str("<blockquote>\n");
                inner.iter().for_each(|b| self.block(b));
                self.out.push_str("</blockquote>\n");
            }
            Block::List(l) => self.list(l),
            Block::Table(t) => self.table(t),
            Block::Rule => self.out.push_str("<hr>\n"),
        }
    }

    fn list(&mut self, l: &List) {
        match l.start {
            Some(1) => self.out.push_str("<ol>\n"),
            Some(n) => {
                let _ = writeln!(self.out, "<ol start=\"{n}\">");
            }
            None => self.out.push_str("<ul>\n"),
        }
        for item in &l.items {
            self.out.push_str("<li>");
            match item.as_slice() {
                [Block::Paragraph(spans)] if l.tight => self.inline(spans),
                blocks => blocks.iter().for_each(|b| self.block(b)),
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str(if l.start.is_some() { "</ol>\n" } else { "</ul>\n" });
    }

    fn table(&mut self, t: &Table) {
        let align = |i: usize| match t.aligns.get(i) {
            Some(Align::Right) => " class=\"rechts\"",
            Some(Align::Center) => " class=\"midden\"",
            _ => "",
        };
        if t.row_headers() {
            // A key–value table: each row's first cell heads its row.
            self.out.push_str("<table class=\"gegevens\">\n<tbody>\n");
            for row in &t.rows {
                self.out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
                    let _ = write!(self.out, "<{tag}{}>", align(i));
                    self.inline(cell);
                    let _ = write!(self.out, "</{}>", if i == 0 { "th" } else { "td" });
                }
                self.out.push_str("</tr>\n");
            }
            self.out.push_str("</tbody>\n</table>\n");
            return;
        }
        self.out.push_str("<table>\n<thead>\n<tr>");
        for (i, cell) in t.header.iter().enumerate() {
            let _ = write!(self.out, "<th scope=\"col\"{}>", align(i));
            self.inline(cell);
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr>\n</thead>\n<tbody>\n");
        for row in &t.rows {
            self.out.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                let _ = write!(self.out, "<td{}>", align(i));
                self.inline(cell);
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
    }

    fn inline(&mut self, spans: &[Span]) {
        for group in spans.chunk_by(|a, b| a.style.link == b.style.link) {
            match group[0].style.link.as_deref().filter(|u| safe_url(u)) {
                Some(url) => {
                    let _ = write!(self.out, "<a href=\"{}\">", text(url));
                    group.iter().for_each(|s| self.span(s));
                    self.out.push_str("</a>");
                }
                None => group.iter().for_each(|s| self.span(s)),
            }
        }
    }

    fn span(&mut self, s: &Span) {
        if s.style.strong {
            self.out.push_str("<strong>");
        }
        if s.style.emphasis {
            self.out.push_str("<em>");
        }
        match &s.inline {
            // No line break inside a date, between a number and its unit,
            // after "nr." (no-break spaces, as the PDF sets them).
            Inline::Text(t) | Inline::Html(t) => {
                self.out.push_str(&text(&super::typography::keep_together(t)));
            }
            Inline::Code(t) => {
                let _ = write!(self.out, "<code>{}</code>", text(t));
            }
            Inline::SoftBreak => self.out.push('\n'),
            Inline::LineBreak => self.out.push_str("<br>\n"),
            Inline::NoteRef(label) => {
                let n = self.notes.get(label).copied().unwrap_or(0);
                let _ = write!(
                    self.out,
                    "<sup class=\"noot\"><a href=\"#noot-{n}\" id=\"verwijzing-{n}\" aria-label=\"voetnoot {n}\">{n}</a></sup>"
                );
            }
            Inline::Redaction(r) => match &r.words {
                None => {
                    let _ = write!(
                        self.out,
                        "<span class=\"weggelakt\" role=\"img\" aria-label=\"{}\">{}</span>",
                        text(&r.spoken()),
                        text(r.ground.code())
                    );
                }
                Some(words) => {
                    let _ = write!(
                        self.out,
                        "<mark class=\"intern\" title=\"Weggelakt in de openbare versie: {}\">[{}: {}]</mark>",
                        text(r.ground.code()),
                        text(r.ground.code()),
                        text(words)
                    );
                }
            },
        }
        if s.style.emphasis {
            self.out.push_str("</em>");
        }
        if s.style.strong {
            self.out.push_str("</strong>");
        }
    }

    /// The footnotes in the order of their numbers, each with a link back.
    fn footnotes(&mut self, doc: &Document) {
        let mut numbered: Vec<(usize, String)> = self.notes.iter().map(|(l, n)| (*n, l.clone())).collect();
        numbered.sort_unstable();
        if numbered.is_empty() {
            return;
        }
        self.out.push_str("<footer>\n<h2 id=\"voetnoten\">Voetnoten</h2>\n<ol class=\"voetnoten\">\n");
        for (n, label) in numbered {
            let _ = write!(self.out, "<li id=\"noot-{n}\">");
            if let Some(note) = doc.note(&label) {
                match note.blocks.as_slice() {
                    [Block::Paragraph(spans)] => self.inline(spans),
                    blocks => blocks.iter().for_each(|b| self.block(b)),
                }
            }
            let _ = writeln!(
                self.out,
                " <a href=\"#verwijzing-{n}\" aria-label=\"terug naar de tekst\">↩</a></li>"
            );
        }
        self.out.push_str("</ol>\n</footer>\n");
    }
}

/// A link the page may hold: one that leaves it safely, or one within it.
fn safe_url(url: &str) -> bool {
    super::safe_url(url) || url.trim().starts_with('#')
}

/// Text content or an attribute value, escaped.
/// `s` for a CSS string: every character but letters, digits and spaces
/// as an escape, ended by the space CSS reads as its end (no quote,
/// backslash or `<` can end the string or the style element).
fn css_string(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' { c.to_string() } else { format!("\\{:06x} ", c as u32) }
        })
        .collect()
}

fn text(s: &str) -> String {
    super::xml::escape(s)
}

#[cfg(test)]
mod tests {
    use crate::answers::parse::parse;
    use crate::document::{Audience, Document, Section};

    fn html(md: &str, audience: Audience) -> String {
        let p = parse(md, audience).unwrap();
        let meta = crate::answers::front_matter::read(p.front_matter.as_deref(), audience).unwrap();
        let doc = Document {
            name: "t".into(),
            meta,
            sections: vec![Section { new_page: false, blocks: p.blocks }],
            notes: p.notes,
        };
        super::write(&doc)
    }

    const MD: &str = "---\ntitle: \"T <x>\"\nlang: nl-NL\ndossier: \"D\"\nsubmitted: \"2022-11-07\"\nauthor: \"M\"\n---\n\n# Titel\n\n## Vraag 1 {.vraag}\n\nBeste [[5.1.2e: Jan de Vries]], zie <https://x.nl> en [dit](javascript:alert(1)) <script>alert(1)</script>.[^a]\n\n| Nr. | Datum |\n| ---: | --- |\n| 1 | 9 maart 2021 |\n\n[^a]: De noot.\n";

    #[test]
    fn is_accessible_self_contained_and_withholds() {
        let out = html(MD, Audience::Public);
        assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assert!(out.contains("<title>T &lt;x&gt;</title>"));
        assert!(out.contains("<h2 id=\"vraag-1\" class=\"vraag\">Vraag 1</h2>"));
        assert!(
            out.contains("aria-label=\"Weggelakt: 5.1.2e (eerbiediging van de persoonlijke levenssfeer)\"")
        );
        assert!(!out.contains("Jan") && !out.contains("Vries"));
        assert!(out.contains("<th scope=\"col\" class=\"rechts\">Nr.</th>"));
        assert!(out.contains("<a href=\"#noot-1\" id=\"verwijzing-1\""));
        assert!(out.contains("<li id=\"noot-1\">De noot. <a href=\"#verwijzing-1\""));
        assert!(out.contains("<a href=\"https://x.nl\">"));
        assert!(!out.contains("<script") && !out.contains("javascript:\""), "no script, no script link");
        assert!(!out.contains("src=") && !out.contains("<link"), "nothing external");
        let internal = html(MD, Audience::Internal);
        assert!(internal.contains("<mark class=\"intern\""));
        assert!(internal.contains("Jan de Vries"));
    }
}
