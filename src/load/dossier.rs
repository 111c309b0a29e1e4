//! Reads `dossiers/<id>/dossier.yaml`: one question set and its answers.

use super::read::Reader;
use super::yaml::{Kind, Node};
use crate::diag::Diagnostic;
use crate::model::selection::{self, Condition, Selection, Test};
use crate::model::{
    Aanhangsel, Annexes, Answer, At, DelayNotice, Dossier, Footnote, Person, Question, WooFields,
};

const DOSSIER_FIELDS: &[&str] = &[
    "id",
    "title",
    "answer_title",
    "submitted",
    "answered",
    "nader",
    "submitter",
    "co_submitters",
    "addressee",
    "answerer",
    "co_answerers",
    "reference",
    "delays",
    "delay_notices",
    "ministry",
    "topics",
    "documents",
    "sources",
    "records",
    "footnotes",
    "questions",
    "annexes",
    "woo",
];
const WOO_FIELDS: &[&str] = &["law", "prefix", "matter", "publisher", "category", "base_url"];
const PERSON_FIELDS: &[&str] = &["name", "short", "party", "role"];
const QUESTION_FIELDS: &[&str] = &["number", "id", "text", "answer", "answer_with"];
const FOOTNOTE_FIELDS: &[&str] = &["text", "url"];
const DELAY_FIELDS: &[&str] = &["sent", "date", "reason", "aanhangsel"];
const RECORDS_FIELDS: &[&str] = &["until"];
const ANNEX_FIELDS: &[&str] = &["reports", "inventory", "already_published"];
const PUBLISHED_FIELDS: &[&str] = &["report", "dossier", "link"];

pub fn read(r: &mut Reader, root: &Node) -> Option<Dossier> {
    if root.kind == Kind::Null {
        let d = Diagnostic::error(crate::tr!("dossier-file-empty"), r.span(0, 0))
            .label(crate::tr!("dossier-file-empty-label"))
            .hint(crate::tr!("dossier-file-empty-hint"));
        r.push(d);
        return None;
    }
    let mut f = r.map(root, "dossier", DOSSIER_FIELDS)?;
    let id = f.required(r, "id").and_then(|n| dossier_id(r, n));
    let title = f.required(r, "title").and_then(|n| r.string(n));
    let answer_title = f.get("answer_title").and_then(|n| r.string(n));
    let submitted = f.required(r, "submitted").and_then(|n| day(r, n, "submitted"));
    let answered = f.get("answered").and_then(|n| day(r, n, "answered"));
    let nader = f.get("nader").and_then(|n| follow_up_plan(r, n));
    let submitter = f.required(r, "submitter").and_then(|n| person(r, n, "submitter"));
    let addressee = f.required(r, "addressee").and_then(|n| r.string(n));
    let answerer = f.required(r, "answerer").and_then(|n| person(r, n, "answerer"));
    let co_submitters: Vec<Person> = f
        .get("co_submitters")
        .and_then(|n| r.list(n, "co_submitters"))
        .map(|l| l.iter().filter_map(|n| person(r, n, "co-submitter")).collect())
        .unwrap_or_default();
    let co_answerers: Vec<String> = f
        .get("co_answerers")
        .and_then(|n| r.list(n, "co_answerers"))
        .map(|l| l.iter().filter_map(|n| r.string(n)).collect())
        .unwrap_or_default();
    let reference = f.get("reference").and_then(|n| r.string(n));
    let delay_notices = delays(r, f.get("delays"), f.get("delay_notices"));
    let ministry = f.get("ministry").and_then(|n| r.string(n));
    let topics = f
        .get("topics")
        .and_then(|n| r.list(n, "topics"))
        .map(|l| l.iter().filter_map(|n| r.string(n)).collect())
        .unwrap_or_default();
    let documents = f.get("documents").map(|n| kamer_documents(r, n)).unwrap_or_default();
    let sources = f.get("sources").map(|n| string_map(r, n, "sources")).unwrap_or_default();
    let records_until = f.get("records").and_then(|n| {
        let mut rf = r.map(n, "records selection", RECORDS_FIELDS)?;
        let until = rf.get("until").and_then(|n| r.date(n));
        rf.finish(r);
        until.map(|u| u.value)
    });
    let footnotes = f.get("footnotes").map(|n| footnotes(r, n)).unwrap_or_default();
    let questions = f
        .required(r, "questions")
        .and_then(|n| r.list(n, "questions"))
        .map(|l| l.iter().filter_map(|n| question(r, n)).collect::<Vec<_>>());
    let woo = f.get("woo").map(|n| woo(r, n)).unwrap_or_default();
    let annexes = f.get("annexes").and_then(|n| annexes(r, n)).unwrap_or(Annexes {
        reports: true,
        selection: Selection::All,
        inventory: true,
        already_published: Vec::new(),
    });
    f.finish(r);
    Some(Dossier {
        id: id?,
        title: title?,
        answer_title,
        submitted: submitted?.value,
        answered: answered.map(|a| a.value),
        submitter: submitter?,
        co_submitters,
        addressee: addressee?,
        answerer: answerer?,
        co_answerers,
        reference,
        delay_notices,
        nader,
        sent: None,
        lock_file: String::new(),
        follow_up_sent: None,
        incomplete: false,
        ministry,
        sender: None,
        topics,
        documents,
        sources,
        records_until,
        footnotes,
        questions: questions?,
        annexes,
        woo,
    })
}

