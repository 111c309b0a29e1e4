//! Reads `records/*.yaml`: the accounts and reports of the register.

use super::read::Reader;
use super::yaml::Node;
use crate::diag::Diagnostic;
use crate::model::{
    Account, At, Date, Direction, Factcheck, Form, Ground, Initiative, Judgement, Letter, Outcome,
    OutcomeStatus, Register, Report,
};
use crate::redaction::Law;

const FILE_FIELDS: &[&str] = &["accounts", "reports"];
const ACCOUNT_FIELDS: &[&str] = &[
    "id",
    "platform",
    "platform_now",
    "holder",
    "status",
    "channel",
    "granted",
    "occasion",
    "initiative",
    "first_used",
    "notes",
];
const REPORT_FIELDS: &[&str] = &[
    "id",
    "date",
    "accounts",
    "on_behalf_of",
    "on_behalf_detail",
    "election",
    "subject",
    "summary",
    "items",
    "factcheck",
    "correspondence",
    "outcome",
];
const FACTCHECK_FIELDS: &[&str] = &["date", "by", "url"];
const LETTER_FIELDS: &[&str] = &[
    "date",
    "direction",
    "from",
    "to",
    "text",
    "reconstructed",
    "form",
    "judgement",
    "grounds",
    "id",
    "law",
    "duplicate_of",
];
const OUTCOME_FIELDS: &[&str] = &["status", "date", "text"];

/// Adds the accounts and reports of one records file to `register`.
pub fn read_file(r: &mut Reader, root: &Node, register: &mut Register) {
    if root.kind == super::yaml::Kind::Null {
        let d = Diagnostic::error(crate::tr!("records-file-empty"), r.span(0, 0))
            .label(crate::tr!("records-file-empty-label"))
            .hint(crate::tr!("records-file-empty-hint"));
        r.push(d);
        return;
    }
    let Some(mut fields) = r.map(root, "records file", FILE_FIELDS) else { return };
    if let Some(list) = fields.get("accounts").and_then(|n| r.list(n, "accounts")) {
        register.accounts.extend(list.iter().filter_map(|n| account(r, n)));
    }
    if let Some(list) = fields.get("reports").and_then(|n| r.list(n, "reports")) {
        register.reports.extend(list.iter().filter_map(|n| report(r, n)));
    }
    fields.finish(r);
}

fn account(r: &mut Reader, node: &Node) -> Option<Account> {
    let mut f = r.map(node, "account", ACCOUNT_FIELDS)?;
    let id = f.required(r, "id").and_then(|n| r.id(n, "account id"));
    let platform = f.required(r, "platform").and_then(|n| r.string(n));
    let platform_now = f.get("platform_now").and_then(|n| r.string(n));
    let holder = f.required(r, "holder").and_then(|n| r.string(n));
    let status = f.required(r, "status").and_then(|n| r.string(n));
    let channel = f.get("channel").and_then(|n| r.string(n));
    let granted = f.get("granted").and_then(|n| r.date(n));
    let occasion = f.get("occasion").and_then(|n| r.string(n));
    let initiative = f.get("initiative").and_then(|n| {
        r.choice(n, &["platform", "holder"], |s| match s {
            "platform" => Some(Initiative::Platform),
            "holder" => Some(Initiative::Holder),
            _ => None,
        })
    });
    let first_used = f.get("first_used").and_then(|n| r.date(n));
    let notes = f.get("notes").and_then(|n| r.text(n));
    f.finish(r);
    Some(Account {
        id: id?,
        platform: platform?,
        platform_now,
        holder: holder?,
        status: status?,
        channel,
        granted,
        occasion,
        initiative,
        first_used,
        notes,
    })
}

