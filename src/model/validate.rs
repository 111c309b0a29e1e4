//! Checks across records and dossiers that no single field can make: unique
//! ids, known accounts, `first_used` against the reports, question numbering,
//! `answer_with`, footnotes, and Woo redaction markers.

use super::redaction;
use super::{Answer, Dossier, Register};
use crate::diag::nearest;
use crate::diag::{Diagnostic, Diagnostics};
use std::collections::HashMap;

pub fn register(reg: &Register, diags: &mut Diagnostics) {
    let mut seen = HashMap::new();
    for a in &reg.accounts {
        if let Some(first) = seen.insert(a.id.value.as_str(), a.id.span) {
            diags.push(
                Diagnostic::error(crate::tr!("id-twice-account", id = &a.id.value), a.id.span)
                    .label(crate::tr!("id-twice-label"))
                    .also(first, crate::tr!("id-twice-first"))
                    .hint(crate::tr!("id-twice-hint")),
            );
        }
    }
    let mut seen = HashMap::new();
    for r in &reg.reports {
        if let Some(first) = seen.insert(r.id.value.as_str(), r.id.span) {
            diags.push(
                Diagnostic::error(crate::tr!("id-twice-report", id = &r.id.value), r.id.span)
                    .label(crate::tr!("id-twice-label"))
                    .also(first, crate::tr!("id-twice-first"))
                    .hint(crate::tr!("id-twice-hint")),
            );
        }
        let mut listed: Vec<&str> = Vec::new();
        for acc in &r.accounts {
            if reg.account(&acc.value).is_none() {
                // An account that failed to load is not unknown: its own error says why.
                if !reg.incomplete {
                    diags.push(unknown_account(reg, &acc.value, acc.span));
                }
            } else if listed.contains(&acc.value.as_str()) {
                diags.push(
                    Diagnostic::error(crate::tr!("account-listed-twice", id = &acc.value), acc.span)
                        .label(crate::tr!("account-listed-twice-label")),
                );
            }
            listed.push(&acc.value);
        }
        for o in &r.outcome {
            if !r.went_through(&o.account.value) {
                diags.push(
                    Diagnostic::error(
                        crate::tr!("outcome-not-account", id = &o.account.value),
                        o.account.span,
                    )
                    .label(crate::tr!("outcome-not-account-label"))
                    .hint(crate::tr!("outcome-not-account-hint", accounts = listed.join(", "))),
                );
            }
        }
        for acc in &r.accounts {
            let has = r.outcome.iter().any(|o| o.account.value == acc.value);
            if !has && reg.account(&acc.value).is_some() {
                diags.push(
                    Diagnostic::error(
                        crate::tr!("outcome-missing", report = &r.id.value, account = &acc.value),
                        acc.span,
                    )
                    .label(crate::tr!("outcome-missing-label"))
                    .hint(crate::tr!("outcome-missing-hint", account = &acc.value)),
                );
            }
        }
        for l in &r.correspondence {
            judgement(l, diags);
        }
        dates_agree(reg, r, diags);
    }
    // A report that failed to load could be the earliest: `first_used` is
    // checked against a complete register only.
    for a in reg.accounts.iter().filter(|_| !reg.incomplete) {
        let Some(first_used) = &a.first_used else { continue };
        let earliest = reg.reports_until(None).into_iter().find(|r| r.went_through(&a.id.value));
        match earliest {
            Some(r) if r.date.value == first_used.value => {}
            Some(r) => diags.push(
                Diagnostic::error(
                    crate::tr!(
                        "first-used-contradicts",
                        account = &a.id.value,
                        first = first_used.value.to_string(),
                        earliest = r.date.value.to_string()
                    ),
                    first_used.span,
                )
                .label(crate::tr!("first-used-contradicts-label"))
                .also(r.date.span, crate::tr!("first-used-earliest", account = &a.id.value))
                .hint(crate::tr!("first-used-contradicts-hint", earliest = r.date.value.to_string())),
            ),
            None => diags.push(
                Diagnostic::error(
                    crate::tr!(
                        "first-used-unused",
                        account = &a.id.value,
                        first = first_used.value.to_string()
                    ),
                    first_used.span,
                )
                .label(crate::tr!("first-used-unused-label"))
                .hint(crate::tr!("first-used-unused-hint")),
            ),
        }
    }
}

