//! Every passage withheld anywhere in a run's sources (records, dossiers,
//! templates), to find it again where it stands unmarked and to mask it in
//! every message the tool prints. A passage is matched as whole words,
//! ignoring case and how white space falls (a line break in YAML, two
//! spaces): "Jan  de\nVries" is "jan de vries".

use crate::redaction;
use crate::source::{Sources, Span};
use aho_corasick::{AhoCorasick, MatchKind};

/// Passages shorter than this (in characters) are not searched for: a
/// withheld "de" or "5" would be found in every sentence.
const SHORTEST: usize = 3;

/// The withheld passages of a run.
#[derive(Default)]
pub struct Withheld {
    /// Each passage, normalized, and the first place it is withheld.
    phrases: Vec<(String, Span)>,
    finder: Option<AhoCorasick>,
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
}

/// Text lower-cased, with every run of white space as one space; with
/// `origin`, for each byte of the result the byte of `text` it came from.
fn normalize(text: &str, mut origin: Option<&mut Vec<u32>>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut push = |out: &mut String, c: char, i: usize| {
        let before = out.len();
        out.push(c);
        if let Some(o) = origin.as_deref_mut() {
            o.extend(std::iter::repeat_n(i as u32, out.len() - before));
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            push(&mut out, ' ', i);
            space = false;
        }
        if c.is_ascii() {
            push(&mut out, c.to_ascii_lowercase(), i);
        } else {
            c.to_lowercase().for_each(|l| push(&mut out, l, i));
        }
    }
    out
}

impl Withheld {
    /// The passages withheld in every source of the run.
    pub fn collect(sources: &Sources) -> Withheld {
        let mut phrases: Vec<(String, Span)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (id, file) in sources.iter() {
            for (range, _, words) in redaction::markers(&file.text) {
                let normal = normalize(words, None);
                if normal.chars().count() < SHORTEST || !seen.insert(normal.clone()) {
                    continue;
                }
                phrases.push((normal, Span::new(id, range.start, range.end)));
            }
        }
        Withheld::from_phrases(phrases)
    }

    /// Only the passages withheld at `places` (to look for them in detail).
    pub fn only(&self, places: &[Span]) -> Withheld {
        let phrases: Vec<(String, Span)> =
            self.phrases.iter().filter(|(_, at)| places.contains(at)).cloned().collect();
        Withheld::from_phrases(phrases)
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
        Withheld { phrases, finder }
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

    /// Every place in `text` where a passage stands as whole words, as byte
    /// ranges of `text`, with the place it is withheld.
    fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, Span)> {
        if self.finder.is_none() {
            return Vec::new();
        }
        let mut origin = Vec::with_capacity(text.len());
        let normal = normalize(text, Some(&mut origin));
        self.whole_words(&normal)
            .map(|m| {
                let start = origin[m.start()] as usize;
                let last = origin[m.end() - 1] as usize;
                let end = last + text[last..].chars().next().map_or(1, char::len_utf8);
                (start..end, self.phrases[m.pattern().as_usize()].1)
            })
            .collect()
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
            for (range, withheld) in self.find(&file.text) {
                let k = inside.partition_point(|m| m.start <= range.start);
                if k > 0 && range.end <= inside[k - 1].end {
                    continue;
                }
                out.push(Unmarked { at: Span::new(id, range.start, range.end), withheld });
            }
        }
        out
    }

    /// Where a passage stands in `text` (a public document's text): the
    /// place it is withheld, for each one found. (Without the offsets
    /// [`Self::find`] keeps: this runs over every public document.)
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

    /// `text` with every passage, wherever it stands, replaced by a `*` for
    /// each byte (white space kept): offsets and lines stay where they were,
    /// so a source masked this way can still be shown with a caret.
    pub fn mask(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (range, _) in self.find(text).into_iter().rev() {
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
}
