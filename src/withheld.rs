//! Every passage withheld anywhere in a run's sources (records, dossiers,
//! templates), to find it again where it stands unmarked and to mask it in
//! every message the tool prints. A passage is matched as whole words,
//! ignoring case, accents, invisible characters, URL escapes and how white
//! space and hyphens fall (a line break in YAML, two spaces, a hyphen in an
//! id): "Jan  de\nVries", "jan-de-vries" and "Jan%20de%20Vri\u{AD}ës" are
//! all "jan de vries". In an identifier a passage is found inside a word
//! too ([`Withheld::found_in_identifier`]).

use crate::redaction;
use crate::source::{Sources, Span};
use aho_corasick::{AhoCorasick, MatchKind};

/// Passages shorter than this (in characters) are not searched for: a
/// withheld "de" or "5" would be found in every sentence.
const SHORTEST: usize = 3;

/// Passages shorter than this, without spaces, are not searched for inside
/// the words of an identifier.
const COMPACT_SHORTEST: usize = 6;

/// The withheld passages of a run.
#[derive(Default)]
pub struct Withheld {
    /// Each passage, normalized, and the first place it is withheld.
    phrases: Vec<(String, Span)>,
    finder: Option<AhoCorasick>,
    /// Where the loader withheld a listed name (see
    /// [`crate::model::persons`]): not unmarked, though no marker is there.
    automatic: Vec<Span>,
    /// The passages of [`COMPACT_SHORTEST`] or more letters and digits,
    /// compacted, each with its place in `phrases`, found all at once.
    compact: Option<(AhoCorasick, Vec<usize>)>,
}

impl std::fmt::Debug for Withheld {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the words, not even in a debug print.
        write!(f, "Withheld({} passages)", self.phrases.len())
    }
}

/// A passage found where it stands unmarked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unmarked {
    /// Where it stands unmarked (for a source), or the byte range in a text.
    pub at: Span,
    /// Where it is withheld.
    pub withheld: Span,
    /// Whether it stands inside an identifier-like token (an id, a file
    /// name, a link), where no marker can stand: the token must change.
    pub in_identifier: bool,
}

/// Text folded for matching: lower-cased, accents and other combining
/// marks dropped (`Piëtersen` is `pietersen`), soft hyphens and zero-width
/// characters dropped, `%XX` escapes (a URL) decoded, and every run of white
/// space, hyphens, dashes and underscores one space (`jan-pietersen`, a line
/// folded in YAML). With `origin`, for each byte of the result the bytes of
/// `text` it came from (a start and an end).
fn normalize(text: &str, origin: Option<&mut Vec<(u32, u32)>>) -> String {
    let mut f = Fold { out: String::with_capacity(text.len()), origin, space: false };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() && b != b'%' && !(b as char).is_whitespace() && !is_joiner(b as char) {
            f.ascii(b, i);
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        if c == '%'
            && let Some((decoded, len)) = percent_run(&bytes[i..])
        {
            decoded.chars().for_each(|d| f.char(d, (i, i + len)));
            // A run ends where a character does: after an escape of
            // UTF-8 text, or before the next character.
            i += len;
            continue;
        }
        f.char(c, (i, i + c.len_utf8()));
        i += c.len_utf8();
    }
    f.out
}

/// Text being folded ([`normalize`]): what is made, and for each of its
/// bytes the bytes of the text it came from (when asked).
struct Fold<'o> {
    out: String,
    origin: Option<&'o mut Vec<(u32, u32)>>,
    /// White space was passed since the last character: one space goes
    /// before the next one.
    space: bool,
}

