//! Woo redactions: `[[5.1.2e: words]]` inside Markdown text marks words withheld
//! under a ground of the Wet open overheid (or, for documents judged under
//! the old law, of the Wob: `[[10.2e: words]]`).
//!
//! Parsing splits a text into open and withheld segments; every later stage works
//! on segments, so a public render can only ever see the ground code.

use std::fmt;

/// The law a document is judged under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Law {
    /// The Wet open overheid (since 1 May 2022): grounds 5.1, 5.2, 5.4.
    Woo,
    /// The Wet openbaarheid van bestuur before it: grounds 10 and 11.
    Wob,
}

impl Law {
    pub fn name(self) -> &'static str {
        match self {
            Law::Woo => "Woo",
            Law::Wob => "Wob",
        }
    }

    /// `woo` or `wob`, as the data writes it.
    pub fn parse(s: &str) -> Option<Law> {
        match s {
            "woo" => Some(Law::Woo),
            "wob" => Some(Law::Wob),
            _ => None,
        }
    }
}

/// A ground for withholding: under the Woo (articles 5.1, 5.2 and 5.4) or
/// the Wob (articles 10 and 11), as the publication platforms accept them
/// (open.minvws.nl's `Citation`), each with its meaning in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ground(&'static str, &'static str, Law);

const GROUNDS: &[Ground] = &[
    Ground("5.1.1a", "eenheid van de Kroon", Law::Woo),
    Ground("5.1.1b", "veiligheid van de Staat", Law::Woo),
    Ground("5.1.1c", "vertrouwelijk verstrekte bedrijfs- en fabricagegegevens", Law::Woo),
    Ground("5.1.1d", "bijzondere persoonsgegevens", Law::Woo),
    Ground("5.1.1e", "identificatienummers", Law::Woo),
    Ground("5.1.2a", "betrekkingen van Nederland met andere staten en internationale organisaties", Law::Woo),
    Ground("5.1.2b", "economische of financiële belangen van de Staat", Law::Woo),
    Ground("5.1.2c", "opsporing en vervolging van strafbare feiten", Law::Woo),
    Ground("5.1.2d", "inspectie, controle en toezicht door bestuursorganen", Law::Woo),
    Ground("5.1.2e", "eerbiediging van de persoonlijke levenssfeer", Law::Woo),
    Ground("5.1.2f", "bescherming van concurrentiegevoelige bedrijfs- en fabricagegegevens", Law::Woo),
    Ground("5.1.2g", "bescherming van het milieu", Law::Woo),
    Ground("5.1.2h", "beveiliging van personen en bedrijven en het voorkomen van sabotage", Law::Woo),
    Ground("5.1.2i", "het goed functioneren van de Staat", Law::Woo),
    Ground("5.1.5", "voorkomen van onevenredige benadeling", Law::Woo),
    Ground("5.2", "persoonlijke beleidsopvattingen in documenten voor intern beraad", Law::Woo),
    Ground("5.4", "informatie die berust bij de formateur", Law::Woo),
    Ground("10.1a", "eenheid van de Kroon", Law::Wob),
    Ground("10.1b", "veiligheid van de Staat", Law::Wob),
    Ground("10.1c", "vertrouwelijk verstrekte bedrijfs- en fabricagegegevens", Law::Wob),
    Ground("10.1d", "bijzondere persoonsgegevens", Law::Wob),
    Ground("10.2a", "betrekkingen van Nederland met andere staten en internationale organisaties", Law::Wob),
    Ground("10.2b", "economische of financiële belangen van de Staat", Law::Wob),
    Ground("10.2c", "opsporing en vervolging van strafbare feiten", Law::Wob),
    Ground("10.2d", "inspectie, controle en toezicht door bestuursorganen", Law::Wob),
    Ground("10.2e", "eerbiediging van de persoonlijke levenssfeer", Law::Wob),
    Ground(
        "10.2f",
        "het belang van de geadresseerde om als eerste kennis te nemen van de informatie",
        Law::Wob,
    ),
    Ground("10.2g", "voorkomen van onevenredige bevoordeling of benadeling", Law::Wob),
    Ground("11.1", "persoonlijke beleidsopvattingen in documenten voor intern beraad", Law::Wob),
];