/// A dossier id names the output folder: letters, digits, `.`, `_`, `-`, not
/// starting with a dot.
fn dossier_id(r: &mut Reader, node: &Node) -> Option<At<String>> {
    let s = r.string(node)?;
    if !crate::model::is_safe_id(&s) {
        let d = Diagnostic::error(crate::tr!("dossier-id-unsafe", id = &s), r.node_span(node))
            .label(crate::tr!("dossier-id-unsafe-label"))
            .hint(crate::tr!("dossier-id-unsafe-hint"));
        r.push(d);
        return None;
    }
    Some(At::new(s, r.node_span(node)))
}

fn person(r: &mut Reader, node: &Node, what: &str) -> Option<Person> {
    let mut f = r.map(node, what, PERSON_FIELDS)?;
    let name = f.required(r, "name").and_then(|n| r.string(n));
    let short = f.get("short").and_then(|n| r.string(n));
    let party = f.get("party").and_then(|n| r.string(n));
    let role = f.get("role").and_then(|n| r.string(n));
    f.finish(r);
    let name = name?;
    let short = short.unwrap_or_else(|| name.rsplit(' ').next().unwrap_or(&name).to_string());
    Some(Person { name, short, party, role })
}

/// The delay notices, under `delays` (each sent by this ministry, with its
/// reason: written as `uitstel-<n>`) or under the older `delay_notices`
/// (known by date or Aanhangsel number); one list, not both.
fn delays(r: &mut Reader, delays: Option<&Node>, older: Option<&Node>) -> Vec<DelayNotice> {
    if let (Some(_), Some(o)) = (delays, older) {
        let d = Diagnostic::error(crate::tr!("delays-twice"), r.node_span(o))
            .label(crate::tr!("delays-twice-label"))
            .hint(crate::tr!("delays-twice-hint"));
        r.push(d);
        return Vec::new();
    }
    let (node, own) = match (delays, older) {
        (Some(n), _) => (n, true),
        (None, Some(n)) => (n, false),
        (None, None) => return Vec::new(),
    };
    let what = if own { "delays" } else { "delay_notices" };
    let Some(list) = r.list(node, what) else { return Vec::new() };
    list.iter().filter_map(|n| delay_notice(r, n, own)).collect()
}

