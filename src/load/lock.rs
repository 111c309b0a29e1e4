//! Reads `dossiers/<id>/dossier.lock`: what `beantwoord send` recorded of
//! a sent dossier ([`crate::model::sent::Sent`]). Written by the tool, but
//! kept in the data folder and committed by hand, so it is checked as
//! carefully as the dossier itself.

use super::read::Reader;
use super::yaml::{Kind, Node};
use crate::diag::Diagnostic;
use crate::model::sent::{Sent, SentAnnex};

const LOCK_FIELDS: &[&str] = &["dossier", "sent", "documents", "files", "answers", "annexes"];
const ANNEX_FIELDS: &[&str] = &["report", "number", "documents", "hash", "ids", "digests"];

pub fn read(r: &mut Reader, root: &Node) -> Option<Sent> {
    let mut f = r.map(root, "dossier lock", LOCK_FIELDS)?;
    let dossier = f.required(r, "dossier").and_then(|n| r.string(n));
    let sent_node = f.required(r, "sent");
    let on = sent_node.and_then(|n| r.date(n));
    // The Kamer documents the dossier named when it was sent, recorded
    // since the Aanhangsel number comes later (a lock written before has
    // none: its dossier is rendered with the documents it names now).
    let documents = f
        .get("documents")
        .and_then(|n| entries(r, n, "documents"))
        .map(|e| e.into_iter().filter_map(|(k, v)| Some((k, r.string(v)?))).collect::<Vec<_>>());
    let files = f
        .required(r, "files")
        .and_then(|n| entries(r, n, "files"))
        .map(|e| e.into_iter().filter_map(|(k, v)| Some((k, r.string(v)?))).collect::<Vec<_>>());
    let answers = f.required(r, "answers").and_then(|n| entries(r, n, "answers")).map(|e| {
        let mut out = Vec::new();
        for (key, value) in e {
            let Some(hash) = r.string(value) else { continue };
            match key.parse::<u32>() {
                Ok(number) => out.push((number, hash)),
                Err(_) => {
                    let d =
                        Diagnostic::error(crate::tr!("lock-answer-number", key = key), r.node_span(value))
                            .label(crate::tr!("lock-answer-number-label"))
                            .hint(crate::tr!("lock-restore-hint"));
                    r.push(d);
                }
            }
        }
        out
    });
    let annexes = f
        .get("annexes")
        .and_then(|n| r.list(n, "annexes"))
        .map(|l| l.iter().filter_map(|n| annex(r, n)).collect::<Vec<_>>())
        .unwrap_or_default();
    f.finish(r);
    let at = sent_node.map_or_else(|| r.span(0, 0), |n| r.node_span(n));
    let sent =
        Sent { dossier: dossier?, on: on?.value, documents, files: files?, answers: answers?, annexes, at };
    let mut numbers: Vec<u32> = sent.annexes.iter().map(|a| a.number).collect();
    let mut documents: Vec<u32> = sent.annexes.iter().flat_map(|a| a.documents.iter().copied()).collect();
    numbers.sort_unstable();
    documents.sort_unstable();
    if numbers.windows(2).any(|w| w[0] == w[1]) || documents.windows(2).any(|w| w[0] == w[1]) {
        let d = Diagnostic::error(crate::tr!("lock-number-twice"), at)
            .label(crate::tr!("lock-number-twice-label"))
            .hint(crate::tr!("lock-restore-hint"));
        r.push(d);
        return None;
    }
    Some(sent)
}

fn entries<'n>(r: &mut Reader, node: &'n Node, what: &str) -> Option<Vec<(String, &'n Node)>> {
    match &node.kind {
        Kind::Map(e) => Some(e.iter().map(|(k, v)| (k.name.clone(), v)).collect()),
        Kind::Null => Some(Vec::new()),
        _ => {
            r.map(node, what, &[]);
            None
        }
    }
}