impl Ground {
    /// Reads a ground code; `5.1.2.e` is read as `5.1.2e`.
    pub fn parse(code: &str) -> Option<Ground> {
        let code = code.trim();
        let normal = match code.rsplit_once('.') {
            Some((head, tail)) if tail.len() == 1 && tail.chars().all(|c| c.is_ascii_lowercase()) => {
                format!("{head}{tail}")
            }
            _ => code.to_string(),
        };
        GROUNDS.iter().copied().find(|g| g.0 == normal)
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// The ground's meaning, for the inventory's legend.
    pub fn description(self) -> &'static str {
        self.1
    }

    /// The law it is a ground of.
    pub fn law(self) -> Law {
        self.2
    }

    pub fn all_codes() -> impl Iterator<Item = &'static str> {
        GROUNDS.iter().map(|g| g.0)
    }

    /// The codes of one law, for hints.
    pub fn codes_of(law: Law) -> impl Iterator<Item = &'static str> {
        GROUNDS.iter().filter(move |g| g.2 == law).map(|g| g.0)
    }
}

impl fmt::Display for Ground {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A piece of a text: open, or withheld under a ground.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Open(&'a str),
    Withheld { ground: Ground, words: &'a str },
}

/// A malformed marker, at a byte range of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkerError {
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub hint: Option<String>,
}

const OPEN: &str = "[[";
const CLOSE: &str = "]]";

/// Splits `text` into segments, or lists every malformed marker in it.
pub fn parse(text: &str) -> Result<Vec<Segment<'_>>, Vec<MarkerError>> {
    let scanned = scan(text);
    if scanned.errors.is_empty() { Ok(scanned.segments) } else { Err(scanned.errors) }
}

/// Every well-formed marker in `text` (also where others are malformed):
/// its byte range, ground and words.
pub fn markers(text: &str) -> Vec<(std::ops::Range<usize>, Ground, &str)> {
    scan(text).marks
}

/// What one pass of the grammar finds in a text.
struct Scanned<'a> {
    segments: Vec<Segment<'a>>,
    marks: Vec<(std::ops::Range<usize>, Ground, &'a str)>,
    errors: Vec<MarkerError>,
}

/// The grammar, once: every marker in `text`, well-formed or not.
fn scan(text: &str) -> Scanned<'_> {
    let mut segments = Vec::new();
    let mut marks = Vec::new();
    let mut errors = Vec::new();
    let mut rest = 0;
    while let Some(found) = text[rest..].find(OPEN) {
        let mut start = rest + found;
        // `[[[5.1.2e: …]]](…)`: a link whose text is withheld; the marker
        // is the last two brackets.
        while text[start + OPEN.len()..].starts_with('[') {
            start += 1;
        }
        if start > rest {
            segments.push(Segment::Open(&text[rest..start]));
        }
        let inner_start = start + OPEN.len();
        let line_end = text[inner_start..].find('\n').map_or(text.len(), |i| inner_start + i);
        let close = text[inner_start..].find(CLOSE).map(|i| inner_start + i);
        let Some(close) = close else {
            errors.push(MarkerError {
                start,
                end: line_end,
                message: crate::tr!("marker-unclosed"),
                hint: Some(crate::tr!("marker-unclosed-hint")),
            });
            rest = line_end;
            continue;
        };
        if close > line_end {
            errors.push(MarkerError {
                start,
                end: line_end,
                message: crate::tr!("marker-split"),
                hint: Some(crate::tr!("marker-split-hint")),
            });
            rest = line_end;
            continue;
        }
        let inner = &text[inner_start..close];
        if inner.contains(OPEN) {
            errors.push(MarkerError {
                start,
                end: close + CLOSE.len(),
                message: crate::tr!("marker-nested"),
                hint: Some(crate::tr!("marker-nested-hint")),
            });
            rest = close + CLOSE.len();
            continue;
        }
        match inner.split_once(':') {
            Some((code, words)) if !words.trim().is_empty() => match Ground::parse(code) {
                Some(ground) => {
                    segments.push(Segment::Withheld { ground, words: words.trim() });
                    marks.push((start..close + CLOSE.len(), ground, words.trim()));
                }
                None => errors.push(MarkerError {
                    start: inner_start,
                    end: inner_start + code.len(),
                    // Quoted only when it can be a code, never when it may be the words.
                    message: match code.trim() {
                        c if c.len() <= 8 && !c.contains(char::is_whitespace) => {
                            crate::tr!("marker-unknown-ground", code = c)
                        }
                        _ => crate::tr!("marker-text-not-ground"),
                    },
                    hint: Some(match Ground::parse(&code.trim().to_lowercase().replace(' ', "")) {
                        // `5.1.2E`, `5.1.2 e`: the ground meant.
                        Some(g) => crate::tr!("did-you-mean", name = g.code()),
                        None => crate::tr!(
                            "marker-grounds-hint",
                            grounds = Ground::all_codes().collect::<Vec<_>>().join(", ")
                        ),
                    }),
                }),
            },
            _ => errors.push(MarkerError {
                start,
                end: close + CLOSE.len(),
                message: crate::tr!("marker-empty"),
                hint: Some(crate::tr!("marker-empty-hint")),
            }),
        }
        rest = close + CLOSE.len();
    }
    if rest < text.len() {
        segments.push(Segment::Open(&text[rest..]));
    }
    Scanned { segments, marks, errors }
}