/// A report's dates must agree: no letter or outcome before the report, and
/// an outcome dated otherwise than every reply from its platform is told.
/// Warnings, at both places: a date can be right and look wrong.
fn dates_agree(reg: &Register, r: &super::Report, diags: &mut Diagnostics) {
    let reported = r.date.value;
    let before = |d: super::Date| d.is_before(reported);
    for l in &r.correspondence {
        let (Some(date), Some(at)) = (l.date, l.date_at) else { continue };
        if before(date) {
            diags.push(
                Diagnostic::warning(
                    crate::tr!(
                        "letter-before-report",
                        date = date.to_string(),
                        reported = reported.to_string()
                    ),
                    at,
                )
                .label(crate::tr!("before-report-label"))
                .also(r.date.span, crate::tr!("report-date-label"))
                .hint(crate::tr!("letter-before-report-hint")),
            );
        }
    }
    for o in &r.outcome {
        let (Some(date), Some(at)) = (o.date, o.date_at) else { continue };
        if before(date) {
            diags.push(
                Diagnostic::warning(
                    crate::tr!(
                        "outcome-before-report",
                        account = &o.account.value,
                        date = date.to_string(),
                        reported = reported.to_string()
                    ),
                    at,
                )
                .label(crate::tr!("before-report-label"))
                .also(r.date.span, crate::tr!("report-date-label"))
                .hint(crate::tr!("outcome-before-report-hint")),
            );
        }
        // The platform's replies in this report, dated.
        let Some(account) = reg.account(&o.account.value) else { continue };
        let names = [Some(account.platform.as_str()), account.platform_now.as_deref()];
        let replies: Vec<(super::Date, crate::source::Span)> = r
            .correspondence
            .iter()
            .filter(|l| l.direction == super::Direction::Received && names.contains(&Some(l.from.as_str())))
            .filter_map(|l| Some((l.date?, l.date_at?)))
            .collect();
        if let Some(&(reply, reply_at)) = replies.last()
            && !replies.iter().any(|(d, _)| *d == date)
        {
            diags.push(
                Diagnostic::warning(
                    crate::tr!(
                        "outcome-reply-date",
                        account = &o.account.value,
                        date = date.to_string(),
                        reply = reply.to_string()
                    ),
                    at,
                )
                .label(crate::tr!("outcome-date-label"))
                .also(reply_at, crate::tr!("reply-date-label"))
                .hint(crate::tr!("outcome-reply-date-hint")),
            );
        }
    }
}

/// A judgement set by hand must agree with the document's redactions.
fn judgement(letter: &super::Letter, diags: &mut Diagnostics) {
    use super::Judgement::*;
    let Some(j) = &letter.judgement else { return };
    let marked = !redaction::grounds(&letter.text.value).is_empty();
    let problem = match j.value {
        Openbaar | ReedsOpenbaar if marked || !letter.grounds.is_empty() => {
            Some(crate::tr!("judgement-withheld", judgement = j.value.label().to_lowercase()))
        }
        DeelsOpenbaar if !marked => Some(crate::tr!("judgement-partly")),
        NietOpenbaar if !marked && letter.grounds.is_empty() && letter.duplicate_of.is_none() => {
            Some(crate::tr!("judgement-not-public"))
        }
        _ => None,
    };
    if let Some(message) = problem {
        diags.push(
            Diagnostic::error(message, j.span)
                .label(crate::tr!("judgement-label"))
                .hint(crate::tr!("judgement-hint")),
        );
    }
}

fn unknown_account(reg: &Register, id: &str, span: crate::source::Span) -> Diagnostic {
    let ids = reg.accounts.iter().map(|a| a.id.value.as_str());
    let hint = match nearest(id, ids.clone()) {
        Some(n) => crate::tr!("did-you-mean", name = n),
        None if reg.accounts.is_empty() => crate::tr!("no-account-read"),
        None => crate::tr!("known-accounts", ids = ids.collect::<Vec<_>>().join(", ")),
    };
    Diagnostic::error(crate::tr!("account-unknown", id = id), span)
        .label(crate::tr!("account-unknown-label"))
        .hint(hint)
}

pub fn dossiers(all: &[Dossier], diags: &mut Diagnostics) {
    let mut seen = HashMap::new();
    for d in all {
        if let Some(first) = seen.insert(d.id.value.as_str(), d.id.span) {
            diags.push(
                Diagnostic::error(crate::tr!("dossier-id-twice", id = &d.id.value), d.id.span)
                    .label(crate::tr!("dossier-id-twice-label"))
                    .also(first, crate::tr!("dossier-id-twice-first"))
                    .hint(crate::tr!("dossier-id-twice-hint")),
            );
        }
        dossier(d, diags);
    }
}

