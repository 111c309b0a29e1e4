//! Reading typed values out of the node tree, collecting every problem rather
//! than stopping at the first: unknown fields (with the nearest valid name),
//! missing fields, wrong kinds of value, bad dates.

use super::yaml::{Key, Kind, Node};
use crate::diag::{Diagnostic, Diagnostics, nearest};
use crate::model::persons::Listed;
use crate::model::{At, Date, Text};
use crate::source::{FileId, Span};

/// Reads one file's nodes; problems go to `diags`.
pub struct Reader<'a> {
    pub file: FileId,
    pub source: &'a str,
    pub diags: &'a mut Diagnostics,
    /// The persons list: each listed name in a text read is withheld.
    pub listed: &'a Listed,
    /// Where a listed name was withheld in this file.
    pub automatic: Vec<Span>,
}

impl<'a> Reader<'a> {
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    /// Where to point for a node: a mapping is shown by its first key.
    pub fn node_span(&self, node: &Node) -> Span {
        match &node.kind {
            Kind::Map(entries) if !entries.is_empty() => self.span(entries[0].0.start, entries[0].0.end),
            _ => self.span(node.start, node.end),
        }
    }

    pub fn key_span(&self, key: &Key) -> Span {
        self.span(key.start, key.end)
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn wrong_kind(&mut self, node: &Node, expected: &str) {
        let expected = crate::i18n::word("kind", expected);
        let d = Diagnostic::error(
            crate::tr!("wrong-kind", expected = &expected, found = node.describe()),
            self.node_span(node),
        )
        .label(crate::tr!("wrong-kind-label", expected = &expected));
        self.push(d);
    }

    /// A mapping, whose fields are then taken one by one.
    /// `fields` is the one table of the names this kind of mapping has: the
    /// reader takes only those, and unknown-field errors and hints list them.
    pub fn map<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        fields: &'static [&'static str],
    ) -> Option<Fields<'n>> {
        match &node.kind {
            Kind::Map(entries) => Some(Fields {
                node,
                entries,
                what: what.to_string(),
                allowed: fields,
                used: vec![false; entries.len()],
            }),
            _ => {
                self.wrong_kind(
                    node,
                    &crate::tr!("kind-mapping-of", what = crate::i18n::word("thing", what)),
                );
                None
            }
        }
    }

    pub fn list<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [Node]> {
        match &node.kind {
            Kind::Seq(items) => Some(items),
            _ => {
                self.wrong_kind(node, &crate::tr!("kind-list-of", what = crate::i18n::word("thing", what)));
                None
            }
        }
    }

    fn scalar<'n>(&mut self, node: &'n Node, expected: &str) -> Option<&'n str> {
        match &node.kind {
            Kind::Scalar(s) => Some(s),
            _ => {
                self.wrong_kind(node, expected);
                None
            }
        }
    }

    /// A one-line plain-text value.
    pub fn string(&mut self, node: &Node) -> Option<String> {
        let raw = self.scalar(node, "text")?.to_string();
        let s = raw.trim().to_string();
        if s.contains('\n') {
            let d = Diagnostic::error(crate::tr!("one-line"), self.node_span(node))
                .label(crate::tr!("one-line-label"))
                .hint(crate::tr!("one-line-hint"));
            self.push(d);
            return None;
        }
        if s.is_empty() {
            let d = Diagnostic::error(crate::tr!("text-empty"), self.node_span(node))
                .label(crate::tr!("text-empty-label"));
            self.push(d);
            return None;
        }
        if raw.contains(['[', ']', '［', '］', '〚', '〛', '⟦', '⟧']) {
            let line_offsets = self.line_offsets(node, &raw);
            self.markers(&Text {
                value: raw,
                span: self.span(node.start, node.end),
                line_offsets,
                inserted: Vec::new(),
            });
        }
        // A listed name is withheld as if marked; the whole field is
        // where (a one-line value has no lines to point into).
        match self.listed.withhold(&s) {
            Some(w) => {
                self.automatic.push(self.span(node.start, node.end));
                Some(w.text)
            }
            None => Some(s),
        }
    }

    /// Every malformed Woo marker in a text, and every near miss (one that
    /// would be published as it stands), each at its place. Every text field,
    /// plain or Markdown, is read through here.
    fn markers(&mut self, text: &Text) {
        // Near misses only where the markers are well-formed: a broken marker
        // is one mistake, told once.
        let problems = match crate::redaction::parse(&text.value) {
            Ok(_) => crate::redaction::near_misses(&text.value),
            Err(errors) => errors,
        };
        for e in problems {
            let d = Diagnostic::error(e.message, text.span_of(e.start, e.end))
                .label(crate::tr!("marker-label"))
                .maybe_hint(e.hint);
            self.push(d);
        }
    }

    /// A text (Markdown or template) that keeps its place line by line.
    pub fn text(&mut self, node: &Node) -> Option<Text> {
        let value = self.scalar(node, "text")?.to_string();
        let line_offsets = self.line_offsets(node, &value);
        let mut text =
            Text { value, span: self.span(node.start, node.end), line_offsets, inserted: Vec::new() };
        self.markers(&text);
        if let Some((start, end, depth)) = too_nested(&text.value) {
            let d = Diagnostic::error(
                crate::tr!("text-too-nested", depth = depth, limit = MAX_NESTING),
                text.span_of(start, end),
            )
            .label(crate::tr!("text-too-nested-label"))
            .hint(crate::tr!("text-too-nested-hint"));
            self.push(d);
            return None;
        }
        if let Some(w) = self.listed.withhold(&text.value) {
            self.automatic.extend(w.withheld.iter().map(|r| text.span_of(r.start, r.end)));
            text.value = w.text;
            text.inserted = w.inserted;
        }
        Some(text)
    }

    /// Where each line of a scalar's text starts in the source: exact for block
    /// literals (`|`) and for one-line scalars written without escapes.
    fn line_offsets(&self, node: &Node, value: &str) -> Vec<usize> {
        let src = self.source;
        let raw = src.get(node.start..node.end).unwrap_or("");
        if !value.contains('\n') {
            if raw == value {
                return vec![node.start];
            }
            if raw.len() == value.len() + 2 && raw.get(1..raw.len() - 1) == Some(value) {
                return vec![node.start + 1];
            }
            return Vec::new();
        }
        let before = src[..node.start.min(src.len())].trim_end_matches([' ', '\n', '\r']);
        let header = before.rsplit('\n').next().unwrap_or("").trim_end();
        let literal = header.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
        if !literal.ends_with('|') {
            return Vec::new();
        }
        let line_start = src[..node.start].rfind('\n').map_or(0, |i| i + 1);
        let indent = node.start - line_start;
        let mut offsets = Vec::new();
        let mut pos = line_start;
        for _ in value.split('\n') {
            let line_len = src[pos..].find('\n').unwrap_or(src.len() - pos);
            offsets.push(pos + indent.min(line_len));
            pos = (pos + line_len + 1).min(src.len());
        }
        offsets
    }

    /// A one-line text that must pass `ok`; otherwise the message, label
    /// and hint `problem` gives for it are told at it.
    pub fn checked(
        &mut self,
        node: &Node,
        ok: impl Fn(&str) -> bool,
        problem: impl Fn(&str) -> (String, String, String),
    ) -> Option<At<String>> {
        let s = self.string(node)?;
        if ok(&s) {
            return Some(At::new(s, self.node_span(node)));
        }
        let (message, label, hint) = problem(&s);
        let d = Diagnostic::error(message, self.node_span(node)).label(label).hint(hint);
        self.push(d);
        None
    }

    /// An identifier: `[a-z0-9-]+`.
    pub fn id(&mut self, node: &Node, what: &str) -> Option<At<String>> {
        let s = self.scalar(node, what)?.trim().to_string();
        let span = self.span(node.start, node.end);
        let ok =
            !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            let d = Diagnostic::error(
                crate::tr!("id-invalid", value = &s, what = crate::i18n::word("thing", what)),
                span,
            )
            .label(crate::tr!("id-invalid-label"))
            .hint(crate::tr!("id-invalid-hint", slug = slug(&s)));
            self.push(d);
            return None;
        }
        Some(At::new(s, span))
    }

    pub fn date(&mut self, node: &Node) -> Option<At<Date>> {
        let s = self.scalar(node, "a date")?;
        let span = self.span(node.start, node.end);
        match Date::parse(s) {
            Ok(d) => Some(At::new(d, span)),
            Err(why) => {
                let hint = match Date::meant(s) {
                    Some(iso) => crate::tr!("date-meant", date = iso),
                    None => crate::tr!("date-forms"),
                };
                let d = Diagnostic::error(crate::tr!("date-invalid", why = why.to_string()), span)
                    .label(crate::tr!("date-expected"))
                    .hint(hint);
                self.push(d);
                None
            }
        }
    }

    pub fn uint(&mut self, node: &Node) -> Option<At<u32>> {
        let s = self.scalar(node, "a whole number")?;
        let span = self.span(node.start, node.end);
        match s.trim().parse::<u32>() {
            Ok(n) => Some(At::new(n, span)),
            Err(_) => {
                let d = Diagnostic::error(crate::tr!("number-invalid", value = s), span)
                    .label(crate::tr!("number-invalid-label"));
                self.push(d);
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node) -> Option<bool> {
        match self.scalar(node, "true or false")?.trim() {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                let d = Diagnostic::error(crate::tr!("bool-invalid", value = other), self.node_span(node))
                    .label(crate::tr!("bool-invalid-label"))
                    .maybe_hint(dutch_word(other).map(|n| crate::tr!("did-you-mean", name = n)));
                self.push(d);
                None
            }
        }
    }

    /// One of a fixed set of words.
    pub fn choice<T>(&mut self, node: &Node, names: &[&str], parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let s = self.scalar(node, "a word")?.trim();
        if let Some(v) = parse(s) {
            return Some(v);
        }
        let d = Diagnostic::error(
            crate::tr!("choice-invalid", value = s, names = names.join(", ")),
            self.node_span(node),
        )
        .label(crate::tr!("choice-invalid-label"))
        .maybe_hint(
            dutch_word(s)
                .filter(|w| names.contains(w))
                .or_else(|| nearest(s, names.iter().copied()))
                .map(|n| crate::tr!("did-you-mean", name = n)),
        );
        self.push(d);
        None
    }
}