/// One delay notice: when it was sent (`sent`, or `date`), why (`reason`, a
/// Markdown template), and its Aanhangsel document id once published
/// (`ah-tk-20222023-2207`: the parliamentary year and its number). Under
/// `delays` the date and the reason are required.
/// A date that drives a deadline (`submitted`, `answered`, a delay's
/// `sent`): a coarser one (`2023-03`) is an error at it, since the three
/// weeks count from the day.
fn day(r: &mut Reader, node: &Node, field: &str) -> Option<At<crate::model::Date>> {
    let d = r.date(node)?;
    if matches!(d.value, crate::model::Date::Day(_)) {
        return Some(d);
    }
    r.push(
        Diagnostic::error(
            crate::tr!("day-needed", field = field, given = d.value.dutch(crate::model::Precision::Day)),
            d.span,
        )
        .label(crate::tr!("day-needed-label"))
        .hint(crate::tr!("day-needed-hint")),
    );
    None
}

const FOLLOW_UP_FIELDS: &[&str] = &["answered", "reason"];

/// `nader: 2022-12-20` (the day it goes out), or a mapping with `answered`
/// and `reason` (what was corrected, printed in its text).
fn follow_up_plan(r: &mut Reader, node: &Node) -> Option<crate::model::FollowUpPlan> {
    let at = r.node_span(node);
    if !matches!(node.kind, Kind::Map(_)) {
        let answered = day(r, node, "nader")?;
        return Some(crate::model::FollowUpPlan { answered: Some(answered.value), reason: None, at });
    }
    let mut f = r.map(node, "follow-up answer", FOLLOW_UP_FIELDS)?;
    let answered = f.get("answered").and_then(|n| day(r, n, "nader.answered")).map(|d| d.value);
    let reason = f.get("reason").and_then(|n| r.text(n));
    Some(crate::model::FollowUpPlan { answered, reason, at })
}

fn delay_notice(r: &mut Reader, node: &Node, own: bool) -> Option<DelayNotice> {
    let mut f = r.map(node, "delay notice", DELAY_FIELDS)?;
    let sent_node = match (f.get("sent"), f.get("date")) {
        (Some(s), Some(d)) => {
            let e = Diagnostic::error(crate::tr!("delay-one-date"), r.node_span(d))
                .label(crate::tr!("delay-one-date-label"))
                .hint(crate::tr!("delay-one-date-hint"));
            r.push(e);
            Some(s)
        }
        (s, d) => s.or(d),
    };
    let sent = sent_node.and_then(|n| day(r, n, "sent")).map(|d| d.value);
    let reason = f.get("reason").and_then(|n| r.text(n));
    let aanhangsel = f.get("aanhangsel").and_then(|n| Some((r.string(n)?, r.node_span(n))));
    let mut ok = true;
    if own {
        for (name, given) in [("sent", sent_node.is_some()), ("reason", f.get("reason").is_some())] {
            if !given {
                let d = Diagnostic::error(crate::tr!("delay-missing", name = name), r.node_span(node))
                    .label(crate::tr!("delay-missing-label", name = name))
                    .hint(crate::tr!("delay-missing-hint"));
                r.push(d);
                ok = false;
            }
        }
    } else if sent_node.is_none() && aanhangsel.is_none() {
        let d = Diagnostic::error(crate::tr!("delay-undated"), r.node_span(node))
            .label(crate::tr!("delay-undated-label"))
            .hint(crate::tr!("delay-undated-hint"));
        r.push(d);
        ok = false;
    }
    f.finish(r);
    let aanhangsel = match aanhangsel {
        None => None,
        Some((id, span)) => match Aanhangsel::parse(&id) {
            Some(a) => Some(a),
            None => {
                let d = Diagnostic::error(crate::tr!("aanhangsel-invalid", id = &id), span)
                    .label(crate::tr!("aanhangsel-invalid-label"))
                    .hint(crate::tr!("aanhangsel-delay-hint"));
                r.push(d);
                return None;
            }
        },
    };
    ok.then_some(DelayNotice { sent, reason, aanhangsel })
}