pub fn dossier(d: &Dossier, diags: &mut Diagnostics) {
    if let Some(answered) = d.answered
        && answered < d.submitted
    {
        diags.push(
            Diagnostic::error(
                crate::tr!(
                    "answered-before-submitted",
                    answered = answered.to_string(),
                    submitted = d.submitted.to_string()
                ),
                d.id.span,
            )
            .label(crate::tr!("in-this-dossier"))
            .hint(crate::tr!("answered-before-submitted-hint")),
        );
    }
    for (i, q) in d.questions.iter().enumerate() {
        let expected = i as u32 + 1;
        if q.number.value != expected {
            diags.push(
                Diagnostic::error(
                    crate::tr!("question-number", expected = expected, found = q.number.value),
                    q.number.span,
                )
                .label(crate::tr!("question-number-label", expected = expected))
                .hint(crate::tr!("question-number-hint")),
            );
        }
    }
    let mut ids = HashMap::new();
    for q in &d.questions {
        if let Some(id) = &q.id
            && let Some(first) = ids.insert(id.value.as_str(), id.span)
        {
            diags.push(
                Diagnostic::error(crate::tr!("question-id-twice", id = &id.value), id.span)
                    .label(crate::tr!("question-id-twice-label"))
                    .also(first, crate::tr!("question-id-twice-first")),
            );
        }
        let Answer::With(target) = &q.answer else { continue };
        let found = d.questions.iter().find(|o| o.number.value == target.value);
        let problem = match found {
            None => Some(crate::tr!("answer-with-missing", number = target.value)),
            Some(t) if t.number.value == q.number.value => Some(crate::tr!("answer-with-itself")),
            Some(t) if matches!(t.answer, Answer::With(_)) => {
                Some(crate::tr!("answer-with-chain", number = t.number.value))
            }
            Some(_) => None,
        };
        if let Some(message) = problem {
            diags.push(
                Diagnostic::error(message, target.span)
                    .label("answer_with")
                    .hint(crate::tr!("answer-with-hint", count = d.questions.len())),
            );
        }
    }
    footnotes(d, diags);
}

/// `[^id]` references in questions and answers against the defined footnotes.
fn footnotes(d: &Dossier, diags: &mut Diagnostics) {
    let mut used = std::collections::HashSet::new();
    let texts = d.questions.iter().flat_map(|q| {
        let answer = match &q.answer {
            Answer::Template(t) => Some(t),
            Answer::With(_) | Answer::Missing => None,
        };
        std::iter::once(&q.text).chain(answer)
    });
    for text in texts {
        for (start, id) in footnote_refs(&text.value) {
            used.insert(id.to_string());
            if !d.footnotes.iter().any(|f| f.id.value == id) {
                let defined: Vec<&str> = d.footnotes.iter().map(|f| f.id.value.as_str()).collect();
                diags.push(
                    Diagnostic::error(
                        crate::tr!("footnote-undefined", id = id),
                        text.span_of(start, start + id.len() + 3),
                    )
                    .label(crate::tr!("footnote-undefined-label"))
                    .hint(match nearest(id, defined.iter().copied()) {
                        Some(n) => crate::tr!("footnote-undefined-nearest", name = n),
                        None => crate::tr!("footnote-undefined-hint", id = id),
                    }),
                );
            }
        }
    }
    // An answer that could not be read may be where a note is used.
    let unreadable = d.questions.iter().any(|q| matches!(q.answer, Answer::Missing));
    for f in d.footnotes.iter().filter(|_| !unreadable) {
        if !used.contains(&f.id.value) {
            diags.push(
                Diagnostic::warning(crate::tr!("footnote-unused", id = &f.id.value), f.id.span)
                    .label(crate::tr!("footnote-unused-label"))
                    .hint(crate::tr!("footnote-unused-hint", id = &f.id.value)),
            );
        }
    }
}

/// The `[^id]` references in a text, with their byte offsets.
pub fn footnote_refs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(i) = text[rest..].find("[^") {
        let start = rest + i;
        let body = &text[start + 2..];
        match body.find(']') {
            Some(end) if end > 0 && !body[..end].contains(char::is_whitespace) => {
                out.push((start, &body[..end]));
                rest = start + 2 + end + 1;
            }
            _ => rest = start + 2,
        }
    }
    out
}