/// The value a Dutch word means where the data wants an English one (the
/// data's words are the contract): `ontvangen` is `received`, `ja` is
/// `true`, `alle` is `all`.
pub fn dutch_word(word: &str) -> Option<&'static str> {
    Some(match word.trim().to_lowercase().as_str() {
        "ja" | "waar" | "wel" => "true",
        "nee" | "onwaar" | "niet" => "false",
        "ontvangen" | "binnengekomen" => "received",
        "verzonden" | "verstuurd" | "gestuurd" => "sent",
        "alle" | "allemaal" | "alles" => "all",
        "geen" | "niets" | "geen enkele" => "none",
        _ => return None,
    })
}

/// The fields of one mapping, taken by name; `finish` reports the rest.
pub struct Fields<'n> {
    node: &'n Node,
    entries: &'n [(Key, Node)],
    what: String,
    allowed: &'static [&'static str],
    used: Vec<bool>,
}

impl<'n> Fields<'n> {
    /// An optional field; an empty value (`field:`) counts as absent.
    pub fn get(&mut self, name: &str) -> Option<&'n Node> {
        debug_assert!(
            self.allowed.contains(&name),
            "`{name}` is missing from the field table of {}",
            self.what
        );
        let i = self.entries.iter().position(|(k, _)| k.name == name)?;
        self.used[i] = true;
        let node = &self.entries[i].1;
        (node.kind != Kind::Null).then_some(node)
    }

    /// Whether a field here is a misspelling of `name` (an unknown field
    /// whose nearest known name is `name`): its error, told by
    /// [`Fields::finish`], is the cause; that `name` is missing is not told
    /// again.
    pub fn misspelt(&self, name: &str) -> bool {
        self.entries.iter().any(|(key, _)| {
            !self.allowed.contains(&key.name.as_str()) && suggest(&key.name, self.allowed) == Some(name)
        })
    }

    pub fn required(&mut self, r: &mut Reader, name: &str) -> Option<&'n Node> {
        let found = self.get(name);
        if found.is_none() && !self.misspelt(name) {
            let what = crate::i18n::word("thing", &self.what);
            let first = crate::i18n::word("thing", self.what.split(' ').next().unwrap_or(""));
            let d = Diagnostic::error(
                crate::tr!("field-missing", name = name, what = &what),
                r.node_span(self.node),
            )
            .label(crate::tr!("field-missing-label", name = name, first = &first))
            .hint(crate::tr!("field-missing-hint", name = name));
            r.push(d);
        }
        found
    }

    /// Reports every field not taken, with the nearest valid name as a hint.
    pub fn finish(self, r: &mut Reader) {
        let allowed = self.allowed;
        for (i, (key, _)) in self.entries.iter().enumerate() {
            if self.used[i] || allowed.contains(&key.name.as_str()) {
                continue;
            }
            let hint = match suggest(&key.name, allowed) {
                Some(n) => crate::tr!("did-you-mean", name = n),
                None => crate::tr!("field-list", names = allowed.join(", ")),
            };
            let what = crate::i18n::word("thing", &self.what);
            let d = Diagnostic::error(
                crate::tr!("field-unknown", name = &key.name, what = &what),
                r.key_span(key),
            )
            .label(crate::tr!("field-unknown-label"))
            .hint(hint);
            r.push(d);
        }
    }
}

