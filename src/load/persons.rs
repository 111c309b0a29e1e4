//! Reads `persons.yaml`: the persons withheld wherever they stand (a name,
//! e-mail addresses, a ground) and the allow list of what may be published
//! (the ministry's own general addresses and numbers).

use super::read::Reader;
use super::yaml::{Kind, Node};
use crate::diag::Diagnostic;
use crate::model::At;
use crate::model::persons::{Allowed, Person, Persons};
use crate::personal;
use crate::redaction::Ground;

/// The file, in the data folder beside `records/` and `dossiers/`.
pub const FILE: &str = "persons.yaml";

const FILE_FIELDS: &[&str] = &["persons", "allow"];
const PERSON_FIELDS: &[&str] = &["name", "emails", "ground"];

/// A name is searched for as whole words, and this short a name would be
/// found in ordinary words (as [`crate::withheld`] skips short passages).
const SHORTEST_NAME: usize = 3;

pub fn read(r: &mut Reader, root: &Node) -> Persons {
    let mut out = Persons::default();
    if root.kind == Kind::Null {
        return out;
    }
    let Some(mut fields) = r.map(root, "persons file", FILE_FIELDS) else { return out };
    if let Some(list) = fields.get("persons").and_then(|n| r.list(n, "persons")) {
        out.listed.extend(list.iter().filter_map(|n| person(r, n)));
    }
    if let Some(list) = fields.get("allow").and_then(|n| r.list(n, "addresses and numbers")) {
        out.allow.extend(list.iter().filter_map(|n| allowed(r, n)));
    }
    fields.finish(r);
    for a in &out.allow {
        let listed = out.listed.iter().flat_map(|p| &p.emails).find(|e| e.value.to_lowercase() == a.key);
        if let Some(e) = listed {
            r.push(
                Diagnostic::error(crate::tr!("person-address-both"), a.span)
                    .label(crate::tr!("person-address-allowed"))
                    .also(e.span, crate::tr!("person-address-withheld"))
                    .hint(crate::tr!("person-address-both-hint")),
            );
        }
    }
    out
}

fn person(r: &mut Reader, node: &Node) -> Option<Person> {
    let mut f = r.map(node, "person", PERSON_FIELDS)?;
    let name = f.get("name").and_then(|n| name(r, n));
    let emails = match f.get("emails") {
        Some(n) if matches!(n.kind, Kind::Seq(_)) => {
            r.list(n, "e-mail addresses").unwrap_or_default().iter().filter_map(|n| email(r, n)).collect()
        }
        Some(n) => email(r, n).into_iter().collect(),
        None => Vec::new(),
    };
    let ground = f.required(r, "ground").and_then(|n| ground(r, n));
    // (A misspelt `name` is told as such, not as a missing one.)
    if name.is_none()
        && emails.is_empty()
        && f_has_neither(node)
        && !f.misspelt("name")
        && !f.misspelt("emails")
    {
        r.push(
            Diagnostic::error(crate::tr!("person-empty"), r.node_span(node))
                .label(crate::tr!("person-empty-label"))
                .hint(crate::tr!("person-empty-hint")),
        );
    }
    f.finish(r);
    Some(Person { name, emails, ground: ground? })
}

/// Whether the mapping has neither field at all (a bad value is told
/// where it is written).
fn f_has_neither(node: &Node) -> bool {
    match &node.kind {
        Kind::Map(entries) => !entries.iter().any(|(k, _)| k.name == "name" || k.name == "emails"),
        _ => true,
    }
}

fn name(r: &mut Reader, node: &Node) -> Option<At<String>> {
    let s = r.string(node)?;
    let span = r.node_span(node);
    if s.contains("[[") || s.contains("]]") {
        r.push(
            Diagnostic::error(crate::tr!("person-name-marker"), span)
                .label(crate::tr!("person-name-marker-label"))
                .hint(crate::tr!("person-name-marker-hint")),
        );
        return None;
    }
    let letters = s.chars().filter(|c| c.is_alphanumeric()).count();
    if letters < SHORTEST_NAME {
        r.push(
            Diagnostic::error(crate::tr!("person-name-short", letters = SHORTEST_NAME), span)
                .label(crate::tr!("person-name-short-label"))
                .hint(crate::tr!("person-name-short-hint")),
        );
        return None;
    }
    Some(At::new(s, span))
}

fn email(r: &mut Reader, node: &Node) -> Option<At<String>> {
    let s = r.string(node)?;
    let span = r.node_span(node);
    match personal::single(&s) {
        Some(h) if h.kind == personal::Kind::Email => Some(At::new(s, span)),
        _ => {
            r.push(
                Diagnostic::error(crate::tr!("person-email-invalid"), span)
                    .label(crate::tr!("person-email-invalid-label"))
                    .hint(crate::tr!("person-email-invalid-hint")),
            );
            None
        }
    }
}

fn ground(r: &mut Reader, node: &Node) -> Option<At<Ground>> {
    let s = r.string(node)?;
    let span = r.node_span(node);
    match Ground::parse(&s) {
        Some(g) => Some(At::new(g, span)),
        None => {
            r.push(
                Diagnostic::error(crate::tr!("ground-unknown", code = s), span)
                    .label(crate::tr!("ground-unknown-label"))
                    .hint(crate::tr!(
                        "person-ground-hint",
                        grounds = Ground::all_codes().collect::<Vec<_>>().join(", ")
                    )),
            );
            None
        }
    }
}

fn allowed(r: &mut Reader, node: &Node) -> Option<Allowed> {
    let s = r.string(node)?;
    let span = r.node_span(node);
    match personal::single(&s) {
        Some(h) => Some(Allowed { kind: h.kind, key: h.key, span }),
        None => {
            r.push(
                Diagnostic::error(crate::tr!("allow-invalid"), span)
                    .label(crate::tr!("allow-invalid-label"))
                    .hint(crate::tr!("allow-invalid-hint")),
            );
            None
        }
    }
}