impl Fold<'_> {
    /// `c`, made from the text's bytes `from`.
    fn push(&mut self, c: char, from: (u32, u32)) {
        let before = self.out.len();
        self.out.push(c);
        if let Some(o) = self.origin.as_deref_mut() {
            o.extend(std::iter::repeat_n(from, self.out.len() - before));
        }
    }

    /// Most text is ASCII letters, digits and punctuation: the byte `b` at
    /// `i` (not white space, a joiner or `%`), folded as [`Fold::char`]
    /// folds it, without decoding or asking what kind it is.
    fn ascii(&mut self, b: u8, i: usize) {
        let from = (i as u32, i as u32 + 1);
        if std::mem::take(&mut self.space) {
            self.out.push(' ');
            if let Some(o) = self.origin.as_deref_mut() {
                o.push(from);
            }
        }
        self.out.push(b.to_ascii_lowercase() as char);
        if let Some(o) = self.origin.as_deref_mut() {
            o.push(from);
        }
    }

    /// Folds the character `c` of the text's bytes `i..end`.
    fn char(&mut self, c: char, (i, end): (usize, usize)) {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        if is_ignorable(c) {
            return;
        }
        if c.is_whitespace() || is_joiner(c) {
            self.space = !self.out.is_empty();
            return;
        }
        let from = (i as u32, end as u32);
        if std::mem::take(&mut self.space) {
            self.push(' ', from);
        }
        if c.is_ascii() {
            self.push(c.to_ascii_lowercase(), from);
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    d.to_lowercase().for_each(|l| self.push(l, from));
                }
            });
        }
    }
}

/// `text` normalized with everything but letters and digits left out.
fn compact(text: &str) -> String {
    normalize(text, None).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// [`compact`], with for each byte of the result the bytes of `text` it
/// came from.
fn compact_with_origin(text: &str, origin: &mut Vec<(u32, u32)>) -> String {
    let mut from = Vec::with_capacity(text.len());
    let normal = normalize(text, Some(&mut from));
    let mut out = String::with_capacity(normal.len());
    for (i, c) in normal.char_indices() {
        if c.is_alphanumeric() {
            out.push(c);
            origin.extend(std::iter::repeat_n(from[i], c.len_utf8()));
        }
    }
    out
}

/// The tokens of `text` (runs without white space, quotes or brackets) that
/// look like identifiers, not prose: two or more parts joined by a hyphen,
/// underscore, slash or dot, or letters with digits. Inside these a passage
/// is searched for within words, as in a document ID.
fn identifier_tokens(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let stop = |c: char| {
        c.is_whitespace()
            || matches!(c, '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>' | ',' | ';' | '`')
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let rest = &text[at..];
            let start = at + rest.find(|c: char| !stop(c))?;
            let len = text[start..].find(stop).unwrap_or(text.len() - start);
            at = start + len;
            let token = &text[start..at];
            let joined = token.trim_matches(|c: char| !c.is_alphanumeric()).contains(['-', '_', '/', '.']);
            let mixed = token.chars().any(|c| c.is_ascii_digit()) && token.chars().any(char::is_alphabetic);
            if joined || mixed {
                return Some(start..at);
            }
        }
    })
}

/// Characters that show nothing and may stand inside a word: the soft
/// hyphen, zero-width spaces and joiners, the word joiner, the BOM.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// What joins the parts of a name as a space does: hyphens, dashes, the
/// underscore.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// A run of `%XX` escapes at the start of `bytes` that decodes to UTF-8
/// text (not to white space only, which stays as written): the text and the
/// run's length in bytes.
fn percent_run(bytes: &[u8]) -> Option<(String, usize)> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut decoded = Vec::new();
    let mut at = 0;
    while bytes.get(at) == Some(&b'%') {
        let (Some(h), Some(l)) =
            (bytes.get(at + 1).and_then(|b| hex(*b)), bytes.get(at + 2).and_then(|b| hex(*b)))
        else {
            break;
        };
        decoded.push(h << 4 | l);
        at += 3;
    }
    // The longest prefix of whole characters.
    let text = match std::str::from_utf8(&decoded) {
        Ok(t) => t.to_string(),
        Err(e) => {
            let ok = e.valid_up_to();
            at = ok * 3;
            std::str::from_utf8(&decoded[..ok]).ok()?.to_string()
        }
    };
    (!text.is_empty()).then_some((text, at))
}

