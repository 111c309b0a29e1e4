//! Reads the Kamer's XML of a question set (officielebekendmakingen.nl,
//! kv-tk-… for the questions, ah-tk-… for the published answers) into a
//! [`QuestionSet`], for `beantwoord new --from`. The element names are the
//! ones public parsers of these files read (`kamervragen`,
//! `kamervraagomschrijving`, `vraag`/`antwoord` with `nr` and `al`, `noot`);
//! elements it does not know are read for their text or left out.

use crate::diag::Diagnostic;
use crate::model::kamer::{Answerer, Footnote, Member, Part, Piece, QuestionSet};
use crate::source::{FileId, Span};
use chrono::NaiveDate;
use roxmltree::{Document, Node, ParsingOptions};

/// At most this many XML nodes (a question set has a few hundred).
const NODES_LIMIT: u32 = 200_000;

/// Elements nest at most this deep (a Kamer file nests some ten levels;
/// the XML reader recurses per level, so a deeper file is refused first).
const MAX_NESTING: usize = 256;

/// The byte offset where elements first nest deeper than [`MAX_NESTING`],
/// found by counting tags (comments, declarations and CDATA aside).
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off;
        let end = bytes[start..].iter().position(|&b| b == b'>').map_or(bytes.len(), |e| start + e);
        match bytes.get(start + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'!' | b'?') => {}
            _ if end > 0 && bytes.get(end - 1) == Some(&b'/') => {}
            _ => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(start);
                }
            }
        }
        i = (end + 1).min(bytes.len());
        if i >= bytes.len() {
            break;
        }
    }
    None
}

/// The byte offset of the first entity declaration (`<!ENTITY`) after a
/// document type declaration: the only place one is read.
fn entity_declaration(text: &str) -> Option<usize> {
    let doctype = text.find("<!DOCTYPE")?;
    text[doctype..].find("<!ENTITY").map(|i| doctype + i)
}

/// The XML parser's reason in the current language, for the reasons a
/// file that is not the Kamer's meets; others as the parser gives them
/// (the place is shown beside the message).
fn xml_reason(e: &roxmltree::Error) -> String {
    use roxmltree::Error as E;
    match e {
        E::UnknownToken(_) => crate::tr!("xml-unknown-token"),
        E::NoRootNode => crate::tr!("xml-no-root"),
        E::UnclosedRootNode | E::UnexpectedEndOfStream => crate::tr!("xml-unclosed"),
        E::UnexpectedCloseTag(expected, found, _) => {
            crate::tr!("xml-close-tag", expected = expected.as_str(), found = found.as_str())
        }
        E::DuplicatedAttribute(name, _) => crate::tr!("xml-attribute-twice", name = name.as_str()),
        E::UnknownEntityReference(name, _) => crate::tr!("xml-unknown-entity", name = name.as_str()),
        E::NodesLimitReached => crate::tr!("xml-too-large"),
        other => other.to_string(),
    }
}