/// Field names are English; a Dutch name (or a typo of one) points to the
/// field it means, when that field belongs here.
const DUTCH_FIELDS: &[(&str, &str)] = &[
    ("antwoord", "answer"),
    ("vraag", "text"),
    ("vragen", "questions"),
    ("nummer", "number"),
    ("datum", "date"),
    ("onderwerp", "subject"),
    ("samenvatting", "summary"),
    ("namens", "on_behalf_of"),
    ("verkiezing", "election"),
    ("uitkomst", "outcome"),
    ("correspondentie", "correspondence"),
    ("tekst", "text"),
    ("van", "from"),
    ("aan", "to"),
    ("richting", "direction"),
    ("vorm", "form"),
    ("reconstructie", "form"),
    ("voetnoten", "footnotes"),
    ("indiener", "submitter"),
    ("bijlagen", "annexes"),
    ("beoordeling", "judgement"),
    ("gronden", "grounds"),
    ("kanaal", "channel"),
    ("aantal", "items"),
    ("ingediend", "submitted"),
    ("beantwoord", "answered"),
    ("beantwoorder", "answerer"),
    ("minister", "answerer"),
    ("bewindspersoon", "answerer"),
    ("ministerie", "ministry"),
    ("uitstel", "delays"),
    ("uitstelberichten", "delays"),
    ("mede_namens", "co_answerers"),
    ("medebeantwoorders", "co_answerers"),
    ("vragensteller", "submitter"),
    ("titel", "title"),
    ("geadresseerde", "addressee"),
    ("reden", "reason"),
    ("aanleiding", "reason"),
    ("verzonden", "answered"),
    ("nader_antwoord", "nader"),
    ("personen", "persons"),
    ("naam", "name"),
    ("grond", "ground"),
    ("e_mail", "emails"),
    ("email", "emails"),
    ("emailadressen", "emails"),
    ("toegestaan", "allow"),
    ("uitzonderingen", "allow"),
    ("vervolg", "nader"),
    ("reeds_openbaar", "already_published"),
    ("al_gepubliceerd", "already_published"),
];