fn annex(r: &mut Reader, node: &Node) -> Option<SentAnnex> {
    let mut f = r.map(node, "sent annex", ANNEX_FIELDS)?;
    let report = f.required(r, "report").and_then(|n| r.string(n));
    let number = f.required(r, "number").and_then(|n| r.uint(n));
    let documents = f
        .required(r, "documents")
        .and_then(|n| r.list(n, "documents"))
        .map(|l| l.iter().filter_map(|n| r.uint(n).map(|u| u.value)).collect::<Vec<_>>());
    let hash = f.required(r, "hash").and_then(|n| r.string(n));
    // Each document's ID and hash, recorded since follow-up answers give a
    // changed document a new ID (a lock written before has neither).
    let mut strings = |key: &str| {
        f.get(key)
            .and_then(|n| r.list(n, key))
            .map(|l| l.iter().filter_map(|n| r.string(n)).collect::<Vec<String>>())
            .unwrap_or_default()
    };
    let ids = strings("ids");
    let digests = strings("digests");
    f.finish(r);
    Some(SentAnnex {
        report: report?,
        number: number?.value,
        documents: documents?,
        hash: hash?,
        ids,
        digests,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;
    use crate::model::Date;
    use crate::source::{FileId, Span};

    /// The lock `text` as the loader reads it, with what it found wrong.
    fn read_text(text: &str) -> (Option<Sent>, Diagnostics) {
        let root = crate::load::yaml::parse(text).unwrap();
        let mut diags = Diagnostics::default();
        let none = crate::model::persons::Listed::default();
        let mut r =
            Reader { file: FileId(0), source: text, diags: &mut diags, listed: &none, automatic: Vec::new() };
        let sent = read(&mut r, &root);
        (sent, diags)
    }

    fn sent(documents: Option<Vec<(String, String)>>) -> Sent {
        Sent {
            dossier: "2022Z21205".into(),
            on: Date::parse("2022-12-02").unwrap(),
            documents,
            files: vec![("antwoord.md".into(), "ab12".into()), ("nader/antwoord.pdf".into(), "cd34".into())],
            answers: vec![(1, "a1".into()), (10, "a10".into())],
            annexes: vec![SentAnnex {
                report: "2021-03-09-video".into(),
                number: 1,
                documents: vec![1, 2],
                hash: "h1".into(),
                ids: vec!["BZK-1".into(), "BZK-2".into()],
                digests: vec!["d1".into(), "d2".into()],
            }],
            at: Span::new(FileId(0), 0, 0),
        }
    }

    /// What a lock says, without where it says it.
    fn same(a: &Sent, b: &Sent) -> bool {
        Sent { at: b.at, ..a.clone() } == *b
    }

    #[test]
    fn a_lock_read_back_is_what_was_written_with_the_documents_the_dossier_named() {
        let documents = vec![
            ("question".to_string(), "kv-tk-2022Z21205".to_string()),
            ("answer".to_string(), "ah-tk-20222023-914".to_string()),
        ];
        for documents in [Some(documents), Some(Vec::new()), None] {
            let written = sent(documents);
            let text = written.to_text();
            let (read, diags) = read_text(&text);
            assert_eq!(diags.error_count(), 0, "{text}");
            let read = read.expect("the lock reads");
            assert!(same(&written, &read), "{text}\n{read:?}");
            assert_eq!(read.to_text(), text);
        }
        let text = sent(Some(vec![("question".into(), "kv-tk-2022Z21205".into())])).to_text();
        assert!(
            text.contains("sent: 2022-12-02\ndocuments:\n  \"question\": \"kv-tk-2022Z21205\"\nfiles:\n"),
            "{text}"
        );
    }

    #[test]
    fn a_lock_written_before_the_documents_were_recorded_reads_as_before() {
        let text = "dossier: \"2022Z21205\"\nsent: 2022-12-02\nfiles:\n  \"antwoord.md\": ab12\nanswers:\n  1: a1\nannexes:\n";
        let (read, diags) = read_text(text);
        assert_eq!(diags.error_count(), 0);
        let read = read.expect("the lock reads");
        assert_eq!(read.documents, None, "no record: the documents as the dossier names them now");
        assert_eq!(read.files, [("antwoord.md".to_string(), "ab12".to_string())]);
        assert_eq!(read.answers, [(1, "a1".to_string())]);
        // And a sent dossier without documents is not one with an old lock.
        let (read, _) = read_text(&text.replace("files:", "documents: {}\nfiles:"));
        assert_eq!(read.unwrap().documents, Some(Vec::new()));
    }
}
