//! The persons list (`persons.yaml`): the names and e-mail addresses
//! withheld wherever they stand in the records, each with its ground, and
//! the allow list of the ministry's own general addresses and numbers that
//! may be published. [`Listed::withhold`] wraps every occurrence of a
//! listed name in a text as if it were marked `[[ground: …]]`, so every
//! later stage and every format sees a withheld passage.

use super::At;
use crate::personal::Kind;
use crate::redaction::{self, Ground};
use crate::source::Span;
use crate::withheld::Withheld;

/// One person to withhold: a name, e-mail addresses, or both.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: Option<At<String>>,
    pub emails: Vec<At<String>>,
    pub ground: At<Ground>,
}

/// A value that may be published: an address, number or account of the
/// ministry itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Allowed {
    pub kind: Kind,
    /// The value written one way ([`crate::personal::Hit::key`]).
    pub key: String,
    pub span: Span,
}

/// What `persons.yaml` holds, and where the loader withheld a listed name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Persons {
    pub listed: Vec<Person>,
    pub allow: Vec<Allowed>,
    /// The places in the sources where a listed name was withheld by the
    /// loader (a text's piece, or a whole plain field).
    pub automatic: Vec<Span>,
}

impl Persons {
    /// Every listed name and address with the place it is listed.
    pub fn phrases(&self) -> Vec<(String, Span)> {
        self.listed
            .iter()
            .flat_map(|p| p.name.iter().chain(&p.emails))
            .map(|a| (a.value.clone(), a.span))
            .collect()
    }

    /// Whether `key` of `kind` is on the allow list.
    pub fn allows(&self, kind: Kind, key: &str) -> bool {
        self.allow.iter().any(|a| a.kind == kind && a.key == key)
    }
}

/// The listed names, ready to be found in a text.
#[derive(Debug, Default)]
pub struct Listed {
    finder: Withheld,
    grounds: Vec<(Span, Ground)>,
}

/// A text with its listed names withheld.
pub struct Withholding {
    pub text: String,
    /// The bytes the markers added: (offset in `text`, length), in order.
    pub inserted: Vec<(usize, usize)>,
    /// The byte ranges of the original text withheld.
    pub withheld: Vec<std::ops::Range<usize>>,
}

impl Listed {
    pub fn new(persons: &Persons) -> Listed {
        let grounds = persons
            .listed
            .iter()
            .flat_map(|p| p.name.iter().chain(&p.emails).map(|a| (a.span, p.ground.value)))
            .collect();
        Listed { finder: Withheld::of_phrases(persons.phrases()), grounds }
    }

    pub fn is_empty(&self) -> bool {
        self.finder.is_empty()
    }

    /// `text` with every listed name not already inside a marker written
    /// `[[ground: name]]` (one marker a line when the name is split over
    /// lines); `None` when it holds none.
    pub fn withhold(&self, text: &str) -> Option<Withholding> {
        if self.finder.is_empty() {
            return None;
        }
        let places = self.finder.places(text);
        if places.is_empty() {
            return None;
        }
        let marks: Vec<std::ops::Range<usize>> = redaction::markers(text).into_iter().map(|m| m.0).collect();
        let mut out = Withholding {
            text: String::with_capacity(text.len() + 32),
            inserted: Vec::new(),
            withheld: Vec::new(),
        };
        let mut last = 0;
        for (range, at) in places {
            if range.start < last || marks.iter().any(|m| m.start < range.end && range.start < m.end) {
                continue;
            }
            let Some(&(_, ground)) = self.grounds.iter().find(|(s, _)| *s == at) else { continue };
            out.text.push_str(&text[last..range.start]);
            let mut from = range.start;
            for (k, line) in text[range.clone()].split('\n').enumerate() {
                if k > 0 {
                    out.text.push('\n');
                    from += 1;
                }
                let lead = line.len() - line.trim_start().len();
                let words = line.trim();
                out.text.push_str(&line[..lead]);
                if !words.is_empty() {
                    let open = format!("[[{}: ", ground.code());
                    out.inserted.push((out.text.len(), open.len()));
                    out.text.push_str(&open);
                    out.text.push_str(words);
                    out.inserted.push((out.text.len(), 2));
                    out.text.push_str("]]");
                    out.withheld.push(from + lead..from + lead + words.len());
                }
                out.text.push_str(&line[lead + words.len()..]);
                from += line.len();
            }
            last = range.end;
        }
        if out.withheld.is_empty() {
            return None;
        }
        out.text.push_str(&text[last..]);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn listed(names: &[&str]) -> Listed {
        let listed = names
            .iter()
            .enumerate()
            .map(|(i, n)| Person {
                name: Some(At::new(n.to_string(), Span::new(FileId(0), i * 10, i * 10 + 5))),
                emails: Vec::new(),
                ground: At::new(Ground::parse("5.1.2e").unwrap(), Span::new(FileId(0), 0, 0)),
            })
            .collect();
        Listed::new(&Persons { listed, ..Persons::default() })
    }

    #[test]
    fn a_listed_name_is_withheld_wherever_it_stands_however_written() {
        let l = listed(&["Jan de Vries", "p.visser@example.org"]);
        let w = l
            .withhold("Beste JAN DE VRIES, zie https://x.nl/jan-de-vries of mail p.visser@example.org.")
            .unwrap();
        assert_eq!(
            w.text,
            "Beste [[5.1.2e: JAN DE VRIES]], zie https://x.nl/[[5.1.2e: jan-de-vries]] of mail [[5.1.2e: p.visser@example.org]]."
        );
        assert_eq!(w.withheld.len(), 3);
        assert!(redaction::parse(&w.text).is_ok());
        let split = l.withhold("aan Jan de\nVries.").unwrap();
        assert_eq!(split.text, "aan [[5.1.2e: Jan de]]\n[[5.1.2e: Vries]].");
        assert!(redaction::parse(&split.text).is_ok());
        let link = l.withhold("[Jan de Vries](https://x.nl/)").unwrap();
        assert_eq!(link.text, "[[[5.1.2e: Jan de Vries]]](https://x.nl/)");
        assert!(redaction::parse(&link.text).is_ok(), "a withheld link text");
    }

    #[test]
    fn a_marked_name_and_a_longer_word_are_left_as_they_are() {
        let l = listed(&["Jan de Vries"]);
        assert!(l.withhold("Beste [[5.1.2e: Jan de Vries]], en [[5.2: brief aan Jan de Vries]].").is_none());
        assert!(l.withhold("Jan de Vriesland").is_none());
        let w = l.withhold("[[5.1.2e: Jan de Vries]] en Jan de Vries").unwrap();
        assert_eq!(w.text, "[[5.1.2e: Jan de Vries]] en [[5.1.2e: Jan de Vries]]");
        assert_eq!(w.inserted, vec![(28, 10), (50, 2)]);
    }
}