/// The Woo rules that need a dossier and the register together: every
/// annexed document's ID has the platforms' form and is the dossier's only
/// one of that ID; every ground is of the law the document is judged under
/// (the letter's `law`, else the dossier's); a `duplicate_of` in the
/// dossier's own series names one of its documents.
pub fn publication(project: &super::Project, diags: &mut Diagnostics) {
    for d in &project.dossiers {
        // A report annexed by id must exist (and be in the dossier's scope).
        if let super::selection::Selection::Ids(ids) = &d.annexes.selection {
            let in_scope = project.register.reports_until(d.records_until);
            for id in ids {
                if !in_scope.iter().any(|r| r.id.value == id.value) && !project.register.incomplete {
                    let known = project.register.reports.iter().any(|r| r.id.value == id.value);
                    diags.push(
                        Diagnostic::error(
                            if known {
                                crate::tr!("annex-after-until", id = &id.value)
                            } else {
                                crate::tr!("report-id-unknown", id = &id.value)
                            },
                            id.span,
                        )
                        .label(crate::tr!("annexed-by-id"))
                        .maybe_hint(
                            nearest(&id.value, in_scope.iter().map(|r| r.id.value.as_str()))
                                .map(|n| crate::tr!("did-you-mean", name = n)),
                        ),
                    );
                }
            }
        }
        already_published(project, d, diags);
        if !(d.annexes.reports || d.annexes.inventory) {
            continue;
        }
        let publication = d.publication();
        let reports: Vec<&super::Report> = project
            .register
            .reports_until(d.records_until)
            .into_iter()
            .filter(|r| d.annexes.includes(r))
            .collect();
        let mut ids: HashMap<String, crate::source::Span> = HashMap::new();
        for r in &reports {
            for (letter, id) in r.correspondence.iter().zip(r.document_ids(&publication)) {
                let at = letter.id.as_ref().map_or(r.id.span, |i| i.span);
                if !super::woo::is_document_id(&id) {
                    diags.push(
                        Diagnostic::error(crate::tr!("document-id-long", id = &id), at)
                            .label(crate::tr!("document-id-long-label"))
                            .also(d.id.span, crate::tr!("in-this-dossier"))
                            .hint(crate::tr!("document-id-long-hint")),
                    );
                }
                if let Some(first) = ids.insert(id.clone(), at) {
                    diags.push(
                        Diagnostic::error(crate::tr!("document-id-twice", id = &id), at)
                            .label(crate::tr!("second-label"))
                            .also(first, crate::tr!("first-label"))
                            .hint(crate::tr!("document-id-twice-hint")),
                    );
                }
                law_of_grounds(letter, &publication, d, diags);
            }
        }
        let own = format!("{}-{}-", publication.prefix, publication.matter);
        for r in &reports {
            for letter in &r.correspondence {
                let Some(dup) = &letter.duplicate_of else { continue };
                if dup.value.starts_with(&own) && !ids.contains_key(&dup.value) {
                    diags.push(
                        Diagnostic::error(
                            crate::tr!("duplicate-unknown", id = &dup.value, dossier = &d.id.value),
                            dup.span,
                        )
                        .label(crate::tr!("duplicate-unknown-label"))
                        .also(d.id.span, crate::tr!("duplicate-unknown-also"))
                        .hint(crate::tr!("duplicate-unknown-hint")),
                    );
                }
            }
        }
    }
}