/// The field a name not known here means: a Dutch name as the table gives
/// it first (`beantwoorder` is `answerer`, not the nearer-spelt
/// `answered`), then the nearest English name, then the nearest Dutch one.
fn suggest<'a>(word: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let exact: Option<&'a str> =
        DUTCH_FIELDS.iter().find(|(nl, en)| *nl == lower && allowed.contains(en)).map(|(_, en)| *en);
    exact.or_else(|| nearest(word, allowed.iter().copied())).or_else(|| dutch_field(word, allowed))
}

fn dutch_field(word: &str, allowed: &[&str]) -> Option<&'static str> {
    let dutch = nearest(word, DUTCH_FIELDS.iter().map(|(nl, _)| *nl))?;
    DUTCH_FIELDS.iter().find(|(nl, en)| *nl == dutch && allowed.contains(en)).map(|(_, en)| *en)
}

/// A valid id made from any text, for hints.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "id".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_only() {
        let fields = ["answer", "answer_with", "number", "text"];
        assert_eq!(nearest("antwoort", fields.iter().copied()), None);
        assert_eq!(nearest("anser", fields.iter().copied()), Some("answer"));
        assert_eq!(nearest("numbr", fields.iter().copied()), Some("number"));
    }

    #[test]
    fn a_dutch_name_points_to_its_field_before_a_nearer_english_spelling() {
        let dossier = ["answered", "answerer", "ministry", "delays", "co_answerers", "submitter"];
        assert_eq!(suggest("beantwoorder", &dossier), Some("answerer"));
        assert_eq!(suggest("minister", &dossier), Some("answerer"));
        assert_eq!(suggest("ministerie", &dossier), Some("ministry"));
        assert_eq!(suggest("uitstel", &dossier), Some("delays"));
        assert_eq!(suggest("mede_namens", &dossier), Some("co_answerers"));
        assert_eq!(suggest("answred", &dossier), Some("answered"));
    }

    #[test]
    fn dutch_field_names_point_to_the_english_ones() {
        let fields = ["number", "id", "text", "answer", "answer_with"];
        assert_eq!(dutch_field("antwoort", &fields), Some("answer"));
        assert_eq!(dutch_field("antwoord", &fields), Some("answer"));
        assert_eq!(dutch_field("nummer", &fields), Some("number"));
        assert_eq!(dutch_field("datum", &fields), None, "no date field in a question");
        assert_eq!(dutch_field("xyz", &fields), None);
    }

    #[test]
    fn slug_makes_ids() {
        assert_eq!(slug("Twee Vakjes!"), "twee-vakjes");
        assert_eq!(slug("***"), "id");
    }
}