/// The words that stand for withheld ones in what a public render sees.
pub const HIDDEN: &str = "…";

/// `text` as the public audience may see it: every marker keeps its ground
/// and loses its words (`[[5.1.2e: …]]`), so nothing rendered from it, by
/// any template or filter, can hold them. A malformed marker loses all its
/// content (the run has errors then anyway).
pub fn public_view(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(OPEN) {
        return std::borrow::Cow::Borrowed(text);
    }
    match parse(text) {
        Ok(segments) => {
            let mut out = String::with_capacity(text.len());
            for s in segments {
                match s {
                    Segment::Open(t) => out.push_str(t),
                    Segment::Withheld { ground, .. } => {
                        out.push_str(OPEN);
                        out.push_str(ground.code());
                        out.push_str(": ");
                        out.push_str(HIDDEN);
                        out.push_str(CLOSE);
                    }
                }
            }
            std::borrow::Cow::Owned(out)
        }
        Err(_) => std::borrow::Cow::Owned(
            mask(text).chars().map(|c| if c == '*' { '…' } else { c }).collect::<String>().replace("……", "…"),
        ),
    }
}

/// Characters that look like nothing but split a marker: zero-width
/// spaces and joiners, the word joiner, the byte order mark.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// What looks like a redaction marker but is not one, so that it would be
/// published as it stands: `[5.1.2e: …]]` (one bracket), fullwidth brackets,
/// `[ [` or an invisible character between the brackets, a stray `]]`.
pub fn near_misses(text: &str) -> Vec<MarkerError> {
    let mut out = Vec::new();
    if !text.contains(['[', ']', '［', '］', '〚', '〛', '⟦', '⟧']) {
        return out;
    }
    let hint = || Some(crate::tr!("marker-near-hint"));
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Inside a well-formed marker, or a one-bracket one already told: its
    // `]]` closes it.
    let mut open_depth_line = false;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = |n: usize| chars.get(k + n).map(|&(_, c)| c);
        match c {
            '\n' => open_depth_line = false,
            '［' | '］' | '〚' | '〛' | '⟦' | '⟧' => {
                out.push(MarkerError {
                    start: i,
                    end: i + c.len_utf8(),
                    message: crate::tr!("marker-lookalike"),
                    hint: hint(),
                });
            }
            '[' | ']' => {
                // `[`, then only spaces or invisible characters, then `[` again.
                let mut n = 1;
                while next(n).is_some_and(|d| d == ' ' || invisible(d)) {
                    n += 1;
                }
                if c == '[' && n > 1 && next(n) == Some(c) {
                    open_depth_line = true;
                    let end = chars.get(k + n).map_or(text.len(), |&(j, d)| j + d.len_utf8());
                    out.push(MarkerError {
                        start: i,
                        end,
                        message: crate::tr!("marker-brackets-split"),
                        hint: hint(),
                    });
                }
                if c == '[' && next(1) == Some('[') {
                    open_depth_line = true;
                }
                // `[5.1.2e: …` with one bracket.
                // (Not the second bracket of a split pair: that was told.)
                let before = chars[..k].iter().rev().map(|&(_, d)| d).find(|&d| d != ' ' && !invisible(d));
                if c == '[' && next(1) != Some('[') && before != Some('[') {
                    let rest = &text[i + 1..];
                    let code: String =
                        rest.chars().take_while(|d| *d != ':' && *d != ']' && *d != '\n').collect();
                    if rest[code.len()..].starts_with(':')
                        && Ground::parse(&code).is_some()
                        && code.len() <= 8
                    {
                        open_depth_line = true;
                        out.push(MarkerError {
                            start: i,
                            end: i + 1 + code.len() + 1,
                            message: crate::tr!("marker-one-bracket"),
                            hint: hint(),
                        });
                    }
                }
                if c == ']' && next(1) == Some(']') && !open_depth_line && (k == 0 || chars[k - 1].1 != ']') {
                    out.push(MarkerError {
                        start: i,
                        end: i + 2,
                        message: crate::tr!("marker-stray-close"),
                        hint: hint(),
                    });
                }
                if c == ']' && next(1) == Some(']') {
                    open_depth_line = false;
                }
            }
            _ => {}
        }
    }
    out
}