/// `documents:`, the Kamer's ids of the question set's documents. The
/// answers' (`answer`, given once the Kamer published them) is an
/// Aanhangsel id: the letterhead shows it, and `status` and a follow-up
/// answer cite its year and number.
fn kamer_documents(r: &mut Reader, node: &Node) -> Vec<(String, String)> {
    let documents = string_map(r, node, "documents");
    let answer = match &node.kind {
        Kind::Map(entries) => entries.iter().find(|(k, _)| k.name == "answer").map(|(_, v)| v),
        _ => None,
    };
    if let Some(value) = answer
        && let Some((_, id)) = documents.iter().find(|(k, _)| k == "answer")
        && Aanhangsel::parse(id).is_none()
    {
        let d = Diagnostic::error(crate::tr!("aanhangsel-invalid", id = id), r.node_span(value))
            .label(crate::tr!("aanhangsel-invalid-label"))
            .hint(crate::tr!("aanhangsel-answer-hint"));
        r.push(d);
    }
    documents
}

fn string_map(r: &mut Reader, node: &Node, what: &str) -> Vec<(String, String)> {
    let Kind::Map(entries) = &node.kind else {
        r.map(node, what, &[]);
        return Vec::new();
    };
    entries.iter().filter_map(|(k, v)| r.string(v).map(|s| (k.name.clone(), s))).collect()
}

fn footnotes(r: &mut Reader, node: &Node) -> Vec<Footnote> {
    let Kind::Map(entries) = &node.kind else {
        r.map(node, "footnotes", &[]);
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in entries {
        let Some(mut f) = r.map(value, "footnote", FOOTNOTE_FIELDS) else { continue };
        let text = f.required(r, "text").and_then(|n| r.text(n));
        let url = f.get("url").and_then(|n| r.string(n));
        f.finish(r);
        if let Some(text) = text {
            out.push(Footnote { id: At::new(key.name.clone(), r.key_span(key)), text, url });
        }
    }
    out
}

fn question(r: &mut Reader, node: &Node) -> Option<Question> {
    let mut f = r.map(node, "question", QUESTION_FIELDS)?;
    let number = f.required(r, "number").and_then(|n| r.uint(n));
    let id = f.get("id").and_then(|n| {
        let s = r.string(n)?;
        if s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            Some(At::new(s, r.node_span(n)))
        } else {
            let d = Diagnostic::error(crate::tr!("question-id-invalid", id = &s), r.node_span(n))
                .label(crate::tr!("question-id-invalid-label"))
                .hint(crate::tr!("question-id-invalid-hint"));
            r.push(d);
            None
        }
    });
    let text = f.required(r, "text").and_then(|n| r.text(n));
    let (answer_node, with_node) = (f.get("answer"), f.get("answer_with"));
    let answer = answer_node.and_then(|n| r.text(n));
    let with = with_node.and_then(|n| r.uint(n));
    // A question whose answer could not be read stays in the dossier (its
    // number, id and notes still count), without an answer: only the
    // answer's own mistake is told.
    let answer = match (answer_node, with_node) {
        (Some(_), None) => answer.map(Answer::Template),
        (None, Some(_)) => with.map(Answer::With),
        (None, None) if f.misspelt("answer") || f.misspelt("answer_with") => None,
        (None, None) => {
            let d = Diagnostic::error(crate::tr!("question-unanswered"), r.node_span(node))
                .label(crate::tr!("question-unanswered-label"))
                .hint(crate::tr!("question-unanswered-hint"));
            r.push(d);
            None
        }
        (Some(_), Some(w)) => {
            let d = Diagnostic::error(crate::tr!("question-answer-both"), r.node_span(w))
                .label(crate::tr!("question-answer-both-label"));
            r.push(d);
            None
        }
    };
    f.finish(r);
    Some(Question { number: number?, id, text: text?, answer: answer.unwrap_or(Answer::Missing) })
}