/// Reads `text` (the file `file`); every problem becomes a diagnostic.
pub fn read(text: &str, file: FileId) -> Result<(QuestionSet, Vec<Diagnostic>), Vec<Diagnostic>> {
    if let Some(at) = too_deep(text) {
        return Err(vec![
            Diagnostic::error(
                crate::tr!("kamer-too-deep", levels = MAX_NESTING),
                Span::new(file, at, at + 1),
            )
            .label(crate::tr!("kamer-too-deep-label"))
            .hint(crate::tr!("kamer-too-deep-hint")),
        ]);
    }
    if let Some(at) = entity_declaration(text) {
        return Err(vec![
            Diagnostic::error(crate::tr!("kamer-entities"), Span::new(file, at, at + "<!ENTITY".len()))
                .label(crate::tr!("kamer-entities-label"))
                .hint(crate::tr!("kamer-entities-hint")),
        ]);
    }
    // A document type is allowed (the Kamer's files may name theirs), but
    // one that declares entities is refused above: expanding them (a
    // "billion laughs") takes time and memory without bound.
    let options = ParsingOptions { allow_dtd: true, nodes_limit: NODES_LIMIT };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let offset = offset_of(text, pos.row as usize, pos.col as usize);
        vec![
            Diagnostic::error(
                crate::tr!("kamer-not-xml", reason = xml_reason(&e)),
                Span::new(file, offset, offset + 1),
            )
            .label(crate::tr!("kamer-here"))
            .hint(crate::tr!("kamer-not-xml-hint")),
        ]
    })?;
    let root = doc.root_element();
    let span = |n: Node| Span::new(file, n.range().start, n.range().start + 1 + n.tag_name().name().len());
    let Some(kv) = root.descendants().find(|n| n.has_tag_name("kamervragen")) else {
        return Err(vec![
            Diagnostic::error(crate::tr!("kamer-no-kamervragen", root = root.tag_name().name()), span(root))
                .label(crate::tr!("kamer-root-label"))
                .hint(crate::tr!("kamer-no-kamervragen-hint")),
        ]);
    };
    let mut set = QuestionSet::default();
    metadata(root, &mut set);
    let mut notes = Notes::default();
    let mut warnings = Vec::new();
    parts(kv, &mut set, &mut notes, &mut warnings, &span);
    set.footnotes = notes.list;
    let mut problems = Vec::new();
    if set.questions.is_empty() {
        problems.push(
            Diagnostic::error(crate::tr!("kamer-no-questions"), span(kv))
                .label(crate::tr!("kamer-no-questions-label"))
                .hint(crate::tr!("kamer-no-questions-hint")),
        );
    }
    for (what, parts) in [("vraag", &set.questions), ("antwoord", &set.answers)] {
        if parts.iter().any(|p| p.numbers.is_empty()) {
            problems.push(
                Diagnostic::error(crate::tr!("kamer-no-number", element = what), span(kv))
                    .label(crate::tr!("kamer-in-here"))
                    .hint(crate::tr!("kamer-no-number-hint", element = what)),
            );
        }
    }
    // A file without the case number is read: `--id` gives it.
    if problems.is_empty() { Ok((set, warnings)) } else { Err(problems) }
}

/// The headings, questions and answers below `n`, also where a wrapper the
/// tool does not know holds them; every other element that holds text is
/// skipped with a warning (its text is not in the dossier).
fn parts(
    n: Node,
    set: &mut QuestionSet,
    notes: &mut Notes,
    warnings: &mut Vec<Diagnostic>,
    span: &dyn Fn(Node) -> Span,
) {
    const KNOWN: [&str; 3] = ["kamervraagomschrijving", "vraag", "antwoord"];
    for c in n.children().filter(Node::is_element) {
        match c.tag_name().name() {
            "kamervraagomschrijving" if c.attribute("type") == Some("antwoord") => answer_heading(c, set),
            "kamervraagomschrijving" => question_heading(c, set),
            "vraag" => set.questions.push(part(c, notes)),
            "antwoord" => set.answers.push(part(c, notes)),
            // The number the Kamer gives the set: known from the metadata.
            "kamervraagnummer" => {}
            _ if c.descendants().any(|d| KNOWN.iter().any(|k| d.has_tag_name(*k))) => {
                parts(c, set, notes, warnings, span)
            }
            other => {
                let text = collapse(&text_of(c));
                if !text.trim().is_empty() {
                    let shown: String = text.chars().take(60).collect();
                    warnings.push(
                        Diagnostic::warning(crate::tr!("kamer-skipped", element = other), span(c))
                            .label(crate::tr!(
                                "kamer-skipped-label",
                                text = format!("{shown}{}", if shown.len() < text.len() { "…" } else { "" })
                            ))
                            .hint(crate::tr!("kamer-skipped-hint")),
                    );
                }
            }
        }
    }
}

/// The byte offset of a 1-based row and column (columns count characters).
fn offset_of(text: &str, row: usize, col: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(row.saturating_sub(1)).map(str::len).sum();
    let line = &text[line_start.min(text.len())..];
    line_start + line.char_indices().nth(col.saturating_sub(1)).map_or(line.len(), |(i, _)| i)
}

