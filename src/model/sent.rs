//! What was sent: the record `beantwoord send` keeps beside a dossier
//! (`dossier.lock`), and how a build's answers and annexes compare with it.
//! Sent answers are never rewritten: a change is named and goes into a
//! follow-up answer ("nader"); a Woo number recorded here is never given to
//! another document.

use super::Date;
use crate::source::Span;
use std::collections::BTreeMap;

/// The lock of a sent dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    /// The dossier's id, as recorded.
    pub dossier: String,
    /// The date the answers went out (the dossier's `answered`).
    pub on: Date,
    /// The Kamer documents the dossier named when it was sent (its
    /// `documents:`, e.g. `question` and, once published, `answer`), in the
    /// dossier's order: the sent files are made again with these, so that
    /// recording the Aanhangsel number the Kamer gives on publication
    /// changes none of them. `None` in a lock written before they were
    /// recorded: such a dossier is rendered with its documents as they are
    /// now (as before).
    pub documents: Option<Vec<(String, String)>>,
    /// Every public file made for the dossier, by its path below the
    /// dossier's output folder (`antwoord.pdf`), with its SHA-256 (hex).
    pub files: Vec<(String, String)>,
    /// Each answer by its number (the first question it answers), with the
    /// hash of its public text and the notes it cites.
    pub answers: Vec<(u32, String)>,
    /// Each annex as sent: its report, its Woo numbers, its hash.
    pub annexes: Vec<SentAnnex>,
    /// The lock file, for messages.
    pub at: Span,
}

/// One annex as sent (or as built now).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentAnnex {
    /// The report it reproduces.
    pub report: String,
    /// Its annex number ("bijlage 3").
    pub number: u32,
    /// The inventory numbers of its documents, in the report's order.
    pub documents: Vec<u32>,
    /// The hash of its public content.
    pub hash: String,
    /// Its documents' IDs, in the report's order (empty in a lock written
    /// before they were recorded).
    pub ids: Vec<String>,
    /// The hash of each document's public content, in the same order
    /// (empty likewise): a follow-up gives a new ID to the ones that differ.
    pub digests: Vec<String>,
}

impl SentAnnex {
    /// The documents of this annex as `now` has them that differ from
    /// this one as sent: their place in the report's order and the ID they
    /// were sent under. Without recorded hashes every document sent is
    /// taken to differ; a document added since is new, not a replacement.
    pub fn replaced_in(&self, now: &SentAnnex) -> Vec<(usize, String)> {
        (0..now.ids.len().min(self.documents.len()))
            .filter(|&i| self.digests.is_empty() || self.digests.get(i) != now.digests.get(i))
            .map(|i| (i, self.ids.get(i).unwrap_or(&now.ids[i]).clone()))
            .collect()
    }
}

impl Sent {
    /// The annex number recorded for each report.
    pub fn annex_numbers(&self) -> BTreeMap<&str, u32> {
        self.annexes.iter().map(|a| (a.report.as_str(), a.number)).collect()
    }

    /// The lock file's text: deterministic, one value per line, so that a
    /// diff of the data shows what was sent.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for line in crate::tr!("lock-opening").lines() {
            s.push_str(&format!("# {line}\n"));
        }
        s.push_str(&format!("dossier: {}\n", quoted(&self.dossier)));
        s.push_str(&format!("sent: {}\n", self.on));
        // `{}` when the dossier named none: an empty field would read as
        // no record at all (a lock written before they were recorded).
        match &self.documents {
            Some(documents) if documents.is_empty() => s.push_str("documents: {}\n"),
            Some(documents) => {
                s.push_str("documents:\n");
                for (key, id) in documents {
                    s.push_str(&format!("  {}: {}\n", quoted(key), quoted(id)));
                }
            }
            None => {}
        }
        s.push_str("files:\n");
        for (name, hash) in &self.files {
            s.push_str(&format!("  {}: {hash}\n", quoted(name)));
        }
        s.push_str("answers:\n");
        for (number, hash) in &self.answers {
            s.push_str(&format!("  {number}: {hash}\n"));
        }
        s.push_str("annexes:\n");
        for a in &self.annexes {
            s.push_str(&format!("  - report: {}\n", quoted(&a.report)));
            s.push_str(&format!("    number: {}\n", a.number));
            let docs: Vec<String> = a.documents.iter().map(u32::to_string).collect();
            s.push_str(&format!("    documents: [{}]\n", docs.join(", ")));
            s.push_str(&format!("    hash: {}\n", a.hash));
            if !a.ids.is_empty() {
                let ids: Vec<String> = a.ids.iter().map(|i| quoted(i)).collect();
                s.push_str(&format!("    ids: [{}]\n", ids.join(", ")));
            }
            if !a.digests.is_empty() {
                s.push_str(&format!("    digests: [{}]\n", a.digests.join(", ")));
            }
        }
        s
    }
}