fn report(r: &mut Reader, node: &Node) -> Option<Report> {
    let mut f = r.map(node, "report", REPORT_FIELDS)?;
    let id = f.required(r, "id").and_then(|n| r.id(n, "report id"));
    let date = f.required(r, "date").and_then(|n| r.date(n));
    let accounts = f.required(r, "accounts").and_then(|n| {
        let list = r.list(n, "account ids")?;
        if list.is_empty() {
            let d = Diagnostic::error(crate::tr!("report-no-account"), r.node_span(n))
                .label(crate::tr!("report-no-account-label"))
                .hint(crate::tr!("report-no-account-hint"));
            r.push(d);
            return None;
        }
        list.iter().map(|n| r.id(n, "account id")).collect::<Option<Vec<_>>>()
    });
    let on_behalf_of = f.get("on_behalf_of").and_then(|n| r.string(n));
    let on_behalf_detail = f.get("on_behalf_detail").and_then(|n| r.string(n));
    let election = f.get("election").and_then(|n| r.string(n));
    let subject = f.required(r, "subject").and_then(|n| r.string(n));
    let summary = f.required(r, "summary").and_then(|n| r.text(n));
    let items = f.get("items").and_then(|n| r.uint(n)).map(|n| n.value);
    let factcheck = f.get("factcheck").and_then(|n| factcheck(r, n));
    let report_date = date.as_ref().map(|d| d.value);
    let correspondence = match f.get("correspondence") {
        Some(n) => r.list(n, "letters").map(|l| l.iter().filter_map(|n| letter(r, n, report_date)).collect()),
        None => Some(Vec::new()),
    };
    let outcome = f.get("outcome").and_then(|n| outcomes(r, n, report_date)).unwrap_or_default();
    f.finish(r);
    Some(Report {
        id: id?,
        date: date?,
        accounts: accounts?,
        on_behalf_of,
        on_behalf_detail,
        election,
        subject: subject?,
        summary: summary?,
        items,
        factcheck,
        correspondence: correspondence?,
        outcome,
    })
}

fn factcheck(r: &mut Reader, node: &Node) -> Option<Factcheck> {
    let mut f = r.map(node, "factcheck", FACTCHECK_FIELDS)?;
    let date = f.get("date").and_then(|n| r.date(n)).map(|d| d.value);
    let by = f.get("by").and_then(|n| r.string(n));
    let url = f.get("url").and_then(|n| r.string(n));
    f.finish(r);
    Some(Factcheck { date, by, url })
}

/// A date, or `report`: the date of the report it belongs to (so that a
/// corrected report date reaches its letters and outcomes).
fn dated(r: &mut Reader, node: &Node, report: Option<Date>) -> Option<At<Date>> {
    if matches!(&node.kind, super::yaml::Kind::Scalar(s) if s.trim() == "report") {
        return report.map(|d| At::new(d, r.node_span(node)));
    }
    r.date(node)
}

/// What a letter is: `form:`, or the older `reconstructed: true`; the two
/// may not disagree.
fn letter_form(r: &mut Reader, form: Option<&Node>, reconstructed: Option<&Node>) -> Form {
    let written = form.and_then(|n| {
        r.choice(n, &["original", "reconstruction", "summary"], Form::parse).map(|f| (f, r.node_span(n)))
    });
    let old = reconstructed.and_then(|n| r.boolean(n).map(|b| (b, r.node_span(n))));
    match (written, old) {
        (Some((f, at)), Some((b, also))) if (f == Form::Reconstruction) != b => {
            let d = Diagnostic::error(crate::tr!("form-disagrees"), at)
                .label(crate::tr!("form-disagrees-label"))
                .also(also, crate::tr!("form-disagrees-also"))
                .hint(crate::tr!("form-disagrees-hint"));
            r.push(d);
            f
        }
        (Some((f, _)), _) => f,
        (None, Some((true, _))) => Form::Reconstruction,
        _ => Form::Original,
    }
}