/// `woo:`: the law, the parts of the document IDs, the publisher, the
/// information category and where the files are published.
fn woo(r: &mut Reader, node: &Node) -> WooFields {
    let Some(mut f) = r.map(node, "woo", WOO_FIELDS) else { return WooFields::default() };
    let law = f.get("law").and_then(|n| {
        r.choice(n, &["woo", "wob"], crate::redaction::Law::parse).map(|l| At::new(l, r.node_span(n)))
    });
    let mut part = |r: &mut Reader, name: &str, example: &'static str| {
        let n = f.get(name)?;
        r.checked(
            n,
            |s| crate::model::woo::is_id_part(s) && s.len() <= 40,
            |s| {
                (
                    crate::tr!("id-part-invalid", value = s),
                    crate::tr!("document-id-invalid-label", most = 40),
                    crate::tr!("id-part-invalid-hint", example = format!("{name}: {example}")),
                )
            },
        )
    };
    let prefix = part(r, "prefix", "BZK");
    let matter = part(r, "matter", "2022Z21205");
    let publisher = f.get("publisher").and_then(|n| {
        r.checked(
            n,
            |s| s.starts_with("https://identifier.overheid.nl/tooi/id/"),
            |s| {
                (
                    crate::tr!("tooi-invalid", value = s),
                    crate::tr!("tooi-invalid-label"),
                    crate::tr!("tooi-invalid-hint"),
                )
            },
        )
    });
    let category = f.get("category").and_then(|n| {
        r.checked(
            n,
            |s| crate::model::woo::category_name(s).is_some(),
            |s| {
                (
                    crate::tr!("category-invalid", value = s),
                    crate::tr!("category-invalid-label"),
                    crate::tr!(
                        "category-invalid-hint",
                        codes = crate::model::woo::category_codes().collect::<Vec<_>>().join(", ")
                    ),
                )
            },
        )
    });
    let base_url = f.get("base_url").and_then(|n| {
        r.checked(n, crate::model::woo::is_absolute_url, |s| {
            (
                crate::tr!("url-invalid", value = s),
                crate::tr!("url-invalid-label"),
                crate::tr!("base-url-hint"),
            )
        })
    });
    f.finish(r);
    WooFields { law, prefix, matter, publisher, category, base_url }
}

fn annexes(r: &mut Reader, node: &Node) -> Option<Annexes> {
    let mut f = r.map(node, "annexes", ANNEX_FIELDS)?;
    let selection = f.get("reports").and_then(|n| selection(r, n));
    let inventory = f.get("inventory").and_then(|n| r.boolean(n));
    let already_published = f
        .get("already_published")
        .and_then(|n| r.list(n, "already_published"))
        .map(|l| l.iter().filter_map(|n| published_before(r, n)).collect())
        .unwrap_or_default();
    f.finish(r);
    let selection = selection.unwrap_or(Selection::All);
    Some(Annexes {
        reports: selection.any(),
        selection,
        inventory: inventory.unwrap_or(true),
        already_published,
    })
}

/// One entry of `annexes.already_published`: a report whose documents an
/// earlier dossier published (`{ report: …, dossier: …, link: … }`).
fn published_before(r: &mut Reader, node: &Node) -> Option<crate::model::PublishedBefore> {
    let mut f = r.map(node, "already published report", PUBLISHED_FIELDS)?;
    let at = |r: &mut Reader, n: &Node| r.string(n).map(|s| At::new(s, r.node_span(n)));
    let report = f.required(r, "report").and_then(|n| at(r, n));
    let dossier = f.required(r, "dossier").and_then(|n| at(r, n));
    let link = f.get("link").and_then(|n| {
        r.checked(n, crate::model::woo::is_absolute_url, |s| {
            (
                crate::tr!("url-invalid", value = s),
                crate::tr!("url-invalid-label"),
                crate::tr!("published-link-hint"),
            )
        })
    });
    f.finish(r);
    Some(crate::model::PublishedBefore { report: report?, dossier: dossier?, link, at: r.node_span(node) })
}