/// `<meta name="…" content="…"/>` anywhere in `<metadata>`.
fn metadata(root: Node, set: &mut QuestionSet) {
    for m in root.descendants().filter(|n| n.has_tag_name("meta")) {
        let (Some(name), Some(content)) = (m.attribute("name"), m.attribute("content")) else { continue };
        let content = content.trim();
        match name {
            "OVERHEIDop.vraagnummer" if !content.is_empty() => set.case = Some(content.to_string()),
            "DC.identifier" | "OVERHEIDop.documentId" => {
                if content.starts_with("kv-tk-") {
                    set.question_document = Some(content.to_string());
                    if set.case.is_none() {
                        set.case = content.strip_prefix("kv-tk-").map(str::to_string);
                    }
                } else if content.starts_with("ah-tk-") {
                    set.answer_document = Some(content.to_string());
                }
            }
            "OVERHEIDop.datumIndiening" => set.submitted = set.submitted.or_else(|| iso(content)),
            "OVERHEIDop.datumOntvangst" => set.answered = set.answered.or_else(|| iso(content)),
            _ => {}
        }
    }
    if set.question_document.is_none() {
        set.question_document = set.case.as_ref().map(|c| format!("kv-tk-{c}"));
    }
}

fn iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// All the text below `n`, whitespace collapsed.
fn text_of(n: Node) -> String {
    collapse(&n.descendants().filter(Node::is_text).filter_map(|t| t.text()).collect::<String>())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Vragen van het lid <naam>…</naam> (FVD) aan de Minister van … over
/// <kamervraagonderwerp>…</kamervraagonderwerp> (ingezonden <datum>…)."
fn question_heading(n: Node, set: &mut QuestionSet) {
    if let Some(s) = n.descendants().find(|d| d.has_tag_name("kamervraagonderwerp")) {
        set.subject = text_of(s);
    }
    if let Some(d) = n.descendants().find(|d| d.has_tag_name("datum")).and_then(|d| d.attribute("isodatum")) {
        set.submitted = iso(d).or(set.submitted);
    }
    // Members: each <naam>, with the party in the brackets after it; "(beiden
    // CDA)" gives the party to the members before it that have none.
    let children: Vec<Node> = n.children().collect();
    for (i, c) in children.iter().enumerate() {
        if c.has_tag_name("naam") {
            let short =
                c.descendants().find(|d| d.has_tag_name("achternaam")).map_or_else(|| text_of(*c), text_of);
            let full = text_of(*c);
            set.members.push(Member { name: full, short, party: None });
        }
        let after_name = i > 0 && children[i - 1].has_tag_name("naam");
        let in_text = c
            .text()
            .filter(|_| c.is_text() && after_name)
            .and_then(|t| t.trim_start().strip_prefix('('))
            .and_then(|t| t.split_once(')'))
            .map(|(p, _)| p.to_string());
        // "(<partij>Groep Van Haga</partij>)": the party in its own element.
        let in_element = (c.has_tag_name("partij")
            && children[..i].iter().rev().find(|p| p.is_element()).is_some_and(|p| p.has_tag_name("naam")))
        .then(|| text_of(*c));
        let party = in_text
            .or(in_element)
            .map(|p| p.trim().trim_start_matches("beiden ").trim_start_matches("allen ").to_string())
            .filter(|p| !p.is_empty());
        if let Some(p) = party {
            for m in set.members.iter_mut().rev().take_while(|m| m.party.is_none()) {
                m.party = Some(p.clone());
            }
        }
    }
    let plain = text_of(n);
    if let Some((_, rest)) = plain.split_once(" aan de ")
        && let Some((to, _)) = rest.split_once(" over ")
    {
        set.addressees = to.trim().to_string();
    }
}

/// "Antwoord van Minister Bruins Slot (Binnenlandse Zaken en
/// Koninkrijksrelaties) (ontvangen <datum>…)."
fn answer_heading(n: Node, set: &mut QuestionSet) {
    if let Some(d) = n.descendants().find(|d| d.has_tag_name("datum")).and_then(|d| d.attribute("isodatum")) {
        set.answered = iso(d).or(set.answered);
    }
    let plain = text_of(n);
    let Some(rest) = plain.strip_prefix("Antwoord van ") else { return };
    let (who, after) = rest.split_once(" (").unwrap_or((rest, ""));
    let who = who.split(',').next().unwrap_or(who).trim();
    let (title, short) = ["Minister-President", "Minister", "Staatssecretaris", "Minister voor"]
        .iter()
        .find_map(|t| who.strip_prefix(t).and_then(|s| s.strip_prefix(' ')).map(|s| (t.to_lowercase(), s)))
        .unwrap_or(("minister".to_string(), who));
    let department = after
        .split_once(')')
        .map(|(d, _)| d.trim().to_string())
        .filter(|d| !d.starts_with("ontvangen") && !d.is_empty());
    set.answerer = Some(Answerer { short: short.trim().to_string(), title, department });
    if let Some((_, co)) = plain.split_once(", mede namens ") {
        let co = co.split(" (ontvangen").next().unwrap_or(co).trim().trim_end_matches(['.', ',']);
        if !co.is_empty() {
            set.co_answerers = vec![co.to_string()];
        }
    }
    set.see_also = see_also(&plain);
}

/// The Aanhangsel numbers a heading cites: "Zie ook Aanhangsel Handelingen,
/// vergaderjaar 2022–2023, nr. 2207" (or "nrs. 1016 en 1044") → the
/// Kamer's ids, `ah-tk-20222023-2207`.
fn see_also(plain: &str) -> Vec<String> {
    let Some((_, rest)) = plain.split_once("Zie ook Aanhangsel Handelingen") else { return Vec::new() };
    let Some((_, rest)) = rest.split_once("vergaderjaar ") else { return Vec::new() };
    let year: String =
        rest.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | '—')).collect();
    let digits: String = year.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 8 {
        return Vec::new();
    }
    let rest = &rest[year.len()..];
    let Some(numbers) = rest.split_once("nr").map(|(_, n)| n) else { return Vec::new() };
    let numbers = numbers.split('.').skip(1).collect::<Vec<_>>().join(".");
    numbers
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(|n| format!("ah-tk-{digits}-{n}"))
        .collect()
}