fn letter(r: &mut Reader, node: &Node, report_date: Option<Date>) -> Option<Letter> {
    let mut f = r.map(node, "letter", LETTER_FIELDS)?;
    let date = f.get("date").and_then(|n| dated(r, n, report_date));
    let (date, date_at) = (date.as_ref().map(|d| d.value), date.map(|d| d.span));
    let direction = f.required(r, "direction").and_then(|n| {
        r.choice(n, &["sent", "received"], |s| match s {
            "sent" => Some(Direction::Sent),
            "received" => Some(Direction::Received),
            _ => None,
        })
    });
    let from = f.required(r, "from").and_then(|n| r.string(n));
    let to = f.required(r, "to").and_then(|n| r.string(n));
    let text = f.required(r, "text").and_then(|n| r.text(n));
    let form = letter_form(r, f.get("form"), f.get("reconstructed"));
    let judgement = f.get("judgement").and_then(|n| {
        r.choice(n, &["openbaar", "deels openbaar", "niet openbaar", "reeds openbaar"], Judgement::parse)
            .map(|j| At::new(j, r.node_span(n)))
    });
    let mut grounds = Vec::new();
    let mut ground_spans = Vec::new();
    let mut dubbel = None;
    for n in f.get("grounds").and_then(|n| r.list(n, "Woo grounds")).unwrap_or_default() {
        if matches!(&n.kind, super::yaml::Kind::Scalar(s) if s.trim() == "dubbel") {
            dubbel = Some(r.node_span(n));
        } else if let Some(g) = ground(r, n) {
            grounds.push(g);
            ground_spans.push(r.node_span(n));
        }
    }
    let id = f.get("id").and_then(|n| document_id(r, n));
    let law = f
        .get("law")
        .and_then(|n| r.choice(n, &["woo", "wob"], Law::parse).map(|l| At::new(l, r.node_span(n))));
    let duplicate_of = f.get("duplicate_of").and_then(|n| document_id(r, n));
    if let (Some(span), None) = (dubbel, &duplicate_of) {
        let d = Diagnostic::error(crate::tr!("duplicate-without"), span)
            .label(crate::tr!("duplicate-without-label"))
            .hint(crate::tr!("duplicate-without-hint"));
        r.push(d);
    }
    f.finish(r);
    Some(Letter {
        date,
        date_at,
        direction: direction?,
        from: from?,
        to: to?,
        text: text?,
        form,
        judgement,
        grounds,
        ground_spans,
        id,
        law,
        duplicate_of,
        dubbel,
    })
}

/// A document ID as the platforms take it: `[A-Za-z0-9.-]`, 1–170 long.
fn document_id(r: &mut Reader, node: &Node) -> Option<At<String>> {
    r.checked(node, crate::model::woo::is_document_id, |s| {
        (
            crate::tr!("document-id-invalid", value = s),
            crate::tr!("document-id-invalid-label", most = 170),
            crate::tr!("document-id-invalid-hint"),
        )
    })
}

fn ground(r: &mut Reader, node: &Node) -> Option<Ground> {
    let code = r.string(node)?;
    let found = Ground::parse(&code);
    if found.is_none() {
        let d = Diagnostic::error(crate::tr!("ground-unknown", code = code), r.node_span(node))
            .label(crate::tr!("ground-unknown-label"))
            .hint(crate::tr!(
                "ground-unknown-hint",
                woo = Ground::codes_of(Law::Woo).collect::<Vec<_>>().join(", "),
                wob = Ground::codes_of(Law::Wob).collect::<Vec<_>>().join(", ")
            ));
        r.push(d);
    }
    found
}

fn outcomes(r: &mut Reader, node: &Node, report_date: Option<Date>) -> Option<Vec<Outcome>> {
    let super::yaml::Kind::Map(entries) = &node.kind else {
        let d = Diagnostic::error(crate::tr!("outcome-mapping"), r.node_span(node))
            .label(crate::tr!("outcome-mapping-label"));
        r.push(d);
        return None;
    };
    let mut out = Vec::new();
    for (key, value) in entries {
        let key_node =
            Node { kind: super::yaml::Kind::Scalar(key.name.clone()), start: key.start, end: key.end };
        let Some(account) = r.id(&key_node, "account id") else { continue };
        let Some(mut f) = r.map(value, "outcome", OUTCOME_FIELDS) else { continue };
        let status =
            f.required(r, "status").and_then(|n| r.choice(n, &OutcomeStatus::NAMES, OutcomeStatus::parse));
        let date = f.get("date").and_then(|n| dated(r, n, report_date));
        let (date, date_at) = (date.as_ref().map(|d| d.value), date.map(|d| d.span));
        let text = f.get("text").and_then(|n| r.text(n));
        f.finish(r);
        if let Some(status) = status {
            out.push(Outcome { account, status, date, date_at, text });
        }
    }
    Some(out)
}