/// A YAML double-quoted scalar (ids and file names are plain, but a quote
/// costs nothing and never misreads).
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A dossier's answers and annexes as a build makes them, to compare with
/// what was sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fingerprint {
    /// Each answer by its number, with the hash of its public text.
    pub answers: Vec<(u32, String)>,
    /// Each annex, in number order.
    pub annexes: Vec<SentAnnex>,
    /// The number each annex's report would have in date order, were no
    /// numbers recorded (to say what the lock kept from being renumbered).
    pub date_order: BTreeMap<String, u32>,
}

/// How a build differs from what was sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Answers whose text changed, or that were added or dropped.
    pub answers: Vec<u32>,
    /// Annexes whose content changed: number and report.
    pub annexes_changed: Vec<(u32, String)>,
    /// Annexes added since (a report now in scope): number and report.
    pub annexes_added: Vec<(u32, String)>,
    /// Annexes sent that are no longer made: number and report.
    pub annexes_dropped: Vec<(u32, String)>,
    /// Sent annexes that keep their number where date order would move
    /// them: report, kept number, date-order number.
    pub renumbering_held: Vec<(String, u32, u32)>,
}

impl Changes {
    /// Whether the answers or annexes differ (the held numbers are not a
    /// difference: they are what the lock is for).
    pub fn any(&self) -> bool {
        !self.answers.is_empty()
            || !self.annexes_changed.is_empty()
            || !self.annexes_added.is_empty()
            || !self.annexes_dropped.is_empty()
    }

    /// The answers and annexes that differ, as one line each.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        let n = |v: &[u32]| listed(v);
        if !self.answers.is_empty() {
            out.push(crate::tr!(
                "sent-answers-change",
                count = self.answers.len(),
                numbers = n(&self.answers)
            ));
        }
        for (what, list) in [
            ("change", &self.annexes_changed),
            ("added", &self.annexes_added),
            ("dropped", &self.annexes_dropped),
        ] {
            for (number, report) in list {
                out.push(crate::tr!("sent-annex", number = *number, report = report.as_str(), what = what));
            }
        }
        if !self.renumbering_held.is_empty() {
            let kept: Vec<u32> = self.renumbering_held.iter().map(|(_, k, _)| *k).collect();
            let moved: Vec<u32> = self.renumbering_held.iter().map(|(_, _, m)| *m).collect();
            out.push(crate::tr!("sent-numbers-held", kept = n(&kept), moved = n(&moved)));
        }
        out
    }
}

/// `4`, `8 en 9`, `2, 3, 4 en 5` in the current language.
fn listed(numbers: &[u32]) -> String {
    let words: Vec<String> = numbers.iter().map(u32::to_string).collect();
    crate::i18n::listed(&words)
}