/// The notes of the file, numbered as the Kamer numbers them.
#[derive(Default)]
struct Notes {
    list: Vec<Footnote>,
}

impl Notes {
    /// The label of `noot`, its text recorded the first time.
    fn cite(&mut self, noot: Node) -> String {
        let nr = noot
            .children()
            .find(|c| c.has_tag_name("noot.nr"))
            .map(text_of)
            .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric()))
            .unwrap_or_else(|| (self.list.len() + 1).to_string());
        let label = format!("noot{nr}");
        if !self.list.iter().any(|f| f.label == label) {
            let body: Vec<Node> =
                noot.children().filter(|c| c.is_element() && !c.has_tag_name("noot.nr")).collect();
            let text = collapse(&body.iter().map(|b| text_of(*b)).collect::<Vec<_>>().join(" "));
            let url = noot
                .descendants()
                .filter(|d| d.has_tag_name("extref"))
                .find_map(|e| e.attribute("doc"))
                .filter(|u| u.starts_with("http") && !text.contains(*u))
                .map(str::to_string);
            self.list.push(Footnote { label: label.clone(), text, url });
        }
        label
    }
}

/// A `<vraag>` or `<antwoord>`: its numbers from `<nr>` ("Vraag 2, 3",
/// "Antwoord 2 en 3"), its paragraphs from each `<al>`.
fn part(n: Node, notes: &mut Notes) -> Part {
    let numbers = n
        .children()
        .find(|c| c.has_tag_name("nr"))
        .map(|nr| {
            text_of(nr)
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|d| d.parse::<u32>().ok())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let mut paragraphs = Vec::new();
    for al in
        n.descendants().filter(|d| d.has_tag_name("al") && !d.ancestors().any(|a| a.has_tag_name("noot")))
    {
        let mut pieces = Vec::new();
        inline(al, notes, &mut pieces, 0);
        trim(&mut pieces);
        if !pieces.is_empty() {
            paragraphs.push(pieces);
        }
    }
    Part { numbers, paragraphs }
}

/// How deep markup inside a paragraph is read as markup; deeper, as text
/// (a file nested thousands deep must not exhaust the stack).
const MAX_DEPTH: usize = 32;

/// The pieces of a paragraph: text, notes, links, emphasis; other elements
/// for their text.
fn inline(n: Node, notes: &mut Notes, out: &mut Vec<Piece>, depth: usize) {
    if depth > MAX_DEPTH {
        push_text(out, &text_of(n));
        return;
    }
    for c in n.children() {
        if c.is_text() {
            let t = c.text().unwrap_or_default();
            let spaced: String = t.chars().map(|ch| if ch.is_whitespace() { ' ' } else { ch }).collect();
            push_text(out, &spaced);
            continue;
        }
        if !c.is_element() {
            continue;
        }
        match c.tag_name().name() {
            "noot" => out.push(Piece::Note(notes.cite(c))),
            "extref" => {
                let text = text_of(c);
                match c.attribute("doc").filter(|u| u.starts_with("http")) {
                    Some(url) => out.push(Piece::Link { text, url: url.to_string() }),
                    None => push_text(out, &text),
                }
            }
            "nadruk" if c.attribute("type") == Some("vet") => out.push(Piece::Strong(text_of(c))),
            "nadruk" => out.push(Piece::Emphasis(text_of(c))),
            // A nested paragraph is read as its own.
            "al" => {}
            _ => inline(c, notes, out, depth + 1),
        }
    }
}

fn push_text(out: &mut Vec<Piece>, t: &str) {
    if let Some(Piece::Text(last)) = out.last_mut() {
        last.push_str(t);
    } else {
        out.push(Piece::Text(t.to_string()));
    }
}

/// Whitespace collapsed inside texts and trimmed at the paragraph's ends.
fn trim(pieces: &mut Vec<Piece>) {
    for p in pieces.iter_mut() {
        if let Piece::Text(t) = p {
            let lead = t.starts_with(' ');
            let tail = t.ends_with(' ');
            let mut c = collapse(t);
            if lead && !c.is_empty() {
                c.insert(0, ' ');
            }
            if tail && !c.is_empty() {
                c.push(' ');
            }
            *t = if c.trim().is_empty() && !t.is_empty() { " ".to_string() } else { c };
        }
    }
    if let Some(Piece::Text(t)) = pieces.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Piece::Text(t)) = pieces.last_mut() {
        *t = t.trim_end().to_string();
    }
    pieces.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::see_also;

    #[test]
    fn the_delay_notices_a_heading_cites_become_their_ids() {
        let one = "Antwoord van … (ontvangen 19 april 2023). Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 2207.";
        assert_eq!(see_also(one), ["ah-tk-20222023-2207"]);
        let two = "… Zie ook Aanhangsel Handelingen, vergaderjaar 2024-2025, nrs. 1016 en 1044.";
        assert_eq!(see_also(two), ["ah-tk-20242025-1016", "ah-tk-20242025-1044"]);
        assert!(see_also("Antwoord van Minister X (ontvangen 2 december 2022).").is_empty());
    }

    proptest::proptest! {
        /// The Kamer-XML reader over generated files (the Kamer's elements
        /// nested, cut short and mixed with any text, entities included):
        /// it never panics, and a file it refuses gets at least one error.
        #[test]
        fn any_kamer_like_file_is_read_or_refused_with_an_error(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just("<officiele-publicatie>".to_string()),
                    proptest::prelude::Just("</officiele-publicatie>".to_string()),
                    proptest::prelude::Just("<kamervragen>".to_string()),
                    proptest::prelude::Just("</kamervragen>".to_string()),
                    proptest::prelude::Just("<vraag><nr>Vraag 1</nr><al>".to_string()),
                    proptest::prelude::Just("</al></vraag>".to_string()),
                    proptest::prelude::Just("<antwoord><nr>Antwoord 1</nr><al>Ja.</al></antwoord>".to_string()),
                    proptest::prelude::Just("<meta name=\"OVERHEIDop.vraagnummer\" content=\"2022Z1\"/>".to_string()),
                    proptest::prelude::Just("<kamervraagomschrijving type=\"vraag\">Vragen van het lid ".to_string()),
                    proptest::prelude::Just("</kamervraagomschrijving>".to_string()),
                    proptest::prelude::Just("<noot id=\"n\"><noot.al><extref doc=\"https://x\">x</extref></noot.al></noot>".to_string()),
                    proptest::prelude::Just("&amp;&#xFFFF;&lt;&bogus;".to_string()),
                    proptest::prelude::Just("<!DOCTYPE x [<!ENTITY a \"b\">]>".to_string()),
                    "\\PC{0,12}",
                ],
                0..30,
            ),
        ) {
            let text = parts.concat();
            match super::read(&text, crate::source::FileId(0)) {
                Ok(_) => {}
                Err(errors) => proptest::prop_assert!(!errors.is_empty(), "refused without a word: {text:?}"),
            }
        }
    }
}