/// Each entry of `annexes.already_published` names a report this dossier
/// annexes, once, and an earlier dossier of the data folder that annexed it
/// and whose publication address is known.
fn already_published(project: &super::Project, d: &Dossier, diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, crate::source::Span> = HashMap::new();
    let annexed = |dossier: &Dossier, id: &str| {
        project
            .register
            .reports_until(dossier.records_until)
            .into_iter()
            .any(|r| r.id.value == id && dossier.annexes.includes(r))
    };
    for e in &d.annexes.already_published {
        let report = e.report.value.as_str();
        if let Some(first) = seen.insert(report, e.report.span) {
            diags.push(
                Diagnostic::error(crate::tr!("published-twice", report = report), e.report.span)
                    .label(crate::tr!("second-label"))
                    .also(first, crate::tr!("first-label"))
                    .hint(crate::tr!("published-twice-hint")),
            );
            continue;
        }
        if !annexed(d, report) {
            let known = project.register.reports.iter().any(|r| r.id.value == report);
            let mut diag = Diagnostic::error(
                if known {
                    crate::tr!("published-not-annexed", report = report, dossier = &d.id.value)
                } else {
                    crate::tr!("report-id-unknown", id = report)
                },
                e.report.span,
            )
            .label(crate::tr!("published-label"));
            diag = match known {
                true => diag.hint(crate::tr!("published-not-annexed-hint")),
                false => diag.maybe_hint(
                    nearest(report, project.register.reports.iter().map(|r| r.id.value.as_str()))
                        .map(|n| crate::tr!("did-you-mean", name = n)),
                ),
            };
            diags.push(diag);
            continue;
        }
        let Some(earlier) =
            project.dossiers.iter().find(|x| x.id.value == e.dossier.value && x.id.value != d.id.value)
        else {
            diags.push(
                Diagnostic::error(
                    crate::tr!("published-dossier-unknown", id = &e.dossier.value),
                    e.dossier.span,
                )
                .label(crate::tr!("published-with-label"))
                .hint(
                    match nearest(
                        &e.dossier.value,
                        project
                            .dossiers
                            .iter()
                            .filter(|x| x.id.value != d.id.value)
                            .map(|x| x.id.value.as_str()),
                    ) {
                        Some(n) => crate::tr!("did-you-mean", name = n),
                        None => crate::tr!("published-dossier-unknown-hint"),
                    },
                ),
            );
            continue;
        };
        if !annexed(earlier, report) {
            diags.push(
                Diagnostic::error(
                    crate::tr!(
                        "published-elsewhere-not-annexed",
                        dossier = &earlier.id.value,
                        report = report
                    ),
                    e.dossier.span,
                )
                .label(crate::tr!("published-with-label"))
                .also(e.report.span, crate::tr!("this-report"))
                .hint(crate::tr!("published-elsewhere-not-annexed-hint")),
            );
            continue;
        }
        if e.link.is_none() && earlier.publication().base_url.is_none() {
            diags.push(
                Diagnostic::error(crate::tr!("published-where-unknown", dossier = &earlier.id.value), e.at)
                    .label(crate::tr!("published-here-label"))
                    .also(earlier.id.span, crate::tr!("published-no-base-url"))
                    .hint(crate::tr!("published-where-unknown-hint")),
            );
        }
    }
}

/// Each ground of `letter` (in its markers and under `grounds`) must be of
/// the law it is judged under.
fn law_of_grounds(
    letter: &super::Letter,
    publication: &super::Publication,
    d: &Dossier,
    diags: &mut Diagnostics,
) {
    let (law, law_at) = match &letter.law {
        Some(l) => (l.value, Some(l.span)),
        None => (publication.law, publication.law_at),
    };
    // A marker of the other law starts `[[1` (Wob) or `[[5` (Woo): only a
    // text that holds one is scanned (30,000 letters are checked per dossier).
    let other = match law {
        redaction::Law::Woo => "[[1",
        redaction::Law::Wob => "[[5",
    };
    let text = if letter.text.value.contains(other) { letter.text.value.as_str() } else { "" };
    let marked = redaction::markers(text)
        .into_iter()
        .map(|(range, g, _)| (g, letter.text.span_of(range.start, range.start + 2 + g.code().len())));
    let listed = letter.grounds.iter().copied().zip(letter.ground_spans.iter().copied());
    for (ground, at) in marked.chain(listed).filter(|(g, _)| g.law() != law) {
        let mut e = Diagnostic::error(
            crate::tr!("ground-law", ground = ground.code(), its = ground.law().name(), law = law.name()),
            at,
        )
        .label(crate::tr!("ground-law-label", its = ground.law().name()))
        .hint(crate::tr!(
            "ground-law-hint",
            law = law.name(),
            codes = redaction::Ground::codes_of(law).collect::<Vec<_>>().join(", "),
            its_key = ground.law().name().to_lowercase(),
            its = ground.law().name()
        ));
        e = match law_at {
            Some(s) => e.also(s, crate::tr!("ground-law-at")),
            None => e.also(d.id.span, crate::tr!("ground-law-default")),
        };
        diags.push(e);
    }
}

#[cfg(test)]
mod tests {
    use super::footnote_refs;

    #[test]
    fn finds_footnote_references() {
        let refs = footnote_refs("a?[^archief] b [^x y] c[^d1031]. [^]");
        let ids: Vec<&str> = refs.iter().map(|r| r.1).collect();
        assert_eq!(ids, ["archief", "d1031"]);
        assert_eq!(refs[0].0, 2);
    }
}