/// `annexes.reports`: `all`, `none`, a list of report ids, or conditions on
/// the reports' fields (`{ date: { since: 2021-01-01 } }`).
fn selection(r: &mut Reader, node: &Node) -> Option<Selection> {
    let allowed = crate::tr!("annexes-reports-allowed");
    match &node.kind {
        Kind::Scalar(s) if s.trim() == "all" => Some(Selection::All),
        Kind::Scalar(s) if s.trim() == "none" => Some(Selection::None),
        Kind::Seq(items) => Some(Selection::Ids(items.iter().filter_map(|n| r.id(n, "report id")).collect())),
        Kind::Map(entries) => {
            let mut conditions = Vec::new();
            for (key, value) in entries {
                if !selection::FIELDS.contains(&key.name.as_str()) {
                    let fields = selection::FIELDS.join(", ");
                    let d = Diagnostic::error(
                        crate::tr!("select-field-unknown", name = &key.name),
                        r.key_span(key),
                    )
                    .label(crate::tr!("select-field-unknown-label"))
                    .hint(
                        match crate::diag::nearest(&key.name, selection::FIELDS.iter().copied()) {
                            Some(n) => crate::tr!("select-field-nearest", name = n, fields = &fields),
                            None => crate::tr!("field-list", names = &fields),
                        },
                    );
                    r.push(d);
                    continue;
                }
                let field = At::new(key.name.clone(), r.key_span(key));
                let Kind::Map(tests) = &value.kind else {
                    let d = Diagnostic::error(
                        crate::tr!("select-needs-test", name = &key.name),
                        r.node_span(value),
                    )
                    .label(crate::tr!("select-needs-test-label"))
                    .hint(crate::tr!("select-tests", tests = selection::TESTS.join(", ")));
                    r.push(d);
                    continue;
                };
                for (op, v) in tests {
                    let test = match op.name.as_str() {
                        "value" => r.string(v).map(Test::Value),
                        "not" => r.string(v).map(Test::Not),
                        "empty" => r.boolean(v).map(Test::Empty),
                        "before" => r.date(v).map(|d| Test::Before(d.value)),
                        "after" => r.date(v).map(|d| Test::After(d.value)),
                        "since" => r.date(v).map(|d| Test::Since(d.value)),
                        "until" => r.date(v).map(|d| Test::Until(d.value)),
                        "contains" => r.string(v).map(Test::Contains),
                        "any_of" => r
                            .list(v, "values")
                            .map(|l| Test::AnyOf(l.iter().filter_map(|n| r.string(n)).collect())),
                        other => {
                            let d = Diagnostic::error(
                                crate::tr!("select-test-unknown", name = other),
                                r.key_span(op),
                            )
                            .label(crate::tr!("select-test-unknown-label"))
                            .hint(crate::tr!("select-tests", tests = selection::TESTS.join(", ")));
                            r.push(d);
                            None
                        }
                    };
                    if let Some(test) = test {
                        conditions.push(Condition { field: field.clone(), test });
                    }
                }
            }
            Some(Selection::Where(conditions))
        }
        other => {
            // `alle` means `all`: said so.
            let meant = match other {
                Kind::Scalar(s) => crate::load::read::dutch_word(s).filter(|w| ["all", "none"].contains(w)),
                _ => None,
            };
            let hint = match meant {
                Some(w) => crate::tr!("did-you-mean", name = w),
                None => crate::tr!("annexes-reports-kind-hint", allowed = &allowed),
            };
            let d = Diagnostic::error(crate::tr!("annexes-reports-kind"), r.node_span(node))
                .label(crate::tr!("annexes-reports-kind-label"))
                .hint(hint);
            r.push(d);
            None
        }
    }
}