/// Compares a build with what was sent.
pub fn changes(sent: &Sent, now: &Fingerprint) -> Changes {
    let mut c = Changes::default();
    let before: BTreeMap<u32, &str> = sent.answers.iter().map(|(n, h)| (*n, h.as_str())).collect();
    let after: BTreeMap<u32, &str> = now.answers.iter().map(|(n, h)| (*n, h.as_str())).collect();
    let mut numbers: Vec<u32> = before.keys().chain(after.keys()).copied().collect();
    numbers.sort_unstable();
    numbers.dedup();
    c.answers = numbers.into_iter().filter(|n| before.get(n) != after.get(n)).collect();
    let sent_annexes: BTreeMap<&str, &SentAnnex> =
        sent.annexes.iter().map(|a| (a.report.as_str(), a)).collect();
    for a in &now.annexes {
        match sent_annexes.get(a.report.as_str()) {
            None => c.annexes_added.push((a.number, a.report.clone())),
            Some(s) if s.hash != a.hash || s.documents != a.documents => {
                c.annexes_changed.push((a.number, a.report.clone()))
            }
            Some(_) => {}
        }
    }
    for s in &sent.annexes {
        if !now.annexes.iter().any(|a| a.report == s.report) {
            c.annexes_dropped.push((s.number, s.report.clone()));
        }
        if let Some(&moved) = now.date_order.get(&s.report)
            && moved != s.number
        {
            c.renumbering_held.push((s.report.clone(), s.number, moved));
        }
    }
    c.renumbering_held.sort_by_key(|(_, kept, _)| *kept);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn annex(report: &str, number: u32, hash: &str) -> SentAnnex {
        SentAnnex {
            report: report.into(),
            number,
            documents: vec![number * 2 - 1, number * 2],
            hash: hash.into(),
            ids: vec![format!("{report}-1"), format!("{report}-2")],
            digests: vec![format!("{hash}a"), format!("{hash}b")],
        }
    }

    #[test]
    fn a_follow_up_replaces_the_documents_whose_hash_differs_under_the_ids_they_were_sent_as() {
        let sent = annex("r1", 1, "h1");
        let mut now = sent.clone();
        now.hash = "changed".into();
        now.digests[1] = "other".into();
        now.ids[1] = "renamed-2".into();
        assert_eq!(sent.replaced_in(&now), [(1, "r1-2".to_string())]);
        // A document added to the report since is new, not a replacement.
        now.ids.push("r1-3".into());
        now.digests.push("new".into());
        now.documents.push(9);
        assert_eq!(sent.replaced_in(&now), [(1, "r1-2".to_string())]);
        // A lock without hashes per document: every document sent is replaced.
        let old = SentAnnex { ids: Vec::new(), digests: Vec::new(), ..sent };
        assert_eq!(old.replaced_in(&now), [(0, "r1-1".to_string()), (1, "renamed-2".to_string())]);
    }

    fn sent() -> Sent {
        Sent {
            dossier: "2022Z21205".into(),
            on: Date::parse("2022-12-02").unwrap(),
            documents: Some(vec![("question".into(), "kv-tk-2022Z21205".into())]),
            files: vec![("antwoord.md".into(), "ab".into())],
            answers: vec![(1, "a1".into()), (2, "a2".into())],
            annexes: vec![annex("r1", 1, "h1"), annex("r2", 2, "h2")],
            at: Span::new(FileId(0), 0, 0),
        }
    }

    #[test]
    fn an_unchanged_build_has_no_changes() {
        let s = sent();
        let now =
            Fingerprint { answers: s.answers.clone(), annexes: s.annexes.clone(), ..Default::default() };
        assert!(!changes(&s, &now).any());
    }

    #[test]
    fn changed_added_and_dropped_answers_and_annexes_are_named_and_held_numbers_told() {
        let s = sent();
        let now = Fingerprint {
            answers: vec![(1, "a1".into()), (2, "changed".into()), (3, "new".into())],
            annexes: vec![annex("r2", 2, "h2"), annex("r0", 3, "h0")],
            date_order: [("r0".to_string(), 1), ("r2".to_string(), 2)].into_iter().collect(),
        };
        let c = changes(&s, &now);
        assert_eq!(c.answers, [2, 3]);
        assert_eq!(c.annexes_added, [(3, "r0".to_string())]);
        assert_eq!(c.annexes_dropped, [(1, "r1".to_string())]);
        assert!(c.annexes_changed.is_empty());
        assert!(c.renumbering_held.is_empty(), "r2 keeps 2, which date order also gives");
        assert_eq!(c.lines()[0], "answers 2 and 3 would change");
    }

    #[test]
    fn the_lock_text_lists_every_value_in_order() {
        let text = sent().to_text();
        assert!(text.contains("dossier: \"2022Z21205\"\nsent: 2022-12-02\ndocuments:\n  \"question\": \"kv-tk-2022Z21205\"\nfiles:\n  \"antwoord.md\": ab\n"));
        // A lock without the record (as an older version wrote it) is written without it.
        let old = Sent { documents: None, ..sent() }.to_text();
        assert!(old.contains("sent: 2022-12-02\nfiles:\n"), "{old}");
        assert!(text.contains("  - report: \"r2\"\n    number: 2\n    documents: [3, 4]\n    hash: h2\n    ids: [\"r2-1\", \"r2-2\"]\n    digests: [h2a, h2b]\n"));
    }
}
