//! Reads `dossiers/<id>/dossier.lock`: what `beantwoord send` recorded of
//! a sent dossier ([`crate::model::sent::Sent`]). Written by the tool, but
//! kept in the data folder and committed by hand, so it is checked as
//! carefully as the dossier itself.

use super::read::Reader;
use super::yaml::{Kind, Node};
use crate::diag::Diagnostic;
use crate::model::sent::{Sent, SentAnnex};

const LOCK_FIELDS: &[&str] = &["dossier", "sent", "files", "answers", "annexes"];
const ANNEX_FIELDS: &[&str] = &["report", "number", "documents", "hash", "ids", "digests"];

pub fn read(r: &mut Reader, root: &Node) -> Option<Sent> {
    let mut f = r.map(root, "dossier lock", LOCK_FIELDS)?;
    let dossier = f.required(r, "dossier").and_then(|n| r.string(n));
    let sent_node = f.required(r, "sent");
    let on = sent_node.and_then(|n| r.date(n));
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
                    let d = Diagnostic::error(format!("`{key}` is not an answer number"), r.node_span(value))
                        .label("under `answers`")
                        .hint("the lock is written by `beantwoord send`; restore it from version control");
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
    let sent = Sent { dossier: dossier?, on: on?.value, files: files?, answers: answers?, annexes, at };
    let mut numbers: Vec<u32> = sent.annexes.iter().map(|a| a.number).collect();
    let mut documents: Vec<u32> = sent.annexes.iter().flat_map(|a| a.documents.iter().copied()).collect();
    numbers.sort_unstable();
    documents.sort_unstable();
    if numbers.windows(2).any(|w| w[0] == w[1]) || documents.windows(2).any(|w| w[0] == w[1]) {
        let d = Diagnostic::error("the lock gives one Woo number to two annexes or documents", at)
            .label("in this file")
            .hint("the lock is written by `beantwoord send`; restore it from version control");
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