/// Markdown in a text may nest quotes and lists this deep (a real answer
/// needs a few levels); deeper would exhaust the stack of what reads and
/// writes the document.
pub const MAX_NESTING: usize = 64;

/// The first line of `text` whose Markdown nests deeper than
/// [`MAX_NESTING`]: its byte range of the nesting prefix, and the depth.
/// Counted per line, without parsing and so without recursion: each `>` and
/// list marker (`-`, `*`, `+`, `1.`, `1)`) before the line's text is a
/// level, and so is each two columns of indentation (a list nested by
/// indenting its items).
fn too_nested(text: &str) -> Option<(usize, usize, usize)> {
    let mut line_start = 0;
    for line in text.split('\n') {
        let b = line.as_bytes();
        let (mut i, mut containers, mut columns) = (0, 0usize, 0usize);
        while i < b.len() {
            match b[i] {
                b' ' => columns += 1,
                b'\t' => columns += 4,
                b'>' => containers += 1,
                b'-' | b'*' | b'+' if matches!(b.get(i + 1), None | Some(b' ' | b'\t')) => containers += 1,
                b'0'..=b'9' => {
                    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                    let after = b.get(i + digits);
                    if digits <= 9
                        && matches!(after, Some(b'.' | b')'))
                        && matches!(b.get(i + digits + 1), None | Some(b' ' | b'\t'))
                    {
                        containers += 1;
                        i += digits;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
            i += 1;
        }
        let depth = containers.max(columns / 2);
        if depth > MAX_NESTING {
            return Some((line_start, line_start + i.min(line.len()), depth));
        }
        line_start += line.len() + 1;
    }
    None
}

#[cfg(test)]
mod nesting_tests {
    use super::too_nested;

    #[test]
    fn deep_quotes_and_lists_are_found_at_their_line() {
        assert_eq!(too_nested("Ja.\n\n> Citaat\n> > binnen\n\n- een\n  - twee\n    1. drie\n"), None);
        assert_eq!(too_nested("    code\n\t\tmeer code\n-1 graad, 2.5 keer, *nadruk*"), None);
        let quotes = format!("Eerst.\n{}x\n", ">".repeat(5000));
        assert_eq!(too_nested(&quotes), Some((7, 5007, 5000)));
        let list: String = (0..3000).map(|i| format!("{}- {i}\n", "  ".repeat(i))).collect();
        let (start, _, depth) = too_nested(&list).unwrap();
        assert_eq!(depth, 65);
        assert_eq!(&list[start..start + 130], &" ".repeat(130));
        let items = format!("{}x", "- ".repeat(5000));
        assert_eq!(too_nested(&items).map(|t| t.2), Some(5000));
        let numbered = format!("{}x", "1. ".repeat(100));
        assert_eq!(too_nested(&numbered).map(|t| t.2), Some(100));
    }
}