/// The words of a marker as its YAML value holds them: a double-quoted
/// scalar's escapes (`\u00EB`, `\xEB`, `\t`, …) decoded. `None` when the
/// words hold no escape.
fn unescaped(words: &str) -> Option<String> {
    if !words.contains('\\') {
        return None;
    }
    let mut out = String::with_capacity(words.len());
    let mut chars = words.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let code = |n: usize, chars: &mut std::str::Chars| {
            let digits: String = chars.by_ref().take(n).collect();
            u32::from_str_radix(&digits, 16).ok().and_then(char::from_u32)
        };
        match chars.next() {
            Some('x') => out.extend(code(2, &mut chars)),
            Some('u') => out.extend(code(4, &mut chars)),
            Some('U') => out.extend(code(8, &mut chars)),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('_') => out.push('\u{A0}'),
            Some('N') => out.push('\u{85}'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    Some(out)
}

impl Withheld {
    /// The passages withheld in every source of the run.
    pub fn collect(sources: &Sources) -> Withheld {
        let mut phrases: Vec<(String, Span)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (id, file) in sources.iter() {
            for (range, _, words) in redaction::markers(&file.text) {
                let decoded = unescaped(words);
                for words in std::iter::once(words).chain(decoded.as_deref()) {
                    let normal = normalize(words, None);
                    if normal.chars().count() < SHORTEST || !seen.insert(normal.clone()) {
                        continue;
                    }
                    phrases.push((normal, Span::new(id, range.start, range.end)));
                }
            }
        }
        Withheld::from_phrases(phrases)
    }

    /// [`Self::collect`], and every name and address of the persons list,
    /// withheld where it is listed.
    pub fn collect_with(sources: &Sources, persons: &crate::model::persons::Persons) -> Withheld {
        let mut w = Withheld::collect(sources);
        if persons.listed.is_empty() {
            return w;
        }
        let mut phrases = std::mem::take(&mut w.phrases);
        let listed = Withheld::of_phrases(persons.phrases());
        for (p, at) in listed.phrases {
            if !phrases.iter().any(|(q, _)| *q == p) {
                phrases.push((p, at));
            }
        }
        let mut w = Withheld::from_phrases(phrases);
        // Where a name is listed is not where it stands unmarked.
        w.automatic = persons.automatic.clone();
        w.automatic.extend(persons.phrases().into_iter().map(|(_, at)| at));
        w
    }

    /// The passages `phrases` (words and the place each is withheld), to be
    /// found as [`Self::collect`]'s are.
    pub fn of_phrases(phrases: Vec<(String, Span)>) -> Withheld {
        let mut seen = std::collections::HashSet::new();
        let phrases = phrases
            .into_iter()
            .map(|(words, at)| (normalize(&words, None), at))
            .filter(|(normal, _)| normal.chars().count() >= SHORTEST && seen.insert(normal.clone()))
            .collect();
        Withheld::from_phrases(phrases)
    }

    /// Only the passages withheld at `places` (to look for them in detail).
    pub fn only(&self, places: &[Span]) -> Withheld {
        let phrases: Vec<(String, Span)> =
            self.phrases.iter().filter(|(_, at)| places.contains(at)).cloned().collect();
        let mut w = Withheld::from_phrases(phrases);
        w.automatic = self.automatic.clone();
        w
    }

    fn from_phrases(phrases: Vec<(String, Span)>) -> Withheld {
        let finder = (!phrases.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(phrases.iter().map(|(p, _)| p.as_str()))
                    .ok()
            })
            .flatten();
        // Compacted once here, not for every identifier searched: a
        // register of 1,500 reports has thousands of passages and tens of
        // thousands of identifiers (that took a minute).
        let (compacts, index): (Vec<String>, Vec<usize>) = phrases
            .iter()
            .enumerate()
            .map(|(i, (p, _))| (compact(p), i))
            .filter(|(c, _)| c.chars().count() >= COMPACT_SHORTEST)
            .unzip();
        let compact =
            (!compacts.is_empty()).then(|| AhoCorasick::new(&compacts).ok().map(|f| (f, index))).flatten();
        Withheld { phrases, finder, automatic: Vec::new(), compact }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The matches in `normal` (normalized text) that stand as whole words.
    fn whole_words<'a>(&'a self, normal: &'a str) -> impl Iterator<Item = aho_corasick::Match> + 'a {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.finder.iter().flat_map(move |f| f.find_iter(normal)).filter(move |m| {
            !word(normal[..m.start()].chars().next_back()) && !word(normal[m.end()..].chars().next())
        })
    }

    /// Every place in `text` where a passage stands as whole words, or
    /// inside a word of an identifier-like token ([`identifier_tokens`]:
    /// `2021-03-11-janpietersen-account`), as byte ranges of `text`, with
    /// the place it is withheld.
    pub fn places(&self, text: &str) -> Vec<(std::ops::Range<usize>, Span)> {
        if self.finder.is_none() {
            return Vec::new();
        }
        let mut origin = Vec::with_capacity(text.len());
        let normal = normalize(text, Some(&mut origin));
        let mut out: Vec<(std::ops::Range<usize>, Span)> = self
            .whole_words(&normal)
            .map(|m| {
                let start = origin[m.start()].0 as usize;
                let end = origin[m.end() - 1].1 as usize;
                (start..end, self.phrases[m.pattern().as_usize()].1)
            })
            .collect();
        if let Some((finder, index)) = &self.compact {
            for token in identifier_tokens(text) {
                let mut origin = Vec::new();
                let compacted = compact_with_origin(&text[token.clone()], &mut origin);
                for m in finder.find_overlapping_iter(&compacted) {
                    let start = token.start + origin[m.start()].0 as usize;
                    let end = token.start + origin[m.end() - 1].1 as usize;
                    if !out.iter().any(|(r, _)| r.start < end && start < r.end) {
                        out.push((start..end, self.phrases[index[m.pattern().as_usize()]].1));
                    }
                }
            }
            out.sort_by_key(|(r, _)| r.start);
        }
        out
    }

    /// Every place in the sources where a passage stands outside a marker.
    pub fn unmarked(&self, sources: &Sources) -> Vec<Unmarked> {
        let mut out = Vec::new();
        if self.finder.is_none() {
            return out;
        }
        for (id, file) in sources.iter() {
            // The markers, in order: a match inside one is where it is withheld.
            let inside: Vec<std::ops::Range<usize>> =
                redaction::markers(&file.text).into_iter().map(|(r, _, _)| r).collect();
            for (range, withheld) in self.places(&file.text) {
                let k = inside.partition_point(|m| m.start <= range.start);
                if k > 0 && range.end <= inside[k - 1].end {
                    continue;
                }
                let at = Span::new(id, range.start, range.end);
                if self.automatic.iter().any(|a| a.file == id && a.start <= at.start && at.end <= a.end) {
                    continue;
                }
                // (A link's address can hold a marker: it is published as
                // its text alone.)
                let in_identifier = identifier_tokens(&file.text).any(|t| {
                    t.start <= range.start
                        && range.end <= t.end
                        && t != range
                        && !file.text[t].contains("://")
                });
                out.push(Unmarked { at, withheld, in_identifier });
            }
        }
        out
    }

    /// Where a passage stands in `text` (a public document's text): the
    /// place it is withheld, for each one found. (Without the offsets
    /// [`Self::places`] keeps: this runs over every public document.)
    pub fn found_in(&self, text: &str) -> Vec<Span> {
        if self.finder.is_none() {
            return Vec::new();
        }
        let normal = normalize(text, None);
        let mut found: Vec<Span> =
            self.whole_words(&normal).map(|m| self.phrases[m.pattern().as_usize()].1).collect();
        found.sort_by_key(|s| (s.file.0, s.start));
        found.dedup();
        found
    }

    /// Where a passage stands in `id` (a document ID, a file name, a link),
    /// even inside a word: the identifier and the passage are compared with
    /// everything but letters and digits left out (`brief-janpietersen2`
    /// holds "Jan Pietersen"). Passages shorter than [`COMPACT_SHORTEST`]
    /// that way are matched as whole words only.
    pub fn found_in_identifier(&self, id: &str) -> Vec<Span> {
        let mut found = self.found_in(id);
        if let Some((finder, index)) = &self.compact {
            let id = compact(id);
            for m in finder.find_overlapping_iter(&id) {
                let at = self.phrases[index[m.pattern().as_usize()]].1;
                if !found.contains(&at) {
                    found.push(at);
                }
            }
        }
        found.sort_by_key(|s| (s.file.0, s.start));
        found
    }

    /// `text` with every passage, wherever it stands, replaced by a `*` for
    /// each byte (white space kept): offsets and lines stay where they were,
    /// so a source masked this way can still be shown with a caret.
    pub fn mask(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (range, _) in self.places(text).into_iter().rev() {
            let stars: String = text[range.clone()]
                .chars()
                .flat_map(|c| {
                    let fill = if c.is_whitespace() { c } else { '*' };
                    std::iter::repeat_n(fill, if c.is_whitespace() { 1 } else { c.len_utf8() })
                })
                .collect();
            out.replace_range(range, &stars);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, SourceFile};

    fn sources(texts: &[&str]) -> Sources {
        let mut s = Sources::default();
        for (i, t) in texts.iter().enumerate() {
            s.add(SourceFile::new(format!("f{i}.yaml"), t.to_string()));
        }
        s
    }

    #[test]
    fn finds_a_withheld_name_standing_plainly_elsewhere_as_whole_words() {
        let s = sources(&[
            "text: Beste [[5.1.2e: Jan de Vries]], dank.",
            "subject: Brief van JAN  DE\n  vries over Jan de Vriesland en [[5.1.2e: Jan de Vries]].",
        ]);
        let w = Withheld::collect(&s);
        let found = w.unmarked(&s);
        assert_eq!(found.len(), 1, "{found:?}");
        let text = &s.get(found[0].at.file).text;
        assert_eq!(&text[found[0].at.start..found[0].at.end], "JAN  DE\n  vries");
        assert_eq!(found[0].withheld.file, FileId(0));
        assert_eq!(w.mask("aan jan de\nvries."), "aan *** **\n*****.");
        assert!(w.found_in("Zie Jan de Vries.").len() == 1);
        assert!(w.found_in("Zie Jan de Vriesland.").is_empty());
        assert!(!format!("{w:?}").contains("jan"));
    }

    #[test]
    fn finds_a_withheld_name_however_it_is_disguised() {
        let s = sources(&["text: Beste [[5.1.2e: Jan Pietersen]].", "b: \"[[5.1.2e: Kl\\u00E1ra Visser]]\""]);
        let w = Withheld::collect(&s);
        for disguised in [
            "Jan Piëtersen",
            "Jan Pie\u{AD}tersen",
            "Jan Pie\u{200B}tersen",
            "JAN-PIETERSEN",
            "jan_pietersen",
            "https://example.org/?naam=Jan%20Pietersen",
            "https://example.org/Jan%20Pi%C3%ABtersen",
            "Jan\n   Pietersen",
            "Klára Visser",
            "Klara Visser",
        ] {
            assert_eq!(w.found_in(disguised).len(), 1, "{disguised:?}");
            let masked = w.mask(disguised);
            assert!(w.found_in(&masked).is_empty(), "{disguised:?} masked as {masked:?}");
        }
        assert!(w.found_in("Jan Pietersenweg").is_empty(), "whole words in text");
        assert_eq!(w.found_in_identifier("melding-janpietersen-2").len(), 1);
        assert_eq!(w.found_in_identifier("BZK-2021-JanPietersen").len(), 1);
        assert!(w.found_in_identifier("BZK-2021-0007").is_empty());
        assert_eq!(w.mask("naam=Jan%20Pietersen&x"), format!("naam={}&x", "*".repeat(15)));
    }

    #[test]
    fn a_name_run_together_inside_an_identifier_is_found_at_its_place_and_masked_in_messages() {
        let s =
            sources(&["text: Beste [[5.1.2e: Jan Pietersen]].", "  - id: 2021-03-11-janpietersen-account\n"]);
        let w = Withheld::collect(&s);
        let unmarked = w.unmarked(&s);
        assert_eq!(unmarked.len(), 1, "{unmarked:?}");
        let u = unmarked[0];
        assert_eq!(&s.get(u.at.file).text[u.at.start..u.at.end], "janpietersen");
        assert!(u.in_identifier);
        // A message naming the document by that id names it masked.
        let message = "the public document BZK-2021-03-11-JanPietersen-account-1 holds …";
        assert_eq!(w.mask(message), "the public document BZK-2021-03-11-************-account-1 holds …");
        // In prose a name inside a word is another word.
        assert!(w.places("de Janpietersenstraat is lang").is_empty());
        // Written apart in a link, it can be marked: not an identifier place.
        let s =
            sources(&["text: Beste [[5.1.2e: Jan Pietersen]].", "zie https://example.org/janpietersen/x\n"]);
        let unmarked = Withheld::collect(&s).unmarked(&s);
        assert_eq!(unmarked.len(), 1);
        assert!(!unmarked[0].in_identifier);
    }

    /// `normalize` character by character, every character through
    /// [`Fold::char`]: what the ASCII fast path must give, text and origins.
    fn normalize_by_chars(text: &str) -> (String, Vec<(u32, u32)>) {
        let mut origin = Vec::new();
        let mut f = Fold { out: String::new(), origin: Some(&mut origin), space: false };
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '%'
                && let Some((decoded, len)) = percent_run(&text.as_bytes()[i..])
            {
                decoded.chars().for_each(|d| f.char(d, (i, i + len)));
                while chars.peek().is_some_and(|(j, _)| *j < i + len) {
                    chars.next();
                }
                continue;
            }
            f.char(c, (i, i + c.len_utf8()));
        }
        let out = f.out;
        (out, origin)
    }

    proptest::proptest! {
        /// The ASCII fast path of `normalize` folds text as the character
        /// by character fold does: the same text, the same origins.
        #[test]
        fn normalize_folds_as_character_by_character(
            text in "([a-zA-Z0-9 ,.;:\t\n\x0b_\\-]|%[0-9a-fA-F]{0,2}|%C3%A9|%20|%e2%80%8b|[ÉéëİßÅ\u{AD}\u{200B}\u{2010}\u{85}\u{A0}ﬁ])*"
        ) {
            let mut origin = Vec::new();
            let normal = normalize(&text, Some(&mut origin));
            proptest::prop_assert_eq!((normal.clone(), origin), normalize_by_chars(&text));
            proptest::prop_assert_eq!(normalize(&text, None), normal);
        }

        /// A withheld name is found however a text disguises it (case,
        /// accents, invisible characters, hyphens, URL escapes, line
        /// breaks), and masking leaves nothing to find, at the same length.
        #[test]
        fn a_disguised_name_is_found_and_masked(
            first in "[a-zà-ö]{3,8}",
            last in "[a-zø-ÿ]{3,10}",
            disguise in proptest::collection::vec(0u8..7, 1..4),
            before in "[a-z ]{0,12}",
        ) {
            let name = format!("{first} {last}");
            let s = sources(&[&format!("text: [[5.1.2e: {name}]]")]);
            let w = Withheld::collect(&s);
            let mut shown = name.clone();
            for d in disguise {
                shown = match d {
                    0 => shown.to_uppercase(),
                    1 => shown.replacen(' ', "-", 1),
                    2 => shown.replacen(' ', "\n  ", 1),
                    3 => { let mut t = shown.clone(); let k = t.char_indices().nth(2).map_or(0, |(k, _)| k); t.insert(k, '\u{AD}'); t }
                    4 => { let mut t = shown.clone(); let k = t.char_indices().nth(1).map_or(0, |(k, _)| k); t.insert(k, '\u{200B}'); t }
                    5 => shown.chars().map(|c| if c == ' ' { "%20".to_string() } else { c.to_string() }).collect(),
                    _ => unicode_normalization::UnicodeNormalization::nfd(shown.as_str()).collect(),
                };
            }
            let text = format!("{before} {shown} .");
            proptest::prop_assert!(!w.found_in(&text).is_empty(), "{:?} in {:?}", name, text);
            let masked = w.mask(&text);
            proptest::prop_assert_eq!(masked.len(), text.len());
            proptest::prop_assert!(w.found_in(&masked).is_empty(), "{:?}", masked);
        }
    }
}