/// The grounds used in a text, sorted and without repeats (none if malformed).
pub fn grounds(text: &str) -> Vec<Ground> {
    let mut v: Vec<Ground> = parse(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|s| match s {
            Segment::Withheld { ground, .. } => Some(ground),
            Segment::Open(_) => None,
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// `text` with the words of every marker, well-formed or not, replaced by `*`
/// byte for byte (so offsets stay valid). Used for diagnostics snippets.
pub fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(found) = text[rest..].find(OPEN) {
        let inner_start = rest + found + OPEN.len();
        out.push_str(&text[rest..inner_start]);
        let line_end = text[inner_start..].find('\n').map_or(text.len(), |i| inner_start + i);
        let end = text[inner_start..line_end].find(CLOSE).map_or(line_end, |i| inner_start + i);
        let inner = &text[inner_start..end];
        // Keep a short code before the colon; mask everything else.
        let keep = match inner.find(':') {
            Some(i) if i <= 10 && !inner[..i].contains(char::is_whitespace) => i + 1,
            _ => 0,
        };
        out.push_str(&inner[..keep]);
        out.extend(std::iter::repeat_n('*', inner.len() - keep));
        rest = end;
    }
    out.push_str(&text[rest..]);
    // What only looks like a marker is masked too, from its opening to the
    // closing bracket or the end of the line: its words were meant withheld.
    // A stray `]]` is masked back to the start of its line. Lines with a
    // malformed marker are masked as such already.
    let mut line_start = 0;
    let mut near = Vec::new();
    for line in text.split_inclusive('\n') {
        if parse(line).is_ok() {
            near.extend(near_misses(line).into_iter().map(|mut e| {
                e.start += line_start;
                e.end += line_start;
                e
            }));
        }
        line_start += line.len();
    }
    for e in near {
        let (from, to) = if e.message.starts_with("`]]`") {
            let line_start = text[..e.start].rfind('\n').map_or(0, |i| i + 1);
            (
                line_start + (text[line_start..e.start].len() - text[line_start..e.start].trim_start().len()),
                e.start,
            )
        } else {
            let from = e.end.min(text.len());
            let line_end = text[from..].find('\n').map_or(text.len(), |i| from + i);
            (from, text[from..line_end].find([']', '］', '〛', '⟧']).map_or(line_end, |i| from + i))
        };
        let stars: String = text[from..to].bytes().map(|_| '*').collect();
        out.replace_range(from..to, &stars);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_grounds_and_the_dotted_spelling() {
        assert_eq!(Ground::parse("5.1.2e").map(Ground::code), Some("5.1.2e"));
        assert_eq!(Ground::parse("5.1.2.e").map(Ground::code), Some("5.1.2e"));
        assert_eq!(Ground::parse("5.2").map(Ground::code), Some("5.2"));
        assert_eq!(Ground::parse("5.1.5").map(Ground::code), Some("5.1.5"));
        assert_eq!(Ground::parse("5.1.2j"), None);
        assert_eq!(Ground::parse("5.1.1f"), None);
        assert_eq!(Ground::parse("10.2"), None);
    }

    #[test]
    fn splits_open_and_withheld_text() {
        let segs = parse("Beste [[5.1.2e: Jan de Vries]], dank.").unwrap();
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[0], Segment::Open("Beste "));
        assert_eq!(
            segs[1],
            Segment::Withheld { ground: Ground::parse("5.1.2e").unwrap(), words: "Jan de Vries" }
        );
        assert_eq!(segs[2], Segment::Open(", dank."));
    }

    #[test]
    fn reports_every_malformed_marker() {
        let errs = parse("[[5.9: a]] en [[5.1.2e: b\nc]] en [[5.1.2e: [[5.2: x]] y]] [[geen").unwrap_err();
        let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        assert!(msgs[0].contains("`5.9` is not a ground"));
        assert!(msgs[1].contains("split over lines"));
        assert!(msgs[2].contains("nested"));
        assert!(msgs[3].contains("never closed"));
    }

    #[test]
    fn near_misses_are_found_once_and_masked() {
        let one = near_misses("Beste [5.1.2e: Jan Modaal]], groet.");
        assert_eq!(one.len(), 1, "{one:?}");
        assert!(one[0].message.contains("two opening brackets"));
        assert_eq!(near_misses("Beste ［［5.1.2e: Jan］］.").len(), 4);
        assert_eq!(near_misses("Beste [\u{200B}[5.1.2e: Jan]].").len(), 1);
        assert_eq!(near_misses("Beste Jan]].").len(), 1);
        assert!(near_misses("Beste [[5.1.2e: Jan]] en [1] en [niet: dit].").is_empty());
        for t in [
            "Beste [5.1.2e: Jan Modaal]], groet.",
            "Beste ［［5.1.2e: Jan Modaal］］.",
            "Beste [\u{200B}[5.1.2e: Jan Modaal]].",
        ] {
            let m = mask(t);
            assert!(!m.contains("Jan") && !m.contains("Modaal"), "{m}");
            assert_eq!(m.len(), t.len());
        }
    }

    #[test]
    fn mask_hides_words_and_keeps_offsets() {
        let t = "a [[5.1.2e: Jan é]] b [[oops Piet\nc";
        let m = mask(t);
        assert_eq!(m.len(), t.len());
        assert!(!m.contains("Jan") && !m.contains("Piet") && !m.contains('é'));
        assert!(m.contains("[[5.1.2e:"));
        assert!(m.ends_with("\nc"));
    }

    proptest::proptest! {
        /// The redaction grammar over any text: it never panics; what it
        /// splits covers the text in order (open pieces as written, each
        /// marker's words inside its own range); every marker and error
        /// lies inside the text; and well-formed markers between plain
        /// words come back exactly.
        #[test]
        fn any_text_is_split_in_order_and_markers_come_back(
            text in "(\\PC|\\[|\\]|:|5\\.1\\.2e| ){0,120}",
            pieces in proptest::collection::vec(("[a-z ]{0,10}", proptest::option::of(("5\\.1\\.2e|5\\.2|5\\.1\\.1c", "[a-zA-Z][a-zA-Z ]{0,12}"))), 0..8),
        ) {
            match parse(&text) {
                Ok(segments) => {
                    let mut at = 0;
                    for s in &segments {
                        let piece = match s {
                            Segment::Open(t) => *t,
                            Segment::Withheld { words, .. } => *words,
                        };
                        let found = text[at..].find(piece).map(|i| at + i);
                        proptest::prop_assert!(found.is_some(), "{piece:?} not after byte {at} of {text:?}");
                        at = found.unwrap() + piece.len();
                    }
                }
                Err(errors) => {
                    for e in errors {
                        proptest::prop_assert!(e.start <= e.end && e.end <= text.len(), "{e:?} in {text:?}");
                    }
                }
            }
            for (range, _, words) in markers(&text) {
                proptest::prop_assert!(range.end <= text.len() && text[range.clone()].starts_with("[["));
                proptest::prop_assert!(text[range].contains(words));
            }
            // Well-formed text: exactly the pieces it was made of.
            let mut made = String::new();
            let mut expected: Vec<(Option<&str>, String)> = Vec::new();
            for (open, marker) in &pieces {
                made.push_str(open);
                expected.push((None, open.clone()));
                if let Some((ground, words)) = marker {
                    let words = words.trim_end();
                    made.push_str(&format!("[[{ground}: {words}]]"));
                    expected.push((Some(ground.as_str()), words.to_string()));
                }
            }
            let segments = parse(&made).map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e:?} in {made:?}")))?;
            let got: Vec<(Option<&str>, String)> = segments
                .iter()
                .map(|s| match s {
                    Segment::Open(t) => (None, t.to_string()),
                    Segment::Withheld { ground, words } => (Some(ground.code()), words.to_string()),
                })
                .collect();
            let joined = |v: &[(Option<&str>, String)]| {
                let mut out: Vec<(Option<String>, String)> = Vec::new();
                for (g, t) in v {
                    match (g, out.last_mut()) {
                        (None, Some((None, last))) => last.push_str(t),
                        _ => out.push((g.map(String::from), t.clone())),
                    }
                }
                out.retain(|(g, t)| g.is_some() || !t.is_empty());
                out
            };
            proptest::prop_assert_eq!(joined(&got), joined(&expected));
        }
    }
}
